//! A kill between any two system calls of saving (issue 19), and a disk that refuses.
//!
//! `every_echo_survives_a_kill_at_any_system_call_of_saving`: the real binary runs a short
//! meeting in a pty under `strace`, whose fault injection sends it SIGKILL on entering the
//! N-th call of one kind (`openat`, `write`, `fsync`, `fdatasync`, `renameat`, `unlink`,
//! `ftruncate`, ...), one kill per run. The calls counted are those on the session's own
//! files and folder (`strace -P`: the session file, its journal, its lock, the folder), so
//! that the N-th call is the same one in every run: the terminal's writes and the `/dev/tty`
//! opens, which come with the clock, are not counted. The temp file of an atomic write has
//! a name no one can guess, which `-P` cannot name: its `fsync` (written whole, not yet
//! renamed) is swept once more, with every `fsync` counted; a kill on its `openat` or
//! `write` leaves less of it (no temp, an empty one) and is not run. One run without a
//! kill, traced, says how many calls of each kind the script makes; the sweep kills at
//! every one of them (40 runs, two at a time: about two minutes), and each kill must come
//! (but `fdatasync`, whose count goes with the clock). strace counts per call and per
//! thread: the N-th `fsync` is the first thread's to get there, so the sync thread's
//! flush of the folder stands behind the main thread's; a kill is no power cut, and at an
//! `fsync` it leaves the files as they are just before and just after it.
//!
//! The script: start the meeting, write a note and file it, wait for the fold when idle,
//! write and file another, go to the next sak, quit. After each kill referent is started
//! again on the same agenda and left with Ctrl+C; then everything the screen had echoed
//! before the kill (the meeting started, each character of a note, the note filed, the
//! next sak) must be in the session, or in a journal set aside that the restarted screen
//! told of; no temp file, lock or journal is left behind.
//!
//! `the_saved_mark_is_never_shown_while_the_disk_refuses`: from the moment a write is
//! refused, the status line never shows the saved mark until the disk takes writes
//! again, and when it shows it again, what was typed meanwhile is on disk.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::Term;

const AGENDA: &str = "normen-2025-06-03.ron";
const SESSION: &str = "normen-2025-06-03.session.ron";
/// The meeting's folder, beside the folder referent runs in: the calls on the folder
/// it runs in (`AT_FDCWD`) are then not counted as calls on the session's folder.
const FOLDER: &str = "mote";
/// The file system calls of saving.
const CALLS: &str = "openat,write,pwrite64,fsync,fdatasync,rename,renameat,renameat2,unlink,unlinkat,ftruncate,linkat";
/// The status line's mark for a session saved.
const SAVED: &str = "● lagret";

/// Where strace is, if it is installed. On CI it must be; elsewhere a test without it
/// says so and is not run.
fn strace(test: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).map(|p| p.join("strace")).find(|p| p.is_file()))
        .unwrap_or_default();
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "{test}: strace is not installed (apt-get install strace)");
        eprintln!("{test}: strace is not installed; not run");
    }
    found
}

/// A kill: on entering the `n`-th call `call` on the session's files (or on any file).
#[derive(Clone, Debug)]
struct Kill {
    call: &'static str,
    n: usize,
    any_file: bool,
}

impl std::fmt::Display for Kill {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let on = if self.any_file { "on any file" } else { "on the session's files" };
        write!(f, "SIGKILL at {}#{} ({on})", self.call, self.n)
    }
}

