//! Key sequences for capturing a meeting: notes, speakers, phrases, vedtak, oppfølging,
//! attendance, undo. `TestBackend`, frozen clock.

use crate::app::key::{Code, Key, Mods};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::app::{App, Input, Mode};
use crate::domain::agenda::{Lang, Quorum, Role};
use crate::domain::attendance::Presence;
use crate::domain::notes::NoteKind;
use crate::domain::session::Session;
use crate::domain::time::Stamp;
use crate::domain::vedtak::Outcome;
use crate::i18n;
use crate::store::agenda_file;
use crate::theme;

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

/// The seed meeting, started at 10:00 and walked to 04/25 (Normen 7.0) at 10:20.
fn at_04_25() -> App {
    let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let (theme, _) = theme::load(None, false);
    let mut app = App::new(Session::new(agenda), i18n::words(Lang::Nb), theme);
    typed(&mut app, "nnnnn", "10:20:00");
    assert_eq!(app.session.record.current, Some(4));
    app
}

/// Types `text` a key at a time, each after a pause (see `burst` for keys in one breath).
fn typed(app: &mut App, text: &str, now: &str) {
    for c in text.chars() {
        app.update(Input::Quiet, at(now));
        app.key(Key::new(Code::Char(c), Mods::NONE), at(now));
    }
}

/// Presses the keys of `text` in their text form ("<tab> e", "Hallo<ret>").
/// Each after a pause, as a person presses commands (see `burst` for keys in one breath).
fn keys(app: &mut App, text: &str, now: &str) {
    for key in Key::parse_seq(text).unwrap() {
        app.update(Input::Quiet, at(now));
        app.key(key, at(now));
    }
}

fn key(app: &mut App, code: Code, now: &str) {
    app.update(Input::Quiet, at(now));
    app.key(Key::new(code, Mods::NONE), at(now));
}

fn ctrl(app: &mut App, c: char, now: &str) {
    app.key(Key::new(Code::Char(c), Mods::CONTROL), at(now));
}

fn screen(app: &mut App, now: &str) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view::draw(f, app, &view::ViewState::default(), at(now))).unwrap();
    terminal.backend().to_string()
}

#[test]
fn changing_a_note_while_another_is_half_written_opens_the_half_written_one() {
    // A crash left a note half written on 04/25 (the editor closed, its draft kept).
    let mut app = at_04_25();
    keys(&mut app, "i Første<ret><esc>", "10:21:00");
    app.session.open_draft(4, at("10:22:00")).unwrap();
    app.session.draft_mut(4).unwrap().note.text = "Halvskrevet".into();
    keys(&mut app, "<tab> e", "10:23:00");
    let Mode::Editor(editor) = &app.mode else { panic!("an editor is open") };
    assert_eq!(editor.text(), "Halvskrevet", "the half-written note, not the one chosen");
    assert_eq!(app.session.agenda.items[4].record().notes().next().unwrap().text, "Første");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("gjør det ferdig")), "{:?}", app.message);
}

#[test]
fn a_decision_is_changed_and_removed_from_the_timeline_later() {
    let mut app = at_04_25();
    keys(&mut app, "i Først<ret><esc> v", "10:30:00");
    let record = |app: &App| app.session.agenda.items[4].record().clone();
    assert_eq!(record(&app).entries.len(), 2, "a note, then the vedtak");
    // The timeline opens on its newest entry: the vedtak.
    keys(&mut app, "<tab> e", "10:31:00");
    let Mode::Editor(_) = &app.mode else { panic!("the vedtak in the editor: {:?}", app.message) };
    keys(&mut app, "<end><space>Med<space>endret<space>begrepsbruk.<ret>", "10:32:00");
    assert!(matches!(app.mode, Mode::Notes), "back among the notes");
    let d = record(&app).decisions().next().unwrap().clone();
    assert!(d.text.ends_with("Med endret begrepsbruk."), "{}", d.text);
    assert_eq!((d.outcome, d.at), (Outcome::AdoptedAmended, at("10:30:00")), "amended now, and said when it was");
    assert_eq!(record(&app).entries.len(), 2, "changed, not added");
    assert!(record(&app).vedtak_draft.is_none());
    keys(&mut app, "x", "10:33:00");
    assert!(record(&app).last_decision().is_none());
    assert_eq!(app.message.as_deref(), Some("Vedtaket er slettet (z angrer)."));
    keys(&mut app, "z", "10:34:00");
    assert!(record(&app).last_decision().is_some(), "undone");
}

