//! `copydesk batch`: a corpus through the pipeline, streaming.
//!
//! Three stages run at once: a reader thread cuts the input into chunks of
//! records (bounded in count and bytes), the main thread analyses each chunk
//! on all of rayon's threads, and a writer thread writes the finished chunk
//! while the next one is analysed. Channels between them hold at most two
//! chunks, so memory is bounded by the chunk size, whatever the corpus size.
//!
//! Every input record gives exactly one output line, in input order: a record
//! that cannot be read (bad JSON, no text field, an empty line) becomes a
//! record with its `id` and an `error`, never a gap.

use std::fs::File;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use copydesk::{Analysis, Pipeline};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;

use crate::input::{self, Format, Source};
use crate::record::{self, Record, Text};
use crate::{Offsets, PipelineArgs};

/// Arguments of `copydesk batch`.
#[derive(Args, Debug)]
pub struct BatchArgs {
    /// JSONL files (`.gz` read transparently), `.txt` files (one article each)
    /// or directories of them. Standard input (JSONL) when none or `-`.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Write the JSONL records here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The JSONL field that holds the article's text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// The JSONL field that holds the record's identifier. Records without one
    /// get `FILE:LINE`.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Worker threads (default: RAYON_NUM_THREADS, else every core).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Stop with exit status 2 at the first record that cannot be read,
    /// after writing every record before it.
    #[arg(long)]
    fail_on_error: bool,
    /// Records per chunk: the unit of parallel work and of memory.
    #[arg(long, default_value_t = 1024)]
    chunk_records: usize,
    /// Input megabytes per chunk (a chunk closes at whichever limit comes first).
    #[arg(long, default_value_t = 8)]
    chunk_mb: usize,
    /// No progress bar and no summary line on standard error.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// One record as read, before analysis.
struct Item {
    source: usize,
    line: usize,
    body: Body,
}

enum Body {
    /// A raw JSONL line (without its newline).
    Line(Vec<u8>),
    /// A whole text file.
    Text(Vec<u8>),
}

/// What the reader hands on: a chunk of records, or a source that failed
/// part-way (unreadable, truncated gzip).
enum Batch {
    Chunk(Vec<Item>),
    Failed(anyhow::Error),
}

struct Settings {
    text_field: String,
    id_field: String,
    offsets: Offsets,
    names: Vec<String>,
}

/// One finished record: its JSON line, and whether it is an error record.
struct Output {
    line: Vec<u8>,
    error: Option<String>,
}

pub fn run(args: BatchArgs) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().context("setting up the thread pool")?;
    }
    let sources = input::sources(&args.inputs)?;
    let pipeline = args.pipeline.build()?;
    let settings = Settings {
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        offsets: args.pipeline.offsets,
        names: sources.iter().map(Source::name).collect(),
    };
    let total_bytes: Option<u64> = sources
        .iter()
        .map(|s| s.path.as_ref().filter(|p| !p.extension().is_some_and(|e| e == "gz")))
        .map(|p| p.and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()))
        .sum();

    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(total_bytes));
    let started = Instant::now();

    let (chunk_tx, chunk_rx) = sync_channel::<Batch>(1);
    let limits = (args.chunk_records.max(1), args.chunk_mb.max(1) << 20);
    let reader = std::thread::spawn(move || read_all(sources, limits, chunk_tx));

    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(File::create(path).with_context(|| format!("{}: cannot create", path.display()))?),
        None => Box::new(io::stdout()),
    };
    let out_name = args.output.as_ref().map_or("standard output".to_string(), |p| p.display().to_string());
    let (write_tx, write_rx) = sync_channel::<Vec<Output>>(2);
    let writer = std::thread::spawn(move || write_all(out, write_rx));

    let mut stats = Stats::default();
    let mut fatal: Option<(anyhow::Error, u8)> = None;
    for batch in chunk_rx {
        match batch {
            Batch::Chunk(items) => {
                let bytes: usize = items.iter().map(Item::len).sum();
                let mut outputs: Vec<Output> =
                    items.into_par_iter().map(|item| analyze(&pipeline, &settings, item)).collect();
                if args.fail_on_error {
                    if let Some(i) = outputs.iter().position(|o| o.error.is_some()) {
                        let message = outputs[i].error.take().unwrap_or_default();
                        outputs.truncate(i);
                        stats.add(&outputs, 0);
                        let _ = write_tx.send(outputs);
                        fatal = Some((anyhow::anyhow!("{message} (--fail-on-error)"), 2));
                        break;
                    }
                }
                stats.add(&outputs, bytes);
                if let Some(bar) = &progress {
                    bar.set_position(stats.bytes as u64);
                    bar.set_message(format!("{} records", stats.records));
                }
                if write_tx.send(outputs).is_err() {
                    break; // the writer stopped: its error is reported below
                }
            }
            Batch::Failed(error) => {
                // Records before the failure are written; the rest of that
                // source is lost, so the run fails once the others are done.
                eprintln!("copydesk: error: {error:#}");
                stats.failed_sources += 1;
            }
        }
    }
    drop(write_tx);
    let written = writer.join().map_err(|_| anyhow::anyhow!("the writer thread panicked"))?;
    // The reader may still be blocked on a full channel after a fatal stop.
    drop(reader);
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("writing {out_name}"))),
        Ok(()) => {}
    }
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = stats.bytes as f64 / 1e6;
        let peak = peak_rss_mb().map(|m| format!(", peak RSS {m:.0} MB")).unwrap_or_default();
        eprintln!(
            "copydesk: {} records ({} errors), {:.1} MB in {:.2} s ({:.1} MB/s){peak}",
            stats.records,
            stats.errors,
            mb,
            secs,
            mb / secs.max(1e-9)
        );
    }
    if let Some((error, code)) = fatal {
        eprintln!("copydesk: error: {error:#}");
        return Ok(ExitCode::from(code));
    }
    if stats.failed_sources > 0 {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Default)]
