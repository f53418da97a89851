//! Attendance: til stede, forfall, fraværende, arrivals and departures, and the quorum.

use serde::{Deserialize, Serialize};

use super::agenda::{Person, Quorum, Role};
use super::session::{Refusal, Session};
use super::time::Stamp;

/// Marking someone present this long after the start is a roll call, not a late arrival.
pub const ROLL_CALL_MINUTES: i64 = 10;

/// One roster entry's attendance at the meeting (`Person::attendance`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    #[serde(default)]
    pub presence: Presence,
    /// Kom kl.: arrived after the meeting started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived: Option<Stamp>,
    /// Gikk kl.: left before the meeting ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Stamp>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Presence {
    /// Not yet marked.
    #[default]
    Unmarked,
    /// Til stede.
    Present,
    /// Forfall: sent apologies.
    Apologies,
    /// Fraværende: absent without notice.
    Absent,
}

/// Whether enough members are present to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuorumState {
    /// Members (and deputies) present now.
    pub present: u32,
    /// Members on the roster (chair, vice chair, members).
    pub members: u32,
    /// How many must be present; `None` when the agenda sets no rule.
    pub needed: Option<u32>,
}

impl QuorumState {
    /// `None` when there is no rule.
    pub fn quorate(&self) -> Option<bool> {
        self.needed.map(|n| self.present >= n)
    }
}

impl Attendance {
    /// The attendance an agenda entry starts with: forfall if sent beforehand.
    pub fn from_roster(person: &Person) -> Attendance {
        let presence = if person.apologies { Presence::Apologies } else { Presence::Unmarked };
        Attendance { presence, ..Attendance::default() }
    }

    /// In the room now.
    pub fn is_here(&self) -> bool {
        self.presence == Presence::Present && self.left.is_none()
    }
}

impl Session {
    /// Marks person `who`. Marked present after the roll call, or after being marked away,
    /// the arrival time is recorded; marked away, arrival and departure are cleared.
    pub fn set_presence(&mut self, who: usize, presence: Presence, now: Stamp) -> Result<(), Refusal> {
        let started = self.record.started;
        let running = self.is_running();
        let a = &mut self.agenda.people.get_mut(who).ok_or(Refusal::NoSuchItem)?.attendance;
        let before = a.presence;
        a.presence = presence;
        match presence {
            Presence::Present if before != Presence::Present && running => {
                let roll_call = before == Presence::Unmarked
                    && started.is_some_and(|s| now.seconds_since(s) < ROLL_CALL_MINUTES * 60);
                if !roll_call {
                    a.arrived = Some(now);
                }
            }
            Presence::Present => {}
            _ => {
                a.arrived = None;
                a.left = None;
            }
        }
        Ok(())
    }

    /// Records that person `who` left now, or takes a recorded departure back.
    pub fn toggle_left(&mut self, who: usize, now: Stamp) -> Result<(), Refusal> {
        let a = &mut self.agenda.people.get_mut(who).ok_or(Refusal::NoSuchItem)?.attendance;
        if a.presence != Presence::Present {
            return Err(Refusal::NotPresent);
        }
        a.left = if a.left.is_some() { None } else { Some(now) };
        Ok(())
    }

    /// Corrects the arrival (`arrived`) or departure time of person `who`.
    pub fn set_times(&mut self, who: usize, arrived: Option<Stamp>, left: Option<Stamp>) -> Result<(), Refusal> {
        let a = &mut self.agenda.people.get_mut(who).ok_or(Refusal::NoSuchItem)?.attendance;
        if a.presence != Presence::Present {
            return Err(Refusal::NotPresent);
        }
        a.arrived = arrived;
        a.left = left;
        Ok(())
    }

    /// Marks everyone not yet marked as present: the roll call, no arrival times.
    pub fn all_unmarked_present(&mut self) {
        for a in self.agenda.people.iter_mut().map(|p| &mut p.attendance) {
            if a.presence == Presence::Unmarked {
                a.presence = Presence::Present;
            }
        }
    }

    /// Adds someone who is not on the roster; their index.
    pub fn add_person(&mut self, person: Person) -> usize {
        let attendance = Attendance::from_roster(&person);
        self.agenda.people.push(Person { attendance, ..person });
        self.agenda.people.len() - 1
    }

