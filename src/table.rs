//! Compact tables for the matcher: lists per index in one flat table
//! ([`Rows`]) and byte-string keys in one buffer ([`Keys`], [`KeyMap`]).
//!
//! Each is a few allocations however many lists or keys it holds. A
//! `Vec` per entity or a `Box<[u8]>` per word costs an allocation each,
//! and the allocator's rounding and bookkeeping on top: for the bundled
//! lists the maps keyed by words made 100,000 allocations of a few bytes,
//! and reading a compiled gazetteer spends its time filling fresh memory.
//! Their serde forms are the flat tables themselves; a [`Keys`] rebuilds
//! its hash index when read, and every form is checked as it is read, so
//! that no lookup in a table read from a file can go out of bounds.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Lists, one per index (an entity, a trie node), in one table: list `i`
/// is `items[ends[i - 1]..ends[i]]` (from 0 for the first). `ends` is
/// empty when every list is: a big list of names with no links takes no
/// room.
#[derive(Debug, Serialize)]
pub(crate) struct Rows<T> {
    ends: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Rows<T> {
    fn default() -> Rows<T> {
        Rows {
            ends: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T> Rows<T> {
    /// The table of `lists`, in order.
    pub(crate) fn new<L: IntoIterator<Item = T>>(lists: impl IntoIterator<Item = L>) -> Rows<T> {
        let mut rows = Rows::default();
        for list in lists {
            rows.items.extend(list);
            rows.ends
                .push(u32::try_from(rows.items.len()).expect("fewer than 2^32 items"));
        }
        if rows.items.is_empty() {
            rows.ends = Vec::new();
        }
        rows
    }

    /// The table of lists ending at `ends` in `items` (see [`Rows`]).
    ///
    /// # Panics
    ///
    /// If the ends are out of order or the last is not the number of items.
    pub(crate) fn from_ends(ends: Vec<u32>, items: Vec<T>) -> Rows<T> {
        if let Err(e) = check_ends(&ends, items.len()) {
            panic!("{e}");
        }
        Rows { ends, items }
    }

    /// List `i` (empty past the last).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &[T] {
        let Some(&end) = self.ends.get(i) else {
            return &[];
        };
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1],
        };
        &self.items[start as usize..end as usize]
    }

    /// The number of lists (0 when every list is empty).
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Every item of every list.
    pub(crate) fn items(&self) -> &[T] {
        &self.items
    }

    /// Every item of every list, to change (tests make bad tables).
    #[cfg(test)]
    pub(crate) fn items_mut(&mut self) -> &mut [T] {
        &mut self.items
    }

    /// An error unless the table holds `lists` lists, or none at all.
    pub(crate) fn check_len(&self, lists: usize, what: &str) -> Result<(), String> {
        if !self.ends.is_empty() && self.ends.len() != lists {
            return Err(format!("{} {what} for {lists}", self.ends.len()));
        }
        Ok(())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Rows<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire<T> {
            ends: Vec<u32>,
            items: Vec<T>,
        }
        let Wire { ends, items } = Wire::deserialize(d)?;
        check_ends(&ends, items.len()).map_err(D::Error::custom)?;
        Ok(Rows { ends, items })
    }
}

/// Whether `ends` lie in order and the last is `len` (no ends: `len` 0).
fn check_ends(ends: &[u32], len: usize) -> Result<(), String> {
    let mut at = 0;
    for &end in ends {
        if end < at {
            return Err("list ends out of order".into());
        }
        at = end;
    }
    if at as usize != len {
        return Err(format!("lists ending at {at} of {len} items"));
    }
    Ok(())
}

/// Byte strings (folded words, spelling keys), each once, numbered from 0
/// in the order added, in one buffer with a hash index.
pub(crate) struct Keys {
    bytes: Vec<u8>,
    /// Key `i` is `bytes[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<u32>,
    /// The key numbers, by the hash of their key.
    index: HashTable<u32>,
}

fn hash(key: &[u8]) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// Key `i` of the keys `bytes` with `ends`.
fn key<'a>(bytes: &'a [u8], ends: &[u32], i: u32) -> &'a [u8] {
    let start = match i {
        0 => 0,
        _ => ends[i as usize - 1] as usize,
    };
    &bytes[start..ends[i as usize] as usize]
}

impl Keys {
    /// No keys.
    pub(crate) fn new() -> Keys {
        Keys {
            bytes: Vec::new(),
            ends: Vec::new(),
            index: HashTable::new(),
        }
    }

