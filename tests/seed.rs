//! The real binary on the bundled press reports (`corpus/`) with the
//! bundled gazetteers, against the gold mentions in
//! `tests/data/seed-mentions.jsonl`.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use gazex::eval::{names_agree, read_jsonl, score, GoldMention, Predicted};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run_extract(threads: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(root())
        .args(["extract", "-j", threads])
        .output()
        .expect("run gazex");
    assert!(
        out.status.success(),
        "gazex failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn gold() -> Vec<GoldMention> {
    let text = std::fs::read_to_string(root().join("tests/data/seed-mentions.jsonl")).unwrap();
    read_jsonl(&text, "seed-mentions.jsonl").unwrap()
}

#[test]
fn every_full_gold_mention_is_found_exactly() {
    let out = run_extract("2");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let gold = gold();
    let full: Vec<&GoldMention> = gold.iter().filter(|g| g.form == "full").collect();
    assert_eq!(full.len(), 9, "the gold has 9 full mentions");
    for g in full {
        let found = records.iter().find(|r| {
            r["doc"].as_str().unwrap().ends_with(&g.doc)
                && r["start"] == g.start
                && r["end"] == g.end
        });
        let r = found.unwrap_or_else(|| panic!("not found: {g:?}\noutput:\n{out}"));
        assert_eq!(r["text"], g.text.as_str());
        let (cs, ce) = (
            r["char_start"].as_u64().unwrap(),
            r["char_end"].as_u64().unwrap(),
        );
        let bytes = std::fs::read(root().join("corpus").join(&g.doc)).unwrap();
        assert_eq!(&bytes[g.start..g.end], g.text.as_bytes());
        let text = String::from_utf8(bytes).unwrap();
        let by_char: String = text
            .chars()
            .skip(cs as usize)
            .take((ce - cs) as usize)
            .collect();
        assert_eq!(by_char, g.text, "char offsets of {g:?}");
        let name = r["entity_name"].as_str().unwrap();
        let alias = r["alias"].as_str().unwrap();
        assert!(
            std::iter::once(&g.entity)
                .chain(&g.names)
                .any(|n| names_agree(n, name) || names_agree(n, alias)),
            "entity {name:?} / {alias:?} does not agree with {g:?}"
        );
    }
}

#[test]
fn no_person_or_organization_mention_outside_the_gold() {
    let out = run_extract("2");
    let predicted: Vec<Predicted> = read_jsonl(&out, "output").unwrap();
    assert!(!predicted.is_empty(), "no output at all");
    let report = score(&gold(), &predicted, &HashMap::new());
    assert!(
        report.false_mentions.is_empty(),
        "false mentions: {:#?}",
        report.false_mentions
    );
    // Short forms included: every one of the 23 gold mentions.
    assert_eq!(report.overall.correct, 23, "missed: {:#?}", report.misses);
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let one = run_extract("1");
    assert!(!one.is_empty());
    assert_eq!(one, run_extract("2"));
    assert_eq!(one, run_extract("7"));
}
