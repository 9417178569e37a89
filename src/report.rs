//! The coverage index: which entities are mentioned, in how many
//! documents, how often, first and last seen (`gazex report`).
//!
//! Built from a JSON Lines output ([`from_jsonl`]) or an SQLite index
//! ([`from_db`]); printed as an aligned table ([`Coverage::write_table`])
//! or CSV ([`Coverage::write_csv`]). Entities are ordered by documents,
//! then mentions (most first), then id.
//!
//! | field | meaning |
//! |---|---|
//! | `entity_id`, `entity_name`, `entity_type`, `lists` | the entity, as the records give it (`lists` joined with `;` in CSV) |
//! | `documents` | documents with at least one mention of it |
//! | `mentions` | its mentions |
//! | `first_doc`, `last_doc` | JSON Lines: the first and last document mentioning it in the file's order (which is `gazex extract`'s order, by path); SQLite: the least and greatest document id |
//! | `first_seen`, `last_seen` | SQLite only: the earliest and latest arrival in the index (`documents.first_indexed_at`, UTC) of a document mentioning it; a JSON Lines file has no time, so these are empty |
//!
//! Deleted documents (SQLite) are not counted.
//!
//! # Coverage over time
//!
//! `gazex report --by year|month` ([`timeline_from_db`],
//! [`timeline_from_jsonl`]) counts by the documents' dates (`doc_date`,
//! see [document dates](crate::output#document-dates)), for a coverage
//! timeline: one row per period and entity mentioned in it, periods in
//! calendar order, and within a period most documents first.
//!
//! | field | meaning |
//! |---|---|
//! | `period` | `YYYY` (`--by year`) or `YYYY-MM` (`--by month`); a document dated only by its year counts under `YYYY` with `--by month` too, kept apart from that year's months; `undated` for documents of an index not re-indexed since it had dates |
//! | `entity_id`, `entity_name`, `entity_type` | the entity |
//! | `documents`, `mentions` | documents of the period mentioning it, and its mentions in them |
//! | `period_documents` | every document of the period: from an index, all of them, with mentions or without, so `documents / period_documents` is the share of the period's coverage naming the entity; from a JSON Lines file, which holds only mentions, those with at least one mention |
//!
//! ```
//! let jsonl = r#"{"doc":"a.txt","entity_id":"x","entity_name":"X","entity_type":"person","lists":["L"]}
//! {"doc":"b.txt","entity_id":"x","entity_name":"X","entity_type":"person","lists":["L"]}
//! {"doc":"b.txt","entity_id":"x","entity_name":"X","entity_type":"person","lists":["L"]}
//! "#;
//! let c = gazex::report::from_jsonl(jsonl.as_bytes(), "out.jsonl").unwrap();
//! assert_eq!((c.entities[0].documents, c.entities[0].mentions), (2, 3));
//! assert_eq!(c.entities[0].last_doc, "b.txt");
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::output::csv::safe_cell;

/// One entity's coverage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EntityCoverage {
    /// Entity id.
    pub entity_id: String,
    /// Display name.
    pub entity_name: String,
    /// Type.
    pub entity_type: String,
    /// Lists and programs.
    pub lists: Vec<String>,
    /// Documents mentioning it.
    pub documents: usize,
    /// Mentions of it.
    pub mentions: usize,
    /// First document mentioning it.
    pub first_doc: String,
    /// Last document mentioning it.
    pub last_doc: String,
    /// Earliest arrival of a document mentioning it (SQLite only).
    pub first_seen: Option<String>,
    /// Latest arrival of a document mentioning it (SQLite only).
    pub last_seen: Option<String>,
}

/// The coverage of every mentioned entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// One row per entity, most documents first.
    pub entities: Vec<EntityCoverage>,
    /// Documents with at least one mention.
    pub documents: usize,
    /// Mentions in all.
    pub mentions: usize,
}

/// A report that could not be built; names the file (and line).
#[derive(Debug)]
pub struct ReportError {
    path: PathBuf,
    line: Option<u64>,
    kind: ReportErrorKind,
}

