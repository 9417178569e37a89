//! Nicknames in quotation marks: the names a document gives someone it
//! names, in quotes ("Mnangagwa, who has been nicknamed "the Crocodile"",
//! "Ali Hassan al-Majid, the cousin known as "Chemical Ali"").
//!
//! This module finds the quoted names in a text and the words that
//! introduce one as a nickname; [`crate::resolve`] decides whose they are.
//!
//! ```
//! use gazex::nickname::{introduced_by, quoted_names, Cue};
//! use gazex::normalize::normalize;
//!
//! let text = "Mnangagwa, who is nicknamed \"the Crocodile,\" spoke.";
//! let n = normalize(text);
//! let quoted = quoted_names(text, &n);
//! assert_eq!(quoted.len(), 1);
//! let q = &quoted[0];
//! assert_eq!(&text[n.tokens()[q.first as usize].start as usize..n.tokens()[q.last as usize].end as usize], "the Crocodile");
//! assert!(q.the);
//! // "nicknamed" introduces it; the subject ends before that word.
//! assert_eq!(introduced_by(&n, q.first), Some(Cue::Words(3)));
//! ```

use crate::normalize::{Normalized, TokenFlags};

/// The most words a quoted name may have, a leading "the" included.
const MAX_WORDS: u32 = 5;

/// The most bytes between the quotation marks.
const MAX_BYTES: usize = 60;

/// A name in quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// Its first token (a leading "the" included).
    pub first: u32,
    /// Its last token.
    pub last: u32,
    /// Whether its first token is "the" ("the Crocodile").
    pub the: bool,
}

/// Words that may stand inside a quoted name in lower case: "Merchant of
/// Death", "El Señor de los Cielos".
fn inner_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "de" | "del" | "la" | "las" | "los" | "el" | "al" | "and"
    )
}

