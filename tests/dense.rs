//! Issue 19, bug 4: one document dense with mentions is resolved in time
//! linear in them. Kept apart from tests/hostile.rs, whose memory tests
//! read the peak of a child process: a child forked from a test process
//! that holds the bundled lists (as these tests do) counts their memory
//! as its own. The big versions are `#[ignore]`d (run them with `cargo
//! test --test dense -- --ignored`).

mod linear;

use std::time::Duration;

use gazex::date::DocDate;
use gazex::gazetteer::Gazetteer;
use gazex::resolve::Resolver;
use gazex::Matcher;
use linear::{dense_news, scales_linearly, thread_time};

/// The bundled lists, merged as `gazex extract` merges them.
fn bundled_matcher() -> Matcher {
    let mut g = Gazetteer::new();
    g.add_bundled().unwrap();
    g.merge_same_people();
    Matcher::new(&g)
}

/// Resolves `text` as one document (dated 1 May 2024); gives the (CPU)
/// time it took and the mentions found.
fn resolve_timed(matcher: &Matcher, text: &str) -> (Duration, usize) {
    let mut r = Resolver::new(matcher);
    r.set_date(DocDate::parse("2024-05-01").unwrap());
    let mut out = Vec::new();
    let t = thread_time();
    r.resolve(text, &mut out);
    (thread_time() - t, out.len())
}

/// Resolves `repeats` and four times `repeats` copies of the dense
/// document, each copy's mentions all found: four times the mentions must
/// take less than eight times as long (linear: four times; quadratic:
/// sixteen; [`scales_linearly`]).
fn resolves_linearly(repeats: usize) {
    let m = bundled_matcher();
    let (_, per_copy) = resolve_timed(&m, &dense_news(1));
    assert!(per_copy >= 10, "{per_copy} mentions in one copy");
    let (one, four) = (dense_news(repeats), dense_news(4 * repeats));
    let what = format!("resolving {repeats} copies ({} bytes)", one.len());
    scales_linearly(&what, 4, 8, |more| {
        let (text, copies) = if more {
            (&four, 4 * repeats)
        } else {
            (&one, repeats)
        };
        let (took, found) = resolve_timed(&m, text);
        assert_eq!(found, per_copy * copies, "mentions in {copies} copies");
        took
    });
}

/// Bug 4: a document's mentions are resolved in time linear in their
/// number. 150 and 600 copies of the dense document (337 KB and 1.35 MB in
/// one text): four times the copies took 9.4 times as long before
/// (unoptimized; 16 times optimized), each short form looking through
/// the mentions before it; about four times now.
#[test]
fn resolution_is_linear_in_the_mentions() {
    resolves_linearly(150);
}

/// Bug 4, the sizes: 1,000 and 4,000 copies (2.25 and 9 MB; 8.9 s
/// and 305 s for `gazex extract` before, 34 times as long).
#[test]
#[ignore]
fn resolution_is_linear_in_the_mentions_9mb() {
    resolves_linearly(1000);
}

/// `lines` lines naming people by a bare given name and a bare surname,
/// `surname`, and no one in full ("Omar spoke to Hassan on day 7."): no
/// mention, but every surname a candidate of each of its bearers.
fn bare_common_names(surname: &str, lines: usize) -> String {
    (0..lines)
        .map(|i| format!("Omar spoke to {surname} on day {i}.\n"))
        .collect()
}

/// How many listed people the matcher reads `word` alone as the surname
/// of, and whether it lists the word as written.
fn surname_readings(m: &Matcher, word: &str) -> (usize, bool) {
    let n = gazex::normalize::normalize(word);
    let (mut numbers, mut hits) = (Vec::new(), Vec::new());
    m.hits(&n, &mut numbers, &mut hits);
    let people = hits
        .iter()
        .flat_map(|h| m.targets(h.pattern))
        .filter(|t| t.variant == gazex::variants::Variant::Surname)
        .count();
    (people, numbers[0] != 0)
}

/// Bug 4, bare surnames: the rule that looks back through a surname's
/// earlier uses for another bearer walked them once for every listed
/// bearer of the word (49 for these two), each step a search of up to
/// 64 KiB of the text before it. The uses of a listed word ("Hassan")
/// have been followed along links since de71f9d; a respelling the matcher
/// reads as listed surnames but does not list ("Hasson") has no links,
/// and 250, 500 and 1,000 lines of it took 0.9, 3.8 and 18 s in `gazex
/// extract` at b31a425 (here 450 and 1,800 lines, 15 and 60 KB, under
/// the look-back window: 3.0 and 60 s).
#[test]
fn bare_surnames_of_many_bearers_resolve_linearly() {
    let m = bundled_matcher();
    for (surname, listed) in [("Hassan", true), ("Hasson", false)] {
        let (people, as_written) = surname_readings(&m, surname);
        assert!(people >= 20, "{surname}: the surname of {people} people");
        assert_eq!(as_written, listed, "{surname} listed as written");
        let one = bare_common_names(surname, 450);
        let four = bare_common_names(surname, 1800);
        let what = format!("resolving {} bytes of bare {surname}", one.len());
        scales_linearly(&what, 4, 8, |more| {
            let (took, found) = resolve_timed(&m, if more { &four } else { &one });
            assert_eq!(found, 0, "no one is named in full");
            took
        });
    }
}

/// Bug 4, in the matcher: a given name respelled only inside a longer
/// name ("Omar" for the "Umar" of Umar al-Bashir) dropped its lone
/// readings by a scan of every such word of the document for each
/// reading: 4,000 and 16,000 lines of three such words each took 71 ms
/// and 0.98 s to match at b31a425 (optimized), fourteen times as long for
/// four times the text; now about four times.
#[test]
fn names_respelled_inside_longer_names_are_matched_linearly() {
    let m = bundled_matcher();
    let text = |lines: usize| -> gazex::normalize::Normalized {
        let t: String = (0..lines)
            .map(|i| format!("Omar met Omar and Omar on day {i}.\n"))
            .collect();
        gazex::normalize::normalize(&t)
    };
    let (one, four) = (text(4000), text(16000));
    let hits = |n: &gazex::normalize::Normalized| {
        let mut out = Vec::new();
        let t = thread_time();
        m.hits(n, &mut Vec::new(), &mut out);
        (thread_time() - t, out.len())
    };
    // (Three words a line, each read at least as itself and respelled.)
    let found = (hits(&one).1, hits(&four).1);
    assert!(found.0 >= 12_000 && found.1 >= 48_000, "hits: {found:?}");
    scales_linearly("matching 4,000 lines of respelled names", 4, 8, |more| {
        hits(if more { &four } else { &one }).0
    });
}
