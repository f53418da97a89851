//! Keys on generated agendas: no people, one item, only breaks, hundreds of saker, odd
//! text. Written as key strings ("m <up>", "n i Hallo<ret>"), driven through
//! `App::update` and drawn on a `TestBackend`; no disk.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::app::key::Key;
use crate::app::{App, Effects, Input};
use crate::domain::agenda::{Agenda, Lang};
use crate::domain::arbitrary;
use crate::domain::session::Session;
use crate::domain::time::Stamp;
use crate::i18n;
use crate::theme;

fn at(step: usize) -> Stamp {
    Stamp::parse("2025-06-03 09:55:00").unwrap().plus_seconds(i64::try_from(step).unwrap() * 17)
}

/// The app on `agenda`, held on the day the keys are pressed (so that `n` starts it).
fn app(mut agenda: Agenda) -> App {
    agenda.date = at(0).day();
    let (theme, _) = theme::load(None, false);
    App::new(Session::new(agenda), i18n::words(Lang::Nb), theme)
}

/// The keys of `text` in their text form (`Key::parse_seq`).
fn parse_keys(text: &str) -> Vec<Key> {
    Key::parse_seq(text).unwrap()
}

/// Presses the keys of `text` (their text form) one after another, a few seconds apart
/// from `step`: what they asked of the shell, together.
fn keys(app: &mut App, text: &str, step: usize) -> Effects {
    let mut all = Effects::default();
    for (i, key) in parse_keys(text).into_iter().enumerate() {
        app.update(Input::Quiet, at(step + i));
        let effects = app.update(Input::Key(key), at(step + i));
        all.quit |= effects.quit;
        all.save_elsewhere = effects.save_elsewhere.or(all.save_elsewhere);
    }
    all
}

/// What must hold of an app whatever was pressed: the agenda and its record line up, the
/// selection is on the agenda, and the screen draws.
fn holds(app: &mut App, terminal: &mut Terminal<TestBackend>, step: usize) -> Result<(), TestCaseError> {
    let s = &app.session;
    prop_assert!(s.record.current.is_none_or(|c| c < s.agenda.items.len()));
    prop_assert!(app.schedule.slots.len() == s.agenda.items.len());
    terminal.draw(|f| view::draw(f, app, &view::ViewState::default(), at(step))).unwrap();
    Ok(())
}

/// The keys random sequences are made of: every screen's keys, and text.
const KEYS: &str = "n g p b x j k a e t K J u w i v V d o s f F m z Z ? q y A . <ret> <esc> <tab> <bs> <del> <up> \
                    <down> <home> <end> <S-up> <S-down> <C-p> <C-t> <C-z> <C-y> <C-s> <A-ret> <A-n> c C / <A-g> <A-e> æ 漢 1 0 : , -";

#[test]
fn an_empty_roster_takes_every_attendance_key() {
    // Found by the property test below: `m` then `↑` indexed an empty roster.
    let named = arbitrary::agendas_named();
    let (_, agenda) = named.iter().find(|(_, a)| a.people.is_empty()).expect("an agenda with no people");
    let mut app = app(agenda.clone());
    keys(&mut app, "m <up> <down> <up> t f a g e A / <down> <ret> <A-g> <A-e> x <up> <esc> <esc>", 0);
    keys(&mut app, "n m <up> t g e <ret> n Ny<space>gjest<ret> <up> <down> <esc>", 20);
    assert_eq!(app.session.agenda.people.len(), 1, "someone can still be added");
}

#[test]
fn undoing_the_only_sak_from_its_notes_leaves_the_notes() {
    // Found in review: on an empty agenda, a sak added, a note filed, then the notes
    // opened and everything undone indexed a sak that was no longer there.
    let named = arbitrary::agendas_named();
    let (_, agenda) = named.iter().find(|(_, a)| a.items.is_empty()).expect("an empty agenda");
    let mut app = app(agenda.clone());
    keys(&mut app, "a Ny<ret> i x<ret><esc> <tab>", 0);
    assert!(matches!(app.mode, crate::app::Mode::Notes), "the notes are open");
    keys(&mut app, "z z z z <up> <down> e d", 10);
    assert!(app.session.agenda.items.is_empty(), "every step undone");
    assert!(matches!(app.mode, crate::app::Mode::Normal), "nothing left to look at");
}

#[test]
fn every_named_agenda_takes_a_walk_through_every_screen() {
    for (name, agenda) in arbitrary::agendas_named() {
        let mut app = app(agenda);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let walk = "n i Innspill<ret><esc> <tab> <esc> v d Kap<ret>Vedtak<ret> o <ret> s 3 1 0<ret> \
                    f Ny oppgave<tab>Ola<tab>18.08<ret> F <esc> m A <up> <down> t <esc> a Ny sak<ret> e <bs>x<ret> \
                    t 5<ret> K J u w b b p p z Z ? <esc> x y";
        for (step, key) in parse_keys(walk).into_iter().enumerate() {
            app.update(Input::Quiet, at(step));
            app.update(Input::Key(key), at(step));
            if let Err(e) = holds(&mut app, &mut terminal, step) {
                panic!("{name}, after key {step}: {e}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random keys on random agendas never panic, and the session stays whole.
    #[test]
    fn random_keys_on_generated_agendas_never_panic(
        agenda in arbitrary::agenda(),
        picks in proptest::collection::vec(0usize..1000, 1..150),
        small in proptest::bool::ANY,
    ) {
        let keys = parse_keys(KEYS);
        let mut app = app(agenda);
        let mut terminal = Terminal::new(if small { TestBackend::new(40, 12) } else { TestBackend::new(120, 40) })
            .unwrap();
        for (step, pick) in picks.into_iter().enumerate() {
            // (Some keys in a burst of typing, some after a pause.)
            if pick % 3 == 0 {
                app.update(Input::Quiet, at(step));
            }
            app.update(Input::Key(keys[pick % keys.len()]), at(step));
            holds(&mut app, &mut terminal, step)?;
        }
    }
}
