//! A mention: one place in a text where a gazetteer entity is named.
//!
//! This is the library's result type. The JSON record written for each
//! mention is documented in [`crate::output`].

use std::fmt;

/// How a mention matched its entity (the `match` field of the output).
///
/// | kind | meaning | example (listed → text) |
/// |---|---|---|
/// | `exact` | a listed name, byte for byte | `Versor S.R.O.` → `Versor S.R.O.` |
/// | `normalized` | a listed name after folding case, diacritics, punctuation, whitespace, hyphens and initials | `KIM, Jong Un` → `Kim Jong-un` |
/// | `name_order` | a person's listed "LAST, First" name read in natural order | `MKRTYCHEV, Ashot` → `Ashot Mkrtychev` |
/// | `partial_name` | a person's name without middle names, patronymic or suffix | `PUTIN, Vladimir Vladimirovich` → `Vladimir Putin` |
/// | `middle_names` | a person's name with one or two middle names the lists leave out, after the first word | `Mahamat Déby Itno` → `Mahamat Idriss Déby Itno` |
/// | `legal_form` | an organization's name with its legal form written another way, or moved | `Limited Liability Company Verus` → `LLC Verus`, `Verus OOO` |
/// | `surname` | a person's family name alone (or a given name no other listed name starts with, of a name of three words or more), with evidence | `Ashot Mkrtychev` → `Mkrtychev`, `Saddam` |
/// | `short` | an organization's name without its legal form, with evidence | `Versor S.R.O.` → `Versor` |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    /// A listed name, byte for byte.
    Exact,
    /// A listed name after folding.
    Normalized,
    /// A person's name with its parts reordered.
    NameOrder,
    /// A person's name with parts left out.
    PartialName,
    /// A person's name with middle names the lists leave out.
    MiddleNames,
    /// An organization's name with an equivalent legal form.
    LegalForm,
    /// A person's family name alone.
    Surname,
    /// An organization's name without its legal form.
    Short,
    /// A name with a word in another transliteration than the lists'
    /// ("Gadhafi" for the listed "Qadhafi"; see [`crate::translit`]).
    Variant,
    /// A nickname the document gives someone it names, in quotation marks
    /// ("Ali Hassan al-Majid, the cousin known as "Chemical Ali"").
    Nickname,
    /// A name the document gives in words to the entity it names just
    /// before ("Joko Widodo, known as Jokowi"; see
    /// [`crate::nickname::given_names`]), or the name written before such
    /// words where the name given is the listed one.
    Introduced,
}

impl MatchKind {
    /// The kind's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Normalized => "normalized",
            MatchKind::NameOrder => "name_order",
            MatchKind::PartialName => "partial_name",
            MatchKind::MiddleNames => "middle_names",
            MatchKind::LegalForm => "legal_form",
            MatchKind::Surname => "surname",
            MatchKind::Short => "short",
            MatchKind::Variant => "variant",
            MatchKind::Nickname => "nickname",
            MatchKind::Introduced => "introduced",
        }
    }

    /// Whether this is a short form (needs evidence), as opposed to a full
    /// name.
    pub fn is_short(self) -> bool {
        matches!(self, MatchKind::Surname | MatchKind::Short)
    }

    /// All kinds, in rank order.
    pub const ALL: [MatchKind; 11] = [
        MatchKind::Exact,
        MatchKind::Normalized,
        MatchKind::NameOrder,
        MatchKind::PartialName,
        MatchKind::MiddleNames,
        MatchKind::LegalForm,
        MatchKind::Surname,
        MatchKind::Short,
        MatchKind::Variant,
        MatchKind::Nickname,
        MatchKind::Introduced,
    ];
}

impl fmt::Display for MatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a short form was accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// What kind of evidence.
    pub kind: EvidenceKind,
    /// Byte span of the mention that supports it (`0..0` for a
    /// distinctive name).
    pub start: usize,
    /// End of that span.
    pub end: usize,
}

