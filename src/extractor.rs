//! The front door: an [`Extractor`] holds the gazetteers' matcher, the
//! worker threads and the options of a run, and finds mentions in one text
//! ([`Extractor::extract`]), in many documents in parallel
//! ([`Extractor::extract_many`], results in input order), or in files and
//! folders into an output sink ([`Extractor::run`], what `gazex extract`
//! does).
//!
//! It is built with an [`ExtractorBuilder`]; every option has the default
//! of the matching `gazex extract` flag.
//!
//! # Documents and dates
//!
//! A text given to the extractor is a document like a JSON Lines record
//! of `gazex extract`: an id (the record's `doc`), the text, and
//! optionally its own date. Names are resolved as of the document's date
//! (who held which office when), taken in this order:
//!
//! 1. the date given with the text ([`Input::date`]; `doc_date_source`
//!    `field`);
//! 2. for a document read from a file ([`Input::from_file`]), its own
//!    date as `gazex extract` takes it: an HTML page's publication date
//!    (`html`), a text file's dateline (`dateline`); for a text given,
//!    with [`ExtractorBuilder::datelines`], a dateline at its top, as for
//!    a plain-text file (`dateline`);
//! 3. [`ExtractorBuilder::date`], as `--date` (`flag`);
//! 4. the run's date: [`ExtractorBuilder::run_date`], or today (UTC) when
//!    the call starts (`run`).
//!
//! # Offsets
//!
//! A [`Mention`]'s `start` and `end` are byte offsets into the text given
//! (UTF-8), `char_start` and `char_end` offsets in Unicode scalar values,
//! which is what a Python `str` or a Rust `str::chars` counts. The
//! records ([`Extractor::records`]) carry both, as `gazex extract` writes
//! them for a JSON Lines record; for a document read from a file, the
//! records' offsets are the file's, as `gazex extract` writes them for
//! the file.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use rayon::prelude::*;

use crate::date::{dateline, DateSource, DocDate};
use crate::document::Document;
use crate::extract::{extract_sources, Options, Progress, Summary};
use crate::gazetteer::compiled::Sources;
use crate::gazetteer::load::{self, Engine, EngineOrigin, LoadError, Notice};
use crate::gazetteer::{Entity, Gazetteer};
use crate::input::{format_of, read_document_within, Format, ReadOptions, Source};
use crate::output::{Fields, Record, RecordOptions, Sink};
use crate::resolve::{Resolver, DEFAULT_MIN_CONFIDENCE};
use crate::{InputError, Matcher, Mention};

/// Worker threads per available core at most: more only wait their turn
/// (the output is the same for any number), and asking for a hundred
/// thousand would start them.
pub const THREADS_PER_CORE: usize = 4;

/// Documents [`Extractor::extract_many`] hands to the workers at a time,
/// per thread: enough to keep them busy, few enough that the first
/// results come soon.
const BATCH_PER_THREAD: usize = 64;

/// The largest text accepted, in bytes: as `gazex extract` reads a
/// document whole (1 GiB).
pub const MAX_TEXT: usize = 1 << 30;

/// Why an [`Extractor`] could not be built.
#[derive(Debug)]
pub struct BuildError {
    kind: BuildErrorKind,
}

#[derive(Debug)]
enum BuildErrorKind {
    Load(LoadError),
    Threads(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            BuildErrorKind::Load(e) => e.fmt(f),
            BuildErrorKind::Threads(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            BuildErrorKind::Load(e) => e.source(),
            BuildErrorKind::Threads(_) => None,
        }
    }
}

impl From<LoadError> for BuildError {
    fn from(e: LoadError) -> BuildError {
        BuildError {
            kind: BuildErrorKind::Load(e),
        }
    }
}

