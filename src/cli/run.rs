//! `referent ...`: from the parsed command line to an exit code. Every command ends in
//! one `Outcome`, and `exit` is the one place that turns it into a code and a message.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{AttributionArg, Cli, Command, TimesArg};
use crate::i18n::{self, Words};
use crate::referat::document::{Attribution, Options, Times};
use crate::store;

/// How a command ended.
#[derive(Debug)]
pub enum Outcome {
    Done,
    /// What was wrong was said on standard error, where it was found: exit 1.
    Reported,
    /// Writing the command's output failed (standard output closed or full): exit 1,
    /// with the reason.
    Unwritten(std::io::Error),
    /// A bug in the live meeting, already said: exit 101.
    Crashed,
    /// No file and no command: the usage was printed, exit 2.
    Usage,
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

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> ExitCode {
    let lang = i18n::ui_lang(cli.lang.map(Into::into), |k| std::env::var(k).ok());
    let words = i18n::words(lang);
    exit(command(cli, words), words)
}

fn command(cli: Cli, words: &'static Words) -> Outcome {
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    match (cli.command, cli.file) {
        (Some(Command::Check { files }), _) => super::check::run(&files, words, &mut out, &mut err).into(),
        (Some(Command::Export { file, format, out: to, innkalling, attribution, times }), _) => {
            let options = Options {
                attribution: match attribution {
                    AttributionArg::None => Attribution::None,
                    AttributionArg::Org => Attribution::Org,
                    AttributionArg::Name => Attribution::Name,
                    AttributionArg::Short => Attribution::Short,
                },
                times: match times {
                    TimesArg::Planned => Times::Planned,
                    TimesArg::Actual => Times::Actual,
                    TimesArg::Both => Times::Both,
                },
            };
            let request = super::export::Request {
                file: &file,
                format: format.as_deref(),
                out: to.as_deref(),
                innkalling,
                options,
                lang: cli.lang.map(Into::into),
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
                    Outcome::Reported
                }
            }
        }
        (None, Some(file)) => {
            drop((out, err));
            super::live::run(&file, cli.session, cli.theme.as_deref(), words)
        }
        (None, None) => {
            drop((out, err));
            let _ = Cli::command().print_help();
            Outcome::Usage
        }
    }
}

/// The exit code of `outcome`, its message said on standard error. (Nothing here may fail
/// on a terminal that is gone.)
fn exit(outcome: Outcome, words: &Words) -> ExitCode {
    match outcome {
        Outcome::Done => ExitCode::SUCCESS,
        Outcome::Reported => ExitCode::FAILURE,
        Outcome::Unwritten(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "referent: {}: {}",
                words.error,
                (words.cannot_write_output)(&e.to_string())
            );
            ExitCode::FAILURE
        }
        Outcome::Crashed => ExitCode::from(101),
        Outcome::Usage => ExitCode::from(2),
    }
}
