//! The pages over real HTTP on this machine: access, the views, the event stream, what is
//! refused, and a flood of connections.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use super::*;
use crate::domain::command::Command;
use crate::domain::session::Session;
use crate::domain::session::tests::at;
use crate::i18n::words;

fn seed() -> Session {
    let text = include_str!("../../agendas/normen-2025-06-03.ron");
    Session::new(crate::store::agenda_file::parse(text).unwrap().agenda)
}

fn views(session: &Session, now: &str) -> Views {
    Views::of(session, &session.schedule(), at(now), words(Lang::Nb))
}

fn connect(address: SocketAddr) -> TcpStream {
    let to = SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), address.port());
    let stream = TcpStream::connect(to).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    stream
}

/// A whole answer to `method path` with `host`: status and everything after the status line.
fn ask(address: SocketAddr, method: &str, path: &str, host: &str) -> (u16, String) {
    let mut stream = connect(address);
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let status = answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, answer)
}

/// Reads the event stream on `stream` until it has said `what`.
fn read_until(stream: &mut TcpStream, seen: &mut String, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut buf = [0u8; 4096];
    while !seen.contains(what) {
        assert!(Instant::now() < deadline, "the stream never said {what:?}:\n{seen}");
        let n = stream.read(&mut buf).unwrap_or(0);
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
}

fn local() -> (Served, String) {
    let served = start("0", words(Lang::Nb), Lang::Nb).unwrap();
    let host = format!("127.0.0.1:{}", served.address().port());
    (served, host)
}

#[test]
fn on_this_machine_the_pages_are_served_to_its_own_names_only() {
    let (served, host) = local();
    assert_eq!(served.url(), format!("http://{host}/"), "no token needed");
    let (status, page) = ask(served.address(), "GET", "/", &host);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<html lang=\"nb\">") && page.contains("new EventSource("), "{page}");
    assert!(page.contains("content-security-policy: default-src 'none'"), "{page}");
    assert!(!page.contains("src=\"http") && !page.contains("href=") && !page.contains("@import"), "self-contained");
    assert!(page.contains("name=\"viewport\""), "readable on a phone");
    assert_eq!(ask(served.address(), "GET", "/room", &host).0, 200);
    assert_eq!(ask(served.address(), "GET", "/", &format!("rebound.example:{}", served.address().port())).0, 403);
    assert_eq!(ask(served.address(), "GET", "/nothing", &host).0, 404);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        assert_eq!(ask(served.address(), method, "/", &host).0, 405, "{method}");
        assert_eq!(ask(served.address(), method, "/events", &host).0, 405, "{method}");
    }
    // Not HTTP at all: answered 400 and closed, and the next one is served.
    let mut junk = connect(served.address());
    junk.write_all(b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03garbage\r\n\r\n").unwrap();
    let mut answer = String::new();
    let _ = junk.read_to_string(&mut answer);
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert_eq!(ask(served.address(), "GET", "/", &host).0, 200);
}

#[test]
fn beyond_this_machine_every_url_needs_the_token() {
    let served = start("0.0.0.0:0", words(Lang::Nb), Lang::Nb).unwrap();
    let token = served.url().split("?t=").nth(1).expect("a token in the URL").to_string();
    assert!(served.room_url().ends_with(&format!("/room?t={token}")), "{}", served.room_url());
    let any = "192.0.2.1";
    for path in ["/", "/room", "/events", "/events?view=room", "/nothing", "/?t=", "/?t=0123"] {
        assert_eq!(ask(served.address(), "GET", path, any).0, 403, "{path}");
    }
    assert_eq!(ask(served.address(), "POST", "/", any).0, 403, "refused before anything else");
    assert_eq!(ask(served.address(), "GET", &format!("/?t={token}"), any).0, 200);
    assert_eq!(ask(served.address(), "GET", &format!("/room?t={token}"), any).0, 200);
    assert_eq!(ask(served.address(), "GET", &format!("/nothing?t={token}"), any).0, 404);
}

#[test]
fn the_event_stream_delivers_each_change_and_the_room_sees_no_names() {
    let (served, host) = local();
    let mut session = seed();
    served.publish(views(&session, "09:55:00"));
    let mut chair = connect(served.address());
    write!(chair, "GET /events HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut seen = String::new();
    read_until(&mut chair, &mut seen, "\"heading\":\"Møtet har ikke startet\"");
    assert!(seen.contains("content-type: text/event-stream"), "{seen}");

    session.apply(Command::Next, at("10:00:00")).unwrap();
    session.apply(Command::Next, at("10:04:00")).unwrap();
    served.publish(views(&session, "10:05:10"));
    read_until(&mut chair, &mut seen, "\"heading\":\"Nå: 01/25 Godkjenning\"");
    read_until(&mut chair, &mut seen, "\"timer\":\"01:10\"");

    let mut room = connect(served.address());
    write!(room, "GET /events?view=room HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut seen = String::new();
    read_until(&mut room, &mut seen, "Normen 7.0");
    read_until(&mut room, &mut seen, "\"current\":true");
    for person in &session.agenda.people {
        if let Some(name) = &person.name {
            assert!(!seen.contains(name.as_str()), "{name} in the room's view:\n{seen}");
        }
    }
    assert!(!seen.contains("presenter"), "{seen}");

    // Asked for, the presenters are named.
    let mut named = connect(served.address());
    write!(named, "GET /events?view=room&names=1 HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut seen = String::new();
    read_until(&mut named, &mut seen, "\"presenter\":\"Sekretariatet\"");
}

#[test]
fn a_flood_of_connections_is_bounded_and_the_pages_come_back() {
    let (served, host) = local();
    // Far more than are served at once, sending nothing.
    let flood: Vec<TcpStream> =
        (0..200).filter_map(|_| TcpStream::connect(("127.0.0.1", served.address().port())).ok()).collect();
    assert!(flood.len() > MOST, "{}", flood.len());
    // Those over the bound are closed at once (read: 0 bytes, or reset).
    let closed = flood
        .iter()
        .filter(|s| {
            s.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
            matches!((&**s).read(&mut [0u8; 1]), Ok(0) | Err(_)) && s.peer_addr().is_ok()
        })
        .count();
    assert!(closed >= flood.len() - MOST, "{closed} of {}", flood.len());
    // Gone, they leave the server as it was.
    drop(flood);
    let deadline = Instant::now() + Duration::from_secs(5);
    while ask(served.address(), "GET", "/", &host).0 != 200 {
        assert!(Instant::now() < deadline, "the pages never came back");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_address_that_is_none_or_taken_is_said() {
    let w = words(Lang::Nb);
    assert_eq!(start("nowhere", w, Lang::Nb).err().unwrap(), (w.chair.bad_address)("nowhere"));
    let (served, _) = local();
    let taken = format!("127.0.0.1:{}", served.address().port());
    let said = start(&taken, w, Lang::Nb).err().unwrap();
    assert!(said.starts_with(&format!("kan ikke lytte på {taken}: ")), "{said}");
}

#[test]
fn a_request_head_sent_too_slowly_is_cut_off() {
    let (served, host) = local();
    let mut slow = connect(served.address());
    slow.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    // Half a head, then nothing more (slowloris).
    write!(slow, "GET / HTTP/1.1\r\nHost: {host}\r\nX-Slow: ").unwrap();
    let start = Instant::now();
    let mut answer = String::new();
    let read = slow.read_to_string(&mut answer);
    assert!(start.elapsed() < Duration::from_secs(10), "held for {:?}", start.elapsed());
    assert!(read.is_err() || answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "{answer}");
}
