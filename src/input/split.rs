//! Matching a big document read whole in windows: an HTML page or a JSON
//! Lines record whose text is larger than a window.
//!
//! A page must be tokenized and a record parsed before its text is known,
//! so they are read whole (a page is not cut in its bytes, as a big plain
//! text is, [`super::window`]); but the text is then matched the way a big
//! text is: in consecutive *owned* stretches of about `window` bytes, each
//! with up to `overlap` bytes of context on either side, each keeping the
//! mentions that start in the stretch it owns. Matching a document costs
//! several times its size in memory (its folded words and their spans), a
//! window's only a window's: what stays whole is the text and its offset
//! map.
//!
//! Cuts fall after a line break where the stretch's second half has one,
//! else before ASCII whitespace, else at a character boundary, and only
//! where the offset map can be cut ([`OffsetMap::cuttable`]: never inside a
//! character reference). Offsets are the document's: a page's bytes, a
//! record's text value. Every window carries the document's date, its
//! name and its content hash; like the windows of a big text, its
//! document-level evidence (a surname resting on a full mention) holds
//! within a window and its overlaps.

use std::ops::Range;

use crate::document::{Document, OffsetMap};

use super::Piece;

/// The windows of one document, made as they are needed.
#[derive(Debug)]
pub struct Split {
    doc: Document,
    window: usize,
    overlap: usize,
    /// Where the next owned stretch starts (text offset).
    own_start: usize,
    /// Text characters before `counted` (for a document without a map,
    /// whose windows are given one).
    counted: (usize, usize),
    done: bool,
}

impl Split {
    /// The windows of `doc`, of about `window` bytes overlapping by
    /// `overlap` (both at least 64).
    pub fn new(doc: Document, window: usize, overlap: usize) -> Split {
        Split {
            doc,
            window: window.max(64),
            overlap: overlap.max(64),
            own_start: 0,
            counted: (0, 0),
            done: false,
        }
    }

    /// Whether `at` is a good place to cut the text.
    fn ok(&self, at: usize) -> bool {
        self.doc.text.is_char_boundary(at) && self.doc.map.as_ref().is_none_or(|m| m.cuttable(at))
    }

    /// The last good cut in `lo..=hi`: after the last line break, else at
    /// the last whitespace, else the last character boundary (else the
    /// first after `hi`).
    fn cut_back(&self, lo: usize, hi: usize) -> usize {
        let bytes = self.doc.text.as_bytes();
        let lo = lo.min(hi);
        if let Some(i) = memchr::memrchr_iter(b'\n', &bytes[lo..hi])
            .map(|i| lo + i + 1)
            .find(|&i| self.ok(i))
        {
            return i;
        }
        if let Some(i) = (lo..hi)
            .rev()
            .find(|&i| bytes[i].is_ascii_whitespace() && self.ok(i))
        {
            return i;
        }
        (lo..=hi)
            .rev()
            .find(|&i| self.ok(i))
            .or_else(|| (hi..=bytes.len()).find(|&i| self.ok(i)))
            .unwrap_or(bytes.len())
    }

    /// The first whitespace in `lo..hi`, else the first good cut in
    /// `lo..=hi`, else `hi`.
    fn cut_forward(&self, lo: usize, hi: usize) -> usize {
        let bytes = self.doc.text.as_bytes();
        (lo..hi)
            .find(|&i| bytes[i].is_ascii_whitespace() && self.ok(i))
            .or_else(|| (lo..=hi).find(|&i| self.ok(i)))
            .unwrap_or(hi)
    }

    /// The source offset of text offset `at`.
    fn source(&self, at: usize) -> usize {
        match &self.doc.map {
            None => at,
            Some(m) => m.source_byte(at),
        }
    }

    /// Text characters before `at`, counted on from the last call.
    fn chars_before(&mut self, at: usize) -> usize {
        let (from, chars) = match self.counted {
            (from, chars) if from <= at => (from, chars),
            _ => (0, 0),
        };
        let chars = chars + self.doc.text[from..at].chars().count();
        self.counted = (at, chars);
        chars
    }

