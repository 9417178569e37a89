//! Per-input problems.
//!
//! One bad file never stops a run: the pipeline reports it as an
//! [`InputError`] naming the file and the reason, goes on with the others,
//! and the run's exit status says that something failed. Errors that stop a
//! run before it starts (a gazetteer that cannot be loaded, bad flags) are
//! the binary's business.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// A document that could not be read or processed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// The file (or document) concerned.
    pub path: PathBuf,
    /// What went wrong, as a sentence fragment.
    pub reason: String,
}

impl InputError {
    /// A new error about `path`.
    pub fn new(path: &Path, reason: impl Into<String>) -> InputError {
        InputError {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }

    /// An I/O error about `path`.
    pub fn io(path: &Path, err: &std::io::Error) -> InputError {
        InputError::new(path, err.to_string())
    }

    /// The error as one JSON line (`{"type":"error","path":…,"reason":…}`),
    /// the form written to standard error or `--errors FILE`.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "type": "error",
            "path": self.path.to_string_lossy(),
            "reason": self.reason,
        })
        .to_string()
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for InputError {}
