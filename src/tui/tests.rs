//! Key sequences on the app, drawn on a `TestBackend` with a frozen clock.

use crate::app::key::{Code, Key, Mods};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::app::{App, Confirm, Input, Mode};
use crate::domain::agenda::{Item, Lang, SakKind};
use crate::domain::session::{ItemState, Session};
use crate::domain::time::Stamp;
use crate::i18n;
use crate::store::agenda_file;
use crate::theme;

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

fn app(lang: Lang) -> App {
    let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let (theme, _) = theme::load(None, false);
    App::new(Session::new(agenda), i18n::words(lang), theme)
}

/// Presses `keys` one at a time, each after a pause (not in a burst of typing).
fn press(app: &mut App, keys: &str, now: &str) {
    for c in keys.chars() {
        app.update(Input::Quiet, at(now));
        app.key(Key::new(Code::Char(c), Mods::NONE), at(now));
    }
}

fn key(app: &mut App, code: Code, now: &str) {
    app.update(Input::Quiet, at(now));
    app.key(Key::new(code, Mods::NONE), at(now));
}

fn screen(app: &mut App, width: u16, height: u16, now: &str) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app, &view::ViewState::default(), at(now))).unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

#[test]
fn before_the_meeting_the_saksliste_shows_the_plan() {
    let mut app = app(Lang::Nb);
    insta::assert_snapshot!(screen(&mut app, 80, 24, "09:55:00").backend());
}

#[test]
fn before_the_start_on_another_day_the_plan_is_shown_not_how_far_behind() {
    let mut app = app(Lang::Nb);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let another_day = Stamp::parse("2026-12-03 06:27:00").unwrap();
    terminal.draw(|f| view::draw(f, &app, &view::ViewState::default(), another_day)).unwrap();
    let shown = text(&terminal);
    assert!(shown.contains("planlagt tirsdag 03.06.25 10:00–15:00 · ikke i dag (i dag er 03.12.26)"), "{shown}");
    assert!(!shown.contains("plan ·") && !shown.contains("foran plan") && !shown.contains("etter plan"), "{shown}");
    // Once started, the meeting line is the meeting's.
    press(&mut app, "n", "10:00:00");
    let shown = text(&screen(&mut app, 100, 30, "10:05:00"));
    assert!(shown.contains("slutt ~") && !shown.contains("planlagt tirsdag"), "{shown}");
}

#[test]
fn walking_into_a_sak_shows_its_timer_and_the_projection() {
    let mut app = app(Lang::Nb);
    press(&mut app, "n", "10:00:00");
    press(&mut app, "n", "10:05:00");
    press(&mut app, "n", "10:08:00");
    press(&mut app, "n", "10:12:00");
    press(&mut app, "n", "10:24:00"); // 04/25 starts 4 minutes late
    assert_eq!(app.session.record.current, Some(4));
    assert!(app.take_changed());
    insta::assert_snapshot!(screen(&mut app, 80, 24, "10:31:15").backend());
}

#[test]
fn an_overrun_is_shown_in_the_overrun_colour() {
    let mut app = app(Lang::Nb);
    press(&mut app, "n", "10:00:00"); // Velkommen: 4 minutes
    let terminal = screen(&mut app, 80, 24, "10:06:30");
    let screen_text = text(&terminal);
    assert!(screen_text.contains("+02:30 over"), "{screen_text}");
    let buffer = terminal.backend().buffer();
    let row =
        (0..24).find(|&y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>().contains("+02:30")).unwrap();
    let x = (0..80).find(|&x| buffer[(x, row)].symbol() == "+").unwrap();
    assert_eq!(buffer[(x, row)].style().fg, app.theme.overrun.fg);
    assert!(screen_text.contains("2 min etter plan"), "{screen_text}");
}

#[test]
fn the_warning_colour_comes_at_80_percent() {
    let mut app = app(Lang::Nb);
    press(&mut app, "nnnnn", "10:20:00"); // 04/25: 20 minutes
    let terminal = screen(&mut app, 80, 24, "10:36:00");
    let buffer = terminal.backend().buffer();
    let found = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .any(|(x, y)| buffer[(x, y)].style().fg == app.theme.warning.fg && buffer[(x, y)].symbol() != " ");
    assert!(found, "{}", text(&terminal));
    assert!(text(&terminal).contains("04:00 igjen"));
}

