//! Sentence splitting.
//!
//! The splitter walks each paragraph once, stopping only at bytes that can
//! matter (`.` `?` `!` `)` and the lead byte of `…`, curly quotes and bullets).
//! At each stop it looks a bounded distance left and right, so the work is
//! linear in the input however long a paragraph is.

use std::ops::Range;
use std::sync::Arc;

use crate::lexicon::{Class, Lexicon};
use crate::paragraph::{trim_range, Paragraphs};
use crate::token::{is_close_mark, is_open_mark, is_space, is_word_char};

/// One sentence: a whitespace-trimmed span that never crosses a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sentence<'t> {
    /// Byte range into the text passed to [`crate::Tokenizer::sentences`].
    pub span: Range<usize>,
    /// `&text[span]`.
    pub text: &'t str,
    /// Index of the paragraph holding the sentence (as yielded by
    /// [`crate::Tokenizer::paragraphs`] with the same settings).
    pub paragraph: usize,
}

/// Iterator over the sentences of a text, made by [`crate::Tokenizer::sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'t> {
    text: &'t str,
    lexicon: Arc<Lexicon>,
    paragraphs: Paragraphs<'t>,
    /// Index of the current paragraph (`usize::MAX` before the first).
    paragraph: usize,
    /// End of the current paragraph; `pos == para_end` means none is open.
    para_end: usize,
    /// Where the current sentence starts.
    start: usize,
    /// Where scanning resumes.
    pos: usize,
    /// List marker that opened the current sentence, if any.
    list: Option<ListMarker>,
    /// A paragraph is being split.
    open: bool,
    /// Cached search for `…`: the first one at or after `ellipsis_from` is at
    /// `ellipsis_at` (the paragraph end if none).
    ellipsis_from: usize,
    ellipsis_at: usize,
}

/// Bytes the scanner stops at.
static STOP: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b')' as usize] = true;
    t[0xE2] = true; // … • ⁃ and curly quotes
    t
};

/// How far left of a period the splitter looks for the word before it.
const LOOK_BACK: usize = 64;
/// How far right it looks for the next word.
const LOOK_AHEAD: usize = 48;

/// Position of the first `…` (E2 80 A6) in `hay`.
fn find_ellipsis(hay: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(p) = memchr::memchr(0xA6, &hay[at..]) {
        let p = at + p;
        if p >= 2 && hay[p - 2] == 0xE2 && hay[p - 1] == 0x80 {
            return Some(p - 2);
        }
        at = p + 1;
    }
    None
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '▸' | '►')
}

/// Numbering style of a list marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    /// `1.)`
    DotParen,
}

/// A list marker at the start of a sentence: `1.`, `2)`, `a.`, `• 9.`, `⁃10.`
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ListMarker {
    bullet: Option<char>,
    /// The number or letter and its style, if the marker is enumerated.
    value: Option<(Value, Style)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Value {
    Number(u32),
    Letter(u8),
}

impl Value {
    fn next(self) -> Value {
        match self {
            Value::Number(n) => Value::Number(n.saturating_add(1)),
            Value::Letter(b) => Value::Letter(b.saturating_add(1)),
        }
    }
}

/// Parses an enumerator (`12.`, `b)`, `3.)`) at `i`; returns value, style and
/// the index of its terminating `.`/`)`. Requires a space after it.
fn parse_enumerator(bytes: &[u8], i: usize) -> Option<(Value, Style, usize)> {
    let mut j = i;
    while j < bytes.len() && j - i < 3 && bytes[j].is_ascii_digit() {
        j += 1;
    }
    let value = if j > i {
        if bytes.get(j).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut n = 0u32;
        for &b in &bytes[i..j] {
            n = n * 10 + u32::from(b - b'0');
        }
        Value::Number(n)
    } else if bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
        j = i + 1;
        Value::Letter(bytes[i])
    } else {
        return None;
    };
    let (style, end) = match (bytes.get(j), bytes.get(j + 1)) {
        (Some(b'.'), Some(b')')) => (Style::DotParen, j + 2),
        (Some(b'.'), _) => (Style::Dot, j + 1),
        (Some(b')'), _) => (Style::Paren, j + 1),
        _ => return None,
    };
    // Every marker is followed by a space or tab.
    if !bytes.get(end).is_some_and(|&b| b == b' ' || b == b'\t') {
        return None;
    }
    Some((value, style, end))
}

