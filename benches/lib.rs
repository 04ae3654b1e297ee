//! The benchmark corpus: news text made deterministically from the sample
//! articles shipped in `sample/articles/`.
//!
//! A benchmark on one article measures the cache, not the code; a benchmark on
//! one article repeated measures the branch predictor's memory of it. So the
//! corpus is built by recombining the paragraphs of every sample article (with
//! their captions, promos and quotes) into new articles, in an order fixed by a
//! seeded generator: the same bytes on every machine and every run, large
//! enough to be measured (tens of MB by default).

use std::path::{Path, PathBuf};

/// The folder of sample articles.
pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample/articles")
}

/// Reads the sample articles (`*.txt`), sorted by name.
pub fn sample_articles() -> std::io::Result<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(sample_dir())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(std::fs::read_to_string).collect()
}

/// A small, fixed pseudo-random generator (SplitMix64): the corpus must not
/// change when a dependency's generator does.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Builds articles from `samples` until they hold at least `bytes` bytes.
///
/// Each article keeps the opening paragraph of one sample (so it reads like a
/// story) and then takes 8 to 24 paragraphs drawn from all samples, keeping
/// the blank-line layout of the originals. Paragraph groups are drawn whole
/// (a caption's three lines stay together).
pub fn corpus(samples: &[String], bytes: usize) -> Vec<String> {
    let blocks: Vec<Vec<&str>> =
        samples.iter().map(|a| a.split("\n\n").filter(|b| !b.trim().is_empty()).collect()).collect();
    let all: Vec<&str> = blocks.iter().flatten().copied().collect();
    let mut out = Vec::new();
    if all.is_empty() {
        return out;
    }
    let mut rng = SplitMix(0x00C0_FFEE);
    let mut total = 0;
    while total < bytes {
        let lead = &blocks[rng.below(blocks.len())];
        let mut article = String::new();
        if let Some(first) = lead.first() {
            article.push_str(first);
        }
        for _ in 0..8 + rng.below(17) {
            article.push_str("\n\n");
            article.push_str(all[rng.below(all.len())]);
        }
        article.push('\n');
        total += article.len();
        out.push(article);
    }
    out
}

/// The corpus as JSONL lines `{"id": "bench-N", "text": ...}`.
pub fn corpus_jsonl(articles: &[String]) -> String {
    let mut s = String::new();
    for (i, a) in articles.iter().enumerate() {
        s.push_str(&serde_json::json!({"id": format!("bench-{i}"), "text": a}).to_string());
        s.push('\n');
    }
    s
}
