//! What gazex knows about names in general: legal forms of organizations,
//! titles and honorifics, generational suffixes, function words.
//!
//! The tables come from OpenSanctions' `rigour` name data (MIT, bundled in
//! `data/rigour/` and compiled into the binary). Everything is folded with
//! [`fold_name`], so lookups work on the same keys the matcher uses.
//!
//! Legal forms are grouped into *classes*: rigour's `generic` type
//! (`LLC`, `JSC`, `LLP`, …), or the form's own display name where it has
//! none. Two forms of one class are interchangeable in a name:
//! "Limited Liability Company Verus" = "LLC Verus" = "OOO Verus" =
//! "Verus LLC", and "Joint Stock Company" = "JSC" = "AO" = "PJSC".

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::normalize::{fold_name, fold_plain_word, normalize_into, Normalized};
use crate::table::StaticWords;

/// A legal form class (index into [`LegalForms::class_name`]).
pub type FormClass = u16;

/// The table of legal forms.
#[derive(Debug)]
pub struct LegalForms {
    by_key: HashMap<String, FormClass>,
    classes: Vec<String>,
    max_tokens: usize,
}

#[derive(Deserialize)]
struct OrgType {
    aliases: Vec<String>,
    #[serde(default)]
    display: Option<String>,
    #[serde(default)]
    compare: Option<String>,
    #[serde(default)]
    generic: Option<String>,
}

impl LegalForms {
    /// The table built from the bundled rigour data.
    pub fn builtin() -> &'static LegalForms {
        static FORMS: OnceLock<LegalForms> = OnceLock::new();
        FORMS.get_or_init(|| {
            let mut types: Vec<OrgType> =
                serde_json::from_str(include_str!("../data/rigour/org_types.json"))
                    .expect("bundled org_types.json is valid");
            // English designators rigour leaves out, as words of names
            // too: the lists write "KOREA KWANGSON BANKING CORP", the press
            // "Korea Kwangson Banking Corporation".
            types.push(OrgType {
                aliases: vec!["Corporation".into(), "Corp".into(), "Corp.".into()],
                display: Some("Corp".into()),
                compare: None,
                generic: None,
            });
            // "National Iranian Tanker Co." for the listed "… COMPANY";
            // the business press writes "Co." for "Co., Ltd." too.
            types.push(OrgType {
                aliases: vec!["Company".into(), "Co".into(), "Co.".into()],
                display: Some("Co".into()),
                compare: None,
                generic: None,
            });
            let mut forms = LegalForms::from_types(types);
            // Spelled-out forms of abbreviations rigour lists only
            // abbreviated: "Co., Ltd." is "Company Limited"; and the
            // Azerbaijani LLC as written after a name, with the suffix
            // that ties it to the name ("… Məhdud Məsuliyyətli
            // Cəmiyyəti", as the Turkish "Anonim Şirketi").
            for (full, short) in [
                ("company limited", "co ltd"),
                ("company ltd", "co ltd"),
                ("mahdud masuliyyatli camiyyati", "mmc"),
            ] {
                if let Some(&class) = forms.by_key.get(short) {
                    forms.by_key.entry(full.to_string()).or_insert(class);
                }
            }
            forms
        })
    }

    fn from_types(types: Vec<OrgType>) -> LegalForms {
        let mut forms = LegalForms {
            by_key: HashMap::default(),
            classes: Vec::new(),
            max_tokens: 0,
        };
        let mut class_ids: HashMap<String, FormClass> = HashMap::default();
        for t in types {
            let class = t
                .generic
                .clone()
                .filter(|g| !g.is_empty())
                .or_else(|| t.display.clone())
                .unwrap_or_else(|| t.aliases[0].clone());
            let next = class_ids.len() as FormClass;
            let id = *class_ids.entry(class.clone()).or_insert_with(|| {
                forms.classes.push(class);
                next
            });
            let names = t
                .aliases
                .iter()
                .chain(t.display.iter())
                .chain(t.compare.iter().filter(|c| !c.is_empty()));
            for name in names {
                let key = fold_name(name);
                if key.is_empty() || !form_key_stands(name, &key) {
                    continue;
                }
                forms.max_tokens = forms.max_tokens.max(key.split(' ').count());
                forms.by_key.entry(key).or_insert(id);
            }
        }
        forms
    }

    /// The class of a folded form (`"llc"`, `"limited liability company"`).
    pub fn class_of(&self, key: &str) -> Option<FormClass> {
        self.by_key.get(key).copied()
    }

    /// The name of a class (`"LLC"`).
    pub fn class_name(&self, class: FormClass) -> &str {
        &self.classes[class as usize]
    }

    /// The longest legal form made of the tokens just before token `i`
    /// (not across a barrier): returns its first token and class.
    pub fn ending_before(&self, n: &Normalized, i: usize) -> Option<(usize, FormClass)> {
        let mut best = None;
        let mut key = String::new();
        for len in 1..=self.max_tokens.min(i) {
            let first = i - len;
            if n.barrier_after(first) {
                break;
            }
            key.clear();
            for t in first..i {
                if t > first {
                    key.push(' ');
                }
                key.push_str(n.token_text(t));
            }
            if let Some(c) = self.class_of(&key) {
                best = Some((first, c));
            }
        }
        best
    }

    /// The longest legal form made of the tokens from token `i` on (not
    /// across a barrier): returns its last token and class.
    pub fn starting_at(&self, n: &Normalized, i: usize) -> Option<(usize, FormClass)> {
        let mut best = None;
        let mut key = String::new();
        let count = n.tokens().len();
        for last in i..count.min(i + self.max_tokens) {
            if last > i {
                if n.barrier_after(last - 1) {
                    break;
                }
                key.push(' ');
            }
            key.push_str(n.token_text(last));
            if let Some(c) = self.class_of(&key) {
                best = Some((last, c));
            }
        }
        best
    }

    /// Splits folded name tokens into a leading legal form, the core and a
    /// trailing legal form: returns `(prefix_len, suffix_len, class)` with
    /// the longest forms found, or `None` when the name has no legal form or
    /// would be left with no core.
    pub fn split(&self, tokens: &[&str]) -> Option<(usize, usize, FormClass)> {
        let find = |range: &mut dyn Iterator<Item = usize>, prefix: bool| {
            let mut best = None;
            for len in range {
                let part = if prefix {
                    &tokens[..len]
                } else {
                    &tokens[tokens.len() - len..]
                };
                if let Some(c) = self.class_of(&part.join(" ")) {
                    best = Some((len, c));
                }
            }
            best
        };
        let max = self.max_tokens.min(tokens.len().saturating_sub(1));
        let pre = find(&mut (1..=max), true);
        let pre_len = pre.map_or(0, |p| p.0);
        let max_suf = self
            .max_tokens
            .min(tokens.len().saturating_sub(1 + pre_len));
        let suf = find(&mut (1..=max_suf), false);
        let class = suf.or(pre)?.1;
        Some((pre_len, suf.map_or(0, |s| s.0), class))
    }
}

