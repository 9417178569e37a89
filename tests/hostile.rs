//! Hostile and unlucky inputs (issue 19): each case builds its input in the
//! test and checks that gazex stays linear in time, bounded in memory, and
//! loses nothing silently. The big versions are `#[ignore]`d (run them with
//! `cargo test --test hostile -- --ignored`); a smaller version of each
//! stays in the default suite.

use std::time::{Duration, Instant};

use gazex::input::decode::{decode, DecodeOptions};

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

/// Decodes `src` (forcing `label` if given) and checks the text and that
/// it took less than `limit`.
fn decodes_within(src: &[u8], label: Option<&str>, expect: &str, limit: Duration) {
    let opts = match label {
        Some(l) => DecodeOptions::with_label(l).unwrap(),
        None => DecodeOptions::default(),
    };
    let t = Instant::now();
    let d = decode(src, &opts);
    let took = t.elapsed();
    assert!(d.text.starts_with(expect), "{:?}", &d.text[..40]);
    assert_eq!(d.map.unwrap().source_len(), src.len());
    assert!(
        took < limit,
        "decoding {} bytes ({}) took {took:?}, more than {limit:?}: not linear",
        src.len(),
        d.encoding.name()
    );
}

const FOX: &str = "The quick brown fox jumps over the lazy dog.\n";
const CJK: &str = "普京会见金正恩。 Putin met Kim Jong Un.\n";

/// Bug 2: UTF-16 and GBK decoded in time linear in their size (a 2 MB
/// UTF-16 file took 17 s, quadratic, before; now a fraction of a second,
/// even unoptimized).
#[test]
fn multibyte_decoding_is_linear() {
    decodes_within(
        &utf16(FOX, 2 << 20),
        None,
        "The quick",
        Duration::from_secs(8),
    );
    decodes_within(
        &gbk(CJK, 1 << 20),
        Some("gbk"),
        "普京",
        Duration::from_secs(8),
    );
}

/// Bug 2, the size: 8 MB of UTF-16 (267 s before) and 8 MB of GBK.
#[test]
#[ignore]
fn multibyte_decoding_is_linear_8mb() {
    decodes_within(
        &utf16(FOX, 8 << 20),
        None,
        "The quick",
        Duration::from_secs(20),
    );
    decodes_within(
        &gbk(CJK, 8 << 20),
        Some("gbk"),
        "普京",
        Duration::from_secs(20),
    );
}
