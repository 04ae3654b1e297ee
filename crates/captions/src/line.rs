//! What one line looks like on its own, before its neighbours are read.
//!
//! Every test here looks only at a bounded part of the line (its first and
//! last few hundred bytes, or the whole line when it is short), so the cost
//! per line is bounded and the whole pass stays linear in the input.

use aho_corasick::{Anchored, Input};

use crate::data::{line_key, Data, DateWord, PrefixKind, PrefixMode, Strength, WordFilter, MAX_KEY};
use crate::Kind;

/// Byte range relative to the start of the trimmed line.
pub(crate) type Rel = (usize, usize);

/// Longest line that can be a whole-line caption with a trailing credit.
const MAX_CAPTION_LINE: usize = 600;
/// Longest caption standing on its own line above a credit line.
pub(crate) const MAX_CAPTION_ABOVE: usize = 300;
/// Longest credit.
const MAX_CREDIT: usize = 160;

/// The shape of one trimmed, non-empty line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Story text, as far as this line alone can tell.
    Body,
    /// Residue on its own: remove it (as `kind`, with optional caption and
    /// credit parts).
    Residue { kind: Kind, caption: Option<Rel>, credit: Option<Rel> },
    /// A photo credit standing alone; `after` when its caption is usually the
    /// line above (Getty-style credit lines, "Photo by ...", "(Image: ...)").
    Credit { credit: Rel, after: bool },
    /// A line that is only an agency name ("Associated Press", "Getty").
    Agency,
    /// Navigation word, gallery counter or bare link: residue only in company.
    Weak { nav: bool },
    /// Header of a block of other stories ("You may also like").
    Tail,
    /// A caption line whose credit follows on the next lines: `caption (`.
    OpenParen,
    /// A label line alone, `Image:`, opening a credit on the next line.
    LabelOnly,
    /// BBC-style "Image copyright" line: the next line is the credit.
    CopyrightLabel,
    /// BBC-style "Image caption" line: the next line is the caption.
    CaptionLabel,
}

fn residue(kind: Kind) -> Shape {
    Shape::Residue { kind, caption: None, credit: None }
}

/// Trim ASCII and Unicode white space from both ends of `s[range]`, returning
/// a range relative to `s`.
pub(crate) fn trim_rel(s: &str, a: usize, b: usize) -> Rel {
    let bytes = s.as_bytes();
    let (mut a, mut b) = (a, b);
    // ASCII white space first; Unicode white space (NBSP, ideographic space)
    // only when a non-ASCII byte is at an end.
    while a < b && bytes[a].is_ascii_whitespace() {
        a += 1;
    }
    while b > a && bytes[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    if a < b && (bytes[a] >= 0x80 || bytes[b - 1] >= 0x80) {
        let sub = &s[a..b];
        let t = sub.trim_start();
        a += sub.len() - t.len();
        b = a + t.trim_end().len();
    }
    (a, b)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether the text holds a double quotation mark: " « » “ ” „ ‟.
pub(crate) fn has_quote(s: &str) -> bool {
    // As UTF-8: `"`, C2 AB/BB (« »), E2 80 9C-9F (“ ” „ ‟). memchr finds the
    // candidate bytes; a char search would decode every char of the line and
    // compare it seven times.
    let bytes = s.as_bytes();
    memchr::memchr3_iter(b'"', 0xc2, 0xe2, bytes).any(|i| match bytes[i] {
        b'"' => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0xab | 0xbb)),
        _ => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9c..=0x9f)),
    })
}

/// Whether any byte is an ASCII digit, eight bytes at a time: a byte is a
/// digit when its high bit is clear and it lies in `0x30..=0x39` ("has a byte
/// between" from Bit Twiddling Hacks, exact on the low seven bits).
pub(crate) fn has_ascii_digit(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const LOW7: u64 = u64::from_ne_bytes([0x7f; 8]);
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(w);
        let low = x & LOW7;
        if (ONES * (127 + 0x39 + 1) - low) & !x & (low + ONES * (127 - (0x30 - 1))) & HIGH != 0 {
            return true;
        }
    }
    words.remainder().iter().any(u8::is_ascii_digit)
}

/// `s` without any number of `suffix` at its end: what `trim_end_matches`
/// does, by comparing the last bytes, where a `&str` pattern sets up a
/// substring searcher for every word of every short line.
fn trim_suffixes<'s>(mut s: &'s [u8], suffix: &[u8]) -> &'s [u8] {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// `w` without the ASCII bytes `trim` accepts at either end: what
/// `trim_matches` with those chars does (an ASCII byte is a whole char in
/// UTF-8, so the cuts fall on char boundaries), without decoding a char at
/// each end. `trim` must accept no byte above 0x7f.
#[inline(always)]
fn trim_ascii_bytes(w: &[u8], trim: impl Fn(u8) -> bool) -> &[u8] {
    let start = w.iter().position(|&c| !trim(c)).unwrap_or(w.len());
    let end = w.iter().rposition(|&c| !trim(c)).map_or(start, |i| i + 1);
    &w[start..end]
}

/// Where the last ", " starts: memchr for the comma from the end, rather
/// than a two-way substring search set up for every line.
fn rfind_comma_space(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    memchr::memrchr_iter(b',', bytes).find(|&i| bytes.get(i + 1) == Some(&b' '))
}

