//! Strip a JSONL file of `{"id", "text"}` records and print, for each, a JSON
//! record `{"id", "removed": [{"kind", "span", "text", "caption"?, "credit"?}]}`
//! with byte spans into the original text (spans without surrounding white
//! space), for the evaluation scripts.
//!
//! ```text
//! cargo run --release -p copydesk-captions --example strip_jsonl -- INPUT.jsonl > PRED.jsonl
//! ```

use std::io::{BufRead, BufReader, BufWriter, Write};

use copydesk_captions::Stripper;
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: strip_jsonl INPUT.jsonl > PRED.jsonl")?;
    let stripper = Stripper::new();
    let input = BufReader::new(std::fs::File::open(&path)?);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line)?;
        let id = rec.get("id").cloned().unwrap_or(Value::Null);
        let text = rec.get("text").and_then(Value::as_str).unwrap_or("");
        let stripped = stripper.strip(text);
        let removed: Vec<Value> = stripped
            .removed
            .iter()
            .map(|r| {
                let span = r.trimmed(text);
                let mut v = json!({
                    "kind": r.kind.as_str(),
                    "span": [span.start, span.end],
                    "text": &text[span],
                });
                if let Some(c) = &r.caption {
                    v["caption"] = json!(&text[c.clone()]);
                }
                if let Some(c) = &r.credit {
                    v["credit"] = json!(&text[c.clone()]);
                }
                v
            })
            .collect();
        serde_json::to_writer(&mut out, &json!({"id": id, "removed": removed}))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
