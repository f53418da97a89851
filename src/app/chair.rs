//! The chair's views of the meeting, as text: what `referent follow` and the chair's web
//! page show (`ChairView`), and what the room's projector shows (`RoomView`). Built from
//! the session at `now` in the user's words; serializable, so the web page shows the same
//! text as the terminal.

use serde::Serialize;

use crate::domain::agenda::Item;
use crate::domain::schedule::Schedule;
use crate::domain::session::{ItemState, Phase, Session};
use crate::domain::time::{Stamp, stopwatch};
use crate::i18n::Words;

/// How a time reads: within its timebox, from 80 % of it, or past it. Said in words as well
/// (the time left has a mark from 80 %, "+MM:SS over" past it), never in colour alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    #[default]
    Normal,
    Warning,
    Overrun,
}

/// An item still to come, with its projected start.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Upcoming {
    /// "11:05".
    pub at: String,
    /// "02/25 Normen 7.0", or a break's title.
    pub label: String,
}

/// What the chair needs to keep the meeting to time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChairView {
    /// The meeting's title.
    pub meeting: String,
    /// The wall clock, "14:03".
    pub clock: String,
    /// "Nå: 04/25 Beslutningssak", "Nå: Pause", or how the meeting stands.
    pub heading: String,
    /// The current item's title (empty when none).
    pub title: String,
    /// Time on the current item, "12:34"; `None` when no item is under way.
    pub timer: Option<String>,
    /// "av 20:00", or that the item has no timebox.
    pub timebox: String,
    /// "05:12 igjen", "⚠ 02:00 igjen", "+03:10 over".
    pub left: String,
    pub tone: Tone,
    /// That the clock is stopped.
    pub paused: Option<String>,
    /// Behind or ahead of plan.
    pub plan: String,
    pub plan_tone: Tone,
    /// Projected end against planned end.
    pub end: String,
    /// The next two items with their projected Kl. times.
    pub next: Vec<Upcoming>,
    /// A break under way: when it ends (the time left is in `left`).
    pub break_left: Option<String>,
    /// What it takes to end on time, when the meeting runs behind.
    pub catch_up: Option<String>,
    pub catch_up_tone: Tone,
}

/// One row of the room's saksliste.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RoomRow {
    /// Projected start for an item to come, planned start for the rest.
    pub at: String,
    /// The sak number ("04/25"); empty for a break.
    pub number: String,
    pub title: String,
    /// "ferdig", "nå", "utsatt", "trukket", or empty for an item to come.
    pub state: String,
    /// The item under way.
    pub current: bool,
    /// Who presents the sak: shown in the room only when asked for (`/room?names=1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
}

/// What the room sees on the projector: the clock, the current sak, the saksliste with its
/// projected times. No notes, and the presenters' names only when asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RoomView {
    pub meeting: String,
    pub clock: String,
    pub heading: String,
    pub title: String,
    pub timer: Option<String>,
    pub left: String,
    pub tone: Tone,
    pub end: String,
    pub saksliste: Vec<RoomRow>,
}

/// Both views, as the web server is handed them after each frame.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Views {
    pub chair: ChairView,
    pub room: RoomView,
}

impl Views {
    pub fn of(session: &Session, schedule: &Schedule, now: Stamp, w: &Words) -> Views {
        Views { chair: ChairView::of(session, schedule, now, w), room: RoomView::of(session, schedule, now, w) }
    }
}

/// The cuts the chair is told of by name; the rest are counted.
const MOST_CUTS: usize = 3;

/// "04/25 Normen 7.0", or a break's title.
fn label(session: &Session, numbers: &[Option<crate::domain::agenda::SakNumber>], i: usize) -> String {
    let title = session.agenda.items[i].title();
    match numbers.get(i).copied().flatten() {
        Some(n) => format!("{n} {title}"),
        None => title.to_string(),
    }
}

/// The current item's heading, title, timer and time left; or how the meeting stands.
struct Current {
    heading: String,
    title: String,
    timer: Option<String>,
    timebox: String,
    left: String,
    tone: Tone,
    break_left: Option<String>,
}

