//! referent: run a formal committee meeting live in the terminal and write its referat.

mod cli;
mod domain;
mod i18n;
mod store;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = i18n::ui_lang(cli.lang.map(Into::into), |k| std::env::var(k).ok());
    let words = i18n::words(lang);
    match cli.command {
        Some(Command::Check { files }) => {
            let ok = cli::check::run(
                &files,
                words,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            match ok {
                Ok(true) => ExitCode::SUCCESS,
                _ => ExitCode::FAILURE,
            }
        }
        None => match cli.file {
            Some(file) => {
                let ok = cli::check::run(
                    &[file],
                    words,
                    &mut std::io::stdout().lock(),
                    &mut std::io::stderr().lock(),
                );
                if matches!(ok, Ok(true)) {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            None => {
                use clap::CommandFactory;
                let _ = Cli::command().print_help();
                ExitCode::from(2)
            }
        },
    }
}