impl Data {
    /// Classify one trimmed non-empty line.
    pub(crate) fn shape(&self, s: &str) -> Shape {
        let n = s.len();
        let bytes = s.as_bytes();

        if n <= MAX_KEY && self.key_pairs.may_start(&key_head(bytes)[..n.min(2)]) && !key_keeps_mark(bytes) {
            let mut buf = [0u8; MAX_KEY];
            if let Some(key) = line_key(s, &mut buf) {
                match key {
                    "image caption" | "media caption" => return Shape::CaptionLabel,
                    "image copyright" => return Shape::CopyrightLabel,
                    "image" | "images" | "photo" | "photos" | "photograph" | "picture" | "credit"
                        if s.ends_with(':') =>
                    {
                        return Shape::LabelOnly
                    }
                    _ => {}
                }
                if is_counter(key) {
                    return residue(Kind::Navigation);
                }
                if let Some(rule) = self.lines.get(key) {
                    return match rule.strength {
                        Strength::Weak => Shape::Weak { nav: true },
                        Strength::Strong => residue(rule.kind),
                        Strength::Tail => Shape::Tail,
                    };
                }
            }
        }

        // Editor markup that leaked as text: "&lt;span ...", "<div ...".
        // Only when the line is markup to its end: a tag around story text
        // (an embedded tweet) stays.
        if (s.starts_with("&lt;")
            || s.starts_with("&amp;lt;")
            || (bytes[0] == b'<' && n > 1 && (bytes[1].is_ascii_alphabetic() || bytes[1] == b'/' || bytes[1] == b'!')))
            && (s.ends_with('>') || s.ends_with("&gt;"))
        {
            return residue(Kind::Markup);
        }

        // "Media captionWho is ..." (BBC video caption glued to its label).
        if let Some(rest) = s.strip_prefix("Media caption") {
            if !rest.is_empty() && n <= MAX_CAPTION_LINE {
                let cap = trim_rel(s, "Media caption".len(), n);
                return Shape::Residue { kind: Kind::Caption, caption: (cap.1 > cap.0).then_some(cap), credit: None };
            }
        }

        if let Some(shape) = self.prefix_shape(s) {
            return shape;
        }
        // "Copyright 2021 The Daily Example"
        if n <= 100
            && s.len() > 10
            && s.is_char_boundary(10)
            && s[..10].eq_ignore_ascii_case("copyright ")
            && bytes[10].is_ascii_digit()
        {
            return residue(Kind::Boilerplate);
        }

        if bytes[n - 1] == b'(' && n <= MAX_CAPTION_LINE {
            return Shape::OpenParen;
        }

        if n <= MAX_CAPTION_LINE {
            if let Some((cap, credit, paren)) = self.trailing_credit(s) {
                if cap.1 > cap.0 {
                    return Shape::Residue { kind: Kind::Caption, caption: Some(cap), credit: Some(credit) };
                }
                return Shape::Credit { credit, after: paren };
            }
        }

        // Most short lines are story text holding a lower-case word that no
        // date, byline or bare credit rule takes ("says", "bridge"): one pass
        // over the line finds it and spares it all three rules.
        let plain = n <= 160 && self.has_plain_word(bytes);
        if n <= 160 && !plain {
            if self.is_dateline(s) {
                return residue(Kind::Dateline);
            }
            if self.is_byline(s) {
                return residue(Kind::Byline);
            }
        }
        // "By Name - Updated ...": what follows the names may be any words.
        if plain && (s.starts_with("By ") || s.starts_with("BY ")) && self.is_byline(s) {
            return residue(Kind::Byline);
        }

        if n <= 100 && !plain {
            match self.bare_credit(s) {
                BareCredit::Agency => return Shape::Agency,
                BareCredit::Credit => return Shape::Credit { credit: (0, n), after: true },
                BareCredit::No => {}
            }
        }

        // "More NBA coverage: https://...": a link line to more of the site.
        if n <= 250 && s.starts_with("More ") && s.contains(": http") {
            return residue(Kind::Promo);
        }

        if is_filler(s) {
            return Shape::Weak { nav: false };
        }

        if n <= 160 {
            // Lower-cased here, so the automaton is case-sensitive and
            // searches with its SIMD prefilter; an ASCII-case-insensitive one
            // has none and reads every byte through the DFA.
            let mut buf = [0u8; 160];
            let lower = &mut buf[..n];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            if let Some(m) = self.contains.find(&lower[..]) {
                let kind = self.contains_kinds[m.pattern().as_usize()];
                if kind != Kind::Boilerplate || n <= 100 {
                    return residue(kind);
                }
            }
        }

        Shape::Body
    }

    /// Line-start phrases: "READ MORE:", "Photo: Name, AP", "Sign up to ...".
    fn prefix_shape(&self, s: &str) -> Option<Shape> {
        let n = s.len();
        if !self.prefix_pairs.may_start(s.as_bytes()) {
            return None;
        }
        let head = &s[..floor_char(s, 80.min(n))];
        let m = self.prefixes.find(Input::new(head).anchored(Anchored::Yes))?;
        let end = m.end();
        let rest = &s[end..];
        for rule in &self.prefix_rules[m.pattern().as_usize()] {
            let body_start = match rule.mode {
                PrefixMode::Colon => {
                    let r = rest.trim_start_matches([' ', '\t']);
                    let Some(c) = r.chars().next() else {
                        if matches!(rule.kind, PrefixKind::Credit) {
                            return Some(Shape::LabelOnly);
                        }
                        continue;
                    };
                    if !matches!(c, ':' | '|' | '»') {
                        continue;
                    }
                    n - r.len() + c.len_utf8()
                }
                PrefixMode::Start => {
                    // The phrase must end at a word boundary.
                    let last = s.as_bytes()[end - 1];
                    if is_word_byte(last) && rest.bytes().next().is_some_and(is_word_byte) {
                        continue;
                    }
                    end
                }
            };
            let tail = trim_rel(s, body_start, n);
            match rule.kind {
                PrefixKind::Residue(Kind::Boilerplate)
                    if s.starts_with('©')
                        && tail.1 - tail.0 <= 60
                        && !s.bytes().any(|b| b.is_ascii_digit())
                        && tail.1 > tail.0 =>
                {
                    // "© Jane Doe": a photo credit, not a notice.
                    return Some(Shape::Credit { credit: tail, after: true });
                }
                PrefixKind::Residue(kind) => {
                    let limit = match (kind, rule.mode) {
                        (Kind::Boilerplate, _) => 100,
                        (Kind::Byline, _) => 400,
                        (_, PrefixMode::Colon) => 300,
                        (_, PrefixMode::Start) => 250,
                    };
                    if n <= limit {
                        return Some(residue(kind));
                    }
                }
                PrefixKind::Credit | PrefixKind::CreditAfter => {
                    if tail.1 == tail.0 {
                        if rule.mode == PrefixMode::Colon {
                            return Some(Shape::LabelOnly);
                        }
                        continue;
                    }
                    if n <= MAX_CREDIT && credit_like(&s[tail.0..tail.1]) {
                        return Some(Shape::Credit { credit: tail, after: rule.kind == PrefixKind::CreditAfter });
                    }
                }
                PrefixKind::Caption => {
                    if tail.1 > tail.0 && n <= MAX_CAPTION_LINE {
                        return Some(Shape::Residue { kind: Kind::Caption, caption: Some(tail), credit: None });
                    }
                }
            }
        }
        None
    }

