//! Putting frames on the terminal. ratatui draws each frame into a buffer; this writes
//! only the cells that differ from what the terminal shows. While only the editor's text
//! changes (a key typed into a note within the same second), only the rows of it that look
//! different are drawn and compared: typing costs a row, not the screen. A new second with
//! nothing else changed draws only the parts that show the time. (A key typed as the clock
//! turns a second is echoed first, then the clock drawn.)

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::Recorded;
use super::view::{self, RowLook, ViewState};
use crate::app::App;
use crate::domain::command::Touched;
use crate::domain::time::Stamp;
use crate::store::autosave::SaveState;

/// What the last whole frame showed that an editor-only or a clock frame must not change.
#[derive(Clone, PartialEq)]
struct Shown {
    editor: Option<Rect>,
    /// How high the editor wanted to be: the same height, the same layout.
    wanted: Option<u16>,
    title: Option<Line<'static>>,
    saved: SaveState,
    message: Option<String>,
}

pub struct Screen<B: Backend> {
    pub terminal: Terminal<B>,
    /// What the terminal shows, cell by cell.
    shown: Buffer,
    last: Option<Shown>,
    /// What the editor's text rows show on the terminal, top to bottom (`None`: not known).
    rows: Vec<Option<RowLook>>,
    /// The cells of a row (or of a timed part) drawn anew, and the same cells as the
    /// terminal shows them: kept from key to key.
    row: Buffer,
    row_shown: Buffer,
    /// The time the parts that show it were last drawn for.
    shown_at: Option<Stamp>,
    /// Where the saksliste and the editor are scrolled to.
    view: ViewState,
}

