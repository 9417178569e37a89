//! The output formats, the SQLite index and the coverage report, through
//! the real binary on copies of `corpus/` (plus one multi-byte article) in
//! temporary folders, with the bundled gazetteers.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::types::Value as Sql;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn gazetteers() -> PathBuf {
    root().join("gazetteers")
}

/// A Russian and Chinese article naming listed people among multi-byte
/// characters (two- and three-byte letters, a four-byte emoji).
const MULTIBYTE: &str = "Москва — «Президент Vladimir Putin встретился с Kim Jong Un» 🙂, \
сообщает агентство. 北京消息：Putin 和 Kim Jong Un 会谈。\n";

/// A temporary folder holding `corpus/` (the two press reports and the
/// multi-byte article).
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for e in std::fs::read_dir(root().join("corpus")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), corpus.join(e.file_name())).unwrap();
    }
    std::fs::write(corpus.join("002_multibyte.txt"), MULTIBYTE).unwrap();
    dir
}

/// Runs gazex in `dir` with `args`; returns standard output and error.
fn gazex(dir: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run gazex");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "gazex {args:?} failed: {stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), stderr)
}

/// `gazex extract` with the bundled gazetteers, then `args`.
fn extract(dir: &Path, args: &[&str]) -> (String, String) {
    let g = gazetteers();
    let mut all = vec!["extract", "-g", g.to_str().unwrap()];
    all.extend_from_slice(args);
    gazex(dir, &all)
}

fn jsonl(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The index summary of a `--stats=json` run.
fn index_stats(stderr: &str) -> Value {
    let last = stderr.lines().last().expect("stats on standard error");
    serde_json::from_str::<Value>(last).unwrap()["index"].clone()
}

/// Every row of `table`, ordered by its first column.
fn dump(db: &Path, table: &str) -> Vec<Vec<Sql>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
        .unwrap();
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| (0..n).map(|i| r.get::<_, Sql>(i)).collect())
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The mentions table as JSON records, in the JSON Lines form.
fn db_records(db: &Path) -> Vec<Value> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT mention_id, doc, start, \"end\", char_start, char_end, text, entity_id,
                    entity_name, entity_type, alias, lists, \"match\", evidence_kind,
                    evidence_start, evidence_end, candidates, context_text, context_start,
                    context_end, properties, d.date, d.date_source, confidence, reasons
             FROM mentions JOIN documents d ON d.id = doc ORDER BY doc, start",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            let mut o = serde_json::Map::new();
            for (i, name) in [
                "mention_id",
                "doc",
                "start",
                "end",
                "char_start",
                "char_end",
                "text",
                "entity_id",
                "entity_name",
                "entity_type",
                "alias",
            ]
            .iter()
            .enumerate()
            {
                let v = match r.get::<_, Sql>(i)? {
                    Sql::Integer(n) => Value::from(n),
                    Sql::Text(s) => Value::from(s),
                    other => panic!("{name}: {other:?}"),
                };
                o.insert(name.to_string(), v);
            }
            let json = |i: usize| -> rusqlite::Result<Option<Value>> {
                Ok(r.get::<_, Option<String>>(i)?
                    .map(|s| serde_json::from_str(&s).unwrap()))
            };
            // The document's date is the documents table's.
            o.insert("doc_date".into(), Value::from(r.get::<_, String>(21)?));
            o.insert(
                "doc_date_source".into(),
                Value::from(r.get::<_, String>(22)?),
            );
            o.insert("lists".into(), json(11)?.unwrap());
            o.insert("match".into(), Value::from(r.get::<_, String>(12)?));
            o.insert("confidence".into(), Value::from(r.get::<_, f64>(23)?));
            o.insert("reasons".into(), json(24)?.unwrap());
            if let Some(kind) = r.get::<_, Option<String>>(13)? {
                o.insert(
                    "evidence".into(),
                    serde_json::json!({"kind": kind, "start": r.get::<_, i64>(14)?, "end": r.get::<_, i64>(15)?}),
                );
            }
            if let Some(c) = json(16)? {
                o.insert("candidates".into(), c);
            }
            if let Some(text) = r.get::<_, Option<String>>(17)? {
                o.insert(
                    "context".into(),
                    serde_json::json!({"text": text, "start": r.get::<_, i64>(18)?, "end": r.get::<_, i64>(19)?}),
                );
            }
            if let Some(p) = json(20)? {
                o.insert("properties".into(), p);
            }
            Ok(Value::Object(o))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// CSV rows turned back into JSON records (the inverse of the CSV
