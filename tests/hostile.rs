//! Hostile and unlucky inputs (issue 19): each case builds its input in the
//! test and checks that gazex stays linear in time, bounded in memory, and
//! loses nothing silently. The big versions are `#[ignore]`d (run them with
//! `cargo test --test hostile -- --ignored`); a smaller version of each
//! stays in the default suite. Bug 4's resolution in time linear in the
//! mentions of a document is tested in tests/dense.rs.

mod linear;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use gazex::input::decode::{decode, DecodeOptions};
use linear::{dense_news, scales_linearly, thread_time};

/// `text` repeated to about `bytes` bytes of UTF-16LE with its byte-order
/// mark.
fn utf16(text: &str, bytes: usize) -> Vec<u8> {
    let unit: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut out = vec![0xff, 0xfe];
    while out.len() < bytes {
        out.extend_from_slice(&unit);
    }
    out
}

/// `text` repeated to about `bytes` bytes of GBK.
fn gbk(text: &str, bytes: usize) -> Vec<u8> {
    let (unit, _, _) = encoding_rs::GBK.encode(text);
    let mut out = Vec::new();
    while out.len() < bytes {
        out.extend_from_slice(&unit);
    }
    out
}

/// Decodes `src` (forcing `label` if given), checks the text, and gives
/// the (CPU) time it took.
fn decode_time(src: &[u8], label: Option<&str>, expect: &str) -> Duration {
    let opts = match label {
        Some(l) => DecodeOptions::with_label(l).unwrap(),
        None => DecodeOptions::default(),
    };
    let t = thread_time();
    let d = decode(src, &opts);
    let took = thread_time() - t;
    assert!(d.text.starts_with(expect), "{:?}", &d.text[..40]);
    assert_eq!(d.map.unwrap().source_len(), src.len());
    took
}

/// Decodes `make(n)` and `make(2 * n)`: the double size must take less
/// than three times the single's ([`scales_linearly`]).
fn decodes_linearly(make: impl Fn(usize) -> Vec<u8>, n: usize, label: Option<&str>, expect: &str) {
    let (one, two) = (make(n), make(2 * n));
    let what = format!("decoding {} bytes ({label:?})", one.len());
    scales_linearly(&what, 2, 3, |double| {
        decode_time(if double { &two } else { &one }, label, expect)
    });
}

const FOX: &str = "The quick brown fox jumps over the lazy dog.\n";
const CJK: &str = "普京会见金正恩。 Putin met Kim Jong Un.\n";

/// Bug 2: UTF-16 and GBK decoded in time linear in their size: twice the
/// bytes take about twice the time (a 2 MB UTF-16 file took 17 s, four
/// times 1 MB's, quadratic, before; now a fraction of a second, even
/// unoptimized).
#[test]
fn multibyte_decoding_is_linear() {
    decodes_linearly(|n| utf16(FOX, n), 1 << 20, None, "The quick");
    decodes_linearly(|n| gbk(CJK, n), 512 << 10, Some("gbk"), "普京");
}

/// Bug 2, the issue's size: 4 and 8 MB of UTF-16 (267 s before for 8 MB)
/// and of GBK.
#[test]
#[ignore]
fn multibyte_decoding_is_linear_8mb() {
    decodes_linearly(|n| utf16(FOX, n), 4 << 20, None, "The quick");
    decodes_linearly(|n| gbk(CJK, n), 4 << 20, Some("gbk"), "普京");
}

/// The fixture gazetteer: names made up for the tests.
const GAZETTEER: &str = r#"{"id":"fx-2","name":"Quillon Varga","type":"person"}"#;

/// Runs `gazex extract` with the fixture gazetteer in `dir`; gives the
/// output, the status and the peak resident memory in KiB (`None` where it
/// cannot be read: not on Unix).
fn gazex_measured(dir: &Path, args: &[&str]) -> (Output, Option<u64>) {
    let g = dir.join("gazetteer.jsonl");
    std::fs::write(&g, GAZETTEER).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazex"));
    cmd.current_dir(dir)
        .args(["extract", "--quiet", "-g"])
        .arg(&g)
        .args(args)
        .stdin(Stdio::null());
    #[cfg(unix)]
    {
        let (out, kib) = run_measured(&mut cmd);
        (out, Some(kib))
    }
    #[cfg(not(unix))]
    {
        (cmd.output().unwrap(), None)
    }
}

/// Checks that gazex exited 0, else shows its standard error.
fn exited_0(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs gazex with `args` in `dir` and checks that it exits 0 (else shows
/// its standard error).
fn gazex_ok<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    exited_0(&out);
    out
}

/// The peak memory `gazex_measured` read: a test of memory fails, never
/// passes, where it cannot be read.
fn peak_kib(rss: Option<u64>) -> u64 {
    rss.expect("peak memory is read with wait4(2), on Unix only: this test cannot run here")
}

/// Runs `cmd` to its end, its output captured, and gives its peak resident
/// memory in KiB, the `ru_maxrss` that wait4(2) reports for it.
///
/// The child is forked (a hook before exec keeps the standard library from
/// spawning it with vfork, whose child's `ru_maxrss` starts from the test
/// process's own peak), so the figure is the larger of gazex's peak and
/// this process's resident size when it forked: an upper bound on gazex's.
#[cfg(unix)]
fn run_measured(cmd: &mut Command) -> (Output, u64) {
    use std::io::Read;
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    // SAFETY: the hook does nothing, so nothing unsafe after fork.
    unsafe { cmd.pre_exec(|| Ok(())) };
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            r.read_to_end(&mut v).unwrap();
            v
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: plain values for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: our own child, not yet waited for (`child` never waits).
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        assert_eq!(e.kind(), std::io::ErrorKind::Interrupted, "wait4: {e}");
    }
    drop(child);
    let max = u64::try_from(usage.ru_maxrss).unwrap();
    // Linux gives KiB, macOS bytes.
    let kib = if cfg!(target_os = "macos") {
        max / 1024
    } else {
        max
    };
    let out = Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    (out, kib)
}

/// Writes `lines` lines of filler as gzip-compressed UTF-16LE (with its
/// byte-order mark) to `path`, "Quillon Varga" planted in the first, middle
/// and last lines; gives the planted names' byte offsets in the
/// decompressed file.
fn utf16_gz(path: &Path, lines: usize) -> Vec<usize> {
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(path).unwrap(),
        flate2::Compression::fast(),
    );
    gz.write_all(&[0xff, 0xfe]).unwrap();
    let mut at = 2;
    let mut planted = Vec::new();
    for i in 0..lines {
        let line = if i == 0 || i == lines / 2 || i + 1 == lines {
            planted.push(at + "Seen: ".len() * 2);
            "Seen: Quillon Varga in the filler text.\n"
        } else {
            FOX
        };
        let bytes: Vec<u8> = line.encode_utf16().flat_map(u16::to_le_bytes).collect();
        gz.write_all(&bytes).unwrap();
        at += bytes.len();
    }
    gz.finish().unwrap();
    planted
}

/// Checks a run's mentions are the planted names at their offsets.
fn found_planted(out: &Output, planted: &[usize]) {
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let starts: Vec<usize> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|m| {
            assert_eq!(m["text"], "Quillon Varga");
            let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            assert_eq!(e - s, 26, "13 UTF-16 code units");
            s as usize
        })
        .collect();
    assert_eq!(starts, planted);
}

