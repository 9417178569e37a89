//! Loading what a run matches against: the `-g` paths of the CLI (and of
//! [`crate::ExtractorBuilder::gazetteer`]) turned into a [`Matcher`].
//!
//! A path is one of:
//!
//! | path | loads |
//! |---|---|
//! | none at all | the bundled lists, through the [`cache`] |
//! | `bundled:` | all the bundled lists; alone, through the cache |
//! | `bundled:NAME` | one bundled list ([`bundled::get`]) |
//! | `ofac-csv:DIR` | OFAC's legacy CSV files in `DIR`, imported ([`super::ofac`]) |
//! | `officials:DIR` | the officials data folder `DIR`, imported ([`super::officials`]) |
//! | `un-sc:FILE` | the UN Security Council Consolidated List `FILE` (XML), imported ([`super::un_sc`]) |
//! | a compiled gazetteer (recognized by its first bytes, or named `*.gazex`) | its matcher, read and checked ([`compiled`]); it must be the only path |
//! | any other file or folder | a native or plain list ([`Gazetteer::add_path`]) |
//!
//! Lists are merged ([`Gazetteer::merge_same_people`]) unless `no_merge`;
//! a compiled gazetteer must have been compiled with the same choice.
//!
//! Loading reports what it did beyond the result (an import's report, a
//! list's warnings) as [`Notice`]s to a callback, in order, so that a
//! program prints them as they come or keeps them.

use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::compiled::{self, CompiledError, Sources};
use super::{bundled, cache, Entity, Gazetteer, GazetteerError, Origin};
use crate::Matcher;

/// What loading reports besides its result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A problem that did not stop loading (a duplicate id, a name that
    /// folds to nothing, …), as a sentence.
    Warning(String),
    /// A published list was imported: how many entities, and the
    /// importer's report (a few lines of text).
    Imported {
        /// Entities imported.
        entities: usize,
        /// What was read, joined and skipped.
        report: String,
    },
    /// More worker threads were asked for than `per_core` per available
    /// core: fewer are used.
    ThreadsLowered {
        /// Threads asked for.
        asked: usize,
        /// Threads allowed per core.
        per_core: usize,
        /// Cores available.
        cores: usize,
        /// Threads used.
        used: usize,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Warning(w) => write!(f, "warning: {w}"),
            Notice::Imported { entities, report } => {
                write!(f, "imported {entities} entities\n{report}")
            }
            Notice::ThreadsLowered {
                asked,
                per_core,
                cores,
                used,
            } => write!(
                f,
                "--threads {asked} is more than {per_core} per core ({cores} available); \
                 using {used}"
            ),
        }
    }
}

/// A published list format, imported as it is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// OFAC SDN legacy CSV (`sdn.csv`, `alt.csv`, `add.csv`).
    OfacCsv,
    /// The officials data folders.
    Officials,
    /// The UN Security Council Consolidated List (`consolidated.xml`).
    UnSc,
}

/// Why gazetteers could not be loaded. Its `Display` reads as a sentence
/// naming the path concerned.
#[derive(Debug)]
pub struct LoadError {
    kind: LoadErrorKind,
}

#[derive(Debug)]
enum LoadErrorKind {
    Gazetteer(GazetteerError),
    Compiled(CompiledError),
    /// The paths given do not go together, or name nothing.
    Usage(String),
}

impl LoadError {
    fn usage(msg: impl Into<String>) -> LoadError {
        LoadError {
            kind: LoadErrorKind::Usage(msg.into()),
        }
    }
}

impl From<GazetteerError> for LoadError {
    fn from(e: GazetteerError) -> LoadError {
        LoadError {
            kind: LoadErrorKind::Gazetteer(e),
        }
    }
}

impl From<CompiledError> for LoadError {
    fn from(e: CompiledError) -> LoadError {
        LoadError {
            kind: LoadErrorKind::Compiled(e),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            LoadErrorKind::Gazetteer(e) => e.fmt(f),
            LoadErrorKind::Compiled(e) => e.fmt(f),
            LoadErrorKind::Usage(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for LoadError {
    // The wrapped error's message is this one's (not a cause to print
    // again after it), so its own cause is the one to follow.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            LoadErrorKind::Gazetteer(e) => e.source(),
            LoadErrorKind::Compiled(e) => e.source(),
            LoadErrorKind::Usage(_) => None,
        }
    }
}

/// The matcher a run uses, what it was built from, and how it was loaded.
#[derive(Debug)]
pub struct Engine {
    /// The matcher.
    pub matcher: Matcher,
    /// The lists, and what merging did (`sources.merge`; `None` with
    /// `no_merge`).
    pub sources: Sources,
    /// How long merging took in this run (`None`: merged when compiled, or
    /// not merged).
    pub merge_time: Option<Duration>,
    /// Where the matcher came from.
    pub origin: EngineOrigin,
}

/// Where a run's matcher came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineOrigin {
    /// Built from the lists in this run.
    Lists,
    /// Read from a compiled gazetteer.
    Compiled(PathBuf),
    /// The bundled lists, through the cache.
    Cache(cache::Outcome),
    /// Given ready-made by the program.
    Given,
}

impl fmt::Display for EngineOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineOrigin::Lists => f.write_str("built from the lists"),
            EngineOrigin::Compiled(p) => write!(f, "read from the compiled {}", p.display()),
            EngineOrigin::Cache(outcome) => write!(f, "the bundled lists, {outcome}"),
            EngineOrigin::Given => f.write_str("given by the program"),
        }
    }
}

