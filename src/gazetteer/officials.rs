//! Officials: heads of state and government, ministers, members of the US
//! Congress, presidents and vice presidents, from the lists they are
//! published in.
//!
//! Every holder becomes one [`Entity`] of type `person` with the properties
//! below; one person found in several lists is **one** entity (see
//! *Merging*).
//!
//! # Sources and formats
//!
//! | source (`lists`) | file(s) in the standard layout | format | date of the bundled data | licence |
//! |---|---|---|---|---|
//! | `official:us-congress` | `us-congress-legislators/legislators-current.yaml` | YAML: `id` (`bioguide`, `wikidata`, …), `name` (`first`, `middle`, `last`, `suffix`, `nickname`, `official_full`), `bio`, `terms` (`type` `sen`/`rep`, `start`, `end`, `state`, `district`, `party`) | 2026-06-15 | CC0 |
//! | `official:us-executive` | `us-congress-legislators/executive.yaml` | same shape, `terms` of type `prez`/`viceprez` | 2026-06-15 | CC0 |
//! | `official:wikidata-leaders` | `wikidata-world-leaders/heads-of-state-and-government.csv` | CSV `countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year` | 2022-10-09 | CC0 |
//! | `official:wikidata-cabinet` | `wikidata-cabinets/<country>-{cabinet,ministers}.current-cabinet.csv` | CSV `item,itemLabel,position,positionLabel,start,psid` | Feb–Aug 2022, per file | CC0 |
//! | `official:world-leaders-2026` | `world-leaders-current/countries/*.current.json` | JSON: `country.name_en`, `snapshot_date`, `positions.{head_of_state,head_of_government}.{title_en,current_holder{name_en,name_local,wikidata_id,since,born}}` | 2026-08-22 | CC BY-SA 4.0 |
//! | `official:cia-2019` | `cia-world-leaders/world-leaders-2019-06.csv` | CSV `name,first_name,last_name,title,country,office_label`, family name in upper case | 2019-06 | public domain |
//!
//! # Entities
//!
//! | field | value |
//! |---|---|
//! | `id` | `wd-Q<qid>` when a Wikidata id is known; else `us-bioguide-<id>` (or `us-govtrack-<id>`), or `cia-<country>-<name>` |
//! | `name` | the first source's name: `official_full` (congress), `Nickname Last` (`Joe Biden`), the Wikidata label, the CIA name in title case |
//! | `aliases` | other name forms: `official_full`, `First Last`, `First Middle Last`, `Nickname Last`, the member's Wikipedia title where it is a given name and the family name (`Jim Risch`), each also with its suffix (`Jr.`); the CIA's full and short forms (`Vladimir Vladimirovich Putin`, `Vladimir Putin`) and `a.k.a.` names; native-script names (`kind: "native"`) |
//! | `name_order` | `given_first` for US names; `family_first` for Chinese, Korean, Vietnamese and Khmer names written family name first (`Kim Jong Un`) |
//! | `lists` | the sources above, e.g. `["official:wikidata-leaders", "official:cia-2019"]` |
//! | `roles` | list of `{role, country, start, end, source, as_of, current}` plus `state`, `district`, `party` for US offices; `start`/`end` as precise as the source gives them (`2012`, `2021-01-20`); `current` says whether the holder was in office on `as_of`, the date of the source's data; a role with `current: false` is a past office |
//! | `country` | the country of the first role, in a common English form (`North Korea` for the CIA's `Korea, North`) |
//! | `wikidata`, `bioguide`, `birth_date`, `gender` | when the source gives them |
//!
//! # Merging
//!
//! Sources are read in the order of the table above (the ones with
//! Wikidata ids first) and each record is merged into an earlier entity:
//!
//! 1. with the same Wikidata QID, when the record has one; a record with a
//!    QID is never merged into an entity with a different QID;
//! 2. otherwise (CIA rows, the rare congress member without a QID), with
//!    the entity whose display name or a strong alias, folded as gazex
//!    folds text (case, diacritics, hyphens, dots: `Kim Jong-un` =
//!    `KIM Jong Un`), equals one of the record's name forms, **and** whose
//!    country is the same after canonicalization, and with which it shares
//!    no conflicting identifier or date of birth (John F. Kennedy, who has
//!    no QID in `executive.yaml`, is not Senator John Kennedy of Louisiana).
//!    When two entities qualify the record is kept apart and the ambiguity
//!    reported. An entity that the record's own source already gave under
//!    another person's name does not qualify: one list names two people
//!    (the CIA's President Teodoro Obiang Nguema Mbasogo and his son, Vice
//!    President Teodoro Nguema Obiang Mangue, share the short form
//!    `Teodoro Obiang`). Two names of one source are one person's when one
//!    adds middle names or changes a letter of a word (`Olivia Grange`,
//!    `Olivia Atavia Grange`).
//!
//! 3. otherwise, a record of a reigning monarch (a role that is a rank of
//!    one: `King`, `Queen`, `Emir`, `Amir`, `Sultan`, `Prince`,
//!    `Princess`, `Grand Duke`, `Monarch`, the CIA's `Chief of State` or
//!    `Head of State`; none with `Crown` or `Deputy`) with
//!    the one entity of its country whose Wikidata label names the realm
//!    (`Harald V of Norway`, `Albert II, Prince of Monaco`, `Salman of
//!    Saudi Arabia`), holds a throne, and whose first name word and
//!    regnal number are the record's (the first word may be one letter
//!    away: the CIA's `Abdallah II` is `Abdullah II of Jordan`). The CIA
//!    names the monarch by regnal name alone (`Harald V`) or in full
//!    (`Salman bin Abd al-Aziz Al Saud`), which no name form of the label
//!    equals; on the bundled data this joins twelve monarchs.
//!
//! A merge adds the record's roles, lists, names (as aliases) and any
//! property the entity lacks.
//!
//! # Known errors in the sources
//!
//! `world-leaders-current` gives Saudi Arabia's crown prince Mohammed bin
//! Salman as head of state (the King is Salman bin Abdulaziz); that cell is
//! skipped and reported. It also gives the European Commission's
//! president, Ursula von der Leyen, Viktor Orbán's Wikidata id, party and
//! date of birth: a record whose Wikidata id an earlier entity holds under
//! names that share no word with the record's is kept apart, without the
//! id and the date of birth, and reported (`wlc-european-union-ursula-von-der-leyen`).
//! Its other documented gaps (no Malaysian monarch,
//! no Myanmar head of government) are empty cells and produce nothing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::ofac::{
    dedup_aliases, is_east_asian_or_nanyang_surname, is_east_asian_surname, title_case_name,
    ImportReport,
};
use super::{Alias, Entity, EntityType, GazetteerError, NameOrder};
use crate::normalize::fold_name;

/// A CSV record: its 1-based line and its fields by header name.
type CsvRow = (u64, HashMap<String, String>);

/// `lists` value of each source.
pub const US_CONGRESS: &str = "official:us-congress";
/// `lists` value of the US presidents and vice presidents.
pub const US_EXECUTIVE: &str = "official:us-executive";
/// `lists` value of the Wikidata heads of state and government.
pub const WIKIDATA_LEADERS: &str = "official:wikidata-leaders";
/// `lists` value of the Wikidata cabinets.
pub const WIKIDATA_CABINET: &str = "official:wikidata-cabinet";
/// `lists` value of the CIA's 2019 directory.
pub const CIA_2019: &str = "official:cia-2019";
/// `lists` value of the 2026 ASEAN + G20 leaders.
pub const WORLD_LEADERS_2026: &str = "official:world-leaders-2026";

