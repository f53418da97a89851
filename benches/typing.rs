//! Typing latency end to end, side by side with vim: the real binary in a pseudo-terminal,
//! one key written, the time until it is echoed (escape sequences stripped), 500 keys;
//! p50 and p99 on the seed meeting and on a large session (300 saker, 20 000 notes), and
//! `vim --clean` typing into a file of the large session's size in the same run. Also
//! startup to first frame, idle CPU and peak memory. The harness answers the terminal
//! queries (cursor position, colours, device attributes) as a terminal would.
//!
//! `cargo bench --bench typing` (vim must be installed; KEYS=200 for a shorter run).

// Statistics on latencies and sizes: counts and floats far inside each other's ranges; one
// 64 kB read buffer on a reader thread of its own.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::large_stack_arrays
)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

use referent::store::session_file;

/// How many times each program is started to time its first frame.
const STARTS: usize = 9;

/// A program in a pseudo-terminal, its output stripped of escape sequences as it comes.
struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    text: Receiver<String>,
    seen: String,
}

impl Pty {
    fn start(program: &str, args: &[&str], dir: &Path) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("XDG_STATE_HOME", dir.join(".state"));
        let child = pair.slave.spawn_command(cmd).expect("it starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("a writer")));
        let answer = Arc::clone(&writer);
        let (tx, text) = channel();
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut strip = Strip::default();
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let (plain, queries) = strip.feed(&buf[..n]);
                for reply in queries {
                    let mut w = answer.lock().expect("the writer");
                    let _ = w.write_all(reply.as_bytes());
                    let _ = w.flush();
                }
                if tx.send(plain).is_err() {
                    break;
                }
            }
        });
        Pty { child, writer, text, seen: String::new() }
    }

    fn send(&mut self, bytes: &[u8]) {
        let mut w = self.writer.lock().expect("the writer");
        w.write_all(bytes).expect("written");
        w.flush().expect("flushed");
    }

    /// Waits until the output since the last call holds `what`.
    fn wait_for(&mut self, what: &str, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(at) = self.seen.find(what) {
                self.seen.drain(..at + what.len());
                return true;
            }
            match self.text.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(t) => self.seen.push_str(&t),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
            }
        }
    }

    /// Forgets what was shown so far (after a moment of quiet).
    fn settle(&mut self) {
        std::thread::sleep(Duration::from_millis(300));
        while self.text.try_recv().is_ok() {}
        self.seen.clear();
    }
}

/// Removes escape sequences from a byte stream; collects the replies to the queries in it.
#[derive(Default)]
struct Strip {
    state: u8,
    sequence: Vec<u8>,
    pending: Vec<u8>,
}

impl Strip {
    fn feed(&mut self, bytes: &[u8]) -> (String, Vec<String>) {
        let mut plain = Vec::new();
        let mut replies = Vec::new();
        for &b in bytes {
            match self.state {
                0 if b == 0x1b => {
                    self.state = 1;
                    self.sequence.clear();
                }
                0 if b >= 0x20 || b >= 0x80 => plain.push(b),
                0 => {}
                1 => {
                    self.state = match b {
                        b'[' => 2,
                        b']' | b'P' | b'_' => 3,
                        _ => 0,
                    };
                    self.sequence.push(b);
                }
                2 => {
                    self.sequence.push(b);
                    if (0x40..=0x7e).contains(&b) {
                        self.state = 0;
                        match self.sequence.as_slice() {
                            b"[6n" => replies.push("\x1b[1;1R".to_string()),
                            b"[c" | b"[0c" => replies.push("\x1b[?62;22c".to_string()),
                            b"[>c" => replies.push("\x1b[>1;10;0c".to_string()),
                            b"[?u" => {}
                            _ => {}
                        }
                    }
                }
                _ => {
                    // OSC and friends end with BEL or ESC \.
                    if b == 0x07 || (b == b'\\' && self.sequence.last() == Some(&0x1b)) {
                        self.state = 0;
                        let seq = String::from_utf8_lossy(&self.sequence).into_owned();
                        if let Some(n) = seq.strip_prefix("]").and_then(|s| s.strip_suffix(";?"))
                            && (n == "10" || n == "11")
                        {
                            let colour = if n == "10" { "ffff/ffff/ffff" } else { "0000/0000/0000" };
                            replies.push(format!("\x1b]{n};rgb:{colour}\x07"));
                        }
                    } else {
                        self.sequence.push(b);
                    }
                }
            }
        }
        self.pending.extend(plain);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = String::from_utf8_lossy(&self.pending[..valid]).into_owned();
        self.pending.drain(..valid);
        (text, replies)
    }
}

