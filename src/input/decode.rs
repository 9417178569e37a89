//! Turning a document's bytes into UTF-8 text, with a map back to the bytes.
//!
//! # The detection rule
//!
//! Scraped news comes in whatever encoding the site used. gazex decides a
//! file's encoding once, from its bytes (for a file read in windows, from
//! the first window), in this order:
//!
//! 1. `--encoding LABEL` ([`DecodeOptions::forced`]) wins, except that a
//!    UTF-8 or UTF-16 byte-order mark still names its encoding.
//! 2. A byte-order mark: `EF BB BF` is UTF-8 (the mark stays in the text as
//!    U+FEFF, which matching ignores), `FF FE` UTF-16LE, `FE FF` UTF-16BE
//!    (the mark is dropped from the text; offsets still count it).
//! 3. UTF-16 without a byte-order mark ([`utf16_unmarked`]): in the first
//!    8 KiB, no code unit is zero and at least half of them are ASCII text
//!    (tab, line breaks, printable characters) with their zero byte on the
//!    same side (odd offsets: UTF-16LE; even: UTF-16BE), hardly any on the
//!    other. Such a file was refused as binary (it has NUL bytes), and no
//!    file that is not UTF-16 looks so: binary data has zero code units,
//!    other encodings no NUL bytes.
//! 4. Valid UTF-8 is UTF-8: the text *is* the file, no map needed.
//! 5. Invalid UTF-8 where the invalid sequences are rare — no more of them
//!    than valid multi-byte UTF-8 sequences — is UTF-8 with a few damaged
//!    bytes: each maximal invalid sequence becomes one U+FFFD.
//! 6. Anything else is Windows-1252 (which is what browsers read for
//!    "ISO-8859-1" too): every byte is one character.
//!
//! The rule in 4 and 5 rests on the fact that Latin-1 text almost never
//! forms valid multi-byte UTF-8 by accident (an accented letter would have
//! to be followed by one of the C1 range's rare symbols), while a damaged
//! UTF-8 article still has many valid ones.
//!
//! # Offsets
//!
//! The decoded text comes with an [`OffsetMap`] back to the source bytes, so
//! a mention's `start..end` are offsets into the original file and
//! `file[start..end]` are the original bytes of the mention. Characters are
//! counted in the decoded text (one per decoded character, one per U+FFFD).
//!
//! # Example
//!
//! ```
//! use gazex::document::Document;
//! use gazex::input::decode::{decode, DecodeOptions};
//!
//! let src = b"Caf\xe9 Dupr\xe9 met Putin";
//! let d = decode(src, &DecodeOptions::default());
//! assert_eq!(d.encoding.name(), "windows-1252");
//! assert_eq!(d.text, "Café Dupré met Putin");
//! let doc = Document::mapped("a.txt", d.text, d.map.unwrap());
//! let span = doc.locate(6, 12); // "Dupré" in the text
//! assert_eq!(&src[span.start..span.end], b"Dupr\xe9");
//! ```

