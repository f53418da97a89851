//! Keys and pastes from the terminal, read on the event loop's own thread: tokio says when
//! the terminal has bytes, terminput parses them (crossterm's own parser, kept as a crate).
//! No reader thread hands keys over, and a terminal that is gone (end of input, EIO) is
//! reported at once instead of being read again and again.

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read};
use std::os::unix::fs::OpenOptionsExt;

use crossterm::event::Event;
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;

/// The terminal's input side, open on its own (non-blocking) so that the shell's standard
/// input is left as it was.
pub struct Input {
    tty: AsyncFd<File>,
    parser: Parser,
    /// What one read gets.
    chunk: Vec<u8>,
    /// What the terminal sent since the last wait.
    got: Vec<u8>,
    /// The terminal went away after sending events not yet handed over.
    gone: Option<io::Error>,
}

impl Input {
    /// Opens the terminal the program runs in: standard input if that is a terminal, else
    /// the controlling terminal.
    pub fn open() -> io::Result<Input> {
        let open = |path: &str| {
            OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC).open(path)
        };
        let tty = if io::stdin().is_terminal() {
            open("/proc/self/fd/0").or_else(|_| open("/dev/tty"))
        } else {
            open("/dev/tty")
        }?;
        Input::on(tty)
    }

    /// Reads from `tty`, a terminal opened non-blocking.
    fn on(tty: File) -> io::Result<Input> {
        // SAFETY: the AsyncFd owns the file for as long as it lives and never swaps it, so
        // the descriptor stays open and the same.
        #[allow(unsafe_code)]
        let tty = unsafe { AsyncFd::register_with_interest(tty, Interest::READABLE) }?;
        Ok(Input { tty, parser: Parser::default(), chunk: vec![0; 4096], got: Vec::new(), gone: None })
    }

    /// Waits until the terminal has sent at least one whole event, and adds what it sent to
    /// `events`. An error when the terminal is gone.
    pub async fn next(&mut self, events: &mut VecDeque<Event>) -> io::Result<()> {
        if let Some(e) = self.gone.take() {
            return Err(e);
        }
        loop {
            let mut ready = self.tty.readable_mut().await?;
            // Everything there is now, so that a lone Esc at its end is the Esc key and not
            // the start of a sequence still on its way.
            self.got.clear();
            let gone = loop {
                match ready.get_inner_mut().read(&mut self.chunk) {
                    Ok(0) => break Some(io::Error::new(io::ErrorKind::UnexpectedEof, "end of input")),
                    Ok(n) => {
                        self.got.extend_from_slice(&self.chunk[..n]);
                        // Less than asked for is all there is: the read that would find
                        // nothing more is left for after this key is handled (the
                        // readiness stays, so the next wait does it at once).
                        if n < self.chunk.len() {
                            break None;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        ready.clear_ready();
                        break None;
                    }
                    Err(e) => break Some(e),
                }
            };
            self.parser.advance(&self.got, events);
            match gone {
                Some(e) if events.is_empty() => return Err(e),
                // What came before the end is handed over first; the end comes next time.
                Some(e) => {
                    self.gone = Some(e);
                    return Ok(());
                }
                None if !events.is_empty() => return Ok(()),
                None => {}
            }
        }
    }
}

/// Bytes to events, a byte at a time, as crossterm does it: a sequence not yet whole waits
/// for its next bytes; a sequence that cannot be read is dropped.
#[derive(Default)]
struct Parser {
    pending: Vec<u8>,
}

