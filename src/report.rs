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
//! ```
//! let jsonl = r#"{"doc":"a.txt","entity_id":"x","entity_name":"X","entity_type":"person","lists":["L"]}
//! {"doc":"b.txt","entity_id":"x","entity_name":"X","entity_type":"person","lists":["L"]}
//! {"doc":"b.txt","entity_id":"x","entity_name":"X","entity_type":"person","lists":["L"]}
//! "#;
//! let c = gazex::report::from_jsonl(jsonl.as_bytes(), "out.jsonl").unwrap();
//! assert_eq!((c.entities[0].documents, c.entities[0].mentions), (2, 3));
//! assert_eq!(c.entities[0].last_doc, "b.txt");
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

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
            w.write_record([
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
            ])?;
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
}
