//! The follow-ups still open from the meeting before, taken up in this one: each marked
//! done, carried on to the next meeting, or dropped (left unmarked, it stays open).

use serde::{Deserialize, Serialize};

use super::agenda::SakNumber;
use super::followup::FollowUp;
use super::next::OpenFollowUp;
use super::session::{Refusal, Session};
use super::time::Day;

/// What became of a follow-up of an earlier meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Utført.
    Done,
    /// Still open: carried on to the next meeting.
    Carried,
    /// Utgår: no longer to be done.
    Dropped,
}

impl Status {
    /// Still to be done (and carried by `next`): carried, or not marked yet.
    pub fn is_open(status: Option<Status>) -> bool {
        matches!(status, None | Some(Status::Carried))
    }
}

/// A follow-up of an earlier meeting, as this meeting took it up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TakenUp {
    pub followup: FollowUp,
    /// The day of the meeting it was agreed in.
    pub meeting: Day,
    /// The sak it was agreed under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sak: Option<SakNumber>,
    /// What this meeting made of it; `None` while not marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

impl TakenUp {
    /// A follow-up still open, taken up unmarked.
    pub fn from_open(open: OpenFollowUp) -> TakenUp {
        TakenUp { followup: open.followup, meeting: open.meeting, sak: open.sak, status: None }
    }

    /// The follow-up with where it came from.
    pub fn open(&self) -> OpenFollowUp {
        OpenFollowUp { followup: self.followup.clone(), meeting: self.meeting, sak: self.sak }
    }
}

impl Session {
    /// The follow-up `index` of the meeting before is now `status` (`None`: unmarked).
    pub fn mark_taken_up(&mut self, index: usize, status: Option<Status>) -> Result<(), Refusal> {
        let taken = self.record.previous.get_mut(index).ok_or(Refusal::NoSuchItem)?;
        taken.status = status;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::command::Command;
    use crate::domain::session::tests::{at, session};

    fn taken(what: &str) -> TakenUp {
        let followup = FollowUp { at: at("10:00:00"), what: what.into(), who: None, frist: None, frist_text: None };
        TakenUp { followup, meeting: Day::parse("2025-06-03").unwrap(), sak: None, status: None }
    }

    #[test]
    fn a_follow_up_of_the_meeting_before_is_marked_and_unmarked_as_a_command() {
        let mut s = session();
        s.record.previous = vec![taken("a"), taken("b")];
        let mark = Command::MarkTakenUp { index: 1, status: Some(Status::Done) };
        assert_eq!(ron::from_str::<Command>(&ron::to_string(&mark).unwrap()).unwrap(), mark, "journalled");
        s.apply(mark, at("10:05:00")).unwrap();
        assert_eq!(s.record.previous[1].status, Some(Status::Done));
        s.apply(Command::MarkTakenUp { index: 1, status: None }, at("10:06:00")).unwrap();
        assert_eq!(s.record.previous[1].status, None);
        let before = s.clone();
        assert!(s.apply(Command::MarkTakenUp { index: 2, status: Some(Status::Dropped) }, at("10:07:00")).is_err());
        assert_eq!(s, before);
        assert!(Status::is_open(None) && Status::is_open(Some(Status::Carried)));
        assert!(!Status::is_open(Some(Status::Done)) && !Status::is_open(Some(Status::Dropped)));
    }
}
