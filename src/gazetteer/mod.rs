//! Gazetteers: the entities gazex looks for, and the formats they come in.
//!
//! A [`Gazetteer`] is a list of [`Entity`] values. Each entity has a stable
//! `id`, a display `name`, a [`EntityType`], any number of [`Alias`]es and
//! the `lists` (sanctions programs, official registers) it comes from.
//!
//! # Formats
//!
//! | format | files | module |
//! |---|---|---|
//! | native JSON Lines | `*.jsonl`, `*.json` (one entity per line) | [`native`] |
//! | plain list | `*.txt` (one name per line, `#` comments) | [`plain`] |
//!
//! A built matcher can be written whole and read back without rebuilding
//! it: a compiled gazetteer, see [`compiled`] (and [`cache`] for the
//! bundled lists, compiled on first use).
//!
//! [`Gazetteer::load`] accepts a file or a folder; a folder's gazetteer
//! files (directly in it, not in sub-folders) are read in name order,
//! skipping files of other kinds (a `README.md` or a `SOURCES.md` beside the
//! lists, raw source files in a sub-folder, are fine).
//!
//! # Duplicate ids
//!
//! Ids are unique across everything loaded in one [`Gazetteer`]. When a later
//! file (or line) repeats an id, the **first** definition wins and the
//! repeat is skipped and recorded in [`Gazetteer::warnings`], naming both
//! places. Merging silently would hide a broken refresh; failing the run
//! would cost a researcher their morning for one stale file.
//!
//! # One entity per party
//!
//! The same person on two lists (Vladimir Putin on the OFAC list and on the
//! officials list) is two entities as loaded; [`Gazetteer::merge_same_people`]
//! folds them into one, the first-loaded, with a `same_as` property naming
//! the others. The rule and the merged entity are described in [`merge`].

pub mod bundled;
pub mod cache;
pub mod compiled;
pub mod load;
pub mod merge;
pub mod native;
pub mod ofac;
pub mod officials;
pub mod plain;
pub mod properties;
pub mod un_sc;

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use merge::MergeReport;
pub use properties::Properties;

/// 1-based line numbers of byte offsets in a file read whole, for error
/// messages: counted on from the last offset asked for, or again from the
/// start for an earlier one.
pub(crate) struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The line of byte `offset` (the end of the text past it).
    pub(crate) fn line_at(&mut self, offset: u64) -> u64 {
        let offset = usize::try_from(offset).map_or(self.text.len(), |o| o.min(self.text.len()));
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.text[self.offset..offset]).count() as u64;
        self.offset = offset;
        self.line
    }

    /// The line of the CSV record at byte `offset`: after a CRLF line end
    /// the csv crate places the next record at the line feed and counts it
    /// on the previous line, so the line ends at `offset` are passed over.
    pub(crate) fn record_line_at(&mut self, offset: u64) -> u64 {
        let mut at = usize::try_from(offset).map_or(self.text.len(), |o| o.min(self.text.len()));
        while at < self.text.len() && matches!(self.text[at], b'\r' | b'\n') {
            at += 1;
        }
        self.line_at(at as u64)
    }
}

/// Whether `name` folds to no token, or to one token of one letter.
pub(crate) fn degenerate(name: &str) -> bool {
    // Most names have two ASCII letters or digits in a row: they fold into
    // a token of two chars or more, which only an e-mail address or a URL
    // (`@`, `:`) leaves out (an initial dropped is one letter, two middle
    // initials "H.W." have dots between). Such a name is answered without
    // folding it, which costs about 2,000 instructions for a name of two
    // words (a new `Normalized`, its buffers grown), once per name listed.
    let b = name.as_bytes();
    if !b.contains(&b'@')
        && !b.contains(&b':')
        && b.windows(2)
            .any(|w| w[0].is_ascii_alphanumeric() && w[1].is_ascii_alphanumeric())
    {
        return false;
    }
    folds_to_nothing_or_a_letter(name)
}

/// [`degenerate`], by folding `name`.
fn folds_to_nothing_or_a_letter(name: &str) -> bool {
    let n = crate::normalize::normalize(name);
    let tokens: Vec<&str> = (0..n.tokens().len())
        .map(|i| n.token_text(i))
        .filter(|t| !t.is_empty() && *t != "|")
        .collect();
    match tokens.as_slice() {
        [] => true,
        [one] => one.chars().count() <= 1,
        _ => false,
    }
}

