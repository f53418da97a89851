//! `referent follow SESSION`: the chair's read-only view of a meeting, in another
//! terminal. It takes no lock and writes nothing.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::run::Outcome;
use super::settings::Settings;
use crate::domain::text::visible;
use crate::i18n::Words;
use crate::store::session_file::{self, FileKind};

/// The session file to follow for `file`: a session file itself, or the session beside an
/// agenda; `None` when there is none.
pub fn session_of(file: &Path) -> Option<PathBuf> {
    let is_session = |p: &Path| {
        p.is_file()
            && crate::store::agenda_file::read_text(p).is_ok_and(|t| session_file::kind_of(&t) == FileKind::Session)
    };
    if file.to_string_lossy().ends_with(".session.ron") || is_session(file) {
        return file.exists().then(|| file.to_path_buf());
    }
    let beside = session_file::default_path(file);
    beside.exists().then_some(beside)
}

pub fn run(file: &Path, settings: &Settings, words: &'static Words, err: &mut impl Write) -> Outcome {
    let Some(path) = session_of(file) else {
        let shown = visible(&file.display().to_string()).into_owned();
        let _ = writeln!(err, "referent: {}: {}", words.error, (words.chair.no_session)(&shown));
        return Outcome::Reported;
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        let _ = writeln!(err, "referent: {}: {}", words.error, words.needs_terminal);
        return Outcome::Reported;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (theme, problem) = crate::theme::load(settings.theme.value.as_deref(), no_color);
    if let Some(p) = problem {
        let _ = writeln!(err, "referent: {}", (words.theme_problem)(&p));
    }
    let (keymap, keys_problem) = super::keys_file::load(super::keys_file::path().as_deref(), words);
    if let Some(p) = keys_problem {
        let _ = writeln!(err, "referent: {p}");
    }
    match crate::tui::follow::run(path, words, &theme, &keymap) {
        Ok(()) => Outcome::Done,
        Err(e) => {
            let _ = writeln!(err, "referent: {}", (words.cannot_start)(&e.to_string()));
            Outcome::Reported
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agenda_is_followed_by_its_session_and_nothing_there_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let agenda = dir.path().join("m.ron");
        std::fs::write(&agenda, "Agenda()").unwrap();
        assert_eq!(session_of(&agenda), None);
        let session = dir.path().join("m.session.ron");
        std::fs::write(&session, "").unwrap();
        assert_eq!(session_of(&agenda), Some(session.clone()));
        assert_eq!(session_of(&session), Some(session));

        let mut err = Vec::new();
        let words = crate::i18n::words(crate::domain::agenda::Lang::Nb);
        let config = super::super::config_file::Config::default();
        let settings = Settings::resolve(super::super::settings::Flags::default(), &config, |_| None);
        let missing = dir.path().join("borte.ron");
        assert!(matches!(run(&missing, &settings, words, &mut err), Outcome::Reported));
        let said = String::from_utf8(err).unwrap();
        assert!(said.contains("borte.ron: finner ingen møtefil å følge"), "{said}");
    }
}
