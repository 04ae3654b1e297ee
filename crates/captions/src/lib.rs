//! Strip photo captions, credits, promo lines and page furniture from scraped
//! news text, and keep every word of the story.
//!
//! Text pasted or scraped from a news page keeps what stood around the story:
//! photo captions with their credits, "READ MORE:" links, newsletter sign-ups,
//! share buttons, section menus, gallery counters, bylines and timestamps.
//! Left in, they poison the later stages: a caption such as
//! `Finance Minister Ana Ruiz (Image: AP)` sits right before a quote and makes
//! a quote attributor hand the next speaker's words to the minister.
//!
//! [`Stripper::strip`] reads the text line by line and returns the removed
//! blocks ([`Removed`], each with its [`Kind`] and, for a caption, the caption
//! and credit separately) and the kept spans. All spans are byte ranges into
//! the text you passed, on `char` boundaries; kept and removed spans together
//! cover the text exactly. [`Stripped::masked`] blanks removed bytes to spaces
//! (keeping newlines) so that every later offset is still an offset into the
//! original; [`Stripped::clean_text`] joins the kept spans and
//! [`Stripped::to_original`] maps an offset in it back.
//!
//! # Example
//!
//! ```
//! use copydesk_captions::{Kind, Stripper};
//!
//! let text = "The council voted 7-2 to close the bridge.\n\n\
//!             READ MORE: Ten bridges that need repair this winter\n\n\
//!             Engineers inspect the east span (\nImage:\nJo Lark/PA Wire)\n\n\
//!             \"It is not safe,\" said engineer Tom Hale.\n";
//! let stripper = Stripper::new();
//! let out = stripper.strip(text);
//!
//! let kinds: Vec<Kind> = out.removed.iter().map(|r| r.kind).collect();
//! assert_eq!(kinds, [Kind::Promo, Kind::Caption]);
//! let cap = &out.removed[1];
//! assert_eq!(&text[cap.caption.clone().unwrap()], "Engineers inspect the east span");
//! assert_eq!(&text[cap.credit.clone().unwrap()], "Jo Lark/PA Wire");
//! assert_eq!(
//!     out.clean_text(text),
//!     "The council voted 7-2 to close the bridge.\n\n\"It is not safe,\" said engineer Tom Hale.\n"
//! );
//! // The masked text keeps every offset.
//! assert_eq!(out.masked(text).len(), text.len());
//! ```
//!
//! # What goes, and on which cue
//!
//! | kind | cue (whole line unless said) |
//! |---|---|
//! | `caption` | `caption (` + `Image:` + `credit)` over lines; `caption (Image: X)`, `caption (AP Photo/X)`, `captionCredit: X`, `caption. Photograph: X`; a short unquoted line above a credit line; `Image caption` + next line |
//! | `credit` | `Photo: Name, AP`, `Credit: EPA`, `Image copyright Getty Images`, `Name/Agency/Shutterstock`, `AFP via Getty Images`, `(Image: X)` |
//! | `promo` | `READ MORE:` / `Related:` / `See also:`, `Sign up to ...`, `Subscribe to ...`, `Follow us on ...`, `Advertisement`, `Story continues below`; a tail header (`You may also like`, `Trending`) and the short lines after it to the end |
//! | `navigation` | `Skip to content`, `Share`, `Image 1 of 5`; section words (`Home`, `News`), counters and lone links only in a run, next to residue or at the text's edges |
//! | `byline` | `By Name and Name`, `Name, Associated Press`, `Name, AP Sports Writer`, `(Reporting by ...)`, a closing `Name is a freelance writer ...` |
//! | `dateline` | only date and time words with a day and a year, time or label: `Published 11:34 PM EST Nov 19, 2019` |
//! | `headline` | the short line above a removed byline or date line, before the story starts |
//! | `boilerplate` | short `Copyright © ...` / `... All rights reserved.` lines |
//! | `markup` | a line that is an HTML tag or escaped tag from end to end |
//!
//! # Design
//!
//! * **Precision first.** A line of the story must never go; when in doubt,
//!   keep. Every rule needs a *shape* cue that body text does not have: a
//!   line that ends in `(` followed by `Image:` and a credit ending in `)`; a
//!   line that is only a credit (`Name/Agency/Shutterstock`, `Photo: Name,
//!   AP`); a line that begins with a promo label and a colon (`READ MORE:`);
//!   a line made only of date and time words. A body sentence that merely
//!   mentions "Getty", "photo" or "read more" has none of these shapes.
//! * **Whole lines.** Extractors put captions, credits and menus on lines of
//!   their own, so the unit of removal is the line (a removed block also
//!   takes the blank lines after it, so the clean text keeps one paragraph
//!   break). A line that mixes story and residue is kept whole.
//! * **Neighbours.** Some residue is only residue in company: a caption is a
//!   plain sentence until the credit line under it; `Home` or `Share` or `1`
//!   are navigation when they sit in a run of menu lines, next to other
//!   residue, or at the very start or end of the text, and kept otherwise. A
//!   caption above a credit is taken only when short and free of quotation
//!   marks.
//! * **Data, not code.** Agency and picture-desk names, promo phrases, menu
//!   words and date words live in `data/*.txt` (embedded with
//!   `include_str!`), each with its source and licence.
//! * **Speed.** Lines are found with `memchr`; each line is classified by
//!   looking at a bounded number of bytes at its start and end (the whole
//!   line only when it is short), with Aho-Corasick automata built once. The
//!   work is linear in the input and long story paragraphs cost almost
//!   nothing.
//!
//! A [`Stripper`] is immutable, `Send + Sync` and cheap to clone; build it
//! once and share it.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

