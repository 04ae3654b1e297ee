//! `cargo xtask eval`: the CLI over the shared evaluation data, every
//! scorer's summary in one table.
//!
//! The data and scorers live beside the project in `../shared` (or where
//! `COPYDESK_SHARED` points); they are never copied into the repository. The
//! task builds the release CLI, runs it the way a user would (`analyze --json`,
//! `batch`), and hands the records to the scorers unchanged.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::{cargo, root, target_dir};

const HELP: &str = "\
usage: cargo xtask eval [--only seed|polnear|captions|sentences]... [--verbose]

Runs the release CLI over ../shared/corpus (or $COPYDESK_SHARED/corpus) and
prints the last line of each scorer in one table. Predictions are kept in
target/eval/ for inspection; --verbose prints each scorer's whole report.
";

struct Row {
    set: &'static str,
    summary: String,
    secs: f64,
}

/// Runs the task.
pub fn run(args: &[String]) -> Result<()> {
    let mut only: Vec<String> = Vec::new();
    let mut verbose = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--only" => only.push(it.next().context("--only needs a set name")?.clone()),
            "--verbose" | "-v" => verbose = true,
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            other => bail!("unknown argument {other:?}\n\n{HELP}"),
        }
    }
    let want = |s: &str| only.is_empty() || only.iter().any(|o| o == s);

    let shared = shared_dir();
    if !shared.join("corpus").is_dir() || !shared.join("eval").is_dir() {
        bail!(
            "no evaluation data: {} does not exist (or has no corpus/ and eval/).\n\
             `cargo xtask eval` needs the shared data beside the repository; set COPYDESK_SHARED \
             to its folder. The project's own tests (`cargo test`) do not need it.",
            shared.display()
        );
    }
    let corpus = shared.join("corpus");
    let scorers = shared.join("eval");
    let out = root().join("target/eval");
    std::fs::create_dir_all(&out)?;

    cargo(&["build", "--release", "--quiet", "-p", "copydesk-cli"])?;
    let bin = target_dir().join("release/copydesk");

    let mut rows = Vec::new();
    if want("seed") {
        let t = Instant::now();
        let seed = corpus.join("seed/bolivia-coup-attempt.txt");
        let pred = out.join("seed.json");
        run_to_file(Command::new(&bin).arg("analyze").arg("--json").arg(&seed), &pred)?;
        let gold = corpus.join("seed/bolivia-coup-attempt.gold.json");
        let report = python(&scorers.join("score_seed.py"), &[pred.as_os_str(), gold.as_os_str()])?;
        rows.push(row("seed", &report, t, verbose));
    }
    // Sets scored from one `copydesk batch` run over their dev.jsonl.
    for (set, name, script) in [("polnear", "polnear-dev", "polnear.py"), ("captions", "captions-dev", "captions.py")] {
        if !want(set) {
            continue;
        }
        let t = Instant::now();
        let dir = corpus.join(name);
        let pred = out.join(format!("{name}.jsonl"));
        batch(&bin, &dir.join("dev.jsonl"), &pred, &[])?;
        let report =
            python(&scorers.join(script), &["score".as_ref(), "dev".as_ref(), pred.as_os_str(), dir.as_os_str()])?;
        rows.push(row(name, &report, t, verbose));
    }
    if want("sentences") {
        let t = Instant::now();
        let cases = corpus.join("golden-rules/english.json");
        let pred = out.join("golden-rules.jsonl");
        sentences(&bin, &cases, &out, &pred)?;
        let report = python(&scorers.join("sentences.py"), &["score".as_ref(), cases.as_os_str(), pred.as_os_str()])?;
        rows.push(row("golden-rules", &report, t, verbose));
    }

    println!("\n{:<14} {:>7}  summary (last line of the scorer)", "set", "secs");
    for r in &rows {
        println!("{:<14} {:>7.2}  {}", r.set, r.secs, r.summary);
    }
    println!("\npredictions: {}", out.display());
    Ok(())
}

/// `../shared` beside the repository, or `$COPYDESK_SHARED`.
fn shared_dir() -> PathBuf {
    match std::env::var_os("COPYDESK_SHARED") {
        Some(p) => PathBuf::from(p),
        None => root().join("../shared"),
    }
}

fn row(set: &'static str, report: &str, started: Instant, verbose: bool) -> Row {
    if verbose {
        println!("== {set}\n{report}");
    }
    let summary = report.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("(no output)").to_string();
    Row { set, summary, secs: started.elapsed().as_secs_f64() }
}

fn run_to_file(cmd: &mut Command, path: &Path) -> Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let status = cmd.stdout(file).status().with_context(|| format!("running {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed: {status}");
    }
    Ok(())
}

fn batch(bin: &Path, input: &Path, output: &Path, extra: &[&str]) -> Result<()> {
    let status = Command::new(bin)
        .arg("batch")
        .arg("--quiet")
        .args(extra)
        .arg(input)
        .arg("-o")
        .arg(output)
        .status()
        .context("running copydesk batch")?;
    if !status.success() {
        bail!("copydesk batch {} failed: {status}", input.display());
    }
    Ok(())
}

fn python(script: &Path, args: &[&std::ffi::OsStr]) -> Result<String> {
    let output = Command::new("python3")
        .arg(script)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running python3 {}", script.display()))?;
    if !output.status.success() {
        bail!("{} failed: {}", script.display(), output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Scores sentence splitting: every case through `copydesk batch --sentences`
/// with the caption stage off (the same tokenizer call as `copydesk
/// sentences`, in one process), then the sentences' texts in the scorer's
/// format.
fn sentences(bin: &Path, cases: &Path, out: &Path, pred: &Path) -> Result<()> {
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(cases)?)?;
    let cases = cases.as_array().context("the cases file is not a JSON list")?;
    let input = out.join("golden-rules.input.jsonl");
    let mut lines = String::new();
    for c in cases {
        let row = serde_json::json!({"id": c["id"], "text": c["text"]});
        lines.push_str(&row.to_string());
        lines.push('\n');
    }
    std::fs::write(&input, lines)?;
    let records = out.join("golden-rules.records.jsonl");
    batch(bin, &input, &records, &["--sentences", "--no-captions", "--no-default-gazetteer"])?;
    let mut pred_lines = String::new();
    for line in std::fs::read_to_string(&records)?.lines() {
        let record: Value = serde_json::from_str(line)?;
        let texts: Vec<Value> =
            record["sentences"].as_array().map(|s| s.iter().map(|s| s["text"].clone()).collect()).unwrap_or_default();
        pred_lines.push_str(&serde_json::json!({"id": record["id"], "sentences": texts}).to_string());
        pred_lines.push('\n');
    }
    std::fs::write(pred, pred_lines)?;
    Ok(())
}