    /// The number of keys.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no keys.
    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Key `i`.
    pub(crate) fn get(&self, i: u32) -> &[u8] {
        key(&self.bytes, &self.ends, i)
    }

    /// The number of `key`, if it is one.
    #[inline]
    pub(crate) fn find(&self, key: &[u8]) -> Option<u32> {
        self.index.find(hash(key), |&i| self.get(i) == key).copied()
    }

    /// The number of `key`, added if new; and whether it was.
    pub(crate) fn insert(&mut self, key: &[u8]) -> (u32, bool) {
        if let Some(i) = self.find(key) {
            return (i, false);
        }
        let i = u32::try_from(self.ends.len()).expect("fewer than 2^32 keys");
        self.bytes.extend_from_slice(key);
        self.ends
            .push(u32::try_from(self.bytes.len()).expect("keys under 4 GB"));
        let (bytes, ends) = (&self.bytes, &self.ends);
        self.index
            .insert_unique(hash(key), i, |&j| hash(self::key(bytes, ends, j)));
        (i, true)
    }

    /// Every key, in order of number.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.ends.len() as u32).map(|i| self.get(i))
    }
}

impl Default for Keys {
    fn default() -> Keys {
        Keys::new()
    }
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(String::from_utf8_lossy))
            .finish()
    }
}

impl Serialize for Keys {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (Bytes(&self.bytes), &self.ends).serialize(s)
    }
}

/// A byte string written as one (not as a sequence of numbers).
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// A byte string read as one.
struct ByteBuf(Vec<u8>);

impl<'de> Deserialize<'de> for ByteBuf {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ByteBuf;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<ByteBuf, E> {
                Ok(ByteBuf(b.to_vec()))
            }
        }
        d.deserialize_byte_buf(V)
    }
}

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (ByteBuf(bytes), ends) = <(ByteBuf, Vec<u32>)>::deserialize(d)?;
        check_ends(&ends, bytes.len()).map_err(D::Error::custom)?;
        let mut keys = Keys {
            bytes,
            ends,
            index: HashTable::new(),
        };
        let (bytes, ends) = (&keys.bytes, &keys.ends);
        keys.index
            .reserve(ends.len(), |&j| hash(key(bytes, ends, j)));
        for i in 0..keys.ends.len() as u32 {
            let k = keys.get(i);
            let h = hash(k);
            if keys.index.find(h, |&j| keys.get(j) == k).is_some() {
                return Err(D::Error::custom(format_args!(
                    "the key {:?} listed twice",
                    String::from_utf8_lossy(k)
                )));
            }
            let (bytes, ends) = (&keys.bytes, &keys.ends);
            keys.index
                .insert_unique(h, i, |&j| hash(key(bytes, ends, j)));
        }
        Ok(keys)
    }
}

/// A map from byte strings to values: [`Keys`], and a value per key.
#[derive(Debug)]
pub(crate) struct KeyMap<V> {
    keys: Keys,
    values: Vec<V>,
}

impl<V> Default for KeyMap<V> {
    fn default() -> KeyMap<V> {
        KeyMap {
            keys: Keys::new(),
            values: Vec::new(),
        }
    }
}

impl<V> KeyMap<V> {
    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<&V> {
        self.keys.find(key).map(|i| &self.values[i as usize])
    }

    /// The value of `key`, added as `V::default()` if new.
    pub(crate) fn entry(&mut self, key: &[u8]) -> &mut V
    where
        V: Default,
    {
        let (i, new) = self.keys.insert(key);
        if new {
            self.values.push(V::default());
        }
        &mut self.values[i as usize]
    }

    /// Every (key, value), in the order added.
    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = (&[u8], &V)> + '_ {
        self.keys.iter().zip(&self.values)
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for KeyMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (keys, values) = <(Keys, Vec<V>)>::deserialize(d)?;
        if values.len() != keys.len() {
            return Err(D::Error::custom(format_args!(
                "{} values for {} keys",
                values.len(),
                keys.len()
            )));
        }
        Ok(KeyMap { keys, values })
    }
}

impl<V: Serialize> Serialize for KeyMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.keys, &self.values).serialize(s)
    }
}

/// A map from byte strings to lists of numbers: [`Keys`], and a list per
/// key in [`Rows`].
#[derive(Debug, Default, Serialize)]
pub(crate) struct KeyRows {
    keys: Keys,
    rows: Rows<u32>,
}

