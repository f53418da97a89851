//! Clock times ("HH:MM") and dates ("YYYY-MM-DD") as written in agenda and session files.

use std::fmt;

use chrono::{Datelike, NaiveDate, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A time of day in whole minutes since midnight. Computed times may pass 24:00.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Hm(u32);

/// A calendar date.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Day(NaiveDate);

/// Why a written time or date could not be read. Its `code` travels through serde's
/// string-only custom errors, so the reader can put it back together and phrase it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum TimeProblem {
    /// Not of the form HH:MM at all.
    NotATime(String),
    /// HH:MM, but hours past 23 or minutes past 59.
    NoSuchTime(String),
    /// Not of the form YYYY-MM-DD.
    NotADate(String),
    /// YYYY-MM-DD, but no such day (2025-02-30).
    NoSuchDate(String),
    /// Not a moment of the form "YYYY-MM-DD HH:MM:SS", or no such moment.
    NotAMoment(String),
}

const CODE_PREFIX: &str = "referent-time-problem:";

impl TimeProblem {
    /// A string form that survives `serde::de::Error::custom`.
    pub fn code(&self) -> String {
        let (tag, value) = match self {
            TimeProblem::NotATime(v) => ("not-a-time", v),
            TimeProblem::NoSuchTime(v) => ("no-such-time", v),
            TimeProblem::NotADate(v) => ("not-a-date", v),
            TimeProblem::NoSuchDate(v) => ("no-such-date", v),
            TimeProblem::NotAMoment(v) => ("not-a-moment", v),
        };
        format!("{CODE_PREFIX}{tag}:{value}")
    }

    /// The problem back from its `code`, if the message is one.
    pub fn from_code(message: &str) -> Option<TimeProblem> {
        let rest = message.strip_prefix(CODE_PREFIX)?;
        let (tag, value) = rest.split_once(':')?;
        let value = value.to_string();
        match tag {
            "not-a-time" => Some(TimeProblem::NotATime(value)),
            "no-such-time" => Some(TimeProblem::NoSuchTime(value)),
            "not-a-date" => Some(TimeProblem::NotADate(value)),
            "no-such-date" => Some(TimeProblem::NoSuchDate(value)),
            "not-a-moment" => Some(TimeProblem::NotAMoment(value)),
            _ => None,
        }
    }
}

impl Hm {
    /// The time `h:m`, if it is a time of day.
    pub fn new(h: u32, m: u32) -> Option<Hm> {
        (h < 24 && m < 60).then_some(Hm(h * 60 + m))
    }

    /// Minutes since midnight.
    pub fn from_minutes(minutes: u32) -> Hm {
        Hm(minutes)
    }

    /// Reads "10:20"; "9:05" and the Norwegian "10.20" are accepted too.
    pub fn parse(text: &str) -> Result<Hm, TimeProblem> {
        let t = text.trim();
        let not_a_time = || TimeProblem::NotATime(text.to_string());
        let (h, m) = t.split_once([':', '.']).ok_or_else(not_a_time)?;
        let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(h) || m.len() != 2 || !digits(m) {
            return Err(not_a_time());
        }
        let (h, m) = (h.parse().map_err(|_| not_a_time())?, m.parse().map_err(|_| not_a_time())?);
        Hm::new(h, m).ok_or_else(|| TimeProblem::NoSuchTime(text.to_string()))
    }

    /// This time plus `minutes` (never before midnight).
    pub fn plus(self, minutes: i64) -> Hm {
        Hm(u32::try_from((i64::from(self.0) + minutes).max(0)).unwrap_or(u32::MAX))
    }

    /// Signed minutes from `earlier` to `self`.
    pub fn since(self, earlier: Hm) -> i64 {
        i64::from(self.0) - i64::from(earlier.0)
    }
}

impl fmt::Display for Hm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", (self.0 / 60) % 24, self.0 % 60)
    }
}

