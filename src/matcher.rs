//! The compiled gazetteer: a trie over the folded words of every name form.
//!
//! [`Matcher::new`] takes a [`Gazetteer`], derives every [`Form`] of every
//! name (see [`crate::variants`]), and compiles the distinct folded forms
//! into one trie. A form several entities share (`"kim"`) is one pattern
//! with several [`Target`]s; the resolver decides among them.
//!
//! Names are matched on whole tokens (see [`crate::normalize`]), so the
//! trie's alphabet is words, not bytes: every distinct folded word of every
//! pattern gets a number, a pattern is the sequence of its words' numbers,
//! and a text is looked up one token at a time (one hash of the token, then
//! one step per word of a candidate name). A text word no pattern holds
//! stops every match at once. Compared with a byte automaton over the
//! folded stream this does a fraction of the work per text byte, and it
//! builds in one pass over the patterns (no failure links: every token is a
//! possible start), which for half a million names is the difference
//! between seconds and a fraction of one. Every occurrence of every pattern
//! is reported (the overlapping semantics of Aho-Corasick); the resolver
//! then picks the longest non-overlapping mentions. The walk from one token
//! takes at most as many steps as the longest name has words, so a text is
//! matched in time linear in its tokens.
//!
//! The matcher is immutable once built and is shared by reference across
//! threads.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

use crate::date::Day;
use crate::gazetteer::{Entity, EntityType, Gazetteer};
use crate::link::Profile;
use crate::names::{
    is_common_word, is_distinctive_word, is_given_name, is_known_proper_noun, is_place, names_agree,
};
use crate::normalize::{fold_name, Normalized, TokenFlags};
use crate::table::{KeyMap, KeyRows, Keys, Rows};
use crate::translit::{
    french_respelled_into, h_respelled, is_korean, is_transliterated, key_consonants,
    korean_key_into, person_spelling_key_into, respell_h, spelling_key_into,
};
use crate::variants::{forms, Form, Policy, Variant};

/// Whether the capitalized word `w`, whose spelling key (of two consonants
/// if `short`) listed words share, may be read as them: `None` for an
/// English word that is no given name, a faith or a people ("Shiite" is
/// no "Shatti"), or a place with a short key ("India" is no "Anda"); else
/// whether only inside a longer name, as a given name or known proper
/// noun with a short key is ("Omar" for the "Umar" of Umar al-Bashir, but
/// "Andy" alone is no "Anda"), and a given name that is an English word
/// ("Victor" for the "Viktor" of Viktor Bout) always.
fn respelling(w: &str, short: bool) -> Option<bool> {
    // (A given name that is also an English word, "Victor" for the
    // "Viktor" of Viktor Bout, is read inside a longer name only.)
    let (given, word) = (is_given_name(w), is_common_word(w));
    if (word && !given) || crate::names::is_faith_or_people(w) || (short && is_place(w)) {
        return None;
    }
    Some((short || word) && (given || is_known_proper_noun(w)))
}

/// One way a pattern can be read: as a form of one name of one entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// How many of the form's words are written otherwise than the listed
    /// name ([`Form::respelled`]).
    pub respelled: u8,
}

/// Each pattern's readings from `readings`, (pattern, target) in the
/// order the build found them (entities in order), for `patterns`
/// patterns numbered densely: the patterns' ends in the targets, and the
/// targets, one per entity, entities in order, each entity's the first
/// of its best-ranked (by variant, respelled words, policy and name).
/// This is what sorting by (pattern, entity, variant, respelled, policy,
/// name), stably, and keeping the first of each (pattern, entity) gives;
/// here in linear time, the readings bucketed by pattern in the order
/// they came (a counting sort), where the sort cost a build of half a
/// million names 210 M instructions.
fn best_readings(readings: &[(u32, Target)], patterns: usize) -> (Vec<u32>, Vec<Target>) {
    let mut starts = vec![0u32; patterns + 1];
    for &(p, _) in readings {
        starts[p as usize + 1] += 1;
    }
    for p in 1..=patterns {
        starts[p] += starts[p - 1];
    }
    // (Reading indices bucketed by pattern, each bucket in order.)
    let mut next = starts.clone();
    let mut order = vec![0u32; readings.len()];
    for (i, &(p, _)) in readings.iter().enumerate() {
        order[next[p as usize] as usize] = i as u32;
        next[p as usize] += 1;
    }
    let rank = |t: &Target| (t.variant, t.respelled, t.policy, t.name);
    let mut ends = Vec::with_capacity(patterns);
    let mut targets: Vec<Target> = Vec::with_capacity(readings.len());
    for p in 0..patterns {
        let first = targets.len();
        for &i in &order[starts[p] as usize..starts[p + 1] as usize] {
            let t = readings[i as usize].1;
            let kept = &mut targets[first..];
            match kept.last_mut() {
                Some(last) if last.entity == t.entity => {
                    if rank(&t) < rank(last) {
                        *last = t;
                    }
                }
                last => {
                    debug_assert!(last.is_none_or(|l| l.entity < t.entity));
                    targets.push(t);
                }
            }
        }
        ends.push(targets.len() as u32);
    }
    (ends, targets)
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

/// The profiles that say something, and per entity 1 + the index of its
/// among them or 0 (see [`Matcher::profile`]).
fn sparse(profiles: Vec<Profile>) -> (Vec<u32>, Vec<Profile>) {
    let nothing = Profile::default();
    if profiles.iter().all(|p| *p == nothing) {
        return (Vec::new(), Vec::new());
    }
    let mut of = Vec::with_capacity(profiles.len());
    let mut some = Vec::new();
    for p in profiles {
        if p == nothing {
            of.push(0);
        } else {
            some.push(p);
            of.push(some.len() as u32);
        }
    }
    (of, some)
}

/// `entities` with their properties packed.
fn packed(mut entities: Vec<Entity>) -> Vec<Entity> {
    for e in &mut entities {
        e.properties.pack();
    }
    entities
}

/// A folded word of a name, with why it is a common name word (`None`:
/// rare); see [`Matcher::name_commonness`].
pub type NameWord = (String, Option<crate::link::Common>);

/// An occurrence of a pattern in a text, in tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the first token.
    pub first: u32,
    /// Index of the last token (inclusive).
    pub last: u32,
    /// The pattern, for [`Matcher::targets`].
    pub pattern: u32,
    /// How many of its tokens were read as another spelling of a listed
    /// word (see [`crate::translit`]); 0 for a hit as written.
    pub variants: u8,
}

/// Figures about a built matcher.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct BuildStats {
    /// Entities compiled.
    pub entities: usize,
    /// Names (display names and aliases) read.
    pub names: usize,
    /// Distinct patterns (folded word sequences) in the trie.
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
///
/// Its serde form (every table, the entities included) is the payload of a
/// compiled gazetteer: read one with [`crate::gazetteer::compiled`], which
/// checks the file and the tables before use.
#[derive(Debug, Serialize, Deserialize)]
pub struct Matcher {
    words: Words,
    /// Per pattern, its readings.
    targets: Rows<Target>,
    #[serde(with = "crate::gazetteer::compiled::entities")]
    entities: Vec<Entity>,
    /// Per entity, the entities the lists relate it to.
    links: Rows<u32>,
    /// Per entity, 1 + the index in `profiles` of what the lists say of
    /// its public life, or 0 when they say nothing (empty when they say
    /// nothing of anyone: a list of names).
    profile_of: Vec<u32>,
    /// The profiles that say something, in entity order.
    profiles: Vec<Profile>,
    /// The profile of an entity the lists say nothing of.
    #[serde(skip)]
    no_profile: Profile,
    /// For each folded word of a person's name, how many listed persons
    /// bear it: how common the name is among the people the lists cover.
    person_words: KeyMap<u32>,
    /// For each spelling key of a person's name word
    /// ([`crate::translit::spelling_key_into`]), how many listed
    /// persons bear a word with that key: "Salem" is as common as the
    /// Salims and Saleems the lists hold.
    person_keys: KeyMap<u32>,
    /// Folded first word of each given-name-first person's display name →
    /// how many persons' names start with it.
    first_names: KeyMap<u32>,
    /// The words an organization's own name starts with that the press
    /// writes alone ([`crate::variants::lead_words`], joined by a space) →
    /// how many listed organizations' names start with them.
    org_leads: KeyMap<u32>,
    /// Spelling key → the listed words of transliterated names with that
    /// key (see [`crate::translit`]).
    spellings: KeyRows,
    /// Spelling key of two or three words of a transliterated person's
    /// name written as one ("Tayza" for "Tay Za", "Amirali" for "Amir
    /// Ali") → those words' numbers, each run ended by a 0.
    joined: KeyRows,
    /// Whether any Korean person is listed: only then are syllables keyed
    /// ([`crate::translit::korean_key`]).
    korean_syllables: bool,
    /// The word numbers of the Arabic article's spellings "al" and "el"
    /// that transliterated names hold: the press writes "Abdel Fattah Al
    /// Sisi" for the listed "el-Sisi".
    articles: Vec<u32>,
    /// Per entity, whether its names are transliterated
    /// ([`crate::translit::is_transliterated`]).
    transliterated: Vec<bool>,
    /// The most words in a pattern.
    longest_pattern: usize,
    stats: BuildStats,
}

/// Bits in [`Words::sieve`].
const SIEVE_BITS: usize = 1 << 16;

/// The longest word [`Words::short`] holds, in bytes: one load of eight
/// bytes reads it, and nine text words in ten are no longer.
const SHORT: usize = 8;

