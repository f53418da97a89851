//! Drawing the live meeting: named areas of the screen, each drawn by its own module.

mod attendance;
mod cells;
pub mod chair;
mod current;
mod editor;
mod followups;
mod footer;
mod form;
mod header;
mod notes;
mod overlay;
mod picker;
mod plain;
mod saksliste;
mod status;

use std::cell::Cell;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{App, Mode};
use crate::domain::time::Stamp;

/// What drawing keeps from one frame to the next: where the saksliste and the editor are
/// scrolled to. The shell owns it; the app never reads it.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The first row of the saksliste in view.
    list_offset: Cell<usize>,
    /// The first row of the editor's text in view.
    editor_top: Cell<usize>,
}

/// The areas of the screen, top to bottom: header, saksliste, current sak, notes,
/// editor, status line, footer.
fn layout(app: &App, area: Rect) -> [Rect; 7] {
    let editor_height = match &app.mode {
        Mode::Editor(e) => editor::height(e, area.width).min(area.height.saturating_sub(6)),
        Mode::Picker(p) => match &p.back {
            Mode::Editor(e) => editor::height(e, area.width).min(area.height.saturating_sub(6)),
            _ => 0,
        },
        _ => 0,
    };
    let current_height = match area.height.saturating_sub(editor_height) {
        h if h >= 26 => 9,
        h if h >= 20 => 7,
        h if h >= 11 => 3,
        _ => 0,
    };
    let message_width = footer::message(app).map_or(0, |m| m.chars().count() + 2);
    let footer_height = if message_width > usize::from(area.width) { 2 } else { 1 };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(3),
        Constraint::Length(current_height),
        Constraint::Fill(2),
        Constraint::Length(editor_height),
        Constraint::Length(1),
        Constraint::Length(footer_height),
    ])
    .areas(area)
}

/// Where the editor is on a screen of `area`, when one is open in the main view.
pub fn editor_area(app: &App, area: Rect) -> Option<Rect> {
    // (The plain screen is small: drawn whole.)
    (matches!(app.mode, Mode::Editor(_)) && !app.plain).then(|| layout(app, area)[4])
}

pub use cells::to_u16;
pub use editor::RowLook;

/// The title of the editor, when one is open in the main view.
pub fn editor_title(app: &App) -> Option<ratatui::text::Line<'static>> {
    match &app.mode {
        Mode::Editor(e) => Some(editor::title(app, e)),
        _ => None,
    }
}

/// The editor's text rows in its box `area`: where they are, what each shows, and how
/// high the editor wants to be (the scroll kept in the editor is brought up to date, as
/// drawing does).
pub fn editor_rows(app: &App, view: &ViewState, area: Rect) -> Option<EditorRows> {
    let Mode::Editor(e) = &app.mode else { return None };
    let area = editor::text_area(area);
    let (looks, wanted) = editor::looks(e, &view.editor_top, area);
    Some(EditorRows { area, looks, wanted })
}

pub struct EditorRows {
    pub area: Rect,
    pub looks: Vec<RowLook>,
    pub wanted: u16,
}

/// The cells of an editor row that may differ between two looks of it.
pub fn editor_row_changes(before: &RowLook, after: &RowLook, width: u16) -> std::ops::Range<u16> {
    editor::changed_cells(before, after, width)
}

/// Draws one text row of the editor, the row `area`, into `buf` (those of its cells that
/// `buf` holds), as `draw` draws it.
pub fn draw_editor_row(buf: &mut Buffer, area: Rect, app: &App, look: &RowLook) {
    editor::draw_row(buf, area, look, &app.theme);
}

/// A part of the screen that shows the time, the whole width of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timed {
    Header,
    Saksliste,
    Current,
    Status,
}

/// The timed parts of a screen laid out as `areas` (of `layout`).
fn timed([header, list, current, _, _, status, _]: [Rect; 7]) -> [(Timed, Rect); 4] {
    [(Timed::Header, header), (Timed::Saksliste, list), (Timed::Current, current), (Timed::Status, status)]
}

/// Where the parts of the screen that show the time are on a screen of `area`. When
/// nothing but the clock changed, they are all that a new second changes (`None`: an
/// overlay is open over them, and the whole screen is drawn).
pub fn timed_parts(app: &App, area: Rect) -> Option<[(Timed, Rect); 4]> {
    (matches!(app.mode, Mode::Normal | Mode::Notes | Mode::Editor(_)) && !app.plain).then(|| timed(layout(app, area)))
}

/// Draws a timed part into its area of `buf`, a buffer just reset.
pub fn draw_timed(buf: &mut Buffer, (part, area): (Timed, Rect), app: &App, view: &ViewState, now: Stamp) {
    cells::fill(buf, area, app.theme.text);
    match part {
        Timed::Header => header::draw(buf, area, app, now),
        Timed::Saksliste => saksliste::draw(buf, area, app, &view.list_offset, now),
        Timed::Current => current::draw(buf, area, app, now),
        Timed::Status => status::draw(buf, area, app, now),
    }
}

/// Draws the whole screen for `now`.
pub fn draw(frame: &mut Frame, app: &App, view: &ViewState, now: Stamp) {
    if app.plain {
        plain::draw(frame, app, now);
        return;
    }
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(app.theme.text), area);
    let areas = layout(app, area);
    let [_, _, _, notes_area, editor_area, _, footer] = areas;
    let footer_height = footer.height;
    for part in timed(areas) {
        draw_timed(frame.buffer_mut(), part, app, view, now);
    }
    notes::draw(frame, notes_area, app);
    match &app.mode {
        Mode::Editor(e) => editor::draw(frame.buffer_mut(), editor_area, app, e, &view.editor_top),
        Mode::Picker(p) => {
            if let Mode::Editor(e) = &p.back {
                editor::draw(frame.buffer_mut(), editor_area, app, e, &view.editor_top);
            }
        }
        _ => {}
    }
    footer::draw(frame, footer, app);
    let body = ratatui::layout::Rect { y: area.y + 1, height: area.height.saturating_sub(1 + footer_height), ..area };
    overlays(frame, area, body, app, now);
}

/// Draws what is open over the main screen, if anything: a box over `area`, or a screen
/// in `body` (below the header, above the footer).
fn overlays(frame: &mut Frame, area: Rect, body: Rect, app: &App, now: Stamp) {
    match &app.mode {
        Mode::Normal | Mode::Notes | Mode::Editor(_) => {}
        Mode::Help => overlay::help(frame, area, app),
        Mode::Sak { scroll } => overlay::sak(frame, area, app, *scroll),
        Mode::Confirm(c) => overlay::confirm(frame, area, app, *c, now),
        Mode::Prompt(p) => overlay::prompt(frame, area, app, p),
        Mode::Picker(p) => picker::draw(frame, area, app, p),
        Mode::Form(f) => form::draw(frame, area, app, f),
        Mode::FollowUps { selected } => followups::draw(frame, body, app, *selected),
        Mode::Attendance => attendance::draw(frame, body, app, None),
        Mode::RosterSearch(search) => attendance::draw(frame, body, app, Some(search)),
    }
}

/// "12:34", or "1:02:03" from an hour on, for a number of seconds (no sign).
pub use crate::domain::time::stopwatch as duration;

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_like_a_stopwatch() {
        assert_eq!(duration(0), "00:00");
        assert_eq!(duration(754), "12:34");
        assert_eq!(duration(-150), "02:30");
        assert_eq!(duration(3723), "1:02:03");
    }
}
