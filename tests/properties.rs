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

/// A planted name, written as listed, upper-cased, or with its spaces
/// replaced by line breaks and non-breaking spaces.
fn planted() -> impl Strategy<Value = (usize, String)> {
    (0..NAMES.len(), 0..4usize).prop_map(|(i, style)| {
        let n = NAMES[i];
        let s = match style {
            0 => n.to_string(),
            1 => n.to_uppercase(),
            2 => n.replace(' ', "\n"),
            _ => n.replace(' ', "\u{a0}"),
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
