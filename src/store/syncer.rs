//! Flushing to the device on a thread of its own: the live meeting hands over a file (a
//! second handle on it) or a file's folder and goes on, never waiting for a slow disk
//! while a key is typed. Without that thread, the flush is done at once.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::mpsc::{self, Sender};

enum Job {
    /// What was written to this file.
    Data(File),
    /// The folder of this file: its entries.
    Folder(PathBuf),
}

impl Job {
    fn run(self) {
        match self {
            Job::Data(file) => {
                if let Err(e) = file.sync_data() {
                    tracing::warn!("a file did not reach the device: {e}");
                }
            }
            Job::Folder(path) => super::sync_dir(&path),
        }
    }
}

fn queue() -> Option<&'static Sender<Job>> {
    static QUEUE: OnceLock<Option<Sender<Job>>> = OnceLock::new();
    QUEUE
        .get_or_init(|| {
            let (tx, rx) = mpsc::channel::<Job>();
            let thread =
                std::thread::Builder::new().name("sync".into()).spawn(move || rx.into_iter().for_each(Job::run));
            thread.ok().map(|_| tx)
        })
        .as_ref()
}

fn hand_over(job: Job) {
    match queue() {
        Some(tx) => {
            if let Err(mpsc::SendError(job)) = tx.send(job) {
                job.run();
            }
        }
        None => job.run(),
    }
}

/// Flushes what was written to `file`, soon.
pub fn data(file: &File) -> io::Result<()> {
    hand_over(Job::Data(file.try_clone()?));
    Ok(())
}

/// Flushes the folder of `path`, soon.
pub fn folder(path: &Path) {
    hand_over(Job::Folder(path.to_path_buf()));
}
