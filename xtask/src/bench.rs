//! `cargo xtask bench`: the criterion benchmarks, one table, and regressions.
//!
//! Runs `benches/pipeline.rs` (every stage and the whole pipeline on the
//! generated news corpus), reads criterion's estimates, and adds a real batch
//! run of the release CLI for throughput and peak memory (the CLI reports its
//! own peak RSS). `--save NAME` keeps the run as a criterion baseline;
//! `--compare NAME` compares against one and fails when a stage is slower by
//! more than the threshold.
//!
//! The speed-up of all threads over one is given twice: as the ratio of the
//! two criterion figures, and as the median of paired runs (the bench file's
//! `paired_speedup`), which a shared machine's changing load does not skew.
//!
//! The default threshold is 15%. On the 2-core virtual machines this project
//! is measured on, the same binary on the same corpus moves by 5-10% between
//! runs (neighbours, frequency scaling, the page cache); a 15% slowdown is
//! beyond that noise and small enough to catch a real regression such as a
//! per-token allocation or a lost fast path.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::{cargo, target_dir};

const HELP: &str = "\
usage: cargo xtask bench [--quick] [--save NAME] [--compare NAME] [--threshold PCT]

  --quick           a 4 MB corpus and criterion's quick mode (about a minute)
  --save NAME       save this run as criterion baseline NAME
  --compare NAME    compare with baseline NAME; exit 1 when a stage is slower
                    by more than --threshold percent (default 15)
";

const STAGES: [&str; 6] = ["captions", "tokenize", "gazetteer", "quotes", "pipeline-1-thread", "pipeline-all-threads"];

/// Runs the task.
pub fn run(args: &[String]) -> Result<()> {
    let mut quick = false;
    let mut save = None;
    let mut compare = None;
    let mut threshold = 15.0;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--quick" => quick = true,
            "--save" => save = Some(it.next().context("--save needs a name")?.clone()),
            "--compare" => compare = Some(it.next().context("--compare needs a name")?.clone()),
            "--threshold" => threshold = it.next().context("--threshold needs a number")?.parse()?,
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            other => bail!("unknown argument {other:?}\n\n{HELP}"),
        }
    }
    let mb = if quick { 4 } else { 32 };

    let mut criterion_args = vec!["bench", "--quiet", "-p", "copydesk-benches", "--bench", "pipeline", "--"];
    if quick {
        criterion_args.push("--quick");
    }
    if let Some(name) = &save {
        criterion_args.extend(["--save-baseline", name]);
    }
    if let Some(name) = &compare {
        criterion_args.extend(["--baseline", name]);
    }
    let crit = target_dir().join("criterion");
    let speedup_file = crit.join("copydesk-speedup.json");
    // a figure from an earlier run must not pass for this one's
    let _ = std::fs::remove_file(&speedup_file);
    std::env::set_var("COPYDESK_BENCH_MB", mb.to_string());
    std::env::set_var("COPYDESK_BENCH_PAIRS", "7");
    cargo(&criterion_args)?;

    let info: Value = read_json(&crit.join("copydesk-corpus.json"))?;
    let bytes = info["bytes"].as_f64().context("corpus size")?;
    let articles = info["articles"].as_f64().context("corpus articles")?;

    // A real batch run of the release CLI: throughput and peak memory.
    cargo(&["build", "--release", "--quiet", "-p", "copydesk-cli", "-p", "copydesk-benches"])?;
    let corpus = target_dir().join(format!("bench-corpus-{mb}mb.jsonl"));
    if !corpus.exists() {
        let status =
            Command::new(target_dir().join("release/bench-corpus")).arg(&corpus).arg(mb.to_string()).status()?;
        if !status.success() {
            bail!("generating the bench corpus failed");
        }
    }
    let batch = Command::new(target_dir().join("release/copydesk"))
        .arg("batch")
        .arg(&corpus)
        .args(["-o", "/dev/null"])
        .output()
        .context("running copydesk batch")?;
    if !batch.status.success() {
        bail!("copydesk batch failed: {}", String::from_utf8_lossy(&batch.stderr));
    }
    let summary = String::from_utf8_lossy(&batch.stderr).lines().last().unwrap_or_default().to_string();

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\ncorpus: {articles} articles, {:.1} MB (generated from sample/articles)", bytes / 1e6);
    println!("{:<22} {:>9} {:>11} {:>9}", "stage", "MB/s", "articles/s", "vs base");
    let mut slower = Vec::new();
    let mut single = None;
    for stage in STAGES {
        let dir = crit.join("copydesk").join(stage);
        let Ok(secs) = mean_secs(&dir.join("new")) else {
            println!("{stage:<22} (no result)");
            continue;
        };
        let mbs = bytes / secs / 1e6;
        let change = match &compare {
            Some(name) => match mean_secs(&dir.join(name)) {
                Ok(base) => {
                    let pct = (secs / base - 1.0) * 100.0;
                    if pct > threshold {
                        slower.push(format!("{stage} is {pct:.1}% slower than {name}"));
                    }
                    format!("{pct:+.1}%")
                }
                Err(_) => "n/a".to_string(),
            },
            None => String::new(),
        };
        let label =
            if stage == "pipeline-all-threads" { format!("pipeline-{threads}-threads") } else { stage.to_string() };
        println!("{label:<22} {mbs:>9.1} {:>11.0} {change:>9}", articles / secs);
        if stage == "pipeline-1-thread" {
            single = Some(mbs);
        } else if let (Some(one), "pipeline-all-threads") = (single, stage) {
            println!("{:<22} {:>9.2}x", "  speed-up", mbs / one);
        }
    }
    match read_json(&speedup_file).map(|v| paired(&v)) {
        Ok(Some((median, lo, hi, n))) => {
            println!("{:<22} {median:>9.2}x  median of {n} paired runs ({lo:.2}x-{hi:.2}x)", "  speed-up, paired")
        }
        _ => println!("{:<22} (no result)", "  speed-up, paired"),
    }
    println!("batch run (CLI, {threads} threads, JSON to /dev/null): {summary}");
    if !slower.is_empty() {
        bail!("regression beyond {threshold}%:\n  {}", slower.join("\n  "));
    }
    Ok(())
}