use encoding_rs::{Encoding, ISO_2022_JP, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::document::{OffsetMap, OffsetMapBuilder};

/// How to choose a document's encoding.
#[derive(Clone, Copy, Debug, Default)]
pub struct DecodeOptions {
    /// An encoding to use instead of detection (a byte-order mark still
    /// wins). `None` (the default) detects.
    pub forced: Option<&'static Encoding>,
}

impl DecodeOptions {
    /// Options forcing the encoding named by `label` (a WHATWG label such
    /// as `latin1`, `windows-1252`, `utf-16le`, `shift_jis`); `None` when
    /// the label names no encoding.
    pub fn with_label(label: &str) -> Option<DecodeOptions> {
        Encoding::for_label(label.trim().as_bytes()).map(|e| DecodeOptions { forced: Some(e) })
    }
}

/// A decoded document.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// How the text maps to the source; `None` when it is the source byte
    /// for byte (valid UTF-8).
    pub map: Option<OffsetMap>,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Whether some bytes were not valid in that encoding (each such
    /// sequence became U+FFFD).
    pub lossy: bool,
}

/// Which encoding the rule in the [module docs](self) picks for `bytes`.
pub fn detect(bytes: &[u8], opts: &DecodeOptions) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = opts.forced {
        return enc;
    }
    if let Some(enc) = utf16_unmarked(bytes) {
        return enc;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if invalid == 0 || valid_multibyte >= invalid {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// Bytes [`utf16_unmarked`] looks at.
const UTF16_PROBE: usize = 8 * 1024;

/// The UTF-16 of `bytes` that has no byte-order mark, if the rule's step 3
/// (see the [module docs](self)) says it is one: UTF-16LE or UTF-16BE.
///
/// ```
/// use gazex::input::decode::utf16_unmarked;
///
/// let le: Vec<u8> = "Putin met Kim.\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
/// assert_eq!(utf16_unmarked(&le), Some(encoding_rs::UTF_16LE));
/// assert_eq!(utf16_unmarked(b"Putin met Kim.\n"), None);
/// assert_eq!(utf16_unmarked(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), None);
/// ```
pub fn utf16_unmarked(bytes: &[u8]) -> Option<&'static Encoding> {
    let probe = &bytes[..bytes.len().min(UTF16_PROBE) & !1];
    let units = probe.len() / 2;
    if units < 4 || memchr::memchr(0, probe).is_none() {
        return None;
    }
    let text = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r') || (0x20..0x7f).contains(&b);
    let (mut le, mut be) = (0, 0);
    for u in probe.chunks_exact(2) {
        match (u[0], u[1]) {
            (0, 0) => return None,
            (a, 0) if text(a) => le += 1,
            (0, b) if text(b) => be += 1,
            _ => {}
        }
    }
    if 2 * le >= units && 16 * be <= units {
        Some(UTF_16LE)
    } else if 2 * be >= units && 16 * le <= units {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Counts valid multi-byte UTF-8 sequences and maximal invalid sequences.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += count_multibyte(s);
                return (valid, invalid);
            }
            Err(e) => {
                let ok = e.valid_up_to();
                // SAFETY-free: the prefix is valid by construction.
                valid += count_multibyte(std::str::from_utf8(&bytes[..ok]).unwrap_or(""));
                invalid += 1;
                match e.error_len() {
                    Some(n) => bytes = &bytes[ok + n..],
                    None => return (valid, invalid),
                }
            }
        }
    }
}

fn count_multibyte(s: &str) -> usize {
    s.bytes().filter(|&b| b >= 0xC0).count()
}

/// Decodes `bytes` by the rule in the [module docs](self).
pub fn decode(bytes: &[u8], opts: &DecodeOptions) -> Decoded {
    decode_as(bytes, detect(bytes, opts))
}

/// Like [`decode`], taking the bytes: valid UTF-8 (most files) becomes the
/// text without a copy.
pub fn decode_owned(bytes: Vec<u8>, opts: &DecodeOptions) -> Decoded {
    // Unless an encoding is forced or the bytes are UTF-16 without a mark,
    // valid UTF-8 is UTF-8 (with or without its byte-order mark; no UTF-16
    // mark is valid UTF-8): checked once, by the conversion itself.
    let bytes = match opts.forced {
        Some(_) => bytes,
        None if utf16_unmarked(&bytes).is_some() => bytes,
        None => match String::from_utf8(bytes) {
            Ok(text) => {
                return Decoded {
                    text,
                    map: None,
                    encoding: UTF_8,
                    lossy: false,
                }
            }
            Err(e) => e.into_bytes(),
        },
    };
    decode_as(&bytes, detect(&bytes, opts))
}

/// Decodes `bytes` as `encoding` (a byte-order mark of that encoding is
/// honoured).
pub fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    decode_part(bytes, encoding, true)
}

/// Decodes `bytes`, a piece of a text in `encoding` (a window), as
/// [`decode_as`] does; `at_start` says whether the piece begins the text,
/// where alone a byte-order mark is one (elsewhere U+FEFF is a character).
pub fn decode_part(bytes: &[u8], encoding: &'static Encoding, at_start: bool) -> Decoded {
    if encoding == UTF_8 {
        return decode_utf8(bytes);
    }
    let (body, bom) = match Encoding::for_bom(bytes) {
        Some((e, n)) if e == encoding && at_start => (&bytes[n..], n),
        _ => (bytes, 0),
    };
    let mut map = OffsetMap::builder();
    map.skip(bom, 0);
    let (text, lossy) = if encoding.is_single_byte() {
        decode_single_byte(body, encoding, &mut map)
    } else {
        decode_generic(body, encoding, &mut map)
    };
    Decoded {
        text,
        map: Some(map.finish()),
        encoding,
        lossy,
    }
}

