//! Mentions are in bounds, on char boundaries, sorted and non-overlapping.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static GAZETTEER: OnceLock<copydesk_gazetteer::Gazetteer> = OnceLock::new();

fuzz_target!(|text: &str| {
    let gazetteer = GAZETTEER.get_or_init(copydesk_gazetteer::Gazetteer::embedded);
    let mut last = 0;
    for m in gazetteer.find(text) {
        assert!(m.span.start >= last && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        last = m.span.end;
    }
});
