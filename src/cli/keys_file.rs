//! The user's key overrides, `keys.ron` beside the config file (gitui style): only the
//! keys a user changes, by context and action, as the keymap names them
//! (`{ "main": { "next": "<C-n>" } }`, or a list of keys for one action). Applied over the
//! table at start; anything wrong (a name the keymap does not have, a key that cannot be
//! read, two actions on one key in a context) refuses the whole file, said with its place,
//! and the built-in keys stay.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::key::Key;
use crate::app::keymap::{Context, Keymap};
use crate::i18n::Words;
use crate::store::agenda_file::{self, IoProblem, ReadProblem};
use crate::store::locate::Position;

/// The keys file's path: `keys.ron` in the config folder.
pub fn path() -> Option<PathBuf> {
    crate::store::dirs::config_dir().map(|d| d.join("keys.ron"))
}

/// One action's new keys: one, or several.
#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// Why a keys file was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// It cannot be read as RON (or at all).
    Read(ReadProblem),
    UnknownContext {
        found: String,
        known: Vec<String>,
    },
    UnknownAction {
        context: String,
        found: String,
        known: Vec<String>,
    },
    BadKey {
        key: String,
    },
    NoKey {
        action: String,
    },
    /// One key for two actions in one context, after the overrides.
    Clash {
        context: String,
        key: String,
        first: String,
        second: String,
    },
}

/// A refused keys file: why, and where in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub at: Option<Position>,
    pub problem: Problem,
}

/// `base` with the overrides written in `text`, or why the file is refused.
pub fn apply(text: &str, base: &Keymap) -> Result<Keymap, Refused> {
    let file: BTreeMap<String, BTreeMap<String, Keys>> = agenda_file::ron_options().from_str(text).map_err(|e| {
        let e = agenda_file::from_ron(e);
        Refused { at: e.at, problem: Problem::Read(e.what) }
    })?;
    let mut keymap = base.clone();
    let mut placed = Vec::new();
    for (context_name, actions) in &file {
        let context_at = find(text, &quoted(context_name), 0);
        let refused = |problem| Refused { at: context_at.map(|(p, _)| p), problem };
        let Some(context) = Context::ALL.into_iter().find(|c| c.name() == *context_name) else {
            let known = Context::ALL.iter().map(|c| c.name()).collect();
            return Err(refused(Problem::UnknownContext { found: context_name.clone(), known }));
        };
        let after = context_at.map_or(0, |(_, offset)| offset);
        for (action_name, keys) in actions {
            let action_at = find(text, &quoted(action_name), after);
            let refused = |problem| Refused { at: action_at.map(|(p, _)| p).or(context_at.map(|(p, _)| p)), problem };
            let Some(action) = base.bindings(context).map(|b| b.action).find(|a| a.name() == *action_name) else {
                let known = base.bindings(context).map(|b| b.action.name()).collect();
                let found = action_name.clone();
                return Err(refused(Problem::UnknownAction { context: context_name.clone(), found, known }));
            };
            let texts = match keys {
                Keys::One(k) => vec![k.clone()],
                Keys::Many(ks) => ks.clone(),
            };
            if texts.is_empty() {
                return Err(refused(Problem::NoKey { action: action_name.clone() }));
            }
            let mut parsed = Vec::new();
            for k in texts {
                let Ok(key) = Key::parse(&k) else {
                    let at = find(text, &quoted(&k), action_at.map_or(after, |(_, o)| o)).map(|(p, _)| p);
                    return Err(Refused { at: at.or(action_at.map(|(p, _)| p)), problem: Problem::BadKey { key: k } });
                };
                parsed.push(key);
            }
            keymap.rebind(context, action, parsed);
            placed.push((context, action, action_at.map(|(p, _)| p)));
        }
    }
    if let Some((context, key, first, second)) = keymap.clash() {
        // (Pointed at the line that made it: an override of one of the two.)
        let at = placed.iter().find(|(c, a, _)| *c == context && (*a == second || *a == first)).and_then(|p| p.2);
        let problem = Problem::Clash {
            context: context.name(),
            key: key.to_string(),
            first: first.name(),
            second: second.name(),
        };
        return Err(Refused { at, problem });
    }
    Ok(keymap)
}

fn quoted(name: &str) -> String {
    format!("{name:?}")
}

/// Where `needle` is first written in `text` from byte `from` on: its position, and the
/// byte after it.
fn find(text: &str, needle: &str, from: usize) -> Option<(Position, usize)> {
    let at = from + text.get(from..)?.find(needle)?;
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Some((Position { line, col }, at + needle.len()))
}

