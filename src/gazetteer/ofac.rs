//! The OFAC SDN list in its legacy CSV files: `sdn.csv`, `alt.csv`, `add.csv`.
//!
//! These are the files the US Treasury's Office of Foreign Assets Control
//! publishes beside its XML; researchers download them the morning they work
//! and gazex reads them as published.
//!
//! # The files
//!
//! All three are comma-separated with double-quoted text and **no header
//! row**, `-0-` (often followed by a space) for an empty field, encoded in
//! Windows-1252 (a UTF-8 byte-order mark, if a future file has one, switches
//! decoding to UTF-8), with CRLF line ends and a last line holding a single
//! Ctrl-Z byte (`0x1A`), which is skipped.
//!
//! | file | columns | becomes |
//! |---|---|---|
//! | `sdn.csv` | `ent_num`, `SDN_Name`, `SDN_Type`, `Program`, `Title`, `Call_Sign`, `Vess_type`, `Tonnage`, `GRT`, `Vess_flag`, `Vess_owner`, `Remarks` | one [`Entity`] per row |
//! | `alt.csv` | `ent_num`, `alt_num`, `alt_type` (`aka`, `fka`, `nka`), `alt_name`, `alt_remarks` | strong [`Alias`]es |
//! | `add.csv` | `ent_num`, `add_num`, `address`, `city/state/postal`, `country`, `add_remarks` | the `addresses` property |
//!
//! `alt.csv` and `add.csv` are optional. Their rows are joined to `sdn.csv`
//! by `ent_num`; a row naming an `ent_num` with no record (files downloaded
//! on different days) is counted in [`ImportReport::orphan_aliases`] or
//! [`ImportReport::orphan_addresses`] and otherwise ignored: a stale file
//! should cost a researcher a warning, not the morning. A row with the wrong
//! number of fields or a non-numeric `ent_num` is an error naming the file
//! and the line.
//!
//! # The entities
//!
//! | field | from |
//! |---|---|
//! | `id` | `ofac-<ent_num>` |
//! | `type` | `SDN_Type`: `individual` → `person`, `vessel`, `aircraft`, `-0-` → `organization` |
//! | `lists` | `Program` split on `] [` (`SDGT] [SYRIA` → `["SDGT", "SYRIA"]`) |
//! | `name` | individuals: `LAST, First Middle` → `First Middle Last` (see below); others as written |
//! | `aliases` | the original `LAST, First` form; `alt.csv` names (`kind` = `aka`/`fka`/`nka`, individuals' also converted); weak aliases from the remarks |
//! | `title`, `call_sign`, `vessel_type`, `tonnage`, `grt`, `vessel_flag`, `vessel_owner` | the column of that name, when not empty |
//! | `addresses` | `add.csv` rows: objects with `address`, `city`, `country`, `remarks` (each only when present) |
//! | `remarks` | the raw `Remarks` field |
//! | `dob` | list: `DOB …` and `alt. DOB …`, as written (`07 Oct 1952`, `circa 1960`) |
//! | `pob`, `pob_alt` | first `POB …`; later and `alt. POB …` values |
//! | `nationality`, `citizenship` | lists: `nationality …`, `citizen …` (and their `alt.` forms) |
//! | `gender` | `Gender …` |
//! | `imo`, `imo_alt` | the first IMO number (`Vessel Registration Identification IMO …`, `Identification Number IMO …`, `Company Number IMO …`), then any others |
//! | `passport` | list: the numbers of `Passport …`, `alt. Passport …` and `Diplomatic Passport …`, without the country or dates that follow (`Passport A0002987 (Iran)` → `A0002987`) |
//! | `linked_to`, `linked_to_ids` | names after `Linked To:`; the ids of those that name exactly one record of the file |
//! | `relatives` | list: the names of relatives the remarks give (`son of Slobodan Milosevic`, `Saddam Hussein al-Tikriti's second son`, `half-brother of …`, `wife of …`) |
//! | `remarks_truncated` | `true` when the remarks are 1,000 characters or more: OFAC cuts the field there, so its last fact is not trusted and not parsed |
//!
//! Remarks are split on `"; "`. Quoted weak aliases could in principle hold
//! that sequence, but their quotes cannot be used to protect it (names such
//! as `'ABU-'UMAR'` contain apostrophes), and no published row does.
//!
//! # Weak aliases
//!
//! OFAC's low-quality aliases live in the remarks as `a.k.a. 'X'` (also
//! `f.k.a.` and `n.k.a.`). They become aliases with `weak: true` and `kind`
//! `weak-aka` (`weak-fka`, `weak-nka`). gazex never matches a weak alias on
//! its own by default: among them are `'SAID'`, `'LUCAS'` and `'42'`.
//!
//! # Person names and name order
//!
//! OFAC writes individuals `LAST, First Middle[, Suffix]` with the family
//! name in upper case. The display name is the press's order, the family
//! name in title case (`MKRTYCHEV, Ashot` → `Ashot Mkrtychev`, `MCGILL` →
//! `McGill`, `O'REILLY` → `O'Reilly`, `DE LA CRUZ` → `de la Cruz`), and the
//! original form is kept as an alias. Korean, Chinese and Vietnamese names
//! are written family name first, in the press as at home (`Kim Jong Un`,
//! `Xi Jinping`, `Nguyen Phu Trong`), so the order is decided per record
//! from the evidence the record gives:
//!
//! The countries are the record's nationalities and citizenships, or its
//! places of birth when it gives neither (a Russian national born in
//! Dalian keeps a Russian name). Then:
//!
//! - **family first** when a country is North or South Korea; or mainland
//!   China or Vietnam and the family name is a common Chinese, Korean or
//!   Vietnamese one (`HAQ, Abdul`, a Uyghur name, stays given-first); or
//!   Hong Kong, Macau, Taiwan, Singapore, Malaysia or Cambodia, the family
//!   name is a common Chinese/Korean/Vietnamese one *and* the given name is
//!   written in syllables (`TAM, Yiu-chung`, `CHENG, Hung Man`); or when the
//!   remarks name no country, the record is tied to North Korea (a `DPRK*`
//!   program, or remarks citing the North Korea Sanctions Regulations) and
//!   the family name is a common Korean one (`KIM, Jong Un`, whose record
//!   gives only a date of birth; `KIM, Chol Nam` under NPWMD).
//! - **unsure** — given-first display, plus the family-first form as an
//!   alias marked `"order": "family_first"` — when the family name is a
//!   common East Asian one but the evidence above is missing or mixed:
//!   `LAM, Carrie` of Hong Kong is "Carrie Lam" in the press, `KIM, Kun` of
//!   Cambodia is "Kun Kim"; with no country or another country, when the
//!   given name is written in syllables (`MAO, Yu Hua`). Also a mainland
//!   Chinese record whose given name is a family name (`XIANHUA, Qin`: OFAC
//!   swapped the parts).
//! - **given first** otherwise, including Japanese names, which the English
//!   press still mostly writes given name first. (Vietnamese names are
//!   written family first by the press too, `Nguyen Phu Trong`, `To Lam`,
//!   though later mentions use the given name; the display follows the
//!   full form.)
//!
//! Aliases from `alt.csv` in `LAST, First` form are converted the same way
//! as the record's name, and kept as written too.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;
use serde_json::{json, Value};

