//! One entity per real person, company or ship across lists.
//!
//! The same party is often on several lists: Vladimir Putin is on the OFAC
//! list (`ofac-35096`, DOB 07 Oct 1952) and on the officials list
//! (`wd-Q7747`, a Wikidata head of state born 1952-10-07); Qasem Soleimani
//! and KOREA DAESONG BANK are on the OFAC list and on the UN Security
//! Council's. Loaded as they are, each is two entities, and a coverage
//! index counts them twice, or a mention carries one list only.
//! [`Gazetteer::merge_same_people`] folds such entries into one.
//!
//! # The rule for persons
//!
//! Two **person** entities loaded from **different sources** (a source is
//! the file an entity was loaded from, or the folder of an `ofac-csv:` or
//! `officials:` import; entities made in code with
//! [`Gazetteer::from_entities`] are all one source) are the same person
//! when
//!
//! - they share an identifier: the same Wikidata QID (`wikidata`), the same
//!   Congress bioguide id (`bioguide`), or one lists the other's id in its
//!   `same_as`; or the same **passport** number (`passport`, compared
//!   without spaces or punctuation, `B/011641` = `B 011641`, six
//!   characters or more with a digit) where a folded word of a name of one
//!   is in a name of the other or the dates of birth agree in full (a
//!   passport listed for another person's false identity is no proof;
//!   OFAC's remarks cite no UN reference number, so no rule reads one); or
//! - their **names agree** and their **dates of birth agree**. Names agree
//!   when any name of one (display name or non-weak alias) has the same
//!   folded words, in any order, ([`fold_name`](crate::normalize::fold_name)'s folding)
//!   as any name of the other (`PUTIN, Vladimir Vladimirovich` = `Vladimir
//!   Vladimirovich Putin`; a word written twice counts twice, so `Maung
//!   Maung Kyaw` is not `Kyaw Kyaw Maung`), or when both names have the
//!   same family name and the words of one, at least two, are all in the
//!   other (`Vladimir Putin` within `Vladimir Vladimirovich Putin`). A
//!   name without its East Slavic patronymic (outside the family name) has
//!   the same words as the name written without one (`Maxim Gennadyevich
//!   Reshetnikov` = `Maxim Reshetnikov`), but two names stripped of their
//!   patronymics are not the same (they may have had two). Dates agree when both give the
//!   same full date (`dob` `07 Oct 1952` = `birth_date` `1952-10-07`); when
//!   one side gives only a year, a month or a range (`1952`, `circa 1952`,
//!   `Oct 1952`, `1951 to 1953`) that holds the other's date, that counts
//!   only together with a same-words name agreement;
//!
//! and nothing contradicts: both give full dates and none of them agree, or
//! both give dates that cannot be the same, or both give a gender and they
//! differ. A contradiction blocks a merge even when an identifier is shared.
//!
//! # The rule for organizations and vessels
//!
//! Two **organizations** (or two **vessels**; never one of each, nor an
//! organization and a person) from different sources are one when
//!
//! - they share an IMO number (`imo` or `imo_alt` of either: the UN's
//!   `IMO number: 5342883` is OFAC's `Company Number IMO 5342883`); or
//! - a name of one has the **same folded words** as a name of the other,
//!   in any order, up to a bracket as for persons (`TARIQ GIDAR GROUP
//!   (TGG)` = `TARIQ GIDAR GROUP`) and without the legal forms that end it
//!   (`KOREA KWANGSON BANKING CORP` = `KOREA KWANGSON BANKING
//!   CORPORATION`): two words at least, or one of eight letters or more
//!   (`ANSARALLAH`; a shorter one is an acronym, `KOMID`, or a common
//!   word); words within another name are not enough (`KOREA MINING
//!   CORPORATION` is not `KOREA MINING DEVELOPMENT TRADING CORPORATION`);
//!
//! and their **countries** do not contradict: when both give countries
//! (`country`, `nationality`, `vessel_flag`, address countries) that the
//! country table knows, one must be the same (`Korea, North` =
//! `Democratic People's Republic of Korea`). The branches of one charity
//! share a name on one list and carry their country in it on the other
//! (`AL-HARAMAIN FOUNDATION` of Kenya is not of Pakistan). A name is
//! enough because the one-partner rule below makes it unique on both
//! sides: on the bundled lists, of the 273 UN entities 188 merge with an
//! OFAC organization (every one of them checked by hand at the time:
//! DPRK banks and shipping companies, Iranian industries, Al-Qaida's
//! groups and charities), 2 pairs are left undecided (a name two records
//! of the other list share) and 4 other pairs contradict by country, 83
//! pairs of Al-Haramain branches among them.
//!
//! # For both
//!
//! Two entities of the same source are never merged (two OFAC entries are
//! two parties, however alike), and a merged entity holds at most one
//! entity of each source: when one entity would merge with two entities of
//! another source, neither merge is made and both pairs are reported as
//! undecided, but for **twins**: two persons of one source that hold the
//! same office of the same country (by their `roles`: "President of
//! Syria" and "President", both of Syria) and that pair with that one
//! entity alone are one person with it, and all three are merged (the
//! officials list's Wikidata "Bashar al-Assad" and CIA "Bashar al-Asad"
//! with OFAC's entry, which carries both spellings). Names that agree where one side gives no date of birth (or,
//! for a subset name agreement, only a partial one) are not merged either:
//! they are reported as *undecided*, for a person to look at; unless
//! both records give **one office of one country** (an officials record's
//! `roles`, an OFAC record's `title`, whose country is the record's own,
//! or its place of birth's where it gives none, Hong Kong's as China's; the same folded words less
//! "of", "the", "and", "former" and the country's own words, a plural as
//! its singular, or the same but for an acronym whose letters are the
//! initials of the other's words in any order: OFAC's "Chairman of the
//! Workers' Party of Korea" is the CIA's "Chairman of KWP"), which makes
//! names that agree one person however common the name (Kim Jong Un, Ali
//! Khamenei, Syria's ministers of the CIA's list); or unless
//! exactly one side gives a date, the two persons have the same folded
//! name words (the display name of one among the other's names, or a
//! shared name of three words or more), share a country (`country`,
//! `nationality`, `citizenship`; for a record that gives none, its
//! addresses'; Hong Kong and Macau count as China, where the CIA files
//! their officials) and the name is
//! not a common one (every word a common given name or surname, a
//! family-first name of short syllables such as `Kim Yong Chol` but not
//! four words after a common English given name, `Stephen Lo Wai-chung`,
//! or two
//! words of four letters at most, in any language, such as the Burmese
//! `Soe Win`): the
//! CIA's governor of Lebanon's central bank "Riad Salameh" and OFAC's
//! "Riad Salameh" of Lebanon are one person.
//!
//! # The merged entity
//!
//! It keeps the id, display name, type, name order and match policy of its
//! **first-loaded** entity (load order is deterministic: the `-g` paths in
//! the order given, a folder's files in name order, a file's lines in
//! order; the bundled `ofac-sdn.jsonl` loads before `officials.jsonl`, so
//! Putin stays `ofac-35096`). It takes
//!
//! - the union of aliases, each name once: the others' display names become
//!   aliases, and every carried alias keeps the name order it had;
//! - the union of `lists` (so Putin is on `RUSSIA-EO14024` and on
//!   `official:wikidata-leaders`), in load order;
//! - the properties of the first, and those of the others that it lacks
//!   (`birth_date`, `wikidata`, `country`, …); `roles` of both are
//!   concatenated;
//! - `same_as`: a JSON array of the ids of every entity merged into it.
//!
//! The other entities are removed, so a mention's `entity_id` is the kept
//! id, and `same_as` joins it to any source's id.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_json::Value;

use super::{Alias, Entity, EntityType, Gazetteer, NameOrder};
use crate::names::{country_cues, country_of, is_suffix};
use crate::normalize::{normalize_into, Normalized};
use crate::variants::family_range;

/// What [`Gazetteer::merge_same_people`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MergeReport {
    /// Entities folded into another one and removed.
    pub merged: usize,
    /// Each merged person: the kept id first, then the ids merged into it.
    pub groups: Vec<Vec<String>>,
    /// Pairs whose names agree but whose dates of birth cannot decide (one
    /// side gives none, or only a year where the names agree only in part),
    /// and pairs left alone because one entity would merge with two of the
    /// same source. First-loaded id first.
    pub undecided: Vec<(String, String)>,
    /// Pairs whose names agree (or that share an identifier) but whose
    /// dates of birth or genders contradict. First-loaded id first.
    pub conflicts: Vec<(String, String)>,
}

/// How two names agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum NameAgreement {
    /// The words of one (at least two) are all in the other, and both have
    /// the same family name.
    Subset,
    /// The same folded words, in any order.
    Same,
}

/// What is known about a pair of candidates.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    names: Option<NameAgreement>,
    identifier: bool,
    /// The same passport number: an identifier only where the names share
    /// a word or the dates of birth agree (a passport can be another's,
    /// used under a false name).
    passport: bool,
    /// With `passport`: a folded word of a name of one is in a name of the
    /// other.
    word: bool,
}

/// A date as (year, month, day); a period is a closed range of them.
type Ymd = (u16, u8, u8);

/// Dates of birth of one entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Births {
    /// Exact dates.
    full: Vec<Ymd>,
    /// Periods: a year, a month, a range, anything "circa".
    partial: Vec<(Ymd, Ymd)>,
}

impl Births {
    fn is_empty(&self) -> bool {
        self.full.is_empty() && self.partial.is_empty()
    }

    fn periods(&self) -> impl Iterator<Item = (Ymd, Ymd)> + '_ {
        self.full
            .iter()
            .map(|&d| (d, d))
            .chain(self.partial.iter().copied())
    }
}

/// How two entities' dates of birth compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateAgreement {
    /// A full date in common.
    Full,
    /// A period of one holds a date of the other; no full date in common.
    Partial,
    /// One side gives no date.
    Unknown,
    /// Both give dates that cannot be the same.
    Conflict,
}

