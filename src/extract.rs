//! The parallel pipeline: walk → read → normalize → match → resolve → write.
//!
//! Inputs are turned into jobs in order ([`crate::input::Jobs`]): a whole
//! file to read, one record of a JSON Lines collection, one window of a big
//! text. Jobs are processed in batches. Within a batch, rayon's workers
//! each read, resolve and format whole documents into their own buffers
//! (one [`Resolver`] per worker, reused across documents); the batch's
//! buffers are then written in input order and flushed. While a batch of
//! files is matched, the next one is taken (files checked, big ones opened)
//! alongside; with standard input among the sources, batches are taken one
//! after the other, and a batch ends whenever standard input has no whole
//! record waiting ([`Jobs::would_wait`]), so that output never waits for
//! input not yet sent; a stop asked while waiting there is acted on at
//! once. So
//! the output is ordered by input and byte-identical whatever the thread
//! count, memory is bounded by two batches (not by the corpus, nor by a
//! file's size), output reaches a pipe batch by batch, and the writer takes
//! no lock per mention.
//!
//! Each document's id (`doc`) is unique within a run (`DocIds`): the
//! workers read a batch's documents, the ids are checked in input order on
//! the calling thread, then the workers match them. A path is unique by
//! itself (the walk reads a file once, [`crate::input::doc_name`] keeps
//! bytes that are not UTF-8), but a JSON Lines record's id may repeat, in
//! its file or another; the first keeps it, a later one is qualified by
//! its file. An id that stays taken is an error of that document, never a
//! silent overwrite of another's mentions (in `--db`, keyed by id). Ids
//! are kept unique across the runs into one index the same way: an id
//! the sink holds for another input's document ([`Sink::holder`]) is
//! taken as if that document had come first in this run.
//!
//! Between batches the pipeline checks a stop flag (set by the binary's
//! SIGINT/SIGTERM handler) and, when it is set, stops with an
//! [`io::ErrorKind::Interrupted`] error before calling [`Sink::finish`].
//! A batch being taken when the flag is set ends there and is still
//! matched and written first, so every record read from standard input is
//! written; a batch taken ahead, alongside one in progress, is dropped.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::date::{DateSource, DocDate};
use crate::document::{source_hash, Document};
use crate::input::{Job, Jobs, Piece, ReadOptions, Source};
use crate::output::Sink;
use crate::resolve::Resolver;
use crate::{InputError, Matcher, Mention};

/// Jobs handed to the workers at a time, per thread.
const BATCH_PER_THREAD: usize = 512;

/// Bytes a batch may hold (files, records, windows), per thread: a batch
/// ends at this many bytes or [`BATCH_PER_THREAD`] jobs, whichever comes
/// first.
const BATCH_BYTES_PER_THREAD: usize = 24 << 20;

/// Figures about one run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Documents processed (files, records, windows of big files).
    pub files: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Mentions written.
    pub mentions: usize,
    /// Inputs that failed.
    pub errors: usize,
    /// Wall time of the scan (reading, matching, writing).
    pub elapsed: Duration,
}

/// Where a run reports how far it has got. The library draws nothing:
/// the `gazex` binary implements it with a progress bar on standard error
/// (its `progress` module), a program with whatever it likes. Called on
/// the thread that runs the pipeline.
pub trait Progress: Sync {
    /// `files` more inputs started, `bytes` more bytes read, since the
    /// last call.
    fn advance(&self, files: u64, bytes: u64) {
        let _ = (files, bytes);
    }

    /// The run is over (called once, after the last `advance`, when the
    /// run was not interrupted).
    fn finish(&self) {}
}