impl KeyRows {
    /// The map of `lists`, each key once.
    pub(crate) fn new<'a>(lists: impl IntoIterator<Item = (&'a [u8], &'a [u32])>) -> KeyRows {
        let mut keys = Keys::new();
        let mut rows = Vec::new();
        for (key, list) in lists {
            let (i, new) = keys.insert(key);
            assert!(new, "each key once");
            debug_assert_eq!(i as usize, rows.len());
            rows.push(list.iter().copied());
        }
        KeyRows {
            keys,
            rows: Rows::new(rows),
        }
    }

    /// The list of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<&[u32]> {
        self.keys.find(key).map(|i| self.rows.get(i as usize))
    }

    /// Whether there are no keys.
    pub(crate) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Every number of every list.
    pub(crate) fn items(&self) -> &[u32] {
        self.rows.items()
    }
}

impl<'de> Deserialize<'de> for KeyRows {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            keys: Keys,
            rows: Rows<u32>,
        }
        let Wire { keys, rows } = Wire::deserialize(d)?;
        rows.check_len(keys.len(), "lists")
            .map_err(|e| D::Error::custom(format_args!("{e} keys")))?;
        Ok(KeyRows { keys, rows })
    }
}

/// A set of words that are slices of texts kept for the whole program (the
/// word lists bundled in the binary, a string kept for good), each word
/// ended in its text by a line end, a tab or the text's end: a hash table
/// of their places, 5 bytes a slot where a `HashSet<&str>` takes 17.
pub(crate) struct StaticWords {
    /// At most four texts.
    texts: Vec<&'static str>,
    /// Each word's text (top two bits) and byte offset in it.
    index: HashTable<u32>,
}

impl StaticWords {
    /// An empty set with room for `words`.
    pub(crate) fn with_capacity(words: usize) -> StaticWords {
        StaticWords {
            texts: Vec::new(),
            index: HashTable::with_capacity(words),
        }
    }

    /// Whether `word` is one of the set's.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.contains_hashed(hash(word.as_bytes()), word.as_bytes())
    }

    /// Whether `word`, of hash `h`, is one of the set's.
    #[inline]
    fn contains_hashed(&self, h: u64, word: &[u8]) -> bool {
        self.index
            .find(h, |&place| {
                let text = self.texts[(place >> 30) as usize].as_bytes();
                let at = (place & ((1 << 30) - 1)) as usize;
                text.get(at..at + word.len()) == Some(word)
                    && matches!(
                        text.get(at + word.len()),
                        None | Some(b'\n' | b'\r' | b'\t')
                    )
            })
            .is_some()
    }

    /// Adds `word`, a slice of `text` that a line end, a tab or the text's
    /// end follows.
    ///
    /// # Panics
    ///
    /// If `word` is not such a slice of `text`, or the set would hold words
    /// of more than four texts.
    pub(crate) fn insert(&mut self, text: &'static str, word: &'static str) {
        let at = (word.as_ptr() as usize)
            .checked_sub(text.as_ptr() as usize)
            .filter(|at| at + word.len() <= text.len() && *at < 1 << 30)
            .expect("a word of the text");
        assert!(
            matches!(
                text.as_bytes().get(at + word.len()),
                None | Some(b'\n' | b'\r' | b'\t')
            ),
            "a word ended by a line end, a tab or the text's end"
        );
        let h = hash(word.as_bytes());
        if self.contains_hashed(h, word.as_bytes()) {
            return;
        }
        let t = match self.texts.iter().position(|x| std::ptr::eq(*x, text)) {
            Some(t) => t,
            None => {
                assert!(self.texts.len() < 4, "words of at most four texts");
                self.texts.push(text);
                self.texts.len() - 1
            }
        };
        let place = (t as u32) << 30 | at as u32;
        let texts = &self.texts;
        self.index
            .insert_unique(h, place, |&p| hash(word_at(texts, p)));
    }
}

