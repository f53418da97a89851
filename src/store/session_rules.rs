//! The rules a session read from a file must hold beyond its syntax, placed in the file:
//! one record per item and one attendance per person, and what `domain::invariants`
//! asks of the record (the current item on the agenda, the clock on one item at most).

use super::agenda_file::{Placed, ReadError, ReadProblem};
use super::locate::SourceMap;
use crate::domain::invariants::{self, Spot};
use crate::domain::session::{Session, SessionFile};

/// Which of the session file's lists beside the agenda does not match it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordList {
    /// `record.items`: one record per agenda item.
    Items,
    /// `record.attendance`: one per person on the roster.
    Attendance,
}

impl RecordList {
    /// Its path in the file.
    pub fn path(self) -> &'static str {
        match self {
            RecordList::Items => "record.items",
            RecordList::Attendance => "record.attendance",
        }
    }
}

/// Why `file`'s records do not fit its agenda, placed in `text`; `None` when they fit.
pub fn count_mismatch(file: &SessionFile, text: &str) -> Option<ReadError> {
    let counts = [
        (RecordList::Items, file.record.items.len(), file.agenda.items.len()),
        (RecordList::Attendance, file.record.attendance.len(), file.agenda.people.len()),
    ];
    let (list, found, expected) = counts.into_iter().find(|(_, found, expected)| found != expected)?;
    let map = SourceMap::of(text);
    // (A list left out is placed on the record, or the top of the file.)
    let at = map.find(list.path()).or_else(|| map.find("format"));
    Some(Placed { at, what: ReadProblem::RecordCount { list, found, expected } })
}

/// `session` read from `text`, when it holds the rules the program relies on; otherwise
/// the first rule it breaks, placed where the file says what breaks it.
pub fn validated(session: Session, text: &str) -> Result<Session, ReadError> {
    let Some(violation) = invariants::first_broken(&session) else { return Ok(session) };
    let map = SourceMap::of(text);
    let at = map.find(&path_of(violation.spot)).or_else(|| map.find("record")).or_else(|| map.find("format"));
    Err(Placed { at, what: ReadProblem::Inconsistent(violation.broken) })
}

/// Where `spot` is written in a session file: `record.items[3].segments[1]`.
fn path_of(spot: Spot) -> String {
    match spot {
        Spot::Current => "record.current".into(),
        Spot::Interrupted => "record.interrupted".into(),
        Spot::Paused => "record.paused".into(),
        Spot::Ended => "record.ended".into(),
        Spot::Interruption(n) => format!("record.interruptions[{n}]"),
        Spot::Segment { item, segment } => format!("record.items[{item}].segments[{segment}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invariants::Broken;
    use crate::store::locate::Position;
    use crate::store::session_file;

    const FIXTURE: &str = include_str!("../../tests/fixtures/normen-2025-06-03.session.ron");

    fn line_of(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].matches('\n').count() + 1
    }

    #[test]
    fn a_current_item_past_the_agenda_is_refused_on_its_line() {
        let text = FIXTURE.replace("        ended: \"2025-06-03 14:58:00\",\n", "        current: 19,\n");
        let err = session_file::parse(&text).unwrap_err();
        assert_eq!(err.what, ReadProblem::Inconsistent(Broken::CurrentNotOnAgenda { current: 19, items: 19 }));
        assert_eq!(err.at, Some(Position { line: line_of(&text, "current: 19"), col: 9 }));
    }

    #[test]
    fn a_running_stretch_on_an_item_not_under_way_is_refused_on_the_stretch() {
        let closed = "Segment(start: \"2025-06-03 10:00:00\", end: \"2025-06-03 10:03:00\")";
        let text = FIXTURE.replace(closed, "Segment(start: \"2025-06-03 10:00:00\")");
        let err = session_file::parse(&text).unwrap_err();
        let ReadProblem::Inconsistent(Broken::RunningButNotCurrent(named)) = &err.what else { panic!("{err:?}") };
        assert_eq!((named.place, named.title.as_str()), (1, "Velkommen til møtet og presentasjonsrunde"));
        assert_eq!(err.at, Some(Position { line: line_of(&text, "Segment(start: \"2025-06-03 10:00:00\")"), col: 21 }));
    }

    #[test]
    fn records_that_do_not_fit_the_agenda_are_counted() {
        let mut file: SessionFile = crate::store::agenda_file::ron_options().from_str(FIXTURE).unwrap();
        file.record.attendance.pop();
        let err = count_mismatch(&file, FIXTURE).unwrap();
        let people = file.agenda.people.len();
        assert_eq!(
            err.what,
            ReadProblem::RecordCount { list: RecordList::Attendance, found: people - 1, expected: people }
        );
        assert_eq!(err.at.map(|p| p.line), Some(line_of(FIXTURE, "attendance: [")));
        file.record.attendance.clear();
        file.record.items.clear();
        let err = count_mismatch(&file, "Session(format: 2)").unwrap();
        assert_eq!(err.what, ReadProblem::RecordCount { list: RecordList::Items, found: 0, expected: 19 });
        assert_eq!(err.at, Some(Position { line: 1, col: 9 }), "the list left out: the top of the file");
    }
}
