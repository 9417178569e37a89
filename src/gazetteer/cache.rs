//! The bundled lists, compiled on first use into the user's cache folder.
//!
//! The build script cannot run gazex to compile the bundled lists into the
//! binary, so the first run that uses them (no `-g`, or `-g bundled:`
//! alone) builds the matcher as always and then writes it as a compiled
//! gazetteer ([`super::compiled`]) into the cache folder; later runs read
//! that file instead of building (about 0.03 s instead of 0.5 s).
//!
//! - **Where**: `$GAZEX_CACHE_DIR` if set (an empty value turns the cache
//!   off); else the platform's cache folder plus `gazex`: on Linux
//!   `$XDG_CACHE_HOME/gazex` or `~/.cache/gazex`, on macOS
//!   `~/Library/Caches/gazex`, on Windows `%LOCALAPPDATA%\gazex` (the
//!   `dirs` crate's `cache_dir`).
//! - **Which file**: `bundled-<version>-<lists>-<build>[-no-merge].gazex`,
//!   where `<lists>` is a hash of the bundled lists and `<build>` the
//!   first 16 digits of the [build id](super::compiled::build_id): a gazex
//!   of another version or build, or with other lists, never reads it (and
//!   the file's own header is checked on every read all the same).
//! - **Written atomically**: to a temporary file in the same folder, then
//!   renamed, so a run reading it at the same moment sees the whole file or
//!   none; two runs writing it at once both write the same bytes.
//! - **Never needed**: when the folder cannot be created or written, the
//!   matcher built in memory is used and nothing else happens; a cached
//!   file that is refused (corrupt, truncated) is built again and
//!   replaced. `--stats` says which of these happened.
//! - **Kept small**: after writing, only the four most recently written
//!   `bundled-*.gazex` files are kept in the folder (each about 10 MB).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::compiled::{self, Sources};
use super::{Gazetteer, GazetteerError};
use crate::Matcher;

/// The environment variable that sets the cache folder (empty: no cache).
pub const ENV: &str = "GAZEX_CACHE_DIR";

/// How many cached files the folder keeps.
const KEEP: usize = 4;

/// The cache folder, or `None` when the cache is off or no folder is known.
pub fn dir() -> Option<PathBuf> {
    match std::env::var_os(ENV) {
        Some(v) if v.is_empty() => None,
        Some(v) => Some(PathBuf::from(v)),
        None => dirs::cache_dir().map(|d| d.join("gazex")),
    }
}

/// The name of the cached compiled form of the bundled lists.
pub fn file_name(no_merge: bool) -> String {
    format!(
        "bundled-{}-{}-{}{}.{}",
        compiled::GAZEX_VERSION,
        env!("GAZEX_BUNDLED_HASH"),
        &compiled::build_id()[..16],
        if no_merge { "-no-merge" } else { "" },
        compiled::EXTENSION
    )
}

/// What the cache did in a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The bundled lists were read from this cached file.
    Read(PathBuf),
    /// Built from the lists, and written to this file for the next runs.
    Written(PathBuf),
    /// Built from the lists; the cached file was refused (the reason) and
    /// written again.
    Replaced(PathBuf, String),
    /// Built from the lists; nothing could be written (the reason).
    NotWritten(String),
    /// Built from the lists: the cache is off (`GAZEX_CACHE_DIR` empty) or
    /// no cache folder is known.
    Off,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Read(p) => write!(f, "read from the cache {}", p.display()),
            Outcome::Written(p) => write!(f, "built, and cached in {}", p.display()),
            Outcome::Replaced(p, why) => {
                write!(f, "built, and cached again in {} ({why})", p.display())
            }
            Outcome::NotWritten(why) => write!(f, "built; not cached: {why}"),
            Outcome::Off => write!(
                f,
                "built; not cached ({ENV} is empty, or no cache folder is known)"
            ),
        }
    }
}

/// The bundled lists, compiled.
#[derive(Debug)]
pub struct Bundled {
    /// Their matcher.
    pub matcher: Matcher,
    /// The lists, and what merging did.
    pub sources: Sources,
    /// How long merging took, when it was done in this run (not when the
    /// matcher was read from the cache).
    pub merge_time: Option<Duration>,
    /// What the cache did.
    pub outcome: Outcome,
}

/// The bundled lists' matcher, with what it was built from: read from the
/// cache, or built (merging the same people across lists unless
/// `no_merge`) and cached for the next run.
pub fn bundled(no_merge: bool) -> Result<Bundled, GazetteerError> {
    let Some(dir) = dir() else {
        return build(no_merge, Outcome::Off);
    };
    let path = dir.join(file_name(no_merge));
    let refused = match compiled::read(&path) {
        Ok(c) => {
            return Ok(Bundled {
                matcher: c.matcher,
                sources: c.sources,
                merge_time: None,
                outcome: Outcome::Read(path),
            })
        }
        Err(e) if e.is_not_found() => None,
        Err(e) => Some(e.to_string()),
    };
    let mut built = build(no_merge, Outcome::Off)?;
    built.outcome = match store(&dir, &path, &built.matcher, &built.sources) {
        Ok(()) => match refused {
            None => Outcome::Written(path),
            Some(why) => Outcome::Replaced(path, why),
        },
        Err(e) => Outcome::NotWritten(format!("cannot write {}: {e}", path.display())),
    };
    Ok(built)
}

/// Builds the bundled lists' matcher, as `-g bundled:` does.
fn build(no_merge: bool, outcome: Outcome) -> Result<Bundled, GazetteerError> {
    let mut g = Gazetteer::bundled()?;
    let mut sources = Sources::describe(&g);
    let started = Instant::now();
    sources.merge = (!no_merge).then(|| g.merge_same_people());
    let merge_time = (!no_merge).then(|| started.elapsed());
    Ok(Bundled {
        matcher: Matcher::from_gazetteer(g),
        sources,
        merge_time,
        outcome,
    })
}

/// Writes the compiled matcher into the cache folder, then prunes it.
fn store(dir: &Path, path: &Path, matcher: &Matcher, sources: &Sources) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    // (No fsync: a file cut short by a crash is refused by its length
    // check and built again.)
    compiled::write_file(path, matcher, sources, false)?;
    prune(dir);
    Ok(())
}

/// Removes all but the [`KEEP`] most recently written cached files.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let suffix = format!(".{}", compiled::EXTENSION);
    let mut cached: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("bundled-") && name.ends_with(&suffix)
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    cached.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (_, p) in cached.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(p);
    }
}