use super::{Alias, Entity, EntityType, GazetteerError, NameOrder};

/// What an OFAC import produced: the entities, and a report of what was read.
#[derive(Clone, Debug)]
pub struct OfacImport {
    /// One entity per `sdn.csv` record, in file order.
    pub entities: Vec<Entity>,
    /// Counts, orphans and skipped rows.
    pub report: ImportReport,
}

/// What an importer read, joined, skipped and merged.
///
/// Nothing here stopped the import; it is what a user should see to trust
/// (or distrust) the result. `Display` prints it as a few readable lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Entities produced, by type name (`person`, `organization`, …).
    pub records: BTreeMap<String, usize>,
    /// Records or rows read per source (`sdn.csv`, `official:us-congress`, …).
    pub sources: BTreeMap<String, usize>,
    /// Aliases read, by kind: `aka`, `fka`, `nka` (every `alt.csv` row,
    /// orphans included), `weak-aka`, `weak-fka`, `weak-nka` (from remarks);
    /// for the UN list, by its quality label (`Good`, `Low`, `a.k.a.`,
    /// `f.k.a.`, `(none)`; `…, empty name` for an alias element with no
    /// name) and `original script`.
    pub aliases: BTreeMap<String, usize>,
    /// Alias rows whose `ent_num` has no record.
    pub orphan_aliases: usize,
    /// Address rows whose `ent_num` has no record.
    pub orphan_addresses: usize,
    /// Records whose remarks hit OFAC's 1,000-character limit.
    pub truncated_remarks: usize,
    /// Records merged into an entity found earlier (officials found in
    /// several lists).
    pub merged: usize,
    /// Rows or facts left out, each with its place and reason.
    pub skipped: Vec<Skipped>,
    /// The date of the data, when the source states it (the UN list's
    /// `dateGenerated`, `YYYY-MM-DD`).
    pub data_date: Option<String>,
}

/// A row (or part of one) an importer left out, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line, or record number for formats without lines.
    pub line: u64,
    /// Why, as a short sentence.
    pub reason: String,
}

impl ImportReport {
    /// Total entities produced.
    pub fn total_records(&self) -> usize {
        self.records.values().sum()
    }

    pub(crate) fn skip(&mut self, path: &Path, line: u64, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            path: path.to_path_buf(),
            line,
            reason: reason.into(),
        });
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |m: &BTreeMap<String, usize>| {
            m.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            f,
            "{} entities ({})",
            self.total_records(),
            join(&self.records)
        )?;
        if !self.sources.is_empty() {
            writeln!(f, "read: {}", join(&self.sources))?;
        }
        if let Some(date) = &self.data_date {
            writeln!(f, "data of: {date}")?;
        }
        if !self.aliases.is_empty() {
            writeln!(f, "aliases: {}", join(&self.aliases))?;
        }
        if self.orphan_aliases + self.orphan_addresses > 0 {
            writeln!(
                f,
                "orphan rows (no such ent_num in sdn.csv): {} aliases, {} addresses",
                self.orphan_aliases, self.orphan_addresses
            )?;
        }
        if self.truncated_remarks > 0 {
            writeln!(
                f,
                "{} records with remarks cut at 1,000 characters (last fact not parsed)",
                self.truncated_remarks
            )?;
        }
        if self.merged > 0 {
            writeln!(
                f,
                "{} records merged into entities from other lists",
                self.merged
            )?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "{} rows or facts skipped:", self.skipped.len())?;
            for s in self.skipped.iter().take(20) {
                writeln!(f, "  {}:{}: {}", s.path.display(), s.line, s.reason)?;
            }
            if self.skipped.len() > 20 {
                writeln!(f, "  … and {} more", self.skipped.len() - 20)?;
            }
        }
        Ok(())
    }
}

/// Imports an SDN list from its CSV files; `alt` and `add` are optional.
pub fn import(
    sdn: &Path,
    alt: Option<&Path>,
    add: Option<&Path>,
) -> Result<OfacImport, GazetteerError> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| GazetteerError::io(p, e));
    let sdn_bytes = read(sdn)?;
    let alt_bytes = alt.map(read).transpose()?;
    let add_bytes = add.map(read).transpose()?;
    import_bytes(
        (sdn, &sdn_bytes),
        alt.zip(alt_bytes.as_deref()),
        add.zip(add_bytes.as_deref()),
    )
}

/// Imports the SDN files found in a folder: `sdn.csv` (required), `alt.csv`
/// and `add.csv` (optional), names matched case-insensitively.
pub fn import_dir(dir: &Path) -> Result<OfacImport, GazetteerError> {
    let mut found: HashMap<String, PathBuf> = HashMap::new();
    let entries = std::fs::read_dir(dir).map_err(|e| GazetteerError::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| GazetteerError::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
        if matches!(name.as_str(), "sdn.csv" | "alt.csv" | "add.csv") {
            found.insert(name, entry.path());
        }
    }
    let sdn = found.get("sdn.csv").ok_or_else(|| {
        GazetteerError::invalid(
            dir,
            None,
            "no sdn.csv in this folder (OFAC legacy CSV files)",
        )
    })?;
    import(
        sdn,
        found.get("alt.csv").map(PathBuf::as_path),
        found.get("add.csv").map(PathBuf::as_path),
    )
}

