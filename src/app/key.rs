//! The app's own keys: what was pressed, with its modifiers, whatever the terminal (the
//! shell converts its events at the edge), and a text form for tests and key overrides:
//! `n`, `<ret>`, `<esc>`, `<C-s>`, `<S-up>`, `<A-ret>`, `<F1>`.

use std::fmt;
use std::ops::{BitOr, Sub};

/// A key on the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    /// Shift+Tab, as terminals report it.
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// Shift, Ctrl and Alt, any of them together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Mods(u8);

impl Mods {
    pub const NONE: Mods = Mods(0);
    pub const SHIFT: Mods = Mods(1);
    pub const CONTROL: Mods = Mods(2);
    pub const ALT: Mods = Mods(4);

    pub fn contains(self, other: Mods) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl BitOr for Mods {
    type Output = Mods;
    fn bitor(self, other: Mods) -> Mods {
        Mods(self.0 | other.0)
    }
}

impl Sub for Mods {
    type Output = Mods;
    fn sub(self, other: Mods) -> Mods {
        Mods(self.0 & !other.0)
    }
}

/// One key press.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: Code,
    pub mods: Mods,
}

/// The names of the text form, `<name>`, and the keys they stand for.
const NAMES: [(&str, Code); 17] = [
    ("ret", Code::Enter),
    ("esc", Code::Esc),
    ("tab", Code::Tab),
    ("backtab", Code::BackTab),
    ("bs", Code::Backspace),
    ("del", Code::Delete),
    ("ins", Code::Insert),
    ("up", Code::Up),
    ("down", Code::Down),
    ("left", Code::Left),
    ("right", Code::Right),
    ("home", Code::Home),
    ("end", Code::End),
    ("pgup", Code::PageUp),
    ("pgdown", Code::PageDown),
    ("space", Code::Char(' ')),
    ("lt", Code::Char('<')),
];

impl Key {
    pub const fn new(code: Code, mods: Mods) -> Key {
        Key { code, mods }
    }

    /// A plain character.
    pub const fn char(c: char) -> Key {
        Key { code: Code::Char(c), mods: Mods::NONE }
    }

    /// One key in its text form: a character (`n`, `æ`), or `<name>` with an optional
    /// `C-`, `S-` or `A-` (or several: `<C-A-x>`) before a name or a character.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => return Ok(Key::char(c)),
            (Some('<'), Some(_)) if text.ends_with('>') => {}
            _ => return Err(format!("«{text}» is not a key (write a character, or <name> such as <ret> or <C-s>)")),
        }
        let mut name = &text[1..text.len() - 1];
        let mut mods = Mods::NONE;
        while let Some((m, rest)) = name.split_once('-').filter(|(_, rest)| !rest.is_empty()) {
            mods = mods
                | match m {
                    "C" => Mods::CONTROL,
                    "S" => Mods::SHIFT,
                    "A" => Mods::ALT,
                    _ => break,
                };
            name = rest;
        }
        let mut one = name.chars();
        let code = match (one.next(), one.next()) {
            (Some(c), None) => Code::Char(c),
            _ => match NAMES.iter().find(|(n, _)| *n == name) {
                Some((_, code)) => *code,
                None => match name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n) if (1..=24).contains(&n) => Code::F(n),
                    _ => return Err(format!("no key is called <{name}>")),
                },
            },
        };
        Ok(Key { code, mods })
    }

    /// Keys in their text form one after another (`n i Hallo<ret> <C-p>hn`): a space
    /// between keys is only for reading (`<space>` types one).
    pub fn parse_seq(text: &str) -> Result<Vec<Key>, String> {
        let mut keys = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let len = match (c, rest.find('>')) {
                ('<', Some(end)) if end > 1 => end + 1,
                _ => c.len_utf8(),
            };
            if c != ' ' {
                keys.push(Key::parse(&rest[..len])?);
            }
            rest = &rest[len..];
        }
        Ok(keys)
    }
}

