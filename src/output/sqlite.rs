//! An SQLite index of documents, entities and mentions, updated
//! incrementally (`gazex extract --db FILE`).
//!
//! # Tables
//!
//! ```sql
//! meta      (key TEXT PRIMARY KEY, value TEXT)
//! documents (id TEXT PRIMARY KEY, content_hash TEXT, size INTEGER,
//!            indexed_at TEXT, first_indexed_at TEXT, settings TEXT,
//!            mentions INTEGER,
//!            deleted INTEGER, deleted_at TEXT,
//!            date TEXT, date_source TEXT, source TEXT)
//! entities  (id TEXT PRIMARY KEY, name TEXT, type TEXT, lists TEXT,
//!            aliases TEXT, properties TEXT)
//! mentions  (mention_id TEXT PRIMARY KEY, doc TEXT, start INTEGER,
//!            "end" INTEGER, char_start INTEGER, char_end INTEGER, text TEXT,
//!            entity_id TEXT, entity_name TEXT, entity_type TEXT, alias TEXT,
//!            lists TEXT, "match" TEXT, confidence REAL, reasons TEXT,
//!            evidence_kind TEXT,
//!            evidence_start INTEGER, evidence_end INTEGER, candidates TEXT,
//!            context_text TEXT, context_start INTEGER, context_end INTEGER,
//!            properties TEXT)
//! runs      (id INTEGER PRIMARY KEY, started_at TEXT, finished_at TEXT,
//!            gazex_version TEXT, gazetteer_hash TEXT, paths TEXT,
//!            new INTEGER, changed INTEGER, unchanged INTEGER,
//!            deleted INTEGER, failed INTEGER, mentions_written INTEGER)
//! ```
//!
//! - `documents.id` is the record's `doc`; `content_hash` the XXH3-128 of
//!   the source bytes (32 hex digits; for a text read in windows, of the
//!   whole file as stored, a `.gz` file's compressed bytes, see
//!   [`Document::whole_hash`]), `size` its length in bytes,
//!   `indexed_at` when its mentions were computed (UTC,
//!   `YYYY-MM-DDTHH:MM:SSZ`, the start of that run), `first_indexed_at`
//!   when the document first came into the index (kept through changes
//!   and re-scans: its arrival), `settings` what they
//!   were computed with (below), `mentions` how many there are; `date`
//!   and `date_source` are the document's date and its source, as the
//!   records' `doc_date` and `doc_date_source` give them (see [document
//!   dates](super#document-dates)): the date the mentions were resolved as
//!   of; `source` the input it was read from (a JSON Lines record's file,
//!   `-`, else its id), added when a run opens an index written before it
//!   was kept (NULL there until the document is next seen: rows of unknown
//!   source are taken to be their own input's).
//! - `entities`: every entity of the gazetteers of the last run; `lists`
//!   and `aliases` (name strings) are JSON arrays, `properties` a JSON
//!   object holding every property, whatever `--fields` says.
//! - `mentions`: one row per mention, the columns being the
//!   [record's fields](super#the-mention-record) (`end` and `match` are
//!   SQL keywords but usable as column names); `evidence` and `context`
//!   are flattened as in [CSV](super::csv); `lists`, `reasons`,
//!   `candidates` (NULL when none; objects with each candidate's
//!   confidence and reasons) and `properties` are JSON text. Indexed by `entity_id` and
//!   by `doc`. The document's date is not repeated on every mention: it is
//!   `documents.date` (join on `doc`).
//! - `meta`: `schema_version`, and the `gazex_version`, `gazetteer_hash`,
//!   `record_options` and `settings` of the last run.
//! - `runs`: one row per completed run, with what it did.
//!
//! # Schema versions
//!
//! This version writes schema 2. An index of schema 1 (before documents
//! had dates) is migrated when a run opens it: `date` and `date_source`
//! are added (NULL) and every document is marked stale, so each is
//! matched again, and dated, when next indexed; the migration is part of
//! the run's transaction. An index of any other version is refused with a
//! message naming both versions.
//!
//! # Incremental indexing
//!
//! Re-running into the same file brings it up to date for the paths given:
//!
//! - A document whose content hash, settings and date are those stored is
//!   **unchanged**: it is read and hashed, not matched, and its rows are
//!   left as they are (its `indexed_at` too). A document dated by the run
//!   (`date_source` `run`) keeps the date of the run that matched it while
//!   it stays unchanged; one whose date or its source changed (another
//!   `--date`, `--date-field`) is matched again.
//!   A text read in windows is keyed on the hash of the whole file as
//!   stored, read before its windows ([`Document::whole_hash`]): all its
//!   windows are unchanged, or none; one from standard input (no such
//!   hash) is always matched again.
//! - A **new** or **changed** document is matched; its row is replaced and
//!   its mentions are deleted and inserted anew.
//! - An id the index holds for a document of **another input** (its
//!   `source`) is taken ([`Sink::holder`]): the pipeline gives a JSON Lines
//!   record its qualified id (`file#id`) as when both are read in one run,
//!   and reports a document that cannot be renamed, so that no run writes
//!   one input's mentions over another's.
//! - A document held under one of the run's paths (its id is the path, or
//!   starts with the path and `/`) that the run did not see is
//!   **deleted**: flagged (`deleted = 1`, `deleted_at`), its mentions
//!   removed, its row kept so that a researcher sees that it went. A
//!   document outside the run's paths is left alone: indexing `corpus/a`
//!   does not delete `corpus/b`. Ids are paths *as given*: index with the
//!   same spelling of the paths every time (`corpus`, not sometimes
//!   `./corpus`), or each spelling is a document of its own.
//! - An input that failed in this run (unreadable, not text, or a path
//!   that could not be walked) is left as it was: a passing read error must
//!   not wipe a document's mentions. So is a text read in windows that
//!   ends in an error (a truncated `.gz`): its windows are written inside
//!   a savepoint, rolled back when the error follows them.
//! - The **settings** are a hash of the gazetteers' content
//!   ([`crate::gazetteer::content_hash`]), gazex's version
//!   and the record options (`--context`, `--fields`). When they change,
//!   every document of the run is matched again; each document row keeps
//!   the settings it was indexed with, so documents outside the run's
//!   paths remain recognizably stale (`settings` differs from the
//!   `settings` in `meta`) and are re-scanned when next indexed.
//!
//! # Transactions
//!
//! A run writes in **one transaction, committed at the end** of a run that
//! completed. An interrupted run (killed, a full disk, a crash) leaves the
//! database exactly as the previous completed run left it: no half-written
//! index can look complete, and the next run simply does the work again.
//! Per-batch commits with a run-status row would keep an interrupted run's
//! progress, but every reader would then have to check that status to
//! know whether it looks at a whole index; with incremental runs the lost
//! work is small, so simplicity wins. The transaction is taken
//! immediately (`BEGIN IMMEDIATE`): a second run into the same file waits
//! a few seconds, then fails with a message rather than interleaving.
//!
//! # Example
//!
//! ```
//! use gazex::gazetteer::{Entity, EntityType, Gazetteer};
//! use gazex::output::sqlite::SqliteSink;
//! use gazex::output::{RecordOptions, Sink};
//! use gazex::document::Document;
//! use gazex::Matcher;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let db = dir.path().join("index.db");
//! let g = Gazetteer::from_entities([Entity::new("ofac-35096", "Vladimir Putin", EntityType::Person)]);
//! let matcher = Matcher::new(&g);
//! let doc = Document::plain("news/a.txt", "Vladimir Putin spoke.".to_string());
//!
//! let mut sink = SqliteSink::open(&db, g.entities(), RecordOptions::default(), &["news".into()]).unwrap();
//! let item = sink.prepare(&doc, &matcher, &matcher.find(&doc.text));
//! sink.write(item).unwrap();
//! sink.finish().unwrap();
//! assert_eq!(sink.summary().new, 1);
//!
//! // Again: the document is unchanged and is not matched.
//! let mut sink = SqliteSink::open(&db, g.entities(), RecordOptions::default(), &["news".into()]).unwrap();
//! assert!(sink.unchanged(&doc).is_some());
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};