/// What kind of thing an entity is.
///
/// The four kinds sanctions lists use have their own variants; anything else
/// (`"country"`, `"agency"`, …) is kept as [`EntityType::Other`]. Serialized
/// as a lower-case string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A natural person (sanctioned individual or official).
    Person,
    /// A company, organization, group or other legal body.
    Organization,
    /// A ship.
    Vessel,
    /// An aircraft.
    Aircraft,
    /// Any other kind, by its name (for example `"country"`).
    Other(String),
}

impl EntityType {
    /// The type's name as written in gazetteers and output.
    pub fn as_str(&self) -> &str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Vessel => "vessel",
            EntityType::Aircraft => "aircraft",
            EntityType::Other(s) => s,
        }
    }

    /// Parses a type name; unknown names become [`EntityType::Other`].
    pub fn parse(s: &str) -> EntityType {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "individual" => EntityType::Person,
            "organization" | "organisation" | "entity" | "company" => EntityType::Organization,
            "vessel" => EntityType::Vessel,
            "aircraft" => EntityType::Aircraft,
            other => EntityType::Other(other.to_string()),
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EntityType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EntityType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(EntityType::parse(&s))
    }
}

/// Whether and when a name form may produce a mention on its own.
///
/// `auto` (the default) lets the compiler decide from the form itself (token
/// count, length, whether it is a common word); the others override it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchPolicy {
    /// Decided by gazex when the gazetteer is compiled.
    #[default]
    Auto,
    /// Matched wherever it appears as whole words.
    Always,
    /// Matched only when the document gives grounds for it (an earlier full
    /// mention of the same entity).
    Evidence,
    /// Never matched (kept for reference, e.g. a weak alias that is a
    /// common word).
    Never,
}

/// How the parts of a person's name are ordered in an alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameOrder {
    /// Given names first, family name last ("Vladimir Putin").
    GivenFirst,
    /// Family name first ("Kim Jong Un", "Xi Jinping").
    FamilyFirst,
}

/// One name form of an entity.
///
/// In native gazetteers an alias is written either as a plain string (a
/// strong alias with default policy) or as an object with the fields below.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The name as the source writes it.
    pub name: String,
    /// A low-quality alias (OFAC's "weak" a.k.a., the UN's `Low` quality).
    /// Weak aliases are never matched on their own unless their policy says
    /// [`MatchPolicy::Always`].
    pub weak: bool,
    /// The source's own label for the alias (`aka`, `fka`, `nka`, …), if any.
    pub kind: Option<String>,
    /// Whether this form may be matched alone.
    pub policy: MatchPolicy,
    /// For person names: the order of name parts, when known.
    pub order: Option<NameOrder>,
}

impl Alias {
    /// A strong alias with default policy.
    pub fn new(name: impl Into<String>) -> Alias {
        Alias {
            name: name.into(),
            weak: false,
            kind: None,
            policy: MatchPolicy::Auto,
            order: None,
        }
    }

    fn is_plain(&self) -> bool {
        !self.weak
            && self.kind.is_none()
            && self.policy == MatchPolicy::Auto
            && self.order.is_none()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum AliasRepr {
    Plain(String),
    Full {
        name: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        weak: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<String>,
        #[serde(default, skip_serializing_if = "is_auto")]
        policy: MatchPolicy,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order: Option<NameOrder>,
    },
}

fn is_auto(p: &MatchPolicy) -> bool {
    *p == MatchPolicy::Auto
}

impl Serialize for Alias {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_plain() {
            AliasRepr::Plain(self.name.clone()).serialize(s)
        } else {
            AliasRepr::Full {
                name: self.name.clone(),
                weak: self.weak,
                kind: self.kind.clone(),
                policy: self.policy,
                order: self.order,
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Alias {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match AliasRepr::deserialize(d)? {
            AliasRepr::Plain(name) => Alias::new(name),
            AliasRepr::Full {
                name,
                weak,
                kind,
                policy,
                order,
            } => Alias {
                name,
                weak,
                kind,
                policy,
                order,
            },
        })
    }
}

/// One entity: a sanctioned party, an official, or anything else a user
/// wants found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier, carrying the source's own id where there is one
    /// (`ofac-41736`).
    pub id: String,
    /// The display name, as the press would write it.
    pub name: String,
    /// What kind of entity this is.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other name forms. The display name is always matched too and need
    /// not be repeated here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Alias>,
    /// The lists or programs the entity is on (`DPRK`, `official:us-congress`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<String>,
    /// Order of the display name's parts, for persons, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_order: Option<NameOrder>,
    /// Policy for the display name itself.
    #[serde(default, skip_serializing_if = "is_auto")]
    pub match_policy: MatchPolicy,
    /// Every other field of the source record (role, country, date of birth,
    /// IMO number, …), kept as JSON: read and changed as a
    /// `serde_json::Map`, which [`Properties`] dereferences to; a matcher
    /// keeps them packed until read (see [`properties`]).
    #[serde(flatten)]
    pub properties: Properties,
}

impl Entity {
    /// A new entity with no aliases, lists or properties.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: EntityType) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            lists: Vec::new(),
            name_order: None,
            match_policy: MatchPolicy::Auto,
            properties: Properties::new(),
        }
    }

