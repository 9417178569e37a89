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
//!    several entities share the chosen span, the best-ranked reading wins
//!    and the others are listed as `candidates`.
//! 4. **Short forms** (surname, organization without legal form) are kept
//!    only where they do not overlap a full mention and the same document
//!    names one of their entities in full: that mention is their
//!    `evidence`. Among several entities, those with evidence come first,
//!    the one named in full closest before the short form first of all.

use crate::date::DocDate;
use crate::gazetteer::EntityType;
use crate::matcher::{Hit, Matcher};
use crate::mention::{Evidence, EvidenceKind, MatchKind, Mention};
use crate::names::{
    initials, is_common_word, is_distinctive_word, is_given_name, is_known_proper_noun,
    is_particle, is_stopword, is_title, LegalForms,
};
use crate::normalize::{normalize_into, Normalized, TokenFlags};
use crate::variants::{Policy, Variant};

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
}

impl Cand {
    /// Short forms and one-word names that are ordinary words need evidence
    /// in the document.
    fn needs_evidence(&self) -> bool {
        matches!(self.policy, Policy::Evidence | Policy::Cue)
    }
}

/// How far back (bytes of folded stream, about ten thousand words) the
/// other-bearer rule looks for an earlier use of a surname.
const LOOK_BACK: usize = 64 << 10;

/// Evidence found for a short form: its kind and the supporting tokens.
type TokenEvidence = (EvidenceKind, u32, u32);

/// Resolves the mentions of one document at a time, reusing its buffers.
///
/// Create one per thread; it borrows the shared [`Matcher`].
#[derive(Debug)]
pub struct Resolver<'m> {
    matcher: &'m Matcher,
    norm: Normalized,
    hits: Vec<Hit>,
    numbers: Vec<u32>,
    cands: Vec<Cand>,
    chosen: Vec<(Cand, Vec<u32>, Option<TokenEvidence>)>,
    /// Per token: inside a chosen mention (kept in step with `chosen`).
    covered: Vec<bool>,
    /// The date of the document being resolved (see [`Resolver::set_date`]).
    date: DocDate,
}

