//! The pattern table: a trie of word-sized steps kept in one hash table, walked
//! anchored at word starts over the folded text.
//!
//! Every search starts at a word start and a mention must end at a word
//! boundary (unless a stem extends it), so the walk does not need to stop at
//! every byte. The folded text from a word start is cut into *segments*: runs
//! of word bytes ("Organization", "Zuniga", "2024") and single other bytes
//! (" ", ".", "'"). A pattern is the path of its segments; every path prefix
//! is a node, keyed in one open-addressing table by its parent node and the
//! segment's bytes. The walk hashes the text's next segment, looks it up under
//! the node it stands on and moves on, so a word costs one probe, mostly one
//! cache line, where an automaton took a state (and a likely cache miss) per
//! byte. A single space, the usual step between words, is a link stored in the
//! node itself and costs no probe.
//!
//! What the walk reports: every pattern that ends where the text has a word
//! boundary (the only places a mention may end), and, for patterns of stem
//! entries, those that end inside a word ("protest" in "protesters"): at each
//! word run the prefixes of the lengths stem patterns have are looked up too.
//! Patterns ending inside a word without a stem entry behind them could never
//! be mentions, and are not looked for (they are reported only when they have
//! a stem pattern's length; the caller turns them away).
//!
//! Nothing here is computed for unanchored search (no failure links): the
//! table for the 37,000 embedded patterns (55,000 nodes) builds in about 42
//! million instructions, where the aho-corasick automata it replaced took 251
//! million, 102 million of them filling failure links that the anchored walk
//! never followed.

use crate::fold::Cursor;
use crate::{hash_in, is_word, load_le, HASH_SEED};

/// What one walk from a word start read and found.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// Original offset of the word start.
    start: usize,
    /// How many bytes from `start` were ASCII, read in place.
    ascii: usize,
    /// The folded bytes read after those, and the original offset just past each
    /// one's char.
    folded: Vec<u8>,
    ends: Vec<usize>,
    /// `(length in folded bytes, pattern index)` of every pattern that matched,
    /// shortest first.
    pub(crate) hits: Vec<(usize, u32)>,
}

impl Walk {
    /// The `k`th folded byte read, if the walk read that far.
    #[inline]
    pub(crate) fn byte(&self, text: &str, k: usize) -> Option<u8> {
        if k < self.ascii {
            text.as_bytes().get(self.start + k).copied()
        } else {
            self.folded.get(k - self.ascii).copied()
        }
    }

    /// The original offset just past the char of the `k`th folded byte read.
    #[inline]
    pub(crate) fn end(&self, k: usize) -> Option<usize> {
        if k < self.ascii {
            Some(self.start + k + 1)
        } else {
            self.ends.get(k - self.ascii).copied()
        }
    }

    /// Pull folded bytes from `cursor` until byte `k` is read; false if the
    /// text ends first.
    #[inline]
    fn fill(&mut self, cursor: &mut Cursor<'_>, k: usize) -> bool {
        while self.ascii + self.folded.len() <= k {
            let Some((b, end)) = cursor.next() else { return false };
            self.folded.push(b);
            self.ends.push(end);
        }
        true
    }
}

/// What [`Matcher::quick`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Quick {
    /// The walk finds no pattern.
    Nothing,
    /// The walk finds this pattern, the first word alone, and nothing else.
    Found(u32),
    /// The walk may go on: walk it.
    Walk,
}

/// Marks an empty table slot (in `parent`) and "no pattern" / "no link".
const NONE: u32 = u32::MAX;
/// The parent of the first segment of every pattern.
const ROOT: u32 = u32::MAX - 1;

/// One node of the trie: a segment after its parent node. 32 bytes, so that a
/// probe that finds its node reads one cache line.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The segment's first eight bytes, zero-padded.
    head: [u8; 8],
    /// The node this segment follows, `ROOT`, or `NONE` for an empty slot.
    parent: u32,
    /// Length of the segment in bytes.
    len: u32,
    /// Where bytes 8.. of a longer segment are kept in `Matcher::tails`.
    tail: u32,
    /// Index of the pattern that ends here, or `NONE`.
    pattern: u32,
    /// The node reached from here through a single space, or `NONE`.
    space: u32,
    /// Bit `hash % 32` is set for the [`segment_hash`] of each child: a
    /// segment whose bit is clear is no child, and the table is not probed.
    /// Most walks end on such a segment ("Paris said"), and a probe that finds
    /// nothing in a table three quarters full reads several slots.
    kids: u32,
}

