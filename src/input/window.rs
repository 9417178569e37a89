//! Reading a text of any size in overlapping windows.
//!
//! A big text is cut into consecutive *owned* stretches of about
//! `window` bytes, each cut at a line break where the stretch's second half
//! has one, else at ASCII whitespace, else at a character boundary. Each
//! window's document is its owned stretch plus up to `overlap` bytes of
//! context on either side (cut at whitespace too), and keeps only the
//! mentions that *start* in its owned stretch. A name across a cut is thus
//! whole in the window owning its start and found exactly once, provided
//! `overlap` exceeds the longest mention with the context the resolver
//! looks at (a few words; the default 64 KiB is ample).
//!
//! Offsets are the file's: each window's map carries the byte and
//! character offset where its bytes begin. The encoding is detected once,
//! on the first window, and used for all, and says where a cut may fall
//! ([`Cutting`]): UTF-8 and single-byte texts are cut between bytes as
//! above, UTF-16 between code units (whitespace being a code unit of ASCII
//! whitespace, never inside a surrogate pair), Shift_JIS, GBK and the
//! other ASCII-compatible multi-byte encodings before a byte of ASCII
//! whitespace (never part of a multi-byte character) that no broken
//! sequence runs into, or, where a stretch has none, at a character start
//! found by decoding it. Only ISO-2022-JP,
//! whose shift state runs across the text, is read whole, up to
//! [`Windows::max_whole`] bytes; a bigger one is refused with an error
//! naming the file.
//!
//! The text's date is read once too, from the dateline at the top of the
//! first window ([`crate::date::dateline`]), and given to every window of
//! the file: a dateline dates the whole text, not its first 16 MiB.
//!
//! Memory holds one window and its overlaps, whatever the file's size.
//!
//! A read error (a truncated `.gz`) ends the text where it happens: what
//! was read is windowed and matched as usual, and the error, at the byte
//! where reading stopped, follows the last window. An error before the
//! first byte (a broken gzip header) gives no window, only the error.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use encoding_rs::Encoding;

use super::decode::{
    char_starts, count_chars, cutting, decode_part, detect, Cutting, DecodeOptions,
};
use super::sniff_binary;
use crate::date::{dateline, DateSource, DocDate, DATELINE_BYTES};
use crate::document::{source_hash, Document, OffsetMap};
use crate::InputError;

/// The most bytes of a text that cannot be cut (ISO-2022-JP) read whole
/// by default: 64 MiB, so that memory stays bounded (the text is held
/// whole, with its decoded form and offset map).
pub const MAX_WHOLE: u64 = 64 << 20;

/// One window of a big text.
#[derive(Debug)]
pub struct Window {
    /// The document's name (the file's path).
    pub name: String,
    /// The window's bytes, owned stretch and overlaps.
    pub bytes: Vec<u8>,
    /// Source offset of `bytes[0]`.
    pub base: usize,
    /// Source characters before `bytes[0]`.
    pub base_chars: usize,
    /// The source bytes this window owns.
    pub own: Range<usize>,
    /// The text's encoding.
    pub encoding: &'static Encoding,
    /// The text's date, from the dateline at its top.
    pub date: Option<DocDate>,
    /// The hash of the whole file as stored, if it was read
    /// ([`Document::whole_hash`]).
    pub whole_hash: Option<u128>,
}

impl Window {
    /// The window's document, offsets in the whole text's coordinates.
    pub fn into_document(self) -> Document {
        let d = decode_part(&self.bytes, self.encoding, self.base == 0);
        let map = match d.map {
            Some(m) => m,
            None => {
                let mut b = OffsetMap::builder();
                b.same(&d.text);
                b.finish()
            }
        };
        let mut doc = Document::mapped(self.name, d.text, map.shifted(self.base, self.base_chars));
        doc.source_len = (self.own.end - self.own.start) as u64;
        doc.source_hash = source_hash(&self.bytes);
        doc.window_start = Some(self.own.start as u64);
        doc.whole_hash = self.whole_hash;
        if let Some(d) = self.date {
            doc.date = Some(d);
            doc.date_source = DateSource::Dateline;
        }
        doc
    }
}