/// flattening documented in `gazex::output::csv`).
fn csv_records(out: &str) -> Vec<Value> {
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, gazex::output::csv::COLUMNS);
    r.records()
        .map(|row| {
            let row = row.unwrap();
            let cell = |name: &str| row.get(header.iter().position(|h| h == name).unwrap()).unwrap();
            let num = |name: &str| Value::from(cell(name).parse::<u64>().unwrap());
            let split = |name: &str| -> Value {
                cell(name)
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(Value::from)
                    .collect()
            };
            let mut o = serde_json::Map::new();
            for f in ["mention_id", "doc", "doc_date", "doc_date_source"] {
                o.insert(f.into(), cell(f).into());
            }
            for f in ["start", "end", "char_start", "char_end"] {
                o.insert(f.into(), num(f));
            }
            for f in ["text", "entity_id", "entity_name", "entity_type", "alias"] {
                o.insert(f.into(), cell(f).into());
            }
            o.insert("lists".into(), split("lists"));
            o.insert("match".into(), cell("match").into());
            o.insert(
                "confidence".into(),
                Value::from(cell("confidence").parse::<f64>().unwrap()),
            );
            o.insert("reasons".into(), split("reasons"));
            if !cell("evidence_kind").is_empty() {
                o.insert(
                    "evidence".into(),
                    serde_json::json!({"kind": cell("evidence_kind"), "start": num("evidence_start"), "end": num("evidence_end")}),
                );
            }
            if !cell("candidates").is_empty() {
                o.insert("candidates".into(), split("candidates"));
            }
            if !cell("context_start").is_empty() {
                o.insert(
                    "context".into(),
                    serde_json::json!({"text": cell("context_text"), "start": num("context_start"), "end": num("context_end")}),
                );
            }
            if !cell("properties").is_empty() {
                o.insert(
                    "properties".into(),
                    serde_json::from_str(cell("properties")).unwrap(),
                );
            }
            Value::Object(o)
        })
        .collect()
}

/// Compares two record lists record by record, naming the first that
/// differs.
///
/// CSV gives candidates as ids: both sides are compared with candidates as
/// ids.
fn assert_same_records(what: &str, got: &[Value], want: &[Value]) {
    let plain = |r: &Value| -> Value {
        let mut r = r.clone();
        if let Some(o) = r.as_object_mut() {
            if let Some(Value::Array(c)) = o.get_mut("candidates") {
                for x in c.iter_mut() {
                    if let Some(id) = x.get("entity_id").cloned() {
                        *x = id;
                    }
                }
            }
        }
        r
    };
    let got: Vec<Value> = got.iter().map(plain).collect();
    let want: Vec<Value> = want.iter().map(plain).collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{what}: record {i} differs\n got: {g}\nwant: {w}");
    }
    assert_eq!(got.len(), want.len(), "{what}: record count");
}

