//! Reading an agenda file: RON text → `Agenda`, with every problem placed at line:column.

use std::path::Path;

use ron::extensions::Extensions;

use super::locate::{Position, SourceMap};
use crate::domain::agenda::{Agenda, BadSakNumber};
use crate::domain::check::{self, Finding, Spot};
use crate::domain::schedule::{self, Schedule};
use crate::domain::time::TimeProblem;

/// The RON dialect of referent's files: `Some(..)` never needed, `Sak(title: ..)` for
/// enum variants that wrap a struct. Files may still say `#![enable(implicit_some)]`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// An agenda that could be read, with what `check` found in it.
#[derive(Debug)]
pub struct Checked {
    pub agenda: Agenda,
    pub schedule: Schedule,
    pub findings: Vec<Placed<Finding>>,
}

/// Something tied to a place in the file (`None`: no place to point at).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<T> {
    pub at: Option<Position>,
    pub what: T,
}

/// Why a file could not be read at all, and where (no place when it could not be opened).
pub type ReadError = Placed<ReadProblem>;

/// Why a file could not be opened or read.
#[derive(Debug, Clone, PartialEq)]
pub enum IoProblem {
    NotFound,
    NoPermission,
    IsFolder,
    Other(String),
}

impl From<std::io::Error> for IoProblem {
    fn from(e: std::io::Error) -> IoProblem {
        match e.kind() {
            std::io::ErrorKind::NotFound => IoProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => IoProblem::NoPermission,
            std::io::ErrorKind::IsADirectory => IoProblem::IsFolder,
            _ => IoProblem::Other(e.to_string()),
        }
    }
}

/// What is wrong in the text of a file, in terms a reader can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadProblem {
    Io(IoProblem),
    Time(TimeProblem),
    SakNumber(BadSakNumber),
    UnknownField {
        found: String,
        known: Vec<&'static str>,
        within: Option<String>,
    },
    MissingField {
        field: &'static str,
        within: Option<String>,
    },
    DuplicateField {
        field: &'static str,
        within: Option<String>,
    },
    UnknownVariant {
        found: String,
        known: Vec<&'static str>,
        within: Option<String>,
    },
    /// Something else was written where this was expected.
    Expected(Expected),
    /// The file stops in the middle.
    UnexpectedEnd,
    /// A `/*` comment is never closed.
    UnclosedComment,
    /// A text in quotes is never closed.
    UnclosedText,
    /// Something after the end of the agenda.
    TrailingText,
    /// A character that makes no sense here.
    UnexpectedChar(char),
    /// A number too large or negative where a count is expected.
    NumberOutOfRange,
    /// Not UTF-8 text.
    NotText,
    /// A session written by a newer version of referent.
    NewerSession {
        found: u32,
        known: u32,
    },
    /// A session whose record does not match its agenda's items.
    RecordMismatch,
    /// Anything else ron reports, in its own (English) words.
    Other(String),
}

/// What the reader expected to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    TrueFalse,
    List,
    ListEnd,
    Comma,
    StructEnd,
    Struct,
    Name,
    Colon,
}

/// The text of a file, or why it cannot be had.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| Placed { at: None, what: ReadProblem::Io(e.into()) })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let at = end_of(&String::from_utf8_lossy(valid));
        Placed { at: Some(at), what: ReadProblem::NotText }
    })
}

/// Reads and checks an agenda from its text.
pub fn parse(text: &str) -> Result<Checked, ReadError> {
    let agenda: Agenda = ron_options().from_str(text).map_err(from_ron)?;
    Ok(checked(agenda, text, ""))
}

/// Checks an agenda read from `text`, where it is written under `prefix` ("" for an
/// agenda file, "agenda." inside a session).
pub fn checked(agenda: Agenda, text: &str, prefix: &str) -> Checked {
    let schedule = schedule::plan(&agenda);
    let map = SourceMap::of(text);
    let findings = check::check(&agenda, &schedule)
        .into_iter()
        .map(|f| Placed { at: map.find(&format!("{prefix}{}", path_of(f.spot))), what: f })
        .collect();
    Checked { agenda, schedule, findings }
}

/// The path of a spot in the source map: `items[3].at`.
fn path_of(spot: Spot) -> String {
    match spot {
        Spot::Header(field) => field.to_string(),
        Spot::Item(i, field) => format!("items[{i}].{field}"),
        Spot::Person(i) => format!("people[{i}]"),
    }
}

fn end_of(text: &str) -> Position {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Position { line, col }
}

