//! The attribution engine: tokens, sentences, people, cues, speakers.
// Loops walk token *positions*: neighbours (t[k - 1], t[k + 1]) are read at each step.
#![allow(clippy::needless_range_loop)]

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;

use crate::lexicon::{eq_ascii_case, f, hash_ascii_lower, key_hash_short, BuildFx, Lexicon};
use crate::scan::{find_quotations_in, paragraphs, Quotation};
use crate::{Attribution, Gender, KnownMention, MentionKind, Person, Quote, QuoteKind, Rule, Speaker};

/// How far back (in mentions) a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 40;
/// How far back a pronoun prefers a person of known, fitting gender.
const GENDER_WINDOW: usize = 6;
/// Longest noun phrase read around a cue, in tokens.
const NP_MAX: usize = 9;
/// How many tokens before a quote are searched for its cue.
const LEFT_WINDOW: usize = 80;
/// How many tokens before a colon or comma may separate it from the cue introducing a quote.
const INTRO_WINDOW: usize = 12;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TK {
    Word,
    Punct,
    Quote,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: usize,
    e: usize,
    kind: TK,
    /// First character (for punctuation: the character).
    c: char,
    /// Starts with an upper-case letter.
    cap: bool,
    /// Lexicon flags (words only).
    fl: u32,
    /// Quotation index (quotes only).
    q: usize,
}

impl Tok {
    fn is_word(&self) -> bool {
        self.kind == TK::Word
    }
    fn is_p(&self, c: char) -> bool {
        self.kind == TK::Punct && self.c == c
    }
    fn has(&self, fl: u32) -> bool {
        self.kind == TK::Word && self.fl & fl != 0
    }
    fn is_dash(&self) -> bool {
        self.kind == TK::Punct && matches!(self.c, '\u{2014}' | '\u{2013}' | '\u{2015}' | '-')
    }
    fn is_term(&self) -> bool {
        self.kind == TK::Punct && matches!(self.c, '.' | '?' | '!' | '\u{2026}')
    }
}

/// A word after which a full stop does not end a sentence ("Mr.", "Sen.", "J.").
fn abbrev_like(w: &Tok) -> bool {
    w.is_word() && (w.has(f::ABBREV | f::HON) || (w.e - w.s == 1 && w.cap))
}

/// A preposition, or a subordinator that governs a noun phrase ("despite",
/// "amid"), in any case: a capitalised one opens a sentence.
fn is_preposition_any_case(w: &str) -> bool {
    // the prepositions of [`is_preposition`], read from a lower-cased copy
    // (the longest is seven bytes), then the governing words it leaves out
    let mut buf = [0u8; 8];
    let lower = buf.get_mut(..w.len()).and_then(|b| {
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).ok()
    });
    lower.is_some_and(is_preposition)
        || is_one_of(
            w,
            &[
                "without",
                "after",
                "before",
                "despite",
                "during",
                "amid",
                "amidst",
                "since",
                "upon",
                "unlike",
                "toward",
                "towards",
                "across",
                "throughout",
                "beyond",
                "via",
                "within",
            ],
        )
}

/// Prepositions: a noun phrase after one is not a subject.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "about"
            | "than"
            | "between"
            | "through"
            | "into"
            | "over"
            | "under"
            | "against"
            | "among"
    )
}

/// A terminator that ends a sentence: not the full stop of "Mr." or "Va.,".
fn real_term(t: &[Tok], j: usize) -> bool {
    if !t[j].is_term() {
        return false;
    }
    if t[j].c != '.' {
        return true;
    }
    if j > 0
        && (abbrev_like(&t[j - 1])
            || t[j - 1].is_word()
                && t[j - 1].cap
                && t[j - 1].e - t[j - 1].s <= 5
                && t.get(j + 1).is_some_and(|n| n.is_p(',')))
    {
        return false;
    }
    !t.get(j + 1).is_some_and(|n| n.is_p(',') || n.is_word() && !n.cap)
}

/// ASCII letters and digits, by byte.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte classes for the tokenizer, as bits of [`BYTE_CLASS`]: one table load
/// picks the main loop's path, and the common ones (space, ASCII word, ASCII
/// mark) decode nothing.
mod class {
    /// ASCII white space (tab to carriage return, space): skipped.
    pub const SPACE: u8 = 1;
    /// ASCII letter or digit: a word starts.
    pub const WORD: u8 = 2;
    /// Any other ASCII byte: a one-byte punctuation token.
    pub const PUNCT: u8 = 4;
    /// A non-ASCII byte: the character is decoded.
    pub const HIGH: u8 = 8;
    /// A byte after which a word may go on: the joiners `'`, `-`, `.`, `&` and
    /// any non-ASCII byte (`word_end` decides).
    pub const JOIN: u8 = 16;
}

static BYTE_CLASS: [u8; 256] = {
    let mut t = [class::HIGH | class::JOIN; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if matches!(b, b'\t'..=b'\r' | b' ') {
            class::SPACE
        } else if b.is_ascii_alphanumeric() {
            class::WORD
        } else if matches!(b, b'\'' | b'-' | b'.' | b'&') {
            class::PUNCT | class::JOIN
        } else {
            class::PUNCT
        };
        c += 1;
    }
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = ONES * 0x80;

/// The high bit of every byte of `x` that is not an ASCII letter or digit
/// (eight bytes at once; the same as `!ASCII_WORD` on each byte).
#[inline]
fn non_word_bytes(x: u64) -> u64 {
    let h = x & !HIGHS;
    // byte ranges by carries into each byte's high bit (no byte overflows)
    let digit = (h + ONES * (0x80 - 0x30)) & !(h + ONES * (0x80 - 0x3a));
    let l = h | (ONES * 0x20);
    let letter = (l + ONES * (0x80 - 0x61)) & !(l + ONES * (0x80 - 0x7b));
    !((digit | letter) & !x) & HIGHS
}

/// The high bit of every byte of `x` that is not an ASCII letter (eight bytes
/// at once): [`non_word_bytes`] less the digit range, a few operations fewer
/// for the words of running text, which are letters.
#[inline]
fn non_letter_bytes(x: u64) -> u64 {
    // setting the case bit folds A-Z onto a-z, and no other byte onto them
    let l = (x & !HIGHS) | (ONES * 0x20);
    let letter = (l + ONES * (0x80 - 0x61)) & !(l + ONES * (0x80 - 0x7b));
    !(letter & !x) & HIGHS
}

/// End of the run of ASCII letters and digits from `i`, at most `lim`: eight
/// bytes a step while the text has them, then byte by byte.
#[inline]
fn ascii_run_end(b: &[u8], mut i: usize, lim: usize) -> usize {
    if i >= lim {
        return i;
    }
    while let Some(w) = b.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        let m = non_word_bytes(u64::from_le_bytes(a));
        if m != 0 {
            return (i + (m.trailing_zeros() / 8) as usize).min(lim);
        }
        i += 8;
        if i >= lim {
            return lim;
        }
    }
    i + b.get(i..lim).map_or(0, |r| r.iter().position(|&c| !ASCII_WORD[usize::from(c)]).unwrap_or(r.len()))
}

/// End of the word whose first character ends at `i`: runs of letters and
/// digits (any script) joined by `'`, `-`, `.`, `&`, `’`, `‐`, `‑` before a
/// further letter or digit, cut at `lim`. The ASCII cases and the three-byte
/// joiners are read from the bytes; other characters are decoded.
fn word_end(text: &str, mut i: usize, lim: usize) -> usize {
    let b = text.as_bytes();
    // a letter or digit (any script) starting at byte `j` before `lim`
    let word_char_at = |j: usize| match b.get(j) {
        _ if j >= lim => false,
        Some(&c) if c < 0x80 => ASCII_WORD[usize::from(c)],
        Some(_) => text.get(j..lim).and_then(|s| s.chars().next()).is_some_and(is_word_char),
        None => false,
    };
    while i < lim {
        let Some(&c) = b.get(i) else { break };
        if ASCII_WORD[usize::from(c)] {
            i = ascii_run_end(b, i, lim);
            continue;
        }
        if c < 0x80 {
            // joiners: ' - . & followed by a word character
            if matches!(c, b'\'' | b'-' | b'.' | b'&') && i + 1 < lim && b[i + 1].is_ascii_alphanumeric() {
                i += 2;
                continue;
            }
            break;
        }
        // ’ ‐ ‑ (E2 80 99, 90, 91): joiners before a word character
        if c == 0xE2 && b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x99 | 0x90 | 0x91)) {
            if i + 3 <= lim && word_char_at(i + 3) {
                i += 3;
                continue;
            }
            break;
        }
        let Some(ch) = text.get(i..lim).and_then(|s| s.chars().next()) else { break };
        if is_word_char(ch) {
            i += ch.len_utf8();
            continue;
        }
        break;
    }
    i
}

/// Eight bytes of `b` from `i` as a little-endian number, if `b` has them.
#[inline]
fn load8(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..)?.first_chunk::<8>().map(|w| u64::from_le_bytes(*w))
}

/// Lexicon flags `fl` of the ASCII word `b[s..e]` (`cap`: it starts with a
/// capital), less those an acronym does not have: "The WHO said", "IT staff"
/// are names, not function words. Only a listed, capitalised word has flags to
/// clear, so most words skip the test.
#[inline]
fn acronym(fl: u32, cap: bool, b: &[u8], s: usize, e: usize) -> u32 {
    if fl != 0 && cap && (2..=6).contains(&(e - s)) && b.get(s..e).is_some_and(|w| w.iter().all(u8::is_ascii_uppercase))
    {
        fl & !(f::PRON | f::PRON_1 | f::REL | f::STOP | f::DET | f::BE | f::ADV)
    } else {
        fl
    }
}

/// Whether a word may go on at a byte that ends its ASCII run: a joiner or a
/// non-ASCII character (then [`word_end`] decides).
#[inline]
fn may_continue_word(c: u8) -> bool {
    BYTE_CLASS[usize::from(c)] & class::JOIN != 0
}

/// A paragraph's tokens and what the attribution looks up by position in
/// them, gathered by [`tokenize`] as it pushes each token (one pass over the
/// paragraph, where a second one over its tokens cost a fifth as much as the
/// tokenizer).
struct ParaTokens {
    toks: Vec<Tok>,
    /// Positions of the quotation tokens.
    quote_at: Vec<usize>,
    /// Positions of the capitalised words.
    cap_at: Vec<usize>,
    /// Positions of the words with a cue flag (or the first word of a
    /// multi-word cue).
    cue_at: Vec<usize>,
    /// Positions of the tokens after which a sentence may end: terminators
    /// and quotations (see [`sentences`]).
    may_end: Vec<usize>,
    /// Content words (capitalised, or not a stop word), for the headline
    /// test (whose capitalised words are `cap_at.len()`).
    words: usize,
}

impl ParaTokens {
    /// Empties everything for the next paragraph.
    fn clear(&mut self) {
        self.toks.clear();
        self.quote_at.clear();
        self.cap_at.clear();
        self.cue_at.clear();
        self.may_end.clear();
        self.words = 0;
    }

    /// Pushes a word token, with its place in the lists.
    #[inline(always)]
    fn push_word(&mut self, tok: Tok) {
        let k = self.toks.len();
        let (cap, fl) = (tok.cap, tok.fl);
        self.toks.push(tok);
        self.words += usize::from(cap || fl & f::STOP == 0);
        if cap {
            self.cap_at.push(k);
        }
        if fl & (f::CUE | f::MULTI) != 0 {
            self.cue_at.push(k);
        }
    }

    /// Pushes a punctuation token (`c`: its character).
    #[inline(always)]
    fn push_punct(&mut self, s: usize, e: usize, c: char) {
        if matches!(c, '.' | '?' | '!' | '\u{2026}') {
            self.may_end.push(self.toks.len());
        }
        self.toks.push(Tok { s, e, kind: TK::Punct, c, cap: false, fl: 0, q: usize::MAX });
    }

    /// Pushes the token of quotation `q`.
    fn push_quote(&mut self, s: usize, e: usize, q: usize) {
        self.quote_at.push(self.toks.len());
        self.may_end.push(self.toks.len());
        self.toks.push(Tok { s, e, kind: TK::Quote, c: '"', cap: false, fl: 0, q });
    }
}

/// Cuts `text[ps..pe]` into words, punctuation and quotation tokens (into
/// `out`, with their lists). `quotes` are the (sorted) quotations, `qi` the
/// index of the first one that may touch the paragraph.
fn tokenize(lx: &Lexicon, text: &str, ps: usize, pe: usize, quotes: &[Quotation], mut qi: usize, out: &mut ParaTokens) {
    out.clear();
    let mut i = ps;
    while quotes.get(qi).is_some_and(|q| q.span.end <= ps) {
        qi += 1;
    }
    while i < pe {
        if let Some(q) = quotes.get(qi).filter(|q| q.span.start <= i) {
            let e = q.span.end.min(pe);
            out.push_quote(i, e, qi);
            i = e.max(i + 1);
            qi += 1;
            continue;
        }
        // no quotation starts before `lim`: the stretch up to it is plain text
        let lim = quotes.get(qi).map_or(pe, |q| q.span.start.min(pe));
        i = tokenize_plain(lx, text, i, lim, pe, out);
    }
}

/// Tokens of `text[i..lim]`, a stretch without quotations (`pe`: the paragraph's
/// end); returns where it stopped (`lim`, or past it after a stray byte).
#[inline]
fn tokenize_plain(lx: &Lexicon, text: &str, mut i: usize, lim: usize, pe: usize, out: &mut ParaTokens) -> usize {
    let b = text.as_bytes();
    while i < lim {
        let Some(&c) = b.get(i) else { break };
        let cl = BYTE_CLASS[usize::from(c)];
        if cl & class::WORD != 0 {
            // an ASCII word
            let s = i;
            let cap = c.is_ascii_uppercase();
            let (e, after, fl) = match plain_ascii_word(lx, b, s, lim) {
                Ok(w) => w,
                // the word goes on past a joiner or a digit at `run`
                Err(run) if run > s => {
                    let e = word_end(text, run, lim);
                    (e, past_space(b, e, lim), lx.flags_in(b, s, e))
                }
                Err(_) => {
                    let mut e = ascii_run_end(b, s, lim);
                    if b.get(e).is_some_and(|&n| e < lim && may_continue_word(n)) {
                        e = word_end(text, e, lim);
                    }
                    (e, past_space(b, e, lim), lx.flags_in(b, s, e))
                }
            };
            let fl = acronym(fl, cap, b, s, e);
            out.push_word(Tok { s, e, kind: TK::Word, c: char::from(c), cap, fl, q: usize::MAX });
            i = after;
        } else if cl & class::SPACE != 0 {
            i += 1;
        } else if cl & class::PUNCT != 0 {
            out.push_punct(i, i + 1, char::from(c));
            i += 1;
        } else {
            i = non_ascii_token(lx, text, i, lim, pe, out);
        }
    }
    i
}

/// Where the next token may start after a word ending at `e`: past the space
/// after it, without a trip round the tokenizer's loop, if one follows
/// before `lim`.
#[inline]
fn past_space(b: &[u8], e: usize, lim: usize) -> usize {
    if e < lim && b.get(e) == Some(&b' ') {
        e + 1
    } else {
        e
    }
}

/// The ASCII word at `s` (whose first byte is a letter or digit) when it is a
/// plain one, as most words of news text are: a run of at most 15 ASCII letters
/// and digits, ended by `lim` or by a byte that joins no words. Found (and looked
/// up) from one or two 8-byte loads. Returns the word's end, where the next
/// token may start ([`past_space`], read off the loaded bytes) and the lexicon
/// flags. An error sends the word to the
/// general path, with where its run of letters ended if a byte there (a
/// joiner, a digit, a non-ASCII byte) may carry it on before `lim`, else
/// with `s`.
///
/// A word is measured as a run of letters: when a digit ends that run the
/// byte test below sends the word (rare in news text: "G7") to the general
/// path, and so a word opening with a digit (an empty run, rarer still:
/// "2024"), with no test of the first byte on the way of the words of letters.
#[inline(always)]
fn plain_ascii_word(lx: &Lexicon, b: &[u8], s: usize, lim: usize) -> Result<(usize, usize, u32), usize> {
    let Some(x) = load8(b, s) else { return Err(s) };
    let m = non_letter_bytes(x);
    if m != 0 {
        // most words: shorter than eight bytes, one load and a one-word key
        let n = (m.trailing_zeros() / 8) as usize;
        let next = (x >> (8 * n)) as u8;
        let e = s + n;
        // the commonest end, a space: a word ended before `lim`
        if next == b' ' && e < lim {
            return Ok((e, e + 1, lx.flags_alnum_short(x, n)));
        }
        if e > lim {
            return Err(s);
        }
        if e < lim && goes_on(b, e, lim, next) {
            return Err(e);
        }
        return Ok((e, e, lx.flags_alnum_short(x, n)));
    }
    let Some(y) = load8(b, s + 8) else { return Err(s) };
    let m = non_letter_bytes(y);
    if m == 0 {
        return Err(s);
    }
    let n = 8 + (m.trailing_zeros() / 8) as usize;
    let next = (y >> (8 * (n - 8))) as u8;
    let e = s + n;
    if e > lim {
        return Err(s);
    }
    if e < lim && goes_on(b, e, lim, next) {
        return Err(e);
    }
    let after = if e < lim && next == b' ' { e + 1 } else { e };
    Ok((e, after, lx.flags_alnum(x, y, n)))
}

/// Whether a word may go on at byte `c`, which ended a run of letters (or of
/// letters and digits): a letter or digit, a joiner, or a non-ASCII byte.
#[inline]
fn may_go_on(c: u8) -> bool {
    BYTE_CLASS[usize::from(c)] & (class::WORD | class::JOIN) != 0
}

/// Whether the word whose run of letters ends at `e` (before `lim`, at byte
/// `c`) may go on there: [`may_go_on`], less an ASCII joiner that no letter or
/// digit follows before `lim`, where [`word_end`] stops at once. That is the
/// full stop ending a sentence ("said."), as common as any joiner that joins.
#[inline]
fn goes_on(b: &[u8], e: usize, lim: usize, c: u8) -> bool {
    if !may_go_on(c) {
        return false;
    }
    if c >= 0x80 || c.is_ascii_alphanumeric() {
        return true;
    }
    e + 1 < lim && b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// The token at a non-ASCII byte `i` (skipped if white space); returns where
/// the next token may start.
#[inline(never)]
fn non_ascii_token(lx: &Lexicon, text: &str, i: usize, lim: usize, pe: usize, out: &mut ParaTokens) -> usize {
    let Some(ch) = text.get(i..pe).and_then(|s| s.chars().next()) else { return i + 1 };
    if ch.is_whitespace() {
        return i + ch.len_utf8();
    }
    let b = text.as_bytes();
    if is_word_char(ch) {
        let s = i;
        let e = word_end(text, i + ch.len_utf8(), lim);
        // a word opening with a non-ASCII letter is no ASCII acronym: its flags stay
        let fl = lx.flags_in(b, s, e);
        out.push_word(Tok { s, e, kind: TK::Word, c: ch, cap: ch.is_uppercase(), fl, q: usize::MAX });
        if e < lim && b.get(e) == Some(&b' ') {
            e + 1
        } else {
            e
        }
    } else {
        let e = i + ch.len_utf8();
        out.push_punct(i, e, ch);
        e
    }
}

#[cfg(test)]
#[path = "engine_tok_tests.rs"]
mod tok_tests;

/// A noun phrase standing as a cue's subject (or inverted after it).
#[derive(Clone, Debug)]
struct Np {
    /// Words the attribution rests on.
    mention: Range<usize>,
    what: NpWhat,
    role: Option<Range<usize>>,
    /// Gender given by an honorific in the phrase.
    gender: Option<Gender>,
}

impl Np {
    /// A common noun phrase over `r`, standing as its own mention.
    fn common(r: Range<usize>) -> Np {
        Np { mention: r.clone(), what: NpWhat::Common(r), role: None, gender: None }
    }
}

#[derive(Clone, Debug)]
enum NpWhat {
    /// A capitalised name (titles stripped).
    Name(Range<usize>),
    /// he / she / they / it
    Pronoun(u32),
    /// I / we / you: never a speaker.
    FirstPerson,
    /// who / which: the antecedent.
    Relative(Option<Box<Np>>),
    /// A common noun phrase ("the source", "officials").
    Common(Range<usize>),
}

#[derive(Clone, Debug)]
struct Found {
    np: Np,
    cue: Range<usize>,
    rule: Rule,
}

struct PersonRec {
    /// The name's words joined by single spaces (they hold no whitespace); for a
    /// common noun phrase its text, as one word. One string, not a vector of
    /// them: an allocation a person instead of one a word and one for the list.
    name: String,
    /// How many words `name` holds.
    nwords: usize,
    kind: MentionKind,
    gender: Option<Gender>,
    role: Option<String>,
    mentions: Vec<Range<usize>>,
    known: Option<String>,
    plural: bool,
    /// A common noun phrase for one person ("a witness", "the spokeswoman"),
    /// whom a pronoun right after may mean.
    one_person: bool,
    /// The [`Ctx::role_referent`] question (its number, see `Registry::asked`)
    /// this person last failed: a person mentioned again in the window is not
    /// asked again. 0: never asked.
    asked: u32,
    last_pos: usize,
}

impl PersonRec {
    /// The name's words, first to last.
    fn words(&self) -> std::str::SplitN<'_, char> {
        self.name.splitn(self.nwords, ' ')
    }

    /// The name's words, last to first.
    fn words_rev(&self) -> std::str::RSplitN<'_, char> {
        self.name.rsplitn(self.nwords, ' ')
    }

    /// Makes `name`, `n` words joined by single spaces, the name of a new record:
    /// one copy, where [`PersonRec::set_words`] sizes and copies word by word.
    fn set_joined(&mut self, name: &str, n: usize) {
        self.name = String::from(name);
        self.nwords = n;
    }

    /// Makes `words` the name, reusing the string (sized once, not grown word by word).
    fn set_words<'w>(&mut self, words: impl Iterator<Item = &'w str> + Clone) {
        let n = words.clone().map(|w| w.len() + 1).sum();
        self.name.clear();
        if self.name.capacity() < n {
            // a new record's empty name (nearly every call): allocated at its size
            // at once, not through `reserve`'s growth path
            self.name = String::with_capacity(n);
        }
        self.nwords = 0;
        for w in words {
            if self.nwords > 0 {
                self.name.push(' ');
            }
            self.name.push_str(w);
            self.nwords += 1;
        }
    }
}

/// Name keys (lower-cased words) -> the people registered under them. The keys
/// live in one arena string and the lists in one vector of links, so a new key
/// allocates nothing of its own (a map of `String` to `Vec` took two
/// allocations and two frees a key, for a dozen names an article).
///
/// A key in the arena may be its ASCII word as written ([`KeyIndex::push_ascii_at`]):
/// keys are compared ignoring ASCII case, which for keys (no ASCII upper case)
/// is comparing the words lower-cased.
#[derive(Default)]
struct KeyIndex {
    /// Hash of a key -> its newest entry with that hash (older ones chain on).
    heads: Heads,
    entries: Vec<KeyEntry>,
    arena: String,
    /// (person, previous link of the same key), newest last.
    links: Vec<(usize, usize)>,
    /// One bit per key hash (a Bloom filter of one function): most words looked
    /// up are no key, and the bit says so without probing the map.
    bloom: [u64; 4],
}

/// Hash -> entry index, open addressing with linear probing: the keys are
/// already hashed, and the general map's probe groups cost more than a dozen
/// names an article need. Kept at most half full, so a miss ends soon.
#[derive(Default)]
struct Heads {
    /// (hash, entry); entry `NO_LINK` marks a free slot. Length a power of two (or 0).
    slots: Vec<(u64, usize)>,
    len: usize,
}

impl Heads {
    fn with_capacity(n: usize) -> Heads {
        Heads { slots: vec![(0, NO_LINK); (2 * n).next_power_of_two()], len: 0 }
    }

    fn clear(&mut self) {
        if self.len != 0 {
            self.slots.fill((0, NO_LINK));
            self.len = 0;
        }
    }