/// Something the screen showed, which must then be in the session.
#[derive(Clone, Debug)]
enum Fact {
    /// The meeting stands at this sak (or a later one: a next not yet drawn).
    Current(usize),
    /// A draft or a note begins with this text.
    Typed(String),
    /// A note with this text is filed.
    Filed(&'static str),
}

impl Fact {
    fn holds(&self, session: &str, aside: &str) -> bool {
        match self {
            Fact::Current(n) => current(session).is_some_and(|c| c >= *n),
            Fact::Typed(t) => [session, aside].iter().any(|s| s.contains(&format!("text: \"{t}"))),
            Fact::Filed(t) => [session, aside].iter().any(|s| {
                s.lines().any(|l| l.contains("Note(") && l.contains(&format!("text: \"{t}\")")))
                    || s.lines().any(|l| l.contains("Change(Item(") && l.contains(&format!("text:\"{t}\"")))
            }),
        }
    }
}

/// The sak the session stands at.
fn current(session: &str) -> Option<usize> {
    let rest = session.split("current: ").nth(1)?;
    rest.split(',').next()?.trim().parse().ok()
}

/// One step of the script, and what the screen shows once it is done.
enum Step {
    Press(&'static str, &'static str, Option<usize>),
    Write(&'static str),
    File(&'static str, &'static str),
    Idle,
    Quit,
}

/// Short, with the saving it makes: the journal (keys), the fold when idle (the session
/// written whole, a new journal), commands in the journal, the fold on quit.
const SCRIPT: &[Step] = &[
    Step::Press("n", "Nå: Orienteringssak", Some(0)),
    Step::Press("i", "Nytt innspill", None),
    Step::Write("§Hei"),
    Step::File("§Hei", "Innspill og kommentarer (1)"),
    Step::Idle,
    Step::Press("i", "Nytt innspill", None),
    Step::Write("¤To"),
    Step::File("¤To", "Innspill og kommentarer (2)"),
    Step::Press("n", "Nå: 01/25 Godkjenning", Some(1)),
    Step::Quit,
];

/// What a run of the script showed: each fact, and whether the saved mark was on the
/// screen with it; whether it got to the end.
#[derive(Default)]
struct Shown {
    facts: Vec<(Fact, bool)>,
    finished: bool,
}

/// Waits until the screen shows `what` (true) or the program has ended without showing it
/// (false). A program that neither shows it nor ends in 15 s is a failure of its own.
fn seen(term: &mut Term, what: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if term.text().contains(what) {
            return true;
        }
        if term.child.try_wait().ok().flatten().is_some() {
            // (The last bytes it wrote may still be on their way to the screen.)
            std::thread::sleep(Duration::from_millis(100));
            return term.text().contains(what);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the screen never showed {what:?} and the program did not end:\n{}", term.text());
}

fn journal_lines(folder: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(folder.join(format!("{SESSION}.journal"))).ok()?;
    Some(text.lines().count())
}

/// Types the script into `term`, step by step, until its end or the program's.
fn drive(term: &mut Term, folder: &Path) -> Shown {
    let mut shown = Shown::default();
    let note = |term: &Term, shown: &mut Shown, fact: Fact| {
        let saved = term.text().contains(SAVED);
        shown.facts.push((fact, saved));
    };
    if !seen(term, "Møtet har ikke startet") {
        return shown;
    }
    for step in SCRIPT {
        match step {
            Step::Press(keys, then, at) => {
                term.type_keys(keys);
                if !seen(term, then) {
                    return shown;
                }
                if let Some(n) = at {
                    note(term, &mut shown, Fact::Current(*n));
                }
            }
            Step::Write(text) => {
                let mut typed = String::new();
                for c in text.chars() {
                    typed.push(c);
                    term.type_keys(&c.to_string());
                    if !seen(term, &typed) {
                        return shown;
                    }
                    note(term, &mut shown, Fact::Typed(typed.clone()));
                }
            }
            Step::File(text, then) => {
                term.send(b"\x1b");
                if !seen(term, then) {
                    return shown;
                }
                note(term, &mut shown, Fact::Filed(text));
            }
            Step::Idle => {
                // Until the fold has started a journal anew (its base line only).
                let deadline = Instant::now() + Duration::from_secs(15);
                while journal_lines(folder) != Some(1) {
                    if term.child.try_wait().ok().flatten().is_some() {
                        return shown;
                    }
                    assert!(Instant::now() < deadline, "no fold when idle:\n{}", term.text());
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            Step::Quit => {
                term.type_keys("q");
                if !seen(term, "Avslutte programmet?") {
                    return shown;
                }
                term.type_keys("j");
                shown.finished = term.wait_exit() == 0;
            }
        }
    }
    shown
}

/// A folder with the agenda in `FOLDER` beside where referent runs.
fn meeting() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(FOLDER);
    std::fs::create_dir(&folder).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas").join(AGENDA);
    std::fs::copy(src, folder.join(AGENDA)).unwrap();
    common::held_today(&folder.join(AGENDA));
    dir
}

/// The paths strace counts calls on: the session's files and folder, as referent names
/// them (relative) and as the kernel does (a descriptor's path).
fn session_paths(root: &Path) -> Vec<String> {
    let real = root.canonicalize().unwrap().join(FOLDER);
    let mut paths = vec![FOLDER.to_string(), real.display().to_string()];
    for name in [SESSION.to_string(), format!("{SESSION}.journal"), format!("{SESSION}.lock")] {
        paths.push(format!("{FOLDER}/{name}"));
        paths.push(real.join(&name).display().to_string());
    }
    paths
}

/// referent on the meeting's agenda, under strace with `options`.
fn traced(strace: &Path, root: &Path, options: &[String]) -> Term {
    let mut args: Vec<String> = ["-f", "-qq"].iter().map(ToString::to_string).collect();
    args.extend(options.iter().cloned());
    args.extend(["-e".into(), format!("trace={CALLS}"), "--".into(), env!("CARGO_BIN_EXE_referent").into()]);
    args.push(format!("{FOLDER}/{AGENDA}"));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Term::start_program(strace.to_str().unwrap(), root, &args, 100, 30, &[])
}

/// How many calls of each kind a run of the script makes, on the session's files and (for
/// `fsync`) on any file: the most any one thread made; and which of the `fsync`s on any
/// file (counted in their thread) are on a temp file.
fn count_calls(strace: &Path) -> (BTreeMap<String, usize>, Vec<usize>) {
    let dir = meeting();
    let trace = dir.path().join("trace");
    let mut term = traced(strace, dir.path(), &["-y".into(), "-o".into(), trace.display().to_string()]);
    let shown = drive(&mut term, &dir.path().join(FOLDER));
    assert!(shown.finished, "the script runs to its end under strace:\n{}", term.text());
    let paths = session_paths(dir.path());
    let mut ours: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut fsyncs: BTreeMap<String, usize> = BTreeMap::new();
    let mut on_temps = Vec::new();
    for line in std::fs::read_to_string(&trace).unwrap().lines() {
        let Some((tid, call)) = line.split_once(' ') else { continue };
        let call = call.trim_start();
        let Some((name, _)) = call.split_once('(') else { continue };
        if name.starts_with('<') || name.contains(' ') {
            continue; // "<... resumed>", "+++ exited"
        }
        if name == "fsync" {
            let n = fsyncs.entry(tid.to_string()).or_default();
            *n += 1;
            if call.contains(".tmp>") {
                on_temps.push(*n);
            }
        }
        // As strace -P matches: a path in quotes, or a descriptor's path in <>.
        let quoted = call.split('"').skip(1).step_by(2);
        let described = call.split('<').skip(1).filter_map(|s| s.split('>').next());
        if quoted.chain(described).any(|p| paths.iter().any(|q| q == p)) {
            *ours.entry((name.to_string(), tid.to_string())).or_default() += 1;
        }
    }
    let mut most = BTreeMap::new();
    for ((name, _), n) in ours {
        let m = most.entry(name).or_insert(0);
        *m = n.max(*m);
    }
    on_temps.sort_unstable();
    on_temps.dedup();
    (most, on_temps)
}

/// What a run under a kill came to: whether the kill cut the script short, how many
/// facts the screen had shown by then, and what went wrong.
struct Outcome {
    cut_short: bool,
    facts: usize,
    wrong: Vec<String>,
}

/// Runs the script under `kill`, starts referent again and leaves it.
fn killed_at(strace: &Path, kill: &Kill) -> Outcome {
    let dir = meeting();
    let root = dir.path();
    let folder = root.join(FOLDER);
    let mut options = Vec::new();
    if !kill.any_file {
        for p in session_paths(root) {
            options.extend(["-P".to_string(), p]);
        }
    }
    options.extend(["-o".into(), "/dev/null".into()]);
    options.extend(["-e".into(), format!("inject={}:signal=KILL:when={}", kill.call, kill.n)]);
    let mut term = traced(strace, root, &options);
    let shown = drive(&mut term, &folder);
    if !shown.finished {
        term.wait_exit();
    }
    drop(term);

    let mut wrong = Vec::new();
    let mut term = Term::start(root, &[&format!("{FOLDER}/{AGENDA}")], 100, 30);
    if !seen(&mut term, SAVED) {
        let wrong = vec![format!("{kill}: the restart did not show the session saved:\n{}", term.text())];
        return Outcome { cut_short: true, facts: shown.facts.len(), wrong };
    }
    let said = term.text();
    term.send(&[3]);
    let code = term.wait_exit();
    let left = term.text();
    if code != 0 {
        wrong.push(format!("{kill}: the restart ended with {code}:\n{left}"));
    }
    let names: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    for name in &names {
        if name.starts_with('.') && Path::new(name).extension().is_some_and(|e| e == "tmp") {
            wrong.push(format!("{kill}: a temp file is left behind: {name}"));
        }
        if name == &format!("{SESSION}.lock") || name == &format!("{SESSION}.journal") {
            wrong.push(format!("{kill}: left behind after a clean quit: {name}"));
        }
    }
    let aside: Vec<&String> = names.iter().filter(|n| n.starts_with(&format!("{SESSION}.journal."))).collect();
    let told = said.contains("lagt til side") || said.contains("tatt vare på");
    if !aside.is_empty() && !told {
        wrong.push(format!("{kill}: a journal was set aside ({aside:?}) and the screen did not say so:\n{said}"));
    }
    let aside_text: String = aside.iter().filter_map(|n| std::fs::read_to_string(folder.join(n)).ok()).collect();
    let session = std::fs::read_to_string(folder.join(SESSION)).unwrap_or_default();
    for (fact, saved) in &shown.facts {
        if !fact.holds(&session, &aside_text) {
            let mark = if *saved { ", with the saved mark," } else { "" };
            wrong.push(format!("{kill}: the screen showed {fact:?}{mark} and it is lost:\n{session}"));
        }
    }
    Outcome { cut_short: !shown.finished, facts: shown.facts.len(), wrong }
}

/// Every kill of the sweep (see the module's comment), one run each, on two threads.
#[test]
fn every_echo_survives_a_kill_at_any_system_call_of_saving() {
    let Some(strace) = strace("every_echo_survives_a_kill_at_any_system_call_of_saving") else { return };
    let (calls, temp_fsyncs) = count_calls(&strace);
    assert!(!temp_fsyncs.is_empty(), "the session is written through a temp file");
    assert!(calls.get("renameat").copied().unwrap_or(0) + calls.get("rename").copied().unwrap_or(0) >= 4, "{calls:?}");
    let mut kills: Vec<Kill> = Vec::new();
    for (call, &count) in &calls {
        let call: &'static str = CALLS.split(',').find(|c| c == call).unwrap();
        kills.extend((1..=count).map(|n| Kill { call, n, any_file: false }));
    }
    kills.extend(temp_fsyncs.iter().map(|&n| Kill { call: "fsync", n, any_file: true }));
    eprintln!("{} kills: {calls:?}, and fsync {temp_fsyncs:?} on any file", kills.len());
    let queue = Mutex::new(kills);
    let wrong = Mutex::new(Vec::new());
    let most_facts = Mutex::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(kill) = queue.lock().unwrap().pop() {
                    let outcome = killed_at(&strace, &kill);
                    let mut wrong = wrong.lock().unwrap();
                    wrong.extend(outcome.wrong);
                    let mut most = most_facts.lock().unwrap();
                    *most = outcome.facts.max(*most);
                    // (How often the syncer thread flushes the journal goes with the clock.)
                    if !outcome.cut_short && kill.call != "fdatasync" {
                        wrong.push(format!("{kill}: never came, the script ran to its end"));
                    }
                }
            });
        }
    });
    let wrong = wrong.into_inner().unwrap();
    // Some run showed, and had checked, every fact of the script.
    assert_eq!(most_facts.into_inner().unwrap(), 11, "the facts of the script: 1 + 4 + 1 + 3 + 1 + 1");
    assert!(wrong.is_empty(), "{} kills lost what was shown:\n{}", wrong.len(), wrong.join("\n\n"));
}