/// The grounds for a short-form mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceKind {
    /// The same document names the entity in full (at `start..end`); an
    /// organization also by its name of two words or more without its
    /// legal form, chosen before.
    FullMention,
    /// The same document names, in full (at `start..end`), an entity the
    /// lists link to this one (OFAC's `Linked To`).
    LinkedMention,
    /// The short form is distinctive: one entity has it, and it holds a
    /// word that is no English word, given name or common surname.
    DistinctiveName,
    /// A word just before the name says what kind of thing it is ("the
    /// tanker Dover"); `start..end` is that word. For vessels and aircraft.
    TypeCue,
    /// The name takes the definite article, as a ship's name does and a
    /// place's or a person's does not ("the Graceful", "the 88-metre
    /// Nirvana"); `start..end` is the article. For vessels and aircraft.
    Article,
    /// A surname alone of the head of state or government at the
    /// document's date ("Bush" in 2003, "Trump" in 2018).
    InOffice,
    /// A title before a bare surname that only this person's offices fit
    /// at the document's date ("the late President Kennedy" in 1969);
    /// `start..end` is the title.
    Title,
    /// An organization named in full by ordinary words only ("the
    /// Revolutionary Guard"), with its country (of an address) named
    /// within about sixty words; `start..end` is the country's first word.
    Country,
}

impl EvidenceKind {
    /// The kind's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::FullMention => "full_mention",
            EvidenceKind::LinkedMention => "linked_mention",
            EvidenceKind::DistinctiveName => "distinctive_name",
            EvidenceKind::TypeCue => "type_cue",
            EvidenceKind::Article => "article",
            EvidenceKind::InOffice => "in_office",
            EvidenceKind::Title => "title",
            EvidenceKind::Country => "country",
        }
    }
}

/// One mention of an entity in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte offset of the first byte of the mention in the text searched.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// `start` counted in Unicode scalar values.
    pub char_start: usize,
    /// `end` counted in Unicode scalar values.
    pub char_end: usize,
    /// The entity (index into [`crate::Matcher::entities`]).
    pub entity: u32,
    /// Which of the entity's names matched (0 = display name, n = alias n-1).
    pub name: u32,
    /// How it matched.
    pub kind: MatchKind,
    /// For short forms, why it was accepted.
    pub evidence: Option<Evidence>,
    /// How sure the link to [`Mention::entity`] is, from 0 to 1 (see
    /// [`crate::resolve`] for how it is set).
    pub confidence: f32,
    /// What the link rests on.
    pub reasons: Vec<Reason>,
    /// Other entities the same words could name, best first, each with its
    /// confidence and the reasons it was ranked lower or ruled out (empty
    /// when unambiguous).
    pub candidates: Vec<Candidate>,
}

/// Another entity a mention's words could name.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The entity (index into [`crate::Matcher::entities`]).
    pub entity: u32,
    /// How likely this entity is meant instead (0: ruled out).
    pub confidence: f32,
    /// Why it ranked lower or was ruled out.
    pub reasons: Vec<Reason>,
}

