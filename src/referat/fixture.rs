//! The seed meeting of 3 June 2025 (shared/seeds) re-enacted with the program's keys:
//! the key script `tests/fixtures/normen-2025-06-03.keys` pressed into an `App` on the
//! example agenda, each step at its clock time and after a pause. Its session is the
//! fixture `tests/fixtures/normen-2025-06-03.session.ron` for the CLI tests
//! (`REFERENT_BLESS=1 cargo test` writes that file anew) and the golden referater come
//! from it; `tests/seed_pty.rs` types the same script into the real binary.

use std::sync::OnceLock;

use crate::app::key::Key;
use crate::app::{App, Input, Mode};
use crate::domain::agenda::Lang;
use crate::domain::session::Session;
use crate::domain::time::Stamp;
use crate::store::agenda_file;

#[path = "../../tests/seed/script.rs"]
#[allow(dead_code)] // (what the screen shows is for the pty test)
mod script;

/// The seed meeting, step by step.
pub const SCRIPT: &str = include_str!("../../tests/fixtures/normen-2025-06-03.keys");

/// What the seed's referat says, in its order: each element a line.
pub const ELEMENTS: &str = include_str!("../../tests/fixtures/normen-2025-06-03.elements");

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

/// The keys of `step`, its texts typed a character at a time.
fn keys(step: &script::Step) -> Vec<Key> {
    let mut out = Vec::new();
    for part in &step.parts {
        match part {
            script::Part::Keys(k) => {
                out.extend(Key::parse_seq(k).unwrap_or_else(|e| panic!("line {}: {e}", step.line)));
            }
            script::Part::Text(t) => out.extend(t.chars().map(Key::char)),
        }
    }
    out
}

/// The session of the seed meeting as its script leaves it.
pub fn seed_session() -> Session {
    static SEED: OnceLock<Session> = OnceLock::new();
    SEED.get_or_init(re_enact).clone()
}

/// Presses the script into an app on the example agenda. A step that is refused, or
/// leaves the app asking a question, says so.
fn re_enact() -> Session {
    let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let (theme, _) = crate::theme::load(None, false);
    let mut app = App::new(Session::new(agenda), crate::i18n::words(Lang::Nb), theme);
    for step in script::steps(SCRIPT).unwrap() {
        let now = at(step.clock);
        app.update(Input::Quiet, now);
        for key in keys(&step) {
            app.update(Input::Key(key), now);
        }
        app.take_changes();
        if let Some(message) = &app.message {
            panic!("line {}: {message}", step.line);
        }
        if let Mode::Confirm(question) = &app.mode {
            panic!("line {}: left asking {question:?}", step.line);
        }
    }
    app.session
}

#[test]
fn the_fixture_file_is_the_seed_session() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/normen-2025-06-03.session.ron");
    let text = crate::store::session_file::to_text(&seed_session());
    if std::env::var_os("REFERENT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), text, "REFERENT_BLESS=1 cargo test writes it anew");
}

#[test]
fn the_referat_of_the_fixture_holds_the_seed_s_elements_in_order() {
    use super::{document, markdown};
    let doc = document::referat(&seed_session(), crate::i18n::words(Lang::Nb), document::Options::default());
    let md = markdown::render(&doc);
    if let Err(problem) = script::in_order(&md, ELEMENTS) {
        panic!("{problem}:\n{md}");
    }
}

#[test]
fn the_fixture_holds_every_comment_unit_of_the_seed() {
    use crate::domain::notes::NoteKind;
    use crate::domain::timeline::Entry;
    let session = seed_session();
    let entries: Vec<&Entry> = session.agenda.items.iter().flat_map(|item| &item.record().entries).collect();
    let notes = |heading: bool| {
        entries.iter().filter(|e| matches!(e, Entry::Note(n) if (n.kind == NoteKind::Heading) == heading)).count()
    };
    let partial = entries.iter().filter(|e| matches!(e, Entry::Decision(d) if d.label.is_some())).count();
    // The seed's 92 comments, questions and answers (each paragraph written in the
    // meeting, «Tre innspill:» with its three bullets one), its 9 group headings
    // («Valgkomiteen orienterer:», «Innspill og kommentarer fra SG (kap. 1.3):», ...) and
    // the 2 partial decisions of 04/25.
    assert_eq!((notes(false), notes(true), partial), (92, 9, 2));
}
