//! JSON Lines output: one [`super::Record`] per line.

use std::io::{self, Write};

use super::{Record, RecordOptions, Sink};
use crate::document::Document;
use crate::{Matcher, Mention};

/// Appends the JSON lines of `mentions` (found in `doc`) to `buf`.
pub fn write_mentions(
    buf: &mut Vec<u8>,
    doc: &Document,
    matcher: &Matcher,
    mentions: &[Mention],
    options: &RecordOptions,
) -> io::Result<()> {
    for m in mentions {
        serde_json::to_writer(&mut *buf, &Record::with_options(doc, matcher, m, options))?;
        buf.write_all(b"\n")?;
    }
    Ok(())
}

/// A [`Sink`] writing JSON Lines to `W`. Worker threads format each
/// document's lines into a buffer; the buffers are written in order.
#[derive(Debug)]
pub struct JsonlSink<W> {
    out: W,
    options: RecordOptions,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing records without context or properties to `out`.
    pub fn new(out: W) -> JsonlSink<W> {
        JsonlSink::with_options(out, RecordOptions::default())
    }

    /// A sink writing records with what `options` asks for to `out`.
    pub fn with_options(out: W, options: RecordOptions) -> JsonlSink<W> {
        JsonlSink { out, options }
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    type Item = Vec<u8>;

    fn prepare(&self, doc: &Document, matcher: &Matcher, mentions: &[Mention]) -> Vec<u8> {
        // About 350 bytes a record: one allocation for most documents.
        let mut buf = Vec::with_capacity(mentions.len() * 360);
        write_mentions(&mut buf, doc, matcher, mentions, &self.options)
            .expect("writing to a Vec cannot fail");
        buf
    }

    fn write(&mut self, item: Vec<u8>) -> io::Result<()> {
        self.out.write_all(&item)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
