//! Document dates: a year, a month or a day, and where it came from.
//!
//! Who a name means depends on when the text was written: "President Bush"
//! is one man in 1990 and his son in 2005, and a senator first elected in
//! 2017 cannot be meant by an article of 1961. Every document therefore
//! carries a [`DocDate`], as precise as its source says (a year, a month or a
//! day), and the [`DateSource`] it was taken from. The resolver compares
//! dates as periods: "1961" is the whole of 1961, so a term that overlaps
//! any of it fits.
//!
//! ```
//! use gazex::date::DocDate;
//!
//! let d = DocDate::parse("1961-04").unwrap();
//! assert_eq!(d.to_string(), "1961-04");
//! assert_eq!(d.first_day(), DocDate::parse("1961-04-01").unwrap().first_day());
//! assert_eq!(d.last_day(), DocDate::parse("1961-04-30").unwrap().last_day());
//! assert!(DocDate::parse("1961-13").is_err());
//! ```
//!
//! # Datelines
//!
//! [`dateline`] reads the date a plain text states at its top, where it is
//! written unambiguously: only the first five non-empty lines within the
//! first 500 bytes are looked at, and only a date that *starts* a line
//! (after an optional label such as `Published:`, `Date:` or `Dateline:`,
//! an optional place such as `WASHINGTON,` and an optional weekday) and is
//! followed by nothing, punctuation or a time. Day-month order must be
//! certain: `03/05/2024` is refused, `23/10/1962` and `2024/03/05` are
//! read. A month and year (`March 2024`) or a year alone on its line gives
//! only that precision.
//!
//! ```
//! use gazex::date::{dateline, DocDate};
//!
//! let text = "WASHINGTON, Oct. 23, 1962 — The President said …";
//! assert_eq!(dateline(text), DocDate::ymd(1962, 10, 23));
//! assert_eq!(dateline("May 2024 be a good year for all."), None);
//! ```

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use regex::Regex;

/// A day as one comparable number: `year * 10000 + month * 100 + day`
/// (1961-04-30 is `19610430`). Ordering is calendar order.
pub type Day = i32;

/// A date as precise as its source gives it: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocDate {
    /// The year (proleptic Gregorian).
    pub year: i32,
    /// The month (1–12), when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

/// A date that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    input: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a date: {:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            self.input
        )
    }
}