/// Whether the folded key `key` of legal form `name` may stand for it in
/// text: not a single word that folding left of more letters ("S. en
/// C." folds to "en", "Part.G." to "part", as initials are dropped:
/// every "en" would be a legal form), nor a function word the table gives in lower case
/// (rigour's "in" for Inc; "AS", a Norwegian form, is written in
/// capitals).
fn form_key_stands(name: &str, key: &str) -> bool {
    let one = !key.contains(' ');
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let lost = one && letters(key) < letters(name);
    let lower_function_word = one && is_stopword(key) && !name.chars().any(char::is_uppercase);
    !lost && !lower_function_word
}

/// The initials in a name as written: single letters followed by a dot
/// ("F." in "John F. Kennedy"), or closing a dotted run ("S.A"), in upper
/// case, sorted.
///
/// ```
/// use gazex::names::initials;
/// assert_eq!(initials("John F. Kennedy"), vec!['F']);
/// assert_eq!(initials("Zorvan Trading S.A"), initials("Zorvan Trading S.A."));
/// ```
pub fn initials(name: &str) -> Vec<char> {
    // (Every initial is next to a dot: a name without one, most names,
    // has none, found without reading it char by char. Every name of
    // every list is asked at start-up.)
    if !name.contains('.') {
        return Vec::new();
    }
    let mut out: Vec<char> = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = name.chars().peekable();
    while let Some(ch) = chars.next() {
        let starts = !prev.is_some_and(char::is_alphanumeric);
        // (A dotted run's last letter counts without its closing dot:
        // "S.A" is "S.A.", as lists and the press write it either way.)
        let closes_run = prev == Some('.') && !chars.peek().is_some_and(|c| c.is_alphanumeric());
        if starts && ch.is_alphabetic() && (chars.peek() == Some(&'.') || closes_run) {
            out.extend(ch.to_uppercase());
        }
        prev = Some(ch);
    }
    out.sort_unstable();
    out
}

/// Whether `name` has an initial ([`initials`] is not empty), found
/// without collecting them: in an ASCII name, at its dots only (a letter
/// before one that starts a word, "F.", or after one that no letter or
/// digit follows, "S.A"), up to the first. Every name of a type other
/// than a person's is asked at start-up.
pub(crate) fn has_initials(name: &str) -> bool {
    let b = name.as_bytes();
    if !b.contains(&b'.') {
        return false;
    }
    if !name.is_ascii() {
        return !initials(name).is_empty();
    }
    let letter = |j: usize| b.get(j).is_some_and(u8::is_ascii_alphabetic);
    let word = |j: Option<usize>| {
        j.and_then(|j| b.get(j))
            .is_some_and(u8::is_ascii_alphanumeric)
    };
    b.iter()
        .enumerate()
        .filter(|&(_, &c)| c == b'.')
        .any(|(d, _)| {
            (d >= 1 && letter(d - 1) && !word(d.checked_sub(2)))
                || (letter(d + 1) && !word(Some(d + 2)))
        })
}

/// Generational suffixes that may be left out of a person's name.
pub fn is_suffix(folded: &str) -> bool {
    matches!(
        folded,
        "jr" | "sr" | "ii" | "iii" | "iv" | "junior" | "senior" | "snr" | "jnr"
    )
}

/// Name particles that are part of a family name (`van`, `al`, `bin`, …)
/// and never a name on their own.
pub fn is_particle(folded: &str) -> bool {
    matches!(
        folded,
        "al" | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "abu"
            | "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "dos"
            | "das"
            | "du"
            | "la"
            | "le"
            | "ter"
            | "ten"
            | "ould"
            | "ben"
            | "y"
            | "e"
    )
}

