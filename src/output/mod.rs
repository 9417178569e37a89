//! Output formats. This module documents the mention record once, field by
//! field; every format writes the same fields.
//!
//! # Formats
//!
//! | format | flag | module |
//! |---|---|---|
//! | JSON Lines, one object per mention (default) | `--format jsonl` | [`jsonl`] |
//! | CSV, one row per mention, with a header row | `--format csv` | [`csv`] |
//! | an SQLite database (documents, entities, mentions), indexed incrementally | `--db FILE` | [`sqlite`] |
//!
//! # The mention record
//!
//! `gazex extract` writes one JSON object per line (JSON Lines), one line
//! per mention, ordered by `doc` and then by `start`. The output is
//! byte-identical whatever the number of threads.
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `mention_id` | string | a stable id of the mention: 32 lower-case hex digits (see [below](#mention-ids)); the same document, span and entity give the same id in every run and format |
//! | `doc` | string | the source file's path as walked (the path given on the command line joined with the file's path below it; bytes that are not UTF-8, and `%`, of a path that is not UTF-8 written `%XX`), or a JSON Lines record's id (qualified `<file>#<id>` when an earlier document of the run has it, see [`crate::extract`]) |
//! | `doc_date` | string | the document's date, as precise as known: `"1961"`, `"1961-04"` or `"1961-04-12"` (see [below](#document-dates)) |
//! | `doc_date_source` | string | where `doc_date` came from: `field`, `html`, `dateline`, `flag` or `run` |
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
//! | `match` | string | how it matched: `exact`, `normalized`, `name_order`, `partial_name`, `middle_names`, `legal_form`, `surname`, `short`, `variant`, `nickname`, `introduced` (see [`crate::MatchKind`]) |
//! | `evidence` | object, optional | for `surname` and `short`: `{"kind": …, "start": …, "end": …}`, why the short form was accepted; for `full_mention` and `linked_mention`, the byte span of the supporting full mention in the same document; for `title`, the title's; for `distinctive_name` and `in_office` (the head of state or government at the document's date), `start` = `end` = 0 |
//! | `confidence` | number | how sure the link to `entity_id` is, 0 to 1 (two decimals): 0.9 for a full name nothing contradicts, lower where a homonym was told apart only by office at the date (0.8, 0.7) or prominence (0.6), 0.6 for a tie between two records of a rare name, 0.4 for homonyms nothing tells apart under a common name, 0.35 for a title the person never held, 0.3 for a common name with nothing in the document to corroborate it; a short form takes at most the confidence of the full mention it rests on. Mentions below `--min-confidence` (default 0.5) are not written |
//! | `reasons` | array of strings | what the link rests on: `full_name`, `title_at_date` (a title before the name names an office held at the document's date), `title_earlier`, `initials` (written initials or middle names agree), `leader_at_date`, `in_office`, `leader`, `rare_name`, `corroborated` (a common name corroborated by another name, a linked entity, an official of the same country, the country, or a fitting title), `common_name`, `full_mention`, `linked_mention`, `distinctive`, `type_cue`, `article`, `title_mismatch`, `ambiguous`, `relative` (a word for a parent or a child beside the name picks the elder or the younger of namesakes) |
//! | `candidates` | array of objects, optional | other entities the same words could name, best first: `{"entity_id", "confidence", "reasons"}`; a ruled-out homonym has confidence 0 and says why: `before_public_life` (the document's date is before the person's public life), `long_out_of_office`, `title_mismatch`, `initials_differ`, `occupation` ("the economist Adam Smith"), `place` ("in Washington"), `country_differs` ("King Abdullah of Saudi Arabia" for Jordan's Abdullah II); one ranked lower says `outranked` or `ambiguous`. Absent when unambiguous |
//! | `context` | object, optional | with `--context N` only: `{"text": …, "start": …, "end": …}`, see [below](#context) |
//! | `properties` | object, optional | with `--fields` only: the entity's properties named there, see [below](#properties) |
//!
//! ## Document dates
//!
//! Every document has a date, and names are resolved as of it (who held
//! which office when). `doc_date_source` says where it came from:
//!
//! | `doc_date_source` | the date is |
//! |---|---|
//! | `field` | a JSON Lines record's date field (`--date-field`, default `date`; see [`crate::input::jsonl`]) |
//! | `html` | an HTML page's publication date in its metadata (see [`crate::input::html`]) |
//! | `dateline` | the date written at the top of a plain text (see [`crate::date::dateline`]) |
//! | `flag` | `--date`, for a document with no date of its own |
//! | `run` | the day of the run (UTC), for a document with no date of its own and no `--date` |
//!
//! A document's own date wins over `--date`, which wins over the run's
//! date. All windows of a big text carry the date of its dateline.
//! `doc_date` is as precise as its source: a dateline `March 2024` gives
//! `"2024-03"`.
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
//! ## Mention ids
//!
//! `mention_id` is the XXH3-128 hash of the UTF-8 string
//! `"{doc}\0{start}\0{end}\0{entity_id}"` (`start` and `end` in decimal,
//! the record's byte offsets), written as 32 lower-case hex digits
//! ([`mention_id`]). It depends on nothing else: not on the thread count,
//! the run, the output format, `--context` or `--fields`. Mentions never
//! overlap within a document, so ids are distinct within a run; a
//! downstream database can upsert on it. A document renamed (another `doc`)
//! or edited before the mention (other offsets) gives new ids.
//!
//! ## Context
//!
//! With `--context N`, `context.text` is the document's text from `N`
//! characters (Unicode scalar values) before the mention to `N` characters
//! after it, fewer at the start or end of the document, verbatim (line
//! breaks kept). It is cut from the text gazex matched, that is the decoded
//! text (for HTML, the visible text, markup dropped), never inside a
//! character. `context.start` and `context.end` are the mention's
//! character offsets in `context.text` (so `context.end - context.start`
//! is the mention's length in characters, and the slice is `text`).
//! Without `--context` the field is absent: records stay small.
//!
//! ## Properties
//!
//! With `--fields a,b,c`, `properties` holds the entity's gazetteer
//! properties of those names (the fields of a native gazetteer line other
//! than `id`, `name`, `type`, `aliases`, `lists`, `name_order`,
//! `match_policy`; for OFAC: `dob`, `pob`, `nationality`, `citizenship`,
//! `gender`, `imo`, `vessel_flag`, `call_sign`, `tonnage`, `addresses`,
//! `linked_to`, `remarks`, …), as the gazetteer holds them (strings, arrays
//! or objects), in name order. Names the entity lacks are left out, so it
//! may be `{}`. `--fields all` gives every property. Without `--fields` the
//! field is absent.
//!
//! ## Example
//!
//! ```text
//! {"mention_id":"04c1fc8da7648b106ec13269b8103c1a","doc":"corpus/001_b2083945801a1459.txt","doc_date":"2026-11-23","doc_date_source":"run","start":315,"end":330,"char_start":315,"char_end":330,"text":"Ashot Mkrtychev","entity_id":"ofac-41736","entity_name":"Ashot Mkrtychev","entity_type":"person","alias":"Ashot Mkrtychev","lists":["DPRK"],"match":"exact"}
//! ```

pub mod csv;
pub mod jsonl;
pub mod sqlite;

pub use crate::mention::MatchKind;

use std::io;

use serde::Serialize;

use crate::date::{DateSource, DocDate};
use crate::document::Document;
use crate::gazetteer::Entity;
use crate::{InputError, Matcher, Mention};

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

    /// Whether the sink tells unchanged windowed texts by the hash of the
    /// whole file ([`Document::whole_hash`]): the pipeline then hashes
    /// each text file read in windows before reading it
    /// ([`crate::input::ReadOptions::hash_windowed`]). Default `false`.
    fn keys_windows(&self) -> bool {
        false
    }

    /// The other input whose document `id` the sink already holds from an
    /// earlier run, if it holds one read from another input than `input`
    /// (a file's [`crate::input::doc_name`], `-`): the pipeline then gives
    /// a JSON Lines record of `input` with that id its qualified id, as
    /// when both are read in one run, or reports a document it cannot
    /// rename, so that neither's mentions replace the other's. Default
    /// `None`.
    fn holder(&self, _id: &str, _input: &str) -> Option<String> {
        None
    }

    /// Prepares the output of `mentions`, found in `doc` by `matcher`.
    fn prepare(&self, doc: &Document, matcher: &Matcher, mentions: &[Mention]) -> Self::Item;

    /// Stores one prepared document.
    fn write(&mut self, item: Self::Item) -> io::Result<()>;

    /// Called, in document order, for each input that failed (and so was
    /// neither prepared nor written). An incremental index keeps what it
    /// held for it rather than taking it for deleted.
    fn failed(&mut self, _error: &InputError) {}

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

/// What goes into each record beyond the fixed fields: `context` and
/// `properties`. The default adds neither.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RecordOptions {
    /// `--context N`: characters of text each side of the mention.
    pub context: Option<usize>,
    /// `--fields`: which entity properties to copy.
    pub fields: Fields,
}

/// Which entity properties a record carries (`--fields`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fields {
    /// No `properties` field (the default).
    #[default]
    None,
    /// Every property.
    All,
    /// The properties of these names, those the entity has.
    Some(Vec<String>),
}

