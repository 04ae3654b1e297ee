//! Paragraphs and quotation marks: pairing marks into quotations.
//!
//! The scanner works paragraph by paragraph (a paragraph is one non-blank line,
//! trimmed), keeps a stack of open quotations, and decides for every mark from the
//! characters on either side whether it opens, closes or is an apostrophe. Because
//! the stack is reset at every paragraph end (except for the multi-paragraph
//! convention), a stray mark can disturb at most the rest of its own paragraph.
//! Every mark is pushed and popped at most once, so the scan is linear.

use std::ops::Range;

/// A quotation found by pairing quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The quotation with its marks (an unclosed quotation runs to the end of its
    /// last paragraph).
    pub span: Range<usize>,
    /// The text inside the marks.
    pub content: Range<usize>,
    /// Whether a closing mark ended it.
    pub closed: bool,
    /// Index of the first paragraph it touches.
    pub first_paragraph: usize,
    /// Index of the last paragraph it touches (greater than `first_paragraph` for
    /// a quotation continued over several paragraphs).
    pub last_paragraph: usize,
}

/// Non-blank lines of `text`, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    // room for lines of a news article's length (a pass counting them costs
    // as much as the split); a longer text grows the vector a few times
    let mut out = Vec::with_capacity(64);
    let mut start = 0;
    loop {
        // a blank line between paragraphs (about every other line of a news
        // text) is told by its first byte, without a search
        let end = match b.get(start..) {
            Some([b'\n', ..]) => start,
            Some(rest) => memchr::memchr(b'\n', rest).map_or(b.len(), |o| start + o),
            None => b.len(),
        };
        if let Some(line) = trimmed(text, start, end) {
            out.push(line);
        }
        if end >= b.len() {
            return out;
        }
        start = end + 1;
    }
}

/// `text[s..e]` (a line) without the white space around it, `None` if blank.
/// A line that starts and ends with a printable ASCII byte, as most do, is
/// answered from those two bytes.
#[inline]
fn trimmed(text: &str, s: usize, e: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let plain = |c: u8| c > b' ' && c < 0x7f;
    if s >= e {
        // the empty line between paragraphs
        return None;
    }
    if b.get(s).is_some_and(|&c| plain(c)) && b.get(e - 1).is_some_and(|&c| plain(c)) {
        return Some(s..e);
    }
    let line = text.get(s..e)?;
    let t = line.trim_start();
    let s = s + (line.len() - t.len());
    let t = t.trim_end();
    if t.is_empty() {
        None
    } else {
        Some(s..s + t.len())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// “ „ «
    DoubleOpen,
    /// ” »
    DoubleClose,
    /// " or ''
    DoubleBoth,
    /// ' or ‘
    SingleOpen,
    /// ’
    SingleClose,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Straight,
    TwoApostrophes,
    Curly,
    Guillemet,
    Single,
}

/// The mark at byte `i`, with its length in bytes.
#[inline]
fn mark_at(b: &[u8], i: usize, end: usize) -> Option<(Mark, usize, Style)> {
    match b[i] {
        b'"' => Some((Mark::DoubleBoth, 1, Style::Straight)),
        b'\'' => {
            if i + 1 < end && b[i + 1] == b'\'' {
                Some((Mark::DoubleBoth, 2, Style::TwoApostrophes))
            } else {
                Some((Mark::SingleOpen, 1, Style::Single))
            }
        }
        0xE2 if i + 2 < b.len() && b[i + 1] == 0x80 => match b[i + 2] {
            0x9C | 0x9E => Some((Mark::DoubleOpen, 3, Style::Curly)),
            0x9D => Some((Mark::DoubleClose, 3, Style::Curly)),
            0x98 => Some((Mark::SingleOpen, 3, Style::Single)),
            0x99 => Some((Mark::SingleClose, 3, Style::Single)),
            _ => None,
        },
        0xC2 if i + 1 < b.len() => match b[i + 1] {
            0xAB => Some((Mark::DoubleOpen, 2, Style::Guillemet)),
            0xBB => Some((Mark::DoubleClose, 2, Style::Guillemet)),
            _ => None,
        },
        _ => None,
    }
}

/// Positions of the bytes that can start a mark (`"`, `'`, and the lead bytes
/// 0xE2 of the curly marks and 0xC2 of the guillemets), in order. One searcher
/// runs over the whole text, not one per paragraph and per mark: a news
/// paragraph holds a few marks in a few hundred bytes, and a search started
/// afresh costs more than the bytes it reads. The rare 0xC2 has a searcher of
/// its own, merged in.
struct MarkBytes<'a> {
    three: memchr::Memchr3<'a>,
    c2: memchr::Memchr<'a>,
    next3: Option<usize>,
    next2: Option<usize>,
}

