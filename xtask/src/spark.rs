//! `cargo xtask spark`: run `examples/spark/copydesk_job.py` on a local Spark and
//! check it against a plain `copydesk batch` run.
//!
//! Steps, each failing with a message that says what to do:
//! 1. check that Java 17+ is there (Spark 4 needs it);
//! 2. create `target/spark-venv` (reused when it already has the pinned PySpark) and
//!    pip install `pyspark==PYSPARK_VERSION`;
//! 3. build `copydesk` (`cargo build --release -p copydesk-cli`) unless `--binary`;
//! 4. write a deterministic corpus of a few thousand articles as JSONL, made from the
//!    invented articles in `sample/articles/*.txt`, with a few records that must come back as
//!    per-record `error` records;
//! 5. run `copydesk batch` over it on one machine, then the Spark job on `local[2]`,
//!    and check that both give the same records (compared as parsed JSON, by id);
//! 6. run the job with `--fail-on-error` over an input with a bad record: the task
//!    must fail on every attempt, the job must fail and leave no `_SUCCESS`.
//!
//! Everything is written under `target/spark-run/` and left there for inspection.

use anyhow::{bail, ensure, Context, Result};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// PySpark release installed in the venv; Spark 4.0 runs on Java 17 and 21.
const PYSPARK_VERSION: &str = "4.0.1";
/// Oldest Java that Spark 4 runs on.
const MIN_JAVA: u32 = 17;
/// Seed of the corpus generator: the same corpus on every machine.
const SEED: u64 = 0x00c0_97de_5c00_2026;
/// Marker the job prints (in its own exception) when copydesk exits non-zero.
const FAILED_MARKER: &str = "copydesk exited with status";
/// Limit for one Spark run, so a hung JVM fails CI instead of eating its time.
const SPARK_TIMEOUT: Duration = Duration::from_secs(900);
/// Limit for one plain batch run.
const BATCH_TIMEOUT: Duration = Duration::from_secs(600);

const HELP: &str = "\
usage: cargo xtask spark [options]

Runs examples/spark/copydesk_job.py on a local Spark (PySpark in target/spark-venv)
and checks its output against a plain `copydesk batch` run, then checks that a
fatal copydesk failure fails the Spark job and leaves no _SUCCESS.

options:
  --articles N   articles in the generated corpus (default 3000)
  --cores N      Spark local[N] and `copydesk batch --threads N` (default 2)
  --sample DIR   folder of sample articles (*.txt) to build the corpus from
                 (default sample/articles/, else sample/)
  --binary PATH  use this copydesk binary instead of building copydesk-cli
";

struct Options {
    articles: usize,
    cores: usize,
    sample: Option<PathBuf>,
    binary: Option<PathBuf>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut opts = Options { articles: 3000, cores: 2, sample: None, binary: None };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            if matches!(name, "-h" | "--help" | "help") {
                print!("{HELP}");
                std::process::exit(0);
            }
            let mut value = || -> Result<String> {
                match inline.clone() {
                    Some(v) => Ok(v),
                    None => it.next().cloned().with_context(|| format!("{name} needs a value\n\n{HELP}")),
                }
            };
            match name {
                "--articles" => opts.articles = parse_count(name, &value()?)?,
                "--cores" => opts.cores = parse_count(name, &value()?)?,
                "--sample" => opts.sample = Some(PathBuf::from(value()?)),
                "--binary" => opts.binary = Some(PathBuf::from(value()?)),
                other => bail!("unknown option {other:?}\n\n{HELP}"),
            }
        }
        Ok(opts)
    }
}

fn parse_count(name: &str, value: &str) -> Result<usize> {
    match value.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => bail!("{name} wants a positive whole number, got {value:?}"),
    }
}

