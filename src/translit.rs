//! Spelling keys: one key for the ways the press transliterates a name.
//!
//! Arabic, Persian and Russian names reach English in many spellings:
//! "Qadhafi", "Gaddafi", "Kadhafi"; "Muhammad", "Mohammed", "Mohamed";
//! "Yevgeny", "Evgeny", "Evgeniy"; "Hizballah", "Hezbollah". A list carries
//! a few of them, a newspaper writes its own. [`spelling_key`] maps a
//! folded word to a key that the spellings of one name share:
//!
//! - consonants that transliterations trade are one class: `q k c g ck kh
//!   gh` (Qadhafi, Gaddafi, Kadhafi), `w v`, `j dj zh dzh` (Prigozhin,
//!   Prigojin), `sh sch shch`, `ch tch tsch`, `x ks`, `ph f`;
//! - an `h` after a consonant (`dh`, `th`, `kh`) and at the end of a word
//!   after a vowel (Nasrallah, Nasralla) is dropped;
//! - doubled letters are one (Hassan, Hasan);
//! - a run of vowels is one vowel slot whatever its letters (Muhammad,
//!   Mohammed), and so is the diphthong "aw" before a consonant (Jawlani,
//!   Jolani, Julani), but a run that ends in a glide (`ai`, `ay`, `ei`, `ey`,
//!   `oy`) keeps it, so that Hussein (Husayn, Hussain) stays apart from
//!   Hassan, and the slots stay where they are, so that Mahmoud stays apart
//!   from Muhammad;
//! - a Ukrainian or Belarusian given name is read as its Russian form
//!   ("Volodymyr", "Uladzimir": "Vladimir"; "Oleksandr": "Aleksandr");
//! - a `j` between a consonant and a vowel is the glide `y` (Benjamin,
//!   Binyamin; Tatjana, Tatyana), but for `dj` and `zj`;
//! - a `y` before the first vowel (Yevgeny, Evgeny) is dropped, a `y`
//!   after an `i` joins its vowel run (Kiriyenko, Kiriienko, Kirienko),
//!   and a final `iy`, `ii`, `y`, `i` are one slot (Dmitriy, Dmitry,
//!   Dmitri).
//!
//! Keys are deliberately coarse: they find candidates, and the resolver
//! decides whether a variant spelling counts (see
//! [`crate::resolve`]). Words shorter than four letters or with fewer than
//! three consonants get no key: "Taco" and "Tokyo", "Ali" and "Ola" would
//! share one. Words of persons' names get a key with two consonants too
//! ([`person_spelling_key_into`]: "Seif" and "Saif"), which the matcher
//! never applies to a place, a given name or an English word.
//!
//! ```
//! use gazex::translit::spelling_key;
//! assert_eq!(spelling_key("gadhafi"), spelling_key("qaddafi"));
//! assert_eq!(spelling_key("mohammed"), spelling_key("muhammad"));
//! assert_ne!(spelling_key("mahmoud"), spelling_key("muhammad"));
//! assert_ne!(spelling_key("hassan"), spelling_key("hussein"));
//! assert_eq!(spelling_key("ali"), None);
//! assert_eq!(spelling_key("kiriyenko"), spelling_key("kiriienko"));
//! assert_eq!(spelling_key("aliyev"), spelling_key("aliev"));
//! assert_eq!(spelling_key("anatolijevitch"), spelling_key("anatolyevich"));
//! assert_eq!(spelling_key("benjamin"), spelling_key("binyamin"));
//! assert_eq!(spelling_key("volodymyr"), spelling_key("vladimir"));
//! assert_eq!(spelling_key("uladzimir"), spelling_key("vladimir"));
//! assert_eq!(spelling_key("oleksandr"), spelling_key("aleksandr"));
//! assert_eq!(spelling_key("tatjana"), spelling_key("tatyana"));
//! assert_eq!(spelling_key("djibouti"), spelling_key("jibouti"));
//! assert_eq!(spelling_key("jawlani"), spelling_key("jolani"));
//! assert_eq!(spelling_key("lawrow"), spelling_key("lavrov"));
//! assert_ne!(spelling_key("nawaz"), spelling_key("naz"));
//! ```

use crate::gazetteer::Entity;

