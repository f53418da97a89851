//! `referent FILE`: the live meeting, from opening its session to what is said when it
//! ends (where the session is, whether everything is saved, a crash).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::run::Outcome;
use super::settings::{Loaded, Settings};
use crate::app::App;
use crate::i18n::Words;
use crate::store::autosave::{Autosave, SaveState};
use crate::{store, tui};

/// Opens the agenda or session in `file` and runs the meeting live, with `settings` (the
/// language the agenda's unless a flag or the config file says otherwise).
pub fn run(
    file: &Path,
    session: Option<PathBuf>,
    loaded: &Loaded,
    settings: Settings,
    words: &'static Words,
) -> Outcome {
    // A meeting that cannot be shown touches no file: what is wrong with the file is
    // said first, then that a terminal is needed.
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        if super::open::look(file, session.clone(), words, &mut std::io::stderr().lock()) {
            let _ = writeln!(std::io::stderr(), "referent: {}: {}", words.error, words.needs_terminal);
        }
        return Outcome::Reported;
    }
    // The web pages' address is taken first: one that cannot be had opens nothing.
    let bound = match settings.serve.value.as_deref().map(|at| crate::web::bind(at, words)) {
        Some(Err(problem)) => {
            let _ = writeln!(std::io::stderr(), "referent: {}: {problem}", words.error);
            return Outcome::Reported;
        }
        Some(Ok(bound)) => Some(bound),
        None => None,
    };
    let Some(opened) = super::open::open(file, session, words, &mut std::io::stderr().lock()) else {
        return Outcome::Reported;
    };
    let super::open::Opened { session, path, lock, journal, notice, later } = opened;
    let settings = settings.with_agenda(session.agenda.language);
    let words = crate::i18n::words(settings.language.value);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (theme, problem) = crate::theme::load(settings.theme.value.as_deref(), no_color);
    let log = store::log::init();
    tracing::info!("referent {} (process {}) opens {}", env!("CARGO_PKG_VERSION"), std::process::id(), path.display());
    let mut autosave = Autosave::new(path.clone(), Some(lock), Some(journal), later);
    let (keymap, keys_problem) = super::keys_file::load(super::keys_file::path().as_deref(), words);
    let mut app = App::new(session, words, theme);
    app.keymap = keymap;
    app.plain = settings.plain.value;
    // Cut off in the middle of a note: the editor is where it was.
    app.take_up_draft();
    app.elsewhere = autosave.suggestion();
    app.message =
        loaded.problem_line(words).or(keys_problem).or_else(|| problem.map(|p| (words.theme_problem)(&p))).or(notice);
    let served = bound.and_then(|bound| match bound.serve(words, settings.language.value) {
        Ok(served) => Some(served),
        Err(problem) => {
            // (The meeting goes on without its pages.)
            app.message = Some(problem);
            None
        }
    });
    if let Some(served) = &served {
        app.web = vec![
            (words.chair.serving)(words.chair.chair_page, served.url()),
            (words.chair.serving)(words.chair.room_page, served.room_url()),
        ];
        app.web_code = served.code();
        let _ = writeln!(std::io::stderr(), "referent: {}", app.web.join("\nreferent: "));
        app.message = app.message.take().or_else(|| Some(app.web[0].clone()));
    }
    let result = tui::run(&mut app, &mut autosave, served.as_ref());
    // Saving elsewhere may have moved the session.
    let shown = autosave.path().display().to_string();
    match result {
        Err(e) => {
            // Whatever was opened is written whole and its journal goes; the run failed.
            autosave.close(&app.session);
            let _ = writeln!(std::io::stderr(), "referent: {}", (words.cannot_start)(&e.to_string()));
            // (Not saved as it ended: the result is not where it belongs.)
            return if rescue_if_unsaved(&app, &autosave, words) { Outcome::NotWritten } else { Outcome::Reported };
        }
        Ok(tui::Ended::Unreadable(e)) => {
            // The session file does not read past its first look: as if it had been read
            // whole first. Nothing was written, and the new journal is gone.
            let name = path.display().to_string();
            let text = store::agenda_file::read_text(&path).unwrap_or_default();
            let _ = super::check::diagnostic(
                &mut std::io::stderr(),
                &name,
                &text,
                e.at,
                words.error,
                &(words.read_problem)(&e.what),
            );
            return Outcome::Reported;
        }
        Ok(tui::Ended::Panicked(message)) => {
            let log = log.map(|l| l.display().to_string());
            let _ = writeln!(std::io::stderr(), "referent: {}", (words.crashed)(&message, log.as_deref()));
            if !rescue_if_unsaved(&app, &autosave, words) {
                let _ = writeln!(std::io::stdout(), "{}", (words.session_at)(&shown));
            }
            return Outcome::Crashed;
        }
        Ok(tui::Ended::Normally) => tracing::info!("{shown}: closed"),
    }
    // The terminal may be gone (a hang-up): nothing here may fail on that. Nothing says
    // saved unless it is.
    match autosave.state() {
        SaveState::Saved => {
            let _ = writeln!(std::io::stdout(), "{}", (words.session_at)(&shown));
            Outcome::Done
        }
        SaveState::Failed(reason) => {
            let reason = words.failure(reason);
            let _ = writeln!(std::io::stderr(), "{shown}: {}: {}", words.error, (words.not_saved)(&reason));
            rescue_if_unsaved(&app, &autosave, words);
            Outcome::NotWritten
        }
    }
}

/// When the last changes are not on disk, everything in memory goes to an emergency copy
/// in the state folder, and where is said. True when saving had failed.
fn rescue_if_unsaved(app: &App, autosave: &Autosave, words: &Words) -> bool {
    if matches!(autosave.state(), SaveState::Saved) {
        return false;
    }
    match store::rescue::rescue(&app.session, autosave.path(), tui::now()) {
        Ok(copy) => {
            tracing::warn!("{}: not saved; emergency copy at {}", autosave.path().display(), copy.display());
            let _ = writeln!(std::io::stderr(), "referent: {}", (words.rescued_at)(&copy.display().to_string()));
        }
        Err(e) => {
            tracing::error!("{}: not saved, and no emergency copy: {e}", autosave.path().display());
            let _ = writeln!(std::io::stderr(), "referent: {}", (words.not_rescued)(&e.to_string()));
        }
    }
    true
}