/// Runs the task; see the module docs.
pub fn run(args: &[String]) -> Result<()> {
    let opts = Options::parse(args)?;
    let root = workspace_root();
    let work = root.join("target").join("spark-run");

    let java = check_java()?;
    println!("spark: {java}");
    let venv = ensure_pyspark(&root)?;
    let copydesk = match &opts.binary {
        Some(path) => {
            ensure!(path.is_file(), "--binary {}: no such file", path.display());
            absolute(path)?
        }
        None => build_copydesk(&root)?,
    };
    println!("spark: copydesk binary {}", copydesk.display());

    if work.exists() {
        fs::remove_dir_all(&work).with_context(|| format!("removing {}", work.display()))?;
    }
    fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;

    // The corpus, written as several files so Spark reads a folder into several partitions.
    let sample_dir = opts.sample.clone().unwrap_or_else(|| {
        let articles = root.join("sample").join("articles");
        if articles.is_dir() {
            articles
        } else {
            root.join("sample")
        }
    });
    let articles = load_sample(&sample_dir)?;
    let lines = corpus_lines(&articles, opts.articles);
    let corpus = write_corpus(&work.join("input"), &work.join("all.jsonl"), &lines, 4)?;
    println!(
        "spark: corpus {} records ({} articles from {} sample files + {} edge cases), {:.2} MB in {} files",
        lines.len(),
        opts.articles,
        articles.len(),
        lines.len() - opts.articles,
        mb(corpus.bytes),
        corpus.files
    );

    // 1. The reference: one plain batch run on this machine.
    let threads = opts.cores.to_string();
    let batch_out = work.join("batch.jsonl");
    let batch = run_logged(
        Command::new(&copydesk).args(["batch", "--threads", &threads]).stdin(open(&corpus.all)?),
        &batch_out,
        &work.join("batch.stderr"),
        BATCH_TIMEOUT,
    )?;
    ensure!(
        batch.status.success(),
        "plain `copydesk batch` failed ({}); see {}",
        batch.status,
        work.join("batch.stderr").display()
    );
    let batch_records = read_records(std::slice::from_ref(&batch_out), "batch output")?;
    check_ids(&batch_records, &lines, "batch output")?;

    // 2. The same input through Spark on local[cores].
    let master = format!("local[{}]", opts.cores);
    let spark_out = work.join("spark-out");
    let spark = spark_submit(&venv, &root, &master, &copydesk, &corpus.dir, &spark_out, &[], &work.join("spark"))?;
    if !spark.run.status.success() {
        bail!(
            "the Spark job failed ({}); its log is {}:\n{}",
            spark.run.status,
            spark.log.display(),
            tail(&spark.log, 30)
        );
    }
    ensure!(
        spark_out.join("_SUCCESS").is_file(),
        "the Spark job exited 0 but wrote no {}",
        spark_out.join("_SUCCESS").display()
    );
    let parts = part_files(&spark_out)?;
    let spark_records = read_records(&parts, "Spark output")?;
    compare(&batch_records, &spark_records)?;
    println!(
        "spark: Spark output equals the plain batch output: {} records in {} part files",
        spark_records.len(),
        parts.len()
    );

    // 3. A fatal failure must fail the job and leave no _SUCCESS.
    let failure = check_fatal_failure(&venv, &root, &copydesk, &lines, &work, opts.cores)?;

    let batch_s = batch.seconds;
    let job_s = spark.job_seconds.unwrap_or(spark.run.seconds);
    let mut report = String::new();
    let _ = writeln!(
        report,
        "\nspark: throughput on {:.2} MB ({} records), {} cores:",
        mb(corpus.bytes),
        lines.len(),
        opts.cores
    );
    let _ = writeln!(
        report,
        "  plain `copydesk batch --threads {}`     {:>7.2} s  {:>7.2} MB/s",
        opts.cores,
        batch_s,
        mb(corpus.bytes) / batch_s
    );
    let _ = writeln!(
        report,
        "  Spark {master}, saveAsTextFile job     {:>7.2} s  {:>7.2} MB/s",
        job_s,
        mb(corpus.bytes) / job_s
    );
    let _ = writeln!(
        report,
        "  Spark {master}, spark-submit end to end {:>6.2} s  {:>7.2} MB/s  (JVM and Python start-up included)",
        spark.run.seconds,
        mb(corpus.bytes) / spark.run.seconds
    );
    let _ = writeln!(report, "spark: {failure}");
    let _ = writeln!(report, "spark: ok (outputs and logs in {})", work.display());
    print!("{report}");
    Ok(())
}