/// The list marker opening the sentence at `start`, if any.
fn parse_marker(text: &str, start: usize) -> Option<ListMarker> {
    let bytes = text.as_bytes();
    // Quick reject: markers start with a digit, a lowercase letter followed by
    // `.` or `)`, or a bullet (all bullets are three-byte chars).
    match *bytes.get(start)? {
        b'0'..=b'9' | 0xE2..=0xEF => {}
        b'a'..=b'z' if matches!(bytes.get(start + 1), Some(b'.' | b')')) => {}
        _ => return None,
    }
    let mut i = start;
    let mut bullet = None;
    if let Some(c) = char_at(text, i) {
        if is_bullet(c) {
            bullet = Some(c);
            i += c.len_utf8();
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
        }
    }
    let value = parse_enumerator(bytes, i).map(|(v, s, _)| (v, s));
    if bullet.is_none() && value.is_none() {
        return None;
    }
    Some(ListMarker { bullet, value })
}

/// What follows a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next<'t> {
    /// A capitalised word (the letters of it).
    Upper(&'t str),
    /// A lowercase word.
    Lower,
    /// A digit.
    Digit,
    /// An opening quotation mark before a capitalised word.
    Quoted,
    /// Anything else (symbols, dashes).
    Other,
}

/// Classifies the text starting at `i` (a non-space position).
fn next_kind(text: &str, i: usize) -> Next<'_> {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut quoted = false;
    // Skip opening marks and brackets.
    while let Some(c) = char_at(text, j) {
        if j - i > 8 {
            break;
        }
        if is_open_mark(c) || matches!(c, '"' | '\'') {
            quoted = true;
            j += c.len_utf8();
        } else if matches!(c, '(' | '[' | '{' | '¿' | '¡') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    let Some(c) = char_at(text, j) else {
        return Next::Other;
    };
    if c.is_ascii_digit() {
        return Next::Digit;
    }
    if c.is_lowercase() {
        // "iPhone", "eBay": a capital inside the first word.
        let mut k = j + c.len_utf8();
        let mut steps = 0;
        while let Some(d) = char_at(text, k) {
            if !is_word_char(d) || steps > 4 {
                break;
            }
            if d.is_uppercase() {
                return Next::Upper("");
            }
            k += d.len_utf8();
            steps += 1;
        }
        return Next::Lower;
    }
    if c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()) {
        if quoted {
            return Next::Quoted;
        }
        // The word's letters, with inner dots of an acronym ("E.T").
        let mut k = j;
        let limit = (j + LOOK_AHEAD).min(bytes.len());
        while k < limit {
            let b = bytes[k];
            if b.is_ascii_alphabetic() || (b == b'.' && bytes.get(k + 1).is_some_and(u8::is_ascii_alphabetic)) {
                k += 1;
            } else if b >= 0x80 {
                match char_at(text, k) {
                    Some(d) if d.is_alphabetic() => k += d.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        return Next::Upper(&text[j..k]);
    }
    Next::Other
}

/// Whether `word` (the letters of the next word) is the pronoun "I"; the
/// letters of "I'm", "I'll", "I've" are "I" as well.
fn is_pronoun_i(word: &str) -> bool {
    word == "I"
}

/// A dotted acronym without its final dot: `U.S`, `E.U`, `U.S.A`, `a.m`.
fn is_acronym(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3
        && b.len() % 2 == 1
        && b.iter().enumerate().all(|(k, &c)| if k % 2 == 0 { c.is_ascii_alphabetic() } else { c == b'.' })
}

impl<'t> Sentences<'t> {
    pub(crate) fn new(text: &'t str, lexicon: Arc<Lexicon>, paragraphs: Paragraphs<'t>) -> Self {
        Sentences {
            text,
            lexicon,
            paragraphs,
            paragraph: usize::MAX,
            para_end: 0,
            start: 0,
            pos: 0,
            list: None,
            open: false,
            ellipsis_from: usize::MAX,
            ellipsis_at: 0,
        }
    }

    fn begin_sentence(&mut self, start: usize) {
        self.start = start;
        self.pos = start;
        self.list = parse_marker(self.text, start);
    }

    /// The word before the period at `dot`, within the current sentence.
    fn word_before(&self, dot: usize) -> (usize, &'t str) {
        let text = self.text;
        let bytes = text.as_bytes();
        let lo = self.start.max(dot.saturating_sub(LOOK_BACK));
        let mut ws = dot;
        while ws > lo && !bytes[ws - 1].is_ascii_whitespace() {
            ws -= 1;
        }
        if ws == lo && lo > self.start {
            // Too long to be an abbreviation.
            return (dot, "");
        }
        // Move off a partial char (only possible at `lo`).
        while !text.is_char_boundary(ws) {
            ws += 1;
        }
        let raw = &text[ws..dot];
        let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        (dot - word.len(), word)
    }

    /// The word before `at` (ending at the last whitespace before it).
    fn previous_word(&self, at: usize) -> &'t str {
        let text = self.text;
        let lo = self.start.max(at.saturating_sub(LOOK_BACK));
        let Some(before) = text.get(lo..at) else {
            return "";
        };
        let before = before.trim_end();
        let w = before.rsplit(char::is_whitespace).next().unwrap_or("");
        w.trim_matches(|c: char| !c.is_alphanumeric())
    }

    /// Whether the sentence so far holds only an introductory phrase such as
    /// "At 5 a.m." (a preposition, a number, a time word).
    fn only_intro_phrase(&self, end: usize) -> bool {
        let Some(so_far) = self.text.get(self.start..end) else {
            return false;
        };
        if so_far.len() > 40 {
            return false;
        }
        let mut words = so_far.split_whitespace();
        let first = words.next().unwrap_or("");
        let first = first.trim_matches(|c: char| !c.is_alphanumeric());
        self.lexicon.is_intro(first) && so_far.split_whitespace().count() <= 4
    }

    /// Whether no word char stands between the sentence start and `at`.
    fn nothing_before(&self, at: usize) -> bool {
        if at.saturating_sub(self.start) > 16 {
            return false;
        }
        self.text.get(self.start..at).is_some_and(|s| !s.chars().any(is_word_char))
    }

    /// Whether the sentence so far is only a list marker ("1", "a", "• 9").
    fn only_marker_before(&self, dot: usize) -> bool {
        self.list.is_some_and(|m| m.value.is_some())
            && dot.saturating_sub(self.start) <= 12
            && parse_marker(self.text, self.start).is_some()
            && {
                let bytes = self.text.as_bytes();
                let mut i = self.start;
                if let Some(c) = char_at(self.text, i) {
                    if is_bullet(c) {
                        i += c.len_utf8();
                        while bytes.get(i) == Some(&b' ') {
                            i += 1;
                        }
                    }
                }
                parse_enumerator(bytes, i).is_some_and(|(_, _, end)| {
                    // `dot` is the marker's own `.` (or the `.` of `.)`).
                    dot < end
                })
            }
    }

    /// Checks whether an enumerated or bulleted item continuing the current
    /// list begins at the stop `i`; returns where it starts.
    fn list_item_at(&self, i: usize) -> Option<usize> {
        let marker = self.list?;
        let text = self.text;
        let bytes = text.as_bytes();
        if let Some(b) = marker.bullet {
            if i > self.start && char_at(text, i) == Some(b) && char_before(text, i).is_some_and(is_space) {
                return Some(i);
            }
            return None;
        }
        let (value, style) = marker.value?;
        let want = value.next();
        // `i` is a `.` or `)`: walk back over the enumerator.
        let c = bytes[i];
        let mut s = i;
        if c == b')' && s > 0 && bytes[s - 1] == b'.' {
            // The `)` of `2.)` is reached after its `.`; handled there.
            return None;
        }
        while s > 0 && i - s < 3 && bytes[s - 1].is_ascii_digit() {
            s -= 1;
        }
        if s == i {
            if s > 0 && bytes[s - 1].is_ascii_lowercase() {
                s -= 1;
            } else {
                return None;
            }
        }
        if s == 0 || !bytes[s - 1].is_ascii_whitespace() {
            return None;
        }
        let (v, st, _) = parse_enumerator(bytes, s)?;
        (v == want && st == style && s > self.start).then_some(s)
    }

    /// Decides whether the terminator starting at `i` ends the sentence.
    /// `Ok((end, next))` on a boundary, `Err(resume)` otherwise.
    fn at_terminator(&self, i: usize) -> Result<(usize, usize), usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = self.para_end;
        // The run of terminators: `.` `?` `!` `…` and spaced dots `. . .`.
        let mut j = i;
        let mut dots = 0usize;
        let mut strong = false;
        let mut spaced = false;
        while j < end {
            match bytes[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'?' | b'!' => {
                    strong = true;
                    j += 1;
                }
                0xE2 if text[j..].starts_with('…') => {
                    dots += 3;
                    j += '…'.len_utf8();
                }
                b' ' if j > i
                    && bytes[j - 1] == b'.'
                    && bytes.get(j + 1) == Some(&b'.')
                    && j + 1 < end
                    && !bytes.get(j + 2).is_some_and(u8::is_ascii_alphanumeric) =>
                {
                    spaced = true;
                    j += 1;
                }
                _ => break,
            }
        }
        let run_end = j;
        // Closing quotation marks and brackets after it.
        let mut k = j;
        let mut quoted = false;
        while k < end {
            if bytes[k] < 0x80 && !matches!(bytes[k], b')' | b']' | b'}' | b'"' | b'\'') {
                break;
            }
            let Some(c) = char_at(text, k) else { break };
            if is_close_mark(c) || matches!(c, ')' | ']' | '}') {
                quoted |= is_close_mark(c);
                k += c.len_utf8();
                continue;
            }
            if c == '"' || c == '\'' {
                let closes = k + 1 >= end
                    || char_at(text, k + 1)
                        .is_some_and(|n| is_space(n) || matches!(n, ')' | ']' | '}' | '"' | '\'') || is_close_mark(n));
                if closes {
                    quoted = true;
                    k += 1;
                    continue;
                }
            }
            break;
        }
        if k >= end {
            return Err(end);
        }
        match char_at(text, k) {
            Some(c) if is_space(c) => {}
            _ => return Err(k),
        }
        let mut next = k;
        while next < end {
            match char_at(text, next) {
                Some(c) if is_space(c) => next += c.len_utf8(),
                _ => break,
            }
        }
        if next >= end {
            return Err(end);
        }
        if self.nothing_before(i) {
            return Err(k);
        }
        let nk = next_kind(&text[..end], next);
        let general = nk != Next::Lower;
        let split = if strong {
            // `"Why now?" Ms. Ortiz asked.` stays one sentence.
            general && !(quoted && self.attribution_at(next))
        } else if dots == 3 {
            // An ellipsis marks an omission; it ends a sentence only before a
            // capitalised word, and not before "I", which is always capitalised.
            let bracketed =
                matches!(char_before(text, i), Some('[' | '(')) && matches!(char_at(text, run_end), Some(']' | ')'));
            !bracketed && (matches!(nk, Next::Upper(w) if !is_pronoun_i(w)) || nk == Next::Quoted)
        } else if dots >= 4 {
            let attached = char_before(text, i).is_some_and(|c| !is_space(c));
            if attached && spaced && bytes.get(i + 1) == Some(&b' ') {
                // "word. . . . Next": the period ends the sentence and the
                // ellipsis opens the next one.
                if matches!(nk, Next::Upper(_) | Next::Quoted) {
                    return Ok((i + 1, i + 2));
                }
                false
            } else {
                general
            }
        } else {
            self.period_splits(i, nk)
        };
        if split {
            Ok((k, next))
        } else {
            Err(k)
        }
    }

    /// Whether an attribution starts at `i`: up to four capitalised words
    /// (names, titles, initials, a pronoun) and then a verb of saying.
    fn attribution_at(&self, i: usize) -> bool {
        let text = self.text;
        // A bounded window keeps this linear however long the words are.
        let mut end = self.para_end.min(i + 4 * LOOK_AHEAD);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(rest) = text.get(i..end) else {
            return false;
        };
        let mut names = 0;
        for word in rest.split(' ').take(5) {
            let bare = word.trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let first = bare.chars().next();
            if first.is_some_and(char::is_uppercase) {
                names += 1;
                if names > 4 || word.len() > 24 {
                    return false;
                }
                continue;
            }
            return names > 0 && self.lexicon.is_reporting_verb(bare);
        }
        false
    }

    /// Whether a single period at `dot` followed by `nk` ends the sentence.
    fn period_splits(&self, dot: usize, nk: Next<'_>) -> bool {
        // Nothing ends a sentence before a lowercase word.
        if nk == Next::Lower || self.only_marker_before(dot) {
            return false;
        }
        let (ws, word) = self.word_before(dot);
        let mut class = self.lexicon.classify(word);
        if class == Class::NumberPrefix && nk == Next::Digit {
            return false;
        }
        if matches!(class, Class::None | Class::NumberPrefix) {
            let mut chars = word.chars();
            let first = chars.next();
            let single = first.is_some() && chars.next().is_none();
            if is_acronym(word) {
                class = Class::Ambiguous;
            } else if single && first.is_some_and(char::is_uppercase) {
                // An initial, or the pronoun "I" ending a sentence: "Albert I.
                // Jones" against "you and I. Did".
                let prev = self.previous_word(ws);
                if word != "I" || prev.chars().next().is_some_and(char::is_uppercase) {
                    // Only a sentence opener ends it: not a name, not a quoted
                    // nickname (Robert C. "Bobby" Scott).
                    return matches!(nk, Next::Upper(w) if self.lexicon.is_starter(w));
                }
            }
        }
        match class {
            Class::Title => false,
            Class::NumberPrefix if nk == Next::Digit => false,
            Class::Time => match nk {
                Next::Lower => false,
                Next::Upper(w) => !self.lexicon.is_continuation(w) && !self.only_intro_phrase(ws),
                Next::Digit => false,
                Next::Quoted | Next::Other => true,
            },
            Class::Ambiguous => match nk {
                Next::Upper(w) => self.lexicon.is_starter(w),
                Next::Quoted => true,
                _ => false,
            },
            Class::None | Class::NumberPrefix => nk != Next::Lower,
        }
    }

    /// Next position at or after `from` (before the paragraph end) worth a
    /// look: a terminator, or (inside a list) a `)` or bullet.
    fn next_stop(&mut self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let end = self.para_end;
        if from >= end {
            return None;
        }
        if self.list.is_some() {
            // Rare: list items. A byte-table walk sees `)` and bullets too.
            return (from..end).find(|&i| STOP[bytes[i] as usize]);
        }
        // Common: `.` `?` `!` by SIMD search, `…` from a cached search that only
        // moves forward within the paragraph.
        if self.ellipsis_from > from || self.ellipsis_at < from {
            self.ellipsis_at = find_ellipsis(&bytes[from..end]).map_or(end, |p| from + p);
            self.ellipsis_from = from;
        }
        let term = memchr::memchr3(b'.', b'?', b'!', &bytes[from..self.ellipsis_at]).map(|p| from + p);
        match term {
            Some(t) => Some(t),
            None if self.ellipsis_at < end => Some(self.ellipsis_at),
            None => None,
        }
    }

    /// Scans the current paragraph from `pos`; returns the end of the
    /// current sentence and the start of the next, or `None` at paragraph end.
    fn find_boundary(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.pos;
        while let Some(stop) = self.next_stop(i) {
            i = stop;
            match bytes[i] {
                0xE2 => {
                    let c = char_at(text, i);
                    if c == Some('…') {
                        match self.at_terminator(i) {
                            Ok(r) => return Some(r),
                            Err(k) => i = k.max(i + 1),
                        }
                        continue;
                    }
                    if c.is_some_and(is_bullet) {
                        if let Some(s) = self.list_item_at(i) {
                            return Some((s, s));
                        }
                    }
                    i += 1;
                }
                b')' => {
                    if let Some(s) = self.list_item_at(i) {
                        return Some((s, s));
                    }
                    i += 1;
                }
                b => {
                    if b == b'.' {
                        if let Some(s) = self.list_item_at(i) {
                            return Some((s, s));
                        }
                    }
                    match self.at_terminator(i) {
                        Ok(r) => return Some(r),
                        Err(k) => i = k.max(i + 1),
                    }
                }
            }
        }
        None
    }
}

impl<'t> Iterator for Sentences<'t> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        loop {
            if !self.open {
                let p = self.paragraphs.next()?;
                self.paragraph = self.paragraph.wrapping_add(1);
                self.para_end = p.span.end;
                self.open = true;
                self.ellipsis_from = usize::MAX;
                self.begin_sentence(p.span.start);
            }
            let span = match self.find_boundary() {
                Some((e, n)) => {
                    let span = trim_range(self.text, self.start..e);
                    self.begin_sentence(n);
                    span
                }
                None => {
                    self.open = false;
                    trim_range(self.text, self.start..self.para_end)
                }
            };
            if !span.is_empty() {
                return Some(Sentence { text: &self.text[span.clone()], span, paragraph: self.paragraph });
            }
        }
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}