/// What happened since the last frame, as far as the caller knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    /// Nothing but time passing.
    Nothing,
    /// Keys were handled (or text pasted); they changed this much of the session.
    Keys(Touched),
    /// The terminal was resized, or anything else that needs the whole screen drawn.
    Anything,
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
            rows: Vec::new(),
            row: Buffer::default(),
            row_shown: Buffer::default(),
            shown_at: None,
            view: ViewState::default(),
        })
    }

    /// Where the saksliste and the editor are scrolled to, as last drawn.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// How many columns the terminal has now.
    pub fn width(&self) -> Result<u16, B::Error> {
        self.terminal.size().map(|size| size.width)
    }

    /// Brings the terminal up to date for `now`, drawing as little as it can: after keys
    /// that changed no more than the editor's text, the editor's changed cells; for a new
    /// second, the parts that show the time; else the whole screen. True when the whole
    /// screen was drawn.
    #[allow(clippy::needless_pass_by_value)] // a recording is for one frame: it is spent
    pub fn show(&mut self, recorded: Recorded<'_>, since: Since, now: Stamp) -> Result<bool, B::Error> {
        let app = recorded.app();
        let mut drawn = match since {
            Since::Nothing => true,
            Since::Keys(touched) => editor_only(touched) && self.draw_editor(app)?,
            Since::Anything => false,
        };
        if drawn && self.shown_at != Some(now) {
            drawn = self.draw_clock(app, now)?;
        }
        if !drawn {
            self.draw(app, now)?;
        }
        self.shown_at = Some(now);
        Ok(!drawn)
    }

    /// Draws the whole screen for `now`.
    fn draw(&mut self, app: &App, now: Stamp) -> Result<(), B::Error> {
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
            view::draw(&mut frame, app, &self.view, now);
        }
        let drawn = std::mem::take(self.terminal.current_buffer_mut());
        let before = std::mem::replace(&mut self.shown, drawn);
        self.terminal.backend_mut().draw(before.diff(&self.shown).into_iter())?;
        // Its cells serve the next frame.
        *self.terminal.current_buffer_mut() = before;
        self.terminal.backend_mut().flush()?;
        let (shown, rows) = look(app, &self.view, area);
        self.rows = rows.map_or(Vec::new(), |r| r.looks.into_iter().map(Some).collect());
        self.last = Some(shown);
        Ok(())
    }

    /// Draws only the parts of the screen that show the time, for `now`, when nothing
    /// else changed since the last frame (the caller knows of no key since; this checks
    /// that the app did not change on its own, as a save that failed, nor the terminal's
    /// size); false (and nothing drawn) when a whole frame is needed.
    fn draw_clock(&mut self, app: &App, now: Stamp) -> Result<bool, B::Error> {
        let area = self.shown.area;
        // (A resize whose signal is still on its way is drawn whole.)
        let resized = Rect::from((Position::ORIGIN, self.terminal.size()?)) != area;
        let same = !resized && self.last.as_ref().is_some_and(|last| *last == look(app, &self.view, area).0);
        let Some(parts) = view::timed_parts(app, area).filter(|_| same) else { return Ok(false) };
        for part in parts {
            let cells = part.1.intersection(area);
            if !cells.is_empty() {
                reuse(&mut self.row, cells);
                self.row.reset();
                view::draw_timed(&mut self.row, part, app, &self.view, now);
                self.put()?;
            }
        }
        self.terminal.backend_mut().flush()?;
        Ok(true)
    }

    /// Draws only the editor's text that changed, when that is all the app changed since
    /// the last frame; false (and nothing drawn) when a whole frame is needed. The
    /// terminal is taken to be the size of the last whole frame: the caller draws a
    /// whole frame after a resize.
    fn draw_editor(&mut self, app: &App) -> Result<bool, B::Error> {
        let Some(last) = &self.last else { return Ok(false) };
        // Where the editor was: it is there still if it wants the same height.
        let (shown, rows) = look_in(app, &self.view, last.editor);
        let Some(rows) = rows.filter(|_| *last == shown) else { return Ok(false) };
        let area = self.shown.area;
        self.rows.resize(rows.looks.len(), None);
        let mut drew = false;
        for (i, look) in rows.looks.into_iter().enumerate() {
            let row = Rect { y: rows.area.y + view::to_u16(i), height: 1, ..rows.area }.intersection(area);
            let changed = match &self.rows[i] {
                Some(before) if *before == look => continue,
                Some(before) => view::editor_row_changes(before, &look, row.width),
                None => 0..row.width,
            };
            // Only the cells that changed are drawn and compared with the terminal.
            let cells = Rect { x: row.x + changed.start, width: changed.end - changed.start, ..row };
            if !cells.is_empty() {
                reuse(&mut self.row, cells);
                view::draw_editor_row(&mut self.row, row, app, &look);
                self.put()?;
                drew = true;
            }
            self.rows[i] = Some(look);
        }
        if drew {
            self.terminal.backend_mut().flush()?;
        }
        Ok(true)
    }

    /// Writes to the terminal the cells of `row` (drawn anew: a part of one row, or whole
    /// rows) that differ from what it shows. Most of what is drawn anew is what the
    /// terminal shows: only the rows from the first to the last that differ are compared as
    /// ratatui compares frames (wide letters and all).
    fn put(&mut self) -> Result<(), B::Error> {
        let cells = self.row.area;
        debug_assert!(cells.height == 1 || cells.width == self.shown.area.width, "{cells:?} are not in one piece");
        let (from, len) = (self.shown.index_of(cells.x, cells.y), cells.area() as usize);
        let shown = &self.shown.content[from..from + len];
        let (mut first, mut last) = (None, 0);
        for (i, (drawn, was)) in self.row.content.iter().zip(shown).enumerate() {
            if drawn != was {
                first = first.or(Some(i));
                last = i;
            }
        }
        let Some(first) = first else { return Ok(()) };
        let width = usize::from(cells.width);
        let (top, bottom) = (first / width, last / width + 1);
        let rows = Rect { y: cells.y + view::to_u16(top), height: view::to_u16(bottom - top), ..cells };
        self.row.content.truncate(bottom * width);
        self.row.content.drain(..top * width);
        self.row.area = rows;
        let (from, len) = (from + top * width, rows.area() as usize);
        reuse(&mut self.row_shown, rows);
        self.row_shown.content.clone_from_slice(&self.shown.content[from..from + len]);
        self.terminal.backend_mut().draw(self.row_shown.diff(&self.row).into_iter())?;
        self.shown.content[from..from + len].clone_from_slice(&self.row.content);
        Ok(())
    }
}

/// Whether a change of this much could leave all but the editor's text as it was.
fn editor_only(touched: Touched) -> bool {
    matches!(touched, Touched::Nothing | Touched::Draft(_) | Touched::VedtakDraft(_))
}

/// What a screen of `area` shows that is not drawn by the clock, and the editor's rows.
fn look(app: &App, view: &ViewState, area: Rect) -> (Shown, Option<view::EditorRows>) {
    look_in(app, view, view::editor_area(app, area))
}

