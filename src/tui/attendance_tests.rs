//! The attendance screen at the speed of the room: the search line, the key counts, the
//! selection kept, returns, the vara in the quorum, the columns at 80 and 140. App core
//! key strings, `TestBackend`, frozen clock.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::app::key::Key;
use crate::app::roster::Search;
use crate::app::{App, Mode};
use crate::domain::agenda::Lang;
use crate::domain::attendance::{Absence, Attendance, Presence};
use crate::domain::session::Session;
use crate::domain::time::Stamp;
use crate::i18n;
use crate::store::agenda_file;
use crate::theme;

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

fn app_of(agenda: &str, lang: Lang) -> App {
    let agenda = agenda_file::parse(agenda).unwrap().agenda;
    let (theme, _) = theme::load(None, false);
    App::new(Session::new(agenda), i18n::words(lang), theme)
}

/// The seed meeting, started at 10:00 and walked to 04/25 by 10:20.
fn seed() -> App {
    let mut app = app_of(include_str!("../../agendas/normen-2025-06-03.ron"), Lang::Nb);
    keys(&mut app, "n n n n n", "10:20:00");
    app
}

/// Presses the keys of `text` in their text form ("/ h n <ret>"); how many.
fn keys(app: &mut App, text: &str, now: &str) -> usize {
    let keys = Key::parse_seq(text).unwrap();
    for &key in &keys {
        app.key(key, at(now));
    }
    keys.len()
}

fn screen(app: &App, width: u16, height: u16, now: &str) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app, &view::ViewState::default(), at(now))).unwrap();
    terminal.backend().to_string()
}

fn who(app: &App, name: &str) -> usize {
    app.session.agenda.people.iter().position(|p| p.name.as_deref() == Some(name)).unwrap()
}

/// A two-letter query whose best match is person `p`, if there is one.
fn two_letters_for(app: &App, p: usize) -> Option<String> {
    let letters = "abcdefghijklmnopqrstuvwxyzæøå";
    let mut search = Search::new(&app.session, 0);
    for a in letters.chars() {
        for b in letters.chars() {
            search.query = ratatui_textarea::TextArea::new(vec![format!("{a}{b}")]);
            search.refresh(&app.session);
            if search.picked() == Some(p) {
                return Some(format!("{a}{b}"));
            }
        }
    }
    None
}

#[test]
fn anyone_on_the_roster_is_marked_in_four_keys() {
    let mut app = seed();
    keys(&mut app, "m", "10:35:00");
    // The last row, a late arrival: `/`, two letters, Enter.
    let marie = who(&app, "Marie");
    assert_eq!(marie, app.session.agenda.people.len() - 1);
    assert_eq!(keys(&mut app, "/ m i <ret>", "10:35:00"), 4);
    assert_eq!(app.session.agenda.people[marie].attendance.presence, Presence::Present);
    assert_eq!(app.session.agenda.people[marie].attendance.arrived, Some(at("10:35:00")));
    assert!(matches!(app.mode, Mode::Attendance), "the search closes");
    assert_eq!(app.roster_selected, marie, "the one marked is selected");
    // Everyone else too: each has two letters that find them first.
    for p in 0..app.session.agenda.people.len() {
        let name = app.session.agenda.people[p].name.clone();
        let query = two_letters_for(&app, p).unwrap_or_else(|| panic!("no two letters find {name:?}"));
        let mut chars = query.chars();
        let typed = format!("/ {} {} <ret>", chars.next().unwrap(), chars.next().unwrap());
        assert_eq!(keys(&mut app, &typed, "10:40:00"), 4);
        assert_eq!(app.session.agenda.people[p].attendance.presence, Presence::Present, "{name:?} by {query}");
    }
    // Organisations find their people: "hn" is Helse Nord RHF.
    keys(&mut app, "/ h n <A-g>", "11:00:00");
    let ida = who(&app, "Ida-Kristin Martinussen");
    assert_eq!(app.session.agenda.people[ida].attendance.left, Some(at("11:00:00")), "Alt+g: left");
}

#[test]
fn the_search_narrows_the_list_and_esc_keeps_the_one_found() {
    let mut app = seed();
    keys(&mut app, "m / h e l s e", "10:21:00");
    let shown = screen(&app, 80, 24, "10:21:00");
    assert!(shown.contains("Søk: helse"), "{shown}");
    assert!(shown.contains("Helse Nord RHF") && shown.contains("Helse Vest RHF"), "{shown}");
    assert!(!shown.contains("Legeforeningen") && !shown.contains("Medlemmer"), "only who matches: {shown}");
    assert!(shown.contains("Enter til stede"), "the footer says what Enter does: {shown}");
    let Mode::RosterSearch(search) = &app.mode else { panic!("the search is open") };
    let second = search.shown[1];
    keys(&mut app, "<down> <esc>", "10:21:00");
    assert!(matches!(app.mode, Mode::Attendance));
    assert_eq!(app.roster_selected, second, "Esc leaves the one found selected");
    assert!(app.session.agenda.people.iter().all(|p| p.attendance.presence != Presence::Present), "none marked");
    // Then the screen's own keys act on them.
    keys(&mut app, "f", "10:21:00");
    assert_eq!(app.session.agenda.people[second].attendance.presence, Presence::Apologies);
}

