//! Reading an agenda file: RON text → `Agenda`, with every problem placed at line:column.

use std::path::Path;

use ron::extensions::Extensions;

use super::locate::{Position, SourceMap};
use super::session_rules::RecordList;
use crate::domain::agenda::{Agenda, BadSakNumber};
use crate::domain::check::{self, Finding, Spot};
use crate::domain::invariants::Broken;
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
    /// A session whose list of records (`list`) has `found` entries where its agenda
    /// has `expected` items or people.
    RecordCount {
        list: RecordList,
        found: usize,
        expected: usize,
    },
    /// A session that reads but breaks a rule the program relies on.
    Inconsistent(Broken),
    /// A value of another kind than the field takes (a number where a text goes).
    WrongValue {
        expected: Option<Expected>,
        found: Option<Found>,
    },
    /// `Found(...)` where `expected(...)` goes.
    WrongName {
        found: String,
        expected: &'static str,
    },
    /// `( ... )` where `name( ... )` goes.
    MissingName(String),
    /// A backslash in a text followed by something that is no escape.
    BadEscape,
    /// `#![enable(name)]` with a name ron does not know.
    UnknownExtension(String),
    /// Parentheses and brackets nested deeper than any file of referent's.
    TooDeep,
    /// A value with more or fewer parts than it takes.
    WrongCount,
    /// What ron reports that no file of referent's can hold.
    Unreadable,
    /// Anything else: a message of referent's own, in English.
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
    /// `#![enable(...)]`.
    Attribute,
    /// `)]` closing `#![enable(...`.
    AttributeEnd,
    /// `{ ... }`.
    Map,
    /// A comma, or `}`.
    MapEnd,
    /// `()`.
    Unit,
    /// A value, or `None`.
    Value,
    /// `)` closing `Some(...`.
    OptionEnd,
}

/// What the reader found instead, as far as ron says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Text,
    Number,
    TrueFalse,
    List,
    Map,
    Struct,
    Name,
    Nothing,
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

/// A ron error in referent's terms: never ron's own (English) words.
pub fn from_ron(e: ron::error::SpannedError) -> Placed<ReadProblem> {
    use ron::Error as E;
    let at = Some(Position { line: e.span.start.line, col: e.span.start.col });
    let expected = ReadProblem::Expected;
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
        E::UnclosedBlockComment | E::UnclosedLineComment => ReadProblem::UnclosedComment,
        E::ExpectedStringEnd => ReadProblem::UnclosedText,
        E::TrailingCharacters => ReadProblem::TrailingText,
        E::UnexpectedChar(c) => ReadProblem::UnexpectedChar(c),
        E::IntegerOutOfBounds => ReadProblem::NumberOutOfRange,
        E::Utf8Error(_) => ReadProblem::NotText,
        E::ExpectedString | E::ExpectedChar | E::ExpectedByteLiteral | E::ExpectedByteString => {
            expected(Expected::Text)
        }
        E::ExpectedInteger
        | E::ExpectedFloat
        | E::InvalidIntegerDigit { .. }
        | E::FloatUnderscore
        | E::UnderscoreAtBeginning => expected(Expected::Number),
        E::ExpectedBoolean => expected(Expected::TrueFalse),
        E::ExpectedArray => expected(Expected::List),
        E::ExpectedArrayEnd => expected(Expected::ListEnd),
        E::ExpectedComma => expected(Expected::Comma),
        E::ExpectedStructLikeEnd => expected(Expected::StructEnd),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => expected(Expected::Struct),
        E::ExpectedDifferentStructName { expected, found } => ReadProblem::WrongName { found, expected },
        E::ExpectedStructName(name) => ReadProblem::MissingName(name),
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => expected(Expected::Name),
        E::ExpectedMapColon => expected(Expected::Colon),
        E::ExpectedMap => expected(Expected::Map),
        E::ExpectedMapEnd => expected(Expected::MapEnd),
        E::ExpectedAttribute => expected(Expected::Attribute),
        E::ExpectedAttributeEnd => expected(Expected::AttributeEnd),
        E::ExpectedUnit => expected(Expected::Unit),
        E::ExpectedOption => expected(Expected::Value),
        E::ExpectedOptionEnd => expected(Expected::OptionEnd),
        E::InvalidEscape(_) => ReadProblem::BadEscape,
        E::NoSuchExtension(name) => ReadProblem::UnknownExtension(name),
        E::ExceededRecursionLimit => ReadProblem::TooDeep,
        E::ExpectedDifferentLength { .. } => ReadProblem::WrongCount,
        E::InvalidValueForType { expected, found } => {
            ReadProblem::WrongValue { expected: expected_of(&expected), found: found_of(&found) }
        }
        _ => ReadProblem::Unreadable,
    };
    Placed { at, what }
}

