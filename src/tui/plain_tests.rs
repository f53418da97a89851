//! The plain screen for screen readers and braille displays, on a `TestBackend` with a
//! frozen clock: its lines in their fixed order (snapshots), no box drawing and no big
//! digits on any screen, every change of state said as a sentence, and the 80 % warning
//! said by a mark as well as a colour, in the main view too.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::app::key::{Code, Key, Mods};
use crate::app::{App, Input, Mode};
use crate::domain::agenda::Lang;
use crate::domain::session::Session;
use crate::domain::time::Stamp;
use crate::i18n;
use crate::store::agenda_file;
use crate::store::autosave::{Failure, SaveState};
use crate::theme::Theme;

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

fn plain_app(lang: Lang) -> App {
    let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let mut app = App::new(Session::new(agenda), i18n::words(lang), Theme::default());
    app.plain = true;
    app.observe(at("09:55:00"));
    app
}

/// Presses the keys of `text` in their text form (`"n i Hallo<ret>"`), each after a pause,
/// then looks at what changed as the live loop does before a frame.
fn keys(app: &mut App, text: &str, now: &str) {
    for key in Key::parse_seq(text).unwrap() {
        app.update(Input::Quiet, at(now));
        app.key(key, at(now));
    }
    app.observe(at(now));
}

fn screen(app: &App, width: u16, height: u16, now: &str) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app, &view::ViewState::default(), at(now))).unwrap();
    terminal
}

fn text(app: &App, width: u16, height: u16, now: &str) -> String {
    screen(app, width, height, now).backend().to_string()
}

/// Box drawing (U+2500–U+257F) or block elements (U+2580–U+259F, what the big digits
/// are made of) anywhere in `shown`.
fn drawn_with_boxes(shown: &str) -> Option<char> {
    shown.chars().find(|c| ('\u{2500}'..='\u{259F}').contains(c))
}

#[test]
fn before_the_meeting_the_plain_screen_is_a_few_lines() {
    let app = plain_app(Lang::Nb);
    insta::assert_snapshot!(screen(&app, 80, 24, "09:55:00").backend());
}

#[test]
fn in_a_sak_at_80_percent_the_plain_screen_says_so() {
    let mut app = plain_app(Lang::Nb);
    keys(&mut app, "n n n n n", "10:20:00");
    keys(&mut app, "i Tydeliggjør<space>det<space>selvfølgelige <ret> <esc>", "10:21:00");
    app.observe(at("10:36:00"));
    insta::assert_snapshot!(screen(&app, 80, 24, "10:36:00").backend());
}

#[test]
fn the_plain_screen_in_english_with_the_editor_open() {
    let mut app = plain_app(Lang::En);
    keys(&mut app, "n n n n n", "10:20:00");
    keys(&mut app, "i Clear<space>text", "10:21:00");
    assert!(matches!(app.mode, Mode::Editor(_)));
    insta::assert_snapshot!(screen(&app, 80, 24, "10:21:05").backend());
}

#[test]
fn the_plain_help_and_a_narrow_terminal() {
    let mut app = plain_app(Lang::Nb);
    keys(&mut app, "n n n n n", "10:20:00");
    insta::assert_snapshot!("plain_at_40x12", screen(&app, 40, 12, "10:25:00").backend());
    keys(&mut app, "?", "10:25:00");
    insta::assert_snapshot!("plain_help", screen(&app, 80, 24, "10:25:00").backend());
}

/// No screen of the plain mode is drawn with boxes or big digits, at any size.
#[test]
fn no_plain_screen_draws_a_box() {
    let mut app = plain_app(Lang::Nb);
    keys(&mut app, "n n n n n", "10:20:00");
    for (keys_typed, closed_by) in [
        ("", ""),
        ("i Hei", "<esc>"),
        ("?", "<esc>"),
        ("m", "<esc>"),
        ("m /", "<esc> <esc>"),
        ("F", "<esc>"),
        ("B", "<esc>"),
        ("f", "<esc>"),
        ("a", "<esc>"),
        ("x", "<esc>"),
        ("i <C-p>", "<esc> <esc>"),
        ("<tab>", "<esc>"),
    ] {
        keys(&mut app, keys_typed, "10:30:00");
        for (w, h) in [(80, 24), (120, 40), (40, 12)] {
            let shown = text(&app, w, h, "10:30:00");
            assert_eq!(drawn_with_boxes(&shown), None, "after {keys_typed:?} at {w}x{h}:\n{shown}");
        }
        keys(&mut app, closed_by, "10:30:00");
    }
    app.plain = false;
    assert!(drawn_with_boxes(&text(&app, 80, 24, "10:30:00")).is_some(), "the usual screen has them");
}

