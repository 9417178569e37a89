//! The UN Security Council Consolidated List, in its XML form
//! (`consolidated.xml`).
//!
//! The list every UN sanctions committee publishes (1267 ISIL/Al-Qaida,
//! 1988 Taliban, 1718 DPRK, Iraq, Libya, DRC, …), and the one most other
//! countries' lists start from. It is read with `quick-xml`, as published.
//!
//! # The file
//!
//! A root `<CONSOLIDATED_LIST dateGenerated="…">` holding `<INDIVIDUALS>` of
//! `<INDIVIDUAL>` and `<ENTITIES>` of `<ENTITY>`. Each record has one
//! element per fact (`FIRST_NAME`, `REFERENCE_NUMBER`, …), repeated
//! elements for repeated facts (`INDIVIDUAL_ALIAS`, `INDIVIDUAL_DATE_OF_BIRTH`)
//! and lists of `<VALUE>`s for a few (`NATIONALITY`, `TITLE`,
//! `DESIGNATION`). Whitespace in text is collapsed (the file wraps long
//! values over several lines); an empty element is no fact.
//!
//! A file that is not well-formed XML, or whose root is another element, is
//! an error naming the file, the line and the byte where reading stopped;
//! so is a reference number given twice. A record without a name or a
//! reference number is skipped and reported ([`ImportReport::skipped`]), as
//! is a date of birth written in a form gazex cannot read (`24/06/1402
//! (Hijri Calendar)`, `30-35 years old`).
//!
//! # The entities
//!
//! | field | from |
//! |---|---|
//! | `id` | `un-<REFERENCE_NUMBER>` (`un-IQi.001`): the number the UN's own notices and press releases cite, stable across versions of the list (`DATAID` is kept as `un_dataid`) |
//! | `type` | `person` for an `INDIVIDUAL`, `organization` for an `ENTITY` |
//! | `name` | `FIRST_NAME` … `FOURTH_NAME` in that order (the order the name is written, not family name first); a person's in title case as OFAC's are (`SADDAM HUSSEIN AL-TIKRITI` → `Saddam Hussein Al-Tikriti`), an entity's as written (upper case, like OFAC's organizations) |
//! | `name_order` | persons: `family_first` for a name written family name first (a Korean name, or a Chinese or Vietnamese one starting with a common family name, by the nationality, or the DPRK regime when none is given: `YUN HO-JIN`), else `given_first` |
//! | `aliases` | every `ALIAS_NAME`, without enclosing quotes (`"KOMID"` → `KOMID`), a person's in title case when written in upper case, split where the list packs several names into one value (spellings joined by `;`, an acronym in a closing parenthesis, a name in its own script with Latin spellings in parentheses; notes such as `(birth name)` dropped: see `split_names`); an entity's acronym or second name in its `FIRST_NAME` (`DAEDONG CREDIT BANK (DCB)`) is an alias too: quality `Good` and `a.k.a.` → `kind: "aka"`, `f.k.a.` → `kind: "fka"`, `Low` → `weak: true`, `kind: "weak-aka"` (never matched alone, as OFAC's weak aliases), no quality → `kind: "aka"`; `NAME_ORIGINAL_SCRIPT` → `kind: "native"` (as the officials' native-script names) |
//! | `lists` | `["UN-SC", "UN-SC:<UN_LIST_TYPE>"]` (`UN-SC:DPRK`, `UN-SC:Al-Qaida`, …) |
//! | `un_ref`, `un_dataid` | `REFERENCE_NUMBER`, `DATAID` |
//! | `listed_on` | `LISTED_ON` (`YYYY-MM-DD`) |
//! | `dob` | list: every `INDIVIDUAL_DATE_OF_BIRTH` and every alias's `DATE_OF_BIRTH`, in OFAC's forms so that merging and the resolver read them alike: `28 Apr 1978` (a date), `1971` (a year), `circa 1966` (`APPROXIMATELY`), `1973 to 1974` (`BETWEEN`), `circa 1955-1958` (`BETWEEN`, noted approximate), `Nov 1973` (a month, in the note) |
//! | `pob`, `pob_alt` | the first `INDIVIDUAL_PLACE_OF_BIRTH` (`City, Province, Country`), then the others |
//! | `nationality` | list: `NATIONALITY` values, in the common English form of [`canonical_country`] without a parenthesis (`Iran (Islamic Republic of)` → `Iran`) |
//! | `gender` | `GENDER` (`Male`, `Female`) |
//! | `title` | `DESIGNATION` values (the office or rank: `FARDC General`), joined by `; ` |
//! | `honorific` | list: `TITLE` values (`Maulavi`, `Haji`, `Dr.`) |
//! | `documents` | list of objects: `type` (`TYPE_OF_DOCUMENT`), `type_detail` (`TYPE_OF_DOCUMENT2`), `number`, `issuing_country`, `country_of_issue`, `city_of_issue`, `date_of_issue`, `note`, each when given |
//! | `passport` | list: the numbers of the documents that are passports (`Passport`, `Numéro de passeport`, `Número de pasaporte`) |
//! | `addresses` | list of objects as OFAC's: `address` (`STREET`), `city` (`CITY`, `STATE_PROVINCE`, `ZIP_CODE`), `country`, `remarks` (`NOTE`), each when given |
//! | `imo`, `imo_alt` | entities: the IMO numbers the comments give (`IMO number: 5342883`, `Company Number IMO 5434358`), the first, then the others |
//! | `remarks` | `COMMENTS1` |
//!
//! # Example
//!
//! ```
//! use std::path::Path;
//! let xml = r#"<CONSOLIDATED_LIST dateGenerated="2025-11-20T23:00:09.067Z"><INDIVIDUALS>
//!   <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>YUN</FIRST_NAME><SECOND_NAME>HO-JIN</SECOND_NAME>
//!     <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER>
//!     <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
//!     <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Yun Ho-chin</ALIAS_NAME></INDIVIDUAL_ALIAS>
//!     <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1944-10-13</DATE></INDIVIDUAL_DATE_OF_BIRTH>
//!   </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>"#;
//! let got = gazex::gazetteer::un_sc::import_bytes(Path::new("consolidated.xml"), xml.as_bytes())?;
//! let e = &got.entities[0];
//! assert_eq!(e.id, "un-KPi.001");
//! assert_eq!(e.name, "Yun Ho-Jin");
//! assert_eq!(e.name_order, Some(gazex::gazetteer::NameOrder::FamilyFirst));
//! assert_eq!(e.lists, ["UN-SC", "UN-SC:DPRK"]);
//! assert_eq!(e.aliases[0].name, "Yun Ho-chin");
//! assert_eq!(e.properties["dob"], serde_json::json!(["13 Oct 1944"]));
//! assert_eq!(e.properties["nationality"], serde_json::json!(["North Korea"]));
//! assert_eq!(got.report.data_date.as_deref(), Some("2025-11-20"));
//! # Ok::<(), gazex::gazetteer::GazetteerError>(())
//! ```

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use quick_xml::events::Event;
use quick_xml::Reader;
use regex::Regex;
use serde_json::{Map, Value};