    /// The display name followed by every alias, each as an [`Alias`].
    pub fn names(&self) -> impl Iterator<Item = Alias> + '_ {
        let display = Alias {
            name: self.name.clone(),
            weak: false,
            kind: None,
            policy: self.match_policy,
            order: self.name_order,
        };
        std::iter::once(display).chain(self.aliases.iter().cloned())
    }

    /// The countries the entity's record gives for it: its `country`,
    /// `nationality` and `citizenship` properties (each a string or an
    /// array of strings), in that order. Not its addresses'.
    ///
    /// ```
    /// use gazex::gazetteer::{Entity, EntityType};
    /// let mut e = Entity::new("t-1", "Zorana Petkova", EntityType::Person);
    /// e.properties.insert("nationality".into(), serde_json::json!(["Serbia"]));
    /// e.properties.insert("citizenship".into(), "Montenegro".into());
    /// assert_eq!(e.countries().collect::<Vec<_>>(), ["Serbia", "Montenegro"]);
    /// ```
    pub fn countries(&self) -> impl Iterator<Item = &str> + '_ {
        ["country", "nationality", "citizenship"]
            .into_iter()
            .flat_map(|k| self.strings(k))
    }

    /// The strings a property holds: its value, a string, or the strings
    /// of its array (none for another kind of value or a missing key).
    ///
    /// ```
    /// use gazex::gazetteer::{Entity, EntityType};
    /// let mut e = Entity::new("v-1", "ZARVENA", EntityType::Vessel);
    /// e.properties.insert("imo".into(), "9015278".into());
    /// e.properties.insert("imo_alt".into(), serde_json::json!(["9177625", 3]));
    /// assert_eq!(e.strings("imo").collect::<Vec<_>>(), ["9015278"]);
    /// assert_eq!(e.strings("imo_alt").collect::<Vec<_>>(), ["9177625"]);
    /// assert_eq!(e.strings("call_sign").count(), 0);
    /// ```
    pub fn strings<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a str> + 'a {
        let (one, many) = match self.properties.get(key) {
            Some(serde_json::Value::String(s)) => (Some(s.as_str()), None),
            Some(serde_json::Value::Array(a)) => (None, Some(a.iter().filter_map(|x| x.as_str()))),
            _ => (None, None),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }

    /// The titles of the offices the record gives (`roles[].role`), in
    /// order.
    ///
    /// ```
    /// use gazex::gazetteer::{Entity, EntityType};
    /// let mut e = Entity::new("t-1", "Zorana Petkova", EntityType::Person);
    /// e.properties.insert(
    ///     "roles".into(),
    ///     serde_json::json!([{"role": "King"}, {"country": "Norway"}]),
    /// );
    /// assert_eq!(e.role_titles().collect::<Vec<_>>(), ["King"]);
    /// ```
    pub fn role_titles(&self) -> impl Iterator<Item = &str> + '_ {
        self.properties
            .get("roles")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|r| r.get("role")?.as_str())
    }

    /// The country of the place of birth (`pob`) as a list writes it, its
    /// last part: "Syria" of "Latakia, Syria".
    ///
    /// ```
    /// use gazex::gazetteer::{Entity, EntityType};
    /// let mut e = Entity::new("x", "Zarqan Zarnavi", EntityType::Person);
    /// assert_eq!(e.birth_country(), None);
    /// e.properties.insert("pob".into(), "Latakia, Syria".into());
    /// assert_eq!(e.birth_country(), Some("Syria"));
    /// ```
    pub fn birth_country(&self) -> Option<&str> {
        let pob = self.properties.get("pob")?.as_str()?;
        pob.rsplit(',')
            .next()
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }
}

