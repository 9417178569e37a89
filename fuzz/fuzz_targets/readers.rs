//! The document readers on arbitrary bytes: decoding, HTML, JSON Lines and
//! windowed reading. Every character of the text must map back into the
//! source, on increasing offsets.
#![no_main]

use gazex::document::Document;
use gazex::input::decode::{decode, DecodeOptions};
use gazex::input::html::html_to_text;
use gazex::input::jsonl::{parse_line, Fields};
use gazex::input::window::Windows;
use libfuzzer_sys::fuzz_target;

fn check(doc: &Document, src_len: usize) {
    let mut last = 0;
    for (i, c) in doc.text.char_indices() {
        let s = doc.locate(i, i + c.len_utf8());
        assert!(s.start <= s.end && s.end <= src_len, "{s:?} beyond {src_len}");
        assert!(s.start >= last || c == '\n', "offsets go back at {i}: {s:?} < {last}");
        assert!(s.char_start <= s.char_end);
        last = last.max(s.start);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, src)) = data.split_first() else { return };
    let opts = match which & 0x30 {
        0x10 => DecodeOptions::with_label("utf-16le").unwrap(),
        0x20 => DecodeOptions::with_label("shift_jis").unwrap(),
        _ => DecodeOptions::default(),
    };
    match which % 4 {
        0 => {
            let d = decode(src, &opts);
            let doc = match d.map {
                None => Document::plain("f", d.text),
                Some(m) => Document::mapped("f", d.text, m),
            };
            check(&doc, src.len());
        }
        1 => {
            let (text, map) = html_to_text(src, &opts);
            check(&Document::mapped("f", text, map), src.len());
        }
        2 => {
            let _ = parse_line(src, &Fields::default(), "f", 1);
        }
        _ => {
            let windows = Windows::new(
                "f".into(),
                Box::new(std::io::Cursor::new(src.to_vec())),
                64,
                64,
                opts,
            );
            let mut at = 0;
            for w in windows {
                let Ok(w) = w else { return };
                assert_eq!(w.own.start, at);
                at = w.own.end;
                check(&w.into_document(), src.len());
            }
            assert_eq!(at, src.len());
        }
    }
});
