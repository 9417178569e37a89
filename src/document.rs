//! A document: the text gazex matches, and where each of its bytes came
//! from in the source.
//!
//! Matching runs on UTF-8 text. For a UTF-8 plain-text file that text *is*
//! the file, and offsets need no translation. For other sources it is not:
//! a Windows-1252 file is decoded (one source byte becomes one to three text
//! bytes), an HTML page is reduced to its visible text (markup dropped,
//! `&amp;` decoded), a JSON Lines record's text is one field of a line. An
//! [`OffsetMap`] records, run by run, how text bytes map back to source
//! bytes, so that every mention's offsets can be given in the source's own
//! coordinates ([`Document::locate`]).
//!
//! # Example
//!
//! ```
//! use gazex::document::{Document, OffsetMap};
//!
//! // The source "caf\xE9 Putin" in Windows-1252: "é" is one source byte
//! // and two text bytes.
//! let mut map = OffsetMap::builder();
//! map.same("caf");
//! map.replaced("é", 1, 1);
//! map.same(" Putin");
//! let doc = Document::mapped("page.txt", "café Putin".to_string(), map.finish());
//! let span = doc.locate(6, 11); // "Putin" in the text
//! assert_eq!((span.start, span.end), (5, 10)); // in the source bytes
//! assert_eq!((span.char_start, span.char_end), (5, 10));
//! ```

use std::ops::Range;

/// Where a mention lies in its source: bytes and characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// `start` in Unicode scalar values of the decoded source.
    pub char_start: usize,
    /// `end` in Unicode scalar values of the decoded source.
    pub char_end: usize,
}

/// One document to match.
#[derive(Clone, Debug)]
pub struct Document {
    /// The document's name in output (`doc`): a path, or a record's id.
    pub id: String,
    /// The text matched.
    pub text: String,
    /// How text offsets map to source offsets; `None` when the text is the
    /// source byte for byte.
    pub map: Option<OffsetMap>,
    /// Bytes of the source (the file, or the JSON Lines record).
    pub source_len: u64,
    /// A content hash of the source bytes ([`source_hash`]): equal hashes,
    /// same document.
    pub source_hash: u128,
    /// For a text read in windows (a big file), the source offset where
    /// this window's own bytes start: `Some(0)` for the first window, and
    /// later windows' mentions add to the earlier ones'. `None` for a
    /// document read whole.
    pub window_start: Option<u64>,
    /// For a window (`window_start` set): what identifies the whole text
    /// it is a window of, the same for each of its windows, on which an
    /// incremental index keys it ([`crate::output::sqlite`]): a big page's
    /// or record's [`Document::source_hash`]; for a text read in windows
    /// from a file, the [`source_hash`] of the file's bytes as stored (a
    /// `.gz` file's compressed bytes), read before its windows, when the
    /// run asks for it ([`crate::input::ReadOptions::hash_windowed`]).
    /// `None` for a document read whole, and for a text read in windows
    /// from standard input, which cannot be read twice.
    pub whole_hash: Option<u128>,
    /// The input a JSON Lines record was read from (its file's
    /// [`crate::input::doc_name`], `-` for standard input); `None` for a
    /// document that is a whole input or a window of one, whose id is the
    /// input's name. An index keeps it, so that a record's id held by
    /// another file's record in an earlier run is not taken over
    /// ([`crate::output::Sink::holder`]).
    pub file: Option<String>,
    /// The document's date: its own (a JSON Lines date field, HTML
    /// metadata, a dateline) or `--date`'s, as the reader gives it; `None`
    /// when neither is known, until the pipeline gives it the run's date
    /// ([`crate::extract`]) before matching and writing it.
    pub date: Option<crate::date::DocDate>,
    /// Where [`Document::date`] came from ([`crate::date::DateSource::Run`]
    /// when it is unknown or the run's).
    pub date_source: crate::date::DateSource,
}

/// The content hash gazex keeps for a source's bytes (XXH3, 128 bits).
pub fn source_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