/// A gazetteer that could not be loaded.
///
/// Names the file and, where it applies, the 1-based line.
#[derive(Debug)]
pub struct GazetteerError {
    path: PathBuf,
    line: Option<u64>,
    kind: GazetteerErrorKind,
}

#[derive(Debug)]
enum GazetteerErrorKind {
    Io(std::io::Error),
    Json(serde_json::Error),
    MissingField(&'static str),
    UnknownFormat,
    Invalid(String),
}

impl GazetteerError {
    pub(crate) fn io(path: &Path, err: std::io::Error) -> GazetteerError {
        GazetteerError {
            path: path.to_path_buf(),
            line: None,
            kind: GazetteerErrorKind::Io(err),
        }
    }

    pub(crate) fn json(path: &Path, line: u64, err: serde_json::Error) -> GazetteerError {
        GazetteerError {
            path: path.to_path_buf(),
            line: Some(line),
            kind: GazetteerErrorKind::Json(err),
        }
    }

    pub(crate) fn missing(path: &Path, line: u64, field: &'static str) -> GazetteerError {
        GazetteerError {
            path: path.to_path_buf(),
            line: Some(line),
            kind: GazetteerErrorKind::MissingField(field),
        }
    }

    pub(crate) fn invalid(
        path: &Path,
        line: Option<u64>,
        msg: impl Into<String>,
    ) -> GazetteerError {
        GazetteerError {
            path: path.to_path_buf(),
            line,
            kind: GazetteerErrorKind::Invalid(msg.into()),
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line, when the error is about one line.
    pub fn line(&self) -> Option<u64> {
        self.line
    }
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        match &self.kind {
            GazetteerErrorKind::Io(e) => write!(f, ": cannot read gazetteer: {e}"),
            GazetteerErrorKind::Json(e) => write!(f, ": not a valid gazetteer entity: {e}"),
            GazetteerErrorKind::MissingField(name) => {
                write!(f, ": entity has an empty or missing \"{name}\"")
            }
            GazetteerErrorKind::UnknownFormat => write!(
                f,
                ": unknown gazetteer format (expected .jsonl, .json or .txt)"
            ),
            GazetteerErrorKind::Invalid(msg) => write!(f, ": {msg}"),
        }
    }
}

// No `source()`: the message already says what the I/O or JSON error was,
// and a chain would print it twice ("…: No such file or directory (os error
// 2): No such file or directory (os error 2)").
impl std::error::Error for GazetteerError {}

/// Where an entity was defined: file and 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The gazetteer file: one allocation shared by every entity of the
    /// file (a list of 500,000 names held as many copies of its path, and
    /// comparing them read each from memory).
    pub path: Arc<Path>,
    /// The 1-based line in it.
    pub line: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// A collection of entities loaded from one or more gazetteer files.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    origins: Vec<Origin>,
    index: HashMap<String, usize>,
    warnings: Vec<String>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Builds a gazetteer from entities made in code (origins are
    /// `<memory>:N`).
    ///
    /// ```
    /// use gazex::gazetteer::{Entity, EntityType, Gazetteer};
    /// let g = Gazetteer::from_entities(vec![
    ///     Entity::new("x-1", "Versor S.R.O.", EntityType::Organization),
    /// ]);
    /// assert_eq!(g.len(), 1);
    /// ```
    pub fn from_entities(entities: impl IntoIterator<Item = Entity>) -> Gazetteer {
        let mut g = Gazetteer::new();
        let path: Arc<Path> = Path::new("<memory>").into();
        for (i, e) in entities.into_iter().enumerate() {
            g.push(
                e,
                Origin {
                    path: path.clone(),
                    line: i as u64 + 1,
                },
            );
        }
        g
    }

    /// Loads a gazetteer file, or every gazetteer file directly in a folder
    /// (in name order).
    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::new();
        g.add_path(path)?;
        Ok(g)
    }