impl Fields {
    /// Parses `--fields`: `all`, or names separated by commas (spaces
    /// around them ignored).
    ///
    /// ```
    /// use gazex::output::Fields;
    /// assert_eq!(Fields::parse("all"), Fields::All);
    /// assert_eq!(Fields::parse("dob, nationality"), Fields::Some(vec!["dob".into(), "nationality".into()]));
    /// ```
    pub fn parse(s: &str) -> Fields {
        if s.trim() == "all" {
            return Fields::All;
        }
        Fields::Some(
            s.split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(String::from)
                .collect(),
        )
    }

    /// The `properties` object for `entity`, or `None` for [`Fields::None`].
    pub fn select(&self, entity: &Entity) -> Option<serde_json::Map<String, serde_json::Value>> {
        match self {
            Fields::None => None,
            Fields::All => Some((*entity.properties).clone()),
            Fields::Some(names) => {
                let mut props = serde_json::Map::new();
                for name in names {
                    if let Some(v) = entity.properties.get(name) {
                        props.insert(name.clone(), v.clone());
                    }
                }
                Some(props)
            }
        }
    }
}

/// The stable id of a mention of `entity_id` at bytes `start..end` of
/// document `doc` (see [the module docs](self#mention-ids)).
///
/// ```
/// let id = gazex::output::mention_id("corpus/a.txt", 10, 24, "ofac-35096");
/// assert_eq!(id.len(), 32);
/// assert_eq!(id, gazex::output::mention_id("corpus/a.txt", 10, 24, "ofac-35096"));
/// assert_ne!(id, gazex::output::mention_id("corpus/b.txt", 10, 24, "ofac-35096"));
/// ```
pub fn mention_id(doc: &str, start: usize, end: usize, entity_id: &str) -> String {
    let key = format!("{doc}\0{start}\0{end}\0{entity_id}");
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(key.as_bytes()))
}