/// What the paths name, loaded as far as the kind allows without building
/// a matcher from lists.
#[derive(Debug)]
pub enum Loaded {
    /// A compiled gazetteer (given alone).
    Compiled(PathBuf, compiled::Compiled),
    /// The bundled lists alone (no path, or `bundled:`), through the
    /// cache, merged unless `no_merge`.
    Bundled(cache::Bundled),
    /// Lists, loaded and not merged.
    Lists(Gazetteer),
}

/// Loads what `paths` name. A compiled gazetteer must be the only one; it
/// is read (and checked) here, as are the bundled lists through the cache.
pub fn load(
    paths: &[PathBuf],
    no_merge: bool,
    notices: &mut dyn FnMut(Notice),
) -> Result<Loaded, LoadError> {
    if let Some(path) = compiled_among(paths)? {
        if paths.len() > 1 {
            return Err(LoadError::usage(format!(
                "-g {}: a compiled gazetteer is loaded alone; to use other lists with it, \
                 compile them together (`gazex gazetteer compile -g … -g … -o FILE`)",
                path.display()
            )));
        }
        let c = compiled::read(&path)?;
        match (&c.sources.merge, no_merge) {
            (Some(_), true) => {
                return Err(LoadError::usage(format!(
                    "-g {}: compiled with the same people merged across lists; --no-merge \
                     needs a gazetteer compiled with --no-merge",
                    path.display()
                )))
            }
            (None, false) => {
                return Err(LoadError::usage(format!(
                    "-g {}: compiled with --no-merge; give --no-merge too, or compile it without",
                    path.display()
                )))
            }
            _ => {}
        }
        for w in &c.sources.warnings {
            notices(Notice::Warning(w.clone()));
        }
        return Ok(Loaded::Compiled(path, c));
    }
    let bundled_alone = match paths {
        [] => true,
        [p] => p.as_os_str() == bundled::PREFIX,
        _ => false,
    };
    if bundled_alone {
        let b = cache::bundled(no_merge)?;
        for w in &b.sources.warnings {
            notices(Notice::Warning(w.clone()));
        }
        return Ok(Loaded::Bundled(b));
    }
    Ok(Loaded::Lists(load_unmerged(paths, notices)?))
}

/// The compiled gazetteer among `paths`, if any: a file that starts with
/// the compiled magic bytes, whatever its name. A file named `*.gazex`
/// that does not is taken too ([`compiled::read`] then says what is
/// wrong with it).
pub fn compiled_among(paths: &[PathBuf]) -> Result<Option<PathBuf>, LoadError> {
    for p in paths {
        if !p.is_file() {
            continue;
        }
        let named = p.extension().is_some_and(|e| e == compiled::EXTENSION);
        match compiled::is_compiled(p) {
            Ok(true) => return Ok(Some(p.clone())),
            Ok(false) if named => return Ok(Some(p.clone())),
            Ok(false) => {}
            Err(e) => {
                return Err(LoadError::usage(format!(
                    "{}: cannot read gazetteer: {e}",
                    p.display()
                )))
            }
        }
    }
    Ok(None)
}

/// Loads the gazetteers `paths` name and their matcher: a compiled file,
/// the bundled lists through the cache, or lists built here (merged
/// unless `no_merge`).
pub fn load_engine(
    paths: &[PathBuf],
    no_merge: bool,
    notices: &mut dyn FnMut(Notice),
) -> Result<Engine, LoadError> {
    Ok(match load(paths, no_merge, notices)? {
        Loaded::Compiled(path, c) => Engine {
            matcher: c.matcher,
            sources: c.sources,
            merge_time: None,
            origin: EngineOrigin::Compiled(path),
        },
        Loaded::Bundled(b) => Engine {
            matcher: b.matcher,
            sources: b.sources,
            merge_time: b.merge_time,
            origin: EngineOrigin::Cache(b.outcome),
        },
        Loaded::Lists(g) => {
            let (matcher, sources, merge_time) = build(g, no_merge);
            Engine {
                matcher,
                sources,
                merge_time: Some(merge_time),
                origin: EngineOrigin::Lists,
            }
        }
    })
}

