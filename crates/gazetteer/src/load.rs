//! Reading gazetteer entries from TSV, CSV and JSON.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::{EntityKind, Entry};

/// What went wrong while loading entries or building a gazetteer.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file name does not end in `.tsv`, `.csv` or `.json`.
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// A row (or JSON value) is malformed.
    BadRow {
        /// The file, or the origin name given to [`crate::GazetteerBuilder::load_str`].
        path: PathBuf,
        /// 1-based line number of the offending row.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The matcher could not be built (e.g. it would need more than 2^32 table slots).
    Build(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::UnknownFormat { path } => {
                write!(f, "{}: unknown gazetteer format (expected .tsv, .csv or .json)", path.display())
            }
            Error::BadRow { path, line, message } => write!(f, "{}:{}: {}", path.display(), line, message),
            Error::Build(msg) => write!(f, "cannot build gazetteer: {msg}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The file formats a user gazetteer can come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Tab-separated: `name, kind, id, aliases, demonyms, flags`; `#` comments.
    Tsv,
    /// Comma-separated with a header row naming the columns.
    Csv,
    /// A JSON array of entry objects.
    Json,
}

impl Format {
    /// The format a path's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "tsv" | "tab" | "txt" => Some(Format::Tsv),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

fn bad(origin: &Path, line: usize, message: impl Into<String>) -> Error {
    Error::BadRow { path: origin.to_path_buf(), line, message: message.into() }
}

fn list(field: &str) -> Vec<String> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// Apply a comma/space separated flag list to an entry.
fn apply_flags(entry: &mut Entry, flags: &str) -> Result<(), String> {
    for flag in flags.split([',', ' ', '|']).map(str::trim).filter(|s| !s.is_empty()) {
        match flag.to_ascii_lowercase().as_str() {
            "ambiguous" => entry.ambiguous = true,
            "stem" => entry.stem = true,
            "case-sensitive" | "cs" => entry.case_sensitive = Some(true),
            "case-insensitive" | "ci" => entry.case_sensitive = Some(false),
            other => {
                return Err(format!(
                    "unknown flag {other:?} (expected ambiguous, stem, case-sensitive, case-insensitive)"
                ))
            }
        }
    }
    Ok(())
}

/// An entry from a row's first columns; `columns` is how many the row had
/// (only the first six are read, and more are an error).
fn row_to_entry(fields: &[&str], columns: usize) -> Result<Entry, String> {
    let get = |i: usize| fields.get(i).map(|s| s.trim()).unwrap_or("");
    let name = get(0);
    if name.is_empty() {
        return Err("empty name".into());
    }
    let kind = match get(1) {
        "" => EntityKind::Other,
        k => k.parse::<EntityKind>()?,
    };
    let mut entry = Entry::new(name, kind);
    let id = get(2);
    if !id.is_empty() {
        entry.id = Some(id.to_string());
    }
    entry.aliases = list(get(3));
    entry.demonyms = list(get(4));
    apply_flags(&mut entry, get(5))?;
    if columns > 6 {
        return Err(format!("{columns} columns, at most 6 expected"));
    }
    Ok(entry)
}

/// Parse TSV text.
///
/// The columns of a row go into an array on the stack rather than a vector
/// per row: the embedded data is 31,000 rows, parsed at every start-up.
pub(crate) fn parse_tsv(text: &str, origin: &Path, out: &mut Vec<Entry>) -> Result<(), Error> {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = [""; 6];
        let mut columns = 0;
        for field in line.split('\t') {
            if let Some(slot) = fields.get_mut(columns) {
                *slot = field;
            }
            columns += 1;
        }
        let fields = &fields[..columns.min(6)];
        if fields[0].trim().eq_ignore_ascii_case("name")
            && fields.get(1).is_some_and(|k| k.trim().eq_ignore_ascii_case("kind"))
        {
            continue; // header row
        }
        out.push(row_to_entry(fields, columns).map_err(|m| bad(origin, i + 1, m))?);
    }
    Ok(())
}

/// Parse CSV text (header row required).
pub(crate) fn parse_csv(text: &str, origin: &Path, out: &mut Vec<Entry>) -> Result<(), Error> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).comment(Some(b'#')).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| bad(origin, 1, e.to_string()))?.clone();
    const COLUMNS: [&str; 6] = ["name", "kind", "id", "aliases", "demonyms", "flags"];
    let mut index = [None; 6];
    for (h, header) in headers.iter().enumerate() {
        let header = header.trim().to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == header) {
            Some(c) => index[c] = Some(h),
            None => return Err(bad(origin, 1, format!("unknown column {header:?} (expected {})", COLUMNS.join(", ")))),
        }
    }
    if index[0].is_none() {
        return Err(bad(origin, 1, "no `name` column in the header"));
    }
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
            bad(origin, line, e.to_string())
        })?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let fields: Vec<&str> = index.iter().map(|i| i.and_then(|i| record.get(i)).unwrap_or("")).collect();
        out.push(row_to_entry(&fields, fields.len()).map_err(|m| bad(origin, line, m))?);
    }
    Ok(())
}

/// Parse a JSON array of entries.
pub(crate) fn parse_json(text: &str, origin: &Path, out: &mut Vec<Entry>) -> Result<(), Error> {
    let entries: Vec<Entry> = serde_json::from_str(text).map_err(|e| bad(origin, e.line(), e.to_string()))?;
    for (i, e) in entries.iter().enumerate() {
        if e.name.trim().is_empty() {
            return Err(bad(origin, 0, format!("entry {i} has an empty name")));
        }
    }
    out.extend(entries);
    Ok(())
}

/// Parse text in the given format.
pub(crate) fn parse(text: &str, format: Format, origin: &Path, out: &mut Vec<Entry>) -> Result<(), Error> {
    match format {
        Format::Tsv => parse_tsv(text, origin, out),
        Format::Csv => parse_csv(text, origin, out),
        Format::Json => parse_json(text, origin, out),
    }
}
