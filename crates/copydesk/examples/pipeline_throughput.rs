//! What `copydesk batch` does per record, on a JSONL corpus read at run
//! time: every article's `text` through `Pipeline::analyze_json` into a fresh
//! buffer, on one thread, after the pipeline is built: what the
//! `pipeline-1-thread` bench times. Prints the bytes, the JSON bytes and
//! MB/s. With `--owned`, through `Pipeline::analyze` and
//! `Analysis::write_json` instead (the same bytes), the path of a library
//! user who keeps the record.
//!
//! Meant for instruction counts, which a shared machine does not blur:
//! `valgrind --tool=callgrind --toggle-collect='copydesk::Pipeline::analyze*'
//! --toggle-collect='copydesk::json::*' target/release/examples/pipeline_throughput FILE`
//! (or `perf stat -e instructions:u`, subtracting a run with `--build-only`).

use std::time::Instant;

// The allocator of the `copydesk` CLI and of the pipeline bench, so the
// profile is the bench's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: pipeline_throughput FILE.jsonl [--build-only | --owned]");
        std::process::exit(2);
    };
    let mode = args.next();
    let build_only = mode.as_deref() == Some("--build-only");
    let owned = mode.as_deref() == Some("--owned");
    let corpus = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let texts: Vec<String> = corpus
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from))
        .collect();
    let pipeline = copydesk::Pipeline::default();
    if build_only {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let mut json = 0;
    for text in &texts {
        let mut line = Vec::new();
        if owned {
            pipeline.analyze(text).write_json(&mut line);
        } else {
            pipeline.analyze_json(text, None, &mut line);
        }
        json += line.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{} articles, {bytes} bytes, {json} JSON bytes, {:.1} MB/s", texts.len(), bytes as f64 / secs / 1e6);
}
