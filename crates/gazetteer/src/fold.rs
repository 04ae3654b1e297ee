//! Accent and punctuation folding, read in place with offsets into the original text.
//!
//! Both the patterns and the searched text go through [`fold_str`]/[`Cursor`],
//! so "Zúñiga" in the text meets "Zuniga" in the gazetteer and vice versa. Case
//! is kept: case sensitivity is decided per entry, not by the fold.
//!
//! The searched text is never copied: [`Cursor`] folds it forward one char at a
//! time from a candidate word start, [`prev_byte`] looks one folded byte back,
//! and [`Window`] folds a short stretch around a word for the few checks that need
//! more context. ASCII bytes fold to themselves, so on news text nearly all of the
//! work is reading the caller's bytes in place.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded form of one char, at most 3 bytes for the cases we emit.
pub(crate) enum CharFold {
    /// Keep the char as it is.
    Keep,
    /// Replace by this ASCII string (may be empty: the char is dropped).
    Ascii(&'static str),
    /// Replace by one ASCII byte.
    Byte(u8),
}

/// How one non-ASCII char folds.
pub(crate) fn fold_char(ch: char) -> CharFold {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => CharFold::Byte(b'\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => {
            CharFold::Byte(b'"')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => CharFold::Byte(b'-'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => CharFold::Ascii(""),
        'ø' => CharFold::Byte(b'o'),
        'Ø' => CharFold::Byte(b'O'),
        'æ' => CharFold::Ascii("ae"),
        'Æ' => CharFold::Ascii("AE"),
        'œ' => CharFold::Ascii("oe"),
        'Œ' => CharFold::Ascii("OE"),
        'ß' => CharFold::Ascii("ss"),
        'ł' => CharFold::Byte(b'l'),
        'Ł' => CharFold::Byte(b'L'),
        'đ' | 'ð' => CharFold::Byte(b'd'),
        'Đ' | 'Ð' => CharFold::Byte(b'D'),
        'ı' => CharFold::Byte(b'i'),
        'þ' => CharFold::Ascii("th"),
        'Þ' => CharFold::Ascii("Th"),
        _ if ch.is_whitespace() => CharFold::Byte(b' '),
        _ if is_combining_mark(ch) => CharFold::Ascii(""),
        _ if ch.is_alphanumeric() => {
            let mut base = None;
            let mut first = true;
            decompose_canonical(ch, |c| {
                if first {
                    first = false;
                    if c.is_ascii_alphabetic() {
                        base = Some(c as u8);
                    }
                } else if !is_combining_mark(c) {
                    base = None;
                }
            });
            match base {
                Some(b) => CharFold::Byte(b),
                None => CharFold::Keep,
            }
        }
        // Other punctuation and symbols: a word boundary, nothing more.
        _ => CharFold::Byte(b' '),
    }
}

/// Fold a string (used for patterns).
pub(crate) fn fold_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii() {
            out.push(ch);
            continue;
        }
        match fold_char(ch) {
            CharFold::Keep => out.push(ch),
            CharFold::Ascii(a) => out.push_str(a),
            CharFold::Byte(b) => out.push(b as char),
        }
    }
    out
}

/// [`fold_str`] of an owned string, which is handed back as it is when it is
/// ASCII (most patterns are) rather than copied.
pub(crate) fn fold_string(s: String) -> String {
    if s.is_ascii() {
        s
    } else {
        fold_str(&s)
    }
}

/// The folded bytes of one char, without allocating.
#[derive(Clone, Copy)]
struct CharBytes {
    buf: [u8; 4],
    len: u8,
}

impl CharBytes {
    fn of(ch: char) -> CharBytes {
        let mut buf = [0u8; 4];
        let len = match fold_char(ch) {
            CharFold::Keep => ch.encode_utf8(&mut buf).len(),
            CharFold::Byte(b) => {
                buf[0] = b;
                1
            }
            CharFold::Ascii(a) => {
                let a = a.as_bytes();
                let n = a.len().min(4);
                buf[..n].copy_from_slice(&a[..n]);
                n
            }
        };
        CharBytes { buf, len: len as u8 }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

/// Reads the folded form of `text` forward from an original offset, one byte at a
/// time, without copying the text: ASCII bytes pass through, other chars are
/// folded as they are reached. Each byte comes with the original offset just past
/// the char it came from.
pub(crate) struct Cursor<'t> {
    text: &'t str,
    /// Original offset of the next char to fold.
    pos: usize,
    /// Folded bytes of the last non-ASCII char not handed out yet.
    pending: CharBytes,
    next_pending: u8,
}

impl<'t> Cursor<'t> {
    /// A cursor at `pos`, which must be a char boundary of `text` (if it is not,
    /// the cursor yields nothing).
    pub(crate) fn new(text: &'t str, pos: usize) -> Cursor<'t> {
        let pos = if text.is_char_boundary(pos) { pos } else { text.len() };
        Cursor { text, pos, pending: CharBytes { buf: [0; 4], len: 0 }, next_pending: 0 }
    }
}

impl Iterator for Cursor<'_> {
    /// A folded byte and the original offset just past its char.
    type Item = (u8, usize);

