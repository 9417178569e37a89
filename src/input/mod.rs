//! Reading inputs into documents: formats, compression, encodings, and
//! files too big to hold.
//!
//! # Formats
//!
//! | format | files | document | offsets into |
//! |---|---|---|---|
//! | text | `.txt`, `.md` (and any file named directly) | the file | the file's bytes |
//! | HTML | `.html`, `.htm` | the page's visible text ([`html`]) | the page's bytes |
//! | JSON Lines | `.jsonl`, `-` (standard input) | one per line ([`jsonl`]) | the text field's value |
//!
//! [`Format::Auto`] picks by extension; `-` defaults to JSON Lines. Any of
//! them may be gzip-compressed (`a.html.gz`, `docs.jsonl.gz`): it is
//! decompressed on the fly, and **offsets are into the decompressed
//! bytes**.
//!
//! Text and HTML that are not UTF-8 are decoded ([`decode`] documents the
//! detection rule); offsets stay in the source's bytes.
//!
//! # Dates
//!
//! Each reader takes the document's date where its source gives one: a
//! JSON Lines record's date field ([`jsonl`]), an HTML page's metadata
//! ([`html`], in the same tokenizing pass), a text's dateline
//! ([`crate::date::dateline`]; the first window's for a text read in
//! windows). A document without one gets [`ReadOptions::date`] (`--date`)
//! if given; otherwise it keeps no date, and the pipeline dates it with the
//! run's day ([`crate::extract`]).
//!
//! # What is not read
//!
//! Every refusal is an [`InputError`] naming the file and the reason; the
//! run goes on. Refused are: files that are not regular files (FIFOs,
//! sockets, devices: never opened, so never waited on), binary files
//! ([`sniff_binary`]: a PDF, zip, PNG, GIF, JPEG or gzip signature, or a NUL
//! byte in the first 8 KiB without a UTF-16 byte-order mark), files that
//! cannot be opened or read, and HTML pages and JSON Lines records larger
//! than [`ReadOptions::max_document`] once decompressed
//! (`--max-record-size`). A file larger than [`ReadOptions::max_file`]
//! (`--max-file-size`) is read only that far: what was read is kept, the
//! rest reported as an error where reading stopped.
//!
//! # Big files
//!
//! A text file larger than [`ReadOptions::window`] (16 MiB by default), and
//! any compressed or standard-input text, is read in windows so memory
//! stays bounded whatever the file's size ([`window`]), in any encoding but
//! ISO-2022-JP (read whole up to [`window::MAX_WHOLE`], 64 MiB, or
//! [`ReadOptions::max_document`] if smaller, refused beyond with an error
//! naming the file). Each window is a
//! document of its own whose offsets are the file's; windows overlap by
//! [`ReadOptions::overlap`] bytes and each mention is reported by the one
//! window that owns its start, so a name across a cut is found exactly
//! once. Document-level evidence (a surname resting on a full mention in
//! the same document) holds within a window and its overlaps.
//!
//! An HTML page or a JSON Lines record is read whole (it must be
//! tokenized or parsed to know its text), on the reading thread when it is
//! bigger than a window, and its text, if bigger than a window too, is
//! matched in windows the same way ([`split`]): memory holds its bytes and
//! text, not its matching state.

pub mod decode;
pub mod html;
pub mod jsonl;
pub mod split;
pub mod window;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use encoding_rs::Encoding;

use crate::date::{dateline, DateSource, DocDate};
use crate::document::{source_hash, Document, OffsetMap};
use crate::InputError;
use decode::DecodeOptions;
use jsonl::Fields;
use split::Split;
use window::{Window, Windows};

/// A document format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// By extension: `.html`/`.htm` HTML, `.jsonl` JSON Lines, anything
    /// else text; `-` JSON Lines.
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// JSON Lines, one document per line.
    Jsonl,
}

/// The default [`ReadOptions::max_document`]: 256 MiB.
pub const MAX_RECORD: u64 = 256 << 20;

/// The default [`ReadOptions::max_file`]: 16 GiB.
pub const MAX_FILE: u64 = 16 << 30;

