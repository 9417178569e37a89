//! JSON Lines document collections: one document per line.
//!
//! Each non-blank line is a JSON object. Its text field (default `text`,
//! `--text-field`) is the document matched; its id field (default `id`,
//! `--id-field`, a string or a number) is the document's name in output
//! (`doc`). A record without an id is named `<file>:<line>`; an id that
//! an earlier document of the run has is qualified by the pipeline
//! ([`crate::extract`]). Offsets of a
//! mention are into the text field's value: byte offsets into the value as
//! a UTF-8 string (escapes decoded), character offsets into the same string.
//!
//! The date field (default `date`, `--date-field`) gives the document's
//! date ([`crate::date::DateSource::Field`]): a string `YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`, optionally with an ISO 8601 time (`2024-03-05T10:00:00Z`).
//! A record without it, or whose value is anything else (a number, an
//! unreadable string), has no date of its own; this is not an error, the
//! value is simply ignored and the document gets `--date` or the run's date.
//!
//! A line that is not a JSON object, or whose text field is missing or not
//! a string, is an error naming the file and line; the other lines go on.
//! Lines are read one at a time, so a collection of any size runs in
//! bounded memory; a record is held whole while it is parsed (up to
//! `--max-record-size`), and a text bigger than a window is matched in
//! windows ([`super::split`]).
//!
//! # Example
//!
//! ```
//! use gazex::input::jsonl::{parse_line, Fields};
//!
//! let f = Fields::default();
//! let doc = parse_line(br#"{"id": 7, "text": "Caf\u00e9 met Putin"}"#, &f, "docs.jsonl", 1).unwrap();
//! assert_eq!(doc.id, "7");
//! assert_eq!(doc.text, "Café met Putin");
//! ```

use std::path::Path;

use serde_json::Value;

use crate::date::{DateSource, DocDate};
use crate::document::{source_hash, Document};
use crate::InputError;

/// Which fields of a record hold the id, the text and the date.
#[derive(Clone, Debug)]
pub struct Fields {
    /// The id field (default `id`).
    pub id: String,
    /// The text field (default `text`).
    pub text: String,
    /// The date field (default `date`).
    pub date: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".to_string(),
            text: "text".to_string(),
            date: "date".to_string(),
        }
    }
}

/// The document of line `line` (1-based) of `file`, whose bytes are `bytes`
/// (without the line break). Errors name the file and the line.
pub fn parse_line(
    bytes: &[u8],
    fields: &Fields,
    file: &str,
    line: u64,
) -> Result<Document, InputError> {
    let err = |reason: String| InputError::new(Path::new(file), reason).at_line(line);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| err(format!("not a JSON record: {e}")))?;
    let Value::Object(mut record) = value else {
        return Err(err("not a JSON object".to_string()));
    };
    let text = match record.remove(&fields.text) {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(err(format!(
                "field {:?} is not a string but {}",
                fields.text,
                kind(&other)
            )))
        }
        None => return Err(err(format!("no field {:?}", fields.text))),
    };
    let id = match record.get(&fields.id) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => format!("{file}:{line}"),
        Some(other) => {
            return Err(err(format!(
                "field {:?} is neither a string nor a number but {}",
                fields.id,
                kind(&other.clone())
            )))
        }
    };
    let mut doc = Document::plain(id, text);
    if let Some(date) = record
        .get(&fields.date)
        .and_then(Value::as_str)
        .and_then(|s| DocDate::parse(s).ok())
    {
        doc.date = Some(date);
        doc.date_source = DateSource::Field;
    }
    doc.source_len = bytes.len() as u64;
    doc.source_hash = source_hash(bytes);
    doc.file = Some(file.to_string());
    Ok(doc)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_errors() {
        let f = Fields {
            id: "uid".into(),
            text: "body".into(),
            date: "day".into(),
        };
        let d = parse_line(br#"{"uid":"a1","body":"Kim\nJong Un"}"#, &f, "x.jsonl", 3).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("a1", "Kim\nJong Un"));
        let d = parse_line(br#"{"body":"x"}"#, &f, "x.jsonl", 3).unwrap();
        assert_eq!(d.id, "x.jsonl:3");
        for (line, want) in [
            (&b"{bad"[..], "not a JSON record"),
            (b"[1]", "not a JSON object"),
            (br#"{"uid":1}"#, "no field \"body\""),
            (br#"{"uid":1,"body":5}"#, "not a string"),
            (br#"{"uid":[],"body":""}"#, "neither"),
        ] {
            let e = parse_line(line, &f, "x.jsonl", 9).unwrap_err();
            assert!(e.reason.contains(want), "{e}");
            assert_eq!(e.line, Some(9));
            assert!(e.to_string().contains("x.jsonl:9"), "{e}");
        }
    }

    #[test]
    fn date_field() {
        let f = Fields {
            date: "day".into(),
            ..Fields::default()
        };
        // (record, date, source)
        for (line, want, source) in [
            (
                &br#"{"text":"x","day":"1961-04-12"}"#[..],
                Some("1961-04-12"),
                DateSource::Field,
            ),
            (
                br#"{"text":"x","day":"1961-04"}"#,
                Some("1961-04"),
                DateSource::Field,
            ),
            (
                br#"{"text":"x","day":"2024-03-05T10:00:00Z"}"#,
                Some("2024-03-05"),
                DateSource::Field,
            ),
            (
                br#"{"text":"x","day":"12 April 1961"}"#,
                None,
                DateSource::Run,
            ),
            (br#"{"text":"x","day":1961}"#, None, DateSource::Run),
            (br#"{"text":"x","date":"1961"}"#, None, DateSource::Run),
            (br#"{"text":"x"}"#, None, DateSource::Run),
        ] {
            let d = parse_line(line, &f, "x.jsonl", 1).unwrap();
            let got = d.date.map(|d| d.to_string());
            assert_eq!(
                (got.as_deref(), d.date_source),
                (want, source),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }
}