use super::{Record, RecordOptions, Sink};
use crate::date::{DateSource, DocDate};
use crate::document::Document;
use crate::gazetteer::{content_hash, Entity};
use crate::{InputError, Matcher, Mention};

/// The schema this version writes and reads.
pub const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    indexed_at TEXT NOT NULL,
    first_indexed_at TEXT NOT NULL,
    settings TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    deleted_at TEXT,
    date TEXT,
    date_source TEXT,
    source TEXT
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    lists TEXT NOT NULL,
    aliases TEXT NOT NULL,
    properties TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    entity_name TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    alias TEXT NOT NULL,
    lists TEXT NOT NULL,
    "match" TEXT NOT NULL,
    confidence REAL NOT NULL DEFAULT 1,
    reasons TEXT NOT NULL DEFAULT '[]',
    evidence_kind TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    candidates TEXT,
    context_text TEXT,
    context_start INTEGER,
    context_end INTEGER,
    properties TEXT
);
CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_by_doc ON mentions(doc, start);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    gazex_version TEXT NOT NULL,
    gazetteer_hash TEXT NOT NULL,
    paths TEXT NOT NULL,
    new INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    mentions_written INTEGER NOT NULL
);
"#;

/// An index that could not be opened or written; names the file.
#[derive(Debug)]
pub struct IndexError {
    path: PathBuf,
    kind: IndexErrorKind,
}

