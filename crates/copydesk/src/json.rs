//! The record's JSON line, written by hand.
//!
//! A batch writes about three bytes of JSON for every byte of article (quote
//! and block texts repeat the story), so the writer is on the hot path:
//! through serde_json's derived `Serialize` it took a sixth of a batch run's
//! instructions, most of them in string escaping, which looks at every byte
//! through a table. This writer produces the very same bytes (the tests
//! compare it with serde_json on every record shape) but escapes eight bytes
//! at a time: a story is almost all bytes that need no escape, so a word of
//! them is checked with a few arithmetic instructions and copied whole.
//!
//! The writer reads a record through borrowed views ([`Record`], [`Block`],
//! [`Entity`], [`Quote`]) rather than the owned [`Analysis`]: an `Analysis`
//! lends its strings to them, and the pipeline's own draft of a record lends
//! spans of the article and names it never copied
//! ([`Pipeline::analyze_json`](crate::Pipeline::analyze_json)). One writer
//! serves both, so the two cannot drift apart.
//!
//! The record's `id` is arbitrary JSON from the caller and is written by
//! serde_json itself: it is small, and its number formatting is serde_json's.
//!
//! The buffer is sized once, from an estimate of the line (the strings'
//! lengths plus an allowance per key and span, [`size_hint`]): appended to
//! from empty, a 9 KB record was copied about ten times over as the buffer
//! doubled. Counting the line exactly, every span's digits, cost more
//! instructions than the copies, and an estimate that only bounds the line
//! from above over-allocates; this one is close on news records (an
//! undershoot costs one doubling).

use crate::{Analysis, EntityRecord, QuoteRecord, RemovedBlock, SentenceRecord, Span};

/// A whole record as the writer reads it: the lists are iterators of views,
/// walked twice (once to size the line, once to write it).
pub(crate) struct Record<'a, R, E, Q> {
    pub id: Option<&'a serde_json::Value>,
    pub removed: R,
    pub entities: E,
    pub quotes: Q,
    pub sentences: Option<&'a [SentenceRecord]>,
    pub warnings: &'a [String],
    pub error: Option<&'a str>,
}

/// A removed block: the fields of a [`RemovedBlock`], borrowed.
#[derive(Clone, Copy)]
pub(crate) struct Block<'a> {
    pub kind: &'a str,
    pub span: Span,
    pub text: &'a str,
    pub caption: Option<&'a str>,
    pub credit: Option<&'a str>,
}

/// An entity: the fields of an [`EntityRecord`], borrowed.
#[derive(Clone, Copy)]
pub(crate) struct Entity<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub id: Option<&'a str>,
    pub source: &'a str,
    /// The JSON of the four fields above, with the object's opening and the
    /// mentions' key ([`write_entity_head`]), when it was written before.
    pub head: Option<&'a [u8]>,
    pub mentions: &'a [Span],
    pub uncertain: &'a [Span],
}

/// A quote: the fields of a [`QuoteRecord`], borrowed; the speaker's and
/// the cue's too.
#[derive(Clone, Copy)]
pub(crate) struct Quote<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: &'a str,
    pub speaker: Option<Speaker<'a>>,
    /// The cue's text and span.
    pub cue: Option<(&'a str, Span)>,
    pub rule: &'a str,
}

/// The speaker of a [`Quote`].
#[derive(Clone, Copy)]
pub(crate) struct Speaker<'a> {
    pub name: &'a str,
    pub mention: &'a str,
    pub span: Span,
    pub role: Option<&'a str>,
}

impl RemovedBlock {
    #[inline(always)]
    fn view(&self) -> Block<'_> {
        Block {
            kind: &self.kind,
            span: self.span,
            text: &self.text,
            caption: self.caption.as_deref(),
            credit: self.credit.as_deref(),
        }
    }
}

impl EntityRecord {
    #[inline(always)]
    fn view(&self) -> Entity<'_> {
        Entity {
            name: &self.name,
            kind: &self.kind,
            id: self.id.as_deref(),
            source: &self.source,
            head: None,
            mentions: &self.mentions,
            uncertain: &self.uncertain,
        }
    }
}

impl QuoteRecord {
    #[inline(always)]
    fn view(&self) -> Quote<'_> {
        Quote {
            text: &self.text,
            span: self.span,
            kind: &self.kind,
            speaker: self.speaker.as_ref().map(|s| Speaker {
                name: &s.name,
                mention: &s.mention,
                span: s.span,
                role: s.role.as_deref(),
            }),
            cue: self.cue.as_ref().map(|c| (c.text.as_str(), c.span)),
            rule: &self.rule,
        }
    }
}

/// Writes `analysis` as one compact JSON object, byte for byte what
/// `serde_json::to_writer` writes for it.
pub(crate) fn write_analysis(out: &mut Vec<u8>, a: &Analysis) {
    write_record(out, analysis_record(a));
}

/// The views of an [`Analysis`].
#[allow(clippy::type_complexity)]
fn analysis_record(
    a: &Analysis,
) -> Record<
    '_,
    impl Iterator<Item = Block<'_>> + Clone,
    impl Iterator<Item = Entity<'_>> + Clone,
    impl Iterator<Item = Quote<'_>> + Clone,
