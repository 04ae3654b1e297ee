//! Measures sentences + tokens throughput on a text file, by wall clock and by
//! this process's CPU time (from /proc/self/stat on Linux), so a figure taken
//! on a busy shared machine still says what one core does.
//!
//! ```text
//! cargo run --release -p copydesk-tokenize --example throughput -- FILE [SECONDS [ONLY]]
//! ```

use std::time::{Duration, Instant};

use copydesk_tokenize::Tokenizer;

/// User + system CPU seconds of this process, if the platform tells.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0) // USER_HZ is 100 on Linux
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: throughput FILE [SECONDS]")?;
    let seconds: f64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5.0);
    let only = args.next();
    let text = std::fs::read_to_string(path)?;
    let tok = Tokenizer::new();
    for (name, mode) in [("sentences", 0), ("tokens", 1), ("sentences+tokens", 2), ("two passes", 3)] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let wall = Instant::now();
        let cpu0 = cpu_seconds();
        let mut rounds = 0u64;
        let mut count;
        loop {
            count = match mode {
                0 => tok.sentences(&text).count(),
                1 => tok.tokens(&text).count(),
                3 => tok.sentences(&text).count() + tok.tokens(&text).count(),
                _ => tok.sentences(&text).map(|s| 1 + tok.tokens(s.text).count()).sum(),
            };
            rounds += 1;
            if wall.elapsed() >= Duration::from_secs_f64(seconds) {
                break;
            }
        }
        let mb = text.len() as f64 * rounds as f64 / 1e6;
        let wall_s = wall.elapsed().as_secs_f64();
        let cpu = match (cpu0, cpu_seconds()) {
            (Some(a), Some(b)) if b > a => format!("{:.0} MB/s per CPU second", mb / (b - a)),
            _ => "cpu time unknown".to_string(),
        };
        println!("{name:>17}: {count} items, {:.0} MB/s wall, {cpu}", mb / wall_s);
    }
    Ok(())
}