/// The fewest slots of [`Words::short`].
const SHORT_MIN_SLOTS: usize = 16;

/// A word of one to [`SHORT`] bytes in [`Words::short`]: its
/// [`short_key`], its length and its number (0 for an empty slot).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct ShortWord {
    key: u64,
    len: u32,
    number: u32,
}

/// The bytes of `word` (one to [`SHORT`]) as the top bytes of a
/// little-endian number, zeros below: [`Words::lookup_at`] makes the same
/// number of eight bytes of the stream with one shift.
fn short_key(word: &[u8]) -> u64 {
    let mut bytes = [0u8; SHORT];
    bytes[..word.len()].copy_from_slice(word);
    u64::from_le_bytes(bytes) << (64 - 8 * word.len())
}

/// The first slot to probe for `key` in a table of `slots` (a power of two,
/// at least two): the top bits of a multiplicative hash, which every byte
/// of the key moves.
#[inline]
fn short_slot(key: u64, slots: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - slots.trailing_zeros())) as usize
}

/// Puts the short word `word`, numbered `number`, in the first free slot
/// of `slots` from its [`short_slot`] on (a table with a free slot).
fn add_short(slots: &mut [ShortWord], word: &[u8], number: u32) {
    let key = short_key(word);
    let mut i = short_slot(key, slots.len());
    while slots[i].number != 0 {
        i = (i + 1) & (slots.len() - 1);
    }
    slots[i] = ShortWord {
        key,
        len: word.len() as u32,
        number,
    };
}

/// A word's bit in [`Words::sieve`]: a mix of its length and its first,
/// second and last bytes (cheaper than hashing the whole word).
#[inline]
fn sieve_bit(word: &[u8]) -> usize {
    let (first, second, last) = match word {
        [] => (0, 0, 0),
        [a] => (*a, 0, *a),
        [a, b, ..] => (*a, *b, word[word.len() - 1]),
    };
    let key = u32::from(first)
        | u32::from(second) << 8
        | u32::from(last) << 16
        | (word.len() as u32) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The patterns' words and the trie over them.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Words {
    /// Each distinct folded word of a pattern: word `i` of the table is
    /// numbered `i + 1` (0 stands for every other word).
    number: Keys,
    /// The longest word, in bytes: longer tokens are looked up no further.
    longest: usize,
    /// A 65,536-bit sieve over the [`sieve_bit`]s of the words longer than
    /// [`SHORT`]: a token whose bit is clear is no pattern's word, found
    /// without hashing it.
    sieve: Vec<u64>,
    /// The words of one to [`SHORT`] bytes, open-addressed by
    /// [`short_slot`] (probing the next slots in turn, at most half of them
    /// full): a text word of the stream is read in one load and found in
    /// about one probe, without the sieve or a hash of its bytes.
    short: Vec<ShortWord>,
    /// Trie nodes (0 is the root) reached from the root by word number.
    root: Vec<u32>,
    /// Trie edges below the first word: per node, its (word, node) edges
    /// sorted by word (filled from `building` by [`Words::freeze`]).
    edges: Rows<(u32, u32)>,
    /// Per node, 1 + the pattern that ends there, or 0.
    ends: Vec<u32>,
    /// The edges of a trie being built: (node, word) → node.
    #[serde(skip)]
    building: FxHashMap<(u32, u32), u32>,
}

impl Words {
    fn new() -> Words {
        Words {
            root: vec![0],
            ends: vec![0],
            sieve: vec![0; SIEVE_BITS / 64],
            short: vec![ShortWord::default(); SHORT_MIN_SLOTS],
            ..Words::default()
        }
    }

    /// The number of `word`, given one if new.
    fn intern(&mut self, word: &str) -> u32 {
        let (i, new) = self.number.insert(word.as_bytes());
        let n = i + 1;
        if !new {
            return n;
        }
        self.root.push(0);
        self.longest = self.longest.max(word.len());
        if (1..=SHORT).contains(&word.len()) {
            if 2 * self.number.len() > self.short.len() {
                self.grow_short();
            } else {
                add_short(&mut self.short, word.as_bytes(), n);
            }
        } else {
            let bit = sieve_bit(word.as_bytes());
            self.sieve[bit / 64] |= 1 << (bit % 64);
        }
        n
    }

    /// Refills [`Words::short`] with twice as many slots as words (all of
    /// them counted, the longer ones too), the last word interned included.
    fn grow_short(&mut self) {
        let slots = (2 * self.number.len()).next_power_of_two();
        self.short = vec![ShortWord::default(); slots.max(SHORT_MIN_SLOTS)];
        for (i, word) in self.number.iter().enumerate() {
            if (1..=SHORT).contains(&word.len()) {
                add_short(&mut self.short, word, i as u32 + 1);
            }
        }
    }

    /// The number of the word of `len` bytes (one to [`SHORT`]) whose
    /// [`short_key`] is `key`, 0 if no pattern holds it.
    #[inline]
    fn find_short(&self, key: u64, len: u32) -> u32 {
        let mask = self.short.len() - 1;
        let mut i = short_slot(key, self.short.len());
        loop {
            let slot = self.short[i & mask];
            if slot.number == 0 || (slot.key == key && slot.len == len) {
                return slot.number;
            }
            i = (i & mask) + 1;
        }
    }

    /// The number of a text's word, 0 if no pattern holds it.
    #[inline]
    fn lookup(&self, word: &[u8]) -> u32 {
        if (1..=SHORT).contains(&word.len()) {
            return self.find_short(short_key(word), word.len() as u32);
        }
        let bit = sieve_bit(word);
        if word.len() > self.longest || self.sieve[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        self.number.find(word).map_or(0, |i| i + 1)
    }

    /// [`Words::lookup`] of the text's word `stream[start..end]`: a short
    /// one is read in one load of the eight bytes from its start (the bytes
    /// past its end shifted out) wherever the stream holds them.
    #[inline]
    fn lookup_at(&self, stream: &[u8], start: usize, end: usize) -> u32 {
        let len = end.wrapping_sub(start);
        // (`len.wrapping_sub(1) < SHORT`: one test for `1..=SHORT`, which
        // the compiler makes two.)
        if let (true, Some(bytes)) = (
            len.wrapping_sub(1) < SHORT,
            stream.get(start..start + SHORT),
        ) {
            let bytes: [u8; SHORT] = bytes.try_into().expect("eight bytes");
            let key = u64::from_le_bytes(bytes) << (64 - 8 * len);
            return self.find_short(key, len as u32);
        }
        self.lookup(&stream[start..end])
    }

    /// The node reached from `node` by word `w`, if any.
    #[inline]
    fn step(&self, node: u32, w: u32) -> Option<u32> {
        let next = if node == 0 {
            self.root[w as usize]
        } else {
            let edges = self.edges.get(node as usize);
            edges[edges.binary_search_by_key(&w, |e| e.0).ok()?].1
        };
        (next != 0).then_some(next)
    }

    /// The node reached from `node` by word `w` in a trie being built.
    fn step_building(&self, node: u32, w: u32) -> Option<u32> {
        let next = if node == 0 {
            self.root[w as usize]
        } else {
            *self.building.get(&(node, w))?
        };
        (next != 0).then_some(next)
    }

    /// Makes the edges of the trie built searchable ([`Words::step`]):
    /// bucketed by the node they leave (nodes are numbered densely: a
    /// counting sort, where sorting every edge cost a build of half a
    /// million names 300 M instructions), each node's sorted by word.
    fn freeze(&mut self) {
        let mut ends = vec![0u32; self.ends.len()];
        for &(from, _) in self.building.keys() {
            ends[from as usize] += 1;
        }
        let mut at = 0;
        for end in &mut ends {
            at += *end;
            *end = at;
        }
        // (Each node's next free slot, from its row's end down.)
        let mut next = ends.clone();
        let mut items = vec![(0u32, 0u32); self.building.len()];
        for ((from, word), to) in self.building.drain() {
            let slot = &mut next[from as usize];
            *slot -= 1;
            items[*slot as usize] = (word, to);
        }
        let mut start = 0;
        for &end in &ends {
            let row = &mut items[start as usize..end as usize];
            if row.len() > 1 {
                row.sort_unstable_by_key(|e| e.0);
            }
            start = end;
        }
        self.edges = Rows::from_ends(ends, items);
        self.building = FxHashMap::default();
    }

    /// Adds the pattern of the folded words `words`; returns the node it
    /// ends at.
    fn insert<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) -> u32 {
        let mut node = 0u32;
        for word in words {
            let w = self.intern(word);
            node = match self.step_building(node, w) {
                Some(next) => next,
                None => {
                    let next = self.ends.len() as u32;
                    self.ends.push(0);
                    if node == 0 {
                        self.root[w as usize] = next;
                    } else {
                        self.building.insert((node, w), next);
                    }
                    next
                }
            };
        }
        node
    }

    /// The number of each token of `text` ([`Words::lookup`]), into
    /// `numbers` (cleared first).
    // (Out of line, its loop keeps more of its values in registers: 0.5%
    // fewer instructions in a whole run at 1k names.)
    #[inline(never)]
    fn numbers(&self, text: &Normalized, numbers: &mut Vec<u32>) {
        let stream = text.stream_bytes();
        numbers.clear();
        numbers.extend(
            text.tokens()
                .iter()
                .map(|t| self.lookup_at(stream, t.norm_start as usize, t.norm_end as usize)),
        );
    }

