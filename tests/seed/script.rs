//! The seed meeting as a script, for the two drivers that re-enact it (the fixture in
//! `src/referat/fixture.rs`, through the app; `tests/seed_pty.rs`, through the real binary):
//! its key script read into steps, and the check that a referat holds the seed's
//! elements in order. Depends on nothing, so that both crates can include it.

/// One step: keys pressed together at one clock time.
#[derive(Debug, PartialEq, Eq)]
pub struct Step<'a> {
    /// Its line in the script, for messages.
    pub line: usize,
    /// When it is pressed: "10:20:00".
    pub clock: &'a str,
    pub parts: Vec<Part<'a>>,
    /// What the screen shows when the step is done.
    pub shows: Option<&'a str>,
}

/// A piece of a step, in the order pressed.
#[derive(Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// Keys in their text form (`app::key::Key::parse_seq`).
    Keys(&'a str),
    /// Text typed as it stands.
    Text(String),
}

impl Step<'_> {
    /// Whether the step goes on with typing (text first): it needs no pause before it.
    pub fn types_on(&self) -> bool {
        matches!(self.parts.first(), Some(Part::Text(_)))
    }
}

/// The steps of `script`: one a line, `HH:MM:SS keys "text" keys => shows`; blank lines
/// and lines starting with `#` are for people. What cannot be read is said with its line.
pub fn steps(script: &str) -> Result<Vec<Step<'_>>, String> {
    let mut out = Vec::new();
    for (n, line) in script.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (clock, rest) = line.split_once(' ').unwrap_or((line, ""));
        let digits = clock.chars().filter(char::is_ascii_digit).count();
        if clock.len() != 8 || digits != 6 || clock.as_bytes()[2] != b':' || clock.as_bytes()[5] != b':' {
            return Err(format!("line {line_no}: «{clock}» is not a clock time (HH:MM:SS)"));
        }
        let (parts, shows) = parts(rest).map_err(|e| format!("line {line_no}: {e}"))?;
        out.push(Step { line: line_no, clock, parts, shows });
    }
    Ok(out)
}

/// Keys and quoted texts, and what follows `=>` outside quotes.
fn parts(rest: &str) -> Result<(Vec<Part<'_>>, Option<&str>), String> {
    let mut parts = Vec::new();
    let mut keys_from = 0;
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                keys(&mut parts, &rest[keys_from..i]);
                let mut text = String::new();
                loop {
                    match chars.next() {
                        Some((_, '\\')) => match chars.next() {
                            Some((_, c @ ('"' | '\\'))) => text.push(c),
                            _ => return Err("a backslash in a text comes before \" or \\".into()),
                        },
                        Some((end, '"')) => {
                            keys_from = end + 1;
                            break;
                        }
                        Some((_, c)) => text.push(c),
                        None => return Err("a text has no closing quote".into()),
                    }
                }
                parts.push(Part::Text(text));
            }
            '=' if rest[i..].starts_with("=>") => {
                keys(&mut parts, &rest[keys_from..i]);
                let shows = rest[i + 2..].trim();
                return Ok((parts, Some(shows).filter(|s| !s.is_empty())));
            }
            _ => {}
        }
    }
    keys(&mut parts, &rest[keys_from..]);
    Ok((parts, None))
}

/// `text` as keys, unless it is only spaces.
fn keys<'a>(parts: &mut Vec<Part<'a>>, text: &'a str) {
    let text = text.trim();
    if !text.is_empty() {
        parts.push(Part::Keys(text));
    }
}

/// The elements of `list` (one a line; blank lines and `#` lines are for people), each
/// to be found in `text` after the one before it. The first that is not, and why.
pub fn in_order(text: &str, list: &str) -> Result<usize, String> {
    let mut from = 0;
    let mut found = 0;
    for (n, element) in list.lines().enumerate() {
        let element = element.trim();
        if element.is_empty() || element.starts_with('#') {
            continue;
        }
        match text[from..].find(element) {
            Some(at) => {
                from += at + element.len();
                found += 1;
            }
            None if text.contains(element) => {
                return Err(format!("element {element:?} (line {}) is there, but before the one above it", n + 1));
            }
            None => return Err(format!("element {element:?} (line {}) is missing", n + 1)),
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_has_its_time_keys_texts_and_what_it_shows() {
        let script = "# a comment\n\n10:21:00 i <tab> \"Er det \\\"nå\\\"?\" <ret> => Spørsmål\n10:22:00 n\n";
        let steps = steps(script).unwrap();
        assert_eq!(
            steps[0],
            Step {
                line: 3,
                clock: "10:21:00",
                parts: vec![Part::Keys("i <tab>"), Part::Text("Er det \"nå\"?".into()), Part::Keys("<ret>")],
                shows: Some("Spørsmål"),
            }
        );
        assert_eq!(steps[1].parts, [Part::Keys("n")]);
        assert!(!steps[0].types_on() && !steps[1].types_on());
        assert!(super::steps("10:00:00 \"Tekst\"").unwrap()[0].types_on());
    }

    #[test]
    fn what_cannot_be_read_is_said_with_its_line() {
        assert_eq!(steps("\n10.00 n").unwrap_err(), "line 2: «10.00» is not a clock time (HH:MM:SS)");
        assert_eq!(steps("10:00:00 i \"open").unwrap_err(), "line 1: a text has no closing quote");
        assert_eq!(steps("10:00:00 \"a\\b\"").unwrap_err(), "line 1: a backslash in a text comes before \" or \\");
    }

    #[test]
    fn elements_are_found_in_order() {
        assert_eq!(in_order("a b c", "a\n# note\nc"), Ok(2));
        assert_eq!(
            in_order("a b c", "c\na").unwrap_err(),
            "element \"a\" (line 2) is there, but before the one above it"
        );
        assert_eq!(in_order("a b c", "a\nd").unwrap_err(), "element \"d\" (line 2) is missing");
    }
}
