//! Choosing mentions among the matcher's hits.
//!
//! The matcher reports every form at every position. A [`Resolver`] turns
//! those hits into mentions, one document at a time:
//!
//! 1. **Readings.** Each hit is read as each of its targets. An
//!    organization's core (`verus`) next to a legal form (`LLC Verus`,
//!    `Verus OOO`) is extended over it and becomes a full `legal_form`
//!    mention; alone it stays a short form.
//! 2. **Context.** Forms whose policy asks for a proper noun (single-word
//!    names, partial names, every short form) must be capitalized and must
//!    not be glued to another capitalized name word: "Nelson" in "Nelson
//!    Mandela" is part of a different name; a title ("President"), a
//!    sentence-opening function word, or punctuation before it is fine.
//! 3. **Full mentions** are chosen leftmost-longest, without overlap. When
//!    several entities share the chosen span, [`crate::link`]'s knowledge
//!    decides who is meant at the document's date ([`Resolver::set_date`]):
//!    homonyms are ruled out by the date (before their public life, long
//!    out of office), by written initials, by an occupation, an honorific
//!    of the other gender or "a … named" before the name; the rest are
//!    ranked by how a title before the name fits their terms at the date,
//!    by initials, by office at the date, by having led a state, and by
//!    whether the written name is the whole of theirs. A name inside a
//!    longer proper name ("the George Washington Bridge") is no mention.
//!    A person's name made only of common names needs corroboration in the
//!    document. The others are listed as `candidates`, each with its
//!    reasons.
//! 4. **Short forms** (surname, organization without legal form) are kept
//!    only where they do not overlap a full mention and have grounds: a
//!    full mention of their entity or of a linked one, a fitting title, the
//!    head of state or government of the day, a distinctive word, a ship's
//!    cue. A bare surname that reads as a place or a date here is no
//!    mention. Among several entities, a fitting title decides first, then
//!    the one named last (fully or by surname), then the grounds.
//! 5. **Confidence**: every mention gets a confidence and its reasons (see
//!    [`crate::output`]); those below the minimum
//!    ([`DEFAULT_MIN_CONFIDENCE`], [`Resolver::set_min_confidence`]) are left
//!    out.

use crate::date::DocDate;
use crate::gazetteer::{EntityType, NameOrder};
use crate::link::{
    birth_said_after, called_before, civilian_offices_only, common_second_word, common_word,
    described_vessel_kind, dowager_after, honorific_gender, imo_after, is_clergy_title, is_month,
    is_one_syllable, is_profession, list_title, listed_vessel_kind, named_after, namesake_after,
    occupation_before, occupation_in, party_state_after, place_preposition, private_person,
    rank_word, record_words, serving_rank_before, ship_word, speech_after, state_after,
    state_differs, state_fits, surely_in_office, telling_word, title_after, title_before,
    title_of_predicate, year_of_deed, Common, Offices, Title, VesselKind, MIN_OFFICE_AGE,
};
use crate::matcher::is_prominent;
use crate::matcher::{Hit, Matcher};
use crate::mention::{Candidate, Evidence, EvidenceKind, MatchKind, Mention, Reason};
use crate::names::{
    country_cues, country_of, in_country_name, initials, is_capital, is_common_word, is_demonym,
    is_distinctive_word, is_given_name, is_known_proper_noun, is_particle, is_place, is_region,
    is_stopword, is_suffix, is_title, LegalForms,
};
use crate::normalize::fold_name;
use crate::normalize::{normalize_into, Normalized, TokenFlags};
use crate::variants::{is_regnal_number, Policy, Variant};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::{Cell, OnceCell, RefCell};

#[derive(Clone, Copy, Debug)]
struct Cand {
    first: u32,
    last: u32,
    entity: u32,
    name: u32,
    kind: MatchKind,
    policy: Policy,
    distinctive: bool,
    /// Where the mention starts when it is not the first token's start:
    /// initials written before the surname of a name listed with initials
    /// ("F. K. Fiedler"), which the token stream leaves out.
    start: Option<u32>,
    /// How many tokens were read as another spelling of a listed word
    /// ([`crate::matcher::Hit::variants`]).
    variant: u8,
    /// A given name alone ([`Variant::GivenName`]): it rests on a full
    /// mention only.
    given_name: bool,
    /// An organization's first word, of a longer name
    /// ([`Variant::OrgWord`]).
    org_word: bool,
    /// A form written otherwise than the listed name, in another
    /// romanization or with a nickname ([`crate::variants::Form::respelled`]:
    /// "Hsi Chin-ping", "Jack Kennedy").
    respelled_form: bool,
    /// How many words the text writes after the name's first that the
    /// listed name leaves out (middle names: "Mahamat Idriss Déby Itno"
    /// for the listed "Mahamat Déby Itno"), tokens `first + 1..` on.
    inserted: u8,
}

impl Cand {
    /// A given name alone at token `at`, read as a short form of `entity`'s
    /// listed name `name` (match kind `surname`), with `variant` tokens
    /// respelled: it needs its grounds as any short form.
    fn given_name_at(at: u32, entity: u32, name: u32, variant: u8) -> Cand {
        Cand {
            first: at,
            last: at,
            entity,
            name,
            kind: MatchKind::Surname,
            policy: Policy::Evidence,
            distinctive: false,
            start: None,
            variant,
            given_name: true,
            org_word: false,
            respelled_form: false,
            inserted: 0,
        }
    }

    /// Short forms and one-word names that are ordinary words need evidence
    /// in the document.
    fn needs_evidence(&self) -> bool {
        matches!(self.policy, Policy::Evidence | Policy::Cue)
    }
}

/// How far back (bytes of folded stream, about ten thousand words) the
/// other-bearer rule looks for an earlier use of a surname.
const LOOK_BACK: usize = 64 << 10;

/// How many times [`Resolver::earlier_use`] searches a document before it
/// links the uses of each listed word instead ([`same_word_before`]): a
/// search costs a few hundred instructions, the links a few tens a
/// token, and most documents ask few questions.
const SEARCHES: u32 = 16;

/// The age up to which a listed person is taken to be alive at a
/// document's date when the lists give no date of death: an age written
/// after his surname more than five years below his age then is someone
/// else's
/// ([`Resolver::age_rules_out`]); above it, a story of the past may give the
/// age he had then ("Kennedy, 46, was pronounced dead" sixty years on).
const LIVING_AGE: i64 = 85;

/// How many times over the searches of [`Resolver::earlier_use`] for a
/// word the matcher does not list (a respelling: "Hasson" read as
/// "Hassan"), which has no links, may read a short document before its
/// words are indexed ([`word_tokens`]): the searches then cost at most
/// this many times the document's size, and the index, paid once, time
/// linear in it. Few documents search for such words at all (the index
/// of the Brown corpus's 500 texts is built no more often than before).
const INDEX_AFTER: usize = 128;

/// How many words [`Resolver::written_lower`] looks for by a pass over
/// a document's words before it gathers its lower-case words in a set
/// once ([`lower_words`]): a 357 KB text asking about 306 words took
/// 217 M instructions by passes, 17 M with the set after eight.
const LOWER_PASSES: usize = 8;

/// How near (bytes of folded stream either side, about sixty words) an
/// organization named by ordinary words must have its country named.
const COUNTRY_NEAR: usize = 400;

/// How many mentions between two uses of a surname
/// [`ChosenIndex::mentioned_between`] weighs one by one.
const COUNTED: usize = 8;

/// Whether a folded word's spelling key has four consonants or more: long
/// enough to be respelled alone ("hezbollah", not "boris" or "hemus").
fn long_word(w: &str) -> bool {
    crate::translit::spelling_key(w).is_some_and(|k| crate::translit::key_consonants(&k) >= 4)
}

/// The acronym in parentheses at the start of `rest` (the text just after
/// a name): `" (BPC)"`, `" (LeT)"`; two to eight letters, at least two of
/// them capitals.
fn introduced_acronym(rest: &str) -> Option<&str> {
    let inner = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix('(')?;
    let (acr, _) = inner.split_once(')')?;
    let capitals = acr.chars().filter(char::is_ascii_uppercase).count();
    ((2..=8).contains(&acr.len())
        && acr.chars().all(|ch| ch.is_ascii_alphabetic())
        && capitals >= 2)
        .then_some(acr)
}

/// The term a parenthesis right after an organization's name defines for
/// it, as business and legal writing does ("Banco Nacional de Cuba
/// (hereafter "the Bank")", "(the "Company")", "(the Company)"): one
/// capitalized word after "the", with or without quotation marks and
/// "hereafter"/"hereinafter", and the byte (from the start of `rest`)
/// where the parenthesis closes.
fn introduced_term(rest: &str) -> Option<(&str, usize)> {
    const QUOTES: [char; 4] = ['"', '\u{201c}', '\u{201d}', '\''];
    let open = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let inner = rest[open..].strip_prefix('(')?;
    let close = open + 1 + inner.find(')')?;
    let mut s = &rest[open + 1..close];
    for lead in ["hereafter ", "hereinafter ", "Hereafter ", "Hereinafter "] {
        s = s.strip_prefix(lead).unwrap_or(s);
    }
    s = s.trim_start_matches(QUOTES);
    s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The "))?;
    s = s.trim_start_matches(QUOTES);
    let len = s.find(|ch: char| !ch.is_alphabetic()).unwrap_or(s.len());
    let (term, after) = s.split_at(len);
    let after = after.trim_start_matches(QUOTES);
    (term.chars().next().is_some_and(char::is_uppercase)
        && term.chars().count() >= 3
        && (after.is_empty() || after.starts_with([',', ';'])))
    .then_some((term, close))
}

/// Whether the words before a name introduce a new person: "a …
/// named/called X" within the sentence ("a retired taxi driver who
/// happens also to be named Lawrence Wong").
fn introduces(before: &[&str]) -> bool {
    // "a schoolteacher who gave his name only as Hussein", "a driver
    // identified only as Ahmed": someone who withheld the rest of the name
    // is a private person.
    if let [.., "name" | "only", "as"] = before {
        let n = before.len();
        if before[n.saturating_sub(6)..]
            .iter()
            .any(|w| matches!(*w, "gave" | "giving" | "give" | "identified"))
        {
            return true;
        }
    }
    match before
        .iter()
        .rposition(|w| matches!(*w, "named" | "called"))
    {
        Some(k) => k + 1 == before.len() && before[..k].iter().any(|w| matches!(*w, "a" | "an")),
        None => false,
    }
}

/// Whether the words before a bare name speak of the name itself: "two
/// presidents were named Johnson", "45 percent of Koreans are called
/// Kim" (a copula, then "named" or "called"), "my son's name is Hafez",
/// not of one person who bears it.
fn speaks_of_name(before: &[&str]) -> bool {
    // (And the names listed after it: "are named Kim, Lee or Park".)
    // ("My son's name is Hafez too.")
    if let [.., "name" | "names", "is" | "was" | "are" | "were"] = before {
        return true;
    }
    let Some(k) = before
        .iter()
        .rposition(|w| matches!(*w, "named" | "called"))
    else {
        return false;
    };
    k >= 1
        && matches!(before[k - 1], "is" | "are" | "was" | "were" | "be" | "been")
        && before.len() - k <= 4
        && before[k + 1..]
            .iter()
            .all(|w| matches!(*w, "or" | "and") || !is_stopword(w))
}

/// Whether a folded word is a form of "to be" (or "remain") that can say
/// what a name is.
fn is_copula(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "remains" | "remain")
}

/// Whether the words after a bare name say it is a common name: "Kim is
/// the most common family name", "Mohammad and Omar are among the most
/// common names" (a copula, then "common" and a word for names within the
/// next words).
fn called_common_after(after: &[&str]) -> bool {
    let mut rest = after;
    // (Past one more name: "Mohammad and Omar are …".)
    if let ["and" | "or", _, tail @ ..] = rest {
        rest = tail;
    }
    let [copula, tail @ ..] = rest else {
        return false;
    };
    let Some(k) = tail
        .iter()
        .position(|w| matches!(*w, "name" | "names" | "surname" | "surnames"))
    else {
        return false;
    };
    is_copula(copula)
        && tail[..k]
            .iter()
            .any(|w| matches!(*w, "common" | "commonest" | "popular"))
        && tail[..k].iter().all(|w| {
            matches!(
                *w,
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "few"
                    | "of"
                    | "among"
                    | "most"
                    | "very"
                    | "quite"
                    | "more"
                    | "common"
                    | "commonest"
                    | "popular"
                    | "family"
                    | "given"
                    | "last"
                    | "first"
            )
        })
}

/// Whether the words before a name (`before`) say that something is named
/// after it: "takes its name from", or "named after" or "renamed for" where
/// a description or the clause's end follows the name (`after`: "named
/// after Tanchon, an east-coast port"; not "Iran Air was named after
/// Mahan, in a second round", listed after it). What something is named
/// after is not an organization the name is short for ("The airline takes
/// its name from Mahan, a garden town").
fn named_from(before: &[&str], after: &str) -> bool {
    let described = || {
        let a = after.trim_start_matches([' ', '\u{a0}']);
        a.starts_with(['.', ';'])
            || [", a ", ", an ", ", the "]
                .iter()
                .any(|p| a.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
    };
    matches!(before, [.., "name", "from"])
        || matches!(before, [.., "named" | "renamed", "after" | "for"]) && described()
}

/// Whether the words before a name end in a kind of place and "of": "the
/// resort town of", "the northern province of", "the port of".
fn place_of(before: &[&str]) -> bool {
    matches!(
        before,
        [
            ..,
            "city"
                | "town"
                | "village"
                | "province"
                | "region"
                | "port"
                | "district"
                | "county"
                | "island"
                | "islands"
                | "oblast"
                | "governorate"
                | "prefecture"
                | "municipality"
                | "township"
                | "suburb"
                | "outskirts",
            "of"
        ]
    )
}

/// Evidence found for a short form: its kind and the supporting tokens.
type TokenEvidence = (EvidenceKind, u32, u32);

/// A mention chosen, with what its link rests on.
#[derive(Clone, Debug)]
struct Chosen {
    c: Cand,
    others: Vec<Candidate>,
    ev: Option<TokenEvidence>,
    confidence: f32,
    reasons: Vec<Reason>,
}

/// Heads of state or government.
const LEADS: Offices = Offices::HEAD_OF_STATE.union(Offices::HEAD_OF_GOVERNMENT);

/// What the words around a name say of who it is, beyond its title.
#[derive(Clone, Copy, Debug, Default)]
struct Cues {
    /// An occupation before it ("the economist Adam Smith").
    occupation: bool,
    /// That occupation is a business or profession that sanctioned parties
    /// hold too ("program manager Mustafa Alper Deniz"): it rules out
    /// officials only.
    profession: bool,
    /// The gender an honorific before it gives ("Mrs.").
    honorific: Option<char>,
    /// A new person introduced ("a schoolteacher called …", "a Ford").
    introduced: bool,
    /// A place or a date here ("in Washington", "in May").
    place: bool,
    /// The age written just after the name ("Carney, 59,", "Kumar, a
    /// 29-year-old engineer").
    age: Option<u32>,
    /// The year a clause after the name gives for what its bearer did
    /// ([`year_of_deed`]: ", who seized power in 1970").
    year: Option<i32>,
    /// That year is the bearer's birth ([`birth_said_after`]: "(1723-90)",
    /// ", who was born in 1946"): it rules out only one born later.
    birth: bool,
    /// The words after a royal's name call her a monarch's mother or
    /// widow ([`dowager_after`]): not the reigning monarch of that name.
    dowager: bool,
    /// A description after the name makes its bearer a private person
    /// ("Carlos Rodríguez, 52, a mechanic", "who runs a tea shop").
    private: bool,
    /// The text says right after the name that its bearer is a namesake
    /// ([`namesake_after`]).
    namesake: bool,
    /// The state of a lawmaker's party tag after the name ("(R-Mich.)",
    /// [`party_state_after`]), as a postal code.
    state: Option<&'static str>,
    /// The country of a demonym before the name ("Nigerian lawmaker Abu
    /// Bakar Bashir"; [`demonym_before`]).
    demonym: Option<usize>,
    /// The word before the name calls its bearer someone's child ("his
    /// eldest son, Hun Manet"; not "the son of Ebrahim Raisi" nor "his
    /// father, …"): the press writes of the powerful's children before
    /// their own public life.
    kin: bool,
}

/// Which of two namesakes a word for a parent or a child beside the name
/// points to: `1` the elder ("His father, George Bush"; "George Bush and
/// his son …"), `-1` the younger ("his son, …"; "… and his father …"),
/// from the two folded words before the name (`before`, nearest last) and
/// the text after it.
fn kin_order(before: &[&str], after: &str) -> Option<i8> {
    let (parent, child) = (is_parent_word, is_child_word);
    // ("the son of X": X is the parent.)
    if let [.., w, "of"] = before {
        if parent(w) {
            return Some(-1);
        }
        if child(w) {
            return Some(1);
        }
    }
    for w in before.iter().rev().take(2) {
        if parent(w) {
            return Some(1);
        }
        if child(w) {
            return Some(-1);
        }
    }
    let words: Vec<&str> = after
        .trim_start_matches([',', ' '])
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(7)
        .collect();
    match words[..] {
        ["and", "his" | "her", w, ..] if child(w) => Some(1),
        ["and", "his" | "her", w, ..] if parent(w) => Some(-1),
        // ", the 34-year-old son of President Hafez al-Assad": the
        // bearer is the child (or the parent) of someone the story names.
        ["the" | "a", ref rest @ ..] => {
            let at = rest.iter().position(|w| *w == "of")?;
            let (kin, modifiers) = rest[..at].split_last()?;
            (modifiers.len() <= 3 && modifiers.iter().all(|w| !is_stopword(w))).then_some(())?;
            if child(kin) {
                Some(-1)
            } else if parent(kin) {
                Some(1)
            } else {
                None
            }
        }
        // (Wire copy leaves the article out: ", son of Libyan leader
        // Moamer Kadhafi".)
        [w, "of", ..] if after.starts_with(", ") && child(w) => Some(-1),
        [w, "of", ..] if after.starts_with(", ") && parent(w) => Some(1),
        _ => None,
    }
}

/// Whether a folded word names a parent or grandparent.
fn is_parent_word(w: &str) -> bool {
    matches!(w, "father" | "mother" | "grandfather" | "grandmother")
}

/// Whether a folded word names a child or grandchild.
fn is_child_word(w: &str) -> bool {
    matches!(w, "son" | "daughter" | "grandson" | "granddaughter")
}

/// Whether a folded word names a relative ("brother", "widow", "son").
fn is_kin(w: &str) -> bool {
    is_kin_bytes(w.as_bytes())
}

/// [`is_kin`] of a word's bytes: what a scan of every token of a document
/// asks, without slicing the stream as a `str` at each.
fn is_kin_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"brother"
            | b"brothers"
            | b"sister"
            | b"sisters"
            | b"son"
            | b"sons"
            | b"daughter"
            | b"daughters"
            | b"wife"
            | b"husband"
            | b"widow"
            | b"widower"
            | b"father"
            | b"mother"
            | b"nephew"
            | b"niece"
            | b"cousin"
            | b"uncle"
            | b"aunt"
            | b"grandson"
            | b"granddaughter"
            | b"grandfather"
            | b"grandmother"
            | b"grandchild"
            | b"stepson"
            | b"stepdaughter"
            | b"stepfather"
            | b"stepmother"
    )
}

/// Whether a folded word says someone goes somewhere, so that "to", "from"
/// or "at" after it introduce a place ("flew to Washington", "back from
/// Lincoln", "arrived at Jackson").
fn travel_word(w: &str) -> bool {
    matches!(
        w,
        "flew"
            | "fly"
            | "flying"
            | "flight"
            | "flights"
            | "went"
            | "go"
            | "goes"
            | "going"
            | "gone"
            | "returned"
            | "return"
            | "returning"
            | "returns"
            | "traveled"
            | "travelled"
            | "traveling"
            | "travelling"
            | "travel"
            | "trip"
            | "moved"
            | "move"
            | "moving"
            | "came"
            | "come"
            | "coming"
            | "arrived"
            | "arrive"
            | "arriving"
            | "drove"
            | "driving"
            | "sailed"
            | "headed"
            | "heading"
            | "bound"
            | "back"
            | "away"
            | "miles"
            | "kilometres"
            | "kilometers"
            | "road"
            | "route"
            | "train"
            | "bus"
            | "sent"
            | "shipped"
            | "relocated"
            | "fled"
            | "escaped"
            | "landed"
            | "stationed"
            | "based"
            | "visit"
            | "visits"
            | "visited"
            | "visiting"
    )
}

/// The country an OFAC sanctions program is about, by its tag
/// (`SYRIA-EO13894`, `IRAN-HR`, `DPRK3`, `IRAQ2`): the tag's leading letters.
fn program_country(program: &str) -> Option<&'static str> {
    let head: String = program
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == ' ')
        .collect();
    Some(match head.trim() {
        "SYRIA" => "Syria",
        "IRAN" | "IRGC" | "IFSR" | "IFCA" => "Iran",
        "DPRK" => "North Korea",
        "RUSSIA" => "Russia",
        "BELARUS" => "Belarus",
        "VENEZUELA" => "Venezuela",
        "CUBA" => "Cuba",
        "BURMA" => "Burma",
        "IRAQ" => "Iraq",
        "LIBYA" => "Libya",
        "LEBANON" => "Lebanon",
        "YEMEN" => "Yemen",
        "SOMALIA" => "Somalia",
        "SUDAN" | "DARFUR" => "Sudan",
        "SOUTH SUDAN" => "South Sudan",
        "NICARAGUA" => "Nicaragua",
        "DRCONGO" => "Democratic Republic of the Congo",
        "CAR" => "Central African Republic",
        "MALI" => "Mali",
        "ETHIOPIA" => "Ethiopia",
        "HK" => "Hong Kong",
        _ => return None,
    })
}

/// The age written just after a name that ends at byte `end` of `text`:
/// Whether the sentence before byte `at` of `text` names a year before
/// `year` ("In 1994 Zarnavi, 28, flew home": a past age): four digits,
/// 1800 on, not part of a longer number.
fn earlier_year_before(text: &str, at: usize, year: i32) -> bool {
    year_written_before(text, at, year, false).is_some()
}

/// The year a sentence dates its event to before byte `at`: as
/// [`year_written_before`], written after "in" ("in 1943", not "the 1991
/// war" nor "1900 troops").
fn year_dated_before(text: &str, at: usize, year: i32) -> Option<i32> {
    year_written_before(text, at, year, true)
}

/// The year, 1800 or later and before `year`, written last before byte
/// `at` in its sentence, within 300 bytes ("promised at Cairo in 1943 by
/// President Roosevelt": 1943); with `after_in`, only one after "in".
fn year_written_before(text: &str, at: usize, year: i32, after_in: bool) -> Option<i32> {
    let b = text.as_bytes();
    let floor = at.saturating_sub(300);
    let from = b[floor..at]
        .iter()
        .rposition(|&c| matches!(c, b'.' | b'!' | b'?' | b'\n'))
        .map_or(floor, |p| floor + p + 1);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (from..at.saturating_sub(3)).rev().find_map(|i| {
        ((i == 0 || !digit(i - 1))
            && (i..i + 4).all(digit)
            && !digit(i + 4)
            && (!after_in
                || text[..i].strip_suffix(' ').is_some_and(|h| {
                    h.ends_with(" in") || h.ends_with(" In") || h == "In" || h == "in"
                })))
        .then(|| std::str::from_utf8(&b[i..i + 4]).ok()?.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..year).contains(y))
    })
}

/// ", 59," (or ", 59." / ", 59 and"), ", a 29-year-old", " (59)", also
/// past where the person lives ("Zachary Taylor of Round Mountain, a
/// 16-year-old 4-H member": [`past_residence`]).
fn age_after(text: &str, end: usize) -> Option<u32> {
    let rest = past_residence(&text[end..]);
    let number = |s: &str| -> Option<(u32, usize)> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        Some((s[..digits].parse().ok()?, digits))
    };
    let age = if let Some(r) = rest.strip_prefix(" (") {
        let (age, n) = number(r)?;
        r[n..].starts_with(')').then_some(age)?
    } else {
        let r = rest.strip_prefix(", ")?;
        if let Some(r) = r
            .strip_prefix("a ")
            .or_else(|| r.strip_prefix("an "))
            .or_else(|| r.strip_prefix("the "))
        {
            let (age, n) = number(r)?;
            let after = &r[n..];
            (after.starts_with("-year-old") || after.starts_with(" year old")).then_some(age)?
        } else {
            // Not ", 1,000 troops" or ", 59.5 percent".
            let (age, n) = number(r)?;
            let after = &r[n..];
            (after.starts_with(", ")
                || after
                    .strip_prefix('.')
                    .is_some_and(|a| a.is_empty() || a.starts_with(char::is_whitespace))
                || after.starts_with(" and ")
                || after.starts_with(';'))
            .then_some(age)?
        }
    };
    (14..=110).contains(&age).then_some(age)
}

/// `after` (the text after a name) past a place of residence written the
/// local paper's way, " of Round Mountain" up to the comma that follows
/// it: one to three capitalized words. `after` itself otherwise.
fn past_residence(after: &str) -> &str {
    let Some(r) = after.strip_prefix(" of ") else {
        return after;
    };
    let Some(comma) = r.find(',') else {
        return after;
    };
    let place = &r[..comma];
    let words = place.split(' ').count();
    if (1..=3).contains(&words)
        && place.split(' ').all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        })
    {
        &r[comma..]
    } else {
        after
    }
}

/// The age written just before a name that starts at byte `start` of
/// `text`: "the 38-year-old Gadhafi", "a 52 year old Kaya".
fn age_before(text: &str, start: usize) -> Option<u32> {
    let head = text[..start].strip_suffix(' ')?;
    let head = head
        .strip_suffix("-year-old")
        .or_else(|| head.strip_suffix(" year old"))?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let lead = head[..head.len() - digits].chars().next_back();
    if digits == 0 || digits > 3 || lead.is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let age: u32 = head[head.len() - digits..].parse().ok()?;
    (14..=110).contains(&age).then_some(age)
}

/// Whether the person `p` was under thirty at `date`, by the birth year the
/// lists give: too young for the offices whose titles the press writes
/// before names.
fn too_young_for_office(p: &crate::link::Profile, date: &DocDate) -> bool {
    p.born
        .is_some_and(|b| i64::from(date.year) - i64::from(b) < 30)
}

/// How many years before the earliest start of a person's public life
/// ([`crate::link::Profile::public_from`]) a deed the text dates rules
/// the person out: twenty, as many as the lists' estimate of a career's
/// start may be early.
const DEED_BEFORE_PUBLIC: i32 = 20;

/// How a title written before a name fits a person, best first: it names
/// an office held at the date (0), held before it (1), no title or
/// nothing known (2), an office never held by then (3). Before the
/// first recorded term the lists say nothing of the person's career, so
/// no title contradicts them then.
fn title_rank(t: Option<Title>, p: &crate::link::Profile, date: &DocDate) -> u8 {
    match t {
        None => 2,
        // A monarch's title ("King Hussein") names a monarch, and the lists
        // record monarchs as such: a person with no recorded office is
        // someone else.
        Some(t) if p.terms.is_empty() && t.offices == Offices::MONARCH => 3,
        // "Prince Charles", "Princess Elizabeth": a monarch before the
        // reign; a reigning or past monarch is someone else's heir title.
        Some(t) if t.heir => {
            if !p.offices.meets(Offices::MONARCH) {
                2
            } else if p.before_terms(date) {
                0
            } else {
                3
            }
        }
        // An office's title before someone the lists give no office and
        // who was under thirty at the date: someone else ("former
        // President Hafez al-Assad" is not his grandson, listed at 18).
        Some(t) if p.terms.is_empty() && !t.offices.is_empty() && too_young_for_office(p, date) => {
            3
        }
        Some(_) if p.terms.is_empty() => 2,
        // (Nor before the first recorded term of someone then under
        // thirty: "Sen. Albert Gore" in 1970 is the father of the vice
        // president, then 22.)
        Some(t)
            if !p.held_by(t.offices, date)
                && p.before_terms(date)
                && !t.offices.is_empty()
                && too_young_for_office(p, date) =>
        {
            3
        }
        Some(t) if !p.held_by(t.offices, date) && p.before_terms(date) => 2,
        Some(t) if t.past => {
            if p.left_by(t.offices, date) {
                1
            } else {
                3
            }
        }
        Some(t) if p.held_at(t.offices, date) => 0,
        Some(t) if p.held_by(t.offices, date) => 1,
        Some(_) => 3,
    }
}

/// Per folded family name, the unlisted people the story names in full
/// with it: the family name's token and the token the name starts at,
/// first first ([`Resolver::unlisted_bearers`]).
type UnlistedBearers = FxHashMap<Vec<u8>, Vec<(u32, u32)>>;

/// Whether title `written` names the offices of title `t`, as a present
/// title (not "former") and an heir's as an heir's ("Crown Prince Salman"
/// is no "King Salman").
fn same_present_office(written: Title, t: Title) -> bool {
    !written.past && written.offices == t.offices && written.heir == t.heir
}

/// The two entities with the least values seen, one value each (the least
/// given for it), least first: enough to tell the least value of any
/// entity but a given one.
#[derive(Clone, Copy, Debug, Default)]
struct TwoLeast([Option<(u32, u32)>; 2]);

impl TwoLeast {
    /// Counts value `v` for entity `e`.
    fn add(&mut self, v: u32, e: u32) {
        let s = &mut self.0;
        match s.iter().position(|x| x.is_some_and(|(_, xe)| xe == e)) {
            Some(k) => {
                if s[k].is_some_and(|(w, _)| v < w) {
                    s[k] = Some((v, e));
                }
            }
            None => {
                if s[1].is_none_or(|(w, _)| v < w) {
                    s[1] = Some((v, e));
                }
            }
        }
        let key = |x: Option<(u32, u32)>| x.map_or(u64::MAX, |(w, _)| u64::from(w));
        if key(s[1]) < key(s[0]) {
            s.swap(0, 1);
        }
    }

    /// The least value of an entity other than `e`.
    fn least_besides(&self, e: u32) -> Option<u32> {
        self.0.iter().flatten().find(|x| x.1 != e).map(|x| x.0)
    }
}

/// Where [`Resolver::corroborated`] finds support among a document's
/// readings, gathered in one pass over them: for each entity and each
/// country, the readings that reach furthest left and furthest right,
/// so that "is one read outside this span?" is a look-up, not a scan.
#[derive(Debug, Default)]
struct Support<'m> {
    /// Per entity: the least last token and the greatest first token of
    /// its readings.
    any: FxHashMap<u32, (u32, u32)>,
    /// The same, of its readings written as listed by a name that is not
    /// common.
    rare: FxHashMap<u32, (u32, u32)>,
    /// Per country: of the full-name readings of its persons with
    /// recorded terms (by a name that is not common, or having taken
    /// office by the date), the least last tokens and the greatest first
    /// tokens (as `!first`) of the two entities reaching furthest.
    officials: FxHashMap<&'m str, (TwoLeast, TwoLeast)>,
}

/// Widens an entity's (least last, greatest first) by a reading.
fn widen(span: &mut FxHashMap<u32, (u32, u32)>, e: u32, first: u32, last: u32) {
    let s = span.entry(e).or_insert((last, first));
    s.0 = s.0.min(last);
    s.1 = s.1.max(first);
}

/// What an earlier use of a surname's word says of who bears it, whoever
/// the entity ([`Resolver::earlier_uses_walked`]).
#[derive(Clone, Copy, Debug)]
enum EarlierUse {
    /// After another capitalized name word: another person's full name;
    /// or before a firm's word ("Ford Motor Co."): the firm.
    Other,
    /// Before another capitalized name word ("Kim Jong-pil", "Xi
    /// Zhongxun"): where the entity's family name comes first, another
    /// person's full name.
    FamilyFirst,
    /// After a title ("President Johnson"): that person, someone else
    /// where the title rules the entity out.
    Title(Title),
    /// After a title word that names no office ("Mrs. Hoover"): someone
    /// named afresh.
    TitleWord,
    /// A bare use, or one after "Mr." (the man named before, again): the
    /// chain goes on past it.
    Bare,
}

/// Answers about a whole document that the rules would otherwise work
/// out again at every mention (a scan of the document or of its readings
/// each time: time quadratic in the mentions of a dense document). Each
/// is found on first need and kept until the next document.
#[derive(Debug, Default)]
struct DocMemo<'m> {
    /// Per folded word (with the spaces around it in the stream): whether
    /// the document writes it as a place somewhere
    /// ([`Resolver::place_here`]).
    place_words: RefCell<FxHashMap<Vec<u8>, bool>>,
    /// Per entity and breadth: the first token of its country's name in the
    /// whole document ([`Resolver::country_named`]).
    countries: RefCell<FxHashMap<(u32, bool), Option<u32>>>,
    /// What [`Resolver::corroborated`] looks for among the readings.
    support: OnceCell<Support<'m>>,
    /// The tokens of each word, where the stream allows
    /// ([`word_tokens`]), for [`Resolver::earlier_use`].
    words: OnceCell<Option<WordTokens>>,
    /// Per token, the token before it with the same listed word, where
    /// the stream allows ([`same_word_before`]), for
    /// [`Resolver::earlier_use`].
    same_word: OnceCell<Option<Vec<u32>>>,
    /// How many times [`Resolver::earlier_use`] has searched the stream.
    searches: Cell<u32>,
    /// Bytes of stream those searches have read.
    searched: Cell<usize>,
    /// Per folded name: whether the document writes it in the plural
    /// ([`Resolver::written_in_plural`]).
    plurals: RefCell<FxHashMap<Vec<u8>, bool>>,
    /// Per folded word: whether the document writes it in lower case
    /// somewhere ([`Resolver::written_lower`]).
    lower: RefCell<FxHashMap<Vec<u8>, bool>>,
    /// The words written in lower case ([`lower_words`]), once
    /// [`Resolver::written_lower`] has been asked about [`LOWER_PASSES`]
    /// words.
    lower_words: OnceCell<FxHashSet<Box<[u8]>>>,
    /// Per name (its folded words): the first titled use of it and its
    /// title, where that use introduces the name anew after a use in the
    /// body ([`Resolver::introduced_later`]).
    intros: RefCell<FxHashMap<String, Option<(u32, Title)>>>,
    /// Where the first line ends ([`Resolver::first_line_end`]).
    body_from: OnceCell<usize>,
    /// The people the story says it names a namesake of
    /// ([`Resolver::namesake_in_story`]).
    namesakes: OnceCell<FxHashSet<u32>>,
    /// Per entity: whether the story names an official of its country by
    /// the country's people and a title ([`Resolver::officials_of_country`]).
    officials: RefCell<FxHashMap<u32, bool>>,
}

impl DocMemo<'_> {
    fn clear(&mut self) {
        self.lower.get_mut().clear();
        self.place_words.get_mut().clear();
        self.countries.get_mut().clear();
        self.support.take();
        self.words.take();
        self.same_word.take();
        self.searches.set(0);
        self.searched.set(0);
        self.plurals.get_mut().clear();
        self.lower_words.take();
        self.intros.get_mut().clear();
        self.body_from.take();
        self.namesakes.take();
        self.officials.get_mut().clear();
    }
}

/// The mentions chosen so far in a document, indexed for the questions
/// [`Resolver::choose_short`] asks of those before each short form (the
/// full mention of an entity nearest before it, the last mention of an
/// entity, the last bare use of a surname, the last mention resting on a
/// title): each list is in text order, so each question is a binary
/// search, not a scan of every mention chosen.
#[derive(Debug, Default)]
struct ChosenIndex {
    /// Per entity: its full mentions.
    full: FxHashMap<u32, FullMentions>,
    /// Per entity: its short forms chosen so far (first and last tokens).
    short: FxHashMap<u32, Vec<(u32, u32)>>,
    /// Per folded word: the full mentions that are that word alone as a
    /// surname (token, entity).
    full_surnames: FxHashMap<Vec<u8>, Vec<(u32, u32)>>,
    /// The same, of the short forms chosen so far.
    short_surnames: FxHashMap<Vec<u8>, Vec<(u32, u32)>>,
    /// Per entity: its short forms chosen so far that rest on a title (last
    /// token, evidence).
    by_title: FxHashMap<u32, Vec<(u32, TokenEvidence)>>,
    /// The same, of those resting on the entity's country.
    by_country: FxHashMap<u32, Vec<(u32, TokenEvidence)>>,
    /// Per entity: the short forms chosen so far that are a given name
    /// alone ("Khamis" of Khamis Qadhafi), as their tokens, in text order.
    by_given: FxHashMap<u32, Vec<u32>>,
}

/// An entity's full mentions in a document, in text order.
#[derive(Debug, Default)]
struct FullMentions {
    /// Whether the entity leads a state or government
    /// ([`Resolver::leader`]).
    leader: bool,
    /// First and last tokens.
    spans: Vec<(u32, u32)>,
    /// Confidence, one per span.
    confidence: Vec<f32>,
}

/// Of the mentions `spans` (first and last tokens, in text order, not
/// overlapping), the last token of the last that ends before token
/// `before` and does not start inside byte range `skip` (`start` gives a
/// token's byte offset).
fn last_before(
    spans: &[(u32, u32)],
    before: u32,
    skip: Option<&std::ops::Range<usize>>,
    start: impl Fn(u32) -> usize,
) -> Option<u32> {
    let p = spans.partition_point(|&(_, l)| l < before);
    let &(f, l) = spans[..p].last()?;
    match skip {
        // Those starting inside `skip` are together, just before: the
        // one before them.
        Some(q) if q.contains(&start(f)) => {
            let p = spans[..p].partition_point(|&(f, _)| start(f) < q.start);
            spans[..p].last().map(|&(_, l)| l)
        }
        _ => Some(l),
    }
}

/// The last entry of `list` (keyed by a token, in text order) whose token
/// is before `before`.
fn last_keyed_before<T: Copy>(list: Option<&Vec<(u32, T)>>, before: u32) -> Option<(u32, T)> {
    let list = list?;
    let p = list.partition_point(|&(k, _)| k < before);
    list[..p].last().copied()
}

impl ChosenIndex {
    /// The index of the full mentions `chosen`, in text order.
    fn new(chosen: &[Chosen], norm: &Normalized, leader: impl Fn(u32) -> bool) -> ChosenIndex {
        let mut ix = ChosenIndex::default();
        for k in chosen {
            let c = k.c;
            let f = ix.full.entry(c.entity).or_insert_with(|| FullMentions {
                leader: leader(c.entity),
                ..FullMentions::default()
            });
            debug_assert!(f.spans.last().is_none_or(|s| s.1 < c.first));
            f.spans.push((c.first, c.last));
            f.confidence.push(k.confidence);
            if c.kind == MatchKind::Surname && c.first == c.last {
                let w = norm.token_bytes(c.first as usize);
                add_keyed(&mut ix.full_surnames, w, (c.last, c.entity));
            }
        }
        ix
    }

    /// Adds short form `k`, chosen after every other short form so far
    /// (and after them in the text).
    fn add_short(&mut self, k: &Chosen, norm: &Normalized) {
        let c = k.c;
        let spans = self.short.entry(c.entity).or_default();
        debug_assert!(spans.last().is_none_or(|s| s.1 < c.first));
        spans.push((c.first, c.last));
        if c.given_name {
            self.by_given.entry(c.entity).or_default().push(c.first);
        }
        if c.kind == MatchKind::Surname && c.first == c.last {
            let w = norm.token_bytes(c.first as usize);
            add_keyed(&mut self.short_surnames, w, (c.last, c.entity));
        }
        match k.ev {
            Some(ev) if ev.0 == EvidenceKind::Title => {
                self.by_title
                    .entry(c.entity)
                    .or_default()
                    .push((c.last, ev));
            }
            Some(ev) if ev.0 == EvidenceKind::Country => {
                let list = self.by_country.entry(c.entity).or_default();
                list.push((c.last, ev));
            }
            _ => {}
        }
    }

    /// The last short form of entity `e` of two words or more chosen
    /// before token `at`, as its first and last tokens.
    fn long_short_before(&self, e: u32, at: u32) -> Option<(u32, u32)> {
        let spans = self.short.get(&e)?;
        let p = spans.partition_point(|&(_, l)| l < at);
        spans[..p].iter().rev().find(|&&(f, l)| l > f).copied()
    }

    /// The full mention of entity `e` closest before token `at`, else the
    /// first after it, as (rank, first, last, confidence), the smaller
    /// rank the better: before any full mention (a headline), the leader
    /// among the bearers the document names, then the one named first.
    fn nearest(&self, e: u32, at: u32) -> Option<(u32, u32, u32, f32)> {
        let m = self.full.get(&e)?;
        let p = m.spans.partition_point(|&(_, l)| l < at);
        let before = p.checked_sub(1).map(|k| {
            let (f, l) = m.spans[k];
            (at - l, f, l, m.confidence[k])
        });
        let after = m.spans.get(p).map(|&(f, l)| {
            let rank = if m.leader {
                u32::MAX / 4 + f
            } else {
                u32::MAX / 2 + f
            };
            (rank, f, l, m.confidence[p])
        });
        before
            .into_iter()
            .chain(after)
            .min_by_key(|x| (x.0, x.1, x.2))
    }

    /// Whether the document, before token `at`, called entity `e` by the
    /// first word alone of a full mention of `e` that ends with the folded
    /// word `family` ("Khamis Gaddafi … Khamis"), at a token that `counts`.
    fn given_called_before(
        &self,
        norm: &Normalized,
        e: u32,
        at: u32,
        family: &[u8],
        counts: impl Fn(u32) -> bool,
    ) -> bool {
        let (Some(given), Some(full)) = (self.by_given.get(&e), self.full.get(&e)) else {
            return false;
        };
        given.iter().take_while(|&&k| k < at).any(|&k| {
            counts(k)
                && full.spans.iter().take_while(|s| s.1 < k).any(|&(f, l)| {
                    f < l
                        && norm.token_bytes(f as usize) == norm.token_bytes(k as usize)
                        && norm.token_bytes(l as usize) == family
                })
        })
    }

    /// Whether entity `e` is named in full before token `at`.
    fn named_before(&self, e: u32, at: u32) -> bool {
        self.full
            .get(&e)
            .is_some_and(|m| m.spans.first().is_some_and(|s| s.1 < at))
    }

    /// How many tokens before token `at` entity `e` was last mentioned, in
    /// full or short, not counting mentions that start inside byte range
    /// `skip`; `u32::MAX` if it was not.
    fn recent(
        &self,
        e: u32,
        at: u32,
        skip: Option<&std::ops::Range<usize>>,
        start: impl Fn(u32) -> usize + Copy,
    ) -> u32 {
        let full = self.full.get(&e).map(|m| &m.spans[..]);
        let short = self.short.get(&e).map(|s| &s[..]);
        [full, short]
            .into_iter()
            .flatten()
            .filter_map(|spans| last_before(spans, at, skip, start))
            .map(|l| at - l)
            .min()
            .unwrap_or(u32::MAX)
    }

    /// Whether entity `e` has a mention, full or short, whose last token
    /// lies strictly between tokens `after` and `before` and whose first
    /// token `counts` (of the first [`COUNTED`] there, each further one
    /// counted whatever it is: a bounded look).
    fn mentioned_between(
        &self,
        e: u32,
        after: u32,
        before: u32,
        counts: impl Fn(u32) -> bool,
    ) -> bool {
        let full = self.full.get(&e).map(|m| &m.spans[..]);
        let short = self.short.get(&e).map(|s| &s[..]);
        [full, short].into_iter().flatten().any(|spans| {
            let p = spans.partition_point(|&(_, l)| l <= after);
            spans[p..]
                .iter()
                .take_while(|&&(_, l)| l < before)
                .enumerate()
                .any(|(k, &(f, _))| k >= COUNTED || counts(f))
        })
    }

    /// The entity of the last mention before token `at` that is the folded
    /// word `w` alone as a surname: among the short forms chosen so far,
    /// else among the full mentions.
    fn called(&self, w: &[u8], at: u32) -> Option<u32> {
        last_keyed_before(self.short_surnames.get(w), at)
            .or_else(|| last_keyed_before(self.full_surnames.get(w), at))
            .map(|(_, e)| e)
    }
}

/// The capitalized words written right after a title in a document
/// ([`Resolver::titled_tokens`]), grouped by folded word, with what
/// [`Resolver::other_bearer`] found of each word's uses for each entity.
#[derive(Debug, Default)]
struct TitledUses {
    /// Per folded word: its group.
    by_word: FxHashMap<Vec<u8>, usize>,
    /// Per group: the word's titled tokens, in text order.
    groups: Vec<Vec<u32>>,
    /// Per group and entity: how many of the word's titled uses (counted
    /// to two) have a title that rules out that entity and every entity
    /// read there, and the first of them.
    others: FxHashMap<(usize, u32), (u8, u32)>,
}

impl TitledUses {
    fn new(tokens: Vec<u32>, norm: &Normalized) -> TitledUses {
        let mut t = TitledUses::default();
        for k in tokens {
            let w = norm.token_bytes(k as usize);
            let g = match t.by_word.get(w) {
                Some(&g) => g,
                None => {
                    t.by_word.insert(w.to_vec(), t.groups.len());
                    t.groups.push(Vec::new());
                    t.groups.len() - 1
                }
            };
            t.groups[g].push(k);
        }
        t
    }
}

/// Per folded word, the tokens that hold it, in text order.
type WordTokens = FxHashMap<Vec<u8>, Vec<u32>>;

/// The tokens of each folded word, where the stream is plain: tokens that
/// hold neither a space nor a bar, each with a space before and after it,
/// and only spaces and bars (barriers) between them. There the places where
/// " word " is found in the stream are exactly the tokens of that word.
/// `None` elsewhere (a character folded to several words).
fn word_tokens(n: &Normalized) -> Option<WordTokens> {
    let stream = n.stream_bytes();
    let between = |a: usize, b: usize| stream[a..b].iter().all(|&x| x == b' ' || x == b'|');
    let mut words = WordTokens::default();
    let mut at = 0;
    for (k, t) in n.tokens().iter().enumerate() {
        let (s, e) = (t.norm_start as usize, t.norm_end as usize);
        let w = &stream[s..e];
        if s == 0
            || s < at
            || stream[s - 1] != b' '
            || stream.get(e) != Some(&b' ')
            || !between(at, s)
            || w.is_empty()
            || w.iter().any(|&x| x == b' ' || x == b'|')
        {
            return None;
        }
        add_keyed(&mut words, w, k as u32);
        at = e;
    }
    between(at, stream.len()).then_some(words)
}

/// Whether the stream is plain: tokens that hold neither a space nor a
/// bar, each with a space before and after it, and only spaces and bars
/// (barriers) between them. There the places where " word " is found in
/// the stream are exactly the tokens of that word.
fn plain_stream(n: &Normalized) -> bool {
    let stream = n.stream_bytes();
    let between = |a: usize, b: usize| stream[a..b].iter().all(|&x| x == b' ' || x == b'|');
    let mut at = 0;
    for t in n.tokens() {
        let (s, e) = (t.norm_start as usize, t.norm_end as usize);
        if s == 0
            || s < at
            || stream[s - 1] != b' '
            || stream.get(e) != Some(&b' ')
            || !between(at, s)
            || s == e
            || stream[s..e].iter().any(|&x| x == b' ' || x == b'|')
        {
            return false;
        }
        at = e;
    }
    between(at, stream.len())
}

/// No token ([`same_word_before`]).
const NO_TOKEN: u32 = u32::MAX;

/// Per token, the last token before it that holds the same word, for
/// the tokens whose word the matcher lists (`numbers`, as
/// [`Matcher::hits`] gives them: the same nonzero number for the same
/// folded word); [`NO_TOKEN`] for none and for the others. `None` where
/// the stream is not plain ([`plain_stream`]).
fn same_word_before(n: &Normalized, numbers: &[u32]) -> Option<Vec<u32>> {
    if !plain_stream(n) {
        return None;
    }
    let mut last: FxHashMap<u32, u32> = FxHashMap::default();
    let mut before = vec![NO_TOKEN; numbers.len()];
    for (k, &w) in numbers.iter().enumerate() {
        if w != 0 {
            before[k] = last.insert(w, k as u32).unwrap_or(NO_TOKEN);
        }
    }
    Some(before)
}

/// [`earlier_searched`] by the links of [`same_word_before`] (`before`
/// must hold a listed word): of the uses of token `before`'s word that
/// lie in the stream from byte `lo` on and before it, the last outside
/// every chosen mention among those the search finds. The search finds
/// the leftmost first and its finds do not overlap: of uses written one
/// right after another ("kim kim", sharing the space between them) it
/// finds the first, the third, … of each such run.
fn earlier_linked(
    n: &Normalized,
    same: &[u32],
    before: u32,
    lo: usize,
    covered: &[bool],
) -> Option<u32> {
    let toks = n.tokens();
    // " word " is this long, and starts at `x`.
    let len = (toks[before as usize].norm_end - toks[before as usize].norm_start) as usize + 2;
    let x = |k: u32| toks[k as usize].norm_start as usize - 1;
    // The use before `k` in the window, if any.
    let prev = |k: u32| Some(same[k as usize]).filter(|&p| p != NO_TOKEN && x(p) >= lo);
    // Runs of uses each overlapping the next, latest first: the search
    // finds a run's first, third, …, so of a run from `first` to `last`
    // it finds `last` when their distance is even.
    let mut last = prev(before)?;
    loop {
        let mut first = last;
        let mut run = 1;
        while let Some(p) = prev(first).filter(|&p| x(first) < x(p) + len) {
            first = p;
            run += 1;
        }
        // The run again from its last use: the `step`th back is found when
        // `run - 1 - step` is even.
        let mut k = last;
        for step in 0..run {
            if (run - 1 - step) % 2 == 0 && !covered[k as usize] {
                return Some(k);
            }
            k = same[k as usize];
        }
        last = prev(first)?;
    }
}

/// [`Resolver::earlier_use`] by a search of the stream from byte `lo` to
/// token `before` for " word " (its word with the spaces around it): the
/// last token found that is outside every chosen mention (`covered`).
fn earlier_searched(n: &Normalized, before: u32, lo: usize, covered: &[bool]) -> Option<u32> {
    let t = n.tokens()[before as usize];
    let stream = n.stream_bytes();
    let needle = &stream[t.norm_start as usize - 1..=t.norm_end as usize];
    let end = t.norm_start as usize;
    memchr::memmem::find_iter(&stream[lo..end], needle)
        .filter_map(|at| n.token_at(lo + at + 1))
        .filter(|&i| !covered[i])
        .last()
        .map(|i| i as u32)
}

/// [`earlier_searched`] by the index of [`word_tokens`]: of the uses of
/// token `before`'s word that lie in the stream from byte `lo` on and
/// before it, the last outside every chosen mention among those the
/// search finds. The search finds the leftmost first and its finds do not
/// overlap: of uses written one right after another ("kim kim", sharing
/// the space between them) it finds the first, the third, …
fn earlier_indexed(
    n: &Normalized,
    words: &WordTokens,
    before: u32,
    lo: usize,
    covered: &[bool],
) -> Option<u32> {
    let toks = n.tokens();
    let word = n.token_bytes(before as usize);
    // " word ".
    let len = word.len() + 2;
    let list = words.get(word)?;
    // Where " word " starts.
    let x = |k: u32| toks[k as usize].norm_start as usize - 1;
    let end = list.partition_point(|&k| k < before);
    let from = list[..end].partition_point(|&k| x(k) < lo);
    let uses = &list[from..end];
    let overlaps_previous = |i: usize| i > 0 && x(uses[i]) < x(uses[i - 1]) + len;
    let mut i = uses.len();
    while i > 0 {
        // The run of uses ending at i - 1, each overlapping the one before
        // it: the search finds the run's first, third, …
        let mut s = i - 1;
        while overlaps_previous(s) {
            s -= 1;
        }
        let mut j = i - 1 - (i - 1 - s) % 2;
        loop {
            if !covered[uses[j] as usize] {
                return Some(uses[j]);
            }
            if j < s + 2 {
                break;
            }
            j -= 2;
        }
        i = s;
    }
    None
}

/// Whether a token of `n` written in lower case is the folded word `word`:
/// one pass over the tokens.
fn written_lower_in(n: &Normalized, word: &[u8]) -> bool {
    (0..n.tokens().len())
        .any(|i| n.tokens()[i].flags.contains(TokenFlags::LOWERCASE) && n.token_bytes(i) == word)
}

/// The folded words of the tokens of `n` written in lower case: what
/// [`written_lower_in`] finds, for every word at once.
fn lower_words(n: &Normalized) -> FxHashSet<Box<[u8]>> {
    let mut words = FxHashSet::default();
    for (i, t) in n.tokens().iter().enumerate() {
        let w = n.token_bytes(i);
        if t.flags.contains(TokenFlags::LOWERCASE) && !words.contains(w) {
            words.insert(w.into());
        }
    }
    words
}

/// Appends `item` to the list of word `w` in `map`.
fn add_keyed<T>(map: &mut FxHashMap<Vec<u8>, Vec<T>>, w: &[u8], item: T) {
    match map.get_mut(w) {
        Some(list) => list.push(item),
        None => {
            map.insert(w.to_vec(), vec![item]);
        }
    }
}

/// Resolves the mentions of one document at a time, reusing its buffers.
///
/// Create one per thread; it borrows the shared [`Matcher`].
#[derive(Debug)]
pub struct Resolver<'m> {
    matcher: &'m Matcher,
    norm: Normalized,
    hits: Vec<Hit>,
    /// Hits written with middle names ([`Matcher::gapped_hits`]).
    gapped: Vec<(Hit, u8)>,
    /// Relatives the document introduces by a word for relatives and a
    /// given name ([`Resolver::read_kin_named`]): the token, the relative,
    /// and the family member named before whose family name they share
    /// (a link the lists lack, for that token only).
    kin: Vec<(u32, u32, u32)>,
    numbers: Vec<u32>,
    cands: Vec<Cand>,
    chosen: Vec<Chosen>,
    /// Per token: inside a chosen mention (kept in step with `chosen`).
    covered: Vec<bool>,
    /// Persons' full names whose every reading was ruled out (first and
    /// last tokens, entity): no part of one is a listed person's short
    /// form.
    ruled_full: Vec<(u32, u32, u32)>,
    /// Per token: inside a chosen mention of a vessel (empty until one is
    /// chosen).
    ships: Vec<bool>,
    /// The date of the document being resolved (see [`Resolver::set_date`]).
    date: DocDate,
    /// Mentions less sure than this are left out.
    min_confidence: f32,
    /// Answers about the document being resolved, found once each.
    memo: DocMemo<'m>,
}

/// The confidence below which mentions are left out unless
/// [`Resolver::set_min_confidence`] says otherwise: links that rest on a
/// common name alone, on a title the person never held, or that nothing
/// tells from a homonym's.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

impl<'m> Resolver<'m> {
    /// A resolver over `matcher`.
    pub fn new(matcher: &'m Matcher) -> Resolver<'m> {
        Resolver {
            matcher,
            norm: Normalized::new(),
            hits: Vec::new(),
            gapped: Vec::new(),
            kin: Vec::new(),
            numbers: Vec::new(),
            cands: Vec::new(),
            chosen: Vec::new(),
            covered: Vec::new(),
            ruled_full: Vec::new(),
            ships: Vec::new(),
            date: DocDate::today(),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            memo: DocMemo::default(),
        }
    }

    /// A resolver with the same settings and new buffers.
    pub fn fresh(&self) -> Resolver<'m> {
        Resolver {
            min_confidence: self.min_confidence,
            ..Resolver::new(self.matcher)
        }
    }

    /// Leaves out mentions whose confidence is below `min` (default
    /// [`DEFAULT_MIN_CONFIDENCE`]; 0 keeps every mention found).
    pub fn set_min_confidence(&mut self, min: f32) {
        self.min_confidence = min;
    }

    /// Sets the date of the documents resolved next (default: today). Who a
    /// name can mean depends on it: who held which office when.
    pub fn set_date(&mut self, date: DocDate) {
        self.date = date;
    }

    /// A list of names around tokens `first..=last` that the document
    /// marks as a list of ships: one that ends in an IMO number ("Liteyny
    /// Prospect, Krymsk and Sakhalin Island (IMO 9249128)"), or one that
    /// holds a name already taken for a listed ship ("the Dover, Devon and
    /// Downy"). Gives the token that marks it. Only capitalized words,
    /// numbers, "and" and "or" stand between, in one sentence.
    fn ship_list(&self, first: u32, last: u32) -> Option<u32> {
        let n = &self.norm;
        let toks = n.tokens();
        let ship = |i: u32| self.ships.get(i as usize) == Some(&true);
        let listed = |i: u32| {
            let t = &toks[i as usize];
            matches!(n.token_text(i as usize), "and" | "or")
                || t.flags.contains(TokenFlags::DIGIT)
                || t.flags.contains(TokenFlags::CAPITALIZED)
        };
        let starts = |i: u32| toks[i as usize].flags.contains(TokenFlags::SENTENCE_START);
        let mut i = last;
        for _ in 0..10 {
            let next = i + 1;
            if next as usize >= toks.len() || starts(next) {
                break;
            }
            let number = toks
                .get(next as usize + 1)
                .is_some_and(|t| t.flags.contains(TokenFlags::DIGIT));
            if n.token_text(next as usize) == "imo" && number {
                return Some(next);
            }
            if n.barrier_after(i as usize) || !listed(next) {
                break;
            }
            if ship(next) {
                return Some(next);
            }
            i = next;
        }
        let mut i = first;
        for _ in 0..10 {
            let Some(p) = i.checked_sub(1) else { break };
            if n.barrier_after(p as usize) || starts(i) {
                break;
            }
            if ship(p) {
                return Some(p);
            }
            if !(listed(p) || n.token_text(p as usize) == "the") {
                break;
            }
            i = p;
        }
        None
    }

    /// Another of vessel `e`'s listed names, other than name `name`,
    /// joined to tokens `first..=last` in one sentence by words that say
    /// the ship was renamed ("the Daylam now trades as Dover", "Delvar
    /// has become Devon", "Devon (formerly Delvar)", "Dena, now Downy"):
    /// its tokens. A ship's old and new names side by side are the ship,
    /// whatever else either word names.
    fn renamed_vessel(&self, e: u32, name: u32, first: u32, last: u32) -> Option<(u32, u32)> {
        let n = &self.norm;
        let toks = n.tokens();
        // The words between: all of them words of a renaming, one of them
        // saying it.
        let renaming = |w: &str| {
            matches!(
                w,
                "now"
                    | "trades"
                    | "traded"
                    | "trading"
                    | "sails"
                    | "sailed"
                    | "sailing"
                    | "become"
                    | "became"
                    | "renamed"
                    | "rechristened"
                    | "formerly"
                    | "ex"
                    | "previously"
            )
        };
        let joins = |from: u32, to: u32| {
            let words = from..to;
            !words.is_empty()
                && words.len() <= 4
                && (from..=to).all(|i| !toks[i as usize].flags.contains(TokenFlags::SENTENCE_START))
                && words.clone().all(|i| {
                    let w = n.token_text(i as usize);
                    renaming(w)
                        || matches!(
                            w,
                            "as" | "has"
                                | "had"
                                | "is"
                                | "was"
                                | "later"
                                | "since"
                                | "then"
                                | "known"
                                | "named"
                                | "called"
                        )
                })
                && words.clone().any(|i| renaming(n.token_text(i as usize)))
        };
        // (The candidates are sorted by their first token: only those
        // near enough to be joined are looked at.)
        let lo = self.cands.partition_point(|o| o.first + 16 < first);
        self.cands[lo..]
            .iter()
            .take_while(|o| o.first <= last + 5)
            .filter(|o| o.entity == e && o.name != name && (o.last < first || o.first > last))
            .find(|o| {
                if o.last < first {
                    joins(o.last + 1, first)
                } else {
                    joins(last + 1, o.first)
                }
            })
            .map(|o| (o.first, o.last))
    }

    /// Records a chosen mention.
    fn choose(&mut self, ch: Chosen) {
        let span = ch.c.first as usize..=ch.c.last as usize;
        self.covered[span.clone()].fill(true);
        if self.matcher.entities()[ch.c.entity as usize].kind == EntityType::Vessel {
            self.ships.resize(self.covered.len(), false);
            self.ships[span].fill(true);
        }
        self.chosen.push(ch);
    }

    /// The last token before token `before` that holds the folded word of
    /// `before` and is outside every chosen mention, looked for in the
    /// [`LOOK_BACK`] bytes of folded stream before it.
    fn earlier_use(&self, before: u32) -> Option<u32> {
        let n = &self.norm;
        let end = n.tokens()[before as usize].norm_start as usize;
        let lo = end.saturating_sub(LOOK_BACK);
        // A document asked about many listed words links the uses of
        // each (one pass, a hash of each listed word's number) and follows
        // the links; the first few questions are searches of the window:
        // most documents ask few, and for those the links would cost more.
        // The same uses, found the same way.
        let listed = self.numbers.get(before as usize).is_some_and(|&w| w != 0);
        let searched = self.memo.searches.get();
        if listed && searched >= SEARCHES {
            if let Some(same) = self
                .memo
                .same_word
                .get_or_init(|| same_word_before(n, &self.numbers))
            {
                return earlier_linked(n, same, before, lo, &self.covered);
            }
        }
        self.memo.searches.set(searched + 1);
        // In a document longer than the window, the uses are looked up in
        // an index of its words rather than searched for in the window at
        // every step: the same uses, found the same way. A short document
        // is searched, building the index would cost more, until the
        // searches have read it INDEX_AFTER times over (a word the
        // matcher does not list, which has no links: a short text of such
        // a bare surname repeated took time quadratic in its size, up to
        // the window's 64 KiB).
        let len = n.stream_bytes().len();
        let read = self.memo.searched.get();
        if len > LOOK_BACK || read > INDEX_AFTER * len {
            if let Some(words) = self.memo.words.get_or_init(|| word_tokens(n)) {
                return earlier_indexed(n, words, before, lo, &self.covered);
            }
        }
        self.memo.searched.set(read + (end - lo));
        earlier_searched(n, before, lo, &self.covered)
    }

    /// Whether the document writes the folded word `word` in lower case
    /// somewhere ("cotton futures"): then it is an ordinary word of the
    /// story.
    fn written_lower(&self, word: &[u8]) -> bool {
        let n = &self.norm;
        // (Each word asked about once per document, by one pass over its
        // words; from the LOWER_PASSES-th word on, in a set of its
        // lower-case words made once: a pass for every word asked was
        // quadratic in a document of many such words.)
        let asked = {
            let lower = self.memo.lower.borrow();
            if let Some(&known) = lower.get(word) {
                return known;
            }
            lower.len()
        };
        let found = if asked < LOWER_PASSES {
            written_lower_in(n, word)
        } else {
            let words = self.memo.lower_words.get_or_init(|| lower_words(n));
            words.contains(word)
        };
        self.memo.lower.borrow_mut().insert(word.to_vec(), found);
        found
    }

    /// Finds the mentions in `text` and appends them to `out`, in order of
    /// their start. Offsets are into `text`.
    pub fn resolve(&mut self, text: &str, out: &mut Vec<Mention>) {
        normalize_into(text, &mut self.norm);
        self.memo.clear();
        self.hits.clear();
        self.matcher
            .hits(&self.norm, &mut self.numbers, &mut self.hits);
        if self.hits.is_empty() {
            return;
        }
        self.gapped.clear();
        self.matcher
            .gapped_hits(&self.norm, &self.numbers, &mut self.gapped);
        self.readings(text);
        self.choose_full(text);
        self.read_given_names(text);
        self.read_relatives_named(text);
        self.read_kin_named(text);
        self.choose_short(text);
        self.choose_acronyms(text);
        self.choose_lead_words(text);
        self.choose_nicknames(text);
        self.headlines_follow_body(text);
        self.emit(text, out);
    }

    /// A surname alone in a headline of capitals means whom the story's own
    /// bare uses of the word mean: where the body uses it alone, never for
    /// the bearer the headline was given and at least once for no listed
    /// bearer (another person of that name, a company, a fort), the
    /// headline is dropped
    /// ("WALLACE PICKS LE MAY" over a story of George Wallace that names
    /// the listed Henry A. Wallace once; "FORD TO IDLE 4 PLANTS" over
    /// "Ford said it would …"). So is a headline surname whose first
    /// bearer named in full in the body (given name or initials glued
    /// before it) is no listed one: "MARCOS FLEES TO HAWAII" over
    /// "Ferdinand E. Marcos … his only son, Bongbong Marcos". (Not for a
    /// name written family name first: "Sung Kim" says nothing of "KIM".)
    fn headlines_follow_body(&mut self, text: &str) {
        let n = &self.norm;
        let toks = n.tokens();
        let min = self.min_confidence;
        // Whether token `i` is a title or an honorific ("Gen.", "Mr.").
        let titled = |i: usize| {
            let w = n.token_text(i);
            is_title(w) || crate::variants::is_name_title(w) || honorific_gender(w).is_some()
        };
        // Whether token `i` is a name word glued before the next one, with
        // a space, a dot or initials between ("George C. Wallace").
        let glued = |i: usize| {
            let g = gap(text, n, i);
            let initials = g.split_whitespace().all(|w| {
                let mut c = w.chars();
                matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
            });
            !n.barrier_after(i)
                && (g == " " || g == ". " || (g.starts_with(' ') && g.ends_with(' ') && initials))
                && toks[i].flags.contains(TokenFlags::CAPITALIZED)
                && !titled(i)
                && !is_stopword(n.token_text(i))
        };
        // Token `j`, or the particle joined before it ("al-" of "Hafez
        // al-Assad"), which a given name is glued before in turn.
        let past_particle = |j: usize| {
            if j > 1
                && matches!(n.token_text(j - 1), "al" | "el")
                && toks[j - 1].flags.contains(TokenFlags::LOWERCASE)
                && !n.barrier_after(j - 1)
                && matches!(gap(text, n, j - 1), "-" | " ")
            {
                j - 1
            } else {
                j
            }
        };
        // Whether a name word is glued before token `j`, not one that
        // merely starts a sentence ("Mr. Wallace", "Yesterday Wallace").
        let given_before = |j: usize| {
            let j = past_particle(j);
            j > 0 && glued(j - 1) && !toks[j - 1].flags.contains(TokenFlags::SENTENCE_START)
        };
        // A given name or an initial glued before token `j`: "Ferdinand E.
        // Marcos", "Jacqueline Kennedy"; not "the Fedayeen Saddam".
        let named_in_full = |j: usize| {
            let j = past_particle(j);
            j > 0 && glued(j - 1) && {
                let w = n.token_text(j - 1);
                gap(text, n, j - 1).len() > 2
                    || crate::names::is_given_name(w)
                    || self.matcher.first_named(w) > 0
            }
        };
        // Whether token `j` stands alone: no name word glued before or
        // after it ("Mr. Wallace", "Wallace said"; not "George C. Wallace").
        let alone = |j: usize| {
            let after = j + 1 < toks.len()
                && !n.barrier_after(j)
                && gap(text, n, j) == " "
                && toks[j + 1].flags.contains(TokenFlags::CAPITALIZED)
                && !is_stopword(n.token_text(j + 1));
            !given_before(j) && !after
        };
        // (In text order, so that the mention at a token is found by a
        // binary search; a body is read up to `BODY` tokens on, so that a
        // window of many stories is not read once per headline.)
        const BODY: usize = 4000;
        self.chosen.sort_by_key(|k| k.c.first);
        let chosen = &self.chosen;
        let at = |j: usize| {
            let k = chosen.partition_point(|o| o.c.first as usize <= j);
            k.checked_sub(1)
                .map(|k| &chosen[k])
                .filter(|o| j <= o.c.last as usize)
        };
        let mut drop: Vec<usize> = Vec::new();
        for (k, h) in chosen.iter().enumerate() {
            let c = &h.c;
            if c.kind != MatchKind::Surname
                || c.first != c.last
                || h.confidence < min
                || !caps_line(text, n, c.first as usize)
            {
                continue;
            }
            let line_end = text[toks[c.first as usize].end as usize..]
                .find('\n')
                .map_or(text.len(), |p| p + toks[c.first as usize].end as usize);
            let word = n.token_bytes(c.first as usize);
            let (mut agree, mut unlinked) = (0, 0);
            let mut first_full = true;
            // (Not where the family name comes first: "Sung Kim" says
            // nothing of "KIM" over a story of Kim Jong Un.)
            let family_last = self.matcher.entities()[c.entity as usize].name_order
                != Some(NameOrder::FamilyFirst);
            let from = c.first as usize + 1;
            let body = toks.iter().enumerate().skip(from).take(BODY);
            for (j, tok) in body {
                if (tok.start as usize) < line_end
                    || n.token_bytes(j) != word
                    || caps_line(text, n, j)
                {
                    continue;
                }
                // The first person the body names in full by this surname is
                // the headline's: one no list holds takes it from the
                // listed bearer ("MARCOS FLEES TO HAWAII" over "Ferdinand
                // E. Marcos … his only son, Bongbong Marcos").
                let here = at(j);
                if first_full && family_last {
                    match here {
                        Some(o) if o.c.first < j as u32 || o.c.start.is_some() => {
                            first_full = false;
                        }
                        None if named_in_full(j) => {
                            (agree, unlinked) = (0, 1);
                            break;
                        }
                        _ => {}
                    }
                }
                match here {
                    Some(o) if o.c.entity == c.entity && o.c.first == o.c.last => agree += 1,
                    Some(_) => {}
                    None => {
                        if alone(j) && tok.flags.contains(TokenFlags::CAPITALIZED) {
                            unlinked += 1;
                        }
                    }
                }
            }
            if agree == 0 && unlinked > 0 {
                drop.push(k);
            }
        }
        for k in drop.into_iter().rev() {
            self.chosen.remove(k);
        }
    }

    fn readings(&mut self, text: &str) {
        self.cands.clear();
        let forms = LegalForms::builtin();
        let n = &self.norm;
        let count = n.tokens().len() as u32;
        // The last answer of `proper_context`, a function of the span
        // alone: the readings of one hit (every entity bearing a surname)
        // ask it of the same span one after the other.
        let mut last_proper: Option<(u32, u32, bool)> = None;
        for hit in &self.hits {
            // "… paid by Concord Management and Consulting LLC. Concord
            // Management and Consulting transferred …": a legal form written
            // with a closing dot before a capitalized word ends its
            // sentence; it does not open the next name (a prefix form with
            // dots has them inside: "S.A.", "P.T."). (Whatever the hit's
            // readings: tested once per hit.)
            if hit.first < hit.last && {
                let tok = n.tokens()[hit.first as usize];
                let raw = &text[tok.start as usize..tok.end as usize];
                let dotted = raw.ends_with('.') || text[tok.end as usize..].starts_with(". ");
                dotted
                    && raw.trim_end_matches('.').len() > 1
                    && !raw.trim_end_matches('.').contains('.')
                    && forms
                        .starting_at(n, hit.first as usize)
                        .is_some_and(|(l, _)| l == hit.first as usize)
            } {
                continue;
            }
            let mut common_given: Option<bool> = None;
            for t in self.matcher.targets(hit.pattern) {
                let c = Cand {
                    first: hit.first,
                    last: hit.last,
                    entity: t.entity,
                    name: t.name,
                    kind: match t.variant {
                        Variant::Full => MatchKind::Normalized,
                        Variant::NameOrder => MatchKind::NameOrder,
                        Variant::PartialName => MatchKind::PartialName,
                        Variant::Surname | Variant::GivenName => MatchKind::Surname,
                        Variant::OrgCore | Variant::OrgWord => MatchKind::Short,
                    },
                    policy: t.policy,
                    distinctive: t.distinctive,
                    start: None,
                    variant: hit.variants.saturating_add(t.respelled),
                    given_name: t.variant == Variant::GivenName,
                    org_word: t.variant == Variant::OrgWord,
                    // (Written as the form writes it: a form respelled
                    // already, "yasin" of Yassin, is not read in another
                    // spelling again unless the name is transliterated,
                    // "ASEAN".)
                    respelled_form: t.respelled > 0 && hit.variants == 0,
                    inserted: 0,
                };
                let mut c = c;
                // A given name alone names one person only where no other
                // listed person's name starts with it ("Saddam", not
                // "Salman" or "Vladimir"; nor Saddam's sons, whose names
                // carry his as their father's); of a name of two words,
                // not a relative named as such ("Saadiko Zarqadhi fled. His
                // brother Saadiko": another bearer; but "his wife Asma" is
                // Asma al-Assad).
                let name = || fold_name(&self.matcher.entities()[t.entity as usize].name);
                if t.variant == Variant::GivenName
                    && (c.variant > 0
                        || (self.named_as_relative(text, c.first)
                            && name().split(' ').count() == 2)
                        || {
                            let w = n.token_text(c.first as usize);
                            match self.matcher.first_named(w) {
                                0 => false,
                                1 => name().split(' ').next().is_none_or(|f| f != w),
                                // (Whether the word is common, once per hit:
                                // the same for every target.)
                                _ => {
                                    *common_given.get_or_insert_with(|| {
                                        common_word(w, self.matcher.persons_named(w)).is_some()
                                    }) || name().split(' ').next() != Some(w)
                                }
                            }
                        })
                {
                    continue;
                }
                if c.variant > 0 {
                    // Only a transliterated name is respelled, and never a
                    // one-word name but a surname ("Korean" is no
                    // "Karin") or an organization's long word ("Hezbollah";
                    // "Boris" is no "Barus"), nor an organization's short
                    // name ("Olympic" is no "Olimpik"). (A form written
                    // otherwise, "Hsi Chin-ping", "Jack Kennedy", is one.)
                    if (!c.respelled_form && !self.matcher.transliterated(c.entity))
                        || t.variant == Variant::OrgCore
                        || t.variant == Variant::OrgWord
                        || (c.first == c.last
                            && t.variant != Variant::Surname
                            && (self.matcher.entities()[c.entity as usize].kind
                                != EntityType::Organization
                                || !long_word(n.token_text(c.first as usize))))
                    {
                        continue;
                    }
                    // A surname in another spelling ("Gadhafi") stands
                    // only where the document names the entity (for a
                    // name with every word respelled see
                    // `spelling_stands`). A respelled short form is never
                    // distinctive alone ("Maris" is no "Moros").
                    c.distinctive = false;
                    if c.kind.is_short() {
                        c.policy = c.policy.max(Policy::Evidence);
                    }
                }
                if c.kind == MatchKind::Surname {
                    // "F. K. Fiedler" written with its listed initials is
                    // the full name.
                    let at = n.tokens()[c.first as usize].start as usize;
                    let dotted = text[..at].trim_end_matches([' ', '\u{a0}']).ends_with('.');
                    let listed = if dotted {
                        initials(self.matcher.name_text(c.entity, c.name))
                    } else {
                        Vec::new()
                    };
                    // (With whether the name stands on its own.)
                    let from = initials_before(text, at, &listed)
                        .map(|f| (f, true))
                        .or_else(|| {
                            // "A.Q. Khan", "V.V. Putin": two initials or more
                            // that are a listed name's given names (and
                            // patronymic), in order, are that name.
                            // (The text's dot first, as above, and an
                            // initial before it: no allocation for "Mr.".)
                            let e = &self.matcher.entities()[c.entity as usize];
                            if !dotted
                                || e.name_order == Some(NameOrder::FamilyFirst)
                                || initial_ending_at(text, at).is_none()
                            {
                                return None;
                            }
                            let surname: Vec<&str> = (c.first..=c.last)
                                .map(|i| n.token_text(i as usize))
                                .collect();
                            let from = given_initials_before(text, at, e, &surname)?;
                            // (Initials and a common surname are many people's,
                            // "S.M. Ali", "A.K. Gupta": the name needs its
                            // grounds in the document, as a surname does.)
                            let common = surname.iter().any(|w| {
                                crate::link::common_word(w, self.matcher.persons_named(w)).is_some()
                            });
                            Some((from, !common))
                        });
                    if let Some((from, always)) = from {
                        c.kind = MatchKind::Normalized;
                        if always {
                            c.policy = Policy::Always;
                        }
                        c.start = Some(from as u32);
                    }
                } else if c.start.is_none() {
                    // "M. Venkaiah Naidu", listed so: the initial written
                    // before the given name is the name's.
                    // (The text's dot first: it is rare, the name's text
                    // is not.)
                    let at = n.tokens()[c.first as usize].start as usize;
                    if initial_ending_at(text, at).is_some() {
                        let name = self.matcher.name_text(c.entity, c.name);
                        let leading = name
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.chars().count() == 2 && w.ends_with('.'));
                        if leading {
                            if let Some(from) = initials_before(text, at, &initials(name)) {
                                c.start = Some(from as u32);
                            }
                        }
                    }
                }
                // A legal form that is also a lower-case word ("as", "is",
                // "at") is that word.
                let form_ok = |a: usize, b: usize| {
                    (a..=b).all(|i| {
                        let w = n.token_text(i);
                        let flags = n.tokens()[i].flags;
                        // A legal form that is also a function word
                        // ("In", "As", "A") counts only in capitals
                        // or with dots: "AS", "A.S.", and in a line
                        // written in capitals only with dots
                        // ("MARCOS FLEES PHILIPPINES AS AQUINO …").
                        let capitals_alone =
                            flags.contains(TokenFlags::ALL_CAPS) && !caps_line(text, n, i);
                        // ("co-founder", "a cartel co-founder": a
                        // word joined by a hyphen is no legal form, nor
                        // "co" in lower case.)
                        let tok = n.tokens()[i];
                        let hyphened = text[tok.end as usize..].starts_with('-');
                        !(flags.contains(TokenFlags::LOWERCASE)
                            && (is_stopword(w) || is_common_word(w) || w == "co"))
                            && !hyphened
                            && (!is_stopword(w) || capitals_alone || w.contains('.'))
                    })
                };
                // A legal form written just after an organization's full
                // name belongs to the mention ("Persian Gulf Petrochemical
                // Industries Co." for a listed name without one).
                let form_after = || {
                    (hit.last + 1 < count && !n.barrier_after(hit.last as usize))
                        .then(|| forms.starting_at(n, hit.last as usize + 1))
                        .flatten()
                        .filter(|&(l, _)| {
                            plain_gap(text, n, hit.last as usize)
                                && form_ok(hit.last as usize + 1, l)
                        })
                };
                if t.variant == Variant::OrgCore {
                    // Extended over a legal form on one side at a time (the
                    // leftmost-longest choice then picks), never across the
                    // end of a sentence.
                    // The core must read as a name.
                    let core_ok = !name_has_lowercase_word(n, hit.first, hit.last);
                    let before = forms
                        .ending_before(n, hit.first as usize)
                        .filter(|&(f, _)| {
                            // (Nor across a comma: "Windfel Properties
                            // Ltd, Savoler Development" ends one name.)
                            core_ok
                                && plain_gap(text, n, hit.first as usize - 1)
                                && !gap(text, n, hit.first as usize - 1).contains(',')
                                && form_ok(f, hit.first as usize - 1)
                        });
                    let after = form_after().filter(|_| core_ok);
                    let mut extended = false;
                    for (first, last) in [
                        before.map(|(f, _)| (f as u32, hit.last)),
                        after.map(|(l, _)| (hit.first, l as u32)),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        extended = true;
                        // A place's or a common word's name with a legal
                        // form ("Galapagos NV", "Dover Ltd") is any of the
                        // companies so called: it needs its grounds too, as
                        // does a name of ordinary words ("United Aircraft
                        // Corporation" of 1961 is not the Russian one).
                        let ordinary = (hit.first..=hit.last)
                            .all(|i| is_common_word(n.token_text(i as usize)));
                        let policy = if (hit.first == hit.last && !c.distinctive) || ordinary {
                            Policy::Evidence
                        } else {
                            Policy::Always
                        };
                        self.cands.push(Cand {
                            first,
                            last,
                            kind: MatchKind::LegalForm,
                            policy,
                            ..c
                        });
                    }
                    if extended {
                        continue;
                    }
                    // Without its legal form, a name of a nationality or
                    // place and ordinary words describes a trade, it does
                    // not name a company ("IRANIAN OIL" of "Iranian Oil
                    // Company (U.K.) Limited").
                    if (hit.first..=hit.last).all(|i| {
                        let w = n.token_text(i as usize);
                        is_common_word(w) || is_demonym(w) || is_place(w)
                    }) && (hit.first..=hit.last).any(|i| is_demonym(n.token_text(i as usize)))
                    {
                        continue;
                    }
                }
                // ("the Houthi group", "the Fars news agency": generic last
                // words in lower case are no part of the proper name to
                // check.)
                let proper_last = if self.matcher.entities()[c.entity as usize].kind
                    == EntityType::Organization
                {
                    generic_tail_from(n, c.first, c.last) - 1
                } else {
                    c.last
                };
                if c.policy != Policy::Always
                    && !match last_proper {
                        Some((f, l, proper)) if (f, l) == (c.first, proper_last) => proper,
                        _ => {
                            let proper = proper_context(text, n, c.first, proper_last);
                            last_proper = Some((c.first, proper_last, proper));
                            proper
                        }
                    }
                {
                    continue;
                }
                if !self.plausible(text, &c) {
                    continue;
                }
                if t.variant == Variant::Full
                    && self.matcher.entities()[c.entity as usize].kind == EntityType::Organization
                    && c.variant == 0
                {
                    if let Some((l, _)) = form_after() {
                        self.cands.push(Cand {
                            last: l as u32,
                            ..c
                        });
                    }
                }
                self.cands.push(c);
            }
        }
        self.middle_names_readings(text);
        self.drop_possessives(text);
        self.drop_quotation_cut(text);
        self.drop_family_names();
        self.sort_cands();
    }

    /// "Iran's Revolutionary Guards": a country's possessive before an
    /// organization's name is the country's, not the name's, where the
    /// words after it are a listed name of the same organization on their
    /// own (OFAC lists "IRAN'S REVOLUTIONARY GUARDS" beside "REVOLUTIONARY
    /// GUARDS"; "Iran's morality police" keeps its possessive, since
    /// "morality police" is listed for no one). Drops the readings that
    /// open with the possessive, and those read across an organization's
    /// possessive inside them ("the IRGC's Quds Force").
    fn drop_possessives(&mut self, text: &str) {
        let n = &self.norm;
        let tokens = n.tokens();
        // The token after a country's possessive opening the reading, if
        // one does ("north korea's": up to three words of the country).
        let after_possessive = |c: &Cand| -> Option<u32> {
            (c.first..c.last.min(c.first + 3)).find_map(|k| {
                let rest = &text[tokens[k as usize].end as usize..];
                if !possessive_at(rest) {
                    return None;
                }
                let words: Vec<&str> = (c.first..=k).map(|i| n.token_text(i as usize)).collect();
                country_of(&words.join(" "))?;
                // (The "s" of the possessive may be a token of its own.)
                let next = k + 1;
                Some(if n.token_text(next as usize) == "s" {
                    next + 1
                } else {
                    next
                })
            })
        };
        let ents = self.matcher.entities();
        // "The Islamic Revolutionary Guard Corps' Quds Force", "the IRGC's
        // Quds Force": a possessive inside an organization's name, after
        // words that are a listed organization's name of their own, makes
        // two names, the owner's and its unit's (OFAC lists "IRGC-QODS
        // FORCE" as one name), unless the listed name has the possessive.
        // (Both as listed names, exactly or normalized: "the IRGC's
        // Aerospace Force" is one listed name, whose unit no list names
        // alone. The spans of such readings are gathered on first need.)
        type Spans = (FxHashSet<(u32, u32)>, FxHashSet<(u32, u32, u32)>);
        let mut spans: Option<Spans> = None;
        let mut owner_inside = |c: &Cand| {
            (c.first..c.last).any(|k| {
                let rest = &text[tokens[k as usize].end as usize..];
                let plural = n.token_text(k as usize).ends_with('s')
                    && (rest.starts_with("' ") || rest.starts_with("\u{2019} "));
                if !(possessive_at(rest) || plural)
                    || self
                        .matcher
                        .name_text(c.entity, c.name)
                        .contains(['\'', '\u{2019}'])
                {
                    return false;
                }
                let (owners, units) = spans.get_or_insert_with(|| {
                    let listed = self.cands.iter().filter(|o| {
                        ents[o.entity as usize].kind == EntityType::Organization
                            && matches!(o.kind, MatchKind::Exact | MatchKind::Normalized)
                    });
                    (
                        listed.clone().map(|o| (o.first, o.last)).collect(),
                        listed.map(|o| (o.first, o.last, o.entity)).collect(),
                    )
                });
                // (The "s" of the possessive may be a token of its own.)
                let unit = if n.token_text(k as usize + 1) == "s" {
                    k + 2
                } else {
                    k + 1
                };
                owners.contains(&(c.first, k)) && units.contains(&(unit, c.last, c.entity))
            })
        };
        let drop: Vec<bool> = self
            .cands
            .iter()
            .map(|c| {
                ents[c.entity as usize].kind == EntityType::Organization
                    && (owner_inside(c)
                        || after_possessive(c).is_some_and(|from| {
                            // (A listed name as written, not a short form.)
                            self.cands.iter().any(|o| {
                                o.entity == c.entity
                                    && o.first == from
                                    && o.last == c.last
                                    && matches!(o.kind, MatchKind::Exact | MatchKind::Normalized)
                                    && o.variant == 0
                            })
                        }))
            })
            .collect();
        self.drop_cands(&drop);
    }

    /// Drops the readings `drop` marks, one mark per reading in order.
    fn drop_cands(&mut self, drop: &[bool]) {
        if drop.contains(&true) {
            let mut i = 0;
            self.cands.retain(|_| {
                i += 1;
                !drop[i - 1]
            });
        }
    }

    /// Drops the readings of a person's listed name that is only the
    /// Arabic article and a family name (OFAC's "AL-QADHAFI" for Khamis
    /// Qadhafi) where another entity of that family name (or the same
    /// person on another list) is read there as a surname: such a name is
    /// the family's, not one member's, and the text's "al-Qadhafi" is
    /// weighed as any surname is (after "Muammar Qadhafi", the father).
    /// (A nickname of that form that no one else bears, "Al-Kimawi",
    /// stays the one person's.)
    /// So too an organization's name of the article and one word read in
    /// another spelling ("al-Saleh" for the listed AL-SALAH) where the
    /// document names a listed person in full whose name, as written,
    /// ends in that word: after "Ali Abdullah Saleh", "al-Saleh" is the
    /// man (or, in capitals alone, no one).
    fn drop_family_names(&mut self) {
        let n = &self.norm;
        let ents = self.matcher.entities();
        let respelled_org = |c: &Cand| {
            c.first + 1 == c.last
                && c.variant > 0
                && matches!(n.token_text(c.first as usize), "al" | "el")
                && ents[c.entity as usize].kind == EntityType::Organization
        };
        // (A person's name read in full, as written, that ends in the word.)
        let family_named = |w: &str| {
            self.cands.iter().any(|f| {
                f.first < f.last
                    && !f.kind.is_short()
                    && f.variant == 0
                    && ents[f.entity as usize].kind == EntityType::Person
                    && n.token_text(f.last as usize) == w
            })
        };
        // (Listed with the article's hyphen, as an Arabic name is: not
        // "Al Gore", nor a Spanish nickname, "El Güero".)
        let family = |c: &Cand| {
            c.first + 1 == c.last
                && c.kind != MatchKind::Surname
                && matches!(n.token_text(c.first as usize), "al" | "el")
                && ents[c.entity as usize].kind == EntityType::Person
                && self
                    .matcher
                    .name_text(c.entity, c.name)
                    .get(..3)
                    .is_some_and(|a| a.eq_ignore_ascii_case("al-") || a.eq_ignore_ascii_case("el-"))
        };
        if !self.cands.iter().any(|c| family(c) || respelled_org(c)) {
            return;
        }
        let drop: Vec<bool> = self
            .cands
            .iter()
            .map(|c| {
                (family(c)
                    && self.cands.iter().any(|o| {
                        o.kind == MatchKind::Surname
                            && !o.given_name
                            && o.last == c.last
                            && o.entity != c.entity
                    }))
                    || (respelled_org(c) && family_named(n.token_text(c.last as usize)))
            })
            .collect();
        self.drop_cands(&drop);
    }

    /// Drops the readings that a short quotation closing inside them cuts
    /// ([`closes_quotation_inside`]: `"El Chapo" Guzmán` holds no "Chapo
    /// Guzman", `'EL MAYO' ZAMBADA` no "El Mayo Zambada") where the
    /// document reads a full name of their entity elsewhere without such
    /// a cut: there the nickname and the family name are mentions of their
    /// own.
    /// (Where it does not, "Marines captured "El Chapo" Guzman", the
    /// reading is the one the person gets.)
    fn drop_quotation_cut(&mut self, text: &str) {
        let n = &self.norm;
        let cut: Vec<bool> = self
            .cands
            .iter()
            .map(|c| c.first < c.last && closes_quotation_inside(text, n, c.first, c.last))
            .collect();
        if !cut.contains(&true) {
            return;
        }
        let whole: FxHashSet<u32> = self
            .cands
            .iter()
            .zip(&cut)
            .filter(|(c, &x)| !x && !matches!(c.kind, MatchKind::Surname | MatchKind::Short))
            .map(|(c, _)| c.entity)
            .collect();
        let drop: Vec<bool> = self
            .cands
            .iter()
            .zip(&cut)
            .map(|(c, &x)| x && whole.contains(&c.entity))
            .collect();
        self.drop_cands(&drop);
    }

    /// The readings of persons' listed names written with one or two
    /// middle names they leave out, after the first word ("Mahamat Idriss
    /// Déby Itno" for the listed "Mahamat Déby Itno", "Justin Pierre James
    /// Trudeau"): where the words written are no listed name of their
    /// own ("John Quincy Adams" is not John Adams), the middle words are
    /// names (no title, particle or lower-case word) or a nickname in
    /// quotation marks (`Ismael "El Mayo" Zambada García`), and the name
    /// is written given name first.
    fn middle_names_readings(&mut self, text: &str) {
        if self.gapped.is_empty() {
            return;
        }
        let n = &self.norm;
        // The spans of full names as written, in order: looked up by a
        // binary search for each gapped hit, not a scan of every hit.
        let mut full: Vec<(u32, u32)> = self
            .hits
            .iter()
            .filter(|h| {
                self.matcher
                    .targets(h.pattern)
                    .iter()
                    .any(|t| !t.variant.is_short())
            })
            .map(|h| (h.first, h.last))
            .collect();
        full.sort_unstable();
        full.dedup();
        for &(hit, skip) in &self.gapped {
            let gap_end = hit.first + u32::from(skip);
            // A full name written from the first word whole ("John Quincy
            // Adams"), or one that ends inside the middle words: two
            // names, "Donald Trump Melania Trump".
            let at = full.partition_point(|&(f, _)| f < hit.first);
            let written_whole = full[at..]
                .iter()
                .take_while(|&&(f, _)| f == hit.first)
                .any(|&(_, l)| l == hit.last || l <= gap_end);
            let middle = hit.first + 1..=gap_end;
            // (Words of one name, written with a space between: not
            // "Evgeny Prigozhin. Prigozhin".)
            let spaced =
                (hit.first..=gap_end).all(|i| matches!(gap(text, n, i as usize), " " | "\u{a0}"));
            // (A nickname in quotation marks, whatever its words.)
            let quoted = !spaced && quoted_nickname(text, n, hit.first, gap_end);
            if !(spaced || quoted)
                || written_whole
                || !quoted
                    && middle.clone().any(|i| {
                        let w = n.token_text(i as usize);
                        w.len() < 2
                            || is_title(w)
                            || is_particle(w)
                            || is_stopword(w)
                            || (is_common_word(w) && title_case_line(text, n, i as usize))
                    })
            {
                continue;
            }
            for t in self.matcher.targets(hit.pattern) {
                let e = &self.matcher.entities()[t.entity as usize];
                // (A "LAST, First" listing read in natural order is given
                // name first; a name reversed as its language writes it,
                // "Orbán Viktor", is not.)
                let reversed = t.variant == Variant::NameOrder
                    && !self.matcher.name_text(t.entity, t.name).contains(',');
                if e.kind != EntityType::Person
                    || e.name_order == Some(NameOrder::FamilyFirst)
                    || t.respelled > 0
                    || t.variant.is_short()
                    || reversed
                {
                    continue;
                }
                let c = Cand {
                    first: hit.first,
                    last: hit.last,
                    entity: t.entity,
                    name: t.name,
                    kind: MatchKind::MiddleNames,
                    policy: t.policy,
                    distinctive: false,
                    start: None,
                    variant: 0,
                    given_name: false,
                    org_word: false,
                    respelled_form: false,
                    inserted: skip,
                };
                if (c.policy != Policy::Always && !proper_context(text, n, c.first, c.last))
                    || !self.plausible(text, &c)
                {
                    continue;
                }
                self.cands.push(c);
            }
        }
    }

    /// Sorts the readings leftmost first, then longest, then best reading.
    fn sort_cands(&mut self) {
        self.cands.sort_by_key(|c| {
            (
                c.first,
                std::cmp::Reverse(c.last),
                c.needs_evidence(),
                c.kind,
                c.entity,
            )
        });
    }

    /// Whether candidate `c` can be a name at all, by how it is written: a
    /// lower-case ordinary word is no part of a name ("an Islamic state"),
    /// and a person's name does not run across a comma unless listed so
    /// ("Antonio, Laredo" is two names).
    fn plausible(&self, text: &str, c: &Cand) -> bool {
        let n = &self.norm;
        // A lower-case function word at either end is not a name's either:
        // "Kennedy as" is not "Kennedy A.S.".
        let e = &self.matcher.entities()[c.entity as usize];
        // The press writes an organization's generic last word in lower
        // case: "the Sinaloa cartel", "the Haqqani network" (not "an
        // Islamic state", nor "Shor's party": a person's).
        let tail_from = generic_tail_from(n, c.first, c.last);
        let generic_tail = |i: u32| {
            e.kind == EntityType::Organization
                && i >= tail_from
                && c.first < c.last
                && !gap(text, n, i as usize - 1).starts_with(['\'', '’'])
                && n.tokens()[c.first as usize]
                    .flags
                    .contains(TokenFlags::CAPITALIZED)
                && GENERIC_TAILS.contains(&n.token_text(i as usize))
        };
        let common_lower = (c.first..=c.last).any(|i| {
            if generic_tail(i) {
                return false;
            }
            let w = n.token_text(i as usize);
            // ("a.s.", "s.a." written with dots are legal forms, not "as".)
            let tok = n.tokens()[i as usize];
            if text[tok.start as usize..tok.end as usize].contains('.') {
                return false;
            }
            // ("Jong-un": after a hyphen, the word is the name's own.)
            let hyphened = text[..n.tokens()[i as usize].start as usize].ends_with('-');
            let edge = (i == c.first || i == c.last) && !hyphened;
            n.tokens()[i as usize].flags.contains(TokenFlags::LOWERCASE)
                && !hyphened
                && !is_particle(w)
                && ((is_common_word(w) && !is_stopword(w))
                    || (edge && c.first < c.last && is_stopword(w)))
        });
        if common_lower {
            return false;
        }
        // A name hyphened to another capitalized word is part of a longer
        // name: a law ("the Taft-Hartley Act"), another person's double
        // surname ("Lincoln Díaz-Balart"), a street, a joint venture
        // ("TNK-BP"). (Not a lower-case word, "Hamas-run", "al-Assad", nor
        // a number, "Darya-1", nor a common word in a line of capitals,
        // "TIMCHENKO-LINKED YACHT".)
        let t = n.tokens();
        let name_word = |i: usize| {
            t[i].flags.contains(TokenFlags::CAPITALIZED)
                && !(caps_line(text, n, i) && is_common_word(n.token_text(i)))
        };
        let hyphened_before = c.first > 0
            && gap(text, n, c.first as usize - 1) == "-"
            && name_word(c.first as usize - 1)
            && !article_before_name(self.matcher, n, text, c);
        let hyphened_after = (c.last as usize + 1) < t.len()
            && gap(text, n, c.last as usize) == "-"
            && name_word(c.last as usize + 1);
        if hyphened_before || hyphened_after {
            return false;
        }
        // "Margrethe I", "Abdullah I": a regnal number after a given name
        // names another monarch (the listed one's number is part of the
        // longer, full form). ("Putin, Xi" is two names.)
        if c.kind == MatchKind::Surname
            && (c.last as usize + 1) < n.tokens().len()
            && !n.barrier_after(c.last as usize)
            && gap(text, n, c.last as usize) == " "
            && n.tokens()[c.last as usize + 1]
                .flags
                .contains(TokenFlags::CAPITALIZED)
            && is_regnal_number(n.token_text(c.last as usize + 1))
        {
            return false;
        }
        if e.kind == EntityType::Person && c.first < c.last {
            let span = &text[n.tokens()[c.first as usize].start as usize
                ..n.tokens()[c.last as usize].end as usize];
            // "RI, Pyong Chol" may match the listed "Ri Pyong Chol": a
            // family-first name keeps its order with a comma.
            let listed_with_comma = (c.kind == MatchKind::Normalized
                && self.matcher.name_text(c.entity, c.name).contains(','))
                || e.name_order == Some(crate::gazetteer::NameOrder::FamilyFirst);
            if span.contains(',') && !listed_with_comma {
                return false;
            }
        }
        true
    }

    /// Up to five folded words just before token `first`, nearest last,
    /// within its sentence (an abbreviation's dot, "Sen.", does not end
    /// it).
    fn words_before(&self, text: &str, first: u32) -> Vec<&str> {
        self.words_before_max(text, first, 5)
    }

    /// The title a plural title word before a list of names gives the
    /// name at token `first` ([`list_title`]: "Senators Olympia J. Snowe
    /// and Susan Collins"), where the list's first name is a listed person
    /// the title fits at the date, or no listed person and opens with a
    /// given name: "On Presidents Day, Joe Biden and Kamala Harris" does
    /// not make her a president, nor "Governors John Kennedy and Mike
    /// Kennedy" the second a governor.
    /// (The words within the sentence: the token stream leaves written
    /// initials out, "Olympia J. Snowe", whose dot ends no sentence.)
    fn list_title_at(&self, first: u32) -> Option<Title> {
        let n = &self.norm;
        let toks = n.tokens();
        let mut from = first as usize;
        while from > 0
            && first as usize - from < 12
            && !toks[from].flags.contains(TokenFlags::SENTENCE_START)
            && !n.barrier_after(from - 1)
        {
            from -= 1;
        }
        let words: Vec<&str> = (from..first as usize).map(|i| n.token_text(i)).collect();
        let (title, at) = list_title(&words, |j| {
            toks[from + j].flags.contains(TokenFlags::CAPITALIZED) || is_particle(words[j])
        })?;
        let head = (from + at + 1) as u32;
        let ents = self.matcher.entities();
        let mut listed = self
            .cands
            .iter()
            .filter(|o| o.first == head && ents[o.entity as usize].kind == EntityType::Person)
            .peekable();
        let fits = if listed.peek().is_some() {
            listed.any(|o| title_rank(Some(title), self.matcher.profile(o.entity), &self.date) <= 1)
        } else {
            is_given_name(n.token_text(head as usize))
        };
        fits.then_some(title)
    }

    /// Up to `max` folded words after token `last`, within its sentence.
    fn words_after_max(&self, text: &str, last: u32, max: usize) -> Vec<&str> {
        let n = &self.norm;
        let t = n.tokens();
        let mut out = Vec::with_capacity(max);
        let mut i = last as usize;
        while i + 1 < t.len() && out.len() < max {
            if n.barrier_after(i) {
                break;
            }
            let gap = &text.as_bytes()[t[i].end as usize..t[i + 1].start as usize];
            if gap.iter().any(|&b| matches!(b, b'.' | b'!' | b'?' | b';')) {
                break;
            }
            out.push(n.token_text(i + 1));
            i += 1;
        }
        out
    }

    /// [`Resolver::words_before`], up to `max` words.
    fn words_before_max(&self, text: &str, first: u32, max: usize) -> Vec<&str> {
        let n = &self.norm;
        let t = n.tokens();
        let mut out = Vec::with_capacity(max.min(first as usize));
        let mut i = first as usize;
        while i > 0 && out.len() < max {
            let p = i - 1;
            if n.barrier_after(p) {
                break;
            }
            // (The gap and the word as bytes: the marks looked for are
            // ASCII, which no other char's UTF-8 holds.)
            let gap = &text.as_bytes()[t[p].end as usize..t[i].start as usize];
            let w = n.token_text(p);
            // "Sen.", "Ariz.", "U.S.": an abbreviation's dot; a lower-case
            // word's ("sworn in.", "he said.") ends the sentence.
            let abbreviation = gap.first() == Some(&b'.')
                && (w.as_bytes().contains(&b'.')
                    || (!t[p].flags.contains(TokenFlags::LOWERCASE)
                        && (w.len() <= 4 || (w.len() <= 6 && is_title(w)))));
            // A closing quotation mark ends the quoted words: a title
            // there is not the name's ("… an excellent tenure as Jharkhand
            // Governor," Modi said).
            // (The gap first: this runs for every word before every name.)
            let closing = (gap.starts_with(b"\"")
                || gap.starts_with(b",\"")
                || gap.windows(3).any(|x| x == "\u{201d}".as_bytes()))
                && is_title(w);
            if gap.iter().any(|&b| b == b'!' || b == b'?')
                || (gap.contains(&b'.') && !abbreviation)
                || closing
            {
                break;
            }
            out.push(w);
            i = p;
        }
        out.reverse();
        out
    }

    /// The folded word just after token `last` in its sentence, with
    /// whether it is capitalized and only spaces stand between.
    fn word_after(&self, text: &str, last: u32) -> Option<(&str, bool)> {
        let n = &self.norm;
        let t = n.tokens();
        let next = last as usize + 1;
        if next >= t.len() || n.barrier_after(last as usize) {
            return None;
        }
        let gap = &text[t[last as usize].end as usize..t[next].start as usize];
        if gap.contains(['.', '!', '?', ','])
            || headline_ends_between(text, t[last as usize].end as usize, t[next].start as usize)
        {
            return None;
        }
        let glued =
            gap.chars().all(char::is_whitespace) && t[next].flags.contains(TokenFlags::CAPITALIZED);
        Some((n.token_text(next), glued))
    }

    /// The country a royal title before a name (`before`, nearest last)
    /// and "of" after it (token `last`) say the royal is of ("King
    /// Abdullah of Saudi Arabia"). ("Jimmy Carter of Georgia" is the
    /// state's: only a royal is named so by a country.)
    fn royal_of_country(&self, text: &str, before: &[&str], last: u32) -> Option<usize> {
        before
            .last()
            .is_some_and(|w| crate::variants::is_royal_title(w))
            .then(|| self.of_country(text, last))
            .flatten()
    }

    /// Whether person `e` has a country by the lists (country,
    /// nationality, citizenship) and `k` (an index of
    /// [`crate::names::country_of`]) is none of them nor the country of
    /// birth, territories read as their sovereign's.
    fn nationality_differs(&self, e: u32, k: usize) -> bool {
        let e = &self.matcher.entities()[e as usize];
        let k = crate::names::sovereign_of(k);
        let mut own = e
            .countries()
            .filter_map(country_of)
            .map(crate::names::sovereign_of)
            .peekable();
        own.peek().is_some()
            && own.all(|c| c != k)
            && e.birth_country()
                .and_then(country_of)
                .is_none_or(|c| crate::names::sovereign_of(c) != k)
    }

    /// The country named by "of" and one to three words right after
    /// token `last` ("Queen Margrethe of Denmark", "… of the United
    /// Kingdom"), as [`country_of`] gives it.
    fn of_country(&self, text: &str, last: u32) -> Option<usize> {
        self.of_named(text, last, true, country_of).map(|(_, c)| c)
    }

    /// What `read` makes of the longest run of one to three capitalized
    /// words after "of" right after token `last` (and after "the" there,
    /// with `the`), each word after a plain space, with that run's last
    /// token.
    fn of_named<T>(
        &self,
        text: &str,
        last: u32,
        the: bool,
        read: impl Fn(&str) -> Option<T>,
    ) -> Option<(usize, T)> {
        let n = &self.norm;
        let t = n.tokens();
        let plain = |i: usize| i + 1 < t.len() && !n.barrier_after(i) && gap(text, n, i) == " ";
        let mut i = last as usize;
        if !plain(i) || n.token_text(i + 1) != "of" {
            return None;
        }
        i += 1;
        if the && plain(i) && n.token_text(i + 1) == "the" {
            i += 1;
        }
        let mut words = String::new();
        let mut best = None;
        for k in 1..=3 {
            if !plain(i + k - 1) || !t[i + k].flags.contains(TokenFlags::CAPITALIZED) {
                break;
            }
            if k > 1 {
                words.push(' ');
            }
            words.push_str(n.token_text(i + k));
            best = read(&words).map(|x| (i + k, x)).or(best);
        }
        best
    }

    /// A capital initial written just before byte `at` ("F. " before
    /// "Scott Fitzgerald").
    fn initial_before(text: &str, at: usize) -> Option<char> {
        initial_ending_at(text, at)
            .map(|(letter, _)| letter)
            .filter(|c| c.is_uppercase())
    }

    /// Whether the initials written in a person's name (`written`, from
    /// inside the span; `lead`, one just before it) agree with one of the
    /// entity's listed names: `Some(true)` when one listed name has those
    /// middle initials (or middle names with those first letters),
    /// `Some(false)` when the entity's names have middle names and none
    /// agrees, `None` when nothing can be told.
    fn initials_fit(
        &self,
        entity: u32,
        written: &[char],
        lead: Option<char>,
        given_initials: bool,
    ) -> Option<bool> {
        if written.is_empty() && lead.is_none() {
            return None;
        }
        let e = &self.matcher.entities()[entity as usize];
        let mut any_middle = false;
        let mut agree = false;
        for a in e.names().filter(|a| !a.weak) {
            let name = natural_order(&a.name);
            // "M. Venkaiah Naidu": the written initials are the listed
            // name's own.
            if given_initials && lead.is_none() && initials(&name) == written {
                any_middle = true;
                agree = true;
                continue;
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() < 3 - usize::from(given_initials) {
                continue;
            }
            // "J.D. Vance": the initials stand for every given name.
            let from = usize::from(!given_initials);
            let mut middle: Vec<char> = words[from..words.len() - 1]
                .iter()
                .filter(|w| !is_suffix_word(w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            middle.sort_unstable();
            if middle.is_empty() {
                continue;
            }
            any_middle = true;
            let first = words[0].chars().next().map(|c| c.to_uppercase().next());
            agree |= match lead {
                // "F. Scott Fitzgerald": the listed first name starts with
                // F and the written given name is a middle name.
                Some(l) => first == Some(Some(l)),
                None => middle == written,
            };
        }
        if lead.is_some() && !agree {
            return Some(false);
        }
        any_middle.then_some(agree)
    }

    /// Whether the middle names written in tokens `first + 1..` (`gap` of
    /// them) of a name `first..=last` agree with entity `e`'s listed ones:
    /// `Some(true)` when a listed name has middle names there with the
    /// same first letters ("Lyndon Baines Johnson" for a listed "Lyndon B.
    /// Johnson"), `Some(false)` when listed names have middle names there
    /// and none agrees, `None` when no listed name has any there, for an
    /// official. A person the lists name for no office is known by the
    /// names they give: other middle names make someone else ("Mehmet Ali
    /// Kaya, a cargo sales manager" is no listed Mehmet Kaya), `Some(false)`.
    /// One middle name that, with the words after it, is the name of a
    /// party the lists link to `e` is the father's name an Arabic name
    /// writes there ("Hafez Bashar al-Assad", son of Bashar al-Assad):
    /// `Some(true)`.
    fn middle_names_fit(&self, e: u32, first: u32, last: u32, gap: u8) -> Option<bool> {
        let word = |i: u32| self.norm.token_text(i as usize);
        let letter = |w: &str| w.chars().next();
        let rest: Vec<&str> = (first + 1 + u32::from(gap)..=last).map(word).collect();
        let written: Vec<Option<char>> = (first + 1..first + 1 + u32::from(gap))
            .map(|i| letter(word(i)))
            .collect();
        // A name's folded words in natural order, a listed initial kept as
        // its letter ("Lyndon B. Johnson" has a middle name "B").
        let folded_words = |name: &str| -> Vec<String> {
            natural_order(name)
                .split_whitespace()
                .flat_map(|w| match fold_name(w) {
                    f if f.is_empty() => w
                        .chars()
                        .next()
                        .filter(|c| c.is_alphabetic())
                        .map(|c| c.to_lowercase().collect())
                        .into_iter()
                        .collect::<Vec<String>>(),
                    f => f.split(' ').map(str::to_string).collect(),
                })
                .collect()
        };
        let ents = self.matcher.entities();
        let fathers = gap == 1
            && self.matcher.links(e).iter().any(|&o| {
                ents[o as usize].kind == EntityType::Person
                    && ents[o as usize].names().filter(|a| !a.weak).any(|a| {
                        let w = folded_words(&a.name);
                        w.len() == rest.len() + 1
                            && w[0] == word(first + 1)
                            && w[1..].iter().zip(&rest).all(|(a, b)| a == b)
                    })
            });
        if fathers {
            return Some(true);
        }
        let mut fit = None;
        for a in ents[e as usize].names().filter(|a| !a.weak) {
            let folded = folded_words(&a.name);
            let words: Vec<&str> = folded.iter().map(String::as_str).collect();
            let Some(between) = words
                .len()
                .checked_sub(rest.len() + 1)
                .filter(|&k| k > 0 && words[0] == word(first) && words.ends_with(&rest))
            else {
                continue;
            };
            let listed: Vec<Option<char>> = words[1..=between].iter().map(|w| letter(w)).collect();
            fit = Some(fit.unwrap_or(false) || listed == written);
        }
        let official = ents[e as usize]
            .lists
            .iter()
            .any(|l| l.starts_with("official:"));
        fit.or((!official).then_some(false))
    }

    /// Whether the words of tokens `first..=last` (a nickname written in
    /// quotation marks, [`quoted_nickname`]), but for a name particle
    /// ("El"), are all words of one of the names the lists give entity `e`
    /// ("El Chapo" for the listed a.k.a. "Chapo Guzman").
    fn nickname_listed(&self, e: u32, first: u32, last: u32) -> bool {
        let n = &self.norm;
        let words: Vec<&str> = (first..=last)
            .map(|i| n.token_text(i as usize))
            .filter(|w| !is_particle(w))
            .collect();
        !words.is_empty()
            && self.matcher.entities()[e as usize].names().any(|a| {
                let folded = fold_name(&a.name);
                words.iter().all(|w| folded.split(' ').any(|x| x == *w))
            })
    }

    /// The folded words of an appositive right after token `last`: after a
    /// comma, up to eight words to the next punctuation (", the former
    /// Australian cricket captain,").
    fn appositive(&self, text: &str, last: u32) -> Vec<&str> {
        let n = &self.norm;
        let t = n.tokens();
        let mut out = Vec::new();
        let mut i = last as usize;
        while i + 1 < t.len() && out.len() < 8 && !n.barrier_after(i) {
            let gap = &text[t[i].end as usize..t[i + 1].start as usize];
            let comma_first = out.is_empty() && gap.trim() == ",";
            // ", Carter's vice president": a name's possessive opens the
            // appositive as "the" would (written `'s` in the words).
            let possessive = out.len() == 1 && matches!(gap.trim(), "'s" | "’s");
            // (A hyphen joins the words of one: "a 58-year-old taxi
            // driver", "a part-time cook".)
            let joined = gap.trim().is_empty() || gap == "-";
            if !(comma_first || possessive || (!out.is_empty() && joined)) {
                break;
            }
            if possessive {
                out.push("'s");
            }
            i += 1;
            let w = n.token_text(i);
            // An office's title right before a capitalized word that is
            // no title opens another name, and is that name's (", a move
            // Home Affairs Minister Peter Dutton defended", ", who met
            // President Putin"): the appositive ends before it.
            if t[i].flags.contains(TokenFlags::CAPITALIZED)
                && !is_title(w)
                && out
                    .last()
                    .is_some_and(|p| title_before(std::slice::from_ref(p)).is_some())
            {
                while out.last().is_some_and(|p| is_title(p)) {
                    out.pop();
                }
                break;
            }
            out.push(w);
        }
        out
    }

    /// Whether the words `before` the name at tokens `first..=last` end in
    /// an occupation ([`occupation_before`]); a clergyman's title counts
    /// only before a common name ("The Rev. Mike Johnson" is a clergyman;
    /// "the Rev. Raphael Warnock", of a rare name, may be the senator).
    fn occupation_before(&self, before: &[&str], first: u32, last: u32) -> bool {
        occupation_before(before)
            && (!before.last().is_some_and(|w| is_clergy_title(w)) || self.common_name(first, last))
    }

    /// The folded words of a predicate right after the name at tokens
    /// `first..=last`, up to eight, where the name is its subject: after a
    /// space, or after the comma that closes an apposition the name ends
    /// ("His grandfather, Adlai E. Stevenson, was"), past the country,
    /// state or place the person is of ("His grandfather, Adlai Ewing
    /// Stevenson of Illinois, was"); empty otherwise.
    fn predicate(&self, text: &str, first: u32, last: u32) -> Vec<&str> {
        let t = self.norm.tokens();
        // (A country, a US state or a known place, of one to three words:
        // not "John Adams of Goldman Sachs".)
        let place = |w: &str| {
            (country_of(w).is_some() || crate::link::state_after(w) || is_place(w)).then_some(())
        };
        let l = self
            .of_named(text, last, false, place)
            .map_or(last as usize, |(k, ())| k);
        if l + 1 >= t.len() || self.norm.barrier_after(l) {
            return Vec::new();
        }
        let gap = &text[t[l].end as usize..t[l + 1].start as usize];
        let closes_apposition = gap.trim() == ","
            && text[..t[first as usize].start as usize]
                .trim_end()
                .ends_with(',');
        if gap.trim().is_empty() || closes_apposition {
            self.words_after_max(text, l as u32, 8)
        } else {
            Vec::new()
        }
    }

    /// The folded words describing someone right after token `last`, past
    /// an age: ", 52, a mechanic" gives "a mechanic".
    fn description(&self, text: &str, last: u32) -> Vec<&str> {
        let words = self.appositive(text, last);
        if let [age] = words[..] {
            if age.bytes().all(|b| b.is_ascii_digit()) {
                return self.appositive(text, last + 1);
            }
        }
        words
    }

    /// Of namesakes `ents` named in full at bytes `start..end`, the one the
    /// rest of the paragraph describes: a capitalized word of its own
    /// record that no other namesake's record has ("KOMID", from a
    /// representative "of the Korea Mining Development Trading Corp.
    /// (KOMID)"; see [`record_words`]), or a birth year ("born in 1962")
    /// the lists give for it. `None` where no one namesake is described
    /// more than the others.
    fn described(&self, text: &str, start: usize, end: usize, ents: &[u32]) -> Option<u32> {
        let mut from = start.saturating_sub(600);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (end + 300).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let from = text[from..start].rfind('\n').map_or(from, |k| from + k + 1);
        let to = text[end..to].find('\n').map_or(to, |k| end + k);
        let window = &text[from..to];
        let capitalized: rustc_hash::FxHashSet<String> = window
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .flat_map(|w| {
                crate::normalize::fold_name(w)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        // "born in 1962", "born on Feb. 18, 1962", "(born 1962)".
        let born_years: Vec<i32> = window
            .match_indices("born")
            .filter_map(|(k, _)| {
                let after = &window[k + 4..];
                let mut n = after.len().min(24);
                while !after.is_char_boundary(n) {
                    n -= 1;
                }
                let head = &after[..n];
                let b = head.as_bytes();
                (0..b.len().saturating_sub(3)).find_map(|i| {
                    let four = &b[i..i + 4];
                    let alone = (i == 0 || !b[i - 1].is_ascii_digit())
                        && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
                    (alone && four.iter().all(u8::is_ascii_digit))
                        .then(|| head[i..i + 4].parse().ok())
                        .flatten()
                })
            })
            .collect();
        // Each one's record, and the names of the organizations the lists
        // link to it; not the words of the namesakes' own names (a son's
        // record links him to his father "ROTENBERG, Boris Romanovich").
        let all = self.matcher.entities();
        let own: Vec<String> = ents
            .iter()
            .flat_map(|&e| {
                crate::normalize::fold_name(&all[e as usize].name)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        let words: Vec<Vec<String>> = ents
            .iter()
            .map(|&e| {
                let mut w = record_words(&all[e as usize]);
                for &o in self.matcher.links(e) {
                    let linked = &all[o as usize];
                    if linked.kind != EntityType::Person {
                        w.extend(
                            crate::normalize::fold_name(&linked.name)
                                .split(' ')
                                .filter(|x| telling_word(x))
                                .map(str::to_string),
                        );
                    }
                }
                w.retain(|x| !own.contains(x));
                w
            })
            .collect();
        let score = |k: usize| -> usize {
            let own = words[k]
                .iter()
                .filter(|w| {
                    capitalized.contains(w.as_str())
                        && !words
                            .iter()
                            .enumerate()
                            .any(|(j, o)| j != k && o.contains(w))
                })
                .count();
            let born = self.matcher.profile(ents[k]).born;
            own + usize::from(born.is_some_and(|b| born_years.contains(&b)))
        };
        let scores: Vec<usize> = (0..ents.len()).map(score).collect();
        let best = (0..ents.len()).max_by_key(|&k| scores[k])?;
        (scores[best] > 0 && scores.iter().filter(|&&s| s == scores[best]).count() == 1)
            .then_some(ents[best])
    }

    /// Whether entities `a` and `b` look like one person on two lists: the
    /// same country, and a kind of office in common.
    fn same_person(&self, a: u32, b: u32) -> bool {
        let ents = self.matcher.entities();
        let country = |e: u32| {
            ents[e as usize]
                .properties
                .get("country")
                .and_then(|c| c.as_str())
        };
        country(a).is_some()
            && country(a) == country(b)
            && self
                .matcher
                .profile(a)
                .offices
                .meets(self.matcher.profile(b).offices)
    }

    /// Whether entity `e` has a name that begins and ends as tokens
    /// `first..=last` do with more words between: middle names the text
    /// leaves out ("John Quincy Adams" for "John Adams"); or one that
    /// goes on past them ("Hafiz Saeed Khan" for "Hafiz Saeed", a
    /// generational suffix aside).
    fn has_longer_name(&self, e: u32, first: u32, last: u32) -> bool {
        let (a, z) = (
            self.norm.token_text(first as usize),
            self.norm.token_text(last as usize),
        );
        let written = (last - first + 1) as usize;
        self.matcher.entities()[e as usize]
            .names()
            .filter(|n| !n.weak && !n.name.contains(','))
            .any(|n| {
                let folded = fold_name(&n.name);
                let words: Vec<&str> = folded.split(' ').filter(|w| w.len() > 1).collect();
                words.len() > written
                    && words.first() == Some(&a)
                    && (words.last() == Some(&z)
                        // ("Hafiz Saeed" of "Hafiz Saeed Khan": a name
                        // the text stops short of, not a suffix.)
                        || (words.get(written - 1) == Some(&z)
                            && !words[written..].iter().all(|w| is_suffix(w))))
            })
    }

    /// Whether every word of tokens `first..=last` is a common name: a
    /// common US given name or surname (1990 Census), or a word that many
    /// listed persons bear ("Kim", "Ali", "Hassan").
    fn common_name(&self, first: u32, last: u32) -> bool {
        self.common_name_skipping(first, last, 0)
    }

    /// [`Resolver::common_name`] of the words of tokens `first..=last`
    /// but the `skip` after the first (middle names the lists leave out).
    fn common_name_skipping(&self, first: u32, last: u32, skip: u8) -> bool {
        self.common_name_as(first, last, skip, None)
    }

    /// [`Resolver::common_name_skipping`], where a word the text writes
    /// with the spelling key of a word of `listed` (a candidate's listed
    /// name, read in another spelling) is as common as that word: "Umar
    /// Khan", and "Aamir Khan" whose key is Omar's, read as a listed "Omar
    /// Khan", are names as common as it is.
    fn common_name_as(&self, first: u32, last: u32, skip: u8, listed: Option<&Cand>) -> bool {
        let respelled: Vec<(Vec<u8>, Option<Common>)> = listed
            .filter(|c| c.variant > 0)
            .map(|c| {
                fold_name(self.matcher.name_text(c.entity, c.name))
                    .split(' ')
                    .filter_map(|w| {
                        let mut key = Vec::new();
                        crate::translit::person_spelling_key_into(w.as_bytes(), &mut key)
                            .then(|| (key, common_word(w, self.matcher.persons_named(w))))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let why = |i: u32| {
            let w = self.norm.token_text(i as usize);
            common_word(w, self.matcher.persons_named(w)).or_else(|| {
                let mut key = Vec::new();
                if respelled.is_empty()
                    || !crate::translit::person_spelling_key_into(w.as_bytes(), &mut key)
                {
                    return None;
                }
                respelled
                    .iter()
                    .find(|(k, _)| *k == key)
                    .and_then(|&(_, c)| c)
            })
        };
        let rest = first + 1 + u32::from(skip);
        why(first).is_some() && (rest..=last).all(|i| why(i).is_some())
            || (last == rest
                && common_second_word(why(first), self.norm.token_text(last as usize)).is_some())
    }

    /// Whether the document corroborates entity `e` (outside tokens
    /// `first..=last`): another of its names or a linked entity is read
    /// elsewhere, an official of its country is named in full (by a name
    /// that is not common, or one who had taken office by the date; for
    /// an official, only one who had taken a listed office by the date or
    /// who later led the country), its country (an organization's: of an
    /// address) is named (for an official, only one who had taken a listed
    /// office by the date), or, for a sanctioned person the lists give no
    /// country and a name of three words or more, the country of birth or
    /// of the sanctions program.
    fn corroborated(&self, e: u32, first: u32, last: u32) -> bool {
        // Officials' countries are where their homonyms live too: a story
        // set in China in 2008 names China whichever Li Qiang it quotes. The
        // country corroborates a party the lists know by little else, and an
        // official who had taken a listed office by the date (George
        // Washington in a story that names the United States). Another
        // official of the country corroborates also a future head of state
        // or government, whom the news follows before office (Ronald Reagan
        // in 1980), but not a future legislator: a senator named in a story
        // of 1998 says nothing of the "Mike Lee" it lists among a school's
        // graduates, who took office in 2011.
        let p = self.matcher.profile(e);
        let in_office =
            p.terms.is_empty() || p.terms.iter().any(|t| t.from <= self.date.last_day());
        // (A sanctioned person the lists give no country is of the country
        // of birth or of the sanctions program, where the name is written
        // with three words or more, which many fewer people share than
        // two: "Benjamín Arellano Félix", born in Mexico, in a story from
        // Mexico City; not "John Lee" in a story of Hong Kong's emigrants.)
        // (A person's country also by its people before a title:
        // "Venezuelan President Nicolás Maduro" for Adán Chávez, a citizen
        // of Venezuela; not "a North Korean defector", nor an
        // organization's country, whose one-word name read in another
        // spelling it would take for more than it is: "Interpol" in a story
        // from London is no "Interpal".)
        // (A cleric's title written before a name of two words makes it as
        // rare as one of three: "Mullah Mohammed Omar" in a story from
        // Afghanistan, where he was born.)
        let clergy = first > 0
            && !self.norm.barrier_after(first as usize - 1)
            && crate::names::is_muslim_cleric_title(self.norm.token_text(first as usize - 1));
        let ent = &self.matcher.entities()[e as usize];
        self.named_beside(e, first, last, in_office || self.leader(e))
            || (in_office
                && (self.country_anywhere(e, false).is_some()
                    || (ent.kind == EntityType::Person && self.officials_of_country(e))))
            || ((last - first >= 2 || (clergy && last > first))
                && ent.countries().next().is_none()
                && self.home_named(e))
    }

    /// Whether the story's headline says the story is about a namesake of
    /// person `e`: it opens with "The other" or "Another" and a full name
    /// of `e`'s (and no other listed person's), untitled, and a word in
    /// lower case follows ("The other Scott Morrison just wants his phone
    /// to stop ringing"), or the name is followed by "no relation" and the
    /// like ([`namesake_after`]). Such a story tells its two bearers apart by
    /// a title, so a use of the name without one that fits is the
    /// namesake's, not `e`'s. (A namesake named in the body, "included
    /// another Li Qiang, a village doctor", is one of the story's people,
    /// and the premier may be the others; and once the body has named one
    /// bearer, "the other" is whichever it has not: "a retired dry cleaner
    /// named Lee Jae-myung … The other Lee Jae-myung has been
    /// president".)
    fn namesake_in_story(&self, text: &str, e: u32) -> bool {
        // (A headline is a first line that ends in no full stop, over a
        // blank line: a text of one paragraph has none, "Colleagues will
        // never find another Scott Morrison, whatever the polls say.")
        let headline = self.first_line_end(text);
        let blank_after = text[headline..]
            .lines()
            .nth(1)
            .is_some_and(|l| l.trim().is_empty());
        if !blank_after || text[..headline].trim_end().ends_with('.') {
            return false;
        }
        self.memo
            .namesakes
            .get_or_init(|| {
                let toks = self.norm.tokens();
                let ents = self.matcher.entities();
                self.cands
                    .iter()
                    .filter(|c| {
                        c.first < c.last
                            && (toks[c.last as usize].end as usize) <= headline
                            && c.kind != MatchKind::Surname
                            && ents[c.entity as usize].kind == EntityType::Person
                            && title_before(&self.words_before(text, c.first)).is_none()
                            && {
                                let start =
                                    c.start.unwrap_or(toks[c.first as usize].start) as usize;
                                let end = toks[c.last as usize].end as usize;
                                // (The words open the headline, and a word
                                // in lower case follows the name: not
                                // "Another Kim Jong Un Missile Test", "Is
                                // Trump the other Kim Jong Un?")
                                let opens = ["the other ", "another "]
                                    .iter()
                                    .any(|w| text[..start].trim_start().eq_ignore_ascii_case(w));
                                let lower_next = text[end..]
                                    .trim_start()
                                    .starts_with(|ch: char| ch.is_lowercase());
                                (opens && lower_next && !modifies_noun(&text[end..]))
                                    || namesake_after(&text[end..])
                            }
                    })
                    // (A name the lists give one person only: where they
                    // give it several, "the other" may be one of them, "The
                    // envoy at the White House, and the other Kim Yong
                    // Chol".)
                    .filter(|c| {
                        self.cands.iter().all(|o| {
                            o.entity == c.entity
                                || (o.first, o.last) != (c.first, c.last)
                                || ents[o.entity as usize].kind != EntityType::Person
                        })
                    })
                    .map(|c| c.entity)
                    .collect()
            })
            .contains(&e)
    }

    /// Whether the story, after naming entity `e` in tokens `first..=last`,
    /// gives the bearer an age that is not `e`'s: the first age it writes
    /// with a later mention of the name's last word ("John Lee never
    /// planned to run a restaurant. … said Lee, 68," of a listed man of
    /// 59). A story states its subject's age once. Where it names another
    /// bearer of the word in full, or introduces this one as someone's
    /// relative ("his son … Lee, 63," his father), the age may be the
    /// other's, so it does not count.
    fn age_said_later_misfits(&self, text: &str, e: u32, first: u32, last: u32) -> bool {
        if self.named_as_relative(text, first) {
            return false;
        }
        let toks = self.norm.tokens();
        let surname = self.norm.token_text(last as usize);
        let given = self.norm.token_text(first as usize);
        let bare = |i: usize| {
            i == 0
                || self.norm.barrier_after(i - 1)
                || !toks[i - 1].flags.contains(TokenFlags::CAPITALIZED)
                || is_title(self.norm.token_text(i - 1))
        };
        let of_bearer =
            |i: usize| bare(i) || (first < last && self.norm.token_text(i - 1) == given);
        let mentions: Vec<usize> = (0..toks.len())
            .filter(|&i| {
                (i < first as usize || i > last as usize) && self.norm.token_text(i) == surname
            })
            .collect();
        // (Not where the story names another bearer of the word: "Camila
        // Ortega Murillo … Murillo, 73," is her mother Rosario Murillo.)
        if !mentions.iter().all(|&i| of_bearer(i)) {
            return false;
        }
        mentions
            .into_iter()
            .filter(|&i| i > last as usize)
            .find_map(|i| {
                let at = toks[i].start as usize;
                let age = age_after(text, toks[i].end as usize).or_else(|| age_before(text, at))?;
                // (An age of the past: "In 1979, Lee, 21, opened a shop.")
                Some((age, earlier_year_before(text, at, self.date.year)))
            })
            .is_some_and(|(a, past)| self.age_rules_out(e, a, past))
    }

    /// Whether the document names, outside tokens `first..=last`, a party
    /// the lists link to entity `e`, another name of `e` that is not
    /// common, or, with `countrymen`, another official of `e`'s country
    /// (the part of [`Resolver::corroborated`] that is more than a
    /// country's name).
    fn named_beside(&self, e: u32, first: u32, last: u32, countrymen: bool) -> bool {
        let links = self.matcher.links(e);
        let ent = &self.matcher.entities()[e as usize];
        let country = ent.properties.get("country").and_then(|c| c.as_str());
        let s = self.memo.support.get_or_init(|| self.support());
        // Read somewhere outside the span: before it or after it.
        let outside = |&(least_last, greatest_first): &(u32, u32)| {
            least_last < first || greatest_first > last
        };
        links.iter().any(|o| s.any.get(o).is_some_and(outside))
            || s.rare.get(&e).is_some_and(outside)
            || (countrymen
                && country
                    .and_then(|k| s.officials.get(k))
                    .is_some_and(|(lasts, firsts)| {
                        lasts.least_besides(e).is_some_and(|l| l < first)
                            || firsts.least_besides(e).is_some_and(|f| !f > last)
                    }))
    }

    /// Whether the document writes the name of tokens `first..=last` in
    /// the plural ("Three Zhang Weis walk into a dumpling shop", "the
    /// John Kennedys of the phone book"): the story is about a name many
    /// people share, and its country tells none of them apart.
    fn written_in_plural(&self, first: u32, last: u32) -> bool {
        let n = &self.norm;
        let t = n.tokens();
        let stream = n.stream_bytes();
        let name =
            &stream[t[first as usize].norm_start as usize..t[last as usize].norm_end as usize];
        if let Some(&known) = self.memo.plurals.borrow().get(name) {
            return known;
        }
        let mut needle = Vec::with_capacity(name.len() + 4);
        needle.push(b' ');
        needle.extend_from_slice(name);
        needle.extend_from_slice(b"s ");
        let es = {
            let mut v = needle.clone();
            v.truncate(v.len() - 2);
            v.extend_from_slice(b"es ");
            v
        };
        let plural = memchr::memmem::find(stream, &needle).is_some()
            || memchr::memmem::find(stream, &es).is_some();
        self.memo.plurals.borrow_mut().insert(name.to_vec(), plural);
        plural
    }

    /// What [`Resolver::corroborated`] looks for among the document's
    /// readings (`cands`): another reading of the entity, of a linked one,
    /// or of an official of its country, outside the span in question.
    fn support(&self) -> Support<'m> {
        let matcher: &'m Matcher = self.matcher;
        let ents = matcher.entities();
        let mut s = Support::default();
        for c in &self.cands {
            let mut common = None;
            let mut common = || *common.get_or_insert_with(|| self.common_name(c.first, c.last));
            widen(&mut s.any, c.entity, c.first, c.last);
            // (A bare surname that is a place's name, "Montenegro, the
            // Balkan country", is no other reading of the person.)
            let place = c.kind.is_short()
                && c.first == c.last
                && is_place(self.norm.token_text(c.first as usize));
            if c.variant == 0 && !place && !common() {
                widen(&mut s.rare, c.entity, c.first, c.last);
            }
            let p = matcher.profile(c.entity);
            let country = ents[c.entity as usize]
                .properties
                .get("country")
                .and_then(|x| x.as_str());
            if let Some(k) = country {
                if !c.kind.is_short()
                    && !p.terms.is_empty()
                    && (!common() || p.terms.iter().any(|t| t.from <= self.date.last_day()))
                {
                    let (lasts, firsts) = s.officials.entry(k).or_default();
                    lasts.add(c.last, c.entity);
                    firsts.add(!c.first, c.entity);
                }
            }
        }
        s
    }

    /// [`Resolver::country_named`] over the whole document, found once
    /// per entity.
    /// Whether the story names an official of entity `e`'s country by
    /// the country's people and a title ("Venezuelan President", "Syrian
    /// Foreign Minister"): a story of that state.
    fn officials_of_country(&self, e: u32) -> bool {
        if let Some(&t) = self.memo.officials.borrow().get(&e) {
            return t;
        }
        let stream = self.norm.stream_bytes();
        let t = self.matcher.entities()[e as usize].countries().any(|v| {
            let narrow = crate::names::country_cues(v, false).len();
            crate::names::country_cues(v, true)[narrow..]
                .iter()
                .any(|cue| {
                    let cue = cue.as_bytes();
                    memchr::memmem::find_iter(stream, cue).any(|at| {
                        whole_words_at(stream, at, cue.len())
                            && self.norm.token_at(at).is_some_and(|t| {
                                let next = t + cue.split(|&b| b == b' ').count();
                                next < self.norm.tokens().len()
                                    && !self.norm.barrier_after(next - 1)
                                    && title_word_at(&self.norm, next)
                            })
                    })
                })
        });
        self.memo.officials.borrow_mut().insert(e, t);
        t
    }

    fn country_anywhere(&self, e: u32, broad: bool) -> Option<u32> {
        if let Some(&t) = self.memo.countries.borrow().get(&(e, broad)) {
            return t;
        }
        let t = self.country_named(e, 0..self.norm.stream_bytes().len(), broad);
        self.memo.countries.borrow_mut().insert((e, broad), t);
        t
    }

    /// The first token, within stream bytes `within`, of the name of
    /// entity `e`'s country (its `country`, `nationality` or `citizenship`; an
    /// organization's also of its addresses), or with `broad` of its
    /// demonym or capital (see [`country_cues`]).
    fn country_named(&self, e: u32, within: std::ops::Range<usize>, broad: bool) -> Option<u32> {
        let ent = &self.matcher.entities()[e as usize];
        let stream = self.norm.stream_bytes();
        let within = within.start..within.end.min(stream.len());
        let mut values: Vec<&str> = ent.countries().collect();
        // A country-program of the sanctions lists says whose it is
        // ("FOURTH DIVISION OF THE SYRIAN ARAB ARMY" is on SYRIA-EO13894).
        if ent.kind == EntityType::Organization {
            values.extend(ent.lists.iter().filter_map(|l| program_country(l)));
        }
        // An organization's country is where its addresses are.
        if ent.kind == EntityType::Organization {
            if let Some(a) = ent.properties.get("addresses").and_then(|a| a.as_array()) {
                values.extend(
                    a.iter()
                        .filter_map(|x| x.get("country").and_then(|c| c.as_str())),
                );
            }
        }
        self.cue_named(&values, within, broad)
    }

    /// The first token, within stream bytes `within`, of a name of one of
    /// the countries `values` (as lists write them), or with `broad` of its
    /// demonym or capital.
    fn cue_named(
        &self,
        values: &[&str],
        within: std::ops::Range<usize>,
        broad: bool,
    ) -> Option<u32> {
        let stream = self.norm.stream_bytes();
        let within = within.start..within.end.min(stream.len());
        let hay = &stream[within.clone()];
        let lists: Vec<_> = values.iter().map(|v| country_cues(v, broad)).collect();
        lists
            .iter()
            .flat_map(|l| l.iter())
            .filter_map(|cue| {
                let cue = cue.as_bytes();
                let at = memchr::memmem::find_iter(hay, cue)
                    .find(|&at| whole_words_at(hay, at, cue.len()))?;
                self.norm.token_at(within.start + at).map(|t| t as u32)
            })
            .min()
    }

    /// Whether `age`, written after a bare surname, is not the person
    /// `e`'s, by a birth the lists give exactly: more than `e` could be at
    /// the document's date (a year's slack either way), or more than five
    /// years less, unless the story is of the `past` (the sentence names
    /// an earlier year) or `e` would be past [`LIVING_AGE`].
    fn age_rules_out(&self, e: u32, age: u32, past: bool) -> bool {
        let born = self.matcher.profile(e).born;
        self.age_fits(e, age) == Some(false)
            && born.is_some_and(|b| {
                let then = i64::from(self.date.year) - i64::from(b);
                // (Below by a few years, the list's date may be the one
                // that is off: OFAC's 1954 for a man the press says was
                // born in 1957.)
                i64::from(age) > then || (!past && then <= LIVING_AGE && i64::from(age) + 5 < then)
            })
    }

    /// Whether entity `e` was `age` years old at the document's date, by
    /// its date of birth: `None` where the lists give only an approximate
    /// one ("1972 to 1974", "circa 1950"). With none recorded, an official
    /// too young at the date to have held the office the lists show him in
    /// (younger than [`MIN_OFFICE_AGE`] on that day: the foreign minister
    /// of 2013 is not "Wang Yi, 33" in 2021) does not fit; else `None`.
    fn age_fits(&self, e: u32, age: u32) -> Option<bool> {
        let approximate = self.matcher.entities()[e as usize]
            .properties
            .get("dob")
            .and_then(|d| d.as_array())
            .is_some_and(|d| {
                d.iter()
                    .filter_map(|x| x.as_str())
                    .any(|x| x.contains(" to ") || x.to_ascii_lowercase().contains("circa"))
            });
        if approximate {
            return None;
        }
        let p = self.matcher.profile(e);
        let Some(born) = p.born else {
            if p.offices.meets(Offices::MONARCH) {
                return None;
            }
            let sure = surely_in_office(&self.matcher.entities()[e as usize])?;
            let latest_birth = i64::from(sure / 10000 - MIN_OFFICE_AGE);
            // (A year's slack: an age is written at any day of the year.)
            return (i64::from(self.date.year) - i64::from(age) > latest_birth + 1)
                .then_some(false);
        };
        Some((i64::from(self.date.year) - i64::from(born) - i64::from(age)).abs() <= 2)
    }

    /// Whether the IMO number written for the ship named before `after`
    /// ([`imo_after`]) is none of those the lists give vessel `e` (`imo`
    /// and `imo_alt`).
    fn imo_differs(&self, e: u32, after: &str) -> bool {
        let ent = &self.matcher.entities()[e as usize];
        if ent.kind != EntityType::Vessel {
            return false;
        }
        // (The text first: most ships' names have no number beside them.)
        let Some(written) = imo_after(after) else {
            return false;
        };
        let mut listed = ["imo", "imo_alt"]
            .into_iter()
            .flat_map(|k| ent.strings(k))
            .filter_map(|v| v.trim().parse::<u32>().ok())
            .peekable();
        listed.peek().is_some() && listed.all(|v| v != written)
    }

    /// Whether entity `e` is a vessel the list records as another kind
    /// than the words around its name describe (`before` it, nearest last,
    /// and the text `after` it; see [`described_vessel_kind`]): "the charter
    /// boat Mar Azul", "the Tifon, a 36-foot sportfisherman" are not the
    /// listed Cuban tugs; and a small open boat is no listed vessel of any
    /// kind ("a wooden dinghy called Flying Fox" is not the superyacht).
    fn kind_differs(&self, e: u32, before: &[&str], after: &str) -> bool {
        let ent = &self.matcher.entities()[e as usize];
        if ent.kind != EntityType::Vessel {
            return false;
        }
        let listed = ent
            .properties
            .get("vessel_type")
            .and_then(|t| t.as_str())
            .and_then(listed_vessel_kind);
        described_vessel_kind(before, after)
            .is_some_and(|k| k == VesselKind::Small || listed.is_some_and(|l| k != l))
    }

    /// [`title_rank`] of entity `e` for a name at byte `at`: at the
    /// document's date, and where the sentence dates what it tells to an
    /// earlier year before the name, "in" that year ("Korea's
    /// independence was promised at Cairo in 1943 by President
    /// Roosevelt", in 1950; not "Recalling the 1991 war, President
    /// Bush"), a title held in that year fits best, and one held only at
    /// the document's date next: the holder then is meant.
    ///
    /// `year` holds the sentence's year once read: the homonyms of one
    /// name share it.
    fn title_rank_at(
        &self,
        title: Option<Title>,
        e: u32,
        text: &str,
        at: usize,
        year: &OnceCell<Option<i32>>,
    ) -> u8 {
        let p = self.matcher.profile(e);
        let tr = title_rank(title, p, &self.date);
        let Some(t) = title.filter(|t| !t.offices.is_empty() && !t.past && tr <= 1) else {
            return tr;
        };
        match *year.get_or_init(|| year_dated_before(text, at, self.date.year)) {
            Some(y) if p.held_at(t.offices, &DocDate::year(y)) => 0,
            Some(_) => 1,
            None => tr,
        }
    }

    /// Whether the words right after a name that ends at token `last` say
    /// whose it is: a party tag ("(R-Wis.)"), "of" a place, or an
    /// appositive (", the Wisconsin Republican"): then a title the story
    /// gave another bearer says nothing of this one.
    fn said_whose_after(&self, text: &str, last: u32) -> bool {
        let after = &text[self.norm.tokens()[last as usize].end as usize..];
        party_state_after(after).is_some()
            || after.starts_with(" of ")
            || after.starts_with(" (")
            || after.starts_with(", ")
    }

    /// Whether the story named person `e` in full before token `before`
    /// under a title of the same offices as `title`, not a past one nor
    /// an heir's for a reigning one's ("Senator Prince Yormie Johnson" for
    /// a later "Senator Johnson"; not "Crown Prince Salman" for "King
    /// Salman").
    fn titled_in_full_before(
        &self,
        text: &str,
        ix: &ChosenIndex,
        e: u32,
        title: Title,
        before: u32,
    ) -> bool {
        !title.offices.is_empty()
            && !title.past
            && ix.full.get(&e).is_some_and(|m| {
                m.spans
                    .iter()
                    .take_while(|&&(f, _)| f < before)
                    .any(|&(f, _)| {
                        title_before(&self.words_before(text, f))
                            .is_some_and(|t| same_present_office(t, title))
                    })
            })
    }

    /// Whether the story gave the unlisted bearer whose full name starts
    /// at token `from` ([`Resolver::unlisted_bearers`]) a title of the
    /// same offices as `t`, not a past one ("President Hafez al-Assad",
    /// "President Park Chung-hee").
    fn unlisted_titled(&self, text: &str, from: u32, t: Title) -> bool {
        title_before(&self.words_before(text, from)).is_some_and(|b| same_present_office(b, t))
    }

    /// Per folded word, its tokens (first first), each with the token its
    /// name starts at, in the full names in the body of the text that end
    /// with it after a given name matched to no listed person ("Prime
    /// Minister Rajiv Gandhi" where only Maneka Gandhi is listed): a
    /// capitalized word right before it that no chosen mention covers, no
    /// title, common word, name particle, honorific, month, weekday or
    /// other known proper noun but a given name ("In Damascus Assad", "On
    /// Tuesday Putin" name no one), and
    /// either a known given name or a word neither first in its sentence
    /// nor after a preposition. One pass over the text, on first need
    /// (the full mentions are chosen by then; a bare surname right after a
    /// capitalized word is never chosen later, so what it found holds).
    fn unlisted_bearers(&self, text: &str) -> UnlistedBearers {
        let n = &self.norm;
        let toks = n.tokens();
        let body = self.body_start(text);
        // (Tokens of a mention the default threshold keeps: one chosen
        // below it, "Frank Lucas, the Harlem heroin dealer" taken for a
        // congressman at 0.3, names no listed person to a reader. A fixed
        // threshold, so that `--min-confidence` only filters.)
        let mut firm = vec![false; toks.len()];
        for k in self
            .chosen
            .iter()
            .filter(|k| k.confidence >= DEFAULT_MIN_CONFIDENCE)
        {
            firm[k.c.first as usize..=k.c.last as usize].fill(true);
        }
        let mut out = UnlistedBearers::default();
        let gap = |a: usize, b: usize| &text[toks[a].end as usize..toks[b].start as usize];
        for k in 1..toks.len() {
            // (The given name, before an Arabic name's article: "President
            // Hafez al-Assad", the listed grandson's name, ruled out in
            // 2000, names the unlisted father; so does one before the
            // article in capitals written apart, "Ahmed Al Sharaa".)
            let article = k >= 2
                && matches!(n.token_text(k - 1), "al" | "el")
                && (toks[k - 1].flags.contains(TokenFlags::LOWERCASE) && gap(k - 1, k) == "-"
                    || gap(k - 1, k) == " ")
                && !firm[k - 1];
            let p = if article { k - 2 } else { k - 1 };
            if (toks[p].start as usize) < body
                || firm[k]
                || firm[p]
                || !toks[p].flags.contains(TokenFlags::CAPITALIZED)
                || gap(p, p + 1) != " "
            {
                continue;
            }
            let g = n.token_text(p);
            // (A given name of the census lists, or one that opens a
            // listed person's name: "Sergei".)
            let given = is_given_name(g) || self.matcher.first_named(g) > 0;
            // (A given name that is also an English word is the name
            // inside a sentence: "heroin dealer Frank Lucas".)
            let word =
                is_common_word(g) && (!given || toks[p].flags.contains(TokenFlags::SENTENCE_START));
            let bearer = !is_title(g)
                && !crate::variants::is_name_title(g)
                && !word
                && !is_particle(g)
                && honorific_gender(g).is_none()
                && !crate::link::is_month(g)
                && !crate::names::is_weekday(g)
                && (given || !is_known_proper_noun(g))
                && match self.words_before_max(text, p as u32, 1).last() {
                    None => given,
                    Some(w) => given || !is_preposition(w),
                };
            if bearer {
                out.entry(n.token_bytes(k).to_vec())
                    .or_default()
                    .push((k as u32, p as u32));
            }
        }
        // (A syllable as Chinese and Korean names are romanized, of one run
        // of vowels: "Kuan", "Yew", "Hsien", "Yeon", "chul".)
        let syllable = |i: usize| {
            let w = n.token_bytes(i);
            !firm[i]
                && (1..=5).contains(&w.len())
                && w.iter().all(u8::is_ascii_lowercase)
                && crate::link::vowel_runs(w) == 1
                && matches!(gap(i - 1, i), " " | "-")
        };
        // (Capitalized or joined by a hyphen, and the name ends there: not
        // "Park Hyatt in", "Kim Il Sung Square", "Lee Kuan Yew School".)
        let capital = |i: usize| toks[i].flags.contains(TokenFlags::CAPITALIZED);
        let ends = |i: usize| {
            i + 1 >= toks.len() || n.barrier_after(i) || gap(i, i + 1) != " " || !capital(i + 1)
        };
        let name_word = |i: usize| {
            let w = n.token_text(i);
            !(is_stopword(w) || is_place(w) || is_title(w))
        };
        // One named family name first bears it as much: an East Asian
        // family name before a given name of two syllables ("Lee Kuan
        // Yew", "Kim Yeon-chul") or one ("Li Qiang"), none of them a listed
        // mention.
        for p in 0..toks.len().saturating_sub(2) {
            if (toks[p].start as usize) < body
                || firm[p]
                || !capital(p)
                || !capital(p + 1)
                || !crate::gazetteer::ofac::is_east_asian_or_nanyang_surname(
                    &n.token_text(p).to_ascii_uppercase(),
                )
                || !syllable(p + 1)
                || !name_word(p + 1)
            {
                continue;
            }
            // (Two syllables, or one of Pinyin with the name ending there:
            // "Li Qiang has".)
            let two = (capital(p + 2) || gap(p + 1, p + 2) == "-")
                && ends(p + 2)
                && syllable(p + 2)
                && name_word(p + 2);
            if two
                || ends(p + 1)
                    && crate::pinyin::syllables(n.token_text(p + 1)).is_some_and(|s| s.len() == 1)
            {
                out.entry(n.token_bytes(p).to_vec())
                    .or_default()
                    .push((p as u32, p as u32));
            }
        }
        for at in out.values_mut() {
            at.sort_unstable();
        }
        out
    }

    /// Whether the words before token `first` (the start of a name) say
    /// the person is another's relative ("his brother", "His widow,"), or
    /// the name is one of a list of a family's members that a plural word
    /// for kin opens, each ending with its family name ("his sons Saif
    /// al-Islam Gaddafi, Hannibal Gaddafi and Khamis Gaddafi": each a son;
    /// not "his brothers Saadi and Hannibal, and Muammar Gaddafi", nor "the
    /// sons of Saddam Hussein and Muammar Gaddafi").
    fn named_as_relative(&self, text: &str, first: u32) -> bool {
        if self
            .words_before(text, first)
            .iter()
            .rev()
            .take(2)
            .any(|w| is_kin(w))
        {
            return true;
        }
        let n = &self.norm;
        // A name's words: written as a name's, joined by a space or a
        // hyphen (a bounded look: five words).
        let joined = |k: usize| {
            !n.barrier_after(k) && matches!(gap(text, n, k), " " | "-") && !lowercase_word(n, k + 1)
        };
        let mut last = first as usize;
        while last + 1 < n.tokens().len() && last < first as usize + 4 && joined(last) {
            last += 1;
        }
        let own = first as usize..=last;
        let mut f = first as usize;
        // (A bounded look: a list of a family's members is short.)
        for _ in 0..8 {
            // (The separator: a comma, "and" or both.)
            let mut k = match f.checked_sub(1) {
                Some(k) if !n.barrier_after(k) && gap(text, n, k) == ", " => k,
                Some(k)
                    if k >= 1
                        && n.token_text(k) == "and"
                        && !n.barrier_after(k)
                        && !n.barrier_after(k - 1)
                        && gap(text, n, k) == " "
                        && matches!(gap(text, n, k - 1), " " | ", ") =>
                {
                    k - 1
                }
                _ => return false,
            };
            // (Past an age: "Lynda Bird Johnson, 20, and Luci Baines
            // Johnson".)
            if k > 0
                && n.tokens()[k].flags.contains(TokenFlags::DIGIT)
                && !n.barrier_after(k - 1)
                && gap(text, n, k - 1) == ", "
            {
                k -= 1;
            }
            // The list's name before, back to its first word: one of the
            // family, sharing a word of the name ("Tricia Nixon Cox and
            // Julie Nixon Eisenhower").
            let end = k;
            while k > 0 && k + 5 > end && joined(k - 1) && !lowercase_word(n, k - 1) {
                k -= 1;
            }
            let kin_name = (k..=end).any(|i| {
                !is_particle(n.token_text(i))
                    && own.clone().any(|o| n.token_bytes(o) == n.token_bytes(i))
            });
            if !kin_name {
                return false;
            }
            f = k;
            // ("his sons Saif al-Islam Gaddafi", "his sons, Saif …": the
            // plural right before the list's first name.)
            if f > 0 && !n.barrier_after(f - 1) && matches!(gap(text, n, f - 1), " " | ", ") {
                let w = n.token_text(f - 1);
                if matches!(w, "children" | "relatives" | "grandchildren")
                    || w.strip_suffix('s').is_some_and(is_kin)
                {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the document's first full mention of entity `e` before
    /// token `before` introduces the bearer as a child (for `age` 1, "the
    /// elder") or a parent (for `age` -1, "the younger"): a word for such
    /// kin right before the name or its title ("his eldest son, Prime
    /// Minister Lee Hsien Loong").
    fn introduced_as_kin(
        &self,
        text: &str,
        ix: &ChosenIndex,
        e: u32,
        before: u32,
        age: i64,
    ) -> bool {
        let Some(&(f0, _)) = ix
            .full
            .get(&e)
            .and_then(|m| m.spans.iter().find(|&&(f, _)| f < before))
        else {
            return false;
        };
        let words = self.words_before_max(text, f0, 6);
        let skip = title_before(&words).map_or(0, |t| t.words);
        // (A child is the younger, -1; a parent the elder, 1: the other
        // way round from what `age` asks.)
        words
            .len()
            .checked_sub(skip + 1)
            .is_some_and(|k| kin_order(&words[k..=k], "").map(i64::from) == Some(-age))
    }

    /// Whether the words before the name at tokens `first..=last` make its
    /// bearer a relative of person `e`, whom the document has named
    /// before: a possessive of a word of `e`'s names that the name itself
    /// does not hold, then a word for kin, an age word between or not
    /// ("Dawood's brother Anees Ibrahim", "Darvesh's younger brother";
    /// not "Bashar al-Assad's brother Maher al-Assad", who is listed in his
    /// own right).
    fn relative_of(&self, text: &str, first: u32, last: u32, e: u32) -> bool {
        let f = first as usize;
        let n = &self.norm;
        if f < 2 || !is_kin(n.token_text(f - 1)) || !matches!(gap(text, n, f - 1), " " | ", ") {
            return false;
        }
        let mut owner = f - 2;
        if matches!(
            n.token_text(owner),
            "younger" | "elder" | "older" | "youngest" | "eldest" | "oldest" | "half" | "twin"
        ) && gap(text, n, owner) == " "
        {
            let Some(o) = owner.checked_sub(1) else {
                return false;
            };
            owner = o;
        }
        let word = n.token_text(owner);
        possessive_at(gap(text, n, owner))
            && !(first..=last).any(|i| n.token_text(i as usize) == word)
            && self
                .chosen
                .iter()
                .any(|k| k.c.entity == e && k.c.last < first)
            && self.matcher.entities()[e as usize]
                .names()
                .any(|a| fold_name(&a.name).split([' ', ',']).any(|w| w == word))
    }

    /// Why entity `e` cannot be meant here, if it cannot: the document's
    /// date is before its public life, the words around the name say it is
    /// someone else (`cues`), written initials differ (`init`), or it is
    /// long out of office and no title fits (`tr`, see [`title_rank`]).
    fn ruled_out(&self, e: u32, cues: &Cues, tr: u8, init: Option<bool>) -> Option<Reason> {
        let p = self.matcher.profile(e);
        // The press calls a newcomer by the trade he had until he took
        // office ("comic actor Volodymyr Zelenskiy" the day after his
        // election, "businessman Donald Trump" in 2016): an occupation
        // does not rule out someone whose first office began within a
        // year after the date.
        let newcomer = || {
            let d = self.date.first_day();
            p.terms.iter().all(|t| t.from_latest >= d)
                && p.terms.iter().any(|t| t.from <= d + 10000)
        };
        // Nor does it rule out someone whose public life had begun by the
        // date (a term started) and whose listed names the written
        // initials or middle names fit: "a civilian economist, Andrei R.
        // Belousov", named defence minister, is Andrei Removich Belousov,
        // in office since 2020.
        let known_by_initial =
            || init == Some(true) && p.terms.iter().any(|t| t.from <= self.date.first_day());
        // (One named as someone's child is meant from birth.)
        let born_kin = || cues.kin && p.born.is_some_and(|b| b <= self.date.year);
        if !p.possible_at(&self.date) && !born_kin() {
            Some(Reason::BeforePublicLife)
        } else if cues
            .state
            .is_some_and(|code| state_differs(&self.matcher.entities()[e as usize], code))
        {
            // ("Rep. Mike Rogers (R-Mich.)" is not the Alabama member.)
            Some(Reason::CountryDiffers)
        } else if cues.demonym.is_some_and(|k| self.nationality_differs(e, k)) {
            // ("Nigerian lawmaker Abu Bakar Bashir" is not the Indonesian
            // cleric.)
            Some(Reason::CountryDiffers)
        } else if cues.dowager && p.offices.meets(Offices::MONARCH) {
            // ("Queen Elizabeth, now the Queen Mother": the late king's
            // widow, whatever title fits.)
            Some(Reason::Namesake)
        } else if cues.namesake && tr > 1 {
            // ("Oceans Minister Moon Seong-hyeok, no relation to the
            // president": a title that fits says who he is; the words deny
            // a family tie.)
            Some(Reason::Namesake)
        } else if cues.private
            || cues.occupation
                && (!cues.profession || !p.terms.is_empty())
                && !newcomer()
                && !known_by_initial()
                // ("Finance Minister Professor Mthuli Ncube": a title
                // before the occupation word that fits says who he is.)
                && tr > 1
        {
            Some(Reason::Occupation)
        } else if cues
            .honorific
            .is_some_and(|h| p.gender.is_some_and(|g| g != h))
        {
            Some(Reason::Honorific)
        } else if cues.introduced {
            Some(Reason::Generic)
        } else if cues.place {
            Some(Reason::Place)
        } else if cues.age.is_some_and(|a| self.age_fits(e, a) == Some(false))
            || cues.year.is_some_and(|y| {
                p.born.is_some_and(|b| y < b)
                    || (p.born.is_none()
                        && !cues.birth
                        && p.public_from
                            .is_some_and(|f| y < f / 10000 - DEED_BEFORE_PUBLIC))
            })
        {
            // (Or what the text says they did happened before the listed
            // bearer's birth: "Hafez al-Assad, who seized power in 1970"
            // is not the grandson born in 2001; or, for one the lists give
            // no birth, long before the public life their record allows:
            // "Sheikh Salman bin Hamad Al Khalifa, who ruled Bahrain from
            // 1942" is not the deputy prime minister a 2019 list records.)
            Some(Reason::AgeDiffers)
        } else if init == Some(false) {
            Some(Reason::InitialsDiffer)
        } else if p.long_out_of_office(&self.date) && tr > 1 {
            // (Written initials do not help: families repeat them, Adlai
            // E. Stevenson I, II and III.)
            Some(Reason::LongOutOfOffice)
        } else {
            None
        }
    }

    /// Whether the person's full name `group` (one span) is part of the
    /// name of something or someone else: "the George Washington
    /// Bridge", "Hun Sen Park", "George Washington Carver", "Donald Trump
    /// Jr." (unless the listed name has the suffix too: "Joseph R. Biden
    /// Jr.").
    fn inside_other_name(&self, text: &str, group: &[Cand]) -> bool {
        let Some(g0) = group.first() else {
            return false;
        };
        let last = g0.last;
        let n = &self.norm;
        let headline = caps_line(text, n, last as usize);
        // "Gen. Mahamat Idriss Déby": a listed person's given name glued
        // before the full name makes it a longer name, another person's
        // (a son's name carries his father's).
        let first = g0.first as usize;
        if first > 0 && !headline {
            let p = first - 1;
            let w = n.token_text(p);
            // (Honorifics that are no titles: "Daw Aung San Suu Kyi",
            // "Syed Ali Shah Geelani", "Tan Sri", "Alhaji Muhammadu
            // Buhari", "Shri Ram Nath Kovind".)
            let honorific = HONORIFICS.contains(&w);
            if gap(text, n, p) == " "
                && !honorific
                && !n.barrier_after(p)
                && n.tokens()[p].flags.contains(TokenFlags::CAPITALIZED)
                && !is_common_word(w)
                && !is_title(w)
                && !crate::variants::is_name_title(w)
                && !is_stopword(w)
                && !is_particle(w)
                && self.matcher.first_named(w) > 0
            {
                return true;
            }
            // "Sheikh Hamdan bin Mohammed bin Rashid Al Maktoum": a name
            // after a given name and "bin" is the father's, inside the
            // son's name ("Mohammed bin Salman" is not King Salman).
            if p > 0
                && (son_of_word(w) || w == "ben")
                && gap(text, n, p) == " "
                && gap(text, n, p - 1) == " "
                && !n.barrier_after(p - 1)
                && n.tokens()[p - 1].flags.contains(TokenFlags::CAPITALIZED)
                && !is_title(n.token_text(p - 1))
                && !is_stopword(n.token_text(p - 1))
            {
                return true;
            }
        }
        let ents = self.matcher.entities();
        // "Kim Chol-ho" is not the listed Kim Chol: a syllable hyphened
        // to the last word of a name whose family name comes first makes a
        // longer given name ("Kim Jong-un-led" is no syllable).
        let next = last as usize + 1;
        if next < n.tokens().len()
            && gap(text, n, last as usize) == "-"
            && !n.tokens()[next].flags.contains(TokenFlags::CAPITALIZED)
            && group
                .iter()
                .all(|g| ents[g.entity as usize].name_order == Some(NameOrder::FamilyFirst))
            && is_one_syllable(n.token_text(next))
        {
            return true;
        }
        let Some((w, glued)) = self.word_after(text, last) else {
            return false;
        };
        // ("Franklin Roosevelt Hill, 44, of Macon": a common surname after
        // the name is more of it; not a month or a day, "Vladimir Putin
        // May 5".)
        let surname_after = crate::names::is_common_surname(w)
            && !crate::date::MONTHS.contains(&w)
            && !w.ends_with("day");
        let name_word = !((is_common_word(w) && !surname_after)
            || is_title(w)
            || is_stopword(w)
            || n.tokens()[last as usize + 1]
                .flags
                .contains(TokenFlags::DIGIT));
        // (A suffix the listed name has too is its own: "Joseph R. Biden
        // Jr."; another is another generation's: "Gerald R. Ford Sr." is
        // the stepfather of the listed Gerald Ford Jr.)
        let other_generation = is_suffix_word(w)
            && !group.iter().any(|g| {
                ents[g.entity as usize].names().any(|a| {
                    a.name
                        .split([' ', ','])
                        .any(|x| is_suffix_word(x) && fold_name(x) == fold_name(w))
                })
            });
        other_generation
            || glued
                && ((named_after(w)
                    // ("Vladimir Putin Thought Kyiv Would Fall": a verb in
                    // a headline in capitals or title case.)
                    && !(w == "thought"
                        && (headline || title_case_line(text, n, last as usize))))
                    || (name_word && !headline && !is_suffix_word(w)))
    }

    /// The byte where the name written through token `last` ends: past
    /// up to three more capitalized words joined to it by spaces or
    /// hyphens alone ("Salman bin Hamad| Al Khalifa|").
    fn written_name_end(&self, text: &str, last: u32) -> usize {
        let n = &self.norm;
        let t = n.tokens();
        let mut k = last as usize;
        while k + 1 < t.len()
            && k < last as usize + 3
            && !n.barrier_after(k)
            && t[k + 1].flags.contains(TokenFlags::CAPITALIZED)
            && text[t[k].end as usize..t[k + 1].start as usize]
                .chars()
                .all(|c| c == ' ' || c == '-')
        {
            k += 1;
        }
        t[k].end as usize
    }

    /// Chooses who a full name at one span means, among the entities of
    /// `group` (its readings, best first): rules out those the date,
    /// written initials, a title or an occupation exclude, ranks the rest
    /// by how the title, initials and offices fit the document's date, and
    /// sets the confidence. `None` when every reading is ruled out. (A
    /// name that is part of a longer proper name,
    /// [`Resolver::inside_other_name`], never gets here.)
    fn link_full(&self, text: &str, group: &[Cand]) -> Option<Chosen> {
        let first = group.first()?.first;
        let last = group[0].last;
        let ents = self.matcher.entities();
        let persons = group
            .iter()
            .any(|g| ents[g.entity as usize].kind == EntityType::Person);
        let tokens = self.norm.tokens();
        let start = group[0]
            .start
            .map_or(tokens[first as usize].start as usize, |s| s as usize);
        let end = tokens[last as usize].end as usize;
        let before = self.words_before(text, first);
        let appositive = self.appositive(text, last);
        // A title before the name, else one in a clause after it (",
        // who was Vice President", ", the former Belgian prime minister").
        // (Or one a predicate gives, "Adlai E. Stevenson, was Vice
        // President from 1893 to 1897", where it fits a reading: a story's
        // account of a career may name an office the lists do not record,
        // "Putin was prime minister in 1999".)
        let title = title_before(&before)
            .or_else(|| title_after(&appositive))
            .or_else(|| self.list_title_at(first))
            .or_else(|| {
                title_of_predicate(&self.predicate(text, first, last)).filter(|&t| {
                    group.iter().any(|g| {
                        title_rank(Some(t), self.matcher.profile(g.entity), &self.date) <= 1
                    })
                })
            });
        let occupation = self.occupation_before(&before, first, last);
        let profession = before.last().is_some_and(|w| is_profession(w));
        let honorific = before.last().and_then(|w| honorific_gender(w));
        // (An office's title before the name outweighs a description: "King
        // Carl Gustaf, an enthusiastic sailor and driver of fast cars".)
        let private = title_before(&before).is_none_or(|t| t.offices.is_empty())
            && private_person(&self.description(text, last));
        // "a schoolteacher also called Abdul Hamid": a new person
        // introduced, not a public figure.
        // ("The same action named Victor Vekselberg" names a known man:
        // only "a/an … named" introduces one.)
        let introduced = introduces(&self.words_before_max(text, first, 12));
        let written = if text[start..end].contains('.') {
            initials(&text[start..end])
        } else {
            Vec::new()
        };

        // The span opens with initials: they are the given names.
        let given_initials = {
            let mut c = text[start..end].chars();
            c.next().is_some_and(char::is_uppercase) && c.next() == Some('.')
        };
        let lead = if group[0].start.is_none() {
            Self::initial_before(text, start)
        } else {
            None
        };
        let after = self.word_after(text, last);
        let of_country = self.royal_of_country(text, &before, last);
        let name_end = self.written_name_end(text, last);
        if persons && first < last {
            // "the USS Theodore Roosevelt", "the John F. Kennedy" (a ship):
            // an official's full name right after "the" or a ship's word
            // names something called after them, unless it is their
            // administration or era ("the George W. Bush administration").
            let theirs = after.is_some_and(|(w, _)| {
                matches!(
                    w,
                    "administration" | "presidency" | "government" | "campaign" | "era" | "years"
                )
            });
            let ship_or_the = |w: &str| w == "the" || ship_word(w);
            // (Things are named after office-holders: the rule is for
            // persons the lists record terms for.)
            let official = group
                .iter()
                .any(|g| !self.matcher.profile(g.entity).terms.is_empty());
            if official && !theirs && before.last().is_some_and(|w| ship_or_the(w)) {
                return None;
            }
        }
        // (A listed name may open with its title: "the Queen Elizabeth".)
        let titled_span = first < last
            && is_title(self.norm.token_text(first as usize))
            && before.last() == Some(&"the");
        if persons
            && (titled_span || self.named_thing(text, &before, title_before(&before), first, last))
        {
            return None;
        }
        // (Of the listed words: middle names written besides say nothing
        // of how common the name is.)
        // (Nor does another spelling of a common name make it rare.)
        let skip = group[0].inserted;
        let common = self.common_name_skipping(first, last, skip)
            || group
                .iter()
                .any(|g| g.variant > 0 && self.common_name_as(first, last, skip, Some(g)));
        // A common name the story introduces anew further on was someone
        // else's before ([`Resolver::introduced_later`]).
        // (Not one the story describes here itself: "Mike Johnson, the
        // Louisiana Republican who leads the House".)
        let later = (persons && common && title.is_none() && !describes(&appositive))
            .then(|| self.introduced_later(text, first, last))
            .flatten();
        // Of the homonyms, the one the document named last before by more
        // words, these among them in order ("Hafiz Mohammad Saeed …
        // Hafiz Saeed", "Joaquín Guzmán Loera … Joaquín Guzmán").
        let latest = (group.len() > 1)
            .then(|| {
                let words = |f: u32, l: u32| -> Vec<&str> {
                    (f..=l).map(|i| self.norm.token_text(i as usize)).collect()
                };
                let written = words(first, last);
                group
                    .iter()
                    .filter_map(|g| {
                        self.chosen
                            .iter()
                            .filter(|k| {
                                k.c.entity == g.entity
                                    && k.c.last < first
                                    && k.c.last - k.c.first > last - first
                                    && is_subsequence(&written, &words(k.c.first, k.c.last))
                            })
                            .map(|k| (k.c.last, g.entity))
                            .max()
                    })
                    .max()
                    .map(|(_, e)| e)
            })
            .flatten();
        // (rank, cand, reasons); rank: title, initials, leader at the date,
        // in office at the date, ever a leader, a longer name, years from
        // the date, listed whole and named last before; smaller is better.
        let mut kept: Vec<([u8; 8], Cand, Vec<Reason>)> = Vec::new();
        let mut out: Vec<Candidate> = Vec::new();
        let year_then = OnceCell::new();
        for g in group {
            if kept.iter().any(|(_, k, _)| k.entity == g.entity)
                || out.iter().any(|o| o.entity == g.entity)
            {
                continue;
            }
            let e = &ents[g.entity as usize];
            let mut reasons = vec![Reason::FullName];
            // Written initials that differ from the listed ones name
            // someone else, whatever the kind of entity ("John F. Kennedy"
            // is not a listed "John K. Kennedy").
            if matches!(e.kind, EntityType::Vessel)
                && (GEOGRAPHIC.contains(&self.norm.token_text(last as usize))
                    || RANKS.contains(&self.norm.token_text(first as usize)))
                && type_cue(&self.norm, &e.kind, first).is_none()
                && article(&self.norm, first, last).is_none()
                && self.ship_list(first, last).is_none()
            {
                // "Sakhalin Island itself, in Russia's Far East": a ship
                // named after a place (a street: "Liteyny Prospect") is the
                // place without a ship's cue, one named after a person with
                // a rank ("Marshal Zhukov") the person.
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![Reason::Place],
                });
                continue;
            }
            // "Mar azul means blue sea": a vessel's name is written with
            // capitals; a word of it in lower case makes ordinary words.
            // (Not `name_has_lowercase_word`: a syllable after a hyphen,
            // "O Un Chong Nyon-ho", is part of a vessel's name.)
            let lower_word = || {
                (first..=last).any(|i| {
                    let w = self.norm.token_text(i as usize);
                    w.len() >= 3
                        && !is_stopword(w)
                        && self.norm.tokens()[i as usize]
                            .flags
                            .contains(TokenFlags::LOWERCASE)
                })
            };
            if matches!(e.kind, EntityType::Vessel) && first < last && lower_word() {
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![Reason::Generic],
                });
                continue;
            }
            let other_craft = if self.kind_differs(g.entity, &before, &text[end..]) {
                Some(Reason::KindDiffers)
            } else if self.imo_differs(g.entity, &text[end..]) {
                Some(Reason::ImoDiffers)
            } else {
                None
            };
            if let Some(r) = other_craft {
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![r],
                });
                continue;
            }
            if matches!(e.kind, EntityType::Vessel | EntityType::Aircraft) && private {
                // "Aleksandr Sokolov, a retired mathematics teacher": a
                // person, not the ship named like one.
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![Reason::Occupation],
                });
                continue;
            }
            if e.kind != EntityType::Person {
                // Other kinds: the matched name's own initials, as listed.
                let listed = initials(self.matcher.name_text(g.entity, g.name));
                let init = (!written.is_empty() && !listed.is_empty()).then(|| written == listed);
                if init == Some(false) {
                    out.push(Candidate {
                        entity: g.entity,
                        confidence: 0.0,
                        reasons: vec![Reason::InitialsDiffer],
                    });
                } else {
                    if init == Some(true) {
                        reasons.push(Reason::Initials);
                    }
                    // Parties that share a name: the one whose country
                    // the document names ("Ansar Allah" in a story of
                    // Yemen is the Houthis', not Hizballah's).
                    let shared = group.iter().any(|o| o.entity != g.entity);
                    let country = shared && self.country_anywhere(g.entity, true).is_some();
                    if country {
                        reasons.push(Reason::Corroborated);
                    }
                    kept.push((
                        [
                            2,
                            u8::from(init != Some(true)),
                            u8::from(!country),
                            1,
                            1,
                            0,
                            0,
                            // (Not for organizations: "Islamic
                            // Revolutionary Guard Corps" after its Qods
                            // Force is the Corps.)
                            0,
                        ],
                        *g,
                        reasons,
                    ));
                }
                continue;
            }
            // (A nickname written inside the name says nothing of the
            // middle names; one the lists carry for this bearer tells as
            // initials do: `Joaquín "El Chapo" Guzmán`.)
            let nickname = g.inserted > 0
                && quoted_nickname(text, &self.norm, first, first + u32::from(g.inserted));
            let init = if nickname {
                self.nickname_listed(g.entity, first + 1, first + u32::from(g.inserted))
                    .then_some(true)
            } else if g.inserted > 0 {
                self.middle_names_fit(g.entity, first, last, g.inserted)
            } else {
                self.initials_fit(g.entity, &written, lead, given_initials)
            };
            let p = self.matcher.profile(g.entity);
            let mut tr = self.title_rank_at(title, g.entity, text, start, &year_then);
            // A military rank before the name ("Vice Senior General Soe
            // Win") names an officer: not a namesake whose every office
            // is civil (a finance minister).
            if tr >= 2 && serving_rank_before(&before) && civilian_offices_only(e) {
                tr = 3;
            }
            let cues = Cues {
                occupation,
                profession,
                honorific,
                introduced,
                place: false,
                age: age_after(text, end).or_else(|| age_before(text, start)),
                // (After the whole written name: "Salman bin Hamad" of
                // "Sheikh Salman bin Hamad Al Khalifa, who ruled Bahrain
                // from 1942".)
                year: year_of_deed(&text[name_end..]),
                birth: birth_said_after(&text[name_end..]),
                private,
                // ("included another Li Qiang, a village doctor": another
                // bearer of a name the story has named.)
                namesake: namesake_after(&text[end..])
                    || called_before(&text[..start])
                    || another_before(&text[..start], &text[end..], &["another"])
                    || one_bearer_of_many(&text[..start], &text[end..])
                    || self.namesake_in_story(text, g.entity),
                dowager: dowager_after(&text[end..]),
                state: party_state_after(&text[end..]),
                kin: before.last().is_some_and(|w| is_child_word(w)),
                demonym: demonym_before(&before),
            };
            if self.relative_of(text, first, last, g.entity) {
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![Reason::RelativeOf],
                });
                continue;
            }
            if of_country.is_some_and(|k| self.nationality_differs(g.entity, k)) {
                // "King Abdullah of Saudi Arabia" is not Abdullah II of
                // Jordan.
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![Reason::CountryDiffers],
                });
                continue;
            }
            let anew = later.is_some_and(|t| title_rank(Some(t), p, &self.date) <= 1);
            // (One long out of office whom the document has named in full
            // is named again as the elder or "the first" of the name:
            // "Adlai Ewing Stevenson of Illinois, was Vice President … The
            // first Adlai Stevenson later ran".)
            // (Not "the first Adlai Stevenson to win", an ordinal of
            // deeds.)
            let again = || {
                let n = before.len();
                (matches!(before.last(), Some(&("elder" | "older")))
                    || n >= 2
                        && before[n - 2..] == ["the", "first"]
                        && !text[end..].trim_start().starts_with("to "))
                    && self.chosen.iter().any(|k| {
                        k.c.entity == g.entity
                            && k.c.last < first
                            && k.c.first < k.c.last
                            && k.confidence >= DEFAULT_MIN_CONFIDENCE
                    })
            };
            if let Some(r) = self
                .ruled_out(g.entity, &cues, tr, init)
                .filter(|r| !(*r == Reason::LongOutOfOffice && again()))
                .or(anew.then_some(Reason::Namesake))
            {
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![r],
                });
                continue;
            }
            let leader_now = p.held_at(LEADS, &self.date);
            let in_office = p.in_office_at(&self.date);
            // Ever a leader by the date: "three of his predecessors, George
            // Bush, Jimmy Carter" in 1999 is the president of 1989, not
            // the one of 2001. (A leaders' list with no terms: prominent.)
            let leads = p.held_by(LEADS, &self.date)
                || (is_prominent(e) && (p.terms.is_empty() || !p.before_terms(&self.date)));
            match tr {
                0 => reasons.push(Reason::TitleAtDate),
                1 => reasons.push(Reason::TitleEarlier),
                3 => reasons.push(Reason::TitleMismatch),
                _ => {}
            }
            if init == Some(true) {
                reasons.push(if nickname {
                    Reason::Nickname
                } else {
                    Reason::Initials
                });
            }
            if leader_now {
                reasons.push(Reason::LeaderAtDate);
            } else if in_office {
                reasons.push(Reason::InOffice);
            } else if leads {
                reasons.push(Reason::Leader);
            }
            let rank = [
                tr,
                u8::from(init != Some(true)),
                u8::from(!leader_now),
                u8::from(!in_office),
                u8::from(!leads),
                u8::from(self.has_longer_name(g.entity, first, last)),
                p.years_from(&self.date),
                // Of homonyms nothing else tells apart, one the written
                // name is listed for whole (not only part of: "Sergei
                // Ivanov" is an alias of the father's, part of the son's
                // name), then the one the document named last before:
                // "Hafiz Mohammad Saeed … Hafiz Saeed" is he, not Hafiz
                // Saeed Khan, whose name the text leaves as short.
                2 * u8::from(g.kind == MatchKind::PartialName) + u8::from(latest != Some(g.entity)),
            ];
            kept.push((rank, *g, reasons));
        }
        // "His father, George Bush": of namesakes the lists give births
        // for, a parent is the elder, a child the younger, before who
        // held office at the date.
        if kept.len() >= 2 {
            let born = |g: &Cand| self.matcher.profile(g.entity).born;
            if let Some(order) = kin_order(&before, &text[end..]) {
                let births: Vec<i32> = kept.iter().filter_map(|(_, g, _)| born(g)).collect();
                let target = if order > 0 {
                    births.iter().min()
                } else {
                    births.iter().max()
                };
                if let (Some(&target), true) = (target, births.len() >= 2) {
                    if births.iter().filter(|&&b| b == target).count() == 1 {
                        for (rank, g, reasons) in &mut kept {
                            let fits = born(g) == Some(target);
                            // (A title both held, now or before, does not
                            // tell them apart: "His father, George Bush,
                            // the 41st president".)
                            rank[0] = rank[0].min(u8::from(rank[0] > 1) * 2);
                            rank[2..5].fill(u8::from(!fits));
                            if fits {
                                reasons.push(Reason::Relative);
                            }
                        }
                    }
                }
            }
        }
        // Namesakes the lists tell apart by what they record: the one the
        // paragraph describes ("a man born in 1962 who served as the Iran
        // representative of … (KOMID)"), before who held office at the
        // date, after a title and written initials.
        // (Only of namesakes whose written name fits as well: "Boris
        // Rotenberg" is the listed Boris Romanovich, not a son whose longer
        // name it is part of.)
        if persons && kept.len() >= 2 {
            kept.sort_by_key(|(rank, _, _)| *rank);
            let top = (kept[0].1.kind, kept[0].1.variant);
            let ids: Vec<u32> = kept
                .iter()
                .filter(|(_, g, _)| (g.kind, g.variant) == top)
                .map(|(_, g, _)| g.entity)
                .collect();
            let d = (ids.len() >= 2)
                .then(|| self.described(text, start, end, &ids))
                .flatten();
            if let Some(d) = d {
                for (rank, g, reasons) in &mut kept {
                    let fits = g.entity == d;
                    rank[2..5].fill(u8::from(!fits));
                    if fits && !reasons.contains(&Reason::Corroborated) {
                        reasons.push(Reason::Corroborated);
                    }
                }
            }
        }
        kept.sort_by_key(|(rank, _, _)| *rank);
        // A title one homonym fits rules out those it does not.
        if kept.first().is_some_and(|(r, _, _)| r[0] <= 1) {
            while kept.last().is_some_and(|(r, _, _)| r[0] == 3) {
                let (_, g, _) = kept.pop()?;
                out.push(Candidate {
                    entity: g.entity,
                    confidence: 0.0,
                    reasons: vec![Reason::TitleMismatch],
                });
            }
        }
        let mut kept = kept.into_iter();
        let (rank, best, mut reasons) = kept.next()?;
        let person = ents[best.entity as usize].kind == EntityType::Person;
        // Two words of a listed name of four or more ("Miguel Rodríguez"
        // of Miguel Ángel Rodríguez Orejuela) need the document's support
        // (another of the person's names, a linked party, the country):
        // a Portuguese prime minister "Luís Montenegro" is not a listed
        // Luis Ángel Montenegro Espinoza. (Not a monarch's given names:
        // "Carl Gustaf".)
        let shortened = person
            && best.kind == MatchKind::PartialName
            && last == first + 1
            && !self
                .matcher
                .profile(best.entity)
                .offices
                .meets(Offices::MONARCH)
            && self
                .matcher
                .name_text(best.entity, best.name)
                .split([' ', ','])
                .filter(|w| !w.is_empty())
                .count()
                >= 4;
        let mut confidence: f32 =
            if matches!(best.kind, MatchKind::PartialName | MatchKind::MiddleNames) {
                0.85
            } else {
                0.9
            };
        let rest: Vec<([u8; 8], Cand, Vec<Reason>)> = kept.collect();
        let mut tied = false;
        if let Some((second, other, _)) = rest.first() {
            let decided_by = (0..rank.len()).find(|&k| rank[k] != second[k]);
            // (The other one leads only after the date: "George Bush" in
            // 1994 is the father, whose presidency lies behind.)
            let leads_later = || {
                let p = self.matcher.profile(other.entity);
                p.offices.leads() && p.before_terms(&self.date)
            };
            let by: f32 = match decided_by {
                Some(0) | Some(1) => 0.9,
                Some(2) => 0.8,
                Some(3) => 0.7,
                Some(4) if !common || leads_later() => 0.6,
                // The written name is the whole of one homonym's name and
                // only part of the other's ("John Adams", not John Quincy).
                Some(5) => 0.55,
                // Nearer the date: the one whose terms lie closer to it
                // ("George Bush" in 1994 is the father, out of office a
                // year; the son's first term is seven years off).
                Some(6) => 0.6,
                // Named last before in the document, by more words.
                Some(7) if rank[7] / 2 == second[7] / 2 => 0.8,
                // Records of one name and country, in the same kind of
                // office at the date, are one person the lists did not join
                // (no date of birth to merge them by).
                _ if person
                    && rank[3] == 0
                    && rest
                        .iter()
                        .take_while(|(r, _, _)| *r == rank)
                        .all(|(_, o, _)| self.same_person(best.entity, o.entity)) =>
                {
                    reasons.push(Reason::Duplicate);
                    0.6
                }
                // Nothing tells them apart: the first reading stands where
                // the name is rare (often one party on two lists), not
                // where it is common.
                _ => {
                    tied = true;
                    if person && common {
                        0.4
                    } else {
                        0.6
                    }
                }
            };
            confidence = confidence.min(by);
        }
        if tied {
            reasons.push(Reason::Ambiguous);
        }
        if rank[0] == 3 {
            // A title none of the person's listed offices fits: someone
            // else, unless the name is rare and no one else listed bears
            // it (the lists hold a few offices of a career: "Vice Foreign
            // Minister Choe Son-hui" of a CIA list that records her as a
            // member of the State Affairs Commission).
            // (Not someone too young for any office: "the late president
            // Hafez al-Assad" is not his grandson, listed at 18.)
            let young = too_young_for_office(self.matcher.profile(best.entity), &self.date);
            // (The Congress lists hold a member's whole career there: a
            // title of Congress none of its terms fits is someone else's,
            // "Sen. Robert Menendez" of a listed representative.)
            let houses = Offices::SENATOR.union(Offices::REPRESENTATIVE);
            let congress = title
                .is_some_and(|t| !t.offices.is_empty() && houses.union(t.offices) == houses)
                && ents[best.entity as usize]
                    .lists
                    .iter()
                    .any(|l| l == "official:us-congress");
            // (Nor a common name whose written initials are this
            // person's alone: "Gov. George W. Bush", governor before the
            // presidency the lists record.)
            let initials = reasons.contains(&Reason::Initials);
            // (Nor a person the lists saw only before the date, in offices
            // they do not say when he left, where the story names his
            // country: "Prime Minister Mark Brown" of the Cook Islands in
            // 2022, whom the CIA's list of 2019 saw as deputy prime
            // minister, rose since.)
            // (Only terms a list saw running, with no start or end known,
            // and a civilian office of state.)
            let rose = || {
                let p = self.matcher.profile(best.entity);
                let day = self.date.first_day();
                let civil = Offices::HEAD_OF_STATE
                    .union(Offices::HEAD_OF_GOVERNMENT)
                    .union(Offices::DEPUTY_HEAD)
                    .union(Offices::MINISTER);
                title.is_some_and(|t| t.offices.meets(civil))
                    && !p.terms.is_empty()
                    && p.terms.iter().all(|t| {
                        t.to_earliest < t.to && t.to != crate::date::Day::MAX && t.to_earliest < day
                    })
                    && self.country_anywhere(best.entity, false).is_some()
            };
            confidence = confidence.min(
                if rest.is_empty() && (!common || initials || rose()) && !young && !congress {
                    0.6
                } else {
                    0.35
                },
            );
        }
        if person {
            if !common {
                reasons.push(Reason::RareName);
            } else if rank[0] <= 1
                || rank[1] == 0
                // (A common name written with middle names the lists
                // leave out is too likely someone else's, "Mehmet Ali
                // Kaya" for a listed Mehmet Kaya: only a title or the
                // middle names tell.)
                || (best.inserted == 0
                    && title.is_some()
                    && self.matcher.profile(best.entity).before_terms(&self.date))
                // (A name the story writes in the plural is many people's:
                // only a title or initials tell which one.)
                // (Nor one an appositive gives a trade: "said Abdul Hamid,
                // a rickshaw parts dealer" is not the president of the day.)
                || (best.inserted == 0
                    && !self.written_in_plural(first, last)
                    && ((rank[2] == 0 && (!occupation_in(&appositive) || past_trade(&appositive)))
                        || (!occupation_in(&appositive)
                            && self.corroborated(best.entity, first, last)))
                    && !self.age_said_later_misfits(text, best.entity, first, last))
            {
                reasons.push(Reason::Corroborated);
            } else {
                reasons.push(Reason::CommonName);
                confidence = confidence.min(0.3);
            }
            if shortened && !self.corroborated(best.entity, first, last) {
                reasons.retain(|r| !matches!(r, Reason::RareName | Reason::Corroborated));
                if !reasons.contains(&Reason::CommonName) {
                    reasons.push(Reason::CommonName);
                }
                confidence = confidence.min(0.3);
            }
        }
        let mut others: Vec<Candidate> = rest
            .into_iter()
            .map(|(r, g, _)| Candidate {
                entity: g.entity,
                confidence: if tied && r == rank { confidence } else { 0.1 },
                reasons: vec![if tied && r == rank {
                    Reason::Ambiguous
                } else {
                    Reason::Outranked
                }],
            })
            .collect();
        others.extend(out);
        Some(Chosen {
            c: best,
            others,
            ev: None,
            confidence,
            reasons,
        })
    }

    /// Whether the name ending at token `last` is hyphened to a number,
    /// a model's designation ("Su-35", "Tu-154"), not a name.
    fn designation(&self, text: &str, last: u32) -> bool {
        let next = last as usize + 1;
        next < self.norm.tokens().len()
            && matches!(gap(text, &self.norm, last as usize), "-" | "–")
            && self
                .norm
                .token_bytes(next)
                .first()
                .is_some_and(u8::is_ascii_digit)
    }

    /// Whether a person's name ending at token `last`, after the folded
    /// words `before` and the `title` read from them, names something
    /// called after the person: a titled name after "the" ("launched the
    /// Queen Elizabeth"), or before a number ("Queen Elizabeth 2").
    fn named_thing(
        &self,
        text: &str,
        before: &[&str],
        title: Option<Title>,
        first: u32,
        last: u32,
    ) -> bool {
        let toks = self.norm.tokens();
        let next = last as usize + 1;
        // (Not "the Chancellor, Jeremy Hunt": the title must touch the name.)
        let touching = text[..toks[first as usize].start as usize]
            .strip_suffix(' ')
            .is_some_and(|t| t.ends_with(char::is_alphabetic));
        self.designation(text, last)
            || touching
                && title.is_some_and(|t| {
                // (The title read takes in the "the": "the Queen"; "the
                // Cunard liner Queen Elizabeth" is a ship's name.)
                t.words <= 2
                    && !t.past
                    && before.len() > 1
                    && (before[before.len() - 2] == "the" || ship_word(before[before.len() - 2]))
            })
            || (next < toks.len()
                && !self.norm.barrier_after(last as usize)
                && &text[toks[last as usize].end as usize..toks[next].start as usize] == " "
                && self.norm.token_text(next).len() <= 2
                && self
                    .norm
                    .token_text(next)
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                // (Not a share: "gave Netanyahu 50.5 per cent", "Lula 48%".)
                && !quantity_after(&text[toks[next].end as usize..]))
            // "the Sheikh Zayed Grand Mosque", "Kennedy Space Center": a
            // capitalized word, then a noun for a named thing, after it.
            || (next + 1 < toks.len()
                && (next..=next + 1).all(|k| {
                    toks[k].flags.contains(TokenFlags::CAPITALIZED)
                        && !self.norm.barrier_after(k - 1)
                        && gap(text, &self.norm, k - 1) == " "
                })
                && named_after(self.norm.token_text(next + 1))
                && !caps_line(text, &self.norm, next))
    }

    /// Whether the bare surname at token `i` reads as a place or a date
    /// here: before a comma and a US state ("Coolidge, Ariz."); or, for a
    /// place's name, a month's or an ordinary word: after a preposition of
    /// place ("in Washington"), before "D.C." or "state", a month beside a
    /// number or after "in", or a place's name without a verb of speech
    /// where the document uses the word as a place elsewhere. A title
    /// before it or a possessive makes it a person.
    fn place_here(&self, text: &str, i: u32, title: bool) -> bool {
        let n = &self.norm;
        let w = n.token_text(i as usize);
        let month = is_month(w);
        let place = is_place(w);
        if title {
            return false;
        }
        let end = n.tokens()[i as usize].end as usize;
        // "Jackson, Miss.", "Coolidge, Ariz.", "Lincoln, Nebraska": a
        // place, whatever the word.
        let next = i as usize + 1;
        if next < n.tokens().len()
            && !n.barrier_after(i as usize)
            && text[end..n.tokens()[next].start as usize].trim() == ","
            // (Capitalized: "Maduro, in a televised address" is no
            // "Jackson, IN".)
            && n.tokens()[next].flags.contains(TokenFlags::CAPITALIZED)
            && state_after(n.token_text(next))
        {
            return true;
        }
        // "WASHINGTON, Jan. 20 (Wire) -", "CLEVELAND, Oct. 29": a word
        // opening a line before a comma and a month is a dateline's place.
        let start = n.tokens()[i as usize].start as usize;
        if next < n.tokens().len()
            && text[..start]
                .rsplit('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty())
            && text[end..n.tokens()[next].start as usize].trim() == ","
            && crate::date::month(
                &text[n.tokens()[next].start as usize..n.tokens()[next].end as usize],
            )
            .is_some()
        {
            return true;
        }
        // "controls much of Masisi and Rutshuru": a bare word after a
        // share of land and "of" is a place, known or not (not a
        // possessive: "much of Biden's plan").
        // (The text before read first: this runs for every bare surname.)
        if text[..start].ends_with(" of ")
            && matches!(
                self.words_before_max(text, i, 2)[..],
                [
                    ..,
                    "much" | "most" | "parts" | "rest" | "swathes" | "swaths",
                    "of"
                ]
            )
            && !text[end..].starts_with(['\'', '\u{2019}'])
        {
            return true;
        }
        if !(month || place || is_common_word(w)) {
            return false;
        }
        let possessive = possessive_at(&text[end..]);
        let after = self.word_after(text, i).map(|(a, _)| a);
        if possessive {
            return false;
        }
        let before = self.words_before(text, i);
        let prev = before.last().copied();
        // "Officials in Washington said": the place word comes first.
        if prev.is_some_and(place_preposition) {
            return true;
        }
        if after.is_some_and(speech_after) {
            return false;
        }
        if matches!(after, Some("d.c" | "dc" | "d.c." | "state" | "county")) {
            return true;
        }
        if month {
            let next_digit = (i as usize + 1) < n.tokens().len()
                && n.tokens()[i as usize + 1].flags.contains(TokenFlags::DIGIT);
            return next_digit
                || prev.is_some_and(|p| {
                    matches!(
                        p,
                        "of" | "early"
                            | "late"
                            | "mid"
                            | "last"
                            | "next"
                            | "this"
                            | "since"
                            | "until"
                            | "by"
                            | "during"
                            | "from"
                            | "through"
                    )
                });
        }
        // "party men from Cleveland and Cincinnati": joined to a town
        // that names no one.
        if place && self.joined_to_town(text, i as usize) {
            return true;
        }
        // "moved across the border into Cameroon and Chad": a country's
        // name joined to another country's is a country, whoever bears it.
        // (A country's name is a place's: the cheap test first.)
        if place && country_of(w).is_some() {
            let country = |k: usize| {
                n.tokens()[k].flags.contains(TokenFlags::CAPITALIZED)
                    && country_of(n.token_text(k)).is_some()
            };
            let (before, after) = self.joined_to(text, i as usize);
            if before.is_some_and(country) || after.is_some_and(country) {
                return true;
            }
        }
        if place {
            // Does the document use the word as a place anywhere? One pass
            // over its uses, each looked at for the word before it: "in",
            // "near", "outside"; "to", "from" or "at" before a capital
            // ("a warning to Washington") or after a word of travel ("flew
            // to Lincoln"): people are spoken to, heard from and lost to.
            let stream = n.stream_bytes();
            let t = n.tokens()[i as usize];
            let needle = &stream[t.norm_start as usize - 1..=t.norm_end as usize];
            // (Once per word: the answer is the document's.)
            if let Some(&known) = self.memo.place_words.borrow().get(needle) {
                return known;
            }
            let used = memchr::memmem::find_iter(stream, needle)
                .filter_map(|at| n.token_at(at + 1))
                .any(|k| {
                    k > 0
                        && !n.barrier_after(k - 1)
                        && text[n.tokens()[k - 1].end as usize..n.tokens()[k].start as usize]
                            .trim()
                            .is_empty()
                        && match n.token_text(k - 1) {
                            "in" | "near" | "outside" => true,
                            "to" | "from" | "at" => {
                                is_capital(n.token_text(k))
                                    || (k > 1
                                        && !n.barrier_after(k - 2)
                                        && travel_word(n.token_text(k - 2)))
                            }
                            _ => false,
                        }
                });
            self.memo
                .place_words
                .borrow_mut()
                .insert(needle.to_vec(), used);
            return used;
        }
        false
    }

    /// Whether the word at token `i` is joined by "and", "or" or a comma
    /// to a known place that is no one's name ("Cleveland and
    /// Cincinnati", "Omaha, Lincoln and Des Moines"): one of a list of
    /// places.
    fn joined_to_town(&self, text: &str, i: usize) -> bool {
        let n = &self.norm;
        let town = |k: usize| {
            let w = n.token_text(k);
            n.tokens()[k].flags.contains(TokenFlags::CAPITALIZED)
                && is_place(w)
                && !crate::names::is_common_surname(w)
                && !is_given_name(w)
                && self.matcher.persons_named(w) == 0
        };
        let (before, after) = self.joined_to(text, i);
        before.is_some_and(town) || after.is_some_and(town)
    }

    /// The tokens joined to token `i` by a comma, "and" or "or" within one
    /// sentence, before it and after it ("Kerman, Rafsanjan and Mahan":
    /// Rafsanjan is joined to Mahan, Kerman to Rafsanjan).
    fn joined_to(&self, text: &str, i: usize) -> (Option<usize>, Option<usize>) {
        let n = &self.norm;
        let len = n.tokens().len();
        // (The token after `a` that a conjunction, with or without a
        // comma before it, or a comma joins to it.)
        let next = |a: usize| {
            if n.barrier_after(a) {
                None
            } else if a + 2 < len
                && !n.barrier_after(a + 1)
                && matches!(n.token_text(a + 1), "and" | "or")
            {
                Some(a + 2)
            } else if gap(text, n, a).trim() == "," {
                Some(a + 1)
            } else {
                None
            }
        };
        let before = (i.saturating_sub(2)..i).rev().find(|&a| next(a) == Some(i));
        let after = (i + 1 < len).then(|| next(i)).flatten();
        (before, after)
    }

    /// Whether a partial name leaves out names of the listed one, not
    /// only its particles ("Ziad Nakhaleh" leaves out the "Al-" of
    /// "Ziyad Al-Nakhalah"; "Mohamed Salah" leaves out "Abdel-Halim
    /// Hemaida").
    fn names_left_out(&self, c: &Cand) -> bool {
        c.kind == MatchKind::PartialName && {
            let listed = fold_name(self.matcher.name_text(c.entity, c.name));
            let words = listed.split(' ').filter(|w| !is_particle(w)).count();
            words > (c.last - c.first + 1) as usize
        }
    }

    /// Whether a name read in another spelling than the lists' can stand
    /// as a full name: some of its words are written as listed ("Moammar
    /// Qadhafi"), or its entity is a head of state or government, or the
    /// document corroborates it ([`Resolver::corroborated`]: a full
    /// mention, the person's country, a linked party) where it is a
    /// person's name of two words or more or an organization's one-word
    /// name ("Hezbollah"). A name written as listed always stands here.
    fn spelling_stands(&self, c: &Cand) -> bool {
        let e = &self.matcher.entities()[c.entity as usize];
        c.variant == 0
            || u32::from(c.variant) < c.last - c.first + 1
            || self.leader(c.entity)
            || (e.kind == EntityType::Organization
                && c.first == c.last
                && self.corroborated(c.entity, c.first, c.last))
            // "Qassim Suleimani" for a listed "Qasem Soleimani", every
            // word respelled: where the document names the person's
            // country or a party the lists link to them; a name not
            // common, also where it names the country of the person's
            // sanctions program or birth ("Mohammed Makhlouf", a SYRIA
            // listing born in Latakia, in a story from Damascus).
            // A name with parts left out as well needs more than a
            // country: "Mohamed Salah" in a story of Egypt's footballers is
            // no "Mohammed Abdel-Halim Hemaida Saleh".
            || (e.kind == EntityType::Person
                && c.first < c.last
                && if self.names_left_out(c) {
                    self.named_beside(c.entity, c.first, c.last, true)
                } else {
                    self.corroborated(c.entity, c.first, c.last)
                        || (!self.common_name(c.first, c.last) && self.home_named(c.entity))
                })
    }

    /// Whether the document names the country of a sanctioned person's
    /// program (`SYRIA`, `IRAN-EO13876`) or place of birth (its last part:
    /// "Latakia, Syria"), or its capital or demonym.
    fn home_named(&self, e: u32) -> bool {
        let ent = &self.matcher.entities()[e as usize];
        let mut values: Vec<&str> = ent
            .lists
            .iter()
            .filter_map(|l| program_country(l))
            .collect();
        values.extend(ent.birth_country());
        !values.is_empty()
            && self
                .cue_named(&values, 0..self.norm.stream_bytes().len(), true)
                .is_some()
    }

    /// Whether entity `e` is a head of state or government: on a leaders'
    /// list ([`is_prominent`]) or by a role the lists record.
    fn leader(&self, e: u32) -> bool {
        is_prominent(&self.matcher.entities()[e as usize])
            || self.matcher.profile(e).offices.meets(LEADS)
    }

    fn choose_full(&mut self, text: &str) {
        self.chosen.clear();
        self.ruled_full.clear();
        self.covered.clear();
        self.covered.resize(self.norm.tokens().len(), false);
        self.ships.clear();
        let mut i = 0;
        let mut free_from = 0u32;
        while i < self.cands.len() {
            let c = self.cands[i];
            if c.needs_evidence() || c.first < free_from {
                i += 1;
                continue;
            }
            // Same span, other entities: candidates; one whose listed
            // initials agree with the text's is preferred, one whose
            // initials differ is dropped.
            let mut j = i + 1;
            while j < self.cands.len()
                && self.cands[j].first == c.first
                && self.cands[j].last == c.last
            {
                j += 1;
            }
            let mut group: Vec<Cand> = self.cands[i..j]
                .iter()
                .filter(|o| !o.needs_evidence() && self.spelling_stands(o))
                .copied()
                .collect();
            // A name as listed outranks the same words respelled ("Sergei
            // Ivanov" is the listed Sergei Ivanov, not a Sergey Ivanov).
            let fewest = group.iter().map(|o| o.variant).min().unwrap_or(0);
            group.retain(|o| o.variant == fewest);
            // Two listed names of one person that share words in the text
            // are one mention of both: Hong Kong's English name, family
            // name and Chinese given name ("Carrie Lam" and "Lam Cheng
            // Yuet-ngor" in "Carrie Lam Cheng Yuet-ngor", "Chris Tang
            // Ping-keung").
            let joined = |g: &Cand| {
                self.cands[j..]
                    .iter()
                    .take_while(|o| o.first <= g.last)
                    .filter(|o| {
                        o.entity == g.entity
                            && o.last > g.last
                            && !o.needs_evidence()
                            && o.variant == 0
                    })
                    .map(|o| o.last)
                    .max()
            };
            if group.iter().any(|g| joined(g).is_some()) {
                group = group
                    .iter()
                    .filter_map(|g| joined(g).map(|last| (g, last)))
                    .map(|(g, last)| Cand { last, ..*g })
                    .collect();
                let last = group.iter().map(|g| g.last).max().unwrap_or(c.last);
                group.retain(|g| g.last == last);
            }
            let ents = self.matcher.entities();
            // A name as listed outranks another's name extended over a
            // legal form ("Melli Bank PLC" is the listed MELLI BANK PLC, not
            // Bank Melli Iran's "MELLI BANK" with a "PLC").
            if group.len() > 1
                && group
                    .iter()
                    .any(|g| ents[g.entity as usize].kind == EntityType::Organization)
            {
                let as_listed = |g: &Cand| {
                    self.hits.iter().any(|h| {
                        (h.first, h.last) == (g.first, g.last)
                            && self
                                .matcher
                                .targets(h.pattern)
                                .iter()
                                .any(|t| t.entity == g.entity && t.variant == Variant::Full)
                    })
                };
                if group.iter().any(as_listed) {
                    group.retain(|g| {
                        ents[g.entity as usize].kind != EntityType::Organization || as_listed(g)
                    });
                }
            }
            // "Melli Bank PLC … Melli Bank": an organization's name without
            // its legal form, once the document has named it with one, is
            // that organization, whatever other listed organization carries
            // the same words as a name of its own ("MELLI BANK" of Bank
            // Melli Iran), unless the document has named that other one by
            // these words already ("Hamas … Al-Aqsa TV [HAMAS TV] … Hamas").
            let named_so = |g: &Cand| {
                self.chosen.iter().any(|k| {
                    k.c.entity == g.entity
                        && span_words(&self.norm, k.c.first, k.c.last)
                            == span_words(&self.norm, g.first, g.last)
                })
            };
            if group
                .iter()
                .all(|g| ents[g.entity as usize].kind == EntityType::Organization && !named_so(g))
            {
                let own = self.cands[i..j].iter().find(|o| {
                    o.kind == MatchKind::Short
                        && !o.org_word
                        && (o.first, o.last) == (group[0].first, group[0].last)
                        && group.iter().all(|g| g.entity != o.entity)
                        && self
                            .chosen
                            .iter()
                            .any(|k| k.c.entity == o.entity && k.c.last < o.first)
                });
                if let Some(own) = own {
                    group = vec![Cand {
                        policy: Policy::Always,
                        ..*own
                    }];
                }
            }
            let persons = group
                .iter()
                .any(|g| self.matcher.entities()[g.entity as usize].kind == EntityType::Person);
            if persons && self.inside_other_name(text, &group) {
                // No mention, and no part of it is one either ("Hun" of
                // "Hun Sen Park").
                let (f, l) = (group[0].first as usize, group[0].last as usize);
                self.covered[f..=l].fill(true);
            } else if let Some(ch) = self.link_full(text, &group) {
                free_from = ch.c.last + 1;
                self.choose(ch);
            } else if persons {
                // ("The Rev. Mike Johnson": not the congressman, nor is
                // his "Johnson".)
                let spans = group.iter().map(|g| (g.first, g.last, g.entity));
                self.ruled_full.extend(spans);
            }
            i = j;
        }
    }

    /// Whether the document shows a bearer of surname candidate `c`'s word
    /// whom the lists do not hold: the word after a title that rules out
    /// every listed bearer ("King Hussein" for Saddam Hussein), among the
    /// `titled` uses ([`Resolver::titled_tokens`]).
    fn other_bearer(&self, text: &str, c: &Cand, titled: &mut TitledUses) -> bool {
        let word = self.norm.token_bytes(c.first as usize);
        let Some(&g) = titled.by_word.get(word) else {
            return false;
        };
        // (Once per word and entity: which uses name someone else does
        // not depend on where the candidate stands.)
        let uses = &titled.groups[g];
        let (count, at) = *titled.others.entry((g, c.entity)).or_insert_with(|| {
            let mut found = (0u8, 0u32);
            for &k in uses {
                if self.titled_other(text, k, c.entity) {
                    if found.0 == 0 {
                        found.1 = k;
                    }
                    found.0 += 1;
                    if found.0 == 2 {
                        break;
                    }
                }
            }
            found
        });
        count >= 2 || (count == 1 && at != c.first)
    }

    /// Whether the title before token `k` rules out entity `e` and every
    /// entity read at `k` alone.
    fn titled_other(&self, text: &str, k: u32, e: u32) -> bool {
        title_before(&self.words_before(text, k)).is_some_and(|t| {
            let fits = |e: u32| title_rank(Some(t), self.matcher.profile(e), &self.date) < 3;
            // (The readings are in order of their first token.)
            let at = self.cands.partition_point(|o| o.first < k);
            !fits(e)
                && !self.cands[at..]
                    .iter()
                    .take_while(|o| o.first == k)
                    .any(|o| o.last == k && fits(o.entity))
        })
    }

    /// The capitalized tokens written right after a title word ("King
    /// Hussein"), with only spaces or an abbreviation's dot between ("the
    /// vice-president, Eisenhower revealed" is no title of Eisenhower's):
    /// where [`Resolver::other_bearer`] looks, found in one pass.
    fn titled_tokens(&self, text: &str) -> Vec<u32> {
        let n = &self.norm;
        let tokens = n.tokens();
        (1..tokens.len())
            .filter(|&k| {
                tokens[k].flags.contains(TokenFlags::CAPITALIZED)
                    && !n.barrier_after(k - 1)
                    && text[tokens[k - 1].end as usize..tokens[k].start as usize]
                        .chars()
                        .all(|ch| ch.is_whitespace() || ch == '.')
                    && is_title(n.token_text(k - 1))
            })
            .map(|k| k as u32)
            .collect()
    }

    /// Whether token `i` is in the headline: before [`Resolver::body_start`].
    fn in_headline(&self, text: &str, i: u32) -> bool {
        (self.norm.tokens()[i as usize].start as usize) < self.body_start(text)
    }

    /// Where the body of a text with a headline starts (0 for a text of
    /// one line, which is all body).
    fn body_start(&self, text: &str) -> usize {
        match self.first_line_end(text) {
            end if end < text.len() => end + 1,
            _ => 0,
        }
    }

    /// Where the first line of `text` ends (its first line break, or the
    /// end of a text of one line): the headline, where the text has one;
    /// found once per document.
    fn first_line_end(&self, text: &str) -> usize {
        *self
            .memo
            .body_from
            .get_or_init(|| text.find('\n').unwrap_or(text.len()))
    }

    /// The title of a later introduction of the name of tokens
    /// `first..=last`, where the story has used the name in its body
    /// before: the same words further on, after an office's title and
    /// before a description ("Representative Adam Smith, a Democrat from
    /// Washington state" after "Adam Smith was born in Kirkcaldy"). The
    /// press introduces a person at the first mention, so the earlier
    /// uses were someone else. (A use in the headline alone is the
    /// introduced person's; the first titled use ends the search, as
    /// later ones follow it; found once per name and document.)
    fn introduced_later(&self, text: &str, first: u32, last: u32) -> Option<Title> {
        let n = &self.norm;
        let toks = n.tokens();
        let len = last - first;
        let key = span_words(n, first, last);
        // (Once per name and document: where its first titled use is,
        // and the title where that use introduces it after a use in the
        // body. Every use of the name before it was someone else's.)
        if let Some(&known) = self.memo.intros.borrow().get(&key) {
            return known.filter(|&(at, _)| first < at).map(|(_, t)| t);
        }
        let body = self.first_line_end(text);
        let in_body =
            |f: u32| toks[f as usize].start as usize > body && !caps_line(text, n, f as usize);
        let same = |f: u32| {
            (0..=len)
                .all(|k| n.token_bytes((f + k) as usize) == n.token_bytes((first + k) as usize))
        };
        let mut body_use = false;
        let mut seen: Option<u32> = None;
        let mut found = None;
        for o in &self.cands {
            if seen.is_some_and(|s| o.first <= s) || o.last - o.first != len || !same(o.first) {
                continue;
            }
            seen = Some(o.first);
            if let Some(t) = title_before(&self.words_before(text, o.first)) {
                let described = describes(&self.appositive(text, o.last));
                if body_use && described && !t.offices.is_empty() {
                    found = Some((o.first, t));
                }
                break;
            }
            body_use |= in_body(o.first);
        }
        self.memo.intros.borrow_mut().insert(key, found);
        found.filter(|&(at, _)| first < at).map(|(_, t)| t)
    }

    /// Whether given-name candidate `g`'s word names something else in
    /// the document: a full mention of another person ending in it (a
    /// family name) or of an organization opening with it, before `g`
    /// (a given name alone refers back: "Sheikh Khalifa bin Zayed …
    /// Sheikh Khalifa … King Hamad bin Isa Al Khalifa"), or anywhere when
    /// `g` is in the headline (`ahead`), which names before the story does.
    fn given_name_taken(&self, g: &Cand, ahead: bool) -> bool {
        let n = &self.norm;
        let word = n.token_bytes(g.first as usize);
        let ents = self.matcher.entities();
        self.chosen.iter().any(|k| {
            let c = &k.c;
            let org = ents[c.entity as usize].kind == EntityType::Organization;
            // (Not a father's name: "Mohammed bin Salman".)
            let family = || {
                c.first < c.last
                    && n.token_bytes(c.last as usize) == word
                    && !son_of_word(n.token_text(c.last as usize - 1))
            };
            c.entity != g.entity
                && !c.kind.is_short()
                && (ahead || c.last < g.first)
                && if org {
                    n.token_bytes(c.first as usize) == word
                } else {
                    family()
                }
        })
    }

    /// Whether the person named by tokens `first..=last` is said to be
    /// dead: "the late" (or "his late" …) within four words before the
    /// name, or "the late" just after it ("his late father, Burkhan Usmanov"; "Anisa Makhlouf, the late
    /// wife of …").
    fn late(&self, text: &str, first: u32, last: u32) -> bool {
        let n = &self.norm;
        // ("the late", "his late father": not "Late Monday, Boris …".)
        let before = self.words_before_max(text, first, 4);
        let late = before
            .windows(2)
            .any(|w| matches!(w[0], "the" | "his" | "her" | "their" | "its") && w[1] == "late");
        let after = (last as usize + 1..n.tokens().len())
            .take(2)
            .take_while(|&i| !n.barrier_after(i - 1))
            .map(|i| n.token_text(i));
        late || after.eq(["the", "late"])
    }

    /// Whether short-form candidate `c` is, by the words around it, not a
    /// mention of its entity at all: a modifier ("the Rotenberg family", "a
    /// Kim family restaurant", "the Guzmán sons"), a word in quotation marks ("the letters
    /// "Aven""), or, for a surname, the surname of another person the
    /// document named last ("the tennis player Daniil Medvedev … Medvedev").
    fn not_this_bearer(
        &self,
        text: &str,
        c: &Cand,
        titled: bool,
        ix: &ChosenIndex,
        walked: &mut Option<(Vec<(u32, EarlierUse)>, bool)>,
    ) -> bool {
        let n = &self.norm;
        let (start, end) = (
            n.tokens()[c.first as usize].start as usize,
            n.tokens()[c.last as usize].end as usize,
        );
        // (Not a possessive: "Saddam's sons" names Saddam.)
        let possessive = text[end..].starts_with(['\'', '’']);
        if c.kind.is_short() && !possessive && head_noun_after(n, c.last) {
            return true;
        }
        // "The Binladin name still means concrete", "streets that bore the
        // Assad name": a family's name itself, not one bearer (a firm's,
        // "the VTB name", is the firm still).
        if c.kind == MatchKind::Surname
            && (c.last as usize + 1) < n.tokens().len()
            && !n.barrier_after(c.last as usize)
            && gap(text, n, c.last as usize) == " "
            && n.token_text(c.last as usize + 1) == "name"
        {
            return true;
        }
        if c.kind.is_short() && quoted_alone(text, start, end) {
            return true;
        }
        // "Johnson & Johnson", "Marks & Spencer": a word joined to another
        // capitalized word by an ampersand is a firm's name.
        if c.kind.is_short() && ampersand_name(text, n, c.first, c.last) {
            return true;
        }
        // "minding the store", "THE MAY QUEEN": an ordinary word after "the"
        // is that word, not a person's surname, unless what follows makes
        // it the person's ("the Bush administration", "the Bush's").
        if c.kind == MatchKind::Surname
            && c.first == c.last
            && !titled
            && !possessive
            && is_common_word(n.token_text(c.first as usize))
            && c.first > 0
            && !n.barrier_after(c.first as usize - 1)
            && n.token_text(c.first as usize - 1) == "the"
            && !regime_word_after(n, c.last)
        {
            return true;
        }
        // A title that fits this person ("President Eisenhower" after "Dr.
        // Milton S. Eisenhower") says who is meant whoever came before.
        if titled || c.kind != MatchKind::Surname || c.first != c.last {
            return false;
        }
        // A sentence that names a party the lists link to this bearer says
        // it is this one, whoever of the name came before ("Ali
        // Soleimani, a carpet dealer, … Soleimani, 62, had commanded the
        // Quds Force").
        if self.linked_in_sentence(c) {
            return false;
        }
        // The earlier uses of the same word outside any mention, nearest
        // first: the first preceded by another capitalized name word is
        // another person's full name, and a bare surname between refers to
        // that person too ("Rafer Johnson … Johnson, 25, … Johnson said"),
        // unless a mention of the entity came after it or a titled use
        // ("Mrs. Hoover") came between; a titled use whose title rules the
        // entity out is that other person.
        // (The walk is the same for every bearer of the word: taken once
        // per token, `walked`, and read for each; so is whether the
        // mention sets its person against another bearer.)
        let (walked, contrasted_here) = walked.get_or_insert_with(|| {
            (
                self.earlier_uses_walked(text, c.first),
                self.contrasted(text, c.first),
            )
        });
        let contrasted_here = *contrasted_here;
        for &(p, says) in walked.iter() {
            // (A mention that sets the entity against another bearer,
            // "his only son, Bongbong Marcos", "the younger Marcos", leaves
            // a plain surname after it to the one the story is about; one
            // of whom something is named, any surname.)
            if ix.mentioned_between(c.entity, p, c.first, |f| {
                !self.named_for(text, f) && (contrasted_here || !self.set_in_family(text, f))
            }) {
                return false;
            }
            match says {
                EarlierUse::Other => return true,
                // (Within the paragraph: a story of Korea names many Kims in
                // passing, and a bare "Kim" paragraphs later is again the
                // one it is about.)
                // (One the story addresses alike, "The Prime Minister, Mr
                // Lee Kuan Yew … Mr Lee said", paragraphs on too; not a
                // relative named so, "his father, Mr Lee Kuan Yew".)
                EarlierUse::FamilyFirst => {
                    let t = n.tokens();
                    let addressed = |k: u32| {
                        k > 0
                            && !n.barrier_after(k as usize - 1)
                            && honorific_gender(n.token_text(k as usize - 1)).is_some()
                    };
                    if self.matcher.entities()[c.entity as usize].name_order
                        == Some(NameOrder::FamilyFirst)
                        && (!paragraph_break(&text[t[p as usize].end as usize..start])
                            || addressed(p)
                                && addressed(c.first)
                                && !self.named_as_relative(text, p))
                    {
                        return true;
                    }
                }
                // A use after a title ("Mrs. Hoover", "President Johnson")
                // names someone afresh: the chain ends there, with that
                // person, who is someone else where the title rules this
                // entity out ("King Hussein … Hussein" is not Saddam).
                EarlierUse::Title(t) => {
                    return title_rank(Some(t), self.matcher.profile(c.entity), &self.date) == 3
                }
                EarlierUse::TitleWord => return false,
                EarlierUse::Bare => {}
            }
        }
        false
    }

    /// Whether the sentence of candidate `c` holds a chosen mention of a
    /// party the lists link to `c`'s entity.
    fn linked_in_sentence(&self, c: &Cand) -> bool {
        let links = self.matcher.links(c.entity);
        if links.is_empty() {
            return false;
        }
        let toks = self.norm.tokens();
        let opens = |i: usize| toks[i].flags.contains(TokenFlags::SENTENCE_START);
        let mut from = c.first as usize;
        while from > 0 && !opens(from) {
            from -= 1;
        }
        let mut to = c.last as usize + 1;
        while to < toks.len() && !opens(to) {
            to += 1;
        }
        self.chosen
            .iter()
            .any(|k| (from..to).contains(&(k.c.first as usize)) && links.contains(&k.c.entity))
    }

    /// Whether the word before short candidate `c` is a rank or a form of
    /// address ([`rank_word`]: "General", "Sheikh", "Dr.") that the
    /// document put before an earlier mention of `c`'s entity: "Maj. Gen.
    /// Qassim Suleimani … his daughter, Zeinab Suleimani … General
    /// Suleimani's hometown" is the general, whoever of the name came
    /// between.
    fn rank_as_named(&self, text: &str, c: &Cand, before: &[&str]) -> bool {
        let Some(rank) = rank_before(before) else {
            return false;
        };
        self.chosen.iter().any(|k| {
            k.c.entity == c.entity
                && k.c.last < c.first
                && rank_before(&self.words_before_max(text, k.c.first, 2)) == Some(rank)
        })
    }

    /// Whether the rank before surname candidate `c` ([`rank_word`]:
    /// "General Sharif") is one the document writes before a full name of
    /// another bearer of the surname (one or two given names between: "General
    /// Raheel Sharif"), outside any chosen mention of `c`'s entity: the
    /// rank and surname then name that person, listed or not; where the
    /// bearer's people write the family name first, the given names
    /// follow it ("Marshal Kim" after "Marshal Kim Young-chol").
    fn rank_names_another(&self, text: &str, c: &Cand, before: &[&str]) -> bool {
        let Some(rank) = rank_before(before) else {
            return false;
        };
        if c.kind != MatchKind::Surname || c.first != c.last {
            return false;
        }
        let titled = |at: usize| {
            rank_word(self.norm.token_text(at - 1)) == Some(rank)
                && (at < 2 || !is_rank_qualifier(self.norm.token_text(at - 2)))
        };
        let n = &self.norm;
        let toks = n.tokens();
        let word = n.token_bytes(c.first as usize);
        let given = |j: usize| {
            let w = n.token_text(j);
            toks[j].flags.contains(TokenFlags::CAPITALIZED)
                && !is_title(w)
                && rank_word(w).is_none()
        };
        // (Where the bearer's people write the family name first, the
        // given names follow it: "General Kim Young-chol".)
        let family_first =
            self.matcher.entities()[c.entity as usize].name_order == Some(NameOrder::FamilyFirst);
        (1..toks.len()).any(|k| {
            k != c.first as usize
                && n.token_bytes(k) == word
                && (1..=2).any(|g| {
                    // The full name's first and last tokens.
                    let (from, to) = if family_first {
                        (k, k + g)
                    } else {
                        (k.saturating_sub(g), k)
                    };
                    from > 0
                        && to < toks.len()
                        && to - from == g
                        && (from..=to).all(|j| j == k || given(j))
                        // (Given names after the family name are no
                        // ordinary words, "General Kim Says", unless
                        // joined to a syllable: "Young-chol".)
                        && (!family_first
                            || (k + 1..=to).all(|j| {
                                    !is_common_word(n.token_text(j))
                                        || (j + 1 < toks.len() && gap(text, n, j) == "-")
                                        || gap(text, n, j - 1) == "-"
                                }))
                        && (from - 1..to).all(|j| !n.barrier_after(j))
                        && titled(from)
                        && text[toks[from - 1].end as usize..toks[to].start as usize]
                            .chars()
                            .all(|ch| {
                                ch.is_alphabetic()
                                    || ch.is_whitespace()
                                    || ch == '.'
                                    || ch == '-'
                                    || ch == '\''
                            })
                })
                && !self.chosen.iter().any(|m| {
                    m.c.entity == c.entity && m.c.first as usize <= k && k <= m.c.last as usize
                })
        })
    }

    /// Whether the mention starting at token `first` sets its person
    /// against another bearer of the name: named as someone's relative
    /// ("his only son, Bongbong Marcos"), as the younger or elder of two
    /// ("the younger Marcos"), or as the one something is named after
    /// ("Jackson Park, named for President Andrew Jackson").
    fn contrasted(&self, text: &str, first: u32) -> bool {
        self.named_for(text, first) || self.set_in_family(text, first)
    }

    /// The part of [`Resolver::contrasted`] that places the person in a
    /// family: a relative named as such, or the younger or elder of two.
    fn set_in_family(&self, text: &str, first: u32) -> bool {
        let before = self.words_before_max(text, first, 2);
        matches!(before.last(), Some(&("younger" | "elder" | "older")))
            || self.named_as_relative(text, first)
    }

    /// Whether the mention starting at token `first` names the one
    /// something is named after ("named for President Andrew Jackson",
    /// "renamed after Marshal Tito").
    fn named_for(&self, text: &str, first: u32) -> bool {
        let before = self.words_before_max(text, first, 7);
        // (Past a title.)
        let untitled = match title_before(&before) {
            Some(t) => &before[..before.len() - t.words],
            None => &before[..],
        };
        matches!(
            untitled,
            [.., "named" | "called" | "renamed", "for" | "after"]
        )
    }

    /// The earlier uses of the word at token `first` outside any mention,
    /// nearest first, that [`Resolver::not_this_bearer`] walks, each with
    /// what it says whoever the entity: up to the first that settles it
    /// ([`EarlierUse::Bare`] uses before it), at most 32.
    fn earlier_uses_walked(&self, text: &str, first: u32) -> Vec<(u32, EarlierUse)> {
        let n = &self.norm;
        // A word that can be part of a person's name: a given name, or no
        // ordinary word, title, function word or particle.
        let name_word = |w: &str| {
            is_given_name(w)
                || !(is_common_word(w) || is_title(w) || is_stopword(w) || is_particle(w))
        };
        // (Not a name after "the": "the Fedayeen Saddam" is a force
        // named after someone, not a person. Nor someone dead: "his late
        // father, Burkhan Usmanov", "Anisa Makhlouf, the late wife of".)
        let other = |p: u32| {
            p > 0 && {
                let q = p as usize - 1;
                let w = n.token_text(q);
                !n.barrier_after(q)
                    && n.tokens()[q].flags.contains(TokenFlags::CAPITALIZED)
                    && name_word(w)
                    // (In a line in capitals every word is capitalized:
                    // "SON BASHAR PUT ON PATH", with "his son" in the body,
                    // names nobody else.)
                    && !(caps_line(text, n, q) && self.written_lower(n.token_bytes(q)))
                    && !(q > 0 && !n.barrier_after(q - 1) && n.token_text(q - 1) == "the")
                    && {
                        // (The name's first word: "a son of John D.
                        // Rockefeller Jr." is named as a relative before
                        // "John".)
                        let mut f = q;
                        while f > 0
                            && q - f < 3
                            && !n.barrier_after(f - 1)
                            && n.tokens()[f - 1].flags.contains(TokenFlags::CAPITALIZED)
                            && !is_title(n.token_text(f - 1))
                            && !is_stopword(n.token_text(f - 1))
                        {
                            f -= 1;
                        }
                        !self.late(text, f as u32, p)
                            // A relative named as such ("His widow, Akie
                            // Abe") leaves the bare surname to the person
                            // the story is about: the chain goes on past
                            // them.
                            && !self.named_as_relative(text, f as u32)
                    }
            }
        };
        // "Ford Motor Co. said … Ford said it would": the word opening a
        // firm's name ("Motor" or an abbreviated legal form, "Co.",
        // "Corp.", "Inc.", glued after it) names the firm, and a bare use
        // after it the firm too. (Not a written-out "Company": "A Store
        // Company van passed. Store said no." is the man.)
        let firm = |p: u32| {
            let k = p as usize + 1;
            k < n.tokens().len()
                && !n.barrier_after(p as usize)
                && gap(text, n, p as usize) == " "
                && n.tokens()[k].flags.contains(TokenFlags::CAPITALIZED)
                && match n.token_text(k) {
                    "motor" | "motors" => true,
                    "co" | "corp" | "inc" => text[n.tokens()[k].end as usize..].starts_with('.'),
                    _ => false,
                }
        };
        // "Kim Jong-pil … Kim": a capitalized name word right after the
        // use, which no mention holds, is a given name after a family name
        // (read so only for an entity whose family name comes first).
        let family_first = |p: u32| {
            let k = p as usize + 1;
            k < n.tokens().len()
                && !n.barrier_after(p as usize)
                && gap(text, n, p as usize) == " "
                && n.tokens()[k].flags.contains(TokenFlags::CAPITALIZED)
                && !caps_line(text, n, k)
                && {
                    let w = n.token_text(k);
                    name_word(w)
                        // ("Hong Kong" is a place.)
                        && !(is_place(w) || is_region(w) || in_country_name(w))
                }
        };
        let mut walked = Vec::new();
        let mut at = first;
        // (Bounded: each step is a search of the look-back window, a
        // look-up in the index of its words or a walk along the links.)
        for _ in 0..32 {
            let Some(p) = self.earlier_use(at) else {
                break;
            };
            let says = if other(p) || firm(p) {
                EarlierUse::Other
            } else if let Some(t) = title_before(&self.words_before(text, p)) {
                EarlierUse::Title(t)
            } else if p > 0
                && !n.barrier_after(p as usize - 1)
                && is_title(n.token_text(p as usize - 1))
                // ("Ferdinand Marcos … Mr. Marcos, 68": "Mr." names the
                // man named before it again, other titles someone afresh:
                // "Allan Hoover … Mrs. Hoover", "Cmdr. Johnson".)
                && n.token_text(p as usize - 1) != "mr"
            {
                EarlierUse::TitleWord
            } else if family_first(p) {
                EarlierUse::FamilyFirst
            } else {
                EarlierUse::Bare
            };
            walked.push((p, says));
            // (A given name after the use ends the walk only for a family
            // name that comes first.)
            if !matches!(says, EarlierUse::Bare | EarlierUse::FamilyFirst) {
                break;
            }
            at = p;
        }
        walked
    }

    fn choose_short(&mut self, text: &str) {
        // The full mentions, and the short forms as they are chosen,
        // indexed for the look-ups below.
        let mut ix = ChosenIndex::new(&self.chosen, &self.norm, |e| self.leader(e));
        // Found on first need: most documents have no untitled surname
        // before a full mention.
        let mut titled: Option<TitledUses> = None;
        let ents = self.matcher.entities();
        // The words of organizations' readings written in the plural
        // ("the Houthis"), without their "s"; found on first need.
        let mut group_plurals: Option<rustc_hash::FxHashSet<Vec<u8>>> = None;
        // Per surname: where the story names unlisted bearers of it in
        // full, first first (`unlisted_bearers`); found on first need.
        let mut unlisted: Option<UnlistedBearers> = None;
        // (The first of them the story gave a title, per word and title.)
        let mut titled_unlisted: FxHashMap<(Vec<u8>, Offices, bool), Option<u32>> =
            FxHashMap::default();
        let mut i = 0;
        while i < self.cands.len() {
            let c = self.cands[i];
            // (`covered` marks the tokens of every mention chosen.)
            if !c.needs_evidence()
                || self.covered[c.first as usize..=c.last as usize].contains(&true)
            {
                i += 1;
                continue;
            }
            let before = self.words_before(text, c.first);
            let title = title_before(&before);
            let of_country = self.royal_of_country(text, &before, c.last);
            let occupation = self.occupation_before(&before, c.first, c.last);
            let profession = before.last().is_some_and(|w| is_profession(w));
            let honorific = before.last().and_then(|w| honorific_gender(w));
            // "a Kennedy brother-in-law", "a man named Johnson"; not "he
            // named Soleimani's deputy" (a verb).
            // ("More than one Kim in our readership", "another Bush".)
            let generic = (c.kind == MatchKind::Surname
                && before.last().is_some_and(|w| {
                    matches!(
                        *w,
                        "a" | "an" | "another" | "every" | "each" | "any" | "one"
                    )
                }))
                || speaks_of_name(&before)
                || (c.first == c.last
                    && self
                        .word_after(text, c.last)
                        .is_some_and(|(w, _)| is_copula(w) || matches!(w, "and" | "or"))
                    && called_common_after(&self.words_after_max(text, c.last, 10)))
                || introduces(&self.words_before_max(text, c.first, 12));
            // The most recent mention (full or short) of entity `e` before
            // the candidate: who a bare surname refers back to.
            // The speaker named just after a quotation is not someone the
            // quotation names ("'President John F. Kennedy said …,'
            // Kennedy told" is the senator speaking).
            let toks = self.norm.tokens();
            let quoted = quotation_before(text, toks[c.first as usize].start as usize);
            let recent = |e: u32| -> u32 {
                ix.recent(e, c.first, quoted.as_ref(), |f| {
                    toks[f as usize].start as usize
                })
            };
            let cues = Cues {
                occupation,
                profession,
                honorific,
                introduced: generic,
                place: c.kind == MatchKind::Surname
                    && c.first == c.last
                    && self.place_here(text, c.first, title.is_some()),
                // (Not for a bare surname: an age that rules out one bearer
                // would leave another whose birth the lists lack, "said
                // Lee, 68".)
                age: None,
                year: year_of_deed(&text[toks[c.last as usize].end as usize..]),
                birth: birth_said_after(&text[toks[c.last as usize].end as usize..]),
                private: title.is_none_or(|t| t.offices.is_empty())
                    && private_person(&self.description(text, c.last)),
                namesake: namesake_after(&text[toks[c.last as usize].end as usize..])
                    || called_before(&text[..toks[c.first as usize].start as usize])
                    || self.namesake_in_story(text, c.entity),
                dowager: dowager_after(&text[toks[c.last as usize].end as usize..]),
                state: party_state_after(&text[toks[c.last as usize].end as usize..]),
                kin: false,
                demonym: demonym_before(&before),
            };
            // A word whose plural names a listed group the document reads
            // ("the Houthis") is the group's when written alone without a
            // title ("Houthi positions", "Houthi leader"), not one of the
            // family's it is named after (Abdul Malik al-Houthi). (A
            // group named by a person's name and a generic word, "Shor
            // Party", "the Haqqani network", leaves "Shor" to the person.)
            let group_word = title.is_none() && c.first == c.last && {
                let plurals = group_plurals.get_or_insert_with(|| {
                    self.cands
                        .iter()
                        .filter(|o| ents[o.entity as usize].kind == EntityType::Organization)
                        .flat_map(|o| o.first..=o.last)
                        .filter_map(|k| self.norm.token_bytes(k as usize).strip_suffix(b"s"))
                        .map(<[u8]>::to_vec)
                        .collect()
                });
                plurals.contains(self.norm.token_bytes(c.first as usize))
            };
            // "the resort town of Kalkan", "the northern province of
            // Hebei", "the western city of Grodno": a word after a kind of
            // place and "of" is that place, whoever or whatever else the
            // lists name by it.
            // "The airline takes its name from Mahan, a garden town",
            // "named after Tanchon": what something is named after is not
            // the organization the name is short for.
            if c.kind.is_short()
                && ents[c.entity as usize].kind == EntityType::Organization
                && named_from(&before, &text[toks[c.last as usize].end as usize..])
            {
                i += 1;
                continue;
            }
            if c.first == c.last && place_of(&before) {
                i = self.cands[i..]
                    .iter()
                    .position(|o| o.first != c.first || o.last != c.last)
                    .map_or(self.cands.len(), |k| i + k);
                continue;
            }
            let thing = group_word || self.named_thing(text, &before, title, c.first, c.last);
            // "The younger Roosevelt … the elder Roosevelt" where the
            // document names two listed bearers in full, and the lists
            // give their births: one of them,
            // whatever other bearer the text names between ("Eleanor
            // Roosevelt"); with one named, "the younger Biden" after
            // "Hunter Biden" may be the unlisted one.
            // "The younger Maduro", "the elder Bush": of the bearers, the
            // one born last or first.
            // ("The elder President Bush": past a title.)
            let age_word = match title {
                Some(t) => before.len().checked_sub(t.words + 1).map(|k| before[k]),
                None => before.last().copied(),
            };
            // ("The first President Johnson", "the second President
            // Bush": of two bearers of one office, the earlier holder is
            // the elder.)
            let first_holder = title.is_some_and(|t| {
                before[before.len().saturating_sub(t.words)..]
                    .windows(2)
                    .any(|w| w == ["first", "president"])
            });
            let age = age_word
                .and_then(|w| match w {
                    "younger" => Some(-1i64),
                    // (Not "the Navy's second Kennedy-named carrier".)
                    "second" if title.is_some() => Some(-1),
                    "elder" | "older" => Some(1),
                    _ => None,
                })
                .or(first_holder.then_some(1));
            // "Andrew Johnson … the first Johnson had succeeded Abraham
            // Lincoln": an ordinal before an untitled surname orders the
            // bearers of the name, where the story compares two.
            let ordinal = match (title, &before[..]) {
                (None, [.., "the", "first"]) => Some(1),
                (None, [.., "the", "second"]) => Some(-1),
                _ => None,
            }
            // (Not of a word the surname modifies: "the first Bush term"
            // counts terms.)
            .filter(|_| {
                c.first == c.last
                    && !regime_word_after(&self.norm, c.last)
                    && !self
                        .word_after(text, c.last)
                        .is_some_and(|(w, _)| matches!(w, "term" | "terms"))
            });
            let age = age.or(ordinal);
            // (Of the bearers the document names surely: "Gilberto
            // Rodríguez" taken at 0.3 for another listed man's alias is
            // not one of the brothers compared.)
            // (Nor the one something is named after: "Jackson Park, named
            // for President Andrew Jackson … the elder Jackson" compares
            // the family in the story.)
            // (And of those named before it where two are: "Rami
            // Makhlouf … his father, Mohammed Makhlouf … The younger
            // Makhlouf" is Rami, whatever cousin the story names later.)
            let named_surely = |e: u32, before_only: bool| {
                ix.nearest(e, c.first).is_some_and(|x| {
                    x.3 >= self.min_confidence
                        && !self.named_for(text, x.1)
                        && (!before_only || x.2 < c.first)
                })
            };
            let before_only = age.is_some()
                && self.cands[i..]
                    .iter()
                    .take_while(|o| o.first == c.first && o.last == c.last)
                    .filter(|o| {
                        named_surely(o.entity, true)
                            && self.matcher.profile(o.entity).born.is_some()
                    })
                    .count()
                    >= 2;
            let surely_named = |e: u32| named_surely(e, before_only);
            let compares = age.is_some()
                && self.cands[i..]
                    .iter()
                    .take_while(|o| o.first == c.first && o.last == c.last)
                    .filter(|o| {
                        surely_named(o.entity) && self.matcher.profile(o.entity).born.is_some()
                    })
                    .count()
                    >= 2;
            let age = age.filter(|_| compares || ordinal.is_none());
            let mut j = i;
            // (title rank, evidence rank, closeness, cand, evidence,
            // confidence of what it rests on)
            let mut found: Vec<(u8, u8, u32, Cand, TokenEvidence, f32)> = Vec::new();
            let mut out: Vec<Candidate> = Vec::new();
            // (The surname's earlier uses, walked once for all its bearers:
            // nothing is chosen while they are weighed.)
            let mut walked = None;
            let year_then = OnceCell::new();
            while j < self.cands.len()
                && self.cands[j].first == c.first
                && self.cands[j].last == c.last
            {
                let g = self.cands[j];
                j += 1;
                let kind = &ents[g.entity as usize].kind;
                if thing && *kind == EntityType::Person {
                    continue;
                }
                // A given name alone is not this person's where the
                // document names another by it as a family name ("Khalifa
                // bin Salman Al Khalifa … Prince Khalifa" is not Khalifa
                // bin Zayed) or as an organization's first word ("Htoo
                // Group … Htoo"), where other listed persons' names start
                // with it too (`shared_given`).
                let shared_given = g.given_name
                    && self
                        .matcher
                        .first_named(self.norm.token_text(g.first as usize))
                        >= 2;
                if shared_given && self.given_name_taken(&g, self.in_headline(text, g.first)) {
                    continue;
                }
                // A part of a person's full name whose every reading was
                // ruled out is that unlisted person's.
                if *kind == EntityType::Person
                    && self
                        .ruled_full
                        .iter()
                        .any(|&(f, l, _)| f <= g.first && g.last <= l)
                {
                    continue;
                }
                let tr = if *kind == EntityType::Person {
                    let at = self.norm.tokens()[g.first as usize].start as usize;
                    match self.title_rank_at(title, g.entity, text, at, &year_then) {
                        // "Nimba County Senator Prince Yormie Johnson …
                        // Senator Johnson": a title the story gave this
                        // bearer named in full is his in the story, where
                        // the lists record no office of his.
                        2 if title.is_some_and(|t| {
                            self.titled_in_full_before(text, &ix, g.entity, t, c.first)
                        }) && !self.said_whose_after(text, c.last) =>
                        {
                            0
                        }
                        tr => tr,
                    }
                } else {
                    2
                };
                // A surname that is a function word ("To" of Tô Lâm, "Le")
                // is that word unless a title stands before it, and in a
                // line in capitals always ("RAISI NAMES EX-MINISTER TO
                // HEAD AGENCY").
                if g.kind == MatchKind::Surname
                    && g.first == g.last
                    && (title.is_none() || caps_line(text, &self.norm, g.first as usize))
                    && is_stopword(self.norm.token_text(g.first as usize))
                {
                    continue;
                }
                // A surname that is an English word the story also writes
                // in lower case is that word where only the start of a
                // sentence or a line in capitals capitalizes it ("COTTON
                // GROWERS FEEL THE PINCH … Cotton futures have fallen"),
                // before the story names the person in full, unless a verb
                // of speech follows ("Cotton said") or the person leads
                // the country at the date ("MAY SEEKS DELAY").
                if g.kind == MatchKind::Surname
                    && g.first == g.last
                    && title.is_none()
                    && !ix.named_before(g.entity, g.first)
                    && !self.matcher.profile(g.entity).held_by(LEADS, &self.date)
                {
                    let at = g.first as usize;
                    let word = self.norm.token_text(at);
                    // (A dateline's dash opens the story's first sentence:
                    // "LITTLE ROCK, Ark. (AP) - Cotton is coming".)
                    let dash = at > 0 && {
                        let g = gap(text, &self.norm, at - 1);
                        g.contains(" - ") || g.contains(['—', '–'])
                    };
                    let opens = toks[at].flags.contains(TokenFlags::SENTENCE_START)
                        || dash
                        || caps_line(text, &self.norm, at);
                    let speaks = at + 1 < toks.len()
                        && !self.norm.barrier_after(at)
                        && speech_after(self.norm.token_text(at + 1));
                    if opens
                        && !speaks
                        && is_common_word(word)
                        && self.written_lower(word.as_bytes())
                    {
                        continue;
                    }
                }
                // "General Sharif" after "General Raheel Sharif": the
                // rank and surname name the one the document gave that
                // rank in full, unless it gave this bearer the rank.
                if g.needs_evidence()
                    && self.rank_names_another(text, &g, &before)
                    && !self.rank_as_named(text, &g, &before)
                {
                    continue;
                }
                if !g.needs_evidence()
                    || self.not_this_bearer(
                        text,
                        &g,
                        tr <= 1
                            || compares
                            || self.rank_as_named(text, &g, &before)
                            // ("Lawrence J. Smith, a Florida Democrat …
                            // Mr. Smith of New Jersey": the lawmaker of
                            // the state written, whoever came between.)
                            || cues.state.is_some_and(|code| {
                                state_fits(&ents[g.entity as usize], code)
                            })
                            // ("Frank Kennedy, a leaf dealer … the Kennedy
                            // administration": whoever led by then, whatever
                            // namesake came between.)
                            || (c.first == c.last
                                && power_word_after(text, &self.norm, c.last)
                                && self.matcher.profile(g.entity).held_by(LEADS, &self.date)),
                        &ix,
                        &mut walked,
                    )
                {
                    continue;
                }
                if *kind == EntityType::Person {
                    // A short form has no initials to fit, and a title
                    // it does not fit rules it out. An untitled surname
                    // before the person's first full mention (a headline)
                    // is someone else's too where the document shows
                    // another bearer ("HUSSEIN" over a story of King
                    // Hussein).
                    let named_before = ix.named_before(g.entity, g.first);
                    let other =
                        title.is_none() && g.kind == MatchKind::Surname && !named_before && {
                            let titled = titled.get_or_insert_with(|| {
                                TitledUses::new(self.titled_tokens(text), &self.norm)
                            });
                            self.other_bearer(text, &g, titled)
                        };
                    // (One long out of office whom the document has named
                    // in full is named again as the elder of two: "Adlai
                    // E. Stevenson, was Vice President from 1893 … The
                    // elder Stevenson".)
                    let again = || {
                        named_before
                            && matches!(
                                self.words_before_max(text, g.first, 1).last(),
                                Some(&("elder" | "older"))
                            )
                    };
                    let ruled_out = self
                        .ruled_out(g.entity, &cues, tr, None)
                        .filter(|r| !(*r == Reason::LongOutOfOffice && again()))
                        .or((tr == 3).then_some(Reason::TitleMismatch))
                        .or(of_country
                            .is_some_and(|k| self.nationality_differs(g.entity, k))
                            .then_some(Reason::CountryDiffers))
                        .or(other.then_some(Reason::Ambiguous));
                    if let Some(r) = ruled_out {
                        if !out.iter().any(|o| o.entity == g.entity) {
                            out.push(Candidate {
                                entity: g.entity,
                                confidence: 0.0,
                                reasons: vec![r],
                            });
                        }
                        continue;
                    }
                }
                // "The Panama-flagged tanker Koti" is the ship, not its
                // owner Koti Corp: a word for a ship or an aircraft before
                // an organization's short form.
                // (The word right before the name, and not "carrier" or
                // "cargo", which an airline or a shipper is too: "the
                // Russian carrier Aeroflot".)
                let craft = || {
                    *kind == EntityType::Organization
                        && [EntityType::Vessel, EntityType::Aircraft].iter().any(|k| {
                            type_cue(&self.norm, k, g.first).is_some_and(|cue| {
                                cue + 1 == g.first
                                    && !matches!(
                                        self.norm.token_text(cue as usize),
                                        "carrier" | "carriers" | "cargo"
                                    )
                            })
                        })
                };
                let after = &text[toks[c.last as usize].end as usize..];
                let other_craft = if self.imo_differs(g.entity, after) {
                    Some(Reason::ImoDiffers)
                } else if self.kind_differs(g.entity, &before, after) || craft() {
                    Some(Reason::KindDiffers)
                } else {
                    None
                };
                if let Some(r) = other_craft {
                    if !out.iter().any(|o| o.entity == g.entity) {
                        out.push(Candidate {
                            entity: g.entity,
                            confidence: 0.0,
                            reasons: vec![r],
                        });
                    }
                    continue;
                }
                if g.policy == Policy::Cue {
                    // Only the words around this occurrence count.
                    let ships = || match kind {
                        EntityType::Vessel => self.ship_list(g.first, g.last),
                        _ => None,
                    };
                    let word = self.norm.token_text(g.first as usize);
                    let distinctive = is_distinctive_word(word) && !is_known_proper_noun(word);
                    let own_word = g.first == g.last && distinctive && !is_place(word);
                    if let Some(cue) = type_cue(&self.norm, kind, g.first).or_else(ships) {
                        found.push((tr, 3, 0, g, (EvidenceKind::TypeCue, cue, cue), 0.85));
                    } else if let Some((f, l)) = (*kind == EntityType::Vessel)
                        .then(|| self.renamed_vessel(g.entity, g.name, g.first, g.last))
                        .flatten()
                    {
                        found.push((tr, 3, 0, g, (EvidenceKind::FullMention, f, l), 0.85));
                    } else if let Some((rank, f, l, conf)) =
                        ix.nearest(g.entity, g.first).filter(|_| own_word)
                    {
                        // "the bulk carrier Goodreach (IMO …) … while
                        // Goodreach was discharging": a ship's own word,
                        // once the document has named the ship (before
                        // this pass), is the ship again.
                        found.push((tr, 0, rank, g, (EvidenceKind::FullMention, f, l), conf));
                    } else if let Some(the) = article(&self.norm, g.first, g.last) {
                        // "the Graceful" is a ship where the document is
                        // about it or its owner; "the Justice" is not.
                        let discussed = ix.nearest(g.entity, g.first).is_some()
                            || self
                                .matcher
                                .links(g.entity)
                                .iter()
                                .any(|&o| ix.nearest(o, g.first).is_some());
                        if discussed || distinctive {
                            found.push((tr, 3, 0, g, (EvidenceKind::Article, the, the), 0.7));
                        }
                    }
                    continue;
                }
                if let Some((rank, f, l, conf)) = ix.nearest(g.entity, g.first) {
                    found.push((tr, 0, rank, g, (EvidenceKind::FullMention, f, l), conf));
                    continue;
                }
                let kin = self
                    .kin
                    .iter()
                    .filter(|k| (k.0, k.1) == (g.first, g.entity) && g.given_name)
                    .map(|k| k.2);
                let linked = self
                    .matcher
                    .links(g.entity)
                    .iter()
                    .copied()
                    .chain(kin)
                    .filter_map(|o| ix.nearest(o, g.first))
                    .min_by_key(|x| (x.0, x.1, x.2));
                // A respelled word that is an English proper noun in its
                // own right ("Kurdish" for the listed "Qardash", "Jordan")
                // rests on a full mention of the person only.
                let english = || {
                    g.variant > 0
                        && g.first == g.last
                        && is_known_proper_noun(self.norm.token_text(g.first as usize))
                };
                if let Some((rank, f, l, conf)) = linked.filter(|_| !english()) {
                    found.push((
                        tr,
                        1,
                        rank,
                        g,
                        (EvidenceKind::LinkedMention, f, l),
                        conf.min(0.8),
                    ));
                    continue;
                }
                // A respelled name rests on a full mention or a linked one
                // only.
                if g.variant > 0 {
                    continue;
                }
                // An organization's name of two words or more without its
                // legal form, chosen before, is as good as the full name
                // ("the Technology and Development Group … TDG" for a
                // listed TECHNOLOGY AND DEVELOPMENT GROUP LTD, a.k.a.
                // T.D.G.).
                // (Not a word a listed person bears: "Dawood" of the
                // Dawood Ibrahim Organization is the man.)
                if *kind == EntityType::Organization {
                    let person_word = || {
                        g.first == g.last
                            && self
                                .matcher
                                .persons_named(self.norm.token_text(g.first as usize))
                                > 0
                    };
                    let grounds = ix.long_short_before(g.entity, g.first);
                    if let Some((f, l)) = grounds.filter(|_| !person_word()) {
                        found.push((
                            tr,
                            1,
                            g.first - l,
                            g,
                            (EvidenceKind::FullMention, f, l),
                            0.7,
                        ));
                        continue;
                    }
                }
                // An untitled surname after one that a title named ("King
                // Salman … Salman") is that person again (a title of its
                // own names someone afresh: "Queen Elizabeth").
                if *kind == EntityType::Person && g.kind == MatchKind::Surname && title.is_none() {
                    let titled = last_keyed_before(ix.by_title.get(&g.entity), g.first);
                    if let Some((last, ev)) = titled {
                        found.push((tr, 1, g.first - last, g, ev, 0.75));
                        continue;
                    }
                }
                if *kind == EntityType::Person && g.kind == MatchKind::Surname && tr <= 1 {
                    // A title this person's offices fit names them.
                    let t = c.first - title.map_or(1, |t| t.words as u32);
                    found.push((tr, 2, 0, g, (EvidenceKind::Title, t, c.first - 1), 0.8));
                    continue;
                }
                if *kind == EntityType::Person
                    && g.kind == MatchKind::Surname
                    && !g.given_name
                    && self.matcher.profile(g.entity).held_at(LEADS, &self.date)
                    && !self
                        .matcher
                        .profile(g.entity)
                        .offices
                        .meets(Offices::MONARCH)
                {
                    // The head of state or government of the day is named
                    // by surname alone ("Bush" in 2003); a monarch's given
                    // name ("Elizabeth", "Philippe") needs a title.
                    found.push((tr, 2, 0, g, (EvidenceKind::InOffice, 0, 0), 0.8));
                    continue;
                }
                if g.distinctive {
                    found.push((tr, 2, 1, g, (EvidenceKind::DistinctiveName, 0, 0), 0.75));
                    continue;
                }
                if let Some(cue) = type_cue(&self.norm, kind, g.first) {
                    found.push((tr, 3, 0, g, (EvidenceKind::TypeCue, cue, cue), 0.85));
                    continue;
                }
                // An organization named by ordinary words ("the
                // Revolutionary Guard", "the Fourth Division" of the Syrian
                // Arab Army), written as a proper name, or by an acronym
                // the lists give it after a word for what it is ("the arms
                // exporter KOMID"; not in a line in capitals, nor "the
                // former UKIP leader"), in a story that names its country
                // near it.
                let acronym = || {
                    g.first == g.last
                        && !g.kind.is_short()
                        && !caps_line(text, &self.norm, g.first as usize)
                        && before.last().is_some_and(|w| org_kind_word(w))
                        && {
                            let t = &toks[g.first as usize];
                            text[t.start as usize..t.end as usize]
                                .chars()
                                .filter(|c| c.is_uppercase())
                                .count()
                                >= 2
                        }
                        && !is_common_word(self.norm.token_text(g.first as usize))
                };
                if *kind == EntityType::Organization && (g.first < g.last || acronym()) {
                    let toks = self.norm.tokens();
                    let at = toks[g.first as usize].norm_start as usize;
                    let end = toks[g.last as usize].norm_end as usize;
                    let near = at.saturating_sub(COUNTRY_NEAR)..end + COUNTRY_NEAR;
                    // (Or once so taken, again further on.)
                    let t = self.country_named(g.entity, near, true).or_else(|| {
                        last_keyed_before(ix.by_country.get(&g.entity), g.first).map(|(_, ev)| ev.1)
                    });
                    if let Some(t) = t {
                        found.push((tr, 3, 1, g, (EvidenceKind::Country, t, t), 0.7));
                    }
                }
            }
            // A title that fits first; then who was named last; then the
            // strength of the grounds.
            // ("The elder President Bush": a title both held does not
            // tell them apart; their births do, named or not.)
            let titled_age = age.is_some() && title.is_some();
            let by_age = |e: u32| -> i64 {
                match age {
                    Some(sign) if surely_named(e) || titled_age => self
                        .matcher
                        .profile(e)
                        .born
                        .map_or(i64::MAX / 2, |y| sign * i64::from(y)),
                    Some(_) => i64::MAX / 2,
                    None => 0,
                }
            };
            // "… his son, Kim Jong Il … the younger Kim": the words that
            // first named a bearer as a parent's child or a child's
            // parent say which is younger, before the lists' births
            // (which the lists may not give).
            let kin_rank = |e: u32| -> u8 {
                let Some(sign) = age else { return 0 };
                let spans = ix.full.get(&e).map_or(&[][..], |m| &m.spans[..]);
                let kin = spans
                    .iter()
                    .take_while(|&&(_, l)| l < c.first)
                    .find_map(|&(f, l)| {
                        let after = &text[toks[l as usize].end as usize..];
                        kin_order(&self.words_before_max(text, f, 2), after)
                    });
                match kin {
                    Some(k) if i64::from(k) == sign => 0,
                    None => 1,
                    Some(_) => 2,
                }
            };
            // "Mnangagwa, 81,": an age after a bare surname picks the
            // bearer it fits, where the lists give every bearer's birth
            // (one without would be no less likely).
            let stated_age = (c.first == c.last)
                .then(|| {
                    age_after(text, toks[c.last as usize].end as usize)
                        .or_else(|| age_before(text, toks[c.first as usize].start as usize))
                })
                .flatten();
            let said_age = stated_age
                .filter(|&a| found.iter().all(|f| self.age_fits(f.3.entity, a).is_some()));
            let age_misfit = |e: u32| said_age.is_some_and(|a| self.age_fits(e, a) == Some(false));
            // "The Ortega regime", "Johnson-era projects", "the Maduro
            // government": a surname before such a word names whoever
            // led a state or government by then; so does one whose
            // officers are spoken of ("Gaddafi's former intelligence
            // chief", "Assad's foreign minister").
            let regime = c.first == c.last
                && (power_word_after(text, &self.norm, c.last)
                    || serves_under(&text[toks[c.last as usize].end as usize..]));
            let led = |e: u32| self.matcher.profile(e).held_by(LEADS, &self.date);
            // A bearer the story first names as another's relative ("his
            // brother Raja Salameh", "her son Ovidio") is not the one a
            // bare surname means next: the press calls the relative by
            // the given name or in full.
            let kin_introduced = |e: u32| {
                ix.full
                    .get(&e)
                    .and_then(|m| m.spans.first())
                    .is_some_and(|&(f, _)| self.named_as_relative(text, f))
            };
            let regime = regime && found.iter().any(|f| led(f.3.entity));
            // "Assad's son breaks silence" over a story of "Hafez
            // al-Assad, the eldest son of …": a bearer the story names as
            // someone's child is not the one whose son is spoken of (nor,
            // "Kim's father", one it names as a parent).
            // (Headlines write it without the possessive: "Libyan court
            // sentences Gaddafi son".)
            let after_name = &text[toks[c.last as usize].end as usize..];
            // (After a space, a word in lower case: "Kim Son Gyong" has
            // no son in it.)
            let kin_of = after_possessive(after_name)
                .or_else(|| {
                    after_name
                        .strip_prefix(' ')
                        .filter(|r| r.starts_with(|ch: char| ch.is_lowercase()))
                })
                .and_then(|r| r.split(|ch: char| !ch.is_alphabetic()).next())
                .and_then(|w| {
                    let w = w.to_lowercase();
                    if is_child_word(&w) || matches!(w.as_str(), "sons" | "daughters") {
                        Some(-1i8)
                    } else if is_parent_word(&w) {
                        Some(1)
                    } else {
                        None
                    }
                });
            let other_generation = |e: u32| {
                kin_of.is_some_and(|k| {
                    ix.full.get(&e).is_some_and(|m| {
                        m.spans.iter().any(|&(f, l)| {
                            let after = &text[toks[l as usize].end as usize..];
                            kin_order(&self.words_before_max(text, f, 2), after) == Some(k)
                        })
                    })
                })
            };
            // The bearer the story last called by this word alone keeps it
            // ("Kim said … his father, Kim Jong-il … Kim's younger
            // sister"): the press names the others in full, or titles them
            // ("Premier Li", "Ms. Karadžić").
            let word = self.norm.token_bytes(c.first as usize);
            // (Not a leader of the day, whom quotations and the press
            // may call by the given name, "Bashar is finished"; nor a
            // given name inside a quotation.)
            let given_called = |e: u32| {
                c.first == c.last
                    && !self.matcher.profile(e).held_at(LEADS, &self.date)
                    && ix.given_called_before(&self.norm, e, c.first, word, |k| {
                        open_quotation(text, toks[k as usize].start as usize).is_none()
                    })
            };
            let called = title.is_none().then(|| ix.called(word, c.first));
            let called = called.flatten();
            // "Foreign Minister Katz" beside "Welfare Minister Katz": of
            // bearers a title fits alike, the one whose recorded office has
            // the title's own word.
            let title_words: &[&str] = match title {
                Some(_) => &before[before.len().saturating_sub(3)..],
                None => &[],
            };
            let portfolio = |e: u32| {
                !title_words.is_empty()
                    && (record_words(&ents[e as usize])
                        .iter()
                        .any(|w| title_words.contains(&w.as_str()))
                        || (title
                            .is_some_and(|t| self.titled_in_full_before(text, &ix, e, t, c.first))
                            && !self.said_whose_after(text, c.last)))
            };
            // (Where the story names two bearers or more in full: "Saddam
            // Hussein … left Saddam in power … Hussein" is Saddam still.)
            let mut named_in_full = found
                .iter()
                .filter(|f| f.4 .0 == EvidenceKind::FullMention)
                .map(|f| f.3.entity);
            let kin_named = named_in_full
                .next()
                .is_some_and(|e0| named_in_full.any(|e| e != e0));
            // (Each key once: the age and recency tests read the lists'
            // dates and the chosen mentions.)
            found.sort_by_cached_key(|(tr, r, close, g, ev, _)| {
                (
                    (
                        if titled_age && *tr <= 1 { 0 } else { *tr },
                        !portfolio(g.entity),
                    ),
                    regime && !led(g.entity),
                    (kin_rank(g.entity), by_age(g.entity)),
                    age_misfit(g.entity),
                    // A surname as listed outranks another bearer's
                    // respelled where only a linked party named in full
                    // supports that one ("Biden" is not a listed "Badin").
                    g.variant > 0 && ev.0 == EvidenceKind::LinkedMention,
                    called.is_some_and(|e| e != g.entity),
                    (
                        kin_introduced(g.entity),
                        // "Khamis Gaddafi … Khamis commanded the 32nd
                        // Brigade … Gaddafi said": the press calls a
                        // relative by the given name to set him apart from
                        // the family's principal, whom a bare family name
                        // then means.
                        title.is_none()
                            && ev.0 == EvidenceKind::FullMention
                            && kin_named
                            && given_called(g.entity),
                    ),
                    // An organization's whole name outranks another's
                    // first word ("Sberbank" is Sberbank of Russia, not
                    // its subsidiary Sberbank Europe AG named later).
                    g.org_word,
                    recent(g.entity),
                    *r,
                    *close,
                    g.entity,
                )
            });
            // "J. Edgar Hoover … He was no relation to Herbert Hoover, the
            // 31st President … Mr. Hoover": a bearer the story first names
            // as the one its own is no relation to (or not to be confused
            // with) is not whom an untitled surname means.
            let set_apart = |e: u32| {
                title.is_none()
                    && ix
                        .full
                        .get(&e)
                        .and_then(|m| m.spans.first())
                        .is_some_and(|&(f, _)| {
                            matches!(
                                self.words_before_max(text, f, 4)[..],
                                [.., "no" | "any", "relation", "to" | "of"]
                                    | [.., "not" | "un", "related", "to"]
                                    | [.., "unrelated", "to"]
                                    | [.., "confused", "with"]
                            )
                        })
            };
            let mut taken: Vec<u32> = Vec::new();
            found.retain(|f| {
                let new = !taken.contains(&f.3.entity);
                taken.push(f.3.entity);
                // ("… his son Hafez … the elder Hafez": the story named
                // this bearer as the other one of the two.)
                new && kin_rank(f.3.entity) < 2
                    && !set_apart(f.3.entity)
                    && !other_generation(f.3.entity)
            });
            // "President Assad, 63," in 1994 is not the son then 28, nor
            // another bearer: an age above the chosen bearer's at the date
            // is someone else's, whom the story means.
            // Below it, someone else's too, unless the bearer would be
            // past LIVING_AGE or the sentence dates what it tells to an
            // earlier year ("In 1994 Zarnavi, 28, flew home").
            if found.first().is_some_and(|f| {
                stated_age.is_some_and(|a| {
                    let at = toks[c.first as usize].start as usize;
                    self.age_rules_out(f.3.entity, a, earlier_year_before(text, at, self.date.year))
                })
            }) {
                found.clear();
            }
            // "Lee Kuan Yew … his eldest son, Prime Minister Lee Hsien
            // Loong … The elder Lee": a bearer the story introduced as
            // someone's son or daughter may not be "the elder" of the name,
            // nor one it introduced as a father or mother "the younger",
            // where the lists' births do not compare two listed bearers.
            // "Minister Josephine Teo and Deputy Prime Minister Teo Chee
            // Hean … Mrs Teo": an honorific's sex names a bearer known to
            // be of it before one of unknown sex.
            if let Some(h) = honorific {
                let fits = |f: &(u8, u8, u32, Cand, TokenEvidence, f32)| {
                    self.matcher.profile(f.3.entity).gender == Some(h)
                };
                if found.iter().any(fits) {
                    found.retain(fits);
                }
            }
            // (Then no one: the others found are no better grounded.)
            if let Some(a) = age.filter(|_| !compares && c.first == c.last) {
                if found
                    .iter()
                    .any(|f| self.introduced_as_kin(text, &ix, f.3.entity, c.first, a))
                {
                    found.clear();
                }
            }
            // "Foreign Minister Shintaro Abe … his son and secretary,
            // Shinzo Abe … Abe raised the islands": the bearer a story
            // names first in full is whom its bare surname means; where
            // that one is unlisted, a bare surname without a title or an
            // honorific (or one in the headline) is no listed bearer the
            // story names only after it, or not in full. ("The younger
            // Marcos" singles one out, "Mullah Omar" is titled, and so is
            // "Park, the health minister", by a present office that fits
            // a bearer found.)
            // An office's title before the surname counts the same where
            // no bearer found held that office by the date (nor before
            // it) and the story gave that title to an unlisted bearer it
            // named in full before ("Syrian President Hafez Al Assad …
            // President Assad" in 1994, not his daughter named after him).
            let office_unheld = title
                .filter(|t| !t.offices.is_empty() && !t.past && found.iter().all(|f| f.0 >= 2));
            if (title.is_none() || office_unheld.is_some())
                && honorific.is_none()
                && title_after(&self.appositive(text, c.last)).is_none_or(|t| {
                    t.past
                        || !found.iter().any(|f| {
                            title_rank(Some(t), self.matcher.profile(f.3.entity), &self.date) <= 1
                        })
                })
                && (c.first == c.last
                    // (Or the article and the name: "Al Sharaa".)
                    || (c.first + 1 == c.last
                        && matches!(self.norm.token_text(c.first as usize), "al" | "el")))
                && age.is_none()
                && !before
                    .last()
                    .is_some_and(|w| crate::variants::is_name_title(w))
                && found
                    .first()
                    .is_some_and(|f| ents[f.3.entity as usize].kind == EntityType::Person)
            {
                let w = self.norm.token_bytes(c.last as usize);
                // (Under a title, the first the story gave it, found once
                // per word and title.)
                let at = unlisted
                    .get_or_insert_with(|| self.unlisted_bearers(text))
                    .get(w);
                let u = match office_unheld {
                    None => at.and_then(|at| at.first()).map(|&(u, _)| u),
                    Some(t) => *titled_unlisted
                        .entry((w.to_vec(), t.offices, t.heir))
                        .or_insert_with(|| {
                            at.and_then(|at| {
                                at.iter()
                                    .find(|&&(_, from)| self.unlisted_titled(text, from, t))
                                    .map(|&(u, _)| u)
                            })
                        }),
                }
                .filter(|&u| u < c.first || office_unheld.is_none());
                let headline = self.in_headline(text, c.first);
                // (Not where an age after the surname fits the listed
                // bearer: "the late President Hafez al-Assad … his son,
                // Bashar al-Assad … Assad, 59, had been granted asylum".)
                let at = toks[c.last as usize].end as usize;
                let age_fits = || {
                    age_after(text, at).is_some_and(|a| {
                        let f = found[0].3.entity;
                        self.matcher.profile(f).born.is_some()
                            && !self.age_rules_out(
                                f,
                                a,
                                earlier_year_before(text, at, self.date.year),
                            )
                    })
                };
                if u.is_some_and(|u| {
                    (u < c.first || headline)
                        && found.iter().all(|f| {
                            // (Its first full mention the default
                            // threshold keeps.)
                            ix.full
                                .get(&f.3.entity)
                                .and_then(|m| {
                                    m.spans
                                        .iter()
                                        .zip(&m.confidence)
                                        .find(|(_, &x)| x >= DEFAULT_MIN_CONFIDENCE)
                                })
                                .is_none_or(|(&(f0, _), _)| f0 > u)
                        })
                }) && !age_fits()
                {
                    found.clear();
                }
            }
            if let Some(&(tr, r, close, best, ev, rests_on)) = found.first() {
                // (A title's fit is said by the title reasons below.)
                let mut reasons: Vec<Reason> = match ev.0 {
                    EvidenceKind::FullMention => Some(Reason::FullMention),
                    EvidenceKind::LinkedMention => Some(Reason::LinkedMention),
                    EvidenceKind::DistinctiveName => Some(Reason::Distinctive),
                    EvidenceKind::TypeCue => Some(Reason::TypeCue),
                    EvidenceKind::Article => Some(Reason::Article),
                    EvidenceKind::InOffice => Some(Reason::LeaderAtDate),
                    EvidenceKind::Country => Some(Reason::Corroborated),
                    EvidenceKind::Title => None,
                }
                .into_iter()
                .collect();
                match tr {
                    0 => reasons.push(Reason::TitleAtDate),
                    1 => reasons.push(Reason::TitleEarlier),
                    _ => {}
                }
                let mut confidence = rests_on.min(0.9);
                // Two homonyms resting on the same kind of grounds: the
                // nearest full mention decides, less surely; nothing else
                // tells them apart.
                let tied = found.get(1).is_some_and(|o| {
                    o.0 == tr && o.1 == r && recent(o.3.entity) == recent(best.entity)
                });
                if tied {
                    confidence = confidence.min(0.6);
                    if found[1].2 == close {
                        reasons.push(Reason::Ambiguous);
                    }
                }
                let mut others: Vec<Candidate> = found
                    .iter()
                    .skip(1)
                    .map(|o| Candidate {
                        entity: o.3.entity,
                        confidence: if tied && o.0 == tr && o.1 == r {
                            0.3
                        } else {
                            0.1
                        },
                        reasons: vec![Reason::Outranked],
                    })
                    .collect();
                out.retain(|o| {
                    o.entity != best.entity && !others.iter().any(|k| k.entity == o.entity)
                });
                others.extend(out);
                let ch = Chosen {
                    c: best,
                    others,
                    ev: Some(ev),
                    confidence,
                    reasons,
                };
                // ("The younger Dodik" singles one bearer out once: a
                // bare "Dodik" after it is whoever the story called so
                // before.)
                if age.is_none() && said_age.is_none() {
                    ix.add_short(&ch, &self.norm);
                }
                self.choose(ch);
            }
            i = j;
        }
    }

    /// Acronyms the document introduces: an organization named and
    /// followed by a parenthesized acronym ("Belarusian Potash Company
    /// (BPC)", "Lashkar-e-Taiba (LeT)") is meant by that acronym, written
    /// the same way, wherever else the document uses it. The acronym must
    /// start with the name's first letter and have at least two capitals.
    fn choose_acronyms(&mut self, text: &str) {
        let tokens = self.norm.tokens();
        // (The acronym, the mention it rests on, its tokens, its confidence,
        // and whether it counts only after that mention.)
        let mut found: Vec<(String, Cand, u32, u32, f32, bool)> = Vec::new();
        // (Per initials of an organization: the byte where the text first
        // writes them.)
        let mut first_written: FxHashMap<String, Option<usize>> = FxHashMap::default();
        // (Defined terms: the term, the organization's mention, its
        // confidence, and the byte where the definition ends.)
        let mut terms: Vec<(&str, Cand, f32, usize)> = Vec::new();
        for k in &self.chosen {
            let c = k.c;
            let e = &self.matcher.entities()[c.entity as usize];
            if e.kind == EntityType::Person && !c.kind.is_short() {
                // A person named in full is also named by the initials of
                // any listed name of three to five words, in capitals or
                // with dots: "AMLO" (Andrés Manuel López Obrador), "MBS"
                // (Mohammed bin Salman), "JFK" and "F.D.R." (of John
                // Fitzgerald Kennedy and Franklin Delano Roosevelt, named
                // "John F. Kennedy", "Franklin D. Roosevelt"). Not a
                // suffix's or regnal number's letter, nor initials that
                // spell an English word ("MAN").
                let aliases = e
                    .aliases
                    .iter()
                    .filter(|a| !a.weak)
                    .map(|a| a.name.as_str());
                // (And the name as written: "Mohammed bin Zayed", "MBZ".)
                let span = &text
                    [tokens[c.first as usize].start as usize..tokens[c.last as usize].end as usize];
                for name in std::iter::once(e.name.as_str())
                    .chain(aliases)
                    .chain([span])
                {
                    let acr: String = natural_order(name)
                        .split([' ', '-'])
                        .filter(|w| !w.is_empty() && !w.contains(['.', ',']))
                        .filter(|w| {
                            let f = fold_name(w);
                            !is_suffix(&f) && !is_regnal_number(&f)
                        })
                        .filter_map(|w| w.chars().next())
                        .flat_map(char::to_uppercase)
                        .collect();
                    if (3..=5).contains(&acr.chars().count())
                        && acr.chars().all(|ch| ch.is_ascii_uppercase())
                        && !is_common_word(&acr.to_ascii_lowercase())
                        && !found.iter().any(|f| f.0 == acr)
                    {
                        found.push((acr, c, c.first, c.last, k.confidence, true));
                    }
                }
                continue;
            }
            if e.kind != EntityType::Organization {
                continue;
            }
            // An acronym the lists carry for it ("SCF" of JOINT STOCK
            // COMPANY SOVCOMFLOT, a weak alias alone), written in capitals:
            // three to six letters, no English word ("DELTA").
            for a in e.names().filter(|a| a.weak) {
                let acr = a.name.as_str();
                if (3..=6).contains(&acr.len())
                    && acr.bytes().all(|b| b.is_ascii_uppercase())
                    && !is_common_word(&acr.to_ascii_lowercase())
                    && !found.iter().any(|f| f.0 == acr)
                {
                    found.push((acr.to_string(), c, c.first, c.last, k.confidence, false));
                }
            }
            // An organization named in full is also named, after that
            // mention, by the initials of its name, in capitals: "the
            // Libyan Investment Authority … the LIA", "the Commercial
            // Bank of Syria … known as CBS" (see `org_initials`).
            // (Of a full name as written or listed, in a mention the
            // default threshold keeps; not initials the text writes before
            // it, which stand for something else, nor those of a body known
            // the world over: "the IMF", "CBS". Less sure than initials the
            // text gives in brackets.)
            let span = &text
                [tokens[c.first as usize].start as usize..tokens[c.last as usize].end as usize];
            // (Or of its name of two words or more without the legal
            // form, as written: "Al-Qard Al-Hassan … AQAH".)
            let short = c.kind.is_short();
            if k.confidence >= DEFAULT_MIN_CONFIDENCE && (!short || span.contains(' ')) {
                let start = tokens[c.first as usize].start as usize;
                let listed = (!short).then_some(e.name.as_str());
                for name in std::iter::once(span).chain(listed) {
                    for acr in org_initials(name) {
                        // (Where the text first writes it, searched once
                        // per acronym, not once per mention.)
                        let written_at = *first_written.entry(acr.clone()).or_insert_with(|| {
                            memchr::memmem::find(text.as_bytes(), acr.as_bytes())
                        });
                        if !found.iter().any(|f| f.0 == acr)
                            && !WORLD_ACRONYMS.contains(&acr.as_str())
                            && written_at.is_none_or(|w| w + acr.len() > start)
                        {
                            found.push((acr, c, c.first, c.last, k.confidence.min(0.7), true));
                        }
                    }
                }
            }
            let end = tokens[c.last as usize].end as usize;
            if let Some((term, close)) = introduced_term(&text[end..]) {
                if !terms.iter().any(|x| x.0 == term) {
                    terms.push((term, c, k.confidence, end + close));
                }
            }
            let Some(acr) = introduced_acronym(&text[end..]) else {
                continue;
            };
            let initial = text[tokens[c.first as usize].start as usize..]
                .chars()
                .next()
                .map(|ch| ch.to_ascii_uppercase());
            if acr.chars().next() == initial && !found.iter().any(|f| f.0 == acr) {
                found.push((acr.to_string(), c, c.first, c.last, k.confidence, false));
            }
        }
        if found.is_empty() && terms.is_empty() {
            return;
        }
        let mut add = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if self.covered[i] {
                continue;
            }
            let word = &text[t.start as usize..t.end as usize];
            // "the Bank" after "Banco Nacional de Cuba (hereafter "the
            // Bank")": the term, after "the", past its definition.
            let term = terms.iter().find(|x| {
                x.0 == word
                    && t.start as usize >= x.3
                    && i > 0
                    && self.norm.token_text(i - 1) == "the"
            });
            // The token as a short form of the organization or person
            // `def` names, resting on that mention.
            let short = |def: Cand, f: u32, l: u32, conf: f32, why: Reason| Chosen {
                c: Cand {
                    first: i as u32,
                    last: i as u32,
                    kind: MatchKind::Short,
                    start: None,
                    variant: 0,
                    ..def
                },
                others: Vec::new(),
                ev: Some((EvidenceKind::FullMention, f, l)),
                confidence: conf.min(0.9),
                reasons: vec![why],
            };
            if let Some(&(_, def, conf, _)) = term {
                add.push(short(def, def.first, def.last, conf, Reason::Introduced));
                continue;
            }
            // ("F.D.R." is "FDR".)
            let undotted;
            let word = if word.len() > 2 && word.contains('.') {
                undotted = word.replace('.', "");
                undotted.as_str()
            } else {
                word
            };
            let Some(&(_, def, f, l, conf, after)) = found.iter().find(|x| x.0 == word) else {
                continue;
            };
            // (Initials count only after the full name, or in a headline
            // over it: "WARM SPRINGS REMEMBERS THE DAY F.D.R. DIED".)
            let in_caps = caps_line(text, &self.norm, i);
            // (Or in the first line of a text of more than one.)
            let headline = || in_caps || self.in_headline(text, i as u32);
            if after && (i as u32) < l && !headline() {
                continue;
            }
            // "CBS News" after "Commercial Bank of Syria (CBS)": letters
            // before another capitalized word are part of another name.
            // (Not in a line in capitals, where every word is: "IBK
            // RESIGNS".)
            let next_capitalized = !in_caps
                && tokens.get(i + 1).is_some_and(|n| {
                    !self.norm.barrier_after(i)
                        && &text[t.end as usize..n.start as usize] == " "
                        && text[n.start as usize..]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                });
            if next_capitalized {
                continue;
            }
            add.push(short(def, f, l, conf, Reason::Acronym));
        }
        for ch in add {
            self.choose(ch);
        }
    }

    /// Organizations named by the first word of their own name, where that
    /// word is an ordinary word or a name and the scan has no form for it
    /// ([`crate::variants::lead_words`]): once a document names the
    /// organization in full, the word written again as a proper noun of
    /// its own is the organization ("Mulberry Proje Yatırım A.Ş. …
    /// Mulberry has denied wrongdoing", "China Concord Petroleum Co.,
    /// Limited … China Concord"). Not where the words start several listed
    /// organizations' names ([`Matcher::org_lead_count`]: "Islamic"), where
    /// two organizations named in the document share them, where the
    /// document writes the word in lower case too ("trend"), after "of"
    /// that follows a capitalized word ("Department of Energy"), where the
    /// words are called a town there ("the town of Mahan", "Concord,
    /// N.H.") or the word is a town after a preposition of place or in a
    /// list of places ("hotels in Mahan", "Kerman, Rafsanjan and Mahan":
    /// a known place, or one the document calls a town somewhere), nor
    /// where an ordinary word opens a sentence and no verb or possessive
    /// follows it ("Trend lines show"). Match kind `short`, reason
    /// `full_mention`.
    fn choose_lead_words(&mut self, text: &str) {
        let ents = self.matcher.entities();
        // (Words, the full mention, its confidence; clashing words.)
        let mut found: Vec<(Vec<String>, Cand, f32)> = Vec::new();
        let mut clash: Vec<Vec<String>> = Vec::new();
        for k in &self.chosen {
            let c = k.c;
            if ents[c.entity as usize].kind != EntityType::Organization
                || c.kind == MatchKind::Short
            {
                continue;
            }
            for name in [
                ents[c.entity as usize].name.as_str(),
                self.matcher.name_text(c.entity, c.name),
            ] {
                let Some(words) = crate::variants::lead_words(name) else {
                    continue;
                };
                if self.matcher.org_lead_count(&words.join(" ")) > 2 {
                    continue;
                }
                match found.iter().find(|f| f.0 == words) {
                    Some(f) if f.1.entity != c.entity => clash.push(words),
                    Some(_) => {}
                    None => found.push((words, c, k.confidence)),
                }
            }
        }
        found.retain(|f| !clash.contains(&f.0));
        if found.is_empty() {
            return;
        }
        // (A word the document also writes in lower case is an ordinary
        // word there: "the trend continued".)
        found.retain(|f| f.0.len() > 1 || !self.written_lower(f.0[0].as_bytes()));
        let n = &self.norm;
        let tokens = n.tokens();
        let mut add: Vec<Chosen> = Vec::new();
        // (Whether the document calls each found word a town, once.)
        let mut town: Vec<Option<bool>> = vec![None; found.len()];
        for i in 0..tokens.len() {
            let word = n.token_text(i);
            for (fi, f) in found.iter().enumerate().filter(|(_, f)| f.0[0] == word) {
                let last = i + f.0.len() - 1;
                if last >= tokens.len()
                    || (i..=last).any(|j| self.covered[j])
                    || (last > i
                        && (n.token_text(last) != f.0[1]
                            || n.barrier_after(i)
                            || gap(text, n, i) != " "))
                    || !(i..=last).all(|j| tokens[j].flags.contains(TokenFlags::CAPITALIZED))
                    || !proper_context(text, n, i as u32, last as u32)
                    || quoted_alone(text, tokens[i].start as usize, tokens[last].end as usize)
                {
                    continue;
                }
                // ("flights from Mahan", "the city of Zhuhai", "Concord,
                // N.H.", "Kerman, Rafsanjan and Mahan": a town of that
                // name, where the word is a known place or the document
                // calls it a town somewhere.)
                // (A town the document names, which the list of places
                // lacks, only after a preposition of where something is:
                // "cash from Hydra" is the market's.)
                let after_preposition = |from_to: bool| {
                    i > 0
                        && !n.barrier_after(i - 1)
                        && (place_preposition(n.token_text(i - 1))
                            || from_to && matches!(n.token_text(i - 1), "from" | "to"))
                };
                if self.town_at(text, i, last)
                    || is_place(word)
                        && (after_preposition(true) || self.listed_with_places(text, i))
                    || i == last
                        && (after_preposition(false) || self.listed_with_places(text, i))
                        && *town[fi].get_or_insert_with(|| self.named_town(text, i))
                {
                    continue;
                }
                if i >= 2
                    && !n.barrier_after(i - 1)
                    && !n.barrier_after(i - 2)
                    && named_from(
                        &[n.token_text(i - 2), n.token_text(i - 1)],
                        &text[tokens[last].end as usize..],
                    )
                {
                    continue;
                }
                // ("Department of Energy": more of a longer name.)
                if i >= 2
                    && matches!(n.token_text(i - 1), "of" | "for" | "de" | "del")
                    && !n.barrier_after(i - 2)
                    && tokens[i - 2].flags.contains(TokenFlags::CAPITALIZED)
                {
                    continue;
                }
                // An ordinary word opens a sentence: the organization only
                // as its subject ("Mulberry has denied", "Concord's"). A
                // word that is also a person's or a product's name, before
                // a word in lower case, names what is called after it
                // ("Kalashnikov rifles"), unless as a subject.
                let opens = opens_sentence(n, i);
                let modifies = is_known_proper_noun(n.token_text(last))
                    && tokens
                        .get(last + 1)
                        .is_some_and(|t| t.flags.contains(TokenFlags::LOWERCASE))
                    && gap(text, n, last).trim().is_empty()
                    && !is_stopword(n.token_text(last + 1));
                if ((opens || modifies) && !self.subject_at(text, last))
                    || head_noun_after(n, last as u32)
                {
                    continue;
                }
                add.push(Chosen {
                    c: Cand {
                        first: i as u32,
                        last: last as u32,
                        kind: MatchKind::Short,
                        start: None,
                        variant: 0,
                        ..f.1
                    },
                    others: Vec::new(),
                    ev: Some((EvidenceKind::FullMention, f.1.first, f.1.last)),
                    confidence: f.2.min(0.85),
                    reasons: vec![Reason::FullMention],
                });
                break;
            }
        }
        for ch in add {
            self.choose(ch);
        }
    }

    /// Whether the words at `first..=last` are called a town where they
    /// stand: after "the city of", "the town of" and the like, or before
    /// a comma and a state or country ("Concord, N.H.", "Mahan, Iran").
    fn town_at(&self, text: &str, first: usize, last: usize) -> bool {
        let n = &self.norm;
        place_of(&self.words_before_max(text, first as u32, 2))
            || n.tokens().get(last + 1).is_some_and(|t| {
                t.flags.contains(TokenFlags::CAPITALIZED)
                    && gap(text, n, last).trim() == ","
                    && !is_stopword(n.token_text(last + 1))
                    && (state_after(n.token_text(last + 1))
                        || in_country_name(n.token_text(last + 1)))
            })
    }

    /// Whether the document calls the one word at token `i` a town
    /// anywhere ([`Resolver::town_at`] at one of its occurrences): a town
    /// too small for the list of places, named after its company ("the
    /// town of Mahan" of MAHAN AIR). Reads the whole document: ask once
    /// per word.
    fn named_town(&self, text: &str, i: usize) -> bool {
        let n = &self.norm;
        let word = n.token_text(i);
        (0..n.tokens().len()).any(|j| n.token_text(j) == word && self.town_at(text, j, j))
    }

    /// Whether the word at token `i` closes a list of places ("Kerman,
    /// Rafsanjan and Mahan"): "and", "or" or a comma before it, and a known
    /// place before that.
    fn listed_with_places(&self, text: &str, i: usize) -> bool {
        self.joined_to(text, i)
            .0
            .is_some_and(|k| is_place(self.norm.token_text(k)))
    }

    /// Members of one family by their given names: where a document names
    /// in full two or more listed persons who share a family name, each is
    /// called by the given name the document wrote first in their full
    /// name ("Saadi Gaddafi … Hannibal Gaddafi … his brother Saadi",
    /// "Bashar al-Assad … Maher al-Assad … Bashar"). Each such word,
    /// capitalized and standing alone after that full mention, is read as
    /// the person's short form (match kind `surname`), which then needs its
    /// grounds as any other and gives way to the words around it ("the
    /// elder Hafez", "a son named Hafez"). Not a given name two persons the
    /// document names share, one that is an English word ("Hope"), nor
    /// one of a name that ends in a place ("Abdullah II of Jordan"). A word
    /// whose spelling key is one such given name's only is read as it,
    /// respelled ("Uday Hussein … Odai").
    fn read_given_names(&mut self, text: &str) {
        /// Titles before an Arab royal's or notable's given name.
        const ROYAL_TITLES: &[&str] = &[
            "king", "prince", "princess", "sheikh", "sheikha", "shaikh", "emir", "amir", "sultan",
            "sayyid",
        ];
        let ents = self.matcher.entities();
        let n = &self.norm;
        let tokens = n.tokens();
        // (Given name, family name, the full mention.)
        let mut named: Vec<(&str, &str, Cand)> = Vec::new();
        // A name of the Arab patronymic chain ("Khalifa bin Salman Al
        // Khalifa"): its bearer is called by the given name after a royal
        // or honorific title ("Prince Khalifa", "King Salman", "Sheikh
        // Mohammed"), whether or not a relative is named.
        let chain =
            |c: &Cand| c.first + 1 < c.last && son_of_word(n.token_text(c.first as usize + 1));
        for k in &self.chosen {
            let c = k.c;
            let e = &ents[c.entity as usize];
            if e.kind != EntityType::Person
                || c.kind.is_short()
                || c.last < c.first + 1
                || e.name_order == Some(crate::gazetteer::NameOrder::FamilyFirst)
                || k.confidence < self.min_confidence
            {
                continue;
            }
            let family = n.token_text(c.last as usize);
            if is_place(family) || in_country_name(family) {
                continue;
            }
            // (The first full mention of each person, in the text's order.)
            let given = n.token_text(c.first as usize);
            match named.iter_mut().find(|x| x.2.entity == c.entity) {
                Some(x) if x.2.first > c.first => *x = (given, family, c),
                Some(_) => {}
                None => named.push((given, family, c)),
            }
        }
        // (Each family named twice or more; each given name once.)
        // (Titled only: a chain's given name that no relative shares a
        // family with, or that is a family's word too, "Al Khalifa".)
        let kin: Vec<(&(&str, &str, Cand), bool)> = named
            .iter()
            .filter_map(|x| {
                let family = named.iter().any(|y| y.1 == x.1 && y.2.entity != x.2.entity)
                    && named.iter().all(|y| y.1 != x.0);
                let titled = chain(&x.2);
                ((family || titled)
                    && named.iter().filter(|y| y.0 == x.0).count() == 1
                    && x.0.len() >= 3
                    && !is_common_word(x.0)
                    && !is_title(x.0)
                    && !is_stopword(x.0)
                    && !is_particle(x.0))
                .then_some((x, !family))
            })
            .collect();
        if kin.is_empty() {
            return;
        }
        // The given names' spelling keys: the press spells a given name
        // alone as it likes ("Uday Hussein … Odai and Qusai"), and the key
        // of one given name only reads it so.
        let keys: Vec<Option<Vec<u8>>> = kin
            .iter()
            .map(|x| {
                let mut key = Vec::new();
                crate::translit::person_spelling_key_into(x.0 .0.as_bytes(), &mut key)
                    .then_some(key)
            })
            .collect();
        let mut key = Vec::new();
        let mut add: Vec<Cand> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if self.covered[i] || !t.flags.contains(TokenFlags::CAPITALIZED) {
                continue;
            }
            let word = n.token_text(i);
            let mut respelled = || {
                if is_common_word(word) || is_place(word) || is_known_proper_noun(word) {
                    return None;
                }
                if !crate::translit::person_spelling_key_into(word.as_bytes(), &mut key) {
                    return None;
                }
                let mut same = (0..keys.len()).filter(|&k| keys[k].as_deref() == Some(&key[..]));
                match (same.next(), same.next()) {
                    (Some(k), None) => Some(k),
                    _ => None,
                }
            };
            let (at, variant) = match kin.iter().position(|x| x.0 .0 == word) {
                Some(k) => (k, 0),
                None => match respelled() {
                    Some(k) => (k, 1),
                    None => continue,
                },
            };
            let &(&(_, _, c), titled_only) = &kin[at];
            if titled_only
                && !(i > 0
                    && matches!(gap(text, n, i - 1), " " | ". ")
                    && ROYAL_TITLES.contains(&n.token_text(i - 1)))
            {
                continue;
            }
            // ("Margrethe I": a regnal number makes it a monarch's name.)
            let regnal = i + 1 < tokens.len()
                && gap(text, n, i) == " "
                && is_regnal_number(n.token_text(i + 1));
            if (i as u32) < c.last || regnal || !proper_context(text, n, i as u32, i as u32) {
                continue;
            }
            add.push(Cand::given_name_at(i as u32, c.entity, c.name, variant));
        }
        if !add.is_empty() {
            self.cands.extend(add);
            self.sort_cands();
        }
    }

    /// Given names listed right after the possessive of a person the
    /// document names and a word for relatives ("Saddam Hussein's sons,
    /// Odai and Qusai"; "Saddam's eldest son Uday"): each is the relative
    /// one of the two records names (`relatives`, [`relatives`]) whose
    /// given name it is (of a name written given name first), as written
    /// or respelled, though another listed person shares it. Read as that
    /// relative's short form (match kind `surname`), which then needs its
    /// grounds as any other (the linked mention gives them).
    fn read_relatives_named(&mut self, text: &str) {
        let ents = self.matcher.entities();
        let n = &self.norm;
        let toks = n.tokens();
        let mut add: Vec<Cand> = Vec::new();
        let (mut key, mut other) = (Vec::new(), Vec::new());
        for k in &self.chosen {
            let c = k.c;
            if ents[c.entity as usize].kind != EntityType::Person
                || k.confidence < self.min_confidence
            {
                continue;
            }
            // The possessive, up to two words ("eldest", "two"), the word
            // for relatives.
            let end = toks[c.last as usize].end as usize;
            if !text[end..].starts_with(['\'', '\u{2019}']) {
                continue;
            }
            let mut i = c.last as usize + 1;
            while i < toks.len() && i <= c.last as usize + 4 && !is_kin(n.token_text(i)) {
                if toks[i].flags.contains(TokenFlags::CAPITALIZED) || n.barrier_after(i - 1) {
                    break;
                }
                i += 1;
            }
            if i >= toks.len() || !is_kin(n.token_text(i)) || n.barrier_after(i - 1) {
                continue;
            }
            // The relatives one of the two records names, written given
            // name first.
            let kin: Vec<u32> = self
                .matcher
                .links(c.entity)
                .iter()
                .copied()
                .filter(|&e| {
                    let ent = &ents[e as usize];
                    ent.kind == EntityType::Person
                        && ent.name_order != Some(crate::gazetteer::NameOrder::FamilyFirst)
                        && relatives(&ents[c.entity as usize], ent)
                })
                .collect();
            if kin.is_empty() {
                continue;
            }
            // The names listed after it: "Odai and Qusai", ", Odai, Qusai
            // and Hala".
            for j in self.names_listed_after(text, i) {
                let word = n.token_text(j).as_bytes();
                let keyed = crate::translit::person_spelling_key_into(word, &mut key);
                for &e in &kin {
                    let ent = &ents[e as usize];
                    let found = (0..=ent.aliases.len() as u32).find_map(|name| {
                        let listed = self.matcher.name_text(e, name);
                        if listed.contains(',') {
                            return None;
                        }
                        let folded = fold_name(listed);
                        let given = folded.split(' ').next()?.as_bytes();
                        if given == word {
                            Some((name, 0))
                        } else {
                            let same = keyed
                                && crate::translit::person_spelling_key_into(given, &mut other)
                                && key == other;
                            same.then_some((name, 1))
                        }
                    });
                    if let Some((name, variant)) = found {
                        add.push(Cand::given_name_at(j as u32, e, name, variant));
                    }
                }
            }
        }
        self.add_given_name_cands(add);
    }

    /// The tokens of the names listed right after token `i`, a word for
    /// relatives, up to eight tokens on: capitalized words joined to it
    /// and to each other by a space, a comma, "&" or "and" ("Odai and
    /// Qusai", ", Odai, Qusai and Hala"), past those inside a mention
    /// chosen already ("Seif al-Islam, Khamis and Hannibal").
    fn names_listed_after(&self, text: &str, i: usize) -> Vec<usize> {
        let n = &self.norm;
        let toks = n.tokens();
        let mut out = Vec::new();
        for (j, tok) in toks.iter().enumerate().take(i + 9).skip(i + 1) {
            if !matches!(gap(text, n, j - 1), " " | ", " | " & ") {
                break;
            }
            if self.covered[j] || (n.token_text(j) == "and" && j > i + 1) {
                continue;
            }
            if !tok.flags.contains(TokenFlags::CAPITALIZED) {
                break;
            }
            out.push(j);
        }
        out
    }

    /// Adds given-name readings (`add`) that no reading of the same span
    /// and entity has already.
    fn add_given_name_cands(&mut self, mut add: Vec<Cand>) {
        add.retain(|a| {
            !self
                .cands
                .iter()
                .any(|c| c.first == a.first && c.last == a.last && c.entity == a.entity)
        });
        if !add.is_empty() {
            self.cands.extend(add);
            self.sort_cands();
        }
    }

    /// Relatives by their given names: a capitalized word, or a list of
    /// them, right after a word for relatives ("his sons Seif al-Islam,
    /// Khamis, Mutassim and Hannibal", "His brother Saadi", "The
    /// president's younger son, Qusay") is the listed person whose given
    /// name it is and whose family name (by spelling key: "Kadhafi" is
    /// "Qadhafi") is that of another person the document has named
    /// before, though others share the given name. Read as that person's
    /// short form (match kind `surname`), which rests on that relative's
    /// mention (reason `linked_mention`); a word two such persons could
    /// be is neither's.
    fn read_kin_named(&mut self, text: &str) {
        self.kin.clear();
        let ents = self.matcher.entities();
        let n = &self.norm;
        let toks = n.tokens();
        // The spelling key of a person's family name: the last word of
        // the name as displayed (of the part before a comma).
        // (Not of a name written family name first, whose last word is a
        // given name.)
        let family = |e: u32, key: &mut Vec<u8>| -> bool {
            if ents[e as usize].name_order == Some(NameOrder::FamilyFirst) {
                return false;
            }
            let name = &ents[e as usize].name;
            let family = name.split_once(',').map_or(name.as_str(), |(f, _)| f);
            let folded = fold_name(family);
            let last = folded.split(' ').rev().find(|w| !is_suffix_word(w));
            last.is_some_and(|w| crate::translit::person_spelling_key_into(w.as_bytes(), key))
        };
        let min = self.min_confidence;
        let person = |k: &&Chosen| {
            ents[k.c.entity as usize].kind == EntityType::Person && k.confidence >= min
        };
        // (Whether a person was chosen at all before the scan of every
        // token for a word for kin, which costs more.)
        if !self.chosen.iter().any(|k| person(&k)) {
            return;
        }
        let kin_words: Vec<usize> = (0..toks.len())
            .filter(|&i| is_kin_bytes(n.token_bytes(i)) && !self.covered[i])
            .collect();
        if kin_words.is_empty() {
            return;
        }
        // The persons chosen, with their family names' keys (last token,
        // entity, key), found once for the document.
        let persons: Vec<(u32, u32, Vec<u8>)> = self
            .chosen
            .iter()
            .filter(person)
            .filter_map(|k| {
                let mut key = Vec::new();
                family(k.c.entity, &mut key).then_some((k.c.last, k.c.entity, key))
            })
            .collect();
        if persons.is_empty() {
            return;
        }
        let mut key = Vec::new();
        let mut add: Vec<Cand> = Vec::new();
        for i in kin_words {
            // The names listed after it: "Khamis, Mutassim and Hannibal".
            for j in self.names_listed_after(text, i) {
                // (A given name alone: not the first of a longer name,
                // "his son Juan Carlos", "the brother's wife, Manal
                // al-Jadaan".)
                let longer = j + 1 < toks.len()
                    && gap(text, n, j) == " "
                    && (toks[j + 1].flags.contains(TokenFlags::CAPITALIZED)
                        || is_particle(n.token_text(j + 1)));
                if longer {
                    continue;
                }
                // The listed persons whose name starts with this given
                // name, as written, and a relative of theirs named before,
                // with no other person's name between ("Muammar Gaddafi …
                // councillor Ali Salem said his son Hannibal").
                let word = n.token_text(j);
                let mut found: Vec<(u32, u32, u32)> = Vec::new();
                let here = |h: &&Hit| (h.first, h.last, h.variants) == (j as u32, j as u32, 0);
                for h in self.hits.iter().filter(here) {
                    for t in self.matcher.targets(h.pattern) {
                        let first_word = || {
                            let name = fold_name(self.matcher.name_text(t.entity, t.name));
                            name.split(' ').next() == Some(word)
                        };
                        if t.variant != Variant::GivenName
                            || found.iter().any(|f| f.0 == t.entity)
                            || !first_word()
                            || !family(t.entity, &mut key)
                        {
                            continue;
                        }
                        let relative = persons.iter().rev().find(|(last, e, k)| {
                            (*last as usize) < i && *e != t.entity && *k == key
                        });
                        if let Some(&(last, r, _)) = relative {
                            if !self.other_name_between(last as usize + 1, i) {
                                found.push((t.entity, t.name, r));
                            }
                        }
                    }
                }
                if let [(e, name, r)] = found[..] {
                    self.kin.push((j as u32, e, r));
                    add.push(Cand::given_name_at(j as u32, e, name, 0));
                }
            }
        }
        self.add_given_name_cands(add);
    }

    /// Whether tokens `from..to` hold a person's name: a capitalized given
    /// name (not opening a sentence) and another capitalized word, listed
    /// or not ("councillor Ali Salem"): another person, named between a
    /// relative's mention and a word for relatives.
    fn other_name_between(&self, from: usize, to: usize) -> bool {
        let n = &self.norm;
        let toks = n.tokens();
        let capitalized = |k: usize| toks[k].flags.contains(TokenFlags::CAPITALIZED);
        (from..to.saturating_sub(1)).any(|k| {
            capitalized(k)
                && !toks[k].flags.contains(TokenFlags::SENTENCE_START)
                && is_given_name(n.token_text(k))
                && capitalized(k + 1)
                && !n.barrier_after(k)
        })
    }

    /// Whether the words after token `last` make it a sentence's subject:
    /// a possessive, or a verb that follows a subject ("has", "denied",
    /// "said").
    fn subject_at(&self, text: &str, last: usize) -> bool {
        let end = self.norm.tokens()[last].end as usize;
        if possessive_at(&text[end..]) {
            return true;
        }
        let Some(next) = self.norm.tokens().get(last + 1) else {
            return false;
        };
        if self.norm.barrier_after(last) || !text[end..next.start as usize].trim().is_empty() {
            return false;
        }
        let w = self.norm.token_text(last + 1);
        speech_after(w)
            || matches!(
                w,
                "has"
                    | "had"
                    | "is"
                    | "was"
                    | "will"
                    | "would"
                    | "did"
                    | "does"
                    | "denied"
                    | "declined"
                    | "rejected"
                    | "owns"
                    | "owned"
                    | "operates"
                    | "operated"
                    | "controls"
                    | "controlled"
                    | "runs"
                    | "ran"
                    | "sold"
                    | "sells"
                    | "bought"
                    | "shipped"
                    | "supplied"
                    | "handled"
                    | "received"
                    | "paid"
            )
    }

    /// Nicknames in quotation marks ([`crate::nickname`]): a quoted name
    /// that the lists carry as a weak alias ("CROCODILE") of an entity the
    /// document names is that entity; one that words such as "nicknamed"
    /// or "known as" give to the person named just before them in the
    /// sentence ("Ali Hassan al-Majid, the cousin known as "Chemical
    /// Ali"") is that person (match kind `nickname`). Either is that
    /// entity again where the document writes the same words later,
    /// capitalized and standing alone.
    ///
    /// A name given in words after the comma that ends a mention
    /// ([`crate::nickname::given_names`]: "Joko Widodo, known as Jokowi",
    /// "Al-Muhandis, whose real name was Jamal Jaafar Mohammed") is that
    /// mention's entity (match kind `introduced`), and so is the name before
    /// the comma where the name given is the mention ("Trend Gayrimenkul
    /// Yatırım Ortaklığı A.Ş., known as Trend GYO"); neither may be made of
    /// ordinary words, places and titles only.
    fn choose_nicknames(&mut self, text: &str) {
        if self.chosen.is_empty() {
            return;
        }
        // (No test for quotation marks first: `quoted_names` finds them
        // with `memchr`, a `contains` of two chars read the text a char
        // at a time.)
        let quoted = crate::nickname::quoted_names(text, &self.norm);
        let given = crate::nickname::given_names(text, &self.norm);
        if quoted.is_empty() && given.is_empty() {
            return;
        }
        let ents = self.matcher.entities();
        // The chosen mentions in text order: (first, last, index).
        let mut spans: Vec<(u32, u32, usize)> = self
            .chosen
            .iter()
            .enumerate()
            .map(|(i, k)| (k.c.first, k.c.last, i))
            .collect();
        spans.sort_unstable();
        // The weak aliases of the entities named, by their folded words.
        let mut named: Vec<u32> = self.chosen.iter().map(|k| k.c.entity).collect();
        named.sort_unstable();
        named.dedup();
        // (The first mention of each, which a listed nickname rests on.)
        let mut first_of: FxHashMap<u32, usize> = FxHashMap::default();
        for s in &spans {
            first_of.entry(self.chosen[s.2].c.entity).or_insert(s.2);
        }
        let mut weak: FxHashMap<String, (u32, u32)> = FxHashMap::default();
        for &e in &named {
            for (i, a) in ents[e as usize].names().enumerate() {
                if a.weak {
                    weak.entry(fold_name(&a.name)).or_insert((e, i as u32));
                }
            }
        }
        let toks = self.norm.tokens();
        let words = |f: u32, l: u32| span_words(&self.norm, f, l);
        // (words, mention as found, evidence, confidence): for the uses
        // further on.
        // (The words and the mention, for the same words later.)
        let mut nicks: Vec<(String, Chosen)> = Vec::new();
        let mut add: Vec<Chosen> = Vec::new();
        let mut last_nick: Option<(u32, usize)> = None;
        for q in quoted {
            if self.covered[q.first as usize..=q.last as usize].contains(&true) {
                continue;
            }
            let head = q.first + u32::from(q.the);
            // A weak alias as listed, with or without its "the".
            let listed = weak
                .get(&words(q.first, q.last))
                .map(|&x| (q.first, x))
                .or_else(|| {
                    (q.the && head <= q.last)
                        .then(|| weak.get(&words(head, q.last)).map(|&x| (head, x)))
                        .flatten()
                });
            // (first token, listed name or the defining mention's, match
            // kind, the mention it rests on)
            let found = if let Some((first, (e, name))) = listed {
                first_of
                    .get(&e)
                    .map(|&k| (first, name, MatchKind::Normalized, k))
            } else {
                // Introduced: the person named last before the cue, in
                // the sentence, the cue just after the name or in a clause
                // set off by a comma after it ("Ncube, nicknamed", "al-Majid,
                // the cousin known as"; not "Putin said the plan, known
                // as"), with only lower-case words between.
                let subject = match crate::nickname::introduced_by(&self.norm, q.first) {
                    Some(crate::nickname::Cue::Words(cue)) => {
                        let at = spans.partition_point(|s| s.1 < cue);
                        at.checked_sub(1).map(|j| spans[j]).filter(|s| {
                            (cue == s.1 + 1
                                || text[toks[s.1 as usize].end as usize..].starts_with(','))
                                && cue - s.1 <= 10
                                && ents[self.chosen[s.2].c.entity as usize].kind
                                    == EntityType::Person
                                && (s.1 + 1..=cue).all(|i| {
                                    let f = toks[i as usize].flags;
                                    !f.contains(TokenFlags::SENTENCE_START)
                                        && (i == cue || !f.contains(TokenFlags::CAPITALIZED))
                                        && !self.norm.barrier_after(i as usize - 1)
                                })
                        })
                    }
                    // "… "Ngwena," or "the Crocodile"": the nickname just
                    // before names the same person.
                    Some(crate::nickname::Cue::Or(or)) => last_nick
                        .filter(|&(l, _)| l + 1 == or)
                        .map(|(_, k)| (self.chosen[k].c.first, self.chosen[k].c.last, k)),
                    None => None,
                };
                subject.map(|s| (head, self.chosen[s.2].c.name, MatchKind::Nickname, s.2))
            };
            let Some((first, name, kind, def)) = found else {
                continue;
            };
            let ch = given_name_mention(&self.chosen[def], first, q.last, name, kind);
            last_nick = Some((q.last, def));
            if nicks.len() < 32 {
                nicks.push((words(first, q.last), ch.clone()));
            }
            add.push(ch);
        }
        // Names given in words.
        let ends: FxHashMap<u32, usize> = spans.iter().map(|s| (s.1, s.2)).collect();
        let starts: FxHashMap<(u32, u32), usize> =
            spans.iter().map(|s| ((s.0, s.1), s.2)).collect();
        // Not ordinary words, places and titles only ("known as the
        // President", "known as Black Sea").
        let named = |f: u32, l: u32| {
            (f..=l).any(|i| {
                let w = self.norm.token_text(i as usize);
                w.len() > 2 && !is_common_word(w) && !is_place(w) && !is_title(w)
            })
        };
        let free = |f: u32, l: u32| !self.covered[f as usize..=l as usize].contains(&true);
        for g in given {
            let (f, l, def) = if let Some(&k) = ends.get(&g.before) {
                (g.first, g.last, k)
            } else if let Some(&k) = starts.get(&(g.first, g.last)) {
                // The name before the comma: capitalized words (particles
                // and hyphened words inside), two or more, not a leading
                // "The".
                let capitalized = |i: u32| toks[i as usize].flags.contains(TokenFlags::CAPITALIZED);
                let gap = |i: u32| {
                    &text[toks[i as usize - 1].end as usize..toks[i as usize].start as usize]
                };
                let mut f = g.before;
                while f > 0
                    && g.before - f < 7
                    && !toks[f as usize].flags.contains(TokenFlags::SENTENCE_START)
                    && !self.norm.barrier_after(f as usize - 1)
                    && (gap(f) == "-"
                        || gap(f).trim().is_empty() && {
                            let w = self.norm.token_text(f as usize - 1);
                            capitalized(f - 1) || is_particle(w)
                        })
                {
                    f -= 1;
                }
                // (Not a title before it: "Prime Minister Raman
                // Halouchanka".)
                if let Some(t) = (f..g.before)
                    .rev()
                    .find(|&i| is_title(self.norm.token_text(i as usize)))
                {
                    f = t + 1;
                }
                while f < g.before
                    && (is_stopword(self.norm.token_text(f as usize)) || !capitalized(f))
                {
                    f += 1;
                }
                if g.before - f < 1 {
                    continue;
                }
                (f, g.before, k)
            } else {
                continue;
            };
            if !named(f, l) {
                continue;
            }
            if !free(f, l) {
                // "Promsvyazbank PJSC, known as PSB": the name the document
                // gives a company is that company's, not another listed
                // company's whose name opens with the same word (PSB
                // Innovations): the short mention there is given over.
                let by = self.chosen[def].c.entity;
                let Some(k) = self
                    .chosen
                    .iter()
                    .position(|x| x.c.first == f && x.c.last == l)
                else {
                    continue;
                };
                let x = &self.chosen[k].c;
                if x.kind != MatchKind::Short
                    || x.entity == by
                    || ents[by as usize].kind != EntityType::Organization
                {
                    continue;
                }
                let by = self.chosen[def].clone();
                let ch = given_name_mention(&by, f, l, by.c.name, MatchKind::Introduced);
                if nicks.len() < 32 {
                    nicks.push((words(f, l), ch.clone()));
                }
                self.chosen[k] = ch;
                continue;
            }
            let by = &self.chosen[def];
            let ch = given_name_mention(by, f, l, by.c.name, MatchKind::Introduced);
            if nicks.len() < 32 {
                nicks.push((words(f, l), ch.clone()));
            }
            add.push(ch);
        }
        for ch in add {
            if !self.covered[ch.c.first as usize..=ch.c.last as usize].contains(&true) {
                self.choose(ch);
            }
        }
        // The same words later, capitalized and standing alone.
        let toks = self.norm.tokens();
        let words = |f: u32, l: u32| span_words(&self.norm, f, l);
        let mut add: Vec<Chosen> = Vec::new();
        for (w, given) in &nicks {
            let c = &given.c;
            let len = c.last - c.first;
            let mut i = c.last + 1;
            while i + len < toks.len() as u32 {
                let (f, l) = (i, i + len);
                i += 1;
                let alone = |j: u32| {
                    j as usize >= toks.len()
                        || !toks[j as usize].flags.contains(TokenFlags::CAPITALIZED)
                };
                if self.norm.token_text(f as usize) != w.split(' ').next().unwrap_or("")
                    || !toks[f as usize].flags.contains(TokenFlags::CAPITALIZED)
                    || self.covered[f as usize..=l as usize].contains(&true)
                    || words(f, l) != *w
                    || !alone(l + 1)
                    || f.checked_sub(1).is_some_and(|p| {
                        !alone(p)
                            && self.norm.token_text(p as usize) != "the"
                            && !toks[f as usize].flags.contains(TokenFlags::SENTENCE_START)
                    })
                {
                    continue;
                }
                add.push(Chosen {
                    c: Cand {
                        first: f,
                        last: l,
                        ..*c
                    },
                    ..given.clone()
                });
                i = l + 1;
            }
        }
        for ch in add {
            if !self.covered[ch.c.first as usize..=ch.c.last as usize].contains(&true) {
                self.choose(ch);
            }
        }
    }

    fn emit(&mut self, text: &str, out: &mut Vec<Mention>) {
        let tokens = self.norm.tokens();
        self.chosen.sort_by_key(|k| k.c.first);
        let ascii = text.is_ascii();
        let mut char_pos = 0usize;
        let mut byte_pos = 0usize;
        // (Where the last mention written ended: an article moved into a
        // span never reaches back into it.)
        let mut written_end = 0usize;
        let mut char_offset = |b: usize| -> usize {
            if ascii {
                return b;
            }
            char_pos += text[byte_pos..b].chars().count();
            byte_pos = b;
            char_pos
        };
        for Chosen {
            c,
            others,
            ev,
            confidence,
            reasons,
        } in self.chosen.drain(..)
        {
            if confidence < self.min_confidence {
                continue;
            }
            let mut start = c
                .start
                .map_or(tokens[c.first as usize].start as usize, |s| s as usize);
            // "El Mencho", "El Chapo": the Spanish article is part of a
            // one-word nickname.
            if c.start.is_none() && c.first == c.last && c.first > 0 {
                let p = tokens[c.first as usize - 1];
                let word = &text[p.start as usize..p.end as usize];
                if matches!(word, "El" | "EL")
                    && &text[p.end as usize..start] == " "
                    && p.start as usize >= written_end
                    && self.matcher.entities()[c.entity as usize].kind == EntityType::Person
                {
                    start = p.start as usize;
                }
            }
            if article_before_name(self.matcher, &self.norm, text, &c)
                && tokens[c.first as usize - 1].start as usize >= written_end
            {
                start = tokens[c.first as usize - 1].start as usize;
            }
            // "the Houthis", "The Houthis have …" for the listed "THE
            // HOUTHIS": an organization's leading "the" is the English
            // article, out of the span, unless written capitalized inside
            // a sentence.
            if c.start.is_none()
                && c.first < c.last
                && self.norm.token_text(c.first as usize) == "the"
                && self.matcher.entities()[c.entity as usize].kind == EntityType::Organization
            {
                let f = tokens[c.first as usize].flags;
                if !f.contains(TokenFlags::CAPITALIZED) || f.contains(TokenFlags::SENTENCE_START) {
                    start = tokens[c.first as usize + 1].start as usize;
                }
            }
            let mut end = close_quote(text, start, tokens[c.last as usize].end as usize);
            // "… named Sun Ship Management D Ltd.\n": the period of a
            // legal form written without inner dots that ends the sentence
            // is the sentence's ("S.A." keeps its own).
            if self.matcher.entities()[c.entity as usize].kind == EntityType::Organization
                && sentence_period(text, tokens[c.last as usize].start as usize, end)
            {
                end -= 1;
            }
            let mut kind = if c.variant > 0 {
                MatchKind::Variant
            } else {
                c.kind
            };
            if kind == MatchKind::Normalized
                && &text[start..end] == self.matcher.name_text(c.entity, c.name)
            {
                kind = MatchKind::Exact;
            }
            let evidence = ev.map(|(kind, f, l)| match kind {
                EvidenceKind::DistinctiveName | EvidenceKind::InOffice => Evidence {
                    kind,
                    start: 0,
                    end: 0,
                },
                _ => Evidence {
                    kind,
                    start: tokens[f as usize].start as usize,
                    end: tokens[l as usize].end as usize,
                },
            });
            let char_start = char_offset(start);
            let char_end = char_offset(end);
            written_end = end;
            out.push(Mention {
                start,
                end,
                char_start,
                char_end,
                entity: c.entity,
                name: c.name,
                kind,
                evidence,
                confidence,
                reasons,
                candidates: others,
            });
        }
    }
}

/// Whether the word at `start..end` of `text` is an abbreviation without
/// inner dots ("Ltd.", "Co.", "Inc.") whose period ends a sentence: the
/// text ends after it, or a line does, or a capital or a quote follows.
fn sentence_period(text: &str, start: usize, end: usize) -> bool {
    let Some(word) = text[start..end].strip_suffix('.') else {
        return false;
    };
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    !word.is_empty()
        && !word.contains('.')
        && word.chars().all(char::is_alphabetic)
        && (text[end..].is_empty()
            || text[end..].starts_with(['\n', '\r'])
            || (rest.len() < text[end..].len()
                && rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘'))))
}

/// The folded words of tokens `first..=last`, joined by single spaces (as
/// [`fold_name`] writes a listed name).
/// The mention at `first..=last` of a name the document gives the entity
/// of mention `by` (a nickname, a name given in words), resting on it:
/// match kind `kind`, listed name `name`, confidence at most 0.8.
fn given_name_mention(by: &Chosen, first: u32, last: u32, name: u32, kind: MatchKind) -> Chosen {
    Chosen {
        c: Cand {
            first,
            last,
            name,
            kind,
            start: None,
            variant: 0,
            given_name: false,
            org_word: false,
            respelled_form: false,
            ..by.c
        },
        others: Vec::new(),
        ev: Some((EvidenceKind::FullMention, by.c.first, by.c.last)),
        confidence: by.confidence.min(0.8),
        reasons: vec![if kind == MatchKind::Introduced {
            Reason::Introduced
        } else {
            Reason::Nickname
        }],
    }
}

/// Whether `text[start..end]` stands alone in quotation marks (the name
/// spoken of, a call sign: "his call sign, “Wagner”"), not opening a
/// longer quotation.
fn quoted_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    matches!(before, Some('"' | '“' | '‘' | '\''))
        && matches!(after.next(), Some('"' | '”' | '’' | '\''))
        && !after.next().is_some_and(char::is_alphanumeric)
}

fn span_words(n: &Normalized, first: u32, last: u32) -> String {
    (first..=last)
        .map(|i| n.token_text(i as usize))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word within three tokens of `first..=last` (same sentence, no barrier)
/// that names the entity's kind: "the tanker Dover", "Nirvana, a yacht".
fn type_cue(n: &Normalized, kind: &EntityType, first: u32) -> Option<u32> {
    let cues: &[&str] = match kind {
        EntityType::Vessel => &[
            "vessel",
            "vessels",
            "ship",
            "ships",
            "tanker",
            "tankers",
            "yacht",
            "yachts",
            "superyacht",
            "freighter",
            "cargo",
            "carrier",
            "mv",
            "mt",
            "imo",
            "flagged",
            "tug",
            "tugs",
            "trawler",
            "trawlers",
            "bulker",
            "bulkers",
            "freighters",
            "carriers",
            "steamer",
        ],
        EntityType::Aircraft => &[
            "aircraft",
            "plane",
            "jet",
            "airliner",
            "boeing",
            "airbus",
            "gulfstream",
            "tail",
            "registration",
            "bombardier",
            "embraer",
            "cessna",
            "dassault",
        ],
        // "whose company Concord Management and Consulting": a company
        // named by ordinary words after a word for one.
        EntityType::Organization => &[
            "company",
            "companies",
            "firm",
            "firms",
            "conglomerate",
            "subsidiary",
            "lender",
            "insurer",
            "airline",
            "refiner",
        ],
        _ => return None,
    };
    // Within eight words before the name ("the tanker Dover", "a tanker
    // named Dover"), with no barrier between. A kind word after the name
    // makes the name a modifier ("a Dover tanker"), not a name.
    // Between the cue and the name only "named", an article, a number or
    // other names may stand: "the tanker Dover", "a tanker named Dover",
    // "YACHTS GRACEFUL AND OLYMPIA", not "yacht registries in Olympia".
    let mut i = first;
    // (Past an "and" or "or", only a plural cue or one before a list of
    // names: "the tankers Adrian Darya, Devon and Downy", but not "the
    // airline and the Central Bank", another thing.)
    let (mut joined, mut listed) = (false, false);
    // (A plural cue before "such as" or "including" names a kind the
    // names after are examples of: "firms such as Concord Catering",
    // "tankers including the Devon".)
    let mut examples = false;
    // (Eight words: "the tankers Adrian Darya, Devon and Downy".)
    for _ in 0..8 {
        let p = i.checked_sub(1)?;
        // (Nor from another sentence: "said the company. Mr. H. is".)
        if n.barrier_after(p as usize)
            || n.tokens()[i as usize]
                .flags
                .contains(TokenFlags::SENTENCE_START)
        {
            return None;
        }
        let word = n.token_text(p as usize);
        if cues.contains(&word) {
            // (Or a singular one before a list of names: "the tanker
            // Zarnavax, Dover and Sakhalin Island".)
            let plural = word.ends_with('s') || word == "aircraft" || word == "cargo";
            return ((!joined || plural || listed) && (!examples || plural)).then_some(p);
        }
        if !examples
            && !joined
            && (word == "including"
                || (word == "as"
                    && p > 0
                    && n.token_text(p as usize - 1) == "such"
                    && !n.barrier_after(p as usize - 1)))
        {
            examples = true;
            i = if word == "as" { p - 1 } else { p };
            continue;
        }
        joined |= matches!(word, "and" | "or");
        listed |= joined
            && n.tokens()[p as usize]
                .flags
                .contains(TokenFlags::CAPITALIZED)
            && !is_common_word(word);
        let t = &n.tokens()[p as usize];
        let filler = matches!(
            word,
            "named" | "called" | "dubbed" | "the" | "a" | "an" | "and"
        ) || t.flags.contains(TokenFlags::DIGIT)
            || t.flags.contains(TokenFlags::CAPITALIZED) && !is_common_word(word);
        if !filler {
            return None;
        }
        i = p;
    }
    None
}

/// The first of the generic last words of tokens `first..=last` written
/// in lower case ("the Fars news agency": "news"), `last + 1` where there
/// are none; never `first` (a name is more than its generic words).
fn generic_tail_from(n: &Normalized, first: u32, last: u32) -> u32 {
    let mut from = last + 1;
    while from - 1 > first
        && n.tokens()[from as usize - 1]
            .flags
            .contains(TokenFlags::LOWERCASE)
        && GENERIC_TAILS.contains(&n.token_text(from as usize - 1))
    {
        from -= 1;
    }
    from
}

/// An organization's generic last words, which the press writes in lower
/// case: "the Sinaloa cartel", "the Haqqani network", "the Houthi group",
/// "the Fars news agency".
const GENERIC_TAILS: &[&str] = &[
    "cartel",
    "network",
    "group",
    "movement",
    "party",
    "front",
    "brigade",
    "brigades",
    "militia",
    "organization",
    "organisation",
    "news",
    "agency",
    "foundation",
    "association",
];

/// Nouns that end the names of places: a vessel named so ("Sakhalin
/// Island") is the place unless a ship's cue is written.
const GEOGRAPHIC: &[&str] = &[
    "island",
    "islands",
    "prospect",
    "prospekt",
    "street",
    "avenue",
    "boulevard",
    "square",
    "embankment",
    "bridge",
    "river",
    "sea",
    "bay",
    "lake",
    "strait",
    "cape",
    "mount",
    "mountain",
    "peninsula",
    "gulf",
    "coast",
    "valley",
    "ocean",
];

/// Ranks and titles that begin the names of ships named after people
/// ("Marshal Zhukov", "Admiral Kuznetsov", "Akademik Lomonosov").
const RANKS: &[&str] = &[
    "marshal",
    "admiral",
    "general",
    "akademik",
    "academician",
    "kapitan",
    "captain",
    "professor",
];

/// Nouns that, written right after a name, make it a modifier of a place or
/// a group rather than a name of its own: "the Lena river", "the Olympia
/// hotel", "the Rotenberg family".
const HEAD_NOUNS: &[&str] = &[
    "river",
    "sea",
    "lake",
    "bay",
    "gulf",
    "island",
    "islands",
    "peninsula",
    "region",
    "valley",
    "mountains",
    "street",
    "avenue",
    "road",
    "square",
    "port",
    "harbour",
    "harbor",
    "airport",
    "city",
    "county",
    "district",
    "province",
    "hotel",
    "restaurant",
    "cafe",
    "museum",
    "club",
    "station",
    "festival",
    "band",
    "stadium",
    "family",
    "families",
    "brothers",
    "sisters",
    "sons",
    "daughters",
    "children",
    "cousins",
    "clan",
    "dynasty",
    "household",
    "siblings",
    "salad",
];

/// Whether the word after token `last` is one of [`HEAD_NOUNS`], written
/// in lower case, or in capitals after a name in capitals ("RAJAPAKSA
/// BROTHERS").
fn head_noun_after(n: &Normalized, last: u32) -> bool {
    let next = last as usize + 1;
    let caps = |i: usize| n.tokens()[i].flags.contains(TokenFlags::ALL_CAPS);
    next < n.tokens().len()
        && !n.barrier_after(last as usize)
        && (n.tokens()[next].flags.contains(TokenFlags::LOWERCASE)
            || (caps(next)
                && caps(last as usize)
                // (One space between: not "SANCTIONS GADHAFI, FAMILY".)
                && n.tokens()[next].start == n.tokens()[last as usize].end + 1))
        && HEAD_NOUNS.contains(&n.token_text(next))
}

/// Whether `rest` (the text right after a number) makes the number a
/// quantity: a decimal part, a percent sign or "per cent"/"percent".
fn quantity_after(rest: &str) -> bool {
    let b = rest.as_bytes();
    (b.len() > 1 && matches!(b[0], b'.' | b',') && b[1].is_ascii_digit())
        || rest.starts_with('%')
        || rest.starts_with(" per cent")
        || rest.starts_with(" percent")
}

/// Whether a power word ([`power_word`]) in lower case follows token
/// `last` after a space or a hyphen: "the Ortega regime", "Johnson-era".
fn power_word_after(text: &str, n: &Normalized, last: u32) -> bool {
    let toks = n.tokens();
    let next = last as usize + 1;
    next < toks.len()
        && !n.barrier_after(last as usize)
        && toks[next].flags.contains(TokenFlags::LOWERCASE)
        && matches!(
            &text[toks[last as usize].end as usize..toks[next].start as usize],
            " " | "-"
        )
        && power_word(n.token_text(next))
}

/// "the Maduro government", "Johnson-era".
fn regime_word_after(n: &Normalized, last: u32) -> bool {
    let next = last as usize + 1;
    next < n.tokens().len() && !n.barrier_after(last as usize) && {
        let w = n.token_text(next);
        power_word(w) || matches!(w, "years" | "cabinet" | "campaign" | "doctrine")
    }
}

/// The text after a possessive "'s " that opens `after` (any apostrophe,
/// either case: "'s ", "’S "), if one does.
fn after_possessive(after: &str) -> Option<&str> {
    ["'s ", "'S ", "’s ", "’S "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
}

/// Whether a folded word is a preposition that opens a phrase of time or
/// place before a name ("On Tuesday Putin", "In Damascus Assad").
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on" | "at" | "from" | "since" | "by" | "to" | "of" | "with" | "near" | "after"
    )
}

/// Whether the text after a name says that someone served under its
/// bearer: a possessive, then within three lower-case words a word for a
/// state's ministers or forces ("'s foreign minister", "'s loyalists") or
/// for its rule ("'s government"), or "chief" ending the phrase ("'s
/// former intelligence chief,"; not "'s chief rival"). Not an aide or a
/// spokesman, whom anyone in politics has.
fn serves_under(after: &str) -> bool {
    let Some(rest) = after_possessive(after) else {
        return false;
    };
    // (The words up to a punctuation mark or a capitalized word.)
    let end = rest
        .find(|ch: char| !(ch.is_ascii_lowercase() || ch == ' '))
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split(' ').filter(|w| !w.is_empty()).collect();
    words.iter().take(3).enumerate().any(|(k, w)| {
        power_word(w)
            || matches!(
                *w,
                "minister"
                    | "ministers"
                    | "cabinet"
                    | "generals"
                    | "loyalists"
                    | "forces"
                    | "troops"
            )
            || (*w == "chief" && k + 1 == words.len())
    })
}

/// Whether a folded word, after a leader's surname, names the leader's
/// time in power: "the Ortega regime", "the Maduro government",
/// "Johnson-era".
fn power_word(w: &str) -> bool {
    matches!(
        w,
        "administration"
            | "presidency"
            | "regime"
            | "era"
            | "government"
            // (The abbreviation of headlines: "Sogavare Govt switches".)
            | "govt"
            | "junta"
    )
}

/// The country of the people a demonym right before a name names, or
/// before a title or an ordinary word there (`before`: the folded words
/// before the name, nearest last): "Nigerian lawmaker", "North Korean
/// leader", "the Burmese"; not a language ("known in Russian as", "his
/// Chinese name", "in a Ukrainian transliteration"). See
/// [`crate::names::demonym_country`].
fn demonym_before(before: &[&str]) -> Option<usize> {
    let n = before.len();
    for end in [n, n.saturating_sub(1)] {
        if end == 0
            || (end < n
                && !(is_title(before[n - 1])
                    || is_profession(before[n - 1])
                    || occupation_before(before)
                    || (is_common_word(before[n - 1])
                        && !matches!(
                            before[n - 1],
                            "name"
                                | "names"
                                | "spelling"
                                | "spellings"
                                | "transliteration"
                                | "transcription"
                                | "rendering"
                                | "translation"
                                | "form"
                                | "word"
                                | "version"
                        ))))
        {
            continue;
        }
        if !crate::names::ends_demonym(before[end - 1]) {
            continue;
        }
        for len in (1..=end.min(3)).rev() {
            // (Not a language: "known in Russian as", "his Chinese name".)
            if before[..end - len].iter().rev().take(2).any(|&w| w == "in") {
                continue;
            }
            if let Some(k) = crate::names::demonym_country(&before[end - len..end].join(" ")) {
                return Some(k);
            }
        }
    }
    None
}

/// Whether a folded word is the Arabic "son of" or "daughter of" inside a
/// name ("Mohammed bin Salman", "Abdullah ibn Abdulaziz", "Hind bint
/// Faisal"): the name after it is a father's.
fn son_of_word(w: &str) -> bool {
    matches!(w, "bin" | "ibn" | "bint")
}

/// Whether the words of an appositive ([`Resolver::appositive`]) describe
/// the name's bearer, as the press does where it introduces someone: ", a
/// Democrat from Ohio", ", the Louisiana Republican who leads the House".
fn describes(appositive: &[&str]) -> bool {
    matches!(appositive.first(), Some(&("a" | "an" | "the")))
}

/// Whether a folded word says what kind of organization the name after it
/// is ("the arms exporter KOMID", "the shipping firm IRISL").
fn org_kind_word(w: &str) -> bool {
    matches!(
        w,
        "exporter"
            | "importer"
            | "trader"
            | "firm"
            | "company"
            | "group"
            | "bank"
            | "lender"
            | "supplier"
            | "maker"
            | "manufacturer"
            | "agency"
            | "conglomerate"
            | "broker"
            | "insurer"
            | "carrier"
            | "airline"
            | "shipper"
            | "operator"
            | "militia"
            | "organisation"
            | "organization"
    )
}

/// Whether tokens `first..=last` are joined by an ampersand to a
/// capitalized word on either side: a firm's name ("Johnson & Johnson",
/// "Procter & Gamble", "Marks & Spencer").
fn ampersand_name(text: &str, n: &Normalized, first: u32, last: u32) -> bool {
    let toks = n.tokens();
    let amp = |g: &str| matches!(g.trim(), "&" | "&amp;");
    let capitalized = |i: usize| toks[i].flags.contains(TokenFlags::CAPITALIZED);
    let next = last as usize + 1;
    (next < toks.len()
        && amp(&text[toks[last as usize].end as usize..toks[next].start as usize])
        && capitalized(next))
        || (first > 0
            && amp(
                &text[toks[first as usize - 1].end as usize..toks[first as usize].start as usize]
            )
            && capitalized(first as usize - 1))
}

/// The definite article before tokens `first..=last`, allowing a number and
/// its unit between ("the Graceful", "the 88-metre Nirvana"), unless a head
/// noun follows ("the Lena river").
fn article(n: &Normalized, first: u32, last: u32) -> Option<u32> {
    if head_noun_after(n, last) {
        return None;
    }
    let mut i = first;
    // (Eight words: "the tankers Adrian Darya, Devon and Downy".)
    for _ in 0..8 {
        let p = i.checked_sub(1)?;
        // (Nor from another sentence: "said the company. Mr. H. is".)
        if n.barrier_after(p as usize)
            || n.tokens()[i as usize]
                .flags
                .contains(TokenFlags::SENTENCE_START)
        {
            return None;
        }
        let t = &n.tokens()[p as usize];
        if n.token_text(p as usize) == "the" {
            return Some(p);
        }
        let unit = p > 0 && n.tokens()[p as usize - 1].flags.contains(TokenFlags::DIGIT);
        if !(t.flags.contains(TokenFlags::DIGIT) || unit) {
            return None;
        }
        i = p;
    }
    None
}

/// Whether a written word is a generational suffix ("Jr.", "III", "3d",
/// "4th").
fn is_suffix_word(w: &str) -> bool {
    let f = fold_name(w);
    let ordinal = f.len() >= 2
        && f.as_bytes()[0].is_ascii_digit()
        && ["st", "nd", "rd", "th", "d"].iter().any(|s| {
            f.strip_suffix(s)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        });
    is_suffix(&f) || ordinal
}

/// Whether an appositive's words speak of a trade of the past or of
/// training ("a former human rights lawyer", "a lawyer by training").
fn past_trade(appositive: &[&str]) -> bool {
    appositive.iter().any(|w| {
        matches!(
            *w,
            "former" | "ex" | "retired" | "onetime" | "one-time" | "once" | "training" | "trained"
        )
    })
}

/// Forms of address the press writes before a name that are no part of
/// it and no title of office (folded): Burmese "Daw" and "U", Malay "Tan
/// Sri", "Datuk", "Tun", "Puan", "Encik", Indonesian "Pak" and "Ibu",
/// Indian "Shri", "Smt.", "Thiru", West African "Alhaji" and "Alhaja",
/// East African "Mzee", Ethiopian "Ato", Cambodian "Samdech", Thai
/// "Khun", and "Syed" and "Haji" before Muslim names.
const HONORIFICS: &[&str] = &[
    "daw", "u", "syed", "sayed", "seyed", "tan", "sri", "datuk", "dato", "datin", "tun", "puan",
    "encik", "pak", "bapak", "ibu", "shri", "shrimati", "smt", "thiru", "alhaji", "alhaja",
    "hajia", "haji", "hajji", "mzee", "ato", "samdech", "khun",
];

/// Whether `rest`, the text right after a name, opens with a possessive
/// ("'s", "’s").
fn possessive_at(rest: &str) -> bool {
    rest.starts_with("'s") || rest.starts_with("’s")
}

/// Whether only spaces, quotes, commas and the like stand between token `i`
/// and the next: no sentence-ending punctuation.
fn plain_gap(text: &str, n: &Normalized, i: usize) -> bool {
    !gap(text, n, i).contains(['.', '!', '?'])
}

/// Whether a quotation mark closes between two of tokens `first..=last`
/// (a mark and a space) that opened at most two words before it and
/// before token `first`: a short quotation, a nickname (`"El Chapo"
/// Guzmán`, `'EL MAYO' ZAMBADA`), the words cut through. The mark that
/// opens is of the closing one's kind, after the line's start, a space
/// or a bracket and before a letter ("Workers' Party", "in the '90s the
/// Workers' Party", a ‘quotation’ closed earlier, or a longer one, "'The
/// Kurdistan Workers' Party will", open nothing here).
fn closes_quotation_inside(text: &str, n: &Normalized, first: u32, last: u32) -> bool {
    let t = n.tokens();
    for i in first as usize..last as usize {
        let g = gap(text, n, i);
        if opens_quotation(g) {
            return false;
        }
        let Some(opener) = closes_quotation(g) else {
            continue;
        };
        // (The quoted words: tokens `j..=i`, a space between each.)
        return (i.saturating_sub(1)..=i).rev().any(|j| {
            let before = &text[..t[j].start as usize];
            (j..i).all(|k| gap(text, n, k) == " ")
                && j <= first as usize
                && before.strip_suffix(opener).is_some_and(|b| {
                    b.chars()
                        .next_back()
                        .is_none_or(|ch| ch.is_whitespace() || ch == '(')
                })
                && text[t[j].start as usize..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        });
    }
    false
}

/// Whether tokens `first + 1..=last` are a nickname the press writes in
/// quotation marks between a person's given name (token `first`) and the
/// family name (`Ismael "El Mayo" Zambada García`, `Henry ‘Hank’
/// Johnson`): opened right after the given name, closed right before the
/// family name, its words apart by spaces only.
fn quoted_nickname(text: &str, n: &Normalized, first: u32, last: u32) -> bool {
    let (first, last) = (first as usize, last as usize);
    last > first
        && (first + 1..last).all(|i| matches!(gap(text, n, i), " " | "\u{a0}"))
        && opens_quotation(gap(text, n, first))
        && last + 1 < n.tokens().len()
        && closes_quotation(gap(text, n, last)).is_some()
}

/// Whether the text between two tokens is a space and a quotation mark
/// that opens (straight or curly, double or single).
fn opens_quotation(gap: &str) -> bool {
    matches!(gap, " \"" | " \u{201c}" | " '" | " \u{2018}")
}

/// The mark that opens the quotation the text between two tokens closes,
/// where it is a quotation mark and a space.
fn closes_quotation(gap: &str) -> Option<char> {
    match gap {
        "\" " => Some('"'),
        "\u{201d} " => Some('\u{201c}'),
        "' " => Some('\''),
        "\u{2019} " => Some('\u{2018}'),
        _ => None,
    }
}

/// The text between tokens `i` and `i + 1`.
fn gap<'t>(text: &'t str, n: &Normalized, i: usize) -> &'t str {
    let t = n.tokens();
    &text[t[i].end as usize..t[i + 1].start as usize]
}

/// Whether token `i` is written in lower case and is not a name particle
/// ("al", "van"): such a word is not part of a proper noun.
fn lowercase_word(n: &Normalized, i: usize) -> bool {
    let flags = n.tokens()[i].flags;
    // (A token with a digit is no word: "the 99th Light Infantry
    // Division".)
    flags.contains(TokenFlags::LOWERCASE)
        && !flags.contains(TokenFlags::DIGIT)
        && !is_particle(n.token_text(i))
}

/// Whether the line holding token `i` is a headline in title case: at
/// most 200 bytes, no sentence end, and every word of four letters or more
/// capitalized, three or more of them ("Reagan Salutes F.D.R. at
/// Centennial Luncheon").
fn title_case_line(text: &str, n: &Normalized, i: usize) -> bool {
    const MAX: usize = 200;
    let t = &n.tokens()[i];
    // (Looking no further than a headline's length either way: a text
    // without line breaks is no headline, and is not scanned whole.)
    let (start, end) = (t.start as usize, t.end as usize);
    let mut lo = start.saturating_sub(MAX);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + MAX).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    // (`memchr`'s searches: these windows are read at every candidate.)
    let from = match memchr::memrchr(b'\n', &text.as_bytes()[lo..start]) {
        Some(p) => lo + p + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let to = match memchr::memchr(b'\n', &text.as_bytes()[end..hi]) {
        Some(p) => end + p,
        None if hi == text.len() => hi,
        None => return false,
    };
    let line = text[from..to].trim_end();
    if line.len() > MAX || line.ends_with(['.', '!', '?', ':', ',']) {
        return false;
    }
    let mut long = 0;
    for w in line.split(|c: char| !c.is_alphabetic()) {
        if w.chars().count() >= 4 {
            if !w.starts_with(char::is_uppercase) {
                return false;
            }
            long += 1;
        }
    }
    long >= 3
}

/// Whether the line holding token `i` has letters and none of them lower
/// case: a headline or a caption set in capitals.
fn caps_line(text: &str, n: &Normalized, i: usize) -> bool {
    let t = &n.tokens()[i];
    // Outward from the token to the line's ends, stopping at the first
    // lower-case letter: in ordinary text that is a few bytes away.
    let mut letters = false;
    for c in text[..t.start as usize]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .chain(text[t.start as usize..t.end as usize].chars())
        .chain(text[t.end as usize..].chars().take_while(|&c| c != '\n'))
    {
        if c.is_lowercase() {
            return false;
        }
        letters |= c.is_alphabetic();
    }
    letters
}

/// Where the initials written just before byte `at` start, when they are
/// exactly `listed` (sorted, upper case; not empty): "F. K. " before
/// "Fiedler".
fn initials_before(text: &str, at: usize, listed: &[char]) -> Option<usize> {
    if listed.is_empty() {
        return None;
    }
    let (letters, from) = initials_ending_at(text, at);
    let mut found: Vec<char> = letters.iter().flat_map(|c| c.to_uppercase()).collect();
    found.sort_unstable();
    (found == listed).then_some(from)
}

/// The initials written just before byte `at` ("A.Q. " before "Khan"), in
/// text order, and where the first starts (`at` when there are none).
fn initials_ending_at(text: &str, at: usize) -> (Vec<char>, usize) {
    let mut letters = Vec::new();
    let mut from = at;
    while let Some((letter, begin)) = initial_ending_at(text, from) {
        letters.push(letter);
        from = begin;
    }
    letters.reverse();
    (letters, from)
}

/// Where initials written just before byte `at` start, when there are two
/// or more and they are, in order, the first letters of the given names
/// (and patronymic) before `surname` in one of person `e`'s listed names:
/// "A.Q." before "Khan" for the listed "Abdul Qadeer Khan", "V.V." before
/// "Putin" for "PUTIN, Vladimir Vladimirovich".
fn given_initials_before(
    text: &str,
    at: usize,
    e: &crate::gazetteer::Entity,
    surname: &[&str],
) -> Option<usize> {
    let (written, from) = initials_ending_at(text, at);
    // (Capitals only: "10 a.m. Khan spoke" is a time.)
    if !written.iter().all(|c| c.is_uppercase()) {
        return None;
    }
    // (Not an abbreviation: "a U.S. Grant", "10 A.M. Khan spoke".)
    let abbreviation = matches!(
        written[..],
        ['U', 'S']
            | ['U', 'N']
            | ['U', 'K']
            | ['E', 'U']
            | ['D', 'C']
            | ['L', 'A']
            | ['N', 'Y']
            | ['A', 'M']
            | ['P', 'M']
            | ['U', 'S', 'A']
            | ['U', 'A', 'E']
            | ['S', 'A']
    );
    if written.len() < 2 || abbreviation {
        return None;
    }
    e.names()
        .filter(|a| !a.weak)
        .any(|a| {
            let folded = fold_name(&natural_order(&a.name));
            // (A title the lists write into the name is no given name:
            // "Maulawi Adam Khan" is no "M.A. Khan".)
            let mut words: Vec<&str> = folded.split(' ').collect();
            if words.len() > 2 && crate::variants::is_name_title(words[0]) {
                words.remove(0);
            }
            words.len() == written.len() + surname.len()
                && words.ends_with(surname)
                && words.iter().zip(&written).all(|(w, &l)| {
                    w.chars().next().and_then(|c| c.to_uppercase().next()) == Some(l)
                })
        })
        .then_some(from)
}

/// The initial written just before byte `at` (a letter standing alone,
/// then a dot, then spaces: "F. "), and where it starts.
fn initial_ending_at(text: &str, at: usize) -> Option<(char, usize)> {
    let head = text[..at].trim_end_matches([' ', '\u{a0}']);
    let rest = head.strip_suffix('.')?;
    let letter = rest.chars().next_back().filter(|c| c.is_alphabetic())?;
    let begin = rest.len() - letter.len_utf8();
    (!rest[..begin]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric))
    .then_some((letter, begin))
}

/// Whether one of two persons' records names the other among its
/// `relatives` (by a name of the other, folded).
fn relatives(a: &crate::gazetteer::Entity, b: &crate::gazetteer::Entity) -> bool {
    let names =
        |e: &crate::gazetteer::Entity| e.names().map(|n| fold_name(&n.name)).collect::<Vec<_>>();
    let listed = |x: &crate::gazetteer::Entity, y: &crate::gazetteer::Entity| {
        let Some(list) = x.properties.get("relatives").and_then(|v| v.as_array()) else {
            return false;
        };
        let of_y = names(y);
        list.iter()
            .filter_map(|v| v.as_str())
            .any(|r| of_y.contains(&fold_name(r)))
    };
    listed(a, b) || listed(b, a)
}

/// The rank the folded words before a name (nearest last) end with
/// ([`rank_word`]), not a deputy's or a former holder's: "Vice Chairman
/// Kim" is no "Chairman Kim".
fn rank_before(before: &[&str]) -> Option<&'static str> {
    let (last, rest) = before.split_last()?;
    if rest.last().is_some_and(|w| is_rank_qualifier(w)) {
        return None;
    }
    rank_word(last)
}

/// A word before a rank that makes it another's: "vice", "deputy", "co",
/// "acting", "former".
fn is_rank_qualifier(w: &str) -> bool {
    matches!(w, "vice" | "deputy" | "co" | "acting" | "former" | "ex")
}

/// Whether the `len` bytes at `at` of a stream (or a slice of one) are
/// whole words: a space on either side.
fn whole_words_at(stream: &[u8], at: usize, len: usize) -> bool {
    at > 0 && stream[at - 1] == b' ' && stream.get(at + len) == Some(&b' ')
}

/// Whether token `i` is a title word naming an office ("president",
/// "minister", "foreign" of "Foreign Minister").
fn title_word_at(n: &Normalized, i: usize) -> bool {
    crate::link::title_before(&[n.token_text(i)]).is_some()
        || (i + 1 < n.tokens().len()
            && crate::link::title_before(&[n.token_text(i), n.token_text(i + 1)])
                .is_some_and(|t| !t.offices.is_empty()))
}

/// Initials the press writes alone for bodies known the world over
/// (agencies, broadcasters, international organizations): never read as
/// the initials of a listed organization the story names.
const WORLD_ACRONYMS: &[&str] = &[
    "ABC", "AFP", "BBC", "CBS", "CIA", "CNN", "DEA", "DOJ", "ECB", "EPA", "FAA", "FBI", "FCC",
    "FDA", "FIFA", "ICC", "ICJ", "IMF", "IOC", "KGB", "NASA", "NATO", "NBC", "NSA", "OPEC", "OSCE",
    "SEC", "UEFA", "UNDP", "WHO", "WTO",
];

/// The initials an organization's name gives, three to five capitals
/// that spell no English word: of its words after a legal form that opens
/// it, with the legal form that closes it and without
/// (`PJSC United Aircraft Corporation` → `UAC`, `Ocean Maritime Management
/// Company Limited` → `OMMCL`, `OMM`), leaving out function words
/// (`Commercial Bank of Syria` → `CBS`), and of four or five letters also
/// with the Arabic article (`Al-Qard Al-Hassan` → `AQAH`).
fn org_initials(name: &str) -> Vec<String> {
    let folded = fold_name(name);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let (pre, suf) = match LegalForms::builtin().split(&words) {
        Some((pre, suf, _)) => (pre, suf),
        None => (0, 0),
    };
    let mut out: Vec<String> = Vec::new();
    for kept in [&words[pre..], &words[pre..words.len() - suf]] {
        // (Without function words; and with the Arabic article, which the
        // press spells out, in four letters or five: "Al-Qard Al-Hassan" →
        // "AQAH"; not three, where common acronyms lie: "ANA", "SAR".)
        for article in [false, true] {
            let acr: String = kept
                .iter()
                .filter(|w| !is_stopword(w) || (article && matches!(**w, "al" | "el")))
                .filter_map(|w| w.chars().next())
                .map(|ch| ch.to_ascii_uppercase())
                .collect();
            if (if article { 4..=5 } else { 3..=5 }).contains(&acr.len())
                && acr.bytes().all(|b| b.is_ascii_uppercase())
                && !is_common_word(&acr.to_ascii_lowercase())
                && !out.contains(&acr)
            {
                out.push(acr);
            }
        }
    }
    out
}

/// A person's listed name in natural order: "KENNEDY, John Fitzgerald"
/// → "John Fitzgerald KENNEDY"; a name without a comma as it is.
fn natural_order(name: &str) -> std::borrow::Cow<'_, str> {
    match name.split_once(',') {
        Some((family, given)) => format!("{} {}", given.trim(), family.trim()).into(),
        None => name.into(),
    }
}

/// Whether the text up to a name (`before`) ends in one of the words
/// `leads` that speak of one bearer of a name among others ("another",
/// "the other") and a space, and the name is a person's, not a modifier
/// of the noun after it (`after`): "included another Li Qiang, a village
/// doctor", "another Li Qiang from Henan", "The other Scott Morrison just
/// wants his phone to stop ringing"; not "another Xi Jinping loyalist",
/// nor a pronoun before a comma ("Another, Iván Archivaldo Guzmán Salazar,
/// was freed").
fn another_before(before: &str, after: &str, leads: &[&str]) -> bool {
    !modifies_noun(after) && leads.iter().any(|w| ends_in_words(before, w))
}

/// Whether a name is a modifier of the noun written after it (`after`,
/// the text after the name): "Xi Jinping loyalist", not "Li Qiang, a
/// village doctor", "Li Qiang from Henan" or "Scott Morrison just wants".
fn modifies_noun(after: &str) -> bool {
    let next = after.trim_start_matches([' ', '\u{a0}']);
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // (A word of a closed class, a preposition, an auxiliary or an
    // adverb of the kind headlines use, is no noun the name modifies.)
    word.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            word,
            "from"
                | "of"
                | "who"
                | "whose"
                | "in"
                | "at"
                | "aged"
                | "with"
                | "no"
                | "is"
                | "was"
                | "has"
                | "had"
                | "says"
                | "said"
                | "will"
                | "would"
                | "can"
                | "could"
                | "does"
                | "did"
                | "just"
                | "also"
                | "still"
                | "now"
                | "never"
                | "only"
        )
}

/// Whether `before` ends in the words `w` (case aside, standing alone) and
/// a space.
fn ends_in_words(before: &str, w: &str) -> bool {
    let Some(b) = before.strip_suffix(' ') else {
        return false;
    };
    b.len()
        .checked_sub(w.len())
        .and_then(|k| b.get(k..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(w))
        && !b[..b.len() - w.len()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Whether the text up to a name (`before`) ends in "the last" or "the
/// only" and a space, and what follows the name (`after`) is punctuation
/// or a preposition or relative word: the name's bearers spoken of ("I'm
/// not the last John Lee in Hong Kong to get that call"), not the fused
/// relative ("the last Xi Jinping would accept", "the only Vladimir Putin
/// can trust").
fn one_bearer_of_many(before: &str, after: &str) -> bool {
    let next = after.trim_start_matches([' ', '\u{a0}']);
    let word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let fits = if word.is_empty() {
        next.starts_with([',', '.', ';', ':', '"', '\u{201d}', ')', '?', '!'])
    } else {
        matches!(
            word,
            "in" | "from" | "of" | "who" | "whose" | "at" | "with" | "aged" | "to"
        )
    };
    fits && (ends_in_words(before, "the last") || ends_in_words(before, "the only"))
}

/// The quotation that ends just before byte `at` of `text` (its closing
/// mark, then at most a space), as a byte range: quotation marks (straight
/// `"`, or `“ ”`, `« »`) are paired from the start of the line, since the
/// press opens a quotation again in every paragraph it runs through.
fn quotation_before(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let before = text[..at].trim_end_matches([' ', '\u{a0}']);
    let close = before
        .char_indices()
        .next_back()
        .filter(|&(_, ch)| matches!(ch, '"' | '”' | '»'))?
        .0;
    open_quotation(text, close).map(|o| o..close)
}

/// Where the quotation open at byte `at` of `text` was opened on its line:
/// the opening mark not yet closed before `at` ('"' counted in pairs).
fn open_quotation(text: &str, at: usize) -> Option<usize> {
    let line = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut open = None;
    for (i, ch) in text[line..at].char_indices() {
        match ch {
            '"' => open = if open.is_some() { None } else { Some(line + i) },
            '“' | '«' => open = Some(line + i),
            '”' | '»' => open = None,
            _ => {}
        }
    }
    open
}

/// `end`, moved past a closing quotation mark when the span `start..end`
/// opens one that it does not close: `ООО «Гардсервис»`.
fn close_quote(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    for (open, close) in [('«', '»'), ('“', '”'), ('„', '“')] {
        if span.contains(open) && !span.contains(close) && text[end..].starts_with(close) {
            return end + close.len_utf8();
        }
    }
    end
}

/// Whether every word of `short` is in `long`, in the same order.
fn is_subsequence<T: PartialEq>(short: &[T], long: &[T]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// Whether tokens `first..=last` hold a lower-case word that cannot be part
/// of a name: any at either end, and inside only words other than function
/// words ("Magnitogorsk Iron and Steel Works" is a name).
fn name_has_lowercase_word(n: &Normalized, first: u32, last: u32) -> bool {
    (first..=last).any(|i| {
        lowercase_word(n, i as usize)
            && (i == first || i == last || !is_stopword(n.token_text(i as usize)))
    })
}

/// Whether the text's first line, a headline, ends between bytes `a`
/// and `b` (the end of one word and the start of the next): no name runs
/// on past it ("… kills Iran's Qassem Soleimani" over "Khamenei vows
/// revenge"), unless the line ends in a comma or a hyphen and goes on.
fn headline_ends_between(text: &str, a: usize, b: usize) -> bool {
    // (Searched back from `a`: any other line has a break just before.)
    let Some(nl) = text[a..b].find('\n') else {
        return false;
    };
    memchr::memrchr(b'\n', &text.as_bytes()[..a]).is_none()
        && !text[a..a + nl].trim_end().ends_with([',', '-'])
}

/// Whether token `i` is an ordinary word that opens a sentence ("Later",
/// "Yesterday"): capitalized for the sentence, not as a name.
fn opens_sentence(n: &Normalized, i: usize) -> bool {
    n.tokens()[i].flags.contains(TokenFlags::SENTENCE_START) && is_common_word(n.token_text(i))
}

/// Whether the Arabic article is hyphened before candidate `c`, a
/// transliterated person's name read without it, and opens the name: the
/// press writes it before a given name ("Al-Saadi Gaddafi", "el-Saadi
/// Gaddafi") and a family name the list writes without it ("al-Gaddafi"), and it is
/// then the name's first word, not another name the listed one is part
/// of.
/// (A one-word name only after the article in lower case: "Al-Hilal" is
/// as often a club, "Al-Ahly", as a person.)
fn article_before_name(m: &Matcher, n: &Normalized, text: &str, c: &Cand) -> bool {
    // (The article opens the name: no name word of the bearer's own
    // before it, "Ahmad Al-Nawaf Al-Ahmad Al-Sabah", "Sabawi Al-Hassan
    // Al-Tikriti", whose "Al-" names a father; a title may be, "Colonel
    // Al-Saadi", and a word that opens a sentence.)
    let opens = || {
        c.first < 2 || {
            let q = c.first as usize - 2;
            !n.tokens()[q].flags.contains(TokenFlags::CAPITALIZED)
                || n.barrier_after(q)
                || gap(text, n, q) != " "
                || is_title(n.token_text(q))
                || opens_sentence(n, q)
        }
    };
    c.first > 0
        && c.start.is_none()
        && (c.first < c.last
            || n.tokens()[c.first as usize - 1]
                .flags
                .contains(TokenFlags::LOWERCASE))
        && matches!(n.token_text(c.first as usize - 1), "al" | "el")
        && gap(text, n, c.first as usize - 1) == "-"
        && m.entities()[c.entity as usize].kind == EntityType::Person
        && m.transliterated(c.entity)
        && opens()
}

/// Whether tokens `first..=last` are written as a proper noun of their own:
/// capitalized, and not run together with another capitalized name word.
fn proper_context(text: &str, n: &Normalized, first: u32, last: u32) -> bool {
    let tokens = n.tokens();
    if name_has_lowercase_word(n, first, last) {
        return false;
    }
    let glued = |a: usize, b: usize| -> bool {
        // Tokens a and b are adjacent with only spaces (or one line break)
        // between them.
        // (A middle initial between, "Milton S. Eisenhower", glues too.)
        // (Not across a line break into a line in capitals: "U.S.
        // sanctions Putin" over "WASHINGTON (Reuters) -" is a headline over
        // a dateline.)
        let raw = &text[tokens[a].end as usize..tokens[b].start as usize];
        let caps = |i: usize| tokens[i].flags.contains(TokenFlags::ALL_CAPS);
        if raw.contains('\n') && caps(b) && !caps(a) {
            return false;
        }
        if headline_ends_between(text, tokens[a].end as usize, tokens[b].start as usize) {
            return false;
        }
        let gap = raw.trim();
        let mut g = gap.chars();
        !n.barrier_after(a)
            && (gap.is_empty()
                || (g.next().is_some_and(char::is_uppercase)
                    && g.next() == Some('.')
                    && g.next().is_none()))
    };
    // In an all-capitals line (a headline) every word is capitalized, so
    // only a word that is no English word can be more of a name:
    // "PUTIN HOLD TALKS" is Putin, "NELSON MANDELA" is not Nelson. So in a
    // headline in title case: "Reagan Salutes F.D.R.".
    let caps = caps_line(text, n, first as usize) || title_case_line(text, n, first as usize);
    let name_word = |i: usize| -> bool {
        let t = &tokens[i];
        let word = n.token_text(i);
        // ("Hezbollah MPs", "Wagner CEOs": an acronym in the plural.)
        let written = &text[t.start as usize..t.end as usize];
        let plural_acronym = written.len() >= 3
            && written.ends_with('s')
            && written[..written.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_uppercase());
        // ("the Kennedy Administration", "the Wilson Government": the
        // word for a leader's time in power, capitalized by house style.)
        let ordinary = is_title(word)
            || is_stopword(word)
            || plural_acronym
            || (caps && is_common_word(word))
            || power_word(word);
        t.flags.contains(TokenFlags::CAPITALIZED)
            && !t.flags.contains(TokenFlags::DIGIT)
            && !ordinary
    };
    // "Saeed al-Jamal", "Hafez al-Assad", "Hamad bin Isa": an Arabic
    // name's particle joins the words either side of it into one name; so
    // does the article in capitals ("Ahmed Al Sharaa", "Ahmed Al-Assad").
    let particle = |i: usize| {
        let w = n.token_text(i);
        matches!(w, "al" | "el")
            || (son_of_word(w) && tokens[i].flags.contains(TokenFlags::LOWERCASE))
    };
    // ("al-Jamal": the particle's hyphen.)
    let joined = |a: usize, b: usize| {
        glued(a, b) || &text[tokens[a].end as usize..tokens[b].start as usize] == "-"
    };
    if first > 0 {
        let p = first as usize - 1;
        // A sentence opens with a capital: "Later Mkrtychev said" is not a
        // two-word name, "Nelson Mandela said" is.
        // (Not after a title's dot: "Maj. John Eisenhower" is a name.)
        let titled = p > 0 && is_title(n.token_text(p - 1));
        let opener = opens_sentence(n, p) && !titled;
        // A nationality before a name says whose it is: "Lebanon's
        // pro-Iranian Hezbollah", "Nigerian Ahmed Musa".
        let demonym = is_demonym(n.token_text(p));
        // "Sultan" and "Tsar", royal titles that are given names too, are
        // titles there ("Sultan Qaboos bin Said"); not a father's name
        // after "bin" ("Zayed bin Sultan Al Nahyan") nor a given name after
        // a title ("Sheikh Sultan Al Qasimi").
        let royal = crate::variants::is_royal_title(n.token_text(p))
            && !(p > 0 && {
                let w = n.token_text(p - 1);
                son_of_word(w) || is_title(w)
            });
        if glued(p, first as usize) && name_word(p) && !opener && !demonym && !royal {
            return false;
        }
        // (Nor a word that opens the sentence before the particle: "Later
        // al-Hilal left" is Hilal.)
        if p > 0
            && particle(p)
            && joined(p, first as usize)
            && glued(p - 1, p)
            && name_word(p - 1)
            && !opens_sentence(n, p - 1)
        {
            return false;
        }
        // "Crown Prince bin Salman", "\"Bin Salman\" means son of Salman":
        // a name after "bin" is a father's within someone's name, whoever
        // is written before it; it never stands for the father.
        if son_of_word(n.token_text(p)) && joined(p, first as usize) {
            return false;
        }
    }
    let next = last as usize + 1;
    if next < tokens.len() && glued(last as usize, next) && name_word(next) {
        return false;
    }
    // "Cheong Wa Dae said": a capitalized function word of another
    // language inside a run of capitalized words continues a longer name
    // (the Blue House's), not a sentence.
    // (The flag first: this runs for every candidate.)
    if next + 1 < tokens.len()
        && tokens[next].flags.contains(TokenFlags::CAPITALIZED)
        && !caps
        && is_stopword(n.token_text(next))
        && !is_common_word(n.token_text(next))
        && glued(last as usize, next)
        && glued(next, next + 1)
        && name_word(next + 1)
    {
        return false;
    }
    // "The Hoover Company", "Kennedy Center": a capitalized word for a
    // thing named after someone (a title word too, "Company Secretary",
    // or an ordinary one) makes the name part of the thing's.
    // (The flag and word tests first: `glued` reads the text between.)
    if next < tokens.len()
        && !caps
        && tokens[next].flags.contains(TokenFlags::CAPITALIZED)
        && named_after(n.token_text(next))
        && glued(last as usize, next)
    {
        return false;
    }
    // "Ford's Theatre", "Delmonico's Restaurant": a possessive before a
    // venue's word is the venue's name, after its owner.
    if next < tokens.len()
        && !caps
        && tokens[next].flags.contains(TokenFlags::CAPITALIZED)
        && matches!(
            n.token_text(next),
            "theatre" | "theater" | "hotel" | "tavern" | "inn" | "restaurant" | "cafe" | "saloon"
        )
        && matches!(
            text[tokens[last as usize].end as usize..tokens[next].start as usize].trim_end(),
            "'s" | "\u{2019}s"
        )
    {
        return false;
    }
    if next + 1 < tokens.len()
        && particle(next)
        && glued(last as usize, next)
        && joined(next, next + 1)
        && name_word(next + 1)
    {
        return false;
    }
    true
}

/// Whether `between` (the text between two words) holds a paragraph break:
/// a line break, then only spaces or tabs, then another.
fn paragraph_break(between: &str) -> bool {
    // (The lines between two line breaks: not the text before the first
    // nor after the last.)
    let mut lines = between.split('\n').skip(1).peekable();
    while let Some(line) = lines.next() {
        if lines.peek().is_some() && line.trim_matches([' ', '\t', '\r']).is_empty() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Alias, Entity, Gazetteer, NameOrder};

    fn gazetteer() -> Gazetteer {
        let mut kim = Entity::new("kim", "Kim Jong Un", EntityType::Person);
        kim.name_order = Some(NameOrder::FamilyFirst);
        kim.aliases.push(Alias {
            order: Some(NameOrder::FamilyFirst),
            ..Alias::new("KIM, Jong Un")
        });
        // (Made up: a Hong Kong name, English given name first or
        // Chinese given name last.)
        // (Made up: a group called after a family.)
        let mut zg = Entity::new("zg", "AL-ZARNIKI FRONT", EntityType::Organization);
        zg.aliases.push(Alias {
            weak: true,
            ..Alias::new("ZARNIKI GROUP")
        });
        let mut hk = Entity::new("hk", "Carla Zarnuk", EntityType::Person);
        hk.aliases.push(Alias::new("Zarnuk Mei-ling"));
        // (A made-up weak alias: a common word.)
        kim.aliases.push(Alias {
            weak: true,
            ..Alias::new("ROCKET")
        });
        let mut de = Entity::new(
            "de",
            "DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP",
            EntityType::Organization,
        );
        de.properties
            .insert("linked_to".into(), serde_json::json!(["MKRTYCHEV, Ashot"]));
        let mut komid = Entity::new(
            "komid",
            "KOREA MINING DEVELOPMENT TRADING CORPORATION",
            EntityType::Organization,
        );
        komid.aliases.push(Alias {
            weak: true,
            ..Alias::new("KOMID")
        });
        let mut prominent = Entity::new("pz", "Petra Zarnavaxova", EntityType::Person);
        prominent
            .properties
            .insert("prominent".into(), serde_json::Value::Bool(true));
        let mut kim2 = Entity::new("kim2", "Kim Yo Jong", EntityType::Person);
        kim2.name_order = Some(NameOrder::FamilyFirst);
        Gazetteer::from_entities([
            Entity::new("mk", "MKRTYCHEV, Ashot", EntityType::Person),
            Entity::new(
                "verus",
                "LIMITED LIABILITY COMPANY VERUS",
                EntityType::Organization,
            ),
            Entity::new("versor", "VERSOR S.R.O.", EntityType::Organization),
            de,
            {
                let mut bn = Entity::new("bn", "Brian E. Nelson", EntityType::Person);
                bn.properties
                    .insert("country".into(), "United States".into());
                bn
            },
            Entity::new("dover", "DOVER", EntityType::Vessel),
            {
                let mut devon = Entity::new("devon", "DEVON", EntityType::Vessel);
                devon.aliases.push(Alias::new("DELVAR"));
                devon
            },
            Entity::new("dovers", "DOVER S.A.", EntityType::Organization),
            Entity::new("mkp", "MKRTYCHEV PARTY", EntityType::Organization),
            Entity::new("doverh", "DOVER HOLDINGS S.A.", EntityType::Organization),
            Entity::new("si", "SAKHALIN ISLAND", EntityType::Vessel),
            // Made-up fixture names.
            Entity::new("zarnavax", "ZARNAVAX", EntityType::Vessel),
            Entity::new("jqz", "John Q. Zarnavaxian", EntityType::Person),
            Entity::new("jz", "John Zarnavaxian", EntityType::Person),
            Entity::new("op", "ZARNAVEKOV, Oleg Petrovich", EntityType::Person),
            Entity::new("us", "ZARNAVEKOVA, Ulana Sergeyevna", EntityType::Person),
            Entity::new("zk", "KHAN, Zarvat Orlan", EntityType::Person),
            Entity::new("mz", "Mullah Orlan Zarnavekovski", EntityType::Person),
            Entity::new("zas", "Zarnavax A.S.", EntityType::Other("unknown".into())),
            Entity::new("ztc", "ZORVALEX TANKER COMPANY", EntityType::Organization),
            Entity::new(
                "wo",
                "THIMBLE ORCHARD TRADING LLC",
                EntityType::Organization,
            ),
            Entity::new("kz", "Kemal al-Zarniki", EntityType::Person),
            Entity::new(
                "qtd",
                "QUORVEN TRADE DEVELOPMENT CO., LTD.",
                EntityType::Organization,
            ),
            Entity::new(
                "vpi",
                "VELMARIK PETROCHEMICAL INDUSTRIES",
                EntityType::Organization,
            ),
            Entity::new(
                "fkz",
                "F. K. Zarnavaxer",
                EntityType::Other("unknown".into()),
            ),
            prominent,
            komid,
            kim,
            kim2,
            hk,
            zg,
        ])
    }

    /// (name, text, expected (text, entity id, kind))
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str, &'static str)],
    );
    const CASES: &[Case] = &[
        ("vessel cue before", "the tanker Dover sailed", &[("Dover", "dover", "normalized")]),
        ("vessel cue after is a modifier", "a Dover tanker sailed", &[]),
        ("vessel cue too far", "tanker registries in Dover opened", &[]),
        ("a plural cue before such as", "tankers such as Dover sailed", &[("Dover", "dover", "normalized")]),
        ("a plural cue before including", "tankers including Dover sailed", &[("Dover", "dover", "normalized")]),
        ("a singular cue before such as", "a tanker such as Dover is big", &[]),
        ("vessel article", "The Zarnavax sailed at dawn.", &[("Zarnavax", "zarnavax", "normalized")]),
        ("vessel article with size", "the 88-metre Zarnavax", &[("Zarnavax", "zarnavax", "normalized")]),
        ("vessel article, a place", "The Dover sailed at dawn.", &[]),
        ("a plural cue", "The bulkers Zarnavax and Dover sailed.", &[("Zarnavax", "zarnavax", "normalized"), ("Dover", "dover", "normalized")]),
        ("legal form as a lower-case word", "Zarnavax as they say", &[]),
        ("lower-case word after a hyphen", "Kim Jong-un spoke", &[("Kim Jong-un", "kim", "normalized")]),
        ("legal form written as one", "Zarnavax A.S. said", &[("Zarnavax A.S.", "zas", "exact")]),
        ("initials-only name, surname alone", "Zarnavaxer said.", &[]),
        (
            "initials-only name, written in full",
            "F. K. Zarnavaxer said. Zarnavaxer left.",
            &[("F. K. Zarnavaxer", "fkz", "exact"), ("Zarnavaxer", "fkz", "surname")],
        ),
        (
            "initials agree",
            "John Q. Zarnavaxian spoke.",
            &[("John Q. Zarnavaxian", "jqz", "exact")],
        ),
        ("initials differ", "John R. Zarnavaxian spoke.", &[("John R. Zarnavaxian", "jz", "normalized")]),
        ("given initials", "O.P. Zarnavekov spoke.", &[("O.P. Zarnavekov", "op", "normalized")]),
        ("given initials, spaced", "Mr O. P. Zarnavekov spoke.", &[("O. P. Zarnavekov", "op", "normalized")]),
        ("given initials in another order", "P.O. Zarnavekov spoke.", &[]),
        ("other given initials", "O.K. Zarnavekov spoke.", &[]),
        ("initials in lower case", "At 9 o.p. Zarnavekov spoke.", &[]),
        ("an abbreviation, not initials", "A U.S. Zarnavekova grant.", &[]),
        ("initials and a common surname alone", "Z.O. Khan spoke.", &[]),
        ("a listed title is no given name", "M.O. Zarnavekovski spoke.", &[]),
        (
            "a religious title before a surname",
            "Orlan Zarnavekovski arrived. Maulvi Zarnavekovski spoke.",
            &[("Orlan Zarnavekovski", "mz", "normalized"), ("Zarnavekovski", "mz", "surname")],
        ),
        ("two names across a comma", "Ashot, Mkrtychev and others", &[]),
        ("legal form that is a function word", "In Verus we trust", &[("Verus", "verus", "short")]),
        ("ordinary word in lower case", "the defense engineering limited liability partnership", &[]),
        ("vessel article before a head noun", "the Dover port", &[]),
        ("vessel alone", "In Dover, rain.", &[]),
        (
            "surname before family noun",
            "Ashot Mkrtychev met. The Mkrtychev family left.",
            &[("Ashot Mkrtychev", "mk", "name_order")],
        ),
        (
            "surname in quotes",
            "Ashot Mkrtychev met. The word \"Mkrtychev\" is long.",
            &[("Ashot Mkrtychev", "mk", "name_order")],
        ),
        (
            "surname of another bearer named last",
            "Ashot Mkrtychev met. Later Boris Mkrtychev came. Then Mkrtychev left.",
            &[("Ashot Mkrtychev", "mk", "name_order")],
        ),
        (
            "surname of a relative named as such",
            "Ashot Mkrtychev met. His cousin Boris Mkrtychev came. Then Mkrtychev left.",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Mkrtychev", "mk", "surname")],
        ),
        (
            "surname of a dead bearer named last",
            "Ashot Mkrtychev met. His late father, Boris Mkrtychev, was a judge. Then Mkrtychev left.",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Mkrtychev", "mk", "surname")],
        ),
        (
            "surname of a bearer named late on a day",
            "Ashot Mkrtychev met. Late Monday, Boris Mkrtychev came. Then Mkrtychev left.",
            &[("Ashot Mkrtychev", "mk", "name_order")],
        ),
        (
            "surname in a capitals headline",
            "MKRTYCHEV MEETS BUYERS\n\nAshot Mkrtychev met.",
            &[("MKRTYCHEV", "mk", "surname"), ("Ashot Mkrtychev", "mk", "name_order")],
        ),
        ("cyrillic transliterated", "Ашот Мкртычев met.", &[("Ашот Мкртычев", "mk", "name_order")]),
        ("weak alias alone", "KOMID said.", &[]),
        (
            "an ordinary first word after the full name",
            "Thimble Orchard Trading LLC was listed. Thimble has denied it. Shares in Thimble fell.",
            &[
                ("Thimble Orchard Trading LLC", "wo", "normalized"),
                ("Thimble", "wo", "short"),
                ("Thimble", "wo", "short"),
            ],
        ),
        ("an ordinary first word alone", "Thimble has denied it. Shares in Thimble fell.", &[]),
        (
            "an ordinary first word opening a sentence, not its subject",
            "Thimble Orchard Trading LLC was listed. Thimble trees grow there.",
            &[("Thimble Orchard Trading LLC", "wo", "normalized")],
        ),
        (
            "an ordinary first word the text also writes in lower case",
            "Thimble Orchard Trading LLC was listed. The thimble crop failed, buyers at Thimble said.",
            &[("Thimble Orchard Trading LLC", "wo", "normalized")],
        ),
        (
            "an ordinary first word inside a longer name",
            "Thimble Orchard Trading LLC was listed by the Department of Thimble, and Thimble Creek.",
            &[("Thimble Orchard Trading LLC", "wo", "normalized")],
        ),
        (
            "listed acronym after the full name",
            "Korea Mining Development Trading Corporation sold arms. Later, KOMID denied it; komid is no word.",
            &[
                ("Korea Mining Development Trading Corporation", "komid", "normalized"),
                ("KOMID", "komid", "exact"),
            ],
        ),
        (
            "weak alias beside the full name",
            "Korea Mining Development Trading Corporation, or KOMID, said.",
            &[
                ("Korea Mining Development Trading Corporation", "komid", "normalized"),
                ("KOMID", "komid", "exact"),
            ],
        ),
        ("name order", "Ashot Mkrtychev met.", &[("Ashot Mkrtychev", "mk", "name_order")]),
        (
            "surname after full",
            "Ashot Mkrtychev met. Later Mkrtychev left.",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Mkrtychev", "mk", "surname")],
        ),
        ("surname before full", "Mkrtychev met Ashot Mkrtychev.", &[("Mkrtychev", "mk", "surname"), ("Ashot Mkrtychev", "mk", "name_order")]),
        ("common surname alone is nothing", "Nelson left.", &[]),
        ("surname alone, someone readers need introduced", "Mkrtychev left.", &[]),
        (
            "surname in a title-case headline",
            "Zarnavaxova Meets Farmers in Ohio\nThe president spoke.",
            &[("Zarnavaxova", "pz", "surname")],
        ),
        (
            "surname at the end of a headline over a dateline",
            "Farmers Greet Zarnavaxova\nDAYTON, Ohio - The president spoke.",
            &[("Zarnavaxova", "pz", "surname")],
        ),
        (
            "name run together in a sentence",
            "Zarnavaxova Meets spoke in Ohio and then left the farm.",
            &[],
        ),
        (
            "surname alone, a head of state",
            "Zarnavaxova left.",
            &[("Zarnavaxova", "pz", "surname")],
        ),
        ("shared surname alone is nothing", "Kim left.", &[]),
        ("distinctive org core alone", "Versor said", &[("Versor", "versor", "short")]),
        ("distinctive org core before a plural acronym", "Versor MPs said", &[("Versor", "versor", "short")]),
        ("common-word org core alone is nothing", "Defense Engineering said", &[]),
        ("common-word org core after a word for a company", "the company Defense Engineering said", &[("Defense Engineering", "de", "short")]),
        ("common-word org core as a modifier", "a Defense Engineering company said", &[]),
        ("common-word org core after a company's sentence", "They sued the company. Defense Engineering said no.", &[]),
        (
            "linked entity gives evidence",
            "Ashot Mkrtychev runs Defense Engineering.",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Defense Engineering", "de", "short")],
        ),
        ("lowercase short form is nothing", "Ashot Mkrtychev. the verus ratio", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("legal form prefix", "LLC Verus said", &[("LLC Verus", "verus", "legal_form")]),
        ("legal form suffix", "Verus LLC said", &[("Verus LLC", "verus", "legal_form")]),
        ("legal form after a place's name", "Dover Ltd said", &[]),
        ("legal form of the name before a comma", "Acme Ltd, Verus and others", &[("Verus", "verus", "short")]),
        ("a person's party", "Ashot Mkrtychev's party won.", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("the party", "Ashot Mkrtychev won. The Mkrtychev party lost.", &[("Ashot Mkrtychev", "mk", "name_order"), ("Mkrtychev party", "mkp", "normalized")]),
        ("legal form after a place's name, as listed", "Dover Holdings Ltd said", &[("Dover Holdings Ltd", "doverh", "legal_form")]),
        ("legal form russian", "ООО «Verus» said", &[("ООО «Verus»", "verus", "legal_form")]),
        ("exact", "the LIMITED LIABILITY COMPANY VERUS", &[("LIMITED LIABILITY COMPANY VERUS", "verus", "exact")]),
        ("acronym with dot", "Versor S.R.O. said", &[("Versor S.R.O.", "versor", "normalized")]),
        ("sro lower", "Versor s.r.o. said", &[("Versor s.r.o.", "versor", "normalized")]),
        (
            "short org list",
            "Limited Liability Company Verus and Versor S.R.O. Then: Verus, Defense Engineering, and Versor.",
            &[
                ("Limited Liability Company Verus", "verus", "normalized"),
                ("Versor S.R.O.", "versor", "normalized"),
                ("Verus", "verus", "short"),
                ("Versor", "versor", "short"),
            ],
        ),
        ("middle initial", "Brian E. Nelson said. Nelson said.", &[("Brian E. Nelson", "bn", "exact"), ("Nelson", "bn", "surname")]),
        ("common name alone", "Brian Nelson said", &[]),
        ("common name, country named", "Brian Nelson of the United States said", &[("Brian Nelson", "bn", "normalized")]),
        ("other person same first name", "Brian Nelson of the United States said. Nelson Mandela too.", &[("Brian Nelson", "bn", "normalized")]),
        ("korean hyphen", "Kim Jong-un and Kim Jongun", &[("Kim Jong-un", "kim", "normalized"), ("Kim Jongun", "kim", "normalized")]),
        (
            "ambiguous surname resolved by evidence",
            "Kim Jong Un spoke. Kim said.",
            &[("Kim Jong Un", "kim", "exact"), ("Kim", "kim", "surname")],
        ),
        ("kardashian", "Kim Jong Un spoke. Kim Kardashian did not.", &[("Kim Jong Un", "kim", "exact")]),
        (
            "another Kim named in full in the paragraph",
            "Kim Jong Un spoke.\n\nKim Young-sam, a former president, wept. Kim said so.",
            &[("Kim Jong Un", "kim", "exact")],
        ),
        (
            "another Kim named in full paragraphs before",
            "Kim Jong Un spoke. Kim Young-sam wept.\n\nKim said so.",
            &[("Kim Jong Un", "kim", "exact"), ("Kim", "kim", "surname")],
        ),
        ("a longer hyphened given name", "Kim Yo Jong-min spoke.", &[]),
        (
            "the bearer called by the surname alone keeps it",
            "Kim Jong Un spoke. Kim said yes. His sister, Kim Yo Jong, nodded. Kim left.",
            &[
                ("Kim Jong Un", "kim", "exact"),
                ("Kim", "kim", "surname"),
                ("Kim Yo Jong", "kim2", "exact"),
                ("Kim", "kim", "surname"),
            ],
        ),
        ("inside a word", "Ashot Mkrtychevsky", &[]),
        ("email", "Ashot Mkrtychev wrote to verus@example.com", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("possessive", "Ashot Mkrtychev’s firm", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("title", "Under Secretary Brian E. Nelson", &[("Brian E. Nelson", "bn", "exact")]),
        ("lower-case word is no legal form", "they see Versor as partner", &[("Versor", "versor", "short")]),
        ("one-word vessel needs a cue", "The cliffs of Dover.", &[]),
        ("one-word vessel with a cue", "The tanker Dover sailed.", &[("Dover", "dover", "normalized")]),
        ("vessel named after a place, the place", "Sakhalin Island itself is cold.", &[]),
        ("vessel named after a place, a ship", "The tanker Sakhalin Island sailed.", &[("Sakhalin Island", "si", "normalized")]),
        (
            "a group called after a family, by its plural and its group words",
            "The Zarnikis, formally Al-Zarniki Front, fought. The Zarniki movement grew, and the Zarniki group split.",
            &[
                ("Zarnikis", "zg", "short"),
                ("Al-Zarniki Front", "zg", "normalized"),
                ("Zarniki movement", "zg", "short"),
                ("Zarniki group", "zg", "normalized"),
            ],
        ),
        // (Distinctive: it stands alone, as "Belavia" does.)
        ("a group's plural with no full mention", "The Zarnikis fought.", &[("Zarnikis", "zg", "short")]),
        (
            "two listed names sharing a word are one mention",
            "Chief Executive Carla Zarnuk Mei-ling spoke. Carla Zarnuk left. Zarnuk Mei-ling returned.",
            &[
                ("Carla Zarnuk Mei-ling", "hk", "normalized"),
                ("Carla Zarnuk", "hk", "exact"),
                ("Zarnuk Mei-ling", "hk", "exact"),
            ],
        ),
        (
            "a nickname the text gives, used again",
            "Ashot Mkrtychev, who is nicknamed \"the Grey Fox,\" spoke. The Grey Fox left.",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Grey Fox", "mk", "nickname"), ("Grey Fox", "mk", "nickname")],
        ),
        (
            "a nickname of the name just before, a second one after or",
            "He met Ashot Mkrtychev, known as \"Grey Fox\" or \"the Baron\".",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Grey Fox", "mk", "nickname"), ("Baron", "mk", "nickname")],
        ),
        ("a name for something else the sentence names", "Ashot Mkrtychev said the plan, known as \"Grey Fox\", failed.", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("a quoted name with no cue", "Ashot Mkrtychev called him \"Grey Fox\".", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("a listed nickname in quotes", "Kim Jong Un spoke. \"Rocket\" left.", &[("Kim Jong Un", "kim", "exact"), ("Rocket", "kim", "normalized")]),
        ("a listed nickname of no one named", "\"Rocket\" left.", &[]),
        (
            "no part of a name inside a place's name",
            "Kim Jong Un spoke. Crowds filled Kim Jong Un Park.",
            &[("Kim Jong Un", "kim", "exact")],
        ),
        (
            "a name given in words, used again",
            "Ashot Mkrtychev, known as Zorro Vardanyan, spoke. Zorro Vardanyan left.",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Zorro Vardanyan", "mk", "introduced"), ("Zorro Vardanyan", "mk", "introduced")],
        ),
        (
            "a listed name given to the name written first",
            "Karo Ashotian, listed by the Treasury as Ashot Mkrtychev, spoke.",
            &[("Karo Ashotian", "mk", "introduced"), ("Ashot Mkrtychev", "mk", "name_order")],
        ),
        ("a name given in a clause that names others", "Ashot Mkrtychev, one of four brothers known as Zorro Boys, spoke.", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("ordinary words given", "Ashot Mkrtychev, known as the Boss, spoke.", &[("Ashot Mkrtychev", "mk", "name_order")]),
        (
            "a list of ships ending in an IMO number",
            "Also named were Zarnavax, Dover and Sakhalin Island (IMO 9249128).",
            &[("Zarnavax", "zarnavax", "normalized"), ("Dover", "dover", "normalized"), ("Sakhalin Island", "si", "normalized")],
        ),
        (
            "a list that holds a ship",
            "Its ships include the tanker Zarnavax, Dover and Sakhalin Island.",
            &[("Zarnavax", "zarnavax", "normalized"), ("Dover", "dover", "normalized"), ("Sakhalin Island", "si", "normalized")],
        ),
        ("a list of places", "They visited Dover and Sakhalin Island (in 2019).", &[]),
        (
            "a ship's old name and its new one",
            "Her sister Delvar has become Devon. Devon (formerly Delvar) sailed.",
            &[("Delvar", "devon", "normalized"), ("Devon", "devon", "normalized"), ("Devon", "devon", "normalized"), ("Delvar", "devon", "normalized")],
        ),
        ("two names of a ship not said to be one", "Delvar and Devon were quiet. Delvar left. Now Devon is.", &[]),
        ("a place and a ship's name", "Dover is now Devon's busiest port.", &[]),
        ("an IMO number in another sentence", "Off Sakhalin Island. IMO 9249128 sailed.", &[]),
        (
            "a family name whose plural names a group",
            "The Zarnikis fought. Their leader Kemal al-Zarniki spoke. Zarniki positions fell. Later Zarniki said so.",
            &[("Zarnikis", "zg", "short"), ("Kemal al-Zarniki", "kz", "exact")],
        ),
        ("a preacher on a sanctions list", "The preacher Ashot Mkrtychev spoke.", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("a family name's article dropped", "Kemal al-Zarniki spoke. Zarniki left.", &[("Kemal al-Zarniki", "kz", "exact"), ("Zarniki", "kz", "surname")]),
        ("'Co.' for 'Company'", "Zorvalex Tanker Co. sailed.", &[("Zorvalex Tanker Co.", "ztc", "legal_form")]),
        ("'Co.' for 'Co., Ltd.'", "Quorven Trade Development Co. said so.", &[("Quorven Trade Development Co.", "qtd", "legal_form")]),
        (
            "a legal form after a name listed without one",
            "Velmarik Petrochemical Industries Co. said so.",
            &[("Velmarik Petrochemical Industries Co.", "vpi", "normalized")],
        ),
        (
            "no legal form in lower case or before a hyphen",
            "A Zorvalex Tanker co-owner and Zorvalex Tanker company.",
            &[("Zorvalex Tanker", "ztc", "short"), ("Zorvalex Tanker", "ztc", "short")],
        ),
    ];

    /// (text, entity id, kind) of each of `found`, mentions over `m` in
    /// `text`.
    fn spans_ids_kinds<'a>(
        m: &'a Matcher,
        text: &'a str,
        found: &[Mention],
    ) -> Vec<(&'a str, &'a str, &'static str)> {
        found
            .iter()
            .map(|x| {
                (
                    &text[x.start..x.end],
                    m.entity(x).id.as_str(),
                    x.kind.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn table() {
        let m = Matcher::new(&gazetteer());
        for &(name, text, want) in CASES {
            let got = spans_ids_kinds(&m, text, &m.find(text));
            assert_eq!(got, want, "case {name:?}");
        }
    }

    /// Officials of different eras who share names (fixtures with real
    /// terms, as the bundled officials list records them).
    fn officials() -> Gazetteer {
        let person = |id: &str,
                      name: &str,
                      aliases: &[&str],
                      born: &str,
                      gender: &str,
                      roles: serde_json::Value| {
            let mut e = Entity::new(id, name, EntityType::Person);
            e.aliases = aliases.iter().map(|a| Alias::new(*a)).collect();
            e.properties.insert("birth_date".into(), born.into());
            e.properties.insert("gender".into(), gender.into());
            e.properties
                .insert("country".into(), "United States".into());
            e.properties.insert("roles".into(), roles);
            e
        };
        let term = |role: &str, start: &str, end: &str| serde_json::json!([{"role": role, "start": start, "end": end}]);
        Gazetteer::from_entities([
            person(
                "jfk",
                "John Kennedy",
                &["John Fitzgerald Kennedy"],
                "1917-05-29",
                "M",
                term("President of the United States", "1961-01-20", "1963-11-22"),
            ),
            person(
                "jnk",
                "John Kennedy",
                &["John Neely Kennedy"],
                "1951-11-21",
                "M",
                term("United States Senator", "2017-01-03", "2029-01-03"),
            ),
            person(
                "ghwb",
                "George Bush",
                &["George Herbert Walker Bush"],
                "1924-06-12",
                "M",
                term("President of the United States", "1989-01-20", "1993-01-20"),
            ),
            person(
                "gwb",
                "George Bush",
                &["George Walker Bush"],
                "1946-07-06",
                "M",
                term("President of the United States", "2001-01-20", "2009-01-20"),
            ),
            person(
                "as",
                "Adam Smith",
                &[],
                "1965-06-15",
                "M",
                term("United States Representative", "1997-01-07", "2027-01-03"),
            ),
            person(
                "gw",
                "George Washington",
                &[],
                "1732-02-22",
                "M",
                term("President of the United States", "1789-04-30", "1797-03-04"),
            ),
            person(
                "cc",
                "Calvin Coolidge",
                &[],
                "1872-07-04",
                "M",
                term("President of the United States", "1923-08-02", "1929-03-04"),
            ),
            person(
                "zs",
                "Zorvan Smith",
                &[],
                "1953-03-04",
                "M",
                serde_json::json!([{"role": "United States Representative", "start": "1981-01-03", "end": "2027-01-03", "state": "NJ"}]),
            ),
            person(
                "sf",
                "Scott Fitzgerald",
                &[],
                "1963-09-16",
                "M",
                term("United States Representative", "2021-01-03", "2027-01-03"),
            ),
            person(
                "avs",
                "Adlai Stevenson",
                &["Adlai Ewing Stevenson"],
                "1835-10-23",
                "M",
                term(
                    "Vice President of the United States",
                    "1893-03-04",
                    "1897-03-04",
                ),
            ),
        ])
    }

    /// (name, date, text, expected (text, id) mentions).
    type DatedCase = (
        &'static str,
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );

    /// Who a name means at the document's date.
    #[rustfmt::skip]
    const DATED: &[DatedCase] = &[
        ("initials tell the president", "1962", "John F. Kennedy spoke.", &[("John F. Kennedy", "jfk")]),
        ("initials tell the senator", "2020", "John N. Kennedy spoke.", &[("John N. Kennedy", "jnk")]),
        ("title at the date", "2020", "Senator John Kennedy spoke.", &[("John Kennedy", "jnk")]),
        ("a historic title", "2020", "President John Kennedy spoke in 1962.", &[("John Kennedy", "jfk")]),
        ("before public life", "1961", "John Neely Kennedy spoke.", &[]),
        ("a title names the bare surname", "1969", "The late President Kennedy set the goal.", &[("Kennedy", "jfk")]),
        ("the president of the day", "1990", "President Bush spoke. Bush left.", &[("Bush", "ghwb"), ("Bush", "ghwb")]),
        ("the son in 2005", "2005", "President Bush spoke.", &[("Bush", "gwb")]),
        ("former president", "2001-01-20", "Former President George Bush watched.", &[("George Bush", "ghwb")]),
        (
            "a parent among namesakes, by a word before",
            "2002",
            "The president spoke. His father, George Bush, watched.",
            &[("George Bush", "ghwb")],
        ),
        (
            "a parent among namesakes, by a word after",
            "2025",
            "Presidents: George Bush and his son George W. Bush.",
            &[("George Bush", "ghwb"), ("George W. Bush", "gwb")],
        ),
        ("a child among namesakes", "1992", "The president's son, George Bush, watched.", &[("George Bush", "gwb")]),
        ("middle initials", "2006", "George H. W. Bush and George W. Bush met.", &[("George H. W. Bush", "ghwb"), ("George W. Bush", "gwb")]),
        (
            "an age after a bare surname",
            "2006",
            "George H. W. Bush and George W. Bush met. Bush, 81, spoke. Bush, 59, listened.",
            &[("George H. W. Bush", "ghwb"), ("George W. Bush", "gwb"), ("Bush", "ghwb"), ("Bush", "gwb")],
        ),
        ("an economist", "2020", "The economist Adam Smith wrote.", &[]),
        // (His first term began in January 2001: a newcomer in 2000.)
        ("a newcomer called by his trade", "2000-11-08", "The economist George W. Bush won.", &[("George W. Bush", "gwb")]),
        ("a newcomer's trade long before", "1989", "The economist George W. Bush won.", &[]),
        // (An initial that gives the listed middle name outweighs the trade.)
        ("a trade, and a written initial that fits", "2005", "The economist George W. Bush won.", &[("George W. Bush", "gwb")]),
        ("a congressman", "2020", "Rep. Adam Smith spoke.", &[("Adam Smith", "as")]),
        ("common name, nothing to corroborate", "2020", "Adam Smith spoke.", &[]),
        (
            "a state after a bare surname names its lawmaker",
            "1987",
            "Rep. Zorvan Smith spoke. Lawrence Smith, a Florida Democrat, agreed. Mr. Smith of New Jersey disagreed.",
            &[("Zorvan Smith", "zs"), ("Smith", "zs")],
        ),
        ("a future legislator beside an official", "1990", "President George Bush spoke. Adam Smith asked.", &[("George Bush", "ghwb")]),
        ("a legislator in office beside an official", "2020", "Senator John Kennedy spoke. Adam Smith asked.", &[("John Kennedy", "jnk"), ("Adam Smith", "as")]),
        ("an initial before the name", "2020", "F. Scott Fitzgerald wrote.", &[]),
        ("a bridge", "1961", "They crossed the George Washington Bridge.", &[]),
        ("another person's name", "1961", "George Washington Carver taught.", &[]),
        ("the city", "1961", "President George Washington led. Officials in Washington said.", &[("George Washington", "gw")]),
        ("the man", "1961", "President George Washington led. Washington said.", &[("George Washington", "gw"), ("Washington", "gw")]),
        ("a common name, nothing to corroborate it", "1961", "George Washington led.", &[]),
        ("the wife", "1961", "Calvin Coolidge spoke. Mrs. Coolidge smiled.", &[("Calvin Coolidge", "cc")]),
        ("a relative named as such", "1961", "Calvin Coolidge spoke. His widow, Zorana Coolidge, smiled. Coolidge's cabinet met.", &[("Calvin Coolidge", "cc"), ("Coolidge", "cc")]),
        ("another bearer named on her own", "1961", "Calvin Coolidge spoke. Later Zorana Coolidge smiled. Coolidge waved.", &[("Calvin Coolidge", "cc")]),
        ("a town and its state", "1961", "Calvin Coolidge spoke. He was from Coolidge, Ariz.", &[("Calvin Coolidge", "cc")]),
        ("long out of office", "1961", "Adlai Stevenson spoke.", &[]),
        ("long out of office, title fits", "1961", "Former Vice President Adlai Stevenson was recalled.", &[("Adlai Stevenson", "avs")]),
        ("a leader by the date over one after it", "1999", "Mourners from the United States included George Bush and his wife.", &[("George Bush", "ghwb")]),
        ("a private job before the name", "2020", "Rep. Adam Smith spoke. In Tacoma, grocer Adam Smith sells fish.", &[("Adam Smith", "as")]),
        ("a business's owner", "2020", "The shop in the United States is moving, owner Adam Smith said.", &[]),
        ("a town in a list of towns", "1790", "George Washington spoke. Men of Washington and Cincinnati cheered. Washington left.", &[("George Washington", "gw"), ("Washington", "gw")]),
        ("initials over a title the lists lack", "2025", "His son, Gov. George W. Bush of Texas, ran.", &[("George W. Bush", "gwb")]),
        ("people who bear the name", "2020", "Rep. Adam Smith spoke. The town has three men called Adam Smith.", &[("Adam Smith", "as")]),
        ("a namesake, said so", "2020", "Rep. Adam Smith spoke. Adam Smith, no relation to the congressman, sells fish.", &[("Adam Smith", "as")]),
        ("a title, and no family tie", "2020", "Rep. Adam Smith, no relation to the economist, spoke.", &[("Adam Smith", "as")]),
        ("another bearer", "1925", "Calvin Coolidge spoke. The crowd held another Calvin Coolidge from Ohio.", &[("Calvin Coolidge", "cc")]),
    ];

    #[test]
    fn dated() {
        let m = Matcher::new(&officials());
        let mut r = Resolver::new(&m);
        for &(name, date, text, want) in DATED {
            r.set_date(DocDate::parse(date).unwrap());
            let mut out = Vec::new();
            r.resolve(text, &mut out);
            let got: Vec<(&str, &str)> = out
                .iter()
                .map(|x| (&text[x.start..x.end], m.entity(x).id.as_str()))
                .collect();
            assert_eq!(got, want, "case {name:?} ({date})");
        }
    }

    /// The mentions `r` resolves in `text`.
    fn resolved(r: &mut Resolver, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        r.resolve(text, &mut out);
        out
    }

    /// (text, entity id) of each mention `r` (over `m`) resolves in `text`.
    fn resolved_ids(r: &mut Resolver, m: &Matcher, text: &str) -> Vec<(String, String)> {
        resolved(r, text)
            .iter()
            .map(|x| (text[x.start..x.end].to_string(), m.entity(x).id.clone()))
            .collect()
    }

    /// The text of each mention `r` resolves in `text`.
    fn resolved_texts(r: &mut Resolver, text: &str) -> Vec<String> {
        resolved(r, text)
            .iter()
            .map(|x| text[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn a_given_name_that_is_an_english_word_respelled_inside_a_name() {
        // Made-up fixture: a man born in a country of Cyrillic script,
        // listed with no country or nationality.
        let mut b = Entity::new("b", "Viktor Anatolyevich Zarbout", EntityType::Person);
        b.properties
            .insert("pob".into(), "Dushanbe, Tajikistan".into());
        let m = Matcher::new(&Gazetteer::from_entities([b]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2008-03-07").unwrap());
        let got = resolved_texts(
            &mut r,
            "The businessman Victor Zarbout was arrested. Zarbout denied it.",
        );
        assert_eq!(got, ["Victor Zarbout", "Zarbout"]);
        // The English word alone is no given name of his.
        let got = resolved_texts(
            &mut r,
            "Viktor Zarbout spoke. The victor said nothing. Victor left.",
        );
        assert_eq!(got, ["Viktor Zarbout"]);
    }

    #[test]
    fn a_respelled_form_is_not_read_in_another_spelling_again() {
        // Made-up names: a transliterated name with the word "Zaryasin",
        // and a Malaysian whose listed "Zaryassin" the press also writes
        // "Zaryasin".
        let mut t = Entity::new("t", "Omar Zaryasin", EntityType::Person);
        t.lists.push("SDGT".into());
        let mut m = Entity::new("m", "Muhyo Zaryassin", EntityType::Person);
        m.properties.insert("country".into(), "Malaysia".into());
        let matcher = Matcher::new(&Gazetteer::from_entities([t, m]));
        let mut r = Resolver::new(&matcher);
        r.set_date(DocDate::parse("2021-04-24").unwrap());
        let got = resolved_texts(
            &mut r,
            "Muhyo Zaryassin spoke. Muhyo Zarysin flew in. Zaryasin left.",
        );
        assert_eq!(got, ["Muhyo Zaryassin", "Zaryasin"]);
    }

    /// An expected mention: (text, entity id, kind).
    type Expected = (&'static str, &'static str, &'static str);

    #[test]
    fn relatives_by_given_name_after_a_word_for_relatives() {
        // Made-up fixture names: a listed father, two listed sons who share
        // his family name (in another spelling) and no record of the tie,
        // and another listed man who shares a son's given name.
        let m = Matcher::new(&Gazetteer::from_entities([
            Entity::new("f", "Zarkov Qadhrani", EntityType::Person),
            Entity::new("k", "Khemis Gadhrani", EntityType::Person),
            Entity::new("d", "Dravik Qadhrani", EntityType::Person),
            Entity::new("o", "Khemis Voltarin", EntityType::Person),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2011-02-27").unwrap());
        let ids = |r: &mut Resolver, text: &str| resolved_ids(r, &m, text);
        let pair = |t: &str, id: &str| (t.to_string(), id.to_string());
        assert_eq!(
            ids(
                &mut r,
                "Zarkov Qadhrani spoke. His sons Khemis and Dravik fled."
            ),
            [
                pair("Zarkov Qadhrani", "f"),
                pair("Khemis", "k"),
                pair("Dravik", "d")
            ]
        );
        // Not without the word for relatives, nor the first word of a
        // longer name.
        for text in [
            "Zarkov Qadhrani spoke. Khemis fled.",
            "Zarkov Qadhrani spoke. His guard Khemis fled.",
            "Zarkov Qadhrani spoke. His son Khemis Borrat fled.",
            // (Another person named between: his son.)
            "Zarkov Qadhrani spoke. Councillor John Borrat said his son Khemis fled.",
        ] {
            assert_eq!(ids(&mut r, text), [pair("Zarkov Qadhrani", "f")], "{text}");
        }
    }

    #[test]
    fn terms_a_parenthesis_defines() {
        assert_eq!(
            introduced_term(" (hereafter \"the Bank\", as bankers put it), with"),
            Some(("Bank", 41))
        );
        assert_eq!(
            introduced_term(" (the \u{201c}Company\u{201d})"),
            Some(("Company", 19))
        );
        assert_eq!(
            introduced_term(" (the Company) said"),
            Some(("Company", 13))
        );
        // (An acronym, a place, a lower-case word: none defined.)
        assert_eq!(introduced_term(" (BPC)"), None);
        assert_eq!(org_initials("PJSC United Aircraft Corporation"), ["UAC"]);
        assert_eq!(
            org_initials("OCEAN MARITIME MANAGEMENT COMPANY LIMITED"),
            ["OMMCL", "OMM"]
        );
        assert_eq!(org_initials("Commercial Bank of Syria"), ["CBS"]);
        // (Not two letters, nor an English word.)
        assert!(org_initials("Zarna Limited").is_empty());
        assert!(org_initials("Atlantic Rim Maritime").is_empty());
        assert_eq!(introduced_term(" (the bank)"), None);
        assert_eq!(introduced_term(" (the Bank of Cuba)"), None);
        // Later uses after "the", past the definition.
        let m = Matcher::new(&Gazetteer::from_entities([Entity::new(
            "bnz",
            "BANCO NACIONAL DE ZEMBLA",
            EntityType::Organization,
        )]));
        let mut r = Resolver::new(&m);
        let text = "Banco Nacional de Zembla (hereafter \"the Bank\") lends. The Bank said no. A bank said yes; Bank holidays.";
        assert_eq!(
            resolved_texts(&mut r, text),
            ["Banco Nacional de Zembla", "Bank"]
        );
    }

    #[test]
    fn another_bearer_before_a_name() {
        assert!(another_before(
            "The deputies included another ",
            ", a doctor",
            &["another"]
        ));
        assert!(another_before("ANOTHER ", " from Ohio", &["another"]));
        assert!(another_before("met another ", ".", &["another"]));
        // (A word of a closed class after the name is no noun it
        // modifies.)
        assert!(another_before(
            "The other ",
            " just wants quiet",
            &["another", "the other"]
        ));
        assert!(another_before("Another ", " says no", &["another"]));
        // (A pronoun before a comma; another word ending so; the name as
        // a modifier; "the other" where it is not asked for, or ends a
        // longer word.)
        assert!(!another_before(
            "One son died. Another, ",
            " was freed",
            &["another"]
        ));
        assert!(!another_before("yetanother ", ", a doctor", &["another"]));
        assert!(!another_before("another", ", a doctor", &["another"]));
        assert!(!another_before(
            "Another ",
            " loyalist, Li Qiang, rose",
            &["another"]
        ));
        assert!(!another_before(
            "The other ",
            " just wants quiet",
            &["another"]
        ));
        assert!(!another_before(
            "The other ",
            " loyalist spoke",
            &["another", "the other"]
        ));
        assert!(!another_before(
            "mothe other ",
            " spoke",
            &["another", "the other"]
        ));
        assert!(one_bearer_of_many(
            "I'm sure I'm not the last ",
            " in Hong Kong to get that call"
        ));
        assert!(one_bearer_of_many("He is the only ", "."));
        assert!(!one_bearer_of_many("the last ", " speech ran long"));
        assert!(!one_bearer_of_many("is the last ", " would accept"));
        assert!(!one_bearer_of_many("He is the only ", " can trust"));
        assert!(!one_bearer_of_many("the lonely ", " in Hong Kong"));
    }

    #[test]
    fn a_headline_about_a_namesake_leaves_untitled_uses_to_the_namesake() {
        // A made-up fixture president.
        let mut p = born_president(
            "p",
            "Dorran Quillby",
            "1968-05-13",
            "2018-08-24",
            "2022-05-23",
        );
        p.lists = vec!["official:fixture".into()];
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-05-21").unwrap());
        let body = "President Dorran Quillby won the vote.\n\n\
                    Dorran Quillby has had a big week.\n\n\
                    Mr Quillby laughed.";
        let linked = |r: &mut Resolver, text: &str| -> Vec<usize> {
            resolved(r, text).iter().map(|x| x.start).collect()
        };
        let headline = "The other Dorran Quillby just wants quiet\n\n";
        let titled = headline.len() + "President ".len();
        assert_eq!(linked(&mut r, &format!("{headline}{body}")), [titled]);
        // (Without the headline's words, each use is the president's.)
        let headline = "Dorran Quillby just wants quiet\n\n";
        assert_eq!(linked(&mut r, &format!("{headline}{body}")).len(), 4);
    }

    #[test]
    fn middle_names_the_lists_leave_out() {
        // Made-up fixture names.
        let official = |id: &str, name: &str, start: &str| {
            let mut e = officeholder(id, name, "President of Zembla", start);
            e.lists = vec!["official:fixture".into()];
            e
        };
        let mut quennet = Entity::new("quennet", "QUENNET, Brasko Anatolin", EntityType::Person);
        quennet.lists = vec!["SDGT".into()];
        let mut vanly = Entity::new("vanly", "Kestor Vanly", EntityType::Person);
        vanly.lists = vec!["SDGT".into()];
        vanly
            .properties
            .insert("linked_to".into(), serde_json::json!(["Tavor Vanly"]));
        let mut tavor = Entity::new("tavor", "Tavor Vanly", EntityType::Person);
        tavor.lists = vec!["SDGT".into()];
        let mut vorlan = Entity::new("vorlan", "VORLAN, Tesk A.", EntityType::Person);
        vorlan.lists = vec!["SDGT".into()];
        let m = Matcher::new(&Gazetteer::from_entities([
            official("son", "Marvek Tolundi Osswar", "2021-04-20"),
            official("father", "Idrel Tolundi Osswar", "1990-12-02"),
            official("short", "Dravo Ulmenk", "2019-01-01"),
            official("long", "Dravo Pell Ulmenk", "2001-01-01"),
            quennet,
            vanly,
            tavor,
            vorlan,
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2021-06-01").unwrap());
        // (text, expected (text, entity id, kind))
        let cases: &[(&str, &[Expected])] = &[
            // The son's name with his father's written in (the father's
            // whole name inside it is no mention), then his surname.
            (
                "General Marvek Idrel Tolundi Osswar took power. Osswar spoke.",
                &[
                    ("Marvek Idrel Tolundi Osswar", "son", "middle_names"),
                    ("Osswar", "son", "surname"),
                ],
            ),
            // Two middle names written.
            (
                "Marvek Asso Idrel Tolundi Osswar took power.",
                &[("Marvek Asso Idrel Tolundi Osswar", "son", "middle_names")],
            ),
            // Words listed whole are that name, not another's with a
            // middle name written in.
            (
                "Dravo Pell Ulmenk spoke.",
                &[("Dravo Pell Ulmenk", "long", "exact")],
            ),
            // A sanctioned person's listed middle name, written in full.
            (
                "Brasko Anatolyevich Quennet was held.",
                &[("Brasko Anatolyevich Quennet", "quennet", "middle_names")],
            ),
            // Middle names the lists do not give, of a person they name
            // for no office: someone else; one they give as an initial
            // agrees by its letter.
            ("Kestor Ali Vanly, a trader, said.", &[]),
            // The name of a person the lists link to this one, after his
            // given name: his father's name, as Arabic names write it.
            (
                "Kestor Tavor Vanly was held.",
                &[("Kestor Tavor Vanly", "vanly", "middle_names")],
            ),
            (
                "Tesk Amarin Vorlan was held.",
                &[("Tesk Amarin Vorlan", "vorlan", "middle_names")],
            ),
            ("Tesk Borin Vorlan was held.", &[]),
            // Names of two sentences are two names.
            (
                "They met Brasko Quennet. Quennet said no.",
                &[
                    ("Brasko Quennet", "quennet", "partial_name"),
                    ("Quennet", "quennet", "surname"),
                ],
            ),
        ];
        for &(text, want) in cases {
            let got = spans_ids_kinds(&m, text, &resolved(&mut r, text));
            assert_eq!(got, want, "{text:?}");
        }
        // Two names in a row, not one with middle names: "Dravo Ulmenk"
        // ends inside the words that would be the middle ones.
        let text = "Pictured: Dravo Ulmenk Marvek Ulmenk.";
        assert!(resolved(&mut r, text)
            .iter()
            .all(|x| x.kind != MatchKind::MiddleNames));
    }

    /// A made-up president `name`, born `born`, in office from `start` to
    /// `end`.
    fn born_president(id: &str, name: &str, born: &str, start: &str, end: &str) -> Entity {
        let mut e = Entity::new(id, name, EntityType::Person);
        e.properties.insert("birth_date".into(), born.into());
        e.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "President", "start": start, "end": end}]),
        );
        e
    }

    /// A made-up person holding `role` from `start` on.
    fn officeholder(id: &str, name: &str, role: &str, start: &str) -> Entity {
        official(
            id,
            name,
            serde_json::json!([{"role": role, "start": start}]),
        )
    }

    /// (text, entity id) of each mention `m` finds in `text`.
    fn spans_and_ids<'a>(m: &'a Matcher, text: &'a str) -> Vec<(&'a str, &'a str)> {
        m.find(text)
            .iter()
            .map(|x| (&text[x.start..x.end], m.entity(x).id.as_str()))
            .collect()
    }

    #[test]
    fn the_souths_spellings_of_korean_family_names_inside_a_name() {
        // Made-up fixture names of two North Koreans.
        let korean = |id: &str, name: &str| {
            let mut e = Entity::new(id, name, EntityType::Person);
            e.properties.insert(
                "addresses".into(),
                serde_json::json!([{"country": "Korea, North"}]),
            );
            e
        };
        let m = Matcher::new(&Gazetteer::from_entities([
            korean("r", "Ri Sol Gwan"),
            korean("p", "Pak Mun Gil"),
        ]));
        let text = "Lee Sol-gwan met Park Mun-gil in the park. Lee and Park left.";
        assert_eq!(
            spans_and_ids(&m, text),
            [("Lee Sol-gwan", "r"), ("Park Mun-gil", "p")]
        );
    }

    #[test]
    fn a_fathers_name_inside_his_sons_and_a_force_named_after_him() {
        // Made-up fixture names: a father, and a son whose name carries the
        // father's as his second (an Arabic nasab) before the nisba.
        let father = Entity::new("f", "Zarqawan Hussein Al-Tikrazi", EntityType::Person);
        let son = Entity::new(
            "s",
            "AL-TIKRAZI, Qudran Zarqawan Hussein",
            EntityType::Person,
        );
        let m = Matcher::new(&Gazetteer::from_entities([father, son]));
        let text = "Zarqawan Hussein Al-Tikrazi ruled. His son Qudran Zarqawan Hussein \
                    led the Fedayeen Zarqawan, a militia. Zarqawan stayed in power.";
        let got = spans_and_ids(&m, text);
        // The son by his name without the nisba; the father's name alone
        // is the father, not the son named last, nor someone the force's
        // name ("the Fedayeen Zarqawan") would make a stranger.
        assert_eq!(
            got,
            [
                ("Zarqawan Hussein Al-Tikrazi", "f"),
                ("Qudran Zarqawan Hussein", "s"),
                ("Zarqawan", "f")
            ]
        );
    }

    #[test]
    fn a_name_after_bin_is_a_fathers_within_another_name() {
        // A made-up fixture name: a father whose sons are called "bin
        // Zarqawan".
        let father = Entity::new("f", "Zarqawan bin Hadi Al Tikrazi", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([father]));
        let text = "Zarqawan bin Hadi Al Tikrazi ruled. \"Bin Zarqawan\" means his son; \
                    Crown Prince bin Zarqawan spoke. Zarqawan smiled.";
        assert_eq!(
            spans_and_ids(&m, text),
            [("Zarqawan bin Hadi Al Tikrazi", "f"), ("Zarqawan", "f")]
        );
    }

    #[test]
    fn a_chinese_name_in_wade_giles() {
        // Made-up fixture names: two mainland officials (Pinyin) and a
        // Hong Kong one whose listed family name is another's Wade-Giles.
        let chinese = |id: &str, name: &str, country: &str| {
            let mut e = Entity::new(id, name, EntityType::Person);
            e.name_order = Some(NameOrder::FamilyFirst);
            e.properties.insert("country".into(), country.into());
            e
        };
        let m = Matcher::new(&Gazetteer::from_entities([
            chinese("x", "Zhuo Baoqiang", "China"),
            chinese("z", "Zheng Yanfu", "China"),
            chinese("c", "Cheng Lai-wah", "Hong Kong"),
        ]));
        let text = "Zhuo Baoqiang, whom Taipei papers call Cho Pao-chiang, arrived.";
        assert_eq!(
            spans_and_ids(&m, text),
            [("Zhuo Baoqiang", "x"), ("Cho Pao-chiang", "x")]
        );
        let mut r = Resolver::new(&m);
        let out = resolved(&mut r, text);
        assert_eq!(out[1].kind, MatchKind::Variant);
        // No Wade-Giles surname alone: "Cheng" is the listed Cheng's.
        let text = "Cheng Lai-wah met Zheng Yanfu. Cheng said so.";
        let ids: Vec<String> = resolved(&mut r, text)
            .iter()
            .map(|x| m.entity(x).id.clone())
            .collect();
        assert_eq!(ids, ["c", "z", "c"]);
    }

    #[test]
    fn a_hushing_letter_as_english_lists_transliterate_it() {
        // A made-up fixture name on a Russia program: transliterated.
        let mut e = Entity::new("z", "Zarko Mironovich Shorvanov", EntityType::Person);
        e.lists = vec!["RUSSIA-EO14024".into()];
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        for (text, name) in [
            ("Zarko Șorvanov spoke.", "Zarko Șorvanov"),
            ("Zarko Şorvanov spoke.", "Zarko Şorvanov"),
            ("Zarko Šorvanov spoke.", "Zarko Šorvanov"),
        ] {
            assert_eq!(spans_and_ids(&m, text), [(name, "z")], "{text}");
        }
    }

    #[test]
    fn a_private_person_described_after_the_name() {
        // Made-up fixture names: a sanctioned person and a ship.
        let p = Entity::new("p", "Zorvan Kaltorin", EntityType::Person);
        let v = Entity::new("v", "Ilyas Merdovan", EntityType::Vessel);
        let m = Matcher::new(&Gazetteer::from_entities([p, v]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-05-12").unwrap());
        let ids = |r: &mut Resolver, text: &str| {
            resolved(r, text)
                .iter()
                .map(|m| m.entity)
                .collect::<Vec<_>>()
        };
        for text in [
            "Second place went to Zorvan Kaltorin, 41, a software developer from Ohio.",
            "\"We need work,\" said Zorvan Kaltorin, 58, who runs a noodle shop nearby.",
            "Ilyas Merdovan, a retired mathematics teacher, tied for third.",
            "Zorvan Kaltorin, a 58-year-old taxi driver, said so.",
        ] {
            assert!(ids(&mut r, text).is_empty(), "{text}");
        }
        for text in [
            "Treasury named Zorvan Kaltorin, 41, a financier of the network.",
            "Zorvan Kaltorin, who runs a shipping company in Dubai, was named.",
            "The tanker Ilyas Merdovan, a Panama-flagged ship, sailed.",
        ] {
            assert_eq!(ids(&mut r, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn an_age_too_young_for_the_office_a_queen_mother_and_a_liner() {
        // Made-up fixture names: a minister with no birth on record, and a
        // queen.
        let mut minister = Entity::new("min", "Zhao Lanmin", EntityType::Person);
        minister.name_order = Some(crate::gazetteer::NameOrder::FamilyFirst);
        minister.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "Foreign Minister", "start": "2013-03-17"}]),
        );
        let mut queen = Entity::new("q", "Zarabeth II", EntityType::Person);
        queen.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "Queen of Zarland", "start": "1952-02-06"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([minister, queen]));
        let mut r = Resolver::new(&m);
        let ids = |r: &mut Resolver, date: &str, text: &str| {
            r.set_date(DocDate::parse(date).unwrap());
            resolved(r, text)
                .iter()
                .map(|x| m.entity(x).id.clone())
                .collect::<Vec<_>>()
        };
        // 30 in 2021: born about 1991, 22 in 2013.
        assert!(ids(
            &mut r,
            "2021-05-01",
            "His head cook, Zhao Lanmin, 30, hears jokes."
        )
        .is_empty());
        assert_eq!(
            ids(
                &mut r,
                "2021-05-01",
                "Foreign Minister Zhao Lanmin, 68, arrived."
            ),
            ["min"]
        );
        assert_eq!(ids(&mut r, "1957-10-21", "Queen Zarabeth spoke."), ["q"]);
        for text in [
            "Her mother, Queen Zarabeth, now the Queen Mother, came in 1939.",
            "Queen Zarabeth the Queen Mother smiled.",
            "The crew of the Cunard liner Queen Zarabeth was given shore leave.",
        ] {
            assert!(ids(&mut r, "1957-10-21", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_firm_an_ordinary_word_and_a_family_after_a_surname() {
        // A made-up fixture name whose surname is an English word.
        let e = officeholder(
            "s",
            "Jonas Store",
            "Prime Minister of Zarland",
            "2021-10-14",
        );
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2023-05-16").unwrap());
        let spans = resolved_texts;
        let text = "Jonas Store spoke. Store & Bassett sold tea, as did Bassett & Store. \
                    Who Was Minding The Store? THE STORE BROTHERS SING. A Store Company \
                    van passed. Store said no.";
        assert_eq!(spans(&mut r, text), ["Jonas Store", "Store"]);
        // What follows makes it the person's.
        let text = "Jonas Store spoke. The Store government fell.";
        assert_eq!(spans(&mut r, text), ["Jonas Store", "Store"]);
    }

    #[test]
    fn a_name_the_document_gives_a_company_outweighs_a_listed_first_word() {
        // Made-up fixture names.
        let bank = Entity::new(
            "bank",
            "ZARSVYAZBANK PUBLIC JOINT STOCK COMPANY",
            EntityType::Organization,
        );
        let other = Entity::new("other", "ZSB INNOVATIONS LLC", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([bank, other]));
        let text = "Washington hit Zarsvyazbank PJSC, known as ZSB, which finances \
                    contracts. ZSB Innovations LLC was named too. Later ZSB said so.";
        let got = spans_and_ids(&m, text);
        assert_eq!(got[0], ("Zarsvyazbank PJSC", "bank"));
        assert_eq!(got[1], ("ZSB", "bank"));
        assert_eq!(got[2], ("ZSB Innovations LLC", "other"));
    }

    #[test]
    fn a_company_by_a_surname_it_shares_with_a_small_town() {
        // A made-up airline named after a town too small for the list of
        // places, whose name is also a common surname.
        let air = Entity::new("air", "TOLLIVER AIR", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([air]));
        let text = "Iran's Tolliver Air was named in 2011. Tolliver, a private \
                    airline named after the town of Tolliver, sold the jet. \
                    Hotels in Tolliver are full. Kerman, Rafsanjan and Tolliver \
                    are towns, as are Kerman, Bam, and Tolliver. The jets of Tolliver fly on. His call sign, \
                    \"Tolliver\", stuck.";
        let got: Vec<(&str, usize)> = m
            .find(text)
            .iter()
            .map(|x| (&text[x.start..x.end], x.start))
            .collect();
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            got,
            [
                ("Tolliver Air", at("Tolliver Air")),
                ("Tolliver", at("Tolliver, a")),
                ("Tolliver", at("Tolliver fly")),
            ]
        );
    }

    #[test]
    fn a_name_the_document_gave_one_group_and_a_nationality_left_out() {
        // Made-up fixture groups: a channel that carries a group's name
        // with "TV" as a name of its own, a group called by its
        // nationality, and another that carries the rest as an alias.
        let group = Entity::new("group", "ZARKAS", EntityType::Organization);
        let mut tv = Entity::new("tv", "AL-ZARQA TV", EntityType::Organization);
        tv.aliases = vec![Alias::new("ZARKAS TV")];
        let pij = Entity::new("pij", "PALESTINIAN ZARLIK JIHAD", EntityType::Organization);
        let mut other = Entity::new("other", "ZARBALLAH", EntityType::Organization);
        other.aliases = vec![Alias::new("ZARLIK JIHAD")];
        let m = Matcher::new(&Gazetteer::from_entities([group, tv, pij, other]));
        let ids = |text: &str| -> Vec<String> {
            m.find(text)
                .iter()
                .map(|x| format!("{} {}", &text[x.start..x.end], m.entity(x).id))
                .collect()
        };
        assert_eq!(
            ids("Zarkas won. The army hit Al-Zarqa TV, the channel. Zarkas said so."),
            ["Zarkas group", "Al-Zarqa TV tv", "Zarkas group"]
        );
        assert_eq!(
            ids("The Palestinian Zarlik Jihad agreed. Zarlik Jihad fired rockets."),
            ["Palestinian Zarlik Jihad pij", "Zarlik Jihad pij"]
        );
    }

    #[test]
    fn a_singular_kind_word_does_not_reach_past_and() {
        // A fixture organization named by ordinary words (as an OFAC
        // alias of Iran's central bank): a kind word right before its short name
        // names it; one past "and" is another thing's, unless plural.
        let e = Entity::new(
            "b",
            "Central Bank of the Islamic Republic of Iran",
            EntityType::Organization,
        );
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        for (text, n) in [
            ("The Treasury blocked the lender Central Bank on Monday.", 1),
            (
                "The Treasury blocked the firms Melli and Central Bank on Monday.",
                1,
            ),
            (
                "The Treasury blocked the airline and the Central Bank on Monday.",
                0,
            ),
        ] {
            assert_eq!(resolved(&mut r, text).len(), n, "{text}");
        }
    }

    #[test]
    fn a_ship_named_again_without_its_cue() {
        // A made-up fixture vessel with a longer name of its own.
        let mut a = Entity::new("a", "ZORBREACH", EntityType::Vessel);
        a.aliases = vec![Alias::new("ZORBREACH EXPRESS")];
        let m = Matcher::new(&Gazetteer::from_entities([a]));
        let text = "The Zorbreach Express sailed, and later Zorbreach docked.";
        assert_eq!(
            spans_and_ids(&m, text),
            [("Zorbreach Express", "a"), ("Zorbreach", "a")]
        );
        // (Not named before: no cue, no ship.)
        assert!(spans_and_ids(&m, "Later Zorbreach docked.").is_empty());
    }

    #[test]
    fn a_company_named_with_its_legal_form_then_without() {
        // Made-up fixture names: a parent that carries its subsidiary's
        // words as a name of its own.
        let mut parent = Entity::new("parent", "BANK ZELLI IRAN", EntityType::Organization);
        parent.aliases = vec![Alias::new("ZELLI BANK")];
        let sub = Entity::new("sub", "ZELLI BANK PLC", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([parent, sub]));
        let got = spans_and_ids(&m, "Zelli Bank PLC was listed. Zelli Bank said so.");
        assert_eq!(got, [("Zelli Bank PLC", "sub"), ("Zelli Bank", "sub")]);
        // Without the subsidiary named first, the parent's own name.
        let got = spans_and_ids(&m, "Zelli Bank said so.");
        assert_eq!(got, [("Zelli Bank", "parent")]);
    }

    #[test]
    fn a_legal_form_ending_a_sentence_opens_no_name() {
        // A made-up fixture name, listed with its legal form first.
        let e = Entity::new("c", "LLC ZARCORD VENTURES", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let text = "It was paid by Zarcord Ventures LLC. Zarcord Ventures paid.";
        assert_eq!(
            spans_and_ids(&m, text),
            [("Zarcord Ventures LLC", "c"), ("Zarcord Ventures", "c")]
        );
        let text = "It was paid by a firm, LLC. Zarcord Ventures denied it.";
        assert!(spans_and_ids(&m, text)
            .iter()
            .all(|(t, _)| !t.starts_with("LLC")));
    }

    #[test]
    fn a_titled_name_of_a_thing_and_a_function_word_in_a_headline() {
        // Made-up fixtures: a monarch and a company with a Norwegian form.
        let mut q = Entity::new("q", "Zelmira II", EntityType::Person);
        q.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "Queen of Fixtureland", "start": "1952-02-06"}]),
        );
        let o = Entity::new("o", "Fixtureland Holdings Ltd", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([q, o]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1967-09-20").unwrap());
        let found = |r: &mut Resolver, text: &str| resolved(r, text).len();
        assert_eq!(found(&mut r, "Queen Zelmira launched the ship."), 1);
        assert_eq!(found(&mut r, "She launched the Queen Zelmira in 1938."), 0);
        assert_eq!(found(&mut r, "It is to be called Queen Zelmira 2."), 0);
        assert_eq!(found(&mut r, "The late Queen Zelmira was mourned."), 1);
        let ends = |r: &mut Resolver, text: &str| {
            resolved(r, text).iter().map(|m| m.end).collect::<Vec<_>>()
        };
        assert_eq!(ends(&mut r, "Fixtureland Holdings AS signed it."), [23]);
        assert_eq!(
            ends(&mut r, "REBELS QUIT FIXTURELAND HOLDINGS AS TALKS FAIL\n"),
            [32]
        );
        // A title set off by a comma is no part of a name of a thing.
        assert_eq!(found(&mut r, "He met the Queen, Zelmira II, at noon."), 1);
    }

    #[test]
    fn a_name_after_a_comma_is_no_regnal_number() {
        // A made-up fixture: a head of state.
        let mut p = Entity::new("p", "Vadim Zorkin", EntityType::Person);
        p.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "President of Fixtureland", "start": "2012-05-07"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2022-09-16").unwrap());
        let mut out = Vec::new();
        r.resolve("He meets Zorkin, Xi and Modi on Friday.", &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn another_given_name_after_a_title() {
        // A made-up fixture name.
        let e = Entity::new("p", "Dwight Zellhower", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1953-01-20").unwrap());
        let out = resolved(
            &mut r,
            "Dwight Zellhower took the oath. His son, Maj. John Zellhower, was home. \
             Mr. John Zellhower left. Zellhower spoke.",
        );
        // (The bare surname last refers back to the son.)
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn the_elder_of_two_presidents_by_title() {
        // Made-up fixture names: a father and a son, both presidents.
        let president = |id: &str, born: &str, start: &str, end: &str| {
            born_president(id, "Gorvan Zellick", born, start, end)
        };
        let m = Matcher::new(&Gazetteer::from_entities([
            president("elder", "1924-06-12", "1989-01-20", "1993-01-20"),
            president("younger", "1946-07-06", "2001-01-20", "2009-01-20"),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2001-11-20").unwrap());
        let text = "The freeze the elder President Zellick ordered in 1990 grew. \
                    President Zellick signed an order on Sept. 23.";
        let out = resolved(&mut r, text);
        let ids: Vec<&str> = out.iter().map(|x| m.entity(x).id.as_str()).collect();
        assert_eq!(ids, ["elder", "younger"]);
        // The first and the second holder of the office, by their order.
        let text = "The second President Zellick praised the first President \
                    Zellick.";
        let out = resolved(&mut r, text);
        let ids: Vec<&str> = out.iter().map(|x| m.entity(x).id.as_str()).collect();
        assert_eq!(ids, ["younger", "elder"]);
    }

    #[test]
    fn a_title_that_opens_another_name_in_an_appositive_is_that_names() {
        // A made-up fixture president.
        let m = Matcher::new(&Gazetteer::from_entities([born_president(
            "z",
            "Gorvan Zellick",
            "1946-07-06",
            "2001-01-20",
            "2009-01-20",
        )]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2005-03-01").unwrap());
        let reasons = |r: &mut Resolver, text: &str| {
            let out = resolved(r, text);
            assert_eq!(out.len(), 1, "{text:?}");
            out[0].reasons.clone()
        };
        // (An office in the appositive is the name's own.)
        let own = reasons(&mut r, "Gorvan Zellick, the former prime minister, spoke.");
        assert!(own.contains(&Reason::TitleMismatch), "{own:?}");
        for text in [
            "Gorvan Zellick, who met Prime Minister Tarn Obel, spoke.",
            "Gorvan Zellick, a move Foreign Minister Tarn Obel praised, spoke.",
        ] {
            let got = reasons(&mut r, text);
            assert!(!got.contains(&Reason::TitleMismatch), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn an_untitled_ordinal_orders_two_bearers_named_in_full() {
        // Made-up fixture names: two presidents of one name, a century
        // apart.
        let president = |id: &str, given: &str, born: &str, start: &str, end: &str| {
            born_president(id, &format!("{given} Quorvelt"), born, start, end)
        };
        let m = Matcher::new(&Gazetteer::from_entities([
            president("first", "Andor", "1808-12-29", "1865-04-15", "1869-03-04"),
            president("second", "Lyden", "1908-08-27", "1963-11-22", "1969-01-20"),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1965-01-21").unwrap());
        // (The story called the second by his surname before: that alone
        // would keep it his.)
        let text = "Lyden Quorvelt took the oath. Mr. Quorvelt is the second of \
                    his name to hold the office; the first, Andor Quorvelt, was \
                    impeached. Historians noted that the first Quorvelt had no \
                    ceremony.";
        let ids = resolved_ids(&mut r, &m, text);
        let last = ids.last().map(|(t, id)| (t.as_str(), id.as_str()));
        assert_eq!(last, Some(("Quorvelt", "first")));
        // With one bearer named, no order: "the first Quorvelt" is no one
        // the story compares.
        let text = "Lyden Quorvelt took the oath. The first Quorvelt spoke.";
        let ids = resolved_ids(&mut r, &m, text);
        assert!(ids.iter().all(|(_, id)| id == "second"), "{ids:?}");
        // Nor of a word the surname modifies: terms are counted.
        let text = "Lyden Quorvelt took the oath, his father Andor Quorvelt \
                    watching. Mr. Quorvelt said the first Quorvelt term was hard.";
        let ids = resolved_ids(&mut r, &m, text);
        let last = ids.last().map(|(t, id)| (t.as_str(), id.as_str()));
        assert_eq!(last, Some(("Quorvelt", "second")), "{ids:?}");
    }

    #[test]
    fn a_family_the_story_lists_leaves_the_bare_surname_to_its_head() {
        // Made-up fixture names: a ruler and his children, all listed.
        let person = |id: &str, name: &str| Entity::new(id, name, EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([
            person("head", "Moussar Zeltafi"),
            person("a", "Harun Zeltafi"),
            person("b", "Kamis Zeltafi"),
            person("c", "Saidi Zeltafi"),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2011-02-27").unwrap());
        // Each name of a list a plural word for kin opens is a relative;
        // one the story then calls by the given name is set apart too.
        let text = "The council froze the assets of leader Moussar Zeltafi. The \
                    ban covers his sons Harun Zeltafi, Kamis Zeltafi and Saidi \
                    Zeltafi.\n\nKamis commands a brigade.\n\nThe order froze \
                    assets belonging to Zeltafi and his family.";
        let ids = resolved_ids(&mut r, &m, text);
        let last = ids.last().map(|(t, id)| (t.as_str(), id.as_str()));
        assert_eq!(last, Some(("Zeltafi", "head")), "{ids:?}");
        // A singular word for kin names one relative, not the list after
        // it: the last named is no brother.
        let text = "The ban covers Harun Zeltafi and his brother Kamis Zeltafi, \
                    and Saidi Zeltafi.\n\nZeltafi could not be reached.";
        let ids = resolved_ids(&mut r, &m, text);
        let last = ids.last().map(|(t, id)| (t.as_str(), id.as_str()));
        assert_eq!(last, Some(("Zeltafi", "c")), "{ids:?}");
        // Called by the given name after the full name, a relative of
        // another bearer the story names in full leaves the bare surname
        // to that one.
        let text = "Moussar Zeltafi spoke. Kamis Zeltafi, who commands a \
                    brigade, stood by.\n\nKamis said nothing.\n\nZeltafi \
                    left the hall.";
        let ids = resolved_ids(&mut r, &m, text);
        let last = ids.last().map(|(t, id)| (t.as_str(), id.as_str()));
        assert_eq!(last, Some(("Zeltafi", "head")), "{ids:?}");
        // A list of given names, then another name after ", and", or names
        // after "the sons of": no list of one family.
        for text in [
            "Harun Zeltafi vowed to fight. The union froze the assets of his \
             brothers Kamis and Saidi, and Moussar Zeltafi named a new chief.\n\n\
             Zeltafi has ruled since 1969.",
            "Harun Zeltafi was seen as a reformer. It ended the hopes of the sons \
             of Ravel Quorvelt and Moussar Zeltafi.\n\nZeltafi told a rally.",
        ] {
            let ids = resolved_ids(&mut r, &m, text);
            let last = ids.last().map(|(t, id)| (t.as_str(), id.as_str()));
            assert_eq!(last, Some(("Zeltafi", "head")), "{text}: {ids:?}");
        }
        // The family's name itself is no one's.
        let text = "Moussar Zeltafi spoke.\n\nStreets that bore the Zeltafi name \
                    were renamed.";
        let ids = resolved_ids(&mut r, &m, text);
        assert_eq!(ids.len(), 1, "{ids:?}");
        // A given name inside a quotation does not set its bearer apart.
        let text = "Kamis Zeltafi stood by. Moussar Zeltafi spoke.\n\n\"Moussar is \
                    finished,\" a rebel said.\n\nZeltafi left the hall.";
        let ids = resolved_ids(&mut r, &m, text);
        let last = ids.last().map(|(t, id)| (t.as_str(), id.as_str()));
        assert_eq!(last, Some(("Zeltafi", "head")), "{ids:?}");
    }

    #[test]
    fn a_title_weighed_at_the_year_the_sentence_gives() {
        // Made-up fixture names: two presidents of one name, in office
        // decades apart, both out of office at the date.
        let president = |id: &str, given: &str, born: &str, start: &str, end: &str| {
            born_president(id, &format!("{given} Quorvell"), born, start, end)
        };
        let m = Matcher::new(&Gazetteer::from_entities([
            president("first", "Tavish", "1858-10-27", "1901-09-14", "1909-03-04"),
            president("second", "Branoc", "1882-01-30", "1933-03-04", "1945-04-12"),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1950-06-26").unwrap());
        let ids = |r: &mut Resolver, text: &str| -> Vec<String> {
            resolved(r, text)
                .iter()
                .map(|x| m.entity(x).id.clone())
                .collect()
        };
        // (Each time the other was named last.)
        let text = "Branoc Quorvell fought the war. Tavish Quorvell built the canal. \
                    Korea's independence was promised at Cairo in 1943 by \
                    President Quorvell.";
        assert_eq!(ids(&mut r, text), ["second", "first", "second"]);
        let text = "Tavish Quorvell built the canal. Branoc Quorvell fought the war. \
                    The canal was opened in 1906 by President Quorvell.";
        assert_eq!(ids(&mut r, text), ["first", "second", "first"]);
        // (A year that dates no event: the one named last.)
        let text = "Tavish Quorvell built the canal. Branoc Quorvell fought the war. \
                    Recalling the 1906 canal, President Quorvell spoke.";
        assert_eq!(ids(&mut r, text), ["first", "second", "second"]);
    }

    /// The text of each mention in `text`, dated `date`, with one listed
    /// person: a made-up president, Tavish Quorvell, in office from
    /// `start`.
    fn quorvell_texts(start: &str, date: &str, text: &str) -> Vec<String> {
        let president = officeholder("p", "Tavish Quorvell", "President", start);
        let m = Matcher::new(&Gazetteer::from_entities([president]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse(date).unwrap());
        resolved_texts(&mut r, text)
    }

    #[test]
    fn a_bearer_named_as_no_relation_leaves_the_surname_to_the_story() {
        // (The story's man is not listed.)
        let text = "J. Edgar Quorvell, the bureau's director, died. He was no \
                    relation to Tavish Quorvell, the 31st President. Mr. Quorvell \
                    served under eight Presidents. Quorvell was 77.";
        assert_eq!(
            quorvell_texts("1929-03-04", "1972-05-03", text),
            ["Tavish Quorvell"]
        );
        // Named otherwise, the president keeps his surname.
        let text = "Tavish Quorvell, the 31st President, died. Mr. Quorvell served \
                    one term.";
        assert_eq!(
            quorvell_texts("1929-03-04", "1972-05-03", text),
            ["Tavish Quorvell", "Quorvell"]
        );
    }

    #[test]
    fn a_venue_named_with_its_owners_possessive() {
        let text = "President Tavish Quorvell spoke. Lincoln was shot at \
                    Quorvell's Theatre. Quorvell's speech was short.";
        assert_eq!(
            quorvell_texts("1974-08-09", "1974-09-10", text),
            ["Tavish Quorvell", "Quorvell"]
        );
    }

    #[test]
    fn a_datelines_place_is_no_surname() {
        // (The president's surname is also the dateline's city.)
        let text = "A NEW LIBRARY\n\nQUORVELL, Jan. 20 (Wire) - The Bible Tavish \
                    Quorvell used was shown.";
        assert_eq!(
            quorvell_texts("1889-03-04", "1989-01-20", text),
            ["Tavish Quorvell"]
        );
    }

    #[test]
    fn a_title_word_picks_the_portfolio() {
        // Made-up fixture names: two ministers of one surname.
        let minister = |id: &str, name: &str, role: &str| {
            let mut e = Entity::new(id, name, EntityType::Person);
            e.properties.insert(
                "roles".into(),
                serde_json::json!([{"role": role, "start": "2018-01-01", "end": "2021-01-01"}]),
            );
            e
        };
        let m = Matcher::new(&Gazetteer::from_entities([
            minister("fm", "Yoram Zelkatz", "Minister of Foreign Affairs"),
            minister(
                "wm",
                "Haviv Zelkatz",
                "Minister of Labor, Welfare, & Social Services",
            ),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-11-24").unwrap());
        let text = "Yoram Zelkatz and Haviv Zelkatz met. Welfare Minister Zelkatz \
                    spoke, while Foreign Minister Zelkatz briefed the cabinet.";
        let out = resolved(&mut r, text);
        let ids: Vec<&str> = out.iter().map(|x| m.entity(x).id.as_str()).collect();
        assert_eq!(ids, ["fm", "wm", "wm", "fm"]);
    }

    #[test]
    fn titles_and_party_tags_of_congress() {
        // Made-up fixture names: a member of the House (a Congress record
        // holds the whole career there) and a vice president whose record
        // holds that office only.
        let mut rep = Entity::new("rep", "Darvin Quellet", EntityType::Person);
        rep.lists = vec!["official:us-congress".into()];
        rep.properties
            .insert("birth_date".into(), "1985-07-12".into());
        rep.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "United States Representative",
                "start": "2023-01-03", "end": "2027-01-03", "state": "NJ"}]),
        );
        let mut vp = Entity::new("vp", "Orrin Pelask", EntityType::Person);
        vp.lists = vec!["official:us-executive".into()];
        vp.properties
            .insert("birth_date".into(), "1948-03-31".into());
        vp.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "Vice President of the United States",
                "start": "1993-01-20", "end": "2001-01-20"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([rep, vp]));
        let mut r = Resolver::new(&m);
        let found = |r: &mut Resolver, date: &str, text: &str| {
            r.set_date(DocDate::parse(date).unwrap());
            resolved(r, text).len()
        };
        for (date, text, n) in [
            ("2024-06-01", "Rep. Darvin Quellet said so.", 1),
            ("2024-06-01", "Rep. Darvin Quellet (D-N.J.) said so.", 1),
            // Another state's member, another house's senator.
            ("2024-06-01", "Rep. Darvin Quellet (R-Mich.) said so.", 0),
            ("2024-06-01", "Sen. Darvin Quellet, D-Ohio, said so.", 0),
            (
                "2024-06-01",
                "Rep. Darvin Quellet, the Michigan Republican, quit.",
                0,
            ),
            (
                "2024-06-01",
                "Rep. Darvin Quellet, a New Jersey Democrat, quit.",
                1,
            ),
            ("2024-06-01", "Sen. Darvin Quellet said so.", 0),
            // A senator years before the first recorded term: the
            // listed man was 22 then; at 42 nothing contradicts it.
            ("1970-11-04", "Sen. Orrin Pelask lost his seat.", 0),
            ("1990-11-04", "Sen. Orrin Pelask won his seat.", 1),
        ] {
            assert_eq!(found(&mut r, date, text), n, "{date} {text}");
        }
    }

    #[test]
    fn a_clergyman_of_a_lawmakers_name_and_the_surname_inside_it() {
        // Made-up fixture names: two members of the House in office, one
        // of a common name, one of a rare one, and a prime minister in
        // office who shares the common surname.
        let rep = |id: &str, name: &str| {
            let mut e = officeholder(id, name, "United States Representative", "2017-01-03");
            e.lists = vec!["official:us-congress".into()];
            e
        };
        let other = officeholder(
            "pm",
            "Orsola Miller",
            "Prime Minister of the United Kingdom",
            "2020",
        );
        let m = Matcher::new(&Gazetteer::from_entities([
            rep("rep", "Mike Miller"),
            rep("rare", "Raphael Quellet"),
            other,
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2024-02-15").unwrap());
        // "The Rev." before a common name makes him a clergyman: neither
        // the full name nor the surname inside it is a listed person's.
        let text = "The Rev. Mike Miller will preach his last sermon.";
        assert!(resolved(&mut r, text).is_empty(), "{text}");
        let text = "Rep. Mike Miller spoke.";
        assert_eq!(resolved_texts(&mut r, text), ["Mike Miller"]);
        // A lawmaker of a rare name may be a clergyman too.
        let text = "The Rev. Raphael Quellet spoke.";
        assert_eq!(resolved_texts(&mut r, text), ["Raphael Quellet"]);
    }

    #[test]
    fn namesakes_told_apart_by_what_their_records_say() {
        // Made-up fixture names: two listed men of one name, one a
        // company's agent born in 1962 and linked to it, the other an
        // official in office.
        let mut agent = Entity::new("agent", "Tarvo Quillek", EntityType::Person);
        agent
            .properties
            .insert("title".into(), "ZENKORAN Representative in Iran".into());
        agent
            .properties
            .insert("dob".into(), serde_json::json!(["18 Feb 1962"]));
        let mut official = Entity::new("official", "Tarvo Quillek", EntityType::Person);
        official.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "Member of the Velthar Presidium", "start": "2015-01-01"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([agent, official]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2018-06-01").unwrap());
        let who = |r: &mut Resolver, text: &str| first_id(&m, r, text);
        for (text, id) in [
            // The paragraph describes one of them: his company, his birth.
            (
                "A man who represented ZENKORAN in Tehran was listed. That Tarvo Quillek left.",
                "agent",
            ),
            ("Tarvo Quillek, born in 1962, was listed in 2016.", "agent"),
            (
                "Tarvo Quillek of the Velthar Presidium arrived in New York.",
                "official",
            ),
            // Nothing said of either: the one in office at the date.
            ("Tarvo Quillek arrived in New York on Friday.", "official"),
        ] {
            assert_eq!(who(&mut r, text).as_deref(), Some(id), "{text}");
        }
    }

    #[test]
    fn a_countrys_possessive_before_an_organization_is_the_countrys() {
        // A made-up organization listed with and without its country's
        // possessive, and one listed only with it.
        let mut guards = Entity::new("guards", "Zelkovan Guard Corps", EntityType::Organization);
        guards.aliases.push(Alias::new("IRAN'S ZELKOVAN GUARDS"));
        guards.aliases.push(Alias::new("ZELKOVAN GUARDS"));
        let mut police = Entity::new(
            "police",
            "Zarovian Lantern Police",
            EntityType::Organization,
        );
        police.aliases.push(Alias::new("IRAN'S LANTERN POLICE"));
        let m = Matcher::new(&Gazetteer::from_entities([guards, police]));
        let mut r = Resolver::new(&m);
        let text = "Iran's Zelkovan Guards seized it, said Iran's Lantern Police.";
        let spans: Vec<&str> = resolved(&mut r, text)
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(spans, ["Zelkovan Guards", "Iran's Lantern Police"]);
    }

    #[test]
    fn an_honorific_before_a_name_is_no_longer_name() {
        // Made-up fixture names: an official, and listed people whose
        // first given names are an honorific and a name.
        let official = official(
            "official",
            "Tarumbe Kwaladi",
            serde_json::json!([{"role": "President", "start": "2015-05-29"}]),
        );
        let alhaji = Entity::new("alhaji", "Alhaji Zoromba Denk", EntityType::Person);
        let zoromba = Entity::new("zoromba", "Zoromba Quell", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([official, alhaji, zoromba]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2016-05-06").unwrap());
        let found = |r: &mut Resolver, text: &str| {
            resolved(r, text)
                .iter()
                .any(|x| m.entity(x).id == "official")
        };
        assert!(found(&mut r, "Alhaji Tarumbe Kwaladi said so."));
        assert!(found(&mut r, "Shri Tarumbe Kwaladi said so."));
        // A listed given name glued before it: another person's name.
        assert!(!found(&mut r, "Zoromba Tarumbe Kwaladi said so."));
    }

    #[test]
    fn a_listed_leading_initial_is_part_of_the_span() {
        // A made-up official listed with an initial before the given name.
        let vp = official(
            "vp",
            "K. Zarnath Velu",
            serde_json::json!([{"role": "Vice President", "as_of": "2019-06", "current": true}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([vp]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-07-22").unwrap());
        for (text, span) in [
            ("Vice President K. Zarnath Velu called.", "K. Zarnath Velu"),
            ("Vice President Zarnath Velu called.", "Zarnath Velu"),
        ] {
            let got: Vec<&str> = resolved(&mut r, text)
                .iter()
                .map(|x| &text[x.start..x.end])
                .collect();
            assert_eq!(got, [span], "{text}");
        }
    }

    #[test]
    fn a_trade_after_a_common_name_is_not_the_leader_of_the_day() {
        // A made-up head of state with a common name.
        let president = official(
            "president",
            "John Miller",
            serde_json::json!([{"role": "President", "start": "2018-04-24"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([president]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2024-08-09").unwrap());
        for (text, n) in [
            ("John Miller said on Friday that he would stay.", 1),
            (
                "\"We lost many days,\" said John Miller, a rickshaw parts dealer.",
                0,
            ),
            // (A trade of the past: the president.)
            (
                "John Miller, a former human rights lawyer, spoke on Friday.",
                1,
            ),
        ] {
            assert_eq!(resolved(&mut r, text).len(), n, "{text}");
        }
    }

    #[test]
    fn a_country_joined_to_a_country_is_no_surname() {
        // Made-up sanctioned men whose family names are countries'.
        let m = Matcher::new(&Gazetteer::from_entities([
            Entity::new("m", "Mustafo Chad", EntityType::Person),
            Entity::new("n", "Zarko Niger", EntityType::Person),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2014-05-06").unwrap());
        let text = "Mustafo Chad was named. Girls were moved into Niger and Chad. \
                    Chad denied it, his lawyer said.";
        let spans: Vec<&str> = resolved(&mut r, text)
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(spans, ["Mustafo Chad", "Chad"]);
        assert!(resolved(&mut r, text)[1].start > text.find("Niger").unwrap());
    }

    /// A person the officials lists record with `roles`.
    fn official(id: &str, name: &str, roles: serde_json::Value) -> Entity {
        let mut e = Entity::new(id, name, EntityType::Person);
        e.properties.insert("roles".into(), roles);
        e
    }

    /// The id of the first mention the resolver finds in `text`.
    fn first_id(m: &Matcher, r: &mut Resolver, text: &str) -> Option<String> {
        resolved(r, text).first().map(|x| m.entity(x).id.clone())
    }

    #[test]
    fn a_title_the_story_gave_a_bearer_in_full_is_his_there() {
        // Made-up fixture names: a sanctioned senator the lists give no
        // office, and a namesake the lists record as a senator then.
        let sanctioned = Entity::new("s", "Quorin Yalmie Darvold", EntityType::Person);
        let senator = officeholder("u", "Tobin Darvold", "United States senator", "2011-01-03");
        let m = Matcher::new(&Gazetteer::from_entities([sanctioned, senator]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2021-12-10").unwrap());
        let ids = |r: &mut Resolver, text: &str| -> Vec<(String, String)> {
            let text = text.to_string();
            resolved(r, &text)
                .iter()
                .map(|x| (text[x.start..x.end].to_string(), m.entity(x).id.clone()))
                .collect()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            ids(
                &mut r,
                "Washington sanctioned County Senator Quorin Yalmie Darvold. \
                 Officials said Senator Darvold had sold votes."
            ),
            [pair("Quorin Yalmie Darvold", "s"), pair("Darvold", "s")]
        );
        // Named in full without the title: the title is the listed
        // senator's.
        assert_eq!(
            ids(
                &mut r,
                "Washington sanctioned Quorin Yalmie Darvold, a former rebel. \
                 Officials said Senator Darvold had sold votes."
            ),
            [pair("Quorin Yalmie Darvold", "s"), pair("Darvold", "u")]
        );
    }

    #[test]
    fn a_relative_named_in_full_is_meant_before_his_public_life() {
        // A made-up prime minister of 2023, born in 1977.
        let mut pm = officeholder("pm", "Zorvat Manek", "Prime Minister", "2023-08-22");
        pm.properties
            .insert("birth_date".into(), serde_json::json!("1977-10-20"));
        let m = Matcher::new(&Gazetteer::from_entities([pm]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1997-07-11").unwrap());
        assert_eq!(
            first_id(
                &m,
                &mut r,
                "Friends said his eldest son, Zorvat Manek, had called."
            )
            .as_deref(),
            Some("pm")
        );
        assert_eq!(
            first_id(
                &m,
                &mut r,
                "Friends said a cadet, Zorvat Manek, had called."
            ),
            None
        );
    }

    #[test]
    fn a_demonym_of_another_country_names_someone_else() {
        // A made-up sanctioned cleric of Indonesia, born in Malaysia.
        let mut cleric = Entity::new("c", "Zubakar Qaryasir", EntityType::Person);
        cleric
            .properties
            .insert("nationality".into(), serde_json::json!(["Indonesia"]));
        cleric
            .properties
            .insert("pob".into(), serde_json::json!("Johor, Malaysia"));
        let m = Matcher::new(&Gazetteer::from_entities([cleric]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2015-03-01").unwrap());
        for (text, found) in [
            ("Nigerian lawmaker Zubakar Qaryasir spoke.", false),
            ("The Nigerian Zubakar Qaryasir spoke.", false),
            ("Indonesian cleric Zubakar Qaryasir spoke.", true),
            // (The country of birth; a language, not a people.)
            ("Malaysian-born Zubakar Qaryasir spoke.", true),
            ("Known in Nigerian as Zubakar Qaryasir, he spoke.", true),
            ("His Nigerian name, Zubakar Qaryasir, is known.", true),
            ("Or, in a Nigerian transliteration, Zubakar Qaryasir.", true),
        ] {
            assert_eq!(first_id(&m, &mut r, text).is_some(), found, "{text}");
        }
    }

    #[test]
    fn a_military_rank_is_not_a_civil_ministers_namesake() {
        // Made-up fixture names: a sanctioned officer the lists give no
        // office, and a namesake listed as finance minister.
        let mut officer = Entity::new("officer", "Zoe Wyn", EntityType::Person);
        officer
            .properties
            .insert("dob".into(), serde_json::json!(["01 Mar 1960"]));
        let minister = official(
            "minister",
            "Zoe Wyn",
            serde_json::json!([{"role": "Minister of Planning & Finance", "as_of": "2019-06", "current": true}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([officer, minister]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2021-02-12").unwrap());
        let who = |r: &mut Resolver, text: &str| first_id(&m, r, text);
        for (text, id) in [
            (
                "Vice Senior General Zoe Wyn stayed in the capital.",
                "officer",
            ),
            ("Lt. Gen. Zoe Wyn stayed in the capital.", "officer"),
            // Nothing said: the one in office; a civil title: the minister.
            ("Zoe Wyn stayed in the capital.", "minister"),
            (
                "Finance Minister Zoe Wyn stayed in the capital.",
                "minister",
            ),
        ] {
            assert_eq!(who(&mut r, text).as_deref(), Some(id), "{text}");
        }
    }

    #[test]
    fn a_place_after_its_kind_and_an_acronym_inside_another_name() {
        // Made-up fixture names: a sanctioned man, a company named like a
        // province, and a bank whose acronym a network shares.
        let p = Entity::new("p", "Duran Zelkalkan", EntityType::Person);
        let o = Entity::new(
            "o",
            "Horvesh Crovall Biotech Co., Ltd.",
            EntityType::Organization,
        );
        let b = Entity::new("b", "Commercial Bank of Zarovia", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([p, o, b]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2016-08-10").unwrap());
        let spans = |r: &mut Resolver, text: &str| {
            resolved(r, text)
                .iter()
                .map(|x| text[x.start..x.end].to_string())
                .collect::<Vec<_>>()
        };
        let got = spans(
            &mut r,
            "Duran Zelkalkan was listed. In the resort town of Zelkalkan, hotels \
             were full. Horvesh Crovall Biotech Co., Ltd., based in the northern \
             province of Horvesh, sold it. Horvesh denied it.",
        );
        assert_eq!(
            got,
            [
                "Duran Zelkalkan",
                "Horvesh Crovall Biotech Co., Ltd.",
                "Horvesh"
            ]
        );
        let got = spans(
            &mut r,
            "The Commercial Bank of Zarovia (CBZ) was listed. CBZ said, on CBZ News, \
             that CBZ would appeal.",
        );
        assert_eq!(got, ["Commercial Bank of Zarovia", "CBZ", "CBZ", "CBZ"]);
    }

    #[test]
    fn a_rank_names_the_bearer_the_document_gave_it() {
        // A made-up listed general, and an unlisted woman of the same
        // surname named in full between.
        let g = Entity::new("g", "Qorvan Zelmani", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([g]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-01-06").unwrap());
        let got = resolved_texts(
            &mut r,
            "Mourners buried Maj. Gen. Qorvan Zelmani on Monday. A poet, Nadia \
             Zelmani, spoke. Zelmani wept. The cortege left for General \
             Zelmani's hometown.",
        );
        // "Zelmani wept" is the poet's; "General Zelmani" the general's.
        assert_eq!(got, ["Qorvan Zelmani", "Zelmani"]);
        let m = Matcher::new(&Gazetteer::from_entities([Entity::new(
            "g",
            "Qorvan Zelmani",
            EntityType::Person,
        )]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-01-06").unwrap());
        // A rank the document did not give him names nobody it knows.
        let got = resolved_texts(
            &mut r,
            "Mourners buried Qorvan Zelmani on Monday. A poet, Nadia \
             Zelmani, spoke. Later Sheikh Zelmani prayed.",
        );
        assert_eq!(got, ["Qorvan Zelmani"]);
    }

    #[test]
    fn a_homonym_named_before_in_more_words_is_meant() {
        // Made-up fixture names: two listed men who both carry the alias
        // "Zarif Qorban", one also listed as "Zarif Mohammad Qorban".
        let mut k = Entity::new("k", "Zarif Qorban Khanzel", EntityType::Person);
        k.aliases.push(Alias::new("Zarif Qorban"));
        let mut s = Entity::new("s", "Mohammad Qorban", EntityType::Person);
        s.aliases.push(Alias::new("Zarif Qorban"));
        s.aliases.push(Alias::new("Zarif Mohammad Qorban"));
        let m = Matcher::new(&Gazetteer::from_entities([k, s]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-07-17").unwrap());
        let text = "A court jailed Zarif Mohammad Qorban on Wednesday. Zarif Qorban \
                    denied the charges.";
        let got: Vec<(&str, &str)> = resolved(&mut r, text)
            .iter()
            .map(|x| (&text[x.start..x.end], m.entity(x).id.as_str()))
            .collect();
        assert_eq!(got, [("Zarif Mohammad Qorban", "s"), ("Zarif Qorban", "s")]);
    }

    #[test]
    fn a_linked_party_in_the_sentence_names_the_bearer() {
        // Made-up fixture names: a listed man linked to a listed front,
        // and an unlisted woman of the same surname named in full between.
        let mut g = Entity::new("g", "Qorvan Zelmani", EntityType::Person);
        g.properties
            .insert("linked_to".into(), serde_json::json!(["ZORVA FRONT"]));
        let f = Entity::new("f", "ZORVA FRONT", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([g, f]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-01-06").unwrap());
        let got = resolved_texts(
            &mut r,
            "Qorvan Zelmani was killed. A poet, Nadia Zelmani, wept. Zelmani, 62, \
             had led the Zorva Front since 1998.",
        );
        assert_eq!(got, ["Qorvan Zelmani", "Zelmani", "Zorva Front"]);
        // Without the party, the surname is the one named last.
        let got = resolved_texts(
            &mut r,
            "Qorvan Zelmani was killed. A poet, Nadia Zelmani, wept. Zelmani, 40, \
             went home. The Zorva Front mourned.",
        );
        assert_eq!(got, ["Qorvan Zelmani", "Zorva Front"]);
    }

    #[test]
    fn a_rank_and_surname_name_whom_the_document_gave_the_rank() {
        // Made-up fixture name: a listed minister; the general of his
        // surname is not listed.
        let p = Entity::new("p", "Dorin Qarvashi", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2016-11-27").unwrap());
        let got = resolved_texts(
            &mut r,
            "GENERAL QARVASHI TO RETIRE\n\nGeneral Ilir Qarvashi, the army chief, will \
             retire. General Qarvashi led the army for three years. Dorin \
             Qarvashi, the minister, praised him. Minister Qarvashi said more later.",
        );
        assert_eq!(got, ["Dorin Qarvashi", "Qarvashi"]);
        // The rank given to the listed bearer names him.
        let got = resolved_texts(
            &mut r,
            "General Dorin Qarvashi, the army chief, will retire. General \
             Qarvashi led the army for three years.",
        );
        assert_eq!(got, ["Dorin Qarvashi", "Qarvashi"]);
    }

    #[test]
    fn a_rank_and_surname_name_the_bearer_given_it_family_name_first() {
        // Made-up fixture name: a listed minister whose people write the
        // family name first; the general of his surname is not listed.
        let mut p = Entity::new("p", "Zho Ryo Sang", EntityType::Person);
        p.name_order = Some(NameOrder::FamilyFirst);
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2016-11-27").unwrap());
        let story = "Zho Ryo-sang, the minister, met General Zho Tae-woo, the army chief.";
        assert_eq!(
            resolved_texts(&mut r, &format!("{story} General Zho led the army.")),
            ["Zho Ryo-sang"]
        );
        // (An ordinary word joined to a syllable is a given name.)
        let story = "Zho Ryo-sang, the minister, met General Zho Young-nam, the army chief.";
        assert_eq!(
            resolved_texts(&mut r, &format!("{story} General Zho led the army.")),
            ["Zho Ryo-sang"]
        );
        // The rank given to the listed bearer names him.
        assert_eq!(
            resolved_texts(
                &mut r,
                "General Zho Ryo-sang, the army chief, will retire. General Zho led the army."
            ),
            ["Zho Ryo-sang", "Zho"]
        );
    }

    #[test]
    fn a_chair_and_surname_name_whom_the_document_made_chair() {
        // Made-up fixture names: two listed senators of one surname.
        let t = Entity::new("t", "Tim Zarscott", EntityType::Person);
        let k = Entity::new("k", "Rick Zarscott", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([t, k]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2025-06-18").unwrap());
        let text = "Banking Chair Tim Zarscott pushed the bill. Rick Zarscott voted \
                    no. Chairman Zarscott said the House would act.";
        let got: Vec<(String, String)> = resolved(&mut r, text)
            .iter()
            .map(|x| (text[x.start..x.end].to_string(), m.entity(x).id.clone()))
            .collect();
        let want = [
            ("Tim Zarscott", "t"),
            ("Rick Zarscott", "k"),
            ("Zarscott", "t"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
        // (A vice chairman's rank is not the chairman's.)
        let text = "Vice Chairman Tim Zarscott spoke. Rick Zarscott voted no. \
                    Chairman Zarscott said the House would act.";
        let got: Vec<String> = resolved(&mut r, text)
            .iter()
            .map(|x| m.entity(x).id.clone())
            .collect();
        assert_ne!(got.last().map(String::as_str), Some("t"), "{got:?}");
    }

    #[test]
    fn a_relative_the_record_names_corroborates_a_shortened_name() {
        // Made-up fixture names: a listed father and his listed son, whose
        // record names the father ("son of …"), as OFAC's remarks do.
        let father = Entity::new("f", "Karim Zelmani Al-Qorvani", EntityType::Person);
        let mut son = Entity::new("s", "Tarek Karim Zelmani Al-Qorvani", EntityType::Person);
        son.properties.insert(
            "relatives".into(),
            serde_json::json!(["Karim Zelmani al-Qorvani"]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([father, son]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2003-07-23").unwrap());
        let text = "Karim Zelmani Al-Qorvani's son, Tarek Zelmani, was killed.";
        let got: Vec<(String, f32)> = resolved(&mut r, text)
            .iter()
            .map(|x| (text[x.start..x.end].to_string(), x.confidence))
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "Tarek Zelmani");
        assert!(got[1].1 >= 0.5, "{got:?}");
        // Without the father, a name shortened from the record's is weak.
        let text = "A man named Tarek Zelmani was killed.";
        assert!(resolved(&mut r, text).iter().all(|x| x.confidence < 0.5));
    }

    #[test]
    fn given_names_listed_after_a_possessive_and_a_word_for_relatives() {
        // Made-up fixture names: a listed father, his two listed sons whose
        // records name him, and another listed man who shares a son's
        // given name.
        let father = Entity::new("f", "Karim Zelmani Al-Qorvani", EntityType::Person);
        let son = |id: &str, name: &str| {
            let mut e = Entity::new(id, name, EntityType::Person);
            e.properties.insert(
                "relatives".into(),
                serde_json::json!(["Karim Zelmani al-Qorvani"]),
            );
            e
        };
        let udai = son("u", "Udai Karim Zelmani Al-Qorvani");
        let qusay = son("q", "Qusay Karim Zelmani Al-Qorvani");
        let other = Entity::new("o", "Qusay Varnokian", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([father, udai, qusay, other]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2003-07-23").unwrap());
        let ids = |r: &mut Resolver, text: &str| resolved_ids(r, &m, text);
        let pair = |t: &str, id: &str| (t.to_string(), id.to_string());
        // As written or respelled, and shared with another listed man.
        assert_eq!(
            ids(
                &mut r,
                "They were Karim Zelmani Al-Qorvani's sons, Odai and Qusai."
            ),
            [
                pair("Karim Zelmani Al-Qorvani", "f"),
                pair("Odai", "u"),
                pair("Qusai", "q")
            ]
        );
        assert_eq!(
            ids(&mut r, "Karim Zelmani Al-Qorvani's younger son Qusay fled."),
            [pair("Karim Zelmani Al-Qorvani", "f"), pair("Qusay", "q")]
        );
        // Not without the possessive and the word for relatives.
        for text in [
            "Karim Zelmani Al-Qorvani met Odai and Qusai.",
            "Karim Zelmani Al-Qorvani's sons fled. Odai and Qusai stayed.",
            "Karim Zelmani Al-Qorvani's guards, Odai and Qusai, fled.",
        ] {
            assert_eq!(
                ids(&mut r, text),
                [pair("Karim Zelmani Al-Qorvani", "f")],
                "{text}"
            );
        }
    }

    #[test]
    fn a_name_hyphened_to_another_capitalized_word() {
        // Made-up fixture names: a listed man and two listed companies.
        let p = Entity::new("p", "Duran Zelkalkan", EntityType::Person);
        let o = Entity::new("o", "Varnok Holding", EntityType::Organization);
        let k = Entity::new("k", "Korvallah", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([p, o, k]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2016-08-10").unwrap());
        // A law, a street, a joint venture and a double surname carry the
        // name; a lower-case word after the hyphen does not, nor a common
        // word in a headline, nor a nationality before the name.
        let got = resolved_texts(
            &mut r,
            "ZELKALKAN-BACKED FIRM SOLD\n\nDuran Zelkalkan spoke. Zelkalkan left; \
             the Zelkalkan-led party won. \
             The Zelkalkan-Hartley Act passed. Cafes on Duran-Zelkalkan-Strasse \
             closed. Varnok Holding bought it, and the Varnok-BP venture. \
             Ana Mirsky-Zelkalkan wrote. The pro-Iranian Korvallah paid.",
        );
        assert_eq!(
            got,
            [
                "ZELKALKAN",
                "Duran Zelkalkan",
                "Zelkalkan",
                "Zelkalkan",
                "Varnok Holding",
                "Korvallah"
            ]
        );
    }

    #[test]
    fn a_respelled_name_with_names_left_out_needs_more_than_a_country() {
        // Made-up fixture names, listed under a program whose names are
        // transliterated.
        let mut long = Entity::new(
            "long",
            "Hamid Abdel-Karim Zuwaydi Saleh",
            EntityType::Person,
        );
        long.lists = vec!["SDGT".into()];
        long.properties
            .insert("nationality".into(), serde_json::json!(["Egypt"]));
        let mut short = Entity::new("short", "Hasan Al-Qarnawi", EntityType::Person);
        short.lists = vec!["SDGT".into()];
        short
            .properties
            .insert("nationality".into(), serde_json::json!(["Egypt"]));
        let m = Matcher::new(&Gazetteer::from_entities([long, short]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-06-10").unwrap());
        // A footballer: the country alone does not make him the listed man
        // whose middle names the text leaves out.
        let got = resolved_texts(
            &mut r,
            "Egypt's forward Hamed Salah scored twice in Cairo. Salah waved.",
        );
        assert!(got.is_empty(), "{got:?}");
        // Only a particle left out, every word respelled, and the country
        // named: the listed man.
        let got = resolved_texts(&mut r, "In Egypt, police sought Hassan Karnawi today.");
        assert_eq!(got, ["Hassan Karnawi"]);
    }

    #[test]
    fn a_generational_suffix_the_listed_name_lacks_or_writes_otherwise() {
        // Made-up fixture names: one listed with "Jr.", one without.
        let mut junior = Entity::new("jr", "Doran Velk", EntityType::Person);
        junior.aliases.push(Alias::new("Doran Velk Jr."));
        let plain = Entity::new("plain", "Marek Quill", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([junior, plain]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1974-08-10").unwrap());
        for (text, found) in [
            ("Doran Velk Jr. was sworn in.", 1),
            (
                "He took the name of his stepfather, Doran Velk Sr., a salesman.",
                0,
            ),
            ("Marek Quill Jr. was sworn in.", 0),
            ("Marek Quill was sworn in.", 1),
        ] {
            assert_eq!(resolved(&mut r, text).len(), found, "{text}");
        }
    }

    #[test]
    fn a_surname_that_names_a_month_of_either_calendar() {
        // Made-up fixture names.
        let g = Gazetteer::from_entities([
            Entity::new("r", "Zeki Ramadan", EntityType::Person),
            Entity::new("m", "Doran May", EntityType::Person),
        ]);
        let m = Matcher::new(&g);
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1991-02-18").unwrap());
        let got = resolved_texts(
            &mut r,
            "Zeki Ramadan and Doran May flew to Moscow. Officials hoped to end \
             the war before the holy month of Ramadan, which begins in March. \
             Nobody wants a ground war during Ramadan, or in May. Ramadan said \
             he would return; May did not.",
        );
        assert_eq!(got, ["Zeki Ramadan", "Doran May", "Ramadan", "May"]);
    }

    #[test]
    fn a_bare_word_after_much_of_is_a_place() {
        // Made-up fixture name.
        let p = Entity::new("p", "Mokgale Zarisi", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2009-02-01").unwrap());
        let got = resolved_texts(
            &mut r,
            "Mokgale Zarisi spoke. The rebels control much of Zarisi and Rutshuru.",
        );
        assert_eq!(got, ["Mokgale Zarisi"]);
        let got = resolved_texts(
            &mut r,
            "Mokgale Zarisi spoke. Critics rejected much of Zarisi's plan.",
        );
        assert_eq!(got, ["Mokgale Zarisi", "Zarisi"]);
    }

    #[test]
    fn a_listed_acronym_alone_in_a_story_of_its_country() {
        // Made-up fixture firm with a weak acronym alias.
        let mut f = Entity::new(
            "f",
            "ZARKAN MINING TRADING CORPORATION",
            EntityType::Organization,
        );
        f.aliases.push(Alias {
            weak: true,
            ..Alias::new("ZAMITCO")
        });
        f.properties.insert(
            "addresses".into(),
            serde_json::json!([{"country": "Korea, North"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([f]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2017-06-01").unwrap());
        let got = resolved_texts(
            &mut r,
            "North Korea sold the missiles through the arms exporter ZAMITCO, officials said.",
        );
        assert_eq!(got, ["ZAMITCO"]);
        // Not without its country, nor in lower case, nor without a word
        // for what it is, nor in a line in capitals.
        for text in [
            "The arms exporter ZAMITCO sold the missiles, officials said.",
            "North Korea sold the missiles through the arms exporter Zamitco.",
            "A former ZAMITCO manager spoke of North Korea.",
            "ZAMITCO DENIES SALES\n\nNorth Korea denied it.",
        ] {
            assert!(resolved_texts(&mut r, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_army_unit_by_its_ordinal_without_whose_army() {
        // Made-up fixture unit.
        let mut u = Entity::new(
            "u",
            "999TH LIGHT INFANTRY DIVISION OF THE BURMESE ARMY",
            EntityType::Organization,
        );
        u.properties.insert(
            "addresses".into(),
            serde_json::json!([{"country": "Burma"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([u]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2018-08-17").unwrap());
        let got = resolved_texts(
            &mut r,
            "Troops of the 999th Light Infantry Division fought in Rakhine, Burma.",
        );
        assert_eq!(got, ["999th Light Infantry Division"]);
    }

    #[test]
    fn a_common_name_introduced_anew_later_was_someone_else_before() {
        // Made-up fixture: a congressman with a common name.
        let mut p = Entity::new("rep", "Daniel Miller", EntityType::Person);
        p.properties
            .insert("country".into(), "United States".into());
        p.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "United States Representative", "start": "2001-01-03"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2023-06-05").unwrap());
        // The story's own Daniel Miller, then the congressman introduced
        // with his title and a description: only he is the listed one.
        let got = resolved_texts(
            &mut r,
            "DANIEL MILLER NIGHT DRAWS A CROWD\n\nThe shop held its evening for \
             Daniel Miller, whose novels sold well in the United States before \
             1900. In Washington, Rep. Daniel Miller, a Democrat from Ohio, has \
             never come. Mr. Miller sent a note.",
        );
        assert_eq!(got, ["Daniel Miller", "Miller"]);
        // Named in the headline only before the introduction: the same man.
        let got = resolved_texts(
            &mut r,
            "DANIEL MILLER WINS A SEAT IN THE UNITED STATES\n\nRep. Daniel Miller, a \
             Democrat from Ohio, won. Daniel Miller spoke later.",
        );
        assert_eq!(got, ["DANIEL MILLER", "Daniel Miller", "Daniel Miller"]);
        // Described where first named: the same man introduced twice.
        let got = resolved_texts(
            &mut r,
            "A VOTE IN THE UNITED STATES\n\nDaniel Miller, the Ohio Democrat, \
             spoke. Later, Rep. Daniel Miller, a close ally of the Speaker, spoke again.",
        );
        assert_eq!(got, ["Daniel Miller", "Daniel Miller"]);
    }

    #[test]
    fn a_headline_surname_over_a_body_naming_an_unlisted_relative_with_al() {
        // Made-up fixture name: the son listed, the father not.
        let p = Entity::new("p", "Bashir al-Zarkani", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-05-04").unwrap());
        // "Hafez al-Zarkani" is named in full, not a bare use of the word
        // for someone else.
        let got = resolved_texts(
            &mut r,
            "ZARKANI'S COUSIN SPEAKS OUT\n\nThe cousin of Bashir al-Zarkani spoke \
             today. His uncle Hafez al-Zarkani ruled from 1970.",
        );
        assert_eq!(got, ["ZARKANI", "Bashir al-Zarkani"]);
    }

    #[test]
    fn a_headline_surname_the_body_uses_for_someone_else() {
        // Made-up fixture name.
        let p = Entity::new("p", "Duran Zelkalkan", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1968-10-04").unwrap());
        let got = resolved_texts(
            &mut r,
            "ZELKALKAN PICKS A RUNNING MATE\n\nFormer Gov. Boris Zelkalkan named \
             a general today. Mr. Zelkalkan spoke in Pittsburgh. In 1948 Duran \
             Zelkalkan ran for President.",
        );
        assert_eq!(got, ["Duran Zelkalkan"]);
        let got = resolved_texts(
            &mut r,
            "ZELKALKAN PICKS A RUNNING MATE\n\nDuran Zelkalkan named a general \
             today. Mr. Zelkalkan spoke in Pittsburgh. His cousin Boris Zelkalkan \
             did not.",
        );
        assert_eq!(got, ["ZELKALKAN", "Duran Zelkalkan", "Zelkalkan"]);
        // The first person the body names in full by the surname is the
        // headline's, though the listed one is named after him and by
        // the surname alone.
        let got = resolved_texts(
            &mut r,
            "ZELKALKAN FLEES TO HAWAII\n\nFerdinand E. Zelkalkan arrived today. \
             Among those aboard was his son, Duran Zelkalkan, 28. The younger \
             Zelkalkan said nothing.",
        );
        assert_eq!(got, ["Duran Zelkalkan", "Zelkalkan"]);
        // The listed one named first (after a title, or with an initial),
        // a relative after him.
        for (first, name) in [
            ("Gen. Duran Zelkalkan", "Duran Zelkalkan"),
            ("Duran F. Zelkalkan", "Duran F. Zelkalkan"),
        ] {
            let got = resolved_texts(
                &mut r,
                &format!(
                    "ZELKALKAN FLEES TO HAWAII\n\n{first} arrived today. His \
                     daughter, Jacqueline Zelkalkan, was aboard. Zelkalkan said nothing."
                ),
            );
            assert_eq!(got, ["ZELKALKAN", name, "Zelkalkan"], "{first}");
        }
    }

    #[test]
    fn a_bearer_set_against_another_leaves_the_bare_surname_to_the_story() {
        // Made-up fixture names: the son listed, the father not.
        let p = Entity::new("son", "Borbor Zelkalkan", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1986-02-26").unwrap());
        // The father named first, then by "Mr."; the son as his son and
        // as "the younger": "Mr. Zelkalkan" after them is the father.
        let got = resolved_texts(
            &mut r,
            "Ferdinand Zelkalkan flew into exile today. Mr. Zelkalkan, 68, left \
             with his wife. Among those who left with him was his only son, \
             Borbor Zelkalkan. The younger Zelkalkan carried bags. Washington \
             had long supported Mr. Zelkalkan. Mr. Zelkalkan would be welcome.",
        );
        assert_eq!(got, ["Borbor Zelkalkan", "Zelkalkan"]);
        // Named after the unlisted father, whom the story names first,
        // the son does not take the bare surname: the story is the
        // father's.
        let got = resolved_texts(
            &mut r,
            "Ferdinand Zelkalkan flew into exile today. Borbor Zelkalkan left \
             with him. Zelkalkan carried bags.",
        );
        assert_eq!(got, ["Borbor Zelkalkan"]);
        // Nor does a listed man something is named after take the
        // surname of the family the story is about.
        let got = resolved_texts(
            &mut r,
            "Jesse Zelkalkan won the seat today. His father spoke near \
             Zelkalkan Park, named for Borbor Zelkalkan. The elder Zelkalkan \
             was proud. Zelkalkan will be sworn in next week.",
        );
        assert_eq!(got, ["Borbor Zelkalkan"]);
        // Relatives named as such, their names opening with initials or
        // not, leave the surname to him.
        let got = resolved_texts(
            &mut r,
            "Borbor Zelkalkan was nominated today. He is a grandson of John D. \
             Zelkalkan, the founder of the bank, and his brother Winthrop \
             Zelkalkan was a governor. Zelkalkan accepted.",
        );
        assert_eq!(got, ["Borbor Zelkalkan", "Zelkalkan"]);
    }

    #[test]
    fn a_surname_after_a_firm_named_by_it() {
        // A made-up fixture name: the president in office at the date.
        let e = officeholder("p", "Gerald Zorfa", "President", "1974-08-09");
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1975-01-16").unwrap());
        let text = "Zorfa Motor Co. said today it would close four plants. Zorfa \
                    said it would cut output by a third.";
        assert!(resolved_texts(&mut r, text).is_empty());
        // Without the firm, the president.
        let text = "The plants will close. Zorfa said it would cut output.";
        assert_eq!(resolved_texts(&mut r, text), ["Zorfa"]);
    }

    #[test]
    fn an_age_the_story_gives_later_rules_out_a_common_name() {
        // A made-up official of a common name, in office at the date.
        let mut e = officeholder("y", "John Lee", "Secretary for Security", "2017");
        e.properties
            .insert("dob".into(), serde_json::json!(["07 Dec 1957"]));
        e.properties
            .insert("nationality".into(), serde_json::json!(["Hong Kong"]));
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2018-11-19").unwrap());
        let story = "John Lee never planned to run a restaurant. He came from \
                     Hong Kong in 1979. Lee will close it on Sunday.";
        // He is 60 at the date: 68 is someone else's age, 61 his (by a
        // year either way).
        for (age, n) in [
            ("", 2),
            (" \"Time to rest,\" said Lee, 68.", 0),
            (" Lee, 61, rests.", 3),
            (" In 1979, Lee, 21, opened a shop.", 3),
        ] {
            assert_eq!(resolved(&mut r, &format!("{story}{age}")).len(), n, "{age}");
        }
        // The age of another bearer of the name, or of the father of one
        // the story names as a son, says nothing of him.
        let text = format!("{story} His wife Mei Lee, 63, agreed.");
        assert_eq!(resolved(&mut r, &text).len(), 2);
        let text = "Her son John Lee came from Hong Kong in 1979. Lee, 68, stayed.";
        assert_eq!(resolved_texts(&mut r, text), ["John Lee"]);
    }

    #[test]
    fn a_surname_before_administration_or_officers_is_the_leader() {
        // Made-up officials of one surname: a president and a senator.
        let p = officeholder(
            "p",
            "Velmor Zarnavi",
            "President of the United States",
            "1961-01-20",
        );
        let s = officeholder(
            "s",
            "Quandrix Zarnavi",
            "United States Senator",
            "1953-01-03",
        );
        let m = Matcher::new(&Gazetteer::from_entities([p, s]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1962-07-09").unwrap());
        for text in [
            "It is the sharpest step the Zarnavi administration has taken.",
            "It is the sharpest step the Zarnavi Administration has taken.",
            // (The headlines' abbreviation, capitalized: no name's word.)
            "Zarnavi Govt switches recognition\n\nIt is the sharpest step yet.",
        ] {
            let got: Vec<&str> = resolved(&mut r, text)
                .iter()
                .map(|x| m.entity(x).id.as_str())
                .collect();
            assert_eq!(got, ["p"], "{text}");
        }
        // One whose officers are spoken of is the leader, though the story
        // named the other in full.
        for after in ["'s former intelligence chief, Tom Oakes,", "'s ministers"] {
            let text = format!("Quandrix Zarnavi spoke on Monday. Zarnavi{after} did not.");
            let got: Vec<&str> = resolved(&mut r, &text)
                .iter()
                .map(|x| m.entity(x).id.as_str())
                .collect();
            assert_eq!(got, ["s", "p"], "{text}");
        }
        // Anyone in politics has a chief rival or a spokesman.
        for after in ["'s chief rival", "'s spokesman"] {
            let text = format!("Quandrix Zarnavi spoke on Monday. Zarnavi{after} did not.");
            let got: Vec<&str> = resolved(&mut r, &text)
                .iter()
                .map(|x| m.entity(x).id.as_str())
                .collect();
            assert_eq!(got, ["s", "s"], "{text}");
        }
        // Named in full, then an unlisted namesake between: the power word
        // still names whoever led by then.
        let text = "President Velmor Zarnavi signed the order. \"We pray,\" said \
                    Frank Zarnavi, a leaf dealer. A senator said the Zarnavi \
                    administration should act.";
        let got: Vec<&str> = resolved(&mut r, text)
            .iter()
            .map(|x| m.entity(x).id.as_str())
            .collect();
        assert_eq!(got, ["p", "p"], "{text}");
    }

    #[test]
    fn a_bare_surname_after_an_unlisted_bearer_named_first() {
        // A made-up listed official; the story first names his unlisted
        // father in full.
        let e = officeholder(
            "z",
            "Zorvan Kelmiro",
            "Prime Minister of Japan",
            "2006-09-26",
        );
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-05-30").unwrap());
        let son =
            "His son and secretary, Zorvan Kelmiro, sat in. Later Kelmiro raised the islands.";
        assert_eq!(resolved_texts(&mut r, son), ["Zorvan Kelmiro", "Kelmiro"]);
        let text =
            format!("KELMIRO IN MOSCOW\nForeign Minister Taizo Kelmiro met the press. {son}");
        assert_eq!(resolved_texts(&mut r, &text), ["Zorvan Kelmiro"]);
        // (Not past a title or an honorific, nor at a sentence's start.)
        let text = format!("Foreign Minister Taizo Kelmiro met the press. {son} Mr. Kelmiro left.");
        assert_eq!(resolved_texts(&mut r, &text), ["Zorvan Kelmiro", "Kelmiro"]);
        let text = format!("Yesterday Kelmiro met the press. {son}");
        assert_eq!(
            resolved_texts(&mut r, &text),
            ["Kelmiro", "Zorvan Kelmiro", "Kelmiro"]
        );
        // A place or a day before the surname is no one's given name.
        for before in ["On Tuesday", "In Tokyo", "Later in June"] {
            let text =
                format!("{before} Kelmiro met envoys. Zorvan Kelmiro flew in. Kelmiro smiled.");
            assert_eq!(
                resolved_texts(&mut r, &text),
                ["Zorvan Kelmiro", "Kelmiro"],
                "{text}"
            );
        }
    }

    #[test]
    fn no_name_runs_past_the_headline() {
        // Made-up names: the headline ends in one, the next line opens
        // with another.
        let a = Entity::new("a", "Zarqan Zarnavi", EntityType::Person);
        let b = Entity::new("b", "Karim Zelmani", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([a, b]));
        let mut r = Resolver::new(&m);
        let text = "Raid kills Zarqan Zarnavi\nKarim Zelmani vows revenge\n\nZarqan \
                    Zarnavi died on Friday.";
        assert_eq!(
            resolved_texts(&mut r, text),
            ["Zarqan Zarnavi", "Karim Zelmani", "Zarqan Zarnavi"]
        );
    }

    #[test]
    fn an_unlisted_father_named_with_the_arabic_article() {
        // Made-up names: a listed son (born 1965) and a listed grandson
        // (born 2001) of an unlisted ruler whose name the grandson bears.
        let born = |id: &str, name: &str, date: &str| {
            let mut e = Entity::new(id, name, EntityType::Person);
            e.properties.insert("birth_date".into(), date.into());
            e
        };
        let m = Matcher::new(&Gazetteer::from_entities([
            born("b", "Bashar Al-Zorvani", "1965-09-11"),
            born("h", "Hafez Al-Zorvani", "2001-12-03"),
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2000-06-11").unwrap());
        let text = "DAMASCUS - President Hafez al-Zorvani died on Saturday. His son, \
                    Bashar al-Zorvani, was promoted. Zorvani had not planned it so.";
        assert_eq!(resolved_texts(&mut r, text), ["Bashar al-Zorvani"]);
        // An age that fits the listed son names him.
        let text = "DAMASCUS - President Hafez al-Zorvani died on Saturday. His son, \
                    Bashar al-Zorvani, was promoted. Zorvani, 34, spoke.";
        assert_eq!(
            resolved_texts(&mut r, text),
            ["Bashar al-Zorvani", "Zorvani"]
        );
        // The article written apart in capitals, before the family name
        // alone too: "Ahmed Al Zorvani … Al Zorvani".
        let text = "ENVOYS\n\nDAMASCUS - President Ahmed Al Zorvani met envoys on \
                    Saturday.\n\nAl Zorvani thanked them. Bashar al-Zorvani was not there.";
        assert_eq!(resolved_texts(&mut r, text), ["Bashar al-Zorvani"]);
    }

    #[test]
    fn an_unlisted_bearer_whose_given_name_is_a_word() {
        // Made-up names: a listed official, and a dealer of his surname
        // whose given name is an English word too ("Frank").
        let e = officeholder(
            "z",
            "Zorvan Kelmiro",
            "Prime Minister of Japan",
            "2006-09-26",
        );
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-05-30").unwrap());
        let text = "A Harlem dealer, Frank Kelmiro, spoke. Prime Minister Zorvan Kelmiro \
                    met envoys. Later Kelmiro wept.";
        assert_eq!(resolved_texts(&mut r, text), ["Zorvan Kelmiro"]);
    }

    #[test]
    fn an_unlisted_bearer_taken_for_a_listed_one_below_the_threshold() {
        // A made-up congressman of a name of common words: a dealer of
        // that name is taken for him only below the threshold, and names
        // no listed person to a reader.
        let e = officeholder(
            "g",
            "Frank D. Garcia",
            "United States Representative",
            "2001-01-03",
        );
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2007-11-02").unwrap());
        let text = "NEW YORK - Frank Garcia, the Harlem heroin dealer, spoke. \
                    Representative Frank D. Garcia said so. Later Garcia wept.";
        assert_eq!(resolved_texts(&mut r, text), ["Frank D. Garcia"]);
    }

    #[test]
    fn a_foreign_function_word_inside_a_longer_name() {
        // A made-up name, then the surname opening another proper name
        // whose second word is another language's function word ("Cheong
        // Wa Dae", the Blue House; Arabic "wa").
        let e = Entity::new("y", "Zarqan Zarnavi", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        let got = resolved_texts(
            &mut r,
            "Zarqan Zarnavi spoke by phone, Zarnavi Wa Dae said. Zarnavi said so.",
        );
        assert_eq!(got, ["Zarqan Zarnavi", "Zarnavi"]);
    }

    #[test]
    fn a_title_closing_a_quotation_is_not_the_names() {
        // A made-up prime minister; "Governor" ends the quoted words.
        let p = officeholder(
            "p",
            "Narendra Zarnavi",
            "Prime Minister of India",
            "2014-05-26",
        );
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2022-07-22").unwrap());
        for close in ["\"", "\u{201d}"] {
            let text = format!(
                "Prime Minister Narendra Zarnavi spoke. \"She was a fine Governor,{close} \
                 Zarnavi said."
            );
            assert_eq!(resolved(&mut r, &text).len(), 2, "{text}");
        }
    }

    #[test]
    fn a_share_after_a_name_is_no_designation() {
        // A made-up name: a number after it names a thing ("Queen
        // Elizabeth 2"), but not a share of the vote.
        let e = Entity::new("y", "Zarqan Zarnavi", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        let story = "Zarqan Zarnavi won. ";
        for (text, n) in [
            ("The count gave Zarnavi 50.5 per cent.", 2),
            ("The count gave Zarnavi 48% of the vote.", 2),
            ("The count gave Zarnavi 48 percent of the vote.", 2),
            ("The liner Zarnavi 2 sailed.", 1),
        ] {
            assert_eq!(
                resolved(&mut r, &format!("{story}{text}")).len(),
                n,
                "{text}"
            );
        }
    }

    #[test]
    fn initials_of_any_listed_name_in_capitals_or_dotted() {
        // Made-up names: one listed with a middle name the story writes as
        // an initial, one whose initials spell a word.
        let mut j = Entity::new("j", "John Zarnedy", EntityType::Person);
        j.aliases.push(Alias::new("John Fitzgerald Zarnedy"));
        let w = Entity::new("w", "Marwan Ali Nassar", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([j, w]));
        let mut r = Resolver::new(&m);
        for (text, n) in [
            ("John F. Zarnedy spoke. JFZ said so.", 2),
            ("John F. Zarnedy spoke. J.F.Z. said so.", 2),
            ("JFZ LEAVES\nJohn F. Zarnedy left.", 2),
            ("JFZ left. John F. Zarnedy spoke.", 1),
            ("Marwan Ali Nassar spoke. MAN said so.", 1),
        ] {
            assert_eq!(resolved(&mut r, text).len(), n, "{text}");
        }
    }

    #[test]
    fn an_age_after_a_surname_above_the_bearers() {
        // A made-up fixture name, listed with a date of birth.
        let mut e = Entity::new("y", "Zarqan Zarnavi", EntityType::Person);
        e.properties
            .insert("dob".into(), serde_json::json!(["11 Sep 1965"]));
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1994-01-21").unwrap());
        // His father, 63, is someone else; he is 28.
        let got = resolved_texts(
            &mut r,
            "His son Zarqan Zarnavi flew home. Zarnavi, 63, was calm. \
             Zarnavi, 28, landed.",
        );
        assert_eq!(got, ["Zarqan Zarnavi", "Zarnavi"]);
        // An age below his, where the sentence dates its event earlier,
        // is a past one: kept.
        r.set_date(DocDate::parse("2024-01-21").unwrap());
        let got = resolved_texts(
            &mut r,
            "Zarqan Zarnavi was a doctor. In 1994 Zarnavi, 28, flew home.",
        );
        assert_eq!(got, ["Zarqan Zarnavi", "Zarnavi"]);
        // With no earlier year, it is someone else's (he is 58); by a few
        // years only, the list's date may be off: kept.
        let got = resolved_texts(
            &mut r,
            "Zarqan Zarnavi was a doctor. Zarnavi, 28, flew home. \
             Zarnavi, 55, stayed.",
        );
        assert_eq!(got, ["Zarqan Zarnavi", "Zarnavi"]);
        assert_eq!(
            resolved(&mut r, "Zarqan Zarnavi was a doctor. Zarnavi, 55, stayed.").len(),
            2
        );
        // Past the age the living reach, an age below is a past one.
        r.set_date(DocDate::parse("2060-01-21").unwrap());
        let got = resolved_texts(
            &mut r,
            "Zarqan Zarnavi was a doctor. Zarnavi, 28, flew home.",
        );
        assert_eq!(got, ["Zarqan Zarnavi", "Zarnavi"]);
    }

    #[test]
    fn a_patronymic_chains_given_name_after_a_royal_title() {
        // A made-up prime minister, named in the Arab patronymic chain, whose
        // given name is his family's name too ("Khalifa … Al Khalifa").
        let p = officeholder(
            "p",
            "Zarqan bin Velmor Al Zarqan",
            "Prime Minister of Bahrain",
            "1971",
        );
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-11-11").unwrap());
        let got = resolved_texts(
            &mut r,
            "Prince Zarqan bin Velmor Al Zarqan died. Prince Zarqan, 84, ruled \
             long. Sheikh Zarqan was mourned. A dhow named Zarqan sailed.",
        );
        assert_eq!(got, ["Zarqan bin Velmor Al Zarqan", "Zarqan", "Zarqan"]);
    }

    #[test]
    fn what_an_organization_takes_its_name_from_is_not_it() {
        // Made-up companies: one named by an ordinary word
        // (`variants::lead_words`), one by a word of its own
        // (`Variant::OrgWord`).
        let m = Matcher::new(&Gazetteer::from_entities([
            Entity::new("k", "KESTREL TRADING LLC", EntityType::Organization),
            Entity::new("z", "ZORVALEX SHIPPING LLC", EntityType::Organization),
        ]));
        let mut r = Resolver::new(&m);
        for (text, want) in [
            (
                "Kestrel Trading LLC was named. Kestrel has denied it.",
                &["Kestrel Trading LLC", "Kestrel"][..],
            ),
            (
                "Kestrel Trading LLC was named. The firm takes its name from Kestrel, a hill town.",
                &["Kestrel Trading LLC"],
            ),
            (
                "Zorvalex Shipping LLC was named. Zorvalex has denied it.",
                &["Zorvalex Shipping LLC", "Zorvalex"],
            ),
            (
                "Zorvalex Shipping LLC was named. It was named after Zorvalex, a river.",
                &["Zorvalex Shipping LLC"],
            ),
            // ("Named after" as listed after.)
            (
                "Zorvalex Shipping LLC was named. Kestrel Trading LLC was named after Zorvalex, in a second round.",
                &["Zorvalex Shipping LLC", "Kestrel Trading LLC", "Zorvalex"],
            ),
        ] {
            assert_eq!(resolved_texts(&mut r, text), want, "{text}");
        }
    }

    #[test]
    fn a_possessive_inside_an_organizations_name_makes_two() {
        // Made-up fixture: a corps and a unit of it, listed under a name
        // that holds the corps' name.
        let corps = Entity::new("corps", "ZORVANA DEFENCE CORPS", EntityType::Organization);
        let mut unit = Entity::new(
            "unit",
            "ZORVANA DEFENCE CORPS-VELMAR FORCE",
            EntityType::Organization,
        );
        unit.aliases.push(Alias::new("VELMAR FORCE"));
        // A unit listed only under a name that holds the corps'.
        let air = Entity::new(
            "air",
            "ZORVANA DEFENCE CORPS AIR FORCE",
            EntityType::Organization,
        );
        let m = Matcher::new(&Gazetteer::from_entities([corps, unit, air]));
        let mut r = Resolver::new(&m);
        for (text, want) in [
            (
                "The Zorvana Defence Corps' Velmar Force struck.",
                &[("Zorvana Defence Corps", "corps"), ("Velmar Force", "unit")][..],
            ),
            (
                "The Zorvana Defence Corps's Velmar Force struck.",
                &[("Zorvana Defence Corps", "corps"), ("Velmar Force", "unit")],
            ),
            (
                "The Zorvana Defence Corps-Velmar Force struck.",
                &[("Zorvana Defence Corps-Velmar Force", "unit")],
            ),
            (
                "The Zorvana Defence Corps' Air Force struck.",
                &[("Zorvana Defence Corps' Air Force", "air")],
            ),
        ] {
            let got: Vec<(String, String)> = resolved(&mut r, text)
                .iter()
                .map(|x| (text[x.start..x.end].to_string(), m.entity(x).id.clone()))
                .collect();
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_family_members_given_name_respelled_alone() {
        // Made-up brothers, named in full, then by their given names in
        // another spelling ("Uday Hussein … Odai").
        let m = Matcher::new(&Gazetteer::from_entities([
            Entity::new("u", "Udaym Zarqani", EntityType::Person),
            Entity::new("k", "Kusaym Zarqani", EntityType::Person),
        ]));
        let mut r = Resolver::new(&m);
        let text =
            "Udaym Zarqani and Kusaym Zarqani died. \"Odaim and Qusaim were cruel,\" he said.";
        let got: Vec<(String, String)> = resolved(&mut r, text)
            .iter()
            .map(|x| (text[x.start..x.end].to_string(), m.entity(x).id.clone()))
            .collect();
        let want = [
            ("Udaym Zarqani", "u"),
            ("Kusaym Zarqani", "k"),
            ("Odaim", "u"),
            ("Qusaim", "k"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, want);
        // Not before the full mentions.
        let text =
            "\"Odaim and Qusaim were cruel,\" he said. Udaym Zarqani and Kusaym Zarqani died.";
        assert_eq!(
            resolved_texts(&mut r, text),
            ["Udaym Zarqani", "Kusaym Zarqani"]
        );
    }

    #[test]
    fn the_last_or_the_only_bearer_of_a_name_is_anyone() {
        // A made-up official.
        let a = officeholder("a", "Orvel Brannick", "Secretary for Security", "2017");
        let m = Matcher::new(&Gazetteer::from_entities([a]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-08-09").unwrap());
        let got = resolved_texts(
            &mut r,
            "Secretary for Security Orvel Brannick was named. \"I'm not the last \
             Orvel Brannick in Hong Kong to get that call,\" he said. The only \
             Orvel Brannick ally left.",
        );
        assert_eq!(got, ["Orvel Brannick", "Orvel Brannick"]);
    }

    #[test]
    fn a_plural_title_before_a_list_of_names_titles_each() {
        // Made-up senators; the second of a common given and family name.
        let a = officeholder("a", "Orvel Brannick", "United States Senator", "1995");
        let b = officeholder("b", "Mary Johnson", "United States Senator", "1997");
        let m = Matcher::new(&Gazetteer::from_entities([a, b]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2000-06-27").unwrap());
        for (text, want) in [
            (
                "Maine's two Republican senators, Orvel J. Brannick and Mary Johnson, spoke.",
                &["Orvel J. Brannick", "Mary Johnson"][..],
            ),
            (
                "Senators Orvel Brannick and Mary Johnson spoke.",
                &["Orvel Brannick", "Mary Johnson"],
            ),
            // A title in the singular is the first name's; the common
            // name alone is anyone's.
            (
                "Senator Orvel Brannick and Mary Johnson spoke.",
                &["Orvel Brannick"],
            ),
            (
                "The senators met Orvel Brannick and Mary Johnson.",
                &["Orvel Brannick"],
            ),
            // (A plural title word inside a longer name, whose list's
            // first name is none.)
            ("On Senators Day, Harbor Mills and Mary Johnson spoke.", &[]),
            (
                "The two prime ministers, Orvel Brannick and Mary Johnson, spoke.",
                &["Orvel Brannick"],
            ),
        ] {
            assert_eq!(resolved_texts(&mut r, text), want, "{text}");
        }
    }

    #[test]
    fn a_given_name_alone_is_taken_by_a_family_named_before_it_only() {
        // Made-up rulers in the Arab patronymic chain: two open with the
        // word "Zarqan", a third bears it as his family's name.
        let a = officeholder(
            "a",
            "Zarqan bin Velmor Al Nuvayan",
            "President of the United Arab Emirates",
            "2004",
        );
        let b = officeholder(
            "b",
            "Zarqan bin Tolmir Al Zarqan",
            "Prime Minister of Bahrain",
            "1971",
        );
        let c = officeholder("c", "Hadim bin Isor Al Zarqan", "King of Bahrain", "2002");
        let m = Matcher::new(&Gazetteer::from_entities([a, b, c]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2022-05-15").unwrap());
        // The king named after the given name does not take it back.
        let got = resolved_texts(
            &mut r,
            "Sheikh Zarqan bin Velmor Al Nuvayan died on Friday. Sheikh Zarqan \
             was mourned. King Hadim bin Isor Al Zarqan sent a cable.",
        );
        assert_eq!(
            got,
            [
                "Zarqan bin Velmor Al Nuvayan",
                "Zarqan",
                "Hadim bin Isor Al Zarqan"
            ]
        );
        // Named before it, his family's name is his.
        let got = resolved_texts(
            &mut r,
            "King Hadim bin Isor Al Zarqan sent a cable. Sheikh Zarqan bin \
             Velmor Al Nuvayan died on Friday. Sheikh Zarqan was mourned.",
        );
        assert_eq!(
            got,
            ["Hadim bin Isor Al Zarqan", "Zarqan bin Velmor Al Nuvayan"]
        );
    }

    #[test]
    fn a_predicate_gives_the_office_of_one_long_out_of_it() {
        // A made-up vice president of the 1890s, spoken of in 1952 beside
        // an unlisted grandson of the same name.
        let mut vp = officeholder(
            "vp",
            "Orvel Brannick",
            "Vice President of the United States",
            "1893-03-04",
        );
        vp.properties
            .insert("birth_date".into(), "1835-10-23".into());
        vp.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "Vice President of the United States",
                "start": "1893-03-04", "end": "1897-03-04"}]),
        );
        let m = Matcher::new(&Gazetteer::from_entities([vp]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1952-10-21").unwrap());
        for (text, want) in [
            // The office the predicate gives fits him.
            (
                "Orvel Brannick was Vice President from 1893 to 1897.",
                &["Orvel Brannick"][..],
            ),
            (
                "Gov. Orvel Brannick spoke. His grandfather and namesake, \
                 Orvel Brannick, was Vice President from 1893 to 1897. The \
                 elder Brannick ran again in 1900. Mr. Brannick smiled.",
                &["Orvel Brannick", "Brannick"],
            ),
            // Past where he was of; and named again as the first of the
            // name (not "at first", nor "the first … to").
            (
                "Mr. Brannick spoke. His grandfather and namesake, Orvel \
                 Brannick of Illinois, was Vice President from 1893 to 1897. \
                 The first Orvel Brannick ran again in 1900.",
                &["Orvel Brannick", "Orvel Brannick"],
            ),
            (
                "Mr. Brannick spoke. His grandfather and namesake, Orvel \
                 Brannick of Illinois, was Vice President from 1893 to 1897. \
                 At first, Orvel Brannick said, he had no interest. He became \
                 the first Orvel Brannick to win in Ohio.",
                &["Orvel Brannick"],
            ),
            // The younger of the two is the grandson.
            (
                "Gov. Orvel Brannick spoke. His grandfather and namesake, \
                 Orvel Brannick, was Vice President from 1893 to 1897. The \
                 younger Brannick smiled.",
                &["Orvel Brannick"],
            ),
            // Nothing says it is he: long out of office, he is not meant.
            ("Orvel Brannick spoke in Ohio.", &[]),
            ("Orvel Brannick was President Truman's guest.", &[]),
        ] {
            assert_eq!(resolved_texts(&mut r, text), want, "{text}");
        }
        // An office the record does not hold, in a story's account of a
        // career, does not count against him.
        r.set_date(DocDate::parse("1895-06-01").unwrap());
        let text = "Orvel Brannick was secretary of state until 1880.";
        let got = resolved(&mut r, text);
        assert_eq!(got.len(), 1, "{text}");
        assert!(got[0].confidence >= 0.85, "{got:?}");
    }

    #[test]
    fn a_deed_long_before_the_public_life_the_record_allows() {
        // A made-up deputy prime minister the list gives no birth, only an
        // office from 2019; the text names him by the first words of a
        // longer written name.
        let p = officeholder(
            "p",
            "Zarqan bin Velmor",
            "Deputy Prime Minister of Bahrain",
            "2019",
        );
        let m = Matcher::new(&Gazetteer::from_entities([p]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2024-03-02").unwrap());
        // His namesake ancestor, by what he did decades before.
        for text in [
            "Sheikh Zarqan bin Velmor, who ruled Bahrain from 1942, built it.",
            "Sheikh Zarqan bin Velmor Al Khalmor, who ruled from 1942, built it.",
        ] {
            assert_eq!(resolved(&mut r, text).len(), 0, "{text}");
        }
        // A deed within the years a career may start before its first
        // listed office is his.
        for text in [
            "Sheikh Zarqan bin Velmor, who joined the cabinet in 2005, spoke.",
            "Sheikh Zarqan bin Velmor Al Khalmor, who became a minister in \
             2011, spoke.",
            // (A birth year is no deed: it rules out only one born
            // otherwise.)
            "Sheikh Zarqan bin Velmor, who was born in 1960, spoke.",
            "Sheikh Zarqan bin Velmor (1960-2023) was mourned.",
        ] {
            assert_eq!(resolved(&mut r, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_deed_before_the_birth_and_a_name_spoken_of() {
        // Made-up fixture names, one listed with a date of birth.
        let mut e = Entity::new("y", "Zarqan Al-Zarnavi", EntityType::Person);
        e.properties
            .insert("dob".into(), serde_json::json!(["12 Jan 2001"]));
        let k = Entity::new("k", "Velmor Quandrix", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([e, k]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2024-12-09").unwrap());
        let found = |r: &mut Resolver, text: &str| resolved(r, text).len();
        // His namesake grandfather, by what he did before 2001.
        for text in [
            "A statue of Zarqan Al-Zarnavi, who seized power in 1970, fell.",
            "Zarqan Al-Zarnavi - who ruled in the 1980s - is remembered.",
        ] {
            assert_eq!(found(&mut r, text), 0, "{text}");
        }
        for text in [
            "Treasury listed Zarqan Al-Zarnavi, who was born in 2001, in 2020.",
            "Zarqan Al-Zarnavi, whose grandfather seized power in 1970, fled.",
        ] {
            assert_eq!(found(&mut r, text), 1, "{text}");
        }
        // A name spoken of, or withheld, is no listed person's.
        let story = "Velmor Quandrix was designated. ";
        for (text, n) in [
            ("Two ministers were named Quandrix.", 1),
            ("Most of them are named Lee, Quandrix or Park.", 1),
            ("More than one Quandrix has been stopped.", 1),
            (
                "Mr. Velmor Quandrix, son of Mr. and Mrs. Tom Quandrix, wed.",
                1,
            ),
            ("A driver who gave his name only as Quandrix said so.", 1),
            ("Quandrix is the most common family name here.", 1),
            ("Lee and Quandrix are among the commonest surnames.", 1),
            ("Quandrix is in hiding, and the name is common.", 2),
            ("Officials said Quandrix had fled.", 2),
        ] {
            assert_eq!(found(&mut r, &format!("{story}{text}")), n, "{text}");
        }
    }

    #[test]
    fn an_office_before_someone_too_young_for_one() {
        // A made-up fixture name, listed with a date of birth and no office.
        let mut e = Entity::new("y", "Zarqan Al-Zarnavi", EntityType::Person);
        e.properties
            .insert("dob".into(), serde_json::json!(["12 Jan 2001"]));
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-05-12").unwrap());
        let found = |r: &mut Resolver, text: &str| resolved(r, text).len();
        assert_eq!(
            found(
                &mut r,
                "The designation of Zarqan Al-Zarnavi, 19, drew notice."
            ),
            1
        );
        assert_eq!(
            found(
                &mut r,
                "It was the widow of former President Zarqan Al-Zarnavi."
            ),
            0
        );
        // At a date he was old enough, the title no longer rules him out.
        r.set_date(DocDate::parse("2045").unwrap());
        assert_eq!(
            found(
                &mut r,
                "It was the widow of former President Zarqan Al-Zarnavi."
            ),
            1
        );
    }

    #[test]
    fn a_surname_that_is_a_function_word() {
        // A made-up fixture: a head of state whose family name is "To".
        let mut e = officeholder("t", "To Zarlam", "President", "2020-01-01");
        e.name_order = Some(NameOrder::FamilyFirst);
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2024").unwrap());
        let found = resolved_texts;
        // The word, though the leader of the day bears it, and though he
        // is named in full later.
        assert!(found(&mut r, "To the north, farmers waited.").is_empty());
        assert_eq!(
            found(&mut r, "To the north, To Zarlam waited."),
            ["To Zarlam"]
        );
        // A title makes it his name.
        assert_eq!(found(&mut r, "President To spoke."), ["To"]);
    }

    #[test]
    fn confidence_reasons_and_candidates() {
        let m = Matcher::new(&officials());
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1962").unwrap());
        let mut out = Vec::new();
        r.resolve("President John F. Kennedy spoke.", &mut out);
        let k = &out[0];
        assert_eq!(m.entity(k).id, "jfk");
        assert!(k.confidence >= 0.9, "{k:?}");
        assert!(k.reasons.contains(&Reason::TitleAtDate) && k.reasons.contains(&Reason::Initials));
        let other = &k.candidates[0];
        assert_eq!(m.entities()[other.entity as usize].id, "jnk");
        assert_eq!(
            (other.confidence, other.reasons.as_slice()),
            (0.0, &[Reason::BeforePublicLife][..])
        );
        // Below the threshold: kept only when asked.
        r.set_date(DocDate::parse("2020").unwrap());
        out.clear();
        r.resolve("Adam Smith spoke.", &mut out);
        assert!(out.is_empty());
        r.set_min_confidence(0.0);
        r.resolve("Adam Smith spoke.", &mut out);
        assert_eq!(out.len(), 1);
        assert!(
            out[0].confidence < DEFAULT_MIN_CONFIDENCE
                && out[0].reasons.contains(&Reason::CommonName)
        );
        // The country corroborates a common name, unless the story writes
        // the name in the plural: then many people share it.
        r.set_min_confidence(DEFAULT_MIN_CONFIDENCE);
        out.clear();
        r.resolve("In the United States, Adam Smith spoke.", &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        out.clear();
        r.resolve(
            "Three Adam Smiths live in the United States. Adam Smith spoke.",
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn evidence_and_char_offsets() {
        let m = Matcher::new(&gazetteer());
        let text = "«Ashot Mkrtychev» — Mkrtychev";
        let got = m.find(text);
        assert_eq!(got.len(), 2);
        let s = &got[1];
        assert_eq!(s.kind, MatchKind::Surname);
        let ev = s.evidence.unwrap();
        assert_eq!(&text[ev.start..ev.end], "Ashot Mkrtychev");
        for x in &got {
            let by_char: String = text
                .chars()
                .skip(x.char_start)
                .take(x.char_end - x.char_start)
                .collect();
            assert_eq!(by_char, &text[x.start..x.end]);
        }
    }

    /// The index of words, and the links between the uses of each listed
    /// word, find the earlier uses of a word that the search of the
    /// look-back window finds, with uses written two and three times in a
    /// row (the search's finds do not overlap), barriers between, and some
    /// uses inside chosen mentions.
    #[test]
    fn earlier_uses_by_index_as_by_search() {
        let parts = [
            "Kim Kim said. ",
            "Kim Kim Kim (Kim) met Lee. ",
            "Lee; Lee Kim Lee Lee Lee Lee. ",
            "and Kim\n\nKim Jong Un Kim kim. ",
        ];
        let text: String = (0..400).map(|i| parts[i % 4]).collect();
        let n = crate::normalize::normalize(&text);
        let words = word_tokens(&n).expect("a plain stream");
        let count = n.tokens().len();
        // Numbers as a matcher gives them: one per listed word ("said" and
        // "met" unlisted, 0).
        let mut listed: FxHashMap<&str, u32> = FxHashMap::default();
        let numbers: Vec<u32> = (0..count)
            .map(|i| match n.token_text(i) {
                "said" | "met" => 0,
                w => {
                    let next = listed.len() as u32 + 1;
                    *listed.entry(w).or_insert(next)
                }
            })
            .collect();
        let same = same_word_before(&n, &numbers).expect("a plain stream");
        for covered in [
            vec![false; count],
            (0..count).map(|i| i % 5 == 0 || i % 7 == 3).collect(),
        ] {
            let mut found = 0;
            for before in 0..count as u32 {
                let end = n.tokens()[before as usize].norm_start as usize;
                for back in [0, 7, 40, 300, 2000] {
                    let lo = end.saturating_sub(back);
                    let searched = earlier_searched(&n, before, lo, &covered);
                    let indexed = earlier_indexed(&n, &words, before, lo, &covered);
                    assert_eq!(indexed, searched, "token {before}, from byte {lo}");
                    if numbers[before as usize] != 0 {
                        let linked = earlier_linked(&n, &same, before, lo, &covered);
                        assert_eq!(linked, searched, "token {before}, from byte {lo}, linked");
                    }
                    found += usize::from(searched.is_some());
                }
            }
            assert!(found > count, "{found} uses found");
        }
        // A character folded to several words puts a space inside a token:
        // no index then.
        let n = crate::normalize::normalize("Kim \u{fdfa} Kim");
        assert_eq!(n.stream(), " kim صلى الله عليه وسلم kim ");
        assert!(word_tokens(&n).is_none());
        assert!(same_word_before(&n, &[1, 1]).is_none());
    }

    /// The set of lower-case words answers as the pass over the words
    /// does: words written in lower case (also folded: "ärger" as
    /// "arger"), only capitalized or in capitals, absent.
    #[test]
    fn lower_case_words_as_by_pass() {
        let text = "Cotton futures fell. COTTON GROWERS met; the growers said \
                    cotton was dear. Ärger and ärger, Mays and may. Zed.";
        let n = crate::normalize::normalize(text);
        let set = lower_words(&n);
        let cases = [
            ("cotton", true),
            ("futures", true),
            ("growers", true),
            ("fell", true),
            ("the", true),
            ("arger", true),
            ("may", true),
            ("met", true),
            ("dear", true),
            ("mays", false),
            ("zed", false),
            ("wheat", false),
            ("", false),
            ("a", false),
        ];
        for (word, want) in cases {
            assert_eq!(
                written_lower_in(&n, word.as_bytes()),
                want,
                "{word} by pass"
            );
            assert_eq!(set.contains(word.as_bytes()), want, "{word} in the set");
        }
    }

    #[test]
    fn two_least() {
        let mut t = TwoLeast::default();
        assert_eq!(t.least_besides(1), None);
        t.add(9, 1);
        assert_eq!((t.least_besides(1), t.least_besides(2)), (None, Some(9)));
        t.add(5, 1);
        t.add(7, 2);
        t.add(8, 3);
        assert_eq!(t.least_besides(1), Some(7));
        assert_eq!(t.least_besides(2), Some(5));
        t.add(3, 3);
        assert_eq!(t.least_besides(3), Some(5));
        assert_eq!(t.least_besides(1), Some(3));
        t.add(1, 2);
        assert_eq!(t.least_besides(2), Some(3));
        assert_eq!(t.least_besides(9), Some(1));
    }
    #[test]
    fn a_relative_named_by_another_s_name_is_not_that_person() {
        // A made-up sanctioned man whom a list gives his brother's name as
        // an alias.
        let mut e = Entity::new("d", "Darvesh Qalandar Moskar", EntityType::Person);
        e.aliases.push(Alias::new("Inees Qalandar"));
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2013-03-21").unwrap());
        let texts = |r: &mut Resolver, text: &str| resolved_texts(r, text);
        assert_eq!(
            texts(
                &mut r,
                "Darvesh Qalandar Moskar planned it. Police named Darvesh's brother \
                 Inees Qalandar among the accused."
            ),
            ["Darvesh Qalandar Moskar", "Darvesh"]
        );
        // (An age word between.)
        assert_eq!(
            texts(
                &mut r,
                "Darvesh Qalandar Moskar planned it. Police named Darvesh's younger \
                 brother Inees Qalandar."
            ),
            ["Darvesh Qalandar Moskar", "Darvesh"]
        );
        // (Without the kin words, the alias is his.)
        assert_eq!(
            texts(
                &mut r,
                "Darvesh Qalandar Moskar planned it. Police named Inees Qalandar too."
            ),
            ["Darvesh Qalandar Moskar", "Inees Qalandar"]
        );
    }

    #[test]
    fn an_organizations_name_without_its_legal_form_grounds_its_acronym() {
        // A made-up sanctioned holding company and its listed acronym.
        let mut e = Entity::new(
            "t",
            "VELDRON AND MARKISH HOLDING GROUP LTD",
            EntityType::Organization,
        );
        e.aliases.push(Alias::new("V.M.H.G."));
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1992-11-11").unwrap());
        assert_eq!(
            resolved_texts(
                &mut r,
                "It was bought by the Veldron and Markish Holding Group, a London \
                 company. Papers showed that VMHG took its orders from Baghdad."
            ),
            ["Veldron and Markish Holding Group", "VMHG"]
        );
        // (The acronym alone has no grounds.)
        assert!(resolved_texts(&mut r, "Papers showed that VMHG took its orders.").is_empty());
    }

    #[test]
    fn a_carrier_before_an_airlines_short_name_is_the_airline() {
        // A made-up sanctioned airline.
        let airline = Entity::new("a", "PJSC ZELAVIA AIRLINES", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([airline]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2022-04-06").unwrap());
        assert_eq!(
            resolved_texts(
                &mut r,
                "PJSC Zelavia Airlines was designated. The Russian carrier Zelavia said it would fly on."
            ),
            ["PJSC Zelavia Airlines", "Zelavia"]
        );
    }

    #[test]
    fn a_ships_word_before_a_name_is_the_ship_not_its_owner() {
        // A made-up sanctioned ship and the company named after it.
        let corp = Entity::new("c", "ZELKORA CORP", EntityType::Organization);
        let ship = Entity::new("v", "ZELKORA", EntityType::Vessel);
        let m = Matcher::new(&Gazetteer::from_entities([corp, ship]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2018-02-24").unwrap());
        assert_eq!(
            resolved_ids(
                &mut r,
                &m,
                "Among them is the Panama-flagged tanker Zelkora, held at port. \
                 Its owner, Zelkora Corp, was also designated."
            ),
            [
                ("Zelkora".to_string(), "v".to_string()),
                ("Zelkora Corp".to_string(), "c".to_string())
            ]
        );
    }

    #[test]
    fn a_brother_listed_in_his_own_right_keeps_his_family_name() {
        // Made-up sanctioned brothers.
        let a = Entity::new("a", "Qarvin Zelmani", EntityType::Person);
        let b = Entity::new("b", "Doren Zelmani", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([a, b]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2013-03-21").unwrap());
        let got = resolved_ids(
            &mut r,
            &m,
            "Doren Zelmani was named. Qarvin Zelmani's brother Doren Zelmani fled.",
        );
        let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "b"], "{got:?}");
    }

    #[test]
    fn another_imo_number_by_a_ships_name_is_another_ship() {
        // A made-up sanctioned ship.
        let mut ship = Entity::new("v", "ZELKORA STAR", EntityType::Vessel);
        ship.properties.insert("imo".into(), "9015278".into());
        let m = Matcher::new(&Gazetteer::from_entities([ship]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-08-12").unwrap());
        let texts = |r: &mut Resolver, text: &str| resolved_texts(r, text);
        assert!(texts(
            &mut r,
            "Beached this month was the tanker Zelkora Star, a 1998-built feeder (IMO 9177624)."
        )
        .is_empty());
        assert_eq!(
            texts(
                &mut r,
                "Beached this month was the tanker Zelkora Star (IMO 9015278)."
            ),
            ["Zelkora Star"]
        );
        // (Any of the listed numbers.)
        let mut ship = Entity::new("w", "ZELKORA MOON", EntityType::Vessel);
        ship.properties.insert("imo".into(), "9015279".into());
        ship.properties
            .insert("imo_alt".into(), serde_json::json!(["9177625"]));
        let m = Matcher::new(&Gazetteer::from_entities([ship]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2019-08-12").unwrap());
        assert_eq!(
            resolved_texts(&mut r, "The tanker Zelkora Moon (IMO 9177625) left port."),
            ["Zelkora Moon"]
        );
    }

    #[test]
    fn a_title_past_a_lists_last_sight_is_a_rise_where_the_country_is_named() {
        // A made-up deputy prime minister with a common name, as a list of
        // 2019 saw him.
        let mut e = official(
            "d",
            "John Miller",
            serde_json::json!([{"role": "Deputy Prime Minister", "as_of": "2019-06",
                                "current": true, "country": "Fiji"}]),
        );
        e.properties.insert("country".into(), "Fiji".into());
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2022-04-06").unwrap());
        for (text, n) in [
            (
                "In Suva, Fiji, Prime Minister John Miller said he would act.",
                1,
            ),
            // (No country: someone else's title.)
            ("Prime Minister John Miller said he would act.", 0),
        ] {
            assert_eq!(resolved(&mut r, text).len(), n, "{text}");
        }
    }

    #[test]
    fn initials_of_an_arabic_name_keep_its_article() {
        // A made-up sanctioned charity.
        let e = Entity::new(
            "q",
            "AL-ZARQA AL-MUNIR ASSOCIATION",
            EntityType::Organization,
        );
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2024-10-22").unwrap());
        assert_eq!(
            resolved_texts(
                &mut r,
                "Strikes hit the Al-Zarqa Al-Munir Association in Beirut. Al-Zarqa \
                 Al-Munir lends to families. AZAM, as it is known in banking circles, \
                 denied it."
            ),
            ["Al-Zarqa Al-Munir Association", "Al-Zarqa Al-Munir", "AZAM"]
        );
        // (Not three letters with the article, where common acronyms lie.)
        let e = Entity::new("n", "AL-NASIRA AIRLINES", EntityType::Organization);
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2020-01-01").unwrap());
        assert_eq!(
            resolved_texts(
                &mut r,
                "Sanctions on Al-Nasira Airlines were extended. An ANA commander said so."
            ),
            ["Al-Nasira Airlines"]
        );
    }

    #[test]
    fn another_spelling_of_a_common_name_is_as_common() {
        // A made-up Syrian minister listed under a common name.
        let mut e = officeholder("o", "Omar Khan", "Minister of Energy", "2019-01-01");
        e.properties.insert("country".into(), "Syria".into());
        let m = Matcher::new(&Gazetteer::from_entities([e]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2021-03-04").unwrap());
        for (text, n) in [
            ("Omar Khan, the actor, opened the film festival.", 0),
            ("Umar Khan, the actor, opened the film festival.", 0),
            ("Aamir Khan, the actor, opened the film festival.", 0),
            // (The story names the minister's country: corroborated.)
            ("In Damascus, Syria's energy minister Umar Khan spoke.", 1),
        ] {
            assert_eq!(resolved(&mut r, text).len(), n, "{text}");
        }
    }

    #[test]
    fn a_royal_title_before_a_shortened_name_is_a_title() {
        // A made-up sultan listed with his family name, and a made-up
        // sanctioned man whose given name is "Sultan".
        let mut sultan = officeholder("q", "Quzair bin Tamid Al Dhaheri", "Sultan", "1970-07-23");
        sultan.properties.insert("country".into(), "Oman".into());
        let m = Matcher::new(&Gazetteer::from_entities([sultan]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("1989-06-05").unwrap());
        for (text, n) in [
            ("A cable was sent by Sultan Quzair bin Tamid on Monday.", 1),
            // ("Sultan" after "bin" is a father's name: "Al Dhaheri" is
            // of a longer name.)
            ("Then Zayed bin Sultan Al Dhaheri arrived.", 0),
        ] {
            assert_eq!(resolved(&mut r, text).len(), n, "{text}");
        }
    }

    #[test]
    fn bearers_of_a_family_name_written_first() {
        // Made-up fixture names: two listed ministers whose family name
        // comes first, and unlisted bearers of their family names.
        let family_first = |id: &str, name: &str, role: &str| {
            let mut e = officeholder(id, name, role, "2004-08-12");
            e.name_order = Some(NameOrder::FamilyFirst);
            e
        };
        let mut jo = officeholder("jo", "Josephine Zeo", "Minister of Manpower", "2018-05-01");
        jo.properties.insert("gender".into(), "F".into());
        let m = Matcher::new(&Gazetteer::from_entities([
            family_first("lee", "Lee Zhan Wen", "Prime Minister of Zarland"),
            family_first("kim", "Kim Tae Ryong", "Minister of Health"),
            family_first("zeo", "Zeo Chee Hean", "Deputy Prime Minister of Zarland"),
            jo,
        ]));
        let mut r = Resolver::new(&m);
        r.set_date(DocDate::parse("2015-03-24").unwrap());
        let linked = |r: &mut Resolver, text: &str| -> Vec<String> {
            resolved_ids(r, &m, text)
                .into_iter()
                .map(|(t, id)| format!("{t}={id}"))
                .collect()
        };
        // A child introduced so is not "the elder" of the name.
        let story = "ZARLAND MOURNS\n\nLee Kuan Mo, who led Zarland, died today.\n\n\
                     His eldest son, Prime Minister Lee Zhan Wen, announced it.\n\n";
        assert_eq!(
            linked(
                &mut r,
                &format!("{story}The elder Lee stepped down in 1990.")
            ),
            ["Lee Zhan Wen=lee"]
        );
        assert_eq!(
            linked(&mut r, &format!("{story}The younger Lee wept.")),
            ["Lee Zhan Wen=lee", "Lee=lee"]
        );
        // One addressed alike is the one named so last, paragraphs on.
        assert_eq!(
            linked(
                &mut r,
                "ZARLAND VOTES\n\nBG Lee Zhan Wen won his seat. BG Lee, 32, thanked voters.\n\n\
                 The Prime Minister, Mr Lee Kuan Mo, spoke at 3 am.\n\n\
                 Mr Lee said the party would study the vote."
            ),
            ["Lee Zhan Wen=lee", "Lee=lee"]
        );
        // An unlisted bearer named first in full, family name first, is
        // whom a bare family name means, unless a title says otherwise.
        let story = "SEOUL MOURNS\n\nKim Bong-su, a founder of the party, died today.\n\n\
                     Health Minister Kim Tae Ryong attended the wake.\n\n";
        assert_eq!(
            linked(&mut r, &format!("{story}Kim was 92.")),
            ["Kim Tae Ryong=kim"]
        );
        assert_eq!(
            linked(&mut r, &format!("{story}Kim, the health minister, bowed.")),
            ["Kim Tae Ryong=kim", "Kim=kim"]
        );
        // (A former office says nothing of the minister in office; a
        // square named after someone is no bearer.)
        assert_eq!(
            linked(
                &mut r,
                "ZARLAND MOURNS\n\nLee Kuan Mo, Zarland's founder, died.\n\n\
                 His son, Prime Minister Lee Zhan Wen, announced it.\n\n\
                 Lee, the former prime minister, led Zarland from 1959 to 1990."
            ),
            ["Lee Zhan Wen=lee"]
        );
        assert_eq!(
            linked(
                &mut r,
                "PARADE\n\nCrowds filled Kim Il Sung Square.\n\n\
                 Health Minister Kim Tae Ryong watched.\n\nKim saluted."
            ),
            ["Kim Tae Ryong=kim", "Kim=kim"]
        );
        // An honorific's sex names the bearer known to be of it.
        assert_eq!(
            linked(
                &mut r,
                "VISIT\n\nMinister Josephine Zeo and Deputy Prime Minister Zeo Chee Hean \
                 visited the site.\n\nMrs Zeo said the scheme would grow."
            ),
            ["Josephine Zeo=jo", "Zeo Chee Hean=zeo", "Zeo=jo"]
        );
    }
}

#[cfg(test)]
mod spelling_tests {
    use super::*;
    use crate::gazetteer::{Entity, Gazetteer};

    /// Made-up fixtures: a Syrian-listed person (so transliterated), a
    /// company, a monarch, a sanctioned person with no office, a cartel.
    fn gazetteer() -> Gazetteer {
        let mut hz = Entity::new("hz", "Hasan Zarnavani", EntityType::Person);
        hz.lists.push("SYRIA".into());
        let mut husseini = Entity::new("sh", "Saddamo Husseini", EntityType::Person);
        husseini.lists.push("IRAQ2".into());
        let mut king = Entity::new("k4", "Zarnavald IV of Fixturia", EntityType::Person);
        king.properties.insert(
            "roles".into(),
            serde_json::json!([{"role": "King of Fixturia", "start": "1990", "country": "Fixturia"}]),
        );
        king.properties
            .insert("birth_date".into(), "1950-01-01".into());
        Gazetteer::from_entities([
            hz,
            husseini,
            king,
            Entity::new(
                "zpc",
                "OPEN JOINT STOCK COMPANY ZARNAVAX POTASH COMPANY",
                EntityType::Organization,
            ),
            Entity::new("zc", "ZARNOVIA CARTEL", EntityType::Organization),
            Entity::new("zna", "ZARKOS NEWS AGENCY", EntityType::Organization),
            {
                let mut b = Entity::new(
                    "zb",
                    "PUBLIC JOINT STOCK COMPANY ZARBANK OF RUSSIA",
                    EntityType::Organization,
                );
                b.aliases.push(crate::gazetteer::Alias::new("PJSC ZARBANK"));
                b
            },
            {
                let mut b = Entity::new("zbe", "ZARBANK EUROPE AG", EntityType::Organization);
                b.properties.insert(
                    "linked_to".into(),
                    serde_json::json!(["PUBLIC JOINT STOCK COMPANY ZARBANK OF RUSSIA"]),
                );
                b
            },
            Entity::new("street", "ZARNOVSKY PROSPECT", EntityType::Vessel),
            Entity::new("marshal", "MARSHAL ZARNOV", EntityType::Vessel),
            {
                let mut t = Entity::new("tug", "ZAR AZULO", EntityType::Vessel);
                t.properties.insert("vessel_type".into(), "Tug".into());
                t
            },
            {
                let mut t = Entity::new("tug1", "ZARTIFON", EntityType::Vessel);
                t.properties.insert("vessel_type".into(), "Tug".into());
                t
            },
            {
                let mut y = Entity::new("yacht", "ZAR FLYER", EntityType::Vessel);
                y.properties.insert("vessel_type".into(), "Yacht".into());
                y
            },
            {
                let mut f = Entity::new("father", "ZARNURO MOROS, Nicolas", EntityType::Person);
                f.properties
                    .insert("dob".into(), serde_json::json!(["23 Nov 1962"]));
                f
            },
            {
                let mut f =
                    Entity::new("son", "ZARNURO GUERRA, Nicolas Ernesto", EntityType::Person);
                f.properties
                    .insert("dob".into(), serde_json::json!(["21 Jun 1990"]));
                f
            },
            {
                let mut f = Entity::new("nephew", "ZARNURO PEREZ, Tomas", EntityType::Person);
                f.properties
                    .insert("dob".into(), serde_json::json!(["2 Feb 2001"]));
                f
            },
            // (Made up: a senator whose surname is an English word, and a
            // premier whose family name is a function word.)
            Entity::new("tt", "Tomas Thimble", EntityType::Person),
            {
                let mut t = Entity::new("tz", "To Zarlam", EntityType::Person);
                t.name_order = Some(crate::gazetteer::NameOrder::FamilyFirst);
                t
            },
            // (Made up: two brothers.)
            Entity::new("sq", "Saadiko Zarqadhi", EntityType::Person),
            Entity::new("hq", "Hannibo Zarqadhi", EntityType::Person),
            // (Made up: a father and son the lists give no births for.)
            Entity::new("yz", "Yusufo Zarbadini", EntityType::Person),
            Entity::new("kz", "Karimo Zarbadini", EntityType::Person),
            {
                let mut n = Entity::new("nick", "Nemesio Zarnavera", EntityType::Person);
                n.aliases.push(crate::gazetteer::Alias::new("Zarnencho"));
                n
            },
            {
                let mut z = Entity::new("oz", "Omar Zarnavani", EntityType::Person);
                z.lists.push("SYRIA".into());
                z
            },
            // (Made up: a father and son of one given name and first family
            // name, the father with a nickname and surname listed.)
            {
                let mut s = Entity::new("zlp", "Teodoro Zarbanez Lopez", EntityType::Person);
                s.properties
                    .insert("nationality".into(), serde_json::json!(["Mexico"]));
                s
            },
            {
                let mut f = Entity::new("zlo", "Teodoro Zarbanez Loera", EntityType::Person);
                f.aliases
                    .push(crate::gazetteer::Alias::new("Zarbo Zarbanez"));
                f.properties
                    .insert("nationality".into(), serde_json::json!(["Mexico"]));
                f
            },
            // A made-up person whose surname is a place (Carney, Oklahoma).
            {
                let mut c = Entity::new("carney", "Zarnelius Carney", EntityType::Person);
                c.properties.insert(
                    "roles".into(),
                    serde_json::json!([{"role": "Prime Minister of Fixturia", "start": "2025-03-14"}]),
                );
                c
            },
            {
                let mut g =
                    Entity::new("guards", "HARBOR LANTERN GUARDS", EntityType::Organization);
                g.properties.insert(
                    "addresses".into(),
                    serde_json::json!([{"city": "Tehran", "country": "Iran"}]),
                );
                g
            },
            Entity::new("lula", "Luizo Inacio Zarlula da Zilva", EntityType::Person),
            {
                let mut m = Entity::new("zm", "Zarwin Moscow", EntityType::Person);
                m.properties.insert(
                    "roles".into(),
                    serde_json::json!([{"role": "Prime Minister of Fixturia", "start": "2025-03-14"}]),
                );
                m
            },
            {
                let mut z = Entity::new("sz", "Saif Zarnavani", EntityType::Person);
                z.lists.push("SYRIA".into());
                z
            },
            {
                let mut z = Entity::new("sisi", "Abdel Zarfattah el-Zisi", EntityType::Person);
                z.properties.insert("country".into(), "Egypt".into());
                z
            },
            {
                let mut z = Entity::new("az", "Anda Zarnavani", EntityType::Person);
                z.lists.push("SYRIA".into());
                z
            },
            {
                let mut v = Entity::new("vz", "Velmar Zarkhouli", EntityType::Person);
                v.lists.push("IRAQ2".into());
                v.properties.insert("pob".into(), "Latakia, Syria".into());
                v
            },
            {
                let mut k = Entity::new("zk", "Zarlman of Fixturia", EntityType::Person);
                k.properties.insert(
                    "roles".into(),
                    serde_json::json!([{"role": "King of Fixturia", "start": "2015"}]),
                );
                k.properties.insert("country".into(), "Jordan".into());
                k
            },
            {
                let mut h = Entity::new("hr", "Volodar Hrozmenko", EntityType::Person);
                h.properties.insert("country".into(), "Ukraine".into());
                h
            },
            {
                let mut h = Entity::new("ir", "Volodar Hrozmenkin", EntityType::Person);
                h.properties.insert("country".into(), "Iran".into());
                h
            },
            {
                let mut u = Entity::new("uz", "Umar al-Zarbashir", EntityType::Person);
                u.properties.insert("country".into(), "Sudan".into());
                u
            },
            Entity::new("zv1", "Zarvando Kemal Ozturo", EntityType::Person),
            Entity::new("zv2", "Zarvando Ibrahimo Zaki", EntityType::Person),
            Entity::new("zv3", "Ilkin Zarvando", EntityType::Person),
            Entity::new("zt", "THE ZARNITS", EntityType::Organization),
            {
                let mut q = Entity::new("qd", "Abu Zarnullah Kardosh", EntityType::Person);
                q.lists.push("SYRIA".into());
                q.properties
                    .insert("linked_to".into(), serde_json::json!(["ZARNOVIA CARTEL"]));
                q
            },
            {
                // (Made up: a name of common words, born in Mexico.)
                let mut g = Entity::new("rgl", "Robert Garcia Lopez", EntityType::Person);
                g.lists.push("SDNTK".into());
                g.properties.insert("pob".into(), "Tijuana, Mexico".into());
                g
            },
            {
                // (Made up: a name of common words, born in Afghanistan.)
                let mut m = Entity::new("mkr", "David Hassan", EntityType::Person);
                m.lists.push("SDGT".into());
                m.properties
                    .insert("pob".into(), "Kandahar, Afghanistan".into());
                m
            },
            {
                let mut g = Entity::new("jg", "James Garcia", EntityType::Person);
                g.lists.push("SDNTK".into());
                g.properties.insert("pob".into(), "Tijuana, Mexico".into());
                g
            },
            {
                // (Made up: a name of common words, a citizen of Venezuela.)
                let mut g = Entity::new("cr", "Carlos Ramirez", EntityType::Person);
                g.lists.push("VENEZUELA".into());
                g.properties
                    .insert("citizenship".into(), serde_json::json!(["Venezuela"]));
                g
            },
            {
                let mut k = Entity::new("pak", "Pak Kyong Chol", EntityType::Person);
                k.lists.push("DPRK3".into());
                k.name_order = Some(crate::gazetteer::NameOrder::FamilyFirst);
                k
            },
            // (A family on a list, one member with a name of the article
            // and the family name alone, another with a nickname so.)
            {
                let mut k = Entity::new("kq", "Khamiso Zarqadhi", EntityType::Person);
                k.lists.push("LIBYA2".into());
                k.aliases.push(crate::gazetteer::Alias::new("AL-ZARQADHI"));
                k
            },
            {
                let mut m = Entity::new("mq", "Muammaro Zarqadhi", EntityType::Person);
                m.lists.push("LIBYA2".into());
                m.aliases
                    .push(crate::gazetteer::Alias::new("Muammaro Al-Zarqadhi"));
                m
            },
            {
                let mut s = Entity::new("zs", "AL-ZARNAVENI SOCIETY", EntityType::Organization);
                s.lists.push("SDGT".into());
                s.aliases.push(crate::gazetteer::Alias::new("AL-ZARNAVENI"));
                s
            },
            {
                let mut c = Entity::new("ck", "Alio Hasmo Zarmajid", EntityType::Person);
                c.lists.push("IRAQ2".into());
                c.aliases.push(crate::gazetteer::Alias::new("AL-ZARKIMAWI"));
                c
            },
        ])
    }

    /// (name, date, text, expected (text, entity id, match kind))
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str, &'static str)],
    );
    const CASES: &[Case] = &[
        (
            "a family's name with the article, after one member's full name",
            "2011",
            "Muammaro Zarqadhi spoke in Tripoli. Aides said al-Zarqadhi left.",
            &[
                ("Muammaro Zarqadhi", "mq", "exact"),
                ("al-Zarqadhi", "mq", "surname"),
            ],
        ),
        (
            "a family's name with the article, alone",
            "2011",
            "Officials said Al-Zarqadhi left.",
            &[],
        ),
        (
            "a nickname with the article that no one else bears",
            "2011",
            "Forces under Al-Zarkimawi attacked.",
            &[("Al-Zarkimawi", "ck", "normalized")],
        ),
        (
            "the article hyphened before a given name",
            "2011",
            "Officials said Al-Khamiso Zarqadhi fled, and so did al-Muammaro Zarqadhi.",
            &[
                ("Al-Khamiso Zarqadhi", "kq", "normalized"),
                ("al-Muammaro Zarqadhi", "mq", "normalized"),
            ],
        ),
        (
            "a family name after the article, the sentence's first word before",
            "2011",
            "Hasan Zarnavani spoke in Damascus. Later al-Zarnavani left.",
            &[
                ("Hasan Zarnavani", "hz", "exact"),
                ("al-Zarnavani", "hz", "surname"),
            ],
        ),
        (
            "an organization's name respelled, a family name as written of a man named in full",
            "2011",
            "Hasan Zarnavani spoke in Damascus. Aides said al-Zarnavani left. Al-Zarnavani waved.",
            &[
                ("Hasan Zarnavani", "hz", "exact"),
                ("al-Zarnavani", "hz", "surname"),
            ],
        ),
        (
            "the article hyphened inside another man's longer name: his father's",
            "2011",
            "Officials said Ahmad Al-Muammaro Zarqadhi spoke.",
            &[],
        ),
        (
            "common words, three of them, born where the story is",
            "2010",
            "MEXICO CITY - Robert Garcia Lopez was arrested.",
            &[("Robert Garcia Lopez", "rgl", "exact")],
        ),
        (
            "common words, three of them, nothing else",
            "2010",
            "Robert Garcia Lopez was arrested.",
            &[],
        ),
        (
            "common words, two of them after a cleric's title, born where the story is",
            "2001",
            "KABUL - Mullah David Hassan spoke.",
            &[("David Hassan", "mkr", "exact")],
        ),
        (
            "common words, two of them, born where the story is",
            "2001",
            "KABUL - David Hassan spoke.",
            &[],
        ),
        (
            "common words, two of them, an official of the bearer's country",
            "2017",
            "Venezuelan Foreign Minister Zarno Vela said Carlos Ramirez was sanctioned.",
            &[("Carlos Ramirez", "cr", "exact")],
        ),
        (
            "common words, two of them, the people of the bearer's country",
            "2017",
            "A Venezuelan exile said Carlos Ramirez was sanctioned.",
            &[],
        ),
        (
            "common words, two of them, no country",
            "2017",
            "Officials said Carlos Ramirez was sanctioned.",
            &[],
        ),
        (
            "common words, two of them, born where the story is",
            "2010",
            "MEXICO CITY - James Garcia was arrested.",
            &[],
        ),
        (
            "one word respelled, the rest as listed",
            "2020",
            "Hassan Zarnavani spoke.",
            &[("Hassan Zarnavani", "hz", "variant")],
        ),
        (
            "every word respelled, nothing else",
            "2020",
            "Hassan Zarnawani spoke.",
            &[],
        ),
        (
            "a respelled surname after the full name",
            "2020",
            "Hasan Zarnavani spoke. Zarnawani left.",
            &[
                ("Hasan Zarnavani", "hz", "exact"),
                ("Zarnawani", "hz", "variant"),
            ],
        ),
        ("a respelled surname alone", "2020", "Zarnawani left.", &[]),
        (
            "every word respelled, the country of birth named",
            "2020",
            "DAMASCUS - Velmer Zarkhuli spoke.",
            &[("Velmer Zarkhuli", "vz", "variant")],
        ),
        (
            "every word respelled, the program's country named",
            "2020",
            "In Iraq, Velmer Zarkhuli spoke.",
            &[("Velmer Zarkhuli", "vz", "variant")],
        ),
        (
            "every word respelled, another country named",
            "2020",
            "In Egypt, Velmer Zarkhuli spoke.",
            &[],
        ),
        (
            "an organization's listed 'The' is the English article",
            "2020",
            "The Zarnits fired. Tehran armed the Zarnits. A group called The Zarnits.",
            &[
                ("Zarnits", "zt", "normalized"),
                ("Zarnits", "zt", "normalized"),
                ("The Zarnits", "zt", "normalized"),
            ],
        ),
        (
            "a respelled surname resting on a linked party",
            "2020",
            "The Zarnovia Cartel fought Kardesh and his men.",
            &[
                ("Zarnovia Cartel", "zc", "normalized"),
                ("Kardesh", "qd", "variant"),
            ],
        ),
        (
            "a religious title before a respelled name",
            "2020",
            "The leader, Sayyed Hassan Zarnavani, spoke. Later Ayatollah \
             Zarnavani wept.",
            &[
                ("Hassan Zarnavani", "hz", "variant"),
                ("Zarnavani", "hz", "surname"),
            ],
        ),
        (
            "a respelled English proper noun rests on a full mention only",
            "2020",
            "The Zarnovia Cartel fought Kurdish forces.",
            &[("Zarnovia Cartel", "zc", "normalized")],
        ),
        (
            "a king's title rules out a man with no office",
            "2020",
            "Saddamo Husseini spoke. King Husseini left.",
            &[("Saddamo Husseini", "sh", "exact")],
        ),
        (
            "regnal name without the realm, and alone after a title",
            "2000",
            "Zarnavald IV spoke. King Zarnavald left.",
            &[
                ("Zarnavald IV", "k4", "normalized"),
                ("Zarnavald", "k4", "surname"),
            ],
        ),
        (
            "another regnal number is another king",
            "2000",
            "Zarnavald IV spoke. Zarnavald I ruled long ago.",
            &[("Zarnavald IV", "k4", "normalized")],
        ),
        (
            "an heir's title before the reign",
            "1980",
            "Prince Zarnavald spoke.",
            &[("Zarnavald", "k4", "surname")],
        ),
        (
            "an heir's title during the reign is someone else's",
            "2000",
            "Prince Zarnavald spoke.",
            &[],
        ),
        (
            "an acronym the text introduces",
            "2020",
            "Zarnavax Potash Company (ZPC) said. Later ZPC added.",
            &[
                ("Zarnavax Potash Company", "zpc", "legal_form"),
                ("ZPC", "zpc", "short"),
                ("ZPC", "zpc", "short"),
            ],
        ),
        (
            "the initials of an organization named in full, after it",
            "2020",
            "Zarnavax Potash Company said. Later ZPC added.",
            &[
                ("Zarnavax Potash Company", "zpc", "legal_form"),
                ("ZPC", "zpc", "short"),
            ],
        ),
        (
            "the initials of an organization before it is named",
            "2020",
            "ZPC said. Later Zarnavax Potash Company added.",
            &[("Zarnavax Potash Company", "zpc", "legal_form")],
        ),
        (
            "initials the text used before the full name stand for something else",
            "2020",
            "ZPC said. Later Zarnavax Potash Company added. ZPC left.",
            &[("Zarnavax Potash Company", "zpc", "legal_form")],
        ),
        (
            "an acronym that does not start the name",
            "2020",
            "Zarnavax Potash Company (BPC) said. BPC added.",
            &[("Zarnavax Potash Company", "zpc", "legal_form")],
        ),
        (
            "a generic last word in lower case",
            "2020",
            "the Zarnovia cartel said",
            &[("Zarnovia cartel", "zc", "normalized")],
        ),
        (
            "the generic phrase in lower case",
            "2020",
            "the zarnovia cartel said",
            &[],
        ),
        (
            "two generic last words in lower case",
            "2020",
            "the semi-official Zarkos news agency said",
            &[("Zarkos news agency", "zna", "normalized")],
        ),
        (
            "El joins a one-word nickname",
            "2020",
            "Nemesio Zarnavera, El Zarnencho, fled.",
            &[
                ("Nemesio Zarnavera", "nick", "exact"),
                ("El Zarnencho", "nick", "surname"),
            ],
        ),
    ];

    const MORE: &[Case] = &[
        (
            "the speaker after a quotation is not the one it names",
            "2020",
            "Omar Zarnavani spoke. \"Hasan Zarnavani said we must,\" Zarnavani told reporters.",
            &[
                ("Omar Zarnavani", "oz", "exact"),
                ("Hasan Zarnavani", "hz", "exact"),
                ("Zarnavani", "oz", "surname"),
            ],
        ),
        (
            "a surname inside the quotation still refers back",
            "2020",
            "Omar Zarnavani spoke. \"Hasan Zarnavani said so, and Zarnavani was right,\" he said.",
            &[
                ("Omar Zarnavani", "oz", "exact"),
                ("Hasan Zarnavani", "hz", "exact"),
                ("Zarnavani", "hz", "surname"),
            ],
        ),
        (
            "a surname that is a place, after 'to'",
            "2025-06-01",
            "Zarnelius Carney was sworn in. Carney spoke. She lost to Carney.",
            &[
                ("Zarnelius Carney", "carney", "exact"),
                ("Carney", "carney", "surname"),
                ("Carney", "carney", "surname"),
            ],
        ),
        (
            "a surname that is a place, used as one",
            "2025-06-01",
            "Zarnelius Carney was sworn in. Storms hit homes in Carney. Carney was flooded.",
            &[("Zarnelius Carney", "carney", "exact")],
        ),
        (
            "a capital after 'to' is the place throughout",
            "2025-06-01",
            "Zarwin Moscow was elected. He sent a warning to Moscow. Moscow was cold.",
            &[("Zarwin Moscow", "zm", "exact")],
        ),
        (
            "a place after a word of travel and 'to'",
            "2025-06-01",
            "Zarnelius Carney was sworn in. She flew to Carney. Carney was flooded.",
            &[("Zarnelius Carney", "carney", "exact")],
        ),
        (
            "an organization of ordinary words, its country near",
            "2020",
            "Iranian officials said the Harbor Lantern Guards moved.",
            &[("Harbor Lantern Guards", "guards", "normalized")],
        ),
        ("an organization of ordinary words, alone", "2020", "The Harbor Lantern Guards played.", &[]),
        (
            "a Korean name in another romanization",
            "2020",
            "Pak Gyeong-chol arrived.",
            &[("Pak Gyeong-chol", "pak", "variant")],
        ),
        ("Korean syllables alone are not respelled", "2020", "Gyeong arrived.", &[]),
        (
            "an age that is not the listed person's",
            "2020",
            "Nicolas Ernesto Zarnuro Guerra, a 61-year-old farmer, spoke.",
            &[],
        ),
        (
            "an age that is the listed person's",
            "2020",
            "Nicolas Ernesto Zarnuro Guerra, 29, spoke.",
            &[("Nicolas Ernesto Zarnuro Guerra", "son", "name_order")],
        ),
        (
            "a person's initials after the full name",
            "2020",
            "Nicolas Ernesto Zarnuro Guerra spoke. NEZG left.",
            &[
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("NEZG", "son", "short"),
            ],
        ),
        (
            "a person's initials before the full name",
            "2020",
            "NEZG left. Nicolas Ernesto Zarnuro Guerra spoke.",
            &[("Nicolas Ernesto Zarnuro Guerra", "son", "name_order")],
        ),
        (
            "a short word respelled inside a longer name",
            "2020",
            "Seif Zarnavani spoke.",
            &[("Seif Zarnavani", "sz", "variant")],
        ),
        ("a place is not read as a respelled short word", "2020", "India Zarnavani spoke.", &[]),
        (
            "the Arabic article written 'Al' for a listed 'el'",
            "2020",
            "Abdel Zarfattah Al Zisi spoke.",
            &[("Abdel Zarfattah Al Zisi", "sisi", "variant")],
        ),
        (
            "a given name alone after the full name",
            "2020",
            "Luizo Inacio Zarlula da Zilva spoke. Zarlula left.",
            &[
                ("Luizo Inacio Zarlula da Zilva", "lula", "exact"),
                ("Zarlula", "lula", "surname"),
            ],
        ),
        ("a given name alone, nothing more", "2020", "Zarlula left.", &[]),
        (
            "a monarch without a number, titled, then alone",
            "2020",
            "King Zarlman spoke. Zarlman left.",
            &[("Zarlman", "zk", "surname"), ("Zarlman", "zk", "surname")],
        ),
        ("a monarch's name alone", "2020", "Zarlman left.", &[]),
        (
            "a given name respelled inside the full name, not alone",
            "2020",
            "Omar al-Zarbashir spoke. Omar left.",
            &[("Omar al-Zarbashir", "uz", "variant")],
        ),
        ("a monarch of his country", "2020", "King Zarlman of Jordan spoke.", &[("Zarlman", "zk", "surname")]),
        ("a monarch of another country", "2020", "King Zarlman of Saudi Arabia spoke. Zarlman left.", &[]),
        (
            "a given name two listed names start with, of the one named",
            "2020",
            "Zarvando Kemal Ozturo spoke. Zarvando left.",
            &[("Zarvando Kemal Ozturo", "zv1", "exact"), ("Zarvando", "zv1", "surname")],
        ),
        (
            "a given name two listed names start with, both named",
            "2020",
            "Zarvando Kemal Ozturo spoke. Zarvando Ibrahimo Zaki replied. Zarvando left.",
            &[
                ("Zarvando Kemal Ozturo", "zv1", "exact"),
                ("Zarvando Ibrahimo Zaki", "zv2", "exact"),
                ("Zarvando", "zv2", "surname"),
            ],
        ),
        (
            "a given name two listed names start with, another's family name",
            "2020",
            "Ilkin Zarvando spoke. Zarvando Kemal Ozturo replied. Zarvando left.",
            &[
                ("Ilkin Zarvando", "zv3", "exact"),
                ("Zarvando Kemal Ozturo", "zv1", "exact"),
                ("Zarvando", "zv3", "surname"),
            ],
        ),
        (
            "'named' as a verb",
            "2020",
            "Hasan Zarnavani spoke. He named Zarnavani's deputy.",
            &[("Hasan Zarnavani", "hz", "exact"), ("Zarnavani", "hz", "surname")],
        ),
        (
            "'a man named' introduces someone new",
            "2020",
            "Hasan Zarnavani spoke. A man named Zarnavani left.",
            &[("Hasan Zarnavani", "hz", "exact")],
        ),
        ("a street named like a ship", "2020", "They walked down Zarnovsky Prospect.", &[]),
        (
            "the ship, with its cue",
            "2020",
            "the tanker Zarnovsky Prospect sailed",
            &[("Zarnovsky Prospect", "street", "normalized")],
        ),
        ("a marshal named like a ship", "2020", "a statue of Marshal Zarnov", &[]),
        (
            "a bank's name, not its subsidiary's first word",
            "2022",
            "In London, Zarbank shares fell as Russia was cut off. Its subsidiary Zarbank Europe AG closed.",
            &[("Zarbank", "zb", "short"), ("Zarbank Europe AG", "zbe", "normalized")],
        ),
        ("a Ukrainian h in a Russian spelling", "2020", "Volodar Grozmenko spoke.", &[("Volodar Grozmenko", "hr", "variant")]),
        ("a Ukrainian h as kh", "2020", "Volodar Khrozmenko spoke.", &[("Volodar Khrozmenko", "hr", "variant")]),
        ("an Iranian h is no g", "2020", "Volodar Grozmenkin spoke.", &[]),
        ("a listed tug", "2020", "the tug Zar Azulo sailed", &[("Zar Azulo", "tug", "normalized")]),
        ("a charter boat named like a tug", "2020", "aboard the charter boat Zar Azulo", &[]),
        ("named like a tug, in lower case", "2020", "Zar azulo means blue sea.", &[]),
        ("the tug, one word", "2020", "aboard the Zartifon, a tug of 200 tons", &[("Zartifon", "tug1", "normalized")]),
        ("a sportfisherman named like a tug", "2020", "aboard the Zartifon, a 36-foot sportfisherman", &[]),
        ("a listed yacht", "2020", "the yacht Zar Flyer sailed", &[("Zar Flyer", "yacht", "normalized")]),
        ("a dinghy named like a listed yacht", "2020", "a wooden dinghy called Zar Flyer won", &[]),
        (
            "the younger of two bearers",
            "2020",
            "Nicolas Zarnuro Moros spoke. His son, Nicolas Ernesto Zarnuro Guerra, spoke too. The younger Zarnuro laughed.",
            &[
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Zarnuro", "son", "surname"),
            ],
        ),
        (
            "a surname that is a word the story writes in lower case",
            "2019",
            "THIMBLE GROWERS FEEL THE PINCH\nCITY, Oct. 8 (AP) - Thimble is coming in.\n\nThimble prices fell, and the thimble trade waits. Sen. Tomas Thimble spoke. Thimble said more.",
            &[("Tomas Thimble", "tt", "exact"), ("Thimble", "tt", "surname")],
        ),
        (
            "a function word after a title in a line in capitals",
            "2019",
            "PREMIER TO VISIT\n\nTo Zarlam spoke. Premier To laughed.",
            &[("To Zarlam", "tz", "exact"), ("To", "tz", "surname")],
        ),
        (
            "a surname before a capitalized word and a noun for a named thing",
            "2011",
            "Yusufo Zarbadini spoke. Crowds gathered at the Zarbadini Grand Mosque.",
            &[("Yusufo Zarbadini", "yz", "exact")],
        ),
        (
            "a given name alone of one of two brothers named in full",
            "2011",
            "Saadiko Zarqadhi and Hannibo Zarqadhi fled. His brother Saadiko surfaced in Niger.",
            &[
                ("Saadiko Zarqadhi", "sq", "exact"),
                ("Hannibo Zarqadhi", "hq", "exact"),
                ("Saadiko", "sq", "surname"),
            ],
        ),
        (
            "a surname hyphened to a number: a model's designation",
            "2011",
            "Yusufo Zarbadini spoke. The air force bought Zarbadini-35 jets.",
            &[("Yusufo Zarbadini", "yz", "exact")],
        ),
        (
            "a word that may be a verb after a name in a title-case headline",
            "2011",
            "Why Yusufo Zarbadini Thought He Could Wait\n\nYusufo Zarbadini spoke.",
            &[("Yusufo Zarbadini", "yz", "exact"), ("Yusufo Zarbadini", "yz", "exact")],
        ),
        (
            "a name before a word for an ideology",
            "2011",
            "Yusufo Zarbadini spoke of Yusufo Zarbadini Thought.",
            &[("Yusufo Zarbadini", "yz", "exact")],
        ),
        (
            "a listed person's given name glued before a full name: a longer name",
            "2011",
            "Gen. Hannibo Saadiko Zarqadhi spoke.",
            &[],
        ),
        (
            "a name after a given name and bin: the father's, inside the son's",
            "2011",
            "Sheikh Tamrok bin Saadiko Zarqadhi spoke.",
            &[],
        ),
        (
            "the father's name alone, after a title",
            "2011",
            "Sheikh Saadiko Zarqadhi spoke.",
            &[("Saadiko Zarqadhi", "sq", "exact")],
        ),
        (
            "a common surname glued after a full name: a longer name",
            "2011",
            "One visitor, Saadiko Zarqadhi Hill, 44, spoke.",
            &[],
        ),
        (
            "a given name alone, one of the family named",
            "2011",
            "Saadiko Zarqadhi fled. His brother Saadiko surfaced in Niger.",
            &[("Saadiko Zarqadhi", "sq", "exact")],
        ),
        (
            "a given name spoken of as a name",
            "2011",
            "Saadiko Zarqadhi and Hannibo Zarqadhi fled. My son's name is Saadiko too.",
            &[("Saadiko Zarqadhi", "sq", "exact"), ("Hannibo Zarqadhi", "hq", "exact")],
        ),
        (
            "the younger of two bearers without births, by the words that named them",
            "2020",
            "Yusufo Zarbadini died. His son, Karimo Zarbadini, took over. The younger Zarbadini spoke.",
            &[
                ("Yusufo Zarbadini", "yz", "exact"),
                ("Karimo Zarbadini", "kz", "exact"),
                ("Zarbadini", "kz", "surname"),
            ],
        ),
        (
            "the elder of two bearers without births, one named as the other's son",
            "2020",
            "Karimo Zarbadini, the 34-year-old son of Yusufo Zarbadini, spoke. The elder Zarbadini wept.",
            &[
                ("Karimo Zarbadini", "kz", "exact"),
                ("Yusufo Zarbadini", "yz", "exact"),
                ("Zarbadini", "yz", "surname"),
            ],
        ),
        (
            "a bare surname after a relative named as such",
            "2020",
            "Nicolas Zarnuro Moros spoke. His son, Nicolas Ernesto Zarnuro Guerra, spoke too. Zarnuro laughed.",
            &[
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Zarnuro", "father", "surname"),
            ],
        ),
        (
            "a bare surname after two bearers named on their own",
            "2020",
            "Nicolas Zarnuro Moros spoke. Nicolas Ernesto Zarnuro Guerra spoke too. Zarnuro laughed.",
            &[
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Zarnuro", "son", "surname"),
            ],
        ),
        (
            "the elder of two bearers",
            "2020",
            "Nicolas Zarnuro Moros spoke. His son, Nicolas Ernesto Zarnuro Guerra, spoke too. The elder Zarnuro laughed.",
            &[
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Zarnuro", "father", "surname"),
            ],
        ),
        (
            "the younger of two bearers, another bearer named between",
            "2020",
            "Nicolas Zarnuro Moros spoke. His son, Nicolas Ernesto Zarnuro Guerra, spoke too. \
             Their cousin Elena Zarnuro came. The younger Zarnuro laughed.",
            &[
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Zarnuro", "son", "surname"),
            ],
        ),
        (
            "the younger of two bearers named before it, a younger one named after",
            "2020",
            "Nicolas Zarnuro Moros and Nicolas Ernesto Zarnuro Guerra spoke. \
             The younger Zarnuro laughed. Tomas Zarnuro Perez left.",
            &[
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Zarnuro", "son", "surname"),
                ("Tomas Zarnuro Perez", "nephew", "name_order"),
            ],
        ),
        (
            "a surname whose son is spoken of, over a story of the son",
            "2020",
            "Zarnuro's son speaks\n\nNicolas Ernesto Zarnuro Guerra, the eldest son of \
             Nicolas Zarnuro Moros, spoke.",
            &[
                ("Zarnuro", "father", "surname"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Nicolas Zarnuro Moros", "father", "name_order"),
            ],
        ),
        (
            "a bare surname after the younger is whoever the story called so",
            "2020",
            "Nicolas Zarnuro Moros spoke. Zarnuro said no. His son, Nicolas Ernesto Zarnuro Guerra, \
             spoke too. The younger Zarnuro laughed. Zarnuro left.",
            &[
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Zarnuro", "father", "surname"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Zarnuro", "son", "surname"),
                ("Zarnuro", "father", "surname"),
            ],
        ),
        (
            "a surname whose son is spoken of, in capitals or without the possessive",
            "2020",
            "ZARNURO'S SON SPEAKS\n\nNicolas Ernesto Zarnuro Guerra, the eldest son of \
             Nicolas Zarnuro Moros, spoke. Court hears Zarnuro son\n\nIt did.",
            &[
                ("ZARNURO", "father", "surname"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Nicolas Zarnuro Moros", "father", "name_order"),
                ("Zarnuro", "father", "surname"),
            ],
        ),
        (
            "a surname whose son is spoken of, the son introduced as wire copy does",
            "2020",
            "ZARNURO'S SON SPEAKS\n\nNicolas Ernesto Zarnuro Guerra, son of \
             Nicolas Zarnuro Moros, spoke.",
            &[
                ("ZARNURO", "father", "surname"),
                ("Nicolas Ernesto Zarnuro Guerra", "son", "name_order"),
                ("Nicolas Zarnuro Moros", "father", "name_order"),
            ],
        ),
        (
            "a titled surname after an unlisted bearer the story gave that title",
            "1994",
            "President Hamid Zarbadini spoke. Karimo Zarbadini, a banker, was away. \
             President Zarbadini wept.",
            &[("Karimo Zarbadini", "kz", "exact")],
        ),
        (
            "a titled surname after an unlisted bearer given another title",
            "1994",
            "General Hamid Zarbadini spoke. Karimo Zarbadini, a banker, was away. \
             President Zarbadini wept.",
            &[("Karimo Zarbadini", "kz", "exact"), ("Zarbadini", "kz", "surname")],
        ),
        (
            "a nickname in quotation marks inside the name",
            "2020",
            "Nemesio \"El Zarnencho\" Zarnavera fled. Zarnavera was caught.",
            &[
                ("Nemesio \"El Zarnencho\" Zarnavera", "nick", "middle_names"),
                ("Zarnavera", "nick", "surname"),
            ],
        ),
        (
            "a listed nickname inside the name tells homonyms apart",
            "2020",
            "Teodoro \"El Zarbo\" Zarbanez fled.",
            &[("Teodoro \"El Zarbo\" Zarbanez", "zlo", "middle_names")],
        ),
        (
            "a nickname in quotation marks and a family name after it: no listed name across",
            "2020",
            "Teodoro Zarbanez Loera was seen. Police said \"El Zarbo\" Zarbanez fled.",
            &[
                ("Teodoro Zarbanez Loera", "zlo", "exact"),
                ("El Zarbo", "zlo", "surname"),
                ("Zarbanez", "zlo", "surname"),
            ],
        ),
        (
            "a listed name across a nickname's quotation, the only reading of its bearer",
            "2020",
            "Police said \"El Zarbo\" Zarbanez fled.",
            &[("Zarbo\" Zarbanez", "zlo", "normalized")],
        ),
        (
            "a quoted word inside a name that is no nickname of the bearer's",
            "2020",
            "Nemesio \"Zorro\" Zarnavera fled.",
            &[("Nemesio \"Zorro\" Zarnavera", "nick", "middle_names")],
        ),
        (
            "the sons of a family, and a possessive",
            "2020",
            "Nicolas Zarnuro Moros spoke. The Zarnuro sons agreed. Zarnuro's sons left.",
            &[("Nicolas Zarnuro Moros", "father", "name_order"), ("Zarnuro", "father", "surname")],
        ),
    ];

    #[test]
    fn kin_written_after_a_name() {
        assert_eq!(
            kin_order(&[], ", son of Libyan leader Moamer Kadhafi"),
            Some(-1)
        );
        assert_eq!(kin_order(&[], ", the eldest son of Hafez"), Some(-1));
        assert_eq!(kin_order(&[], ", father of five, said"), Some(1));
        assert_eq!(kin_order(&[], " son of a gun"), None);
    }

    #[test]
    fn quotations_that_close_inside_words() {
        let closes = |t: &str| {
            let mut n = Normalized::default();
            normalize_into(t, &mut n);
            let last = n.tokens().len() as u32 - 1;
            closes_quotation_inside(t, &n, last - 1, last)
        };
        assert!(closes("Joaquin \"El Chapo\" Guzman"));
        assert!(closes("'EL MAYO' ZAMBADA"));
        assert!(closes("He said \u{201c}El Chapo\u{201d} Guzman"));
        assert!(!closes("the Kurdistan Workers' Party"));
        let whole = |t: &str| {
            let mut n = Normalized::default();
            normalize_into(t, &mut n);
            closes_quotation_inside(t, &n, 0, n.tokens().len() as u32 - 1)
        };
        assert!(!whole("Henry \"Hank\" Johnson"));
        assert!(!whole("Chapo\" Guzman, with no quotation opened before"));
        assert!(!closes("the O'Brien Party"));
        assert!(!closes(
            "vowed to \u{2018}crush\u{2019} the Kurdistan Workers\u{2019} Party"
        ));
        assert!(!closes("In the '90s the Kurdistan Workers' Party"));
        assert!(!closes("'The Kurdistan Workers' Party"));
        let nick = |t: &str| {
            let mut n = Normalized::default();
            normalize_into(t, &mut n);
            quoted_nickname(t, &n, 0, n.tokens().len() as u32 - 2)
        };
        assert!(nick("Ismael \"El Mayo\" Zambada"));
        assert!(nick("Ismael \u{2018}El Mayo\u{2019} Zambada"));
        assert!(!nick("Ismael El Mayo Zambada"));
        assert!(!nick("Ismael \"El Mayo Zambada\""));
    }

    #[test]
    fn a_period_that_ends_the_sentence() {
        let at = |t: &str, w: &str| {
            let s = t.find(w).unwrap();
            sentence_period(t, s, s + w.len())
        };
        assert!(at("named Zar Ltd.", "Ltd."));
        assert!(at("named Zar Ltd.\n\nIt", "Ltd."));
        assert!(at("named Zar Ltd. The", "Ltd."));
        assert!(at("named Zar Ltd. \"We", "Ltd."));
        assert!(!at("named Zar Ltd. in May", "Ltd."));
        assert!(!at("named Zar S.A. The", "S.A."));
        assert!(!at("named Zar Ltd, then", "Ltd"));
    }

    #[test]
    fn ages_after_names() {
        let age = |s: &str| age_after(s, 0);
        assert_eq!(age_before("the 38-year-old Gadhafi", 16), Some(38));
        assert_eq!(age_before("a 52 year old Kaya", 14), Some(52));
        assert_eq!(age_before("the 1,038-year-old Gadhafi", 18), None);
        assert_eq!(age_before("the year-old Gadhafi", 14), None);
        assert_eq!(age(", 59, took the oath"), Some(59));
        assert_eq!(age(", a 29-year-old engineer"), Some(29));
        assert_eq!(age(", an 81-year-old"), Some(81));
        assert_eq!(age(" (72) said"), Some(72));
        assert_eq!(age(", 68."), Some(68));
        assert_eq!(age(", 68.\nNext"), Some(68));
        assert_eq!(age(", the 83-year-old lodge owner"), Some(83));
        assert_eq!(age(", 68.5"), None);
        assert_eq!(age(", 1,000 troops"), None);
        assert_eq!(age(", 59.5 percent"), None);
        assert_eq!(age(", 3, said"), None, "no child is listed");
        assert_eq!(age(" said 59"), None);
        assert_eq!(
            age(" of Round Mountain, a 16-year-old 4-H member"),
            Some(16)
        );
        assert_eq!(age(" of Macon, 44, said"), Some(44));
        assert_eq!(age(" of the party, 44, said"), None);
    }

    #[test]
    fn cases() {
        let m = Matcher::new(&gazetteer());
        let mut r = Resolver::new(&m);
        for &(name, date, text, want) in CASES.iter().chain(MORE) {
            r.set_date(DocDate::parse(date).unwrap());
            let mut out = Vec::new();
            r.resolve(text, &mut out);
            let got: Vec<(&str, &str, &str)> = out
                .iter()
                .map(|x| {
                    (
                        &text[x.start..x.end],
                        m.entity(x).id.as_str(),
                        x.kind.as_str(),
                    )
                })
                .collect();
            assert_eq!(got, want, "case {name:?}");
        }
    }
}
