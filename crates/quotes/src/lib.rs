//! Every quote in a news article, and who said it.
//!
//! `copydesk-quotes` finds quotations by pairing quotation marks, classifies each
//! as a *direct* statement or a *partial* fragment inside the reporter's sentence,
//! finds reported speech without marks (*indirect* quotes), and attributes each to
//! a speaker through the reporting verb (the *cue*) near it.
//!
//! ```
//! use copydesk_quotes::{Attributor, QuoteKind};
//!
//! let text = "Mayor Ana Ortiz spoke to reporters on Monday.\n\
//!             \u{201c}The bridge will open in May,\u{201d} Ms Ortiz said. \
//!             \u{201c}We are ready.\u{201d}";
//! let found = Attributor::new().attribute(text, &[]);
//! let first = &found.quotes[0];
//! assert_eq!(&text[first.span.clone()], "The bridge will open in May,");
//! assert_eq!(first.kind, QuoteKind::Direct);
//! assert_eq!(first.speaker.as_ref().unwrap().name, "Ana Ortiz");
//! // A quote with no cue right after an attributed one continues its speaker.
//! assert_eq!(found.quotes[1].speaker.as_ref().unwrap().name, "Ana Ortiz");
//! assert_eq!(found.quotes[1].rule.as_str(), "continuation");
//! ```
//!
//! # Design
//!
//! *Marks first.* Quotation marks are paired per paragraph (a paragraph is one
//! non-blank line) with a stack; whether a straight mark opens or closes is read
//! from the characters on either side, apostrophes inside words (`don't`,
//! `Ortiz’s`), elided years (`'90s`) and possessives (`voters’`) are not marks, and
//! the stack is emptied at each paragraph end, so a stray mark cannot shift the
//! pairings of the rest of the article. A double quotation still open at a
//! paragraph's end continues when the next paragraph opens with a mark of the same
//! style: the newsroom convention for long speeches. The scan is linear.
//!
//! *Then the reporter's sentence.* Each paragraph is cut into words, punctuation
//! and opaque quotation tokens, so nothing said inside a quote can be mistaken for
//! the reporter's words: names inside a quote never speak it. Sentences are cut
//! outside quotations only. For each quotation the attributor looks, in order, for a
//! cue right after it (`"...," Mr Reilly said`, `"...," said the army chief X`), a cue
//! earlier in its sentence (`X told journalists: "..."`, `X called it an "attempted
//! coup"`), a cue later in its sentence, a colon cue ending the previous paragraph,
//! a speech cue in the sentence before it in the same paragraph (`..., Schiff said.
//! "..."`), and finally a neighbouring attributed quote (continuation). A partial
//! quote whose sentence has no cue at all goes to the sentence's subject when that
//! is a name or a pronoun (`Reid has gone after him as a "spoiled brat"`; rule
//! `clause-subject`, the weakest). A title-case fragment after a possessive or "on"
//! (`CNN's "Face the Nation"`) is a programme's name and gets no speaker. Reporting verbs come
//! from `data/cues.txt`, every inflection written out, so adding a verb is a data
//! change.
//!
//! *Speakers are people, not strings.* The subject of a cue is read backwards
//! (skipping adverbs, dates and appositions like `X, minister of Y, said`) or
//! forwards after an inverted cue. Titles and roles are split from the name.
//! Names found next to cues, after titles (`Mr`, `President`), or given by the
//! caller as [`KnownMention`]s become [`Person`]s; later mentions by surname join
//! them, and every quote reports the fullest name the article uses. Pronouns
//! resolve to the nearest fitting person already named, using the gender that
//! honorifics, common given names and earlier pronouns give; `I` and `we` are
//! never speakers. A role noun as subject ("the spokesman said", "the company
//! said") goes back to the person or organisation the text just introduced with
//! that role ("Pieter Vandamme, a spokesman for ...", "the operator, Transtejo,"),
//! and otherwise stays the phrase, as does a plural noun for a group that opens
//! the sentence ("Economists said", "Officials expect"): a group, not a person.
//! An organisation's name runs on over its "of" and an "and" after it
//! ("Department of Health and Social Care"). A place the caller knows that is only part of
//! a run of name words ("Milan Jovanovic") is part of a person's name; a speaker's
//! name is the fullest form the text gives, and the caller's canonical name only
//! when it says more than the text ("Kowal" known as "Anna Kowal"). A quote with no cue and no neighbour gets no speaker: a wrong
//! speaker is worse than none.
//!
//! *Every attribution says why.* [`Quote::rule`] names the rule that fired, so a
//! user can keep only high-confidence quotes.
//!
//! Everything is linear in the input: a lexicon lookup is one probe of a
//! packed table, backward searches are bounded, and no search restarts from the
//! beginning of the article.
//!
//! *Its own scanner.* The crate reads bytes itself rather than through
//! `copydesk-tokenize`: quotations have to be paired before words are read (so a
//! quotation becomes one opaque token), and the attributor needs only words,
//! marks and sentence ends inside the reporter's text, cut with the same pairing
//! the marks used.
//!
//! # Limits
//!
//! Cues are verbs from a list; a quote introduced by a verb that is not on it
//! ("the mayor lashed out at the council as a \"pack of cowards\"") gets no speaker
//! unless its sentence opens with a name or a pronoun. Pronoun
//! resolution is the nearest fitting person, not a parse; `it` and `they` resolve
//! only to organisations and groups named before. Names are found by shape, so an
//! organisation with a person-like name may be typed as a person.
//!
//! # Data
//!
//! `data/cues.txt` (reporting verbs, every inflection), `data/words.txt` (titles,
//! honorifics, pronouns, days, abbreviations, plural nouns for groups of people) and `data/first_names.txt` (given
//! names as weak gender evidence) were written for copydesk and are CC0.