    /// The slot of hash `h`: its own if present, else the free one to take.
    #[inline]
    fn slot(&self, h: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = (h >> 24) as usize & mask;
        loop {
            let (k, e) = *self.slots.get(i)?;
            if e == NO_LINK || k == h {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, h: u64) -> Option<usize> {
        let (_, e) = *self.slots.get(self.slot(h)?)?;
        (e != NO_LINK).then_some(e)
    }

    /// Sets the entry of `h` to `e`; returns the one it replaces, or `NO_LINK`.
    fn insert(&mut self, h: u64, e: usize) -> usize {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let Some(slot) = self.slot(h).and_then(|i| self.slots.get_mut(i)) else {
            return NO_LINK;
        };
        let old = std::mem::replace(slot, (h, e)).1;
        if old == NO_LINK {
            self.len += 1;
        }
        old
    }

    /// Doubles the table (amortised linear, as any growing vector).
    fn grow(&mut self) {
        let n = (2 * self.slots.len()).max(8);
        let old = std::mem::replace(&mut self.slots, vec![(0, NO_LINK); n]);
        for (k, e) in old {
            if e != NO_LINK {
                if let Some(slot) = self.slot(k).and_then(|i| self.slots.get_mut(i)) {
                    *slot = (k, e);
                }
            }
        }
    }
}

struct KeyEntry {
    key: Range<usize>,
    /// Older entry with the same hash.
    next: usize,
    /// Newest link of this key.
    last: usize,
}

const NO_LINK: usize = usize::MAX;

impl KeyIndex {
    fn with_capacity(n: usize) -> KeyIndex {
        KeyIndex {
            heads: Heads::with_capacity(n),
            entries: Vec::with_capacity(n),
            arena: String::with_capacity(n * 8),
            links: Vec::with_capacity(n),
            bloom: [0; 4],
        }
    }

    /// The index emptied, its allocations kept.
    fn emptied(self) -> KeyIndex {
        let KeyIndex { mut heads, mut entries, mut arena, mut links, bloom: _ } = self;
        heads.clear();
        entries.clear();
        arena.clear();
        links.clear();
        KeyIndex { heads, entries, arena, links, bloom: [0; 4] }
    }

    /// The filter's word and bit for hash `h`.
    fn bloom_bit(h: u64) -> (usize, u64) {
        ((h >> 62) as usize, 1 << (h >> 56 & 63))
    }

    /// Whether a key with hash `h` may be in the index (false: it is not).
    fn may_hold(&self, h: u64) -> bool {
        let (w, bit) = KeyIndex::bloom_bit(h);
        self.bloom[w] & bit != 0
    }

    /// The entry of the ASCII word `w` lower-cased, without lower-casing it into a buffer.
    fn entry_ascii(&self, w: &str) -> Option<usize> {
        self.entry_hashed(hash_ascii_lower(w.as_bytes()), w)
    }

    fn entry(&self, key: &str) -> Option<usize> {
        self.entry_hashed(BuildFx.hash_one(key), key)
    }

    /// [`KeyIndex::entry`] of a key whose hash is known: a lower-case key, or
    /// an ASCII word in any case with the [`hash_ascii_lower`] of its lower
    /// case (keys compare ignoring ASCII case). Inlined as far as the filter,
    /// which turns most words away.
    #[inline]
    fn entry_hashed(&self, h: u64, key: &str) -> Option<usize> {
        if !self.may_hold(h) {
            return None;
        }
        self.entry_probed(h, key)
    }

    /// [`KeyIndex::entry_hashed`] past the filter.
    #[inline(never)]
    fn entry_probed(&self, h: u64, key: &str) -> Option<usize> {
        let mut e = self.heads.get(h)?;
        while e != NO_LINK {
            let en = &self.entries[e];
            // an arena key, or the word asked about, may be an ASCII word as
            // written (see the type)
            // (bytes: a range of the arena is a key's, no char boundaries to check)
            if self.arena.as_bytes().get(en.key.clone()).is_some_and(|k| eq_ascii_case(k, key.as_bytes())) {
                return Some(e);
            }
            e = en.next;
        }
        None
    }

    /// The people under `key`, newest first.
    fn people(&self, key: &str) -> impl Iterator<Item = usize> + '_ {
        self.people_at(self.entry(key))
    }

    /// The people under the key of entry `e`, newest first.
    fn people_at(&self, e: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        let mut l = e.map_or(NO_LINK, |e| self.entries[e].last);
        std::iter::from_fn(move || {
            let &(id, prev) = self.links.get(l)?;
            l = prev;
            Some(id)
        })
    }

    /// The person last registered under `key`.
    fn last(&self, key: &str) -> Option<usize> {
        self.people(key).next()
    }

    /// Adds `id` to the people under `key`.
    fn push(&mut self, key: &str, id: usize) {
        self.push_hashed(BuildFx.hash_one(key), key, id);
    }

    /// [`KeyIndex::push`] of a key whose hash is known.
    fn push_hashed(&mut self, h: u64, key: &str, id: usize) {
        self.push_at(h, key, self.entry_hashed(h, key), id);
    }

    /// [`KeyIndex::push_hashed`] of a key whose entry (`entry_hashed(h, key)`)
    /// the caller has just looked up.
    fn push_at(&mut self, h: u64, key: &str, entry: Option<usize>, id: usize) {
        let e = match entry {
            Some(e) => e,
            None => {
                let (w, bit) = KeyIndex::bloom_bit(h);
                self.bloom[w] |= bit;
                let start = self.arena.len();
                self.arena.push_str(key);
                let e = self.entries.len();
                let next = self.heads.insert(h, e);
                self.entries.push(KeyEntry { key: start..self.arena.len(), next, last: NO_LINK });
                e
            }
        };
        self.links.push((id, self.entries[e].last));
        self.entries[e].last = self.links.len() - 1;
    }

    /// [`KeyIndex::push_at`] of the ASCII word `w` whose key is its lower case
    /// (`h` its [`hash_ascii_lower`], `entry` its `entry_hashed`): a new
    /// key is kept as written, neither copied nor lower-cased.
    fn push_ascii_at(&mut self, h: u64, w: &str, entry: Option<usize>, id: usize) {
        debug_assert!(w.is_ascii());
        self.push_at(h, w, entry, id);
    }

    /// [`KeyIndex::push_ascii_at`] of a word not looked up yet.
    fn push_ascii(&mut self, w: &str, id: usize) {
        let h = hash_ascii_lower(w.as_bytes());
        self.push_ascii_at(h, w, self.entry_hashed(h, w), id);
    }
}

#[derive(Default)]
struct Registry {
    people: Vec<PersonRec>,
    by_key: KeyIndex,
    by_first: KeyIndex,
    /// Common noun phrases ([`Registry::register_common`]) by their text
    /// lower-cased: apart from the names' keys, so an ASCII phrase needs no
    /// lower-cased copy with a mark setting it apart from a name.
    by_common: KeyIndex,
    /// (position, person) of mentions outside quotes, in text order.
    mentions: Vec<(usize, usize)>,
    /// Surname key -> full names seen by shape only, to complete one-word
    /// names: indices into `loose_spans`, their spans in the text, not copies
    /// (most are never used). A key index as `by_key` is, not a map of strings
    /// to vectors: a new surname allocates nothing of its own, and a short
    /// ASCII surname's key is hashed from the text as it stands.
    loose: KeyIndex,
    loose_spans: Vec<Range<usize>>,
    /// The caller's canonical name -> the entity its mentions joined.
    by_known: HashMap<String, usize, BuildFx>,
    /// Reused buffers for the keys of the name being registered.
    key_buf: String,
    first_buf: String,
    /// How many [`Ctx::role_referent`] questions the article has asked: the
    /// number of the current one (see [`PersonRec::asked`]).
    asked: u32,
}

/// `s` lower-cased char by char into `out` (cleared first). Names are mostly
/// ASCII, and for ASCII this is the same as the Unicode mapping without its tables.
fn lower_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        // most letters of a name with an accent are ASCII still: those are
        // pushed as bytes, and only the others go through the Unicode tables
        // (through `Extend<char>` a char each was ~100 instructions a letter)
        out.reserve(s.len());
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// `w` without a final possessive ("Ortiz's" -> "Ortiz").
fn possessive_stem(w: &str) -> &str {
    w.strip_suffix("\u{2019}s").or_else(|| w.strip_suffix("'s")).unwrap_or(w)
}

/// `w` without the full stops and commas it ends with ("Jr.," -> "Jr").
fn trim_stops(w: &str) -> &str {
    // both are ASCII: any cut before them is a char boundary
    let n = w.len() - w.bytes().rev().take_while(|&c| c == b'.' || c == b',').count();
    w.get(..n).unwrap_or(w)
}

/// The words of `b` cut at ASCII white space (U+0009..=U+000D and the space,
/// all the white space ASCII has), as byte ranges in order: on ASCII text the
/// words [`str::split_whitespace`] gives, without decoding characters.
fn ascii_words(b: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let space = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        let start = i;
        while i < b.len() && !space(b[i]) {
            i += 1;
        }
        (i > start).then_some(start..i)
    })
}

/// The whitespace-separated words of `s` into `out` (emptied first), as
/// [`str::split_whitespace`] gives them; ASCII text (nearly every name) is cut
/// by bytes without decoding characters.
fn split_words_into<'t>(s: &'t str, out: &mut Vec<&'t str>) {
    out.clear();
    if !s.is_ascii() {
        out.extend(s.split_whitespace());
        return;
    }
    for r in ascii_words(s.as_bytes()) {
        out.extend(s.get(r));
    }
}

/// The words of a plain name (see [`plain_name`]) into `out` (emptied first):
/// cut at each space, one byte test a byte, what [`split_words_into`] gives
/// for it with each word already as [`trim_stops`] and [`possessive_stem`]
/// would leave it.
fn split_plain_into<'t>(s: &'t str, out: &mut Vec<&'t str>) {
    out.clear();
    let mut start = 0;
    for (i, &c) in s.as_bytes().iter().enumerate() {
        if c == b' ' {
            out.extend(s.get(start..i));
            start = i + 1;
        }
    }
    out.extend(s.get(start..));
}

/// Whether the tokens `x` are the words of the name `s` at `r`, one to one:
/// all words, the first starting and the last ending the name, each one space
/// byte after the one before; if so their texts are put into `out` (emptied
/// first; on `false` it holds what it holds). For a plain name (see
/// [`plain_name`]) of as many words they are then what [`split_plain_into`]
/// cuts: its spaces are the gaps, so no token holds one.
fn token_words<'t>(s: &'t str, x: &[Tok], r: &Range<usize>, out: &mut Vec<&'t str>) -> bool {
    out.clear();
    let b = s.as_bytes();
    // where the next word must start, in the text
    let mut at = r.start;
    for t in x {
        if !t.is_word() || t.s != at {
            return false;
        }
        let Some(w) = s.get(t.s.wrapping_sub(r.start)..t.e.wrapping_sub(r.start)) else { return false };
        out.push(w);
        if t.e == r.end {
            break;
        }
        if b.get(t.e.wrapping_sub(r.start)) != Some(&b' ') {
            return false;
        }
        at = t.e + 1;
    }
    out.len() == x.len() && x.last().is_some_and(|t| t.e == r.end)
}

/// For a plain name, ASCII letters, digits and hyphens in words one space
/// apart ("Ana Ortiz", "Jean-Luc Picard"): where its last word starts and how
/// many words it has. Such a name needs no trimming ([`trim_stops`],
/// [`possessive_stem`]) and splits on its spaces as on any white space.
fn plain_name(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let (mut last, mut n) = (0, 1);
    for (i, &c) in b.iter().enumerate() {
        // one table load a byte, the letters (most bytes) decided by it alone
        match NAME_BYTE[usize::from(c)] {
            NameByte::Word => {}
            NameByte::Space => {
                // no space first, last or twice
                if i == last || i + 1 == b.len() {
                    return None;
                }
                last = i + 1;
                n += 1;
            }
            NameByte::Other => return None,
        }
    }
    (!b.is_empty()).then_some((last, n))
}

/// What a byte is to [`plain_name`].
#[derive(Clone, Copy)]
enum NameByte {
    /// An ASCII letter or digit, or a hyphen.
    Word,
    /// The space.
    Space,
    /// Anything else: the name is not plain.
    Other,
}

static NAME_BYTE: [NameByte; 256] = {
    let mut t = [NameByte::Other; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'-' {
            t[c] = NameByte::Word;
        } else if b == b' ' {
            t[c] = NameByte::Space;
        }
        c += 1;
    }
    t
};

fn key_of(w: &str) -> String {
    let w = possessive_stem(w);
    w.to_lowercase()
}

/// [`key_of`] written into `out` (cleared first): no allocation for ASCII words.
/// Inlined: see [`Registry::add_mention`].
#[inline(always)]
fn key_into(w: &str, out: &mut String) {
    out.clear();
    let w = possessive_stem(w);
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else if !w.contains('\u{3a3}') {
        // without a capital sigma (whose lower case depends on its place in
        // the word) `str::to_lowercase` maps char by char: no string of its own
        lower_into(w, out);
    } else {
        out.push_str(&w.to_lowercase());
    }
}

/// `key_of(w) == key` for a `key` made by [`key_of`], without allocating for ASCII words.
fn key_is(w: &str, key: &str) -> bool {
    let w = possessive_stem(w);
    // `key` holds no ASCII upper case, so ignoring ASCII case compares `w` lower-cased
    if w.is_ascii() {
        w.eq_ignore_ascii_case(key)
    } else {
        w.to_lowercase() == key
    }
}

/// `key_of(a) == key_of(b)`, without allocating for ASCII words.
fn same_key(a: &str, b: &str) -> bool {
    let a = possessive_stem(a);
    let b = possessive_stem(b);
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Whether the words `a` end the words `b` (keys compared): "Castro Lima" ends
/// "Helena Castro Lima".
fn ends_name<'x, 'y>(a: impl Iterator<Item = &'x str>, na: usize, b: impl Iterator<Item = &'y str>, nb: usize) -> bool {
    na <= nb && a.zip(b).all(|(x, y)| same_key(x, y))
}

/// The name key of a name's last word as [`Ctx::register_name`] found it: its
/// hash ([`hash_ascii_lower`], the same as `BuildFx`'s of the key) and its
/// entry in `by_key`, handed to [`Registry::register`] so that it neither
/// hashes the key nor probes the index a second time. Only for a plain ASCII
/// last word (no possessive), whose key is its ASCII lower case.
#[derive(Clone, Copy, Debug)]
struct LastKey {
    hash: u64,
    entry: Option<usize>,
}

impl Registry {
    /// An empty registry sized for a typical article (a dozen or two names), so
    /// its maps do not rehash as the first names arrive.
    fn with_capacity() -> Registry {
        Registry {
            people: Vec::with_capacity(32),
            by_key: KeyIndex::with_capacity(32),
            by_first: KeyIndex::with_capacity(32),
            by_common: KeyIndex::with_capacity(16),
            mentions: Vec::with_capacity(64),
            loose: KeyIndex::with_capacity(16),
            loose_spans: Vec::with_capacity(16),
            ..Registry::default()
        }
    }

    /// The registry emptied, its allocations kept for the next article. Every
    /// field is named, so a new one cannot be forgotten here.
    fn emptied(self) -> Registry {
        let Registry {
            mut people,
            by_key,
            by_first,
            by_common,
            mut mentions,
            loose,
            mut loose_spans,
            mut by_known,
            key_buf,
            first_buf,
            asked: _,
        } = self;
        people.clear();
        mentions.clear();
        loose_spans.clear();
        by_known.clear();
        Registry {
            people,
            by_key: by_key.emptied(),
            by_first: by_first.emptied(),
            by_common: by_common.emptied(),
            mentions,
            loose: loose.emptied(),
            loose_spans,
            by_known,
            key_buf,
            first_buf,
            asked: 0,
        }
    }

    /// Whether the allocations are small enough to keep between articles (an
    /// outsized article's buffers are freed, not held by the thread).
    fn small(&self) -> bool {
        self.people.capacity() <= SCRATCH_KEEP
            && self.mentions.capacity() <= SCRATCH_KEEP
            && self.by_key.links.capacity() <= SCRATCH_KEEP
            && self.by_key.heads.slots.len() <= SCRATCH_KEEP * 2
            && self.by_first.heads.slots.len() <= SCRATCH_KEEP * 2
            && self.by_first.links.capacity() <= SCRATCH_KEEP
            && self.by_key.arena.capacity() <= SCRATCH_KEEP * 16
            && self.by_first.arena.capacity() <= SCRATCH_KEEP * 16
            && self.by_common.links.capacity() <= SCRATCH_KEEP
            && self.by_common.heads.slots.len() <= SCRATCH_KEEP * 2
            && self.by_common.arena.capacity() <= SCRATCH_KEEP * 16
            && self.loose.links.capacity() <= SCRATCH_KEEP
            && self.loose.heads.slots.len() <= SCRATCH_KEEP * 2
            && self.loose.arena.capacity() <= SCRATCH_KEEP * 16
            && self.loose_spans.capacity() <= SCRATCH_KEEP
            && self.by_known.capacity() <= SCRATCH_KEEP
    }

    /// Registers a name (its words) mentioned at `span`; returns the person.
    /// `last_key`: the key of the last word as the caller already looked it up;
    /// `joined`: `words` joined by single spaces, when the caller has that text.
    // the name's facts one by one: a struct for them would be built at each call for one use
    // inlined into its one hot caller, `Ctx::register_name` (about 19,000
    // calls on the bench corpus), which hands it eight arguments
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn register(
        &mut self,
        words: &[&str],
        joined: Option<&str>,
        span: Range<usize>,
        kind: MentionKind,
        gender: Option<Gender>,
        role: Option<&str>,
        known: Option<&str>,
        last_key: Option<LastKey>,
    ) -> usize {
        let Some(last) = words.last() else { return usize::MAX };
        debug_assert!(joined.map_or(true, |j| j.split(' ').eq(words.iter().copied())), "{joined:?} {words:?}");
        let mut key = std::mem::take(&mut self.key_buf);
        let mut first = std::mem::take(&mut self.first_buf);
        // a plain name's words are ASCII letters, digits and hyphens (see
        // `plain_name`), each its own key lower-cased: hashed, looked up and
        // compared as they are, lower-cased only into the index's arena
        let plain = joined.is_some() && last_key.is_some();
        if !plain {
            key_into(last, &mut key);
            if words.len() == 1 {
                first.clone_from(&key);
            } else {
                key_into(words[0], &mut first);
            }
        }
        // the caller's hash and entry of the key, when it had them, are not looked up again
        let key_hash = last_key.map_or_else(|| BuildFx.hash_one(key.as_str()), |lk| lk.hash);
        let mut best: Option<usize> = known.and_then(|k| self.by_known.get(k).copied());
        // the key's entry in `by_key`, once looked up (nothing adds to `by_key` until the push below)
        let mut key_entry = None;
        if best.is_none() {
            let entry = last_key.map_or_else(|| self.by_key.entry_hashed(key_hash, &key), |lk| lk.entry);
            key_entry = Some(entry);
            for c in self.by_key.people_at(entry) {
                let p = &self.people[c];
                // "Castro Lima" is "Helena Castro Lima": one name ends the other
                let compatible = words.len() == 1
                    || p.nwords == 1
                    || p.words().next().is_some_and(|w| if plain { same_key(w, words[0]) } else { key_is(w, &first) })
                    || ends_name(words.iter().rev().copied(), words.len(), p.words_rev(), p.nwords)
                    || ends_name(p.words_rev(), p.nwords, words.iter().rev().copied(), words.len());
                let g_ok = gender.is_none() || p.gender.is_none() || gender == p.gender;
                if compatible && g_ok && best.map_or(true, |b| self.people[b].last_pos < p.last_pos) {
                    best = Some(c);
                }
            }
        }
        if best.is_none() && words.len() == 1 {
            // the latest mentioned; of equals, the last registered
            let entry = if plain {
                self.by_first.entry_hashed(key_hash, last)
            } else {
                self.by_first.entry_hashed(key_hash, &key)
            };
            for c in self.by_first.people_at(entry) {
                if best.map_or(true, |b| self.people[c].last_pos > self.people[b].last_pos) {
                    best = Some(c);
                }
            }
        }
        let id = match best {
            Some(id) => {
                let p = &mut self.people[id];
                if words.len() > p.nwords {
                    p.set_words(words.iter().copied());
                    if plain {
                        self.by_first.push_ascii(words[0], id);
                    } else {
                        self.by_first.push(&first, id);
                    }
                }
                if p.gender.is_none() {
                    p.gender = gender;
                }
                if p.role.is_none() {
                    p.role = role.map(str::to_string);
                }
                if p.kind == MentionKind::Other
                    || p.kind == MentionKind::Person && kind == MentionKind::Organization && p.gender.is_none()
                {
                    p.kind = kind;
                }
                // the caller's name copied only where it is kept: most mentions
                // of a known entity find it holding its name already
                if p.known.is_none() && p.kind == kind {
                    if let Some(k) = known {
                        self.by_known.insert(k.to_string(), id);
                        p.known = Some(k.to_string());
                    }
                }
                id
            }
            None => {
                let id = self.people.len();
                if words.len() > 1 {
                    if plain {
                        self.by_first.push_ascii(words[0], id);
                    } else {
                        self.by_first.push(&first, id);
                    }
                }
                match (key_entry, plain) {
                    (Some(entry), true) => self.by_key.push_ascii_at(key_hash, last, entry, id),
                    (None, true) => {
                        self.by_key.push_ascii_at(key_hash, last, self.by_key.entry_hashed(key_hash, last), id)
                    }
                    (Some(entry), false) => self.by_key.push_at(key_hash, &key, entry, id),
                    (None, false) => self.by_key.push_hashed(key_hash, &key, id),
                }
                if let Some(k) = known {
                    self.by_known.insert(k.to_string(), id);
                }
                let mut p = PersonRec {
                    name: String::new(),
                    nwords: 0,
                    kind,
                    gender,
                    role: role.map(str::to_string),
                    // room for a few mentions from the start, without a trip through `Vec`'s growth path
                    mentions: Vec::with_capacity(4),
                    known: known.map(str::to_string),
                    plural: false,
                    one_person: false,
                    asked: 0,
                    last_pos: 0,
                };
                match joined {
                    Some(name) => p.set_joined(name, words.len()),
                    None => p.set_words(words.iter().copied()),
                }
                self.people.push(p);
                id
            }
        };
        self.key_buf = key;
        self.first_buf = first;
        self.add_mention(id, span);
        id
    }

    // inlined (as the other helpers of the name, cue and registry passes
    // marked so): called thousands of times an article batch from a few
    // places, where the call and the arguments' moves cost more than the
    // body's work and the caller's context lets the body fold. Each was kept
    // only if forcing it cut the count of the release build (fat LTO,
    // callgrind, bench corpus); forcing `cue_word_at`, `np_after`,
    // `push_at`, `cue_in_left` or `apposition_role` raised it
    // (`apposition_role` by 0.2 M, the others by 0.2 to 2.3 M)
    #[inline(always)]
    fn add_mention(&mut self, id: usize, span: Range<usize>) {
        let p = &mut self.people[id];
        if p.mentions.last().is_some_and(|m| m.start == span.start) {
            return;
        }
        p.last_pos = p.last_pos.max(span.start);
        p.mentions.push(span.clone());
        let pos = span.start;
        // mentions arrive nearly sorted (most go at the end); keep the vector sorted
        match self.mentions.last() {
            // at the end: a push, not an insert
            Some(&(p, i)) if p < pos || p == pos && i != id => self.mentions.push((pos, id)),
            None => self.mentions.push((pos, id)),
            Some(&(p, _)) if p == pos => {}
            Some(_) => {
                let at = self.mentions.partition_point(|&(p, _)| p <= pos);
                if self.mentions.get(at.wrapping_sub(1)).is_some_and(|&(p, i)| p == pos && i == id) {
                    return;
                }
                self.mentions.insert(at, (pos, id));
            }
        }
    }

    /// A common noun phrase or group as a "person" (one per distinct text).
    /// `one_person` and `gender`: see [`PersonRec`]; for a new one only.
    fn register_common(
        &mut self,
        text: &str,
        span: Range<usize>,
        plural: bool,
        one_person: bool,
        gender: Option<Gender>,
    ) -> usize {
        // the key is the text lower-cased: an ASCII text (nearly all) as it
        // stands, hashed as its lower case (keys compare ignoring ASCII case),
        // any other lower-cased into the reused buffer
        let mut buf = std::mem::take(&mut self.key_buf);
        let (h, key) = if text.is_ascii() {
            (hash_ascii_lower(text.as_bytes()), text)
        } else {
            buf.clear();
            buf.push_str(&text.to_lowercase());
            (BuildFx.hash_one(buf.as_str()), buf.as_str())
        };
        // hashed and looked up once, for the test and for a new key's push
        let entry = self.by_common.entry_hashed(h, key);
        let found = self.by_common.people_at(entry).next();
        let id = if let Some(id) = found {
            id
        } else {
            let id = self.people.len();
            self.people.push(PersonRec {
                name: text.to_string(),
                nwords: 1,
                kind: MentionKind::Other,
                gender,
                role: None,
                // room for its first mentions, without a trip through `Vec`'s growth path
                mentions: Vec::with_capacity(2),
                known: None,
                plural,
                one_person,
                asked: 0,
                last_pos: 0,
            });
            self.by_common.push_at(h, key, entry, id);
            id
        };
        self.key_buf = buf;
        self.add_mention(id, span);
        id
    }

    /// The nearest person mentioned before `pos` in `text` fitting the pronoun.
    /// Inlined: see [`Registry::add_mention`].
    #[inline(always)]
    fn resolve(&self, text: &str, pos: usize, pron: u32) -> Option<usize> {
        let at = self.mentions.partition_point(|&(p, _)| p < pos);
        // a person whose gender is known to fit, among the recent mentions, first
        let want = if pron & f::PRON_M != 0 {
            Some(Gender::Male)
        } else if pron & f::PRON_F != 0 {
            Some(Gender::Female)
        } else {
            None
        };
        if want.is_some() {
            let mut first_person = true;
            for &(named_at, id) in self.mentions[..at].iter().rev().take(GENDER_WINDOW) {
                let p = &self.people[id];
                // a speaker a common noun names ("a witness told the BBC"), the
                // last person mentioned, of no other gender, and in an earlier
                // sentence: in its own ("A source said he could not ...") the
                // pronoun is mostly someone else
                if first_person
                    && p.one_person
                    && (p.gender.is_none() || p.gender == want)
                    && text.get(named_at..pos).is_some_and(|between| between.contains(['.', '?', '!', '\n']))
                {
                    return Some(id);
                }
                if p.kind != MentionKind::Person {
                    continue;
                }
                // the person just named in full, of unknown gender, before an older fit
                if p.gender == want || first_person && p.gender.is_none() && p.nwords >= 2 {
                    return Some(id);
                }
                first_person = false;
            }
        }
        for &(_, id) in self.mentions[..at].iter().rev().take(PRONOUN_WINDOW) {
            let p = &self.people[id];
            let fits = if pron & f::PRON_M != 0 {
                p.kind == MentionKind::Person && p.gender != Some(Gender::Female)
            } else if pron & f::PRON_F != 0 {
                p.kind == MentionKind::Person && p.gender != Some(Gender::Male)
            } else if pron & f::PRON_P != 0 {
                p.plural || p.kind == MentionKind::Organization
            } else {
                !p.plural && matches!(p.kind, MentionKind::Organization | MentionKind::Place | MentionKind::Other)
            };
            if fits {
                return Some(id);
            }
        }
        None
    }
}

/// Per-quotation state gathered while reading the paragraphs.
#[derive(Clone, Debug, Default)]
struct QState {
    left: Option<Found>,
    /// Sentence-level: nothing of the reporter's sentence before it.
    starts_sentence: bool,
    /// The reporter's sentence continues after it (other than a cue).
    partial: bool,
    transcript: Option<Range<usize>>,
    /// (person, mention, role) once resolved.
    speaker: Option<(usize, Range<usize>, Option<String>)>,
    cue: Option<Range<usize>>,
    rule: Option<Rule>,
    /// A cue was found but gives no speaker (I/we, unresolved): no continuation.
    blocked: bool,
    /// Looks like a title ("Fox and Friends", 'All Bets Are Off.') outside a headline.
    title: bool,
}

struct Ctx<'a> {
    /// The current paragraph is a title-case headline ("Mayor Says Bridge Will Reopen").
    headline: bool,
    /// Reused buffer for lower-casing.
    scratch: String,
    /// Reused buffer for the words of a name being registered.
    name_words: Vec<&'a str>,
    /// What [`Ctx::register_paragraph`] found out about each name it
    /// registered in the current paragraph, in text order: a quote's speaker
    /// is most often one of them, and [`Ctx::resolve`] registers it again.
    named: Vec<NameFacts<'a>>,
    lx: &'a Lexicon,
    text: &'a str,
    known: &'a [KnownMention<'a>],
    reg: Registry,
}

/// Facts of the name at `r` that depend on its text alone (and on the
/// caller's mentions, fixed for the article), kept by [`Ctx::register_name`]
/// for the paragraph's names: registering the name again (as a quote's
/// speaker) reads them back instead of scanning and hashing its bytes and
/// searching the caller's mentions once more.
#[derive(Clone, Copy)]
struct NameFacts<'a> {
    r: (usize, usize),
    /// [`plain_name`] of the text.
    plain: Option<(usize, usize)>,
    /// The plain name's last-word key: its hash and, once it has one, its
    /// entry in the registry's `by_key`.
    key: Option<LastKey>,
    /// [`Ctx::known_at`] of `r`.
    known: Option<&'a KnownMention<'a>>,
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.s..t.e).unwrap_or("")
}

