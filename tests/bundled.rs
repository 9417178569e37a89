//! The gazetteers bundled in the binary (issue 16): used when no `-g` is
//! given, from any folder; the same output as `-g gazetteers`, byte for
//! byte; `gazex gazetteer list` says what is loaded; a missing gazetteer
//! is reported once, naming it.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::stdout_of;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in `dir` with `args`.
fn gazex(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("gazex runs")
}

fn abs(rel: &str) -> String {
    root().join(rel).to_str().expect("a UTF-8 path").to_string()
}

/// From a folder holding no gazetteer, with no `-g`: every one of the press
/// reports' 23 gold mentions, and nothing else.
#[test]
fn bundled_lists_find_the_press_reports_mentions_from_any_folder() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = gazex(
        elsewhere.path(),
        &[
            "eval",
            "--gold",
            &abs("tests/data/seed-mentions.jsonl"),
            "-j",
            "2",
            &abs("corpus"),
        ],
    );
    let stdout = stdout_of(out, "gazex eval");
    let overall: Vec<&str> = stdout
        .lines()
        .find(|l| l.starts_with("overall"))
        .unwrap_or_else(|| panic!("no overall line in {stdout}"))
        .split_whitespace()
        .skip(1)
        .take(3)
        .collect();
    assert_eq!(overall, ["23", "23", "23"], "{stdout}");

    // And `extract` itself, as a user would run it.
    let out = gazex(elsewhere.path(), &["extract", "-j", "2", &abs("corpus")]);
    let records = stdout_of(out, "gazex extract");
    assert_eq!(records.lines().count(), 23, "{records}");
}

/// The bundled lists and the folder they were built from give the same
/// records, byte for byte, on every annotated corpus (with every property
/// written, so a list that differs in any field shows).
#[test]
fn bundled_lists_and_the_gazetteers_folder_give_identical_output() {
    let inputs = [
        "corpus",
        "tests/data/eval/articles",
        "tests/data/dated/dev.jsonl",
    ];
    let common = ["extract", "-j", "2", "--fields", "all"];
    let bundled = stdout_of(
        gazex(root(), &[&common[..], &inputs[..]].concat()),
        "extract with the bundled lists",
    );
    let folder = stdout_of(
        gazex(
            root(),
            &[&common[..], &["-g", "gazetteers"], &inputs[..]].concat(),
        ),
        "extract -g gazetteers",
    );
    assert!(
        bundled.lines().count() > 300,
        "too few records to compare: {}",
        bundled.lines().count()
    );
    assert!(bundled.contains("\"same_as\""), "no merged entity written");
    assert!(bundled == folder, "the outputs differ");
    // `-g bundled:` names the same lists explicitly.
    let named = stdout_of(
        gazex(
            root(),
            &[&common[..], &["-g", "bundled:"], &inputs[..]].concat(),
        ),
        "extract -g bundled:",
    );
    assert!(named == bundled, "-g bundled: differs from no -g");
}

