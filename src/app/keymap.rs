//! The one key table: what each key does on each screen. Dispatch, the footer and the
//! help screen are all read from it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Something the user asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SaveElsewhere,
    Next,
    GoToSelected,
    Pause,
    Break,
    CloseMeeting,
    SelectUp,
    SelectDown,
    SelectFirst,
    SelectLast,
    SelectCurrent,
    AddSak,
    EditTitle,
    EditTimebox,
    MoveUp,
    MoveDown,
    Postpone,
    Withdraw,
    Help,
    Quit,
    ForceQuit,
    OpenNote,
    FocusNotes,
    Undo,
    Redo,
    AdoptProposal,
    AmendProposal,
    PartialDecision,
    SetOutcome,
    SetVotes,
    AddFollowUp,
    ShowFollowUps,
    ShowAttendance,
    // On the notes of a sak.
    EditNote,
    DeleteNote,
    // In the note editor.
    SaveAndNext,
    Newline,
    CycleKind,
    PickSpeaker,
    PickPhrase,
    CloseEditor,
    // In a prompt, picker or form.
    Submit,
    Cancel,
    NextKind,
    NextField,
    PreviousField,
    // In a confirmation.
    Yes,
    No,
    // On the attendance screen.
    MarkPresent,
    MarkApologies,
    MarkAbsent,
    ToggleLeft,
    EditTimes,
    AddPerson,
    AllPresent,
    // On the follow-up list.
    EditFollowUp,
    DeleteFollowUp,
}

/// Which screen or overlay has the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Main,
    Help,
    Prompt,
    Confirm,
    Notes,
    Editor,
    Picker,
    Form,
    FollowUps,
    Attendance,
}

impl Context {
    /// In the order of the help screen and of `Words::contexts`.
    pub const ALL: [Context; 10] = [
        Context::Main,
        Context::Notes,
        Context::Editor,
        Context::Picker,
        Context::Form,
        Context::FollowUps,
        Context::Attendance,
        Context::Prompt,
        Context::Confirm,
        Context::Help,
    ];
}

/// One row of the key table.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    /// Shown in the footer of its screen.
    pub footer: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

macro_rules! bind {
    ($context:ident, [$($key:expr),+], $action:ident, $footer:expr) => {
        Binding { context: Context::$context, keys: &[$($key),+], action: Action::$action, footer: $footer }
    };
}

