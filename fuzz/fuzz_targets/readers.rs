//! The document readers on arbitrary bytes: decoding (detected, or forced
//! to UTF-16LE/BE, Shift_JIS, GBK, Big5, EUC-KR or ISO-2022-JP), HTML and
//! its windows, JSON Lines records and their windows, and windowed reading.
//! Every character of the text must map back into the source, on
//! increasing offsets.
//!
//! The first byte chooses: bits 0-1 the reader (0 decode, 1 HTML, 2 JSON
//! Lines, 3 windows), bits 4-6 the forced encoding (0 detects). JSON Lines
//! records are UTF-8 whatever `--encoding` says, so there the label is
//! unused.
#![no_main]

use gazex::document::Document;
use gazex::input::decode::{decode, decode_owned, DecodeOptions};
use gazex::input::html::html_to_text;
use gazex::input::jsonl::{parse_line, Fields};
use gazex::input::split::Split;
use gazex::input::window::Windows;
use libfuzzer_sys::fuzz_target;

fn check(doc: &Document, src_len: usize) {
    let mut last = 0;
    for (i, c) in doc.text.char_indices() {
        let s = doc.locate(i, i + c.len_utf8());
        assert!(
            s.start <= s.end && s.end <= src_len,
            "{s:?} beyond {src_len}"
        );
        assert!(
            s.start >= last || c == '\n',
            "offsets go back at {i}: {s:?} < {last}"
        );
        assert!(s.char_start <= s.char_end);
        last = last.max(s.start);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, src)) = data.split_first() else {
        return;
    };
    let label = match (which >> 4) & 7 {
        1 => Some("utf-16le"),
        2 => Some("shift_jis"),
        3 => Some("utf-16be"),
        4 => Some("gbk"),
        5 => Some("big5"),
        6 => Some("euc-kr"),
        7 => Some("iso-2022-jp"),
        _ => None,
    };
    let opts = label.map_or_else(DecodeOptions::default, |l| {
        DecodeOptions::with_label(l).unwrap()
    });
    match which % 4 {
        0 => {
            let d = decode(src, &opts);
            // What reading a whole file calls: the same decoding.
            let owned = decode_owned(src.to_vec(), &opts);
            assert_eq!(owned.text, d.text);
            assert_eq!(owned.encoding, d.encoding);
            assert_eq!(owned.map.is_some(), d.map.is_some());
            let doc = match d.map {
                None => Document::plain("f", d.text),
                Some(m) => Document::mapped("f", d.text, m),
            };
            check(&doc, src.len());
        }
        1 => {
            let (text, map) = html_to_text(src, &opts);
            let mut doc = Document::mapped("f", text, map);
            doc.source_len = src.len() as u64;
            check(&doc, src.len());
            // The page matched in windows: owned stretches tile it.
            let mut at = 0;
            for p in Split::new(doc, 64, 64) {
                let own = p.keep.unwrap();
                assert_eq!(own.start, at);
                at = own.end;
                check(&p.doc, src.len());
            }
            assert_eq!(at, usize::MAX);
        }
        2 => {
            // A record bigger than a window is matched in windows of its
            // text value (offsets into the value).
            let Ok(doc) = parse_line(src, &Fields::default(), "f", 1) else {
                return;
            };
            let len = doc.text.len();
            let mut at = 0;
            for p in Split::new(doc, 64, 64) {
                let own = p.keep.unwrap();
                assert_eq!(own.start, at);
                at = own.end;
                check(&p.doc, len);
            }
            assert_eq!(at, usize::MAX);
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
