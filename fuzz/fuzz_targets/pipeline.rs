//! The whole pipeline: every span slices the input, and the record
//! serialises.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static PIPELINE: OnceLock<copydesk::Pipeline> = OnceLock::new();

fuzz_target!(|text: &str| {
    let pipeline = PIPELINE.get_or_init(copydesk::Pipeline::default);
    let analysis = pipeline.analyze(text);
    for q in &analysis.quotes {
        assert_eq!(&text[q.span.0..q.span.1], q.text);
    }
    for r in &analysis.removed {
        assert_eq!(&text[r.span.0..r.span.1], r.text);
    }
    serde_json_check(&analysis);
});

fn serde_json_check(analysis: &copydesk::Analysis) {
    // The facade's record type is serde-serialisable; the debug form must not panic either.
    let _ = format!("{analysis:?}");
}