#[test]
fn going_back_resumes_a_sak_in_the_same_record() {
    let mut app = app(Lang::Nb);
    press(&mut app, "nnnn", "10:00:00"); // 03/25 current
    press(&mut app, "n", "10:10:00"); // 04/25
    press(&mut app, "k", "10:15:00"); // select 03/25
    press(&mut app, "g", "10:15:00");
    assert_eq!(app.session.record.current, Some(3));
    press(&mut app, "n", "10:17:00"); // on to the next pending: 05/25, 04/25 is done
    assert_eq!(app.session.record.current, Some(5));
    assert_eq!(app.session.agenda.items[3].record().segments.len(), 2);
    assert_eq!(app.session.elapsed(3, at("10:30:00")), 10 * 60 + 2 * 60);
}

#[test]
fn pausing_the_clock_shows_it_stopped() {
    let mut app = app(Lang::Nb);
    press(&mut app, "n", "10:00:00");
    press(&mut app, "p", "10:01:00");
    let shown = text(&screen(&mut app, 80, 24, "10:03:00"));
    assert!(shown.contains("KLOKKA STÅR"), "{shown}");
    press(&mut app, "p", "10:03:00");
    assert_eq!(app.session.elapsed(0, at("10:04:00")), 2 * 60);
}

#[test]
fn a_break_starts_and_ends_with_b() {
    let mut app = app(Lang::Nb);
    press(&mut app, "n", "10:00:00");
    press(&mut app, "b", "10:30:00");
    assert_eq!(app.session.agenda.items[app.session.record.current.unwrap()].title(), "Pause");
    // The break interrupted the welcome round, with 01/25 still to come: its end takes the
    // welcome round up again (the planned pause at 11:00 is not jumped to).
    press(&mut app, "b", "10:45:00");
    assert_eq!(
        app.session.agenda.items[app.session.record.current.unwrap()].title(),
        "Velkommen til møtet og presentasjonsrunde"
    );
    press(&mut app, "n", "10:50:00");
    assert_eq!(
        app.session.agenda.items[app.session.record.current.unwrap()].title(),
        "Godkjenning av innkalling og dagsorden"
    );
}

#[test]
fn closing_with_saker_not_yet_treated_says_which_and_asks() {
    let mut app = app(Lang::Nb);
    press(&mut app, "nn", "10:00:00"); // 01/25 under way
    press(&mut app, "x", "10:10:00");
    let shown = text(&screen(&mut app, 100, 30, "10:10:00"));
    assert!(shown.contains("Ikke behandlet ennå: 02/25, 03/25, 04/25"), "{shown}");
    press(&mut app, "n", "10:10:00");
    assert!(app.session.is_running(), "no: the meeting goes on");
}

#[test]
fn adding_a_sak_takes_a_title_and_a_kind_and_the_next_number() {
    let mut app = app(Lang::Nb);
    press(&mut app, "nnnnn", "10:20:00"); // 04/25 current and selected
    press(&mut app, "a", "10:25:00");
    key(&mut app, Code::Enter, "10:25:00");
    assert!(matches!(app.mode, Mode::Prompt(_)), "an empty title is not accepted");
    let shown = text(&screen(&mut app, 80, 24, "10:25:00"));
    assert!(shown.contains("Skriv en tittel"), "{shown}");
    press(&mut app, "Innspill fra Helse Vest", "10:25:00");
    key(&mut app, Code::Tab, "10:25:00");
    insta::assert_snapshot!(screen(&mut app, 80, 24, "10:25:00").backend());
    key(&mut app, Code::Enter, "10:25:00");
    let Item::Sak(sak) = &app.session.agenda.items[5] else { panic!("not a sak") };
    assert_eq!(sak.title, "Innspill fra Helse Vest");
    assert_eq!(sak.kind, SakKind::Discussion);
    assert_eq!(sak.number.map(|n| n.to_string()), Some("16/25".into()));
    assert_eq!(app.selected, 5);
    assert_eq!(app.session.record.current, Some(4), "the current sak stays current");
}

