//! Property tests: offsets always slice to the mention, in bytes and in
//! characters, and planted names are found once each.
//!
//! The names are fixtures made up for the test (not list entries).

use gazex::gazetteer::{Entity, EntityType, Gazetteer};
use gazex::Matcher;
use proptest::prelude::*;

const NAMES: &[&str] = &[
    "Zorvath Dériaska",
    "Ólafur Þórsson Testmann",
    "ООО Фикстура",
    "Łukasz Żółwik",
    "Quillon Varga",
    "Testaro S.R.O.",
];

fn matcher() -> Matcher {
    let entities = NAMES.iter().enumerate().map(|(i, n)| {
        let kind = if n.contains("ООО") || n.contains("S.R.O") {
            EntityType::Organization
        } else {
            EntityType::Person
        };
        Entity::new(format!("fixture-{i}"), *n, kind)
    });
    Matcher::new(&Gazetteer::from_entities(entities))
}

/// Filler words: lower-case so they never read as part of a name, with
/// multi-byte characters and punctuation.
fn filler() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "the",
        "said",
        "über",
        "naïve",
        "日本語",
        "—",
        "“quoted”",
        "in",
        "ключ",
        "ça",
        "🙂",
        "a,",
        "of",
        "and",
        "x\u{301}y",
        "\n",
        "  ",
        "\u{a0}",
        "él",
    ])
    .prop_map(str::to_string)
}

/// A planted name, written as listed, upper-cased, with its spaces
/// replaced by line breaks and non-breaking spaces, or without diacritics.
fn planted() -> impl Strategy<Value = (usize, String)> {
    (0..NAMES.len(), 0..5usize).prop_map(|(i, style)| {
        let n = NAMES[i];
        let s = match style {
            0 => n.to_string(),
            1 => n.to_uppercase(),
            2 => n.replace(' ', "\n"),
            3 => n.replace(' ', "\u{a0}"),
            _ => {
                use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
                n.nfd().filter(|c| !is_combining_mark(*c)).collect()
            }
        };
        (i, s)
    })
}