struct Stats {
    records: usize,
    errors: usize,
    bytes: usize,
    failed_sources: usize,
}

impl Stats {
    fn add(&mut self, outputs: &[Output], bytes: usize) {
        self.records += outputs.len();
        self.errors += outputs.iter().filter(|o| o.error.is_some()).count();
        self.bytes += bytes;
    }
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    let template = if total.is_some() {
        "{msg} {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}"
    } else {
        "{spinner} {msg} {binary_bytes} {binary_bytes_per_sec}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

impl Item {
    fn len(&self) -> usize {
        match &self.body {
            Body::Line(b) | Body::Text(b) => b.len(),
        }
    }
}

/// Reads every source in order, cutting chunks at `limits` (records, bytes).
fn read_all(sources: Vec<Source>, limits: (usize, usize), tx: SyncSender<Batch>) {
    let mut chunk = Vec::new();
    let mut chunk_bytes = 0;
    for (index, source) in sources.iter().enumerate() {
        let result = read_source(index, source, &mut |item| {
            chunk_bytes += item.len();
            chunk.push(item);
            if chunk.len() >= limits.0 || chunk_bytes >= limits.1 {
                chunk_bytes = 0;
                return tx.send(Batch::Chunk(std::mem::take(&mut chunk))).is_ok();
            }
            true
        });
        if let Err(error) = result {
            if !chunk.is_empty() && tx.send(Batch::Chunk(std::mem::take(&mut chunk))).is_err() {
                return;
            }
            chunk_bytes = 0;
            if tx.send(Batch::Failed(error)).is_err() {
                return;
            }
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(Batch::Chunk(chunk));
    }
}

/// Reads one source, handing each record to `emit` (which returns false to
/// stop: the consumer has gone).
fn read_source(index: usize, source: &Source, emit: &mut dyn FnMut(Item) -> bool) -> Result<()> {
    let name = source.name();
    let mut reader = source.open()?;
    match source.format {
        Format::Text => {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut reader, &mut bytes).with_context(|| format!("{name}: cannot read"))?;
            emit(Item { source: index, line: 0, body: Body::Text(bytes) });
        }
        Format::Jsonl => {
            let mut line = 0;
            loop {
                let mut buf = Vec::new();
                let n = read_line(&mut *reader, &mut buf)
                    .with_context(|| format!("{name}: line {}: cannot read (truncated or corrupt input?)", line + 1))?;
                if n == 0 {
                    break;
                }
                line += 1;
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                    if buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                }
                if !emit(Item { source: index, line, body: Body::Line(buf) }) {
                    break;
                }
            }
        }
    }
    Ok(())
}

/// Reads one line, through its newline if it has one, into `buf`: what
/// `BufRead::read_until(b'\n', buf)` does, but finding the newline with
/// memchr's SIMD search rather than the standard library's word-at-a-time
/// one, and growing `buf` once when the line is whole in the reader's buffer.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(i) => (true, i + 1),
            None => (available.is_empty(), available.len()),
        };
        buf.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// Analyses one record into its output line. Never fails: a bad record
