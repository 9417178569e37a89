//! HTML pages: the visible text, mapped back to the page's bytes.
//!
//! The page is decoded first ([`super::decode`]; a page that is not valid
//! UTF-8 and declares `charset=…` in its first 1024 bytes, as
//! `<meta charset>` or `http-equiv` content, is read in that charset
//! unless `--encoding` or a byte-order mark says otherwise), then
//! tokenized with
//! `html5tokenizer`, a WHATWG-compliant tokenizer that reports the source
//! span of every character it emits. The text gazex matches is the
//! characters of the page outside tags, comments and doctype, without the
//! contents of `script`, `style` and `template`, with character
//! references decoded (`&amp;` → `&`, `&#8217;` → `’`). Block-level
//! elements (`p`, `div`, `h1`…`h6`, `li`, `td`, `tr`, `table`, `title`,
//! `blockquote`, …) become a blank line, which matching treats as a barrier
//! no name spans, and `br` a line break, so that names in neighbouring
//! blocks never run together.
//!
//! Offsets are those of the page: a mention's `start..end` are the page's
//! bytes of the mention (a character reference inside a name is inside the
//! span, `&amp;` and all), and character offsets count the decoded page,
//! markup included. Tokenizing is naive (no tree construction): a page
//! whose markup is broken is still read, the way a browser would mostly
//! show it. The contents of `svg` and `math` (drawings, formulas) are
//! dropped too, up to their end tag or, for one never closed, up to the
//! first HTML element a browser would not put inside them (`<p>`, `<div>`,
//! `<b>`, … as the HTML standard lists them), where the page's text goes
//! on as a browser shows it.
//!
//! # Publication date
//!
//! The same tokenizing pass reads the page's publication date
//! ([`html_to_text_and_date`], [`crate::date::DateSource::Html`]), taking
//! the first of, in this order of preference:
//!
//! 1. a metadata element: `<meta property="article:published_time">`,
//!    `og:published_time`, `<meta name="date">`, `<meta name="pubdate">`
//!    (as `property` or `name`, in this order of preference when a page has
//!    several), or `itemprop="datePublished"` on any element, with the date
//!    in its `content` or `datetime` attribute;
//! 2. `datePublished` in a `<script type="application/ld+json">` block:
//!    the object's own, an array's objects' or its `@graph`'s objects', the
//!    first found;
//! 3. the `datetime` of the first `<time>` inside an `<article>`, or, on a
//!    page without an `<article>` element, the page's first `<time
//!    datetime>`.
//!
//! Values are read by [`crate::date::date_value`] (ISO 8601 with or without
//! a time, or a date in words); a value that cannot be read is passed
//! over.
//!
//! # Example
//!
//! ```
//! use gazex::input::html::html_to_text;
//! use gazex::input::decode::DecodeOptions;
//!
//! let page = b"<p>Met <b>Vladimir&nbsp;Putin</b></p><script>Kim()</script><p>Kim &amp; co</p>";
//! let (text, map) = html_to_text(page, &DecodeOptions::default());
//! assert_eq!(text.trim(), "Met Vladimir\u{a0}Putin\n\nKim & co");
//! let doc = gazex::document::Document::mapped("p.html", text.clone(), map);
//! let at = text.find("Vladimir").unwrap();
//! let span = doc.locate(at, at + "Vladimir\u{a0}Putin".len());
//! assert_eq!(&page[span.start..span.end], b"Vladimir&nbsp;Putin");
//! ```

use html5tokenizer::offset::PosTrackingReader;
use html5tokenizer::trace::Trace;
use html5tokenizer::{NaiveParser, Token, TracingEmitter};

use super::decode::{decode_as, detect, DecodeOptions};
use crate::date::{date_value, DocDate};
use crate::document::{MapCursor, OffsetMap};

/// Elements whose content is never visible text.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript", "svg", "math"];

/// Foreign elements (SVG, MathML): hidden like the others, but an HTML
/// element a browser would not nest in them ends them ([`BREAKOUT`]), so
/// that one never closed does not hide the rest of the page.
const FOREIGN: &[&str] = &["svg", "math"];