/// The same, with the editor (if one is open) in its box `editor`.
fn look_in(app: &App, view: &ViewState, editor: Option<Rect>) -> (Shown, Option<view::EditorRows>) {
    let rows = editor.and_then(|e| view::editor_rows(app, view, e));
    let shown = Shown {
        editor,
        wanted: rows.as_ref().map(|r| r.wanted),
        title: view::editor_title(app),
        saved: app.saved.clone(),
        message: app.message.clone(),
    };
    (shown, rows)
}

/// Makes `buf` a buffer of `area` (its cells to be drawn over), keeping its allocation.
fn reuse(buf: &mut Buffer, area: Rect) {
    buf.area = area;
    buf.content.resize(area.area() as usize, Cell::EMPTY);
}

#[cfg(test)]
mod tests {
    use crate::app::key::{Code, Key, Mods};
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::domain::agenda::Lang;
    use crate::domain::session::Session;
    use crate::i18n;
    use crate::store::agenda_file;
    use crate::theme;

    fn at(clock: &str) -> Stamp {
        Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
    }

    /// The whole frame, drawn from scratch, on a screen the size of `screen`'s.
    fn whole<B: Backend>(screen: &Screen<B>, app: &mut App, now: Stamp) -> Buffer {
        let mut t = Terminal::new(TestBackend::new(screen.shown.area.width, screen.shown.area.height)).unwrap();
        t.draw(|f| view::draw(f, app, &screen.view().clone(), now)).unwrap();
        t.backend().buffer().clone()
    }

    /// What the terminal shows after editor-only frames is exactly what a whole frame
    /// drawn from scratch shows, through typing, line wrapping, a new second and Esc.
    #[test]
    fn the_terminal_shows_what_a_whole_frame_would() {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let (theme, _) = theme::load(None, false);
        let mut app = App::new(Session::new(agenda), i18n::words(Lang::Nb), theme);
        let mut screen = Screen::new(Terminal::new(TestBackend::new(80, 24)).unwrap()).unwrap();
        app.key(Key::new(Code::Char('n'), Mods::NONE), at("10:00:00"));
        app.key(Key::new(Code::Char('i'), Mods::NONE), at("10:00:00"));
        screen.show(Recorded::unsaved(&app), Since::Anything, at("10:00:00")).unwrap();
        let mut editor_only = 0;
        let text = "Et innspill som er langt nok til å brytes over flere linjer i editoren, med æøå";
        for (n, c) in text.chars().enumerate() {
            let now = if n < 40 { at("10:00:00") } else { at("10:00:01") };
            app.key(Key::new(Code::Char(c), Mods::NONE), now);
            let dirty = app.take_touched();
            if !screen.show(Recorded::unsaved(&app), Since::Keys(dirty), now).unwrap() {
                editor_only += 1;
            }
            assert_eq!(screen.terminal.backend().buffer(), &whole(&screen, &mut app, now), "after {} keys", n + 1);
        }
        assert!(editor_only > 60, "most keys drew the editor alone: {editor_only}");
        app.key(Key::new(Code::Esc, Mods::NONE), at("10:00:02"));
        let since = Since::Keys(app.take_touched());
        assert!(screen.show(Recorded::unsaved(&app), since, at("10:00:02")).unwrap(), "the editor is closed");
        assert_eq!(screen.terminal.backend().buffer(), &whole(&screen, &mut app, at("10:00:02")));
    }

    /// With nothing else changed, a new second draws the parts that show the time alone,
    /// and the terminal shows what a whole frame would: the clock, the timer turning to a
    /// warning and an overrun, the saksliste's projections; an overlay (help) is drawn
    /// whole.
    #[test]
    fn a_new_second_draws_what_shows_the_time() {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let (theme, _) = theme::load(None, false);
        let mut app = App::new(Session::new(agenda), i18n::words(Lang::Nb), theme);
        let mut screen = Screen::new(Terminal::new(TestBackend::new(100, 30)).unwrap()).unwrap();
        app.key(Key::new(Code::Char('n'), Mods::NONE), at("10:00:00"));
        screen.show(Recorded::unsaved(&app), Since::Anything, at("10:00:00")).unwrap();
        for minutes in 1..40 {
            let now = at(&format!("10:{minutes:02}:07"));
            assert!(
                !screen.show(Recorded::unsaved(&app), Since::Nothing, now).unwrap(),
                "the clock alone at {minutes} minutes"
            );
            assert_eq!(screen.terminal.backend().buffer(), &whole(&screen, &mut app, now), "at {minutes} minutes");
            assert!(!screen.show(Recorded::unsaved(&app), Since::Nothing, now).unwrap());
        }
        app.key(Key::new(Code::Char('?'), Mods::NONE), at("10:40:00"));
        let since = Since::Keys(app.take_touched());
        screen.show(Recorded::unsaved(&app), since, at("10:40:00")).unwrap();
        assert!(
            screen.show(Recorded::unsaved(&app), Since::Nothing, at("10:40:01")).unwrap(),
            "help is open: the whole screen"
        );
        assert_eq!(screen.terminal.backend().buffer(), &whole(&screen, &mut app, at("10:40:01")));
    }

