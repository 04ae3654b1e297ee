//! Print every gazetteer mention in a file: `cargo run --example find -- FILE`.
//!
//! One line per mention: byte span, matched text, form, entity kind, id and name,
//! and `FLAGGED` for ambiguous words at sentence start.
//!
//! `find FILE --repeat N` prints nothing per mention but times N passes over the
//! file (wall clock; run under `perf stat -e task-clock` on a shared machine to get
//! CPU time).

use std::time::Instant;

use copydesk_gazetteer::Gazetteer;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let repeat: Option<usize> = match args.get(2).map(String::as_str) {
        Some("--repeat") => args.get(3).and_then(|n| n.parse().ok()),
        _ => None,
    };
    let Some(path) = args.get(1).cloned() else {
        eprintln!("usage: find FILE [--repeat N]");
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
    if let Some(n) = repeat {
        let t0 = Instant::now();
        let mut count = 0;
        for _ in 0..n {
            count += gaz.find(&text).count();
        }
        let secs = t0.elapsed().as_secs_f64();
        let mb = (text.len() * n) as f64 / 1e6;
        eprintln!("{n} passes, {count} mentions, {mb:.1} MB in {:.3} s: {:.0} MB/s (wall)", secs, mb / secs);
        return;
    }
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
