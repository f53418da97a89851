//! The live meeting in the terminal: set-up and restore, and the one event loop.

pub mod app;
pub mod editor;
pub mod forms;
pub mod history;
pub mod input;
pub mod keymap;
pub mod picker;
pub mod roster;
pub mod saving;
pub mod screen;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::Duration;

use std::collections::VecDeque;

use crossterm::event::{Event, KeyEventKind};
use tokio::signal::unix::{SignalKind, signal};

use crate::domain::command::Touched;
use crate::domain::time::Stamp;
use app::{App, SaveState};

/// The wall clock, local time. The only place the live meeting reads it.
pub fn now() -> Stamp {
    Stamp::new(chrono::Local::now().naive_local())
}

/// How the live meeting ended.
#[derive(Debug)]
pub enum Ended {
    /// The user quit, or the terminal went away (hang-up, SIGTERM, end of input).
    Normally,
    /// A bug: the panic's message. The terminal was restored and the backtrace logged.
    Panicked(String),
}

/// The message of the panic in progress, kept by the panic hook for `run`.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs the live meeting until the user quits or the terminal goes away.
pub fn run(app: &mut App) -> io::Result<Ended> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let mut screen = terminal::enter()?;
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        terminal::leave();
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => info.payload().downcast_ref::<String>().cloned().unwrap_or_default(),
        };
        let at = info.location().map(|l| format!(" at {l}")).unwrap_or_default();
        tracing::error!("panic: {message}{at}\n{}", std::backtrace::Backtrace::force_capture());
        if let Ok(mut slot) = PANIC.lock() {
            *slot = Some(format!("{message}{at}"));
        }
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(|| runtime.block_on(event_loop(&mut screen, app))));
    panic::set_hook(previous_hook);
    terminal::leave();
    match result {
        Ok(result) => {
            // Whatever ended the loop, what is in memory goes to disk, as one file.
            app.close();
            result.map(|()| Ended::Normally)
        }
        Err(_) => {
            // The disk holds the state after the last change that completed; the change
            // that panicked may be half done and is not saved over it. Only when saving
            // had been failing is memory the better copy.
            if matches!(app.saved, SaveState::Failed(_)) {
                app.save();
            }
            let message = PANIC.lock().ok().and_then(|mut m| m.take()).unwrap_or_default();
            Ok(Ended::Panicked(message))
        }
    }
}

async fn event_loop(screen: &mut terminal::Live, app: &mut App) -> io::Result<()> {
    let mut input = input::Input::open()?;
    let mut events = VecDeque::new();
    let mut window = signal(SignalKind::window_change())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut redraw = true;
    let mut resized = false;
    let mut last_input = std::time::Instant::now();
    loop {
        // Saved before it is drawn: what the screen shows is on disk.
        let touched = app.take_touched();
        app.save_touched(touched);
        let since = if resized {
            screen::Since::Anything
        } else if redraw || touched != Touched::Nothing {
            screen::Since::Keys(touched)
        } else {
            screen::Since::Nothing
        };
        if screen.show(app, since, now())? {
            if !app.finish_reading() {
                break;
            }
            app.remember_written();
        }
        (redraw, resized) = (false, false);
        // Events already read are handled one at a time, each saved and drawn.
        if let Some(event) = events.pop_front() {
            match event {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    test_panic(key);
                    app.key(key, crate::tui::now());
                    last_input = std::time::Instant::now();
                    redraw = true;
                }
                Event::Paste(text) => {
                    app.paste(&text, crate::tui::now());
                    last_input = std::time::Instant::now();
                    redraw = true;
                }
                _ => {}
            }
            if app.quit {
                break;
            }
            continue;
        }
        let next_second =
            Duration::from_millis(1000 - u64::from(chrono::Local::now().timestamp_subsec_millis()).min(999));
        tokio::select! {
            read = input.next(&mut events) => if let Err(e) = read {
                // The terminal is gone (end of input, EIO): never read it again.
                tracing::warn!("the terminal is gone ({e}); saving and leaving");
                break;
            },
            _ = window.recv() => {
                redraw = true;
                resized = true;
            }
            () = tokio::time::sleep(next_second) => app.tick(last_input.elapsed()),
            _ = hangup.recv() => {
                tracing::warn!("hang-up (SIGHUP); saving and leaving");
                break;
            }
            _ = terminate.recv() => {
                tracing::warn!("SIGTERM; saving and leaving");
                break;
            }
        }
        if app.quit {
            break;
        }
    }
    Ok(())
}

/// In a debug build with REFERENT_TEST_PANIC set, F12 panics: how the end-to-end tests
/// prove what a bug does to the terminal, the session and the log.
fn test_panic(key: crossterm::event::KeyEvent) {
    if cfg!(debug_assertions)
        && key.code == crossterm::event::KeyCode::F(12)
        && std::env::var_os("REFERENT_TEST_PANIC").is_some()
    {
        panic!("a test panic (REFERENT_TEST_PANIC)");
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod capture_tests;