const EMPTY: Node = Node { head: [0; 8], parent: NONE, len: 0, tail: 0, pattern: NONE, space: NONE, kids: 0 };

/// The patterns, as a trie of segments in one hash table.
pub(crate) struct Matcher {
    /// Open addressing with linear probing; a node's id is its slot. At most
    /// three quarters of the slots are used.
    nodes: Vec<Node>,
    /// Bytes 8.. of the segments longer than eight bytes.
    tails: Vec<u8>,
    /// Lengths of the last word runs of stem patterns, ascending: at a word
    /// run of the text, its prefixes of these lengths are looked up too.
    stem_lens: Vec<usize>,
    /// A word run longer than this matches no segment: the walk reads at most
    /// one byte more of it, so a walk is bounded by the longest pattern.
    max_segment: usize,
}

/// The bytes of a segment starting at byte `k` of `p`: a run of word bytes or
/// one other byte.
fn segment_len(p: &[u8], k: usize) -> usize {
    match p.get(k) {
        Some(&b) if is_word(b) => p[k..].iter().position(|&x| !is_word(x)).unwrap_or(p.len() - k),
        Some(_) => 1,
        None => 0,
    }
}

/// The hash of the segment `buf[at..at + len]` under `parent`. Under `ROOT` it
/// is the crate's word hash, so the first-word filter's hash of a word is
/// also its hash here.
#[inline]
fn segment_hash(parent: u32, buf: &[u8], at: usize, len: usize) -> u64 {
    hash_in(HASH_SEED ^ u64::from(parent ^ ROOT).wrapping_mul(0x9FB2_1C65_1E98_DF25), buf, at, len)
}

/// A segment's bit in its parent's `kids`.
#[inline]
fn kid_bit(hash: u64) -> u32 {
    1 << (hash & 31)
}

/// Slots for `nodes` nodes: a third more.
fn slots_for(nodes: usize) -> usize {
    nodes + nodes / 3 + 1
}