/// becomes an error record.
fn analyze(pipeline: &Pipeline, settings: &Settings, item: Item) -> Output {
    let name = &settings.names[item.source];
    // Where the record came from, for messages and a missing id: built only
    // when one of those needs it, not for every record.
    let place = || if item.line == 0 { name.clone() } else { format!("{name}:{}", item.line) };
    let (id, text, warning) = match item.body {
        Body::Text(bytes) => {
            let (text, warning) = input::decode(bytes, name);
            (Value::String(name.clone()), Ok(text), warning)
        }
        Body::Line(ref bytes) => parse_line(bytes, settings, &place),
    };
    // The common case, an article read cleanly and written with byte
    // offsets, goes straight to its line without an owned record between.
    if let (Ok(text), None, Offsets::Byte) = (&text, &warning, settings.offsets) {
        let mut line = Vec::new();
        pipeline.analyze_json(text, Some(&id), &mut line);
        line.push(b'\n');
        return Output { line, error: None };
    }
    let mut analysis = match text {
        Ok(text) => {
            let mut a = pipeline.analyze(&text);
            if settings.offsets == Offsets::Char {
                a.to_char_offsets(&text);
            }
            a.id = Some(id);
            a
        }
        Err(message) => Analysis::error(Some(id), message),
    };
    analysis.warnings.extend(warning);
    let error = analysis.error.as_ref().map(|e| format!("{}: {e}", place()));
    // write_json sizes the buffer from the record itself, once; a guess from
    // the article's length (three times it) was too small for one record in
    // sixteen and, as the record's own estimate grew past it, moved the rest.
    let mut line = Vec::new();
    analysis.write_json(&mut line);
    line.push(b'\n');
    Output { line, error }
}

/// Parses a JSONL line into (id, text or error message, warning).
fn parse_line(
    bytes: &[u8],
    settings: &Settings,
    place: &dyn Fn() -> String,
) -> (Value, Result<String, String>, Option<String>) {
    let fallback_id = || Value::String(place());
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return (fallback_id(), Err("empty line".to_string()), None);
    }
    let parse = |b: &[u8]| record::parse(b, &settings.id_field, &settings.text_field);
    let (parsed, warning) = match parse(bytes) {
        Ok(r) => (r, None),
        Err(e) => {
            // JSON must be UTF-8; a line with stray bytes is decoded lossily
            // and parsed again, with a warning, rather than lost.
            let (text, warning) = input::decode(bytes.to_vec(), &place());
            match (warning, parse(text.as_bytes())) {
                (Some(w), Ok(r)) => (r, Some(w)),
                _ => return (fallback_id(), Err(format!("malformed JSON: {e}")), None),
            }
        }
    };
    let Record::Object { id, text } = parsed else {
        return (fallback_id(), Err("not a JSON object".to_string()), warning);
    };
    let id = id.unwrap_or_else(fallback_id);
    match text {
        Text::Str(text) => (id, Ok(text), warning),
        Text::Wrong(kind) => (id, Err(format!("field {:?} is {kind}, not a string", settings.text_field)), warning),
        Text::Missing => (id, Err(format!("no {:?} field", settings.text_field)), warning),
    }
}

/// Writes finished chunks in order; flushes before returning, on every path.
fn write_all(out: Box<dyn Write + Send>, rx: Receiver<Vec<Output>>) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 20, out);
    let result = (|| {
        for chunk in rx.iter() {
            for o in chunk {
                out.write_all(&o.line)?;
            }
        }
        Ok(())
    })();
    let flushed = out.flush();
    result.and(flushed)
}

/// The process's peak resident memory in MB, where the system tells it
/// (Linux's `/proc/self/status`).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_as_read_until_reads_them() {
        #[rustfmt::skip]
        let inputs: &[&[u8]] = &[
            b"", b"\n", b"\n\n", b"one", b"one\n", b"one\ntwo", b"one\r\ntwo\r\n", b"a line longer than the buffer\nb\n",
            b"\xff\xfe bytes\n{\"id\": 1}\n", b"no newline at the end, and longer than the buffer",
        ];
        for input in inputs {
            for capacity in [1, 3, 8, 1 << 20] {
                let mut ours = io::BufReader::with_capacity(capacity, *input);
                let mut theirs = io::BufReader::with_capacity(capacity, *input);
                loop {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let n = read_line(&mut ours, &mut a).unwrap();
                    assert_eq!(n, theirs.read_until(b'\n', &mut b).unwrap(), "{input:?} by {capacity}");
                    assert_eq!(a, b, "{input:?} by {capacity}");
                    if n == 0 {
                        break;
                    }
                }
            }
        }
    }
}
