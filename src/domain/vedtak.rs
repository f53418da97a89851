//! Vedtak: the decisions on a sak, from its forslag til vedtak or amended, with their
//! outcome, an optional label for partial decisions, and optional votes.

use serde::{Deserialize, Serialize};

use super::agenda::Item;
use super::session::{ItemState, Refusal, Session};
use super::time::Stamp;
use super::timeline::Entry;

/// One decision on a sak; a sak may carry several ("Beslutning kap. 1.3: ...").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub at: Stamp,
    /// "Beslutning kap. 1.3" for a partial decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub text: String,
    pub outcome: Outcome,
    /// For utsatt: "til septembermøtet".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
}

/// A vedtak being written, kept in the session so that no keystroke is lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VedtakDraft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub text: String,
    /// Where the decision being changed is in the timeline; `None` for a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editing: Option<usize>,
}

/// What became of a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Vedtatt.
    Adopted,
    /// Vedtatt med endringer.
    AdoptedAmended,
    /// Ikke vedtatt.
    Rejected,
    /// Utsatt.
    Postponed,
    /// Trukket.
    Withdrawn,
    /// Tatt til orientering.
    Noted,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Adopted,
        Outcome::AdoptedAmended,
        Outcome::Rejected,
        Outcome::Postponed,
        Outcome::Withdrawn,
        Outcome::Noted,
    ];
}

/// For, mot, avholdende.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    #[serde(rename = "for")]
    pub in_favour: u32,
    pub against: u32,
    pub abstaining: u32,
}

/// Votes that do not add up: said as a warning, never a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteProblem {
    /// More votes than voting members present.
    MoreThanPresent { votes: u32, present: u32 },
    /// Adopted with more votes against than for.
    AdoptedAgainst { in_favour: u32, against: u32 },
}

impl Votes {
    /// Reads "9 2 1", "9-2-1" or "9/2/1": for, against, abstaining (the last may be left out).
    pub fn parse(text: &str) -> Option<Votes> {
        let numbers: Vec<u32> = text
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ',' | ';'))
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().ok())
            .collect::<Option<_>>()?;
        match numbers[..] {
            [f, a] => Some(Votes { in_favour: f, against: a, abstaining: 0 }),
            [f, a, ab] => Some(Votes { in_favour: f, against: a, abstaining: ab }),
            _ => None,
        }
    }

    /// The form `parse` reads: "9 2 1".
    pub fn as_text(&self) -> String {
        format!("{} {} {}", self.in_favour, self.against, self.abstaining)
    }
}

impl Session {
    /// The forslag til vedtak of item `item`, if it has one.
    pub fn proposal(&self, item: usize) -> Option<&str> {
        match self.agenda.items.get(item)? {
            Item::Sak(s) => s.proposal.as_deref().filter(|p| !p.trim().is_empty()),
            Item::Break(_) => None,
        }
    }

    /// Starts writing a vedtak on item `item` from `text`, or takes up the one already begun.
    pub fn open_vedtak_draft(
        &mut self,
        item: usize,
        label: Option<String>,
        text: &str,
    ) -> Result<&VedtakDraft, Refusal> {
        if !matches!(self.agenda.items.get(item), Some(Item::Sak(_))) {
            return Err(Refusal::NotASak);
        }
        let record = self.agenda.items[item].record_mut();
        Ok(record.vedtak_draft.get_or_insert_with(|| VedtakDraft { label, text: text.to_string(), editing: None }))
    }

    /// Starts changing the decision at `index` of item `item`'s timeline: its label and
    /// text in the vedtak draft. Refused while another vedtak is half written.
    pub fn edit_decision(&mut self, item: usize, index: usize) -> Result<&VedtakDraft, Refusal> {
        let record = self.record_of_mut(item).ok_or(Refusal::NoSuchItem)?;
        let d = record.entries.get(index).and_then(Entry::decision).ok_or(Refusal::NoSuchItem)?;
        let draft = VedtakDraft { label: d.label.clone(), text: d.text.clone(), editing: Some(index) };
        if record.vedtak_draft.as_ref().is_some_and(|v| v.editing != Some(index) && !v.text.trim().is_empty()) {
            return Err(Refusal::UnfinishedDraft);
        }
        Ok(record.vedtak_draft.insert(draft))
    }