/// A disk that refuses writes while the meeting runs: a small tmpfs filled to the last
/// byte (as root, for whom a folder's mode is no bar), else the session's folder made
/// read-only (`chmod 0500`). From the first refusal said on screen, the saved mark never
/// shows while the disk refuses, however much is typed and retried; once the disk takes
/// writes again, the mark comes back, and by then what was typed is on disk.
#[test]
fn the_saved_mark_is_never_shown_while_the_disk_refuses() {
    let dir = meeting();
    let folder = dir.path().join(FOLDER);
    let root = std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let (small, session) = if root {
        let disk = dir.path().join("liten-disk");
        let Some(small) = common::SmallDisk::mount(&disk) else {
            eprintln!("the_saved_mark_is_never_shown_while_the_disk_refuses: root, and cannot mount a tmpfs; not run");
            return;
        };
        (Some(small), disk.join(SESSION))
    } else {
        (None, folder.join(SESSION))
    };
    let refuse = || match &small {
        Some(small) => small.fill(),
        None => set_mode(&folder, 0o500),
    };
    let allow = || match &small {
        Some(small) => small.empty(),
        None => set_mode(&folder, 0o700),
    };
    let agenda = format!("{FOLDER}/{AGENDA}");
    let mut term = Term::start(dir.path(), &[&agenda, "--session", session.to_str().unwrap()], 100, 30);
    term.start_a_note();
    term.type_keys("Før");
    term.wait_for("Før");
    term.wait_for(SAVED);
    refuse();
    term.type_keys(" nekter");
    term.wait_for("IKKE LAGRET");
    // Three retries and more keys: never the mark.
    let typed = "Før nekter disken";
    let until = Instant::now() + Duration::from_millis(3500);
    let mut more = " disken".chars();
    while Instant::now() < until {
        let screen = term.text();
        assert!(!screen.contains(SAVED), "the saved mark while the disk refuses:\n{screen}");
        assert!(screen.contains("IKKE LAGRET"), "{screen}");
        if let Some(c) = more.next() {
            term.type_keys(&c.to_string());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(term.text().contains(typed), "{}", term.text());
    allow();
    term.wait_for(SAVED);
    let on_disk = common::session_text(&session);
    assert!(
        on_disk.contains(&format!("text: \"{typed}\"")),
        "the mark is back, and what was typed is on disk:\n{on_disk}"
    );
    term.send(&[3]);
    assert_eq!(term.wait_exit(), 0, "{}", term.text());
    assert!(std::fs::read_to_string(&session).unwrap().contains(typed));
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}