impl fmt::Display for Key {
    /// The text form `parse` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = NAMES.iter().find(|(_, c)| *c == self.code).map(|(n, _)| (*n).to_string());
        let base = match (self.code, name) {
            (_, Some(name)) => name,
            (Code::Char(c), None) if self.mods.is_empty() => return write!(f, "{c}"),
            (Code::Char(c), None) => c.to_string(),
            (Code::F(n), None) => format!("F{n}"),
            (code, None) => format!("{code:?}"),
        };
        let mut mods = String::new();
        for (m, prefix) in [(Mods::CONTROL, "C-"), (Mods::SHIFT, "S-"), (Mods::ALT, "A-")] {
            if self.mods.contains(m) {
                mods.push_str(prefix);
            }
        }
        write!(f, "<{mods}{base}>")
    }
}

impl From<Key> for ratatui_textarea::Input {
    fn from(key: Key) -> ratatui_textarea::Input {
        use ratatui_textarea::Key as K;
        let key_code = match key.code {
            Code::Char(c) => K::Char(c),
            Code::Enter => K::Enter,
            Code::Esc => K::Esc,
            Code::Tab | Code::BackTab => K::Tab,
            Code::Backspace => K::Backspace,
            Code::Delete => K::Delete,
            Code::Insert => K::Null,
            Code::Up => K::Up,
            Code::Down => K::Down,
            Code::Left => K::Left,
            Code::Right => K::Right,
            Code::Home => K::Home,
            Code::End => K::End,
            Code::PageUp => K::PageUp,
            Code::PageDown => K::PageDown,
            Code::F(n) => K::F(n),
        };
        ratatui_textarea::Input {
            key: key_code,
            ctrl: key.mods.contains(Mods::CONTROL),
            alt: key.mods.contains(Mods::ALT),
            shift: key.mods.contains(Mods::SHIFT) || key.code == Code::BackTab,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_form_reads_back_as_written() {
        for text in
            ["n", "æ", "<ret>", "<esc>", "<C-s>", "<S-up>", "<A-ret>", "<C-A-x>", "<F1>", "<space>", "<lt>", "<"]
        {
            let key = Key::parse(text).unwrap();
            let again = Key::parse(&key.to_string()).unwrap();
            assert_eq!(again, key, "{text} → {key}");
        }
        assert_eq!(Key::parse("<C-s>"), Ok(Key::new(Code::Char('s'), Mods::CONTROL)));
        assert_eq!(Key::parse("<S-down>"), Ok(Key::new(Code::Down, Mods::SHIFT)));
        assert_eq!(Key::new(Code::Enter, Mods::NONE).to_string(), "<ret>");
    }

    #[test]
    fn a_sequence_is_keys_one_after_another() {
        let keys = Key::parse_seq("n i Hallo<ret> <C-p>hn<A-ret><space>").unwrap();
        assert_eq!(keys.len(), 2 + 5 + 1 + 1 + 2 + 1 + 1);
        assert_eq!(keys[7], Key::new(Code::Enter, Mods::NONE));
        assert_eq!(keys[8], Key::new(Code::Char('p'), Mods::CONTROL));
        assert_eq!(keys[11], Key::new(Code::Enter, Mods::ALT));
        assert_eq!(keys[12], Key::char(' '));
        assert_eq!(Key::parse_seq("a<b"), Ok(vec![Key::char('a'), Key::char('<'), Key::char('b')]));
    }

    #[test]
    fn what_is_not_a_key_is_said() {
        assert_eq!(Key::parse("<retur>"), Err("no key is called <retur>".to_string()));
        assert_eq!(Key::parse("<F99>"), Err("no key is called <F99>".to_string()));
        assert!(Key::parse("ab").unwrap_err().contains("is not a key"));
        assert!(Key::parse_seq("n <hjelp>").is_err());
    }
}
