//! An agenda written as a secretariat would write it: RON in the agenda format, with
//! comments (`// ...`) over the header, the roster, the numbering and each item, saying
//! where they came from. Read back, it is the same agenda.

use ron::extensions::Extensions;

use crate::domain::agenda::Agenda;

/// The comments of an agenda written out: lines over the file, the roster, the numbering,
/// and one over each item (empty for none).
pub struct Comments {
    pub header: Vec<String>,
    pub roster: String,
    pub numbering: String,
    pub items: Vec<String>,
}

/// How an agenda is written: as sessions are, but with the agenda's own two extensions
/// said at the top.
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .extensions(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// `agenda` as commented RON text. (Strings are written escaped, one line each, so a
/// title can never break a line, and every comment is made one line of visible text.)
pub fn to_text(agenda: &Agenda, comments: &Comments) -> String {
    let header = Agenda { items: Vec::new(), ..agenda.clone() };
    let mut text = ser(&header);
    let items: String = agenda
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let comment = comments.items.get(i).map(String::as_str).unwrap_or_default();
            let mut block = String::new();
            if i > 0 {
                block.push('\n');
            }
            if !comment.is_empty() {
                block.push_str(&format!("        // {}\n", one_line(comment)));
            }
            // (The item's lines, under the header's `items:`, two levels in.)
            for line in ser(item).lines() {
                block.push_str("        ");
                block.push_str(line);
                block.push('\n');
            }
            block.insert(block.len() - 1, ',');
            block
        })
        .collect();
    // The header ends `items: [],` then `)`: the items go in there.
    if let Some(at) = text.rfind("    items: [],") {
        text.replace_range(at..at + "    items: [],".len(), &format!("    items: [\n{items}    ],"));
    }
    insert_comment(&mut text, "\n    people: [", &comments.roster);
    insert_comment(&mut text, "\n    numbering: ", &comments.numbering);
    let mut out = String::from("#![enable(implicit_some)]\n#![enable(unwrap_variant_newtypes)]\n");
    for line in &comments.header {
        out.push_str(&format!("// {}\n", one_line(line)));
    }
    out.push_str(&text);
    out.push('\n');
    out
}

/// `value` as pretty RON, without the `#![enable(...)]` lines ron puts first.
fn ser<T: serde::Serialize>(value: &T) -> String {
    // Serializing plain data to a String cannot fail; keep the reason if it ever does.
    let text = ron::ser::to_string_pretty(value, pretty())
        .unwrap_or_else(|e| format!("// referent could not write this: {e}"));
    text.lines().filter(|l| !l.starts_with("#![enable(")).collect::<Vec<_>>().join("\n")
}

/// Puts `// comment` on a line of its own before the first `field` (a newline and the
/// field's indent first) of the header.
fn insert_comment(text: &mut String, field: &str, comment: &str) {
    if comment.is_empty() {
        return;
    }
    if let Some(at) = text.find(field) {
        text.insert_str(at, &format!("\n    // {}", one_line(comment)));
    }
}

/// A comment's text on one line, without what a terminal or an editor would obey.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Item;
    use crate::store::agenda_file;

    fn comments(n: usize) -> Comments {
        Comments {
            header: vec!["top\nline".into()],
            roster: "roster".into(),
            numbering: "numbers".into(),
            items: (0..n).map(|i| format!("item {i}")).collect(),
        }
    }

    #[test]
    fn the_example_agenda_written_with_comments_reads_back_the_same() {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let text = to_text(&agenda, &comments(agenda.items.len()));
        let back = agenda_file::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}")).agenda;
        assert!(back.same_plan(&agenda), "{text}");
        assert!(text.contains("// top line\n"), "a comment stays one line: {text}");
        assert!(text.contains("    // roster\n    people: ["), "{text}");
        assert!(text.contains("        // item 3\n        Sak("), "{text}");
    }

    #[test]
    fn a_hostile_title_stays_inside_its_string() {
        let mut agenda = agenda_file::parse(include_str!("../../agendas/example-en.ron")).unwrap().agenda;
        if let Item::Sak(s) = &mut agenda.items[0] {
            s.title = "a\n    ],\n)\n// \"\u{1b}[2J".into();
        }
        let text = to_text(&agenda, &comments(agenda.items.len()));
        let back = agenda_file::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}")).agenda;
        assert!(back.same_plan(&agenda));
    }
}