/// Start tags that end open `svg` and `math` elements, as the HTML
/// standard's rules for foreign content say ("breakout" elements; `font`
/// only with `color`, `face` or `size`); the end tags `</p>` and `</br>`
/// do too.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Elements that start or end a block: a blank line in the text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// The visible text of the HTML page `bytes` and its map back to them.
pub fn html_to_text(bytes: &[u8], opts: &DecodeOptions) -> (String, OffsetMap) {
    let (text, map, _) = html_to_text_and_date(bytes, opts);
    (text, map)
}

/// The visible text of the HTML page `bytes`, its map back to them, and
/// the page's publication date (see [the module docs](self#publication-date)),
/// in one tokenizing pass.
///
/// ```
/// use gazex::input::html::html_to_text_and_date;
/// use gazex::input::decode::DecodeOptions;
///
/// let page = br#"<head><meta property="article:published_time" content="1962-10-23T09:00:00Z"></head><p>Text"#;
/// let (_, _, date) = html_to_text_and_date(page, &DecodeOptions::default());
/// assert_eq!(date.unwrap().to_string(), "1962-10-23");
/// ```
pub fn html_to_text_and_date(
    bytes: &[u8],
    opts: &DecodeOptions,
) -> (String, OffsetMap, Option<DocDate>) {
    let declared = match opts.forced {
        None if std::str::from_utf8(bytes).is_err() => declared_charset(bytes),
        _ => None,
    };
    let encoding = match declared {
        Some(e) => detect(bytes, &DecodeOptions { forced: Some(e) }),
        None => detect(bytes, opts),
    };
    // A UTF-8 page (nearly all) is tokenized where it lies, not copied.
    let decoded;
    let (html, map) = match std::str::from_utf8(bytes) {
        Ok(html) if encoding == encoding_rs::UTF_8 => (html, None),
        _ => {
            decoded = decode_as(bytes, encoding);
            (decoded.text.as_str(), decoded.map.as_ref())
        }
    };
    let mut cursor = match map {
        Some(m) => m.cursor(html),
        None => MapCursor::identity(html),
    };
    let mut out = Extractor::default();
    let mut dates = Dates::default();
    // Decoded-text bytes the characters so far stand for.
    let mut consumed = 0;
    let parser =
        NaiveParser::new_with_emitter(PosTrackingReader::new(html), TracingEmitter::default());
    for (token, trace) in parser.flatten() {
        match (token, trace) {
            (Token::Char(c), Trace::Char(span)) => {
                if out.hidden.is_some() {
                    if let Some(json) = &mut dates.json_ld {
                        json.push(c);
                    }
                    continue;
                }
                let Some(span) = sane_span(html, span, c, consumed) else {
                    // A span the tokenizer got wrong: the character stands
                    // for no source bytes of its own.
                    let here = cursor.source(consumed);
                    out.char(c, here, here, false);
                    continue;
                };
                consumed = span.end;
                let s = cursor.source(span.start);
                let e = cursor.source(span.end);
                let literal = &html[span.clone()];
                let verbatim = literal.len() == c.len_utf8()
                    && literal.starts_with(c)
                    && (map.is_none() || &bytes[s.0..e.0] == literal.as_bytes());
                out.char(c, s, e, verbatim);
            }
            (Token::StartTag(tag), _) => {
                let name = tag.name.as_str();
                let font = name == "font"
                    && ["color", "face", "size"]
                        .iter()
                        .any(|a| tag.attributes.get(a).is_some());
                if out.in_foreign() && (BREAKOUT.contains(&name) || font) {
                    out.hidden = None;
                }
                dates.tag(&tag, out.hidden.is_none());
                if out.hidden.is_none() && HIDDEN.contains(&name) && !tag.self_closing {
                    out.hidden = Some(tag.name.clone());
                } else if out.hidden.is_none() {
                    out.boundary(name);
                }
            }
            (Token::EndTag(tag), _) => match &out.hidden {
                Some(_) if out.in_foreign() && matches!(tag.name.as_str(), "p" | "br") => {
                    out.hidden = None;
                    out.boundary(&tag.name);
                }
                Some(h) if *h == tag.name => {
                    out.hidden = None;
                    dates.end_script();
                }
                Some(_) => {}
                None => {
                    if tag.name == "article" {
                        dates.article_depth = dates.article_depth.saturating_sub(1);
                    }
                    out.boundary(&tag.name)
                }
            },
            _ => {}
        }
    }
    let end = cursor.source(html.len());
    let (text, map) = out.finish(end);
    (text, map, dates.finish())
}