fn document() -> impl Strategy<Value = (String, Vec<usize>)> {
    prop::collection::vec((prop::collection::vec(filler(), 0..6), planted()), 0..8).prop_map(
        |parts| {
            let mut text = String::new();
            let mut planted = Vec::new();
            for (words, (i, name)) in parts {
                for w in words {
                    text.push_str(&w);
                    text.push(' ');
                }
                text.push_str(&name);
                text.push_str(" . ");
                planted.push(i);
            }
            (text, planted)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn offsets_slice_to_the_mention((text, planted) in document()) {
        let m = matcher();
        let found = m.find(&text);
        let chars: Vec<char> = text.chars().collect();
        for x in &found {
            prop_assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
            let by_char: String = chars[x.char_start..x.char_end].iter().collect();
            prop_assert_eq!(&by_char, &text[x.start..x.end]);
            prop_assert_eq!(text[..x.start].chars().count(), x.char_start);
        }
        // Every planted name is found, once, in order.
        let got: Vec<String> = found.iter().map(|x| m.entity(x).id.clone()).collect();
        let want: Vec<String> = planted.iter().map(|i| format!("fixture-{i}")).collect();
        prop_assert_eq!(got, want, "text: {:?}", text);
        // Mentions never overlap.
        for w in found.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
    }
}

mod readers {
    //! The readers keep offsets exact: windows of any size find the same
    //! mentions as one whole read, for 1 or N threads; HTML and
    //! Windows-1252 sources map every mention back to its own bytes.

    use super::*;
    use gazex::document::Document;
    use gazex::extract::{extract_sources, Options};
    use gazex::input::decode::{decode, DecodeOptions};
    use gazex::input::html::html_to_text;
    use gazex::input::{ReadOptions, Source};
    use gazex::output::jsonl::JsonlSink;

    fn run(path: &std::path::Path, window: usize, threads: usize) -> String {
        let m = matcher();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let opts = Options {
            read: ReadOptions {
                window,
                overlap: 160,
                ..ReadOptions::default()
            },
            ..Options::default()
        };
        let mut sink = JsonlSink::new(Vec::new());
        extract_sources(
            &m,
            &[Source::Path(path.to_path_buf())],
            &opts,
            &pool,
            &mut sink,
            &mut |e| panic!("{e}"),
        )
        .unwrap();
        String::from_utf8(sink.into_inner()).unwrap()
    }

    /// Characters of Windows-1252 beyond ASCII, for Latin-1 filler.
    fn latin1_word() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "été",
            "garçon",
            "naïve",
            "€uro",
            "“quote”",
            "Ærø",
            "the",
            "ß",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn windows_and_threads_do_not_change_the_mentions(
            (text, planted) in document(),
            window in 64usize..600,
        ) {
            prop_assume!(!planted.is_empty());
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("t.txt");
            std::fs::write(&path, &text).unwrap();
            let whole = run(&path, 1 << 20, 1);
            prop_assert_eq!(whole.lines().count(), planted.len(), "{}", whole);
            prop_assert_eq!(&run(&path, window, 1), &whole, "window {}", window);
            prop_assert_eq!(&run(&path, window, 3), &whole, "window {}, 3 threads", window);
            prop_assert_eq!(&run(&path, 1 << 20, 3), &whole);
        }

        #[test]
        fn html_offsets_round_trip(
            (text, planted) in document(),
            seed in prop::collection::vec(0u8..8, 64),
        ) {
            // Escape the text as a page: some characters as references,
            // inline tags between words, markup-significant characters
            // always escaped.
            let mut page = String::from("<html><body><span>");
            for (i, c) in text.chars().enumerate() {
                let r = seed[i % seed.len()];
                match c {
                    '&' => page.push_str("&amp;"),
                    '<' => page.push_str("&lt;"),
                    '\r' => page.push_str("&#13;"),
                    ' ' if r == 1 => page.push_str(" <b>"),
                    ' ' if r == 2 => page.push_str("</b> "),
                    c if !c.is_ascii() && r < 3 => page.push_str(&format!("&#x{:x};", c as u32)),
                    c => page.push(c),
                }
            }
            page.push_str("</span></body></html>");
            let (got, map) = html_to_text(page.as_bytes(), &DecodeOptions::default());
            prop_assert_eq!(&got, &text);
            let doc = Document::mapped("p", got.clone(), map);
            for (i, c) in got.char_indices() {
                let s = doc.locate(i, i + c.len_utf8());
                let src = &page[s.start..s.end];
                prop_assert!(
                    src == c.to_string() || (src.starts_with('&') && src.ends_with(';')),
                    "{:?} from {:?}", c, src
                );
                prop_assert_eq!(s.char_start, page[..s.start].chars().count());
            }
            let found = matcher().find(&got);
            prop_assert_eq!(found.len(), planted.len());
        }

        #[test]
        fn windows_1252_offsets_round_trip(
            parts in prop::collection::vec((latin1_word(), 0..2usize), 1..30),
        ) {
            let mut text = String::new();
            let mut names = 0;
            for (w, n) in parts {
                text.push_str(&w);
                text.push(' ');
                if n == 1 {
                    text.push_str(if names % 2 == 0 { "Zorvath Dériaska" } else { "Quillon Varga" });
                    text.push_str(" . ");
                    names += 1;
                }
            }
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
            prop_assert!(!unmappable);
            let d = decode(&bytes, &DecodeOptions::default());
            prop_assert_eq!(&d.text, &text);
            let doc = match d.map {
                Some(m) => Document::mapped("t", d.text.clone(), m),
                None => Document::plain("t", d.text.clone()),
            };
            let found = matcher().find(&text);
            prop_assert_eq!(found.len(), names);
            for f in &found {
                let s = doc.locate(f.start, f.end);
                let (back, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes[s.start..s.end]);
                prop_assert_eq!(back.as_ref(), &text[f.start..f.end]);
                prop_assert_eq!(s.char_start, text[..f.start].chars().count());
            }
        }
    }
}