/// Imports an SDN list from file contents already in memory; each path is
/// used in errors and the report only.
pub fn import_bytes(
    sdn: (&Path, &[u8]),
    alt: Option<(&Path, &[u8])>,
    add: Option<(&Path, &[u8])>,
) -> Result<OfacImport, GazetteerError> {
    let mut report = ImportReport::default();
    let sdn_rows = read_rows(sdn.0, sdn.1, 12)?;
    report.sources.insert(file_label(sdn.0), sdn_rows.len());

    let mut entities = Vec::with_capacity(sdn_rows.len());
    let mut by_num: HashMap<u64, usize> = HashMap::new();
    let mut orders = Vec::with_capacity(sdn_rows.len());
    let mut raw_names = Vec::with_capacity(sdn_rows.len());
    for row in &sdn_rows {
        let num = ent_num(sdn.0, row)?;
        let (entity, order) = record(sdn.0, row, num, &mut report);
        *report
            .records
            .entry(entity.kind.as_str().to_string())
            .or_default() += 1;
        if by_num.insert(num, entities.len()).is_some() {
            return Err(GazetteerError::invalid(
                sdn.0,
                Some(row.line),
                format!("ent_num {num} appears twice"),
            ));
        }
        raw_names.push(row.get(1).unwrap_or("").to_string());
        entities.push(entity);
        orders.push(order);
    }

    if let Some((path, bytes)) = alt {
        let rows = read_rows(path, bytes, 5)?;
        report.sources.insert(file_label(path), rows.len());
        for row in &rows {
            let num = ent_num(path, row)?;
            let kind = row.get(2).unwrap_or("aka").to_ascii_lowercase();
            *report.aliases.entry(kind.clone()).or_default() += 1;
            let Some(&i) = by_num.get(&num) else {
                report.orphan_aliases += 1;
                continue;
            };
            let Some(name) = row.get(3) else {
                report.skip(path, row.line, "alias row with an empty alt_name");
                continue;
            };
            let e = &mut entities[i];
            if e.kind == EntityType::Person {
                if let Some(parts) = PersonName::split(name) {
                    let mut a = Alias::new(parts.display(orders[i].display()));
                    a.kind = Some(kind.clone());
                    a.order = Some(orders[i].display());
                    e.aliases.push(a);
                    if orders[i] == Decision::Unsure {
                        let mut b = Alias::new(parts.display(NameOrder::FamilyFirst));
                        b.kind = Some(kind.clone());
                        b.order = Some(NameOrder::FamilyFirst);
                        e.aliases.push(b);
                    }
                }
            }
            let mut a = Alias::new(name);
            a.kind = Some(kind);
            e.aliases.push(a);
        }
    }

    if let Some((path, bytes)) = add {
        let rows = read_rows(path, bytes, 6)?;
        report.sources.insert(file_label(path), rows.len());
        for row in &rows {
            let num = ent_num(path, row)?;
            let Some(&i) = by_num.get(&num) else {
                report.orphan_addresses += 1;
                continue;
            };
            let mut obj = serde_json::Map::new();
            for (col, key) in [(2, "address"), (3, "city"), (4, "country"), (5, "remarks")] {
                if let Some(v) = row.get(col) {
                    obj.insert(key.to_string(), Value::String(v.to_string()));
                }
            }
            if obj.is_empty() {
                continue;
            }
            let addresses = entities[i]
                .properties
                .entry("addresses")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = addresses {
                list.push(Value::Object(obj));
            }
        }
    }

    resolve_links(&mut entities, &raw_names);
    for e in &mut entities {
        dedup_aliases(e);
        // Handles such as "@AL3XL7" fold to nothing matchable: kept for the
        // record, marked never to match, so loading does not warn.
        for a in &mut e.aliases {
            if super::degenerate(&a.name) {
                a.policy = super::MatchPolicy::Never;
            }
        }
    }
    Ok(OfacImport { entities, report })
}

pub(crate) fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// One CSV row: its 1-based line and its fields, `None` for `-0-` or empty.
struct Row {
    line: u64,
    fields: Vec<Option<String>>,
    /// Characters in the last field before trimming (OFAC's remarks limit
    /// counts them).
    last_width: usize,
}

impl Row {
    fn get(&self, i: usize) -> Option<&str> {
        self.fields.get(i).and_then(|f| f.as_deref())
    }
}

fn read_rows(path: &Path, bytes: &[u8], columns: usize) -> Result<Vec<Row>, GazetteerError> {
    // `decode` sniffs a byte-order mark; without one the bytes are
    // Windows-1252, which maps every byte, so decoding never fails.
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = super::LineCounter::new(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| lines.record_line_at(p.byte()));
            GazetteerError::invalid(path, line, format!("malformed CSV: {e}"))
        })?;
        let line = rec.position().map_or(0, |p| lines.record_line_at(p.byte()));
        if rec.len() == 1 && matches!(rec[0].trim(), "\u{1a}" | "") {
            continue; // the Ctrl-Z end-of-file line
        }
        if rec.len() != columns {
            return Err(GazetteerError::invalid(
                path,
                Some(line),
                format!("expected {columns} fields, found {}", rec.len()),
            ));
        }
        let fields = rec
            .iter()
            .map(|f| {
                let f = f.trim();
                (!f.is_empty() && f != "-0-").then(|| f.to_string())
            })
            .collect();
        let last_width = rec.get(columns - 1).map_or(0, |f| f.chars().count());
        rows.push(Row {
            line,
            fields,
            last_width,
        });
    }
    Ok(rows)
}

fn ent_num(path: &Path, row: &Row) -> Result<u64, GazetteerError> {
    let raw = row.get(0).unwrap_or("");
    raw.parse().map_err(|_| {
        GazetteerError::invalid(
            path,
            Some(row.line),
            format!("ent_num is not a number: {raw:?}"),
        )
    })
}

/// How a person's display name is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Decision {
    GivenFirst,
    FamilyFirst,
    /// Given first on display, family first kept as a marked alias.
    Unsure,
}

impl Decision {
    fn display(self) -> NameOrder {
        match self {
            Decision::FamilyFirst => NameOrder::FamilyFirst,
            _ => NameOrder::GivenFirst,
        }
    }
}

/// `LAST, First Middle[, Suffix]` split into its parts.
struct PersonName<'a> {
    family: &'a str,
    given: &'a str,
    suffix: Option<&'a str>,
}