    /// The decision at `index` of item `item`'s timeline now reads `text`: where it is, its
    /// label, outcome (adopted as proposed or amended, as the new text says) and votes kept.
    pub fn revise_decision(&mut self, item: usize, index: usize, text: &str) -> Result<(), Refusal> {
        let d = self.decision(item, index)?;
        let outcome = if d.label.is_some() { d.outcome } else { self.effective_outcome(item, text, d.outcome) };
        let Some(Entry::Decision(d)) = self.record_of_mut(item).and_then(|r| r.entries.get_mut(index)) else {
            return Err(Refusal::NoSuchItem);
        };
        d.text = text.trim().to_string();
        d.outcome = outcome;
        Ok(())
    }

    pub fn vedtak_draft_mut(&mut self, item: usize) -> Option<&mut VedtakDraft> {
        self.record_of_mut(item)?.vedtak_draft.as_mut()
    }

    /// Drops the vedtak being written (saved as a decision, or given up).
    pub fn close_vedtak_draft(&mut self, item: usize) {
        if let Some(r) = self.record_of_mut(item) {
            r.vedtak_draft = None;
        }
    }

    /// Adopts the forslag til vedtak unchanged.
    pub fn adopt_proposal(&mut self, item: usize, now: Stamp) -> Result<usize, Refusal> {
        let text = self.proposal(item).ok_or(Refusal::NoProposal)?.to_string();
        self.decide(item, None, &text, Outcome::Adopted, now)
    }

    /// Records a decision. Adopted text that differs from the forslag is adopted with
    /// changes; an utsatt or trukket outcome marks the sak so in the saksliste.
    pub fn decide(
        &mut self,
        item: usize,
        label: Option<&str>,
        text: &str,
        outcome: Outcome,
        now: Stamp,
    ) -> Result<usize, Refusal> {
        if !matches!(self.agenda.items.get(item), Some(Item::Sak(_))) {
            return Err(Refusal::NotASak);
        }
        let label = label.map(str::trim).filter(|l| !l.is_empty()).map(String::from);
        let outcome = if label.is_some() { outcome } else { self.effective_outcome(item, text, outcome) };
        let decision = Decision { at: now, label, text: text.trim().to_string(), outcome, until: None, votes: None };
        let index = self.agenda.items[item].record_mut().push(Entry::Decision(decision));
        self.mark_by_outcome(item, outcome);
        Ok(index)
    }

    /// Changes the outcome of the decision at `index` of the timeline (and what it was
    /// postponed to).
    pub fn set_outcome(
        &mut self,
        item: usize,
        index: usize,
        outcome: Outcome,
        until: Option<&str>,
    ) -> Result<(), Refusal> {
        let d = self.decision(item, index)?;
        let (text, partial) = (d.text.clone(), d.label.is_some());
        let outcome = if partial { outcome } else { self.effective_outcome(item, &text, outcome) };
        let Some(Entry::Decision(d)) = self.record_of_mut(item).and_then(|r| r.entries.get_mut(index)) else {
            return Err(Refusal::NoSuchItem);
        };
        d.outcome = outcome;
        d.until = until.map(str::trim).filter(|u| !u.is_empty()).map(String::from);
        self.mark_by_outcome(item, outcome);
        Ok(())
    }

    pub fn set_votes(&mut self, item: usize, index: usize, votes: Option<Votes>) -> Result<(), Refusal> {
        self.decision(item, index)?;
        if let Some(Entry::Decision(d)) = self.record_of_mut(item).and_then(|r| r.entries.get_mut(index)) {
            d.votes = votes;
        }
        Ok(())
    }

    /// What does not add up in the votes of the decision at `index` of item `item`'s
    /// timeline: more votes than members present, or adopted against the count.
    pub fn vote_problem(&self, item: usize, index: usize) -> Option<VoteProblem> {
        let d = self.decision(item, index).ok()?;
        let v = d.votes?;
        let votes = v.in_favour.saturating_add(v.against).saturating_add(v.abstaining);
        let present = self.quorum().present;
        if votes > present {
            return Some(VoteProblem::MoreThanPresent { votes, present });
        }
        let adopted = matches!(d.outcome, Outcome::Adopted | Outcome::AdoptedAmended);
        (adopted && v.against > v.in_favour)
            .then_some(VoteProblem::AdoptedAgainst { in_favour: v.in_favour, against: v.against })
    }