    /// Adds a file or a folder of files to this gazetteer.
    pub fn add_path(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let meta = std::fs::metadata(path).map_err(|e| GazetteerError::io(path, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            for entry in walkdir::WalkDir::new(path).max_depth(1).sort_by_file_name() {
                let entry = entry.map_err(|e| {
                    let p = e.path().unwrap_or(path).to_path_buf();
                    GazetteerError::io(&p, e.into())
                })?;
                if entry.file_type().is_file() && format_of(entry.path()).is_some() {
                    files.push(entry.into_path());
                }
            }
            for f in files {
                self.add_file(&f)?;
            }
            Ok(())
        } else {
            self.add_file(path)
        }
    }

    /// Adds one gazetteer file; its format is chosen by its extension.
    pub fn add_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let loaded = match format_of(path) {
            Some(Format::Native) => native::read_file(path)?,
            Some(Format::Plain) => plain::read_file(path)?,
            None => {
                return Err(GazetteerError {
                    path: path.to_path_buf(),
                    line: None,
                    kind: GazetteerErrorKind::UnknownFormat,
                })
            }
        };
        let shared: Arc<Path> = path.into();
        // (Room for every entity at once: the index rehashed and the
        // vectors grown as half a million were pushed cost 2% of a build.)
        self.index.reserve(loaded.len());
        self.entities.reserve(loaded.len());
        self.origins.reserve(loaded.len());
        for (line, e) in loaded {
            self.push(
                e,
                Origin {
                    path: shared.clone(),
                    line,
                },
            );
        }
        Ok(())
    }

