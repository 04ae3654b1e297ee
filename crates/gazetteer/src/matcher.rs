//! The pattern automata: aho-corasick, one per first byte, walked anchored at
//! word starts over the folded text.
//!
//! Every search starts at a word start, so the automata are only ever entered
//! through their anchored start state and their failure transitions are never
//! followed. aho-corasick computes them anyway, and with all 35,000 embedded
//! patterns in one automaton that was most of the build (about 130-250 ms of CPU).
//! Splitting the patterns by their first byte (27 automata for the embedded data:
//! the capitals and the apostrophe of 's-Hertogenbosch) keeps every failure chain
//! inside one group, where a proper suffix rarely starts with the group's byte, and
//! cuts that to a third. Contiguous NFAs are used: about 2.7 MB for the embedded
//! patterns against 7 MB for the noncontiguous kind, and a DFA would be 55 MB.
//!
//! The walk drives the automaton through aho-corasick's [`Automaton`] trait rather
//! than `AhoCorasick::find`: the haystack is the folded text, produced a byte at a
//! time by [`Cursor`] without copying the caller's text, and the walk reports
//! every pattern that ends on the way, so that when the longest name at a word
//! start fails a check (it ends inside a word), shorter ones are tried.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::{Builder, NFA};
use aho_corasick::{Anchored, MatchKind};

use crate::fold::Cursor;

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
    /// `(length in folded bytes, pattern index)` of every pattern that matched.
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
}

/// No automaton for this first byte.
const NONE: u16 = u16::MAX;

/// The automata and the map from their pattern ids to the gazetteer's.
pub(crate) struct Matcher {
    /// `slot[b]`: the automaton for patterns starting with byte `b`, or `NONE`.
    slot: [u16; 256],
    automata: Vec<NFA>,
    /// Per automaton: the gazetteer pattern index and the length of each of
    /// its pattern ids. The length is kept here, next to the index the walk
    /// loads anyway, rather than asked of the automaton: its table of lengths
    /// is one more cache miss at every match state.
    ids: Vec<Vec<(u32, u32)>>,
}

impl Matcher {
    /// Build from distinct, non-empty patterns; pattern `i` reports index `i`.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Result<Matcher, String> {
        let mut groups: Vec<Vec<u32>> = vec![Vec::new(); 256];
        for (i, p) in patterns.iter().enumerate() {
            if let Some(&first) = p.as_ref().first() {
                groups[first as usize].push(i as u32);
            }
        }
        let mut builder = Builder::new();
        builder.match_kind(MatchKind::LeftmostLongest).prefilter(false);
        let mut matcher = Matcher { slot: [NONE; 256], automata: Vec::new(), ids: Vec::new() };
        for (first, ids) in groups.into_iter().enumerate() {
            if ids.is_empty() {
                continue;
            }
            let nfa = builder.build(ids.iter().map(|&i| patterns[i as usize].as_ref())).map_err(|e| e.to_string())?;
            matcher.slot[first] = matcher.automata.len() as u16;
            matcher.automata.push(nfa);
            // Patterns of 4 GiB do not occur; such a one would just never match.
            let lens = ids.iter().map(|&i| u32::try_from(patterns[i as usize].as_ref().len()).unwrap_or(u32::MAX));
            matcher.ids.push(ids.iter().copied().zip(lens).collect());
        }
        Ok(matcher)
    }

    /// Feed the folded text from the word start `start` to the automaton for its
    /// first byte until it dies or the text ends, recording in `walk` what was
    /// read and every pattern that matched from `start`, shortest first. At most
    /// one byte past the longest match is read.
    #[inline]
    pub(crate) fn walk(&self, text: &str, start: usize, walk: &mut Walk) {
        walk.start = start;
        walk.ascii = 0;
        walk.folded.clear();
        walk.ends.clear();
        walk.hits.clear();
        let bytes = text.as_bytes();
        let Some((first, _)) = crate::fold::first_byte(text, start) else { return };
        let slot = self.slot[first as usize];
        let (Some(aut), Some(ids)) = (self.automata.get(slot as usize), self.ids.get(slot as usize)) else { return };
        let Ok(mut sid) = aut.start_state(Anchored::Yes) else { return };
        // ASCII folds to itself: read the caller's bytes in place...
        for &b in bytes.get(start..).unwrap_or_default() {
            if b >= 0x80 {
                break;
            }
            walk.ascii += 1;
            sid = aut.next_state(Anchored::Yes, sid, b);
            if aut.is_special(sid) && !on_special(aut, ids, sid, walk.ascii, &mut walk.hits) {
                return;
            }
        }
        // ...and fold from the first other char on.
        for (b, end) in Cursor::new(text, start + walk.ascii) {
            walk.folded.push(b);
            walk.ends.push(end);
            sid = aut.next_state(Anchored::Yes, sid, b);
            if aut.is_special(sid) && !on_special(aut, ids, sid, walk.ascii + walk.folded.len(), &mut walk.hits) {
                return;
            }
        }
    }

    /// Heap bytes of the automata and the id maps.
    pub(crate) fn memory_usage(&self) -> usize {
        self.automata.iter().map(|a| std::mem::size_of::<NFA>() + a.memory_usage()).sum::<usize>()
            + self.ids.iter().map(|v| 24 + v.capacity() * 8).sum::<usize>()
    }
}

/// A dead or match state: returns false when dead, else records the pattern
/// that spans the whole walk, if any.
#[inline(always)]
fn on_special(
    aut: &NFA,
    ids: &[(u32, u32)],
    sid: aho_corasick::automaton::StateID,
    len: usize,
    hits: &mut Vec<(usize, u32)>,
) -> bool {
    if aut.is_dead(sid) {
        return false;
    }
    if aut.is_match(sid) {
        // A match state may also carry patterns copied over from its failure
        // state (suffixes); only the one spanning the whole walk starts at the
        // word start.
        for k in 0..aut.match_len(sid) {
            let pid = aut.match_pattern(sid, k);
            if let Some(&(id, plen)) = ids.get(pid.as_usize()) {
                if plen as usize == len {
                    hits.push((len, id));
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(m: &Matcher, text: &str, at: usize) -> Vec<(usize, u32)> {
        let mut w = Walk::default();
        m.walk(text, at, &mut w);
        assert_eq!(w.folded.len(), w.ends.len());
        if let Some(&(len, _)) = w.hits.last() {
            assert!(w.byte(text, len - 1).is_some() && w.end(len - 1).is_some());
        }
        w.hits
    }

    #[test]
    fn reports_every_pattern_from_the_start() {
        let pats = ["La Paz", "La", "Paz", "Lagos", "L", "New York City Hall", "York", "Sao Paulo"];
        let m = Matcher::new(&pats).unwrap();
        // (text, offset, patterns found there, shortest first)
        let cases: &[(&str, usize, &[&str])] = &[
            ("La Paz today", 0, &["L", "La", "La Paz"]),
            ("Lagos", 0, &["L", "La", "Lagos"]),
            ("in La Paz", 3, &["L", "La", "La Paz"]),
            ("New York City", 0, &[]),
            ("New York City Hall", 0, &["New York City Hall"]),
            ("São Paulo", 0, &["Sao Paulo"]),
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
}
