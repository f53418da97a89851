//! The command line: `referent [FILE]`, `referent check FILE...`.

pub mod check;
pub mod open;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::agenda::Lang;

/// Run a formal committee meeting live in the terminal and write its referat.
#[derive(Debug, Parser)]
#[command(name = "referent", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The agenda (agendas/*.ron) or session (*.session.ron) to open.
    pub file: Option<PathBuf>,

    /// Where the session is saved [default: beside the agenda, NAME.session.ron].
    #[arg(long, value_name = "PATH")]
    pub session: Option<PathBuf>,

    /// Colour theme: dark, light, high-contrast, or a path to a theme file.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,

    /// Language of the screen and messages [default: from LANG, else nb].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read agenda files and print their saksliste, or say exactly what to fix and where.
    Check {
        /// Agenda files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Norsk bokmål.
    Nb,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nb => Lang::Nb,
            LangArg::En => Lang::En,
        }
    }
}
