//! The parallel pipeline: walk → read → normalize → match → resolve → write.
//!
//! Files are processed in batches. Within a batch, rayon's workers each
//! read, resolve and format whole files into their own buffers (one
//! [`Resolver`] per worker, reused across files); the batch's buffers are
//! then written in file order. So the output is ordered by document and is
//! byte-identical whatever the thread count, memory is bounded by one batch
//! of files and their output (not by the corpus), and the writer takes no
//! lock per mention.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::document::Document;
use crate::output::Sink;
use crate::read::read_text;
use crate::resolve::Resolver;
use crate::{InputError, Matcher, Mention};

/// Files handed to the workers at a time, per thread.
const BATCH_PER_THREAD: usize = 64;

/// Figures about one run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Documents processed.
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

struct Done<T> {
    item: T,
    bytes: u64,
    mentions: usize,
}

/// Extracts the mentions of every file in `files` into `sink`, in file
/// order. `on_error` is called, in file order, for each file that fails;
/// the run goes on.
///
/// The workers are those of `pool`; [`Sink::write`] runs on the calling
/// thread.
pub fn extract<S: Sink + Sync>(
    matcher: &Matcher,
    files: &[PathBuf],
    pool: &rayon::ThreadPool,
    sink: &mut S,
    on_error: &mut dyn FnMut(&InputError),
) -> io::Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let batch = BATCH_PER_THREAD * pool.current_num_threads().max(1);
    for chunk in files.chunks(batch) {
        let shared: &S = sink;
        let results: Vec<Result<Done<S::Item>, InputError>> = pool.install(|| {
            chunk
                .par_iter()
                .map_init(
                    || (Resolver::new(matcher), Vec::new()),
                    |(resolver, mentions), path| {
                        let doc = read_text(path)
                            .map(|text| Document::plain(path.to_string_lossy(), text))?;
                        process(matcher, resolver, mentions, shared, path, &doc)
                    },
                )
                .collect()
        });
        for r in results {
            match r {
                Ok(done) => {
                    sink.write(done.item)?;
                    summary.files += 1;
                    summary.bytes += done.bytes;
                    summary.mentions += done.mentions;
                }
                Err(e) => {
                    summary.errors += 1;
                    sink.failed(&e);
                    on_error(&e);
                }
            }
        }
    }
    sink.finish()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Resolves one document and prepares its output; a panic is caught and
/// reported as an error of `source`.
fn process<'m, S: Sink>(
    matcher: &'m Matcher,
    resolver: &mut Resolver<'m>,
    mentions: &mut Vec<Mention>,
    sink: &S,
    source: &Path,
    doc: &Document,
) -> Result<Done<S::Item>, InputError> {
    if let Some(item) = sink.unchanged(doc) {
        return Ok(Done {
            item,
            bytes: doc.source_len,
            mentions: 0,
        });
    }
    // A bug triggered by one file is reported for that file; the others go on.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        mentions.clear();
        resolver.resolve(&doc.text, mentions);
        sink.prepare(doc, matcher, mentions)
    }));
    match result {
        Ok(item) => Ok(Done {
            item,
            bytes: doc.source_len,
            mentions: mentions.len(),
        }),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            // The resolver's buffers may be inconsistent after a panic.
            *resolver = Resolver::new(matcher);
            Err(InputError::new(source, format!("internal error: {msg}")))
        }
    }
}