    /// The cells a terminal shows: those covered by a wide letter to their left are hidden,
    /// whatever a buffer holds for them.
    fn visible(buf: &Buffer) -> Vec<Option<Cell>> {
        use ratatui::buffer::CellWidth;
        let width = usize::from(buf.area.width);
        let mut cells = Vec::with_capacity(buf.content.len());
        for row in buf.content.chunks(width) {
            let mut hidden = 0;
            for cell in row {
                cells.push((hidden == 0).then(|| cell.clone()));
                hidden =
                    if hidden > 0 { hidden - 1 } else { usize::from(cell.symbol().cell_width()).saturating_sub(1) };
            }
        }
        cells
    }

    /// The keys a minute-taker types into a note: letters, spaces, Norwegian and wide
    /// letters, a combining accent, corrections, moves by grapheme, row and line, new
    /// lines, and selection.
    fn editing_keys() -> Vec<Key> {
        let plain = |c| Key::new(c, Mods::NONE);
        "aaaa bbb cc d  æøå 漢 é\u{301}"
            .chars()
            .map(|c| plain(Code::Char(c)))
            .chain(
                [Code::Backspace, Code::Delete, Code::Left, Code::Right, Code::Up, Code::Down, Code::Home, Code::End]
                    .map(plain),
            )
            .chain([
                Key::new(Code::Enter, Mods::ALT),
                Key::new(Code::Left, Mods::SHIFT),
                Key::new(Code::Up, Mods::SHIFT),
                Key::new(Code::Char('z'), Mods::CONTROL),
            ])
            .collect()
    }

