//! Arrivals, departures and returns told where they happened: when someone comes, goes or
//! comes back while an item is under way, an entry in that item's timeline says so, movable
//! like a note; the attendance keeps the times, and the entries are kept in step with it.

use serde::{Deserialize, Serialize};

use super::session::Session;
use super::time::Stamp;
use super::timeline::Entry;

/// What happened to someone's presence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Kom: arrived after the start.
    Arrived,
    /// Gikk: left.
    Left,
    /// Kom tilbake: came back after leaving.
    Back,
}

/// Person `who` (their place on the roster) came, went or came back at `at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceMark {
    pub at: Stamp,
    pub who: usize,
    pub change: Change,
}

impl Session {
    /// The comings and goings of person `who` as their attendance has them, in order.
    pub fn presence_events(&self, who: usize) -> Vec<(Change, Stamp)> {
        let Some(p) = self.agenda.people.get(who) else { return Vec::new() };
        let a = &p.attendance;
        let mut events: Vec<(Change, Stamp)> = a.arrived.map(|at| (Change::Arrived, at)).into_iter().collect();
        for away in &a.absences {
            events.push((Change::Left, away.left));
            events.push((Change::Back, away.back));
        }
        events.extend(a.left.map(|at| (Change::Left, at)));
        events
    }

    /// Whether a timeline entry tells this event of person `who`.
    pub fn is_told_in_timeline(&self, who: usize, change: Change, at: Stamp) -> bool {
        self.marks().any(|(_, _, m)| m == PresenceMark { at, who, change })
    }

    /// Every presence entry: item, place in its timeline, the mark.
    fn marks(&self) -> impl Iterator<Item = (usize, usize, PresenceMark)> + '_ {
        self.agenda.items.iter().enumerate().flat_map(|(i, item)| {
            item.record().entries.iter().enumerate().filter_map(move |(j, e)| match e {
                Entry::Presence(m) => Some((i, j, *m)),
                _ => None,
            })
        })
    }

    /// Brings the timeline in step with person `who`'s attendance after it changed from
    /// `before` (their events then): an event that is new gets an entry at the item under
    /// way; an entry whose event is gone goes. `corrected`: the times were corrected, so
    /// an entry whose time changed keeps its place with the new time (the n-th departure
    /// entry takes the n-th departure left without one).
    pub fn tell_presence(&mut self, who: usize, before: &[(Change, Stamp)], corrected: bool) {
        let events = self.presence_events(who);
        let mut told = vec![false; events.len()];
        let mut stale = Vec::new();
        for (i, j, mark) in self.marks().filter(|(_, _, m)| m.who == who).collect::<Vec<_>>() {
            let matching = events.iter().zip(&told).position(|(&(c, at), &t)| !t && (c, at) == (mark.change, mark.at));
            match matching {
                Some(k) => told[k] = true,
                None => stale.push((i, j, mark)),
            }
        }
        let mut gone = Vec::new();
        for (i, j, mark) in stale {
            let kept =
                corrected.then(|| events.iter().zip(&told).position(|(&(c, _), &t)| !t && c == mark.change)).flatten();
            match kept {
                Some(k) => {
                    told[k] = true;
                    if let Some(Entry::Presence(m)) = self.agenda.items[i].record_mut().entries.get_mut(j) {
                        m.at = events[k].1;
                    }
                }
                None => gone.push((i, j)),
            }
        }
        // (From the end, so that the places of those still to go hold.)
        for (i, j) in gone.into_iter().rev() {
            let _ = self.delete_entry(i, j);
        }
        let Some(current) = self.record.current.filter(|_| self.is_running()) else { return };
        for (k, &(change, at)) in events.iter().enumerate() {
            if !told[k] && !before.contains(&(change, at)) {
                self.agenda.items[current].record_mut().push(Entry::Presence(PresenceMark { at, who, change }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Person;
    use crate::domain::attendance::{Absence, Presence};
    use crate::domain::command::Command;
    use crate::domain::session::tests::{at, session};

    fn marks(s: &Session, item: usize) -> Vec<(Change, String)> {
        s.agenda.items[item]
            .record()
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Presence(m) => Some((m.change, m.at.hm().to_string())),
                _ => None,
            })
            .collect()
    }

    fn with_pål() -> Session {
        let mut s = session();
        s.add_person(Person { name: Some("Pål".into()), ..Person::default() });
        s.apply(Command::Next, at("10:00:00")).unwrap();
        s.apply(Command::SetPresence { who: 0, presence: Presence::Present }, at("10:01:00")).unwrap();
        s
    }

    #[test]
    fn coming_going_and_coming_back_are_told_at_the_item_under_way() {
        let mut s = with_pål();
        assert_eq!(marks(&s, 0), [], "the roll call is no arrival");
        s.apply(Command::Next, at("10:10:00")).unwrap();
        s.apply(Command::ToggleLeft(0), at("10:12:00")).unwrap();
        s.apply(Command::Next, at("10:30:00")).unwrap();
        s.apply(Command::ToggleLeft(0), at("10:31:00")).unwrap();
        assert_eq!(marks(&s, 1), [(Change::Left, "10:12".into())]);
        assert_eq!(marks(&s, 2), [(Change::Back, "10:31".into())]);
    }

    #[test]
    fn a_late_arrival_is_told_and_marking_away_takes_it_back() {
        let mut s = with_pål();
        s.add_person(Person { name: Some("Kari".into()), ..Person::default() });
        s.apply(Command::SetPresence { who: 1, presence: Presence::Present }, at("10:40:00")).unwrap();
        assert_eq!(marks(&s, 0), [(Change::Arrived, "10:40".into())]);
        s.apply(Command::SetPresence { who: 1, presence: Presence::Absent }, at("10:41:00")).unwrap();
        assert_eq!(marks(&s, 0), [], "marked away by mistake: nothing to tell");
    }

    #[test]
    fn corrected_times_keep_the_entry_where_it_was_moved() {
        let mut s = with_pål();
        s.apply(Command::ToggleLeft(0), at("10:05:00")).unwrap();
        s.apply(Command::ToggleLeft(0), at("10:08:00")).unwrap();
        let away = vec![Absence { left: at("10:04:00"), back: at("10:09:00") }];
        s.apply(Command::SetTimes { who: 0, arrived: None, left: None, absences: away }, at("10:20:00")).unwrap();
        assert_eq!(marks(&s, 0), [(Change::Left, "10:04".into()), (Change::Back, "10:09".into())]);
        // The return taken out: its entry goes.
        s.apply(
            Command::SetTimes { who: 0, arrived: None, left: Some(at("10:04:00")), absences: Vec::new() },
            at("10:21:00"),
        )
        .unwrap();
        assert_eq!(marks(&s, 0), [(Change::Left, "10:04".into())]);
        assert!(s.is_told_in_timeline(0, Change::Left, at("10:04:00")));
    }

    #[test]
    fn before_the_start_and_after_the_end_nothing_is_told_in_a_timeline() {
        let mut s = session();
        s.add_person(Person { name: Some("Pål".into()), ..Person::default() });
        s.apply(Command::SetPresence { who: 0, presence: Presence::Present }, at("09:55:00")).unwrap();
        s.apply(Command::Next, at("10:00:00")).unwrap();
        s.apply(Command::Close, at("11:00:00")).unwrap();
        s.apply(Command::ToggleLeft(0), at("11:01:00")).unwrap();
        assert!(s.agenda.items.iter().all(|i| i.record().entries.is_empty()));
    }
}
