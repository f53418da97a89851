//! The follow-up form: what, who and frist. A frist that cannot be read is said on the
//! spot; a second Enter keeps it as typed, so nothing typed is thrown away.

use ratatui_textarea::{CursorMove, TextArea};

use crate::domain::followup::FollowUp;
use crate::domain::frist::{FristProblem, parse_frist};
use crate::domain::time::{Day, Stamp};

pub const WHAT: usize = 0;
pub const WHO: usize = 1;
pub const FRIST: usize = 2;

pub struct FollowUpForm {
    pub item: usize,
    /// The follow-up being changed, if not a new one.
    pub editing: Option<usize>,
    /// What, who, frist.
    pub fields: [TextArea<'static>; 3],
    pub focus: usize,
    /// Why the last Enter did not save.
    pub problem: Option<FormProblem>,
    /// The frist text the user chose to keep as typed.
    pub keep_frist_as_text: Option<String>,
    /// Opened from the timeline of a sak (its notes), and goes back there.
    pub from_notes: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormProblem {
    NothingToDo,
    Frist(FristProblem),
}

fn field(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_string()]);
    t.move_cursor(CursorMove::End);
    t
}

impl FollowUpForm {
    pub fn new(item: usize) -> FollowUpForm {
        FollowUpForm {
            item,
            editing: None,
            fields: [field(""), field(""), field("")],
            focus: WHAT,
            problem: None,
            keep_frist_as_text: None,
            from_notes: false,
        }
    }

    pub fn editing(item: usize, index: usize, f: &FollowUp) -> FollowUpForm {
        let frist = f.frist.map(Day::short).or(f.frist_text.clone()).unwrap_or_default();
        FollowUpForm {
            item,
            editing: Some(index),
            fields: [field(&f.what), field(f.who.as_deref().unwrap_or("")), field(&frist)],
            focus: WHAT,
            problem: None,
            keep_frist_as_text: None,
            from_notes: false,
        }
    }

    /// Where the form goes when it is done: back to the timeline or the list of follow-ups
    /// it was opened from, or to the meeting.
    pub fn back(&self) -> super::Mode {
        if self.from_notes {
            super::Mode::Notes
        } else if self.editing.is_some() {
            super::Mode::FollowUps { selected: 0 }
        } else {
            super::Mode::Normal
        }
    }

    pub fn value(&self, i: usize) -> String {
        self.fields[i].lines().join(" ").trim().to_string()
    }

    pub fn set_value(&mut self, i: usize, text: &str) {
        self.fields[i] = field(text);
    }

    /// The frist as read so far, for the line under the field.
    pub fn frist_reading(&self, today: Day) -> Option<Result<Day, FristProblem>> {
        let text = self.value(FRIST);
        (!text.is_empty()).then(|| parse_frist(&text, today.date()).map(Day::from_date))
    }

    /// The follow-up to save, or why not yet.
    pub fn submit(&mut self, today: Day, now: Stamp) -> Result<FollowUp, FormProblem> {
        let what = self.value(WHAT);
        if what.is_empty() {
            self.focus = WHAT;
            return Err(FormProblem::NothingToDo);
        }
        let who = Some(self.value(WHO)).filter(|w| !w.is_empty());
        let frist_typed = self.value(FRIST);
        let (frist, frist_text) = match self.frist_reading(today) {
            None => (None, None),
            Some(Ok(day)) => (Some(day), None),
            Some(Err(_)) if self.keep_frist_as_text.as_deref() == Some(frist_typed.as_str()) => {
                (None, Some(frist_typed))
            }
            Some(Err(problem)) => {
                self.keep_frist_as_text = Some(frist_typed);
                self.focus = FRIST;
                return Err(FormProblem::Frist(problem));
            }
        };
        Ok(FollowUp { at: now, what, who, frist, frist_text })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Day {
        Day::parse("2025-06-03").unwrap()
    }

    fn now() -> Stamp {
        Stamp::parse("2025-06-03 10:30:00").unwrap()
    }

    #[test]
    fn a_follow_up_with_a_readable_frist() {
        let mut f = FollowUpForm::new(3);
        f.set_value(WHAT, "Sende kommentarer til sekretariatet");
        f.set_value(WHO, "Legeforeningen");
        f.set_value(FRIST, "18. august");
        let saved = f.submit(today(), now()).unwrap();
        assert_eq!(saved.frist.map(|d| d.to_string()), Some("2025-08-18".into()));
        assert_eq!(saved.who.as_deref(), Some("Legeforeningen"));
    }

    #[test]
    fn an_unreadable_frist_is_said_then_kept_as_typed() {
        let mut f = FollowUpForm::new(3);
        f.set_value(WHAT, "Nytt forslag");
        f.set_value(FRIST, "til septembermøtet");
        assert!(matches!(f.submit(today(), now()), Err(FormProblem::Frist(_))));
        assert_eq!(f.focus, FRIST);
        let saved = f.submit(today(), now()).unwrap();
        assert_eq!((saved.frist, saved.frist_text.as_deref()), (None, Some("til septembermøtet")));
    }

    #[test]
    fn nothing_to_do_is_not_saved() {
        let mut f = FollowUpForm::new(0);
        assert_eq!(f.submit(today(), now()), Err(FormProblem::NothingToDo));
    }
}