impl std::error::Error for DateError {}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl DocDate {
    /// A full date, if it is a real day.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<DocDate> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(
            DocDate {
                year,
                month: Some(month),
                day: Some(day),
            },
        )
    }

    /// A year alone.
    pub fn year(year: i32) -> DocDate {
        DocDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A year and month, if the month is real.
    pub fn ym(year: i32, month: u8) -> Option<DocDate> {
        (1..=12).contains(&month).then_some(DocDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally followed by an
    /// ISO 8601 time (`2024-03-05T10:00:00Z`, `2024-03-05 10:00`), which is
    /// ignored: a publication's local date is what it says. Years 1000–2999.
    pub fn parse(s: &str) -> Result<DocDate, DateError> {
        let err = || DateError {
            input: s.to_string(),
        };
        let t = s.trim();
        let date = match t.find(['T', 't', ' ']) {
            Some(i) if i >= 10 => &t[..i],
            _ => t,
        };
        let mut parts = date.split('-');
        let num = |p: Option<&str>, len: usize| -> Option<Option<u32>> {
            match p {
                None => Some(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(p.parse().ok())
                }
                Some(_) => None,
            }
        };
        let year = num(parts.next(), 4).flatten().ok_or_else(err)? as i32;
        if !(1000..=2999).contains(&year) {
            return Err(err());
        }
        let month = num(parts.next(), 2).ok_or_else(err)?;
        let day = num(parts.next(), 2).ok_or_else(err)?;
        if parts.next().is_some() {
            return Err(err());
        }
        match (month, day) {
            (None, _) => Ok(DocDate::year(year)),
            (Some(m), None) => DocDate::ym(year, m as u8).ok_or_else(err),
            (Some(m), Some(d)) => DocDate::ymd(year, m as u8, d as u8).ok_or_else(err),
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> Day {
        self.year * 10000
            + i32::from(self.month.unwrap_or(1)) * 100
            + i32::from(self.day.unwrap_or(1))
    }

    /// The last day of the period.
    pub fn last_day(&self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        self.year * 10000 + i32::from(month) * 100 + i32::from(day)
    }

    /// Today's date (UTC), from the system clock.
    pub fn today() -> DocDate {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        DocDate::from_unix_days((secs / 86_400) as i64)
    }

    /// The date `days` days after 1970-01-01 (H. Hinnant's civil-from-days).
    pub fn from_unix_days(days: i64) -> DocDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        DocDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
}

impl FromStr for DocDate {
    type Err = DateError;

    /// [`DocDate::parse`].
    fn from_str(s: &str) -> Result<DocDate, DateError> {
        DocDate::parse(s)
    }
}

/// Bytes of a text's top that [`dateline`] looks at.
pub const DATELINE_BYTES: usize = 500;

/// Non-empty lines of a text's top that [`dateline`] looks at.
pub const DATELINE_LINES: usize = 5;

/// The date written at the top of a plain text (see [the module
/// docs](self#datelines)), if one is: the first of its first
/// [`DATELINE_LINES`] non-empty lines within [`DATELINE_BYTES`] bytes that
/// starts with a date. Reads only those bytes.
pub fn dateline(text: &str) -> Option<DocDate> {
    let mut end = text.len().min(DATELINE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(DATELINE_LINES)
        .find_map(line_date)
}

/// A date written as a value of its own (an HTML `content` or `datetime`
/// attribute, a JSON-LD `datePublished`): ISO 8601 (`2024-03-05`,
/// `2024-03-05T10:00:00+01:00`), or a date in words read as a dateline
/// line (`March 5, 2024`).
pub fn date_value(s: &str) -> Option<DocDate> {
    let s = s.trim();
    if let Ok(d) = DocDate::parse(s) {
        return Some(d);
    }
    // An ISO date with a time DocDate::parse does not take (`2024-03-05T10`).
    if let Some(head) = s.get(..10) {
        if s.as_bytes().get(10).is_some_and(|b| !b.is_ascii_digit()) {
            if let Ok(d) = DocDate::parse(head) {
                return Some(d);
            }
        }
    }
    line_date(s)
}

struct Patterns {
    label: Regex,
    weekday: Regex,
    iso_day: Regex,
    iso_month: Regex,
    ymd_slash: Regex,
    numeric: Regex,
    mdy: Regex,
    dmy: Regex,
    my: Regex,
    year: Regex,
    time: Regex,
}

/// Up to four capitalized words and a comma or dash after them: the place
/// before a dateline's date (`WASHINGTON, `, `New York - `). Compiled on
/// first use, apart from [`patterns`]: its Unicode classes cost 13 M
/// instructions to compile (more than all the others together), and
/// [`ascii_place`] answers for lines of ASCII without it.
fn place_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(
            r"^(?:\p{Lu}[\p{L}\p{M}.'’\-]*\s+){0,3}\p{Lu}[\p{L}\p{M}.'’\-]*\s*(?:,|—|–|\s-)\s*",
        )
        .expect("valid place pattern")
    })
}

/// Where [`place_pattern`]'s match in `s` ends, worked out byte by byte
/// while the bytes it reads are ASCII: `Some(None)` when it does not
/// match, `None` when a byte it must read is not ASCII (then the pattern
/// answers). The pattern's words never give back a byte (none of the bytes
/// they hold is a space, a comma or a dash that could end them), so it
/// matches when the last of its words, the first four, is followed by the
/// comma or the dash.
fn ascii_place(s: &str) -> Option<Option<usize>> {
    let b = s.as_bytes();
    let space = |c: u8| (c as char).is_whitespace();
    let mut i = 0;
    let mut words = 0;
    loop {
        // A word: an upper-case letter, then letters, dots, apostrophes
        // and hyphens.
        match b.get(i) {
            Some(c) if c.is_ascii_uppercase() => i += 1,
            Some(&c) if c >= 0x80 => return None,
            _ => return Some(None),
        }
        while let Some(&c) = b.get(i) {
            if c >= 0x80 {
                return None;
            }
            if !(c.is_ascii_alphabetic() || matches!(c, b'.' | b'\'' | b'-')) {
                break;
            }
            i += 1;
        }
        words += 1;
        let word_end = i;
        while b.get(i).is_some_and(|&c| c < 0x80 && space(c)) {
            i += 1;
        }
        match b.get(i) {
            Some(&c) if words < 4 && i > word_end && c >= 0x80 => return None,
            Some(c) if words < 4 && i > word_end && c.is_ascii_uppercase() => {}
            _ => break,
        }
    }
    // (A hyphen right after a word is the word's: one here has a space
    // before it, as the pattern's `\s-` asks.)
    let mut end = match b.get(i) {
        Some(b',' | b'-') => i + 1,
        Some(&c) if c >= 0x80 => return None,
        _ => return Some(None),
    };
    while let Some(&c) = b.get(end) {
        if c >= 0x80 {
            return None;
        }
        if !space(c) {
            break;
        }
        end += 1;
    }
    Some(Some(end))
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        // ASCII digits and month names: Unicode classes here cost most of
        // the patterns' compile time and can match nothing more.
        let re = |s: &str| Regex::new(s).expect("valid dateline pattern");
        Patterns {
            label: re(r"^(?i:(?:first\s+)?(?:published|posted|dateline|dated|date|filed))\b(?:\s+on\b)?\s*[:\-–—]?\s*"),
            weekday: re(r"^(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|sday|nesday|rsday|urday)?\.?,?\s+"),
            iso_day: re(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"),
            iso_month: re(r"^([0-9]{4})-([0-9]{2})"),
            ymd_slash: re(r"^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})"),
            numeric: re(r"^([0-9]{1,2})([/.])([0-9]{1,2})([/.])([0-9]{4})"),
            mdy: re(r"^([A-Za-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})"),
            dmy: re(r"^([0-9]{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Za-z]{3,9})\.?,?\s+([0-9]{4})"),
            my: re(r"^([A-Za-z]{3,9})\.?,?\s+([0-9]{4})"),
            year: re(r"^([0-9]{4})"),
            time: re(r"^(?:at\s+)?[0-9]{1,2}[:.][0-9]{2}"),
        }
    })
}

/// The month an English month name (full, or abbreviated, `Sept` too)
/// stands for; capitalized or all capitals only, so that "may" the verb
/// is no month.
pub(crate) fn month(word: &str) -> Option<u8> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if !first.is_uppercase()
        || !(rest.chars().all(char::is_lowercase) || rest.chars().all(char::is_uppercase))
    {
        return None;
    }
    let w = word.to_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|n| w == *n || (w.len() == 3 && n.starts_with(&w)))
        .map(|i| i as u8 + 1)
}