/// A [`Progress`] that reports nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// How a run reads and reports, beyond the matcher and the sink.
#[derive(Default)]
pub struct Options<'a> {
    /// Formats, encodings, window sizes.
    pub read: ReadOptions,
    /// Checked between batches: when set, the run stops, interrupted.
    pub stop: Option<&'a AtomicBool>,
    /// Where to report progress (`None`: nowhere).
    pub progress: Option<&'a dyn Progress>,
    /// The date of documents with no date of their own nor `--date`
    /// ([`DateSource::Run`]); `None` (the default): today, taken once when
    /// the run starts.
    pub run_date: Option<DocDate>,
    /// Mentions less sure than this are left out; `None` (the default):
    /// [`crate::resolve::DEFAULT_MIN_CONFIDENCE`].
    pub min_confidence: Option<f32>,
}

impl std::fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("read", &self.read)
            .field("stop", &self.stop)
            .field("progress", &self.progress.map(|_| "dyn Progress"))
            .field("run_date", &self.run_date)
            .field("min_confidence", &self.min_confidence)
            .finish()
    }
}

struct Done<T> {
    item: T,
    bytes: u64,
    mentions: usize,
}

/// Extracts the mentions of every file in `files` (read with default
/// options) into `sink`, in file order. See [`extract_sources`].
pub fn extract<S: Sink + Sync>(
    matcher: &Matcher,
    files: &[PathBuf],
    pool: &rayon::ThreadPool,
    sink: &mut S,
    on_error: &mut dyn FnMut(&InputError),
) -> io::Result<Summary> {
    let sources: Vec<Source> = files.iter().cloned().map(Source::Path).collect();
    extract_sources(matcher, &sources, &Options::default(), pool, sink, on_error)
}

/// Extracts the mentions of every document of `sources` into `sink`, in
/// input order. `on_error` is called, in input order, for each document
/// that fails; the run goes on.
///
/// The workers are those of `pool`; [`Sink::write`] runs on the calling
/// thread. An error writing to the sink stops the run; so does the stop
/// flag (an [`io::ErrorKind::Interrupted`] error).
pub fn extract_sources<S: Sink + Sync>(
    matcher: &Matcher,
    sources: &[Source],
    opts: &Options<'_>,
    pool: &rayon::ThreadPool,
    sink: &mut S,
    on_error: &mut dyn FnMut(&InputError),
) -> io::Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let threads = pool.current_num_threads().max(1);
    let max_jobs = BATCH_PER_THREAD * threads;
    let max_bytes = BATCH_BYTES_PER_THREAD * threads;
    let read = ReadOptions {
        hash_windowed: opts.read.hash_windowed || sink.keys_windows(),
        ..opts.read.clone()
    };
    let mut jobs = Jobs::new(sources, &read).stop_on(opts.stop);
    let run_date = opts.run_date.unwrap_or_else(DocDate::today);
    let resolver = || {
        let mut r = Resolver::new(matcher);
        if let Some(min) = opts.min_confidence {
            r.set_min_confidence(min);
        }
        r
    };
    let progress = opts.progress.unwrap_or(&NoProgress);
    let mut sources_done = 0;
    let stop = || opts.stop.is_some_and(|s| s.load(Ordering::SeqCst));
    let stdin = sources.iter().any(|s| matches!(s, Source::Stdin));
    // The next batch of jobs, how many sources have been started once it
    // is taken, and whether a stop was asked meanwhile: the batch then ends
    // there, and what it holds (records read from standard input) is still
    // written before the run stops.
    let take = |jobs: &mut Jobs<'_>| -> (Vec<Job>, u64, bool) {
        let mut batch: Vec<Job> = Vec::new();
        let mut held = 0;
        while batch.len() < max_jobs && held < max_bytes {
            if stop() {
                break;
            }
            match jobs.next() {
                Some(job) => {
                    held += job.held();
                    batch.push(job);
                    // What standard input has sent is matched and written
                    // before waiting for more.
                    if stdin && jobs.would_wait() {
                        break;
                    }
                }
                None => break,
            }
        }
        (batch, jobs.sources_started(), stop())
    };
    // Files are opened for the next batch while this one is matched. Not
    // standard input: a record waiting there must not hold back the output
    // of those already read.
    let prefetch = !stdin;
    let mut ids = DocIds::default();
    let interrupted = || Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
    let mut next = take(&mut jobs);
    loop {
        let (batch, started_now, stopped) = next;
        if batch.is_empty() {
            if stopped {
                return interrupted();
            }
            break;
        }
        let shared: &S = sink;
        let read = &read;
        let ids = &mut ids;
        let work = || -> Vec<Result<Done<S::Item>, InputError>> {
            let pieces: Vec<_> = batch
                .into_par_iter()
                .map(|job| {
                    let (name, line) = (job.name(), job.line());
                    // A reader bug triggered by one input is reported for
                    // it, like a resolver bug (see `process`).
                    let piece =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run(read)))
                            .unwrap_or_else(|panic| {
                                let e = InputError::new(
                                    &name,
                                    format!("internal error: {}", panic_message(&*panic)),
                                );
                                Err(match line {
                                    Some(l) => e.at_line(l),
                                    None => e,
                                })
                            });
                    (piece, name, line)
                })
                .collect();
            let pieces: Vec<_> = pieces
                .into_iter()
                .filter_map(|(piece, name, line)| match piece {
                    Ok(piece) => ids.make_unique(piece, &name, line, shared),
                    Err(e) => Some(Err(e)),
                })
                .collect();
            pieces
                .into_par_iter()
                .map_init(
                    || (resolver(), Vec::new()),
                    |(resolver, mentions), piece| {
                        process(matcher, resolver, mentions, shared, piece?, run_date)
                    },
                )
                .collect()
        };
        let (results, following) = pool.install(|| {
            if prefetch {
                let (r, n) = rayon::join(work, || take(&mut jobs));
                (r, Some(n))
            } else {
                (work(), None)
            }
        });
        let mut bytes = 0;
        for r in results {
            match r {
                Ok(done) => {
                    sink.write(done.item)?;
                    summary.files += 1;
                    summary.bytes += done.bytes;
                    summary.mentions += done.mentions;
                    bytes += done.bytes;
                }
                Err(e) => {
                    summary.errors += 1;
                    sink.failed(&e);
                    on_error(&e);
                }
            }
        }
        sink.flush()?;
        progress.advance(started_now - sources_done, bytes);
        sources_done = started_now;
        if stopped || stop() {
            // The batch in progress is written; one taken alongside (files
            // opened ahead) is not started.
            return interrupted();
        }
        next = match following {
            Some(n) => n,
            None => take(&mut jobs),
        };
    }
    sink.finish()?;
    progress.finish();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// The document ids of a run so far, to keep them unique.
