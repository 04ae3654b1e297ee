//! # copydesk
//!
//! The copy desk's work on raw news text, at corpus scale: strip the photo
//! captions, credits and promo lines that scraping leaves in an article, split
//! the story into sentences, find the people, places and organisations it names,
//! and extract every quote with the person who said it.
//!
//! This crate is the facade over the stage crates. Each stage is also usable
//! alone:
//!
//! | stage | crate | entry type |
//! |---|---|---|
//! | captions, credits, promos | [`copydesk_captions`] | [`Stripper`](copydesk_captions::Stripper) |
//! | paragraphs, sentences, words | [`copydesk_tokenize`] | [`Tokenizer`](copydesk_tokenize::Tokenizer) |
//! | people, places, organisations | [`copydesk_gazetteer`] | [`Gazetteer`](copydesk_gazetteer::Gazetteer) |
//! | quotes and speakers | [`copydesk_quotes`] | [`Attributor`](copydesk_quotes::Attributor) |
//!
//! ## Design
//!
//! Data flows one way: raw text, captions, tokens, gazetteer, quotes, record.
//! The caption stage does not cut the text: it *masks* it, replacing every
//! removed byte by a space (newlines stay), so the later stages see a text of
//! the same length in which every offset is an offset of the original. That is
//! why every span in an [`Analysis`] is a byte range into the caller's input,
//! whatever was stripped, with no offset map to get wrong.
//!
//! A [`Pipeline`] is built once (the embedded gazetteer takes a few hundred
//! milliseconds), is immutable, `Send + Sync`, and is shared by every thread of
//! a batch: [`Pipeline::analyze_batch`] is one line of rayon over
//! [`Pipeline::analyze`], and keeps the input order.
//!
//! ## Example
//!
//! ```
//! use copydesk::Pipeline;
//!
//! let pipeline = Pipeline::builder().gazetteer(false).build().unwrap();
//! let text = "The minister resigned on Monday.\n\n\
//!             \"I have nothing to hide,\" Mr Okafor said.\n";
//! let analysis = pipeline.analyze(text);
//! let quote = &analysis.quotes[0];
//! assert_eq!(&text[quote.span.0..quote.span.1], "I have nothing to hide,");
//! assert_eq!(quote.speaker.as_ref().unwrap().name, "Okafor");
//! ```
//!
//! The record serialises (serde) to the JSON described in the project's output
//! format: `removed`, `entities`, `quotes`, and on request `sentences`.
//! [`Analysis::write_json`] writes the same bytes as `serde_json::to_writer`,
//! several times faster, for batch callers. A batch that only writes each
//! record out calls [`Pipeline::analyze_json`], which writes those bytes
//! without building the [`Analysis`]: the record's texts go from the article
//! to the line uncopied.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tinyvec::TinyVec;

pub use copydesk_captions as captions;
pub use copydesk_gazetteer as gazetteer;
pub use copydesk_quotes as quotes;
pub use copydesk_tokenize as tokenize;

use copydesk_captions::Stripper;
use copydesk_gazetteer::{EntityKind, Gazetteer};
use copydesk_quotes::{Attributor, KnownMention, MentionKind};
use copydesk_tokenize::Tokenizer;

mod json;
mod offsets;
pub use offsets::OffsetMap;

/// A half-open byte range `[start, end)` into the original text, serialised as
/// a two-element JSON array.
pub type Span = (usize, usize);

fn span(r: &std::ops::Range<usize>) -> Span {
    (r.start, r.end)
}

/// An error building a [`Pipeline`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A user gazetteer could not be read or parsed.
    Gazetteer(copydesk_gazetteer::Error),
    /// The caption stripper rejected its configuration.
    Captions(copydesk_captions::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Gazetteer(e) => write!(f, "gazetteer: {e}"),
            Error::Captions(e) => write!(f, "captions: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// The analysis of one article: the record of the output format.
///
/// Every span is a byte range into the text given to [`Pipeline::analyze`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The record's identifier, set by batch callers; absent for a lone text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// Captions, credits, promos and other residue removed from the story.
    pub removed: Vec<RemovedBlock>,
    /// People, places and organisations named in the story.
    pub entities: Vec<EntityRecord>,
    /// Every quote, direct, partial or indirect, with its speaker.
    pub quotes: Vec<QuoteRecord>,
    /// The story's sentences, when the pipeline was asked for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SentenceRecord>>,
    /// Problems with the input that did not stop the analysis, such as
    /// invalid UTF-8 replaced by U+FFFD.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Why this record could not be analysed; the other fields are then empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A label from a small fixed set: the kind of a block, entity or quote,
/// the source of an entity, the rule of an attribution. The pipeline lends
/// its own `&'static str` (a record holds a few hundred labels, and an
/// allocation and a free for each cost more than the rest of building the
/// record); a deserialised record owns its copy.
pub type Label = Cow<'static, str>;

/// A block removed from the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RemovedBlock {
    /// `caption`, `credit`, `promo`, or another lower-case class.
    pub kind: Label,
    /// Where the block stood.
    pub span: Span,
    /// The block's text.
    pub text: String,
    /// For a caption, the caption's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// For a caption or credit, the photo credit (agency, photographer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// A person, place or organisation and where the story names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// The canonical name: the gazetteer's, or the fullest form in the story.
    pub name: String,
    /// `person`, `place`, `organization`, `topic`, ...
    #[serde(rename = "type")]
    pub kind: Label,
    /// The gazetteer's identifier (an ISO code, a GeoNames id), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `gazetteer` or `inferred` (found by its shape in the text).
    pub source: Label,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
    /// Mentions that match but may be a common word (e.g. "May" opening a
    /// sentence): reported, not counted as mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<Span>,
}

/// A quote and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// The quoted words (inside the quotation marks), or the reported clause.
    pub text: String,
    /// Where they stand.
    pub span: Span,
    /// `direct`, `partial` or `indirect`.
    pub kind: Label,
    /// The speaker, or `null` where none can be found: a guess is worse.
    pub speaker: Option<SpeakerRecord>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<CueRecord>,
    /// The rule that made the attribution, for debugging and filtering.
    pub rule: Label,
}

/// The speaker of a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    /// The canonical name, even where the text says "he" or "Mr Arce".
    pub name: String,
    /// The words the attribution rests on.
    pub mention: String,
    /// Where they stand.
    pub span: Span,
    /// A title or role given with the name ("army chief"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// The cue of a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CueRecord {
    /// The cue's words.
    pub text: String,
    /// Where they stand.
    pub span: Span,
}

/// A sentence of the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// The sentence's text.
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

impl Analysis {
    /// An analysis that carries only an error, for a record that could not be
    /// read.
    pub fn error(id: Option<serde_json::Value>, message: impl Into<String>) -> Analysis {
        Analysis { id, error: Some(message.into()), ..Analysis::default() }
    }

    /// Appends the record as one line of compact JSON (without the newline)
    /// to `out`: exactly the bytes `serde_json::to_writer` writes for it, at
    /// a fraction of the cost, which matters when a batch writes three bytes
    /// of JSON for every byte of article.
    ///
    /// ```
    /// let analysis = copydesk::Analysis::error(Some("a1".into()), "empty line");
    /// let mut line = Vec::new();
    /// analysis.write_json(&mut line);
    /// assert_eq!(line, serde_json::to_vec(&analysis).unwrap());
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::write_analysis(out, self);
    }

    /// Rewrites every span from byte offsets into Unicode code-point offsets
    /// of `text` (what Python's `str` indexing and spaCy use).
    ///
    /// `text` must be the text this analysis was made from.
    pub fn to_char_offsets(&mut self, text: &str) {
        let map = OffsetMap::new(text);
        let conv = |s: &mut Span| *s = (map.char_offset(s.0), map.char_offset(s.1));
        for r in &mut self.removed {
            conv(&mut r.span);
        }
        for e in &mut self.entities {
            e.mentions.iter_mut().for_each(conv);
            e.uncertain.iter_mut().for_each(conv);
        }
        for q in &mut self.quotes {
            conv(&mut q.span);
            if let Some(s) = &mut q.speaker {
                conv(&mut s.span);
            }
            if let Some(c) = &mut q.cue {
                conv(&mut c.span);
            }
        }
        for s in self.sentences.iter_mut().flatten() {
            conv(&mut s.span);
        }
    }
}

