//! Invariants on arbitrary input: spans in bounds, on char boundaries,
//! sorted, covering the text; masked text keeps length and newlines; clean
//! text maps back to the original; no panics.

use copydesk_captions::{Stripped, Stripper};
use proptest::prelude::*;

fn check(text: &str, out: &Stripped) {
    // kept + removed cover the text exactly, sorted, non-overlapping.
    let mut spans: Vec<(usize, usize, bool)> = out
        .kept
        .iter()
        .map(|r| (r.start, r.end, true))
        .chain(out.removed.iter().map(|r| (r.span.start, r.span.end, false)))
        .collect();
    spans.sort();
    let mut pos = 0;
    for &(s, e, _) in &spans {
        assert_eq!(s, pos, "gap or overlap at {s}");
        assert!(e > s, "empty span at {s}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        pos = e;
    }
    assert_eq!(pos, text.len());
    for w in out.removed.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for w in out.kept.windows(2) {
        assert!(w[0].end < w[1].start);
    }
    // Caption and credit parts lie inside their block.
    for r in &out.removed {
        for part in [&r.caption, &r.credit].into_iter().flatten() {
            assert!(r.span.start <= part.start && part.end <= r.span.end);
            assert!(text.is_char_boundary(part.start) && text.is_char_boundary(part.end));
        }
        let t = r.trimmed(text);
        assert!(r.span.start <= t.start && t.end <= r.span.end);
    }
    // Masked text: same length, newlines where they were, kept bytes equal.
    let masked = out.masked(text);
    assert_eq!(masked.len(), text.len());
    for (i, (a, b)) in text.bytes().zip(masked.bytes()).enumerate() {
        assert_eq!(a == b'\n', b == b'\n', "newline moved at {i}");
    }
    for r in &out.kept {
        assert_eq!(&masked[r.clone()], &text[r.clone()]);
    }
    // Clean text maps back byte by byte.
    let clean = out.clean_text(text);
    for (i, b) in clean.bytes().enumerate() {
        assert_eq!(text.as_bytes()[out.to_original(i)], b);
    }
}

/// Lines that exercise every rule, to be shuffled into texts.
const PIECES: &[&str] = &[
    "The council voted on Tuesday to close the bridge.",
    "\"It is not safe,\" said the engineer.",
    "Engineers inspect the east span (",
    "Image:",
    "Jo Lark/PA Wire)",
    "Getty Images",
    "AP",
    "Photo: Jane Doe, AP",
    "READ MORE: Ten bridges",
    "Home",
    "News",
    "1",
    "of",
    "5",
    "Image copyright",
    "Image caption",
    "You may also like",
    "By Jane Doe",
    "Published 10:02 AM GMT March 3, 2021",
    "Jane Doe is a freelance writer.",
    "Credit: EPA",
    "(Image: GETTY )",
    "  ",
    "",
    "\u{a0}Caption\u{a0}",
    "é(",
    ")é",
    "Mañana — 12:30",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text(text in "(\\PC|\n|\r|\\(|\\)|:|/){0,300}") {
        let out = Stripper::new().strip(&text);
        check(&text, &out);
    }

    #[test]
    fn shuffled_residue(idx in prop::collection::vec(0..PIECES.len(), 0..40), sep in prop::sample::select(vec!["\n", "\n\n", "\r\n", "\n \n"])) {
        let text: String = idx.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(sep);
        let out = Stripper::new().strip(&text);
        check(&text, &out);
    }
}

/// Pathological inputs finish (linear work) and keep the invariants.
#[test]
fn pathological_inputs() {
    let s = Stripper::new();
    let cases = [
        "(".repeat(100_000),
        ")".repeat(100_000),
        "\n".repeat(100_000),
        "1\n".repeat(100_000),
        "Home\n".repeat(50_000),
        "You may also like\n".repeat(20_000),
        "a".repeat(2_000_000),
        "Credit: ".repeat(50_000),
        "é".repeat(300_000),
        format!("{}\n", "word ".repeat(400_000)),
    ];
    for text in &cases {
        let out = s.strip(text);
        check(text, &out);
    }
}
