//! An export's file, never replacing one changed since referent wrote it (the
//! secretariat's edits in Word): beside each export a small record of what referent last
//! wrote there (`.NAME.referent`: its length and fingerprint). A file that is neither what
//! the record says nor what is to be written now is replaced only when asked (`--force`),
//! and then kept as `NAME.bak` (`NAME.1.bak`, ... when that is taken).

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{atomic, fingerprint, open_plain, private};

/// What referent wrote at an export's path last.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Exported {
    len: u64,
    fingerprint: u64,
}

impl Exported {
    fn of(bytes: &[u8]) -> Exported {
        Exported { len: bytes.len() as u64, fingerprint: fingerprint(bytes) }
    }
}

/// How the export went in.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// Where there was nothing, or over what referent wrote there (and nobody changed since).
    Written,
    /// Over a file changed since (asked for): the old one is kept here.
    KeptOld(PathBuf),
}

/// Why the export was not written.
#[derive(Debug)]
pub enum Refused {
    /// A link is where the export goes: neither followed nor replaced.
    Link,
    /// A folder, a device, a named pipe is there.
    NotAFile,
    /// The file there was changed since referent wrote it, or was never written by it.
    Changed,
    /// The file at this path (the export, its record, the old one's copy) could not be
    /// read or written.
    Io(PathBuf, io::Error),
}

/// `referat.md` → `.referat.md.referent`, beside it.
pub fn record_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.referent"))
}

/// Writes `bytes` to `target` whole (see `atomic::write`) unless a file there was changed
/// since referent wrote it; with `force`, over it too, keeping the old one beside it.
pub fn write(target: &Path, bytes: &[u8], force: bool) -> Result<Written, Refused> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: io::Error| Refused::Io(path, e)
    };
    let kept = match fs::symlink_metadata(target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(target)(e)),
        Ok(m) if m.file_type().is_symlink() => return Err(Refused::Link),
        Ok(m) if !m.is_file() => return Err(Refused::NotAFile),
        Ok(_) => {
            let old = read_plain(target, None).map_err(io(target))?;
            let ours = old == bytes || recorded(target).is_some_and(|r| r == Exported::of(&old));
            match (ours, force) {
                (true, _) => None,
                (false, false) => return Err(Refused::Changed),
                (false, true) => Some(keep(target, &old)?),
            }
        }
    };
    atomic::write(target, bytes).map_err(io(target))?;
    let record = record_path(target);
    let text = ron::to_string(&Exported::of(bytes)).map_err(|e| io(&record)(io::Error::other(e)))?;
    atomic::write(&record, format!("{text}\n").as_bytes()).map_err(io(&record))?;
    Ok(kept.map_or(Written::Written, Written::KeptOld))
}

/// What the record beside `target` says referent wrote there, if it says anything.
fn recorded(target: &Path) -> Option<Exported> {
    let bytes = read_plain(&record_path(target), Some(4096)).ok()?;
    ron::from_str(String::from_utf8(bytes).ok()?.trim()).ok()
}

/// The bytes of the plain file at `path` (never through a link), at most `limit` of them.
fn read_plain(path: &Path, limit: Option<u64>) -> io::Result<Vec<u8>> {
    let file = open_plain(OpenOptions::new().read(true), path)?;
    let mut bytes = Vec::new();
    match limit {
        Some(n) => file.take(n).read_to_end(&mut bytes)?,
        None => (&file).read_to_end(&mut bytes)?,
    };
    Ok(bytes)
}

