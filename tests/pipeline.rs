//! The whole pipeline on the sample articles written for the project, and the
//! invariants every analysis keeps.
//!
//! Each sample article in `sample/articles/` has an answer key
//! (`*.expected.json`) written by hand: the blocks to remove, the body lines
//! that must stay, the quotes with their speakers, the places. The golden test
//! scores the pipeline against the keys with the same matching rules as the
//! project's evaluation (overlap of at least half a span) and holds it to
//! floors; a change that loses a caption or a speaker fails here.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use copydesk::{Analysis, Pipeline};
use proptest::prelude::*;
use serde_json::Value;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::default)
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn samples() -> Vec<(String, String, Value)> {
    let dir = repo().join("sample/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("sample/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 8, "the sample corpus has its articles");
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let key = std::fs::read_to_string(p.with_extension("expected.json")).unwrap();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), text, serde_json::from_str(&key).unwrap())
        })
        .collect()
}

/// Byte ranges of every occurrence of `needle` in `text`.
fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle).map(|(i, m)| (i, i + m.len())).collect()
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn inside_removed(analysis: &Analysis, span: (usize, usize)) -> usize {
    analysis.removed.iter().map(|r| overlap(r.span, span)).sum()
}

fn fold(name: &str) -> String {
    name.to_lowercase()
}

#[derive(Default, Debug)]
struct Score {
    blocks: (usize, usize),
    kept_lost: Vec<String>,
    quotes: (usize, usize),
    speakers: (usize, usize),
    places: (usize, usize),
}

fn score(name: &str, text: &str, key: &Value, analysis: &Analysis, s: &mut Score) {
    for block in key["removed"].as_array().unwrap() {
        let t = block["text"].as_str().unwrap();
        s.blocks.1 += 1;
        if find_all(text, t).iter().any(|&sp| inside_removed(analysis, sp) * 10 >= (sp.1 - sp.0) * 9) {
            s.blocks.0 += 1;
        } else {
            eprintln!("{name}: block not removed: {t:?}");
        }
    }
    for line in key["kept"].as_array().into_iter().flatten() {
        let t = line.as_str().unwrap();
        if find_all(text, t).iter().any(|&sp| inside_removed(analysis, sp) > 0) {
            s.kept_lost.push(format!("{name}: {t}"));
        }
    }
    for q in key["quotes"].as_array().unwrap() {
        if q["kind"] == "indirect" || q["nested"] == true {
            continue;
        }
        let t = q["text"].as_str().unwrap();
        s.quotes.1 += 1;
        let found = find_all(text, t).into_iter().find_map(|sp| {
            analysis
                .quotes
                .iter()
                .find(|p| p.kind != "indirect" && overlap(p.span, sp) * 2 >= (sp.1 - sp.0).min(p.span.1 - p.span.0))
        });
        let Some(found) = found else {
            eprintln!("{name}: quote not found: {t:?}");
            continue;
        };
        s.quotes.0 += 1;
        if let Some(want) = q["speaker"].as_str() {
            s.speakers.1 += 1;
            let got = found.speaker.as_ref().map(|sp| fold(&sp.name));
            if got.as_deref() == Some(fold(want).as_str()) {
                s.speakers.0 += 1;
            } else {
                eprintln!("{name}: speaker of {t:?}: want {want:?}, got {got:?}");
            }
        }
    }
    for place in key["places"].as_array().into_iter().flatten() {
        let p = place.as_str().unwrap();
        s.places.1 += 1;
        if analysis.entities.iter().any(|e| e.kind == "place" && e.mentions.iter().any(|&m| &text[m.0..m.1] == p)) {
            s.places.0 += 1;
        }
    }
}