impl<'a> PersonName<'a> {
    fn split(raw: &'a str) -> Option<PersonName<'a>> {
        let (family, rest) = raw.split_once(',')?;
        let (given, suffix) = match rest.split_once(',') {
            Some((g, s)) => (g.trim(), Some(s.trim()).filter(|s| !s.is_empty())),
            None => (rest.trim(), None),
        };
        let family = family.trim();
        if family.is_empty() || given.is_empty() {
            return None;
        }
        Some(PersonName {
            family,
            given,
            suffix,
        })
    }

    fn display(&self, order: NameOrder) -> String {
        let family = title_case_name(self.family, order == NameOrder::GivenFirst);
        let given = if self.given.chars().any(|c| c.is_lowercase()) {
            self.given.to_string()
        } else {
            title_case_name(self.given, false)
        };
        let mut s = match order {
            NameOrder::GivenFirst => format!("{given} {family}"),
            NameOrder::FamilyFirst => format!("{family} {given}"),
        };
        if let Some(suffix) = self.suffix {
            s.push(' ');
            s.push_str(suffix);
        }
        s
    }
}

fn record(path: &Path, row: &Row, num: u64, report: &mut ImportReport) -> (Entity, Decision) {
    let raw_name = row.get(1).unwrap_or("").to_string();
    let kind = match row.get(2).map(str::to_ascii_lowercase).as_deref() {
        None => EntityType::Organization,
        Some("individual") => EntityType::Person,
        Some("vessel") => EntityType::Vessel,
        Some("aircraft") => EntityType::Aircraft,
        Some(other) => {
            report.skip(
                path,
                row.line,
                format!("unknown SDN_Type {other:?}, kept as that type"),
            );
            EntityType::Other(other.to_string())
        }
    };
    let lists: Vec<String> = row
        .get(3)
        .map(|p| {
            p.split("] [")
                .map(|s| s.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace()))
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();

    let mut props = serde_json::Map::new();
    for (col, key) in [
        (4, "title"),
        (5, "call_sign"),
        (6, "vessel_type"),
        (7, "tonnage"),
        (8, "grt"),
        (9, "vessel_flag"),
        (10, "vessel_owner"),
    ] {
        if let Some(v) = row.get(col) {
            props.insert(key.to_string(), Value::String(v.to_string()));
        }
    }
    let remarks = row
        .get(11)
        .map(|r| parse_remarks(r, row.last_width >= REMARKS_LIMIT, path, row.line, report));
    if let Some(r) = &remarks {
        if r.truncated {
            report.truncated_remarks += 1;
        }
        r.write_properties(&mut props);
    }

    let mut entity = Entity::new(format!("ofac-{num}"), raw_name.clone(), kind);
    entity.lists = lists;
    let mut decision = Decision::GivenFirst;
    if entity.kind == EntityType::Person {
        if let Some(parts) = PersonName::split(&raw_name) {
            let countries = remarks.as_ref().map(|r| r.countries()).unwrap_or_default();
            let dprk = entity.lists.iter().any(|p| p.starts_with("DPRK"))
                || remarks.as_ref().is_some_and(Remarks::dprk_nexus);
            decision = decide_order(&parts, dprk, &countries);
            entity.name = parts.display(decision.display());
            entity.name_order = Some(decision.display());
            entity.aliases.push(Alias::new(raw_name.clone()));
            if decision == Decision::Unsure {
                let mut a = Alias::new(parts.display(NameOrder::FamilyFirst));
                a.order = Some(NameOrder::FamilyFirst);
                entity.aliases.push(a);
            }
        }
    }
    if let Some(r) = remarks {
        for (kind, name) in r.weak {
            *report.aliases.entry(kind.clone()).or_default() += 1;
            let mut a = Alias::new(name);
            a.weak = true;
            a.kind = Some(kind);
            entity.aliases.push(a);
        }
    }
    entity.properties = props.into();
    (entity, decision)
}

/// The facts parsed from one `Remarks` field.
#[derive(Debug, Default)]
struct Remarks {
    raw: String,
    truncated: bool,
    dob: Vec<String>,
    pob: Vec<String>,
    nationality: Vec<String>,
    citizenship: Vec<String>,
    gender: Option<String>,
    imo: Vec<String>,
    linked_to: Vec<String>,
    relatives: Vec<String>,
    passport: Vec<String>,
    /// `(kind, name)`, kind `weak-aka` etc.
    weak: Vec<(String, String)>,
}

/// The words for a relative that OFAC's remarks write before or after a
/// listed relative's name, as a regular-expression group.
const KIN: &str = "(?:son|daughter|brother|sister|wife|husband|father|mother)";

/// OFAC's legacy files cut the remarks field at this many characters.
const REMARKS_LIMIT: usize = 1000;

fn remark_patterns() -> &'static [(Regex, &'static str); 11] {
    static RE: OnceLock<[(Regex, &'static str); 11]> = OnceLock::new();
    RE.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("valid remark pattern");
        [
            (re(r"^([afn])\.k\.a\.,? '(.*)'$"), "weak"),
            (re(r"^(?:alt\. )?DOB (.+)$"), "dob"),
            (re(r"^(?:alt\. )?POB (.+)$"), "pob"),
            (re(r"^(?:alt\. )?[Nn]ationality (.+)$"), "nationality"),
            (re(r"^(?:alt\. )?[Cc]itizen (.+)$"), "citizenship"),
            (re(r"^Gender (.+)$"), "gender"),
            (
                re(r"^(?:alt\. )?(?:Vessel Registration Identification |Identification Number |Company Number )?IMO (\d+)\b"),
                "imo",
            ),
            (re(r"^Linked To: (.+)$"), "linked_to"),
            (re(r"^(?:alt\. )?(?:Diplomatic )?Passport (.+)$"), "passport"),
            // "son of X", "half-brother of X", "daughter-in-law of X".
            (
                re(&format!(r"^(?:(?:half|step)-)?{KIN}(?:-in-law)? of ([A-Z].+)$")),
                "relative",
            ),
            // "X's second son".
            (
                re(&format!(r"^([A-Z].+)'s (?:(?:eldest|elder|second|third|youngest|younger) )?{KIN}$")),
                "relative",
            ),
        ]
    })
}

fn parse_remarks(
    raw: &str,
    truncated: bool,
    path: &Path,
    line: u64,
    report: &mut ImportReport,
) -> Remarks {
    let mut r = Remarks {
        raw: raw.to_string(),
        truncated,
        ..Remarks::default()
    };
    let mut parts: Vec<&str> = raw.split("; ").map(str::trim).collect();
    if r.truncated {
        if let Some(last) = parts.pop() {
            report.skip(
                path,
                line,
                format!(
                    "remarks cut at {REMARKS_LIMIT} characters; last fact not parsed: {last:?}"
                ),
            );
        }
    }
    let n = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        // The remarks end with a full stop; it belongs to no fact.
        let part = if i + 1 == n && !r.truncated {
            part.strip_suffix('.').unwrap_or(part)
        } else {
            part
        };
        for (re, key) in remark_patterns() {
            let Some(c) = re.captures(part) else { continue };
            let v = c
                .get(c.len() - 1)
                .map_or("", |m| m.as_str())
                .trim()
                .to_string();
            match *key {
                "weak" => {
                    let kind = format!("weak-{}ka", &c[1]);
                    if !v.is_empty() {
                        r.weak.push((kind, v));
                    }
                }
                "dob" => r.dob.push(v),
                "pob" => r.pob.push(v),
                "nationality" => r.nationality.push(v),
                "citizenship" => r.citizenship.push(v),
                "gender" => r.gender = Some(v),
                "imo" => r.imo.push(v),
                "linked_to" => r.linked_to.push(v),
                "relative" => r.relatives.push(v),
                "passport" => {
                    // `X12345 (Iran) issued 01 Jan 2010 expires …`: the
                    // number is what comes before the country or dates.
                    let end = [" (", " issued", " expires"]
                        .iter()
                        .filter_map(|m| v.find(m))
                        .min()
                        .unwrap_or(v.len());
                    let number = v[..end].trim().trim_end_matches('.');
                    if !number.is_empty() {
                        r.passport.push(number.to_string());
                    }
                }
                _ => {}
            }
            break;
        }
    }
    r
}