#[test]
fn editing_title_and_timebox_with_a_bad_number_explained() {
    let mut app = app(Lang::Nb);
    press(&mut app, "jjjjj", "10:00:00"); // select 05/25
    press(&mut app, "t", "10:00:00");
    for _ in 0..3 {
        key(&mut app, Code::Backspace, "10:00:00");
    }
    press(&mut app, "tjue", "10:00:00");
    key(&mut app, Code::Enter, "10:00:00");
    let shown = text(&screen(&mut app, 80, 24, "10:00:00"));
    assert!(shown.contains("«tjue» er ikke et antall minutter"), "{shown}");
    for _ in 0..4 {
        key(&mut app, Code::Backspace, "10:00:00");
    }
    press(&mut app, "25", "10:00:00");
    key(&mut app, Code::Enter, "10:00:00");
    assert_eq!(app.schedule.slots[5].minutes, 25);
    press(&mut app, "e", "10:00:00");
    press(&mut app, " – forenkling", "10:00:00");
    key(&mut app, Code::Esc, "10:00:00");
    assert!(!app.session.agenda.items[5].title().ends_with("forenkling"), "Esc throws the edit away");
    press(&mut app, "e", "10:00:00");
    press(&mut app, "!", "10:00:00");
    key(&mut app, Code::Enter, "10:00:00");
    assert!(app.session.agenda.items[5].title().ends_with("innhold!"));
}

#[test]
fn moving_postponing_and_withdrawing_saker() {
    let mut app = app(Lang::Nb);
    press(&mut app, "jjjj", "10:00:00"); // 04/25
    app.key(Key::new(Code::Down, Mods::SHIFT), at("10:00:00"));
    assert_eq!(app.session.agenda.items[5].title(), "Normen 7.0");
    assert_eq!(app.selected, 5);
    press(&mut app, "K", "10:00:00");
    assert_eq!(app.session.agenda.items[4].title(), "Normen 7.0");
    press(&mut app, "u", "10:00:00");
    assert_eq!(app.session.agenda.items[4].record().state, ItemState::Postponed);
    press(&mut app, "jw", "10:00:00");
    assert_eq!(app.session.agenda.items[5].record().state, ItemState::Withdrawn);
    press(&mut app, "j", "10:00:00"); // the pause
    press(&mut app, "u", "10:00:00");
    assert_eq!(app.message.as_deref(), Some("Bare saker kan utsettes, trekkes eller få vedtak, ikke pauser."));
    insta::assert_snapshot!(screen(&mut app, 80, 24, "10:00:00").backend());
}

#[test]
fn quitting_a_running_meeting_asks_first() {
    let mut app = app(Lang::Nb);
    press(&mut app, "q", "09:50:00");
    assert!(app.quit, "before the meeting q quits at once");
    let mut app = self::app(Lang::Nb);
    press(&mut app, "nq", "10:00:00");
    assert!(matches!(app.mode, Mode::Confirm(Confirm::Quit)));
    assert!(text(&screen(&mut app, 80, 24, "10:00:00")).contains("Avslutte programmet?"));
    press(&mut app, "n", "10:00:00");
    assert!(!app.quit && matches!(app.mode, Mode::Normal));
    press(&mut app, "qj", "10:00:00");
    assert!(app.quit);
    let mut app = self::app(Lang::Nb);
    press(&mut app, "n", "10:00:00");
    app.key(Key::new(Code::Char('c'), Mods::CONTROL), at("10:00:00"));
    assert!(app.quit, "Ctrl+C quits at once: everything is saved already");
}

#[test]
fn closing_the_meeting_records_its_end() {
    let mut app = app(Lang::Nb);
    press(&mut app, "x", "09:00:00");
    assert_eq!(app.message.as_deref(), Some("Møtet har ikke startet: trykk n for å starte."));
    press(&mut app, "n", "10:00:00");
    press(&mut app, "x", "14:58:00");
    press(&mut app, "j", "14:58:00");
    assert_eq!(app.session.record.ended, Some(at("14:58:00")));
    let shown = text(&screen(&mut app, 80, 24, "15:01:00"));
    assert!(shown.contains("Møtet ble avsluttet kl. 14:58"), "{shown}");
}

