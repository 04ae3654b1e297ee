//! Times `Attributor::attribute` on a file (or on an invented story repeated to
//! about 1 MB) and prints MB/s. A file ending in `.jsonl` is read as rows of
//! `{"text": ...}`, one article per call, as the pipeline runs it; any other
//! file is one text. Run under `/usr/bin/time` (or `perf stat -e instructions:u`)
//! on a busy machine to read CPU time or work rather than wall time.
//!
//! ```text
//! cargo run --release -p copydesk-quotes --example quotes_throughput -- [FILE] [ROUNDS]
//! ```

use std::time::Instant;

// The allocator of the `copydesk` CLI and of `cargo xtask bench`: the figures
// (and profiles) are then those of the pipeline.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use copydesk_quotes::Attributor;

const STORY: &str = "Governor Paolo Renzi told reporters that he had \"immediately\" asked the capital for help. \"We need boats, not speeches,\" he added. \"Every hour counts for the families still on their roofs.\"\n\nThe national weather office warned that more rain was coming. Renzi said the army would arrive by Monday.\n\nElena Voss, a hydrologist at the Ardent River Trust, called the defences \u{201c}outdated and underfunded\u{201d}. \u{201c}We warned about this for ten years,\u{201d} she said.\n\n";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = match args.first() {
        Some(p) if p.ends_with(".jsonl") => {
            let mut v = Vec::new();
            for line in std::fs::read_to_string(p)?.lines().filter(|l| !l.trim().is_empty()) {
                let row: serde_json::Value = serde_json::from_str(line)?;
                v.push(row["text"].as_str().unwrap_or("").to_string());
            }
            v
        }
        Some(p) => vec![std::fs::read_to_string(p)?],
        None => vec![STORY.repeat(1_000_000 / STORY.len() + 1)],
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(20);
    let att = Attributor::new();
    let mut n = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            n += att.attribute(text, &[]).quotes.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!("{bytes} bytes in {} texts x {rounds}: {n} quotes, {:.1} MB/s (wall)", texts.len(), mb / secs);
    Ok(())
}
