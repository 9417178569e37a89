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
/// | `legal_form` | an organization's name with its legal form written another way, or moved | `Limited Liability Company Verus` → `LLC Verus`, `Verus OOO` |
/// | `surname` | a person's family name alone, with evidence | `Ashot Mkrtychev` → `Mkrtychev` |
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
    /// An organization's name with an equivalent legal form.
    LegalForm,
    /// A person's family name alone.
    Surname,
    /// An organization's name without its legal form.
    Short,
}

impl MatchKind {
    /// The kind's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Normalized => "normalized",
            MatchKind::NameOrder => "name_order",
            MatchKind::PartialName => "partial_name",
            MatchKind::LegalForm => "legal_form",
            MatchKind::Surname => "surname",
            MatchKind::Short => "short",
        }
    }

    /// Whether this is a short form (needs evidence), as opposed to a full
    /// name.
    pub fn is_short(self) -> bool {
        matches!(self, MatchKind::Surname | MatchKind::Short)
    }

    /// All kinds, in rank order.
    pub const ALL: [MatchKind; 7] = [
        MatchKind::Exact,
        MatchKind::Normalized,
        MatchKind::NameOrder,
        MatchKind::PartialName,
        MatchKind::LegalForm,
        MatchKind::Surname,
        MatchKind::Short,
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
    /// The same document names the entity in full (at `start..end`).
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
        }
    }
}

/// One mention of an entity in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Other entities the same words could name, best first (empty when
    /// unambiguous).
    pub candidates: Vec<u32>,
}