/// Whether what follows a date on its line leaves it a dateline: nothing,
/// punctuation (a dash, a comma, a bracket), or a time. Not a word: "May
/// 2024 be a good year", "2024 people".
fn ends_date(p: &Patterns, rest: &str) -> bool {
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let r = rest.trim_start();
    match r.chars().next() {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        _ => p.time.is_match(r),
    }
}

/// A year plausible in a dateline.
fn year_of(s: &str) -> Option<i32> {
    s.parse().ok().filter(|y| (1700..=2999).contains(y))
}

/// The date starting `s`, if it is one and ends as a dateline's does.
fn date_at_start(p: &Patterns, s: &str) -> Option<DocDate> {
    let s = match p.weekday.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    };
    let num = |m: Option<regex::Match<'_>>| m.and_then(|m| m.as_str().parse::<u8>().ok());
    let tail = |m: regex::Match<'_>| &s[m.end()..];
    if let Some(c) = p.iso_day.captures(s) {
        let d = DocDate::ymd(year_of(&c[1])?, num(c.get(2))?, num(c.get(3))?)?;
        return ends_date(p, tail(c.get(0)?)).then_some(d);
    }
    if let Some(c) = p.ymd_slash.captures(s) {
        let d = DocDate::ymd(year_of(&c[1])?, num(c.get(2))?, num(c.get(3))?)?;
        return ends_date(p, tail(c.get(0)?)).then_some(d);
    }
    if let Some(c) = p.numeric.captures(s) {
        // Day and month in an order the numbers must settle.
        let (a, b) = (num(c.get(1))?, num(c.get(3))?);
        let year = year_of(&c[5])?;
        if c[2] != c[4] || !ends_date(p, tail(c.get(0)?)) {
            return None;
        }
        return match (a > 12, b > 12) {
            (true, false) => DocDate::ymd(year, b, a),
            (false, true) => DocDate::ymd(year, a, b),
            (false, false) if a == b => DocDate::ymd(year, a, a),
            _ => None,
        };
    }
    if let Some(c) = p.mdy.captures(s) {
        if let Some(m) = month(&c[1]) {
            let d = DocDate::ymd(year_of(&c[3])?, m, num(c.get(2))?)?;
            return ends_date(p, tail(c.get(0)?)).then_some(d);
        }
    }
    if let Some(c) = p.dmy.captures(s) {
        if let Some(m) = month(&c[2]) {
            let d = DocDate::ymd(year_of(&c[3])?, m, num(c.get(1))?)?;
            return ends_date(p, tail(c.get(0)?)).then_some(d);
        }
    }
    if let Some(c) = p.my.captures(s) {
        if let Some(m) = month(&c[1]) {
            let d = DocDate::ym(year_of(&c[2])?, m)?;
            return ends_date(p, tail(c.get(0)?)).then_some(d);
        }
    }
    // A month or a year alone must be alone on its line: "2024 people" and
    // "1962-63 season" are no dates.
    if let Some(c) = p.iso_month.captures(s) {
        let d = DocDate::ym(year_of(&c[1])?, num(c.get(2))?)?;
        return tail(c.get(0)?).trim().is_empty().then_some(d);
    }
    if let Some(c) = p.year.captures(s) {
        let d = DocDate::year(year_of(&c[1])?);
        return tail(c.get(0)?).trim().is_empty().then_some(d);
    }
    None
}

