//! copydesk's developer tasks, run as `cargo xtask <task>` (see `.cargo/config.toml`).
//!
//! Each task is one module; with no arguments this prints the list.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context, Result};

mod bench;
mod eval;
mod fuzz;
mod gazetteer;
mod spark;

const HELP: &str = "\
usage: cargo xtask <task> [args]

tasks:
  eval        run the CLI over ../shared/corpus and print every scorer's figures
  bench       run the criterion benchmarks and print one table (--quick, --save NAME, --compare NAME)
  corpus      generate the deterministic bench corpus from the sample articles
  gazetteer   regenerate the embedded gazetteer from registry packages
  spark       run the PySpark job on local[2] and check it against a plain batch run
  fuzz        run every fuzz target for --seconds N
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(err) = run(&args) {
        eprintln!("xtask: error: {err:#}");
        std::process::exit(1);
    }
}

fn run(args: &[String]) -> Result<()> {
    let Some((task, rest)) = args.split_first() else {
        print!("{HELP}");
        return Ok(());
    };
    match task.as_str() {
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        "eval" => eval::run(rest),
        "bench" => bench::run(rest),
        "fuzz" => fuzz::run(rest),
        "gazetteer" => gazetteer::run(rest),
        "spark" => spark::run(rest),
        other => bail!("unknown task {other:?}\n\n{HELP}"),
    }
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    dir.parent().map(PathBuf::from).unwrap_or(dir)
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` (relative to the root) or
/// `target/`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir), // join keeps an absolute dir as it is
        _ => root().join("target"),
    }
}

/// Runs cargo (the one that runs this task) in the workspace root.
pub fn cargo(args: &[&str]) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(&cargo)
        .args(args)
        .current_dir(root())
        .status()
        .with_context(|| format!("running cargo {}", args.join(" ")))?;
    if !status.success() {
        bail!("cargo {} failed: {status}", args.join(" "));
    }
    Ok(())
}
