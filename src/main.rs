//! The `referent` command: dispatches to the live meeting, `check`, `export` and `demo`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use referent::app::App;
use referent::cli::{self, Cli, Command};
use referent::i18n::{self, Words};
use referent::store::autosave::{Autosave, SaveState};
use referent::{referat, store, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = i18n::ui_lang(cli.lang.map(Into::into), |k| std::env::var(k).ok());
    let words = i18n::words(lang);
    match (cli.command, cli.file) {
        (Some(Command::Check { files }), _) => {
            match cli::check::run(&files, words, &mut std::io::stdout().lock(), &mut std::io::stderr().lock()) {
                Ok(true) => ExitCode::SUCCESS,
                _ => ExitCode::FAILURE,
            }
        }
        (Some(Command::Export { file, format, out, innkalling, attribution, times }), _) => {
            use referat::document::{Attribution, Options, Times};
            let options = Options {
                attribution: match attribution {
                    cli::AttributionArg::None => Attribution::None,
                    cli::AttributionArg::Org => Attribution::Org,
                    cli::AttributionArg::Name => Attribution::Name,
                },
                times: match times {
                    cli::TimesArg::Planned => Times::Planned,
                    cli::TimesArg::Actual => Times::Actual,
                    cli::TimesArg::Both => Times::Both,
                },
            };
            let request = cli::export::Request {
                file: &file,
                format: format.as_deref(),
                out: out.as_deref(),
                innkalling,
                options,
                lang: cli.lang.map(Into::into),
            };
            match cli::export::run(&request, words, &mut std::io::stdout().lock(), &mut std::io::stderr().lock()) {
                Ok(true) => ExitCode::SUCCESS,
                _ => ExitCode::FAILURE,
            }
        }
        (Some(Command::Demo { out, saker, notes }), _) => {
            let mut err = std::io::stderr().lock();
            if out.exists() {
                let _ = writeln!(err, "{}: {}: {}", out.display(), words.error, words.will_not_overwrite);
                return ExitCode::FAILURE;
            }
            let Some(session) = cli::demo::session(saker, notes) else { return ExitCode::FAILURE };
            match store::session_file::save(&out, &session) {
                Ok(()) => {
                    let _ = writeln!(std::io::stdout(), "{}", (words.exported)(&out.display().to_string()));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    let _ =
                        writeln!(err, "{}: {}: {}", out.display(), words.error, (words.cannot_write)(&e.to_string()));
                    ExitCode::FAILURE
                }
            }
        }
        (None, Some(file)) => live(&file, cli.session, cli.theme.as_deref(), words),
        (None, None) => {
            let _ = Cli::command().print_help();
            ExitCode::from(2)
        }
    }
}

/// Opens the agenda or session in `file` and runs the meeting live.
fn live(
    file: &std::path::Path,
    session: Option<std::path::PathBuf>,
    theme: Option<&str>,
    words: &'static Words,
) -> ExitCode {
    let Some(opened) = cli::open::open(file, session, words, &mut std::io::stderr().lock()) else {
        return ExitCode::FAILURE;
    };
    // A meeting that cannot be shown leaves the files as they were.
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        opened.give_up();
        let _ = writeln!(std::io::stderr(), "referent: {}: {}", words.error, words.needs_terminal);
        return ExitCode::FAILURE;
    }
    let cli::open::Opened { session, path, lock, journal, notice, later, .. } = opened;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (theme, problem) = referent::theme::load(theme, no_color);
    let log = store::log::init();
    tracing::info!("referent {} (process {}) opens {}", env!("CARGO_PKG_VERSION"), std::process::id(), path.display());
    let mut autosave = Autosave::new(path.clone(), Some(lock), Some(journal), later);
    let mut app = App::new(session, words, theme);
    app.elsewhere = autosave.suggestion();
    app.message = problem.map(|p| (words.theme_problem)(&p)).or(notice);
    let result = tui::run(&mut app, &mut autosave);
    // Saving elsewhere may have moved the session.
    let shown = autosave.path().display().to_string();
    match result {
        Err(e) => {
            // Whatever was opened is written whole and its journal goes; the run failed.
            autosave.close(&app.session);
            let _ = writeln!(std::io::stderr(), "referent: {}", (words.cannot_start)(&e.to_string()));
            return ExitCode::FAILURE;
        }
        Ok(tui::Ended::Unreadable(e)) => {
            // The session file does not read past its first look: as if it had been read
            // whole first. Nothing was written, and the new journal is gone.
            let name = path.display().to_string();
            let text = store::agenda_file::read_text(&path).unwrap_or_default();
            let _ = cli::check::diagnostic(
                &mut std::io::stderr(),
                &name,
                &text,
                e.at,
                words.error,
                &(words.read_problem)(&e.what),
            );
            return ExitCode::FAILURE;
        }
        Ok(tui::Ended::Panicked(message)) => {
            let log = log.map(|l| l.display().to_string());
            let _ = writeln!(std::io::stderr(), "referent: {}", (words.crashed)(&message, log.as_deref()));
            let _ = writeln!(std::io::stdout(), "{}", (words.session_at)(&shown));
            return ExitCode::from(101);
        }
        Ok(tui::Ended::Normally) => tracing::info!("{shown}: closed"),
    }
    // The terminal may be gone (a hang-up): nothing here may fail on that.
    let _ = writeln!(std::io::stdout(), "{}", (words.session_at)(&shown));
    match autosave.state() {
        SaveState::Saved => ExitCode::SUCCESS,
        SaveState::Failed(reason) => {
            let reason = words.failure(reason);
            let _ = writeln!(std::io::stderr(), "{shown}: {}: {}", words.error, (words.not_saved)(&reason));
            ExitCode::FAILURE
        }
    }
}