/// Words that stand before a name without being part of it: titles,
/// honorifics, offices (rigour's person-name prefixes plus the offices the
/// press puts before names, and clerics' titles).
pub fn is_title(folded: &str) -> bool {
    static TITLES: OnceLock<HashSet<String>> = OnceLock::new();
    TITLES
        .get_or_init(|| {
            #[derive(Deserialize)]
            struct Stop {
                person_name_prefixes: Vec<String>,
            }
            let stop: Stop =
                serde_json::from_str(include_str!("../data/rigour/name_stopwords.json"))
                    .expect("bundled name_stopwords.json is valid");
            let mut set: HashSet<String> = HashSet::default();
            for p in stop.person_name_prefixes {
                for w in fold_name(&p).split(' ') {
                    if !w.is_empty() {
                        set.insert(w.to_string());
                    }
                }
            }
            for w in PRESS_TITLES.split_whitespace() {
                set.insert(w.to_string());
            }
            set
        })
        .contains(folded)
        || is_muslim_cleric_title(folded)
}

/// Whether a folded word is a Muslim cleric's title written before a name
/// ("Mullah", "Maulvi", "Mawlawi", "Maulana", "Qari", "Mufti", "Ayatollah"):
/// not "Sheikh", which Gulf rulers and tribal elders bear too.
pub(crate) fn is_muslim_cleric_title(w: &str) -> bool {
    matches!(
        w,
        "mullah"
            | "mulla"
            | "maulvi"
            | "mawlawi"
            | "maulawi"
            | "mawlavi"
            | "moulvi"
            | "molvi"
            | "maulana"
            | "qari"
            | "mufti"
            | "ayatollah"
            | "hojatoleslam"
    )
}

/// Offices and honorifics news text puts before names, beyond rigour's list.
/// (With West Africa's "Alhaji", and the clerics' titles of
/// [`is_muslim_cleric_title`]; not "Haji", which is also a given name: Haji
/// Aliyev, the wrestler.)
const PRESS_TITLES: &str = "mr mrs ms miss mx dr sir lord lady president vice premier \
    prime minister pm secretary undersecretary under deputy assistant chancellor senator sen \
    rep representative congressman congresswoman governor gov mayor speaker leader chairman \
    chairwoman chair spokesman spokeswoman spokesperson ambassador envoy general gen \
    admiral adm colonel col lt lieutenant captain capt sergeant sgt major maj brig cpl pvt \
    bg bgen ltg \
    commander cmdr cdr \
    king queen prince princess sheikh emir crown justice judge attorney ceo founder \
    director chief head minister foreign defense defence finance treasury state \
    sayyed sayed seyed seyyed sayyid imam alhaji";

/// Function words (English and other languages), from rigour's text
/// stopwords: a capitalized one before a name is a sentence start, not a
/// given name.
pub fn is_stopword(folded: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            #[derive(Deserialize)]
            struct Stop {
                stopwords: Vec<String>,
            }
            let stop: Stop =
                serde_json::from_str(include_str!("../data/rigour/text_stopwords.json"))
                    .expect("bundled text_stopwords.json is valid");
            let mut set: HashSet<String> = stop.stopwords.iter().map(|s| fold_name(s)).collect();
            for w in EXTRA_FUNCTION_WORDS.split_whitespace() {
                set.insert(w.to_string());
            }
            set
        })
        .contains(folded)
}

/// English function words that open sentences and headlines.
const EXTRA_FUNCTION_WORDS: &str = "a an the and or but if then when while after before \
    against about above across along among around as at by for from in into of off on onto \
    over since than that these this those through to toward under until upon with within \
    without both each every he she it we they i you his her its our their my your said says \
    says also yet so not no nor only even meanwhile however yesterday today tomorrow";

/// Whether a folded word is an ordinary English word (a lower-case entry
/// of the SCOWL size-50 word list bundled in `data/scowl/`).
pub fn is_common_word(folded: &str) -> bool {
    static WORDS: OnceLock<StaticWords> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(include_str!("../data/scowl/english-words.txt")))
        .contains(folded)
}

/// Whether a folded word names a faith, a branch of one or a people, as
/// English capitalizes them ("Shiite", "Sunni", "Alawite", "Druze",
/// "Pashtun", "Uighur"): words the SCOWL list leaves out, which are no
/// person's name in another spelling ("Shiite" is no "Shatti").
///
/// ```
/// assert!(gazex::names::is_faith_or_people("shiite"));
/// assert!(!gazex::names::is_faith_or_people("shatti"));
/// ```
pub fn is_faith_or_people(folded: &str) -> bool {
    matches!(
        folded,
        "shiite"
            | "shiites"
            | "shia"
            | "shias"
            | "shii"
            | "sunni"
            | "sunnis"
            | "alawite"
            | "alawites"
            | "alawi"
            | "druze"
            | "sufi"
            | "sufis"
            | "salafi"
            | "salafis"
            | "salafist"
            | "salafists"
            | "wahhabi"
            | "ismaili"
            | "zaydi"
            | "zaidi"
            | "yazidi"
            | "yazidis"
            | "yezidi"
            | "maronite"
            | "maronites"
            | "copt"
            | "copts"
            | "coptic"
            | "chaldean"
            | "ahmadi"
            | "ahmadis"
            | "ahmadiyya"
            | "bahai"
            | "sikh"
            | "sikhs"
            | "kurd"
            | "kurds"
            | "kurdish"
            | "pashtun"
            | "pashtuns"
            | "baluch"
            | "baloch"
            | "hazara"
            | "hazaras"
            | "uighur"
            | "uighurs"
            | "uyghur"
            | "uyghurs"
            | "rohingya"
            | "berber"
            | "berbers"
            | "tuareg"
            | "bedouin"
            | "bedouins"
    )
}