    /// See [`Matcher::hits`].
    fn hits(&self, text: &Normalized, numbers: &mut Vec<u32>, hits: &mut Vec<Hit>) {
        let from = hits.len();
        let count = text.tokens().len();
        self.numbers(text, numbers);
        let numbers = &numbers[..];
        for (first, &w) in numbers.iter().enumerate() {
            // (Word 0, every word no pattern holds, starts none.)
            if w == 0 {
                continue;
            }
            let Some(mut node) = self.step(0, w) else {
                continue;
            };
            let mut last = first;
            loop {
                if let Some(p) = self.ends[node as usize].checked_sub(1) {
                    hits.push(Hit {
                        first: first as u32,
                        last: last as u32,
                        pattern: p,
                        variants: 0,
                    });
                }
                if last + 1 == count || text.barrier_after(last) {
                    break;
                }
                last += 1;
                match self.step(node, numbers[last]) {
                    Some(next) => node = next,
                    None => break,
                }
            }
        }
        hits[from..].sort_unstable_by_key(|h| (h.last, h.first));
    }
}

impl Words {
    /// The hits that read at least one token of `alts` (token, listed
    /// words its spelling key stands for; sorted by token) as one of its
    /// listed words: every walk through such a token, from every start at
    /// most `longest` tokens before it.
    fn variant_hits(
        &self,
        text: &Normalized,
        numbers: &[u32],
        alts: &[(u32, &[u32])],
        spans: &[Span],
        longest: usize,
        hits: &mut Vec<Hit>,
    ) {
        // (Each token once, however many readings it has: a joined word
        // may stand for many listed pairs.)
        let mut tokens: Vec<u32> = alts
            .iter()
            .map(|&(t, _)| t)
            .chain(spans.iter().map(|s| s.first))
            .collect();
        tokens.sort_unstable();
        tokens.dedup();
        let mut starts: Vec<usize> = tokens
            .iter()
            .flat_map(|&t| (t as usize + 1).saturating_sub(longest)..=t as usize)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        // (token, node, variants so far, whether a span was read: a name
        // written joined or apart is read so only where its other words
        // are written as listed)
        let mut stack: Vec<(usize, u32, u8, bool)> = Vec::new();
        // (The first of `alts` and of `spans` at or after the start: the
        // starts ascend, so these only move forward, and a token's own
        // entries are found from them in a few steps (a walk reaches at
        // most `longest` tokens past its start), where a binary search of
        // the whole document's took about 60 instructions a token read.)
        debug_assert!(alts.is_sorted_by_key(|a| a.0) && spans.is_sorted_by_key(|s| s.first));
        let (mut alts_from, mut spans_from) = (0, 0);
        for first in starts {
            alts_from = first_at(alts, alts_from, first, |a| a.0);
            spans_from = first_at(spans, spans_from, first, |s| s.first);
            stack.clear();
            stack.push((first, 0, 0, false));
            while let Some((at, node, used, spanned)) = stack.pop() {
                let own = std::iter::once((numbers[at], 0u8));
                // (A token may have two entries: its spelling key's and
                // its Korean syllable key's words.)
                let from = first_at(alts, alts_from, at, |a| a.0);
                let other = alts[from..]
                    .iter()
                    .take_while(|a| a.0 == at as u32)
                    .flat_map(|a| a.1.iter())
                    .filter(|&&w| w != numbers[at] && !spanned)
                    .map(|&w| (w, 1u8));
                for (w, v) in own.chain(other) {
                    let Some(next) = self.step(node, w) else {
                        continue;
                    };
                    let used = used + v;
                    if let Some(p) = self.ends[next as usize].checked_sub(1) {
                        if used > 0 {
                            hits.push(Hit {
                                first: first as u32,
                                last: at as u32,
                                pattern: p,
                                variants: used,
                            });
                        }
                    }
                    if at + 1 < numbers.len() && !text.barrier_after(at) {
                        stack.push((at + 1, next, used, spanned));
                    }
                }
                if used > 0 {
                    continue;
                }
                let from = first_at(spans, spans_from, at, |s| s.first);
                for s in spans[from..].iter().take_while(|s| s.first == at as u32) {
                    let Some(next) = s.words[..usize::from(s.len)]
                        .iter()
                        .try_fold(node, |n, &w| self.step(n, w))
                    else {
                        continue;
                    };
                    let (last, used) = (at + usize::from(s.tokens) - 1, used + 1);
                    if let Some(p) = self.ends[next as usize].checked_sub(1) {
                        hits.push(Hit {
                            first: first as u32,
                            last: last as u32,
                            pattern: p,
                            variants: used,
                        });
                    }
                    if last + 1 < numbers.len() && !text.barrier_after(last) {
                        stack.push((last + 1, next, used, true));
                    }
                }
            }
        }
    }
}

/// The index of the first of `items` (sorted by `token`) at token `at` or
/// after, stepping on from `from` (an index no further than it): what
/// `items.partition_point(|x| token(x) < at)` gives, in a few steps where
/// few items lie between.
#[inline]
fn first_at<T>(items: &[T], from: usize, at: usize, token: impl Fn(&T) -> u32) -> usize {
    from + items[from..]
        .iter()
        .take_while(|x| (token(x) as usize) < at)
        .count()
}

/// A reading of text tokens as listed words other than one for one: two
/// tokens as one listed word ("Nam Hong" as the listed "Namhong"), or one
/// token as two or three ("Tayza" as the listed "Tay Za").
#[derive(Clone, Copy, Debug)]
struct Span {
    /// The first token.
    first: u32,
    /// How many tokens (1 or 2).
    tokens: u8,
    /// How many of `words` are read (1 to 3).
    len: u8,
    /// The listed words' numbers.
    words: [u32; 3],
}

/// The properties that name parties linked to an entity: `linked_to` (a
/// party the sanctions name it with) and `relatives` (a relative its
/// record names: "son of Slobodan Milosevic").
const LINK_PROPERTIES: [&str; 2] = ["linked_to", "relatives"];