struct Run {
    name: String,
    /// Start to first frame, sorted, one a start.
    first_frames: Vec<Duration>,
    latencies: Vec<Duration>,
    missed: usize,
    idle_cpu: f64,
    peak_kb: u64,
}

/// A program in a pseudo-terminal, ready to be typed into, and what it took to get there.
struct Typist {
    name: String,
    pty: Pty,
    first_frames: Vec<Duration>,
    /// What leaves it, a moment between each.
    quit: &'static [&'static [u8]],
    latencies: Vec<Duration>,
    missed: usize,
}

/// Types `keys` letters into each typist, by turns (one key to each, then the next), each
/// key timed from write to echo. By turns, so that what else the machine does falls on
/// all of them alike: the ratio between them is the programs', not the minute's.
fn type_keys(typists: &mut [Typist], keys: usize) {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    // A fast typist, not a machine: about 12 keys a second into each.
    let pause = Duration::from_millis(80) / typists.len().max(1) as u32;
    for k in 0..keys {
        let c = letters[k % letters.len()];
        for t in typists.iter_mut() {
            // Only what comes after the key counts.
            while let Ok(text) = t.pty.text.try_recv() {
                drop(text);
            }
            t.pty.seen.clear();
            let sent = Instant::now();
            t.pty.send(&[c]);
            if t.pty.wait_for(&(c as char).to_string(), Duration::from_secs(2)) {
                t.latencies.push(sent.elapsed());
            } else {
                t.missed += 1;
            }
            std::thread::sleep(pause);
        }
    }
}

/// Measures idle CPU and peak memory of the typists after their keys (at once), and
/// quits them.
fn finish(typists: Vec<Typist>) -> Vec<Run> {
    let pids: Vec<u32> = typists.iter().map(|t| t.pty.child.process_id().unwrap_or(0)).collect();
    let idle = idle_cpu(&pids);
    typists
        .into_iter()
        .zip(pids)
        .zip(idle)
        .map(|((mut t, pid), idle_cpu)| {
            let peak_kb = peak_kb(pid);
            for keys in t.quit {
                t.pty.send(keys);
                std::thread::sleep(Duration::from_millis(200));
            }
            let _ = t.pty.child.wait();
            Run {
                name: t.name,
                first_frames: t.first_frames,
                latencies: t.latencies,
                missed: t.missed,
                idle_cpu,
                peak_kb,
            }
        })
        .collect()
}

/// Time `pid` spent on a CPU so far, all its threads, to the nanosecond (the scheduler's
/// own count: a 0.3 ms frame a second shows, which whole clock ticks would not).
fn cpu_time(pid: u32) -> Duration {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten();
    let ns = tasks
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|stat| stat.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(ns)
}

fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// CPU use of each of `pids` over the same three quiet seconds, in percent of one core:
/// after what the last keys set off (referent folds its journal into the session file 3 s
/// after them).
fn idle_cpu(pids: &[u32]) -> Vec<f64> {
    std::thread::sleep(referent::store::autosave::FOLD_WHEN_IDLE + Duration::from_millis(1500));
    let quiet = Duration::from_secs(3);
    let before: Vec<Duration> = pids.iter().map(|&p| cpu_time(p)).collect();
    std::thread::sleep(quiet);
    pids.iter()
        .zip(before)
        .map(|(&p, b)| 100.0 * cpu_time(p).saturating_sub(b).as_secs_f64() / quiet.as_secs_f64())
        .collect()
}

/// How long `program` takes from its start to its first frame (the word "Saksliste" on
/// the screen): each of `starts` starts, after `before` readies it, sorted.
fn first_frames(program: &str, args: &[&str], dir: &Path, starts: usize, before: impl Fn()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..starts)
        .filter_map(|_| {
            before();
            let started = Instant::now();
            let mut pty = Pty::start(program, args, dir);
            let shown = pty.wait_for("Saksliste", Duration::from_secs(10)).then(|| started.elapsed());
            let _ = pty.child.kill();
            let _ = pty.child.wait();
            std::thread::sleep(Duration::from_millis(100));
            shown
        })
        .collect();
    times.sort();
    times
}