#[derive(Debug)]
enum ReportErrorKind {
    Io(io::Error),
    Json(serde_json::Error),
    Sqlite(rusqlite::Error),
    Undated(i64),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        match &self.kind {
            ReportErrorKind::Io(e) => write!(f, ": cannot read: {e}"),
            ReportErrorKind::Json(e) => write!(f, ": not a mention record: {e}"),
            ReportErrorKind::Sqlite(e) => write!(f, ": cannot read the index: {e}"),
            ReportErrorKind::Undated(v) => write!(
                f,
                ": index schema version {v} has no document dates; \
                 run `gazex extract --db` on it once to update it"
            ),
        }
    }
}

impl std::error::Error for ReportError {}

/// The fields of a record the report needs.
#[derive(Deserialize)]
struct Line {
    doc: String,
    entity_id: String,
    entity_name: String,
    entity_type: String,
    #[serde(default)]
    lists: Vec<String>,
}

/// The coverage of the records of a JSON Lines output read from `input`
/// (`name` is used in errors). Blank lines are skipped.
pub fn from_jsonl(input: impl BufRead, name: &str) -> Result<Coverage, ReportError> {
    let err = |line, kind| ReportError {
        path: PathBuf::from(name),
        line,
        kind,
    };
    let mut by_id: HashMap<String, (EntityCoverage, HashSet<String>)> = HashMap::new();
    let mut docs: HashSet<String> = HashSet::new();
    let mut mentions = 0;
    for (i, line) in input.lines().enumerate() {
        let n = i as u64 + 1;
        let line = line.map_err(|e| err(Some(n), ReportErrorKind::Io(e)))?;
        if line.trim().is_empty() {
            continue;
        }
        let r: Line =
            serde_json::from_str(&line).map_err(|e| err(Some(n), ReportErrorKind::Json(e)))?;
        mentions += 1;
        let (c, seen) = by_id.entry(r.entity_id.clone()).or_insert_with(|| {
            (
                EntityCoverage {
                    entity_id: r.entity_id,
                    entity_name: r.entity_name,
                    entity_type: r.entity_type,
                    lists: r.lists,
                    first_doc: r.doc.clone(),
                    ..EntityCoverage::default()
                },
                HashSet::new(),
            )
        });
        c.mentions += 1;
        if seen.insert(r.doc.clone()) {
            c.documents += 1;
        }
        c.last_doc.clone_from(&r.doc);
        docs.insert(r.doc);
    }
    Ok(Coverage::new(
        by_id.into_values().map(|(c, _)| c).collect(),
        docs.len(),
        mentions,
    ))
}

