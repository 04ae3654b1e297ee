//! Invariants on arbitrary input: no panic, spans in bounds, on character
//! boundaries, sorted.

use copydesk_quotes::{find_quotations, Attributor};
use proptest::prelude::*;

fn check(text: &str) {
    let found = Attributor::new().attribute(text, &[]);
    let mut last = 0;
    for q in &found.quotes {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(q.span.start >= last, "sorted");
        last = q.span.start;
        if let Some(s) = &q.speaker {
            assert!(
                s.mention.end <= text.len()
                    && text.is_char_boundary(s.mention.start)
                    && text.is_char_boundary(s.mention.end)
            );
            assert!(s.person < found.people.len());
        }
        if let Some(c) = &q.cue {
            assert!(c.end <= text.len() && text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
    }
    for q in find_quotations(text) {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(text.is_char_boundary(q.content.start) && text.is_char_boundary(q.content.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn newsy_text(parts in proptest::collection::vec(prop_oneof![
        Just("\u{201c}"), Just("\u{201d}"), Just("\""), Just("'"), Just("\u{2019}"), Just("\u{2018}"),
        Just(" said "), Just(" Mr. "), Just("Smith"), Just(" he "), Just(", "), Just(". "), Just(":"),
        Just("\n"), Just("according to "), Just(" the "), Just("é"), Just("''"), Just("\u{ab}"), Just("\u{bb}"),
        Just("(R-Ohio)"), Just(" who "), Just("Ana Ortiz"), Just(" told reporters "),
        Just(" that"), Just(" in a statement "), Just(" which "), Just(" adding "), Just(" when "),
    ], 0..60)) {
        check(&parts.concat());
    }
}

#[test]
fn pathological_inputs_finish() {
    check(&"\u{201c}".repeat(100_000));
    check(&"\"a ".repeat(50_000));
    check(&"word ".repeat(200_000));
    check(&format!("\u{201c}{}", "x".repeat(1_000_000)));
    check(&" said he said".repeat(20_000));
}

/// One-letter words at the very start of the text, before the words the
/// attributor reads back from ("x filed": the word before a past tense).
#[test]
fn one_letter_words_at_the_start() {
    for text in [
        "x filed the \u{201c}claim\u{201d} today.",
        "x announced \u{201c}no\u{201d}.",
        "x y filed the \u{201c}claim\u{201d}.",
        "q said \u{201c}yes\u{201d}, x filed \u{201c}no\u{201d}.",
    ] {
        check(text);
    }
}

/// Texts that stop where a rule reads on past the cue: after "that", inside a
/// set-off clause or an apposition.
#[test]
fn texts_cut_off_after_the_cue() {
    for text in [
        "The mayor said in a statement that",
        "The mayor said in a statement that when",
        "The mayor said when",
        "The mayor said in",
        "Ana Ortiz (D-Ore.), who",
        "Ana Ortiz, who leads the board, said",
        "According to the board, which",
        "According to the board, which released the figures,",
        "\u{201c}Yes,\u{201d} said Ana Ortiz, the",
        "The engineer said the bridge was safe, adding",
    ] {
        check(text);
    }
}
