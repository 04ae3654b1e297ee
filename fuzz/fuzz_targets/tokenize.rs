//! Sentences, paragraphs and tokens: in bounds, on char boundaries, in order.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static TOKENIZER: OnceLock<copydesk_tokenize::Tokenizer> = OnceLock::new();

fuzz_target!(|text: &str| {
    let tokenizer = TOKENIZER.get_or_init(copydesk_tokenize::Tokenizer::new);
    let mut last = 0;
    for s in tokenizer.sentences(text) {
        assert!(s.span.start >= last && s.span.end <= text.len());
        assert_eq!(&text[s.span.clone()], s.text);
        last = s.span.end;
    }
    for p in tokenizer.paragraphs(text) {
        assert_eq!(&text[p.span.clone()], p.text);
    }
    let mut last = 0;
    for t in tokenizer.tokens(text) {
        assert!(t.span.start >= last && !t.text.is_empty());
        assert_eq!(&text[t.span.clone()], t.text);
        last = t.span.end;
    }
});
