//! The proof of the referat (issue 15): the seed meeting of 3 June 2025 typed live into
//! the real binary, in a pseudo-terminal, with the program's keys (the key script
//! tests/fixtures/normen-2025-06-03.keys, which also makes the fixture session), then
//! exported; the Markdown holds the seed's elements in their order.

mod common;
#[path = "seed/script.rs"]
mod script;

use std::time::{Duration, Instant};

use common::{Term, agenda_copy, run};
use referent::app::key::{Code, Key, Mods};

const AGENDA: &str = "normen-2025-06-03.ron";
const SESSION: &str = "normen-2025-06-03.session.ron";
const SCRIPT: &str = include_str!("fixtures/normen-2025-06-03.keys");
const ELEMENTS: &str = include_str!("fixtures/normen-2025-06-03.elements");
const GOLDEN: &str = include_str!("../src/referat/snapshots/referent__referat__tests__the_referat_as_markdown.snap");

/// What a terminal sends for `key`.
fn bytes(key: Key) -> Vec<u8> {
    let plain = |code: Code| -> Vec<u8> {
        match code {
            Code::Char(c) => c.to_string().into_bytes(),
            Code::Enter => b"\r".to_vec(),
            Code::Esc => b"\x1b".to_vec(),
            Code::Tab => b"\t".to_vec(),
            Code::BackTab => b"\x1b[Z".to_vec(),
            Code::Backspace => b"\x7f".to_vec(),
            Code::Delete => b"\x1b[3~".to_vec(),
            Code::Up => b"\x1b[A".to_vec(),
            Code::Down => b"\x1b[B".to_vec(),
            Code::Right => b"\x1b[C".to_vec(),
            Code::Left => b"\x1b[D".to_vec(),
            Code::Home => b"\x1b[H".to_vec(),
            Code::End => b"\x1b[F".to_vec(),
            other => panic!("the script has no use for {other:?}"),
        }
    };
    match key.code {
        Code::Char(c) if key.mods.contains(Mods::CONTROL) => {
            vec![u8::try_from(c.to_ascii_lowercase()).expect("Ctrl with an ASCII letter") & 0x1f]
        }
        code if key.mods.contains(Mods::ALT) => [b"\x1b".to_vec(), plain(code)].concat(),
        code => plain(code),
    }
}

/// The keys of `step`, its texts a character at a time.
fn keys(step: &script::Step) -> Vec<Key> {
    let mut out = Vec::new();
    for part in &step.parts {
        match part {
            script::Part::Keys(k) => {
                out.extend(Key::parse_seq(k).unwrap_or_else(|e| panic!("line {}: {e}", step.line)));
            }
            script::Part::Text(t) => out.extend(t.chars().map(Key::char)),
        }
    }
    out
}

/// Types `step` into the terminal, its keys in one go (as fast as a paste, but as keys).
/// An Esc ends a step and goes on its own, so that it does not read as Alt with a key
/// after it; the main screen is waited for (its key hints) before anything else is sent.
fn type_step(term: &mut Term, step: &script::Step) {
    let mut keys = keys(step);
    let esc = Key::new(Code::Esc, Mods::NONE);
    let ends_with_esc = keys.last() == Some(&esc);
    if ends_with_esc {
        keys.pop();
    }
    assert!(!keys.contains(&esc), "line {}: an Esc ends its step", step.line);
    let bytes: Vec<u8> = keys.into_iter().flat_map(bytes).collect();
    if !bytes.is_empty() {
        term.send(&bytes);
    }
    if ends_with_esc {
        term.type_keys("\u{1b}");
        wait_for_footer(term, MAIN_HINT);
    }
}

/// The key hint that ends the main screen's footer (the editor's ends with Esc).
const MAIN_HINT: &str = "q avslutt";

/// Waits until the last line of the screen (the key hints) shows `what`.
fn wait_for_footer(term: &Term, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if term.text().lines().rev().find(|l| !l.trim().is_empty()).is_some_and(|l| l.contains(what)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the key hints never showed {what:?}:\n{}", term.text());
}

/// Whether `step` types text: after it, the app takes letters as text (and asks before a
/// key that moves the meeting on) until the keyboard has been quiet a moment.
fn types_text(step: &script::Step) -> bool {
    step.parts.iter().any(|p| matches!(p, script::Part::Text(_)))
}

/// The minute-taker stops a moment after typing, before a command key: longer than the
/// app waits for the end of a burst (`app::typing::QUIET_AFTER`), with room for a slow
/// machine to notice.
fn pause() {
    std::thread::sleep(referent::app::typing::QUIET_AFTER + Duration::from_millis(400));
}

/// `md` without the day it was held: the Møtetidspunkt line goes, and every date
/// ("18.08.25", a frist read from "18. august") reads "dd.mm.yy".
fn without_dates(md: &str) -> String {
    let mut out = String::new();
    for line in md.lines().filter(|l| !l.starts_with("**Møtetidspunkt:**")) {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let date = chars.len() - i >= 8
                && (0..8).all(|k| if k % 3 == 2 { chars[i + k] == '.' } else { chars[i + k].is_ascii_digit() });
            if date {
                out += "dd.mm.yy";
                i += 8;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_seed_meeting_typed_live_gives_the_seed_s_referat() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 120, 40);
    term.wait_for("Møtet har ikke startet");
    let steps = script::steps(SCRIPT).unwrap();
    let mut typed = false;
    for step in &steps {
        // A step that does not go on typing comes after a pause, when the one before typed.
        if typed && !step.types_on() {
            pause();
        }
        let shows = step.shows.unwrap_or_else(|| panic!("line {}: says nothing of what the screen shows", step.line));
        assert!(!term.text().contains(shows), "line {}: the screen shows {shows:?} before the step", step.line);
        type_step(&mut term, step);
        term.wait_for(shows);
        typed = types_text(step);
    }
    pause();
    term.type_keys("q");
    assert_eq!(term.wait_exit(), 0, "{}", term.text());

    let (code, md, err) = run(dir.path(), &["export", SESSION, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    if let Err(problem) = script::in_order(&md, ELEMENTS) {
        panic!("{problem}:\n{md}");
    }
    // The same keys at other times, on another day: the referat of the fixture.
    let golden = GOLDEN.splitn(3, "---\n").nth(2).unwrap();
    assert_eq!(without_dates(&md), without_dates(golden), "the live referat is the fixture's");
}
