//! Compiled gazetteers (issue 16): `gazex gazetteer compile -o FILE` and
//! `-g FILE` give the same output as the lists they were compiled from; the
//! bundled lists are compiled into the cache folder on first use and read
//! from it after; a compiled file that is truncated, corrupt or from
//! another gazex is refused with one line naming it; `gazetteer list`
//! shows what a compiled file was built from.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::stdout_of;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in the repository with `args`, its cache folder at
/// `cache` (an empty string turns the cache off).
fn gazex(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(root())
        .env("GAZEX_CACHE_DIR", cache)
        .args(args)
        .output()
        .expect("gazex runs")
}

/// The one-line error of a run that must fail with status 2 and write
/// nothing on standard output.
fn refusal(out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

/// The `gazetteer` field of `--stats=json`: where the matcher came from.
fn origin(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let stats = err
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON stats in {err}"));
    let v: serde_json::Value = serde_json::from_str(stats).unwrap();
    v["gazetteer"].as_str().unwrap().to_string()
}

const INPUTS: [&str; 3] = [
    "corpus",
    "tests/data/eval/articles",
    "tests/data/dated/dev.jsonl",
];

/// The same records, byte for byte, from the lists, from a file compiled
/// from them (named without the usual extension: it is known by its first
/// bytes), and from the bundled lists built and cached, then read from the
/// cache, on every annotated corpus, with every property written.
#[test]
fn compiled_and_source_gazetteers_give_identical_output() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let file = tmp.path().join("lists.bin");
    let file = file.to_str().unwrap();
    let compile = gazex(
        &cache,
        &["gazetteer", "compile", "-g", "gazetteers", "-o", file],
    );
    let err = String::from_utf8_lossy(&compile.stderr).to_string();
    stdout_of(compile, "gazetteer compile");
    assert!(
        err.contains("compiled 21530 entities (") && err.contains("from 4 lists into"),
        "{err}"
    );

    let common = ["extract", "-j", "2", "--fields", "all", "--stats=json"];
    let run = |gazetteer: &[&str]| {
        let out = gazex(&cache, &[&common[..], gazetteer, &INPUTS[..]].concat());
        let origin = origin(&out);
        (stdout_of(out, &format!("extract {gazetteer:?}")), origin)
    };
    let (lists, from) = run(&["-g", "gazetteers"]);
    assert_eq!(from, "built from the lists");
    assert!(
        lists.lines().count() > 300,
        "too few records to compare: {}",
        lists.lines().count()
    );
    assert!(lists.contains("\"same_as\""), "no merged entity written");
    let (compiled, from) = run(&["-g", file]);
    assert_eq!(from, format!("read from the compiled {file}"));
    assert!(compiled == lists, "compiled and source outputs differ");
    let (first, from) = run(&[]);
    assert!(
        from.starts_with("the bundled lists, built, and cached in "),
        "{from}"
    );
    assert!(first == lists, "bundled lists (built) differ");
    let (cached, from) = run(&[]);
    assert!(
        from.starts_with("the bundled lists, read from the cache "),
        "{from}"
    );
    assert!(cached == lists, "bundled lists (from the cache) differ");

    // Unmerged, the same.
    let unmerged = tmp.path().join("unmerged.gazex");
    let unmerged = unmerged.to_str().unwrap();
    stdout_of(
        gazex(
            &cache,
            &[
                "gazetteer",
                "compile",
                "--no-merge",
                "-g",
                "gazetteers",
                "-o",
                unmerged,
            ],
        ),
        "gazetteer compile --no-merge",
    );
    let lists = stdout_of(
        gazex(
            &cache,
            &["extract", "--no-merge", "-g", "gazetteers", "corpus"],
        ),
        "extract --no-merge -g gazetteers",
    );
    let compiled = stdout_of(
        gazex(&cache, &["extract", "--no-merge", "-g", unmerged, "corpus"]),
        "extract --no-merge -g unmerged.gazex",
    );
    assert_eq!(lists.lines().count(), 23, "{lists}");
    assert!(compiled == lists, "unmerged outputs differ");

    // `eval` and `gazetteer names` read it too.
    let eval = |g: &str| {
        stdout_of(
            gazex(
                &cache,
                &[
                    "eval",
                    "--gold",
                    "tests/data/seed-mentions.jsonl",
                    "-g",
                    g,
                    "corpus",
                ],
            ),
            "eval",
        )
    };
    assert_eq!(eval(file), eval("gazetteers"));
    let names = |g: &str| stdout_of(gazex(&cache, &["gazetteer", "names", "-g", g]), "names");
    let (a, b) = (names(file), names("gazetteers"));
    assert!(a.lines().count() > 1000 && a == b, "names differ");
}

