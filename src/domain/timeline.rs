//! What was written on an item, in the order it was written: notes (comments, questions,
//! answers, the headings that open a group), decisions and follow-ups in one timeline,
//! movable like a list of notes. The referat tells a sak in this order.

use serde::{Deserialize, Serialize};

use super::followup::FollowUp;
use super::notes::Note;
use super::presence::PresenceMark;
use super::session::{ItemRecord, Refusal, Session};
use super::time::Stamp;
use super::vedtak::Decision;

/// One thing written on an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Note(Note),
    Decision(Decision),
    FollowUp(FollowUp),
    /// Someone came, went or came back while the item was under way.
    Presence(PresenceMark),
}

impl Entry {
    /// When it was written.
    pub fn at(&self) -> Stamp {
        match self {
            Entry::Note(n) => n.at,
            Entry::Decision(d) => d.at,
            Entry::FollowUp(f) => f.at,
            Entry::Presence(m) => m.at,
        }
    }

    pub fn note(&self) -> Option<&Note> {
        if let Entry::Note(n) = self { Some(n) } else { None }
    }

    pub fn decision(&self) -> Option<&Decision> {
        if let Entry::Decision(d) = self { Some(d) } else { None }
    }

    pub fn followup(&self) -> Option<&FollowUp> {
        if let Entry::FollowUp(f) = self { Some(f) } else { None }
    }
}

/// The lists a session of format 1 kept apart, as one timeline: in the order of their
/// times (a note before a decision before a follow-up written in the same second).
pub fn merged(notes: Vec<Note>, decisions: Vec<Decision>, followups: Vec<FollowUp>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = notes.into_iter().map(Entry::Note).collect();
    entries.extend(decisions.into_iter().map(Entry::Decision));
    entries.extend(followups.into_iter().map(Entry::FollowUp));
    // (Stable: each list keeps its own order where times are equal.)
    entries.sort_by_key(Entry::at);
    entries
}

impl ItemRecord {
    /// The notes, in the timeline's order.
    pub fn notes(&self) -> impl DoubleEndedIterator<Item = &Note> {
        self.entries.iter().filter_map(Entry::note)
    }

    /// The decisions, in the timeline's order.
    pub fn decisions(&self) -> impl DoubleEndedIterator<Item = &Decision> {
        self.entries.iter().filter_map(Entry::decision)
    }

    /// The follow-ups with their places in the timeline.
    pub fn followups(&self) -> impl DoubleEndedIterator<Item = (usize, &FollowUp)> {
        self.entries.iter().enumerate().filter_map(|(i, e)| e.followup().map(|f| (i, f)))
    }

    /// Where the last decision is in the timeline.
    pub fn last_decision(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| matches!(e, Entry::Decision(_)))
    }

    /// Puts `entry` at the end of the timeline; where it is.
    pub fn push(&mut self, entry: Entry) -> usize {
        self.entries.push(entry);
        self.entries.len() - 1
    }
}

impl Session {
    /// Removes entry `index` of item `item`'s timeline.
    pub fn delete_entry(&mut self, item: usize, index: usize) -> Result<Entry, Refusal> {
        self.delete_entry_if(item, index, |_| true)
    }

    /// Removes entry `index` of item `item`'s timeline when it is what `wanted` says.
    pub fn delete_entry_if(
        &mut self,
        item: usize,
        index: usize,
        wanted: impl Fn(&Entry) -> bool,
    ) -> Result<Entry, Refusal> {
        let record = self.record_of_mut(item).ok_or(Refusal::NoSuchItem)?;
        if !record.entries.get(index).is_some_and(wanted) {
            return Err(Refusal::NoSuchItem);
        }
        // A note being changed further down is now one place higher up.
        if let Some(draft) = record.draft.as_mut()
            && let Some(editing) = draft.editing.as_mut()
        {
            match (*editing).cmp(&index) {
                std::cmp::Ordering::Greater => *editing -= 1,
                std::cmp::Ordering::Equal => draft.editing = None,
                std::cmp::Ordering::Less => {}
            }
        }
        Ok(record.entries.remove(index))
    }

