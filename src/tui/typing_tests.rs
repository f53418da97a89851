//! Habits that must not derail the meeting: typing on after Esc, Esc read as Alt, a
//! meeting started on another day, saker left behind by `n`. Key strings on the app.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::app::key::Key;
use crate::app::{App, Confirm, Input, Mode};
use crate::domain::agenda::Lang;
use crate::domain::attendance::Presence;
use crate::domain::session::Session;
use crate::domain::time::Stamp;
use crate::i18n;
use crate::store::agenda_file;
use crate::theme;

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

fn app() -> App {
    let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let (theme, _) = theme::load(None, false);
    App::new(Session::new(agenda), i18n::words(Lang::Nb), theme)
}

/// Keys in one breath, as a typist sends them: no pause between them.
fn burst(app: &mut App, keys: &str, now: Stamp) {
    for key in Key::parse_seq(keys).unwrap() {
        app.update(Input::Key(key), now);
    }
}

/// The keyboard is quiet a moment (the shell says so after `typing::QUIET_AFTER`).
fn pause(app: &mut App, now: Stamp) {
    app.update(Input::Quiet, now);
}

fn screen(app: &App, now: Stamp) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| view::draw(f, app, &view::ViewState::default(), now)).unwrap();
    terminal.backend().to_string()
}

/// The meeting at 03/25 (the fourth item), a note being written on it.
fn writing_on_03_25() -> App {
    let mut app = app();
    let now = at("10:10:00");
    for _ in 0..4 {
        pause(&mut app, now);
        burst(&mut app, "n", now);
    }
    assert_eq!(app.session.record.current, Some(3));
    pause(&mut app, now);
    burst(&mut app, "i", now);
    app
}

fn texts(app: &App, item: usize) -> Vec<String> {
    app.session.agenda.items[item].record().notes().map(|n| n.text.clone()).collect()
}

#[test]
fn typing_on_after_esc_writes_a_note_and_moves_nothing() {
    // The burst seen in a meeting: Esc closed the editor, the minute-taker typed on.
    let mut app = writing_on_03_25();
    let now = at("10:12:00");
    burst(&mut app, "Første<space>tanke<esc>Anonymisering<space>må<space>avklares<space>nå", now);
    assert_eq!(app.session.record.current, Some(3), "no sak was closed");
    assert!(app.session.agenda.people.iter().all(|p| p.attendance.presence == Presence::Unmarked), "nobody marked");
    assert!(matches!(app.mode, Mode::Editor(_)), "the typing goes on in a new note");
    burst(&mut app, "<ret><esc>", now);
    assert_eq!(texts(&app, 3), ["Første tanke", "Anonymisering må avklares nå"]);
}

#[test]
fn a_key_that_moves_the_meeting_on_asks_first_in_the_middle_of_typing() {
    let mut app = writing_on_03_25();
    let now = at("10:12:00");
    burst(&mut app, "Ferdig<esc>n", now);
    assert!(matches!(app.mode, Mode::Confirm(Confirm::WhileTyping { key: 'n', .. })));
    let shown = screen(&app, now);
    assert!(shown.contains("Du skrev nettopp. «n» betyr «Avslutt saken og start neste"), "{shown}");
    assert!(shown.contains("Enter = ja, Esc = nei, skriv videre = et nytt innspill"), "{shown}");
    // Typing on: it was text, and none of it is lost.
    burst(&mut app, "este<space>gang<esc>", now);
    assert_eq!(app.session.record.current, Some(3));
    assert_eq!(texts(&app, 3), ["Ferdig", "neste gang"]);
    // Asked again, Esc: nothing happens.
    burst(&mut app, "b<esc>", now);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.session.record.current, Some(3), "no break started");
    // Asked again, Enter: it was meant.
    burst(&mut app, "i.<esc>n<ret>", now);
    assert_eq!(app.session.record.current, Some(4));
}

#[test]
fn after_a_pause_the_keys_are_commands_again() {
    let mut app = writing_on_03_25();
    let now = at("10:12:00");
    burst(&mut app, "Ferdig<esc>", now);
    pause(&mut app, now);
    burst(&mut app, "n", now);
    assert_eq!(app.session.record.current, Some(4), "n after a pause is next, at once");
    // A deliberate key that writes nothing ends the burst too.
    burst(&mut app, "i<space>x<esc><down>", now);
    assert!(matches!(app.mode, Mode::Normal));
    burst(&mut app, "j", now);
    assert!(matches!(app.mode, Mode::Normal), "j selects, it is not text");
}