/// Whether the token is the ASCII word `w` (not empty) in any case: `word(text,
/// t).eq_ignore_ascii_case(w)` read from the bytes, the length first, where the
/// slice of the `str` checked both ends for a char boundary at every test (an
/// ASCII match lies on boundaries anyway, and a token's span always does):
/// 3.4 M instructions fewer on the bench corpus (callgrind), most of them in
/// the indirect-quote pass.
#[inline]
fn word_is(text: &str, t: &Tok, w: &str) -> bool {
    t.e.wrapping_sub(t.s) == w.len()
        && text.as_bytes().get(t.s..t.e).is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether the token is exactly the ASCII word `w` (not empty): `word(text, t)
/// == w`, from the bytes (see [`word_is`]).
#[inline]
fn word_eq(text: &str, t: &Tok, w: &str) -> bool {
    t.e.wrapping_sub(t.s) == w.len() && text.as_bytes().get(t.s..t.e) == Some(w.as_bytes())
}

/// Whether `w` lower-cased (ASCII) is one of `list` (lower-case words), without
/// a lower-cased copy.
fn is_one_of(w: &str, list: &[&str]) -> bool {
    list.iter().any(|c| w.eq_ignore_ascii_case(c))
}

/// A word ending in a possessive "'s" (straight or curly apostrophe), read as
/// bytes: no char-boundary checks for a test made on most words of a run, and
/// most are turned away by their last byte.
fn possessive(text: &str, x: &Tok) -> bool {
    let b = text.as_bytes();
    x.is_word()
        && b.get(x.e.wrapping_sub(1)) == Some(&b's')
        && b.get(x.s..x.e).is_some_and(|w| w.ends_with(b"'s") || w.ends_with("\u{2019}s".as_bytes()))
}

fn honorific_gender(t: &Tok) -> Option<Gender> {
    if t.has(f::HON_M) {
        Some(Gender::Male)
    } else if t.has(f::HON_F) {
        Some(Gender::Female)
    } else {
        None
    }
}

impl<'a> Ctx<'a> {
    /// The `by_key` entry of `word` lower-cased char by char (as [`lower_into`]
    /// does); ASCII words are compared without being copied. Inlined: see
    /// [`Registry::add_mention`].
    #[inline(always)]
    fn key_entry(&mut self, word: &str) -> Option<usize> {
        if word.is_ascii() {
            return self.reg.by_key.entry_ascii(word);
        }
        lower_into(word, &mut self.scratch);
        self.reg.by_key.entry(&self.scratch)
    }

    /// Is the word at `k` a usable cue? Returns (last token of the cue, class flags).
    #[inline]
    fn cue_at(&self, t: &[Tok], k: usize, hi: usize) -> Option<(usize, u32)> {
        // most tokens are no cue word: decided without a call (the checks below need one)
        if t[k].fl & (f::CUE | f::MULTI) == 0 {
            return None;
        }
        self.cue_word_at(t, k, hi)
    }

    /// [`Ctx::cue_at`] for a token carrying a cue flag.
    fn cue_word_at(&self, t: &[Tok], k: usize, hi: usize) -> Option<(usize, u32)> {
        let tk = &t[k];
        // a capitalised cue word is a name ("Said", "Price"), except in a headline
        let sentence_start = k == 0 || t[k - 1].is_term() || t[k - 1].kind == TK::Quote;
        if tk.kind != TK::Word || tk.cap && !(self.headline && k > 0) && !sentence_start {
            return None;
        }
        if tk.fl & (f::CUE | f::MULTI) == 0 {
            return None;
        }
        if self.state_adjective(t, k) {
            return None;
        }
        // after a determiner or a possessive it is a noun ("the report", "Reilly's
        // plan"); a number after "of" ends a noun phrase ("a mother of three said")
        if k > 0
            && t[k - 1].has(f::DET)
            && !word_is(self.text, &t[k - 1], "that")
            && !self.numeral_after_of(t, k - 1)
            && !self.floating_quantifier(t, k - 1)
        {
            return None;
        }
        if k > 0 && possessive(self.text, &t[k - 1]) {
            return None;
        }
        // ... and after a number or a modifier in -ing or -est: "1995 state
        // income tax", "disparaging remarks", "the following comment", "his
        // latest remarks" (a past tense or a participle is read as a verb)
        if k > 0 && tk.fl & f::PARTICIPLE == 0 && self.modifies_noun(&t[k - 1]) && !self.past_form(tk) {
            return None;
        }
        // ... and a base form after "a"/"an" and one modifier: "a controversial
        // comment", "an angry reply" (a singular subject would take "-s")
        if k > 1
            && tk.fl & f::BASE != 0
            && (word_is(self.text, &t[k - 2], "a") || word_is(self.text, &t[k - 2], "an"))
            && t[k - 1].is_word()
            && !t[k - 1].cap
            && t[k - 1].fl & (f::STOP | f::CUE | f::ADV | f::PRON | f::BE) == 0
            && !self.text.as_bytes().get(t[k - 1].s..t[k - 1].e).is_some_and(|w| w.ends_with(b"s"))
        {
            return None;
        }
        if k > 0 && t[k - 1].has(f::BE) && tk.fl & f::PARTICIPLE == 0 {
            return None; // passive: "it was said"
        }
        // before a form of "be" after a lower-case word it is a noun, that
        // verb's subject ("the suing states were", "federal claims are"); after
        // a pronoun or a name it is a verb whose content is the "be" clause
        // ("which he said were at his side")
        if k + 1 < hi
            && t[k + 1].has(f::BE)
            && !t[k + 1].cap
            && k > 0
            && t[k - 1].is_word()
            && !t[k - 1].cap
            && !t[k - 1].has(f::PRON | f::PRON_1)
        {
            return None;
        }
        if tk.fl & f::MULTI != 0 {
            for m in self.lx.multi(word(self.text, tk).as_bytes()) {
                let n = m.rest.len();
                if k + n < hi
                    && m.rest.iter().enumerate().all(|(j, r)| {
                        let x = &t[k + 1 + j];
                        x.kind == TK::Word
                            && word(self.text, x).eq_ignore_ascii_case(std::str::from_utf8(r).unwrap_or(""))
                    })
                {
                    return Some((k + n, m.class | (tk.fl & f::PARTICIPLE)));
                }
            }
        }
        if tk.fl & f::CUE != 0 {
            if tk.fl & f::BASE != 0 && tk.fl & f::CUE_S == 0 && k > 0 && !t[k - 1].has(f::PRON | f::PRON_1 | f::ADV) {
                // base form of a belief/evaluation verb: needs a pronoun or an auxiliary
                let prev = word(self.text, &t[k - 1]);
                if !prev.eq_ignore_ascii_case("to") && !prev.ends_with('s') {
                    return None;
                }
            }
            return Some((k, tk.fl & (f::CUE | f::PARTICIPLE)));
        }
        None
    }

    /// Whether the word `x` before a cue word makes that word a noun: a number,
    /// or a lower-case modifier in -ing or -est that is no cue or pronoun itself.
    fn modifies_noun(&self, x: &Tok) -> bool {
        if x.kind != TK::Word {
            return false;
        }
        if x.c.is_ascii_digit() {
            return true;
        }
        let w = self.text.as_bytes().get(x.s..x.e).unwrap_or(b"");
        !x.cap
            && x.fl & (f::CUE | f::PRON | f::PRON_1 | f::REL | f::MULTI) == 0
            && w.len() > 5
            && (w.ends_with(b"ing") || w.ends_with(b"est"))
    }

    /// Whether a cue word is a past form ("-ed", or irregular: "told", "wrote"):
    /// no noun shares it.
    fn past_form(&self, x: &Tok) -> bool {
        x.fl & f::BASE == 0 && !self.text.as_bytes().get(x.s..x.e).is_some_and(|w| w.ends_with(b"s"))
    }

    /// Capitalised name run ending just before `end` (exclusive), not before `lo`.
    /// Returns (start of run incl. titles, start of the name proper, gender).
    /// Inlined: see [`Registry::add_mention`] (2 M instructions on the bench corpus).
    #[inline(always)]
    fn name_run_before(&self, t: &[Tok], end: usize, lo: usize) -> Option<(usize, usize)> {
        let mut j = end;
        while j > lo {
            let x = &t[j - 1];
            if self.headline && x.has(f::CUE | f::MULTI) {
                break;
            }
            if x.is_word() && x.cap {
                j -= 1;
                continue;
            }
            // particles between capitalised words: "Luiz da Silva", and up to
            // three in a row: "Ursula von der Leyen", "Maria de la Cruz"
            if x.is_word() && x.has(f::PARTICLE) && !x.cap && j - 1 > lo && j < end {
                let mut k = j - 1;
                while k > lo && j - k < 3 && t[k - 1].is_word() && t[k - 1].has(f::PARTICLE) && !t[k - 1].cap {
                    k -= 1;
                }
                if k > lo && t[k - 1].is_word() && t[k - 1].cap {
                    j = k;
                    continue;
                }
            }
            // "Ministry of Agriculture", "Bank of Zambia"; not "Governor of Texas X"
            if x.is_word()
                && word_eq(self.text, x, "of")
                && j - 1 > lo
                && j < end
                && t[j].is_word()
                && t[j].cap
                && t[j - 2].is_word()
                && t[j - 2].cap
                && !t[j - 2].has(f::TITLE | f::HON | f::STOP | f::TIME)
                && org_head(self.text, t, j - 1)
            {
                j -= 1;
                continue;
            }
            if j < end && self.and_in_org(t, j - 1, lo) {
                j -= 1;
                continue;
            }
            if x.is_p('.') && j - 1 > lo && j < end {
                let y = &t[j - 2];
                if y.is_word() && y.cap && (y.has(f::ABBREV | f::HON | f::TITLE) || y.e - y.s == 1) {
                    j -= 1;
                    continue;
                }
            }
            break;
        }
        if j == end {
            return None;
        }
        // strip leading stop words ("But", "The") and split off titles; a
        // capitalised "New" before a further capitalised word opens a name
        // ("New York Times", "New Jersey")
        let mut s = j;
        while s < end && (t[s].has(f::STOP) && !self.new_opens_name(t, s, end) || t[s].is_p('.')) {
            s += 1;
        }
        // titles end before the run's last word: "King" and "Major" are surnames too
        let mut name = s;
        // after an organisation's "of" a title word is part of the name
        // ("Department of Health and Social Care"), until a possessive ends it
        // ("Bank of England's Governor ...")
        let mut org_tail = false;
        for k in s..end.saturating_sub(1) {
            let x = &t[k];
            match x.kind {
                TK::Word => {
                    if !x.cap && word_eq(self.text, x, "of") {
                        org_tail = true;
                    }
                    if !org_tail && x.fl & (f::TITLE | f::HON) != 0 {
                        name = k + 1;
                    }
                    // "Ethiopia's Ministry of Agriculture": the possessor is no part of the name
                    if possessive(self.text, x) {
                        name = k + 1;
                        org_tail = false;
                    }
                }
                TK::Punct if x.c == '.' => name = k + 1,
                _ => {}
            }
        }
        // the name proper must hold a capitalised word that is not a time word
        let ok = (name..end).any(|k| t[k].is_word() && t[k].cap && !t[k].has(f::TIME | f::STOP));
        if !ok || self.shouted(t, s, end) {
            if s < end && (s..end).any(|k| t[k].has(f::TITLE)) {
                return Some((s, end)); // title only: "the President said"
            }
            return None;
        }
        Some((s, name))
    }

    /// Whether t[s] is a capitalised "New" that a capitalised content word
    /// before `end` follows: a name's first word ("New York", "New Delhi"),
    /// where elsewhere "new" is a function word.
    fn new_opens_name(&self, t: &[Tok], s: usize, end: usize) -> bool {
        t[s].cap
            && s + 1 < end
            && t[s + 1].is_word()
            && t[s + 1].cap
            && !t[s + 1].has(f::STOP)
            && word_is(self.text, &t[s], "New")
    }

    /// Whether t[s..end) is a heading in capitals rather than a name: three
    /// words or more, all in capitals, one of them a function word as the
    /// lexicon has it ("CONGRESS HAS INVESTIGATED HIM --", "THE LATEST ON
    /// THE STORM"). Acronyms lose their function-word flags when tokenized
    /// ("The WHO said"), so the words are looked up again as written; only
    /// runs of three capitalised words get that far. Inlined: asked of
    /// nearly every name run, most of them too short for it to read a token.
    #[inline(always)]
    fn shouted(&self, t: &[Tok], s: usize, end: usize) -> bool {
        let b = self.text.as_bytes();
        let upper = |x: &Tok| x.is_word() && b.get(x.s..x.e).is_some_and(|w| w.iter().all(|c| !c.is_ascii_lowercase()));
        end >= s + 3
            && t[s..end].iter().filter(|x| x.is_word()).count() >= 3
            && t[s..end].iter().all(|x| !x.is_word() || upper(x))
            && t[s..end].iter().any(|x| {
                x.is_word()
                    && b.get(x.s..x.e)
                        .is_some_and(|w| self.lx.flags(w) & (f::STOP | f::BE | f::DET | f::ADV | f::PRON) != 0)
            })
    }

    /// Whether the "and" at `a` joins two parts of an organisation's name after
    /// its "of" ("Department of Health and Human Services", "Federation of
    /// Manufacturers and Associations"): the words back to that "of" are
    /// capitalised (a few at most), a capitalised word follows, and the "of"
    /// itself joins an organisation's name.
    #[inline]
    fn and_in_org(&self, t: &[Tok], a: usize, lo: usize) -> bool {
        // most calls are at the end of a run: one length test turns them away
        let x = &t[a];
        x.e - x.s == 3 && x.is_word() && self.and_in_org_slow(t, a, lo)
    }

    fn and_in_org_slow(&self, t: &[Tok], a: usize, lo: usize) -> bool {
        let x = &t[a];
        if self.text.as_bytes().get(x.s..x.e) != Some(b"and".as_slice()) {
            return false;
        }
        if !t.get(a + 1).is_some_and(|n| n.is_word() && n.cap) {
            return false;
        }
        let mut m = a;
        while m > lo && a - m < 6 && t[m - 1].is_word() && t[m - 1].cap {
            m -= 1;
        }
        m < a
            && m >= lo + 2
            && t[m - 1].is_word()
            && word_eq(self.text, &t[m - 1], "of")
            && t[m - 2].is_word()
            && t[m - 2].cap
            && !t[m - 2].has(f::TITLE | f::HON | f::STOP | f::TIME)
            && org_head(self.text, t, m - 1)
    }

    /// Builds a name NP from a run [s, name) titles + [name, end) name.
    /// Inlined: see [`Registry::add_mention`].
    #[inline(always)]
    fn name_np(&self, t: &[Tok], s: usize, name: usize, end: usize, role_lo: usize) -> Np {
        // a plural noun for a group of people, capitalised because it opens the
        // sentence ("Economists said", "Officials expect"): a group, not a name
        if end == name + 1 && s == name && t[name].has(f::GROUP) {
            return Np::common(t[name].s..t[name].e);
        }
        let mut gender = None;
        for x in &t[s..name] {
            gender = gender.or(honorific_gender(x));
        }
        // role: lower-case words before the titles, back to a determiner
        let mut r = s;
        let mut n = 0;
        while r > role_lo && n < 5 {
            let x = &t[r - 1];
            if !x.is_word() || x.has(f::DET | f::STOP | f::CUE | f::PRON | f::PRON_1) || x.cap && x.has(f::TIME) {
                break;
            }
            r -= 1;
            n += 1;
        }
        let role_start = r;
        let role = if role_start < name && (role_start..name).any(|k| t[k].is_word() && !t[k].has(f::HON)) {
            let rs = (role_start..name).find(|&k| !t[k].has(f::HON) && t[k].is_word()).unwrap_or(role_start);
            let mut re = name;
            while re > rs && !t[re - 1].is_word() {
                re -= 1;
            }
            if re > rs {
                Some(t[rs].s..t[re - 1].e)
            } else {
                None
            }
        } else {
            None
        };
        if name >= end {
            return Np {
                mention: t[s].s..t[end - 1].e,
                what: NpWhat::Common(t[s].s..t[end - 1].e),
                role: None,
                gender,
            };
        }
        Np { mention: t[s].s..t[end - 1].e, what: NpWhat::Name(t[name].s..t[end - 1].e), role, gender }
    }

    /// Whether `x` opens a relative clause set off by commas: "who", "which",
    /// "whose" ("that" is not set off by commas).
    fn opens_relative(&self, x: &Tok) -> bool {
        x.is_word() && !x.cap && is_one_of(word(self.text, x), &["who", "which", "whose"])
    }

    /// The role in the apposition t[a..b] set off by commas after a name:
    /// none for a clause ("NAME, who leads the panel, said") or an age
    /// ("NAME, 62, said").
    fn role_between(&self, t: &[Tok], a: usize, b: usize) -> Option<Range<usize>> {
        if a >= b || self.opens_clause(&t[a]) || b == a + 1 && t[a].c.is_ascii_digit() {
            return None;
        }
        Some(t[a].s..t[b - 1].e)
    }

    /// The apposition after an inverted speaker's name ending at `e`: ", the
    /// mayor" or ", a spokesman for the port" closing the sentence or set off
    /// by a further comma. A phrase opened by a determiner, up to ten words, with
    /// no verb or pronoun in it.
    fn role_after(&self, t: &[Tok], e: usize, hi: usize) -> Option<Range<usize>> {
        let first = t.get(e + 1).filter(|x| e + 1 < hi && t[e].is_p(',') && x.has(f::DET) && !x.cap)?;
        let lim = hi.min(e + 12);
        let m = (e + 1..lim).find(|&m| !t[m].is_word()).unwrap_or(lim);
        let closes = m >= hi || t[m].is_term() || t[m].is_p(',') || t[m].kind == TK::Quote;
        let plain = t[e + 2..m].iter().all(|x| !x.has(f::CUE | f::BE | f::PRON | f::PRON_1 | f::REL));
        (closes && m > e + 2 && plain).then(|| first.s..t[m - 1].e)
    }

    /// Whether `x` opens a clause set off by commas after a subject: a
    /// relative ("the senator, who leads the panel, said") or a participle
    /// ("the minister, speaking to reporters, said"; "the report, published on
    /// Monday, said").
    fn opens_clause(&self, x: &Tok) -> bool {
        if self.opens_relative(x) {
            return true;
        }
        let w = word(self.text, x);
        x.is_word()
            && !x.cap
            && w.len() > 4
            && (w.ends_with("ing") || w.ends_with("ed"))
            && x.fl & (f::STOP | f::DET | f::BE | f::ADV | f::PRON) == 0
    }

    /// The subject noun phrase ending just before token `c` (a cue).
    fn np_before(&self, t: &[Tok], c: usize, lo: usize, depth: u8) -> Option<Np> {
        let mut k = c;
        let mut skipped = 0;
        while k > lo && skipped < 5 {
            let x = &t[k - 1];
            if x.is_word() && !x.cap && x.has(f::ADV) {
                k -= 1;
                skipped += 1;
                continue;
            }
            // an -ly adverb off the list ("Reid frequently mocked"); after a
            // determiner or a possessive it is a noun ("the family said")
            if x.is_word()
                && !x.cap
                && x.e - x.s >= 5
                && word(self.text, x).ends_with("ly")
                && x.fl & (f::CUE | f::STOP) == 0
                && k - 1 > lo
                && !t[k - 2].has(f::DET)
                && !["'s", "s'", "\u{2019}s"].iter().any(|p| word(self.text, &t[k - 2]).ends_with(p))
            {
                k -= 1;
                skipped += 1;
                continue;
            }
            // a floating quantifier after its subject: "X and Y both said",
            // "they all said" (not a determiner: a cue after one is a noun)
            if x.is_word() && !x.cap && k == c && k - 1 > lo && self.floating_quantifier(t, k - 1) {
                k -= 1;
                skipped += 1;
                continue;
            }
            if x.is_word() && x.c.is_ascii_digit() && k - 1 > lo && word_eq(self.text, &t[k - 2], "in") {
                k -= 2; // "who in 2010 said"
                skipped += 1;
                continue;
            }
            if x.is_word() && x.has(f::TIME) {
                k -= 1;
                skipped += 1;
                if k > lo && is_one_of(word(self.text, &t[k - 1]), &["on", "last", "this", "early", "late", "on the"]) {
                    k -= 1;
                }
                continue;
            }
            break;
        }
        if k <= lo {
            return None;
        }
        let x = t[k - 1];
        if x.is_p(')') {
            let mut j = k - 1;
            let stop = j.saturating_sub(10).max(lo);
            while j > stop && !t[j].is_p('(') {
                j -= 1;
            }
            if t[j].is_p('(') && j > lo {
                return self.np_before(t, j, lo, depth);
            }
            return None;
        }
        if x.is_dash() && depth < 2 {
            // a long apposition set off by dashes: "NAME, the chief executive of X --
            // the company that ... -- told me": the name before the opening dash
            let mut j = k - 1;
            while j > lo && t[j - 1].is_dash() {
                j -= 1;
            }
            let stop = j.saturating_sub(40).max(lo);
            while j > stop && !t[j - 1].is_dash() {
                j -= 1;
                if t[j].kind == TK::Quote || real_term(t, j) {
                    return None;
                }
            }
            while j > lo && t[j - 1].is_dash() {
                j -= 1;
            }
            if j > lo && t[j].is_dash() {
                // the sentence's opening name, then its comma apposition: "NAME, role --"
                if let Some((np, e)) = self.np_after(t, lo, j) {
                    if matches!(np.what, NpWhat::Name(_)) && e < j && t[e].is_p(',') {
                        return Some(np);
                    }
                }
                let np = self.np_before(t, j, lo, depth + 1)?;
                return matches!(np.what, NpWhat::Name(_)).then_some(np);
            }
            return None;
        }
        if x.is_p(',') && depth < 2 {
            // apposition: the sentence's opening name, then commas: "NAME, role, ..., cue"
            if let Some((np, e)) = self.np_after(t, lo, k - 1) {
                if matches!(np.what, NpWhat::Name(_)) && e < k - 1 && t[e].is_p(',') {
                    let mut np = np;
                    np.role = self.role_between(t, e + 1, k - 1).or(np.role);
                    return Some(np);
                }
                // "The protesters, mostly students, said": a noun phrase opening
                // the sentence and a short aside without a verb or a name (a
                // name there is the subject: "The chairman, Phil Lovas, said")
                if matches!(np.what, NpWhat::Common(_))
                    && (t[lo].has(f::DET) || t[lo].has(f::GROUP))
                    && e + 1 < k - 1
                    && k - 1 - e <= 7
                    && t[e].is_p(',')
                    && t[e + 1..k - 1]
                        .iter()
                        .all(|y| y.is_word() && !y.cap && !y.has(f::CUE | f::BE | f::PRON | f::REL))
                {
                    return Some(np);
                }
            }
            // "role, NAME, cue": the segment between the commas is itself a name
            if k >= 2 {
                if let Some((s, name)) = self.name_run_before(t, k - 1, lo) {
                    if s > lo && t[s - 1].is_p(',') && name < k - 1 {
                        return Some(self.name_np(t, s, name, k - 1, s));
                    }
                    // "..., the Brazilian diplomat NAME, told": role words lead the name
                    let mut m = s;
                    while m > lo && s - m < 6 && t[m - 1].is_word() && !t[m - 1].has(f::CUE | f::BE) {
                        m -= 1;
                    }
                    if name < k - 1 && m < s && m > lo && t[m - 1].is_p(',') && t[m].has(f::DET) {
                        return Some(self.name_np(t, s, name, k - 1, m));
                    }
                }
            }
            // nearest comma: NAME, role words, cue
            let mut j = k - 1;
            let stop = j.saturating_sub(30).max(lo);
            while j > stop {
                j -= 1;
                if t[j].is_p(',') {
                    break;
                }
                if t[j].kind == TK::Quote || real_term(t, j) {
                    return None;
                }
            }
            if t[j].is_p(',') && j > lo {
                let role = self.role_between(t, j + 1, k - 1);
                if let Some((s, name)) = self.name_run_before(t, j, lo) {
                    let mut np = self.name_np(t, s, name, j, lo);
                    if matches!(np.what, NpWhat::Name(_)) {
                        np.role = role.or(np.role);
                        return Some(np);
                    }
                }
                // "he, ..., said" or "the group, ..., said"
                let y = &t[j - 1];
                if y.has(f::PRON) {
                    return Some(Np {
                        mention: y.s..y.e,
                        what: NpWhat::Pronoun(y.fl & f::PRON),
                        role: None,
                        gender: None,
                    });
                }
                // "NAME (D-Ore.), chair of the caucus, said": a party tag between
                // the name and its apposition; "the senator, who leads the panel,
                // said": a relative clause set off after the subject, which may
                // then be any noun phrase
                let clause = self.opens_clause(&t[j + 1]);
                if y.is_p(')') || clause {
                    if let Some(mut np) = self.np_before(t, j, lo, depth + 1) {
                        // after a clause any subject; after a party tag a name, whose
                        // apposition (none after a clause) is its role
                        let fits = matches!(np.what, NpWhat::Name(_))
                            || clause && matches!(np.what, NpWhat::Pronoun(_) | NpWhat::Common(_));
                        if fits {
                            np.role = role.or(np.role);
                            return Some(np);
                        }
                    }
                }
            }
            return None;
        }
        if !x.is_word() || x.has(f::BE) {
            return None;
        }
        if x.has(f::PRON_1) && !x.cap || word_eq(self.text, &x, "I") {
            return Some(Np { mention: x.s..x.e, what: NpWhat::FirstPerson, role: None, gender: None });
        }
        if x.has(f::PRON) {
            return Some(Np { mention: x.s..x.e, what: NpWhat::Pronoun(x.fl & f::PRON), role: None, gender: None });
        }
        if x.has(f::REL) && !x.cap {
            if word_is(self.text, &x, "that") && !(k >= 2 && t[k - 2].is_word()) {
                return None;
            }
            let mut j = k - 1;
            if j > lo && t[j - 1].is_p(',') {
                j -= 1;
            }
            let ante = if depth < 2 { self.np_before_plain(t, j, lo) } else { None };
            return Some(Np {
                mention: x.s..x.e,
                what: NpWhat::Relative(ante.map(Box::new)),
                role: None,
                gender: None,
            });
        }
        if x.cap {
            let (s, name) = self.name_run_before(t, k, lo)?;
            if s > lo && is_preposition(word(self.text, &t[s - 1])) && x.fl & f::TITLE == 0 {
                // "supporters in Congress say", "advisers to Mr. Obama say", "a
                // spokesman for Gov. Ana Ortiz said": the group before the
                // preposition speaks, not the name
                if let Some(m) = self.group_before_preposition(t, s, lo) {
                    return Some(Np::common(t[m].s..x.e));
                }
                // "Senator Maria Alvarez of New Mexico said", "Ana Ruiz from
                // Reuters said": the place or the employer is the named
                // person's, who speaks (not a title's: "Secretary of State NAME")
                if depth < 2
                    && s >= lo + 2
                    && t[s - 2].is_word()
                    && t[s - 2].cap
                    && !t[s - 2].has(f::TITLE)
                    && is_one_of(word(self.text, &t[s - 1]), &["of", "from"])
                {
                    if let Some(np) = self.np_before(t, s - 1, lo, depth + 1) {
                        if matches!(np.what, NpWhat::Name(_)) {
                            return Some(np);
                        }
                    }
                }
                if s + 1 == k {
                    // "of Republican claims": an adjective before a noun, not a subject
                    return None;
                }
            }
            return Some(self.name_np(t, s, name, k, lo));
        }
        // a common noun phrase: back to a determiner. A closed-class word ends
        // none, but a number after "of" does ("a mother of three replied")
        if x.has(f::STOP) && !(k >= lo + 2 && self.numeral_after_of(t, k - 1)) {
            return None;
        }
        let mut j = k - 1;
        let mut n = 1;
        while j > lo && n < 5 {
            let y = &t[j - 1];
            if !y.is_word() || y.has(f::CUE) && !y.cap && !self.state_adjective(t, j - 1) {
                break;
            }
            if y.has(f::DET) {
                j -= 1;
                break;
            }
            if y.has(f::STOP | f::BE | f::ADV | f::PRON | f::PRON_1 | f::REL) && !y.cap {
                break;
            }
            j -= 1;
            n += 1;
        }
        // an adverb is no head ("a swiftly called meeting"); after a preposition the
        // phrase is an object ("of Republican claims"), not a subject
        if word(self.text, &x).ends_with("ly")
            && !matches!(word(self.text, &x), "family" | "ally" | "assembly" | "rally" | "daily")
        {
            return None;
        }
        if t[j].cap && t[j].has(f::STOP) && is_preposition_any_case(word(self.text, &t[j])) {
            // "With party leaders worried, ...": a phrase the sentence opens with a
            // preposition is its object, not a subject
            return None;
        }
        if j > lo && word_eq(self.text, &t[j - 1], "of") {
            // "52 percent of registered voters said": the phrase reaches back over "of"
            let mut m = j - 1;
            let mut n = 0;
            while m > lo && n < 3 && t[m - 1].is_word() && !t[m - 1].has(f::STOP | f::BE | f::CUE) {
                m -= 1;
                n += 1;
            }
            if m > lo && t[m - 1].has(f::DET) {
                m -= 1;
            }
            if m < j - 1 {
                return Some(Np::common(t[m].s..x.e));
            }
            return None;
        }
        if j > lo && is_preposition(word(self.text, &t[j - 1])) {
            // "officials at the agency said": the group is the subject
            let m = self.group_before_preposition(t, j, lo)?;
            return Some(Np::common(t[m].s..x.e));
        }
        Some(Np::common(t[j].s..x.e))
    }

    /// `p` starts a phrase after a preposition ("in Congress", "at the agency");
    /// when a group of people stands before the preposition ("supporters in",
    /// "officials at", "advisers to") or one person with a determiner ("a
    /// spokesman for", "an official at"), the start of that phrase.
    fn group_before_preposition(&self, t: &[Tok], p: usize, lo: usize) -> Option<usize> {
        if p < lo + 2 || !matches!(word(self.text, &t[p - 1]), "in" | "at" | "for" | "to" | "from" | "with") {
            return None;
        }
        let g = &t[p - 2];
        let gw = word(self.text, g);
        if !g.is_word() || g.cap && p - 2 > lo || g.fl & (f::STOP | f::CUE | f::BE | f::ADV | f::TIME) != 0 {
            return None;
        }
        // a plural ("officials"), or one person after a determiner ("a witness")
        let one = p >= lo + 3 && t[p - 3].has(f::DET);
        let plural = gw.ends_with('s') && !gw.ends_with("ss");
        if !(plural || one) || gw.ends_with("'s") || gw.ends_with("\u{2019}s") {
            return None;
        }
        let mut m = p - 2;
        let mut n = 0;
        while m > lo && n < 3 {
            let y = &t[m - 1];
            if y.has(f::DET) {
                m -= 1;
                break;
            }
            if !y.is_word() || y.fl & (f::STOP | f::CUE | f::BE | f::ADV | f::PRON | f::REL) != 0 && !y.cap {
                break;
            }
            m -= 1;
            n += 1;
        }
        Some(m)
    }

    /// A name or pronoun ending before `end` (no apposition, no relative).
    fn np_before_plain(&self, t: &[Tok], end: usize, lo: usize) -> Option<Np> {
        if end <= lo {
            return None;
        }
        let x = &t[end - 1];
        if x.has(f::PRON) {
            return Some(Np { mention: x.s..x.e, what: NpWhat::Pronoun(x.fl & f::PRON), role: None, gender: None });
        }
        if x.is_word() && x.cap {
            let (s, name) = self.name_run_before(t, end, lo)?;
            return Some(self.name_np(t, s, name, end, lo));
        }
        if x.is_word() && !x.has(f::STOP | f::BE) {
            return self.np_before(t, end, lo, 2);
        }
        None
    }

    /// The noun phrase starting at `j` (after an inverted cue, or a sentence's
    /// subject), ending before punctuation or a function word. Returns the NP and
    /// the index after it.
    fn np_after(&self, t: &[Tok], mut j: usize, hi: usize) -> Option<(Np, usize)> {
        // skip "on Tuesday", "Tuesday", adverbs
        let mut guard = 0;
        while j < hi && guard < 4 {
            let x = &t[j];
            if x.has(f::TIME) || x.is_word() && !x.cap && x.has(f::ADV) && !x.has(f::DET) {
                j += 1;
                guard += 1;
                continue;
            }
            if x.is_word() && !x.cap && word_eq(self.text, x, "on") && j + 1 < hi && t[j + 1].has(f::TIME) {
                j += 2;
                guard += 1;
                continue;
            }
            break;
        }
        if j >= hi {
            return None;
        }
        let x = t[j];
        if x.has(f::PRON_1) && !x.cap || word_eq(self.text, &x, "I") {
            return Some((Np { mention: x.s..x.e, what: NpWhat::FirstPerson, role: None, gender: None }, j + 1));
        }
        if x.has(f::PRON) && !x.has(f::DET) {
            return Some((
                Np { mention: x.s..x.e, what: NpWhat::Pronoun(x.fl & f::PRON), role: None, gender: None },
                j + 1,
            ));
        }
        let s = j;
        let mut e = j;
        while e < hi && e - s < NP_MAX {
            let y = &t[e];
            if y.is_word() {
                // a stop word that modifies the noun after a determiner goes on
                // ("the new poll", "the last speaker", "the only witness")
                // (read only for a stop word: most words are not)
                let modifier = || {
                    e > s
                        && t[e - 1].has(f::DET)
                        && is_one_of(word(self.text, y), &["new", "last", "next", "other", "only"])
                };
                if !y.cap && y.has(f::STOP) && !y.has(f::DET) && !y.has(f::PARTICLE) && !modifier() {
                    break;
                }
                if e > s && !y.cap && y.has(f::DET) {
                    break;
                }
                // a cue word after a determiner is a noun: "said the ruling", "the report"
                let noun = e > s && t[e - 1].has(f::DET) && !y.has(f::BE);
                if !y.cap && (y.has(f::CUE | f::BE) || y.fl & f::MULTI != 0) && !noun {
                    break;
                }
                if e > s && y.cap && y.has(f::STOP) && !t[e - 1].cap {
                    break;
                }
                // an auxiliary or an adverb after the noun starts the predicate ("the
                // health minister has denied", "the board also said"); after a
                // determiner it modifies the noun ("the first lady")
                if e > s && !y.cap && y.has(f::ADV) && !y.has(f::DET) && !t[e - 1].has(f::DET) {
                    break;
                }
                // a past tense after a noun is the verb: "The fact-checkers published
                // the results" (after a determiner, an -ly adverb or a possessive it
                // is an adjective: "the embattled", "the newly appointed", "the
                // group's leaked report")
                if e > s && !y.cap && self.past_tense_after_noun(t, e) {
                    break;
                }
                e += 1;
                continue;
            }
            if y.is_p('.') && e > s {
                let p = &t[e - 1];
                if p.cap
                    && (p.has(f::ABBREV | f::HON | f::TITLE) || p.e - p.s == 1)
                    && e + 1 < hi
                    && t[e + 1].is_word()
                    && t[e + 1].cap
                {
                    e += 1;
                    continue;
                }
            }
            break;
        }
        if e == s {
            return None;
        }
        let last = &t[e - 1];
        if last.is_word() && last.cap && !last.has(f::TIME) {
            // trailing name run
            let (rs, name) = self.name_run_before(t, e, s)?;
            let mut np = self.name_np(t, rs, name, e, s);
            if np.role.is_none() && s < rs {
                let mut a = s;
                while a < rs && t[a].has(f::DET) {
                    a += 1;
                }
                if a < rs {
                    np.role = Some(t[a].s..t[rs - 1].e);
                }
            }
            return Some((np, e));
        }
        if (s..e).all(|k| t[k].has(f::DET | f::TIME | f::ADV)) {
            return None;
        }
        Some((Np::common(t[s].s..last.e), e))
    }

    /// Whether the lower-case word t[e] ends in "-ed" after a word that is a
    /// noun rather than a modifier (see [`Ctx::np_after`]).
    fn past_tense_after_noun(&self, t: &[Tok], e: usize) -> bool {
        let b = self.text.as_bytes();
        let (y, p) = (&t[e], &t[e - 1]);
        // each word's own bytes: the word before may be one letter at the text's start
        b.get(y.s..y.e).is_some_and(|w| w.len() > 3 && w.ends_with(b"ed"))
            && p.is_word()
            && !p.has(f::DET | f::ADV | f::STOP)
            && !b.get(p.s..p.e).is_some_and(|w| w.ends_with(b"ly"))
            && !possessive(self.text, p)
    }

    /// Subject of the sentence starting at `lo`: skips opening phrases (up to three) each up to a
    /// comma when the sentence starts with a function word.
    fn sentence_subject(&self, t: &[Tok], lo: usize, hi: usize) -> Option<Np> {
        let mut s = self.after_dateline(t, lo, hi);
        let opener = |x: &Tok| {
            x.is_word()
                && (x.has(f::STOP) && !x.has(f::PRON | f::DET)
                    || x.fl & f::PARTICIPLE != 0
                    || self.text.get(x.s..x.e).is_some_and(|w| w.ends_with("ing") || w.ends_with("ed")))
        };
        // opening phrases one after another: "Once in his twenties, when the
        // farm was sold, Tom Hale ..." (a few at most, so the search stays
        // short); after the first, only a clause opened by a function word and
        // closed by a comma, since a first phrase may have run on into the
        // main clause ("At the convention his aides forced a change, stripping ...")
        let mut openers = 0;
        while s < hi && openers < 3 && opener(&t[s]) {
            let mut j = s;
            while j < hi && !t[j].is_p(',') && t[j].kind != TK::Quote {
                j += 1;
            }
            let comma = j < hi && t[j].is_p(',');
            if openers > 0 && !(comma && t[s].has(f::STOP)) {
                break;
            }
            openers += 1;
            if comma {
                s = j + 1;
            } else {
                // no comma: the first pronoun or name after the opening phrase,
                // not a name that a preposition governs ("At the meeting in
                // Valdera the board ...") nor a later word of that name
                s = (s + 1..hi).find(|&m| {
                    t[m].has(f::PRON)
                        || t[m].is_word()
                            && t[m].cap
                            && !t[m].has(f::TIME | f::STOP)
                            && !(t[m - 1].is_word()
                                && (m - 1 > s && t[m - 1].cap || is_preposition(word(self.text, &t[m - 1]))))
                })?;
                break;
            }
        }
        // a name run opening the clause ("Senator Ruth Bell left ...")
        let mut e = s;
        while e < hi
            && (t[e].is_word() && t[e].cap
                || t[e].is_p('.') && e > s && abbrev_like(&t[e - 1])
                || t[e].has(f::PARTICLE) && e > s)
        {
            e += 1;
        }
        if e > s && e < hi && t[e].is_word() && !t[e].cap {
            if let Some((rs, name)) = self.name_run_before(t, e, s) {
                let np = self.name_np(t, rs, name, e, s);
                if matches!(np.what, NpWhat::Name(_)) {
                    return Some(np);
                }
            }
        }
        let (np, _) = self.np_after(t, s, hi)?;
        match np.what {
            NpWhat::Common(_) if !t[s].has(f::DET) => None,
            _ => Some(np),
        }
    }

    /// A partial quote whose sentence has no cue: the reporter's sentence is about
    /// its subject, and the fragment is that subject's words (`Reid has gone after
    /// the senator as a "spoiled brat"`, `Gingrich dismissed the bloc as "a relic"`).
    /// Only a name or a pronoun that resolves counts, and it must stand before the
    /// quote with a lower-case word (its verb) between them; a common noun phrase
    /// ("the band played \"River Road\"") gives nothing. The verb is reported as the cue.
    fn clause_subject(&self, t: &[Tok], lo: usize, i: usize) -> Option<Found> {
        // a subject far from the quote is not its speaker (and the search stays bounded)
        if i < lo + 2 || i - lo > LEFT_WINDOW {
            return None;
        }
        // a fragment in title case is a name or a title ("Election Day", "Face the
        // Nation,"), not words the subject said
        let frag = self.text.get(t[i].s..t[i].e).unwrap_or("");
        if frag
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.len() > 3)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        {
            return None;
        }
        let mut np = self.sentence_subject(t, lo, i)?;
        if let NpWhat::Name(r) = &np.what {
            // "He's calling it ...": a pronoun with its verb attached
            let name = self.text.get(r.clone()).unwrap_or("");
            let stem = name.strip_suffix("'s").or_else(|| name.strip_suffix("\u{2019}s")).unwrap_or("");
            let pron = self.lx.flags(stem.as_bytes()) & f::PRON;
            if pron != 0 {
                let m = np.mention.start..np.mention.start + stem.len();
                np = Np { mention: m, what: NpWhat::Pronoun(pron), role: None, gender: None };
            }
        }
        match &np.what {
            NpWhat::Pronoun(_) if self.strong(&np) => {}
            NpWhat::Name(r) => {
                // a possessor ("Monday's debate", "Davis' column") is not the subject;
                // a lone capitalised word opening the sentence must be a name the
                // article already uses ("Pressure is building ..." is no name)
                let name = self.text.get(r.clone())?;
                if self.possessor(&np, name) {
                    return None;
                }
                let mut words = name.split_whitespace();
                let last = words.next_back()?;
                if words.next().is_none()
                    && t[lo].s == np.mention.start
                    && self.reg.by_key.entry(key_of(last).as_str()).is_none()
                {
                    return None;
                }
                if self.lx.flags(last.as_bytes()) & f::TIME != 0 {
                    return None;
                }
            }
            _ => return None,
        }
        // a name's apposition set off by commas ("Aaron Kall, the director of debate
        // at the university, compared ..."): the verb comes after it
        let mut from = (lo..i).find(|&m| t[m].s >= np.mention.end).unwrap_or(i);
        // ... and a party tag after it: "Harry Reid (D-Nev.), in particular, has ..."
        if matches!(np.what, NpWhat::Name(_)) && from < i && t[from].is_p('(') {
            if let Some(m) = (from + 1..(from + 10).min(i)).find(|&m| t[m].is_p(')')) {
                from = m + 1;
            }
        }
        let opens_aside = |x: &Tok| x.has(f::DET) || x.is_word() && !x.cap && is_preposition(word(self.text, x));
        if matches!(np.what, NpWhat::Name(_)) && from + 2 < i && t[from].is_p(',') && opens_aside(&t[from + 1]) {
            let lim = (from + 25).min(i);
            if let Some(c) =
                (from + 2..lim).take_while(|&m| t[m].kind != TK::Quote && !real_term(t, m)).find(|&m| t[m].is_p(','))
            {
                from = c + 1;
            }
        }
        let v = (from..i).find(|&m| t[m].is_word() && !t[m].cap && !t[m].has(f::ADV))?;
        // the verb follows the subject closely: a comma or a quote before it means the
        // phrase was an opener, not the subject
        if (from..v).any(|m| t[m].kind == TK::Quote || t[m].is_p(',')) {
            return None;
        }
        Some(Found { np, cue: t[v].s..t[v].e, rule: Rule::ClauseSubject })
    }

    /// A partial quote inside a claim owned by someone: `Trump's claim that there
    /// were "thousands of shootings"`, `contrary to his promise that taxes would
    /// "never rise"`. The possessor (a name or his/her/their) speaks it; the noun is
    /// reported as the cue. Only a speech noun right before "that" or the quote counts.
    fn claim_owner(&self, t: &[Tok], lo: usize, i: usize) -> Option<Found> {
        let stop = lo.max(i.saturating_sub(30));
        let mut m = i;
        while m > stop + 1 {
            m -= 1;
            if t[m].kind == TK::Quote || real_term(t, m) {
                return None;
            }
            if !t[m].is_word() || t[m].cap || !is_claim_noun(word(self.text, &t[m])) {
                continue;
            }
            let next_ok = m + 1 == i || t[m + 1].is_word() && word_eq(self.text, &t[m + 1], "that");
            if !next_ok {
                continue;
            }
            let o = &t[m - 1];
            let ow = word(self.text, o);
            let pron = [("his", f::PRON_M), ("her", f::PRON_F), ("their", f::PRON_P)]
                .iter()
                .find(|(w, _)| ow.eq_ignore_ascii_case(w))
                .map_or(0, |&(_, p)| p);
            let cue = t[m].s..t[m].e;
            if pron != 0 {
                let np = Np { mention: o.s..o.e, what: NpWhat::Pronoun(pron), role: None, gender: None };
                return self.strong(&np).then_some(Found { np, cue, rule: Rule::CueBefore });
            }
            let suffix = if ow.ends_with("'s") {
                2
            } else if ow.ends_with("\u{2019}s") {
                4
            } else {
                return None;
            };
            if !o.cap || o.e - o.s <= suffix {
                return None;
            }
            let (s, name) = self.name_run_before(t, m, lo)?;
            if name >= m {
                return None;
            }
            let np = self.name_np(t, s, name, m, s);
            let end = o.e - suffix;
            let np = Np { mention: np.mention.start..end, what: NpWhat::Name(t[name].s..end), ..np };
            return Some(Found { np, cue, rule: Rule::CueBefore });
        }
        None
    }

    /// A statement opening its sentence with no cue of its own, after a sentence of
    /// the same paragraph that reports speech and holds no quote, is that
    /// sentence's speaker's (`Lind called the plan a gamble. "It will sink us."`).
    /// Only a name or a pronoun that resolves counts.
    /// `sent_start`: see [`sentences`].
    fn previous_sentence(&self, t: &[Tok], sent_start: &[usize], lo: usize) -> Option<Found> {
        let sid = sentence_of(sent_start, lo - 1);
        let plo = sent_start[sid].max(lo.saturating_sub(LEFT_WINDOW));
        if t[plo..lo].iter().any(|x| x.kind == TK::Quote) {
            return None;
        }
        let fd = self.cue_in_span(t, plo, plo, lo)?;
        if !matches!(fd.np.what, NpWhat::Name(_) | NpWhat::Pronoun(_)) || !self.strong(&fd.np) {
            return None;
        }
        Some(Found { rule: Rule::PreviousSentence, ..fd })
    }

    /// Finds a cue with its subject inside t[lo..hi) (a bounded window before
    /// the quote). The leftmost cue whose subject is a name or a pronoun wins (the
    /// main clause: `X said the plan Y calls "a joke"` is X's); else the nearest
    /// cue with any subject.
    fn cue_in_left(&self, t: &[Tok], lo: usize, hi: usize) -> Option<Found> {
        let lo = lo.max(hi.saturating_sub(LEFT_WINDOW));
        // the clause the quote sits in first: "X agreed ..., but Y told reporters ..."
        if let Some(b) = (lo..hi).rev().find(|&m| {
            t[m].is_p(';')
                || m > lo
                    && t[m - 1].is_p(',')
                    && t[m].is_word()
                    && matches!(word(self.text, &t[m]), "but" | "while" | "whereas" | "although")
        }) {
            if b + 1 < hi {
                if let Some(fd) = self.cue_in_span(t, b + 1, b + 1, hi) {
                    if self.strong(&fd.np) {
                        return Some(fd);
                    }
                }
            }
        }
        // the clause since the previous quote first: `"A?" she said, but as X went on about "B"`
        if let Some(pq) = (lo..hi).rev().find(|&m| t[m].kind == TK::Quote) {
            if pq + 1 < hi {
                if let Some(fd) = self.cue_in_span(t, lo, pq + 1, hi) {
                    return Some(fd);
                }
            }
        }
        self.cue_in_span(t, lo, lo, hi)
    }

    /// Cues starting in t[from..hi); subjects may reach back to `lo`.
    /// Inlined, with [`Ctx::cue_candidate`]: see [`Registry::add_mention`].
    #[inline(always)]
    fn cue_in_span(&self, t: &[Tok], lo: usize, from: usize, hi: usize) -> Option<Found> {
        let mut nearest: Option<Found> = None;
        let mut said_by_common: Option<(usize, Found)> = None;
        let mut k = from;
        while k < hi {
            if t[k].kind == TK::Quote {
                k += 1;
                continue;
            }
            let Some((ce, class)) = self.cue_at(t, k, hi) else {
                k += 1;
                continue;
            };
            if let Some(fd) = self.cue_candidate(t, lo, k, ce, class, hi) {
                // "the former minister said she wanted ...": the pronoun right after a
                // speech verb is its subject's, and the quote is that subject's words
                if let (NpWhat::Pronoun(_), Some((pe, prev))) = (&fd.np.what, &said_by_common) {
                    let mut p = pe + 1;
                    if p < k && t[p].is_word() && word_eq(self.text, &t[p], "that") {
                        p += 1;
                    }
                    if p < k && t[p].s == fd.np.mention.start {
                        return Some(prev.clone());
                    }
                }
                if self.strong(&fd.np) {
                    return Some(fd);
                }
                said_by_common = None;
                if class & f::CUE_S != 0 && matches!(fd.np.what, NpWhat::Common(_)) {
                    said_by_common = Some((ce, fd.clone()));
                }
                nearest = Some(fd);
            }
            k = ce + 1;
        }
        nearest
    }

    /// A paragraph opening `Name: ...` (a headline or a speaker label) gives the
    /// speaker of quotes after the colon in its first sentence.
    fn headline_colon(&self, t: &[Tok], i: usize) -> Option<Found> {
        let c = (1..i.min(6)).find(|&m| t[m].is_p(':'))?;
        if !(0..c).all(|m| t[m].is_word() && t[m].cap || t[m].is_p('.') && m > 0 && abbrev_like(&t[m - 1])) {
            return None;
        }
        let (s, name) = self.name_run_before(t, c, 0)?;
        if s != 0 && !(0..s).all(|m| t[m].has(f::STOP)) {
            return None;
        }
        // a longer run is a headline's clause ("Veto Power Impedes Peace Efforts:"), or
        // a name and its verb ("Ada Quist Hammers Port Board:"): see `headline_subject`
        if (name..c).filter(|&m| t[m].is_word()).count() > 3 {
            return None;
        }
        let np = self.name_np(t, s, name, c, 0);
        if !matches!(np.what, NpWhat::Name(_)) {
            return None;
        }
        Some(Found { np, cue: t[c].s..t[c].e, rule: Rule::HeadlineColon })
    }

    /// The nearest cue with a subject within a few tokens before `hi`.
    fn cue_nearest(&self, t: &[Tok], lo: usize, hi: usize) -> Option<Found> {
        let stop = lo.max(hi.saturating_sub(INTRO_WINDOW));
        let mut k = hi;
        while k > stop {
            k -= 1;
            if t[k].kind == TK::Quote || real_term(t, k) {
                return None;
            }
            if let Some((ce, class)) = self.cue_at(t, k, hi) {
                if class & (f::CUE_S | f::CUE_E) != 0 {
                    let lo2 = lo.max(hi.saturating_sub(LEFT_WINDOW));
                    if let Some(fd) = self.cue_candidate(t, lo2, k, ce, class, hi) {
                        // a speech verb right before the quote speaks for its subject,
                        // even a common noun ("the mother of three replied, \"...\"")
                        if self.strong(&fd.np) || class & f::CUE_S != 0 && matches!(fd.np.what, NpWhat::Common(_)) {
                            return Some(fd);
                        }
                    }
                }
                return None;
            }
        }
        None
    }

    /// Where a sentence opening at `lo` starts after its dateline, if it has
    /// one ("WASHINGTON (Reuters) - ...", "LOS ANGELES, Sept. 28 (UPI) — ..."):
    /// a word in capitals, then only capitalised words, numbers, commas, full
    /// stops and a parenthesis up to a dash. Else `lo`.
    fn after_dateline(&self, t: &[Tok], lo: usize, hi: usize) -> usize {
        let upper = |x: &Tok| {
            x.is_word() && x.e - x.s >= 2 && self.text.get(x.s..x.e).is_some_and(|w| !w.chars().any(char::is_lowercase))
        };
        if lo >= hi || !upper(&t[lo]) {
            return lo;
        }
        for m in lo + 1..(lo + 12).min(hi) {
            let x = &t[m];
            if x.is_dash() {
                return m + 1;
            }
            let dateline = x.is_word() && (x.cap || x.c.is_ascii_digit())
                || x.kind == TK::Punct && matches!(x.c, ',' | '.' | '(' | ')');
            if !dateline {
                break;
            }
        }
        lo
    }

    /// Whether t[k] is "state" before a noun or a name, the adjective ("state
    /// officials", "state Sen. Ortiz"), not the verb, which takes "that", a
    /// determiner or a pronoun.
    fn state_adjective(&self, t: &[Tok], k: usize) -> bool {
        word_is(self.text, &t[k], "state")
            && t.get(k + 1).is_some_and(|x| x.is_word() && !x.has(f::DET | f::PRON | f::REL))
    }

    /// Whether t[i] is "both" or "all" after its subject ("the unions both
    /// said", "they all said"): a name, a pronoun or a plural noun before it.
    fn floating_quantifier(&self, t: &[Tok], i: usize) -> bool {
        i > 0
            && is_one_of(word(self.text, &t[i]), &["both", "all"])
            && t[i - 1].is_word()
            && (t[i - 1].cap || t[i - 1].has(f::PRON) || word(self.text, &t[i - 1]).ends_with('s'))
            && !t[i - 1].has(f::STOP | f::DET)
    }

    /// Whether t[i] is a number word after "of", the end of a noun phrase
    /// ("a mother of three", "a father of two") rather than a determiner.
    fn numeral_after_of(&self, t: &[Tok], i: usize) -> bool {
        i > 0
            && word_eq(self.text, &t[i - 1], "of")
            && is_one_of(
                word(self.text, &t[i]),
                &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
            )
    }

    /// Whether a cue's first word is a verb's base form ("say", "point" of "point
    /// out"), the only form an infinitive takes.
    fn is_base_form(&self, x: &Tok) -> bool {
        if x.fl & f::BASE != 0 {
            return true;
        }
        // forms not marked as base: no -s, -ed or -ing ending
        let w = word(self.text, x);
        !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing"))
    }

    /// Whether an NP is a name, a resolvable pronoun, or a relative with an antecedent.
    fn strong(&self, np: &Np) -> bool {
        match &np.what {
            NpWhat::Name(_) | NpWhat::FirstPerson => true,
            NpWhat::Pronoun(p) => self.reg.resolve(self.text, np.mention.start, *p).is_some(),
            NpWhat::Relative(a) => a.is_some(),
            NpWhat::Common(_) => false,
        }
    }

    /// The subject of the cue at t[k..=ce]. Inlined: see [`Registry::add_mention`].
    #[inline(always)]
    fn cue_candidate(&self, t: &[Tok], lo: usize, k: usize, ce: usize, class: u32, hi: usize) -> Option<Found> {
        let cue = t[k].s..t[ce].e;
        if word_is(self.text, &t[k], "according") {
            let (np, _) = self.np_after(t, ce + 1, hi)?;
            return Some(Found { np, cue, rule: Rule::AccordingTo });
        }
        // "to say" is an infinitive; "to reports" is a noun after a preposition
        let infinitive = k > lo && word_is(self.text, &t[k - 1], "to") && self.is_base_form(&t[k]);
        if class & f::PARTICIPLE != 0 || infinitive {
            // "footage of Ortiz asking": the name right before the participle
            if class & f::PARTICIPLE != 0 && k > lo && t[k - 1].is_word() && t[k - 1].cap {
                if let Some(np) = self.np_before_plain(t, k, lo) {
                    if matches!(np.what, NpWhat::Name(_)) {
                        return Some(Found { np, cue, rule: Rule::SentenceSubject });
                    }
                }
            }
            // subject of the main clause
            if let Some(np) = self.sentence_subject(t, lo, k) {
                return Some(Found { np, cue, rule: Rule::SentenceSubject });
            }
            // ... which follows a participle phrase opening the sentence and
            // holding the quote `hi`: "After saying her knee was \"swollen,\" she
            // was taken ...", "While insisting it was \"fine,\" he ..."
            let quote_end = t.get(hi).filter(|q| q.kind == TK::Quote).map(|q| q.e);
            if let Some(quote_end) = quote_end.filter(|_| {
                class & f::PARTICIPLE != 0 && k - lo <= 2 && (lo..k).all(|m| t[m].has(f::STOP) && !t[m].has(f::PRON))
            }) {
                let end = (hi + 1..t.len()).find(|&m| real_term(t, m)).unwrap_or(t.len());
                let np = self.sentence_subject(t, lo, end)?;
                if np.mention.start >= quote_end && self.strong(&np) {
                    return Some(Found { np, cue, rule: Rule::SentenceSubject });
                }
            }
            return None;
        }
        if let Some(np) = self.np_before(t, k, lo, 0) {
            return Some(Found { np, cue, rule: Rule::CueBefore });
        }
        // "X bemoaned the unrest and said ...": the sentence's subject
        let mut c = k;
        while c > lo && t[c - 1].has(f::ADV) && !t[c - 1].cap {
            c -= 1;
        }
        if c > lo && matches!(word(self.text, &t[c - 1]), "and" | "but" | "then") {
            if let Some(np) = self.sentence_subject(t, lo, c - 1) {
                return Some(Found { np, cue, rule: Rule::SentenceSubject });
            }
        }
        // inverted: "said Mr X:"
        let (np, e) = self.np_after(t, ce + 1, hi)?;
        if matches!(np.what, NpWhat::Name(_)) && (e >= hi || t[e].is_p(':') || t[e].is_p(',')) {
            return Some(Found { np, cue, rule: Rule::CueBefore });
        }
        None
    }

    /// A cue right after the quote at `i`: `"...," X said` / `"...," said X`.
    fn cue_right_after(&self, t: &[Tok], i: usize, hi: usize, content_end_char: Option<char>) -> Option<Found> {
        let mut j = i + 1;
        let _ = hi;
        if j < t.len() && (t[j].is_p(',') || t[j].is_dash()) {
            j += 1;
        }
        if j >= t.len() {
            return None;
        }
        let strict = matches!(content_end_char, Some('.'));
        let ends_ok =
            |e: usize| e >= t.len() || t[e].is_term() || t[e].is_p(',') || t[e].kind == TK::Quote || t[e].is_p(';');
        if let Some((ce, class)) = self.cue_at(t, j, t.len()) {
            if class & f::CUE_S == 0 && class & f::CUE_E == 0 {
                return None;
            }
            let cue = t[j].s..t[ce].e;
            let (mut np, mut e) = self.np_after(t, ce + 1, t.len())?;
            // "said the interior minister, Gabor Nemeth.": the name after the role
            if matches!(np.what, NpWhat::Common(_)) && e + 1 < t.len() && t[e].is_p(',') && t[e + 1].cap {
                if let Some((named, e2)) = self.np_after(t, e + 1, t.len()) {
                    if matches!(named.what, NpWhat::Name(_)) && ends_ok(e2) {
                        let role = np.mention.clone();
                        np = named;
                        np.role.get_or_insert(role);
                        e = e2;
                    }
                }
            }
            if strict && !ends_ok(e) {
                return None;
            }
            // "said Ana Ortiz, the mayor.": the apposition after the name is its role
            if matches!(np.what, NpWhat::Name(_)) && np.role.is_none() {
                np.role = self.role_after(t, e, t.len());
            }
            let rule = if word_is(self.text, &t[j], "according") { Rule::AccordingTo } else { Rule::CueAfterInverted };
            return Some(Found { np, cue, rule });
        }
        // NAME, apposition (however long), cue; a role may lead the name ("one
        // resident, Maria Lopes, 67, told")
        let subject = self.np_after(t, j, t.len()).map(|(np, e)| {
            // the role's complement: "a spokeswoman for the agency, NAME,"
            let comma = if t.get(e).is_some_and(|x| x.is_word() && !x.cap && is_preposition(word(self.text, x))) {
                (e + 1..(e + 8).min(t.len())).find(|&m| !(t[m].is_word() || t[m].is_p('.'))).unwrap_or(e)
            } else {
                e
            };
            let role = np.mention.start..t[comma - 1].e;
            if matches!(np.what, NpWhat::Common(_)) && comma + 1 < t.len() && t[comma].is_p(',') && t[comma + 1].cap {
                if let Some((mut named, e2)) = self.np_after(t, comma + 1, t.len()) {
                    if matches!(named.what, NpWhat::Name(_)) && t.get(e2).is_some_and(|x| x.is_p(',')) {
                        named.role.get_or_insert(role);
                        return (named, e2);
                    }
                }
            }
            (np, e)
        });
        if let Some((np, mut e)) = subject {
            if e < t.len() && t[e].is_p('(') {
                if let Some(m) = (e + 1..(e + 10).min(t.len())).find(|&m| t[m].is_p(')')) {
                    e = m + 1;
                }
            }
            if matches!(np.what, NpWhat::Name(_)) && e < t.len() && t[e].is_p(',') {
                let lim = (e + 45).min(t.len());
                let mut k = e + 1;
                while k < lim {
                    if t[k].kind == TK::Quote || real_term(t, k) || t[k].is_p(':') || t[k].is_p(';') {
                        break;
                    }
                    if t[k - 1].is_p(',') {
                        if let Some((ce, class)) = self.cue_at(t, k, t.len()) {
                            if class & (f::CUE_S | f::CUE_E) != 0 && class & f::PARTICIPLE == 0 {
                                let mut np = np;
                                np.role = self.role_between(t, e + 1, k - 1).or(np.role);
                                return Some(Found { np, cue: t[k].s..t[ce].e, rule: Rule::CueAfter });
                            }
                        }
                    }
                    k += 1;
                }
            }
        }
        // subject then cue, within a few tokens (an apposition may sit between);
        // "as" may open the clause ("...,\" as one steward put it.")
        let j = if word_is(self.text, &t[j], "as") && !t[j].cap { j + 1 } else { j };
        let mut k = j;
        let lim = (j + 14).min(t.len());
        while k < lim {
            let x = &t[k];
            if x.is_p('(') {
                // a parenthesis after a name: "Rep. Gwen Moore (D-Wis.) said"
                let close = (k + 1..(k + 10).min(t.len())).find(|&m| t[m].is_p(')'));
                if let Some(m) = close {
                    k = m + 1;
                    continue;
                }
                return None;
            }
            if x.is_p('.') && k > j && abbrev_like(&t[k - 1]) {
                k += 1;
                continue;
            }
            if x.kind == TK::Quote || x.is_term() || x.is_p(':') || x.is_p(';') {
                return None;
            }
            if let Some((ce, class)) = self.cue_at(t, k, t.len()) {
                if class & (f::CUE_S | f::CUE_E) == 0 || class & f::PARTICIPLE != 0 {
                    return None;
                }
                let np = self.np_before(t, k, j, 0)?;
                // the subject must follow the quote directly (role words may lead it)
                if !self.subject_gap_ok(t, j, self.np_start(t, &np, k)) {
                    return None;
                }
                if strict && !ends_ok(ce + 1) {
                    return None;
                }
                let cue = t[k].s..t[ce].e;
                return Some(Found { np, cue, rule: Rule::CueAfter });
            }
            k += 1;
        }
        None
    }

    /// Whether the name `name` of `np` is a possessor ("Monday's debate",
    /// "Davis' column"), not a subject.
    fn possessor(&self, np: &Np, name: &str) -> bool {
        let after = self.text.get(np.mention.end..).unwrap_or("");
        after.starts_with(['\'', '\u{2019}']) || name.ends_with("'s") || name.ends_with("\u{2019}s")
    }

    /// A sentence that ends with a speech noun and a colon at t[colon] and
    /// has a person for its subject: that person speaks what the colon
    /// introduces ("Sanders made the following comment:", "the president
    /// had a blunt message:", "She posted a tweet:"). The subject is a name
    /// or a pronoun with a referent; a common noun phrase ("The report
    /// ended with a warning:") is too weak a sign of speech.
    fn speech_noun_colon(&self, t: &[Tok], lo: usize, colon: usize) -> Option<Found> {
        if colon < lo + 2 || !t[colon].is_p(':') || !t[colon - 1].is_word() || t[colon - 1].cap {
            return None;
        }
        let noun = &t[colon - 1];
        if !is_speech_noun(word(self.text, noun)) {
            return None;
        }
        let np = self.sentence_subject(t, lo, colon - 1)?;
        let fits = match &np.what {
            NpWhat::Name(r) => !self.possessor(&np, self.text.get(r.clone())?),
            NpWhat::Pronoun(_) => self.strong(&np),
            _ => false,
        };
        fits.then_some(Found { np, cue: noun.s..noun.e, rule: Rule::SpeechNounColon })
    }

    /// A cue later in the quote's sentence: `... "a disaster" for us, she said.`
    fn cue_later(&self, t: &[Tok], i: usize, hi: usize) -> Option<Found> {
        let mut k = i + 1;
        while k < hi {
            if t[k].kind == TK::Quote {
                return None;
            }
            if let Some((ce, class)) = self.cue_at(t, k, hi) {
                // "according" looks like a participle, but "according to X" names the source
                let according = word_is(self.text, &t[k], "according");
                if class & f::CUE_S != 0 && (class & f::PARTICIPLE == 0 || according) {
                    let cue = t[k].s..t[ce].e;
                    if according {
                        let (np, _) = self.np_after(t, ce + 1, hi)?;
                        return Some(Found { np, cue, rule: Rule::AccordingTo });
                    }
                    // only a clause closing the sentence: ", X said." / ", said X."
                    let np = self.np_before(t, k, i + 1, 0);
                    let after_ok = ce + 1 >= hi
                        || t[ce + 1].is_term()
                        || t[ce + 1].is_p(',')
                        || t[ce + 1].has(f::TIME)
                        || t[ce + 1].is_word()
                            && matches!(
                                word(self.text, &t[ce + 1]),
                                "in" | "on" | "at" | "during" | "after" | "before" | "to" | "told" | "via"
                            );
                    if let Some(np) = np {
                        let start = self.np_start(t, &np, k);
                        if start > i + 1 && t[start - 1].is_p(',') && after_ok {
                            return Some(Found { np, cue, rule: Rule::CueLater });
                        }
                    }
                    return None;
                }
            }
            k += 1;
        }
        None
    }

    /// Whether t[j..ns) can lead a subject: role words ("IMF chief economist"),
    /// "of the", abbreviations; not a clause ("when he", "and").
    fn subject_gap_ok(&self, t: &[Tok], j: usize, ns: usize) -> bool {
        if ns < j || ns - j > 8 {
            return false;
        }
        (j..ns).all(|m| {
            let x = &t[m];
            if x.is_p('.') {
                return m > j && abbrev_like(&t[m - 1]);
            }
            if !x.is_word() || x.has(f::PRON | f::PRON_1 | f::REL | f::CUE | f::BE) && !x.cap {
                return false;
            }
            if x.has(f::STOP) && !x.has(f::DET) {
                return is_one_of(word(self.text, x), &["of", "for", "at", "from", "in"]);
            }
            true
        })
    }

    /// Token index where `np` starts (searching back from `k`).
    fn np_start(&self, t: &[Tok], np: &Np, k: usize) -> usize {
        let mut j = k;
        while j > 0 && t[j - 1].s >= np.mention.start {
            j -= 1;
        }
        j
    }

    /// Resolves an NP to (person, mention span, role); None for I/we or no referent.
    fn resolve(&mut self, np: &Np) -> Option<(usize, Range<usize>, Option<String>)> {
        let text = self.text;
        // the role's text is copied once, for the answer; the registry copies it only if it keeps it
        let role = np.role.clone().and_then(|r| text.get(r)).map(str::trim).filter(|s| !s.is_empty());
        match &np.what {
            NpWhat::FirstPerson => None,
            NpWhat::Pronoun(p) => {
                let id = self.reg.resolve(self.text, np.mention.start, *p)?;
                let g = if p & f::PRON_M != 0 {
                    Some(Gender::Male)
                } else if p & f::PRON_F != 0 {
                    Some(Gender::Female)
                } else {
                    None
                };
                let person = &mut self.reg.people[id];
                if person.gender.is_none() {
                    person.gender = g;
                }
                Some((id, np.mention.clone(), None))
            }
            NpWhat::Relative(ante) => {
                let ante = ante.as_deref()?;
                let (id, _, role) = self.resolve(ante)?;
                Some((id, np.mention.clone(), role))
            }
            NpWhat::Name(r) => {
                let id = self.register_name(r.clone(), np.gender, role, None, None, None)?;
                Some((id, np.mention.clone(), role.map(str::to_string)))
            }
            NpWhat::Common(r) => {
                if let Some(id) = self.role_referent(r.clone()) {
                    return Some((id, np.mention.clone(), None));
                }
                let s = text.get(r.clone())?;
                let plural = s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("'s") && !s.ends_with("\u{2019}s");
                // "a witness", "the spokeswoman": one person, whom a pronoun may mean
                let head = s.rsplit(' ').next().unwrap_or(s);
                let fl = self.lx.flags(head.as_bytes());
                let one_person = !plural && fl & f::PERSON != 0;
                let gender = if !one_person {
                    None
                } else if fl & f::PERSON_M != 0 {
                    Some(Gender::Male)
                } else if fl & f::PERSON_F != 0 {
                    Some(Gender::Female)
                } else {
                    None
                };
                let id = self.reg.register_common(s, r.clone(), plural, one_person, gender);
                Some((id, np.mention.clone(), None))
            }
        }
    }

    /// A role set off by commas next to the name run t[s..e): "a Commission
    /// spokesman, NAME," or "NAME, a spokesman for the Commission,".
    fn apposition_role(&self, t: &[Tok], s: usize, e: usize) -> Option<Range<usize>> {
        if e + 1 < t.len() && t[e].is_p(',') && t[e + 1].has(f::DET) && !t[e + 1].cap {
            let mut m = e + 1;
            while m < t.len() && m < e + 12 && t[m].is_word() {
                m += 1;
            }
            if m > e + 2 {
                return Some(t[e + 1].s..t[m - 1].e);
            }
        }
        if s >= 3 && t[s - 1].is_p(',') {
            let mut m = s - 1;
            while m > 0 && m + 6 > s && t[m - 1].is_word() && !t[m - 1].has(f::DET) {
                m -= 1;
            }
            if m > 0 && m + 1 < s && t[m - 1].has(f::DET) {
                return Some(t[m - 1].s..t[s - 2].e);
            }
        }
        None
    }

    /// "the spokesman", "the company": the named person or organisation recently
    /// introduced with that role ("Pieter Vandamme, a spokesman for ...",
    /// "Transtejo, the ferry company"); for an organisation noun with no such
    /// role, the nearest organisation just named ("the Red Cross ... the
    /// organisation").
    fn role_referent(&mut self, r: Range<usize>) -> Option<usize> {
        let s = self.text.get(r.clone())?;
        // most phrases do not open with "the": told by their first bytes,
        // without cutting out two words (a phrase opening with non-ASCII,
        // perhaps white space, goes on to be cut)
        let b = s.as_bytes();
        let open = b.iter().position(|&c| !(c == b' ' || (b'\t'..=b'\r').contains(&c))).unwrap_or(b.len());
        if b.get(open).is_some_and(u8::is_ascii)
            && !b.get(open..open + 3).is_some_and(|w| w.eq_ignore_ascii_case(b"the"))
        {
            return None;
        }
        let (det, noun) = two_words(s)?;
        if !det.eq_ignore_ascii_case("the") {
            return None;
        }
        // the noun is compared ignoring ASCII case throughout, so it is read
        // as written: no lower-cased copy on the heap
        let b = noun.as_bytes();
        let lower_s = |i: usize| b.get(i).is_some_and(|c| c.eq_ignore_ascii_case(&b's'));
        let plural = lower_s(b.len() - 1) && !(b.len() >= 2 && lower_s(b.len() - 2));
        if plural || b.len() < 3 {
            return None;
        }
        let org_noun = is_org_noun_ignoring_case(b);
        let reg = &mut self.reg;
        // this question's number: a person who fails it is marked with it
        if reg.asked == u32::MAX {
            // (after four billion questions in one article) the marks start over
            reg.people.iter_mut().for_each(|p| p.asked = 0);
            reg.asked = 0;
        }
        reg.asked += 1;
        let asked = reg.asked;
        let at = reg.mentions.partition_point(|&(p, _)| p < r.start);
        let recent = &reg.mentions[..at];
        for &(_, id) in recent.iter().rev().take(PRONOUN_WINDOW) {
            let p = &mut reg.people[id];
            // a person mentioned twice in the window fits or not the same way:
            // the role is read once
            if p.asked == asked || p.kind == MentionKind::Other || p.plural {
                continue;
            }
            // "the operator, Transtejo," ... "the company said": any organisation noun
            let role_fits = p.role.as_deref().is_some_and(|role| role_names(role, noun, org_noun));
            // the name's words only for an organisation ("the Fund"): not read for anyone else
            if role_fits || p.kind == MentionKind::Organization && p.words().any(|w| w.eq_ignore_ascii_case(noun)) {
                return Some(id);
            }
            p.asked = asked;
        }
        let recent = &self.reg.mentions[..at];
        if org_noun {
            // only the organisation the text has just named, nothing named since
            let &(pos, id) = recent.iter().rev().find(|&&(_, id)| self.reg.people[id].kind != MentionKind::Other)?;
            let p = &self.reg.people[id];
            if p.kind == MentionKind::Organization && !p.plural && r.start.saturating_sub(pos) < 400 {
                return Some(id);
            }
        }
        None
    }

    /// Registers the name at byte span `r` (words split on whitespace).
    /// `last_hash`, when the caller has it, is where the name's last word
    /// starts and [`hash_ascii_lower`] of it (see [`Ctx::register_paragraph`]);
    /// `known`, when the caller has looked it up, is [`Ctx::known_at`] of `r`.
    fn register_name(
        &mut self,
        r: Range<usize>,
        gender: Option<Gender>,
        role: Option<&str>,
        last_hash: Option<(usize, u64)>,
        toks: Option<&[Tok]>,
        known: Option<Option<&'a KnownMention<'a>>>,
    ) -> Option<usize> {
        let text = self.text;
        let s = text.get(r.clone())?;
        // the words borrow the text; the buffer is reused from name to name. A
        // plain name (most are) is not split for the fast path: its last word is
        // found from the end and it is compared with the person's name whole
        let mut words = std::mem::take(&mut self.name_words);
        words.clear();
        // the paragraph's own call (with its tokens) keeps the name's facts; a
        // name the paragraph has registered already (a quote's speaker) reads
        // them back
        let para = toks.is_some();
        let facts = if !para {
            let at = self.named.partition_point(|m| m.r.0 < r.start);
            self.named.get(at).filter(|m| m.r == (r.start, r.end)).copied()
        } else {
            None
        };
        let plain = match facts {
            Some(m) => m.plain,
            None => plain_name(s),
        };
        let last = match plain {
            Some((at, _)) => s.get(at..),
            None => {
                split_words_into(s, &mut words);
                words.last().map(|w| possessive_stem(trim_stops(w)))
            }
        };
        // a plain name's last word is ASCII and its own key (lower-cased): its
        // hash (the caller's, if it has it for this word) and entry are handed
        // on to `Registry::register`
        let mut last_key = None;
        if let (Some((at, _)), Some(last)) = (plain, last) {
            last_key = Some(match facts.and_then(|m| m.key) {
                // an entry stays the key's for the article
                Some(lk @ LastKey { entry: Some(_), .. }) => lk,
                Some(LastKey { hash, entry: None }) => {
                    LastKey { hash, entry: self.reg.by_key.entry_hashed(hash, last) }
                }
                None => {
                    let hash = match last_hash {
                        Some((start, h)) if start == r.start + at => h,
                        _ => hash_ascii_lower(last.as_bytes()),
                    };
                    LastKey { hash, entry: self.reg.by_key.entry_hashed(hash, last) }
                }
            });
        }
        // kept for the paragraph's list (the registration below may change `last_key`)
        let name_key = last_key;
        // the caller's mention at `r`, once looked up (by the caller, or by the
        // fast path first)
        let mut known_here = known.or(facts.map(|m| m.known));
        // fast path: the same words as the person last seen with this surname
        if let Some(last) = last {
            let entry = match last_key {
                Some(lk) => lk.entry,
                None => self.key_entry(last),
            };
            let newest = self.reg.by_key.people_at(entry).next();
            if let Some(id) = newest {
                let p = &self.reg.people[id];
                // a person's name is its words joined by single spaces
                let same = match plain {
                    Some((_, n)) => p.nwords == n && p.name == s,
                    None => {
                        p.nwords == words.len()
                            && p.words().zip(words.iter()).all(|(a, b)| a == possessive_stem(trim_stops(b)))
                    }
                };
                if same
                    && known_here.get_or_insert_with(|| self.known_at(&r)).is_none()
                    && (gender.is_none() || p.gender.is_none() || p.gender == gender)
                {
                    let p = &mut self.reg.people[id];
                    if p.gender.is_none() {
                        p.gender = gender;
                    }
                    if p.role.is_none() {
                        p.role = role.map(str::to_string);
                    }
                    if let (true, Some(kn)) = (para, known_here) {
                        self.named.push(NameFacts { r: (r.start, r.end), plain, key: name_key, known: kn });
                    }
                    self.reg.add_mention(id, r);
                    self.name_words = words;
                    return Some(id);
                }
            }
        }
        // the caller's tokens of a plain name, when they are its words one to
        // one (see [`token_words`]): their flags are the lexicon's of the
        // words, not looked up again, and their spans are the words, not cut
        // from the name again
        let mut toks = toks.filter(|x| plain.is_some_and(|(_, n)| n == x.len()) && token_words(s, x, &r, &mut words));
        if toks.is_some() {
            debug_assert!(words.iter().copied().eq(s.split(' ')), "{s:?} {words:?}");
        } else if plain.is_some() {
            // words one space apart, none to trim (see `plain_name`): cut at the spaces
            split_plain_into(s, &mut words);
        } else {
            words.retain_mut(|w| {
                *w = trim_stops(w);
                !w.is_empty()
            });
            // a possessive at the end belongs to the next word: "Ortiz's" -> "Ortiz"
            if let Some(l) = words.last_mut() {
                *l = possessive_stem(l);
            }
        }
        if words.is_empty() {
            self.name_words = words;
            return None;
        }
        // a plain name is its words joined by single spaces already
        let mut joined = plain.map(|_| s);
        let kn = known_here.unwrap_or_else(|| self.known_at(&r));
        let mut kind = MentionKind::Person;
        let mut known_name = None;
        if let Some(k) = kn {
            if k.kind != MentionKind::Person && (k.span.start < r.start || k.span.end > r.end) {
                // the text's whole name for a mention of part of it
                if let Some(full) = text.get(k.span.clone()) {
                    let n = full.split_whitespace().count();
                    if n != 0 && n <= 12 {
                        words.clear();
                        words.extend(full.split_whitespace().map(trim_stops));
                        // the last word is another one now
                        last_key = None;
                        joined = None;
                        toks = None;
                    }
                }
            }
            kind = k.kind;
            known_name = Some(k.name);
        } else if words.len() > 4
            || match toks {
                Some(x) => x.iter().any(|x| x.fl & f::ORG != 0),
                None => words.iter().any(|w| self.lx.flags(w.as_bytes()) & f::ORG != 0),
            }
        {
            kind = MentionKind::Organization;
        }
        debug_assert!(toks.map_or(true, |x| x.iter().zip(&words).all(|(x, w)| {
            x.fl & (f::ORG | f::NAME_M | f::NAME_F) == self.lx.flags(w.as_bytes()) & (f::ORG | f::NAME_M | f::NAME_F)
        })));
        let gender = gender.or_else(|| {
            if words.len() >= 2 {
                let fl = match toks.and_then(|x| x.first()) {
                    Some(x) => x.fl,
                    None => self.lx.flags(words[0].as_bytes()),
                };
                match (fl & f::NAME_M != 0, fl & f::NAME_F != 0) {
                    (true, false) => Some(Gender::Male),
                    (false, true) => Some(Gender::Female),
                    _ => None,
                }
            } else {
                None
            }
        });
        let keys = self.reg.by_key.entries.len();
        let facts = para.then_some(NameFacts { r: (r.start, r.end), plain, key: name_key, known: kn });
        let id = self.reg.register(&words, joined, r, kind, gender, role, known_name, last_key);
        if let Some(mut m) = facts {
            // a key new to the index is the last entry (the one key `register` may add)
            if let Some(lk) = m.key.as_mut().filter(|lk| lk.entry.is_none() && last_key.is_some()) {
                lk.entry = (self.reg.by_key.entries.len() > keys).then_some(keys);
            }
            self.named.push(m);
        }
        self.name_words = words;
        Some(id)
    }

    /// The caller's mention that names the words at `r`: one covering them, or an
    /// organisation ending with them ("Hungarian Defence Forces"). A place inside
    /// a longer run of name words ("Milan Jovanovic", "Helena Castro Lima") is
    /// part of a person's name, not the name.
    fn known_at(&self, r: &Range<usize>) -> Option<&'a KnownMention<'a>> {
        let known = self.known;
        let at = known.partition_point(|k| k.span.end <= r.start);
        known[at..].iter().take_while(|k| k.span.start < r.end).find(|k| {
            k.span.start <= r.start && r.end <= k.span.end || k.kind == MentionKind::Organization && k.span.end == r.end
        })
    }

    /// Registers the people a paragraph names by shape: titled names, names that
    /// a cue's subject or an inverted cue gives, names the caller knows, names
    /// matching someone already known.
    /// `cap_at` lists the positions of the capitalised words, where runs start;
    /// `sent_start` the first token of each sentence (see [`sentences`]).
    fn register_paragraph(&mut self, t: &[Tok], sent_start: &[usize], cap_at: &[usize]) {
        self.named.clear();
        // the first token not yet read as part of a run
        let mut next = 0;
        // the start of the sentence of the run read last and of the next one
        // (runs come in text order; `sent_start` ends with `t.len()`): a
        // cursor of two starts, cheaper here than [`sentence_from`]'s index
        let mut starts = sent_start.iter().copied().skip(1);
        let (mut this_start, mut next_start) = (0, starts.next().unwrap_or(usize::MAX));
        for &k in cap_at {
            if k < next {
                continue;
            }
            let mut e = k + 1;
            while e < t.len() {
                let y = &t[e];
                if self.headline && y.has(f::CUE | f::MULTI) {
                    break;
                }
                if y.is_word() && y.cap {
                    e += 1;
                    continue;
                }
                // up to three particles before a capitalised word: "da Silva", "von der Leyen"
                if y.has(f::PARTICLE) {
                    let mut n = e + 1;
                    while n < t.len() && n - e < 3 && t[n].has(f::PARTICLE) && !t[n].cap {
                        n += 1;
                    }
                    if n < t.len() && t[n].cap && t[n].is_word() {
                        e = n;
                        continue;
                    }
                }
                // (the length first: most words that end a run are no "of")
                if y.is_word()
                    && word_eq(self.text, y, "of")
                    && e + 1 < t.len()
                    && t[e + 1].cap
                    && t[e + 1].is_word()
                    && !t[e - 1].has(f::TITLE | f::HON | f::STOP | f::TIME)
                    && org_head(self.text, t, e)
                {
                    e += 1;
                    continue;
                }
                if self.and_in_org(t, e, k) {
                    e += 1;
                    continue;
                }
                if y.is_p('.')
                    && t[e - 1].has(f::ABBREV | f::HON | f::TITLE)
                    && e + 1 < t.len()
                    && t[e + 1].is_word()
                    && t[e + 1].cap
                {
                    e += 1;
                    continue;
                }
                break;
            }
            let lo = k;
            next = e;
            // a run with no capitalised word that can be a name ("The", "On Monday")
            // names no one: decided here, without reading the run again
            if !t[lo..e].iter().any(|x| x.is_word() && x.cap && !x.has(f::TIME | f::STOP)) {
                continue;
            }
            // a run of one word (most are) is its own name: what `name_run_before`
            // would find for it, without reading it again
            let run = if e == lo + 1 {
                let run = (!(self.headline && t[lo].has(f::CUE | f::MULTI))).then_some((lo, lo));
                debug_assert_eq!(run, self.name_run_before(t, e, lo), "one-word run at {lo}");
                run
            } else {
                self.name_run_before(t, e, lo)
            };
            let Some((s, name)) = run else { continue };
            if name >= e {
                continue;
            }
            let titled = (s..name).any(|j| t[j].has(f::TITLE | f::HON));
            let r = t[name].s..t[e - 1].e;
            while next_start <= s {
                this_start = next_start;
                next_start = starts.next().unwrap_or(usize::MAX);
            }
            let sentence_start = this_start == s;
            // the last word's name key, hashed once from its bytes: for the index
            // lookup below and for `register_name`, which would hash it again
            let last = &t[e - 1];
            let last_key = key_hash_short(self.text.as_bytes(), last.s, last.e);
            let last_hash = last_key.filter(|&(_, ke)| ke == last.e).map(|(h, _)| (last.s, h));
            if let Some(kn) = self.known_at(&r) {
                if matches!(kn.kind, MentionKind::Person | MentionKind::Organization) {
                    let np = self.name_np(t, s, name, e, lo);
                    let role = np.role.and_then(|r| self.text.get(r));
                    self.register_name(r, np.gender, role, last_hash, t.get(name..e), Some(Some(kn)));
                }
                continue;
            }
            let first_name = e - name >= 2 && t[name].has(f::NAME_M | f::NAME_F);
            // the cheap signs first; the cue after the run, the registry and
            // the apposition are read only when they decide
            let person = titled
                || first_name
                || (!sentence_start || e - name >= 2) && {
                    // a cue next, after up to three adverbs
                    let mut nx = e;
                    while nx < t.len() && nx < e + 3 && t[nx].has(f::ADV) && !t[nx].cap {
                        nx += 1;
                    }
                    nx < t.len() && self.cue_at(t, nx, t.len()).is_some()
                }
                // someone already known by this last word
                // (the filter first: most words are no key, and the key's text
                // is cut only for a word that may be one)
                || match last_key {
                    Some((h, ke)) => {
                        self.reg.by_key.may_hold(h)
                            && self.reg.by_key.entry_probed(h, self.text.get(last.s..ke).unwrap_or("")).is_some()
                    }
                    None => self.key_entry(possessive_stem(word(self.text, last))).is_some(),
                }
                // "Ilona Szabo, 78, ..." / "María Torres, the agency's representative, ...":
                // a full name with an apposition is a person
                || (2..=4).contains(&(e - name))
                    && (name..e).all(|j| t[j].is_word() && !t[j].has(f::ORG))
                    && e + 1 < t.len()
                    && t[e].is_p(',')
                    && (t[e + 1].is_word() && t[e + 1].c.is_ascii_digit()
                        || t[e + 1].has(f::DET) && !t[e + 1].cap && e + 2 < t.len() && !t[e + 2].has(f::PRON | f::BE))
                // "the operator, Transtejo, announced": a name set off by commas after a role
                || e - name <= 4
                    && name == s
                    && e < t.len()
                    && t[e].is_p(',')
                    && (name..e).all(|j| t[j].is_word())
                    && self.apposition_role(t, s, e).is_some_and(|r| r.end <= t[s].s);
            if person {
                let np = self.name_np(t, s, name, e, lo);
                if !matches!(np.what, NpWhat::Name(_)) {
                    continue;
                }
                let role = np.role.or_else(|| self.apposition_role(t, s, e)).and_then(|r| self.text.get(r));
                // (no mention of the caller's at `r`: see above)
                self.register_name(r, np.gender, role, last_hash, t.get(name..e), Some(None));
            } else if (2..=4).contains(&(e - name)) && !sentence_start && (name..e).all(|j| t[j].is_word()) {
                // a full name not (yet) known as a person: kept to complete a surname later
                if let Some(full) = self.text.get(r.clone()) {
                    // the last word's key: a short ASCII one as it stands in the
                    // text, with the hash made above (keys compare ignoring ASCII
                    // case), else lower-cased into the reused buffer
                    let mut key = std::mem::take(&mut self.scratch);
                    let (h, k) = match last_key {
                        Some((h, ke)) => (h, self.text.get(last.s..ke).unwrap_or("")),
                        None => {
                            key_into(word(self.text, last), &mut key);
                            (BuildFx.hash_one(key.as_str()), key.as_str())
                        }
                    };
                    let reg = &mut self.reg;
                    let entry = reg.loose.entry_hashed(h, k);
                    let (mut n, mut seen) = (0, false);
                    for i in reg.loose.people_at(entry) {
                        n += 1;
                        seen |= reg.loose_spans.get(i).and_then(|x| self.text.get(x.clone())) == Some(full);
                    }
                    if !seen && n < 4 {
                        reg.loose.push_at(h, k, entry, reg.loose_spans.len());
                        reg.loose_spans.push(r.clone());
                    }
                    self.scratch = key;
                }
            }
        }
    }
}

