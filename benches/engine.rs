//! Criterion benchmarks of the engine's parts, on inputs bundled with the
//! repository (no network, no generated data needed):
//!
//! - `normalize`: [`gazex::normalize::normalize`] over a fixed text, the two
//!   press reports in `corpus/` and the 34 articles of `tests/data/eval/articles/`
//!   concatenated (~46 KB); and `normalize_into` into a reused buffer, with
//!   its fast path (`fixed-text/fast-path`) and with the general rules alone
//!   (`fixed-text/general-rules`, [`gazex::normalize::normalize_general_into`]).
//! - `normalize-words`: the fast path's word cases one at a time, each a
//!   text of 64 KB of the fixed text's own words drawn with a fixed seed,
//!   through `normalize_into` and through the general rules alone:
//!   `short` (words under eight bytes, one space apart: cut from the masks
//!   of a block of 64 bytes classified at once, each written with its
//!   space in one store, `State::plain_words`), `long` (words of eight
//!   bytes or more: written eight bytes at a time), `punctuated` (short
//!   words, each followed by a comma, a full stop or a line break before
//!   the next: the separators through the loop, the full stop and line
//!   break through the general rules). What the fast path saves per kind
//!   of word shows as the gap between the two lines of each.
//! - `resolve`: [`Resolver::resolve`] over the same text with a matcher built
//!   from the bundled `gazetteers/` (built once, outside the timing); and
//!   `resolve/synthetic-20k`, the same with 20,000 synthetic names.
//! - `resolve-dense`: [`Resolver::resolve`] over one dense document, the
//!   second press report of `corpus/` written 100, 400 and 1,000 times
//!   (each copy numbered, as in issue 19's bug 4: 225 KB to 2.25 MB, 15
//!   mentions a copy), with the bundled `gazetteers/` merged as `gazex
//!   extract` merges them. Time linear in the mentions shows as the same
//!   throughput at every size (it fell fourfold with each fourfold size
//!   when each short form scanned the mentions before it).
//! - `resolve-bearers`: [`Resolver::resolve`] document by document, as the
//!   pipeline resolves, over the 36 files of the fixed text, each opened
//!   by a line naming two listed persons in full, with 20,000 synthetic
//!   persons (a native list, typed `person`) drawn from the 300 commonest
//!   census surnames (about 65 bearers each): every capitalized common
//!   surname is read as dozens of entities, as at 500,000 names. It times
//!   what such a list costs the resolver per reading: the proper-name
//!   test asked once per span, the earlier uses of a surname followed
//!   through links of the word instead of searched for (issue 17, second
//!   step).
//! - `gazetteer`: loading a plain name list from disk and building the
//!   [`Matcher`] (`Gazetteer::load` + `Matcher::new`) at 1k and 20k names, and
//!   the bundled gazetteers (`gazetteers/`, ~21k entities).
//!
//! Name lists are synthetic and deterministic: person names made of real
//! given names and surnames (US Census 1990 lists in `data/census/`) and
//! organization names made of words taken from the bundled OFAC names plus a
//! legal form, drawn with a fixed-seed generator. They are written to a
//! temporary `.txt` file so the timing includes parsing, as `gazex extract -g
//! names.txt` does.
//!
//! Environment:
//! - `GAZEX_BENCH_500K=1` adds the 500,000-name case (about a minute of
//!   generation and several builds; off by default to keep `cargo bench` short).
//! - `GAZEX_BENCH_NAMES=DIR` uses `DIR/names-{1k,20k,500k}.txt` (the lists
//!   `benches/throughput/make-data.sh` generates) instead of the synthetic ones,
//!   where present.
//!
//! Run: `cargo bench --bench engine` (or `cargo bench --bench engine -- gazetteer`
//! for one group). Under `cargo test --benches` / `--all-targets` (criterion's
//! test mode, no `--bench` argument, debug build) every benchmark runs once on
//! a 100-name list and the bundled-gazetteer cases are skipped, to stay fast.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gazex::gazetteer::Gazetteer;
use gazex::normalize::{normalize, normalize_general_into, normalize_into, Normalized};
use gazex::resolve::Resolver;
use gazex::Matcher;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixed text: bundled press reports and evaluation articles, in name order.
fn fixed_text() -> String {
    let mut text = String::new();
    for doc in fixed_docs() {
        text.push_str(&doc);
        text.push_str("\n\n");
    }
    text
}