/// The vowel slot in a key.
const VOWEL: u8 = b'V';
/// A glide closing a vowel run (`ai`, `ei`, `ay`).
const GLIDE: u8 = b'Y';

/// Whether a folded letter is a vowel (`y` too).
pub(crate) fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The spelling key of a folded word (lower-case ASCII letters; anything
/// else has no key), or `None` when the word is too short to have one.
pub fn spelling_key(word: &str) -> Option<Vec<u8>> {
    let mut key = Vec::with_capacity(word.len());
    spelling_key_into(word.as_bytes(), &mut key).then_some(key)
}

/// How many consonant classes a spelling key holds ("hVzbVlV": four).
pub fn key_consonants(key: &[u8]) -> usize {
    key.iter().filter(|&&b| b != VOWEL && b != GLIDE).count()
}

/// [`spelling_key`] into `key` (cleared first), without allocating when
/// `key` has room; returns whether the word has a key.
pub fn spelling_key_into(word: &[u8], key: &mut Vec<u8>) -> bool {
    spelling_key_min(word, key, 3)
}

/// [`spelling_key_into`] for a word of a person's name, which may have only
/// two consonants ("Seif" for "Saif", "Qusai" for "Qusay", "Douri" for
/// "Duri"), or one where a glide closes its last vowel ("Odai" for "Udai"
/// and "Uday"; not "Anna" for "Anne"): such a short key finds candidates
/// for a respelled word inside a longer name, and the matcher reads no
/// place, given name or English word by it ("India" is no "Anda").
pub fn person_spelling_key_into(word: &[u8], key: &mut Vec<u8>) -> bool {
    spelling_key_min(word, key, 1) && (key_consonants(key) >= 2 || key.last() == Some(&GLIDE))
}

/// Ukrainian and Belarusian forms of East Slavic given names, with the
/// Russian form the lists mostly carry: one name in three languages
/// ("Volodymyr", "Uladzimir", "Vladimir"), which no letter rule joins.
const EAST_SLAVIC_GIVEN: &[(&str, &str)] = &[
    ("volodymyr", "vladimir"),
    ("uladzimir", "vladimir"),
    ("uladzimer", "vladimir"),
    ("oleksandr", "aleksandr"),
    ("aliaksandr", "aleksandr"),
    ("alyaksandr", "aleksandr"),
    ("oleksiy", "aleksey"),
    ("oleksii", "aleksey"),
    ("aliaksei", "aleksey"),
    ("mykola", "nikolay"),
    ("mikalai", "nikolay"),
    ("mykhailo", "mikhail"),
    ("mikhailo", "mikhail"),
    ("andriy", "andrey"),
    ("andrii", "andrey"),
    ("serhiy", "sergey"),
    ("serhii", "sergey"),
    ("siarhei", "sergey"),
    ("dmytro", "dmitriy"),
    ("dzmitry", "dmitriy"),
    ("dzmitryi", "dmitriy"),
    ("ihor", "igor"),
    ("ihar", "igor"),
    ("petro", "pyotr"),
    ("pavlo", "pavel"),
    ("paval", "pavel"),
    ("hennadiy", "gennadiy"),
    ("hennadii", "gennadiy"),
    ("viktar", "viktor"),
    ("leanid", "leonid"),
    ("yauhen", "yevgeniy"),
    ("yevhen", "yevgeniy"),
    ("vasyl", "vasiliy"),
    ("hryhoriy", "grigoriy"),
    ("hryhorii", "grigoriy"),
];

/// Per length in bytes, the first letters of [`EAST_SLAVIC_GIVEN`]'s
/// words of that length, a bit per letter from `a`: one test rules out
/// most words, which the matcher asks of every capitalized word (each
/// compared with every entry, that was about 400 instructions a word).
/// (A word of more than ten letters added to the table fails the build
/// here.)
const EAST_SLAVIC_FIRST: [u32; 11] = {
    let mut firsts = [0u32; 11];
    let mut i = 0;
    while i < EAST_SLAVIC_GIVEN.len() {
        let w = EAST_SLAVIC_GIVEN[i].0.as_bytes();
        firsts[w.len()] |= 1 << (w[0] - b'a');
        i += 1;
    }
    firsts
};

/// The Russian form of `word` if it is a Ukrainian or Belarusian form of
/// [`EAST_SLAVIC_GIVEN`].
#[inline]
fn russian_given(word: &[u8]) -> Option<&'static [u8]> {
    let first = word.first()?.wrapping_sub(b'a');
    let firsts = *EAST_SLAVIC_FIRST.get(word.len())?;
    if first >= 26 || firsts & (1 << first) == 0 {
        return None;
    }
    EAST_SLAVIC_GIVEN
        .iter()
        .find(|(other, _)| other.as_bytes() == word)
        .map(|(_, russian)| russian.as_bytes())
}