///
/// Ids are kept as 128-bit hashes (16 bytes a document). A JSON Lines
/// record whose id is taken (by an earlier document of the run, or in the
/// sink by another input's, [`Sink::holder`]) becomes `<file>#<id>`, or
/// where that is taken too (the id twice in one file) `<file>:<line>#<id>`;
/// a file's path, or an id still taken then, is an error of the document. The windows of a
/// big text share their file's id: the first window is checked, the others
/// follow it.
#[derive(Default)]
struct DocIds {
    seen: FxHashSet<u128>,
    /// The current windowed text: its id as read, and as given (`None`:
    /// refused).
    window: Option<(String, Option<String>)>,
}

impl DocIds {
    /// Takes a unique id for `piece`'s document, read from input `name`
    /// (at JSON Lines `line`), renaming it if need be; an error when none
    /// is free. `None` for a later window of a text refused so (its error
    /// is reported once, with its first window).
    fn make_unique<S: Sink>(
        &mut self,
        mut piece: Piece,
        name: &Path,
        line: Option<u64>,
        sink: &S,
    ) -> Option<Result<Piece, InputError>> {
        if piece.doc.window_start.is_some_and(|s| s > 0) {
            if let Some((read, given)) = &self.window {
                if *read == piece.doc.id {
                    piece.doc.id = given.clone()?;
                    return Some(Ok(piece));
                }
            }
        }
        let input = piece
            .doc
            .file
            .clone()
            .unwrap_or_else(|| piece.doc.id.clone());
        let given = self.take(&piece.doc.id, name, line, |id| sink.holder(id, &input));
        if piece.doc.window_start.is_some() {
            self.window = Some((piece.doc.id.clone(), given.as_ref().ok().cloned()));
        }
        Some(match given {
            Ok(id) => {
                piece.doc.id = id;
                Ok(piece)
            }
            Err(Some(holder)) => {
                let err = InputError::new(
                    name,
                    format!(
                        "document id {:?} is held in the index by a document of {holder:?}, \
                         skipped (its mentions are kept)",
                        piece.doc.id
                    ),
                );
                Err(match line {
                    Some(l) => err.at_line(l),
                    None => err,
                })
            }
            Err(None) => {
                // A path that is not UTF-8 shows as its document id does.
                let escaped = if name.to_str().is_none() {
                    " (a path that is not UTF-8, its other bytes written %XX)"
                } else {
                    ""
                };
                let err = InputError::new(
                    name,
                    format!(
                        "document id {:?}{escaped} is another document's in this run, skipped",
                        piece.doc.id
                    ),
                );
                Err(match line {
                    Some(l) => err.at_line(l),
                    None => err,
                })
            }
        })
    }