mod data;
mod line;
mod strip;

use data::Data;

/// The class of a removed block.
///
/// The names from [`Kind::as_str`] are the lower-case names used in JSON.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A photo caption, usually with its credit
    /// (`Troops outside the palace (Image: Getty Images)`).
    Caption,
    /// A photo credit standing alone (`Photo: Jane Doe, AP`).
    Credit,
    /// A promo or sign-up line (`READ MORE: ...`, `Sign up to our
    /// newsletter`), or a block of other stories' headlines after
    /// `You may also like`.
    Promo,
    /// Page furniture: section menus, share buttons, gallery counters, lone
    /// links (`Home`, `Share`, `Image 1 of 5`, `Skip to content`).
    Navigation,
    /// A byline or author line (`By Jane Doe and Tom Roe`, `Jane Doe,
    /// Associated Press`, `(Reporting by ...)`).
    Byline,
    /// A publication date or time line (`Published 11:34 PM EST Nov 19,
    /// 2019`).
    Dateline,
    /// The page's headline left above a byline or date line.
    Headline,
    /// A short copyright or rights notice (`Copyright © 2019 The Daily`).
    Boilerplate,
    /// Editor markup that leaked into the text (`&lt;span ...&gt;`).
    Markup,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 9] = [
        Kind::Caption,
        Kind::Credit,
        Kind::Promo,
        Kind::Navigation,
        Kind::Byline,
        Kind::Dateline,
        Kind::Headline,
        Kind::Boilerplate,
        Kind::Markup,
    ];

    /// The lower-case name used in JSON output: `"caption"`, `"credit"`,
    /// `"promo"`, `"navigation"`, `"byline"`, `"dateline"`, `"headline"`,
    /// `"boilerplate"`, `"markup"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Caption => "caption",
            Kind::Credit => "credit",
            Kind::Promo => "promo",
            Kind::Navigation => "navigation",
            Kind::Byline => "byline",
            Kind::Dateline => "dateline",
            Kind::Headline => "headline",
            Kind::Boilerplate => "boilerplate",
            Kind::Markup => "markup",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error building a [`Stripper`].
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// An extra pattern was empty or only white space.
    EmptyPattern,
    /// An automaton or an embedded list could not be built.
    Build(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyPattern => f.write_str("extra promo pattern is empty"),
            Error::Build(msg) => write!(f, "cannot build caption stripper: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// One removed block of residue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// Byte range of the whole block in the original text. It starts at the
    /// start of the block's first line and runs to the start of the next kept
    /// line (so it takes the line breaks and blank lines after the block).
    pub span: Range<usize>,
    /// What the block is.
    pub kind: Kind,
    /// For a [`Kind::Caption`]: the caption text, trimmed, without its
    /// credit or the brackets and labels around it.
    pub caption: Option<Range<usize>>,
    /// For a [`Kind::Caption`] or [`Kind::Credit`]: the credit alone
    /// (`Luis Gandarillas/EPA-EFE/REX/Shutterstock`), trimmed.
    pub credit: Option<Range<usize>>,
}

impl Removed {
    /// The block's span without the white space around it (the line breaks
    /// and blank lines it takes), for display: `&text[r.trimmed(text)]` is
    /// the residue as it reads. `text` must be the text that was stripped.
    pub fn trimmed(&self, text: &str) -> Range<usize> {
        match text.get(self.span.clone()) {
            Some(s) => {
                let t = s.trim_start();
                let a = self.span.start + (s.len() - t.len());
                a..a + t.trim_end().len()
            }
            None => self.span.clone(),
        }
    }
}

/// The result of [`Stripper::strip`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stripped {
    /// Removed blocks, sorted, non-overlapping.
    pub removed: Vec<Removed>,
    /// Kept spans, sorted, non-overlapping, never empty. Together with the
    /// removed spans they cover the text exactly.
    pub kept: Vec<Range<usize>>,
    /// Byte length of the text that was stripped.
    len: usize,
}

