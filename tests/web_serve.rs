//! `referent AGENDA --serve`: the live meeting's web pages, from the real binary in a
//! pseudo-terminal. The address is on the live screen; the event stream follows the keys;
//! a flood of connections neither stops the meeting nor keeps the pages down; an address
//! that cannot be had opens nothing.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{Term, agenda_copy};

const AGENDA: &str = "normen-2025-06-03.ron";
const SESSION: &str = "normen-2025-06-03.session.ron";

/// The port of the chair's page, read off the live screen.
fn port_on_screen(term: &Term) -> u16 {
    term.wait_for("Nettvisning, Møteleder: http://");
    let text = term.text();
    let after = text.split("http://127.0.0.1:").nth(1).expect("the address on the screen");
    after.chars().take_while(char::is_ascii_digit).collect::<String>().parse().expect("a port")
}

fn stream(port: u16, path: &str) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    s
}

fn read_until(s: &mut TcpStream, seen: &mut String, what: &str, within: Duration) -> Duration {
    let start = Instant::now();
    let mut buf = [0u8; 8192];
    while !seen.contains(what) {
        assert!(start.elapsed() < within, "never saw {what:?} within {within:?}:\n{seen}");
        let n = s.read(&mut buf).unwrap_or(0);
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    start.elapsed()
}

fn status(port: u16, path: &str) -> u16 {
    let mut s = stream(port, path);
    let mut head = [0u8; 12];
    if s.read_exact(&mut head).is_err() {
        return 0;
    }
    String::from_utf8_lossy(&head[9..12]).parse().unwrap_or(0)
}

#[test]
fn the_pages_follow_the_meeting_and_a_flood_does_not_stop_it() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut live = Term::start(dir.path(), &[AGENDA, "--serve", "0"], 120, 30);
    live.wait_for("Møtet har ikke startet");
    let port = port_on_screen(&live);
    assert_eq!(status(port, "/"), 200);

    let mut events = stream(port, "/events");
    let mut seen = String::new();
    read_until(&mut events, &mut seen, "\"heading\":\"Møtet har ikke startet\"", Duration::from_secs(5));

    // 200 connections at once, holding on and sending nothing.
    let flood: Vec<TcpStream> = (0..200).filter_map(|_| TcpStream::connect(("127.0.0.1", port)).ok()).collect();
    assert!(flood.len() >= 100, "{}", flood.len());
    live.type_keys("n");
    let start = Instant::now();
    live.wait_for("Nå: Orienteringssak");
    assert!(start.elapsed() < Duration::from_secs(1), "the meeting was slowed: {:?}", start.elapsed());
    // The stream already open goes on through the flood.
    let took = read_until(&mut events, &mut seen, "\"heading\":\"Nå: Orienteringssak\"", Duration::from_secs(2));
    assert!(took < Duration::from_secs(1), "{took:?}");
    drop(flood);

    // Afterwards the pages are there again.
    let deadline = Instant::now() + Duration::from_secs(10);
    while status(port, "/room") != 200 {
        assert!(Instant::now() < deadline, "the pages never came back");
        std::thread::sleep(Duration::from_millis(100));
    }
    live.type_keys("n");
    live.wait_for("Nå: 01/25 Godkjenning");
    read_until(&mut events, &mut seen, "\"heading\":\"Nå: 01/25 Godkjenning\"", Duration::from_secs(2));
    live.type_keys("q");
    live.wait_for("Avslutte programmet?");
    live.type_keys("j");
    assert_eq!(live.wait_exit(), 0);
}

#[test]
fn a_bug_in_the_web_pages_leaves_the_meeting_running() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut live = Term::start_with(dir.path(), &[AGENDA, "--serve", "0"], 120, 30, &[("REFERENT_TEST_PANIC", "1")]);
    live.wait_for("Møtet har ikke startet");
    let port = port_on_screen(&live);
    assert_eq!(status(port, "/panic"), 0, "the connection of the request that panicked is closed");
    // The screen is still the meeting's, and it still moves.
    live.type_keys("n");
    live.wait_for("Nå: Orienteringssak");
    assert_eq!(status(port, "/"), 200, "the pages are still served");
    live.type_keys("q");
    live.wait_for("Avslutte programmet?");
    live.type_keys("j");
    assert_eq!(live.wait_exit(), 0);
    let log = std::fs::read_to_string(dir.path().join(".state/referent/referent.log")).unwrap_or_default();
    assert!(log.contains("a test panic in the web pages"), "{log}");
}

#[test]
fn an_address_that_cannot_be_served_opens_nothing() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA, "--serve", "99999"], 100, 20);
    assert_eq!(term.wait_exit(), 1);
    assert!(term.text().contains("«99999» er ikke en adresse å lytte på"), "{}", term.text());
    assert!(!dir.path().join(SESSION).exists(), "nothing opened");

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let at = taken.local_addr().unwrap().to_string();
    let mut term = Term::start(dir.path(), &[AGENDA, "--serve", &at], 100, 20);
    assert_eq!(term.wait_exit(), 1);
    assert!(term.text().contains(&format!("kan ikke lytte på {at}: ")), "{}", term.text());
    assert!(!dir.path().join(SESSION).exists(), "nothing opened");
}
