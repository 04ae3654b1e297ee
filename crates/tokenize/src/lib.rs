//! Paragraphs, sentences and word tokens of news text, with byte spans.
//!
//! Every later copydesk stage stands on this crate: a sentence split wrongly
//! after "Mr." or before `," he said.` hands a quotation to the wrong speaker.
//!
//! # Overview
//!
//! A [`Tokenizer`] is built once (it parses its embedded word lists) and then
//! shared; it is `Clone + Send + Sync`. It offers three iterators, each
//! borrowing the input and yielding spans that are half-open **byte** ranges
//! into it, always on character boundaries, so `&text[span]` gives the text
//! back:
//!
//! * [`Tokenizer::paragraphs`]: whitespace-trimmed paragraphs. By default every
//!   non-blank line is one ([`ParagraphBreak::Line`]); scraped news text keeps
//!   one paragraph per line.
//! * [`Tokenizer::sentences`]: whitespace-trimmed sentences; a sentence never
//!   crosses a paragraph and carries the index of its paragraph, because a
//!   multi-paragraph quotation is something the quote attributor must see.
//! * [`Tokenizer::tokens`]: words, numbers, punctuation, quotation marks with
//!   their direction, dashes, ellipses, URLs, e-mail addresses, handles and
//!   hashtags (see [`TokenKind`]).
//!
//! ```
//! use copydesk_tokenize::{Tokenizer, TokenKind};
//!
//! let tok = Tokenizer::new();
//! let text = "\"Go home,\" Sen. Jo Ann Baker said at 5 p.m. Tuesday. \"Now.\" He left.";
//! let sentences: Vec<&str> = tok.sentences(text).map(|s| s.text).collect();
//! assert_eq!(
//!     sentences,
//!     ["\"Go home,\" Sen. Jo Ann Baker said at 5 p.m. Tuesday.", "\"Now.\"", "He left."]
//! );
//!
//! let kinds: Vec<TokenKind> = tok.tokens("\"Don't\"").map(|t| t.kind).collect();
//! assert_eq!(kinds, [TokenKind::OpenQuote, TokenKind::Word, TokenKind::CloseQuote]);
//! ```
//!
//! # Design
//!
//! * **Rules, not a model.** News text is regular enough that a handful of
//!   rules over a few word lists gets sentence boundaries right where
//!   statistical segmenters stumble (abbreviations before names, quotation
//!   marks after terminators). The rules are in `sentence.rs`; the facts they
//!   consult (abbreviations, titles, words that open sentences) are data files
//!   in `data/`, each naming its source and licence, embedded with
//!   `include_str!`.
//! * **A period after an abbreviation is decided by the next word.** Titles
//!   ("Mr.", "Gen.") never end a sentence; abbreviations that often do
//!   ("Inc.", "U.S.", "Jr.", an initial) end one only before a word that
//!   commonly opens sentences ("It", "The", "How"); "p." and "No." do not end one
//!   before a digit; "a.m."/"p.m." end one before a capitalised word unless it
//!   continues the time ("Tuesday", "GMT") or the sentence so far is only an
//!   introductory phrase ("At 5 a.m.").
//! * **Quotation marks follow their terminator.** `"Go home." She left.`
//!   splits after the closing mark; `"Why?" she asked.` does not, since a
//!   lowercase word never opens a sentence; and `"Why?" Ms. Ortiz asked.` does
//!   not either, since names followed by a verb of saying attribute the quote.
//! * **Ellipses are omissions.** `...`, `…` and `. . .` end a sentence only
//!   before a capitalised word other than "I"; four dots are a period plus an
//!   ellipsis and end it before any capital.
//! * **Linear time.** Each iterator walks its input once. The sentence scanner
//!   stops only at bytes that can matter and looks a bounded distance around
//!   each stop, so a 10 MB paragraph without a period or 100,000 unmatched
//!   quotation marks cost the same per byte as ordinary text. Nothing is
//!   allocated per token or sentence.
//! * **No panics.** Every index into the input is checked or derived from a
//!   character boundary.
//!
//! # Limits
//!
//! * A quotation holding several sentences is split like any other text
//!   (`"We tried. We failed," she said.` gives two sentences); the paragraph
//!   index and the quotation-mark tokens let a caller put it back together.
//! * After an abbreviation that may end a sentence, only a listed opener
//!   starts a new one: "in the U.S. Lawmakers said" stays one sentence.
//! * Nothing splits before a lowercase word, so a sentence that starts in
//!   lowercase ("iPhone" aside) joins the one before it.
//! * With [`ParagraphBreak::BlankLine`], a line break inside a paragraph is
//!   plain whitespace: a headline without a final period joins the line after.
//! * [`Tokenizer::tokens`] tracks an open single quotation mark per line to
//!   tell a closing `’` from a plural possessive (`the bosses’ fault`); text
//!   that never closes its single quotes can make a later possessive a
//!   [`TokenKind::CloseQuote`] on that line.

