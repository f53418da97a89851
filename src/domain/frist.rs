//! The deadline (frist) of a follow-up action, read as a minute-taker types it: "18.08", "18. aug", "uke 34".
//!
//! No clock here: the meeting's date comes in as `today`, to fill in a missing year.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// How far in the past (in days) a frist typed without a year may land before it is read as next year's.
/// A frist lies ahead, but a minute-taker may record one that has just run out.
pub const GRACE_DAYS: u64 = 60;

/// Why a typed frist could not be read. Each carries the text as typed (trimmed), or for
/// [`FristProblem::UnknownMonth`] the word as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FristProblem {
    /// Empty input.
    Empty,
    /// Nothing that looks like a date.
    NotADate(String),
    /// Looks like a date but there is no such day (31.02, 30. februar).
    NoSuchDay(String),
    /// An unknown month name (the word as typed).
    UnknownMonth(String),
}

/// Reads a frist as typed; `today` is the meeting's date, to fill in a missing year and
/// to pick the next such date when the year is left out.
///
/// Understood, case-insensitive, surrounding whitespace and one trailing full stop ignored:
/// - "18.08", "18.8", "18/8", "18-8"; with a year "18.08.25", "18.8.2025", "18/8-25";
///   two-digit years are 2000 + the number.
/// - "2025-08-18" (ISO).
/// - "18. august", "18 aug.", "18. aug 2025", "August 18", "Aug 18, 2025": Norwegian and
///   English month names and their usual abbreviations.
/// - "i dag"/"today", "i morgen"/"tomorrow".
/// - "uke 34", "uke34", "veke 34", "week 34", "uke 34 2026": the Friday of that ISO week.
///
/// The year, when left out, is inferred: the frist is the earliest such date in last year,
/// this year or next year that is at most [`GRACE_DAYS`] (60) days before `today`. So on
/// 2025-11-20, "18.11" is 2025-11-18 (just past), "21.09" is 2025-09-21 (60 days back), but
/// "20.09" is 2026-09-20 and "15.01" is 2026-01-15; on 2026-01-05, "20.12" is 2025-12-20.
/// A left-out week year follows the same rule with ISO week years and the week's Friday.
/// A 29 February with no such day in that window is [`FristProblem::NoSuchDay`].
pub fn parse_frist(text: &str, today: NaiveDate) -> Result<NaiveDate, FristProblem> {
    let typed = text.trim();
    if typed.is_empty() {
        return Err(FristProblem::Empty);
    }
    let body = typed.strip_suffix('.').unwrap_or(typed).trim_end();
    read(body, today).map_err(|miss| match miss {
        Miss::NotADate => FristProblem::NotADate(typed.to_string()),
        Miss::NoSuchDay => FristProblem::NoSuchDay(typed.to_string()),
        Miss::UnknownMonth(word) => FristProblem::UnknownMonth(word),
    })
}

/// What went wrong, before the typed text is attached.
#[derive(Debug, PartialEq, Eq)]
enum Miss {
    NotADate,
    NoSuchDay,
    UnknownMonth(String),
}

/// Month names and abbreviations, Norwegian (bokmål and nynorsk) and English, lower case.
const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("january", 1),
    ("jan", 1),
    ("februar", 2),
    ("february", 2),
    ("febr", 2),
    ("feb", 2),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Words that introduce a week number.
const WEEK_WORDS: &[&str] = &["uke", "veke", "week", "wk"];

const TODAY_WORDS: &[&str] = &["i dag", "idag", "today"];
const TOMORROW_WORDS: &[&str] = &["i morgen", "imorgen", "i morgon", "imorgon", "tomorrow"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Num,
    Word,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Digit,
    Letter,
    Sep,
}

/// A run of ASCII digits or of letters.
#[derive(Clone, Copy, Debug)]
struct Part<'a> {
    kind: Kind,
    text: &'a str,
}

/// The parts of a typed frist and the separator text around them:
/// `gaps[i]` comes before `parts[i]`, and `gaps[parts.len()]` after the last part.
struct Tokens<'a> {
    parts: Vec<Part<'a>>,
    gaps: Vec<&'a str>,
}

fn class(c: char) -> Option<Class> {
    if c.is_ascii_digit() {
        Some(Class::Digit)
    } else if c.is_alphabetic() {
        Some(Class::Letter)
    } else if c.is_whitespace() || matches!(c, '.' | ',' | '/' | '-') {
        Some(Class::Sep)
    } else {
        None
    }
}