/// Each change of state is said once, as a sentence, the newest last.
#[test]
fn every_change_of_state_is_said() {
    let mut app = plain_app(Lang::Nb);
    assert!(app.said.is_empty(), "the first look says nothing");
    keys(&mut app, "n", "10:00:00");
    assert_eq!(app.said.last().unwrap(), "Nå: Velkommen til møtet og presentasjonsrunde, tidsramme 4 min.");
    keys(&mut app, "n n n n", "10:20:00");
    assert_eq!(app.said.last().unwrap(), "Nå: 04/25 Normen 7.0, tidsramme 20 min.");
    app.observe(at("10:35:59"));
    assert_eq!(app.said.last().unwrap(), "Nå: 04/25 Normen 7.0, tidsramme 20 min.", "not yet 80 %");
    app.observe(at("10:36:00"));
    assert_eq!(app.said.last().unwrap(), "Advarsel: 80 % av tiden er brukt, 4 min igjen.");
    app.observe(at("10:37:00"));
    assert_eq!(app.said.last().unwrap(), "Advarsel: 80 % av tiden er brukt, 4 min igjen.", "said once");
    app.observe(at("10:40:01"));
    assert_eq!(app.said.last().unwrap(), "Tiden er ute: saken er over tidsrammen.");
    keys(&mut app, "i Ja <ret> <esc>", "10:41:00");
    assert_eq!(app.said.last().unwrap(), "Innspill lagret på 04/25 Normen 7.0.");
    keys(&mut app, "v", "10:42:00");
    assert_eq!(app.said.last().unwrap(), "Vedtak lagret på 04/25 Normen 7.0.");
    keys(&mut app, "p", "10:43:00");
    assert_eq!(app.said.last().unwrap(), "Klokka er stoppet.");
    keys(&mut app, "p", "10:44:00");
    assert_eq!(app.said.last().unwrap(), "Klokka går igjen.");
    app.saved = SaveState::Failed(Failure::Io("disken er full".into()));
    app.observe(at("10:45:00"));
    assert_eq!(app.said.last().unwrap(), "IKKE LAGRET: disken er full.");
    app.saved = SaveState::Saved;
    app.observe(at("10:46:00"));
    assert_eq!(app.said.last().unwrap(), "Alt er lagret igjen.");
    assert_eq!(app.said.len(), 3, "the last three are kept");
    let shown = text(&app, 80, 24, "10:46:00");
    let last = shown.lines().last().unwrap_or_default().trim_matches('"').trim_end();
    assert_eq!(last, "Sagt: Alt er lagret igjen.", "the last line:\n{shown}");
}

#[test]
fn every_change_of_state_is_said_in_english_too() {
    let mut app = plain_app(Lang::En);
    keys(&mut app, "n n n n n", "10:20:00");
    assert_eq!(app.said.last().unwrap(), "Now: 04/25 Normen 7.0, timebox 20 min.");
    app.observe(at("10:36:00"));
    assert_eq!(app.said.last().unwrap(), "Warning: 80 % of the time is used, 4 min left.");
    app.observe(at("10:41:00"));
    assert_eq!(app.said.last().unwrap(), "Time is up: the item is past its timebox.");
    keys(&mut app, "i Yes <ret> <esc>", "10:41:00");
    assert_eq!(app.said.last().unwrap(), "Comment filed on 04/25 Normen 7.0.");
}

