//! Names a document gives someone it names: nicknames in quotation marks
//! ("Mnangagwa, who has been nicknamed "the Crocodile"", "Ali Hassan
//! al-Majid, the cousin known as "Chemical Ali""), and names given in
//! words after a comma ("Joko Widodo, known as Jokowi", "Al-Muhandis, whose
//! real name was Jamal Jaafar Mohammed").
//!
//! This module finds the quoted names in a text, the words that
//! introduce one as a nickname, and the names given in words;
//! [`crate::resolve`] decides whose they are.
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
use std::sync::OnceLock;

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
    let bytes = text.as_bytes();
    // '"', or the first byte of '“' (E2 80 9C).
    while let Some(rel) = memchr::memchr2(b'"', 0xE2, &bytes[from..]) {
        let open = from + rel;
        if bytes[open] == 0xE2 && !text[open..].starts_with('“') {
            from = open + 1;
            continue;
        }
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

/// The most words of a name given in words ("known as Jokowi").
const MAX_GIVEN_WORDS: u32 = 6;

/// The most words between the comma after a name and the words that give
/// it another ("Ri Yong-ho, whose name is romanized as").
const MAX_CLAUSE_WORDS: u32 = 8;

/// A name the document gives in words to the name written just before,
/// at the comma: "Joko Widodo, known as Jokowi", "Al-Muhandis, whose real
/// name was Jamal Jaafar Mohammed", "Ri Yong-ho, whose name is romanized as
/// Lee Yong-ho", "Hing Bunhieng, listed by the U.S. Treasury as Hing Bun
/// Hieng". Either name may be the listed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Given {
    /// The last token before the comma: the end of the name written first.
    pub before: u32,
    /// The first token of the name given (after a "the").
    pub first: u32,
    /// Its last token.
    pub last: u32,
}

/// Whether a folded word joins phrases: a preposition or a conjunction,
/// after which a clause's "known as" may name another thing than the
/// person before it ("the leader of a group known as").
fn is_preposition_or_conjunction(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "in"
            | "at"
            | "with"
            | "and"
            | "or"
            | "to"
            | "from"
            | "by"
            | "on"
            | "behind"
            | "under"
            | "over"
            | "whose"
            | "that"
    )
}

/// Words that may stand between the comma after a name and the words that
/// give it another: "who is better known as", "whose name is also spelled".
fn clause_word(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "whom"
            | "whose"
            | "which"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "been"
            | "be"
            | "also"
            | "better"
            | "more"
            | "most"
            | "widely"
            | "commonly"
            | "popularly"
            | "generally"
            | "usually"
            | "often"
            | "sometimes"
            | "now"
            | "still"
            | "locally"
            | "his"
            | "her"
            | "its"
            | "their"
            | "name"
            | "names"
            | "real"
            | "full"
            | "birth"
            | "original"
    )
}

/// The words that open a cue of [`given_names`] (its `match`, which
/// reads only the tokens [`cue_tokens`] finds).
const CUE_WORDS: [&str; 13] = [
    "known",
    "called",
    "name",
    "romanized",
    "romanised",
    "transliterated",
    "spelled",
    "spelt",
    "rendered",
    "listed",
    "trades",
    "rebranded",
    "renamed",
];

/// The tokens of `n` after the first whose folded word starts with one of
/// [`CUE_WORDS`], in order: every token that may open a cue of
/// [`given_names`] (and a few more, "names", "knowns"), found by one search
/// of the folded stream for all the words at once (a literal alternation,
/// which `regex` searches with its SIMD literal searchers) instead of a
/// test of every token.
fn cue_tokens(n: &Normalized) -> impl Iterator<Item = u32> + '_ {
    static CUES: OnceLock<regex::bytes::Regex> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        regex::bytes::Regex::new(&CUE_WORDS.join("|")).expect("an alternation of words")
    });
    let stream = n.stream_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let found = cues.find_at(stream, from)?;
        // (On from the next byte, not from the match's end: an occurrence
        // inside a word, "unknown", must not hide one that starts a token
        // before its end, wherever the tokenizer cuts words.)
        from = found.start() + 1;
        if let Some(i) = n.token_at(found.start()).filter(|&i| i > 0) {
            return Some(i as u32);
        }
    })
}