/// The keymap in effect: the table with the keys file at `path` over it (none there: the
/// table), and what is wrong with the file, as one line for the footer.
pub fn load(path: Option<&Path>, w: &Words) -> (Keymap, Option<String>) {
    let base = Keymap::default();
    let Some(path) = path else { return (base, None) };
    let text = match agenda_file::read_text(path) {
        Ok(text) => text,
        Err(e) if e.what == ReadProblem::Io(IoProblem::NotFound) => return (base, None),
        Err(e) => return (base, Some(line(path, &Refused { at: e.at, problem: Problem::Read(e.what) }, w))),
    };
    match apply(&text, &base) {
        Ok(keymap) => (keymap, None),
        Err(refused) => (base, Some(line(path, &refused, w))),
    }
}

/// `refused` as one line: the file and place, what is wrong, that the built-in keys stay.
pub fn line(path: &Path, refused: &Refused, w: &Words) -> String {
    let place = match refused.at {
        Some(at) => format!("{}:{}:{}", path.display(), at.line, at.col),
        None => path.display().to_string(),
    };
    // (What the file says is shown, never obeyed by the terminal.)
    let line = format!("{place}: {}", (w.home.keys_ignored)(&message(&refused.problem, w)));
    crate::domain::text::visible(&line).into_owned()
}

/// What is wrong, in words.
pub fn message(problem: &Problem, w: &Words) -> String {
    let h = w.home;
    match problem {
        Problem::Read(p) => (w.read_problem)(p),
        Problem::UnknownContext { found, known } => (h.keys_unknown_context)(found, &known.join(", ")),
        Problem::UnknownAction { context, found, known } => (h.keys_unknown_action)(context, found, &known.join(", ")),
        Problem::BadKey { key } => (h.keys_bad_key)(key),
        Problem::NoKey { action } => (h.keys_no_key)(action),
        Problem::Clash { context, key, first, second } => (h.keys_clash)(context, key, first, second),
    }
}