impl Document {
    /// A document whose text is its source, byte for byte.
    pub fn plain(id: impl Into<String>, text: String) -> Document {
        Document {
            id: id.into(),
            source_len: text.len() as u64,
            source_hash: source_hash(text.as_bytes()),
            text,
            map: None,
            window_start: None,
            whole_hash: None,
            file: None,
            date: None,
            date_source: crate::date::DateSource::Run,
        }
    }

    /// A document whose text maps to its source through `map`. Its
    /// `source_len` and `source_hash` are those of the text; readers that
    /// have the source bytes set them from those.
    pub fn mapped(id: impl Into<String>, text: String, map: OffsetMap) -> Document {
        Document {
            id: id.into(),
            source_len: text.len() as u64,
            source_hash: source_hash(text.as_bytes()),
            text,
            map: Some(map),
            window_start: None,
            whole_hash: None,
            file: None,
            date: None,
            date_source: crate::date::DateSource::Run,
        }
    }

    /// The source span of the text span `start..end` (byte offsets into
    /// [`Document::text`], on character boundaries).
    ///
    /// Character offsets of a plain document are counted in its text; of a
    /// mapped one, in the decoded source (markup included for HTML).
    pub fn locate(&self, start: usize, end: usize) -> Span {
        match &self.map {
            None => {
                let char_start = self.text[..start].chars().count();
                Span {
                    start,
                    end,
                    char_start,
                    char_end: char_start + self.text[start..end].chars().count(),
                }
            }
            Some(map) => map.locate(&self.text, start, end),
        }
    }

    /// The source byte span of the text span `start..end`, without
    /// counting characters (constant or logarithmic time).
    pub fn locate_bytes(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            None => (start, end),
            Some(map) => map.locate_bytes(start, end),
        }
    }

    /// Like [`locate`](Self::locate), for a plain document whose character
    /// offsets are already known (the resolver counts them as it goes).
    pub fn locate_counted(
        &self,
        start: usize,
        end: usize,
        char_start: usize,
        char_end: usize,
    ) -> Span {
        match &self.map {
            None => Span {
                start,
                end,
                char_start,
                char_end,
            },
            Some(map) => map.locate_counted(start, end, char_start, char_end),
        }
    }
}

/// Bytes past which a verbatim run is not extended (see
/// [`OffsetMapBuilder::same`]).
const MAX_RUN: usize = 64 << 10;

/// One run of text bytes and the source bytes they came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    /// First text byte of the run.
    text: usize,
    /// Text characters before the run.
    text_char: usize,
    /// First source byte.
    src: usize,
    /// Source characters before the run.
    src_char: usize,
    /// Source bytes of the run.
    src_len: usize,
    /// Source characters of the run.
    src_chars: usize,
    /// Source bytes per text byte where text and source agree character
    /// for character: 1 when they agree byte for byte too, 2 for ASCII read
    /// from UTF-16 (one code unit a character), 0 when they do not agree
    /// (the run is atomic: mentions start at its start or end at its end,
    /// never inside).
    step: u8,
}

impl Run {
    /// Whether offsets inside the run map one to one ([`Run::step`] > 0).
    fn same(&self) -> bool {
        self.step > 0
    }

    /// The source offset of text offset `at` inside a [`same`](Run::same)
    /// run.
    fn src_at(&self, at: usize) -> usize {
        self.src + (at - self.text) * usize::from(self.step)
    }
}

/// A map from text byte offsets to source byte and character offsets,
/// built run by run with an [`OffsetMapBuilder`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<Run>,
    text_len: usize,
    text_chars: usize,
    /// Source bytes and characters the map covers.
    src_end: (usize, usize),
}

impl OffsetMap {
    /// Starts a map whose text and source both begin at offset 0.
    pub fn builder() -> OffsetMapBuilder {
        OffsetMapBuilder::default()
    }

    /// The run holding text byte `at`.
    fn run(&self, at: usize) -> &Run {
        let i = self.runs.partition_point(|r| r.text <= at);
        &self.runs[i.saturating_sub(1)]
    }

