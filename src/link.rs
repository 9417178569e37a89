//! Who is meant: what the lists know about a person's public life, and how
//! a title written in the text fits it at the document's date.
//!
//! A name in a dated article can mean only someone who was in public life
//! then, and a title before it ("President", "Sen.") says which of several
//! people of that name: the one who held such an office **at that date**.
//! This module holds that knowledge; the resolver ([`crate::resolve`])
//! weighs it.
//!
//! - A [`Profile`] per entity, built once from its gazetteer record: the
//!   offices it held (each role's title read into an [`Offices`] set) with
//!   their terms, and the span of its public life:
//!   - it **starts** at the later of the 20th birthday and 40 years before
//!     the first known term (a future president is in the news as a young
//!     senator, not as a child); with neither known, 40 years before the
//!     first date a list saw the person in office (a term seen running
//!     that day may have begun on it: "Dr Ruhakana Rugunda", a spokesman
//!     in 1986, is the prime minister the CIA's list of 2019 saw);
//!   - it has no end (the dead are still written about), but 30 years after
//!     the last term a person who never led a state or government is
//!     **long out of office**: the name then needs a title or written
//!     initials that fit ("Adlai Stevenson" in 1961 is not the vice
//!     president of 1893).
//!   - A term known only by the day a list saw it held (`as_of`, the CIA
//!     directory of 2019) is taken to run four years either side of it.
//!   - A head of state's or government's term that no list ends (still
//!     running, or estimated so) ends at the latest first day of the next
//!     holder of that office in that country that a later list gives
//!     ([`end_terms_at_successors`]).
//! - [`title_before`] reads the title written before a name ("former
//!   President", "U.S. Sen.", "Defense Secretary") into [`Offices`] and
//!   says whether it speaks of the past ("former").
//! - [`occupation_before`] finds a word that says the person is no
//!   official at all ("the economist Adam Smith", "singer Al Green").
//!
//! ```
//! use gazex::date::DocDate;
//! use gazex::gazetteer::{Entity, EntityType};
//! use gazex::link::{Offices, Profile};
//!
//! let mut jfk = Entity::new("jfk", "John Kennedy", EntityType::Person);
//! jfk.properties.insert("birth_date".into(), "1917-05-29".into());
//! jfk.properties.insert(
//!     "roles".into(),
//!     serde_json::json!([{"role": "President of the United States",
//!                         "start": "1961-01-20", "end": "1963-11-22"}]),
//! );
//! let p = Profile::of(&jfk);
//! let d1962 = DocDate::parse("1962").unwrap();
//! assert!(p.possible_at(&d1962));
//! assert!(p.held_at(Offices::HEAD_OF_STATE, &d1962));
//! assert!(!p.possible_at(&DocDate::parse("1930").unwrap()));
//! ```

use std::ops::BitOr;

use crate::date::{day_of, Day, DocDate};
use crate::gazetteer::{Entity, EntityType};

/// A set of kinds of office, as bits.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Offices(u16);

impl Offices {
    /// No office.
    pub const NONE: Offices = Offices(0);
    /// President, king, emir, supreme leader, party leader of a one-party state.
    pub const HEAD_OF_STATE: Offices = Offices(1);
    /// Prime minister, premier, chancellor.
    pub const HEAD_OF_GOVERNMENT: Offices = Offices(1 << 1);
    /// Vice president, deputy prime minister.
    pub const DEPUTY_HEAD: Offices = Offices(1 << 2);
    /// Minister, secretary (of state, of defense …), attorney general.
    pub const MINISTER: Offices = Offices(1 << 3);
    /// Senator.
    pub const SENATOR: Offices = Offices(1 << 4);
    /// Representative, member of parliament, other legislators.
    pub const REPRESENTATIVE: Offices = Offices(1 << 5);
    /// Governor of a state or province.
    pub const GOVERNOR: Offices = Offices(1 << 6);
    /// Ambassador, envoy, permanent representative.
    pub const DIPLOMAT: Offices = Offices(1 << 7);
    /// Mayor.
    pub const MAYOR: Offices = Offices(1 << 8);
    /// Central banker.
    pub const BANKER: Offices = Offices(1 << 9);
    /// Any other office.
    pub const OTHER: Offices = Offices(1 << 10);
    /// King, queen, emir, sultan, emperor: a head of state by birth. A
    /// president is no king ("King Arthur" is not President Arthur).
    pub const MONARCH: Offices = Offices(1 << 11);

    /// The offices of both sets.
    pub const fn union(self, other: Offices) -> Offices {
        Offices(self.0 | other.0)
    }

    /// Whether the two sets share an office.
    pub fn meets(self, other: Offices) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Heads of state or government.
    pub fn leads(self) -> bool {
        self.meets(Offices::HEAD_OF_STATE | Offices::HEAD_OF_GOVERNMENT)
    }
}

impl BitOr for Offices {
    type Output = Offices;
    fn bitor(self, o: Offices) -> Offices {
        Offices(self.0 | o.0)
    }
}

/// The offices a role's title names ("President of the United States",
/// "Deputy Prime Minister", "United States Senator", "Minister of Finance").
pub fn classify_role(role: &str) -> Offices {
    let r = role.to_lowercase();
    let has = |w: &str| r.contains(w);
    if has("central bank") || has("national bank") || has("reserve bank") {
        return Offices::BANKER;
    }
    if has("vice president") || has("vice-president") {
        return Offices::DEPUTY_HEAD;
    }
    if has("deputy prime minister")
        || has("deputy premier")
        || has("deputy chairman of the government")
        || has("vice premier")
    {
        return Offices::DEPUTY_HEAD | Offices::MINISTER;
    }
    if has("prime minister")
        || has("premier")
        || has("chancellor")
        || has("chairman of the government")
        || has("head of government")
        || has("taoiseach")
    {
        return Offices::HEAD_OF_GOVERNMENT;
    }
    if has("president of the united states") {
        return Offices::HEAD_OF_STATE | Offices::HEAD_OF_GOVERNMENT;
    }
    if r.starts_with("president")
        && !has("court")
        && !has("senate")
        && !has("assembly")
        && !has("parliament")
        && !has("council of")
    {
        return Offices::HEAD_OF_STATE;
    }
    for w in [
        "king",
        "queen",
        "emir",
        "sultan",
        "monarch",
        "grand duke",
        "emperor",
    ] {
        if has(w) {
            return Offices::HEAD_OF_STATE | Offices::MONARCH;
        }
    }
    for w in [
        "supreme leader",
        "monarch",
        "grand duke",
        "general secretary",
        "chairman of kwp",
        "chairman of the state affairs",
        "chairman of state affairs",
        "head of state",
    ] {
        if has(w) {
            return Offices::HEAD_OF_STATE;
        }
    }
    if has("senator") {
        return Offices::SENATOR;
    }
    if has("ambassador") || has("permanent representative") || has("envoy") {
        return Offices::DIPLOMAT;
    }
    if has("representative") || has("member of parliament") || has("deputy of the") {
        return Offices::REPRESENTATIVE;
    }
    if has("minister") || has("secretary") || has("attorney general") {
        return Offices::MINISTER;
    }
    if has("governor") && !has("governor general") && !has("governor-general") {
        return Offices::GOVERNOR;
    }
    if has("mayor") {
        return Offices::MAYOR;
    }
    Offices::OTHER
}

/// One office held, with its term as far as known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Term {
    /// What kind of office.
    pub offices: Offices,
    /// First day (estimated where only `as_of` is known).
    pub from: Day,
    /// The latest day the term can have begun: the end of the year or
    /// month where only that is known ("2019"), else `from`.
    pub from_latest: Day,
    /// Last day (estimated where only `as_of` is known; far future for a
    /// term still running with no end given).
    pub to: Day,
    /// The earliest day the term can have ended: `to` where an end is
    /// known; for a term a list saw running on a day (`as_of`) with no
    /// end given, that day: it may have ended any time after.
    pub to_earliest: Day,
}

/// What the lists say of an entity's public life.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    /// Offices held, with terms.
    pub terms: Vec<Term>,
    /// The first day the entity can be in the news (`None`: unknown).
    pub public_from: Option<Day>,
    /// The last day of its last term (`None`: unknown or still in office).
    pub last_term_end: Option<Day>,
    /// Every office it held, any time.
    pub offices: Offices,
    /// The year of birth: `birth_date`, else the earliest OFAC `dob`.
    pub born: Option<i32>,
    /// `'M'` or `'F'`: the recorded `gender`, else the one every listed
    /// person of the same first given name with a recorded gender has
    /// ([`infer_genders`]).
    pub gender: Option<char>,
}

/// Years, as a [`Day`] difference (`Day` is `yyyymmdd`).
const fn years(n: i32) -> Day {
    n * 10000
}

/// How long after the last term a person who never led a state or a
/// government is long out of office.
const LONG_OUT: Day = years(30);

/// The youngest age at which the lists' offices are held, in practice: a
/// member of a cabinet, a parliament or a head of government under 25 is
/// rare enough to leave out (a monarch may reign as a child, and is not
/// judged so).
pub const MIN_OFFICE_AGE: i32 = 25;

/// The earliest day the lists show entity `e` surely holding an office: a
/// role's start (read at its latest: "2013" is the year's last day), else
/// its end or the day a list saw it running (`as_of`). A term estimated
/// around such a day does not count: only what a list states.
///
/// ```
/// use gazex::link::surely_in_office;
/// let e: gazex::gazetteer::Entity = serde_json::from_str(
///     r#"{"id":"x","name":"Jan Example","type":"person","roles":[
///        {"role":"Foreign Minister","start":"2013-03-17","as_of":"2022-07-03"},
///        {"role":"Ambassador","as_of":"2007-06"}]}"#,
/// ).unwrap();
/// assert_eq!(surely_in_office(&e), Some(20070601));
/// ```
pub fn surely_in_office(e: &Entity) -> Option<Day> {
    let roles = e.properties.get("roles")?.as_array()?;
    roles
        .iter()
        .filter_map(|r| {
            let day = |k: &str, first: bool| {
                r.get(k)
                    .and_then(|v| v.as_str())
                    .and_then(|s| day_of(s, first))
            };
            day("start", false)
                .or_else(|| day("end", true))
                .or_else(|| day("as_of", true))
        })
        .min()
}

/// The earliest birth year OFAC's `dob` values allow ("04 Dec 2001",
/// "circa 1960", "1955 to 1958"), as its first day.
fn earliest_dob(e: &Entity) -> Option<Day> {
    let values = e.properties.get("dob")?;
    let strings: Vec<&str> = match values {
        serde_json::Value::String(s) => vec![s.as_str()],
        serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
        _ => return None,
    };
    strings
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_ascii_digit()))
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1800..=2100).contains(y))
        .min()
        .map(|y| y * 10000 + 101)
}