/// Reads every source found in the standard layout of `dir` (the folder
/// names of the table above), merges them, and reports what was read.
/// A missing folder or file is skipped and reported; a malformed one is an
/// error.
pub fn import_all(dir: &Path) -> Result<(Vec<Entity>, ImportReport), GazetteerError> {
    let mut merger = Merger::default();
    let missing = |merger: &mut Merger, p: &Path| {
        merger
            .report
            .skip(p, 0, "not found; this source is left out");
    };

    let congress = dir.join("us-congress-legislators");
    for (file, list) in [
        ("legislators-current.yaml", US_CONGRESS),
        ("executive.yaml", US_EXECUTIVE),
    ] {
        let p = congress.join(file);
        if p.is_file() {
            let people = us_yaml(&p, list)?;
            merger.add_all(list, people);
        } else {
            missing(&mut merger, &p);
        }
    }

    let p = dir.join("wikidata-world-leaders/heads-of-state-and-government.csv");
    if p.is_file() {
        let people = wikidata_leaders(&p, Some("2022-10-09"))?;
        merger.add_all(WIKIDATA_LEADERS, people);
    } else {
        missing(&mut merger, &p);
    }

    let cabinets = dir.join("wikidata-cabinets");
    match sorted_files(&cabinets, ".csv") {
        Ok(files) => {
            for p in files {
                let people = wikidata_cabinet(&p, None, None)?;
                merger.add_all(WIKIDATA_CABINET, people);
            }
        }
        Err(_) => missing(&mut merger, &cabinets),
    }

    let wlc = dir.join("world-leaders-current/countries");
    if wlc.is_dir() {
        let (people, skipped) = world_leaders_current(&wlc)?;
        merger.report.skipped.extend(skipped);
        merger.add_all(WORLD_LEADERS_2026, people);
    } else {
        missing(&mut merger, &wlc);
    }

    let p = dir.join("cia-world-leaders/world-leaders-2019-06.csv");
    if p.is_file() {
        let people = cia_world_leaders(&p, Some("2019-06"))?;
        merger.add_all(CIA_2019, people);
    } else {
        missing(&mut merger, &p);
    }
    Ok(merger.finish())
}

fn sorted_files(dir: &Path, suffix: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(suffix))
        })
        .collect();
    files.sort();
    Ok(files)
}

// ---------------------------------------------------------------------------
// Merging

/// Merges officials from several sources into one entity per person (see
/// the module doc for the rule).
#[derive(Debug, Default)]
pub struct Merger {
    entities: Vec<Entity>,
    by_qid: HashMap<String, usize>,
    /// (folded name form, canonical country) → entities.
    by_name: HashMap<(String, String), Vec<usize>>,
    /// Per entity, the (source, folded record name) of each record merged
    /// into it: one source lists two people under two names.
    records: Vec<Vec<(String, String)>>,
    report: ImportReport,
}

impl Merger {
    /// Adds the records of one source (named `list`, for the report).
    pub fn add_all(&mut self, list: &str, people: Vec<Entity>) {
        *self.report.sources.entry(list.to_string()).or_default() += people.len();
        for p in people {
            self.add(p);
        }
    }

    /// Adds one record, merging it into an earlier entity when the rule
    /// says it is the same person.
    pub fn add(&mut self, person: Entity) {
        let qid = person
            .properties
            .get("wikidata")
            .and_then(Value::as_str)
            .map(str::to_string);
        let mut person = person;
        let mut qid = qid;
        // A record's Wikidata id is trusted where its names agree with the
        // entity that id already holds: the world-leaders file of 2026
        // gives Ursula von der Leyen Viktor Orbán's id (and his party and
        // date of birth). Such a record is kept apart, without the id and
        // what came with it.
        if let Some(q) = &qid {
            if let Some(&i) = self.by_qid.get(q) {
                if !share_a_name_word(&self.entities[i], &person) {
                    self.report.skip(
                        Path::new(&person.id),
                        0,
                        format!(
                            "{} gives Wikidata id {q}, which is {} ({}); names disagree: \
                             kept apart, without the id and its date of birth",
                            person.name, self.entities[i].name, self.entities[i].id
                        ),
                    );
                    person.properties.remove("wikidata");
                    person.properties.remove("birth_date");
                    let country = country_of(&person).unwrap_or_default();
                    person.id = format!("wlc-{}-{}", slug(&country), slug(&person.name));
                    qid = None;
                }
            }
        }
        let target = match &qid {
            Some(q) => self.by_qid.get(q).copied(),
            None => self
                .find_by_name(&person)
                .or_else(|| self.find_monarch(&person)),
        };
        let folded = fold_name(&person.name);
        let sources: Vec<(String, String)> = person
            .lists
            .iter()
            .map(|l| (l.clone(), folded.clone()))
            .collect();
        let i = match target {
            Some(i) => {
                merge_into(&mut self.entities[i], person);
                self.report.merged += 1;
                i
            }
            None => {
                self.entities.push(person);
                self.records.push(Vec::new());
                self.entities.len() - 1
            }
        };
        for s in sources {
            if !self.records[i].contains(&s) {
                self.records[i].push(s);
            }
        }
        if let Some(q) = qid {
            self.by_qid.entry(q).or_insert(i);
        }
        self.index_names(i);
    }

    fn find_by_name(&mut self, person: &Entity) -> Option<usize> {
        let country = country_of(person)?;
        let mut hits: Vec<usize> = Vec::new();
        let mut apart: Vec<String> = Vec::new();
        for form in strong_forms(person) {
            if let Some(found) = self.by_name.get(&(form, country.clone())) {
                for &i in found {
                    if hits.contains(&i) || !compatible(&self.entities[i], person) {
                        continue;
                    }
                    match self.listed_apart(i, person) {
                        Some(why) => apart.push(why),
                        None => hits.push(i),
                    }
                }
            }
        }
        match hits.as_slice() {
            [i] => Some(*i),
            [] => {
                apart.dedup();
                for why in apart {
                    self.report.skip(Path::new(&person.id), 0, why);
                }
                None
            }
            many => {
                let ids: Vec<&str> = many.iter().map(|&i| self.entities[i].id.as_str()).collect();
                self.report.skip(
                    Path::new(&person.id),
                    0,
                    format!(
                        "name matches several entities ({}); kept apart",
                        ids.join(", ")
                    ),
                );
                None
            }
        }
    }

    /// The entity a record of a reigning monarch is, when its name is not
    /// one of the entity's: Wikidata labels a monarch by regnal name and
    /// realm (`Harald V of Norway`, `Albert II, Prince of Monaco`, `Salman
    /// of Saudi Arabia`), the CIA by regnal name alone or in full (`Harald
    /// V`, `Albert II`, `Salman bin Abd al-Aziz Al Saud`), with the rank
    /// for an office (`King`, `Chief of State`). The record joins the one
    /// entity of its country so labelled whose first name word is the
    /// record's or one letter from it (`Abdallah II` is `Abdullah II of
    /// Jordan`), whose regnal number, if
    /// both give one, is the record's, and that holds the realm's throne.
    fn find_monarch(&self, person: &Entity) -> Option<usize> {
        let country = country_of(person)?;
        if !holds_a_throne(person) {
            return None;
        }
        let folded = fold_name(&person.name);
        let (first, number) = regnal_parts(&folded);
        let hits: Vec<usize> = (0..self.entities.len())
            .filter(|&i| {
                let e = &self.entities[i];
                let Some(name) = realm_label(&e.name, &country) else {
                    return false;
                };
                let (their_first, their_number) = regnal_parts(&name);
                same_given_word(first, their_first)
                    && (number.is_none() || their_number.is_none() || number == their_number)
                    && country_of(e).as_deref() == Some(country.as_str())
                    && holds_a_throne(e)
                    && compatible(e, person)
            })
            .collect();
        match hits.as_slice() {
            [i] => Some(*i),
            _ => None,
        }
    }

    /// Whether a source of `person` already gave entity `i` under another
    /// full name: one list names two people (the CIA's President Teodoro
    /// Obiang Nguema Mbasogo and his son, Vice President Teodoro Nguema
    /// Obiang Mangue, share the short form `Teodoro Obiang`).
    ///
    /// The same person listed twice by one source, once with a middle name
    /// or a letter changed (`Olivia Grange`, `Olivia Atavia Grange`), is
    /// not another person. Returns the reason to report, if so.
    fn listed_apart(&self, i: usize, person: &Entity) -> Option<String> {
        let folded = fold_name(&person.name);
        let (list, name) = self.records[i]
            .iter()
            .find(|(list, name)| person.lists.contains(list) && !same_listed_name(name, &folded))?;
        Some(format!(
            "{} shares a name form with {} ({}), which {list} lists as \"{name}\": \
             another person, kept apart",
            person.name, self.entities[i].name, self.entities[i].id
        ))
    }

