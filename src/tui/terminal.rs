//! The terminal itself: raw mode, the alternate screen and bracketed paste on the way in;
//! all of it undone on the way out and on a panic, quietly, since by then the terminal
//! may be gone (a hang-up) and nothing may fail on that.

use std::io::{self, Stdout};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::screen::Screen;

pub type Live = Screen<CrosstermBackend<Stdout>>;

/// Takes over the terminal.
pub fn enter() -> io::Result<Live> {
    let taken = (|| {
        enable_raw_mode()?;
        crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        Screen::new(Terminal::new(CrosstermBackend::new(io::stdout()))?)
    })();
    if taken.is_err() {
        leave();
    }
    taken
}

/// Gives the terminal back as it was; errors are ignored.
pub fn leave() {
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}