/// Splits into digit runs and letter runs; `None` if a character is neither nor a separator.
fn tokenize(s: &str) -> Option<Tokens<'_>> {
    let mut parts = Vec::new();
    let mut gaps = Vec::new();
    let mut gap_start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let here = class(c)?;
        let kind = match here {
            Class::Sep => continue,
            Class::Digit => Kind::Num,
            Class::Letter => Kind::Word,
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if class(d) != Some(here) {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        gaps.push(&s[gap_start..start]);
        parts.push(Part { kind, text: &s[start..end] });
        gap_start = end;
    }
    gaps.push(&s[gap_start..]);
    Some(Tokens { parts, gaps })
}

fn read(body: &str, today: NaiveDate) -> Result<NaiveDate, Miss> {
    if let Some(date) = relative(body, today) {
        return date;
    }
    let tokens = tokenize(body).ok_or(Miss::NotADate)?;
    let outer_clean =
        tokens.gaps.first().is_none_or(|g| g.is_empty()) && tokens.gaps.last().is_none_or(|g| g.is_empty());
    if tokens.parts.is_empty() || !outer_clean {
        return Err(Miss::NotADate);
    }
    if tokens.parts.iter().all(|p| p.kind == Kind::Num) {
        numeric(&tokens, today)
    } else if let Some(date) = week(&tokens, today) {
        date
    } else {
        named(&tokens, today)
    }
}

fn relative(body: &str, today: NaiveDate) -> Option<Result<NaiveDate, Miss>> {
    let words = body.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    if TODAY_WORDS.contains(&words.as_str()) {
        Some(Ok(today))
    } else if TOMORROW_WORDS.contains(&words.as_str()) {
        Some(today.succ_opt().ok_or(Miss::NoSuchDay))
    } else {
        None
    }
}

/// A day or month number: one or two digits.
fn small(text: &str) -> Option<u32> {
    if (1..=2).contains(&text.len()) { text.parse().ok() } else { None }
}

/// A year: two digits (2000 + n) or four.
fn year(text: &str) -> Option<i32> {
    match text.len() {
        2 => text.parse::<i32>().ok().map(|y| 2000 + y),
        4 => text.parse().ok(),
        _ => None,
    }
}

/// A separator between day, month and year numbers: one '.', '/' or '-', spaces allowed around it.
fn punct_gap(gap: &str) -> bool {
    matches!(gap.trim(), "." | "/" | "-")
}

/// "18.08", "18/8-25", "18.08.2025", "2025-08-18".
fn numeric(tokens: &Tokens<'_>, today: NaiveDate) -> Result<NaiveDate, Miss> {
    let p: Vec<&str> = tokens.parts.iter().map(|p| p.text).collect();
    let g = &tokens.gaps;
    match p.as_slice() {
        [y, m, d] if y.len() == 4 => {
            if g[1] != "-" || g[2] != "-" {
                return Err(Miss::NotADate);
            }
            let (y, m, d) = (year(y).ok_or(Miss::NotADate)?, small(m), small(d));
            let (m, d) = (m.ok_or(Miss::NotADate)?, d.ok_or(Miss::NotADate)?);
            NaiveDate::from_ymd_opt(y, m, d).ok_or(Miss::NoSuchDay)
        }
        [d, m] => {
            if !punct_gap(g[1]) {
                return Err(Miss::NotADate);
            }
            let (d, m) = (small(d).ok_or(Miss::NotADate)?, small(m).ok_or(Miss::NotADate)?);
            on_day(d, m, None, today)
        }
        [d, m, y] => {
            if !punct_gap(g[1]) || !(punct_gap(g[2]) || g[2].trim().is_empty()) {
                return Err(Miss::NotADate);
            }
            let (d, m) = (small(d).ok_or(Miss::NotADate)?, small(m).ok_or(Miss::NotADate)?);
            on_day(d, m, Some(year(y).ok_or(Miss::NotADate)?), today)
        }
        _ => Err(Miss::NotADate),
    }
}

/// "18. august", "18 aug 2025", "August 18", "Aug 18, 2025".
fn named(tokens: &Tokens<'_>, today: NaiveDate) -> Result<NaiveDate, Miss> {
    use Kind::{Num, Word};
    let kinds: Vec<Kind> = tokens.parts.iter().map(|p| p.kind).collect();
    let (day, month, year_part) = match kinds.as_slice() {
        [Num, Word] => (0, 1, None),
        [Num, Word, Num] => (0, 1, Some(2)),
        [Word, Num] => (1, 0, None),
        [Word, Num, Num] => (1, 0, Some(2)),
        _ => return Err(Miss::NotADate),
    };
    let word = tokens.parts[month].text;
    let month = month_number(word).ok_or_else(|| Miss::UnknownMonth(word.to_string()))?;
    let day = small(tokens.parts[day].text).ok_or(Miss::NotADate)?;
    let year = match year_part {
        Some(i) => Some(year(tokens.parts[i].text).ok_or(Miss::NotADate)?),
        None => None,
    };
    on_day(day, month, year, today)
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == word).map(|&(_, n)| n)
}

