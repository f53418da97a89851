//! Finds where things are written in a RON file (`items[3].at` → line 41, column 13),
//! so that problems found after reading can point at the place to fix.

use std::collections::HashMap;

/// A place in a text file, 1-based, columns counted in characters (as ron counts them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// Positions of the values in a RON document by path: `title`, `items[3]`, `items[3].at`.
#[derive(Debug, Default)]
pub struct SourceMap {
    spots: HashMap<String, Position>,
}

impl SourceMap {
    /// Maps every struct field and list element of `src`. Never fails: a broken
    /// document maps as far as it goes.
    pub fn of(src: &str) -> SourceMap {
        let mut spots = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        let tokens = tokens(src);
        let mut k = 0;
        while k < tokens.len() {
            let (token, pos) = (&tokens[k], tokens[k].1);
            match &token.0 {
                Token::Ident(name) if matches!(tokens.get(k + 1), Some((Token::Colon, _))) => {
                    if let Some(frame) = stack.last_mut().filter(|f| !f.list) {
                        let path = join(&frame.prefix, name);
                        spots.entry(path).or_insert(pos);
                        frame.field = Some(name.clone());
                    }
                    k += 2;
                    continue;
                }
                Token::Open(c) => {
                    note_element(&mut stack, &mut spots, pos);
                    let prefix = stack.last().map(Frame::value_path).unwrap_or_default();
                    stack.push(Frame { prefix, list: *c == '[', field: None, index: 0, expecting: *c == '[' });
                }
                Token::Close => {
                    stack.pop();
                }
                Token::Comma => {
                    if let Some(frame) = stack.last_mut().filter(|f| f.list) {
                        frame.index += 1;
                        frame.expecting = true;
                    }
                }
                Token::Colon | Token::Ident(_) | Token::Other => note_element(&mut stack, &mut spots, pos),
            }
            k += 1;
        }
        SourceMap { spots }
    }