#[test]
fn the_outcome_of_a_decision_chosen_in_the_timeline_is_set() {
    let mut app = at_04_25();
    keys(&mut app, "d Beslutning<space>kap.<space>1.3<ret> Uforandret.<ret> v", "10:30:00");
    // The timeline opens on the vedtak; one up is the partial decision.
    keys(&mut app, "<tab> <up> o ikke<ret>", "10:31:00");
    assert!(matches!(app.mode, Mode::Notes), "back in the timeline");
    let outcomes: Vec<Outcome> = app.session.agenda.items[4].record().decisions().map(|d| d.outcome).collect();
    assert_eq!(outcomes, [Outcome::Rejected, Outcome::Adopted], "the chosen one, not the last");
}

#[test]
fn votes_that_do_not_add_up_are_warned_about_and_kept() {
    let mut app = at_04_25();
    keys(&mut app, "v s 9<space>2<space>1<ret>", "10:30:00");
    assert!(
        app.message.as_deref().is_some_and(|m| m.contains("12 stemmer, men bare 0 stemmeberettigede")),
        "{:?}",
        app.message
    );
    keys(&mut app, "m A <esc> s 2<space>9<ret>", "10:31:00");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("vedtatt med 9 mot og bare 2 for")), "{:?}", app.message);
    let d = app.session.agenda.items[4].record().decisions().next().unwrap().clone();
    assert_eq!(d.votes.map(|v| (v.in_favour, v.against)), Some((2, 9)), "kept: a warning, not a block");
}

#[test]
fn the_votes_of_a_decision_chosen_in_the_timeline_are_set_and_corrected() {
    let mut app = at_04_25();
    keys(&mut app, "d Beslutning<space>kap.<space>1.3<ret> Uforandret.<ret> v", "10:30:00");
    // The partial decision, one up from the vedtak, gets its votes; then they are corrected.
    keys(&mut app, "<tab> <up> s 5<space>1<ret>", "10:31:00");
    assert!(matches!(app.mode, Mode::Notes), "back in the timeline");
    keys(&mut app, "s", "10:32:00");
    let Mode::Prompt(p) = &app.mode else { panic!("the votes prompt") };
    assert_eq!(p.input.lines(), ["5 1 0"], "the votes it has, to be corrected");
    keys(&mut app, "6<space>0<ret> <esc>", "10:33:00");
    let votes: Vec<Option<(u32, u32)>> =
        app.session.agenda.items[4].record().decisions().map(|d| d.votes.map(|v| (v.in_favour, v.against))).collect();
    assert_eq!(votes, [Some((6, 0)), None], "the chosen one, not the last");
}

#[test]
fn a_late_arrival_is_a_line_in_the_timeline_moved_like_a_note_and_corrected_in_attendance() {
    let mut app = at_04_25();
    keys(&mut app, "i Først.<ret> <esc>", "10:25:00");
    // The first on the roster comes in at 10:30: marked present (t) in attendance.
    keys(&mut app, "m t <esc>", "10:30:00");
    let came = app.session.agenda.people.iter().find(|p| p.attendance.arrived.is_some()).expect("an arrival");
    let name = came.name.clone().unwrap_or_default();
    keys(&mut app, "<tab>", "10:31:00");
    let shown = screen(&mut app, "10:31:00");
    assert!(shown.contains(&format!("{name} kom kl. 10:30.")), "{shown}");
    // Moved above the note; neither changed nor deleted here.
    keys(&mut app, "K x", "10:31:00");
    assert!(
        app.message.as_deref().is_some_and(|m| m.starts_with("Kom og gikk rettes i oppmøtet (m)")),
        "{:?}",
        app.message
    );
    let record = app.session.agenda.items[4].record();
    assert!(
        matches!(record.entries[0], crate::domain::timeline::Entry::Presence(_)),
        "moved first: {:?}",
        record.entries
    );
    assert_eq!(record.entries.len(), 2, "nothing deleted");
}

#[test]
fn a_paste_from_powerpoint_keeps_its_line_breaks_and_drops_control_characters() {
    let mut app = at_04_25();
    keys(&mut app, "i", "10:21:00");
    app.update(crate::app::Input::Paste("Første\u{b}andre\r\ntredje\u{1}\u{1b}[2J".into()), at("10:21:05"));
    let draft = app.session.agenda.items[4].record().draft.clone().unwrap();
    assert_eq!(draft.note.text, "Første\nandre\ntredje[2J");
}

#[test]
fn a_heading_opens_a_group_of_notes() {
    let mut app = at_04_25();
    keys(
        &mut app,
        "i <tab><tab><tab>Innspill<space>og<space>kommentarer<space>fra<space>SG<space>(kap.<space>1.3):<ret>",
        "10:21:00",
    );
    keys(&mut app, "Riktig<space>tekst.<ret><esc>", "10:22:00");
    let notes: Vec<_> = app.session.agenda.items[4].record().notes().map(|n| (n.kind, n.text.clone())).collect();
    assert_eq!(
        notes,
        [
            (NoteKind::Heading, "Innspill og kommentarer fra SG (kap. 1.3):".to_string()),
            (NoteKind::Comment, "Riktig tekst.".to_string())
        ],
        "Enter starts the next note as a comment"
    );
}