/// Metadata names of a publication date (`<meta property|name=…>`), in
/// order of preference.
const META_DATES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
];

/// The publication dates a page offers, gathered as its tags come.
#[derive(Default)]
struct Dates {
    /// The best metadata date so far and its rank (index in
    /// [`META_DATES`], `META_DATES.len()` for `itemprop`).
    meta: Option<(usize, DocDate)>,
    /// The first `datePublished` of a JSON-LD block.
    json_ld_date: Option<DocDate>,
    /// The text of the JSON-LD block being read.
    json_ld: Option<String>,
    /// The first `<time datetime>` inside an `<article>`.
    article_time: Option<DocDate>,
    /// The page's first `<time datetime>`.
    page_time: Option<DocDate>,
    /// Open `<article>` elements.
    article_depth: usize,
    /// Whether the page has an `<article>` element.
    has_article: bool,
}

impl Dates {
    /// Takes what start tag `tag` says; `visible`: not inside a hidden
    /// element (where a `<script>` is no script).
    fn tag(&mut self, tag: &html5tokenizer::StartTag, visible: bool) {
        let attr = |name: &str| tag.attributes.get(name);
        let value = || {
            attr("content")
                .or_else(|| attr("datetime"))
                .and_then(date_value)
        };
        match tag.name.as_str() {
            "meta" => {
                let key = attr("property").or_else(|| attr("name")).unwrap_or("");
                if let Some(rank) = META_DATES.iter().position(|m| m.eq_ignore_ascii_case(key)) {
                    self.offer_meta(rank, value);
                }
            }
            "article" if !tag.self_closing => {
                self.article_depth += 1;
                self.has_article = true;
            }
            "time" => {
                if let Some(d) = attr("datetime").and_then(date_value) {
                    if self.article_depth > 0 && self.article_time.is_none() {
                        self.article_time = Some(d);
                    }
                    self.page_time.get_or_insert(d);
                }
            }
            "script" => {
                let ld = attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if ld && visible && self.json_ld_date.is_none() && !tag.self_closing {
                    self.json_ld = Some(String::new());
                }
            }
            _ => {}
        }
        if attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished")) {
            self.offer_meta(META_DATES.len(), value);
        }
    }

    /// Keeps the date `value` gives (read only if needed) when its rank
    /// (an index of [`META_DATES`], then microdata) beats the one held.
    fn offer_meta(&mut self, rank: usize, value: impl FnOnce() -> Option<DocDate>) {
        if self.meta.is_none_or(|(r, _)| rank < r) {
            if let Some(d) = value() {
                self.meta = Some((rank, d));
            }
        }
    }

    /// The end of a hidden element: a JSON-LD block, if one was read.
    fn end_script(&mut self) {
        if let Some(json) = self.json_ld.take() {
            if self.json_ld_date.is_none() {
                self.json_ld_date = serde_json::from_str(&json)
                    .ok()
                    .as_ref()
                    .and_then(json_ld_date);
            }
        }
    }

    fn finish(mut self) -> Option<DocDate> {
        // A page cut off inside its JSON-LD block.
        self.end_script();
        let time = if self.has_article {
            self.article_time
        } else {
            self.page_time
        };
        self.meta.map(|(_, d)| d).or(self.json_ld_date).or(time)
    }
}

/// The first `datePublished` of a JSON-LD value: its own, an array's
/// objects', or its `@graph`'s objects'.
fn json_ld_date(v: &serde_json::Value) -> Option<DocDate> {
    use serde_json::Value;
    match v {
        Value::Array(items) => items.iter().find_map(json_ld_date),
        Value::Object(o) => o
            .get("datePublished")
            .and_then(Value::as_str)
            .and_then(date_value)
            .or_else(|| match o.get("@graph") {
                Some(Value::Array(items)) => items.iter().find_map(json_ld_date),
                _ => None,
            }),
        _ => None,
    }
}

