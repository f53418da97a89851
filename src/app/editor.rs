//! The editor: a note typed into the sak's draft (saved with every key), or the text of
//! a vedtak. Enter files a note and starts the next; Alt+Enter breaks the line. The text
//! area keeps the text, the cursor and the undo history; the rows it is wrapped into on
//! screen are ours (`wrap`), and Up and Down move by those rows.

use super::key::{Code, Key, Mods};
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};
use unicode_segmentation::UnicodeSegmentation;

use super::wrap;
use crate::domain::notes::{Draft, NoteKind, Speaker};

/// What the text becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A note on item `item` (new, or a change to a note when the draft says so).
    Note { item: usize },
    /// A vedtak on item `item`, with a label for a partial decision.
    Decision { item: usize, label: Option<String> },
}

pub struct Editor {
    pub target: Target,
    pub area: TextArea<'static>,
    pub kind: NoteKind,
    pub speaker: Option<Speaker>,
    /// The note being changed, if it is not a new one.
    pub editing: Option<usize>,
    /// The width the text is wrapped in on screen (the terminal's, as the shell said):
    /// the rows Up and Down move by.
    pub width: u16,
}

impl Editor {
    fn with_text(target: Target, text: &str) -> Editor {
        let mut area = TextArea::new(text.split('\n').map(String::from).collect());
        // Wrapping is drawing's business (`wrap`): the text area keeps its lines whole and
        // does not map them to rows on every key.
        area.set_wrap_mode(WrapMode::None);
        area.set_max_histories(200);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor { target, area, kind: NoteKind::Comment, speaker: None, editing: None, width: u16::MAX }
    }

    /// An editor on the draft of item `item`.
    pub fn for_note(item: usize, draft: &Draft) -> Editor {
        let mut e = Editor::with_text(Target::Note { item }, &draft.note.text);
        e.kind = draft.note.kind;
        e.speaker.clone_from(&draft.note.speaker);
        e.editing = draft.editing;
        e
    }

    /// An editor for a vedtak, starting from `text` (the forslag til vedtak, or nothing).
    pub fn for_decision(item: usize, label: Option<String>, text: &str) -> Editor {
        Editor::with_text(Target::Decision { item, label }, text)
    }

    /// A key for the text. Left, Right, Backspace and Delete step over whole graphemes
    /// (an emoji with its modifiers, a letter with a combining accent); the rest goes to
    /// the text area. Up and Down move by rows on screen; paging and the mouse, which the
    /// text area would measure by a view of its own, do nothing. True when the text or
    /// cursor changed.
    pub fn input(&mut self, key: Key) -> bool {
        let plain_or_shift = (key.mods - Mods::SHIFT).is_empty();
        match key.code {
            Code::Up | Code::Down if plain_or_shift => {
                return self.by_row(key.code == Code::Down, key.mods.contains(Mods::SHIFT));
            }
            Code::PageUp | Code::PageDown => return false,
            _ => {}
        }
        let selecting = self.area.selection_range().is_some();
        match key.code {
            // A selection is deleted whole.
            Code::Backspace | Code::Delete if selecting => return self.area.input(ratatui_textarea::Input::from(key)),
            // Shift selects while moving; moving without it ends the selection.
            Code::Left | Code::Right if plain_or_shift => match (key.mods.contains(Mods::SHIFT), selecting) {
                (true, false) => self.area.start_selection(),
                (false, true) => self.area.cancel_selection(),
                _ => {}
            },
            _ => {}
        }
        let by_grapheme = matches!(key.code, Code::Left | Code::Right | Code::Backspace | Code::Delete);
        if by_grapheme
            && plain_or_shift
            && let Some(moved) = self.by_grapheme(key.code)
        {
            return moved;
        }
        self.area.input(ratatui_textarea::Input::from(key))
    }

    /// Moves the cursor to the row below or above, as near its cell as that row allows;
    /// with `select`, the selection follows.
    fn by_row(&mut self, down: bool, select: bool) -> bool {
        let lines = self.area.lines();
        let rows = wrap::rows(lines, self.width);
        let DataCursor(line, col) = self.area.cursor();
        let at = lines[line].char_indices().nth(col).map_or(lines[line].len(), |(b, _)| b);
        let (row, x) = wrap::locate(&rows, lines, line, at);
        let target = if down { row + 1 } else { row.wrapping_sub(1) };
        let (Some(byte), Some(to)) = (wrap::byte_at(&rows, lines, target, x), rows.get(target)) else { return false };
        let col = lines[to.line][..byte].chars().count();
        let jump = CursorMove::Jump(u16::try_from(to.line).unwrap_or(u16::MAX), u16::try_from(col).unwrap_or(u16::MAX));
        match (select, self.area.selection_range()) {
            (true, None) => self.area.start_selection(),
            (false, Some(_)) => self.area.cancel_selection(),
            _ => {}
        }
        self.area.move_cursor(jump);
        true
    }

