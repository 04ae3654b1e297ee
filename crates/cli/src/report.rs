//! The report for a person: what was removed, who and where, who said what.

use std::io::{self, Write};

use copydesk::{Analysis, Span};

use crate::Offsets;

/// A readable report of one analysis.
pub struct Report<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    pub offsets: Offsets,
}

impl Report<'_> {
    fn span(&self, s: Span) -> String {
        match self.offsets {
            Offsets::Byte => format!("{}..{}", s.0, s.1),
            Offsets::Char => {
                let map = copydesk::OffsetMap::new(self.text);
                format!("{}..{}", map.char_offset(s.0), map.char_offset(s.1))
            }
        }
    }

    /// Everything: removed blocks, entities, quotes.
    pub fn analysis(&self, out: &mut dyn Write) -> io::Result<()> {
        self.removed(out)?;
        writeln!(out)?;
        self.entities(out)?;
        writeln!(out)?;
        self.quotes(out)
    }

    fn removed(&self, out: &mut dyn Write) -> io::Result<()> {
        let removed = &self.analysis.removed;
        writeln!(out, "Removed ({} blocks)", removed.len())?;
        for r in removed {
            let text = one_line(&r.text);
            match (&r.caption, &r.credit) {
                (Some(caption), Some(credit)) => {
                    writeln!(out, "  {:<10} {}  [credit: {}]", r.kind, one_line(caption), one_line(credit))?
                }
                _ => writeln!(out, "  {:<10} {}", r.kind, text)?,
            }
        }
        Ok(())
    }

    /// The clean text: the input without the removed blocks.
    pub fn clean_text(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut at = 0;
        for r in &self.analysis.removed {
            let (start, end) = r.span;
            if start >= at && end <= self.text.len() {
                out.write_all(&self.text.as_bytes()[at..start])?;
                at = end;
            }
        }
        out.write_all(&self.text.as_bytes()[at..])
    }

    /// The sentences, one a line.
    pub fn sentences(&self, out: &mut dyn Write) -> io::Result<()> {
        for s in self.analysis.sentences.iter().flatten() {
            writeln!(out, "{}", one_line(&s.text))?;
        }
        Ok(())
    }

    /// People, places and organisations with their mention counts.
    pub fn entities(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut kinds: Vec<&str> = self.analysis.entities.iter().map(|e| &*e.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        if kinds.is_empty() {
            writeln!(out, "Entities: none")?;
        }
        for kind in kinds {
            writeln!(out, "{}", heading(kind))?;
            for e in self.analysis.entities.iter().filter(|e| e.kind == kind) {
                let id = e.id.as_deref().map(|i| format!(" [{i}]")).unwrap_or_default();
                let first = e.mentions.first().map(|&s| format!(", first at {}", self.span(s))).unwrap_or_default();
                writeln!(out, "  {}{id}: {} mention(s){first} ({})", e.name, e.mentions.len(), e.source)?;
            }
        }
        Ok(())
    }

    /// Each quote with its speaker and cue.
    pub fn quotes(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "Quotes ({})", self.analysis.quotes.len())?;
        for q in &self.analysis.quotes {
            let speaker = match &q.speaker {
                Some(s) if s.mention != s.name => format!("{} (\"{}\")", s.name, one_line(&s.mention)),
                Some(s) => s.name.clone(),
                None => "(no speaker)".to_string(),
            };
            let cue = q.cue.as_ref().map(|c| format!(" via {:?}", c.text)).unwrap_or_default();
            writeln!(out, "  {:<8} {} {speaker}{cue} [{}]", q.kind, self.span(q.span), q.rule)?;
            writeln!(out, "           \"{}\"", one_line(&q.text))?;
        }
        Ok(())
    }
}

fn heading(kind: &str) -> String {
    match kind {
        "person" => "People".to_string(),
        "place" => "Places".to_string(),
        "organization" => "Organisations".to_string(),
        other => {
            let mut c = other.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }
}

/// Folds line breaks and runs of spaces so a block prints on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