/// The windows of one text, read from `R` as they are needed.
pub struct Windows {
    name: String,
    reader: Box<dyn Read + Send>,
    window: usize,
    overlap: usize,
    decode: DecodeOptions,
    encoding: Option<&'static Encoding>,
    /// The text's date, read with its encoding from the first window.
    date: Option<DocDate>,
    /// Bytes from `buf_base` on.
    buf: Vec<u8>,
    buf_base: usize,
    buf_chars: usize,
    /// Where the next owned stretch starts (absolute).
    own_start: usize,
    eof: bool,
    done: bool,
    /// A read error that ended the text early (a truncated `.gz`): the
    /// windows of what was read come first, then this.
    failed: Option<InputError>,
    /// Bytes of a text that cannot be cut held whole at most.
    max_whole: u64,
    /// The hash of the whole file as stored, given to every window.
    whole_hash: Option<u128>,
}

impl Windows {
    /// Windows of about `window` bytes overlapping by `overlap` (both at
    /// least 64).
    pub fn new(
        name: String,
        reader: Box<dyn Read + Send>,
        window: usize,
        overlap: usize,
        decode: DecodeOptions,
    ) -> Windows {
        Windows {
            name,
            reader,
            window: window.max(64),
            overlap: overlap.max(64),
            decode,
            encoding: None,
            date: None,
            buf: Vec::new(),
            buf_base: 0,
            buf_chars: 0,
            own_start: 0,
            eof: false,
            done: false,
            failed: None,
            max_whole: MAX_WHOLE,
            whole_hash: None,
        }
    }

    /// The most bytes of a text in an encoding that cannot be cut
    /// ([`Cutting::Whole`]: ISO-2022-JP) read into one window (default
    /// [`MAX_WHOLE`]); a longer one is refused.
    pub fn max_whole(mut self, max: u64) -> Windows {
        self.max_whole = max;
        self
    }

    /// Gives every window `hash`, the hash of the whole file as stored
    /// ([`Document::whole_hash`]).
    pub fn whole_hash(mut self, hash: Option<u128>) -> Windows {
        self.whole_hash = hash;
        self
    }

    /// Reads until `buf` holds `want` bytes or the text ends. A read error
    /// ends the text where it happened: what was read is windowed as
    /// usual, and the error, at the byte where reading stopped, comes
    /// after the last window; with nothing read, the error comes alone.
    fn fill(&mut self, want: usize) {
        let mut chunk = vec![0u8; 1 << 16];
        while !self.eof && self.buf.len() < want {
            match self.reader.read(&mut chunk) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let at = self.buf_base + self.buf.len();
                    // Nothing read (a broken gzip header) is no text at
                    // all: the error alone, no window.
                    let reason = if at > 0 {
                        format!("{e}; the text before was read")
                    } else {
                        e.to_string()
                    };
                    self.failed =
                        Some(InputError::new(Path::new(&self.name), reason).at_byte(at as u64));
                    self.eof = true;
                }
            }
        }
    }

    fn next_window(&mut self) -> Result<Option<Window>, InputError> {
        let path = Path::new(&self.name).to_path_buf();
        let rel_own = self.own_start - self.buf_base;
        let first = self.encoding.is_none();
        // A text that cannot be cut is read whole with the first window.
        let want = rel_own + self.window + self.overlap;
        self.fill(want);
        if first && self.buf.is_empty() && self.failed.is_some() {
            // Not a byte read: no (empty) window to match and write over
            // what an index held; the error follows alone.
            return Ok(None);
        }
        let encoding = match self.encoding {
            Some(e) => e,
            None => {
                if let Some(why) = sniff_binary(&self.buf, &self.decode) {
                    return Err(InputError::new(&path, why));
                }
                let head = &self.buf[..self.buf.len().min(self.window)];
                let e = detect(head, &self.decode);
                self.encoding = Some(e);
                // Enough bytes for the dateline's characters in any
                // encoding (four bytes a character at most).
                let top = &self.buf[..self.buf.len().min(4 * DATELINE_BYTES)];
                self.date = dateline(&e.decode(top).0);
                if cutting(e) == Cutting::Whole {
                    let max = usize::try_from(self.max_whole).unwrap_or(usize::MAX);
                    self.fill(max.saturating_add(1));
                    if self.buf.len() > max {
                        return Err(InputError::new(
                            &path,
                            format!(
                                "larger than {max} bytes in {}, which is read whole \
                                 (not in windows), skipped",
                                e.name()
                            ),
                        ));
                    }
                }
                e
            }
        };
        if !first && rel_own >= self.buf.len() {
            return Ok(None);
        }
        let len = self.buf.len();
        let cut = cutting(encoding);
        let (own_end, win_end) =
            if self.eof && len <= rel_own + self.window || cut == Cutting::Whole {
                (len, len)
            } else {
                let target = rel_own + self.window;
                let own_end = cut_back(&self.buf, rel_own + self.window / 2, target, encoding);
                let reach = (own_end + self.overlap).min(len);
                let win_end = if reach == len {
                    len
                } else {
                    cut_forward(&self.buf, reach, (reach + self.overlap).min(len), encoding)
                };
                (own_end, win_end)
            };
        let window = Window {
            name: self.name.clone(),
            bytes: self.buf[..win_end].to_vec(),
            base: self.buf_base,
            base_chars: self.buf_chars,
            own: self.buf_base + rel_own..self.buf_base + own_end,
            encoding,
            date: self.date,
            whole_hash: self.whole_hash,
        };
        self.own_start = self.buf_base + own_end;
        if own_end >= len && self.eof {
            self.done = true;
        } else {
            // Keep `overlap` bytes before the next owned stretch as context.
            let from = own_end.saturating_sub(self.overlap);
            let keep_from = cut_forward(&self.buf, from, own_end, encoding);
            self.buf_chars += count_chars(&self.buf[..keep_from], encoding, self.buf_base == 0);
            self.buf.drain(..keep_from);
            self.buf_base += keep_from;
        }
        Ok(Some(window))
    }
}