/// The date a line of a text's top starts with: after an optional label
/// (`Published:`), then either at once or after a place (`WASHINGTON,`).
fn line_date(line: &str) -> Option<DocDate> {
    // Every form holds a four-digit year: most lines are answered here,
    // without the patterns.
    let four_digits = line
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !four_digits {
        return None;
    }
    let p = patterns();
    let s = line.trim();
    let s = match p.label.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    };
    date_at_start(p, s).or_else(|| {
        let end = match ascii_place(s) {
            Some(end) => end?,
            None => place_pattern().find(s)?.end(),
        };
        date_at_start(p, &s[end..])
    })
}

/// Reads a [`Day`]-style date out of a gazetteer value (`1961-01-20`,
/// `1961-01`, `1961`): the first day of the period when `first`, else the
/// last. `None` for anything else.
pub fn day_of(s: &str, first: bool) -> Option<Day> {
    let d = DocDate::parse(s).ok()?;
    Some(if first { d.first_day() } else { d.last_day() })
}

impl fmt::Display for DocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Written as its string (`"1961"`, `"1961-04"`, `"1961-04-12"`).
impl serde::Serialize for DocDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Written as its name (`"dateline"`).
impl serde::Serialize for DateSource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The months' names, folded, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Where a document's date came from (the `doc_date_source` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DateSource {
    /// `--date` on the command line (for inputs with no date of their own).
    Flag,
    /// A JSON Lines record's date field (`--date-field`).
    Field,
    /// An HTML page's metadata (`article:published_time`, `datePublished`
    /// in JSON-LD or microdata, the article's `<time datetime>`).
    Html,
    /// A dateline at the top of a plain text.
    Dateline,
    /// No date known: the day of the run.
    #[default]
    Run,
}

impl DateSource {
    /// The source's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Flag => "flag",
            DateSource::Field => "field",
            DateSource::Html => "html",
            DateSource::Dateline => "dateline",
            DateSource::Run => "run",
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ascii_place` against the pattern: the same end, or no answer.
    fn place_agrees(s: &str) -> Result<(), String> {
        let pattern = place_pattern().find(s).map(|m| m.end());
        match ascii_place(s) {
            Some(end) if end != pattern => Err(format!("{s:?}: {end:?}, pattern {pattern:?}")),
            None if s.is_ascii() => Err(format!("{s:?}: ASCII, no answer")),
            _ => Ok(()),
        }
    }

    #[test]
    fn places_read_byte_by_byte_as_the_pattern_reads_them() {
        for (s, end) in [
            ("WASHINGTON, Oct. 23, 1962", Some(12)),
            ("New York - Jan. 5, 1990", Some(11)),
            ("New York-Jan. 5, 1990", None),
            ("New  York ,\t5 May 1990", Some(12)),
            ("St. John's, 1990", Some(12)),
            ("A B C D, 1990", Some(9)),
            ("A B C D E, 1990", None),
            ("A B C D -1990", Some(9)),
            ("Foo bar, 1990", None),
            ("foo, 1990", None),
            ("Foo\x0b, 1990", Some(6)),
            ("", None),
        ] {
            assert_eq!(ascii_place(s), Some(end), "{s:?}");
            place_agrees(s).unwrap();
        }
        for s in [
            "ZÜRICH, 1990",
            "Foo — 1990",
            "Foo\u{a0}, 1990",
            "Foo Élan, 1990",
        ] {
            assert_eq!(ascii_place(s), None, "{s:?}");
        }
        assert_eq!(
            place_pattern().find("Foo Élan, 1990").map(|m| m.end()),
            Some(11)
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        #[test]
        fn ascii_places_agree_with_the_pattern(
            s in "[AZaz.'’\\- \t\x0b\n,—–É\u{301}\u{a0}Ⅻ1]{0,16}"
        ) {
            place_agrees(&s).map_err(proptest::test_runner::TestCaseError::fail)?;
        }

        #[test]
        fn ascii_places_of_words_agree_with_the_pattern(
            s in "([AZ][az.'\\-]{0,2}[ \t]{0,2}|[AZÉⅫa][az.'’\\-É\u{301}]{0,2}[ \t\u{a0}]{0,2}){0,6}[,—–\\- ]{0,2}[ \t\x0b]{0,2}[a1]{0,2}"
        ) {
            place_agrees(&s).map_err(proptest::test_runner::TestCaseError::fail)?;
        }
    }

    #[test]
    fn parse_and_periods() {
        for (s, shown, first, last) in [
            ("1961", "1961", 19610101, 19611231),
            ("1961-02", "1961-02", 19610201, 19610228),
            ("2024-02", "2024-02", 20240201, 20240229),
            ("1963-11-22", "1963-11-22", 19631122, 19631122),
            ("2024-03-05T10:00:00Z", "2024-03-05", 20240305, 20240305),
            (" 2024-03-05 10:00 ", "2024-03-05", 20240305, 20240305),
        ] {
            let d = DocDate::parse(s).unwrap();
            assert_eq!(d.to_string(), shown, "{s}");
            assert_eq!((d.first_day(), d.last_day()), (first, last), "{s}");
        }
        for bad in [
            "",
            "61",
            "1961-2",
            "1961-00",
            "1961-13",
            "1961-02-30",
            "1961/02",
            "x961",
            "1961-02-01-01",
            "0999",
        ] {
            assert!(DocDate::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn datelines() {
        let day = |y, m, d| DocDate::ymd(y, m, d);
        // (name, text, date)
        let cases: &[(&str, &str, Option<DocDate>)] = &[
            (
                "place, abbreviated month",
                "WASHINGTON, Oct. 23, 1962 — The President",
                day(1962, 10, 23),
            ),
            (
                "full month",
                "October 23, 1962\n\nThe President spoke.",
                day(1962, 10, 23),
            ),
            ("day first", "23 October 1962\nText.", day(1962, 10, 23)),
            ("no comma, no dot", "Oct 23 1962\nText.", day(1962, 10, 23)),
            ("iso", "2024-03-05\nText.", day(2024, 3, 5)),
            (
                "iso with time",
                "2024-03-05T10:15:00Z\nText.",
                day(2024, 3, 5),
            ),
            (
                "published label",
                "Published: 5 March 2024\nText.",
                day(2024, 3, 5),
            ),
            (
                "dateline label with place",
                "Dateline: MOSCOW, March 5, 2024\nText.",
                day(2024, 3, 5),
            ),
            ("date label", "Date: 2024-03-05\nText.", day(2024, 3, 5)),
            ("sept.", "Sept. 9, 2001 —", day(2001, 9, 9)),
            (
                "ordinal and of",
                "the headline\n5th of March, 2024",
                day(2024, 3, 5),
            ),
            (
                "weekday",
                "Tuesday, March 5, 2024, 10:30 a.m.",
                day(2024, 3, 5),
            ),
            (
                "place in title case",
                "Moscow, 5 March 2024 — Text",
                day(2024, 3, 5),
            ),
            (
                "after a headline",
                "KENNEDY WARNS MOSCOW\n\nBy A Reporter\n\nOct. 23, 1962\nText",
                day(1962, 10, 23),
            ),
            ("all capitals", "MARCH 5, 2024", day(2024, 3, 5)),
            (
                "month and year",
                "March 2024\nA review.",
                DocDate::ym(2024, 3),
            ),
            ("year alone", "1962\nA review.", Some(DocDate::year(1962))),
            ("iso month alone", "2024-03\nText", DocDate::ym(2024, 3)),
            (
                "day over twelve settles the order",
                "23/10/1962\nText",
                day(1962, 10, 23),
            ),
            (
                "month-day order settled",
                "10/23/1962\nText",
                day(1962, 10, 23),
            ),
            ("year first slash", "2024/03/05\nText", day(2024, 3, 5)),
            // Negatives.
            ("ambiguous numeric", "03/05/2024\nText", None),
            ("may the verb", "May 2024 be a good year for all.", None),
            (
                "month-year before a word",
                "March 2024 elections loom\nText",
                None,
            ),
            ("year before a word", "2024 people marched.\nText", None),
            (
                "date mid-sentence",
                "The crisis began on October 23, 1962, in Cuba.",
                None,
            ),
            ("lower-case month", "may 5, 2024", None),
            ("no year", "WASHINGTON, Oct. 23 (AP) — The President", None),
            ("not a day", "February 30, 2024", None),
            ("implausible year", "Date: 0999-01-01", None),
            ("a number, no month", "Released 12 Angry 2024", None),
            (
                "below the fifth line",
                "a\nb\nc\nd\ne\nOctober 23, 1962",
                None,
            ),
            (
                "past the first 500 bytes",
                &*format!("{}\nOctober 23, 1962", "x".repeat(600)),
                None,
            ),
            ("empty", "", None),
        ];
        for &(name, text, want) in cases {
            assert_eq!(dateline(text), want, "{name}: {text:?}");
        }
    }

    #[test]
    fn date_values() {
        for (s, want) in [
            ("2024-03-05T10:00:00+01:00", "2024-03-05"),
            ("2024-03-05T10:00:00.000Z", "2024-03-05"),
            ("2024-03-05T10", "2024-03-05"),
            ("2024-03", "2024-03"),
            ("March 5, 2024", "2024-03-05"),
        ] {
            assert_eq!(
                date_value(s).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{s}"
            );
        }
        for s in ["", "yesterday", "03/05/2024", "2024-13-01"] {
            assert_eq!(date_value(s), None, "{s}");
        }
        assert_eq!("1961-04".parse::<DocDate>(), DocDate::parse("1961-04"));
    }

    #[test]
    fn civil_from_days() {
        assert_eq!(DocDate::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(DocDate::from_unix_days(19_782).to_string(), "2024-02-29");
        assert_eq!(DocDate::from_unix_days(-1).to_string(), "1969-12-31");
        assert!(DocDate::today().year >= 2024);
    }
}