/// The coverage of the mentions in the SQLite index at `path` (opened
/// read-only), deleted documents left out.
pub fn from_db(path: &Path) -> Result<Coverage, ReportError> {
    let err = |e| ReportError {
        path: path.to_path_buf(),
        line: None,
        kind: ReportErrorKind::Sqlite(e),
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(err)?;
    let mut stmt = conn
        .prepare(
            "SELECT m.entity_id, m.entity_name, m.entity_type, m.lists,
                    count(DISTINCT m.doc), count(*), min(m.doc), max(m.doc),
                    min(d.first_indexed_at), max(d.first_indexed_at)
             FROM mentions m JOIN documents d ON d.id = m.doc
             WHERE d.deleted = 0
             GROUP BY m.entity_id",
        )
        .map_err(err)?;
    let rows = stmt
        .query_map([], |r| {
            let lists: String = r.get(3)?;
            Ok(EntityCoverage {
                entity_id: r.get(0)?,
                entity_name: r.get(1)?,
                entity_type: r.get(2)?,
                lists: serde_json::from_str(&lists).unwrap_or_default(),
                documents: r.get::<_, i64>(4)? as usize,
                mentions: r.get::<_, i64>(5)? as usize,
                first_doc: r.get(6)?,
                last_doc: r.get(7)?,
                first_seen: r.get(8)?,
                last_seen: r.get(9)?,
            })
        })
        .map_err(err)?;
    let entities = rows.collect::<Result<Vec<_>, _>>().map_err(err)?;
    let (documents, mentions): (i64, i64) = conn
        .query_row(
            "SELECT count(DISTINCT m.doc), count(*) FROM mentions m
             JOIN documents d ON d.id = m.doc WHERE d.deleted = 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(err)?;
    Ok(Coverage::new(
        entities,
        documents as usize,
        mentions as usize,
    ))
}

/// The period a report by date counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// `YYYY`.
    Year,
    /// `YYYY-MM`.
    Month,
}

impl Period {
    /// Characters of a `doc_date` the period keeps.
    fn len(self) -> usize {
        match self {
            Period::Year => 4,
            Period::Month => 7,
        }
    }

    /// The period of `doc_date` (`undated` for none).
    pub fn of(self, doc_date: Option<&str>) -> String {
        match doc_date {
            Some(d) if !d.is_empty() => d.get(..self.len()).unwrap_or(d).to_string(),
            _ => UNDATED.to_string(),
        }
    }
}

/// The period of documents without a date.
pub const UNDATED: &str = "undated";

/// One entity's coverage in one period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PeriodCoverage {
    /// `YYYY`, `YYYY-MM`, or [`UNDATED`].
    pub period: String,
    /// Entity id.
    pub entity_id: String,
    /// Display name.
    pub entity_name: String,
    /// Type.
    pub entity_type: String,
    /// Documents of the period mentioning it.
    pub documents: usize,
    /// Its mentions in them.
    pub mentions: usize,
    /// Documents of the period (see the [module docs](self#coverage-over-time)).
    pub period_documents: usize,
}

/// Coverage by period ([`timeline_from_db`], [`timeline_from_jsonl`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// One row per period and entity, periods in order, most documents
    /// first within one.
    pub rows: Vec<PeriodCoverage>,
}

/// The fields of a record a timeline needs.
#[derive(Deserialize)]
struct DatedLine {
    doc: String,
    #[serde(default)]
    doc_date: Option<String>,
    entity_id: String,
    entity_name: String,
    entity_type: String,
}

/// Coverage by `period` of the records of a JSON Lines output read from
/// `input` (`name` is used in errors).
///
/// ```
/// use gazex::report::{timeline_from_jsonl, Period};
/// let jsonl = r#"{"doc":"a","doc_date":"1961-04-12","entity_id":"x","entity_name":"X","entity_type":"person"}
/// {"doc":"b","doc_date":"1961-05","entity_id":"x","entity_name":"X","entity_type":"person"}
/// {"doc":"b","doc_date":"1961-05","entity_id":"x","entity_name":"X","entity_type":"person"}
/// "#;
/// let t = timeline_from_jsonl(jsonl.as_bytes(), "out.jsonl", Period::Year).unwrap();
/// assert_eq!((t.rows[0].period.as_str(), t.rows[0].documents, t.rows[0].mentions), ("1961", 2, 3));
/// let t = timeline_from_jsonl(jsonl.as_bytes(), "out.jsonl", Period::Month).unwrap();
/// assert_eq!(t.rows.len(), 2);
/// ```
pub fn timeline_from_jsonl(
    input: impl BufRead,
    name: &str,
    period: Period,
) -> Result<Timeline, ReportError> {
    let err = |line, kind| ReportError {
        path: PathBuf::from(name),
        line,
        kind,
    };
    let mut rows: HashMap<(String, String), (PeriodCoverage, HashSet<String>)> = HashMap::new();
    let mut period_docs: HashMap<String, HashSet<String>> = HashMap::new();
    for (i, line) in input.lines().enumerate() {
        let n = i as u64 + 1;
        let line = line.map_err(|e| err(Some(n), ReportErrorKind::Io(e)))?;
        if line.trim().is_empty() {
            continue;
        }
        let r: DatedLine =
            serde_json::from_str(&line).map_err(|e| err(Some(n), ReportErrorKind::Json(e)))?;
        let p = period.of(r.doc_date.as_deref());
        period_docs
            .entry(p.clone())
            .or_default()
            .insert(r.doc.clone());
        let (c, docs) = rows
            .entry((p.clone(), r.entity_id.clone()))
            .or_insert_with(|| {
                (
                    PeriodCoverage {
                        period: p,
                        entity_id: r.entity_id,
                        entity_name: r.entity_name,
                        entity_type: r.entity_type,
                        ..PeriodCoverage::default()
                    },
                    HashSet::new(),
                )
            });
        c.mentions += 1;
        if docs.insert(r.doc) {
            c.documents += 1;
        }
    }
    let totals = period_docs.into_iter().map(|(p, d)| (p, d.len())).collect();
    Ok(Timeline::new(
        rows.into_values().map(|(c, _)| c).collect(),
        &totals,
    ))
}