impl Profile {
    /// The profile of `e` from its `roles` (`role`, `start`, `end`,
    /// `as_of`) and `birth_date` properties (for a person with neither,
    /// OFAC's `dob`, its earliest year). Entities other than persons,
    /// and persons without these, get an empty profile: nothing to weigh.
    pub fn of(e: &Entity) -> Profile {
        let mut p = Profile::default();
        if e.kind != EntityType::Person {
            return p;
        }
        fn str_of<'a>(v: &'a serde_json::Value, k: &str) -> Option<&'a str> {
            v.get(k).and_then(|x| x.as_str())
        }
        let mut first_start: Option<Day> = None;
        let mut first_seen: Option<Day> = None;
        let mut ended: Option<Day> = Some(Day::MIN);
        if let Some(roles) = e.properties.get("roles").and_then(|r| r.as_array()) {
            for r in roles {
                let Some(title) = str_of(r, "role") else {
                    continue;
                };
                // A posthumous title ("Eternal President", the CIA's of
                // 2019 for a ruler dead since 1994) says what the person
                // was, not when: the kind of office, no term.
                if let Some(was) = title.strip_prefix("Eternal ") {
                    p.offices = p.offices | classify_role(was);
                    continue;
                }
                let offices = classify_role(title);
                let start = str_of(r, "start").and_then(|s| day_of(s, true));
                let start_latest = str_of(r, "start").and_then(|s| day_of(s, false));
                let end = str_of(r, "end").and_then(|s| day_of(s, false));
                let as_of = str_of(r, "as_of").and_then(|s| day_of(s, true));
                let current = r.get("current").and_then(|c| c.as_bool()) == Some(true);
                let (from, to) = match (start, end, as_of) {
                    (Some(s), Some(e), _) => (s, e),
                    (Some(s), None, Some(a)) if !current => (s, a),
                    (Some(s), None, _) => (s, Day::MAX),
                    (None, Some(e), _) => (e - years(4), e),
                    (None, None, Some(a)) => (a - years(4), a + years(4)),
                    (None, None, None) => continue,
                };
                if start.is_some() {
                    first_start = Some(first_start.map_or(from, |f| f.min(from)));
                }
                first_seen = Some(first_seen.map_or(from, |f| f.min(from)));
                ended = match ended {
                    Some(x) if to != Day::MAX && !(current && end.is_none()) => Some(x.max(to)),
                    _ => None,
                };
                p.offices = p.offices | offices;
                p.terms.push(Term {
                    offices,
                    from,
                    from_latest: start_latest.unwrap_or(from),
                    to,
                    // (Known to have run to its end, or to the day a list
                    // saw it; an end estimated from that day may be
                    // earlier: "former President Ghani" in 2021 by a list
                    // of 2019.)
                    to_earliest: match (end, as_of) {
                        (Some(e), _) => e,
                        (None, Some(a)) => a,
                        (None, None) if to == Day::MAX => from,
                        (None, None) => to,
                    },
                });
            }
        }
        if p.terms.is_empty() {
            ended = None;
        }
        p.last_term_end = ended;
        let born = e
            .properties
            .get("birth_date")
            .and_then(|b| b.as_str())
            .and_then(|b| day_of(b, true));
        p.born = born.or_else(|| earliest_dob(e)).map(|d| d / 10000);
        p.gender = recorded_gender(e);
        // A monarch is in the news from birth: the press reports on heirs
        // as children ("Prince Charles" at the Coronation, "Crown Prince
        // Akihito" at his wedding, three decades before the reign).
        let monarch = p.offices.meets(Offices::MONARCH);
        p.public_from = match (born, first_start) {
            (Some(b), _) if monarch => Some(b),
            (None, _) if monarch => first_start.or(first_seen).map(|s| s - years(70)),
            (Some(b), Some(s)) => Some((b + years(20)).max(s - years(40))),
            (Some(b), None) => Some(b + years(20)),
            (None, Some(s)) => Some(s - years(40)),
            (None, None) => first_seen
                .map(|s| s + years(4) - years(40))
                // A sanctioned person is in the news from youth (OFAC
                // designates the sons of the powerful at 18): public from
                // the age of 12, by the earliest birth year listed.
                .or_else(|| earliest_dob(e).map(|b| b + years(12))),
        };
        p
    }

    /// Whether the entity can be meant in a document of `date`: the
    /// period reaches into its public life.
    pub fn possible_at(&self, date: &DocDate) -> bool {
        self.public_from.is_none_or(|f| date.last_day() >= f)
    }

    /// Whether at `date` the entity is long out of office: 30 years past
    /// its last term, and never a head of state or government.
    pub fn long_out_of_office(&self, date: &DocDate) -> bool {
        !self.offices.leads()
            && self
                .last_term_end
                .is_some_and(|e| date.first_day() > e.saturating_add(LONG_OUT))
    }

    /// Whether a term of one of `offices` overlaps `date`.
    pub fn held_at(&self, offices: Offices, date: &DocDate) -> bool {
        self.terms.iter().any(|t| {
            t.offices.meets(offices) && t.from <= date.last_day() && t.to >= date.first_day()
        })
    }

    /// Whether the date ends before the first recorded term begins: the
    /// years of a career the lists do not record (a future vice president
    /// as a senator).
    pub fn before_terms(&self, date: &DocDate) -> bool {
        self.terms.iter().all(|t| t.from_latest >= date.first_day())
    }

    /// Whether a term of one of `offices` can have ended before `date`
    /// ended: held and left ("former President"; "former Treasury
    /// Secretary" for one a 2022 list saw in office with no end).
    pub fn left_by(&self, offices: Offices, date: &DocDate) -> bool {
        self.terms
            .iter()
            .any(|t| t.offices.meets(offices) && t.to_earliest <= date.last_day())
    }

    /// Whether a term of one of `offices` began before `date` ended.
    pub fn held_by(&self, offices: Offices, date: &DocDate) -> bool {
        self.terms
            .iter()
            .any(|t| t.offices.meets(offices) && t.from <= date.last_day())
    }

    /// How many years lie between `date` and the nearest term (0 in
    /// office; 255 with no term or 255 years and more).
    pub fn years_from(&self, date: &DocDate) -> u8 {
        self.terms
            .iter()
            .map(|t| {
                let gap = if t.to < date.first_day() {
                    date.first_day() - t.to
                } else if t.from > date.last_day() {
                    t.from - date.last_day()
                } else {
                    0
                };
                (gap / 10000).min(255) as u8
            })
            .min()
            .unwrap_or(255)
    }

    /// Whether any term overlaps `date`: in office then.
    pub fn in_office_at(&self, date: &DocDate) -> bool {
        self.terms
            .iter()
            .any(|t| t.from <= date.last_day() && t.to >= date.first_day())
    }
}

/// A title written before a name: the offices it names, and whether it
/// speaks of the past ("former", "the late", "ex-").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Title {
    /// Offices named (empty for an honorific such as "Mr." or "Dr.").
    pub offices: Offices,
    /// "former President": the office was held before the date.
    pub past: bool,
    /// How many words the title spans.
    pub words: usize,
    /// "Prince", "Princess", "Crown Prince": a royal not (yet) reigning.
    pub heir: bool,
}

/// The offices one folded title word names, or `None` when the word is
/// no title word. Words that only qualify a title (`u.s.`, `state`,
/// `foreign`) name no office but continue it.
fn title_word(w: &str) -> Option<Offices> {
    Some(match w {
        "president" | "presidents" | "pres" => Offices::HEAD_OF_STATE,
        "king" | "queen" | "emir" | "sultan" | "monarch" | "emperor" | "tsar" | "czar"
        | "kings" | "queens" | "prince" | "princess" => Offices::MONARCH,
        // ("PM Shehbaz": the South Asian press's short title; not "FM",
        // which radio stations' names end in.)
        "premier" | "premiers" | "taoiseach" | "pm" => Offices::HEAD_OF_GOVERNMENT,
        // A chancellor leads Germany's or Austria's government, and is
        // Britain's finance minister.
        "chancellor" | "chancellors" => Offices::HEAD_OF_GOVERNMENT | Offices::MINISTER,
        "minister" | "secretary" | "ministers" | "secretaries" => Offices::MINISTER,
        "senator" | "senators" | "sen" | "sens" => Offices::SENATOR,
        "representative" | "representatives" | "rep" | "reps" | "congressman" | "congresswoman"
        | "congressmember" | "lawmaker" | "mp" | "speaker" | "delegate" => Offices::REPRESENTATIVE,
        // (A state's governor, or a central bank's.)
        "governor" | "governors" | "gov" => Offices::GOVERNOR | Offices::BANKER,
        "ambassador" | "ambassadors" | "amb" | "envoy" => Offices::DIPLOMAT,
        "mayor" => Offices::MAYOR,
        "vice" | "deputy" | "prime" | "first" | "supreme" | "leader" | "chairman" | "general"
        | "attorney" | "foreign" | "defense" | "defence" | "finance" | "interior" | "state"
        | "treasury" | "u.s" | "us" | "u.s." | "of" | "the" | "majority" | "minority" | "house"
        | "senate" | "then" | "former" | "late" | "ex" | "acting" | "interim" | "sitting"
        | "incoming" | "outgoing" | "republican" | "democratic" | "democrat" | "gop" => {
            Offices::NONE
        }
        _ => return None,
    })
}

/// Words of a minister's portfolio written after the title ("minister
/// for security affairs", "secretary of state for foreign and
/// commonwealth affairs").
const PORTFOLIO: &[&str] = &[
    "the",
    "and",
    "affairs",
    "security",
    "political",
    "legal",
    "economic",
    "economy",
    "economics",
    "finance",
    "financial",
    "foreign",
    "home",
    "interior",
    "defence",
    "defense",
    "trade",
    "industry",
    "health",
    "education",
    "justice",
    "energy",
    "mines",
    "mining",
    "agriculture",
    "planning",
    "information",
    "culture",
    "tourism",
    "labour",
    "labor",
    "transport",
    "communications",
    "maritime",
    "investment",
    "coordination",
    "social",
    "welfare",
    "people's",
    "state",
    "commonwealth",
    "development",
    "environment",
    "water",
    "petroleum",
    "oil",
    "commerce",
    "treasury",
    "war",
    "human",
    "resources",
    "public",
    "works",
    "religious",
    "women",
    "youth",
    "sports",
    "science",
    "technology",
];

/// Reads the title written in `words` (folded words just before a name,
/// nearest last; at most five are looked at): "former President" →
/// head of state, past. `None` when the word just before the name is no
/// title word.
pub fn title_before(words: &[&str]) -> Option<Title> {
    // An academic honorific between the office and the name ("Finance
    // Minister Professor Mthuli Ncube", "Health Minister Dr. …").
    let mut words = words;
    while let [rest @ .., "professor" | "prof" | "dr" | "doctor"] = words {
        if rest.is_empty() {
            break;
        }
        words = rest;
    }
    // A minister's portfolio written after the title ("the coordinating
    // minister for security affairs, Wiranto"; "the minister of the
    // interior, …"): the title is the minister's.
    // (Words of a portfolio only: "secretary of defense in 1989. He",
    // "the minister of finance criticized Erdogan", "party secretary of
    // Guangdong Li Xi" give no title.)
    let portfolio_word = |w: &&str| PORTFOLIO.contains(w);
    let len = words.len();
    let mut portfolio = 0;
    if let Some(k) = (len.saturating_sub(6)..len.saturating_sub(2))
        .rev()
        .find(|&k| {
            matches!(words[k], "minister" | "secretary")
                && matches!(words[k + 1], "for" | "of")
                && words[k + 2..].iter().all(portfolio_word)
        })
    {
        portfolio = len - 1 - k;
        words = &words[..=k];
    }
    let mut t = Title::default();
    let mut named = Vec::new();
    for &w in words.iter().rev().take(5) {
        let Some(o) = title_word(w) else {
            break;
        };
        // "the former chairman of President Trump": once an office is
        // named, "of" ends the title ("Secretary of State" reads on,
        // since "state" names none).
        if w == "of" && !t.offices.is_empty() {
            break;
        }
        t.words += 1;
        t.offices = t.offices | o;
        named.push(w);
    }
    t.words += portfolio;
    // Read in text order.
    named.reverse();
    let last = *named.last()?;
    if matches!(
        last,
        "of" | "the" | "then" | "former" | "late" | "ex" | "u.s" | "us" | "u.s."
    ) {
        return None;
    }
    let has = |w: &str| named.contains(&w);
    t.past = has("former") || has("late") || has("ex");
    t.heir = has("prince") || has("princess");
    if has("vice") || has("deputy") {
        t.offices = if t.offices.meets(Offices::HEAD_OF_GOVERNMENT) || has("prime") {
            Offices::DEPUTY_HEAD | Offices::MINISTER
        } else if t.offices.meets(Offices::HEAD_OF_STATE) {
            Offices::DEPUTY_HEAD
        } else {
            t.offices
        };
    } else if has("prime") && has("minister") {
        t.offices = Offices::HEAD_OF_GOVERNMENT;
    } else if has("supreme") && has("leader") {
        t.offices = Offices::HEAD_OF_STATE;
    } else if has("attorney") && has("general") {
        t.offices = Offices::MINISTER;
    } else if has("secretary") && has("general") {
        t.offices = Offices::OTHER;
    }
    if t.offices.is_empty() {
        return None;
    }
    Some(t)
}

/// The title a plural title word gives every name of the list after it,
/// read for a name after the first ("Senators Olympia J. Snowe and Susan
/// Collins", "Maine's two Republican senators, Olympia J. Snowe and Susan
/// Collins", "the two prime ministers, …"), and the index in `words` of
/// the title word: `words` are the folded words before the name, nearest
/// last, and `in_name(i)` says whether `words[i]` is written as a word of
/// a name (capitalized). Between the title and the name only names, "and"
/// and "or" stand, with "and" or "or" among them. `None` otherwise, for a
/// title in the singular ("Senator Olympia J. Snowe and Susan Collins"
/// titles the first only), and for "kings" and "queens" (a borough, a
/// team). The caller checks that the list's first name takes the title.
///
/// ```
/// use gazex::link::{list_title, Offices};
/// let words = ["two", "republican", "senators", "olympia", "j", "snowe", "and"];
/// let caps = |i: usize| i >= 3 && i <= 5;
/// let (t, at) = list_title(&words, caps).unwrap();
/// assert_eq!((t.offices, at), (Offices::SENATOR, 2));
/// let words = ["the", "two", "prime", "ministers", "boris", "johnson", "and"];
/// let (t, _) = list_title(&words, |i| (4..=5).contains(&i)).unwrap();
/// assert_eq!(t.offices, Offices::HEAD_OF_GOVERNMENT);
/// let words = ["senator", "olympia", "j", "snowe", "and"];
/// assert!(list_title(&words, |i| (1..=3).contains(&i)).is_none());
/// let words = ["senators", "met", "olympia", "j", "snowe", "and"];
/// assert!(list_title(&words, |i| (2..=4).contains(&i)).is_none());
/// ```
pub fn list_title(words: &[&str], in_name: impl Fn(usize) -> bool) -> Option<(Title, usize)> {
    // The singular of a plural title word ("ministers", "secretaries").
    let singular = |w: &str| -> Option<String> {
        if matches!(w, "kings" | "queens") || title_word(w).is_none_or(|o| o.is_empty()) {
            return None;
        }
        let one = match w.strip_suffix("ies") {
            Some(stem) => format!("{stem}y"),
            None => w.strip_suffix('s')?.to_string(),
        };
        title_word(&one)
            .is_some_and(|o| !o.is_empty())
            .then_some(one)
    };
    let mut joined = false;
    for j in (0..words.len()).rev() {
        let w = words[j];
        if matches!(w, "and" | "or") {
            joined = true;
        } else if let Some(one) = singular(w) {
            if !joined {
                return None;
            }
            // ("prime ministers": read as "prime minister".)
            let mut title: Vec<&str> = words[..j].to_vec();
            title.push(&one);
            return title_before(&title).map(|t| (t, j));
        } else if !in_name(j) {
            return None;
        }
    }
    None
}

