//! Runs the attributor over a JSONL file of `{"id", "text"}` rows and prints one
//! record per row: `{"id", "quotes": [{"text", "span", "kind", "speaker", "cue", "rule"}]}`.
//!
//! ```text
//! cargo run --release -p copydesk-quotes --example quotes_jsonl -- INPUT.jsonl [--mask-captions] > PRED.jsonl
//! cargo run --release -p copydesk-quotes --example quotes_jsonl -- --text ARTICLE.txt --id seed --mask-captions
//! ```
//!
//! `--mask-captions` blanks photo-caption blocks (a line ending in "(", then
//! "Image:", then a credit line) to spaces, a stand-in for the caption stripper
//! that runs before the attributor in the full pipeline.

use std::io::Write;

use copydesk_quotes::Attributor;
use serde_json::{json, Value};

fn mask_captions(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut blank = vec![false; lines.len()];
    for i in 0..lines.len() {
        if lines[i].trim() == "Image:" {
            blank[i] = true;
            if i > 0 && lines[i - 1].trim_end().ends_with('(') {
                blank[i - 1] = true;
            }
            if i + 1 < lines.len() {
                blank[i + 1] = true;
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if blank[i] {
            out.extend(std::iter::repeat(' ').take(l.len()));
        } else {
            out.push_str(l);
        }
    }
    out
}

fn record(att: &Attributor, id: &str, text: &str) -> Value {
    let found = att.attribute(text, &[]);
    let quotes: Vec<Value> = found
        .quotes
        .iter()
        .map(|q| {
            json!({
                "text": &text[q.span.clone()],
                "span": [q.span.start, q.span.end],
                "kind": q.kind.as_str(),
                "speaker": q.speaker.as_ref().map(|s| json!({
                    "name": s.name,
                    "mention": &text[s.mention.clone()],
                    "span": [s.mention.start, s.mention.end],
                    "role": s.role,
                })),
                "cue": q.cue.as_ref().map(|c| json!({"text": &text[c.clone()], "span": [c.start, c.end]})),
                "rule": q.rule.as_str(),
            })
        })
        .collect();
    json!({"id": id, "quotes": quotes})
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mask = args.iter().any(|a| a == "--mask-captions");
    let att = Attributor::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(p) = args.iter().position(|a| a == "--text") {
        let path = args.get(p + 1).ok_or("--text needs a path")?;
        let id = args.iter().position(|a| a == "--id").and_then(|i| args.get(i + 1)).map_or("seed", |s| s.as_str());
        let mut text = std::fs::read_to_string(path)?;
        if mask {
            text = mask_captions(&text);
        }
        writeln!(out, "{}", record(&att, id, &text))?;
        return Ok(());
    }
    let path = args.iter().find(|a| !a.starts_with("--")).ok_or("usage: quotes_jsonl INPUT.jsonl [--mask-captions]")?;
    let input = std::fs::read_to_string(path)?;
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line)?;
        let id = row["id"].as_str().unwrap_or("");
        let mut text = row["text"].as_str().unwrap_or("").to_string();
        if mask {
            text = mask_captions(&text);
        }
        writeln!(out, "{}", record(&att, id, &text))?;
    }
    Ok(())
}