/// `-g` replaces the bundled lists: a user's own list alone finds only its
/// names; `-g bundled:NAME` adds one bundled list back.
#[test]
fn a_gazetteer_given_replaces_the_bundled_lists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.txt"), "Versor S.R.O.\n").unwrap();
    std::fs::write(
        dir.path().join("doc.txt"),
        "Versor S.R.O. met Vladimir Putin and Kim Jong Un in Moscow.\n",
    )
    .unwrap();
    let entity_ids = |out: String| -> Vec<String> {
        out.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["entity_id"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let mine = stdout_of(
        gazex(dir.path(), &["extract", "-g", "mine.txt", "doc.txt"]),
        "extract -g mine.txt",
    );
    assert_eq!(entity_ids(mine), ["mine:1"]);
    let both = stdout_of(
        gazex(
            dir.path(),
            &[
                "extract",
                "-g",
                "mine.txt",
                "-g",
                "bundled:ofac-sdn.jsonl",
                "doc.txt",
            ],
        ),
        "extract -g mine.txt -g bundled:ofac-sdn.jsonl",
    );
    let ids = entity_ids(both);
    assert!(ids.contains(&"mine:1".to_string()), "{ids:?}");
    assert!(ids.contains(&"ofac-35096".to_string()), "Putin: {ids:?}");
    assert!(!ids.iter().any(|id| id.starts_with("wd-")), "{ids:?}");

    let out = gazex(dir.path(), &["extract", "-g", "bundled:sdn.csv", "doc.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no bundled list is named \"sdn.csv\"") && err.contains("ofac-sdn.jsonl"),
        "{err}"
    );
}

/// `gazetteer list`: each bundled list with its source, date, licence and
/// counts, and the same facts for the folder it was built from.
#[test]
fn gazetteer_list_says_what_is_loaded() {
    let elsewhere = tempfile::tempdir().unwrap();
    let bundled = stdout_of(
        gazex(elsewhere.path(), &["gazetteer", "list"]),
        "gazetteer list",
    );
    for expected in [
        "ofac-sdn.jsonl\n  source:    bundled in gazex (",
        "  entities:  14965 (6854 person, 6884 organization, 851 vessel, 376 aircraft)\n",
        "  data of:   sdn.csv 2024-05-03; alt/add 2026\n",
        "  licence:   US government work, public domain\n",
        "officials.jsonl\n",
        "  entities:  6359 (6359 person)\n",
        "CC BY-SA 4.0",
        "officials-curated.jsonl\n",
        "un-sc.jsonl\n",
        "  entities:  1000 (727 person, 273 organization)\n",
        "  data of:   2025-11-20\n",
        "total: 22326 entities in 4 files; 796 merged across lists (203 undecided, 227 \
         contradicting), 21530 entities used\n",
    ] {
        assert!(bundled.contains(expected), "no {expected:?} in\n{bundled}");
    }
    // Every decision, for a person to check: OFAC's Bashar al-Assad and the
    // officials list's two records of him (Wikidata's and the CIA's, spelled
    // apart) are one person; Lukashenko's OFAC entry is left undecided
    // against the officials' records.
    let pairs = stdout_of(
        gazex(elsewhere.path(), &["gazetteer", "list", "--pairs"]),
        "gazetteer list --pairs",
    );
    for expected in [
        "\nmerged\tofac-35096\twd-Q7747\n",
        "\nmerged\tofac-12735\twd-Q44329\tcia-syria-bashar-al-asad\n",
        "\nmerged\tofac-9760\twd-Q2866\tcia-belarus-aleksandr-lukashenko\n",
        "\nundecided\tofac-41029\tAleksandr Aleksandrovich Kozlov\twd-Q16664506\tAlexander Kozlov\n",
    ] {
        assert!(pairs.contains(expected), "no {expected:?} in\n{pairs}");
    }
    assert_eq!(
        pairs
            .lines()
            .filter(|l| l.starts_with("undecided\t"))
            .count(),
        203
    );

    let folder = stdout_of(
        gazex(
            root(),
            &["gazetteer", "list", "-g", "gazetteers", "--no-merge"],
        ),
        "gazetteer list -g gazetteers",
    );
    for expected in [
        "gazetteers/ofac-sdn.jsonl\n  source:    gazetteers/ofac-sdn.jsonl (8.7 MB, modified ",
        "  entities:  14965 (6854 person, 6884 organization, 851 vessel, 376 aircraft)\n",
        "  licence:   US government work, public domain\n",
        "  stated in: gazetteers/SOURCES.md\n",
        "total: 22326 entities in 4 files; not merged across lists (--no-merge)\n",
    ] {
        assert!(folder.contains(expected), "no {expected:?} in\n{folder}");
    }

    // A list with no SOURCES.md row says so.
    std::fs::write(elsewhere.path().join("mine.txt"), "A Name\nAnother Name\n").unwrap();
    let mine = stdout_of(
        gazex(elsewhere.path(), &["gazetteer", "list", "-g", "mine.txt"]),
        "gazetteer list -g mine.txt",
    );
    assert!(
        mine.starts_with("mine.txt\n  source:    mine.txt (20 bytes, modified ")
            && mine.contains("  entities:  2 (2 unknown)\n")
            && mine.contains("  licence:   not stated\n")
            && mine.contains("total: 2 entities in 1 file;"),
        "{mine}"
    );
}

/// A gazetteer that cannot be read is named, and the cause given once
/// (it was printed twice: "…(os error 2): No such file or directory (os
/// error 2)").
#[test]
fn a_missing_gazetteer_is_reported_once() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = gazex(
        elsewhere.path(),
        &["extract", "-g", "gazetteers", &abs("corpus")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("gazex: error: gazetteers: cannot read gazetteer: ")
            && err.matches("(os error 2)").count() == 1
            && err.lines().count() == 1,
        "{err}"
    );
}
