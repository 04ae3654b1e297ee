//! Word lists (cues, titles, pronouns, ...) read from the data files in `data/`.

use std::collections::HashMap;

/// Bit flags for a lower-cased word.
pub(crate) mod f {
    pub const CUE_S: u32 = 1 << 0;
    pub const CUE_B: u32 = 1 << 1;
    pub const CUE_E: u32 = 1 << 2;
    pub const HON_M: u32 = 1 << 3;
    pub const HON_F: u32 = 1 << 4;
    pub const HON_N: u32 = 1 << 5;
    pub const TITLE: u32 = 1 << 6;
    pub const PRON_M: u32 = 1 << 7;
    pub const PRON_F: u32 = 1 << 8;
    pub const PRON_P: u32 = 1 << 9;
    pub const PRON_I: u32 = 1 << 10;
    pub const PRON_1: u32 = 1 << 11;
    pub const REL: u32 = 1 << 12;
    pub const STOP: u32 = 1 << 13;
    pub const DET: u32 = 1 << 14;
    pub const ADV: u32 = 1 << 15;
    pub const TIME: u32 = 1 << 16;
    pub const ABBREV: u32 = 1 << 17;
    pub const PARTICLE: u32 = 1 << 18;
    pub const ORG: u32 = 1 << 19;
    pub const NAME_M: u32 = 1 << 20;
    pub const NAME_F: u32 = 1 << 21;
    /// A cue form ending in -ing (a participle: "saying", "calling").
    pub const PARTICIPLE: u32 = 1 << 22;
    /// The first word of a multi-word cue ("according", "pointed").
    pub const MULTI: u32 = 1 << 23;
    /// A base form ("say", "call"): a cue only after "to" or a modal.
    pub const BASE: u32 = 1 << 24;
    /// A form of "be".
    pub const BE: u32 = 1 << 25;
    pub const GROUP: u32 = 1 << 26;
    /// A singular noun for one person who speaks in the news ("a witness"),
    /// of either gender or of the one `PERSON_M` or `PERSON_F` gives.
    pub const PERSON: u32 = 1 << 27;
    pub const PERSON_M: u32 = 1 << 28;
    pub const PERSON_F: u32 = 1 << 29;

    pub const CUE: u32 = CUE_S | CUE_B | CUE_E;
    pub const HON: u32 = HON_M | HON_F | HON_N;
    pub const PRON: u32 = PRON_M | PRON_F | PRON_P | PRON_I;
}

const CUES: &str = include_str!("../data/cues.txt");
const WORDS: &str = include_str!("../data/words.txt");
const FIRST_NAMES: &str = include_str!("../data/first_names.txt");

/// Longest word looked up, in bytes.
const MAX_WORD: usize = 16;

/// A multi-word cue: the words after the first, and the cue class.
#[derive(Clone, Debug)]
pub(crate) struct Multi {
    pub rest: Vec<Box<[u8]>>,
    pub class: u32,
}

/// Lower-cased word -> flags. About half the words of running text are in the
/// list (the function words are): a lookup is a bit test and, for those that
/// pass it, one packed probe. The tokenizer hands words over as the 8-byte
/// loads it measured them with ([`Lexicon::flags_alnum`]), so a lookup copies
/// nothing.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    map: WordTable,
    multi: HashMap<Box<[u8]>, Vec<Multi>, BuildFx>,
}