/// The two words of `s` when it has exactly two (cut as [`str::split_whitespace`]
/// cuts): "the spokesman". Read by bytes up to where a third word starts, not
/// to the end of a long phrase; a non-ASCII byte before that (rare) sends the
/// phrase to `split_whitespace`, which knows the Unicode white space.
fn two_words(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let space = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
    let mut words = [0..0, 0..0];
    let (mut n, mut i) = (0, 0);
    loop {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        let Some(&c) = b.get(i) else { break };
        if c >= 0x80 {
            return two_words_unicode(s);
        }
        // a third word
        let w = words.get_mut(n)?;
        let start = i;
        while i < b.len() && !space(b[i]) {
            if b[i] >= 0x80 {
                return two_words_unicode(s);
            }
            i += 1;
        }
        *w = start..i;
        n += 1;
    }
    let [a, c] = words;
    if n == 2 {
        Some((s.get(a)?, s.get(c)?))
    } else {
        None
    }
}

/// [`two_words`] of any text.
fn two_words_unicode(s: &str) -> Option<(&str, &str)> {
    let mut it = s.split_whitespace();
    let two = (it.next()?, it.next()?);
    it.next().is_none().then_some(two)
}

/// A noun for something said, which a colon may open ("made the following
/// comment:", "had a message for voters:").
fn is_speech_noun(w: &str) -> bool {
    is_one_of(
        w,
        &[
            "comment",
            "comments",
            "message",
            "remark",
            "remarks",
            "statement",
            "words",
            "answer",
            "response",
            "reply",
            "tweet",
            "post",
            "warning",
            "plea",
            "explanation",
            "promise",
            "pledge",
            "prediction",
            "advice",
            "verdict",
        ],
    )
}