/// Bug 1: a compressed UTF-16 text is read in windows like UTF-8, in
/// bounded memory. 8 MB of UTF-16 read in windows of 256 KiB peaks at
/// about 30 MB; read whole, as before, it took over 400 MB (a map entry
/// per character), and the issue's 4 GiB aborted the run.
#[test]
fn compressed_utf16_is_read_in_windows() {
    let tmp = tempfile::tempdir().unwrap();
    let planted = utf16_gz(&tmp.path().join("u.txt.gz"), (8 << 20) / 90);
    let (out, rss) = gazex_measured(tmp.path(), &["--window", "262144", "u.txt.gz"]);
    exited_0(&out);
    found_planted(&out, &planted);
    let kib = peak_kib(rss);
    assert!(
        kib < 150 << 10,
        "peak RSS {kib} KiB reading 8 MB of UTF-16 in windows"
    );
}

/// Bug 1 at scale: 1 GiB of UTF-16 (in about 4 MB of gzip) in the default
/// 16 MiB windows: the run completes in bounded memory.
#[test]
#[ignore]
fn a_gigabyte_of_compressed_utf16_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let planted = utf16_gz(&tmp.path().join("u.txt.gz"), (1 << 30) / 90);
    let (out, rss) = gazex_measured(tmp.path(), &["u.txt.gz"]);
    exited_0(&out);
    found_planted(&out, &planted);
    let kib = peak_kib(rss);
    assert!(kib < 1 << 20, "peak RSS {kib} KiB reading 1 GiB of UTF-16");
}

/// Whether a CSV cell would run as a formula in a spreadsheet.
fn formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The rows of CSV text, header included.
fn csv_rows(text: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Bug 9: no cell of `--format csv` or `report --csv` starts a formula:
/// a record id, a context, an entity id and name starting with `=`, `@`,
/// `-` or a tab get a `'` in front (they were written as they are).
#[test]
fn csv_cells_never_start_a_formula() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("g.jsonl"),
        r#"{"id":"@fx-2","name":"Quillon Varga","type":"person","aliases":["-Quillon Varga"]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("i.jsonl"),
        "{\"id\":\"=HYPERLINK(\\\"http://x\\\")\",\"text\":\"=1+2 Quillon Varga\"}\n\
         {\"id\":\"\\t=2\",\"text\":\"+3 Quillon Varga\"}\n",
    )
    .unwrap();
    let extract = |format: &str| {
        gazex_ok(
            dir,
            &[
                "extract",
                "-q",
                "-g",
                "g.jsonl",
                "i.jsonl",
                "--context",
                "5",
                "--format",
                format,
            ],
        )
        .stdout
    };
    let rows = csv_rows(&extract("csv"));
    assert_eq!(rows.len(), 3, "{rows:?}");
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let docs: Vec<&str> = rows[1..].iter().map(|r| r[col("doc")].as_str()).collect();
    assert_eq!(docs, ["'=HYPERLINK(\"http://x\")", "'\t=2"]);
    assert_eq!(rows[1][col("context_text")], "'=1+2 Quillon Varga");
    assert_eq!(rows[2][col("context_text")], "'+3 Quillon Varga");
    assert_eq!(rows[1][col("entity_id")], "'@fx-2");
    for row in &rows {
        assert!(!row.iter().any(|c| formula(c)), "{row:?}");
    }

    std::fs::write(dir.join("m.jsonl"), extract("jsonl")).unwrap();
    let out = gazex_ok(dir, &["report", "m.jsonl", "--csv"]);
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1][0], "'@fx-2");
    assert!(
        rows[1].iter().any(|c| c == "'=HYPERLINK(\"http://x\")"),
        "{:?}",
        rows[1]
    );
    for row in &rows {
        assert!(!row.iter().any(|c| formula(c)), "{row:?}");
    }
}

/// Bug 10: `-j` beyond 4 threads per core is lowered to that, with a
/// warning, and the output is that of `-j 1` (`-j 100000` started a
/// hundred thousand threads; this asks 5,000, which took seconds to start).
#[test]
fn threads_are_capped_per_core() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("a.txt"), "Quillon Varga met the press.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "Nobody else: Quillon Varga.\n").unwrap();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let (one, _) = gazex_measured(dir, &["-j", "1", "a.txt", "b.txt"]);
    let started = Instant::now();
    let (many, _) = gazex_measured(dir, &["-j", "5000", "a.txt", "b.txt"]);
    let took = started.elapsed();
    assert_eq!(many.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&many.stderr);
    let warning = format!(
        "gazex: --threads 5000 is more than 4 per core ({cores} available); using {}",
        4 * cores
    );
    assert!(stderr.contains(&warning), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 2);
    assert_eq!(one.stdout, many.stdout);
    assert!(took < Duration::from_secs(30), "{took:?}");
    let (fine, _) = gazex_measured(dir, &["-j", &(4 * cores).to_string(), "a.txt", "b.txt"]);
    assert!(!String::from_utf8_lossy(&fine.stderr).contains("more than"));
}