fn spelling_key_min(word: &[u8], key: &mut Vec<u8>, min_consonants: usize) -> bool {
    key.clear();
    // ("Volodymyr" as "Vladimir": the one spelling for both.)
    let word = russian_given(word).unwrap_or(word);
    if word.len() < 4 || !word.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    // Sergej, Nikolaj: a "j" closing a vowel is the glide "y".
    let mut buf = [0u8; 48];
    if word.len() > buf.len() {
        return false;
    }
    buf[..word.len()].copy_from_slice(word);
    // So is one after an "i" ("Anatolijevitch", "Anatolyevich").
    for i in 1..word.len() {
        if buf[i] == b'j'
            && is_vowel(buf[i - 1])
            && (buf[i - 1] == b'i'
                || !buf
                    .get(i + 1)
                    .is_some_and(|&b| i + 1 < word.len() && is_vowel(b)))
        {
            buf[i] = b'y';
        }
        // Benjamin, Binyamin; Tatjana, Tatyana: a "j" between a consonant
        // (not the "d" or "z" of "dj", "zj") and a vowel is the glide "y"
        // of the German, Slavic and Hebrew spellings.
        if buf[i] == b'j'
            && !is_vowel(buf[i - 1])
            && !matches!(buf[i - 1], b'd' | b'z' | b'j')
            && i + 1 < word.len()
            && is_vowel(buf[i + 1])
        {
            buf[i] = b'y';
        }
    }
    let mut w = &buf[..word.len()];
    // Yevgeny / Evgeny, Yakov / Iakov: a glide before the first vowel.
    if w[0] == b'y' && w.len() > 1 && is_vowel(w[1]) && w[1] != b'y' {
        w = &w[1..];
    }
    let at = |i: usize| w.get(i).copied().unwrap_or(0);
    let mut consonants = 0;
    let mut i = 0;
    while i < w.len() {
        let b = w[i];
        if is_vowel(b) {
            // A vowel run: one slot, plus a closing glide.
            let start = i;
            while i < w.len() && is_vowel(w[i]) {
                // A "y" between vowels ("aya") starts a consonant, but
                // not after an "i": Kiriyenko, Kiriienko and Kirienko,
                // Aliyev and Aliev are one name.
                if w[i] == b'y'
                    && i > start
                    && w[i - 1] != b'i'
                    && i + 1 < w.len()
                    && is_vowel(w[i + 1])
                {
                    break;
                }
                i += 1;
            }
            let run = &w[start..i];
            // Jawlani, Jolani, Julani; Shawkat, Shoukat: the diphthong
            // "aw" before a consonant is the one vowel the press writes
            // "o" or "u". (Not in a German spelling of a Slavic name,
            // "Lawrow", "Gorbatschow", whose "w" is a "v".)
            if at(i) == b'w'
                && at(i + 1) != 0
                && !is_vowel(at(i + 1))
                && at(i + 1) != b'w'
                && !(w.ends_with(b"ow") || w.ends_with(b"ew"))
            {
                i += 1;
            }
            key.push(VOWEL);
            let last = run[run.len() - 1];
            if run.len() >= 2
                && matches!(run[0], b'a' | b'e' | b'o' | b'u')
                && matches!(last, b'i' | b'y')
            {
                key.push(GLIDE);
            }
            continue;
        }
        let (class, len) = match (b, at(i + 1), at(i + 2), at(i + 3)) {
            (b's', b'h', b'c', b'h') => (b'S', 4),
            (b't', b's', b'c', b'h') => (b'C', 4),
            (b'd', b'z', b'h', _) => (b'J', 3),
            (b's', b'c', b'h', _) => (b'S', 3),
            (b't', b'c', b'h', _) => (b'C', 3),
            (b's', b'h', _, _) => (b'S', 2),
            (b'c', b'h', _, _) => (b'C', 2),
            (b'z', b'h', _, _) => (b'J', 2),
            (b'd', b'j', _, _) => (b'J', 2),
            (b'p', b'h', _, _) => (b'f', 2),
            (b'c', b'k', _, _) => (b'k', 2),
            (b'x', _, _, _) => {
                push_consonant(key, b'k');
                push_consonant(key, b's');
                consonants += 2;
                i += 1;
                continue;
            }
            (b'q' | b'k' | b'c' | b'g', _, _, _) => (b'k', 1),
            (b'w', _, _, _) => (b'v', 1),
            (b'j', _, _, _) => (b'J', 1),
            (b'h', _, _, _) => {
                // After a consonant (dh, kh, th) or ending the word after
                // a vowel: no sound of its own in the key.
                let after_consonant = i > 0 && !is_vowel(w[i - 1]);
                if after_consonant || i + 1 == w.len() {
                    i += 1;
                    continue;
                }
                (b'h', 1)
            }
            (c, _, _, _) => (c, 1),
        };
        if push_consonant(key, class) {
            consonants += 1;
        }
        i += len;
    }
    consonants >= min_consonants
}