/// Reads a title out of an appositive or relative clause after a name
/// (its folded words, from just after the comma): ", who was Vice
/// President", ", the former Belgian prime minister", ", Carter's vice
/// president" (the possessive written `'s`). `None` when it names no
/// office. It speaks of the past after "was", "former", "late", "ex".
pub fn title_after(words: &[&str]) -> Option<Title> {
    // Only an appositive or a relative clause ("…, to promise President
    // Zelensky" is the next name's title).
    // ("Carter's vice president": a name's possessive, written `'s`,
    // opens one too.)
    if !words
        .first()
        .is_some_and(|w| matches!(*w, "the" | "a" | "an" | "who" | "former" | "then" | "now"))
        && words.get(1) != Some(&"'s")
    {
        return None;
    }
    let at = words
        .iter()
        .position(|w| title_word(w).is_some_and(|o| !o.is_empty()))?;
    // ("the only son of Venezuelan President Nicolás Maduro", "chief of
    // staff to Senator Schumer": an office after "of" or "to" is another
    // person's; "who was born in Queens": a word after a place's
    // preposition is a place.)
    if words[..at].iter().any(|w| matches!(*w, "of" | "to"))
        || at > 0 && matches!(words[at - 1], "in" | "at" | "near" | "from")
    {
        return None;
    }
    // The run of title words around the office word ("prime minister",
    // "vice president").
    let mut from = at;
    while from > 0 && title_word(words[from - 1]).is_some() {
        from -= 1;
    }
    let mut to = at + 1;
    while to < words.len()
        && title_word(words[to]).is_some_and(|o| !o.is_empty() || words[to] == "minister")
    {
        to += 1;
    }
    let mut t = title_before(&words[from..to])?;
    t.past |= words[..from]
        .iter()
        .any(|w| matches!(*w, "was" | "former" | "late" | "ex"));
    Some(t)
}

/// Reads an office out of a predicate right after a name (its folded
/// words, past a comma if one closes an apposition before the name): "was
/// Vice President from 1893 to 1897", "served as prime minister until",
/// "became president in". The run of title words (which takes an "of"
/// in: "secretary of state") must end the clause or meet a word of time,
/// place or company ("from", "in", "under", "until", "and"), so that "was
/// President Obama's adviser" names no office of the subject, nor does
/// "was president of Russia" (a place after "of" is not read). `None`
/// when it names no office. "Was" and "served as" speak of the past;
/// "became" and "was elected", "named" or "appointed" of an office that
/// may still be held.
///
/// ```
/// use gazex::link::{title_of_predicate, Offices};
/// let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
/// let vp = title_of_predicate(&words("was vice president from 1893 to 1897")).unwrap();
/// assert!(vp.past && vp.offices == Offices::DEPUTY_HEAD);
/// assert!(title_of_predicate(&words("served as prime minister until 2010")).is_some());
/// let elected = title_of_predicate(&words("was elected president")).unwrap();
/// assert!(!elected.past);
/// assert_eq!(title_of_predicate(&words("was president obama 's adviser")), None);
/// assert_eq!(title_of_predicate(&words("said president")), None);
/// ```
pub fn title_of_predicate(words: &[&str]) -> Option<Title> {
    let (mut rest, mut past) = match words {
        ["served", "as", rest @ ..] => (rest, true),
        ["was", rest @ ..] => (rest, true),
        ["became", rest @ ..] => (rest, false),
        _ => return None,
    };
    if let ["elected" | "named" | "appointed", more @ ..] = rest {
        rest = more;
        past = false;
    }
    if let ["a" | "an" | "the", more @ ..] = rest {
        rest = more;
    }
    let run = rest.iter().take_while(|w| title_word(w).is_some()).count();
    if run == 0
        || !rest[..run]
            .iter()
            .any(|w| title_word(w).is_some_and(|o| !o.is_empty()))
    {
        return None;
    }
    let closes = rest.get(run).is_none_or(|w| {
        matches!(
            *w,
            "from"
                | "in"
                | "under"
                | "during"
                | "for"
                | "between"
                | "until"
                | "and"
                | "when"
                | "since"
                | "to"
        )
    });
    if !closes {
        return None;
    }
    let mut t = title_before(&rest[..run])?;
    t.past = past;
    Some(t)
}

/// Words that, written just before a person's name, say the person is
/// known for something other than office: "the economist Adam Smith",
/// "singer Al Green", "striker Kim Min-jae".
const OCCUPATIONS: &[&str] = &[
    "economist",
    "philosopher",
    "novelist",
    "author",
    "writer",
    "poet",
    "playwright",
    "essayist",
    "critic",
    "journalist",
    "columnist",
    "reporter",
    "singer",
    "songwriter",
    "lyricist",
    "composer",
    "musician",
    "guitarist",
    "pianist",
    "drummer",
    "rapper",
    "bandleader",
    "conductor",
    "actor",
    "actress",
    "comedian",
    "filmmaker",
    "painter",
    "sculptor",
    "artist",
    "photographer",
    "architect",
    "designer",
    "chef",
    "footballer",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "outfielder",
    "shortstop",
    "golfer",
    "boxer",
    "wrestler",
    "sprinter",
    "swimmer",
    "skater",
    "cyclist",
    "tennis",
    "player",
    "coach",
    "manager",
    "jockey",
    "athlete",
    "scientist",
    "physicist",
    "chemist",
    "biologist",
    "astronomer",
    "mathematician",
    "inventor",
    "explorer",
    "colonist",
    "settler",
    "preacher",
    "pastor",
    "rev",
    "reverend",
    "priest",
    "rabbi",
    "bishop",
    "lawyer",
    "attorney",
    "professor",
    "historian",
    "surgeon",
    "physician",
    "nurse",
    "teacher",
    "student",
    "farmer",
    "plumber",
    "dancer",
    "ballerina",
    "model",
    "entrepreneur",
    "owner",
    "co-owner",
    "proprietor",
    "programmer",
    "engineer",
    "pilot",
    "astronaut",
    "broadcaster",
    "presenter",
    "host",
    "dealer",
    "trafficker",
    "smuggler",
    "gangster",
    "mobster",
    "bootlegger",
];

/// Sports: in an appositive after a name ("Mark Taylor, the former
/// Australian cricket captain") they say what the person is known for.
const SPORTS: &[&str] = &[
    "cricket",
    "cricketer",
    "football",
    "soccer",
    "baseball",
    "basketball",
    "hockey",
    "rugby",
    "golf",
    "tennis",
    "boxing",
    "chess",
    "athletics",
    "olympic",
    "olympian",
    "racing",
];

/// Whether the folded words of an appositive after a name (", the former
/// Australian cricket captain") name an occupation or a sport.
pub fn occupation_in(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| OCCUPATIONS.contains(w) || SPORTS.contains(w))
}

/// Whether the last of the folded words just before a name (`before`,
/// nearest last) is an occupation word ("economist", "singer") or a
/// private person's job ("grocer Ali Hussein", "shopkeeper Wang Yi"), and
/// not a verb: after "to", a modal or a pronoun such a word is what
/// someone does ("was to host Kim Jong Un", "they judge").
///
/// ```
/// use gazex::link::occupation_before;
/// assert!(occupation_before(&["talk", "show", "host"]));
/// assert!(!occupation_before(&["was", "to", "host"]));
/// assert!(occupation_before(&["his", "classmate"]));
/// assert!(occupation_before(&["a", "park", "ranger"]));
/// assert!(!occupation_before(&["former", "army", "ranger"]));
/// ```
pub fn occupation_before(before: &[&str]) -> bool {
    let [.., w] = before else {
        return false;
    };
    let verb = before.len() > 1
        && matches!(
            before[before.len() - 2],
            "to" | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "shall"
                | "should"
                | "did"
                | "do"
                | "does"
                | "i"
                | "we"
                | "they"
                | "you"
        );
    // (A private job held before says nothing of an office now: "Former
    // Army Ranger Jason Crow", "former bartender Alexandria
    // Ocasio-Cortez"; a former striker is still the footballer.)
    let past = before
        .iter()
        .any(|w| matches!(*w, "former" | "ex" | "onetime" | "one-time"));
    !verb && (OCCUPATIONS.contains(w) || (PRIVATE.contains(w) && !past))
}

/// Whether an occupation word is a business or profession that sanctioned
/// parties hold too ("manager", "lawyer", "entrepreneur", "preacher": a
/// jihadist group's leader; "physician", "scientist": a terrorist leader
/// trained in medicine, a weapons program's scientists), so that it rules
/// out only officials.
pub fn is_profession(word: &str) -> bool {
    matches!(
        word,
        "manager"
            | "entrepreneur"
            | "lawyer"
            | "attorney"
            | "programmer"
            | "designer"
            | "architect"
            | "dealer"
            | "trafficker"
            | "preacher"
            | "physician"
            | "surgeon"
            | "scientist"
            | "physicist"
            | "chemist"
            | "smuggler"
            | "gangster"
            | "mobster"
            | "bootlegger"
            // "owner Mike Johnson said": a business's owner is no official
            // (though sanctioned men own businesses).
            | "owner"
            | "co-owner"
            | "proprietor"
    )
}

/// Words that, in an appositive right after a name, say its bearer is a
/// private person met in the story ("Carlos Rodríguez, 52, a mechanic",
/// "a sophomore", "a retired mathematics teacher"): jobs and roles that
/// officials and sanctioned parties do not hold.
const PRIVATE: &[&str] = &[
    "mechanic",
    "driver",
    "cabdriver",
    "nurse",
    "teacher",
    "schoolteacher",
    "student",
    "sophomore",
    "freshman",
    "pupil",
    "schoolboy",
    "schoolgirl",
    "farmer",
    "plumber",
    "electrician",
    "carpenter",
    "shopkeeper",
    "storekeeper",
    "grocer",
    "butcher",
    "vendor",
    "seller",
    "waiter",
    "waitress",
    "cashier",
    "clerk",
    "retiree",
    "pensioner",
    "housewife",
    "homemaker",
    "fisherman",
    "laborer",
    "labourer",
    "commuter",
    "shopper",
    "tourist",
    "spectator",
    "volunteer",
    "baker",
    "barber",
    "hairdresser",
    "tailor",
    "janitor",
    "cleaner",
    "courier",
    "bricklayer",
    "welder",
    "nanny",
    "software",
    "pharmacist",
    "accountant",
    "dentist",
    "librarian",
    "postman",
    "gardener",
    "ranger",
    "machinist",
    "firefighter",
    "fireman",
    "paramedic",
    "miner",
    "trucker",
    "bartender",
    "lifeguard",
    "caretaker",
    "salesman",
    "saleswoman",
    "receptionist",
    "usher",
    "porter",
    // Someone's fellow at school or home: a private person ("his
    // classmate Park Yong-sik").
    "classmate",
    "schoolmate",
    "roommate",
    "flatmate",
    "neighbor",
    "neighbour",
];

/// Small businesses that a private person runs ("who runs a noodle shop").
const SMALL_BUSINESS: &[&str] = &[
    "shop",
    "stall",
    "restaurant",
    "cafe",
    "café",
    "bakery",
    "bar",
    "kiosk",
    "store",
    "salon",
    "garage",
    "station",
    "pharmacy",
    "diner",
    "pub",
    "teahouse",
    "bazaar",
    "market",
];