    /// Where `path` is written, else where its nearest written parent is.
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(p) = self.spots.get(path) {
                return Some(*p);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

/// The first name in a RON text, past comments and `#![enable(..)]` lines: `Agenda`, `Session`.
pub fn first_name(src: &str) -> Option<String> {
    // The name comes before anything else; a large session is not read to the end for it
    // (past a few kB only when comments come first).
    [4 * 1024, 64 * 1024].into_iter().find_map(|head| name_within(src, head))
}

fn name_within(src: &str, head: usize) -> Option<String> {
    let mut head = src.len().min(head);
    while !src.is_char_boundary(head) {
        head -= 1;
    }
    let whole = head == src.len();
    let mut tokens = tokens(&src[..head]).into_iter().peekable();
    let mut depth = 0i32;
    while let Some((token, _)) = tokens.next() {
        match token {
            Token::Open(_) => depth += 1,
            Token::Close => depth -= 1,
            // (A name at the very end of a part of the text may go on past it.)
            Token::Ident(name) if depth == 0 => return (whole || tokens.peek().is_some()).then_some(name),
            Token::Other if depth == 0 => {} // the `#` and `!` of an attribute
            _ if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

struct Frame {
    prefix: String,
    list: bool,
    field: Option<String>,
    index: usize,
    expecting: bool,
}

impl Frame {
    fn value_path(&self) -> String {
        if self.list {
            format!("{}[{}]", self.prefix, self.index)
        } else if let Some(field) = &self.field {
            join(&self.prefix, field)
        } else {
            self.prefix.clone()
        }
    }
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") }
}

fn note_element(stack: &mut [Frame], spots: &mut HashMap<String, Position>, pos: Position) {
    if let Some(frame) = stack.last_mut().filter(|f| f.list && f.expecting) {
        spots.entry(frame.value_path()).or_insert(pos);
        frame.expecting = false;
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Ident(String),
    Open(char),
    Close,
    Comma,
    Colon,
    Other,
}

/// The tokens of a RON text, with comments and whitespace left out.
fn tokens(src: &str) -> Vec<(Token, Position)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut col) = (0, 1, 1);
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, n: usize| {
        for _ in 0..n {
            if *i >= chars.len() {
                break;
            }
            if chars[*i] == '\n' {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
            *i += 1;
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let pos = Position { line, col };
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            advance(&mut i, &mut line, &mut col, 1);
        } else if c == '/' && next == Some('/') {
            let n = chars[i..].iter().position(|&c| c == '\n').unwrap_or(chars.len() - i);
            advance(&mut i, &mut line, &mut col, n);
        } else if c == '/' && next == Some('*') {
            let (mut depth, mut n) = (0usize, 0);
            while i + n < chars.len() {
                match (chars[i + n], chars.get(i + n + 1)) {
                    ('/', Some('*')) => (depth, n) = (depth + 1, n + 2),
                    ('*', Some('/')) => {
                        (depth, n) = (depth - 1, n + 2);
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => n += 1,
                }
            }
            advance(&mut i, &mut line, &mut col, n);
        } else if c == '"' {
            let mut n = 1;
            while i + n < chars.len() && chars[i + n] != '"' {
                n += if chars[i + n] == '\\' { 2 } else { 1 };
            }
            advance(&mut i, &mut line, &mut col, n + 1);
            out.push((Token::Other, pos));
        } else if let Some(n) =
            (c == 'r' && matches!(next, Some('"' | '#'))).then(|| raw_string_at(&chars, i)).flatten()
        {
            advance(&mut i, &mut line, &mut col, n);
            out.push((Token::Other, pos));
        } else if c == 'r' && next == Some('#') && chars.get(i + 2).is_some_and(|c| c.is_alphabetic() || *c == '_') {
            // A raw identifier, `r#type`: the name after the `#`.
            let n = chars[i + 2..].iter().take_while(|c| c.is_alphanumeric() || **c == '_').count();
            out.push((Token::Ident(chars[i + 2..i + 2 + n].iter().collect()), pos));
            advance(&mut i, &mut line, &mut col, 2 + n);
        } else if c.is_alphabetic() || c == '_' {
            let n = chars[i..].iter().take_while(|c| c.is_alphanumeric() || **c == '_').count();
            out.push((Token::Ident(chars[i..i + n].iter().collect()), pos));
            advance(&mut i, &mut line, &mut col, n);
        } else {
            let token = match c {
                '(' | '[' | '{' => Token::Open(c),
                ')' | ']' | '}' => Token::Close,
                ',' => Token::Comma,
                ':' => Token::Colon,
                _ => Token::Other,
            };
            out.push((token, pos));
            advance(&mut i, &mut line, &mut col, 1);
        }
    }
    out
}

/// The length in chars of the raw string (`r"..."`, `r#"..."#`, ...) that starts at `at`,
/// to the end of the text when it is not closed; `None` when no raw string starts there.
/// One pass over the string: a text of many raw strings is read in linear time.
fn raw_string_at(chars: &[char], at: usize) -> Option<usize> {
    let hashes = chars.get(at + 1..)?.iter().take_while(|&&c| c == '#').count();
    let open = at + 1 + hashes;
    if chars.get(open) != Some(&'"') {
        return None;
    }
    let closes =
        |j: usize| chars[j] == '"' && chars.get(j + 1..j + 1 + hashes).is_some_and(|h| h.iter().all(|&c| c == '#'));
    let end = (open + 1..chars.len()).find(|&j| closes(j)).map_or(chars.len(), |j| j + 1 + hashes);
    Some(end - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_strings_cut_off_anywhere_are_read_without_a_panic() {
        // Found by a fuzzer: a text that ends in ` r#` (or is cut there, as the first look
        // at a large session cuts it) panicked.
        for text in ["r#", " r#", "r", "r#\"", "r##", "r#\"x", "r##\"x\"#", "r\"", "Agenda() r#", "x: r#type"] {
            let _ = tokens(text);
            let _ = first_name(text);
            let _ = SourceMap::of(text);
        }
        assert_eq!(raw_string_at(&"r#\"a\"b\"#,".chars().collect::<Vec<_>>(), 0), Some(8));
        assert_eq!(raw_string_at(&"r##\"x\"#".chars().collect::<Vec<_>>(), 0), Some(7), "not closed: to the end");
        assert_eq!(raw_string_at(&"r#".chars().collect::<Vec<_>>(), 0), None);
        assert!(matches!(tokens("r#type").first(), Some((Token::Ident(name), _)) if name == "type"));
        // A raw string that ends exactly where the first look stops.
        let head = "Agenda(title: r\"";
        let text = format!("{head}{}\", date: \"2025-06-03\")", "a".repeat(4 * 1024 - head.len() - 1));
        assert_eq!(first_name(&text).as_deref(), Some("Agenda"));
        let cut = format!("{head}{}r#", "a".repeat(4 * 1024 - head.len() - 2));
        assert_eq!(first_name(&cut).as_deref(), Some("Agenda"));
    }

    #[allow(clippy::needless_raw_string_hashes)] // it holds a raw string that ends in "#
    const SRC: &str = r##"#![enable(implicit_some)]
// a comment with "quotes" and (parens
Agenda(
    title: "Møte (ekstra)", /* block /* nested */ comment ) */
    items: [
        Sak(title: "a", at: "10:00"),
        Break(title: r#"Pause, "lang""#, minutes: 15),
        Sak(
            title: "c",
            documents: ["x", "y"],
        ),
    ],
    people: [(name: "Åse"), (org: "FHI")],
)
"##;

    #[allow(clippy::unnecessary_wraps)] // compared with what may be none
    fn at(line: usize, col: usize) -> Option<Position> {
        Some(Position { line, col })
    }

    #[test]
    fn finds_fields_and_list_elements() {
        let map = SourceMap::of(SRC);
        assert_eq!(map.find("title"), at(4, 5));
        assert_eq!(map.find("items"), at(5, 5));
        assert_eq!(map.find("items[0]"), at(6, 9));
        assert_eq!(map.find("items[0].at"), at(6, 25));
        assert_eq!(map.find("items[1].minutes"), at(7, 42));
        assert_eq!(map.find("items[2]"), at(8, 9));
        assert_eq!(map.find("items[2].documents[1]"), at(10, 30));
        assert_eq!(map.find("people[1]"), at(13, 29));
    }

    #[test]
    fn falls_back_to_the_nearest_written_parent() {
        let map = SourceMap::of(SRC);
        assert_eq!(map.find("items[2].minutes"), at(8, 9));
        assert_eq!(map.find("end"), None);
    }

    #[test]
    fn survives_broken_text() {
        let map = SourceMap::of("Agenda(title: \"unclosed");
        assert_eq!(map.find("title"), at(1, 8));
    }

    #[test]
    fn the_first_name_is_found_past_long_comments_and_never_cut_short() {
        assert_eq!(first_name("#![enable(implicit_some)]\nSession(format: 1)").as_deref(), Some("Session"));
        for pad in [4090, 4093, 5000, 40_000] {
            let text = format!("// {}\nSession(format: 1)", "x".repeat(pad));
            assert_eq!(first_name(&text).as_deref(), Some("Session"), "after {pad} bytes of comment");
        }
        assert_eq!(first_name("Agenda").as_deref(), Some("Agenda"));
        assert_eq!(first_name("(x)"), None);
    }
}
