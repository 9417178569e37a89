//! CSV output: one row per mention, the fields of the
//! [record](super#the-mention-record), with a header row.
//!
//! The columns are always the same, in this order, whatever the flags
//! ([`COLUMNS`]); a field the record lacks is an empty cell:
//!
//! `mention_id, doc, doc_date, doc_date_source, start, end, char_start,
//! char_end, text, entity_id, entity_name, entity_type, alias, lists,
//! match, confidence, reasons, evidence_kind,
//! evidence_start, evidence_end, candidates, context_text, context_start,
//! context_end, properties`
//!
//! Nested fields are flattened so that a spreadsheet shows them plainly:
//!
//! - `lists`, `reasons` and `candidates`: the strings joined with `;`
//!   (`DPRK;DPRK3`); for `candidates` their ids only (JSON Lines and SQLite
//!   carry each candidate's confidence and reasons).
//!   List names and entity ids are codes; none in the bundled gazetteers
//!   holds a `;`, and a gazetteer whose names do would make these cells
//!   ambiguous (use JSON Lines or SQLite for such data).
//! - `evidence`: three columns, `evidence_kind`, `evidence_start`,
//!   `evidence_end`.
//! - `context` (with `--context`): `context_text`, `context_start`,
//!   `context_end`.
//! - `properties` (with `--fields`): the JSON object as text, since
//!   property values are arrays and objects.
//!
//! Cells are quoted where needed (RFC 4180: commas, quotes, line breaks,
//! which mention text and context may hold). Rows are ordered as the JSON
//! lines are.
//!
//! # Formulas
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a
//! tab or carriage return before one) as a formula, and a document id, a
//! mention's context or a gazetteer name can start so
//! (`=HYPERLINK("http://…")`). Every text cell of gazex's CSV, here and in
//! `gazex report --csv` ([`crate::report`]), passes through [`safe_cell`],
//! which puts a `'` before such a value, as OWASP advises against CSV
//! injection: the spreadsheet shows it as text, and the `'` marks where a
//! value was changed. Numbers are written as they are.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::{Record, RecordOptions, Sink};
use crate::date::{DateSource, DocDate};
use crate::document::Document;
use crate::{Matcher, Mention};

/// The header row.
pub const COLUMNS: [&str; 25] = [
    "mention_id",
    "doc",
    "doc_date",
    "doc_date_source",
    "start",
    "end",
    "char_start",
    "char_end",
    "text",
    "entity_id",
    "entity_name",
    "entity_type",
    "alias",
    "lists",
    "match",
    "confidence",
    "reasons",
    "evidence_kind",
    "evidence_start",
    "evidence_end",
    "candidates",
    "context_text",
    "context_start",
    "context_end",
    "properties",
];

/// The first characters that make a spreadsheet read a cell as a formula
/// (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet shows it as text: with a `'` in front when it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return (see
/// [Formulas](self#formulas)); unchanged otherwise.
///
/// ```
/// use gazex::output::csv::safe_cell;
/// assert_eq!(safe_cell("=1+2"), "'=1+2");
/// assert_eq!(safe_cell("Putin"), "Putin");
/// ```
pub fn safe_cell(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn safe<S: Serializer>(v: &impl AsRef<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&safe_cell(v.as_ref()))
}

fn safe_opt<S: Serializer, T: AsRef<str>>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => safe(v, s),
        None => s.serialize_none(),
    }
}

/// One CSV row: a [`Record`] flattened, its text cells through
/// [`safe_cell`].
#[derive(Clone, Debug, Serialize)]
pub struct Row<'a> {
    mention_id: &'a str,
    #[serde(serialize_with = "safe")]
    doc: &'a str,
    doc_date: DocDate,
    doc_date_source: DateSource,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    #[serde(serialize_with = "safe")]
    text: &'a str,
    #[serde(serialize_with = "safe")]
    entity_id: &'a str,
    #[serde(serialize_with = "safe")]
    entity_name: &'a str,
    #[serde(serialize_with = "safe")]
    entity_type: &'a str,
    #[serde(serialize_with = "safe")]
    alias: &'a str,
    #[serde(serialize_with = "safe")]
    lists: String,
    #[serde(rename = "match")]
    kind: &'a str,
    confidence: f64,
    #[serde(serialize_with = "safe")]
    reasons: String,
    #[serde(serialize_with = "safe_opt")]
    evidence_kind: Option<&'a str>,
    evidence_start: Option<usize>,
    evidence_end: Option<usize>,
    #[serde(serialize_with = "safe")]
    candidates: String,
    #[serde(serialize_with = "safe_opt")]
    context_text: Option<&'a str>,
    context_start: Option<usize>,
    context_end: Option<usize>,
    #[serde(serialize_with = "safe_opt")]
    properties: Option<String>,
}