/// One document to extract from: its id, text and own date, or a file to
/// read it from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    /// The document's id, written as `doc` in its records; `None`: the
    /// file's path for a file, else its position among the inputs of
    /// [`Extractor::extract_many`] (`"0"`, `"1"`, …), or `""` for one text.
    pub id: Option<String>,
    /// The text (empty for a file).
    pub text: String,
    /// The document's own date (`doc_date_source` `field`).
    pub date: Option<DocDate>,
    /// A file the document is read from instead of `text` (which is then
    /// ignored), on the worker thread that matches it, as `gazex extract`
    /// reads a file given to it: text or HTML (by its extension), `.gz`
    /// decompressed, its encoding detected; its own date (an HTML page's
    /// metadata date, `html`, or a text's dateline, `dateline`, as the
    /// CLI dates a file) comes after [`Input::date`] and before the
    /// extractor's date. Its records' offsets are the file's, as the CLI
    /// writes them. Unlike the CLI, which reads a text file of more than
    /// 16 MiB (and a `.gz` text) in overlapping windows, each matched on
    /// its own, the file is read and matched whole, up to
    /// [`ExtractorBuilder::max_text`]. A file that cannot be read, is
    /// binary, is JSON Lines (many documents) or is larger than the
    /// limit is this input's error, naming the file.
    pub file: Option<PathBuf>,
}

impl Input {
    /// A document of `text`, with no id nor date.
    pub fn new(text: impl Into<String>) -> Input {
        Input {
            text: text.into(),
            ..Input::default()
        }
    }

    /// The document in the file at `path` (see [`Input::file`]).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let dir = std::env::temp_dir().join(format!("gazex-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let page = dir.join("story.html");
    /// std::fs::write(&page, "<p>Treasury named <b>Banco Nacional de Cuba</b>.</p>")?;
    /// let ex = gazex::Extractor::new()?;
    /// let e = ex.extract_input(gazex::Input::from_file(&page))?;
    /// assert_eq!(e.doc.id, page.display().to_string());
    /// // The text is the page's without its tags; the records' offsets
    /// // are the page's bytes, as `gazex extract` writes them.
    /// let r = &ex.records(&e)[0];
    /// assert_eq!(r.text, "Banco Nacional de Cuba");
    /// assert_eq!(r.start, "<p>Treasury named <b>".len());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_file(path: impl Into<PathBuf>) -> Input {
        Input {
            file: Some(path.into()),
            ..Input::default()
        }
    }

    /// The same document with the id `id`.
    pub fn with_id(mut self, id: impl Into<String>) -> Input {
        self.id = Some(id.into());
        self
    }

    /// The same document, dated `date`.
    pub fn with_date(mut self, date: DocDate) -> Input {
        self.date = Some(date);
        self
    }
}

impl From<String> for Input {
    fn from(text: String) -> Input {
        Input::new(text)
    }
}

impl From<&str> for Input {
    fn from(text: &str) -> Input {
        Input::new(text)
    }
}

impl<I: Into<String>, T: Into<String>> From<(I, T)> for Input {
    /// An `(id, text)` pair.
    fn from((id, text): (I, T)) -> Input {
        Input::new(text).with_id(id)
    }
}

/// One document's mentions, with the document (its id, text and date as
/// resolved), to turn them into records ([`Extractor::records`]).
#[derive(Clone, Debug)]
pub struct Extracted {
    /// The document.
    pub doc: Document,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
}

/// Builds an [`Extractor`]. Every option has the default of the matching
/// `gazex extract` flag.
pub struct ExtractorBuilder {
    gazetteers: Vec<PathBuf>,
    lists: Option<Gazetteer>,
    matcher: Option<Matcher>,
    no_merge: bool,
    threads: Option<usize>,
    min_confidence: f32,
    date: Option<DocDate>,
    run_date: Option<DocDate>,
    datelines: bool,
    record: RecordOptions,
    max_text: usize,
    notices: Option<Box<dyn FnMut(Notice) + Send>>,
}

impl std::fmt::Debug for ExtractorBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExtractorBuilder")
            .field("gazetteers", &self.gazetteers)
            .field("lists", &self.lists.as_ref().map(Gazetteer::len))
            .field("matcher", &self.matcher.is_some())
            .field("no_merge", &self.no_merge)
            .field("threads", &self.threads)
            .field("min_confidence", &self.min_confidence)
            .field("date", &self.date)
            .field("run_date", &self.run_date)
            .field("datelines", &self.datelines)
            .field("record", &self.record)
            .finish()
    }
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder {
            gazetteers: Vec::new(),
            lists: None,
            matcher: None,
            no_merge: false,
            threads: None,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            date: None,
            run_date: None,
            datelines: false,
            record: RecordOptions::default(),
            max_text: MAX_TEXT,
            notices: None,
        }
    }
}

