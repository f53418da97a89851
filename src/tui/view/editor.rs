//! The editor box: a title (new or changed note, its kind and speaker, or the vedtak) over
//! the text rows, wrapped and scrolled to the cursor. Drawn whole in a frame, or a row at a
//! time while typing: each row's look says whether it must be drawn again.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use ratatui_textarea::DataCursor;

use crate::app::App;
use crate::app::editor::{Editor, Target};
use crate::app::wrap;
use crate::theme::Theme;

/// What one text row of the editor shows: equal looks draw equal cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowLook {
    pub text: String,
    /// The cell of the cursor, if it is on this row.
    pub cursor: Option<u16>,
    /// The cells of selected text.
    pub selected: Range<u16>,
}

/// The title line: what is being written, and for a note its kind and speaker.
pub fn title(app: &App, editor: &Editor) -> Line<'static> {
    let (w, t) = (app.words, &app.theme);
    match &editor.target {
        Target::Note { .. } => {
            let what = if editor.editing.is_some() { w.change_note } else { w.new_note };
            let kind = w.note_kinds[editor.kind.index()];
            let speaker =
                editor.speaker.as_ref().map_or(w.no_speaker.to_string(), crate::domain::notes::Speaker::label);
            Line::from(vec![
                Span::styled(format!(" {what} · "), t.title),
                Span::styled(format!("{kind} "), t.key),
                Span::styled(format!("(Tab) · {speaker} (Ctrl+P) "), t.muted),
            ])
        }
        Target::Decision { label, .. } => {
            Line::from(Span::styled(format!(" {} ", (w.decision_title)(label.as_deref())), t.title))
        }
    }
}

/// The rows of text in `area`: as many looks as it is high, scrolled so that the cursor
/// is in view (the scroll is kept in the editor, from frame to frame); and how many rows
/// the editor wants (`height` at this width).
pub fn looks(editor: &Editor, top_kept: &std::cell::Cell<usize>, area: Rect) -> (Vec<RowLook>, u16) {
    let (width, height) = (area.width.max(1), usize::from(area.height));
    let lines = editor.area.lines();
    let rows = wrap::rows(lines, width);
    let DataCursor(line, col) = editor.area.cursor();
    let (cursor_row, cursor_x) = wrap::locate(&rows, lines, line, byte_of(lines, line, col));
    let top = scroll_top(top_kept.get(), cursor_row, height).min(rows.len().saturating_sub(height));
    top_kept.set(top);
    let selection = editor
        .area
        .selection_range()
        .map(|((l0, c0), (l1, c1))| ((l0, byte_of(lines, l0, c0)), (l1, byte_of(lines, l1, c1))));
    let looks = (top..top + height)
        .map(|i| match rows.get(i) {
            Some(row) => {
                let text = &lines[row.line][row.start..row.end];
                RowLook {
                    text: text.to_string(),
                    cursor: (i == cursor_row).then_some(cursor_x),
                    selected: selection.map_or(0..0, |(from, to)| selected_cells(row, text, from, to)),
                }
            }
            None => RowLook::default(),
        })
        .collect();
    (looks, wanted(rows.len()))
}

/// The first row shown, after the one shown before, so that row `cursor` is in view.
fn scroll_top(before: usize, cursor: usize, height: usize) -> usize {
    if cursor < before {
        cursor
    } else if before + height <= cursor {
        cursor + 1 - height.max(1)
    } else {
        before
    }
}

/// The byte of char `col` of line `line`.
fn byte_of(lines: &[String], line: usize, col: usize) -> usize {
    lines.get(line).map_or(0, |l| l.char_indices().nth(col).map_or(l.len(), |(b, _)| b))
}

/// The cells of `row` (whose text is `text`) that lie between two places of the text.
fn selected_cells(row: &wrap::Row, text: &str, from: (usize, usize), to: (usize, usize)) -> Range<u16> {
    let mut x = 0;
    let (mut start, mut end) = (None, 0);
    for (at, _, w) in wrap::graphemes(text) {
        let here = (row.line, row.start + at);
        if from <= here && here < to {
            start.get_or_insert(x);
            end = x + w;
        }
        x += w;
    }
    start.map_or(0..0, |s| s..end)
}

