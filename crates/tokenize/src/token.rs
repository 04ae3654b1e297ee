//! Word tokens: a single forward scan with an ASCII fast path.
//!
//! Every decision looks at most a few characters left or right of the current
//! position, except the e-mail check, which remembers how far it has already
//! looked so a long run without spaces is read once, not once per token.

use std::ops::Range;

/// What a [`Token`] is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, with internal apostrophes and hyphens kept (`don't`, `O'Neill`,
    /// `self-dealing`) and dotted acronyms (`U.S.`, `a.m.`) including their dots.
    Word,
    /// A number, possibly with internal separators and a unit suffix
    /// (`1,200`, `3.5`, `10:30`, `1.5bn`, `1990s`, `3rd`).
    Number,
    /// Punctuation such as `.` `,` `;` `:` `!` `?` and brackets.
    Punctuation,
    /// An opening quotation mark: `“` `‘` `„` `‚` `«` `‹`, or a straight mark
    /// whose context says it opens.
    OpenQuote,
    /// A closing quotation mark: `”` `’` `»` `›`, or a straight mark whose
    /// context says it closes.
    CloseQuote,
    /// A straight mark (`"` or `'`) whose direction the context cannot tell.
    Quote,
    /// A standalone apostrophe, e.g. trailing in `Jones'` or leading in `'90s`.
    Apostrophe,
    /// A dash: `—`, `–`, `―`, `--`, or a hyphen standing alone.
    Dash,
    /// An ellipsis: `…`, `...` or `. . .`.
    Ellipsis,
    /// A URL starting with a scheme (`https://`) or `www.`.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle such as `@copydesk`.
    Handle,
    /// A hashtag such as `#election`.
    Hashtag,
    /// Any other symbol: `$`, `%`, `&`, `°`, `•`, emoji, ...
    Symbol,
}

impl TokenKind {
    /// Whether this kind is a quotation mark of any direction.
    pub fn is_quote(self) -> bool {
        matches!(self, TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote)
    }
}

/// One token with its byte span.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Token<'t> {
    /// Byte range into the text passed to [`crate::Tokenizer::tokens`].
    pub span: Range<usize>,
    /// `&text[span]`.
    pub text: &'t str,
    /// What the token is.
    pub kind: TokenKind,
}

/// Iterator over the tokens of a text, made by [`crate::Tokenizer::tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    /// An opening single quotation mark was seen in this paragraph and not closed:
    /// a following `’` after `s` closes it rather than being a plural apostrophe.
    single_open: bool,
    /// The e-mail scan already found no address in any run ending before here.
    no_email_until: usize,
}