/// The fixed text's files, each a document, in name order.
fn fixed_docs() -> Vec<String> {
    let mut paths = Vec::new();
    for dir in ["corpus", "tests/data/eval/articles"] {
        for e in std::fs::read_dir(root().join(dir)).expect("read bench text folder") {
            let p = e.expect("dir entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read bench text"))
        .collect()
}

/// SplitMix64: a tiny fixed-seed generator, so the lists never change.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("read bundled word list")
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(title_case)
        .collect()
}

/// Capitalized alphabetic words of 4+ letters from the bundled OFAC names.
fn ofac_words() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("gazetteers/ofac-sdn.jsonl"))
        .expect("read gazetteers/ofac-sdn.jsonl");
    let mut seen = HashSet::new();
    let mut words = Vec::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(name) = v.get("name").and_then(|n| n.as_str()) else {
            continue;
        };
        for w in name.split(|c: char| !c.is_alphabetic()) {
            if w.chars().count() >= 4 && seen.insert(w.to_lowercase()) {
                words.push(title_case(w));
            }
        }
    }
    words.sort();
    words
}

const LEGAL: &[&str] = &[
    "LLC",
    "Limited Liability Company",
    "S.R.O.",
    "Ltd.",
    "GmbH",
    "OOO",
    "JSC",
    "PJSC",
    "Co., Ltd.",
    "S.A.",
    "Inc.",
    "Corporation",
    "FZE",
    "Pte. Ltd.",
];

/// `n` distinct (case-insensitively) synthetic names, deterministic: 60%
/// persons ("Given [Given|I.] Surname"), 40% organizations ("Word Word LEGAL").
fn synthetic_names(n: usize) -> Vec<String> {
    let given = lines(&root().join("data/census/given-names.txt"));
    let surnames = lines(&root().join("data/census/common-surnames.txt"));
    // the OFAC words cost a parse of the whole bundled list: not in test mode
    let words = if test_mode() {
        surnames.clone()
    } else {
        ofac_words()
    };
    let mut rng = Rng(20240601);
    let mut seen = HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let r = rng.next() % 100;
        let name = if r < 35 {
            format!("{} {}", rng.pick(&given), rng.pick(&surnames))
        } else if r < 50 {
            let g = rng.pick(&given).to_string();
            let initial = rng.pick(&given).chars().next().unwrap_or('A');
            format!("{g} {initial}. {}", rng.pick(&surnames))
        } else if r < 60 {
            format!(
                "{} {} {}",
                rng.pick(&given),
                rng.pick(&given),
                rng.pick(&surnames)
            )
        } else {
            let legal = LEGAL[(rng.next() % LEGAL.len() as u64) as usize];
            format!("{} {} {legal}", rng.pick(&words), rng.pick(&words))
        };
        if seen.insert(name.to_lowercase()) {
            out.push(name);
        }
    }
    out
}

/// A plain-list file of `n` names: from `GAZEX_BENCH_NAMES` if set and
/// present, else synthetic, written under `dir`.
fn names_file(label: &str, n: usize, dir: &Path) -> PathBuf {
    if let Some(d) = std::env::var_os("GAZEX_BENCH_NAMES") {
        let p = Path::new(&d).join(format!("names-{label}.txt"));
        if p.is_file() {
            return p;
        }
    }
    let p = dir.join(format!("names-{label}.txt"));
    let mut text = synthetic_names(n).join("\n");
    text.push('\n');
    std::fs::write(&p, text).expect("write synthetic names");
    p
}

/// Criterion's test mode (`cargo test --benches`): cargo passes `--bench`
/// only when benchmarking.
fn test_mode() -> bool {
    !std::env::args().any(|a| a == "--bench")
}

