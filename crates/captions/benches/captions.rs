//! Throughput of `Stripper::strip` on an invented ~1 MB article with
//! captions, credits, promos and page furniture between story paragraphs.
//! The removed-block count is asserted, so a fast wrong answer fails.

use criterion::{black_box, criterion_main, Criterion, Throughput};

use copydesk_captions::Stripper;

/// One invented section of a long running story: six story paragraphs and
/// four blocks of residue (a promo, two captions, a sign-up line).
const UNIT: &str = "\
The city council voted seven to two on Tuesday night to close the Harbour Street bridge to all traffic for at least eighteen months, ending a two-year argument over who should pay for the repairs and how long the ferry service could carry the extra commuters.

READ MORE: Ten bridges in the county that need urgent repair before winter

Engineers inspect the corroded east span of the Harbour Street bridge (
Image:
Jo Lark/PA Wire)

\"It is simply not safe for heavy lorries any more, and it has not been for some time,\" said the council's chief engineer, Tom Hale, who first warned about the corrosion in a report to the transport committee in 2021 and again last spring.

Business owners on the north bank said the closure would cost them customers. Mary Okafor, who runs a bakery near the bridge, said trade had already fallen by a third since the weight limit was lowered in March.

Commuters queue for the temporary ferry at Mill Quay on Monday morning (Photo by Ana Ruiz/Getty Images)

The council said the ferry would run every ten minutes at peak times and that a free shuttle bus would link the quay with the railway station. Photographers from Getty Images and Reuters watched the first crossing.

Sign up to our newsletter for the latest local news and travel updates

Readers who want to read more about the repair plan can find the full report on the council's website, the clerk said. The work is expected to cost about £40m, most of it from the national roads fund.

The next council meeting, on Thursday, will set the contract timetable and decide whether to fine the original builder, whose warranty on the steelwork ran out in 2019.

";

/// Blocks removed from one [`UNIT`].
const BLOCKS_PER_UNIT: usize = 4;

fn article() -> (String, usize) {
    let reps = (1 << 20) / UNIT.len() + 1;
    (UNIT.repeat(reps), reps * BLOCKS_PER_UNIT)
}

fn bench(c: &mut Criterion) {
    let stripper = Stripper::new();
    let (text, blocks) = article();
    assert_eq!(stripper.strip(&text).removed.len(), blocks);

    let mut g = c.benchmark_group("captions");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("strip_1mb_article", |b| {
        b.iter(|| {
            let out = stripper.strip(black_box(&text));
            assert_eq!(out.removed.len(), blocks);
            out
        })
    });
    g.finish();
}

/// The criterion group (the macro's function has no doc comment).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench);
}

criterion_main!(group::benches);