#[test]
fn help_is_written_from_the_keymap() {
    let mut app = app(Lang::Nb);
    press(&mut app, "?", "10:00:00");
    insta::assert_snapshot!(screen(&mut app, 80, 24, "10:00:00").backend());
    let every = crate::app::keymap::Context::ALL.into_iter().flat_map(crate::app::keymap::bindings);
    for b in every {
        let description = (app.words.action)(b.action);
        let shown = (0..120).any(|scroll| {
            app.help_scroll = scroll;
            // (Wide enough that no description wraps: narrow help is tested in view::overlay.)
            text(&screen(&mut app, 120, 24, "10:00:00")).contains(description)
        });
        assert!(shown, "{description} is not in the help");
    }
    key(&mut app, Code::Esc, "10:00:00");
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn english_on_request() {
    let mut app = app(Lang::En);
    press(&mut app, "nnnnn", "10:20:00");
    insta::assert_snapshot!(screen(&mut app, 80, 24, "10:43:00").backend());
}

#[test]
fn small_terminals_stay_usable_and_tiny_ones_do_not_panic() {
    let mut app = app(Lang::Nb);
    press(&mut app, "nnnnn", "10:20:00");
    insta::assert_snapshot!(screen(&mut app, 40, 12, "10:25:00").backend());
    for (w, h) in [(1, 1), (10, 3), (20, 5), (39, 11), (200, 60)] {
        screen(&mut app, w, h, "10:25:00");
        press(&mut app, "?", "10:25:00");
        screen(&mut app, w, h, "10:25:00");
        key(&mut app, Code::Esc, "10:25:00");
        press(&mut app, "a", "10:25:00");
        screen(&mut app, w, h, "10:25:00");
        key(&mut app, Code::Esc, "10:25:00");
    }
}

#[test]
fn pasted_text_goes_into_the_prompt_on_one_line() {
    let mut app = app(Lang::Nb);
    press(&mut app, "a", "10:00:00");
    app.paste("Sak fra\nHelse Nord", at("10:00:00"));
    key(&mut app, Code::Enter, "10:00:00");
    assert_eq!(app.session.agenda.items[1].title(), "Sak fra Helse Nord");
}

/// The key table of the README, as the keymap writes it.
fn key_table(lang: Lang) -> String {
    let w = i18n::words(lang);
    let mut out = String::from("| key | what it does |\n|---|---|\n");
    for b in crate::app::keymap::bindings(crate::app::keymap::Context::Main) {
        let keys: Vec<String> = crate::app::keymap::keys_label(b.keys).split(' ').map(|k| format!("`{k}`")).collect();
        out += &format!("| {} | {} |\n", keys.join(" "), (w.action)(b.action));
    }
    out
}

#[test]
fn the_readme_key_table_is_the_keymap() {
    let readme = include_str!("../../README.md");
    let table = key_table(Lang::En);
    assert!(readme.contains(&table), "README.md should contain this key table:\n{table}");
}

#[test]
fn a_long_message_is_shown_whole() {
    let mut app = app(Lang::Nb);
    let (_, problem) = theme::load(Some("finnes-ikke"), false);
    app.message = problem.map(|p| (app.words.theme_problem)(&p));
    let shown = text(&screen(&mut app, 80, 24, "10:00:00"));
    assert!(shown.contains("Fant verken et innebygd tema eller en temafil som heter «finnes-ikke»"), "{shown}");
    assert!(shown.contains("Bruker standardtemaet."), "{shown}");
}

#[test]
fn sak_numbers_past_99_are_shown_whole() {
    let session = crate::cli::demo::session(120, 240).unwrap();
    let (theme, _) = theme::load(None, false);
    let mut app = App::new(session, i18n::words(Lang::Nb), theme);
    let shown = text(&screen(&mut app, 100, 30, "21:00:00"));
    let current = app.session.agenda.sak_numbers()[app.session.record.current.unwrap()].unwrap().to_string();
    assert_eq!(current.len(), 6, "{current}");
    assert!(shown.contains(&format!("▶ {current} ")), "{shown}");
}

#[test]
fn a_failing_save_is_shown_and_saving_elsewhere_is_asked_of_the_shell() {
    use crate::app::key::{Key, Mods};
    use crate::app::{Effects, Input};
    use crate::store::autosave::{Failure, SaveState};
    let mut app = app(Lang::Nb);
    app.elsewhere = "/hjem/møte.session.ron".into();
    app.saved = SaveState::Failed(Failure::Io("disken er full".into()));
    let shown = text(&screen(&mut app, 100, 24, "10:00:00"));
    assert!(shown.contains("● IKKE LAGRET: disken er full"), "{shown}");
    assert!(shown.contains("Sesjonen blir ikke lagret (disken er full)"), "{shown}");
    assert!(shown.contains("Ctrl+S:") && shown.contains("lagre et annet sted"), "{shown}");
    let ctrl_s = Input::Key(Key::new(Code::Char('s'), Mods::CONTROL));
    assert_eq!(app.update(ctrl_s, at("10:00:00")), Effects::default());
    let shown = text(&screen(&mut app, 100, 24, "10:00:00"));
    assert!(shown.contains("Lagre sesjonen et annet sted (fil eller mappe)"), "{shown}");
    assert!(shown.contains("/hjem/møte.session.ron"), "the place offered: {shown}");
    // Enter on an empty line asks for the place offered; the prompt waits for the answer.
    let enter = Input::Key(Key::new(Code::Enter, Mods::NONE));
    let effects = app.update(enter.clone(), at("10:00:00"));
    assert_eq!(effects.save_elsewhere.as_deref(), Some("/hjem/møte.session.ron"));
    app.moved(Err(Failure::Io("ingen slik mappe".into())));
    let shown = text(&screen(&mut app, 100, 24, "10:00:00"));
    assert!(shown.contains("Kan ikke lagre der: ingen slik mappe"), "{shown}");
    assert!(matches!(app.mode, Mode::Prompt(_)), "still asking");
    press(&mut app, "/tmp", "10:00:00");
    assert_eq!(app.update(enter, at("10:00:00")).save_elsewhere.as_deref(), Some("/tmp"));
    app.moved(Ok("/tmp/møte.session.ron".into()));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.saved, SaveState::Saved);
    assert!(text(&screen(&mut app, 100, 24, "10:00:00")).contains("Lagret i /tmp/møte.session.ron"));
}