/// How a cell of a row is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ink {
    Text,
    Cursor,
    Selected,
}

impl RowLook {
    fn ink(&self, x: u16) -> Ink {
        if self.cursor == Some(x) {
            Ink::Cursor
        } else if self.selected.contains(&x) {
            Ink::Selected
        } else {
            Ink::Text
        }
    }

    /// The cell after the last one that is not blank.
    fn end(&self) -> u16 {
        let text = wrap::width_of(&self.text);
        text.max(self.cursor.map_or(0, |c| c + 1)).max(self.selected.end)
    }
}

/// The cells of a row (of `width`) that may differ between two looks of it: from the
/// first grapheme drawn differently to the last cell either draws. Both ends lie between
/// graphemes of both looks.
pub fn changed_cells(before: &RowLook, after: &RowLook, width: u16) -> Range<u16> {
    let mut x = wrap::common_width(&before.text, &after.text);
    if before.cursor != after.cursor {
        x = x.min(before.cursor.unwrap_or(u16::MAX)).min(after.cursor.unwrap_or(u16::MAX));
    }
    if before.selected != after.selected {
        x = x.min(before.selected.start).min(after.selected.start);
    }
    let end = before.end().max(after.end()).min(width);
    x.min(end)..end
}

/// Draws one row of text, `look`, into the row `area`: those of its cells that `buf`
/// holds (all of them, or the changed ones), each cell whole.
pub fn draw_row(buf: &mut Buffer, area: Rect, look: &RowLook, theme: &Theme) {
    let y = area.y;
    let (from, to) = (buf.area.left().max(area.left()), buf.area.right().min(area.right()));
    let mut blank = Cell::EMPTY;
    blank.set_style(theme.text);
    for x in from..to {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.clone_from(&blank);
        }
    }
    let style = |ink| match ink {
        Ink::Text => theme.text,
        Ink::Cursor => theme.text.add_modifier(Modifier::REVERSED),
        Ink::Selected => theme.selected,
    };
    let mut x = 0;
    for (_, g, w) in wrap::graphemes(&look.text) {
        let at = area.x + x;
        if x + w > area.width || at >= to {
            break;
        }
        if at >= from {
            if let Some(cell) = buf.cell_mut((at, y)) {
                match wrap::drawn(g) {
                    Some(shown) => cell.set_symbol(&shown),
                    None => cell.set_symbol(g),
                };
                cell.set_style(style(look.ink(x)));
            }
            // The cells a wide grapheme covers, as ratatui leaves them.
            for k in 1..w {
                if let Some(cell) = buf.cell_mut((at + k, y)) {
                    cell.reset();
                }
            }
        }
        x += w;
    }
    if let Some(c) = look.cursor
        && c >= x
        && c < area.width
        && let Some(cell) = buf.cell_mut((area.x + c, y))
    {
        cell.set_style(style(Ink::Cursor));
    }
}

/// The area of the text rows in the editor box `area` (below its title).
pub fn text_area(area: Rect) -> Rect {
    Rect { y: area.y.saturating_add(1), height: area.height.saturating_sub(1), ..area }
}

/// Draws the whole editor box into `area`.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, editor: &Editor, top: &std::cell::Cell<usize>) {
    if area.height == 0 {
        return;
    }
    let block = Block::new().borders(Borders::TOP).border_style(app.theme.border_focus).title(title(app, editor));
    block.render(area, buf);
    let text = text_area(area);
    for (i, look) in looks(editor, top, text).0.iter().enumerate() {
        draw_row(buf, Rect { y: text.y + super::cells::to_u16(i), height: 1, ..text }, look, &app.theme);
    }
}

/// How many rows the editor wants: its text wrapped, between 2 and 6, plus the title.
pub fn height(editor: &Editor, width: u16) -> u16 {
    wanted(wrap::rows(editor.area.lines(), width).len())
}

fn wanted(rows: usize) -> u16 {
    super::cells::to_u16(rows.clamp(2, 6) + 1)
}
