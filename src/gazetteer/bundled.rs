//! The bundled gazetteers, carried inside the library and so inside every
//! `gazex` binary.
//!
//! The build script (`build.rs`) gzip-compresses each gazetteer file
//! directly in the repository's `gazetteers/` folder (the files `-g
//! gazetteers` loads, in the same name order) and this module includes the
//! compressed bytes with `include_bytes!`. Loading them
//! ([`Gazetteer::add_bundled`]) decompresses and parses each list as it
//! streams, and gives the same entities, in the same order, as loading the
//! folder: `gazex extract` with no `-g` and `gazex extract -g gazetteers`
//! write the same bytes (asserted by `tests/bundled.rs`).
//!
//! Entities of a bundled list are placed at `bundled:<file name>` (the
//! [`Origin`] path, in warnings and errors), the same spelling `-g
//! bundled:<file name>` takes.
//!
//! The date of each list's data and its licence come from the table in
//! `gazetteers/SOURCES.md`, embedded too ([`Bundled::info`]).

use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::{format_of, native, plain, Format, Gazetteer, GazetteerError, Origin};

/// A bundled file as the build script lists it.
struct Raw {
    /// The file name in `gazetteers/`.
    name: &'static str,
    /// Its size uncompressed.
    len: u64,
    /// The gzip-compressed file.
    gz: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// `gazetteers/SOURCES.md`, where each bundled list's origin, date and
/// licence are given.
const SOURCES_MD: &str = include_str!("../../gazetteers/SOURCES.md");

/// The prefix of a bundled list's origin path and of its `-g` spelling.
pub const PREFIX: &str = "bundled:";

/// One gazetteer file carried inside the binary.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    raw: &'static Raw,
}

impl std::fmt::Debug for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Raw")
            .field("name", &self.name)
            .field("len", &self.len)
            .field("gz", &self.gz.len())
            .finish()
    }
}

/// Every bundled list, in load order (file name order).
pub fn lists() -> impl ExactSizeIterator<Item = Bundled> {
    FILES.iter().map(|raw| Bundled { raw })
}

/// The bundled list with this file name (`ofac-sdn.jsonl`).
pub fn get(name: &str) -> Option<Bundled> {
    lists().find(|b| b.name() == name)
}

impl Bundled {
    /// The file name it had in `gazetteers/` (`ofac-sdn.jsonl`).
    pub fn name(&self) -> &'static str {
        self.raw.name
    }

    /// Where its entities are placed: `bundled:<file name>`.
    pub fn origin_path(&self) -> PathBuf {
        PathBuf::from(format!("{PREFIX}{}", self.raw.name))
    }

    /// Its size in bytes, uncompressed.
    pub fn len(&self) -> u64 {
        self.raw.len
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.raw.len == 0
    }

    /// Its size in bytes inside the binary (gzip-compressed).
    pub fn compressed_len(&self) -> usize {
        self.raw.gz.len()
    }

    /// Its row of `gazetteers/SOURCES.md`: date of the data, licence.
    pub fn info(&self) -> Option<SourceInfo> {
        SourceInfo::find(SOURCES_MD, self.raw.name)
    }

    /// Decompresses and parses the list: each entity with its 1-based line.
    pub fn read(&self) -> Result<Vec<(u64, super::Entity)>, GazetteerError> {
        let path = self.origin_path();
        let reader = BufReader::with_capacity(1 << 16, flate2::read::GzDecoder::new(self.raw.gz));
        match format_of(Path::new(self.raw.name)) {
            Some(Format::Native) => native::read(reader, &path),
            Some(Format::Plain) => plain::read(reader, &path),
            // build.rs bundles only the extensions format_of knows.
            None => Err(GazetteerError::invalid(
                &path,
                None,
                "unknown gazetteer format (expected .jsonl, .json or .txt)",
            )),
        }
    }
}

impl Gazetteer {
    /// Every bundled list, loaded as `-g gazetteers` loads the folder they
    /// were built from.
    ///
    /// ```
    /// let g = gazex::gazetteer::Gazetteer::bundled().unwrap();
    /// assert!(g.get("ofac-35096").is_some()); // Vladimir Putin
    /// ```
    pub fn bundled() -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::new();
        g.add_bundled()?;
        Ok(g)
    }

    /// Adds every bundled list, in file name order.
    pub fn add_bundled(&mut self) -> Result<(), GazetteerError> {
        for b in lists() {
            self.add_bundled_list(b)?;
        }
        Ok(())
    }

    /// Adds one bundled list.
    pub fn add_bundled_list(&mut self, list: Bundled) -> Result<(), GazetteerError> {
        let path: std::sync::Arc<std::path::Path> = list.origin_path().into();
        for (line, e) in list.read()? {
            self.push(
                e,
                Origin {
                    path: path.clone(),
                    line,
                },
            );
        }
        Ok(())
    }
}

