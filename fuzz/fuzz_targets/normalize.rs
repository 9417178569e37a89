//! The normalizer with its offset mapping: every token's span lies on
//! character boundaries inside the text, spans increase, and the folded
//! stream is consistent with the tokens.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = gazex::normalize::normalize(&text);
    let mut prev_end = 0usize;
    for t in n.tokens().iter() {
        let (s, e) = (t.start as usize, t.end as usize);
        assert!(s <= e && e <= text.len(), "span {s}..{e} outside {}", text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} splits a character");
        assert!(s >= prev_end, "tokens overlap or go back");
        prev_end = e;
        let (ns, ne) = (t.norm_start as usize, t.norm_end as usize);
        assert!(ns <= ne && ne <= n.stream().len());
    }
});