fn current(session: &Session, schedule: &Schedule, now: Stamp, w: &Words) -> Current {
    let numbers = session.agenda.sak_numbers();
    let Some(t) = session.timer(schedule, now) else {
        let heading = match session.record.ended {
            Some(ended) => (w.ended)(&ended.hm().to_string()),
            None if session.record.started.is_none() => w.chair.not_started.to_string(),
            None => w.no_current.to_string(),
        };
        return Current {
            heading,
            title: String::new(),
            timer: None,
            timebox: String::new(),
            left: String::new(),
            tone: Tone::Normal,
            break_left: None,
        };
    };
    let item = &session.agenda.items[t.item];
    let what = match item {
        Item::Sak(s) => {
            let number = numbers.get(t.item).copied().flatten().map(|n| format!("{n} ")).unwrap_or_default();
            format!("{number}{}", w.kind(s.kind))
        }
        // (A break is named in the heading: "Nå: Lunsj", with no title under it.)
        Item::Break(_) => item.title().to_string(),
    };
    let tone = match t.phase {
        Phase::Within => Tone::Normal,
        Phase::Warning => Tone::Warning,
        Phase::Overrun => Tone::Overrun,
    };
    let (timebox, left) = if t.timebox == 0 {
        (w.no_timebox.to_string(), String::new())
    } else if t.left() >= 0 {
        let mark = if t.phase == Phase::Warning { format!("{} ", w.home.warning_mark) } else { String::new() };
        ((w.of_timebox)(&stopwatch(t.timebox)), format!("{mark}{}", (w.time_left)(&stopwatch(t.left()))))
    } else {
        ((w.of_timebox)(&stopwatch(t.timebox)), (w.time_over)(&stopwatch(t.left())))
    };
    let break_left = (matches!(item, Item::Break(_)) && t.timebox > 0).then(|| {
        let ends = now.plus_seconds(t.left()).hm().to_string();
        if t.left() >= 0 { (w.chair.break_ends)(&ends) } else { (w.chair.break_over)(&ends) }
    });
    Current {
        heading: format!("{}: {what}", w.now_title),
        title: if matches!(item, Item::Sak(_)) { item.title().to_string() } else { String::new() },
        timer: Some(stopwatch(t.elapsed)),
        timebox,
        left,
        tone,
        break_left,
    }
}

impl ChairView {
    pub fn of(session: &Session, schedule: &Schedule, now: Stamp, w: &Words) -> ChairView {
        let c = current(session, schedule, now, w);
        let p = session.projection(schedule, now);
        let numbers = session.agenda.sak_numbers();
        let (plan, plan_tone, end) = if session.record.ended.is_some() {
            (String::new(), Tone::Normal, (w.meeting_ended)(&p.planned_end.hm().to_string()))
        } else {
            let tone = match p.behind {
                b if b > 5 => Tone::Overrun,
                b if b > 0 => Tone::Warning,
                _ => Tone::Normal,
            };
            let plan = if session.record.started.is_some() { (w.behind)(p.behind) } else { String::new() };
            (plan, tone, (w.projected_end)(&p.end.hm().to_string(), &p.planned_end.hm().to_string()))
        };
        let next = p
            .starts
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| Upcoming { at: s.hm().to_string(), label: label(session, &numbers, i) }))
            .take(2)
            .collect();
        let (catch_up, catch_up_tone) = if let Some(offer) = session.catch_up_offer(schedule, now) {
            let found = offer.cuts.iter().map(|c| c.from - c.to).sum();
            let cuts = offer
                .cuts
                .iter()
                .map(|c| {
                    let name = match numbers.get(c.item).copied().flatten() {
                        Some(n) => n.to_string(),
                        None => session.agenda.items[c.item].title().to_string(),
                    };
                    format!("{name} {}→{} min", c.from, c.to)
                })
                .collect::<Vec<_>>();
            // (The saksliste of the main screen has them all.)
            let cuts = match cuts.len() {
                n if n > MOST_CUTS => format!("{} (+{})", cuts[..MOST_CUTS].join(", "), n - MOST_CUTS),
                _ => cuts.join(", "),
            };
            (Some((w.chair.catch_up)(found, offer.over, offer.short, offer.breaks, &cuts)), Tone::Warning)
        } else if let Some(c) = session.catch_up(schedule, now, true).filter(|c| c.short > 0) {
            (Some((w.cannot_catch_up)(c.short)), Tone::Overrun)
        } else {
            (None, Tone::Normal)
        };
        ChairView {
            meeting: session.agenda.title.clone(),
            clock: now.hm().to_string(),
            heading: c.heading,
            title: c.title,
            timer: c.timer,
            timebox: c.timebox,
            left: c.left,
            tone: c.tone,
            paused: session.record.paused.is_some().then(|| w.paused.to_string()),
            plan,
            plan_tone,
            end,
            next,
            break_left: c.break_left,
            catch_up,
            catch_up_tone,
        }
    }
}