#[test]
fn a_search_that_finds_no_one_says_so_and_marks_no_one() {
    for (lang, said) in
        [(Lang::Nb, "Ingen på lista passer til «zqx»"), (Lang::En, "No one on the roster matches \"zqx\"")]
    {
        let mut app = app_of(include_str!("../../agendas/normen-2025-06-03.ron"), lang);
        keys(&mut app, "n m", "10:05:00");
        app.take_changed();
        keys(&mut app, "/ z q x <ret> <A-g> <A-e>", "10:05:00");
        assert!(app.message.as_deref().is_some_and(|m| m.contains(said)), "{:?}", app.message);
        assert!(matches!(app.mode, Mode::RosterSearch(_)), "the search stays open to be corrected");
        assert!(app.session.agenda.people.iter().all(|p| p.attendance == Attendance::default()));
        assert!(!app.take_changed());
        // Backspace corrects: "p" finds someone (Enter: present, in the roll call).
        keys(&mut app, "<bs> <bs> <bs> p <ret>", "10:05:00");
        assert_eq!(app.session.agenda.people.iter().filter(|p| p.attendance.presence == Presence::Present).count(), 1);
    }
}

#[test]
fn the_selection_stays_where_it_was_when_the_screen_opens_again() {
    let mut app = seed();
    keys(&mut app, "m j j j j j <esc>", "10:21:00");
    let selected = app.roster_selected;
    assert_eq!(selected, 5);
    keys(&mut app, "n m", "10:25:00");
    assert!(matches!(app.mode, Mode::Attendance));
    keys(&mut app, "t", "10:25:00");
    assert_eq!(app.session.agenda.people[5].attendance.presence, Presence::Present, "t marks the one still selected");
    // A search opened there starts on them; one that was found is selected next time.
    keys(&mut app, "<esc> m / m i <ret> <esc> m", "10:26:00");
    assert_eq!(app.roster_selected, who(&app, "Marie"));
    // Someone added, selected, then taken away by undo: the first is selected, and shown so.
    keys(&mut app, "n K a r i <ret>", "10:27:00");
    assert_eq!(app.roster_selected, app.session.agenda.people.len() - 1);
    keys(&mut app, "z", "10:27:00");
    assert!(app.roster_selected >= app.session.agenda.people.len());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view::draw(f, &app, &view::ViewState::default(), at("10:28:00"))).unwrap();
    let first_row = (0..80).map(|x| terminal.backend().buffer()[(x, 3)].style().bg).collect::<Vec<_>>();
    assert!(app.theme.selected.bg.is_some() && first_row.iter().all(|bg| *bg == app.theme.selected.bg), "highlighted");
    keys(&mut app, "a", "10:28:00");
    assert_eq!(app.session.agenda.people[0].attendance.presence, Presence::Absent, "the one shown selected");
}

#[test]
fn someone_who_left_comes_back_and_the_times_say_so() {
    let mut app = seed();
    let ida = who(&app, "Ida-Kristin Martinussen");
    keys(&mut app, "m / h n <ret>", "10:21:00");
    keys(&mut app, "g", "11:00:00");
    keys(&mut app, "t", "12:15:00");
    let a = app.session.agenda.people[ida].attendance.clone();
    assert_eq!(a.absences, [Absence { left: at("11:00:00"), back: at("12:15:00") }]);
    assert_eq!(a.left, None, "g again does not erase the departure: t marked the return");
    keys(&mut app, "g", "13:00:00");
    keys(&mut app, "g", "13:30:00");
    assert_eq!(app.session.agenda.people[ida].attendance.absences.len(), 2, "g on someone who left: back");
    let shown = screen(&app, 120, 24, "13:30:00");
    assert!(shown.contains("Leder       borte 11:00–12:15 borte 13:00–13:30 "), "{shown}");
    let shown = screen(&app, 80, 24, "13:30:00");
    assert!(shown.contains("Leder       borte 11:00–12:15 borte…\""), "cut, and said to be: {shown}");
    // `e` shows every time, and takes them back corrected; out of order is refused.
    keys(&mut app, "e", "13:31:00");
    let Mode::Prompt(p) = &app.mode else { panic!("the times prompt") };
    assert_eq!(p.input.lines()[0], "- 11:00-12:15 13:00-13:30 -", "(marked in the roll call: no arrival)");
    keys(&mut app, "<bs> 1 0 : 0 0 <ret>", "13:31:00");
    let shown = screen(&app, 80, 24, "13:31:00");
    assert!(shown.contains("Klokkeslettene må komme i rekkefølge: kom, gikk, kom tilbake, gikk."), "{shown}");
    assert!(matches!(app.mode, Mode::Prompt(_)), "the prompt stays open");
    for _ in 0..5 {
        keys(&mut app, "<bs>", "13:31:00");
    }
    keys(&mut app, "1 4 : 0 0 <ret>", "13:31:00");
    let a = &app.session.agenda.people[ida].attendance;
    assert_eq!(a.left, Some(at("14:00:00")));
    assert_eq!(a.absences[1], Absence { left: at("13:00:00"), back: at("13:30:00") });
    assert!(matches!(app.mode, Mode::Attendance) && app.roster_selected == ida);
}