impl ExtractorBuilder {
    /// A builder with every option at its default: the bundled lists, all
    /// cores.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds a gazetteer (`-g PATH`; repeatable, loaded in the order
    /// given): a native `.jsonl` or plain `.txt` list, a folder of them,
    /// `ofac-csv:DIR`, `officials:DIR`, `bundled:` (all the bundled lists)
    /// or `bundled:NAME` (one), or a compiled gazetteer (alone; see
    /// [`crate::gazetteer::load`]). Any gazetteer replaces the bundled
    /// lists, which are the default.
    pub fn gazetteer(mut self, path: impl Into<PathBuf>) -> ExtractorBuilder {
        self.gazetteers.push(path.into());
        self
    }

    /// Adds gazetteers, as [`gazetteer`](Self::gazetteer) does each.
    pub fn gazetteers<P: Into<PathBuf>>(
        mut self,
        paths: impl IntoIterator<Item = P>,
    ) -> ExtractorBuilder {
        self.gazetteers.extend(paths.into_iter().map(Into::into));
        self
    }

    /// Uses lists loaded (or made) by the program instead of paths; they
    /// are merged unless [`no_merge`](Self::no_merge). Replaces the
    /// bundled lists and any path given.
    pub fn lists(mut self, lists: Gazetteer) -> ExtractorBuilder {
        self.lists = Some(lists);
        self
    }

    /// Uses a matcher built by the program (as it is: not merged again).
    /// Replaces the bundled lists and any path or list given.
    pub fn matcher(mut self, matcher: Matcher) -> ExtractorBuilder {
        self.matcher = Some(matcher);
        self
    }

    /// `--no-merge`: keeps every entity as loaded, without merging the
    /// same person across lists (default: merged). A compiled gazetteer
    /// must have been compiled with the same choice.
    pub fn no_merge(mut self, yes: bool) -> ExtractorBuilder {
        self.no_merge = yes;
        self
    }

    /// `--threads N`: worker threads (default: all cores). At most
    /// [`THREADS_PER_CORE`] per available core: a larger number is
    /// lowered, with a notice; 0 is refused. Results are the same for any
    /// number.
    pub fn threads(mut self, n: usize) -> ExtractorBuilder {
        self.threads = Some(n);
        self
    }

    /// `--min-confidence X`: leaves out mentions whose confidence is
    /// below `x` (0 to 1; 0 keeps all). Default
    /// [`DEFAULT_MIN_CONFIDENCE`].
    pub fn min_confidence(mut self, x: f32) -> ExtractorBuilder {
        self.min_confidence = x;
        self
    }

    /// `--date`: the date of documents with no date of their own
    /// (default: none, so the run's date).
    pub fn date(mut self, date: DocDate) -> ExtractorBuilder {
        self.date = Some(date);
        self
    }

    /// The date of documents with no other date (`doc_date_source`
    /// `run`); default: today (UTC) when each call starts.
    pub fn run_date(mut self, date: DocDate) -> ExtractorBuilder {
        self.run_date = Some(date);
        self
    }

    /// Whether a text with no date of its own is dated by a dateline at
    /// its top ("WASHINGTON, April 12, 1945 --"), as `gazex extract` does
    /// for plain-text files (default: `false`, as for JSON Lines records).
    pub fn datelines(mut self, yes: bool) -> ExtractorBuilder {
        self.datelines = yes;
        self
    }

    /// `--context N`: records carry the text `n` characters each side of
    /// the mention (default: no `context`).
    pub fn context(mut self, n: usize) -> ExtractorBuilder {
        self.record.context = Some(n);
        self
    }