impl RoomView {
    pub fn of(session: &Session, schedule: &Schedule, now: Stamp, w: &Words) -> RoomView {
        let c = current(session, schedule, now, w);
        let p = session.projection(schedule, now);
        let numbers = session.agenda.sak_numbers();
        let saksliste = session
            .agenda
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let is_current = session.record.current == Some(i);
                let state = match item.record().state {
                    _ if is_current => w.chair.now,
                    ItemState::Done => w.chair.done,
                    ItemState::Postponed => w.chair.postponed,
                    ItemState::Withdrawn => w.chair.withdrawn,
                    ItemState::Pending => "",
                };
                let at = p.starts[i]
                    .map(Stamp::hm)
                    .or_else(|| item.record().segments.first().map(|s| s.start.hm()))
                    .or_else(|| schedule.slots.get(i).map(|s| s.start));
                RoomRow {
                    at: at.map(|a| a.to_string()).unwrap_or_default(),
                    number: numbers.get(i).copied().flatten().map(|n| n.to_string()).unwrap_or_default(),
                    title: item.title().to_string(),
                    state: state.to_string(),
                    current: is_current,
                    presenter: match item {
                        Item::Sak(sak) => sak.presenter.clone(),
                        Item::Break(_) => None,
                    },
                }
            })
            .collect();
        let end = if session.record.ended.is_some() {
            (w.meeting_ended)(&p.planned_end.hm().to_string())
        } else {
            (w.projected_end)(&p.end.hm().to_string(), &p.planned_end.hm().to_string())
        };
        RoomView {
            meeting: session.agenda.title.clone(),
            clock: now.hm().to_string(),
            heading: c.heading,
            title: c.title,
            timer: c.timer,
            left: c.left,
            tone: c.tone,
            end,
            saksliste,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Lang;
    use crate::domain::session::tests::{at, session};
    use crate::i18n::words;

    fn nb() -> &'static Words {
        words(Lang::Nb)
    }

    #[test]
    fn before_the_start_the_chair_sees_the_plan() {
        let s = session();
        let v = ChairView::of(&s, &s.schedule(), at("09:50:00"), nb());
        assert_eq!(v.heading, "Møtet har ikke startet");
        assert_eq!(v.timer, None);
        assert_eq!(v.clock, "09:50");
        assert_eq!(v.end, "slutt ~11:00 (plan 11:00)");
        let next: Vec<_> = v.next.iter().map(|n| (n.at.as_str(), n.label.as_str())).collect();
        assert_eq!(next, [("10:00", "01/25 a"), ("10:10", "02/25 b")]);
    }

    #[test]
    fn a_sak_under_way_has_its_timer_and_time_left() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        let v = ChairView::of(&s, &s.schedule(), at("10:03:30"), nb());
        assert_eq!(v.heading, "Nå: 01/25 Orienteringssak");
        assert_eq!(v.title, "a");
        assert_eq!(v.timer.as_deref(), Some("03:30"));
        assert_eq!(v.timebox, "av 10:00");
        assert_eq!((v.left.as_str(), v.tone), ("06:30 igjen", Tone::Normal));
        assert_eq!(v.plan, "i rute");
        let next: Vec<_> = v.next.iter().map(|n| (n.at.as_str(), n.label.as_str())).collect();
        assert_eq!(next, [("10:10", "02/25 b"), ("10:30", "Pause")]);
        assert_eq!(v.catch_up, None);
    }

    #[test]
    fn from_eighty_percent_a_mark_and_past_the_timebox_the_overrun_in_words() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        let v = ChairView::of(&s, &s.schedule(), at("10:08:00"), nb());
        assert_eq!((v.left.as_str(), v.tone), ("⚠ 02:00 igjen", Tone::Warning));
        let v = ChairView::of(&s, &s.schedule(), at("10:13:10"), nb());
        assert_eq!((v.left.as_str(), v.tone), ("+03:10 over", Tone::Overrun));
        // The rest of the meeting moves with it: 3 min behind, the end 3 min late.
        assert_eq!((v.plan.as_str(), v.plan_tone), ("3 min etter plan", Tone::Warning));
        assert_eq!(v.end, "slutt ~11:03 (plan 11:00)");
        assert_eq!(v.next[0].at, "10:13");
    }

    #[test]
    fn running_behind_the_chair_is_told_what_to_cut() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        let v = ChairView::of(&s, &s.schedule(), at("10:16:00"), nb());
        let hint = v.catch_up.expect("a proposal");
        assert!(hint.starts_with("Slik slutter møtet i tide: kort ned "), "{hint}");
        assert!(hint.contains("02/25 20→") && hint.contains("03/25 15→"), "{hint}");
        assert_eq!(v.catch_up_tone, Tone::Warning);
    }

    #[test]
    fn many_cuts_are_named_three_and_counted() {
        use crate::domain::fixtures::{agenda, sak};
        let items = (0..6).map(|i| sak(&format!("s{i}"), None, Some(10))).collect();
        let mut s = Session::new(agenda(Some("10:00"), Some("11:00"), items));
        s.next(at("10:00:00")).unwrap();
        let v = ChairView::of(&s, &s.schedule(), at("10:40:00"), nb());
        let hint = v.catch_up.expect("a proposal");
        assert!(hint.contains("02/25 10→") && hint.contains("04/25 10→"), "{hint}");
        assert!(!hint.contains("05/25") && hint.contains("(+2)"), "{hint}");
    }

    #[test]
    fn a_break_counts_down_to_its_end() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        s.go_to(2, at("10:30:00")).unwrap();
        let v = ChairView::of(&s, &s.schedule(), at("10:34:00"), nb());
        assert_eq!(v.heading, "Nå: Pause");
        assert_eq!(v.break_left.as_deref(), Some("pausen slutter kl. 10:45"));
        assert_eq!(v.left, "11:00 igjen");
        let v = ChairView::of(&s, &s.schedule(), at("10:47:00"), nb());
        assert_eq!(v.break_left.as_deref(), Some("pausen skulle sluttet kl. 10:45"));
        assert_eq!((v.left.as_str(), v.tone), ("+02:00 over", Tone::Overrun));
    }

    #[test]
    fn the_words_follow_the_language() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        let v = ChairView::of(&s, &s.schedule(), at("10:13:10"), words(Lang::En));
        assert_eq!(v.left, "+03:10 over");
        assert!(v.heading.starts_with("Now: 01/25"), "{}", v.heading);
    }

    #[test]
    fn the_room_sees_the_saksliste_with_projected_times_and_no_names() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        s.next(at("10:12:00")).unwrap();
        let v = RoomView::of(&s, &s.schedule(), at("10:15:00"), nb());
        let rows: Vec<_> = v.saksliste.iter().map(|r| (r.at.as_str(), r.number.as_str(), r.state.as_str())).collect();
        assert_eq!(
            rows,
            [("10:00", "01/25", "ferdig"), ("10:12", "02/25", "nå"), ("10:32", "", ""), ("10:47", "03/25", "")]
        );
        assert!(v.saksliste[1].current);
        assert_eq!(v.end, "slutt ~11:02 (plan 11:00)");
    }

    #[test]
    fn an_ended_meeting_says_so() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        s.close(at("10:50:00")).unwrap();
        let v = ChairView::of(&s, &s.schedule(), at("10:55:00"), nb());
        assert_eq!(v.heading, "Møtet ble avsluttet kl. 10:50");
        assert_eq!(v.timer, None);
        assert!(v.next.is_empty());
    }
}
