//! The live meeting in the terminal: set-up and restore, and the one event loop.

pub mod follow;
pub mod input;
pub mod keys;
pub mod screen;
pub mod terminal;
pub mod view;

use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::Duration;

use std::collections::VecDeque;

use crossterm::event::{Event, KeyEventKind};
use tokio::signal::unix::{SignalKind, signal};

use crate::app::{self, App};
use crate::domain::command::Touched;
use crate::domain::time::Stamp;
use crate::store::agenda_file::ReadError;
use crate::store::autosave::{Autosave, SaveState};

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
    /// The session file did not read past its first look: nothing was written.
    Unreadable(ReadError),
}

/// The message of the panic in progress, kept by the panic hook for `run`.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

/// An app whose every change its autosave has recorded: what a frame is drawn from. The
/// live loop can only draw what is on disk (or what saving says it could not put there).
pub struct Recorded<'a> {
    app: &'a App,
}

impl<'a> Recorded<'a> {
    /// Hands what the app's commands touched to `autosave`, and says how that went.
    pub fn record(app: &'a mut App, autosave: &mut Autosave) -> Recorded<'a> {
        let changes = app.take_changes();
        app.saved = autosave.record(&app.session, changes).clone();
        Recorded { app }
    }

    /// An app drawn with nothing saved: a test's or a benchmark's screen.
    pub fn unsaved(app: &'a App) -> Recorded<'a> {
        Recorded { app }
    }

    /// The app to draw: only to look at.
    pub fn app(&self) -> &App {
        self.app
    }
}

/// Runs the live meeting until the user quits or the terminal goes away; every change is
/// recorded by `autosave`, and on the way out the session is written whole.
pub fn run(app: &mut App, autosave: &mut Autosave, web: Option<&crate::web::Served>) -> io::Result<Ended> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let mut screen = terminal::enter()?;
    let previous_hook = panic::take_hook();
    let live = std::thread::current().id();
    panic::set_hook(Box::new(move |info| {
        // A panic elsewhere (the web pages' thread) is logged, and the meeting goes on.
        if std::thread::current().id() != live {
            let at = info.location().map(|l| format!(" at {l}")).unwrap_or_default();
            tracing::error!("panic on thread {:?}{at}: {info}", std::thread::current().name());
            return;
        }
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
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        runtime.block_on(event_loop(&mut screen, &mut *app, &mut *autosave, web))
    }));
    panic::set_hook(previous_hook);
    terminal::leave();
    match result {
        Ok(Ok(Some(unreadable))) => {
            autosave.abandon();
            Ok(Ended::Unreadable(unreadable))
        }
        Ok(result) => {
            // Whatever ended the loop, what is in memory goes to disk, as one file.
            app.saved = autosave.close(&app.session).clone();
            result.map(|_| Ended::Normally)
        }
        Err(_) => {
            // The disk holds the state after the last change that completed; the change
            // that panicked may be half done and is not saved over it. Only when saving
            // had been failing is memory the better copy.
            if matches!(autosave.state(), SaveState::Failed(_)) {
                app.saved = autosave.save(&app.session).clone();
            }
            let message = PANIC.lock().ok().and_then(|mut m| m.take()).unwrap_or_default();
            Ok(Ended::Panicked(message))
        }
    }
}

/// The live loop. The key path: the terminal's bytes are read as events (`input`); each
/// goes to `App::update`, which turns keys into commands on the session; `Recorded::record`
/// hands what they touched to the autosave (a journal line, or the file written whole)
/// before `Screen::show` draws the frame from the recorded app. Every second the clock
/// is drawn and the autosave ticks (journal to the device, fold when idle, retry).
async fn event_loop(
    screen: &mut terminal::Live,
    app: &mut App,
    autosave: &mut Autosave,
    web: Option<&crate::web::Served>,
) -> io::Result<Option<ReadError>> {
    let mut input = input::Input::open()?;
    let mut events = VecDeque::new();
    let mut window = signal(SignalKind::window_change())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut redraw = true;
    let mut resized = false;
    let mut last_input = std::time::Instant::now();
    app.update(app::Input::Width(screen.width()?), now());
    loop {
        // Saved before it is drawn: what the screen shows is on disk.
        let touched = app.peek_touched();
        let since = if resized {
            screen::Since::Anything
        } else if redraw || touched != Touched::Nothing {
            screen::Since::Keys(touched)
        } else {
            screen::Since::Nothing
        };
        // What changed since the last frame, said as a sentence (the plain screen shows it).
        if app.plain {
            app.observe(now());
        }
        // After the first whole frame, the notes a first look left out are put in.
        if screen.show(Recorded::record(app, autosave), since, now())?
            && let Err(e) = autosave.finish_reading(&mut app.session)
        {
            return Ok(Some(e));
        }
        (redraw, resized) = (false, false);
        // The web pages get what was drawn (never waited on); a key typed into a text
        // changes nothing they show.
        if let Some(web) = web
            && !matches!(touched, Touched::Draft(_) | Touched::VedtakDraft(_))
        {
            web.publish(crate::app::chair::Views::of(&app.session, &app.schedule, now(), app.words));
        }
        // Events already read are handled one at a time, each saved and drawn.
        if let Some(event) = events.pop_front() {
            let effects = match event {
                Event::Key(event) if event.kind != KeyEventKind::Release => {
                    test_panic(event);
                    let Some(key) = keys::from_crossterm(event) else { continue };
                    app.update(app::Input::Key(key), now())
                }
                Event::Paste(text) => app.update(app::Input::Paste(text), now()),
                _ => continue,
            };
            last_input = std::time::Instant::now();
            redraw = true;
            if let Some(target) = effects.save_elsewhere {
                // What this key changed goes where the session is now, before it moves
                // (the new place is written whole and must not get it again).
                Recorded::record(app, autosave);
                app.moved(autosave.move_to(&app.session, &target));
                app.elsewhere = autosave.suggestion();
            }
            if effects.quit {
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
                app.update(app::Input::Width(screen.width()?), now());
                redraw = true;
                resized = true;
            }
            // A burst of typing ends when the keyboard has been quiet a moment.
            () = tokio::time::sleep(app::typing::QUIET_AFTER.saturating_sub(last_input.elapsed())), if app.is_typing() => {
                app.update(app::Input::Quiet, now());
            }
            () = tokio::time::sleep(next_second) => {
                app.saved = autosave.tick(&app.session, last_input.elapsed()).clone();
            }
            _ = hangup.recv() => {
                tracing::warn!("hang-up (SIGHUP); saving and leaving");
                break;
            }
            _ = terminate.recv() => {
                tracing::warn!("SIGTERM; saving and leaving");
                break;
            }
        }
    }
    Ok(None)
}

/// In a debug build with `REFERENT_TEST_PANIC` set, F12 panics: how the end-to-end tests
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
mod agenda_tests;

#[cfg(test)]
mod capture_tests;

#[cfg(test)]
mod typing_tests;

#[cfg(test)]
mod attendance_tests;

#[cfg(test)]
mod plain_tests;
