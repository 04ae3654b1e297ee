//! Writes the benchmark corpus as JSONL: `bench-corpus OUT.jsonl [MB]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: bench-corpus OUT.jsonl [MB]");
        std::process::exit(2);
    };
    let mb: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(32);
    let samples = copydesk_benches::sample_articles().unwrap_or_else(|e| {
        eprintln!("bench-corpus: cannot read {}: {e}", copydesk_benches::sample_dir().display());
        std::process::exit(1);
    });
    let articles = copydesk_benches::corpus(&samples, mb << 20);
    if let Err(e) = std::fs::write(out, copydesk_benches::corpus_jsonl(&articles)) {
        eprintln!("bench-corpus: cannot write {out}: {e}");
        std::process::exit(1);
    }
    eprintln!("bench-corpus: {} articles, {} MB -> {out}", articles.len(), mb);
}