/// Whether a folded word is a known English proper noun (a given name, a
/// place: a capitalized entry of the SCOWL list).
pub fn is_known_proper_noun(folded: &str) -> bool {
    static WORDS: OnceLock<StaticWords> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(include_str!("../data/scowl/proper-names.txt")))
        .contains(folded)
}

/// Whether a folded word is a common given name (1990 US Census lists,
/// bundled in `data/census/`): "Nelson", "Kim".
pub fn is_given_name(folded: &str) -> bool {
    static WORDS: OnceLock<StaticWords> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(include_str!("../data/census/given-names.txt")))
        .contains(folded)
}

/// Whether a folded word is a common given name: borne by at least
/// [`COMMON_GIVEN_PER_MILLION`] people per million in one of the given-name
/// lists of `data/names/` (US Census 2020, US Social Security births since
/// 1930, Brazil's 2010 census): "al", "hassan", "abdul" and up.
pub fn is_common_given_name(folded: &str) -> bool {
    static SET: OnceLock<StaticWords> = OnceLock::new();
    SET.get_or_init(|| {
        frequent(
            &[
                include_str!("../data/names/us-given-2020.tsv"),
                include_str!("../data/names/us-given-ssa.tsv"),
                include_str!("../data/names/br-given-2010.tsv"),
            ],
            COMMON_GIVEN_PER_MILLION,
        )
    })
    .contains(folded)
}

/// Whether a folded word is a common surname: borne by at least
/// [`COMMON_SURNAME_PER_MILLION`] people per million in the US (Census
/// 2020, `data/names/us-surnames-2020.tsv`): "mercer", "hassan", "kim" and
/// up.
pub fn is_common_surname_word(folded: &str) -> bool {
    static SET: OnceLock<StaticWords> = OnceLock::new();
    SET.get_or_init(|| {
        frequent(
            &[include_str!("../data/names/us-surnames-2020.tsv")],
            COMMON_SURNAME_PER_MILLION,
        )
    })
    .contains(folded)
}

/// The English nicknames of a folded given name, from
/// `data/names/en-nicknames.csv` (the PyPI package `nicknames` 1.0.1,
/// Apache-2.0): "jack", "johnny", … for "john", "jerry" for "gerald",
/// "bill" for "william"; none for a name the table lacks. The table was
/// made for genealogy and is generous (it gives "ian" for John, "randy"
/// for Andrew, "robert" for Bill): only a nickname that opens with the
/// name's letter is read, or one that rhymes with such a nickname of the
/// name ("bill" with "will", "bob" with "rob", "dick" with "rick", "jerry"
/// with "gerry"). Read it only where something else decides who is meant.
///
/// ```
/// use gazex::names::nicknames_of;
/// assert!(nicknames_of("john").contains(&"jack"));
/// assert!(nicknames_of("gerald").contains(&"jerry"));
/// assert!(nicknames_of("william").contains(&"bill"));
/// assert!(!nicknames_of("john").contains(&"ian"));
/// assert!(!nicknames_of("andrew").contains(&"randy"));
/// assert!(!nicknames_of("bill").contains(&"robert"));
/// assert!(nicknames_of("zarqawan").is_empty());
/// ```
pub fn nicknames_of(folded: &str) -> &'static [&'static str] {
    static MAP: OnceLock<std::collections::HashMap<&'static str, Vec<&'static str>>> =
        OnceLock::new();
    MAP.get_or_init(|| {
        let mut all: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        for line in include_str!("../data/names/en-nicknames.csv")
            .lines()
            .skip(1)
        {
            let mut cols = line.split(',');
            if let (Some(name), Some("has_nickname"), Some(nick)) =
                (cols.next(), cols.next(), cols.next())
            {
                all.entry(name.trim()).or_default().push(nick.trim());
            }
        }
        let first = |w: &str| w.as_bytes().first().copied();
        for (name, nicks) in all.iter_mut() {
            let own: Vec<&str> = nicks
                .iter()
                .copied()
                .filter(|n| first(n) == first(name))
                .collect();
            nicks.retain(|n| {
                first(n) == first(name)
                    || own
                        .iter()
                        .any(|o| o.len() == n.len() && o.get(1..) == n.get(1..))
            });
        }
        all
    })
    .get(folded)
    .map_or(&[], Vec::as_slice)
}

/// A given name borne by at least this many people per million is common.
pub const COMMON_GIVEN_PER_MILLION: f32 = 50.0;

/// A surname borne by at least this many people per million is common.
pub const COMMON_SURNAME_PER_MILLION: f32 = 100.0;

/// The names of `name<TAB>per_million` tables (a header first, most
/// frequent first, names lower-case ASCII as `data/names/convert.py`
/// writes them) borne by at least `min` per million.
fn frequent(tables: &[&'static str], min: f32) -> StaticWords {
    let mut out = StaticWords::with_capacity(0);
    for t in tables {
        for line in t.lines().skip(1) {
            let Some((name, f)) = line.split_once('\t') else {
                continue;
            };
            match f.trim().parse::<f32>() {
                Ok(f) if f >= min => {
                    out.insert(t, name);
                }
                // Sorted by frequency: the rest are rarer.
                Ok(_) => break,
                Err(_) => continue,
            }
        }
    }
    out
}

/// Whether a folded name is a place: a country, capital, US state or city
/// of GeoNames (`data/places/`): "washington", "lincoln", "houston".
pub fn is_place(folded: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| one_word_names(include_str!("../data/places/places.txt")))
        .contains(folded)
}

