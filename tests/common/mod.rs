//! A terminal for end-to-end tests: the real binary in a pseudo-terminal, its screen
//! kept by a vt100 parser.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// What the program asked of the terminal beyond the screen: window titles, bells.
#[derive(Default)]
pub struct Asked {
    pub titles: Vec<Vec<u8>>,
    pub bells: usize,
}

impl vt100::Callbacks for Asked {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
}

pub struct Term {
    pub screen: Arc<Mutex<vt100::Parser<Asked>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    reader: Option<std::thread::JoinHandle<()>>,
    stop_reading: Arc<AtomicBool>,
}

impl Term {
    /// Starts `referent ARGS` in `dir` on a `cols`×`rows` terminal, in bokmål.
    pub fn start(dir: &Path, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::start_with(dir, args, cols, rows, &[])
    }

    /// As `start`, with more environment variables.
    pub fn start_with(dir: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Term {
        Term::start_program(env!("CARGO_BIN_EXE_referent"), dir, args, cols, rows, env)
    }

    /// As `start_with`, running `program ARGS` (referent under a tracer, say).
    pub fn start_program(program: &str, dir: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Term {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("NO_COLOR");
        cmd.env("XDG_STATE_HOME", dir.join(".state"));
        cmd.env("XDG_CONFIG_HOME", dir.join(".config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("referent starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
            Asked::default(),
        )));
        let parser = Arc::clone(&screen);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stop.load(Ordering::SeqCst) {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
        Term { screen, writer, child, master: Some(pair.master), reader: Some(reader), stop_reading }
    }

    /// Starts the meeting shown before its start and opens a note on its first item.
    pub fn start_a_note(&mut self) {
        self.wait_for("Møtet har ikke startet");
        self.type_keys("ni");
        self.wait_for("Nytt innspill");
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `what`; panics with the screen after 10 s.
    pub fn wait_for(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.text().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {what:?}:\n{}", self.text());
    }

    /// Types `keys` one at a time, as a person would (an Esc right before another key
    /// would read as Alt+key).
    pub fn type_keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut b = [0u8; 4];
            self.writer.write_all(c.encode_utf8(&mut b).as_bytes()).unwrap();
            self.writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// A pause after typing, before a command key (see `send`): the person at this
    /// terminal stops a moment.
    #[allow(clippy::unused_self)]
    pub fn pause(&self) {
        let pause = referent::app::typing::QUIET_AFTER.as_millis() + 150;
        std::thread::sleep(Duration::from_millis(u64::try_from(pause).unwrap()));
    }

    /// Sends `bytes` at once. A lone Esc is followed by a pause, as a person closes the
    /// editor and then decides what to do: right after typing, a key that moves the
    /// meeting on asks first (`app::typing`).
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        if bytes == b"\x1b" {
            self.pause();
        } else {
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Sends `signal` ("KILL", "TERM", "HUP") to the process, as `kill -SIGNAL` does.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("a running process").to_string();
        let status = std::process::Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap();
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// Closes the terminal, as when a window is closed or an ssh connection drops: every
    /// handle on the pty's master side is closed (the reader's once the program next
    /// writes, within a second since the clock ticks). The moment of closing.
    pub fn hang_up(&mut self) -> Instant {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        // portable-pty's writer sends Enter and Ctrl+D when dropped, as if typed; a
        // closing terminal types nothing, so that key is disabled first.
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: termios is plain data; fd is the open master of this pty.
            #[allow(unsafe_code)]
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(fd, &raw mut t) == 0 {
                    t.c_cc[libc::VEOF] = 0;
                    libc::tcsetattr(fd, libc::TCSANOW, &raw const t);
                }
            }
        }
        self.writer = Box::new(std::io::sink());
        self.master = None;
        Instant::now()
    }

    /// Waits for the process to end; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("referent did not exit:\n{}", self.text());
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A temp folder with a copy of an example agenda, held today (so that `n` starts the
/// meeting without asking about the day); the agenda's path in it.
pub fn agenda_copy(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, dst) = agenda_as_written(name);
    held_today(&dst);
    (dir, dst)
}

/// Moves the agenda in `path` to today.
pub fn held_today(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let today = chrono::Local::now().format("date: \"%Y-%m-%d\"").to_string();
    let line = text.lines().find(|l| l.trim_start().starts_with("date: \"")).expect("the agenda has a date");
    std::fs::write(path, text.replacen(line.trim_start().trim_end_matches(','), &today, 1)).unwrap();
}

/// A temp folder with a copy of an example agenda as it is, on its own day.
pub fn agenda_as_written(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas").join(name);
    let dst = dir.path().join(name);
    std::fs::copy(src, &dst).unwrap();
    (dir, dst)
}

/// The seed meeting's session (`tests/fixtures/`), as its file is named.
pub const SEED_SESSION: &str = "normen-2025-06-03.session.ron";

/// A temp folder with a copy of the seed meeting's session; its path in it.
pub fn seed_session_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(SEED_SESSION);
    let dst = dir.path().join(SEED_SESSION);
    std::fs::copy(src, &dst).unwrap();
    (dir, dst)
}

/// A disk of 256 kB (a tmpfs) at `folder`, unmounted when dropped: to be filled to the
/// last byte. None where mounting is not allowed.
pub struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    pub fn mount(folder: &Path) -> Option<SmallDisk> {
        std::fs::create_dir(folder).ok()?;
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(folder)
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then(|| SmallDisk(folder.to_path_buf()))
    }

    /// Fills it to the last byte (with a file `fyll`).
    pub fn fill(&self) {
        let mut f = std::fs::File::create(self.0.join("fyll")).unwrap();
        let block = vec![b'x'; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.write_all(b"x");
    }

    /// Makes room again.
    pub fn empty(&self) {
        std::fs::remove_file(self.0.join("fyll")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// A config folder that is not there: the user's own config file is never read.
pub const NO_CONFIG: &str = "/nonexistent/referent-tests/config";

/// What a run of `referent` came to.
pub struct Run {
    pub code: i32,
    pub out: String,
    pub err: String,
}

/// Runs `referent ARGS` in the project's folder, in bokmål, with no config file, to the
/// end; a panic fails the test.
pub fn referent<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let out = assert_cmd::Command::cargo_bin("referent")
        .unwrap()
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .args(args)
        .output()
        .unwrap();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8(out.stdout).unwrap(),
        err: String::from_utf8(out.stderr).unwrap(),
    };
    assert!(!run.err.contains("panicked"), "a panic: {}", run.err);
    run
}

/// Runs `referent ARGS` in `dir` in bokmål to the end: exit code, stdout, stderr.
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("referent")
        .unwrap()
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env("XDG_STATE_HOME", dir.join(".state"))
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

/// The session in `path` as referent reads it back after a crash: the session file with
/// its journal replayed, as session-file text.
pub fn session_text(path: &Path) -> String {
    use referent::store::{journal, session_file};
    let base = std::fs::read_to_string(path).unwrap();
    let mut session = session_file::parse(&base).unwrap();
    journal::replay(path, base.as_bytes(), &mut session).unwrap();
    session_file::to_text(&session)
}
