//! The costs a minute-taker feels, on the seed meeting and on a large session (300 saker,
//! 20 000 notes): load, save, draw one frame, type one character in the note editor
//! including its save (and with the drawing of it), a step of the walk with its save, and export in each
//! format. Run with `cargo bench`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use referent::app::key::{Code, Key, Mods};

use referent::app::{App, Input};
use referent::domain::agenda::Lang;
use referent::domain::command::Touched;
use referent::domain::session::Session;
use referent::domain::time::Stamp;
use referent::referat::document::{self, Options};
use referent::referat::{docx, html, markdown};
use referent::store::autosave::Autosave;
use referent::store::journal::Journal;
use referent::store::{lock, session_file};
use referent::theme;
use referent::tui::Recorded;
use referent::tui::screen::{Screen, Since};
use referent::tui::view;
use referent::{cli, i18n};

fn sessions() -> Vec<(&'static str, Session)> {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/normen-2025-06-03.session.ron");
    let seed = session_file::load(&seed).expect("the seed session");
    let large = cli::demo::session(300, 20_000).expect("the demo session");
    vec![("seed", seed), ("large", large)]
}

fn now() -> Stamp {
    Stamp::parse("2025-06-03 23:30:00").expect("a time")
}

fn app(session: Session) -> App {
    let (theme, _) = theme::load(None, false);
    App::new(session, i18n::words(Lang::Nb), theme)
}

/// Types a character into the open note, or rubs the last one out: what it touched.
fn type_key(typing: &mut App, toggle: &mut bool) -> Touched {
    *toggle = !*toggle;
    let code = if *toggle { Code::Char('x') } else { Code::Backspace };
    typing.update(Input::Key(Key::new(code, Mods::NONE)), now());
    typing.peek_touched()
}

/// `type_key`, saved as the live loop saves it (to the journal).
fn type_and_save(typing: &mut App, autosave: &mut Autosave, toggle: &mut bool) {
    type_key(typing, toggle);
    Recorded::record(typing, autosave);
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temp folder");
    for (name, session) in sessions() {
        let text = session_file::to_text(&session);
        c.bench_function(&format!("load/{name}"), |b| b.iter(|| session_file::parse(black_box(&text))));
        let path = dir.path().join(format!("{name}.session.ron"));
        c.bench_function(&format!("serialize/{name}"), |b| b.iter(|| session_file::to_text(black_box(&session))));
        c.bench_function(&format!("save/{name}"), |b| b.iter(|| session_file::save(&path, black_box(&session))));

        let shown = app(session.clone());
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
        c.bench_function(&format!("draw/{name}"), |b| {
            b.iter(|| terminal.draw(|f| view::draw(f, &shown, &view::ViewState::default(), now())).map(|_| ()));
        });

        // One character typed into the open note, then rubbed out again, each saved
        // before the next frame as the live loop does (to the journal).
        let mut typing = app(session.clone());
        session_file::save(&path, &session).expect("saved");
        let base = std::fs::read(&path).expect("read back");
        let journal = Journal::start(&path, &base).expect("a journal");
        let mut autosave =
            Autosave::new(path.clone(), Some(lock::acquire(&path).expect("a lock")), Some(journal), None);
        autosave.finish_reading(&mut typing.session).expect("all read");
        typing.update(Input::Key(Key::new(Code::Char('i'), Mods::NONE)), now());
        let mut toggle = false;
        c.bench_function(&format!("type_and_save/{name}"), |b| {
            b.iter(|| type_and_save(&mut typing, &mut autosave, &mut toggle));
        });

        // The same, drawn as the live loop draws a key: the editor's changed cells only.
        let mut screen =
            Screen::new(Terminal::new(TestBackend::new(200, 60)).expect("a test terminal")).expect("a screen");
        let at = now();
        // (The first key into an empty note makes the draft: the whole screen.)
        type_key(&mut typing, &mut toggle);
        screen.show(Recorded::record(&mut typing, &mut autosave), Since::Anything, at).expect("a whole frame");
        c.bench_function(&format!("type_save_draw/{name}"), |b| {
            b.iter(|| {
                let touched = type_key(&mut typing, &mut toggle);
                let whole =
                    screen.show(Recorded::record(&mut typing, &mut autosave), Since::Keys(touched), at).expect("drawn");
                assert!(!whole, "a key typed draws the editor's cells, not the whole screen");
            });
        });

        // A new second with nothing else changed: the parts that show the time.
        let mut second = 0;
        c.bench_function(&format!("clock_frame/{name}"), |b| {
            b.iter(|| {
                second += 1;
                let recorded = Recorded::record(&mut typing, &mut autosave);
                let whole = screen.show(recorded, Since::Nothing, at.plus_seconds(second)).expect("drawn");
                assert!(!whole, "a new second draws what shows the time, not the whole screen");
            });
        });

        // A step in the course of the meeting (`g` on the item below, then on the one
        // above), saved as the live loop saves it: a command in the journal, not the
        // whole session written anew.
        let walk_path = dir.path().join(format!("walk-{name}.session.ron"));
        session_file::save(&walk_path, &session).expect("saved");
        let base = std::fs::read(&walk_path).expect("read back");
        let journal = Journal::start(&walk_path, &base).expect("a journal");
        let mut walking = app(session.clone());
        let mut autosave = Autosave::new(walk_path.clone(), None, Some(journal), None);
        autosave.finish_reading(&mut walking.session).expect("all read");
        let mut down = false;
        c.bench_function(&format!("walk_and_save/{name}"), |b| {
            b.iter(|| {
                down = !down;
                let select = Key::new(if down { Code::Down } else { Code::Up }, Mods::NONE);
                walking.update(Input::Key(select), now());
                walking.update(Input::Key(Key::new(Code::Char('g'), Mods::NONE)), now());
                Recorded::record(&mut walking, &mut autosave);
            });
        });

        let words = i18n::words(Lang::Nb);
        c.bench_function(&format!("export_md/{name}"), |b| {
            b.iter(|| markdown::render(&document::referat(black_box(&session), words, Options::default())));
        });
        c.bench_function(&format!("export_html/{name}"), |b| {
            b.iter(|| html::render(&document::referat(black_box(&session), words, Options::default()), Lang::Nb));
        });
        c.bench_function(&format!("export_docx/{name}"), |b| {
            b.iter(|| docx::render(&document::referat(black_box(&session), words, Options::default()), Lang::Nb));
        });
    }
}

criterion_group! {
    name = referent;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(referent);