#[test]
fn a_timebox_of_more_than_99_minutes_shows_whole() {
    let mut app = app(Lang::Nb);
    press(&mut app, "jjjjt", "09:50:00");
    keys_text(&mut app, "<C-u>105<ret>", "09:50:00");
    let shown = text(&screen(&mut app, 100, 30, "09:50:00"));
    assert!(shown.contains("105 min Beslutn.  Normen 7.0"), "{shown}");
}

/// Presses keys in their text form, each after a pause.
fn keys_text(app: &mut App, keys: &str, now: &str) {
    for k in Key::parse_seq(keys).unwrap() {
        app.update(Input::Quiet, at(now));
        app.key(k, at(now));
    }
}

#[test]
fn ctrl_u_clears_the_line_of_a_prompt_a_search_and_a_form_field() {
    let mut app = app(Lang::Nb);
    keys_text(&mut app, "a Feil<space>tittel<C-u>Riktig<ret>", "09:50:00");
    assert_eq!(app.session.agenda.items[1].title(), "Riktig");
    keys_text(&mut app, "n i <C-p> hn <C-u>", "10:00:00");
    let Mode::Picker(picker) = &app.mode else { panic!("the picker is open") };
    assert_eq!((picker.query_text(), picker.shown.len()), (String::new(), picker.choices.len()));
    keys_text(&mut app, "<esc> <esc> f Noe<C-u>Oppgave<ret>", "10:01:00");
    assert_eq!(app.session.followups().first().map(|(_, _, f)| f.what.as_str()), Some("Oppgave"));
}

