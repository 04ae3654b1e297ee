//! Embedded word lists and the automata built from them.
//!
//! Every list lives in `data/` as plain text with a header naming its source
//! and licence; this module parses them once, when a [`crate::Stripper`] is
//! built, into Aho-Corasick automata and hash maps.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

use crate::line::RULE_LOWER_WORDS;
use crate::{Error, Kind};

pub(crate) const AGENCIES: &str = include_str!("../data/agencies.txt");
pub(crate) const SECTIONS: &str = include_str!("../data/sections.txt");
pub(crate) const PROMO: &str = include_str!("../data/promo.txt");
pub(crate) const DATES: &str = include_str!("../data/dates.txt");

/// FNV-1a: the keys are short words and lines, so a simple hash beats the
/// default SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type Map<V> = HashMap<Box<str>, V, BuildHasherDefault<Fnv>>;
/// [`Map`] keyed by bytes, for words lower-cased in a byte buffer.
pub(crate) type BytesMap<V> = HashMap<Box<[u8]>, V, BuildHasherDefault<Fnv>>;

/// Longest line (in bytes) looked up as a whole in the line table.
pub(crate) const MAX_KEY: usize = 64;

/// How a whole-line phrase acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    /// Removed only next to other residue, in a run of such lines, or at the
    /// edges of the text.
    Weak,
    /// Removed wherever it stands alone.
    Strong,
    /// Removed, and heads a block of other stories that runs to the end.
    Tail,
}

/// What a whole line equal to a phrase is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineRule {
    pub kind: Kind,
    pub strength: Strength,
}

/// How a line-start phrase must be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PrefixMode {
    /// Phrase, optional spaces, then `:` (or `|`, `»`).
    Colon,
    /// Phrase then a non-word character; the line is short.
    Start,
}

/// What a line-start phrase makes of its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PrefixKind {
    /// The line is residue of this kind.
    Residue(Kind),
    /// The rest of the line is a photo credit standing alone.
    Credit,
    /// The rest of the line is a photo credit whose caption is the line above.
    CreditAfter,
    /// The rest of the line is a caption.
    Caption,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct PrefixRule {
    pub mode: PrefixMode,
    pub kind: PrefixKind,
}

/// Class of a word in a date or time line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateWord {
    Month,
    Weekday,
    Zone,
    Label,
    Filler,
}

/// Everything the stripper matches against, built once.
#[derive(Clone, Debug)]
pub(crate) struct Data {
    pub agencies: AhoCorasick,
    /// First two bytes of the agency names, and the longest name: most lines
    /// cannot be a whole agency name, and these say so before the
    /// case-insensitive automaton (no prefilter) is set up for the line.
    pub agency_pairs: PairFilter,
    pub agency_max: usize,
    pub lines: Map<LineRule>,
    pub prefixes: AhoCorasick,
    pub prefix_rules: Vec<Vec<PrefixRule>>,
    /// First two bytes that can start a prefix phrase (both cases).
    pub prefix_pairs: PairFilter,
    /// First two bytes of every line key a whole-line test in `shape` can
    /// accept (the `lines` keys, the label lines, the gallery counters): most
    /// short lines are turned away here before their key is built.
    pub key_pairs: PairFilter,
    pub contains: AhoCorasick,
    pub contains_kinds: Vec<Kind>,
    pub dates: BytesMap<DateWord>,
    /// Finds " is " in author biographies.
    pub is_finder: memchr::memmem::Finder<'static>,
    /// Labels that open a credit at the end of a caption line ("Credit:").
    pub tail_labels: AhoCorasick,
    /// Labels that open a parenthesised credit ("(Photo by", "(Image:").
    pub paren_labels: AhoCorasick,
    /// Every lower-case word the date, byline and bare credit rules can
    /// accept (see [`Data::has_plain_word`](crate::data::Data)).
    pub rule_words: WordFilter,
}