/// The word at `place` (see [`StaticWords::index`]) of `texts`.
fn word_at(texts: &[&'static str], place: u32) -> &'static [u8] {
    let text = texts[(place >> 30) as usize].as_bytes();
    let rest = &text[(place & ((1 << 30) - 1)) as usize..];
    &rest[..memchr::memchr3(b'\n', b'\r', b'\t', rest).unwrap_or(rest.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(t: &T) -> Result<T, postcard::Error> {
        postcard::from_bytes(&postcard::to_allocvec(t).unwrap())
    }

    #[test]
    fn rows_hold_lists_in_order() {
        let rows = Rows::new([vec![3, 1], vec![], vec![2]]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.get(0), [3, 1]);
        assert!(rows.get(1).is_empty());
        assert_eq!(rows.get(2), [2]);
        assert!(rows.get(3).is_empty());
        assert_eq!(rows.check_len(3, "lists"), Ok(()));
        assert!(rows.check_len(4, "lists").is_err());
        let back = round_trip(&rows).unwrap();
        assert_eq!((back.ends, back.items), (rows.ends, rows.items));
        let empty: Rows<u32> = Rows::new([vec![], vec![]]);
        assert_eq!(empty.len(), 0);
        assert!(empty.get(1).is_empty());
        assert_eq!(empty.check_len(5, "lists"), Ok(()));
    }

    #[test]
    fn rows_out_of_order_or_past_their_items_are_refused() {
        let bad = |ends: Vec<u32>, items: Vec<u32>| round_trip(&Rows { ends, items }).is_err();
        assert!(bad(vec![2, 1], vec![1, 2]));
        assert!(bad(vec![1, 3], vec![1, 2]));
        assert!(bad(vec![1], vec![1, 2]));
        assert!(!bad(vec![0, 2], vec![1, 2]));
    }

    #[test]
    fn keys_are_numbered_once_in_order() {
        let mut keys = Keys::new();
        assert_eq!(keys.insert(b"kim"), (0, true));
        assert_eq!(keys.insert(b""), (1, true));
        assert_eq!(keys.insert(b"jong"), (2, true));
        assert_eq!(keys.insert(b"kim"), (0, false));
        assert_eq!(keys.find(b"jong"), Some(2));
        assert_eq!(keys.find(b""), Some(1));
        assert_eq!(keys.find(b"un"), None);
        assert_eq!(keys.get(2), b"jong");
        let back = round_trip(&keys).unwrap();
        assert_eq!(
            back.iter().collect::<Vec<_>>(),
            keys.iter().collect::<Vec<_>>()
        );
        assert_eq!(back.find(b"jong"), Some(2));
        let many: Vec<String> = (0..10_000).map(|i| format!("w{i}")).collect();
        let mut keys = Keys::new();
        for w in &many {
            keys.insert(w.as_bytes());
        }
        let back = round_trip(&keys).unwrap();
        assert!(many
            .iter()
            .enumerate()
            .all(|(i, w)| back.find(w.as_bytes()) == Some(i as u32)));
    }

    #[test]
    fn keys_listed_twice_or_past_their_bytes_are_refused() {
        let keys =
            |bytes: &[u8], ends: Vec<u32>| postcard::to_allocvec(&(Bytes(bytes), ends)).unwrap();
        assert!(postcard::from_bytes::<Keys>(&keys(b"abab", vec![2, 4])).is_err());
        assert!(postcard::from_bytes::<Keys>(&keys(b"abc", vec![2, 4])).is_err());
        assert!(postcard::from_bytes::<Keys>(&keys(b"abc", vec![2, 1])).is_err());
        assert!(postcard::from_bytes::<Keys>(&keys(b"abc", vec![2, 3])).is_ok());
    }

    #[test]
    fn static_words_are_found_by_their_text() {
        static LIST: &str = "kim\nlee\r\npark\tx\nchoi";
        let mut set = StaticWords::with_capacity(2);
        for line in LIST.lines() {
            set.insert(LIST, line.split('\t').next().unwrap());
        }
        let more: &'static str = String::leak("jong\nun".to_string());
        set.insert(more, &more[5..]);
        set.insert(LIST, &LIST[..3]);
        for w in ["kim", "lee", "park", "choi", "un"] {
            assert!(set.contains(w), "{w}");
        }
        for w in ["ki", "kimm", "le", "x", "jong", "", "park\tx"] {
            assert!(!set.contains(w), "{w}");
        }
        assert_eq!(set.index.len(), 5);
    }

    #[test]
    fn a_key_map_counts() {
        let mut map: KeyMap<u32> = KeyMap::default();
        *map.entry(b"kim") += 1;
        *map.entry(b"lee") += 1;
        *map.entry(b"kim") += 1;
        assert_eq!(map.get(b"kim"), Some(&2));
        assert_eq!(map.get(b"park"), None);
        assert_eq!(map.iter().count(), 2);
        let back = round_trip(&map).unwrap();
        assert_eq!(
            back.iter().collect::<Vec<_>>(),
            map.iter().collect::<Vec<_>>()
        );
        let short = postcard::to_allocvec(&(&map.keys, vec![1u32])).unwrap();
        assert!(postcard::from_bytes::<KeyMap<u32>>(&short).is_err());
    }
}