#[test]
fn each_prompt_s_footer_shows_the_keys_it_takes() {
    let mut app = app(Lang::Nb);
    press(&mut app, "a", "09:50:00");
    assert!(text(&screen(&mut app, 100, 30, "09:50:00")).contains("type/rolle"), "a new sak has a kind");
    keys_text(&mut app, "<esc> n jjjj v s", "10:00:00");
    let votes = text(&screen(&mut app, 100, 30, "10:00:00"));
    assert!(votes.contains("Ctrl+U tøm") && !votes.contains("type/rolle"), "votes have no kind or role:\n{votes}");
    keys_text(&mut app, "<esc> V", "10:01:00");
    let vedtak = text(&screen(&mut app, 100, 30, "10:01:00"));
    let footer = vedtak.lines().last().unwrap_or_default();
    assert!(footer.contains("Enter lagre ") && footer.contains("Esc lukk"), "{footer}");
    assert!(!footer.contains("Tab") && !footer.contains("Ctrl+P"), "no note kind or speaker on a vedtak: {footer}");
}

#[test]
fn the_close_question_spells_sluttiden() {
    let mut app = app(Lang::Nb);
    press(&mut app, "nx", "10:00:00");
    let shown = text(&screen(&mut app, 100, 30, "10:00:00"));
    assert!(shown.contains("Sluttiden føres") && !shown.contains("Slutttiden"), "{shown}");
}

#[test]
fn the_sak_s_background_can_be_read_live_and_scrolled() {
    let mut app = app(Lang::Nb);
    press(&mut app, "njjjj", "10:20:00");
    let main = text(&screen(&mut app, 100, 30, "10:20:00"));
    assert!(main.contains("Nå: Orienteringssak · Bakgrunn (B) ──"), "{main}");
    press(&mut app, "B", "10:20:00");
    assert!(matches!(app.mode, Mode::Sak { scroll: 0 }));
    let papers = text(&screen(&mut app, 80, 14, "10:20:00"));
    assert!(papers.contains("04/25 Normen 7.0") && papers.contains("- Kamp. 1.3 Hvem gjelder Normen for?"), "{papers}");
    assert!(!papers.contains("Eventuelle endringer godkjennes"), "the end is further down:\n{papers}");
    press(&mut app, &"j".repeat(40), "10:20:00");
    let scrolled = text(&screen(&mut app, 80, 14, "10:20:00"));
    assert!(scrolled.contains("Eventuelle endringer godkjennes pr. epost"), "{scrolled}");
    press(&mut app, "k", "10:20:00");
    assert!(matches!(app.mode, Mode::Sak { .. }), "k scrolls back up");
    press(&mut app, "B", "10:20:00");
    assert!(matches!(app.mode, Mode::Normal), "B again closes it");
}

#[test]
fn running_behind_the_screen_says_what_to_cut_and_c_cuts_it() {
    let mut app = app(Lang::Nb);
    press(&mut app, "c", "09:55:00");
    assert_eq!(app.message.as_deref(), Some("Møtet ligger ikke etter planen: ingenting å ta igjen."));
    press(&mut app, "n", "10:00:00");
    // The welcome round takes 20 minutes instead of 4: 16 behind.
    press(&mut app, "n", "10:20:00");
    let (plan_before, schedule_before) = (app.session.agreed_plan(), app.schedule.clone());
    let shown = text(&screen(&mut app, 120, 30, "10:20:30"));
    assert!(shown.contains("16 min etter plan"), "{shown}");
    assert!(shown.contains("slutt ~15:16 (plan 15:00) · 0 til stede · ikke vedtaksdyktig · c: ta igjen"), "{shown}");
    assert!(shown.contains("→"), "the cuts in the saksliste: {shown}");
    press(&mut app, "c", "10:20:30");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("kortet ned med 16 min: møtet kan slutte i tide"), "{message}");
    let p = app.session.projection(&app.schedule, at("10:20:30"));
    assert!(p.end <= p.planned_end, "ends on time: {} against {}", p.end.hm(), p.planned_end.hm());
    assert_eq!(app.session.catch_up(&app.schedule, at("10:20:30"), false), None, "nothing more to cut");
    // The breaks are kept; the plan the referat prints is the plan as it stood.
    for (i, item) in app.session.agenda.items.iter().enumerate() {
        if matches!(item, Item::Break(_)) {
            assert_eq!(app.schedule.slots[i].minutes, schedule_before.slots[i].minutes, "{i}: a break keeps its time");
        }
    }
    assert_eq!(app.session.agreed_plan(), plan_before);
    // One step, undone as one.
    press(&mut app, "z", "10:21:00");
    assert_eq!(app.message.as_deref(), Some("Angret."));
    assert_eq!(app.schedule, schedule_before, "the timeboxes as they were");
}

