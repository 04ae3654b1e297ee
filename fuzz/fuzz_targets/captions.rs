//! Kept and removed spans cover the text exactly; masking keeps its length.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static STRIPPER: OnceLock<copydesk_captions::Stripper> = OnceLock::new();

fuzz_target!(|text: &str| {
    let stripped = STRIPPER.get_or_init(copydesk_captions::Stripper::new).strip(text);
    let mut spans: Vec<_> = stripped.kept.iter().cloned().chain(stripped.removed.iter().map(|r| r.span.clone())).collect();
    spans.sort_by_key(|s| s.start);
    let mut at = 0;
    for s in spans {
        assert_eq!(s.start, at);
        assert!(text.is_char_boundary(s.end));
        at = s.end;
    }
    assert_eq!(at, text.len());
    assert_eq!(stripped.masked(text).len(), text.len());
});