    /// `--fields`: records carry these entity properties (default:
    /// no `properties`).
    pub fn fields(mut self, fields: Fields) -> ExtractorBuilder {
        self.record.fields = fields;
        self
    }

    /// The largest text accepted, in bytes (default [`MAX_TEXT`]); a
    /// larger one is an error of its document.
    pub fn max_text(mut self, bytes: usize) -> ExtractorBuilder {
        self.max_text = bytes;
        self
    }

    /// Where loading reports what it did besides its result (an import's
    /// report, a list's warnings, threads lowered), as it goes; they are
    /// also kept ([`Extractor::notices`]).
    pub fn on_notice(mut self, f: impl FnMut(Notice) + Send + 'static) -> ExtractorBuilder {
        self.notices = Some(Box::new(f));
        self
    }

    /// Starts the worker threads and loads the gazetteers (the bundled
    /// lists through the cache, compiled ones read, lists built and
    /// merged; see [`crate::gazetteer::load`]).
    pub fn build(mut self) -> Result<Extractor, BuildError> {
        let mut kept = Vec::new();
        let mut callback = self.notices.take();
        let mut notify = |n: Notice| {
            if let Some(f) = &mut callback {
                f(n.clone());
            }
            kept.push(n);
        };
        let pool = thread_pool(self.threads, &mut notify)?;
        let started = std::time::Instant::now();
        let (_, engine) = pool.install(|| {
            rayon::join(crate::names::preload, || -> Result<Engine, LoadError> {
                if let Some(matcher) = self.matcher.take() {
                    return Ok(Engine {
                        matcher,
                        sources: Sources::default(),
                        merge_time: None,
                        origin: EngineOrigin::Given,
                    });
                }
                if let Some(lists) = self.lists.take() {
                    for w in lists.warnings() {
                        notify(Notice::Warning(w.to_string()));
                    }
                    let (matcher, sources, merge_time) = load::build(lists, self.no_merge);
                    return Ok(Engine {
                        matcher,
                        sources,
                        merge_time: Some(merge_time),
                        origin: EngineOrigin::Lists,
                    });
                }
                load::load_engine(&self.gazetteers, self.no_merge, &mut notify)
            })
        });
        let engine = engine?;
        let build_time = started.elapsed();
        Ok(Extractor {
            engine,
            build_time,
            pool,
            min_confidence: self.min_confidence,
            date: self.date,
            run_date: self.run_date,
            datelines: self.datelines,
            record: self.record,
            max_text: self.max_text,
            notices: kept,
        })
    }
}

/// The worker threads: `threads` of them (at most [`THREADS_PER_CORE`] a
/// core), or one per core.
fn thread_pool(
    threads: Option<usize>,
    notify: &mut dyn FnMut(Notice),
) -> Result<rayon::ThreadPool, BuildError> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            return Err(BuildError {
                kind: BuildErrorKind::Threads("--threads must be at least 1".into()),
            });
        }
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let max = THREADS_PER_CORE * cores;
        if n > max {
            notify(Notice::ThreadsLowered {
                asked: n,
                per_core: THREADS_PER_CORE,
                cores,
                used: max,
            });
        }
        pool = pool.num_threads(n.min(max));
    }
    pool.build().map_err(|e| BuildError {
        kind: BuildErrorKind::Threads(format!("cannot start worker threads: {e}")),
    })
}

/// Finds the mentions of gazetteer entities in texts: the library's front
/// door (see the [module docs](self)). Built with [`Extractor::builder`];
/// shared freely between threads (`&Extractor` is all a call needs).
pub struct Extractor {
    engine: Engine,
    build_time: Duration,
    pool: rayon::ThreadPool,
    min_confidence: f32,
    date: Option<DocDate>,
    run_date: Option<DocDate>,
    datelines: bool,
    record: RecordOptions,
    max_text: usize,
    notices: Vec<Notice>,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("entities", &self.engine.matcher.entities().len())
            .field("origin", &self.engine.origin)
            .field("threads", &self.threads())
            .field("min_confidence", &self.min_confidence)
            .field("date", &self.date)
            .field("run_date", &self.run_date)
            .field("datelines", &self.datelines)
            .field("record", &self.record)
            .finish()
    }
}