impl Remarks {
    fn write_properties(&self, props: &mut serde_json::Map<String, Value>) {
        let list = |v: &[String]| Value::Array(v.iter().cloned().map(Value::String).collect());
        if !self.dob.is_empty() {
            props.insert("dob".into(), list(&self.dob));
        }
        if let Some((first, rest)) = self.pob.split_first() {
            props.insert("pob".into(), Value::String(first.clone()));
            if !rest.is_empty() {
                props.insert("pob_alt".into(), list(rest));
            }
        }
        if !self.nationality.is_empty() {
            props.insert("nationality".into(), list(&self.nationality));
        }
        if !self.citizenship.is_empty() {
            props.insert("citizenship".into(), list(&self.citizenship));
        }
        if let Some(g) = &self.gender {
            props.insert("gender".into(), Value::String(g.clone()));
        }
        if let Some((first, rest)) = self.imo.split_first() {
            props.insert("imo".into(), Value::String(first.clone()));
            if !rest.is_empty() {
                props.insert("imo_alt".into(), list(rest));
            }
        }
        if !self.linked_to.is_empty() {
            props.insert("linked_to".into(), list(&self.linked_to));
        }
        if !self.relatives.is_empty() {
            props.insert("relatives".into(), list(&self.relatives));
        }
        if !self.passport.is_empty() {
            props.insert("passport".into(), list(&self.passport));
        }
        props.insert("remarks".into(), Value::String(self.raw.clone()));
        if self.truncated {
            props.insert("remarks_truncated".into(), json!(true));
        }
    }

    /// The countries the remarks give the person: nationality and
    /// citizenship, or, when neither is given, places of birth (a Russian
    /// national born in Dalian is not a Chinese name).
    fn countries(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .nationality
            .iter()
            .chain(&self.citizenship)
            .map(String::as_str)
            .collect();
        if v.is_empty() {
            v.extend(self.pob.iter().map(String::as_str));
        }
        v
    }

    /// Whether the remarks tie the record to North Korea sanctions.
    fn dprk_nexus(&self) -> bool {
        self.raw.contains("North Korea Sanctions Regulations")
    }
}

/// Where the evidence places a person, for the name order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Region {
    /// No country in the remarks.
    Unknown,
    /// Only countries outside East Asia's family-first cultures.
    Other,
    /// Mainland China or Vietnam.
    ChinaVietnam,
    /// Hong Kong, Macau, Taiwan, Singapore, Malaysia, Cambodia: Chinese
    /// names in family-first order, but also English given names
    /// (`Carrie Lam`) and Khmer or Malay names.
    Mixed,
    /// North or South Korea.
    Korea,
}

fn region_of(country: &str) -> Region {
    let c = country.to_ascii_lowercase();
    if c.contains("korea") {
        Region::Korea
    } else if [
        "hong kong",
        "macau",
        "macao",
        "taiwan",
        "singapore",
        "malaysia",
        "cambodia",
    ]
    .iter()
    .any(|m| c.contains(m))
    {
        Region::Mixed
    } else if c.contains("china") || c.contains("vietnam") || c.contains("viet nam") {
        Region::ChinaVietnam
    } else {
        Region::Other
    }
}

fn decide_order(name: &PersonName<'_>, dprk: bool, countries: &[&str]) -> Decision {
    // Korea outranks everything; the mixed places outrank mainland China
    // ("Hong Kong, China" is a common place of birth).
    let region = countries
        .iter()
        .map(|c| region_of(c))
        .max()
        .unwrap_or(Region::Unknown);
    let family = name.family.replace(['\'', '’'], "").to_ascii_uppercase();
    let single = !family.contains([' ', '-']);
    let east_asian = single && is_east_asian_surname(&family);
    let korean = single && KOREAN_SURNAMES.contains(&family.as_str());
    // "Jong Un", "Yiu-chung", "Hung Man": a given name written in syllables.
    let syllables = name.given.contains(['-', ' '])
        && name
            .given
            .split(['-', ' '])
            .all(|s| !s.is_empty() && s.chars().filter(|c| c.is_alphabetic()).count() <= 5);
    // OFAC sometimes swaps the parts of a Chinese name (`XIANHUA, Qin`).
    let swapped =
        !name.given.contains([' ', '-']) && is_east_asian_surname(&name.given.to_ascii_uppercase());
    match region {
        Region::Korea => Decision::FamilyFirst,
        Region::ChinaVietnam if east_asian => Decision::FamilyFirst,
        Region::ChinaVietnam if swapped => Decision::Unsure,
        Region::Mixed if east_asian && syllables => Decision::FamilyFirst,
        Region::Mixed if east_asian => Decision::Unsure,
        Region::Unknown if korean && dprk => Decision::FamilyFirst,
        Region::Unknown | Region::Other if east_asian && syllables => Decision::Unsure,
        _ => Decision::GivenFirst,
    }
}

/// Common Korean family names, in the romanizations OFAC, the CIA and the
/// press use (Revised, McCune-Reischauer without breves, and customary).
pub(crate) const KOREAN_SURNAMES: &[&str] = &[
    "AHN", "AN", "BAE", "BAEK", "BAN", "BANG", "BYUN", "CHA", "CHAE", "CHANG", "CHI", "CHIN",
    "CHO", "CHOE", "CHOI", "CHON", "CHONG", "CHU", "CHUN", "CHUNG", "HA", "HAN", "HEO", "HO",
    "HONG", "HWANG", "HYON", "HYUN", "IM", "JANG", "JEON", "JEONG", "JI", "JIN", "JO", "JON",
    "JONG", "JU", "JUNG", "KANG", "KIL", "KIM", "KO", "KOH", "KU", "KWAK", "KWON", "KYE", "LEE",
    "LIM", "MA", "MIN", "MO", "MOON", "MUN", "NA", "NAM", "NO", "NOH", "O", "OH", "PAE", "PAEK",
    "PAK", "PANG", "PARK", "PYON", "RHEE", "RI", "RIM", "RO", "RYANG", "RYO", "RYOM", "RYU", "SEO",
    "SHIM", "SHIN", "SIM", "SIN", "SO", "SOK", "SON", "SONG", "SUH", "SUNG", "TAK", "THAE", "U",
    "UM", "WON", "WOO", "YANG", "YI", "YO", "YOM", "YON", "YOO", "YOON", "YU", "YUN",
];

