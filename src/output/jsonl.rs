//! JSON Lines output: one [`Record`](super::Record) per line.

use std::io::{self, Write};

use super::Record;
use crate::{Matcher, Mention};

/// Appends the JSON lines of `mentions` (found in `text` of `doc`) to `buf`.
///
/// Writing into a per-file buffer lets worker threads format in parallel;
/// the pipeline then writes whole buffers in document order.
pub fn write_mentions(
    buf: &mut Vec<u8>,
    doc: &str,
    text: &str,
    matcher: &Matcher,
    mentions: &[Mention],
) -> io::Result<()> {
    for m in mentions {
        serde_json::to_writer(&mut *buf, &Record::new(doc, text, matcher, m))?;
        buf.write_all(b"\n")?;
    }
    Ok(())
}