impl Extractor {
    /// An extractor of the bundled lists, with every option at its
    /// default (`ExtractorBuilder::new().build()`).
    pub fn new() -> Result<Extractor, BuildError> {
        ExtractorBuilder::new().build()
    }

    /// A builder, to choose gazetteers and options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The matcher (the compiled gazetteers).
    pub fn matcher(&self) -> &Matcher {
        &self.engine.matcher
    }

    /// The entities, indexed by [`Mention::entity`].
    pub fn entities(&self) -> &[Entity] {
        self.engine.matcher.entities()
    }

    /// The entity a mention names.
    pub fn entity(&self, m: &Mention) -> &Entity {
        self.engine.matcher.entity(m)
    }

    /// What the matcher was built from (the lists, what merging did).
    pub fn sources(&self) -> &Sources {
        &self.engine.sources
    }

    /// Where the matcher came from (built, compiled, the cache).
    pub fn origin(&self) -> &EngineOrigin {
        &self.engine.origin
    }

    /// How long merging took, when it was done while building.
    pub fn merge_time(&self) -> Option<Duration> {
        self.engine.merge_time
    }

    /// How long loading the gazetteers and building the matcher took.
    pub fn build_time(&self) -> Duration {
        self.build_time
    }

    /// What loading reported ([`ExtractorBuilder::on_notice`]), in order.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The number of worker threads.
    pub fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// The worker threads, to run other work beside the extraction's.
    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    /// What the records carry beyond the fixed fields.
    pub fn record_options(&self) -> &RecordOptions {
        &self.record
    }

    /// The minimum confidence of the mentions kept.
    pub fn min_confidence(&self) -> f32 {
        self.min_confidence
    }

    /// The mentions in one text, in text order, resolved as of its date
    /// (its dateline with [`ExtractorBuilder::datelines`], else
    /// [`ExtractorBuilder::date`], else the run's; see the [module
    /// docs](self#documents-and-dates)). Runs on the calling thread.
    pub fn extract(&self, text: &str) -> Vec<Mention> {
        let mut resolver = self.resolver();
        let date = self
            .date_of(None, self.dateline_of(text))
            .map_or_else(|| self.run_date_now(), |(d, _)| d);
        resolver.set_date(date);
        let mut out = Vec::new();
        resolver.resolve(text, &mut out);
        out
    }

    /// The mentions of one document, with the document as resolved (its
    /// id, date and date source), on the calling thread. An error for a
    /// text larger than [`ExtractorBuilder::max_text`] (default
    /// [`MAX_TEXT`]), a file that cannot be read (see [`Input::file`]), or
    /// when the resolver fails on it (a bug, reported for this document).
    pub fn extract_input(&self, input: Input) -> Result<Extracted, InputError> {
        let run_date = self.run_date_now();
        let mut resolver = self.resolver();
        self.process(&mut resolver, input, "", run_date)
    }

    /// The mentions of many documents, found by the worker threads and
    /// returned in input order as the inputs come: documents are taken a
    /// batch at a time (a few dozen per thread) from `inputs`, which is
    /// read only as the results are. Each item is one input's result (see
    /// [`extract_input`](Self::extract_input)); an input without an id
    /// gets its position (`"0"`, `"1"`, …).
    ///
    /// The output is the same whatever the number of threads.
    pub fn extract_many<I>(&self, inputs: I) -> ExtractMany<'_, I::IntoIter>
    where
        I: IntoIterator,
        I::Item: Into<Input>,
    {
        ExtractMany {
            extractor: self,
            inputs: inputs.into_iter(),
            ready: std::collections::VecDeque::new(),
            position: 0,
            run_date: self.run_date_now(),
        }
    }