    /// Moves entry `index` one place up or down the timeline; where it went.
    pub fn move_entry(&mut self, item: usize, index: usize, up: bool) -> Result<usize, Refusal> {
        let record = self.record_of_mut(item).ok_or(Refusal::NoSuchItem)?;
        let len = record.entries.len();
        if index >= len {
            return Err(Refusal::NoSuchItem);
        }
        let to = if up { index.saturating_sub(1) } else { (index + 1).min(len - 1) };
        record.entries.swap(index, to);
        // A note being changed goes with its entry.
        if let Some(editing) = record.draft.as_mut().and_then(|d| d.editing.as_mut()) {
            if *editing == index {
                *editing = to;
            } else if *editing == to {
                *editing = index;
            }
        }
        Ok(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::notes::NoteKind;
    use crate::domain::session::tests::{at, session};
    use crate::domain::vedtak::Outcome;

    fn note(clock: &str, text: &str) -> Note {
        Note { at: at(clock), kind: NoteKind::Comment, speaker: None, text: text.into() }
    }

    fn decision(clock: &str, text: &str) -> Decision {
        Decision { at: at(clock), label: None, text: text.into(), outcome: Outcome::Adopted, until: None, votes: None }
    }

    fn texts(record: &ItemRecord) -> Vec<String> {
        record
            .entries
            .iter()
            .map(|e| match e {
                Entry::Note(n) => n.text.clone(),
                Entry::Decision(d) => format!("vedtak {}", d.text),
                Entry::FollowUp(f) => format!("oppfølging {}", f.what),
                Entry::Presence(m) => format!("oppmøte {}", m.who),
            })
            .collect()
    }

    #[test]
    fn the_old_lists_become_one_timeline_in_the_order_of_their_times() {
        let followup = FollowUp { at: at("10:25:00"), what: "f".into(), who: None, frist: None, frist_text: None };
        let entries = merged(
            vec![note("10:21:00", "a"), note("10:23:00", "b"), note("10:26:00", "c")],
            vec![decision("10:23:00", "1.3"), decision("10:30:00", "7.0")],
            vec![followup],
        );
        let record = ItemRecord { entries, ..ItemRecord::default() };
        assert_eq!(texts(&record), ["a", "b", "vedtak 1.3", "oppfølging f", "c", "vedtak 7.0"]);
        assert_eq!(record.last_decision(), Some(5));
        assert_eq!(record.notes().count(), 3);
        assert_eq!(record.followups().map(|(i, _)| i).collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn entries_move_and_go_and_a_note_being_changed_goes_with_its_own() {
        let mut s = session();
        for (clock, text) in [("10:01:00", "a"), ("10:02:00", "b"), ("10:03:00", "c")] {
            s.open_draft(0, at(clock)).unwrap();
            s.draft_mut(0).unwrap().note.text = text.into();
            s.commit_draft(0);
        }
        s.edit_note(0, 2).unwrap();
        assert_eq!(s.move_entry(0, 2, true), Ok(1));
        assert_eq!(s.record_of(0).unwrap().draft.as_ref().unwrap().editing, Some(1));
        assert_eq!(texts(s.record_of(0).unwrap()), ["a", "c", "b"]);
        assert_eq!(s.move_entry(0, 0, true), Ok(0), "the first stays first");
        assert_eq!(s.delete_entry(0, 0).unwrap().note().unwrap().text, "a");
        assert_eq!(s.record_of(0).unwrap().draft.as_ref().unwrap().editing, Some(0));
        s.delete_entry(0, 0).unwrap();
        assert_eq!(s.record_of(0).unwrap().draft.as_ref().unwrap().editing, None, "its note is gone: a new one");
        assert_eq!(s.delete_entry(0, 5), Err(Refusal::NoSuchItem));
        assert_eq!(s.move_entry(9, 0, false), Err(Refusal::NoSuchItem));
    }
}