/// The first two bytes of a set of phrases, ASCII case folded, hashed into
/// 4096 bits: a line whose first two bytes are not there starts none of the
/// phrases. The test of the first byte alone this replaced let through four
/// lines in five (story paragraphs start with capitals, and so do the
/// phrases), each then walked into the case-insensitive automaton, whose
/// table misses the cache; the pair lets through about one in three.
#[derive(Clone, Debug)]
pub(crate) struct PairFilter {
    bits: [u64; 64],
}

impl PairFilter {
    fn slot(first: u8, second: u8) -> usize {
        ((usize::from(first.to_ascii_lowercase()) << 6) ^ usize::from(second.to_ascii_lowercase())) & 4095
    }

    fn set(&mut self, first: u8, second: u8) {
        let k = PairFilter::slot(first, second);
        self.bits[k / 64] |= 1 << (k % 64);
    }

    /// A filter passing every text that starts with one of `phrases`.
    pub(crate) fn new<P: AsRef<[u8]>>(phrases: &[P]) -> PairFilter {
        let mut filter = PairFilter { bits: [0; 64] };
        for p in phrases {
            match *p.as_ref() {
                [] => filter.bits = [u64::MAX; 64],
                // One byte: any second byte, or none (a text of one byte reads as a zero).
                [a] => (0..=255).for_each(|b| filter.set(a, b)),
                [a, b, ..] => filter.set(a, b),
            }
        }
        filter
    }

    /// False when `text` starts with none of the phrases.
    #[inline(always)]
    pub(crate) fn may_start(&self, text: &[u8]) -> bool {
        let Some(&first) = text.first() else { return !self.bits.iter().all(|&w| w == 0) };
        let k = PairFilter::slot(first, text.get(1).copied().unwrap_or(0));
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }
}

/// A set of lower-case ASCII words kept as 4096 bits of their hashes: a
/// word whose bit is clear is surely not in the set (about one word in ten
/// outside it finds its bit set, and only costs the full test). The hash is
/// FNV-1a, fed a byte at a time, so a caller hashes a word while it reads
/// it.
#[derive(Clone, Debug)]
pub(crate) struct WordFilter {
    bits: [u64; 64],
}

impl WordFilter {
    /// The hash of no bytes.
    pub(crate) const EMPTY: u32 = 0x811c_9dc5;

    /// The hash `h` with byte `b` added.
    #[inline(always)]
    pub(crate) fn step(h: u32, b: u8) -> u32 {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }

    fn slot(h: u32) -> usize {
        (h >> 20) as usize
    }

    /// A filter holding every maximal run of ASCII letters in `phrases`,
    /// lower-cased ("AFP via Getty Images" gives afp, via, getty, images).
    pub(crate) fn new<'p>(phrases: impl IntoIterator<Item = &'p [u8]>) -> WordFilter {
        let mut filter = WordFilter { bits: [0; 64] };
        for p in phrases {
            for w in p.split(|c| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
                let h = w.iter().fold(WordFilter::EMPTY, |h, &b| WordFilter::step(h, b.to_ascii_lowercase()));
                let k = WordFilter::slot(h);
                filter.bits[k / 64] |= 1 << (k % 64);
            }
        }
        filter
    }

    /// False when the word hashed to `h` is surely not in the set.
    #[inline(always)]
    pub(crate) fn may_hold(&self, h: u32) -> bool {
        let k = WordFilter::slot(h);
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The first words of the whole-line keys `shape` tests besides the `lines`
/// table: "image caption", "media caption", "image copyright", the label
/// lines ("photo:") and the gallery counters ("slide 2 of 9").
pub(crate) const KEY_WORDS: [&str; 10] =
    ["image", "images", "media", "photo", "photos", "photograph", "picture", "credit", "slide", "gallery"];

/// Non-comment, non-empty lines of an embedded list.
fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Normalise a line for whole-line lookup: ASCII lower case, runs of
/// whitespace collapsed to one space, trailing ASCII punctuation and spaces
/// dropped. `None` when the line is longer than [`MAX_KEY`].
pub(crate) fn line_key<'b>(s: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    if s.len() > MAX_KEY {
        return None;
    }
    let mut n = 0;
    let mut space = false;
    for &b in s.as_bytes() {
        if b.is_ascii_whitespace() {
            space = n > 0;
            continue;
        }
        if space {
            buf[n] = b' ';
            n += 1;
            space = false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    while n > 0 && (buf[n - 1].is_ascii_punctuation() || buf[n - 1] == b' ') {
        n -= 1;
    }
    // Only ASCII bytes were changed or dropped, and a dropped trailing byte is
    // always ASCII, so the buffer is still UTF-8; fall back to None if not.
    std::str::from_utf8(&buf[..n]).ok()
}

fn ac(pats: &[String], start: StartKind, case_insensitive: bool) -> Result<AhoCorasick, Error> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(case_insensitive)
        .start_kind(start)
        .kind(Some(AhoCorasickKind::DFA))
        .build(pats)
        .map_err(|e| Error::Build(e.to_string()))
}