impl Parser {
    fn advance(&mut self, bytes: &[u8], events: &mut VecDeque<Event>) {
        for (i, &byte) in bytes.iter().enumerate() {
            self.pending.push(byte);
            // An Esc with more bytes behind it starts a sequence (or is Alt).
            if self.pending == [0x1b] && i + 1 < bytes.len() {
                continue;
            }
            match terminput::Event::parse_from(&self.pending) {
                Ok(Some(event)) => {
                    if let Ok(event) = terminput_crossterm::to_crossterm(event) {
                        events.push_back(event);
                    }
                    self.pending.clear();
                }
                Ok(None) => {}
                Err(_) => self.pending.clear(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    fn parse(chunks: &[&[u8]]) -> Vec<Event> {
        let mut parser = Parser::default();
        let mut events = VecDeque::new();
        for chunk in chunks {
            parser.advance(chunk, &mut events);
        }
        events.into()
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    /// A terminal that goes away (its other side closed, no hang-up signal needed) ends
    /// the reading with an error at once: never a spin.
    #[test]
    fn a_terminal_that_is_gone_is_an_error_after_its_last_keys() {
        use std::io::Write;
        use std::os::fd::AsRawFd;
        use std::time::{Duration, Instant};

        let pair = portable_pty::native_pty_system().openpty(portable_pty::PtySize::default()).unwrap();
        let name = pair.master.tty_name().unwrap();
        let tty = OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(&name).unwrap();
        // SAFETY: termios is plain data; the descriptor is the open terminal. Raw mode, as
        // the live meeting runs in.
        #[allow(unsafe_code)]
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(tty.as_raw_fd(), &raw mut t), 0);
            libc::cfmakeraw(&raw mut t);
            assert_eq!(libc::tcsetattr(tty.as_raw_fd(), libc::TCSANOW, &raw const t), 0);
        }
        let mut writer = pair.master.take_writer().unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let mut input = Input::on(tty).unwrap();
            let mut events = VecDeque::new();
            writer.write_all(b"ok").unwrap();
            writer.flush().unwrap();
            while events.len() < 2 {
                input.next(&mut events).await.unwrap();
            }
            // The terminal window closes: every handle on its side goes.
            drop((writer, pair.master, pair.slave));
            let started = Instant::now();
            let end = tokio::time::timeout(Duration::from_secs(2), async {
                loop {
                    if let Err(e) = input.next(&mut events).await {
                        return e;
                    }
                }
            })
            .await;
            assert!(end.is_ok(), "the reading ended");
            assert!(started.elapsed() < Duration::from_secs(1));
            assert_eq!(events.get(1), Some(&key(KeyCode::Char('k'), KeyModifiers::NONE)));
        });
    }

    #[test]
    fn letters_keys_and_sequences_become_events() {
        assert_eq!(
            parse(&["aø".as_bytes(), b"\r\x1b[A\x7f\x03"]),
            vec![
                key(KeyCode::Char('a'), KeyModifiers::NONE),
                key(KeyCode::Char('ø'), KeyModifiers::NONE),
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Up, KeyModifiers::NONE),
                key(KeyCode::Backspace, KeyModifiers::NONE),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn a_lone_esc_is_the_esc_key_and_esc_before_a_letter_is_alt() {
        assert_eq!(parse(&[b"\x1b"]), vec![key(KeyCode::Esc, KeyModifiers::NONE)]);
        assert_eq!(parse(&[b"\x1bx"]), vec![key(KeyCode::Char('x'), KeyModifiers::ALT)]);
        assert_eq!(parse(&[b"\x1b\r"]), vec![key(KeyCode::Enter, KeyModifiers::ALT)]);
    }

    #[test]
    fn a_sequence_split_over_reads_waits_for_its_end() {
        assert_eq!(parse(&[b"\x1b[1;5", b"C"]), vec![key(KeyCode::Right, KeyModifiers::CONTROL)]);
        // A letter split in the middle of its UTF-8 bytes.
        assert_eq!(parse(&[&[0xc3], &[0xa5]]), vec![key(KeyCode::Char('å'), KeyModifiers::NONE)]);
    }

    #[test]
    fn a_bracketed_paste_is_one_event_even_over_many_reads() {
        assert_eq!(
            parse(&[b"\x1b[200~Sak 12: ", "vedtak\r\nøkonomi".as_bytes(), b"\x1b[201~x"]),
            vec![Event::Paste("Sak 12: vedtak\r\nøkonomi".into()), key(KeyCode::Char('x'), KeyModifiers::NONE)]
        );
    }

    #[test]
    fn a_sequence_that_cannot_be_read_is_dropped_and_what_follows_is_read() {
        assert_eq!(parse(&[b"\x1bOXz"]).last(), Some(&key(KeyCode::Char('z'), KeyModifiers::NONE)));
    }
}
