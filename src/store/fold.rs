//! A fold off the live loop: the session written whole on a thread of its own, so that
//! no key waits for a large session to be turned into text and put on disk. The live
//! loop goes on appending to the journal meanwhile; the fold asks before it replaces the
//! session file (so that the journal says first which file it is about to write), and
//! the changes made while it ran start the journal that follows it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::{self, JoinHandle};

use super::autosave::{Failure, Writer};
use super::fingerprint;
use super::session_file::{self, OnDisk};
use crate::domain::change::Change;
use crate::domain::session::Session;

/// What the fold's thread has to say.
#[derive(Debug)]
pub enum Step {
    /// The session is text now, `len` bytes hashing to `hash`: it waits for `go`.
    Ready { len: u64, hash: u64 },
    /// The session file was written (what it is on disk now), or why not.
    Written(Result<Option<OnDisk>, Failure>),
}

/// A fold under way.
pub struct Fold {
    /// Which `Folding` line of the journal it began at.
    pub mark: u32,
    /// What the text is, once the thread has said.
    pub ready: Option<(u64, u64)>,
    /// The changes recorded since it began: in the file it writes they are not.
    pub since: Vec<Change>,
    go: Option<Sender<()>>,
    /// Told to go: it is writing, or has written.
    went: bool,
    steps: Receiver<Step>,
    thread: Option<JoinHandle<()>>,
}

impl Fold {
    /// Begins writing `session` whole to `path` on a thread: into text now, onto the disk
    /// when told to `go`, and only if the file is still `expected` (as our last write
    /// left it) by then.
    pub fn start(path: PathBuf, session: Session, expected: Option<OnDisk>, write: Writer, mark: u32) -> Fold {
        let (go, told) = mpsc::channel();
        let (say, steps) = mpsc::channel();
        let thread = thread::Builder::new()
            .name("fold".into())
            .spawn(move || fold(&path, &session, expected, write, &told, &say))
            .map_err(|e| tracing::warn!("no thread for the fold: {e}"))
            .ok();
        Fold { mark, ready: None, since: Vec::new(), go: Some(go), went: false, steps, thread }
    }

    /// What the thread said since it was last asked, without waiting.
    pub fn poll(&mut self) -> Option<Step> {
        if self.thread.is_none() {
            return Some(Step::Written(Err(Failure::Io("no thread for the fold".into()))));
        }
        match self.steps.try_recv() {
            Ok(step) => {
                if let Step::Ready { len, hash } = step {
                    self.ready = Some((len, hash));
                }
                Some(step)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Step::Written(Err(Failure::Io("the fold stopped before it wrote".into()))))
            }
        }
    }

    /// Lets the thread put its text in place of the session file.
    pub fn go(&mut self) {
        if let Some(go) = &self.go {
            self.went = go.send(()).is_ok();
        }
    }

    /// Told to write: the session file may be its by now.
    pub fn went(&self) -> bool {
        self.went
    }

    /// Ends the fold: one not yet told to `go` is called off (nothing written); one
    /// writing is waited for. What the session file is on disk after it, when it wrote.
    pub fn end(mut self) -> Option<OnDisk> {
        // Called off, if it was still waiting.
        drop(self.go.take());
        let mut written = None;
        if self.went {
            // (Its last word: the file written, or not.)
            while let Ok(step) = self.steps.recv() {
                if let Step::Written(Ok(disk)) = step {
                    written = disk;
                }
            }
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        written
    }
}

/// The fold's thread: the text, then (when told) the file.
fn fold(
    path: &Path,
    session: &Session,
    expected: Option<OnDisk>,
    write: Writer,
    go: &Receiver<()>,
    say: &Sender<Step>,
) {
    let text = session_file::to_text(session);
    if say.send(Step::Ready { len: text.len() as u64, hash: fingerprint(text.as_bytes()) }).is_err() {
        return;
    }
    if go.recv().is_err() {
        return;
    }
    let result = if session_file::replaced(expected, session_file::on_disk(path)) {
        Err(Failure::Replaced)
    } else {
        write(path, text.as_bytes()).map(|()| session_file::on_disk(path)).map_err(Failure::from)
    };
    let _ = say.send(Step::Written(result));
}