#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct BuildFx;
impl std::hash::BuildHasher for BuildFx {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}
/// A small multiplicative hasher (FxHash), fine for short trusted keys. It
/// takes eight bytes a step: the registry hashes a name key per name.
pub(crate) struct Fx(u64);
impl Fx {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let r = chunks.remainder();
        if !r.is_empty() {
            self.add(load_le(r) ^ (r.len() as u64) << 60);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// What `BuildFx` makes of the `str` holding the ASCII lower case of `word`
/// (its bytes, then the `0xff` that `Hash for str` adds), without building it.
pub(crate) fn hash_ascii_lower(word: &[u8]) -> u64 {
    let mut h = Fx(0);
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        h.add(lower8(load_le(c)));
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        h.add(lower8(load_le(r)) ^ (r.len() as u64) << 60);
    }
    std::hash::Hasher::write_u8(&mut h, 0xff);
    std::hash::Hasher::finish(&h)
}

/// [`hash_ascii_lower`] of the name key of the word `b[s..e]` (its ASCII
/// lower case, less a final `'s`), read with one masked 8-byte load when the
/// word is ASCII and its key has one to eight bytes, as nearly every surname
/// has; `None` sends the word to the general path. Returns the hash and the
/// key's end. The registry asks this for every capitalised run's last word:
/// one load and two multiplications, where [`hash_ascii_lower`] of a copy cut
/// by `possessive_stem` measured the word three times over.
#[inline]
pub(crate) fn key_hash_short(b: &[u8], s: usize, e: usize) -> Option<(u64, usize)> {
    let n = e.checked_sub(s).filter(|n| (1..=8).contains(n))?;
    let x = load_masked(b, s, n);
    if x & (ONES * 0x80) != 0 {
        return None;
    }
    // a possessive "'s" is no part of the key ("Ortiz's" -> "ortiz")
    let poss = n >= 2 && (x >> (8 * (n - 2))) & 0xffff == u64::from(u16::from_le_bytes(*b"'s"));
    let m = if poss { n - 2 } else { n };
    if m == 0 {
        return None;
    }
    let x = x & MASKS[m];
    let mut h = Fx(0);
    h.add(if m == 8 { lower8(x) } else { lower8(x) ^ (m as u64) << 60 });
    std::hash::Hasher::write_u8(&mut h, 0xff);
    Some((std::hash::Hasher::finish(&h), s + m))
}

/// `a.eq_ignore_ascii_case(b)`, eight bytes a step: a name key is compared
/// with one or two loads a side, not byte by byte.
#[inline]
pub(crate) fn eq_ascii_case(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.chunks(8).zip(b.chunks(8)).all(|(x, y)| lower8(load_le(x)) == lower8(load_le(y)))
}

const ONES: u64 = 0x0101_0101_0101_0101;
/// The bit that tells an ASCII lower-case letter from its capital, in every byte.
const CASE_BITS: u64 = ONES * 0x20;

/// ASCII lower case of eight bytes at once (other bytes unchanged): the same
/// as `u8::to_ascii_lowercase` on each.
#[inline]
fn lower8(x: u64) -> u64 {
    let h = x & (ONES * 0x7f);
    let from_a = h + ONES * (0x80 - u64::from(b'A'));
    let past_z = h + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & !x & (ONES * 0x80);
    x | (upper >> 2)
}

/// Up to eight bytes as a little-endian number, zero padded: a load or two, no
/// `memcpy` call for a variable length.
#[inline]
pub(crate) fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[..8]);
        u64::from_le_bytes(w)
    } else if n >= 4 {
        let mut lo = [0u8; 4];
        let mut hi = [0u8; 4];
        lo.copy_from_slice(&b[..4]);
        hi.copy_from_slice(&b[n - 4..]);
        // the two loads overlap on equal bytes
        u64::from(u32::from_le_bytes(lo)) | u64::from(u32::from_le_bytes(hi)) << (8 * (n - 4))
    } else if n > 0 {
        u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

/// `MASKS[n]` keeps the low `n` bytes of a little-endian word.
const MASKS: [u64; 9] = {
    let mut m = [0u64; 9];
    let mut n = 1;
    while n < 8 {
        m[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    m[8] = u64::MAX;
    m
};

/// `LO_MASKS[n]`, `HI_MASKS[n]`: the bytes of a word of `n` bytes in the low
/// and the high half of its key.
const LO_MASKS: [u64; MAX_WORD + 1] = {
    let mut m = [0u64; MAX_WORD + 1];
    let mut n = 0;
    while n <= MAX_WORD {
        m[n] = MASKS[if n < 8 { n } else { 8 }];
        n += 1;
    }
    m
};
const HI_MASKS: [u64; MAX_WORD + 1] = {
    let mut m = [0u64; MAX_WORD + 1];
    let mut n = 9;
    while n <= MAX_WORD {
        m[n] = MASKS[n - 8];
        n += 1;
    }
    m
};

/// The `n` bytes of `b` from `s` (`n <= 8`, `s + n <= b.len()`), as a
/// little-endian number, zero padded: one unaligned 8-byte read masked by the
/// length when `b` has eight bytes from `s` (nearly always: a word is rarely
/// within eight bytes of the text's end), else [`load_le`].
#[inline]
pub(crate) fn load_masked(b: &[u8], s: usize, n: usize) -> u64 {
    match b.get(s..s.wrapping_add(8)) {
        Some(w) => {
            let mut a = [0u8; 8];
            a.copy_from_slice(w);
            u64::from_le_bytes(a) & MASKS[n.min(8)]
        }
        None => b.get(s..s.wrapping_add(n.min(8))).map_or(0, load_le),
    }
}

/// A word of at most [`MAX_WORD`] bytes, lower-cased and packed into two words
/// (zero padded; the length tells "a" from "a\0").
#[inline]
fn pack(word: &[u8]) -> (u64, u64) {
    if word.len() <= 8 {
        // most words: one half
        return (lower8(load_le(word)), 0);
    }
    let (a, b) = word.split_at(8);
    (lower8(load_le(a)), lower8(load_le(b)))
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    /// Length in bytes; 0 for an empty slot.
    len: u32,
    flags: u32,
}

/// Packed word -> flags, open addressing with linear probing, kept at most half
/// full: a lookup is a copy, two multiplications and a probe or two, no hashing
/// byte by byte and no pointer to follow.
///
/// Words of fewer than eight bytes, most of the words looked up (function
/// words, pronouns, "said"), have a table of their own whose key is one
/// `u64`: the probe compares one number and reads only the keys, the flags
/// kept apart. With the embedded lists that is 32 KB of keys (and 16 KB of
/// flags) for most lookups, where every lookup probed the 96 KB of 24-byte
/// slots of one table; the longer words keep those slots, in a table of
/// their own. In instructions it is even (callgrind, bench corpus); it is
/// for the cache, which the tables share with the text.
///
/// The short table is a cuckoo table of fixed size: a word sits in one of
/// two slots its hash names, so a lookup reads at most two slots, with no
/// probe loop, no pre-filter and (the size being a constant) no bounds test.
/// Most short words of running text are listed ("the", "said", "of"): they
/// are found at the first slot, in about half the instructions of the bit
/// test and the probe they took. A word that finds no place (a lexicon of
/// thousands of added words) goes to an overflow map, read only when it is
/// not empty.
#[derive(Clone, Debug)]
struct WordTable {
    slots: Vec<Slot>,
    used: usize,
    /// Keys of the short words: their bytes, zero padded (see
    /// [`short_keyed`]), 0 for an empty slot.
    short_keys: Box<[u64; SHORT_SLOTS]>,
    /// Flags of the short words, by slot.
    short_flags: Box<[u32; SHORT_SLOTS]>,
    /// Short words without a slot of their own: key -> flags.
    short_spill: HashMap<u64, u32, BuildFx>,
    /// One bit per hash class (the top bits of the hash) of the long words:
    /// most long words of running text are not in the table (names, nouns,
    /// verbs) and are turned away by one bit test instead of a probe that
    /// walks to an empty slot. (The short words, most of them listed, go
    /// straight to their two slots.)
    /// In instructions it about breaks even (callgrind, bench corpus), but the
    /// 4 KB of bits stay in the first-level cache where the slots do not: the
    /// best of five wall-clock runs was 40.0 MB/s with it, 38.8 without it
    /// (with a table kept a quarter full instead of half).
    filter: Box<[u64; FILTER_WORDS]>,
}

/// Whether a short word (1 to 7 bytes) may be keyed by its bytes alone in
/// the short table: it holds no zero byte. A word's key there is `lo`, its
/// bytes packed by [`pack`] and zero padded, which then tells its length too
/// (and is never 0, the empty slot): no length to fold into the key and the
/// hash of every word the tokenizer looks up. A word with a zero byte ("a\0"
/// would share the key of "a") lives in the table of long words, keyed with
/// its length; no word of text has one, it is only looked up.
#[inline]
fn short_keyed(word: &[u8]) -> bool {
    word.len() < SHORT && !word.contains(&0)
}

/// Words shorter than this many bytes go to the short table.
const SHORT: usize = 8;

/// Slots of the short table: four times the embedded lists' 1,400 short
/// words, where a cuckoo table of two slots a key fills in well under half.
const SHORT_SLOTS: usize = 1 << SHORT_BITS;
const SHORT_BITS: u32 = 12;

/// Size of the table's pre-filter in 64-bit words (4 KB: two thousand words
/// leave about one bit in twenty set).
const FILTER_WORDS: usize = 512;

impl WordTable {
    fn new() -> WordTable {
        WordTable {
            slots: vec![Slot::default(); 1024],
            used: 0,
            short_keys: Box::new([0; SHORT_SLOTS]),
            short_flags: Box::new([0; SHORT_SLOTS]),
            short_spill: HashMap::with_hasher(BuildFx),
            filter: Box::new([0; FILTER_WORDS]),
        }
    }

    #[inline]
    fn hash(lo: u64, hi: u64, len: usize) -> u64 {
        (lo ^ hi.rotate_left(29) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// Home slot of hash `h` in a table of `n` (a power of two) slots.
    #[inline]
    fn home(h: u64, n: usize) -> usize {
        (h >> 32) as usize & (n - 1)
    }

    /// The pre-filter's word and bit for hash `h` (bits above those `home` uses
    /// for any table of up to 2^17 slots).
    #[inline]
    fn filter_bit(h: u64) -> (usize, u64) {
        ((h >> 55) as usize % FILTER_WORDS, 1u64 << ((h >> 49) & 63))
    }

    /// Ors `flags` into the entry of the lower-cased `word` (1 to MAX_WORD bytes).
    fn insert(&mut self, word: &[u8], flags: u32) {
        if short_keyed(word) {
            self.insert_short(word, flags);
            return;
        }
        if (self.used + 1) * 2 > self.slots.len() {
            let n = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![Slot::default(); n]);
            self.used = 0;
            for s in old.into_iter().filter(|s| s.len != 0) {
                self.put(s);
            }
        }
        let (lo, hi) = pack(word);
        self.put(Slot { lo, hi, len: word.len() as u32, flags });
    }

    /// [`WordTable::insert`] for a word of 1 to 7 bytes, none of them zero.
    fn insert_short(&mut self, word: &[u8], flags: u32) {
        let (key, _) = pack(word);
        // already listed: more flags
        let (a, b) = WordTable::short_slots(key);
        for i in [a, b] {
            if self.short_keys[i] == key {
                self.short_flags[i] |= flags;
                return;
            }
        }
        if let Some(f) = self.short_spill.get_mut(&key) {
            *f |= flags;
            return;
        }
        // a new word: into a free slot of its two, else in place of the
        // word in one of them, which moves to its other slot, and so on
        let (mut key, mut flags, mut i) = (key, flags, a);
        for _ in 0..64 {
            let (a, b) = WordTable::short_slots(key);
            if let Some(j) = [a, b].into_iter().find(|&j| self.short_keys[j] == 0) {
                self.short_keys[j] = key;
                self.short_flags[j] = flags;
                return;
            }
            std::mem::swap(&mut key, &mut self.short_keys[i]);
            std::mem::swap(&mut flags, &mut self.short_flags[i]);
            // the word put out goes to its other slot, or puts out its word
            let (a, b) = WordTable::short_slots(key);
            i = if i == a { b } else { a };
        }
        self.short_spill.insert(key, flags);
    }

    /// The two slots of a short word's key: two fields of one hash.
    #[inline]
    fn short_slots(key: u64) -> (usize, usize) {
        let h = WordTable::short_hash(key);
        ((h >> (64 - SHORT_BITS)) as usize, (h >> 32) as usize & (SHORT_SLOTS - 1))
    }

    fn put(&mut self, new: Slot) {
        let mask = self.slots.len() - 1;
        let h = WordTable::hash(new.lo, new.hi, new.len as usize);
        let (fw, fb) = WordTable::filter_bit(h);
        self.filter[fw] |= fb;
        let mut i = WordTable::home(h, self.slots.len());
        loop {
            let s = &mut self.slots[i];
            if s.len == 0 {
                *s = new;
                self.used += 1;
                return;
            }
            if s.lo == new.lo && s.hi == new.hi && s.len == new.len {
                s.flags |= new.flags;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Flags of `word` (1 to MAX_WORD bytes, any case; 0 when absent).
    #[inline]
    fn get(&self, word: &[u8]) -> u32 {
        let (lo, hi) = pack(word);
        self.get_packed(lo, hi, word)
    }

    /// Flags of the word `word` (any case), packed by [`pack`] into `lo`, `hi`.
    #[inline]
    fn get_packed(&self, lo: u64, hi: u64, word: &[u8]) -> u32 {
        if short_keyed(word) {
            return self.get_short(lo);
        }
        self.get_long(lo, hi, word.len())
    }

    /// Hash of a short word's key.
    #[inline]
    fn short_hash(key: u64) -> u64 {
        key.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// [`WordTable::get_packed`] for a word of 1 to 7 bytes, none of them
    /// zero, all in `lo` (the word's key).
    #[inline]
    fn get_short(&self, lo: u64) -> u32 {
        let (a, b) = WordTable::short_slots(lo);
        if self.short_keys[a] == lo {
            return self.short_flags[a];
        }
        if self.short_keys[b] == lo {
            return self.short_flags[b];
        }
        if self.short_spill.is_empty() {
            return 0;
        }
        self.short_spill.get(&lo).copied().unwrap_or(0)
    }

    /// [`WordTable::get_packed`] for a word of 8 bytes or more.
    #[inline]
    fn get_long(&self, lo: u64, hi: u64, len: usize) -> u32 {
        let h = WordTable::hash(lo, hi, len);
        let (fw, fb) = WordTable::filter_bit(h);
        if self.filter[fw] & fb == 0 {
            return 0;
        }
        let len = len as u32;
        let mask = self.slots.len() - 1;
        let mut i = WordTable::home(h, self.slots.len());
        // never full, so an empty slot ends every probe
        loop {
            let Some(s) = self.slots.get(i) else { return 0 };
            if s.len == len && s.lo == lo && s.hi == hi {
                return s.flags;
            }
            if s.len == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

impl Lexicon {
    pub(crate) fn embedded() -> Lexicon {
        let mut lx = Lexicon { map: WordTable::new(), multi: HashMap::with_hasher(BuildFx) };
        for line in CUES.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut it = line.split_whitespace();
            let class = match it.next() {
                Some("S") => f::CUE_S,
                Some("B") => f::CUE_B,
                Some("E") => f::CUE_E,
                _ => continue,
            };
            let forms: Vec<&str> = it.collect();
            lx.add_cue_forms(&forms, class);
        }
        for line in WORDS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut it = line.split_whitespace();
            let flag = match it.next() {
                Some("honorific-m") => f::HON_M,
                Some("honorific-f") => f::HON_F,
                Some("honorific-n") => f::HON_N,
                Some("title") => f::TITLE,
                Some("pronoun-m") => f::PRON_M,
                Some("pronoun-f") => f::PRON_F,
                Some("pronoun-p") => f::PRON_P,
                Some("pronoun-i") => f::PRON_I,
                Some("pronoun-1") => f::PRON_1,
                Some("relative") => f::REL,
                Some("stop") => f::STOP,
                Some("det") => f::DET,
                Some("adv") => f::ADV,
                Some("time") => f::TIME,
                Some("be") => f::BE,
                Some("abbrev") => f::ABBREV,
                Some("particle") => f::PARTICLE,
                Some("org") => f::ORG,
                Some("group") => f::GROUP,
                Some("person") => f::PERSON,
                Some("person-m") => f::PERSON | f::PERSON_M,
                Some("person-f") => f::PERSON | f::PERSON_F,
                _ => continue,
            };
            for w in it {
                lx.add(w.trim_end_matches('.'), flag);
            }
        }
        for line in FIRST_NAMES.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut it = line.split_whitespace();
            let flag = match it.next() {
                Some("m") => f::NAME_M,
                Some("f") => f::NAME_F,
                _ => continue,
            };
            for w in it {
                lx.add(w, flag);
            }
        }
        lx
    }

    /// Adds the forms of one cue verb (a line of `cues.txt`); a form joining
    /// words with `_` is a multi-word cue ("according_to").
    pub(crate) fn add_cue_forms(&mut self, forms: &[&str], class: u32) {
        for (k, w) in forms.iter().enumerate() {
            let mut flags = class;
            if let Some((head, rest)) = w.split_once('_') {
                flags = f::MULTI;
                if head.ends_with("ing") {
                    flags |= f::PARTICIPLE;
                }
                self.add(head, flags);
                let rest: Vec<Box<[u8]>> = rest.split('_').map(|r| r.as_bytes().to_vec().into_boxed_slice()).collect();
                self.multi
                    .entry(head.to_ascii_lowercase().into_bytes().into_boxed_slice())
                    .or_default()
                    .push(Multi { rest, class });
                continue;
            }
            if w.ends_with("ing") {
                flags |= f::PARTICIPLE;
            }
            if k == 0 {
                flags |= f::BASE;
            }
            self.add(w, flags);
        }
    }

    fn add(&mut self, w: &str, flag: u32) {
        let w = w.to_ascii_lowercase();
        if w.is_empty() || w.len() > MAX_WORD {
            return;
        }
        let key = w.as_bytes();
        self.map.insert(key, flag);
    }

    /// Flags of `word` (case-insensitive, ASCII words only; 0 when unknown).
    #[inline]
    pub(crate) fn flags(&self, word: &[u8]) -> u32 {
        let n = word.len();
        if n == 0 || n > MAX_WORD {
            return 0;
        }
        self.map.get(word)
    }

    /// Flags of a word of `n` ASCII letters and digits (1 to [`MAX_WORD`])
    /// that the caller has loaded: its first eight bytes in `lo`, the rest in
    /// `hi` (bytes past the word are ignored). On letters and digits one OR
    /// folds the case: it sets the bit that tells `a` from `A` and that every
    /// digit has.
    #[inline]
    pub(crate) fn flags_alnum(&self, lo: u64, hi: u64, n: usize) -> u32 {
        // no branch: a longer word's length is kept, its bytes cut, and it
        // finds nothing (every key has at most MAX_WORD bytes)
        let k = n.min(MAX_WORD);
        let lo = (lo | CASE_BITS) & LO_MASKS[k];
        let hi = (hi | CASE_BITS) & HI_MASKS[k];
        // letters and digits: no zero byte, a short word is keyed by its bytes
        if n < SHORT {
            return self.map.get_short(lo);
        }
        self.map.get_long(lo, hi, n)
    }

    /// [`Lexicon::flags_alnum`] for a word of fewer than eight bytes (`n`, 1
    /// to 7), all in `lo`, as most words of running text are: one key to mask
    /// and hash, one table to probe.
    #[inline]
    pub(crate) fn flags_alnum_short(&self, lo: u64, n: usize) -> u32 {
        let n = n.min(SHORT - 1);
        self.map.get_short((lo | CASE_BITS) & MASKS[n])
    }

    /// Flags of the word `text[s..e]`, the same as `flags(&text[s..e])` (0 for
    /// a range outside `text`), without the copy: the word is read with one
    /// 8-byte load (two past eight bytes) masked by its length.
    #[inline]
    pub(crate) fn flags_in(&self, text: &[u8], s: usize, e: usize) -> u32 {
        let n = e.wrapping_sub(s);
        let Some(word) = text.get(s..e).filter(|_| n != 0 && n <= MAX_WORD) else { return 0 };
        let lo = lower8(load_masked(text, s, n.min(8)));
        let hi = if n > 8 { lower8(load_masked(text, s + 8, n - 8)) } else { 0 };
        self.map.get_packed(lo, hi, word)
    }

    /// The multi-word cues starting with `word`.
    pub(crate) fn multi(&self, word: &[u8]) -> &[Multi] {
        let n = word.len();
        if n == 0 || n > MAX_WORD {
            return &[];
        }
        let mut buf = [0u8; MAX_WORD];
        for (d, s) in buf.iter_mut().zip(word) {
            *d = s.to_ascii_lowercase();
        }
        self.multi.get(&buf[..n]).map_or(&[], |v| v.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn lower8_is_ascii_lowercase_bytewise() {
        for hi in 0..=255u8 {
            for lo in [0u8, b'@', b'A', b'M', b'Z', b'[', b'`', b'a', b'z', b'{', 0x7f, 0x80, 0xc1, 0xda, 0xff] {
                let bytes = [hi, lo, b'Q', 0, 0xe2, b'z', hi ^ 0x20, lo.wrapping_add(1)];
                let want: Vec<u8> = bytes.iter().map(u8::to_ascii_lowercase).collect();
                assert_eq!(lower8(u64::from_le_bytes(bytes)).to_le_bytes().to_vec(), want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn eq_ascii_case_is_eq_ignore_ascii_case() {
        let words = [
            "",
            "a",
            "A",
            "b",
            "ortiz",
            "Ortiz",
            "ORTIZ",
            "Ortiy",
            "Ortiz ",
            "vandenbroucke",
            "VandenBroucke",
            "Vandenbroucka",
            "abcdefgh",
            "ABCDEFGH",
            "abcdefghi",
            "ABCDEFGHI",
            "Nuñez",
            "NUñEZ",
            "NUÑEZ",
            "@[`{",
            "`{@[",
            "x\u{e9}",
            "X\u{c9}",
        ];
        for a in words {
            for b in words {
                assert_eq!(eq_ascii_case(a.as_bytes(), b.as_bytes()), a.eq_ignore_ascii_case(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn load_le_pads_with_zeros() {
        let b = b"ABCDEFGHIJ";
        for n in 0..=8 {
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(&b[..n]);
            assert_eq!(load_le(&b[..n]), u64::from_le_bytes(want), "length {n}");
        }
    }

    #[test]
    fn load_masked_is_load_le_at_every_offset_and_length() {
        // a buffer of 16 bytes: loads near its end take the short path
        let b = b"ABCDEFGHIJKLMNOP";
        for s in 0..=b.len() {
            for n in 0..=8usize.min(b.len() - s) {
                assert_eq!(load_masked(b, s, n), load_le(&b[s..s + n]), "from {s}, {n} bytes");
            }
        }
    }

    #[test]
    fn flags_in_is_flags_of_the_slice() {
        let lx = Lexicon::embedded();
        // every range of each text: words of 0 to 17 bytes, at the buffer's
        // end or not, upper case, non-ASCII ("ségolène" is listed)
        let texts = ["He SAID the Spokeswoman was there", "Ségolène SÉGOLÈNE ségolène", "abcdefghijklmnopq", "x"];
        for text in texts {
            let b = text.as_bytes();
            for s in 0..=b.len() {
                for e in s..=b.len() {
                    assert_eq!(lx.flags_in(b, s, e), lx.flags(&b[s..e]), "{:?}", &text.get(s..e));
                }
            }
            assert_eq!(lx.flags_in(b, 0, b.len() + 1), 0, "past the end");
        }
        assert_ne!(lx.flags_in("Ségolène".as_bytes(), 0, "Ségolène".len()), 0);
    }

    #[test]
    fn flags_alnum_is_flags_of_the_word() {
        let lx = Lexicon::embedded();
        // each word with different bytes after it: what follows in the loads is ignored
        let cases: &[&str] = &[
            "a",
            "I",
            "he",
            "SAID",
            "said",
            "Said",
            "spokeswoman",
            "SPOKESWOMEN",
            "the",
            "The",
            "2024",
            "x1",
            "internationally",
            "abcdefghijklmnop",
            "reports",
            "REPORTS",
            "ABCDEFG",
        ];
        for w in cases {
            for tail in ["", " ", "said the", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"] {
                let text = format!("{w}{tail}{}", " ".repeat(16));
                let b = text.as_bytes();
                let lo = load_masked(b, 0, 8);
                let hi = load_masked(b, 8, 8);
                assert_eq!(lx.flags_alnum(lo, hi, w.len()), lx.flags(w.as_bytes()), "{w:?} + {tail:?}");
                if w.len() < 8 {
                    assert_eq!(lx.flags_alnum_short(lo, w.len()), lx.flags(w.as_bytes()), "{w:?} + {tail:?}");
                }
            }
        }
        assert_ne!(lx.flags_alnum(load_le(b"SAID"), 0, 4), 0);
    }

    #[test]
    fn ascii_lower_hash_is_the_hash_of_the_lowered_str() {
        let words = ["", "a", "Ab", "Ortiz", "McDONALD", "Abcdefgh", "Abcdefghi", "SPOKESWOMAN'S", "x\u{0}"];
        for w in words {
            assert_eq!(hash_ascii_lower(w.as_bytes()), BuildFx.hash_one(w.to_ascii_lowercase()), "{w:?}");
        }
    }

    #[test]
    fn short_key_hash_is_the_hash_of_the_possessive_stem() {
        // (word, the key it hashes, or None for the general path)
        let cases: &[(&str, Option<&str>)] = &[
            ("Ortiz", Some("Ortiz")),
            ("ORTIZ", Some("ORTIZ")),
            ("A", Some("A")),
            ("Abcdefgh", Some("Abcdefgh")),
            ("Ortiz's", Some("Ortiz")),
            ("Abcdef's", Some("Abcdef")),
            ("Abcdefg's", None),
            ("'s", None),
            ("s's", Some("s")),
            ("Abcdefghi", None),
            ("", None),
            ("Øvre", None),
            ("Ortiz\u{2019}s", None),
            ("O'Neill", Some("O'Neill")),
            ("X'S", Some("X'S")),
        ];
        for &(w, key) in cases {
            for pad in ["", "   said", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"] {
                let text = format!("x{w}{pad}");
                let got = key_hash_short(text.as_bytes(), 1, 1 + w.len());
                let want = key.map(|k| (hash_ascii_lower(k.as_bytes()), 1 + k.len()));
                assert_eq!(got, want, "{w:?} + {pad:?}");
            }
        }
    }

    #[test]
    fn lookups_ignore_case_and_tell_lengths_apart() {
        let mut t = WordTable::new();
        let words = [
            ("said", 1),
            ("a", 2),
            ("a\u{0}", 4),
            ("spokeswomen", 8),
            ("sixteen_letters_", 16),
            ("seven_7", 32),
            ("eight_88", 64),
            // zero bytes: keyed with their length, apart from the word they pad
            ("\u{0}a", 128),
        ];
        for (w, f) in words {
            t.insert(w.as_bytes(), f);
        }
        let cases: &[(&str, u32)] = &[
            ("said", 1),
            ("SAID", 1),
            ("Said", 1),
            ("a", 2),
            ("A", 2),
            ("a\u{0}", 4),
            ("a\u{0}\u{0}", 0),
            ("a\u{0}b", 0),
            ("\u{0}", 0),
            ("\u{0}A", 128),
            ("\u{0}a\u{0}", 0),
            ("SpokesWomen", 8),
            ("SIXTEEN_LETTERS_", 16),
            ("SEVEN_7", 32),
            ("seven_", 0),
            ("seven_77", 0),
            ("EIGHT_88", 64),
            ("eight_8", 0),
            ("sai", 0),
            ("saidx", 0),
        ];
        for &(w, want) in cases {
            assert_eq!(t.get(w.as_bytes()), want, "{w:?}");
        }
    }

    #[test]
    fn the_embedded_short_words_all_have_a_slot() {
        // the overflow map is for lexicons grown by thousands of words: the
        // embedded one fits its slots, each lookup reading two at most
        let lx = Lexicon::embedded();
        assert!(lx.map.short_spill.is_empty(), "{} short words spilled", lx.map.short_spill.len());
        assert!(lx.map.short_keys.iter().filter(|&&k| k != 0).count() > 1000);
    }

    #[test]
    fn the_table_grows_and_keeps_every_word() {
        let mut t = WordTable::new();
        // short words (the one-key table, past its slots: some overflow) and
        // long ones, past their first size
        let words: Vec<String> =
            (0..5000).map(|i| format!("w{i}")).chain((0..3000).map(|i| format!("longword{i}"))).collect();
        for (i, w) in words.iter().enumerate() {
            t.insert(w.as_bytes(), i as u32 + 1);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.to_uppercase().as_bytes()), i as u32 + 1);
        }
        assert_eq!(t.get(b"w5000"), 0);
        assert_eq!(t.get(b"longword3000"), 0);
        assert!(!t.short_spill.is_empty(), "5,000 short words overflow 4,096 slots");
        // a word listed again gains the new flags wherever it sits (a slot
        // or the overflow), and keeps them when later words move it
        for w in &words {
            t.insert(w.as_bytes(), 1 << 31);
        }
        for w in (0..900).map(|i| format!("x{i}")) {
            t.insert(w.as_bytes(), 1 << 30);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.as_bytes()), (i as u32 + 1) | 1 << 31, "{w}");
        }
        for w in (0..900).map(|i| format!("X{i}")) {
            assert_eq!(t.get(w.as_bytes()), 1 << 30, "{w}");
        }
    }
}