/// A gazetteer file's row in a `SOURCES.md` table: where its data comes
/// from, of when, under which licence. Markdown emphasis and code marks
/// are removed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceInfo {
    /// The entities column as written (`14,965 (6,854 persons, …)`).
    pub entities: String,
    /// What the file was converted from.
    pub converted_from: String,
    /// The date of the data.
    pub date: String,
    /// The licence.
    pub license: String,
}

impl SourceInfo {
    /// The row for `file` in the table of `sources` (a `SOURCES.md`
    /// text): the first Markdown table whose header has the columns
    /// `file`, `date of the data` and `license`, and the row whose `file`
    /// cell is the file name (in backticks or not).
    pub fn find(sources: &str, file: &str) -> Option<SourceInfo> {
        let mut columns: Option<Vec<String>> = None;
        for line in sources.lines() {
            let line = line.trim();
            if !line.starts_with('|') {
                if columns.is_some() {
                    // The table has ended.
                    return None;
                }
                continue;
            }
            let cells = cells(line);
            match &columns {
                None => {
                    let names: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
                    if names.iter().any(|c| c == "file")
                        && names.iter().any(|c| c == "date of the data")
                        && names.iter().any(|c| c == "license")
                    {
                        columns = Some(names);
                    }
                }
                Some(names) => {
                    let cell = |name: &str| {
                        names
                            .iter()
                            .position(|c| c == name)
                            .and_then(|i| cells.get(i))
                            .cloned()
                            .unwrap_or_default()
                    };
                    if cell("file") == file {
                        return Some(SourceInfo {
                            entities: cell("entities"),
                            converted_from: cell("converted from"),
                            date: cell("date of the data"),
                            license: cell("license"),
                        });
                    }
                }
            }
        }
        None
    }
}

/// The cells of a Markdown table row, trimmed, without `**` and backticks.
fn cells(row: &str) -> Vec<String> {
    let row = row.trim().trim_start_matches('|').trim_end_matches('|');
    row.split('|')
        .map(|c| c.replace("**", "").replace('`', "").trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lists_are_the_gazetteer_files_of_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && format_of(p).is_some())
            .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
            .collect();
        on_disk.sort();
        let bundled: Vec<&str> = lists().map(|b| b.name()).collect();
        assert_eq!(bundled, on_disk);
        assert!(bundled.contains(&"ofac-sdn.jsonl"), "{bundled:?}");
        for b in lists() {
            let bytes = std::fs::read(dir.join(b.name())).unwrap();
            assert_eq!(b.len(), bytes.len() as u64, "{}", b.name());
            let mut unzipped = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(b.raw.gz), &mut unzipped)
                .unwrap();
            assert!(unzipped == bytes, "{} differs from its file", b.name());
            if bytes.len() > 1 << 20 {
                assert!(b.compressed_len() < bytes.len() / 3, "{}", b.name());
            }
        }
    }

    #[test]
    fn every_bundled_list_has_a_date_and_a_licence_in_sources_md() {
        for b in lists() {
            let info = b
                .info()
                .unwrap_or_else(|| panic!("{} has no row in SOURCES.md", b.name()));
            assert!(!info.date.is_empty(), "{}: {info:?}", b.name());
            assert!(!info.license.is_empty(), "{}: {info:?}", b.name());
        }
        let ofac = get("ofac-sdn.jsonl").unwrap().info().unwrap();
        assert_eq!(ofac.license, "US government work, public domain");
        assert!(ofac.date.contains("2024-05-03"), "{ofac:?}");
        assert!(ofac.entities.starts_with("14,965 "), "{ofac:?}");
        let officials = get("officials.jsonl").unwrap().info().unwrap();
        assert!(
            officials.license.contains("CC BY-SA 4.0") && !officials.license.contains("**"),
            "{officials:?}"
        );
    }

    #[test]
    fn source_rows_are_found_by_file_name_in_the_right_table() {
        let md = "\
# Lists

| name | date of the data | license |
|---|---|---|
| `a.jsonl` | wrong table | x |

| file | entities | date of the data | license |
|---|---|---|---|
| `a.jsonl` | 3 (3 persons) | 2024 | **CC0** |
| b.txt | 1 | 2025-01 | public domain |

| file | date of the data | license |
|---|---|---|
| `c.jsonl` | after the table | x |
";
        let a = SourceInfo::find(md, "a.jsonl").unwrap();
        assert_eq!(
            (a.entities.as_str(), a.date.as_str(), a.license.as_str()),
            ("3 (3 persons)", "2024", "CC0")
        );
        assert_eq!(SourceInfo::find(md, "b.txt").unwrap().date, "2025-01");
        assert_eq!(SourceInfo::find(md, "c.jsonl"), None);
        assert_eq!(SourceInfo::find(md, "a.json"), None);
    }
}