#[derive(Debug)]
enum IndexErrorKind {
    Sqlite(rusqlite::Error),
    Schema(i64),
    /// `PRAGMA quick_check` found the file damaged: its first finding.
    Damaged(String),
}

impl IndexError {
    fn sqlite(path: &Path, err: rusqlite::Error) -> IndexError {
        IndexError {
            path: path.to_path_buf(),
            kind: IndexErrorKind::Sqlite(err),
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            IndexErrorKind::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy =>
            {
                write!(f, "{path}: the index is in use by another run")
            }
            IndexErrorKind::Sqlite(e) => write!(f, "{path}: {e}"),
            IndexErrorKind::Schema(v) => write!(
                f,
                "{path}: index schema version {v}, this gazex reads version {SCHEMA_VERSION}; \
                 index into a new file"
            ),
            IndexErrorKind::Damaged(what) => write!(
                f,
                "{path}: the index is damaged ({what}), nothing was written to it; \
                 restore it from a copy or index into a new file"
            ),
        }
    }
}

impl std::error::Error for IndexError {}

impl From<IndexError> for io::Error {
    fn from(e: IndexError) -> io::Error {
        io::Error::other(e)
    }
}

/// What one run did to the index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexSummary {
    /// Documents indexed for the first time (or again after deletion).
    pub new: usize,
    /// Documents whose content or settings changed, matched again.
    pub changed: usize,
    /// Documents skipped: same content, same settings.
    pub unchanged: usize,
    /// Documents flagged deleted in this run.
    pub deleted: usize,
    /// Inputs that failed, left as they were.
    pub failed: usize,
    /// Mention rows written.
    pub mentions_written: usize,
    /// Whether the gazetteers differ from the last run's (false for a new
    /// index).
    pub gazetteer_changed: bool,
}

/// What the index held for a document when the run began.
#[derive(Clone, Debug)]
struct Known {
    hash: String,
    /// The input it was read from (`None`: written by a gazex that did not
    /// keep it).
    source: Option<String>,
    settings: String,
    deleted: bool,
    date: Option<String>,
    date_source: Option<String>,
}