/// UTF-8, lossily: valid runs map verbatim, each maximal invalid sequence
/// becomes one U+FFFD standing for its bytes.
fn decode_utf8(bytes: &[u8]) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            map: None,
            encoding: UTF_8,
            lossy: false,
        };
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut map = OffsetMap::builder();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                map.same(s);
                break;
            }
            Err(e) => {
                let ok = e.valid_up_to();
                let valid = std::str::from_utf8(&rest[..ok]).unwrap_or_default();
                text.push_str(valid);
                map.same(valid);
                let bad = e.error_len().unwrap_or(rest.len() - ok);
                text.push('\u{FFFD}');
                map.replaced("\u{FFFD}", bad, 1);
                rest = &rest[ok + bad..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    Decoded {
        text,
        map: Some(map.finish()),
        encoding: UTF_8,
        lossy: true,
    }
}

/// A single-byte encoding: ASCII maps verbatim, every other byte is one
/// character.
fn decode_single_byte(
    bytes: &[u8],
    encoding: &'static Encoding,
    map: &mut OffsetMapBuilder,
) -> (String, bool) {
    let (decoded, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut chars = decoded.chars();
    let mut text = String::with_capacity(decoded.len());
    let mut i = 0;
    while i < bytes.len() {
        let ascii = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - i);
        if ascii > 0 {
            // ASCII is ASCII in every single-byte encoding encoding_rs knows.
            let s = std::str::from_utf8(&bytes[i..i + ascii]).unwrap_or_default();
            text.push_str(s);
            map.same(s);
            for _ in 0..ascii {
                chars.next();
            }
            i += ascii;
            continue;
        }
        let c = chars.next().unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        text.push_str(s);
        map.replaced(s, 1, 1);
        i += 1;
    }
    (text, had_errors)
}

/// Any other encoding (UTF-16, Shift_JIS, GBK, …). Linear in the input:
/// UTF-16 is decoded in chunks and each character's source bytes follow
/// from the character itself ([`decode_utf16`]); the others are fed to one
/// streaming decoder a byte at a time, each call writing into a small fixed
/// buffer, so that each character's source bytes are known.
fn decode_generic(
    bytes: &[u8],
    encoding: &'static Encoding,
    map: &mut OffsetMapBuilder,
) -> (String, bool) {
    if is_utf16(encoding) {
        if let Some(done) = decode_utf16(bytes, encoding, map) {
            return done;
        }
    }
    decode_bytewise(bytes, encoding, map)
}

/// Output room for one input byte: a decoder that finds an error may give
/// back the few bytes it held (a GB18030 sequence), never more than four
/// characters.
const ONE_BYTE_OUTPUT: usize = 32;

/// Feeds `bytes` to a decoder one at a time, mapping each piece of output
/// to the source bytes fed since the last one.
fn decode_bytewise(
    bytes: &[u8],
    encoding: &'static Encoding,
    map: &mut OffsetMapBuilder,
) -> (String, bool) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut out = [0u8; ONE_BYTE_OUTPUT];
    let mut pending = 0; // source bytes not yet accounted for
    let mut lossy = false;
    for (i, b) in bytes.iter().enumerate() {
        let last = i + 1 == bytes.len();
        let (_, read, written, errors) =
            decoder.decode_to_utf8(std::slice::from_ref(b), &mut out, last);
        debug_assert_eq!(read, 1, "one byte's output fits {ONE_BYTE_OUTPUT} bytes");
        lossy |= errors;
        pending += 1;
        if written > 0 {
            let new = std::str::from_utf8(&out[..written]).unwrap_or("\u{FFFD}");
            text.push_str(new);
            if pending == 1 && new.as_bytes() == [*b] {
                // ASCII as itself: verbatim, so runs of it merge.
                map.same(new);
            } else {
                map.replaced(new, pending, new.chars().count());
            }
            pending = 0;
        }
    }
    if pending > 0 {
        map.skip(pending, 0);
    }
    (text, lossy)
}

/// Source bytes a streaming decoder is given at once.
const CHUNK: usize = 64 << 10;