/// Whether the folded words of a description right after a name say its
/// bearer is a private person: an indefinite article and a private job
/// ("a software developer", "a retired teacher"), or "who runs a … shop".
///
/// ```
/// use gazex::link::private_person;
/// assert!(private_person(&["a", "retired", "mathematics", "teacher"]));
/// assert!(private_person(&["who", "runs", "a", "tea", "shop"]));
/// assert!(private_person(&["who", "sells", "mobile", "phones", "in", "the", "tehran", "bazaar"]));
/// assert!(!private_person(&["who", "sold", "missile", "parts", "to", "iran"]));
/// assert!(!private_person(&["who", "runs", "a", "shipping", "company"]));
/// assert!(!private_person(&["the", "army", "chief"]));
/// assert!(!private_person(&["a", "former", "peanut", "farmer"]));
/// assert!(private_person(&["a", "retired", "civil", "engineer"]));
/// assert!(private_person(&["a", "40-year-old", "spice", "seller"]));
/// ```
pub fn private_person(words: &[&str]) -> bool {
    // ("President Carter, a former peanut farmer": a past job.)
    if words
        .iter()
        .any(|w| matches!(*w, "former" | "onetime" | "one-time" | "once"))
    {
        return false;
    }
    match words {
        // "Mr. John Adams, son of Mr. and Mrs. Charles F. Adams": the
        // society page's private person.
        ["son" | "daughter", "of", "mr" | "mrs", ..] => true,
        // ("Li Qiang, a retired civil engineer": a trade given up for
        // retirement is a private life, not an office.)
        ["a" | "an", "retired", rest @ ..] => rest
            .iter()
            .take(4)
            .any(|w| PRIVATE.contains(w) || OCCUPATIONS.contains(w)),
        ["a" | "an", rest @ ..] => rest.iter().take(5).any(|w| PRIVATE.contains(w)),
        ["who", "runs" | "ran" | "owns" | "owned" | "manages" | "managed", rest @ ..] => {
            rest.iter().take(5).any(|w| SMALL_BUSINESS.contains(w))
        }
        // "who sells mobile phones in the Tehran bazaar": a trade at a
        // stall or shop.
        ["who", "sells" | "sold", rest @ ..] => {
            rest.iter().take(6).any(|w| SMALL_BUSINESS.contains(w))
        }
        ["who", "works" | "worked", rest @ ..] => rest
            .iter()
            .take(5)
            .any(|w| PRIVATE.contains(w) || SMALL_BUSINESS.contains(w)),
        _ => false,
    }
}

/// Whether the text right before a name speaks of people who bear it, not
/// of one of them: "three men called Sergei Ivanov", "hundreds of people
/// called Kim Young-chul", "TWO PRESIDENTS NAMED BUSH", "a man named
/// Wallace". `before` is the text up to the name. "Prosecutors named
/// Ivanov" (the verb) is not.
///
/// ```
/// use gazex::link::called_before;
/// assert!(called_before("the list now holds three men called "));
/// assert!(called_before("DICK CHENEY, WHO SERVED TWO PRESIDENTS NAMED "));
/// assert!(called_before("We have customers called "));
/// assert!(!called_before("Prosecutors named "));
/// assert!(!called_before("The president named "));
/// ```
pub fn called_before(before: &str) -> bool {
    const PEOPLE: &[&str] = &[
        "people",
        "persons",
        "person",
        "men",
        "man",
        "women",
        "woman",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "nobody",
        "boy",
        "boys",
        "girl",
        "girls",
        "children",
        "customers",
        "namesakes",
    ];
    const HOW_MANY: &[&str] = &[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "many",
        "several",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "both",
        "other",
        "all",
        "few",
        "some",
    ];
    let mut words = before.rsplit(char::is_whitespace).filter(|w| !w.is_empty());
    let is = |w: &str, set: &[&str]| set.iter().any(|x| x.eq_ignore_ascii_case(w));
    if !words.next().is_some_and(|w| is(w, &["named", "called"])) {
        return false;
    }
    let Some(who) = words.next() else {
        return false;
    };
    is(who, PEOPLE)
        || who.len() > 3
            && who.ends_with(['s', 'S'])
            && words
                .next()
                .is_some_and(|w| is(w, HOW_MANY) || w.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the text right after a name (`after`, from the end of the name)
/// says its bearer is not the listed person of that name, as reporters
/// write of a namesake: "Li Qiang - no relation to the premier", "Wang
/// Yong (no relation)", "John Lee, 61, who shares his name with …", "not
/// to be confused with". Only a clause that opens right after the name
/// (past a comma, dash or parenthesis, and an age) counts.
///
/// ```
/// use gazex::link::namesake_after;
/// assert!(namesake_after(" - no relation to the premier - runs a stall"));
/// assert!(namesake_after(", 44, no relation to either"));
/// assert!(namesake_after(" (no relation) said"));
/// assert!(namesake_after(", who shares his name with the minister,"));
/// assert!(!namesake_after(", the foreign minister, said"));
/// assert!(!namesake_after(" said there was no relation between"));
/// ```
pub fn namesake_after(after: &str) -> bool {
    // (At most 96 bytes, cut on a character boundary.)
    let mut n = after.len().min(96);
    while !after.is_char_boundary(n) {
        n -= 1;
    }
    let rest = &after[..n];
    fn skip(s: &str) -> &str {
        s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '(' | '-' | '\u{2013}' | '\u{2014}')
        })
    }
    let mut s = skip(rest);
    // Past an age: ", 38, no relation".
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && s[digits..].starts_with(',') {
        s = skip(&s[digits..]);
    }
    [
        "no relation",
        "not related to",
        "not to be confused with",
        "who shares his name",
        "who shares her name",
        "who shares a name",
        "who shares the name",
        "a namesake of",
        "no kin to",
    ]
    .iter()
    .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// Whether a folded word names a ship, so that a name right after it is a
/// ship's ("the carrier Ronald Reagan", "the USS Theodore Roosevelt", "the
/// Cunard liner Queen Elizabeth").
///
/// ```
/// use gazex::link::ship_word;
/// assert!(ship_word("liner") && ship_word("uss"));
/// assert!(!ship_word("the") && !ship_word("queen"));
/// ```
pub fn ship_word(w: &str) -> bool {
    matches!(
        w,
        "uss"
            | "hms"
            | "carrier"
            | "carriers"
            | "ship"
            | "ships"
            | "vessel"
            | "destroyer"
            | "submarine"
            | "frigate"
            | "cruiser"
            | "battleship"
            | "liner"
            | "tanker"
            | "yacht"
            | "ferry"
    )
}

/// Whether the text right after a royal's given name calls its bearer a
/// monarch's mother or widow ("Queen Elizabeth the Queen Mother", "Queen
/// Elizabeth, now the Queen Mother"): the press names a dowager by the
/// name she reigned beside her husband under; the reigning monarch of that
/// name is someone else. Read past a comma and "now" or "later".
///
/// ```
/// use gazex::link::dowager_after;
/// assert!(dowager_after(" the Queen Mother, who turns 81"));
/// assert!(dowager_after(", now the Queen Mother, in 1939"));
/// assert!(dowager_after(", the queen dowager,"));
/// assert!(!dowager_after(", the Queen, and the Queen Mother"));
/// assert!(!dowager_after(" spoke"));
/// ```
pub fn dowager_after(after: &str) -> bool {
    let mut n = after.len().min(48);
    while !after.is_char_boundary(n) {
        n -= 1;
    }
    let mut s = after[..n].trim_start_matches([' ', ',']);
    for w in ["now ", "later "] {
        if s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)) {
            s = &s[w.len()..];
        }
    }
    ["the queen mother", "the queen dowager", "the dowager"]
        .iter()
        .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// The earliest year a relative clause right after a name gives for what
/// its bearer did (", who seized power in 1970,", " who ruled in the
/// 1970s"), the year of birth of a life's span in brackets (" (1723-90)")
/// or the last year of the century an apposition places its bearer in
/// (", the 18th-century economist,"): a person born later is not the one
/// the text means. The clause opens with "who" past a comma or dash and
/// ends at the next comma, semicolon or full stop; "whose" clauses speak
/// of someone else and do not count.
///
/// ```
/// use gazex::link::year_of_deed;
/// assert_eq!(year_of_deed(", who seized power in 1970, ruled"), Some(1970));
/// assert_eq!(year_of_deed(", who ruled from 1971 until 2000."), Some(1971));
/// assert_eq!(year_of_deed(" who came to office in the 1960s"), Some(1960));
/// assert_eq!(year_of_deed(", whose father seized power in 1970"), None);
/// assert_eq!(year_of_deed(", the president, who took office in 2000"), None);
/// assert_eq!(
///     year_of_deed(", the air force officer who seized power in 1970 and ruled"),
///     Some(1970)
/// );
/// assert_eq!(year_of_deed(", the man whose father ruled in 1970"), None);
/// assert_eq!(year_of_deed(", the grandson of the man who founded it in 1948,"), None);
/// assert_eq!(year_of_deed(", who paid 1,970 dollars"), None);
/// assert_eq!(year_of_deed(" (1723-1790) wrote"), Some(1723));
/// assert_eq!(year_of_deed(" (1723\u{2013}90) wrote"), Some(1723));
/// assert_eq!(year_of_deed(" (R-Wash.) said"), None);
/// assert_eq!(year_of_deed(", the 18th-century economist, wrote"), Some(1800));
/// assert_eq!(year_of_deed(", a nineteenth-century poet."), Some(1900));
/// assert_eq!(year_of_deed(", the economist, whose 18th-century book"), None);
/// assert_eq!(year_of_deed(", the new owner of an 18th-century castle,"), None);
/// assert_eq!(year_of_deed(", a great 18th-century economist."), Some(1800));
/// ```
pub fn year_of_deed(after: &str) -> Option<i32> {
    if let Some(born) = life_span_after(after) {
        return Some(born);
    }
    if after.starts_with(", ") {
        if let Some(year) = century_of_apposition(after_separator(after)) {
            return Some(year);
        }
    }
    let clause = who_clause(after)?;
    let clause = clause.get(..160).unwrap_or(clause);
    let bytes = clause.as_bytes();
    let mut least: Option<i32> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let alone = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let next = bytes.get(i + run);
        let ends = next.is_none_or(|b| !b.is_ascii_alphanumeric() || *b == b's');
        if run == 4 && alone && ends {
            let year: i32 = clause[i..i + 4].parse().ok()?;
            if (1700..=2100).contains(&year) {
                least = Some(least.map_or(year, |l| l.min(year)));
            }
        }
        i += run;
    }
    least
}

/// Whether the words right after a name give its bearer's birth: a life's
/// span in brackets (" (1723-90)") or a "who" clause that says "born"
/// (", who was born in 1946,"), so that [`year_of_deed`]'s year is a
/// birth year, which rules out only a bearer born otherwise.
///
/// ```
/// use gazex::link::birth_said_after;
/// assert!(birth_said_after(" (1723-90) wrote"));
/// assert!(birth_said_after(", who was born in Queens in 1946, spoke"));
/// assert!(!birth_said_after(", who seized power in 1970, ruled"));
/// ```
pub fn birth_said_after(after: &str) -> bool {
    life_span_after(after).is_some()
        || who_clause(after).is_some_and(|c| c.split(' ').any(|w| w == "born"))
}

/// `after` past the spaces, commas and dashes that open it.
fn after_separator(after: &str) -> &str {
    after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '-' | '\u{2013}' | '\u{2014}')
    })
}

/// The relative clause right after a name, or right after the head of
/// an apposition (", the air force officer who seized power"), without
/// its "who", up to the next comma, semicolon, full stop or bracket: what
/// [`year_of_deed`] and [`birth_said_after`] read.
fn who_clause(after: &str) -> Option<&str> {
    let mut rest = after_separator(after);
    if after.starts_with(", ") {
        rest = past_apposition_head(rest);
    }
    let clause = rest
        .get(..4)
        .filter(|h| h.eq_ignore_ascii_case("who "))
        .map(|_| &rest[4..])?;
    let end = clause
        .find([',', ';', '.', '(', ')', '\n'])
        .unwrap_or(clause.len());
    Some(&clause[..end])
}

/// `rest` from the "who" that follows an apposition's head of up to five
/// words opening with an article, with no preposition ("the air force
/// officer who …"), or `rest` itself: the clause tells of the apposition's person, the
/// name's bearer. (A comma before the "who" closes the apposition: "the
/// president, who took office" may tell of someone else.)
fn past_apposition_head(rest: &str) -> &str {
    let Some(head) = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
    else {
        return rest;
    };
    let mut at = 0;
    for w in head.split(' ').take(6) {
        if w == "who" {
            return &head[at..];
        }
        // (A preposition brings in another person: "the grandson of the
        // man who founded North Korea in 1948".)
        if !w.chars().all(|c| c.is_alphanumeric() || c == '-')
            || matches!(
                w,
                "of" | "to" | "for" | "with" | "from" | "by" | "in" | "at" | "and"
            )
        {
            break;
        }
        at += w.len() + 1;
    }
    rest
}

/// Whether a folded word is a clergyman's title before a name ("the Rev.
/// Mike Johnson"): an occupation where the name is a common one, and no
/// bar to a listed lawmaker of a rare name ("the Rev. Raphael Warnock").
pub fn is_clergy_title(w: &str) -> bool {
    matches!(w, "rev" | "reverend")
}

/// The year of birth of a life's span in brackets right after a name
/// (" (1723-1790)", " (1723\u{2013}90)").
fn life_span_after(after: &str) -> Option<i32> {
    let span = after.strip_prefix(" (")?;
    let born = span
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = span[4..].strip_prefix(['-', '\u{2013}'])?;
    let died = rest.bytes().take_while(u8::is_ascii_digit).count();
    (matches!(died, 2 | 4) && rest[died..].starts_with(')')).then(|| born.parse().ok())?
}