/// The span of character `c` in `html` as the tokenizer reports it,
/// checked: inside the text, on character boundaries, not before bytes
/// already used. html5tokenizer 0.5 reports a lone carriage return (read
/// as a line feed) with the span of the character after it; that one is
/// put right. `None` for a span that cannot be used.
fn sane_span(
    html: &str,
    span: std::ops::Range<usize>,
    c: char,
    consumed: usize,
) -> Option<std::ops::Range<usize>> {
    let mut span = span.start..span.end.max(span.start).min(html.len());
    if c == '\n'
        && span.start > consumed
        && html.as_bytes()[span.start - 1] == b'\r'
        && html.as_bytes().get(span.start) != Some(&b'\n')
    {
        span = span.start - 1..span.start;
    }
    let ok = span.start >= consumed
        && span.start < span.end
        && html.is_char_boundary(span.start)
        && html.is_char_boundary(span.end);
    ok.then_some(span)
}

/// The charset a page declares in its first 1024 bytes (`charset=LABEL`),
/// if it names an ASCII-compatible encoding (a page cannot declare UTF-16).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let at = memchr::memmem::find(&head, b"charset=")? + b"charset=".len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let e = encoding_rs::Encoding::for_label(&rest[..end])?;
    (!super::decode::is_utf16(e)).then_some(e)
}

/// Builds the text and its map as characters and tags come.
#[derive(Default)]
struct Extractor {
    text: String,
    map: crate::document::OffsetMapBuilder,
    /// Source bytes and characters the map has consumed.
    src: (usize, usize),
    /// Inside a hidden element: its name.
    hidden: Option<String>,
    /// Line breaks owed before the next character (from block tags).
    breaks: usize,
}

impl Extractor {
    /// Whether an `svg` or `math` element hides what comes.
    fn in_foreign(&self) -> bool {
        self.hidden.as_deref().is_some_and(|h| FOREIGN.contains(&h))
    }

    fn boundary(&mut self, name: &str) {
        let want = if name == "br" {
            1
        } else if BLOCKS.contains(&name) {
            2
        } else {
            0
        };
        self.breaks = self.breaks.max(want);
    }

    /// Moves the map to source offset `to`, dropping what lies between.
    fn skip_to(&mut self, to: (usize, usize)) {
        if to.0 > self.src.0 {
            self.map
                .skip(to.0 - self.src.0, to.1.saturating_sub(self.src.1));
            self.src = to;
        }
    }

    fn char(&mut self, c: char, s: (usize, usize), e: (usize, usize), verbatim: bool) {
        self.skip_to(s);
        if self.breaks > 0 && !self.text.is_empty() {
            // Only as many breaks as the text does not already end with.
            let have = self.text.bytes().rev().take_while(|&b| b == b'\n').count();
            let add = &"\n\n"[..self.breaks.saturating_sub(have)];
            if !add.is_empty() {
                self.text.push_str(add);
                self.map.replaced(add, 0, 0);
            }
        }
        self.breaks = 0;
        let mut buf = [0u8; 4];
        let t = c.encode_utf8(&mut buf);
        self.text.push_str(t);
        if e.0 <= s.0 && s.0 < self.src.0 {
            // The second character of a reference that stands for two.
            self.map.replaced(t, 0, 0);
            return;
        }
        if verbatim {
            self.map.same(t);
        } else {
            self.map
                .replaced(t, e.0.saturating_sub(s.0), e.1.saturating_sub(s.1));
        }
        self.src = (self.src.0.max(e.0), self.src.1.max(e.1));
    }

