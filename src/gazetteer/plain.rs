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
    let mut reader = reader;
    // (One buffer for every line, where `BufRead::split` allocates one a
    // line; the lines are the ones it gives.)
    let mut bytes = Vec::new();
    let mut lineno = 0u64;
    loop {
        bytes.clear();
        let n = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|e| GazetteerError::io(path, e))?;
        if n == 0 {
            break;
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        lineno += 1;
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
                line_id(&stem, lineno),
                name,
                EntityType::Other("unknown".to_string()),
            ),
        ));
    }
    Ok(out)
}

/// The id of the entity on line `lineno` of the list `stem`:
/// `{stem}:{lineno}`, written by hand (`format!` costs about a thousand
/// instructions a line: 2.4% of a whole run at 20,000 names).
fn line_id(stem: &str, lineno: u64) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = lineno;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(stem.len() + 1 + digits.len() - at);
    id.push_str(stem);
    id.push(':');
    id.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
    id
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
    fn line_ids_as_format_writes_them() {
        for (stem, lineno) in [
            ("names", 1),
            ("x", 9),
            ("x", 10),
            ("", 0),
            ("a:b", u64::MAX),
        ] {
            assert_eq!(line_id(stem, lineno), format!("{stem}:{lineno}"));
        }
    }

    /// The entities of `text` read line by line as `BufRead::split` gives
    /// the lines, with `format!`'s ids: what [`read`] must give.
    fn read_by_split(text: &[u8], stem: &str) -> Vec<(u64, String, String)> {
        let mut out = Vec::new();
        for (i, line) in BufRead::split(text, b'\n').enumerate() {
            let lineno = i as u64 + 1;
            let line = String::from_utf8(line.unwrap()).unwrap();
            let name = line.trim().trim_start_matches('\u{feff}');
            if !name.is_empty() && !name.starts_with('#') {
                out.push((lineno, format!("{stem}:{lineno}"), name.to_string()));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn lines_and_ids_as_split_and_format_give_them(
            text in "[a \r\n#\u{e9}\u{feff}]{0,40}",
            stem in "[a-z:]{0,3}",
        ) {
            let path = format!("dir/{stem}.txt");
            let got: Vec<_> = read(text.as_bytes(), Path::new(&path))
                .unwrap()
                .into_iter()
                .map(|(l, e)| (l, e.id, e.name))
                .collect();
            let stem = Path::new(&path).file_stem().and_then(|s| s.to_str()).unwrap_or("list");
            proptest::prop_assert_eq!(got, read_by_split(text.as_bytes(), stem));
        }
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = read(&b"ok\nbad \xff\n"[..], Path::new("l.txt")).unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }
}