    fn by_grapheme(&mut self, code: Code) -> Option<bool> {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let line = self.area.lines().get(row)?;
        let mut bounds = vec![0];
        bounds.extend(line.graphemes(true).scan(0, |at, g| {
            *at += g.chars().count();
            Some(*at)
        }));
        let before = bounds.iter().rev().find(|&&b| b < col).copied();
        let after = bounds.iter().find(|&&b| b > col).copied();
        match (code, before, after) {
            (Code::Left, Some(b), _) => {
                (b..col).for_each(|_| self.area.move_cursor(CursorMove::Back));
                Some(true)
            }
            (Code::Right, _, Some(a)) => {
                (col..a).for_each(|_| self.area.move_cursor(CursorMove::Forward));
                Some(true)
            }
            (Code::Backspace, Some(b), _) => {
                (b..col).for_each(|_| self.area.move_cursor(CursorMove::Back));
                Some(self.area.delete_str(col - b))
            }
            (Code::Delete, _, Some(a)) => Some(self.area.delete_str(a - col)),
            _ => None,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Copies what is typed into the session's draft.
    pub fn write_to(&self, draft: &mut Draft) {
        draft.note.text = self.text();
        draft.note.kind = self.kind;
        draft.note.speaker.clone_from(&self.speaker);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: Code) -> Key {
        Key::new(code, Mods::NONE)
    }

    #[test]
    fn the_cursor_moves_over_whole_graphemes() {
        // "e" + combining acute, a family emoji (one grapheme of seven chars), "ø".
        let mut e = Editor::for_decision(0, None, "e\u{301}👨‍👩‍👧ø");
        e.input(key(Code::Backspace));
        assert_eq!(e.text(), "e\u{301}👨‍👩‍👧");
        e.input(key(Code::Backspace));
        assert_eq!(e.text(), "e\u{301}");
        e.input(key(Code::Left));
        e.input(key(Code::Char('å')));
        assert_eq!(e.text(), "åe\u{301}");
        e.input(key(Code::Delete));
        assert_eq!(e.text(), "å");
        e.input(key(Code::Right));
        e.input(key(Code::Char('漢')));
        assert_eq!(e.text(), "å漢");
    }

    #[test]
    fn shift_selects_by_grapheme_and_a_selection_is_deleted_whole() {
        let shift = |code| Key::new(code, Mods::SHIFT);
        let mut e = Editor::for_decision(0, None, "Vedtatt med endringer👨‍👩‍👧");
        e.input(shift(Code::Left));
        e.input(shift(Code::Left));
        assert_eq!(e.area.selection_range(), Some(((0, 20), (0, 26))), "the family is one step");
        e.input(key(Code::Backspace));
        assert_eq!(e.text(), "Vedtatt med endringe");
        e.input(shift(Code::Left));
        e.input(key(Code::Left));
        assert_eq!(e.area.selection_range(), None, "moving on ends the selection");
        e.input(key(Code::Delete));
        assert_eq!(e.text(), "Vedtatt med endrine");
    }

    #[test]
    fn up_and_down_move_by_rows_on_screen() {
        let mut e = Editor::for_decision(0, None, "Vi lar den stå uforandret\nok");
        e.width = 10;
        // From the end of "ok" up into the empty row after the full "uforandret", then into it.
        e.input(key(Code::Up));
        assert_eq!(e.area.cursor(), DataCursor(0, 25));
        e.input(key(Code::Up));
        assert_eq!(e.area.cursor(), DataCursor(0, 15));
        e.input(key(Code::Up));
        assert_eq!(e.area.cursor(), DataCursor(0, 10), "the start of the row: its space");
        assert!(e.input(key(Code::Up)));
        assert_eq!(e.area.cursor(), DataCursor(0, 0));
        assert!(!e.input(key(Code::Up)), "nothing above the first row");
        // Down from the end of the first row: the row below, as near as it goes.
        e.area.move_cursor(CursorMove::Jump(0, 9));
        e.input(Key::new(Code::Down, Mods::SHIFT));
        assert_eq!(e.area.cursor(), DataCursor(0, 14));
        assert_eq!(e.area.selection_range(), Some(((0, 9), (0, 14))), "Shift+Down selects");
    }
}