impl<'a> MarkBytes<'a> {
    fn new(b: &'a [u8]) -> MarkBytes<'a> {
        let mut three = memchr::memchr3_iter(b'"', b'\'', 0xE2, b);
        let mut c2 = memchr::memchr_iter(0xC2, b);
        let (next3, next2) = (three.next(), c2.next());
        MarkBytes { three, c2, next3, next2 }
    }
}

impl Iterator for MarkBytes<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        match (self.next3, self.next2) {
            (Some(a), Some(c)) if c < a => {
                self.next2 = self.c2.next();
                Some(c)
            }
            (Some(a), _) => {
                self.next3 = self.three.next();
                Some(a)
            }
            (None, Some(c)) => {
                self.next2 = self.c2.next();
                Some(c)
            }
            (None, None) => None,
        }
    }
}

/// The character ending just before byte `i`, if `i > lo`.
#[inline]
pub(crate) fn char_before(text: &str, i: usize, lo: usize) -> Option<char> {
    if i <= lo {
        return None;
    }
    match text.as_bytes().get(i - 1) {
        // an ASCII byte, as next to most marks: no decoding (and `i`, after
        // it, is a char boundary)
        Some(&c) if c < 0x80 && text.is_char_boundary(lo) => Some(char::from(c)),
        _ => text.get(lo..i).and_then(|s| s.chars().next_back()),
    }
}

/// The character starting at byte `i`, if `i < hi`.
#[inline]
pub(crate) fn char_at(text: &str, i: usize, hi: usize) -> Option<char> {
    if i >= hi {
        return None;
    }
    match text.as_bytes().get(i) {
        Some(&c) if c < 0x80 && text.is_char_boundary(hi) => Some(char::from(c)),
        _ => text.get(i..hi).and_then(|s| s.chars().next()),
    }
}

fn open_preceder(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{201e}'
    )
}

struct Open {
    double: bool,
    start: usize,
    len: usize,
    style: Style,
    first_paragraph: usize,
}

/// Every maximal quotation in `text`, sorted by start.
pub fn find_quotations(text: &str) -> Vec<Quotation> {
    find_quotations_in(text, &paragraphs(text))
}

/// Like [`find_quotations`] with the paragraphs already computed.
pub(crate) fn find_quotations_in(text: &str, paras: &[Range<usize>]) -> Vec<Quotation> {
    pair_marks(text, paras, MarkBytes::new(text.as_bytes()))
}

