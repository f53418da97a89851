//! Structured mutations of valid sessions (current item, states, segments, drafts,
//! entries, attendance, lengths), read back through the session reader and, when it
//! takes them, opened as the live program opens them, walked with a few keys and
//! exported: the reader refuses with a placed message, or everything after it holds.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::agenda_file;
use super::session_file;
use crate::app::App;
use crate::app::key::Key;
use crate::domain::agenda::{Break, Item, Lang, Sak};
use crate::domain::attendance::Presence;
use crate::domain::notes::{Draft, Note, NoteKind};
use crate::domain::session::{ItemRecord, ItemState, Segment, Session};
use crate::domain::time::Stamp;
use crate::domain::vedtak::{Outcome, VedtakDraft, Votes};
use crate::i18n;
use crate::referat::document::{self, Attribution, Options, Times};
use crate::referat::{docx, html, markdown};
use crate::theme;
use crate::tui::view;

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

/// The sessions mutations start from: the fixture (a meeting closed), the example meeting
/// walked into its fourth sak with a break, a note and a vedtak being written and the
/// clock stopped, and a small made-up session.
pub(crate) fn bases() -> Vec<(&'static str, Session)> {
    let fixture = session_file::parse(include_str!("../../tests/fixtures/normen-2025-06-03.session.ron")).unwrap();
    let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let mut walked = Session::new(agenda);
    walked.start(at("10:00:00")).unwrap();
    walked.set_presence(0, Presence::Present, at("10:01:00")).unwrap();
    walked.set_presence(1, Presence::Present, at("10:30:00")).unwrap();
    walked.next(at("10:04:00")).unwrap();
    walked.start_break(at("10:06:00"), "Pause").unwrap();
    walked.next(at("10:10:00")).unwrap();
    walked.next(at("10:12:00")).unwrap();
    walked.open_draft(3, at("10:13:00")).unwrap();
    walked.draft_mut(3).unwrap().note.text = "Innspill".into();
    walked.commit_draft(3);
    walked.open_draft(3, at("10:14:00")).unwrap();
    walked.draft_mut(3).unwrap().note.text = "halvskrevet".into();
    walked.decide(3, Some("Beslutning kap. 1.3"), "Vedtatt.", Outcome::Adopted, at("10:15:00")).unwrap();
    walked.pause(at("10:16:00")).unwrap();
    let demo = crate::cli::demo::session(5, 30).unwrap();
    vec![("fixture", fixture), ("walked", walked), ("demo", demo)]
}

/// One change to a session, as a property test draws it: what (`op`), to which item,
/// entry or person (`a`, `b`, taken modulo a little more than there are, so that some
/// point past the end) and when (`t`, seconds from 10:00).
pub(crate) type Mutation = (u8, usize, usize, i64);

pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
    (0u8..30, 0usize..64, 0usize..64, prop_oneof![-4_000i64..40_000, Just(-10_000_000_000), Just(400_000_000_000)])
}

fn stamp(t: i64) -> Stamp {
    at("10:00:00").plus_seconds(t.clamp(-60_000_000_000, 60_000_000_000))
}

const STATES: [ItemState; 4] = [ItemState::Pending, ItemState::Done, ItemState::Postponed, ItemState::Withdrawn];

