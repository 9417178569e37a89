//! The compiled gazetteer: one Aho-Corasick automaton over every name form.
//!
//! [`Matcher::new`] takes a [`Gazetteer`], derives every [`Form`] of every
//! name (see [`crate::variants`]), and compiles the distinct folded forms
//! into one automaton. A form several entities share (`"kim"`) is one
//! pattern with several [`Target`]s; the resolver decides among them.
//!
//! Patterns are written with a space on both sides (`" brian nelson "`), and
//! the text's folded stream starts with a space and has one after every
//! token (see [`crate::normalize`]). So every occurrence the automaton
//! reports is already aligned on whole tokens: no word-boundary check, and
//! no missed shorter name when a longer one fails a check. The automaton
//! runs in overlapping mode, reporting every form at every position; the
//! resolver then picks the longest non-overlapping mentions.
//!
//! The matcher is immutable once built and is shared by reference across
//! threads.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::eval::names_agree;
use crate::gazetteer::{Entity, Gazetteer};
use crate::names::{is_distinctive_word, is_known_proper_noun};
use crate::normalize::{fold_name, Normalized};
use crate::variants::{forms, Form, Policy, Variant};

/// One way a pattern can be read: as a form of one name of one entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// Index of the entity in [`Matcher::entities`].
    pub entity: u32,
    /// Index of the name in [`Entity::names`] (0 = the display name).
    pub name: u32,
    /// How the form was derived.
    pub variant: Variant,
    /// When it may match.
    pub policy: Policy,
    /// For short forms: the form names one entity only (by display name)
    /// and has a word distinctive enough to identify it without other
    /// evidence (see [`crate::names::is_distinctive_word`]).
    pub distinctive: bool,
}

/// Lists whose people are heads of state or government.
pub const LEADER_LISTS: &[&str] = &[
    "official:wikidata-leaders",
    "official:world-leaders-2026",
    "official:us-executive",
];

/// Whether `e` is someone the press names by surname alone without first
/// introducing them: a head of state or government (on one of
/// [`LEADER_LISTS`]), or an entity whose gazetteer record says
/// `"prominent": true`.
pub fn is_prominent(e: &Entity) -> bool {
    e.lists.iter().any(|l| LEADER_LISTS.contains(&l.as_str()))
        || e.properties.get("prominent") == Some(&serde_json::Value::Bool(true))
}

#[derive(Clone, Copy, Debug)]
struct PatternInfo {
    tokens: u32,
    targets: (u32, u32),
}

/// An occurrence of a pattern in a text, in tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the first token.
    pub first: u32,
    /// Index of the last token (inclusive).
    pub last: u32,
    /// The pattern, for [`Matcher::targets`].
    pub pattern: u32,
}

/// Figures about a built matcher.
#[derive(Clone, Debug, Default)]
pub struct BuildStats {
    /// Entities compiled.
    pub entities: usize,
    /// Names (display names and aliases) read.
    pub names: usize,
    /// Distinct patterns in the automaton.
    pub patterns: usize,
    /// Pattern readings (entity, name, variant).
    pub targets: usize,
    /// Wall time of the build.
    pub elapsed: Duration,
}

/// A compiled gazetteer, ready to search texts.
///
/// ```
/// use gazex::gazetteer::{Entity, EntityType, Gazetteer};
/// use gazex::Matcher;
///
/// let mut putin = Entity::new("ofac-35096", "PUTIN, Vladimir Vladimirovich", EntityType::Person);
/// putin.lists.push("RUSSIA-EO14024".into());
/// let matcher = Matcher::new(&Gazetteer::from_entities([putin]));
///
/// let text = "Russian President Vladimir Putin’s war.";
/// let mentions = matcher.find(text);
/// assert_eq!(mentions.len(), 1);
/// let m = &mentions[0];
/// assert_eq!(&text[m.start..m.end], "Vladimir Putin");
/// assert_eq!(matcher.entity(m).id, "ofac-35096");
/// assert_eq!(m.kind.as_str(), "partial_name");
/// ```
#[derive(Debug)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    patterns: Vec<PatternInfo>,
    targets: Vec<Target>,
    entities: Vec<Entity>,
    links: Vec<Vec<u32>>,
    stats: BuildStats,
}