/// The last year of the century an apposition opening with an article
/// places its bearer in ("the 18th-century economist", "a nineteenth
/// century poet"), read up to the apposition's end.
fn century_of_apposition(rest: &str) -> Option<i32> {
    const ORDINALS: &[&str] = &[
        "",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let head = rest.get(..4)?.to_ascii_lowercase();
    if !(head.starts_with("the ") || head.starts_with("a ") || head.starts_with("an ")) {
        return None;
    }
    let end = rest
        .find([',', ';', '.', '(', ')', '\n'])
        .unwrap_or(rest.len());
    // (Right after the article, one word between at most: not "the new
    // owner of an 18th-century castle".)
    let words: Vec<String> = rest[..end]
        .split(' ')
        .take(4)
        .map(str::to_ascii_lowercase)
        .collect();
    for (k, w) in words.iter().enumerate().skip(1).take(2) {
        let ord = match w.strip_suffix("-century") {
            Some(ord) => ord,
            None if words.get(k + 1).is_some_and(|n| n == "century") => w,
            None => continue,
        };
        let n = ORDINALS
            .iter()
            .position(|o| !o.is_empty() && *o == ord)
            .or_else(|| {
                let digits = ord.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                digits
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=21).contains(n))
            })?;
        return i32::try_from(n).ok().map(|n| n * 100);
    }
    None
}

/// Words every sanctions record or office repeats, which tell no namesake
/// from another.
const RECORD_NOISE: &[&str] = &[
    "additional",
    "address",
    "affairs",
    "also",
    "alt",
    "birth",
    "chairman",
    "chief",
    "circa",
    "citizen",
    "company",
    "controlled",
    "corp",
    "corporation",
    "date",
    "deputy",
    "designated",
    "director",
    "dob",
    "executive",
    "female",
    "financial",
    "first",
    "former",
    "gender",
    "general",
    "government",
    "head",
    "identification",
    "information",
    "institutions",
    "linked",
    "ltd",
    "male",
    "member",
    "minister",
    "ministry",
    "national",
    "nationality",
    "number",
    "office",
    "official",
    "order",
    "owned",
    "passport",
    "persons",
    "pob",
    "president",
    "prohibited",
    "regulations",
    "representative",
    "risk",
    "secondary",
    "secretary",
    "section",
    "sections",
    "see",
    "state",
    "subject",
    "transactions",
    "vice",
];

/// Whether a folded word may tell one party from another in the text
/// around its name: three letters or more, no function word, no part of a
/// country's name, nationality or capital (the press names them around
/// every namesake of a country).
///
/// ```
/// assert!(gazex::link::telling_word("komid"));
/// assert!(!gazex::link::telling_word("korea"));
/// assert!(!gazex::link::telling_word("of"));
/// ```
pub fn telling_word(w: &str) -> bool {
    w.len() >= 3 && !crate::names::is_stopword(w) && !crate::names::in_country_name(w)
}

/// The words of a listed party's own record that may tell it from a
/// namesake in the text around a name: its title, remarks, roles (and their
/// party) and place of birth, folded, each once. Countries, nationalities and capitals (named
/// around every namesake of a country), function words, numbers and the
/// words every record repeats ("secondary sanctions risk", "minister") are
/// left out.
///
/// ```
/// use gazex::gazetteer::{Entity, EntityType};
/// use gazex::link::record_words;
/// let mut e = Entity::new("x", "Kim Yong Chol", EntityType::Person);
/// e.properties.insert("title".into(), "KOMID Representative in Iran".into());
/// assert_eq!(record_words(&e), ["komid"]);
/// ```
pub fn record_words(e: &Entity) -> Vec<String> {
    let p = &e.properties;
    let text = |k: &str| p.get(k).and_then(|v| v.as_str());
    let mut parts: Vec<&str> = ["title", "remarks", "pob"]
        .into_iter()
        .filter_map(text)
        .collect();
    if let Some(roles) = p.get("roles").and_then(|r| r.as_array()) {
        for r in roles {
            parts.extend(
                ["role", "party"]
                    .into_iter()
                    .filter_map(|k| r.get(k)?.as_str()),
            );
        }
    }
    let mut out: Vec<String> = Vec::new();
    // (Proper nouns and acronyms only: the prose of a UN narrative, "helps
    // direct the country's military defense industries", is anyone's.)
    let capitalized = parts.into_iter().flat_map(|part| {
        part.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
    });
    for word in capitalized {
        for w in crate::normalize::fold_name(word).split(' ') {
            if telling_word(w)
                && !w.bytes().any(|b| b.is_ascii_digit())
                && !RECORD_NOISE.contains(&w)
                && !out.iter().any(|o| o == w)
            {
                out.push(w.to_string());
            }
        }
    }
    out
}

/// Kinds of vessel, as the lists record them (`vessel_type`) and as the
/// press describes a boat: a listed vessel described as another kind is
/// another vessel of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VesselKind {
    /// Tankers of every cargo.
    Tanker,
    /// Yachts and other pleasure and sport boats.
    Pleasure,
    /// Tugs.
    Tug,
    /// Fishing vessels.
    Fishing,
    /// Dry cargo: general cargo, bulk carriers, container ships.
    Cargo,
    /// Ferries, liners, cruise ships.
    Passenger,
    /// Small open boats (a dinghy, a rowboat, a canoe): never a listed
    /// vessel, which is a registered ship with an IMO number.
    Small,
}

/// The kind of a listed `vessel_type` ("Crude Oil Tanker", "Tug",
/// "Fishing Vessel"), where it is one of [`VesselKind`].
pub fn listed_vessel_kind(vessel_type: &str) -> Option<VesselKind> {
    let t = vessel_type.to_ascii_lowercase();
    if t.contains("tanker") {
        Some(VesselKind::Tanker)
    } else if t.contains("yacht") || t.contains("pleasure") {
        Some(VesselKind::Pleasure)
    } else if t.contains("tug") {
        Some(VesselKind::Tug)
    } else if t.contains("fish") {
        Some(VesselKind::Fishing)
    } else if t.contains("cargo") || t.contains("bulk") || t.contains("container") {
        Some(VesselKind::Cargo)
    } else if t.contains("passenger") {
        Some(VesselKind::Passenger)
    } else {
        None
    }
}

/// The IMO number written for the ship named just before `after` (the
/// text from the end of the name): in parentheses right after it ("the
/// Lucky Star (IMO 9177624)"), or after a description of it that names no
/// other ship (", a 1998-built container feeder (IMO 9177624)"); not one
/// past another name of a list ("Krymsk and Sakhalin Island (IMO …)").
///
/// ```
/// use gazex::link::imo_after;
/// assert_eq!(imo_after(" (IMO 9177624) sailed"), Some(9177624));
/// assert_eq!(imo_after(", a 1998-built container feeder (IMO No. 9177624),"), Some(9177624));
/// assert_eq!(imo_after(" and Sakhalin Island (IMO 9249128)"), None);
/// assert_eq!(imo_after(", the Patriot (IMO 9228150)"), None);
/// assert_eq!(imo_after(", a sister ship of the Grace (IMO 9999999)"), None);
/// assert_eq!(imo_after(" (IMO No: 9177624)"), Some(9177624));
/// ```
pub fn imo_after(after: &str) -> Option<u32> {
    let mut cut = after.len().min(120);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &after[..cut];
    let at = window.find("IMO")?;
    let between = &window[..at];
    let described = between.starts_with(", a ") || between.starts_with(", an ");
    let right_after = between.trim_start() == "(";
    if !(right_after
        || described
            && !between.contains(" and ")
            && !between.contains(" the ")
            && !between.contains(". "))
    {
        return None;
    }
    let rest = window[at + 3..].trim_start_matches([' ', ':', '#']);
    let rest = ["No", "no", "number"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest)
        .trim_start_matches([' ', '.', ':']);
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    (digits.len() == 7).then(|| digits.parse().ok()).flatten()
}

/// The kind of vessel that the folded words right before a name (`before`,
/// nearest last: "the charter boat") or a description right after it
/// (`after`, the text from the end of the name: ", a 36-foot
/// sportfisherman") say it is, if they say.
///
/// ```
/// use gazex::link::{described_vessel_kind, VesselKind};
/// assert_eq!(described_vessel_kind(&["the", "charter", "boat"], ""), Some(VesselKind::Pleasure));
/// assert_eq!(described_vessel_kind(&["the"], ", a 36-foot sportfisherman that"), Some(VesselKind::Pleasure));
/// assert_eq!(described_vessel_kind(&["wooden", "dinghy", "called"], ""), Some(VesselKind::Small));
/// assert_eq!(described_vessel_kind(&["the", "tanker"], ""), Some(VesselKind::Tanker));
/// assert_eq!(described_vessel_kind(&["the", "vessel"], ", which sailed"), None);
/// ```
pub fn described_vessel_kind(before: &[&str], after: &str) -> Option<VesselKind> {
    let one = |w: &str| match w {
        "tanker" | "supertanker" => Some(VesselKind::Tanker),
        "yacht" | "superyacht" | "megayacht" | "sailboat" | "sloop" | "schooner" | "ketch"
        | "catamaran" | "sportfisherman" | "houseboat" => Some(VesselKind::Pleasure),
        "dinghy" | "rowboat" | "canoe" | "kayak" | "skiff" | "punt" | "dory" | "pedalo" => {
            Some(VesselKind::Small)
        }
        "tug" | "tugboat" => Some(VesselKind::Tug),
        "trawler" | "longliner" | "seiner" => Some(VesselKind::Fishing),
        "freighter" | "bulker" | "boxship" => Some(VesselKind::Cargo),
        "ferry" | "liner" => Some(VesselKind::Passenger),
        _ => None,
    };
    let two = |a: &str, b: &str| match (a, b) {
        ("charter" | "pleasure" | "sport" | "sailing" | "motor", "boat") => {
            Some(VesselKind::Pleasure)
        }
        ("fishing", "boat" | "vessel") => Some(VesselKind::Fishing),
        ("cargo" | "container", "ship") | ("bulk", "carrier") => Some(VesselKind::Cargo),
        ("cruise", "ship") => Some(VesselKind::Passenger),
        _ => None,
    };
    let of = |w: &[&str]| {
        w.windows(2)
            .find_map(|p| two(p[0], p[1]))
            .or_else(|| w.iter().find_map(|x| one(x)))
    };
    // The two words before the name, or a description "a/an …" after it,
    // to the end of its clause.
    let near = &before[before.len().saturating_sub(2)..];
    of(near).or_else(|| {
        let clause = after
            .strip_prefix(',')?
            .split([',', '.', ';', ':', '(', ')'])
            .next()?
            .to_lowercase();
        let words: Vec<&str> = clause
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(6)
            .collect();
        match words[..] {
            ["a" | "an", ref rest @ ..] => of(rest),
            _ => None,
        }
    })
}

/// Verbs of speech and report that, right after a bare surname, make it a
/// person: "Washington said", "May told reporters".
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "argued",
    "argues",
    "wrote",
    "writes",
    "announced",
    "announces",
    "declared",
    "declares",
    "insisted",
    "insists",
    "warned",
    "warns",
    "replied",
    "replies",
    "asked",
    "asks",
    "stated",
    "states",
    "urged",
    "urges",
    "vowed",
    "vows",
    "signed",
    "signs",
    "vetoed",
    "promised",
    "promises",
    "denied",
    "denies",
    "met",
    "meets",
    "visited",
    "visits",
    "spoke",
    "speaks",
    "ordered",
    "orders",
];

/// Whether the folded word right after a name is a verb of speech or
/// report.
pub fn speech_after(word: &str) -> bool {
    SPEECH.contains(&word)
}

/// Words that, right before a capitalized word, make it a place: "in
/// Washington", "near Lincoln".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "across",
    "around",
    "throughout",
    "into",
    "via",
    "downtown",
    "inside",
    "toward",
    "towards",
];

/// Whether the folded word before a name makes it a place.
pub fn place_preposition(word: &str) -> bool {
    PLACE_PREPOSITIONS.contains(&word)
}

/// Nouns that, capitalized right after a name, make it part of the name of
/// something else: "the George Washington Bridge", "the Adam Smith
/// Institute", "Kennedy Airport".
const NAMED_AFTER: &[&str] = &[
    "mosque",
    "cathedral",
    "bridge",
    "tunnel",
    "airport",
    "center",
    "centre",
    "institute",
    "institution",
    "memorial",
    "monument",
    "library",
    "museum",
    "school",
    "college",
    "university",
    "academy",
    "foundation",
    "prize",
    "award",
    "medal",
    "fellowship",
    "scholarship",
    "street",
    "avenue",
    "boulevard",
    "road",
    "highway",
    "parkway",
    "expressway",
    "square",
    "park",
    "plaza",
    "building",
    "tower",
    "hall",
    "stadium",
    "arena",
    "theatre",
    "theater",
    "hotel",
    "hospital",
    "dam",
    "lake",
    "river",
    "county",
    "city",
    "mountain",
    "mount",
    "island",
    "station",
    "terminal",
    "port",
    "doctrine",
    // (An ideology: "Xi Jinping Thought", "Mao Zedong Thought".)
    "thought",
    "act",
    "plan",
    "corollary",
    "society",
    "trust",
    "fund",
    "lecture",
    "cup",
    "trophy",
    "high",
    "elementary",
    "club",
    "house",
    "home",
    "birthplace",
    "estate",
    "papers",
    "collection",
    "room",
    "wing",
    "forest",
    "field",
    "heights",
    "district",
    "institute's",
    "speedway",
    // Firms named after their founders: "The Hoover Company", "Ford Motor
    // Company", "Carter Products".
    "company",
    "corporation",
    "motor",
    "motors",
    "products",
    "co",
    "corp",
    "inc",
];