impl Iterator for Windows {
    type Item = Result<Window, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return self.failed.take().map(Err);
        }
        match self.next_window() {
            Ok(Some(w)) => Some(Ok(w)),
            Ok(None) => {
                self.done = true;
                self.failed.take().map(Err)
            }
            Err(e) => {
                // An error of the text itself says all.
                self.done = true;
                self.failed = None;
                Some(Err(e))
            }
        }
    }
}

/// Whether a cut before `buf[i]` splits no character (`buf[0]` starting
/// one), for an encoding whose cuts are known locally (not
/// [`Cutting::AsciiMultiByte`], whose [`last_start`] and [`first_start`]
/// decode).
fn boundary(buf: &[u8], i: usize, encoding: &'static Encoding) -> bool {
    if i == 0 || i >= buf.len() {
        return true;
    }
    match cutting(encoding) {
        Cutting::Bytes => encoding.is_single_byte() || !(0x80..0xC0).contains(&buf[i]),
        Cutting::Utf16 { big_endian } => {
            let unit = |at: usize| {
                let b = [buf[at], buf[at + 1]];
                if big_endian {
                    u16::from_be_bytes(b)
                } else {
                    u16::from_le_bytes(b)
                }
            };
            i % 2 == 0
                && !(i + 1 < buf.len()
                    && (0xD800..0xDC00).contains(&unit(i - 2))
                    && (0xDC00..0xE000).contains(&unit(i)))
        }
        Cutting::AsciiMultiByte | Cutting::Whole => false,
    }
}

/// The last character start in `lo..=hi`.
fn last_start(buf: &[u8], lo: usize, hi: usize, encoding: &'static Encoding) -> Option<usize> {
    if cutting(encoding) == Cutting::AsciiMultiByte {
        let mut last = None;
        char_starts(buf, encoding, hi, |i| {
            if i >= lo {
                last = Some(i);
            }
            false
        });
        return last;
    }
    (lo..=hi).rev().find(|&i| boundary(buf, i, encoding))
}

/// The first character start in `lo..=hi`.
fn first_start(buf: &[u8], lo: usize, hi: usize, encoding: &'static Encoding) -> Option<usize> {
    if cutting(encoding) == Cutting::AsciiMultiByte {
        return char_starts(buf, encoding, hi, |i| i >= lo);
    }
    (lo..=hi).find(|&i| boundary(buf, i, encoding))
}

