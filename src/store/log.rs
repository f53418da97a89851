//! The log file: `referent.log` in the state folder (`store::dirs::state_dir`:
//! `$XDG_STATE_HOME/referent`, else `~/.local/state/referent`), never the screen. It keeps what a minute-taker cannot see
//! in the moment: save failures and their recovery, hang-ups, and panics with backtraces.

use std::fs::{self, OpenOptions};
use std::path::PathBuf;
use std::sync::Mutex;

/// Where the log is written: `referent.log` in the state folder.
pub fn path() -> Option<PathBuf> {
    super::dirs::state_dir().map(|d| d.join("referent.log"))
}

/// Sends tracing's events to the log file, appended and readable by its owner only.
/// The log file's path, or `None` when there is nowhere to write it (then nothing is logged).
pub fn init() -> Option<PathBuf> {
    let path = path()?;
    private_dir(path.parent()?).ok()?;
    let file = open(&path).ok()?;
    let subscriber =
        tracing_subscriber::fmt().with_writer(Mutex::new(file)).with_ansi(false).with_target(false).finish();
    tracing::subscriber::set_global_default(subscriber).ok()?;
    Some(path)
}

/// The log file at `path`, made if need be, appended to; never through a link planted in
/// its place.
fn open(path: &std::path::Path) -> std::io::Result<fs::File> {
    super::open_plain(super::private(OpenOptions::new().create(true).append(true)), path)
}

/// Makes the folder `dir` (and those above it) readable by its owner only, as it is
/// made; our own folder, found open to others, is closed.
pub fn private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_folder_is_its_owner_s_only() {
        use std::os::unix::fs::PermissionsExt;
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("state/referent");
        private_dir(&dir).unwrap();
        assert_eq!(fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&dir).unwrap();
        assert_eq!(fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700, "closed again");
    }

    #[test]
    fn the_log_is_appended_to_and_a_link_in_its_place_is_not_followed() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("referent.log");
        open(&path).unwrap().write_all(b"one\n").unwrap();
        open(&path).unwrap().write_all(b"two\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep me").unwrap();
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        assert!(open(&path).is_err_and(|e| crate::store::is_link_refused(&e)));
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    }
}