fn compare_births(a: &Births, b: &Births) -> DateAgreement {
    if a.is_empty() || b.is_empty() {
        return DateAgreement::Unknown;
    }
    if a.full.iter().any(|d| b.full.contains(d)) {
        return DateAgreement::Full;
    }
    if !a.full.is_empty() && !b.full.is_empty() {
        return DateAgreement::Conflict;
    }
    let overlap = a
        .periods()
        .any(|(lo, hi)| b.periods().any(|(blo, bhi)| lo <= bhi && blo <= hi));
    if overlap {
        DateAgreement::Partial
    } else {
        DateAgreement::Conflict
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses one written date: `07 Oct 1952`, `1952-10-07` (exact), `Oct
/// 1952`, `1952`, `1952-10` (periods). `None` for anything else.
fn parse_date(s: &str) -> Option<(Ymd, Ymd, bool)> {
    let s = s.trim();
    let year = |t: &str| -> Option<u16> {
        (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let month = |t: &str| -> Option<u8> {
        let t = t.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|m| t.starts_with(m))
            .map(|i| i as u8 + 1)
    };
    let number =
        |t: &str, max: u8| -> Option<u8> { t.parse::<u8>().ok().filter(|n| (1..=max).contains(n)) };
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [d, m, y] => {
            let (y, m) = (year(y)?, month(m)?);
            let d = number(d, days_in(y, m))?;
            Some(((y, m, d), (y, m, d), true))
        }
        [m, y] => {
            let (y, m) = (year(y)?, month(m)?);
            Some(((y, m, 1), (y, m, days_in(y, m)), false))
        }
        [iso] => {
            let parts: Vec<&str> = iso.split('-').collect();
            match parts.as_slice() {
                [y] => {
                    let y = year(y)?;
                    Some(((y, 1, 1), (y, 12, 31), false))
                }
                [y, m] => {
                    let (y, m) = (year(y)?, number(m, 12)?);
                    Some(((y, m, 1), (y, m, days_in(y, m)), false))
                }
                [y, m, d] => {
                    let (y, m) = (year(y)?, number(m, 12)?);
                    let d = number(d, days_in(y, m))?;
                    Some(((y, m, d), (y, m, d), true))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Adds one written date of birth to `out`: a date, `A to B`, `circa A`
/// (the whole year or years of `A`), `circa 1979-1982`.
fn add_birth(s: &str, out: &mut Births) {
    let s = s.trim();
    if let Some(rest) = s
        .strip_prefix("circa ")
        .or_else(|| s.strip_prefix("Circa "))
    {
        let rest = rest.trim();
        // "circa 1979-1982": a range of years.
        let (a, b) = match rest.split_once('-') {
            Some((a, b)) if a.len() == 4 && b.len() == 4 => (a, b),
            _ => (rest, rest),
        };
        if let (Some((lo, _, _)), Some((_, hi, _))) = (parse_date(a), parse_date(b)) {
            out.partial.push(((lo.0, 1, 1), (hi.0, 12, 31)));
        }
        return;
    }
    if let Some((a, b)) = s.split_once(" to ") {
        if let (Some((lo, _, _)), Some((_, hi, _))) = (parse_date(a), parse_date(b)) {
            if lo <= hi {
                out.partial.push((lo, hi));
            }
        }
        return;
    }
    match parse_date(s) {
        Some((d, _, true)) => out.full.push(d),
        Some((lo, hi, false)) => out.partial.push((lo, hi)),
        None => {}
    }
}

/// The dates of birth of `e`: its `dob` and `birth_date` properties (a
/// string or an array of strings each).
fn births(e: &Entity) -> Births {
    let mut out = Births::default();
    for key in ["dob", "birth_date"] {
        match e.properties.get(key) {
            Some(Value::String(s)) => add_birth(s, &mut out),
            Some(Value::Array(items)) => {
                for s in items.iter().filter_map(Value::as_str) {
                    add_birth(s, &mut out);
                }
            }
            _ => {}
        }
    }
    out
}

/// `'m'` or `'f'` from `gender` (`Male`, `M`, `female`, …), if given.
fn gender(e: &Entity) -> Option<char> {
    let g = e.properties.get("gender")?.as_str()?.trim();
    match g.chars().next()?.to_ascii_lowercase() {
        c @ ('m' | 'f') => Some(c),
        _ => None,
    }
}

/// The strings of a property that is a string or an array of strings.
fn strings<'a>(e: &'a Entity, key: &str) -> Vec<&'a str> {
    e.strings(key)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The countries an organization or vessel is placed in (its `country`,
/// `nationality`, `citizenship`, `vessel_flag` and address countries), each by the first
/// name [`country_cues`] gives it, so that `Korea, North` and `Democratic
/// People's Republic of Korea` are one (a parenthesis dropped: `Iran
/// (Islamic Republic of)`); a country the table does not know is left out.
fn countries(e: &Entity) -> Vec<String> {
    countries_where(e, true)
}

/// [`countries`], with or without the addresses' (a person's address
/// says little of whose citizen they are).
fn countries_where(e: &Entity, addresses: bool) -> Vec<String> {
    // Only countries the table knows: `Region: Northern Mali` or `China,
    // Hong Kong Special Administrative Region` say nothing either way.
    bare_countries(e, addresses)
        .filter_map(|v| match country_cues(v, false) {
            std::borrow::Cow::Borrowed(cues) => cues.first().cloned(),
            std::borrow::Cow::Owned(_) => None,
        })
        .collect()
}

/// The countries of [`written_countries`], each without a parenthesis
/// (`Iran (Islamic Republic of)`), as the record writes them.
fn bare_countries(e: &Entity, addresses: bool) -> impl Iterator<Item = &str> {
    written_countries(e, addresses)
        .into_iter()
        .map(|v| v.split_once(" (").map_or(v, |(head, _)| head))
}

/// The countries of [`countries_where`] as the record writes them, known
/// to the country table or not.
fn written_countries(e: &Entity, addresses: bool) -> Vec<&str> {
    let mut values: Vec<&str> = ["country", "nationality", "citizenship", "vessel_flag"]
        .iter()
        .flat_map(|k| strings(e, k))
        .collect();
    if let Some(Value::Array(addresses)) = e.properties.get("addresses").filter(|_| addresses) {
        values.extend(
            addresses
                .iter()
                .filter_map(|a| a.get("country").and_then(Value::as_str)),
        );
    }
    values
}

/// An entity's names (display name and non-weak aliases), each as its
/// folded words in any order: two entities share as many names as these
/// sets share keys. A person's name with a patronymic is there without it
/// too ([`without_patronymic`]: "Maxim Gennadyevich Reshetnikov" is also
/// "Maxim Reshetnikov").
fn name_keys(e: &Entity) -> HashSet<Vec<String>> {
    let mut n = Normalized::new();
    let mut keys = HashSet::default();
    for name in e.names().filter(|n| !n.weak) {
        if e.kind == EntityType::Person {
            if let Some(bare) = without_patronymic(&mut n, &name.name, name.order.or(e.name_order))
            {
                keys.insert(bare);
            }
        }
        keys.insert(name_key(&name.name));
    }
    keys
}

/// One name's folded words, sorted (see [`name_keys`]).
fn name_key(name: &str) -> Vec<String> {
    let mut w: Vec<String> = crate::normalize::fold_name(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    w.sort_unstable();
    w
}

/// Whether the display name of one entity is a name of the other (folded
/// words, any order), or they share a name of three words or more: not
/// only a two-word short form ("Asad Khan" of a Pakistani diplomat "Asad
/// Majeed Khan" and of an Afghan "Haji Asad Khan Zarkari Mohammadhasni").
fn display_agrees(a: &Entity, b: &Entity) -> bool {
    let (ka, kb) = (name_keys(a), name_keys(b));
    kb.contains(&name_key(&a.name))
        || ka.contains(&name_key(&b.name))
        || ka.intersection(&kb).any(|k| k.len() >= 3)
}

/// One office a person holds or held, as a list words it: the country's
/// index in the country table, and the title's folded words without "of",
/// "the", "and", "former" and a plural's "s", with and without the
/// country's own words, and the acronyms written in capitals ("KWP").
#[derive(Debug)]
struct Office {
    country: usize,
    words: Vec<String>,
    with_country: Vec<String>,
    acronyms: Vec<String>,
}

impl Office {
    /// The office `title` of the country `country` (as a list writes it),
    /// `None` where the table does not know the country or nothing is
    /// left of the title.
    fn new(title: &str, country: &str) -> Option<Office> {
        let index = crate::names::country_of(country)?;
        let own: Vec<String> = crate::names::country_cues(country, false)
            .iter()
            .flat_map(|c| c.split(' ').map(str::to_string).collect::<Vec<_>>())
            .chain(["republic", "federation", "kingdom"].map(String::from))
            .collect();
        // (A bracket repeats or explains: "State Affairs Commission (SAC)".)
        let title = title.split_once(" (").map_or(title, |(head, _)| head);
        let mut office = Office {
            country: index,
            words: Vec::new(),
            with_country: Vec::new(),
            acronyms: Vec::new(),
        };
        for raw in title
            .replace("'s ", " ")
            .replace("\u{2019}s ", " ")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let acronym =
                (2..=5).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_uppercase());
            let folded = crate::normalize::fold_name(raw);
            if matches!(
                folded.as_str(),
                "of" | "the" | "and" | "for" | "in" | "former"
            ) {
                continue;
            }
            if acronym {
                office.acronyms.push(folded);
                continue;
            }
            if own.contains(&folded) {
                office.with_country.push(folded);
                continue;
            }
            let word = match folded.strip_suffix('s') {
                Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_string(),
                _ => folded,
            };
            office.words.push(word.clone());
            office.with_country.push(word);
        }
        office.words.sort_unstable();
        (!office.words.is_empty() || !office.acronyms.is_empty()).then_some(office)
    }

    /// Whether `self` and `other` are one office: of one country, with the
    /// same words, or the same but for an acronym of `self` whose letters
    /// are the initials of the words of `other` it stands for, in any order
    /// ("Chairman of KWP" = "Chairman of the Workers' Party of Korea").
    fn is(&self, other: &Office) -> bool {
        // (Hong Kong's offices are China's, as the CIA files them.)
        if !one_country(self.country, other.country) {
            return false;
        }
        if self.acronyms == other.acronyms {
            return self.words == other.words;
        }
        let ([acronym], []) = (&self.acronyms[..], &other.acronyms[..]) else {
            return false;
        };
        let mut rest = other.with_country.clone();
        for w in &self.words {
            let Some(at) = rest.iter().position(|r| r == w) else {
                return false;
            };
            rest.remove(at);
        }
        let mut initials: Vec<u8> = rest.iter().filter_map(|w| w.bytes().next()).collect();
        let mut letters = acronym.as_bytes().to_vec();
        initials.sort_unstable();
        letters.sort_unstable();
        initials == letters
    }
}

/// The offices a person's record gives: its `roles` (each with its
/// country) and its `title` (an OFAC record's; offices parted by `;`,
/// of each country the record gives).
fn offices(e: &Entity) -> Vec<Office> {
    let mut out = Vec::new();
    if let Some(Value::Array(roles)) = e.properties.get("roles") {
        out.extend(
            roles
                .iter()
                .filter_map(|r| Office::new(r.get("role")?.as_str()?, r.get("country")?.as_str()?)),
        );
    }
    let titles = strings(e, "title");
    if !titles.is_empty() {
        let mut places = written_countries(e, true);
        // A record that gives no country: its place of birth's ("Damascus,
        // Syria" of a Syrian minister listed by title alone).
        if places.is_empty() {
            places.extend(e.birth_country());
        }
        places.sort_unstable();
        places.dedup();
        for title in titles.iter().flat_map(|t| t.split(';')) {
            out.extend(places.iter().filter_map(|p| Office::new(title.trim(), p)));
        }
    }
    out
}

/// Whether two persons hold the same office of the same country, by their
/// `roles` and `title` ([`Office::is`]): "President of Belarus" and
/// "President", both of Belarus; OFAC's "Minister of Justice" of a Syrian
/// and the officials list's "Minister of Justice" of Syria; OFAC's
/// "Chairman of the Workers' Party of Korea" and the CIA's "Chairman of
/// KWP", both of North Korea.
fn same_office(a: &Entity, b: &Entity) -> bool {
    let (x, y) = (offices(a), offices(b));
    x.iter().any(|o| y.iter().any(|p| o.is(p) || p.is(o)))
}

/// Whether both persons give countries and one is the same: their own
/// (`country`, `nationality`, `citizenship`), or where a record gives
/// none, its addresses' (OFAC lists Burmese officers by address only).
fn share_a_country(a: &Entity, b: &Entity) -> bool {
    let of = |e: &Entity| -> Vec<usize> {
        let own: Vec<usize> = bare_countries(e, false).filter_map(country_of).collect();
        if own.is_empty() {
            bare_countries(e, true).filter_map(country_of).collect()
        } else {
            own
        }
    };
    // (A citizen of Hong Kong or Macau is one of China, where the CIA files
    // the cities' officials.)
    let x = of(a);
    of(b).iter().any(|&c| x.iter().any(|&d| one_country(c, d)))
}

/// Whether two countries of the table (by index) are one for a person's
/// citizenship or office: the same, or one the other's territory (Hong
/// Kong and China, [`crate::names::sovereign_of`]); not two territories of
/// one sovereign (Hong Kong and Macau, whose offices bear the same names).
fn one_country(a: usize, b: usize) -> bool {
    let sovereign = crate::names::sovereign_of;
    a == b || sovereign(a) == b || a == sovereign(b)
}

/// Whether a person's display name is made of common name words only (a
/// common US given name or surname), is written family name first with
/// given name of short words, six letters at most ("Kim Yong Chol", "Li
/// Qiang"; not "Stephen Lo Wai-chung", four words after an English given
/// name), or is two short words of four letters at most ("Soe Win",
/// "Ye Aung": a Burmese name of two syllables and no family name): names
/// that many people share, which a name and a country do not tell apart.
fn common_name(e: &Entity) -> bool {
    let folded = crate::normalize::fold_name(&e.name);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let common =
        |w: &&str| crate::names::is_common_given_name(w) || crate::names::is_common_surname_word(w);
    let long: Vec<&str> = words.iter().copied().filter(|w| w.len() > 1).collect();
    long.iter().all(common)
        || (e.name_order == Some(NameOrder::FamilyFirst)
            // (An English given name before a Cantonese name is no
            // family-first name: "Stephen Lo Wai-chung".)
            && !(words.len() > 3 && crate::names::is_common_given_name(words[0]))
            && long.iter().skip(1).all(|w| w.len() <= 6))
        || (words.len() == 2 && words.iter().all(|w| w.len() <= 4))
}

/// Whether both give countries and none is the same.
fn countries_differ(a: &Entity, b: &Entity) -> bool {
    let (x, y) = (countries(a), countries(b));
    !x.is_empty() && !y.is_empty() && !x.iter().any(|c| y.contains(c))
}

/// One name of a person, folded.
struct Name {
    entity: u32,
    /// The folded words ([`word`]), sorted (a word written twice is there
    /// twice).
    words: Vec<u64>,
    /// A hash of the family name's folded words.
    family: u64,
    /// The name without its patronymic ([`drop_patronymics`]): it agrees
    /// with a name written without one, not with another name stripped
    /// of a patronymic that may differ.
    stripped: bool,
}

/// A folded word, by a 64-bit hash of its text: names are compared as
/// multisets of these, with no string kept per word.
fn word(w: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(w.as_bytes())
}

/// The folded words of one name (up to a bracket) and the range of them
/// that is its family name, split as [`crate::variants`] splits it ("LAST,
/// First" at the comma, else by name order): what [`name_of`] and
/// [`without_patronymic`] compare. `None` for a person's name of fewer
/// than two words. One pass of the normalizer over the name and no string
/// copied (the words are `n`'s): this runs for every name of every person.
///
/// An organization's name (`organization`) is taken without the legal
/// forms that end it (`KOREA KWANGSON BANKING CORP` = `KOREA KWANGSON
/// BANKING CORPORATION (KKBC)`), and one word is enough when it is long
/// (`ANSARALLAH`; a short one is an acronym or a common word).
fn split_name<'n>(
    n: &'n mut Normalized,
    name: &str,
    order: Option<NameOrder>,
    organization: bool,
) -> Option<(Vec<&'n str>, std::ops::Range<usize>)> {
    normalize_into(name, n);
    let n: &'n Normalized = n;
    // Up to the first barrier: what follows a bracket is a comment.
    let mut end = (0..n.tokens().len())
        .find(|&i| n.barrier_after(i))
        .map_or(n.tokens().len(), |i| i + 1);
    if organization {
        let forms = crate::names::LegalForms::builtin();
        let whole = end;
        'strip: while end > 1 {
            for len in (1..end.min(4)).rev() {
                let key: Vec<&str> = (end - len..end).map(|i| n.token_text(i)).collect();
                if forms.class_of(&key.join(" ")).is_some() {
                    end -= len;
                    continue 'strip;
                }
            }
            break;
        }
        if end == 1 && n.token_text(0).chars().count() < 8 {
            // A short word is a name with its legal form only ("HARA
            // COMPANY"), compared whole.
            if whole < 2 {
                return None;
            }
            end = whole;
        }
    } else if end < 2 {
        return None;
    }
    if end == 0 {
        return None;
    }
    let texts: Vec<&str> = (0..end).map(|i| n.token_text(i)).collect();
    let tokens = &n.tokens()[..end];
    // "LAST, First": the family name is what stands before the comma,
    // unless nothing but a suffix follows it ("Biden, Jr.").
    let comma = name.find(',').and_then(|c| {
        let before = tokens.iter().take_while(|t| (t.end as usize) <= c).count();
        let after = tokens.iter().position(|t| (t.start as usize) > c)?;
        let named = texts[after..].iter().any(|t| !is_suffix(t));
        (before > 0 && named).then_some(0..before)
    });
    let family = comma.unwrap_or_else(|| family_range(&texts, order));
    Some((texts, family))
}

/// [`Name`] of the folded words `texts`, whose family name is `family`.
fn name_of(texts: &[&str], family: std::ops::Range<usize>, stripped: bool) -> Name {
    let mut key = xxhash_rust::xxh3::Xxh3::new();
    for t in texts[family].iter().filter(|t| !is_suffix(t)) {
        key.update(t.as_bytes());
        key.update(b" ");
    }
    let mut words: Vec<u64> = texts.iter().map(|t| word(t)).collect();
    // A multiset: "Maung Maung Kyaw" is not "Kyaw Kyaw Maung".
    words.sort_unstable();
    Name {
        entity: 0,
        words,
        family: key.digest(),
        stripped,
    }
}

/// The words of a person's name without its patronymics, where it has
/// one besides its family name ("PUTIN, Vladimir Vladimirovich" →
/// "Vladimir Putin"; "Roman Arkadyevich Abramovich" → "Roman Abramovich",
/// the family name kept though it ends like one): the name as the press
/// and the officials lists write it. Folded, sorted; `None` for a name
/// with no patronymic or with fewer than two words left.
fn without_patronymic(
    n: &mut Normalized,
    name: &str,
    order: Option<NameOrder>,
) -> Option<Vec<String>> {
    let (texts, family) = split_name(n, name, order, false)?;
    let (kept, _) = drop_patronymics(&texts, family)?;
    let mut words: Vec<String> = kept.into_iter().map(str::to_string).collect();
    words.sort_unstable();
    Some(words)
}

/// `texts` without the patronymics outside `family`, with the family
/// name's range among what is left; `None` when there is none to drop
/// or fewer than two words would be left.
fn drop_patronymics<'a>(
    texts: &[&'a str],
    family: std::ops::Range<usize>,
) -> Option<(Vec<&'a str>, std::ops::Range<usize>)> {
    let drop = |i: usize| !family.contains(&i) && crate::variants::is_patronymic(texts[i]);
    let gone = (0..texts.len()).filter(|&i| drop(i)).count();
    if gone == 0 || texts.len() - gone < 2 {
        return None;
    }
    let before = (0..family.start).filter(|&i| drop(i)).count();
    let kept = (0..texts.len())
        .filter(|&i| !drop(i))
        .map(|i| texts[i])
        .collect();
    Some((kept, family.start - before..family.end - before))
}

/// An identifier of an entity (by index).
enum Identifier<'a> {
    /// A `wikidata` or `bioguide` value (persons), an `imo` or `imo_alt`
    /// value (organizations, vessels): entities with the same one are one.
    Shared(usize, &'static str, &'a str),
    /// A passport number, without spaces or punctuation, upper case.
    Passport(usize, String),
    /// An id the entity's `same_as` names.
    Names(usize, &'a str),
}

/// A passport number as a key: letters and digits only, upper case;
/// `None` for one of fewer than six characters or without a digit (`00606`
/// is too short to tell two people apart).
fn passport_key(number: &str) -> Option<String> {
    let key: String = number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (key.len() >= 6 && key.bytes().any(|b| b.is_ascii_digit())).then_some(key)
}

/// Whether entities of this kind are merged across lists: persons by the
/// person rule, organizations and vessels by the organization rule.
fn mergeable(kind: &EntityType) -> bool {
    matches!(
        kind,
        EntityType::Person | EntityType::Organization | EntityType::Vessel
    )
}

/// Whether every word of `small` is in `big`, as often (both sorted).
fn is_subset(small: &[u64], big: &[u64]) -> bool {
    let mut it = big.iter();
    small.iter().all(|w| it.any(|b| b == w))
}

/// Whether the entities at `a` and `b` may be compared at all: of the
/// same mergeable kind, from different sources.
fn comparable(g: &Gazetteer, source: &[u32], a: usize, b: usize) -> bool {
    a != b
        && source[a] != source[b]
        && g.entities[a].kind == g.entities[b].kind
        && mergeable(&g.entities[a].kind)
}

impl Gazetteer {
    /// Merges the entities of one real person across lists into one entity
    /// (the first-loaded one), by the rule in the [module docs](self):
    /// shared identifier, or same names and same date of birth, and no
    /// contradiction. Call it once, after every list is loaded; the binary
    /// does for every run unless `--no-merge` is given.
    ///
    /// ```
    /// use std::path::Path;
    /// use gazex::gazetteer::{Entity, EntityType, Gazetteer, Origin};
    /// let mut sdn = Entity::new("ofac-35096", "PUTIN, Vladimir Vladimirovich", EntityType::Person);
    /// sdn.properties.insert("dob".into(), serde_json::json!(["07 Oct 1952"]));
    /// let mut official = Entity::new("wd-Q7747", "Vladimir Putin", EntityType::Person);
    /// official.properties.insert("birth_date".into(), "1952-10-07".into());
    /// let mut g = Gazetteer::new();
    /// g.push(sdn, Origin { path: Path::new("ofac.jsonl").into(), line: 1 });
    /// g.push(official, Origin { path: Path::new("officials.jsonl").into(), line: 1 });
    /// let report = g.merge_same_people();
    /// assert_eq!(report.merged, 1);
    /// assert_eq!(g.len(), 1);
    /// let putin = g.get("ofac-35096").unwrap();
    /// assert_eq!(putin.properties["same_as"], serde_json::json!(["wd-Q7747"]));
    /// assert!(g.get("wd-Q7747").is_none());
    /// ```
    pub fn merge_same_people(&mut self) -> MergeReport {
        let mut report = MergeReport::default();
        let source = self.sources();
        let pairs = self.candidate_pairs(&source);
        if pairs.is_empty() {
            return report;
        }

        // Decide each pair.
        let mut births_of: HashMap<usize, Births> = HashMap::default();
        let mut decisive = Vec::new();
        for ((a, b), ev) in pairs {
            for i in [a, b] {
                births_of
                    .entry(i)
                    .or_insert_with(|| births(&self.entities[i]));
            }
            let (ea, eb) = (&self.entities[a], &self.entities[b]);
            let dates = compare_births(&births_of[&a], &births_of[&b]);
            let genders = matches!((gender(ea), gender(eb)), (Some(x), Some(y)) if x != y);
            let person = ea.kind == EntityType::Person;
            let places = !person && countries_differ(ea, eb);
            let passport =
                ev.passport && (ev.word || ev.names.is_some() || dates == DateAgreement::Full);
            let pair = || (ea.id.clone(), eb.id.clone());
            if genders || dates == DateAgreement::Conflict || places {
                report.conflicts.push(pair());
            } else if ev.identifier
                || passport
                || dates == DateAgreement::Full
                || (dates == DateAgreement::Partial && ev.names == Some(NameAgreement::Same))
                || (!person && ev.names == Some(NameAgreement::Same))
                // (Names that agree, of one office of one country: one
                // person, however common the name.)
                || (person && same_office(ea, eb))
                || (person
                    && dates == DateAgreement::Unknown
                    && births_of[&a].is_empty() != births_of[&b].is_empty()
                    && ev.names == Some(NameAgreement::Same)
                    && share_a_country(ea, eb)
                    && !common_name(ea)
                    && !common_name(eb)
                    && display_agrees(ea, eb))
            {
                decisive.push((a, b));
            } else {
                report.undecided.push(pair());
            }
        }

        // One entity that would merge with two of the same source: the one
        // that shares a country with it where only one does (the UN's "THE
        // HOUTHIS", of Yemen, and OFAC's ANSARALLAH of Yemen, not HIZBALLAH,
        // which also goes by "Ansar Allah"); where none does, the one it
        // shares the most names with; else neither.
        let mut partners: HashMap<(usize, u32), Vec<usize>> = HashMap::default();
        for &(a, b) in &decisive {
            partners.entry((a, source[b])).or_default().push(b);
            partners.entry((b, source[a])).or_default().push(a);
        }
        let mut countries_of: HashMap<usize, Vec<String>> = HashMap::default();
        for &i in partners.values().filter(|p| p.len() > 1).flatten() {
            countries_of
                .entry(i)
                .or_insert_with(|| countries(&self.entities[i]));
        }
        // Two records of one source for one office-holder (the officials
        // list's Wikidata "Bashar al-Assad" and CIA "Bashar al-Asad", both
        // President of Syria) that both pair with one entity of another
        // source (OFAC's, which carries both spellings) are one person
        // with it: twins, merged all three.
        let mut twins: HashSet<(usize, usize)> = HashSet::default();
        for (&(x, _), list) in &partners {
            if let [y1, y2] = list[..] {
                let (e1, e2) = (&self.entities[y1], &self.entities[y2]);
                if e1.kind == EntityType::Person
                    && same_office(e1, e2)
                    && partners.get(&(y1, source[x])).is_some_and(|l| l == &[x])
                    && partners.get(&(y2, source[x])).is_some_and(|l| l == &[x])
                {
                    twins.insert((x, y1));
                    twins.insert((x, y2));
                }
            }
        }
        let mut sole = |x: usize, y: usize| {
            let list = &partners[&(x, source[y])];
            if list.len() == 1 || twins.contains(&(x, y)) {
                return true;
            }
            let mine = countries_of
                .entry(x)
                .or_insert_with(|| countries(&self.entities[x]))
                .clone();
            let sharing: Vec<usize> = list
                .iter()
                .copied()
                .filter(|z| countries_of[z].iter().any(|c| mine.contains(c)))
                .collect();
            if !sharing.is_empty() {
                return sharing == [y];
            }
            // Else the one it shares the most names with, where one does
            // (the UN's AL-QAIDA and OFAC's AL QA'IDA share seven; another
            // OFAC group shares one alias).
            let names = name_keys(&self.entities[x]);
            let shared = |z: usize| names.intersection(&name_keys(&self.entities[z])).count();
            let best = shared(y);
            list.iter().all(|&z| z == y || shared(z) < best)
        };
        let mut merges = Vec::new();
        for (a, b) in decisive {
            if !sole(a, b) || !sole(b, a) {
                let (ea, eb) = (&self.entities[a], &self.entities[b]);
                report.undecided.push((ea.id.clone(), eb.id.clone()));
            } else {
                merges.push((a, b));
            }
        }

        // Group, at most one entity of each source per group (but twins).
        let n = self.entities.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut group_sources: HashMap<usize, Vec<u32>> = HashMap::default();
        for (a, b) in merges {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra == rb {
                continue;
            }
            let sa = group_sources
                .remove(&ra)
                .unwrap_or_else(|| vec![source[ra]]);
            let sb = group_sources
                .remove(&rb)
                .unwrap_or_else(|| vec![source[rb]]);
            if sa.iter().any(|s| sb.contains(s)) && !twins.contains(&(a, b)) {
                group_sources.insert(ra, sa);
                group_sources.insert(rb, sb);
                let (ea, eb) = (&self.entities[a], &self.entities[b]);
                report.undecided.push((ea.id.clone(), eb.id.clone()));
                continue;
            }
            // The first-loaded entity roots the group.
            let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[child] = root;
            let mut s = sa;
            s.extend(sb);
            group_sources.insert(root, s);
        }

        let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
        for i in 0..n {
            let r = find(&mut parent, i);
            if r != i {
                members.entry(r).or_default().push(i);
            }
        }
        if members.is_empty() {
            return report;
        }
        let mut roots: Vec<usize> = members.keys().copied().collect();
        roots.sort_unstable();
        let mut removed = vec![false; n];
        for root in roots {
            let others = &members[&root];
            let mut ids = vec![self.entities[root].id.clone()];
            for &o in others {
                let other = self.entities[o].clone();
                ids.push(other.id.clone());
                absorb(&mut self.entities[root], other);
                removed[o] = true;
            }
            report.merged += others.len();
            report.groups.push(ids);
        }
        // Drop the removed ids; the entities after the first removed one
        // move up.
        for (i, _) in removed.iter().enumerate().filter(|(_, r)| **r) {
            self.index.remove(&self.entities[i].id);
        }
        let first_removed = removed.iter().position(|r| *r).unwrap_or(n);
        let mut keep = removed.iter().map(|r| !r);
        self.entities
            .retain(|_| keep.next().expect("one flag per entity"));
        let mut keep = removed.iter().map(|r| !r);
        self.origins
            .retain(|_| keep.next().expect("one flag per entity"));
        for (i, e) in self.entities.iter().enumerate().skip(first_removed) {
            *self.index.get_mut(&e.id).expect("every id is indexed") = i;
        }
        report
    }

    /// Each entity's source (the file or import folder it came from), as a
    /// small number.
    fn sources(&self) -> Vec<u32> {
        let mut seen: HashMap<&Path, u32> = HashMap::default();
        // (A file's entities are consecutive and share their path's
        // allocation: the last path is compared first, where hashing every
        // entity's path was about 600 instructions an entity.)
        let mut last: Option<(&Arc<Path>, u32)> = None;
        self.origins
            .iter()
            .map(|o| match last {
                Some((path, source)) if Arc::ptr_eq(path, &o.path) || *path == o.path => source,
                _ => {
                    let next = seen.len() as u32;
                    let source = *seen.entry(&*o.path).or_insert(next);
                    last = Some((&o.path, source));
                    source
                }
            })
            .collect()
    }

    /// Every pair of persons from different sources whose names agree or
    /// who share an identifier, first-loaded first, in load order. Names
    /// are indexed by their word set and by their family name, so only
    /// entities that share one are compared.
    fn candidate_pairs(&self, source: &[u32]) -> Vec<((usize, usize), Evidence)> {
        // Folding is most of the work: in parallel, in chunks of entities,
        // each with its own normalizer buffer.
        // Identifiers are read in the same pass, while the entity is at hand.
        let (names, ids): (Vec<Name>, Vec<Identifier>) = self
            .entities
            .par_chunks(1024)
            .enumerate()
            .map(|(chunk, entities)| {
                let mut n = Normalized::new();
                let mut out = Vec::new();
                let mut ids = Vec::new();
                for (k, e) in entities.iter().enumerate() {
                    if !mergeable(&e.kind) {
                        continue;
                    }
                    let i = chunk * 1024 + k;
                    if e.kind == EntityType::Person {
                        for key in ["wikidata", "bioguide"] {
                            if let Some(v) = e.properties.get(key).and_then(Value::as_str) {
                                if !v.trim().is_empty() {
                                    ids.push(Identifier::Shared(i, key, v.trim()));
                                }
                            }
                        }
                        ids.extend(
                            strings(e, "passport")
                                .into_iter()
                                .filter_map(passport_key)
                                .map(|p| Identifier::Passport(i, p)),
                        );
                    } else {
                        // An IMO number is one whichever field holds it.
                        for key in ["imo", "imo_alt"] {
                            ids.extend(
                                strings(e, key)
                                    .into_iter()
                                    .map(|v| Identifier::Shared(i, "imo", v)),
                            );
                        }
                    }
                    if e.properties.contains_key("same_as") {
                        ids.extend(
                            strings(e, "same_as")
                                .into_iter()
                                .map(|o| Identifier::Names(i, o)),
                        );
                    }
                    let display = std::iter::once((e.name.as_str(), e.name_order));
                    let aliases = e
                        .aliases
                        .iter()
                        .filter(|a| !a.weak)
                        .map(|a| (a.name.as_str(), a.order.or(e.name_order)));
                    let organization = e.kind != EntityType::Person;
                    for (name, order) in display.chain(aliases) {
                        let Some((texts, family)) = split_name(&mut n, name, order, organization)
                        else {
                            continue;
                        };
                        if !organization {
                            if let Some((bare, family)) = drop_patronymics(&texts, family.clone()) {
                                out.push(Name {
                                    entity: i as u32,
                                    ..name_of(&bare, family, true)
                                });
                            }
                        }
                        out.push(Name {
                            entity: i as u32,
                            ..name_of(&texts, family, false)
                        });
                    }
                }
                (out, ids)
            })
            .reduce(
                || (Vec::new(), Vec::new()),
                |(mut names, mut ids), (more_names, more_ids)| {
                    names.extend(more_names);
                    ids.extend(more_ids);
                    (names, ids)
                },
            );
        let mut pairs: HashMap<(usize, usize), Evidence> = HashMap::default();
        let mut note = |a: usize, b: usize, f: &dyn Fn(&mut Evidence)| {
            if comparable(self, source, a, b) {
                f(pairs.entry((a.min(b), a.max(b))).or_default());
            }
        };

        // The same word set.
        let mut by_words: HashMap<&[u64], Vec<(usize, bool)>> = HashMap::default();
        for n in &names {
            by_words
                .entry(&n.words)
                .or_default()
                .push((n.entity as usize, n.stripped));
        }
        for group in by_words.values().filter(|g| g.len() > 1) {
            for (k, &(a, sa)) in group.iter().enumerate() {
                // (Two names stripped of patronymics may have had two.)
                for &(b, _) in group[k + 1..].iter().filter(|(_, sb)| !(sa && *sb)) {
                    note(a, b, &|ev| ev.names = Some(NameAgreement::Same));
                }
            }
        }

        // The same family name, the words of one within the other's.
        let mut by_family: HashMap<u64, Vec<&Name>> = HashMap::default();
        for n in names.iter().filter(|n| !n.stripped) {
            by_family.entry(n.family).or_default().push(n);
        }
        for group in by_family.values().filter(|g| g.len() > 1) {
            for (k, x) in group.iter().enumerate() {
                for y in &group[k + 1..] {
                    let (a, b) = (x.entity as usize, y.entity as usize);
                    // A family name is a person's: an organization's words
                    // within another's name it is not.
                    if !comparable(self, source, a, b)
                        || self.entities[a].kind != EntityType::Person
                    {
                        continue;
                    }
                    let (small, big) = if x.words.len() <= y.words.len() {
                        (x, y)
                    } else {
                        (y, x)
                    };
                    if small.words.len() < big.words.len() && is_subset(&small.words, &big.words) {
                        note(a, b, &|ev| {
                            ev.names = ev.names.max(Some(NameAgreement::Subset))
                        });
                    }
                }
            }
        }

        // Shared identifiers.
        let mut by_id: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
        let mut by_passport: HashMap<String, Vec<usize>> = HashMap::default();
        for id in ids {
            match id {
                Identifier::Shared(i, key, value) => by_id.entry((key, value)).or_default().push(i),
                Identifier::Passport(i, key) => by_passport.entry(key).or_default().push(i),
                Identifier::Names(i, other) => {
                    if let Some(&j) = self.index.get(other) {
                        note(i, j, &|ev| ev.identifier = true);
                    }
                }
            }
        }
        for group in by_id.values().filter(|g| g.len() > 1) {
            for (k, &a) in group.iter().enumerate() {
                for &b in &group[k + 1..] {
                    note(a, b, &|ev| ev.identifier = true);
                }
            }
        }
        // A shared passport, and whether the names share a word.
        let mut words_of: HashMap<usize, Vec<u64>> = HashMap::default();
        for n in &names {
            words_of
                .entry(n.entity as usize)
                .or_default()
                .extend(&n.words);
        }
        for group in by_passport.values().filter(|g| g.len() > 1) {
            for (k, &a) in group.iter().enumerate() {
                for &b in &group[k + 1..] {
                    let shared = match (words_of.get(&a), words_of.get(&b)) {
                        (Some(x), Some(y)) => x.iter().any(|w| y.contains(w)),
                        _ => false,
                    };
                    note(a, b, &|ev| {
                        ev.passport = true;
                        ev.word = ev.word || shared;
                    });
                }
            }
        }

        let mut out: Vec<_> = pairs.into_iter().collect();
        out.sort_unstable_by_key(|&(p, _)| p);
        out
    }
}

/// Folds `other` into `kept` (see the module docs).
fn absorb(kept: &mut Entity, other: Entity) {
    let mut seen: HashSet<String> = kept.names().map(|a| a.name).collect();
    let display = Alias {
        name: other.name,
        weak: false,
        kind: None,
        policy: other.match_policy,
        order: other.name_order,
    };
    for mut alias in std::iter::once(display).chain(other.aliases) {
        // An alias without its own order was ordered like its entity's name.
        alias.order = alias.order.or(other.name_order);
        if seen.insert(alias.name.clone()) {
            kept.aliases.push(alias);
        }
    }
    for list in other.lists {
        if !kept.lists.contains(&list) {
            kept.lists.push(list);
        }
    }
    let mut same_as: Vec<Value> = match kept.properties.remove("same_as") {
        Some(Value::Array(ids)) => ids,
        Some(v @ Value::String(_)) => vec![v],
        _ => Vec::new(),
    };
    same_as.push(Value::String(other.id));
    for (key, value) in other.properties {
        match (key.as_str(), kept.properties.get_mut(&key), value) {
            ("same_as", _, Value::Array(ids)) => same_as.extend(ids),
            ("same_as", _, v @ Value::String(_)) => same_as.push(v),
            ("roles", Some(Value::Array(mine)), Value::Array(theirs)) => mine.extend(theirs),
            (_, None, value) => {
                kept.properties.insert(key, value);
            }
            _ => {}
        }
    }
    let mut unique = HashSet::default();
    same_as.retain(|v| {
        v.as_str()
            .is_some_and(|s| s != kept.id && unique.insert(s.to_string()))
    });
    kept.properties
        .insert("same_as".to_string(), Value::Array(same_as));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Origin;
    use serde_json::json;

    /// A person from `source` with `names` (the first is the display name)
    /// and extra properties.
    fn person(source: &str, id: &str, names: &[&str], props: Value) -> (Entity, Origin) {
        let mut e = Entity::new(id, names[0], EntityType::Person);
        e.aliases = names[1..].iter().map(|n| Alias::new(*n)).collect();
        e.lists = vec![format!("list:{source}")];
        if let Value::Object(map) = props {
            e.properties = map.into();
        }
        let origin = Origin {
            path: Path::new(source).into(),
            line: 1,
        };
        (e, origin)
    }

    fn gazetteer(entities: Vec<(Entity, Origin)>) -> Gazetteer {
        let mut g = Gazetteer::new();
        for (e, o) in entities {
            g.push(e, o);
        }
        g
    }

    #[test]
    fn sources_are_numbered_in_order_of_first_load_whatever_the_runs() {
        // Runs of one file, a file come back to after another, and files
        // that differ only after a shared beginning.
        let files = [
            "a.jsonl", "a.jsonl", "b.jsonl", "a.jsonl", "a.jsonl2", "b.jsonl", "c",
        ];
        let g = gazetteer(
            files
                .iter()
                .enumerate()
                .map(|(i, f)| person(f, &format!("p{i}"), &[&format!("Person {i}")], json!({})))
                .collect(),
        );
        assert_eq!(g.sources(), [0, 0, 1, 0, 2, 1, 3]);
        // (As a map of every path gives them.)
        let mut seen: HashMap<&Path, u32> = HashMap::default();
        let expected: Vec<u32> = g
            .origins
            .iter()
            .map(|o| {
                let next = seen.len() as u32;
                *seen.entry(&*o.path).or_insert(next)
            })
            .collect();
        assert_eq!(g.sources(), expected);
    }

    /// What merging two entities gives: merged, undecided, conflict or
    /// nothing.
    fn outcome(a: (Entity, Origin), b: (Entity, Origin)) -> &'static str {
        let mut g = gazetteer(vec![a, b]);
        let r = g.merge_same_people();
        match (r.merged, r.undecided.len(), r.conflicts.len()) {
            (1, 0, 0) => {
                assert_eq!(g.len(), 1);
                "merged"
            }
            (0, 1, 0) => "undecided",
            (0, 0, 1) => "conflict",
            (0, 0, 0) => "apart",
            other => panic!("unexpected report {other:?}: {r:?}"),
        }
    }

    #[test]
    fn pairs() {
        let putin_sdn = |dob: Value| {
            person(
                "ofac",
                "ofac-35096",
                &["PUTIN, Vladimir Vladimirovich"],
                json!({ "dob": dob, "gender": "Male" }),
            )
        };
        let official = |name: &str, props: Value| person("officials", "wd-Q7747", &[name], props);
        let born = json!({ "birth_date": "1952-10-07" });
        #[rustfmt::skip]
        type Row<'a> = (&'a str, (Entity, Origin), (Entity, Origin), &'a str);
        let table: Vec<Row> = vec![
            (
                "same words, same date",
                putin_sdn(json!(["07 Oct 1952"])),
                official("Vladimir Vladimirovich Putin", born.clone()),
                "merged",
            ),
            (
                "subset name, same date",
                putin_sdn(json!(["07 Oct 1952"])),
                official("Vladimir Putin", born.clone()),
                "merged",
            ),
            (
                "one of several dates",
                putin_sdn(json!(["01 Jan 1950", "07 Oct 1952"])),
                official("Vladimir Putin", born.clone()),
                "merged",
            ),
            (
                "same name, other date",
                putin_sdn(json!(["08 Oct 1952"])),
                official("Vladimir Vladimirovich Putin", born.clone()),
                "conflict",
            ),
            (
                "same name, no date",
                putin_sdn(json!(["07 Oct 1952"])),
                official("Vladimir Vladimirovich Putin", json!({})),
                "undecided",
            ),
            (
                "subset name, no date",
                putin_sdn(json!(["07 Oct 1952"])),
                official("Vladimir Putin", json!({})),
                "undecided",
            ),
            (
                "same name, no date, a country in common",
                person(
                    "ofac",
                    "ofac-1",
                    &["Zarniad Salamov"],
                    json!({ "dob": ["17 Jul 1950"], "nationality": ["Lebanon", "France"] }),
                ),
                person(
                    "officials",
                    "cia-1",
                    &["Zarniad Salamov"],
                    json!({ "country": "Lebanon" }),
                ),
                "merged",
            ),
            (
                "same name, no date, other countries",
                person(
                    "ofac",
                    "ofac-1",
                    &["Zarniad Salamov"],
                    json!({ "dob": ["17 Jul 1950"], "nationality": ["France"] }),
                ),
                person(
                    "officials",
                    "cia-1",
                    &["Zarniad Salamov"],
                    json!({ "country": "Lebanon" }),
                ),
                "undecided",
            ),
            (
                "a name of two short words, no date, a country in common",
                person(
                    "ofac",
                    "ofac-1",
                    &["Zoe Wyn"],
                    json!({ "dob": ["01 Mar 1960"], "addresses": [{"country": "Burma"}] }),
                ),
                person(
                    "officials",
                    "cia-1",
                    &["Zoe Wyn"],
                    json!({ "country": "Burma" }),
                ),
                "undecided",
            ),
            (
                "same common name, no date, a country in common",
                person(
                    "ofac",
                    "ofac-1",
                    &["John Smith"],
                    json!({ "dob": ["17 Jul 1950"], "citizenship": ["Canada"] }),
                ),
                person(
                    "officials",
                    "cia-1",
                    &["John Smith"],
                    json!({ "country": "Canada" }),
                ),
                "undecided",
            ),
            (
                "year only, same words",
                putin_sdn(json!(["1952"])),
                official("Vladimir Vladimirovich Putin", born.clone()),
                "merged",
            ),
            (
                "circa year, same words",
                putin_sdn(json!(["circa 1952"])),
                official("Vladimir Vladimirovich Putin", born.clone()),
                "merged",
            ),
            (
                "year range, same words",
                putin_sdn(json!(["1951 to 1953"])),
                official("Vladimir Vladimirovich Putin", born.clone()),
                "merged",
            ),
            (
                "year only, the name without its patronymic",
                putin_sdn(json!(["1952"])),
                official("Vladimir Putin", born.clone()),
                "merged",
            ),
            (
                "year only, subset name",
                person(
                    "ofac",
                    "ofac-35096",
                    &["PUTIN, Vladimir Sergei"],
                    json!({ "dob": ["1952"], "gender": "Male" }),
                ),
                official("Vladimir Putin", born.clone()),
                "undecided",
            ),
            (
                "year only, other year",
                putin_sdn(json!(["1953"])),
                official("Vladimir Vladimirovich Putin", born.clone()),
                "conflict",
            ),
            (
                "gender conflict",
                putin_sdn(json!(["07 Oct 1952"])),
                official(
                    "Vladimir Vladimirovich Putin",
                    json!({ "birth_date": "1952-10-07", "gender": "F" }),
                ),
                "conflict",
            ),
            (
                "same gender",
                putin_sdn(json!(["07 Oct 1952"])),
                official(
                    "Vladimir Vladimirovich Putin",
                    json!({ "birth_date": "1952-10-07", "gender": "M" }),
                ),
                "merged",
            ),
            (
                "one word in common",
                putin_sdn(json!(["07 Oct 1952"])),
                official("Dmitry Putin", born.clone()),
                "apart",
            ),
            (
                "other family name",
                putin_sdn(json!(["07 Oct 1952"])),
                official("Vladimir Vladimirovich", born.clone()),
                "apart",
            ),
            (
                "repeated word",
                person("a", "a-1", &["Maung Maung Kyaw"], json!({ "dob": "1960" })),
                person(
                    "b",
                    "b-1",
                    &["Kyaw Kyaw Maung"],
                    json!({ "birth_date": "1960-01-01" }),
                ),
                "apart",
            ),
            (
                "one word only",
                putin_sdn(json!(["07 Oct 1952"])),
                official("Putin", born.clone()),
                "apart",
            ),
            (
                "alias agrees",
                putin_sdn(json!(["07 Oct 1952"])),
                person(
                    "officials",
                    "wd-Q7747",
                    &["V. V. Putin", "Vladimir Putin"],
                    born.clone(),
                ),
                "merged",
            ),
            (
                "same source",
                putin_sdn(json!(["07 Oct 1952"])),
                person(
                    "ofac",
                    "ofac-2",
                    &["Vladimir Vladimirovich Putin"],
                    json!({ "dob": "07 Oct 1952" }),
                ),
                "apart",
            ),
            (
                "same wikidata, no date",
                person("a", "a-1", &["Joe Biden"], json!({ "wikidata": "Q6279" })),
                person(
                    "b",
                    "b-1",
                    &["Joseph Robinette Biden Jr."],
                    json!({ "wikidata": "Q6279" }),
                ),
                "merged",
            ),
            (
                "same bioguide, other names",
                person("a", "a-1", &["Joe Biden"], json!({ "bioguide": "B000444" })),
                person(
                    "b",
                    "b-1",
                    &["J. R. Biden"],
                    json!({ "bioguide": "B000444" }),
                ),
                "merged",
            ),
            (
                "same wikidata, dates differ",
                person(
                    "a",
                    "a-1",
                    &["Joe Biden"],
                    json!({ "wikidata": "Q6279", "birth_date": "1942-11-20" }),
                ),
                person(
                    "b",
                    "b-1",
                    &["Joe Biden"],
                    json!({ "wikidata": "Q6279", "birth_date": "1942-11-21" }),
                ),
                "conflict",
            ),
            (
                "no identifier, same name and date",
                person(
                    "a",
                    "a-1",
                    &["Joe Biden"],
                    json!({ "birth_date": "1942-11-20" }),
                ),
                person(
                    "b",
                    "b-1",
                    &["Joe Biden"],
                    json!({ "birth_date": "1942-11-20" }),
                ),
                "merged",
            ),
            (
                "same_as names it",
                person("a", "a-1", &["Joe Biden"], json!({ "same_as": ["b-1"] })),
                person("b", "b-1", &["President Biden"], json!({})),
                "merged",
            ),
        ];
        for (name, a, b, want) in table {
            assert_eq!(outcome(a, b), want, "{name}");
        }
    }

    #[test]
    fn organizations_and_vessels() {
        let org = |source: &str, id: &str, names: &[&str], props: Value| {
            let (mut e, o) = person(source, id, names, props);
            e.kind = EntityType::Organization;
            (e, o)
        };
        let korea = |c: &str| json!({ "addresses": [{ "city": "Pyongyang", "country": c }] });
        #[rustfmt::skip]
        type Row<'a> = (&'a str, (Entity, Origin), (Entity, Origin), &'a str);
        let table: Vec<Row> = vec![
            (
                "same words, countries written apart",
                org(
                    "ofac",
                    "ofac-1",
                    &["KOREA DAESONG BANK"],
                    korea("Korea, North"),
                ),
                org(
                    "un",
                    "un-1",
                    &["Korea Daesong Bank"],
                    korea("Democratic People's Republic of Korea"),
                ),
                "merged",
            ),
            (
                "an alias, no country on one side",
                org(
                    "ofac",
                    "ofac-1",
                    &["JEMAA ISLAMIYAH", "JEMAAH ISLAMIYAH"],
                    json!({}),
                ),
                org("un", "un-1", &["JEMAAH ISLAMIYAH"], korea("Indonesia")),
                "merged",
            ),
            (
                "the name before a bracket",
                org("ofac", "ofac-1", &["TARIQ GIDAR GROUP"], json!({})),
                org("un", "un-1", &["TARIQ GIDAR GROUP (TGG)"], json!({})),
                "merged",
            ),
            (
                "same words, other countries",
                org(
                    "ofac",
                    "ofac-1",
                    &["AL-HARAMAIN : KENYA BRANCH", "AL-HARAMAIN FOUNDATION"],
                    korea("Kenya"),
                ),
                org(
                    "un",
                    "un-1",
                    &["AL-HARAMAIN FOUNDATION (PAKISTAN)"],
                    korea("Pakistan"),
                ),
                "conflict",
            ),
            (
                "an unknown country says nothing",
                org(
                    "ofac",
                    "ofac-1",
                    &["ANSAR AL-DINE"],
                    korea("Region: Northern Mali"),
                ),
                org("un", "un-1", &["ANSAR AL-DINE"], korea("Mali")),
                "merged",
            ),
            (
                "same IMO number, other names",
                org(
                    "ofac",
                    "ofac-1",
                    &["KOREA SAMMA SHPG CO"],
                    json!({ "imo": "5145892" }),
                ),
                org(
                    "un",
                    "un-1",
                    &["SAMMA SHIPPING"],
                    json!({ "imo_alt": ["5145892"] }),
                ),
                "merged",
            ),
            (
                "one short word only",
                org("ofac", "ofac-1", &["KOMID"], json!({})),
                org("un", "un-1", &["KOMID"], json!({})),
                "apart",
            ),
            (
                "one long word",
                org("ofac", "ofac-1", &["ANSARALLAH"], korea("Yemen")),
                org("un", "un-1", &["THE HOUTHIS", "ANSARALLAH"], korea("Yemen")),
                "merged",
            ),
            (
                "a legal form apart",
                org(
                    "ofac",
                    "ofac-1",
                    &["KOREA KWANGSON BANKING CORP"],
                    json!({}),
                ),
                org(
                    "un",
                    "un-1",
                    &["KOREA KWANGSON BANKING CORPORATION (KKBC)"],
                    json!({}),
                ),
                "merged",
            ),
            (
                "a legal form alone is no name",
                org("ofac", "ofac-1", &["ACME LIMITED"], json!({})),
                org("un", "un-1", &["ACME LTD"], json!({})),
                "apart",
            ),
            (
                "words within, not the same",
                org(
                    "ofac",
                    "ofac-1",
                    &["KOREA MINING DEVELOPMENT TRADING CORPORATION"],
                    json!({}),
                ),
                org("un", "un-1", &["KOREA MINING CORPORATION"], json!({})),
                "apart",
            ),
            (
                "an organization is no person",
                org(
                    "ofac",
                    "ofac-1",
                    &["Joe Biden"],
                    json!({ "wikidata": "Q6279" }),
                ),
                person("b", "b-1", &["Joe Biden"], json!({ "wikidata": "Q6279" })),
                "apart",
            ),
            (
                "same source",
                org("ofac", "ofac-1", &["KOREA DAESONG BANK"], json!({})),
                org("ofac", "ofac-2", &["KOREA DAESONG BANK"], json!({})),
                "apart",
            ),
        ];
        for (name, a, b, want) in table {
            assert_eq!(outcome(a, b), want, "{name}");
        }
        // A vessel is merged with a vessel by its IMO number, never with
        // the organization that owns it under the same number.
        let vessel = |source: &str, id: &str, kind: EntityType| {
            let (mut e, o) = person(source, id, &["SEA STAR"], json!({ "imo": "9187629" }));
            e.kind = kind;
            (e, o)
        };
        assert_eq!(
            outcome(
                vessel("a", "a-1", EntityType::Vessel),
                vessel("b", "b-1", EntityType::Vessel)
            ),
            "merged"
        );
        assert_eq!(
            outcome(
                vessel("a", "a-1", EntityType::Vessel),
                vessel("b", "b-1", EntityType::Organization)
            ),
            "apart"
        );
    }

    #[test]
    fn a_name_shared_by_two_of_one_list_is_undecided() {
        let org = |source: &str, id: &str, names: &[&str]| {
            let (mut e, o) = person(source, id, names, json!({}));
            e.kind = EntityType::Organization;
            (e, o)
        };
        let mut g = gazetteer(vec![
            org("ofac", "ofac-1", &["AL RASHID TRUST"]),
            org("ofac", "ofac-2", &["AL-AKHTAR TRUST", "AL RASHID TRUST"]),
            org("un", "un-1", &["AL RASHID TRUST"]),
        ]);
        let r = g.merge_same_people();
        assert_eq!(r.merged, 0);
        assert_eq!(
            r.undecided,
            [
                ("ofac-1".to_string(), "un-1".to_string()),
                ("ofac-2".to_string(), "un-1".to_string())
            ]
        );
    }

    #[test]
    fn a_name_shared_by_two_goes_to_the_one_sharing_the_country() {
        // Made-up fixtures, shaped like the UN's "THE HOUTHIS" (Yemen) a.k.a.
        // "ANSAR ALLAH", which OFAC gives to ANSARALLAH (Yemen) and to
        // HIZBALLAH (no country given).
        let org = |source: &str, id: &str, names: &[&str], props: Value| {
            let (mut e, o) = person(source, id, names, props);
            e.kind = EntityType::Organization;
            (e, o)
        };
        let yemen = || json!({"addresses": [{"country": "Yemen"}]});
        let mut g = gazetteer(vec![
            org(
                "ofac",
                "ofac-1",
                &["ZARNIT PARTY", "ANSAR ZARNIT"],
                json!({}),
            ),
            org("ofac", "ofac-2", &["ZARNITALLAH", "ANSAR ZARNIT"], yemen()),
            org("un", "un-1", &["THE ZARNITS", "ANSAR ZARNIT"], yemen()),
        ]);
        let r = g.merge_same_people();
        assert_eq!(r.merged, 1);
        assert_eq!(r.groups, [["ofac-2".to_string(), "un-1".to_string()]]);
        assert_eq!(r.undecided, [("ofac-1".to_string(), "un-1".to_string())]);
        // Both sharing it, or neither: undecided, as before.
        let mut g = gazetteer(vec![
            org("ofac", "ofac-1", &["ZARNIT PARTY", "ANSAR ZARNIT"], yemen()),
            org("ofac", "ofac-2", &["ZARNITALLAH", "ANSAR ZARNIT"], yemen()),
            org("un", "un-1", &["THE ZARNITS", "ANSAR ZARNIT"], yemen()),
        ]);
        assert_eq!(g.merge_same_people().merged, 0);
    }

    #[test]
    fn a_name_shared_by_two_goes_to_the_one_sharing_most_names() {
        // Made-up fixtures: no countries; the UN entry shares three names
        // with one OFAC entry and one with the other.
        let org = |source: &str, id: &str, names: &[&str]| {
            let (mut e, o) = person(source, id, names, json!({}));
            e.kind = EntityType::Organization;
            (e, o)
        };
        let mut g = gazetteer(vec![
            org(
                "ofac",
                "ofac-1",
                &["AL ZARQA'IDA", "ZARNIT BASE", "ZARNIT FRONT"],
            ),
            org(
                "ofac",
                "ofac-2",
                &["AL-ZARQAIDA IN FIXTURIA", "ZARNIT BASE"],
            ),
            org(
                "un",
                "un-1",
                &["AL-ZARQAIDA", "ZARNIT BASE", "ZARNIT FRONT"],
            ),
        ]);
        let r = g.merge_same_people();
        assert_eq!(r.groups, [["ofac-1".to_string(), "un-1".to_string()]]);
    }

    #[test]
    fn passports() {
        let sdn = |names: &[&str], props: Value| person("ofac", "ofac-1", names, props);
        let un = |names: &[&str], props: Value| person("un", "un-1", names, props);
        #[rustfmt::skip]
        type Row<'a> = (&'a str, (Entity, Origin), (Entity, Origin), &'a str);
        let table: Vec<Row> = vec![
            (
                "same passport, a word in common, no date",
                sdn(&["Ayesha Qadhafi"], json!({ "passport": ["B/011641"] })),
                un(
                    &["Aisha Muammar Qadhafi"],
                    json!({ "passport": ["B 011641"] }),
                ),
                "merged",
            ),
            (
                "same passport, other names, same date",
                sdn(
                    &["Ayesha Qadhafi"],
                    json!({ "passport": ["B/011641"], "dob": ["01 Jan 1978"] }),
                ),
                un(
                    &["Aisha Muammar"],
                    json!({ "passport": ["B011641"], "dob": ["01 Jan 1978"] }),
                ),
                "merged",
            ),
            (
                "same passport, no word in common, no date",
                sdn(
                    &["Sayyid Ali Akbar Tabatabaei"],
                    json!({ "passport": ["9003213"] }),
                ),
                un(&["Azim Aghajani"], json!({ "passport": ["9003213"] })),
                "undecided",
            ),
            (
                "same passport, dates differ",
                sdn(
                    &["Chu Hyo'k"],
                    json!({ "passport": ["836420186"], "dob": ["23 Nov 1986"] }),
                ),
                un(
                    &["Chu Hyo’k"],
                    json!({ "passport": ["836420186"], "dob": ["22 Nov 1986"] }),
                ),
                "conflict",
            ),
            (
                "a short number is no identifier",
                sdn(&["Paul Malong"], json!({ "passport": ["00606"] })),
                un(&["Paul Anei"], json!({ "passport": ["00606"] })),
                "apart",
            ),
        ];
        for (name, a, b, want) in table {
            assert_eq!(outcome(a, b), want, "{name}");
        }
    }

    #[test]
    fn merged_entity_unites_names_lists_properties() {
        let (mut sdn, o1) = person(
            "ofac",
            "ofac-35096",
            &[
                "Vladimir Vladimirovich Putin",
                "PUTIN, Vladimir",
                "Vladimir Putin",
            ],
            json!({ "dob": ["07 Oct 1952"], "gender": "Male", "title": "President" }),
        );
        sdn.name_order = Some(crate::gazetteer::NameOrder::GivenFirst);
        let (mut wd, o2) = person(
            "officials",
            "wd-Q7747",
            &["Vladimir Putin", "Владимир Путин"],
            json!({
                "birth_date": "1952-10-07", "wikidata": "Q7747", "gender": "M",
                "roles": [{ "role": "President of Russia" }],
            }),
        );
        wd.name_order = Some(crate::gazetteer::NameOrder::GivenFirst);
        let (cia, o3) = person(
            "cia",
            "cia-putin",
            &["Vladimir PUTIN"],
            json!({ "wikidata": "Q7747", "roles": [{ "role": "President" }] }),
        );
        let other = person("ofac", "ofac-1", &["Kim Jong Un"], json!({}));
        let mut g = gazetteer(vec![(sdn, o1), other, (wd, o2), (cia, o3)]);
        let r = g.merge_same_people();
        assert_eq!(r.merged, 2, "{r:?}");
        assert_eq!(r.groups, vec![vec!["ofac-35096", "wd-Q7747", "cia-putin"]]);
        assert_eq!(g.len(), 2);
        assert_eq!(g.entities()[1].id, "ofac-1", "load order kept");
        assert_eq!(g.get("ofac-1").map(|e| e.id.as_str()), Some("ofac-1"));
        let p = g.get("ofac-35096").unwrap();
        assert_eq!(p.name, "Vladimir Vladimirovich Putin");
        let aliases: Vec<&str> = p.aliases.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            aliases,
            [
                "PUTIN, Vladimir",
                "Vladimir Putin",
                "Владимир Путин",
                "Vladimir PUTIN"
            ]
        );
        let moved = p
            .aliases
            .iter()
            .find(|a| a.name == "Владимир Путин")
            .unwrap();
        assert_eq!(moved.order, Some(crate::gazetteer::NameOrder::GivenFirst));
        assert_eq!(p.lists, ["list:ofac", "list:officials", "list:cia"]);
        assert_eq!(p.properties["gender"], "Male", "the first's value wins");
        assert_eq!(p.properties["birth_date"], "1952-10-07");
        assert_eq!(p.properties["wikidata"], "Q7747");
        assert_eq!(
            p.properties["roles"],
            json!([{ "role": "President of Russia" }, { "role": "President" }])
        );
        assert_eq!(p.properties["same_as"], json!(["wd-Q7747", "cia-putin"]));
    }

    #[test]
    fn one_entity_never_takes_two_of_one_source() {
        let dob = json!({ "dob": "07 Oct 1952" });
        let mut g = gazetteer(vec![
            person("ofac", "ofac-1", &["Ivan Petrov"], dob.clone()),
            person("ofac", "ofac-2", &["PETROV, Ivan"], dob.clone()),
            person(
                "officials",
                "wd-1",
                &["Ivan Petrov"],
                json!({ "birth_date": "1952-10-07" }),
            ),
        ]);
        let r = g.merge_same_people();
        assert_eq!(r.merged, 0);
        assert_eq!(
            r.undecided,
            [
                ("ofac-1".to_string(), "wd-1".to_string()),
                ("ofac-2".to_string(), "wd-1".to_string())
            ]
        );
        assert_eq!(g.len(), 3);
    }

    #[test]
    fn a_name_without_its_patronymic_is_the_same_name() {
        // Made-up names: a sanctioned minister listed with his patronymic
        // and a date of birth, the officials list's record of him without
        // either.
        let sdn = |name: &str| {
            person(
                "ofac",
                "ofac-1",
                &[name],
                json!({ "dob": ["11 Jul 1971"], "nationality": ["Russia"] }),
            )
        };
        let official = |name: &str| {
            person(
                "officials",
                "wd-1",
                &[name],
                json!({ "country": "Russia",
                        "roles": [{ "role": "Minister of Fisheries", "country": "Russia" }] }),
            )
        };
        let g = |a, b| outcome(sdn(a), official(b));
        assert_eq!(
            g("Zakhar Gennadyevich Vorontsev", "Zakhar Vorontsev"),
            "merged"
        );
        assert_eq!(
            g("VORONTSEV, Zakhar Gennadyevich", "Zakhar Vorontsev"),
            "merged"
        );
        // The family name kept, though it ends like a patronymic.
        assert_eq!(
            g("Zakhar Andreyevich Petrovich", "Zakhar Petrovich"),
            "merged"
        );
        // Other given names, or only a patronymic in common: not the same.
        assert_eq!(
            g("Zakhar Gennadyevich Vorontsev", "Yakov Vorontsev"),
            "apart"
        );
        // Two names stripped of patronymics may have had different ones:
        // within one person's record, the stripped name is no name of his.
        let both = outcome(
            sdn("Zakhar Gennadyevich Vorontsev"),
            person(
                "un",
                "un-1",
                &["Zakhar Ivanovich Vorontsev"],
                json!({ "nationality": ["Russia"] }),
            ),
        );
        assert_eq!(both, "apart");
    }

    #[test]
    fn a_hong_kong_official_filed_under_china_is_one_person() {
        // Made-up names: OFAC gives Hong Kong, the CIA files the city's
        // officials under China, and only OFAC gives a date of birth.
        let sdn = |names: &[&str], title: &str| {
            person(
                "ofac",
                "ofac-1",
                names,
                json!({ "dob": ["07 Dec 1957"], "nationality": ["Hong Kong"],
                        "addresses": [{ "country": "Hong Kong" }], "title": title }),
            )
        };
        let cia = |name: &str, country: &str| {
            let (mut e, o) = person(
                "officials",
                "cia-1",
                &[name],
                json!({ "country": country,
                        "roles": [{ "role": "Secretary for Security", "country": country }] }),
            );
            // (As the CIA's file has them: family name first.)
            e.name_order = Some(NameOrder::FamilyFirst);
            (e, o)
        };
        // The same four words, an English given name first: not a name of
        // short syllables that many share.
        let quan = ["Stephen Quan", "Stephen Quan Tak-wing"];
        assert_eq!(
            outcome(
                sdn(&quan, "Director"),
                cia("Stephen Quan Tak-wing", "China")
            ),
            "merged"
        );
        assert_eq!(
            outcome(
                sdn(&quan, "Director"),
                cia("Stephen Quan Tak-wing", "Japan")
            ),
            "undecided"
        );
        // A common name, by the one office both records give.
        let lee = ["John Lee"];
        assert_eq!(
            outcome(
                sdn(&lee, "Secretary for Security"),
                cia("John Lee", "China")
            ),
            "merged"
        );
        assert_eq!(
            outcome(sdn(&lee, "Director"), cia("John Lee", "China")),
            "undecided"
        );
    }

    #[test]
    fn one_office_of_one_country_makes_a_common_name_one_person() {
        // Made-up names: a Korean name of short syllables (common, so a
        // name and a country are not enough), with one office on both
        // records, the officials list's by its acronym.
        let family_first = |(mut e, o): (Entity, Origin)| {
            e.name_order = Some(NameOrder::FamilyFirst);
            (e, o)
        };
        let sdn = |title: &str| {
            family_first(person(
                "ofac",
                "ofac-1",
                &["Pak Yong Su"],
                json!({ "dob": ["08 Jan 1964"], "addresses": [{ "country": "Korea, North" }],
                        "title": title }),
            ))
        };
        let official = |role: &str| {
            family_first(person(
                "officials",
                "cia-1",
                &["Pak Yong-su"],
                json!({ "country": "North Korea",
                        "roles": [{ "role": role, "country": "North Korea" }] }),
            ))
        };
        let g = |t, r| outcome(sdn(t), official(r));
        assert_eq!(g("Director", "Vice Director"), "undecided");
        assert_eq!(
            g("Chairman of the Workers' Party of Korea", "Chairman of KWP"),
            "merged"
        );
        assert_eq!(
            g(
                "Minister of People's Security; Party Official",
                "Minister of People's Security"
            ),
            "merged"
        );
        // A plural and "and" are no difference; another office is.
        assert_eq!(
            g(
                "Minister of Natural Resources",
                "Minister of Natural Resource"
            ),
            "merged"
        );
        assert_eq!(
            g("Chairman of the Workers' Party of Korea", "Chairman of SPA"),
            "undecided"
        );
        assert_eq!(
            g("Minister of Finance", "Minister of Foreign Trade"),
            "undecided"
        );
        // The office of another country is another office.
        let abroad = family_first(person(
            "officials",
            "cia-1",
            &["Pak Yong-su"],
            json!({ "country": "North Korea",
                    "roles": [{ "role": "Minister of Finance", "country": "Laos" }] }),
        ));
        assert_eq!(outcome(sdn("Minister of Finance"), abroad), "undecided");
    }

    #[test]
    fn two_records_of_one_office_holder_merge_with_the_entity_naming_both() {
        // Made-up names: a sanctioned president whose entry carries both
        // spellings, and the officials list's two records of him (from two
        // of its sources, unjoined because they spell him apart).
        let sdn = || {
            person(
                "ofac",
                "ofac-1",
                &["Zoran Vuletich", "Zoran Vuletic"],
                json!({ "dob": ["07 Oct 1952"], "nationality": ["Moldova"] }),
            )
        };
        let official = |id: &str, name: &str, role: &str| {
            person(
                "officials",
                id,
                &[name],
                json!({ "country": "Moldova",
                        "roles": [{ "role": role, "country": "Moldova" }] }),
            )
        };
        let mut g = gazetteer(vec![
            sdn(),
            official("wd-1", "Zoran Vuletich", "President of Moldova"),
            official("cia-1", "Zoran Vuletic", "President"),
        ]);
        let r = g.merge_same_people();
        assert_eq!(r.groups, vec![vec!["ofac-1", "wd-1", "cia-1"]], "{r:?}");
        assert!(r.undecided.is_empty(), "{r:?}");
        // Two offices: two people, perhaps; left to a person to decide.
        let mut g = gazetteer(vec![
            sdn(),
            official("wd-1", "Zoran Vuletich", "President of Moldova"),
            official("cia-1", "Zoran Vuletic", "Minister of Defense"),
        ]);
        let r = g.merge_same_people();
        assert_eq!(r.merged, 0, "{r:?}");
        assert_eq!(r.undecided.len(), 2, "{r:?}");
    }

    #[test]
    fn dates() {
        let b = |dates: &[&str]| {
            let mut out = Births::default();
            for d in dates {
                add_birth(d, &mut out);
            }
            out
        };
        assert_eq!(b(&["07 Oct 1952"]).full, [(1952, 10, 7)]);
        assert_eq!(b(&["1952-10-07"]).full, [(1952, 10, 7)]);
        assert_eq!(b(&["Oct 1952"]).partial, [((1952, 10, 1), (1952, 10, 31))]);
        assert_eq!(
            b(&["circa 07 Jul 1966"]).partial,
            [((1966, 1, 1), (1966, 12, 31))]
        );
        assert_eq!(
            b(&["circa 1979-1982"]).partial,
            [((1979, 1, 1), (1982, 12, 31))]
        );
        assert_eq!(
            b(&["01 Jan 1961 to 31 Dec 1962"]).partial,
            [((1961, 1, 1), (1962, 12, 31))]
        );
        assert!(b(&["31 Feb 1960", "unknown", "19xx"]).is_empty());
        let full = b(&["1952-10-07"]);
        assert_eq!(
            compare_births(&b(&["Oct 1952"]), &full),
            DateAgreement::Partial
        );
        assert_eq!(
            compare_births(&b(&["Nov 1952"]), &full),
            DateAgreement::Conflict
        );
        assert_eq!(compare_births(&b(&[]), &full), DateAgreement::Unknown);
        assert_eq!(
            compare_births(&b(&["1952", "08 Oct 1952"]), &full),
            DateAgreement::Conflict,
            "full dates on both sides decide"
        );
    }
}
