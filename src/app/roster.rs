//! The roster as the attendance screen lists it: members, observers, secretariat, guests.

use crate::domain::agenda::Role;
use crate::domain::session::Session;

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