/// File extensions read when walking folders (each also with `.gz`).
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// The format of every input, or [`Format::Auto`] (the default).
    pub format: Format,
    /// Encoding detection or a forced encoding.
    pub decode: DecodeOptions,
    /// JSON Lines id and text fields.
    pub fields: Fields,
    /// Text files larger than this many bytes are read in windows of about
    /// this size (default 16 MiB); so is the text of a bigger page or
    /// record matched.
    pub window: usize,
    /// Bytes windows overlap on each side (default 64 KiB); must exceed the
    /// longest mention and its context.
    pub overlap: usize,
    /// HTML pages and JSON Lines records larger than this (decompressed)
    /// are refused (`--max-record-size`, default [`MAX_RECORD`]): each is
    /// held whole while it is read and matched in windows: at peak about
    /// 0.35 GB plus 3 to 7 times its size (README, Input formats).
    pub max_document: u64,
    /// Files larger than this (decompressed) are read only this far
    /// (`--max-file-size`, default [`MAX_FILE`]): what was read is matched
    /// and written, and the rest reported as an error at the byte where
    /// reading stopped, as for a truncated `.gz`. Standard input is not
    /// limited.
    pub max_file: u64,
    /// The date of every document that has none of its own (`--date`):
    /// given it with [`DateSource::Flag`]. `None` (the default): such a
    /// document keeps no date, and the run's date stands in.
    pub date: Option<DocDate>,
    /// Whether a text file read in windows is hashed whole, as stored
    /// (a `.gz` file's compressed bytes), before its windows are read
    /// ([`Document::whole_hash`]): one more read of the file, which lets an
    /// incremental index tell an unchanged one. Default `false`; the
    /// pipeline sets it for a sink that asks
    /// ([`crate::output::Sink::keys_windows`]).
    pub hash_windowed: bool,
}

impl ReadOptions {
    /// Gives `doc` the `--date` date if it has none of its own.
    pub fn date_default(&self, doc: &mut Document) {
        if doc.date.is_none() {
            if let Some(d) = self.date {
                doc.date = Some(d);
                doc.date_source = DateSource::Flag;
            }
        }
    }
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: Format::Auto,
            decode: DecodeOptions::default(),
            fields: Fields::default(),
            window: 16 << 20,
            overlap: 64 << 10,
            max_document: MAX_RECORD,
            max_file: MAX_FILE,
            date: None,
            hash_windowed: false,
        }
    }
}

/// Where documents come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file.
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Source {
    /// The source's name in output and errors (`-` for standard input; a
    /// path by [`doc_name`]).
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => doc_name(p),
            Source::Stdin => "-".to_string(),
        }
    }
}

/// A path as a document's name (`doc`): the path itself when it is
/// UTF-8 (every path, nearly); otherwise each byte of it that is not UTF-8,
/// and each `%`, written `%XX` in hexadecimal (`a\xff.txt` is
/// `a%FF.txt`), so that two paths differing only in such bytes keep
/// different names, and the bytes can be read back.
pub fn doc_name(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut name = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '%' => name.push_str("%25"),
                    c => name.push(c),
                }
            }
            for b in chunk.invalid() {
                let _ = write!(name, "%{b:02X}");
            }
        }
        name
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// The format of `path` under `opts`, and whether it is gzip-compressed
/// (by its `.gz` extension).
pub fn format_of(path: &Path, opts: &ReadOptions) -> (Format, bool) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let (inner, gz) = match lower.strip_suffix(".gz") {
        Some(rest) => (rest, true),
        None => (lower.as_str(), false),
    };
    let format = match opts.format {
        Format::Auto => match inner.rsplit_once('.').map(|(_, e)| e) {
            Some("html" | "htm") => Format::Html,
            Some("jsonl") => Format::Jsonl,
            _ => Format::Text,
        },
        f => f,
    };
    (format, gz)
}

/// How much of a file is checked for NUL bytes.
const BINARY_PROBE: usize = 8 * 1024;

/// Why `head` (a file's first bytes) looks binary, if it does: a known
/// signature, or a NUL byte in the first 8 KiB (unless a UTF-16 byte-order
/// mark, a forced UTF-16 encoding, or UTF-16 text without a mark,
/// [`decode::utf16_unmarked`], explains it).
pub fn sniff_binary(head: &[u8], opts: &DecodeOptions) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a zip archive"),
        (b"PK\x05\x06", "a zip archive"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"\x1f\x8b", "gzip data without a .gz name"),
        (b"\x7fELF", "an executable"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(format!("binary file ({what}), skipped"));
    }
    let utf16 = matches!(Encoding::for_bom(head), Some((e, _)) if decode::is_utf16(e))
        || opts.forced.is_some_and(decode::is_utf16)
        || decode::utf16_unmarked(head).is_some();
    if utf16 {
        return None;
    }
    let probe = &head[..head.len().min(BINARY_PROBE)];
    let at = memchr::memchr(0, probe)?;
    Some(match utf16_guess(probe) {
        Some(label) => format!(
            "binary file (NUL byte at offset {at}), skipped; if it is UTF-16 text without a \
             byte-order mark, give its encoding: --encoding {label}"
        ),
        None => format!("binary file (NUL byte at offset {at}), skipped"),
    })
}