fn sizes() -> Vec<(&'static str, usize)> {
    if test_mode() {
        return vec![("100", 100)];
    }
    let mut v = vec![("1k", 1_000), ("20k", 20_000)];
    if std::env::var_os("GAZEX_BENCH_500K").is_some_and(|v| v != "0") {
        v.push(("500k", 500_000));
    }
    v
}

fn bench_normalize(c: &mut Criterion) {
    let text = fixed_text();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("fixed-text", |b| b.iter(|| normalize(black_box(&text))));
    // The fast path (plain prose words written whole) against the general
    // rules alone, into one reused buffer as the resolver normalizes.
    let mut out = Normalized::new();
    g.bench_function("fixed-text/fast-path", |b| {
        b.iter(|| {
            normalize_into(black_box(&text), &mut out);
            out.tokens().len()
        })
    });
    g.bench_function("fixed-text/general-rules", |b| {
        b.iter(|| {
            normalize_general_into(black_box(&text), &mut out);
            out.tokens().len()
        })
    });
    g.finish();
}

/// 64 KB of `words` drawn with a fixed seed, each followed by `sep`'s
/// choice of separator.
fn word_text(words: &[String], seed: u64, sep: impl Fn(u64) -> &'static str) -> String {
    let mut rng = Rng(seed);
    let mut text = String::new();
    while text.len() < 64 * 1024 {
        text.push_str(rng.pick(words));
        text.push_str(sep(rng.next()));
    }
    text
}

fn bench_normalize_words(c: &mut Criterion) {
    // The fixed text's words of ASCII letters and digits, by length.
    let text = fixed_text();
    let mut short = Vec::new();
    let mut long = Vec::new();
    for w in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        match w.len() {
            0 => {}
            1..=7 => short.push(w.to_string()),
            _ => long.push(w.to_string()),
        }
    }
    let cases = [
        ("short", word_text(&short, 1, |_| " ")),
        ("long", word_text(&long, 2, |_| " ")),
        (
            "punctuated",
            word_text(&short, 3, |r| [", ", ". ", "\n"][(r % 3) as usize]),
        ),
    ];
    let mut g = c.benchmark_group("normalize-words");
    let mut out = Normalized::new();
    for (label, text) in &cases {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("fast-path", label), text, |b, text| {
            b.iter(|| {
                normalize_into(black_box(text), &mut out);
                out.tokens().len()
            })
        });
        g.bench_with_input(BenchmarkId::new("general-rules", label), text, |b, text| {
            b.iter(|| {
                normalize_general_into(black_box(text), &mut out);
                out.tokens().len()
            })
        });
    }
    g.finish();
}

fn bench_resolve(c: &mut Criterion) {
    let text = fixed_text();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut gazetteers = Vec::new();
    if test_mode() {
        let p = names_file("100", 100, dir.path());
        gazetteers.push(("synthetic-100", Gazetteer::load(&p).expect("load names")));
    } else {
        let bundled = root().join("gazetteers");
        gazetteers.push((
            "bundled",
            Gazetteer::load(&bundled).expect("load gazetteers"),
        ));
        let p = names_file("20k", 20_000, dir.path());
        gazetteers.push(("synthetic-20k", Gazetteer::load(&p).expect("load names")));
    }
    let mut g = c.benchmark_group("resolve");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for (label, gaz) in &gazetteers {
        let matcher = Matcher::new(gaz);
        let mut resolver = Resolver::new(&matcher);
        let mut out = Vec::new();
        g.bench_function(*label, |b| {
            b.iter(|| {
                out.clear();
                resolver.resolve(black_box(&text), &mut out);
                out.len()
            })
        });
    }
    g.finish();
}