/// Common Chinese family names in pinyin, Wade-Giles and Cantonese
/// romanizations.
pub(crate) const CHINESE_SURNAMES: &[&str] = &[
    "AU", "BAI", "CAI", "CAO", "CHAN", "CHANG", "CHAO", "CHAU", "CHEN", "CHENG", "CHEUNG",
    "CHIANG", "CHIN", "CHING", "CHIU", "CHOI", "CHOU", "CHOW", "CHU", "CHUNG", "CUI", "DAI",
    "DENG", "DING", "DONG", "DU", "FAN", "FANG", "FENG", "FONG", "FU", "FUNG", "GAO", "GONG", "GU",
    "GUAN", "GUO", "HAN", "HAO", "HE", "HO", "HOU", "HSU", "HU", "HUA", "HUANG", "HUI", "HUNG",
    "JIA", "JIANG", "JIN", "KAN", "KAO", "KO", "KONG", "KUO", "KWAN", "KWOK", "KWONG", "LAI",
    "LAM", "LAU", "LAW", "LEE", "LEUNG", "LI", "LIANG", "LIAO", "LIN", "LING", "LIU", "LO", "LONG",
    "LOU", "LU", "LUO", "LUI", "LUK", "MA", "MAI", "MAK", "MAO", "MENG", "MO", "MOK", "NG", "NI",
    "NIE", "OU", "OUYANG", "PAN", "PANG", "PENG", "QI", "QIAN", "QIN", "QIU", "REN", "SHAO",
    "SHEN", "SHI", "SHUM", "SIU", "SONG", "SU", "SUN", "SZE", "TAI", "TAM", "TAN", "TANG", "TAO",
    "TENG", "TIAN", "TING", "TONG", "TSAI", "TSANG", "TSE", "TSENG", "TSUI", "WAN", "WANG", "WEI",
    "WEN", "WONG", "WOO", "WU", "XI", "XIA", "XIANG", "XIAO", "XIE", "XING", "XIONG", "XU", "XUE",
    "YAN", "YANG", "YAO", "YE", "YEUNG", "YI", "YIN", "YIP", "YU", "YUAN", "YUEN", "YUNG", "ZENG",
    "ZHAI", "ZHANG", "ZHAO", "ZHENG", "ZHONG", "ZHOU", "ZHU", "QU", "RUAN", "YUE", "ZHUANG",
    "ZHUO", "ZOU",
];

/// Common Vietnamese family names, without diacritics.
pub(crate) const VIETNAMESE_SURNAMES: &[&str] = &[
    "BUI", "CAO", "DANG", "DAO", "DINH", "DO", "DOAN", "DUONG", "HA", "HO", "HOANG", "HUYNH",
    "LAM", "LE", "LUONG", "LUU", "LY", "MAI", "NGO", "NGUYEN", "PHAM", "PHAN", "QUACH", "TA", "TO",
    "TON", "TRAN", "TRINH", "TRUONG", "VO", "VU", "VUONG",
];

/// Whether an upper-case family name is a common Korean, Chinese or
/// Vietnamese one.
pub(crate) fn is_east_asian_surname(upper: &str) -> bool {
    KOREAN_SURNAMES.contains(&upper)
        || CHINESE_SURNAMES.contains(&upper)
        || VIETNAMESE_SURNAMES.contains(&upper)
}

/// Chinese family names in the Hokkien, Teochew, Hakka and Hainanese
/// romanizations of Singapore and Malaysia that the pinyin, Wade-Giles and
/// Cantonese list of [`is_east_asian_surname`] lacks: `Teo` (Zhang), `Khaw`
/// (Xu), `Heng` (Wang), `Ong` (Wang), `Goh` (Wu).
pub(crate) const NANYANG_SURNAMES: &[&str] = &[
    "CHEW", "CHOO", "CHUA", "GAN", "GOH", "HENG", "KHAW", "KHOO", "KOH", "KWEK", "LIEW", "LOH",
    "LOKE", "LOW", "NEO", "ONG", "PEH", "QUEK", "SEAH", "SEOW", "SIM", "SOH", "TAY", "TEH", "TEO",
    "TEOH", "TOH", "YAP", "YEO",
];

/// Whether an upper-case family name is a common East Asian one
/// ([`is_east_asian_surname`]) or a Chinese one as Singapore and Malaysia
/// romanize it ([`NANYANG_SURNAMES`]).
pub(crate) fn is_east_asian_or_nanyang_surname(upper: &str) -> bool {
    is_east_asian_surname(upper) || NANYANG_SURNAMES.contains(&upper)
}

