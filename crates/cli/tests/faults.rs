//! Bad input and faults: what the CLI does with each, as a table.
//!
//! The contract: every input record gives exactly one output line, in order;
//! a record that cannot be read becomes an `error` record with its id; the
//! exit status is non-zero only for a fatal error (a source that cannot be
//! read to its end, an output that cannot be written), and the message names
//! the file and line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn copydesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

/// A scratch folder of this test binary, fresh for each case.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("copydesk-faults-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn run_batch(input: &Path, extra: &[&str]) -> Output {
    copydesk().arg("batch").arg("--quiet").args(extra).arg(input).output().unwrap()
}

/// What one bad input must give.
enum Expect {
    /// Exit 0; the record at `index` has an `error` containing the text.
    ErrorRecord { index: usize, contains: &'static str },
    /// Exit 0; the record at `index` is analysed and warns with the text.
    Warning { index: usize, contains: &'static str },
    /// Exit 0; the record at `index` is analysed with no error.
    Analysed { index: usize },
}

#[test]
fn bad_jsonl_records_become_error_records_and_keep_their_place() {
    let good = r#"{"id": "ok", "text": "\"We will rebuild,\" the mayor said."}"#;
    #[rustfmt::skip]
    let cases: &[(&str, &[u8], Expect)] = &[
        ("malformed JSON",         b"{\"id\": 1, \"text\": ",                     Expect::ErrorRecord { index: 1, contains: "malformed JSON" }),
        ("missing text field",     b"{\"id\": \"x\", \"body\": \"text\"}",          Expect::ErrorRecord { index: 1, contains: "no \"text\" field" }),
        ("text is a number",       b"{\"id\": \"x\", \"text\": 42}",               Expect::ErrorRecord { index: 1, contains: "a number, not a string" }),
        ("not an object",          b"[1, 2, 3]",                                   Expect::ErrorRecord { index: 1, contains: "not a JSON object" }),
        ("empty line",             b"",                                            Expect::ErrorRecord { index: 1, contains: "empty line" }),
        ("blank line",             b"   \t ",                                      Expect::ErrorRecord { index: 1, contains: "empty line" }),
        ("empty text",             b"{\"id\": \"e\", \"text\": \"\"}",             Expect::Analysed { index: 1 }),
        ("invalid UTF-8 in text",  b"{\"id\": \"u\", \"text\": \"caf\xe9 said\"}", Expect::Warning { index: 1, contains: "invalid UTF-8" }),
        ("CRLF line end",          b"{\"id\": \"c\", \"text\": \"Hello.\"}\r",      Expect::Analysed { index: 1 }),
    ];
    for (name, line, expect) in cases {
        let dir = scratch("jsonl");
        let path = dir.join("in.jsonl");
        let mut bytes = Vec::new();
        bytes.extend_from_slice(good.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
        bytes.extend_from_slice(good.as_bytes());
        bytes.push(b'\n');
        std::fs::write(&path, &bytes).unwrap();
        let out = run_batch(&path, &[]);
        assert!(out.status.success(), "{name}: exit {:?}, stderr {}", out.status, String::from_utf8_lossy(&out.stderr));
        let recs = records(&out);
        assert_eq!(recs.len(), 3, "{name}: one output line per input line");
        assert_eq!(recs[0]["id"], "ok", "{name}");
        assert_eq!(recs[2]["id"], "ok", "{name}");
        assert_eq!(recs[2]["quotes"].as_array().map(Vec::len), Some(1), "{name}: later records unaffected");
        match expect {
            Expect::ErrorRecord { index, contains } => {
                let err = recs[*index]["error"].as_str().unwrap_or_default();
                assert!(err.contains(contains), "{name}: error {err:?} should contain {contains:?}");
                assert!(recs[*index].get("id").is_some(), "{name}: an error record keeps an id");
            }
            Expect::Warning { index, contains } => {
                assert!(recs[*index].get("error").is_none(), "{name}");
                let w = recs[*index]["warnings"].to_string();
                assert!(w.contains(contains), "{name}: warnings {w} should contain {contains:?}");
            }
            Expect::Analysed { index } => {
                assert!(recs[*index].get("error").is_none(), "{name}: {}", recs[*index]);
                assert!(recs[*index]["quotes"].is_array(), "{name}");
            }
        }
    }
}

#[test]
fn error_record_without_id_is_named_by_file_and_line() {
    let dir = scratch("noid");
    let path = dir.join("in.jsonl");
    std::fs::write(&path, "{\"text\": \"One.\"}\n{oops\n").unwrap();
    let recs = records(&run_batch(&path, &[]));
    assert!(recs[0]["id"].as_str().unwrap().ends_with("in.jsonl:1"));
    assert!(recs[1]["id"].as_str().unwrap().ends_with("in.jsonl:2"));
    assert!(recs[1]["error"].as_str().unwrap().contains("malformed JSON"));
}

#[test]
fn invalid_utf8_text_file_is_decoded_lossily_and_flagged() {
    let dir = scratch("txt");
    let path = dir.join("story.txt");
    std::fs::write(&path, b"\"We are ready,\" the general said.\n\xff\xfe broken bytes.\n").unwrap();
    let out = copydesk().arg("analyze").arg("--json").arg(&path).output().unwrap();
    assert!(out.status.success());
    let rec: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rec["warnings"].to_string().contains("invalid UTF-8"));
    assert_eq!(rec["quotes"].as_array().map(Vec::len), Some(1));
}

#[test]
fn fail_on_error_stops_with_status_2_after_writing_what_came_before() {
    let dir = scratch("fail");
    let path = dir.join("in.jsonl");
    std::fs::write(
        &path,
        "{\"id\":1,\"text\":\"A.\"}\n{\"id\":2,\"text\":\"B.\"}\nnot json\n{\"id\":4,\"text\":\"D.\"}\n",
    )
    .unwrap();
    let out = run_batch(&path, &["--fail-on-error"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(records(&out).len(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in.jsonl:3"), "the message names file and line: {err}");
}

#[test]
fn truncated_gzip_is_fatal_after_writing_the_records_before_it() {
    let dir = scratch("gz");
    let path = dir.join("in.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..2000 {
        writeln!(enc, "{{\"id\": {i}, \"text\": \"Paragraph {i} of a long story, said the editor.\"}}").unwrap();
    }
    let gz = enc.finish().unwrap();
    std::fs::write(&path, &gz[..gz.len() / 2]).unwrap();
    let out = copydesk().arg("batch").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in.jsonl.gz") && err.contains("line"), "names the file and line: {err}");
    let recs = records(&out);
    assert!(!recs.is_empty() && recs.len() < 2000);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], i, "records before the damage, in order");
    }
}

#[test]
fn unreadable_inputs_give_a_clear_error() {
    let dir = scratch("missing");
    #[rustfmt::skip]
    let cases: &[(&str, PathBuf, &str)] = &[
        ("missing file",        dir.join("nope.jsonl"), "nope.jsonl: cannot open"),
        ("empty directory",     dir.clone(),            "no .txt, .jsonl or .ndjson files"),
    ];
    for (name, path, contains) in cases {
        let out = copydesk().arg("batch").arg(path).output().unwrap();
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(contains), "{name}: {err}");
    }
    let out = copydesk().arg("analyze").arg(dir.join("gone.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gone.txt"));
}

#[test]
fn closed_pipe_on_output_exits_quietly() {
    let dir = scratch("pipe");
    let path = dir.join("in.jsonl");
    let mut lines = String::new();
    for i in 0..20_000 {
        lines.push_str(&format!("{{\"id\": {i}, \"text\": \"Line {i}, the spokesman said.\"}}\n"));
    }
    std::fs::write(&path, lines).unwrap();
    let mut child = copydesk()
        .arg("batch")
        .arg("--quiet")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take()); // like `| head -c 64`
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit {:?}", out.status);
    assert!(out.stderr.is_empty(), "no message: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn full_disk_on_output_is_an_error_naming_the_output() {
    if !Path::new("/dev/full").exists() {
        return; // not Linux: nothing to test with
    }
    let dir = scratch("full");
    let path = dir.join("in.jsonl");
    std::fs::write(&path, "{\"id\":1,\"text\":\"A story.\"}\n").unwrap();
    let out = copydesk().args(["batch", "-o", "/dev/full"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/dev/full"), "{err}");
}

/// Huge and adversarial articles finish and keep one record each. These are
/// not timed (no test here measures speed); a quadratic path on inputs this
/// size would not finish within CI's limit.
#[test]
fn huge_and_adversarial_articles_finish() {
    let dir = scratch("huge");
    let mb = 1 << 20;
    let mut article = String::with_capacity(50 * mb);
    let mut n = 0;
    while article.len() < 50 * mb {
        if n % 100 == 0 {
            article.push_str("\"We will not go back,\" Mr Vale said.\n\n");
        }
        article.push_str("The council met on Monday and talked about the budget for the coming year.\n\n");
        n += 1;
    }
    let quotes = "\" ".repeat(100_000);
    let word = "x".repeat(1_000_000);
    let sentence = "and then the ministers talked ".repeat(10 * mb / 30);
    let abbrevs = "Mr. Dr. St. Gen. U.S. a.m. Inc. ".repeat(100_000);
    let marks = "\"'“”‘’«»‹›„‚ \u{a0}\u{2009}\u{3000}\u{200b}".repeat(20_000);
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("50 MB article",                 &article),
        ("100,000 unmatched marks",       &quotes),
        ("a million-character word",      &word),
        ("10 MB sentence, no terminator", &sentence),
        ("repeated abbreviations",        &abbrevs),
        ("every quotation mark and space", &marks),
    ];
    let path = dir.join("in.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for (name, text) in cases {
        serde_json::to_writer(&mut file, &serde_json::json!({"id": name, "text": text})).unwrap();
        file.write_all(b"\n").unwrap();
    }
    file.flush().unwrap();
    drop(file);
    let out = run_batch(&path, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), cases.len());
    for (rec, (name, _)) in recs.iter().zip(cases) {
        assert_eq!(rec["id"], *name);
        assert!(rec.get("error").is_none(), "{name}: {}", rec["error"]);
    }
    assert!(recs[0]["quotes"].as_array().unwrap().len() > 6_000, "the 50 MB article is analysed whole");
}

#[test]
fn a_100_mb_line_is_one_record() {
    let dir = scratch("line");
    let path = dir.join("in.jsonl");
    let text = "The river rose again overnight. ".repeat((100 << 20) / 32);
    let line = serde_json::json!({"id": "big", "text": text}).to_string();
    std::fs::write(&path, format!("{line}\n{{\"id\":\"after\",\"text\":\"Done.\"}}\n")).unwrap();
    let recs = records(&run_batch(&path, &[]));
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "big");
    assert!(recs[0].get("error").is_none());
    assert_eq!(recs[1]["id"], "after");
}