impl Day {
    pub fn from_date(date: NaiveDate) -> Day {
        Day(date)
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Reads "2025-06-03".
    pub fn parse(text: &str) -> Result<Day, TimeProblem> {
        let t = text.trim();
        let shape_ok = t.len() == 10
            && t.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if !shape_ok {
            return Err(TimeProblem::NotADate(text.to_string()));
        }
        NaiveDate::parse_from_str(t, "%Y-%m-%d").map(Day).map_err(|_| TimeProblem::NoSuchDate(text.to_string()))
    }

    /// The last two digits of the year: 25 for 2025.
    pub fn short_year(self) -> u32 {
        self.0.year().rem_euclid(100) as u32
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday_index(self) -> usize {
        self.0.weekday().num_days_from_monday() as usize
    }

    /// "03.06.25", as Norwegian minutes write it.
    pub fn short(self) -> String {
        self.0.format("%d.%m.%y").to_string()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Hm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Hm, D::Error> {
        let text = String::deserialize(d)?;
        Hm::parse(&text).map_err(|p| de::Error::custom(p.code()))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let text = String::deserialize(d)?;
        Day::parse(&text).map_err(|p| de::Error::custom(p.code()))
    }
}

/// Seconds as a stopwatch shows them, sign dropped: "12:34", "1:02:03".
pub fn stopwatch(seconds: i64) -> String {
    let s = seconds.abs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_times_as_written_by_hand() {
        assert_eq!(Hm::parse("10:20"), Ok(Hm(620)));
        assert_eq!(Hm::parse("9:05"), Ok(Hm(545)));
        assert_eq!(Hm::parse("10.20"), Ok(Hm(620)));
        assert_eq!(Hm::parse("00:00"), Ok(Hm(0)));
        assert_eq!(Hm::parse("23:59"), Ok(Hm(1439)));
    }

    #[test]
    fn refuses_times_that_are_not_times() {
        assert_eq!(Hm::parse("25:70"), Err(TimeProblem::NoSuchTime("25:70".into())));
        assert_eq!(Hm::parse("24:00"), Err(TimeProblem::NoSuchTime("24:00".into())));
        assert_eq!(Hm::parse("10"), Err(TimeProblem::NotATime("10".into())));
        assert_eq!(Hm::parse("10:5"), Err(TimeProblem::NotATime("10:5".into())));
        assert_eq!(Hm::parse("ti over ti"), Err(TimeProblem::NotATime("ti over ti".into())));
        assert_eq!(Hm::parse("-1:00"), Err(TimeProblem::NotATime("-1:00".into())));
    }

    #[test]
    fn shows_times_as_hh_mm() {
        assert_eq!(Hm(620).to_string(), "10:20");
        assert_eq!(Hm(5).to_string(), "00:05");
        assert_eq!(Hm(620).plus(45).to_string(), "11:05");
        assert_eq!(Hm(620).since(Hm(600)), 20);
    }

    #[test]
    fn reads_dates() {
        let day = Day::parse("2025-06-03").unwrap();
        assert_eq!(day.short(), "03.06.25");
        assert_eq!(day.short_year(), 25);
        assert_eq!(day.weekday_index(), 1); // a Tuesday
        assert_eq!(Day::parse("2025-02-30"), Err(TimeProblem::NoSuchDate("2025-02-30".into())));
        assert_eq!(Day::parse("03.06.25"), Err(TimeProblem::NotADate("03.06.25".into())));
    }

    #[test]
    fn problem_codes_round_trip() {
        for p in [
            TimeProblem::NotATime("x:y".into()),
            TimeProblem::NoSuchTime("25:70".into()),
            TimeProblem::NotADate("i går".into()),
            TimeProblem::NoSuchDate("2025-02-30".into()),
            TimeProblem::NotAMoment("2025-06-03 25:00:00".into()),
        ] {
            assert_eq!(TimeProblem::from_code(&p.code()), Some(p));
        }
        assert_eq!(TimeProblem::from_code("something else"), None);
    }
}

/// A moment in the meeting, local time, to the second: "2025-06-03 10:02:11".
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Stamp(chrono::NaiveDateTime);

const STAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

impl Stamp {
    pub fn new(at: chrono::NaiveDateTime) -> Stamp {
        Stamp(at.with_nanosecond(0).unwrap_or(at))
    }

    pub fn parse(text: &str) -> Option<Stamp> {
        // The form session files are written in, read by hand: a large session holds
        // tens of thousands of these, and chrono's general parser is the slow part.
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b.get(r)?.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        if b.len() == 19 && b[4] == b'-' && b[7] == b'-' && b[10] == b' ' && b[13] == b':' && b[16] == b':' {
            let year = i32::try_from(digits(0..4)?).ok()?;
            let date = NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)?;
            return date.and_hms_opt(digits(11..13)?, digits(14..16)?, digits(17..19)?).map(Stamp);
        }
        chrono::NaiveDateTime::parse_from_str(text, STAMP_FORMAT).ok().map(Stamp)
    }

    /// "20250603-104107": for a file name.
    pub fn compact(self) -> String {
        self.0.format("%Y%m%d-%H%M%S").to_string()
    }

    /// The day of this moment.
    pub fn day(self) -> Day {
        Day(self.0.date())
    }

    /// The clock time of this moment, to the minute.
    pub fn hm(self) -> Hm {
        Hm(self.0.hour() * 60 + self.0.minute())
    }

    /// `hm` on the day of this moment.
    pub fn on_same_day(self, hm: Hm) -> Stamp {
        let midnight = self.0.date().and_hms_opt(0, 0, 0).unwrap_or(self.0);
        Stamp(midnight + chrono::Duration::minutes(i64::from(hm.0)))
    }

    /// Whole seconds from `earlier` to `self`.
    pub fn seconds_since(self, earlier: Stamp) -> i64 {
        (self.0 - earlier.0).num_seconds()
    }

    pub fn plus_seconds(self, seconds: i64) -> Stamp {
        Stamp(self.0 + chrono::Duration::seconds(seconds))
    }

    /// "10:02:11".
    pub fn clock(self) -> String {
        self.0.format("%H:%M:%S").to_string()
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, t) = (self.0.date(), self.0.time());
        write!(f, "{:04}-{:02}-{:02} {:02}:{:02}:{:02}", d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        let text = String::deserialize(d)?;
        Stamp::parse(&text).ok_or_else(|| de::Error::custom(TimeProblem::NotAMoment(text).code()))
    }
}

#[cfg(test)]
mod stamp_tests {
    use super::*;

    #[test]
    fn stamps_read_write_and_count() {
        let a = Stamp::parse("2025-06-03 10:02:11").unwrap();
        assert_eq!(a.to_string(), "2025-06-03 10:02:11");
        assert_eq!(a.hm().to_string(), "10:02");
        assert_eq!(a.clock(), "10:02:11");
        let b = a.plus_seconds(125);
        assert_eq!(b.seconds_since(a), 125);
        assert_eq!(a.on_same_day(Hm::parse("15:00").unwrap()).to_string(), "2025-06-03 15:00:00");
        assert_eq!(Stamp::parse("10:02"), None);
        for bad in [
            "2025-13-03 10:02:11",
            "2025-06-31 10:02:11",
            "2025-06-03 24:00:00",
            "2025-06-0x 10:00:00",
            "2025-06-03T10:00:00",
        ] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
        for good in ["2025-06-03 00:00:00", "0999-01-02 03:04:05", "2025-12-31 23:59:59"] {
            assert_eq!(Stamp::parse(good).unwrap().to_string(), good);
        }
    }
}
