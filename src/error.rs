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
    /// The 1-based line concerned, where known (a JSON Lines record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The byte offset concerned, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte: Option<u64>,
}

impl InputError {
    /// A new error about `path`.
    pub fn new(path: &Path, reason: impl Into<String>) -> InputError {
        InputError {
            path: path.to_path_buf(),
            reason: reason.into(),
            line: None,
            byte: None,
        }
    }

    /// The same error, about line `line` (1-based).
    pub fn at_line(mut self, line: u64) -> InputError {
        self.line = Some(line);
        self
    }

    /// The same error, about byte offset `byte`.
    pub fn at_byte(mut self, byte: u64) -> InputError {
        self.byte = Some(byte);
        self
    }

    /// The error that stopped an interrupted run (SIGINT, SIGTERM).
    pub fn interrupted() -> InputError {
        InputError::new(Path::new(""), "interrupted")
    }

    /// An I/O error about `path`.
    pub fn io(path: &Path, err: &std::io::Error) -> InputError {
        InputError::new(path, err.to_string())
    }

    /// The error as one JSON line
    /// (`{"type":"error","path":…,"reason":…,"line":…,"byte":…}`, `line`
    /// and `byte` only where known), the form written to standard error or
    /// `--errors FILE`.
    pub fn to_json(&self) -> String {
        let mut v = serde_json::json!({
            "type": "error",
            "path": crate::input::doc_name(&self.path),
            "reason": self.reason,
        });
        if let Some(l) = self.line {
            v["line"] = l.into();
        }
        if let Some(b) = self.byte {
            v["byte"] = b.into();
        }
        v.to_string()
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(b) = self.byte {
            write!(f, " (byte {b})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for InputError {}
