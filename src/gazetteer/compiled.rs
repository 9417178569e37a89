//! Compiled gazetteers: a built [`Matcher`] written to a file and read back
//! without rebuilding it.
//!
//! Building the matcher for the bundled lists (parsing 21,000 entities,
//! merging the same people across lists, deriving every name form,
//! compiling the word trie and the resolver's tables) takes about half a
//! second and 100 MB at every start. `gazex gazetteer compile -o FILE`
//! does it once and writes everything the scan and the resolver use: the
//! entities as merged, the patterns and their readings, the word table and
//! trie, the spelling keys, the name-frequency tables, the links between
//! entities and each person's public life. `-g FILE` reads it back; so does
//! the cache of the bundled lists ([`super::cache`]).
//!
//! # File layout
//!
//! | bytes | what |
//! |---|---|
//! | 0..8 | [`MAGIC`], `GAZEXCMP` |
//! | 8..12 | the format version, [`FORMAT_VERSION`] (u32, little-endian) |
//! | 12..44 | the build id of the gazex that wrote it ([`build_id`]), 32 hex digits |
//! | 44..68 | that gazex's version, UTF-8, padded with NUL bytes |
//! | 68..76 | the payload's length in bytes (u64, little-endian) |
//! | 76..92 | the payload's XXH3-128 (little-endian) |
//! | 92.. | the payload: [`Sources`] then the [`Matcher`], in postcard |
//!
//! The payload is [postcard](https://docs.rs/postcard), a compact serde
//! format (variable-length integers, no field names) with a stable wire
//! format; each entity's properties are one byte string there, their
//! packed form ([`super::properties`]), kept packed once read. The file is
//! read once, a block at a time, hashed and decoded as it is read into the
//! same owned tables a build makes: it is never held whole in memory (the
//! bundled lists' file is 12 MB). No `unsafe` anywhere (no memory map, no
//! zero-copy casting).
//!
//! # What is checked
//!
//! A compiled file is never trusted. Before any table is used, [`read`]
//! checks in this order, and refuses the file with a [`CompiledError`]
//! naming it and what is wrong:
//! 1. the magic bytes (else: not a compiled gazetteer);
//! 2. the format version, then the gazex version and build id: a file
//!    written by another gazex, even of the same version number but built
//!    from other sources, would hold tables built by other rules, and is
//!    refused (compile it again);
//! 3. the length: a file shorter or longer than its header says
//!    (truncated, or bytes appended);
//! 4. the payload's XXH3-128 (any flipped byte): the payload is decoded
//!    as it is hashed, but a file whose payload does not match its
//!    checksum is refused as such, whatever its decoding gave, and nothing
//!    decoded from it is kept;
//! 5. the decoding itself, each entity's packed properties checked whole
//!    ([`super::properties::Properties::from_packed`]);
//! 6. the tables: every entity, name, pattern, word and trie-node index
//!    in range, every per-entity table as long as the entities, so that a
//!    file that passed the checksum by chance (or was made to) cannot make
//!    the scan index out of bounds.
//!
//! Loading is all or nothing; a refused file leaves nothing half-loaded.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::bundled::{self, SourceInfo};
use super::{
    Alias, Entity, EntityType, Gazetteer, MatchPolicy, MergeReport, NameOrder, Properties,
};
use crate::Matcher;

/// The first bytes of every compiled gazetteer.
pub const MAGIC: [u8; 8] = *b"GAZEXCMP";

/// The version of the layout and of the payload's schema. Raised whenever
/// either changes; a file of another version is refused.
pub const FORMAT_VERSION: u32 = 8;

/// The file name extension `gazex gazetteer compile` suggests (a compiled
/// file is recognized by its [`MAGIC`], whatever its name).
pub const EXTENSION: &str = "gazex";

/// Bytes before the payload.
pub const HEADER_LEN: usize = 92;

/// Bytes of the header's version field.
const VERSION_LEN: usize = 24;

/// The version of this gazex.
pub const GAZEX_VERSION: &str = env!("CARGO_PKG_VERSION");

// The header holds the whole version.
const _: () = assert!(GAZEX_VERSION.len() <= VERSION_LEN);

/// The build id of this gazex: XXH3-128 (32 hex digits) of its version and
/// of every file it was built from (sources, built-in data, bundled lists;
/// computed by `build.rs`). Two binaries with the same id build the same
/// tables from the same lists.
pub fn build_id() -> &'static str {
    env!("GAZEX_BUILD_ID")
}