const SMALL: &str = r#"#![enable(implicit_some)]
Agenda(
    format: 1, title: "Styremøte", date: "2025-06-03", start: "10:00", end: "12:00", quorum: Majority,
    people: [
        (name: "Ida", org: "Helse Nord RHF", role: Chair),
        (name: "Pål", org: "FHI"),
        (name: "Vera Vara", org: "FHI", role: Deputy),
    ],
    items: [Sak(kind: Information, title: "Orientering", minutes: 30)],
)
"#;

#[test]
fn a_vara_counts_towards_the_quorum_only_for_a_member_away() {
    let mut app = app_of(SMALL, Lang::Nb);
    keys(&mut app, "n m A", "10:01:00");
    let shown = screen(&app, 80, 12, "10:01:00");
    assert!(shown.contains("til stede 3 (2 av 2 medlemmer) · vedtaksdyktig"), "{shown}");
    keys(&mut app, "j g", "10:30:00");
    let shown = screen(&app, 80, 12, "10:30:00");
    assert!(shown.contains("til stede 2 (2 av 2 medlemmer, 1 av dem vara) · vedtaksdyktig"), "{shown}");
    let mut en = app_of(SMALL, Lang::En);
    keys(&mut en, "n m A j g", "10:30:00");
    assert!(screen(&en, 80, 12, "10:30:00").contains("present 2 (2 of 2 members, 1 of them deputies)"));
}

#[test]
fn the_columns_use_the_width_there_is() {
    let mut app = seed();
    keys(&mut app, "m t j f j a j t", "10:21:00");
    keys(&mut app, "g", "11:00:00");
    keys(&mut app, "t", "12:15:00");
    keys(&mut app, "j j j j j j j j j j j j", "12:15:00");
    let wide = screen(&app, 140, 24, "12:15:00");
    for whole in
        ["Henrietta Richter Uitdenbogaardt", "Den offentlige tannhelsetjenesten", "Lars Erik Baugstø-Hartvigsen"]
    {
        assert!(wide.contains(whole), "{whole} whole at 140: {wide}");
    }
    insta::assert_snapshot!("attendance_at_140", wide);
    insta::assert_snapshot!("attendance_at_80", screen(&app, 80, 24, "12:15:00"));
    keys(&mut app, "/ h e l s e", "12:15:00");
    insta::assert_snapshot!("attendance_search_at_80", screen(&app, 80, 24, "12:15:00"));
    // Narrow screens keep the names and drop the role; tiny ones do not panic.
    let narrow = screen(&app, 40, 12, "12:15:00");
    assert!(narrow.contains("Helse") && !narrow.contains("Leder"), "{narrow}");
    screen(&app, 3, 3, "12:15:00");
}

/// The selected person's row is in the selection's colours whole: no name or
/// organisation in its own colour on the selection's background (unreadable in the dark
/// theme: near-white on light blue), in every built-in theme.
#[test]
fn the_selected_row_is_in_the_selection_s_colours_in_every_theme() {
    for name in theme::builtin_names() {
        let mut app = seed();
        app.theme = theme::Theme::builtin(name).unwrap();
        keys(&mut app, "m j", "10:21:00");
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|f| view::draw(f, &app, &view::ViewState::default(), at("10:21:00"))).unwrap();
        let buf = terminal.backend().buffer();
        let selected = app.theme.selected;
        let rows: Vec<u16> = (0..buf.area.height)
            .filter(|&y| (0..buf.area.width).filter(|&x| buf[(x, y)].bg == selected.bg.unwrap()).count() > 50)
            .collect();
        assert_eq!(rows.len(), 1, "{name}: one selected row");
        for x in 0..buf.area.width {
            let cell = &buf[(x, rows[0])];
            if cell.symbol().trim().is_empty() || cell.bg != selected.bg.unwrap() {
                continue;
            }
            assert_eq!(cell.fg, selected.fg.unwrap(), "{name}: {:?} at {x}", cell.symbol());
        }
    }
}