#[test]
fn a_letter_that_is_no_command_opens_a_note_with_it() {
    let mut app = writing_on_03_25();
    let now = at("10:12:00");
    burst(&mut app, "<esc>", now);
    pause(&mut app, now);
    burst(&mut app, "Cecilie<space>spør", now);
    assert!(matches!(app.mode, Mode::Editor(_)));
    burst(&mut app, "<esc>", now);
    assert_eq!(texts(&app, 3), ["Cecilie spør"]);
}

#[test]
fn esc_then_a_letter_read_as_alt_is_esc_then_the_letter() {
    let mut app = writing_on_03_25();
    let now = at("10:12:00");
    // (A terminal sends Esc and a quick n as one sequence, Alt+n.)
    burst(&mut app, "Ferdig<A-n>", now);
    assert_eq!(texts(&app, 3), ["Ferdig"], "Esc filed the note");
    assert!(matches!(app.mode, Mode::Confirm(Confirm::WhileTyping { key: 'n', .. })), "then n, in the burst");
    burst(&mut app, "<esc>", now);
    pause(&mut app, now);
    // Not typing: Alt+n is Esc (nothing on the main screen), then n: the next sak.
    burst(&mut app, "<A-n>", now);
    assert_eq!(app.session.record.current, Some(4));
}

#[test]
fn starting_on_another_day_than_the_agendas_asks_once() {
    let mut app = app();
    let today = Stamp::parse("2026-12-03 09:58:00").unwrap();
    burst(&mut app, "n", today);
    assert!(matches!(app.mode, Mode::Confirm(Confirm::StartToday { go_to: None })));
    let shown = screen(&app, today);
    assert!(shown.contains("Saklisten er for tirsdag 03.06.25, men i dag er torsdag"), "{shown}");
    assert!(shown.contains("03.12.26. Holde møtet i dag?"), "{shown}");
    burst(&mut app, "<esc>", today);
    assert_eq!(app.session.record.started, None, "Esc: not started");
    pause(&mut app, today);
    // g asks too.
    burst(&mut app, "jjg", today);
    assert!(matches!(app.mode, Mode::Confirm(Confirm::StartToday { go_to: Some(2) })));
    burst(&mut app, "n", today);
    assert_eq!(app.session.record.started, None, "n: not started");
    // Yes starts the meeting today.
    burst(&mut app, "<home>nj", today);
    assert_eq!((app.session.record.started, app.session.record.current), (Some(today), Some(0)));
    assert_eq!(app.session.days_ran().map(|(first, _)| first), Some(today.day()), "the session keeps the day");
    // Asked once: the meeting runs, n is next.
    burst(&mut app, "n", today);
    assert_eq!(app.session.record.current, Some(1));
}

#[test]
fn n_asks_before_it_leaves_saker_behind_that_were_never_taken_up() {
    let mut app = app();
    let now = at("10:00:00");
    burst(&mut app, "n", now);
    // From the welcome round straight to 03/25: 01/25 and 02/25 are left.
    burst(&mut app, "jjjg", now);
    assert_eq!(app.session.record.current, Some(3));
    burst(&mut app, "n", now);
    assert!(matches!(app.mode, Mode::Confirm(Confirm::PassUntreated)));
    let shown = screen(&app, now);
    assert!(shown.contains("Ikke tatt opp: 01/25, 02/25. Gå videre likevel?"), "{shown}");
    burst(&mut app, "n", now);
    assert_eq!(app.session.record.current, Some(3), "no: still at 03/25");
    burst(&mut app, "nj", now);
    assert_eq!(app.session.record.current, Some(4), "yes: on to 04/25");
    // Said once for those two: the next n does not ask about them again.
    burst(&mut app, "n", now);
    assert_eq!(app.session.record.current, Some(5));
}

#[test]
fn a_note_cut_off_by_a_crash_is_open_in_the_editor_when_the_session_opens_again() {
    let mut app = writing_on_03_25();
    burst(&mut app, "Halvferdig<space>tanke", at("10:12:00"));
    let (theme, _) = theme::load(None, false);
    let mut again = App::new(app.session.clone(), i18n::words(Lang::Nb), theme);
    again.take_up_draft();
    assert_eq!(again.selected, 3);
    let Mode::Editor(editor) = &again.mode else { panic!("the editor is open") };
    assert_eq!(editor.text(), "Halvferdig tanke");
    burst(&mut again, "<space>om<space>dette<ret>", at("10:13:00"));
    assert_eq!(texts(&again, 3), ["Halvferdig tanke om dette"]);
}
