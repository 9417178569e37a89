//! An entity's properties: every field of its source record other than
//! its names, type and lists, as JSON.
//!
//! [`Properties`] is read and changed as a `serde_json::Map` (it
//! dereferences to one), but a matcher keeps it **packed**: one compact
//! byte string per entity, decoded into a map the first time it is read
//! and kept for later reads. The bundled lists' 21,000 entities hold about
//! 45,000 JSON objects (the record itself, roles, addresses); as maps they
//! take 35 MB in half a million allocations (a B-tree node of 632 bytes
//! for the smallest object), packed 5 MB of bytes in two allocations an
//! entity, and a compiled gazetteer reads them back in a fraction of the
//! time. Few are ever read: at match time the resolver reads those of
//! the entities a document may name, and output those of the mentions
//! written (`--fields`).
//!
//! ```
//! use gazex::gazetteer::Properties;
//! use serde_json::json;
//!
//! let mut p = Properties::new();
//! p.insert("dob".into(), json!(["07 Oct 1952"]));
//! p.insert("gender".into(), "Male".into());
//! p.pack();
//! assert!(p.is_packed());
//! assert_eq!(p["gender"], "Male");
//! assert_eq!(p.keys().collect::<Vec<_>>(), ["dob", "gender"]);
//! assert_eq!(
//!     serde_json::to_string(&p).unwrap(),
//!     r#"{"dob":["07 Oct 1952"],"gender":"Male"}"#
//! );
//! ```
//!
//! # The packed form
//!
//! No bytes for no properties; else the map as a postcard sequence of
//! (key, value) pairs: each key one byte for the fifty-odd names the
//! lists give their fields (a table in this module: adding or moving one
//! changes the packed form, and so the compiled format's version) or the
//! name itself; each value a variant of its kind (`Null`, `Bool`, `U64`,
//! `I64`, `F64`, `Str`, `Array`, `Object`), numbers and strings exactly as
//! the map holds them. Unpacked, a map is equal to the one packed and
//! serializes to the same JSON. It is the properties' form in a compiled
//! gazetteer too, one byte string an entity; a byte string read from a
//! file is checked whole ([`Properties::from_packed`]: every string UTF-8,
//! every key and value of a known kind, nesting at most [`MAX_DEPTH`]
//! deep, nothing left over) before it is kept, so that unpacking it later
//! cannot fail.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::{LazyLock, OnceLock};

use serde::de::{self, DeserializeSeed, EnumAccess, SeqAccess, VariantAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// The deepest nesting of arrays and objects a packed byte string may hold
/// (the entity's own map is level 1), as `serde_json` allows in what it
/// parses.
pub const MAX_DEPTH: usize = 128;

/// An entity's properties (see [the module documentation](self)).
///
/// Dereferences to a `serde_json::Map<String, serde_json::Value>`: read it
/// with `get`, `contains_key`, `iter`, `[key]`, change it with `insert`,
/// `remove`, `get_mut` (a packed one is unpacked first). Serializes as
/// that map; compares equal to another with an equal map, packed or not
/// (and to a `serde_json::Map`). [`Entity::properties`] was a
/// `serde_json::Map` before this type: code that reads or changes it
/// works as it did, save where a map value is wanted: `map.into()` sets
/// one, `properties.into_map()` or `(*properties).clone()` gives one.
///
/// [`Entity::properties`]: super::Entity::properties
#[derive(Default)]
pub struct Properties(Option<Box<Inner>>);

enum Inner {
    Map(Map<String, Value>),
    Packed {
        bytes: Box<[u8]>,
        /// (Boxed: a packed entity's box is 32 bytes, not 48, until read.)
        map: OnceLock<Box<Map<String, Value>>>,
    },
}

/// The map of an entity with no properties.
static EMPTY: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);

impl Properties {
    /// No properties.
    pub fn new() -> Properties {
        Properties(None)
    }

    /// The properties, as a map of their own.
    pub fn into_map(self) -> Map<String, Value> {
        match self.0.map(|b| *b) {
            None => Map::new(),
            Some(Inner::Map(m)) => m,
            Some(Inner::Packed { bytes, map }) => {
                map.into_inner().map_or_else(|| unpack(&bytes), |m| *m)
            }
        }
    }

    /// Packs the properties (see [the module documentation](self)): they
    /// read the same, in less memory, until changed.
    pub fn pack(&mut self) {
        if let Some(Inner::Map(m)) = self.0.as_deref() {
            *self = if m.is_empty() {
                Properties(None)
            } else {
                Properties::packed(pack(m).into_boxed_slice())
            };
        }
    }

