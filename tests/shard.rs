//! `--shard K/N` with the real binary on the bundled press reports and the
//! evaluation articles: the shards together give the whole run, each
//! mention once; malformed shard values are usage errors.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const INPUTS: [&str; 2] = ["corpus", "tests/data/eval/articles"];

fn gazex(extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(root())
        .arg("extract")
        .args(INPUTS)
        .args(["-j", "2"])
        .args(extra)
        .output()
        .expect("run gazex")
}

fn mentions(extra: &[&str]) -> Vec<String> {
    let out = gazex(extra);
    assert!(
        out.status.success(),
        "gazex {extra:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(str::to_string)
        .collect()
}

fn doc(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
    v["doc"].as_str().expect("doc").to_string()
}

#[test]
fn three_shards_together_are_the_whole_run() {
    let whole = mentions(&[]);
    assert!(
        whole.len() > 300,
        "too few mentions to test: {}",
        whole.len()
    );
    let shards: Vec<Vec<String>> = (0..3)
        .map(|k| mentions(&["--shard", &format!("{k}/3")]))
        .collect();

    // Each document's mentions come from exactly one shard, whole.
    let mut shard_of: BTreeMap<String, usize> = BTreeMap::new();
    for (k, lines) in shards.iter().enumerate() {
        assert!(!lines.is_empty(), "shard {k}/3 is empty");
        for l in lines {
            let prev = shard_of.insert(doc(l), k);
            assert!(
                prev.is_none_or(|p| p == k),
                "{} in shards {prev:?} and {k}",
                doc(l)
            );
        }
    }

    // The union, in output order (by doc, then start), is the whole run
    // line for line: nothing lost, nothing twice, nothing changed.
    let mut union: Vec<(String, usize, String)> = Vec::new();
    for lines in &shards {
        for (i, l) in lines.iter().enumerate() {
            union.push((doc(l), i, l.clone()));
        }
    }
    // Stable within a shard; documents never straddle shards.
    union.sort_by(|a, b| a.0.cmp(&b.0));
    let union: Vec<String> = union.into_iter().map(|(_, _, l)| l).collect();
    if union != whole {
        let only_whole: Vec<&String> = whole.iter().filter(|l| !union.contains(l)).collect();
        let only_union: Vec<&String> = union.iter().filter(|l| !whole.contains(l)).collect();
        panic!(
            "shards differ from the whole run ({} vs {} lines)\nonly in the whole run: {only_whole:#?}\nonly in the shards: {only_union:#?}",
            union.len(),
            whole.len()
        );
    }

    // One shard is the whole run.
    assert_eq!(mentions(&["--shard", "0/1"]), whole);
}

#[test]
fn a_shard_is_the_same_wherever_the_archive_lies() {
    // The same articles under another root path: shard membership follows
    // the path relative to the folder given.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mounted/elsewhere");
    std::fs::create_dir_all(&copy).unwrap();
    let articles = root().join("tests/data/eval/articles");
    let names = dir.path().join("names.txt");
    std::fs::write(
        &names,
        "Vladimir Putin\nAshot Mkrtychev\nOleg Deripaska\nKim Yo Jong\nXi Jinping\nKim Jong Un\n",
    )
    .unwrap();
    for e in std::fs::read_dir(&articles).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), copy.join(e.file_name())).unwrap();
    }
    let docs = |folder: &Path| -> Vec<String> {
        let out = Command::new(env!("CARGO_BIN_EXE_gazex"))
            .current_dir(root())
            .arg("extract")
            .arg(folder)
            .args(["--shard", "1/3", "-g"])
            .arg(&names)
            .output()
            .expect("run gazex");
        assert!(out.status.success());
        let mut d: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                Path::new(&doc(l))
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        d.dedup();
        d
    };
    let here = docs(&articles);
    assert!(here.len() >= 2, "too few documents with mentions: {here:?}");
    assert_eq!(here, docs(&copy));
}

#[test]
fn bad_shard_values_are_usage_errors() {
    for bad in ["3/3", "0/0", "x", "1", "-1/3", "1/3/3", ""] {
        let out = gazex(&[&format!("--shard={bad}")]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "--shard {bad:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "--shard {bad:?} wrote output");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--shard"), "--shard {bad:?}: {err}");
    }
    // Standard input cannot be split among shards.
    let out = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(root())
        .args(["extract", "--shard", "0/2", "-"])
        .output()
        .expect("run gazex");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
}
