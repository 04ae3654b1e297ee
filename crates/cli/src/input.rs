//! Where articles come from: files, directories, standard input, gzip.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flate2::read::MultiGzDecoder;

/// How one input holds its articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line.
    Jsonl,
    /// The whole file is one article.
    Text,
}

/// One input of a batch.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// How it holds its articles.
    pub format: Format,
}

impl Source {
    /// The name used in messages and default ids.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "<stdin>".to_string(),
        }
    }

    /// A buffered reader over the source, gunzipping `.gz` files.
    pub fn open(&self) -> Result<Box<dyn BufRead + Send>> {
        let Some(path) = &self.path else {
            return Ok(Box::new(BufReader::with_capacity(1 << 20, io::stdin())));
        };
        let file = File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
        if is_gz(path) {
            Ok(Box::new(BufReader::with_capacity(1 << 20, MultiGzDecoder::new(BufReader::new(file)))))
        } else {
            Ok(Box::new(BufReader::with_capacity(1 << 20, file)))
        }
    }
}

fn is_gz(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "gz")
}

/// The format a file name announces: `.txt` (or `.txt.gz`) is one article,
/// anything else is JSONL.
fn format_of(path: &Path) -> Format {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".txt") {
        Format::Text
    } else {
        Format::Jsonl
    }
}

fn wanted_in_dir(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".txt", ".jsonl", ".ndjson"].iter().any(|ext| name.ends_with(ext))
}

/// Expands the command line's inputs: `-` or nothing is standard input (JSONL),
/// a directory is every `.txt`, `.jsonl` and `.ndjson` file below it (and their
/// `.gz`), sorted by path so a run is repeatable.
pub fn sources(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    if inputs.is_empty() {
        return Ok(vec![Source { path: None, format: Format::Jsonl }]);
    }
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source { path: None, format: Format::Jsonl });
        } else if input.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files)?;
            files.sort();
            if files.is_empty() {
                bail!("{}: no .txt, .jsonl or .ndjson files in this directory", input.display());
            }
            out.extend(files.into_iter().map(|p| Source { format: format_of(&p), path: Some(p) }));
        } else {
            out.push(Source { path: Some(input.clone()), format: format_of(input) });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("{}: cannot read directory", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot read directory", dir.display()))?;
        let path = entry.path();
        let kind = entry.file_type().with_context(|| format!("{}: cannot stat", path.display()))?;
        if kind.is_dir() {
            walk(&path, files)?;
        } else if wanted_in_dir(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads a whole file, gunzipping `.gz`.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let source = Source { path: Some(path.to_path_buf()), format: format_of(path) };
    source.open()?.read_to_end(&mut bytes).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(bytes)
}

/// Decodes bytes as UTF-8. Invalid sequences are replaced by U+FFFD rather
/// than failing the article: a scraped page with one bad byte still has a
/// story worth analysing. The returned warning says so, naming the place, so
/// that a user who needs exact offsets into the raw bytes knows which
/// records to distrust.
pub fn decode(bytes: Vec<u8>, name: &str) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (
                s,
                Some(format!(
                    "{name}: invalid UTF-8 at byte {at} replaced by U+FFFD; offsets refer to the replaced text"
                )),
            )
        }
    }
}