    /// Whether the properties are packed (or none).
    pub fn is_packed(&self) -> bool {
        !matches!(self.0.as_deref(), Some(Inner::Map(_)))
    }

    /// Properties from their packed form, checked whole (see [the module
    /// documentation](self#the-packed-form)); the error says what is wrong.
    pub fn from_packed(bytes: &[u8]) -> Result<Properties, String> {
        if bytes.is_empty() {
            return Ok(Properties(None));
        }
        match postcard::take_from_bytes::<CheckPairs>(bytes) {
            Ok((CheckPairs(0), [])) => Ok(Properties(None)),
            Ok((_, [])) => Ok(Properties::packed(bytes.into())),
            Ok((_, rest)) => Err(format!(
                "{} bytes left over after the properties",
                rest.len()
            )),
            Err(e) => Err(format!("properties: {e}")),
        }
    }

    /// The packed form (see [the module documentation](self#the-packed-form)).
    pub fn to_packed(&self) -> Cow<'_, [u8]> {
        match self.0.as_deref() {
            None => Cow::Borrowed(&[]),
            Some(Inner::Map(m)) if m.is_empty() => Cow::Borrowed(&[]),
            Some(Inner::Map(m)) => Cow::Owned(pack(m)),
            Some(Inner::Packed { bytes, .. }) => Cow::Borrowed(bytes),
        }
    }

    /// Packed properties from a form [`pack`] wrote or
    /// [`Properties::from_packed`] checked.
    fn packed(bytes: Box<[u8]>) -> Properties {
        Properties(Some(Box::new(Inner::Packed {
            bytes,
            map: OnceLock::new(),
        })))
    }
}

impl Deref for Properties {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Map<String, Value> {
        match self.0.as_deref() {
            None => &EMPTY,
            Some(Inner::Map(m)) => m,
            Some(Inner::Packed { bytes, map }) => map.get_or_init(|| Box::new(unpack(bytes))),
        }
    }
}

impl DerefMut for Properties {
    fn deref_mut(&mut self) -> &mut Map<String, Value> {
        if !matches!(self.0.as_deref(), Some(Inner::Map(_))) {
            let map = std::mem::take(self).into_map();
            self.0 = Some(Box::new(Inner::Map(map)));
        }
        match self.0.as_deref_mut() {
            Some(Inner::Map(m)) => m,
            _ => unreachable!("made a map just above"),
        }
    }
}

impl From<Map<String, Value>> for Properties {
    fn from(map: Map<String, Value>) -> Properties {
        Properties(Some(Box::new(Inner::Map(map))))
    }
}

impl From<Properties> for Map<String, Value> {
    fn from(p: Properties) -> Map<String, Value> {
        p.into_map()
    }
}

impl FromIterator<(String, Value)> for Properties {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Properties {
        Properties::from(Map::from_iter(iter))
    }
}

impl IntoIterator for Properties {
    type Item = (String, Value);
    type IntoIter = serde_json::map::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.into_map().into_iter()
    }
}