/// The workspace root: xtask lives in `<root>/xtask`.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn absolute(path: &Path) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    Ok(std::env::current_dir().context("reading the current directory")?.join(path))
}

fn open(path: &Path) -> Result<File> {
    File::open(path).with_context(|| format!("opening {}", path.display()))
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// The java that spark-submit will use: `$JAVA_HOME/bin/java`, else `java` on the PATH.
fn java_command() -> PathBuf {
    match std::env::var_os("JAVA_HOME") {
        Some(home) if !home.is_empty() => Path::new(&home).join("bin").join("java"),
        _ => PathBuf::from("java"),
    }
}

fn check_java() -> Result<String> {
    let java = java_command();
    let out = Command::new(&java).arg("-version").output().with_context(|| {
        format!(
            "cannot run {}: Spark {PYSPARK_VERSION} needs Java {MIN_JAVA} or newer \
             (e.g. `apt-get install openjdk-17-jre-headless`, or set JAVA_HOME)",
            java.display()
        )
    })?;
    let text = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or("").trim().to_string();
    // `openjdk version "17.0.15" 2025-04-15`, or `java version "1.8.0_392"` for Java 8.
    let version = text.split('"').nth(1).unwrap_or("");
    let mut parts = version.split(['.', '-', '_', '+']);
    let major = match parts.next().and_then(|p| p.parse::<u32>().ok()) {
        Some(1) => parts.next().and_then(|p| p.parse::<u32>().ok()).unwrap_or(0),
        Some(n) => n,
        None => bail!("cannot read the Java version from `{} -version`: {first:?}", java.display()),
    };
    ensure!(
        out.status.success() && major >= MIN_JAVA,
        "Spark {PYSPARK_VERSION} needs Java {MIN_JAVA} or newer, found {first:?} ({}); \
         install one (e.g. `apt-get install openjdk-17-jre-headless`) or point JAVA_HOME at it",
        java.display()
    );
    Ok(first)
}

/// Creates (or reuses) `target/spark-venv` with the pinned PySpark; returns the venv path.
fn ensure_pyspark(root: &Path) -> Result<PathBuf> {
    let venv = root.join("target").join("spark-venv");
    let python = venv.join("bin").join("python");
    if installed_pyspark(&python).as_deref() == Some(PYSPARK_VERSION) {
        println!("spark: reusing {} (pyspark {PYSPARK_VERSION})", venv.display());
        return Ok(venv);
    }
    let system_python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    // A venv whose Python no longer runs (the system Python changed) is made anew.
    let usable = python.is_file()
        && Command::new(&python).args(["-m", "pip", "--version"]).output().is_ok_and(|o| o.status.success());
    if !usable {
        println!("spark: creating {}", venv.display());
        let status =
            Command::new(&system_python).args(["-m", "venv", "--clear"]).arg(&venv).status().with_context(|| {
                format!("cannot run {system_python:?} (Python 3.9+ is needed; set PYTHON to use another)")
            })?;
        ensure!(
            status.success(),
            "`{system_python} -m venv {}` failed ({status}); on Debian/Ubuntu install python3-venv",
            venv.display()
        );
    }
    println!("spark: pip install pyspark=={PYSPARK_VERSION} into {} (about 450 MB, once)", venv.display());
    let status = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--progress-bar",
            "off",
            &format!("pyspark=={PYSPARK_VERSION}"),
        ])
        .status()
        .with_context(|| format!("cannot run {}", python.display()))?;
    ensure!(
        status.success(),
        "pip install pyspark=={PYSPARK_VERSION} failed ({status}); is PyPI reachable? \
         (PySpark 4 needs Python 3.9+) delete {} to start over",
        venv.display()
    );
    match installed_pyspark(&python) {
        Some(v) if v == PYSPARK_VERSION => Ok(venv),
        other => bail!(
            "after pip install, {} imports pyspark {other:?}, expected {PYSPARK_VERSION}; delete {} and retry",
            python.display(),
            venv.display()
        ),
    }
}