/// Whether the folded word right after a name (written capitalized) makes
/// the name part of another proper name.
pub fn named_after(word: &str) -> bool {
    NAMED_AFTER.contains(&word)
}

/// The gender an honorific before a name gives: `'F'` for "Mrs.", "Miss",
/// "Ms.", "Madame", `'M'` for "Mr.", "Sir". "Mrs. Coolidge" is not Calvin.
pub fn honorific_gender(word: &str) -> Option<char> {
    match word {
        "mrs" | "miss" | "ms" | "madame" | "mme" | "madam" | "lady" | "dame" => Some('F'),
        "mr" | "sir" | "monsieur" | "lord" => Some('M'),
        _ => None,
    }
}

/// The rank or form of address a folded word before a name gives, one
/// spelling for its abbreviations: "gen" and "general" are `"general"`,
/// "sheikh" and "shaykh" `"sheikh"`, "chair" and "chairman" `"chair"`
/// (a committee's or a board's, which no list holds). `None` for any
/// other word.
///
/// ```
/// use gazex::link::rank_word;
/// assert_eq!(rank_word("gen"), rank_word("general"));
/// assert_eq!(rank_word("col"), Some("colonel"));
/// assert_eq!(rank_word("bg"), Some("brigadier"));
/// assert_eq!(rank_word("chairman"), rank_word("chair"));
/// assert_eq!(rank_word("president"), None);
/// ```
pub fn rank_word(word: &str) -> Option<&'static str> {
    Some(match word {
        // (Armies and the press of Singapore write a general's grade by
        // its initials: "LTG", "BG Lee"; not "MG", which is also Burmese
        // "Maung", "Mg Mg Kyaw".)
        "gen" | "general" | "ltg" => "general",
        "col" | "colonel" => "colonel",
        "maj" | "major" => "major",
        "brig" | "brigadier" | "bg" | "bgen" => "brigadier",
        "adm" | "admiral" => "admiral",
        "lt" | "lieutenant" => "lieutenant",
        "capt" | "captain" => "captain",
        "cmdr" | "commander" => "commander",
        "marshal" | "field-marshal" => "marshal",
        "sheikh" | "shaykh" | "shaikh" | "sheik" => "sheikh",
        "ayatollah" => "ayatollah",
        "mullah" | "mulla" => "mullah",
        "imam" => "imam",
        "dr" | "doctor" => "doctor",
        "prof" | "professor" => "professor",
        "chair" | "chairman" | "chairwoman" | "chairperson" => "chair",
        _ => return None,
    })
}

/// Whether a folded word before a name is a military rank ("Gen.",
/// "Colonel", "Admiral"; not "Sheikh" or "Dr.", nor "Captain", which
/// ships and teams have).
///
/// ```
/// use gazex::link::military_rank;
/// assert!(military_rank("gen") && military_rank("admiral"));
/// assert!(!military_rank("sheikh") && !military_rank("minister"));
/// ```
pub fn military_rank(word: &str) -> bool {
    matches!(
        rank_word(word),
        Some("general" | "colonel" | "major" | "brigadier" | "admiral" | "lieutenant" | "marshal")
    )
}

/// Whether the folded words just before a name (nearest last) end with a
/// serving officer's rank: not a civil title that ends in "General"
/// ("Director-General", "Consul General", "Attorney General"), nor a
/// retired or former officer's ("retired Gen.").
///
/// ```
/// use gazex::link::serving_rank_before;
/// assert!(serving_rank_before(&["vice", "senior", "general"]));
/// assert!(!serving_rank_before(&["consul", "general"]));
/// assert!(!serving_rank_before(&["retired", "gen"]));
/// ```
pub fn serving_rank_before(before: &[&str]) -> bool {
    let [rest @ .., w] = before else {
        return false;
    };
    military_rank(w)
        && !rest.last().is_some_and(|p| {
            matches!(
                *p,
                "director"
                    | "consul"
                    | "inspector"
                    | "attorney"
                    | "secretary"
                    | "governor"
                    | "surgeon"
                    | "solicitor"
                    | "auditor"
                    | "postmaster"
                    | "accountant"
                    | "procurator"
                    | "prosecutor"
            )
        })
        && !w.contains('-')
        && !rest
            .iter()
            .rev()
            .take(3)
            .any(|p| matches!(*p, "retired" | "ret" | "former" | "ex" | "late"))
}

/// Whether the lists record offices for `e` and every one is civil: a
/// ministry, a seat, a bank, an embassy, a city, none that leads a
/// country and none whose title names an armed force, defence, security,
/// a border or home affairs. An officer named by rank ("Vice Senior
/// General Soe Win") is not a namesake who is only a finance minister.
///
/// ```
/// use gazex::gazetteer::Entity;
/// use gazex::link::civilian_offices_only;
/// let e = |role: &str| {
///     serde_json::from_str::<Entity>(&format!(
///         r#"{{"id":"x","name":"Zoe Wyn","type":"person","roles":[{{"role":"{role}","as_of":"2019-06"}}]}}"#
///     ))
///     .unwrap()
/// };
/// assert!(civilian_offices_only(&e("Minister of Planning & Finance")));
/// assert!(!civilian_offices_only(&e("Minister of Border Affairs")));
/// assert!(!civilian_offices_only(&e("Prime Minister")));
/// ```
pub fn civilian_offices_only(e: &Entity) -> bool {
    const CIVIL: Offices = Offices::MINISTER
        .union(Offices::SENATOR)
        .union(Offices::REPRESENTATIVE)
        .union(Offices::BANKER)
        .union(Offices::DIPLOMAT)
        .union(Offices::MAYOR);
    const ARMED: [&str; 14] = [
        "defen",
        "army",
        "armed",
        "military",
        "war",
        "navy",
        "naval",
        "air force",
        "security",
        "border",
        "home affairs",
        "interior",
        "commander",
        "staff",
    ];
    let mut any = false;
    for title in e.role_titles() {
        let offices = classify_role(title);
        let lower = title.to_lowercase();
        if offices.is_empty()
            || CIVIL.union(offices) != CIVIL
            || ARMED.iter().any(|w| lower.contains(w))
        {
            return false;
        }
        any = true;
    }
    any
}

/// A person's recorded gender (`"M"`, `"F"`, `"male"`, `"female"`) as
/// `'M'` or `'F'`.
fn recorded_gender(e: &Entity) -> Option<char> {
    let rec = e.properties.get("gender").and_then(|v| v.as_str())?;
    match rec.chars().next().map(|c| c.to_ascii_uppercase()) {
        Some(c @ ('M' | 'F')) => Some(c),
        _ => None,
    }
}

/// The first given name of a person named given name first, folded: the
/// display name's first word that is no title or particle ("Radovan" of
/// "Radovan Karadzic"); `None` for a name written family name first.
fn first_given_name(e: &Entity) -> Option<String> {
    if e.kind != EntityType::Person
        || e.name_order == Some(crate::gazetteer::NameOrder::FamilyFirst)
    {
        return None;
    }
    let n = crate::normalize::normalize(&e.name);
    let first = (0..n.tokens().len())
        .map(|i| n.token_text(i))
        .find(|w| !crate::names::is_title(w) && !crate::names::is_particle(w))?;
    (first.len() >= 3).then(|| first.to_string())
}

/// How many listed persons of one first given name, all with the same
/// recorded gender, give it to those of that name with none recorded.
pub const MIN_SAME_GENDER: u32 = 1;

