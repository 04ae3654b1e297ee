//! Word lists the sentence splitter consults, parsed once from embedded data.

use std::collections::HashSet;

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const NUMBER_PREFIXES: &str = include_str!("../data/number_prefixes.txt");
const TIME: &str = include_str!("../data/time.txt");
const STARTERS: &str = include_str!("../data/starters.txt");
const CONTINUATIONS: &str = include_str!("../data/continuations.txt");
const INTRO: &str = include_str!("../data/intro.txt");

/// How a word followed by a period bears on a sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Not a known abbreviation.
    None,
    /// A title or prefix ("Mr", "Gen", "v"): never ends a sentence.
    Title,
    /// An abbreviation that may end a sentence, but only before a clear opener.
    Ambiguous,
    /// Stands before a number ("No", "p").
    NumberPrefix,
    /// Time of day ("a.m", "p.m").
    Time,
}

/// Case-folded lookup sets.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    /// Lowercase entries, matched case-insensitively.
    ambiguous_any: HashSet<Box<str>>,
    /// Entries with capitals, matched exactly.
    ambiguous_exact: HashSet<Box<str>>,
    titles: HashSet<Box<str>>,
    number_prefixes: HashSet<Box<str>>,
    time: HashSet<Box<str>>,
    starters: HashSet<Box<str>>,
    continuations: HashSet<Box<str>>,
    intro: HashSet<Box<str>>,
}

/// Entries of a data file: one per line, `#` starts a comment line.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(data: &str) -> HashSet<Box<str>> {
    entries(data).map(Box::from).collect()
}

/// Longest word the case-folding buffer holds; longer words are no abbreviation.
const MAX_WORD: usize = 32;

/// Lowercases `word` into `buf` without allocating; `None` if it does not fit.
pub(crate) fn fold<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    if word.len() > MAX_WORD {
        return None;
    }
    let mut n = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            let len = l.len_utf8();
            if n + len > MAX_WORD {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

impl Lexicon {
    /// The lists embedded from `data/`.
    pub(crate) fn embedded() -> Lexicon {
        let mut lex = Lexicon {
            titles: set(TITLES),
            number_prefixes: set(NUMBER_PREFIXES),
            time: set(TIME),
            starters: set(STARTERS),
            continuations: set(CONTINUATIONS),
            intro: set(INTRO),
            ..Lexicon::default()
        };
        for e in entries(ABBREVIATIONS) {
            lex.add_ambiguous(e);
        }
        lex
    }

    /// Adds an abbreviation that may end a sentence (matched case-insensitively
    /// when given in lowercase, exactly otherwise).
    pub(crate) fn add_ambiguous(&mut self, word: &str) {
        let word = word.trim().trim_end_matches('.');
        if word.is_empty() {
            return;
        }
        if word.chars().any(char::is_uppercase) {
            self.ambiguous_exact.insert(word.into());
        } else {
            self.ambiguous_any.insert(word.into());
        }
    }

    /// Adds a title that never ends a sentence.
    pub(crate) fn add_title(&mut self, word: &str) {
        let word = word.trim().trim_end_matches('.');
        let mut buf = [0; MAX_WORD];
        if let Some(f) = fold(word, &mut buf) {
            if !f.is_empty() {
                self.titles.insert(f.into());
            }
        }
    }

    /// Classifies the word standing before a period (without that period).
    pub(crate) fn classify(&self, word: &str) -> Class {
        let mut buf = [0; MAX_WORD];
        let Some(lower) = fold(word, &mut buf) else {
            return Class::None;
        };
        if self.titles.contains(lower) {
            Class::Title
        } else if self.time.contains(lower) {
            Class::Time
        } else if self.number_prefixes.contains(lower) {
            Class::NumberPrefix
        } else if self.ambiguous_any.contains(lower) || self.ambiguous_exact.contains(word) {
            Class::Ambiguous
        } else {
            Class::None
        }
    }

    /// Whether `word` (exact case) commonly opens a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// Whether `word` continues a time of day ("Tuesday", "GMT").
    pub(crate) fn is_continuation(&self, word: &str) -> bool {
        self.continuations.contains(word)
    }

    /// Whether `word` opens an introductory phrase ("At", "By").
    pub(crate) fn is_intro(&self, word: &str) -> bool {
        let mut buf = [0; MAX_WORD];
        fold(word, &mut buf).is_some_and(|l| self.intro.contains(l))
    }
}
