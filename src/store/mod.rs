//! Files: reading agendas, loading and saving sessions, their journal and lock, the log;
//! and the few file rules they share (owner-only files, durable folders, file identity).

pub mod agenda_file;
pub mod autosave;
#[cfg(test)]
mod bytes_fuzz;
pub mod journal;
pub mod locate;
pub mod lock;
pub mod log;
pub mod rescue;
pub mod session_file;
#[cfg(test)]
mod session_fuzz;
pub mod session_rules;
pub mod split;
pub mod syncer;

use std::fs::{self, File, OpenOptions};
use std::path::Path;

/// `options` creating files readable by their owner only (minutes hold personal data).
fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Flushes the folder of `path`, so that a file created or renamed there stays after a
/// power cut. Best effort: not every file system can.
fn sync_dir(path: &Path) {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Which file this is (device and inode): the same path may come to name another file.
#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // none where the system cannot say (not unix)
fn file_id(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
#[allow(clippy::unnecessary_wraps)]
fn file_id(_: &fs::Metadata) -> Option<(u64, u64)> {
    None
}
