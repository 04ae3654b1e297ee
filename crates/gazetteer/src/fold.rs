//! Accent and punctuation folding with a map back to the original byte offsets.
//!
//! Both the patterns and the searched text go through [`fold_str`]/[`Folded::new`],
//! so "Zúñiga" in the text meets "Zuniga" in the gazetteer and vice versa. Case
//! is kept: case sensitivity is decided per entry, not by the fold.
//!
//! Pure ASCII text is borrowed as is (no copy, no map). Otherwise the folded copy
//! is built in one pass; every place where the folded length of a char differs
//! from its UTF-8 length records a breakpoint `(folded_offset, original_offset)`,
//! so mapping a folded offset back is a binary search over the (sparse) breakpoints.

use std::borrow::Cow;

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

/// A folded text and the map back to the original.
pub(crate) struct Folded<'t> {
    /// The folded bytes (valid UTF-8).
    pub(crate) bytes: Cow<'t, [u8]>,
    /// Breakpoints `(folded, original)`, sorted by both; empty when identity.
    map: Vec<(usize, usize)>,
}

impl<'t> Folded<'t> {
    /// Fold `text`, borrowing it when nothing changes.
    pub(crate) fn new(text: &'t str) -> Folded<'t> {
        let bytes = text.as_bytes();
        let Some(first) = bytes.iter().position(|&b| b >= 0x80) else {
            return Folded { bytes: Cow::Borrowed(bytes), map: Vec::new() };
        };
        let mut out = Vec::with_capacity(bytes.len());
        let mut map = Vec::new();
        let mut i = first;
        out.extend_from_slice(&bytes[..i]);
        while i < bytes.len() {
            let run = bytes[i..].iter().position(|&b| b >= 0x80).unwrap_or(bytes.len() - i);
            out.extend_from_slice(&bytes[i..i + run]);
            i += run;
            let Some(ch) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let clen = ch.len_utf8();
            let before = out.len();
            match fold_char(ch) {
                CharFold::Keep => out.extend_from_slice(&bytes[i..i + clen]),
                CharFold::Ascii(a) => out.extend_from_slice(a.as_bytes()),
                CharFold::Byte(b) => out.push(b),
            }
            i += clen;
            if out.len() - before != clen {
                map.push((out.len(), i));
            }
        }
        Folded { bytes: Cow::Owned(out), map }
    }

    /// Map a folded offset back to an original offset.
    pub(crate) fn original(&self, folded: usize) -> usize {
        let idx = self.map.partition_point(|&(f, _)| f <= folded);
        match idx.checked_sub(1).and_then(|k| self.map.get(k)) {
            Some(&(f, o)) => o + (folded - f),
            None => folded,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert_eq!(fold_str(input), want, "{input}");
            let f = Folded::new(input);
            assert_eq!(std::str::from_utf8(&f.bytes).unwrap(), want, "{input}");
            assert_eq!(f.original(f.bytes.len()), input.len(), "{input}");
            assert_eq!(f.original(0), 0);
        }
    }

    #[test]
    fn maps_offsets_back() {
        let text = "“Zúñiga’s” La Paz";
        let f = Folded::new(text);
        let folded = std::str::from_utf8(&f.bytes).unwrap();
        let at = folded.find("La Paz").unwrap();
        assert_eq!(&text[f.original(at)..f.original(at + 6)], "La Paz");
        let z = folded.find("Zuniga").unwrap();
        assert_eq!(&text[f.original(z)..f.original(z + 6)], "Zúñiga");
    }
}
