//! Print every gazetteer mention in a file: `cargo run --example find -- FILE`.
//!
//! One line per mention: byte span, matched text, form, entity kind, id and name,
//! and `FLAGGED` for ambiguous words at sentence start.

use std::time::Instant;

use copydesk_gazetteer::Gazetteer;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: find FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let t0 = Instant::now();
    let gaz = Gazetteer::embedded();
    eprintln!(
        "built {} entities, {} patterns in {:.1} ms, ~{:.1} MB",
        gaz.len(),
        gaz.pattern_count(),
        t0.elapsed().as_secs_f64() * 1e3,
        gaz.memory_usage() as f64 / 1e6
    );
    for m in gaz.find(&text) {
        let e = gaz.entity(m.entity);
        println!(
            "{}..{}\t{}\t{}\t{}\t{}\t{}{}",
            m.span.start,
            m.span.end,
            &text[m.span.clone()],
            m.form.as_str(),
            e.kind,
            e.id.as_deref().unwrap_or("-"),
            e.name,
            if m.flagged { "\tFLAGGED" } else { "" }
        );
    }
}