#[test]
fn a_stream_of_notes_is_typed_back_to_back_with_kinds() {
    let mut app = at_04_25();
    typed(&mut app, "i", "10:21:00");
    typed(&mut app, "Ikke viktig for oss.", "10:21:05");
    let draft = app.session.agenda.items[4].record().draft.as_ref().unwrap();
    assert_eq!(draft.note.text, "Ikke viktig for oss.", "every key is in the session before the next draw");
    assert!(app.take_changed());
    key(&mut app, Code::Enter, "10:21:30");
    assert!(matches!(app.mode, Mode::Editor(_)), "Enter files the note and starts the next");
    key(&mut app, Code::Tab, "10:22:00");
    typed(&mut app, "Er dette tenkt til neste SG-møte?", "10:22:00");
    key(&mut app, Code::Enter, "10:22:10");
    key(&mut app, Code::Tab, "10:22:20");
    key(&mut app, Code::Tab, "10:22:20");
    typed(&mut app, "Nei.", "10:22:20");
    app.key(Key::new(Code::Enter, Mods::ALT), at("10:22:25"));
    typed(&mut app, "Vi starter nå.", "10:22:30");
    key(&mut app, Code::Esc, "10:22:40");
    assert!(matches!(app.mode, Mode::Normal));
    let notes: Vec<_> = app.session.agenda.items[4].record().notes().collect();
    let got: Vec<_> = notes.iter().map(|n| (n.kind, n.text.as_str(), n.at)).collect();
    assert_eq!(
        got,
        [
            (NoteKind::Comment, "Ikke viktig for oss.", at("10:21:05")),
            (NoteKind::Question, "Er dette tenkt til neste SG-møte?", at("10:22:00")),
            (NoteKind::Answer, "Nei.\nVi starter nå.", at("10:22:20")),
        ]
    );
    assert_eq!(app.session.agenda.items[4].record().draft, None);
    let shown = screen(&mut app, "10:23:00");
    assert!(shown.contains("10:22 Spørsmål: Er dette tenkt til neste SG-møte?"), "{shown}");
    assert!(shown.contains("      Vi starter nå."), "a second line under the first: {shown}");
    assert!(shown.contains("10:22 Svar: Nei."), "{shown}");
}

#[test]
fn the_editor_on_screen() {
    let mut app = at_04_25();
    typed(&mut app, "i", "10:21:00");
    typed(
        &mut app,
        "Riktig tekst, men bør ikke blande inn annet enn informasjonssikkerhet. Ta det som en del av det ordinære arbeidet.",
        "10:21:00",
    );
    key(&mut app, Code::Enter, "10:21:40");
    ctrl(&mut app, 'p', "10:21:50");
    typed(&mut app, "hn", "10:21:50");
    key(&mut app, Code::Enter, "10:21:50");
    typed(&mut app, "Tydeliggjør det selvfølgelige", "10:22:00");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view::draw(f, &app, &view::ViewState::default(), at("10:22:05"))).unwrap();
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_speaker_is_picked_in_a_few_keys_or_written_freely() {
    let mut app = at_04_25();
    typed(&mut app, "i", "10:21:00");
    ctrl(&mut app, 'p', "10:21:00");
    typed(&mut app, "hn", "10:21:00");
    let shown = screen(&mut app, "10:21:00");
    assert!(shown.contains("Hvem sier det?"), "{shown}");
    key(&mut app, Code::Enter, "10:21:00");
    typed(&mut app, "Støttes.", "10:21:00");
    key(&mut app, Code::Enter, "10:21:10");
    ctrl(&mut app, 'p', "10:21:10");
    typed(&mut app, "Ola fra Zzz", "10:21:10");
    assert!(screen(&mut app, "10:21:10").contains("✎ «Ola fra Zzz» (fritekst)"));
    key(&mut app, Code::Enter, "10:21:10");
    typed(&mut app, "Et spørsmål utenfra.", "10:21:10");
    key(&mut app, Code::Esc, "10:21:20");
    let speakers: Vec<_> =
        app.session.agenda.items[4].record().notes().map(|n| n.speaker.as_ref().unwrap().label()).collect();
    assert_eq!(speakers, ["Helse Nord RHF", "Ola fra Zzz"]);
}