#[test]
fn csv_and_sqlite_hold_the_jsonl_records() {
    let dir = setup();
    let d = dir.path();
    let flags = ["--context", "25", "--fields", "nationality,dob,imo"];
    let (out, _) = extract(d, &flags);
    let records = jsonl(&out);
    assert!(records.len() >= 23 + 4, "{out}");
    assert!(records.iter().any(|r| r.get("evidence").is_some()));
    assert!(records.iter().any(|r| r.get("candidates").is_some()));

    let (csv_out, _) = extract(d, &[&flags[..], &["--format", "csv"]].concat());
    assert_same_records("csv", &csv_records(&csv_out), &records);

    let (stdout, _) = extract(d, &[&flags[..], &["--db", "index.db"]].concat());
    assert!(stdout.is_empty(), "--db writes no records: {stdout}");
    assert_same_records("sqlite", &db_records(&d.join("index.db")), &records);

    // The documents and entities tables.
    let docs = dump(&d.join("index.db"), "documents");
    assert_eq!(docs.len(), 3);
    let bytes = std::fs::read(d.join("corpus/002_multibyte.txt")).unwrap();
    assert_eq!(docs[2][0], Sql::Text("corpus/002_multibyte.txt".into()));
    assert_eq!(docs[2][2], Sql::Integer(bytes.len() as i64));
    // The binary merges the same person across lists, as here.
    let mut g = gazex::gazetteer::Gazetteer::load(&gazetteers()).unwrap();
    g.merge_same_people();
    assert_eq!(dump(&d.join("index.db"), "entities").len(), g.len());
}

#[test]
fn a_text_read_in_windows_is_one_document_in_the_index() {
    // A small window (a hidden test flag) cuts each press report into
    // several windows, as a file over 16 MiB would be: the index must hold
    // all their mentions under one document, every run.
    let dir = setup();
    let d = dir.path();
    let (out, _) = extract(d, &["--window", "600"]);
    let records = jsonl(&out);
    for _ in 0..2 {
        extract(d, &["--window", "600", "--db", "w.db"]);
        assert_same_records("windowed sqlite", &db_records(&d.join("w.db")), &records);
        let docs = dump(&d.join("w.db"), "documents");
        assert_eq!(docs.len(), 3);
    }
}