impl<'a> IntoIterator for &'a Properties {
    type Item = (&'a String, &'a Value);
    type IntoIter = serde_json::map::Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Clone for Properties {
    fn clone(&self) -> Properties {
        match self.0.as_deref() {
            None => Properties(None),
            Some(Inner::Map(m)) => Properties::from(m.clone()),
            // (The decoded map is not copied: the copy decodes its own
            // when read.)
            Some(Inner::Packed { bytes, .. }) => Properties::packed(bytes.clone()),
        }
    }
}

impl PartialEq for Properties {
    fn eq(&self, other: &Properties) -> bool {
        **self == **other
    }
}

impl PartialEq<Map<String, Value>> for Properties {
    fn eq(&self, other: &Map<String, Value>) -> bool {
        **self == *other
    }
}

impl PartialEq<Properties> for Map<String, Value> {
    fn eq(&self, other: &Properties) -> bool {
        *self == **other
    }
}

impl fmt::Debug for Properties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl Serialize for Properties {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Properties {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Properties, D::Error> {
        Map::deserialize(d).map(Properties::from)
    }
}

/// The packed form of `map`.
fn pack(map: &Map<String, Value>) -> Vec<u8> {
    postcard::to_allocvec(&Seq(map.iter().map(|(k, v)| (KeyRef(k), JsonRef(v)))))
        .expect("a JSON map always packs")
}

/// The map of a packed form checked by [`Properties::from_packed`] or
/// written by [`pack`].
fn unpack(bytes: &[u8]) -> Map<String, Value> {
    PairsSeed
        .deserialize(&mut postcard::Deserializer::from_bytes(bytes))
        .expect("packed properties are checked before they are kept")
}

/// The variants [`JsonRef`] writes, by index: `Null`, `Bool`, `U64`,
/// `I64`, `F64`, `Str`, `Array`, `Object`.
const VARIANTS: &[&str] = &[
    "Null", "Bool", "U64", "I64", "F64", "Str", "Array", "Object",
];

/// The keys the lists gazex reads and merges give their records' fields
/// and the objects in them, most frequent first: packed as their place in
/// this table (one byte), any other key as a string. The table is part of
/// the packed form: a key added or moved changes it (and the compiled
/// format's version).
const KEYS: [&str; 53] = [
    "country",
    "remarks",
    "city",
    "addresses",
    "address",
    "dob",
    "role",
    "source",
    "as_of",
    "current",
    "roles",
    "linked_to",
    "linked_to_ids",
    "nationality",
    "gender",
    "pob",
    "title",
    "passport",
    "start",
    "wikidata",
    "citizenship",
    "listed_on",
    "un_dataid",
    "un_ref",
    "imo",
    "end",
    "vessel_flag",
    "party",
    "vessel_type",
    "state",
    "birth_date",
    "district",
    "bioguide",
    "type",
    "number",
    "documents",
    "pob_alt",
    "call_sign",
    "issuing_country",
    "note",
    "honorific",
    "date_of_issue",
    "grt",
    "country_of_issue",
    "type_detail",
    "tonnage",
    "city_of_issue",
    "remarks_truncated",
    "vessel_owner",
    "imo_alt",
    "sources",
    "same_as",
    "prominent",
];

/// Writes a key: variant 1 + its place in [`KEYS`], or variant 0 with the
/// key itself.
struct KeyRef<'a>(&'a str);

impl Serialize for KeyRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match KEYS.iter().position(|k| *k == self.0) {
            Some(i) => s.serialize_unit_variant("Key", i as u32 + 1, KEYS[i]),
            None => s.serialize_newtype_variant("Key", 0, "Other", self.0),
        }
    }
}

/// Reads what [`KeyRef`] wrote.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_enum("Key", &[], KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Key, A::Error> {
        let (index, v): (u32, _) = data.variant()?;
        if index == 0 {
            return v.newtype_variant().map(Key);
        }
        v.unit_variant()?;
        known_key(index).map(|k| Key(k.to_string()))
    }
}

/// The key of variant `index` (1 and up) of [`KeyRef`].
fn known_key<E: de::Error>(index: u32) -> Result<&'static str, E> {
    KEYS.get(index as usize - 1).copied().ok_or_else(|| {
        E::invalid_value(
            de::Unexpected::Unsigned(index.into()),
            &"a property name's place in the table",
        )
    })
}

/// A key, checked and not kept.
struct CheckKey;

impl<'de> DeserializeSeed<'de> for CheckKey {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_enum("Key", &[], self)
    }
}

impl<'de> Visitor<'de> for CheckKey {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (index, v): (u32, _) = data.variant()?;
        if index == 0 {
            return v.newtype_variant_seed(CheckStr);
        }
        v.unit_variant()?;
        known_key(index).map(drop)
    }
}

/// Writes a `serde_json::Value` as a variant of its kind.
struct JsonRef<'a>(&'a Value);

impl Serialize for JsonRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const NAME: &str = "Json";
        match self.0 {
            Value::Null => s.serialize_unit_variant(NAME, 0, "Null"),
            Value::Bool(b) => s.serialize_newtype_variant(NAME, 1, "Bool", b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => s.serialize_newtype_variant(NAME, 2, "U64", &u),
                (None, Some(i), _) => s.serialize_newtype_variant(NAME, 3, "I64", &i),
                (None, None, x) => {
                    s.serialize_newtype_variant(NAME, 4, "F64", &x.unwrap_or(f64::NAN))
                }
            },
            Value::String(v) => s.serialize_newtype_variant(NAME, 5, "Str", v),
            Value::Array(a) => {
                s.serialize_newtype_variant(NAME, 6, "Array", &Seq(a.iter().map(JsonRef)))
            }
            Value::Object(o) => s.serialize_newtype_variant(
                NAME,
                7,
                "Object",
                &Seq(o.iter().map(|(k, v)| (KeyRef(k), JsonRef(v)))),
            ),
        }
    }
}

/// A sequence written from an iterator.
struct Seq<I>(I);

impl<I> Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