/// A noun naming an organisation ("the company", "the newspaper").
/// Speech nouns a possessor owns: "Trump's claim that ...", "her promise that ...".
fn is_claim_noun(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "statement"
            | "assertion"
            | "remark"
            | "contention"
            | "insistence"
            | "argument"
            | "promise"
            | "pledge"
            | "warning"
            | "boast"
            | "prediction"
            | "suggestion"
            | "accusation"
            | "allegation"
    )
}

/// The organisation nouns as lower-case text: the reference the byte tests
/// are checked against.
#[cfg(test)]
fn is_org_noun(w: &str) -> bool {
    is_org_noun_bytes(w.as_bytes())
}

/// [`is_org_noun`] of bytes: the role tests read ASCII words as bytes.
fn is_org_noun_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"organisation"
            | b"organization"
            | b"company"
            | b"firm"
            | b"newspaper"
            | b"paper"
            | b"agency"
            | b"ministry"
            | b"charity"
            | b"group"
            | b"broadcaster"
            | b"operator"
            | b"bank"
            | b"union"
            | b"institute"
            | b"department"
    )
}

/// Whether a head of `role` is `noun`, ignoring ASCII case, or, with
/// `org_noun`, any organisation noun: the role test of
/// [`Ctx::role_referent`], asked of up to [`PRONOUN_WINDOW`] people each time.
///
/// Only the role's heads count, not every word in it: "the agency's
/// director" and "a spokesman for the union" name a director and a
/// spokesman, and "the union said" must not resolve to either of them.
/// The heads are the words before the first preposition or relative
/// pronoun (or the role's end) that end the role's noun phrase or are joined
/// by "and" or "or": "minister" in "minister of finance", "chairman" and
/// "executive" in "chairman and chief executive"; a possessive ("agency's")
/// is never one.
/// Words are cut at every character that is not a letter, a digit or an
/// apostrophe ("chief-executive" ends with "executive").
fn role_names(role: &str, noun: &str, org_noun: bool) -> bool {
    /// Words that end a head and the role's heads with it: what follows is
    /// the head's complement ("a spokesman for the ministry").
    const COMPLEMENT: [&str; 11] = ["of", "for", "at", "in", "with", "on", "from", "to", "who", "that", "which"];
    let mut words = role
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(['\'', '\u{2019}']))
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        let next = words.peek().copied();
        let last = next.map_or(true, |n| COMPLEMENT.iter().any(|h| n.eq_ignore_ascii_case(h)));
        let head = last || next.is_some_and(|n| n.eq_ignore_ascii_case("and") || n.eq_ignore_ascii_case("or"));
        if !head {
            continue;
        }
        // a role that ends with a possessive ("the ferry operator's") is read
        // without it
        let w = possessive_stem(w);
        if w.eq_ignore_ascii_case(noun) || org_noun && is_org_noun_ignoring_case(w.as_bytes()) {
            return true;
        }
        if last {
            return false;
        }
    }
    false
}