use super::ofac::{dedup_aliases, title_case_name, ImportReport};
use super::officials::{canonical_country, label_order};
use super::{Alias, Entity, EntityType, GazetteerError, MatchPolicy, NameOrder};

/// What a UN list import produced: the entities, and a report of what was
/// read.
#[derive(Clone, Debug)]
pub struct UnImport {
    /// One entity per record, individuals first, in file order.
    pub entities: Vec<Entity>,
    /// Counts by type and alias quality, the date of the data, skipped
    /// records and facts.
    pub report: ImportReport,
}

/// The `lists` value every UN entity carries; each also carries
/// `UN-SC:<regime>`.
pub const LIST: &str = "UN-SC";

/// Imports the consolidated list from its XML file.
pub fn import(path: &Path) -> Result<UnImport, GazetteerError> {
    let bytes = std::fs::read(path).map_err(|e| GazetteerError::io(path, e))?;
    import_bytes(path, &bytes)
}

/// Imports the consolidated list from the file's contents; `path` is used
/// in errors and the report only.
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<UnImport, GazetteerError> {
    let mut report = ImportReport::default();
    let mut entities = Vec::new();
    let mut lines = super::LineCounter::new(bytes);
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut reader = Reader::from_reader(bytes);
    // Open elements, outermost first; a record's children are kept until
    // it closes, then made into an entity and dropped.
    let mut open: Vec<Element> = Vec::new();
    let mut root_seen = false;
    loop {
        let at = reader.buffer_position();
        let malformed =
            |reader: &Reader<&[u8]>, lines: &mut super::LineCounter, e: &dyn std::fmt::Display| {
                let byte = reader.error_position();
                GazetteerError::invalid(
                    path,
                    Some(lines.line_at(byte)),
                    format!("malformed XML at byte {byte}: {e}"),
                )
            };
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Err(malformed(&reader, &mut lines, &e)),
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                if !root_seen {
                    root_seen = true;
                    if name != "CONSOLIDATED_LIST" {
                        return Err(GazetteerError::invalid(
                            path,
                            Some(lines.line_at(at)),
                            format!(
                                "not a UN consolidated list: the root element is <{name}>, \
                                 not <CONSOLIDATED_LIST>"
                            ),
                        ));
                    }
                    for a in start.attributes().flatten() {
                        if a.key.as_ref() == b"dateGenerated" {
                            let v = String::from_utf8_lossy(&a.value);
                            report.data_date = Some(v.chars().take(10).collect());
                        }
                    }
                }
                open.push(Element {
                    name,
                    line: lines.line_at(at),
                    text: String::new(),
                    children: Vec::new(),
                });
                if empty {
                    close(path, &mut open, &mut entities, &mut seen, &mut report)?;
                }
            }
            Event::End(_) => close(path, &mut open, &mut entities, &mut seen, &mut report)?,
            Event::Text(t) => {
                let text = t
                    .xml10_content()
                    .map_err(|e| malformed(&reader, &mut lines, &e))?;
                if let Some(top) = open.last_mut() {
                    top.text.push_str(&text);
                }
            }
            Event::CData(t) => {
                if let Some(top) = open.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => {
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                    }
                    Err(_) => None,
                };
                let Some(text) = resolved else {
                    return Err(GazetteerError::invalid(
                        path,
                        Some(lines.line_at(at)),
                        format!("malformed XML at byte {at}: unknown entity &{name};"),
                    ));
                };
                if let Some(top) = open.last_mut() {
                    top.text.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(e) = open.first() {
        return Err(GazetteerError::invalid(
            path,
            Some(lines.line_at(bytes.len() as u64)),
            format!(
                "malformed XML at byte {}: the file ends inside <{}> (opened at line {})",
                bytes.len(),
                open.last().map_or(&e.name, |l| &l.name),
                open.last().map_or(e.line, |l| l.line)
            ),
        ));
    }
    if !root_seen {
        return Err(GazetteerError::invalid(
            path,
            None,
            "not a UN consolidated list: no XML element in the file",
        ));
    }
    report
        .sources
        .insert(super::ofac::file_label(path), entities.len());
    Ok(UnImport { entities, report })
}

/// One XML element as read: its name, 1-based line, text and children.
#[derive(Debug)]
struct Element {
    name: String,
    line: u64,
    text: String,
    children: Vec<Element>,
}

impl Element {
    /// The children named `name`.
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of the first child named `name`, whitespace collapsed;
    /// `None` when there is none or it is empty.
    fn get(&self, name: &str) -> Option<String> {
        self.all(name).find_map(|c| c.value())
    }

    /// This element's text, whitespace collapsed; `None` when empty.
    fn value(&self) -> Option<String> {
        let v = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!v.is_empty()).then_some(v)
    }

    /// The `VALUE`s of the children named `name`.
    fn values(&self, name: &str) -> Vec<String> {
        self.all(name)
            .flat_map(|c| c.all("VALUE"))
            .filter_map(Element::value)
            .collect()
    }
}

