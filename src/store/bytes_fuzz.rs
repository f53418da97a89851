//! Byte-level mutations of an agenda and of sessions (characters cut out, put in, doubled,
//! swapped; numbers changed; the text cut short), run through `check` and `export` as the
//! command line runs them: every message says where (`file:line:col:`) in plain words,
//! never in the RON parser's own, and a session that reads opens and walks as the live
//! program would.

use proptest::prelude::*;

use crate::cli::{check, export};
use crate::domain::agenda::Lang;
use crate::i18n;
use crate::referat::document::Options;

/// What a mutation puts into a text: RON's punctuation, numbers of every size, names,
/// escapes, comments, attributes, characters a parser may trip over.
const PIECES: &[&str] = &[
    "\"",
    ",",
    ")",
    "(",
    "[",
    "]",
    ":",
    "\\",
    "{",
    "}",
    "'",
    "_",
    "#",
    "!",
    "x",
    "Some(",
    "None",
    "()",
    "1",
    "-1",
    "0x1F",
    "1.5",
    "1_0",
    "_1",
    "99999999999999999999",
    "4294967296",
    "true",
    "\"a\"",
    "\"\\q\"",
    "\"\\u{110000}\"",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "\u{0}",
    "\n",
    "\u{1b}[2J",
    "#![enable(x)]",
    "#![enable(implicit_some)",
    "Segment",
    "Sak(",
    "Break(",
    "Session(",
    "Agenda(",
    "Done",
    "Running",
    "Present",
    "b\"x\"",
    "'x'",
    "..",
    "ø",
    "current: 99,",
    "paused: \"2025-06-03 10:00:00\",",
    "\"2025-06-03 25:00:00\"",
    "\"25:70\"",
    "\"2025-02-30\"",
];

/// One change to a text: what (`op`), where (`at`, a fraction of the length), how much
/// (`len`) and which piece (`piece`).
pub(crate) type Edit = (u8, u16, u8, usize);

pub(crate) fn edit() -> impl Strategy<Value = Edit> {
    (0u8..7, any::<u16>(), 1u8..24, 0..PIECES.len())
}