/// The evidence object of a record.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceRecord {
    /// `full_mention`, `linked_mention`, `distinctive_name`, `type_cue`.
    pub kind: &'static str,
    /// Byte offset of the supporting mention.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// The context object of a record: text around the mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Context<'a> {
    /// The text around the mention, the mention included.
    pub text: &'a str,
    /// Character offset of the mention in `text`.
    pub start: usize,
    /// Character offset just past the mention in `text`.
    pub end: usize,
}

impl<'a> Context<'a> {
    /// The context of the mention at bytes `start..end` of `text` (on
    /// character boundaries): up to `chars` characters each side.
    ///
    /// ```
    /// use gazex::output::Context;
    /// let text = "Der Präsident Putin sprach.";
    /// let start = text.find("Putin").unwrap();
    /// let c = Context::around(text, start, start + 5, 4);
    /// assert_eq!(c.text, "ent Putin spr");
    /// assert_eq!((c.start, c.end), (4, 9));
    /// ```
    pub fn around(text: &'a str, start: usize, end: usize, chars: usize) -> Context<'a> {
        let before = &text[..start];
        let (from, taken) = match before.char_indices().rev().take(chars).last() {
            Some((i, _)) => (i, before[i..].chars().count()),
            None => (start, 0),
        };
        let after = &text[end..];
        let to = after
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| end + i);
        Context {
            text: &text[from..to],
            start: taken,
            end: taken + text[start..end].chars().count(),
        }
    }
}

/// Another entity a mention's words could name, as written to output.
#[derive(Clone, Debug, Serialize)]
pub struct CandidateRecord<'a> {
    /// Its id.
    pub entity_id: &'a str,
    /// How likely it is meant instead (0: ruled out).
    pub confidence: f64,
    /// Why it ranked lower or was ruled out.
    pub reasons: Vec<&'static str>,
}

/// A confidence as written: two decimals.
fn rounded(c: f32) -> f64 {
    (f64::from(c) * 100.0).round() / 100.0
}