impl Stripped {
    /// The kept spans of `text` joined: the story without its residue.
    ///
    /// `text` must be the text that was stripped.
    pub fn clean_text(&self, text: &str) -> String {
        let mut out = String::with_capacity(self.kept.iter().map(|r| r.len()).sum());
        for r in &self.kept {
            if let Some(s) = text.get(r.clone()) {
                out.push_str(s);
            }
        }
        out
    }

    /// Map a byte offset in [`clean_text`](Self::clean_text) back to the
    /// original text.
    ///
    /// An offset at the joint of two kept spans maps to the start of the
    /// later one; the end of the clean text maps to the end of the last kept
    /// span (or to the end of the text when nothing is kept). Offsets past
    /// the end are clamped.
    pub fn to_original(&self, clean_offset: usize) -> usize {
        let mut acc = 0;
        for r in &self.kept {
            let l = r.len();
            if clean_offset < acc + l {
                return r.start + (clean_offset - acc);
            }
            acc += l;
        }
        self.kept.last().map_or(self.len, |r| r.end)
    }

    /// `text` with every removed byte replaced by a space, except newlines,
    /// which are kept: the result has the same byte length, so every offset
    /// into it is an offset into the original, and paragraphs stay apart.
    ///
    /// `text` must be the text that was stripped.
    pub fn masked(&self, text: &str) -> String {
        // The kept text is copied as it is and only the removed bytes are
        // rewritten, so the result needs no second UTF-8 check; that holds
        // for removed blocks sorted and on char boundaries, as `strip` makes
        // them. Any others take the byte-wise path below.
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for r in &self.removed {
            let end = r.span.end.min(text.len());
            let start = r.span.start.min(end);
            let (Some(kept), true) = (text.get(at..start), text.is_char_boundary(end)) else {
                return self.masked_bytes(text);
            };
            out.push_str(kept);
            let mut from = start;
            for nl in memchr::memchr_iter(b'\n', &text.as_bytes()[start..end]) {
                push_spaces(&mut out, start + nl - from);
                out.push('\n');
                from = start + nl + 1;
            }
            push_spaces(&mut out, end - from);
            at = end;
        }
        match text.get(at..) {
            Some(rest) => out.push_str(rest),
            None => return self.masked_bytes(text),
        }
        out
    }

