//! The editor: a note typed into the sak's draft (saved with every key), or the text of
//! a vedtak. Enter files a note and starts the next; Alt+Enter breaks the line.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

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
}

impl Editor {
    fn with_text(target: Target, text: &str) -> Editor {
        let mut area = TextArea::new(text.split('\n').map(String::from).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_max_histories(200);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor { target, area, kind: NoteKind::Comment, speaker: None, editing: None }
    }

    /// An editor on the draft of item `item`.
    pub fn for_note(item: usize, draft: &Draft) -> Editor {
        let mut e = Editor::with_text(Target::Note { item }, &draft.note.text);
        e.kind = draft.note.kind;
        e.speaker = draft.note.speaker.clone();
        e.editing = draft.editing;
        e
    }

    /// An editor for a vedtak, starting from `text` (the forslag til vedtak, or nothing).
    pub fn for_decision(item: usize, label: Option<String>, text: &str) -> Editor {
        Editor::with_text(Target::Decision { item, label }, text)
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Copies what is typed into the session's draft.
    pub fn write_to(&self, draft: &mut Draft) {
        draft.note.text = self.text();
        draft.note.kind = self.kind;
        draft.note.speaker = self.speaker.clone();
    }
}
