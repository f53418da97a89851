//! The sessions in a folder (`*.session.ron`): a year of one body's meetings, read for
//! `check` (numbers used already) and `actions` (follow-ups still open). Only plain
//! files: a link, a pipe or a device is never opened. Each with its journal replayed, as a
//! meeting cut off or still running has it.

use std::path::{Path, PathBuf};

use super::agenda_file::{ReadError, ReadProblem};
use crate::domain::session::Session;

/// One session file of a folder, read or not.
pub struct Found {
    pub path: PathBuf,
    pub session: Result<Session, ReadError>,
}

/// Whether `name` names a session file.
pub fn is_session_name(name: &str) -> bool {
    name.ends_with(".session.ron") && !name.starts_with('.')
}

/// Every session file in `folder` but those in `except` (the same file by another name
/// too), sorted by name; the folder's error when it cannot be listed.
pub fn sessions(folder: &Path, except: &[&Path]) -> std::io::Result<Vec<Found>> {
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| e.file_name().to_str().is_some_and(is_session_name))
        .map(|e| e.path())
        .filter(|p| !except.iter().any(|x| same(p, x)))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| {
            let session = super::agenda_file::read_text(&path).and_then(|t| super::peek::parse(&path, &t));
            Found { path, session }
        })
        .collect())
}

/// The session an agenda at `agenda` names as the meeting before (`previous`, a path from
/// the agenda's folder), read and never written or locked: only a plain file (a link to
/// one is followed, a pipe or a device is never opened).
pub fn previous(agenda: &Path, previous: &str) -> Result<Session, ReadError> {
    let folder = agenda.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let path = folder.join(previous);
    let plain = std::fs::metadata(&path)
        .map_err(|e| super::agenda_file::Placed { at: None, what: ReadProblem::Io(e.into()) })?;
    if !plain.is_file() {
        let e = std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a plain file");
        return Err(super::agenda_file::Placed { at: None, what: ReadProblem::Io(e.into()) });
    }
    super::agenda_file::read_text(&path).and_then(|t| super::peek::parse(&path, &t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_session_files_are_read_and_the_excepted_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let fixture = include_str!("../../tests/fixtures/normen-2025-06-03.session.ron");
        std::fs::write(dir.path().join("b.session.ron"), fixture).unwrap();
        std::fs::write(dir.path().join("a.session.ron"), "Session(").unwrap();
        std::fs::write(dir.path().join("c.ron"), fixture).unwrap();
        std::fs::write(dir.path().join("self.session.ron"), fixture).unwrap();
        std::os::unix::fs::symlink(dir.path().join("b.session.ron"), dir.path().join("l.session.ron")).unwrap();
        let found = sessions(dir.path(), &[&dir.path().join("self.session.ron")]).unwrap();
        let names: Vec<_> = found.iter().map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a.session.ron", "b.session.ron"]);
        assert!(found[0].session.is_err() && found[1].session.is_ok());
        assert!(sessions(&dir.path().join("nowhere"), &[]).is_err());
    }

    #[test]
    fn the_previous_session_is_read_from_the_agenda_s_folder_and_never_a_pipe() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("2026")).unwrap();
        let fixture = include_str!("../../tests/fixtures/normen-2025-06-03.session.ron");
        std::fs::write(dir.path().join("juni.session.ron"), fixture).unwrap();
        let agenda = dir.path().join("2026/jan.ron");
        assert!(previous(&agenda, "../juni.session.ron").is_ok());
        assert!(previous(&agenda, "borte.session.ron").is_err());
        let pipe = dir.path().join("2026/rør.session.ron");
        assert!(std::process::Command::new("mkfifo").arg(&pipe).status().unwrap().success());
        assert!(previous(&agenda, "rør.session.ron").is_err(), "not waited on");
    }

    #[test]
    fn what_a_meeting_cut_off_left_in_its_journal_is_read_too() {
        use crate::domain::change::Change;
        use crate::domain::command::Command;
        let dir = tempfile::tempdir().unwrap();
        let fixture = include_str!("../../tests/fixtures/normen-2025-06-03.session.ron");
        let path = dir.path().join("juni.session.ron");
        std::fs::write(&path, fixture).unwrap();
        let mut journal = super::super::journal::Journal::start(&path, fixture.as_bytes()).unwrap();
        let command = Command::SetTitle { item: 4, title: "Skrevet i journalen".into() };
        let at = crate::domain::time::Stamp::parse("2025-06-03 15:01:00").unwrap();
        journal.append(&Change::Applied { command, at }).unwrap();
        drop(journal);
        let title = |s: &Session| s.agenda.items[4].title().to_string();
        assert_eq!(title(&previous(&dir.path().join("sept.ron"), "juni.session.ron").unwrap()), "Skrevet i journalen");
        let found = sessions(dir.path(), &[]).unwrap();
        assert_eq!(title(found[0].session.as_ref().unwrap()), "Skrevet i journalen");
    }
}
