//! The one key table: what each key does on each screen. Dispatch, the footer and the
//! help screen are all read from it.

use super::key::{Code, Key, Mods};

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
    /// The selected sak as the agenda has it: background, documents, forslag til vedtak.
    ShowSak,
    /// Accept the proposal to end on time: the timeboxes still to come shortened (the
    /// breaks once the saker can give no more).
    CatchUp,
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
    /// Empties the line being typed (a prompt, a picker's search, a form's field).
    ClearInput,
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
    /// Open the search line of the attendance screen.
    Search,
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
    /// Asked whether a key pressed in the middle of typing was meant.
    Typing,
    /// Reading the sak's papers (its background, documents and forslag til vedtak).
    Sak,
    /// The search line of the attendance screen.
    RosterSearch,
}

impl Context {
    /// In the order of the help screen and of `Words::contexts`.
    pub const ALL: [Context; 13] = [
        Context::Main,
        Context::Notes,
        Context::Editor,
        Context::Picker,
        Context::Form,
        Context::FollowUps,
        Context::Attendance,
        Context::Sak,
        Context::RosterSearch,
        Context::Prompt,
        Context::Confirm,
        Context::Typing,
        Context::Help,
    ];
}

/// One row of the key table.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// Shown in the footer of its screen.
    pub footer: bool,
}

const NONE: Mods = Mods::NONE;
const SHIFT: Mods = Mods::SHIFT;
const CTRL: Mods = Mods::CONTROL;
const ALT: Mods = Mods::ALT;