    /// The results of a batch of documents, found by the worker threads,
    /// in input order; `first` is the position of the first (for inputs
    /// without an id). What [`extract_many`](Self::extract_many) does
    /// with each batch, for a program that takes its inputs itself (the
    /// Python binding takes them with the interpreter's lock, then runs
    /// this without it).
    pub fn extract_batch(
        &self,
        inputs: Vec<Input>,
        first: usize,
        run_date: Option<DocDate>,
    ) -> Vec<Result<Extracted, InputError>> {
        let run_date = run_date.unwrap_or_else(|| self.run_date_now());
        self.pool.install(|| {
            inputs
                .into_par_iter()
                .enumerate()
                .map_init(
                    || self.resolver(),
                    |resolver, (i, input)| {
                        let position = (first + i).to_string();
                        self.process(resolver, input, &position, run_date)
                    },
                )
                .collect()
        })
    }

    /// The records of a document's mentions, as `gazex extract` writes
    /// them (see [`crate::output`]), with the extractor's context and
    /// properties options.
    pub fn records<'a>(&'a self, e: &'a Extracted) -> Vec<Record<'a>> {
        e.mentions
            .iter()
            .map(|m| Record::with_options(&e.doc, &self.engine.matcher, m, &self.record))
            .collect()
    }

    /// Extracts every document of `sources` (files, folders walked
    /// beforehand, standard input) into `sink`, in input order, as
    /// `gazex extract` does; see [`crate::extract::extract_sources`].
    /// `on_error` is called for each input that fails; the run goes on.
    /// `stop` is checked between batches: once set, the run stops with an
    /// [`io::ErrorKind::Interrupted`] error. The extractor's date and
    /// minimum confidence apply; how inputs are read is `read`'s (its
    /// `date` is set to the extractor's when `None`).
    pub fn run<S: Sink + Sync>(
        &self,
        sources: &[Source],
        read: ReadOptions,
        sink: &mut S,
        monitor: Monitor<'_>,
        on_error: &mut dyn FnMut(&InputError),
    ) -> io::Result<Summary> {
        let read = ReadOptions {
            date: read.date.or(self.date),
            ..read
        };
        let opts = Options {
            read,
            stop: monitor.stop,
            progress: monitor.progress,
            run_date: self.run_date,
            min_confidence: Some(self.min_confidence),
        };
        extract_sources(
            &self.engine.matcher,
            sources,
            &opts,
            &self.pool,
            sink,
            on_error,
        )
    }

    /// The matcher, given up (to keep it beyond the extractor).
    pub fn into_matcher(self) -> Matcher {
        self.engine.matcher
    }

