//! Word lists the sentence splitter consults, parsed once from embedded data.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

// Flags of a word; one word may carry several.
const TITLE: u8 = 1;
const AMBIGUOUS: u8 = 2;
const NUMBER_PREFIX: u8 = 4;
const TIME_WORD: u8 = 8;
const STARTER: u8 = 16;
const CONTINUATION: u8 = 32;
const INTRO_WORD: u8 = 64;

/// A small multiplicative hasher (the FxHash scheme): the keys are short words
/// from our own lists, so flooding resistance buys nothing and SipHash costs
/// more than the rest of the period check.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap = HashMap<Box<str>, u8, BuildHasherDefault<WordHasher>>;

/// Case-folded and exact lookup tables.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    /// Keys in lowercase, matched case-insensitively.
    folded: WordMap,
    /// Keys matched exactly (capitalised entries, sentence openers).
    exact: WordMap,
    /// Longest key in `folded` in bytes: longer words skip the lookup.
    longest: usize,
    /// Longest exact-case abbreviation in bytes.
    longest_exact: usize,
}

/// Entries of a data file: one per line, `#` starts a comment line.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Longest word the case-folding buffer holds; longer words are no abbreviation.
const MAX_WORD: usize = 32;

/// Lowercases `word` into `buf` without allocating; `None` if it does not fit.
pub(crate) fn fold<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    if word.len() > MAX_WORD {
        return None;
    }
    if word.is_ascii() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        return std::str::from_utf8(out).ok();
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
        let mut lex = Lexicon::default();
        for (data, flag) in [(TITLES, TITLE), (NUMBER_PREFIXES, NUMBER_PREFIX), (TIME, TIME_WORD), (INTRO, INTRO_WORD)]
        {
            for e in entries(data) {
                lex.add_folded(e, flag);
            }
        }
        for (data, flag) in [(STARTERS, STARTER), (CONTINUATIONS, CONTINUATION)] {
            for e in entries(data) {
                *lex.exact.entry(e.into()).or_default() |= flag;
            }
        }
        for e in entries(ABBREVIATIONS) {
            lex.add_ambiguous(e);
        }
        lex
    }

    fn add_folded(&mut self, word: &str, flag: u8) {
        let mut buf = [0; MAX_WORD];
        if let Some(f) = fold(word, &mut buf) {
            if !f.is_empty() {
                self.longest = self.longest.max(f.len());
                *self.folded.entry(f.into()).or_default() |= flag;
            }
        }
    }

    /// Adds an abbreviation that may end a sentence (matched case-insensitively
    /// when given in lowercase, exactly otherwise).
    pub(crate) fn add_ambiguous(&mut self, word: &str) {
        let word = word.trim().trim_end_matches('.');
        if word.is_empty() {
            return;
        }
        if word.chars().any(char::is_uppercase) {
            self.longest_exact = self.longest_exact.max(word.len());
            *self.exact.entry(word.into()).or_default() |= AMBIGUOUS;
        } else {
            self.add_folded(word, AMBIGUOUS);
        }
    }

    /// Adds a title that never ends a sentence.
    pub(crate) fn add_title(&mut self, word: &str) {
        self.add_folded(word.trim().trim_end_matches('.'), TITLE);
    }

    fn folded_flags(&self, word: &str) -> u8 {
        if word.len() > self.longest {
            return 0;
        }
        let mut buf = [0; MAX_WORD];
        match fold(word, &mut buf) {
            Some(l) => self.folded.get(l).copied().unwrap_or(0),
            None => 0,
        }
    }

    fn exact_flags(&self, word: &str) -> u8 {
        self.exact.get(word).copied().unwrap_or(0)
    }

    /// Classifies the word standing before a period (without that period).
    pub(crate) fn classify(&self, word: &str) -> Class {
        let mut f = self.folded_flags(word);
        if word.len() <= self.longest_exact && word.starts_with(|c: char| c.is_uppercase()) {
            f |= self.exact_flags(word) & AMBIGUOUS;
        }
        if f & TITLE != 0 {
            Class::Title
        } else if f & TIME_WORD != 0 {
            Class::Time
        } else if f & NUMBER_PREFIX != 0 {
            Class::NumberPrefix
        } else if f & AMBIGUOUS != 0 {
            Class::Ambiguous
        } else {
            Class::None
        }
    }

    /// Whether `word` (exact case) commonly opens a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.exact_flags(word) & STARTER != 0
    }

    /// Whether `word` continues a time of day ("Tuesday", "GMT").
    pub(crate) fn is_continuation(&self, word: &str) -> bool {
        self.exact_flags(word) & CONTINUATION != 0
    }

    /// Whether `word` opens an introductory phrase ("At", "By").
    pub(crate) fn is_intro(&self, word: &str) -> bool {
        self.folded_flags(word) & INTRO_WORD != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_from_data() {
        let lex = Lexicon::embedded();
        let table = [
            ("Mr", Class::Title),
            ("GEN", Class::Title),
            ("Inc", Class::Ambiguous),
            ("U.S", Class::Ambiguous),
            ("Calif", Class::Ambiguous),
            ("calif", Class::None),
            ("No", Class::NumberPrefix),
            ("n°", Class::NumberPrefix),
            ("p.m", Class::Time),
            ("bank", Class::None),
            ("", Class::None),
        ];
        for (word, class) in table {
            assert_eq!(lex.classify(word), class, "{word}");
        }
        assert!(lex.is_starter("The") && !lex.is_starter("the"));
        assert!(lex.is_continuation("Tuesday"));
        assert!(lex.is_intro("At"));
    }

    #[test]
    fn every_data_file_has_a_source_and_licence_header() {
        for data in [ABBREVIATIONS, TITLES, NUMBER_PREFIXES, TIME, STARTERS, CONTINUATIONS, INTRO] {
            let header: String = data.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(header.contains("Source:") && header.contains("CC0"), "{header}");
        }
    }
}