/// Where ASCII whitespace starts in `buf[lo..hi]`, as offsets of `buf`
/// with whether it is a line break, in order: a byte, or for UTF-16 a
/// code unit at an even offset.
fn spaces<'a>(
    buf: &'a [u8],
    lo: usize,
    hi: usize,
    encoding: &'static Encoding,
) -> impl DoubleEndedIterator<Item = (usize, bool)> + 'a {
    let (step, at) = match cutting(encoding) {
        Cutting::Utf16 { big_endian } => (2, usize::from(big_endian)),
        _ => (1, 0),
    };
    let lo = lo.next_multiple_of(step);
    let hi = hi.min(buf.len());
    (lo..hi)
        .step_by(step)
        .filter(move |&i| i + step <= hi)
        .filter(move |&i| step == 1 || buf[i + 1 - at] == 0)
        .filter(move |&i| buf[i + at].is_ascii_whitespace())
        .map(move |i| (i, buf[i + at] == b'\n'))
}

/// Whether a decoder fed `buf` from `buf[0]` has nothing pending before
/// `buf[i]`, so that a cut there splits no character. Always so but for
/// [`Cutting::AsciiMultiByte`], where a byte of ASCII whitespace after an
/// unfinished sequence (a GB18030 four-byte one broken after its digit,
/// `81 30`) ends it: the whole text reads `81 30 20` as U+FFFD, '0' and a
/// space, but a piece ending before the space reads `81 30` as one U+FFFD.
///
/// Decoded from the last ASCII byte before `i` that is not a digit: these
/// decoders have nothing pending after one, whatever came before (it ends
/// or breaks any sequence, and is never part of an unfinished one; only a
/// GB18030 four-byte sequence has ASCII, digits, inside), so the check
/// reads a few bytes, not the window.
fn settled(buf: &[u8], i: usize, encoding: &'static Encoding) -> bool {
    if i == 0 || cutting(encoding) != Cutting::AsciiMultiByte {
        return true;
    }
    let from = buf[..i]
        .iter()
        .rposition(|b| b.is_ascii() && !b.is_ascii_digit())
        .map_or(0, |p| p + 1);
    char_starts(&buf[from..], encoding, i - from, |k| k == i - from).is_some()
}

/// The last good cut in `lo..=hi`: after the last line break, else at the
/// last whitespace, else the last character start at or before `hi` (else
/// the first after it).
fn cut_back(buf: &[u8], lo: usize, hi: usize, encoding: &'static Encoding) -> usize {
    let lo = lo.min(hi);
    if let Cutting::Utf16 { .. } = cutting(encoding) {
        if let Some((i, _)) = spaces(buf, lo, hi, encoding).rev().find(|&(_, nl)| nl) {
            return i + 2;
        }
        if let Some((i, _)) = spaces(buf, lo, hi, encoding).next_back() {
            return i;
        }
    } else {
        let region = &buf[lo..hi];
        if let Some(i) = memchr::memrchr(b'\n', region) {
            return lo + i + 1;
        }
        if let Some(i) = region
            .iter()
            .enumerate()
            .rev()
            .find(|&(i, b)| b.is_ascii_whitespace() && settled(buf, lo + i, encoding))
            .map(|(i, _)| i)
        {
            return lo + i;
        }
    }
    last_start(buf, lo, hi, encoding)
        .or_else(|| first_start(buf, hi + 1, buf.len(), encoding))
        .unwrap_or(buf.len())
}