/// Resolves each entity's [`LINK_PROPERTIES`] (names, as OFAC's remarks
/// give them) to entities with that name, both ways.
fn link_entities(g: &Gazetteer) -> Rows<u32> {
    if !g.entities().iter().any(|e| {
        LINK_PROPERTIES
            .iter()
            .any(|p| e.properties.contains_key(*p))
    }) {
        return Rows::default();
    }
    let mut links: Vec<Vec<u32>> = vec![Vec::new(); g.len()];
    let mut by_name: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (i, e) in g.entities().iter().enumerate() {
        for a in e.names() {
            let key = fold_name(&a.name);
            if !key.is_empty() {
                by_name.entry(key).or_default().push(i as u32);
            }
        }
    }
    for (i, e) in g.entities().iter().enumerate() {
        for v in LINK_PROPERTIES.iter().filter_map(|p| e.properties.get(*p)) {
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
    }
    for l in &mut links {
        l.sort_unstable();
        l.dedup();
    }
    Rows::new(links)
}

/// The spelling keys of `spelled` (numbers of the words of transliterated
/// persons' and organizations' names; `person_word` marks persons' words,
/// which get a key with two consonants too) and the Korean syllable keys
/// of `syllables`, each key with the words that have it. A word's key is
/// computed once, however many names hold it.
fn spellings(
    words: &Words,
    mut spelled: Vec<u32>,
    person_word: &[bool],
    h_word: &[bool],
    mut syllables: Vec<u32>,
) -> KeyRows {
    spelled.sort_unstable();
    spelled.dedup();
    syllables.sort_unstable();
    syllables.dedup();
    let text: Vec<&[u8]> = std::iter::once(&[][..])
        .chain(words.number.iter())
        .collect();
    let mut out: FxHashMap<Box<[u8]>, Vec<u32>> = FxHashMap::default();
    let mut key = Vec::new();
    for n in spelled {
        // Words of persons' names with two consonants only get a short key.
        let keyed = if person_word.get(n as usize) == Some(&true) {
            person_spelling_key_into(text[n as usize], &mut key)
        } else {
            spelling_key_into(text[n as usize], &mut key)
        };
        if n != 0 && keyed {
            out.entry(key.as_slice().into()).or_default().push(n);
        }
        // "Hroysman" is also read as the "Groysman" of Russian spellings,
        // "Berdimuhamedow" as "Berdymukhamedov" (see `h_respelled`).
        if n != 0 && h_word.get(n as usize) == Some(&true) {
            if let Some(respelled) = respell_h(text[n as usize], b"kh") {
                if person_spelling_key_into(&respelled, &mut key) {
                    let words = out.entry(key.as_slice().into()).or_default();
                    if !words.contains(&n) {
                        words.push(n);
                    }
                }
            }
        }
    }
    for n in syllables {
        if n != 0 && korean_key_into(text[n as usize], &mut key) {
            out.entry(key.as_slice().into()).or_default().push(n);
        }
    }
    KeyRows::new(out.iter().map(|(k, v)| (&k[..], &v[..])))
}

/// The shortest name written as one word that [`Matcher::hits`] reads as
/// two or three listed words, or two written words as one listed word.
const JOINED_MIN: usize = 5;

/// The syllables of a transliterated name may be written as one word or
/// apart ("Tay Za" and "Tayza", "Amir Ali" and "Amirali", "Nam Hong" and
/// "Namhong"): per spelling key of two or three adjacent words of the
/// persons' full names in `runs` (word numbers, each run ended by a 0)
/// written as one, those words' numbers, each sequence ended by a 0.
fn joined_words(words: &Words, runs: &[u32]) -> KeyRows {
    let text: Vec<&[u8]> = std::iter::once(&[][..])
        .chain(words.number.iter())
        .collect();
    // (Each run of words once: a name's forms and aliases repeat them.)
    let mut windows: Vec<[u32; 3]> = runs
        .split(|&n| n == 0)
        .flat_map(|run| {
            let pairs = run.windows(2).map(|w| [w[0], w[1], 0]);
            let triples = run.windows(3).map(|w| [w[0], w[1], w[2]]);
            pairs.chain(triples)
        })
        .collect();
    windows.sort_unstable();
    windows.dedup();
    let mut out: FxHashMap<Box<[u8]>, Vec<u32>> = FxHashMap::default();
    let (mut joined, mut key) = (Vec::new(), Vec::new());
    for window in &windows {
        let parts = &window[..if window[2] == 0 { 2 } else { 3 }];
        joined.clear();
        for &n in parts {
            joined.extend_from_slice(text[n as usize]);
        }
        if joined.len() < JOINED_MIN
            || !joined.iter().all(u8::is_ascii_lowercase)
            || !person_spelling_key_into(&joined, &mut key)
        {
            continue;
        }
        let seqs = out.entry(key.as_slice().into()).or_default();
        if !seqs.split(|&n| n == 0).any(|s| s == parts) {
            seqs.extend_from_slice(parts);
            seqs.push(0);
        }
    }
    KeyRows::new(out.iter().map(|(k, v)| (&k[..], &v[..])))
}

impl Matcher {
    /// Compiles every entity of `gazetteer`. The matcher's copies of the
    /// entities keep their properties packed (see
    /// [`crate::gazetteer::properties`]).
    pub fn new(gazetteer: &Gazetteer) -> Matcher {
        Matcher {
            entities: packed(gazetteer.entities().to_vec()),
            ..Matcher::build(gazetteer)
        }
    }

    /// Like [`Matcher::new`], taking the gazetteer's entities instead of
    /// copying them: less memory for big lists.
    pub fn from_gazetteer(gazetteer: Gazetteer) -> Matcher {
        let m = Matcher::build(&gazetteer);
        Matcher {
            entities: packed(gazetteer.into_entities()),
            ..m
        }
    }

    /// Compiles `gazetteer`, leaving the entities for the caller to copy
    /// or move in.
    fn build(gazetteer: &Gazetteer) -> Matcher {
        let started = Instant::now();
        let mut words = Words::new();
        let mut pattern_count = 0u32;
        // (pattern, target), sorted into contiguous runs afterwards.
        let mut readings: Vec<(u32, Target)> = Vec::new();
        let mut names = 0usize;
        let mut buf: Vec<Form> = Vec::new();
        let mut longest_pattern = 0usize;
        let korean: Vec<bool> = gazetteer
            .entities()
            .iter()
            .map(|e| e.kind == EntityType::Person && is_korean(e))
            .collect();
        let transliterated: Vec<bool> = gazetteer
            .entities()
            .iter()
            .zip(&korean)
            .map(|(e, &k)| {
                matches!(e.kind, EntityType::Person | EntityType::Organization)
                    && (k || is_transliterated(e))
            })
            .collect();
        // Words of transliterated names, read in other spellings too, and
        // the syllables of Korean persons' names in other romanizations.
        let mut spelled: Vec<u32> = Vec::new();
        let mut syllables: Vec<u32> = Vec::new();
        // Per word number: a word of a transliterated person's name.
        let mut person_word: Vec<bool> = Vec::new();
        // The words of transliterated persons' full names, each run ended
        // by a 0 (see `joined_words`).
        let mut runs: Vec<u32> = Vec::new();
        // Per word number: a word of a Ukrainian, Belarusian, Russian or
        // Central Asian person's name, whose `h` is also read as `kh`.
        let mut h_word: Vec<bool> = Vec::new();
        let h_flags: Vec<bool> = gazetteer
            .entities()
            .iter()
            .map(|e| e.kind == EntityType::Person && h_respelled(e))
            .collect();
        // The words each organization's names start with that the press
        // writes alone (once per organization), and how many have each.
        let mut org_leads: KeyMap<u32> = KeyMap::default();
        let mut leads: Vec<String> = Vec::new();
        for (ei, entity) in gazetteer.entities().iter().enumerate() {
            leads.clear();
            for (ni, alias) in entity.names().enumerate() {
                names += 1;
                buf.clear();
                forms(entity, &alias, &mut buf);
                if entity.kind == EntityType::Organization && !alias.weak {
                    let full = buf
                        .iter()
                        .find(|f| f.variant == crate::variants::Variant::Full);
                    if let Some(w) = full.and_then(|f| {
                        crate::variants::lead_words_folded(f.tokens.clone(), &alias.name)
                    }) {
                        let w = w.join(" ");
                        if !leads.contains(&w) {
                            leads.push(w);
                        }
                    }
                }
                for f in buf.drain(..) {
                    // (Most forms' tokens are one word each: inserted
                    // without splitting each on spaces twice, a byte
                    // search each.)
                    let spaced = f.tokens.iter().any(|t| t.bytes().any(|b| b == b' '));
                    let node = if spaced {
                        longest_pattern = longest_pattern
                            .max(f.tokens.iter().map(|t| t.split(' ').count()).sum());
                        words.insert(f.tokens.iter().flat_map(|t| t.split(' ')))
                    } else {
                        longest_pattern = longest_pattern.max(f.tokens.len());
                        words.insert(f.tokens.iter().map(String::as_str))
                    };
                    if transliterated[ei] && !alias.weak {
                        let numbers = f
                            .tokens
                            .iter()
                            .flat_map(|t| t.split(' '))
                            .map(|w| words.lookup(w.as_bytes()));
                        if korean[ei] {
                            syllables.extend(numbers.clone());
                        }
                        if entity.kind == EntityType::Person {
                            // (As listed: a respelled form's syllables
                            // are read by their spelling keys already.)
                            if matches!(f.variant, Variant::Full | Variant::NameOrder)
                                && f.respelled == 0
                            {
                                runs.extend(numbers.clone());
                                runs.push(0);
                            }
                            for n in numbers.clone() {
                                let n = n as usize;
                                if n >= person_word.len() {
                                    person_word.resize(n + 1, false);
                                }
                                person_word[n] = true;
                                if h_flags[ei] {
                                    if n >= h_word.len() {
                                        h_word.resize(n + 1, false);
                                    }
                                    h_word[n] = true;
                                }
                            }
                        }
                        spelled.extend(numbers);
                    }
                    let pid = match words.ends[node as usize] {
                        0 => {
                            pattern_count += 1;
                            words.ends[node as usize] = pattern_count;
                            pattern_count - 1
                        }
                        p => p - 1,
                    };
                    readings.push((
                        pid,
                        Target {
                            entity: ei as u32,
                            name: ni as u32,
                            variant: f.variant,
                            policy: f.policy,
                            respelled: f.respelled,
                            distinctive: f.variant.is_short()
                                && f.variant != Variant::OrgWord
                                && f.tokens.iter().any(|t| is_distinctive_word(t))
                                && match f.variant {
                                    // A bare surname names only someone
                                    // readers know without introduction.
                                    Variant::Surname => is_prominent(entity),
                                    // A middle name ("Horatio" of Hubert
                                    // Horatio Humphrey) is no name alone.
                                    Variant::GivenName => false,
                                    // "Egypt", "Arizona" are places first.
                                    _ => {
                                        !(f.tokens.len() == 1 && is_known_proper_noun(&f.tokens[0]))
                                    }
                                },
                        },
                    ));
                }
            }
            for w in leads.drain(..) {
                *org_leads.entry(w.as_bytes()) += 1;
            }
        }
        // One reading per (pattern, entity): the best-ranked one, a name as
        // listed before the same words made from another name by
        // respelling ("William Clinton" is listed, not only "Bill" read as
        // William).
        let (ends, mut targets) = best_readings(&readings, pattern_count as usize);
        drop(readings);
        for p in 0..ends.len() {
            let start = if p == 0 { 0 } else { ends[p - 1] };
            // A short form shared by entities of different names is not
            // distinctive ("Kim"); the same name listed twice (a person on a
            // sanctions list and an officials list) still is.
            let run = &mut targets[start as usize..ends[p] as usize];
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
        let mut profiles: Vec<Profile> = gazetteer.entities().iter().map(Profile::of).collect();
        crate::link::infer_genders(gazetteer.entities(), &mut profiles);
        crate::link::end_terms_at_successors(gazetteer.entities(), &mut profiles);
        let (profile_of, profiles) = sparse(profiles);
        let mut person_words: KeyMap<u32> = KeyMap::default();
        let mut first_names: KeyMap<u32> = KeyMap::default();
        let mut person_keys: KeyMap<u32> = KeyMap::default();
        let mut seen: Vec<String> = Vec::new();
        let (mut key, mut keys): (Vec<u8>, Vec<Vec<u8>>) = (Vec::new(), Vec::new());
        for e in gazetteer.entities() {
            if e.kind != EntityType::Person {
                continue;
            }
            let given_first = e.name_order != Some(crate::gazetteer::NameOrder::FamilyFirst);
            seen.clear();
            // (The display name comes first, and is never weak.)
            for (i, a) in e.names().filter(|a| !a.weak).enumerate() {
                let folded = fold_name(&a.name);
                if i == 0 && given_first {
                    if let Some(first) = folded.split(' ').next() {
                        *first_names.entry(first.as_bytes()) += 1;
                    }
                }
                for w in folded.split(' ') {
                    if w.len() > 1 && !seen.iter().any(|s| s == w) {
                        seen.push(w.to_string());
                    }
                }
            }
            keys.clear();
            for w in seen.drain(..) {
                if crate::translit::spelling_key_into(w.as_bytes(), &mut key)
                    && !keys.contains(&key)
                {
                    keys.push(key.clone());
                }
                *person_words.entry(w.as_bytes()) += 1;
            }
            for k in keys.drain(..) {
                *person_keys.entry(&k) += 1;
            }
        }
        let articles: Vec<u32> = ["al", "el"]
            .iter()
            .map(|w| words.lookup(w.as_bytes()))
            .filter(|n| *n != 0 && spelled.contains(n))
            .collect();
        let spellings = spellings(&words, spelled, &person_word, &h_word, syllables);
        let joined = joined_words(&words, &runs);
        words.freeze();
        let stats = BuildStats {
            entities: gazetteer.len(),
            names,
            patterns: pattern_count as usize,
            targets: targets.len(),
            elapsed: started.elapsed(),
        };
        Matcher {
            words,
            targets: Rows::from_ends(ends, targets),
            entities: Vec::new(),
            links,
            profile_of,
            profiles,
            no_profile: Profile::default(),
            person_words,
            person_keys,
            first_names,
            org_leads,
            spellings,
            joined,
            korean_syllables: korean.iter().any(|&k| k),
            articles,
            transliterated,
            longest_pattern,
            stats,
        }
    }

    /// What the lists say of entity `e`'s public life.
    pub fn profile(&self, e: u32) -> &Profile {
        match self.profile_of.get(e as usize) {
            Some(&p) if p > 0 => &self.profiles[p as usize - 1],
            _ => &self.no_profile,
        }
    }

    /// For each of entity `e`'s names (display name first, weak aliases
    /// left out): the name, and its folded words each with why it is a
    /// common name word (`None`: rare). A person's name whose words are all
    /// common needs corroboration in the document (see [`crate::resolve`]):
    /// this is that decision, per name, as `gazex gazetteer names` prints it.
    pub fn name_commonness(&self, e: u32) -> Vec<(String, Vec<NameWord>)> {
        self.entities[e as usize]
            .names()
            .filter(|a| !a.weak)
            .map(|a| {
                let mut words: Vec<NameWord> = fold_name(&a.name)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        let why = crate::link::common_word(w, self.persons_named(w));
                        (w.to_string(), why)
                    })
                    .collect();
                if let [(_, first), (second, why @ None)] = &mut words[..] {
                    *why = crate::link::common_second_word(*first, second);
                }
                (a.name, words)
            })
            .collect()
    }

    /// Whether entity `e`'s names are transliterated from another script,
    /// so that other spellings of them can be read
    /// ([`crate::translit::is_transliterated`]).
    pub fn transliterated(&self, e: u32) -> bool {
        self.transliterated[e as usize]
    }

    /// How many listed persons bear the folded name word `w`, or another
    /// spelling of it (one with its spelling key: "salem" counts the
    /// Salims, "sang" the Songs and Sungs).
    pub fn persons_named(&self, w: &str) -> u32 {
        let named = self.person_words.get(w.as_bytes()).copied().unwrap_or(0);
        let mut key = Vec::new();
        let spelled = if crate::translit::spelling_key_into(w.as_bytes(), &mut key) {
            self.person_keys.get(&key).copied().unwrap_or(0)
        } else {
            0
        };
        named.max(spelled)
    }

    /// How many listed persons' display names (given name first) start
    /// with the folded word `w`: whether a given name alone ("Saddam")
    /// could be one person's only.
    pub fn first_named(&self, w: &str) -> u32 {
        self.first_names.get(w.as_bytes()).copied().unwrap_or(0)
    }

    /// How many listed organizations' names start with the words `lead`
    /// (folded, joined by a space) that the press writes alone
    /// ([`crate::variants::lead_words`]): one or two name one company or
    /// its sister; more ("Islamic", "Federal", "Korea") say what kind of
    /// organization it is, not which.
    pub fn org_lead_count(&self, lead: &str) -> u32 {
        self.org_leads.get(lead.as_bytes()).copied().unwrap_or(0)
    }

    /// Entities related to entity `e` by the lists (OFAC's `Linked To`),
    /// in both directions.
    pub fn links(&self, e: u32) -> &[u32] {
        self.links.get(e as usize)
    }

    /// Whether token `i + 1` is a capitalized Korean syllable of a listed
    /// name: the given name after a family name (rare in English text, so
    /// kept out of [`Matcher::hits`]' loop).
    #[cold]
    #[inline(never)]
    fn korean_given_after(&self, text: &Normalized, i: usize) -> bool {
        let mut key = Vec::new();
        text.tokens()
            .get(i + 1)
            .is_some_and(|n| n.flags.contains(TokenFlags::CAPITALIZED))
            && text.token_bytes(i + 1).len() > 1
            && korean_key_into(text.token_bytes(i + 1), &mut key)
            && self.spellings.get(&key[..]).is_some()
    }

    /// Reads tokens `i` and `i + 1` written as one word (`pair`: scratch
    /// space) as that word of a listed person's name, pushed to `spans`.
    #[cold]
    #[inline(never)]
    fn split_word(&self, text: &Normalized, i: usize, pair: &mut Vec<u8>, spans: &mut Vec<Span>) {
        let (a, b) = (text.token_bytes(i), text.token_bytes(i + 1));
        if a.len() < 2 || b.len() < 2 || a.len() + b.len() < JOINED_MIN {
            return;
        }
        pair.clear();
        pair.extend_from_slice(a);
        pair.extend_from_slice(b);
        let n = self.words.lookup(pair);
        if n != 0 && self.person_words.get(pair).is_some() {
            spans.push(Span {
                first: i as u32,
                tokens: 2,
                len: 1,
                words: [n, 0, 0],
            });
        }
    }

    /// Every occurrence of every pattern in the normalized text, appended to
    /// `hits` in order of their end (then of their start). `numbers` is
    /// scratch space, kept by the caller to reuse its allocation.
    ///
    /// A capitalized word is also read as each listed word of a
    /// transliterated name that shares its spelling key ("Gadhafi" as
    /// the listed "Qadhafi"); such hits count their [`Hit::variants`].
    pub fn hits(&self, text: &Normalized, numbers: &mut Vec<u32>, hits: &mut Vec<Hit>) {
        let from = hits.len();
        self.words.hits(text, numbers, hits);
        if self.spellings.is_empty() {
            return;
        }
        let mut key = Vec::new();
        let mut french = Vec::new();
        let mut alts: Vec<(u32, &[u32])> = Vec::new();
        let mut in_longer: Vec<u32> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut pair = Vec::new();
        let tokens = text.tokens();
        for (i, t) in tokens.iter().enumerate() {
            // One listed word written as two capitalized ones, apart or
            // hyphenated ("Hor Nam Hong", "Amir-Abdollahian").
            if let Some(next) = tokens.get(i + 1) {
                if t.flags.contains(TokenFlags::CAPITALIZED)
                    && next.flags.contains(TokenFlags::CAPITALIZED)
                    && t.end + 1 == next.start
                    && !text.barrier_after(i)
                {
                    self.split_word(text, i, &mut pair, &mut spans);
                }
            }
            // A syllable joined by a hyphen to a capitalized one is part of
            // a Korean name whatever its case ("Jong-eun").
            let joined = || {
                i > 0
                    && tokens[i - 1].end + 1 == t.start
                    && tokens[i - 1].flags.contains(TokenFlags::CAPITALIZED)
            };
            let capitalized = t.flags.contains(TokenFlags::CAPITALIZED);
            if !self.articles.is_empty() && matches!(text.token_bytes(i), b"al" | b"el") {
                alts.push((i as u32, &self.articles));
                continue;
            }
            // (Of the readings below, a word in lower case, most words,
            // has only one: a Korean syllable's, one hyphen or space after
            // a capitalized word.)
            if !(capitalized || (self.korean_syllables && joined())) {
                continue;
            }
            // "Șor": also as English transliterations write it, "Shor".
            if capitalized && t.flags.contains(TokenFlags::HUSHING) {
                let at = text.hushed().partition_point(|h| h.0 < i as u32);
                if let Some((_, spelled)) = text.hushed().get(at).filter(|h| h.0 == i as u32) {
                    if person_spelling_key_into(spelled, &mut key) {
                        if let Some(words) = self.spellings.get(&key[..]) {
                            alts.push((i as u32, words));
                        }
                    }
                }
            }
            // "Poutine", "Béchir", "Choïgou": also as English
            // transliterations write the French spelling.
            // (Never a name of two consonants, even inside a longer name.)
            if capitalized && french_respelled_into(text.token_bytes(i), &mut french) {
                let w = text.token_text(i);
                if person_spelling_key_into(&french, &mut key)
                    && respelling(w, key_consonants(&key) <= 2) == Some(false)
                {
                    if let Some(words) = self.spellings.get(&key[..]) {
                        if words.iter().any(|&x| x != numbers[i]) {
                            alts.push((i as u32, words));
                        }
                    }
                }
            }
            for korean in [false, true] {
                let keyed = if korean {
                    self.korean_syllables
                        && (capitalized || joined())
                        && korean_key_into(text.token_bytes(i), &mut key)
                } else {
                    capitalized && person_spelling_key_into(text.token_bytes(i), &mut key)
                };
                if !keyed {
                    continue;
                }
                // Two or three syllables of a listed name written as one.
                if !korean && t.end - t.start >= JOINED_MIN as u32 {
                    if let Some(seqs) = self.joined.get(&key[..]) {
                        if respelling(text.token_text(i), false).is_some() {
                            for seq in seqs.split(|&n| n == 0).filter(|s| !s.is_empty()) {
                                let mut words = [0; 3];
                                words[..seq.len()].copy_from_slice(seq);
                                spans.push(Span {
                                    first: i as u32,
                                    tokens: 1,
                                    len: seq.len() as u8,
                                    words,
                                });
                            }
                        }
                    }
                }
                // (The English-word test, a hash of the word, only for the
                // few words whose key a listed word shares.)
                if let Some(words) = self.spellings.get(&key[..]) {
                    // A listed word is also read as its listed spellings
                    // ("Hassan" as the "Hasan" of "Hasan Nasrallah").
                    let w = text.token_text(i);
                    let short = !korean && key_consonants(&key) <= 2;
                    if words.iter().any(|&x| x != numbers[i]) {
                        // An English word read as a Korean syllable is
                        // read so inside a longer name only: "Lee
                        // Yong-ho" and "Park Pong-ju", the South's
                        // spellings of the North's Ri and Pak; never
                        // "Park" or "Lee" alone.
                        // (Only before another capitalized Korean syllable
                        // of a listed name, the given name: not every
                        // "The" or "So" opening a sentence, nor "But I",
                        // whose keys listed syllables share.)
                        let reading = respelling(w, short).or_else(|| {
                            (korean && capitalized && self.korean_given_after(text, i))
                                .then_some(true)
                        });
                        if let Some(only_in_longer) = reading {
                            if only_in_longer {
                                in_longer.push(i as u32);
                            }
                            alts.push((i as u32, words));
                        }
                    }
                }
            }
        }
        if alts.is_empty() && spans.is_empty() {
            return;
        }
        let before = hits.len();
        self.words
            .variant_hits(text, numbers, &alts, &spans, self.longest_pattern, hits);
        if !in_longer.is_empty() {
            // (In token order, as pushed: looked up by a binary search,
            // not scanned for each hit, which was quadratic in a document
            // dense with such words.)
            debug_assert!(in_longer.is_sorted());
            let mut k = before;
            while k < hits.len() {
                let h = hits[k];
                if h.first == h.last && in_longer.binary_search(&h.first).is_ok() {
                    hits.swap_remove(k);
                } else {
                    k += 1;
                }
            }
        }
        hits[from..].sort_unstable_by_key(|h| (h.last, h.first, h.variants));
        hits.dedup_by_key(|h| (h.first, h.last, h.pattern));
    }

    /// The occurrences of patterns of two words or more written with one
    /// or two more capitalized words after their first, in one run of
    /// name words (no comma, no line between): a given name, middle names
    /// the lists leave out, and the rest of a listed name ("Mahamat
    /// Idriss Déby Itno" for the listed "Mahamat Déby Itno"). Each comes
    /// with how many words it leaves out, `first..=last` spanning them.
    /// `numbers` is what [`Matcher::hits`] left in it for `text`.
    pub fn gapped_hits(&self, text: &Normalized, numbers: &[u32], out: &mut Vec<(Hit, u8)>) {
        let tokens = text.tokens();
        let count = tokens.len();
        let capitalized = |i: usize| tokens[i].flags.contains(TokenFlags::CAPITALIZED);
        for first in 0..count {
            if numbers[first] == 0 || !capitalized(first) {
                continue;
            }
            let Some(given) = self.words.step(0, numbers[first]) else {
                continue;
            };
            for gap in 1..=2usize {
                let resume = first + gap + 1;
                if resume >= count
                    || text.barrier_after(first + gap - 1)
                    || !capitalized(first + gap)
                {
                    break;
                }
                let (mut node, mut last) = (given, first + gap);
                while last + 1 < count && !text.barrier_after(last) {
                    last += 1;
                    let Some(next) = self.words.step(node, numbers[last]) else {
                        break;
                    };
                    node = next;
                    if let Some(p) = self.words.ends[node as usize].checked_sub(1) {
                        let hit = Hit {
                            first: first as u32,
                            last: last as u32,
                            pattern: p,
                            variants: 0,
                        };
                        out.push((hit, gap as u8));
                    }
                }
            }
        }
    }

    /// The readings of a pattern.
    pub fn targets(&self, pattern: u32) -> &[Target] {
        self.targets.get(pattern as usize)
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
}

impl Matcher {
    /// Checks that every index in the tables is in range and every
    /// per-entity table is as long as the entities, so that searching can
    /// index nothing out of bounds: what a compiled gazetteer's tables must
    /// satisfy before use (see [`crate::gazetteer::compiled`]). A matcher
    /// built by [`Matcher::new`] always does.
    pub(crate) fn check(&self) -> Result<(), String> {
        let entities = self.entities.len();
        if self.transliterated.len() != entities {
            return Err(format!(
                "{} transliterated for {entities} entities",
                self.transliterated.len()
            ));
        }
        if !self.profile_of.is_empty() && self.profile_of.len() != entities {
            return Err(format!(
                "{} profiles for {entities} entities",
                self.profile_of.len()
            ));
        }
        self.links.check_len(entities, "links")?;
        if let Some(l) = self.links.items().iter().find(|&&l| l as usize >= entities) {
            return Err(format!("a link to entity {l} of {entities}"));
        }
        // Days (yyyymmdd) and years as a build makes them: the resolver
        // subtracts them from one another and from the document's date.
        let day = |d: Day| d == Day::MAX || (-100_000_000..=100_000_000).contains(&d);
        for (e, &p) in self.entities.iter().zip(&self.profile_of) {
            let Some(p) = p.checked_sub(1) else {
                continue;
            };
            let Some(p) = self.profiles.get(p as usize) else {
                return Err(format!(
                    "profile {} of {} for {}",
                    p + 1,
                    self.profiles.len(),
                    e.id
                ));
            };
            let days = p
                .terms
                .iter()
                .flat_map(|t| [t.from, t.from_latest, t.to, t.to_earliest]);
            if !days.chain(p.public_from).chain(p.last_term_end).all(day)
                || p.born.is_some_and(|y| !(-10_000..=10_000).contains(&y))
            {
                return Err(format!("a date out of range in the profile of {}", e.id));
            }
        }
        for t in self.targets.items() {
            let Some(e) = self.entities.get(t.entity as usize) else {
                return Err(format!("a reading of entity {} of {entities}", t.entity));
            };
            if t.name as usize > e.aliases.len() {
                return Err(format!(
                    "a reading of name {} of entity {} (with {} names)",
                    t.name,
                    e.id,
                    e.aliases.len() + 1
                ));
            }
        }
        let w = &self.words;
        let (words, nodes, patterns) = (w.root.len(), w.ends.len(), self.targets.len());
        if w.sieve.len() != SIEVE_BITS / 64 {
            return Err(format!("a word sieve of {} words", w.sieve.len()));
        }
        if words == 0 || nodes == 0 {
            return Err("no trie root".into());
        }
        let bad_word = |n: u32| n == 0 || n as usize >= words;
        if w.number.len() + 1 != words {
            return Err(format!(
                "a table of {} words for {} trie roots",
                w.number.len(),
                words - 1
            ));
        }
        // Each short word once, where a search finds it, and no other word.
        // (A search probes until it finds a free slot.)
        let (slots, free) = (w.short.len(), w.short.iter().filter(|s| s.number == 0));
        if !slots.is_power_of_two() || slots < 2 || free.clone().next().is_none() {
            return Err(format!(
                "a short word table of {slots} slots, {} free",
                free.count()
            ));
        }
        let is_short = |word: &[u8]| (1..=SHORT).contains(&word.len());
        let mut listed = vec![false; words];
        for s in w.short.iter().filter(|s| s.number != 0) {
            if bad_word(s.number) || std::mem::replace(&mut listed[s.number as usize], true) {
                return Err(format!(
                    "short word {} of {words} listed twice or more",
                    s.number
                ));
            }
            let word = w.number.get(s.number - 1);
            if !is_short(word)
                || (s.key, s.len) != (short_key(word), word.len() as u32)
                || w.find_short(s.key, s.len) != s.number
            {
                return Err(format!("short word {} out of place", s.number));
            }
        }
        if let Some(i) = (0..w.number.len() as u32)
            .find(|&i| is_short(w.number.get(i)) && !listed[i as usize + 1])
        {
            return Err(format!("short word {} left out of its table", i + 1));
        }
        let bad_node = |n: u32| n as usize >= nodes;
        w.edges.check_len(nodes, "trie edge lists")?;
        if w.root.iter().any(|&n| bad_node(n))
            || w.edges
                .items()
                .iter()
                .any(|&(word, to)| bad_word(word) || bad_node(to))
        {
            return Err(format!("a trie edge out of its {nodes} nodes"));
        }
        // (Sorted, as the search for a node's edge takes them.)
        if (0..w.edges.len()).any(|n| w.edges.get(n).windows(2).any(|p| p[0].0 >= p[1].0)) {
            return Err("trie edges out of order".into());
        }
        if w.ends.iter().any(|&p| p as usize > patterns) {
            return Err(format!("a trie node ending past the {patterns} patterns"));
        }
        if self
            .spellings
            .items()
            .iter()
            .chain(&self.articles)
            .any(|&n| bad_word(n))
            || self.joined.items().iter().any(|&n| n != 0 && bad_word(n))
        {
            return Err(format!("a spelling of a word out of 1..{words}"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn a_name_word_counts_the_bearers_of_its_other_spellings() {
        // Made-up fixture names; "Salem" is no one's, but as common as the
        // Salims and Saleems listed.
        let g = Gazetteer::from_entities([
            Entity::new("a", "Salim Zarnavi", EntityType::Person),
            Entity::new("b", "Saleem Qorbatov", EntityType::Person),
            Entity::new("c", "Selim Salim Dravka", EntityType::Person),
            Entity::new("d", "SALIM TRADING", EntityType::Organization),
        ]);
        let m = Matcher::new(&g);
        assert_eq!(m.persons_named("salim"), 3);
        assert_eq!(m.persons_named("salem"), 3);
        assert_eq!(m.persons_named("zarnavi"), 1);
        assert_eq!(m.persons_named("putin"), 0);
    }

    /// (first, last, pattern) of every hit of `patterns` in `text`.
    fn hits(patterns: &[&str], text: &str) -> Vec<(u32, u32, u32)> {
        let mut words = Words::new();
        for (p, key) in patterns.iter().enumerate() {
            let node = words.insert(key.split(' '));
            words.ends[node as usize] = p as u32 + 1;
        }
        words.freeze();
        let mut out = Vec::new();
        words.hits(&normalize(text), &mut Vec::new(), &mut out);
        out.iter().map(|h| (h.first, h.last, h.pattern)).collect()
    }

    /// (text, match kind) of each mention `m` finds in `text`.
    fn found_kinds(m: &Matcher, text: &str) -> Vec<(String, &'static str)> {
        m.find(text)
            .iter()
            .map(|x| (text[x.start..x.end].to_string(), x.kind.as_str()))
            .collect()
    }

    #[test]
    fn other_spellings_of_transliterated_names() {
        use crate::gazetteer::{Entity, EntityType, Gazetteer};
        let mut q = Entity::new("q", "QADHAFI, Mutassim", EntityType::Person);
        q.lists.push("LIBYA2".into());
        // The same name on no transliterating list or country: as listed only.
        let r = Entity::new("r", "ZARNOFF, Mikhail", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([q, r]));
        let found = |text: &str| found_kinds(&m, text);
        assert_eq!(
            found("Mutassim Gadafi spoke."),
            [("Mutassim Gadafi".to_string(), "variant")]
        );
        assert_eq!(
            found("Mutassim Qadhafi spoke."),
            [("Mutassim Qadhafi".to_string(), "name_order")]
        );
        assert!(found("Mikhayl Zarnoff spoke.").is_empty());
        assert!(
            found("mutassim gadafi spoke.").is_empty(),
            "lower case is no name"
        );
        // A faith's name is no respelled surname ("Shiite" is no
        // "Shatti"), even beside the full name.
        let mut j = Entity::new("j", "Jamal al-Shatti", EntityType::Person);
        j.lists.push("IRAQ2".into());
        let m = Matcher::new(&Gazetteer::from_entities([j]));
        let found: Vec<String> = {
            let text = "Jamal al-Shatti met Shiite leaders. Shatta left.";
            m.find(text)
                .iter()
                .map(|x| text[x.start..x.end].to_string())
                .collect()
        };
        assert_eq!(found, ["Jamal al-Shatti", "Shatta"]);
    }

    /// A Korean syllable in lower case is read as a listed one only right
    /// after a capitalized syllable and one hyphen or space (the one
    /// reading of a word in lower case besides the Arabic article's, which
    /// `Matcher::hits` looks for before it passes over such words).
    #[test]
    fn korean_syllables_in_lower_case_only_right_after_a_capitalized_one() {
        use crate::gazetteer::{Entity, EntityType, Gazetteer};
        let mut k = Entity::new("k", "Pak Jong Un", EntityType::Person);
        k.lists.push("DPRK3".into());
        let m = Matcher::new(&Gazetteer::from_entities([k]));
        let found = |text: &str| found_kinds(&m, text);
        assert_eq!(
            found("Mr Pak Jong-eun spoke."),
            [("Pak Jong-eun".to_string(), "variant")]
        );
        assert_eq!(
            found("Mr Pak Jong eun spoke."),
            [("Pak Jong eun".to_string(), "variant")]
        );
        assert_eq!(found("Mr Pak Jong  eun spoke."), []);
        assert_eq!(found("Mr Pak jong-eun spoke."), []);
    }

    #[test]
    fn syllables_written_joined_or_apart() {
        use crate::gazetteer::{Entity, EntityType, Gazetteer};
        // Made-up fixture names on a transliterating list.
        let mut h = Entity::new("h", "Hor Namzeng", EntityType::Person);
        h.lists.push("LIBYA2".into());
        let mut a = Entity::new("a", "Amir Zali Hajorvan", EntityType::Person);
        a.lists.push("LIBYA2".into());
        let b = Entity::new("b", "Kor Tamvelin", EntityType::Person);
        let m = Matcher::new(&Gazetteer::from_entities([h, a, b]));
        let found = |text: &str| found_kinds(&m, text);
        assert_eq!(
            found("Mr Hor Nam Zeng spoke."),
            [("Hor Nam Zeng".to_string(), "variant")]
        );
        assert_eq!(
            found("Mr Hor Nam-Zeng spoke."),
            [("Hor Nam-Zeng".to_string(), "variant")]
        );
        assert_eq!(
            found("Mr Amirzali Hajorvan spoke."),
            [("Amirzali Hajorvan".to_string(), "variant")]
        );
        // Not across a lower-case word, nor for a name of no
        // transliterating list or country written joined.
        assert!(found("Mr Hor Nam zeng spoke.").is_empty());
        assert!(found("Mr Kor Tamvelin spoke.")
            .iter()
            .all(|(_, k)| *k != "variant"));
        assert!(found("Mr Kortamvelin spoke.").is_empty());
    }

    #[test]
    fn tables_with_an_index_out_of_range_are_refused() {
        let g = Gazetteer::from_entities([
            Entity::new("a", "Salim Zarnavi", EntityType::Person),
            Entity::new("b", "SALIM TRADING", EntityType::Organization),
        ]);
        assert_eq!(Matcher::new(&g).check(), Ok(()));
        type Spoil = fn(&mut Matcher);
        let broken: [(&str, Spoil); 15] = [
            ("entity 2 of 2", |m| m.targets.items_mut()[0].entity = 2),
            ("name 1 of entity", |m| m.targets.items_mut()[0].name = 1),
            ("1 links for 2", |m| {
                m.links = Rows::new([vec![1]]);
            }),
            ("a link to entity 2 of 2", |m| {
                m.links = Rows::new([vec![], vec![2]]);
            }),
            ("a trie node ending past the", |m| {
                m.words.ends[1] = m.targets.len() as u32 + 1
            }),
            ("trie edge", |m| m.words.root[1] = 1000),
            ("a short word table of 3 slots, 3 free", |m| {
                m.words.short = vec![ShortWord::default(); 3];
            }),
            ("a short word table of 16 slots, 0 free", |m| {
                let taken = ShortWord {
                    number: 1,
                    ..ShortWord::default()
                };
                m.words.short = vec![taken; 16];
            }),
            ("short word 1 of 4 listed twice", |m| {
                let s = *m.words.short.iter().find(|s| s.number == 1).unwrap();
                let free = m.words.short.iter().position(|s| s.number == 0).unwrap();
                m.words.short[free] = s;
            }),
            ("short word 1 out of place", |m| {
                let s = m.words.short.iter_mut().find(|s| s.number == 1).unwrap();
                s.key ^= 1 << 63;
            }),
            ("short word 3 left out", |m| {
                let s = m.words.short.iter_mut().find(|s| s.number == 3).unwrap();
                *s = ShortWord::default();
            }),
            ("a table of 4 words for 3 trie roots", |m| {
                m.words.number.insert(b"x");
            }),
            ("trie edges out of order", |m| {
                m.words.edges = Rows::new((0..m.words.ends.len()).map(|n| {
                    if n == 1 {
                        vec![(2, 2), (1, 2)]
                    } else {
                        vec![]
                    }
                }));
            }),
            ("date out of range in the profile of a", |m| {
                m.profile_of = vec![1, 0];
                m.profiles = vec![Profile {
                    born: Some(i32::MIN),
                    ..Profile::default()
                }];
            }),
            ("profile 2 of 1 for b", |m| {
                m.profile_of = vec![0, 2];
                m.profiles = vec![Profile::default()];
            }),
        ];
        for (expected, spoil) in broken {
            let mut m = Matcher::new(&g);
            spoil(&mut m);
            let err = m.check().unwrap_err();
            assert!(err.contains(expected), "{expected:?}: {err}");
        }
    }

    #[test]
    fn every_occurrence_in_order_of_end_then_start() {
        let p = ["kim", "kim jong un", "jong un", "un"];
        assert_eq!(
            hits(&p, "Kim Jong Un met KIM."),
            vec![(0, 0, 0), (0, 2, 1), (1, 2, 2), (2, 2, 3), (4, 4, 0)]
        );
    }

    #[test]
    fn no_match_across_other_words_or_barriers() {
        let p = ["kim jong un"];
        assert_eq!(hits(&p, "Kim Jong-il Un"), vec![]);
        assert_eq!(hits(&p, "Kim (Jong Un)"), vec![]);
        assert_eq!(hits(&p, "Kim Jong; Un"), vec![]);
        assert_eq!(hits(&p, "Kim Jongun"), vec![]);
        assert_eq!(hits(&p, "kim jong un"), vec![(0, 2, 0)]);
    }

    #[test]
    fn words_longer_than_any_pattern_word_are_not_looked_up() {
        let mut words = Words::new();
        words.insert(["abcdefghij", "c"]);
        assert_eq!(words.longest, 10);
        assert_eq!(words.lookup(b"abcdefghijk"), 0);
        assert_ne!(words.lookup(b"abcdefghij"), 0);
    }

    /// The number of every token of `text` by [`Words::lookup_at`] (a short
    /// word read from the stream in one load), by [`Words::lookup`] and as
    /// the word table says, the general path.
    fn numbers_three_ways(words: &Words, text: &str) -> [Vec<u32>; 3] {
        let n = normalize(text);
        let stream = n.stream_bytes();
        let tokens = n.tokens().iter();
        let span = |t: &crate::normalize::Token| t.norm_start as usize..t.norm_end as usize;
        [
            tokens
                .clone()
                .map(|t| words.lookup_at(stream, span(t).start, span(t).end))
                .collect(),
            tokens
                .clone()
                .map(|t| words.lookup(&stream[span(t)]))
                .collect(),
            tokens
                .map(|t| words.number.find(&stream[span(t)]).map_or(0, |i| i + 1))
                .collect(),
        ]
    }

    #[test]
    fn short_words_are_found_as_the_word_table_finds_them() {
        // Words of one to twelve bytes, sharing first, last and middle
        // bytes, one of them with a two-byte letter; each, and each with a
        // byte more or less, at every distance from the stream's end.
        let listed = [
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "b",
            "ba",
            "bab",
            "bcdefgh",
            "abcdefgg",
            "zbcdefgh",
            "müller",
            "mülle",
            "hiabcdef",
        ];
        let mut words = Words::new();
        for w in listed {
            words.insert([w]);
        }
        let mut text = String::new();
        for w in listed {
            for other in [
                w.to_string(),
                format!("{w}x"),
                format!("x{w}"),
                w[1..].to_string(),
            ] {
                text.push_str(&other);
                text.push(' ');
                let [at, lookup, table] = numbers_three_ways(&words, &text);
                assert_eq!(at, table, "{text:?}");
                assert_eq!(lookup, table, "{text:?}");
            }
        }
        let [at, _, _] = numbers_three_ways(&words, &text);
        assert!(at.iter().filter(|&&n| n != 0).count() > listed.len());
    }

    #[test]
    fn the_short_word_table_grows_to_twice_the_words() {
        // (The long word is counted too: 1,001 words, 2,048 slots.)
        let mut words = Words::new();
        words.insert(["abcdefghijk"]);
        for i in 0..1000 {
            words.insert([format!("w{i}").as_str()]);
        }
        assert_eq!(words.short.len(), 2048);
        for i in 0..1000 {
            assert_eq!(words.lookup(format!("w{i}").as_bytes()), i + 2);
        }
        assert_eq!(words.lookup(b"w1000"), 0);
    }

    /// The readings of `raw` (pattern, entity, name, variant, respelled,
    /// policy, distinctive) as targets, entities in order.
    fn raw_readings(raw: &[(u32, u32, u32, u8, u8, u8, bool)]) -> Vec<(u32, Target)> {
        const VARIANTS: [Variant; 4] = [
            Variant::Full,
            Variant::NameOrder,
            Variant::PartialName,
            Variant::Surname,
        ];
        const POLICIES: [Policy; 3] = [Policy::Always, Policy::Proper, Policy::Evidence];
        let mut raw = raw.to_vec();
        raw.sort_by_key(|r| r.1);
        raw.iter()
            .map(|&(p, entity, name, v, respelled, policy, distinctive)| {
                let target = Target {
                    entity,
                    name,
                    variant: VARIANTS[v as usize % 4],
                    policy: POLICIES[policy as usize % 3],
                    distinctive,
                    respelled,
                };
                (p, target)
            })
            .collect()
    }

    proptest::proptest! {
        /// The readings bucketed per pattern are what the stable sort by
        /// (pattern, entity, rank) and keeping the first of each (pattern,
        /// entity) give, the targets' every field (`distinctive` too,
        /// which the rank does not read) included.
        #[test]
        fn best_readings_as_sorting_gives_them(
            raw in proptest::collection::vec(
                (0u32..6, 0u32..5, 0u32..3, 0u8..4, 0u8..2, 0u8..3, proptest::bool::ANY),
                0..60,
            ),
        ) {
            let readings = raw_readings(&raw);
            // (Patterns numbered densely: the ones used, in order.)
            let mut used: Vec<u32> = readings.iter().map(|r| r.0).collect();
            used.sort_unstable();
            used.dedup();
            let readings: Vec<(u32, Target)> = readings
                .into_iter()
                .map(|(p, t)| (used.binary_search(&p).unwrap() as u32, t))
                .collect();
            let mut sorted = readings.clone();
            sorted.sort_by_key(|(p, t)| (*p, t.entity, t.variant, t.respelled, t.policy, t.name));
            sorted.dedup_by_key(|(p, t)| (*p, t.entity));
            let mut ends = Vec::new();
            for (i, (p, _)) in sorted.iter().enumerate() {
                if sorted.get(i + 1).is_none_or(|n| n.0 != *p) {
                    ends.push(i as u32 + 1);
                }
            }
            let targets: Vec<Target> = sorted.into_iter().map(|(_, t)| t).collect();
            proptest::prop_assert_eq!(best_readings(&readings, used.len()), (ends, targets));
        }

        /// The frozen trie's edges are, per node, its edges sorted by word:
        /// what sorting every (node, word, next) gives.
        #[test]
        fn frozen_edges_are_each_nodes_sorted(
            patterns in proptest::collection::vec(
                proptest::collection::vec(0usize..6, 1..5), 1..30),
        ) {
            const WORDS: [&str; 6] = ["kim", "jong", "un", "bank", "of", "y"];
            let mut words = Words::new();
            for p in &patterns {
                words.insert(p.iter().map(|&w| WORDS[w]));
            }
            let mut edges: Vec<(u32, u32, u32)> =
                words.building.iter().map(|(&(f, w), &t)| (f, w, t)).collect();
            edges.sort_unstable();
            let nodes = words.ends.len();
            words.freeze();
            let mut got = Vec::new();
            for node in 0..nodes {
                for &(w, t) in words.edges.get(node) {
                    got.push((node as u32, w, t));
                }
            }
            proptest::prop_assert!(!edges.is_empty() || patterns.iter().all(|p| p.len() == 1));
            proptest::prop_assert_eq!(got, edges);
        }

        /// Every (first, last, pattern) the trie reports is exactly what a
        /// search of every run of tokens between barriers finds.
        #[test]
        fn trie_hits_equal_brute_force(
            patterns in proptest::collection::vec(
                proptest::collection::vec(0usize..5, 1..4), 1..8),
            text in proptest::collection::vec(0usize..7, 0..40),
        ) {
            const WORDS: [&str; 7] = ["kim", "jong", "un", "bank", "of", ";", "y"];
            let mut keys: Vec<String> = patterns
                .iter()
                .map(|p| p.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" "))
                .collect();
            keys.sort();
            keys.dedup();
            let text: Vec<&str> = text.iter().map(|&w| WORDS[w]).collect();
            let text = text.join(" ");
            let n = normalize(&text);
            let mut expected = Vec::new();
            for first in 0..n.tokens().len() {
                for last in first..n.tokens().len() {
                    if (first..last).any(|i| n.barrier_after(i)) {
                        break;
                    }
                    let span: Vec<&str> = (first..=last).map(|i| n.token_text(i)).collect();
                    if let Some(p) = keys.iter().position(|k| *k == span.join(" ")) {
                        expected.push((first as u32, last as u32, p as u32));
                    }
                }
            }
            expected.sort_by_key(|&(f, l, _)| (l, f));
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(hits(&keys, &text), expected);
        }

        /// Every token's number, read by [`Words::lookup_at`] from the
        /// stream, is the word table's: listed words of one to twelve
        /// bytes, and text words of the same letters, some listed, at every
        /// place of the stream.
        #[test]
        fn short_word_numbers_equal_the_word_table(
            listed in proptest::collection::vec("[abé]{1,12}", 1..40),
            text in proptest::collection::vec("[abé]{1,12}", 0..40),
            seps in proptest::collection::vec(proptest::sample::select(
                vec![" ", ", ", "-", ". ", "\n"]), 40),
        ) {
            let mut words = Words::new();
            for w in &listed {
                words.insert([w.as_str()]);
            }
            let mut joined = String::new();
            for (w, sep) in text.iter().chain(&listed).zip(seps.iter().cycle()) {
                joined.push_str(w);
                joined.push_str(sep);
            }
            let [at, lookup, table] = numbers_three_ways(&words, &joined);
            proptest::prop_assert_eq!(&at, &table);
            proptest::prop_assert_eq!(&lookup, &table);
        }

        /// `first_at` stepping on from any index no further than the
        /// answer gives what a binary search of the whole list gives.
        #[test]
        fn first_at_as_the_binary_search(
            mut tokens in proptest::collection::vec(0u32..40, 0..30),
            at in 0usize..45,
            back in 0usize..30,
        ) {
            tokens.sort_unstable();
            let want = tokens.partition_point(|&t| (t as usize) < at);
            let from = want.saturating_sub(back);
            proptest::prop_assert_eq!(first_at(&tokens, from, at, |&t| t), want);
        }
    }
}