fn installed_pyspark(python: &Path) -> Option<String> {
    if !python.is_file() {
        return None;
    }
    let out = Command::new(python)
        .args(["-c", "import pyspark; print(pyspark.__version__)"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `cargo build --release -p copydesk-cli`; returns the path of the binary.
fn build_copydesk(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    println!("spark: cargo build --release -p copydesk-cli");
    let status = Command::new(&cargo)
        .args(["build", "--release", "-p", "copydesk-cli"])
        .current_dir(root)
        .status()
        .context("cannot run cargo")?;
    ensure!(status.success(), "cargo build --release -p copydesk-cli failed ({status})");
    let binary = crate::target_dir().join("release").join(format!("copydesk{}", std::env::consts::EXE_SUFFIX));
    ensure!(binary.is_file(), "cargo built copydesk-cli but {} is missing", binary.display());
    Ok(binary)
}

/// The sample articles: every `*.txt` in `dir`, by name, as paragraphs.
fn load_sample(dir: &Path) -> Result<Vec<Vec<String>>> {
    let entries = fs::read_dir(dir)
        .with_context(|| format!("reading the sample folder {} (pass --sample DIR)", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file())
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for path in &paths {
        let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let paragraphs = paragraphs(&text);
        if !paragraphs.is_empty() {
            articles.push(paragraphs);
        }
    }
    ensure!(
        !articles.is_empty(),
        "no sample articles (non-empty *.txt) in {}: the Spark corpus is generated from them; \
         pass --sample DIR to use another folder",
        dir.display()
    );
    Ok(articles)
}

/// Splits text into paragraphs at blank lines.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line.trim_end());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// SplitMix64: a tiny, well-known generator, so the corpus is the same everywhere.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One generated article: the headline and lede of a sample article, then its other
/// paragraphs shuffled, with some swapped for paragraphs of other articles.
fn article(articles: &[Vec<String>], i: usize) -> String {
    let mut rng = SplitMix64(SEED ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let base = &articles[i % articles.len()];
    let keep = base.len().min(2);
    let mut body: Vec<&str> = base[keep..].iter().map(String::as_str).collect();
    for k in (1..body.len()).rev() {
        body.swap(k, rng.below(k + 1));
    }
    for slot in body.iter_mut() {
        if rng.below(4) == 0 {
            let other = &articles[rng.below(articles.len())];
            *slot = &other[rng.below(other.len())];
        }
    }
    let mut text = String::new();
    for p in base[..keep].iter().map(String::as_str).chain(body) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(p);
    }
    text
}

/// A corpus line and the id it carries (None for the malformed line).
#[derive(Clone)]
struct Line {
    id: Option<String>,
    json: String,
}

/// Records that must come back as records (some as `error` records) on both paths.
fn edge_cases() -> Vec<Line> {
    let with = |id: &str, value: Value| Line { id: Some(id.to_string()), json: value.to_string() };
    vec![
        with("edge-empty-text", serde_json::json!({"id": "edge-empty-text", "text": ""})),
        with("edge-no-text", serde_json::json!({"id": "edge-no-text", "headline": "A record without its text field"})),
        with("edge-text-not-string", serde_json::json!({"id": "edge-text-not-string", "text": 42})),
        with(
            "edge-unicode",
            serde_json::json!({"id": "edge-unicode", "text":
                "ZÜRICH — \u{201c}Wir bleiben,\u{201d} sagte Bürgermeisterin Anna Kälin am Montag. \
                 The café on Bahnhofstrasse — closed since the flood — reopens in São Paulo\u{2019}s style. \u{1f4f0}"}),
        ),
        // No id can be read from these two: copydesk names them by position.
        Line { id: None, json: r#"{"id": "edge-malformed", "text": "a line cut off in the mid"#.to_string() },
        Line { id: None, json: String::new() },
    ]
}

/// The corpus: `n` generated articles with the edge cases spread through them.
fn corpus_lines(articles: &[Vec<String>], n: usize) -> Vec<Line> {
    let mut lines: Vec<Line> = (0..n)
        .map(|i| {
            let id = format!("desk-{i:06}");
            let json = serde_json::json!({"id": id, "text": article(articles, i)}).to_string();
            Line { id: Some(id), json }
        })
        .collect();
    let edges = edge_cases();
    let count = edges.len();
    for (k, edge) in edges.into_iter().enumerate().rev() {
        let at = (n * (k + 1) / (count + 1)).min(lines.len());
        lines.insert(at, edge);
    }
    lines
}

struct Corpus {
    dir: PathBuf,
    all: PathBuf,
    files: usize,
    bytes: u64,
}

/// Writes the lines as `files` JSONL files in `dir`, and all of them to `all`.
fn write_corpus(dir: &Path, all: &Path, lines: &[Line], files: usize) -> Result<Corpus> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut whole = BufWriter::new(File::create(all).with_context(|| format!("creating {}", all.display()))?);
    let per_file = lines.len().div_ceil(files).max(1);
    let mut bytes = 0u64;
    let mut written = 0;
    for (f, chunk) in lines.chunks(per_file).enumerate() {
        let path = dir.join(format!("corpus-{f}.jsonl"));
        let mut out = BufWriter::new(File::create(&path).with_context(|| format!("creating {}", path.display()))?);
        for line in chunk {
            for w in [&mut out as &mut dyn Write, &mut whole] {
                w.write_all(line.json.as_bytes())?;
                w.write_all(b"\n")?;
            }
            bytes += line.json.len() as u64 + 1;
        }
        out.flush()?;
        written += 1;
    }
    whole.flush()?;
    Ok(Corpus { dir: dir.to_path_buf(), all: all.to_path_buf(), files: written, bytes })
}

struct Run {
    status: ExitStatus,
    seconds: f64,
}

/// Runs `cmd` with stdout and stderr sent to files, killing it after `timeout`.
fn run_logged(cmd: &mut Command, stdout: &Path, stderr: &Path, timeout: Duration) -> Result<Run> {
    let out = File::create(stdout).with_context(|| format!("creating {}", stdout.display()))?;
    let err = File::create(stderr).with_context(|| format!("creating {}", stderr.display()))?;
    let program = cmd.get_program().to_string_lossy().into_owned();
    let start = Instant::now();
    let mut child = cmd.stdout(out).stderr(err).spawn().with_context(|| format!("cannot run {program}"))?;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Run { status, seconds: start.elapsed().as_secs_f64() });
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            bail!("{program} did not finish in {} s and was killed; see {}", timeout.as_secs(), stderr.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

struct SparkRun {
    run: Run,
    /// Seconds of the saveAsTextFile job, from the job's `copydesk-spark:` line.
    job_seconds: Option<f64>,
    log: PathBuf,
}

/// `spark-submit` of the example job from the venv, on loopback only, no UI.
#[allow(clippy::too_many_arguments)]
fn spark_submit(
    venv: &Path,
    root: &Path,
    master: &str,
    copydesk: &Path,
    input: &Path,
    output: &Path,
    extra: &[&str],
    logs: &Path,
) -> Result<SparkRun> {
    let python = venv.join("bin").join("python");
    let job = root.join("examples").join("spark").join("copydesk_job.py");
    ensure!(job.is_file(), "{} is missing", job.display());
    let stdout = logs.with_extension("stdout");
    let log = logs.with_extension("log");
    let mut cmd = Command::new(venv.join("bin").join("spark-submit"));
    cmd.current_dir(root)
        .stdin(Stdio::null())
        // The venv's Python for driver and workers; the venv's Spark, not another install.
        .env("PYSPARK_PYTHON", &python)
        .env("PYSPARK_DRIVER_PYTHON", &python)
        .env_remove("SPARK_HOME")
        .env_remove("SPARK_CONF_DIR")
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .args(["--master", master])
        .args(["--conf", "spark.ui.enabled=false"])
        .args(["--conf", "spark.driver.host=127.0.0.1"])
        .args(["--conf", "spark.driver.bindAddress=127.0.0.1"])
        .arg(&job)
        .arg("--binary")
        .arg(copydesk)
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output)
        .args(extra);
    let run = run_logged(&mut cmd, &stdout, &log, SPARK_TIMEOUT)?;
    let printed = fs::read_to_string(&stdout).unwrap_or_default();
    let job_seconds = printed
        .lines()
        .filter(|l| l.starts_with("copydesk-spark:"))
        .flat_map(|l| l.split_whitespace())
        .find_map(|kv| kv.strip_prefix("seconds="))
        .and_then(|s| s.parse::<f64>().ok());
    Ok(SparkRun { run, job_seconds, log })
}

/// The last `n` lines of a file, for error messages.
fn tail(path: &Path, n: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// The `part-*` files of a saveAsTextFile output, by name.
fn part_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut parts: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("part-")))
        .collect();
    parts.sort();
    ensure!(!parts.is_empty(), "no part-* files in {}", dir.display());
    Ok(parts)
}

/// Every line of the files, parsed as a JSON object.
fn read_records(files: &[PathBuf], what: &str) -> Result<Vec<Value>> {
    let mut records = Vec::new();
    for file in files {
        for (n, line) in BufReader::new(open(file)?).lines().enumerate() {
            let line = line.with_context(|| format!("reading {}", file.display()))?;
            let value: Value = serde_json::from_str(&line)
                .with_context(|| format!("{what}: {}:{} is not JSON: {:.200}", file.display(), n + 1, line))?;
            ensure!(value.is_object(), "{what}: {}:{} is not a JSON object: {:.200}", file.display(), n + 1, line);
            records.push(value);
        }
    }
    Ok(records)
}

/// Prefix of the id copydesk gives a record that has none (`<stdin>:LINE`). The line
/// counts within the process's input, which under Spark is one partition, so these ids
/// differ between the two runs by design and are compared without their number.
const POSITIONAL_ID: &str = "<stdin>:";

/// The id of an output record, as a comparable key (`null` where it has none).
fn id_key(record: &Value) -> String {
    match record.get("id") {
        Some(Value::String(s)) if s.starts_with(POSITIONAL_ID) => format!("{POSITIONAL_ID}*"),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "null".to_string(),
    }
}

/// The record as compared: a positional id loses its line number.
fn comparable(record: &Value) -> String {
    match record.get("id") {
        Some(Value::String(s)) if s.starts_with(POSITIONAL_ID) => {
            let mut record = record.clone();
            record["id"] = Value::String(format!("{POSITIONAL_ID}*"));
            record.to_string()
        }
        _ => record.to_string(),
    }
}

/// One output record per input line, and every input id exactly once.
fn check_ids(records: &[Value], lines: &[Line], what: &str) -> Result<()> {
    ensure!(
        records.len() == lines.len(),
        "{what} has {} records for {} input lines (the contract is one output line per input line)",
        records.len(),
        lines.len()
    );
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for record in records {
        *seen.entry(id_key(record)).or_default() += 1;
    }
    for line in lines {
        if let Some(id) = &line.id {
            let count = seen.get(id).copied().unwrap_or(0);
            ensure!(count == 1, "{what}: input id {id:?} appears {count} times, expected once");
        }
    }
    Ok(())
}

/// The Spark records must be the batch records, in any order.
fn compare(batch: &[Value], spark: &[Value]) -> Result<()> {
    let group = |records: &[Value]| {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for r in records {
            map.entry(id_key(r)).or_default().push(comparable(r));
        }
        for v in map.values_mut() {
            v.sort();
        }
        map
    };
    let (b, s) = (group(batch), group(spark));
    let mut problems = Vec::new();
    for id in b.keys().chain(s.keys().filter(|k| !b.contains_key(*k))) {
        let (bv, sv) = (b.get(id), s.get(id));
        if bv == sv {
            continue;
        }
        let problem = match (bv, sv) {
            (Some(_), None) => format!("id {id:?}: in the batch output, missing from Spark's"),
            (None, Some(_)) => format!("id {id:?}: in Spark's output, not in the batch output"),
            (Some(bv), Some(sv)) if bv.len() != sv.len() => {
                format!("id {id:?}: {} records from batch, {} from Spark", bv.len(), sv.len())
            }
            (Some(bv), Some(sv)) => {
                let (bx, sx) = bv.iter().zip(sv).find(|(x, y)| x != y).map_or(("", ""), |(x, y)| (x, y));
                format!("id {id:?} differs:\n    batch: {bx:.300}\n    spark: {sx:.300}")
            }
            (None, None) => continue,
        };
        problems.push(problem);
    }
    if !problems.is_empty() {
        let shown: Vec<&str> = problems.iter().take(5).map(String::as_str).collect();
        bail!(
            "Spark output differs from the plain batch output ({} batch records, {} Spark records, {} ids differ):\n  {}",
            batch.len(),
            spark.len(),
            problems.len(),
            shown.join("\n  ")
        );
    }
    ensure!(batch.len() == spark.len(), "record counts differ: batch {}, Spark {}", batch.len(), spark.len());
    Ok(())
}

/// Runs the job with `--fail-on-error` over an input with a record without text: every
/// attempt of that task must fail, the job must fail, and no `_SUCCESS` may be written.
fn check_fatal_failure(
    venv: &Path,
    root: &Path,
    copydesk: &Path,
    lines: &[Line],
    work: &Path,
    cores: usize,
) -> Result<String> {
    let good = &lines[..lines.len().min(300)];
    let bad = Line {
        id: Some("fatal-no-text".to_string()),
        json: serde_json::json!({"id": "fatal-no-text", "body": "the text is under the wrong field"}).to_string(),
    };
    let good_only: Vec<Line> =
        good.iter().filter(|l| l.id.as_deref().is_some_and(|id| id.starts_with("desk-"))).cloned().collect();
    let mut with_bad = good_only.clone();
    with_bad.insert(with_bad.len() * 2 / 3, bad);
    let dir = work.join("fatal");
    let good_corpus = write_corpus(&dir.join("good-input"), &dir.join("good.jsonl"), &good_only, 1)?;
    let bad_corpus = write_corpus(&dir.join("input"), &dir.join("all.jsonl"), &with_bad, 3)?;

    // First on one machine: the option exists, passes clean input, and fails on the bad record,
    // so the Spark failure below is the one we mean (not, say, an unknown option).
    let clean = run_logged(
        Command::new(copydesk).args(["batch", "--fail-on-error"]).stdin(open(&good_corpus.all)?),
        &dir.join("good.out"),
        &dir.join("good.stderr"),
        BATCH_TIMEOUT,
    )?;
    ensure!(
        clean.status.success(),
        "`copydesk batch --fail-on-error` failed ({}) on clean input; see {}",
        clean.status,
        dir.join("good.stderr").display()
    );
    let fatal = run_logged(
        Command::new(copydesk).args(["batch", "--fail-on-error"]).stdin(open(&bad_corpus.all)?),
        &dir.join("batch.out"),
        &dir.join("batch.stderr"),
        BATCH_TIMEOUT,
    )?;
    ensure!(
        !fatal.status.success(),
        "`copydesk batch --fail-on-error` exited 0 on a record without text; it must fail"
    );

    // local[N,2]: local mode with two attempts per task, as spark.task.maxFailures=2 would on a cluster.
    let master = format!("local[{cores},2]");
    let output = dir.join("spark-out");
    let spark = spark_submit(
        venv,
        root,
        &master,
        copydesk,
        &bad_corpus.dir,
        &output,
        &["--copydesk-arg=--fail-on-error"],
        &dir.join("spark"),
    )?;
    ensure!(
        !spark.run.status.success(),
        "the Spark job exited 0 although copydesk failed on a record; log: {}",
        spark.log.display()
    );
    ensure!(!output.join("_SUCCESS").exists(), "the failed Spark job left {}", output.join("_SUCCESS").display());
    let log = fs::read_to_string(&spark.log).unwrap_or_default();
    ensure!(
        log.contains(FAILED_MARKER),
        "the Spark job failed, but not because copydesk exited non-zero; log {}:\n{}",
        spark.log.display(),
        tail(&spark.log, 30)
    );
    ensure!(
        log.contains("failed 2 times"),
        "the failing task was not retried (expected \"failed 2 times\" in {})",
        spark.log.display()
    );
    Ok(format!(
        "fatal record: `copydesk batch --fail-on-error` exit {}, Spark {master} task failed 2 times, job failed, no _SUCCESS ({:.1} s)",
        fatal.status.code().map_or("signal".to_string(), |c| c.to_string()),
        spark.run.seconds
    ))
}