/// Pushes a consonant class unless it doubles the one before; returns
/// whether it was pushed.
fn push_consonant(key: &mut Vec<u8>, class: u8) -> bool {
    if key.last() == Some(&class) {
        return false;
    }
    key.push(class);
    true
}

/// The first byte of a [`korean_key`], apart from every [`spelling_key`].
const KOREAN: u8 = b'#';

/// The key of a romanized Korean syllable, shared by its McCune–Reischauer,
/// Revised and press spellings: "Jong-eun" and "Jong Un", "Yeo-jong" and "Yo
/// Jong", "Choi" and "Choe", "Park" and "Pak", "Lee" and "Ri", "Hee" and
/// "Hui" ("Kim Jong-eun" for the listed Kim Jong Un). Consonants: `g k kk` are one class, as are `d t tt`, `b p
/// pp`, `j ch jj tch`, `s ss sh`, `r l`, and a final `ng`; vowels: `eo o u
/// eu oo ou` are one, `ae e`, `i ee ui`, and `oe oi we wae`; a `y` or `w`
/// before a vowel stays. Only for a word of one to six letters shaped like
/// a syllable (a vowel group between at most two consonant letters on
/// either side); `None` otherwise. Short syllables collide across many
/// names ("Un" is "On"), so the resolver takes such a reading only beside
/// exactly written words of the same name.
///
/// ```
/// use gazex::translit::korean_key;
/// assert_eq!(korean_key("eun"), korean_key("un"));
/// assert_eq!(korean_key("yeo"), korean_key("yo"));
/// assert_eq!(korean_key("choi"), korean_key("choe"));
/// assert_ne!(korean_key("jong"), korean_key("jang"));
/// assert_eq!(korean_key("strength"), None);
/// ```
pub fn korean_key(word: &str) -> Option<Vec<u8>> {
    let mut key = Vec::with_capacity(8);
    korean_key_into(word.as_bytes(), &mut key).then_some(key)
}