/// What a compiled gazetteer was compiled from, as `gazex gazetteer list`
/// shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    /// Each gazetteer file, in load order.
    pub lists: Vec<SourceList>,
    /// What merging the same person across lists did; `None` when compiled
    /// with `--no-merge`.
    pub merge: Option<MergeReport>,
    /// Problems that did not stop loading the lists (duplicate ids, names
    /// that fold to nothing), as a build from them reports them.
    pub warnings: Vec<String>,
}

/// One gazetteer file a compiled gazetteer was built from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceList {
    /// The name `gazex gazetteer list` gives it: a bundled list's file
    /// name, or the path as given.
    pub name: String,
    /// Where it came from: bundled in gazex (with its sizes), or its path,
    /// size and modification day.
    pub source: String,
    /// Its entities by type, as loaded (before merging), in type order.
    pub counts: Vec<(String, usize)>,
    /// Its row of a `SOURCES.md` (date of the data, licence), and where
    /// that was stated.
    pub info: Option<(SourceInfo, String)>,
}

impl SourceList {
    /// Its entities, all types.
    pub fn entities(&self) -> usize {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

impl Sources {
    /// Describes each file `g` was loaded from (before any merge), with
    /// no merge report and `g`'s warnings.
    pub fn describe(g: &Gazetteer) -> Sources {
        let lists = g
            .counts_by_origin()
            .into_iter()
            .map(|(path, by_type)| {
                let spec = path.to_string_lossy();
                let (name, source, info) =
                    match spec.strip_prefix(bundled::PREFIX).and_then(bundled::get) {
                        Some(b) => (
                            b.name().to_string(),
                            format!(
                                "bundled in gazex ({} compressed; {} as gazetteers/{} when built)",
                                size(b.compressed_len() as u64),
                                size(b.len()),
                                b.name()
                            ),
                            b.info()
                                .map(|i| (i, "gazetteers/SOURCES.md, bundled with it".into())),
                        ),
                        None => (
                            path.display().to_string(),
                            describe_file(path),
                            sources_beside(path),
                        ),
                    };
                SourceList {
                    name,
                    source,
                    counts: by_type
                        .into_iter()
                        .map(|(k, n)| (k.as_str().to_string(), n))
                        .collect(),
                    info,
                }
            })
            .collect();
        Sources {
            lists,
            merge: None,
            warnings: g.warnings().to_vec(),
        }
    }

    /// Entities in all the lists, before merging.
    pub fn entities(&self) -> usize {
        self.lists.iter().map(SourceList::entities).sum()
    }
}

/// A size in bytes as `gazex gazetteer list` writes it.
pub fn size(bytes: u64) -> String {
    match bytes {
        0..10_000 => format!("{bytes} bytes"),
        10_000..1_000_000 => format!("{:.0} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// A file's path, size and modification day.
fn describe_file(path: &Path) -> String {
    let meta = std::fs::metadata(path).ok();
    let modified = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| crate::date::DocDate::from_unix_days((d.as_secs() / 86_400) as i64));
    let mut source = path.display().to_string();
    match (meta.filter(|m| m.is_file()), modified) {
        (Some(m), Some(day)) => source += &format!(" ({}, modified {day})", size(m.len())),
        (_, Some(day)) => source += &format!(" (modified {day})"),
        _ => {}
    }
    source
}

/// The row for the file `path` in the `SOURCES.md` of its folder, and that
/// file's path.
fn sources_beside(path: &Path) -> Option<(SourceInfo, String)> {
    let name = path.file_name()?.to_str()?;
    let md = path.parent()?.join("SOURCES.md");
    let text = std::fs::read_to_string(&md).ok()?;
    SourceInfo::find(&text, name).map(|info| (info, md.display().to_string()))
}

/// A compiled gazetteer as read back.
#[derive(Debug)]
pub struct Compiled {
    /// The matcher, ready to search.
    pub matcher: Matcher,
    /// What it was compiled from.
    pub sources: Sources,
}

/// Writes the compiled gazetteer holding `matcher`, built from the lists
/// `sources` describes, to `out` (from its start): the payload is streamed
/// through a buffer, then the header (with the payload's length and hash)
/// is written in front of it. Returns the bytes written.
pub fn write_to<W: Write + Seek>(
    mut out: W,
    matcher: &Matcher,
    sources: &Sources,
) -> io::Result<u64> {
    out.seek(SeekFrom::Start(0))?;
    out.write_all(&[0; HEADER_LEN])?;
    // (Hashed behind the buffer: in blocks, not in postcard's many small
    // writes.)
    let mut payload = io::BufWriter::with_capacity(
        1 << 16,
        Hashing {
            inner: &mut out,
            hash: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
            failed: None,
        },
    );
    let written = postcard::to_io(&(sources, matcher), &mut payload)
        .map(|_| ())
        .and_then(|()| {
            payload
                .flush()
                .map_err(|_| postcard::Error::SerializeBufferFull)
        });
    let hashing = payload.into_parts().0;
    if let Err(e) = written {
        // (postcard reports a failed write as its own error: give the
        // I/O error instead.)
        return Err(hashing.failed.unwrap_or_else(|| io::Error::other(e)));
    }
    let (len, hash) = (hashing.len, hashing.hash.digest128());
    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(&MAGIC);
    header.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    header.extend_from_slice(build_id().as_bytes());
    let mut version = [0u8; VERSION_LEN];
    version[..GAZEX_VERSION.len()].copy_from_slice(GAZEX_VERSION.as_bytes());
    header.extend_from_slice(&version);
    header.extend_from_slice(&len.to_le_bytes());
    header.extend_from_slice(&hash.to_le_bytes());
    debug_assert_eq!(header.len(), HEADER_LEN);
    out.seek(SeekFrom::Start(0))?;
    out.write_all(&header)?;
    out.flush()?;
    Ok(HEADER_LEN as u64 + len)
}

/// A writer that hashes and counts what goes through it, and keeps the
/// first error.
struct Hashing<W> {
    inner: W,
    hash: xxhash_rust::xxh3::Xxh3,
    len: u64,
    failed: Option<io::Error>,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.inner.write(buf) {
            Ok(n) => {
                self.hash.update(&buf[..n]);
                self.len += n as u64;
                Ok(n)
            }
            Err(e) => {
                let again = io::Error::new(e.kind(), e.to_string());
                self.failed.get_or_insert(e);
                Err(again)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The bytes of a compiled gazetteer holding `matcher` (see [`write_to`]).
pub fn to_bytes(matcher: &Matcher, sources: &Sources) -> Vec<u8> {
    let mut out = io::Cursor::new(Vec::new());
    write_to(&mut out, matcher, sources).expect("writing into memory cannot fail");
    out.into_inner()
}

/// Writes the compiled gazetteer to `path` through a temporary file in the
/// same folder, renamed into place once complete: a reader sees the old
/// file or the new one, never part of one. With `sync`, the data reaches
/// the disk before the rename. Returns the bytes written.
pub fn write_file(
    path: &Path,
    matcher: &Matcher,
    sources: &Sources,
    sync: bool,
) -> io::Result<u64> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".gazex-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let len = write_to(tmp.as_file_mut(), matcher, sources)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(len)
}

/// Whether the file at `path` starts with [`MAGIC`] (a file shorter than
/// that does not).
pub fn is_compiled(path: &Path) -> io::Result<bool> {
    let mut head = [0u8; MAGIC.len()];
    let mut file = std::fs::File::open(path)?;
    let mut got = 0;
    while got < head.len() {
        match file.read(&mut head[got..]) {
            Ok(0) => return Ok(false),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(head == MAGIC)
}

/// Reads and checks the compiled gazetteer at `path` (see the module
/// documentation for what is checked). The file is read once, in blocks,
/// and decoded as it is read: it is never held whole in memory.
pub fn read(path: &Path) -> Result<Compiled, CompiledError> {
    let io_err = |e| CompiledError::new(path, Kind::Io(e));
    let file = std::fs::File::open(path).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    decode(file, len, path)
}

/// Checks and decodes the bytes of a compiled gazetteer; `path` names it
/// in errors.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Compiled, CompiledError> {
    decode(bytes, bytes.len() as u64, path)
}

/// Checks and decodes the compiled gazetteer `input`, `len` bytes long.
///
/// The payload is decoded as it is read and hashed; whatever the decoding
/// gave, the rest is read and hashed too, and a payload that does not
/// match its checksum is refused as such (before any decoding error or
/// table is looked at), as if it had been checked first.
fn decode<R: Read>(mut input: R, len: u64, path: &Path) -> Result<Compiled, CompiledError> {
    let err = |kind| CompiledError::new(path, kind);
    let mut header = [0u8; HEADER_LEN];
    let got = read_full(&mut input, &mut header).map_err(|e| err(Kind::Io(e)))?;
    if got < MAGIC.len() || header[..MAGIC.len()] != MAGIC {
        return Err(err(Kind::NotCompiled));
    }
    if got < HEADER_LEN {
        return Err(err(Kind::Truncated {
            len: got as u64,
            expected: HEADER_LEN as u64,
        }));
    }
    let u32_at = |at: usize| u32::from_le_bytes(header[at..at + 4].try_into().expect("4 bytes"));
    let u64_at = |at: usize| u64::from_le_bytes(header[at..at + 8].try_into().expect("8 bytes"));
    let format = u32_at(8);
    if format != FORMAT_VERSION {
        return Err(err(Kind::Format(format)));
    }
    let build = String::from_utf8_lossy(&header[12..44]).into_owned();
    let version = String::from_utf8_lossy(&header[44..44 + VERSION_LEN])
        .trim_end_matches('\0')
        .to_string();
    if build != build_id() || version != GAZEX_VERSION {
        return Err(err(Kind::OtherBuild { version, build }));
    }
    let payload_len = u64_at(68);
    let expected = (HEADER_LEN as u64).saturating_add(payload_len);
    if len != expected {
        return Err(err(if len < expected {
            Kind::Truncated { len, expected }
        } else {
            Kind::Trailing { len, expected }
        }));
    }
    let hash = u128::from_le_bytes(header[76..92].try_into().expect("16 bytes"));
    let mut de = postcard::Deserializer::from_flavor(Blocks::new(input, payload_len));
    let decoded = <(Sources, Matcher)>::deserialize(&mut de);
    let Ok(mut blocks) = de.finalize() else {
        unreachable!("Blocks::finalize never fails")
    };
    let left = blocks.drain();
    if let Some(e) = blocks.failed {
        return Err(err(Kind::Io(e)));
    }
    if blocks.short {
        return Err(err(Kind::Truncated {
            len: expected - blocks.left,
            expected,
        }));
    }
    if blocks.hash.digest128() != hash {
        return Err(err(Kind::Checksum));
    }
    let (sources, matcher) = decoded.map_err(|e| err(Kind::Decode(e.to_string())))?;
    if left > 0 {
        return Err(err(Kind::Decode(format!(
            "{left} bytes left over after the tables"
        ))));
    }
    matcher.check().map_err(|e| err(Kind::Tables(e)))?;
    Ok(Compiled { matcher, sources })
}

/// Reads into `buf` until it is full or the input ends; the bytes read.
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match input.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Bytes read from the payload at a time.
const BLOCK: usize = 1 << 16;

/// The payload as postcard reads it: read from the input a block at a
/// time and hashed as it comes, no further than the payload's length.
///
/// Decoding takes bytes only through postcard's `pop` and
/// `try_take_n_temp` (owned strings, byte strings, numbers): nothing the
/// tables hold borrows from the file, and a value that would
/// (`try_take_n`) is refused as undecodable.
struct Blocks<R> {
    input: R,
    buf: Vec<u8>,
    /// The bytes read and not yet decoded: `buf[pos..end]`.
    pos: usize,
    end: usize,
    /// Payload bytes not yet read.
    left: u64,
    hash: xxhash_rust::xxh3::Xxh3,
    /// The first read error.
    failed: Option<io::Error>,
    /// Whether the input ended before the payload did.
    short: bool,
}

impl<R: Read> Blocks<R> {
    fn new(input: R, len: u64) -> Blocks<R> {
        Blocks {
            input,
            buf: Vec::new(),
            pos: 0,
            end: 0,
            left: len,
            hash: xxhash_rust::xxh3::Xxh3::new(),
            failed: None,
            short: false,
        }
    }

    /// Payload bytes not yet read, as far as a buffer can hold.
    fn left(&self) -> usize {
        usize::try_from(self.left).unwrap_or(usize::MAX)
    }

    /// Reads on until `buf[pos..end]` holds at least `n` bytes.
    #[cold]
    fn fill(&mut self, n: usize) -> postcard::Result<()> {
        let have = self.end - self.pos;
        if n as u64 > have as u64 + self.left {
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        }
        self.buf.copy_within(self.pos..self.end, 0);
        (self.pos, self.end) = (0, have);
        let size = n.max(BLOCK).min(have.saturating_add(self.left()));
        if self.buf.len() < size {
            self.buf.resize(size, 0);
        }
        while self.end < n {
            let room = (self.buf.len() - self.end).min(self.left());
            match self.read_into(self.end, room) {
                Some(got) => self.end += got,
                None => return Err(postcard::Error::DeserializeUnexpectedEnd),
            }
        }
        Ok(())
    }

    /// Reads at most `room` bytes of the payload into `buf[at..]`, hashing
    /// them: the bytes read, or `None` at a read error or at the end of the
    /// input (each recorded).
    fn read_into(&mut self, at: usize, room: usize) -> Option<usize> {
        loop {
            match self.input.read(&mut self.buf[at..at + room]) {
                Ok(0) => {
                    self.short = true;
                    return None;
                }
                Ok(n) => {
                    self.hash.update(&self.buf[at..at + n]);
                    self.left -= n as u64;
                    return Some(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.failed = Some(e);
                    return None;
                }
            }
        }
    }

    /// Reads and hashes the rest of the payload, keeping none of it; the
    /// payload bytes that were not decoded.
    fn drain(&mut self) -> u64 {
        let mut undecoded = (self.end - self.pos) as u64;
        (self.pos, self.end) = (0, 0);
        if self.buf.is_empty() {
            self.buf.resize(BLOCK.min(self.left()), 0);
        }
        while self.left > 0 && self.failed.is_none() && !self.short {
            let room = self.buf.len().min(self.left());
            match self.read_into(0, room) {
                Some(got) => undecoded += got as u64,
                None => break,
            }
        }
        undecoded
    }
}

impl<'de, R: Read + 'de> postcard::de_flavors::Flavor<'de> for Blocks<R> {
    type Remainder = Blocks<R>;
    type Source = R;

    #[inline]
    fn pop(&mut self) -> postcard::Result<u8> {
        if self.pos == self.end {
            self.fill(1)?;
        }
        let b = self.buf[self.pos];
        self.pos += 1;
        Ok(b)
    }

    fn size_hint(&self) -> Option<usize> {
        usize::try_from(self.left)
            .ok()?
            .checked_add(self.end - self.pos)
    }

    fn try_take_n(&mut self, _: usize) -> postcard::Result<&'de [u8]> {
        Err(postcard::Error::DeserializeBadEncoding)
    }

    #[inline]
    fn try_take_n_temp<'a>(&'a mut self, n: usize) -> postcard::Result<&'a [u8]>
    where
        'de: 'a,
    {
        if self.end - self.pos < n {
            self.fill(n)?;
        }
        let taken = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(taken)
    }

    fn finalize(self) -> postcard::Result<Blocks<R>> {
        Ok(self)
    }
}

/// A compiled gazetteer that was refused.
///
/// Names the file and says what is wrong with it, in one sentence.
#[derive(Debug)]
pub struct CompiledError {
    path: PathBuf,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Io(io::Error),
    NotCompiled,
    Format(u32),
    OtherBuild { version: String, build: String },
    Truncated { len: u64, expected: u64 },
    Trailing { len: u64, expected: u64 },
    Checksum,
    Decode(String),
    Tables(String),
}

impl CompiledError {
    fn new(path: &Path, kind: Kind) -> CompiledError {
        CompiledError {
            path: path.to_path_buf(),
            kind,
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file was not found.
    pub fn is_not_found(&self) -> bool {
        matches!(&self.kind, Kind::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

impl fmt::Display for CompiledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path.display())?;
        let again = "compile it again with `gazex gazetteer compile`";
        match &self.kind {
            Kind::Io(e) => write!(f, "cannot read compiled gazetteer: {e}"),
            Kind::NotCompiled => write!(
                f,
                "not a compiled gazetteer (it does not start with the bytes {:?})",
                String::from_utf8_lossy(&MAGIC)
            ),
            Kind::Format(found) => write!(
                f,
                "compiled gazetteer of format {found}; this gazex ({GAZEX_VERSION}) reads \
                 format {FORMAT_VERSION} only: {again}"
            ),
            Kind::OtherBuild { version, build } => write!(
                f,
                "compiled gazetteer written by gazex {version} (build {}), not by this gazex \
                 {GAZEX_VERSION} (build {}); its tables follow the rules of the gazex that \
                 built them: {again}",
                short(build),
                short(build_id())
            ),
            Kind::Truncated { len, expected } => write!(
                f,
                "compiled gazetteer is truncated: {len} bytes where its header says {expected}"
            ),
            Kind::Trailing { len, expected } => write!(
                f,
                "compiled gazetteer has {} bytes more than its header says ({len} where it \
                 says {expected})",
                len - expected
            ),
            Kind::Checksum => write!(
                f,
                "compiled gazetteer is corrupt: its tables do not match their checksum"
            ),
            Kind::Decode(e) => write!(f, "compiled gazetteer is corrupt: cannot decode: {e}"),
            Kind::Tables(e) => write!(f, "compiled gazetteer is corrupt: {e}"),
        }
    }
}

/// The first 8 hex digits of a build id (all of it if shorter, printable
/// characters only).
fn short(build: &str) -> String {
    build
        .chars()
        .take(8)
        .map(|c| if c.is_ascii_graphic() { c } else { '?' })
        .collect()
}

// No `source()`: the message already says what the I/O error was.
impl std::error::Error for CompiledError {}

/// The entities' compiled form: every field of [`Entity`], in a shape
/// postcard can write (the native format's JSON-only features, a flattened
/// property map and untagged aliases, need a self-describing format), and
/// the properties packed.
pub(crate) mod entities {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Wire<'a> {
        id: Cow<'a, str>,
        name: Cow<'a, str>,
        kind: Kind<'a>,
        aliases: Vec<AliasWire<'a>>,
        lists: Cow<'a, [String]>,
        name_order: Option<NameOrder>,
        match_policy: MatchPolicy,
        properties: PackedProperties<'a>,
    }

    #[derive(Serialize, Deserialize)]
    enum Kind<'a> {
        Person,
        Organization,
        Vessel,
        Aircraft,
        Other(Cow<'a, str>),
    }

    #[derive(Serialize, Deserialize)]
    struct AliasWire<'a> {
        name: Cow<'a, str>,
        weak: bool,
        kind: Option<Cow<'a, str>>,
        policy: MatchPolicy,
        order: Option<NameOrder>,
    }

    impl<'a> From<&'a Entity> for Wire<'a> {
        fn from(e: &'a Entity) -> Wire<'a> {
            // Every field named: a field added to Entity is a compile
            // error here until it is written too.
            let Entity {
                id,
                name,
                kind,
                aliases,
                lists,
                name_order,
                match_policy,
                properties,
            } = e;
            Wire {
                id: Cow::Borrowed(id),
                name: Cow::Borrowed(name),
                kind: match kind {
                    EntityType::Person => Kind::Person,
                    EntityType::Organization => Kind::Organization,
                    EntityType::Vessel => Kind::Vessel,
                    EntityType::Aircraft => Kind::Aircraft,
                    EntityType::Other(s) => Kind::Other(Cow::Borrowed(s)),
                },
                aliases: aliases
                    .iter()
                    .map(|a| {
                        let Alias {
                            name,
                            weak,
                            kind,
                            policy,
                            order,
                        } = a;
                        AliasWire {
                            name: Cow::Borrowed(name),
                            weak: *weak,
                            kind: kind.as_deref().map(Cow::Borrowed),
                            policy: *policy,
                            order: *order,
                        }
                    })
                    .collect(),
                lists: Cow::Borrowed(lists),
                name_order: *name_order,
                match_policy: *match_policy,
                properties: PackedProperties::Borrowed(properties),
            }
        }
    }

    impl From<Wire<'_>> for Entity {
        fn from(w: Wire<'_>) -> Entity {
            Entity {
                id: w.id.into_owned(),
                name: w.name.into_owned(),
                kind: match w.kind {
                    Kind::Person => EntityType::Person,
                    Kind::Organization => EntityType::Organization,
                    Kind::Vessel => EntityType::Vessel,
                    Kind::Aircraft => EntityType::Aircraft,
                    Kind::Other(s) => EntityType::Other(s.into_owned()),
                },
                aliases: w
                    .aliases
                    .into_iter()
                    .map(|a| Alias {
                        name: a.name.into_owned(),
                        weak: a.weak,
                        kind: a.kind.map(Cow::into_owned),
                        policy: a.policy,
                        order: a.order,
                    })
                    .collect(),
                lists: w.lists.into_owned(),
                name_order: w.name_order,
                match_policy: w.match_policy,
                properties: match w.properties {
                    PackedProperties::Borrowed(p) => p.clone(),
                    PackedProperties::Owned(p) => p,
                },
            }
        }
    }

    /// An entity's properties, as one byte string: their packed form
    /// ([`super::super::properties`]), checked whole when read.
    enum PackedProperties<'a> {
        Borrowed(&'a Properties),
        Owned(Properties),
    }

    impl Serialize for PackedProperties<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let p = match self {
                PackedProperties::Borrowed(p) => *p,
                PackedProperties::Owned(p) => p,
            };
            s.serialize_bytes(&p.to_packed())
        }
    }

    impl<'de> Deserialize<'de> for PackedProperties<'_> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl serde::de::Visitor<'_> for V {
                type Value = Properties;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("packed properties")
                }
                fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<Properties, E> {
                    Properties::from_packed(b).map_err(E::custom)
                }
            }
            d.deserialize_byte_buf(V).map(PackedProperties::Owned)
        }
    }

    pub(crate) fn serialize<S: serde::Serializer>(
        entities: &[Entity],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(entities.iter().map(Wire::from))
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<Entity>, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Vec<Entity>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence of entities")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Vec<Entity>, A::Error> {
                // (The length is the file's word: reserve no more than a
                // few MB ahead of the entities actually read.)
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(w) = seq.next_element::<Wire<'_>>()? {
                    out.push(Entity::from(w));
                }
                Ok(out)
            }
        }
        d.deserialize_seq(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A few entities with every kind of field and property value.
    fn gazetteer() -> Gazetteer {
        let mut putin = Entity::new(
            "ofac-35096",
            "PUTIN, Vladimir Vladimirovich",
            EntityType::Person,
        );
        putin.lists.push("RUSSIA-EO14024".into());
        putin.aliases.push(Alias::new("Vladimir Putin"));
        putin.aliases.push(Alias {
            name: "VVP".into(),
            weak: true,
            kind: Some("weak-aka".into()),
            policy: MatchPolicy::Never,
            order: Some(NameOrder::GivenFirst),
        });
        putin
            .properties
            .insert("dob".into(), json!(["07 Oct 1952"]));
        putin.properties.insert(
            "roles".into(),
            json!([{"role": "President of Russia", "start": "2012-05-07", "current": true}]),
        );
        putin.properties.insert("gender".into(), json!("Male"));
        let mut kim = Entity::new("dprk-1", "Kim Jong Un", EntityType::Person);
        kim.name_order = Some(NameOrder::FamilyFirst);
        kim.match_policy = MatchPolicy::Always;
        kim.properties.insert(
            "numbers".into(),
            json!({"u": 18446744073709551615u64, "i": -42, "f": 1.5, "z": 0.1, "n": null, "t": true}),
        );
        kim.properties
            .insert("nested".into(), json!([[], {}, [{"a": ["ü", "日本"]}]]));
        let mut ship = Entity::new("imo-1", "Ocean Star", EntityType::Vessel);
        ship.properties
            .insert("linked_to".into(), json!(["SOVCOMFLOT"]));
        let org = Entity::new("o-1", "SOVCOMFLOT", EntityType::Organization);
        let other = Entity::new("x-1", "Ruritania", EntityType::Other("Country".into()));
        Gazetteer::from_entities([putin, kim, ship, org, other])
    }

    fn sources() -> Sources {
        let mut g = gazetteer();
        let mut s = Sources::describe(&g);
        s.merge = Some(g.merge_same_people());
        s.warnings.push("a warning".into());
        s
    }

    const TEXT: &str = "President Vladimir Putin met Kim Jong Un; the Ocean Star of \
                        SOVCOMFLOT sailed. Putin left. Ruritania.";

    fn mentions(m: &Matcher) -> Vec<(usize, usize, String, String)> {
        m.find(TEXT)
            .iter()
            .map(|x| {
                (
                    x.start,
                    x.end,
                    m.entity(x).id.clone(),
                    format!("{:?}", x.kind),
                )
            })
            .collect()
    }

    #[test]
    fn a_compiled_matcher_reads_back_equal() {
        let g = gazetteer();
        let built = Matcher::new(&g);
        let bytes = to_bytes(&built, &sources());
        let read = from_bytes(&bytes, Path::new("t.gazex")).unwrap();
        assert_eq!(read.sources, sources());
        assert_eq!(read.matcher.entities(), built.entities());
        assert_eq!(
            read.matcher.entities()[4].kind,
            EntityType::Other("Country".into())
        );
        let found = mentions(&built);
        assert!(found.len() >= 4, "{found:?}");
        assert_eq!(mentions(&read.matcher), found);
        for e in 0..g.len() as u32 {
            assert_eq!(read.matcher.name_commonness(e), built.name_commonness(e));
            assert_eq!(read.matcher.profile(e), built.profile(e));
            assert_eq!(read.matcher.links(e), built.links(e));
        }
        assert_eq!(read.matcher.stats().patterns, built.stats().patterns);
        assert_eq!(
            read.matcher.persons_named("kim"),
            built.persons_named("kim")
        );
        // Written again, it is as long (maps may list their entries in
        // another order).
        assert_eq!(to_bytes(&read.matcher, &read.sources).len(), bytes.len());
    }

    /// The error of `from_bytes` on `bytes`, as printed.
    fn refused(bytes: &[u8]) -> String {
        match from_bytes(bytes, Path::new("lists.gazex")) {
            Ok(_) => panic!("accepted"),
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.starts_with("lists.gazex: "), "{msg}");
                msg
            }
        }
    }

    #[test]
    fn every_flipped_byte_and_every_cut_is_refused() {
        let bytes = to_bytes(&Matcher::new(&gazetteer()), &sources());
        assert!(bytes.len() > 1000, "{}", bytes.len());
        for at in 0..bytes.len() {
            for bit in [0x01, 0x80] {
                let mut bad = bytes.clone();
                bad[at] ^= bit;
                let msg = refused(&bad);
                let expected = match at {
                    0..8 => "not a compiled gazetteer",
                    8..12 => "compiled gazetteer of format",
                    12..68 => "written by gazex",
                    68..76 => "bytes",
                    _ => "corrupt: its tables do not match their checksum",
                };
                assert!(msg.contains(expected), "byte {at}: {msg}");
            }
        }
        for len in 0..bytes.len() {
            let msg = refused(&bytes[..len]);
            assert!(
                msg.contains("truncated") || (len < 8 && msg.contains("not a compiled")),
                "{len} bytes: {msg}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(refused(&longer).contains("1 bytes more than its header says"));
    }

    /// Bytes changed in the payload with the checksum made to match: the
    /// file is decoded, refused or (a changed letter of a name) read, but
    /// nothing panics, and what is read can be searched.
    #[test]
    fn a_payload_changed_behind_a_valid_checksum_never_panics() {
        let bytes = to_bytes(&Matcher::new(&gazetteer()), &sources());
        let (mut accepted, mut rejected) = (0, 0);
        for at in HEADER_LEN..bytes.len() {
            for value in [0x00, 0x01, 0x7f, 0xff] {
                let mut bad = bytes.clone();
                if bad[at] == value {
                    continue;
                }
                bad[at] = value;
                let hash = xxhash_rust::xxh3::xxh3_128(&bad[HEADER_LEN..]);
                bad[76..92].copy_from_slice(&hash.to_le_bytes());
                match from_bytes(&bad, Path::new("lists.gazex")) {
                    Ok(c) => {
                        accepted += 1;
                        c.matcher.find(TEXT);
                    }
                    Err(e) => {
                        rejected += 1;
                        assert!(e.to_string().contains("corrupt"), "{e}");
                    }
                }
            }
        }
        assert!(accepted > 0 && rejected > 0, "{accepted} {rejected}");
    }

    #[test]
    fn a_file_of_another_version_or_build_says_so() {
        let bytes = to_bytes(&Matcher::new(&gazetteer()), &sources());
        let mut other = bytes.clone();
        other[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        let msg = refused(&other);
        assert!(
            msg.contains(&format!("format {}; this gazex", FORMAT_VERSION + 1))
                && msg.contains(&format!("reads format {FORMAT_VERSION} only")),
            "{msg}"
        );
        let mut other = bytes.clone();
        other[12..44].copy_from_slice(b"0123456789abcdef0123456789abcdef");
        let msg = refused(&other);
        assert!(
            msg.contains(&format!(
                "written by gazex {GAZEX_VERSION} (build 01234567), not by this gazex"
            )) && msg.contains("compile it again"),
            "{msg}"
        );
        let mut other = bytes;
        other[44..49].copy_from_slice(b"9.9.9");
        assert!(refused(&other).contains("written by gazex 9.9.9"));
    }

    #[test]
    fn a_compiled_file_is_known_by_its_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lists.bin");
        let g = gazetteer();
        let len = write_file(&path, &Matcher::new(&g), &sources(), false).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), len);
        assert!(is_compiled(&path).unwrap());
        assert_eq!(read(&path).unwrap().matcher.entities(), g.entities());
        let text = dir.path().join("names.txt");
        std::fs::write(&text, "GAZEX").unwrap();
        assert!(!is_compiled(&text).unwrap());
        let missing = read(&dir.path().join("gone.gazex")).unwrap_err();
        assert!(missing.is_not_found(), "{missing}");
        assert!(missing
            .to_string()
            .contains("cannot read compiled gazetteer"));
    }
}
