//! The fault suite: every kind of bad input, built in a temporary folder
//! and run through the real binary with a small fixture gazetteer. Each
//! case asserts the exit status, the error records, and that every good
//! file's mentions are present with exact offsets.
//!
//! The names are made up for the test (not list entries).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const GAZETTEER: &str = concat!(
    r#"{"id":"fx-1","name":"Zorvath Dériaska","type":"person"}"#,
    "\n",
    r#"{"id":"fx-2","name":"Quillon Varga","type":"person"}"#,
    "\n",
    r#"{"id":"fx-3","name":"Testaro S.R.O.","type":"organization"}"#,
    "\n",
);

struct Run {
    status: i32,
    mentions: Vec<Value>,
    errors: Vec<Value>,
    stderr: String,
}

fn gazex(dir: &Path, args: &[&str]) -> Command {
    let g = dir.join("gazetteer.jsonl");
    if !g.exists() {
        std::fs::write(&g, GAZETTEER).unwrap();
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazex"));
    cmd.current_dir(dir)
        .arg("extract")
        .arg("-g")
        .arg(&g)
        .args(["-j", "2", "--quiet"])
        .args(args);
    cmd
}

fn parse(out: Output) -> Run {
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let mentions = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let errors = stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    Run {
        status: out.status.code().unwrap_or(-1),
        mentions,
        errors,
        stderr,
    }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    parse(gazex(dir, args).stdin(Stdio::null()).output().unwrap())
}

/// The mentions of `doc` (matched by path suffix) as (entity, text).
fn of<'a>(r: &'a Run, doc: &str) -> Vec<&'a Value> {
    r.mentions
        .iter()
        .filter(|m| m["doc"].as_str().unwrap().ends_with(doc))
        .collect()
}

fn span(m: &Value) -> (usize, usize) {
    (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    )
}

fn char_span(m: &Value) -> (usize, usize) {
    (
        m["char_start"].as_u64().unwrap() as usize,
        m["char_end"].as_u64().unwrap() as usize,
    )
}

/// Asserts the error records name exactly `paths` (by suffix), each with a
/// reason containing the paired word.
fn assert_errors(r: &Run, want: &[(&str, &str)]) {
    for (path, word) in want {
        let e = r
            .errors
            .iter()
            .find(|e| e["path"].as_str().unwrap().ends_with(path))
            .unwrap_or_else(|| panic!("no error for {path}: {:#?}", r.errors));
        assert_eq!(e["type"], "error");
        let reason = e["reason"].as_str().unwrap();
        assert!(reason.contains(word), "{path}: {reason:?} lacks {word:?}");
    }
    assert_eq!(r.errors.len(), want.len(), "errors: {:#?}", r.errors);
}

fn corpus() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("corpus");
    std::fs::create_dir(&c).unwrap();
    (tmp, c)
}