#[test]
fn standard_phrases_come_from_the_agenda_and_the_program() {
    let mut app = at_04_25();
    typed(&mut app, "i", "10:21:00");
    ctrl(&mut app, 't', "10:21:00");
    typed(&mut app, "ingen kom", "10:21:00");
    key(&mut app, Code::Enter, "10:21:00");
    ctrl(&mut app, 't', "10:21:00");
    key(&mut app, Code::Esc, "10:21:00");
    assert!(matches!(app.mode, Mode::Editor(_)), "Esc in the picker goes back to the editor");
    key(&mut app, Code::Esc, "10:21:00");
    assert_eq!(app.session.agenda.items[4].record().notes().next().unwrap().text, "Ingen kommentarer fra SG.");
    typed(&mut app, "i", "10:22:00");
    ctrl(&mut app, 't', "10:22:00");
    typed(&mut app, "enstemmig", "10:22:00");
    key(&mut app, Code::Enter, "10:22:00");
    key(&mut app, Code::Esc, "10:22:00");
    assert_eq!(app.session.agenda.items[4].record().notes().nth(1).unwrap().text, "Enstemmig vedtatt.");
}

#[test]
fn a_paste_is_one_edit_and_undo_in_the_editor_takes_it_back() {
    let mut app = at_04_25();
    typed(&mut app, "i", "10:21:00");
    typed(&mut app, "Før: ", "10:21:00");
    app.paste("første linje\r\nandre linje", at("10:21:00"));
    assert_eq!(
        app.session.agenda.items[4].record().draft.as_ref().unwrap().note.text,
        "Før: første linje\nandre linje"
    );
    ctrl(&mut app, 'z', "10:21:00");
    assert_eq!(app.session.agenda.items[4].record().draft.as_ref().unwrap().note.text, "Før: ");
}

#[test]
fn notes_are_selected_changed_deleted_moved_and_undo_brings_them_back() {
    let mut app = at_04_25();
    typed(&mut app, "i", "10:21:00");
    for text in ["en", "to", "tre"] {
        typed(&mut app, text, "10:21:00");
        key(&mut app, Code::Enter, "10:21:00");
    }
    key(&mut app, Code::Esc, "10:21:00");
    key(&mut app, Code::Tab, "10:22:00");
    assert!(matches!(app.mode, Mode::Notes));
    typed(&mut app, "k", "10:22:00"); // "to"
    typed(&mut app, "e", "10:22:00");
    typed(&mut app, "!", "10:22:00");
    key(&mut app, Code::Enter, "10:22:00");
    assert!(matches!(app.mode, Mode::Notes), "a changed note goes back to the list");
    typed(&mut app, "K", "10:22:00");
    let texts = |app: &App| app.session.agenda.items[4].record().notes().map(|n| n.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&app), ["to!", "en", "tre"]);
    typed(&mut app, "x", "10:22:00");
    assert_eq!(texts(&app), ["en", "tre"]);
    assert!(screen(&mut app, "10:22:00").contains("Innspillet er slettet (z angrer)."));
    typed(&mut app, "z", "10:22:00");
    assert_eq!(texts(&app), ["to!", "en", "tre"]);
    key(&mut app, Code::Esc, "10:22:00");
    ctrl(&mut app, 'y', "10:22:00");
    assert_eq!(texts(&app), ["en", "tre"], "and redo takes it away again");
}

#[test]
fn the_proposal_is_adopted_unchanged_or_amended() {
    let mut app = at_04_25();
    typed(&mut app, "v", "10:35:00");
    let d = &app.session.agenda.items[4].record().decisions().next().unwrap();
    assert_eq!(d.outcome, Outcome::Adopted);
    assert!(d.text.starts_with("Styringsgruppen godkjenner versjon 7.0 av Normen."));
    typed(&mut app, "z", "10:35:00");
    assert!(app.session.agenda.items[4].record().decisions().next().is_none());
    typed(&mut app, "V", "10:36:00");
    typed(&mut app, " Med endret begrepsbruk.", "10:36:00");
    key(&mut app, Code::Enter, "10:37:00");
    let d = &app.session.agenda.items[4].record().decisions().next().unwrap();
    assert_eq!(d.outcome, Outcome::AdoptedAmended);
    assert!(d.text.ends_with("(unntatt juli). Med endret begrepsbruk."));
    let shown = screen(&mut app, "10:37:00");
    assert!(shown.contains("Vedtak: Vedtatt med endringer."), "{shown}");
}