    /// The source span of text span `start..end` of `text`.
    ///
    /// # Panics
    ///
    /// If the map is empty while the span is not.
    pub fn locate(&self, text: &str, start: usize, end: usize) -> Span {
        if self.runs.is_empty() {
            assert!(start == 0 && end == 0, "offset map is empty");
            return Span::default();
        }
        // The text's character offsets, counted from the runs' starts.
        let chars_at = |at: usize, run: &Run| run.text_char + text[run.text..at].chars().count();
        let char_start = chars_at(start, self.run(start));
        let char_end = chars_at(end, self.run(end.saturating_sub(1).max(start)));
        self.locate_counted(start, end, char_start, char_end)
    }

    /// Like [`locate`](Self::locate), with the span's character offsets in
    /// the text already known: no counting, logarithmic time.
    pub fn locate_counted(
        &self,
        start: usize,
        end: usize,
        char_start: usize,
        char_end: usize,
    ) -> Span {
        if self.runs.is_empty() {
            return Span::default();
        }
        let first = self.run(start);
        let (s, cs) = if first.same() {
            (
                first.src_at(start),
                first.src_char + (char_start - first.text_char),
            )
        } else {
            (first.src, first.src_char)
        };
        let last = self.run(end.saturating_sub(1).max(start));
        let (e, ce) = if end == start {
            (s, cs)
        } else if last.same() {
            (
                last.src_at(end),
                last.src_char + (char_end - last.text_char),
            )
        } else {
            (last.src + last.src_len, last.src_char + last.src_chars)
        };
        Span {
            start: s,
            end: e,
            char_start: cs,
            char_end: ce,
        }
    }

    /// The source byte span of text span `start..end`, without counting
    /// characters.
    pub fn locate_bytes(&self, start: usize, end: usize) -> (usize, usize) {
        if self.runs.is_empty() {
            return (0, 0);
        }
        let s = self.source_byte(start);
        if end == start {
            return (s, s);
        }
        let last = self.run(end.saturating_sub(1).max(start));
        let e = if last.same() {
            last.src_at(end)
        } else {
            last.src + last.src_len
        };
        (s, e)
    }

    /// The source byte offset of text offset `at` (the start of its run
    /// when `at` falls inside a replaced run).
    pub fn source_byte(&self, at: usize) -> usize {
        if self.runs.is_empty() {
            return 0;
        }
        let r = self.run(at);
        if r.same() {
            r.src_at(at)
        } else {
            r.src
        }
    }

    /// Text bytes the map covers.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// The same map for text taken from further into the source: every
    /// source offset moves by `src` bytes and `src_chars` characters (a
    /// window of a big file).
    pub fn shifted(mut self, src: usize, src_chars: usize) -> OffsetMap {
        for r in &mut self.runs {
            r.src += src;
            r.src_char += src_chars;
        }
        self.src_end.0 += src;
        self.src_end.1 += src_chars;
        self
    }

    /// Source bytes the map covers.
    pub fn source_len(&self) -> usize {
        self.src_end.0
    }