/// One mention row, owned (prepared on a worker).
#[derive(Clone, Debug)]
struct MentionRow {
    mention_id: String,
    start: i64,
    end: i64,
    char_start: i64,
    char_end: i64,
    text: String,
    entity_id: String,
    entity_name: String,
    entity_type: String,
    alias: String,
    lists: String,
    kind: &'static str,
    confidence: f64,
    reasons: String,
    evidence: Option<(&'static str, i64, i64)>,
    candidates: Option<String>,
    context: Option<(String, i64, i64)>,
    properties: Option<String>,
}

impl MentionRow {
    fn new(r: &Record<'_>) -> MentionRow {
        MentionRow {
            mention_id: r.mention_id.clone(),
            start: r.start as i64,
            end: r.end as i64,
            char_start: r.char_start as i64,
            char_end: r.char_end as i64,
            text: r.text.to_string(),
            entity_id: r.entity_id.to_string(),
            entity_name: r.entity_name.to_string(),
            entity_type: r.entity_type.to_string(),
            alias: r.alias.to_string(),
            lists: json(&r.lists),
            kind: r.kind,
            confidence: r.confidence,
            reasons: json(&r.reasons),
            evidence: r
                .evidence
                .as_ref()
                .map(|e| (e.kind, e.start as i64, e.end as i64)),
            candidates: (!r.candidates.is_empty()).then(|| json(&r.candidates)),
            context: r
                .context
                .as_ref()
                .map(|c| (c.text.to_string(), c.start as i64, c.end as i64)),
            properties: r.properties.as_ref().map(json),
        }
    }
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("plain values always serialize")
}

fn hex(h: u128) -> String {
    format!("{h:032x}")
}

/// One document's prepared output.
#[derive(Debug)]
pub struct Item(ItemKind);

#[derive(Debug)]
enum ItemKind {
    Unchanged {
        id: String,
        /// Not a later window of a text (counted once).
        first: bool,
        /// The input it was read from, to store where the index does not
        /// know it yet.
        source: Option<String>,
    },
    Indexed {
        /// A window of a text read in windows.
        window: bool,
        /// A later window of a text read in windows: add, don't replace.
        append: bool,
        id: String,
        /// The input it was read from ([`source_of`]).
        source: String,
        hash: String,
        size: i64,
        date: String,
        date_source: &'static str,
        mentions: Vec<MentionRow>,
    },
}

/// A [`Sink`] writing an SQLite index. See the [module docs](self).
#[derive(Debug)]
pub struct SqliteSink {
    path: PathBuf,
    // Written from one thread only (`write`, `finish`, through `get_mut`);
    // the mutex only makes the sink `Sync` for the workers, who never touch
    // the connection.
    conn: Mutex<Connection>,
    options: RecordOptions,
    roots: Vec<String>,
    known: HashMap<String, Known>,
    seen: HashSet<String>,
    /// Inputs that failed, without trailing separators ([`failed_input`]).
    failed: HashSet<String>,
    settings: String,
    gazetteer_hash: String,
    started_at: String,
    summary: IndexSummary,
    finished: bool,
    /// The text read in windows being written, inside a savepoint until
    /// its last window: an error ending it rolls its rows back.
    window: Option<OpenWindow>,
    /// An error rolling a window back, returned by the next write.
    pending: Option<rusqlite::Error>,
}

/// A text read in windows whose rows are being written.
#[derive(Debug)]
struct OpenWindow {
    id: String,
    /// Whether it counted as new (else changed).
    new: bool,
    /// Mention rows written so far.
    mentions: usize,
    /// Rolled back after an error: its later windows are not written.
    dropped: bool,
}

impl SqliteSink {
    /// Opens (creating if needed) the index at `path` for a run over the
    /// paths `roots` with the gazetteer `entities`, and begins the run's
    /// transaction. Nothing is committed before [`finish`](Sink::finish).
    pub fn open(
        path: &Path,
        entities: &[Entity],
        options: RecordOptions,
        roots: &[PathBuf],
    ) -> Result<SqliteSink, IndexError> {
        let err = |e| IndexError::sqlite(path, e);
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(err)?;
        conn.execute_batch("BEGIN IMMEDIATE").map_err(err)?;
        let has_meta: bool = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(err)?
            > 0;
        let meta = |key: &str| -> Result<Option<String>, IndexError> {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(err)
        };
        if has_meta {
            if let Some(what) = damage(&conn) {
                return Err(IndexError {
                    path: path.to_path_buf(),
                    kind: IndexErrorKind::Damaged(what),
                });
            }
            if let Some(v) = meta("schema_version")? {
                let v: i64 = v.parse().unwrap_or(-1);
                if v == 1 {
                    migrate_from_1(&conn).map_err(err)?;
                } else if v != SCHEMA_VERSION {
                    return Err(IndexError {
                        path: path.to_path_buf(),
                        kind: IndexErrorKind::Schema(v),
                    });
                }
            }
        }
        conn.execute_batch(SCHEMA).map_err(err)?;
        add_source_column(&conn).map_err(err)?;

        let gazetteer_hash = hex(content_hash(entities));
        let settings = hex(xxhash_rust::xxh3::xxh3_128(
            json(&serde_json::json!({
                "gazex": env!("CARGO_PKG_VERSION"),
                "gazetteer": gazetteer_hash,
                "record": options,
            }))
            .as_bytes(),
        ));
        let previous = meta("gazetteer_hash")?;
        let gazetteer_changed = previous.as_ref().is_some_and(|p| *p != gazetteer_hash);
        if previous.as_deref() != Some(&gazetteer_hash) {
            write_entities(&conn, entities).map_err(err)?;
        }
        if gazetteer_changed {
            drop_unlisted(&conn).map_err(err)?;
        }
        let mut known = HashMap::new();
        {
            let mut stmt = conn
                .prepare(
                    "SELECT id, content_hash, settings, deleted, date, date_source, source
                     FROM documents",
                )
                .map_err(err)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        Known {
                            hash: r.get(1)?,
                            settings: r.get(2)?,
                            deleted: r.get::<_, i64>(3)? != 0,
                            date: r.get(4)?,
                            date_source: r.get(5)?,
                            source: r.get(6)?,
                        },
                    ))
                })
                .map_err(err)?;
            for row in rows {
                let (id, k) = row.map_err(err)?;
                known.insert(id, k);
            }
        }
        let started_at: String = conn
            .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| {
                r.get(0)
            })
            .map_err(err)?;
        Ok(SqliteSink {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
            options,
            roots: roots.iter().map(|r| root_prefix(r)).collect(),
            known,
            seen: HashSet::new(),
            failed: HashSet::new(),
            settings,
            gazetteer_hash,
            started_at,
            summary: IndexSummary {
                gazetteer_changed,
                ..IndexSummary::default()
            },
            finished: false,
            window: None,
            pending: None,
        })
    }

    /// What the run did so far (all of it after [`finish`](Sink::finish)).
    pub fn summary(&self) -> &IndexSummary {
        &self.summary
    }

    fn conn(&mut self) -> &mut Connection {
        self.conn.get_mut().unwrap_or_else(|p| p.into_inner())
    }

    fn io_err(&self, e: rusqlite::Error) -> io::Error {
        IndexError::sqlite(&self.path, e).into()
    }

    /// Whether document `id` lies under one of the run's paths.
    fn in_scope(&self, id: &str) -> bool {
        self.roots.iter().any(|r| under(id, r))
    }

    #[allow(clippy::too_many_arguments)]
    fn write_document(
        &mut self,
        id: &str,
        source: &str,
        hash: &str,
        size: i64,
        date: (&str, &str),
        mentions: &[MentionRow],
        append: bool,
    ) -> rusqlite::Result<()> {
        let (at, settings) = (self.started_at.clone(), self.settings.clone());
        let conn = self.conn();
        if append {
            // A later window of the same text: its mentions add up.
            conn.prepare_cached(
                "UPDATE documents SET size = size + ?2, mentions = mentions + ?3 WHERE id = ?1",
            )?
            .execute(params![id, size, mentions.len() as i64])?;
        } else {
            conn.prepare_cached(
            "INSERT INTO documents (id, content_hash, size, indexed_at, first_indexed_at, settings,
               mentions, deleted, deleted_at, date, date_source, source)
             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, 0, NULL, ?7, ?8, ?9)
             ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash,
               size = excluded.size, indexed_at = excluded.indexed_at,
               settings = excluded.settings, mentions = excluded.mentions,
               deleted = 0, deleted_at = NULL, date = excluded.date,
               date_source = excluded.date_source, source = excluded.source",
        )?
        .execute(params![
            id,
            hash,
            size,
            at,
            settings,
            mentions.len() as i64,
            date.0,
            date.1,
            source
        ])?;
            conn.prepare_cached("DELETE FROM mentions WHERE doc = ?1")?
                .execute([id])?;
        }
        let mut insert = conn.prepare_cached(
            "INSERT INTO mentions (mention_id, doc, start, \"end\", char_start, char_end, text,
               entity_id, entity_name, entity_type, alias, lists, \"match\", confidence,
               reasons, evidence_kind, evidence_start, evidence_end, candidates, context_text,
               context_start, context_end, properties)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
               ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
        )?;
        for m in mentions {
            insert.execute(params![
                m.mention_id,
                id,
                m.start,
                m.end,
                m.char_start,
                m.char_end,
                m.text,
                m.entity_id,
                m.entity_name,
                m.entity_type,
                m.alias,
                m.lists,
                m.kind,
                m.confidence,
                m.reasons,
                m.evidence.map(|e| e.0),
                m.evidence.map(|e| e.1),
                m.evidence.map(|e| e.2),
                m.candidates,
                m.context.as_ref().map(|c| c.0.as_str()),
                m.context.as_ref().map(|c| c.1),
                m.context.as_ref().map(|c| c.2),
                m.properties,
            ])?;
        }
        Ok(())
    }

    /// Ends the open windowed text, if any: its rows stay (released from
    /// their savepoint), or were rolled back.
    fn close_window(&mut self) -> rusqlite::Result<()> {
        match self.window.take() {
            Some(w) if !w.dropped => self.conn().execute_batch("RELEASE SAVEPOINT window"),
            _ => Ok(()),
        }
    }

    /// An error ended the open windowed text `id`: what its windows wrote
    /// is rolled back, so the index keeps what it held for it.
    fn drop_window(&mut self, id: &str) -> rusqlite::Result<()> {
        let Some(w) = self.window.as_mut().filter(|w| w.id == id && !w.dropped) else {
            return Ok(());
        };
        w.dropped = true;
        let (new, mentions) = (w.new, w.mentions);
        if new {
            self.summary.new -= 1;
        } else {
            self.summary.changed -= 1;
        }
        self.summary.mentions_written -= mentions;
        self.conn()
            .execute_batch("ROLLBACK TO SAVEPOINT window; RELEASE SAVEPOINT window")
    }

    fn complete(&mut self) -> rusqlite::Result<()> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        self.close_window()?;
        // Documents of this run's paths that it did not see, and that did
        // not fail, are gone.
        let mut gone: Vec<String> = self
            .known
            .iter()
            .filter(|(id, k)| {
                !k.deleted
                    && !self.seen.contains(*id)
                    && self.in_scope(id)
                    && !failed_input(&self.failed, id)
            })
            .map(|(id, _)| id.clone())
            .collect();
        gone.sort();
        self.summary.deleted = gone.len();
        let at = self.started_at.clone();
        let summary = self.summary.clone();
        let roots = json(&self.roots);
        let gazetteer_hash = self.gazetteer_hash.clone();
        let meta = [
            ("schema_version", SCHEMA_VERSION.to_string()),
            ("gazex_version", env!("CARGO_PKG_VERSION").to_string()),
            ("gazetteer_hash", self.gazetteer_hash.clone()),
            ("record_options", json(&self.options)),
            ("settings", self.settings.clone()),
        ];
        let conn = self.conn();
        for id in &gone {
            conn.prepare_cached(
                "UPDATE documents SET deleted = 1, deleted_at = ?2, mentions = 0 WHERE id = ?1",
            )?
            .execute(params![id, at])?;
            conn.prepare_cached("DELETE FROM mentions WHERE doc = ?1")?
                .execute([id])?;
        }
        for (k, v) in meta {
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![k, v],
            )?;
        }
        conn.execute(
            "INSERT INTO runs (started_at, finished_at, gazex_version, gazetteer_hash, paths,
               new, changed, unchanged, deleted, failed, mentions_written)
             VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                at,
                env!("CARGO_PKG_VERSION"),
                gazetteer_hash,
                roots,
                summary.new as i64,
                summary.changed as i64,
                summary.unchanged as i64,
                summary.deleted as i64,
                summary.failed as i64,
                summary.mentions_written as i64,
            ],
        )?;
        conn.execute_batch("COMMIT")
    }
}