#[test]
fn partial_decisions_outcomes_and_votes() {
    let mut app = at_04_25();
    typed(&mut app, "d", "10:25:00");
    key(&mut app, Code::Enter, "10:25:00");
    assert!(matches!(app.mode, Mode::Editor(_)), "an empty label is a decision without one");
    key(&mut app, Code::Esc, "10:25:00");
    typed(&mut app, "d", "10:25:00");
    typed(&mut app, "Beslutning kap. 1.3", "10:25:00");
    key(&mut app, Code::Enter, "10:25:00");
    key(&mut app, Code::Enter, "10:25:00");
    assert!(screen(&mut app, "10:25:00").contains("Skriv vedtaket"), "an empty vedtak is not saved");
    typed(&mut app, "Vi lar den stå uforandret.", "10:25:00");
    key(&mut app, Code::Enter, "10:25:30");
    let d = &app.session.agenda.items[4].record().decisions().next().unwrap();
    assert_eq!((d.label.as_deref(), d.text.as_str()), (Some("Beslutning kap. 1.3"), "Vi lar den stå uforandret."));
    typed(&mut app, "s", "10:26:00");
    typed(&mut app, "ni to", "10:26:00");
    key(&mut app, Code::Enter, "10:26:00");
    assert!(screen(&mut app, "10:26:00").contains("«ni to» er ikke stemmetall"));
    for _ in 0..5 {
        key(&mut app, Code::Backspace, "10:26:00");
    }
    typed(&mut app, "9 2 1", "10:26:00");
    key(&mut app, Code::Enter, "10:26:00");
    assert_eq!(
        app.session.agenda.items[4].record().decisions().next().unwrap().votes.map(|v| (
            v.in_favour,
            v.against,
            v.abstaining
        )),
        Some((9, 2, 1))
    );
    typed(&mut app, "o", "10:27:00");
    typed(&mut app, "utsatt", "10:27:00");
    key(&mut app, Code::Enter, "10:27:00");
    typed(&mut app, "septembermøtet", "10:27:00");
    key(&mut app, Code::Enter, "10:27:00");
    let d = &app.session.agenda.items[4].record().decisions().next().unwrap();
    assert_eq!((d.outcome, d.until.as_deref()), (Outcome::Postponed, Some("septembermøtet")));
    let shown = screen(&mut app, "10:27:00");
    assert!(shown.contains("Beslutning kap. 1.3: Utsatt til septembermøtet (9"), "{shown}");
    assert!(shown.contains("↷ 04/25") || shown.contains("▶ 04/25"), "{shown}");
}

#[test]
fn deciding_without_a_quorum_warns_but_records() {
    let mut app = at_04_25();
    app.session.agenda.quorum = Some(Quorum::Majority);
    typed(&mut app, "v", "10:30:00");
    assert_eq!(app.session.agenda.items[4].record().decisions().count(), 1);
    let shown = screen(&mut app, "10:30:00");
    assert!(shown.contains("Advarsel: møtet er ikke vedtaksdyktig (0 medlemmer til stede, 13 trengs)"), "{shown}");
    typed(&mut app, "m", "10:31:00");
    typed(&mut app, "A", "10:31:00");
    key(&mut app, Code::Esc, "10:31:00");
    typed(&mut app, "v", "10:32:00");
    assert!(app.message.is_none(), "{:?}", app.message);
    assert!(screen(&mut app, "10:32:00").contains("til stede · vedtaksdyktig"));
}

#[test]
fn a_follow_up_with_who_and_frist() {
    let mut app = at_04_25();
    typed(&mut app, "f", "10:30:00");
    key(&mut app, Code::Enter, "10:30:00");
    assert!(screen(&mut app, "10:30:00").contains("Skriv hva som skal gjøres."));
    typed(&mut app, "Sende kommentarer om referanser", "10:30:00");
    key(&mut app, Code::Tab, "10:30:00");
    ctrl(&mut app, 'p', "10:30:00");
    typed(&mut app, "sekr", "10:30:00");
    key(&mut app, Code::Enter, "10:30:00");
    key(&mut app, Code::Tab, "10:30:00");
    typed(&mut app, "18.08", "10:30:00");
    assert!(screen(&mut app, "10:30:00").contains("Frist: = 18.08.25"));
    key(&mut app, Code::Enter, "10:30:00");
    let f = &app.session.agenda.items[4].record().followups().next().unwrap().1;
    assert_eq!(f.who.as_deref(), Some("Sekretariatet"));
    assert_eq!(f.frist.map(|d| d.to_string()), Some("2025-08-18".into()));
}