/// Fills in the gender of the persons of `profiles` (one per entity of
/// `entities`) that have none recorded, from their first given name: where
/// the listed persons of that name with a recorded gender (at least
/// [`MIN_SAME_GENDER`]) all have the same one ("Delcy", "Radovan"). A name
/// borne by both (Jean, Andrea) or by no one with a recorded gender tells
/// nothing, and neither does a name written family name first.
pub fn infer_genders(entities: &[Entity], profiles: &mut [Profile]) {
    let names: Vec<Option<String>> = entities.iter().map(first_given_name).collect();
    let mut counts: rustc_hash::FxHashMap<&str, (u32, u32)> = Default::default();
    for (name, p) in names.iter().zip(profiles.iter()) {
        if let (Some(n), Some(g)) = (name, p.gender) {
            let c = counts.entry(n.as_str()).or_default();
            if g == 'M' {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
    for (name, p) in names.iter().zip(profiles.iter_mut()) {
        if p.gender.is_some() {
            continue;
        }
        p.gender = match name.as_deref().and_then(|n| counts.get(n)) {
            Some(&(m, 0)) if m >= MIN_SAME_GENDER => Some('M'),
            Some(&(0, f)) if f >= MIN_SAME_GENDER => Some('F'),
            _ => None,
        };
    }
}

/// Countries whose head of state is more than one person at a time (a
/// federal council, a presidency of three, two captains regent, two
/// co-princes): one's term does not end when another's begins.
const SHARED_HEADS: &[&str] = &[
    "Switzerland",
    "Bosnia and Herzegovina",
    "San Marino",
    "Andorra",
];

/// Ends the terms of heads of state and of government whose end no list
/// gives (`profiles`, parallel to `entities`: still running, or estimated
/// from the day a list saw them running) at the start of the next
/// holder's, where that is earlier: a later list that saw the successor
/// still in office and gives its first day says when the term ended at
/// the latest ("Premier Li" on 12 March 2023 is Li Qiang, from 11 March,
/// not Li Keqiang, whom a list of 2022 saw in office). The successor is
/// another entity of the same country with the same kind of office (head
/// of state, head of government or both) whose term, with its first day
/// given and no end, began (at the latest day it can have begun: the end
/// of the year for "2021") after the day the open term was last seen
/// running; not an acting or rival head whose term ended, nor one of the
/// same name (two records of one person).
pub fn end_terms_at_successors(entities: &[Entity], profiles: &mut [Profile]) {
    const LEADS: Offices = Offices::HEAD_OF_STATE.union(Offices::HEAD_OF_GOVERNMENT);
    let lead = |o: Offices| Offices(o.0 & LEADS.0);
    // (country, kind of office) → (entity, latest first day of a term).
    let mut starts: rustc_hash::FxHashMap<(&str, Offices), Vec<(usize, Day)>> = Default::default();
    for (i, (e, p)) in entities.iter().zip(profiles.iter()).enumerate() {
        // (A successor is one a later list saw still in office with its
        // first day given: not an acting or rival head whose term ended,
        // nor one a list saw once.)
        for t in p
            .terms
            .iter()
            .filter(|t| t.offices.meets(LEADS) && t.to == Day::MAX)
        {
            for c in e.countries().filter(|c| !SHARED_HEADS.contains(c)) {
                // (The latest day it can have begun: "2021" ends the
                // predecessor's term at the end of 2021.)
                starts
                    .entry((c, lead(t.offices)))
                    .or_default()
                    .push((i, t.from_latest));
            }
        }
    }
    if starts.is_empty() {
        return;
    }
    // (Folded once, for the few holders of such offices only: this runs
    // over every listed entity at start-up.)
    let mut folded: rustc_hash::FxHashMap<usize, String> = Default::default();
    for &(i, _) in starts.values().flatten() {
        folded
            .entry(i)
            .or_insert_with(|| crate::normalize::fold_name(&entities[i].name));
    }
    for (&i, name) in &folded {
        let e = &entities[i];
        let p = &mut profiles[i];
        for t in p.terms.iter_mut() {
            // (A term whose end is known, or the day a list saw it end.)
            if t.to <= t.to_earliest || !t.offices.meets(LEADS) {
                continue;
            }
            let next = e
                .countries()
                .filter_map(|c| starts.get(&(c, lead(t.offices))))
                .flatten()
                .filter(|&&(j, from)| {
                    j != i && from > t.to_earliest && from > t.from && folded[&j] != *name
                })
                .map(|&(_, from)| from)
                .min();
            if let Some(from) = next {
                t.to = t.to.min(from);
            }
        }
    }
}

/// The postal codes the press writes after a place ("Fresno, CA"), folded,
/// and the capital's ("d.c"); the AP-style abbreviations are the keys of
/// [`STATE_CODES`].
const STATE_POSTAL: &[&str] = &[
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "hi", "id", "il", "in", "ia", "ks", "me",
    "mi", "mn", "ms", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "ri",
    "sc", "sd", "tn", "tx", "ut", "wa", "wv", "wi", "wy", "d.c", "dc",
];

/// US states as the press abbreviates them, AP style ("Ariz.", "Miss.",
/// folded) or in full where AP writes them so, with the postal code the
/// officials data records: after a place ("Coolidge, Ariz.") and in a
/// lawmaker's party tag ("(R-Mich.)").
const STATE_CODES: &[(&str, &str)] = &[
    ("ala", "AL"),
    ("alaska", "AK"),
    ("ariz", "AZ"),
    ("ark", "AR"),
    ("calif", "CA"),
    ("colo", "CO"),
    ("conn", "CT"),
    ("del", "DE"),
    ("fla", "FL"),
    ("ga", "GA"),
    ("hawaii", "HI"),
    ("idaho", "ID"),
    ("ill", "IL"),
    ("ind", "IN"),
    ("iowa", "IA"),
    ("kan", "KS"),
    ("kans", "KS"),
    ("ky", "KY"),
    ("la", "LA"),
    ("maine", "ME"),
    ("md", "MD"),
    ("mass", "MA"),
    ("mich", "MI"),
    ("minn", "MN"),
    ("miss", "MS"),
    ("mo", "MO"),
    ("mont", "MT"),
    ("neb", "NE"),
    ("nebr", "NE"),
    ("nev", "NV"),
    ("n.h", "NH"),
    ("n.j", "NJ"),
    ("n.m", "NM"),
    ("n.y", "NY"),
    ("n.c", "NC"),
    ("n.d", "ND"),
    ("ohio", "OH"),
    ("okla", "OK"),
    ("ore", "OR"),
    ("pa", "PA"),
    ("r.i", "RI"),
    ("s.c", "SC"),
    ("s.d", "SD"),
    ("tenn", "TN"),
    ("tex", "TX"),
    ("texas", "TX"),
    ("utah", "UT"),
    ("vt", "VT"),
    ("va", "VA"),
    ("wash", "WA"),
    ("w.va", "WV"),
    ("wis", "WI"),
    ("wyo", "WY"),
];

/// The US states by name, with their postal codes.
const STATE_NAMES: &[(&str, &str)] = &[
    ("alabama", "AL"),
    ("alaska", "AK"),
    ("arizona", "AZ"),
    ("arkansas", "AR"),
    ("california", "CA"),
    ("colorado", "CO"),
    ("connecticut", "CT"),
    ("delaware", "DE"),
    ("florida", "FL"),
    ("georgia", "GA"),
    ("hawaii", "HI"),
    ("idaho", "ID"),
    ("illinois", "IL"),
    ("indiana", "IN"),
    ("iowa", "IA"),
    ("kansas", "KS"),
    ("kentucky", "KY"),
    ("louisiana", "LA"),
    ("maine", "ME"),
    ("maryland", "MD"),
    ("massachusetts", "MA"),
    ("michigan", "MI"),
    ("minnesota", "MN"),
    ("mississippi", "MS"),
    ("missouri", "MO"),
    ("montana", "MT"),
    ("nebraska", "NE"),
    ("nevada", "NV"),
    ("new hampshire", "NH"),
    ("new jersey", "NJ"),
    ("new mexico", "NM"),
    ("new york", "NY"),
    ("north carolina", "NC"),
    ("north dakota", "ND"),
    ("ohio", "OH"),
    ("oklahoma", "OK"),
    ("oregon", "OR"),
    ("pennsylvania", "PA"),
    ("rhode island", "RI"),
    ("south carolina", "SC"),
    ("south dakota", "SD"),
    ("tennessee", "TN"),
    ("texas", "TX"),
    ("utah", "UT"),
    ("vermont", "VT"),
    ("virginia", "VA"),
    ("washington", "WA"),
    ("west virginia", "WV"),
    ("wisconsin", "WI"),
    ("wyoming", "WY"),
];

/// The state of a lawmaker's party tag right after a name, as a postal
/// code: "(R-Mich.)", ", D-N.Y.,", " (D-CA)", of the state written
/// after "of" ("Representative Mike Rogers of Michigan, a Republican"),
/// or of the state that qualifies a party or a lawmaker in an apposition
/// ("Mike Rogers, the Michigan Republican", ", a New York Democrat"). A
/// listed member of Congress from another state is someone else ("Rep.
/// Mike Rogers (R-Mich.)" is not the Alabama congressman of that name).
///
/// ```
/// use gazex::link::party_state_after;
/// assert_eq!(party_state_after(" (R-Mich.), said"), Some("MI"));
/// assert_eq!(party_state_after(" of Michigan, a Republican"), Some("MI"));
/// assert_eq!(party_state_after(", the Michigan Republican who heads"), Some("MI"));
/// assert_eq!(party_state_after(", a New York Democrat, said"), Some("NY"));
/// assert_eq!(party_state_after(", an Ohio Republican, met"), Some("OH"));
/// assert_eq!(party_state_after(", the Texas senator,"), Some("TX"));
/// assert_eq!(party_state_after(", the Texas oilman,"), None);
/// assert_eq!(party_state_after(", the Texas senator said"), None);
/// assert_eq!(party_state_after(", a Republican"), None);
/// assert_eq!(party_state_after(" of New York said"), Some("NY"));
/// assert_eq!(party_state_after(" of Michigan State University"), None);
/// assert_eq!(party_state_after(", D-N.Y., said"), Some("NY"));
/// assert_eq!(party_state_after(" (D-CA)"), Some("CA"));
/// assert_eq!(party_state_after(", R-La."), Some("LA"));
/// assert_eq!(party_state_after(" (Reuters) -"), None);
/// assert_eq!(party_state_after(", a Democrat"), None);
/// ```
pub fn party_state_after(after: &str) -> Option<&'static str> {
    if let Some(rest) = after.strip_prefix(" of ") {
        return state_named(rest);
    }
    if let Some(rest) = [", the ", ", a ", ", an "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
    {
        return state_of_lawmaker(rest);
    }
    let rest = after
        .strip_prefix(" (")
        .or_else(|| after.strip_prefix(", "))?;
    let mut chars = rest.char_indices();
    let (_, party) = chars.next()?;
    if !matches!(party, 'R' | 'D' | 'I') {
        return None;
    }
    let (k, dash) = chars.next()?;
    if !matches!(dash, '-' | '\u{2013}') {
        return None;
    }
    let tag = &rest[k + dash.len_utf8()..];
    let end = tag.find([')', ',', ' ', ';']).unwrap_or(tag.len());
    let state = tag[..end].trim_end_matches('.');
    if state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase()) {
        return STATE_CODES
            .iter()
            .map(|(_, code)| *code)
            .find(|code| *code == state);
    }
    let folded = state.to_ascii_lowercase();
    STATE_CODES
        .iter()
        .find(|(abbr, _)| *abbr == folded)
        .map(|(_, code)| *code)
}

/// The postal code of the US state whose name `text` opens with, where
/// the name ends there: at the text's end, punctuation, or a space before
/// a word in lower case ("Michigan, a Republican", "Texas said"; not
/// "Michigan State University" or "Washington Post").
fn state_named(text: &str) -> Option<&'static str> {
    STATE_NAMES.iter().find_map(|&(name, code)| {
        let head = text.get(..name.len())?;
        if !head.eq_ignore_ascii_case(name) {
            return None;
        }
        let rest = &text[name.len()..];
        let ends = match rest.chars().next() {
            None => true,
            Some(' ') => rest[1..].chars().next().is_some_and(char::is_lowercase),
            Some(c) => !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’',
        };
        ends.then_some(code)
    })
}

/// The postal code of the US state whose name `text` opens with, where
/// a party or a word for a lawmaker follows it, closing the apposition
/// ("Michigan Republican who", "Texas senator,"; not "Texas oilman", nor
/// "the Louisiana senator said", the subject of what follows).
fn state_of_lawmaker(text: &str) -> Option<&'static str> {
    STATE_NAMES.iter().find_map(|&(name, code)| {
        let head = text.get(..name.len())?;
        let rest = text[name.len()..].strip_prefix(' ')?;
        let word = rest.split([' ', ',', '.', ';', ')']).next()?;
        let tail = &rest[word.len()..];
        let closes = tail.is_empty()
            || tail.starts_with([',', '.', ';', ')'])
            || tail.starts_with(" who ")
            || tail.starts_with(" whose ");
        if !closes {
            return None;
        }
        let lawmaker = matches!(
            word.to_ascii_lowercase().as_str(),
            "republican"
                | "democrat"
                | "democratic"
                | "independent"
                | "lawmaker"
                | "legislator"
                | "congressman"
                | "congresswoman"
                | "representative"
                | "senator"
        );
        (lawmaker && head.eq_ignore_ascii_case(name)).then_some(code)
    })
}

/// Whether a listed person's record names US states (`roles[].state`, as
/// postal codes) and `code` is none of them.
pub fn state_differs(e: &Entity, code: &str) -> bool {
    let mut states = role_states(e).peekable();
    states.peek().is_some() && states.all(|s| s != code)
}

/// Whether a listed person's record names US states (`roles[].state`)
/// and `code` is one of them: "Mr. Smith of New Jersey" is the New Jersey
/// member of that name.
pub fn state_fits(e: &Entity, code: &str) -> bool {
    role_states(e).any(|s| s == code)
}

/// The US states (postal codes) of a listed person's roles
/// (`roles[].state`), one per role that names one.
fn role_states(e: &Entity) -> impl Iterator<Item = &str> + '_ {
    e.properties
        .get("roles")
        .and_then(|r| r.as_array())
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("state")?.as_str())
}

/// Whether a folded word after "Name," makes the name a US place: a state's
/// abbreviation or name ("Jackson, Miss.", "Lincoln, Nebraska").
pub fn state_after(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    STATE_CODES.iter().any(|(abbr, _)| *abbr == w)
        || STATE_POSTAL.contains(&w)
        // (A folded word is never a state's name of two words.)
        || STATE_NAMES.iter().any(|(name, _)| *name == w)
}

/// How many listed persons must bear a name word for it to be common
/// among the people the lists cover ("Kim", "Ali", "Hassan").
pub const COMMON_AMONG_LISTED: u32 = 40;

/// Why a folded name word is common.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Common {
    /// A common given name ([`crate::names::is_common_given_name`]).
    Given,
    /// A common surname ([`crate::names::is_common_surname_word`]).
    Surname,
    /// Borne by at least [`COMMON_AMONG_LISTED`] listed persons.
    Listed,
    /// A one-syllable given name after a common family name ("Li Qiang",
    /// "Wang Yi", "Kim Song"): see [`common_second_word`].
    Syllable,
}

impl Common {
    /// The reason's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Common::Given => "given",
            Common::Surname => "surname",
            Common::Listed => "listed",
            Common::Syllable => "syllable",
        }
    }
}

/// Whether the folded name word `w`, which `listed_bearers` listed persons
/// bear, is common, and why. A person's name made only of common words
/// needs the document to corroborate it.
pub fn common_word(w: &str, listed_bearers: u32) -> Option<Common> {
    if crate::names::is_common_given_name(w) {
        Some(Common::Given)
    } else if crate::names::is_common_surname_word(w) {
        Some(Common::Surname)
    } else if listed_bearers >= COMMON_AMONG_LISTED {
        Some(Common::Listed)
    } else {
        None
    }
}

/// Whether the second word of a two-word name, `second` (rare by
/// [`common_word`]), makes the name common after a common family name
/// (`first`): a one-syllable given name. Chinese and Korean given names of
/// one syllable ("Qiang", "Yi", "Song") after the commonest family names
/// (Li, Wang, Kim) make names that hundreds of thousands of people share,
/// though no frequency list of ours holds them.
pub fn common_second_word(first: Option<Common>, second: &str) -> Option<Common> {
    (matches!(first, Some(Common::Surname | Common::Listed)) && is_one_syllable(second))
        .then_some(Common::Syllable)
}

/// Whether a folded word reads as one romanized syllable: at most six
/// letters, one run of vowels, ending in it or in `n`, `ng` or `r`
/// ("qiang", "yi", "jun", "song"; not "bush" or "trump").
pub fn is_one_syllable(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 6 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let last_vowel = b.iter().rposition(|&c| is_vowel(c));
    let coda = last_vowel.map_or(&b[..0], |i| &b[i + 1..]);
    vowel_runs(b) == 1 && matches!(coda, b"" | b"n" | b"ng" | b"r")
}

/// Whether a lower-case ASCII byte is a vowel letter (not "y").
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// How many runs of vowels (not "y") a folded word has: "kuan" one, "yew"
/// one, "jones" two.
pub fn vowel_runs(b: &[u8]) -> usize {
    b.iter()
        .enumerate()
        .filter(|&(i, &c)| is_vowel(c) && (i == 0 || !is_vowel(b[i - 1])))
        .count()
}