/// The mentions of a run's JSON Lines output as (doc, mention_id).
fn docs_and_ids(stdout: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|m| {
            (
                m["doc"].as_str().unwrap().into(),
                m["mention_id"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// The rows of a query of two columns (text, integer) on the index.
fn pairs(db: &Path, sql: &str) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut q = conn.prepare(sql).unwrap();
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The index's mentions as (doc, start), in order.
fn indexed(db: &Path) -> Vec<(String, i64)> {
    pairs(db, "SELECT doc, start FROM mentions ORDER BY doc, start")
}

/// Bug 3: the same JSON Lines id in two files, and twice in one, keeps
/// every mention: the first record keeps its id, later ones are qualified
/// by their file (and line); mention ids are distinct, and the index holds
/// every mention (it held one of three, a different one each run).
#[test]
fn repeated_record_ids_lose_no_mention() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("in")).unwrap();
    let rec = |id: u32, text: &str| format!("{{\"id\":{id},\"text\":\"{text}\"}}\n");
    std::fs::write(
        dir.join("in/a.jsonl"),
        rec(1, "Quillon Varga met Quillon Varga."),
    )
    .unwrap();
    std::fs::write(
        dir.join("in/b.jsonl"),
        [
            rec(1, "Then Quillon Varga."),
            rec(2, "Quillon Varga."),
            rec(1, "Quillon Varga again."),
        ]
        .concat(),
    )
    .unwrap();
    let (out, _) = gazex_measured(dir, &["in"]);
    exited_0(&out);
    let found = docs_and_ids(&out.stdout);
    let docs: Vec<&str> = found.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(docs, ["1", "1", "in/b.jsonl#1", "2", "in/b.jsonl:3#1"]);
    let ids: std::collections::HashSet<&str> = found.iter().map(|(_, i)| i.as_str()).collect();
    assert_eq!(ids.len(), 5, "mention ids repeat: {found:?}");
    for run in 0..2 {
        let (out, _) = gazex_measured(dir, &["in", "--db", "i.db", "--stats"]);
        exited_0(&out);
        let mut want: Vec<(String, i64)> = [("1", 0), ("1", 18), ("2", 0), ("in/b.jsonl#1", 5)]
            .map(|(d, s)| (d.to_string(), s))
            .to_vec();
        want.push(("in/b.jsonl:3#1".into(), 0));
        want.sort();
        assert_eq!(indexed(&dir.join("i.db")), want, "run {run}");
    }
}

/// Bug 3: two file names differing only in bytes that are not UTF-8 keep
/// different `doc`s (`a%FF.txt`, `a%FE.txt`; both were `a\u{FFFD}.txt`),
/// and a name that still collides (`a%FE.txt` itself) is an error of that
/// file, its mentions not written over the other's.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_stay_apart() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("in")).unwrap();
    let name = |b: &[u8]| dir.join("in").join(OsStr::from_bytes(b));
    std::fs::write(name(b"a\xff.txt"), "Quillon Varga here.\n").unwrap();
    std::fs::write(name(b"a\xfe.txt"), "And Quillon Varga.\n").unwrap();
    let (out, _) = gazex_measured(dir, &["in", "--db", "i.db"]);
    exited_0(&out);
    let docs: Vec<String> = docs_and_ids(&gazex_measured(dir, &["in"]).0.stdout)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    assert_eq!(docs, ["in/a%FE.txt", "in/a%FF.txt"]);
    assert_eq!(
        indexed(&dir.join("i.db")),
        [
            ("in/a%FE.txt".to_string(), 4),
            ("in/a%FF.txt".to_string(), 0)
        ]
    );

    std::fs::write(dir.join("in/a%FE.txt"), "Quillon Varga, third.\n").unwrap();
    let (out, _) = gazex_measured(dir, &["in"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with('{')).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains(r#""path":"in/a%FE.txt""#) && errors[0].contains("not UTF-8"),
        "{stderr}"
    );
    let docs: Vec<String> = docs_and_ids(&out.stdout)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    assert_eq!(docs, ["in/a%FE.txt", "in/a%FF.txt"]);
}

/// About 400 KB of words drawn at random (so that compressed bytes follow
/// the text), "Quillon Varga" planted on six lines; the text, its gzip
/// and the planted names' byte offsets.
fn planted_gz() -> (String, Vec<u8>, Vec<usize>) {
    const WORDS: [&str; 8] = [
        "alpha", "river", "stone", "harbor", "market", "winter", "ocean", "paper",
    ];
    let mut seed: u64 = 7;
    let mut text = String::new();
    let mut planted = Vec::new();
    for i in 0..6000 {
        if i % 1000 == 100 {
            planted.push(text.len() + "Seen: ".len());
            text.push_str("Seen: Quillon Varga today.\n");
            continue;
        }
        for _ in 0..10 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
            text.push(' ');
        }
        text.push('\n');
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    (text, gz, planted)
}

/// The error records of a run's standard error.
fn error_records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The `--stats` line about the index.
fn index_stats(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .find(|l| l.starts_with("gazex: index:"))
        .unwrap_or_else(|| panic!("no index stats: {stderr}"))
        .to_string()
}

/// Bug 3 in `--db`: under a run path that is not UTF-8, a file gone since
/// the last run is flagged deleted (the path was compared as
/// `in\u{FFFD}` with ids written `in%FF/…`, so nothing under it was ever
/// deleted), and one outside the path is left alone.
#[cfg(unix)]
#[test]
fn deletions_are_found_under_a_path_that_is_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let root = OsStr::from_bytes(b"in\xff");
    std::fs::create_dir_all(dir.join(root)).unwrap();
    std::fs::create_dir_all(dir.join("other")).unwrap();
    std::fs::write(dir.join(root).join("a.txt"), "Quillon Varga here.\n").unwrap();
    std::fs::write(dir.join(root).join("b.txt"), "And Quillon Varga.\n").unwrap();
    std::fs::write(dir.join("other/c.txt"), "Quillon Varga too.\n").unwrap();
    std::fs::write(dir.join("gazetteer.jsonl"), GAZETTEER).unwrap();
    let run = |paths: &[&OsStr]| {
        let mut args: Vec<&OsStr> = ["extract", "--quiet", "-g", "gazetteer.jsonl"]
            .map(OsStr::new)
            .to_vec();
        args.extend(paths);
        args.extend(["--db", "i.db", "--stats"].map(OsStr::new));
        gazex_ok(dir, &args)
    };
    run(&[root, OsStr::new("other")]);
    assert_eq!(indexed(&dir.join("i.db")).len(), 3);
    std::fs::remove_file(dir.join(root).join("b.txt")).unwrap();
    let out = run(&[root]);
    assert_eq!(
        index_stats(&out),
        "gazex: index: 0 new, 0 changed, 1 unchanged, 1 deleted, 0 failed documents; \
         0 mentions written"
    );
    assert_eq!(
        indexed(&dir.join("i.db")),
        [
            ("in%FF/a.txt".to_string(), 0),
            ("other/c.txt".to_string(), 0)
        ]
    );
}

/// Bug 8: a truncated `.txt.gz` keeps what was read: every planted name
/// before the cut is found, and the truncation is one error naming the
/// file and the byte where reading stopped (the whole first window was
/// lost: no mention at all from a file 90% intact).
#[test]
fn a_truncated_gzip_text_keeps_what_was_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (text, gz, planted) = planted_gz();
    std::fs::write(dir.join("t.txt.gz"), &gz[..gz.len() * 9 / 10]).unwrap();
    for window in [None, Some("8192")] {
        let mut args = vec!["t.txt.gz"];
        if let Some(w) = window {
            args.extend(["--window", w]);
        }
        let (out, _) = gazex_measured(dir, &args);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let errors: Vec<serde_json::Value> = stderr
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(errors.len(), 1, "{stderr}");
        assert_eq!(errors[0]["path"], "t.txt.gz");
        let cut = errors[0]["byte"].as_u64().unwrap() as usize;
        assert!(cut > text.len() / 2 && cut < text.len(), "{cut}");
        let starts: Vec<usize> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["start"]
                    .as_u64()
                    .unwrap() as usize
            })
            .collect();
        let before: Vec<usize> = planted.iter().copied().filter(|&p| p + 13 <= cut).collect();
        assert!(before.len() >= 3, "{cut}");
        assert_eq!(starts, before, "window {window:?}");
    }
}

