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
//! on the first window, and used for all. Only encodings in which ASCII
//! whitespace is always a character of its own ([`super::decode::cuttable`]:
//! UTF-8, single-byte encodings) are cut; a UTF-16 or other multi-byte text
//! is read whole.
//!
//! The text's date is read once too, from the dateline at the top of the
//! first window ([`crate::date::dateline`]), and given to every window of
//! the file: a dateline dates the whole text, not its first 16 MiB.
//!
//! Memory holds one window and its overlaps, whatever the file's size.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use encoding_rs::Encoding;

use super::decode::{count_chars, cuttable, decode_as, detect, DecodeOptions};
use super::sniff_binary;
use crate::date::{dateline, DateSource, DocDate, DATELINE_BYTES};
use crate::document::{source_hash, Document, OffsetMap};
use crate::InputError;

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
}

impl Window {
    /// The window's document, offsets in the whole text's coordinates.
    pub fn into_document(self) -> Document {
        let d = decode_as(&self.bytes, self.encoding);
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
        }
    }

    fn fill(&mut self, want: usize) -> std::io::Result<()> {
        let mut chunk = vec![0u8; 1 << 16];
        while !self.eof && self.buf.len() < want {
            match self.reader.read(&mut chunk) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn next_window(&mut self) -> Result<Option<Window>, InputError> {
        let path = Path::new(&self.name).to_path_buf();
        let rel_own = self.own_start - self.buf_base;
        let first = self.encoding.is_none();
        let want = if first || self.encoding.is_some_and(cuttable) {
            rel_own + self.window + self.overlap
        } else {
            usize::MAX
        };
        self.fill(want).map_err(|e| {
            InputError::io(&path, &e).at_byte(self.buf_base as u64 + self.buf.len() as u64)
        })?;
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
                if !cuttable(e) {
                    self.fill(usize::MAX)
                        .map_err(|err| InputError::io(&path, &err))?;
                }
                e
            }
        };
        if !first && rel_own >= self.buf.len() {
            return Ok(None);
        }
        let len = self.buf.len();
        let (own_end, win_end) = if self.eof && len <= rel_own + self.window || !cuttable(encoding)
        {
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
        };
        self.own_start = self.buf_base + own_end;
        if own_end >= len && self.eof {
            self.done = true;
        } else {
            // Keep `overlap` bytes before the next owned stretch as context.
            let from = own_end.saturating_sub(self.overlap);
            let keep_from = cut_forward(&self.buf, from, own_end, encoding);
            self.buf_chars += count_chars(&self.buf[..keep_from], encoding);
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
            return None;
        }
        match self.next_window() {
            Ok(Some(w)) => Some(Ok(w)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Whether a cut before `buf[i]` splits no character.
fn boundary(buf: &[u8], i: usize, encoding: &'static Encoding) -> bool {
    i == 0 || i >= buf.len() || encoding.is_single_byte() || !(0x80..0xC0).contains(&buf[i])
}

/// The last good cut in `lo..=hi`: after the last line break, else at the
/// last whitespace, else the last character boundary at or before `hi`.
fn cut_back(buf: &[u8], lo: usize, hi: usize, encoding: &'static Encoding) -> usize {
    let lo = lo.min(hi);
    let region = &buf[lo..hi];
    if let Some(i) = memchr::memrchr(b'\n', region) {
        return lo + i + 1;
    }
    if let Some(i) = region.iter().rposition(u8::is_ascii_whitespace) {
        return lo + i;
    }
    (lo..=hi)
        .rev()
        .chain(hi + 1..buf.len())
        .find(|&i| boundary(buf, i, encoding))
        .unwrap_or(buf.len())
}

/// The first whitespace in `lo..hi`, else the first character boundary
/// in `lo..=hi`, else `hi`: never past `hi`.
fn cut_forward(buf: &[u8], lo: usize, hi: usize, encoding: &'static Encoding) -> usize {
    if let Some(i) = buf[lo..hi].iter().position(u8::is_ascii_whitespace) {
        return lo + i;
    }
    (lo..=hi)
        .find(|&i| boundary(buf, i, encoding))
        .unwrap_or(hi)
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