#[inline]
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Decodes the char starting at byte `i` (which must be a char boundary).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i`.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Letters, digits and combining marks: what words are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining(c)
    }
}

#[inline]
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

/// Characters skipped between tokens: Unicode whitespace plus invisible format marks.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Opening quotation marks that are never anything else.
#[inline]
pub(crate) fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '‘' | '„' | '‚' | '«' | '‹')
}

/// Closing quotation marks (curly `’` is also the apostrophe).
#[inline]
pub(crate) fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›')
}

#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒' | '⸺' | '⸻')
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_punct_char(c: char) -> bool {
    match c {
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '/' | '\\' => true,
        '¡' | '¿' | '·' | '§' | '¶' | '‹' | '›' => true,
        c if c.is_ascii() => false,
        c => {
            matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011 | 0xFF01..=0xFF0F)
        }
    }
}

/// Direction of a straight quotation mark from its neighbours.
pub(crate) fn straight_direction(prev: Option<char>, next: Option<char>) -> TokenKind {
    let opens_after =
        |p: char| is_space(p) || matches!(p, '(' | '[' | '{' | '"' | '\'' | '-' | '/') || is_dash(p) || is_open_mark(p);
    let next_is_space = next.map_or(true, is_space);
    if prev.map_or(true, opens_after) && !next_is_space {
        return TokenKind::OpenQuote;
    }
    if let Some(p) = prev {
        if !is_space(p) {
            let closes_before = match next {
                None => true,
                Some(n) => {
                    is_space(n)
                        || (n.is_ascii_punctuation() && n != '_' && n != '#' && n != '@')
                        || is_close_mark(n)
                        || is_dash(n)
                        || n == '…'
                }
            };
            if closes_before {
                return TokenKind::CloseQuote;
            }
        }
    }
    TokenKind::Quote
}

impl<'t> Tokens<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Tokens { text, pos: 0, single_open: false, no_email_until: 0 }
    }

    /// Skips whitespace; returns false at the end of the text.
    fn skip_space(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b < 0x80 {
                if b.is_ascii_whitespace() || b == 0x0b {
                    if b == b'\n' {
                        // Quotation state does not survive a line break.
                        self.single_open = false;
                    }
                    self.pos += 1;
                    continue;
                }
                return true;
            }
            match char_at(self.text, self.pos) {
                Some(c) if is_space(c) => self.pos += c.len_utf8(),
                _ => return true,
            }
        }
        false
    }

    /// End of the word (or number) starting at `start`.
    fn scan_word(&self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = start;
        loop {
            // Fast path over ASCII letters and digits.
            while i < bytes.len() && is_ascii_word(bytes[i]) {
                i += 1;
            }
            if i >= bytes.len() {
                return i;
            }
            let Some(c) = char_at(text, i) else { return i };
            if !c.is_ascii() && is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
            // Joiners: apostrophe or hyphen followed by a word char.
            if is_apostrophe(c) || is_hyphen(c) {
                let after = i + c.len_utf8();
                if i > start && char_at(text, after).is_some_and(is_word_char) {
                    i = after;
                    continue;
                }
            }
            return i;
        }
    }

    /// End of the number starting at `start`: digits with internal `, . : /`
    /// followed by a digit, then an optional letter suffix (`bn`, `th`, `s`).
    fn scan_number(&self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = start;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < bytes.len() && matches!(bytes[i], b'.' | b',' | b':' | b'/') && bytes[i + 1].is_ascii_digit() {
                i += 1;
                continue;
            }
            break;
        }
        if i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] >= 0x80) {
            // Unit or ordinal suffix, or a code like 5G or B52-style mixes.
            if char_at(self.text, i).is_some_and(is_word_char) {
                return self.scan_word(i);
            }
        }
        i
    }

    /// Dotted acronym at `start` (`U.S.`, `a.m.`, `U.S.A.`): end including the last dot.
    fn scan_acronym(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = start;
        let mut n = 0;
        while i + 1 < bytes.len() && bytes[i].is_ascii_alphabetic() && bytes[i + 1] == b'.' {
            // A letter followed by another letter is a word, not an acronym part.
            i += 2;
            n += 1;
            if i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
                break;
            }
            if i + 1 < bytes.len() && bytes[i + 1].is_ascii_alphanumeric() {
                break;
            }
        }
        // Even when a word follows without a space ("U.S.Army"), the dotted
        // part is taken as the acronym, so no start inside it scans it again.
        (n >= 2).then_some(i)
    }

    /// URL starting at `start` if it begins with a scheme or `www.`.
    fn scan_url(&self, start: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[start..];
        let prefix_len = [&b"https://"[..], b"http://", b"ftp://", b"www."]
            .iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
            .map(|p| p.len())?;
        if !rest[prefix_len].is_ascii_alphanumeric() {
            return None;
        }
        let mut end = start + prefix_len;
        let text = self.text;
        while let Some(c) = char_at(text, end) {
            if is_space(c) || matches!(c, '"' | '<' | '>' | '“' | '”' | '‘' | '’' | '«' | '»') {
                break;
            }
            end += c.len_utf8();
        }
        // Trailing punctuation belongs to the sentence, not the URL.
        let url = &text[start..end];
        let has_open = url.contains('(');
        let trimmed = url.trim_end_matches(|c: char| {
            matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ']' | '}') || (c == ')' && !has_open)
        });
        Some(start + trimmed.len())
    }

    /// E-mail address starting at `start`.
    fn scan_email(&mut self, start: usize) -> Option<usize> {
        if start < self.no_email_until {
            return None;
        }
        let bytes = self.text.as_bytes();
        let ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'@');
        let mut end = start;
        while end < bytes.len() && ok(bytes[end]) {
            end += 1;
        }
        let run = &bytes[start..end];
        let found = (|| {
            let at = memchr::memchr(b'@', run)?;
            if at == 0 {
                return None;
            }
            let domain = &run[at + 1..];
            if memchr::memchr(b'@', domain).is_some() {
                return None;
            }
            let mut dlen = domain.len();
            while dlen > 0 && matches!(domain[dlen - 1], b'.' | b'-') {
                dlen -= 1;
            }
            let domain = &domain[..dlen];
            let dot = memchr::memrchr(b'.', domain)?;
            if dot == 0 || dot + 1 >= domain.len() || !domain[0].is_ascii_alphanumeric() {
                return None;
            }
            Some(start + at + 1 + dlen)
        })();
        if found.is_none() {
            self.no_email_until = end;
        }
        found
    }

    fn token(&self, start: usize, end: usize, kind: TokenKind) -> Token<'t> {
        Token { span: start..end, text: &self.text[start..end], kind }
    }

    /// Spaced ellipsis `. . .` starting at `start` (a dot): its end if there are 3+ dots.
    fn scan_spaced_ellipsis(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = start + 1;
        let mut dots = 1;
        while i + 1 < bytes.len() && bytes[i] == b' ' && bytes[i + 1] == b'.' {
            i += 2;
            dots += 1;
        }
        (dots >= 3).then_some(i)
    }
}

/// Bytes that start a plain word on the fast path: ASCII letters except those
/// that may begin a URL (`http`, `ftp`, `www`).
static PLAIN_START: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphabetic() && !matches!(c, b'h' | b'H' | b'f' | b'F' | b'w' | b'W');
        b += 1;
    }
    t
};

/// ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

impl<'t> Iterator for Tokens<'t> {
    type Item = Token<'t>;

    #[inline]
    fn next(&mut self) -> Option<Token<'t>> {
        let bytes = self.text.as_bytes();
        let mut start = self.pos;
        while start < bytes.len() && bytes[start] == b' ' {
            start += 1;
        }
        if start >= bytes.len() {
            self.pos = start;
            return None;
        }
        let b = bytes[start];
        // Fast path: a plain ASCII word ending in a space or simple punctuation.
        if (PLAIN_START[b as usize] || (b.is_ascii_alphabetic() && !maybe_url(&bytes[start..])))
            && bytes.get(start + 1) != Some(&b'.')
        {
            let mut i = letters_end(bytes, start + 1);
            while i < bytes.len() && ALNUM[bytes[i] as usize] {
                i += 1;
            }
            let plain = match bytes.get(i) {
                None => true,
                Some(b'\'' | b'-' | b'@' | b'_' | b'+' | b'%') => false,
                Some(b'.') => !bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric),
                Some(&n) => n < 0x80,
            };
            if plain {
                self.pos = i;
                return Some(self.token(start, i, TokenKind::Word));
            }
        }
        // Fast path: a plain number ("1931", "42,000", "3.2") ending in a space
        // or simple punctuation.
        if b.is_ascii_digit() {
            let mut i = start + 1;
            loop {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < bytes.len() && matches!(bytes[i], b'.' | b',' | b':' | b'/') && bytes[i + 1].is_ascii_digit()
                {
                    i += 1;
                    continue;
                }
                break;
            }
            let plain = match bytes.get(i) {
                None => true,
                Some(&n) => n < 0x80 && !ALNUM[n as usize] && !matches!(n, b'@' | b'_' | b'+' | b'.' | b'\'' | b'-'),
            };
            if plain {
                self.pos = i;
                return Some(self.token(start, i, TokenKind::Number));
            }
        }
        // Fast path: a straight double quote between ASCII neighbours.
        if b == b'"' {
            let prev = if start == 0 {
                Some(None)
            } else {
                bytes.get(start - 1).filter(|p| p.is_ascii()).map(|&p| Some(p as char))
            };
            let next = match bytes.get(start + 1) {
                None => Some(None),
                Some(&n) if n.is_ascii() => Some(Some(n as char)),
                Some(_) => None,
            };
            if let (Some(prev), Some(next)) = (prev, next) {
                self.pos = start + 1;
                return Some(self.token(start, start + 1, straight_direction(prev, next)));
            }
        }
        // Fast path: punctuation that is never part of anything longer.
        let simple = match b {
            b',' | b';' | b'?' | b'!' | b'(' | b')' | b'[' | b']' => true,
            b':' => true,
            b'.' => match bytes.get(start + 1) {
                Some(b'.') => false,
                Some(b' ') => bytes.get(start + 2) != Some(&b'.'),
                Some(n) => !n.is_ascii_digit(),
                None => true,
            },
            _ => false,
        };
        if simple {
            self.pos = start + 1;
            return Some(self.token(start, start + 1, TokenKind::Punctuation));
        }
        self.pos = start;
        self.next_slow()
    }
}

/// End of the run of ASCII letters starting at `i`, eight bytes at a time.
///
/// Each byte is case-folded (`| 0x20`, which maps only `A-Z` into `a-z`) and
/// tested for `< b'a'` or `> b'z'` with carry-free word arithmetic; the lowest
/// flagged byte is exact because borrows and carries only run upwards.
#[inline]
fn letters_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let w = u64::from_le_bytes(a);
        let x = w | (ONES * 0x20);
        let below = x.wrapping_sub(ONES * u64::from(b'a')) & !x;
        let above = x.wrapping_add(ONES * (127 - u64::from(b'z'))) | x;
        let flags = (below | above | w) & HIGH;
        if flags != 0 {
            return i + (flags.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// Whether `rest` (starting with a letter) could begin a URL: `http`, `ftp:`, `www.`.
#[inline]
fn maybe_url(rest: &[u8]) -> bool {
    let lower = |i: usize| rest.get(i).map_or(0, u8::to_ascii_lowercase);
    match lower(0) {
        b'h' => lower(1) == b't' && lower(2) == b't' && lower(3) == b'p',
        b'f' => lower(1) == b't' && lower(2) == b'p' && lower(3) == b':',
        b'w' => lower(1) == b'w' && lower(2) == b'w' && lower(3) == b'.',
        _ => false,
    }
}

impl<'t> Tokens<'t> {
    /// Everything but the plain-word fast path.
    #[inline(never)]
    fn next_slow(&mut self) -> Option<Token<'t>> {
        if !self.skip_space() {
            return None;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        let c = char_at(text, start)?;
        let len = c.len_utf8();
        let (end, kind) = match c {
            'a'..='z' | 'A'..='Z' => {
                if let Some(end) = self.scan_url(start) {
                    (end, TokenKind::Url)
                } else if let Some(end) = self.scan_acronym(start) {
                    // The possessive of an acronym: "U.N.'s".
                    let rest = &bytes[end..];
                    let apostrophe = if rest.starts_with(b"'") {
                        1
                    } else if rest.starts_with("’".as_bytes()) {
                        3
                    } else {
                        0
                    };
                    let possessive = apostrophe > 0
                        && rest.get(apostrophe) == Some(&b's')
                        && !rest.get(apostrophe + 1).is_some_and(u8::is_ascii_alphanumeric);
                    (if possessive { end + apostrophe + 1 } else { end }, TokenKind::Word)
                } else {
                    let end = self.scan_word(start);
                    let joined = bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric);
                    match bytes.get(end) {
                        Some(b'@' | b'.' | b'_' | b'+' | b'-' | b'%') if joined => match self.scan_email(start) {
                            Some(e) => (e, TokenKind::Email),
                            None => (end, TokenKind::Word),
                        },
                        _ => (end, TokenKind::Word),
                    }
                }
            }
            '0'..='9' => {
                let end = self.scan_number(start);
                let joined = bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric);
                match bytes.get(end) {
                    Some(b'@' | b'.' | b'_' | b'+') if joined => match self.scan_email(start) {
                        Some(e) => (e, TokenKind::Email),
                        None => (end, TokenKind::Number),
                    },
                    _ => (end, TokenKind::Number),
                }
            }
            '"' => (start + 1, straight_direction(char_before(text, start), char_at(text, start + 1))),
            '\'' if bytes.get(start + 1) == Some(&b'\'') => {
                // Two straight single marks standing for a double one: ''Yes,''
                let kind = straight_direction(char_before(text, start), char_at(text, start + 2));
                self.pos = start + 2;
                return Some(self.token(start, start + 2, kind));
            }
            '\'' | '’' | 'ʼ' => {
                let next = char_at(text, start + len);
                let prev = char_before(text, start);
                let two_digits = bytes.get(start + len).is_some_and(u8::is_ascii_digit)
                    && bytes.get(start + len + 1).is_some_and(u8::is_ascii_digit)
                    && !bytes.get(start + len + 2).is_some_and(u8::is_ascii_digit);
                let kind = if two_digits && prev.map_or(true, |p| !is_word_char(p)) {
                    TokenKind::Apostrophe // '90s
                } else {
                    let dir = straight_direction(prev, next);
                    match dir {
                        TokenKind::CloseQuote
                            if !self.single_open && matches!(prev, Some('s' | 'S')) && next.is_some_and(is_space) =>
                        {
                            TokenKind::Apostrophe // Jones' car
                        }
                        TokenKind::Quote if c == '’' => TokenKind::CloseQuote,
                        d => d,
                    }
                };
                (start + len, kind)
            }
            '“' | '‘' => {
                // Fix up a misused mark only when the context is unambiguous.
                let prev = char_before(text, start);
                let next = char_at(text, start + len);
                let kind = if prev.is_some_and(|p| !is_space(p) && !is_open_mark(p) && !is_dash(p) && p != '(')
                    && next.map_or(true, is_space)
                {
                    TokenKind::CloseQuote
                } else {
                    TokenKind::OpenQuote
                };
                (start + len, kind)
            }
            '”' => {
                let prev = char_before(text, start);
                let next = char_at(text, start + len);
                let kind = if prev.map_or(true, is_space) && next.is_some_and(is_word_char) {
                    TokenKind::OpenQuote
                } else {
                    TokenKind::CloseQuote
                };
                (start + len, kind)
            }
            c if is_open_mark(c) => (start + len, TokenKind::OpenQuote),
            c if is_close_mark(c) => (start + len, TokenKind::CloseQuote),
            '.' => {
                let mut i = start;
                while i < bytes.len() && bytes[i] == b'.' {
                    i += 1;
                }
                if i - start >= 3 {
                    (i, TokenKind::Ellipsis)
                } else if let Some(e) = self.scan_spaced_ellipsis(start) {
                    (e, TokenKind::Ellipsis)
                } else if bytes.get(start + 1).is_some_and(u8::is_ascii_digit)
                    && char_before(text, start).map_or(true, |p| !is_word_char(p))
                {
                    // .45 calibre, .5 percent
                    (self.scan_number(start + 1), TokenKind::Number)
                } else {
                    (start + 1, TokenKind::Punctuation)
                }
            }
            '…' => (start + len, TokenKind::Ellipsis),
            '-' => {
                let mut i = start;
                while i < bytes.len() && bytes[i] == b'-' {
                    i += 1;
                }
                if i - start == 1
                    && bytes.get(i).is_some_and(u8::is_ascii_digit)
                    && char_before(text, start).map_or(true, |p| is_space(p) || p == '(')
                {
                    (self.scan_number(i), TokenKind::Number) // -5 degrees
                } else {
                    (i, TokenKind::Dash)
                }
            }
            c if is_dash(c) => (start + len, TokenKind::Dash),
            '@' if bytes.get(start + 1).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') => {
                let mut i = start + 1;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                (i, TokenKind::Handle)
            }
            '#' if char_at(text, start + 1).is_some_and(|n| n == '_' || (is_word_char(n) && !n.is_ascii_digit())) => {
                let mut i = start + 1;
                while let Some(n) = char_at(text, i) {
                    if n == '_' || is_word_char(n) {
                        i += n.len_utf8();
                    } else {
                        break;
                    }
                }
                (i, TokenKind::Hashtag)
            }
            c if is_word_char(c) => {
                if c.is_numeric() {
                    (self.scan_word(start), TokenKind::Number)
                } else {
                    (self.scan_word(start), TokenKind::Word)
                }
            }
            c if is_punct_char(c) => (start + len, TokenKind::Punctuation),
            _ => (start + len, TokenKind::Symbol),
        };
        let kind = match kind {
            TokenKind::OpenQuote if matches!(c, '\'' | '‘' | '‚' | '‹') => {
                self.single_open = true;
                kind
            }
            TokenKind::CloseQuote if matches!(c, '\'' | '’' | '›') => {
                self.single_open = false;
                kind
            }
            k => k,
        };
        self.pos = end.max(start + len);
        let end = self.pos;
        Some(self.token(start, end, kind))
    }
}

impl std::iter::FusedIterator for Tokens<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_end_matches_a_byte_loop() {
        let samples: [&[u8]; 8] = [
            b"abcdefghijklmnop",
            b"abcdefgh",
            b"abc def",
            b"ABCxyz@[`{Z",
            b"word1234",
            b"caf\xc3\xa9 latte",
            b"",
            b"zZaA_-09",
        ];
        for s in samples {
            for start in 0..=s.len() {
                let mut want = start;
                while want < s.len() && s[want].is_ascii_alphabetic() {
                    want += 1;
                }
                assert_eq!(letters_end(s, start), want, "{s:?} from {start}");
            }
        }
        // Every byte value at every position of an 8-byte window.
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut s = *b"abcdefghij";
                s[pos] = b;
                let want = if b.is_ascii_alphabetic() { 10 } else { pos };
                assert_eq!(letters_end(&s, 0), want, "byte {b:#x} at {pos}");
            }
        }
    }
}