#[test]
fn an_unreadable_frist_is_said_and_then_kept_as_typed() {
    let mut app = at_04_25();
    typed(&mut app, "f", "10:30:00");
    typed(&mut app, "Nytt forslag", "10:30:00");
    key(&mut app, Code::Tab, "10:30:00");
    key(&mut app, Code::Tab, "10:30:00");
    typed(&mut app, "før jul", "10:30:00");
    key(&mut app, Code::Enter, "10:30:00");
    let shown = screen(&mut app, "10:30:00");
    assert!(shown.contains("«før jul» er ikke en dato"), "{shown}");
    assert!(app.session.agenda.items[4].record().followups().next().is_none());
    key(&mut app, Code::Enter, "10:30:00");
    let f = &app.session.agenda.items[4].record().followups().next().unwrap().1;
    assert_eq!((f.frist, f.frist_text.as_deref()), (None, Some("før jul")));
    typed(&mut app, "F", "10:31:00");
    let shown = screen(&mut app, "10:31:00");
    assert!(shown.contains("04/25  Nytt forslag · Frist før jul"), "{shown}");
    key(&mut app, Code::Enter, "10:31:00");
    key(&mut app, Code::Tab, "10:31:00");
    key(&mut app, Code::Tab, "10:31:00");
    for _ in 0..7 {
        key(&mut app, Code::Backspace, "10:31:00");
    }
    typed(&mut app, "1. sep", "10:31:00");
    key(&mut app, Code::Enter, "10:31:00");
    assert!(matches!(app.mode, Mode::FollowUps { .. }));
    assert_eq!(
        app.session.agenda.items[4].record().followups().next().unwrap().1.frist.map(crate::domain::time::Day::short),
        Some("01.09.25".into())
    );
    typed(&mut app, "x", "10:32:00");
    assert!(app.session.followups().is_empty());
    typed(&mut app, "z", "10:32:00");
    assert_eq!(app.session.followups().len(), 1);
}