/// Whether the folded word is a month's name: of the Gregorian calendar,
/// or a month of the Islamic calendar the English-language press names
/// (and that is also a family name: "the holy month of Ramadan", not
/// Taha Yassin Ramadan).
pub fn is_month(word: &str) -> bool {
    crate::date::MONTHS.contains(&word)
        || matches!(
            word,
            "ramadan" | "ramazan" | "ramadhan" | "muharram" | "rajab" | "shaban" | "shawwal"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders_from_first_given_names() {
        let person = |name: &str, gender: Option<&str>| {
            let mut e = Entity::new("t", name, EntityType::Person);
            if let Some(g) = gender {
                e.properties.insert("gender".into(), g.into());
            }
            e
        };
        // Made-up fixtures.
        let entities = [
            person("Zorana Petkova", Some("Female")),
            person("Zorana Vukic", None),
            person("Gen. Dragan Zelic", Some("Male")),
            person("Dragan Mirko", None),
            person("Andrea Rossi", Some("Male")),
            person("Andrea Gomez", Some("Female")),
            person("Andrea Luna", None),
            person("Milos Obren", None),
        ];
        let mut profiles: Vec<Profile> = entities.iter().map(Profile::of).collect();
        infer_genders(&entities, &mut profiles);
        let got: Vec<Option<char>> = profiles.iter().map(|p| p.gender).collect();
        assert_eq!(
            got,
            [
                Some('F'),
                Some('F'),
                Some('M'),
                Some('M'),
                Some('M'),
                Some('F'),
                None,
                None
            ]
        );
    }

    #[test]
    fn one_syllable_given_names_after_common_family_names() {
        for w in ["qiang", "yi", "jun", "song", "peng"] {
            assert_eq!(
                common_second_word(Some(Common::Surname), w),
                Some(Common::Syllable),
                "{w}"
            );
        }
        for w in ["jinping", "keqiang", "bush", "trump"] {
            assert_eq!(common_second_word(Some(Common::Surname), w), None, "{w}");
        }
        assert_eq!(common_second_word(None, "qiang"), None, "rare family name");
    }

    #[test]
    fn sanctioned_persons_public_life_from_their_dob() {
        let mut e = Entity::new("x", "Hafezo Zarnassad", EntityType::Person);
        e.properties.insert(
            "dob".into(),
            serde_json::json!(["04 Dec 2001", "circa 2002"]),
        );
        let p = Profile::of(&e);
        assert!(!p.possible_at(&DocDate::parse("1999").unwrap()));
        assert!(p.possible_at(&DocDate::parse("2020-07").unwrap()));
    }

    #[test]
    fn royal_and_plural_titles() {
        let t = |w: &[&str]| title_before(w);
        assert!(t(&["crown", "prince"]).unwrap().heir);
        assert_eq!(
            t(&["former", "presidents"]).unwrap().offices,
            Offices::HEAD_OF_STATE
        );
        assert!(t(&["the", "chancellor"])
            .unwrap()
            .offices
            .meets(Offices::MINISTER));
    }

    #[test]
    fn roles() {
        for (role, want) in [
            ("President of the United States", Offices::HEAD_OF_STATE),
            ("Vice President of the United States", Offices::DEPUTY_HEAD),
            ("United States Senator", Offices::SENATOR),
            ("United States Representative", Offices::REPRESENTATIVE),
            (
                "Prime Minister, First Lord of the Treasury, & Minister for the Civil Service",
                Offices::HEAD_OF_GOVERNMENT,
            ),
            ("Deputy Prime Minister", Offices::MINISTER),
            ("Minister of Finance", Offices::MINISTER),
            ("United States Secretary of State", Offices::MINISTER),
            ("Governor of the Central Bank", Offices::BANKER),
            ("Ambassador to the US", Offices::DIPLOMAT),
            (
                "Permanent Representative to the UN, New York",
                Offices::DIPLOMAT,
            ),
            ("Chairman of KWP", Offices::HEAD_OF_STATE),
            ("President of Russia", Offices::HEAD_OF_STATE),
            ("King", Offices::MONARCH),
        ] {
            assert!(classify_role(role).meets(want), "{role}");
        }
        assert!(!classify_role("Vice President").meets(Offices::HEAD_OF_STATE));
        assert!(!classify_role("Deputy Prime Minister").meets(Offices::HEAD_OF_GOVERNMENT));
    }

    #[test]
    fn titles() {
        let t = |s: &str| title_before(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(t("president").unwrap().offices, Offices::HEAD_OF_STATE);
        let f = t("said former president").unwrap();
        assert!(f.past && f.offices == Offices::HEAD_OF_STATE && f.words == 2);
        assert_eq!(t("vice president").unwrap().offices, Offices::DEPUTY_HEAD);
        assert_eq!(
            t("prime minister").unwrap().offices,
            Offices::HEAD_OF_GOVERNMENT
        );
        assert!(t("deputy prime minister")
            .unwrap()
            .offices
            .meets(Offices::MINISTER));
        assert_eq!(t("u.s sen").unwrap().offices, Offices::SENATOR);
        // The South Asian press's "PM Shehbaz": a title, not a word of a
        // longer name.
        assert_eq!(t("pm").unwrap().offices, Offices::HEAD_OF_GOVERNMENT);
        assert!(crate::names::is_title("pm"));
        assert_eq!(t("house speaker").unwrap().offices, Offices::REPRESENTATIVE);
        assert_eq!(t("secretary of state").unwrap().offices, Offices::MINISTER);
        let portfolio = t("the coordinating minister for security affairs").unwrap();
        assert_eq!(portfolio.offices, Offices::MINISTER);
        assert_eq!(
            t("the minister of the interior").unwrap().offices,
            Offices::MINISTER
        );
        assert_eq!(t("voted for").map(|t| t.offices), None);
        assert_eq!(
            t("the minister of finance criticized").map(|t| t.offices),
            None
        );
        assert_eq!(t("party secretary of guangdong").map(|t| t.offices), None);
        assert_eq!(
            t("made him secretary of defense in 1989").map(|t| t.offices),
            None
        );
        assert_eq!(t("under secretary of the treasury").unwrap().words, 4);
        let a = |s: &str| title_after(&s.split(' ').collect::<Vec<_>>());
        let vp = a("who was vice president in the second").unwrap();
        assert!(vp.past && vp.offices == Offices::DEPUTY_HEAD);
        let pm = a("the former belgian prime minister").unwrap();
        assert!(pm.past && pm.offices == Offices::HEAD_OF_GOVERNMENT);
        assert_eq!(a("a heroin dealer from harlem"), None);
        assert_eq!(a("to promise president"), None);
        assert_eq!(a("the only son of venezuelan president"), None);
        assert_eq!(a("a chief of staff to senator"), None);
        assert_eq!(a("who was born in queens in 1946"), None);
        assert!(a("the president of venezuela").is_some());
        assert_eq!(
            t("finance minister professor").unwrap().offices,
            Offices::MINISTER
        );
        let carter = a("carter 's vice president").unwrap();
        assert_eq!(carter.offices, Offices::DEPUTY_HEAD);
        assert_eq!(a("carter said president"), None);
        let p = t("the former chairman of president").unwrap();
        assert!(!p.past && p.offices == Offices::HEAD_OF_STATE && p.words == 1);
        assert_eq!(t("king").unwrap().offices, Offices::MONARCH);
        assert!(!classify_role("President of the United States").meets(Offices::MONARCH));
        assert_eq!(t("the").map(|t| t.offices), None);
        assert_eq!(t("mr").map(|t| t.offices), None);
        assert_eq!(t("said").map(|t| t.offices), None);
    }

    fn person(born: Option<&str>, roles: serde_json::Value) -> Profile {
        let mut e = Entity::new("x", "X Y", EntityType::Person);
        if let Some(b) = born {
            e.properties.insert("birth_date".into(), b.into());
        }
        e.properties.insert("roles".into(), roles);
        Profile::of(&e)
    }

    #[test]
    fn a_successor_ends_a_term_no_list_ends() {
        // Made-up premiers: one a list of 2022 saw in office since 2013,
        // one whose term a list of 2026 says began on 11 March 2023.
        let premier = |name: &str, country: &str, roles: serde_json::Value| {
            let mut e = Entity::new(name, name, EntityType::Person);
            e.properties.insert("country".into(), country.into());
            e.properties.insert("roles".into(), roles);
            e
        };
        let old = serde_json::json!([{"role": "Premier", "start": "2013", "as_of": "2022-10-09", "current": true}]);
        let new = |start: &str| serde_json::json!([{"role": "Premier", "start": start, "as_of": "2026-08-22", "current": true}]);
        let ended = |entities: Vec<Entity>| {
            let mut p: Vec<Profile> = entities.iter().map(Profile::of).collect();
            end_terms_at_successors(&entities, &mut p);
            p[0].terms[0].to
        };
        let zar = |c: &str| premier("Zar Keqo", c, old.clone());
        assert_eq!(
            ended(vec![
                zar("Fixturia"),
                premier("Zar Qio", "Fixturia", new("2023-03-11"))
            ]),
            20230311
        );
        // (A start known by the year only ends it at the year's end.)
        assert_eq!(
            ended(vec![
                zar("Fixturia"),
                premier("Zar Qio", "Fixturia", new("2023"))
            ]),
            20231231
        );
        // (Not another country's premier, one of the same name, nor where
        // heads of state serve together.)
        for others in [
            premier("Zar Qio", "Otheria", new("2023-03-11")),
            premier("Zar Keqo", "Fixturia", new("2023-03-11")),
            // (Nor an acting premier whose term ended.)
            premier(
                "Zar Act",
                "Fixturia",
                serde_json::json!([{"role": "Premier", "start": "2023-02-01", "end": "2023-02-20"}]),
            ),
        ] {
            assert_eq!(ended(vec![zar("Fixturia"), others]), Day::MAX);
        }
        let president = serde_json::json!([{"role": "President", "start": "2013", "as_of": "2022-10-09", "current": true}]);
        let next = serde_json::json!([{"role": "President", "start": "2023-03-11"}]);
        assert_eq!(
            ended(vec![
                premier("Zar A", "Switzerland", president),
                premier("Zar B", "Switzerland", next)
            ]),
            Day::MAX
        );
    }

    #[test]
    fn public_life() {
        let d = |s: &str| DocDate::parse(s).unwrap();
        // A senator first elected in 2017, born 1951: not in a 1961 text.
        let jnk = person(
            Some("1951-11-21"),
            serde_json::json!([{"role": "United States Senator", "start": "2017-01-03", "end": "2029-01-03", "current": true}]),
        );
        assert!(!jnk.possible_at(&d("1961")));
        assert!(jnk.possible_at(&d("2020")));
        assert!(jnk.held_at(Offices::SENATOR, &d("2020-05")));
        assert!(!jnk.held_at(Offices::HEAD_OF_STATE, &d("2020-05")));
        // A vice president of 1893: long out of office in 1961.
        let avs = person(
            Some("1835-10-23"),
            serde_json::json!([{"role": "Vice President of the United States", "start": "1893-03-04", "end": "1897-03-04"}]),
        );
        assert!(avs.possible_at(&d("1961")) && avs.long_out_of_office(&d("1961")));
        assert!(!avs.long_out_of_office(&d("1900")));
        // A president is never long out of office.
        let gw = person(
            Some("1732-02-22"),
            serde_json::json!([{"role": "President of the United States", "start": "1789-04-30", "end": "1797-03-04"}]),
        );
        assert!(!gw.long_out_of_office(&d("1961")));
        // Seen in office in 2019 only: public from 1979 (the term may have
        // begun that day), in office 2015-2023.
        let cia = person(
            None,
            serde_json::json!([{"role": "Prime Minister", "as_of": "2019-06", "current": true}]),
        );
        assert!(!cia.possible_at(&d("1961")) && cia.possible_at(&d("2000")));
        assert!(!cia.possible_at(&d("1978")) && cia.possible_at(&d("1986")));
        assert!(cia.held_at(Offices::HEAD_OF_GOVERNMENT, &d("2019")));
        assert!(!cia.held_at(Offices::HEAD_OF_GOVERNMENT, &d("2010")));
        // Seen in office by a 2022 list, no end given: "former" may fit
        // later, not before.
        let yellen = person(
            None,
            serde_json::json!([{"role": "United States Secretary of the Treasury", "start": "2021-01-26", "as_of": "2022-02-28", "current": true}]),
        );
        assert!(yellen.left_by(Offices::MINISTER, &d("2026")));
        assert!(!yellen.left_by(Offices::MINISTER, &d("2021-06")));
        assert!(yellen.held_at(Offices::MINISTER, &d("2026")));
        // A monarch is in the news from birth: the heir born in 1948 who
        // took the throne in 2022, in 1950; one a 2019 list saw reigning,
        // born when unknown, seventy years before.
        let king = person(
            Some("1948-11-14"),
            serde_json::json!([{"role": "monarch of the United Kingdom", "start": "2022-09-08"}]),
        );
        assert!(king.possible_at(&d("1950")) && !king.possible_at(&d("1947")));
        let emperor = person(
            None,
            serde_json::json!([{"role": "Emperor", "as_of": "2019-06", "current": true}]),
        );
        assert!(emperor.possible_at(&d("1959")));
        // A posthumous title: a leader, of any time, in no known term.
        let eternal = person(
            None,
            serde_json::json!([{"role": "Eternal President", "as_of": "2019-06", "current": true}]),
        );
        assert!(eternal.possible_at(&d("1968")) && eternal.offices.leads());
        assert!(!eternal.in_office_at(&d("2019")) && !eternal.long_out_of_office(&d("2026")));
        // Nothing known: possible any time.
        let none = person(None, serde_json::json!([]));
        assert!(none.possible_at(&d("1900")) && !none.long_out_of_office(&d("2020")));
    }
}
