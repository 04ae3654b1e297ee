//! `copydesk`: the copy desk's work on news text, from the command line.
//!
//! `copydesk analyze FILE` reports on one article; `copydesk batch` streams a
//! corpus of JSONL or text files through the whole pipeline on every core; the
//! stage commands (`strip`, `sentences`, `entities`, `quotes`) run one stage.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use copydesk::{Analysis, Pipeline};

mod batch;
mod input;
mod record;
mod report;

/// A batch allocates and frees many short strings per article (the record's
/// texts, names, JSON buffers) from several threads at once; with glibc's
/// allocator about 15% of a batch run went to malloc, free and their
/// consolidation. mimalloc's thread-local free lists take most of that away.
/// The library crates leave the allocator to their users.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Strip captions, split sentences, find names and attribute quotes in news text.
#[derive(Parser, Debug)]
#[command(name = "copydesk", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse one article: removed blocks, people and places, quotes and speakers.
    Analyze(StageArgs),
    /// Analyse a corpus: JSONL (optionally .gz), .txt files or directories; JSONL out.
    Batch(batch::BatchArgs),
    /// Strip captions, credits and promos; print the clean text or what was removed.
    Strip(StageArgs),
    /// Split an article into sentences.
    Sentences(StageArgs),
    /// Find the people, places and organisations an article names.
    Entities(StageArgs),
    /// Extract quotes and their speakers.
    Quotes(StageArgs),
}

/// How spans are counted in the output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Offsets {
    /// UTF-8 byte offsets into the input (the default).
    #[default]
    Byte,
    /// Unicode code-point offsets (Python `str` indexing, spaCy).
    Char,
}

/// Options shared by every command that builds a pipeline.
#[derive(Args, Debug, Clone)]
pub struct PipelineArgs {
    /// Spans as byte or character offsets.
    #[arg(long, value_enum, default_value_t = Offsets::Byte, global = true)]
    offsets: Offsets,
    /// Add a user gazetteer (TSV, CSV or JSON); repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Use only the --gazetteer files, not the embedded gazetteer.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Keep captions and promos in the text (skip the caption stage).
    #[arg(long)]
    no_captions: bool,
    /// Do not report indirect (reported) speech.
    #[arg(long)]
    no_indirect: bool,
    /// Include the sentences in the record.
    #[arg(long)]
    sentences: bool,
}

impl PipelineArgs {
    fn builder(&self) -> copydesk::PipelineBuilder {
        let mut b = Pipeline::builder();
        b.captions(!self.no_captions)
            .embedded_gazetteer(!self.no_default_gazetteer)
            .indirect(!self.no_indirect)
            .sentences(self.sentences);
        for g in &self.gazetteers {
            b.gazetteer_file(g);
        }
        b
    }

    fn build(&self) -> Result<Pipeline> {
        self.builder().build().context("building the pipeline")
    }
}

/// One article in, one stage's report out.
#[derive(Args, Debug)]
struct StageArgs {
    /// The article: a text file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    file: PathBuf,
    /// Print the JSON record instead of a report for a person.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => stage(a, Stage::Analyze),
        Command::Strip(a) => stage(a, Stage::Strip),
        Command::Sentences(a) => stage(a, Stage::Sentences),
        Command::Entities(a) => stage(a, Stage::Entities),
        Command::Quotes(a) => stage(a, Stage::Quotes),
        Command::Batch(a) => batch::run(a),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("copydesk: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// A closed pipe on output (`copydesk batch | head`) is the reader's choice,
/// not a failure: exit quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Analyze,
    Strip,
    Sentences,
    Entities,
    Quotes,
}

fn read_article(path: &std::path::Path) -> Result<(String, Option<String>)> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().lock().read_to_end(&mut bytes).context("reading standard input")?;
    } else {
        bytes = input::read_file(path)?;
    }
    Ok(input::decode(bytes, &path.display().to_string()))
}

fn stage(args: StageArgs, stage: Stage) -> Result<ExitCode> {
    let (text, warning) = read_article(&args.file)?;
    let mut builder = args.pipeline.builder();
    match stage {
        Stage::Strip => {
            builder.gazetteer(false).quotes(false);
        }
        Stage::Sentences => {
            // One stage: the tokenizer alone, on the text as given.
            builder.captions(false).gazetteer(false).quotes(false).sentences(true);
        }
        Stage::Entities => {
            builder.quotes(false);
        }
        Stage::Quotes | Stage::Analyze => {}
    }
    let pipeline = builder.build().context("building the pipeline")?;
    let mut analysis = pipeline.analyze(&text);
    analysis.warnings.extend(warning);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        if args.pipeline.offsets == Offsets::Char {
            analysis.to_char_offsets(&text);
        }
        if stage == Stage::Analyze {
            // The record itself, fields in the documented order.
            serde_json::to_writer_pretty(&mut out, &analysis)?;
        } else {
            serde_json::to_writer_pretty(&mut out, &stage_json(&analysis, stage))?;
        }
        writeln!(out)?;
    } else {
        let report = report::Report { text: &text, analysis: &analysis, offsets: args.pipeline.offsets };
        match stage {
            Stage::Analyze => report.analysis(&mut out)?,
            Stage::Strip => report.clean_text(&mut out)?,
            Stage::Sentences => report.sentences(&mut out)?,
            Stage::Entities => report.entities(&mut out)?,
            Stage::Quotes => report.quotes(&mut out)?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The JSON a stage command prints: the whole record for `analyze`, the
/// stage's own field otherwise.
fn stage_json(analysis: &Analysis, stage: Stage) -> serde_json::Value {
    let full = serde_json::to_value(analysis).unwrap_or_default();
    let keep: &[&str] = match stage {
        Stage::Analyze => return full, // printed directly by `stage`
        Stage::Strip => &["removed"],
        Stage::Sentences => &["sentences"],
        Stage::Entities => &["entities"],
        Stage::Quotes => &["quotes"],
    };
    let mut out = serde_json::Map::new();
    if let serde_json::Value::Object(map) = full {
        for (k, v) in map {
            if keep.contains(&k.as_str()) || k == "warnings" || k == "error" {
                out.insert(k, v);
            }
        }
    }
    serde_json::Value::Object(out)
}