    /// Starts the seed meeting, opens a note and types the keys `picks` chooses from
    /// `editing_keys` into it (or lets time pass), drawing on `screen` as the live loop
    /// does; `check` looks at the screen after each key.
    fn type_into_a_note<B: Backend>(
        screen: &mut Screen<B>,
        picks: &[usize],
        mut check: impl FnMut(&mut Screen<B>, &mut App, Stamp, usize) -> Result<(), proptest::test_runner::TestCaseError>,
    ) -> Result<(), proptest::test_runner::TestCaseError>
    where
        B::Error: std::fmt::Debug,
    {
        let keys = editing_keys();
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let (theme, _) = theme::load(None, false);
        let mut app = App::new(Session::new(agenda), i18n::words(Lang::Nb), theme);
        let start = at("10:00:00");
        app.update(crate::app::Input::Width(screen.width().unwrap()), start);
        app.key(Key::new(Code::Char('n'), Mods::NONE), start);
        app.key(Key::new(Code::Char('i'), Mods::NONE), start);
        screen.show(Recorded::unsaved(&app), Since::Anything, start).unwrap();
        let mut now = start;
        for (n, pick) in picks.iter().enumerate() {
            // Now and then time passes with no key: 13 seconds, so that the sak's
            // timebox runs out in a long run.
            let since = if let Some(&key) = keys.get(pick % (keys.len() + 1)) {
                app.key(key, now);
                Since::Keys(app.take_touched())
            } else {
                now = now.plus_seconds(13);
                Since::Nothing
            };
            if n % 40 == 39 {
                now = now.plus_seconds(1);
            }
            screen.show(Recorded::unsaved(&app), since, now).unwrap();
            check(screen, &mut app, now, n)?;
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Whatever is typed, deleted, moved over or selected in the editor, the terminal
        /// after editor-only frames shows what a whole frame shows, on a wide and a narrow
        /// screen, with the clock turning now and then.
        #[test]
        fn editor_only_frames_show_what_a_whole_frame_would(
            picks in proptest::collection::vec(0usize..1000, 1..300),
            narrow in proptest::bool::ANY,
        ) {
            let (width, height) = if narrow { (24, 20) } else { (80, 24) };
            let mut screen = Screen::new(Terminal::new(TestBackend::new(width, height)).unwrap()).unwrap();
            type_into_a_note(&mut screen, &picks, |screen, app, now, n| {
                let mut fresh = Terminal::new(TestBackend::new(width, height)).unwrap();
                fresh.draw(|f| view::draw(f, app, &screen.view().clone(), now)).unwrap();
                proptest::prop_assert_eq!(
                    visible(screen.terminal.backend().buffer()),
                    visible(fresh.backend().buffer()),
                    "after {} keys",
                    n + 1
                );
                Ok(())
            })?;
        }
    }

    /// A terminal as the live meeting has it: crossterm's escape sequences, here collected
    /// to be read by a terminal emulator.
    struct Emulated {
        out: ratatui::backend::CrosstermBackend<Written>,
        written: Written,
        size: ratatui::layout::Size,
    }

    /// The bytes written to the terminal, shared with the test.
    #[derive(Clone, Default)]
    struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Written {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Backend for Emulated {
        type Error = std::io::Error;
        fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> std::io::Result<()> {
            self.out.draw(content)
        }
        fn hide_cursor(&mut self) -> std::io::Result<()> {
            self.out.hide_cursor()
        }
        fn show_cursor(&mut self) -> std::io::Result<()> {
            self.out.show_cursor()
        }
        fn get_cursor_position(&mut self) -> std::io::Result<Position> {
            Ok(Position::ORIGIN)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
            self.out.set_cursor_position(position)
        }
        fn clear(&mut self) -> std::io::Result<()> {
            self.out.clear()
        }
        fn clear_region(&mut self, clear_type: ratatui::backend::ClearType) -> std::io::Result<()> {
            self.out.clear_region(clear_type)
        }
        fn size(&self) -> std::io::Result<ratatui::layout::Size> {
            Ok(self.size)
        }
        fn window_size(&mut self) -> std::io::Result<ratatui::backend::WindowSize> {
            Ok(ratatui::backend::WindowSize { columns_rows: self.size, pixels: ratatui::layout::Size::default() })
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.out.flush()
        }
    }

    fn emulated(width: u16, height: u16) -> Screen<Emulated> {
        let written = Written::default();
        let backend = Emulated {
            out: ratatui::backend::CrosstermBackend::new(written.clone()),
            written,
            size: ratatui::layout::Size { width, height },
        };
        Screen::new(Terminal::new(backend).unwrap()).unwrap()
    }

    /// What a terminal emulator shows after the bytes written so far: each cell's letter
    /// (a blank as a space), colours and attributes.
    fn emulator_screen(parser: &mut vt100::Parser, screen: &mut Screen<Emulated>) -> Vec<String> {
        parser.process(&std::mem::take(&mut *screen.terminal.backend().written.0.borrow_mut()));
        let (rows, cols) = parser.screen().size();
        let mut cells = Vec::new();
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                let cell = parser.screen().cell(r, c).unwrap();
                let letter = if cell.contents().is_empty() { " " } else { cell.contents() };
                cells.push(format!(
                    "{r},{c} {letter:?} {:?} {:?} {}{}{}{}{}",
                    cell.fgcolor(),
                    cell.bgcolor(),
                    cell.bold(),
                    cell.italic(),
                    cell.underline(),
                    cell.inverse(),
                    cell.is_wide_continuation()
                ));
            }
        }
        cells
    }

    fn parser(width: u16, height: u16) -> vt100::Parser {
        let size = |n| std::num::NonZeroU16::new(n).unwrap();
        vt100::Parser::new(size(height), size(width), 0)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

        /// The escape sequences of editor-only frames, read by a terminal emulator, leave
        /// exactly the screen that the sequences of one whole frame leave on a fresh one:
        /// wide letters, accents and selection included.
        #[test]
        fn a_terminal_emulator_shows_what_a_whole_frame_would(
            picks in proptest::collection::vec(0usize..1000, 1..200),
            narrow in proptest::bool::ANY,
        ) {
            let (width, height) = if narrow { (24, 20) } else { (80, 24) };
            let mut live = emulated(width, height);
            let mut terminal = parser(width, height);
            type_into_a_note(&mut live, &picks, |live, app, now, n| {
                let mut fresh = emulated(width, height);
                fresh.view = live.view.clone();
                fresh.draw(app, now).unwrap();
                let expected = emulator_screen(&mut parser(width, height), &mut fresh);
                let shown = emulator_screen(&mut terminal, live);
                let wrong: Vec<_> = shown.iter().zip(&expected).filter(|(a, b)| a != b).take(4).collect();
                proptest::prop_assert!(wrong.is_empty(), "after {} keys: {wrong:#?}\n{}", n + 1, terminal.screen().contents());
                Ok(())
            })?;
        }
    }
}
