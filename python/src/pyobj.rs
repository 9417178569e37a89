//! Records as Python objects, built from their serde serialization
//! directly: the objects `json.loads` makes of the JSON `gazex extract`
//! writes, without the JSON.
//!
//! A record serializes once, as for the CLI, but into a
//! [`serde::Serializer`] that builds Python objects: a struct or a map
//! becomes a `dict` (keys in serialization order, the order of the JSON
//! text), a sequence a `list`, a string a `str`, an integer an `int`, a
//! float a `float`, `None` and unit `None`. Where `serde_json` writes
//! something particular, the same value is made: a float that is not
//! finite is `null` (`None`), an `f32` is written with the shortest digits
//! that read back as it (so it is the `float` of those digits, as
//! `json.loads` reads them), bytes are an array of numbers, an enum's
//! variant with data is a one-key object, and a map key that is not a
//! string is the text `serde_json` writes for it. Struct field names are
//! `&'static str`: each becomes an interned Python `str` once per
//! [`Keys`] and is reused.

use std::collections::HashMap;
use std::fmt;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};

/// The Python `str`s of struct field names, made once and reused (keyed
/// by the name's address: field names are `&'static str`).
#[derive(Default)]
pub struct Keys {
    names: HashMap<(usize, usize), Py<PyString>>,
}

impl Keys {
    fn get<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        self.names
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
            .clone()
    }
}

/// `value` as the Python object `json.loads(serde_json::to_string(value))`
/// gives.
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    keys: &mut Keys,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser { py, keys }).map_err(|e| e.0)
}

/// A Python exception met while building, or a value JSON cannot hold.
pub struct Error(PyErr);

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Error {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

type Result<T> = std::result::Result<T, Error>;

struct Ser<'a, 'py> {
    py: Python<'py>,
    keys: &'a mut Keys,
}

impl<'py> Ser<'_, 'py> {
    fn object<T: IntoPyObjectExt<'py>>(&self, v: T) -> Result<Bound<'py, PyAny>> {
        Ok(v.into_bound_py_any(self.py)?)
    }

    /// `{variant: value}`, as `serde_json` writes an enum's variant with data.
    fn variant(
        &mut self,
        variant: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>> {
        let d = PyDict::new(self.py);
        d.set_item(self.keys.get(self.py, variant), value)?;
        Ok(d.into_any())
    }
}

impl<'a, 'py> ser::Serializer for Ser<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        self.object(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        // The shortest digits that read back as `v` (what serde_json
        // writes), read as a double (what json.loads makes of them).
        let v: f64 = v
            .to_string()
            .parse()
            .map_err(<Error as ser::Error>::custom)?;
        self.object(v)
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        self.object(v)
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        let mut buf = [0; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.keys.get(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let inner = value.serialize(Ser {
            py: self.py,
            keys: &mut *self.keys,
        })?;
        self.variant(variant, inner)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(Seq {
            ser: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        let dict = PyDict::new(self.py);
        Ok(Map {
            ser: self,
            dict,
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self::SerializeStruct> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

struct Seq<'a, 'py> {
    ser: Ser<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    /// A tuple variant's name: the list is wrapped in `{variant: …}`.
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let v = value.serialize(Ser {
            py: self.ser.py,
            keys: &mut *self.ser.keys,
        })?;
        self.items.push(v);
        Ok(())
    }

    fn finish(mut self) -> Result<Bound<'py, PyAny>> {
        let list = PyList::new(self.ser.py, std::mem::take(&mut self.items))?.into_any();
        match self.variant {
            Some(variant) => self.ser.variant(variant, list),
            None => Ok(list),
        }
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

struct Map<'a, 'py> {
    ser: Ser<'a, 'py>,
    dict: Bound<'py, PyDict>,
    /// A map's key, serialized, waiting for its value.
    key: Option<Bound<'py, PyAny>>,
    /// A struct variant's name: the dict is wrapped in `{variant: …}`.
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<Bound<'py, PyAny>> {
        value.serialize(Ser {
            py: self.ser.py,
            keys: &mut *self.ser.keys,
        })
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        let v = self.value(value)?;
        self.dict.set_item(self.ser.keys.get(self.ser.py, key), v)?;
        Ok(())
    }

    fn finish(mut self) -> Result<Bound<'py, PyAny>> {
        let dict = self.dict.clone().into_any();
        match self.variant {
            Some(variant) => self.ser.variant(variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let k = self.value(key)?;
        let k = if k.is_instance_of::<PyString>() {
            k
        } else {
            // serde_json writes a key that is not a string as text (a
            // number's digits, `true`), or refuses it.
            match serde_json::to_value(key).map_err(<Error as ser::Error>::custom)? {
                serde_json::Value::String(s) => PyString::new(self.ser.py, &s).into_any(),
                v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_)) => {
                    PyString::new(self.ser.py, &v.to_string()).into_any()
                }
                _ => return Err(ser::Error::custom("a map key must be a string")),
            }
        };
        self.key = Some(k);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let k = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        let v = self.value(value)?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}
