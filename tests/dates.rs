//! Document dates through the real binary: every record says its
//! document's date and where it came from (a JSON Lines field, HTML
//! metadata, a dateline, `--date`, the run), and the SQLite index keeps it
//! per document. A small fixture gazetteer with a made-up name keeps the
//! runs fast.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const GAZETTEER: &str = r#"{"id":"fx-1","name":"Zorvath Deriaska","type":"person"}"#;

/// The sentence every document holds: one mention.
const NAME: &str = "Zorvath Deriaska";

/// Runs gazex in `dir` with `args`.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run gazex")
}

/// `gazex extract -g gazetteer.jsonl ARGS`, which must succeed; the
/// records of its output.
fn extract(dir: &Path, args: &[&str]) -> Vec<Value> {
    std::fs::write(dir.join("gazetteer.jsonl"), GAZETTEER).unwrap();
    let all = [&["extract", "-q", "-g", "gazetteer.jsonl"][..], args].concat();
    let out = run(dir, &all);
    assert!(
        out.status.success(),
        "gazex {all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Document → (doc_date, doc_date_source), checking that every record of
/// a document says the same.
fn dates(records: &[Value]) -> BTreeMap<String, (String, String)> {
    let mut by_doc = BTreeMap::new();
    for r in records {
        let doc = r["doc"].as_str().unwrap().to_string();
        let date = (
            r["doc_date"].as_str().unwrap().to_string(),
            r["doc_date_source"].as_str().unwrap().to_string(),
        );
        if let Some(before) = by_doc.insert(doc.clone(), date.clone()) {
            assert_eq!(before, date, "{doc}: records disagree");
        }
    }
    by_doc
}

fn pair(date: &str, source: &str) -> (String, String) {
    (date.to_string(), source.to_string())
}

/// The folder of test documents: JSON Lines records, HTML pages with each
/// kind of metadata, texts with and without a dateline.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("docs");
    std::fs::create_dir(&d).unwrap();
    let w = |name: &str, content: String| std::fs::write(d.join(name), content).unwrap();
    let rec = |id: &str, date: &str| format!(r#"{{"id":"{id}",{date}"text":"{NAME} spoke."}}"#);
    w(
        "records.jsonl",
        [
            rec("r-day", r#""date":"1961-04-12","#),
            rec("r-month", r#""date":"1961-04","#),
            rec("r-time", r#""date":"1961-04-12T09:07:00Z","#),
            rec("r-bad", r#""date":"12/04/1961","#),
            rec("r-number", r#""date":1961,"#),
            rec("r-none", ""),
            rec("r-other", r#""published":"1970-01-01","#),
        ]
        .join("\n"),
    );
    let page = |head: &str, body: &str| {
        format!("<html><head>{head}</head><body>{body}<p>{NAME} spoke.</p></body></html>")
    };
    w(
        "meta.html",
        page(
            r#"<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">"#,
            "",
        ),
    );
    w(
        "og.html",
        page(
            r#"<meta property="og:published_time" content="2024-03-06">"#,
            "",
        ),
    );
    w(
        "name.html",
        page(r#"<meta name="date" content="2024-03">"#, ""),
    );
    w(
        "itemprop.html",
        page(
            "",
            r#"<span itemprop="datePublished" content="2024-03-07">March 7</span>"#,
        ),
    );
    w(
        "jsonld.html",
        page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2024-03-08T06:00:00Z"}]}</script>"#,
            "",
        ),
    );
    w(
        "article.html",
        page(
            "",
            r#"<nav><time datetime="2026-01-01">now</time></nav><article><time datetime="2024-03-09">March 9</time></article>"#,
        ),
    );
    w(
        "time.html",
        page("", r#"<p><time datetime="2024-03-10">March 10</time></p>"#),
    );
    w("undated.html", page("", ""));
    w(
        "dateline.txt",
        format!("WASHINGTON, Oct. 23, 1962 — {NAME} spoke.\n"),
    );
    w(
        "published.txt",
        format!("A headline\n\nPublished: 5 March 2024\n\n{NAME} spoke.\n"),
    );
    w("month.txt", format!("March 2024\n\n{NAME} spoke.\n"));
    w(
        "undated.txt",
        format!("{NAME} spoke.\n\nOn October 23, 1962, nothing was dated.\n"),
    );
    dir
}

/// What every document's own date is; `None` for those without.
fn own_dates() -> Vec<(&'static str, Option<(&'static str, &'static str)>)> {
    vec![
        ("r-day", Some(("1961-04-12", "field"))),
        ("r-month", Some(("1961-04", "field"))),
        ("r-time", Some(("1961-04-12", "field"))),
        ("r-bad", None),
        ("r-number", None),
        ("r-none", None),
        ("r-other", None),
        ("docs/meta.html", Some(("2024-03-05", "html"))),
        ("docs/og.html", Some(("2024-03-06", "html"))),
        ("docs/name.html", Some(("2024-03", "html"))),
        ("docs/itemprop.html", Some(("2024-03-07", "html"))),
        ("docs/jsonld.html", Some(("2024-03-08", "html"))),
        ("docs/article.html", Some(("2024-03-09", "html"))),
        ("docs/time.html", Some(("2024-03-10", "html"))),
        ("docs/undated.html", None),
        ("docs/dateline.txt", Some(("1962-10-23", "dateline"))),
        ("docs/published.txt", Some(("2024-03-05", "dateline"))),
        ("docs/month.txt", Some(("2024-03", "dateline"))),
        ("docs/undated.txt", None),
    ]
}

#[test]
fn every_record_says_its_documents_date() {
    let dir = setup();
    let d = dir.path();
    let before = gazex::date::DocDate::today().to_string();
    let got = dates(&extract(d, &["docs"]));
    let after = gazex::date::DocDate::today().to_string();
    assert_eq!(
        got.len(),
        own_dates().len(),
        "one mention a document: {got:?}"
    );
    for (doc, want) in own_dates() {
        let (date, source) = &got[doc];
        match want {
            Some((w, s)) => assert_eq!((date.as_str(), source.as_str()), (w, s), "{doc}"),
            None => {
                // No date of its own and no --date: the day of the run.
                assert_eq!(source, "run", "{doc}");
                assert!(*date == before || *date == after, "{doc}: {date}");
            }
        }
    }

    // --date dates the others only; its own date wins.
    let got = dates(&extract(d, &["docs", "--date", "1999-05"]));
    for (doc, want) in own_dates() {
        let want = want.unwrap_or(("1999-05", "flag"));
        assert_eq!(got[doc], pair(want.0, want.1), "{doc}");
    }

    // Another date field.
    let got = dates(&extract(
        d,
        &["docs/records.jsonl", "--date-field", "published"],
    ));
    assert_eq!(got["r-other"], pair("1970-01-01", "field"));
    assert_eq!(got["r-day"].1, "run");
}

#[test]
fn a_bad_date_is_a_usage_error() {
    let dir = setup();
    for bad in ["1999-5", "05/03/2024", "yesterday", "1999-02-30"] {
        let out = run(dir.path(), &["extract", "--date", bad, "docs"]);
        assert_eq!(out.status.code(), Some(2), "--date {bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(bad), "--date {bad}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn every_window_of_a_big_text_has_the_files_dateline() {
    let dir = setup();
    let d = dir.path();
    let mut text = String::from("MOSCOW, 5 March 2024 — The opening line.\n\n");
    for i in 0..60 {
        text.push_str(&format!(
            "Paragraph {i}: {NAME} spoke again on October 23, 1962.\n"
        ));
    }
    std::fs::write(d.join("big.txt"), &text).unwrap();
    let records = extract(d, &["big.txt", "--window", "600"]);
    assert_eq!(records.len(), 60);
    for r in &records {
        assert_eq!(
            (r["doc_date"].as_str(), r["doc_date_source"].as_str()),
            (Some("2024-03-05"), Some("dateline")),
            "{r}"
        );
    }
}

#[test]
fn csv_has_the_date_columns_after_doc() {
    let dir = setup();
    std::fs::write(dir.path().join("gazetteer.jsonl"), GAZETTEER).unwrap();
    let out = run(
        dir.path(),
        &[
            "extract",
            "-q",
            "-g",
            "gazetteer.jsonl",
            "--format",
            "csv",
            "docs/dateline.txt",
        ],
    );
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("mention_id,doc,doc_date,doc_date_source,start,"));
    assert!(
        lines
            .next()
            .unwrap()
            .contains(",docs/dateline.txt,1962-10-23,dateline,"),
        "{csv}"
    );
}

/// Document → (date, date_source) in the index.
fn indexed_dates(db: &Path) -> BTreeMap<String, (String, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, date, date_source FROM documents")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// What one `--db` run did: (new, changed, unchanged).
fn index_counts(dir: &Path, args: &[&str]) -> (u64, u64, u64) {
    std::fs::write(dir.join("gazetteer.jsonl"), GAZETTEER).unwrap();
    let all = [
        &[
            "extract",
            "-q",
            "-g",
            "gazetteer.jsonl",
            "--db",
            "index.db",
            "--stats=json",
        ][..],
        args,
    ]
    .concat();
    let out = run(dir, &all);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    let stats: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    let i = &stats["index"];
    (
        i["new"].as_u64().unwrap(),
        i["changed"].as_u64().unwrap(),
        i["unchanged"].as_u64().unwrap(),
    )
}

#[test]
fn the_index_keeps_each_documents_date() {
    let dir = setup();
    let d = dir.path();
    let db = d.join("index.db");
    let n = own_dates().len() as u64;
    assert_eq!(index_counts(d, &["docs", "--date", "1999"]), (n, 0, 0));
    let got = indexed_dates(&db);
    for (doc, want) in own_dates() {
        let want = want.unwrap_or(("1999", "flag"));
        assert_eq!(got[doc], pair(want.0, want.1), "{doc}");
    }
    // The same date again: nothing to do. Another --date: the documents it
    // dates are matched again, the others are not.
    assert_eq!(index_counts(d, &["docs", "--date", "1999"]), (0, 0, n));
    let undated = own_dates().iter().filter(|(_, w)| w.is_none()).count() as u64;
    assert_eq!(
        index_counts(d, &["docs", "--date", "2001-02-03"]),
        (0, undated, n - undated)
    );
    assert_eq!(
        indexed_dates(&db)["docs/undated.txt"],
        pair("2001-02-03", "flag")
    );

    // Coverage by year: per period, the entity's documents and mentions,
    // and the period's documents.
    let out = run(d, &["report", "--db", "index.db", "--by", "year", "--csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows,
        [
            "period,entity_id,entity_name,entity_type,documents,mentions,period_documents",
            "1961,fx-1,Zorvath Deriaska,person,3,3,3",
            "1962,fx-1,Zorvath Deriaska,person,1,1,1",
            "2001,fx-1,Zorvath Deriaska,person,6,6,6",
            "2024,fx-1,Zorvath Deriaska,person,9,9,9",
        ],
        "{csv}"
    );
    let out = run(d, &["report", "--db", "index.db", "--by", "month"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("period   entity"), "{table}");
    assert!(table.contains("\n1961-04  fx-1"), "{table}");
}

#[test]
fn an_index_without_dates_is_migrated() {
    let dir = setup();
    let d = dir.path();
    let db = d.join("index.db");
    index_counts(d, &["docs"]);
    // Make it a schema-1 index, as gazex wrote it before documents had
    // dates and mentions a confidence.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "ALTER TABLE documents DROP COLUMN date;
         ALTER TABLE documents DROP COLUMN date_source;
         ALTER TABLE mentions DROP COLUMN confidence;
         ALTER TABLE mentions DROP COLUMN reasons;
         UPDATE meta SET value = '1' WHERE key = 'schema_version';",
    )
    .unwrap();
    drop(conn);
    let out = run(d, &["report", "--db", "index.db", "--by", "year"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document dates"));

    // Every document is matched again, and dated.
    let n = own_dates().len() as u64;
    assert_eq!(index_counts(d, &["docs"]), (0, n, 0));
    assert_eq!(
        indexed_dates(&db)["docs/dateline.txt"],
        pair("1962-10-23", "dateline")
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let v: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(v, "2");

    // A newer schema is refused, naming both versions.
    conn.execute(
        "UPDATE meta SET value = '9' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(conn);
    std::fs::write(d.join("gazetteer.jsonl"), GAZETTEER).unwrap();
    let out = run(
        d,
        &[
            "extract",
            "-g",
            "gazetteer.jsonl",
            "--db",
            "index.db",
            "docs",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("schema version 9") && err.contains("version 2"),
        "{err}"
    );
}

/// The library's [`gazex::Input::from_file`] reads a file as `gazex
/// extract` does: the same text, the same date from the same place, the
/// same records (offsets into the file); a file it cannot read is that
/// input's error, naming the file, and the inputs after it go on.
#[test]
fn the_library_reads_files_as_the_cli_does() {
    let dir = setup();
    let d = dir.path();
    let page = std::fs::read(d.join("docs/meta.html")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &page).unwrap();
    std::fs::write(d.join("docs/zipped.html.gz"), gz.finish().unwrap()).unwrap();
    // Latin-1, its offsets in the file's bytes.
    std::fs::write(
        d.join("docs/latin1.txt"),
        b"Caf\xe9 \xe0 Zorvath Deriaska.\n",
    )
    .unwrap();
    let want: Vec<Value> = extract(d, &["docs", "--date", "1999-05"])
        .into_iter()
        .filter(|r| r["doc"].as_str().unwrap().starts_with("docs/"))
        .collect();

    // (No `datelines`: a file is dated by its dateline as the CLI dates
    // it, whatever the option says of texts.)
    let ex = gazex::Extractor::builder()
        .gazetteer(d.join("gazetteer.jsonl"))
        .date("1999-05".parse().unwrap())
        .threads(2)
        .build()
        .unwrap();
    let mut names: Vec<String> = std::fs::read_dir(d.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".jsonl"))
        .collect();
    names.sort();
    names.insert(1, "missing.txt".to_string());
    let inputs = names.iter().map(|n| gazex::Input {
        id: Some(format!("docs/{n}")),
        ..gazex::Input::from_file(d.join("docs").join(n))
    });
    let mut got = Vec::new();
    for (n, result) in names.iter().zip(ex.extract_many(inputs)) {
        match result {
            Ok(e) => got.extend(
                ex.records(&e)
                    .iter()
                    .map(|r| serde_json::to_value(r).unwrap()),
            ),
            Err(e) => {
                assert_eq!(n, "missing.txt", "{e}");
                assert!(e.to_string().contains("missing.txt"), "{e}");
            }
        }
    }
    let key = |r: &Value| r["doc"].as_str().unwrap().to_string();
    let mut want = want;
    want.sort_by_key(key);
    got.sort_by_key(key);
    assert_eq!(got.len(), names.len() - 1, "one mention a readable file");
    assert_eq!(got, want);
    let latin = got.iter().find(|r| r["doc"] == "docs/latin1.txt").unwrap();
    assert_eq!(latin["start"], 7, "{latin}");

    // Refused, with the file and the reason named: a JSON Lines file (many
    // documents), a file larger than the extractor's limit.
    let refused = |ex: &gazex::Extractor, name: &str, why: &str| {
        let err = ex
            .extract_input(gazex::Input::from_file(d.join("docs").join(name)))
            .unwrap_err()
            .to_string();
        assert!(err.contains(name) && err.contains(why), "{err}");
    };
    refused(&ex, "records.jsonl", "JSON Lines");
    let small = gazex::Extractor::builder()
        .gazetteer(d.join("gazetteer.jsonl"))
        .max_text(10)
        .build()
        .unwrap();
    refused(&small, "undated.txt", "max_text");
}
