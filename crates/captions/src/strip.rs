//! The stripping pass: split into lines, classify each line alone, then read
//! the neighbours (multi-line captions, captions above credit lines, runs of
//! menu lines, blocks of other stories at the end, headlines above bylines).

use std::ops::Range;

use crate::data::Data;
use crate::line::{has_quote, trim_rel, Rel, Shape, MAX_CAPTION_ABOVE};
use crate::{Kind, Removed, Stripped};

/// A non-blank line.
#[derive(Clone, Copy, Debug)]
struct Rec {
    /// Start of the raw line (just after the previous '\n').
    raw: usize,
    /// Trimmed content.
    a: usize,
    b: usize,
    shape: Shape,
}

/// A block of removed lines, before it becomes a [`Removed`].
#[derive(Clone, Debug)]
struct Block {
    first: usize,
    last: usize,
    kind: Kind,
    caption: Option<Range<usize>>,
    credit: Option<Range<usize>>,
}

/// Longest tail line (a headline or summary of another story).
const MAX_TAIL_LINE: usize = 400;
/// Most lines in a tail block.
const MAX_TAIL_LINES: usize = 80;

struct Ctx<'a> {
    text: &'a str,
    enabled: &'a [bool; Kind::ALL.len()],
    recs: Vec<Rec>,
    taken: Vec<Option<Kind>>,
    blocks: Vec<Block>,
}

impl Ctx<'_> {
    fn line(&self, i: usize) -> &str {
        &self.text[self.recs[i].a..self.recs[i].b]
    }

    fn len(&self, i: usize) -> usize {
        self.recs[i].b - self.recs[i].a
    }

    /// Whether a blank line (or the start of the text) comes before line `i`.
    fn blank_before(&self, i: usize) -> bool {
        let from = if i == 0 { 0 } else { self.recs[i - 1].b };
        self.text.as_bytes()[from..self.recs[i].a].iter().filter(|&&b| b == b'\n').count() >= if i == 0 { 0 } else { 2 }
    }

    /// Whether a blank line (or the end of the text) comes after line `i`.
    fn blank_after(&self, i: usize) -> bool {
        i + 1 >= self.recs.len() || self.blank_before(i + 1)
    }

    /// Whether line `i` may belong to a block of other stories' headlines
    /// after a "You may also like" header. A story paragraph must never go
    /// with it (some pages put the header mid-story): a line that quotes
    /// someone and says who ("...," she said) is the story going on, where a
    /// teaser for another story rarely carries its own attribution.
    fn tail_like(&self, i: usize) -> bool {
        let line = self.text[self.recs[i].a..self.recs[i].b].trim();
        if line.len() > MAX_TAIL_LINE {
            return false;
        }
        let quoted = line.contains(['"', '\u{201c}', '\u{201d}']);
        !(quoted && [" said", " says", " told", " added", " asked"].iter().any(|cue| line.contains(cue)))
    }

    fn abs(&self, i: usize, r: Rel) -> Range<usize> {
        self.recs[i].a + r.0..self.recs[i].a + r.1
    }

    fn on(&self, kind: Kind) -> bool {
        self.enabled[kind as usize]
    }

    fn take(
        &mut self,
        first: usize,
        last: usize,
        kind: Kind,
        caption: Option<Range<usize>>,
        credit: Option<Range<usize>>,
    ) {
        for t in &mut self.taken[first..=last] {
            *t = Some(kind);
        }
        self.blocks.push(Block { first, last, kind, caption, credit });
    }

    /// Can line `p` be the caption of the credit line below it?
    fn caption_above(&self, p: usize, credit_line: usize) -> bool {
        let s = self.line(p);
        self.taken[p].is_none()
            && self.recs[p].shape == Shape::Body
            && s.len() <= MAX_CAPTION_ABOVE
            && !has_quote(s)
            // A pull quote in single marks is the story's words, not a caption.
            && !s.starts_with(['\u{2018}', '\''])
            && !s.ends_with(':')
            // A credit closing the text is more often a sign-off.
            && credit_line + 1 < self.recs.len()
    }

    /// A credit line `i` (with credit range `credit`, absolute): take it
    /// together with the caption above it when that reads as a caption.
    fn credit_with_caption(&mut self, i: usize, last: usize, credit: Range<usize>, after: bool) {
        if after && i > 0 && self.caption_above(i - 1, last) {
            if self.on(Kind::Caption) {
                let cap = self.recs[i - 1].a..self.recs[i - 1].b;
                self.take(i - 1, last, Kind::Caption, Some(cap), Some(credit));
            }
            return;
        }
        if self.on(Kind::Credit) {
            self.take(i, last, Kind::Credit, None, Some(credit));
        }
    }
}