    /// Bytes the map holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.runs.capacity() * std::mem::size_of::<Run>()
    }

    /// Whether the text may be cut before text byte `at` with both sides
    /// keeping exact offsets: `at` starts a run, or falls inside one whose
    /// offsets map one to one (never inside a decoded character or a
    /// character reference).
    pub fn cuttable(&self, at: usize) -> bool {
        if self.runs.is_empty() || at >= self.text_len {
            return true;
        }
        let r = self.run(at);
        r.text == at || r.same()
    }

    /// The map of the text span `range` of `text` (the text this map is
    /// of) taken as a text of its own: text offsets count from
    /// `range.start`, source offsets stay the whole source's. Each end of
    /// `range` should be [`cuttable`](Self::cuttable); one inside a
    /// replaced run keeps that run whole.
    pub fn slice(&self, text: &str, range: Range<usize>) -> OffsetMap {
        let (a, b) = (range.start, range.end.min(self.text_len));
        let mut out = OffsetMap::default();
        if self.runs.is_empty() || a >= b {
            return out;
        }
        // Characters of `text[r.text..at]`, for a run holding `at`.
        let chars_in = |r: &Run, at: usize| {
            if r.step == 1 {
                text[r.text..at].chars().count()
            } else {
                at - r.text
            }
        };
        let first = self.runs.partition_point(|r| r.text <= a).saturating_sub(1);
        let end = self.runs.partition_point(|r| r.text < b);
        out.runs.reserve_exact(end.saturating_sub(first));
        let chars_a = self.runs[first].text_char + text[self.runs[first].text..a].chars().count();
        for (i, r) in self.runs.iter().enumerate().take(end).skip(first) {
            let r_end = self.runs.get(i + 1).map_or(self.text_len, |n| n.text);
            let mut piece = *r;
            if r.text < a {
                piece.text = a;
                piece.text_char = chars_a;
                if r.same() {
                    let (bytes, chars) = ((a - r.text) * usize::from(r.step), chars_in(r, a));
                    piece.src += bytes;
                    piece.src_char += chars;
                    piece.src_len -= bytes;
                    piece.src_chars -= chars;
                }
            }
            if r_end > b && piece.same() {
                piece.src_len = (b - piece.text) * usize::from(piece.step);
                piece.src_chars = if piece.step == 1 {
                    text[piece.text..b].chars().count()
                } else {
                    b - piece.text
                };
            }
            piece.text -= a;
            piece.text_char -= chars_a;
            out.runs.push(piece);
        }
        out.text_len = b - a;
        out.text_chars = text[a..b].chars().count();
        out.src_end = if b >= self.text_len {
            self.src_end
        } else {
            let r = self.run(b);
            if r.same() {
                (r.src_at(b), r.src_char + chars_in(r, b))
            } else {
                (r.src, r.src_char)
            }
        };
        out
    }

    /// A cursor translating increasing text offsets of `text` to source
    /// offsets in amortized constant time (for readers stacking one map on
    /// another, such as HTML over a decoded file).
    pub fn cursor<'a>(&'a self, text: &'a str) -> MapCursor<'a> {
        MapCursor {
            map: Some(self),
            text,
            run: 0,
            at: 0,
            chars: 0,
        }
    }
}

/// Translates increasing text offsets to `(source byte, source character)`
/// offsets; see [`OffsetMap::cursor`]. For a document without a map,
/// [`MapCursor::identity`] counts characters of the text itself.
#[derive(Clone, Debug)]
pub struct MapCursor<'a> {
    map: Option<&'a OffsetMap>,
    text: &'a str,
    run: usize,
    /// The last offset asked, and the characters counted to it from the
    /// start of its run (or of the text, for the identity).
    at: usize,
    chars: usize,
}

impl<'a> MapCursor<'a> {
    /// The cursor of text that is its own source.
    pub fn identity(text: &'a str) -> MapCursor<'a> {
        MapCursor {
            map: None,
            text,
            run: 0,
            at: 0,
            chars: 0,
        }
    }

    /// The source offsets of text offset `at`: the byte and the characters
    /// before it. Offsets must not decrease from call to call and must lie
    /// on character boundaries; an offset inside a replaced run maps to the
    /// run's start, the text's end to the source's end.
    pub fn source(&mut self, at: usize) -> (usize, usize) {
        if at < self.at {
            // Never asked by the readers; handled by counting afresh.
            self.run = 0;
            self.at = 0;
            self.chars = 0;
        }
        let Some(map) = self.map else {
            self.chars += self.text[self.at..at].chars().count();
            self.at = at;
            return (at, self.chars);
        };
        if at >= map.text_len || map.runs.is_empty() {
            return map.src_end;
        }
        let mut moved = false;
        while self.run + 1 < map.runs.len() && map.runs[self.run + 1].text <= at {
            self.run += 1;
            moved = true;
        }
        let r = map.runs[self.run];
        if moved || self.at < r.text {
            self.at = r.text;
            self.chars = 0;
        }
        if !r.same() || at <= r.text {
            return (r.src, r.src_char);
        }
        self.chars += self.text[self.at..at].chars().count();
        self.at = at;
        (r.src_at(at), r.src_char + self.chars)
    }
}

/// Builds an [`OffsetMap`] by appending, in order, what each stretch of
/// text came from.
#[derive(Clone, Debug, Default)]
pub struct OffsetMapBuilder {
    map: OffsetMap,
    src: usize,
    src_char: usize,
}

impl OffsetMapBuilder {
    /// Text `s` copied verbatim from the source (same bytes, same
    /// characters).
    pub fn same(&mut self, s: &str) {
        let mut rest = s;
        while rest.len() > MAX_RUN {
            let mut cut = MAX_RUN;
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            self.same_run(&rest[..cut], 1);
            rest = &rest[cut..];
        }
        self.same_run(rest, 1);
    }