#[test]
fn once_the_saker_can_give_no_more_c_shortens_the_breaks() {
    let mut app = app(Lang::En);
    press(&mut app, "n", "10:00:00");
    // The welcome round takes until 14:00: four hours behind.
    press(&mut app, "n", "14:00:00");
    press(&mut app, "c", "14:00:00");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("The timeboxes still to come are"), "{message}");
    let shown = text(&screen(&mut app, 120, 30, "14:00:00"));
    assert!(shown.contains("c: catch up") && shown.contains("with shorter breaks"), "{shown}");
    press(&mut app, "c", "14:00:00");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("The breaks are") && message.contains("over even so"), "{message}");
    let breaks: Vec<u32> = (0..app.session.agenda.items.len())
        .filter(|&i| matches!(app.session.agenda.items[i], Item::Break(_)))
        .map(|i| app.schedule.slots[i].minutes)
        .collect();
    assert_eq!(breaks, [5, 5], "each break at its floor");
    let shown = text(&screen(&mut app, 120, 30, "14:00:00"));
    assert!(shown.contains("min over: nothing left to shorten"), "{shown}");
    press(&mut app, "c", "14:00:00");
    assert!(
        app.message.as_deref().is_some_and(|m| m.ends_with("min over: nothing left to shorten")),
        "{:?}",
        app.message
    );
}

/// The light theme sets its background on every cell of every screen, so that it reads
/// the same in a dark terminal as in a light one.
#[test]
fn the_light_theme_paints_every_cell() {
    let mut app = app(Lang::Nb);
    app.theme = theme::Theme::builtin("light").unwrap();
    press(&mut app, "nnnnn", "10:20:00");
    for keys in ["", "i", "\u{1b}", "?", "\u{1b}", "m", "\u{1b}", "F", "\u{1b}", "B"] {
        for c in keys.chars() {
            let code = if c == '\u{1b}' { Code::Esc } else { Code::Char(c) };
            key(&mut app, code, "10:21:00");
        }
        let terminal = screen(&mut app, 80, 24, "10:21:00");
        let buf = terminal.backend().buffer();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let bg = buf[(x, y)].bg;
                assert!(bg != ratatui::style::Color::Reset, "after {keys:?}: no background at {x},{y}");
            }
        }
    }
}

/// Overridden keys are the ones the keys answer to, the footer shows and the help lists.
#[test]
fn the_footer_and_the_help_show_overridden_keys() {
    let mut app = app(Lang::En);
    app.keymap = crate::cli::keys_file::apply(
        "{ \"main\": { \"next\": \"<C-n>\", \"help\": \"<F2>\" } }",
        &crate::app::keymap::Keymap::default(),
    )
    .unwrap();
    let footer = |app: &mut App| text(&screen(app, 100, 24, "10:00:00")).lines().last().unwrap_or_default().to_string();
    let shown = footer(&mut app);
    assert!(shown.contains("Ctrl+N ") && shown.contains("F2 "), "{shown}");
    assert!(!shown.contains(" n "), "{shown}");
    assert_eq!(app.keymap.action(crate::app::keymap::Context::Main, Key::char('n')), None, "n is no longer next");
    app.update(Input::Quiet, at("10:00:00"));
    app.key(Key::new(Code::Char('n'), Mods::CONTROL), at("10:00:00"));
    assert_eq!(app.session.record.started, Some(at("10:00:00")));
    key(&mut app, Code::F(2), "10:00:01");
    assert!(matches!(app.mode, Mode::Help));
    let help = text(&screen(&mut app, 100, 40, "10:00:01"));
    assert!(help.contains("Ctrl+N  ") && help.contains("F2  "), "{help}");
}
