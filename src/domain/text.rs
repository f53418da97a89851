//! Text as a session keeps it and every writer takes it: line breaks as LF (from CRLF, a
//! lone CR, and the vertical tab and form feed a paste from a slide or a word processor brings), and
//! no other control characters but the tab.

use std::borrow::Cow;

/// `text` with its line breaks as LF and its other control characters (but tabs) gone.
pub fn clean(text: &str) -> Cow<'_, str> {
    let odd = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(odd) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if odd(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` cleaned and on one line: its line breaks as spaces (a heading, a table cell).
pub fn one_line(text: &str) -> String {
    clean(text).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_every_kind_are_lf_and_control_characters_go() {
        assert_eq!(clean("a\r\nb\rc\nd\u{b}e\u{c}f"), "a\nb\nc\nd\ne\nf");
        assert_eq!(clean("tab\there\u{1}\u{1b}[2J\u{7f}"), "tab\there[2J");
        assert!(matches!(clean("vanlig tekst\nmed linjer"), Cow::Borrowed(_)));
        assert_eq!(one_line("Tittel\r\nmed linje"), "Tittel med linje");
    }
}
