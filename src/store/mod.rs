//! Files: reading agendas, loading and saving sessions, their journal and lock, the log;
//! and the few file rules they share (owner-only files, never through a link, durable
//! folders, file identity).

pub mod agenda_file;
pub mod agenda_writer;
pub mod atomic;
pub mod autosave;
#[cfg(test)]
mod bytes_fuzz;
pub mod dirs;
pub mod exported;
pub mod fold;
pub mod folder;
pub mod journal;
pub mod locate;
pub mod lock;
pub mod log;
pub mod peek;
pub mod rescue;
pub mod session_file;
#[cfg(test)]
mod session_fuzz;
pub mod session_rules;
pub mod split;
pub mod syncer;

use std::fs::{self, File, OpenOptions};
use std::io;
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

/// Opens a file already there, or one `options` creates, only if it is a plain file: a
/// link planted at `path` is never followed (`O_NOFOLLOW`), a named pipe or a device
/// never waited on or written to.
fn open_plain(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a plain file"));
    }
    Ok(file)
}

/// The error of opening a link with `open_plain`.
pub fn is_link_refused(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

/// The folder `path` is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Flushes the folder of `path`, so that a file created or renamed there stays after a
/// power cut. Best effort: not every file system can.
fn sync_dir(path: &Path) {
    if let Ok(d) = File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
}

/// A cheap fingerprint of a file's bytes (a session file, to match a journal to it; an
/// export, to know it is as referent wrote it): eight bytes at a time, multiply and rotate
/// (as `FxHash` does); 3.6 MB in well under a millisecond. It never changes: journals and
/// export records on disk hold it.
fn fingerprint(bytes: &[u8]) -> u64 {
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = chunks
        .by_ref()
        .fold(0xcbf2_9ce4_8422_2325, |h, c| step(h, u64::from_le_bytes(c.try_into().unwrap_or_default())));
    for &b in chunks.remainder() {
        h = step(h, u64::from(b));
    }
    h
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