    /// The piece of window `text` (text offsets of the document) owning
    /// the text offsets `own`.
    fn piece(&mut self, text: Range<usize>, own: Range<usize>, last: bool) -> Piece {
        let map = match &self.doc.map {
            Some(m) => m.slice(&self.doc.text, text.clone()),
            None => {
                let chars = self.chars_before(text.start);
                let mut b = OffsetMap::builder();
                b.same(&self.doc.text[text.clone()]);
                b.finish().shifted(text.start, chars)
            }
        };
        // The first window owns the source from its start (markup before
        // the text), the last to its end.
        let from = if own.start == 0 {
            0
        } else {
            self.source(own.start)
        };
        let own_src = from..if last {
            usize::MAX
        } else {
            self.source(own.end)
        };
        let mut doc = Document::mapped(self.doc.id.clone(), self.doc.text[text].to_string(), map);
        doc.source_len = if last {
            self.doc.source_len.saturating_sub(own_src.start as u64)
        } else {
            (own_src.end - own_src.start) as u64
        };
        doc.source_hash = self.doc.source_hash;
        doc.window_start = Some(own_src.start as u64);
        doc.whole_hash = Some(self.doc.source_hash);
        doc.file = self.doc.file.clone();
        doc.date = self.doc.date;
        doc.date_source = self.doc.date_source;
        Piece {
            doc,
            keep: Some(own_src),
        }
    }
}

impl Iterator for Split {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        if self.done {
            return None;
        }
        let len = self.doc.text.len();
        let a = self.own_start;
        let (own_end, win_end) = if len <= a + self.window {
            (len, len)
        } else {
            let own_end = self.cut_back(a + self.window / 2, a + self.window);
            let reach = (own_end + self.overlap).min(len);
            let win_end = if reach == len {
                len
            } else {
                self.cut_forward(reach, (reach + self.overlap).min(len))
            };
            (own_end, win_end)
        };
        let win_start = if a == 0 {
            0
        } else {
            self.cut_forward(a.saturating_sub(self.overlap), a)
        };
        let last = own_end >= len;
        self.done = last;
        self.own_start = own_end;
        Some(self.piece(win_start..win_end, a..own_end, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::decode::DecodeOptions;
    use crate::input::html::html_to_text;

    /// Every window's characters map to the page bytes the whole
    /// document's map gives them, and the owned stretches tile the source.
    fn check(doc: Document, window: usize, overlap: usize) -> usize {
        let whole = doc.clone();
        let pieces: Vec<Piece> = Split::new(doc, window, overlap).collect();
        let mut at = 0;
        for (k, p) in pieces.iter().enumerate() {
            let own = p.keep.clone().unwrap();
            assert_eq!(own.start, at, "window {k}");
            assert_eq!(p.doc.window_start, Some(own.start as u64));
            at = own.end;
            assert!(p.doc.text.len() <= window + 3 * overlap + 8, "window {k}");
            // Where the window's text lies in the whole text.
            let first = p.doc.locate(0, 0);
            let offset = (0..=whole.text.len())
                .filter(|&i| whole.text.is_char_boundary(i))
                .find(|&i| whole.text[i..].starts_with(&p.doc.text) && whole.locate(i, i) == first)
                .expect("the window's text is the document's");
            for (i, c) in p.doc.text.char_indices() {
                let j = i + c.len_utf8();
                assert_eq!(p.doc.locate(i, j), whole.locate(offset + i, offset + j));
            }
        }
        assert_eq!(at, usize::MAX, "the last window owns the rest");
        assert_eq!(
            pieces.iter().map(|p| p.doc.source_len).sum::<u64>(),
            whole.source_len
        );
        pieces.len()
    }

    #[test]
    fn windows_of_a_record_keep_its_offsets() {
        let text = "línea con Ñandú y más palabras\n".repeat(40) + &"word ".repeat(100);
        let mut doc = Document::plain("r", text);
        doc.source_len += 20;
        assert!(check(doc, 200, 64) > 4);
    }

    #[test]
    fn windows_of_a_page_keep_its_offsets() {
        let mut page = String::new();
        for i in 0..60 {
            page.push_str(&format!(
                "<p>Caf&eacute; {i} <b>Ólafur</b> &amp; &NotEqualTilde; Putin</p><br>"
            ));
        }
        let (text, map) = html_to_text(page.as_bytes(), &DecodeOptions::default());
        let mut doc = Document::mapped("p", text, map);
        doc.source_len = page.len() as u64;
        assert!(check(doc, 200, 64) > 4);
    }

    #[test]
    fn a_small_document_is_one_window() {
        let doc = Document::plain("r", "Vladimir Putin".to_string());
        assert_eq!(check(doc, 200, 64), 1);
    }
}
