//! Oppfølging: follow-up actions on a sak, with who does it and by when (frist).

use serde::{Deserialize, Serialize};

use super::agenda::Item;
use super::session::{Refusal, Session};
use super::time::{Day, Stamp};
use super::timeline::Entry;

/// One follow-up action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub at: Stamp,
    pub what: String,
    /// A person, an organisation, or "Sekretariatet".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frist: Option<Day>,
    /// The frist as typed, when it could not be read as a date: nothing typed is lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frist_text: Option<String>,
}

impl Session {
    /// Adds `followup` at the end of item `item`'s timeline; where it is.
    pub fn add_followup(&mut self, item: usize, followup: FollowUp) -> Result<usize, Refusal> {
        Ok(self.record_of_mut(item).ok_or(Refusal::NoSuchItem)?.push(Entry::FollowUp(followup)))
    }

    /// The follow-up at `index` of item `item`'s timeline is now `followup`.
    pub fn replace_followup(&mut self, item: usize, index: usize, followup: FollowUp) -> Result<(), Refusal> {
        match self.record_of_mut(item).and_then(|r| r.entries.get_mut(index)) {
            Some(entry @ Entry::FollowUp(_)) => {
                *entry = Entry::FollowUp(followup);
                Ok(())
            }
            _ => Err(Refusal::NoSuchItem),
        }
    }

    /// Removes the follow-up at `index` of item `item`'s timeline.
    pub fn delete_followup(&mut self, item: usize, index: usize) -> Result<FollowUp, Refusal> {
        match self.delete_entry_if(item, index, |e| matches!(e, Entry::FollowUp(_)))? {
            Entry::FollowUp(f) => Ok(f),
            _ => Err(Refusal::NoSuchItem),
        }
    }

    /// Every follow-up of the meeting, in agenda order: (item, place in its timeline, action).
    pub fn followups(&self) -> Vec<(usize, usize, &FollowUp)> {
        self.agenda
            .items
            .iter()
            .map(Item::record)
            .enumerate()
            .flat_map(|(i, r)| r.followups().map(move |(k, f)| (i, k, f)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::tests::{at, session};

    fn action(what: &str) -> FollowUp {
        FollowUp {
            at: at("10:30:00"),
            what: what.into(),
            who: Some("Sekretariatet".into()),
            frist: None,
            frist_text: None,
        }
    }

    #[test]
    fn follow_ups_are_listed_in_agenda_order() {
        let mut s = session();
        s.add_followup(3, action("c")).unwrap();
        s.add_followup(0, action("a")).unwrap();
        s.add_followup(0, action("b")).unwrap();
        let all: Vec<_> = s.followups().into_iter().map(|(i, k, f)| (i, k, f.what.clone())).collect();
        assert_eq!(all, [(0, 0, "a".into()), (0, 1, "b".into()), (3, 0, "c".into())]);
        s.replace_followup(0, 1, action("B")).unwrap();
        assert_eq!(s.delete_followup(0, 1).unwrap().what, "B");
        assert_eq!(s.delete_followup(0, 1), Err(Refusal::NoSuchItem));
        assert_eq!(s.add_followup(9, action("x")), Err(Refusal::NoSuchItem));
    }
}
