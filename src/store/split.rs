//! Where the item records of a session text are (`record.items`: the list of what
//! happened on each sak, nearly all of a large session) and the timeline in each (its
//! `entries`: notes, decisions, follow-ups), so that they can be read on two threads, and
//! the timelines after the first frame. A quick look at the bytes that follows strings and line comments; on anything
//! else it does not follow (raw strings, block comments, char literals) it gives up, and
//! the text is read in one piece.

use std::ops::Range;

/// The list `record.items` in a session text.
#[derive(Debug, PartialEq, Eq)]
pub struct ItemList {
    /// The bytes between its brackets.
    pub inside: Range<usize>,
    /// Where each element begins.
    pub starts: Vec<usize>,
    /// Each element's list `entries`, brackets included, where it has one.
    pub entries: Vec<Option<Range<usize>>>,
}

/// The bytes the look stops at: those that open or close something, separate, name a
/// field; and, where names matter (outside the list, and the fields of its elements),
/// letters.
const fn stops(letters: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let marks = b"\"/'()[]{},:";
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    let mut c = 0;
    while c < 256 {
        #[allow(clippy::cast_possible_truncation)] // c < 256
        let b = c as u8;
        if letters && (b.is_ascii_alphabetic() || b == b'_') {
            t[c] = true;
        }
        c += 1;
    }
    t
}

const SHALLOW: [bool; 256] = stops(true);
const DEEP: [bool; 256] = stops(false);

/// Finds the list `record.items` in `text`, at the depth a session has it:
/// `Session( record: Record( items: [ ... ] ) )`.
pub fn item_list(text: &str) -> Option<ItemList> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    // The field being written at depths 1 and 2, and the last name seen.
    let mut fields: [&str; 5] = [""; 5];
    let mut name = "";
    let mut list: Option<(usize, Vec<usize>)> = None;
    let mut entries: Vec<Option<Range<usize>>> = Vec::new();
    let mut entries_open = None;
    let mut expect_element = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if expect_element && !c.is_ascii_whitespace() && !(c == b'/' && b.get(i + 1) == Some(&b'/')) {
            expect_element = false;
            if let Some((_, starts)) = &mut list
                && c != b']'
            {
                starts.push(i);
                entries.push(None);
            }
        }
        let table = if depth <= 2 || depth == 4 { &SHALLOW } else { &DEEP };
        if !table[usize::from(c)] {
            if !c.is_ascii_whitespace() {
                name = "";
            }
            i += 1;
            continue;
        }
        match c {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
            b'/' | b'\'' => return None,
            b'"' => {
                // A raw string (r"..." or r#"..."#) is not followed.
                let before = i.checked_sub(1).map(|k| b[k]);
                let raw = before == Some(b'#')
                    || (before == Some(b'r') && i.checked_sub(2).is_none_or(|k| !is_name_byte(b[k])));
                if raw {
                    return None;
                }
                i = string_end(b, i)?;
                name = "";
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let n = b[i..].iter().take_while(|c| is_name_byte(**c)).count();
                name = &text[i..i + n];
                i += n;
                continue;
            }
            b':' => {
                if let Some(f) = fields.get_mut(depth) {
                    *f = name;
                }
            }
            b'(' | b'[' | b'{' => {
                if c == b'[' && depth == 2 && fields[1] == "record" && fields[2] == "items" && list.is_none() {
                    list = Some((i + 1, Vec::new()));
                    expect_element = true;
                }
                if c == b'[' && depth == 4 && list.is_some() && fields[4] == "entries" {
                    entries_open = Some(i);
                }
                depth += 1;
                if let Some(f) = fields.get_mut(depth) {
                    *f = "";
                }
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 4
                    && c == b']'
                    && let (Some(open), Some(last)) = (entries_open.take(), entries.last_mut())
                {
                    *last = Some(open..i + 1);
                }
                if depth == 2
                    && c == b']'
                    && let Some((open, starts)) = list.take()
                {
                    return Some(ItemList { inside: open..i, starts, entries });
                }
            }
            b',' if depth == 3 && list.is_some() => expect_element = true,
            _ => {}
        }
        name = "";
        i += 1;
    }
    None
}

fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The byte after the string that begins at `open` (a `"`), or None if it never ends.
fn string_end(b: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', &b[i..])?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_items_of_the_record_are_found_not_those_of_the_agenda() {
        let text = r#"Session(
    format: 2,
    agenda: Agenda(title: "items: [", items: [Sak(title: "A")]),
    // record: Record(items: [x]) in a comment
    record: Record(
        current: 0,
        items: [
            ItemRecord(entries: [Note(text: "\"], ( [")]),
            ItemRecord(),
        ],
        attendance: [],
    ),
)"#;
        let list = item_list(text).unwrap();
        let inside = &text[list.inside.clone()];
        assert!(inside.trim_start().starts_with("ItemRecord(entries"), "{inside}");
        assert!(inside.trim_end().ends_with("ItemRecord(),"), "{inside}");
        let starts: Vec<&str> = list.starts.iter().map(|&s| &text[s..s + 12]).collect();
        assert_eq!(starts, ["ItemRecord(e", "ItemRecord()"]);
        let entries: Vec<Option<&str>> = list.entries.iter().map(|n| n.clone().map(|r| &text[r])).collect();
        assert_eq!(entries, [Some(r#"[Note(text: "\"], ( [")]"#), None]);
    }

    #[test]
    fn what_the_quick_look_does_not_follow_gives_up() {
        assert_eq!(item_list(r"Session(record: Record(items: [/* x */]))"), None);
        assert_eq!(item_list(r##"Session(record: Record(items: [r#"x"#]))"##), None);
        assert_eq!(item_list(r"Session(record: Record(items: ['x']))"), None);
        assert_eq!(item_list(r#"Session(record: Record(items: ["never ends]))"#), None);
        assert_eq!(item_list(r"Session(record: Record(notes: []))"), None);
        assert_eq!(item_list("))"), None);
    }

    #[test]
    fn an_empty_list_has_no_elements() {
        let list = item_list("Session(record: Record(items: [ ]))").unwrap();
        assert_eq!(list.starts, Vec::<usize>::new());
        assert_eq!(list.inside, 31..32);
    }
}
