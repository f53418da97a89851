//! The command line: `referent [FILE]`, `referent check FILE...`, `referent export FILE`,
//! `referent next SESSION`, `referent actions FOLDER`, `referent demo OUT`, `referent completions SHELL`,
//! `referent man`, `referent config`, `referent keys`, `referent follow SESSION`.

pub mod actions;
pub mod check;
pub mod config_file;
pub mod demo;
pub mod docs;
pub mod export;
pub mod follow;
pub mod keys_file;
pub mod live;
pub mod next;
pub mod open;
mod run;
pub mod settings;

pub use run::{Outcome, run};

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::agenda::Lang;
use crate::domain::session::Session;

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

    /// Colour theme: dark, light, high-contrast, or a path to a theme file [default: the
    /// config file's, else dark].
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,

    /// Language of the screen and messages, and of an export [default: the config file's,
    /// else the agenda's, else from LANG, else nb].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// A plain screen for screen readers and braille displays: lines of text in a fixed
    /// order, every change of state also said as a sentence [default: the config file's].
    #[arg(long)]
    pub plain: bool,

    /// Serve the chair's and the room's live web pages at [ADDR:]PORT (8080: this machine
    /// only; 0.0.0.0:8080: the network, with an access token) [default: the config file's
    /// `serve`, else none].
    #[arg(long, value_name = "[ADDR:]PORT")]
    pub serve: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read agenda files and print their saksliste, or say exactly what to fix and where.
    Check {
        /// Agenda files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the referat of a session (or the innkalling of an agenda) as Markdown, HTML or DOCX.
    Export {
        /// A session file, or an agenda (its session beside it; with --innkalling the agenda itself).
        file: PathBuf,
        /// md, html or docx [default: from the --out extension, else md].
        #[arg(long, short)]
        format: Option<String>,
        /// Where to write [default: beside the input]; - for standard output.
        #[arg(long, short, value_name = "PATH")]
        out: Option<PathBuf>,
        /// The innkalling (notice of meeting) instead of the referat.
        #[arg(long)]
        innkalling: bool,
        /// Who is named before a comment [default: the config file's, else none].
        #[arg(long, value_enum)]
        attribution: Option<AttributionArg>,
        /// Which Kl. times: planned (as in the agenda), actual, or both (adds a timing table)
        /// [default: the config file's, else planned].
        #[arg(long, value_enum)]
        times: Option<TimesArg>,
        /// Write over a file changed since referent wrote it (the old one is kept as NAME.bak).
        #[arg(long)]
        force: bool,
    },
    /// Write a large made-up session of the example meeting, for benchmarks and trials.
    Demo {
        /// Where to write it (an existing file is not overwritten).
        out: PathBuf,
        /// How many saker.
        #[arg(long, default_value_t = 300)]
        saker: usize,
        /// How many notes (innspill) in all.
        #[arg(long, default_value_t = 20_000)]
        notes: usize,
    },
    /// Draft the next meeting's agenda from a session: roster, numbering, godkjenning,
    /// the saker postponed or coming back, the follow-ups still open, eventuelt.
    Next {
        /// The session of the meeting before.
        session: PathBuf,
        /// The next meeting's date, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Where to write it (never over a file that is there); - for standard output
        /// [default: beside the session, named as it is with the new date: normen-2025-09-16.ron].
        #[arg(long, short, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Print every follow-up still open in the sessions of a folder: who, frist, the
    /// meeting it came from; overdue ones marked, sorted by frist.
    Actions {
        /// The folder of the sessions (*.session.ron).
        folder: PathBuf,
        /// text, md or csv [default: text].
        #[arg(long, short)]
        format: Option<String>,
    },
    // At home on a user's machine.
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page, referent(1), in roff (`referent man | man -l -`).
    Man,
    /// Print where the config file is and every setting in effect, with where it came from.
    Config,
    /// Print every key in effect (with keys.ron's overrides) as a keys.ron would write it.
    Keys,
    /// Follow a meeting run in another terminal, read-only: the current sak, its timer in
    /// large digits, the plan, the next items (no lock taken, nothing written).
    Follow {
        /// The session file (NAME.session.ron), or the agenda it is beside.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AttributionArg {
    /// No names (usual in Norwegian referater).
    None,
    /// The organisation: "Helse Nord RHF: ...".
    Org,
    /// The person's name.
    Name,
    /// The initials or short name the roster gives (`short: "GE"`), else the name.
    Short,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TimesArg {
    Planned,
    Actual,
    Both,
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Norsk bokmål.
    Nb,
    /// English.
    En,
}

impl From<AttributionArg> for crate::referat::document::Attribution {
    fn from(a: AttributionArg) -> Self {
        match a {
            AttributionArg::None => Self::None,
            AttributionArg::Org => Self::Org,
            AttributionArg::Name => Self::Name,
            AttributionArg::Short => Self::Short,
        }
    }
}

impl From<TimesArg> for crate::referat::document::Times {
    fn from(t: TimesArg) -> Self {
        match t {
            TimesArg::Planned => Self::Planned,
            TimesArg::Actual => Self::Actual,
            TimesArg::Both => Self::Both,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nb => Lang::Nb,
            LangArg::En => Lang::En,
        }
    }
}

/// Reads the session in `path` (a session file's text, for `parse_session`); its
/// problems are written to `err`, placed in the file.
pub fn read_session(
    path: &std::path::Path,
    w: &crate::i18n::Words,
    err: &mut impl std::io::Write,
) -> Option<(Session, String)> {
    let text = read_text(path, w, err)?;
    parse_session(&path.display().to_string(), text, w, err)
}

/// The text of the file at `path`; or why it cannot be read, written to `err`.
pub fn read_text(path: &std::path::Path, w: &crate::i18n::Words, err: &mut impl std::io::Write) -> Option<String> {
    crate::store::agenda_file::read_text(path)
        .inspect_err(|e| {
            let name = path.display().to_string();
            let _ = check::diagnostic(err, &name, "", e.at, w.error, &(w.read_problem)(&e.what));
        })
        .ok()
}

/// The session written in `text` (the file `name`), with the text; or its problem,
/// written to `err` with its place.
pub fn parse_session(
    name: &str,
    text: String,
    w: &crate::i18n::Words,
    err: &mut impl std::io::Write,
) -> Option<(Session, String)> {
    match crate::store::session_file::parse(&text) {
        Ok(session) => Some((session, text)),
        Err(e) => {
            let _ = check::diagnostic(err, name, &text, e.at, w.error, &(w.read_problem)(&e.what));
            None
        }
    }
}