/// `Image:` / `Photo:` ... at the start of a line: offset after the colon.
fn label_colon(s: &str) -> Option<usize> {
    const LABELS: [&str; 10] =
        ["image", "images", "photo", "photos", "photograph", "picture", "pictures", "pic", "credit", "credits"];
    let colon = s.as_bytes().iter().take(12).position(|&b| b == b':')?;
    let label = s[..colon].trim_end();
    LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)).then_some(colon + 1)
}

pub(crate) fn strip(data: &Data, enabled: &[bool; Kind::ALL.len()], text: &str) -> Stripped {
    // Lines.
    let mut recs = Vec::with_capacity(text.len() / 128 + 4);
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut push = |s: usize, e: usize| {
        let (a, b) = trim_rel(text, s, e);
        if b > a {
            recs.push(Rec { raw: s, a, b, shape: data.shape(&text[a..b]) });
        }
    };
    // A blank line (a paragraph break, half the lines of most stories) is
    // stepped over before memchr is called for it.
    while start < bytes.len() {
        if bytes[start] == b'\n' {
            start += 1;
            continue;
        }
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        push(start, end);
        start = end + 1;
    }

    let n = recs.len();
    let mut cx = Ctx { text, enabled, taken: vec![None; n], recs, blocks: Vec::new() };

    // A block of other stories at the end: a tail header in the last two
    // thirds of the text, followed only by short lines.
    let mut tail_from = n;
    if cx.on(Kind::Promo) {
        for i in 0..n {
            if cx.recs[i].shape != Shape::Tail || cx.recs[i].a * 3 < text.len() {
                continue;
            }
            if n - i <= MAX_TAIL_LINES && (i + 1..n).all(|j| cx.tail_like(j)) {
                tail_from = i;
                break;
            }
        }
    }

    // Lines alone and their immediate neighbours.
    let mut body_seen = false;
    let mut i = 0;
    while i < tail_from {
        let rec = cx.recs[i];
        let mut next = i + 1;
        match rec.shape {
            Shape::Residue { kind, caption, credit } => {
                if cx.on(kind) {
                    let cap = caption.map(|r| cx.abs(i, r));
                    let cred = credit.map(|r| cx.abs(i, r));
                    cx.take(i, i, kind, cap, cred);
                }
            }
            Shape::Tail => {
                if cx.on(Kind::Promo) {
                    cx.take(i, i, Kind::Promo, None, None);
                }
            }
            Shape::OpenParen => {
                // caption (\nImage:\ncredit)   or   caption (\nImage: credit)
                if let Some((last, credit)) = open_paren_credit(&cx, i, tail_from) {
                    if cx.on(Kind::Caption) {
                        let s = cx.line(i);
                        let cap = trim_rel(s, 0, s.len() - 1);
                        let cap = (cap.1 > cap.0).then(|| cx.abs(i, cap));
                        cx.take(i, last, Kind::Caption, cap, Some(credit));
                    }
                    next = last + 1;
                } else {
                    body_seen = true;
                }
            }
            Shape::LabelOnly => {
                // caption\nImage:\ncredit
                if i + 1 < tail_from && cx.len(i + 1) <= 100 && cx.taken[i + 1].is_none() {
                    let credit = cx.recs[i + 1].a..cx.recs[i + 1].b;
                    if i > 0 && cx.caption_above(i - 1, i + 1) {
                        if cx.on(Kind::Caption) {
                            let cap = cx.recs[i - 1].a..cx.recs[i - 1].b;
                            cx.take(i - 1, i + 1, Kind::Caption, Some(cap), Some(credit));
                        }
                    } else if cx.on(Kind::Credit) {
                        cx.take(i, i + 1, Kind::Credit, None, Some(credit));
                    }
                    next = i + 2;
                } else {
                    body_seen = true;
                }
            }
            Shape::CopyrightLabel => {
                // Image copyright\nAgency\nImage caption\ncaption
                if i + 1 < tail_from && cx.len(i + 1) <= 100 {
                    let credit = cx.recs[i + 1].a..cx.recs[i + 1].b;
                    if i + 3 < tail_from && cx.recs[i + 2].shape == Shape::CaptionLabel && cx.len(i + 3) <= 600 {
                        if cx.on(Kind::Caption) {
                            let cap = cx.recs[i + 3].a..cx.recs[i + 3].b;
                            cx.take(i, i + 3, Kind::Caption, Some(cap), Some(credit));
                        }
                        next = i + 4;
                    } else {
                        if cx.on(Kind::Credit) {
                            cx.take(i, i + 1, Kind::Credit, None, Some(credit));
                        }
                        next = i + 2;
                    }
                } else if cx.on(Kind::Navigation) {
                    cx.take(i, i, Kind::Navigation, None, None);
                }
            }
            Shape::CaptionLabel => {
                if i + 1 < tail_from && cx.len(i + 1) <= 600 {
                    if cx.on(Kind::Caption) {
                        let cap = cx.recs[i + 1].a..cx.recs[i + 1].b;
                        cx.take(i, i + 1, Kind::Caption, Some(cap), None);
                    }
                    next = i + 2;
                } else if cx.on(Kind::Navigation) {
                    cx.take(i, i, Kind::Navigation, None, None);
                }
            }
            Shape::Credit { credit, after } => {
                let credit = cx.abs(i, credit);
                // "Photo: Name, AP" under a line, the two set off by blank
                // lines from the story: a caption block laid out in two lines.
                let block = i > 0 && cx.blank_before(i - 1) && cx.blank_after(i) && !cx.blank_before(i);
                cx.credit_with_caption(i, i, credit, after || block);
            }
            Shape::Agency => {
                let all = rec.a..rec.b;
                if !body_seen {
                    if cx.on(Kind::Byline) {
                        cx.take(i, i, Kind::Byline, None, None);
                    }
                } else {
                    cx.credit_with_caption(i, i, all, true);
                }
            }
            Shape::Body => body_seen = true,
            Shape::Weak { .. } => {}
        }
        i = next;
    }
    if tail_from < n {
        cx.take(tail_from, n - 1, Kind::Promo, None, None);
    }

    // Author biographies closing the story.
    if cx.on(Kind::Byline) {
        for i in n.saturating_sub(4)..tail_from {
            if cx.taken[i].is_none() && cx.recs[i].shape == Shape::Body && data.is_bio(cx.line(i)) {
                cx.take(i, i, Kind::Byline, None, None);
            }
        }
        for i in 0..tail_from.min(n.saturating_sub(4)) {
            let next_residue =
                i + 1 < n && (cx.taken[i + 1].is_some() || matches!(cx.recs[i + 1].shape, Shape::Weak { .. }));
            if next_residue && cx.taken[i].is_none() && cx.recs[i].shape == Shape::Body && data.is_bio(cx.line(i)) {
                cx.take(i, i, Kind::Byline, None, None);
            }
        }
    }

    // The page headline above a byline or date line, before the story starts.
    if cx.on(Kind::Headline) {
        for h in 0..n.saturating_sub(1) {
            let s = cx.line(h);
            if cx.taken[h].is_none() && cx.recs[h].shape == Shape::Body {
                let is_headline = matches!(cx.taken[h + 1], Some(Kind::Byline) | Some(Kind::Dateline))
                    && s.len() <= 200
                    && !s.ends_with(['.', '!', '?', ':'])
                    && !has_quote(s);
                if is_headline {
                    cx.take(h, h, Kind::Headline, None, None);
                    break;
                }
                // A story sentence: the leading zone is over.
                if s.len() > 200 || s.ends_with(['.', '!', '?', '"', '”']) {
                    break;
                }
            }
        }
    }

    // Runs of menu words, counters and lone links.
    if cx.on(Kind::Navigation) {
        let mut i = 0;
        while i < n {
            let weak_or_taken =
                |cx: &Ctx, j: usize| cx.taken[j].is_some() || matches!(cx.recs[j].shape, Shape::Weak { .. });
            if !weak_or_taken(&cx, i) {
                i += 1;
                continue;
            }
            let s = i;
            while i < n && weak_or_taken(&cx, i) {
                i += 1;
            }
            let e = i; // run is s..e
            let mut nav = 0;
            let mut anchored = false;
            for j in s..e {
                match cx.recs[j].shape {
                    Shape::Weak { nav: true } if cx.taken[j].is_none() => nav += 1,
                    _ if cx.taken[j].is_some() => anchored = true,
                    _ => {}
                }
            }
            let edge = s == 0 || e == n;
            if anchored || nav >= 3 || (edge && nav >= 1) {
                for j in s..e {
                    if cx.taken[j].is_none() {
                        cx.take(j, j, Kind::Navigation, None, None);
                    }
                }
            }
        }
    }

    finish(cx)
}