/// The whole copy desk: one configured chain of stages, built once.
///
/// `Pipeline::default()` switches every stage on with the embedded gazetteer.
#[derive(Clone)]
pub struct Pipeline {
    stripper: Option<Stripper>,
    tokenizer: Tokenizer,
    gazetteer: Option<Arc<Gazetteer>>,
    /// Each gazetteer entity's JSON up to its mentions, by entity; shared
    /// as the gazetteer is.
    heads: Arc<json::EntityHeads>,
    attributor: Option<Attributor>,
    sentences: bool,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::builder().build().expect("the default pipeline always builds")
    }
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("captions", &self.stripper.is_some())
            .field("gazetteer", &self.gazetteer.is_some())
            .field("quotes", &self.attributor.is_some())
            .field("sentences", &self.sentences)
            .finish()
    }
}

/// Builds a [`Pipeline`], switching stages on and off and adding gazetteers.
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    captions: bool,
    gazetteer: bool,
    embedded_gazetteer: bool,
    gazetteer_files: Vec<std::path::PathBuf>,
    quotes: bool,
    indirect: bool,
    sentences: bool,
}

impl Default for PipelineBuilder {
    fn default() -> PipelineBuilder {
        PipelineBuilder {
            captions: true,
            gazetteer: true,
            embedded_gazetteer: true,
            gazetteer_files: Vec::new(),
            quotes: true,
            indirect: true,
            sentences: false,
        }
    }
}

impl PipelineBuilder {
    /// Strip captions, credits and promos before the other stages.
    /// By default, this is enabled.
    pub fn captions(&mut self, yes: bool) -> &mut Self {
        self.captions = yes;
        self
    }

    /// Find gazetteer entities. By default, this is enabled.
    pub fn gazetteer(&mut self, yes: bool) -> &mut Self {
        self.gazetteer = yes;
        self
    }

    /// Include the embedded gazetteer (countries, cities, regions,
    /// organisations). Switch it off to use only the files given to
    /// [`gazetteer_file`](Self::gazetteer_file). By default, this is enabled.
    pub fn embedded_gazetteer(&mut self, yes: bool) -> &mut Self {
        self.embedded_gazetteer = yes;
        self
    }

    /// Add a user gazetteer (TSV, CSV or JSON; see [`copydesk_gazetteer`]).
    pub fn gazetteer_file(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.gazetteer_files.push(path.as_ref().to_path_buf());
        self
    }

    /// Extract quotes and their speakers. By default, this is enabled.
    pub fn quotes(&mut self, yes: bool) -> &mut Self {
        self.quotes = yes;
        self
    }

    /// Report indirect (reported) speech as well as quoted speech.
    /// By default, this is enabled.
    pub fn indirect(&mut self, yes: bool) -> &mut Self {
        self.indirect = yes;
        self
    }

    /// Include the sentences in each [`Analysis`]. By default, this is
    /// disabled: a batch over millions of articles rarely wants them.
    pub fn sentences(&mut self, yes: bool) -> &mut Self {
        self.sentences = yes;
        self
    }

    /// Builds the pipeline. This reads the gazetteer files and builds the
    /// gazetteer's automaton, so it is the slow step: do it once.
    pub fn build(&self) -> Result<Pipeline, Error> {
        let stripper = self.captions.then(Stripper::new);
        let gazetteer = if self.gazetteer {
            let mut b = Gazetteer::builder();
            b.embedded(self.embedded_gazetteer);
            for path in &self.gazetteer_files {
                b.load_path(path).map_err(Error::Gazetteer)?;
            }
            Some(Arc::new(b.build().map_err(Error::Gazetteer)?))
        } else {
            None
        };
        let attributor = self.quotes.then(|| Attributor::builder().indirect(self.indirect).build());
        let heads = Arc::new(gazetteer.as_deref().map(json::EntityHeads::new).unwrap_or_default());
        Ok(Pipeline { stripper, tokenizer: Tokenizer::new(), gazetteer, heads, attributor, sentences: self.sentences })
    }
}

impl Pipeline {
    /// A builder with every stage on, the embedded gazetteer, and no sentences
    /// in the output.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The tokenizer the pipeline uses.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Analyses one article. Total over its input: any text gives an
    /// analysis, never a panic.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.draft(text, |draft| draft.into_analysis())
    }

    /// Analyses one article and appends its record to `out` as one line of
    /// compact JSON (without the newline), with `id` as the record's `id`:
    /// the very bytes [`Analysis::write_json`] writes for the record
    /// [`analyze`](Self::analyze) returns, once its `id` is set.
    ///
    /// This is the batch's path. An [`Analysis`] copies each of the record's
    /// texts (quotes, cues, speaker mentions, removed blocks, entity names)
    /// into a `String` of its own, and a batch that only writes the record
    /// out frees them all again at once; here they go from the article and
    /// the stages straight into the line.
    ///
    /// ```
    /// let pipeline = copydesk::Pipeline::builder().gazetteer(false).build().unwrap();
    /// let text = "\"I have nothing to hide,\" Mr Okafor said in Lusaka.";
    /// let id = serde_json::json!("wire-17");
    /// let mut line = Vec::new();
    /// pipeline.analyze_json(text, Some(&id), &mut line);
    ///
    /// let mut analysis = pipeline.analyze(text);
    /// analysis.id = Some(id);
    /// let mut want = Vec::new();
    /// analysis.write_json(&mut want);
    /// assert_eq!(line, want);
    /// ```
    pub fn analyze_json(&self, text: &str, id: Option<&serde_json::Value>, out: &mut Vec<u8>) {
        self.draft(text, |draft| draft.write_json(id, out));
    }

    /// Runs the stages over one article and hands their [`Draft`] to
    /// `finish`, which makes the caller's form of the record from it. The
    /// draft borrows the masked story and the attribution's people, which
    /// live in this frame: hence a closure rather than a return value.
    fn draft<R>(&self, text: &str, finish: impl FnOnce(Draft<'_>) -> R) -> R {
        // Captions: mask removed blocks so offsets stay the original's.
        let mut removed = Vec::new();
        let masked;
        let story: &str = match &self.stripper {
            Some(stripper) => {
                let stripped = stripper.strip(text);
                if stripped.removed.is_empty() {
                    text
                } else {
                    masked = stripped.masked(text);
                    // Each block's trimmed text is worked out here, once: the
                    // JSON writer reads the list twice (to size the line, then
                    // to write it).
                    removed = stripped.removed.iter().map(|r| (r.kind, block(text, r))).collect();
                    &masked
                }
            }
            None => text,
        };

        let sentences = self.sentences.then(|| {
            self.tokenizer
                .sentences(story)
                .map(|s| SentenceRecord { text: s.text.to_string(), span: span(&s.span) })
                .collect()
        });

        // Gazetteer: group mentions by entity, in order of first mention.
        let mut entities: Vec<EntityDraft<'_>> = Vec::new();
        let mut known = Vec::new();
        // Every mention (not the uncertain ones) and its entity, in text
        // order: all the entities' mentions, sorted as they come, for
        // `merge_people`'s index of where the gazetteer matched.
        let mut matched: Vec<(Span, usize)> = Vec::new();
        if let Some(gaz) = &self.gazetteer {
            // Sized for a typical article (a score of entities, twice as
            // many mentions) rather than grown from empty by doubling.
            entities.reserve(32);
            known.reserve(64);
            matched.reserve(64);
            // Sized for a typical article's entities, so that it is not
            // rebuilt three times over as it grows.
            let mut index: HashMap<copydesk_gazetteer::EntityId, usize, IdHash> =
                HashMap::with_capacity_and_hasher(32, IdHash::default());
            for m in gaz.find(story) {
                let entity = gaz.entity(m.entity);
                let i = *index.entry(m.entity).or_insert_with(|| {
                    entities.push(EntityDraft {
                        name: &entity.name,
                        kind: entity.kind.as_str(),
                        id: entity.id.as_deref(),
                        source: json::GAZETTEER,
                        head: self.heads.get(m.entity),
                        mentions: Spans::default(),
                        uncertain: Vec::new(),
                    });
                    entities.len() - 1
                });
                if m.flagged {
                    entities[i].uncertain.push(span(&m.span));
                    continue;
                }
                entities[i].mentions.push(span(&m.span));
                matched.push((span(&m.span), i));
                let kind = match entity.kind {
                    EntityKind::Person => MentionKind::Person,
                    EntityKind::Organization => MentionKind::Organization,
                    EntityKind::Place => MentionKind::Place,
                    _ => continue,
                };
                known.push(KnownMention { span: m.span.clone(), name: &entity.name, kind });
            }
            // Every entity was made for a mention it holds: none is empty.
        }

        let Some(attributor) = &self.attributor else {
            return finish(Draft { text, removed, sentences, entities, quotes: Vec::new() });
        };
        let attribution = attributor.attribute(story, &known);
        let people = attribution.people;
        merge_people(text, &mut entities, matched, &people);
        finish(Draft { text, removed, sentences, entities, quotes: attribution.quotes })
    }

    /// Analyses many articles on all of rayon's threads. The output has one
    /// analysis per input, in input order.
    pub fn analyze_batch<T: AsRef<str> + Sync>(&self, docs: &[T]) -> Vec<Analysis> {
        docs.par_iter().map(|d| self.analyze(d.as_ref())).collect()
    }
}

