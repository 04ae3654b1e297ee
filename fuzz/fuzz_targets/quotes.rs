//! Quotes, speakers and cues are in bounds and on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let attribution = copydesk_quotes::Attributor::new().attribute(text, &[]);
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
