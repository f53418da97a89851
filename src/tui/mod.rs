//! The live meeting in the terminal: set-up and restore, and the one event loop.

pub mod app;
pub mod editor;
pub mod forms;
pub mod keymap;
pub mod picker;
pub mod roster;
pub mod theme;
pub mod view;

use std::io;
use std::time::Duration;

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event, EventStream, KeyEventKind};
use futures_util::StreamExt;
use tokio::signal::unix::{SignalKind, signal};

use crate::domain::time::Stamp;
use crate::store::session_file;
use app::{App, SaveState};

/// The wall clock, local time. The only place the live meeting reads it.
pub fn now() -> Stamp {
    Stamp::new(chrono::Local::now().naive_local())
}

/// Runs the live meeting until the user quits or the terminal goes away.
pub fn run(app: &mut App) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(io::stdout(), EnableBracketedPaste);
    let result = runtime.block_on(event_loop(&mut terminal, app));
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    // Whatever ended the loop, what is in memory goes to disk.
    save(app);
    result
}

async fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut events = EventStream::new();
    let mut hangup = signal(SignalKind::hangup())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut redraw = true;
    let mut shown_second = None;
    loop {
        if app.take_changed() || matches!(app.saved, SaveState::Failed(_)) {
            save(app);
        }
        let now = now();
        if redraw || shown_second != Some(now) {
            terminal.draw(|frame| view::draw(frame, app, now))?;
            shown_second = Some(now);
            redraw = false;
        }
        let next_second =
            Duration::from_millis(1000 - u64::from(chrono::Local::now().timestamp_subsec_millis()).min(999));
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) if key.kind != KeyEventKind::Release => {
                    app.key(key, crate::tui::now());
                    redraw = true;
                }
                Some(Ok(Event::Paste(text))) => {
                    app.paste(&text);
                    redraw = true;
                }
                Some(Ok(Event::Resize(..))) => redraw = true,
                Some(Ok(_)) => {}
                // The terminal is gone (EOF or EIO): never spin on it.
                Some(Err(_)) | None => break,
            },
            () = tokio::time::sleep(next_second) => {}
            _ = hangup.recv() => break,
            _ = terminate.recv() => break,
        }
        if app.quit {
            break;
        }
    }
    Ok(())
}

/// Saves the session; a failure is shown and retried, never fatal.
fn save(app: &mut App) {
    app.saved = match session_file::save(&app.path, &app.session) {
        Ok(()) => SaveState::Saved,
        Err(e) => SaveState::Failed(e.to_string()),
    };
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod capture_tests;
