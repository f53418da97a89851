//! The one key table: what each key does on each screen. Dispatch, the footer and the
//! help screen are all read from it: from the `Keymap` built at start, which is the table
//! with a user's key overrides (`app::overrides`), while the README is written from the
//! table itself.

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
    /// Mark the selected sak as one that comes back to a later meeting.
    ComesBack,
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
    // On a follow-up of the meeting before.
    MarkDone,
    MarkCarried,
    MarkDropped,
    Unmark,
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
    /// `referent follow`: the chair's read-only view of a meeting.
    Follow,
}

/// `SomeName` as `some_name`: how a key overrides file names contexts and actions.
fn snake(debug: &str) -> String {
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

impl Action {
    /// The action's name in a key overrides file: `next`, `go_to_selected`.
    pub fn name(self) -> String {
        snake(&format!("{self:?}"))
    }
}

impl Context {
    /// The context's name in a key overrides file: `main`, `follow_ups`.
    pub fn name(self) -> String {
        snake(&format!("{self:?}"))
    }

    /// In the order of the help screen and of `Words::contexts`.
    pub const ALL: [Context; 14] = [
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
        Context::Follow,
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
    bind!(Main, [ch('r')], ComesBack, false),
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
    bind!(FollowUps, [ch('d')], MarkDone, true),
    bind!(FollowUps, [ch('c')], MarkCarried, true),
    bind!(FollowUps, [ch('u')], MarkDropped, true),
    bind!(FollowUps, [Key::new(Code::Backspace, NONE)], Unmark, false),
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
    bind!(Follow, [ch('q'), Key::new(Code::Esc, NONE)], Quit, true),
    bind!(Follow, [Key::new(Code::Char('c'), CTRL)], ForceQuit, false),
];

/// Whether `pressed` is the key `bound`: the same, or a letter with Shift however the
/// terminal reports it (`K`, or Shift with `K`).
pub fn same_key(bound: Key, pressed: Key) -> bool {
    bound.code == pressed.code
        && (bound.mods == pressed.mods
            || (bound.mods - Mods::SHIFT == pressed.mods - Mods::SHIFT && is_char(bound.code)))
}

fn is_char(code: Code) -> bool {
    matches!(code, Code::Char(_))
}

/// The bindings of a context in the table, in table order (what the README shows).
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}

/// One row of the keymap in effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    /// Shown in the footer of its screen.
    pub footer: bool,
}

/// The keymap in effect, built at start: the table, with a user's overrides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Bound>,
}

impl Default for Keymap {
    /// The table as it is.
    fn default() -> Keymap {
        let rows = KEYMAP
            .iter()
            .map(|b| Bound { context: b.context, keys: b.keys.to_vec(), action: b.action, footer: b.footer })
            .collect();
        Keymap { rows }
    }
}

impl Keymap {
    /// The action of `key` in `context`, if it has one.
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        self.bindings(context).find(|b| b.keys.iter().any(|&k| same_key(k, key))).map(|b| b.action)
    }

    /// The bindings of a context, in table order.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Bound> {
        self.rows.iter().filter(move |b| b.context == context)
    }

    /// Gives `action` in `context` the keys `keys` instead of its own; false when the
    /// context has no such action.
    pub fn rebind(&mut self, context: Context, action: Action, keys: Vec<Key>) -> bool {
        let row = self.rows.iter_mut().find(|b| b.context == context && b.action == action);
        row.map(|b| b.keys = keys).is_some()
    }

    /// The first key that means two actions in one context: the context, the key and
    /// both actions (in table order).
    pub fn clash(&self) -> Option<(Context, Key, Action, Action)> {
        for (i, a) in self.rows.iter().enumerate() {
            for b in self.rows[i + 1..].iter().filter(|b| b.context == a.context) {
                if let Some(&key) = a.keys.iter().find(|&&k| b.keys.iter().any(|&l| same_key(k, l) || same_key(l, k))) {
                    return Some((a.context, key, a.action, b.action));
                }
            }
        }
        None
    }
}

/// How a key is written on screen: "n", "↑", "Shift+↑", "Ctrl+C", "Esc".
pub fn key_name(key: Key) -> String {
    let (code, mods) = (key.code, key.mods);
    let base = match code {
        Code::Char(' ') => "Space".to_string(),
        // (A control character from a keys file is shown, never sent to the terminal.)
        Code::Char(c) => crate::domain::text::visible(&c.to_string()).into_owned(),
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
pub fn keys_label(keys: &[Key]) -> String {
    let mut names: Vec<String> = Vec::new();
    for &key in keys {
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

    fn action(context: Context, key: Key) -> Option<Action> {
        Keymap::default().action(context, key)
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
        assert_eq!(Keymap::default().clash(), None);
    }

    #[test]
    fn a_rebound_action_answers_to_its_new_keys_only_and_a_clash_names_both() {
        let mut keymap = Keymap::default();
        assert!(keymap.rebind(Context::Main, Action::Next, vec![key(Code::Char('n'), CTRL)]));
        assert_eq!(keymap.action(Context::Main, key(Code::Char('n'), CTRL)), Some(Action::Next));
        assert_eq!(keymap.action(Context::Main, ch('n')), None);
        assert_eq!(keymap.action(Context::Attendance, ch('n')), Some(Action::AddPerson), "other screens keep theirs");
        assert_eq!(keymap.clash(), None);
        assert!(!keymap.rebind(Context::Main, Action::MarkPresent, vec![ch('t')]), "not an action of main");
        keymap.rebind(Context::Main, Action::Pause, vec![ch('V')]);
        assert_eq!(keymap.clash(), Some((Context::Main, ch('V'), Action::Pause, Action::AmendProposal)));
    }

    #[test]
    fn contexts_and_actions_are_named_as_a_keys_file_writes_them() {
        assert_eq!(Context::Main.name(), "main");
        assert_eq!(Context::RosterSearch.name(), "roster_search");
        assert_eq!(Action::GoToSelected.name(), "go_to_selected");
        assert_eq!(Action::Next.name(), "next");
        let names: std::collections::HashSet<String> = Context::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), Context::ALL.len());
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
        assert_eq!(keys_label(help.keys), "? F1");
    }
}
