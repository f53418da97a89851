//! What a session must hold before anything relies on it: the current item and the sak a
//! break interrupted are on the agenda, nothing is under way before the meeting starts or
//! after it ends, the clock runs on one item at most (the current one, and not while it is
//! stopped), and past interruptions have ended. A session read from a file is checked for
//! these; every session the walker makes holds them. (What the program reads with care
//! anyway, such as a draft naming a note that is gone, is not refused.)

use super::agenda::Item;
use super::session::Session;

/// Where in the session's record a broken rule is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    Current,
    Interrupted,
    Paused,
    Ended,
    /// `record.interruptions[n]`.
    Interruption(usize),
    /// `record.items[item].segments[segment]`.
    Segment {
        item: usize,
        segment: usize,
    },
}

/// Which item of the agenda, as a reader finds it: its place from 1 and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// From 1, as the saksliste counts.
    pub place: usize,
    pub title: String,
}

/// A rule of the session that does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// `current` (from 0) names no item: the agenda has `items`.
    CurrentNotOnAgenda { current: usize, items: usize },
    /// `interrupted` (from 0) names no item.
    InterruptedNotOnAgenda { interrupted: usize, items: usize },
    /// An item is under way, a clock stopped or an end recorded, but the meeting never
    /// started.
    NotStarted(Spot),
    /// An item is under way, or the clock stopped, in a meeting that has ended.
    AlreadyEnded(Spot),
    /// A past interruption of the clock with no end.
    InterruptionWithoutEnd,
    /// A stretch of time with no end on an item that is not under way.
    RunningButNotCurrent(Named),
    /// A stretch with no end before another stretch of the same item.
    RunningNotLast(Named),
    /// A stretch with no end while the clock is stopped.
    RunningWhilePaused(Named),
}

/// A broken rule and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub spot: Spot,
    pub broken: Broken,
}

/// The first rule `session` breaks, in the order of its file (the meeting's record, then
/// each item's); `None` when it holds them all.
pub fn first_broken(session: &Session) -> Option<Violation> {
    let record = &session.record;
    let items = session.agenda.items.len();
    let at = |spot, broken| Some(Violation { spot, broken });
    let started = record.started.is_some();
    let ended = record.ended.is_some();
    if let Some(current) = record.current {
        if current >= items {
            return at(Spot::Current, Broken::CurrentNotOnAgenda { current, items });
        }
        if !started {
            return at(Spot::Current, Broken::NotStarted(Spot::Current));
        }
        if ended {
            return at(Spot::Current, Broken::AlreadyEnded(Spot::Current));
        }
    }
    if record.paused.is_some() {
        if !started {
            return at(Spot::Paused, Broken::NotStarted(Spot::Paused));
        }
        if ended {
            return at(Spot::Paused, Broken::AlreadyEnded(Spot::Paused));
        }
    }
    if ended && !started {
        return at(Spot::Ended, Broken::NotStarted(Spot::Ended));
    }
    if let Some(n) = record.interruptions.iter().position(|i| i.end.is_none()) {
        return at(Spot::Interruption(n), Broken::InterruptionWithoutEnd);
    }
    if let Some(interrupted) = record.interrupted.filter(|&i| i >= items) {
        return at(Spot::Interrupted, Broken::InterruptedNotOnAgenda { interrupted, items });
    }
    session.agenda.items.iter().enumerate().find_map(|(i, item)| item_broken(session, i, item))
}