/// The credit lines after a `caption (` line: returns the last line of the
/// block and the credit range.
fn open_paren_credit(cx: &Ctx, i: usize, end: usize) -> Option<(usize, Range<usize>)> {
    let j = i + 1;
    if j >= end || cx.len(j) > 160 {
        return None;
    }
    let l1 = cx.line(j);
    let off = label_colon(l1)?;
    let after = trim_rel(l1, off, l1.len());
    if after.1 > after.0 {
        let a = &l1[after.0..after.1];
        let inner = a.strip_suffix(')')?;
        let c = trim_rel(l1, after.0, after.0 + inner.len());
        return (c.1 > c.0).then(|| (j, cx.abs(j, c)));
    }
    let k = j + 1;
    if k >= end || cx.len(k) > 160 {
        return None;
    }
    let l2 = cx.line(k);
    let inner = l2.strip_suffix(')')?;
    let c = trim_rel(l2, 0, inner.len());
    (c.1 > c.0).then(|| (k, cx.abs(k, c)))
}

/// Turn blocks into sorted removed spans and the kept spans between them.
fn finish(cx: Ctx) -> Stripped {
    let Ctx { text, recs, mut blocks, .. } = cx;
    blocks.sort_by_key(|b| b.first);
    let n = recs.len();
    let end_of = |last: usize| if last + 1 < n { recs[last + 1].raw } else { text.len() };
    let mut removed: Vec<Removed> = Vec::with_capacity(blocks.len());
    for b in blocks {
        let span = recs[b.first].raw..end_of(b.last);
        if let Some(prev) = removed.last_mut() {
            let merge = prev.span.end == span.start
                && prev.kind == b.kind
                && matches!(b.kind, Kind::Navigation | Kind::Promo)
                && prev.caption.is_none()
                && prev.credit.is_none()
                && b.caption.is_none()
                && b.credit.is_none();
            if merge {
                prev.span.end = span.end;
                continue;
            }
        }
        removed.push(Removed { span, kind: b.kind, caption: b.caption, credit: b.credit });
    }
    let mut kept = Vec::with_capacity(removed.len() + 1);
    let mut pos = 0;
    for r in &removed {
        if r.span.start > pos {
            kept.push(pos..r.span.start);
        }
        pos = r.span.end;
    }
    if pos < text.len() {
        kept.push(pos..text.len());
    }
    Stripped { removed, kept, len: text.len() }
}