impl<'m> Resolver<'m> {
    /// A resolver over `matcher`.
    pub fn new(matcher: &'m Matcher) -> Resolver<'m> {
        Resolver {
            matcher,
            norm: Normalized::new(),
            hits: Vec::new(),
            numbers: Vec::new(),
            cands: Vec::new(),
            chosen: Vec::new(),
            covered: Vec::new(),
            date: DocDate::today(),
        }
    }

    /// Sets the date of the documents resolved next (default: today). Who a
    /// name can mean depends on it: who held which office when.
    pub fn set_date(&mut self, date: DocDate) {
        self.date = date;
    }

    /// Records `c` as chosen (with its other candidates and evidence).
    fn choose(&mut self, c: Cand, others: Vec<u32>, ev: Option<TokenEvidence>) {
        self.covered[c.first as usize..=c.last as usize].fill(true);
        self.chosen.push((c, others, ev));
    }

    /// The last token before token `before` that holds the folded word of
    /// `before` and is outside every chosen mention, looked for in the
    /// [`LOOK_BACK`] bytes of folded stream before it.
    fn earlier_use(&self, before: u32) -> Option<u32> {
        let n = &self.norm;
        let t = n.tokens()[before as usize];
        let stream = n.stream_bytes();
        // " word ": the token with the spaces around it.
        let needle = &stream[t.norm_start as usize - 1..=t.norm_end as usize];
        let end = t.norm_start as usize;
        let lo = end.saturating_sub(LOOK_BACK);
        memchr::memmem::find_iter(&stream[lo..end], needle)
            .filter_map(|at| n.token_at(lo + at + 1))
            .filter(|&i| !self.covered[i])
            .last()
            .map(|i| i as u32)
    }

    /// Finds the mentions in `text` and appends them to `out`, in order of
    /// their start. Offsets are into `text`.
    pub fn resolve(&mut self, text: &str, out: &mut Vec<Mention>) {
        normalize_into(text, &mut self.norm);
        self.hits.clear();
        self.matcher
            .hits(&self.norm, &mut self.numbers, &mut self.hits);
        if self.hits.is_empty() {
            return;
        }
        self.readings(text);
        self.choose_full(text);
        self.choose_short(text);
        self.emit(text, out);
    }

    fn readings(&mut self, text: &str) {
        self.cands.clear();
        let forms = LegalForms::builtin();
        let n = &self.norm;
        let count = n.tokens().len() as u32;
        for hit in &self.hits {
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
                        Variant::Surname => MatchKind::Surname,
                        Variant::OrgCore => MatchKind::Short,
                    },
                    policy: t.policy,
                    distinctive: t.distinctive,
                    start: None,
                };
                let mut c = c;
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
                    if let Some(from) = initials_before(text, at, &listed) {
                        c.kind = MatchKind::Normalized;
                        c.policy = Policy::Always;
                        c.start = Some(from as u32);
                    }
                }
                if t.variant == Variant::OrgCore {
                    // Extended over a legal form on one side at a time (the
                    // leftmost-longest choice then picks), never across the
                    // end of a sentence.
                    // The core must read as a name, and a legal form that is
                    // also a lower-case word ("as", "is", "at") is that word.
                    let core_ok = !name_has_lowercase_word(n, hit.first, hit.last);
                    let form_ok = |a: usize, b: usize| {
                        (a..=b).all(|i| {
                            let w = n.token_text(i);
                            let flags = n.tokens()[i].flags;
                            // A legal form that is also a function word
                            // ("In", "As", "A") counts only in capitals
                            // or with dots: "AS", "A.S.".
                            !(flags.contains(TokenFlags::LOWERCASE)
                                && (is_stopword(w) || is_common_word(w)))
                                && !(is_stopword(w)
                                    && !flags.contains(TokenFlags::ALL_CAPS)
                                    && !w.contains('.'))
                        })
                    };
                    let before = forms
                        .ending_before(n, hit.first as usize)
                        .filter(|&(f, _)| {
                            core_ok
                                && plain_gap(text, n, hit.first as usize - 1)
                                && form_ok(f, hit.first as usize - 1)
                        });
                    let after = if hit.last + 1 < count && !n.barrier_after(hit.last as usize) {
                        forms
                            .starting_at(n, hit.last as usize + 1)
                            .filter(|&(l, _)| {
                                core_ok
                                    && plain_gap(text, n, hit.last as usize)
                                    && form_ok(hit.last as usize + 1, l)
                            })
                    } else {
                        None
                    };
                    let mut extended = false;
                    for (first, last) in [
                        before.map(|(f, _)| (f as u32, hit.last)),
                        after.map(|(l, _)| (hit.first, l as u32)),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        extended = true;
                        self.cands.push(Cand {
                            first,
                            last,
                            kind: MatchKind::LegalForm,
                            policy: Policy::Always,
                            ..c
                        });
                    }
                    if extended {
                        continue;
                    }
                }
                if c.policy != Policy::Always && !proper_context(text, n, c.first, c.last) {
                    continue;
                }
                if !self.plausible(text, &c) {
                    continue;
                }
                self.cands.push(c);
            }
        }
        // Leftmost first, then longest, then best reading.
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
        let common_lower = (c.first..=c.last).any(|i| {
            let w = n.token_text(i as usize);
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
        let e = &self.matcher.entities()[c.entity as usize];
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

    /// Whether the initials written inside candidate `c` ("John F.
    /// Kennedy") agree with those of the listed name: `None` when either
    /// has none.
    fn initials_agree(&self, text: &str, c: &Cand) -> Option<bool> {
        let n = &self.norm;
        let span = &text
            [n.tokens()[c.first as usize].start as usize..n.tokens()[c.last as usize].end as usize];
        let written = initials(span);
        if written.is_empty() {
            return None;
        }
        let listed = initials(self.matcher.name_text(c.entity, c.name));
        (!listed.is_empty()).then(|| written == listed)
    }

    fn choose_full(&mut self, text: &str) {
        self.chosen.clear();
        self.covered.clear();
        self.covered.resize(self.norm.tokens().len(), false);
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
            let mut group: Vec<(u8, usize)> = Vec::new();
            for k in i..j {
                let o = self.cands[k];
                if o.needs_evidence() {
                    continue;
                }
                match self.initials_agree(text, &o) {
                    Some(false) => {}
                    Some(true) => group.push((0, k)),
                    None => group.push((1, k)),
                }
            }
            group.sort();
            let Some(&(_, best)) = group.first() else {
                i = j;
                continue;
            };
            let c = self.cands[best];
            let mut others: Vec<u32> = Vec::new();
            for &(_, k) in &group[1..] {
                let o = self.cands[k];
                if o.entity != c.entity && !others.contains(&o.entity) {
                    others.push(o.entity);
                }
            }
            self.choose(c, others, None);
            free_from = c.last + 1;
            i = j;
        }
    }

    /// Whether short-form candidate `c` is, by the words around it, not a
    /// mention of its entity at all: a modifier ("the Rotenberg family", "a
    /// Kim family restaurant"), a word in quotation marks ("the letters
    /// "Aven""), or, for a surname, the surname of another person the
    /// document named last ("the tennis player Daniil Medvedev … Medvedev").
    fn not_this_bearer(&self, text: &str, c: &Cand) -> bool {
        let n = &self.norm;
        if c.kind.is_short() && head_noun_after(n, c.last) {
            return true;
        }
        let (start, end) = (
            n.tokens()[c.first as usize].start as usize,
            n.tokens()[c.last as usize].end as usize,
        );
        let before = text[..start].chars().next_back();
        let mut after = text[end..].chars();
        let quoted = matches!(before, Some('"' | '“' | '‘' | '\''))
            && matches!(after.next(), Some('"' | '”' | '’' | '\''))
            && !after.next().is_some_and(char::is_alphanumeric);
        if c.kind.is_short() && quoted {
            return true;
        }
        if c.kind != MatchKind::Surname || c.first != c.last {
            return false;
        }
        // The last earlier use of the same word, outside any mention.
        let Some(p) = self.earlier_use(c.first) else {
            return false;
        };
        let n = &self.norm;
        // Preceded by another capitalized name word: another person's full
        // name, unless a mention of the entity came after it.
        let other = p > 0 && {
            let q = p as usize - 1;
            let w = n.token_text(q);
            !n.barrier_after(q)
                && n.tokens()[q].flags.contains(TokenFlags::CAPITALIZED)
                && (is_given_name(w)
                    || !(is_common_word(w) || is_title(w) || is_stopword(w) || is_particle(w)))
        };
        let later_mention = self
            .chosen
            .iter()
            .any(|(k, _, _)| k.entity == c.entity && k.last > p && k.last < c.first);
        other && !later_mention
    }

    fn choose_short(&mut self, text: &str) {
        let full: Vec<(u32, u32, u32)> = self
            .chosen
            .iter()
            .map(|(k, _, _)| (k.entity, k.first, k.last))
            .collect();
        let overlaps = |chosen: &[(Cand, Vec<u32>, Option<TokenEvidence>)], c: &Cand| {
            chosen
                .iter()
                .any(|(k, _, _)| k.first <= c.last && c.first <= k.last)
        };
        // The full mention of entity `e` closest before `at`, else the first
        // after it; ranked so that smaller is better.
        let nearest = |e: u32, at: u32| -> Option<(u32, u32, u32)> {
            full.iter()
                .filter(|(fe, _, _)| *fe == e)
                .map(|&(_, f, l)| {
                    let rank = if l < at { at - l } else { u32::MAX / 2 + f };
                    (rank, f, l)
                })
                .min()
        };
        let mut i = 0;
        while i < self.cands.len() {
            let c = self.cands[i];
            if !c.needs_evidence() || overlaps(&self.chosen, &c) {
                i += 1;
                continue;
            }
            let mut j = i;
            // (evidence rank, closeness, cand, evidence)
            let mut found: Vec<(u8, u32, Cand, TokenEvidence)> = Vec::new();
            while j < self.cands.len()
                && self.cands[j].first == c.first
                && self.cands[j].last == c.last
            {
                let g = self.cands[j];
                j += 1;
                if !g.needs_evidence() || self.not_this_bearer(text, &g) {
                    continue;
                }
                let kind = &self.matcher.entities()[g.entity as usize].kind;
                if g.policy == Policy::Cue {
                    // Only the words around this occurrence count.
                    if let Some(cue) = type_cue(&self.norm, kind, g.first) {
                        found.push((3, 0, g, (EvidenceKind::TypeCue, cue, cue)));
                    } else if let Some(the) = article(&self.norm, g.first, g.last) {
                        // "the Graceful" is a ship where the document is
                        // about it or its owner; "the Justice" is not.
                        let discussed = nearest(g.entity, g.first).is_some()
                            || self
                                .matcher
                                .links(g.entity)
                                .iter()
                                .any(|&o| nearest(o, g.first).is_some());
                        let word = self.norm.token_text(g.first as usize);
                        if discussed || (is_distinctive_word(word) && !is_known_proper_noun(word)) {
                            found.push((3, 0, g, (EvidenceKind::Article, the, the)));
                        }
                    }
                    continue;
                }
                if let Some((rank, f, l)) = nearest(g.entity, g.first) {
                    found.push((0, rank, g, (EvidenceKind::FullMention, f, l)));
                    continue;
                }
                let linked = self
                    .matcher
                    .links(g.entity)
                    .iter()
                    .filter_map(|&o| nearest(o, g.first))
                    .min();
                if let Some((rank, f, l)) = linked {
                    found.push((1, rank, g, (EvidenceKind::LinkedMention, f, l)));
                    continue;
                }
                if g.distinctive {
                    found.push((2, 0, g, (EvidenceKind::DistinctiveName, 0, 0)));
                    continue;
                }
                if let Some(cue) = type_cue(&self.norm, kind, g.first) {
                    found.push((3, 0, g, (EvidenceKind::TypeCue, cue, cue)));
                }
            }
            found.sort_by_key(|(r, close, g, _)| (*r, *close, g.entity));
            if let Some(&(_, _, best, ev)) = found.first() {
                let mut others: Vec<u32> = Vec::new();
                for (_, _, o, _) in found.iter().skip(1) {
                    if o.entity != best.entity && !others.contains(&o.entity) {
                        others.push(o.entity);
                    }
                }
                self.choose(best, others, Some(ev));
            }
            i = j;
        }
    }

    fn emit(&mut self, text: &str, out: &mut Vec<Mention>) {
        let tokens = self.norm.tokens();
        self.chosen.sort_by_key(|(c, _, _)| c.first);
        let ascii = text.is_ascii();
        let mut char_pos = 0usize;
        let mut byte_pos = 0usize;
        let mut char_offset = |b: usize| -> usize {
            if ascii {
                return b;
            }
            char_pos += text[byte_pos..b].chars().count();
            byte_pos = b;
            char_pos
        };
        for (c, others, ev) in self.chosen.drain(..) {
            let start = c
                .start
                .map_or(tokens[c.first as usize].start as usize, |s| s as usize);
            let end = close_quote(text, start, tokens[c.last as usize].end as usize);
            let mut kind = c.kind;
            if kind == MatchKind::Normalized
                && &text[start..end] == self.matcher.name_text(c.entity, c.name)
            {
                kind = MatchKind::Exact;
            }
            let evidence = ev.map(|(kind, f, l)| match kind {
                EvidenceKind::DistinctiveName => Evidence {
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
            out.push(Mention {
                start,
                end,
                char_start,
                char_end,
                entity: c.entity,
                name: c.name,
                kind,
                evidence,
                candidates: others,
            });
        }
    }
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
            "imo",
            "flagged",
            "tug",
            "trawler",
            "bulker",
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
        _ => return None,
    };
    // Within three words before the name ("the tanker Dover", "a tanker
    // named Dover"), with no barrier between. A kind word after the name
    // makes the name a modifier ("a Dover tanker"), not a name.
    // Between the cue and the name only "named", an article, a number or
    // other names may stand: "the tanker Dover", "a tanker named Dover",
    // "YACHTS GRACEFUL AND OLYMPIA", not "yacht registries in Olympia".
    let mut i = first;
    for _ in 0..3 {
        let p = i.checked_sub(1)?;
        if n.barrier_after(p as usize) {
            return None;
        }
        let word = n.token_text(p as usize);
        if cues.contains(&word) {
            return Some(p);
        }
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
    "clan",
    "dynasty",
    "household",
    "siblings",
    "salad",
];

/// Whether the word after token `last` is one of [`HEAD_NOUNS`], written
/// in lower case.
fn head_noun_after(n: &Normalized, last: u32) -> bool {
    let next = last as usize + 1;
    next < n.tokens().len()
        && !n.barrier_after(last as usize)
        && n.tokens()[next].flags.contains(TokenFlags::LOWERCASE)
        && HEAD_NOUNS.contains(&n.token_text(next))
}

/// The definite article before tokens `first..=last`, allowing a number and
/// its unit between ("the Graceful", "the 88-metre Nirvana"), unless a head
/// noun follows ("the Lena river").
fn article(n: &Normalized, first: u32, last: u32) -> Option<u32> {
    if head_noun_after(n, last) {
        return None;
    }
    let mut i = first;
    for _ in 0..3 {
        let p = i.checked_sub(1)?;
        if n.barrier_after(p as usize) {
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

/// Whether only spaces, quotes, commas and the like stand between token `i`
/// and the next: no sentence-ending punctuation.
fn plain_gap(text: &str, n: &Normalized, i: usize) -> bool {
    let t = n.tokens();
    !text[t[i].end as usize..t[i + 1].start as usize].contains(['.', '!', '?'])
}

/// Whether token `i` is written in lower case and is not a name particle
/// ("al", "van"): such a word is not part of a proper noun.
fn lowercase_word(n: &Normalized, i: usize) -> bool {
    n.tokens()[i].flags.contains(TokenFlags::LOWERCASE) && !is_particle(n.token_text(i))
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
    let mut found = Vec::new();
    let mut from = at;
    loop {
        let head = text[..from].trim_end_matches([' ', '\u{a0}']);
        let Some(rest) = head.strip_suffix('.') else {
            break;
        };
        let Some(letter) = rest.chars().next_back().filter(|c| c.is_alphabetic()) else {
            break;
        };
        let begin = rest.len() - letter.len_utf8();
        if rest[..begin]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            break;
        }
        found.extend(letter.to_uppercase());
        from = begin;
    }
    found.sort_unstable();
    (found == listed).then_some(from)
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

/// Whether tokens `first..=last` hold a lower-case word that cannot be part
/// of a name: any at either end, and inside only words other than function
/// words ("Magnitogorsk Iron and Steel Works" is a name).
fn name_has_lowercase_word(n: &Normalized, first: u32, last: u32) -> bool {
    (first..=last).any(|i| {
        lowercase_word(n, i as usize)
            && (i == first || i == last || !is_stopword(n.token_text(i as usize)))
    })
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
        !n.barrier_after(a)
            && text[tokens[a].end as usize..tokens[b].start as usize]
                .chars()
                .all(char::is_whitespace)
    };
    // In an all-capitals line (a headline) every word is capitalized, so
    // only a word that is no English word can be more of a name:
    // "PUTIN HOLD TALKS" is Putin, "NELSON MANDELA" is not Nelson.
    let caps = caps_line(text, n, first as usize);
    let name_word = |i: usize| -> bool {
        let t = &tokens[i];
        let word = n.token_text(i);
        let ordinary = is_title(word) || is_stopword(word) || (caps && is_common_word(word));
        t.flags.contains(TokenFlags::CAPITALIZED)
            && !t.flags.contains(TokenFlags::DIGIT)
            && !ordinary
    };
    if first > 0 {
        let p = first as usize - 1;
        // A sentence opens with a capital: "Later Mkrtychev said" is not a
        // two-word name, "Nelson Mandela said" is.
        let opener =
            tokens[p].flags.contains(TokenFlags::SENTENCE_START) && is_common_word(n.token_text(p));
        if glued(p, first as usize) && name_word(p) && !opener {
            return false;
        }
    }
    let next = last as usize + 1;
    if next < tokens.len() && glued(last as usize, next) && name_word(next) {
        return false;
    }
    true
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
            Entity::new("bn", "Brian E. Nelson", EntityType::Person),
            Entity::new("dover", "DOVER", EntityType::Vessel),
            // Made-up fixture names.
            Entity::new("zarnavax", "ZARNAVAX", EntityType::Vessel),
            Entity::new("jqz", "John Q. Zarnavaxian", EntityType::Person),
            Entity::new("jz", "John Zarnavaxian", EntityType::Person),
            Entity::new("zas", "Zarnavax A.S.", EntityType::Other("unknown".into())),
            Entity::new(
                "fkz",
                "F. K. Zarnavaxer",
                EntityType::Other("unknown".into()),
            ),
            prominent,
            komid,
            kim,
            kim2,
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
        ("vessel article", "The Zarnavax sailed at dawn.", &[("Zarnavax", "zarnavax", "normalized")]),
        ("vessel article with size", "the 88-metre Zarnavax", &[("Zarnavax", "zarnavax", "normalized")]),
        ("vessel article, a place", "The Dover sailed at dawn.", &[]),
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
            "Ashot Mkrtychev met. His cousin Boris Mkrtychev came. Then Mkrtychev left.",
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
            "surname alone, a head of state",
            "Zarnavaxova left.",
            &[("Zarnavaxova", "pz", "surname")],
        ),
        ("shared surname alone is nothing", "Kim left.", &[]),
        ("distinctive org core alone", "Versor said", &[("Versor", "versor", "short")]),
        ("common-word org core alone is nothing", "Defense Engineering said", &[]),
        (
            "linked entity gives evidence",
            "Ashot Mkrtychev runs Defense Engineering.",
            &[("Ashot Mkrtychev", "mk", "name_order"), ("Defense Engineering", "de", "short")],
        ),
        ("lowercase short form is nothing", "Ashot Mkrtychev. the verus ratio", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("legal form prefix", "LLC Verus said", &[("LLC Verus", "verus", "legal_form")]),
        ("legal form suffix", "Verus LLC said", &[("Verus LLC", "verus", "legal_form")]),
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
        ("without initial", "Brian Nelson said", &[("Brian Nelson", "bn", "normalized")]),
        ("other person same first name", "Brian Nelson said. Nelson Mandela too.", &[("Brian Nelson", "bn", "normalized")]),
        ("korean hyphen", "Kim Jong-un and Kim Jongun", &[("Kim Jong-un", "kim", "normalized"), ("Kim Jongun", "kim", "normalized")]),
        (
            "ambiguous surname resolved by evidence",
            "Kim Jong Un spoke. Kim said.",
            &[("Kim Jong Un", "kim", "exact"), ("Kim", "kim", "surname")],
        ),
        ("kardashian", "Kim Jong Un spoke. Kim Kardashian did not.", &[("Kim Jong Un", "kim", "exact")]),
        ("inside a word", "Ashot Mkrtychevsky", &[]),
        ("email", "Ashot Mkrtychev wrote to verus@example.com", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("possessive", "Ashot Mkrtychev’s firm", &[("Ashot Mkrtychev", "mk", "name_order")]),
        ("title", "Under Secretary Brian E. Nelson", &[("Brian E. Nelson", "bn", "exact")]),
        ("lower-case word is no legal form", "they see Versor as partner", &[("Versor", "versor", "short")]),
        ("one-word vessel needs a cue", "The cliffs of Dover.", &[]),
        ("one-word vessel with a cue", "The tanker Dover sailed.", &[("Dover", "dover", "normalized")]),
    ];

    #[test]
    fn table() {
        let m = Matcher::new(&gazetteer());
        for &(name, text, want) in CASES {
            let got: Vec<(&str, &str, &str)> = m
                .find(text)
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
}