    fn index_names(&mut self, i: usize) {
        let e = &self.entities[i];
        let Some(country) = country_of(e) else { return };
        for form in strong_forms(e) {
            let v = self.by_name.entry((form, country.clone())).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }

    /// The merged entities and the report.
    pub fn finish(mut self) -> (Vec<Entity>, ImportReport) {
        for e in &mut self.entities {
            dedup_folded(e);
            *self
                .report
                .records
                .entry(e.kind.as_str().to_string())
                .or_default() += 1;
        }
        (self.entities, self.report)
    }
}

/// Whether two records may be the same person: no identifying property
/// (Wikidata id, bioguide id, date of birth) that both have differs. John
/// F. Kennedy (born 1917, no Wikidata id in `executive.yaml`) is not the
/// senator John Kennedy of Louisiana (born 1951).
fn compatible(a: &Entity, b: &Entity) -> bool {
    ["wikidata", "bioguide", "birth_date"].iter().all(|k| {
        match (a.properties.get(*k), b.properties.get(*k)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    })
}

fn country_of(e: &Entity) -> Option<String> {
    e.properties
        .get("country")
        .and_then(Value::as_str)
        .map(canonical_country)
}

/// The folded display name and strong, non-native aliases.
fn strong_forms(e: &Entity) -> Vec<String> {
    let mut v: Vec<String> = std::iter::once(e.name.as_str())
        .chain(
            e.aliases
                .iter()
                .filter(|a| !a.weak && a.kind.as_deref() != Some("native"))
                .map(|a| a.name.as_str()),
        )
        .map(fold_name)
        .filter(|f| f.contains(' '))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Whether two records share a word of a name (folded, three letters or
/// more), native-script names aside.
fn share_a_name_word(a: &Entity, b: &Entity) -> bool {
    let words = |e: &Entity| -> HashSet<String> {
        std::iter::once(e.name.as_str())
            .chain(
                e.aliases
                    .iter()
                    .filter(|x| x.kind.as_deref() != Some("native"))
                    .map(|x| x.name.as_str()),
            )
            .flat_map(|n| {
                fold_name(n)
                    .split(' ')
                    .filter(|w| w.chars().count() >= 3)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    !words(a).is_disjoint(&words(b))
}

/// Whether two folded names of one source can be one person: each word the
/// name with fewer words of its own has and the other lacks is one letter
/// away from one the other has (`serifo`, `sirifo`); extra words are middle
/// names.
fn same_listed_name(a: &str, b: &str) -> bool {
    let (wa, wb): (HashSet<&str>, HashSet<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let only_a: Vec<&str> = wa.difference(&wb).copied().collect();
    let only_b: Vec<&str> = wb.difference(&wa).copied().collect();
    let (fewer, more) = if only_a.len() <= only_b.len() {
        (only_a, only_b)
    } else {
        (only_b, only_a)
    };
    fewer
        .iter()
        .all(|x| more.iter().any(|y| one_letter_apart(x, y)))
}

/// Whether a record may hold a throne: a role that is, opens or ends with
/// a monarch's rank (`King`, `Queen`, `Emir`, `Amir`, `Sultan`, `Prince`,
/// `Princess`, `Grand Duke`, `Monarch`; `King & Prime Minister`) or the
/// CIA's `Chief of State` or `Head of State` (a president's too: the label
/// that names the realm is what says monarch), and no `Crown` or `Deputy`
/// in it. Wikidata's `Monarch of the Belgians` and `Prince of Monaco` are
/// such roles; `Minister of Digital Agenda` and `Crown Prince` are not.
/// (`Queen Consort` and `Co-Prince` pass: the first name word and the
/// realm's label must still agree.)
fn holds_a_throne(e: &Entity) -> bool {
    const RANKS: &[&str] = &[
        "king",
        "queen",
        "emir",
        "amir",
        "sultan",
        "prince",
        "princess",
        "grand duke",
        "monarch",
        "chief of state",
        "head of state",
    ];
    e.role_titles().any(|role| {
        let role = fold_name(role);
        !role.contains("crown")
            && !role.contains("deputy")
            && RANKS.iter().any(|rank| {
                role == *rank
                    || role.starts_with(&format!("{rank} "))
                    || role.ends_with(&format!(" {rank}"))
            })
    })
}

/// The folded regnal name of a monarch's label that names the realm
/// (`harald v` of `Harald V of Norway`, `albert ii` of `Albert II,
/// Prince of Monaco`, `willem alexander` of `Willem-Alexander of the
/// Netherlands`), when the realm is `country`.
fn realm_label(label: &str, country: &str) -> Option<String> {
    let (name, realm) = label.rsplit_once(" of ")?;
    let realm = realm.strip_prefix("the ").unwrap_or(realm);
    if canonical_country(realm) != country {
        return None;
    }
    let name = name.trim_end();
    let name = ["Prince", "Princess", "Grand Duke", "Sultan", "Emir"]
        .iter()
        .find_map(|rank| name.strip_suffix(rank))
        .map_or(name, |n| n.trim_end().trim_end_matches(','));
    let folded = fold_name(name);
    (!folded.is_empty()).then_some(folded)
}

/// A folded name's first word and its regnal number, if a word of it is a
/// Roman numeral (`harald v`: `harald`, `v`).
fn regnal_parts(folded: &str) -> (&str, Option<&str>) {
    let mut words = folded.split(' ');
    let first = words.next().unwrap_or("");
    let number = words.find(|w| w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    (first, number)
}

/// Whether two folded given names are one, or one letter apart as the
/// lists respell a name (`abdallah`, `abdullah`).
fn same_given_word(a: &str, b: &str) -> bool {
    a == b || one_letter_apart(a, b)
}

/// Whether two words differ by one substituted letter.
fn one_letter_apart(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() == 1
}

fn merge_into(into: &mut Entity, from: Entity) {
    let mut alias = Alias::new(from.name);
    alias.order = from.name_order;
    into.aliases.push(alias);
    into.aliases.extend(from.aliases);
    if into.name_order.is_none() {
        into.name_order = from.name_order;
    }
    for l in from.lists {
        if !into.lists.contains(&l) {
            into.lists.push(l);
        }
    }
    for (k, v) in from.properties {
        match (k.as_str(), into.properties.get_mut(&k)) {
            ("roles", Some(Value::Array(roles))) => {
                if let Value::Array(more) = v {
                    for r in more {
                        if !roles.contains(&r) {
                            roles.push(r);
                        }
                    }
                }
            }
            (_, Some(_)) => {}
            (_, None) => {
                into.properties.insert(k, v);
            }
        }
    }
}

/// Drops aliases whose folded form equals the name's or an earlier alias's
/// in the same script: a Latin spelling of a Cyrillic name folds alike but
/// is kept, since output shows the alias that matched.
fn dedup_folded(e: &mut Entity) {
    dedup_aliases(e);
    let key = |name: &str| {
        let non_latin = name.chars().any(|c| c.is_alphabetic() && c as u32 > 0x24F);
        (fold_name(name), non_latin)
    };
    let mut seen = std::collections::HashSet::new();
    seen.insert(key(&e.name));
    e.aliases.retain(|a| seen.insert(key(&a.name)));
}

// ---------------------------------------------------------------------------
// Shared helpers

/// A role object.
#[allow(clippy::too_many_arguments)]
fn role(
    title: &str,
    country: &str,
    start: Option<&str>,
    end: Option<&str>,
    source: &str,
    as_of: Option<&str>,
    current: Option<bool>,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("role".into(), json!(title));
    m.insert("country".into(), json!(country));
    if let Some(s) = start.filter(|s| !s.is_empty()) {
        m.insert("start".into(), json!(s));
    }
    if let Some(e) = end.filter(|e| !e.is_empty()) {
        m.insert("end".into(), json!(e));
    }
    m.insert("source".into(), json!(source));
    if let Some(d) = as_of {
        m.insert("as_of".into(), json!(d));
    }
    if let Some(c) = current {
        m.insert("current".into(), json!(c));
    }
    m
}

fn person(id: String, name: &str, list: &str, country: &str) -> Entity {
    let mut e = Entity::new(id, name.trim(), EntityType::Person);
    e.lists.push(list.to_string());
    e.properties.insert("country".into(), json!(country));
    e.properties
        .insert("roles".into(), Value::Array(Vec::new()));
    e
}

fn push_role(e: &mut Entity, r: Map<String, Value>) {
    if let Some(Value::Array(roles)) = e.properties.get_mut("roles") {
        let r = Value::Object(r);
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
}

fn push_alias(e: &mut Entity, name: &str, kind: Option<&str>, order: Option<NameOrder>) {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return;
    }
    let mut a = Alias::new(name);
    a.kind = kind.map(str::to_string);
    a.order = order;
    e.aliases.push(a);
}

/// The common English name of a country, for keys and the `country`
/// property: the CIA's `Korea, North` and Wikidata's `Democratic People's
/// Republic of Korea` are both `North Korea`.
pub fn canonical_country(name: &str) -> String {
    let n = name.trim();
    let mapped = match n {
        "United States of America" | "USA" | "US" | "U.S." => "United States",
        "Korea, North" | "Democratic People's Republic of Korea" | "DPRK" => "North Korea",
        "Korea, South" | "Republic of Korea" => "South Korea",
        "People's Republic of China" | "PRC" => "China",
        "Burma" => "Myanmar",
        "Czechia" => "Czech Republic",
        "Cabo Verde" => "Cape Verde",
        "Congo, Democratic Republic of the" => "Democratic Republic of the Congo",
        "Congo, Republic of the" => "Republic of the Congo",
        "Cote d'Ivoire" | "Côte d'Ivoire" => "Ivory Coast",
        "Micronesia, Federated States of" => "Federated States of Micronesia",
        "São Tomé and Príncipe" => "Sao Tome and Principe",
        "Timor-Leste" => "East Timor",
        "Bahamas, The" | "The Bahamas" => "Bahamas",
        "Gambia, The" | "The Gambia" => "Gambia",
        "Holy See (Vatican City)" | "Holy See" => "Vatican City",
        "Kingdom of Denmark" => "Denmark",
        "Kingdom of the Netherlands" => "Netherlands",
        "Republic of Ireland" => "Ireland",
        "State of Palestine" => "Palestine",
        "UK" | "Great Britain" => "United Kingdom",
        "Türkiye" => "Turkey",
        other => other,
    };
    mapped.to_string()
}

/// Countries whose names are written family name first in English (the
/// order of the display name is then `family_first`).
fn family_first_country(country: &str) -> bool {
    matches!(
        country,
        "China"
            | "North Korea"
            | "South Korea"
            | "Taiwan"
            | "Vietnam"
            | "Cambodia"
            | "Hong Kong"
            | "Macau"
    )
}

/// Name order of a natural-order label such as `Kim Jong-un` or `Xi
/// Jinping`: family first when the country writes names so and (outside
/// Korea and Cambodia, where every name does) the first word is a common
/// East Asian family name. In Singapore and Malaysia, where Chinese names
/// stand beside Malay, Tamil and English ones, only a common Chinese
/// family name before a given name of short syllables ("Lee Hsien Loong",
/// "Teo Chee Hean"; not "Wan Azizah Wan Ismail", whose "Wan" is a Malay
/// title, nor "Lawrence Wong").
pub(crate) fn label_order(label: &str, country: &str) -> Option<NameOrder> {
    let mixed = matches!(country, "Singapore" | "Malaysia");
    if !family_first_country(country) && !mixed {
        return None;
    }
    let mut words = label.split([' ', '-']);
    let first = words.next().unwrap_or("");
    let folded = fold_name(first).to_ascii_uppercase();
    if mixed {
        let given: Vec<&str> = words.collect();
        let syllables = given.len() >= 2
            && given
                .iter()
                .all(|s| (1..=5).contains(&s.chars().filter(|c| c.is_alphabetic()).count()));
        let chinese = is_east_asian_or_nanyang_surname(&folded);
        return (chinese && syllables).then_some(NameOrder::FamilyFirst);
    }
    let any_name = matches!(country, "North Korea" | "South Korea" | "Cambodia");
    (label.contains(' ') && (any_name || is_east_asian_surname(&folded)))
        .then_some(NameOrder::FamilyFirst)
}

/// The id part made of a name: its words as the normalizer splits them
/// (initials dropped, "S.B." one word), each in lower case without accents
/// or punctuation, joined by hyphens. Independent of the matcher's folding
/// rules (which may learn new equivalences), so ids stay stable.
fn slug(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let n = crate::normalize::normalize(s);
    let mut words: Vec<String> = Vec::new();
    for t in n.tokens() {
        let mut w = String::new();
        for c in s[t.start as usize..t.end as usize]
            .nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
        {
            match c {
                'ß' => w.push_str("ss"),
                'æ' => w.push_str("ae"),
                'œ' => w.push_str("oe"),
                'ø' => w.push('o'),
                'ł' => w.push('l'),
                'đ' | 'ð' => w.push('d'),
                'þ' => w.push_str("th"),
                'ı' => w.push('i'),
                _ if c.is_alphanumeric() => w.push(c),
                _ => {}
            }
        }
        if !w.is_empty() {
            words.push(w);
        }
    }
    words.join("-")
}

fn csv_reader(path: &Path) -> Result<csv::Reader<std::fs::File>, GazetteerError> {
    let f = std::fs::File::open(path).map_err(|e| GazetteerError::io(path, e))?;
    Ok(csv::ReaderBuilder::new().flexible(false).from_reader(f))
}

fn csv_err(path: &Path, e: csv::Error) -> GazetteerError {
    let line = e.position().map(|p| p.line());
    GazetteerError::invalid(path, line, format!("malformed CSV: {e}"))
}

/// Reads a CSV file with a header into rows of named fields; each row comes
/// with its 1-based line.
fn csv_rows(path: &Path, required: &[&str]) -> Result<Vec<CsvRow>, GazetteerError> {
    let mut r = csv_reader(path)?;
    let headers: Vec<String> = r
        .headers()
        .map_err(|e| csv_err(path, e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    for col in required {
        if !headers.iter().any(|h| h == col) {
            return Err(GazetteerError::invalid(
                path,
                Some(1),
                format!("missing column \"{col}\" (found: {})", headers.join(",")),
            ));
        }
    }
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| csv_err(path, e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let row = headers
            .iter()
            .cloned()
            .zip(rec.iter().map(|f| f.trim().to_string()))
            .collect();
        rows.push((line, row));
    }
    Ok(rows)
}

fn field<'a>(row: &'a HashMap<String, String>, key: &str) -> &'a str {
    row.get(key).map_or("", String::as_str)
}

// ---------------------------------------------------------------------------
// US Congress and executive (YAML)

#[derive(Deserialize)]
struct UsPerson {
    id: UsIds,
    name: UsName,
    #[serde(default)]
    bio: UsBio,
    #[serde(default)]
    terms: Vec<UsTerm>,
}

#[derive(Deserialize, Default)]
struct UsIds {
    bioguide: Option<String>,
    wikidata: Option<String>,
    govtrack: Option<u64>,
    /// The title of the member's Wikipedia article: the name the press
    /// uses ("Chris Coons" for Christopher A. Coons).
    wikipedia: Option<String>,
}

#[derive(Deserialize)]
struct UsName {
    first: String,
    middle: Option<String>,
    last: String,
    suffix: Option<String>,
    nickname: Option<String>,
    official_full: Option<String>,
}

#[derive(Deserialize, Default)]
struct UsBio {
    birthday: Option<String>,
    gender: Option<String>,
}

#[derive(Deserialize)]
struct UsTerm {
    #[serde(rename = "type")]
    kind: String,
    start: Option<String>,
    end: Option<String>,
    state: Option<String>,
    district: Option<i64>,
    party: Option<String>,
}

/// Reads `legislators-current.yaml` (members of Congress).
pub fn us_congress(path: &Path) -> Result<Vec<Entity>, GazetteerError> {
    us_yaml(path, US_CONGRESS)
}

/// Reads `executive.yaml` (presidents and vice presidents).
pub fn us_executive(path: &Path) -> Result<Vec<Entity>, GazetteerError> {
    us_yaml(path, US_EXECUTIVE)
}

fn us_yaml(path: &Path, list: &str) -> Result<Vec<Entity>, GazetteerError> {
    let text = std::fs::read_to_string(path).map_err(|e| GazetteerError::io(path, e))?;
    let people: Vec<UsPerson> = yaml_serde::from_str(&text).map_err(|e| {
        let line = e.location().map(|l| l.line() as u64);
        GazetteerError::invalid(path, line, format!("not a congress-legislators file: {e}"))
    })?;
    // The data's own date: the latest term start in the file. A term is
    // current when it spans that date.
    let as_of = people
        .iter()
        .flat_map(|p| p.terms.iter().filter_map(|t| t.start.clone()))
        .max();
    let source = list.trim_start_matches("official:");
    let mut out = Vec::with_capacity(people.len());
    for p in people {
        let id = match (&p.id.wikidata, &p.id.bioguide, p.id.govtrack) {
            (Some(q), _, _) => format!("wd-{q}"),
            (None, Some(b), _) => format!("us-bioguide-{b}"),
            (None, None, Some(g)) => format!("us-govtrack-{g}"),
            (None, None, None) => {
                format!("us-{}", slug(&format!("{} {}", p.name.first, p.name.last)))
            }
        };
        let n = &p.name;
        let nick_last = n.nickname.as_ref().map(|nick| format!("{nick} {}", n.last));
        let first_last = format!("{} {}", n.first, n.last);
        let display = n
            .official_full
            .clone()
            .or_else(|| nick_last.clone())
            .unwrap_or_else(|| first_last.clone());
        let mut e = person(id, &display, list, "United States");
        e.name_order = Some(NameOrder::GivenFirst);
        let mut bases = vec![first_last];
        if let Some(m) = &n.middle {
            bases.push(format!("{} {m} {}", n.first, n.last));
        }
        bases.extend(nick_last);
        // The name the press uses, where Wikipedia's title for the member
        // is a given name and the family name ("Jim Risch"; not "John
        // Kennedy (Louisiana politician)", whose words are the others').
        if let Some(w) = p.id.wikipedia.as_deref().filter(|w| {
            let words: Vec<&str> = w.split(' ').collect();
            (2..=3).contains(&words.len())
                && !w.contains(['(', ','])
                && words
                    .last()
                    .is_some_and(|l| l.eq_ignore_ascii_case(&n.last))
        }) {
            bases.push(w.to_string());
        }
        if let Some(full) = &n.official_full {
            push_alias(&mut e, full, None, Some(NameOrder::GivenFirst));
        }
        for b in &bases {
            push_alias(&mut e, b, None, Some(NameOrder::GivenFirst));
            if let Some(s) = &n.suffix {
                push_alias(
                    &mut e,
                    &format!("{b} {s}"),
                    None,
                    Some(NameOrder::GivenFirst),
                );
                push_alias(
                    &mut e,
                    &format!("{b}, {s}"),
                    None,
                    Some(NameOrder::GivenFirst),
                );
            }
        }
        if let Some(q) = &p.id.wikidata {
            e.properties.insert("wikidata".into(), json!(q));
        }
        if let Some(b) = &p.id.bioguide {
            e.properties.insert("bioguide".into(), json!(b));
        }
        if let Some(b) = &p.bio.birthday {
            e.properties.insert("birth_date".into(), json!(b));
        }
        if let Some(g) = &p.bio.gender {
            e.properties.insert("gender".into(), json!(g));
        }
        for r in us_roles(&p.terms, source, as_of.as_deref()) {
            push_role(&mut e, r);
        }
        out.push(e);
    }
    Ok(out)
}

/// One role per run of consecutive terms in the same office (a senator
/// re-elected three times held one seat from the first start to the last
/// end), with the party of the last term.
fn us_roles(terms: &[UsTerm], source: &str, as_of: Option<&str>) -> Vec<Map<String, Value>> {
    let title = |t: &UsTerm| match t.kind.as_str() {
        "sen" => "United States Senator".to_string(),
        "rep" => "United States Representative".to_string(),
        "prez" => "President of the United States".to_string(),
        "viceprez" => "Vice President of the United States".to_string(),
        other => other.to_string(),
    };
    let same = |a: &UsTerm, b: &UsTerm| {
        a.kind == b.kind && a.state == b.state && (a.kind != "rep" || a.district == b.district)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let mut j = i;
        while j + 1 < terms.len() && same(&terms[i], &terms[j + 1]) {
            j += 1;
        }
        let (first, last) = (&terms[i], &terms[j]);
        let current = as_of.map(|d| {
            first.start.as_deref().is_some_and(|s| s <= d)
                && last.end.as_deref().is_none_or(|e| e > d)
        });
        let mut r = role(
            &title(first),
            "United States",
            first.start.as_deref(),
            last.end.as_deref(),
            source,
            as_of,
            current,
        );
        if let Some(s) = &first.state {
            r.insert("state".into(), json!(s));
        }
        if let Some(d) = first.district {
            r.insert("district".into(), json!(d));
        }
        if let Some(p) = &last.party {
            r.insert("party".into(), json!(p));
        }
        out.push(r);
        i = j + 1;
    }
    out
}

// ---------------------------------------------------------------------------
// Wikidata

/// Reads the Wikidata heads of state and government CSV. `as_of` is the
/// date of the query (2022-10-09 for the bundled file): a row with no end
/// year was current then.
pub fn wikidata_leaders(path: &Path, as_of: Option<&str>) -> Result<Vec<Entity>, GazetteerError> {
    let rows = csv_rows(
        path,
        &[
            "country",
            "positionLabel",
            "officeholder",
            "officeholderLabel",
            "start_year",
            "end_year",
        ],
    )?;
    let mut people = WikidataPeople::new(path, WIKIDATA_LEADERS, "officeholder");
    for (line, row) in rows {
        let qid = field(&row, "officeholder");
        let label = field(&row, "officeholderLabel");
        let country = canonical_country(field(&row, "country"));
        let end = field(&row, "end_year");
        let r = role(
            field(&row, "positionLabel"),
            &country,
            Some(field(&row, "start_year")),
            Some(end),
            "wikidata-leaders",
            as_of,
            Some(end.is_empty()),
        );
        people.add(line, qid, label, &country, r)?;
    }
    Ok(people.finish())
}

/// The people of one Wikidata list: one entity per Wikidata id, in the
/// order first seen, holding the roles of all its rows.
struct WikidataPeople<'a> {
    path: &'a Path,
    list: &'static str,
    /// The column holding the id, for error messages.
    id_column: &'static str,
    by_qid: HashMap<String, usize>,
    people: Vec<Entity>,
}

impl<'a> WikidataPeople<'a> {
    fn new(path: &'a Path, list: &'static str, id_column: &'static str) -> Self {
        WikidataPeople {
            path,
            list,
            id_column,
            by_qid: HashMap::new(),
            people: Vec::new(),
        }
    }

    /// Adds role `r` of person `qid` (`label`, of `country`), read at `line`.
    fn add(
        &mut self,
        line: u64,
        qid: &str,
        label: &str,
        country: &str,
        r: Map<String, Value>,
    ) -> Result<(), GazetteerError> {
        if !qid.starts_with('Q') || label.is_empty() {
            return Err(GazetteerError::invalid(
                self.path,
                Some(line),
                format!("{} is not a Wikidata id or has no label", self.id_column),
            ));
        }
        let i = *self.by_qid.entry(qid.to_string()).or_insert_with(|| {
            let mut e = person(format!("wd-{qid}"), label, self.list, country);
            e.name_order = label_order(label, country);
            e.properties.insert("wikidata".into(), json!(qid));
            self.people.push(e);
            self.people.len() - 1
        });
        push_role(&mut self.people[i], r);
        Ok(())
    }

    fn finish(self) -> Vec<Entity> {
        self.people
    }
}

/// The country and data date of each bundled cabinet file, by file-name
/// prefix (from the folder's SOURCE.md).
const CABINETS: &[(&str, &str, &str)] = &[
    ("us-cabinet", "United States", "2022-02-28"),
    ("russia-cabinet", "Russia", "2022-07-18"),
    ("united-kingdom-cabinet", "United Kingdom", "2022-07-18"),
    ("ukraine-cabinet", "Ukraine", "2022-07-20"),
    ("china-ministers", "China", "2022-07-03"),
    ("iran-ministers", "Iran", "2022-07-05"),
    ("belarus-ministers", "Belarus", "2022-08-03"),
];

/// Reads one Wikidata current-cabinet CSV. The country and date default to
/// the bundled file's (by file name; an unknown file's country is taken
/// from its name, `france-cabinet…` → `France`, with no date).
pub fn wikidata_cabinet(
    path: &Path,
    country: Option<&str>,
    as_of: Option<&str>,
) -> Result<Vec<Entity>, GazetteerError> {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .split('.')
        .next()
        .unwrap_or("")
        .to_string();
    let known = CABINETS.iter().find(|(prefix, _, _)| *prefix == stem);
    let country = country.map(str::to_string).unwrap_or_else(|| match known {
        Some((_, c, _)) => c.to_string(),
        None => {
            let base = stem
                .trim_end_matches("-cabinet")
                .trim_end_matches("-ministers")
                .replace('-', " ");
            title_case_name(&base.to_uppercase(), false)
        }
    });
    let as_of = as_of.or(known.map(|k| k.2));
    let rows = csv_rows(path, &["item", "itemLabel", "positionLabel", "start"])?;
    let mut people = WikidataPeople::new(path, WIKIDATA_CABINET, "item");
    for (line, row) in rows {
        let qid = field(&row, "item");
        let label = field(&row, "itemLabel");
        let r = role(
            field(&row, "positionLabel"),
            &country,
            Some(field(&row, "start")),
            None,
            "wikidata-cabinet",
            as_of,
            Some(true),
        );
        people.add(line, qid, label, &country, r)?;
    }
    Ok(people.finish())
}

// ---------------------------------------------------------------------------
// world-leaders-current (JSON)

#[derive(Deserialize)]
struct WlcFile {
    country: WlcCountry,
    snapshot_date: Option<String>,
    #[serde(default)]
    positions: BTreeMap<String, Option<WlcPosition>>,
}

#[derive(Deserialize)]
struct WlcCountry {
    name_en: String,
}

#[derive(Deserialize)]
struct WlcPosition {
    title_en: Option<String>,
    current_holder: Option<WlcHolder>,
}

#[derive(Deserialize)]
struct WlcHolder {
    name_en: Option<String>,
    name_local: Option<String>,
    wikidata_id: Option<String>,
    since: Option<String>,
    born: Option<String>,
}

/// Cells of `world-leaders-current` known to be wrong: (file stem,
/// position, why).
const WLC_KNOWN_ERRORS: &[(&str, &str, &str)] = &[(
    "saudi_arabia",
    "head_of_state",
    "gives crown prince Mohammed bin Salman as head of state; the King is Salman bin Abdulaziz",
)];

/// Reads the `countries/*.current.json` files of `world-leaders-current`.
/// Returns the holders and the cells skipped as known errors.
pub fn world_leaders_current(
    dir: &Path,
) -> Result<(Vec<Entity>, Vec<super::ofac::Skipped>), GazetteerError> {
    let files = sorted_files(dir, ".json").map_err(|e| GazetteerError::io(dir, e))?;
    let mut out: Vec<Entity> = Vec::new();
    let mut skipped = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| GazetteerError::io(&path, e))?;
        let f: WlcFile = serde_json::from_str(&text)
            .map_err(|e| GazetteerError::json(&path, e.line() as u64, e))?;
        let stem = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .split('.')
            .next()
            .unwrap_or("")
            .to_string();
        let country = canonical_country(&f.country.name_en);
        for (pos, p) in &f.positions {
            let Some(p) = p else { continue };
            let Some(h) = &p.current_holder else { continue };
            let Some(name) = h.name_en.as_deref().filter(|n| !n.trim().is_empty()) else {
                continue;
            };
            if let Some((_, _, why)) = WLC_KNOWN_ERRORS
                .iter()
                .find(|(s, ps, _)| *s == stem && ps == pos)
            {
                skipped.push(super::ofac::Skipped {
                    path: path.clone(),
                    line: 0,
                    reason: format!("{pos}: {why}; skipped"),
                });
                continue;
            }
            let title = p.title_en.clone().unwrap_or_else(|| pos.replace('_', " "));
            let r = role(
                &title,
                &country,
                h.since.as_deref(),
                None,
                "world-leaders-2026",
                f.snapshot_date.as_deref(),
                Some(true),
            );
            let qid = h.wikidata_id.as_deref().filter(|q| q.starts_with('Q'));
            // The same holder can be in two positions (a president who is
            // head of state and of government) or two files (a monarch of
            // several realms).
            // (One id, two names: a wrong id, which the merger sorts out.)
            let existing = out.iter_mut().find(|e| match qid {
                Some(q) => {
                    e.properties.get("wikidata").and_then(Value::as_str) == Some(q)
                        && e.name == name.trim()
                }
                None => e.name == name.trim() && country_of(e).as_deref() == Some(country.as_str()),
            });
            let e = match existing {
                Some(e) => e,
                None => {
                    let id = match qid {
                        Some(q) => format!("wd-{q}"),
                        None => format!("wlc-{}-{}", slug(&country), slug(name)),
                    };
                    let mut e = person(id, name, WORLD_LEADERS_2026, &country);
                    e.name_order = label_order(name, &country);
                    if let Some(q) = qid {
                        e.properties.insert("wikidata".into(), json!(q));
                    }
                    if let Some(b) = &h.born {
                        e.properties.insert("birth_date".into(), json!(b));
                    }
                    out.push(e);
                    out.last_mut().expect("just pushed")
                }
            };
            if let Some(local) = h.name_local.as_deref() {
                push_alias(e, local, Some("native"), None);
            }
            push_role(e, r);
        }
    }
    Ok((out, skipped))
}

// ---------------------------------------------------------------------------
// CIA World Leaders (2019)

/// A CIA name, parsed: the CIA writes the family name (or the name a
/// person is known by) in upper case.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CiaName {
    /// The whole name, the upper-case part in title case.
    pub display: String,
    /// First given name + the upper-case part, when that is shorter
    /// (`Vladimir Putin` for `Vladimir Vladimirovich PUTIN`).
    pub short: Option<String>,
    /// Whether the upper-case part comes first (`KIM Jong Un`).
    pub upper_first: bool,
    /// Other names: `(a.k.a. Catharine CHANG)`, `(Mike)` nicknames.
    pub others: Vec<String>,
}

fn is_roman(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Whether a token holds an upper-case name part: a hyphen-separated
/// segment of two or more letters, none lower case (`PUTIN`,
/// `al-HAMADANI`, `Rahmani-FAZLI`). Roman numerals after the first token
/// (`FELIPE VI`) are regnal numbers, not names.
fn has_upper_part(t: &str, index: usize) -> bool {
    if index > 0 && is_roman(t.trim_end_matches(',')) {
        return false;
    }
    t.split('-').any(|seg| {
        let letters: Vec<char> = seg.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    })
}

fn title_upper_parts(t: &str, index: usize) -> String {
    if index > 0 && is_roman(t) {
        return t.to_string();
    }
    t.split('-')
        .map(|seg| {
            let letters = seg.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && !seg.chars().any(|c| c.is_lowercase()) {
                title_case_name(seg, false)
            } else {
                seg.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

pub(crate) fn parse_cia_name(raw: &str) -> CiaName {
    let mut others = Vec::new();
    let mut nickname = None;
    let mut rest = String::new();
    // Parentheticals: a.k.a. names, nicknames, and notes like "(Acting)".
    let mut s = raw;
    while let Some(open) = s.find('(') {
        rest.push_str(&s[..open]);
        let close = s[open..].find(')').map_or(s.len(), |c| open + c);
        let inner = s[open + 1..close.min(s.len())].trim();
        if let Some(aka) = inner.strip_prefix("a.k.a.") {
            others.push(parse_cia_name(aka.trim()).display);
        } else if !inner.contains(' ')
            && inner.chars().next().is_some_and(char::is_uppercase)
            && !matches!(inner.to_lowercase().as_str(), "acting" | "ret." | "ret")
        {
            nickname = Some(inner.to_string());
        }
        s = if close < s.len() { &s[close + 1..] } else { "" };
    }
    rest.push_str(s);
    // Quoted nicknames ("Siraji") are dropped: a lone nickname is no name.
    let rest: String = rest
        .split_whitespace()
        .filter(|t| !t.starts_with('"'))
        .collect::<Vec<_>>()
        .join(" ");
    let (main, suffix) = match rest.split_once(", ") {
        Some((m, s)) => (m.to_string(), Some(s.trim().to_string())),
        None => (rest.clone(), None),
    };
    let tokens: Vec<&str> = main.split_whitespace().collect();
    let upper: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| has_upper_part(t, *i))
        .map(|(i, _)| i)
        .collect();
    let shown: Vec<String> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| title_upper_parts(t, i))
        .collect();
    let mut display = shown.join(" ");
    if let Some(sfx) = &suffix {
        display.push(' ');
        display.push_str(sfx);
    }
    let upper_first = upper.first() == Some(&0) && tokens.len() > 1;
    let mut short = None;
    if let (Some(&first_up), Some(&last_up)) = (upper.first(), upper.last()) {
        let contiguous = last_up - first_up + 1 == upper.len();
        // A title opening the name ("Sheikh Rashid AHMED", "Dr. …") is no
        // first name: the short form starts at the word after it ("Rashid
        // Ahmed", not "Sheikh Ahmed").
        let first = usize::from(
            first_up > 1
                && crate::variants::is_name_title(
                    tokens[0].trim_end_matches('.').to_lowercase().as_str(),
                ),
        );
        let plain_given = tokens[..first_up]
            .iter()
            .all(|t| t.chars().next().is_some_and(char::is_uppercase))
            && !matches!(tokens[first], "Abd" | "Abdul" | "Abu" | "Umm" | "Bin" | "Ibn")
            // An initial (`A. H. Mahmood ALI`) is no first name.
            && !tokens[first].ends_with('.');
        if first_up > 0 && contiguous && plain_given {
            let mut parts = vec![shown[first].clone()];
            parts.extend(shown[first_up..=last_up].iter().cloned());
            let candidate = parts.join(" ");
            if candidate != shown.join(" ") {
                short = Some(candidate);
            }
        }
        if let Some(nick) = nickname {
            let family = shown[first_up..=last_up].join(" ");
            others.push(format!("{nick} {family}"));
        }
    }
    CiaName {
        display,
        short,
        upper_first,
        others,
    }
}

/// Reads the CIA's 2019 World Leaders CSV: one entity per (name, country),
/// with one role per office.
pub fn cia_world_leaders(path: &Path, as_of: Option<&str>) -> Result<Vec<Entity>, GazetteerError> {
    let rows = csv_rows(path, &["name", "title", "country"])?;
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut out: Vec<Entity> = Vec::new();
    for (line, row) in rows {
        let raw = field(&row, "name");
        let country = canonical_country(field(&row, "country"));
        if raw.is_empty() || country.is_empty() {
            return Err(GazetteerError::invalid(
                path,
                Some(line),
                "row without a name or a country",
            ));
        }
        let r = role(
            field(&row, "title"),
            &country,
            None,
            None,
            "cia-2019",
            as_of,
            Some(true),
        );
        let key = (raw.to_string(), country.clone());
        let i = match index.get(&key) {
            Some(&i) => i,
            None => {
                let mut n = parse_cia_name(raw);
                // In Chinese, Korean, Vietnamese and Khmer names the CIA's
                // upper case marks the family name (`XI Jinping`) or the
                // personal name used in address (`Nguyen Phu TRONG`); either
                // way the name is written family name first, and "first
                // word + upper-case part" is no name at all.
                let order = if family_first_country(&country) {
                    n.short = None;
                    n.display.contains(' ').then_some(NameOrder::FamilyFirst)
                } else if n.upper_first {
                    // (The upper case opens the name: the name used in
                    // address, a family name where it is a Chinese one.)
                    label_order(&n.display, &country)
                } else {
                    Some(NameOrder::GivenFirst)
                };
                let id = format!("cia-{}-{}", slug(&country), slug(&n.display));
                let mut e = person(id, &n.display, CIA_2019, &country);
                e.name_order = order;
                if let Some(s) = &n.short {
                    push_alias(&mut e, s, None, order);
                }
                for o in &n.others {
                    push_alias(&mut e, o, None, None);
                }
                out.push(e);
                index.insert(key, out.len() - 1);
                out.len() - 1
            }
        };
        push_role(&mut out[i], r);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of `list` with Wikidata id `qid` (and the id `wd-<qid>`).
    fn with_qid(qid: &str, name: &str, list: &str, country: &str) -> Entity {
        let mut e = person(format!("wd-{qid}"), name, list, country);
        e.properties.insert("wikidata".into(), json!(qid));
        e
    }

    #[test]
    fn parses_cia_names() {
        let t = |raw: &str| parse_cia_name(raw);
        let n = t("Vladimir Vladimirovich PUTIN");
        assert_eq!(n.display, "Vladimir Vladimirovich Putin");
        assert_eq!(n.short.as_deref(), Some("Vladimir Putin"));
        assert!(!n.upper_first);
        let n = t("KIM Jong Un");
        assert_eq!(n.display, "Kim Jong Un");
        assert!(n.upper_first);
        assert_eq!(n.short, None);
        assert_eq!(
            t("Nicolas MADURO Moros").short.as_deref(),
            Some("Nicolas Maduro")
        );
        assert_eq!(
            t("Abd al-Amir al-HAMADANI").display,
            "Abd al-Amir al-Hamadani"
        );
        assert_eq!(t("Abd al-Amir al-HAMADANI").short, None);
        // A title opening the name is no first name; the word after it is
        // checked as a first name would be.
        assert_eq!(
            t("Sheikh Rashid AHMED").short.as_deref(),
            Some("Rashid Ahmed")
        );
        assert_eq!(t("Dr. Rashid AHMED").short.as_deref(), Some("Rashid Ahmed"));
        assert_eq!(t("Sheikh Abdul Rahman ALI").short, None);
        assert_eq!(t("FELIPE VI").display, "Felipe VI");
        assert_eq!(t("XI Jinping").display, "Xi Jinping");
        let n = t("CHANG Hsiao-yueh (a.k.a. Catharine CHANG)");
        assert_eq!(n.display, "Chang Hsiao-yueh");
        assert_eq!(n.others, ["Catharine Chang"]);
        let n = t("Faizel Mohamed (Mike) NOERSALI");
        assert_eq!(n.display, "Faizel Mohamed Noersali");
        assert_eq!(n.others, ["Mike Noersali"]);
        assert_eq!(t("Teodoro LOCSIN, Jr.").display, "Teodoro Locsin Jr.");
        assert_eq!(t("Yisrael KATZ (Acting)").display, "Yisrael Katz");
        assert_eq!(t("A. H. Mahmood ALI").short, None);
        assert!(t("Yisrael KATZ (Acting)").others.is_empty());
    }

    #[test]
    fn canonical_countries() {
        assert_eq!(canonical_country("Korea, North"), "North Korea");
        assert_eq!(
            canonical_country("United States of America"),
            "United States"
        );
        assert_eq!(canonical_country("Russia"), "Russia");
    }

    #[test]
    fn label_orders() {
        assert_eq!(
            label_order("Kim Jong-un", "North Korea"),
            Some(NameOrder::FamilyFirst)
        );
        assert_eq!(
            label_order("Xi Jinping", "China"),
            Some(NameOrder::FamilyFirst)
        );
        assert_eq!(
            label_order("Tô Lâm", "Vietnam"),
            Some(NameOrder::FamilyFirst)
        );
        assert_eq!(label_order("Vladimir Putin", "Russia"), None);
        assert_eq!(
            label_order("Lee Hsien Loong", "Singapore"),
            Some(NameOrder::FamilyFirst)
        );
        assert_eq!(
            label_order("Lim Guan Eng", "Malaysia"),
            Some(NameOrder::FamilyFirst)
        );
        assert_eq!(
            label_order("Teo Chee Hean", "Singapore"),
            Some(NameOrder::FamilyFirst)
        );
        assert_eq!(label_order("Wan Azizah Wan Ismail", "Malaysia"), None);
        assert_eq!(label_order("Lawrence Wong", "Singapore"), None);
        assert_eq!(label_order("Halimah Yacob", "Singapore"), None);
    }

    #[test]
    fn a_wikidata_id_under_another_name_is_not_trusted() {
        // As the 2026 world-leaders file gives Ursula von der Leyen (with
        // Viktor Orbán's id and date of birth).
        let wd = with_qid("Q57641", "Viktor Orbán", WIKIDATA_LEADERS, "Hungary");
        let mut wlc = with_qid(
            "Q57641",
            "Ursula von der Leyen",
            WORLD_LEADERS_2026,
            "European Union",
        );
        wlc.properties
            .insert("birth_date".into(), json!("1963-05-31"));
        let mut m = Merger::default();
        m.add_all(WIKIDATA_LEADERS, vec![wd]);
        m.add_all(WORLD_LEADERS_2026, vec![wlc]);
        let (entities, report) = m.finish();
        let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            ["wd-Q57641", "wlc-european-union-ursula-von-der-leyen"]
        );
        assert!(entities[0].aliases.is_empty());
        assert!(!entities[1].properties.contains_key("birth_date"));
        assert!(!entities[1].properties.contains_key("wikidata"));
        assert_eq!(report.merged, 0);
        assert!(report.skipped[0].reason.contains("names disagree"));
    }

    #[test]
    fn merges_by_qid_then_by_name_and_country() {
        let wd = with_qid("Q7747", "Vladimir Putin", WIKIDATA_LEADERS, "Russia");
        let mut wlc = with_qid("Q7747", "Vladimir Putin", WORLD_LEADERS_2026, "Russia");
        push_alias(
            &mut wlc,
            "Владимир Владимирович Путин",
            Some("native"),
            None,
        );
        let mut cia = person(
            "cia-russia-x".into(),
            "Vladimir Vladimirovich Putin",
            CIA_2019,
            "Russia",
        );
        push_alias(&mut cia, "Vladimir Putin", None, None);
        let other = person(
            "cia-belarus-x".into(),
            "Vladimir Putin",
            CIA_2019,
            "Belarus",
        );
        let mut m = Merger::default();
        m.add_all(WIKIDATA_LEADERS, vec![wd]);
        m.add_all(WORLD_LEADERS_2026, vec![wlc]);
        m.add_all(CIA_2019, vec![cia, other]);
        let (got, report) = m.finish();
        assert_eq!(got.len(), 2);
        assert_eq!(report.merged, 2);
        let p = &got[0];
        assert_eq!(p.id, "wd-Q7747");
        assert_eq!(p.lists, [WIKIDATA_LEADERS, WORLD_LEADERS_2026, CIA_2019]);
        let names: Vec<&str> = p.aliases.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Владимир Владимирович Путин",
                "Vladimir Vladimirovich Putin"
            ]
        );
        assert_eq!(got[1].properties["country"], "Belarus");
    }

    #[test]
    fn a_monarch_labelled_by_realm_is_the_one_listed_by_regnal_or_full_name() {
        let mut m = Merger::default();
        let with_role = |mut e: Entity, title: &str, country: &str| {
            push_role(&mut e, role(title, country, None, None, "t", None, None));
            e
        };
        let harald = with_qid("Q57287", "Harald V of Norway", WIKIDATA_LEADERS, "Norway");
        let salman = with_qid(
            "Q367825",
            "Salman of Saudi Arabia",
            WIKIDATA_LEADERS,
            "Saudi Arabia",
        );
        let jordan = with_qid(
            "Q57464",
            "Abdullah II of Jordan",
            WIKIDATA_LEADERS,
            "Jordan",
        );
        m.add_all(
            WIKIDATA_LEADERS,
            vec![
                with_role(harald, "Monarch of Norway", "Norway"),
                with_role(salman, "King of Saudi Arabia", "Saudi Arabia"),
                with_role(jordan, "King of Jordan", "Jordan"),
            ],
        );
        let cia = |name: &str, title: &str, country: &str| {
            with_role(
                person(format!("cia-{}", slug(name)), name, CIA_2019, country),
                title,
                country,
            )
        };
        m.add_all(
            CIA_2019,
            vec![
                cia("Harald V", "King", "Norway"),
                cia("Harald Tom Nesvik", "Minister of Fisheries", "Norway"),
                cia(
                    "Salman bin Abd al-Aziz Al Saud",
                    "King & Prime Minister",
                    "Saudi Arabia",
                ),
                cia(
                    "Salman bin Hamad Al Khalifa",
                    "Crown Prince",
                    "Saudi Arabia",
                ),
                cia("Abdallah II", "King", "Jordan"),
                cia("Harald V", "King", "Denmark"),
            ],
        );
        let (got, report) = m.finish();
        assert_eq!(report.merged, 3);
        let ids: Vec<&str> = got.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "wd-Q57287",
                "wd-Q367825",
                "wd-Q57464",
                "cia-harald-tom-nesvik",
                "cia-salman-bin-hamad-al-khalifa",
                "cia-harald-v"
            ]
        );
        let aliases = |e: &Entity| e.aliases.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        assert_eq!(aliases(&got[0]), ["Harald V"]);
        assert_eq!(aliases(&got[1]), ["Salman bin Abd al-Aziz Al Saud"]);
        assert_eq!(aliases(&got[2]), ["Abdallah II"]);
    }

    #[test]
    fn one_source_naming_two_people_is_not_merged_into_one() {
        let wd = with_qid(
            "Q57385",
            "Teodoro Obiang",
            WIKIDATA_LEADERS,
            "Equatorial Guinea",
        );
        let cia = |id: &str, name: &str| {
            let mut p = person(id.into(), name, CIA_2019, "Equatorial Guinea");
            push_alias(&mut p, "Teodoro Obiang", None, None);
            p
        };
        let father = cia("cia-gq-father", "Teodoro Obiang Nguema Mbasogo");
        let son = cia("cia-gq-son", "Teodoro Nguema Obiang Mangue");
        // The same person twice in one source, with a middle name once and a
        // letter changed once, is still one person.
        let again = cia("cia-gq-again", "Teodoro Obiang Mbasogo");
        let typo = cia("cia-gq-typo", "Teodoro Obiang Nguema Mbasoga");
        let mut m = Merger::default();
        m.add_all(WIKIDATA_LEADERS, vec![wd]);
        m.add_all(CIA_2019, vec![father, son, again, typo]);
        let (got, report) = m.finish();
        let ids: Vec<&str> = got.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["wd-Q57385", "cia-gq-son"]);
        assert_eq!(report.merged, 3);
        let names: Vec<&str> = got[0].aliases.iter().map(|a| a.name.as_str()).collect();
        assert!(
            !names.contains(&"Teodoro Nguema Obiang Mangue"),
            "{names:?}"
        );
        assert!(
            report.skipped[0]
                .reason
                .contains("another person, kept apart"),
            "{report}"
        );
    }

    #[test]
    fn consecutive_terms_are_one_role() {
        let t = |kind: &str, start: &str, end: &str, state: &str| UsTerm {
            kind: kind.into(),
            start: Some(start.into()),
            end: Some(end.into()),
            state: Some(state.into()),
            district: None,
            party: Some("Democrat".into()),
        };
        let terms = [
            t("rep", "1993-01-05", "1995-01-03", "WA"),
            t("sen", "2001-01-03", "2007-01-03", "WA"),
            t("sen", "2007-01-04", "2013-01-03", "WA"),
        ];
        let roles = us_roles(&terms, "us-congress", Some("2010-01-01"));
        assert_eq!(roles.len(), 2);
        assert_eq!(roles[0]["current"], false);
        assert_eq!(roles[1]["start"], "2001-01-03");
        assert_eq!(roles[1]["end"], "2013-01-03");
        assert_eq!(roles[1]["current"], true);
    }
}
