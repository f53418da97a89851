//! Every change a user can make to a meeting, as a value: `Session::apply(Command, now)`
//! is the one way in. It says what it touched (for saving and drawing) or why it was
//! refused; a refused command leaves the session as it was. Applying is a pure function
//! of the session, the command and `now`, so a command is also what the journal keeps of
//! a change to the agenda or the walk: replayed, it does the same again.

use serde::{Deserialize, Serialize};

use super::agenda::{Person, SakKind};
use super::attendance::{Absence, Presence};
use super::followup::FollowUp;
use super::notes::{NoteKind, Speaker};
use super::session::{Refusal, Session};
use super::time::Stamp;
use super::vedtak::{Outcome, Votes};

/// One change to the meeting. Items, notes, decisions, follow-ups and people are named by
/// their place in the session as it stands when the command is applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    // The course of the meeting.
    /// Finish the item under way and start the next one to be dealt with (the first
    /// time: open the meeting).
    Next,
    /// Leave the item under way and take up `item` (opening the meeting if need be).
    GoTo(usize),
    /// Stop the clock for an interruption, or start it again.
    TogglePause,
    /// Start the next planned break now (or an unplanned one called `title`); during a
    /// break, end it.
    Break {
        title: String,
    },
    /// Close the meeting.
    Close,
    // The agenda as it stands.
    AddSak {
        after: Option<usize>,
        title: String,
        kind: SakKind,
    },
    SetTitle {
        item: usize,
        title: String,
    },
    /// `None` lets the schedule derive the timebox.
    SetMinutes {
        item: usize,
        minutes: Option<u32>,
    },
    /// Several timeboxes at once, as one step (a proposal to end on time, accepted).
    SetTimeboxes(Vec<(usize, u32)>),
    MoveItem {
        item: usize,
        up: bool,
    },
    TogglePostponed(usize),
    ToggleWithdrawn(usize),
    /// The sak comes back to a later meeting (or no longer): `next` carries it.
    ToggleComesBack(usize),
    /// Follow-up `index` of the meeting before is now `status` (`None`: unmarked).
    MarkTakenUp {
        index: usize,
        status: Option<super::previous::Status>,
    },
    // Innspill og kommentarer.
    /// Start a new note on `item`, or take up the one being written there.
    OpenDraft(usize),
    /// Start changing the note at `index` of `item`'s timeline.
    EditNote {
        item: usize,
        index: usize,
    },
    /// What is typed in the note being written on `item`.
    WriteDraft {
        item: usize,
        text: String,
        kind: NoteKind,
        speaker: Option<Speaker>,
    },
    /// File the note being written on `item` (an empty new one is dropped).
    CommitDraft(usize),
    /// Remove entry `index` of `item`'s timeline (a note, a decision, a follow-up).
    DeleteEntry {
        item: usize,
        index: usize,
    },
    /// Move entry `index` of `item`'s timeline one place up or down.
    MoveEntry {
        item: usize,
        index: usize,
        up: bool,
    },
    // Vedtak.
    /// Start writing a vedtak on `item` from `text`, or take up the one begun there.
    OpenVedtakDraft {
        item: usize,
        label: Option<String>,
        text: String,
    },
    /// What is typed in the vedtak being written on `item`.
    WriteVedtakDraft {
        item: usize,
        text: String,
    },
    /// Give up the vedtak being written on `item`.
    CloseVedtakDraft(usize),
    /// Start changing the decision at `index` of `item`'s timeline (in the vedtak draft).
    EditDecision {
        item: usize,
        index: usize,
    },
    /// The decision at `index` of `item`'s timeline now reads `text` (its label, outcome
    /// and votes kept); the vedtak draft is dropped.
    ReviseDecision {
        item: usize,
        index: usize,
        text: String,
    },
    /// Adopt the forslag til vedtak of `item` unchanged.
    AdoptProposal(usize),
    /// Record a decision (and drop the vedtak being written on the sak).
    Decide {
        item: usize,
        label: Option<String>,
        text: String,
        outcome: Outcome,
    },
    SetOutcome {
        item: usize,
        index: usize,
        outcome: Outcome,
        until: Option<String>,
    },
    SetVotes {
        item: usize,
        index: usize,
        votes: Option<Votes>,
    },
    // Oppfølging.
    AddFollowUp {
        item: usize,
        followup: FollowUp,
    },
    ReplaceFollowUp {
        item: usize,
        index: usize,
        followup: FollowUp,
    },
    DeleteFollowUp {
        item: usize,
        index: usize,
    },
    // Oppmøte.
    SetPresence {
        who: usize,
        presence: Presence,
    },
    /// Left now; or, when they had left, came back now. (The name is older than returns:
    /// journals keep it.)
    ToggleLeft(usize),
    SetTimes {
        who: usize,
        arrived: Option<Stamp>,
        left: Option<Stamp>,
        /// Times away that ended, before `left`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        absences: Vec<Absence>,
    },
    AllPresent,
    /// Add someone not on the roster, present from now.
    AddPerson(Person),
}