#![forbid(unsafe_code)]

use std::ops::Range;

mod engine;
mod lexicon;
mod scan;

pub use scan::{find_quotations, paragraphs, Quotation};

/// What kind of thing a name refers to.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A person.
    Person,
    /// An organisation, newspaper, agency, group of people.
    Organization,
    /// A place (countries can speak: "Russia said").
    Place,
    /// Anything else, e.g. a common noun phrase such as "officials".
    Other,
}

impl MentionKind {
    /// Lower-case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Organization => "organization",
            MentionKind::Place => "place",
            MentionKind::Other => "other",
        }
    }
}

/// A name the caller already found (e.g. with a gazetteer): plain data. The name
/// is borrowed (from the caller's gazetteer, say), so a caller passing every
/// mention copies no strings; the attributor copies only the names it uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownMention<'a> {
    /// Byte span of the mention in the text.
    pub span: Range<usize>,
    /// Canonical name of the entity.
    pub name: &'a str,
    /// Its kind.
    pub kind: MentionKind,
}

/// Direct, partial or indirect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A quoted statement standing as (part of) its own sentence.
    Direct,
    /// A quoted fragment inside the reporter's sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// `"direct"`, `"partial"` or `"indirect"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Grammatical gender evidence for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Referred to as "he", "Mr".
    Male,
    /// Referred to as "she", "Mrs", "Ms".
    Female,
}

/// The rule that made an attribution (or found the quote, for unattributed ones).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Cue right after the quote, subject first: `"...," Mr Reilly said`.
    CueAfter,
    /// Cue right after the quote, inverted: `"...," said the army chief X`.
    CueAfterInverted,
    /// Cue before the quote ending in a colon or comma: `X told reporters: "..."`.
    CueBeforeColon,
    /// Cue earlier in the same sentence, the quote inside its clause:
    /// `X called it an "attempted coup"`.
    CueBefore,
    /// Cue later in the same sentence: `... "a disaster" for the state, she said.`
    CueLater,
    /// `according to X`.
    AccordingTo,
    /// A participle or infinitive cue (`..., calling it "a coup"`): the sentence's subject.
    SentenceSubject,
    /// No cue in the sentence of a partial quote: the sentence's subject, a name or a
    /// pronoun (`Reid has gone after the senator as a "spoiled brat"`). The weakest rule.
    ClauseSubject,
    /// A statement with no cue of its own after a sentence of the same paragraph that
    /// reports speech: `Lind called the plan a gamble. "It will sink us."`
    PreviousSentence,
    /// A colon cue closing the previous paragraph: `X continued:` then the quote.
    PreviousParagraph,
    /// A quote with no cue right after (or before) a quote of the same speaker.
    Continuation,
    /// A transcript turn: `"SMITH: ..."`.
    Transcript,
    /// A paragraph opening with a name and a colon: `Reilly: Council must 'act now'`.
    HeadlineColon,
    /// A credit line after the quote: `"..." — Jane Smith`.
    DashCredit,
    /// A speech noun closing the sentence before a colon, the sentence's subject
    /// its speaker: `Sanders made the following comment: "..."`.
    SpeechNounColon,
    /// `X said (that) ...` without quotation marks.
    IndirectSaid,
    /// `..., X said.` or `A, X said, B` without quotation marks.
    IndirectAfter,
    /// No speaker found: a scare quote, a title, or an unattributable quote.
    Unattributed,
}