> {
    Record {
        id: a.id.as_ref(),
        removed: a.removed.iter().map(RemovedBlock::view),
        entities: a.entities.iter().map(EntityRecord::view),
        quotes: a.quotes.iter().map(QuoteRecord::view),
        sentences: a.sentences.as_deref(),
        warnings: &a.warnings,
        error: a.error.as_deref(),
    }
}

/// Writes a record as one compact JSON object: the bytes
/// `serde_json::to_writer` writes for the [`Analysis`] it stands for.
pub(crate) fn write_record<'a, R, E, Q>(out: &mut Vec<u8>, r: Record<'a, R, E, Q>)
where
    R: Iterator<Item = Block<'a>> + Clone,
    E: Iterator<Item = Entity<'a>> + Clone,
    Q: Iterator<Item = Quote<'a>> + Clone,
{
    // One allocation for the whole line: grown by doubling from empty, a
    // record of 9 KB was copied about ten times over on its way.
    out.reserve(size_hint(&r));
    out.push(b'{');
    if let Some(id) = r.id {
        out.extend_from_slice(b"\"id\":");
        write_value(out, id);
        out.push(b',');
    }
    // The items' writers are called through closures, not passed as
    // functions: through a function's `Fn` shim LLVM kept a call per item
    // and wrote each view out to the stack for it.
    out.extend_from_slice(b"\"removed\":");
    write_list(out, r.removed, |out, b| write_removed(out, b));
    out.extend_from_slice(b",\"entities\":");
    write_list(out, r.entities, |out, e| write_entity(out, e));
    out.extend_from_slice(b",\"quotes\":");
    write_list(out, r.quotes, |out, q| write_quote(out, q));
    if let Some(sentences) = r.sentences {
        out.extend_from_slice(b",\"sentences\":");
        write_list(out, sentences.iter(), write_sentence);
    }
    if !r.warnings.is_empty() {
        out.extend_from_slice(b",\"warnings\":");
        write_list(out, r.warnings.iter(), |out, w| write_str(out, w));
    }
    if let Some(error) = r.error {
        out.extend_from_slice(b",\"error\":");
        write_str(out, error);
    }
    out.push(b'}');
}

/// About the length of the line [`write_record`] writes for `r`: the
/// strings' lengths, the keys' and a typical span's. A handful of additions
/// per record; counting the line exactly (every span's digits) cost more
/// than the copies it saved. An estimate, not a bound, so that it does not
/// make a caller's buffer that was sized from the article (as the CLI's is)
/// move for nothing; when it falls short, the buffer grows once.
fn size_hint<'a, R, E, Q>(r: &Record<'a, R, E, Q>) -> usize
where
    R: Iterator<Item = Block<'a>> + Clone,
    E: Iterator<Item = Entity<'a>> + Clone,
    Q: Iterator<Item = Quote<'a>> + Clone,
{
    /// `[12345,12399]` and a comma.
    const SPAN: usize = 14;
    let opt = |x: Option<&str>| x.map_or(0, |x| x.len() + 12);
    let removed: usize =
        r.removed.clone().map(|b| b.kind.len() + b.text.len() + opt(b.caption) + opt(b.credit) + 30 + SPAN).sum();
    let entities: usize = r
        .entities
        .clone()
        .map(|e| {
            e.head.map_or(e.name.len() + e.kind.len() + opt(e.id) + e.source.len() + 44, <[u8]>::len)
                + 4
                + SPAN * e.mentions.len()
                + if e.uncertain.is_empty() { 0 } else { 16 + SPAN * e.uncertain.len() }
        })
        .sum();
    let quotes: usize = r
        .quotes
        .clone()
        .map(|q| {
            // The quote's, the mention's and the cue's texts are counted by
            // their spans: a draft's view slices them out of the article, and
            // read only here that slicing is left out of the sizing pass
            // (in characters, as an owned record's spans may be, the count
            // falls short by a little, which the estimate allows).
            let len = |span: Span| span.1.saturating_sub(span.0);
            let speaker = q.speaker.map_or(4, |s| s.name.len() + len(s.span) + opt(s.role) + 32 + SPAN);
            let cue = q.cue.map_or(4, |(_, span)| len(span) + 20 + SPAN);
            len(q.span) + q.kind.len() + q.rule.len() + speaker + cue + 60 + SPAN
        })
        .sum();
    let sentences: usize = r.sentences.map_or(0, |t| 16 + t.iter().map(|t| t.text.len() + 20 + SPAN).sum::<usize>());
    let notes: usize = r.warnings.iter().map(|w| w.len() + 3).sum::<usize>() + 14 + opt(r.error);
    // The id's JSON, typically a short string or number, and a newline.
    let id = r.id.map_or(0, |_| 40);
    48 + id + removed + entities + quotes + sentences + notes
}

/// A `serde_json::Value`, through serde_json: writing a `Value` into a
/// `Vec` cannot fail (its map keys are strings, its numbers finite).
fn write_value(out: &mut Vec<u8>, value: &serde_json::Value) {
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.extend_from_slice(b"null");
    }
}