/// "uke 34", "week 34 2026": the Friday of that ISO week. `None` if it is not a week at all.
fn week(tokens: &Tokens<'_>, today: NaiveDate) -> Option<Result<NaiveDate, Miss>> {
    let (first, rest) = tokens.parts.split_first()?;
    if first.kind != Kind::Word || !WEEK_WORDS.contains(&first.text.to_lowercase().as_str()) {
        return None;
    }
    let friday = |y: i32, w: u32| NaiveDate::from_isoywd_opt(y, w, Weekday::Fri);
    let texts: Vec<(Kind, &str)> = rest.iter().map(|p| (p.kind, p.text)).collect();
    Some(match texts.as_slice() {
        [(Kind::Num, w)] => match small(w) {
            Some(w) => infer(today.iso_week().year(), today, |y| friday(y, w)).ok_or(Miss::NoSuchDay),
            None => Err(Miss::NotADate),
        },
        [(Kind::Num, w), (Kind::Num, y)] => match (small(w), year(y)) {
            (Some(w), Some(y)) => friday(y, w).ok_or(Miss::NoSuchDay),
            _ => Err(Miss::NotADate),
        },
        _ => Err(Miss::NotADate),
    })
}

/// Day `d` of month `m`, in year `y` or, without one, in the year [`infer`] picks.
fn on_day(d: u32, m: u32, y: Option<i32>, today: NaiveDate) -> Result<NaiveDate, Miss> {
    match y {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d),
        None => infer(today.year(), today, |y| NaiveDate::from_ymd_opt(y, m, d)),
    }
    .ok_or(Miss::NoSuchDay)
}