impl Rule {
    /// Lower-case, hyphenated name of the rule.
    pub fn as_str(&self) -> &'static str {
        match self {
            Rule::CueAfter => "cue-after",
            Rule::CueAfterInverted => "cue-after-inverted",
            Rule::CueBeforeColon => "cue-before-colon",
            Rule::CueBefore => "cue-before",
            Rule::CueLater => "cue-later",
            Rule::AccordingTo => "according-to",
            Rule::SentenceSubject => "sentence-subject",
            Rule::ClauseSubject => "clause-subject",
            Rule::PreviousSentence => "previous-sentence",
            Rule::PreviousParagraph => "previous-paragraph",
            Rule::Continuation => "continuation",
            Rule::Transcript => "transcript",
            Rule::HeadlineColon => "headline-colon",
            Rule::DashCredit => "dash-credit",
            Rule::SpeechNounColon => "speech-noun-colon",
            Rule::IndirectSaid => "indirect-said",
            Rule::IndirectAfter => "indirect-after",
            Rule::Unattributed => "unattributed",
        }
    }
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name: the fullest form of the name in the article (titles
    /// stripped), or the caller's [`KnownMention::name`].
    pub name: String,
    /// The words the attribution rests on, e.g. the span of "He" or "Mr Reilly".
    pub mention: Range<usize>,
    /// Index into [`Attribution::people`].
    pub person: usize,
    /// Title or role given next to the name ("army chief"), if any.
    pub role: Option<String>,
}

/// A quotation, or a piece of reported speech.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The content inside the marks (for indirect quotes, the reported clause).
    pub span: Range<usize>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The speaker, when one could be found.
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase the attribution rests on.
    pub cue: Option<Range<usize>>,
    /// The rule that made the attribution.
    pub rule: Rule,
}

/// A person (or organisation, or group) found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Canonical name.
    pub name: String,
    /// Person, organisation, ...
    pub kind: MentionKind,
    /// Spans of the mentions linked to it, sorted.
    pub mentions: Vec<Range<usize>>,
    /// Gender evidence, if any.
    pub gender: Option<Gender>,
    /// A title or role seen next to the name.
    pub role: Option<String>,
}

/// The result of [`Attributor::attribute`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Quotes sorted by `span.start`.
    pub quotes: Vec<Quote>,
    /// People (and organisations) found in the text.
    pub people: Vec<Person>,
}

/// Finds quotes and attributes them. Built once, shared across threads.
#[derive(Clone, Debug)]
pub struct Attributor {
    lexicon: lexicon::Lexicon,
    indirect: bool,
}

impl Default for Attributor {
    fn default() -> Self {
        Attributor::new()
    }
}

impl Attributor {
    /// An attributor with the embedded word lists, indirect quotes on.
    pub fn new() -> Attributor {
        AttributorBuilder::new().build()
    }

    /// A builder to change the defaults.
    pub fn builder() -> AttributorBuilder {
        AttributorBuilder::new()
    }

    /// Finds every quote in `text` and its speaker. `known` are names the caller
    /// already found (any order); they give canonical names and kinds.
    ///
    /// Text removed upstream (captions) should be blanked to spaces so offsets
    /// stay those of the original.
    pub fn attribute(&self, text: &str, known: &[KnownMention<'_>]) -> Attribution {
        engine::run(&self.lexicon, self.indirect, text, known)
    }
}

/// Builds an [`Attributor`].
#[derive(Clone, Debug)]
pub struct AttributorBuilder {
    indirect: bool,
    extra_cues: Vec<String>,
}

impl Default for AttributorBuilder {
    fn default() -> Self {
        AttributorBuilder::new()
    }
}

impl AttributorBuilder {
    /// The defaults: embedded cue list, indirect quotes on.
    pub fn new() -> AttributorBuilder {
        AttributorBuilder { indirect: true, extra_cues: Vec::new() }
    }

    /// Whether to report indirect quotes (reported speech without marks).
    /// By default, this is enabled.
    pub fn indirect(&mut self, yes: bool) -> &mut Self {
        self.indirect = yes;
        self
    }

    /// Adds a reporting verb form (one word, e.g. `"opined"`; or several words
    /// joined by `_`, e.g. `"weighed_in"`) as a speech cue.
    pub fn cue_verb(&mut self, form: &str) -> &mut Self {
        self.extra_cues.push(form.to_string());
        self
    }

    /// Builds the attributor.
    pub fn build(&self) -> Attributor {
        let mut lexicon = lexicon::Lexicon::embedded();
        for c in &self.extra_cues {
            let c = c.trim();
            if !c.is_empty() {
                // Not a base form: an extra cue is always read as a verb.
                lexicon.add_cue_forms(&["", c], lexicon::f::CUE_S);
            }
        }
        Attributor { lexicon, indirect: self.indirect }
    }
}