/// Title-cases a name written in upper case: `MKRTYCHEV` → `Mkrtychev`,
/// `AL-ZAWAHIRI` → `Al-Zawahiri`, `MCGILL` → `McGill`, `O'REILLY` →
/// `O'Reilly`, `YO'N` → `Yo'n`. With `particles`, the particles of
/// Romance, Dutch and German names are lower-cased (`DE LA CRUZ` →
/// `de la Cruz`), for a family name written after the given names.
pub(crate) fn title_case_name(s: &str, particles: bool) -> String {
    const PARTICLES: &[&str] = &[
        "de", "del", "della", "der", "den", "la", "le", "van", "von", "da", "das", "do", "dos",
        "du", "di", "y",
    ];
    let words: Vec<&str> = s.split(' ').collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if particles && i < last && PARTICLES.contains(&lower.as_str()) {
                lower
            } else {
                title_case_word(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_case_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    // Letters since the start of the word or the last hyphen.
    let mut run = 0usize;
    let mut upper_next = true;
    let chars: Vec<char> = w.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphabetic() {
            if upper_next {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            run += 1;
            // "MC" + letter: McGill, McLintock.
            upper_next = run == 2
                && out.ends_with("Mc")
                && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                && chars.len() > i + 2;
        } else {
            out.push(c);
            // O'Reilly, D'Alessandro: an apostrophe after one letter; but
            // YO'N (McCune-Reischauer) stays Yo'n.
            upper_next = match c {
                '\'' | '’' => run == 1,
                '-' | '.' | '(' | '/' => true,
                _ => false,
            };
            if c != '\'' && c != '’' {
                run = 0;
            }
        }
    }
    out
}

/// Fills `linked_to_ids` with the records a `Linked To:` name names, when it
/// names exactly one (a final full stop may belong to the name: `S.R.O.`).
fn resolve_links(entities: &mut [Entity], raw_names: &[String]) {
    let mut by_name: HashMap<&str, Vec<String>> = HashMap::new();
    for (e, raw) in entities.iter().zip(raw_names) {
        by_name.entry(raw.as_str()).or_default().push(e.id.clone());
    }
    for e in entities.iter_mut() {
        let Some(Value::Array(names)) = e.properties.get_mut("linked_to") else {
            continue;
        };
        let mut ids = Vec::new();
        for n in names.iter_mut() {
            let Some(s) = n.as_str() else { continue };
            let dotted = format!("{s}.");
            let hit = by_name.get(s).or_else(|| by_name.get(dotted.as_str()));
            if !by_name.contains_key(s) && by_name.contains_key(dotted.as_str()) {
                *n = Value::String(dotted);
            }
            if let Some([id]) = hit.map(Vec::as_slice) {
                ids.push(Value::String(id.clone()));
            }
        }
        if !ids.is_empty() {
            e.properties
                .insert("linked_to_ids".into(), Value::Array(ids));
        }
    }
}

/// Drops aliases equal (ignoring case) to the display name or to an earlier
/// alias; an earlier strong alias wins over a later weak one.
pub(crate) fn dedup_aliases(e: &mut Entity) {
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(e.name.to_lowercase());
    e.aliases.retain(|a| seen.insert(a.name.to_lowercase()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes test text as OFAC does: Windows-1252, CRLF, a Ctrl-Z line.
    fn ofac_bytes(lines: &[&str]) -> Vec<u8> {
        let mut text = lines.join("\r\n");
        text.push_str("\r\n\u{1a}");
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn run(sdn: &[&str], alt: &[&str], add: &[&str]) -> OfacImport {
        let (s, a, d) = (ofac_bytes(sdn), ofac_bytes(alt), ofac_bytes(add));
        import_bytes(
            (Path::new("sdn.csv"), &s),
            Some((Path::new("alt.csv"), &a)),
            Some((Path::new("add.csv"), &d)),
        )
        .unwrap()
    }

    const EMPTY8: &str = "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ";

    fn person(num: u32, name: &str, program: &str, remarks: &str) -> String {
        format!("{num},\"{name}\",\"individual\",\"{program}\",{EMPTY8},\"{remarks}\"")
    }

    #[test]
    fn reads_records_aliases_addresses_and_orphans() {
        let sdn = [
            person(41736, "MKRTYCHEV, Ashot", "DPRK", "DOB 07 May 1966; POB Baku, Azerbaijan; citizen Slovakia; Gender Male."),
            format!("44544,\"LIMITED LIABILITY COMPANY VERUS\",-0- ,\"DPRK\",{EMPTY8},\"Tax ID No. 9701170663 (Russia); a.k.a. 'LLC VERUS'; Linked To: MKRTYCHEV, Ashot.\""),
        ];
        let got = run(
            &[&sdn[0], &sdn[1]],
            &[
                "41736,64887,\"aka\",\"MKRTYCEV, Asot\",-0- ",
                "99999,1,\"fka\",\"NOBODY\",-0- ",
            ],
            &[
                "44544,1,\"Ulitsa 1\",\"Moscow\",\"Russia\",-0- ",
                "99999,2,-0- ,-0- ,\"Nowhere\",-0- ",
            ],
        );
        assert_eq!(got.entities.len(), 2);
        let m = &got.entities[0];
        assert_eq!(m.id, "ofac-41736");
        assert_eq!(m.name, "Ashot Mkrtychev");
        assert_eq!(m.kind, EntityType::Person);
        assert_eq!(m.name_order, Some(NameOrder::GivenFirst));
        let names: Vec<&str> = m.aliases.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            ["MKRTYCHEV, Ashot", "Asot Mkrtycev", "MKRTYCEV, Asot"]
        );
        assert_eq!(m.aliases[1].kind.as_deref(), Some("aka"));
        assert_eq!(m.properties["dob"], json!(["07 May 1966"]));
        assert_eq!(m.properties["citizenship"], json!(["Slovakia"]));
        assert_eq!(m.properties["gender"], "Male");
        let v = &got.entities[1];
        assert_eq!(v.kind, EntityType::Organization);
        assert_eq!(v.name, "LIMITED LIABILITY COMPANY VERUS");
        assert!(v.aliases[0].weak);
        assert_eq!(v.aliases[0].name, "LLC VERUS");
        assert_eq!(v.aliases[0].kind.as_deref(), Some("weak-aka"));
        assert_eq!(v.properties["linked_to"], json!(["MKRTYCHEV, Ashot"]));
        assert_eq!(v.properties["linked_to_ids"], json!(["ofac-41736"]));
        assert_eq!(
            v.properties["addresses"],
            json!([{"address": "Ulitsa 1", "city": "Moscow", "country": "Russia"}])
        );
        let r = &got.report;
        assert_eq!(r.orphan_aliases, 1);
        assert_eq!(r.orphan_addresses, 1);
        assert_eq!(r.records["person"], 1);
        assert_eq!(r.records["organization"], 1);
        assert_eq!(r.aliases["aka"], 1);
        assert_eq!(r.aliases["fka"], 1);
        assert_eq!(r.aliases["weak-aka"], 1);
    }

    #[test]
    fn splits_programs_and_keeps_vessel_fields() {
        let row = "9,\"SEA STAR\",\"vessel\",\"SDGT] [IRAN\",-0- ,\"9HA1\",\"Crude Oil Tanker\",\"150,000\",\"80,000\",\"Panama\",\"ACME LTD\",\"Vessel Registration Identification IMO 9187629.\"";
        let got = run(&[row], &[], &[]);
        let e = &got.entities[0];
        assert_eq!(e.kind, EntityType::Vessel);
        assert_eq!(e.lists, ["SDGT", "IRAN"]);
        assert_eq!(e.properties["imo"], "9187629");
        assert_eq!(e.properties["tonnage"], "150,000");
        assert_eq!(e.properties["vessel_flag"], "Panama");
        assert_eq!(e.properties["call_sign"], "9HA1");
        assert!(!e.properties.contains_key("title"));
    }

    #[test]
    fn relatives_named_in_the_remarks() {
        let t = |remarks: &str| {
            let row = person(1, "ZORVAN, Tarek", "IRAQ2", remarks);
            let got = run(&[&row], &[], &[]);
            got.entities[0].properties.get("relatives").cloned()
        };
        assert_eq!(
            t("DOB 1965; Karim Zorvan al-Tikriti's second son; nationality Iraq."),
            Some(json!(["Karim Zorvan al-Tikriti"]))
        );
        assert_eq!(
            t("DOB 1951; half-brother of Karim Zorvan."),
            Some(json!(["Karim Zorvan"]))
        );
        assert_eq!(
            t("daughter-in-law of Karim Zorvan"),
            Some(json!(["Karim Zorvan"]))
        );
        // (Not a relation: "son" inside another fact.)
        assert_eq!(t("Linked To: SONS OF ZORVA LTD."), None);
        assert_eq!(t("a.k.a. 'ABU'S SON'."), None);
    }

    #[test]
    fn name_order_follows_the_evidence() {
        let t = |name: &str, program: &str, remarks: &str| {
            let row = person(1, name, program, remarks);
            let got = run(&[&row], &[], &[]);
            let e = got.entities[0].clone();
            let other = e
                .aliases
                .iter()
                .find(|a| a.order == Some(NameOrder::FamilyFirst))
                .map(|a| a.name.clone());
            (e.name, e.name_order, other)
        };
        use NameOrder::*;
        assert_eq!(
            t("KIM, Jong Un", "DPRK3", "DOB 08 Jan 1984"),
            ("Kim Jong Un".into(), Some(FamilyFirst), None)
        );
        assert_eq!(
            t("YO'N, Cho'ng-Nam", "DPRK", "nationality Korea, North"),
            ("Yo'n Cho'ng-Nam".into(), Some(FamilyFirst), None)
        );
        assert_eq!(
            t("LI, Fangwei", "NPWMD", "nationality China"),
            ("Li Fangwei".into(), Some(FamilyFirst), None)
        );
        assert_eq!(t("HAQ, Abdul", "SDGT", "nationality China").0, "Abdul Haq");
        assert_eq!(
            t("TAM, Yiu-chung", "HK-EO13936", "POB Hong Kong, China"),
            ("Tam Yiu-chung".into(), Some(FamilyFirst), None)
        );
        assert_eq!(
            t("LAM, Carrie", "HK-EO13936", "POB Hong Kong"),
            (
                "Carrie Lam".into(),
                Some(GivenFirst),
                Some("Lam Carrie".into())
            )
        );
        assert_eq!(
            t("SHINODA, Kenichi", "TCO", "nationality Japan"),
            ("Kenichi Shinoda".into(), Some(GivenFirst), None)
        );
        assert_eq!(
            t("PAK, Vyacheslav", "RUSSIA-EO14024", "nationality Russia"),
            ("Vyacheslav Pak".into(), Some(GivenFirst), None)
        );
        assert_eq!(
            t(
                "PUTIN, Vladimir Vladimirovich",
                "RUSSIA-EO14024",
                "nationality Russia"
            )
            .0,
            "Vladimir Vladimirovich Putin"
        );
        assert_eq!(
            t("DELOS REYES, Feliciano Semborio, Jr.", "SDGT", "").0,
            "Feliciano Semborio Delos Reyes Jr."
        );
        assert_eq!(t("DE LA CRUZ, Juan", "SDNTK", "").0, "Juan de la Cruz");
        assert_eq!(
            t("KAZAKOVA, VALENTINA LVOVNA", "RUSSIA-EO14024", "").0,
            "Valentina Lvovna Kazakova"
        );
    }

    #[test]
    fn title_cases_family_names() {
        for (raw, want) in [
            ("MKRTYCHEV", "Mkrtychev"),
            ("AL-ZAWAHIRI", "Al-Zawahiri"),
            ("MCGILL", "McGill"),
            ("MCLINTOCK", "McLintock"),
            ("MACHADO", "Machado"),
            ("O'REILLY", "O'Reilly"),
            ("YO'N", "Yo'n"),
            ("MC", "Mc"),
            ("ÉLODIE", "Élodie"),
        ] {
            assert_eq!(title_case_name(raw, true), want, "{raw}");
        }
    }

    #[test]
    fn weak_aliases_keep_inner_apostrophes_and_kinds() {
        let row = person(
            7,
            "X, Y",
            "SDGT",
            "a.k.a. 'ABU-'UMAR'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'.",
        );
        let got = run(&[&row], &[], &[]);
        let weak: Vec<(String, String)> = got.entities[0]
            .aliases
            .iter()
            .filter(|a| a.weak)
            .map(|a| (a.name.clone(), a.kind.clone().unwrap()))
            .collect();
        assert_eq!(
            weak,
            [
                ("ABU-'UMAR".to_string(), "weak-aka".to_string()),
                ("OLD NAME".into(), "weak-fka".into()),
                ("NEW NAME".into(), "weak-nka".into())
            ]
        );
    }

    #[test]
    fn passport_numbers_without_country_or_dates() {
        let row = person(
            9,
            "X, Y",
            "SDGT",
            "Passport A0002987 (Iran); alt. Passport BN 4196361 issued 01 Jan 2010 expires 01 Jan 2020; Diplomatic Passport 290320764.",
        );
        let got = run(&[&row], &[], &[]);
        assert_eq!(
            got.entities[0].properties["passport"],
            json!(["A0002987", "BN 4196361", "290320764"])
        );
    }

    #[test]
    fn truncated_remarks_drop_the_last_fact() {
        let mut remarks = "DOB 1970; ".repeat(99);
        remarks.push_str("a.k.a. 'CUT OF");
        assert_eq!(remarks.len(), 1004);
        let row = person(8, "X, Y", "SDGT", &remarks);
        let got = run(&[&row], &[], &[]);
        let e = &got.entities[0];
        assert!(!e.aliases.iter().any(|a| a.weak));
        assert_eq!(e.properties["dob"].as_array().unwrap().len(), 99);
        assert_eq!(e.properties["remarks_truncated"], true);
        assert_eq!(got.report.truncated_remarks, 1);
        assert_eq!(got.report.skipped.len(), 1);
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let bytes = ofac_bytes(&[&person(1, "A, B", "SDGT", "x"), "2,\"short\",-0- "]);
        let err = import_bytes((Path::new("sdn.csv"), &bytes), None, None).unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(
            err.to_string().starts_with("sdn.csv:2: expected 12 fields"),
            "{err}"
        );
        let bytes = ofac_bytes(&[&person(1, "A, B", "SDGT", "x").replacen('1', "x1", 1)]);
        let err = import_bytes((Path::new("sdn.csv"), &bytes), None, None).unwrap_err();
        assert!(err.to_string().contains("ent_num"), "{err}");
    }

    #[test]
    fn decodes_windows_1252() {
        let row = format!("5,\"GONZ\u{c1}LEZ, Jos\u{e9}\",\"individual\",\"SDGT\",{EMPTY8},-0- ");
        let bytes = ofac_bytes(&[&row]);
        assert!(bytes.contains(&0xE9) && bytes.contains(&0xC1));
        let got = import_bytes((Path::new("sdn.csv"), &bytes), None, None).unwrap();
        assert_eq!(got.entities[0].name, "José González");
        assert!(!got.entities[0].properties.contains_key("remarks"));
    }
}