/// One ground a link rests on, or one reason a homonym lost (the
/// `reasons` arrays of the output).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// The name is written in full (every listed word of a given and a
    /// family name).
    FullName,
    /// Initials or middle names written in the text agree with the
    /// person's ("John F. Kennedy").
    Initials,
    /// A title before the name names an office the person held at the
    /// document's date ("President Kennedy" in 1962).
    TitleAtDate,
    /// A title names an office the person held before the date ("former
    /// President", or a historical "President Lincoln").
    TitleEarlier,
    /// In office at the document's date.
    InOffice,
    /// Head of state or government at the document's date, named by
    /// surname alone ("Bush" in 2003).
    LeaderAtDate,
    /// A head of state or government (ever).
    Leader,
    /// The name is not made only of common given and family names.
    RareName,
    /// A common name, corroborated by the document: another name or a
    /// linked entity named in full, the person's country, or a fitting
    /// title.
    Corroborated,
    /// The same document names the entity in full.
    FullMention,
    /// The same document names in full an entity the lists link to it.
    LinkedMention,
    /// A distinctive short form: one entity has it, and it is no common word.
    Distinctive,
    /// A kind word before a vessel's or aircraft's name ("the tanker").
    TypeCue,
    /// A vessel's name with the definite article.
    Article,
    /// Ruled out: the document's date is before the person's public life.
    BeforePublicLife,
    /// Ruled out: long out of office at the date, and no title or
    /// initials say otherwise.
    LongOutOfOffice,
    /// The title before the name names an office the person never held
    /// (by the date).
    TitleMismatch,
    /// Ruled out: written initials or middle names differ from the
    /// person's (or, for a person the lists name for no office, are
    /// middle names the lists do not give).
    InitialsDiffer,
    /// Ruled out: a word before the name says the person is no official
    /// ("the economist Adam Smith"), or a description after it makes them a
    /// private person ("Carlos Rodríguez, 52, a mechanic").
    Occupation,
    /// Ruled out: the text describes the vessel as another kind than the
    /// list records ("the charter boat Mar Azul" for a listed tug).
    KindDiffers,
    /// Ruled out: the text right after the name says its bearer is a
    /// namesake ("Li Qiang, no relation to the premier").
    Namesake,
    /// Ruled out: an honorific of the other gender ("Mrs. Coolidge" is not
    /// Calvin Coolidge).
    Honorific,
    /// Ruled out: the age written after the name ("Kumar, a 29-year-old
    /// engineer") is not the person's at the document's date, by the
    /// listed birth year (more than two years apart), or a year the text
    /// gives for what the bearer did comes before that birth ("Hafez
    /// al-Assad, who seized power in 1970").
    AgeDiffers,
    /// Ruled out: a surname after an indefinite article or "named" is one
    /// of a family or a product ("a Kennedy brother-in-law", "a Ford", "a
    /// man named Johnson").
    Generic,
    /// Only common given and family names, not corroborated.
    CommonName,
    /// Ranked lower: another homonym fits the title, initials, date or
    /// office better.
    Outranked,
    /// An acronym the document introduces for the entity, in parentheses
    /// after its full name ("Belarusian Potash Company (BPC)").
    Acronym,
    /// A nickname in quotation marks: one the lists carry for an entity
    /// the document names, or one the document gives the person it has
    /// just named ("nicknamed "the Crocodile"").
    Nickname,
    /// A name the document gives in words to the entity it names just
    /// before ("Joko Widodo, known as Jokowi"), or a term a parenthesis
    /// after an organization's name defines ("(hereafter "the Bank")").
    Introduced,
    /// Ruled out: the surname reads as a place or a date here ("in
    /// Washington", "in May").
    Place,
    /// Nothing tells the homonyms apart.
    Ambiguous,
    /// Records of one name, one country and one kind of office, taken for
    /// one person the lists did not join.
    Duplicate,
    /// A word for a parent or a child beside the name ("His father,
    /// George Bush") picks the elder or the younger of namesakes.
    Relative,
    /// The name is followed by "of" and a country the entity is not of
    /// ("King Abdullah of Saudi Arabia" is not Jordan's Abdullah II), or
    /// by a lawmaker's party tag of a state the entity's record does not
    /// name ("Rep. Mike Rogers (R-Mich.)").
    CountryDiffers,
    /// Ruled out: the words before the name make its bearer a relative of
    /// this very person, whom the document has just named ("Dawood's
    /// brother Anees Ibrahim" is not Dawood Ibrahim, though a list gives
    /// him the brother's name as an alias).
    RelativeOf,
    /// Ruled out: the IMO number the text writes by the ship's name is not
    /// the listed vessel's ("the Lucky Star, a 1998-built container feeder
    /// (IMO 9177624)" for a listed LUCKY STAR of IMO 9015278).
    ImoDiffers,
}

impl Reason {
    /// The reason's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::FullName => "full_name",
            Reason::Initials => "initials",
            Reason::TitleAtDate => "title_at_date",
            Reason::TitleEarlier => "title_earlier",
            Reason::InOffice => "in_office",
            Reason::LeaderAtDate => "leader_at_date",
            Reason::Leader => "leader",
            Reason::RareName => "rare_name",
            Reason::Corroborated => "corroborated",
            Reason::FullMention => "full_mention",
            Reason::LinkedMention => "linked_mention",
            Reason::Distinctive => "distinctive",
            Reason::TypeCue => "type_cue",
            Reason::Article => "article",
            Reason::BeforePublicLife => "before_public_life",
            Reason::LongOutOfOffice => "long_out_of_office",
            Reason::TitleMismatch => "title_mismatch",
            Reason::InitialsDiffer => "initials_differ",
            Reason::Occupation => "occupation",
            Reason::Namesake => "namesake",
            Reason::KindDiffers => "kind_differs",
            Reason::Honorific => "honorific",
            Reason::AgeDiffers => "age_differs",
            Reason::Generic => "generic",
            Reason::CommonName => "common_name",
            Reason::Outranked => "outranked",
            Reason::Acronym => "acronym",
            Reason::Nickname => "nickname",
            Reason::Introduced => "introduced",
            Reason::Place => "place",
            Reason::Ambiguous => "ambiguous",
            Reason::Duplicate => "duplicate",
            Reason::Relative => "relative",
            Reason::CountryDiffers => "country_differs",
            Reason::RelativeOf => "relative_of",
            Reason::ImoDiffers => "imo_differs",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