/// A follow-up of an earlier meeting marked is said, with what became of it.
#[test]
fn a_follow_up_of_an_earlier_meeting_marked_is_said() {
    use crate::domain::previous::TakenUp;
    for (lang, done, unmarked) in [
        (
            Lang::Nb,
            "Fra tidligere møte, «Synspunkter på valgkomiteens retningslinjer, per e-post»: utført.",
            "ikke merket.",
        ),
        (
            Lang::En,
            "From an earlier meeting, \"Synspunkter på valgkomiteens retningslinjer, per e-post\": done.",
            "not marked.",
        ),
    ] {
        let mut app = plain_app(lang);
        let before = crate::referat::fixture::seed_session();
        app.session.record.previous =
            crate::domain::next::open_followups(&before).into_iter().map(TakenUp::from_open).collect();
        keys(&mut app, "F", "10:00:00");
        keys(&mut app, "d", "10:00:00");
        assert_eq!(app.said.last().unwrap(), done);
        keys(&mut app, "<bs>", "10:00:00");
        assert!(app.said.last().unwrap().ends_with(unmarked), "{:?}", app.said);
    }
}

/// The 80 % warning is a mark as well as a colour, on the usual screen too: without any
/// colour (`NO_COLOR`) it is still said.
#[test]
fn the_warning_is_not_said_by_colour_alone() {
    let mut app = plain_app(Lang::Nb);
    app.plain = false;
    app.theme = Theme::no_color();
    keys(&mut app, "n n n n n", "10:20:00");
    let before = text(&app, 80, 24, "10:35:00");
    assert!(before.contains("05:00 igjen") && !before.contains('⚠'), "{before}");
    let warned = text(&app, 80, 24, "10:36:00");
    assert!(warned.contains("⚠ 04:00 igjen"), "{warned}");
    app.plain = true;
    assert!(text(&app, 80, 24, "10:36:00").contains("⚠ 4 min igjen"));
}

/// Keys a user changed are the plain screen's too.
#[test]
fn the_plain_footer_shows_the_keys_in_effect() {
    let mut app = plain_app(Lang::Nb);
    app.keymap.rebind(
        crate::app::keymap::Context::Main,
        crate::app::keymap::Action::Next,
        vec![Key::new(Code::Char('n'), Mods::CONTROL)],
    );
    let shown = text(&app, 80, 24, "09:55:00");
    assert!(shown.contains("Ctrl+N neste"), "{shown}");
}

/// A question on the plain screen is its text, with no box and no title of its own.
/// The plain screen changes once a minute, not every second: nothing for a screen reader
/// to read while nothing happens.
#[test]
fn the_plain_screen_keeps_still_within_a_minute() {
    let mut app = plain_app(Lang::Nb);
    keys(&mut app, "n n n n n", "10:20:00");
    app.observe(at("10:31:01"));
    let first = text(&app, 80, 24, "10:31:01");
    assert!(first.contains("Nå: 04/25 Normen 7.0 · 11 min av 20 min · 9 min igjen"), "{first}");
    assert!(first.contains(" · 10:31 · lagret"), "{first}");
    for second in 2..60 {
        let now = format!("10:31:{second:02}");
        app.observe(at(&now));
        assert_eq!(text(&app, 80, 24, &now), first, "at {now}");
    }
    app.observe(at("10:41:00"));
    assert!(text(&app, 80, 24, "10:41:00").contains("21 min av 20 min · +1 min over"));
}

#[test]
fn a_plain_question_is_its_text() {
    let mut app = plain_app(Lang::En);
    keys(&mut app, "n n n n n x", "10:20:00");
    assert!(matches!(app.mode, Mode::Confirm(_)));
    let shown = text(&app, 80, 24, "10:20:00");
    let rows: Vec<&str> = shown.lines().map(|l| l.trim_matches('"').trim_end()).collect();
    let at = rows.iter().position(|r| r.starts_with(" on time")).unwrap();
    assert!(rows[at + 1].starts_with("Not dealt with yet: 05/25"), "{shown}");
    assert!(!shown.contains("?:"), "{shown}");
}

/// During a break that interrupted a sak, the next item named is the one `n` takes up.
#[test]
fn a_break_that_interrupted_a_sak_names_that_sak_next() {
    let mut app = plain_app(Lang::Nb);
    keys(&mut app, "n n n n n", "10:20:00");
    keys(&mut app, "b", "10:30:00");
    let shown = text(&app, 100, 24, "10:31:00");
    assert!(shown.contains("Neste: 04/25 Normen 7.0"), "{shown}");
    keys(&mut app, "b", "10:40:00");
    assert!(text(&app, 100, 24, "10:40:00").contains("Nå: 04/25 Normen 7.0"));
}