/// Coverage by `period` of the mentions in the SQLite index at `path`
/// (opened read-only), deleted documents left out.
pub fn timeline_from_db(path: &Path, period: Period) -> Result<Timeline, ReportError> {
    let err = |kind| ReportError {
        path: path.to_path_buf(),
        line: None,
        kind,
    };
    let sql = |e| err(ReportErrorKind::Sqlite(e));
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql)?;
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .map_err(sql)?;
    if let Some(v) = version
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|&v| v < 2)
    {
        return Err(err(ReportErrorKind::Undated(v)));
    }
    let len = period.len() as i64;
    let mut totals = BTreeMap::new();
    {
        let mut stmt = conn
            .prepare(
                "SELECT substr(date, 1, ?1), count(*) FROM documents WHERE deleted = 0 GROUP BY 1",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([len], |r| {
                Ok((
                    period.of(r.get::<_, Option<String>>(0)?.as_deref()),
                    r.get::<_, i64>(1)? as usize,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (p, n) = row.map_err(sql)?;
            *totals.entry(p).or_insert(0) += n;
        }
    }
    let mut stmt = conn
        .prepare(
            "SELECT substr(d.date, 1, ?1), m.entity_id, min(m.entity_name), min(m.entity_type),
                    count(DISTINCT m.doc), count(*)
             FROM mentions m JOIN documents d ON d.id = m.doc
             WHERE d.deleted = 0
             GROUP BY 1, m.entity_id",
        )
        .map_err(sql)?;
    let rows = stmt
        .query_map([len], |r| {
            Ok(PeriodCoverage {
                period: period.of(r.get::<_, Option<String>>(0)?.as_deref()),
                entity_id: r.get(1)?,
                entity_name: r.get(2)?,
                entity_type: r.get(3)?,
                documents: r.get::<_, i64>(4)? as usize,
                mentions: r.get::<_, i64>(5)? as usize,
                period_documents: 0,
            })
        })
        .map_err(sql)?;
    let rows = rows.collect::<Result<Vec<_>, _>>().map_err(sql)?;
    Ok(Timeline::new(rows, &totals.into_iter().collect()))
}

impl Timeline {
    fn new(mut rows: Vec<PeriodCoverage>, totals: &HashMap<String, usize>) -> Timeline {
        for r in &mut rows {
            r.period_documents = totals.get(&r.period).copied().unwrap_or(0);
        }
        // Undated last; "1961" before "1961-01".
        rows.sort_by(|a, b| {
            (a.period == UNDATED, &a.period)
                .cmp(&(b.period == UNDATED, &b.period))
                .then(b.documents.cmp(&a.documents))
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        Timeline { rows }
    }

    fn cells(r: &PeriodCoverage) -> [String; 7] {
        [
            r.period.clone(),
            r.entity_id.clone(),
            r.entity_name.clone(),
            r.entity_type.clone(),
            r.documents.to_string(),
            r.mentions.to_string(),
            r.period_documents.to_string(),
        ]
    }

    /// Writes CSV with a header row: `period, entity_id, entity_name,
    /// entity_type, documents, mentions, period_documents`.
    pub fn write_csv(&self, out: impl Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "period",
            "entity_id",
            "entity_name",
            "entity_type",
            "documents",
            "mentions",
            "period_documents",
        ])?;
        for r in &self.rows {
            w.write_record(Timeline::cells(r).iter().map(|c| safe_cell(c).into_owned()))?;
        }
        w.flush()
    }

    /// Writes an aligned table with a header.
    pub fn write_table(&self, mut out: impl Write) -> io::Result<()> {
        let header = [
            "period",
            "entity",
            "name",
            "type",
            "docs",
            "mentions",
            "period docs",
        ];
        let rows: Vec<[String; 7]> = self.rows.iter().map(Timeline::cells).collect();
        let mut widths = header.map(|h| h.chars().count());
        for r in &rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |out: &mut dyn Write, cells: [&str; 7]| -> io::Result<()> {
            let mut s = String::new();
            for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
                let pad = " ".repeat(w - c.chars().count());
                if i >= 4 {
                    // Counts align right.
                    s.push_str(&pad);
                    s.push_str(c);
                } else {
                    s.push_str(c);
                    s.push_str(&pad);
                }
                s.push_str("  ");
            }
            writeln!(out, "{}", s.trim_end())
        };
        line(&mut out, header)?;
        for r in &rows {
            line(&mut out, r.each_ref().map(String::as_str))?;
        }
        Ok(())
    }
}

impl Coverage {
    fn new(mut entities: Vec<EntityCoverage>, documents: usize, mentions: usize) -> Coverage {
        entities.sort_by(|a, b| {
            b.documents
                .cmp(&a.documents)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        Coverage {
            entities,
            documents,
            mentions,
        }
    }

    /// Writes an aligned table with a header and a total line. Columns
    /// `first seen`/`last seen` appear when the report has times (SQLite),
    /// `first doc`/`last doc` otherwise.
    pub fn write_table(&self, mut out: impl Write) -> io::Result<()> {
        let timed = self.entities.iter().any(|e| e.first_seen.is_some());
        let header: [&str; 7] = if timed {
            [
                "docs",
                "mentions",
                "entity",
                "type",
                "name",
                "first seen",
                "last seen",
            ]
        } else {
            [
                "docs",
                "mentions",
                "entity",
                "type",
                "name",
                "first doc",
                "last doc",
            ]
        };
        let rows: Vec<[String; 7]> = self
            .entities
            .iter()
            .map(|e| {
                let (first, last) = if timed {
                    (
                        e.first_seen.clone().unwrap_or_default(),
                        e.last_seen.clone().unwrap_or_default(),
                    )
                } else {
                    (e.first_doc.clone(), e.last_doc.clone())
                };
                [
                    e.documents.to_string(),
                    e.mentions.to_string(),
                    e.entity_id.clone(),
                    e.entity_type.clone(),
                    e.entity_name.clone(),
                    first,
                    last,
                ]
            })
            .collect();
        let mut widths = header.map(|h| h.chars().count());
        for r in &rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |out: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
            let mut s = String::new();
            for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
                let pad = w - c.chars().count();
                if i < 2 {
                    // Counts align right.
                    s.push_str(&" ".repeat(pad));
                    s.push_str(c);
                } else {
                    s.push_str(c);
                    if i + 1 < cells.len() {
                        s.push_str(&" ".repeat(pad));
                    }
                }
                if i + 1 < cells.len() {
                    s.push_str("  ");
                }
            }
            writeln!(out, "{}", s.trim_end())
        };
        line(&mut out, &header)?;
        for r in &rows {
            line(&mut out, &r.each_ref().map(String::as_str))?;
        }
        writeln!(
            out,
            "{} entities mentioned {} times in {} documents",
            self.entities.len(),
            self.mentions,
            self.documents
        )
    }

    /// Writes CSV with a header row: `entity_id, entity_name, entity_type,
    /// lists, documents, mentions, first_doc, last_doc, first_seen,
    /// last_seen` (`lists` joined with `;`).
    pub fn write_csv(&self, out: impl Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "entity_id",
            "entity_name",
            "entity_type",
            "lists",
            "documents",
            "mentions",
            "first_doc",
            "last_doc",
            "first_seen",
            "last_seen",
        ])?;
        for e in &self.entities {
            let cells = [
                e.entity_id.as_str(),
                &e.entity_name,
                &e.entity_type,
                &e.lists.join(";"),
                &e.documents.to_string(),
                &e.mentions.to_string(),
                &e.first_doc,
                &e.last_doc,
                e.first_seen.as_deref().unwrap_or(""),
                e.last_seen.as_deref().unwrap_or(""),
            ];
            w.write_record(cells.iter().map(|c| safe_cell(c).into_owned()))?;
        }
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_order_and_errors() {
        let rec = |doc: &str, id: &str| {
            format!(
                r#"{{"doc":"{doc}","entity_id":"{id}","entity_name":"N {id}","entity_type":"person","lists":[]}}"#
            )
        };
        let text = [
            rec("a", "x"),
            rec("a", "y"),
            rec("b", "y"),
            rec("c", "y"),
            rec("c", "x"),
            rec("c", "x"),
        ]
        .join("\n");
        let c = from_jsonl(text.as_bytes(), "t").unwrap();
        assert_eq!((c.documents, c.mentions), (3, 6));
        let y = &c.entities[0];
        assert_eq!((y.entity_id.as_str(), y.documents, y.mentions), ("y", 3, 3));
        let x = &c.entities[1];
        assert_eq!((x.documents, x.mentions), (2, 3));
        assert_eq!((x.first_doc.as_str(), x.last_doc.as_str()), ("a", "c"));

        let mut table = Vec::new();
        c.write_table(&mut table).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(table.starts_with("docs  mentions  entity  type    name  first doc  last doc\n"));
        assert!(table.ends_with("2 entities mentioned 6 times in 3 documents\n"));

        let e = from_jsonl("\n{}\n".as_bytes(), "bad.jsonl").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("bad.jsonl:2: not a mention record"),
            "{e}"
        );
    }

    #[test]
    fn timeline_periods_and_order() {
        let rec = |doc: &str, date: Option<&str>, id: &str| {
            let date = date.map_or("null".to_string(), |d| format!("{d:?}"));
            format!(
                r#"{{"doc":"{doc}","doc_date":{date},"entity_id":"{id}","entity_name":"N {id}","entity_type":"person"}}"#
            )
        };
        let text = [
            rec("a", Some("1962-10-23"), "x"),
            rec("a", Some("1962-10-23"), "y"),
            rec("b", Some("1962-11-01"), "y"),
            rec("c", Some("1962"), "y"),
            rec("d", Some("1961-01-20"), "x"),
            rec("e", None, "x"),
        ]
        .join("\n");
        let t = timeline_from_jsonl(text.as_bytes(), "t", Period::Year).unwrap();
        let got: Vec<(&str, &str, usize, usize, usize)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.period.as_str(),
                    r.entity_id.as_str(),
                    r.documents,
                    r.mentions,
                    r.period_documents,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("1961", "x", 1, 1, 1),
                ("1962", "y", 3, 3, 3),
                ("1962", "x", 1, 1, 3),
                ("undated", "x", 1, 1, 1),
            ]
        );
        let t = timeline_from_jsonl(text.as_bytes(), "t", Period::Month).unwrap();
        let periods: Vec<&str> = t.rows.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(
            periods,
            ["1961-01", "1962", "1962-10", "1962-10", "1962-11", "undated"]
        );
        let mut table = Vec::new();
        t.write_table(&mut table).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(
            table.starts_with("period   entity  name  type    docs  mentions  period docs\n"),
            "{table}"
        );
    }

    #[test]
    fn a_schema_1_index_has_no_dates_to_count() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("old.db");
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO meta VALUES ('schema_version', '1');",
        )
        .unwrap();
        drop(conn);
        let e = timeline_from_db(&db, Period::Year).unwrap_err();
        assert!(
            e.to_string()
                .contains("schema version 1 has no document dates"),
            "{e}"
        );
    }
}