#[test]
fn mention_ids_are_stable_and_distinct() {
    let (a, b) = (setup(), setup());
    let one = jsonl(&extract(a.path(), &["-j", "1"]).0);
    let two = jsonl(&extract(b.path(), &["-j", "2", "--context", "5"]).0);
    let ids = |rs: &[Value]| -> Vec<String> {
        rs.iter()
            .map(|r| r["mention_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!one.is_empty());
    assert_eq!(
        ids(&one),
        ids(&two),
        "ids differ across runs, folders, threads or flags"
    );
    let distinct: HashSet<String> = ids(&one).into_iter().collect();
    assert_eq!(distinct.len(), one.len(), "ids repeat within a run");
    for r in &one {
        let want = gazex::output::mention_id(
            r["doc"].as_str().unwrap(),
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
            r["entity_id"].as_str().unwrap(),
        );
        assert_eq!(r["mention_id"], want.as_str());
        assert_eq!(want.len(), 32);
    }
}

#[test]
fn context_is_cut_on_character_boundaries() {
    let dir = setup();
    let n = 7;
    let (out, _) = extract(
        dir.path(),
        &["--context", &n.to_string(), "corpus/002_multibyte.txt"],
    );
    let records = jsonl(&out);
    assert!(
        records.len() >= 4,
        "Putin and Kim Jong Un, twice each: {out}"
    );
    let chars: Vec<char> = MULTIBYTE.chars().collect();
    for r in &records {
        let (cs, ce) = (
            r["char_start"].as_u64().unwrap() as usize,
            r["char_end"].as_u64().unwrap() as usize,
        );
        let from = cs.saturating_sub(n);
        let to = (ce + n).min(chars.len());
        let want: String = chars[from..to].iter().collect();
        let c = &r["context"];
        assert_eq!(c["text"], want.as_str(), "{r}");
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(s, cs - from);
        let inner: String = want.chars().skip(s).take(e - s).collect();
        assert_eq!(inner, r["text"].as_str().unwrap());
        // Byte offsets agree with the file too.
        let (bs, be) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&MULTIBYTE[bs..be], r["text"].as_str().unwrap());
    }
}

#[test]
fn fields_copy_entity_properties() {
    let dir = setup();
    // The binary merges the same person across lists, as here.
    let mut g = gazex::gazetteer::Gazetteer::load(&gazetteers()).unwrap();
    g.merge_same_people();
    let (some, _) = extract(dir.path(), &["--fields", "dob, nationality,gender"]);
    let (all, _) = extract(dir.path(), &["--fields", "all"]);
    let (none, _) = extract(dir.path(), &[]);
    let (some, all, none) = (jsonl(&some), jsonl(&all), jsonl(&none));
    assert!(none.iter().all(|r| r.get("properties").is_none()));
    let mut with_dob = 0;
    for (s, a) in some.iter().zip(&all) {
        let e = g.get(s["entity_id"].as_str().unwrap()).unwrap();
        let props = s["properties"].as_object().unwrap();
        for (k, v) in props {
            assert!(["dob", "nationality", "gender"].contains(&k.as_str()));
            assert_eq!(Some(v), e.properties.get(k));
        }
        for k in ["dob", "nationality", "gender"] {
            assert_eq!(
                props.contains_key(k),
                e.properties.contains_key(k),
                "{k} of {}",
                e.id
            );
        }
        with_dob += props.contains_key("dob") as usize;
        assert_eq!(a["properties"].as_object().unwrap(), &e.properties);
    }
    assert!(with_dob > 0, "no mentioned entity has a date of birth");
}

#[test]
fn incremental_indexing() {
    let dir = setup();
    let d = dir.path();
    let db = d.join("index.db");
    let tables = |db: &Path| -> BTreeMap<&str, Vec<Vec<Sql>>> {
        ["documents", "entities", "mentions", "meta"]
            .into_iter()
            .map(|t| (t, dump(db, t)))
            .collect()
    };
    let run = |args: &[&str]| -> Value {
        let (_, err) = extract(d, &[&["--db", "index.db", "--stats=json"], args].concat());
        index_stats(&err)
    };

    // First run: everything is new.
    let s = run(&["corpus"]);
    assert_eq!(
        (s["new"].as_u64(), s["unchanged"].as_u64()),
        (Some(3), Some(0)),
        "{s}"
    );
    let first = tables(&db);
    let (fresh, _) = extract(d, &["corpus"]);
    assert_same_records("first run", &db_records(&db), &jsonl(&fresh));

    // Unchanged corpus: nothing matched, nothing changed.
    let s = run(&["corpus"]);
    assert_eq!(
        (s["unchanged"].as_u64(), s["mentions_written"].as_u64()),
        (Some(3), Some(0)),
        "{s}"
    );
    assert_eq!(tables(&db), first, "an unchanged run changed the index");

    // A changed file: its mentions are replaced (shifted offsets, new ids);
    // the others stay as they were.
    let changed = d.join("corpus/000_1b80223250eaf840.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, format!("Updated: {text}")).unwrap();
    let s = run(&["corpus"]);
    assert_eq!(
        (s["changed"].as_u64(), s["unchanged"].as_u64()),
        (Some(1), Some(2)),
        "{s}"
    );
    let (fresh, _) = extract(d, &["corpus"]);
    assert_same_records("after a change", &db_records(&db), &jsonl(&fresh));
    let doc_rows = |db: &Path, doc: &str| -> Vec<Vec<Sql>> {
        dump(db, "mentions")
            .into_iter()
            .filter(|r| r[1] == Sql::Text(doc.into()))
            .collect()
    };
    let other = "corpus/001_b2083945801a1459.txt";
    assert_eq!(
        doc_rows(&db, other),
        first["mentions"]
            .iter()
            .filter(|r| r[1] == Sql::Text(other.into()))
            .cloned()
            .collect::<Vec<_>>()
    );

    // A deleted file: flagged, its mentions gone. Indexing another path
    // does not delete anything under `corpus`.
    std::fs::remove_file(d.join("corpus/002_multibyte.txt")).unwrap();
    std::fs::create_dir(d.join("elsewhere")).unwrap();
    std::fs::write(d.join("elsewhere/x.txt"), "Kim Jong Un.").unwrap();
    let s = run(&["elsewhere"]);
    assert_eq!(
        (s["new"].as_u64(), s["deleted"].as_u64()),
        (Some(1), Some(0)),
        "{s}"
    );
    let s = run(&["corpus"]);
    assert_eq!(
        (s["deleted"].as_u64(), s["unchanged"].as_u64()),
        (Some(1), Some(2)),
        "{s}"
    );
    let docs = dump(&db, "documents");
    let gone = docs
        .iter()
        .find(|r| r[0] == Sql::Text("corpus/002_multibyte.txt".into()))
        .unwrap();
    assert_eq!(gone[7], Sql::Integer(1), "deleted flag: {gone:?}");
    assert!(matches!(gone[8], Sql::Text(_)), "deleted_at: {gone:?}");
    assert!(doc_rows(&db, "corpus/002_multibyte.txt").is_empty());
    assert_eq!(doc_rows(&db, "elsewhere/x.txt").len(), 1);

    // A changed gazetteer: everything under the run's paths is scanned
    // again, with the new entity found.
    std::fs::write(d.join("extra.txt"), "Pyongyang\n").unwrap();
    let g = gazetteers();
    let (_, err) = gazex(
        d,
        &[
            "extract",
            "-g",
            g.to_str().unwrap(),
            "-g",
            "extra.txt",
            "--db",
            "index.db",
            "--stats=json",
            "corpus",
        ],
    );
    let s = index_stats(&err);
    assert_eq!(
        (s["changed"].as_u64(), s["unchanged"].as_u64()),
        (Some(2), Some(0)),
        "{s}"
    );
    assert_eq!(s["gazetteer_changed"], true);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let extra: i64 = conn
        .query_row(
            "SELECT count(*) FROM mentions WHERE entity_id LIKE 'extra:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(extra > 0, "the new entity was not found");
    let entities: i64 = conn
        .query_row("SELECT count(*) FROM entities", [], |r| r.get(0))
        .unwrap();
    assert_eq!(entities as usize, first["entities"].len() + 1);
    // The document outside the run's paths keeps its old settings.
    let stale: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents WHERE settings != (SELECT value FROM meta WHERE key = 'settings') AND deleted = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 1);
}

#[test]
fn report_counts_agree_with_the_records() {
    let dir = setup();
    let d = dir.path();
    let (out, _) = extract(d, &["-o", "out.jsonl"]);
    assert!(out.is_empty());
    extract(d, &["--db", "index.db"]);
    let records = jsonl(&std::fs::read_to_string(d.join("out.jsonl")).unwrap());
    // entity id → (documents, mentions), counted here.
    let mut want: BTreeMap<String, (HashSet<String>, usize)> = BTreeMap::new();
    for r in &records {
        let e = want
            .entry(r["entity_id"].as_str().unwrap().into())
            .or_default();
        e.0.insert(r["doc"].as_str().unwrap().into());
        e.1 += 1;
    }
    for args in [
        &["report", "out.jsonl", "--csv"][..],
        &["report", "--db", "index.db", "--csv"],
    ] {
        let (csv_out, _) = gazex(d, args);
        let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
        let mut got: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut last = usize::MAX;
        for row in reader.records() {
            let row = row.unwrap();
            let docs: usize = row[4].parse().unwrap();
            assert!(docs <= last, "not ordered by documents");
            last = docs;
            got.insert(row[0].into(), (docs, row[5].parse().unwrap()));
            if args.contains(&"--db") {
                assert!(
                    row[8].ends_with('Z') && row[9].ends_with('Z'),
                    "first/last seen: {row:?}"
                );
            } else {
                assert!(row[6].starts_with("corpus/"), "first doc: {row:?}");
            }
        }
        let want: BTreeMap<String, (usize, usize)> = want
            .iter()
            .map(|(k, (d, m))| (k.clone(), (d.len(), *m)))
            .collect();
        assert_eq!(got, want, "{args:?}");
    }
    let (table, _) = gazex(d, &["report", "out.jsonl"]);
    assert!(table.starts_with("docs  mentions  entity"), "{table}");
    assert!(table.contains("ofac-41736"), "{table}");
    assert!(
        table.trim_end().ends_with("times in 3 documents"),
        "{table}"
    );
}