    #[inline]
    fn next(&mut self) -> Option<(u8, usize)> {
        if self.next_pending < self.pending.len {
            let b = self.pending.buf[self.next_pending as usize];
            self.next_pending += 1;
            return Some((b, self.pos));
        }
        loop {
            let &b = self.text.as_bytes().get(self.pos)?;
            if b < 0x80 {
                self.pos += 1;
                return Some((b, self.pos));
            }
            let ch = self.text.get(self.pos..)?.chars().next()?;
            self.pos += ch.len_utf8();
            self.pending = CharBytes::of(ch);
            if let Some(&first) = self.pending.bytes().first() {
                self.next_pending = 1;
                return Some((first, self.pos));
            }
        }
    }
}

/// The last folded byte before original offset `pos` (a char boundary), skipping
/// chars that fold to nothing; `None` at the start of the text.
///
/// Inline for the usual case, an ASCII byte before `pos`: the matcher asks at
/// every capital of the text, and the call cost more than the answer.
#[inline]
pub(crate) fn prev_byte(text: &str, pos: usize) -> Option<u8> {
    match text.as_bytes().get(pos.checked_sub(1)?) {
        Some(&b) if b < 0x80 => Some(b),
        _ => prev_byte_folded(text, pos),
    }
}

/// [`prev_byte`] past non-ASCII chars.
#[inline(never)]
fn prev_byte_folded(text: &str, pos: usize) -> Option<u8> {
    let mut pos = pos;
    loop {
        let &b = text.as_bytes().get(pos.checked_sub(1)?)?;
        if b < 0x80 {
            return Some(b);
        }
        let ch = text.get(..pos)?.chars().next_back()?;
        pos -= ch.len_utf8();
        if let Some(&last) = CharBytes::of(ch).bytes().last() {
            return Some(last);
        }
    }
}

/// The first folded byte of the char at `pos`, and the char's length; `None`
/// when there is no char there or it folds to nothing.
#[inline]
pub(crate) fn first_byte(text: &str, pos: usize) -> Option<(u8, usize)> {
    let &b = text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some((b, 1));
    }
    let ch = text.get(pos..)?.chars().next()?;
    CharBytes::of(ch).bytes().first().map(|&f| (f, ch.len_utf8()))
}

/// Original offset `pos` moved past any chars that fold to nothing (soft
/// hyphens, zero-width spaces, combining marks), so that a span ends where the
/// next visible char begins.
///
/// Inline for the usual case, an ASCII byte (or the end of the text) at
/// `pos`: every mention asks.
#[inline]
pub(crate) fn skip_dropped(text: &str, pos: usize) -> usize {
    match text.as_bytes().get(pos) {
        Some(&b) if b >= 0x80 => skip_dropped_chars(text, pos),
        _ => pos,
    }
}

/// [`skip_dropped`] past non-ASCII chars.
#[inline(never)]
fn skip_dropped_chars(text: &str, mut pos: usize) -> usize {
    while let Some(ch) = text.get(pos..).and_then(|rest| rest.chars().next()) {
        if ch.is_ascii() || !CharBytes::of(ch).bytes().is_empty() {
            break;
        }
        pos += ch.len_utf8();
    }
    pos
}

/// A folded copy of a short stretch of text around one word start, for the rare
/// checks that look further than the word itself (ambiguous entries, stems).
pub(crate) struct Window {
    /// Folded bytes: at least `back` bytes before the word start unless the text
    /// starts sooner (then index 0 is the start of the text), and at least `ahead`
    /// bytes from it unless the text ends sooner.
    pub(crate) bytes: Vec<u8>,
    /// Index of the word start in `bytes`.
    pub(crate) start: usize,
    /// For each byte from `start` on: the original offset just past its char.
    ends: Vec<usize>,
}