/// Brings a schema-1 index to schema 2: documents get their date columns
/// (NULL), mentions their `confidence` and `reasons`, and documents are all
/// marked stale (an empty `settings`) so that each is
/// matched again, and dated, when next indexed.
fn migrate_from_1(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "ALTER TABLE documents ADD COLUMN date TEXT;
         ALTER TABLE documents ADD COLUMN date_source TEXT;
         ALTER TABLE mentions ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
         ALTER TABLE mentions ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';
         UPDATE documents SET settings = '';",
    )
}

/// Adds `documents.source` to an index written before it was kept (a
/// nullable column: older versions still read and write the index, their
/// rows' sources unknown).
fn add_source_column(conn: &Connection) -> rusqlite::Result<()> {
    let has: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'source'",
        [],
        |r| r.get(0),
    )?;
    if has == 0 {
        conn.execute_batch("ALTER TABLE documents ADD COLUMN source TEXT")?;
    }
    Ok(())
}

/// The input `doc` was read from: a record's file, else its id (a path,
/// `-`).
fn source_of(doc: &Document) -> &str {
    doc.file.as_deref().unwrap_or(&doc.id)
}

/// The hash the index keys `doc` on: its source's; for a window, the
/// whole text's ([`Document::whole_hash`]), `None` where it was not read
/// (a text read in windows from standard input), so that it is never
/// taken for unchanged.
fn key_hash(doc: &Document) -> Option<u128> {
    match doc.window_start {
        None => Some(doc.source_hash),
        Some(_) => doc.whole_hash,
    }
}