/// UTF-16 in chunks through one streaming decoder. Every character it
/// writes stands for one code unit (two bytes), a supplementary character
/// for a surrogate pair (four), an unpaired surrogate's U+FFFD for its
/// unit, and a U+FFFD at the end of a text of odd length for the odd byte.
/// Should the widths not add up to the input (some case of errors these
/// rules miss), `None`: the caller decodes byte by byte instead.
fn decode_utf16(
    bytes: &[u8],
    encoding: &'static Encoding,
    map: &mut OffsetMapBuilder,
) -> Option<(String, bool)> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() / 2 + bytes.len() / 4 + 16);
    let mut out = vec![0u8; decoder.max_utf8_buffer_length(CHUNK)?];
    let mut lossy = false;
    let mut rest = bytes;
    loop {
        let take = rest.len().min(CHUNK);
        let last = take == rest.len();
        let (_, read, written, errors) = decoder.decode_to_utf8(&rest[..take], &mut out, last);
        lossy |= errors;
        if read == 0 && written == 0 && take > 0 {
            return None;
        }
        text.push_str(std::str::from_utf8(&out[..written]).ok()?);
        rest = &rest[read..];
        if last && read == take {
            break;
        }
    }
    let width = |c: char| if u32::from(c) > 0xFFFF { 4 } else { 2 };
    let odd_end = bytes.len() % 2 == 1 && text.ends_with('\u{FFFD}');
    let total: usize = text.chars().map(width).sum::<usize>() - if odd_end { 1 } else { 0 };
    if total != bytes.len() {
        return None;
    }
    // ASCII maps character for character (one run per stretch of it),
    // anything else a run per character.
    let body = if odd_end {
        &text[..text.len() - '\u{FFFD}'.len_utf8()]
    } else {
        &text[..]
    };
    let mut rest = body;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            map.same_ascii(&rest[..ascii], 2);
            rest = &rest[ascii..];
            continue;
        }
        let c = rest.chars().next()?;
        let n = c.len_utf8();
        map.replaced(&rest[..n], width(c), 1);
        rest = &rest[n..];
    }
    if odd_end {
        map.replaced("\u{FFFD}", 1, 1);
    }
    Some((text, lossy))
}

/// How a text in an encoding may be cut into pieces that decode apart to
/// the characters of the whole (the windows of a big text,
/// [`super::window`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cutting {
    /// UTF-8 and the single-byte encodings: a byte of ASCII whitespace is
    /// a character of its own, and any byte but a UTF-8 continuation byte
    /// starts a character.
    Bytes,
    /// UTF-16: a cut falls between code units (an even number of bytes
    /// from the text's start) outside a surrogate pair; whitespace is a
    /// code unit of ASCII whitespace.
    Utf16 {
        /// UTF-16BE rather than UTF-16LE.
        big_endian: bool,
    },
    /// Shift_JIS, EUC-JP, EUC-KR, Big5, GBK, GB18030: a byte of ASCII
    /// whitespace is never part of a multi-byte character (their trail
    /// bytes are 0x30 and up), so a cut before one is safe where no
    /// broken sequence is pending there (GB18030's `81 30` before a
    /// space); other character starts are found by decoding from a known
    /// one ([`char_starts`]).
    AsciiMultiByte,
    /// ISO-2022-JP (its shift state runs across the text) and the
    /// replacement encoding: never cut.
    Whole,
}

/// How a text in `encoding` may be cut ([`Cutting`]).
pub fn cutting(encoding: &'static Encoding) -> Cutting {
    if encoding == UTF_8 || encoding.is_single_byte() {
        Cutting::Bytes
    } else if is_utf16(encoding) {
        Cutting::Utf16 {
            big_endian: encoding == UTF_16BE,
        }
    } else if encoding == ISO_2022_JP || encoding == REPLACEMENT {
        Cutting::Whole
    } else {
        Cutting::AsciiMultiByte
    }
}

/// Visits, in order, the offsets up to `hi` where a character of `bytes`
/// decoded as `encoding` starts (`bytes[0]` being one; the end of `bytes`
/// counts as one): the places after which a decoder fed from `bytes[0]`
/// has written every byte it was given. Stops at, and returns, the first
/// offset `found` accepts. Linear in `hi`.
pub fn char_starts(
    bytes: &[u8],
    encoding: &'static Encoding,
    hi: usize,
    mut found: impl FnMut(usize) -> bool,
) -> Option<usize> {
    if found(0) {
        return Some(0);
    }
    let hi = hi.min(bytes.len());
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = [0u8; ONE_BYTE_OUTPUT];
    for (i, b) in bytes[..hi].iter().enumerate() {
        let (_, _, written, _) = decoder.decode_to_utf8(std::slice::from_ref(b), &mut out, false);
        if written > 0 && found(i + 1) {
            return Some(i + 1);
        }
    }
    None
}