/// The median, lowest and highest speed-up of paired runs, and their number.
type Speedups = (f64, f64, f64, usize);

/// The [`Speedups`] of the paired runs in `report`.
fn paired(report: &Value) -> Option<Speedups> {
    let mut ratios: Vec<f64> = report["pairs"].as_array()?.iter().filter_map(|p| p["speedup"].as_f64()).collect();
    if ratios.is_empty() {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    let n = ratios.len();
    let median = if n % 2 == 1 { ratios[n / 2] } else { (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0 };
    Some((median, ratios[0], ratios[n - 1], n))
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(serde_json::from_str(&text)?)
}

/// Criterion's mean time of one iteration, in seconds.
fn mean_secs(dir: &Path) -> Result<f64> {
    let est = read_json(&dir.join("estimates.json"))?;
    let ns = est["mean"]["point_estimate"].as_f64().context("no mean in estimates.json")?;
    Ok(ns / 1e9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_runs_give_their_median_and_range() {
        // (speed-ups of the pairs, (median, lowest, highest, pairs))
        let cases: [(&[f64], Option<Speedups>); 4] = [
            (&[1.5], Some((1.5, 1.5, 1.5, 1))),
            (&[2.0, 1.0, 1.8], Some((1.8, 1.0, 2.0, 3))),
            (&[1.0, 2.0, 1.5, 1.75], Some((1.625, 1.0, 2.0, 4))),
            (&[], None),
        ];
        for (ratios, want) in cases {
            let pairs: Vec<Value> = ratios.iter().map(|r| serde_json::json!({ "speedup": r })).collect();
            let got = paired(&serde_json::json!({ "threads": 2, "pairs": pairs }));
            assert_eq!(got, want, "{ratios:?}");
        }
        assert_eq!(paired(&serde_json::json!({})), None);
    }
}