/// The UTF-16 that bytes with NULs might be, for a refusal's hint: where
/// every NUL falls on the same side of a 2-byte unit and no unit is zero,
/// as in UTF-16 text without a byte-order mark that is mostly not ASCII
/// (too little ASCII for [`decode::utf16_unmarked`] to say so): its ASCII
/// characters give the NULs, on the second byte in `utf-16le`, the first
/// in `utf-16be`.
fn utf16_guess(probe: &[u8]) -> Option<&'static str> {
    let (mut first, mut second) = (false, false);
    for unit in probe.chunks_exact(2) {
        match (unit[0], unit[1]) {
            (0, 0) => return None,
            (0, _) => first = true,
            (_, 0) => second = true,
            _ => {}
        }
    }
    match (first, second) {
        (false, true) => Some("utf-16le"),
        (true, false) => Some("utf-16be"),
        _ => None,
    }
}

/// Opens `path` for reading if it is a regular file; anything else (a
/// FIFO, a socket, a device, a folder) is refused. On Unix the file is
/// opened non-blocking, so a FIFO is never waited on, and its type is read
/// from the open handle: one path lookup per file.
pub fn open_regular(path: &Path) -> Result<(File, u64), InputError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| match crate::walk::link_trouble(path) {
            Some(why) => InputError::new(path, why),
            None => InputError::io(path, &e),
        })?;
    let meta = file.metadata().map_err(|e| InputError::io(path, &e))?;
    if !meta.is_file() {
        return Err(InputError::new(
            path,
            format!("not a regular file ({}), skipped", file_kind(&meta)),
        ));
    }
    Ok((file, meta.len()))
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// The most bytes of a page or whole text read (`record`: a page) and the
/// flag that says so.
fn limit(opts: &ReadOptions, record: bool) -> (u64, &'static str) {
    let doc = if record {
        opts.max_document
    } else {
        opts.max_document.max(opts.window as u64)
    };
    if doc <= opts.max_file {
        (doc, "--max-record-size")
    } else {
        (opts.max_file, "--max-file-size")
    }
}

/// Reads all of `reader`, refusing more than `max` bytes (the limit `flag`
/// sets). `expected` (a file's size) sizes the buffer, so a file is read
/// in one call.
fn read_limited(
    reader: impl Read,
    (max, flag): (u64, &str),
    expected: u64,
    path: &Path,
) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(max) + 1).unwrap_or(0));
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::io(path, &e))?;
    if bytes.len() as u64 > max {
        return Err(InputError::new(
            path,
            format!("larger than {max} bytes (decompressed; {flag}), skipped"),
        ));
    }
    Ok(bytes)
}

