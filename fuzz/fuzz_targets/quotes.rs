//! Quotes, speakers and cues are in bounds and on char boundaries.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static ATTRIBUTOR: OnceLock<copydesk_quotes::Attributor> = OnceLock::new();

fuzz_target!(|text: &str| {
    let attribution = ATTRIBUTOR.get_or_init(copydesk_quotes::Attributor::new).attribute(text, &[]);
    for q in &attribution.quotes {
        let _ = &text[q.span.clone()];
        if let Some(s) = &q.speaker {
            let _ = &text[s.mention.clone()];
            assert!(s.person < attribution.people.len());
        }
        if let Some(c) = &q.cue {
            let _ = &text[c.clone()];
        }
    }
});