/// The quoted names in `text`: one to four words (and a leading "the")
/// inside quotation marks on one line, the first capitalized, each
/// capitalized or a short function word. A comma, full stop or mark
/// before the closing quotation mark is left out ("the Crocodile,").
pub fn quoted_names(text: &str, n: &Normalized) -> Vec<Quoted> {
    let toks = n.tokens();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = text[from..].find(['"', '“']) {
        let open = from + rel;
        let inner = open + text[open..].chars().next().map_or(1, char::len_utf8);
        from = inner;
        // A straight mark opens a quotation after a space, a bracket or
        // the start of a line.
        if text.as_bytes()[open] == b'"'
            && text[..open]
                .chars()
                .next_back()
                .is_some_and(|c| !(c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–')))
        {
            continue;
        }
        let mut end = (inner + MAX_BYTES + 4).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[inner..end];
        let Some(close) = window.find(['"', '”', '\n']) else {
            continue;
        };
        if window[close..].starts_with('\n') {
            continue;
        }
        let body_end = inner + window[..close].trim_end_matches([',', '.', '!', '?']).len();
        from = inner + close + window[close..].chars().next().map_or(1, char::len_utf8);
        let first = toks.partition_point(|t| (t.start as usize) < inner);
        let last = toks.partition_point(|t| (t.end as usize) <= body_end);
        if first >= last
            || toks[first].start as usize != inner
            || toks[last - 1].end as usize != body_end
            || (last - first) as u32 > MAX_WORDS
        {
            continue;
        }
        let (first, last) = (first as u32, last as u32 - 1);
        let the = n.token_text(first as usize) == "the";
        let head = first + u32::from(the);
        let capitalized = |i: u32| toks[i as usize].flags.contains(TokenFlags::CAPITALIZED);
        let words_ok = head <= last
            && (head - first) + (last - head) < MAX_WORDS
            && capitalized(head)
            && capitalized(last)
            && (head..=last).all(|i| capitalized(i) || inner_word(n.token_text(i as usize)));
        if words_ok {
            out.push(Quoted { first, last, the });
        }
    }
    out
}

/// What introduces a quoted name as a nickname.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Words such as "nicknamed", "dubbed", "the nickname", "known as":
    /// the token where they begin. The person they name is named before
    /// it.
    Words(u32),
    /// "or" just before the quotation mark, at this token: another
    /// nickname of the one named just before ("by the nickname "Ngwena,"
    /// or "the Crocodile"").
    Or(u32),
}

/// The words just before the quoted name starting at token `first` that
/// make it a nickname: "nicknamed", "dubbed", "nickname(s)", "alias",
/// "aka", "known as" (with up to six words between: "known by supporters
/// and critics alike as"), each with a "the" allowed before the quotation
/// mark; in one sentence.
pub fn introduced_by(n: &Normalized, first: u32) -> Option<Cue> {
    let toks = n.tokens();
    let starts = |i: u32| toks[i as usize].flags.contains(TokenFlags::SENTENCE_START);
    if starts(first) {
        return None;
    }
    let mut p = first.checked_sub(1)?;
    if n.token_text(p as usize) == "the" && !starts(p) {
        p = p.checked_sub(1)?;
    }
    match n.token_text(p as usize) {
        "nicknamed" | "dubbed" | "nickname" | "nicknames" | "alias" | "aka" => Some(Cue::Words(p)),
        "or" => Some(Cue::Or(p)),
        "as" => {
            // "known as", "known to drug agents as", "also known as".
            let mut i = p;
            for _ in 0..7 {
                if starts(i) {
                    return None;
                }
                i = i.checked_sub(1)?;
                if n.barrier_after(i as usize) {
                    return None;
                }
                if n.token_text(i as usize) == "known" {
                    return Some(Cue::Words(i));
                }
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn quoted(text: &str) -> Vec<String> {
        let n = normalize(text);
        quoted_names(text, &n)
            .iter()
            .map(|q| {
                let t = n.tokens();
                text[t[q.first as usize].start as usize..t[q.last as usize].end as usize]
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn quoted_names_found() {
        assert_eq!(quoted("known as \"Chemical Ali,\" is"), ["Chemical Ali"]);
        assert_eq!(
            quoted("nicknamed “Merchant of Death.”"),
            ["Merchant of Death"]
        );
        assert_eq!(
            quoted("called \"Ngwena,\" or \"the Crocodile\""),
            ["Ngwena", "the Crocodile"]
        );
        // Not names: lower case, too long, a quotation, a mark inside a word.
        assert!(quoted("called it \"a special operation\"").is_empty());
        assert!(quoted("\"We Will Never Give Up On This Fight Again\"").is_empty());
        assert!(quoted("the 12\" Record \"x").is_empty());
        assert!(quoted("\"Ngwena\nor\"").is_empty());
        // (A window that would end inside a character.)
        assert!(quoted(&format!("\"{}", "é".repeat(40))).is_empty());
    }

    #[test]
    fn cues() {
        let cue = |text: &str| {
            let n = normalize(text);
            let q = quoted_names(text, &n);
            introduced_by(&n, q[0].first).map(|c| match c {
                Cue::Words(i) | Cue::Or(i) => n.token_text(i as usize).to_string(),
            })
        };
        assert_eq!(
            cue("Ncube, nicknamed \"Mudha\", was").as_deref(),
            Some("nicknamed")
        );
        assert_eq!(
            cue("who is nicknamed the \"Crocodile\"").as_deref(),
            Some("nicknamed")
        );
        assert_eq!(
            cue("is known by supporters and critics alike as \"the Crocodile,\"").as_deref(),
            Some("known")
        );
        assert_eq!(
            cue("earning him the nickname \"Merchant of Death\"").as_deref(),
            Some("nickname")
        );
        assert_eq!(cue("\"Ngwena,\" or \"the Crocodile\"").as_deref(), None);
        assert_eq!(cue("Trump called him \"Rocket Man\"").as_deref(), None);
        assert_eq!(cue("as \"Rocket Man\"").as_deref(), None);
    }
}
