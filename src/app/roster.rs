//! The roster as the attendance screen lists it (members, observers, secretariat,
//! guests), its search line, and the times prompt's text.

use ratatui_textarea::TextArea;

use super::picker::rank;
use crate::domain::agenda::{Person, Role};
use crate::domain::attendance::{Absence, Attendance};
use crate::domain::session::Session;
use crate::domain::time::{Hm, Stamp};

/// The groups of the attendance screen, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Members,
    Observers,
    Secretariat,
    Guests,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Members, Group::Observers, Group::Secretariat, Group::Guests];

    pub fn of(role: Role) -> Group {
        match role {
            Role::Chair | Role::ViceChair | Role::Member | Role::Deputy => Group::Members,
            Role::Observer => Group::Observers,
            Role::Secretariat => Group::Secretariat,
            Role::Guest => Group::Guests,
        }
    }
}

/// Indices of the agenda's people, group by group, roster order within a group.
pub fn order(session: &Session) -> Vec<usize> {
    let people = &session.agenda.people;
    Group::ALL.iter().flat_map(|g| (0..people.len()).filter(move |&i| Group::of(people[i].role) == *g)).collect()
}

/// The person selected on the attendance screen: `who`, or the first on the roster when
/// `who` is no longer on it (an undo took them away); `None` on an empty roster.
pub fn selected(session: &Session, who: usize) -> Option<usize> {
    if who < session.agenda.people.len() { Some(who) } else { order(session).first().copied() }
}

/// The search line of the attendance screen: who matches the query, best first.
pub struct Search {
    pub query: TextArea<'static>,
    /// Indices of the agenda's people that match, best first (all, in roster order, while
    /// the query is empty).
    pub shown: Vec<usize>,
    /// The row of `shown` the keys act on.
    pub selected: usize,
}

impl Search {
    /// An empty search with the person selected on the screen (`who`) under the cursor.
    pub fn new(session: &Session, who: usize) -> Search {
        let shown = order(session);
        let selected = shown.iter().position(|&p| p == who).unwrap_or(0);
        Search { query: TextArea::default(), shown, selected }
    }

    pub fn query_text(&self) -> String {
        self.query.lines().join(" ").trim().to_string()
    }

    /// Ranks the roster against the query as the speaker picker does, the best first;
    /// among equally good matches the shortest (more of it typed), then in roster order,
    /// so that "ri" finds Marie before Marius Strabo Johansen.
    pub fn refresh(&mut self, session: &Session) {
        if self.query_text().is_empty() {
            self.shown = order(session);
        } else {
            let mut people: Vec<(String, usize)> =
                order(session).into_iter().map(|p| (label(&session.agenda.people[p]), p)).collect();
            people.sort_by_key(|(label, _)| label.chars().count());
            let labels: Vec<&str> = people.iter().map(|(l, _)| l.as_str()).collect();
            self.shown = rank(&self.query_text(), &labels).into_iter().map(|i| people[i].1).collect();
        }
        self.selected = 0;
    }

    /// The person the keys act on, if anyone matches.
    pub fn picked(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }
}

/// What a person is found by: name, organisation and the initials the roster gives.
fn label(person: &Person) -> String {
    [person.name.as_deref(), person.org.as_deref(), person.short.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The times of `a` as the times prompt takes them: "10:35 11:00-12:15 14:00", "-" for
/// an arrival or a departure not recorded.
pub fn times_text(a: &Attendance) -> String {
    let show = |s: Option<Stamp>| s.map_or("-".to_string(), |s| s.hm().to_string());
    let away = a.absences.iter().map(|b| format!("{}-{}", b.left.hm(), b.back.hm()));
    std::iter::once(show(a.arrived)).chain(away).chain(std::iter::once(show(a.left))).collect::<Vec<_>>().join(" ")
}

/// Reads what the times prompt takes, on the meeting's day: the arrival, each time away
/// ("11:00-12:15"), the last departure; "-" for one not recorded, and what is left out at
/// the end is not recorded ("10:35", "- 14:00", "10:35 11:00-12:15 14:00", "").
pub fn read_times(text: &str, day: Stamp) -> Option<(Option<Stamp>, Vec<Absence>, Option<Stamp>)> {
    let at = |t: &str| Hm::parse(t).ok().map(|hm| day.on_same_day(hm));
    let one = |part: &str| -> Option<Option<Stamp>> { if part == "-" { Some(None) } else { at(part).map(Some) } };
    let away = |part: &str| -> Option<Absence> {
        let (left, back) = part.split_once(['-', '–'])?;
        Some(Absence { left: at(left)?, back: at(back)? })
    };
    let parts: Vec<&str> = text.split_whitespace().collect();
    let Some((first, rest)) = parts.split_first() else { return Some((None, Vec::new(), None)) };
    let arrived = one(first)?;
    let (absences, left) = match rest.split_last() {
        None => (Vec::new(), None),
        Some((last, between)) => {
            let mut absences: Vec<Absence> = between.iter().map(|p| away(p)).collect::<Option<_>>()?;
            match away(last) {
                Some(a) => {
                    absences.push(a);
                    (absences, None)
                }
                None => (absences, one(last)?),
            }
        }
    };
    Some((arrived, absences, left))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attendance::Presence;

    fn at(t: &str) -> Stamp {
        Stamp::parse(&format!("2025-06-03 {t}:00")).unwrap()
    }

    #[test]
    fn times_are_read_as_typed() {
        let day = at("09:00");
        let away = |l: &str, b: &str| Absence { left: at(l), back: at(b) };
        assert_eq!(read_times("10:35 14:00", day), Some((Some(at("10:35")), vec![], Some(at("14:00")))));
        assert_eq!(read_times("10:35", day), Some((Some(at("10:35")), vec![], None)));
        assert_eq!(read_times("- 14:00", day), Some((None, vec![], Some(at("14:00")))));
        assert_eq!(read_times("", day), Some((None, vec![], None)));
        assert_eq!(
            read_times("10:35 11:00-12:15 13:00–13:20 -", day),
            Some((Some(at("10:35")), vec![away("11:00", "12:15"), away("13:00", "13:20")], None))
        );
        assert_eq!(read_times("- 11:00-12:15", day), Some((None, vec![away("11:00", "12:15")], None)));
        assert_eq!(
            read_times("- 11:00-12:15 14:00", day),
            Some((None, vec![away("11:00", "12:15")], Some(at("14:00"))))
        );
        for bad in ["kl 10", "10:00 11:00 12:00", "10:00 11:00- 12:00", "10:00 -12:00", "10:00 - 14:00", "25:00"] {
            assert_eq!(read_times(bad, day), None, "{bad}");
        }
    }

    #[test]
    fn the_times_prompt_shows_what_it_reads() {
        let a = Attendance {
            presence: Presence::Present,
            arrived: Some(at("10:35")),
            absences: vec![Absence { left: at("11:00"), back: at("12:15") }],
            left: None,
        };
        assert_eq!(times_text(&a), "10:35 11:00-12:15 -");
        assert_eq!(read_times(&times_text(&a), at("09:00")), Some((a.arrived, a.absences.clone(), a.left)));
        assert_eq!(times_text(&Attendance::default()), "- -");
    }
}