/// [`is_org_noun`] of `w` lower-cased (ASCII), without a copy on the heap and
/// without a UTF-8 check (the nouns are ASCII: bytes equal theirs are them).
fn is_org_noun_ignoring_case(w: &[u8]) -> bool {
    // the longest organisation noun has 12 letters
    let mut buf = [0u8; 12];
    let Some(b) = buf.get_mut(..w.len()) else { return false };
    // lower-cased as copied, byte by byte: a word this short costs less so
    // than a `memcpy` call of variable length and a second pass
    for (d, &c) in b.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    is_org_noun_bytes(b)
}

/// Whether the "of" at `j` joins an organisation's name: the capitalised run
/// before it (a few words back) holds an organisation word ("Ministry of
/// Agriculture", "Chamber of Mines of Zambia"), not "Supporters of Arce".
fn org_head(text: &str, t: &[Tok], j: usize) -> bool {
    let mut m = j;
    while m > 0 && j - m < 6 {
        let x = &t[m - 1];
        if !(x.is_word() && (x.cap || word(text, x) == "of")) {
            break;
        }
        if x.cap && x.has(f::ORG) {
            return true;
        }
        m -= 1;
    }
    false
}

/// Where the sentences of a paragraph start. `may_end` lists the tokens after
/// which a sentence may end (terminators and quotations, in order): a word or
/// another mark ends none, so [`ends_sentence`] is asked about those only.
/// `starts` gets the first token of every sentence and then `t.len()`:
/// sentence `sid` is tokens `starts[sid]..starts[sid + 1]`. No sentence id is
/// written for each token: the passes over a paragraph read its tokens in
/// order and step a cursor along `starts` (a paragraph has a sentence or
/// two), where filling the ids cost more than every look-up of them.
fn sentences(text: &str, t: &[Tok], quotes: &[Quotation], may_end: &[usize], starts: &mut Vec<usize>) {
    starts.clear();
    starts.push(0);
    for &m in may_end {
        // increasing, and a boundary has a token after it: no sentence is empty
        if ends_sentence(text, t, quotes, m + 1) {
            starts.push(m + 1);
        }
    }
    starts.push(t.len());
}

/// The sentence of token `i` (of a paragraph whose sentences start at
/// `starts`, see [`sentences`]): the last one starting at or before it. For a
/// token here and there; the passes that read tokens in order step on with
/// [`sentence_from`].
fn sentence_of(starts: &[usize], i: usize) -> usize {
    starts.partition_point(|&s| s <= i).saturating_sub(1)
}

/// [`sentence_of`] for the passes that read a paragraph's tokens in order:
/// the sentence of token `i`, stepping on from `sid`, the sentence of a token
/// before it.
fn sentence_from(starts: &[usize], mut sid: usize, i: usize) -> usize {
    while starts[sid + 1] <= i {
        sid += 1;
    }
    sid
}

/// Whether the mark or quotation at token `k - 1` ends a sentence, so that a
/// new one starts at token `k` (false after a word, or for `k` out of range).
/// Left to the compiler to inline into [`sentences`], its one caller: kept out
/// of line, the fat-LTO release build ran 0.65 M instructions more on the
/// bench corpus.
fn ends_sentence(text: &str, t: &[Tok], quotes: &[Quotation], k: usize) -> bool {
    let (Some(p), Some(x)) = (t.get(k.wrapping_sub(1)), t.get(k)) else { return false };
    let next_starts = |x: &Tok| x.is_word() && (x.cap || x.c.is_ascii_digit()) || x.kind == TK::Quote;
    match p.kind {
        TK::Word => false,
        TK::Punct => {
            p.is_term()
                && next_starts(x)
                && if p.c == '.' && k >= 2 {
                    let w = &t[k - 2];
                    !(w.is_word()
                        && (w.has(f::ABBREV | f::HON)
                            || w.e - w.s == 1 && w.cap
                            // an ASCII byte: the bytes of a short word, read
                            // without a char searcher's set-up
                            || text.as_bytes().get(w.s..w.e).is_some_and(|s| s.contains(&b'.'))))
                } else {
                    true
                }
        }
        // quotes in a row are statements in a row, unless a comma lists them:
        // `called him a "crook," "unstable" and "sick"`
        TK::Quote if x.kind == TK::Quote => quote_end_char(text, &quotes[p.q]) != Some(','),
        TK::Quote => next_starts(x) && matches!(quote_end_char(text, &quotes[p.q]), Some('.' | '?' | '!' | '\u{2026}')),
    }
}

/// Last non-space, non-mark character of a quotation's content.
fn quote_end_char(text: &str, q: &Quotation) -> Option<char> {
    text.get(q.content.clone())?.chars().rev().find(|c| {
        !c.is_whitespace()
            && !matches!(c, '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}')
    })
}

/// Number of words inside a quotation (counting stops at 8).
fn text_words(text: &str, q: &Quotation) -> usize {
    text.get(q.content.clone()).map_or(0, |c| c.split_whitespace().take(8).count())
}

/// A short quotation whose words are all capitalised: a title, not a statement.
fn title_like(text: &str, q: &Quotation) -> bool {
    text.get(q.content.clone()).is_some_and(title_words)
}

/// [`title_like`] of a quotation's content `c`. Asked of every quotation, and
/// most are statements that a lower-case word a few bytes in turns away: an
/// ASCII stretch is read by bytes (words cut at ASCII white space, which is
/// all the white space ASCII has, and trimmed of what is not a letter or a
/// digit, which for ASCII is what is not an ASCII one), and only a content
/// with a non-ASCII byte before the answer is read as characters.
fn title_words(c: &str) -> bool {
    let b = c.as_bytes();
    let mut n = 0;
    for r in ascii_words(b) {
        let Some(w) = b.get(r) else { break };
        if !w.is_ascii() {
            return title_words_chars(c);
        }
        let lead = w.iter().take_while(|x| !x.is_ascii_alphanumeric()).count();
        let trail = w.iter().rev().take_while(|x| !x.is_ascii_alphanumeric()).count();
        let Some(w) = w.get(lead..w.len().saturating_sub(trail)) else { continue };
        if w.is_empty() {
            continue;
        }
        n += 1;
        // most words of a title are capitalised: the list of small words only for the others
        if n > 8 || !(w[0].is_ascii_uppercase() || w[0].is_ascii_digit() || title_small(w)) {
            return false;
        }
    }
    n >= 1 && !c.trim_end().ends_with([',', '?', '!'])
}

/// The small words a title leaves in lower case ("Gone with the Wind"), for
/// [`title_words`] and [`title_words_chars`] alike.
#[inline(always)]
fn title_small(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"of"
            | b"and"
            | b"or"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"with"
            | b"by"
            | b"from"
            | b"is"
    )
}

/// [`title_words`] read as characters (any script).
fn title_words_chars(c: &str) -> bool {
    let mut n = 0;
    for w in c.split_whitespace() {
        let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        n += 1;
        let small = title_small(w.as_bytes());
        if n > 8 || !(small || w.chars().next().is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())) {
            return false;
        }
    }
    n >= 1 && !c.trim_end().ends_with([',', '?', '!'])
}

/// A title-case quotation right after a possessive or "on" ("CNN's \"State of the
/// Union\"", "his \"Keep It Real\" show", "on \"Face the Nation,\""): the name
/// of a programme, book or event.
fn owned_title(text: &str, q: &Quotation) -> bool {
    let Some(c) = text.get(q.content.clone()) else { return false };
    let small =
        |w: &str| matches!(w, "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "at" | "to" | "for" | "with");
    // one to eight words, each small or capitalised: read no further than the ninth
    let words =
        c.split_whitespace().map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric())).filter(|w| !w.is_empty());
    let mut n = 0;
    for w in words {
        n += 1;
        if n > 8 || !(small(w) || w.chars().next().is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())) {
            return false;
        }
    }
    if n == 0 {
        return false;
    }
    let before = text.get(..q.span.start).unwrap_or("").trim_end();
    let prev = before.rsplit(|ch: char| ch.is_whitespace()).next().unwrap_or("");
    // "It's 'All in Their Heads'": a pronoun's contraction owns nothing
    let stem = prev.get(..prev.len().saturating_sub(if prev.ends_with('s') { 1 } else { 0 })).unwrap_or("");
    let stem = stem.trim_end_matches(['\'', '\u{2019}']).to_ascii_lowercase();
    if matches!(stem.as_str(), "it" | "he" | "she" | "that" | "there" | "what" | "who" | "here") {
        return false;
    }
    prev.ends_with("'s")
        || prev.ends_with("\u{2019}s")
        || prev.ends_with("s'")
        || matches!(prev.to_lowercase().as_str(), "on" | "his" | "her" | "their" | "its")
}

