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
const REPORTING: &str = include_str!("../data/reporting_verbs.txt");

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
const REPORTING_VERB: u8 = 128;

/// A hasher for [`Key`]s: one multiply. The keys are short words from our
/// own lists, so flooding resistance buys nothing, and SipHash over a string
/// costs more than the rest of the period check.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    #[inline]
    fn write_u128(&mut self, k: u128) {
        let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        self.0 = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 31)
    }
}

/// A word of at most [`MAX_KEY`] bytes packed into an integer, its length in
/// the top byte: building one costs a copy, looking it up one multiply.
type Key = u128;

/// Longest word a [`Key`] holds; longer words are in no list.
const MAX_KEY: usize = 15;

/// The key of `word`, ASCII letters lowercased if `fold`.
#[inline]
fn key(word: &str, fold: bool) -> Option<Key> {
    let b = word.as_bytes();
    if b.len() > MAX_KEY {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    if fold {
        buf.make_ascii_lowercase();
    }
    buf[15] = b.len() as u8;
    Some(u128::from_le_bytes(buf))
}

type WordMap = HashMap<Key, u8, BuildHasherDefault<KeyHasher>>;

/// Case-folded and exact lookup tables.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    /// Keys with ASCII letters lowercased, matched case-insensitively.
    folded: WordMap,
    /// Keys matched exactly (capitalised entries, sentence openers).
    exact: WordMap,
    /// Longest abbreviation of any class in bytes: longer words skip the lookups.
    longest_abbreviation: usize,
}

/// Entries of a data file: one per line, `#` starts a comment line.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The lists embedded from `data/`.
    pub(crate) fn embedded() -> Lexicon {
        let mut lex = Lexicon::default();
        for (data, flag) in [
            (TITLES, TITLE),
            (NUMBER_PREFIXES, NUMBER_PREFIX),
            (TIME, TIME_WORD),
            (INTRO, INTRO_WORD),
            (REPORTING, REPORTING_VERB),
        ] {
            for e in entries(data) {
                lex.add_folded(e, flag);
            }
        }
        for (data, flag) in [(STARTERS, STARTER), (CONTINUATIONS, CONTINUATION)] {
            for e in entries(data) {
                lex.add_exact(e, flag);
            }
        }
        for e in entries(ABBREVIATIONS) {
            lex.add_ambiguous(e);
        }
        lex
    }

    fn add_folded(&mut self, word: &str, flag: u8) {
        if flag & (TITLE | AMBIGUOUS | NUMBER_PREFIX | TIME_WORD) != 0 {
            self.longest_abbreviation = self.longest_abbreviation.max(word.len());
        }
        if let Some(k) = key(word, true).filter(|_| !word.is_empty()) {
            *self.folded.entry(k).or_default() |= flag;
        }
    }

    fn add_exact(&mut self, word: &str, flag: u8) {
        if flag & AMBIGUOUS != 0 {
            self.longest_abbreviation = self.longest_abbreviation.max(word.len());
        }
        if let Some(k) = key(word, false).filter(|_| !word.is_empty()) {
            *self.exact.entry(k).or_default() |= flag;
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
            self.add_exact(word, AMBIGUOUS);
        } else {
            self.add_folded(word, AMBIGUOUS);
        }
    }

    /// Adds a title that never ends a sentence.
    pub(crate) fn add_title(&mut self, word: &str) {
        self.add_folded(word.trim().trim_end_matches('.'), TITLE);
    }

    #[inline]
    fn folded_flags(&self, word: &str) -> u8 {
        key(word, true).and_then(|k| self.folded.get(&k).copied()).unwrap_or(0)
    }

    #[inline]
    fn exact_flags(&self, word: &str) -> u8 {
        key(word, false).and_then(|k| self.exact.get(&k).copied()).unwrap_or(0)
    }

    /// Classifies the word standing before a period (without that period).
    pub(crate) fn classify(&self, word: &str) -> Class {
        if word.len() > self.longest_abbreviation {
            return Class::None;
        }
        let mut f = self.folded_flags(word);
        if word.starts_with(|c: char| c.is_ascii_uppercase()) {
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

    /// Whether `word` is a verb of saying ("said", "asked").
    pub(crate) fn is_reporting_verb(&self, word: &str) -> bool {
        self.folded_flags(word) & REPORTING_VERB != 0
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
            ("N°", Class::NumberPrefix),
            ("Internationalisation", Class::None),
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
        for data in [ABBREVIATIONS, TITLES, NUMBER_PREFIXES, TIME, STARTERS, CONTINUATIONS, INTRO, REPORTING] {
            let header: String = data.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(header.contains("Source:") && header.contains("CC0"), "{header}");
        }
    }
}