/// What a command changed, as far as saving and drawing need to know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Touched {
    #[default]
    Nothing,
    /// Only the note being written on this item.
    Draft(usize),
    /// Only the vedtak being written on this item.
    VedtakDraft(usize),
    /// Only what is recorded on this item.
    Item(usize),
    /// Anything: the agenda, the walk, the attendance.
    Everything,
}

impl Touched {
    /// Both changes together.
    pub fn and(self, other: Touched) -> Touched {
        match (self, other) {
            (Touched::Nothing, t) | (t, Touched::Nothing) => t,
            (a, b) if a == b => a,
            (
                Touched::Draft(i) | Touched::VedtakDraft(i) | Touched::Item(i),
                Touched::Draft(j) | Touched::VedtakDraft(j) | Touched::Item(j),
            ) if i == j => Touched::Item(i),
            _ => Touched::Everything,
        }
    }

    /// Whether the agenda or the walk may have changed (the plan is to be made again).
    pub fn agenda(self) -> bool {
        self == Touched::Everything
    }
}

/// What changed since it was last saved: how much, and the commands that did it, in
/// order (`None` when something that is no command replaced the session: undo, redo).
#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    pub touched: Touched,
    pub commands: Option<Vec<(Command, Stamp)>>,
}

impl Default for Changes {
    fn default() -> Changes {
        Changes { touched: Touched::Nothing, commands: Some(Vec::new()) }
    }
}

impl Changes {
    /// `command`, applied at `at`, touched this much.
    pub fn applied(&mut self, command: Command, at: Stamp, touched: Touched) {
        self.touched = self.touched.and(touched);
        if let Some(commands) = &mut self.commands {
            commands.push((command, at));
        }
    }

    /// The session was replaced as a whole.
    pub fn replaced(&mut self) {
        self.touched = Touched::Everything;
        self.commands = None;
    }
}

/// What an applied command did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Applied {
    pub touched: Touched,
    /// Where what it made or moved now is: the new or moved item, the filed note, the
    /// decision, the follow-up or the person added.
    pub made: Option<usize>,
}

impl Applied {
    fn touched(touched: Touched) -> Applied {
        Applied { touched, made: None }
    }

    fn made(touched: Touched, at: usize) -> Applied {
        Applied { touched, made: Some(at) }
    }
}

impl Command {
    /// Whether undo takes the session back to before this command. Typing into a draft
    /// and opening or giving up one are not steps of their own: they are undone in the
    /// editor, and with the note or vedtak they end in.
    pub fn undoable(&self) -> bool {
        !matches!(
            self,
            Command::OpenDraft(_)
                | Command::WriteDraft { .. }
                | Command::OpenVedtakDraft { .. }
                | Command::WriteVedtakDraft { .. }
                | Command::CloseVedtakDraft(_)
                | Command::EditDecision { .. }
        )
    }
}