/// The one-word names of a bundled list of place names, one a line,
/// already folded by its `convert.py`: a name of several words is never
/// one token.
fn one_word_names(list: &'static str) -> HashSet<&'static str> {
    lines(list)
        .filter(|l| !l.contains([' ', '-', '\'']))
        .collect()
}

/// Whether a folded word is the name of a country's first-level
/// subdivision (ISO 3166-2, `data/regions/`): a state, province or
/// governorate ("sinaloa", "kandahar", "idlib"). Names of several words
/// are never one word.
///
/// ```
/// assert!(gazex::names::is_region("sinaloa"));
/// assert!(!gazex::names::is_region("lashkar"));
/// ```
pub fn is_region(folded: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| one_word_names(include_str!("../data/regions/regions.txt")))
        .contains(folded)
}

/// The words that name the country `value` in news text, folded: its
/// names and, with `broad`, its English demonyms and capitals
/// (`data/countries/`, from the `world-countries` data, ODbL): "Iran" →
/// "iran", "islamic republic of iran", … and "iranian", "tehran". `value` is
/// a list's country as written, "Korea, North" as well as "North Korea". A
/// country the table does not know is named by `value` alone, in natural
/// order.
///
/// ```
/// use gazex::names::country_cues;
/// let cues = country_cues("Korea, North", true);
/// assert!(cues.contains(&"north korean".to_string()));
/// assert!(cues.contains(&"pyongyang".to_string()));
/// assert!(!country_cues("Korea, North", false).contains(&"pyongyang".to_string()));
/// assert_eq!(&*country_cues("Atlantis", true), ["atlantis".to_string()]);
/// ```
pub fn country_cues(value: &str, broad: bool) -> std::borrow::Cow<'static, [String]> {
    let (by_name, cues) = country_table();
    let key = natural_key(value);
    match by_name.get(&key).or_else(|| by_name.get(&fold_name(value))) {
        Some(&i) => {
            let (names, all) = &cues[i];
            std::borrow::Cow::Borrowed(&all[..if broad { all.len() } else { *names }])
        }
        None if key.is_empty() => std::borrow::Cow::Borrowed(&[]),
        None => std::borrow::Cow::Owned(vec![key]),
    }
}

/// The country named by `value` (a list's country as written, or folded
/// words of a text), as an index into the bundled table, if the table
/// knows it: "Saudi Arabia", "saudi arabia" and "Kingdom of Saudi Arabia"
/// are one country.
///
/// ```
/// use gazex::names::country_of;
/// assert_eq!(country_of("saudi arabia"), country_of("Saudi Arabia"));
/// assert_ne!(country_of("saudi arabia"), country_of("Jordan"));
/// assert_eq!(country_of("atlantis"), None);
/// ```
pub fn country_of(value: &str) -> Option<usize> {
    let (by_name, _) = country_table();
    by_name
        .get(&natural_key(value))
        .or_else(|| by_name.get(&fold_name(value)))
        .copied()
}

/// The country a territory belongs to, where the table's own long name
/// for it says so ("Hong Kong Special Administrative Region of the
/// People's Republic of China" is China's), else the country itself: a
/// list that files Hong Kong's officials under China names their country
/// as another list's "Hong Kong" does.
///
/// ```
/// use gazex::names::{country_of, sovereign_of};
/// let china = country_of("China").unwrap();
/// assert_eq!(sovereign_of(country_of("Hong Kong").unwrap()), china);
/// assert_eq!(sovereign_of(country_of("Macau").unwrap()), china);
/// assert_eq!(sovereign_of(china), china);
/// let japan = country_of("Japan").unwrap();
/// assert_eq!(sovereign_of(japan), japan);
/// ```
pub fn sovereign_of(index: usize) -> usize {
    const REGION_OF: &str = "special administrative region of ";
    let (_, cues) = country_table();
    cues.get(index)
        .and_then(|(names, all)| {
            all[..*names].iter().find_map(|n| {
                let at = n.find(REGION_OF)?;
                let rest = &n[at + REGION_OF.len()..];
                country_of(rest.strip_prefix("the ").unwrap_or(rest))
            })
        })
        .unwrap_or(index)
}

/// Per country of `data/countries/`: its names (folded, natural order) to
/// its index, and per index the number of its names and all its cue words
/// (names first, then demonyms and capitals).
type CountryTable = (HashMap<String, usize>, Vec<(usize, Vec<String>)>);

fn country_table() -> &'static CountryTable {
    static TABLE: OnceLock<CountryTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_name = HashMap::default();
        let mut cues = Vec::new();
        for line in include_str!("../data/countries/countries.tsv").lines() {
            let mut fields = line.split('\t');
            let (Some(names), Some(demonyms), Some(capitals)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let mut row: Vec<String> = Vec::new();
            for n in names.split('|') {
                by_name.entry(natural_key(n)).or_insert(cues.len());
                row.push(natural_key(n));
            }
            let own = row.len();
            row.extend(
                demonyms
                    .split('|')
                    .chain(capitals.split('|'))
                    .map(natural_key),
            );
            let mut seen = HashSet::default();
            let mut kept = Vec::new();
            let mut names_kept = 0;
            for (i, w) in row.into_iter().enumerate() {
                if !w.is_empty() && seen.insert(w.clone()) {
                    kept.push(w);
                    if i < own {
                        names_kept += 1;
                    }
                }
            }
            cues.push((names_kept, kept));
        }
        (by_name, cues)
    })
}