#[inline(always)]
fn write_list<T>(out: &mut Vec<u8>, items: impl Iterator<Item = T>, write: impl Fn(&mut Vec<u8>, T)) {
    out.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

#[inline(always)]
fn write_removed(out: &mut Vec<u8>, r: Block<'_>) {
    out.extend_from_slice(b"{\"kind\":");
    write_str(out, r.kind);
    out.extend_from_slice(b",\"span\":");
    write_span(out, r.span);
    out.extend_from_slice(b",\"text\":");
    write_str(out, r.text);
    if let Some(caption) = r.caption {
        out.extend_from_slice(b",\"caption\":");
        write_str(out, caption);
    }
    if let Some(credit) = r.credit {
        out.extend_from_slice(b",\"credit\":");
        write_str(out, credit);
    }
    out.push(b'}');
}

#[inline(always)]
fn write_entity(out: &mut Vec<u8>, e: Entity<'_>) {
    match e.head {
        Some(head) => out.extend_from_slice(head),
        None => write_entity_head(out, e.name, e.kind, e.id, e.source),
    }
    write_list(out, e.mentions.iter().copied(), write_span);
    if !e.uncertain.is_empty() {
        out.extend_from_slice(b",\"uncertain\":");
        write_list(out, e.uncertain.iter().copied(), write_span);
    }
    out.push(b'}');
}

/// An entity's object up to its mentions: `{"name":...,"mentions":`.
#[inline(always)]
fn write_entity_head(out: &mut Vec<u8>, name: &str, kind: &str, id: Option<&str>, source: &str) {
    out.extend_from_slice(b"{\"name\":");
    write_str(out, name);
    // The type and the source are labels from small sets: the usual ones go
    // out with their keys as one piece, as a quote's kind does.
    match kind {
        "place" => out.extend_from_slice(b",\"type\":\"place\""),
        "person" => out.extend_from_slice(b",\"type\":\"person\""),
        "organization" => out.extend_from_slice(b",\"type\":\"organization\""),
        kind => {
            out.extend_from_slice(b",\"type\":");
            write_str(out, kind);
        }
    }
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        write_str(out, id);
    }
    match source {
        GAZETTEER => out.extend_from_slice(b",\"source\":\"gazetteer\",\"mentions\":"),
        "inferred" => out.extend_from_slice(b",\"source\":\"inferred\",\"mentions\":"),
        source => {
            out.extend_from_slice(b",\"source\":");
            write_str(out, source);
            out.extend_from_slice(b",\"mentions\":");
        }
    }
}

/// The source of every gazetteer entity.
pub(crate) const GAZETTEER: &str = "gazetteer";

/// Each gazetteer entity's JSON up to its mentions
/// ([`write_entity_head`]: name, type, id, the source `gazetteer`), written
/// once when the pipeline is built. A record's entities are mostly the
/// gazetteer's, and their heads are the same in every record: copied whole,
/// each costs one copy where its four strings cost four escape checks, four
/// keys and their appends. Measured with callgrind on the 4.2 MB bench
/// corpus: 5.7 million instructions fewer over its articles, for 2.8 MB of
/// heads (31,000 entities) and about 10 million instructions more when the
/// pipeline is built, which a batch of twice that corpus has made up.
#[derive(Debug, Default)]
pub(crate) struct EntityHeads {
    bytes: Vec<u8>,
    /// Entity `i`'s head ends at `ends[i]` and starts where entity `i - 1`'s
    /// ends.
    ends: Vec<usize>,
}

impl EntityHeads {
    pub(crate) fn new(gaz: &copydesk_gazetteer::Gazetteer) -> EntityHeads {
        // The heads' length when no name needs an escape: grown by doubling
        // instead, the list was copied over and over, which cost more than
        // writing it.
        let len: usize = gaz
            .entities()
            .map(|(_, e)| 53 + e.name.len() + e.kind.as_str().len() + e.id.as_ref().map_or(0, |id| id.len() + 8))
            .sum();
        let mut heads = EntityHeads { bytes: Vec::with_capacity(len), ends: Vec::with_capacity(gaz.len()) };
        // `entities` gives every entity in the order of its id.
        for (_, e) in gaz.entities() {
            write_entity_head(&mut heads.bytes, &e.name, e.kind.as_str(), e.id.as_deref(), GAZETTEER);
            heads.ends.push(heads.bytes.len());
        }
        heads
    }

    /// The head of the gazetteer entity `id`.
    #[inline]
    pub(crate) fn get(&self, id: copydesk_gazetteer::EntityId) -> Option<&[u8]> {
        let i = id.0 as usize;
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        self.bytes.get(start..*self.ends.get(i)?)
    }
}