/// The cache of the bundled lists: written on first use under
/// `GAZEX_CACHE_DIR`, read after; a corrupt cached file is built again and
/// replaced; a folder that cannot be written, or an empty
/// `GAZEX_CACHE_DIR`, only means the lists are built; the output is the
/// same every time. Old cached files beyond four are removed.
#[test]
fn the_bundled_lists_are_compiled_into_the_cache_on_first_use() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("gazex-cache");
    // Stale files of other builds, older than anything written now.
    std::fs::create_dir_all(&cache).unwrap();
    for i in 0..5 {
        let old = cache.join(format!("bundled-0.0.{i}-0-0.gazex"));
        std::fs::write(&old, "old").unwrap();
        let day = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86_400 * i);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(day)
            .unwrap();
    }
    std::fs::write(cache.join("notes.txt"), "kept").unwrap();
    let run = |cache: &Path| {
        let out = gazex(
            cache,
            &[
                "extract",
                "-j",
                "2",
                "--stats=json",
                "corpus",
                "tests/data/eval/articles",
            ],
        );
        let origin = origin(&out);
        (stdout_of(out, "extract with the bundled lists"), origin)
    };
    let (built, from) = run(&cache);
    assert!(built.lines().count() > 100, "{built}");
    let cached: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".gazex"))
        .collect();
    assert_eq!(cached.len(), 4, "{cached:?}");
    let file = cached
        .iter()
        .find(|n| n.starts_with(&format!("bundled-{}-", env!("CARGO_PKG_VERSION"))))
        .map(|n| cache.join(n))
        .unwrap_or_else(|| panic!("no cached file of this version in {cached:?}"));
    assert!(
        cache.join("notes.txt").exists(),
        "only cached files are removed"
    );
    assert!(
        !cache.join("bundled-0.0.0-0-0.gazex").exists(),
        "the oldest is removed"
    );
    assert_eq!(
        from,
        format!("the bundled lists, built, and cached in {}", file.display())
    );

    let (again, from) = run(&cache);
    assert_eq!(
        from,
        format!("the bundled lists, read from the cache {}", file.display())
    );
    assert!(again == built, "the cached lists give another output");

    // A flipped byte: refused, built again, written again.
    let mut bytes = std::fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x20;
    std::fs::write(&file, &bytes).unwrap();
    let (rebuilt, from) = run(&cache);
    assert!(
        from.starts_with(&format!(
            "the bundled lists, built, and cached again in {} ({}: compiled gazetteer is \
             corrupt",
            file.display(),
            file.display()
        )),
        "{from}"
    );
    assert!(rebuilt == built);
    assert_eq!(
        run(&cache).1,
        format!("the bundled lists, read from the cache {}", file.display())
    );

    // A cache folder that cannot be made (under a file), or none.
    let under_a_file = tmp.path().join("notes").join("cache");
    std::fs::write(tmp.path().join("notes"), "a file").unwrap();
    let (unwritable, from) = run(&under_a_file);
    assert!(
        from.starts_with("the bundled lists, built; not cached: cannot write "),
        "{from}"
    );
    assert!(unwritable == built);
    let (off, from) = run(Path::new(""));
    assert!(from.starts_with("the bundled lists, built; not cached (GAZEX_CACHE_DIR is empty"));
    assert!(off == built);

    // `gazetteer list` says where the bundled lists came from.
    let list = stdout_of(gazex(&cache, &["gazetteer", "list"]), "gazetteer list");
    assert!(
        list.contains("ofac-sdn.jsonl\n  source:    bundled in gazex (")
            && list.contains(&format!(
                "\ncache:     read from the cache {}\n",
                file.display()
            )),
        "{list}"
    );
}