/// The names given in words in `text` ([`Given`]): after a comma that
/// ends a name, a clause of function words ("who is", "whose name is")
/// (past an age: "Mr. Abbas, 57, who is") with "known … as" (up to
/// three words between: "known in Russian as"), "also called", "whose real
/// (full, birth) name is", "romanized", "transliterated", "spelled" or
/// "rendered" ("as"), "listed … as" (up to six words between: "listed
/// by the U.S. Treasury as"), or a company's "trades", "rebranded" or
/// "renamed … as" (up to four: "rebranded its retail business as"), then
/// one to six capitalized words (particles such as "al" and "bin" inside)
/// ending the clause. A name in quotation marks is left to
/// [`quoted_names`].
///
/// ```
/// use gazex::nickname::given_names;
/// use gazex::normalize::normalize;
///
/// let text = "President Joko Widodo, known as Jokowi, spoke.";
/// let n = normalize(text);
/// let g = given_names(text, &n);
/// assert_eq!(g.len(), 1);
/// assert_eq!(n.token_text(g[0].before as usize), "widodo");
/// assert_eq!(n.token_text(g[0].first as usize), "jokowi");
/// ```
pub fn given_names(text: &str, n: &Normalized) -> Vec<Given> {
    given_names_after(text, n, cue_tokens(n))
}