/// A reader that gives `max` bytes of `inner`, then an error if there is
/// more (`--max-file-size`): the streams reading it keep what came before
/// and report the error where reading stopped.
struct Capped<R> {
    inner: R,
    left: u64,
    max: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            let mut one = [0u8];
            return match self.inner.read(&mut one)? {
                0 => Ok(0),
                _ => Err(io::Error::other(format!(
                    "larger than {} bytes (decompressed; --max-file-size), not read further",
                    self.max
                ))),
            };
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// About how many times its source bytes a window of text in `encoding`
/// holds once decoded, for batching ([`Job::held`]), so that fewer such
/// windows are decoded at once: UTF-8 once; UTF-16 (mostly CJK text
/// where its memory matters) four times; any other encoding from once
/// (ASCII) to four times (every byte above ASCII: GBK or Shift_JIS, or
/// such text taken for a single-byte encoding, each byte then a
/// character of its own).
fn decoded_weight(bytes: &[u8], encoding: &'static Encoding) -> usize {
    if encoding == encoding_rs::UTF_8 {
        1
    } else if decode::is_utf16(encoding) {
        4
    } else {
        let high = bytes.iter().filter(|&&b| b >= 0x80).count();
        1 + (3 * high + bytes.len() / 2) / bytes.len().max(1)
    }
}

/// The [`source_hash`] of all of `file`'s bytes, read from its start; the
/// file is left at its start again.
fn hash_file(file: &mut File) -> io::Result<u128> {
    use std::io::Seek;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => hasher.update(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    file.rewind()?;
    Ok(hasher.digest128())
}

/// A document built from a whole source's bytes, in `format` (text or
/// HTML). Errors name `path`.
pub fn document_from_bytes(
    path: &Path,
    id: String,
    bytes: Vec<u8>,
    format: Format,
    opts: &ReadOptions,
) -> Result<Document, InputError> {
    if let Some(why) = sniff_binary(&bytes, &opts.decode) {
        return Err(InputError::new(path, why));
    }
    let source_len = bytes.len() as u64;
    let source_hash = source_hash(&bytes);
    let (text, map, date, date_source) = match format {
        Format::Html => {
            let (text, map, date) = html::html_to_text_and_date(&bytes, &opts.decode);
            (text, Some(map), date, DateSource::Html)
        }
        _ => {
            let d = decode::decode_owned(bytes, &opts.decode);
            let date = dateline(&d.text);
            (d.text, d.map, date, DateSource::Dateline)
        }
    };
    let mut doc = Document {
        id,
        text,
        map,
        source_len,
        source_hash,
        window_start: None,
        whole_hash: None,
        file: None,
        date,
        date_source: if date.is_some() {
            date_source
        } else {
            DateSource::Run
        },
    };
    opts.date_default(&mut doc);
    Ok(doc)
}

/// Reads the text or HTML file `path` whole into a document named by its
/// path.
pub fn read_document(path: &Path, opts: &ReadOptions) -> Result<Document, InputError> {
    read_document_within(path, opts, None)
}

/// [`read_document`], refusing a file whose text (decompressed) is larger
/// than `max` bytes, with `max`'s name in the error (`"max_text"`) instead
/// of the run's flags; `None`: `opts`' limits.
pub fn read_document_within(
    path: &Path,
    opts: &ReadOptions,
    max: Option<(u64, &str)>,
) -> Result<Document, InputError> {
    let (format, gz) = format_of(path, opts);
    let (file, len) = open_regular(path)?;
    let record = format == Format::Html || gz;
    let max = max.unwrap_or_else(|| limit(opts, record));
    let bytes = if gz {
        read_limited(
            flate2::read::MultiGzDecoder::new(BufReader::new(file)),
            max,
            0,
            path,
        )?
    } else {
        read_limited(file, max, len, path)?
    };
    document_from_bytes(path, doc_name(path), bytes, format, opts)
}

/// One unit of work for the pipeline: produced in order on the reading
/// thread, turned into a document on a worker.
#[derive(Debug)]
pub struct Job {
    kind: JobKind,
}

#[derive(Debug)]
enum JobKind {
    /// A whole file (of this many bytes), read on the worker.
    File(PathBuf, u64),
    /// Bytes already read (standard input as text or HTML).
    Bytes {
        name: String,
        bytes: Vec<u8>,
        format: Format,
    },
    /// One window of a big text.
    Window(Window),
    /// One JSON Lines record.
    Line {
        file: String,
        line: u64,
        bytes: Vec<u8>,
    },
    /// A document made on the reading thread (a window of a big page or
    /// record, or a document read to learn it is not big), read from
    /// `file` (at JSON Lines `line`).
    Part {
        piece: Piece,
        file: PathBuf,
        line: Option<u64>,
    },
    /// A problem found while reading ahead.
    Failed(InputError),
}

/// A document ready to match, and which of its mentions to keep.
#[derive(Debug)]
pub struct Piece {
    /// The document.
    pub doc: Document,
    /// For a window: the source bytes it owns; keep only the mentions that
    /// start there.
    pub keep: Option<Range<usize>>,
}

impl Job {
    /// Bytes the job holds in memory (for batching).
    pub fn held(&self) -> usize {
        match &self.kind {
            JobKind::Bytes { bytes, .. } | JobKind::Line { bytes, .. } => bytes.len(),
            JobKind::Window(w) => {
                let weight = decoded_weight(&w.bytes, w.encoding);
                w.bytes.len() * weight
            }
            JobKind::Part { piece, .. } => {
                piece.doc.text.len() + piece.doc.map.as_ref().map_or(0, OffsetMap::heap_bytes)
            }
            JobKind::File(_, len) => usize::try_from(*len).unwrap_or(usize::MAX),
            JobKind::Failed(_) => 0,
        }
    }

    /// The input the job reads, for error records.
    pub fn name(&self) -> PathBuf {
        match &self.kind {
            JobKind::File(p, _) => p.clone(),
            JobKind::Bytes { name, .. } => PathBuf::from(name),
            JobKind::Window(w) => PathBuf::from(&w.name),
            JobKind::Line { file, .. } => PathBuf::from(file),
            JobKind::Part { file, .. } => file.clone(),
            JobKind::Failed(e) => e.path.clone(),
        }
    }

    /// The line a JSON Lines job reads.
    pub fn line(&self) -> Option<u64> {
        match &self.kind {
            JobKind::Line { line, .. } => Some(*line),
            JobKind::Part { line, .. } => *line,
            _ => None,
        }
    }

    /// Turns the job into a document (on a worker thread).
    pub fn run(self, opts: &ReadOptions) -> Result<Piece, InputError> {
        let doc = match self.kind {
            JobKind::File(path, _) => read_document(&path, opts)?,
            JobKind::Bytes {
                name,
                bytes,
                format,
            } => document_from_bytes(Path::new(&name), name.clone(), bytes, format, opts)?,
            JobKind::Window(w) => {
                let keep = w.own.clone();
                let mut doc = w.into_document();
                opts.date_default(&mut doc);
                return Ok(Piece {
                    doc,
                    keep: Some(keep),
                });
            }
            JobKind::Line { file, line, bytes } => {
                let mut doc = jsonl::parse_line(&bytes, &opts.fields, &file, line)?;
                opts.date_default(&mut doc);
                doc
            }
            JobKind::Part { piece, .. } => return Ok(piece),
            JobKind::Failed(e) => return Err(e),
        };
        Ok(Piece { doc, keep: None })
    }
}

/// The jobs of a list of sources, in order: whole files are left to the
/// workers; JSON Lines and big or compressed texts are read here, a line or
/// a window at a time, so memory stays bounded.
pub struct Jobs<'a> {
    sources: std::slice::Iter<'a, Source>,
    opts: &'a ReadOptions,
    stream: Option<Stream>,
    /// The windows of a big page or record being matched, with the file
    /// (and JSON Lines line) it came from.
    split: Option<(Split, PathBuf, Option<u64>)>,
    started: u64,
    /// When set, waiting on standard input ends and no job follows.
    stop: Option<&'a AtomicBool>,
}

enum Stream {
    Lines {
        reader: BufReader<Box<dyn Read + Send>>,
        name: String,
        line: u64,
        /// Standard input: waited on with an eye on the stop flag.
        stdin: bool,
    },
    Windows(Windows),
}

/// Whether standard input has bytes to read (or its end) within
/// `timeout_ms` milliseconds. Where this cannot be asked, `true`: the read
/// then waits as it always did.
fn stdin_ready(timeout_ms: i32) -> bool {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the duration of the call.
        let n = unsafe { libc::poll(&mut fd, 1, timeout_ms) };
        // A signal interrupting the wait is no input: the caller looks at
        // its stop flag and waits again.
        n > 0 || n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted
    }
    #[cfg(not(unix))]
    {
        let _ = timeout_ms;
        true
    }
}