#[test]
fn attendance_marks_arrivals_departures_and_new_people() {
    let mut app = at_04_25();
    typed(&mut app, "m", "10:01:00");
    typed(&mut app, "t", "10:01:00"); // roll call: no arrival
    typed(&mut app, "jf", "10:01:00");
    typed(&mut app, "ja", "10:01:00");
    typed(&mut app, "jt", "10:35:00"); // late
    let people = |app: &App, i: usize| app.session.agenda.people[i].attendance.clone();
    assert_eq!(people(&app, 0).presence, Presence::Present);
    assert_eq!(people(&app, 0).arrived, None);
    assert_eq!(people(&app, 1).presence, Presence::Apologies);
    assert_eq!(people(&app, 2).presence, Presence::Absent);
    assert_eq!(people(&app, 3).arrived, Some(at("10:35:00")));
    typed(&mut app, "e", "10:36:00");
    for _ in 0..7 {
        key(&mut app, Code::Backspace, "10:36:00");
    }
    typed(&mut app, "kl 10", "10:36:00");
    key(&mut app, Code::Enter, "10:36:00");
    assert!(screen(&mut app, "10:36:00").contains("«kl 10» er ikke klokkeslett"));
    for _ in 0..5 {
        key(&mut app, Code::Backspace, "10:36:00");
    }
    typed(&mut app, "10:30 -", "10:36:00");
    key(&mut app, Code::Enter, "10:36:00");
    assert_eq!(people(&app, 3).arrived, Some(at("10:30:00")));
    typed(&mut app, "g", "14:00:00");
    assert_eq!(people(&app, 3).left, Some(at("14:00:00")));
    typed(&mut app, "n", "11:00:00");
    typed(&mut app, "Kari Nordmann, Digdir", "11:00:00");
    key(&mut app, Code::Enter, "11:00:00");
    let last = app.session.agenda.people.len() - 1;
    assert_eq!(app.session.agenda.people[last].org.as_deref(), Some("Digdir"));
    assert_eq!(people(&app, last).arrived, Some(at("11:00:00")));
    assert!(matches!(app.mode, Mode::Attendance) && app.roster_selected == last);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    typed(&mut app, "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "11:00:00");
    terminal.draw(|f| view::draw(f, &app, &view::ViewState::default(), at("11:00:00"))).unwrap();
    insta::assert_snapshot!(terminal.backend());
}

/// Someone not on the list comes as a guest, or (Tab) in another role: a deputy standing
/// in counts towards the quorum.
#[test]
fn a_person_added_at_the_meeting_gets_the_role_chosen() {
    let mut app = at_04_25();
    typed(&mut app, "m", "11:00:00");
    typed(&mut app, "n", "11:00:00");
    assert!(screen(&mut app, "11:00:00").contains("Rolle: Gjest  (Tab)"));
    typed(&mut app, "Ola Gjest", "11:00:00");
    key(&mut app, Code::Enter, "11:00:00");
    let last = |app: &App| app.session.agenda.people.last().cloned().unwrap();
    assert_eq!(last(&app).role, Role::Guest, "a guest, unless chosen otherwise");
    let present = app.session.quorum().present;
    typed(&mut app, "n", "11:01:00");
    typed(&mut app, "Kari Vara, Helse Vest", "11:01:00");
    key(&mut app, Code::Tab, "11:01:00");
    assert!(screen(&mut app, "11:01:00").contains("Rolle: Vara  (Tab)"));
    key(&mut app, Code::Enter, "11:01:00");
    assert_eq!(last(&app).role, Role::Deputy);
    assert_eq!(last(&app).name.as_deref(), Some("Kari Vara"));
    assert_eq!(app.session.quorum().present, present + 1, "a deputy counts towards the quorum");
    // Round the roles with Tab and back to a guest.
    typed(&mut app, "n", "11:02:00");
    typed(&mut app, "Per Rundt", "11:02:00");
    for _ in 0..Role::ALL.len() {
        key(&mut app, Code::Tab, "11:02:00");
    }
    key(&mut app, Code::Enter, "11:02:00");
    assert_eq!(last(&app).role, Role::Guest);
}

#[test]
fn a_vedtak_being_written_is_in_the_session_and_taken_up_again() {
    let mut app = at_04_25();
    typed(&mut app, "V", "10:36:00");
    typed(&mut app, " Tillegg", "10:36:00");
    let draft = app.session.agenda.items[4].record().vedtak_draft.as_ref().unwrap();
    assert!(draft.text.ends_with("(unntatt juli). Tillegg"));
    // As after a crash: a new app on the saved session.
    let (theme, _) = theme::load(None, false);
    let mut again = App::new(app.session.clone(), i18n::words(Lang::Nb), theme);
    typed(&mut again, "V", "10:40:00");
    typed(&mut again, ".", "10:40:00");
    key(&mut again, Code::Enter, "10:40:00");
    assert!(again.session.agenda.items[4].record().decisions().next().unwrap().text.ends_with("Tillegg."));
    assert_eq!(again.session.agenda.items[4].record().vedtak_draft, None);
    typed(&mut again, "V", "10:41:00");
    key(&mut again, Code::Esc, "10:41:00");
    assert_eq!(again.session.agenda.items[4].record().vedtak_draft, None, "Esc gives the vedtak up");
    typed(&mut again, "jjd", "10:42:00");
    assert!(matches!(again.mode, Mode::Normal));
    assert_eq!(again.message.as_deref(), Some("Bare saker kan utsettes, trekkes eller få vedtak, ikke pauser."));
}

/// The keys the random sequences are drawn from: every screen's keys and then some.
fn some_keys() -> Vec<Key> {
    "nngpbxjkaetKJuwivVdosfFmzZ?qtfagenA.j"
        .chars()
        .map(|c| Key::new(Code::Char(c), Mods::NONE))
        .chain(
            [Code::Enter, Code::Esc, Code::Tab, Code::Up, Code::Down, Code::Backspace, Code::Delete]
                .map(|c| Key::new(c, Mods::NONE)),
        )
        .chain(['p', 't', 'z', 'y', 'j'].map(|c| Key::new(Code::Char(c), Mods::CONTROL)))
        .chain([Key::new(Code::Enter, Mods::ALT), Key::new(Code::Up, Mods::SHIFT)])
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Random key sequences over every screen never panic, every change is saved as the
    /// live loop saves it (journal or whole file), and what is on disk reads back as the
    /// session in memory, which also round-trips through its text.
    #[test]
    fn random_keys_never_panic_and_the_session_on_disk_is_the_one_in_memory(
        picks in proptest::collection::vec((0usize..1000, proptest::bool::weighted(0.1)), 1..400),
        narrow in proptest::bool::ANY,
        short in proptest::bool::ANY,
    ) {
        use crate::store::autosave::{Autosave, SaveState};
        use crate::store::{journal, lock, session_file};
        let keys = some_keys();
        let dir = tempfile::tempdir().unwrap();
        let mut app = at_04_25();
        let path = dir.path().join("t.session.ron");
        session_file::save(&path, &app.session).unwrap();
        // What the file holds is saved: the changes that led there are not to be recorded.
        app.take_changes();
        let base = std::fs::read(&path).unwrap();
        let journal = journal::Journal::start(&path, &base).unwrap();
        let mut autosave = Autosave::new(path.clone(), Some(lock::acquire(&path).unwrap()), Some(journal), None);
        autosave.finish_reading(&mut app.session).unwrap();
        let mut terminal =
            Terminal::new(TestBackend::new(if narrow { 40 } else { 80 }, if short { 12 } else { 24 })).unwrap();
        for (step, (pick, paste)) in picks.into_iter().enumerate() {
            let now = format!("{:02}:{:02}:{:02}", 10 + step / 120, (step / 2) % 60, step % 60);
            app.update(Input::Key(keys[pick % keys.len()]), at(&now));
            if paste {
                app.update(Input::Paste("lim inn\nto linjer 🎉".into()), at(&now));
            }
            let recorded = crate::tui::Recorded::record(&mut app, &mut autosave);
            let app = recorded.app();
            proptest::prop_assert_eq!(&app.saved, &SaveState::Saved);
            terminal.draw(|f| view::draw(f, app, &view::ViewState::default(), at(&now))).unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut on_disk = session_file::parse(&text).unwrap();
        journal::replay(&path, text.as_bytes(), &mut on_disk).unwrap();
        proptest::prop_assert_eq!(&on_disk, &app.session);
        let text = session_file::to_text(&app.session);
        proptest::prop_assert_eq!(session_file::to_text(&session_file::parse(&text).unwrap()), text);
        autosave.close(&app.session);
        proptest::prop_assert!(!journal::journal_path(&path).exists());
        proptest::prop_assert_eq!(session_file::load(&path).unwrap(), app.session);
    }
}

#[test]
fn the_latest_speakers_come_first_so_the_same_speaker_again_is_ctrl_p_enter() {
    let mut app = at_04_25();
    keys(&mut app, "i Først<C-p>hn<ret><ret>", "10:21:00");
    keys(&mut app, "Så<C-p>legef<ret><ret>", "10:22:00");
    // The picker opens on the latest speaker, then the one before.
    keys(&mut app, "Igjen<C-p>", "10:23:00");
    let Mode::Picker(picker) = &app.mode else { panic!("the picker is open") };
    let first: Vec<&str> = picker.shown.iter().take(2).map(|&i| picker.choices[i].label.as_str()).collect();
    assert_eq!(first, ["Legeforeningen", "Helse Nord RHF"]);
    keys(&mut app, "<ret><ret><esc>", "10:23:00");
    let speakers: Vec<String> = app.session.agenda.items[4]
        .record()
        .notes()
        .map(|n| n.speaker.as_ref().map(crate::domain::notes::Speaker::label).unwrap_or_default())
        .collect();
    assert_eq!(speakers, ["Helse Nord RHF", "Legeforeningen", "Legeforeningen"]);
}

#[test]
fn the_follow_ups_of_the_meeting_before_are_marked_done_carried_or_dropped() {
    use crate::domain::previous::{Status, TakenUp};
    let mut app = at_04_25();
    let before = crate::referat::fixture::seed_session();
    app.session.record.previous =
        crate::domain::next::open_followups(&before).into_iter().map(TakenUp::from_open).collect();
    typed(&mut app, "f", "10:30:00");
    typed(&mut app, "Nytt", "10:30:00");
    key(&mut app, Code::Enter, "10:30:00");
    typed(&mut app, "F", "10:31:00");
    let shown = screen(&mut app, "10:31:00");
    assert!(shown.contains("Fra tidligere møter"), "{shown}");
    assert!(shown.contains("[  åpent ] 03/25 03.06.25  Synspunkter på valgkomiteens"), "{shown}");
    assert!(shown.contains("Fra dette møtet") && shown.contains("04/25  Nytt"), "{shown}");
    keys(&mut app, "d j c j u j c", "10:32:00");
    let marks: Vec<Option<Status>> = app.session.record.previous.iter().map(|t| t.status).collect();
    assert_eq!(marks, [Some(Status::Done), Some(Status::Carried), Some(Status::Dropped), Some(Status::Carried)]);
    assert!(screen(&mut app, "10:32:00").contains("[✓ utført] 03/25"));
    keys(&mut app, "<bs>", "10:32:00");
    assert_eq!(app.session.record.previous[3].status, None, "unmarked");
    typed(&mut app, "z", "10:32:00");
    assert_eq!(app.session.record.previous[3].status, Some(Status::Carried), "undone");
    keys(&mut app, "x", "10:33:00");
    assert!(app.message.as_deref().unwrap_or_default().contains("endres ikke her"), "{:?}", app.message);
    assert_eq!(app.session.record.previous.len(), 4, "not deleted");
    keys(&mut app, "j d", "10:33:00");
    assert!(app.message.as_deref().unwrap_or_default().starts_with("Bare oppfølgingspunkter fra forrige møte"));
    let doc = crate::referat::document::referat(
        &app.session,
        i18n::words(Lang::Nb),
        crate::referat::document::Options::default(),
    );
    let md = crate::referat::markdown::render(&doc);
    assert!(md.contains("Oppfølging fra tidligere møter"), "{md}");
    let (done, open, dropped) =
        (md.find("Utført").unwrap(), md.find("Fortsatt åpne").unwrap(), md.find("Utgår").unwrap());
    assert!(done < open && open < dropped, "{md}");
    assert!(md[open..dropped].contains("Nytt forslag om dokumentfrist"), "{md}");
}
