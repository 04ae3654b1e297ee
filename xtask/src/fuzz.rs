//! `cargo xtask fuzz --seconds N`: every fuzz target for N seconds each.
//!
//! The targets live in `fuzz/` (cargo-fuzz layout, its own workspace, kept
//! out of ours). A crash found here is copied to `fuzz/regressions/TARGET/`,
//! where the normal test run (`tests/pipeline.rs`) replays it for ever.
//!
//! cargo-fuzz needs nightly compiler flags; on a machine with only a stable
//! toolchain the task sets `RUSTC_BOOTSTRAP=1`, which lets stable rustc
//! accept them (the fuzz build only, never a release build).

use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::root;

const TARGETS: [&str; 5] = ["tokenize", "captions", "gazetteer", "quotes", "pipeline"];

const HELP: &str = "\
usage: cargo xtask fuzz [--seconds N] [TARGET...]

Runs each fuzz target (default: all of tokenize, captions, gazetteer, quotes,
pipeline) for N seconds (default 60). Installs cargo-fuzz if it is missing.
";

/// Runs the task.
pub fn run(args: &[String]) -> Result<()> {
    let mut seconds = 60u64;
    let mut targets = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => seconds = it.next().context("--seconds needs a number")?.parse()?,
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            t if TARGETS.contains(&t) => targets.push(t.to_string()),
            other => bail!("unknown argument {other:?}\n\n{HELP}"),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| t.to_string()).collect();
    }
    let has_fuzz = Command::new("cargo").args(["fuzz", "--version"]).output().is_ok_and(|o| o.status.success());
    if !has_fuzz {
        eprintln!("xtask fuzz: installing cargo-fuzz");
        crate::cargo(&["install", "--locked", "cargo-fuzz"])?;
    }
    let fuzz = root().join("fuzz");
    let mut found = Vec::new();
    for target in &targets {
        let artifacts = fuzz.join("artifacts").join(target);
        let before = list(&artifacts);
        println!("== {target}: {seconds} s");
        let status = Command::new("cargo")
            .args(["fuzz", "run", "--sanitizer", "none", target, "--"])
            .arg(format!("-max_total_time={seconds}"))
            .arg("-max_len=65536")
            .current_dir(&fuzz)
            .env("RUSTC_BOOTSTRAP", "1")
            .status()
            .context("running cargo fuzz")?;
        let new: Vec<_> = list(&artifacts).into_iter().filter(|p| !before.contains(p)).collect();
        let keep = fuzz.join("regressions").join(target);
        for crash in &new {
            std::fs::create_dir_all(&keep)?;
            if let Some(name) = crash.file_name() {
                std::fs::copy(crash, keep.join(name))?;
            }
            found.push(format!("{target}: {}", crash.display()));
        }
        if !status.success() && new.is_empty() {
            bail!("cargo fuzz run {target} failed: {status}");
        }
    }
    if !found.is_empty() {
        bail!("crashes found (copied to fuzz/regressions/ for the tests):\n  {}", found.join("\n  "));
    }
    println!("no crashes in {} target(s) x {seconds} s", targets.len());
    Ok(())
}

fn list(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default()
}