impl<'a> Row<'a> {
    /// The row of `r`.
    pub fn new(r: &'a Record<'a>) -> Row<'a> {
        Row {
            mention_id: &r.mention_id,
            doc: r.doc,
            doc_date: r.doc_date,
            doc_date_source: r.doc_date_source,
            start: r.start,
            end: r.end,
            char_start: r.char_start,
            char_end: r.char_end,
            text: r.text,
            entity_id: r.entity_id,
            entity_name: r.entity_name,
            entity_type: r.entity_type,
            alias: r.alias,
            lists: r.lists.join(";"),
            kind: r.kind,
            confidence: r.confidence,
            reasons: r.reasons.join(";"),
            evidence_kind: r.evidence.as_ref().map(|e| e.kind),
            evidence_start: r.evidence.as_ref().map(|e| e.start),
            evidence_end: r.evidence.as_ref().map(|e| e.end),
            candidates: r
                .candidates
                .iter()
                .map(|c| c.entity_id)
                .collect::<Vec<_>>()
                .join(";"),
            context_text: r.context.as_ref().map(|c| c.text),
            context_start: r.context.as_ref().map(|c| c.start),
            context_end: r.context.as_ref().map(|c| c.end),
            properties: r
                .properties
                .as_ref()
                .map(|p| serde_json::Value::Object(p.clone()).to_string()),
        }
    }
}

/// A [`Sink`] writing CSV to `W`: the header row first (also when there is
/// no mention), then each document's rows, formatted on the workers.
#[derive(Debug)]
pub struct CsvSink<W> {
    out: W,
    options: RecordOptions,
    header_written: bool,
}

impl<W: Write> CsvSink<W> {
    /// A sink writing records with what `options` asks for to `out`.
    pub fn new(out: W, options: RecordOptions) -> CsvSink<W> {
        CsvSink {
            out,
            options,
            header_written: false,
        }
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            let mut w = csv::Writer::from_writer(&mut self.out);
            w.write_record(COLUMNS)?;
            w.flush()?;
            self.header_written = true;
        }
        Ok(())
    }
}

impl<W: Write> Sink for CsvSink<W> {
    type Item = Vec<u8>;

    fn prepare(&self, doc: &Document, matcher: &Matcher, mentions: &[Mention]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        for m in mentions {
            let record = Record::with_options(doc, matcher, m, &self.options);
            w.serialize(Row::new(&record))
                .expect("a CSV row of plain fields always serializes");
        }
        w.into_inner().expect("writing to a Vec cannot fail")
    }

    fn write(&mut self, item: Vec<u8>) -> io::Result<()> {
        self.header()?;
        self.out.write_all(&item)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Entity, EntityType, Gazetteer};

    #[test]
    fn header_and_quoted_rows() {
        let mut e = Entity::new("ofac-1", "Kim Jong Un", EntityType::Person);
        e.lists = vec!["DPRK".into(), "DPRK3".into()];
        let matcher = Matcher::new(&Gazetteer::from_entities([e]));
        let mut doc = Document::plain("a, b.txt", "Kim Jong Un said \"no\".".to_string());
        doc.date = DocDate::ym(1961, 4);
        doc.date_source = DateSource::Field;
        let mentions = matcher.find(&doc.text);
        let mut sink = CsvSink::new(Vec::new(), RecordOptions::default());
        let item = sink.prepare(&doc, &matcher, &mentions);
        sink.write(item).unwrap();
        sink.finish().unwrap();
        let out = String::from_utf8(sink.into_inner()).unwrap();
        let mut lines = out.lines();
        assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
        let row = lines.next().unwrap();
        assert!(
            row.contains(",\"a, b.txt\",1961-04,field,0,11,0,11,Kim Jong Un,ofac-1,"),
            "{row}"
        );
        assert!(row.contains(",DPRK;DPRK3,exact,"), "{row}");
        assert!(lines.next().is_none());
    }

    #[test]
    fn formula_cells_are_neutralized() {
        for (cell, safe) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("a=1", "a=1"),
            ("", ""),
            ("'=1", "'=1"),
        ] {
            assert_eq!(safe_cell(cell), safe, "{cell:?}");
        }
    }

    #[test]
    fn header_without_mentions() {
        let mut sink = CsvSink::new(Vec::new(), RecordOptions::default());
        sink.finish().unwrap();
        assert_eq!(
            String::from_utf8(sink.into_inner()).unwrap(),
            format!("{}\n", COLUMNS.join(","))
        );
    }
}