    /// A credit at the end of a caption line: `caption (Photo by X/Agency)`,
    /// `caption (AP)`, `captionCredit: EPA`, `caption. Photograph: X/Getty`.
    /// Returns (caption, credit, parenthesised).
    pub(crate) fn trailing_credit(&self, s: &str) -> Option<(Rel, Rel, bool)> {
        let n = s.len();
        let bytes = s.as_bytes();
        if bytes[n - 1] == b')' {
            // Find the matching '(' within the last 200 bytes.
            let lo = n.saturating_sub(200);
            let mut depth = 0usize;
            let mut open = None;
            for i in (lo..n).rev() {
                match bytes[i] {
                    b')' => depth += 1,
                    b'(' => {
                        depth -= 1;
                        if depth == 0 {
                            open = Some(i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let open = open?;
            let inner = trim_rel(s, open + 1, n - 1);
            if inner.1 <= inner.0 || inner.1 - inner.0 > MAX_CREDIT {
                return None;
            }
            let inner_s = &s[inner.0..inner.1];
            let label = self.paren_labels.find(Input::new(inner_s).anchored(Anchored::Yes));
            let ok = (label.is_some() && credit_like(inner_s))
                || (inner_s.len() <= 100 && self.bare_credit(inner_s) != BareCredit::No);
            if !ok {
                return None;
            }
            // "(Image: GETTY)" and "(Photo by Jo Lark)": the credit is the
            // name after the label; "(AP Photo/Jo Lark)" stays whole.
            let mut inner = inner;
            if let Some(m) = label {
                let lab = &inner_s[..m.end()];
                if lab.ends_with(':') || lab.ends_with(" by") {
                    let rest = trim_rel(s, inner.0 + m.end(), inner.1);
                    if rest.1 > rest.0 {
                        inner = rest;
                    }
                }
            }
            let cap = trim_rel(s, 0, open);
            return Some((cap, inner, true));
        }
        // "... Credit: Name" in the last 120 bytes.
        let lo = floor_char(s, n.saturating_sub(120));
        let tail = &s[lo..];
        memchr::memchr(b':', tail.as_bytes())?;
        let m = self.tail_labels.find_iter(tail).last()?;
        let at = lo + m.start();
        let glued_ok = s[at..].starts_with("Credit");
        if at > 0 {
            let prev = bytes[at - 1];
            let ok = prev.is_ascii_whitespace()
                || matches!(prev, b'.' | b',' | b';' | b')' | b'|')
                || (glued_ok && prev.is_ascii_lowercase());
            if !ok {
                return None;
            }
        }
        let credit = trim_rel(s, lo + m.end(), n);
        let c = &s[credit.0..credit.1];
        if c.is_empty() || c.len() > 80 || has_quote(c) || !credit_like(c) {
            return None;
        }
        let cap = trim_rel(s, 0, at);
        Some((cap, credit, false))
    }

    /// Whether the line holds a *plain word*: ASCII lower-case letters with a
    /// space or an end of the line on each side, not among the words of
    /// [`RULE_LOWER_WORDS`], the date words or the agency names. Such a line
    /// is no date line (each of its words must be a date word or a number),
    /// no bare credit (each word capitalised, or a credit's lower-case word,
    /// or the whole line one agency name) and no byline but one that starts
    /// with "By " (the names capitalised or particles, the role's words
    /// capitalised or small words, or the whole role an agency name). The
    /// word reaches each of those rules whole, as the line splits at spaces
    /// for all of them, and a letter is trimmed by none of them.
    pub(crate) fn has_plain_word(&self, bytes: &[u8]) -> bool {
        // The hash of the letters since the last space, while they are all
        // lower-case letters.
        let mut h = Some(WordFilter::EMPTY);
        for &b in bytes {
            if b == b' ' {
                if h.is_some_and(|h| h != WordFilter::EMPTY && !self.rule_words.may_hold(h)) {
                    return true;
                }
                h = Some(WordFilter::EMPTY);
            } else if b.is_ascii_lowercase() {
                h = h.map(|h| WordFilter::step(h, b));
            } else {
                h = None;
            }
        }
        h.is_some_and(|h| h != WordFilter::EMPTY && !self.rule_words.may_hold(h))
    }

    /// Publication date or time line: every word is a date word, a number, a
    /// time or a label, with a month or numeric date or time, and a year, time
    /// or label.
    pub(crate) fn is_dateline(&self, s: &str) -> bool {
        if !has_ascii_digit(s.as_bytes()) {
            return false;
        }
        if s.is_ascii() {
            self.date_words(s.as_bytes().split(|&b| is_ascii_date_sep(b)))
        } else {
            self.date_words(s.split(is_date_sep).map(str::as_bytes))
        }
    }

    /// [`is_dateline`](Self::is_dateline) on the line's words, split at
    /// [`is_date_sep`].
    fn date_words<'s>(&self, split: impl Iterator<Item = &'s [u8]>) -> bool {
        // A lone clock time ("6:05 p.m.") heads a section of a live story:
        // it needs a day (month, weekday, numeric date) or a label with it.
        let (mut day, mut time, mut year, mut label) = (false, false, false, false);
        let mut words = 0;
        for w in split {
            let w = trim_ascii_bytes(w, |c| matches!(c, b':' | b'-' | b'.'));
            if w.is_empty() {
                continue;
            }
            words += 1;
            if words > 16 {
                return false;
            }
            match date_number(w) {
                Some(NumKind::Year) => {
                    year = true;
                    continue;
                }
                Some(NumKind::Day) => continue,
                Some(NumKind::Time) => {
                    time = true;
                    continue;
                }
                Some(NumKind::Date) => {
                    day = true;
                    year = true;
                    continue;
                }
                None => {}
            }
            if w.len() > 24 {
                return false;
            }
            // Trimmed of '.' above, so "a.m." looks up "a.m".
            let mut buf = [0u8; 24];
            let lw = &mut buf[..w.len()];
            lw.copy_from_slice(w);
            lw.make_ascii_lowercase();
            let lw = &*lw;
            match self.dates.get(lw) {
                Some(DateWord::Month) | Some(DateWord::Weekday) => day = true,
                Some(DateWord::Label) => label = true,
                Some(_) => {}
                None => {
                    // "9:45am", "11:04PM"
                    let t = trim_suffixes(trim_suffixes(lw, b"am"), b"pm");
                    if t.len() < lw.len() && date_number(t) == Some(NumKind::Time) {
                        time = true;
                        continue;
                    }
                    return false;
                }
            }
        }
        words >= 2 && ((day && (year || time || label)) || (label && time))
    }

    /// Byline: "By Name and Name", "By Name - 11/18/19 11:04 PM EST",
    /// "Name and Name, Associated Press", "Name, AP Sports Writer".
    pub(crate) fn is_byline(&self, s: &str) -> bool {
        if let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) {
            let (names, after) = split_first_sep(rest);
            if !names_ok(names, 1) {
                return false;
            }
            let after = after.trim();
            return after.is_empty()
                || self.is_dateline(after)
                || self.is_role_or_agency(after)
                || after.starts_with("Updated")
                || after.starts_with("Published");
        }
        if s.len() > 120 {
            return false;
        }
        let Some(comma) = rfind_comma_space(s) else {
            return false;
        };
        let (names, right) = (&s[..comma], s[comma + 2..].trim());
        names_ok(names, 2) && self.is_role_or_agency(right)
    }

    fn is_role_or_agency(&self, s: &str) -> bool {
        if s.is_empty() || s.len() > 60 {
            return false;
        }
        if self.whole_agency(s) {
            return true;
        }
        let words: Vec<&str> = s.split_whitespace().collect();
        if words.is_empty() || words.len() > 6 {
            return false;
        }
        let last = words[words.len() - 1];
        const ROLES: [&str; 12] = [
            "writer",
            "correspondent",
            "reporter",
            "editor",
            "columnist",
            "contributor",
            "photographer",
            "staff",
            "producer",
            "journalist",
            "bureau",
            "desk",
        ];
        ROLES.iter().any(|r| r.eq_ignore_ascii_case(last))
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || ROLE_LOWER.contains(w))
    }

    /// The whole of `s` is one agency name.
    pub(crate) fn whole_agency(&self, s: &str) -> bool {
        if s.len() > self.agency_max || !self.agency_pairs.may_start(s.as_bytes()) {
            return false;
        }
        self.agencies.find(Input::new(s).anchored(Anchored::Yes)).is_some_and(|m| m.end() == s.len())
    }

    /// A credit line with no label: "Name/Hindustan Times/Getty Images",
    /// "AFP via Getty Images", "Getty - Contributor", "EPA".
    pub(crate) fn bare_credit(&self, s: &str) -> BareCredit {
        let n = s.len();
        if n == 0 || n > 100 {
            return BareCredit::No;
        }
        if matches!(s.as_bytes()[n - 1], b'.' | b'!' | b'?' | b':' | b';' | b',') || has_quote(s) {
            return BareCredit::No;
        }
        if self.whole_agency(s) {
            return BareCredit::Agency;
        }
        // The words first: a line of capitalised words is rare outside
        // credits and headings, and this turns the others away before the
        // agency automaton reads every byte of the line.
        if !credit_words(s) {
            return BareCredit::No;
        }
        let bytes = s.as_bytes();
        let mut found = false;
        let mut last_end = 0;
        for m in self.agencies.find_iter(s) {
            let before_ok = m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
            let after_ok = m.end() == n || !is_word_byte(bytes[m.end()]);
            if before_ok && after_ok {
                found = true;
                last_end = m.end();
            }
        }
        if !found {
            return BareCredit::No;
        }
        // Ends with the agency (allowing "File", "Contributor", "Pool" ...),
        // or separates names and agencies with '/' or '|' or "via".
        let after = s[last_end..].trim_matches(|c: char| !c.is_alphanumeric());
        let tail_ok = after.is_empty()
            || after.split(|c: char| !c.is_alphanumeric()).all(|w| w.is_empty() || in_list(&CREDIT_TRAIL, w));
        if tail_ok || s.contains('/') || s.contains('|') || s.contains(" via ") {
            BareCredit::Credit
        } else {
            BareCredit::No
        }
    }

    /// Short author biography closing a story: "Jane Doe is a freelance
    /// writer living in Leeds", "Jo Roe (jo@example.com) is the editor of ...".
    pub(crate) fn is_bio(&self, s: &str) -> bool {
        if s.len() > 300 {
            return false;
        }
        let head = &s[..floor_char(s, 100.min(s.len()))];
        if !s.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        let Some(at) = self.is_finder.find(head.as_bytes()) else {
            return false;
        };
        let after = &head[at + 4..];
        if !["a ", "an ", "the ", "our "].iter().any(|p| after.starts_with(p)) {
            return false;
        }
        let name = &s[..at];
        let mut words = 0;
        for w in name.split_whitespace() {
            if w.starts_with('(') && w.contains('@') {
                continue;
            }
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            words += 1;
        }
        if !(2..=4).contains(&words) {
            return false;
        }
        let low = s.as_bytes();
        [
            "writer",
            "reporter",
            "journalist",
            "editor",
            "correspondent",
            "columnist",
            "contributor",
            "author",
            "photographer",
            "producer",
        ]
        .iter()
        .any(|r| low.windows(r.len()).any(|w| w.eq_ignore_ascii_case(r.as_bytes())))
    }
}

/// Lower-case words a name may hold (`names_ok`).
const NAME_PARTICLES: [&str; 18] =
    ["and", "&", "de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "le", "la", "bin", "al", "y", "e"];

/// Lower-case words a role may hold ("Correspondent for the Times").
const ROLE_LOWER: [&str; 5] = ["of", "for", "the", "and", "at"];

/// The lists of lower-case words the date, byline and bare credit rules
/// accept besides date words and agency names: a word in none of them
/// turns a line away from the three (see [`Data::has_plain_word`]).
pub(crate) const RULE_LOWER_WORDS: [&[&str]; 3] = [&CREDIT_LOWER, &NAME_PARTICLES, &ROLE_LOWER];

/// Lower-case words allowed inside a credit.
const CREDIT_LOWER: [&str; 40] = [
    "via",
    "for",
    "and",
    "of",
    "the",
    "de",
    "da",
    "del",
    "di",
    "van",
    "von",
    "der",
    "den",
    "du",
    "le",
    "la",
    "y",
    "e",
    "by",
    "staff",
    "photo",
    "photos",
    "images",
    "file",
    "pool",
    "handout",
    "contributor",
    "dpa",
    "picture-alliance",
    "picture",
    "alliance",
    "bild",
    "left",
    "right",
    "center",
    "centre",
    "top",
    "bottom",
    "above",
    "below",
];

/// The chars a date line's words are split at.
fn is_date_sep(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | ';' | '–' | '—' | '·' | '•')
}

/// [`is_date_sep`] for an ASCII line, a byte at a time: the chars of a date
/// line are split at about a quarter of the cost a line, where decoding
/// each char made the split most of `is_dateline`'s work. The ASCII chars
/// that are whitespace are tab, line feed, vertical tab, form feed, carriage
/// return and space.
#[inline]
fn is_ascii_date_sep(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | b',' | b'|' | b'(' | b')' | b';')
}

/// Whether every word of a bare credit line is capitalised, a number or a
/// credit's lower-case word, and there are at most 12 (see
/// [`credit_words_of_chars`]). An ASCII line is split and trimmed a byte at a
/// time: decoding each char was half of `bare_credit`'s work on the lines
/// that reach it.
fn credit_words(s: &str) -> bool {
    if !s.is_ascii() {
        return credit_words_of_chars(s);
    }
    let mut words = 0;
    // The ASCII chars that are whitespace: tab to carriage return, space.
    for w in s.as_bytes().split(|&b| matches!(b, b'\t'..=b'\r' | b' ' | b'/' | b'|' | b',' | b';')) {
        let w = trim_ascii_bytes(w, |c| matches!(c, b'(' | b')' | b'-' | b'.'));
        let Some(&first) = w.first() else { continue };
        words += 1;
        let ok = first.is_ascii_uppercase()
            || first.is_ascii_digit()
            || CREDIT_LOWER.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w));
        if !ok || words > 12 {
            return false;
        }
    }
    true
}