/// `gazetteer list -g FILE`: the lists the file was compiled from, as
/// listing them gives, and the file itself.
#[test]
fn gazetteer_list_shows_what_a_compiled_file_was_built_from() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("lists.gazex");
    let file = file.to_str().unwrap();
    stdout_of(
        gazex(
            tmp.path(),
            &["gazetteer", "compile", "-g", "gazetteers", "-o", file],
        ),
        "gazetteer compile",
    );
    let listed = stdout_of(
        gazex(tmp.path(), &["gazetteer", "list", "-g", file]),
        "gazetteer list -g lists.gazex",
    );
    let lists = stdout_of(
        gazex(tmp.path(), &["gazetteer", "list", "-g", "gazetteers"]),
        "gazetteer list -g gazetteers",
    );
    let (body, last) = listed.trim_end().rsplit_once('\n').unwrap();
    assert_eq!(format!("{body}\n"), lists);
    // (The size as `gazetteer list` writes one of megabytes: "11.8 MB".)
    let size = last
        .strip_prefix(&format!("compiled:  {file} ("))
        .and_then(|rest| rest.split_once(" MB, gazex "))
        .map(|(size, _)| size);
    assert!(
        size.is_some_and(|s| s.parse::<f64>().is_ok_and(|mb| (5.0..50.0).contains(&mb)))
            && last.contains(&format!(", gazex {}, build ", env!("CARGO_PKG_VERSION"))),
        "{last}"
    );
    assert!(lists.contains("gazetteers/ofac-sdn.jsonl\n  source:    gazetteers/ofac-sdn.jsonl ("));
    assert!(lists.contains(
        "total: 22326 entities in 4 files; 796 merged across lists (203 undecided, 227 \
         contradicting), 21530 entities used\n"
    ));
}

/// A compiled file that cannot be used is refused with one line naming it
/// and saying why; nothing is extracted.
#[test]
fn a_bad_compiled_file_is_refused_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("mine.txt"), "Versor S.R.O.\nKim Jong Un\n").unwrap();
    let good = dir.join("mine.gazex");
    let good_s = good.to_str().unwrap();
    stdout_of(
        gazex(
            dir,
            &[
                "gazetteer",
                "compile",
                "-g",
                dir.join("mine.txt").to_str().unwrap(),
                "-o",
                good_s,
            ],
        ),
        "gazetteer compile",
    );
    let doc = dir.join("doc.txt");
    std::fs::write(&doc, "Versor S.R.O. met Kim Jong Un.\n").unwrap();
    let doc = doc.to_str().unwrap();
    let found = stdout_of(gazex(dir, &["extract", "-g", good_s, doc]), "extract");
    assert_eq!(found.lines().count(), 2, "{found}");

    let bytes = std::fs::read(&good).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_str().unwrap().to_string()
    };
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    let mut other_build = bytes.clone();
    other_build[12..20].copy_from_slice(b"00000000");
    let cases = [
        (
            write("cut.gazex", &bytes[..bytes.len() / 2]),
            "compiled gazetteer is truncated: ",
        ),
        (
            write("flipped.gazex", &flipped),
            "compiled gazetteer is corrupt: its tables do not match their checksum",
        ),
        (
            write("other.gazex", &other_build),
            "compiled gazetteer written by gazex ",
        ),
        (
            write("empty.gazex", b""),
            "not a compiled gazetteer (it does not start with the bytes \"GAZEXCMP\")",
        ),
        (
            write("text.gazex", b"Kim Jong Un\n"),
            "not a compiled gazetteer",
        ),
    ];
    for (path, expected) in &cases {
        let err = refusal(gazex(dir, &["extract", "-g", path, doc]));
        assert!(
            err.starts_with(&format!("gazex: error: {path}: {expected}")),
            "{err}"
        );
    }

    // Alone, and with the --no-merge it was compiled with.
    let err = refusal(gazex(
        dir,
        &["extract", "-g", good_s, "-g", "mine.txt", doc],
    ));
    assert!(
        err.contains("a compiled gazetteer is loaded alone"),
        "{err}"
    );
    let err = refusal(gazex(dir, &["extract", "--no-merge", "-g", good_s, doc]));
    assert!(
        err.contains("--no-merge needs a gazetteer compiled with --no-merge"),
        "{err}"
    );
    let err = refusal(gazex(
        dir,
        &["gazetteer", "compile", "-g", good_s, "-o", "again.gazex"],
    ));
    assert!(err.contains("already a compiled gazetteer"), "{err}");
}
