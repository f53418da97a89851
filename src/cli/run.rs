//! `referent ...`: from the parsed command line to an exit code. Every command ends in
//! one `Outcome`, and `exit` is the one place that turns it into a code and a message.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::settings::{self, Loaded, Settings};
use super::{Cli, Command};
use crate::i18n::{self, Words};
use crate::referat::document::Options;
use crate::store;

/// How a command ended. Each way has one exit code (`code`), listed in the README.
#[derive(Debug)]
pub enum Outcome {
    /// Exit 0.
    Done,
    /// Refused, nothing written: what stood in the way (the input, the session held by
    /// another referent, no terminal, an export that would replace a changed file) was
    /// said on standard error, where it was found. Exit 1.
    Reported,
    /// The command line was wrong (clap says how), or no file and no command: the usage
    /// was printed. Exit 2.
    Usage,
    /// The result could not be written, and the reason was said: the export's file, the
    /// demo session, or the live meeting's last changes (not saved; an emergency copy). Exit 3.
    NotWritten,
    /// Writing the command's output failed (standard output closed or full): exit 3,
    /// with the reason.
    Unwritten(std::io::Error),
    /// A bug, already said (the session's path, the log): exit 101.
    Crashed,
}

impl Outcome {
    /// The exit code of this outcome.
    pub fn code(&self) -> u8 {
        match self {
            Outcome::Done => 0,
            Outcome::Reported => 1,
            Outcome::Usage => 2,
            Outcome::NotWritten | Outcome::Unwritten(_) => 3,
            Outcome::Crashed => 101,
        }
    }
}

impl From<std::io::Result<Outcome>> for Outcome {
    fn from(result: std::io::Result<Outcome>) -> Outcome {
        result.unwrap_or_else(Outcome::Unwritten)
    }
}

impl From<std::io::Result<bool>> for Outcome {
    fn from(result: std::io::Result<bool>) -> Outcome {
        match result {
            Ok(true) => Outcome::Done,
            Ok(false) => Outcome::Reported,
            Err(e) => Outcome::Unwritten(e),
        }
    }
}

/// Runs what the command line asks for, with the config file's settings under the flags.
pub fn run(cli: Cli) -> ExitCode {
    let loaded = settings::load();
    let flags = settings::Flags {
        lang: cli.lang.map(Into::into),
        theme: cli.theme.clone(),
        plain: cli.plain,
        attribution: match &cli.command {
            Some(Command::Export { attribution, .. }) => attribution.map(Into::into),
            _ => None,
        },
        times: match &cli.command {
            Some(Command::Export { times, .. }) => times.map(Into::into),
            _ => None,
        },
        serve: cli.serve.clone(),
    };
    let settings = Settings::resolve(flags, &loaded.config, |k| std::env::var(k).ok());
    let words = i18n::words(settings.language.value);
    exit(&command(cli, &loaded, settings, words), words)
}

fn command(cli: Cli, loaded: &Loaded, settings: Settings, words: &'static Words) -> Outcome {
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    // (The live meeting says it in its footer too.)
    let _ = loaded.report(words, &mut err);
    match (cli.command, cli.file) {
        (Some(Command::Check { files }), _) => super::check::run(&files, words, &mut out, &mut err).into(),
        (Some(Command::Export { file, format, out: to, innkalling, force, .. }), _) => {
            let options = Options { attribution: settings.attribution.value, times: settings.times.value };
            let request = super::export::Request {
                file: &file,
                format: format.as_deref(),
                out: to.as_deref(),
                innkalling,
                options,
                lang: cli.lang.map(Into::into),
                force,
                default_format: settings.format.value,
                minute_taker: settings.minute_taker.value.as_deref(),
            };
            super::export::run(&request, words, &mut out, &mut err).into()
        }
        (Some(Command::Demo { out: to, saker, notes }), _) => {
            if to.exists() {
                let _ = writeln!(err, "{}: {}: {}", to.display(), words.error, words.will_not_overwrite);
                return Outcome::Reported;
            }
            let Some(session) = super::demo::session(saker, notes) else { return Outcome::Reported };
            match store::session_file::save(&to, &session) {
                Ok(()) => writeln!(out, "{}", (words.exported)(&to.display().to_string())).map(|()| true).into(),
                Err(e) => {
                    let _ =
                        writeln!(err, "{}: {}: {}", to.display(), words.error, (words.cannot_write)(&e.to_string()));
                    Outcome::NotWritten
                }
            }
        }
        (Some(Command::Actions { folder, format }), _) => {
            super::actions::run(&folder, format.as_deref(), today(), words, &mut out, &mut err).into()
        }
        (Some(Command::Next { session, date, out: to }), _) => {
            let today = today();
            let request = super::next::Request { session: &session, date: date.as_deref(), out: to.as_deref(), today };
            super::next::run(&request, words, &mut out, &mut err).into()
        }
        (Some(Command::Completions { shell }), _) => super::docs::completions(shell, &mut out).map(|()| true).into(),
        (Some(Command::Man), _) => super::docs::man(&mut out).map(|()| true).into(),
        (Some(Command::Keys), _) => {
            let (keymap, problem) = super::keys_file::load(super::keys_file::path().as_deref(), words);
            if let Some(problem) = problem {
                let _ = writeln!(err, "{problem}");
            }
            super::keys_file::print(&keymap, &mut out).map(|()| true).into()
        }
        (Some(Command::Follow { file }), _) => super::follow::run(&file, &settings, words, &mut err),
        (Some(Command::Config), _) => settings::print(loaded, &settings, words, &mut out).map(|()| true).into(),
        (None, Some(file)) => {
            drop((out, err));
            super::live::run(&file, cli.session, loaded, settings, words)
        }
        (None, None) => {
            drop((out, err));
            let _ = Cli::command().print_help();
            Outcome::Usage
        }
    }
}

/// Today's date: the one place the command line reads the clock for a date.
fn today() -> crate::domain::time::Day {
    crate::domain::time::Day::from_date(chrono::Local::now().date_naive())
}

/// The exit code of `outcome`, its message said on standard error. (Nothing here may fail
/// on a terminal that is gone.)
fn exit(outcome: &Outcome, words: &Words) -> ExitCode {
    if let Outcome::Unwritten(e) = outcome {
        let _ =
            writeln!(std::io::stderr(), "referent: {}: {}", words.error, (words.cannot_write_output)(&e.to_string()));
    }
    ExitCode::from(outcome.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table of exit codes lists every code there is, and no other.
    #[test]
    fn every_exit_code_is_in_the_readme() {
        let readme = include_str!("../../README.md");
        let table = readme.split("## Exit codes").nth(1).expect("an Exit codes section");
        let listed: Vec<u8> = table
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| l.trim_matches('|').split('|').next()?.trim().trim_matches('`').parse().ok())
            .collect();
        let outcomes = [
            Outcome::Done,
            Outcome::Reported,
            Outcome::Usage,
            Outcome::NotWritten,
            Outcome::Unwritten(std::io::Error::other("x")),
            Outcome::Crashed,
        ];
        let mut codes: Vec<u8> = outcomes.iter().map(Outcome::code).collect();
        codes.dedup();
        assert_eq!(listed, codes);
    }
}