    fn decision(&self, item: usize, index: usize) -> Result<&Decision, Refusal> {
        self.record_of(item).and_then(|r| r.entries.get(index)).and_then(Entry::decision).ok_or(Refusal::NoSuchItem)
    }

    fn effective_outcome(&self, item: usize, text: &str, outcome: Outcome) -> Outcome {
        let differs = self.proposal(item).is_some_and(|p| normalise(p) != normalise(text));
        match outcome {
            Outcome::Adopted if differs => Outcome::AdoptedAmended,
            Outcome::AdoptedAmended if !differs && self.proposal(item).is_some() => Outcome::Adopted,
            other => other,
        }
    }

    fn mark_by_outcome(&mut self, item: usize, outcome: Outcome) {
        let record = self.agenda.items[item].record_mut();
        match outcome {
            Outcome::Postponed => record.state = ItemState::Postponed,
            Outcome::Withdrawn => record.state = ItemState::Withdrawn,
            _ => {}
        }
    }
}

/// Text compared without regard to spacing.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Sak;
    use crate::domain::session::tests::{at, session};

    fn with_proposal() -> Session {
        let mut s = session();
        if let Item::Sak(sak) = &mut s.agenda.items[1] {
            sak.proposal = Some("Styringsgruppen godkjenner versjon 7.0 av Normen.".into());
        }
        s
    }

    #[test]
    fn adopting_the_proposal_unchanged() {
        let mut s = with_proposal();
        assert_eq!(s.adopt_proposal(1, at("10:30:00")), Ok(0));
        let d = &s.agenda.items[1].record().decisions().next().unwrap();
        assert_eq!(
            (d.outcome, d.text.as_str()),
            (Outcome::Adopted, "Styringsgruppen godkjenner versjon 7.0 av Normen.")
        );
        assert_eq!(s.adopt_proposal(0, at("10:30:00")), Err(Refusal::NoProposal));
        assert_eq!(s.adopt_proposal(2, at("10:30:00")), Err(Refusal::NoProposal));
    }

    #[test]
    fn an_amended_text_is_adopted_with_changes() {
        let mut s = with_proposal();
        let text = "Styringsgruppen godkjenner versjon 7.0 av Normen. Publiseres når forskriften trer i kraft.";
        s.decide(1, None, text, Outcome::Adopted, at("10:30:00")).unwrap();
        assert_eq!(s.agenda.items[1].record().decisions().next().unwrap().outcome, Outcome::AdoptedAmended);
        s.decide(1, None, "Styringsgruppen  godkjenner versjon 7.0\nav Normen.", Outcome::Adopted, at("10:31:00"))
            .unwrap();
        assert_eq!(
            s.agenda.items[1].record().decisions().nth(1).unwrap().outcome,
            Outcome::Adopted,
            "only spacing differs"
        );
    }

    #[test]
    fn partial_decisions_carry_a_label() {
        let mut s = with_proposal();
        s.decide(1, Some("Beslutning kap. 1.3"), "Vi lar den stå uforandret.", Outcome::Noted, at("10:25:00")).unwrap();
        s.decide(1, Some(" "), "Beholdes uforandret.", Outcome::Noted, at("10:26:00")).unwrap();
        assert_eq!(
            s.agenda.items[1].record().decisions().next().unwrap().label.as_deref(),
            Some("Beslutning kap. 1.3")
        );
        assert_eq!(s.agenda.items[1].record().decisions().nth(1).unwrap().label, None);
        assert_eq!(s.agenda.items[1].record().decisions().next().unwrap().outcome, Outcome::Noted);
        s.decide(1, Some("Kap. 5.1"), "Bør holder.", Outcome::Adopted, at("10:27:00")).unwrap();
        assert_eq!(
            s.agenda.items[1].record().decisions().nth(2).unwrap().outcome,
            Outcome::Adopted,
            "a partial decision is not the forslag amended"
        );
        s.set_outcome(1, 2, Outcome::Adopted, None).unwrap();
        assert_eq!(s.agenda.items[1].record().decisions().nth(2).unwrap().outcome, Outcome::Adopted);
    }

    #[test]
    fn postponing_marks_the_sak_and_keeps_until() {
        let mut s = with_proposal();
        s.adopt_proposal(1, at("10:30:00")).unwrap();
        s.set_outcome(1, 0, Outcome::Postponed, Some("til septembermøtet")).unwrap();
        let d = &s.agenda.items[1].record().decisions().next().unwrap();
        assert_eq!((d.outcome, d.until.as_deref()), (Outcome::Postponed, Some("til septembermøtet")));
        assert_eq!(s.agenda.items[1].record().state, ItemState::Postponed);
        assert_eq!(s.set_outcome(1, 3, Outcome::Noted, None), Err(Refusal::NoSuchItem));
    }

    #[test]
    fn votes_are_read_and_kept() {
        assert_eq!(Votes::parse("9 2 1"), Some(Votes { in_favour: 9, against: 2, abstaining: 1 }));
        assert_eq!(Votes::parse("9-2"), Some(Votes { in_favour: 9, against: 2, abstaining: 0 }));
        assert_eq!(Votes::parse("9/2/1"), Some(Votes { in_favour: 9, against: 2, abstaining: 1 }));
        assert_eq!(Votes::parse("ni to"), None);
        assert_eq!(Votes::parse("1 2 3 4"), None);
        let mut s = with_proposal();
        s.adopt_proposal(1, at("10:30:00")).unwrap();
        s.set_votes(1, 0, Votes::parse("9 2 1")).unwrap();
        assert_eq!(s.agenda.items[1].record().decisions().next().unwrap().votes.map(|v| v.against), Some(2));
    }

    #[test]
    fn a_vedtak_being_written_is_kept_until_it_is_saved() {
        let mut s = with_proposal();
        s.open_vedtak_draft(1, Some("Kap. 1.3".into()), "Forslag").unwrap();
        s.vedtak_draft_mut(1).unwrap().text.push_str(" endret");
        let again = s.open_vedtak_draft(1, None, "annet").unwrap();
        assert_eq!((again.label.as_deref(), again.text.as_str()), (Some("Kap. 1.3"), "Forslag endret"));
        s.close_vedtak_draft(1);
        assert_eq!(s.agenda.items[1].record().vedtak_draft, None);
        assert_eq!(s.open_vedtak_draft(2, None, "x").map(|_| ()), Err(Refusal::NotASak));
    }

    #[test]
    fn breaks_take_no_decisions() {
        let mut s = session();
        assert_eq!(s.decide(2, None, "x", Outcome::Noted, at("10:00:00")), Err(Refusal::NotASak));
        let _ = Sak::default();
    }

    #[test]
    fn votes_that_do_not_add_up_are_said() {
        use crate::domain::agenda::{Person, Role};
        use crate::domain::attendance::Presence;
        let mut s = session();
        for name in ["a", "b", "c"] {
            let who = s.add_person(Person { name: Some(name.into()), role: Role::Member, ..Person::default() });
            s.set_presence(who, Presence::Present, at("10:00:00")).unwrap();
        }
        let d = s.decide(1, None, "Godkjent", Outcome::Adopted, at("10:10:00")).unwrap();
        s.set_votes(1, d, Some(Votes { in_favour: 2, against: 1, abstaining: 0 })).unwrap();
        assert_eq!(s.vote_problem(1, d), None);
        s.set_votes(1, d, Some(Votes { in_favour: 3, against: 1, abstaining: 0 })).unwrap();
        assert_eq!(s.vote_problem(1, d), Some(VoteProblem::MoreThanPresent { votes: 4, present: 3 }));
        s.set_votes(1, d, Some(Votes { in_favour: 1, against: 2, abstaining: 0 })).unwrap();
        assert_eq!(s.vote_problem(1, d), Some(VoteProblem::AdoptedAgainst { in_favour: 1, against: 2 }));
        s.set_outcome(1, d, Outcome::Rejected, None).unwrap();
        assert_eq!(s.vote_problem(1, d), None, "rejected by the count: as it should be");
    }
}