    /// `id` if free, else its qualified forms in turn; when all are taken,
    /// the input holding the first in the sink (`holder`), if one was held
    /// there, else `None`.
    fn take(
        &mut self,
        id: &str,
        name: &Path,
        line: Option<u64>,
        holder: impl Fn(&str) -> Option<String>,
    ) -> Result<String, Option<String>> {
        let mut held = None;
        let mut free = |candidate: &str| match holder(candidate) {
            Some(h) => {
                held.get_or_insert(h);
                false
            }
            None => self.seen.insert(source_hash(candidate.as_bytes())),
        };
        if free(id) {
            return Ok(id.to_string());
        }
        let found = line.and_then(|line| {
            let file = crate::input::doc_name(name);
            [format!("{file}#{id}"), format!("{file}:{line}#{id}")]
                .into_iter()
                .find(|q| free(q))
        });
        found.ok_or(held)
    }
}

/// Resolves one document and prepares its output; a panic is caught and
/// reported as an error of the document.
///
/// A document with no date (none of its own, no `--date`) gets `run_date`,
/// keeping [`DateSource::Run`] as its source: it is matched as of the
/// run's day, and its records say so.
fn process<'m, S: Sink>(
    matcher: &'m Matcher,
    resolver: &mut Resolver<'m>,
    mentions: &mut Vec<Mention>,
    sink: &S,
    mut piece: Piece,
    run_date: DocDate,
) -> Result<Done<S::Item>, InputError> {
    if piece.doc.date.is_none() {
        piece.doc.date = Some(run_date);
        piece.doc.date_source = DateSource::Run;
    }
    let doc: &Document = &piece.doc;
    if let Some(item) = sink.unchanged(doc) {
        return Ok(Done {
            item,
            bytes: doc.source_len,
            mentions: 0,
        });
    }
    // A bug triggered by one document is reported for it; the others go on.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        mentions.clear();
        resolver.set_date(doc.date.unwrap_or(run_date));
        resolver.resolve(&doc.text, mentions);
        if let Some(own) = &piece.keep {
            // A window keeps the mentions starting in the stretch it owns.
            if let Some(map) = &doc.map {
                mentions.retain(|m| own.contains(&map.source_byte(m.start)));
            }
        }
        sink.prepare(doc, matcher, mentions)
    }));
    match result {
        Ok(item) => Ok(Done {
            item,
            bytes: doc.source_len,
            mentions: mentions.len(),
        }),
        Err(panic) => {
            let msg = panic_message(&*panic);
            // The resolver's buffers may be inconsistent after a panic.
            *resolver = resolver.fresh();
            Err(InputError::new(
                std::path::Path::new(&doc.id),
                format!("internal error: {msg}"),
            ))
        }
    }
}

/// The message a panic carried.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}