/// Closes the innermost open element: a record becomes an entity, anything
/// else a child of its parent.
fn close(
    path: &Path,
    open: &mut Vec<Element>,
    entities: &mut Vec<Entity>,
    seen: &mut HashMap<String, u64>,
    report: &mut ImportReport,
) -> Result<(), GazetteerError> {
    let Some(el) = open.pop() else { return Ok(()) };
    // A record sits at depth 3: CONSOLIDATED_LIST / INDIVIDUALS / INDIVIDUAL.
    let kind = match (open.len(), el.name.as_str()) {
        (2, "INDIVIDUAL") => Some(EntityType::Person),
        (2, "ENTITY") => Some(EntityType::Organization),
        _ => None,
    };
    let Some(kind) = kind else {
        if let Some(parent) = open.last_mut() {
            parent.children.push(el);
        }
        return Ok(());
    };
    let Some(entity) = record(path, &el, kind, report) else {
        return Ok(());
    };
    if let Some(first) = seen.insert(entity.id.clone(), el.line) {
        return Err(GazetteerError::invalid(
            path,
            Some(el.line),
            format!(
                "reference number {} appears twice (first at line {first})",
                entity.properties["un_ref"].as_str().unwrap_or("")
            ),
        ));
    }
    *report
        .records
        .entry(entity.kind.as_str().to_string())
        .or_default() += 1;
    entities.push(entity);
    Ok(())
}

/// Makes one record into an entity; `None` (reported) when it has no name
/// or no reference number.
fn record(
    path: &Path,
    el: &Element,
    kind: EntityType,
    report: &mut ImportReport,
) -> Option<Entity> {
    let person = kind == EntityType::Person;
    let Some(reference) = el.get("REFERENCE_NUMBER") else {
        report.skip(path, el.line, "record without a REFERENCE_NUMBER");
        return None;
    };
    let parts: Vec<String> = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
        .iter()
        .filter_map(|p| el.get(p))
        .collect();
    if parts.is_empty() {
        report.skip(path, el.line, format!("{reference}: record without a name"));
        return None;
    }
    let written = parts.join(" ");
    let regime = el.get("UN_LIST_TYPE");
    let mut props = Map::new();
    let text = |v: String| Value::String(v);
    let list = |v: Vec<String>| Value::Array(v.into_iter().map(Value::String).collect());

    props.insert("un_ref".into(), text(reference.clone()));
    if let Some(v) = el.get("DATAID") {
        props.insert("un_dataid".into(), text(v));
    }
    if let Some(v) = el.get("LISTED_ON") {
        props.insert("listed_on".into(), text(v));
    }

    // Dates of birth, the record's then its aliases'.
    let mut dob: Vec<String> = Vec::new();
    for d in el.all("INDIVIDUAL_DATE_OF_BIRTH") {
        match date_of_birth(d) {
            Ok(Some(v)) => dob.push(v),
            Ok(None) => {}
            Err(why) => report.skip(path, d.line, format!("{reference}: {why}")),
        }
    }
    let alias_tag = if person {
        "INDIVIDUAL_ALIAS"
    } else {
        "ENTITY_ALIAS"
    };
    for a in el.all(alias_tag) {
        if let Some(v) = a.get("DATE_OF_BIRTH").and_then(|d| format_date(&d)) {
            dob.push(v);
        }
    }
    let mut unique = std::collections::HashSet::new();
    dob.retain(|d| unique.insert(d.clone()));
    if !dob.is_empty() {
        props.insert("dob".into(), list(dob));
    }

    let places: Vec<String> = el
        .all("INDIVIDUAL_PLACE_OF_BIRTH")
        .filter_map(|p| join_present(p, &["CITY", "STATE_PROVINCE", "COUNTRY"]))
        .collect();
    if let Some((first, rest)) = places.split_first() {
        props.insert("pob".into(), text(first.clone()));
        if !rest.is_empty() {
            props.insert("pob_alt".into(), list(rest.to_vec()));
        }
    }
    let nationality: Vec<String> = el
        .values("NATIONALITY")
        .iter()
        .map(|n| country(n))
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("na"))
        .collect();
    if !nationality.is_empty() {
        props.insert("nationality".into(), list(nationality.clone()));
    }
    if let Some(v) = el.get("GENDER") {
        props.insert("gender".into(), text(v));
    }
    let designation = el.values("DESIGNATION");
    if !designation.is_empty() {
        props.insert("title".into(), text(designation.join("; ")));
    }
    let honorific = el.values("TITLE");
    if !honorific.is_empty() {
        props.insert("honorific".into(), list(honorific));
    }

    let (documents, passports) = documents(el);
    if !documents.is_empty() {
        props.insert("documents".into(), Value::Array(documents));
    }
    if !passports.is_empty() {
        props.insert("passport".into(), list(passports));
    }
    let address_tag = if person {
        "INDIVIDUAL_ADDRESS"
    } else {
        "ENTITY_ADDRESS"
    };
    let addresses: Vec<Value> = el.all(address_tag).filter_map(address).collect();
    if !addresses.is_empty() {
        props.insert("addresses".into(), Value::Array(addresses));
    }
    let remarks = el.get("COMMENTS1");
    if !person {
        let imo = remarks.as_deref().map(imo_numbers).unwrap_or_default();
        if let Some((first, rest)) = imo.split_first() {
            props.insert("imo".into(), text(first.clone()));
            if !rest.is_empty() {
                props.insert("imo_alt".into(), list(rest.to_vec()));
            }
        }
    }
    if let Some(r) = remarks {
        props.insert("remarks".into(), text(r));
    }

    let display = |name: &str| {
        if person && !name.chars().any(char::is_lowercase) {
            title_case_name(name, false)
        } else {
            name.to_string()
        }
    };
    // "AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)", "… (CAGL) ; GREAT LAKES
    // BUSINESS COMPANY (GLBC)": the name, then its other names.
    let mut written_names = split_names(&written, !person).into_iter();
    let (main, _) = written_names.next().unwrap_or((written.clone(), false));
    let mut e = Entity::new(format!("un-{reference}"), display(&main), kind);
    for (other, native) in written_names {
        let mut alias = Alias::new(display(&other));
        alias.kind = Some(if native { "native" } else { "aka" }.into());
        e.aliases.push(alias);
    }
    e.lists.push(LIST.to_string());
    if let Some(r) = &regime {
        e.lists.push(format!("{LIST}:{r}"));
    }
    if person {
        e.name_order = Some(name_order(&written, &nationality, regime.as_deref()));
    }
    for a in el.all(alias_tag) {
        let quality = a.get("QUALITY");
        let label = quality.clone().unwrap_or_else(|| "(none)".into());
        let Some(name) = a.get("ALIAS_NAME").map(|n| unquote(&n)) else {
            *report
                .aliases
                .entry(format!("{label}, empty name"))
                .or_default() += 1;
            continue;
        };
        *report.aliases.entry(label).or_default() += 1;
        for (name, native) in split_names(&name, true) {
            let mut alias = Alias::new(display(&name));
            match quality.as_deref() {
                _ if native => alias.kind = Some("native".into()),
                Some("Low") => {
                    alias.weak = true;
                    alias.kind = Some("weak-aka".into());
                }
                Some("f.k.a.") => alias.kind = Some("fka".into()),
                _ => alias.kind = Some("aka".into()),
            }
            e.aliases.push(alias);
        }
    }
    if let Some(native) = el.get("NAME_ORIGINAL_SCRIPT") {
        *report.aliases.entry("original script".into()).or_default() += 1;
        let mut alias = Alias::new(native);
        alias.kind = Some("native".into());
        e.aliases.push(alias);
    }
    e.properties = props.into();
    dedup_aliases(&mut e);
    // A name that folds to nothing matchable is kept for the record and
    // marked never to match, so loading does not warn.
    for a in &mut e.aliases {
        if super::degenerate(&a.name) {
            a.policy = MatchPolicy::Never;
        }
    }
    Some(e)
}

