//! What does not add up in an agenda: errors that stop `check`, and warnings.

use super::agenda::{AGENDA_FORMAT, Agenda, Item, SakNumber};
use super::schedule::{Length, Schedule};
use super::session::Session;
use super::time::{Day, Hm};

/// The highest first sak number: a year's numbers, with room to spare.
pub const MOST_SAKER: u32 = 9_999;
/// The longest timebox: a day.
pub const DAY_MINUTES: u32 = 24 * 60;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Where in the agenda a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    /// A field of the meeting header (`end`, `start`, `format`).
    Header(&'static str),
    /// A field of an item, or the item itself when the field is not written.
    Item(usize, &'static str),
    /// An entry of the roster.
    Person(usize),
}

/// One thing that does not add up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Written for a newer version of referent.
    NewerFormat { found: u32, known: u32 },
    /// Neither `start` nor any `at`.
    NoStart,
    /// `end` is not after `start`.
    EndBeforeStart { start: Hm, end: Hm },
    /// No `end`, so the plan cannot be checked against it.
    NoEnd,
    /// No items at all.
    NoItems,
    /// A sak with an empty title.
    EmptyTitle,
    /// A roster entry with neither `name` nor `org`.
    NobodyNamed,
    /// The same number twice.
    DuplicateNumber { number: SakNumber, first_title: String },
    /// An item planned to start before the meeting starts.
    BeforeMeetingStart { at: Hm, start: Hm },
    /// An item planned to start before the one above it ends.
    StartsBeforePreviousEnds { at: Hm, previous_end: Hm, previous: String },
    /// Time with nothing planned, between two items.
    Gap { minutes: u32, after: String },
    /// No minutes, no later `at`, no `end`: the item has no timebox.
    NoTimebox,
    /// The plan ends after the meeting's `end`.
    RunsPastEnd { ends: Hm, end: Hm },
    /// `numbering: (first: 0)`: sak numbers count from 1.
    NumberingFromZero,
    /// `numbering: (year: 2025)`: the year of a sak number has two digits.
    NumberingYear { year: u32 },
    /// `numbering: (first: 4294967295)`: past what sak numbers go up to.
    NumberingTooHigh { first: u32 },
    /// A timebox longer than a day (`minutes: 4294967295`).
    TimeboxTooLong { minutes: u32 },
    /// A session: the meeting ran on another day than its agenda's `date` (the referat is
    /// dated the day it ran).
    RanOnAnotherDay { ran: Day, planned: Day },
    /// Sak numbers another session in the same folder used already (its file name), and
    /// the first number it left free.
    NumbersUsedElsewhere { session: String, numbers: Vec<SakNumber>, free: SakNumber },
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self {
            Problem::NoEnd
            | Problem::NoItems
            | Problem::Gap { .. }
            | Problem::NoTimebox
            | Problem::RanOnAnotherDay { .. }
            | Problem::NumbersUsedElsewhere { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// A problem and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub spot: Spot,
    pub problem: Problem,
}

/// What does not add up in a session beyond its agenda: the day it ran.
pub fn session(session: &Session) -> Vec<Finding> {
    match session.days_ran() {
        Some((ran, _)) if ran != session.agenda.date => {
            vec![Finding {
                spot: Spot::Header("date"),
                problem: Problem::RanOnAnotherDay { ran, planned: session.agenda.date },
            }]
        }
        _ => Vec::new(),
    }
}

/// The sak numbers of `agenda` that `other` (another meeting's) used already, in order.
pub fn numbers_used_by(agenda: &Agenda, other: &Agenda) -> Vec<SakNumber> {
    let theirs: std::collections::BTreeSet<SakNumber> = other.sak_numbers().into_iter().flatten().collect();
    let mut ours: Vec<SakNumber> = agenda.sak_numbers().into_iter().flatten().filter(|n| theirs.contains(n)).collect();
    ours.sort_unstable();
    ours.dedup();
    ours
}

/// Everything that does not add up in `agenda` planned as `schedule`, in file order.
pub fn check(agenda: &Agenda, schedule: &Schedule) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut say = |spot, problem| found.push(Finding { spot, problem });

    if agenda.format > AGENDA_FORMAT {
        say(Spot::Header("format"), Problem::NewerFormat { found: agenda.format, known: AGENDA_FORMAT });
    }
    let Some(start) = schedule.start else {
        say(Spot::Header("date"), Problem::NoStart);
        return found;
    };
    match agenda.end {
        None => say(Spot::Header("date"), Problem::NoEnd),
        Some(end) if end <= start => say(Spot::Header("end"), Problem::EndBeforeStart { start, end }),
        Some(_) => {}
    }
    for (i, person) in agenda.people.iter().enumerate() {
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        if blank(&person.name) && blank(&person.org) {
            say(Spot::Person(i), Problem::NobodyNamed);
        }
    }
    if agenda.items.is_empty() {
        say(Spot::Header("items"), Problem::NoItems);
    }
    if let Some(numbering) = &agenda.numbering {
        if numbering.first == 0 {
            say(Spot::Header("numbering"), Problem::NumberingFromZero);
        }
        if let Some(year) = numbering.year.filter(|y| *y > 99) {
            say(Spot::Header("numbering"), Problem::NumberingYear { year });
        }
        if numbering.first > MOST_SAKER {
            say(Spot::Header("numbering"), Problem::NumberingTooHigh { first: numbering.first });
        }
    }

    let numbers = agenda.sak_numbers();
    // (Numbers counted from past the top run into each other: that is said once, above.)
    let numbers_fit = agenda.numbering.as_ref().is_none_or(|n| n.first <= MOST_SAKER);
    let mut previous_end = start;
    for (i, (item, slot)) in agenda.items.iter().zip(&schedule.slots).enumerate() {
        if let Item::Sak(sak) = item
            && sak.title.trim().is_empty()
        {
            say(Spot::Item(i, "title"), Problem::EmptyTitle);
        }
        if numbers_fit
            && let Some(number) = numbers[i]
            && let Some(first) = numbers[..i].iter().position(|n| *n == Some(number))
        {
            let first_title = agenda.items[first].title().to_string();
            say(Spot::Item(i, "number"), Problem::DuplicateNumber { number, first_title });
        }
        if let Some(at) = item.at() {
            if i == 0 && at < start {
                say(Spot::Item(i, "at"), Problem::BeforeMeetingStart { at, start });
            } else if i > 0 && at < previous_end {
                let previous = agenda.items[i - 1].title().to_string();
                say(Spot::Item(i, "at"), Problem::StartsBeforePreviousEnds { at, previous_end, previous });
            } else if i > 0 && at > previous_end {
                let minutes = u32::try_from(at.since(previous_end)).unwrap_or(0);
                let after = agenda.items[i - 1].title().to_string();
                say(Spot::Item(i, "at"), Problem::Gap { minutes, after });
            }
        }
        if slot.length == Length::Unknown {
            say(Spot::Item(i, "minutes"), Problem::NoTimebox);
        }
        if let Some(minutes) = item.minutes().filter(|m| *m > DAY_MINUTES) {
            say(Spot::Item(i, "minutes"), Problem::TimeboxTooLong { minutes });
        }
        previous_end = slot.end();
    }
    if let (Some(end), Some(last)) = (agenda.end, schedule.slots.last())
        && last.end() > end
        && end > start
    {
        let spot = Spot::Item(agenda.items.len() - 1, "minutes");
        say(spot, Problem::RunsPastEnd { ends: last.end(), end });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Person;
    use crate::domain::fixtures::{agenda, hm, sak};
    use crate::domain::schedule::plan;

    fn problems(a: &Agenda) -> Vec<(Spot, Problem)> {
        check(a, &plan(a)).into_iter().map(|f| (f.spot, f.problem)).collect()
    }

    #[test]
    fn the_numbers_another_meeting_used_already_are_found() {
        let mut ours = agenda(Some("10:00"), Some("15:00"), vec![sak("a", None, None), sak("b", None, None)]);
        ours.numbering = Some(crate::domain::agenda::Numbering { first: 15, year: Some(25) });
        let theirs = agenda(Some("10:00"), Some("15:00"), (0..15).map(|i| sak(&i.to_string(), None, None)).collect());
        let shown: Vec<String> = numbers_used_by(&ours, &theirs).iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["15/25"]);
        ours.numbering = Some(crate::domain::agenda::Numbering { first: 1, year: Some(26) });
        assert_eq!(numbers_used_by(&ours, &theirs), [], "another year's 01 is another number");
    }

    #[test]
    fn a_sound_agenda_has_no_problems() {
        let a = agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, Some(20)), sak("b", Some("10:20"), None)]);
        assert_eq!(problems(&a), []);
    }

    #[test]
    fn a_sak_planned_before_the_one_above_ends_is_an_error() {
        let a = agenda(
            Some("10:00"),
            Some("11:00"),
            vec![sak("Normen 7.0", None, Some(30)), sak("b", Some("10:20"), Some(10))],
        );
        let p = problems(&a);
        assert_eq!(
            p,
            [(
                Spot::Item(1, "at"),
                Problem::StartsBeforePreviousEnds {
                    at: hm("10:20"),
                    previous_end: hm("10:30"),
                    previous: "Normen 7.0".into()
                }
            )]
        );
        assert_eq!(p[0].1.severity(), Severity::Error);
    }

    #[test]
    fn running_past_the_end_is_an_error() {
        let a = agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, Some(50)), sak("b", None, Some(20))]);
        assert_eq!(
            problems(&a),
            [(Spot::Item(1, "minutes"), Problem::RunsPastEnd { ends: hm("11:10"), end: hm("11:00") })]
        );
    }

    #[test]
    fn duplicate_numbers_are_an_error_naming_the_first() {
        let mut a = agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, Some(10)), sak("b", None, Some(10))]);
        if let Item::Sak(s) = &mut a.items[1] {
            s.number = Some("01/25".parse().unwrap());
        }
        let number = "01/25".parse().unwrap();
        assert_eq!(
            problems(&a),
            [(Spot::Item(1, "number"), Problem::DuplicateNumber { number, first_title: "a".into() })]
        );
    }

    #[test]
    fn a_gap_and_a_missing_end_are_warnings() {
        let mut a =
            agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, Some(10)), sak("b", Some("10:30"), Some(10))]);
        a.end = None;
        let p = problems(&a);
        assert_eq!(p[0], (Spot::Header("date"), Problem::NoEnd));
        assert_eq!(p[1], (Spot::Item(1, "at"), Problem::Gap { minutes: 20, after: "a".into() }));
        assert!(p.iter().all(|(_, p)| p.severity() == Severity::Warning));
    }

    #[test]
    fn empty_titles_nameless_people_and_a_start_before_the_meeting_are_errors() {
        let mut a = agenda(Some("10:00"), Some("11:00"), vec![sak(" ", Some("09:30"), Some(10))]);
        a.people.push(Person::default());
        let p = problems(&a);
        assert!(p.contains(&(Spot::Person(0), Problem::NobodyNamed)));
        assert!(p.contains(&(Spot::Item(0, "title"), Problem::EmptyTitle)));
        assert!(
            p.contains(&(Spot::Item(0, "at"), Problem::BeforeMeetingStart { at: hm("09:30"), start: hm("10:00") }))
        );
    }

    #[test]
    fn end_before_start_is_an_error() {
        let mut a = agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, Some(10))]);
        a.end = Some(hm("09:00"));
        assert_eq!(
            problems(&a)[0],
            (Spot::Header("end"), Problem::EndBeforeStart { start: hm("10:00"), end: hm("09:00") })
        );
    }

    #[test]
    fn no_start_at_all_is_an_error() {
        let mut a = agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, Some(10))]);
        a.start = None;
        assert_eq!(problems(&a), [(Spot::Header("date"), Problem::NoStart)]);
    }

    #[test]
    fn an_item_with_nothing_to_bound_it_has_no_timebox() {
        let mut a = agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, None)]);
        a.end = None;
        assert!(problems(&a).contains(&(Spot::Item(0, "minutes"), Problem::NoTimebox)));
    }

    #[test]
    fn a_newer_format_is_an_error() {
        let mut a = agenda(Some("10:00"), Some("11:00"), vec![sak("a", None, Some(10))]);
        a.format = 9;
        assert_eq!(problems(&a)[0], (Spot::Header("format"), Problem::NewerFormat { found: 9, known: 1 }));
    }
}