/// A ron error in referent's terms.
pub fn from_ron(e: ron::error::SpannedError) -> Placed<ReadProblem> {
    use ron::Error as E;
    let at = Some(Position { line: e.span.start.line, col: e.span.start.col });
    let what = match e.code {
        E::Message(m) => TimeProblem::from_code(&m)
            .map(ReadProblem::Time)
            .or_else(|| BadSakNumber::from_code(&m).map(ReadProblem::SakNumber))
            .unwrap_or(ReadProblem::Other(m)),
        E::NoSuchStructField { expected, found, outer } => {
            ReadProblem::UnknownField { found, known: expected.to_vec(), within: outer }
        }
        E::MissingStructField { field, outer } => ReadProblem::MissingField { field, within: outer },
        E::DuplicateStructField { field, outer } => ReadProblem::DuplicateField { field, within: outer },
        E::NoSuchEnumVariant { expected, found, outer } => {
            ReadProblem::UnknownVariant { found, known: expected.to_vec(), within: outer }
        }
        E::Eof => ReadProblem::UnexpectedEnd,
        E::UnclosedBlockComment => ReadProblem::UnclosedComment,
        E::ExpectedStringEnd => ReadProblem::UnclosedText,
        E::TrailingCharacters => ReadProblem::TrailingText,
        E::UnexpectedChar(c) => ReadProblem::UnexpectedChar(c),
        E::IntegerOutOfBounds => ReadProblem::NumberOutOfRange,
        E::Utf8Error(_) => ReadProblem::NotText,
        E::ExpectedString => ReadProblem::Expected(Expected::Text),
        E::ExpectedInteger | E::ExpectedFloat | E::InvalidIntegerDigit { .. } => {
            ReadProblem::Expected(Expected::Number)
        }
        E::ExpectedBoolean => ReadProblem::Expected(Expected::TrueFalse),
        E::ExpectedArray => ReadProblem::Expected(Expected::List),
        E::ExpectedArrayEnd => ReadProblem::Expected(Expected::ListEnd),
        E::ExpectedComma => ReadProblem::Expected(Expected::Comma),
        E::ExpectedStructLikeEnd => ReadProblem::Expected(Expected::StructEnd),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedDifferentStructName { .. } => {
            ReadProblem::Expected(Expected::Struct)
        }
        E::ExpectedIdentifier => ReadProblem::Expected(Expected::Name),
        E::ExpectedMapColon => ReadProblem::Expected(Expected::Colon),
        E::InvalidValueForType { expected, found } => ReadProblem::Other(format!("expected {expected}, found {found}")),
        other => ReadProblem::Other(other.to_string()),
    };
    Placed { at, what }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> (String, ReadProblem) {
        match parse(text) {
            Err(p) => (p.at.map(|a| format!("{}:{}", a.line, a.col)).unwrap_or_default(), p.what),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn reads_a_short_agenda_without_some_or_the_header() {
        let c = parse(
            r#"Agenda(title: "Møte", date: "2025-06-03", start: "10:00", end: "11:00",
            items: [Sak(title: "a", minutes: 10), Break(title: "Pause", minutes: 5)])"#,
        )
        .unwrap();
        assert_eq!(c.agenda.items.len(), 2);
        assert_eq!(c.findings, []);
    }

    #[test]
    fn places_a_bad_time_on_its_value() {
        let (at, what) = problem("Agenda(title: \"M\", date: \"2025-06-03\",\n start: \"25:70\")");
        assert_eq!(what, ReadProblem::Time(TimeProblem::NoSuchTime("25:70".into())));
        assert_eq!(at, "2:10");
    }

    #[test]
    fn names_the_unknown_field_and_the_known_ones() {
        let (at, what) = problem("Agenda(title: \"M\", date: \"2025-06-03\", items: [Sak(titel: \"x\")])");
        let ReadProblem::UnknownField { found, known, .. } = what else { panic!("{what:?}") };
        assert_eq!(found, "titel");
        assert!(known.contains(&"title"));
        assert_eq!(at, "1:52");
    }

    #[test]
    fn a_missing_title_is_named() {
        let (_, what) = problem("Agenda(title: \"M\", date: \"2025-06-03\", items: [Sak(minutes: 5)])");
        assert_eq!(what, ReadProblem::MissingField { field: "title", within: Some("Sak".into()) });
    }

    #[test]
    fn places_later_findings_on_their_field() {
        let c = parse("Agenda(title: \"M\", date: \"2025-06-03\", start: \"10:00\",\n end: \"11:00\", items: [\n Sak(title: \"a\", minutes: 30),\n Sak(title: \"b\", at: \"10:20\")])").unwrap();
        assert_eq!(c.findings.len(), 1);
        assert_eq!(c.findings[0].at, Some(Position { line: 4, col: 18 }));
    }
}