/// [`korean_key`] into `key` (cleared first); returns whether the word has
/// one.
pub fn korean_key_into(w: &[u8], key: &mut Vec<u8>) -> bool {
    key.clear();
    if w.is_empty() || w.len() > 6 || !w.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    // Onset: up to two consonant letters, then an optional glide.
    let mut i = 0;
    while i < w.len() && !vowel(w[i]) && w[i] != b'y' && w[i] != b'w' {
        i += 1;
    }
    let onset = &w[..i];
    let glide = match w.get(i) {
        Some(&g @ (b'y' | b'w')) if w.get(i + 1).is_some_and(|&b| vowel(b)) => {
            i += 1;
            Some(g)
        }
        _ => None,
    };
    let v0 = i;
    while i < w.len() && vowel(w[i]) {
        i += 1;
    }
    let (nucleus, coda) = (&w[v0..i], &w[i..]);
    if nucleus.is_empty() || onset.len() > 3 || coda.len() > 2 || !coda.iter().all(|&b| !vowel(b)) {
        return false;
    }
    let consonant = |c: &[u8]| -> Option<u8> {
        Some(match c {
            b"" => b'0',
            b"g" | b"k" | b"kk" | b"gg" => b'K',
            b"d" | b"t" | b"tt" => b'T',
            b"b" | b"p" | b"pp" => b'P',
            b"j" | b"ch" | b"jj" | b"tch" | b"c" => b'C',
            b"s" | b"ss" | b"sh" => b'S',
            b"r" | b"l" => b'R',
            b"n" => b'N',
            b"m" => b'M',
            b"h" => b'H',
            b"ng" => b'G',
            b"kh" => b'K',
            b"th" => b'T',
            b"ph" => b'P',
            b"rh" => b'R',
            _ => return None,
        })
    };
    let Some(on) = consonant(onset) else {
        return false;
    };
    let nu = match nucleus {
        b"eo" | b"o" | b"u" | b"eu" | b"oo" | b"ou" => b'O',
        b"a" => b'A',
        b"ae" | b"e" => b'E',
        b"i" | b"ee" | b"ui" => b'I',
        b"oe" | b"oi" => b'W',
        _ => return false,
    };
    // "we", "wae" and "oe" are one vowel; "wo", "weo" another.
    let (gl, nu) = match (glide, nu) {
        (Some(b'w'), b'E') => (b'0', b'W'),
        (g, n) => (g.unwrap_or(b'0'), n),
    };
    let co = match coda {
        b"" => b'0',
        // "Park": the English spelling of the family name Pak, its `r`
        // unsounded (only there: "York" and "Clark" are no syllables).
        b"rk" if on == b'P' && nu == b'A' && glide.is_none() => b'K',
        b"k" | b"g" => b'K',
        b"t" | b"d" => b'T',
        b"p" | b"b" => b'P',
        b"l" | b"r" => b'R',
        b"n" => b'N',
        b"m" => b'M',
        b"ng" => b'G',
        _ => return false,
    };
    key.extend_from_slice(&[KOREAN, on, gl, nu, co]);
    true
}

/// Whether entity `e` is Korean by the lists: a North or South Korean
/// country, nationality, citizenship or address, or a DPRK sanctions
/// program.
pub fn is_korean(e: &Entity) -> bool {
    let korea = |v: &str| {
        let v = v.to_ascii_lowercase();
        v.contains("korea") && !v.contains("korean air")
    };
    e.lists.iter().any(|l| l.starts_with("DPRK")) || any_country(e, korea)
}

/// Whether the names of entity `e` take a standalone `h` also as `kh`
/// (and so, in a spelling key, as `g` or `k`), by its country: Ukrainian
/// and Belarusian `г` is `h` in their own romanization and `g` in the
/// Russian one the press long used ("Hroysman" / "Groysman", "Hennadiy" /
/// "Gennady"), and Russian and Central Asian `х` is `h` in German and
/// Turkmen romanizations and `kh` in English ones ("Berdimuhamedow" /
/// "Berdymukhamedov"): Ukraine, Belarus, Russia, Kazakhstan, Kyrgyzstan,
/// Tajikistan, Turkmenistan, Uzbekistan.
pub fn h_respelled(e: &Entity) -> bool {
    any_country(e, |v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "ukraine"
                | "belarus"
                | "russia"
                | "russian federation"
                | "kazakhstan"
                | "kyrgyzstan"
                | "tajikistan"
                | "turkmenistan"
                | "uzbekistan"
        )
    })
}

/// The folded word `word` with each standalone `h` (not closing `kh`,
/// `zh`, `sh`, `ch`, `th`, `gh`, `dh`) written `with` instead, if it has
/// one: `hroysman` → `groysman`, `berdimuhamedow` → `berdimukhamedow`.
///
/// ```
/// use gazex::translit::{respell_h, spelling_key};
/// assert_eq!(respell_h(b"hroysman", b"g").as_deref(), Some(&b"groysman"[..]));
/// assert_eq!(respell_h(b"khodorkovsky", b"g"), None);
/// let kh = respell_h(b"berdimuhamedow", b"kh").unwrap();
/// assert_eq!(
///     spelling_key(std::str::from_utf8(&kh).unwrap()),
///     spelling_key("berdymukhamedov")
/// );
/// ```
pub fn respell_h(word: &[u8], with: &[u8]) -> Option<Vec<u8>> {
    let standalone = |i: usize| {
        word[i] == b'h'
            && (i == 0 || !matches!(word[i - 1], b'k' | b'z' | b's' | b'c' | b't' | b'g' | b'd'))
    };
    if !(0..word.len()).any(standalone) {
        return None;
    }
    let mut out = Vec::with_capacity(word.len() + 2);
    for (i, &b) in word.iter().enumerate() {
        if standalone(i) {
            out.extend_from_slice(with);
        } else {
            out.push(b);
        }
    }
    Some(out)
}