/// The first whitespace in `lo..hi`, else the first character start in
/// `lo..=hi`, else `hi`: never past `hi`.
fn cut_forward(buf: &[u8], lo: usize, hi: usize, encoding: &'static Encoding) -> usize {
    if let Cutting::Utf16 { .. } = cutting(encoding) {
        if let Some((i, _)) = spaces(buf, lo, hi, encoding).next() {
            return i;
        }
    } else if let Some(i) = buf[lo..hi]
        .iter()
        .enumerate()
        .position(|(i, b)| b.is_ascii_whitespace() && settled(buf, lo + i, encoding))
    {
        return lo + i;
    }
    first_start(buf, lo, hi, encoding).unwrap_or(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(text: &[u8], window: usize, overlap: usize) -> Vec<Window> {
        Windows::new(
            "t".into(),
            Box::new(std::io::Cursor::new(text.to_vec())),
            window,
            overlap,
            DecodeOptions::default(),
        )
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
    }

    #[test]
    fn owned_stretches_tile_the_text_and_offsets_hold() {
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&format!("línea {i} con Ñandú y más palabras\n"));
        }
        let ws = windows(text.as_bytes(), 300, 80);
        assert!(ws.len() > 10);
        let mut at = 0;
        for w in &ws {
            assert_eq!(w.own.start, at);
            at = w.own.end;
            let doc = w.bytes.len();
            assert!(doc <= 300 + 2 * 80 + 80, "{doc}");
            let d = Window {
                name: w.name.clone(),
                bytes: w.bytes.clone(),
                own: w.own.clone(),
                ..*w
            }
            .into_document();
            // Every character maps to its own bytes, in bytes and chars.
            for (i, c) in d.text.char_indices().step_by(7) {
                let s = d.locate(i, i + c.len_utf8());
                assert_eq!(&text.as_bytes()[s.start..s.end], c.to_string().as_bytes());
                assert_eq!(text[..s.start].chars().count(), s.char_start);
            }
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn the_first_windows_dateline_dates_every_window() {
        let mut text = "MOSCOW, 5 March 2024 — Opening.\n".to_string();
        for i in 0..200 {
            text.push_str(&format!("line {i}: October 23, 1962 is no dateline here\n"));
        }
        let ws = windows(text.as_bytes(), 300, 80);
        assert!(ws.len() > 10);
        for w in ws {
            let d = w.into_document();
            assert_eq!(d.date, DocDate::ymd(2024, 3, 5));
            assert_eq!(d.date_source, DateSource::Dateline);
        }
        let ws = windows("no date\n".repeat(100).as_bytes(), 300, 80);
        assert!(ws.into_iter().all(|w| w.into_document().date.is_none()));
    }

    #[test]
    fn one_long_line_is_cut_at_whitespace() {
        let text = "word ".repeat(1000);
        let ws = windows(text.as_bytes(), 128, 64);
        for w in &ws {
            assert!(w.own.start == 0 || text.as_bytes()[w.own.start] == b' ');
        }
        assert_eq!(ws.last().unwrap().own.end, text.len());
        let text = "x".repeat(1000);
        let ws = windows(text.as_bytes(), 128, 64);
        assert_eq!(ws.last().unwrap().own.end, 1000);
    }

    /// Found by fuzzing (`readers`): a text of continuation bytes and no
    /// whitespace made the context kept for the next window reach past the
    /// stretch it precedes, and the windows stopped short of the end.
    #[test]
    fn no_whitespace_and_no_character_boundary() {
        let mut text = b"\xef\xbb\xbf".to_vec();
        text.extend(std::iter::repeat_n(0xad, 128));
        let ws = windows(&text, 64, 64);
        let mut at = 0;
        for w in ws {
            assert_eq!(w.own.start, at);
            at = w.own.end;
            let len = text.len();
            let d = w.into_document();
            for (i, c) in d.text.char_indices() {
                assert!(d.locate(i, i + c.len_utf8()).end <= len);
            }
        }
        assert_eq!(at, text.len());
    }

    /// UTF-16 (both byte orders, a surrogate pair and an unpaired
    /// surrogate), Shift_JIS, GBK and GB18030 are read in windows (issue
    /// 19): the owned stretches tile the file, and every character of every
    /// window maps to the bytes and the character offset it has in the
    /// whole file decoded at once, across lines and across a long stretch
    /// without whitespace (cut at a character start).
    #[test]
    fn multibyte_texts_are_windowed_exactly() {
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!("行 {i}: Zorvath Dériaska 🙂 と 普京 met\n"));
        }
        text.push_str(&"東京普京".repeat(200));
        text.push_str(" end\n");
        let utf16 = |be: bool| {
            let mut b = if be {
                vec![0xfe, 0xff]
            } else {
                vec![0xff, 0xfe]
            };
            for u in text.encode_utf16().chain([0xD800, 0x41]) {
                b.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            b
        };
        let cases = [
            (encoding_rs::UTF_16LE, utf16(false)),
            (encoding_rs::UTF_16BE, utf16(true)),
            (
                encoding_rs::SHIFT_JIS,
                encoding_rs::SHIFT_JIS.encode(&text).0.into_owned(),
            ),
            (
                encoding_rs::GBK,
                encoding_rs::GBK.encode(&text).0.into_owned(),
            ),
            (
                encoding_rs::GB18030,
                encoding_rs::GB18030.encode(&text).0.into_owned(),
            ),
        ];
        for (enc, src) in cases {
            let whole: Vec<char> = enc.decode(&src).0.chars().collect();
            let ws = Windows::new(
                "t".into(),
                Box::new(std::io::Cursor::new(src.clone())),
                300,
                80,
                DecodeOptions { forced: Some(enc) },
            )
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
            assert!(ws.len() > 10, "{}: {} windows", enc.name(), ws.len());
            let mut at = 0;
            for w in ws {
                assert_eq!(w.own.start, at, "{}", enc.name());
                at = w.own.end;
                let doc = w.into_document();
                for (i, c) in doc.text.char_indices() {
                    let s = doc.locate(i, i + c.len_utf8());
                    assert_eq!(whole[s.char_start], c, "{} at {}", enc.name(), s.start);
                    if c != '\u{FFFD}' {
                        let back = enc.decode_without_bom_handling(&src[s.start..s.end]).0;
                        assert_eq!(back, c.to_string(), "{} at {}", enc.name(), s.start);
                    }
                }
            }
            assert_eq!(at, src.len(), "{}", enc.name());
        }
    }

    /// A broken GB18030 four-byte sequence before a space (`81 30`, its
    /// first two bytes) leaves the decoder waiting for two more bytes: a
    /// cut before that space ended a window there, where the bytes read as
    /// one U+FFFD instead of U+FFFD and '0' in the whole text, and every
    /// later window's character offsets were one short. Such a space is
    /// no cut; the windows' characters are the whole text's.
    #[test]
    fn no_cut_where_a_sequence_is_pending() {
        for enc in [encoding_rs::GB18030, encoding_rs::GBK] {
            let mut src = Vec::new();
            for i in 0..400 {
                src.extend_from_slice(&enc.encode("普京 met 東京").0);
                // Broken before a space, and a broken sequence ended by a
                // letter: one U+FFFD and '0' each.
                src.extend_from_slice(if i % 2 == 0 {
                    b"\x81\x30 "
                } else {
                    b"\x81\x30x "
                });
            }
            let whole: Vec<char> = enc.decode(&src).0.chars().collect();
            assert!(whole.contains(&'0'));
            // Window sizes that put cuts at every place of the pattern.
            for window in 200..240 {
                let ws = Windows::new(
                    "t".into(),
                    Box::new(std::io::Cursor::new(src.clone())),
                    window,
                    64,
                    DecodeOptions { forced: Some(enc) },
                )
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
                assert!(ws.len() > 10, "{} windows", ws.len());
                let mut at = 0;
                for w in ws {
                    assert_eq!(w.own.start, at);
                    at = w.own.end;
                    let doc = w.into_document();
                    for (i, c) in doc.text.char_indices() {
                        // `81 30 20` is one piece of three characters.
                        let s = doc.locate(i, i + c.len_utf8());
                        assert!(
                            whole[s.char_start..s.char_end].contains(&c),
                            "{} window {window} at byte {}: {c:?} for {:?}",
                            enc.name(),
                            s.start,
                            &whole[s.char_start..s.char_end]
                        );
                    }
                }
                assert_eq!(at, src.len());
            }
        }
    }

    /// A text that cannot be cut (ISO-2022-JP) is read whole up to
    /// `max_whole` bytes, and refused beyond, the error naming the file.
    #[test]
    fn an_uncuttable_text_is_capped() {
        let src = encoding_rs::ISO_2022_JP
            .encode(&"東京 Putin\n".repeat(100))
            .0
            .into_owned();
        let read = |max: u64| {
            Windows::new(
                "big.txt".into(),
                Box::new(std::io::Cursor::new(src.clone())),
                128,
                64,
                DecodeOptions::with_label("iso-2022-jp").unwrap(),
            )
            .max_whole(max)
            .collect::<Result<Vec<_>, _>>()
        };
        let ws = read(src.len() as u64).unwrap();
        assert_eq!(ws.len(), 1);
        assert_eq!(ws[0].own, 0..src.len());
        let e = read(src.len() as u64 - 1).unwrap_err();
        assert_eq!(e.path, Path::new("big.txt"));
        assert!(e.reason.contains("ISO-2022-JP"), "{}", e.reason);
    }

    #[test]
    fn empty_and_small() {
        let ws = windows(b"", 128, 64);
        assert_eq!(ws.len(), 1);
        assert_eq!(ws[0].own, 0..0);
        let ws = windows(b"short", 128, 64);
        assert_eq!(ws.len(), 1);
        assert_eq!(ws[0].own, 0..5);
    }
}