/// A person's name order: family first for a name written so in its
/// country (by the nationality, or North Korea for the DPRK regime when no
/// nationality is given), by the officials' rule (see
/// [`label_order`]).
fn name_order(written: &str, nationality: &[String], regime: Option<&str>) -> NameOrder {
    let dprk = [String::from("North Korea")];
    let countries = if nationality.is_empty() && regime == Some("DPRK") {
        &dprk[..]
    } else {
        nationality
    };
    let label = title_case_name(written, false);
    countries
        .iter()
        .find_map(|c| label_order(&label, c))
        .unwrap_or(NameOrder::GivenFirst)
}

/// A country as the other lists write it: the common English form, and no
/// parenthesis (`Iran (Islamic Republic of)` → `Iran`).
fn country(written: &str) -> String {
    let bare = match written.split_once(" (") {
        Some((head, _)) => head,
        None => written,
    };
    canonical_country(bare)
}

/// The names one written name or alias of the list holds, each with
/// whether it is in a script other than Latin. The list packs several into
/// one value: spellings joined by `;` (`Qasim Soleimani; Qasem
/// Sulaimani`, with `b)` before a second group), an acronym in a closing
/// parenthesis (`DAEDONG CREDIT BANK (DCB)`), the name in its own script
/// with Latin spellings in parentheses (`حسن غول (Hassan Ghul; Hasan
/// Gul)`) or the other way round (`Jin Tiesan (金铁三)`, `… (original
/// script: Абубакар)`), and notes (`(birth name)`, `(Combat Name)`,
/// `(third)`). Notes go; an acronym counts only where its letters are
/// initials of the name's words, in order (`SIG` of `SPECIAL INDUSTRIES
/// GROUP`, not `NGO` of `TOUS POUR LA PAIX ET LE DEVELOPPEMENT`). With
/// `notes` false (a person's own name parts), only `;` and acronyms split.
fn split_names(written: &str, notes: bool) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |name: &str, native: bool| {
        let n = name
            .trim()
            .trim_matches(|c: char| c == ',' || c.is_whitespace())
            .trim();
        let n = n.strip_suffix(" - sub-unit name").unwrap_or(n).trim();
        if !n.is_empty() && !out.iter().any(|(o, _)| o == n) {
            out.push((n.to_string(), native));
        }
    };
    let groups: Vec<&str> = written
        .split(" b) ")
        .flat_map(split_outside_parentheses)
        .collect();
    for group in groups {
        let group = group.trim().strip_prefix("a) ").unwrap_or(group.trim());
        let Some((head, inner)) = closing_parenthesis(group) else {
            for part in group.split(';') {
                push(part, !has_latin(part));
            }
            continue;
        };
        if let Some(native) = inner.strip_prefix("original script:") {
            push(head, !has_latin(head));
            push(native, true);
        } else if !has_latin(head) && notes {
            // The name in its own script, then Latin spellings.
            push(head, true);
            for part in inner.split(';') {
                let part = part.trim();
                if part.ends_with("(original script)") {
                    continue;
                }
                match closing_parenthesis(part) {
                    Some((h, i)) => {
                        push(h, false);
                        if acronym_of(i, h) {
                            push(i, false);
                        }
                    }
                    None => push(part, !has_latin(part)),
                }
            }
        } else if !has_latin(inner) && notes {
            push(head, false);
            push(inner, true);
        } else if acronym_of(inner, head) {
            for part in head.split(';') {
                push(part, false);
            }
            push(inner, false);
        } else if notes && !inner.contains(';') && !is_a_place(inner) {
            // A note ("birth name", "third", "previously listed as") or a
            // second spelling of one word ("Butayev (Butaev)"); not a
            // branch's country ("AL-HARAMAIN FOUNDATION (PAKISTAN)").
            push(head, false);
        } else {
            for part in group.split(';') {
                push(part, !has_latin(part));
            }
        }
    }
    out
}