/// Keeps `old`, the bytes of the file at `target`, as a new file beside it: `NAME.bak`, or
/// `NAME.1.bak`, `NAME.2.bak`, ... when that is taken (never a file, or a link, there).
fn keep(target: &Path, old: &[u8]) -> Result<PathBuf, Refused> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for n in 0..1000 {
        let bak = target.with_file_name(if n == 0 { format!("{name}.bak") } else { format!("{name}.{n}.bak") });
        match private(OpenOptions::new().write(true).create_new(true)).open(&bak) {
            Ok(mut f) => {
                let written = f.write_all(old).and_then(|()| f.sync_all());
                return written.map(|()| bak.clone()).map_err(|e| Refused::Io(bak, e));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Refused::Io(bak, e)),
        }
    }
    let e = io::Error::new(io::ErrorKind::AlreadyExists, "a thousand copies kept already");
    Err(Refused::Io(target.with_file_name(format!("{name}.bak")), e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    #[test]
    fn a_new_export_is_written_and_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("referat.md");
        assert_eq!(write(&target, b"utkast 1", false).unwrap(), Written::Written);
        assert_eq!(fs::read(&target).unwrap(), b"utkast 1");
        assert_eq!(recorded(&target), Some(Exported::of(b"utkast 1")));
        assert_eq!(record_path(&target), dir.path().join(".referat.md.referent"));
        assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    }

    /// The normal workflow: export the draft again after fixes. What referent wrote, and
    /// nobody changed, is replaced without asking.
    #[test]
    fn an_untouched_export_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("referat.md");
        write(&target, b"utkast 1", false).unwrap();
        assert_eq!(write(&target, b"utkast 2", false).unwrap(), Written::Written);
        assert_eq!(fs::read(&target).unwrap(), b"utkast 2");
        assert_eq!(recorded(&target), Some(Exported::of(b"utkast 2")));
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "the export and its record, nothing else: {names:?}");
    }

    /// A file changed since referent wrote it (or never written by it) is not replaced;
    /// with force it is, and the old one is kept, never over an earlier copy.
    #[test]
    fn a_changed_file_is_refused_or_kept_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("referat.docx");
        write(&target, b"utkast 1", false).unwrap();
        fs::write(&target, "rettet i Word").unwrap();
        assert!(matches!(write(&target, b"utkast 2", false), Err(Refused::Changed)));
        assert_eq!(fs::read_to_string(&target).unwrap(), "rettet i Word");
        fs::write(dir.path().join("referat.docx.bak"), "an older copy").unwrap();
        let kept = write(&target, b"utkast 2", true).unwrap();
        assert_eq!(kept, Written::KeptOld(dir.path().join("referat.docx.1.bak")));
        assert_eq!(fs::read_to_string(dir.path().join("referat.docx.1.bak")).unwrap(), "rettet i Word");
        assert_eq!(fs::read_to_string(dir.path().join("referat.docx.bak")).unwrap(), "an older copy");
        assert_eq!(fs::read(&target).unwrap(), b"utkast 2");
        // A file referent never wrote, with no record: the same.
        let other = dir.path().join("notater.md");
        fs::write(&other, "mine").unwrap();
        assert!(matches!(write(&other, b"utkast", false), Err(Refused::Changed)));
        // ... unless it holds exactly what is to be written.
        fs::write(&other, "utkast").unwrap();
        assert_eq!(write(&other, b"utkast", false).unwrap(), Written::Written);
    }

    /// A link at the export, at its record or where the old one would be kept: never
    /// followed; what it points to stays as it was.
    #[test]
    fn links_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep me").unwrap();
        let target = dir.path().join("referat.md");
        symlink(&victim, &target).unwrap();
        assert!(matches!(write(&target, b"utkast", true), Err(Refused::Link)));
        fs::remove_file(&target).unwrap();
        // A record that is a link is no record (and is replaced, not written through).
        symlink(&victim, record_path(&target)).unwrap();
        write(&target, b"utkast", false).unwrap();
        assert!(fs::symlink_metadata(record_path(&target)).unwrap().file_type().is_file());
        // Where the old one would be kept.
        fs::write(&target, "rettet").unwrap();
        symlink(&victim, dir.path().join("referat.md.bak")).unwrap();
        let kept = write(&target, b"utkast 2", true).unwrap();
        assert_eq!(kept, Written::KeptOld(dir.path().join("referat.md.1.bak")));
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        // A folder where the export goes.
        fs::create_dir(dir.path().join("mappe.md")).unwrap();
        assert!(matches!(write(&dir.path().join("mappe.md"), b"x", true), Err(Refused::NotAFile)));
    }
}
