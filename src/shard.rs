//! Splitting the input files among independent runs (`--shard K/N`).
//!
//! Engines that hand out work by index (Kubernetes indexed jobs, Slurm job
//! arrays, a shell loop) start N copies of gazex with the same arguments and
//! a different K. [`Shard::select`] keeps the files of shard K: every file
//! belongs to exactly one shard, so the union of the N runs' outputs is the
//! unsharded run's output, with no mention twice.
//!
//! # How a file is assigned
//!
//! A file goes to shard `xxh3_64(key) mod N`, where the key is the file's
//! path relative to the input folder it was found under, its components
//! joined with `/` (a file named directly on the command line is keyed by
//! its path as given). Two consequences:
//!
//! - The assignment depends only on the file's own key and N, not on the
//!   other files: adding or removing files never moves an existing file to
//!   another shard. In a re-run over a grown archive each worker gets the
//!   files it had before plus its part of the new ones, so whatever it kept
//!   from the last run (an incremental sink) still applies. Taking every
//!   N-th file of the sorted walk would balance the counts exactly but
//!   shift every file after an insertion to another shard.
//! - It does not depend on where the archive is mounted
//!   (`/mnt/a/news` and `/data/news` give the same shards), nor on the
//!   machine, the platform or the gazex version: XXH3 is a fixed function.
//!
//! Each shard holds 1/N of the files on average, not exactly: with a
//! thousand files per shard the spread is a few percent. Sizes are not
//! weighed: a shard's bytes vary with the files it draws.

use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

/// One of N shards: `index` in `0..count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    index: u32,
    count: u32,
}

impl Shard {
    /// Shard `index` of `count`; `None` unless `index < count`.
    pub fn new(index: u32, count: u32) -> Option<Shard> {
        (index < count).then_some(Shard { index, count })
    }

    /// This shard's index, `K` in `K/N`.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// The number of shards, `N` in `K/N`.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Whether the file with this key (see [`key`]) belongs to this shard.
    pub fn contains_key(&self, key: &str) -> bool {
        xxhash_rust::xxh3::xxh3_64(key.as_bytes()) % u64::from(self.count) == u64::from(self.index)
    }

    /// Keeps the `files` (as walked from `roots`) that belong to this
    /// shard, in their order.
    pub fn select(&self, roots: &[PathBuf], files: Vec<PathBuf>) -> Vec<PathBuf> {
        files
            .into_iter()
            .filter(|f| self.contains_key(&key(roots, f)))
            .collect()
    }
}

/// The key a file is assigned by: its path relative to the first of
/// `roots` that is a proper prefix of it (the folder it was walked from),
/// else the path itself, with components joined by `/`. Non-UTF-8 names
/// are taken lossily (still deterministic).
pub fn key(roots: &[PathBuf], file: &Path) -> String {
    let relative = roots
        .iter()
        .filter_map(|r| file.strip_prefix(r).ok())
        .find(|rel| !rel.as_os_str().is_empty())
        .unwrap_or(file);
    let mut key = String::new();
    for c in relative.components() {
        let part = match c {
            Component::Normal(s) => s.to_string_lossy(),
            Component::CurDir => continue,
            Component::ParentDir => "..".into(),
            Component::RootDir | Component::Prefix(_) => {
                if key.is_empty() {
                    key.push('/');
                }
                continue;
            }
        };
        if !key.is_empty() && !key.ends_with('/') {
            key.push('/');
        }
        key.push_str(&part);
    }
    key
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Why a `K/N` shard specification was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseShardError {
    kind: ParseShardErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ParseShardErrorKind {
    /// Not two numbers around a slash.
    Syntax(String),
    /// N is zero.
    NoShards,
    /// K is not below N.
    OutOfRange { index: u32, count: u32 },
}

impl fmt::Display for ParseShardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ParseShardErrorKind::Syntax(s) => write!(
                f,
                "{s:?} is not K/N (shard K of N, two whole numbers with 0 <= K < N, e.g. 0/4)"
            ),
            ParseShardErrorKind::NoShards => write!(f, "the number of shards N must be at least 1"),
            ParseShardErrorKind::OutOfRange { index, count } => write!(
                f,
                "shard {index} does not exist among {count} shards (they are numbered 0 to {})",
                count - 1
            ),
        }
    }
}

impl std::error::Error for ParseShardError {}

impl FromStr for Shard {
    type Err = ParseShardError;