/// The earliest of `date(year - 1)`, `date(year)`, `date(year + 1)` that exists and is at most
/// [`GRACE_DAYS`] before `today`.
fn infer(year: i32, today: NaiveDate, date: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    let earliest = today.checked_sub_days(Days::new(GRACE_DAYS)).unwrap_or(NaiveDate::MIN);
    [year - 1, year, year + 1].into_iter().filter_map(date).find(|d| *d >= earliest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(text: &str, today: NaiveDate) -> NaiveDate {
        match parse_frist(text, today) {
            Ok(d) => d,
            Err(e) => panic!("{text:?} on {today}: {e:?}"),
        }
    }

    const TODAY: (i32, u32, u32) = (2025, 6, 3);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn numeric_forms_without_year() {
        for text in ["18.08", "18.8", "18/8", "18-8", " 18.08 ", "18.08.", "18. 08"] {
            assert_eq!(at(text, today()), day(2025, 8, 18), "{text:?}");
        }
    }

    #[test]
    fn numeric_forms_with_year() {
        for text in
            ["18.08.25", "18.08.2025", "18.8.25", "18/8-25", "18/8/2025", "18-08-2025", "18.08.2025.", "18.8 2025"]
        {
            assert_eq!(at(text, today()), day(2025, 8, 18), "{text:?}");
        }
        assert_eq!(at("01.02.27", today()), day(2027, 2, 1));
        // An explicit year is taken as typed, even long past.
        assert_eq!(at("18.08.2019", today()), day(2019, 8, 18));
    }

    #[test]
    fn iso() {
        assert_eq!(at("2025-08-18", today()), day(2025, 8, 18));
        assert_eq!(at("2026-1-5", today()), day(2026, 1, 5));
        assert_eq!(parse_frist("2025-02-30", today()), Err(FristProblem::NoSuchDay("2025-02-30".into())));
        assert_eq!(parse_frist("2025.08.18", today()), Err(FristProblem::NotADate("2025.08.18".into())));
    }

    #[test]
    fn norwegian_month_names() {
        for text in ["18. august", "18 august", "18. aug", "18. aug.", "18.aug", "18aug", "18. AUGUST", "18. August"] {
            assert_eq!(at(text, today()), day(2025, 8, 18), "{text:?}");
        }
        for text in ["18 aug 2025", "18. august 2025", "18. aug. 2025", "18. aug 25"] {
            assert_eq!(at(text, today()), day(2025, 8, 18), "{text:?}");
        }
        let names = [
            ("januar", 1),
            ("jan", 1),
            ("februar", 2),
            ("feb", 2),
            ("mars", 3),
            ("mar", 3),
            ("april", 4),
            ("apr", 4),
            ("mai", 5),
            ("juni", 6),
            ("jun", 6),
            ("juli", 7),
            ("jul", 7),
            ("august", 8),
            ("aug", 8),
            ("september", 9),
            ("sep", 9),
            ("sept", 9),
            ("oktober", 10),
            ("okt", 10),
            ("november", 11),
            ("nov", 11),
            ("desember", 12),
            ("des", 12),
        ];
        for (name, m) in names {
            assert_eq!(at(&format!("1. {name} 2026"), today()), day(2026, m, 1), "{name}");
        }
    }

    #[test]
    fn english_month_names_and_order() {
        let names = [
            ("January", 1),
            ("Jan", 1),
            ("February", 2),
            ("Feb", 2),
            ("March", 3),
            ("Mar", 3),
            ("April", 4),
            ("Apr", 4),
            ("May", 5),
            ("June", 6),
            ("Jun", 6),
            ("July", 7),
            ("Jul", 7),
            ("August", 8),
            ("Aug", 8),
            ("September", 9),
            ("Sep", 9),
            ("Sept", 9),
            ("October", 10),
            ("Oct", 10),
            ("November", 11),
            ("Nov", 11),
            ("December", 12),
            ("Dec", 12),
        ];
        for (name, m) in names {
            assert_eq!(at(&format!("{name} 2, 2026"), today()), day(2026, m, 2), "{name}");
        }
        for text in ["August 18", "Aug 18", "Aug 18 2025", "Aug 18, 2025", "18 August 2025", "aug. 18"] {
            assert_eq!(at(text, today()), day(2025, 8, 18), "{text:?}");
        }
    }

    #[test]
    fn today_and_tomorrow() {
        for text in ["i dag", "I dag", "idag", "today", "Today.", "i  dag"] {
            assert_eq!(at(text, today()), today(), "{text:?}");
        }
        for text in ["i morgen", "imorgen", "i morgon", "tomorrow", "I morgen."] {
            assert_eq!(at(text, today()), day(2025, 6, 4), "{text:?}");
        }
        assert_eq!(at("i morgen", day(2025, 12, 31)), day(2026, 1, 1));
    }

    #[test]
    fn year_inference() {
        let t = day(2025, 11, 20);
        // The examples in the brief.
        assert_eq!(at("15.01", t), day(2026, 1, 15));
        assert_eq!(at("18.11", t), day(2025, 11, 18));
        // Grace is 60 days: 2025-09-21 is exactly 60 days before, 2025-09-20 is 61.
        assert_eq!(at("21.09", t), day(2025, 9, 21));
        assert_eq!(at("20.09", t), day(2026, 9, 20));
        // Today and later this year stay in this year.
        assert_eq!(at("20.11", t), t);
        assert_eq!(at("31.12", t), day(2025, 12, 31));
        // Early in a year, a date just past at the end of last year is last year's.
        assert_eq!(at("20.12", day(2026, 1, 5)), day(2025, 12, 20));
        assert_eq!(at("10.11", day(2026, 1, 5)), day(2025, 11, 10));
        assert_eq!(at("5.11", day(2026, 1, 5)), day(2026, 11, 5));
        // Month names follow the same rule.
        assert_eq!(at("15. jan", t), day(2026, 1, 15));
    }

    #[test]
    fn leap_day() {
        assert_eq!(at("29.02", day(2027, 12, 20)), day(2028, 2, 29));
        assert_eq!(at("29.02", day(2024, 3, 15)), day(2024, 2, 29));
        assert_eq!(at("29.02.2028", today()), day(2028, 2, 29));
        // No 29 February within the window around 2025-06-03.
        assert_eq!(parse_frist("29.02", today()), Err(FristProblem::NoSuchDay("29.02".into())));
        assert_eq!(parse_frist("29.02.25", today()), Err(FristProblem::NoSuchDay("29.02.25".into())));
    }

    #[test]
    fn weeks() {
        // ISO week 34 of 2025 runs Monday 18 August to Sunday 24 August.
        for text in ["uke 34", "Uke 34", "uke34", "uke. 34", "veke 34", "week 34", "wk 34", "uke 34."] {
            assert_eq!(at(text, today()), day(2025, 8, 22), "{text:?}");
        }
        assert_eq!(at("uke 34 2026", today()), day(2026, 8, 21));
        // A week long past is next year's.
        assert_eq!(at("uke 2", day(2025, 11, 20)), day(2026, 1, 9));
        // Within the grace, it stays.
        assert_eq!(at("uke 44", day(2025, 11, 20)), day(2025, 10, 31));
        // 2026 has 53 ISO weeks, 2025 has not.
        assert_eq!(at("uke 53", day(2026, 6, 1)), day(2027, 1, 1));
        assert_eq!(parse_frist("uke 53 2025", today()), Err(FristProblem::NoSuchDay("uke 53 2025".into())));
        assert_eq!(parse_frist("uke 0", today()), Err(FristProblem::NoSuchDay("uke 0".into())));
        assert_eq!(parse_frist("uke 54", today()), Err(FristProblem::NoSuchDay("uke 54".into())));
        assert_eq!(parse_frist("uke", today()), Err(FristProblem::NotADate("uke".into())));
        assert_eq!(parse_frist("uke 345", today()), Err(FristProblem::NotADate("uke 345".into())));
    }

    #[test]
    fn problems() {
        let p = |s: &str| parse_frist(s, today());
        assert_eq!(p(""), Err(FristProblem::Empty));
        assert_eq!(p("   "), Err(FristProblem::Empty));
        assert_eq!(p("31.02"), Err(FristProblem::NoSuchDay("31.02".into())));
        assert_eq!(p("30. februar"), Err(FristProblem::NoSuchDay("30. februar".into())));
        assert_eq!(p("32. januar"), Err(FristProblem::NoSuchDay("32. januar".into())));
        assert_eq!(p("0.5"), Err(FristProblem::NoSuchDay("0.5".into())));
        assert_eq!(p("99.99"), Err(FristProblem::NoSuchDay("99.99".into())));
        assert_eq!(p(" 18. Smarch "), Err(FristProblem::UnknownMonth("Smarch".into())));
        assert_eq!(p("Smarch 18"), Err(FristProblem::UnknownMonth("Smarch".into())));
        assert_eq!(p("snart"), Err(FristProblem::NotADate("snart".into())));
        assert_eq!(p(".."), Err(FristProblem::NotADate("..".into())));
        assert_eq!(p("18"), Err(FristProblem::NotADate("18".into())));
        assert_eq!(p("1808"), Err(FristProblem::NotADate("1808".into())));
        assert_eq!(p("18 8"), Err(FristProblem::NotADate("18 8".into())));
        assert_eq!(p("18.08.2025.12"), Err(FristProblem::NotADate("18.08.2025.12".into())));
        assert_eq!(p("18.08.202"), Err(FristProblem::NotADate("18.08.202".into())));
        assert_eq!(p("aug 2025"), Err(FristProblem::NotADate("aug 2025".into())));
        assert_eq!(p("18 aug foo"), Err(FristProblem::NotADate("18 aug foo".into())));
        assert_eq!(p("18.08 🎉"), Err(FristProblem::NotADate("18.08 🎉".into())));
        assert_eq!(p(".18.08"), Err(FristProblem::NotADate(".18.08".into())));
    }

    #[test]
    fn never_panics() {
        let long_digits = "9".repeat(10_000);
        let long_dotted = "1.".repeat(5_000);
        let long_word = format!("18. {}", "a".repeat(10_000));
        let long_mixed = "18. aug ".repeat(2_000);
        let odd = [
            "",
            ".",
            "..",
            "...",
            "-",
            "/",
            ",",
            "99.99",
            "00.00",
            "0.0.0",
            "18.08.2025.12",
            "32. januar",
            "🎉",
            "18. 🎉",
            "18. smarch",
            "9999-99-99",
            "0000-01-01",
            "9999-12-31",
            "31.12.9999",
            "uke 99 9999",
            "uke -1",
            "-18.08",
            "18..08",
            "18//08",
            "İ",
            "ß 18",
            "18. ǅ",
            "١٨.٠٨",
            "\u{0}",
            "\t\n",
            "i morgen i dag",
            long_digits.as_str(),
            long_dotted.as_str(),
            long_word.as_str(),
            long_mixed.as_str(),
        ];
        let todays = [today(), NaiveDate::MIN, NaiveDate::MAX, day(2024, 2, 29)];
        for text in odd {
            for t in todays {
                let _ = parse_frist(text, t);
            }
        }
        for t in [NaiveDate::MIN, NaiveDate::MAX] {
            for text in ["18.08", "uke 1", "uke 53", "i dag", "i morgen", "29.02", "18. aug"] {
                let _ = parse_frist(text, t);
            }
        }
    }

    #[test]
    fn odd_inputs_give_the_right_problem() {
        assert_eq!(parse_frist("🎉", today()), Err(FristProblem::NotADate("🎉".into())));
        let long = "9".repeat(10_000);
        assert_eq!(parse_frist(&long, today()), Err(FristProblem::NotADate(long.clone())));
    }
}
