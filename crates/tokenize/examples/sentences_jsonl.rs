//! Prints sentence predictions for a golden-rules case file as JSON lines.
//!
//! ```text
//! cargo run -p copydesk-tokenize --example sentences_jsonl -- CASES.json > pred.jsonl
//! python3 ../shared/eval/sentences.py score CASES.json pred.jsonl
//! ```
//!
//! CASES is a JSON list of `{"id", "text", ...}`; each output line is
//! `{"id", "sentences": [..]}`.

use std::io::Write;

use copydesk_tokenize::Tokenizer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: sentences_jsonl CASES.json")?;
    let cases: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let tok = Tokenizer::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for case in &cases {
        let text = case["text"].as_str().unwrap_or("");
        let sentences: Vec<&str> = tok.sentences(text).map(|s| s.text).collect();
        let row = serde_json::json!({ "id": case["id"], "sentences": sentences });
        writeln!(out, "{row}")?;
    }
    Ok(())
}