    /// [`masked`](Self::masked) byte by byte, for removed blocks in any order.
    fn masked_bytes(&self, text: &str) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for r in &self.removed {
            let end = r.span.end.min(bytes.len());
            for b in &mut bytes[r.span.start.min(end)..end] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        // Removed spans lie on char boundaries, so whole chars were replaced
        // by ASCII spaces and the bytes are still UTF-8.
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// Appends `n` spaces, a run at a time.
fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

/// Strips captions, credits, promos and page furniture from news text.
///
/// Built once, immutable, `Send + Sync`, cheap to clone.
#[derive(Clone, Debug)]
pub struct Stripper {
    data: Arc<Data>,
    enabled: [bool; Kind::ALL.len()],
}

impl Default for Stripper {
    fn default() -> Stripper {
        Stripper::new()
    }
}

impl Stripper {
    /// A stripper with every kind enabled and the embedded lists.
    pub fn new() -> Stripper {
        // The embedded lists are checked by the tests, so this cannot fail.
        StripperBuilder::new().build().expect("embedded caption data builds")
    }

    /// A builder to choose kinds and add promo patterns.
    pub fn builder() -> StripperBuilder {
        StripperBuilder::new()
    }

    /// Whether blocks of `kind` are removed.
    pub fn is_enabled(&self, kind: Kind) -> bool {
        self.enabled[kind.index()]
    }

    /// Find the residue in `text`.
    ///
    /// Linear in the length of the text; never panics.
    pub fn strip(&self, text: &str) -> Stripped {
        strip::strip(&self.data, &self.enabled, text)
    }
}

/// Builds a [`Stripper`].
#[derive(Clone, Debug)]
pub struct StripperBuilder {
    enabled: [bool; Kind::ALL.len()],
    extra_promo: Vec<String>,
}

impl Default for StripperBuilder {
    fn default() -> StripperBuilder {
        StripperBuilder::new()
    }
}

impl StripperBuilder {
    /// A builder with every kind enabled and no extra patterns.
    pub fn new() -> StripperBuilder {
        StripperBuilder { enabled: [true; Kind::ALL.len()], extra_promo: Vec::new() }
    }

    /// Turn removal of one kind on or off. By default every kind is on.
    ///
    /// A caption block goes with its credit: turning [`Kind::Caption`] off
    /// keeps caption lines and their credits; turning [`Kind::Credit`] off
    /// keeps credits that stand alone.
    pub fn enable(&mut self, kind: Kind, yes: bool) -> &mut StripperBuilder {
        self.enabled[kind.index()] = yes;
        self
    }

    /// Add a promo phrase: a line that starts with it (case-insensitively,
    /// at a word boundary) and is at most 250 bytes long is removed as
    /// [`Kind::Promo`]. E.g. `"Download the Daily Bugle app"`.
    ///
    /// By default there are none beyond the embedded list. An empty pattern
    /// makes [`build`](Self::build) fail with [`Error::EmptyPattern`].
    pub fn extra_promo_pattern(&mut self, pattern: &str) -> &mut StripperBuilder {
        self.extra_promo.push(pattern.to_string());
        self
    }

    /// Build the stripper.
    pub fn build(&self) -> Result<Stripper, Error> {
        Ok(Stripper { data: Arc::new(Data::build(&self.extra_promo)?), enabled: self.enabled })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Span = (usize, usize);

    #[test]
    fn masking_keeps_lengths_and_newlines() {
        let block = |span: Range<usize>| Removed { span, kind: Kind::Caption, caption: None, credit: None };
        #[rustfmt::skip]
        let cases: &[(&str, &[Span], &str)] = &[
            ("Story.",                          &[],              "Story."),
            ("AP Photo\n\nStory.",              &[(0, 10)],           "        \n\nStory."),
            ("Story.\nÉlan/AFP\n",               &[(7, 17)],         "Story.\n         \n"),
            ("a\nb\nc\nd",                      &[(0, 2), (4, 6)],    " \nb\n \nd"),
            ("Zúñiga said so.",                 &[(0, 8)],          "         said so."),
            // Out of order, overlapping, past the end, inside a char: byte by byte.
            ("a\nb\nc\nd",                      &[(4, 6), (0, 2)],    " \nb\n \nd"),
            ("abcdef",                          &[(1, 4), (2, 5)],    "a    f"),
            ("abc",                             &[(1, 99)],         "a  "),
            ("é!",                              &[(1, 3)],          "\u{fffd}  "),
            ("é!",                              &[(0, 1)],          " \u{fffd}!"),
            ("x\n\n\n",                          &[(0, 4)],          " \n\n\n"),
        ];
        for (text, spans, want) in cases {
            let stripped =
                Stripped { removed: spans.iter().map(|&(a, b)| block(a..b)).collect(), kept: vec![], len: text.len() };
            assert_eq!(stripped.masked(text), *want, "{text:?} {spans:?}");
            assert_eq!(stripped.masked_bytes(text), *want, "{text:?} {spans:?}");
        }
        // Removed lines of every length up to a few runs of spaces.
        for n in 0..200 {
            let text = format!("{}\n\nStory.", "x".repeat(n));
            let stripped = Stripped { removed: vec![block(0..n + 2)], kept: vec![], len: text.len() };
            assert_eq!(stripped.masked(&text), format!("{}\n\nStory.", " ".repeat(n)), "{n}");
        }
    }
}
