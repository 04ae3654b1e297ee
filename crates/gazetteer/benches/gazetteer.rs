//! Criterion benchmarks: building the embedded gazetteer, and finding mentions in
//! about 1 MB of invented news text.

#![allow(missing_docs)] // criterion_group! generates an undocumented pub fn

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use copydesk_gazetteer::Gazetteer;

/// Invented wire-style paragraphs, each with a known number of mentions.
const PARAGRAPHS: &[(&str, usize)] = &[
    (
        "LA PAZ — Troops withdrew from the main square of La Paz on Thursday after a tense standoff, \
         and Bolivian officials said the government remained in control. “We will not be intimidated,” \
         the minister told reporters, adding that talks with unions would resume next week.",
        2,
    ),
    (
        "The Organization of American States called an emergency meeting, while the European Union \
         and the United Nations urged restraint. Diplomats in Washington said the U.S. embassy had \
         reduced its staff but would stay open.",
        5,
    ),
    (
        "Prices for fuel and bread have risen sharply this year, and the central bank’s reserves \
         fell to their lowest level in a decade, according to figures published by the finance \
         ministry on Monday. Economists said the outlook was uncertain.",
        0,
    ),
    (
        "Chile’s president said he had spoken to his counterpart and offered support, and leaders \
         in Honduras, Argentina and Brazil issued similar statements. Peruvian officials closed \
         two border crossings as a precaution.",
        5,
    ),
    (
        "In a separate development, the International Monetary Fund said its staff would visit the \
         country next month. An IMF spokeswoman declined to say whether a new loan was under \
         discussion, citing the confidentiality of the talks.",
        2,
    ),
    (
        "Residents of the capital described a night of fear. “We heard the tanks and we hid,” said \
         a shopkeeper who asked not to be named because she feared reprisals. Schools reopened \
         on Friday and most shops were trading normally by the afternoon.",
        0,
    ),
    (
        "Analysts in London and Madrid said the crisis reflected deep divisions within the governing \
         party, which has split into rival factions ahead of elections due next year in the South \
         American nation of 12 million people.",
        3,
    ),
];

/// About `target` bytes of news text and the number of mentions it must yield.
fn corpus(target: usize) -> (String, usize) {
    let mut text = String::with_capacity(target + 1024);
    let mut mentions = 0;
    let mut i = 0;
    while text.len() < target {
        let (p, n) = PARAGRAPHS[i % PARAGRAPHS.len()];
        text.push_str(p);
        text.push_str("\n\n");
        mentions += n;
        i += 1;
    }
    (text, mentions)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("build_embedded", |b| b.iter(|| black_box(Gazetteer::embedded())));

    let gaz = Gazetteer::embedded();
    let (text, want) = corpus(1 << 20);
    let got = gaz.find(&text).count();
    assert_eq!(got, want, "mention count on the bench corpus");
    eprintln!(
        "gazetteer: {} entities, {} patterns, ~{:.1} MB; corpus {} bytes, {} mentions",
        gaz.len(),
        gaz.pattern_count(),
        gaz.memory_usage() as f64 / 1e6,
        text.len(),
        got
    );
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("find_news_1mb", |b| b.iter(|| black_box(gaz.find(black_box(&text)).count())));
    let ascii: String = text.replace(['“', '”'], "\"").replace('’', "'").replace('—', "-");
    let want_ascii = gaz.find(&ascii).count();
    assert_eq!(want_ascii, want, "mention count on the ASCII corpus");
    group.throughput(Throughput::Bytes(ascii.len() as u64));
    group.bench_function("find_news_1mb_ascii", |b| b.iter(|| black_box(gaz.find(black_box(&ascii)).count())));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
