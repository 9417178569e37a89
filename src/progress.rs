//! The binary's progress bar on standard error: files and bytes done,
//! throughput, time left. It is the binary's [`Progress`] for the
//! library's pipeline, which knows no terminal.
//!
//! The binary shows it only when standard error is a terminal and
//! `--quiet` is not given; [`Bar::hidden`] draws nothing.

use gazex::extract::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Progress of a run, drawn or not.
#[derive(Debug)]
pub struct Bar {
    bar: Option<ProgressBar>,
    files: std::sync::atomic::AtomicU64,
    total_files: u64,
}

impl Bar {
    /// A progress that draws nothing.
    pub fn hidden() -> Bar {
        Bar {
            bar: None,
            files: Default::default(),
            total_files: 0,
        }
    }

    /// A bar on standard error for `total_files` inputs of `total_bytes`
    /// bytes on disk (0 when unknown, as for standard input: a spinner).
    pub fn stderr(total_files: u64, total_bytes: u64) -> Bar {
        let bar = if total_bytes > 0 {
            ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        };
        let template = if total_bytes > 0 {
            "{wide_bar} {msg} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}"
        } else {
            "{spinner} {msg} {bytes} {bytes_per_sec}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Bar {
            bar: Some(bar),
            files: Default::default(),
            total_files,
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    /// `files` more documents done, `bytes` more bytes read.
    fn advance(&self, files: u64, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        let done = self
            .files
            .fetch_add(files, std::sync::atomic::Ordering::Relaxed)
            + files;
        bar.set_message(if self.total_files > 0 {
            format!("{done}/{} files", self.total_files)
        } else {
            format!("{done} documents")
        });
        bar.inc(bytes);
    }

    fn finish(&self) {
        Bar::finish(self);
    }
}