    fn resolver(&self) -> Resolver<'_> {
        let mut r = Resolver::new(&self.engine.matcher);
        r.set_min_confidence(self.min_confidence);
        r
    }

    /// The date of documents with no other date, for a call starting now:
    /// [`ExtractorBuilder::run_date`], or today (UTC).
    pub fn run_date_now(&self) -> DocDate {
        self.run_date.unwrap_or_else(DocDate::today)
    }

    /// A document's date and its source, short of the run's: the date given
    /// with it, else the one its page or text gives (`found`), else the
    /// extractor's.
    fn date_of(
        &self,
        given: Option<DocDate>,
        found: Option<(DocDate, DateSource)>,
    ) -> Option<(DocDate, DateSource)> {
        given
            .map(|d| (d, DateSource::Field))
            .or(found)
            .or(self.date.map(|d| (d, DateSource::Flag)))
    }

    /// The dateline at the top of `text`, with [`ExtractorBuilder::datelines`].
    fn dateline_of(&self, text: &str) -> Option<(DocDate, DateSource)> {
        self.datelines
            .then(|| dateline(text))
            .flatten()
            .map(|d| (d, DateSource::Dateline))
    }

    /// The document of `input`, read from its file if it has one, and the
    /// date its text or page gives it, if any.
    fn document(
        &self,
        input: Input,
        default_id: &str,
    ) -> Result<(Document, Option<(DocDate, DateSource)>), InputError> {
        if let Some(path) = &input.file {
            let opts = ReadOptions::default();
            // (A JSON Lines file is many documents: not one input.)
            if format_of(path, &opts).0 == Format::Jsonl {
                return Err(InputError::new(
                    path,
                    "a JSON Lines file holds many documents: give its lines as inputs \
                     (Python: extract_jsonl), or run gazex extract on it",
                ));
            }
            let max = (self.max_text as u64, "the extractor's max_text");
            let mut doc = read_document_within(path, &opts, Some(max))?;
            if let Some(id) = input.id {
                doc.id = id;
            }
            // A page's metadata date, a text's dateline: as the CLI dates
            // a file, whatever `datelines` says of texts.
            let own = doc.date.map(|d| (d, doc.date_source));
            return Ok((doc, own));
        }
        let id = input.id.unwrap_or_else(|| default_id.to_string());
        if input.text.len() > self.max_text {
            return Err(InputError::new(
                std::path::Path::new(&id),
                format!(
                    "a text of {} bytes is larger than the limit of {} bytes",
                    input.text.len(),
                    self.max_text
                ),
            ));
        }
        let own = self.dateline_of(&input.text);
        Ok((Document::plain(id, input.text), own))
    }

    /// Resolves one input (a panic is caught and reported as its error).
    fn process(
        &self,
        resolver: &mut Resolver<'_>,
        input: Input,
        default_id: &str,
        run_date: DocDate,
    ) -> Result<Extracted, InputError> {
        let given = input.date;
        let (mut doc, own) = self.document(input, default_id)?;
        let (date, date_source) = self
            .date_of(given, own)
            .unwrap_or((run_date, DateSource::Run));
        doc.date = Some(date);
        doc.date_source = date_source;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut mentions = Vec::new();
            resolver.set_date(date);
            resolver.resolve(&doc.text, &mut mentions);
            mentions
        }));
        match result {
            Ok(mentions) => Ok(Extracted { doc, mentions }),
            Err(panic) => {
                // The resolver's buffers may be inconsistent after a panic.
                *resolver = resolver.fresh();
                Err(InputError::new(
                    std::path::Path::new(&doc.id),
                    format!("internal error: {}", crate::extract::panic_message(&*panic)),
                ))
            }
        }
    }
}

impl Matcher {
    /// Finds the mentions in one text, resolved as of today with the
    /// default minimum confidence: a convenience over [`Resolver`] for
    /// tests and quick use ([`Extractor::extract`] is the front door).
    ///
    /// The matcher itself only reports hits; this is defined here, beside
    /// the extractor, so that the matcher module does not depend on the
    /// resolver, which depends on it.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut r = Resolver::new(self);
        let mut out = Vec::new();
        r.resolve(text, &mut out);
        out
    }
}

/// How [`Extractor::run`] reports progress and learns it should stop.
#[derive(Clone, Copy, Default)]
pub struct Monitor<'a> {
    /// Checked between batches: when set, the run stops, interrupted.
    pub stop: Option<&'a AtomicBool>,
    /// Where to report progress.
    pub progress: Option<&'a dyn Progress>,
}

impl std::fmt::Debug for Monitor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Monitor")
            .field("stop", &self.stop)
            .field("progress", &self.progress.map(|_| "dyn Progress"))
            .finish()
    }
}

/// The results of [`Extractor::extract_many`], in input order.
pub struct ExtractMany<'e, I> {
    extractor: &'e Extractor,
    inputs: I,
    ready: std::collections::VecDeque<Result<Extracted, InputError>>,
    position: usize,
    run_date: DocDate,
}

impl<I> std::fmt::Debug for ExtractMany<'_, I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExtractMany")
            .field("position", &self.position)
            .field("ready", &self.ready.len())
            .finish()
    }
}

impl<I> Iterator for ExtractMany<'_, I>
where
    I: Iterator,
    I::Item: Into<Input>,
{
    type Item = Result<Extracted, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() {
            let size = BATCH_PER_THREAD * self.extractor.threads().max(1);
            let batch: Vec<Input> = self.inputs.by_ref().take(size).map(Into::into).collect();
            if batch.is_empty() {
                return None;
            }
            let n = batch.len();
            self.ready = self
                .extractor
                .extract_batch(batch, self.position, Some(self.run_date))
                .into();
            self.position += n;
        }
        self.ready.pop_front()
    }
}