pub static KEYMAP: &[Binding] = &[
    bind!(Main, [ch('n')], Next, true),
    bind!(Main, [ch('g')], GoToSelected, false),
    bind!(Main, [ch('p')], Pause, true),
    bind!(Main, [ch('b')], Break, false),
    bind!(Main, [ch('x')], CloseMeeting, false),
    bind!(Main, [(KeyCode::Up, NONE), ch('k')], SelectUp, false),
    bind!(Main, [(KeyCode::Down, NONE), ch('j')], SelectDown, false),
    bind!(Main, [(KeyCode::Home, NONE)], SelectFirst, false),
    bind!(Main, [(KeyCode::End, NONE)], SelectLast, false),
    bind!(Main, [ch('.')], SelectCurrent, false),
    bind!(Main, [ch('a')], AddSak, false),
    bind!(Main, [ch('e')], EditTitle, false),
    bind!(Main, [ch('t')], EditTimebox, false),
    bind!(Main, [(KeyCode::Up, SHIFT), (KeyCode::Char('K'), SHIFT), ch('K')], MoveUp, false),
    bind!(Main, [(KeyCode::Down, SHIFT), (KeyCode::Char('J'), SHIFT), ch('J')], MoveDown, false),
    bind!(Main, [ch('u')], Postpone, false),
    bind!(Main, [ch('w')], Withdraw, false),
    bind!(Main, [ch('i'), (KeyCode::Enter, NONE)], OpenNote, true),
    bind!(Main, [(KeyCode::Tab, NONE)], FocusNotes, false),
    bind!(Main, [ch('v')], AdoptProposal, true),
    bind!(Main, [ch('V'), (KeyCode::Char('V'), SHIFT)], AmendProposal, false),
    bind!(Main, [ch('d')], PartialDecision, false),
    bind!(Main, [ch('o')], SetOutcome, false),
    bind!(Main, [ch('s')], SetVotes, false),
    bind!(Main, [ch('f')], AddFollowUp, false),
    bind!(Main, [ch('F'), (KeyCode::Char('F'), SHIFT)], ShowFollowUps, false),
    bind!(Main, [ch('m')], ShowAttendance, true),
    bind!(Main, [ch('z'), (KeyCode::Char('z'), CTRL)], Undo, false),
    bind!(Main, [ch('Z'), (KeyCode::Char('Z'), SHIFT), (KeyCode::Char('y'), CTRL)], Redo, false),
    bind!(Main, [ch('?'), (KeyCode::Char('?'), SHIFT), (KeyCode::F(1), NONE)], Help, true),
    bind!(Main, [ch('q')], Quit, true),
    bind!(Main, [(KeyCode::Char('s'), CTRL)], SaveElsewhere, false),
    bind!(Main, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Notes, [(KeyCode::Up, NONE), ch('k')], SelectUp, false),
    bind!(Notes, [(KeyCode::Down, NONE), ch('j')], SelectDown, false),
    bind!(Notes, [(KeyCode::Enter, NONE), ch('e')], EditNote, true),
    bind!(Notes, [(KeyCode::Delete, NONE), ch('x')], DeleteNote, true),
    bind!(Notes, [(KeyCode::Up, SHIFT), (KeyCode::Char('K'), SHIFT), ch('K')], MoveUp, false),
    bind!(Notes, [(KeyCode::Down, SHIFT), (KeyCode::Char('J'), SHIFT), ch('J')], MoveDown, false),
    bind!(Notes, [ch('i')], OpenNote, true),
    bind!(Notes, [ch('z'), (KeyCode::Char('z'), CTRL)], Undo, true),
    bind!(Notes, [(KeyCode::Tab, NONE), (KeyCode::Esc, NONE)], Cancel, true),
    bind!(Notes, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Editor, [(KeyCode::Enter, NONE)], SaveAndNext, true),
    bind!(Editor, [(KeyCode::Enter, ALT), (KeyCode::Char('j'), CTRL)], Newline, true),
    bind!(Editor, [(KeyCode::Tab, NONE)], CycleKind, true),
    bind!(Editor, [(KeyCode::Char('p'), CTRL)], PickSpeaker, true),
    bind!(Editor, [(KeyCode::Char('t'), CTRL)], PickPhrase, true),
    bind!(Editor, [(KeyCode::Char('z'), CTRL)], Undo, false),
    bind!(Editor, [(KeyCode::Char('y'), CTRL)], Redo, false),
    bind!(Editor, [(KeyCode::Esc, NONE)], CloseEditor, true),
    bind!(Editor, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Picker, [(KeyCode::Enter, NONE)], Submit, true),
    bind!(Picker, [(KeyCode::Up, NONE)], SelectUp, true),
    bind!(Picker, [(KeyCode::Down, NONE)], SelectDown, false),
    bind!(Picker, [(KeyCode::Esc, NONE)], Cancel, true),
    bind!(Picker, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Form, [(KeyCode::Enter, NONE)], Submit, true),
    bind!(Form, [(KeyCode::Tab, NONE), (KeyCode::Down, NONE)], NextField, true),
    bind!(Form, [(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE), (KeyCode::Up, NONE)], PreviousField, false),
    bind!(Form, [(KeyCode::Char('p'), CTRL)], PickSpeaker, true),
    bind!(Form, [(KeyCode::Esc, NONE)], Cancel, true),
    bind!(Form, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(FollowUps, [(KeyCode::Up, NONE), ch('k')], SelectUp, false),
    bind!(FollowUps, [(KeyCode::Down, NONE), ch('j')], SelectDown, false),
    bind!(FollowUps, [(KeyCode::Enter, NONE), ch('e')], EditFollowUp, true),
    bind!(FollowUps, [(KeyCode::Delete, NONE), ch('x')], DeleteFollowUp, true),
    bind!(FollowUps, [ch('z'), (KeyCode::Char('z'), CTRL)], Undo, false),
    bind!(FollowUps, [(KeyCode::Esc, NONE), ch('q'), ch('F'), (KeyCode::Char('F'), SHIFT)], Cancel, true),
    bind!(FollowUps, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Attendance, [(KeyCode::Up, NONE), ch('k')], SelectUp, false),
    bind!(Attendance, [(KeyCode::Down, NONE), ch('j')], SelectDown, false),
    bind!(Attendance, [ch('t')], MarkPresent, true),
    bind!(Attendance, [ch('f')], MarkApologies, true),
    bind!(Attendance, [ch('a')], MarkAbsent, true),
    bind!(Attendance, [ch('g')], ToggleLeft, true),
    bind!(Attendance, [ch('e')], EditTimes, false),
    bind!(Attendance, [ch('n')], AddPerson, true),
    bind!(Attendance, [ch('A'), (KeyCode::Char('A'), SHIFT)], AllPresent, false),
    bind!(Attendance, [ch('z'), (KeyCode::Char('z'), CTRL)], Undo, false),
    bind!(Attendance, [(KeyCode::Esc, NONE), ch('q'), ch('m')], Cancel, true),
    bind!(Attendance, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Help, [(KeyCode::Esc, NONE), ch('q'), ch('?'), (KeyCode::Char('?'), SHIFT)], Cancel, true),
    bind!(Help, [(KeyCode::Up, NONE), ch('k')], SelectUp, false),
    bind!(Help, [(KeyCode::Down, NONE), ch('j')], SelectDown, false),
    bind!(Help, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Prompt, [(KeyCode::Enter, NONE)], Submit, true),
    bind!(Prompt, [(KeyCode::Esc, NONE)], Cancel, true),
    bind!(Prompt, [(KeyCode::Tab, NONE)], NextKind, true),
    bind!(Prompt, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
    bind!(Confirm, [ch('j'), ch('y'), (KeyCode::Enter, NONE)], Yes, true),
    bind!(Confirm, [ch('n'), (KeyCode::Esc, NONE)], No, true),
    bind!(Confirm, [(KeyCode::Char('c'), CTRL)], ForceQuit, false),
];

/// The action of `key` in `context`, if it has one.
pub fn action(context: Context, key: KeyEvent) -> Option<Action> {
    let mods = key.modifiers - KeyModifiers::SHIFT;
    KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .find(|b| {
            b.keys.iter().any(|&(code, m)| {
                code == key.code && (m == key.modifiers || (m - KeyModifiers::SHIFT == mods && is_char(code)))
            })
        })
        .map(|b| b.action)
}

fn is_char(code: KeyCode) -> bool {
    matches!(code, KeyCode::Char(_))
}

/// The bindings of a context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}

/// How a key is written on screen: "n", "↑", "Shift+↑", "Ctrl+C", "Esc".
pub fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift+Tab".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if code == KeyCode::BackTab {
        base
    } else if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl+{}", base.to_uppercase())
    } else if mods.contains(KeyModifiers::ALT) {
        format!("Alt+{base}")
    } else if mods.contains(KeyModifiers::SHIFT) && !is_char(code) {
        format!("Shift+{base}")
    } else {
        base
    }
}