/// Replaces the entities table.
fn write_entities(conn: &Connection, entities: &[Entity]) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM entities", [])?;
    let mut insert = conn.prepare(
        "INSERT OR IGNORE INTO entities (id, name, type, lists, aliases, properties)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for e in entities {
        let aliases: Vec<&str> = e.aliases.iter().map(|a| a.name.as_str()).collect();
        insert.execute(params![
            e.id,
            e.name,
            e.kind.as_str(),
            json(&e.lists),
            json(&aliases),
            json(&e.properties),
        ])?;
    }
    Ok(())
}

/// What `PRAGMA quick_check` finds wrong with the database, if anything
/// (its first finding, or the error it stopped at). Checked when an index
/// is opened, so that a damaged one is refused before a run writes more
/// into it; it reads every page once (about a second a gigabyte).
fn damage(conn: &Connection) -> Option<String> {
    match conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)) {
        Ok(found) if found == "ok" => None,
        // "*** in database main ***" then the finding, on lines of their own.
        Ok(found) => Some(
            found
                .lines()
                .filter(|l| !l.starts_with("***"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Err(e) => Some(e.to_string()),
    }
}

/// Removes the mentions of entities the gazetteers no longer have (after
/// [`write_entities`] of changed gazetteers), from every document, and
/// counts each document's mentions again: a document outside the run's
/// paths keeps its other mentions until it is matched again (the next run
/// over it, its settings having changed), but no run or report shows an
/// entity that is gone.
fn drop_unlisted(conn: &Connection) -> rusqlite::Result<()> {
    let dropped = conn.execute(
        "DELETE FROM mentions WHERE entity_id NOT IN (SELECT id FROM entities)",
        [],
    )?;
    if dropped > 0 {
        conn.execute(
            "UPDATE documents SET mentions =
                 (SELECT count(*) FROM mentions m WHERE m.doc = documents.id)",
            [],
        )?;
    }
    Ok(())
}

/// A run path as documents ids start with it: as given (written as a
/// document id is, [`crate::input::doc_name`]: a byte that is not UTF-8 as
/// `%XX`), without trailing separators.
fn root_prefix(p: &Path) -> String {
    let s = crate::input::doc_name(p);
    let t = s.trim_end_matches('/');
    if t.is_empty() {
        s
    } else {
        t.to_string()
    }
}

/// Whether document `id` is `root` or lies below it.
fn under(id: &str, root: &str) -> bool {
    match id.strip_prefix(root) {
        Some(rest) => rest.is_empty() || rest.starts_with('/') || root.ends_with('/'),
        None => false,
    }
}

/// Whether document `id` came from one of the inputs that `failed` (each
/// without trailing separators): is one, a file below one (`path/…`) or a
/// record in one (`path#…`, `path:…`). Looked up by the id's prefixes, in
/// time linear in the id, not in the failures (a scan of every failure
/// for every document gone made a run with 100k failing files
/// quadratic).
fn failed_input(failed: &HashSet<String>, id: &str) -> bool {
    if failed.is_empty() {
        return false;
    }
    failed.contains(id)
        || id
            .match_indices(['/', '#', ':'])
            .any(|(at, _)| failed.contains(&id[..at]))
}

/// Whether document `id` came from input `path` (the rule
/// `failed_input` follows, checked against it in the tests): the path itself, a file
/// below it, or a record in it (`path#…`, `path:…`).
#[cfg(test)]
fn under_input(id: &str, path: &str) -> bool {
    match id.strip_prefix(path.trim_end_matches('/')) {
        Some(rest) => rest.is_empty() || rest.starts_with(['/', '#', ':']),
        None => false,
    }
}

impl Sink for SqliteSink {
    type Item = Item;

    fn keys_windows(&self) -> bool {
        true
    }

    fn holder(&self, id: &str, input: &str) -> Option<String> {
        self.known
            .get(id)
            .filter(|k| !k.deleted)
            .and_then(|k| k.source.as_ref())
            .filter(|s| *s != input)
            .cloned()
    }

    fn unchanged(&self, doc: &Document) -> Option<Item> {
        // Every window of a text has the same key: all are unchanged, or
        // none.
        let hash = key_hash(doc)?;
        let k = self.known.get(&doc.id)?;
        // A document dated by the run keeps the date it was matched as of;
        // any other date must be the one stored.
        let source = doc.date_source.as_str();
        let same_date = k.date_source.as_deref() == Some(source)
            && (doc.date_source == DateSource::Run
                || k.date.as_deref() == doc.date.map(|d| d.to_string()).as_deref());
        (!k.deleted && same_date && k.settings == self.settings && k.hash == hex(hash)).then(|| {
            Item(ItemKind::Unchanged {
                id: doc.id.clone(),
                first: doc.window_start.is_none_or(|s| s == 0),
                source: k.source.is_none().then(|| source_of(doc).to_string()),
            })
        })
    }

    fn prepare(&self, doc: &Document, matcher: &Matcher, mentions: &[Mention]) -> Item {
        Item(ItemKind::Indexed {
            window: doc.window_start.is_some(),
            append: doc.window_start.is_some_and(|s| s > 0),
            id: doc.id.clone(),
            source: source_of(doc).to_string(),
            hash: hex(key_hash(doc).unwrap_or(doc.source_hash)),
            size: doc.source_len as i64,
            date: doc.date.unwrap_or_else(DocDate::today).to_string(),
            date_source: doc.date_source.as_str(),
            mentions: mentions
                .iter()
                .map(|m| MentionRow::new(&Record::with_options(doc, matcher, m, &self.options)))
                .collect(),
        })
    }

    fn write(&mut self, item: Item) -> io::Result<()> {
        if let Some(e) = self.pending.take() {
            return Err(self.io_err(e));
        }
        // The windowed text being written goes on only with its next window.
        let goes_on = match &item.0 {
            ItemKind::Indexed { append, id, .. } => {
                *append && self.window.as_ref().is_some_and(|w| w.id == *id)
            }
            ItemKind::Unchanged { .. } => false,
        };
        if !goes_on {
            self.close_window().map_err(|e| self.io_err(e))?;
        }
        match item.0 {
            ItemKind::Unchanged { id, first, source } => {
                if first {
                    self.summary.unchanged += 1;
                }
                if let Some(source) = source.filter(|_| first) {
                    self.conn()
                        .prepare_cached(
                            "UPDATE documents SET source = ?2 WHERE id = ?1 AND source IS NULL",
                        )
                        .and_then(|mut q| q.execute(params![id, source]))
                        .map_err(|e| self.io_err(e))?;
                }
                self.seen.insert(id);
            }
            ItemKind::Indexed {
                window,
                append,
                id,
                source,
                hash,
                size,
                date,
                date_source,
                mentions,
            } => {
                if self.window.as_ref().is_some_and(|w| w.dropped) {
                    // A later window of a text an error ended: the index
                    // keeps what it held.
                    return Ok(());
                }
                if !append {
                    let new = !matches!(self.known.get(&id), Some(k) if !k.deleted);
                    if new {
                        self.summary.new += 1;
                    } else {
                        self.summary.changed += 1;
                    }
                    if window {
                        // The text's windows are written in a savepoint,
                        // released with its last.
                        self.conn()
                            .execute_batch("SAVEPOINT window")
                            .map_err(|e| self.io_err(e))?;
                        self.window = Some(OpenWindow {
                            id: id.clone(),
                            new,
                            mentions: 0,
                            dropped: false,
                        });
                    }
                }
                self.write_document(
                    &id,
                    &source,
                    &hash,
                    size,
                    (&date, date_source),
                    &mentions,
                    append,
                )
                .map_err(|e| self.io_err(e))?;
                self.summary.mentions_written += mentions.len();
                if let Some(w) = self.window.as_mut() {
                    w.mentions += mentions.len();
                }
                self.seen.insert(id);
            }
        }
        Ok(())
    }

    fn failed(&mut self, error: &InputError) {
        self.summary.failed += 1;
        let name = crate::input::doc_name(&error.path);
        // A text read in windows that ends in an error (a truncated .gz)
        // keeps what the index held for it, not the part read.
        let done = if self.window.as_ref().is_some_and(|w| w.id == name) {
            self.drop_window(&name)
        } else {
            self.close_window()
        };
        if let Err(e) = done {
            self.pending.get_or_insert(e);
        }
        self.failed.insert(name.trim_end_matches('/').to_string());
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.pending.take() {
            Some(e) => Err(self.io_err(e)),
            None => Ok(()),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.finished {
            return Ok(());
        }
        self.complete().map_err(|e| self.io_err(e))?;
        self.finished = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_of_run_paths() {
        // (document id, run path, under it)
        let cases = [
            ("corpus/a.txt", "corpus", true),
            ("corpus/sub/a.txt", "corpus", true),
            ("corpus2/a.txt", "corpus", false),
            ("corpus/a.txt", "corpus/a.txt", true),
            ("corpus/a.txt.bak", "corpus/a.txt", false),
            ("./corpus/a.txt", "corpus", false),
            ("/abs/a.txt", "/", true),
        ];
        for (id, root, want) in cases {
            let r = root_prefix(Path::new(root));
            assert_eq!(under(id, &r), want, "{id} under {root}");
        }
        assert!(under_input("f.jsonl#3", "f.jsonl"));
        assert!(under_input("dir/a.txt", "dir/"));
        assert!(!under_input("f.jsonl2", "f.jsonl"));
        // The failed inputs' look-up says what under_input says.
        let failed: HashSet<String> = ["f.jsonl", "dir", "a.txt", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for id in [
            "f.jsonl#3",
            "f.jsonl:2",
            "f.jsonl2",
            "dir/x/a.txt",
            "dirx/a",
            "a.txt",
            "/abs",
            "b.txt",
        ] {
            let want = failed.iter().any(|f| under_input(id, f));
            assert_eq!(failed_input(&failed, id), want, "{id}");
        }
    }
}
