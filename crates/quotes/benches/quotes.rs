//! Throughput of finding and attributing quotes on invented news text, repeated
//! to about 1 MB. The quote count is asserted so a fast wrong answer fails.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use copydesk_quotes::{Attributor, QuoteKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const STORY: &str = "Rescue teams searched flooded villages in the Ardent valley on Sunday after two days of rain, and the region's governor called it \"the worst flood in living memory\".

Governor Paolo Renzi told reporters that he had \"immediately\" asked the capital for help. \"We need boats, not speeches,\" he added. \"Every hour counts for the families still on their roofs.\"

The national weather office warned that more rain was coming. Renzi said the army would arrive by Monday.

Elena Voss, a hydrologist at the Ardent River Trust, called the defences \u{201c}outdated and underfunded\u{201d}. \u{201c}We warned about this for ten years,\u{201d} she said. Officials said the dam at Porta was holding, according to the regional water authority.

\u{201c}The levees held where we rebuilt them,\u{201d} said the newly appointed civil protection chief Marco Bellini. \u{201c}Where we did not, the water came in.\u{201d}

Mr Renzi praised the volunteers who \"worked through the night without rest.\"
";

fn bench(c: &mut Criterion) {
    let reps = 1_000_000 / STORY.len() + 1;
    let text = STORY.repeat(reps);
    let att = Attributor::new();
    let per_story = att.attribute(STORY, &[]).quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).count();
    assert_eq!(per_story, 9);
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("attribute_1mb", |b| {
        b.iter(|| {
            let found = att.attribute(&text, &[]);
            let n = found.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).count();
            assert_eq!(n, per_story * reps);
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