/// The record as the stages leave it, before any text is copied: removed
/// blocks, quotes, cues and speaker mentions are still spans of the article,
/// entity names are borrowed from the gazetteer or the attribution.
/// [`Pipeline::analyze`] copies it out into an [`Analysis`];
/// [`Pipeline::analyze_json`] writes it as it stands, which spares a batch
/// an allocation, a copy and a free for every text of the record.
struct Draft<'a> {
    /// The article, which every span points into.
    text: &'a str,
    /// The removed blocks as the record shows them, trimmed, each with its
    /// kind (whose name is `'static`, as an [`Analysis`] takes it).
    removed: Vec<(copydesk_captions::Kind, json::Block<'a>)>,
    sentences: Option<Vec<SentenceRecord>>,
    entities: Vec<EntityDraft<'a>>,
    quotes: Vec<copydesk_quotes::Quote>,
}

/// An [`EntityRecord`] whose name and id are still borrowed.
struct EntityDraft<'a> {
    name: &'a str,
    kind: &'static str,
    id: Option<&'a str>,
    source: &'static str,
    /// A gazetteer entity's JSON up to its mentions, written when the
    /// pipeline was built: the bytes the writer makes of the four fields
    /// above.
    head: Option<&'a [u8]>,
    mentions: Spans,
    uncertain: Vec<Span>,
}

/// An entity's mentions while the record is drafted, up to two kept in
/// place. Most entities are named once or twice in an article (1.2 times on
/// average on the bench corpus), and a list of their own cost each of them
/// an allocation, a growth and a free; past two the spans move to a list.
/// (`tinyvec` is already in the tree, through `unicode-normalization`.)
type Spans = TinyVec<[Span; 2]>;

/// The text at `r`; empty should the range not be one of `text` (the stages
/// only give ranges on its char boundaries).
#[inline(always)]
fn slice<'t>(text: &'t str, r: &std::ops::Range<usize>) -> &'t str {
    text.get(r.clone()).unwrap_or_default()
}

impl Draft<'_> {
    /// The owned record: every text copied out of the article and the
    /// gazetteer; the speakers' names and roles move from the attribution.
    fn into_analysis(self) -> Analysis {
        let text = self.text;
        let removed = self
            .removed
            .iter()
            .map(|(kind, b)| RemovedBlock {
                kind: kind.as_str().into(),
                span: b.span,
                text: b.text.to_string(),
                caption: b.caption.map(String::from),
                credit: b.credit.map(String::from),
            })
            .collect();
        let entities = self
            .entities
            .into_iter()
            .map(|e| EntityRecord {
                name: e.name.to_string(),
                kind: e.kind.into(),
                id: e.id.map(String::from),
                source: e.source.into(),
                mentions: e.mentions.into_vec(),
                uncertain: e.uncertain,
            })
            .collect();
        let quotes = self
            .quotes
            .into_iter()
            .map(|q| QuoteRecord {
                text: slice(text, &q.span).to_string(),
                span: span(&q.span),
                kind: q.kind.as_str().into(),
                speaker: q.speaker.map(|s| SpeakerRecord {
                    mention: slice(text, &s.mention).to_string(),
                    span: span(&s.mention),
                    name: s.name,
                    role: s.role,
                }),
                cue: q.cue.as_ref().map(|c| CueRecord { text: slice(text, c).to_string(), span: span(c) }),
                rule: q.rule.as_str().into(),
            })
            .collect();
        Analysis { removed, entities, quotes, sentences: self.sentences, ..Analysis::default() }
    }

    /// Appends the record, with `id`, as one line of JSON.
    fn write_json(&self, id: Option<&serde_json::Value>, out: &mut Vec<u8>) {
        let text = self.text;
        json::write_record(
            out,
            json::Record {
                id,
                removed: self.removed.iter().map(|&(_, b)| b),
                entities: self.entities.iter().map(|e| json::Entity {
                    name: e.name,
                    kind: e.kind,
                    id: e.id,
                    source: e.source,
                    head: e.head,
                    mentions: e.mentions.as_slice(),
                    uncertain: &e.uncertain,
                }),
                quotes: QuoteViews { text, quotes: self.quotes.iter() },
                sentences: self.sentences.as_deref(),
                warnings: &[],
                error: None,
            },
        );
    }
}

/// The attribution's quotes as the writer reads them, their texts sliced
/// out of the article. The writer walks them twice, to size the line and to
/// write it; each view is made inline in both walks, and in the sizing one,
/// which reads the texts' lengths from the spans, the slicing (a check of
/// both ends' char boundaries for each text) is dead code and goes. Made in
/// a closure, the view was not inlined: every quote was sliced and its view
/// written out to memory twice, about 140 instructions each time.
#[derive(Clone)]
struct QuoteViews<'t> {
    text: &'t str,
    quotes: std::slice::Iter<'t, copydesk_quotes::Quote>,
}

impl<'t> Iterator for QuoteViews<'t> {
    type Item = json::Quote<'t>;

    #[inline(always)]
    fn next(&mut self) -> Option<json::Quote<'t>> {
        let text = self.text;
        let q = self.quotes.next()?;
        Some(json::Quote {
            text: slice(text, &q.span),
            span: span(&q.span),
            kind: q.kind.as_str(),
            speaker: q.speaker.as_ref().map(|s| json::Speaker {
                name: &s.name,
                mention: slice(text, &s.mention),
                span: span(&s.mention),
                role: s.role.as_deref(),
            }),
            cue: q.cue.as_ref().map(|c| (slice(text, c), span(c))),
            rule: q.rule.as_str(),
        })
    }
}