/// The first rule item `i`'s record breaks.
fn item_broken(session: &Session, i: usize, item: &Item) -> Option<Violation> {
    let segments = &item.record().segments;
    let segment = segments.iter().position(|s| s.end.is_none())?;
    let named = Named { place: i + 1, title: item.title().to_string() };
    let broken = if session.record.current != Some(i) {
        Broken::RunningButNotCurrent(named)
    } else if segment + 1 < segments.len() {
        Broken::RunningNotLast(named)
    } else if session.record.paused.is_some() {
        Broken::RunningWhilePaused(named)
    } else {
        return None;
    };
    Some(Violation { spot: Spot::Segment { item: i, segment }, broken })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::command::Command;
    use crate::domain::notes::NoteKind;
    use crate::domain::session::Segment;
    use crate::domain::session::tests::{at, session};
    use proptest::prelude::*;

    fn broken(s: &Session) -> Option<(Spot, Broken)> {
        first_broken(s).map(|v| (v.spot, v.broken))
    }

    /// 10:00 01/25 a, 02/25 b, Pause, 03/25 c; started at 10:00, 02/25 under way since 10:10.
    fn running() -> Session {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.next(at("10:10:00")).unwrap();
        s
    }

    #[test]
    fn a_walked_session_holds_every_rule() {
        let mut s = running();
        assert_eq!(broken(&s), None);
        s.pause(at("10:12:00")).unwrap();
        assert_eq!(broken(&s), None);
        s.close(at("10:20:00")).unwrap();
        assert_eq!(broken(&s), None);
        assert_eq!(broken(&session()), None, "nor does one not started");
    }

    #[test]
    fn the_current_item_and_the_interrupted_one_are_on_the_agenda() {
        let mut s = running();
        s.record.current = Some(4);
        assert_eq!(broken(&s), Some((Spot::Current, Broken::CurrentNotOnAgenda { current: 4, items: 4 })));
        let mut s = running();
        s.record.interrupted = Some(9);
        assert_eq!(broken(&s), Some((Spot::Interrupted, Broken::InterruptedNotOnAgenda { interrupted: 9, items: 4 })));
    }

    #[test]
    fn nothing_is_under_way_before_the_start_or_after_the_end() {
        let mut s = session();
        s.record.current = Some(0);
        assert_eq!(broken(&s), Some((Spot::Current, Broken::NotStarted(Spot::Current))));
        let mut s = session();
        s.record.paused = Some(at("10:00:00"));
        assert_eq!(broken(&s), Some((Spot::Paused, Broken::NotStarted(Spot::Paused))));
        let mut s = session();
        s.record.ended = Some(at("11:00:00"));
        assert_eq!(broken(&s), Some((Spot::Ended, Broken::NotStarted(Spot::Ended))));
        let mut s = running();
        s.record.ended = Some(at("11:00:00"));
        assert_eq!(broken(&s), Some((Spot::Current, Broken::AlreadyEnded(Spot::Current))));
        let mut s = running();
        s.close(at("10:30:00")).unwrap();
        s.record.paused = Some(at("10:20:00"));
        assert_eq!(broken(&s), Some((Spot::Paused, Broken::AlreadyEnded(Spot::Paused))));
    }

    #[test]
    fn the_clock_runs_on_the_current_item_only_and_not_while_stopped() {
        let b = || Named { place: 2, title: "b".into() };
        let mut s = running();
        s.agenda.items[0].record_mut().segments[0].end = None;
        let spot = Spot::Segment { item: 0, segment: 0 };
        assert_eq!(broken(&s), Some((spot, Broken::RunningButNotCurrent(Named { place: 1, title: "a".into() }))));
        let mut s = running();
        s.agenda.items[1].record_mut().segments.insert(0, Segment { start: at("10:05:00"), end: None });
        assert_eq!(broken(&s), Some((Spot::Segment { item: 1, segment: 0 }, Broken::RunningNotLast(b()))));
        let mut s = running();
        s.record.paused = Some(at("10:12:00"));
        assert_eq!(broken(&s), Some((Spot::Segment { item: 1, segment: 0 }, Broken::RunningWhilePaused(b()))));
        let mut s = running();
        s.record.interruptions.push(Segment { start: at("10:01:00"), end: None });
        assert_eq!(broken(&s), Some((Spot::Interruption(0), Broken::InterruptionWithoutEnd)));
    }

    /// The commands the meeting is walked with, by number.
    fn command(pick: u8, a: usize) -> Command {
        match pick % 16 {
            0 | 1 => Command::Next,
            2 => Command::GoTo(a),
            3 => Command::TogglePause,
            4 => Command::Break { title: "Pause".into() },
            5 => Command::TogglePostponed(a),
            6 => Command::ToggleWithdrawn(a),
            7 => Command::MoveItem { item: a, up: a.is_multiple_of(2) },
            8 => Command::AddSak { after: Some(a), title: "Ny".into(), kind: crate::domain::agenda::SakKind::Aob },
            9 => Command::AdoptProposal(a),
            10 => Command::Close,
            11 => Command::OpenDraft(a),
            12 => Command::WriteDraft { item: a, text: "x".into(), kind: NoteKind::Question, speaker: None },
            13 => Command::CommitDraft(a),
            14 => Command::DeleteEntry { item: a, index: 0 },
            _ => Command::SetMinutes { item: a, minutes: Some(5) },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the walker does to a generated agenda, the session holds every rule:
        /// a session the program wrote is never refused when it is read back.
        #[test]
        fn every_walked_session_holds_every_rule(
            agenda in crate::domain::arbitrary::agenda(),
            steps in proptest::collection::vec((0u8..16, 0usize..12), 1..60),
        ) {
            let mut s = Session::new(agenda);
            let mut now = at("09:58:00");
            for (pick, a) in steps {
                now = now.plus_seconds(97);
                let _ = s.apply(command(pick, a), now);
                prop_assert_eq!(first_broken(&s), None, "after {:?}", command(pick, a));
            }
        }
    }
}