fn kind_name(s: &str) -> Option<Kind> {
    Kind::ALL.iter().copied().find(|k| k.as_str() == s)
}

impl Data {
    /// Build from the embedded lists plus the user's extra promo prefixes.
    pub(crate) fn build(extra_promo: &[String]) -> Result<Data, Error> {
        let agencies: Vec<String> = entries(AGENCIES).map(|l| l.trim().to_string()).collect();

        let mut lines = Map::default();
        let mut buf = [0u8; MAX_KEY];
        for l in entries(SECTIONS) {
            let (strength, phrase) = l.split_once('\t').ok_or_else(|| bad("sections", l))?;
            let strength = match strength {
                "weak" => Strength::Weak,
                "strong" => Strength::Strong,
                _ => return Err(bad("sections", l)),
            };
            let key = line_key(phrase, &mut buf).ok_or_else(|| bad("sections", l))?;
            lines.insert(key.into(), LineRule { kind: Kind::Navigation, strength });
        }

        let mut prefix_pats: Vec<String> = Vec::new();
        let mut prefix_rules: Vec<Vec<PrefixRule>> = Vec::new();
        let mut contains_pats = Vec::new();
        let mut contains_kinds = Vec::new();
        let mut add_prefix = |phrase: &str, rule: PrefixRule| {
            let p = phrase.to_ascii_lowercase();
            match prefix_pats.iter().position(|q| *q == p) {
                Some(i) => prefix_rules[i].push(rule),
                None => {
                    prefix_pats.push(p);
                    prefix_rules.push(vec![rule]);
                }
            }
        };
        for l in entries(PROMO) {
            let mut it = l.splitn(3, '\t');
            let (mode, kind, phrase) = match (it.next(), it.next(), it.next()) {
                (Some(m), Some(k), Some(p)) => (m, k, p),
                _ => return Err(bad("promo", l)),
            };
            let pkind = match kind {
                "credit" => PrefixKind::Credit,
                "credit-after" => PrefixKind::CreditAfter,
                "caption" => PrefixKind::Caption,
                k => PrefixKind::Residue(kind_name(k).ok_or_else(|| bad("promo", l))?),
            };
            match mode {
                "line" | "tail" => {
                    let k = match pkind {
                        PrefixKind::Residue(k) => k,
                        _ => return Err(bad("promo", l)),
                    };
                    let key = line_key(phrase, &mut buf).ok_or_else(|| bad("promo", l))?;
                    let strength = if mode == "tail" { Strength::Tail } else { Strength::Strong };
                    lines.insert(key.into(), LineRule { kind: k, strength });
                }
                "colon" => add_prefix(phrase, PrefixRule { mode: PrefixMode::Colon, kind: pkind }),
                "start" => add_prefix(phrase, PrefixRule { mode: PrefixMode::Start, kind: pkind }),
                "contains" => {
                    let k = match pkind {
                        PrefixKind::Residue(k) => k,
                        _ => return Err(bad("promo", l)),
                    };
                    contains_pats.push(phrase.to_ascii_lowercase());
                    contains_kinds.push(k);
                }
                _ => return Err(bad("promo", l)),
            }
        }
        for p in extra_promo {
            let p = p.trim();
            if p.is_empty() {
                return Err(Error::EmptyPattern);
            }
            add_prefix(p, PrefixRule { mode: PrefixMode::Start, kind: PrefixKind::Residue(Kind::Promo) });
        }

        let mut dates = BytesMap::default();
        for l in entries(DATES) {
            let (class, word) = l.split_once('\t').ok_or_else(|| bad("dates", l))?;
            let class = match class {
                "month" => DateWord::Month,
                "weekday" => DateWord::Weekday,
                "zone" => DateWord::Zone,
                "label" => DateWord::Label,
                "filler" => DateWord::Filler,
                _ => return Err(bad("dates", l)),
            };
            // A word listed twice keeps its strongest class (month > ... > filler).
            dates.entry(word.trim().as_bytes().into()).or_insert(class);
        }

        let tail_labels: Vec<String> = [
            "Credit:",
            "CREDIT:",
            "Credits:",
            "Photo credit:",
            "Photo:",
            "PHOTO:",
            "Photos:",
            "Photograph:",
            "Picture:",
            "Pictures:",
            "Image:",
            "IMAGE:",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let paren_labels: Vec<String> = [
            "photo:",
            "photos:",
            "photo by",
            "photos by",
            "photograph:",
            "photograph by",
            "photographs by",
            "picture:",
            "pictures:",
            "pic:",
            "image:",
            "images:",
            "image by",
            "credit:",
            "credits:",
            "photo credit:",
            "image credit:",
            "ap photo",
            "illustration:",
            "illustration by",
            "graphic:",
            "file photo",
            "photo ©",
            "photos ©",
            "image ©",
            "©",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();

        let prefix_pairs = PairFilter::new(&prefix_pats);
        let mut key_heads: Vec<&str> = lines.keys().map(|k| &**k).collect();
        key_heads.extend_from_slice(&KEY_WORDS);
        let key_pairs = PairFilter::new(&key_heads);

        let rule_words = WordFilter::new(
            dates
                .keys()
                .map(|k| &**k)
                .chain(agencies.iter().map(String::as_bytes))
                .chain(RULE_LOWER_WORDS.iter().flat_map(|list| list.iter().map(|w| w.as_bytes()))),
        );

        Ok(Data {
            rule_words,
            is_finder: memchr::memmem::Finder::new(b" is ").into_owned(),
            prefix_pairs,
            key_pairs,
            agency_pairs: PairFilter::new(&agencies),
            agency_max: agencies.iter().map(String::len).max().unwrap_or(0),
            agencies: ac(&agencies, StartKind::Both, true)?,
            lines,
            prefixes: ac(&prefix_pats, StartKind::Anchored, true)?,
            prefix_rules,
            // Lower-case patterns, searched in a lower-cased line (see `shape`).
            contains: ac(&contains_pats, StartKind::Unanchored, false)?,
            contains_kinds,
            dates,
            tail_labels: ac(&tail_labels, StartKind::Unanchored, false)?,
            paren_labels: ac(&paren_labels, StartKind::Anchored, true)?,
        })
    }
}

fn bad(list: &str, line: &str) -> Error {
    Error::Build(format!("bad line in data/{list}.txt: {line:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_filter_passes_every_phrase_start() {
        let filter = PairFilter::new(&["read more", "photo:", "©", "x"]);
        // (line, may it start a phrase?)
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("READ MORE: the full story", true),
            ("Reader comments", true),
            ("PHOTO: Reuters", true),
            ("Photographs by staff", true),
            ("© AP", true),
            ("x", true),
            ("X-rays showed", true),
            ("The minister said", false),
            ("Rome", false),
            ("Police said", false),
            ("\u{201c}We will", false),
            ("r", false),
        ];
        for &(line, want) in cases {
            assert_eq!(filter.may_start(line.as_bytes()), want, "{line:?}");
        }
        assert!(!PairFilter::new::<&str>(&[]).may_start(b"anything"));
        assert!(PairFilter::new(&[""]).may_start(b"anything"));
    }
}