/// A removed block as the record shows it: without the blank lines the
/// stripper takes with it.
fn block<'t>(text: &'t str, r: &copydesk_captions::Removed) -> json::Block<'t> {
    let trimmed = r.trimmed(text);
    json::Block {
        kind: r.kind.as_str(),
        span: span(&trimmed),
        text: slice(text, &trimmed),
        caption: r.caption.as_ref().map(|c| slice(text, c)),
        credit: r.credit.as_ref().map(|c| slice(text, c)),
    }
}

/// People the attributor found by their shape in the text join the
/// entities, merged with a gazetteer entity of the same name and type.
///
/// `matched` holds the entities' mentions, each with its entity's index,
/// sorted by span: the gazetteer's in the order it found them.
fn merge_people<'a>(
    text: &str,
    entities: &mut Vec<EntityDraft<'a>>,
    mut matched: Vec<(Span, usize)>,
    people: &'a [copydesk_quotes::Person],
) {
    // A gazetteer place inside a person's name ("Chanda" in "Mutale
    // Chanda") is part of the name, not a mention of the place.
    // Lists here are sized before they are filled: grown by doubling from
    // empty, each moved three or four times over in a typical article.
    let is_person = |p: &&copydesk_quotes::Person| p.kind == MentionKind::Person;
    let mut names: Vec<Span> = Vec::with_capacity(people.iter().filter(is_person).map(|p| p.mentions.len()).sum());
    names.extend(people.iter().filter(is_person).flat_map(|p| p.mentions.iter().map(span)));
    if !names.is_empty() {
        names.sort_unstable();
        let inside = Inside::new(text.len(), names);
        let tails = NameTails::new(people);
        let bytes = text.as_bytes();
        let mut dropped = false;
        // The places' mentions are read in text order from `matched`, which
        // loses the same ones the places do.
        matched.retain(|&(m, i)| {
            let Some(e) = entities.get_mut(i) else { return true };
            if e.kind != "place" {
                return true;
            }
            // "Mrs Chanda": an honorific makes the word a surname. Only
            // a word after a space can follow one; most places follow
            // other words than honorifics, and are turned away by the
            // byte before that space.
            let honorific = bytes.get(m.0.wrapping_sub(1)) == Some(&b' ')
                && matches!(bytes.get(m.0.wrapping_sub(2)), Some(b'r' | b's' | b'.'))
                && after_honorific(text.get(m.0.saturating_sub(5)..m.0).unwrap_or(""));
            let keep = !honorific && !inside.contains(m) && !tails.ends_name(text, m);
            if !keep {
                e.mentions.retain(|x| *x != m);
                dropped = true;
            }
            keep
        });
        if dropped {
            // The entities left with no mention go, and the others' indices
            // move down past them.
            let held = |e: &EntityDraft<'_>| !e.mentions.is_empty() || !e.uncertain.is_empty();
            let mut new_index = Vec::with_capacity(entities.len());
            let mut kept = 0;
            for e in entities.iter() {
                new_index.push(kept);
                kept += usize::from(held(e));
            }
            entities.retain(held);
            for (_, i) in &mut matched {
                *i = new_index[*i];
            }
        }
    }
    let common = CommonWords::new(text, people);
    // Where the gazetteer matched, and each entity by (type, name), built
    // once so each person costs a lookup per mention, not a scan of every
    // entity: the work stays linear in articles with thousands of names.
    let at = SpanIndex::from_sorted(matched, entities);
    let known = NameIndex::new(entities);
    // The entity this loop adds for each (type, name), kept under the
    // first person of that type and name: a name is in `known` or here,
    // never both.
    let namesake = first_namesakes(people);
    let mut added: Vec<Option<usize>> = vec![None; people.len()];
    // A person's mentions that join an entity, reused from one person to the
    // next: most people join one, and a list each cost an allocation.
    let mut joining: Vec<Span> = Vec::new();
    for (p, person) in people.iter().enumerate() {
        let kind = match person.kind {
            MentionKind::Person => "person",
            MentionKind::Organization => "organization",
            // Places come from the gazetteer; the attributor only echoes them.
            _ => continue,
        };
        if kind == "person" && common.contains(&person.name) {
            continue;
        }
        // The gazetteer entities matched at exactly one of the person's
        // mentions, looked up where asked rather than gathered in a list.
        let mut matched = person.mentions.iter().filter_map(|m| at.get(span(m)));
        // A name the gazetteer knows as a place or organisation at the very
        // same words ("Michigan said", "the IMF said") is not a person.
        if kind == "person" && matched.clone().any(|i| entities[i].kind != "person") {
            continue;
        }
        // The same entity: the same name, or a gazetteer entity matched at
        // exactly one of these spans (an alias: "Organisation of American
        // States" for the gazetteer's "Organization of ...").
        let same = known
            .get(kind, &person.name)
            .or_else(|| added[namesake[p]])
            .or_else(|| matched.find(|&i| entities[i].kind == kind));
        if let Some(i) = same {
            let e = &mut entities[i];
            // The gazetteer's spans are exact; the attributor's may take
            // in a following word ("EU Civil Protection Mechanism"). The
            // entity's mentions are sorted and do not overlap one another
            // (the gazetteer matches leftmost-longest), so the first one
            // ending after `m` starts is the only one that can overlap it.
            joining.clear();
            joining.extend(person.mentions.iter().map(span).filter(|m| {
                let after = e.mentions.as_slice().partition_point(|g| g.1 <= m.0);
                e.mentions.as_slice().get(after).map_or(true, |g| m.1 <= g.0)
            }));
            e.mentions.extend_from_slice(&joining);
            e.mentions.as_mut_slice().sort_unstable();
        } else if !person.mentions.is_empty() {
            added[namesake[p]] = Some(entities.len());
            entities.push(EntityDraft {
                name: &person.name,
                kind,
                id: None,
                head: None,
                source: "inferred",
                mentions: spans_of(&person.mentions),
                uncertain: Vec::new(),
            });
        }
    }
}

/// A person's mentions as an entity's: in place when there are two at most
/// (most people), else straight into a list of their length. Collected
/// from an iterator, they were pushed in place one by one and, past two,
/// moved to a list grown for them.
fn spans_of(mentions: &[std::ops::Range<usize>]) -> Spans {
    if mentions.len() <= 2 {
        let mut list = Spans::default();
        for m in mentions {
            list.push(span(m));
        }
        list
    } else {
        TinyVec::Heap(mentions.iter().map(span).collect())
    }
}

/// For each person or organisation, the index of the first one of the same
/// type and name: one sort of the people instead of a hash map of cloned
/// names. Other kinds (places the attributor echoes) are never added as
/// entities and map to themselves.
fn first_namesakes(people: &[copydesk_quotes::Person]) -> Vec<usize> {
    let rank = |k: MentionKind| match k {
        MentionKind::Person => 0,
        MentionKind::Organization => 1,
        _ => 2,
    };
    // The sort keys are taken out of the people once: compared through the
    // index, every step of the sort read two people's kinds and names again.
    // Only the runs of namesakes matter, not the order of the runs: the
    // key's number (the kind, the name's length and first bytes) decides
    // most comparisons without comparing the names' bytes.
    let mut order: Vec<(u64, &str, usize)> = Vec::with_capacity(people.len());
    order.extend(people.iter().enumerate().filter_map(|(i, p)| {
        let r = rank(p.kind);
        (r < 2).then(|| (name_key(r, p.name.as_bytes()), p.name.as_str(), i))
    }));
    // The index breaks ties: within a run of namesakes the first person
    // comes first, as a stable sort would leave them.
    order.sort_unstable();
    let mut first: Vec<usize> = (0..people.len()).collect();
    let mut lead = 0;
    for (k, &(r, name, i)) in order.iter().enumerate() {
        if k == 0 || order.get(k - 1).is_some_and(|&(pr, pn, _)| (pr, pn) != (r, name)) {
            lead = i;
        }
        first[i] = lead;
    }
    first
}

