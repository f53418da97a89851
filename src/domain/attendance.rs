//! Attendance: til stede, forfall, fraværende, arrivals, departures and returns ("gikk
//! kl. 11:00, kom tilbake kl. 12:15"), and the quorum (a vara counts while standing in).

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
    /// Times away that ended: left and came back, in order, each before `left`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
    /// Gikk kl.: left (the last time) and not back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Stamp>,
}

/// A time away from the meeting: "gikk kl. 11:00, kom tilbake kl. 12:15".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub left: Stamp,
    pub back: Stamp,
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
    /// Members present now, with the deputies standing in for those who are not: never
    /// more than `members`.
    pub present: u32,
    /// Of `present`, the deputies standing in for members who are not here.
    pub deputies: u32,
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

    /// Whether the times come in the order they happened: arrival, each time away (left
    /// before back), the last departure. Times left out are skipped.
    pub fn times_in_order(arrived: Option<Stamp>, absences: &[Absence], left: Option<Stamp>) -> bool {
        let times: Vec<Stamp> =
            arrived.into_iter().chain(absences.iter().flat_map(|a| [a.left, a.back])).chain(left).collect();
        times.windows(2).all(|w| w[0] <= w[1])
    }
}

impl Session {
    /// Marks person `who`. Marked present after the roll call, or after being marked away,
    /// the arrival time is recorded; marked present after leaving, they came back now;
    /// marked away, arrival, departures and returns are cleared.
    pub fn set_presence(&mut self, who: usize, presence: Presence, now: Stamp) -> Result<(), Refusal> {
        let started = self.record.started;
        let running = self.is_running();
        let a = &mut self.agenda.people.get_mut(who).ok_or(Refusal::NoSuchItem)?.attendance;
        let before = a.presence;
        a.presence = presence;
        match presence {
            Presence::Present if before == Presence::Present => a.come_back(now),
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
                a.absences.clear();
                a.left = None;
            }
        }
        Ok(())
    }

    /// Person `who` left now; or, when they had left, came back now (a departure is
    /// never erased here: `z` undoes, `e` corrects).
    pub fn toggle_left(&mut self, who: usize, now: Stamp) -> Result<(), Refusal> {
        let a = &mut self.agenda.people.get_mut(who).ok_or(Refusal::NoSuchItem)?.attendance;
        if a.presence != Presence::Present {
            return Err(Refusal::NotPresent);
        }
        if a.left.is_some() {
            a.come_back(now);
        } else {
            // (Never before a return already recorded: the times stay in order.)
            let last_back = a.absences.last().map(|b| b.back);
            a.left = Some(last_back.map_or(now, |b| b.max(now)));
        }
        Ok(())
    }

    /// Corrects the arrival, the times away and the last departure of person `who`;
    /// refused unless they come in the order they happened.
    pub fn set_times(
        &mut self,
        who: usize,
        arrived: Option<Stamp>,
        absences: Vec<Absence>,
        left: Option<Stamp>,
    ) -> Result<(), Refusal> {
        let a = &mut self.agenda.people.get_mut(who).ok_or(Refusal::NoSuchItem)?.attendance;
        if a.presence != Presence::Present {
            return Err(Refusal::NotPresent);
        }
        if !Attendance::times_in_order(arrived, &absences, left) {
            return Err(Refusal::TimesOutOfOrder);
        }
        a.arrived = arrived;
        a.absences = absences;
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

    /// Members in the room and the quorum. A vara counts only while standing in for a
    /// member who is not here: the roster does not say for whom, so at most as many
    /// deputies count as there are members away.
    pub fn quorum(&self) -> QuorumState {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let people = &self.agenda.people;
        let voting = |p: &&Person| p.role.is_member() && p.role != Role::Deputy;
        let members = count(people.iter().filter(voting).count());
        let members_here = count(people.iter().filter(voting).filter(|p| p.attendance.is_here()).count());
        let deputies_here = count(people.iter().filter(|p| p.role == Role::Deputy && p.attendance.is_here()).count());
        let deputies = deputies_here.min(members - members_here);
        let needed = self.agenda.quorum.map(|q| match q {
            Quorum::Majority => members / 2 + 1,
            Quorum::AtLeast(n) => n,
        });
        QuorumState { present: members_here + deputies, deputies, members, needed }
    }

    /// Everyone in the room now, members or not.
    pub fn present_count(&self) -> usize {
        self.agenda.people.iter().filter(|p| p.attendance.is_here()).count()
    }
}

impl Attendance {
    /// Back now after leaving (nothing when they had not left).
    fn come_back(&mut self, now: Stamp) {
        if let Some(left) = self.left.take() {
            // (A departure corrected to later than now: back the moment they left.)
            self.absences.push(Absence { left, back: now.max(left) });
        }
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
        s.set_times(1, None, Vec::new(), Some(at("13:55:00"))).unwrap();
        assert_eq!(s.agenda.people[1].attendance.left, Some(at("13:55:00")));
        s.set_presence(1, Presence::Absent, at("14:11:00")).unwrap();
        assert_eq!(s.toggle_left(1, at("14:12:00")), Err(Refusal::NotPresent));
    }

