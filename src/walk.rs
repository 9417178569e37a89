//! Finding the documents to read.
//!
//! [`collect`] turns the paths given on the command line into one sorted
//! list of files. A path that names a file is taken whatever its extension;
//! a folder is walked recursively (following symbolic links, with loops
//! detected) and contributes its files with a document extension
//! ([`DEFAULT_EXTENSIONS`]: `.txt`, `.md`, `.html`, `.htm`, `.jsonl`, each
//! also gzip-compressed as `.gz`), skipping hidden entries. A file reached
//! twice (a folder given twice, nested in another given path, or linked) is
//! read once. Paths that cannot be walked (a broken link, a link loop, a
//! folder that cannot be listed) and entries with a document extension that
//! are not regular files (FIFOs, sockets, devices; never opened, so never
//! waited on) are reported, not fatal.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::InputError;

/// File extensions read when walking folders.
pub const DEFAULT_EXTENSIONS: &[&str] = crate::input::EXTENSIONS;

/// The outcome of walking: files in order, and what could not be walked.
#[derive(Debug, Default)]
pub struct Walked {
    /// Files to read, sorted by path, each once.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked, with the reason.
    pub errors: Vec<InputError>,
}

/// Walks `paths`, keeping folder entries whose extension is in `extensions`.
pub fn collect(paths: &[PathBuf], extensions: &[&str]) -> Walked {
    let mut walked = Walked::default();
    let mut found: Vec<PathBuf> = Vec::new();
    // Without links and with one path, no file can be reached twice.
    let mut twice_possible = paths.len() > 1;
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => walked.errors.push(match link_trouble(root) {
                Some(why) => InputError::new(root, why),
                None => InputError::io(root, &e),
            }),
            Ok(m) if !m.is_dir() => found.push(root.clone()),
            Ok(_) => {
                let walker = walkdir::WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
                for entry in walker {
                    if entry.as_ref().is_ok_and(|e| e.path_is_symlink()) {
                        twice_possible = true;
                    }
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            if has_extension(e.path(), extensions) {
                                found.push(e.into_path());
                            }
                        }
                        Ok(e) if !e.file_type().is_dir() && has_extension(e.path(), extensions) => {
                            walked.errors.push(InputError::new(
                                e.path(),
                                "not a regular file (a FIFO, socket or device), skipped",
                            ));
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let path = e.path().unwrap_or(root).to_path_buf();
                            let reason = match e.loop_ancestor() {
                                Some(a) => format!("symbolic link loop back to {}", a.display()),
                                None if link_trouble(&path).is_some() => {
                                    link_trouble(&path).unwrap_or_default().to_string()
                                }
                                None => e
                                    .io_error()
                                    .map_or_else(|| e.to_string(), |io| io.to_string()),
                            };
                            walked.errors.push(InputError::new(&path, reason));
                        }
                    }
                }
            }
        }
    }
    // A problem reached twice (a folder given twice or nested, a link into
    // a walked folder) is reported once, under the first path it was met by.
    let mut seen_errors: HashSet<PathBuf> = HashSet::new();
    walked.errors.retain(|e| {
        let key = match (e.path.parent(), e.path.file_name()) {
            (Some(dir), Some(name)) => std::fs::canonicalize(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            })
            .map(|d| d.join(name))
            .unwrap_or_else(|_| e.path.clone()),
            _ => e.path.clone(),
        };
        seen_errors.insert(key)
    });
    found.sort();
    if !twice_possible {
        walked.files = found;
        return walked;
    }
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for f in found {
        let key = std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
        if seen.insert(key) {
            walked.files.push(f);
        }
    }
    walked
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

/// Whether `path` ends in one of `extensions`, or in one of them then `.gz`.
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    let ext = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let inner = match ext(path).as_deref() {
        Some("gz") => ext(&path.with_extension("")),
        other => other.map(str::to_string),
    };
    inner.is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(&e)))
}

/// What is wrong with `path` if it is a symbolic link that leads nowhere:
/// `broken symbolic link` (its target does not exist) or `symbolic link
/// loop` (links leading back to each other, `a -> b -> a`, which the
/// system gives up on); `None` for anything else (a target that cannot be
/// read is reported with the system's error).
pub fn link_trouble(path: &Path) -> Option<&'static str> {
    let link = std::fs::symlink_metadata(path).ok()?;
    if !link.file_type().is_symlink() {
        return None;
    }
    let err = std::fs::metadata(path).err()?;
    #[cfg(unix)]
    if err.raw_os_error() == Some(libc::ELOOP) {
        return Some("symbolic link loop");
    }
    (err.kind() == std::io::ErrorKind::NotFound).then_some("broken symbolic link")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_deduplicated_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::create_dir(d.join(".hidden")).unwrap();
        for f in [
            "b.txt",
            "a.md",
            "sub/c.txt",
            "x.jpg",
            ".hidden/h.txt",
            "p.HTML",
            "q.htm.gz",
            "r.jsonl.gz",
            "s.gz",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let w = collect(
            &[d.to_path_buf(), d.join("sub"), d.join("x.jpg")],
            DEFAULT_EXTENSIONS,
        );
        let names: Vec<String> = w
            .files
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().display().to_string())
            .collect();
        assert_eq!(
            names,
            vec![
                "a.md",
                "b.txt",
                "p.HTML",
                "q.htm.gz",
                "r.jsonl.gz",
                "sub/c.txt",
                "x.jpg"
            ]
        );
        assert!(w.errors.is_empty());
        let w = collect(&[d.join("missing")], DEFAULT_EXTENSIONS);
        assert_eq!(w.errors.len(), 1);
        assert!(w.errors[0].to_string().contains("missing"));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_linked_inside_one_folder_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(d.join("sub/a.txt"), d.join("b.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("sub"), d.join("linked")).unwrap();
        let w = collect(&[d.to_path_buf()], DEFAULT_EXTENSIONS);
        let names: Vec<String> = w
            .files
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().display().to_string())
            .collect();
        assert_eq!(names, vec!["b.txt"]);
        assert!(w.errors.is_empty());
    }
}
