//! Span invariants: every span slices the input back to the item's text, lies
//! on char boundaries, is sorted and in bounds; checked on fixed news text, on
//! pathological inputs (which must finish, being linear) and by proptest.

use copydesk_tokenize::{ParagraphBreak, Tokenizer};
use proptest::prelude::*;

const STORY: &str = "PORT ELLEN, Scotland (AP) — The ferry “Islay Star” ran aground at 6:40 a.m. Tuesday.\n\
\n\
  \"Nobody panicked,\" said Capt. Morag J. Reid. \"We'd drilled for this… twice.\"  \n\
Repairs may cost £2.3m. See https://ferries.example/notice or mail ops@ferries.example.\n\
Passengers' bags — about 140 — were saved. Isn't that lucky?! @IslayNews #ferry\n";

/// Whitespace and the invisible format marks the tokenizer skips.
fn blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

/// Bytes of visible text.
fn ink(s: &str) -> usize {
    s.chars().filter(|&c| !blank(c)).map(char::len_utf8).sum()
}

/// Checks every invariant for one input and one tokenizer.
fn check_invariants(tok: &Tokenizer, text: &str) -> Result<(), String> {
    let paragraphs: Vec<_> = tok.paragraphs(text).collect();
    let mut last = 0;
    for p in &paragraphs {
        if text.get(p.span.clone()) != Some(p.text) {
            return Err(format!("paragraph span {:?} does not slice to its text", p.span));
        }
        if p.span.start < last || p.text.is_empty() || p.text.trim() != p.text {
            return Err(format!("paragraph {:?} unsorted, empty or untrimmed", p.span));
        }
        last = p.span.end;
    }
    let mut last = 0;
    for s in tok.sentences(text) {
        if text.get(s.span.clone()) != Some(s.text) {
            return Err(format!("sentence span {:?} does not slice to its text", s.span));
        }
        if s.span.start < last || s.text.is_empty() || s.text.trim() != s.text {
            return Err(format!("sentence {:?} unsorted, empty or untrimmed", s.span));
        }
        let Some(p) = paragraphs.get(s.paragraph) else {
            return Err(format!("sentence {:?} names missing paragraph {}", s.span, s.paragraph));
        };
        if s.span.start < p.span.start || s.span.end > p.span.end {
            return Err(format!("sentence {:?} crosses paragraph {:?}", s.span, p.span));
        }
        // Tokens of a sentence, shifted, are the text's tokens within it.
        for t in tok.tokens(s.text) {
            let span = t.span.start + s.span.start..t.span.end + s.span.start;
            if text.get(span.clone()) != Some(t.text) {
                return Err(format!("sentence token {:?} does not slice back", span));
            }
        }
        last = s.span.end;
    }
    // Sentences cover every non-space char of every paragraph.
    let covered: usize = tok.sentences(text).map(|s| ink(s.text)).sum();
    let expected: usize = paragraphs.iter().map(|p| ink(p.text)).sum();
    if covered != expected {
        return Err(format!("sentences cover {covered} non-space bytes, paragraphs hold {expected}"));
    }
    // Tokens: sorted, non-empty, and only whitespace between them.
    let mut last = 0;
    for t in tok.tokens(text) {
        if text.get(t.span.clone()) != Some(t.text) || t.text.is_empty() {
            return Err(format!("token span {:?} does not slice to its text", t.span));
        }
        if t.span.start < last {
            return Err(format!("token {:?} starts before the previous one ends", t.span));
        }
        let gap = &text[last..t.span.start];
        if ink(gap) > 0 {
            return Err(format!("non-space text {gap:?} left out before token {:?}", t.span));
        }
        last = t.span.end;
    }
    Ok(())
}

fn both_modes(text: &str) {
    for mode in [ParagraphBreak::Line, ParagraphBreak::BlankLine] {
        let tok = Tokenizer::builder().paragraph_break(mode).build();
        if let Err(e) = check_invariants(&tok, text) {
            panic!("{mode:?}: {e}\n  input (first 200 bytes): {:?}", text.get(..200).unwrap_or(text));
        }
    }
}

#[test]
fn story_spans_slice_back() {
    both_modes(STORY);
}