/// A quotation continued over paragraphs that open with speaker labels
/// (`"SMITH: ...` / `"JONES: ...`) is a transcript: one quotation per turn.
fn split_transcripts(text: &str, paras: &[Range<usize>], quotes: Vec<Quotation>) -> Vec<Quotation> {
    if quotes.iter().all(|q| q.first_paragraph == q.last_paragraph) {
        return quotes;
    }
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        let labelled = q.first_paragraph < q.last_paragraph
            && (q.first_paragraph + 1..=q.last_paragraph).any(|p| {
                let ps = paras[p].start;
                let skip = text.get(ps..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
                let piece = Quotation { content: ps + skip..paras[p].end, ..q.clone() };
                transcript_label(text, &piece).is_some()
            });
        if !labelled {
            out.push(q);
            continue;
        }
        for p in q.first_paragraph..=q.last_paragraph {
            let pr = &paras[p];
            let (s, cs) = if p == q.first_paragraph {
                (q.span.start, q.content.start)
            } else {
                let skip = text.get(pr.start..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
                (pr.start, pr.start + skip)
            };
            let (e, ce, closed) =
                if p == q.last_paragraph { (q.span.end, q.content.end, q.closed) } else { (pr.end, pr.end, false) };
            if cs <= ce {
                out.push(Quotation { span: s..e, content: cs..ce, closed, first_paragraph: p, last_paragraph: p });
            }
        }
    }
    out
}

/// All-caps speaker label opening a quotation: `"SMITH: ...`.
fn transcript_label(text: &str, q: &Quotation) -> Option<Range<usize>> {
    let c = text.get(q.content.clone())?;
    let colon = c.get(..c.len().min(40))?.find(':')?;
    let label = &c[..colon];
    let trimmed = label.trim();
    if trimmed.len() < 2
        || !trimmed.chars().any(|ch| ch.is_uppercase())
        || trimmed.chars().any(|ch| ch.is_lowercase() || ch.is_ascii_digit())
    {
        return None;
    }
    let lead = label.len() - label.trim_start().len();
    let s = q.content.start + lead;
    Some(s..s + trimmed.len())
}

/// Buffers a thread reuses from article to article: a batch job calls the
/// attributor once per article, and for a news article of a few kilobytes the
/// allocations of the token buffers and the registry's maps cost as much as a
/// good part of the work (callgrind, bench corpus). Nothing is kept but
/// capacity: every buffer is emptied before use.
struct Scratch {
    toks: Vec<Tok>,
    /// First token of each sentence (see [`sentences`]).
    sent_start: Vec<usize>,
    /// Positions of a paragraph's quotation tokens, capitalised words and
    /// words that may be cues.
    quote_at: Vec<usize>,
    cap_at: Vec<usize>,
    cue_at: Vec<usize>,
    /// Tokens after which a sentence may end.
    may_end: Vec<usize>,
    reg: Registry,
}

/// Above this many elements a buffer is not kept for the next article.
const SCRATCH_KEEP: usize = 1 << 14;

thread_local! {
    static SCRATCH: Cell<Option<Scratch>> = const { Cell::new(None) };
}

pub(crate) fn run(lx: &Lexicon, with_indirect: bool, text: &str, known: &[KnownMention<'_>]) -> Attribution {
    let paras = paragraphs(text);
    let quotes = split_transcripts(text, &paras, find_quotations_in(text, &paras));
    let mut known_sorted: Vec<KnownMention<'_>>;
    let known = if known.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
        known
    } else {
        known_sorted = known.to_vec();
        known_sorted.sort_by_key(|k| k.span.start);
        &known_sorted
    };
    // reused paragraph to paragraph and (per thread) article to article; room
    // for a long news paragraph from the start
    let Scratch { toks, mut sent_start, quote_at, cap_at, cue_at, may_end, reg } = match SCRATCH.with(Cell::take) {
        Some(sc) => Scratch { reg: sc.reg.emptied(), ..sc },
        None => Scratch {
            toks: Vec::with_capacity(256),
            sent_start: Vec::with_capacity(16),
            quote_at: Vec::new(),
            cap_at: Vec::with_capacity(64),
            cue_at: Vec::with_capacity(16),
            may_end: Vec::with_capacity(16),
            reg: Registry::with_capacity(),
        },
    };
    let mut cx = Ctx {
        headline: false,
        scratch: String::new(),
        name_words: Vec::new(),
        named: Vec::new(),
        lx,
        text,
        known,
        reg,
    };
    let mut st: Vec<QState> = vec![QState::default(); quotes.len()];
    // room for the indirect quotes a news text of this length holds (about
    // one in 270 bytes on the bench corpus): a vector grown from empty copied
    // its quotes three or four times an article
    let mut indirect: Vec<Quote> = Vec::with_capacity(if with_indirect { text.len() / 256 } else { 0 });
    let mut qi = 0usize;
    let mut colon_cue: Option<Found> = None;
    let mut headline_subjects: Vec<(usize, Vec<HeadlineName>)> = Vec::new();
    // the paragraph's token lists, owned by the one value the tokenizer fills
    let mut para_toks = ParaTokens { toks, quote_at, cap_at, cue_at, may_end, words: 0 };
    for (pi, para) in paras.iter().enumerate() {
        while qi < quotes.len() && quotes[qi].span.end <= para.start {
            qi += 1;
        }
        // one pass over the paragraph for its tokens, the positions of the
        // quotation tokens, of the capitalised words and of the cue words, and
        // the headline test's counts (content words, capitalised ones)
        tokenize(lx, text, para.start, para.end, &quotes, qi, &mut para_toks);
        let ParaTokens { toks, quote_at, cap_at, cue_at, may_end, words } = &para_toks;
        let (words, caps) = (*words, cap_at.len());
        let t = &toks[..];
        sentences(text, t, &quotes, may_end, &mut sent_start);
        let headline = words >= 3 && caps * 10 >= words * 7;
        cx.headline = headline;
        cx.register_paragraph(t, &sent_start, cap_at);
        let prev_colon = colon_cue.take();
        // the sentence of the quotation token read last (they come in order)
        let mut sid = 0;
        for &i in quote_at {
            let k = t[i].q;
            let q = &quotes[k];
            sid = sentence_from(&sent_start, sid, i);
            debug_assert_eq!(sid, sentence_of(&sent_start, i));
            let (lo, hi) = (sent_start[sid], sent_start[sid + 1]);
            let first_piece = q.first_paragraph == pi && t[i].s == q.span.start;
            let last_piece = q.last_paragraph == pi;
            if first_piece {
                st[k].starts_sentence = i == lo;
                st[k].title = !headline && title_like(text, q);
                st[k].transcript = if i == 0 { transcript_label(text, q) } else { None };
                // cue before the quote in its sentence: the cue introducing it
                // directly (`X boasted, "..."`, `X told reporters: "..."`) first
                let introduced = if i > lo && (t[i - 1].is_p(':') || t[i - 1].is_p(',')) {
                    cx.cue_nearest(t, lo, i - 1)
                } else {
                    None
                };
                let left = introduced.or_else(|| cx.cue_in_left(t, lo, i));
                let left = left.or_else(|| if i > lo { cx.speech_noun_colon(t, lo, i - 1) } else { None });
                let left = left.map(|mut fd| {
                    if i > lo && (t[i - 1].is_p(':') || t[i - 1].is_p(',')) && fd.rule == Rule::CueBefore {
                        fd.rule = Rule::CueBeforeColon;
                    }
                    fd
                });
                let left = left.or_else(|| if i == 0 { prev_colon.clone() } else { None });
                // in a headline, "Name: ..." speaks for everything after the colon, whatever
                // cue the headline's own words hold ("Bell: Voters Worried About ...")
                let left = if headline && (sid == 0 || pi == 0) { cx.headline_colon(t, i).or(left) } else { left };
                let left = left.or_else(|| if sid == 0 { cx.headline_colon(t, i) } else { None });
                st[k].left = left;
                if i > lo && !(t[i - 1].is_p(':') || t[i - 1].is_p(',') || t[i - 1].is_dash() || t[i - 1].is_p('(')) {
                    st[k].partial = true;
                }
            }
            if last_piece {
                let end_char = quote_end_char(text, q);
                let after = cx.cue_right_after(t, i, hi, end_char);
                if after.is_none()
                    && i + 1 < hi
                    && !(t[i + 1].is_term()
                        || t[i + 1].is_p(',')
                        || t[i + 1].is_p(')')
                        || t[i + 1].is_p(';')
                        || t[i + 1].is_dash())
                {
                    st[k].partial = true;
                }
                if after.is_some() && st[k].starts_sentence {
                    st[k].partial = false;
                }
                let mut tail = t.len();
                while tail > i + 2 && t[tail - 1].kind == TK::Punct && !t[tail - 1].is_p(')') {
                    tail -= 1;
                }
                let dash = if after.is_none() && i + 2 < tail && t[i + 1].is_dash() {
                    cx.name_run_before(t, tail, i + 2).filter(|&(s, _)| s == i + 2).map(|(s, name)| {
                        let np = cx.name_np(t, s, name, tail, s);
                        Found { np, cue: t[i + 1].s..t[i + 1].e, rule: Rule::DashCredit }
                    })
                } else {
                    None
                };
                let later = if after.is_none() && st[k].left.is_none() { cx.cue_later(t, i, hi) } else { None };
                // a statement closed by a comma and a cue ("...,\" the union wrote.") is
                // that cue's, whatever introduced it
                let after_first = st[k].starts_sentence || after.is_some() && end_char == Some(',');
                let chosen = if after_first { after.or(st[k].left.take()) } else { st[k].left.take().or(after) };
                let chosen = chosen.or(dash).or(later);
                let chosen = chosen.or_else(|| {
                    if st[k].partial && !st[k].title && !headline {
                        cx.claim_owner(t, lo, i).or_else(|| cx.clause_subject(t, lo, i))
                    } else {
                        None
                    }
                });
                let chosen = chosen.or_else(|| {
                    if i == lo && lo > 0 && st[k].starts_sentence && !st[k].partial && !st[k].title {
                        cx.previous_sentence(t, &sent_start, lo)
                    } else {
                        None
                    }
                });

                if let Some(fd) = chosen {
                    match cx.resolve(&fd.np) {
                        Some(res) => {
                            st[k].speaker = Some(res);
                            st[k].cue = Some(fd.cue);
                            st[k].rule = Some(fd.rule);
                        }
                        None => st[k].blocked = true,
                    }
                } else if let Some(label) = st[k].transcript.clone() {
                    let name: String = text
                        .get(label.clone())
                        .unwrap_or("")
                        .split_whitespace()
                        .filter(|w| cx.lx.flags(w.trim_end_matches('.').as_bytes()) & (f::HON | f::TITLE) == 0)
                        .map(title_case)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !name.is_empty() {
                        let words: Vec<&str> = name.split(' ').collect();
                        let id =
                            cx.reg.register(&words, None, label.clone(), MentionKind::Person, None, None, None, None);
                        st[k].speaker = Some((id, label, None));
                        st[k].rule = Some(Rule::Transcript);
                    }
                } else if headline && pi == 0 {
                    // a headline's quote: "Name: ..." in any of its clauses, else its
                    // subject, once the article has shown it to be a person
                    if let Some(fd) = cx.headline_colon(t, i) {
                        if let Some(res) = cx.resolve(&fd.np) {
                            st[k].speaker = Some(res);
                            st[k].cue = Some(fd.cue);
                            st[k].rule = Some(Rule::HeadlineColon);
                        }
                    } else {
                        headline_subjects.push((k, headline_subject(&cx, t, i)));
                    }
                }
            }
        }
        // indirect quotes: sentences without quotation marks
        if with_indirect {
            indirect_in(&mut cx, t, &sent_start, (cue_at, quote_at), &mut indirect);
        }
        // a paragraph ending in a colon after a cue introduces the next one
        if let Some(last) = t.last() {
            if last.is_p(':') {
                // the paragraph's last sentence
                let sid = sent_start.len() - 2;
                let lo = sent_start[sid];
                let cue = cx.cue_in_left(t, lo, t.len() - 1).or_else(|| cx.speech_noun_colon(t, lo, t.len() - 1));
                colon_cue = cue.map(|mut fd| {
                    fd.rule = Rule::PreviousParagraph;
                    fd
                });
            }
        }
    }
    for (k, cands) in headline_subjects {
        if st[k].speaker.is_some() || st[k].blocked {
            continue;
        }
        for (r, cue, rule) in cands {
            let Some(id) = known_person(&cx, r.clone()) else { continue };
            st[k].speaker = Some((id, r, None));
            st[k].cue = Some(cue);
            st[k].rule = Some(rule);
            break;
        }
    }
    let out = finish(&mut cx, &quotes, st, indirect);
    let ParaTokens { toks, quote_at, cap_at, cue_at, may_end, .. } = para_toks;
    if [
        toks.capacity(),
        sent_start.capacity(),
        quote_at.capacity(),
        cap_at.capacity(),
        cue_at.capacity(),
        may_end.capacity(),
    ]
    .iter()
    .all(|&n| n <= SCRATCH_KEEP)
        && cx.reg.small()
    {
        SCRATCH.with(|c| c.set(Some(Scratch { toks, sent_start, quote_at, cap_at, cue_at, may_end, reg: cx.reg })));
    }
    out
}

/// A headline's candidate speaker: name span, cue span, rule.
type HeadlineName = (Range<usize>, Range<usize>, Rule);

/// Name candidates for a headline's quote, longest first: the headline's opening
/// name words ("Obama Sees 'Personal Insult' ...", "Elizabeth Warren Hammers ...")
/// with the word after them as the cue, then the name before a colon ("A Lesson
/// From Loretta Lynch: '...'"). Headline words are all capitalised, so where the
/// name ends is only known once the article has named its people: see
/// [`known_person`].
fn headline_subject(cx: &Ctx<'_>, t: &[Tok], i: usize) -> Vec<HeadlineName> {
    let mut out = Vec::new();
    let mut run = 0;
    while run < i.min(5) && t[run].is_word() && t[run].cap && !t[run].has(f::STOP) {
        if possessive(cx.text, &t[run]) {
            break;
        }
        run += 1;
    }
    for e in (1..=run).rev() {
        if e < t.len() && t[e].is_word() && !t[e - 1].has(f::TITLE | f::HON) {
            let s = (0..e).find(|&m| !t[m].has(f::TITLE | f::HON)).unwrap_or(0);
            out.push((t[s].s..t[e - 1].e, t[e].s..t[e].e, Rule::ClauseSubject));
        }
    }
    if let Some(c) = (1..i.min(12)).find(|&m| t[m].is_p(':')) {
        if let Some((_, name)) = cx.name_run_before(t, c, 0) {
            if name < c {
                out.push((t[name].s..t[c - 1].e, t[c].s..t[c].e, Rule::HeadlineColon));
            }
        }
    }
    out
}

/// The person already registered whose name holds every word at `r` (its last
/// word as a name key): "Obama" for Barack Obama.
fn known_person(cx: &Ctx<'_>, r: Range<usize>) -> Option<usize> {
    let s = cx.text.get(r)?;
    let last = s.split_whitespace().next_back()?;
    let id = cx.reg.by_key.last(&key_of(last))?;
    let p = &cx.reg.people[id];
    let fits = p.kind == MentionKind::Person && s.split_whitespace().all(|w| p.words().any(|pw| pw == w));
    fits.then_some(id)
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `cue_at` lists the positions of the words that may be cues (a cue flag):
/// only the sentences holding one are read; `quote_at` those of the
/// quotation tokens. `sent_start`: see [`sentences`].
fn indirect_in(
    cx: &mut Ctx<'_>,
    t: &[Tok],
    sent_start: &[usize],
    (cue_at, quote_at): (&[usize], &[usize]),
    out: &mut Vec<Quote>,
) {
    let mut i = 0;
    // the sentence of the cue word read last (they come in order)
    let mut sid = 0;
    while i < cue_at.len() {
        sid = sentence_from(sent_start, sid, cue_at[i]);
        let (lo, hi) = (sent_start[sid], sent_start[sid + 1]);
        let cues = &cue_at[i..i + cue_at[i..].partition_point(|&c| c < hi)];
        i += cues.len().max(1);
        if hi - lo >= 5 {
            let before = out.len();
            indirect_sentence(cx, t, lo, hi, cues, out);
            // in a sentence with quotation marks, reported speech is only what lies
            // outside them ("X told the \"Morning Desk\" show that ..."); a content
            // that takes in a quotation is the quote's, not an indirect one
            // (the sentence's quotation tokens: from the paragraph's list, not a scan)
            let marks = || &quote_at[quote_at.partition_point(|&q| q < lo)..quote_at.partition_point(|&q| q < hi)];
            if out.len() > before && !marks().is_empty() {
                // quotation tokens are in text order and do not overlap: one binary
                // search per content keeps this linear-logarithmic. The sentence's
                // quotes are kept in order by moving them down over those dropped,
                // in place (only this sentence's are read, not the article's)
                let marks = marks();
                let mut kept = before;
                for i in before..out.len() {
                    let q = &out[i];
                    let n = marks.partition_point(|&m| t[m].e <= q.span.start);
                    let keep = match marks.get(n).map(|&m| t[m].s) {
                        Some(mark) if mark < q.span.end => {
                            // "X said the levy would hold, adding that \"...\"": the clause
                            // before the comma is still X's reported speech
                            // (a content holding its own cue, set off inside it, is dropped)
                            let cue_inside = q.cue.as_ref().is_some_and(|c| c.start >= q.span.start && c.start < mark);
                            let end = (mark > q.span.start && !cue_inside)
                                .then(|| clause_end(cx, t, q.span.start, mark))
                                .flatten();
                            end.map(|e| out[i].span.end = e).is_some()
                        }
                        _ => true,
                    };
                    if keep {
                        out.swap(kept, i);
                        kept += 1;
                    }
                }
                out.truncate(kept);
            }
        }
    }
}

/// Where a reported clause starting at byte `start` ends when a quotation
/// opens at byte `mark` after it: before the last comma, semicolon or dash
/// ahead of the quotation, if at least four words come before that. `None`
/// when there is no such clause: the content is the quotation's. A stretch
/// opening with a preposition or a verb's particle is the cue's circumstances
/// ("said in a statement to the Courier, \"...\"", "spoke out on Tuesday,
/// \"...\""), not a clause.
fn clause_end(cx: &Ctx<'_>, t: &[Tok], start: usize, mark: usize) -> Option<usize> {
    let a = t.partition_point(|x| x.s < start);
    let b = t.partition_point(|x| x.s < mark);
    let first = t.get(a).filter(|x| x.is_word())?;
    if !first.cap {
        let w = word(cx.text, first);
        if first.has(f::STOP) && !first.has(f::DET | f::PRON | f::PRON_1)
            || is_preposition(w)
            || is_one_of(w, &["out", "up", "off", "back", "down", "them", "him", "her", "us"])
        {
            return None;
        }
    }
    let pause = |j: usize| t[j].is_p(',') || t[j].is_p(';') || t[j].is_dash();
    let mut stop = (a..b).rev().find(|&j| pause(j))?;
    // a cue set off before the quotation is no part of the clause: "..., adding, \"...\""
    while let Some(prev) = (a..stop).rev().find(|&j| pause(j)) {
        let tail = &t[prev + 1..stop];
        if tail.len() > 3 || !tail.iter().any(|x| x.has(f::CUE)) {
            break;
        }
        stop = prev;
    }
    let words = t[a..stop].iter().filter(|x| x.is_word()).count();
    (words >= 4).then(|| t[stop - 1].e)
}

fn indirect_sentence(cx: &mut Ctx<'_>, t: &[Tok], lo: usize, hi: usize, cues: &[usize], out: &mut Vec<Quote>) {
    let mut end = hi;
    while end > lo && t[end - 1].kind == TK::Punct {
        end -= 1;
    }
    if end <= lo {
        return;
    }
    // the words that may be cues, in order; `k` is where reading goes on
    let mut next_cue = cues.iter().copied().peekable();
    let mut k = lo;
    'cues: while k < end {
        // every other word is no cue: go straight to the next that may be one
        while next_cue.next_if(|&c| c < k).is_some() {}
        match next_cue.peek() {
            Some(&c) if c < end => k = c,
            _ => break,
        }
        let Some((ce, class)) = cx.cue_at(t, k, end) else {
            k += 1;
            continue;
        };
        let participle = class & f::PARTICIPLE != 0;
        let cue = t[k].s..t[ce].e;
        let according = word_is(cx.text, &t[k], "according");
        // subject and content
        let (np, content, rule) = if according {
            let Some((mut np, mut e)) = cx.np_after(t, ce + 1, end) else {
                k = ce + 1;
                continue;
            };
            // "According to a person familiar with the talks, ...": opening the
            // sentence, the source runs on to the comma (a few words, no verb)
            if k == lo && !(e < end && t[e].is_p(',')) && matches!(np.what, NpWhat::Common(_)) {
                // a participle after a noun modifies it ("officials briefed on the
                // plan"); a cue word after a determiner is a noun ("the plan")
                let participle = |m: usize| {
                    m > ce + 1 && t[m - 1].is_word() && (t[m - 1].has(f::DET) || word(cx.text, &t[m]).ends_with("ed"))
                };
                let comma = (e..end.min(e + 10))
                    .take_while(|&m| {
                        t[m].is_p(',')
                            || t[m].is_p('.')
                            || t[m].is_word() && !t[m].has(f::BE) && (!t[m].has(f::CUE) || participle(m))
                    })
                    .find(|&m| t[m].is_p(','));
                if let Some(m) = comma {
                    np = Np::common(np.mention.start..t[m - 1].e);
                    e = m;
                }
            }
            let after = e < end && t[e].is_p(',') && e + 1 < end;
            let comma_before = k >= lo + 2 && t[k - 1].is_p(',');
            let before = k > lo + 2 && comma_before;
            if after && comma_before {
                // "X, according to Y, Z": set off inside the sentence, the source
                // is the whole sentence's ("Sales, according to the report, fell";
                // "Prices rose 4 percent, according to the bureau, the fastest in
                // a decade")
                (np, t[lo].s..t[end - 1].e, Rule::AccordingTo)
            } else if after {
                // "According to the ministry, which released the figures, 40
                // people were hurt": the source's relative clause is no content
                let mut c = e + 1;
                if cx.opens_relative(&t[c]) {
                    match (c + 1..end.min(c + 30)).find(|&j| t[j].is_p(',')) {
                        Some(j) if j + 1 < end => c = j + 1,
                        _ => {
                            k = ce + 1;
                            continue;
                        }
                    }
                }
                (np, t[c].s..t[end - 1].e, Rule::AccordingTo)
            } else if before {
                (np, t[lo].s..t[k - 2].e, Rule::AccordingTo)
            } else {
                k = ce + 1;
                continue;
            }
        } else if let Some(np) = inverted_close(cx, t, lo, k, ce, end, class, false) {
            // "The bridge will open in May, said Ana Ortiz, the mayor."
            (np, t[lo].s..t[k - 2].e, Rule::IndirectAfter)
        } else {
            'plain: {
                // what follows the cue decides, whatever its subject, whether any
                // shape below can take it: "X said (that) CLAUSE" needs a clause,
                // "..., X said." a closing tail or the sentence's end, and "A, X
                // said, B" a comma and three tokens. None of them: the cue is
                // passed over, as it would be after the subject search, which
                // is not made (most cue words in running text are no reporting verb here)
                let said_at = if ce + 1 < end && !t[ce + 1].is_p(',') && !t[ce + 1].is_p(':') {
                    Some(said_clause(cx, t, k, ce, end))
                } else {
                    None
                };
                // (an inverted speaker after a comma, "..., said a spokesman for the
                // city.", is read below when the sentence has no subject)
                let inverted = inverted_shape(t, lo, k, class);
                if !matches!(said_at, Some(Some(_)))
                    && ce + 1 < end
                    && !parenthetical_tail(t, ce, end)
                    && !closing_tail(cx, t, k, ce, end)
                    && !inverted
                {
                    k = ce + 1;
                    continue 'cues;
                }
                // the sentence's subject only within a bounded window: linear on any sentence
                let near = k - lo <= LEFT_WINDOW;
                let np = if participle {
                    if near {
                        cx.sentence_subject(t, lo, k)
                    } else {
                        None
                    }
                } else {
                    cx.np_before(t, k, lo, 0)
                };
                // "X bemoaned the unrest and said ...": the sentence's subject, a name or a pronoun
                let np = np.or_else(|| {
                    let mut c = k;
                    while c > lo && t[c - 1].has(f::ADV) && !t[c - 1].cap {
                        c -= 1;
                    }
                    if participle
                        || !near
                        || c <= lo
                        || !(word_eq(cx.text, &t[c - 1], "and") || word_eq(cx.text, &t[c - 1], "but"))
                    {
                        return None;
                    }
                    cx.sentence_subject(t, lo, c - 1).filter(|np| {
                        matches!(np.what, NpWhat::Name(_) | NpWhat::Pronoun(_))
                            && cx.strong(np)
                            && np.mention.end <= t[c - 1].s
                    })
                });
                let Some(np) = np else {
                    // no subject before the cue: "..., said a spokesman for the city."
                    if let Some(np) = inverted_close(cx, t, lo, k, ce, end, class, true) {
                        break 'plain (np, t[lo].s..t[k - 2].e, Rule::IndirectAfter);
                    }
                    k = ce + 1;
                    continue 'cues;
                };
                let mut ns = if participle { k } else { cx.np_start(t, &np, k) };
                if ns > lo + 3 && t[ns - 1].has(f::DET) && !t[ns - 1].cap && t[ns - 2].is_p(',') {
                    ns -= 1; // "..., the Daily Courier reported."
                }
                if parenthetical(cx, t, lo, ns, ce, end) {
                    // "The bridge, Ms Ortiz said, will open in May": the whole sentence
                    (np, t[lo].s..t[end - 1].e, Rule::IndirectAfter)
                } else if ns > lo + 2 && t[ns - 1].is_p(',') && closing_tail(cx, t, k, ce, end) {
                    // "..., Ms Ortiz told reporters on Thursday." / "..., officials said Friday."
                    (np, t[lo].s..t[ns - 2].e, Rule::IndirectAfter)
                } else if let Some(said_at) = said_at {
                    // X said (that) CLAUSE; X told Y (that) CLAUSE
                    let Some(c) = said_at else {
                        k = ce + 1;
                        continue 'cues;
                    };
                    // a participle cue after a comma opens a clause of its own:
                    // "said the bridge was safe, adding that repairs would start"
                    // (read from the cue words' positions, not from every token)
                    let after = cues.partition_point(|&j| j < c + 2);
                    let stop = cues[after..]
                        .iter()
                        .take_while(|&&j| j < end)
                        .find(|&&j| t[j].has(f::PARTICIPLE) && t[j - 1].is_p(','))
                        .map_or(end, |&j| j - 1);
                    (np, t[c].s..t[stop - 1].e, Rule::IndirectSaid)
                } else if ns > lo + 2 && t[ns - 1].is_p(',') && ce + 1 >= end {
                    (np, t[lo].s..t[ns - 2].e, Rule::IndirectAfter)
                } else {
                    k = ce + 1;
                    continue 'cues;
                }
            }
        };
        if let Some((id, mention, role)) = cx.resolve(&np) {
            // the name is filled in by `finish`, once the person's fullest name is known
            let name = String::new();
            out.push(Quote {
                span: content.clone(),
                kind: QuoteKind::Indirect,
                speaker: Some(Speaker { name, mention, person: id, role }),
                cue: Some(cue),
                rule,
            });
        }
        // the next cue may start a clause of its own, past this content's start
        k = ce + 1;
        while k < end && t[k].s < content.start {
            k += 1;
        }
        k = k.max(ce + 1);
        if rule == Rule::IndirectAfter || rule == Rule::AccordingTo {
            return;
        }
    }
}

/// Whether the tokens after a sentence-final cue t[k..=ce] are only its
/// circumstances: a day ("said Friday"), a short prepositional phrase ("said on
/// Thursday", "said in a statement"), or the hearer of "told"/"wrote" ("told
/// reporters", "told The Courier on Monday"). Nothing else may follow.
fn closing_tail(cx: &Ctx<'_>, t: &[Tok], k: usize, ce: usize, end: usize) -> bool {
    let n = end.saturating_sub(ce + 1);
    if n == 0 {
        return true;
    }
    if n > 8 || t[ce + 1..end].iter().any(|x| !x.is_word() && !x.is_p('.') || x.has(f::CUE) && !x.cap) {
        return false;
    }
    let first = word(cx.text, &t[ce + 1]);
    let cue = word(cx.text, &t[k]);
    let told = ["told", "tells", "wrote", "writes"].iter().any(|w| cue.eq_ignore_ascii_case(w));
    t[ce + 1].has(f::TIME)
        || matches!(first, "in" | "on" | "at" | "during" | "after" | "before" | "via" | "from")
        || told
}

/// `..., said NAME[, role].` closing the sentence: the inverted speaker, which
/// may carry a prepositional phrase to the sentence's end ("said Ana Ortiz of
/// the Harbour Authority").
///
/// With `common`, the speaker is instead a noun phrase opened by a determiner
/// ("said a spokesman for the city", "said one council source"). The caller
/// asks this only of a sentence with no subject before the cue: after a
/// subject, the phrase is the verb's object ("Ms Ortiz, the mayor, noted the
/// rule in her speech"). After "told" or "asked" the phrase is the hearer,
/// never the speaker.
/// Whether the cue t[k] may have an inverted speaker after it: a speech
/// verb, no participle, after a comma that closes at least two tokens.
fn inverted_shape(t: &[Tok], lo: usize, k: usize, class: u32) -> bool {
    k >= lo + 3 && t[k - 1].is_p(',') && class & f::CUE_S != 0 && class & f::PARTICIPLE == 0
}

// inlined: see `Registry::add_mention`
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn inverted_close(
    cx: &Ctx<'_>,
    t: &[Tok],
    lo: usize,
    k: usize,
    ce: usize,
    end: usize,
    class: u32,
    common: bool,
) -> Option<Np> {
    if !inverted_shape(t, lo, k, class) {
        return None;
    }
    let (mut np, e) = cx.np_after(t, ce + 1, end)?;
    if matches!(np.what, NpWhat::Name(_)) && np.role.is_none() {
        np.role = cx.role_after(t, e, end);
    }
    let fits = match np.what {
        NpWhat::Name(_) => !common,
        NpWhat::Common(_) => {
            common
                && t.get(ce + 1).is_some_and(|x| x.has(f::DET) && x.s == np.mention.start)
                && !is_one_of(word(cx.text, &t[k]), &["told", "tells", "asked", "asks"])
                // an auxiliary after the noun makes the phrase a clause's subject,
                // the cue's content: "said the bill would pass"
                && !(ce + 2..e).any(|j| t[j].has(f::ADV) && !t[j - 1].has(f::DET))
        }
        _ => false,
    };
    (fits && (e >= end || t[e].is_p(',') || closing_phrase(cx, t, e, end))).then_some(np)
}

/// Whether t[e..end] is one short prepositional phrase closing the sentence
/// (up to a comma): "of the Harbour Authority", "for the city", "in the room".
/// A verb, a cue or a pronoun in it makes it a clause of its own.
fn closing_phrase(cx: &Ctx<'_>, t: &[Tok], e: usize, end: usize) -> bool {
    let x = &t[e];
    if !x.is_word() || x.cap || !is_preposition(word(cx.text, x)) {
        return false;
    }
    phrase_closes(t, e, end)
}

/// Whether the phrase opened by t[e] is a few words up to a comma or `end`,
/// none of them a verb, a pronoun or a relative: no clause in it.
fn phrase_closes(t: &[Tok], e: usize, end: usize) -> bool {
    let stop = (e + 1..end).find(|&j| t[j].is_p(',')).unwrap_or(end);
    stop - e <= 8
        && stop > e + 1
        && t[e + 1..stop].iter().all(|y| y.is_word() && !y.has(f::CUE | f::BE | f::PRON | f::PRON_1 | f::REL))
}

/// A cue set off by commas inside the reported sentence: `A, X said, B` or `A, as
/// X noted, B`, where the subject starts at `ns` and the cue ends at `ce`. A day
/// may sit between the cue and its comma ("he said Tuesday,").
fn parenthetical(cx: &Ctx<'_>, t: &[Tok], lo: usize, ns: usize, ce: usize, end: usize) -> bool {
    let mut open = ns;
    if open > lo && t[open - 1].has(f::DET) && !t[open - 1].cap {
        open -= 1; // "as the harbour master X noted"
    }
    if open > lo && t[open - 1].is_word() && word_is(cx.text, &t[open - 1], "as") {
        open -= 1;
    }
    if open < lo + 2 || !t[open - 1].is_p(',') {
        return false;
    }
    parenthetical_tail(t, ce, end)
}

/// The part of [`parenthetical`] after the cue t[..=ce]: its closing comma
/// (a day may come first) and a reported clause of at least three tokens after it.
fn parenthetical_tail(t: &[Tok], ce: usize, end: usize) -> bool {
    let mut c = ce + 1;
    while c < end && c < ce + 3 && t[c].has(f::TIME) {
        c += 1;
    }
    // a reported clause of at least three tokens after the comma
    c + 3 < end && t[c].is_p(',') && t[c + 1].is_word()
}

/// Where the clause a cue t[k..=ce] reports starts in "X said (that) CLAUSE"
/// or "X told Y (that) CLAUSE", the token after the cue being no comma or
/// colon; None when no clause follows ("spoke to reporters", "said with a
/// smile"). Read from the cue on: its subject plays no part.
fn said_clause(cx: &Ctx<'_>, t: &[Tok], k: usize, ce: usize, end: usize) -> Option<usize> {
    let mut c = ce + 1;
    if word_is(cx.text, &t[k], "told") || word_is(cx.text, &t[k], "tells") {
        // the hearer: a few words, up to "that" or to where a clause visibly
        // starts ("told the Herald they would ...", "told her supporters the
        // fight ...", "told reporters Ortiz had ..."): a subject pronoun, a
        // determiner, a capitalised word after a lower-case one that is no
        // function word ("told a meeting of Pacific leaders that"), or an
        // infinitive or a question ("told his aides to ...", "told them what
        // to say")
        let hearer = c;
        while c < end
            && c - hearer < 6
            && (t[c].is_word() || t[c].kind == TK::Quote)
            && !word_is(cx.text, &t[c], "that")
        {
            let x = &t[c];
            let clause = c > hearer
                && x.is_word()
                && (x.has(f::PRON | f::PRON_1)
                    || x.has(f::DET) && !x.cap
                    || x.cap && t[c - 1].is_word() && !t[c - 1].cap && !t[c - 1].has(f::DET | f::STOP)
                    || is_one_of(word(cx.text, x), &["to", "what", "how", "why", "whether", "where", "if"]));
            if clause {
                break;
            }
            c += 1;
        }
    }
    while c < end && (t[c].has(f::TIME) || t[c].is_p(',')) {
        c += 1;
    }
    // "told the Courier on Friday, adding that ...": the participle is a cue
    // of its own, with its own clause
    if c < end && t[c].has(f::PARTICIPLE) && c > ce + 1 && t[c - 1].is_p(',') {
        return None;
    }
    if c < end && word_is(cx.text, &t[c], "that") {
        c += 1;
        if c < end && t[c].is_p(',') {
            c += 1; // "said that, if elected, ..."
        }
    }
    // a clause starts with its subject: skip "in a statement that"; "spoke
    // to reporters" has no clause
    if c < end && t[c].has(f::STOP) && !t[c].has(f::DET | f::PRON | f::PRON_1) && !t[c].cap {
        let w = word(cx.text, &t[c]);
        if let Some(m) = (c..(c + 8).min(end)).find(|&m| word_eq(cx.text, &t[m], "that")) {
            c = m + 1;
        } else if w == "with"
            || w == "about"
            || w == "of"
            || w == "to" && c == ce + 1 && word(cx.text, &t[k]).starts_with(['s', 't'])
        {
            return None;
        } else if is_one_of(w, &["when", "while", "after", "before"])
            && t.get(c + 1).is_some_and(|x| {
                x.is_word() && !x.cap && (word(cx.text, x).ends_with("ed") || word(cx.text, x).ends_with("ing"))
            })
        {
            // "said when asked about the cost": a clause without a subject says
            // when, not what
            return None;
        } else if (is_one_of(w, &["in", "on", "at", "during", "via"]) && closing_phrase(cx, t, c, end)
            || is_one_of(w, &["after", "before"]) && phrase_closes(t, c, end))
            && !t[c..end].iter().any(|x| x.is_p(','))
        {
            // "said in a phone interview.", "said after the meeting.": a
            // prepositional phrase closing the sentence is the cue's
            // circumstances, with no clause after it
            // (not "to" or "for": "urged him to stay", "pleaded for his life"
            // report what was asked)
            return None;
        }
    }
    if end <= c || end - c < 3 || !t[c].is_word() {
        return None;
    }
    Some(c)
}