/// Characters the text of `bytes` decoded as `encoding` holds, as
/// [`decode_part`] decodes it (`at_start`: the bytes begin the text, where
/// a byte-order mark of the encoding is no character).
pub fn count_chars(bytes: &[u8], encoding: &'static Encoding, at_start: bool) -> usize {
    if encoding.is_single_byte() {
        return bytes.len();
    }
    if encoding == UTF_8 {
        return match std::str::from_utf8(bytes) {
            Ok(s) => s.chars().count(),
            Err(_) => String::from_utf8_lossy(bytes).chars().count(),
        };
    }
    let mut decoder = if at_start {
        encoding.new_decoder_with_bom_removal()
    } else {
        encoding.new_decoder_without_bom_handling()
    };
    let Some(room) = decoder.max_utf8_buffer_length(CHUNK) else {
        return 0;
    };
    let mut out = vec![0u8; room];
    let mut chars = 0;
    let mut rest = bytes;
    loop {
        let take = rest.len().min(CHUNK);
        let last = take == rest.len();
        let (_, read, written, _) = decoder.decode_to_utf8(&rest[..take], &mut out, last);
        chars += std::str::from_utf8(&out[..written]).map_or(0, |s| s.chars().count());
        rest = &rest[read..];
        if last && read == take || read == 0 && written == 0 {
            return chars;
        }
    }
}