/// The keys of a binding as shown in help: "↑ k", without the duplicates that only
/// exist because terminals report shifted letters differently.
pub fn keys_label(binding: &Binding) -> String {
    let mut names: Vec<String> = Vec::new();
    for &(code, mods) in binding.keys {
        let name = key_name(code, mods);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn every_key_has_one_meaning_per_context() {
        for a in KEYMAP {
            for b in KEYMAP {
                if std::ptr::eq(a, b) || a.context != b.context {
                    continue;
                }
                for k in a.keys {
                    assert!(!b.keys.contains(k), "{k:?} is bound twice in {:?}", a.context);
                }
            }
        }
    }

    #[test]
    fn shifted_letters_match_however_the_terminal_reports_them() {
        assert_eq!(action(Context::Main, key(KeyCode::Char('K'), SHIFT)), Some(Action::MoveUp));
        assert_eq!(action(Context::Main, key(KeyCode::Char('K'), NONE)), Some(Action::MoveUp));
        assert_eq!(action(Context::Main, key(KeyCode::Char('?'), SHIFT)), Some(Action::Help));
        assert_eq!(action(Context::Main, key(KeyCode::Up, SHIFT)), Some(Action::MoveUp));
        assert_eq!(action(Context::Main, key(KeyCode::Up, NONE)), Some(Action::SelectUp));
        assert_eq!(action(Context::Main, key(KeyCode::Char('c'), CTRL)), Some(Action::ForceQuit));
        assert_eq!(action(Context::Main, key(KeyCode::Char('c'), NONE)), None);
    }

    #[test]
    fn keys_are_named_for_people() {
        assert_eq!(key_name(KeyCode::Up, SHIFT), "Shift+↑");
        assert_eq!(key_name(KeyCode::Char('c'), CTRL), "Ctrl+C");
        let help = KEYMAP.iter().find(|b| b.action == Action::Help).unwrap();
        assert_eq!(keys_label(help), "? F1");
    }
}