/// The parts of `s` between the `;` that stand outside parentheses:
/// `A (X) ; B (Y)` gives `A (X)` and `B (Y)`, `حسن غول (Hassan Ghul;
/// Hassan Gul)` one part.
fn split_outside_parentheses(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth == 0 => {
                parts.push(&s[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[from..]);
    parts
}

/// Whether a parenthesis's text is a country or a place ("PAKISTAN",
/// "UNION OF THE COMOROS", "HONG KONG").
fn is_a_place(inner: &str) -> bool {
    let folded = crate::normalize::fold_name(inner);
    crate::names::is_place(&folded)
        || !matches!(
            crate::names::country_cues(&canonical_country(inner), false),
            std::borrow::Cow::Owned(_)
        )
}

/// `head (inner)` where the value ends with a parenthesis that opens
/// after some text: the text before it and the parenthesis's content.
fn closing_parenthesis(s: &str) -> Option<(&str, &str)> {
    let s = s.trim().trim_end_matches(',').trim_end();
    let body = s.strip_suffix(')')?;
    // The matching "(" of the last ")".
    let mut depth = 0;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                let head = body[..i].trim();
                return (!head.is_empty()).then(|| (head, body[i + 1..].trim()));
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Whether the text holds a Latin letter.
fn has_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic())
}

/// Whether `acronym` (`AQAP`, `ISIL-K`, `LRM/A`, `JuA`) is one of `name`:
/// one word of letters (and `-`, `/`), at least two of them capitals,
/// whose letters are initials of the name's words in order (words split at
/// spaces, hyphens and apostrophes).
fn acronym_of(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    if letters.len() < 2
        || !acronym
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '/')
        || acronym.chars().filter(|c| c.is_uppercase()).count() < 2
    {
        return false;
    }
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '/'))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    if initials.first() != letters.first() {
        return false;
    }
    let mut it = initials.iter();
    letters.iter().all(|l| it.any(|i| i == l))
}

