//! Prints the sentences of a file, one per line with paragraph index and span;
//! with `--tokens`, also every token with its kind.
//!
//! ```text
//! cargo run -p copydesk-tokenize --example split -- article.txt [--tokens]
//! ```

use copydesk_tokenize::Tokenizer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: split FILE [--tokens]")?;
    let show_tokens = args.next().as_deref() == Some("--tokens");
    let text = std::fs::read_to_string(path)?;
    let tok = Tokenizer::new();
    for s in tok.sentences(&text) {
        println!("[{}] {:?} {}", s.paragraph, s.span, s.text);
        if show_tokens {
            for t in tok.tokens(s.text) {
                println!("    {:?} {:?}", t.kind, t.text);
            }
        }
    }
    Ok(())
}
