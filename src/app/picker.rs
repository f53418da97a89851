//! A fuzzy picker: a speaker, a standard phrase, an outcome, someone responsible.
//! Typing "hn" finds Helse Nord RHF; what matches nothing can be taken as free text.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui_textarea::TextArea;

use super::Mode;
use crate::domain::notes::Speaker;
use crate::domain::session::Session;
use crate::domain::vedtak::Outcome;
use crate::i18n::Words;

/// What the picked value is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickFor {
    /// The speaker of the note in the editor.
    Speaker,
    /// A phrase to insert into the editor.
    Phrase,
    /// The outcome of item `.0`: of the decision at `.1` in its timeline, else its last
    /// (or a new one from the forslag).
    Outcome(usize, Option<usize>),
    /// Who is responsible for a follow-up (in the form).
    Who,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Speaker(Speaker),
    Text(String),
    Outcome(Outcome),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub label: String,
    pub value: Value,
}

pub struct Picker {
    pub purpose: PickFor,
    pub query: TextArea<'static>,
    pub choices: Vec<Choice>,
    /// Indices into `choices` that match the query, best first; then free text if offered.
    pub shown: Vec<usize>,
    pub selected: usize,
    /// The screen to go back to.
    pub back: Mode,
}

impl Picker {
    pub fn new(purpose: PickFor, choices: Vec<Choice>, back: Mode) -> Picker {
        let shown = (0..choices.len()).collect();
        Picker { purpose, query: TextArea::default(), choices, shown, selected: 0, back }
    }

    pub fn query_text(&self) -> String {
        self.query.lines().join(" ").trim().to_string()
    }

    /// Free text is offered for speakers and the responsible, not for fixed lists.
    pub fn free_text(&self) -> Option<String> {
        let q = self.query_text();
        (matches!(self.purpose, PickFor::Speaker | PickFor::Who) && !q.is_empty()).then_some(q)
    }

    /// Ranks the choices against the query.
    pub fn refresh(&mut self) {
        let labels: Vec<&str> = self.choices.iter().map(|c| c.label.as_str()).collect();
        self.shown = rank(&self.query_text(), &labels);
        self.selected = 0;
    }

    pub fn rows(&self) -> usize {
        self.shown.len() + usize::from(self.free_text().is_some())
    }

    /// The value under the selection.
    pub fn picked(&self) -> Option<Value> {
        match self.shown.get(self.selected) {
            Some(&i) => Some(self.choices[i].value.clone()),
            None => self.free_text().map(|t| match self.purpose {
                PickFor::Speaker => Value::Speaker(Speaker { name: Some(t), org: None }),
                _ => Value::Text(t),
            }),
        }
    }
}

/// The indices of `labels` that match `query`, best first (in list order among equals).
pub fn rank(query: &str, labels: &[&str]) -> Vec<usize> {
    if query.trim().is_empty() {
        return (0..labels.len()).collect();
    }
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, usize)> = labels
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let score = pattern.score(Utf32Str::new(l, &mut buf), &mut matcher)?;
            Some((score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Everyone who may speak: each organisation (referater usually name those), each
/// person on the roster, the secretariat.
pub fn speakers(session: &Session, w: &Words) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    let mut orgs: Vec<&String> = session.agenda.people.iter().filter_map(|p| p.org.as_ref()).collect();
    orgs.sort();
    orgs.dedup();
    for org in orgs {
        let speaker = Speaker { name: None, org: Some(org.clone()) };
        out.push(Choice { label: org.clone(), value: Value::Speaker(speaker) });
    }
    for p in &session.agenda.people {
        let speaker = Speaker { name: p.name.clone(), org: p.org.clone() };
        if p.name.is_some() {
            // (Found by the initials too: "ge" for Geir-Erlend, "GE" on the roster.)
            let label = match &p.short {
                Some(short) => format!("{} · {short}", speaker.label()),
                None => speaker.label(),
            };
            out.push(Choice { label, value: Value::Speaker(speaker) });
        }
    }
    let secretariat = Speaker { name: Some(w.secretariat.to_string()), org: None };
    out.push(Choice { label: w.secretariat.to_string(), value: Value::Speaker(secretariat) });
    recent_first(session, out)
}

/// How many of the latest speakers come first.
const RECENT: usize = 8;

/// The latest speakers first, the latest at the top (the same speaker again is Ctrl+P
/// Enter), then everyone else in roster order; a name typed freely earlier is among them.
fn recent_first(session: &Session, mut rest: Vec<Choice>) -> Vec<Choice> {
    let mut said: Vec<(crate::domain::time::Stamp, &Speaker)> = session
        .agenda
        .items
        .iter()
        .flat_map(|i| i.record().notes())
        .filter_map(|n| Some((n.at, n.speaker.as_ref()?)))
        .collect();
    said.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut first: Vec<Choice> = Vec::new();
    for (_, speaker) in said {
        let value = Value::Speaker(speaker.clone());
        if first.iter().any(|c| c.value == value) {
            continue;
        }
        match rest.iter().position(|c| c.value == value) {
            Some(p) => first.push(rest.remove(p)),
            None => first.push(Choice { label: speaker.label(), value }),
        }
        if first.len() == RECENT {
            break;
        }
    }
    first.extend(rest);
    first
}

/// Who can be responsible for a follow-up: the same people, as text.
pub fn responsible(session: &Session, w: &Words) -> Vec<Choice> {
    speakers(session, w).into_iter().map(|c| Choice { value: Value::Text(c.label.clone()), label: c.label }).collect()
}

/// The standard phrases: the built-in ones and the agenda's own.
pub fn phrases(session: &Session, w: &Words) -> Vec<Choice> {
    session
        .agenda
        .phrases
        .iter()
        .map(String::as_str)
        .chain(w.phrases.iter().copied())
        .map(|p| Choice { label: p.to_string(), value: Value::Text(p.to_string()) })
        .collect()
}

pub fn outcomes(w: &Words) -> Vec<Choice> {
    Outcome::ALL.iter().map(|o| Choice { label: w.outcome(*o).to_string(), value: Value::Outcome(*o) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_find_the_organisation_first() {
        let labels = ["Helse Nord RHF", "Helse Sør-Øst", "KS", "Ida-Kristin Martinussen (Helse Nord RHF)"];
        assert_eq!(rank("hn", &labels)[0], 0);
        assert_eq!(rank("ks", &labels)[0], 2);
        assert_eq!(rank("ida", &labels), [3]);
        assert_eq!(rank("", &labels), [0, 1, 2, 3]);
        assert!(rank("zzz", &labels).is_empty());
    }

    #[test]
    fn the_initials_on_the_roster_find_the_person() {
        let agenda =
            crate::store::agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let session = Session::new(agenda);
        let choices = speakers(&session, crate::i18n::words(crate::domain::agenda::Lang::Nb));
        let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
        let first = rank("GE", &labels)[0];
        let Value::Speaker(s) = &choices[first].value else { panic!("a speaker") };
        assert_eq!(s.name.as_deref(), Some("Geir-Erlend"), "{labels:?}");
    }

    #[test]
    fn norwegian_letters_match() {
        let labels = ["Helse Sør-Øst", "Pål Solerød (FHI)"];
        assert_eq!(rank("sør", &labels)[0], 0);
        assert_eq!(rank("pål", &labels), [1]);
    }
}
