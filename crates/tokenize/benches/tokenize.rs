//! Throughput of sentences and tokens on news-like text.
//!
//! The text is an invented wire story repeated to about 1 MB. Each benchmark
//! asserts the count it produced, so a fast wrong answer fails.
//!
//! ```text
//! cargo bench -p copydesk-tokenize --bench tokenize
//! ```
//!
//! Recorded 2026-11-29 on the shared 2-core build machine at load average
//! ~10, so criterion's wall-clock figures show roughly 40% of one core:
//!
//! | benchmark          | criterion (wall) | per CPU second (`examples/throughput`) |
//! |--------------------|------------------|----------------------------------------|
//! | sentences          | 129-147 MiB/s    | 340-480 MB/s                           |
//! | tokens             | 125-158 MiB/s    | 340-510 MB/s                           |
//! | sentences + tokens | 48-53 MiB/s      | 164-206 MB/s                           |
//! | paragraphs         | 1.9-2.6 GiB/s    |                                        |
//!
//! `examples/throughput.rs` divides the bytes processed by the process's own
//! CPU time, which is the one-core figure the busy machine's wall clock hides.
// `criterion_group!` defines an undocumented function.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use copydesk_tokenize::Tokenizer;

/// An invented article in wire style: dateline, quotes, titles, initials,
/// amounts, times, an ellipsis, a URL.
const ARTICLE: &str = "\
RIVERTON, Ore. (AP) — The mayor of Riverton said Tuesday that the city will close its oldest bridge for repairs, a move that could snarl traffic for months.
\"We cannot wait any longer,\" Mayor Dana K. Whitfield told reporters at 10 a.m. outside City Hall. \"The steel is tired. The people who cross it every day deserve better.\"
The bridge, built in 1931, carries about 42,000 vehicles a day across the Willow River, according to the state Department of Transportation. Engineers found cracks in two of its main supports during an inspection in Sept. 2023.
Repairs are expected to cost $18.5 million, or roughly 3.2% of the city's annual budget. Gov. Harold B. Price Jr. has promised to cover about half of that from a state fund.
\"It's a lot of money,\" said Councilwoman Rosa Delgado-Baines. \"But what's the alternative? A collapse?\" She paused. \"Nobody wants that on their conscience.\"
Some business owners are worried. Tom O'Neill, who runs a diner on Front St. near the bridge, said traffic had already dropped. \"People just ... stop coming,\" he said.
The closure begins at 6 a.m. Monday. Detours will send drivers north through the U.S. Forest Service road, which adds about 20 minutes to the trip.
Officials urged commuters to check https://www.riverton.example/bridge for updates or write to roads@riverton.example with questions.
Dr. Amelia Stone, a civil engineer at Pacific Northern University, said the repairs were overdue. \"Bridges of that age need attention every 20 years or so. This one got none.\"
The city council will vote on the contract Thursday. Whitfield said she expected it to pass 5-2.
";

fn news_text() -> String {
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1_000_000 {
        s.push_str(ARTICLE);
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let tok = Tokenizer::new();
    let text = news_text();
    let copies = text.matches("RIVERTON").count();
    let per_article_sentences = tok.sentences(ARTICLE).count();
    let per_article_tokens = tok.tokens(ARTICLE).count();
    assert_eq!(per_article_sentences, 24);
    let sentences = per_article_sentences * copies;
    let tokens = per_article_tokens * copies;

    let mut g = c.benchmark_group("news");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("sentences", |b| b.iter(|| assert_eq!(tok.sentences(black_box(&text)).count(), sentences)));
    g.bench_function("tokens", |b| b.iter(|| assert_eq!(tok.tokens(black_box(&text)).count(), tokens)));
    g.bench_function("sentences+tokens", |b| {
        b.iter(|| {
            let mut n_tokens = 0;
            let mut n_sentences = 0;
            for s in tok.sentences(black_box(&text)) {
                n_sentences += 1;
                n_tokens += tok.tokens(s.text).count();
            }
            assert_eq!(n_sentences, sentences);
            assert_eq!(n_tokens, tokens);
        })
    });
    g.bench_function("paragraphs", |b| b.iter(|| assert_eq!(tok.paragraphs(black_box(&text)).count(), copies * 10)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