impl Matcher {
    /// Build from distinct, non-empty patterns; pattern `i` reports index `i`.
    /// `stem[i]` says whether pattern `i` may end inside a word of the text.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P], stem: &[bool]) -> Result<Matcher, String> {
        let segments: usize = patterns
            .iter()
            .map(|p| {
                let p = p.as_ref();
                let (mut k, mut n) = (0, 0);
                while k < p.len() {
                    k += segment_len(p, k);
                    n += 1;
                }
                n
            })
            .sum();
        if segments >= (u32::MAX / 4) as usize || patterns.len() >= NONE as usize {
            return Err(format!("{} patterns of {segments} segments are too many", patterns.len()));
        }
        // First into a table sized for every segment being a node of its own,
        // then, the real count known, into one three quarters full at most.
        let mut wide = Matcher::with_slots(slots_for(segments));
        let mut order = Vec::with_capacity(segments);
        let mut stem_lens = Vec::new();
        // Each pattern is copied into a buffer with eight bytes after it, so
        // that its segments are read eight bytes a load.
        let mut padded = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            padded.clear();
            padded.extend_from_slice(p);
            padded.extend_from_slice(&[0; 8]);
            let (mut node, mut k) = (ROOT, 0);
            while k < p.len() {
                let len = segment_len(p, k);
                let (id, new) = wide.insert(node, &padded, k, len);
                if new {
                    order.push(id);
                }
                node = id;
                if k + len == p.len() {
                    wide.nodes[node as usize].pattern = i as u32;
                    if stem.get(i).copied().unwrap_or(false) && is_word(p[k]) && !stem_lens.contains(&len) {
                        stem_lens.push(len);
                    }
                }
                k += len;
            }
        }
        stem_lens.sort_unstable();
        let mut matcher = Matcher::with_slots(slots_for(order.len()));
        matcher.stem_lens = stem_lens;
        // Parents come before their children in `order`.
        let mut moved = vec![NONE; wide.nodes.len()];
        let mut seg = Vec::new();
        for &old in &order {
            let n = wide.nodes[old as usize];
            let parent = if n.parent == ROOT { ROOT } else { moved[n.parent as usize] };
            seg.clear();
            seg.extend_from_slice(&n.head[..(n.len as usize).min(8)]);
            if n.len > 8 {
                seg.extend_from_slice(&wide.tails[n.tail as usize..n.tail as usize + n.len as usize - 8]);
            }
            // Each node of the wide table once: no need to look for it first.
            let len = seg.len();
            seg.extend_from_slice(&[0; 8]);
            let new = matcher.insert_new(parent, &seg, 0, len, segment_hash(parent, &seg, 0, len));
            seg.truncate(len);
            matcher.nodes[new as usize].pattern = n.pattern;
            moved[old as usize] = new;
            if seg == b" " && parent != ROOT {
                matcher.nodes[parent as usize].space = new;
            }
        }
        matcher.nodes.shrink_to_fit();
        matcher.tails.shrink_to_fit();
        Ok(matcher)
    }

    fn with_slots(slots: usize) -> Matcher {
        Matcher { nodes: vec![EMPTY; slots], tails: Vec::new(), stem_lens: Vec::new(), max_segment: 0 }
    }

    /// The slot a hash starts probing at.
    #[inline]
    fn slot(&self, hash: u64) -> usize {
        (((hash >> 32) * self.nodes.len() as u64) >> 32) as usize
    }

    /// The node for the segment `buf[at..at + len]` after `parent`, and
    /// whether it is new.
    fn insert(&mut self, parent: u32, buf: &[u8], at: usize, len: usize) -> (u32, bool) {
        let hash = segment_hash(parent, buf, at, len);
        match self.find(parent, buf, at, len, hash) {
            Some(id) => (id, false),
            None => (self.insert_new(parent, buf, at, len, hash), true),
        }
    }

    /// A node for a segment that is not in the table yet.
    fn insert_new(&mut self, parent: u32, buf: &[u8], at: usize, len: usize, hash: u64) -> u32 {
        let mut i = self.slot(hash);
        while self.nodes[i].parent != NONE {
            i = if i + 1 == self.nodes.len() { 0 } else { i + 1 };
        }
        let tail = self.tails.len() as u32;
        if len > 8 {
            self.tails.extend_from_slice(&buf[at + 8..at + len]);
        }
        let head = load_le(buf, at, len.min(8)).to_le_bytes();
        self.nodes[i] = Node { head, parent, len: len as u32, tail, pattern: NONE, space: NONE, kids: 0 };
        if let Some(p) = self.nodes.get_mut(parent as usize) {
            p.kids |= kid_bit(hash);
        }
        self.max_segment = self.max_segment.max(len);
        i as u32
    }

    /// The node for the segment `buf[at..at + len]` after `parent`, if there
    /// is one; `hash` is its [`segment_hash`]. Always inlined: the compiler
    /// kept it out of line, and the call cost more than most probes.
    #[inline(always)]
    fn find(&self, parent: u32, buf: &[u8], at: usize, len: usize, hash: u64) -> Option<u32> {
        if self.nodes.get(parent as usize).is_some_and(|n| n.kids & kid_bit(hash) == 0) {
            return None;
        }
        let want = load_le(buf, at, len.min(8));
        let mut i = self.slot(hash);
        loop {
            let n = self.nodes.get(i)?;
            if n.parent == NONE {
                return None;
            }
            if u64::from_le_bytes(n.head) == want
                && n.parent == parent
                && n.len as usize == len
                && (len <= 8 || self.tails.get(n.tail as usize..n.tail as usize + len - 8) == buf.get(at + 8..at + len))
            {
                return Some(i as u32);
            }
            i = if i + 1 == self.nodes.len() { 0 } else { i + 1 };
        }
    }

    /// Read the folded text from the word start `start`, a segment at a time,
    /// along the trie until no pattern goes on, recording in `walk` what was
    /// read and the patterns found (see the module docs), shortest first.
    /// `first`, when given, is the length and word hash of the ASCII word at
    /// `start`, which is followed by an ASCII byte or the end of the text.
    #[inline]
    pub(crate) fn walk(&self, text: &str, start: usize, first: Option<(usize, u64)>, walk: &mut Walk) {
        walk.start = start;
        walk.ascii = 0;
        walk.folded.clear();
        walk.ends.clear();
        walk.hits.clear();
        let bytes = text.as_bytes();
        // Set once a char other than ASCII is met; from there on every byte is
        // folded into `walk.folded`.
        let mut cursor: Option<Cursor<'_>> = None;
        let (mut node, mut k) = (ROOT, 0);
        // A word run longer than the longest segment cannot match: read one
        // byte more than that at most.
        let cap = self.max_segment + 1;
        let mut first = first;
        loop {
            let (len, word, known) = match first.take() {
                Some((len, hash)) => {
                    walk.ascii = (len + 1).min(bytes.len().saturating_sub(start));
                    (len, true, Some(hash))
                }
                None => match self.read_segment(text, bytes, start, k, cap, walk, &mut cursor) {
                    Some((len, word)) => (len, word, None),
                    None => return,
                },
            };
            // Where the segment's bytes are (they never straddle the two parts).
            let (buf, at): (&[u8], usize) =
                if k < walk.ascii { (bytes, start + k) } else { (&walk.folded, k - walk.ascii) };
            if word {
                for &n in self.stem_lens.iter().take_while(|&&n| n < len) {
                    if let Some(id) = self.find(node, buf, at, n, segment_hash(node, buf, at, n)) {
                        let p = self.nodes[id as usize].pattern;
                        if p != NONE {
                            walk.hits.push((k + n, p));
                        }
                    }
                }
            }
            let next = if len == 1 && buf.get(at) == Some(&b' ') {
                match self.nodes.get(node as usize) {
                    Some(n) if n.space != NONE => n.space,
                    _ => return,
                }
            } else {
                let hash = known.unwrap_or_else(|| segment_hash(node, buf, at, len));
                match self.find(node, buf, at, len, hash) {
                    Some(id) => id,
                    None => return,
                }
            };
            k += len;
            node = next;
            let p = self.nodes[node as usize].pattern;
            if p != NONE {
                walk.hits.push((k, p));
            }
        }
    }

    /// The walk from an ASCII first word, when it is short: the word's node,
    /// then the text's next segment (and, after a space, the one after that)
    /// turned away by its parent's filter, all read in place. Most walks are
    /// like that ("Lima said", "La Paz, the"), and they need neither the
    /// [`Walk`]'s copies nor its hit list.
    ///
    /// `len` and `hash` are the length and word hash of the ASCII word at
    /// `start`, followed by an ASCII byte or the end of the text.
    #[inline]
    pub(crate) fn quick(&self, bytes: &[u8], start: usize, len: usize, hash: u64) -> Quick {
        // Stem patterns are also looked for inside words.
        if !self.stem_lens.is_empty() {
            return Quick::Walk;
        }
        let Some(node) = self.find(ROOT, bytes, start, len, hash) else { return Quick::Nothing };
        if !self.stops_at(node, bytes, start + len) {
            return Quick::Walk;
        }
        match self.nodes[node as usize].pattern {
            NONE => Quick::Nothing,
            p => Quick::Found(p),
        }
    }

    /// Whether a walk standing on `node` with the text's next segment at
    /// original offset `q` (a char boundary, all ASCII up to it) stops there
    /// for certain; false when it may go on, or it would take folding to
    /// tell. One single space may be stepped through, to the node's space
    /// link and the segment after that.
    #[inline]
    fn stops_at(&self, mut node: u32, bytes: &[u8], mut q: usize) -> bool {
        let mut spaces = 0;
        loop {
            let Some(&b) = bytes.get(q) else { return true };
            let Some(n) = self.nodes.get(node as usize) else { return false };
            if b == b' ' {
                if n.space == NONE {
                    return true;
                }
                if spaces > 0 || self.nodes[n.space as usize].pattern != NONE {
                    return false;
                }
                spaces += 1;
                (node, q) = (n.space, q + 1);
                continue;
            }
            if b >= 0x80 {
                return false;
            }
            let len = if b.is_ascii_alphanumeric() {
                // As `read_segment` reads it: a run of at most `cap` bytes,
                // which folding cannot lengthen.
                let cap = self.max_segment + 1;
                let run = crate::ascii_word_len(&bytes[q..bytes.len().min(q + cap)]);
                if run < cap && bytes.get(q + run).is_some_and(|&x| x >= 0x80) {
                    return false;
                }
                run
            } else {
                1
            };
            return n.kids & kid_bit(segment_hash(node, bytes, q, len)) == 0;
        }
    }

    /// Read the segment at folded offset `k`: its length and whether it is a
    /// word run. A word run is read with the byte after it (so a hit's end can
    /// be checked), or up to `cap` bytes if it is longer.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn read_segment<'t>(
        &self,
        text: &'t str,
        bytes: &[u8],
        start: usize,
        k: usize,
        cap: usize,
        walk: &mut Walk,
        cursor: &mut Option<Cursor<'t>>,
    ) -> Option<(usize, bool)> {
        // The run's first byte, when the ASCII part turns out to end inside it.
        let mut run_from = k;
        if cursor.is_none() {
            let p = start + k;
            let &b = bytes.get(p)?;
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    walk.ascii = walk.ascii.max(k + 1);
                    return Some((1, false));
                }
                let end = bytes.len().min(p + cap);
                let run = crate::ascii_word_len(&bytes[p..end]);
                match bytes.get(p + run) {
                    Some(&x) if x >= 0x80 && run < cap => {
                        // A char to fold inside or right after the word: fold
                        // from the run's start on, so it is read as one piece.
                        walk.ascii = k;
                        for (j, &c) in bytes[p..p + run].iter().enumerate() {
                            walk.folded.push(c);
                            walk.ends.push(p + j + 1);
                        }
                        *cursor = Some(Cursor::new(text, p + run));
                        run_from = k + run;
                    }
                    Some(_) if run < cap => {
                        walk.ascii = walk.ascii.max(k + run + 1);
                        return Some((run, true));
                    }
                    _ => {
                        walk.ascii = walk.ascii.max(k + run);
                        return Some((run, true));
                    }
                }
            } else {
                walk.ascii = k;
                *cursor = Some(Cursor::new(text, p));
            }
        }
        let cursor = cursor.as_mut()?;
        if !walk.fill(cursor, run_from) {
            return (run_from > k).then_some((run_from - k, true));
        }
        if run_from == k && !is_word(walk.folded[k - walk.ascii]) {
            return Some((1, false));
        }
        // A word run: read on to the byte after it.
        let mut j = run_from.max(k + 1);
        while j - k < cap && walk.fill(cursor, j) {
            if !is_word(walk.folded[j - walk.ascii]) {
                break;
            }
            j += 1;
        }
        Some((j - k, true))
    }

    /// Heap bytes of the table.
    pub(crate) fn memory_usage(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>() + self.tails.capacity() + self.stem_lens.capacity() * 8
    }

    /// Number of nodes.
    #[cfg(test)]
    fn node_count(&self) -> usize {
        self.nodes.iter().filter(|n| n.parent != NONE).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(m: &Matcher, text: &str, at: usize) -> Vec<(usize, u32)> {
        let mut w = Walk::default();
        m.walk(text, at, None, &mut w);
        assert_eq!(w.folded.len(), w.ends.len());
        if let Some(&(len, _)) = w.hits.last() {
            assert!(w.byte(text, len - 1).is_some() && w.end(len - 1).is_some());
        }
        // Given the first word and its hash, as the first-word filter hands
        // them over, the walk finds the same.
        let rest = &text.as_bytes()[at..];
        let len = crate::ascii_word_len(rest);
        if len > 0 && rest.get(len).map_or(true, |&b| b < 0x80) {
            let mut given = Walk::default();
            m.walk(text, at, Some((len, crate::word_hash(&rest[..len]))), &mut given);
            assert_eq!(given.hits, w.hits, "{text:?} at {at}, first word given");
            // The quick walk, when it decides, decides what the walk finds.
            match m.quick(text.as_bytes(), at, len, crate::word_hash(&rest[..len])) {
                Quick::Nothing => assert_eq!(w.hits, [], "{text:?} at {at}, quick"),
                Quick::Found(p) => assert_eq!(w.hits, [(len, p)], "{text:?} at {at}, quick"),
                Quick::Walk => {}
            }
        }
        w.hits
    }

    /// The quick walk decides the usual cases itself, and leaves to the walk
    /// those where the text may go on into a longer pattern.
    #[test]
    fn the_quick_walk_decides_short_walks() {
        let pats = ["La Paz", "La", "Paz", "Lagos", "New York City Hall", "York", "St.", "Guinea-Bissau", "Guinea"];
        let m = Matcher::new(&pats, &[false; 9]).unwrap();
        let found = |p: &str| Quick::Found(pats.iter().position(|x| *x == p).unwrap() as u32);
        // (text, what the quick walk says at 0)
        let cases: &[(&str, Quick)] = &[
            ("Lagos said", found("Lagos")),
            ("Lagos", found("Lagos")),
            ("Lagos, the", found("Lagos")),
            ("Paz said", found("Paz")),
            ("York and", found("York")),
            ("Said Paz", Quick::Nothing),
            ("La said", found("La")),
            ("La Pa", found("La")),
            ("La ", found("La")),
            // "La Paz" goes on past the space
            ("La Paz", Quick::Walk),
            ("La Paz said", Quick::Walk),
            // a word folded from what follows it may be "Paz"
            ("La Pa\u{301}z", Quick::Walk),
            ("La Paé", Quick::Walk),
            ("La “Paz”", Quick::Walk),
            ("New York", Quick::Walk),
            ("New Delhi", Quick::Nothing),
            ("New York City Hall", Quick::Walk),
            ("Guinea said", found("Guinea")),
            ("Guinea-Bissau", Quick::Walk),
            ("St.", Quick::Walk),
            ("St said", Quick::Nothing),
        ];
        for &(text, want) in cases {
            let len = crate::ascii_word_len(text.as_bytes());
            let got = m.quick(text.as_bytes(), 0, len, crate::word_hash(&text.as_bytes()[..len]));
            assert_eq!(got, want, "{text:?}");
            walk(&m, text, 0);
        }
        // Stem patterns may end inside any word: always walked.
        let m = Matcher::new(&["protest", "Lagos"], &[true, false]).unwrap();
        assert_eq!(m.quick(b"Lagos said", 0, 5, crate::word_hash(b"Lagos")), Quick::Walk);
    }

    #[test]
    fn reports_every_pattern_from_the_start_that_ends_a_word() {
        let pats = ["La Paz", "La", "Paz", "Lagos", "L", "New York City Hall", "York", "Sao Paulo", "St.", "protest"];
        let stem = [false, false, false, false, false, false, false, false, false, true];
        let m = Matcher::new(&pats, &stem).unwrap();
        assert_eq!(m.node_count(), 20);
        // (text, offset, patterns found there, shortest first)
        let cases: &[(&str, usize, &[&str])] = &[
            ("La Paz today", 0, &["La", "La Paz"]),
            ("Lagos", 0, &["Lagos"]),
            ("in La Paz", 3, &["La", "La Paz"]),
            ("La", 0, &["La"]),
            ("L-", 0, &["L"]),
            ("New York City", 0, &[]),
            ("New York City Hall", 0, &["New York City Hall"]),
            ("New York City Halls", 0, &[]),
            ("São Paulo", 0, &["Sao Paulo"]),
            ("Sa\u{301}o Paulo", 0, &["Sao Paulo"]),
            ("St.Louis", 0, &["St."]),
            ("protesters", 0, &["protest"]),
            ("protest.", 0, &["protest"]),
            ("prot", 0, &[]),
            ("xyz", 0, &[]),
            ("", 0, &[]),
            ("Pa", 0, &[]),
        ];
        for &(text, at, want) in cases {
            let got: Vec<&str> = walk(&m, text, at).iter().map(|&(_, p)| pats[p as usize]).collect();
            assert_eq!(got, want, "{text:?} at {at}");
        }
        assert_eq!(walk(&m, "La Paz", 0).last(), Some(&(6, 0)));
    }

    /// Stem patterns end inside a word of the text, after any number of
    /// words; other patterns that would are reported only where a stem
    /// pattern's length takes the walk.
    #[test]
    fn stem_patterns_end_inside_words() {
        let pats = ["anti-war protest", "anti-war", "protest", "Prot", "climat", "climate"];
        let stem = [true, false, true, false, true, false];
        let m = Matcher::new(&pats, &stem).unwrap();
        // (text, patterns found at 0, shortest first)
        let cases: &[(&str, &[&str])] = &[
            ("anti-war protesters", &["anti-war", "anti-war protest"]),
            ("anti-war protest", &["anti-war", "anti-war protest"]),
            ("anti-warring", &[]),
            ("Protesters", &[]),
            ("protesting", &["protest"]),
            ("climate", &["climat", "climate"]),
            // "climate" ends where a stem pattern could: reported, and
            // turned away by the caller for ending inside a word.
            ("climates", &["climat", "climate"]),
            ("climatology", &["climat"]),
            ("climat", &["climat"]),
        ];
        for &(text, want) in cases {
            let got: Vec<&str> = walk(&m, text, 0).iter().map(|&(_, p)| pats[p as usize]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// A word far longer than any pattern is not read to its end.
    #[test]
    fn long_words_are_read_only_as_far_as_a_pattern_could_go() {
        let m = Matcher::new(&["Paz"], &[false]).unwrap();
        for text in ["P".repeat(10_000), format!("Pa{}", "z".repeat(10_000)), format!("P{}", "á".repeat(10_000))] {
            let mut w = Walk::default();
            m.walk(&text, 0, None, &mut w);
            assert!(w.hits.is_empty());
            assert!(w.ascii + w.folded.len() <= 8, "{} bytes read", w.ascii + w.folded.len());
        }
    }
}