/// Applies one mutation to `s`.
pub(crate) fn mutate(s: &mut Session, (op, a, b, t): Mutation) {
    let n = s.agenda.items.len();
    let item = a % (n + 2);
    let index = |len: usize| b % (len + 2);
    fn on(s: &mut Session, item: usize) -> Option<&mut ItemRecord> {
        let n = s.agenda.items.len();
        if n == 0 { None } else { s.record_of_mut(item % n) }
    }
    match op {
        0 => s.record.current = Some(item),
        1 => s.record.current = None,
        2 => s.record.interrupted = Some(item),
        3 => s.record.paused = (b % 2 == 0).then(|| stamp(t)),
        4 => s.record.started = (b % 2 == 0).then(|| stamp(t)),
        5 => s.record.ended = (b % 2 == 0).then(|| stamp(t)),
        6 => {
            if let Some(r) = on(s, item) {
                r.state = STATES[b % 4];
            }
        }
        7 => {
            if let Some(r) = on(s, item) {
                r.segments.clear();
            }
        }
        8 => {
            if let Some(r) = on(s, item) {
                r.segments.push(Segment { start: stamp(t), end: None });
            }
        }
        9 => {
            if let Some(r) = on(s, item)
                && let Some(last) = r.segments.last_mut()
            {
                last.end = if last.end.is_some() { None } else { Some(stamp(t)) };
            }
        }
        10 => {
            if let Some(r) = on(s, item) {
                r.segments.reverse();
            }
        }
        11 => {
            if let Some(r) = on(s, item)
                && let Some(first) = r.segments.first_mut()
            {
                first.end = Some(first.start.plus_seconds(-1 - i64::try_from(b).unwrap_or(0) * 60));
            }
        }
        12 => {
            if let Some(r) = on(s, item) {
                let editing = Some(index(r.entries.len()));
                let note = Note { at: stamp(t), kind: NoteKind::Comment, speaker: None, text: "x".into() };
                r.draft = Some(Draft { note, editing });
            }
        }
        13 => {
            if let Some(r) = on(s, item) {
                let editing = Some(index(r.entries.len()));
                r.vedtak_draft = Some(VedtakDraft { label: None, text: "v".into(), editing });
            }
        }
        14 => {
            if let Some(r) = on(s, item)
                && !r.entries.is_empty()
            {
                let k = b % r.entries.len();
                r.entries.remove(k);
            }
        }
        15 => {
            if let Some(r) = on(s, item)
                && !r.entries.is_empty()
            {
                let k = b % r.entries.len();
                let e = r.entries[k].clone();
                r.entries.insert(0, e);
            }
        }
        16 => {
            if item < n {
                s.agenda.items.remove(item);
            }
        }
        17 => {
            if item < n {
                let record = s.agenda.items[item].record().clone();
                let mut new = match &s.agenda.items[item] {
                    Item::Sak(sak) => Item::Break(Break { title: sak.title.clone(), ..Break::default() }),
                    Item::Break(b) => Item::Sak(Sak { title: b.title.clone(), numbered: true, ..Sak::default() }),
                };
                *new.record_mut() = record;
                s.agenda.items[item] = new;
            }
        }
        18 => {
            let end = (b % 3 != 0).then(|| stamp(t - 60 * i64::try_from(b).unwrap_or(0)));
            s.record.interruptions.push(Segment { start: stamp(t), end });
        }
        19 => {
            let people = s.agenda.people.len();
            if people > 0 {
                let p = &mut s.agenda.people[a % people].attendance;
                p.presence = [Presence::Unmarked, Presence::Present, Presence::Apologies, Presence::Absent][b % 4];
                p.arrived = Some(stamp(t));
                p.left = (b % 2 == 0).then(|| stamp(t - 600));
            }
        }
        20 => {
            let people = s.agenda.people.len();
            if people > 0 {
                s.agenda.people.remove(a % people);
            }
        }
        21 => {
            if item < n {
                let huge = [u32::MAX, u32::MAX / 60, 1_000_000, 0][b % 4];
                match &mut s.agenda.items[item] {
                    Item::Sak(sak) => sak.minutes = Some(huge),
                    Item::Break(br) => br.minutes = Some(huge),
                }
            }
        }
        22 => {
            if let Some(r) = on(s, item) {
                for e in &mut r.entries {
                    if let crate::domain::timeline::Entry::Decision(d) = e {
                        d.votes = Some(Votes { in_favour: u32::MAX, against: u32::MAX, abstaining: u32::MAX });
                    }
                }
            }
        }
        23 => {
            // Everything in the record at once, out of order.
            if let Some(r) = on(s, item) {
                r.segments.push(Segment { start: stamp(t), end: Some(stamp(t + 60)) });
                r.segments.push(Segment { start: stamp(t - 30), end: Some(stamp(t + 30)) });
            }
        }
        24 => {
            if let Some(r) = on(s, item) {
                r.entries.reverse();
            }
        }
        26 => {
            for item in &mut s.agenda.items {
                match item {
                    Item::Sak(sak) => sak.minutes = Some(u32::MAX),
                    Item::Break(br) => br.minutes = Some(u32::MAX),
                }
            }
        }
        27 => {
            let far = Stamp::parse(["9999-12-31 23:59:59", "0000-01-01 00:00:00"][b % 2]).unwrap();
            s.record.started = Some(far);
            if let Some(r) = on(s, item) {
                r.segments.push(Segment { start: far, end: (b % 3 == 0).then_some(far) });
            }
        }
        28 => {
            let first = [u32::MAX, u32::MAX - 1, 0, 99][b % 4];
            s.agenda.numbering = Some(crate::domain::agenda::Numbering { first, year: Some([99, u32::MAX][a % 2]) });
        }
        29 => {
            if let Some(Item::Sak(sak)) = s.agenda.items.get_mut(item) {
                sak.number = "99/99".parse().ok();
                sak.at = crate::domain::time::Hm::new(23, 59);
            }
        }
        _ => {
            let count = s.agenda.items.len();
            for i in 0..count.min(3) {
                if let Some(r) = s.record_of_mut((item + i) % count) {
                    r.segments.push(Segment { start: stamp(t), end: None });
                }
            }
        }
    }
}

