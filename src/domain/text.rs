//! Text as a session keeps it and every writer takes it: line breaks as LF (from CRLF, a
//! lone CR, and the vertical tab and form feed a paste from a slide or a word processor brings), and
//! no other control characters but the tab; and text read from a file as it is shown,
//! with what a terminal would obey made visible.

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

/// Whether `c` is never drawn as it is: a control character (but the line break and the
/// tab), or a mark that turns the direction of the text (a bidi override, isolate or
/// embedding), which would make a title read otherwise than it is.
pub fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with what is never drawn as it is (`hidden`) shown by a placeholder: a C0
/// control as its control picture ("␛" for ESC, "␇" for BEL), DEL as "␡", a C1 control
/// or a bidi mark as "�". How text read from a file reaches the screen and the messages,
/// so that a terminal escape in a title is seen, not obeyed.
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.contains(hidden) {
        Cow::Owned(text.chars().map(|c| if hidden(c) { placeholder(c) } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// What shows a `hidden` character.
fn placeholder(c: char) -> char {
    match u32::from(c) {
        code @ 0..0x20 => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// Makes `text` `visible` where it stands.
pub fn make_visible(text: &mut String) {
    if let Cow::Owned(shown) = visible(text) {
        *text = shown;
    }
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

    #[test]
    fn escapes_c1_controls_and_bidi_overrides_are_shown_not_obeyed() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b\u{7f}"), "a␛]0;x␇b␡");
        assert_eq!(visible("\u{9b}2J \u{202e}evil\u{2066}"), "\u{fffd}2J \u{fffd}evil\u{fffd}");
        assert!(matches!(visible("linje\nmed\ttab og æøå"), Cow::Borrowed(_)));
    }
}