/// Reads what [`JsonRef`] wrote into a `serde_json::Value`.
struct Json(Value);

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_enum("Json", VARIANTS, JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Json, A::Error> {
        let (index, v): (u32, _) = data.variant()?;
        Ok(Json(match index {
            0 => {
                v.unit_variant()?;
                Value::Null
            }
            1 => Value::Bool(v.newtype_variant()?),
            2 => Value::from(v.newtype_variant::<u64>()?),
            3 => Value::from(v.newtype_variant::<i64>()?),
            // (A JSON value holds no NaN or infinity; a corrupt one reads
            // as null.)
            4 => serde_json::Number::from_f64(v.newtype_variant()?)
                .map_or(Value::Null, Value::Number),
            5 => Value::String(v.newtype_variant()?),
            6 => Value::Array(
                v.newtype_variant::<Vec<Json>>()?
                    .into_iter()
                    .map(|j| j.0)
                    .collect(),
            ),
            7 => Value::Object(v.newtype_variant_seed(PairsSeed)?),
            n => return Err(bad_variant(n)),
        }))
    }
}

fn bad_variant<E: de::Error>(n: u32) -> E {
    E::invalid_value(
        de::Unexpected::Unsigned(n.into()),
        &"a JSON value variant (0 to 7)",
    )
}

/// A sequence of (key, [`Json`]) pairs read into a JSON object.
struct Pairs;

impl<'de> Visitor<'de> for Pairs {
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence of (key, value) pairs")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut map = Map::new();
        while let Some((Key(k), Json(v))) = seq.next_element::<(Key, Json)>()? {
            map.insert(k, v);
        }
        Ok(map)
    }
}

struct PairsSeed;

impl<'de> DeserializeSeed<'de> for PairsSeed {
    type Value = Map<String, Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(Pairs)
    }
}

/// Reads a packed form as [`Pairs`] would, keeping nothing: the number of
/// pairs at the top.
struct CheckPairs(usize);

impl<'de> Deserialize<'de> for CheckPairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Check { depth: 1 }.pairs(d).map(CheckPairs)
    }
}

/// What [`CheckPairs`] reads at one depth.
#[derive(Clone, Copy)]
struct Check {
    depth: usize,
}

impl Check {
    fn pairs<'de, D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(format_args!(
                "nested more than {MAX_DEPTH} deep"
            )));
        }
        d.deserialize_seq(CheckSeq {
            check: self,
            pairs: true,
        })
    }
}

/// A sequence of pairs (`pairs`) or of values, checked.
struct CheckSeq {
    check: Check,
    pairs: bool,
}

impl<'de> Visitor<'de> for CheckSeq {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence of JSON values or (key, value) pairs")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut n = 0;
        loop {
            let more = if self.pairs {
                seq.next_element_seed(CheckPair(self.check))?
            } else {
                seq.next_element_seed(self.check)?
            };
            if more.is_none() {
                return Ok(n);
            }
            n += 1;
        }
    }
}

/// A (key, value) pair, checked.
struct CheckPair(Check);

impl<'de> DeserializeSeed<'de> for CheckPair {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_tuple(2, self)
    }
}

impl<'de> Visitor<'de> for CheckPair {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a (key, value) pair")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let missing = || de::Error::invalid_length(0, &"a (key, value) pair");
        seq.next_element_seed(CheckKey)?.ok_or_else(missing)?;
        seq.next_element_seed(self.0)?.ok_or_else(missing)?;
        Ok(())
    }
}

/// A string, checked (UTF-8) and not kept.
struct CheckStr;

impl<'de> DeserializeSeed<'de> for CheckStr {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for CheckStr {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
}

/// One JSON value, checked and not kept.
impl<'de> DeserializeSeed<'de> for Check {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_enum("Json", VARIANTS, self)
    }
}

impl<'de> Visitor<'de> for Check {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (index, v): (u32, _) = data.variant()?;
        let inner = Check {
            depth: self.depth + 1,
        };
        match index {
            0 => v.unit_variant(),
            1 => v.newtype_variant::<bool>().map(drop),
            2 => v.newtype_variant::<u64>().map(drop),
            3 => v.newtype_variant::<i64>().map(drop),
            4 => v.newtype_variant::<f64>().map(drop),
            5 => v.newtype_variant_seed(CheckStr),
            6 | 7 if inner.depth > MAX_DEPTH => Err(de::Error::custom(format_args!(
                "nested more than {MAX_DEPTH} deep"
            ))),
            6 => v
                .newtype_variant_seed(SeqSeed(CheckSeq {
                    check: inner,
                    pairs: false,
                }))
                .map(drop),
            7 => v
                .newtype_variant_seed(SeqSeed(CheckSeq {
                    check: inner,
                    pairs: true,
                }))
                .map(drop),
            n => Err(bad_variant(n)),
        }
    }
}