/// The character boundary at or before `at`'s fraction of `text`.
fn boundary(text: &str, at: u16) -> usize {
    let mut i = usize::from(at) * text.len() / usize::from(u16::MAX);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `text` with `edit` made.
pub(crate) fn edited(text: &str, (op, at, len, piece): Edit) -> String {
    let i = boundary(text, at);
    let mut j = (i + usize::from(len)).min(text.len());
    while !text.is_char_boundary(j) {
        j += 1;
    }
    let (before, cut, after) = (&text[..i], &text[i..j], &text[j..]);
    match op {
        0 => format!("{before}{after}"),
        1 => format!("{before}{}{cut}{after}", PIECES[piece]),
        2 => format!("{before}{}{after}", PIECES[piece]),
        3 => format!("{before}{cut}{cut}{after}"),
        4 => text[..i].to_string(),
        5 => {
            // The next number, changed.
            let Some(start) = after.find(|c: char| c.is_ascii_digit()) else { return text.to_string() };
            let digits = after[start..].find(|c: char| !c.is_ascii_digit()).map_or(after.len(), |n| start + n);
            let number = ["0", "19", "20", "255", "65536", "4294967295", "18446744073709551616"][piece % 7];
            format!("{before}{cut}{}{number}{}", &after[..start], &after[digits..])
        }
        _ => {
            // Two neighbouring lines swapped.
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            let k = (i * lines.len() / text.len().max(1)).min(lines.len().saturating_sub(2));
            let mut lines = lines;
            if lines.len() > 1 {
                lines.swap(k, k + 1);
            }
            lines.concat()
        }
    }
}

/// Words of the RON parser's, or of serde's, that must never reach a reader.
const RON_WORDS: &[&str] = &[
    "Expected",
    "Unexpected",
    "expected",
    "found",
    "instead",
    "Non-whitespace",
    "Invalid",
    "invalid",
    "identifier",
    "Integer",
    "integer",
    "string",
    "sequence",
    "struct",
    "RON",
    "`",
    "SpannedError",
];

/// Words of the RON parser's that must not reach a reader in English either.
const RON_ENGLISH: &[&str] =
    &["Expected", "Unexpected", "Non-whitespace", "Invalid", "identifier", "but found", "RON", "`", "SpannedError"];

/// `message` without what it quotes from the file («...», "..."): the words of the message.
pub(crate) fn unquoted(message: &str) -> String {
    let mut out = String::new();
    let mut inside: Option<char> = None;
    for c in message.chars() {
        match (inside, c) {
            (None, '«') => inside = Some('»'),
            (None, '"') => inside = Some('"'),
            (Some(close), c) if c == close => inside = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// What is wrong with `check` and `export`'s messages on the file `name` holding `text`,
/// in `lang`: a panic, a message without its place, or one in ron's words.
pub(crate) fn messages_wrong(name: &str, text: &str, lang: Lang) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join(name);
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    let w = i18n::words(lang);
    let mut err = Vec::new();
    let _ = check::run(&[&path], w, &mut std::io::sink(), &mut err);
    // (An agenda exports as its innkalling: it has no session beside it.)
    let innkalling = super::session_file::kind_of(text) == super::session_file::FileKind::Agenda;
    let request = export::Request {
        file: &path,
        format: Some("md"),
        out: Some(std::path::Path::new("-")),
        innkalling,
        options: Options::default(),
        lang: None,
        force: false,
        default_format: export::Format::Markdown,
        minute_taker: None,
    };
    let _ = export::run(&request, w, &mut std::io::sink(), &mut err);
    let err = String::from_utf8(err).map_err(|e| e.to_string())?;
    let banned = if lang == Lang::Nb { RON_WORDS } else { RON_ENGLISH };
    let shown = path.display().to_string();
    let said = |l: &&str| [w.error, w.warning].iter().any(|s| l.contains(&format!(": {s}: ")));
    for line in err.lines().filter(|l| l.starts_with(&shown)).filter(said) {
        let message = line[shown.len()..].to_string();
        let placed = message.strip_prefix(':').and_then(|m| {
            let (line, rest) = m.split_once(':')?;
            let (col, _) = rest.split_once(':')?;
            (line.parse::<usize>().is_ok() && col.parse::<usize>().is_ok()).then_some(())
        });
        if placed.is_none() {
            return Err(format!("not placed: {line}"));
        }
        let words = unquoted(&message);
        if let Some(word) = banned.iter().find(|w| words.contains(*w)) {
            return Err(format!("ron's words ({word:?}): {line}"));
        }
    }
    Ok(())
}

const AGENDA: &str = include_str!("../../agendas/normen-2025-06-03.ron");
const SESSION: &str = include_str!("../../tests/fixtures/normen-2025-06-03.session.ron");

/// The texts mutations start from: the example agenda, the fixture session (a meeting
/// closed) and a session walked into its fourth sak.
fn texts() -> [(&'static str, String); 3] {
    let walked = super::session_file::to_text(&super::session_fuzz::bases()[1].1);
    [("m.ron", AGENDA.to_string()), ("m.session.ron", SESSION.to_string()), ("w.session.ron", walked)]
}

/// A mutated text that reads opens as the live program opens it: an agenda without
/// errors as a new session, a session as it is.
fn opens_and_walks(text: &str) {
    use super::session_file::{FileKind, kind_of};
    let session = match kind_of(text) {
        FileKind::Session => super::session_file::parse(text).ok(),
        FileKind::Agenda => super::agenda_file::parse(text)
            .ok()
            .filter(|c| c.findings.iter().all(|f| f.what.problem.severity() != crate::domain::check::Severity::Error))
            .map(|c| crate::domain::session::Session::new(c.agenda)),
    };
    if let Some(session) = session {
        super::session_fuzz::exercise(&session);
    }
}

#[test]
fn quoted_values_are_not_the_message_s_words() {
    assert_eq!(unquoted("ukjent felt «string» i Sak: \"Expected\" x"), "ukjent felt  i Sak:  x");
    assert!(messages_wrong("m.ron", &AGENDA.replace("title: \"Normen 7.0\"", "title: 7"), Lang::Nb).is_ok());
}

/// What ron used to say in its own words, each now said in plain ones and placed: an
/// extension it does not know, a moment that is none, an escape that is none, an
/// attribute left open. (A name misspelt before a parenthesis is said as such.)
#[test]
fn what_ron_said_in_its_own_words_is_said_in_plain_ones() {
    let w = i18n::words(Lang::Nb);
    let started = SESSION.find("started:").map(|at| SESSION[..at].matches('\n').count() + 1);
    let started = format!("{}:19", started.unwrap_or_default());
    let cases = [
        // "No RON extension named `unwrap_variant_new`"
        (
            SESSION.replacen("unwrap_variant_newtypes", "unwrap_variant_new", 1),
            "2:11",
            "det finnes ingen utvidelse som heter «unwrap_variant_new»",
        ),
        // "\"2025-06-03 10:00\" is not a moment", in English
        (
            SESSION.replacen("started: \"2025-06-03 10:00:00\"", "started: \"2025-06-03 10:00\"", 1),
            started.as_str(),
            "«2025-06-03 10:00» er ikke et tidspunkt",
        ),
        // "Invalid escape sequence 'u'"
        (AGENDA.replacen("\"Pause\"", "\"Pa\\use\"", 1), "", "en omvendt skråstrek (\\) i en tekst må følges av"),
        // "Expected closing `)]` after the enable attribute"
        (
            AGENDA.replacen("#![enable(implicit_some)]", "#![enable(implicit_some)", 1),
            "",
            "her skulle det stått )] som avslutter #![enable(...",
        ),
        // "Expected struct `Person` but found `Perso`": was "a parenthesis expected"
        (
            AGENDA.replacen("(name: \"Petter Hurlen\"", "Perso(name: \"Petter Hurlen\"", 1),
            "",
            "«Perso» er feil navn her: skriv Person( ... )",
        ),
    ];
    for (text, at, said) in cases {
        let kind = super::session_file::kind_of(&text);
        let err = match kind {
            super::session_file::FileKind::Agenda => super::agenda_file::parse(&text).err(),
            super::session_file::FileKind::Session => super::session_file::parse(&text).err(),
        };
        let err = err.unwrap_or_else(|| panic!("not refused: {said}"));
        let message = (w.read_problem)(&err.what);
        assert!(message.starts_with(said), "{message}");
        let place = err.at.map(|p| format!("{}:{}", p.line, p.col)).unwrap_or_default();
        assert!(!place.is_empty() && (at.is_empty() || place == at), "{place}: {message}");
        let name = if kind == super::session_file::FileKind::Agenda { "m.ron" } else { "m.session.ron" };
        for lang in [Lang::Nb, Lang::En] {
            assert_eq!(messages_wrong(name, &text, lang), Ok(()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// Whatever happens to the bytes of an agenda or a session, `check` and `export` say
    /// where and in plain words, in both languages; and what still reads opens, walks and
    /// exports without a panic.
    #[test]
    fn mutated_files_get_placed_plain_messages_or_open(
        which in 0usize..3,
        edits in proptest::collection::vec(edit(), 1..4),
        english in proptest::bool::ANY,
    ) {
        let (name, text) = &texts()[which];
        let text = edits.iter().fold(text.clone(), |t, e| edited(&t, *e));
        let lang = if english { Lang::En } else { Lang::Nb };
        if let Err(e) = messages_wrong(name, &text, lang) {
            return Err(TestCaseError::fail(e));
        }
        opens_and_walks(&text);
    }
}