/// The UTF-16 encodings, for callers that must treat them apart.
pub fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// Checks that every character of the text maps to source bytes that
    /// decode to it.
    fn round_trip(src: &[u8], d: &Decoded) {
        let doc = match &d.map {
            None => Document::plain("t", d.text.clone()),
            Some(m) => Document::mapped("t", d.text.clone(), m.clone()),
        };
        for (chars, (i, c)) in d.text.char_indices().enumerate() {
            let s = doc.locate(i, i + c.len_utf8());
            assert_eq!(s.char_start, chars, "char offset of {c:?}");
            assert_eq!(s.char_end, chars + 1);
            if c != '\u{FFFD}' {
                let (back, _) = d.encoding.decode_without_bom_handling(&src[s.start..s.end]);
                assert_eq!(back.as_ref(), c.to_string(), "bytes of {c:?}");
            }
        }
    }

    #[test]
    fn detection_table() {
        let t = |b: &[u8]| detect(b, &DecodeOptions::default()).name();
        assert_eq!(t(b"plain ascii"), "UTF-8");
        assert_eq!(t("Erdoğan".as_bytes()), "UTF-8");
        assert_eq!(t(b"Erdo\xf0an"), "windows-1252");
        // Many valid sequences, one damaged byte: lossy UTF-8.
        let mut b = "Dériaska é è ü ".as_bytes().to_vec();
        b.push(0xff);
        assert_eq!(t(&b), "UTF-8");
        assert_eq!(t(b"\xff\xfeP\0"), "UTF-16LE");
        assert_eq!(t(b"\xfe\xff\0P"), "UTF-16BE");
        let forced = DecodeOptions::with_label("latin1").unwrap();
        assert_eq!(detect("é".as_bytes(), &forced).name(), "windows-1252");
        assert!(DecodeOptions::with_label("no-such-thing").is_none());
    }

    #[test]
    fn windows_1252_round_trips() {
        let src = b"\x93Dupr\xe9\x94 \x80 caf\xe9 Putin";
        let d = decode(src, &DecodeOptions::default());
        assert_eq!(d.text, "“Dupré” € café Putin");
        round_trip(src, &d);
    }

    #[test]
    fn lossy_utf8_round_trips() {
        let mut src = "Dériaska ünd ".as_bytes().to_vec();
        src.extend_from_slice(b"\xc3(\xff\xfe");
        src.extend_from_slice(" Putin é".as_bytes());
        let d = decode(&src, &DecodeOptions::default());
        assert!(d.lossy);
        assert_eq!(d.encoding, UTF_8);
        assert!(
            d.text.contains("\u{FFFD}(\u{FFFD}\u{FFFD} Putin"),
            "{}",
            d.text
        );
        round_trip(&src, &d);
        let doc = Document::mapped("t", d.text.clone(), d.map.clone().unwrap());
        let at = d.text.find("Putin").unwrap();
        let s = doc.locate(at, at + 5);
        assert_eq!(&src[s.start..s.end], b"Putin");
    }

    #[test]
    fn utf16_round_trips() {
        for enc in [UTF_16LE, UTF_16BE] {
            let text = "Kim Jong Un 🙂 Dériaska";
            let mut src: Vec<u8> = if enc == UTF_16LE {
                vec![0xff, 0xfe]
            } else {
                vec![0xfe, 0xff]
            };
            for u in text.encode_utf16() {
                let b = if enc == UTF_16LE {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                };
                src.extend_from_slice(&b);
            }
            let d = decode(&src, &DecodeOptions::default());
            assert_eq!(d.encoding, enc);
            assert_eq!(d.text, text);
            round_trip(&src, &d);
            let doc = Document::mapped("t", d.text.clone(), d.map.clone().unwrap());
            let s = doc.locate(0, 3);
            assert_eq!((s.start, s.end), (2, 8));
        }
    }

    /// Like [`round_trip`], where a decoder error may make one piece of
    /// source bytes stand for more than one character (a Shift_JIS lead
    /// byte before ASCII: U+FFFD and the ASCII): each character maps into
    /// a piece holding it.
    fn round_trip_pieces(src: &[u8], d: &Decoded) {
        let doc = Document::mapped("t", d.text.clone(), d.map.clone().unwrap());
        for (chars, (i, c)) in d.text.char_indices().enumerate() {
            let s = doc.locate(i, i + c.len_utf8());
            assert!(s.char_start <= chars && chars < s.char_end, "{c:?}");
            let (back, _) = d.encoding.decode_without_bom_handling(&src[s.start..s.end]);
            assert!(back.contains(c), "bytes of {c:?}: {back:?}");
        }
    }

    /// UTF-16 with every kind of error (unpaired surrogates at the start,
    /// in the middle and at the end, an odd last byte) and legacy
    /// multi-byte text with broken sequences: every character maps back to
    /// bytes that decode to it, and the map covers the whole source.
    #[test]
    fn damaged_multibyte_round_trips() {
        let unit = |u: u16, le: bool| if le { u.to_le_bytes() } else { u.to_be_bytes() };
        let units: &[&[u16]] = &[
            &[0x4B, 0x69, 0x6D, 0xD83D, 0xDE42, 0x20, 0xE9],
            &[0xDC00, 0x41, 0xD800, 0x42, 0xD800, 0xD800, 0xDC00],
            &[0x41, 0xD800],
            &[0xFFFD, 0x41],
        ];
        for (enc, le) in [(UTF_16LE, true), (UTF_16BE, false)] {
            for us in units {
                for odd in [false, true] {
                    let mut src: Vec<u8> = us.iter().flat_map(|&u| unit(u, le)).collect();
                    if odd {
                        src.push(0x41);
                    }
                    let d = decode_as(&src, enc);
                    assert_eq!(d.text, enc.decode_without_bom_handling(&src).0, "{src:?}");
                    assert_eq!(d.map.as_ref().unwrap().source_len(), src.len());
                    round_trip(&src, &d);
                }
            }
        }
        let sjis = encoding_rs::SHIFT_JIS;
        let gbk = encoding_rs::GBK;
        let gb18030 = encoding_rs::GB18030;
        let cases: &[(&'static Encoding, &[u8])] = &[
            (sjis, b"\x93\x8c\x8b\x9e Putin \x82\xa0\x82"),
            (sjis, b"\x82A\x82\xa0 \x81"),
            (gbk, b"\xc4\xe3\xba\xc3 Kim \xc4"),
            (gb18030, b"\x81\x30\x81\x30 a\x81\x30\xff\x30 b\x81\x30\x81"),
        ];
        for &(enc, src) in cases {
            let d = decode_as(src, enc);
            assert_eq!(d.text, enc.decode_without_bom_handling(src).0, "{src:?}");
            assert_eq!(d.map.as_ref().unwrap().source_len(), src.len());
            round_trip_pieces(src, &d);
        }
    }

    #[test]
    fn valid_utf8_needs_no_map() {
        let d = decode("Ärger".as_bytes(), &DecodeOptions::default());
        assert!(d.map.is_none() && !d.lossy);
    }
}