    #[test]
    fn someone_who_left_comes_back_and_the_departure_stays() {
        let mut s = roster();
        s.start(at("10:00:00")).unwrap();
        s.all_unmarked_present();
        s.toggle_left(1, at("11:00:00")).unwrap();
        // `t` on someone who left: back now.
        s.set_presence(1, Presence::Present, at("12:15:00")).unwrap();
        let back = |l: &str, b: &str| Absence { left: at(l), back: at(b) };
        let a = &s.agenda.people[1].attendance;
        assert_eq!((a.absences.clone(), a.left), (vec![back("11:00:00", "12:15:00")], None));
        assert!(a.is_here());
        // `g` twice: gone, then back again; never erased.
        s.toggle_left(1, at("13:00:00")).unwrap();
        assert_eq!(s.present_count(), 3);
        s.toggle_left(1, at("13:20:00")).unwrap();
        s.toggle_left(1, at("14:30:00")).unwrap();
        let a = &s.agenda.people[1].attendance;
        assert_eq!(a.absences, [back("11:00:00", "12:15:00"), back("13:00:00", "13:20:00")]);
        assert_eq!(a.left, Some(at("14:30:00")));
        // `t` on someone in the room changes nothing.
        s.set_presence(0, Presence::Present, at("14:31:00")).unwrap();
        assert_eq!(s.agenda.people[0].attendance, Attendance { presence: Presence::Present, ..Attendance::default() });
        // Marked away, the comings and goings go with it.
        s.set_presence(1, Presence::Absent, at("14:40:00")).unwrap();
        assert_eq!(s.agenda.people[1].attendance, Attendance { presence: Presence::Absent, ..Attendance::default() });
    }

    #[test]
    fn times_are_corrected_only_in_the_order_they_happened() {
        let mut s = roster();
        s.start(at("10:00:00")).unwrap();
        s.all_unmarked_present();
        let away = vec![Absence { left: at("11:00:00"), back: at("12:15:00") }];
        s.set_times(1, Some(at("10:30:00")), away.clone(), Some(at("14:00:00"))).unwrap();
        let before = s.clone();
        for (arrived, absences, left) in [
            (Some(at("11:30:00")), away.clone(), None),
            (None, vec![Absence { left: at("12:15:00"), back: at("11:00:00") }], None),
            (None, away.clone(), Some(at("12:00:00"))),
            (None, [away.clone(), vec![Absence { left: at("11:30:00"), back: at("11:45:00") }]].concat(), None),
        ] {
            assert_eq!(s.set_times(1, arrived, absences.clone(), left), Err(Refusal::TimesOutOfOrder), "{absences:?}");
            assert_eq!(s, before);
        }
        // A departure corrected to later than a return: the return is not before it.
        s.set_times(2, None, Vec::new(), Some(at("15:00:00"))).unwrap();
        s.toggle_left(2, at("14:00:00")).unwrap();
        assert_eq!(s.agenda.people[2].attendance.absences, [Absence { left: at("15:00:00"), back: at("15:00:00") }]);
        s.toggle_left(2, at("14:05:00")).unwrap();
        let a = &s.agenda.people[2].attendance;
        assert!(Attendance::times_in_order(a.arrived, &a.absences, a.left), "{a:?}");
    }

    #[test]
    fn a_vara_counts_only_while_standing_in_for_a_member_away() {
        let mut s = roster();
        s.add_person(person("Vara 1", Role::Deputy));
        s.add_person(person("Vara 2", Role::Deputy));
        s.start(at("10:00:00")).unwrap();
        s.all_unmarked_present();
        // Every member here: the vara stand in for nobody.
        assert_eq!(s.quorum(), QuorumState { present: 3, deputies: 0, members: 3, needed: Some(2) });
        s.set_presence(1, Presence::Apologies, at("10:01:00")).unwrap();
        assert_eq!(s.quorum(), QuorumState { present: 3, deputies: 1, members: 3, needed: Some(2) });
        s.set_presence(0, Presence::Absent, at("10:01:00")).unwrap();
        s.set_presence(2, Presence::Absent, at("10:01:00")).unwrap();
        assert_eq!(s.quorum(), QuorumState { present: 2, deputies: 2, members: 3, needed: Some(2) });
        // A vara who left stands in for nobody.
        s.toggle_left(4, at("11:00:00")).unwrap();
        assert_eq!(s.quorum(), QuorumState { present: 1, deputies: 1, members: 3, needed: Some(2) });
        assert_eq!(s.quorum().quorate(), Some(false));
    }

    #[test]
    fn the_quorum_counts_members_in_the_room() {
        let mut s = roster();
        assert_eq!(s.quorum(), QuorumState { present: 0, deputies: 0, members: 3, needed: Some(2) });
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
    fn a_session_without_returns_keeps_its_bytes_and_one_with_them_reads_back() {
        let a = Attendance {
            presence: Presence::Present,
            arrived: Some(at("10:35:00")),
            left: Some(at("14:45:00")),
            ..Attendance::default()
        };
        let text = ron::to_string(&a).unwrap();
        assert!(!text.contains("absences"), "as before returns: {text}");
        assert_eq!(ron::from_str::<Attendance>(&text).unwrap(), a);
        let back = Attendance { absences: vec![Absence { left: at("11:00:00"), back: at("12:15:00") }], ..a };
        let text = ron::to_string(&back).unwrap();
        assert!(text.contains("absences:[(left:\"2025-06-03 11:00:00\",back:\"2025-06-03 12:15:00\")]"), "{text}");
        assert_eq!(ron::from_str::<Attendance>(&text).unwrap(), back);
    }

    #[test]
    fn forfall_sent_beforehand_is_known_from_the_start() {
        let p = Person { name: Some("Laila".into()), apologies: true, ..Person::default() };
        assert_eq!(Attendance::from_roster(&p).presence, Presence::Apologies);
    }
}