/// Reads a sequence with its visitor.
struct SeqSeed(CheckSeq);

impl<'de> DeserializeSeed<'de> for SeqSeed {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_seq(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Map<String, Value> {
        let Value::Object(map) = json!({
            "dob": ["07 Oct 1952"],
            "roles": [{"role": "President", "start": "2012-05-07", "current": true}],
            "numbers": {"u": 18446744073709551615u64, "i": -42, "f": 1.5, "z": 0.1, "n": null},
            "nested": [[], {}, [{"a": ["ü", "日本"]}]],
            "gender": "Male",
        }) else {
            unreachable!()
        };
        map
    }

    #[test]
    fn packed_reads_and_writes_as_the_map() {
        let map = sample();
        let mut p = Properties::from(map.clone());
        assert!(!p.is_packed());
        let json = serde_json::to_string(&p).unwrap();
        p.pack();
        assert!(p.is_packed());
        assert_eq!(*p, map);
        assert_eq!(p, Properties::from(map.clone()));
        assert_eq!(serde_json::to_string(&p).unwrap(), json);
        assert_eq!(p["gender"], "Male");
        let bytes = p.to_packed();
        let back = Properties::from_packed(&bytes).unwrap();
        assert!(back.is_packed());
        assert_eq!(back.clone().into_map(), map);
        // Changed, it is a map again.
        let mut changed = back;
        changed.insert("imo".into(), "9187629".into());
        assert!(!changed.is_packed());
        assert_eq!(changed.len(), map.len() + 1);
    }

    #[test]
    fn a_known_key_packs_to_one_byte() {
        let p: Properties = [("country".to_string(), Value::Null)].into_iter().collect();
        assert_eq!(*p.to_packed(), [1, 1, 0]);
        let p: Properties = [("k".to_string(), Value::Null)].into_iter().collect();
        assert_eq!(*p.to_packed(), [1, 0, 1, b'k', 0]);
        assert_eq!(
            Properties::from_packed(&[1, 1, 0]).unwrap().into_map(),
            json!({"country": null}).as_object().unwrap().clone()
        );
    }

    #[test]
    fn none_is_empty_everywhere() {
        let mut p = Properties::new();
        assert!(p.is_empty() && p.is_packed());
        assert_eq!(serde_json::to_string(&p).unwrap(), "{}");
        let bytes = p.to_packed();
        assert!(bytes.is_empty());
        assert!(Properties::from_packed(&bytes).unwrap().0.is_none());
        p.pack();
        assert!(p.0.is_none());
        let mut empty = Properties::from(Map::new());
        empty.pack();
        assert!(empty.0.is_none());
    }

    #[test]
    fn a_bad_packed_form_is_refused() {
        let bytes = Properties::from(sample()).to_packed().into_owned();
        for len in 1..bytes.len() {
            assert!(Properties::from_packed(&bytes[..len]).is_err(), "{len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Properties::from_packed(&longer)
            .unwrap_err()
            .contains("1 bytes left over"));
        // Every changed byte is refused or reads as some map.
        for at in 0..bytes.len() {
            for value in [0x00, 0x08, 0x7f, 0xc3, 0xff] {
                let mut bad = bytes.clone();
                bad[at] = value;
                if let Ok(p) = Properties::from_packed(&bad) {
                    let _ = p.len();
                }
            }
        }
        // An unknown kind of value; a string that is not UTF-8.
        assert!(Properties::from_packed(&[1, 0, 1, b'k', 8]).is_err());
        assert!(Properties::from_packed(&[1, 0, 1, 0xff, 0]).is_err());
        assert!(Properties::from_packed(&[1, 0, 1, b'k', 5, 1, 0xff]).is_err());
        // A key out of the table.
        assert!(Properties::from_packed(&[1, 1, 0]).is_ok());
        assert!(Properties::from_packed(&[1, KEYS.len() as u8, 0]).is_ok());
        assert!(Properties::from_packed(&[1, KEYS.len() as u8 + 1, 0]).is_err());
    }

    #[test]
    fn nesting_is_limited() {
        // {"k": [[[…]]]} with arrays `depth` deep.
        let packed = |depth: usize| {
            let mut bytes = vec![1, 0, 1, b'k'];
            for _ in 0..depth - 1 {
                bytes.extend([6, 1]);
            }
            bytes.extend([6, 0]);
            bytes
        };
        let ok = Properties::from_packed(&packed(MAX_DEPTH - 1)).unwrap();
        assert_eq!(ok.len(), 1);
        assert!(Properties::from_packed(&packed(MAX_DEPTH)).is_err());
        assert!(Properties::from_packed(&packed(100_000)).is_err());
    }
}
