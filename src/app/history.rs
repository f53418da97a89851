//! Undo and redo: the session as it was before each command, kept by the one place that
//! applies commands (`App::run`), never by hand.

use crate::domain::agenda::Item;
use crate::domain::session::Session;

/// How many changes undo reaches back.
pub const UNDO_DEPTH: usize = 100;
/// Undo keeps whole sessions; on a very large session fewer of them, so that memory
/// stays bounded (about this many bytes of text in all).
const UNDO_BYTES: usize = 40 << 20;

#[derive(Default)]
pub struct History {
    undo: Vec<Session>,
    redo: Vec<Session>,
}

impl History {
    /// Remembers the session as it was before a command changed it; what was undone
    /// can no longer be redone.
    pub fn remember(&mut self, before: Session) {
        let keep = (UNDO_BYTES / text_size(&before).max(1)).clamp(1, UNDO_DEPTH);
        self.undo.push(before);
        if self.undo.len() > keep {
            self.undo.drain(..self.undo.len() - keep);
        }
        self.redo.clear();
    }

    /// Takes `session` back to before the last command; false when there is none.
    pub fn undo(&mut self, session: &mut Session) -> bool {
        let Some(before) = self.undo.pop() else { return false };
        self.redo.push(std::mem::replace(session, before));
        true
    }

    /// Does the last undone command again; false when there is none.
    pub fn redo(&mut self, session: &mut Session) -> bool {
        let Some(after) = self.redo.pop() else { return false };
        self.undo.push(std::mem::replace(session, after));
        true
    }

    #[cfg(test)]
    pub fn depth(&self) -> usize {
        self.undo.len()
    }
}

/// Roughly how many bytes a copy of `session` takes: its texts and a little per record.
fn text_size(session: &Session) -> usize {
    let items: usize = session
        .agenda
        .items
        .iter()
        .map(Item::record)
        .map(|r| 128 + r.notes().map(|n| 96 + n.text.len()).sum::<usize>() + r.entries.len() * 128)
        .sum();
    items + session.agenda.items.len() * 512 + session.agenda.people.len() * 128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_keeps_fewer_copies_of_a_very_large_session() {
        let large = crate::cli::demo::session(300, 20_000).unwrap();
        let mut history = History::default();
        for _ in 0..40 {
            history.remember(large.clone());
        }
        assert!((2..20).contains(&history.depth()), "{} copies", history.depth());
        let seed = crate::cli::demo::session(10, 50).unwrap();
        let mut history = History::default();
        for _ in 0..120 {
            history.remember(seed.clone());
        }
        assert_eq!(history.depth(), UNDO_DEPTH);
    }

    #[test]
    fn undo_and_redo_go_back_and_forth_and_a_new_change_ends_redo() {
        let (a, b) = (crate::cli::demo::session(2, 0).unwrap(), crate::cli::demo::session(3, 0).unwrap());
        let mut history = History::default();
        let mut now = b.clone();
        history.remember(a.clone());
        assert!(history.undo(&mut now));
        assert_eq!(now, a);
        assert!(!history.undo(&mut now));
        assert!(history.redo(&mut now));
        assert_eq!(now, b);
        assert!(history.undo(&mut now));
        history.remember(now.clone());
        assert!(!history.redo(&mut now));
    }
}