/// A number for a name of kind rank `rank` (0 or 1) that differs wherever
/// the rank, the length or the first six bytes do: rank in the top bit,
/// the length (up to 255) in the next byte, six bytes after it.
fn name_key(rank: u8, name: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    for (h, &b) in head[2..].iter_mut().zip(name) {
        *h = b;
    }
    head[0] = rank << 7;
    head[1] = name.len().min(255) as u8;
    u64::from_be_bytes(head)
}

/// Hashes a gazetteer entity id with one multiplication: the map from entity
/// to record is looked up for every gazetteer mention, where SipHash cost
/// more than the rest of the lookup. The ids are indices into the
/// gazetteer, not text an article chooses, so no flooding defence is needed;
/// multiplying by an odd constant keeps distinct ids distinct.
type IdHash = std::hash::BuildHasherDefault<IdHasher>;

#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Whether `before` ends with "Mr ", "Mrs ", "Ms " or "Dr ", with or without
/// the full stop: one pass over its last bytes rather than eight suffix tests.
fn after_honorific(before: &str) -> bool {
    let Some(rest) = before.as_bytes().strip_suffix(b" ") else { return false };
    let rest = rest.strip_suffix(b".").unwrap_or(rest);
    [&b"Mr"[..], b"Mrs", b"Ms", b"Dr"].iter().any(|h| rest.ends_with(h))
}

/// Where the gazetteer matched: each mention span and the entity it belongs
/// to, sorted by span, answering "which entity was matched at exactly these
/// words?" by binary search. A sorted list rather than a hash map: built
/// once per article from spans that mostly come sorted already, it costs no
/// hashing per mention.
struct SpanIndex {
    spans: Vec<(Span, usize)>,
    /// Bit `x` is set where a mention starts at byte `x`: most of the
    /// people's mentions are no gazetteer mention, and one bit turns them
    /// away before the binary search (2 million instructions on the bench
    /// corpus).
    starts: Vec<u64>,
}

impl SpanIndex {
    fn new(entities: &[EntityDraft<'_>]) -> SpanIndex {
        let mut spans: Vec<(Span, usize)> = Vec::with_capacity(entities.iter().map(|e| e.mentions.len()).sum());
        spans.extend(entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i))));
        // Stable, so that among equal spans the last entity comes last.
        spans.sort_by_key(|&(m, _)| m);
        SpanIndex::with_starts(spans)
    }

    /// The index of the sorted `spans`, with the bits of their starts.
    fn with_starts(spans: Vec<(Span, usize)>) -> SpanIndex {
        // The last span starts last.
        let mut starts = vec![0u64; spans.last().map_or(0, |&((start, _), _)| start / 64 + 1)];
        for &((start, _), _) in &spans {
            if let Some(w) = starts.get_mut(start / 64) {
                *w |= 1 << (start % 64);
            }
        }
        SpanIndex { spans, starts }
    }

    /// The index of `entities` from their mentions and entities' indices
    /// already sorted by span (the gazetteer's, as found): no sort. Should
    /// they not be sorted after all, they are gathered and sorted as
    /// [`new`](Self::new) does.
    fn from_sorted(spans: Vec<(Span, usize)>, entities: &[EntityDraft<'_>]) -> SpanIndex {
        if spans.windows(2).all(|w| w[0].0 < w[1].0) {
            SpanIndex::with_starts(spans)
        } else {
            SpanIndex::new(entities)
        }
    }

    /// The entity matched at `m`; the last one, should several be.
    fn get(&self, m: Span) -> Option<usize> {
        if self.starts.get(m.0 / 64).map_or(true, |w| w & (1 << (m.0 % 64)) == 0) {
            return None;
        }
        self.get_exactly(m)
    }

    /// [`get`](Self::get) without the bitset.
    fn get_exactly(&self, m: Span) -> Option<usize> {
        let after = self.spans.partition_point(|&(s, _)| s <= m);
        after.checked_sub(1).map(|i| self.spans[i]).filter(|&(s, _)| s == m).map(|(_, e)| e)
    }
}