/// The quotations of `text` from `marks`, the positions (in order) of every
/// byte that may start a quotation mark: pairs the marks paragraph by
/// paragraph. The tests feed it the positions found byte by byte.
fn pair_marks(text: &str, paras: &[Range<usize>], marks: impl Iterator<Item = usize>) -> Vec<Quotation> {
    let b = text.as_bytes();
    // room for a news article's quotations and nesting from the start: most
    // texts then never grow either
    let mut cands: Vec<Quotation> = Vec::with_capacity(32);
    let mut carry: Option<Open> = None;
    let mut stack: Vec<Open> = Vec::with_capacity(8);
    let mut marks = marks.peekable();
    for (pi, para) in paras.iter().enumerate() {
        let (ps, pe) = (para.start, para.end);
        stack.clear();
        let mut doubles = 0usize;
        let mut skip_first = false;
        if let Some(c) = carry.take() {
            stack.push(c);
            doubles = 1;
            skip_first = true;
        }
        let mut i = ps;
        let mut first = true;
        while let Some(&at) = marks.peek() {
            if at >= pe {
                break;
            }
            marks.next();
            // before the paragraph (in the white space around it) or inside the
            // mark just read (the second `'` of `''`)
            if at < i {
                continue;
            }
            i = at;
            let Some((mark, len, style)) = mark_at(b, i, pe) else {
                i += 1;
                continue;
            };
            if skip_first && first {
                first = false;
                i += len;
                continue;
            }
            first = false;
            let p = char_before(text, i, ps);
            let n = char_at(text, i + len, pe);
            let openish =
                p.map_or(true, |c| c.is_whitespace() || open_preceder(c)) && n.is_some_and(|c| !c.is_whitespace());
            let closeish = p.is_some_and(|c| !c.is_whitespace());
            match mark {
                Mark::DoubleOpen | Mark::DoubleClose | Mark::DoubleBoth => {
                    if doubles > 0 {
                        if mark == Mark::DoubleClose || !openish || closeish {
                            while let Some(o) = stack.pop() {
                                if o.double {
                                    doubles -= 1;
                                    cands.push(Quotation {
                                        span: o.start..i + len,
                                        content: o.start + o.len..i,
                                        closed: true,
                                        first_paragraph: o.first_paragraph,
                                        last_paragraph: pi,
                                    });
                                    break;
                                }
                            }
                        } else {
                            stack.push(Open { double: true, start: i, len, style, first_paragraph: pi });
                            doubles += 1;
                        }
                    } else if openish || p.is_none() {
                        stack.push(Open { double: true, start: i, len, style, first_paragraph: pi });
                        doubles += 1;
                    }
                }
                Mark::SingleOpen | Mark::SingleClose => {
                    let inside_word = p.is_some_and(|c| c.is_alphanumeric()) && n.is_some_and(|c| c.is_alphanumeric());
                    let elided_year = n.is_some_and(|c| c.is_ascii_digit())
                        && b.get(i + len + 1).is_some_and(|c| c.is_ascii_digit())
                        && !b.get(i + len + 2).is_some_and(|c| c.is_ascii_digit());
                    if !inside_word && !elided_year {
                        let top_single = stack.last().is_some_and(|o| !o.double);
                        if top_single && (closeish || !openish) {
                            if let Some(o) = stack.pop() {
                                cands.push(Quotation {
                                    span: o.start..i + len,
                                    content: o.start + o.len..i,
                                    closed: true,
                                    first_paragraph: pi,
                                    last_paragraph: pi,
                                });
                            }
                        } else if openish && mark == Mark::SingleOpen {
                            stack.push(Open { double: false, start: i, len, style, first_paragraph: pi });
                        }
                    }
                }
            }
            i += len;
        }
        // An open double quotation: continued by the next paragraph's opening
        // mark of the same style, else ended at this paragraph's end.
        if let Some(pos) = stack.iter().position(|o| o.double) {
            let outer = stack.swap_remove(pos);
            if let Some(next) = paras.get(pi + 1) {
                if let Some((m, _, st)) = mark_at(b, next.start, next.end) {
                    if m != Mark::SingleOpen && m != Mark::SingleClose && st == outer.style {
                        carry = Some(outer);
                        continue;
                    }
                }
            }
            cands.push(Quotation {
                span: outer.start..pe,
                content: outer.start + outer.len..pe,
                closed: false,
                first_paragraph: outer.first_paragraph,
                last_paragraph: pi,
            });
        }
    }
    cands.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    // drop each quotation inside the last one kept, in place
    cands.dedup_by(|c, kept| c.span.end <= kept.span.end);
    cands
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Paragraphs as they were split before: a search per line, trimmed as str.
    fn paragraphs_reference(text: &str) -> Vec<Range<usize>> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        while start <= b.len() {
            let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |i| start + i);
            let line = &text[start..end];
            let t = line.trim_start();
            let s = start + (line.len() - t.len());
            let t = t.trim_end();
            if !t.is_empty() {
                out.push(s..s + t.len());
            }
            start = end + 1;
        }
        out
    }

    fn same_as_reference(text: &str) {
        let paras = paragraphs(text);
        assert_eq!(paras, paragraphs_reference(text), "paragraphs of {text:?}");
        // every byte that may start a mark, found one by one
        let naive: Vec<usize> =
            text.bytes().enumerate().filter(|(_, c)| matches!(c, b'"' | b'\'' | 0xE2 | 0xC2)).map(|(i, _)| i).collect();
        assert_eq!(
            find_quotations_in(text, &paras),
            pair_marks(text, &paras, naive.iter().copied()),
            "quotations of {text:?}"
        );
        assert_eq!(MarkBytes::new(text.as_bytes()).collect::<Vec<_>>(), naive, "mark bytes of {text:?}");
    }

    #[test]
    fn chars_around_a_byte_are_those_of_the_slice() {
        // every pair of offsets, on and off char boundaries and past the end
        for text in ["", "a", "ab \"c\" d", "\u{e9}\"x\u{e9}", "\u{201c}\u{e9}\u{201d}", "a\u{2019}s 'b'"] {
            for lo in 0..=text.len() + 1 {
                for i in 0..=text.len() + 1 {
                    let before = if i <= lo { None } else { text.get(lo..i).and_then(|s| s.chars().next_back()) };
                    assert_eq!(char_before(text, i, lo), before, "{text:?} before {i} from {lo}");
                    let at = if lo >= i { None } else { text.get(lo..i).and_then(|s| s.chars().next()) };
                    assert_eq!(char_at(text, lo, i), at, "{text:?} at {lo} up to {i}");
                }
            }
        }
    }

    #[test]
    fn scan_matches_the_reference() {
        let texts = [
            "",
            "\n\n",
            "  \t \n \u{a0}\u{2003}\n",
            " One line. ",
            "\u{a0}Indented by a no-break space\u{a0}\n\u{3000}ideographic\u{3000}",
            "\u{201c}We won,\u{201d} she said. \u{ab}Oui,\u{bb} dit-il. He said ''it's over'' today.",
            "\"First para\n\"second para,\" he said.\n\n\"Third\nNo reopening.",
            "\u{ab}Un\n\u{ab}deux\u{bb} \u{2014} \u{2019}90s \u{2018}fine\u{2019} O\u{2019}Neill\u{2026}",
            "''''\"\"\"'\n'\"'\"\u{201c}\u{201d}\u{c2}\u{e2}",
            "ends with a mark\"",
            "ends with a no-break space \u{a0}",
            "\u{201c}\u{201c}\u{201c}\u{201d}\u{201d}",
            "SMITH: \"Hello\n\"JONES: Hi\n\"SMITH: Bye\"",
        ];
        for text in texts {
            same_as_reference(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_text_scans_like_the_reference(text in "\\PC{0,200}") {
            same_as_reference(&text);
        }

        #[test]
        fn marked_text_scans_like_the_reference(parts in proptest::collection::vec(prop_oneof![
            Just("\""), Just("'"), Just("''"), Just("\u{201c}"), Just("\u{201d}"), Just("\u{2018}"),
            Just("\u{2019}"), Just("\u{201e}"), Just("\u{ab}"), Just("\u{bb}"), Just("\u{a0}"), Just("\u{2014}"),
            Just(" "), Just("\n"), Just("\n\n"), Just("word"), Just("90"), Just("("), Just("."), Just(","),
        ], 0..60)) {
            same_as_reference(&parts.concat());
        }
    }

    fn quoted(text: &str) -> Vec<&str> {
        find_quotations(text).into_iter().map(|q| &text[q.span]).collect()
    }

    #[test]
    fn marks_table() {
        let cases: &[(&str, &[&str])] = &[
            ("\u{201c}We won,\u{201d} she said.", &["\u{201c}We won,\u{201d}"]),
            ("He said \"no\" and \"yes\".", &["\"no\"", "\"yes\""]),
            ("Ortiz\u{2019}s team didn\u{2019}t say.", &[]),
            ("The voters\u{2019} bill, Jones' plan.", &[]),
            ("In the '90s it was 'fine' then.", &["'fine'"]),
            ("\"They said 'no' to us,\" he said.", &["\"They said 'no' to us,\""]),
            ("\u{ab}Oui,\u{bb} dit-il.", &["\u{ab}Oui,\u{bb}"]),
            ("He said ''it's over'' today.", &["''it's over''"]),
            ("\u{201e}Ja\u{201c} sagte er.", &["\u{201e}Ja\u{201c}"]),
            ("A stray \" mark here.\n\"Next,\" he said.", &["\"Next,\""]),
            ("\"First para\n\"second para,\" he said.", &["\"First para\n\"second para,\""]),
            ("\"Unclosed here\nNo reopening.", &["\"Unclosed here"]),
            ("\"Straight\n\u{201c}curly\u{201d}", &["\"Straight", "\u{201c}curly\u{201d}"]),
            ("An 'unclosed single here.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&quoted(text), want, "input {text:?}");
        }
    }

    #[test]
    fn stray_mark_does_not_shift_later_paragraphs() {
        let text = "Oops \u{201d} stray.\n\u{201c}Fine,\u{201d} he said.\n\u{201c}Also fine.\u{201d}";
        assert_eq!(quoted(text), vec!["\u{201c}Fine,\u{201d}", "\u{201c}Also fine.\u{201d}"]);
    }

    #[test]
    fn many_unmatched_marks_are_linear_and_safe() {
        let text = "\u{201c}".repeat(100_000);
        let q = find_quotations(&text);
        assert!(q.len() <= 50_000);
        assert!(q.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }
}