impl<'a> Jobs<'a> {
    /// The jobs of `sources`, read with `opts`.
    pub fn new(sources: &'a [Source], opts: &'a ReadOptions) -> Jobs<'a> {
        Jobs {
            sources: sources.iter(),
            opts,
            stream: None,
            split: None,
            started: 0,
            stop: None,
        }
    }

    /// The same jobs, ending as soon as `stop` is set while waiting on
    /// standard input (a signal), instead of when the next line arrives.
    pub fn stop_on(mut self, stop: Option<&'a AtomicBool>) -> Jobs<'a> {
        self.stop = stop;
        self
    }

    fn stopped(&self) -> bool {
        self.stop.is_some_and(|s| s.load(Ordering::SeqCst))
    }

    /// Whether the next job would wait for standard input: it is read next
    /// and holds no whole line yet, and nothing is there to read. The
    /// pipeline then matches and writes what it has first, so that a
    /// record's output follows it at once (`tail -f | gazex extract -`).
    pub fn would_wait(&self) -> bool {
        if self.split.is_some() {
            return false;
        }
        let buffered = match &self.stream {
            Some(Stream::Lines {
                reader,
                stdin: true,
                ..
            }) => reader.buffer(),
            None if self.sources.clone().next() == Some(&Source::Stdin) => &[],
            _ => return false,
        };
        !buffered.contains(&b'\n') && !stdin_ready(0)
    }

    /// Sources started so far (for progress).
    pub fn sources_started(&self) -> u64 {
        self.started
    }

    fn start(&mut self, source: &Source) -> Option<Job> {
        let failed = |e| {
            Some(Job {
                kind: JobKind::Failed(e),
            })
        };
        // The hash of a text file read in windows, as stored.
        let mut whole_hash = None;
        let (name, format, gz, reader): (String, Format, bool, Box<dyn Read + Send>) = match source
        {
            Source::Stdin => {
                let format = match self.opts.format {
                    Format::Auto => Format::Jsonl,
                    f => f,
                };
                ("-".to_string(), format, false, Box::new(io::stdin()))
            }
            Source::Path(path) => {
                let (format, gz) = format_of(path, self.opts);
                if !gz && matches!(format, Format::Html | Format::Text) {
                    // A page, or a text that fits one window, is read
                    // whole on a worker; one that cannot be read is
                    // reported there.
                    let whole = |len: u64| {
                        Some(Job {
                            kind: JobKind::File(path.clone(), len),
                        })
                    };
                    match std::fs::metadata(path) {
                        Err(_) => return whole(0),
                        Ok(m)
                            if m.is_file()
                                && (format == Format::Html
                                    || m.len() <= self.opts.window as u64) =>
                        {
                            return whole(m.len())
                        }
                        Ok(_) => {}
                    }
                }
                let (mut file, _) = match open_regular(path) {
                    Ok(f) => f,
                    Err(e) => return failed(e),
                };
                if format == Format::Text && self.opts.hash_windowed {
                    match hash_file(&mut file) {
                        Ok(h) => whole_hash = Some(h),
                        Err(e) => return failed(InputError::io(path, &e)),
                    }
                }
                (doc_name(path), format, gz, Box::new(file))
            }
        };
        let reader: Box<dyn Read + Send> = if gz {
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(reader)))
        } else {
            reader
        };
        // A stream read on (not a page, read whole under its own limit).
        let reader: Box<dyn Read + Send> = match source {
            Source::Path(_) if format != Format::Html && self.opts.max_file < u64::MAX => {
                Box::new(Capped {
                    inner: reader,
                    left: self.opts.max_file,
                    max: self.opts.max_file,
                })
            }
            _ => reader,
        };
        match format {
            Format::Jsonl | Format::Auto => {
                self.stream = Some(Stream::Lines {
                    reader: BufReader::with_capacity(1 << 16, reader),
                    stdin: *source == Source::Stdin,
                    name,
                    line: 0,
                });
                None
            }
            Format::Html => {
                let path = PathBuf::from(&name);
                let max = match source {
                    Source::Stdin => (self.opts.max_document, "--max-record-size"),
                    Source::Path(_) => limit(self.opts, true),
                };
                match read_limited(reader, max, 0, &path) {
                    Ok(bytes) => Some(Job {
                        kind: JobKind::Bytes {
                            name,
                            bytes,
                            format,
                        },
                    }),
                    Err(e) => failed(e),
                }
            }
            Format::Text => {
                self.stream = Some(Stream::Windows(
                    Windows::new(
                        name,
                        reader,
                        self.opts.window,
                        self.opts.overlap,
                        self.opts.decode,
                    )
                    .max_whole(self.opts.max_document.min(window::MAX_WHOLE))
                    .whole_hash(whole_hash),
                ));
                None
            }
        }
    }

    /// The next job of the current stream, if any.
    fn next_in_stream(&mut self) -> Option<Job> {
        let max = self.opts.max_document;
        let stop = self.stop;
        match self.stream.as_mut()? {
            Stream::Windows(w) => match w.next() {
                Some(Ok(window)) => Some(Job {
                    kind: JobKind::Window(window),
                }),
                Some(Err(e)) => Some(Job {
                    kind: JobKind::Failed(e),
                }),
                None => None,
            },
            Stream::Lines {
                reader,
                name,
                line,
                stdin,
            } => loop {
                if *stdin && !reader.buffer().contains(&b'\n') {
                    if let Some(stop) = stop {
                        // Wait for the next line a little at a time, so
                        // that a signal is acted on at once.
                        while !stdin_ready(100) {
                            if stop.load(Ordering::SeqCst) {
                                return None;
                            }
                        }
                    }
                }
                *line += 1;
                let mut bytes = Vec::new();
                let path = Path::new(name.as_str());
                match reader
                    .by_ref()
                    .take(max.saturating_add(1))
                    .read_until(b'\n', &mut bytes)
                {
                    Ok(0) => return None,
                    Ok(_) => {}
                    Err(e) => {
                        let err = InputError::io(path, &e).at_line(*line);
                        // A read error ends the stream.
                        self.stream = None;
                        return Some(Job {
                            kind: JobKind::Failed(err),
                        });
                    }
                }
                if bytes.len() as u64 > max {
                    // Skip the rest of the over-long line.
                    let mut sink = Vec::new();
                    while let Ok(n) = reader.by_ref().take(1 << 20).read_until(b'\n', &mut sink) {
                        if n == 0 || sink.ends_with(b"\n") {
                            break;
                        }
                        sink.clear();
                    }
                    return Some(Job {
                        kind: JobKind::Failed(
                            InputError::new(
                                path,
                                format!(
                                    "record longer than {max} bytes (--max-record-size), skipped"
                                ),
                            )
                            .at_line(*line),
                        ),
                    });
                }
                if bytes.ends_with(b"\n") {
                    bytes.pop();
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return Some(Job {
                    kind: JobKind::Line {
                        file: name.clone(),
                        line: *line,
                        bytes,
                    },
                });
            },
        }
    }
}

