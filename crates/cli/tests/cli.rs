//! The command line as a user meets it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ARTICLE: &str = "\
Flood waters rose across the Danube valley on Tuesday as Hungary declared an emergency.

Mayor Ilona Varga said the city would open three shelters. \"We have never seen the river this high,\" she said.

Residents wait for boats in the old town (
Image:
Peter Kovacs/Reuters)

READ MORE: Ten things to know before you travel this winter

\"The dikes will hold,\" said the interior minister, Gabor Nemeth.
";

fn copydesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("copydesk-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn lines(out: &str) -> Vec<Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn article_file(dir: &Path) -> PathBuf {
    let path = dir.join("flood.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    path
}

#[test]
fn analyze_json_is_the_record_with_byte_spans_into_the_input() {
    let dir = scratch("analyze");
    let out = ok(copydesk().arg("analyze").arg("--json").arg(article_file(&dir)).output().unwrap());
    let rec: Value = serde_json::from_str(&out).unwrap();
    let quotes = rec["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 2, "{rec}");
    for q in quotes {
        let (s, e) = (q["span"][0].as_u64().unwrap() as usize, q["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&ARTICLE[s..e], q["text"].as_str().unwrap());
    }
    let removed = rec["removed"].as_array().unwrap();
    assert!(removed.iter().any(|r| r["kind"] == "caption" && r["credit"] == "Peter Kovacs/Reuters"), "{rec}");
    assert!(removed.iter().any(|r| r["kind"] == "promo"), "{rec}");
    let entities = rec["entities"].to_string();
    assert!(entities.contains("Hungary"), "{entities}");
}

#[test]
fn analyze_report_is_for_a_person() {
    let dir = scratch("report");
    let out = ok(copydesk().arg("analyze").arg(article_file(&dir)).output().unwrap());
    for needle in ["Removed", "Quotes", "We have never seen the river this high", "Ilona Varga"] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
}

#[test]
fn char_offsets_count_code_points() {
    let dir = scratch("chars");
    let path = dir.join("accents.txt");
    let text = "Zúñiga spoke in Potosí. \"Ya basta,\" Mr Zúñiga said.\n";
    std::fs::write(&path, text).unwrap();
    let out = ok(copydesk().args(["quotes", "--json", "--offsets", "char"]).arg(&path).output().unwrap());
    let rec: Value = serde_json::from_str(&out).unwrap();
    let q = &rec["quotes"][0];
    let (s, e) = (q["span"][0].as_u64().unwrap() as usize, q["span"][1].as_u64().unwrap() as usize);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[s..e].iter().collect::<String>(), "Ya basta,");
}

#[test]
fn stage_commands_print_their_stage() {
    let dir = scratch("stages");
    let path = article_file(&dir);
    let strip = ok(copydesk().arg("strip").arg(&path).output().unwrap());
    assert!(!strip.contains("READ MORE") && !strip.contains("Image:") && strip.contains("The dikes will hold"));
    let sentences = ok(copydesk().args(["sentences", "--json"]).arg(&path).output().unwrap());
    let rec: Value = serde_json::from_str(&sentences).unwrap();
    let first = &rec["sentences"][0];
    assert_eq!(
        first["text"],
        "Flood waters rose across the Danube valley on Tuesday as Hungary declared an emergency."
    );
    assert_eq!(first["span"][0], 0);
    let entities = ok(copydesk().arg("entities").arg(&path).output().unwrap());
    assert!(entities.contains("Hungary"), "{entities}");
    let quotes = ok(copydesk().args(["quotes", "--json"]).arg(&path).output().unwrap());
    assert!(quotes.contains("The dikes will hold"));
}

#[test]
fn batch_keeps_order_and_count_across_chunks_and_threads() {
    let dir = scratch("order");
    let path = dir.join("in.jsonl");
    let mut file = std::fs::File::create(&path).unwrap();
    let n = 3000;
    for i in 0..n {
        // Articles of very different sizes, so chunks finish out of order.
        let text = format!("\"Report {i},\" the clerk said. {}", "More words follow here. ".repeat(i % 97));
        writeln!(file, "{}", serde_json::json!({"id": format!("doc-{i}"), "text": text})).unwrap();
    }
    drop(file);
    for threads in ["1", "2"] {
        let out = ok(copydesk()
            .args(["batch", "--quiet", "--chunk-records", "37", "--threads", threads])
            .arg(&path)
            .output()
            .unwrap());
        let recs = lines(&out);
        assert_eq!(recs.len(), n, "threads {threads}");
        for (i, r) in recs.iter().enumerate() {
            assert_eq!(r["id"], format!("doc-{i}"), "threads {threads}");
        }
    }
}

#[test]
fn batch_reads_stdin_gzip_text_files_and_directories() {
    let dir = scratch("inputs");
    let sub = dir.join("corpus");
    std::fs::create_dir_all(sub.join("more")).unwrap();
    std::fs::write(sub.join("a.txt"), "\"First,\" she said.").unwrap();
    std::fs::write(sub.join("more/b.jsonl"), "{\"key\": \"b1\", \"body\": \"Second.\"}\n").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"{\"key\": \"c1\", \"body\": \"Third.\"}\n{\"key\": \"c2\", \"body\": \"Fourth.\"}\n").unwrap();
    std::fs::write(sub.join("c.jsonl.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(sub.join("notes.md"), "ignored").unwrap();

    let out = ok(copydesk()
        .args(["batch", "--quiet", "--text-field", "body", "--id-field", "key"])
        .arg(&sub)
        .output()
        .unwrap());
    let ids: Vec<String> = lines(&out).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    // Sorted by path: a.txt, c.jsonl.gz, more/b.jsonl.
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids[0].ends_with("a.txt"));
    assert_eq!(&ids[1..], ["c1", "c2", "b1"]);

    let mut child = copydesk().args(["batch", "--quiet"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": 7, \"text\": \"Seven.\"}\n{\"id\": 8, \"text\": \"Eight.\"}")
        .unwrap();
    let recs = lines(&ok(child.wait_with_output().unwrap()));
    assert_eq!(recs.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), [7, 8]);
}

#[test]
fn batch_writes_to_a_file_and_summarises_on_stderr() {
    let dir = scratch("outfile");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"id\": 1, \"text\": \"One.\"}\n{\"id\": 2, \"text\": \"Two.\"}\n").unwrap();
    let output = dir.join("out.jsonl");
    let out = copydesk().arg("batch").arg(&input).arg("-o").arg(&output).output().unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&output).unwrap().lines().count(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 records (0 errors)"), "{err}");
}

#[test]
fn user_gazetteer_adds_entities() {
    let dir = scratch("gazetteer");
    let gaz = dir.join("people.tsv");
    std::fs::write(&gaz, "name\tkind\tid\taliases\nIlona Varga\tperson\tP1\tVarga\n").unwrap();
    let out =
        ok(copydesk().args(["entities", "--json", "--gazetteer"]).arg(&gaz).arg(article_file(&dir)).output().unwrap());
    let rec: Value = serde_json::from_str(&out).unwrap();
    let varga = rec["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Ilona Varga").cloned();
    assert_eq!(varga.map(|e| e["source"].clone()), Some(Value::from("gazetteer")), "{rec}");

    std::fs::write(&gaz, "name\tkind\nBroken row\tnot-a-kind\n").unwrap();
    let out = copydesk().args(["entities", "--gazetteer"]).arg(&gaz).arg(article_file(&dir)).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("people.tsv"), "the error names the file");
}