fn finish(cx: &mut Ctx<'_>, quotes: &[Quotation], mut st: Vec<QState>, indirect: Vec<Quote>) -> Attribution {
    // one-word names completed by the one full name with that surname the text gives
    let mut key = std::mem::take(&mut cx.scratch);
    // (no full names kept: no key to make for each one-word name)
    let reg = &mut cx.reg;
    let to_complete = if reg.loose_spans.is_empty() { &mut [][..] } else { &mut reg.people[..] };
    for p in to_complete {
        if p.nwords == 1 && p.kind == MentionKind::Person && p.known.is_none() {
            key_into(&p.name, &mut key);
            let mut kept = reg.loose.people(&key);
            if let (Some(i), None) = (kept.next(), kept.next()) {
                if let Some(full) = reg.loose_spans.get(i).and_then(|x| cx.text.get(x.clone())) {
                    p.set_words(full.split_whitespace());
                }
            }
        }
    }
    // continuation: a sentence-level quote with no cue right after an attributed one
    for k in 1..st.len() {
        let s = &st[k];
        // a short title-case sentence ("We Are Home.") right after '"...," X said' in
        // the same paragraph is X's next sentence, not a title
        let said_before = quotes[k].first_paragraph == quotes[k - 1].last_paragraph
            && matches!(st[k - 1].rule, Some(Rule::CueAfter | Rule::CueAfterInverted));
        if s.speaker.is_some() || s.blocked || !s.starts_sentence || s.title && !said_before {
            continue;
        }
        if s.partial && text_words(cx.text, &quotes[k]) < 4 {
            continue;
        }
        if quotes[k].first_paragraph > quotes[k - 1].last_paragraph + 1 {
            continue;
        }
        if let Some(sp) = st[k - 1].speaker.clone() {
            st[k].speaker = Some((sp.0, sp.1, sp.2));
            st[k].rule = Some(Rule::Continuation);
        }
    }
    // ... or right before one, in the same paragraph: "A." "B," she said.
    for k in (0..st.len().saturating_sub(1)).rev() {
        let s = &st[k];
        if s.speaker.is_some() || s.blocked || !s.starts_sentence || s.partial || s.title {
            continue;
        }
        if quotes[k + 1].first_paragraph != quotes[k].last_paragraph {
            continue;
        }
        if matches!(st[k + 1].rule, Some(Rule::CueAfter | Rule::CueAfterInverted | Rule::Continuation)) {
            if let Some(sp) = st[k + 1].speaker.clone() {
                st[k].speaker = Some(sp);
                st[k].rule = Some(Rule::Continuation);
            }
        }
    }
    // the records are done with: their vectors and strings move into the output
    // (drained, so the registry keeps the vector for the next article); the
    // speakers' names are copies of these
    let people: Vec<Person> = cx.reg.people.drain(..).map(person_out).collect();
    let direct = quotes.iter().zip(st).map(|(q, s)| {
        // a programme or a book named after its owner ("told the network's \"Morning
        // Desk\"", "said on CNN's \"Face the Nation\"") is a title, not words said
        let speaker = if s.partial && owned_title(cx.text, q) { None } else { s.speaker };
        let speaker =
            speaker.map(|(id, mention, role)| Speaker { name: people[id].name.clone(), mention, person: id, role });
        let rule = if speaker.is_some() { s.rule.unwrap_or(Rule::Unattributed) } else { Rule::Unattributed };
        let cue = if speaker.is_some() { s.cue } else { None };
        Quote {
            span: q.content.clone(),
            kind: if s.partial { QuoteKind::Partial } else { QuoteKind::Direct },
            speaker,
            cue,
            rule,
        }
    });
    let mut indirect = indirect;
    for q in &mut indirect {
        if let Some(sp) = &mut q.speaker {
            // a copy made at its size: `clone_from` into the empty name took
            // `reserve`'s growth path for every indirect quote
            sp.name = people[sp.person].name.clone();
        }
    }
    // the direct quotes come in the order of their contents nearly always:
    // then each is made straight into its place among the indirect ones,
    // not gathered into a vector of its own to be merged from
    let out = if quotes
        .windows(2)
        .all(|w| (w[0].content.start, w[0].content.end) <= (w[1].content.start, w[1].content.end))
    {
        merge_in_order(direct, indirect)
    } else {
        merge_by_span(direct.collect(), indirect)
    };
    Attribution { quotes: out, people }
}

/// [`merge_by_span`] of the quotes `a` (already in the order of their spans)
/// and `b`: the same order, `a`'s first of equals, each quote of `a` moved
/// once, from the iterator that makes it into the output.
fn merge_in_order(a: impl ExactSizeIterator<Item = Quote>, mut b: Vec<Quote>) -> Vec<Quote> {
    let key = |q: &Quote| (q.span.start, q.span.end);
    if !b.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        b.sort_by_key(key);
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter();
    for x in a {
        // `b`'s quotes before `x`; of equals, `x` first
        while b.as_slice().first().is_some_and(|y| key(y) < key(&x)) {
            out.extend(b.next());
        }
        out.push(x);
    }
    out.extend(b);
    out
}

/// The quotes of `a` and of `b` in the order of their spans (start, then end),
/// `a`'s first of equals: what a stable sort of `a` then `b` gives. Each list
/// comes in text order nearly always, and then one merge moves each quote
/// once (none when a list is empty), where the sort read runs and moved them
/// again. A list out of order is sorted alone first: a stable sort of each
/// and a merge taking `a`'s first of equals is a stable sort of both.
fn merge_by_span(mut a: Vec<Quote>, mut b: Vec<Quote>) -> Vec<Quote> {
    let key = |q: &Quote| (q.span.start, q.span.end);
    for v in [&mut a, &mut b] {
        if !v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
            v.sort_by_key(key);
        }
    }
    if b.is_empty() {
        return a;
    }
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    // the heads compared in place: each quote is moved once, into `out`
    while let (Some(x), Some(y)) = (a.as_slice().first(), b.as_slice().first()) {
        let next = if key(x) <= key(y) { a.next() } else { b.next() };
        out.extend(next);
    }
    out.extend(a);
    out.extend(b);
    out
}

/// Whether the caller's name says more than the text's words: a person the
/// text names by surname only, an organisation it names by one word.
fn known_fuller(p: &PersonRec, k: &str) -> bool {
    if p.kind == MentionKind::Person {
        k.split_whitespace().count() > p.nwords
    } else {
        p.nwords == 1 && k.len() > p.name.len()
    }
}

/// The output record of a person. Its name is the fullest form the text
/// gives; the caller's canonical name only for an organisation or place the
/// text names by one word ("the Fund"). Moved out of the record, not copied.
/// Inlined: see [`Registry::add_mention`].
#[inline(always)]
fn person_out(p: PersonRec) -> Person {
    let name = match p.known {
        Some(k) if known_fuller(&p, &k) => k,
        _ => p.name,
    };
    let mut mentions = p.mentions;
    // nearly always in text order already, each once: then there is nothing to sort
    if !mentions.windows(2).all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end)) {
        mentions.sort_by_key(|m| (m.start, m.end));
        mentions.dedup();
    }
    Person { name, kind: p.kind, mentions, gender: p.gender, role: p.role }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_helpers_agree_with_key_of() {
        let words = ["Ortiz", "ORTIZ", "ortiz's", "Ortiz\u{2019}s", "O'Neill", "Øvrebø", "ÖZIL", "Σωκράτης", "a", ""];
        let mut buf = String::new();
        for a in words {
            key_into(a, &mut buf);
            assert_eq!(buf, key_of(a), "{a:?}");
            for b in words {
                assert_eq!(key_is(a, &key_of(b)), key_of(a) == key_of(b), "{a:?} {b:?}");
                assert_eq!(same_key(a, b), key_of(a) == key_of(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn lower_into_maps_char_by_char() {
        let words = [
            "Ortiz",
            "M\u{fc}LLER",
            "\u{d8}vreb\u{f8}",
            "\u{130}stanbul",
            "\u{3a3}\u{3a9}\u{3a3}",
            "\u{1e9e}X",
            "",
            "a",
        ];
        let mut buf = String::from("left over");
        for w in words {
            lower_into(w, &mut buf);
            assert_eq!(buf, w.chars().flat_map(char::to_lowercase).collect::<String>(), "{w:?}");
        }
    }

    #[test]
    fn plain_names_need_no_splitting_or_trimming() {
        // (name, where the last word starts and how many words, for a plain name)
        let cases: [(&str, Option<(usize, usize)>); 17] = [
            ("Ortiz", Some((0, 1))),
            ("A-1 B", Some((4, 2))),
            ("Ana,Ortiz", None),
            ("Ana_Ortiz\u{7f}", None),
            ("Ana Ortiz", Some((4, 2))),
            ("Jean-Luc Picard", Some((9, 2))),
            ("Helena Castro Lima", Some((14, 3))),
            ("G7", Some((0, 1))),
            ("", None),
            ("Ana  Ortiz", None),
            (" Ana", None),
            ("Ana ", None),
            ("Ana\tOrtiz", None),
            ("Ortiz's", None),
            ("Ortiz\u{2019}s", None),
            ("Jr.", None),
            ("Jos\u{e9} Ortiz", None),
        ];
        for (s, want) in cases {
            assert_eq!(plain_name(s), want, "{s:?}");
            // what the fast path reads off a plain name is what the general path would
            if let Some((at, n)) = want {
                let words: Vec<&str> = s.split_whitespace().collect();
                assert_eq!(words.len(), n, "{s:?}");
                assert_eq!(words.last().copied(), s.get(at..), "{s:?}");
                assert!(words.iter().all(|w| possessive_stem(trim_stops(w)) == *w), "{s:?}");
                assert_eq!(words.join(" "), s, "{s:?}");
                let mut plain = Vec::new();
                split_plain_into(s, &mut plain);
                assert_eq!(plain, words, "{s:?}");
            }
        }
    }

    #[test]
    fn name_words_split_as_split_whitespace_does() {
        let cases = [
            "",
            " ",
            "Ana",
            "Ana Ortiz",
            "  Ana \t Ortiz\n",
            "Mr.\x0bOrtiz",
            "Ana\u{a0}Ortiz",
            "Jos\u{e9} Mar\u{ed}a  Ruiz",
            "Ana\u{2009}Ortiz Lima",
        ];
        let mut out = Vec::new();
        for s in cases {
            split_words_into(s, &mut out);
            assert_eq!(out, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    /// [`token_words`] (the paragraph's fast path) against [`split_plain_into`]
    /// (the general path for a plain name): where the tokens are the name's
    /// words one to one it gives what the cut gives, and it turns away every
    /// other shape of tokens. One line a case: text, the name's span, the
    /// tokens (start, end, a word or not), whether they are its words.
    #[test]
    fn token_words_are_the_plain_names_words() {
        /// A token: start, end, a word or not.
        type T = (usize, usize, bool);
        /// A case: text, the name's span, its tokens, whether they are its words.
        type Case<'c> = (&'c str, (usize, usize), &'c [T], bool);
        let w = |s: usize, e: usize| (s, e, true);
        let cases: &[Case<'_>] = &[
            ("Ana Ortiz", (0, 9), &[w(0, 3), w(4, 9)], true),
            ("Ortiz", (0, 5), &[w(0, 5)], true),
            ("said Ana Ortiz today", (5, 14), &[w(5, 8), w(9, 14)], true),
            ("Jean-Luc Picard", (0, 15), &[w(0, 8), w(9, 15)], true),
            ("Helena Castro Lima", (0, 18), &[w(0, 6), w(7, 13), w(14, 18)], true),
            // a hyphen as a token of its own
            ("Jean-Luc Picard", (0, 15), &[w(0, 4), (4, 5, false), w(5, 8), w(9, 15)], false),
            // the tokens start after the name, or end before it
            ("Ana Ortiz", (0, 9), &[w(1, 3), w(4, 9)], false),
            ("Ana Ortiz", (0, 9), &[w(0, 3), w(4, 8)], false),
            // a gap of two bytes, and a gap that is no space
            ("Ana  Ortiz", (0, 10), &[w(0, 3), w(5, 10)], false),
            ("Ana-Ortiz", (0, 9), &[w(0, 3), w(4, 9)], false),
            // a token past the name's end
            ("Ana Ortiz Lima", (0, 9), &[w(0, 3), w(4, 9), w(10, 14)], false),
            ("", (0, 0), &[], false),
        ];
        for &(text, (s, e), toks, want) in cases {
            let toks: Vec<Tok> = toks
                .iter()
                .map(|&(s, e, word)| Tok {
                    s,
                    e,
                    kind: if word { TK::Word } else { TK::Punct },
                    c: text.get(s..).and_then(|x| x.chars().next()).unwrap_or(' '),
                    cap: false,
                    fl: 0,
                    q: 0,
                })
                .collect();
            let name = &text[s..e];
            let mut got = Vec::new();
            let ok = token_words(name, &toks, &(s..e), &mut got);
            assert_eq!(ok, want, "{text:?} {toks:?}");
            if ok {
                let mut cut = Vec::new();
                split_plain_into(name, &mut cut);
                assert_eq!(got, cut, "{text:?}");
            }
        }
    }

    #[test]
    fn stops_and_possessives_come_off_the_end_only() {
        let cases = [
            ("Jr.", "Jr", "Jr."),
            ("Jr.,", "Jr", "Jr.,"),
            ("U.S.", "U.S", "U.S."),
            (".,.", "", ".,."),
            ("Ortiz's", "Ortiz's", "Ortiz"),
            ("Ortiz\u{2019}s", "Ortiz\u{2019}s", "Ortiz"),
            ("Ross", "Ross", "Ross"),
            ("", "", ""),
        ];
        for (w, trimmed, stem) in cases {
            assert_eq!(trim_stops(w), trimmed, "{w:?}");
            assert_eq!(trim_stops(w), w.trim_end_matches(['.', ',']), "{w:?}");
            assert_eq!(possessive_stem(w), stem, "{w:?}");
        }
    }

    #[test]
    fn a_role_names_its_heads_only() {
        // (role, noun, an organisation noun?, the role names it)
        let cases: &[(&str, &str, bool, bool)] = &[
            ("a spokesman for the ministry", "spokesman", false, true),
            ("a Spokesman for the ministry", "spokesman", false, true),
            ("a spokesman for the ministry", "ministry", true, false),
            ("the agency's director", "union", true, false),
            ("the agency's director", "director", false, true),
            ("director of the agency", "agency", true, false),
            ("the ferry operator", "company", true, true),
            ("the ferry Operator's", "company", true, true),
            ("the state-owned oil company that runs the port", "firm", true, true),
            ("chairman and chief executive", "chairman", false, true),
            ("chairman and chief executive", "chief", false, false),
            ("chief-executive", "executive", false, true),
            ("Ministry-run agency", "firm", true, true),
            ("Ministry-run agency", "ministry", true, true),
            ("spokeswoman", "spokesman", false, false),
            ("organisations", "company", true, false),
            ("a s\u{e9}nior spokesman", "spokesman", false, true),
            ("the Soci\u{e9}t\u{e9} bank", "company", true, true),
            ("minister of finance", "minister", false, true),
            ("", "spokesman", false, false),
            ("--", "bank", true, false),
            ("bank", "", false, false),
        ];
        for &(role, noun, org_noun, want) in cases {
            assert_eq!(role_names(role, noun, org_noun), want, "{role:?} {noun:?} {org_noun}");
        }
    }

    #[test]
    fn title_words_read_by_bytes_as_by_chars() {
        let cases = [
            "",
            " ",
            "Face the Nation",
            "Face the Nation,",
            "All Bets Are Off.",
            "We are ready",
            "We Are Home.",
            "\"Keep It Real\"",
            "(Election Day)",
            "One Two Three Four Five Six Seven Eight",
            "One Two Three Four Five Six Seven Eight Nine",
            "2020 Vision",
            "a",
            "...",
            "-- --",
            "Why?",
            "Why? ",
            "Fox and Friends!\n",
            "Tab\tSeparated\x0bWords",
            "Caf\u{e9} Society",
            "Ordinary caf\u{e9}",
            "Nation\u{a0}Building",
            "\u{c9}lys\u{e9}e Talks",
            "Gone 'N' Back",
            "Gone \u{2019}N\u{2019} Back",
            "The x",
            "A\x1cb c",
            "A\x1cB C",
        ];
        for c in cases {
            assert_eq!(title_words(c), title_words_chars(c), "{c:?}");
        }
        assert!(title_words("Face the Nation"));
        assert!(!title_words("We are ready"));
    }

    #[test]
    fn org_nouns_match_in_any_ascii_case() {
        let words =
            ["company", "Company", "MINISTRY", "organisation", "Organizations", "firm's", "bank", "Bänk", "", "x"];
        for w in words {
            assert_eq!(is_org_noun_ignoring_case(w.as_bytes()), is_org_noun(&w.to_ascii_lowercase()), "{w:?}");
        }
    }

    #[test]
    fn two_words_cut_as_split_whitespace_does() {
        let phrases = [
            "the spokesman",
            "The Company",
            "  the\tagency \n",
            "the",
            "",
            "   ",
            "the former spokesman",
            "the spokesman\u{a0}",
            "the spokesman \u{a0}",
            "the\u{a0}spokesman",
            "the spokesman \u{2009}x",
            "the Ministério",
            "la société",
            "the spokesman \u{1c}",
        ];
        for s in phrases {
            let mut it = s.split_whitespace();
            let want = match (it.next(), it.next(), it.next()) {
                (Some(a), Some(b), None) => Some((a, b)),
                _ => None,
            };
            assert_eq!(two_words(s), want, "{s:?}");
        }
    }

    #[test]
    fn reused_buffers_leave_no_trace_between_articles() {
        let lx = Lexicon::embedded();
        let first = "Mayor Ana Ruiz said the bridge would reopen. \"We are ready,\" she said.";
        let second = "\"Not yet,\" Ruiz told reporters on Monday.";
        // a new thread starts with no buffers to reuse
        let fresh = std::thread::scope(|s| s.spawn(|| run(&lx, true, second, &[])).join().unwrap());
        assert_eq!(fresh.quotes[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Ruiz"));
        run(&lx, true, first, &[]);
        assert_eq!(run(&lx, true, second, &[]), fresh);
    }

    #[test]
    fn a_surname_is_completed_by_the_one_full_name_the_text_gives() {
        let lx = Lexicon::embedded();
        // (text, the speaker's name): the full name is first seen by shape only
        let cases: &[(&str, &str)] = &[
            ("The plan came from Quillon Varga last year. \"It works,\" Varga said.", "Quillon Varga"),
            ("The plan came from Quillon VARGA's office. \"It works,\" Varga said.", "Quillon VARGA's"),
            ("Plans by Quillon Varga and by Odran Varga differ. \"It works,\" Varga said.", "Varga"),
            (
                "The plan came from Quillon Varga. It was Quillon Varga again. \"It works,\" Varga said.",
                "Quillon Varga",
            ),
            ("\"It works,\" Varga said.", "Varga"),
            ("The plan came from Quillon Ærø last year. \"It works,\" ÆRØ said.", "Quillon Ærø"),
        ];
        for &(text, want) in cases {
            let out = run(&lx, true, text, &[]);
            let got = out.quotes.iter().find_map(|q| q.speaker.as_ref()).map(|s| s.name.as_str());
            assert_eq!(got, Some(want), "{text:?}");
        }
    }

    #[test]
    fn a_speaker_named_in_the_paragraph_is_the_person_registered_there() {
        // (text, the speaker, how many people share the speaker's surname):
        // `resolve` registers the name again from what the paragraph's pass kept
        let cases: &[(&str, &str, usize)] = &[
            ("\"The bridge will open,\" Ana Ortiz said.", "Ana Ortiz", 1),
            ("Ana Ortiz toured the site. \"The bridge will open,\" Ortiz said.", "Ana Ortiz", 1),
            ("Ana Ortiz toured the site.\n\n\"It opens in May,\" Ana Ortiz said.", "Ana Ortiz", 1),
            ("Ana Ortiz and Luis Ortiz toured the site. \"It opens in May,\" Luis Ortiz said.", "Luis Ortiz", 2),
            ("Luis Ortiz came. \"It opens in May,\" Ana Ortiz said, and Luis Ortiz agreed.", "Ana Ortiz", 2),
        ];
        let lx = Lexicon::embedded();
        for &(text, want, same_surname) in cases {
            let out = run(&lx, true, text, &[]);
            let sp = out.quotes.iter().find_map(|q| q.speaker.as_ref());
            assert_eq!(sp.map(|s| s.name.as_str()), Some(want), "{text:?}");
            let surname = want.rsplit(' ').next().unwrap_or(want);
            let n = out.people.iter().filter(|p| p.name.ends_with(surname)).count();
            assert_eq!(n, same_surname, "{text:?}: {:?}", out.people);
        }
    }

    #[test]
    fn what_follows_a_cue_decides_before_its_subject_is_searched() {
        // (sentence, the indirect quote's content and speaker, or None): a cue
        // followed by no clause, no closing tail and no comma clause is passed
        // over before its subject search; those followed by one are read as ever
        type Want = Option<(&'static str, &'static str)>;
        let cases: &[(&str, Want)] = &[
            ("Ana Ortiz said the bridge would open in May.", Some(("the bridge would open in May", "Ana Ortiz"))),
            (
                "Ana Ortiz said that, if funded, the bridge would open.",
                Some(("if funded, the bridge would open", "Ana Ortiz")),
            ),
            ("Ana Ortiz told reporters that the bridge would open.", Some(("the bridge would open", "Ana Ortiz"))),
            ("The bridge would open in May, Ana Ortiz said.", Some(("The bridge would open in May", "Ana Ortiz"))),
            (
                "The bridge would open in May, Ana Ortiz said on Friday.",
                Some(("The bridge would open in May", "Ana Ortiz")),
            ),
            (
                "The bridge would open in May, Ana Ortiz told reporters.",
                Some(("The bridge would open in May", "Ana Ortiz")),
            ),
            (
                "The bridge, Ana Ortiz said, would open in May.",
                Some(("The bridge, Ana Ortiz said, would open in May", "Ana Ortiz")),
            ),
            ("Ana Ortiz said with a smile and left.", None),
            ("Ana Ortiz said to reporters nothing at all.", None),
            ("Ana Ortiz said: the bridge would open.", None),
            ("Ana Ortiz said, smiling, the bridge would open.", None),
            ("Ana Ortiz said it.", None),
        ];
        let lx = Lexicon::embedded();
        for &(text, want) in cases {
            let out = run(&lx, true, text, &[]);
            let got =
                out.quotes.iter().find(|q| q.kind == QuoteKind::Indirect).map(|q| {
                    (text.get(q.span.clone()).unwrap_or(""), q.speaker.as_ref().map_or("", |s| s.name.as_str()))
                });
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn merged_quotes_are_a_stable_sort_of_direct_then_indirect() {
        // (direct spans, indirect spans): equal spans keep the direct quote first
        type Spans = &'static [(usize, usize)];
        let cases: &[(Spans, Spans)] = &[
            (&[(0, 5), (10, 20)], &[(6, 9), (30, 40)]),
            (&[(0, 5)], &[]),
            (&[], &[(3, 4), (1, 2)]),
            (&[(5, 9), (5, 9)], &[(5, 9), (0, 1)]),
            (&[(20, 30), (0, 10)], &[(10, 15), (10, 12)]),
            (&[(0, 10), (0, 4)], &[(0, 4)]),
            (&[(0, 4), (0, 10), (12, 14)], &[(0, 10), (13, 20), (0, 4), (14, 15)]),
            (&[(2, 3), (8, 9)], &[(0, 1), (2, 3), (2, 3), (9, 12), (8, 9)]),
        ];
        let quote = |&(s, e): &(usize, usize), kind| Quote {
            span: s..e,
            kind,
            speaker: None,
            cue: None,
            rule: Rule::Unattributed,
        };
        for &(a, b) in cases {
            let a: Vec<Quote> = a.iter().map(|x| quote(x, QuoteKind::Direct)).collect();
            let b: Vec<Quote> = b.iter().map(|x| quote(x, QuoteKind::Indirect)).collect();
            let mut want: Vec<Quote> = a.iter().chain(&b).cloned().collect();
            want.sort_by_key(|q| (q.span.start, q.span.end));
            // the direct quotes in order (nearly always): merged as they are made
            if a.windows(2).all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end)) {
                assert_eq!(merge_in_order(a.clone().into_iter(), b.clone()), want, "{a:?} {b:?}");
            }
            assert_eq!(merge_by_span(a, b), want);
        }
    }

    #[test]
    fn common_phrases_are_one_entity_in_any_case() {
        // (first phrase, second phrase, the same entity)
        let cases: &[(&str, &str, bool)] = &[
            ("the union", "The Union", true),
            ("the union", "the unions", false),
            ("la Soci\u{e9}t\u{e9}", "LA SOCI\u{c9}T\u{c9}", true),
            ("\u{212a}elvin group", "kelvin group", true),
            ("Ortiz", "ortiz", true),
        ];
        for &(a, b, same) in cases {
            let mut reg = Registry::with_capacity();
            // a name under the same letters is another entity
            reg.by_key.push_ascii("ortiz", 7);
            let x = reg.register_common(a, 0..a.len(), false, false, None);
            let y = reg.register_common(b, 100..100 + b.len(), false, false, None);
            assert_eq!(x == y, same, "{a:?} {b:?}");
            assert_eq!(reg.by_key.last("ortiz"), Some(7));
        }
    }

    #[test]
    fn key_index_lists_people_newest_first() {
        let mut ix = KeyIndex::with_capacity(2);
        let pushes: &[(&str, usize)] = &[("ortiz", 0), ("reilly", 1), ("ortiz", 2), ("voss", 3), ("ortiz", 2)];
        for &(k, id) in pushes {
            ix.push(k, id);
        }
        let cases: &[(&str, &[usize])] = &[("ortiz", &[2, 2, 0]), ("reilly", &[1]), ("voss", &[3]), ("renzi", &[])];
        for &(k, want) in cases {
            assert_eq!(ix.people(k).collect::<Vec<_>>(), want, "{k}");
            assert_eq!(ix.last(k), want.first().copied(), "{k}");
            assert_eq!(ix.entry_ascii(&k.to_uppercase()), ix.entry(k), "{k}");
        }
    }

    #[test]
    fn key_index_ascii_pushes_are_lower_cased_keys() {
        let mut ix = KeyIndex::with_capacity(2);
        ix.push("ortiz", 0);
        let pushes: &[(&str, usize)] = &[("Ortiz", 1), ("REILLY", 2), ("al-Amin", 3), ("Reilly", 4)];
        for &(w, id) in pushes {
            ix.push_ascii(w, id);
        }
        let cases: &[(&str, &[usize])] = &[("ortiz", &[1, 0]), ("reilly", &[4, 2]), ("al-amin", &[3]), ("Reilly", &[])];
        for &(k, want) in cases {
            assert_eq!(ix.people(k).collect::<Vec<_>>(), want, "{k}");
        }
    }

    #[test]
    fn heads_keep_every_hash_through_collisions_and_growth() {
        // hashes sharing the slot bits (same `h >> 24` low bits) probe on; 300 keys grow the table from 4 slots
        let mut heads = Heads::with_capacity(2);
        let hashes: Vec<u64> = (0..300u64).map(|i| (i % 7) << 24 | i << 40 | i).collect();
        for (e, &h) in hashes.iter().enumerate() {
            assert_eq!(heads.insert(h, e), NO_LINK, "{h:x}");
        }
        for (e, &h) in hashes.iter().enumerate() {
            assert_eq!(heads.get(h), Some(e), "{h:x}");
        }
        assert_eq!(heads.insert(hashes[5], 1000), 5);
        assert_eq!(heads.get(hashes[5]), Some(1000));
        assert_eq!(heads.get(7 << 24), None);
        heads.clear();
        assert_eq!(heads.get(hashes[0]), None);
        assert_eq!(Heads::default().get(1), None);
    }
}