/// What serde's description of the value it expected ("a string", "u32", "struct
/// Segment", "option") asks for.
fn expected_of(serde: &str) -> Option<Expected> {
    let number = ["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64"];
    Some(if serde.contains("string") || serde.contains("char") {
        Expected::Text
    } else if number.contains(&serde) || serde.contains("integer") || serde.contains("float") {
        Expected::Number
    } else if serde.contains("bool") {
        Expected::TrueFalse
    } else if serde.contains("sequence") || serde.contains("array") || serde.contains("tuple") {
        Expected::List
    } else if serde.starts_with("struct") {
        Expected::Struct
    } else if serde.contains("enum") || serde.contains("variant") || serde.contains("identifier") {
        Expected::Name
    } else if serde.contains("option") {
        Expected::Value
    } else if serde.contains("map") {
        Expected::Map
    } else if serde.contains("unit") {
        Expected::Unit
    } else {
        return None;
    })
}

/// What ron's description of the value it found ("the string \"x\"", "the unsigned
/// integer `5`", "a sequence") is.
fn found_of(ron: &str) -> Option<Found> {
    Some(if ron.starts_with("the string") || ron.contains("character") || ron.contains("byte") {
        Found::Text
    } else if ron.contains("integer") || ron.contains("floating point") {
        Found::Number
    } else if ron.starts_with("the boolean") {
        Found::TrueFalse
    } else if ron == "a sequence" {
        Found::List
    } else if ron == "a map" {
        Found::Map
    } else if ron.contains("struct") || ron.contains("tuple") {
        Found::Struct
    } else if ron.contains("enum") || ron.contains("variant") {
        Found::Name
    } else if ron.contains("unit") || ron.contains("optional") {
        Found::Nothing
    } else {
        return None;
    })
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

    /// Every error ron can give while reading a file is said in referent's words, in both
    /// languages: none of ron's own ("Expected ...", "Unexpected ...") gets through.
    #[test]
    fn every_ron_error_is_said_in_plain_words() {
        use ron::Error as E;
        let errors = [
            E::Fmt,
            E::Io("x".into()),
            E::Eof,
            E::ExpectedArray,
            E::ExpectedArrayEnd,
            E::ExpectedAttribute,
            E::ExpectedAttributeEnd,
            E::ExpectedBoolean,
            E::ExpectedComma,
            E::ExpectedChar,
            E::ExpectedByteLiteral,
            E::ExpectedFloat,
            E::FloatUnderscore,
            E::ExpectedInteger,
            E::ExpectedOption,
            E::ExpectedOptionEnd,
            E::ExpectedMap,
            E::ExpectedMapColon,
            E::ExpectedMapEnd,
            E::ExpectedDifferentStructName { expected: "Person", found: "Perso".into() },
            E::ExpectedStructLike,
            E::ExpectedNamedStructLike("Segment"),
            E::ExpectedStructLikeEnd,
            E::ExpectedUnit,
            E::ExpectedString,
            E::ExpectedByteString,
            E::ExpectedStringEnd,
            E::ExpectedIdentifier,
            E::InvalidEscape("Invalid escape sequence"),
            E::IntegerOutOfBounds,
            E::InvalidIntegerDigit { digit: 'x', base: 10 },
            E::NoSuchExtension("implicit_sum".into()),
            E::UnclosedBlockComment,
            E::UnclosedLineComment,
            E::UnderscoreAtBeginning,
            E::UnexpectedChar('\u{1b}'),
            E::TrailingCharacters,
            E::InvalidValueForType { expected: "a string".into(), found: "the unsigned integer `5`".into() },
            E::InvalidValueForType { expected: "something new".into(), found: "something odd".into() },
            E::ExpectedDifferentLength { expected: "a tuple of size 2".into(), found: 3 },
            E::InvalidIdentifier("9x".into()),
            E::SuggestRawIdentifier("type".into()),
            E::ExpectedRawValue,
            E::ExceededRecursionLimit,
            E::ExpectedStructName("Segment".into()),
            E::ExpectedRangeSyntax,
        ];
        for code in errors {
            let spanned = ron::error::SpannedError {
                code: code.clone(),
                span: ron::error::Span {
                    start: ron::error::Position { line: 3, col: 7 },
                    end: ron::error::Position { line: 3, col: 9 },
                },
            };
            let placed = from_ron(spanned);
            assert_eq!(placed.at, Some(Position { line: 3, col: 7 }), "{code:?}");
            assert!(!matches!(placed.what, ReadProblem::Other(_)), "{code:?}: {:?}", placed.what);
            for lang in [crate::domain::agenda::Lang::Nb, crate::domain::agenda::Lang::En] {
                let said = (crate::i18n::words(lang).read_problem)(&placed.what);
                for ron_word in ["Expected", "Unexpected", "Invalid", "RON", "`", "identifier", "found"] {
                    assert!(!said.contains(ron_word), "{code:?} in {lang:?}: {said}");
                }
                assert!(said.len() > 12, "{code:?}: {said}");
            }
        }
    }

    #[test]
    fn a_value_of_the_wrong_kind_says_what_goes_there_and_what_is_there() {
        let wrong = |expected: &str, found: &str| {
            from_ron(ron::error::SpannedError {
                code: ron::Error::InvalidValueForType { expected: expected.into(), found: found.into() },
                span: ron::error::Span {
                    start: ron::error::Position { line: 1, col: 1 },
                    end: ron::error::Position { line: 1, col: 1 },
                },
            })
            .what
        };
        let nb = |p: &ReadProblem| (crate::i18n::words(crate::domain::agenda::Lang::Nb).read_problem)(p);
        let en = |p: &ReadProblem| (crate::i18n::words(crate::domain::agenda::Lang::En).read_problem)(p);
        let text_for_number = wrong("a string", "the unsigned integer `5`");
        assert_eq!(
            text_for_number,
            ReadProblem::WrongValue { expected: Some(Expected::Text), found: Some(Found::Number) }
        );
        assert_eq!(
            nb(&text_for_number),
            "her skulle det stått en tekst i anførselstegn (\"...\"), men her står et tall"
        );
        assert_eq!(en(&text_for_number), "A text in quotes (\"...\") belongs here, but this is a number");
        let list_for_text = wrong("a sequence", "the string \"x\"");
        assert_eq!(
            nb(&list_for_text),
            "her skulle det stått en liste i hakeparenteser: [ ... ], men her står en tekst"
        );
        assert_eq!(
            wrong("u32", "the boolean `true`"),
            ReadProblem::WrongValue { expected: Some(Expected::Number), found: Some(Found::TrueFalse) }
        );
        assert_eq!(
            wrong("struct Segment", "a sequence"),
            ReadProblem::WrongValue { expected: Some(Expected::Struct), found: Some(Found::List) }
        );
        let unknown = wrong("something new", "something odd");
        assert_eq!(unknown, ReadProblem::WrongValue { expected: None, found: None });
        assert_eq!(en(&unknown), "the value here is of the wrong kind for the field");
    }
}