/// The country whose people a demonym of one to three folded words names
/// ("nigerian", "north korean"), as an index into the bundled table
/// (`data/countries/`), if it names one only ("dominican" and "congolese"
/// name two; "american" a continent's people too).
///
/// ```
/// use gazex::names::{country_of, demonym_country};
/// assert_eq!(demonym_country("nigerian"), country_of("Nigeria"));
/// assert_eq!(demonym_country("north korean"), country_of("North Korea"));
/// assert_eq!(demonym_country("congolese"), None);
/// assert_eq!(demonym_country("serb"), None);
/// ```
pub fn demonym_country(folded: &str) -> Option<usize> {
    demonyms().get(folded).copied().flatten()
}

/// Whether a folded word ends a demonym of [`demonym_country`]'s table
/// ("korean" of "north korean"): a cheap test before words are joined.
pub fn ends_demonym(folded: &str) -> bool {
    static LAST: OnceLock<HashSet<String>> = OnceLock::new();
    LAST.get_or_init(|| {
        demonyms()
            .keys()
            .filter_map(|d| d.rsplit(' ').next())
            .map(str::to_string)
            .collect()
    })
    .contains(folded)
}

/// The demonyms of the bundled table, each with its one country, or
/// `None` where it names more than one.
fn demonyms() -> &'static HashMap<String, Option<usize>> {
    static DEMONYMS: OnceLock<HashMap<String, Option<usize>>> = OnceLock::new();
    DEMONYMS.get_or_init(|| {
        let mut out: HashMap<String, Option<usize>> = HashMap::default();
        for line in include_str!("../data/countries/countries.tsv").lines() {
            let mut fields = line.split('\t');
            let (Some(names), Some(demonyms)) = (fields.next(), fields.next()) else {
                continue;
            };
            let Some(i) = names.split('|').next().and_then(country_of) else {
                continue;
            };
            for d in demonyms.split(['|', ',']).map(natural_key) {
                if d.is_empty() {
                    continue;
                }
                out.entry(d)
                    .and_modify(|c| {
                        if *c != Some(i) {
                            *c = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        out
    })
}

/// Whether a folded word is a country's capital (`data/countries/`;
/// "Washington D.C." counts as "washington"): the press writes capitals
/// for governments ("a warning to Washington", "news from Moscow").
///
/// ```
/// assert!(gazex::names::is_capital("washington"));
/// assert!(gazex::names::is_capital("moscow"));
/// assert!(!gazex::names::is_capital("lincoln"));
/// ```
pub fn is_capital(folded: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        country_column(2, |f| {
            match f.strip_suffix(" dc").or_else(|| f.strip_suffix(" d.c")) {
                Some(city) => city.to_string(),
                None => f,
            }
        })
    })
    .contains(folded)
}

/// The folded values of column `column` of `data/countries/countries.tsv`
/// (1: demonyms, 2: capitals; `|` between values), each passed through
/// `adjust`, empty ones left out.
fn country_column(column: usize, adjust: fn(String) -> String) -> HashSet<String> {
    include_str!("../data/countries/countries.tsv")
        .lines()
        .filter_map(|l| l.split('\t').nth(column))
        .flat_map(|c| c.split('|'))
        .map(|c| adjust(fold_name(c)))
        .filter(|c| !c.is_empty())
        .collect()
}

/// Whether a folded word is part of a country's name, a nationality or a
/// capital (`data/countries/`): "korea", "north", "iranian", "tehran".
/// The press names them around every namesake of a country.
///
/// ```
/// assert!(gazex::names::in_country_name("korea"));
/// assert!(gazex::names::in_country_name("iranian"));
/// assert!(gazex::names::in_country_name("pyongyang"));
/// assert!(!gazex::names::in_country_name("komid"));
/// ```
pub fn in_country_name(folded: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        [0, 1, 2]
            .into_iter()
            .flat_map(|c| country_column(c, |f| f))
            .flat_map(|v| v.split(' ').map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect()
    })
    .contains(folded)
}

/// Whether a folded word is a country's English demonym
/// (`data/countries/`): "iranian", "belarusian". A nationality says whose a
/// company is, not which one ("Belarusian" of "Belarusian Potash
/// Company").
///
/// ```
/// assert!(gazex::names::is_demonym("belarusian"));
/// assert!(!gazex::names::is_demonym("belaruskali"));
/// ```
pub fn is_demonym(folded: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| country_column(1, |f| f))
        .contains(folded)
}

/// A country's name folded in natural order: "Korea, North" → "north
/// korea".
fn natural_key(name: &str) -> String {
    match name.split_once(',') {
        Some((a, b)) => fold_name(&format!("{} {}", b.trim(), a.trim())),
        None => fold_name(name),
    }
}

/// Whether a folded word is among the 5,000 most common US surnames (1990
/// US Census): "Lee", "Patel".
pub fn is_common_surname(folded: &str) -> bool {
    static WORDS: OnceLock<StaticWords> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(include_str!("../data/census/common-surnames.txt")))
        .contains(folded)
}