/// Resolves each entity's `linked_to` property (names, as OFAC's remarks
/// give them) to entities with that name, both ways.
fn link_entities(g: &Gazetteer) -> Vec<Vec<u32>> {
    let mut links: Vec<Vec<u32>> = vec![Vec::new(); g.len()];
    if !g
        .entities()
        .iter()
        .any(|e| e.properties.contains_key("linked_to"))
    {
        return links;
    }
    let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, e) in g.entities().iter().enumerate() {
        for a in e.names() {
            let key = fold_name(&a.name);
            if !key.is_empty() {
                by_name.entry(key).or_default().push(i as u32);
            }
        }
    }
    for (i, e) in g.entities().iter().enumerate() {
        let Some(v) = e.properties.get("linked_to") else {
            continue;
        };
        let names: Vec<&str> = match v {
            serde_json::Value::String(s) => vec![s.as_str()],
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
            _ => Vec::new(),
        };
        for name in names {
            for &j in by_name.get(&fold_name(name)).into_iter().flatten() {
                if j as usize != i {
                    links[i].push(j);
                    links[j as usize].push(i as u32);
                }
            }
        }
    }
    for l in &mut links {
        l.sort_unstable();
        l.dedup();
    }
    links
}

impl Matcher {
    /// Compiles every entity of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> Matcher {
        Matcher {
            entities: gazetteer.entities().to_vec(),
            ..Matcher::build(gazetteer)
        }
    }

    /// Like [`Matcher::new`], taking the gazetteer's entities instead of
    /// copying them: less memory for big lists.
    pub fn from_gazetteer(gazetteer: Gazetteer) -> Matcher {
        let m = Matcher::build(&gazetteer);
        Matcher {
            entities: gazetteer.into_entities(),
            ..m
        }
    }

    /// Compiles `gazetteer`, leaving the entities for the caller to copy
    /// or move in.
    fn build(gazetteer: &Gazetteer) -> Matcher {
        let started = Instant::now();
        let mut keys: HashMap<String, u32> = HashMap::new();
        let mut pattern_strings: Vec<String> = Vec::new();
        let mut pattern_tokens: Vec<u32> = Vec::new();
        // (pattern, target), sorted into contiguous runs afterwards.
        let mut readings: Vec<(u32, Target)> = Vec::new();
        let mut names = 0usize;
        let mut buf: Vec<Form> = Vec::new();
        for (ei, entity) in gazetteer.entities().iter().enumerate() {
            for (ni, alias) in entity.names().enumerate() {
                names += 1;
                buf.clear();
                forms(entity, &alias, &mut buf);
                for f in buf.drain(..) {
                    let key = f.tokens.join(" ");
                    let next = pattern_strings.len() as u32;
                    let pid = *keys.entry(key).or_insert_with_key(|k| {
                        pattern_strings.push(format!(" {k} "));
                        pattern_tokens.push(f.tokens.len() as u32);
                        next
                    });
                    readings.push((
                        pid,
                        Target {
                            entity: ei as u32,
                            name: ni as u32,
                            variant: f.variant,
                            policy: f.policy,
                            distinctive: f.variant.is_short()
                                && f.tokens.iter().any(|t| is_distinctive_word(t))
                                && match f.variant {
                                    // A bare surname names only someone
                                    // readers know without introduction.
                                    Variant::Surname => is_prominent(entity),
                                    // "Egypt", "Arizona" are places first.
                                    _ => {
                                        !(f.tokens.len() == 1 && is_known_proper_noun(&f.tokens[0]))
                                    }
                                },
                        },
                    ));
                }
            }
        }
        // One reading per (pattern, entity): the best-ranked one.
        readings.sort_by_key(|(p, t)| (*p, t.entity, t.variant, t.policy, t.name));
        readings.dedup_by_key(|(p, t)| (*p, t.entity));
        let mut patterns: Vec<PatternInfo> = pattern_tokens
            .iter()
            .map(|&tokens| PatternInfo {
                tokens,
                targets: (0, 0),
            })
            .collect();
        let mut targets = Vec::with_capacity(readings.len());
        let mut i = 0;
        while i < readings.len() {
            let pid = readings[i].0;
            let start = targets.len() as u32;
            while i < readings.len() && readings[i].0 == pid {
                targets.push(readings[i].1);
                i += 1;
            }
            patterns[pid as usize].targets = (start, targets.len() as u32);
            // A short form shared by entities of different names is not
            // distinctive ("Kim"); the same name listed twice (a person on a
            // sanctions list and an officials list) still is.
            let run = &mut targets[start as usize..];
            let mut owners = run
                .iter()
                .filter(|t| t.variant.is_short())
                .map(|t| gazetteer.entities()[t.entity as usize].name.as_str());
            if let Some(first) = owners.next() {
                if owners.any(|o| !names_agree(o, first)) {
                    for t in run.iter_mut() {
                        t.distinctive = false;
                    }
                } else if run.iter().any(|t| t.distinctive) {
                    // The same person on several lists: prominent on one
                    // (a head of state), prominent on all.
                    for t in run.iter_mut() {
                        if t.variant == Variant::Surname {
                            t.distinctive = true;
                        }
                    }
                }
            }
        }
        let links = link_entities(gazetteer);
        let ac = if pattern_strings.is_empty() {
            None
        } else {
            // The DFA is fastest but its memory grows with the pattern set;
            // past a few thousand names the contiguous NFA is the better trade.
            let kind = if pattern_strings.len() <= 5_000 {
                AhoCorasickKind::DFA
            } else {
                AhoCorasickKind::ContiguousNFA
            };
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(kind))
                    // Every pattern starts with a space: a prefilter would
                    // stop at every token.
                    .prefilter(false)
                    .build(&pattern_strings)
                    .expect("patterns within aho-corasick limits"),
            )
        };
        let stats = BuildStats {
            entities: gazetteer.len(),
            names,
            patterns: pattern_strings.len(),
            targets: targets.len(),
            elapsed: started.elapsed(),
        };
        Matcher {
            ac,
            patterns,
            targets,
            entities: Vec::new(),
            links,
            stats,
        }
    }

    /// Entities related to entity `e` by the lists (OFAC's `Linked To`),
    /// in both directions.
    pub fn links(&self, e: u32) -> &[u32] {
        &self.links[e as usize]
    }

    /// Every occurrence of every pattern in the normalized text, appended to
    /// `hits` in order of their end.
    pub fn hits(&self, text: &Normalized, hits: &mut Vec<Hit>) {
        let Some(ac) = &self.ac else { return };
        for m in ac.find_overlapping_iter(text.stream_bytes()) {
            let p = &self.patterns[m.pattern().as_usize()];
            let first = text
                .token_at(m.start() + 1)
                .expect("patterns start on a token");
            hits.push(Hit {
                first: first as u32,
                last: first as u32 + p.tokens - 1,
                pattern: m.pattern().as_u32(),
            });
        }
    }

    /// The readings of a pattern.
    pub fn targets(&self, pattern: u32) -> &[Target] {
        let (a, b) = self.patterns[pattern as usize].targets;
        &self.targets[a as usize..b as usize]
    }

    /// The compiled entities, indexed by [`Target::entity`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity a mention refers to.
    pub fn entity(&self, m: &crate::Mention) -> &Entity {
        &self.entities[m.entity as usize]
    }

    /// The name (display name or alias) a mention matched.
    pub fn alias(&self, m: &crate::Mention) -> &str {
        self.name_text(m.entity, m.name)
    }

    /// Name `name` of entity `entity` as listed (0 = the display name,
    /// n = alias n-1), as [`Target::name`] counts them.
    pub fn name_text(&self, entity: u32, name: u32) -> &str {
        let e = &self.entities[entity as usize];
        match name {
            0 => &e.name,
            n => &e.aliases[n as usize - 1].name,
        }
    }

    /// Figures about the build.
    pub fn stats(&self) -> &BuildStats {
        &self.stats
    }

    /// Finds the mentions in one text (a convenience over
    /// [`crate::resolve::Resolver`]).
    pub fn find(&self, text: &str) -> Vec<crate::Mention> {
        let mut r = crate::resolve::Resolver::new(self);
        let mut out = Vec::new();
        r.resolve(text, &mut out);
        out
    }
}