#[test]
fn story_sentences_and_paragraphs() {
    let tok = Tokenizer::new();
    let got: Vec<(usize, &str)> = tok.sentences(STORY).map(|s| (s.paragraph, s.text)).collect();
    assert_eq!(
        got,
        [
            (0, "PORT ELLEN, Scotland (AP) — The ferry “Islay Star” ran aground at 6:40 a.m. Tuesday."),
            (1, "\"Nobody panicked,\" said Capt. Morag J. Reid."),
            (1, "\"We'd drilled for this… twice.\""),
            (2, "Repairs may cost £2.3m."),
            (2, "See https://ferries.example/notice or mail ops@ferries.example."),
            (3, "Passengers' bags — about 140 — were saved."),
            (3, "Isn't that lucky?!"),
            (3, "@IslayNews #ferry"),
        ]
    );
    let blank = Tokenizer::builder().paragraph_break(ParagraphBreak::BlankLine).build();
    let paragraphs: Vec<&str> = blank.paragraphs(STORY).map(|p| p.text).collect();
    assert_eq!(paragraphs.len(), 2);
    assert!(paragraphs[1].starts_with("\"Nobody") && paragraphs[1].ends_with("#ferry"));
}

#[test]
fn pathological_inputs_finish() {
    let n = 100_000;
    let cases: Vec<String> = vec![
        "\"".repeat(n),
        "'".repeat(n),
        "a".repeat(n),
        "word ".repeat(n / 5),
        "a.".repeat(n / 2),
        ". ".repeat(n / 2),
        "...".repeat(n / 3),
        ". . . ".repeat(n / 6),
        "…".repeat(n / 3),
        "1. ".repeat(n / 3),
        "1. a 2. b ".repeat(n / 10),
        "• ".repeat(n / 4),
        "a@".repeat(n / 2),
        "a.b".repeat(n / 3),
        "x@y.".repeat(n / 4),
        "http://".repeat(n / 7),
        "Mr. ".repeat(n / 4),
        "U.S. ".repeat(n / 5),
        "?!".repeat(n / 2),
        "\"a.\" ".repeat(n / 5),
        "é".repeat(n / 2),
        "#".repeat(n),
        "-".repeat(n),
        "\n".repeat(n),
        " \n".repeat(n / 2),
        format!("{}zz", "a.".repeat(n / 2)),
        "?\"\tA".repeat(n / 4),
        "?\" Aa".repeat(n / 5),
        format!("\"Why?\" {}", "A".repeat(n)),
        "@a.b".repeat(n / 4),
        "1.a".repeat(n / 3),
    ];
    for text in &cases {
        both_modes(text);
    }
}

/// Strings built from the characters that matter to the rules.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "The", "Mr", "U", "S", "p", "m", "I", "co", "Inc", "1", "42", ".", ".", ".", "?", "!", ",", "'", "\"",
        "“", "”", "‘", "’", "…", "(", ")", "[", "]", "-", "—", "@", "#", ":", "/", "http://", "www.", "•", "é", "中",
        "\u{a0}", " ", " ", " ", " ", "\n", "\n\n", "\t", "\u{feff}", "$", "%", "_",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn invariants_hold_on_newsy_text(text in newsy()) {
        for mode in [ParagraphBreak::Line, ParagraphBreak::BlankLine] {
            let tok = Tokenizer::builder().paragraph_break(mode).build();
            prop_assert_eq!(check_invariants(&tok, &text), Ok(()));
        }
    }

    #[test]
    fn invariants_hold_on_any_text(text in any::<String>()) {
        prop_assert_eq!(check_invariants(&Tokenizer::new(), &text), Ok(()));
    }

    #[test]
    fn sentences_do_not_depend_on_what_follows_the_paragraph(a in newsy(), b in newsy()) {
        // Splitting a paragraph must not look past its end.
        let tok = Tokenizer::new();
        let first: Vec<_> = tok.sentences(&a).map(|s| s.span).collect();
        let joined = format!("{a}\n{b}");
        let n = tok.paragraphs(&a).count();
        let prefix: Vec<_> = tok.sentences(&joined).filter(|s| s.paragraph < n).map(|s| s.span).collect();
        prop_assert_eq!(first, prefix);
    }
}
