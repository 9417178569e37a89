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

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

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
    fn civil_from_days() {
        assert_eq!(DocDate::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(DocDate::from_unix_days(19_782).to_string(), "2024-02-29");
        assert_eq!(DocDate::from_unix_days(-1).to_string(), "1969-12-31");
        assert!(DocDate::today().year >= 2024);
    }
}