impl Window {
    /// Fold around the char boundary `pos`.
    pub(crate) fn new(text: &str, pos: usize, back: usize, ahead: usize) -> Window {
        // Most windows are ASCII through and through: they fold to
        // themselves, so they are copied in one piece rather than decoded
        // and folded a char at a time (several thousand instructions a window).
        let from = pos.saturating_sub(back);
        let to = pos.saturating_add(ahead).min(text.len());
        if let Some(stretch) = text.as_bytes().get(from..to).filter(|s| s.is_ascii()) {
            return Window { bytes: stretch.to_vec(), start: pos - from, ends: (pos + 1..=to).collect() };
        }
        let mut rev = Vec::with_capacity(back + 4);
        let mut p = pos;
        while rev.len() < back {
            let Some(ch) = text.get(..p).and_then(|head| head.chars().next_back()) else { break };
            p -= ch.len_utf8();
            if ch.is_ascii() {
                rev.push(ch as u8);
            } else {
                rev.extend(CharBytes::of(ch).bytes().iter().rev());
            }
        }
        rev.reverse();
        let start = rev.len();
        let mut bytes = rev;
        let mut ends = Vec::with_capacity(ahead);
        for (b, end) in Cursor::new(text, pos).take(ahead) {
            bytes.push(b);
            ends.push(end);
        }
        Window { bytes, start, ends }
    }

    /// The original offset for a window offset at or after `start + 1`: just past
    /// the char of the byte before it.
    pub(crate) fn original_end(&self, at: usize) -> Option<usize> {
        self.ends.get(at.checked_sub(self.start + 1)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_text(text: &str) -> String {
        let bytes: Vec<u8> = Cursor::new(text, 0).map(|(b, _)| b).collect();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn folds_accents_and_quotes() {
        for (input, want) in [
            ("Zúñiga", "Zuniga"),
            ("Bolivia’s", "Bolivia's"),
            ("São Paulo", "Sao Paulo"),
            ("Łódź", "Lodz"),
            ("Straße", "Strasse"),
            ("Москва", "Москва"),
            ("a\u{00A0}b", "a b"),
            ("e\u{0301}", "e"),
            ("Æsir\u{00AD}", "AEsir"),
        ] {
            assert_eq!(fold_str(input), want, "{input}");
            assert_eq!(fold_text(input), want, "{input}");
            let end = Cursor::new(input, 0).last().map(|(_, end)| skip_dropped(input, end));
            assert_eq!(end, Some(input.len()), "{input}");
        }
    }

    #[test]
    fn maps_offsets_back() {
        let text = "“Zúñiga’s” La Paz";
        // (original offset of a word start, folded word, original text it spans)
        for (start, word, want) in [(3, "Zuniga", "Zúñiga"), (text.len() - 6, "La Paz", "La Paz")] {
            let got: Vec<(u8, usize)> = Cursor::new(text, start).take(word.len()).collect();
            let folded: Vec<u8> = got.iter().map(|&(b, _)| b).collect();
            assert_eq!(folded, word.as_bytes());
            assert_eq!(&text[start..got.last().unwrap().1], want);
        }
    }

    #[test]
    fn looks_back_one_folded_byte() {
        // (text, offset, folded byte before it)
        let cases: &[(&str, usize, Option<u8>)] = &[
            ("La Paz", 0, None),
            ("La Paz", 3, Some(b' ')),
            ("“Paz", 3, Some(b'"')),
            ("Zúñiga’s", 8, Some(b'a')),
            ("Zúñiga’s", 11, Some(b'\'')),
            ("x\u{00AD}\u{200B}Paz", 6, Some(b'x')),
            ("\u{200B}Paz", 3, None),
            ("Москва Paz", 13, Some(b' ')),
            ("МоскваPaz", 12, Some(0xB0)),
        ];
        for &(text, at, want) in cases {
            assert_eq!(prev_byte(text, at), want, "{text:?} at {at}");
        }
    }

    #[test]
    fn windows_fold_both_ways() {
        let text = "Señor Núñez’s visit to Bogotá";
        let at = text.find("Bogot").unwrap();
        let w = Window::new(text, at, 64, 64);
        assert_eq!(w.bytes, b"Senor Nunez's visit to Bogota");
        assert_eq!(&w.bytes[w.start..], b"Bogota");
        assert_eq!(w.original_end(w.bytes.len()), Some(text.len()));
        let w = Window::new(text, at, 4, 3);
        assert_eq!(w.bytes, b" to Bog");
        assert_eq!(skip_dropped("Paz\u{00AD}\u{200B} x", 3), 8);
        // ASCII windows are copied whole, cut at both ends of the text alike.
        let text = "The May rally in Lima";
        // (back, ahead, folded bytes, index of the word start)
        for (back, ahead, want, start) in [(3, 5, "he May r", 3), (64, 64, text, 4), (0, 3, "May", 0)] {
            let w = Window::new(text, 4, back, ahead);
            assert_eq!((w.bytes.as_slice(), w.start), (want.as_bytes(), start), "{back} {ahead}");
            assert_eq!(w.original_end(w.bytes.len()), Some(4 - start + want.len()));
        }
    }
}