/// An alias without enclosing double quotes (`"KOMID"`, `“KOMID”`).
fn unquote(name: &str) -> String {
    let t = name.trim();
    for (open, close) in [('"', '"'), ('“', '”')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains(open) && !inner.trim().is_empty() {
                return inner.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// The present parts of `el` among `names`, joined by `, `.
fn join_present(el: &Element, names: &[&str]) -> Option<String> {
    let parts: Vec<String> = names.iter().filter_map(|n| el.get(n)).collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// An address as OFAC's: `address`, `city`, `country`, `remarks`.
fn address(el: &Element) -> Option<Value> {
    let mut obj = Map::new();
    for (key, value) in [
        ("address", el.get("STREET")),
        (
            "city",
            join_present(el, &["CITY", "STATE_PROVINCE", "ZIP_CODE"]),
        ),
        ("country", el.get("COUNTRY")),
        ("remarks", el.get("NOTE")),
    ] {
        if let Some(v) = value {
            obj.insert(key.into(), Value::String(v));
        }
    }
    (!obj.is_empty()).then_some(Value::Object(obj))
}

/// The documents of a record, and the numbers of those that are passports.
fn documents(el: &Element) -> (Vec<Value>, Vec<String>) {
    let mut docs = Vec::new();
    let mut passports = Vec::new();
    for d in el.all("INDIVIDUAL_DOCUMENT") {
        let mut obj = Map::new();
        for (tag, key) in [
            ("TYPE_OF_DOCUMENT", "type"),
            ("TYPE_OF_DOCUMENT2", "type_detail"),
            ("NUMBER", "number"),
            ("ISSUING_COUNTRY", "issuing_country"),
            ("COUNTRY_OF_ISSUE", "country_of_issue"),
            ("CITY_OF_ISSUE", "city_of_issue"),
            ("DATE_OF_ISSUE", "date_of_issue"),
            ("NOTE", "note"),
        ] {
            if let Some(v) = d.get(tag) {
                obj.insert(key.into(), Value::String(v));
            }
        }
        if obj.is_empty() {
            continue;
        }
        let passport = d.get("TYPE_OF_DOCUMENT").is_some_and(|t| {
            let t = t.to_lowercase();
            ["passport", "passeport", "pasaporte"]
                .iter()
                .any(|w| t.contains(w))
        });
        if let (true, Some(n)) = (passport, d.get("NUMBER")) {
            passports.push(n);
        }
        docs.push(Value::Object(obj));
    }
    (docs, passports)
}

/// The IMO numbers a text gives (`IMO number: 5342883`, `International
/// Maritime Organization (IMO) Number: 1790183`, `Company Number IMO
/// 5434358`): seven digits after `IMO` and at most a few words.
fn imo_numbers(text: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\bIMO\b\)?(?:\s*(?:[Nn]umber|[Nn]o\.?))?\s*:?\s*(\d{7})\b")
            .expect("valid IMO pattern")
    });
    let mut out: Vec<String> = Vec::new();
    for c in re.captures_iter(text) {
        let n = c[1].to_string();
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `1978-04-28` as OFAC writes dates: `28 Apr 1978`.
fn format_date(iso: &str) -> Option<String> {
    let mut it = iso.trim().splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let d = d.get(..2).unwrap_or(d);
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?;
    let day: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some(format!("{day:02} {month} {y}"))
}

/// The month a word names (`Nov.`, `August`, `Sep`), as OFAC abbreviates it.
fn month(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    (w.len() >= 3)
        .then(|| {
            MONTHS
                .iter()
                .find(|m| w.starts_with(&m.to_ascii_lowercase()))
                .copied()
        })
        .flatten()
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// One `INDIVIDUAL_DATE_OF_BIRTH`, in OFAC's forms (see the module docs);
/// `Ok(None)` when it gives no date, `Err` with the reason when it gives
/// one gazex cannot read.
fn date_of_birth(d: &Element) -> Result<Option<String>, String> {
    let kind = d
        .get("TYPE_OF_DATE")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let note = d.get("NOTE");
    let approximate = kind == "APPROXIMATELY"
        || note
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case("approximately"));
    let circa = |s: String| {
        if approximate {
            format!("circa {s}")
        } else {
            s
        }
    };
    if let (Some(from), Some(to)) = (d.get("FROM_YEAR"), d.get("TO_YEAR")) {
        if !is_year(&from) || !is_year(&to) {
            return Err(format!("date of birth not understood: {from} to {to}"));
        }
        return Ok(Some(if approximate {
            format!("circa {from}-{to}")
        } else {
            format!("{from} to {to}")
        }));
    }
    if let Some(date) = d.get("DATE") {
        return format_date(&date)
            .map(|s| Some(circa(s)))
            .ok_or_else(|| format!("date of birth not understood: {date}"));
    }
    if let Some(year) = d.get("YEAR") {
        if !is_year(&year) {
            return Err(format!("date of birth not understood: {year}"));
        }
        // A month may be in the note (`Sep.`).
        let m = note.as_deref().and_then(month);
        return Ok(Some(circa(match m {
            Some(m) => format!("{m} {year}"),
            None => year,
        })));
    }
    let Some(note) = note else { return Ok(None) };
    // Only a note: `Nov. 1973`, `Between Aug. and Sep. 1977`.
    let words: Vec<&str> = note.split_whitespace().collect();
    match words.as_slice() {
        [m, y] if is_year(y) => {
            if let Some(m) = month(m) {
                return Ok(Some(circa(format!("{m} {y}"))));
            }
        }
        [b, m1, a, m2, y] if b.eq_ignore_ascii_case("between") && *a == "and" && is_year(y) => {
            if let (Some(m1), Some(m2)) = (month(m1), month(m2)) {
                return Ok(Some(format!("{m1} {y} to {m2} {y}")));
            }
        }
        _ => {}
    }
    Err(format!("date of birth not understood: {note:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn xml(individuals: &str, entities: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2025-11-20T23:00:09.067Z\">\n<INDIVIDUALS>{individuals}</INDIVIDUALS>\n<ENTITIES>{entities}</ENTITIES>\n</CONSOLIDATED_LIST>\n"
        )
    }

    fn run(individuals: &str, entities: &str) -> UnImport {
        import_bytes(Path::new("un.xml"), xml(individuals, entities).as_bytes()).unwrap()
    }

    fn person(inner: &str) -> String {
        format!(
            "<INDIVIDUAL><DATAID>9</DATAID><FIRST_NAME>ABU</FIRST_NAME><SECOND_NAME>BAKR</SECOND_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>{inner}</INDIVIDUAL>"
        )
    }

    fn dob(inner: &str) -> String {
        format!("<INDIVIDUAL_DATE_OF_BIRTH>{inner}</INDIVIDUAL_DATE_OF_BIRTH>")
    }

    #[test]
    fn dates_of_birth_in_ofac_forms() {
        #[rustfmt::skip]
        let table: &[(&str, &str, Option<&str>)] = &[
            ("full", "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1978-04-28</DATE>", Some("28 Apr 1978")),
            ("year", "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1971</YEAR>", Some("1971")),
            ("approximate year", "<TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1966</YEAR>", Some("circa 1966")),
            ("between", "<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1973</FROM_YEAR><TO_YEAR>1974</TO_YEAR>", Some("1973 to 1974")),
            ("between, approximately", "<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1955</FROM_YEAR><TO_YEAR>1958</TO_YEAR><NOTE>Approximately </NOTE>", Some("circa 1955-1958")),
            ("month in the note", "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973 </NOTE>", Some("Nov 1973")),
            ("month beside the year", "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1958</YEAR><NOTE>Sep.</NOTE>", Some("Sep 1958")),
            ("two months", "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Between Aug. and Sep. 1977</NOTE>", Some("Aug 1977 to Sep 1977")),
            ("a date and a note", "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1979-03-03</DATE><NOTE>from false passport</NOTE>", Some("03 Mar 1979")),
            ("nothing", "<TYPE_OF_DATE/>", None),
        ];
        for (name, inner, want) in table {
            let got = run(&person(&dob(inner)), "");
            assert_eq!(
                got.entities[0].properties.get("dob"),
                want.map(|w| json!([w])).as_ref(),
                "{name}"
            );
            assert!(got.report.skipped.is_empty(), "{name}");
        }
        let got = run(
            &person(&dob(
                "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>24/06/1402 (Hijri Calendar)</NOTE>",
            )),
            "",
        );
        assert!(!got.entities[0].properties.contains_key("dob"));
        assert_eq!(got.report.skipped.len(), 1);
        assert!(got.report.skipped[0].reason.contains("Hijri"));
        assert_eq!(got.report.skipped[0].line, 3);
    }

    #[test]
    fn several_dates_of_birth_are_all_kept() {
        let inner = [
            dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1964-01-01</DATE>"),
            dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1963</YEAR>"),
            dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1964-01-01</DATE>"),
            "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu B</ALIAS_NAME><DATE_OF_BIRTH>1965-02-03</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>".to_string(),
        ]
        .concat();
        let got = run(&person(&inner), "");
        assert_eq!(
            got.entities[0].properties["dob"],
            json!(["01 Jan 1964", "1963", "03 Feb 1965"])
        );
    }

    #[test]
    fn aliases_by_quality() {
        let alias = |q: &str, n: &str| {
            format!("<INDIVIDUAL_ALIAS><QUALITY>{q}</QUALITY><ALIAS_NAME>{n}</ALIAS_NAME></INDIVIDUAL_ALIAS>")
        };
        let inner = [
            alias("Good", "ABU BAKR AL-BAGHDADI"),
            alias("Low", "Abu Du'a"),
            alias("", "Ibrahim Awwad"),
            alias("", ""),
            "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>".to_string(),
            "<NAME_ORIGINAL_SCRIPT>أبو بكر</NAME_ORIGINAL_SCRIPT>".to_string(),
        ]
        .concat();
        let got = run(&person(&inner), "");
        let e = &got.entities[0];
        assert_eq!(e.name, "Abu Bakr");
        assert_eq!(e.name_order, Some(NameOrder::GivenFirst));
        let got_aliases: Vec<(&str, bool, Option<&str>)> = e
            .aliases
            .iter()
            .map(|a| (a.name.as_str(), a.weak, a.kind.as_deref()))
            .collect();
        assert_eq!(
            got_aliases,
            [
                ("Abu Bakr Al-Baghdadi", false, Some("aka")),
                ("Abu Du'a", true, Some("weak-aka")),
                ("Ibrahim Awwad", false, Some("aka")),
                ("أبو بكر", false, Some("native")),
            ]
        );
        let r = &got.report.aliases;
        assert_eq!(r["Good"], 1);
        assert_eq!(r["Low"], 1);
        assert_eq!(r["(none)"], 1);
        assert_eq!(r["(none), empty name"], 2);
        assert_eq!(r["original script"], 1);
    }

    #[test]
    fn entities_keep_their_case_and_quotes_go() {
        let entity = r#"<ENTITY><DATAID>7</DATAID><FIRST_NAME>KOREA MINING DEVELOPMENT TRADING CORPORATION </FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.001</REFERENCE_NUMBER><COMMENTS1>Primary arms dealer. IMO number: 5342883. Also Company Number IMO 5434358.</COMMENTS1>
          <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>"KOMID"</ALIAS_NAME></ENTITY_ALIAS>
          <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>CHANGGWANG SINYONG CORPORATION</ALIAS_NAME></ENTITY_ALIAS>
          <ENTITY_ADDRESS><STREET>Central District</STREET><CITY>Pyongyang</CITY><COUNTRY>Democratic People's Republic of Korea</COUNTRY></ENTITY_ADDRESS></ENTITY>"#;
        let got = run("", entity);
        let e = &got.entities[0];
        assert_eq!(e.kind, EntityType::Organization);
        assert_eq!(e.name, "KOREA MINING DEVELOPMENT TRADING CORPORATION");
        assert_eq!(e.name_order, None);
        assert_eq!(e.aliases[0].name, "KOMID");
        assert_eq!(e.aliases[1].kind.as_deref(), Some("fka"));
        assert_eq!(e.properties["imo"], "5342883");
        assert_eq!(e.properties["imo_alt"], json!(["5434358"]));
        assert_eq!(
            e.properties["addresses"],
            json!([{"address": "Central District", "city": "Pyongyang", "country": "Democratic People's Republic of Korea"}])
        );
        assert_eq!(got.report.records["organization"], 1);
    }

    #[test]
    fn person_facts() {
        let inner = r#"<THIRD_NAME> </THIRD_NAME><GENDER>Male</GENDER><LISTED_ON>2014-09-23</LISTED_ON>
          <TITLE><VALUE>Haji</VALUE></TITLE><DESIGNATION><VALUE>Leader of a
             group</VALUE><VALUE>Emir</VALUE></DESIGNATION>
          <NATIONALITY><VALUE>Iran (Islamic Republic of)</VALUE><VALUE>na</VALUE></NATIONALITY>
          <INDIVIDUAL_PLACE_OF_BIRTH><CITY>Samarra</CITY><COUNTRY>Iraq</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>
          <INDIVIDUAL_PLACE_OF_BIRTH><COUNTRY/></INDIVIDUAL_PLACE_OF_BIRTH>
          <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>A 123456 </NUMBER><ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
          <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT><NUMBER>77</NUMBER></INDIVIDUAL_DOCUMENT>
          <INDIVIDUAL_DOCUMENT/>"#;
        let got = run(&person(inner), "");
        let e = &got.entities[0];
        assert_eq!(e.id, "un-QDi.999");
        assert_eq!(e.lists, ["UN-SC", "UN-SC:Al-Qaida"]);
        let p = &e.properties;
        assert_eq!(p["un_ref"], "QDi.999");
        assert_eq!(p["un_dataid"], "9");
        assert_eq!(p["listed_on"], "2014-09-23");
        assert_eq!(p["gender"], "Male");
        assert_eq!(p["honorific"], json!(["Haji"]));
        assert_eq!(p["title"], "Leader of a group; Emir");
        assert_eq!(p["nationality"], json!(["Iran"]));
        assert_eq!(p["pob"], "Samarra, Iraq");
        assert!(!p.contains_key("pob_alt"));
        assert_eq!(p["passport"], json!(["A 123456"]));
        assert_eq!(p["documents"].as_array().unwrap().len(), 2);
        assert!(!p.contains_key("imo"), "persons carry no IMO number");
    }

    #[test]
    fn korean_names_are_family_first() {
        let korean = |nationality: &str| {
            format!("<INDIVIDUAL><FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>KWANG-IL</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.1</REFERENCE_NUMBER>{nationality}</INDIVIDUAL>")
        };
        let order = |inner: &str| run(inner, "").entities[0].name_order;
        assert_eq!(order(&korean("")), Some(NameOrder::FamilyFirst));
        assert_eq!(
            order(&korean(
                "<NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>"
            )),
            Some(NameOrder::FamilyFirst)
        );
        assert_eq!(
            order(&korean(
                "<NATIONALITY><VALUE>Russian Federation</VALUE></NATIONALITY>"
            )),
            Some(NameOrder::GivenFirst)
        );
    }

    #[test]
    fn records_without_name_or_reference_are_skipped() {
        let got = run(
            "<INDIVIDUAL><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER><FIRST_NAME> </FIRST_NAME></INDIVIDUAL>\n<INDIVIDUAL><FIRST_NAME>X Y</FIRST_NAME></INDIVIDUAL>",
            "",
        );
        assert!(got.entities.is_empty());
        let reasons: Vec<(u64, &str)> = got
            .report
            .skipped
            .iter()
            .map(|s| (s.line, s.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                (3, "QDi.1: record without a name"),
                (4, "record without a REFERENCE_NUMBER")
            ]
        );
    }

    #[test]
    fn errors_name_the_file_line_and_byte() {
        let err = |text: &str| {
            import_bytes(Path::new("un.xml"), text.as_bytes())
                .unwrap_err()
                .to_string()
        };
        // A mismatched end tag on line 3.
        let text = "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL></ENTITY>\n</INDIVIDUALS></CONSOLIDATED_LIST>";
        let e = err(text);
        assert!(e.starts_with("un.xml:3: malformed XML at byte "), "{e}");
        assert!(e.contains("ENTITY"), "{e}");
        // Cut short.
        let e = err("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>");
        assert!(e.starts_with("un.xml:3: malformed XML at byte "), "{e}");
        assert!(e.contains("INDIVIDUAL"), "{e}");
        let e = err("<sdnList>\n</sdnList>");
        assert_eq!(
            e,
            "un.xml:1: not a UN consolidated list: the root element is <sdnList>, not <CONSOLIDATED_LIST>"
        );
        let e = err("<CONSOLIDATED_LIST>&nbsp;</CONSOLIDATED_LIST>");
        assert!(e.contains("unknown entity &nbsp;"), "{e}");
        let twice = person("").repeat(2);
        let e = err(&xml(&twice, ""));
        assert!(
            e.starts_with("un.xml:3: reference number QDi.999 appears twice (first at line 3)"),
            "{e}"
        );
    }

    #[test]
    fn entities_and_char_refs_are_decoded() {
        let got = run(
            "",
            "<ENTITY><FIRST_NAME>A &amp; B &#x2019;S</FIRST_NAME><REFERENCE_NUMBER>QDe.1</REFERENCE_NUMBER></ENTITY>",
        );
        assert_eq!(got.entities[0].name, "A & B ’S");
    }

    #[test]
    fn packed_names_are_split() {
        let got = |w: &str| split_names(w, true);
        let latin = |v: &[&str]| v.iter().map(|n| (n.to_string(), false)).collect::<Vec<_>>();
        assert_eq!(
            got("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet; M. Jawad Karimi Sabet"),
            latin(&[
                "Mohammed Sabet",
                "Mohammad Sabet",
                "M. Javad Kareemi Sabet",
                "M. Jawad Karimi Sabet"
            ])
        );
        assert_eq!(
            got("DAEDONG CREDIT BANK (DCB)"),
            latin(&["DAEDONG CREDIT BANK", "DCB"])
        );
        assert_eq!(
            got("COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)"),
            latin(&[
                "COMPAGNIE AERIENNE DES GRANDS LACS",
                "CAGL",
                "GREAT LAKES BUSINESS COMPANY",
                "GLBC"
            ])
        );
        // A branch's country stays in its name.
        assert_eq!(
            got("AL-HARAMAYN FOUNDATION (KENYA)"),
            latin(&["AL-HARAMAYN FOUNDATION (KENYA)"])
        );
        assert_eq!(
            got("AL-HARAMAIN FOUNDATION (UNION OF THE COMOROS)"),
            latin(&["AL-HARAMAIN FOUNDATION (UNION OF THE COMOROS)"])
        );
        assert_eq!(
            got("Al-Qaida in the Arabian Peninsula (AQAP)"),
            latin(&["Al-Qaida in the Arabian Peninsula", "AQAP"])
        );
        assert_eq!(
            got("Mouvement pour l’Unification et le Jihad en Afrique de l’Ouest (MUJAO)"),
            latin(&[
                "Mouvement pour l’Unification et le Jihad en Afrique de l’Ouest",
                "MUJAO"
            ])
        );
        // Not initials of the name: a note, dropped.
        assert_eq!(
            got("TOUS POUR LA PAIX ET LE DEVELOPPEMENT (NGO)"),
            latin(&["TOUS POUR LA PAIX ET LE DEVELOPPEMENT"])
        );
        assert_eq!(
            got("Encep Nurjaman (birth name)"),
            latin(&["Encep Nurjaman"])
        );
        assert_eq!(
            got("SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)"),
            latin(&["SECOND ACADEMY OF NATURAL SCIENCES"])
        );
        assert_eq!(
            got("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)"),
            vec![
                ("حسن غول".to_string(), true),
                ("Hassan Ghul".to_string(), false),
                ("Hassan Gul".to_string(), false),
                ("Hasan Gul".to_string(), false)
            ]
        );
        assert_eq!(
            got("Jin Tiesan (金铁三)"),
            vec![
                ("Jin Tiesan".to_string(), false),
                ("金铁三".to_string(), true)
            ]
        );
        assert_eq!(
            got("Abubakar (original script: Абубакар)"),
            vec![
                ("Abubakar".to_string(), false),
                ("Абубакар".to_string(), true)
            ]
        );
        assert_eq!(
            // ("ASL", Ansar al-Sharia in Libya, is no acronym of the
            // French spelling: a note.)
            got("أنصار الشريعة بليبيا (Ansar al Charia in Libya (ASL))"),
            vec![
                ("أنصار الشريعة بليبيا".to_string(), true),
                ("Ansar al Charia in Libya".to_string(), false)
            ]
        );
        // A place in a name stays.
        assert_eq!(
            got("Leader (Hong Kong) International Trading Limited"),
            latin(&["Leader (Hong Kong) International Trading Limited"])
        );
        // A person's own name parts: only acronyms and ";" split.
        assert_eq!(
            split_names("AL-HARAMAIN FOUNDATION (PAKISTAN)", false),
            latin(&["AL-HARAMAIN FOUNDATION (PAKISTAN)"])
        );
    }

    #[test]
    fn imo_numbers_in_text() {
        assert_eq!(
            imo_numbers(
                "International Maritime Organization (IMO) Number: 1790183. IMO number: 5342883"
            ),
            ["1790183", "5342883"]
        );
        assert!(imo_numbers("IMO 12345678 and IMOX 1234567").is_empty());
    }
}