impl Jobs<'_> {
    /// The next window of the big page or record being matched.
    fn next_part(&mut self) -> Option<Job> {
        let (split, file, line) = self.split.as_mut()?;
        match split.next() {
            Some(piece) => Some(Job {
                kind: JobKind::Part {
                    piece,
                    file: file.clone(),
                    line: *line,
                },
            }),
            None => {
                self.split = None;
                None
            }
        }
    }

    /// `job` as it is, or, for a page or record bigger than a window,
    /// read here and matched in windows ([`split`]): its first window
    /// (the others follow from [`Jobs::next_part`]), the whole document if
    /// its text turns out to fit one, or its error.
    fn big(&mut self, job: Job) -> Job {
        let window = self.opts.window;
        let big = match &job.kind {
            JobKind::Line { bytes, .. } | JobKind::Bytes { bytes, .. } => bytes.len() > window,
            JobKind::File(_, len) => *len > window as u64,
            _ => false,
        };
        if !big {
            return job;
        }
        let (file, line) = (job.name(), job.line());
        let opts = self.opts;
        // Read here, not on a worker: a reader bug is still this input's
        // error, as there.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run(opts)))
            .unwrap_or_else(|_| {
                let e = InputError::new(&file, "internal error while reading, skipped");
                Err(match line {
                    Some(l) => e.at_line(l),
                    None => e,
                })
            });
        let doc = match read {
            Ok(piece) => piece.doc,
            Err(e) => {
                return Job {
                    kind: JobKind::Failed(e),
                }
            }
        };
        if doc.text.len() <= window {
            let piece = Piece { doc, keep: None };
            return Job {
                kind: JobKind::Part { piece, file, line },
            };
        }
        let split = Split::new(doc, window, self.opts.overlap);
        self.split = Some((split, file.clone(), line));
        // A split always has a first window; an error if not.
        self.next_part().unwrap_or_else(|| Job {
            kind: JobKind::Failed(InputError::new(&file, "internal error: no window")),
        })
    }
}

impl Iterator for Jobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if self.stopped() {
                return None;
            }
            if let Some(job) = self.next_part() {
                return Some(job);
            }
            if self.stream.is_some() {
                if let Some(job) = self.next_in_stream() {
                    return Some(self.big(job));
                }
                self.stream = None;
            }
            let source = self.sources.next()?;
            self.started += 1;
            if let Some(job) = self.start(source) {
                return Some(self.big(job));
            }
        }
    }
}