/// The first frames of referent on a fresh copy of `session` each time.
fn referent_first_frames(session: &Path, dir: &Path, starts: usize) -> Vec<Duration> {
    let copy = dir.join("start.session.ron");
    let fresh = || {
        std::fs::copy(session, &copy).expect("a copy of the session");
        for leftover in [".journal", ".lock"] {
            let _ = std::fs::remove_file(dir.join(format!("start.session.ron{leftover}")));
        }
    };
    first_frames(env!("CARGO_BIN_EXE_referent"), &[&copy.display().to_string()], dir, starts, fresh)
}

/// referent on `session`, a new note open.
fn referent(name: &str, session: &Path, dir: &Path) -> Typist {
    let first_frames = referent_first_frames(session, dir, STARTS);
    let mut pty = Pty::start(env!("CARGO_BIN_EXE_referent"), &[&session.display().to_string()], dir);
    pty.wait_for("Saksliste", Duration::from_secs(10));
    pty.settle();
    pty.send(b"i");
    pty.wait_for("Esc", Duration::from_secs(5));
    pty.settle();
    // Esc closes the note (kept as a draft), Ctrl+C quits.
    Typist { name: name.into(), pty, first_frames, quit: &[b"\x1b", b"\x03"], latencies: Vec::new(), missed: 0 }
}

/// vim on `file`, in insert mode at its end.
fn vim(file: &Path, dir: &Path) -> Typist {
    let file = file.display().to_string();
    let args = ["--clean", "-n", file.as_str()];
    let first_frames = first_frames("vim", &args, dir, STARTS, || {});
    let mut pty = Pty::start("vim", &args, dir);
    pty.wait_for("Saksliste", Duration::from_secs(10));
    pty.settle();
    pty.send(b"Go");
    pty.wait_for("INSERT", Duration::from_secs(5));
    pty.settle();
    let name = "vim --clean, same size".into();
    Typist { name, pty, first_frames, quit: &[b"\x1b:q!\r"], latencies: Vec::new(), missed: 0 }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    // `cargo bench` passes --bench; anything else (a filter) is ignored.
    let keys: usize = std::env::var("KEYS").ok().and_then(|k| k.parse().ok()).unwrap_or(500);
    let dir = tempfile::tempdir().expect("a temp folder");
    let seed = dir.path().join("seed.session.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/normen-2025-06-03.session.ron");
    std::fs::copy(fixture, &seed).expect("the seed session");
    let large = dir.path().join("large.session.ron");
    let session = referent::cli::demo::session(300, 20_000).expect("the demo session");
    session_file::save(&large, &session).expect("the large session");
    // vim gets a file of the same size, with the word the first frame is recognised by.
    let plain = dir.path().join("large.txt");
    std::fs::write(&plain, format!("Saksliste\n{}", session_file::to_text(&session))).expect("the text file");

    // The seed meeting alone; the large session and vim by turns, key for key.
    let mut seed = [referent("referent, seed meeting", &seed, dir.path())];
    type_keys(&mut seed, keys);
    let mut runs = finish(seed.into());
    let mut side_by_side = [referent("referent, large session", &large, dir.path()), vim(&plain, dir.path())];
    type_keys(&mut side_by_side, keys);
    runs.extend(finish(side_by_side.into()));
    let size = std::fs::metadata(&large).map_or(0, |m| m.len());
    println!("typing latency, {keys} keys, write to echo; large session {:.1} MB", size as f64 / 1e6);
    println!(
        "| run | p50 | p99 | max | missed | first frame (median of {STARTS}) | slowest start | idle CPU | peak memory |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut p = Vec::new();
    for run in &runs {
        let mut sorted = run.latencies.clone();
        sorted.sort();
        let (p50, p99) = (percentile(&sorted, 0.5), percentile(&sorted, 0.99));
        p.push((p50, p99));
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {:.2} % | {:.1} MB |",
            run.name,
            ms(p50),
            ms(p99),
            ms(sorted.last().copied().unwrap_or_default()),
            run.missed,
            run.first_frames.get(run.first_frames.len() / 2).map_or_else(|| "never".into(), |d| ms(*d)),
            run.first_frames.last().map_or_else(|| "never".into(), |d| ms(*d)),
            run.idle_cpu,
            run.peak_kb as f64 / 1024.0,
        );
    }
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
    println!();
    println!(
        "large session against vim: p50 {:.2}×, p99 {:.2}× (budget: p50 ≤ 1×, p99 ≤ 1.5×)",
        ratio(p[1].0, p[2].0),
        ratio(p[1].1, p[2].1)
    );
}