/// `referent keys`: every key in effect, written as a keys file would say it.
pub fn print(keymap: &Keymap, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{{")?;
    for context in Context::ALL {
        writeln!(out, "    {:?}: {{", context.name())?;
        for b in keymap.bindings(context) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("{:?}", k.to_string())).collect();
            let keys = if keys.len() == 1 { keys[0].clone() } else { format!("[{}]", keys.join(", ")) };
            writeln!(out, "        {:?}: {keys},", b.action.name())?;
        }
        writeln!(out, "    }},")?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::key::{Code, Mods};
    use crate::app::keymap::Action;
    use crate::domain::agenda::Lang;

    fn refused(text: &str) -> Refused {
        apply(text, &Keymap::default()).unwrap_err()
    }

    fn said(refused: &Refused) -> (String, String) {
        let nb = message(&refused.problem, crate::i18n::words(Lang::Nb));
        let en = message(&refused.problem, crate::i18n::words(Lang::En));
        (nb, en)
    }

    #[test]
    fn only_the_keys_named_change() {
        let keymap = apply(
            "// mine\n{ \"main\": { \"next\": \"<C-n>\", \"select_up\": [\"<up>\", \"K\"], \"move_up\": \"<S-up>\" } }",
            &Keymap::default(),
        )
        .unwrap();
        let ctrl_n = Key::new(Code::Char('n'), Mods::CONTROL);
        assert_eq!(keymap.action(Context::Main, ctrl_n), Some(Action::Next));
        assert_eq!(keymap.action(Context::Main, Key::char('n')), None);
        assert_eq!(keymap.action(Context::Main, Key::char('K')), Some(Action::SelectUp));
        assert_eq!(keymap.action(Context::Main, Key::char('q')), Some(Action::Quit), "the rest as it was");
        assert_eq!(keymap.action(Context::Confirm, Key::char('n')), Some(Action::No));
        assert_eq!(apply("{}", &Keymap::default()).unwrap(), Keymap::default());
    }

    #[test]
    fn the_readme_example_applies() {
        let readme = include_str!("../../README.md");
        let start = readme.find("```ron\n{").expect("a keys example in README.md") + 7;
        let end = start + readme[start..].find("```").unwrap();
        let keymap = apply(&readme[start..end], &Keymap::default()).unwrap();
        assert_eq!(keymap.action(Context::Attendance, Key::new(Code::Enter, Mods::NONE)), Some(Action::MarkPresent));
    }

    #[test]
    fn a_clash_within_a_context_names_both_actions() {
        let r = refused("{\n  \"main\": {\n    \"pause\": \"v\",\n  },\n}");
        assert_eq!(r.at, Some(Position { line: 3, col: 5 }));
        assert_eq!(
            r.problem,
            Problem::Clash {
                context: "main".into(),
                key: "v".into(),
                first: "pause".into(),
                second: "adopt_proposal".into()
            }
        );
        let (nb, en) = said(&r);
        assert!(
            nb.contains("«v»") && nb.contains("pause") && nb.contains("adopt_proposal") && nb.contains("main"),
            "{nb}"
        );
        assert!(en.contains("\"v\"") && en.contains("pause") && en.contains("adopt_proposal"), "{en}");
        // The same key in two contexts is no clash.
        assert!(
            apply(
                "{ \"main\": { \"pause\": \"<C-p>\" }, \"notes\": { \"open_note\": \"<C-p>\" } }",
                &Keymap::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn unknown_names_and_keys_are_refused_with_the_known_ones() {
        let r = refused("{ \"mian\": { \"next\": \"N\" } }");
        assert_eq!(r.at, Some(Position { line: 1, col: 3 }));
        let (nb, en) = said(&r);
        assert!(nb.contains("«mian»") && nb.contains("main, notes"), "{nb}");
        assert!(en.contains("\"mian\"") && en.contains("main, notes"), "{en}");
        let r = refused("{ \"main\": {\n \"nxet\": \"N\" } }");
        assert_eq!(r.at, Some(Position { line: 2, col: 2 }));
        let (nb, en) = said(&r);
        assert!(nb.contains("«nxet»") && nb.contains("next, go_to_selected"), "{nb}");
        assert!(en.contains("\"nxet\"") && en.contains("in main"), "{en}");
        let r = refused("{ \"main\": { \"next\": \"<C-nope>\" } }");
        assert_eq!(r.problem, Problem::BadKey { key: "<C-nope>".into() });
        assert_eq!(r.at, Some(Position { line: 1, col: 21 }));
        let (nb, en) = said(&r);
        assert!(nb.contains("«<C-nope>»") && nb.contains("<C-s>"), "{nb}");
        assert!(en.contains("\"<C-nope>\"") && en.contains("<C-s>"), "{en}");
        let r = refused("{ \"main\": { \"next\": [] } }");
        assert_eq!(r.problem, Problem::NoKey { action: "next".into() });
        assert!(said(&r).0.contains("next"));
        let r = refused("{ \"main\": { \"next\": \"N\" }");
        assert!(matches!(r.problem, Problem::Read(_)), "{r:?}");
        assert!(r.at.is_some());
    }

    #[test]
    fn a_refused_file_leaves_the_built_in_keys_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys.ron");
        let en = crate::i18n::words(Lang::En);
        assert_eq!(load(Some(&path), en), (Keymap::default(), None), "no file: the table");
        std::fs::write(&path, "{ \"main\": { \"pause\": \"v\" } }").unwrap();
        let (keymap, problem) = load(Some(&path), en);
        assert_eq!(keymap, Keymap::default());
        let problem = problem.unwrap();
        assert!(problem.starts_with(&format!("{}:1:13: ", path.display())), "{problem}");
        assert!(problem.ends_with("the built-in keys are used"), "{problem}");
        let nb = load(Some(&path), crate::i18n::words(Lang::Nb)).1.unwrap();
        assert!(nb.ends_with("de innebygde tastene brukes"), "{nb}");
    }

    #[test]
    fn an_escape_in_a_keys_file_never_reaches_the_terminal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys.ron");
        std::fs::write(&path, "{ \"\u{1b}]0;owned\u{7}\": { \"next\": \"N\" } }").unwrap();
        let problem = load(Some(&path), crate::i18n::words(Lang::Nb)).1.unwrap();
        assert!(!problem.contains('\u{1b}') && !problem.contains('\u{7}'), "{problem:?}");
        assert!(problem.contains("␛]0;owned␇"), "{problem}");
        assert_eq!(crate::app::keymap::key_name(Key::char('\u{1b}')), "␛");
    }

    #[test]
    fn what_keys_prints_reads_back_as_the_same_keymap() {
        let mut out = Vec::new();
        print(&Keymap::default(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("    \"main\": {\n        \"next\": \"n\",\n"), "{text}");
        assert!(text.contains("        \"select_up\": [\"<up>\", \"k\"],\n"), "{text}");
        assert_eq!(apply(&text, &Keymap::default()).unwrap(), Keymap::default());
    }
}