const fn ch(c: char) -> Key {
    Key::char(c)
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
    bind!(Main, [Key::new(Code::Up, NONE), ch('k')], SelectUp, false),
    bind!(Main, [Key::new(Code::Down, NONE), ch('j')], SelectDown, false),
    bind!(Main, [Key::new(Code::Home, NONE)], SelectFirst, false),
    bind!(Main, [Key::new(Code::End, NONE)], SelectLast, false),
    bind!(Main, [ch('.')], SelectCurrent, false),
    bind!(Main, [ch('a')], AddSak, false),
    bind!(Main, [ch('e')], EditTitle, false),
    bind!(Main, [ch('t')], EditTimebox, false),
    bind!(Main, [ch('c')], CatchUp, false),
    bind!(Main, [Key::new(Code::Up, SHIFT), Key::new(Code::Char('K'), SHIFT), ch('K')], MoveUp, false),
    bind!(Main, [Key::new(Code::Down, SHIFT), Key::new(Code::Char('J'), SHIFT), ch('J')], MoveDown, false),
    bind!(Main, [ch('u')], Postpone, false),
    bind!(Main, [ch('w')], Withdraw, false),
    bind!(Main, [ch('i'), Key::new(Code::Enter, NONE)], OpenNote, true),
    bind!(Main, [Key::new(Code::Tab, NONE)], FocusNotes, false),
    bind!(Main, [ch('v')], AdoptProposal, true),
    bind!(Main, [ch('V'), Key::new(Code::Char('V'), SHIFT)], AmendProposal, false),
    bind!(Main, [ch('d')], PartialDecision, false),
    bind!(Main, [ch('o')], SetOutcome, false),
    bind!(Main, [ch('s')], SetVotes, false),
    bind!(Main, [ch('f')], AddFollowUp, false),
    bind!(Main, [ch('F'), Key::new(Code::Char('F'), SHIFT)], ShowFollowUps, false),
    bind!(Main, [ch('m')], ShowAttendance, true),
    bind!(Main, [ch('B'), Key::new(Code::Char('B'), SHIFT)], ShowSak, false),
    bind!(Main, [ch('z'), Key::new(Code::Char('z'), CTRL)], Undo, false),
    bind!(Main, [ch('Z'), Key::new(Code::Char('Z'), SHIFT), Key::new(Code::Char('y'), CTRL)], Redo, false),
    bind!(Main, [ch('?'), Key::new(Code::Char('?'), SHIFT), Key::new(Code::F(1), NONE)], Help, true),
    bind!(Main, [ch('q')], Quit, true),
    bind!(Main, [Key::new(Code::Char('s'), CTRL)], SaveElsewhere, false),
    bind!(Main, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Notes, [Key::new(Code::Up, NONE), ch('k')], SelectUp, false),
    bind!(Notes, [Key::new(Code::Down, NONE), ch('j')], SelectDown, false),
    bind!(Notes, [Key::new(Code::Enter, NONE), ch('e')], EditNote, true),
    bind!(Notes, [Key::new(Code::Delete, NONE), ch('x')], DeleteNote, true),
    bind!(Notes, [Key::new(Code::Up, SHIFT), Key::new(Code::Char('K'), SHIFT), ch('K')], MoveUp, false),
    bind!(Notes, [Key::new(Code::Down, SHIFT), Key::new(Code::Char('J'), SHIFT), ch('J')], MoveDown, false),
    bind!(Notes, [ch('i')], OpenNote, true),
    bind!(Notes, [ch('o')], SetOutcome, false),
    bind!(Notes, [ch('s')], SetVotes, false),
    bind!(Notes, [ch('z'), Key::new(Code::Char('z'), CTRL)], Undo, true),
    bind!(Notes, [Key::new(Code::Tab, NONE), Key::new(Code::Esc, NONE)], Cancel, true),
    bind!(Notes, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Editor, [Key::new(Code::Enter, NONE)], SaveAndNext, true),
    bind!(Editor, [Key::new(Code::Enter, ALT), Key::new(Code::Char('j'), CTRL)], Newline, true),
    bind!(Editor, [Key::new(Code::Tab, NONE)], CycleKind, true),
    bind!(Editor, [Key::new(Code::Char('p'), CTRL)], PickSpeaker, true),
    bind!(Editor, [Key::new(Code::Char('t'), CTRL)], PickPhrase, true),
    bind!(Editor, [Key::new(Code::Char('z'), CTRL)], Undo, false),
    bind!(Editor, [Key::new(Code::Char('y'), CTRL)], Redo, false),
    bind!(Editor, [Key::new(Code::Esc, NONE)], CloseEditor, true),
    bind!(Editor, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Picker, [Key::new(Code::Enter, NONE)], Submit, true),
    bind!(Picker, [Key::new(Code::Up, NONE)], SelectUp, true),
    bind!(Picker, [Key::new(Code::Down, NONE)], SelectDown, false),
    bind!(Picker, [Key::new(Code::Esc, NONE)], Cancel, true),
    bind!(Picker, [Key::new(Code::Char('u'), CTRL)], ClearInput, false),
    bind!(Picker, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Form, [Key::new(Code::Enter, NONE)], Submit, true),
    bind!(Form, [Key::new(Code::Tab, NONE), Key::new(Code::Down, NONE)], NextField, true),
    bind!(
        Form,
        [Key::new(Code::BackTab, SHIFT), Key::new(Code::BackTab, NONE), Key::new(Code::Up, NONE)],
        PreviousField,
        false
    ),
    bind!(Form, [Key::new(Code::Char('p'), CTRL)], PickSpeaker, true),
    bind!(Form, [Key::new(Code::Esc, NONE)], Cancel, true),
    bind!(Form, [Key::new(Code::Char('u'), CTRL)], ClearInput, false),
    bind!(Form, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(FollowUps, [Key::new(Code::Up, NONE), ch('k')], SelectUp, false),
    bind!(FollowUps, [Key::new(Code::Down, NONE), ch('j')], SelectDown, false),
    bind!(FollowUps, [Key::new(Code::Enter, NONE), ch('e')], EditFollowUp, true),
    bind!(FollowUps, [Key::new(Code::Delete, NONE), ch('x')], DeleteFollowUp, true),
    bind!(FollowUps, [ch('z'), Key::new(Code::Char('z'), CTRL)], Undo, false),
    bind!(FollowUps, [Key::new(Code::Esc, NONE), ch('q'), ch('F'), Key::new(Code::Char('F'), SHIFT)], Cancel, true),
    bind!(FollowUps, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Attendance, [Key::new(Code::Up, NONE), ch('k')], SelectUp, false),
    bind!(Attendance, [Key::new(Code::Down, NONE), ch('j')], SelectDown, false),
    bind!(Attendance, [ch('/')], Search, true),
    bind!(Attendance, [ch('t')], MarkPresent, true),
    bind!(Attendance, [ch('f')], MarkApologies, true),
    bind!(Attendance, [ch('a')], MarkAbsent, true),
    bind!(Attendance, [ch('g')], ToggleLeft, true),
    bind!(Attendance, [ch('e')], EditTimes, false),
    bind!(Attendance, [ch('n')], AddPerson, true),
    bind!(Attendance, [ch('A'), Key::new(Code::Char('A'), SHIFT)], AllPresent, false),
    bind!(Attendance, [ch('z'), Key::new(Code::Char('z'), CTRL)], Undo, false),
    bind!(Attendance, [Key::new(Code::Esc, NONE), ch('q'), ch('m')], Cancel, true),
    bind!(Attendance, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Sak, [Key::new(Code::Up, NONE), ch('k')], SelectUp, true),
    bind!(Sak, [Key::new(Code::Down, NONE), ch('j')], SelectDown, true),
    bind!(Sak, [Key::new(Code::Esc, NONE), ch('q'), ch('B'), Key::new(Code::Char('B'), SHIFT)], Cancel, true),
    bind!(Sak, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    // Letters type the search; Enter or Alt with a letter acts on the person found.
    bind!(RosterSearch, [Key::new(Code::Enter, NONE), Key::new(Code::Char('t'), ALT)], MarkPresent, true),
    bind!(RosterSearch, [Key::new(Code::Char('g'), ALT)], ToggleLeft, true),
    bind!(RosterSearch, [Key::new(Code::Char('f'), ALT)], MarkApologies, true),
    bind!(RosterSearch, [Key::new(Code::Char('a'), ALT)], MarkAbsent, false),
    bind!(RosterSearch, [Key::new(Code::Char('e'), ALT)], EditTimes, false),
    bind!(RosterSearch, [Key::new(Code::Up, NONE)], SelectUp, false),
    bind!(RosterSearch, [Key::new(Code::Down, NONE)], SelectDown, false),
    bind!(RosterSearch, [Key::new(Code::Esc, NONE)], Cancel, true),
    bind!(RosterSearch, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Help, [Key::new(Code::Esc, NONE), ch('q'), ch('?'), Key::new(Code::Char('?'), SHIFT)], Cancel, true),
    bind!(Help, [Key::new(Code::Up, NONE), ch('k')], SelectUp, false),
    bind!(Help, [Key::new(Code::Down, NONE), ch('j')], SelectDown, false),
    bind!(Help, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Prompt, [Key::new(Code::Enter, NONE)], Submit, true),
    bind!(Prompt, [Key::new(Code::Esc, NONE)], Cancel, true),
    bind!(Prompt, [Key::new(Code::Tab, NONE)], NextKind, true),
    bind!(Prompt, [Key::new(Code::Char('u'), CTRL)], ClearInput, true),
    bind!(Prompt, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    bind!(Confirm, [ch('j'), ch('y'), Key::new(Code::Enter, NONE)], Yes, true),
    bind!(Confirm, [ch('n'), Key::new(Code::Esc, NONE)], No, true),
    bind!(Confirm, [Key::new(Code::Char('s'), CTRL)], SaveElsewhere, false),
    bind!(Confirm, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
    // (Any letter goes on as text, into a note: see `app::typing`.)
    bind!(Typing, [Key::new(Code::Enter, NONE)], Yes, true),
    bind!(Typing, [Key::new(Code::Esc, NONE)], No, true),
    bind!(Typing, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
];

/// The action of `key` in `context`, if it has one.
pub fn action(context: Context, key: Key) -> Option<Action> {
    let mods = key.mods - Mods::SHIFT;
    KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .find(|b| {
            b.keys.iter().any(|&k| {
                k.code == key.code && (k.mods == key.mods || (k.mods - Mods::SHIFT == mods && is_char(k.code)))
            })
        })
        .map(|b| b.action)
}

fn is_char(code: Code) -> bool {
    matches!(code, Code::Char(_))
}

/// The bindings of a context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}

/// How a key is written on screen: "n", "↑", "Shift+↑", "Ctrl+C", "Esc".
pub fn key_name(key: Key) -> String {
    let (code, mods) = (key.code, key.mods);
    let base = match code {
        Code::Char(' ') => "Space".to_string(),
        Code::Char(c) => c.to_string(),
        Code::Up => "↑".into(),
        Code::Down => "↓".into(),
        Code::Left => "←".into(),
        Code::Right => "→".into(),
        Code::Enter => "Enter".into(),
        Code::Esc => "Esc".into(),
        Code::Tab => "Tab".into(),
        Code::BackTab => "Shift+Tab".into(),
        Code::Delete => "Delete".into(),
        Code::Backspace => "Backspace".into(),
        Code::Home => "Home".into(),
        Code::End => "End".into(),
        Code::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if code == Code::BackTab {
        base
    } else if mods.contains(Mods::CONTROL) {
        format!("Ctrl+{}", base.to_uppercase())
    } else if mods.contains(Mods::ALT) {
        format!("Alt+{base}")
    } else if mods.contains(Mods::SHIFT) && !is_char(code) {
        format!("Shift+{base}")
    } else {
        base
    }
}

/// The keys of a binding as shown in help: "↑ k", without the duplicates that only
/// exist because terminals report shifted letters differently.
pub fn keys_label(binding: &Binding) -> String {
    let mut names: Vec<String> = Vec::new();
    for &key in binding.keys {
        let name = key_name(key);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: Code, mods: Mods) -> Key {
        Key::new(code, mods)
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
        assert_eq!(action(Context::Main, key(Code::Char('K'), SHIFT)), Some(Action::MoveUp));
        assert_eq!(action(Context::Main, key(Code::Char('K'), NONE)), Some(Action::MoveUp));
        assert_eq!(action(Context::Main, key(Code::Char('?'), SHIFT)), Some(Action::Help));
        assert_eq!(action(Context::Main, key(Code::Up, SHIFT)), Some(Action::MoveUp));
        assert_eq!(action(Context::Main, key(Code::Up, NONE)), Some(Action::SelectUp));
        assert_eq!(action(Context::Main, key(Code::Char('c'), CTRL)), Some(Action::ForceQuit));
        assert_eq!(action(Context::Main, key(Code::Char('c'), NONE)), Some(Action::CatchUp));
    }

    #[test]
    fn keys_are_named_for_people() {
        assert_eq!(key_name(Key::new(Code::Up, SHIFT)), "Shift+↑");
        assert_eq!(key_name(Key::new(Code::Char('c'), CTRL)), "Ctrl+C");
        let help = KEYMAP.iter().find(|b| b.action == Action::Help).unwrap();
        assert_eq!(keys_label(help), "? F1");
    }
}