/// [`credit_words`] for any line, a char at a time.
fn credit_words_of_chars(s: &str) -> bool {
    let mut words = 0;
    for w in s.split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | ',' | ';')) {
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | '-' | '–' | '—' | '©' | '.'));
        if w.is_empty() {
            continue;
        }
        words += 1;
        let first = w.chars().next().unwrap_or(' ');
        let ok = first.is_uppercase() || first.is_ascii_digit() || in_list(&CREDIT_LOWER, w);
        if !ok || words > 12 {
            return false;
        }
    }
    true
}

/// `w` is in `list`, ignoring ASCII case.
fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Does the text after a credit label read like a credit (names and
/// agencies) rather than a sentence? At most one lower-case word outside
/// [`CREDIT_LOWER`], at most 12 words.
pub(crate) fn credit_like(s: &str) -> bool {
    let mut words = 0;
    let mut lower = 0;
    for w in s.split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | ',' | ';')) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words += 1;
        if w.chars().next().is_some_and(char::is_lowercase) && !in_list(&CREDIT_LOWER, w) {
            lower += 1;
        }
    }
    words <= 12 && lower <= 1
}

/// Words allowed after the last agency name of a bare credit line.
const CREDIT_TRAIL: [&str; 8] = ["file", "contributor", "pool", "handout", "staff", "images", "photo", "photos"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BareCredit {
    No,
    Agency,
    Credit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumKind {
    Day,
    Year,
    Time,
    Date,
}

/// Numbers in a date line: 19, 19th, 2019, 11:04, 11/18/19, 2019-11-18.
fn date_number(b: &[u8]) -> Option<NumKind> {
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[digits..];
    if rest.is_empty() {
        return match digits {
            1 | 2 => Some(NumKind::Day),
            4 => Some(NumKind::Year),
            _ => None,
        };
    }
    // 0xc2 0xba is "º".
    if digits <= 2 && matches!(rest, b"st" | b"nd" | b"rd" | b"th" | [0xc2, 0xba] | b"er" | b"e") {
        return Some(NumKind::Day);
    }
    // Two or three runs of one to four digits between ':', '/', '-' or '.'.
    let mut lens = [0usize; 3];
    let mut parts = 1;
    for &c in b {
        if matches!(c, b':' | b'/' | b'-' | b'.') {
            if parts == 3 {
                return None;
            }
            parts += 1;
        } else if c.is_ascii_digit() {
            lens[parts - 1] += 1;
        } else {
            return None;
        }
    }
    if parts < 2 || lens[..parts].iter().any(|&l| l == 0 || l > 4) {
        return None;
    }
    if b.contains(&b':') {
        return (lens[0] <= 2 && lens[1] == 2).then_some(NumKind::Time);
    }
    (parts == 3).then_some(NumKind::Date)
}

/// Split at the first " - ", " | ", " — ", " – " or " • ".
fn split_first_sep(s: &str) -> (&str, &str) {
    // The separators all start with a space but the tab, and no two can
    // start at the same byte, so the first one found walking the spaces and
    // tabs is the earliest.
    let bytes = s.as_bytes();
    let first = memchr::memchr2_iter(b' ', b'\t', bytes).find_map(|i| {
        let rest = &s[i..];
        let sep = [" - ", " | ", " — ", " – ", " • ", "\t"].into_iter().find(|sep| rest.starts_with(sep))?;
        Some((i, sep.len()))
    });
    match first {
        Some((i, l)) => (&s[..i], &s[i + l..]),
        None => (s, ""),
    }
}

/// Personal names: capitalised words and name particles, no "The".
fn names_ok(s: &str, min_words: usize) -> bool {
    let mut caps = 0;
    let mut words = 0;
    for w in s.split_whitespace() {
        let w = w.trim_end_matches(',');
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > 10 {
            return false;
        }
        // A particle starts in lower case (or is "&"), a name seldom does.
        if !w.as_bytes()[0].is_ascii_uppercase() && NAME_PARTICLES.contains(&w) {
            continue;
        }
        if matches!(w, "The" | "A" | "An" | "THE") {
            return false;
        }
        let first = w.chars().next().unwrap_or(' ');
        if !first.is_uppercase() || w.bytes().any(|c| c.is_ascii_digit() || b":?!\"()".contains(&c)) {
            return false;
        }
        caps += 1;
    }
    caps >= 1 && words >= min_words
}

/// Gallery counters and lone links: "1", "13", "of", "/", "3.409",
/// "https://example.com/news/article.php".
fn is_filler(s: &str) -> bool {
    let n = s.len();
    if n <= 12 && (s.eq_ignore_ascii_case("of") || s.bytes().all(|b| b.is_ascii_digit() || b".,/|-:#".contains(&b))) {
        return true;
    }
    (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
        && n <= 300
        && !s.bytes().any(|b| b.is_ascii_whitespace())
}

/// The first two bytes of the [`line_key`] of a trimmed line `s` of two
/// bytes or more, without building the key: the key lower-cases ASCII
/// (which [`PairFilter`](crate::data::PairFilter) ignores anyway) and turns a
/// run of white space after the first byte into one space (a trimmed line
/// has a non-space byte after it). Dropping trailing punctuation can only
/// leave a key of fewer than two bytes, and a phrase of one byte (or none)
/// lets every second byte through the filter. For one byte, the first only.
fn key_head(bytes: &[u8]) -> [u8; 2] {
    let first = bytes.first().copied().unwrap_or(0);
    let second = match bytes.get(1) {
        Some(b) if b.is_ascii_whitespace() => b' ',
        Some(&b) => b,
        None => 0,
    };
    [first, second]
}

/// Whether the [`line_key`] of `bytes` keeps a ':' or a ',': one comes
/// before the trailing ASCII punctuation and white space, which are all the
/// key drops. No key the whole-line tests accept holds either, so such a
/// line ("Published: 7 May 2026", "Photo: Jo Lark, AP") needs no key built.
fn key_keeps_mark(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|b| !(b.is_ascii_punctuation() || b.is_ascii_whitespace())).map_or(0, |i| i + 1);
    memchr::memchr2(b':', b',', &bytes[..end]).is_some()
}

/// Gallery counter with its label: "image 1 of 5", "photo 3/12", "slide 2 of 9"
/// (`key` is lower case).
fn is_counter(key: &str) -> bool {
    // The count ends the key: a digit, or white space `trim` drops (NBSP).
    if !matches!(key.as_bytes().last(), Some(b'0'..=b'9' | 0x80..)) {
        return false;
    }
    let Some((label, rest)) = key.split_once(' ') else {
        return false;
    };
    if !matches!(label, "image" | "photo" | "picture" | "slide" | "gallery") {
        return false;
    }
    let (a, b) = match rest.split_once(" of ").or_else(|| rest.split_once('/')) {
        Some(p) => p,
        None => return false,
    };
    let num = |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|c| c.is_ascii_digit());
    num(a.trim()) && num(b.trim())
}

/// Largest char boundary <= i.
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTES: [char; 7] = ['"', '“', '”', '«', '»', '„', '‟'];

    /// The byte-level word test of an ASCII credit line says what the char
    /// one says.
    #[test]
    fn ascii_credit_words_as_the_char_ones() {
        // (line, every word fit for a credit?)
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("Jo Lark/Hindustan Times/Getty Images", true),
            ("AFP via Getty Images", true),
            ("Getty - Contributor", true),
            ("(AP Photo/Jo Lark)", true),
            ("Photo by Jo Lark", true),
            ("Jo Lark for The Daily Example", true),
            ("Jo Lark said on Monday", false),
            ("EPA", true),
            ("file photo", true),
            ("...", true),
            ("", true),
            ("-lower", false),
            ("A B C D E F G H I J K L", true),
            ("A B C D E F G H I J K L M", false),
            ("Reuters\x0bpool", true),
            ("Reuters\x1cpool", true),
            ("2019 Jo Lark", true),
            ("Jo Lark; staff, handout", true),
            ("Jo Lark|the paper", false),
        ];
        for &(line, want) in cases {
            assert_eq!(credit_words_of_chars(line), want, "{line:?} by chars");
            assert_eq!(credit_words(line), want, "{line:?}");
        }
    }

    /// The byte split of an ASCII line cuts it where the char split does.
    #[test]
    fn ascii_date_split_as_the_char_split() {
        let lines = [
            "Updated 11:04 PM EST, Mon November 18, 2019",
            "Posted: Tue|Jan 5 (2021); 9:45am",
            "tab\there\x0bvt\x0cff\rcr\nlf",
            "\x1c\x1d\x1e\x1f are not spaces",
            ",,;;||()  ",
            "",
            "a-b:c.d/e",
        ];
        for line in lines {
            let chars: Vec<&[u8]> = line.split(is_date_sep).map(str::as_bytes).collect();
            let bytes: Vec<&[u8]> = line.as_bytes().split(|&b| is_ascii_date_sep(b)).collect();
            assert_eq!(bytes, chars, "{line:?}");
        }
        for b in 0u8..0x80 {
            assert_eq!(is_ascii_date_sep(b), is_date_sep(char::from(b)), "{b:#x}");
        }
    }

    #[test]
    fn quote_marks() {
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("", false), ("no marks here", false), ("say \"cheese", true), ("“Yes”", true), ("a ” b", true),
            ("«Non»", true), ("x » y", true), ("„Ja“", true), ("‟", true), ("‘single’ ’", false),
            ("© Reuters", false), ("Zúñiga – Ä ½ — … •", false), ("é\u{a0}¬", false), ("\u{2018}\u{2019}\u{201a}\u{201b}", false),
        ];
        for (s, want) in cases {
            assert_eq!(has_quote(s), *want, "{s:?}");
            assert_eq!(s.contains(QUOTES), *want, "the table itself: {s:?}");
        }
    }

    #[test]
    fn date_numbers() {
        use NumKind::{Date, Day, Time, Year};
        #[rustfmt::skip]
        let cases: &[(&str, Option<NumKind>)] = &[
            ("", None), ("x9", None), ("7", Some(Day)), ("31", Some(Day)), ("311", None), ("2021", Some(Year)),
            ("20210", None), ("3rd", Some(Day)), ("21st", Some(Day)), ("1er", Some(Day)), ("123rd", None),
            ("9:45", Some(Time)), ("11:04", Some(Time)), ("111:04", None), ("9:5", None), ("9:45:10", Some(Time)),
            ("11/18/19", Some(Date)), ("2019-11-18", Some(Date)), ("18.11.2019", Some(Date)), ("11/18", None),
            ("1/2/3/4", None), ("1//2", None), ("12345/1/1", None), ("1/2/x", None), ("9:", None), ("9am", None),
            ("2:30-3:30", None), ("1-800-555", Some(Date)), ("2,000", None), ("3.5", None), ("1º", Some(Day)),
            ("1º2", None), ("12:3é", None), (":", None),
        ];
        for &(w, want) in cases {
            assert_eq!(date_number(w.as_bytes()), want, "{w:?}");
        }
    }

    #[test]
    fn suffixes_trim_as_trim_end_matches_does() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str)] = &[
            ("9:45am", "am", "9:45"), ("11:04pm", "pm", "11:04"), ("", "am", ""), ("am", "am", ""),
            ("amam", "am", ""), ("9amam", "am", "9"), ("9am ", "am", "9am "), ("9a", "am", "9a"),
            ("pm", "am", "pm"), ("9:45AM", "am", "9:45AM"), ("évam", "am", "év"),
        ];
        for &(s, suffix, want) in cases {
            assert_eq!(trim_suffixes(s.as_bytes(), suffix.as_bytes()), want.as_bytes(), "{s:?}");
            assert_eq!(s.trim_end_matches(suffix), want, "the table itself: {s:?}");
        }
    }

    #[test]
    fn ascii_digits() {
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("", false), ("0", true), ("9", true), ("/:", false), ("abcdefgh", false), ("abcdefgh9", true),
            ("abcdefg7", true), ("1bcdefgh", true), ("March twenty", false), ("Updated 11:04", true),
            ("٣ Arabic-Indic", false), ("１２ fullwidth", false), ("\u{b9}\u{b2}\u{b3}\u{b0}\u{b1}\u{b4}\u{b5}\u{b6}", false),
            ("\u{7f}\u{80}\u{ff}", false), ("////////::::::::", false), ("////////::::::::0", true),
        ];
        for (s, want) in cases {
            assert_eq!(has_ascii_digit(s.as_bytes()), *want, "{s:?}");
            assert_eq!(s.bytes().any(|b| b.is_ascii_digit()), *want, "the table itself: {s:?}");
        }
        for b in 0..=255u8 {
            for at in 0..10 {
                let mut v = vec![b'a'; 10];
                v[at] = b;
                assert_eq!(has_ascii_digit(&v), b.is_ascii_digit(), "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn last_comma_space() {
        #[rustfmt::skip]
        let cases: &[&str] = &[
            "", ",", ", ", "a, b", "a, b, c", "a,b", "a ,b", "Jo Lark, AP", "a, b,", "a,, b", "é, ñ, ü", ",,,, ",
        ];
        for s in cases {
            assert_eq!(rfind_comma_space(s), s.rfind(", "), "{s:?}");
        }
    }

    /// A line with a plain word must fail the date, byline and bare credit
    /// rules (a byline starting "By " aside), as `shape` skips them for it.
    fn check_plain_word(data: &Data, s: &str) {
        if data.has_plain_word(s.as_bytes()) {
            assert!(!data.is_dateline(s), "a date line has a plain word: {s:?}");
            let by = s.starts_with("By ") || s.starts_with("BY ");
            assert!(by || !data.is_byline(s), "a byline has a plain word: {s:?}");
            assert_eq!(data.bare_credit(s), BareCredit::No, "a bare credit has a plain word: {s:?}");
        }
    }

    #[test]
    fn plain_words_only_in_lines_the_rules_turn_away() {
        let data = Data::build(&[]).unwrap();
        // (line, has a plain word); the lines without one pass a rule with
        // lower-case words of each list: date words, agency names, credit
        // words, name particles.
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("", false), ("the", false), ("says", true), ("The council met on Tuesday.", true), ("x says", true),
            ("Tom Hale says so", true), ("says,", false), ("(says)", false), ("says\tso", false), ("Says", false),
            ("published on march 3, 2021 at 9:45 am", false), ("Updated 9:02 a.m. ET, Tuesday, March 3, 2020", false),
            ("le 12 mars 2021 à 20:13", false), ("Jane Doe, associated press", false), ("Jo Lark for AFP", false),
            ("Ali bin Said, Reuters", false), ("Jo Lark, Editor of the Year", false), ("Jo Lark/AFP via Getty Images", false),
            ("Jo Lark, staff photographer", true), ("By Jo Lark - Updated soon after the vote", true),
            ("Photo by staff", false), ("Getty Images contributor", false), ("Ana Ruiz, file", false),
        ];
        for &(s, plain) in cases {
            assert_eq!(data.has_plain_word(s.as_bytes()), plain, "{s:?}");
            check_plain_word(&data, s);
        }
        assert!(data.is_dateline("published on march 3, 2021 at 9:45 am"));
        assert!(data.is_byline("Jane Doe, associated press") && data.is_byline("Ali bin Said, Reuters"));
        assert_eq!(data.bare_credit("Jo Lark for AFP"), BareCredit::Credit);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Lines of list words, names, numbers and story words.
        #[test]
        fn plain_words_never_hide_a_rule(words in proptest::collection::vec(0..WORDS.len(), 1..9), seps in proptest::collection::vec(0..SEPS.len(), 9)) {
            static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
            let data = DATA.get_or_init(|| Data::build(&[]).unwrap());
            let mut s = String::new();
            for (i, &w) in words.iter().enumerate() {
                if i > 0 {
                    s.push_str(SEPS[seps[i]]);
                }
                s.push_str(WORDS[w]);
            }
            check_plain_word(data, &s);
        }
    }

    const WORDS: &[&str] = &[
        "the",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "de",
        "of",
        "for",
        "and",
        "bin",
        "van",
        "via",
        "by",
        "file",
        "staff",
        "photo",
        "images",
        "getty",
        "associated",
        "press",
        "agence",
        "published",
        "updated",
        "march",
        "tuesday",
        "says",
        "bridge",
        "writer",
        "Jane",
        "Doe",
        "AFP",
        "Getty",
        "Images",
        "Reuters",
        "Associated",
        "Press",
        "Published",
        "March",
        "Tuesday",
        "3",
        "2021",
        "9:45",
        "11/18/19",
        "By",
        "Editor",
        "Correspondent",
    ];
    const SEPS: &[&str] = &[" ", " ", " ", ", ", " - ", " | ", "/", "  ", ",", "\u{a0}"];

    #[test]
    fn key_heads_are_the_first_bytes_of_the_key() {
        #[rustfmt::skip]
        let cases: &[(&str, &[u8])] = &[
            ("x", b"x"), ("X.", b"x"), ("..", b""), ("A b", b"a "), ("A \t\n b", b"a "), ("Image caption", b"im"),
            ("SPORT", b"sp"), ("a.", b"a"), ("a!!!", b"a"), ("a !", b"a"), ("(1 of 5)", b"(1"), ("é", b"\xc3\xa9"),
            ("\u{a0}x", b"\xc2\xa0"), ("Ab\u{a0}", b"ab"), ("1/12", b"1/"),
        ];
        let filter = crate::data::PairFilter::new(&["ab", "a", "im", "sp"]);
        for &(s, key) in cases {
            let mut buf = [0u8; MAX_KEY];
            let got = line_key(s, &mut buf).unwrap();
            assert_eq!(&got.as_bytes()[..got.len().min(2)], key, "the table itself: {s:?}");
            let head = key_head(s.as_bytes());
            let head = &head[..s.len().min(2)];
            if key.len() >= 2 {
                assert_eq!(head.to_ascii_lowercase(), key, "{s:?}");
            }
            // A key the filter passes has a head it passes.
            if !key.is_empty() && filter.may_start(key) {
                assert!(filter.may_start(head), "{s:?}");
            }
        }
    }

    #[test]
    fn no_line_key_holds_a_mark() {
        let data = Data::build(&[]).unwrap();
        for key in data.lines.keys() {
            assert!(!key.contains([':', ',']), "{key:?}");
        }
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("", false), ("Home", false), ("Image:", false), ("Home.,:;", false), ("Photo: Jo Lark, AP", true),
            ("Published: 7 May 2026", true), ("a,b", true), ("a :b", true), ("Share: ", false), ("x, !", false),
            ("Image 1 of 5", false), ("é,", false), (",é", true),
        ];
        for &(s, want) in cases {
            assert_eq!(key_keeps_mark(s.as_bytes()), want, "{s:?}");
            let mut buf = [0u8; MAX_KEY];
            assert_eq!(line_key(s, &mut buf).unwrap().contains([':', ',']), want, "the table itself: {s:?}");
        }
    }

    #[test]
    fn counters_as_before() {
        fn old(key: &str) -> bool {
            let Some((label, rest)) = key.split_once(' ') else {
                return false;
            };
            if !matches!(label, "image" | "photo" | "picture" | "slide" | "gallery") {
                return false;
            }
            let Some((a, b)) = rest.split_once(" of ").or_else(|| rest.split_once('/')) else {
                return false;
            };
            let num = |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|c| c.is_ascii_digit());
            num(a.trim()) && num(b.trim())
        }
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("", false), ("image 1 of 5", true), ("photo 3/12", true), ("slide 2 of 9", true), ("gallery 10 of 100", true),
            ("image 1 of 5\u{a0}", true), ("picture 1 /\u{2003}2", true), ("image 1 of 5x", false), ("image one of 5", false),
            ("image 1 of 1000", false), ("photos 1 of 5", false), ("image 1 of", false), ("image", false), ("slide 1/2/3", false),
        ];
        for &(key, want) in cases {
            assert_eq!(is_counter(key), want, "{key:?}");
            assert_eq!(old(key), want, "the table itself: {key:?}");
        }
    }

    #[test]
    fn whole_agency_as_the_automaton_alone() {
        let data = Data::build(&[]).unwrap();
        let old =
            |s: &str| data.agencies.find(Input::new(s).anchored(Anchored::Yes)).is_some_and(|m| m.end() == s.len());
        #[rustfmt::skip]
        let cases: &[&str] = &[
            "", "A", "AP", "ap", "Reuters", "REUTERS", "reuters", "Reuters.", "AFP via Getty Images", "Getty Images",
            "Getty", "Associated Press", "The Associated Press", "EPA", "x", "Jo Lark", "The council met on Tuesday.",
            "AFP/Getty Images AFP/Getty Images AFP/Getty Images AFP/Getty Images AFP/Getty Images AFP/Getty Images",
        ];
        for s in cases {
            assert_eq!(data.whole_agency(s), old(s), "{s:?}");
        }
        assert!(
            data.whole_agency("Reuters") && data.whole_agency("getty images") && !data.whole_agency("Reuters staff")
        );
    }

    #[test]
    fn first_separator() {
        #[rustfmt::skip]
        let cases: &[(&str, (&str, &str))] = &[
            ("", ("", "")),
            ("Jo Lark", ("Jo Lark", "")),
            ("Jo Lark - 11/18/19", ("Jo Lark", "11/18/19")),
            ("Jo Lark | AP", ("Jo Lark", "AP")),
            ("Jo Lark — AP - Reuters", ("Jo Lark", "AP - Reuters")),
            ("Jo Lark – AP", ("Jo Lark", "AP")),
            ("Jo Lark • AP", ("Jo Lark", "AP")),
            ("Jo Lark\tAP - x", ("Jo Lark", "AP - x")),
            ("Jo-Lark -AP", ("Jo-Lark -AP", "")),
            ("Jo  -  Lark", ("Jo ", " Lark")),
            (" - ", ("", "")),
        ];
        for (s, want) in cases {
            assert_eq!(split_first_sep(s), *want, "{s:?}");
            let old = [" - ", " | ", " — ", " – ", " • ", "\t"]
                .iter()
                .filter_map(|sep| s.find(sep).map(|i| (i, sep.len())))
                .min_by_key(|&(i, _)| i)
                .map_or((*s, ""), |(i, l)| (&s[..i], &s[i + l..]));
            assert_eq!(old, *want, "the table itself: {s:?}");
        }
    }
}