/// [`given_names`] of the cues the tokens `candidates` open (in order, from
/// the second token on; each token whose word opens a cue among them).
fn given_names_after(
    text: &str,
    n: &Normalized,
    candidates: impl Iterator<Item = u32>,
) -> Vec<Given> {
    let toks = n.tokens();
    let count = toks.len() as u32;
    let word = |i: u32| n.token_text(i as usize);
    let flags = |i: u32| toks[i as usize].flags;
    // Whether tokens `a..=b` run on in one sentence, with no barrier.
    let joined = |a: u32, b: u32| {
        (a + 1..=b).all(|j| {
            !flags(j).contains(TokenFlags::SENTENCE_START) && !n.barrier_after(j as usize - 1)
        })
    };
    let between =
        |a: u32, b: u32| &text[toks[a as usize].end as usize..toks[b as usize].start as usize];
    // The token after "as", up to `most` words after `from`.
    let as_after = |from: u32, most: u32| {
        (from + 1..=(from + most + 1).min(count.saturating_sub(1)))
            .find(|&j| word(j) == "as")
            .filter(|&j| joined(from, j))
            .map(|j| j + 1)
    };
    let mut out = Vec::new();
    for i in candidates {
        let next = |k: u32| (i + k < count).then(|| word(i + k));
        // (first word of the cue, first token after it)
        let cue = match word(i) {
            "known" => as_after(i, 3).map(|a| (i, a)),
            "called" if word(i - 1) == "also" => Some((i - 1, i + 1)),
            "name"
                if matches!(word(i - 1), "real" | "full" | "birth" | "original")
                    && matches!(next(1), Some("is" | "was")) =>
            {
                Some((i - 1, i + 2))
            }
            "romanized" | "romanised" | "transliterated" | "spelled" | "spelt" | "rendered" => {
                Some((i, i + 1 + u32::from(next(1) == Some("as"))))
            }
            "listed" => as_after(i, 6).map(|a| (i, a)),
            // A company's trading name: "which also trades as SCF Group",
            // "which rebranded its retail business as Sber".
            "trades" | "rebranded" | "renamed" => as_after(i, 4).map(|a| (i, a)),
            _ => None,
        };
        let Some((cue, mut first)) = cue else {
            continue;
        };
        if first >= count || !joined(cue, first) || between(first - 1, first).contains(['"', '“'])
        {
            continue;
        }
        if word(first) == "the"
            && first + 1 < count
            && !flags(first).contains(TokenFlags::CAPITALIZED)
        {
            first += 1;
        }
        // The name given: capitalized words (particles inside), to the
        // end of the clause.
        let capitalized = |j: u32| flags(j).contains(TokenFlags::CAPITALIZED);
        // A word after a hyphen belongs to the one before ("Yong-ho").
        let hyphened = |j: u32| j > 0 && matches!(between(j - 1, j), "-" | "‐" | "‑");
        let goes_on = |j: u32| {
            j < count
                && joined(j - 1, j)
                && (hyphened(j)
                    || (between(j - 1, j).trim().is_empty()
                        && (capitalized(j) || crate::names::is_particle(word(j)))))
        };
        let mut last = first;
        while last + 1 - first < MAX_GIVEN_WORDS && goes_on(last + 1) {
            last += 1;
        }
        if !capitalized(first)
            || !(capitalized(last) || hyphened(last))
            || goes_on(last + 1)
            || (last + 1 < count && word(last + 1) == "of")
            || text[toks[last as usize].end as usize..].starts_with(['\'', '’'])
        {
            continue;
        }
        // The clause: function words back to the comma after a name (not
        // "Guzmán, one of four sons known as", whose clause names others),
        // or an appositive that describes the person named, opened by an
        // article, of lower-case words and demonyms without a preposition
        // ("al-Majeed, the Iraqi general known as Chemical Ali"; not "…, the
        // leader of a group known as").
        let mut k = cue;
        let mut described = false;
        let before = loop {
            if cue - k > MAX_CLAUSE_WORDS || k == 0 || !joined(k - 1, k) {
                break None;
            }
            if between(k - 1, k).contains(',') {
                break (!described || matches!(word(k), "the" | "a" | "an")).then_some(k - 1);
            }
            k -= 1;
            if clause_word(word(k)) && !capitalized(k) && !described {
                continue;
            }
            // (One article opens the appositive: "the bus driver who
            // succeeded the man known as" describes no one man.)
            // (At the text's start, where no comma can come before.)
            if described
                && matches!(word(k), "the" | "a" | "an")
                && (k == 0 || !between(k - 1, k).contains(','))
            {
                break None;
            }
            let describes = if capitalized(k) {
                crate::names::is_demonym(word(k))
            } else {
                !is_preposition_or_conjunction(word(k))
            };
            if !describes {
                break None;
            }
            described = true;
        };
        // (Past an age: "Mr. Abbas, 57, who is known among Palestinians
        // as Abu Mazen".)
        let before = before.map(|b| {
            let age = !word(b).is_empty()
                && word(b).len() <= 3
                && word(b).bytes().all(|c| c.is_ascii_digit());
            if age && b > 0 && between(b - 1, b).contains(',') {
                b - 1
            } else {
                b
            }
        });
        if let Some(before) = before.filter(|&b| capitalized(b) || hyphened(b)) {
            out.push(Given {
                before,
                first,
                last,
            });
        }
    }
    out
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
    fn every_cue_word_is_found_and_few_others() {
        let mut text = String::from("Nothing");
        for w in CUE_WORDS {
            text.push_str(&format!(" {w} un{w} {w}s {}, {w}", &w[1..]));
        }
        let n = normalize(&text);
        let found: Vec<&str> = cue_tokens(&n).map(|i| n.token_text(i as usize)).collect();
        let mut want = Vec::new();
        for w in CUE_WORDS {
            want.extend([w.to_string(), format!("{w}s"), w.to_string()]);
        }
        assert_eq!(found, want);
        // (Not the first token: no cue opens a text.)
        assert_eq!(cue_tokens(&normalize("Known as")).count(), 0);
    }

    /// Pieces of the clauses [`given_names`] reads, whole and in parts,
    /// and of others.
    const PIECES: [&str; 36] = [
        "Joko Widodo, known as Jokowi,",
        "Mr. Abbas, 57, who is known among Palestinians as Abu Mazen",
        "Al-Muhandis, whose real name was Jamal Jaafar Mohammed,",
        "Zarflot, which also trades as ZCF Group",
        "Kim Yo Jong, also called Kim Yo-jong",
        "Rosneft, listed by the U.S. Treasury as Rosneft Oil",
        "Mohammed, romanized as Muhammad",
        "al-Majeed, the Iraqi general known as Chemical Ali",
        "the man known as",
        "The man known as Jokowi",
        "57, known as",
        "iPhone, spelled",
        "Joko Widodo",
        "Mr. Abbas",
        "Jamal",
        ",",
        ".",
        "\"",
        "“",
        "-",
        "\n",
        "known",
        "as",
        "Jokowi",
        "also",
        "called",
        "whose",
        "real",
        "name",
        "is",
        "listed",
        "renamed",
        "unknown",
        "names",
        "the",
        "of",
    ];

    proptest::proptest! {
        /// The cues opened by the tokens [`cue_tokens`] finds give the
        /// names that testing every token does.
        #[test]
        fn cue_tokens_give_what_every_token_gives(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..60),
        ) {
            let text = pieces.iter().map(|&p| PIECES[p]).collect::<Vec<_>>().join(" ");
            let n = normalize(&text);
            let every = given_names_after(&text, &n, 1..n.tokens().len() as u32);
            proptest::prop_assert_eq!(given_names(&text, &n), every);
        }
    }

    #[test]
    fn an_appositive_opening_the_text_gives_no_name() {
        // (A token before the first was read here: an internal error.)
        for text in ["The man known as Jokowi met him.", "A man known as Jokowi."] {
            assert_eq!(given_names(text, &normalize(text)), vec![], "{text}");
        }
        // (Nor before it: a lower-case word or a number before the comma.)
        for text in ["57, known as Jokowi, met him.", "iPhone, known as Jokowi."] {
            assert_eq!(given_names(text, &normalize(text)), vec![], "{text}");
        }
        let text = "Widodo, the man known as Jokowi, met him.";
        assert_eq!(given_names(text, &normalize(text)).len(), 1);
    }

    #[test]
    fn a_companys_trading_name() {
        for (text, want) in [
            (
                "Zarflot, which also trades as ZCF Group, said.",
                "ZCF Group",
            ),
            (
                "Zarbank of Russia, which rebranded its retail business as Zber in 2020, grew.",
                "Zber",
            ),
        ] {
            let n = normalize(text);
            let g = given_names(text, &n);
            assert_eq!(g.len(), 1, "{text}");
            let t = n.tokens();
            assert_eq!(
                &text[t[g[0].first as usize].start as usize..t[g[0].last as usize].end as usize],
                want
            );
        }
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

    fn given(text: &str) -> Vec<(String, String)> {
        let n = normalize(text);
        given_names(text, &n)
            .iter()
            .map(|g| {
                let t = n.tokens();
                (
                    n.token_text(g.before as usize).to_string(),
                    text[t[g.first as usize].start as usize..t[g.last as usize].end as usize]
                        .to_string(),
                )
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_string(), b.to_string())]
    }

    #[test]
    fn names_given_in_words() {
        assert_eq!(
            given("President Joko Widodo, known as Jokowi, said"),
            pair("widodo", "Jokowi")
        );
        assert_eq!(
            given("Al-Muhandis, whose real name was Jamal Jaafar Mohammed, was"),
            pair("muhandis", "Jamal Jaafar Mohammed")
        );
        assert_eq!(
            given("Ri Yong-ho, whose name is romanized as Lee Yong-ho under"),
            pair("ho", "Lee Yong-ho")
        );
        assert_eq!(
            given("Raman Halouchanka, known in Russian as Roman Golovchenko, said"),
            pair("halouchanka", "Roman Golovchenko")
        );
        assert_eq!(
            given("Hing Bunhieng, listed by the U.S. Treasury as Hing Bun Hieng, led"),
            pair("bunhieng", "Hing Bun Hieng")
        );
        assert_eq!(
            given("the company Trend GYO, also called Trend Gayrimenkul, said"),
            pair("gyo", "Trend Gayrimenkul")
        );
        assert_eq!(
            given("Abu Muhammad al-Jawlani, known as the Emir, said."),
            pair("jawlani", "Emir")
        );
        // Past an age after the name.
        assert_eq!(
            given("Mr. Abbas, 57, who is known among Palestinians as Abu Mazen, said"),
            pair("abbas", "Abu Mazen")
        );
        // After an appositive describing the person.
        assert_eq!(
            given("Ali Hassan al-Majeed, the Iraqi general known as Chemical Ali for his role"),
            pair("majeed", "Chemical Ali")
        );
    }

    #[test]
    fn not_names_given_in_words() {
        // No name before the comma; lower-case words; a capitalized word
        // inside the clause; the name runs on; quotation marks; a new
        // sentence.
        assert!(given("it fell, known as Black Monday, and").is_empty());
        assert!(given("Joko Widodo, known as a reformer, said").is_empty());
        assert!(given("Putin, whom Biden has known as President for years").is_empty());
        assert!(given("Widodo, known as Jokowi Joko's friend").is_empty());
        assert!(given("Widodo, known as \"Jokowi\", said").is_empty());
        assert!(given("Widodo, known as. Jokowi said").is_empty());
        assert!(given("al-Jawlani, known as the Emir of Idlib").is_empty());
        assert!(given("Guzman, one of four sons known as Los Chapitos").is_empty());
        assert!(given("Guzman, who belongs to the faction known as Los Chapitos").is_empty());
        assert!(given("Widodo, the man widely known in a place called Home Town").is_empty());
        // (Not an appositive with a preposition, whose "known as" may name
        // another thing; nor one without an article.)
        assert!(given("Zawahri, the leader of a group known as Islamic Jihad").is_empty());
        assert!(given("Zawahri, Egyptian doctors known as Red Crescent").is_empty());
        assert!(
            given("Maduro, the bus driver who succeeded the man known as El Comandante").is_empty()
        );
        assert!(
            given("Soleimani, the general alongside the militia chief known as Abu Mahdi")
                .is_empty()
        );
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