    /// ASCII text `s` read from a source of `step` bytes a character
    /// (UTF-16: 2), character for character: one run for all of it, where
    /// a run per character would take fifty times the text's size.
    ///
    /// # Panics
    ///
    /// If `s` is not ASCII or `step` is 0.
    pub fn same_ascii(&mut self, s: &str, step: u8) {
        assert!(s.is_ascii() && step > 0, "same_ascii: ASCII text, step > 0");
        for piece in s.as_bytes().chunks(MAX_RUN) {
            // ASCII: every cut is a character boundary.
            self.same_run(std::str::from_utf8(piece).unwrap_or_default(), step);
        }
    }

    fn same_run(&mut self, s: &str, step: u8) {
        if s.is_empty() {
            return;
        }
        let chars = if step == 1 {
            s.chars().count()
        } else {
            s.len()
        };
        let src_len = s.len() * usize::from(step);
        match self.map.runs.last_mut() {
            // Extend the previous run of the same step when it is contiguous
            // and not yet long: locating inside a run counts its characters,
            // so runs stay short enough for that to be cheap.
            Some(r) if r.step == step && r.src + r.src_len == self.src && r.src_len < MAX_RUN => {
                r.src_len += src_len;
                r.src_chars += chars;
            }
            _ => self.map.runs.push(Run {
                text: self.map.text_len,
                text_char: self.map.text_chars,
                src: self.src,
                src_char: self.src_char,
                src_len,
                src_chars: chars,
                step,
            }),
        }
        self.map.text_len += s.len();
        self.map.text_chars += chars;
        self.src += src_len;
        self.src_char += chars;
    }

    /// Text `s` that stands for `src_len` source bytes holding `src_chars`
    /// characters (a decoded character, an HTML entity). `s` may be empty:
    /// source dropped from the text.
    pub fn replaced(&mut self, s: &str, src_len: usize, src_chars: usize) {
        if !s.is_empty() {
            self.map.runs.push(Run {
                text: self.map.text_len,
                text_char: self.map.text_chars,
                src: self.src,
                src_char: self.src_char,
                src_len,
                src_chars,
                step: 0,
            });
            self.map.text_len += s.len();
            self.map.text_chars += s.chars().count();
        }
        self.src += src_len;
        self.src_char += src_chars;
    }

    /// Source bytes (holding `src_chars` characters) that produce no text,
    /// such as markup.
    pub fn skip(&mut self, src_len: usize, src_chars: usize) {
        self.replaced("", src_len, src_chars);
    }

    /// Source bytes consumed so far.
    pub fn source_offset(&self) -> usize {
        self.src
    }

    /// Source characters consumed so far.
    pub fn source_chars(&self) -> usize {
        self.src_char
    }