/// Keys pressed on a session opened as the live program opens it, each sequence from the
/// session as opened.
const WALKS: &[&str] = &[
    "n",
    "b",
    "g",
    "x y",
    "u",
    "w",
    "<tab> <up> <down> e <esc>",
    "z",
    "Z",
    "p",
    "p p",
    ". i a<ret><esc>",
    "v",
    "V <ret>",
    "d L<ret>x<ret>",
    "o <ret>",
    "s 1 2 3<ret>",
    "m <down> <ret> <esc>",
    "F <esc>",
    "j j g n",
    "<end> g b b",
    "n n n n n n n n n n n n n n n n n n n n x y",
    "K J",
    "a Ny<ret>",
    "t 5<ret>",
    "f x<tab>y<tab>18.08<ret>",
];

/// Opens `session` as the live program does, draws it, walks it, and exports it in every
/// format. Panics on what a user would see as a crash.
pub(crate) fn exercise(session: &Session) {
    let (theme, _) = theme::load(None, false);
    let words = i18n::words(Lang::Nb);
    let now = at("10:30:00");
    for walk in WALKS {
        let mut app = App::new(session.clone(), words, theme);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|f| view::draw(f, &app, &view::ViewState::default(), now)).unwrap();
        for (step, key) in Key::parse_seq(walk).unwrap().into_iter().enumerate() {
            let now = now.plus_seconds(i64::try_from(step).unwrap() * 7);
            app.key(key, now);
            terminal.draw(|f| view::draw(f, &app, &view::ViewState::default(), now)).unwrap();
        }
        let broken = crate::domain::invariants::first_broken(&app.session);
        assert!(broken.is_none(), "the walk {walk:?} left a session the reader refuses: {broken:?}");
    }
    let mut small = Terminal::new(TestBackend::new(30, 8)).unwrap();
    let app = App::new(session.clone(), words, theme);
    small.draw(|f| view::draw(f, &app, &view::ViewState::default(), now)).unwrap();
    let options = Options { attribution: Attribution::Name, times: Times::Both };
    let doc = document::referat(session, words, options);
    let _ = markdown::render(&doc);
    let _ = html::render(&doc, Lang::Nb);
    let _ = docx::render(&doc, Lang::Nb);
    let _ = document::referat(session, i18n::words(Lang::En), Options::default());
    let _ = crate::domain::check::session(session);
}

/// Reads the mutated session's text back; when it reads, opens and exercises it.
/// A refusal must be placed.
pub(crate) fn read_and_open(session: &Session) -> Result<(), String> {
    let text = session_file::to_text(session);
    match session_file::parse(&text) {
        Ok(read) => catch_unwind(AssertUnwindSafe(|| exercise(&read))).map_err(|p| {
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_default()
        }),
        Err(e) if e.at.is_none() => Err(format!("not placed: {e:?}")),
        Err(e) => {
            for lang in [Lang::Nb, Lang::En] {
                let message = (i18n::words(lang).read_problem)(&e.what);
                let words = super::bytes_fuzz::unquoted(&message);
                if let Some(word) = ["Expected", "Unexpected", "`"].iter().find(|w| words.contains(*w)) {
                    return Err(format!("ron's words ({word}): {message}"));
                }
            }
            Ok(())
        }
    }
}

/// The crash these mutations found: a session whose current item is past the end of its
/// agenda read cleanly and exported, and the live program panicked on its first frame
/// (`Session::elapsed`, exit 101). Now it is refused where it is written.
#[test]
fn a_current_item_past_the_agenda_is_refused_not_opened() {
    for (name, base) in bases() {
        for past in [0, 1, 5] {
            let mut s = base.clone();
            s.record.started.get_or_insert(at("10:00:00"));
            s.record.ended = None;
            s.record.current = Some(s.agenda.items.len() + past);
            let err = session_file::parse(&session_file::to_text(&s)).unwrap_err();
            let items = s.agenda.items.len();
            let current = items + past;
            let expected = crate::domain::invariants::Broken::CurrentNotOnAgenda { current, items };
            assert_eq!(err.what, super::agenda_file::ReadProblem::Inconsistent(expected), "{name}");
            assert!(err.at.is_some(), "{name}: placed");
            let message = (i18n::words(Lang::Nb).read_problem)(&err.what);
            assert!(
                message.contains(&format!("record.current er {current}, men agendaen har {items} punkter")),
                "{message}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A valid session changed where the live program looks (current item, states,
    /// segments, drafts, entries, attendance, lengths, huge numbers) is refused with its
    /// place and plain words, or it opens, draws, walks and exports without a panic and
    /// every walk leaves a session the reader takes.
    #[test]
    fn mutated_sessions_are_refused_with_their_place_or_open_walk_and_export(
        base in 0usize..3,
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut s = bases().swap_remove(base).1;
        for m in &mutations {
            mutate(&mut s, *m);
        }
        if let Err(e) = read_and_open(&s) {
            return Err(TestCaseError::fail(e));
        }
    }
}