/// gazex extracting from standard input in `dir` with the test gazetteer:
/// the child, its standard input and its standard output.
#[cfg(unix)]
fn gazex_on_stdin(
    dir: &Path,
) -> (
    std::process::Child,
    std::process::ChildStdin,
    std::process::ChildStdout,
) {
    std::fs::write(dir.join("g.jsonl"), GAZETTEER).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(dir)
        .args(["extract", "-q", "-g", "g.jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    (child, stdin, stdout)
}

/// The exit code of `child`, which must exit within 10 s of `after`.
#[cfg(unix)]
fn exit_within_10_s(child: &mut std::process::Child, after: &str) -> Option<i32> {
    let asked = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        assert!(
            asked.elapsed() < Duration::from_secs(10),
            "no exit 10 s after {after}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Bug 6: reading standard input, each record's mentions follow it at
/// once while the input stays open (they came after about 1,024 more
/// records or the end of input), and a signal while gazex waits for the
/// next record ends the run at once, with what was read written (it was
/// acted on only when the next line arrived).
#[cfg(unix)]
#[test]
fn standard_input_streams_and_stops_on_a_signal() {
    use std::io::BufRead;
    use std::sync::mpsc;
    let tmp = tempfile::tempdir().unwrap();
    let (mut child, mut stdin, stdout) = gazex_on_stdin(tmp.path());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
            if tx.send(v["doc"].as_str().unwrap().to_string()).is_err() {
                break;
            }
        }
    });
    // Loading the gazetteer and the first record: well within a minute.
    let wait = Duration::from_secs(60);
    for id in ["a", "b"] {
        writeln!(stdin, r#"{{"id":"{id}","text":"Quillon Varga"}}"#).unwrap();
        stdin.flush().unwrap();
        assert_eq!(
            rx.recv_timeout(wait).as_deref(),
            Ok(id),
            "record {id} not written"
        );
    }
    // Standard input stays open; gazex waits for the next record.
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: a signal to our own child process.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    assert_eq!(exit_within_10_s(&mut child, "SIGTERM"), Some(130));
    drop(stdin);
}

/// Bugs 7 and 8 in `--db`: a `.txt.gz` that breaks off part-way keeps what
/// the index held for it (the part read replaced its rows: 6 mentions
/// became 3), and the run reports the error and the document as failed
/// only (it was also counted changed).
#[test]
fn a_truncated_gzip_text_keeps_its_indexed_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (_, gz, planted) = planted_gz();
    let db = dir.join("i.db");
    let run = |want: i32| {
        let (out, _) = gazex_measured(
            dir,
            &[
                "t.txt.gz",
                "other.txt",
                "--window",
                "8192",
                "--db",
                "i.db",
                "--stats",
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(want),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    std::fs::write(dir.join("t.txt.gz"), &gz).unwrap();
    std::fs::write(dir.join("other.txt"), "Quillon Varga.\n").unwrap();
    run(0);
    let before = indexed(&db);
    let want: Vec<(String, i64)> = std::iter::once(("other.txt".to_string(), 0))
        .chain(planted.iter().map(|&p| ("t.txt.gz".to_string(), p as i64)))
        .collect();
    assert_eq!(before, want);

    // Cut about half-way: the part read holds 3 of the 6 names.
    std::fs::write(dir.join("t.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(dir.join("other.txt"), "Quillon Varga, again.\n").unwrap();
    let out = run(1);
    let errors = error_records(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], "t.txt.gz");
    assert!(errors[0]["byte"].as_u64().unwrap() > 0, "{errors:?}");
    assert_eq!(indexed(&db), before);
    assert_eq!(
        index_stats(&out),
        "gazex: index: 0 new, 1 changed, 0 unchanged, 0 deleted, 1 failed documents; \
         1 mentions written"
    );
    // The next run with the whole file again indexes it (the savepoint was
    // let go, not left open).
    std::fs::write(dir.join("t.txt.gz"), &gz).unwrap();
    run(0);
    assert_eq!(indexed(&db), before);
}

/// Bug 7: a `.txt.gz` that cannot be read at all (a broken gzip header)
/// gives no document: `--db` keeps its rows (an empty window was matched
/// and replaced them with none, counted changed and failed), and the error
/// does not claim that some text was read.
#[test]
fn a_gzip_text_broken_at_its_first_byte_keeps_its_indexed_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let db = dir.join("i.db");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"Seen: Quillon Varga today.\n").unwrap();
    std::fs::write(dir.join("t.txt.gz"), gz.finish().unwrap()).unwrap();
    let (out, _) = gazex_measured(dir, &["t.txt.gz", "--db", "i.db"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(indexed(&db), [("t.txt.gz".to_string(), 6)]);

    std::fs::write(dir.join("t.txt.gz"), "no gzip here\n").unwrap();
    let (out, _) = gazex_measured(dir, &["t.txt.gz", "--db", "i.db", "--stats"]);
    assert_eq!(out.status.code(), Some(1));
    let errors = error_records(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], "t.txt.gz");
    let reason = errors[0]["reason"].as_str().unwrap();
    assert!(!reason.contains("was read"), "{reason}");
    assert_eq!(indexed(&db), [("t.txt.gz".to_string(), 6)]);
    assert_eq!(
        index_stats(&out),
        "gazex: index: 0 new, 0 changed, 0 unchanged, 0 deleted, 1 failed documents; \
         0 mentions written"
    );
    // Without --db: the error alone, no empty document.
    let (out, _) = gazex_measured(dir, &["t.txt.gz"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(error_records(&out).len(), 1);
}

/// Bug 6: a record read from standard input when a signal comes is still
/// written before the run stops: here the signal comes while gazex reads a
/// line sent in two parts, and the batch holding it (whole once its end
/// arrives) was dropped; every record read before must be written.
#[cfg(unix)]
#[test]
fn a_record_read_when_a_signal_comes_is_written() {
    use std::io::BufRead;
    use std::sync::mpsc;
    let tmp = tempfile::tempdir().unwrap();
    let (mut child, mut stdin, stdout) = gazex_on_stdin(tmp.path());
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut docs = Vec::new();
        for line in std::io::BufReader::new(stdout).lines() {
            let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
            docs.push(v["doc"].as_str().unwrap().to_string());
            let _ = tx.send(());
        }
        docs
    });
    writeln!(stdin, r#"{{"id":"a","text":"Quillon Varga"}}"#).unwrap();
    stdin.flush().unwrap();
    rx.recv_timeout(Duration::from_secs(60))
        .expect("record a not written");
    // Half a record: gazex reads it and waits for the rest of the line.
    write!(stdin, r#"{{"id":"b","text":"#).unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    // SAFETY: a signal to our own child process.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    std::thread::sleep(Duration::from_millis(300));
    writeln!(stdin, r#""Quillon Varga"}}"#).unwrap();
    stdin.flush().unwrap();
    assert_eq!(exit_within_10_s(&mut child, "the record's end"), Some(130));
    drop(stdin);
    assert_eq!(reader.join().unwrap(), ["a", "b"]);
}

/// ISO-2022-JP, whose shift state runs through the text, is read whole:
/// beyond 64 MiB it is refused with one error naming the file, in bounded
/// memory (it was read up to 1 GiB, held whole with its decoded text and
/// offset map).
#[test]
fn a_big_iso_2022_jp_text_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let line = b"Quillon Varga in plain ASCII, valid ISO-2022-JP.\n";
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("j.txt")).unwrap());
    for _ in 0..(65 << 20) / line.len() {
        f.write_all(line).unwrap();
    }
    f.into_inner().unwrap().sync_all().unwrap();
    let (out, rss) = gazex_measured(dir, &["--encoding", "iso-2022-jp", "j.txt"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let errors = error_records(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], "j.txt");
    let reason = errors[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("larger than 67108864 bytes in ISO-2022-JP"),
        "{reason}"
    );
    let kib = peak_kib(rss);
    assert!(kib < 200 << 10, "peak RSS {kib} KiB refusing 65 MiB");
}

/// Writes a big HTML page (`page.html`) and a JSON Lines file (`r.jsonl`)
/// whose first record's text is as big, followed by a small record, into
/// `dir`: about `bytes` bytes of filler each, "Quillon Varga" planted at
/// the start, the middle and the end (in the page inside a `<b>` after a
/// character reference). Gives the planted names' offsets: page bytes, and
/// bytes of the record's text.
fn big_page_and_record(dir: &Path, bytes: usize) -> (Vec<usize>, Vec<usize>) {
    // Paragraphs of ten sentences, as in a news page.
    let para = FOX.repeat(10);
    let paras = bytes / (para.len() + 8);
    let planted_at = |i: usize| i == 0 || i == paras / 2 || i + 1 == paras;
    let mut page = std::io::BufWriter::new(std::fs::File::create(dir.join("page.html")).unwrap());
    let mut at = 0;
    let mut in_page = Vec::new();
    let mut put = |s: &str, at: &mut usize| {
        page.write_all(s.as_bytes()).unwrap();
        *at += s.len();
    };
    put("<html><head><title>Filler</title></head><body>\n", &mut at);
    for i in 0..paras {
        if planted_at(i) {
            put("<p>Seen &amp; met: <b>", &mut at);
            in_page.push(at);
            put("Quillon Varga</b>.</p>\n", &mut at);
        } else {
            put("<p>", &mut at);
            put(&para, &mut at);
            put("</p>\n", &mut at);
        }
    }
    put("</body></html>\n", &mut at);
    page.into_inner().unwrap().sync_all().unwrap();
    let mut text = String::new();
    let mut in_record = Vec::new();
    for i in 0..paras {
        if planted_at(i) {
            text.push_str("Seen: ");
            in_record.push(text.len());
            text.push_str("Quillon Varga.\n");
        } else {
            text.push_str(&para);
        }
    }
    let record = serde_json::json!({"id": "big", "text": text});
    let small = serde_json::json!({"id": "small", "text": "And Quillon Varga again."});
    std::fs::write(dir.join("r.jsonl"), format!("{record}\n{small}\n")).unwrap();
    (in_page, in_record)
}

/// The `(doc, start)` of every mention in a run's output.
fn doc_starts(out: &Output) -> Vec<(String, u64)> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|m| {
            assert_eq!(m["text"], "Quillon Varga");
            (
                m["doc"].as_str().unwrap().to_string(),
                m["start"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Runs gazex on a big page and a big record of about `bytes` bytes each,
/// with `args`, and checks every planted name is found once at its offset
/// and the peak memory is under `max_kib`.
fn big_documents_in_bounded_memory(bytes: usize, args: &[&str], max_kib: u64) {
    let tmp = tempfile::tempdir().unwrap();
    let (in_page, in_record) = big_page_and_record(tmp.path(), bytes);
    for (file, planted) in [("page.html", &in_page), ("r.jsonl", &in_record)] {
        let mut all = args.to_vec();
        all.push(file);
        let (out, rss) = gazex_measured(tmp.path(), &all);
        exited_0(&out);
        let mut want: Vec<(String, u64)> = planted
            .iter()
            .map(|&p| {
                let doc = if file == "r.jsonl" { "big" } else { file };
                (doc.to_string(), p as u64)
            })
            .collect();
        if file == "r.jsonl" {
            want.push(("small".to_string(), 4));
        }
        assert_eq!(doc_starts(&out), want, "{file}");
        // (Only in an optimized build: unoptimized, matching is so much
        // slower than reading that the reader fills the pipeline's batch
        // budget with every window of the document, and the peak varies
        // from run to run, 66 to 144 MB on CI.)
        let kib = peak_kib(rss);
        assert!(
            cfg!(debug_assertions) || kib < max_kib,
            "peak RSS {kib} KiB for {file} of {} MB",
            bytes >> 20
        );
    }
}

/// Bug 5: an HTML page and a JSON Lines record are matched in windows, so
/// matching costs a window's memory, not the document's: a 12 MB page or
/// record in 1 MiB windows peaks under 60 MB, about 51 MB (109 MB before,
/// every folded word of the whole text and its span held at once). The
/// bound is checked in an optimized build (`cargo test --release`); an
/// unoptimized one checks the offsets only.
#[test]
fn big_pages_and_records_are_matched_in_windows() {
    big_documents_in_bounded_memory(12 << 20, &["--window", "1048576"], 60 << 10);
}

/// Bug 5 at scale: a 256 MB page and record in the default 16 MiB windows
/// peak under 2.5 times their size plus a window's matching (the issue's
/// 1 GB page took 9.1 GB, its record 7.4 GB).
#[test]
#[ignore]
fn big_pages_and_records_in_bounded_memory_256mb() {
    big_documents_in_bounded_memory(250 << 20, &[], (640 + 200) << 10);
}

/// A page or record over `--max-record-size` is skipped with one error
/// naming its file (and line); the records after it are read.
#[test]
fn a_record_over_the_limit_is_skipped_with_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, _) = big_page_and_record(tmp.path(), 1 << 20);
    let (out, _) = gazex_measured(
        tmp.path(),
        &["--max-record-size", "512K", "page.html", "r.jsonl"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_starts(&out), [("small".to_string(), 4)]);
    let errors = error_records(&out);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["path"], "page.html");
    assert_eq!(
        errors[0]["reason"],
        "larger than 524288 bytes (decompressed; --max-record-size), skipped"
    );
    assert_eq!(errors[1]["path"], "r.jsonl");
    assert_eq!(errors[1]["line"], 1);
    assert_eq!(
        errors[1]["reason"],
        "record longer than 524288 bytes (--max-record-size), skipped"
    );
}

/// `--max-file-size` stops reading a file at that many decompressed
/// bytes: the mentions before are written, the rest is one error at the
/// byte (or line) where reading stopped; other files are read whole.
#[test]
fn files_are_read_up_to_the_size_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (text, gz, planted) = planted_gz();
    std::fs::write(dir.join("t.txt.gz"), &gz).unwrap();
    let lines: String = text
        .lines()
        .map(|l| format!("{}\n", serde_json::json!({ "text": l })))
        .collect();
    std::fs::write(dir.join("d.jsonl"), &lines).unwrap();
    std::fs::write(dir.join("small.txt"), "Quillon Varga.\n").unwrap();
    let cap = text.len() / 2;
    let cap_arg = cap.to_string();
    let (out, _) = gazex_measured(
        dir,
        &[
            "--max-file-size",
            &cap_arg,
            "t.txt.gz",
            "d.jsonl",
            "small.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    // Files in order: d.jsonl, small.txt, t.txt.gz.
    let got = doc_starts(&out);
    let in_text: Vec<u64> = planted
        .iter()
        .filter(|&&p| p + 13 <= cap)
        .map(|&p| p as u64)
        .collect();
    assert_eq!(in_text.len(), 3);
    let of = |doc: &str| -> Vec<u64> {
        got.iter()
            .filter(|(d, _)| d.starts_with(doc))
            .map(|&(_, s)| s)
            .collect()
    };
    assert_eq!(of("t.txt.gz"), in_text, "{got:?}");
    assert_eq!(of("d.jsonl").len(), 3, "{got:?}");
    assert_eq!(of("small.txt"), [0]);
    let errors = error_records(&out);
    assert_eq!(errors.len(), 2, "{errors:?}");
    let reason =
        format!("larger than {cap} bytes (decompressed; --max-file-size), not read further");
    assert_eq!(errors[0]["path"], "d.jsonl");
    assert!(errors[0]["line"].as_u64().is_some(), "{errors:?}");
    assert_eq!(errors[0]["reason"], reason);
    assert_eq!(errors[1]["path"], "t.txt.gz");
    assert_eq!(errors[1]["byte"], cap as u64);
    let text_reason = errors[1]["reason"].as_str().unwrap();
    assert!(text_reason.starts_with(&reason), "{errors:?}");
}

/// UTF-16 without a byte-order mark is read as UTF-16 (it was refused as
/// "binary file (NUL byte at offset 1)"): little- and big-endian, whole
/// and in windows, each planted name found at its offset; a binary file
/// with NUL bytes is still refused.
#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut text = String::new();
    let mut planted = Vec::new();
    for i in 0..3000 {
        if i % 1000 == 500 {
            planted.push(2 * (text.len() + "Seen: ".len()));
            text.push_str("Seen: Quillon Varga.\n");
        } else {
            text.push_str(FOX);
        }
    }
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    std::fs::write(dir.join("le.txt"), &le).unwrap();
    std::fs::write(dir.join("be.txt"), &be).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&le).unwrap();
    std::fs::write(dir.join("le.txt.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.join("bin.txt"), b"\x01\x02\x00\x00\x00\x07data\x00\x00").unwrap();
    for (file, window) in [
        ("le.txt", None),
        ("be.txt", None),
        ("le.txt.gz", None),
        ("le.txt.gz", Some("16384")),
    ] {
        let mut args = vec![file];
        if let Some(w) = window {
            args.extend(["--window", w]);
        }
        let (out, _) = gazex_measured(dir, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let starts: Vec<u64> = doc_starts(&out).into_iter().map(|(_, s)| s).collect();
        let want: Vec<u64> = planted.iter().map(|&p| p as u64).collect();
        assert_eq!(starts, want, "{file} {window:?}");
    }
    let (out, _) = gazex_measured(dir, &["bin.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let errors = error_records(&out);
    assert_eq!(
        errors[0]["reason"],
        "binary file (NUL byte at offset 2), skipped"
    );
}

/// `-o` naming a folder is refused at once, before any input is read
/// (it failed only after the whole run), and leaves no temporary file.
#[test]
fn output_to_a_folder_is_refused_before_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("out")).unwrap();
    std::fs::write(dir.join("scan.txt"), b"%PDF-1.4 binary").unwrap();
    let (out, _) = gazex_measured(dir, &["-o", "out", "scan.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot write out: it is a folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("binary file"), "the run started: {stderr}");
    assert_eq!(temp_files(dir), Vec::<String>::new());
}

/// `-o FILE` keeps the mode of the file it replaces, and a new file gets
/// 0666 less the umask (both were 0600, a temporary file's mode).
#[cfg(unix)]
#[test]
fn output_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("a.txt"), "Quillon Varga.\n").unwrap();
    let mode = |name: &str| {
        std::fs::metadata(dir.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    for old in [0o644, 0o640, 0o664] {
        std::fs::write(dir.join("out.jsonl"), "old\n").unwrap();
        std::fs::set_permissions(dir.join("out.jsonl"), std::fs::Permissions::from_mode(old))
            .unwrap();
        let (out, _) = gazex_measured(dir, &["-o", "out.jsonl", "a.txt"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(std::fs::read_to_string(dir.join("out.jsonl"))
            .unwrap()
            .contains("Quillon Varga"));
        assert_eq!(mode("out.jsonl"), old, "{old:o}");
    }
    // SAFETY: umask only reads and restores the process's mask.
    let umask = unsafe {
        let m = libc::umask(0o022);
        libc::umask(m);
        m
    };
    let (out, _) = gazex_measured(dir, &["-o", "new.jsonl", "a.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(mode("new.jsonl"), 0o666 & !(umask as u32));
}

/// The `.gazex-*` files in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".gazex-"))
        .collect()
}

/// A temporary output file left by a killed run (`kill -9`) is removed by
/// the next run writing into its folder; one of a run still going, and
/// other files, are left alone.
#[cfg(unix)]
#[test]
fn temporary_files_of_killed_runs_are_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("a.txt"), "Quillon Varga.\n").unwrap();
    // A process id no process has any more.
    let mut gone = Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let dead = format!(".gazex-{}-Ab12Cd.tmp", gone.id());
    let live = format!(".gazex-{}-Ef34Gh.tmp", std::process::id());
    for name in [&dead, &live, &".gazex-Ij56Kl.tmp".to_string()] {
        std::fs::write(dir.join(name), "partial").unwrap();
    }
    let (out, _) = gazex_measured(dir, &["-o", "out.jsonl", "a.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let mut left = temp_files(dir);
    left.sort();
    let mut want = vec![live, ".gazex-Ij56Kl.tmp".to_string()];
    want.sort();
    assert_eq!(left, want);
}

/// A second signal ends the run at once and removes the temporary output
/// file (it was left behind); the previous output stays.
#[cfg(unix)]
#[test]
fn a_second_signal_leaves_no_temporary_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("d.txt"), dense_news(3000)).unwrap();
    std::fs::write(dir.join("out.jsonl"), "previous\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazex"))
        .current_dir(dir)
        .args(["extract", "-q", "-j", "1", "-o", "out.jsonl", "d.txt"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the temporary file (the gazetteer loaded, the run begun).
    let began = Instant::now();
    while temp_files(dir).is_empty() {
        assert!(
            began.elapsed() < Duration::from_secs(120),
            "no temporary file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    for _ in 0..2 {
        // SAFETY: a signal to our own child process.
        assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGINT) }, 0);
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(exit_within_10_s(&mut child, "two SIGINTs"), Some(130));
    assert_eq!(temp_files(dir), Vec::<String>::new());
    assert_eq!(
        std::fs::read_to_string(dir.join("out.jsonl")).unwrap(),
        "previous\n"
    );
}

/// `--db` refuses an index with a damaged page at once (`PRAGMA
/// quick_check` when it is opened), naming it and writing nothing; a run
/// that only added documents went on writing into it, exit 0.
#[test]
fn a_damaged_index_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let records: String = (0..3000)
        .map(|i| {
            let text = format!("Report {i}: Quillon Varga met Quillon Varga again. ").repeat(3);
            format!(
                "{}\n",
                serde_json::json!({"id": format!("r{i}"), "text": text})
            )
        })
        .collect();
    std::fs::write(dir.join("d.jsonl"), records).unwrap();
    let (out, _) = gazex_measured(dir, &["d.jsonl", "--db", "i.db"]);
    assert_eq!(out.status.code(), Some(0));
    // A leaf page in the middle of an index that adding documents never
    // reads: its cell pointers overwritten.
    let page = {
        let conn = rusqlite::Connection::open(dir.join("i.db")).unwrap();
        let pages: Vec<i64> = conn
            .prepare("SELECT pageno FROM dbstat WHERE name = 'mentions_by_entity' AND pagetype = 'leaf' ORDER BY pageno")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(pages.len() > 10, "{pages:?}");
        pages[pages.len() / 2]
    };
    {
        use std::io::{Seek, SeekFrom};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(dir.join("i.db"))
            .unwrap();
        f.seek(SeekFrom::Start((page as u64 - 1) * 4096 + 8))
            .unwrap();
        f.write_all(&[0xff; 64]).unwrap();
    }
    let before = std::fs::read(dir.join("i.db")).unwrap();
    std::fs::write(
        dir.join("e.jsonl"),
        "{\"id\":\"n\",\"text\":\"New: Quillon Varga.\"}\n",
    )
    .unwrap();
    let (out, _) = gazex_measured(dir, &["e.jsonl", "--db", "i.db"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("i.db: the index is damaged (Tree ")
            && stderr.contains("nothing was written to it"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(dir.join("i.db")).unwrap(), before);
}

/// Error records that cannot be written (`--errors` on a full disk) are
/// counted and the count told on standard error (they were dropped
/// without a word); the run's status still says inputs failed.
#[cfg(target_os = "linux")]
#[test]
fn error_records_lost_on_a_full_disk_are_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("in")).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.join("in").join(name), b"%PDF-1.4 binary").unwrap();
    }
    std::fs::write(dir.join("in/d.txt"), "Quillon Varga.\n").unwrap();
    let (out, _) = gazex_measured(dir, &["--errors", "/dev/full", "in"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "gazex: 3 error record(s) could not be written to /dev/full: No space left on device"
        ),
        "{stderr}"
    );
    assert_eq!(doc_starts(&out), [("in/d.txt".to_string(), 0)]);
}

/// An `<svg>` or `<math>` never closed hides only what a browser hides:
/// the page's text goes on at the next HTML block or inline element (every
/// later mention was lost).
#[test]
fn an_unclosed_svg_or_math_hides_only_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let page = "<html><body><p>Quillon Varga.</p><svg width=10><circle r=4>\
                <p>Later Quillon Varga.</p><math><mi>x</mi><div>And Quillon Varga.</div>";
    std::fs::write(dir.join("p.html"), page).unwrap();
    let (out, _) = gazex_measured(dir, &["p.html"]);
    assert_eq!(out.status.code(), Some(0));
    let starts: Vec<u64> = doc_starts(&out).into_iter().map(|(_, s)| s).collect();
    let want: Vec<u64> = page
        .match_indices("Quillon Varga")
        .map(|(i, _)| i as u64)
        .collect();
    assert_eq!(starts, want);
}

/// Two file links pointing at each other are a `symbolic link loop`, in a
/// walked folder or named directly (they were a "broken symbolic link");
/// a link to nothing is still a broken one.
#[cfg(unix)]
#[test]
fn a_loop_of_file_links_is_called_a_loop() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("in")).unwrap();
    std::os::unix::fs::symlink("b.txt", dir.join("in/a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("in/b.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", dir.join("in/c.txt")).unwrap();
    let reasons = |args: &[&str]| -> Vec<(String, String)> {
        let (out, _) = gazex_measured(dir, args);
        assert_eq!(out.status.code(), Some(1));
        error_records(&out)
            .iter()
            .map(|e| {
                let path = e["path"].as_str().unwrap().to_string();
                (path, e["reason"].as_str().unwrap().to_string())
            })
            .collect()
    };
    let (lp, broken) = ("symbolic link loop", "broken symbolic link");
    assert_eq!(
        reasons(&["in"]),
        [
            ("in/a.txt".to_string(), lp.to_string()),
            ("in/b.txt".to_string(), lp.to_string()),
            ("in/c.txt".to_string(), broken.to_string()),
        ]
    );
    assert_eq!(
        reasons(&["in/a.txt"]),
        [("in/a.txt".to_string(), lp.to_string())]
    );
}

/// When the gazetteers change, the mentions of entities they no longer
/// have leave the index, also in documents outside the run's paths, and so
/// leave `report --db` (they stayed until their document was matched
/// again).
#[test]
fn mentions_of_entities_gone_from_the_gazetteer_leave_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for sub in ["x", "y"] {
        std::fs::create_dir(dir.join(sub)).unwrap();
        std::fs::write(
            dir.join(sub).join("a.txt"),
            "Quillon Varga met Ximena Olaverri.\n",
        )
        .unwrap();
    }
    let one = r#"{"id":"fx-2","name":"Quillon Varga","type":"person"}"#;
    let two = format!(
        "{one}\n{}",
        r#"{"id":"fx-3","name":"Ximena Olaverri","type":"person"}"#
    );
    std::fs::write(dir.join("g2.jsonl"), two).unwrap();
    std::fs::write(dir.join("g1.jsonl"), one).unwrap();
    let index = |g: &str, path: &str| {
        gazex_ok(dir, &["extract", "-q", "-g", g, path, "--db", "i.db"]);
    };
    index("g2.jsonl", "x");
    assert_eq!(indexed(&dir.join("i.db")).len(), 2);
    // Ximena Olaverri leaves the list; the run indexes y only.
    index("g1.jsonl", "y");
    let conn = rusqlite::Connection::open(dir.join("i.db")).unwrap();
    let rows: Vec<(String, String)> = conn
        .prepare("SELECT doc, entity_id FROM mentions ORDER BY doc, entity_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let want =
        [("x/a.txt", "fx-2"), ("y/a.txt", "fx-2")].map(|(d, e)| (d.to_string(), e.to_string()));
    assert_eq!(rows, want);
    let x_count: i64 = conn
        .query_row(
            "SELECT mentions FROM documents WHERE id = 'x/a.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(x_count, 1);
    let report = gazex_ok(dir, &["report", "--db", "i.db", "--csv"]);
    let report = String::from_utf8_lossy(&report.stdout);
    assert!(!report.contains("fx-3"), "{report}");
    assert!(report.contains("fx-2"), "{report}");
}

/// `lines` lines of filler with "Quillon Varga" on every 500th, and one
/// more at the end (`tail`, so that a change there is in the last window).
fn planted_text(lines: usize, tail: &str) -> String {
    let mut text = String::new();
    for i in 0..lines {
        text.push_str(if i % 500 == 250 {
            "Seen: Quillon Varga today.\n"
        } else {
            FOX
        });
    }
    text.push_str(tail);
    text
}

/// The documents and their mention counts in the index.
fn indexed_documents(db: &Path) -> Vec<(String, i64)> {
    pairs(db, "SELECT id, mentions FROM documents ORDER BY id")
}

/// Audit item 1: an unchanged text read in windows (a `.txt.gz`, a text
/// over the window size) and an unchanged page or record bigger than a
/// window count as unchanged in `--db` on a second run, and nothing is
/// written (each was "changed" on every run); a change in the last window
/// only is still found, and the text matched again.
#[test]
fn unchanged_windowed_inputs_are_unchanged_in_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("in")).unwrap();
    let gz = |text: &str| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text.as_bytes()).unwrap();
        gz.finish().unwrap()
    };
    let small = planted_text(300, "");
    let big = planted_text(2000, "");
    std::fs::write(dir.join("in/small.txt.gz"), gz(&small)).unwrap();
    std::fs::write(dir.join("in/big.txt.gz"), gz(&big)).unwrap();
    std::fs::write(dir.join("in/big.txt"), &big).unwrap();
    let page = format!("<html><body><pre>{big}</pre></body></html>");
    std::fs::write(dir.join("in/big.html"), page).unwrap();
    let record = serde_json::json!({"id": "r1", "text": big}).to_string();
    std::fs::write(dir.join("in/big.jsonl"), record + "\n").unwrap();
    let run = || {
        let (out, _) = gazex_measured(dir, &["in", "--db", "i.db", "--stats", "--window", "16384"]);
        exited_0(&out);
        index_stats(&out)
    };
    let first = run();
    assert!(first.contains("5 new, 0 changed"), "{first}");
    let rows = indexed(&dir.join("i.db"));
    let docs = indexed_documents(&dir.join("i.db"));
    assert_eq!(docs.iter().map(|d| d.1).sum::<i64>(), 4 * 4 + 1, "{docs:?}");
    let second = run();
    assert!(
        second.contains("0 new, 0 changed, 5 unchanged") && second.contains("; 0 mentions written"),
        "{second}"
    );
    assert_eq!(indexed(&dir.join("i.db")), rows);
    assert_eq!(indexed_documents(&dir.join("i.db")), docs);

    // A name added at the very end (the last window) is found.
    let changed = planted_text(2000, "At last Quillon Varga.\n");
    std::fs::write(dir.join("in/big.txt.gz"), gz(&changed)).unwrap();
    std::fs::write(dir.join("in/big.txt"), &changed).unwrap();
    let third = run();
    assert!(third.contains("0 new, 2 changed, 3 unchanged"), "{third}");
    let docs = indexed_documents(&dir.join("i.db"));
    for name in ["in/big.txt", "in/big.txt.gz"] {
        let n = docs.iter().find(|d| d.0 == name).unwrap().1;
        assert_eq!(n, 5, "{name}: {docs:?}");
    }
}

/// Audit item 2: a JSON Lines id that another file's record holds in the
/// index is qualified by its file in a later run too, as it was in the
/// run that read both files: indexing `b.jsonl` alone neither replaces
/// `a.jsonl`'s document `1` nor leaves `b.jsonl#1` stale; indexed first,
/// `b.jsonl`'s record keeps the id and `a.jsonl`'s is the one qualified.
#[test]
fn record_ids_stay_unique_across_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("jd")).unwrap();
    std::fs::write(
        dir.join("jd/a.jsonl"),
        "{\"id\":1,\"text\":\"Quillon Varga met Quillon Varga.\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("jd/b.jsonl"),
        "{\"id\":1,\"text\":\"Then Quillon Varga.\"}\n",
    )
    .unwrap();
    let run = |paths: &[&str]| {
        let mut args = paths.to_vec();
        args.extend(["--db", "i.db", "--stats"]);
        let (out, _) = gazex_measured(dir, &args);
        exited_0(&out);
        index_stats(&out)
    };
    let both: Vec<(String, i64)> = [("1", 0), ("1", 18), ("jd/b.jsonl#1", 5)]
        .map(|(d, s)| (d.to_string(), s))
        .to_vec();
    run(&["jd"]);
    assert_eq!(indexed(&dir.join("i.db")), both);
    let stats = run(&["jd/b.jsonl"]);
    assert!(stats.contains("0 new, 0 changed, 1 unchanged"), "{stats}");
    assert_eq!(indexed(&dir.join("i.db")), both);
    let stats = run(&["jd/a.jsonl"]);
    assert!(stats.contains("0 new, 0 changed, 1 unchanged"), "{stats}");
    run(&["jd"]);
    assert_eq!(indexed(&dir.join("i.db")), both);
    assert_eq!(
        indexed_documents(&dir.join("i.db")),
        [("1".to_string(), 2), ("jd/b.jsonl#1".to_string(), 1)]
    );

    // A fresh index that sees b.jsonl first: a.jsonl's record is then
    // the one qualified, in every later run.
    std::fs::remove_file(dir.join("i.db")).unwrap();
    run(&["jd/b.jsonl"]);
    run(&["jd/a.jsonl"]);
    run(&["jd"]);
    let want: Vec<(String, i64)> = [("1", 5), ("jd/a.jsonl#1", 0), ("jd/a.jsonl#1", 18)]
        .map(|(d, s)| (d.to_string(), s))
        .to_vec();
    assert_eq!(indexed(&dir.join("i.db")), want);
}

/// Audit item 3: UTF-16 without a byte-order mark whose text is mostly
/// not ASCII (so its NUL bytes do not alternate) is refused with a hint
/// to name its encoding, and read with `--encoding utf-16le`.
#[test]
fn unmarked_utf16_of_other_scripts_is_refused_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let text =
        "新华社北京电 国务院总理今天在人民大会堂会见了来访的外国代表团。Quillon Varga 出席。\n"
            .repeat(40);
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.join("zh.txt"), &le).unwrap();
    let (out, _) = gazex_measured(dir, &["zh.txt"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let errors = error_records(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let why = errors[0]["reason"].as_str().unwrap();
    assert!(why.contains("--encoding utf-16le"), "{why}");
    let (out, _) = gazex_measured(dir, &["zh.txt", "--encoding", "utf-16le"]);
    exited_0(&out);
    assert_eq!(doc_starts(&out).len(), 40);
}

/// Audit item 3 (memory): 64 MB of Chinese in UTF-16, read in windows
/// with the bundled lists, peaks under 1.5 GB (2.1 GB when batches
/// counted a window by its source bytes, so that three 16 MiB windows were
/// decoded at once; now each counts four times its bytes).
#[cfg(unix)]
#[test]
#[ignore = "64 MB of UTF-16, about 15 s"]
fn chinese_utf16_windows_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let line = "新华社北京电 国务院总理今天在人民大会堂会见了来访的外国代表团。普京与金正恩举行会谈，双方讨论了制裁问题。\n";
    let unit: Vec<u8> = line.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut text = vec![0xff, 0xfe];
    while text.len() < 64_000_000 {
        text.extend_from_slice(&unit);
    }
    std::fs::write(dir.join("zh.txt"), &text).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazex"));
    cmd.current_dir(dir)
        .args(["extract", "--quiet", "zh.txt"])
        .stdin(Stdio::null());
    let (out, kib) = run_measured(&mut cmd);
    exited_0(&out);
    assert!(kib < 1_500_000, "peak {kib} KiB");
}

/// Audit item 3 (memory), the small version: a batch counts a window of
/// UTF-16 text at four times its bytes (it was counted at its bytes, as
/// one of UTF-8, so that a batch decoded several big ones at once).
#[test]
fn utf16_windows_weigh_their_decoded_size_in_a_batch() {
    use gazex::input::{Jobs, ReadOptions, Source};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let text = FOX.repeat(3000);
    let mut le = vec![0xff, 0xfe];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("le.txt"), &le).unwrap();
    std::fs::write(dir.join("u8.txt"), &text).unwrap();
    let opts = ReadOptions {
        window: 16384,
        overlap: 1024,
        ..ReadOptions::default()
    };
    let held = |name: &str| {
        let sources = [Source::Path(dir.join(name))];
        let job = Jobs::new(&sources, &opts).next().unwrap();
        job.held()
    };
    let (utf16, utf8) = (held("le.txt"), held("u8.txt"));
    assert!(utf8 > 16384 && utf8 < 20000, "{utf8}");
    assert!(
        utf16 >= 4 * 16384,
        "UTF-16 window held {utf16}, UTF-8 {utf8}"
    );
}
