//! The native gazetteer format: JSON Lines, one [`Entity`] per line.
//!
//! ```text
//! {"id": "ofac-44579", "name": "Versor S.R.O.", "type": "organization", "lists": ["DPRK"]}
//! {"id": "ofac-20157", "name": "Kim Jong Un", "type": "person", "name_order": "family_first",
//!  "aliases": ["KIM, Jong Un", {"name": "Jong Un", "weak": true}], "lists": ["DPRK3"]}
//! ```
//!
//! | field | required | meaning |
//! |---|---|---|
//! | `id` | yes | stable id, carrying the source's own id (`ofac-41736`) |
//! | `name` | yes | display name, as the press writes it |
//! | `type` | yes | `person`, `organization`, `vessel`, `aircraft`, or another kind |
//! | `aliases` | no | other forms: strings, or objects `{"name", "weak", "kind", "policy", "order"}` |
//! | `lists` | no | programs or registers the entity is on |
//! | `name_order` | no | `given_first` or `family_first`, for the display name of a person |
//! | `match_policy` | no | `auto` (default), `always`, `evidence` or `never`, for the display name |
//! | anything else | no | kept as a property (`role`, `country`, `dob`, …) |
//!
//! Blank lines and lines starting with `//` are skipped. A malformed line is
//! an error naming the file and the line.

use std::io::BufRead;
use std::path::Path;

use super::{Entity, GazetteerError};

/// Reads a native gazetteer file, returning each entity with its 1-based line.
pub fn read_file(path: &Path) -> Result<Vec<(u64, Entity)>, GazetteerError> {
    let file = std::fs::File::open(path).map_err(|e| GazetteerError::io(path, e))?;
    read(std::io::BufReader::new(file), path)
}

/// Reads native gazetteer lines from any reader; `path` is used in errors.
pub fn read<R: BufRead>(reader: R, path: &Path) -> Result<Vec<(u64, Entity)>, GazetteerError> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let lineno = i as u64 + 1;
        let line = line.map_err(|e| GazetteerError::io(path, e))?;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        let entity: Entity =
            serde_json::from_str(trimmed).map_err(|e| GazetteerError::json(path, lineno, e))?;
        if entity.id.trim().is_empty() {
            return Err(GazetteerError::missing(path, lineno, "id"));
        }
        if entity.name.trim().is_empty() {
            return Err(GazetteerError::missing(path, lineno, "name"));
        }
        out.push((lineno, entity));
    }
    Ok(out)
}

/// Writes entities as native JSON Lines.
pub fn write<W: std::io::Write>(mut w: W, entities: &[Entity]) -> std::io::Result<()> {
    for e in entities {
        serde_json::to_writer(&mut w, e)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{EntityType, MatchPolicy, NameOrder};

    fn parse(s: &str) -> Result<Vec<(u64, Entity)>, GazetteerError> {
        read(s.as_bytes(), Path::new("test.jsonl"))
    }

    #[test]
    fn reads_entities_with_plain_and_object_aliases() {
        let got = parse(concat!(
            "{\"id\":\"a\",\"name\":\"Kim Jong Un\",\"type\":\"person\",\"name_order\":\"family_first\",",
            "\"aliases\":[\"KIM, Jong Un\",{\"name\":\"Jong Un\",\"weak\":true,\"policy\":\"never\"}],",
            "\"lists\":[\"DPRK3\"],\"role\":\"Chairman\"}\n",
            "\n// comment\n",
            "{\"id\":\"b\",\"name\":\"Versor S.R.O.\",\"type\":\"entity\"}\n",
        ))
        .unwrap();
        assert_eq!(got.len(), 2);
        let (line, a) = &got[0];
        assert_eq!(*line, 1);
        assert_eq!(a.kind, EntityType::Person);
        assert_eq!(a.name_order, Some(NameOrder::FamilyFirst));
        assert_eq!(a.aliases[0].name, "KIM, Jong Un");
        assert!(!a.aliases[0].weak);
        assert!(a.aliases[1].weak);
        assert_eq!(a.aliases[1].policy, MatchPolicy::Never);
        assert_eq!(a.properties["role"], "Chairman");
        assert_eq!(got[1].0, 4);
        assert_eq!(got[1].1.kind, EntityType::Organization);
    }

    #[test]
    fn round_trips() {
        let got = parse("{\"id\":\"a\",\"name\":\"N\",\"type\":\"vessel\",\"aliases\":[\"M\",{\"name\":\"W\",\"weak\":true}],\"imo\":\"9\"}").unwrap();
        let mut buf = Vec::new();
        write(&mut buf, &[got[0].1.clone()]).unwrap();
        let again = parse(std::str::from_utf8(&buf).unwrap()).unwrap();
        assert_eq!(again[0].1, got[0].1);
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let err =
            parse("{\"id\":\"a\",\"name\":\"N\",\"type\":\"person\"}\n{not json\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
        let msg = err.to_string();
        assert!(msg.starts_with("test.jsonl:2: "), "{msg}");
    }

    #[test]
    fn empty_name_is_an_error() {
        let err = parse("{\"id\":\"a\",\"name\":\"  \",\"type\":\"person\"}").unwrap_err();
        assert!(err.to_string().contains("\"name\""), "{err}");
        let err = parse("{\"name\":\"x\",\"type\":\"person\"}").unwrap_err();
        assert!(err.to_string().contains("id"), "{err}");
    }
}