    /// Adds one entity; a repeated id is skipped and reported in
    /// [`Gazetteer::warnings`]. A name form that folds to nothing or to a
    /// single letter ("!!!", "X") would match everywhere or nowhere: an
    /// alias of that kind is dropped, a display name of that kind is never
    /// matched ([`MatchPolicy::Never`]), and each is reported.
    pub fn push(&mut self, mut entity: Entity, origin: Origin) {
        if let Some(&first) = self.index.get(&entity.id) {
            self.warnings.push(format!(
                "{origin}: duplicate entity id \"{}\" (first defined at {}); this one is skipped",
                entity.id, self.origins[first]
            ));
            return;
        }
        let before = entity.aliases.len();
        let mut dropped = Vec::new();
        entity.aliases.retain(|a| {
            let keep = a.policy == MatchPolicy::Never || !degenerate(&a.name);
            if !keep {
                dropped.push(a.name.clone());
            }
            keep
        });
        if entity.aliases.len() < before {
            self.warnings.push(format!(
                "{origin}: entity \"{}\": aliases {dropped:?} fold to nothing or one letter and are never matched",
                entity.id
            ));
        }
        if degenerate(&entity.name) && entity.match_policy != MatchPolicy::Never {
            entity.match_policy = MatchPolicy::Never;
            self.warnings.push(format!(
                "{origin}: entity \"{}\": name {:?} folds to nothing or one letter and is never matched",
                entity.id, entity.name
            ));
        }
        self.index.insert(entity.id.clone(), self.entities.len());
        self.entities.push(entity);
        self.origins.push(origin);
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities, in load order, without the index.
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    /// Where the entity at `index` was defined.
    pub fn origin(&self, index: usize) -> &Origin {
        &self.origins[index]
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&i| &self.entities[i])
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Problems that did not stop loading (duplicate ids, …).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The entities of each file (each [`Origin`] path: a file, a
    /// published list's folder, `bundled:<file name>`), in load order,
    /// counted by type.
    pub fn counts_by_origin(&self) -> Vec<(&Path, BTreeMap<&EntityType, usize>)> {
        let mut out: Vec<(&Path, BTreeMap<&EntityType, usize>)> = Vec::new();
        // (The last entity's path: entities of one file are consecutive
        // and share their path's allocation, found so without reading it.)
        let mut last: Option<(&Arc<Path>, usize)> = None;
        for (e, o) in self.entities.iter().zip(&self.origins) {
            let i = match last {
                Some((path, i)) if Arc::ptr_eq(path, &o.path) => i,
                // Entities of one file are consecutive: look at the last first.
                _ => match out.iter().rposition(|(p, _)| *p == &*o.path) {
                    Some(i) => i,
                    None => {
                        out.push((&o.path, BTreeMap::new()));
                        out.len() - 1
                    }
                },
            };
            last = Some((&o.path, i));
            *out[i].1.entry(&e.kind).or_default() += 1;
        }
        out
    }

    /// Records a problem that did not stop loading.
    pub fn warn(&mut self, msg: String) {
        self.warnings.push(msg);
    }
}

/// A content hash of `entities`: XXH3-128 of each entity's native JSON line
/// ([`native::write`]'s form), in order. Two gazetteers with the same hash
/// hold the same entities with the same names, aliases, lists and
/// properties; an incremental index re-scans every document when it
/// changes.
///
/// ```
/// use gazex::gazetteer::{content_hash, Entity, EntityType};
/// let a = Entity::new("x-1", "Kim Jong Un", EntityType::Person);
/// let mut b = a.clone();
/// assert_eq!(content_hash(&[a.clone()]), content_hash(&[b.clone()]));
/// b.lists.push("DPRK3".into());
/// assert_ne!(content_hash(&[a]), content_hash(&[b]));
/// ```
pub fn content_hash(entities: &[Entity]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut line = Vec::new();
    for e in entities {
        line.clear();
        serde_json::to_writer(&mut line, e).expect("an entity always serializes");
        line.push(b'\n');
        h.update(&line);
    }
    h.digest128()
}

enum Format {
    Native,
    Plain,
}

fn format_of(path: &Path) -> Option<Format> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl") | Some("json") | Some("ndjson") => Some(Format::Native),
        Some("txt") | Some("lst") => Some(Format::Plain),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_counted_by_file_whether_their_origins_share_the_path_or_not() {
        let mut g = Gazetteer::new();
        let a: Arc<Path> = Path::new("a.txt").into();
        let b: Arc<Path> = Path::new("b.jsonl").into();
        // (One allocation for a file's entities, as `add_file` makes, then
        // the same file's path in an allocation of its own: the same file.)
        let rows = [
            (a.clone(), EntityType::Person),
            (a.clone(), EntityType::Person),
            (b.clone(), EntityType::Organization),
            (Path::new("a.txt").into(), EntityType::Vessel),
            (a, EntityType::Person),
            (b, EntityType::Person),
        ];
        for (i, (path, kind)) in rows.into_iter().enumerate() {
            let e = Entity::new(format!("e{i}"), format!("Name {i}"), kind);
            g.push(
                e,
                Origin {
                    path,
                    line: i as u64 + 1,
                },
            );
        }
        let counts: Vec<(String, Vec<(String, usize)>)> = g
            .counts_by_origin()
            .into_iter()
            .map(|(p, by)| {
                let by = by.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
                (p.display().to_string(), by)
            })
            .collect();
        let row = |p: &str, by: &[(&str, usize)]| {
            let by = by.iter().map(|&(k, n)| (k.to_string(), n)).collect();
            (p.to_string(), by)
        };
        assert_eq!(
            counts,
            [
                row("a.txt", &[("person", 3), ("vessel", 1)]),
                row("b.jsonl", &[("person", 1), ("organization", 1)]),
            ]
        );
    }

    /// `degenerate`'s answer without folding is the folded answer.
    fn agrees(name: &str) -> Result<(), String> {
        let (fast, folded) = (degenerate(name), folds_to_nothing_or_a_letter(name));
        (fast == folded)
            .then_some(())
            .ok_or_else(|| format!("{name:?}: {fast}, folded {folded}"))
    }

    #[test]
    fn degenerate_names() {
        for (name, yes) in [
            ("", true),
            ("E.", true),
            ("A", true),
            ("É", true),
            ("-", true),
            ("ab", false),
            ("A B", false),
            ("A H.W. B.", true),
            ("Bush H.W. X.", false),
            ("ab@example.org", true),
            ("http://ab", true),
            ("x ab@example.org", true),
            ("Ab Cd", false),
            ("Ёж", false),
        ] {
            assert_eq!(degenerate(name), yes, "{name:?}");
            agrees(name).unwrap();
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        #[test]
        fn degenerate_without_folding_as_folded(
            name in "[aB1 .\\-@:/'’é\u{301}|(\n]{0,10}"
        ) {
            agrees(&name).map_err(proptest::test_runner::TestCaseError::fail)?;
        }
    }
}