/// Builds the matcher of loaded lists, merging the same people across
/// them unless `no_merge`: the matcher, what it was built from, and how
/// long merging took.
pub fn build(mut g: Gazetteer, no_merge: bool) -> (Matcher, Sources, Duration) {
    let mut sources = Sources::describe(&g);
    let started = Instant::now();
    sources.merge = (!no_merge).then(|| g.merge_same_people());
    let merge_time = started.elapsed();
    (Matcher::from_gazetteer(g), sources, merge_time)
}

/// The matcher of the lists `paths` name (the bundled lists without any),
/// built to be compiled: as [`load_engine`], but a compiled gazetteer
/// among `paths` is refused, and the bundled lists are always built, not
/// read from the cache.
pub fn build_for_compile(
    paths: &[PathBuf],
    no_merge: bool,
    notices: &mut dyn FnMut(Notice),
) -> Result<(Matcher, Sources), LoadError> {
    if let Some(path) = compiled_among(paths)? {
        return Err(LoadError::usage(format!(
            "-g {}: already a compiled gazetteer; compile the lists it was built from",
            path.display()
        )));
    }
    let g = load_unmerged(paths, notices)?;
    let (matcher, sources, _) = build(g, no_merge);
    Ok((matcher, sources))
}

/// Imports a published list (`format` with its input paths), reporting
/// what was read as a [`Notice::Imported`].
pub fn import(
    format: ImportFormat,
    inputs: &[PathBuf],
    notices: &mut dyn FnMut(Notice),
) -> Result<Vec<Entity>, LoadError> {
    use super::{ofac, officials, un_sc};
    let (entities, report) = match format {
        ImportFormat::OfacCsv => {
            let imported =
                match inputs {
                    [dir] if dir.is_dir() => ofac::import_dir(dir)?,
                    [sdn, rest @ ..] if rest.len() <= 2 => ofac::import(
                        sdn,
                        rest.first().map(PathBuf::as_path),
                        rest.get(1).map(PathBuf::as_path),
                    )?,
                    _ => return Err(LoadError::usage(
                        "--from ofac-csv takes a folder, or sdn.csv [alt.csv] [add.csv] in that \
                         order",
                    )),
                };
            (imported.entities, imported.report)
        }
        ImportFormat::Officials => match inputs {
            [dir] => officials::import_all(dir)?,
            _ => return Err(LoadError::usage("--from officials takes one folder")),
        },
        ImportFormat::UnSc => match inputs {
            [file] => {
                let imported = un_sc::import(file)?;
                (imported.entities, imported.report)
            }
            _ => {
                return Err(LoadError::usage(
                    "--from un-sc takes one file (the consolidated list's XML)",
                ))
            }
        },
    };
    notices(Notice::Imported {
        entities: entities.len(),
        report: report.to_string(),
    });
    Ok(entities)
}

/// Loads every path in the order given, unmerged; without any, the lists
/// bundled in gazex. `bundled:` names them all, `bundled:NAME` one.
pub fn load_unmerged(
    paths: &[PathBuf],
    notices: &mut dyn FnMut(Notice),
) -> Result<Gazetteer, LoadError> {
    let mut g = Gazetteer::new();
    if paths.is_empty() {
        g.add_bundled()?;
    }
    for p in paths {
        let spec = p.to_string_lossy();
        if let Some(name) = spec.strip_prefix(bundled::PREFIX) {
            if name.is_empty() {
                g.add_bundled()?;
            } else {
                let list = bundled::get(name).ok_or_else(|| {
                    let names: Vec<&str> = bundled::lists().map(|b| b.name()).collect();
                    LoadError::usage(format!(
                        "-g {spec}: no bundled list is named {name:?} (the bundled lists: {})",
                        names.join(", ")
                    ))
                })?;
                g.add_bundled_list(list)?;
            }
            continue;
        }
        let published = [
            ("ofac-csv:", ImportFormat::OfacCsv),
            ("officials:", ImportFormat::Officials),
            ("un-sc:", ImportFormat::UnSc),
        ]
        .into_iter()
        .find_map(|(prefix, f)| {
            spec.strip_prefix(prefix)
                .map(|rest| (f, PathBuf::from(rest)))
        });
        match published {
            Some((format, dir)) => {
                let imported = import(format, std::slice::from_ref(&dir), notices)?;
                let path: std::sync::Arc<std::path::Path> = dir.as_path().into();
                for (i, e) in imported.into_iter().enumerate() {
                    g.push(
                        e,
                        Origin {
                            path: path.clone(),
                            line: i as u64 + 1,
                        },
                    );
                }
            }
            // (The error names the file, the line and what went wrong.)
            None => g.add_path(p)?,
        }
    }
    for w in g.warnings() {
        notices(Notice::Warning(w.to_string()));
    }
    if g.is_empty() {
        return Err(LoadError::usage(format!(
            "the gazetteers hold no entity (looked in {paths:?})"
        )));
    }
    Ok(g)
}