/// The folded word `word` as English transliterations would write it,
/// if it is written the French way (the French press writes Arabic and
/// Russian names so): `ch` not after `t` is English `sh`, `tch` is `ch`,
/// and a closing `e` after a consonant is silent (`poutine` → `poutin`,
/// `choigou` → `shoigou`, `bechir` → `beshir`, `setchine` → `setchin`).
/// Writes it into `out` (cleared first) and returns whether anything
/// changed.
///
/// ```
/// use gazex::translit::{french_respelled_into, spelling_key};
/// let french = |w: &str| {
///     let mut out = Vec::new();
///     french_respelled_into(w.as_bytes(), &mut out).then(|| String::from_utf8(out).unwrap())
/// };
/// assert_eq!(spelling_key(&french("poutine").unwrap()), spelling_key("putin"));
/// assert_eq!(spelling_key(&french("loukachenko").unwrap()), spelling_key("lukashenko"));
/// assert_eq!(spelling_key(&french("setchine").unwrap()), spelling_key("sechin"));
/// assert_eq!(french("putin"), None);
/// ```
pub fn french_respelled_into(word: &[u8], out: &mut Vec<u8>) -> bool {
    out.clear();
    let n = word.len();
    let silent_e = n >= 5 && word[n - 1] == b'e' && !is_vowel(word[n - 2]);
    let sh = |i: usize| {
        word[i] == b'c' && word.get(i + 1) == Some(&b'h') && (i == 0 || word[i - 1] != b't')
    };
    let body = if silent_e { n - 1 } else { n };
    if !silent_e && !(0..body).any(sh) {
        return false;
    }
    out.extend((0..body).map(|i| if sh(i) { b's' } else { word[i] }));
    true
}

/// Whether any country the lists give for `e` (its `country`,
/// `nationality`, `citizenship`, or an address's) passes `test`.
fn any_country(e: &Entity, test: impl Fn(&str) -> bool) -> bool {
    e.countries().any(&test)
        || e.properties
            .get("addresses")
            .and_then(|a| a.as_array())
            .is_some_and(|a| {
                a.iter()
                    .filter_map(|x| x.get("country").and_then(|c| c.as_str()))
                    .any(&test)
            })
}

/// Countries whose names reach the press transliterated from another
/// script (Arabic, Persian, Cyrillic, Pashto, Urdu, Thai, Burmese, Khmer,
/// Lao, Hebrew, Bengali, Sinhala, Devanagari, Greek and others), as the
/// lists write them (`nationality`, `citizenship`, `country`, address
/// countries).
const TRANSLITERATED_COUNTRIES: &[&str] = &[
    "afghanistan",
    "algeria",
    "armenia",
    "azerbaijan",
    "bahrain",
    "bangladesh",
    "belarus",
    "bhutan",
    "bulgaria",
    "burma",
    "cambodia",
    "chad",
    "cyprus",
    "egypt",
    "eritrea",
    "ethiopia",
    "gaza",
    "georgia",
    "greece",
    "iran",
    "iraq",
    "israel",
    "jordan",
    "kazakhstan",
    "kuwait",
    "kyrgyzstan",
    "laos",
    "lebanon",
    "libya",
    "maldives",
    "mali",
    "mauritania",
    "moldova",
    "mongolia",
    "montenegro",
    "morocco",
    "myanmar",
    "nepal",
    "niger",
    "north macedonia",
    "oman",
    "pakistan",
    "palestinian",
    "qatar",
    "russia",
    "saudi arabia",
    "serbia",
    "somalia",
    "south sudan",
    "sri lanka",
    "sudan",
    "syria",
    "tajikistan",
    "thailand",
    "tunisia",
    "turkmenistan",
    "ukraine",
    "united arab emirates",
    "uzbekistan",
    "west bank",
    "yemen",
];

