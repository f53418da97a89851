//! A very large session (3 000 saker, 200 000 notes: about 36 MB on disk): what a key
//! costs while the session is folded off the live loop, next to a fold in it (as on quit);
//! a structural change (its copy for undo included); and the memory each export takes
//! beyond the session's own, counted by the allocator. Prints a table for BENCHMARKS.md.
//!
//! `cargo bench --bench large` (SAKER=300 NOTES=20000 for a smaller one).

// Figures: counts and sizes far inside a float's range.
#![allow(clippy::cast_precision_loss)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use referent::app::key::{Code, Key, Mods};
use referent::app::{App, Input};
use referent::domain::agenda::Lang;
use referent::domain::time::Stamp;
use referent::referat::document::{self, Options};
use referent::referat::{docx, html, markdown};
use referent::store::autosave::{Autosave, FOLD_WHEN_IDLE};
use referent::store::journal::Journal;
use referent::store::session_file;
use referent::tui::Recorded;
use referent::{cli, i18n, theme};

/// The system's allocator, counting the bytes in use and the most there were.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator as it came; the counters are
// atomics and never touch the memory handed out.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promised of `layout`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this `layout`, as the caller promised.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn now() -> Stamp {
    Stamp::parse("2025-06-03 23:30:00").expect("a time")
}

fn key(app: &mut App, c: char) {
    app.update(Input::Key(Key::new(Code::Char(c), Mods::NONE)), now());
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let (saker, notes) = (env("SAKER", 3000), env("NOTES", 200_000));
    let session = cli::demo::session(saker, notes).expect("the demo session");
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = dir.path().join("large.session.ron");
    session_file::save(&path, &session).expect("saved");
    let size = std::fs::metadata(&path).expect("written").len();
    println!("A session of {saker} saker and {notes} notes: {:.1} MB on disk.\n", size as f64 / 1e6);
    println!("| what | figure |\n|---|---|");

    let copies: Vec<Duration> = (0..9)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(session.clone());
            t.elapsed()
        })
        .collect();
    println!("| a copy of the session (undo, the fold) | {:.2} ms (median of 9) |", ms(median(copies)));

    // The live loop's pieces: the app, its autosave on the file with a journal.
    let (theme, _) = theme::load(None, false);
    let mut app = App::new(session.clone(), i18n::words(Lang::Nb), theme);
    let base = std::fs::read(&path).expect("read back");
    let journal = Journal::start(&path, &base).expect("a journal");
    let mut autosave = Autosave::new(path.clone(), None, Some(journal), None);
    autosave.finish_reading(&mut app.session).expect("all read");

    // A structural change: the selected sak up, then down again, each saved.
    let moves: Vec<Duration> = (0..20)
        .map(|k| {
            let t = Instant::now();
            key(&mut app, if k % 2 == 0 { 'K' } else { 'J' });
            Recorded::record(&mut app, &mut autosave);
            t.elapsed()
        })
        .collect();
    println!("| a sak moved (K, J), with its undo copy and its save | {:.2} ms (median of 20) |", ms(median(moves)));

    // Keys while the session is folded: one every 10 ms for three seconds, each with the
    // live loop's tick after it; the first tick, after an idle spell, begins the fold.
    key(&mut app, 'i');
    Recorded::record(&mut app, &mut autosave);
    let t = Instant::now();
    autosave.tick(&app.session, FOLD_WHEN_IDLE);
    let begun = t.elapsed();
    let before = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let mut keys = Vec::new();
    for k in 0..300 {
        std::thread::sleep(Duration::from_millis(10));
        let t = Instant::now();
        key(&mut app, if k % 2 == 0 { 'x' } else { 'y' });
        Recorded::record(&mut app, &mut autosave);
        autosave.tick(&app.session, Duration::ZERO);
        keys.push(t.elapsed());
    }
    let folded = std::fs::metadata(&path).and_then(|m| m.modified()).ok() != before;
    assert_eq!(autosave.state(), &referent::store::autosave::SaveState::Saved, "saved all along");
    keys.sort();
    println!("| the tick that begins a fold | {:.2} ms |", ms(begun));
    println!(
        "| a key (and its tick) while the fold runs: p50 / p99 / worst of 300 | {:.2} / {:.2} / {:.2} ms{} |",
        ms(keys[150]),
        ms(keys[296]),
        ms(keys[299]),
        if folded { "" } else { " (the fold had not written within 3 s)" }
    );
    let t = Instant::now();
    autosave.close(&app.session);
    println!("| a fold in the live loop (as on quit) | {:.0} ms |", ms(t.elapsed()));
    drop((app, autosave));

    // Each export, beyond what the session itself holds.
    let words = i18n::words(Lang::Nb);
    for (name, render) in [
        (
            "Markdown",
            &(|d: &document::Document| markdown::render(d).into_bytes()) as &dyn Fn(&document::Document) -> Vec<u8>,
        ),
        ("HTML", &|d| html::render(d, Lang::Nb).into_bytes()),
        ("DOCX", &|d| docx::render(d, Lang::Nb).expect("a docx")),
    ] {
        let base = IN_USE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t = Instant::now();
        let bytes = render(&document::referat(&session, words, Options::default()));
        let took = t.elapsed();
        let peak = PEAK.load(Ordering::Relaxed) - base;
        println!(
            "| export {name}: {:.1} MB written | {:.0} ms, {:.0} MB at most beyond the session ({:.1}× its file) |",
            mb(bytes.len()),
            ms(took),
            mb(peak),
            peak as f64 / size as f64
        );
    }
}