    fn finish(mut self, end: (usize, usize)) -> (String, OffsetMap) {
        self.skip_to(end);
        (self.text, self.map.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn check(page: &[u8], want_text: &str, name: &str, want_src: &[u8]) {
        let (text, map) = html_to_text(page, &DecodeOptions::default());
        assert_eq!(text, want_text);
        let doc = Document::mapped("p", text.clone(), map);
        let at = text
            .find(name)
            .unwrap_or_else(|| panic!("{name:?} in {text:?}"));
        let s = doc.locate(at, at + name.len());
        assert_eq!(
            String::from_utf8_lossy(&page[s.start..s.end]),
            String::from_utf8_lossy(want_src)
        );
    }

    #[test]
    fn visible_text_and_offsets() {
        check(
            b"<html><head><title>T</title><style>p{}</style></head><body><p>A &amp; B</p><p>Kim&#8217;s</p></body></html>",
            "T\n\nA & B\n\nKim\u{2019}s",
            "Kim\u{2019}s",
            b"Kim&#8217;s",
        );
        check(
            b"<div>Vladimir<br>Putin</div><!-- Kim --><td>X</td>",
            "Vladimir\nPutin\n\nX",
            "Vladimir\nPutin",
            b"Vladimir<br>Putin",
        );
        check(
            "<p>Ólafur &eacute;&#x20AC; done</p>".as_bytes(),
            "Ólafur é€ done",
            "Ólafur é€",
            "Ólafur &eacute;&#x20AC;".as_bytes(),
        );
        check(
            b"<p>line\r\nbreak Putin</p>",
            "line\nbreak Putin",
            "Putin",
            b"Putin",
        );
    }

    #[test]
    fn char_offsets_count_the_page() {
        let page = "<p>é <b>Putin</b></p>";
        let (text, map) = html_to_text(page.as_bytes(), &DecodeOptions::default());
        let doc = Document::mapped("p", text.clone(), map);
        let at = text.find("Putin").unwrap();
        let s = doc.locate(at, at + 5);
        let want = page.find("Putin").unwrap();
        assert_eq!(s.start, want);
        assert_eq!(s.char_start, page[..want].chars().count());
    }

    #[test]
    fn windows_1252_page() {
        let page = b"<p>Caf\xe9 &amp; Dupr\xe9 <i>Putin</i></p>";
        check(
            page,
            "Caf\u{e9} & Dupr\u{e9} Putin",
            "Dupr\u{e9} Putin",
            b"Dupr\xe9 <i>Putin",
        );
    }

    #[test]
    fn declared_charset_is_used_for_pages_that_are_not_utf8() {
        let page = b"<meta charset=\"iso-8859-2\"><p>\xa3ukasz \xaf\xf3\xb3wik</p>";
        check(
            page,
            "\u{141}ukasz \u{17b}ó\u{142}wik",
            "\u{17b}ó\u{142}wik",
            b"\xaf\xf3\xb3wik",
        );
        let page =
            b"<meta http-equiv=Content-Type content='text/html; charset=utf-16'><p>caf\xe9</p>";
        check(page, "caf\u{e9}", "caf\u{e9}", b"caf\xe9");
    }

    /// Found by fuzzing (`readers`): a lone carriage return got the span of
    /// the next character, and the offsets went back.
    #[test]
    fn lone_carriage_returns() {
        check(b"\r+\0", "\n+\0", "+", b"+");
        check(b"a\rPutin\r", "a\nPutin\n", "Putin", b"Putin");
        let (text, map) = html_to_text(b"a\rb", &DecodeOptions::default());
        let doc = Document::mapped("p", text, map);
        let s = doc.locate(1, 2);
        assert_eq!((s.start, s.end), (1, 2), "the line feed stands for the CR");
    }

    #[test]
    fn publication_dates() {
        let date = |page: &str| {
            html_to_text_and_date(page.as_bytes(), &DecodeOptions::default())
                .2
                .map(|d| d.to_string())
        };
        let ld = |json: &str| format!(r#"<script type="application/ld+json">{json}</script>"#);
        // (name, page, date)
        let cases: Vec<(&str, String, Option<&str>)> = vec![
            (
                "article:published_time",
                r#"<head><meta property="article:published_time" content="2024-03-05T10:00:00+01:00"></head><p>x"#.into(),
                Some("2024-03-05"),
            ),
            (
                "og:published_time",
                r#"<meta property="og:published_time" content="2024-03-05">"#.into(),
                Some("2024-03-05"),
            ),
            ("name=date", r#"<META NAME="Date" CONTENT="1962-10-23">"#.into(), Some("1962-10-23")),
            ("name=pubdate", r#"<meta name="pubdate" content="1962-10">"#.into(), Some("1962-10")),
            (
                "itemprop on a meta",
                r#"<meta itemprop="datePublished" content="2001-09-11">"#.into(),
                Some("2001-09-11"),
            ),
            (
                "itemprop on a time",
                r#"<p>By X, <time itemprop="datePublished" datetime="2001-09-11T08:46">Sept. 11</time></p>"#.into(),
                Some("2001-09-11"),
            ),
            (
                "article:published_time preferred to name=date",
                r#"<meta name="date" content="2000-01-01"><meta property="article:published_time" content="2024-03-05">"#.into(),
                Some("2024-03-05"),
            ),
            (
                "metadata preferred to JSON-LD and time",
                format!(r#"<time datetime="1999-01-01"></time>{}<meta name="date" content="2024-03-05">"#, ld(r#"{"datePublished":"2010-01-01"}"#)),
                Some("2024-03-05"),
            ),
            ("JSON-LD object", ld(r#"{"@type":"NewsArticle","datePublished":"2020-02-03T10:00:00Z"}"#), Some("2020-02-03")),
            ("JSON-LD array", ld(r#"[{"@type":"Person"},{"datePublished":"2020-02-03"}]"#), Some("2020-02-03")),
            ("JSON-LD @graph", ld(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2020-02"}]}"#), Some("2020-02")),
            (
                "JSON-LD preferred to time",
                format!(r#"<article><time datetime="1999-01-01"></time></article>{}"#, ld(r#"{"datePublished":"2020-02-03"}"#)),
                Some("2020-02-03"),
            ),
            ("broken JSON-LD passed over", format!(r#"{}<time datetime="1999-01-01">"#, ld("{oops")), Some("1999-01-01")),
            (
                "time inside the article, not the page's first",
                r#"<nav><time datetime="2026-01-01">today</time></nav><article><h1>T</h1><time datetime="1962-10-23">Oct. 23</time></article>"#.into(),
                Some("1962-10-23"),
            ),
            (
                "an article without time: not the page's",
                r#"<nav><time datetime="2026-01-01">today</time></nav><article><p>x</p></article>"#.into(),
                None,
            ),
            ("page's first time without article", r#"<p><time datetime="1962-10-23">x</time><time datetime="1963-01-01">"#.into(), Some("1962-10-23")),
            ("unreadable values passed over", r#"<meta name="date" content="soon"><time datetime="1962-10-23">"#.into(), Some("1962-10-23")),
            ("a script is not JSON-LD", r#"<script>{"datePublished":"2020-02-03"}</script>"#.into(), None),
            ("no date", "<p>Published on 5 March 2024</p>".into(), None),
        ];
        for (name, page, want) in cases {
            assert_eq!(date(&page).as_deref(), want, "{name}: {page}");
        }
        // The text is the same as without dates.
        let page = format!("{}<p>Kim</p>", ld(r#"{"datePublished":"2020-02-03"}"#));
        let (text, _, _) = html_to_text_and_date(page.as_bytes(), &DecodeOptions::default());
        assert_eq!(text, "Kim");
    }

    #[test]
    fn unclosed_svg_and_math_end_where_html_goes_on() {
        let text = |page: &str| html_to_text(page.as_bytes(), &DecodeOptions::default()).0;
        assert_eq!(text("<p>A<svg><text>x</text><p>Putin</p>"), "A\n\nPutin");
        assert_eq!(text("<math><mi>x</mi><div>Kim</div>"), "Kim");
        assert_eq!(text("<svg><g>x</g></p>Putin"), "Putin");
        assert_eq!(text("<svg><font color=red>Kim</font>"), "Kim");
        // Closed, or not broken out of: hidden as before.
        assert_eq!(text("<svg><text>x</text></svg>Putin"), "Putin");
        assert_eq!(text("<svg><font>x</font>"), "");
        assert_eq!(text("<script><p>x</p>"), "");
    }

    #[test]
    fn broken_markup_is_read() {
        let (text, _) = html_to_text(b"<p>Putin <b <i>Kim</p", &DecodeOptions::default());
        assert!(text.contains("Putin"), "{text:?}");
        let (text, _) = html_to_text(b"", &DecodeOptions::default());
        assert!(text.is_empty());
    }
}