mod lexicon;
mod paragraph;
mod sentence;
mod token;

use std::sync::Arc;

pub use paragraph::{Paragraph, ParagraphBreak, Paragraphs};
pub use sentence::{Sentence, Sentences};
pub use token::{Token, TokenKind, Tokens};

use lexicon::Lexicon;

/// Splits text into paragraphs, sentences and tokens.
///
/// Build once with [`Tokenizer::new`] or [`Tokenizer::builder`] and share; cloning
/// is cheap (the word lists are behind an `Arc`).
#[derive(Clone, Debug)]
pub struct Tokenizer {
    lexicon: Arc<Lexicon>,
    paragraph_break: ParagraphBreak,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

impl Tokenizer {
    /// A tokenizer with the embedded word lists and one paragraph per line.
    pub fn new() -> Tokenizer {
        TokenizerBuilder::new().build()
    }

    /// A builder to add abbreviations or change the paragraph rule.
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::new()
    }

    /// The paragraph rule in use.
    pub fn paragraph_break(&self) -> ParagraphBreak {
        self.paragraph_break
    }

    /// The paragraphs of `text`, trimmed, empty ones skipped.
    pub fn paragraphs<'t>(&self, text: &'t str) -> Paragraphs<'t> {
        Paragraphs::new(text, self.paragraph_break)
    }

    /// The sentences of `text`, trimmed, each within one paragraph.
    pub fn sentences<'t>(&self, text: &'t str) -> Sentences<'t> {
        Sentences::new(text, Arc::clone(&self.lexicon), self.paragraphs(text))
    }

    /// The tokens of `text`; spans are relative to `text`. To tokenize one
    /// sentence, pass `sentence.text` and add `sentence.span.start` to the spans.
    pub fn tokens<'t>(&self, text: &'t str) -> Tokens<'t> {
        Tokens::new(text)
    }
}

/// Builds a [`Tokenizer`].
#[derive(Clone, Debug)]
pub struct TokenizerBuilder {
    lexicon: Lexicon,
    paragraph_break: ParagraphBreak,
}

impl Default for TokenizerBuilder {
    fn default() -> Self {
        TokenizerBuilder::new()
    }
}

impl TokenizerBuilder {
    /// A builder starting from the embedded word lists.
    pub fn new() -> TokenizerBuilder {
        TokenizerBuilder { lexicon: Lexicon::embedded(), paragraph_break: ParagraphBreak::default() }
    }

    /// Adds an abbreviation (with or without its final period, e.g. `"Capt"` or
    /// `"approx."`). A period after it ends a sentence only before a word that
    /// commonly opens one ("The", "It"). Given in lowercase it matches any case;
    /// with capitals it matches only that spelling.
    pub fn abbreviation(&mut self, word: &str) -> &mut TokenizerBuilder {
        self.lexicon.add_ambiguous(word);
        self
    }

    /// Adds a title or name prefix (e.g. `"Insp"`) after which a period never
    /// ends a sentence. Matched in any case.
    pub fn title(&mut self, word: &str) -> &mut TokenizerBuilder {
        self.lexicon.add_title(word);
        self
    }

    /// Sets how paragraphs are recognised. By default, every non-blank line is
    /// a paragraph ([`ParagraphBreak::Line`]).
    pub fn paragraph_break(&mut self, rule: ParagraphBreak) -> &mut TokenizerBuilder {
        self.paragraph_break = rule;
        self
    }

    /// Builds the tokenizer.
    pub fn build(&self) -> Tokenizer {
        Tokenizer { lexicon: Arc::new(self.lexicon.clone()), paragraph_break: self.paragraph_break }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn tokenizer_is_shareable() {
        assert_send_sync::<Tokenizer>();
    }
}
