//! Output formats. This module documents the mention record once, field by
//! field; every format writes the same fields.
//!
//! # The mention record
//!
//! `gazex extract` writes one JSON object per line (JSON Lines), one line
//! per mention, ordered by `doc` and then by `start`. The output is
//! byte-identical whatever the number of threads.
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `doc` | string | the source file's path as walked (the path given on the command line joined with the file's path below it) |
//! | `start` | integer | byte offset of the mention's first byte in the file |
//! | `end` | integer | byte offset just past the mention: `file[start..end]` is exactly `text` |
//! | `char_start` | integer | `start` counted in Unicode scalar values (what Python's `str` indexes) |
//! | `char_end` | integer | `end` counted in Unicode scalar values |
//! | `text` | string | the mention as written in the file, verbatim (line breaks, hyphens and all) |
//! | `entity_id` | string | the gazetteer entity's id (`ofac-41736`) |
//! | `entity_name` | string | the entity's display name |
//! | `entity_type` | string | `person`, `organization`, `vessel`, `aircraft`, or another type from the gazetteer |
//! | `alias` | string | the gazetteer name form that matched (display name or an alias, as listed) |
//! | `lists` | array of strings | the lists or programs the entity is on |
//! | `match` | string | how it matched: `exact`, `normalized`, `name_order`, `partial_name`, `legal_form`, `surname`, `short` (see [`MatchKind`](crate::MatchKind)) |
//! | `evidence` | object, optional | for `surname` and `short`: `{"kind": "full_mention", "start": …, "end": …}`, the byte span of the full mention of the same entity in the same document that the short form rests on |
//! | `candidates` | array of strings, optional | ids of other entities the same words could name, best first; absent when unambiguous |
//!
//! ## Offsets
//!
//! Offsets count bytes of the source as it is on disk (decompressed, for a
//! `.gz` file), and characters of its decoded text: a Windows-1252 or
//! UTF-16 file's `file[start..end]` are the mention's original bytes, an
//! HTML page's are the mention as written in the page (entities and inline
//! tags included), a JSON Lines record's are bytes of its text field's value
//! (see [`crate::input`]). A mention never starts or ends inside a
//! character. A possessive `’s`, a title before the name, and surrounding
//! punctuation are outside the span; an abbreviation's or acronym's final
//! dot (`S.R.O.`, `Ltd.`) and a middle initial between matched words
//! (`Brian E. Nelson`) are inside it.
//!
//! ## Example
//!
//! ```text
//! {"doc":"corpus/001_b2083945801a1459.txt","start":315,"end":330,"char_start":315,"char_end":330,"text":"Ashot Mkrtychev","entity_id":"ofac-41736","entity_name":"Ashot Mkrtychev","entity_type":"person","alias":"MKRTYCHEV, Ashot","lists":["DPRK"],"match":"name_order"}
//! ```

pub mod jsonl;

pub use crate::mention::MatchKind;

use std::io;

use serde::Serialize;

use crate::document::Document;
use crate::{Matcher, Mention};

/// Where the mentions of a run go: a file format, a database.
///
/// The pipeline calls [`prepare`](Sink::prepare) on its worker threads, one
/// document at a time and in any order, to turn a document's mentions into
/// whatever the sink stores (formatted bytes, rows); it then calls
/// [`write`](Sink::write) on one thread, in document order, with each
/// prepared item. Formatting thus runs in parallel and writing needs no
/// lock.
pub trait Sink {
    /// One document's prepared output.
    type Item: Send;

    /// Called on a worker before `doc` is matched: `Some(item)` when the
    /// sink already holds this document's mentions (an incremental index
    /// that has seen the same content), so matching is skipped and `item`
    /// is written instead.
    fn unchanged(&self, _doc: &Document) -> Option<Self::Item> {
        None
    }

    /// Prepares the output of `mentions`, found in `doc` by `matcher`.
    fn prepare(&self, doc: &Document, matcher: &Matcher, mentions: &[Mention]) -> Self::Item;

    /// Stores one prepared document.
    fn write(&mut self, item: Self::Item) -> io::Result<()>;

    /// Called after each batch of documents, so that output reaches its
    /// reader as the run goes (a pipe into another program).
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    /// Called once at the end of a run that was not interrupted.
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The evidence object of a record.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceRecord {
    /// `full_mention`.
    pub kind: &'static str,
    /// Byte offset of the supporting mention.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// One mention as written to output. See the [module docs](self).
#[derive(Clone, Debug, Serialize)]
pub struct Record<'a> {
    /// Source path or document id.
    pub doc: &'a str,
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// `start` in Unicode scalar values.
    pub char_start: usize,
    /// `end` in Unicode scalar values.
    pub char_end: usize,
    /// The mention as written.
    pub text: &'a str,
    /// Entity id.
    pub entity_id: &'a str,
    /// Entity display name.
    pub entity_name: &'a str,
    /// Entity type.
    pub entity_type: &'a str,
    /// The name form that matched.
    pub alias: &'a str,
    /// Lists and programs.
    pub lists: &'a [String],
    /// How it matched.
    #[serde(rename = "match")]
    pub kind: &'static str,
    /// Grounds for a short form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceRecord>,
    /// Other possible entities.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<&'a str>,
}

impl<'a> Record<'a> {
    /// The record of mention `m`, found by `matcher` in `doc`. Offsets are
    /// translated to the document's source ([`Document::locate`]).
    pub fn new(doc: &'a Document, matcher: &'a Matcher, m: &Mention) -> Record<'a> {
        let e = matcher.entity(m);
        let span = doc.locate_counted(m.start, m.end, m.char_start, m.char_end);
        Record {
            doc: &doc.id,
            start: span.start,
            end: span.end,
            char_start: span.char_start,
            char_end: span.char_end,
            text: &doc.text[m.start..m.end],
            entity_id: &e.id,
            entity_name: &e.name,
            entity_type: e.kind.as_str(),
            alias: matcher.alias(m),
            lists: &e.lists,
            kind: m.kind.as_str(),
            evidence: m.evidence.map(|ev| {
                let (start, end) = if ev.start == ev.end {
                    (ev.start, ev.end)
                } else {
                    doc.locate_bytes(ev.start, ev.end)
                };
                EvidenceRecord {
                    kind: ev.kind.as_str(),
                    start,
                    end,
                }
            }),
            candidates: m
                .candidates
                .iter()
                .map(|&c| matcher.entities()[c as usize].id.as_str())
                .collect(),
        }
    }
}
