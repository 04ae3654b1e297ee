//! Paragraph splitting: one pass of `memchr` over newlines.

use std::ops::Range;

/// How paragraph boundaries are recognised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ParagraphBreak {
    /// Every non-blank line is a paragraph (the common shape of scraped news text).
    #[default]
    Line,
    /// Paragraphs are separated by one or more blank lines; single newlines
    /// inside a paragraph are kept in it.
    BlankLine,
}

/// One paragraph: a whitespace-trimmed, non-empty stretch of the input.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Paragraph<'t> {
    /// Byte range into the text passed to [`crate::Tokenizer::paragraphs`].
    pub span: Range<usize>,
    /// `&text[span]`.
    pub text: &'t str,
}

/// Iterator over the paragraphs of a text, made by [`crate::Tokenizer::paragraphs`].
#[derive(Clone, Debug)]
pub struct Paragraphs<'t> {
    text: &'t str,
    pos: usize,
    mode: ParagraphBreak,
}

impl<'t> Paragraphs<'t> {
    pub(crate) fn new(text: &'t str, mode: ParagraphBreak) -> Self {
        Paragraphs { text, pos: 0, mode }
    }

    /// Next line `[start, end)` without its `\n`, advancing past the newline.
    fn next_line(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => {
                self.pos = start + i + 1;
                Some(start..start + i)
            }
            None => {
                self.pos = bytes.len();
                Some(start..bytes.len())
            }
        }
    }
}

/// Trims Unicode whitespace off both ends of `text[range]`, returning the trimmed range.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    // Fast path: visible ASCII at both ends.
    if let (Some(&a), Some(&z)) = (s.as_bytes().first(), s.as_bytes().last()) {
        if a.is_ascii_graphic() && z.is_ascii_graphic() {
            return range;
        }
    }
    let left = s.len() - s.trim_start().len();
    let inner = s[left..].trim_end();
    range.start + left..range.start + left + inner.len()
}

impl<'t> Iterator for Paragraphs<'t> {
    type Item = Paragraph<'t>;

    fn next(&mut self) -> Option<Paragraph<'t>> {
        match self.mode {
            ParagraphBreak::Line => loop {
                let line = self.next_line()?;
                let span = trim_range(self.text, line);
                if !span.is_empty() {
                    return Some(Paragraph { text: &self.text[span.clone()], span });
                }
            },
            ParagraphBreak::BlankLine => {
                // Skip blank lines, then extend until the next blank line.
                let mut block: Option<Range<usize>> = None;
                loop {
                    let save = self.pos;
                    let Some(line) = self.next_line() else { break };
                    let blank = self.text[line.clone()].trim().is_empty();
                    match (&mut block, blank) {
                        (None, true) => {}
                        (None, false) => block = Some(line),
                        (Some(b), false) => b.end = line.end,
                        (Some(_), true) => {
                            self.pos = save;
                            break;
                        }
                    }
                }
                let span = trim_range(self.text, block?);
                Some(Paragraph { text: &self.text[span.clone()], span })
            }
        }
    }
}

impl std::iter::FusedIterator for Paragraphs<'_> {}
