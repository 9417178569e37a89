//! Every gazetteer loader on arbitrary bytes: native JSON Lines, plain
//! lists, OFAC CSV. Errors are fine; panics are not; whatever loads builds
//! a matcher that can search its own names.
#![no_main]

use std::path::Path;

use gazex::gazetteer::{native, ofac, plain, Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let entities: Vec<_> = match which % 3 {
        0 => match native::read(rest, Path::new("f.jsonl")) {
            Ok(v) => v.into_iter().map(|(_, e)| e).collect(),
            Err(_) => return,
        },
        1 => match plain::read(rest, Path::new("f.txt")) {
            Ok(v) => v.into_iter().map(|(_, e)| e).collect(),
            Err(_) => return,
        },
        _ => {
            // sdn, alt and add split at the first two 0xFF bytes.
            let mut parts = rest.splitn(3, |&b| b == 0xFF);
            let sdn = parts.next().unwrap_or_default();
            let alt = parts.next();
            let add = parts.next();
            match ofac::import_bytes(
                (Path::new("sdn.csv"), sdn),
                alt.map(|a| (Path::new("alt.csv"), a)),
                add.map(|a| (Path::new("add.csv"), a)),
            ) {
                Ok(i) => i.entities,
                Err(_) => return,
            }
        }
    };
    let names: Vec<String> = entities.iter().take(8).map(|e| e.name.clone()).collect();
    let matcher = gazex::Matcher::new(&Gazetteer::from_entities(entities));
    let text = names.join(" and ");
    for m in matcher.find(&text) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
});