#[inline(always)]
fn write_quote(out: &mut Vec<u8>, q: Quote<'_>) {
    out.extend_from_slice(b"{\"text\":");
    write_str(out, q.text);
    out.extend_from_slice(b",\"span\":");
    write_span(out, q.span);
    // A quote's kind is one of three words: with its key and the next key
    // it goes out as one piece, where it cost three appends and a string's
    // escape check.
    match q.kind {
        "direct" => out.extend_from_slice(b",\"kind\":\"direct\",\"speaker\":"),
        "partial" => out.extend_from_slice(b",\"kind\":\"partial\",\"speaker\":"),
        "indirect" => out.extend_from_slice(b",\"kind\":\"indirect\",\"speaker\":"),
        kind => {
            out.extend_from_slice(b",\"kind\":");
            write_str(out, kind);
            out.extend_from_slice(b",\"speaker\":");
        }
    }
    match q.speaker {
        Some(s) => write_speaker(out, s),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"cue\":");
    match q.cue {
        Some((text, span)) => {
            out.extend_from_slice(b"{\"text\":");
            write_str(out, text);
            out.extend_from_slice(b",\"span\":");
            write_span(out, span);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"rule\":");
    write_str(out, q.rule);
    out.push(b'}');
}

#[inline(always)]
fn write_speaker(out: &mut Vec<u8>, s: Speaker<'_>) {
    out.extend_from_slice(b"{\"name\":");
    write_str(out, s.name);
    out.extend_from_slice(b",\"mention\":");
    write_str(out, s.mention);
    out.extend_from_slice(b",\"span\":");
    write_span(out, s.span);
    if let Some(role) = s.role {
        out.extend_from_slice(b",\"role\":");
        write_str(out, role);
    }
    out.push(b'}');
}

#[inline]
fn write_sentence(out: &mut Vec<u8>, s: &SentenceRecord) {
    out.extend_from_slice(b"{\"text\":");
    write_str(out, &s.text);
    out.extend_from_slice(b",\"span\":");
    write_span(out, s.span);
    out.push(b'}');
}

/// A span as `[start,end]`, built right to left in one buffer and copied
/// once: a record has thousands of spans, and one copy costs less than five
/// appends that each check the capacity.
///
/// A span of an article (offsets under 100,000) is at most 13 bytes, and
/// goes out as one copy of a fixed 16 that the line is then cut back from,
/// as [`push_quoted`] does for short strings: the copy of the span's own
/// length was a `memcpy` call for a dozen bytes.
#[inline]
fn write_span(out: &mut Vec<u8>, span: Span) {
    const FIXED: usize = 16;
    if span.0 < 100_000 && span.1 < 100_000 {
        let mut buf = [0u8; 2 * FIXED];
        let at = span_before(&mut buf, FIXED, span);
        if let Some(fixed) = buf.get(at..at + FIXED).and_then(|b| <&[u8; FIXED]>::try_from(b).ok()) {
            let len = out.len();
            out.extend_from_slice(fixed);
            out.truncate(len + FIXED - at);
            return;
        }
    }
    write_long_span(out, span);
}

/// [`write_span`] for any offsets.
#[inline(never)]
fn write_long_span(out: &mut Vec<u8>, span: Span) {
    let mut buf = [0u8; 43];
    let at = span_before(&mut buf, 43, span);
    out.extend_from_slice(&buf[at..]);
}

/// Writes `[start,end]` into `buf` so that it ends just before `end`, and
/// returns where it starts.
#[inline]
fn span_before(buf: &mut [u8], end: usize, span: Span) -> usize {
    let mut at = end - 1;
    buf[at] = b']';
    at = digits_before(buf, at, span.1);
    at -= 1;
    buf[at] = b',';
    at = digits_before(buf, at, span.0);
    at -= 1;
    buf[at] = b'[';
    at
}

/// A decimal integer, as serde_json (itoa) writes it.
#[cfg(test)]
fn write_usize(out: &mut Vec<u8>, n: usize) {
    let mut buf = [0u8; 20];
    let at = digits_before(&mut buf, 20, n);
    out.extend_from_slice(&buf[at..]);
}

/// Writes the decimal digits of `n` into `buf` so that they end just before
/// `end`, and returns where they start. Two digits at a time from a table, as
/// itoa does. `buf` must have room: 20 bytes before `end` always suffice.
fn digits_before(buf: &mut [u8], end: usize, mut n: usize) -> usize {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
                                2021222324252627282930313233343536373839\
                                4041424344454647484950515253545556575859\
                                6061626364656667686970717273747576777879\
                                8081828384858687888990919293949596979899";
    let mut at = end;
    while n >= 100 {
        let pair = (n % 100) * 2;
        n /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[n * 2..n * 2 + 2]);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

/// Eight copies of a byte in a word.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit set in each byte of the word that is a control character
/// (below 0x20), a double quote or a backslash: the bytes JSON must escape.
/// Exact as a yes or no (the classic "has a byte less than n" and "has a
/// zero byte" tricks; bits above the first hit may be false alarms).
#[inline]
fn escape_mask(w: u64) -> u64 {
    const HIGH: u64 = splat(0x80);
    let control = w.wrapping_sub(splat(0x20)) & !w;
    let q = w ^ splat(b'"');
    let quote = q.wrapping_sub(splat(0x01)) & !q;
    let b = w ^ splat(b'\\');
    let backslash = b.wrapping_sub(splat(0x01)) & !b;
    (control | quote | backslash) & HIGH
}

fn is_escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The bytes [`block_has_escape`] tests at once.
const BLOCK: usize = 32;

/// Whether any byte of the block is one JSON must escape. Written as three
/// separate OR-reductions over a fixed-size array, so that the compiler
/// turns it into a few vector compares and one mask test: under an
/// instruction a byte, where the word-at-a-time test takes two.
#[inline]
fn block_has_escape(block: &[u8; BLOCK]) -> bool {
    let (mut control, mut quote, mut backslash) = (0u8, 0u8, 0u8);
    for &b in block {
        control |= u8::from(b < 0x20);
        quote |= u8::from(b == b'"');
        backslash |= u8::from(b == b'\\');
    }
    control | quote | backslash != 0
}

/// The eight bytes at `at` as a word (the caller checks they exist).
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(word) = bytes.get(at..at + 8) {
        w.copy_from_slice(word);
    }
    u64::from_ne_bytes(w)
}

/// The first byte at or after `from` that JSON must escape. Sixteen bytes
/// are checked at a time, then a word; the last few bytes are checked as the
/// string's last word (overlapping bytes already seen, which costs nothing
/// but a rare second look), or, in a string shorter than a word (a type, a
/// rule name), one by one.
#[inline]
fn find_escape(bytes: &[u8], mut from: usize) -> Option<usize> {
    // Long strings (quotes, removed blocks) a block of 32 at a time.
    while let Some(block) = bytes.get(from..from + BLOCK).and_then(|b| <&[u8; BLOCK]>::try_from(b).ok()) {
        if block_has_escape(block) {
            break;
        }
        from += BLOCK;
    }
    while from + 16 <= bytes.len() {
        if escape_mask(word_at(bytes, from)) | escape_mask(word_at(bytes, from + 8)) != 0 {
            return bytes[from..from + 16].iter().position(|&b| is_escaped(b)).map(|p| from + p);
        }
        from += 16;
    }
    if from + 8 <= bytes.len() {
        if escape_mask(word_at(bytes, from)) != 0 {
            return bytes[from..from + 8].iter().position(|&b| is_escaped(b)).map(|p| from + p);
        }
        from += 8;
    }
    if from >= bytes.len() {
        return None;
    }
    if bytes.len() >= 8 && escape_mask(word_at(bytes, bytes.len() - 8)) == 0 {
        return None;
    }
    bytes[from..].iter().position(|&b| is_escaped(b)).map(|p| from + p)
}

/// A JSON string, escaped as serde_json escapes it: `"` and `\` with a
/// backslash, `\b \f \n \r \t` by name, other control characters as
/// `\u00xx` (lower-case hex), everything else (DEL, non-ASCII, U+2028) as is.
#[inline(always)]
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    if !write_short_str(out, s.as_bytes()) {
        write_long_str(out, s.as_bytes());
    }
}

