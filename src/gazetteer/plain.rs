//! Plain name lists: one name per line, for quick lists and benchmarks.
//!
//! Each non-blank line that does not start with `#` becomes one entity of
//! type `unknown`, named by the line (trimmed), with id `<file stem>:<line>`.
//! Files that are not UTF-8 are an error naming the line.

use std::io::BufRead;
use std::path::Path;

use super::{Entity, EntityType, GazetteerError};

/// Reads a plain list, returning each entity with its 1-based line.
pub fn read_file(path: &Path) -> Result<Vec<(u64, Entity)>, GazetteerError> {
    let file = std::fs::File::open(path).map_err(|e| GazetteerError::io(path, e))?;
    read(std::io::BufReader::new(file), path)
}

/// Reads a plain list from any reader; `path` names the ids and errors.
pub fn read<R: BufRead>(reader: R, path: &Path) -> Result<Vec<(u64, Entity)>, GazetteerError> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("list")
        .to_string();
    let mut out = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let lineno = i as u64 + 1;
        let bytes = line.map_err(|e| GazetteerError::io(path, e))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            GazetteerError::invalid(
                path,
                Some(lineno),
                format!("not UTF-8 (byte {} of the line)", e.valid_up_to() + 1),
            )
        })?;
        let name = text.trim().trim_start_matches('\u{feff}');
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        out.push((
            lineno,
            Entity::new(
                format!("{stem}:{lineno}"),
                name,
                EntityType::Other("unknown".to_string()),
            ),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entity_per_line() {
        let got = read(
            "# names\nAshot Mkrtychev\r\n\n  Versor S.R.O.  \n".as_bytes(),
            Path::new("x/names.txt"),
        )
        .unwrap();
        let names: Vec<_> = got
            .iter()
            .map(|(l, e)| (*l, e.id.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                (2, "names:2", "Ashot Mkrtychev"),
                (4, "names:4", "Versor S.R.O.")
            ]
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = read(&b"ok\nbad \xff\n"[..], Path::new("l.txt")).unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }
}
