//! copydesk's developer tasks, run as `cargo xtask <task>` (see `.cargo/config.toml`).
//!
//! Each task is one module; with no arguments this prints the list.

use anyhow::{bail, Result};

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
        other => bail!("unknown task {other:?}\n\n{HELP}"),
    }
}