    pub fn quorum(&self) -> QuorumState {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let members = count(self.agenda.people.iter().filter(|p| p.role.is_member() && p.role != Role::Deputy).count());
        let present = count(self.agenda.people.iter().filter(|p| p.role.is_member() && p.attendance.is_here()).count());
        let needed = self.agenda.quorum.map(|q| match q {
            Quorum::Majority => members / 2 + 1,
            Quorum::AtLeast(n) => n,
        });
        QuorumState { present, members, needed }
    }

    /// Everyone in the room now, members or not.
    pub fn present_count(&self) -> usize {
        self.agenda.people.iter().filter(|p| p.attendance.is_here()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::tests::{at, session};

    fn person(name: &str, role: Role) -> Person {
        Person { name: Some(name.into()), role, ..Person::default() }
    }

    fn roster() -> Session {
        let mut s = session();
        for (n, r) in [("Ida", Role::Chair), ("Pål", Role::Member), ("Jon", Role::Member), ("Max", Role::Secretariat)]
        {
            s.add_person(person(n, r));
        }
        s.agenda.quorum = Some(Quorum::Majority);
        s
    }

    #[test]
    fn the_roll_call_records_no_arrival_times() {
        let mut s = roster();
        s.start(at("10:00:00")).unwrap();
        s.set_presence(0, Presence::Present, at("10:02:00")).unwrap();
        assert_eq!(s.agenda.people[0].attendance.arrived, None);
        s.set_presence(1, Presence::Present, at("10:35:00")).unwrap();
        assert_eq!(s.agenda.people[1].attendance.arrived, Some(at("10:35:00")));
        s.set_presence(2, Presence::Apologies, at("10:01:00")).unwrap();
        s.set_presence(2, Presence::Present, at("10:05:00")).unwrap();
        assert_eq!(s.agenda.people[2].attendance.arrived, Some(at("10:05:00")), "marked away before: an arrival");
    }

    #[test]
    fn before_the_meeting_nobody_arrives_late() {
        let mut s = roster();
        s.set_presence(1, Presence::Present, at("09:50:00")).unwrap();
        assert_eq!(s.agenda.people[1].attendance.arrived, None);
    }

    #[test]
    fn leaving_is_recorded_and_can_be_corrected() {
        let mut s = roster();
        s.start(at("10:00:00")).unwrap();
        s.all_unmarked_present();
        assert_eq!(s.present_count(), 4);
        s.toggle_left(1, at("14:00:00")).unwrap();
        assert_eq!(s.present_count(), 3);
        s.set_times(1, None, Some(at("13:55:00"))).unwrap();
        assert_eq!(s.agenda.people[1].attendance.left, Some(at("13:55:00")));
        s.toggle_left(1, at("14:10:00")).unwrap();
        assert_eq!(s.agenda.people[1].attendance.left, None);
        s.set_presence(1, Presence::Absent, at("14:11:00")).unwrap();
        assert_eq!(s.toggle_left(1, at("14:12:00")), Err(Refusal::NotPresent));
    }

    #[test]
    fn the_quorum_counts_members_in_the_room() {
        let mut s = roster();
        assert_eq!(s.quorum(), QuorumState { present: 0, members: 3, needed: Some(2) });
        assert_eq!(s.quorum().quorate(), Some(false));
        s.set_presence(0, Presence::Present, at("09:50:00")).unwrap();
        s.set_presence(3, Presence::Present, at("09:50:00")).unwrap(); // the secretariat does not count
        assert_eq!(s.quorum().quorate(), Some(false));
        s.set_presence(2, Presence::Present, at("09:50:00")).unwrap();
        assert_eq!(s.quorum().quorate(), Some(true));
        s.agenda.quorum = Some(Quorum::AtLeast(3));
        assert_eq!(s.quorum().quorate(), Some(false));
        s.agenda.quorum = None;
        assert_eq!(s.quorum().quorate(), None);
    }

    #[test]
    fn forfall_sent_beforehand_is_known_from_the_start() {
        let p = Person { name: Some("Laila".into()), apologies: true, ..Person::default() };
        assert_eq!(Attendance::from_roster(&p).presence, Presence::Apologies);
    }
}