#[test]
fn sample_articles_meet_their_answer_keys() {
    let mut s = Score::default();
    for (name, text, key) in samples() {
        let analysis = pipeline().analyze(&text);
        score(&name, &text, &key, &analysis, &mut s);
    }
    eprintln!("{s:?}");
    assert!(s.kept_lost.is_empty(), "story lines stripped: {:#?}", s.kept_lost);
    let ratio = |(a, b): (usize, usize)| a as f64 / b.max(1) as f64;
    assert!(ratio(s.blocks) >= 0.9, "removed blocks {:?}", s.blocks);
    assert!(ratio(s.quotes) >= 0.9, "quotes {:?}", s.quotes);
    assert!(ratio(s.speakers) >= 0.8, "speakers {:?}", s.speakers);
    assert!(ratio(s.places) >= 0.7, "places {:?}", s.places);
}

fn check_spans(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let ok =
        |s: (usize, usize)| s.0 <= s.1 && s.1 <= text.len() && text.is_char_boundary(s.0) && text.is_char_boundary(s.1);
    for r in &a.removed {
        prop_assert!(ok(r.span));
        prop_assert_eq!(&text[r.span.0..r.span.1], r.text.as_str());
    }
    let mut last = 0;
    for r in &a.removed {
        prop_assert!(r.span.0 >= last, "removed blocks sorted, not overlapping");
        last = r.span.1;
    }
    for e in &a.entities {
        for &m in &e.mentions {
            prop_assert!(ok(m));
        }
    }
    for q in &a.quotes {
        prop_assert!(ok(q.span));
        prop_assert_eq!(&text[q.span.0..q.span.1], q.text.as_str());
        if let Some(sp) = &q.speaker {
            prop_assert!(ok(sp.span));
            prop_assert_eq!(&text[sp.span.0..sp.span.1], sp.mention.as_str());
        }
        if let Some(c) = &q.cue {
            prop_assert!(ok(c.span));
        }
    }
    Ok(())
}

/// Text made of news fragments, quotation marks, residue cues and noise, so
/// the generator reaches the stages' interesting paths.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just(" said ".to_string()),
        Just(" Mr. ".to_string()),
        Just(" he said. ".to_string()),
        Just("Maria Lopez".to_string()),
        Just("Bolivia".to_string()),
        Just(" (\nImage:\nGetty Images)\n".to_string()),
        Just("\nREAD MORE: x\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        "[a-zA-Z ]{1,12}",
        "\\PC{1,4}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_span_slices_the_input(text in newsy()) {
        let a = pipeline().analyze(&text);
        check_spans(&text, &a)?;
        let mut chars = a.clone();
        chars.to_char_offsets(&text);
        prop_assert_eq!(chars.quotes.len(), a.quotes.len());
    }

    #[test]
    fn batch_equals_one_by_one(texts in proptest::collection::vec(newsy(), 0..8)) {
        let batch = pipeline().analyze_batch(&texts);
        let single: Vec<Analysis> = texts.iter().map(|t| pipeline().analyze(t)).collect();
        prop_assert_eq!(batch, single);
    }
}

#[test]
fn parallel_equals_sequential_on_the_samples() {
    let texts: Vec<String> = samples().into_iter().map(|(_, t, _)| t).collect();
    let mut many = Vec::new();
    for i in 0..16 {
        many.push(texts[i % texts.len()].clone());
    }
    let parallel = pipeline().analyze_batch(&many);
    let sequential: Vec<Analysis> = many.iter().map(|t| pipeline().analyze(t)).collect();
    assert_eq!(parallel, sequential);
}

/// Inputs that once broke a stage (found by `cargo xtask fuzz`, or by hand)
/// replay here on every test run.
#[test]
fn fuzz_regressions_replay() {
    let root = repo().join("fuzz/regressions");
    let mut n = 0;
    for target in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for case in std::fs::read_dir(target.path()).into_iter().flatten().flatten() {
            let bytes = std::fs::read(case.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let a = pipeline().analyze(&text);
            check_spans(&text, &a).unwrap_or_else(|e| panic!("{}: {e}", case.path().display()));
            n += 1;
        }
    }
    assert!(n > 0, "the regression corpus is in the repository");
}

#[test]
fn empty_and_whitespace_articles() {
    for text in ["", " ", "\n\n\n", "\u{feff}", "\r\n"] {
        let a = pipeline().analyze(text);
        assert!(a.quotes.is_empty() && a.entities.is_empty(), "{text:?}");
    }
}