    fn from_str(s: &str) -> Result<Shard, ParseShardError> {
        let syntax = || ParseShardError {
            kind: ParseShardErrorKind::Syntax(s.to_string()),
        };
        let (k, n) = s.split_once('/').ok_or_else(syntax)?;
        let number = |t: &str| -> Result<u32, ParseShardError> {
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(syntax());
            }
            t.parse().map_err(|_| syntax())
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 {
            return Err(ParseShardError {
                kind: ParseShardErrorKind::NoShards,
            });
        }
        Shard::new(index, count).ok_or(ParseShardError {
            kind: ParseShardErrorKind::OutOfRange { index, count },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let ok =
            |s: &str, k, n| assert_eq!(s.parse::<Shard>(), Ok(Shard::new(k, n).unwrap()), "{s}");
        ok("0/1", 0, 1);
        ok("2/3", 2, 3);
        ok("07/10", 7, 10);
        for bad in [
            "",
            "x",
            "3",
            "/3",
            "1/",
            "1/3/4",
            "-1/3",
            "+1/3",
            " 1/3",
            "1 /3",
            "a/b",
            "1.0/3",
            "99999999999/3",
        ] {
            let e = bad.parse::<Shard>().unwrap_err();
            assert!(e.to_string().contains("is not K/N"), "{bad:?}: {e}");
        }
        assert_eq!(
            "0/0".parse::<Shard>().unwrap_err().to_string(),
            "the number of shards N must be at least 1"
        );
        assert_eq!(
            "3/3".parse::<Shard>().unwrap_err().to_string(),
            "shard 3 does not exist among 3 shards (they are numbered 0 to 2)"
        );
        assert_eq!("4/5".parse::<Shard>().unwrap().to_string(), "4/5");
    }

    #[test]
    fn keys_are_relative_to_the_walked_root() {
        let roots = [PathBuf::from("/mnt/a/news"), PathBuf::from("extra.txt")];
        let cases = [
            ("/mnt/a/news/2024/01/x.txt", "2024/01/x.txt"),
            ("extra.txt", "extra.txt"),
            ("./other/y.md", "other/y.md"),
            ("/abs/z.txt", "/abs/z.txt"),
        ];
        for (file, want) in cases {
            assert_eq!(key(&roots, Path::new(file)), want, "{file}");
        }
        // The same archive mounted elsewhere keys the same.
        assert_eq!(
            key(
                &[PathBuf::from("/data/news/")],
                Path::new("/data/news/2024/01/x.txt")
            ),
            "2024/01/x.txt"
        );
    }

    #[test]
    fn every_file_in_exactly_one_shard_and_stable_under_additions() {
        let roots = [PathBuf::from("archive")];
        let mut files: Vec<PathBuf> = (0..3000)
            .map(|i| PathBuf::from(format!("archive/{}/{i:05}.txt", i % 17)))
            .collect();
        files.sort();
        for n in [1, 2, 3, 7] {
            let shards: Vec<Vec<PathBuf>> = (0..n)
                .map(|k| Shard::new(k, n).unwrap().select(&roots, files.clone()))
                .collect();
            let mut union: Vec<PathBuf> = shards.iter().flatten().cloned().collect();
            union.sort();
            assert!(
                union == files,
                "n = {n}: shards hold {} files of {}",
                union.len(),
                files.len()
            );
            // Balanced within 10 % of the mean.
            let mean = files.len() as f64 / f64::from(n);
            for s in &shards {
                assert!(
                    (s.len() as f64 - mean).abs() < 0.1 * mean,
                    "n = {n}: {}",
                    s.len()
                );
            }
        }
        // Adding files leaves every old file in its shard.
        let shard = Shard::new(1, 3).unwrap();
        let before = shard.select(&roots, files.clone());
        let mut grown = files.clone();
        grown.extend((0..500).map(|i| PathBuf::from(format!("archive/new/{i}.txt"))));
        grown.sort();
        let after: Vec<PathBuf> = shard
            .select(&roots, grown)
            .into_iter()
            .filter(|f| !f.starts_with("archive/new"))
            .collect();
        assert!(before == after, "files moved shards when others were added");
    }

    #[test]
    fn assignment_is_a_fixed_function() {
        // Pinned: a change here moves files between shards for every user.
        let picks: Vec<u32> = ["a.txt", "b.txt", "2024/01/x.txt", "corpus/000.txt"]
            .iter()
            .map(|k| {
                (0..4)
                    .find(|&i| Shard::new(i, 4).unwrap().contains_key(k))
                    .unwrap()
            })
            .collect();
        assert_eq!(picks, [0, 3, 1, 3]);
    }
}
