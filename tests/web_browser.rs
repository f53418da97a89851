//! The live page in a real browser: headless Chromium (driven through chromedriver's
//! `WebDriver` protocol) opens the chair's and the room's pages of a meeting run in a
//! pseudo-terminal, and sees the clock run and the current sak change as the meeting moves
//! on, and the page come back by itself after the server was gone.
//!
//! Without Chromium (or chromedriver) the test says so and passes, except under CI (`CI`
//! set), where `.ci/run` installs them and a missing browser fails.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Term, agenda_copy};
use serde_json::{Value, json};

const AGENDA: &str = "normen-2025-06-03.ron";

fn find(names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path).map(|d| d.join(n)).find(|p| p.is_file()).map(|p| p.display().to_string())
    })
}

/// A request to chromedriver; its JSON answer's `value`.
fn webdriver(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("chromedriver answers");
    s.set_read_timeout(Some(Duration::from_mins(1))).unwrap();
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // (chromedriver may keep the connection open: the answer is read as long as it says.)
    let mut answer = Vec::new();
    let mut buf = [0u8; 16384];
    let (head, length) = loop {
        let n = s.read(&mut buf).expect("chromedriver answers");
        assert!(n > 0, "chromedriver closed: {}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&buf[..n]);
        if let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&answer[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .expect("a content-length");
            answer.drain(..end + 4);
            break (head, length);
        }
    };
    while answer.len() < length {
        let n = s.read(&mut buf).expect("the rest of the answer");
        assert!(n > 0, "cut off: {head}");
        answer.extend_from_slice(&buf[..n]);
    }
    let body = String::from_utf8_lossy(&answer[..length]).into_owned();
    let json: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {head}\n{body}"));
    json["value"].clone()
}

struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(chromium: &str, chromedriver: &str) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver never listened");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--no-first-run".into(),
            format!("--user-data-dir={}", profile.path().display()),
            "--window-size=412,915".into(),
        ];
        let capabilities =
            json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"binary": chromium, "args": args}}}});
        let value = webdriver(port, "POST", "/session", Some(&capabilities));
        let session = value["sessionId"].as_str().unwrap_or_else(|| panic!("no browser session: {value}")).to_string();
        Browser { driver, port, session, _profile: profile }
    }

    fn open(&self, url: &str) {
        webdriver(self.port, "POST", &format!("/session/{}/url", self.session), Some(&json!({"url": url})));
    }

    /// The text of the element `id`.
    fn text(&self, id: &str) -> String {
        let script = json!({"script": "const e = document.getElementById(arguments[0]); return e ? e.textContent : null;", "args": [id]});
        let value = webdriver(self.port, "POST", &format!("/session/{}/execute/sync", self.session), Some(&script));
        value.as_str().unwrap_or_default().to_string()
    }

    /// Waits until `check` holds of the page (10 s at most).
    fn wait(&self, what: &str, check: impl Fn(&Browser) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !check(self) {
            assert!(
                Instant::now() < deadline,
                "the page never showed {what}: heading {:?}, clock {:?}, timer {:?}, body class {:?}",
                self.text("heading"),
                self.text("clock"),
                self.text("timer"),
                self.body_class()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn body_class(&self) -> String {
        let script = json!({"script": "return document.body.className;", "args": []});
        webdriver(self.port, "POST", &format!("/session/{}/execute/sync", self.session), Some(&script))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = TcpStream::connect(("127.0.0.1", self.port)).map(|_| {
            webdriver(self.port, "DELETE", &format!("/session/{}", self.session), None);
        });
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn is_clock(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
}

#[test]
fn a_browser_sees_the_clock_run_and_the_sak_change() {
    let (Some(chromium), Some(chromedriver)) =
        (find(&["chromium", "chromium-browser", "google-chrome"]), find(&["chromedriver"]))
    else {
        assert!(std::env::var_os("CI").is_none(), "CI must have chromium and chromedriver (see .ci/run)");
        println!("skipped: chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
        return;
    };
    let (dir, _) = agenda_copy(AGENDA);
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let serve = port.to_string();
    let mut live = Term::start(dir.path(), &[AGENDA, "--serve", &serve], 120, 30);
    live.wait_for("Møtet har ikke startet");
    live.wait_for(&format!("http://127.0.0.1:{port}/"));

    let browser = Browser::start(&chromium, &chromedriver);
    browser.open(&format!("http://127.0.0.1:{port}/"));
    browser.wait("the meeting not started", |b| b.text("heading") == "Møtet har ikke startet");
    assert!(is_clock(&browser.text("clock")), "{:?}", browser.text("clock"));
    assert!(browser.text("next").contains("01/25 Godkjenning av innkalling og dagsorden"), "{}", browser.text("next"));

    live.type_keys("n");
    live.wait_for("Nå: Orienteringssak");
    browser.wait("the first item", |b| b.text("heading") == "Nå: Orienteringssak");
    browser.wait("its timer", |b| b.text("timer").starts_with("00:0"));
    let first = browser.text("timer");
    browser.wait("the timer running", |b| b.text("timer") != first && b.text("timer").starts_with("00:0"));
    assert!(browser.text("left").ends_with("igjen"), "{}", browser.text("left"));

    live.type_keys("n");
    live.wait_for("Nå: 01/25 Godkjenning");
    browser.wait("the next sak", |b| b.text("heading") == "Nå: 01/25 Godkjenning");
    assert_eq!(browser.text("title"), "Godkjenning av innkalling og dagsorden");

    // The room's page: the saksliste with the current sak marked.
    browser.open(&format!("http://127.0.0.1:{port}/room"));
    browser.wait("the room's saksliste", |b| {
        b.text("saksliste").contains("01/25Godkjenning av innkalling og dagsordennå")
    });

    // The server goes (the meeting is quit) and comes back (resumed): the page says it
    // is reconnecting, then goes on by itself.
    live.type_keys("q");
    live.wait_for("Avslutte programmet?");
    live.type_keys("j");
    assert_eq!(live.wait_exit(), 0);
    browser.wait("that it is reconnecting", |b| b.body_class().contains("offline"));
    let mut live = Term::start(dir.path(), &[AGENDA, "--serve", &serve], 120, 30);
    live.wait_for("Nå: 01/25 Godkjenning");
    browser
        .wait("the page back", |b| !b.body_class().contains("offline") && b.text("heading") == "Nå: 01/25 Godkjenning");
    live.type_keys("n");
    browser.wait("the next sak after coming back", |b| b.text("heading") == "Nå: 02/25 Godkjenning");
    live.send(&[3]);
    assert_eq!(live.wait_exit(), 0);
}