impl Session {
    /// Applies `command` at `now`. Refused, the session is as it was.
    pub fn apply(&mut self, command: Command, now: Stamp) -> Result<Applied, Refusal> {
        use Touched::{Draft, Everything, Item, VedtakDraft};
        let walked = Applied::touched(Everything);
        match command {
            Command::Next => {
                let had_current = self.record.current.is_some() && self.is_running();
                match self.next(now) {
                    // The last item was finished: that is done, and nothing is left.
                    Err(Refusal::NothingLeft) if had_current => Ok(walked),
                    r => r.map(|()| walked),
                }
            }
            Command::GoTo(item) => {
                if item >= self.agenda.items.len() {
                    return Err(Refusal::NoSuchItem);
                }
                if self.record.started.is_none() {
                    self.start(now)?;
                }
                self.go_to(item, now).map(|()| walked)
            }
            Command::TogglePause => {
                if self.record.paused.is_some() { self.resume(now) } else { self.pause(now) }.map(|()| walked)
            }
            Command::Break { title } => self.start_break(now, &title).map(|()| walked),
            Command::Close => self.close(now).map(|()| walked),
            Command::AddSak { after, title, kind } => Ok(Applied::made(Everything, self.add_sak(after, &title, kind))),
            Command::SetTitle { item, title } => self.set_title(item, &title).map(|()| walked),
            Command::SetMinutes { item, minutes } => self.set_minutes(item, minutes).map(|()| walked),
            Command::SetTimeboxes(timeboxes) => {
                if timeboxes.iter().any(|&(item, _)| item >= self.agenda.items.len()) {
                    return Err(Refusal::NoSuchItem);
                }
                for (item, minutes) in timeboxes {
                    self.set_minutes(item, Some(minutes))?;
                }
                Ok(walked)
            }
            Command::MoveItem { item, up } => self.move_item(item, up).map(|to| Applied::made(Everything, to)),
            Command::TogglePostponed(item) => self.toggle_postponed(item).map(|()| Applied::touched(Item(item))),
            Command::ToggleWithdrawn(item) => self.toggle_withdrawn(item).map(|()| Applied::touched(Item(item))),
            Command::ToggleComesBack(item) => self.toggle_comes_back(item).map(|()| Applied::touched(Item(item))),
            Command::MarkTakenUp { index, status } => self.mark_taken_up(index, status).map(|()| walked),
            Command::OpenDraft(item) => self.open_draft(item, now).map(|_| Applied::touched(Draft(item))),
            Command::EditNote { item, index } => self.edit_note(item, index).map(|_| Applied::touched(Draft(item))),
            Command::WriteDraft { item, text, kind, speaker } => {
                let draft = self.draft_mut(item).ok_or(Refusal::NoSuchItem)?;
                // A new note is said when its first letter is typed, not when the editor
                // was opened.
                if draft.editing.is_none() && draft.note.text.is_empty() && !text.is_empty() {
                    draft.note.at = now;
                }
                draft.note.text = text;
                draft.note.kind = kind;
                draft.note.speaker = speaker;
                Ok(Applied::touched(Draft(item)))
            }
            Command::CommitDraft(item) => {
                if self.record_of(item).is_none_or(|r| r.draft.is_none()) {
                    return Err(Refusal::NoSuchItem);
                }
                let filed = self.commit_draft(item);
                Ok(Applied { touched: Item(item), made: filed })
            }
            Command::DeleteEntry { item, index } => {
                self.delete_entry(item, index).map(|_| Applied::touched(Item(item)))
            }
            Command::MoveEntry { item, index, up } => {
                self.move_entry(item, index, up).map(|to| Applied::made(Item(item), to))
            }
            Command::OpenVedtakDraft { item, label, text } => {
                self.open_vedtak_draft(item, label, &text).map(|_| Applied::touched(VedtakDraft(item)))
            }
            Command::WriteVedtakDraft { item, text } => {
                let draft = self.vedtak_draft_mut(item).ok_or(Refusal::NoSuchItem)?;
                draft.text = text;
                Ok(Applied::touched(VedtakDraft(item)))
            }
            Command::CloseVedtakDraft(item) => {
                if self.record_of(item).is_none_or(|r| r.vedtak_draft.is_none()) {
                    return Err(Refusal::NoSuchItem);
                }
                self.close_vedtak_draft(item);
                Ok(Applied::touched(VedtakDraft(item)))
            }
            Command::EditDecision { item, index } => {
                self.edit_decision(item, index).map(|_| Applied::touched(VedtakDraft(item)))
            }
            Command::ReviseDecision { item, index, text } => {
                self.revise_decision(item, index, &text)?;
                self.close_vedtak_draft(item);
                Ok(Applied::made(Item(item), index))
            }
            // (Deciding may mark the sak utsatt or trukket: that is in its record too.)
            Command::AdoptProposal(item) => self.adopt_proposal(item, now).map(|d| Applied::made(Item(item), d)),
            Command::Decide { item, label, text, outcome } => {
                let d = self.decide(item, label.as_deref(), &text, outcome, now)?;
                self.close_vedtak_draft(item);
                Ok(Applied::made(Item(item), d))
            }
            Command::SetOutcome { item, index, outcome, until } => {
                self.set_outcome(item, index, outcome, until.as_deref()).map(|()| Applied::touched(Item(item)))
            }
            Command::SetVotes { item, index, votes } => {
                self.set_votes(item, index, votes).map(|()| Applied::touched(Item(item)))
            }
            Command::AddFollowUp { item, followup } => {
                self.add_followup(item, followup).map(|f| Applied::made(Item(item), f))
            }
            Command::ReplaceFollowUp { item, index, followup } => {
                self.replace_followup(item, index, followup).map(|()| Applied::touched(Item(item)))
            }
            Command::DeleteFollowUp { item, index } => {
                self.delete_followup(item, index).map(|_| Applied::touched(Item(item)))
            }
            // Comings and goings are also told in the timeline of the item under way.
            Command::SetPresence { who, presence } => {
                let before = self.presence_events(who);
                self.set_presence(who, presence, now)?;
                self.tell_presence(who, &before, false);
                Ok(walked)
            }
            Command::ToggleLeft(who) => {
                let before = self.presence_events(who);
                self.toggle_left(who, now)?;
                self.tell_presence(who, &before, false);
                Ok(walked)
            }
            Command::SetTimes { who, arrived, left, absences } => {
                let before = self.presence_events(who);
                self.set_times(who, arrived, absences, left)?;
                self.tell_presence(who, &before, true);
                Ok(walked)
            }
            Command::AllPresent => {
                self.all_unmarked_present();
                Ok(walked)
            }
            Command::AddPerson(person) => {
                let who = self.add_person(person);
                self.set_presence(who, Presence::Present, now)?;
                self.tell_presence(who, &[], false);
                Ok(Applied::made(Everything, who))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::tests::{at, session};

    #[test]
    fn times_away_go_into_the_journal_only_when_there_are_any() {
        let plain = Command::SetTimes { who: 0, arrived: Some(at("10:30:00")), left: None, absences: Vec::new() };
        let text = ron::to_string(&plain).unwrap();
        assert!(!text.contains("absences"), "{text}");
        assert_eq!(ron::from_str::<Command>(&text).unwrap(), plain, "a journal line from before returns reads");
        let away = vec![Absence { left: at("11:00:00"), back: at("12:15:00") }];
        let returned = Command::SetTimes { who: 0, arrived: None, left: None, absences: away };
        assert_eq!(ron::from_str::<Command>(&ron::to_string(&returned).unwrap()).unwrap(), returned);
        let mut s = session();
        s.add_person(Person { name: Some("Pål".into()), ..Person::default() });
        s.apply(Command::SetPresence { who: 0, presence: Presence::Present }, at("10:00:00")).unwrap();
        s.apply(returned.clone(), at("12:20:00")).unwrap();
        assert_eq!(s.agenda.people[0].attendance.absences.len(), 1);
    }

    #[test]
    fn a_refused_command_leaves_the_session_as_it_was() {
        let mut s = session();
        let before = s.clone();
        for command in [
            Command::Close,
            Command::TogglePause,
            Command::GoTo(9),
            Command::TogglePostponed(2),
            Command::CommitDraft(0),
            Command::DeleteEntry { item: 0, index: 0 },
            Command::EditDecision { item: 1, index: 0 },
            Command::ReviseDecision { item: 1, index: 0, text: "x".into() },
            Command::SetVotes { item: 0, index: 0, votes: None },
            Command::SetTimeboxes(vec![(0, 3), (9, 3)]),
            Command::ToggleLeft(0),
            Command::WriteDraft { item: 0, text: "x".into(), kind: NoteKind::Comment, speaker: None },
        ] {
            assert!(s.apply(command.clone(), at("10:00:00")).is_err(), "{command:?}");
            assert_eq!(s, before, "{command:?}");
        }
    }

    #[test]
    fn a_sak_is_marked_as_coming_back_and_unmarked_but_never_a_break() {
        let mut s = session();
        s.apply(Command::ToggleComesBack(1), at("10:00:00")).unwrap();
        assert!(s.agenda.items[1].record().comes_back);
        s.apply(Command::ToggleComesBack(1), at("10:00:00")).unwrap();
        assert!(!s.agenda.items[1].record().comes_back);
        let pause = s.agenda.items.iter().position(|i| matches!(i, crate::domain::agenda::Item::Break(_))).unwrap();
        assert_eq!(s.apply(Command::ToggleComesBack(pause), at("10:00:00")), Err(Refusal::NotASak));
        assert_eq!(s.apply(Command::ToggleComesBack(99), at("10:00:00")), Err(Refusal::NoSuchItem));
    }

    #[test]
    fn timeboxes_are_set_together_as_one_step() {
        let mut s = session();
        let command = Command::SetTimeboxes(vec![(1, 12), (3, 4)]);
        assert_eq!(ron::from_str::<Command>(&ron::to_string(&command).unwrap()).unwrap(), command);
        s.apply(command, at("10:00:00")).unwrap();
        let minutes: Vec<Option<u32>> = s.agenda.items.iter().map(crate::domain::agenda::Item::minutes).collect();
        assert_eq!(minutes, [Some(10), Some(12), Some(15), Some(4)]);
    }

    #[test]
    fn finishing_the_last_item_is_done_and_then_nothing_is_left() {
        let mut s = session();
        for _ in 0..4 {
            s.apply(Command::Next, at("10:00:00")).unwrap();
        }
        assert_eq!(s.record.current, Some(3));
        assert_eq!(s.apply(Command::Next, at("10:30:00")), Ok(Applied::touched(Touched::Everything)));
        assert_eq!(s.record.current, None);
        assert_eq!(s.apply(Command::Next, at("10:31:00")), Err(Refusal::NothingLeft));
    }

    #[test]
    fn going_to_an_item_before_the_meeting_opens_it() {
        let mut s = session();
        s.apply(Command::GoTo(3), at("10:00:00")).unwrap();
        assert_eq!((s.record.started, s.record.current), (Some(at("10:00:00")), Some(3)));
    }

    #[test]
    fn a_note_is_opened_typed_and_filed_through_commands() {
        let mut s = session();
        let now = at("10:01:00");
        assert_eq!(s.apply(Command::OpenDraft(1), now).unwrap().touched, Touched::Draft(1));
        let typed = Command::WriteDraft { item: 1, text: "Støttes ".into(), kind: NoteKind::Question, speaker: None };
        assert_eq!(s.apply(typed, now).unwrap().touched, Touched::Draft(1));
        assert_eq!(s.apply(Command::CommitDraft(1), now), Ok(Applied::made(Touched::Item(1), 0)));
        let note = s.agenda.items[1].record().notes().next().unwrap();
        assert_eq!((note.text.as_str(), note.kind), ("Støttes", NoteKind::Question));
    }

    #[test]
    fn a_note_is_stamped_when_its_first_letter_is_typed() {
        let mut s = session();
        s.apply(Command::OpenDraft(0), at("10:01:00")).unwrap();
        let typed =
            |text: &str| Command::WriteDraft { item: 0, text: text.into(), kind: NoteKind::Comment, speaker: None };
        s.apply(typed(""), at("10:02:00")).unwrap();
        s.apply(typed("H"), at("10:03:00")).unwrap();
        s.apply(typed("Hei"), at("10:04:00")).unwrap();
        s.apply(Command::CommitDraft(0), at("10:05:00")).unwrap();
        assert_eq!(s.record_of(0).unwrap().notes().next().unwrap().at, at("10:03:00"));
        // A note being changed keeps its time.
        s.apply(Command::EditNote { item: 0, index: 0 }, at("10:06:00")).unwrap();
        s.apply(typed(""), at("10:07:00")).unwrap();
        s.apply(typed("Hallo"), at("10:08:00")).unwrap();
        s.apply(Command::CommitDraft(0), at("10:09:00")).unwrap();
        assert_eq!(s.record_of(0).unwrap().notes().next().unwrap().at, at("10:03:00"));
    }

    #[test]
    fn a_decision_is_changed_later_and_keeps_its_place_outcome_and_votes() {
        let mut s = session();
        s.apply(
            Command::Decide { item: 1, label: None, text: "Vedtatt som".into(), outcome: Outcome::Adopted },
            at("10:10:00"),
        )
        .unwrap();
        s.apply(
            Command::SetVotes { item: 1, index: 0, votes: Some(Votes { in_favour: 5, against: 1, abstaining: 0 }) },
            at("10:11:00"),
        )
        .unwrap();
        s.apply(Command::EditDecision { item: 1, index: 0 }, at("10:12:00")).unwrap();
        assert_eq!(s.record_of(1).unwrap().vedtak_draft.as_ref().unwrap().text, "Vedtatt som");
        s.apply(Command::ReviseDecision { item: 1, index: 0, text: "Vedtatt slik".into() }, at("10:13:00")).unwrap();
        let record = s.record_of(1).unwrap();
        let d = record.decisions().next().unwrap();
        assert_eq!((d.text.as_str(), d.at, d.votes.map(|v| v.in_favour)), ("Vedtatt slik", at("10:10:00"), Some(5)));
        assert!(record.vedtak_draft.is_none());
        assert_eq!(s.apply(Command::EditDecision { item: 1, index: 3 }, at("10:14:00")), Err(Refusal::NoSuchItem));
    }

    #[test]
    fn touched_together() {
        use Touched::*;
        assert_eq!(Nothing.and(Draft(1)), Draft(1));
        assert_eq!(Draft(1).and(Draft(1)), Draft(1));
        assert_eq!(Draft(1).and(Item(1)), Item(1));
        assert_eq!(Draft(1).and(VedtakDraft(1)), Item(1));
        assert_eq!(Item(1).and(Item(2)), Everything);
        assert!(Everything.agenda() && !Item(0).agenda());
    }

    #[test]
    fn typing_is_not_a_step_of_undo() {
        assert!(!Command::OpenDraft(0).undoable());
        assert!(Command::CommitDraft(0).undoable());
        assert!(Command::Next.undoable());
    }
}