fn utf16le(s: &str) -> Vec<u8> {
    let mut b = vec![0xff, 0xfe];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    b
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn encodings_are_decoded_and_offsets_point_into_the_original_bytes() {
    let (tmp, c) = corpus();
    let latin1 = b"Le ministre Zorvath D\xe9riaska a parl\xe9 \x93hier\x94.\n".to_vec();
    let mut lossy = "Über Zorvath Dériaska, ça et là: ".as_bytes().to_vec();
    lossy.extend_from_slice(b"\xff\xfe damaged, then Quillon Varga.");
    let utf16 = utf16le("Quillon Varga and Zorvath Dériaska spoke.\r\n");
    std::fs::write(c.join("latin1.txt"), &latin1).unwrap();
    std::fs::write(c.join("lossy.txt"), &lossy).unwrap();
    std::fs::write(c.join("utf16.txt"), &utf16).unwrap();
    let r = run(tmp.path(), &["corpus"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_errors(&r, &[]);

    let m = of(&r, "latin1.txt");
    assert_eq!(m.len(), 1, "{:#?}", r.mentions);
    let (s, e) = span(m[0]);
    assert_eq!(&latin1[s..e], b"Zorvath D\xe9riaska");
    assert_eq!(m[0]["text"], "Zorvath Dériaska");
    assert_eq!(char_span(m[0]), (s, e), "one character per byte");

    let m = of(&r, "lossy.txt");
    assert_eq!(m.len(), 2, "{:#?}", r.mentions);
    for x in &m {
        let (s, e) = span(x);
        assert_eq!(&lossy[s..e], x["text"].as_str().unwrap().as_bytes());
    }
    let decoded = String::from_utf8_lossy(&lossy);
    let (cs, ce) = char_span(m[1]);
    let by_char: String = decoded.chars().skip(cs).take(ce - cs).collect();
    assert_eq!(by_char, "Quillon Varga");

    let m = of(&r, "utf16.txt");
    assert_eq!(m.len(), 2, "{:#?}", r.mentions);
    for x in &m {
        let (s, e) = span(x);
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(&utf16[s..e]);
        assert_eq!(text, x["text"].as_str().unwrap());
    }
    assert_eq!(span(m[0]).0, 2, "after the byte-order mark");

    // --encoding forces a reading.
    std::fs::write(c.join("latin1.txt"), "Zorvath D\u{e9}riaska".as_bytes()).unwrap();
    let r = run(tmp.path(), &["corpus/latin1.txt", "--encoding", "latin1"]);
    assert_eq!(r.status, 0);
    assert!(r.mentions.is_empty(), "UTF-8 read as Latin-1 is mojibake");
    let r = run(tmp.path(), &["corpus", "--encoding", "no-such"]);
    assert_eq!(r.status, 2);
}

#[test]
fn html_and_jsonl_and_gzip() {
    let (tmp, c) = corpus();
    let page = "<html><head><title>News</title><script>var x = 'Quillon Varga';</script>\
                <style>p { }</style></head><body><p>Zorvath D&eacute;riaska met</p>\
                <p>Quillon&nbsp;Varga &amp; co.</p><!-- Testaro S.R.O. --></body></html>";
    std::fs::write(c.join("page.html"), page).unwrap();
    std::fs::write(c.join("page2.htm.gz"), gzip(page.as_bytes())).unwrap();
    let jsonl = concat!(
        r#"{"id":"a","text":"Quillon Varga said"}"#,
        "\n{not json\n\n",
        r#"{"id":7,"text":"caf\u00e9 \u2014 Zorvath D\u00e9riaska"}"#,
        "\n",
        r#"{"id":"c","body":"no text field"}"#,
        "\n",
        r#"{"id":"d","text":"last line, no newline, Testaro S.R.O."}"#
    );
    std::fs::write(c.join("docs.jsonl"), jsonl).unwrap();
    std::fs::write(c.join("docs2.jsonl.gz"), gzip(jsonl.as_bytes())).unwrap();
    let r = run(tmp.path(), &["corpus"]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(r.errors.len(), 4, "{:#?}", r.errors);
    for (i, e) in r.errors.iter().enumerate() {
        let want_line = if i % 2 == 0 { 2 } else { 5 };
        assert_eq!(e["line"], want_line, "{e}");
        assert!(e["path"].as_str().unwrap().contains("docs"));
    }

    for name in ["page.html", "page2.htm.gz"] {
        let m = of(&r, name);
        let got: Vec<&str> = m.iter().map(|x| x["text"].as_str().unwrap()).collect();
        assert_eq!(got, ["Zorvath Dériaska", "Quillon\u{a0}Varga"], "{name}");
        let (s, e) = span(m[0]);
        assert_eq!(&page[s..e], "Zorvath D&eacute;riaska");
        let (s, e) = span(m[1]);
        assert_eq!(&page[s..e], "Quillon&nbsp;Varga");
        let (cs, _) = char_span(m[1]);
        assert_eq!(cs, page[..s].chars().count());
    }

    // The second file repeats the first's ids: its records are qualified
    // by the file, so that every document's id is its own.
    let docs: Vec<&Value> = r
        .mentions
        .iter()
        .filter(|m| !m["doc"].as_str().unwrap().contains("page"))
        .collect();
    let ids: Vec<&str> = docs.iter().map(|m| m["doc"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "a",
            "7",
            "d",
            "corpus/docs2.jsonl.gz#a",
            "corpus/docs2.jsonl.gz#7",
            "corpus/docs2.jsonl.gz#d"
        ]
    );
    let value = "caf\u{e9} \u{2014} Zorvath D\u{e9}riaska";
    let m = docs[1];
    let (s, e) = span(m);
    assert_eq!(&value[s..e], "Zorvath Dériaska");
    let (cs, ce) = char_span(m);
    assert_eq!((cs, ce), (7, 23));

    // Standard input is JSON Lines by default; other fields by flag.
    let mut child = gazex(
        tmp.path(),
        &["-", "--id-field", "uid", "--text-field", "body"],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, r#"{{"uid":"s1","body":"Quillon Varga"}}"#).unwrap();
    }
    let r = parse(child.wait_with_output().unwrap());
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.mentions.len(), 1);
    assert_eq!(r.mentions[0]["doc"], "s1");
}

#[test]
fn binary_odd_and_broken_files_are_reported_and_the_rest_goes_on() {
    let (tmp, c) = corpus();
    let good = "Quillon Varga met Zorvath Dériaska.\n";
    std::fs::write(c.join("good.txt"), good).unwrap();
    std::fs::write(c.join("empty.txt"), "").unwrap();
    std::fs::write(c.join("nonl.txt"), "ends with Quillon Varga").unwrap();
    std::fs::write(c.join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0Quillon Varga").unwrap();
    std::fs::write(c.join("paper.txt"), b"%PDF-1.7 Quillon Varga").unwrap();
    std::fs::write(c.join("archive.txt"), b"PK\x03\x04Quillon Varga").unwrap();
    std::fs::write(c.join("photo.txt"), b"\xff\xd8\xff\xe0Quillon Varga").unwrap();
    std::fs::write(c.join("anim.txt"), b"GIF89aQuillon Varga").unwrap();
    std::fs::write(c.join("nul.txt"), b"Quillon Varga\0\0").unwrap();
    std::fs::write(c.join("ignored.jpg"), b"\xff\xd8\xff").unwrap();
    let sub = c.join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("nested.txt"), good).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(c.join("missing.txt"), c.join("broken.txt")).unwrap();
        symlink(&c, sub.join("loop")).unwrap();
        let fifo = c.join("fifo.txt");
        assert!(Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
    }
    // A folder given twice, and nested in another given path.
    let r = run(
        tmp.path(),
        &["corpus", "corpus/sub", "corpus", "corpus/good.txt"],
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    let mut want = vec![
        ("image.md", "PNG"),
        ("paper.txt", "PDF"),
        ("archive.txt", "zip"),
        ("photo.txt", "JPEG"),
        ("anim.txt", "GIF"),
        ("nul.txt", "NUL byte at offset 13"),
    ];
    if cfg!(unix) {
        want.extend([
            ("broken.txt", "broken symbolic link"),
            ("loop", "loop"),
            ("fifo.txt", "not a regular file"),
        ]);
    }
    assert_errors(&r, &want);
    let m = of(&r, "/good.txt");
    assert_eq!(m.len(), 2, "each file once: {:#?}", r.mentions);
    for x in &m {
        let (s, e) = span(x);
        assert_eq!(&good[s..e], x["text"].as_str().unwrap());
    }
    assert_eq!(of(&r, "nested.txt").len(), 2);
    let m = of(&r, "nonl.txt");
    assert_eq!(m.len(), 1);
    assert_eq!(span(m[0]), (10, 23));
    assert!(of(&r, "empty.txt").is_empty());

    // A FIFO named directly is refused, not waited on.
    #[cfg(unix)]
    {
        let r = run(tmp.path(), &["corpus/fifo.txt", "corpus/good.txt"]);
        assert_eq!(r.status, 1);
        assert_errors(&r, &[("fifo.txt", "FIFO")]);
        assert_eq!(r.mentions.len(), 2);
    }
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, c) = corpus();
    let p = c.join("secret.txt");
    std::fs::write(&p, "Quillon Varga").unwrap();
    std::fs::write(c.join("open.txt"), "Quillon Varga").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: then there is nothing to deny.
    let root = std::fs::read(&p).is_ok();
    let r = run(tmp.path(), &["corpus"]);
    if root {
        assert_eq!(r.status, 0);
        assert_eq!(r.mentions.len(), 2);
    } else {
        assert_eq!(r.status, 1);
        assert_errors(&r, &[("secret.txt", "ermission")]);
        assert_eq!(r.mentions.len(), 1);
    }
}

#[test]
fn a_file_deleted_after_listing_is_an_error_of_its_own() {
    use gazex::extract::{extract_sources, Options};
    use gazex::input::Source;
    let (_tmp, c) = corpus();
    std::fs::write(c.join("here.txt"), "Quillon Varga").unwrap();
    let gz: gazex::gazetteer::Gazetteer = gazex::gazetteer::Gazetteer::from_entities(
        gazex::gazetteer::native::read(GAZETTEER.as_bytes(), Path::new("g"))
            .unwrap()
            .into_iter()
            .map(|(_, e)| e),
    );
    let matcher = gazex::Matcher::new(&gz);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let sources = vec![
        Source::Path(c.join("gone.txt")),
        Source::Path(c.join("here.txt")),
    ];
    let mut sink = gazex::output::jsonl::JsonlSink::new(Vec::new());
    let mut errors = Vec::new();
    let summary = extract_sources(
        &matcher,
        &sources,
        &Options::default(),
        &pool,
        &mut sink,
        &mut |e| errors.push(e.clone()),
    )
    .unwrap();
    assert_eq!(summary.errors, 1);
    assert!(errors[0].path.ends_with("gone.txt"), "{errors:?}");
    let out = String::from_utf8(sink.into_inner()).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn big_texts_are_read_in_windows_and_names_across_cuts_found_once() {
    let (tmp, c) = corpus();
    // Names at every position relative to the cuts, one line and many.
    let mut lines = String::new();
    let mut one_line = String::new();
    for i in 0..400 {
        let filler = "x".repeat(i % 17);
        lines.push_str(&format!("{filler} Quillon Varga, Zorvath\nDériaska.\n"));
        one_line.push_str(&format!("{filler} Quillon Varga and Zorvath Dériaska; "));
    }
    std::fs::write(c.join("lines.txt"), &lines).unwrap();
    std::fs::write(c.join("one.txt"), &one_line).unwrap();
    std::fs::write(c.join("big.txt.gz"), gzip(lines.as_bytes())).unwrap();
    let whole = run(tmp.path(), &["corpus"]);
    assert_eq!(whole.status, 0, "{}", whole.stderr);
    assert_eq!(whole.mentions.len(), 3 * 800);
    for window in ["256", "1000", "4099"] {
        let r = run(tmp.path(), &["corpus", "--window", window]);
        assert_eq!(r.status, 0, "{}", r.stderr);
        assert_eq!(r.mentions, whole.mentions, "window {window}");
    }
    for m in of(&whole, "lines.txt") {
        let (s, e) = span(m);
        assert_eq!(&lines[s..e], m["text"].as_str().unwrap());
        let (cs, ce) = char_span(m);
        assert_eq!(lines[..s].chars().count(), cs);
        assert_eq!(lines[..e].chars().count(), ce);
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_keeps_the_previous_output() {
    use std::io::Write;
    let (tmp, _c) = corpus();
    let out = tmp.path().join("out.jsonl");
    std::fs::write(&out, "previous\n").unwrap();
    let mut child = gazex(tmp.path(), &["-", "-o", "out.jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..10 {
        writeln!(stdin, r#"{{"id":"{i}","text":"Quillon Varga"}}"#).unwrap();
    }
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(std::time::Duration::from_millis(200));
    // The reader waits on standard input; the next line wakes it.
    let _ = writeln!(stdin, r#"{{"id":"x","text":"y"}}"#);
    drop(stdin);
    let r = parse(child.wait_with_output().unwrap());
    assert_eq!(r.status, 130, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous\n");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn gazetteer_run(entities: &str, text: &str) -> Run {
    let (tmp, c) = corpus();
    std::fs::write(tmp.path().join("g.jsonl"), entities).unwrap();
    std::fs::write(c.join("a.txt"), text).unwrap();
    parse(
        Command::new(env!("CARGO_BIN_EXE_gazex"))
            .current_dir(tmp.path())
            .args(["extract", "-g", "g.jsonl", "--quiet", "corpus"])
            .output()
            .unwrap(),
    )
}

#[test]
fn gazetteer_faults() {
    // A malformed line names file and line; exit 2.
    let r = gazetteer_run(
        "{\"id\":\"a\",\"name\":\"Quillon Varga\",\"type\":\"person\"}\n{oops\n",
        "x",
    );
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("g.jsonl:2"), "{}", r.stderr);
    // An entity without a name.
    let r = gazetteer_run("{\"id\":\"a\",\"name\":\" \",\"type\":\"person\"}\n", "x");
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("name"), "{}", r.stderr);
}

#[test]
fn duplicate_ids_and_degenerate_aliases() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    std::fs::write(
        d.join("g1.jsonl"),
        concat!(
            r#"{"id":"dup","name":"Quillon Varga","type":"person","aliases":["!!!","X","-"]}"#,
            "\n"
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("g2.jsonl"),
        r#"{"id":"dup","name":"Zorvath Dériaska","type":"person"}"#,
    )
    .unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "X marks the spot - !!! and Quillon Varga, not Zorvath Dériaska.",
    )
    .unwrap();
    let r = parse(
        Command::new(env!("CARGO_BIN_EXE_gazex"))
            .current_dir(d)
            .args([
                "extract", "-g", "g1.jsonl", "-g", "g2.jsonl", "--quiet", "corpus",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    // The first definition wins; the repeat is a warning naming both.
    assert!(
        r.stderr.contains("dup") && r.stderr.contains("g2.jsonl") && r.stderr.contains("g1.jsonl"),
        "{}",
        r.stderr
    );
    let texts: Vec<&str> = r
        .mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Quillon Varga"], "degenerate aliases never match");
}

/// A million names load (run with `cargo test -- --ignored`; about a minute
/// in a debug build).
#[test]
#[ignore]
fn a_million_names_load() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut list = String::with_capacity(30 << 20);
    for i in 0..1_000_000u32 {
        list.push_str(&format!("Name{i:x} Fixturson{}\n", i % 977));
    }
    list.push_str("Quillon Varga\n");
    std::fs::write(d.join("names.txt"), list).unwrap();
    std::fs::create_dir(d.join("corpus")).unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "Quillon Varga met Name1f Fixturson31.",
    )
    .unwrap();
    let r = parse(
        Command::new(env!("CARGO_BIN_EXE_gazex"))
            .current_dir(d)
            .args(["extract", "-g", "names.txt", "--quiet", "corpus"])
            .output()
            .unwrap(),
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.mentions.len(), 2, "{:#?}", r.mentions);
}

/// A 2 GB text in bounded memory (run with `cargo test -- --ignored`).
#[cfg(target_os = "linux")]
#[test]
#[ignore]
fn a_two_gigabyte_file_in_bounded_memory() {
    use std::io::Write;
    let (tmp, c) = corpus();
    let mut f = std::io::BufWriter::new(std::fs::File::create(c.join("big.txt")).unwrap());
    let block = "filler words and more filler words, nothing to see here at all.\n".repeat(1024);
    let mut written = 0u64;
    while written < 2 << 30 {
        f.write_all(block.as_bytes()).unwrap();
        written += block.len() as u64;
    }
    f.write_all(b"At the very end, Quillon Varga.\n").unwrap();
    drop(f);
    std::fs::write(tmp.path().join("gazetteer.jsonl"), GAZETTEER).unwrap();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(tmp.path())
        .args(["extract", "-g"])
        .arg(tmp.path().join("gazetteer.jsonl"))
        .args(["--quiet", "corpus"])
        .output();
    if let Ok(out) = out {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let rss: u64 = stderr
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("Maximum resident set size (kbytes): ")
            })
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        assert!(rss < 2 << 20, "max RSS {rss} KiB");
    }
    let r = run(tmp.path(), &["corpus"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.mentions.len(), 1);
    assert_eq!(span(&r.mentions[0]).1 as u64, written + 30);
}