/// Sanctions programs whose parties are mostly named from Arabic, Persian
/// or Cyrillic (OFAC program tags, matched as prefixes).
const TRANSLITERATED_PROGRAMS: &[&str] = &[
    "BELARUS",
    "CAATSA - IRAN",
    "CAATSA - RUSSIA",
    "FTO",
    "HIFPAA",
    "HRIT-IR",
    "HRIT-SY",
    "IFSR",
    "IRAN",
    "IRAQ",
    "IRGC",
    "LEBANON",
    "LIBYA",
    "NPWMD",
    "RUSSIA",
    "SDGT",
    "SDT",
    "SUDAN",
    "SYRIA",
    "UKRAINE",
    "YEMEN",
];

/// Whether entity `e`'s names are transliterated from another script, so
/// that the press writes them in spellings of its own: its country,
/// nationality, address or place of birth is one where names are written in Arabic,
/// Persian or Cyrillic letters, or a sanctions program it is listed under
/// concerns such a region.
pub fn is_transliterated(e: &Entity) -> bool {
    if e.lists.iter().any(|l| {
        TRANSLITERATED_PROGRAMS.iter().any(|p| {
            l.strip_prefix(p)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
        })
    }) {
        return true;
    }
    // The country as a whole word at either end ("Iran", "Syria, Arab
    // Republic of", "Islamic Republic of Iran"), without allocating: this
    // runs for every entity of every list at start-up.
    let country_is = |v: &str| {
        let v = v.trim().as_bytes();
        TRANSLITERATED_COUNTRIES.iter().any(|c| {
            let c = c.as_bytes();
            let n = c.len();
            v.len() >= n
                && ((v[..n].eq_ignore_ascii_case(c) && (v.len() == n || v[n] == b','))
                    || (v.len() > n
                        && v[v.len() - n..].eq_ignore_ascii_case(c)
                        && v[v.len() - n - 1] == b' '))
        })
    };
    // (Or the country that ends the place of birth, the whole of it:
    // "Dushanbe, Tajikistan"; not "Serbia and Montenegro".)
    let born_in = e.birth_country().is_some_and(|c| {
        TRANSLITERATED_COUNTRIES
            .iter()
            .any(|t| c.eq_ignore_ascii_case(t))
    });
    any_country(e, country_is) || born_in
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`russian_given`] as a search of the whole table.
    fn russian_given_by_search(word: &[u8]) -> Option<&'static [u8]> {
        EAST_SLAVIC_GIVEN
            .iter()
            .find(|(other, _)| other.as_bytes() == word)
            .map(|(_, russian)| russian.as_bytes())
    }

    #[test]
    fn every_east_slavic_form_is_found() {
        for (form, russian) in EAST_SLAVIC_GIVEN {
            assert_eq!(
                russian_given(form.as_bytes()),
                Some(russian.as_bytes()),
                "{form}"
            );
            // A letter more, less or another first letter: no form.
            for other in [
                format!("{form}a"),
                form[..form.len() - 1].to_string(),
                format!("z{}", &form[1..]),
            ] {
                assert_eq!(
                    russian_given(other.as_bytes()),
                    russian_given_by_search(other.as_bytes()),
                    "{other}"
                );
            }
        }
        for word in [
            "",
            "a",
            "\u{e9}lena",
            "Ihor",
            "1hor",
            "vladimir",
            "aliaksandrs",
        ] {
            assert_eq!(
                russian_given(word.as_bytes()),
                russian_given_by_search(word.as_bytes())
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn russian_given_as_the_table_search(
            word in "[adhiklmoprsuvyz\u{e9}A]{0,11}",
            form in 0..EAST_SLAVIC_GIVEN.len(),
            cut in 0usize..4,
        ) {
            let form = EAST_SLAVIC_GIVEN[form].0;
            for w in [word.as_str(), &form[..form.len() - cut.min(form.len())], &format!("{form}{word}")] {
                proptest::prop_assert_eq!(russian_given(w.as_bytes()), russian_given_by_search(w.as_bytes()));
            }
        }
    }

    fn same(words: &[&str]) {
        let first = spelling_key(words[0]);
        assert!(first.is_some(), "{} has no key", words[0]);
        for w in &words[1..] {
            assert_eq!(
                spelling_key(w),
                first,
                "{w} and {} should share a key",
                words[0]
            );
        }
    }

    fn differ(a: &str, b: &str) {
        assert_ne!(
            spelling_key(a),
            spelling_key(b),
            "{a} and {b} should differ"
        );
    }

    #[test]
    fn families_share_a_key() {
        same(&[
            "qadhafi", "gaddafi", "gadhafi", "kadhafi", "qaddafi", "khadafy", "kaddafi",
        ]);
        same(&[
            "muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mouhamed",
        ]);
        same(&["hussein", "husayn", "hussain", "husain"]);
        same(&["hizballah", "hezbollah", "hizbollah"]);
        same(&["yevgeny", "evgeny", "evgeniy", "yevgeniy", "evgenii"]);
        same(&["prigozhin", "prigojin"]);
        same(&["sergey", "sergei", "sergej"]);
        same(&["dmitry", "dmitriy", "dmitri", "dmitrii"]);
        same(&["lukashenko", "lukashenka"]);
        same(&["nasrallah", "nasrullah", "nasralla"]);
        same(&["timchenko", "timtchenko"]);
        same(&["vladimir", "wladimir"]);
        same(&["alexander", "aleksander"]);
    }

    #[test]
    fn korean_syllables() {
        let same = |a: &str, b: &str| {
            assert!(korean_key(a).is_some(), "{a} has no key");
            assert_eq!(korean_key(a), korean_key(b), "{a} and {b}");
        };
        same("eun", "un");
        same("yeo", "yo");
        same("choi", "choe");
        same("park", "pak");
        assert_eq!(korean_key("york"), None);
        same("lee", "ri");
        same("jong", "chong");
        same("hee", "hui");
        same("ryong", "lyong");
        same("kyong", "gyeong");
        same("oe", "we");
        assert_ne!(korean_key("jong"), korean_key("jang"));
        assert_ne!(korean_key("un"), korean_key("yun"));
        assert_ne!(korean_key("il"), korean_key("un"));
        assert_eq!(korean_key("street"), None);
        assert_eq!(korean_key("xi"), None);
    }

    #[test]
    fn persons_short_words() {
        let key = |w: &str| {
            let mut k = Vec::new();
            person_spelling_key_into(w.as_bytes(), &mut k).then_some(k)
        };
        assert_eq!(key("seif"), key("saif"));
        assert_eq!(key("qusai"), key("qusay"));
        assert_eq!(key("douri"), key("duri"));
        assert!(key("seif").is_some());
        assert_eq!(spelling_key("seif"), None, "not for other names");
        assert_eq!(key("odai"), key("uday"));
        assert_eq!(key("odai"), key("udai"));
        assert_eq!(key("anna"), None, "one consonant, no glide");
        assert_eq!(key("odi"), None, "too short");
    }

    #[test]
    fn different_names_differ() {
        differ("hassan", "hussein");
        differ("mahmoud", "muhammad");
        differ("ahmed", "hamid");
        differ("salim", "aslam");
    }

    #[test]
    fn countries_written_in_another_script() {
        use crate::gazetteer::EntityType;
        let person = |country: &str| {
            let mut e = Entity::new("t", "Zarut Chan-o-zar", EntityType::Person);
            e.properties.insert("country".into(), country.into());
            e
        };
        // Thai, Burmese, Khmer, Hebrew, Greek: transliterated.
        for c in [
            "Thailand", "Myanmar", "Cambodia", "Israel", "Greece", "Iran",
        ] {
            assert!(is_transliterated(&person(c)), "{c}");
        }
        for c in ["Kenya", "Mexico", "France"] {
            assert!(!is_transliterated(&person(c)), "{c}");
        }
    }

    #[test]
    fn short_or_foreign_words_have_no_key() {
        assert_eq!(spelling_key("ali"), None);
        assert_eq!(spelling_key("aiea"), None);
        assert_eq!(spelling_key("osama"), None, "two consonants");
        assert_eq!(spelling_key("émile"), None, "folded words only");
    }
}