/// One mention as written to output. See the [module docs](self).
#[derive(Clone, Debug, Serialize)]
pub struct Record<'a> {
    /// Stable id of the mention ([`mention_id`]).
    pub mention_id: String,
    /// Source path or document id.
    pub doc: &'a str,
    /// The document's date.
    pub doc_date: DocDate,
    /// Where the document's date came from.
    pub doc_date_source: DateSource,
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
    /// How sure the link is (0 to 1, two decimals).
    pub confidence: f64,
    /// What the link rests on.
    pub reasons: Vec<&'static str>,
    /// Other possible entities, with why they lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<CandidateRecord<'a>>,
    /// Text around the mention (`--context`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context<'a>>,
    /// Selected entity properties (`--fields`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<serde_json::Map<String, serde_json::Value>>,
}

impl<'a> Record<'a> {
    /// The record of mention `m`, found by `matcher` in `doc`, without
    /// context or properties. Offsets are translated to the document's
    /// source ([`Document::locate`]).
    pub fn new(doc: &'a Document, matcher: &'a Matcher, m: &Mention) -> Record<'a> {
        Record::with_options(doc, matcher, m, &RecordOptions::default())
    }

    /// The record of mention `m` with the context and properties `options`
    /// ask for.
    pub fn with_options(
        doc: &'a Document,
        matcher: &'a Matcher,
        m: &Mention,
        options: &RecordOptions,
    ) -> Record<'a> {
        let e = matcher.entity(m);
        let span = doc.locate_counted(m.start, m.end, m.char_start, m.char_end);
        Record {
            mention_id: mention_id(&doc.id, span.start, span.end, &e.id),
            doc: &doc.id,
            // Set by the pipeline; a document made by hand without a date
            // is dated today, as a run would date it.
            doc_date: doc.date.unwrap_or_else(DocDate::today),
            doc_date_source: doc.date_source,
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
            confidence: rounded(m.confidence),
            reasons: m.reasons.iter().map(|r| r.as_str()).collect(),
            candidates: m
                .candidates
                .iter()
                .map(|c| CandidateRecord {
                    entity_id: matcher.entities()[c.entity as usize].id.as_str(),
                    confidence: rounded(c.confidence),
                    reasons: c.reasons.iter().map(|r| r.as_str()).collect(),
                })
                .collect(),
            context: options
                .context
                .map(|n| Context::around(&doc.text, m.start, m.end, n)),
            properties: options.fields.select(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_on_character_boundaries() {
        // (text, mention, chars each side, context, start, end)
        let cases: &[(&str, &str, usize, &str, usize, usize)] = &[
            ("Путин сказал", "Путин", 3, "Путин ск", 0, 5),
            ("сказал Путин", "Путин", 3, "ал Путин", 3, 8),
            ("«Путин»", "Путин", 1, "«Путин»", 1, 6),
            ("ab Kim cd", "Kim", 0, "Kim", 0, 3),
            ("ab Kim cd", "Kim", 99, "ab Kim cd", 3, 6),
            (
                "日本の岸田文雄首相",
                "岸田文雄",
                2,
                "本の岸田文雄首相",
                2,
                6,
            ),
        ];
        for &(text, name, n, want, s, e) in cases {
            let start = text.find(name).unwrap();
            let c = Context::around(text, start, start + name.len(), n);
            assert_eq!((c.text, c.start, c.end), (want, s, e), "{text:?} {n}");
            let sliced: String = c.text.chars().skip(c.start).take(c.end - c.start).collect();
            assert_eq!(sliced, name);
        }
    }

    #[test]
    fn fields_select_present_names_only() {
        let mut e = Entity::new("x", "X", crate::gazetteer::EntityType::Person);
        e.properties
            .insert("dob".into(), serde_json::json!(["1952"]));
        e.properties
            .insert("gender".into(), serde_json::json!("Male"));
        assert_eq!(Fields::None.select(&e), None);
        let some = Fields::parse("dob,imo").select(&e).unwrap();
        assert_eq!(
            serde_json::Value::Object(some),
            serde_json::json!({"dob": ["1952"]})
        );
        assert_eq!(Fields::All.select(&e).unwrap().len(), 2);
    }

    #[test]
    fn mention_ids_differ_by_each_part() {
        let id = mention_id("d", 1, 2, "e");
        assert!(id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        for other in [
            mention_id("d2", 1, 2, "e"),
            mention_id("d", 11, 2, "e"),
            mention_id("d", 1, 22, "e"),
            mention_id("d", 1, 2, "e2"),
            // The separators keep fields apart.
            mention_id("d\u{0}1", 2, 2, "e"),
        ] {
            assert_ne!(id, other);
        }
    }
}
