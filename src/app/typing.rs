//! Typing never changes the course of the meeting: a letter that starts no command opens
//! a note with it; while the minute-taker is typing (a burst of keys that the shell ends
//! with `Input::Quiet`), letters are text and a key that would move the meeting on asks
//! first; Esc followed quickly by a letter, which terminals send as Alt+letter, is Esc.

use super::key::{Code, Key, Mods};
use super::keymap::{Action, Context};
use super::{App, Confirm, Mode};
use crate::domain::time::Stamp;

/// How long the keyboard must be quiet before a burst of typing is over: the shell sends
/// `Input::Quiet` after this. Between the keys of a word a typist takes a tenth to a
/// third of a second; a person who stops typing and decides to move on takes longer.
pub const QUIET_AFTER: std::time::Duration = std::time::Duration::from_millis(700);

/// Whether `action` changes the course of the meeting or what was decided (the keys that
/// ask first when pressed in the middle of typing).
pub fn changes_course(action: Action) -> bool {
    matches!(
        action,
        Action::Next
            | Action::GoToSelected
            | Action::Break
            | Action::CloseMeeting
            | Action::Pause
            | Action::AdoptProposal
            | Action::Postpone
            | Action::Withdraw
            | Action::ComesBack
    )
}

/// The character of a key typed without Ctrl or Alt that writes something visible.
fn printable(key: Key) -> Option<char> {
    match key.code {
        Code::Char(c) if !c.is_whitespace() && !c.is_control() && (key.mods - Mods::SHIFT).is_empty() => Some(c),
        _ => None,
    }
}

impl App {
    /// Whether the minute-taker is in the middle of typing.
    pub fn is_typing(&self) -> bool {
        self.typing
    }

    /// The keyboard was quiet for `QUIET_AFTER`: the burst of typing is over.
    pub(super) fn quiet(&mut self) {
        self.typing = false;
    }

    /// Handles `key` when typing decides what it means; false when the keymap does.
    pub(super) fn typed(&mut self, key: Key, now: Stamp) -> bool {
        // Esc and a letter at once reach us as Alt+letter: a person pressed Esc, then the
        // letter (no screen binds Alt+letter).
        if key.mods.contains(Mods::ALT)
            && matches!(key.code, Code::Char(_))
            && self.keymap.action(self.context(), key).is_none()
        {
            self.key(Key::new(Code::Esc, Mods::NONE), now);
            self.key(Key::new(key.code, key.mods - Mods::ALT), now);
            return true;
        }
        let Some(c) = printable(key) else {
            // A key that writes nothing (an arrow, Tab, Enter) is a deliberate command.
            if !matches!(self.mode, Mode::Editor(_)) {
                self.typing = false;
            }
            return false;
        };
        match &self.mode {
            // Asked whether a key typed in the middle of text was meant: more text says no,
            // and both keys go into a note, as typed.
            Mode::Confirm(Confirm::WhileTyping { key: held, .. }) => {
                let held = *held;
                self.mode = Mode::Normal;
                self.write(&[held, c], now);
                true
            }
            Mode::Normal | Mode::Notes if self.typing => {
                match self.keymap.action(self.context(), key) {
                    Some(action) if self.context() == Context::Main && changes_course(action) => {
                        self.mode = Mode::Confirm(Confirm::WhileTyping { action, key: c });
                    }
                    _ => {
                        self.write(&[c], now);
                        if matches!(self.mode, Mode::Editor(_)) {
                            self.message = Some(self.words.taken_as_text.to_string());
                        }
                    }
                }
                true
            }
            Mode::Normal if self.keymap.action(Context::Main, key).is_none() => {
                self.write(&[c], now);
                true
            }
            _ => false,
        }
    }

    /// Opens a note on the selected item (or takes up the one being written there) and
    /// types `chars` into it.
    fn write(&mut self, chars: &[char], now: Stamp) {
        if self.len() == 0 {
            return;
        }
        self.mode = Mode::Normal;
        self.open_note_editor(self.sel(), now);
        if let Mode::Editor(editor) = &mut self.mode {
            for &c in chars {
                editor.input(Key::char(c));
            }
            self.sync_draft(now);
            self.typing = true;
        }
    }
}