/// Whether a folded word is a day of the week.
pub(crate) fn is_weekday(folded: &str) -> bool {
    matches!(
        folded,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Whether a folded word could identify a name on its own: four letters or
/// more, and not an English word, a given name, a common surname, a title,
/// a function word, a legal form or a nationality ("putin", "verus"; not
/// "nelson", "defense", "kim", "iranian").
pub fn is_distinctive_word(folded: &str) -> bool {
    folded.chars().count() >= 4
        && !crate::date::MONTHS.contains(&folded)
        && !is_weekday(folded)
        && folded.chars().all(char::is_alphabetic)
        && !is_common_word(folded)
        && !is_given_name(folded)
        && !is_common_surname(folded)
        && !is_title(folded)
        && !is_stopword(folded)
        && LegalForms::builtin().class_of(folded).is_none()
        && !is_demonym(folded)
}

/// Builds every word table of this module now instead of on first use
/// (the binary does it on one thread while another loads the gazetteers).
pub fn preload() {
    LegalForms::builtin();
    for f in [
        is_title,
        is_stopword,
        is_common_word,
        is_known_proper_noun,
        is_given_name,
        is_common_surname,
    ] {
        f("");
    }
}

/// The one-word entries of `list` (a word a line), folded: the words
/// that folding leaves as they are found in `list`, the others in one
/// string kept for the life of the program (the sets are built once, into
/// statics): tens of thousands of words, a few bytes each.
fn word_set(list: &'static str) -> StaticWords {
    let mut folded = Normalized::new();
    let mut set = StaticWords::with_capacity(list.len() / 8);
    let mut changed = String::new();
    for line in lines(list) {
        // (Most entries are words of ASCII letters: folded at once.)
        if let Some(word) = fold_plain_word(line) {
            match word {
                Cow::Borrowed(_) => set.insert(list, line),
                Cow::Owned(word) => {
                    changed.push_str(&word);
                    changed.push('\n');
                }
            }
            continue;
        }
        normalize_into(line, &mut folded);
        if let [_] = folded.tokens() {
            let word = folded.token_text(0);
            if word == line {
                set.insert(list, line);
            } else {
                changed.push_str(word);
                changed.push('\n');
            }
        }
    }
    let changed: &'static str = String::leak(changed);
    for word in lines(changed) {
        set.insert(changed, word);
    }
    set
}

/// The lines of `text`, as `str::lines` gives them (a line feed ends a
/// line, and a carriage return before it is no part of it), found with
/// `memchr`: `str::lines` costs about 150 instructions a line, and the
/// word lists have 85,000 short lines read at every start.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(end) = memchr::memchr(b'\n', rest.as_bytes()) else {
            return Some(std::mem::take(&mut rest));
        };
        let line = &rest[..end];
        rest = &rest[end + 1..];
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// The folded words of a name, as [`names_agree`] compares them.
fn name_words(name: &str) -> std::collections::BTreeSet<String> {
    fold_name(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether two entity names agree: the same set of folded words, or one
/// set within the other sharing at least two words ("Joseph R. Biden" and
/// "Joseph R. Biden Jr."). How [`crate::eval`] compares a predicted entity
/// with a gold one, and how the matcher tells listed owners of a name
/// apart.
pub fn names_agree(a: &str, b: &str) -> bool {
    let (x, y) = (name_words(a), name_words(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    if x == y {
        return true;
    }
    let shared = x.intersection(&y).count();
    shared >= 2 && (x.is_subset(&y) || y.is_subset(&x))
}

#[cfg(test)]
mod tests {
    #[test]
    fn has_initials_where_initials_finds_some() {
        for name in [
            "John F. Kennedy",
            "Zorvan Trading S.A",
            "Zorvan Trading S.A.",
            "A.Q. Khan",
            "Yerevan Consulting Pte. Ltd.",
            "ß. Straße",
            "Ömer Ç.",
            "Ab.C1",
            "1.A",
            "A.",
            ".",
            "",
        ] {
            assert_eq!(has_initials(name), !initials(name).is_empty(), "{name:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn has_initials_as_initials_reads_it(name in "[aB1 .\\-é]{0,12}") {
            proptest::prop_assert_eq!(has_initials(&name), !initials(&name).is_empty(), "{:?}", name);
        }
    }

    #[test]
    fn initials_of_names_without_a_dot_are_none_and_with_one_as_read_char_by_char() {
        // (The reading before the test for a dot, char by char.)
        fn read(name: &str) -> Vec<char> {
            let mut out: Vec<char> = Vec::new();
            let mut prev: Option<char> = None;
            let mut chars = name.chars().peekable();
            while let Some(ch) = chars.next() {
                let starts = !prev.is_some_and(char::is_alphanumeric);
                let closes_run =
                    prev == Some('.') && !chars.peek().is_some_and(|c| c.is_alphanumeric());
                if starts && ch.is_alphabetic() && (chars.peek() == Some(&'.') || closes_run) {
                    out.extend(ch.to_uppercase());
                }
                prev = Some(ch);
            }
            out.sort_unstable();
            out
        }
        for name in [
            "John F. Kennedy",
            "Zorvan Trading S.A",
            "Zorvan Trading S.A.",
            "A.Q. Khan",
            "F. Scott Fitzgerald",
            "ß. Straße",
            "Ömer Ç.",
            "John Kennedy",
            "J F Kennedy",
            "",
            ".",
            "a.",
            "..x",
        ] {
            assert_eq!(initials(name), read(name), "{name:?}");
        }
        assert_eq!(initials("John F. Kennedy"), ['F']);
        assert_eq!(initials("A.Q. Khan"), ['A', 'Q']);
        assert!(initials("John Kennedy").is_empty());
    }

    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn lines_as_str_lines() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\r\n",
            "a\r",
            "\r",
            "\r\n\r\n",
            "foo\nbar\n\r\nbaz\r",
            "a\rb\nc\r\r\nd",
            include_str!("../data/scowl/proper-names.txt"),
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn lines_as_str_lines_on_any_text(text in "[a\r\n\u{e9}]{0,12}") {
            proptest::prop_assert_eq!(
                lines(&text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>()
            );
        }
    }

    /// A word list's plain words, folded at once, fold as the normalizer
    /// folds them: every line of every bundled list, and a few made up.
    #[test]
    fn plain_words_fold_as_normalized() {
        let mut plain = 0;
        for list in [
            include_str!("../data/scowl/english-words.txt"),
            include_str!("../data/scowl/proper-names.txt"),
            include_str!("../data/census/given-names.txt"),
            include_str!("../data/census/common-surnames.txt"),
            "Zelenskyy\nZELENSKIY\nabcdeh\nABCDE\nx\nX1\n1961\nkyiv\nO'Brien\nJong-un",
        ] {
            for line in list.lines() {
                let Some(word) = fold_plain_word(line) else {
                    continue;
                };
                plain += 1;
                let n = normalize(line);
                assert_eq!(n.tokens().len(), 1, "{line:?}");
                assert_eq!(n.token_text(0), word, "{line:?}");
            }
        }
        assert!(plain > 70_000, "{plain} plain words");
        assert!(fold_plain_word("Zelenskyy").is_none());
        assert!(fold_plain_word("O'Brien").is_none());
        assert_eq!(fold_plain_word("ABCDE").as_deref(), Some("abcde"));
    }

    #[test]
    fn legal_form_classes_are_equivalent() {
        let f = LegalForms::builtin();
        let llc = f.class_of("llc").unwrap();
        assert_eq!(f.class_name(llc), "LLC");
        for form in [
            "limited liability company",
            "ooo",
            "ооо",
            "sro",
            "ltd",
            "limited",
            "MMC",
            "Məhdud Məsuliyyətli Cəmiyyət",
            "Məhdud Məsuliyyətli Cəmiyyəti",
        ] {
            assert_eq!(f.class_of(&fold_name(form)), Some(llc), "{form}");
        }
        let jsc = f.class_of("jsc").unwrap();
        for form in ["joint stock company", "ao", "oao", "pjsc"] {
            assert_eq!(f.class_of(form), Some(jsc), "{form}");
        }
        assert_eq!(f.class_name(f.class_of("llp").unwrap()), "LLP");
        assert_eq!(
            f.class_of("limited liability partnership"),
            f.class_of("llp")
        );
        assert_eq!(f.class_of("verus"), None);
    }

    #[test]
    fn no_legal_form_of_a_word_folding_left_alone() {
        let f = LegalForms::builtin();
        // "S. en C.", "S. à R. L.", "Part.G." and rigour's lower-case "in"
        // would make every "EN", "A", "Part" and "In" a legal form.
        for key in ["en", "a", "part", "in", "por"] {
            assert_eq!(f.class_of(key), None, "{key}");
        }
        // Forms written in capitals, and whole keys of initials, stand.
        for key in ["as", "sa", "de rl de cv", "gmbh co kg"] {
            assert!(f.class_of(key).is_some(), "{key}");
        }
    }

    #[test]
    fn split_finds_prefix_and_suffix_forms() {
        let f = LegalForms::builtin();
        let t = ["limited", "liability", "company", "verus"];
        assert_eq!(f.split(&t).map(|s| (s.0, s.1)), Some((3, 0)));
        let t = [
            "defense",
            "engineering",
            "limited",
            "liability",
            "partnership",
        ];
        assert_eq!(f.split(&t).map(|s| (s.0, s.1)), Some((0, 3)));
        let t = ["versor", "sro"];
        assert_eq!(f.split(&t).map(|s| (s.0, s.1)), Some((0, 1)));
        assert_eq!(f.split(&["llc"]), None);
        assert_eq!(f.split(&["verus", "consulting", "group"]), None);
    }

    #[test]
    fn forms_around_a_token() {
        let f = LegalForms::builtin();
        let n = normalize("the LLC Verus Co., Ltd. (JSC) x");
        // tokens: the llc verus co ltd | jsc | x
        assert_eq!(f.ending_before(&n, 2).map(|x| x.0), Some(1));
        assert_eq!(f.starting_at(&n, 3).map(|x| x.0), Some(4));
        assert_eq!(f.starting_at(&n, 4).map(|x| x.0), Some(4));
        // no form across the bracket
        assert_eq!(f.ending_before(&n, 6), None);
    }

    #[test]
    fn titles_and_stopwords() {
        assert!(is_title("president"));
        assert!(is_title("secretary"));
        assert!(is_title("mr"));
        assert!(!is_title("nelson"));
        assert!(is_stopword("the"));
        assert!(is_stopword("against"));
        assert!(!is_stopword("mandela"));
        assert!(is_common_word("later"));
        assert!(is_common_word("green"));
        assert!(!is_common_word("nelson"));
        assert!(!is_common_word("verus"));
        assert!(is_known_proper_noun("nelson"));
        assert!(is_known_proper_noun("washington"));
        assert!(is_given_name("nelson") && is_given_name("kim"));
        assert!(is_common_surname("patel") && !is_common_surname("putin"));
        for w in ["putin", "biden", "verus", "versor", "mkrtychev"] {
            assert!(is_distinctive_word(w), "{w}");
        }
        for w in [
            "nelson",
            "kim",
            "patel",
            "defense",
            "engineering",
            "llc",
            "said",
            "42",
        ] {
            assert!(!is_distinctive_word(w), "{w}");
        }
    }
}