    /// The finished map.
    pub fn finish(mut self) -> OffsetMap {
        self.map.src_end = (self.src, self.src_char);
        self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_counts_characters() {
        let doc = Document::plain("d", "Ärger mit Putin".to_string());
        let s = doc.locate(11, 16);
        assert_eq!(&doc.text[11..16], "Putin");
        assert_eq!(
            s,
            Span {
                start: 11,
                end: 16,
                char_start: 10,
                char_end: 15
            }
        );
    }

    #[test]
    fn markup_and_entities() {
        // Source: "<p>Kim &amp; <b>Putin</b></p>", text "Kim & Putin".
        let mut b = OffsetMap::builder();
        b.skip(3, 3);
        b.same("Kim ");
        b.replaced("&", 5, 5);
        b.same(" ");
        b.skip(3, 3);
        b.same("Putin");
        b.skip(4, 4);
        b.skip(4, 4);
        let text = "Kim & Putin".to_string();
        let doc = Document::mapped("d", text, b.finish());
        let src = "<p>Kim &amp; <b>Putin</b></p>";
        let s = doc.locate(6, 11);
        assert_eq!(&src[s.start..s.end], "Putin");
        let s = doc.locate(0, 11);
        assert_eq!(&src[s.start..s.end], "Kim &amp; <b>Putin");
        let s = doc.locate(4, 5);
        assert_eq!(&src[s.start..s.end], "&amp;");
        assert_eq!((s.char_start, s.char_end), (7, 12));
    }

    #[test]
    fn long_verbatim_runs_are_split_and_still_exact() {
        let text = "ä".repeat(100_000) + " Putin";
        let mut b = OffsetMap::builder();
        b.skip(7, 3);
        b.same(&text);
        let map = b.finish();
        assert!(map.runs.len() > 2);
        let doc = Document::mapped("d", text.clone(), map);
        let at = text.len() - 5;
        let s = doc.locate(at, at + 5);
        assert_eq!((s.start, s.end), (at + 7, at + 12));
        assert_eq!((s.char_start, s.char_end), (100_004, 100_009));
        assert_eq!(doc.locate_counted(at, at + 5, 100_001, 100_006), s);
        assert_eq!(doc.locate_bytes(at, at + 5), (s.start, s.end));
    }

    #[test]
    fn ascii_from_utf16_maps_inside() {
        // "é Kim Putin" in UTF-16LE after a byte-order mark: "é" one
        // character of two bytes, the rest ASCII at two bytes each.
        let mut b = OffsetMap::builder();
        b.skip(2, 0);
        b.replaced("é", 2, 1);
        b.same_ascii(" Kim ", 2);
        b.same_ascii("Putin", 2);
        let map = b.finish();
        assert_eq!(map.runs.len(), 2);
        assert_eq!(map.source_len(), 24);
        let doc = Document::mapped("d", "é Kim Putin".to_string(), map);
        let s = doc.locate(7, 12);
        assert_eq!((s.start, s.end, s.char_start, s.char_end), (14, 24, 6, 11));
        assert_eq!(doc.locate_counted(3, 6, 2, 5), doc.locate(3, 6));
        assert_eq!(doc.locate_bytes(3, 6), (6, 12));
        let text = doc.text.clone();
        let mut c = doc.map.as_ref().unwrap().cursor(&text);
        assert_eq!(c.source(3), (6, 2));
        assert_eq!(c.source(7), (14, 6));
    }

    #[test]
    fn decoded_characters_are_atomic() {
        // Windows-1252 "Erdo\xF0an": one source byte for "ğ"? (0xF0 is "ð";
        // any one-byte-to-two-byte decoding will do.)
        let mut b = OffsetMap::builder();
        b.same("Erdo");
        b.replaced("ð", 1, 1);
        b.same("an");
        let doc = Document::mapped("d", "Erdoðan".to_string(), b.finish());
        assert_eq!(
            doc.locate(0, 8),
            Span {
                start: 0,
                end: 7,
                char_start: 0,
                char_end: 7
            }
        );
        assert_eq!(
            doc.locate(4, 6),
            Span {
                start: 4,
                end: 5,
                char_start: 4,
                char_end: 5
            }
        );
        assert_eq!(
            doc.locate(6, 8),
            Span {
                start: 5,
                end: 7,
                char_start: 5,
                char_end: 7
            }
        );
    }
}
