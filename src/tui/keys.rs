//! The terminal's key events as the app's own keys: the one place crossterm's key types
//! meet the app core.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::key::{Code, Key, Mods};

/// The app's key for a key event; `None` for keys the app has no use for (a lone
/// modifier, media keys, Caps Lock, ...).
pub fn from_crossterm(event: KeyEvent) -> Option<Key> {
    let code = match event.code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Delete => Code::Delete,
        KeyCode::Insert => Code::Insert,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::F(n) => Code::F(n),
        _ => return None,
    };
    let mut mods = Mods::NONE;
    for (theirs, ours) in
        [(KeyModifiers::SHIFT, Mods::SHIFT), (KeyModifiers::CONTROL, Mods::CONTROL), (KeyModifiers::ALT, Mods::ALT)]
    {
        if event.modifiers.contains(theirs) {
            mods = mods | ours;
        }
    }
    Some(Key::new(code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_keys_become_the_app_s_keys() {
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(from_crossterm(ctrl_s), Key::parse("<C-s>").ok());
        let shift_up = KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT);
        assert_eq!(from_crossterm(shift_up), Key::parse("<S-up>").ok());
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT | KeyModifiers::SUPER);
        assert_eq!(from_crossterm(alt_enter), Key::parse("<A-ret>").ok());
        assert_eq!(from_crossterm(KeyEvent::new(KeyCode::CapsLock, KeyModifiers::NONE)), None);
    }
}