/// `n` distinct persons ("Given Surname", "Given Given Surname") drawn
/// with a fixed seed from the census given names and the `surnames`
/// commonest census surnames: many bearers to each surname.
fn shared_surname_names(n: usize, surnames: usize) -> Vec<String> {
    let given = lines(&root().join("data/census/given-names.txt"));
    let all = lines(&root().join("data/census/common-surnames.txt"));
    let surnames = &all[..surnames.min(all.len())];
    let mut rng = Rng(17);
    let mut seen = HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let name = if rng.next() % 4 == 0 {
            format!(
                "{} {} {}",
                rng.pick(&given),
                rng.pick(&given),
                rng.pick(surnames)
            )
        } else {
            format!("{} {}", rng.pick(&given), rng.pick(surnames))
        };
        if seen.insert(name.to_lowercase()) {
            out.push(name);
        }
    }
    out
}

fn bench_resolve_bearers(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (label, n) = if test_mode() {
        ("shared-surnames-100", 100)
    } else {
        ("shared-surnames-20k", 20_000)
    };
    let names = shared_surname_names(n, 300);
    let p = dir.path().join("persons-shared.jsonl");
    let list: String = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let e = serde_json::json!({"id": format!("p{i}"), "name": name, "type": "person"});
            format!("{e}\n")
        })
        .collect();
    std::fs::write(&p, list).expect("write synthetic persons");
    let gaz = Gazetteer::load(&p).expect("load persons");
    let docs: Vec<String> = fixed_docs()
        .into_iter()
        .enumerate()
        .map(|(i, doc)| {
            let (a, b) = (&names[(2 * i) % n], &names[(2 * i + 1) % n]);
            format!("{a} met {b} on Tuesday.\n\n{doc}")
        })
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let matcher = Matcher::new(&gaz);
    let mut resolver = Resolver::new(&matcher);
    let mut out = Vec::new();
    let mut g = c.benchmark_group("resolve-bearers");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(label, |b| {
        b.iter(|| {
            let mut mentions = 0;
            for doc in &docs {
                out.clear();
                resolver.resolve(black_box(doc), &mut out);
                mentions += out.len();
            }
            mentions
        })
    });
    g.finish();
}

fn bench_gazetteer(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    for (label, n) in sizes() {
        let path = names_file(label, n, dir.path());
        g.bench_with_input(BenchmarkId::new("load+build", label), &path, |b, p| {
            b.iter(|| {
                let gaz = Gazetteer::load(p).expect("load names");
                Matcher::new(&gaz)
            })
        });
    }
    if !test_mode() {
        let bundled = root().join("gazetteers");
        g.bench_with_input(
            BenchmarkId::new("load+build", "bundled"),
            &bundled,
            |b, p| {
                b.iter(|| {
                    let gaz = Gazetteer::load(p).expect("load bundled gazetteers");
                    Matcher::new(&gaz)
                })
            },
        );
    }
    g.finish();
}

/// The dense document: the second press report written `copies` times,
/// each copy numbered (issue 19, bug 4).
fn dense_text(copies: usize) -> String {
    let report = std::fs::read_to_string(root().join("corpus/001_b2083945801a1459.txt"))
        .expect("read corpus/001_b2083945801a1459.txt");
    (0..copies).map(|i| format!("{report}\n#{i}\n")).collect()
}

fn bench_resolve_dense(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (gaz, sizes) = if test_mode() {
        let p = names_file("100", 100, dir.path());
        (Gazetteer::load(&p).expect("load names"), vec![20])
    } else {
        let mut g = Gazetteer::load(&root().join("gazetteers")).expect("load gazetteers");
        g.merge_same_people();
        (g, vec![100, 400, 1000])
    };
    let matcher = Matcher::new(&gaz);
    let mut resolver = Resolver::new(&matcher);
    let mut out = Vec::new();
    let mut g = c.benchmark_group("resolve-dense");
    g.sample_size(10);
    for copies in sizes {
        let text = dense_text(copies);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(copies), &text, |b, text| {
            b.iter(|| {
                out.clear();
                resolver.resolve(black_box(text), &mut out);
                out.len()
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_normalize,
    bench_normalize_words,
    bench_resolve,
    bench_resolve_dense,
    bench_resolve_bearers,
    bench_gazetteer
);
criterion_main!(benches);