/// The people and organisations of an article by (type, name): each name
/// with its entity's index, sorted in one list per type, answering by
/// binary search without copying a name. Built once per article, before
/// the inferred people join (an entity's name never changes after). Places
/// and topics, most of the gazetteer's entities, are left out: an inferred
/// name is only ever looked up as a person or an organisation.
///
/// The names sit in the lists beside the indices: sorted and searched
/// through the indices, every comparison went to the entities for two
/// names, and each list was gathered by a pass of its own over them.
struct NameIndex<'a> {
    /// The people, then the organisations, each sorted by name and, among
    /// namesakes, by index: a lookup compares names alone, not the type and
    /// then the name at each step.
    people: Vec<(&'a str, usize)>,
    organizations: Vec<(&'a str, usize)>,
}

impl<'a> NameIndex<'a> {
    fn new(entities: &[EntityDraft<'a>]) -> NameIndex<'a> {
        let mut index =
            NameIndex { people: Vec::with_capacity(entities.len()), organizations: Vec::with_capacity(entities.len()) };
        for (i, e) in entities.iter().enumerate() {
            match e.kind {
                "person" => index.people.push((e.name, i)),
                "organization" => index.organizations.push((e.name, i)),
                _ => {}
            }
        }
        // The index breaks ties: among entities of the same name the last
        // comes last, as a stable sort by name leaves them.
        index.people.sort_unstable();
        index.organizations.sort_unstable();
        index
    }

    /// The person or organisation (`kind`) named `name`; the last one,
    /// should several be.
    fn get(&self, kind: &str, name: &str) -> Option<usize> {
        let list = match kind {
            "person" => &self.people,
            "organization" => &self.organizations,
            _ => return None,
        };
        let after = list.partition_point(|&(n, _)| n <= name);
        after.checked_sub(1).and_then(|k| list.get(k)).filter(|&&(n, _)| n == name).map(|&(_, i)| i)
    }
}

/// Person-name spans, sorted, answering "is this span inside a longer
/// name?" by binary search: an article with thousands of names and places
/// costs a logarithm per place, not a scan.
struct Inside {
    names: Vec<Span>,
    /// `reach[i]`: the furthest end among `names[..=i]`.
    reach: Vec<usize>,
    /// Bit `x` is set where byte `x` of the text is inside some name: a
    /// name that contains a (non-empty) span holds its first byte, and most
    /// places are no part of a name, so one bit turns them away before the
    /// binary search. Set from the union of the names, whose pieces are
    /// disjoint: a word per 64 bytes of text and of names, however the names
    /// overlap.
    covered: Vec<u64>,
}

impl Inside {
    /// The names (sorted) of a text of `len` bytes.
    fn new(len: usize, names: Vec<Span>) -> Inside {
        // Sized at once: collected from an iterator of unknown length, it
        // grew by doubling from four.
        let mut reach: Vec<usize> = Vec::with_capacity(names.len());
        let mut covered = vec![0u64; len / 64 + 1];
        // The union of the names: each piece runs from a name's start to the
        // furthest end reached before a name starts past it.
        let mut piece: Option<(usize, usize)> = None;
        let mut furthest = 0;
        for &(start, end) in &names {
            furthest = end.max(furthest);
            reach.push(furthest);
            piece = match piece {
                Some((a, b)) if start <= b => Some((a, furthest)),
                done => {
                    if let Some((a, b)) = done {
                        set_bits(&mut covered, a, b);
                    }
                    Some((start, furthest))
                }
            };
        }
        if let Some((a, b)) = piece {
            set_bits(&mut covered, a, b);
        }
        Inside { names, reach, covered }
    }

    /// Whether a name strictly longer than `m` contains it.
    fn contains(&self, m: Span) -> bool {
        if m.1 > m.0 && self.covered.get(m.0 / 64).map_or(true, |w| w & (1 << (m.0 % 64)) == 0) {
            return false;
        }
        self.contains_exactly(m)
    }

    /// [`contains`](Self::contains) without the bitset.
    fn contains_exactly(&self, m: Span) -> bool {
        let before = self.names.partition_point(|n| n.0 < m.0);
        if before > 0 && self.reach[before - 1] >= m.1 {
            return true; // a name starting earlier reaches past m
        }
        // The names starting where `m` does follow at once: read on through
        // them rather than search for their end a second time.
        self.names[before..].iter().take_while(|n| n.0 == m.0).any(|n| n.1 > m.1)
    }
}

/// Sets bits `a..b` of `bits` (those past its end are left out): whole words
/// at a time.
fn set_bits(bits: &mut [u64], a: usize, b: usize) {
    let b = b.min(bits.len() * 64);
    let mut x = a;
    while x < b {
        let (word, bit) = (x / 64, x % 64);
        let n = (64 - bit).min(b - x);
        let mask = if n == 64 { u64::MAX } else { ((1u64 << n) - 1) << bit };
        if let Some(w) = bits.get_mut(word) {
            *w |= mask;
        }
        x += n;
    }
}

/// The last two words of every several-word person name, sorted: a place
/// mention that is such a last word, right after such a word before it, ends
/// a person's name written out where the attributor did not mark it ("Ms
/// Castro Lima and her team" after "Helena Castro Lima" was named).
struct NameTails<'p> {
    /// `(last word, the word before it)`, sorted by the last word: most
    /// places are no one's last name, and a search for the last word alone
    /// turns them away before the word before them is read. (Sorted the
    /// other way round, the last words took a list and a sort of their own.)
    pairs: Vec<(&'p str, &'p str)>,
    /// The [`shape_bit`] of every last word: most place names fail this
    /// before a binary search of string comparisons. Length and first byte
    /// together turn away about twice as many as the length alone did.
    shapes: u64,
}

/// One of 64 bits for a word's length and first byte.
fn shape_bit(word: &[u8]) -> u64 {
    let key = (word.len() as u64) << 8 | u64::from(word.first().copied().unwrap_or(0));
    1 << (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

impl<'p> NameTails<'p> {
    fn new(people: &'p [copydesk_quotes::Person]) -> NameTails<'p> {
        let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(people.len());
        pairs.extend(
            people
                .iter()
                .filter(|p| p.kind == MentionKind::Person)
                .filter_map(|p| last_two_words(&p.name))
                .map(|(prev, last)| (last, prev)),
        );
        // Namesakes are left in: they answer the searches as one would.
        pairs.sort_unstable();
        let shapes = pairs.iter().fold(0, |bits, (last, _)| bits | shape_bit(last.as_bytes()));
        NameTails { pairs, shapes }
    }

    /// Whether the place mention `m` ends a person's name written out.
    #[inline]
    fn ends_name(&self, text: &str, m: Span) -> bool {
        if text.as_bytes().get(m.0..m.1).map_or(true, |w| self.shapes & shape_bit(w) == 0) {
            return false;
        }
        self.ends_name_slow(text, m)
    }

    /// [`ends_name`](Self::ends_name) past the shape bits.
    #[inline(never)]
    fn ends_name_slow(&self, text: &str, m: Span) -> bool {
        let (Some(word), Some(before)) = (text.get(m.0..m.1), text.get(..m.0)) else { return false };
        if self.pairs.binary_search_by(|&(last, _)| last.cmp(word)).is_err() {
            return false;
        }
        let Some(before) = before.strip_suffix(' ') else { return false };
        let prev = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').next().unwrap_or("");
        !prev.is_empty() && self.pairs.binary_search(&(word, prev)).is_ok()
    }
}

/// The last two words of a name split at spaces, as `rsplit(' ')` gives
/// them ("Helena Castro Lima": "Castro", "Lima"); none for a name of one
/// word. Two scans back for a space, where the splitter's searcher cost
/// more than the short names it split.
fn last_two_words(name: &str) -> Option<(&str, &str)> {
    let bytes = name.as_bytes();
    let last_space = bytes.iter().rposition(|&b| b == b' ')?;
    let before = bytes.get(..last_space)?.iter().rposition(|&b| b == b' ').map_or(0, |i| i + 1);
    Some((name.get(before..last_space)?, name.get(last_space + 1..)?))
}

/// One-word names the attributor found by their shape ("Video showed ...",
/// "People then began ...") that are common words capitalised at the start
/// of a sentence: the article also writes them in lower case. A person named
/// by one word only, never in lower case, stays ("Arce said").
struct CommonWords {
    common: Vec<String>,
}

impl CommonWords {
    /// Looks for each candidate's lower-case form with `memmem` (SIMD, so a
    /// few passes over the article cost little); past a few dozen candidates
    /// the article's lower-case words are collected once instead, so the work
    /// stays linear however many such names an article has.
    ///
    /// Measured on the bench corpus (an article has 0 to 9 candidates, 2.7 on
    /// average; about 2,000 instructions a search): the word pass cost more
    /// than the searches from any number of candidates up (85 M more with it
    /// always taken, 6 M more from six candidates); aho-corasick's packed
    /// (Teddy) searcher, built per article for all the candidates at once,
    /// cost 5.6 M more from three candidates, 9.7 M more from one. Searching
    /// only for names the gazetteer had not already turned away spared no
    /// search at all.
    fn new(text: &str, people: &[copydesk_quotes::Person]) -> CommonWords {
        let mut candidates: Vec<String> = people
            .iter()
            .filter(|p| p.kind == MentionKind::Person)
            .map(|p| p.name.as_str())
            .filter(|n| !n.contains(' ') && n.len() >= 2 && n.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .filter(|l| l.chars().next().is_some_and(char::is_lowercase))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}';
        if candidates.len() > 32 {
            // Each word of the article is looked up among the candidates
            // (sorted), after a check of its length and first byte that
            // turns away almost every word: no set of all the article's
            // words is built.
            let mut lengths = 0u64;
            let mut first = [false; 256];
            for c in &candidates {
                lengths |= 1 << c.len().min(63);
                if let Some(&b) = c.as_bytes().first() {
                    first[usize::from(b)] = true;
                }
            }
            let mut seen = vec![false; candidates.len()];
            for w in text.split(|c: char| !is_word(c)) {
                let Some(&b) = w.as_bytes().first() else { continue };
                if lengths & (1 << w.len().min(63)) == 0 || !first[usize::from(b)] {
                    continue;
                }
                if let Ok(i) = candidates.binary_search_by(|c| c.as_str().cmp(w)) {
                    seen[i] = true;
                }
            }
            let mut seen = seen.into_iter();
            candidates.retain(|_| seen.next().unwrap_or(false));
        } else {
            candidates.retain(|c| {
                memchr::memmem::find_iter(text.as_bytes(), c.as_bytes()).any(|i| {
                    !text[..i].chars().next_back().is_some_and(is_word)
                        && !text[i + c.len()..].chars().next().is_some_and(is_word)
                })
            });
        }
        CommonWords { common: candidates }
    }

    fn contains(&self, name: &str) -> bool {
        !self.common.is_empty() && self.common.binary_search(&name.to_lowercase()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn send_sync<T: Send + Sync>() {}

    #[test]
    fn pipeline_is_send_and_sync() {
        send_sync::<Pipeline>();
    }

    #[test]
    fn a_place_inside_a_persons_name_is_not_a_place() {
        let text = "Opposition MP Mutale Chanda spoke in Lusaka. \"We will vote no,\" Mrs Chanda said.";
        let a = Pipeline::default().analyze(text);
        let places: Vec<&str> = a
            .entities
            .iter()
            .filter(|e| e.kind == "place")
            .flat_map(|e| e.mentions.iter().map(|m| &text[m.0..m.1]))
            .collect();
        assert_eq!(places, ["Lusaka"]);
    }

    #[test]
    fn honorifics_before_a_name() {
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("Mr ", true), ("Mrs ", true), ("Ms ", true), ("Dr ", true),
            ("Mr. ", true), ("Mrs. ", true), ("Ms. ", true), ("Dr. ", true),
            ("y Mr ", true), ("xMrs ", true), (" Dr. ", true),
            ("", false), (" ", false), ("in ", false), ("Mr", false), ("Mr.", false), ("Mr  ", false),
            ("Mr.. ", false), ("mr ", false), ("MR ", false), ("Mrs.", false), ("Drs ", false), ("Msr ", false),
            ("Ms.\n", false), ("Dr\u{a0}", false),
        ];
        for (before, want) in cases {
            let eight =
                ["Mr ", "Mrs ", "Ms ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. "].iter().any(|h| before.ends_with(h));
            assert_eq!(eight, *want, "the table itself: {before:?}");
            assert_eq!(after_honorific(before), *want, "{before:?}");
        }
    }

    #[test]
    fn entities_by_type_and_name() {
        let entity = |kind: &'static str, name: &'static str| EntityDraft {
            name,
            kind,
            id: None,
            source: "gazetteer",
            head: None,
            mentions: Spans::default(),
            uncertain: vec![],
        };
        let entities = [
            entity("person", "Lima"),
            entity("organization", "IMF"),
            entity("place", "Lima"),
            entity("person", "Lima"),
            entity("person", "Accra"),
            entity("topic", "IMF"),
        ];
        let index = NameIndex::new(&entities);
        #[rustfmt::skip]
        let cases: &[(&str, &str, Option<usize>)] = &[
            ("person", "Lima", Some(3)), ("organization", "IMF", Some(1)), ("person", "Accra", Some(4)),
            ("organization", "Accra", None), ("person", "Lim", None), ("person", "", None), ("", "Lima", None),
            ("person", "IMF", None),
        ];
        for &(kind, name, want) in cases {
            assert_eq!(index.get(kind, name), want, "{kind} {name}");
        }
    }

    #[test]
    fn namesakes_share_the_first_ones_entity() {
        let person = |name: &str, kind: MentionKind| copydesk_quotes::Person {
            name: name.to_string(),
            kind,
            mentions: vec![],
            gender: None,
            role: None,
        };
        use MentionKind::{Organization as O, Person as P, Place as L};
        type Names<'a> = &'a [(&'a str, MentionKind)];
        #[rustfmt::skip]
        let cases: &[(Names, &[usize])] = &[
            (&[], &[]),
            (&[("Arce", P)], &[0]),
            (&[("Arce", P), ("Arce", P)], &[0, 0]),
            (&[("Arce", P), ("Arce", O), ("Arce", P)], &[0, 1, 0]),
            (&[("Lima", L), ("Okafor", P), ("Lima", P), ("Okafor", P), ("Lima", L)], &[0, 1, 2, 1, 4]),
            (&[("IMF", O), ("Arce", P), ("IMF", O), ("IMF", O)], &[0, 1, 0, 0]),
            // Names alike in their first bytes and length, but not the same.
            (&[("Mutale Chanda", P), ("Mutale Chando", P), ("Mutale Chanda", P), ("Mutale Chando", O)], &[0, 1, 0, 3]),
        ];
        for (people, want) in cases {
            let people: Vec<_> = people.iter().map(|&(n, k)| person(n, k)).collect();
            assert_eq!(first_namesakes(&people), *want, "{people:?}");
        }
    }

    #[test]
    fn the_last_word_of_a_name_written_out() {
        let person = |name: &str, kind: MentionKind| copydesk_quotes::Person {
            name: name.to_string(),
            kind,
            mentions: vec![],
            gender: None,
            role: None,
        };
        let people = [
            person("Helena Castro Lima", MentionKind::Person),
            person("Jean-Paul Sartre", MentionKind::Person),
            person("Arce", MentionKind::Person),
            person("Bank of Georgia", MentionKind::Organization),
        ];
        let tails = NameTails::new(&people);
        #[rustfmt::skip]
        let cases: &[(&str, &str, bool)] = &[
            // (text, the place mention, ends a name)
            ("Ms Castro Lima said",        "Lima",    true),
            ("(Castro Lima)",              "Lima",    true),
            ("Castro  Lima",               "Lima",    false),
            ("in Lima today",              "Lima",    false),
            ("Lima",                       "Lima",    false),
            ("Mr Jean-Paul Sartre wrote",  "Sartre",  true),
            ("Paul Sartre",                "Sartre",  false),
            ("Jean-Paul Sartre",           "Sartre",  true),
            ("Bank of Georgia",            "Georgia", false),
            ("Castro Lim",                 "Lim",     false),
        ];
        for (text, place, want) in cases {
            let at = text.rfind(place).unwrap();
            assert_eq!(tails.ends_name(text, (at, at + place.len())), *want, "{place} in {text:?}");
        }
    }

    #[test]
    fn entities_by_span() {
        let entity = |mentions: Vec<Span>| EntityDraft {
            name: "X",
            kind: "place",
            id: None,
            source: "gazetteer",
            head: None,
            mentions: Spans::from_iter(mentions),
            uncertain: vec![],
        };
        let entities = [entity(vec![(10, 14), (40, 44)]), entity(vec![(0, 5), (10, 14)]), entity(vec![(20, 25)])];
        let index = SpanIndex::new(&entities);
        // The gazetteer's list as found is sorted but cannot hold one span
        // twice; a list that is not strictly sorted is gathered again.
        let sorted = SpanIndex::from_sorted(vec![((0, 5), 1), ((10, 14), 0), ((20, 25), 2), ((40, 44), 0)], &entities);
        let unsorted = SpanIndex::from_sorted(vec![((10, 14), 0), ((0, 5), 1), ((10, 14), 1)], &entities);
        #[rustfmt::skip]
        let cases: &[(Span, Option<usize>, Option<usize>)] = &[
            // (span, entity, entity in the strictly sorted list)
            ((0, 5), Some(1), Some(1)), ((10, 14), Some(1), Some(0)), ((20, 25), Some(2), Some(2)),
            ((40, 44), Some(0), Some(0)), ((0, 4), None, None), ((10, 13), None, None), ((41, 44), None, None),
            ((50, 55), None, None),
        ];
        for &(m, want, want_sorted) in cases {
            assert_eq!(index.get(m), want, "{m:?}");
            assert_eq!(unsorted.get(m), want, "{m:?} unsorted");
            assert_eq!(sorted.get(m), want_sorted, "{m:?} sorted");
            assert_eq!(index.get_exactly(m), want, "{m:?} without the bitset");
        }
    }

    /// The bitset of starts turns away only spans that are no mention: the
    /// answer is the binary search's for every span of a text whose mentions
    /// touch, share starts and cross the bitset's words.
    #[test]
    fn entities_by_span_bitset_as_by_search() {
        let entity = |mentions: &[Span]| EntityDraft {
            name: "X",
            kind: "place",
            id: None,
            source: "gazetteer",
            head: None,
            mentions: Spans::from_iter(mentions.iter().copied()),
            uncertain: vec![],
        };
        #[rustfmt::skip]
        let cases: &[&[&[Span]]] = &[
            &[&[(0, 4), (63, 64)], &[(64, 70), (0, 9)], &[(127, 130)]],
            &[&[(5, 5), (128, 140)], &[(66, 67), (64, 65)]],
            &[&[(1, 2)]],
            &[],
        ];
        for &mentions in cases {
            let entities: Vec<EntityDraft<'_>> = mentions.iter().map(|m| entity(m)).collect();
            let index = SpanIndex::new(&entities);
            for a in 0..150 {
                for b in a..a + 12 {
                    assert_eq!(index.get((a, b)), index.get_exactly((a, b)), "{mentions:?} at {a}..{b}");
                }
            }
        }
    }

    /// The two spans kept in place behave as a list: pushes past two, lists
    /// thinned down to nothing and pushed to again, sorted and extended.
    #[test]
    fn spans_in_place_as_a_list() {
        #[rustfmt::skip]
        let cases: &[(&[Span], usize, &[Span])] = &[
            // (pushed, keep spans starting below this, pushed after)
            (&[],                                  0,  &[]),
            (&[(1, 2)],                            9,  &[(3, 4)]),
            (&[(1, 2), (3, 4)],                    2,  &[(5, 6), (7, 8)]),
            (&[(5, 6), (1, 2), (3, 4)],            9,  &[(0, 1)]),
            (&[(5, 6), (1, 2), (3, 4)],            0,  &[(7, 8), (9, 10)]),
            (&[(1, 2), (3, 4), (5, 6), (7, 8)],    4,  &[(2, 3), (8, 9), (9, 9)]),
            (&[(1, 2), (3, 4)],                    0,  &[(9, 9), (1, 1), (2, 2), (4, 4)]),
        ];
        for &(pushed, below, after) in cases {
            let mut list = Spans::default();
            let mut want: Vec<Span> = Vec::new();
            for &m in pushed {
                list.push(m);
                want.push(m);
                assert_eq!(list.as_slice(), &want[..]);
            }
            list.retain(|m| m.0 < below);
            want.retain(|m| m.0 < below);
            assert_eq!(list.as_slice(), &want[..], "{pushed:?} kept below {below}");
            assert_eq!((list.len(), list.is_empty()), (want.len(), want.is_empty()));
            list.extend_from_slice(after);
            want.extend_from_slice(after);
            list.as_mut_slice().sort_unstable();
            want.sort_unstable();
            assert_eq!(list.iter().copied().collect::<Vec<_>>(), want);
            assert_eq!(list.into_vec(), want);
        }
    }

    #[test]
    fn a_persons_mentions_as_an_entitys() {
        #[rustfmt::skip]
        let cases: &[&[Span]] = &[
            &[], &[(0, 4)], &[(0, 4), (9, 12)], &[(0, 4), (9, 12), (20, 25)], &[(3, 3), (1, 2), (0, 9), (7, 8), (5, 6)],
        ];
        for &spans in cases {
            let mentions: Vec<std::ops::Range<usize>> = spans.iter().map(|&(a, b)| a..b).collect();
            assert_eq!(spans_of(&mentions).as_slice(), spans, "{mentions:?}");
        }
    }

    #[test]
    fn inside_a_longer_name() {
        let inside = Inside::new(40, vec![(0, 4), (0, 10), (20, 25), (30, 31)]);
        #[rustfmt::skip]
        let cases: &[(Span, bool)] = &[
            ((2, 5), true), ((0, 5), true), ((0, 4), true), ((0, 10), false), ((9, 12), false),
            ((20, 25), false), ((21, 24), true), ((20, 24), true), ((26, 28), false), ((30, 31), false),
            ((25, 25), true), ((10, 10), true), ((12, 12), false), ((24, 30), false), ((5, 9), true),
        ];
        for &(m, want) in cases {
            assert_eq!(inside.contains(m), want, "{m:?}");
        }
    }

    /// The bitset turns away only spans that no name contains: the answer
    /// is the binary search's for every span of texts whose names overlap,
    /// nest, touch and cross the bitset's words.
    #[test]
    fn inside_by_bitset_as_by_search() {
        #[rustfmt::skip]
        let cases: &[(usize, &[Span])] = &[
            (40, &[(0, 4), (0, 10), (20, 25), (30, 31)]),
            (200, &[(3, 9), (5, 70), (60, 64), (64, 65), (66, 130), (128, 129), (190, 200)]),
            (150, &[(0, 1), (1, 2), (63, 64), (64, 128), (127, 140)]),
            (300, &[(10, 300), (11, 12), (250, 260)]),
            (10, &[]),
        ];
        for &(len, names) in cases {
            let inside = Inside::new(len, names.to_vec());
            for a in 0..=len {
                for b in a..=(a + 70).min(len) {
                    assert_eq!(inside.contains((a, b)), inside.contains_exactly((a, b)), "{names:?} at {a}..{b}");
                }
            }
        }
    }

    #[test]
    fn last_two_words_as_rsplit_gives_them() {
        fn old(name: &str) -> Option<(&str, &str)> {
            let mut words = name.rsplit(' ');
            let last = words.next()?;
            Some((words.next()?, last))
        }
        for name in ["", "Okafor", "Amara Okafor", "Helena Castro Lima", "Zúñiga Pérez", " Lead", "Trail ", "a  b", " "]
        {
            assert_eq!(last_two_words(name), old(name), "{name:?}");
        }
    }

    #[test]
    fn namesakes_keys() {
        // Same key only for the same kind and name, as far as six bytes tell.
        assert_eq!(name_key(0, b"Okafor"), name_key(0, b"Okafor"));
        assert_ne!(name_key(0, b"Okafor"), name_key(1, b"Okafor"));
        assert_ne!(name_key(0, b"Okafor"), name_key(0, b"Okafo"));
        assert_ne!(name_key(0, b"Okafor"), name_key(0, b"Okafer"));
        assert_eq!(name_key(0, b"Mutale Chanda"), name_key(0, b"Mutale Chando"));
    }

    #[test]
    fn common_words_are_not_people() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, bool)] = &[
            // (text, one-word name, a common word)
            ("Video showed troops outside. The video was shared.",   "Video",  true),
            ("People began singing. The people of the city sang.",   "People", true),
            ("Health officials said so. Public health matters.",     "Health", true),
            ("Arce said the army would obey.",                       "Arce",   false),
            ("Arce said the army would obey. Arcensis is a moth.",   "Arce",   false),
            ("Videos showed troops.",                                "Video",  false),
            ("Luis Arce said so, and luis is not lower case.",       "Luis Arce", false),
            ("NATO said it would meet.",                             "NATO",   false),
        ];
        for (text, name, want) in cases {
            let person = copydesk_quotes::Person {
                name: name.to_string(),
                kind: MentionKind::Person,
                mentions: std::iter::once(0..name.len()).collect(),
                gender: None,
                role: None,
            };
            assert_eq!(CommonWords::new(text, &[person]).contains(name), *want, "{name} in {text:?}");
        }
    }

    #[test]
    fn a_gazetteer_place_or_organisation_is_not_an_inferred_person() {
        let text = "\"We will not pay,\" Michigan said in a filing. \"Nor will we,\" the IMF said.";
        let a = Pipeline::default().analyze(text);
        let people: Vec<&str> = a.entities.iter().filter(|e| e.kind == "person").map(|e| e.name.as_str()).collect();
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn an_inferred_organisation_joins_the_gazetteer_entity_it_matched() {
        let text = "The Organisation of American States said it was alarmed. \"We condemn the attempt,\" the \
                    Organisation of American States said.";
        let a = Pipeline::default().analyze(text);
        let oas: Vec<&EntityRecord> = a.entities.iter().filter(|e| e.name.contains("American States")).collect();
        assert_eq!(oas.len(), 1, "{:?}", a.entities);
        assert_eq!(oas[0].source, "gazetteer");
    }

    #[test]
    fn a_persons_surname_written_out_again_is_not_a_place() {
        let text =
            "The chair, the diplomat Helena Castro Lima, spoke first. \"We came close,\" Ms Castro Lima said.\n\n\
                    \"Ms Castro Lima did everything right,\" a delegate said. Her next stop is Lima.";
        let a = Pipeline::default().analyze(text);
        let places: Vec<(usize, &str)> = a
            .entities
            .iter()
            .filter(|e| e.kind == "place")
            .flat_map(|e| e.mentions.iter().map(|m| (m.0, &text[m.0..m.1])))
            .collect();
        assert_eq!(places, [(text.rfind("Lima").unwrap(), "Lima")]);
    }
}