/// [`write_str`] for a string that is not short or needs escapes.
#[inline(never)]
fn write_long_str(out: &mut Vec<u8>, bytes: &[u8]) {
    if write_medium_str(out, bytes) {
        return;
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Most strings of a record need no escape at all: one scan, one copy.
    match find_escape(bytes, 0) {
        None => out.extend_from_slice(bytes),
        Some(first) => write_escaped(out, bytes, first),
    }
    out.push(b'"');
}

/// Writes a string of 4 to 16 bytes that needs no escape, with its quotes,
/// and says so; anything else is left to the caller. Three in four strings
/// of a record are this short (names, types, sources, rule names, cue
/// words), and for them the general path cost more than the string: a scan
/// set up for long strings, then a `memcpy` call for a few bytes. Here the
/// string is read as two overlapping loads, which are also what is tested
/// for escapes, and written as one fixed-size copy that the line is then
/// cut back from.
#[inline(always)]
fn write_short_str(out: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let n = bytes.len();
    let mut buf = [b'"'; 18];
    if (8..=16).contains(&n) {
        let (head, tail) = (word_at(bytes, 0), word_at(bytes, n - 8));
        if escape_mask(head) | escape_mask(tail) != 0 {
            return false;
        }
        buf[1..9].copy_from_slice(&head.to_ne_bytes());
        buf[n - 7..n + 1].copy_from_slice(&tail.to_ne_bytes());
    } else if (4..8).contains(&n) {
        let (head, tail) = (half_at(bytes, 0), half_at(bytes, n - 4));
        if escape_mask(u64::from(head) | u64::from(tail) << 32) != 0 {
            return false;
        }
        buf[1..5].copy_from_slice(&head.to_ne_bytes());
        buf[n - 3..n + 1].copy_from_slice(&tail.to_ne_bytes());
    } else {
        return false;
    }
    push_quoted(out, &mut buf, n)
}

/// [`write_short_str`] for strings of 17 to 32 bytes (full names, speaker
/// mentions, ids): four overlapping loads, one fixed-size copy.
#[inline]
fn write_medium_str(out: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let n = bytes.len();
    if !(17..=32).contains(&n) {
        return false;
    }
    // For n up to 24 the third load is the fourth.
    let third = (n - 8).min(16);
    let words = [word_at(bytes, 0), word_at(bytes, 8), word_at(bytes, third), word_at(bytes, n - 8)];
    if words.iter().fold(0, |m, &w| m | escape_mask(w)) != 0 {
        return false;
    }
    let mut buf = [b'"'; 34];
    for (at, w) in [0, 8, third, n - 8].into_iter().zip(words) {
        buf[at + 1..at + 9].copy_from_slice(&w.to_ne_bytes());
    }
    push_quoted(out, &mut buf, n)
}

/// Closes the string of `n` bytes that `buf` holds after its opening mark,
/// and appends it with one fixed-size copy cut back to its `n + 2` bytes
/// (cheaper than a copy of variable length). Returns true: the short
/// writers' answer that the string is written.
#[inline]
fn push_quoted(out: &mut Vec<u8>, buf: &mut [u8], n: usize) -> bool {
    buf[n + 1] = b'"';
    let len = out.len();
    out.extend_from_slice(buf);
    out.truncate(len + n + 2);
    true
}

/// The four bytes at `at` as a number (the caller checks they exist).
#[inline]
fn half_at(bytes: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    if let Some(half) = bytes.get(at..at + 4) {
        w.copy_from_slice(half);
    }
    u32::from_ne_bytes(w)
}

/// The body of a string whose first byte to escape is at `first`.
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8], first: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // `start..` is not yet copied; everything before `start` is written.
    let mut start = 0;
    let mut next = Some(first);
    while let Some(i) = next {
        out.extend_from_slice(&bytes[start..i]);
        let b = bytes[i];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]]),
        }
        start = i + 1;
        next = find_escape(bytes, start);
    }
    out.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CueRecord, SpeakerRecord};

    fn json_str(s: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            ("",                                  r#""""#),
            ("The minister said so.",             r#""The minister said so.""#),
            ("\"We will not pay,\" she said.",    r#""\"We will not pay,\" she said.""#),
            ("a\\b",                              r#""a\\b""#),
            ("line\nnext\r\n\ttab",               r#""line\nnext\r\n\ttab""#),
            ("\u{8}\u{c}",                        r#""\b\f""#),
            ("\u{0}\u{1}\u{1f}",                  r#""\u0000\u0001\u001f""#),
            ("\u{b}\u{1b}",                       r#""\u000b\u001b""#),
            ("del \u{7f} stays",                  "\"del \u{7f} stays\""),
            ("Zúñiga «No» 中文 😀",               "\"Zúñiga «No» 中文 😀\""),
            ("line\u{2028}sep\u{2029}",           "\"line\u{2028}sep\u{2029}\""),
            ("</script>",                         r#""</script>""#),
            ("exactly8",                          r#""exactly8""#),
            ("sixteen bytes!!\"",                 r#""sixteen bytes!!\"""#),
            ("seven\"\"",                         r#""seven\"\"""#),
            ("\"\"\"\"\"\"\"\"\"",                r#""\"\"\"\"\"\"\"\"\"""#),
            ("a long line of news text, then a quote \" and a backslash \\ at the end\n", r#""a long line of news text, then a quote \" and a backslash \\ at the end\n""#),
            ("!#[]{}~ \u{80}\u{ff}",              "\"!#[]{}~ \u{80}\u{ff}\""),
        ];
        for (input, want) in cases {
            assert_eq!(json_str(input), *want, "{input:?}");
            assert_eq!(json_str(input), serde_json::to_string(input).unwrap(), "{input:?}");
        }
    }

    #[test]
    fn the_first_byte_to_escape() {
        #[rustfmt::skip]
        let cases: &[(&str, usize, Option<usize>)] = &[
            ("",                          0, None),
            ("plain",                     0, None),
            ("a\"b",                      0, Some(1)),
            ("a\"b",                      2, None),
            ("eight by",                  0, None),
            ("eight b\"",                 0, Some(7)),
            ("\"ight by and more",        0, Some(0)),
            ("\"ight by and more",        1, None),
            ("nine byte\n",              0, Some(9)),
            ("nine byte\n",             10, None),
            ("sixteen bytes ok\\",        0, Some(16)),
            ("a\tb\tc\td\te",             2, Some(3)),
            ("no escape in the tail ok",  3, None),
            ("tail \u{1f} in last word", 9, None),
            ("tail \u{1f} in last word", 0, Some(5)),
            ("é中😀\u{2028}\u{7f}",       0, None),
            ("twenty-four bytes, clean",  0, None),
            ("twenty-four bytes\tclean",  0, Some(17)),
            ("thirty-three bytes, then \"quote\"", 0, Some(25)),
            ("thirty-three bytes, then \"quote\"", 26, Some(31)),
            ("thirty-three bytes, then \"quote\"", 32, None),
            // Past the first blocks of 32.
            ("The minister said on Monday that the plan would go ahead.\n", 0, Some(57)),
            ("The minister said on Monday that the plan would go ahead, \"then stop\".", 0, Some(58)),
            ("The minister said on Monday that \\ the plan would go ahead, then stop.", 0, Some(33)),
            ("The minister said on Monday that the plan would go ahead, then stop", 0, None),
            ("\tThe minister said on Monday that the plan would go ahead, then stop", 1, None),
        ];
        for (input, from, want) in cases {
            assert_eq!(find_escape(input.as_bytes(), *from), *want, "{input:?} from {from}");
        }
    }

    #[test]
    fn every_byte_escapes_as_serde_json_does() {
        // Each ASCII character alone, and at every position of a word.
        let base = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
        for c in (0u8..0x80).map(char::from) {
            for at in 0..base.len() {
                let s: String = base.chars().enumerate().map(|(i, x)| if i == at { c } else { x }).collect();
                assert_eq!(json_str(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn short_strings_escape_as_serde_json_does() {
        // Every length around the short and medium paths' limits, clean and with a
        // byte to escape at each position (the two loads overlap).
        for len in 0..=40 {
            let clean: String = "Okafor said: yes, Lusaka, on Monday in May".chars().take(len).collect();
            assert_eq!(json_str(&clean), serde_json::to_string(&clean).unwrap(), "{clean:?}");
            for at in 0..len {
                for c in ['"', '\\', '\n', '\u{1}'] {
                    let s: String = clean.chars().enumerate().map(|(i, x)| if i == at { c } else { x }).collect();
                    assert_eq!(json_str(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
        // Non-ASCII bytes are copied as they are.
        for s in ["Zúñiga", "São Paulo", "Ουγκάντα", "中文中文中文中文"] {
            assert_eq!(json_str(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn spans() {
        #[rustfmt::skip]
        let cases: &[Span] = &[
            (0, 0), (0, 9), (9, 10), (99, 100), (12_345, 12_352), (1_000_000, 99_999_999), (usize::MAX, usize::MAX),
            (10, 100), (1_000, 10_000), (100_000, 1_000_000), (10_000_000, 10_000_001), (20_304_050, 90_807_060),
            (99_999_999, 100_000_000), (100_000_000, 100_000_000), (5, 4_294_967_296), (99_999, 99_999), (0, 99_999), (99_999, 100_000), (1_234, 5_678),
        ];
        for &span in cases {
            let mut out = b"x".to_vec();
            write_span(&mut out, span);
            assert_eq!(String::from_utf8(out).unwrap(), format!("x{}", serde_json::to_string(&span).unwrap()));
        }
    }

    #[test]
    fn every_small_offset_writes_as_serde_json_does() {
        let mut out = Vec::new();
        for n in 0..100_000 {
            let span = (n, 99_999 - n);
            out.clear();
            write_span(&mut out, span);
            assert_eq!(out, format!("[{},{}]", span.0, span.1).as_bytes());
        }
    }

    #[test]
    fn integers() {
        #[rustfmt::skip]
        let cases: &[(usize, &str)] = &[
            (0, "0"), (7, "7"), (10, "10"), (99, "99"), (100, "100"), (4_294_967_296, "4294967296"),
            (usize::MAX, &usize::MAX.to_string()),
        ];
        for (n, want) in cases {
            let mut out = Vec::new();
            write_usize(&mut out, *n);
            assert_eq!(std::str::from_utf8(&out).unwrap(), *want);
        }
    }

    fn same_as_serde(a: &Analysis) {
        let mut out = Vec::new();
        a.write_json(&mut out);
        // Close to the length (the test records' spans are shorter than a
        // typical one), escapes and ids aside.
        let hint = size_hint(&analysis_record(a));
        let long_offsets = out.windows(9).any(|w| w.iter().all(u8::is_ascii_digit));
        if a.id.is_none() && !out.contains(&b'\\') && !long_offsets {
            assert!(hint * 10 >= out.len() * 9, "{hint} for {}: {}", out.len(), String::from_utf8_lossy(&out));
        }
        assert!(hint <= out.len() * 3 / 2 + 64, "{hint} for {}: {}", out.len(), String::from_utf8_lossy(&out));
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(a).unwrap());
    }

    fn quote(speaker: bool, role: Option<&str>, cue: bool) -> QuoteRecord {
        QuoteRecord {
            text: "We will \"not\" pay,".into(),
            span: (1, 19),
            kind: "direct".into(),
            speaker: speaker.then(|| SpeakerRecord {
                name: "Amara Okafor".into(),
                mention: "Ms Okafor".into(),
                span: (21, 30),
                role: role.map(String::from),
            }),
            cue: cue.then(|| CueRecord { text: "said".into(), span: (31, 35) }),
            rule: "cue-after".into(),
        }
    }

    fn entity(id: Option<&str>, uncertain: Vec<Span>) -> EntityRecord {
        EntityRecord {
            name: "Lusaka".into(),
            kind: "place".into(),
            id: id.map(String::from),
            source: "gazetteer".into(),
            mentions: vec![(40, 46), (100, 106)],
            uncertain,
        }
    }

    fn removed(caption: Option<&str>, credit: Option<&str>) -> RemovedBlock {
        RemovedBlock {
            kind: "caption".into(),
            span: (0, 30),
            text: "Rescuers at work. AP Photo".into(),
            caption: caption.map(String::from),
            credit: credit.map(String::from),
        }
    }

    /// The three kinds the writer knows go out whole; any other kind a
    /// deserialised record holds is written as a string.
    #[test]
    fn quote_kinds_write_as_serde_json_writes_them() {
        for kind in ["direct", "partial", "indirect", "Direct", "direc", "directly", "", "odd \"kind\"", "reported"] {
            for speaker in [true, false] {
                let q = QuoteRecord { kind: kind.to_string().into(), ..quote(speaker, None, true) };
                same_as_serde(&Analysis { quotes: vec![q], ..Analysis::default() });
            }
        }
    }

    #[test]
    fn records_write_as_serde_json_writes_them() {
        use serde_json::json;
        let full = Analysis {
            id: Some(json!({"feed": "wire", "n": [1, 2.5, null, true, "x\"y"]})),
            removed: vec![removed(Some("Rescuers at work."), Some("AP Photo")), removed(None, None)],
            entities: vec![entity(Some("geonames:909137"), vec![(0, 5)]), entity(None, vec![])],
            quotes: vec![quote(true, Some("army chief"), true), quote(true, None, false), quote(false, None, false)],
            sentences: Some(vec![SentenceRecord { text: "One.\n".into(), span: (0, 4) }]),
            warnings: vec!["a.jsonl:3: invalid UTF-8".into(), "second".into()],
            error: Some("bad \u{1} record".into()),
        };
        #[rustfmt::skip]
        let cases: Vec<Analysis> = vec![
            Analysis::default(),
            Analysis::error(None, "empty line"),
            Analysis::error(Some(json!("wire.jsonl:12")), "not a JSON object"),
            Analysis { id: Some(json!(7)), ..Analysis::default() },
            Analysis { id: Some(json!(-0.0)), ..Analysis::default() },
            Analysis { id: Some(json!(1e300)), ..Analysis::default() },
            Analysis { id: Some(json!("\u{2028}é😀\u{0}")), ..Analysis::default() },
            Analysis { sentences: Some(vec![]), ..Analysis::default() },
            Analysis { quotes: vec![quote(false, None, true)], ..Analysis::default() },
            Analysis { entities: vec![entity(None, vec![(3, 9), (12, 20)])], ..Analysis::default() },
            Analysis { removed: vec![removed(None, Some("Reuters"))], ..Analysis::default() },
            Analysis { entities: vec![EntityRecord { mentions: vec![], ..entity(None, vec![(usize::MAX - 1, usize::MAX)]) }], ..Analysis::default() },
            full,
        ];
        for a in &cases {
            same_as_serde(a);
        }
    }

    /// Articles whose records exercise the writer: empty, quotes and a
    /// place, a removed credit and escapes, non-ASCII marks and text, and
    /// (last) a person whose name holds a place.
    #[rustfmt::skip]
    const ARTICLES: &[&str] = &[
        "",
        "The minister resigned on Monday.\n\n\"I have nothing to hide,\" Mr Okafor said in Lusaka.\n",
        "Flood waters rose in Vienna.\n\nRescuers search a street. REUTERS/Leonhard Foeger\n\n\
         \"We were not warned,\" said Anna Berger, a shop owner.\u{2028}Tab\there \\ and \u{1} end.",
        "«Nous continuerons», a déclaré la ministre à Paris. “It is over,” the IMF said.",
        "Opposition MP Mutale Chanda spoke in Lusaka. \"We will vote no,\" Mrs Chanda said, the army chief \
         Gen Arce said. Video showed troops outside. The video was shared.\n\nPhoto: AP",
    ];

    #[test]
    fn pipeline_records_write_as_serde_json_writes_them() {
        let pipeline = crate::Pipeline::builder().sentences(true).build().unwrap();
        for text in ARTICLES {
            same_as_serde(&pipeline.analyze(text));
        }
    }

    /// Each entity's head written when the pipeline is built is the one the
    /// writer makes of that entity's fields, and there is none past the last
    /// entity.
    #[test]
    fn entity_heads_are_the_entities_own() {
        use copydesk_gazetteer::{EntityId, EntityKind, Entry, Gazetteer};
        let gaz = Gazetteer::builder()
            .embedded(false)
            .entry(Entry::new("Lusaka", EntityKind::Place).with_id("geonames:909137"))
            .entry(Entry::new("Amara \"Ama\" Okafor", EntityKind::Person))
            .entry(Entry::new("Zúñiga", EntityKind::Person))
            .entry(Entry::new("International Monetary Fund", EntityKind::Organization).with_id("IMF"))
            .build()
            .unwrap();
        let heads = EntityHeads::new(&gaz);
        for (id, e) in gaz.entities() {
            let mut want = Vec::new();
            write_entity_head(&mut want, &e.name, e.kind.as_str(), e.id.as_deref(), GAZETTEER);
            assert_eq!(heads.get(id), Some(&want[..]), "{}", e.name);
            // As serde_json writes the record's start.
            let record = EntityRecord {
                name: e.name.clone(),
                kind: e.kind.as_str().into(),
                id: e.id.clone(),
                source: GAZETTEER.into(),
                mentions: vec![],
                uncertain: vec![],
            };
            let json = serde_json::to_string(&record).unwrap();
            assert_eq!(format!("{}[]}}", String::from_utf8(want).unwrap()), json);
        }
        assert_eq!(heads.get(EntityId(gaz.len() as u32)), None);
        assert_eq!(EntityHeads::default().get(EntityId(0)), None);
    }

    #[test]
    fn the_batch_path_writes_what_the_record_writes() {
        use serde_json::json;
        let with_sentences = crate::Pipeline::builder().sentences(true).build().unwrap();
        let plain = crate::Pipeline::default();
        let ids = [None, Some(json!("wire-17")), Some(json!({"feed": "wire", "n": 3}))];
        for pipeline in [&with_sentences, &plain] {
            for text in ARTICLES {
                for id in &ids {
                    let mut analysis = pipeline.analyze(text);
                    analysis.id = id.clone();
                    let mut want = b"x".to_vec();
                    analysis.write_json(&mut want);
                    let mut line = b"x".to_vec();
                    pipeline.analyze_json(text, id.as_ref(), &mut line);
                    assert_eq!(String::from_utf8(line).unwrap(), String::from_utf8(want).unwrap(), "{text:?}");
                }
            }
        }
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn any_string_escapes_as_serde_json_does(s in "(?s).{0,40}", ascii in "[\\x00-\\x7f]{0,40}") {
                for s in [&s, &ascii] {
                    let mut out = Vec::new();
                    write_str(&mut out, s);
                    prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(s).unwrap());
                }
            }

            #[test]
            fn any_span_writes_as_serde_json_does(a in 0usize..200_000_000, b in any::<usize>(), c in 0usize..100_000) {
                for span in [(a, b), (b, a), (c, a), (a, c)] {
                    let mut out = b"x".to_vec();
                    write_span(&mut out, span);
                    prop_assert_eq!(String::from_utf8(out).unwrap(), format!("x{}", serde_json::to_string(&span).unwrap()));
                }
            }

            #[test]
            fn any_number_writes_as_serde_json_does(n in any::<usize>()) {
                let mut out = Vec::new();
                write_usize(&mut out, n);
                prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&n).unwrap());
            }
        }
    }
}
