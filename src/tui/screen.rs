//! Putting frames on the terminal. ratatui draws each frame into a buffer; this writes
//! only the cells that differ from what the terminal shows. While only the editor changes
//! (a key typed into a note within the same second), only the editor is drawn and
//! compared: typing costs the editor's few rows, not the whole screen. (A key typed as the
//! clock turns a second is echoed first, then the clock drawn.)

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::app::{App, SaveState};
use super::view;
use crate::domain::time::Stamp;

/// What the last whole frame showed that an editor-only frame must not change.
#[derive(Clone, PartialEq)]
struct Shown {
    editor: Option<Rect>,
    saved: SaveState,
    message: Option<String>,
}

pub struct Screen<B: Backend> {
    pub terminal: Terminal<B>,
    /// What the terminal shows, cell by cell (but see `editor_shown`).
    shown: Buffer,
    last: Option<Shown>,
    /// What the terminal shows in the editor after editor-only frames: newer than those
    /// cells of `shown`, and put there at the next whole frame, not at every key.
    editor_shown: Option<Buffer>,
    /// The buffer the next editor-only frame is drawn into, kept from key to key.
    spare: Buffer,
}

impl<B: Backend> Screen<B> {
    pub fn new(mut terminal: Terminal<B>) -> Result<Screen<B>, B::Error> {
        terminal.hide_cursor()?;
        // (Not `Terminal::clear`: it asks the terminal where its cursor is.)
        terminal.backend_mut().clear()?;
        let size = terminal.size()?;
        Ok(Screen {
            terminal,
            shown: Buffer::empty(Rect::from((Position::ORIGIN, size))),
            last: None,
            editor_shown: None,
            spare: Buffer::default(),
        })
    }

    /// Draws the whole screen for `now`.
    pub fn draw(&mut self, app: &mut App, now: Stamp) -> Result<(), B::Error> {
        if let Some(editor) = self.editor_shown.take() {
            copy_cells(&editor, &mut self.shown, editor.area);
            self.spare = editor;
        }
        let area = Rect::from((Position::ORIGIN, self.terminal.size()?));
        if area != self.shown.area {
            // A new size: start from a clean terminal.
            self.terminal.resize(area)?;
            self.terminal.backend_mut().clear()?;
            self.shown = Buffer::empty(area);
        }
        self.terminal.current_buffer_mut().reset();
        {
            let mut frame = self.terminal.get_frame();
            view::draw(&mut frame, app, now);
        }
        let drawn = std::mem::take(self.terminal.current_buffer_mut());
        let before = std::mem::replace(&mut self.shown, drawn);
        self.terminal.backend_mut().draw(before.diff(&self.shown).into_iter())?;
        // Its cells serve the next frame.
        *self.terminal.current_buffer_mut() = before;
        self.terminal.backend_mut().flush()?;
        self.last = Some(Shown {
            editor: view::editor_area(app, area),
            saved: app.saved.clone(),
            message: app.message.clone(),
        });
        Ok(())
    }

    /// Draws only the editor, when that is all the app changed since the last whole
    /// frame (the clock aside: the caller draws a whole frame for a new second); false
    /// (and nothing drawn) when a whole frame is needed. The terminal is taken to be the
    /// size of the last whole frame: the caller draws a whole frame after a resize.
    pub fn draw_editor(&mut self, app: &App) -> Result<bool, B::Error> {
        let Some(editor) = view::editor_area(app, self.shown.area) else { return Ok(false) };
        let now_shown = Shown { editor: Some(editor), saved: app.saved.clone(), message: app.message.clone() };
        if self.last.as_ref() != Some(&now_shown) {
            return Ok(false);
        }
        let before = match self.editor_shown.take() {
            Some(b) if b.area == editor => b,
            _ => {
                let mut b = Buffer::empty(editor);
                copy_cells(&self.shown, &mut b, editor);
                b
            }
        };
        let mut drawn = std::mem::take(&mut self.spare);
        drawn.resize(editor);
        drawn.reset();
        view::draw_editor_only(&mut drawn, app);
        self.terminal.backend_mut().draw(before.diff(&drawn).into_iter())?;
        self.editor_shown = Some(drawn);
        self.spare = before;
        self.terminal.backend_mut().flush()?;
        Ok(true)
    }
}

/// Copies the cells of `area` from one buffer to another (both hold all of `area`).
fn copy_cells(from: &Buffer, to: &mut Buffer, area: Rect) {
    let area = area.intersection(from.area).intersection(to.area);
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let (f, t) = (from.index_of(area.x, y), to.index_of(area.x, y));
        to.content[t..t + width].clone_from_slice(&from.content[f..f + width]);
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::domain::agenda::Lang;
    use crate::domain::session::Session;
    use crate::i18n;
    use crate::store::agenda_file;
    use crate::tui::app::Dirty;
    use crate::tui::theme;

    fn at(clock: &str) -> Stamp {
        Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
    }

    fn whole(app: &mut App, now: Stamp) -> Buffer {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| view::draw(f, app, now)).unwrap();
        t.backend().buffer().clone()
    }

    /// What the terminal shows after editor-only frames is exactly what a whole frame
    /// drawn from scratch shows, through typing, line wrapping, a new second and Esc.
    #[test]
    fn the_terminal_shows_what_a_whole_frame_would() {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let (theme, _) = theme::load(None, false);
        let mut app = App::new(Session::new(agenda), "t.session.ron".into(), i18n::words(Lang::Nb), theme);
        let mut screen = Screen::new(Terminal::new(TestBackend::new(80, 24)).unwrap()).unwrap();
        app.key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE), at("10:00:00"));
        app.key(KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE), at("10:00:00"));
        screen.draw(&mut app, at("10:00:00")).unwrap();
        let mut shown_second = at("10:00:00");
        let mut editor_only = 0;
        let text = "Et innspill som er langt nok til å brytes over flere linjer i editoren, med æøå";
        for (n, c) in text.chars().enumerate() {
            let now = if n < 40 { at("10:00:00") } else { at("10:00:01") };
            app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), now);
            let dirty = app.take_dirty();
            // As the live loop: the editor alone if it can, a whole frame if it must or
            // if the clock turned a second.
            let done = dirty != Dirty::Unknown && screen.draw_editor(&app).unwrap();
            if done {
                editor_only += 1;
            }
            if !done || shown_second != now {
                screen.draw(&mut app, now).unwrap();
                shown_second = now;
            }
            assert_eq!(screen.terminal.backend().buffer(), &whole(&mut app, now), "after {} keys", n + 1);
        }
        assert!(editor_only > 60, "most keys drew the editor alone: {editor_only}");
        app.key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), at("10:00:02"));
        assert!(!screen.draw_editor(&app).unwrap(), "the editor is closed");
        screen.draw(&mut app, at("10:00:02")).unwrap();
        assert_eq!(screen.terminal.backend().buffer(), &whole(&mut app, at("10:00:02")));
    }
}
