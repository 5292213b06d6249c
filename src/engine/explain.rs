//! Putting a decision into words: the reason as a sentence and the text form that
//! `query` prints. Rendered only when asked, so deciding costs no formatting. Depends
//! on the model and the decision types beside it.

use std::fmt;

use serde::{Serialize, Serializer};

use super::{Decision, Reason};
use crate::model::rules::{ActionId, Effect, FieldId, Rules, StatusId, Text};

/// A reason with what it needs to be put into words, rendered only when printed.
#[derive(Clone, Copy, Debug)]
pub(super) struct Explained<'r> {
    pub(super) reason: Reason,
    pub(super) rules: &'r Rules,
    pub(super) status: StatusId,
    pub(super) action: ActionId,
    pub(super) field: Option<FieldId>,
}

impl Serialize for Explained<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Explained<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (reason, rules) = (self.reason, self.rules);
        let status = &rules.statuses[self.status.0];
        let action = &rules.actions[self.action.0];
        let cell = &status.cells[self.action.0];
        let field = self.field.map(|id| rules.fields[id.0].label.as_ref());
        match reason {
            Reason::Cell => match cell.decision {
                Effect::Allow => {
                    write!(f, "{} is allowed in status {}", action.label, status.label)
                }
                Effect::Deny => write!(
                    f,
                    "{} is not allowed in status {}",
                    action.label, status.label
                ),
                Effect::Limited => write!(
                    f,
                    "{} is allowed in status {} only for: {}",
                    action.label,
                    status.label,
                    labels(rules, &cell.fields)
                ),
            },
            Reason::FieldListed => write!(
                f,
                "{} of {} is allowed in status {}",
                action.label,
                field.unwrap_or_default(),
                status.label
            ),
            Reason::FieldNotListed => write!(
                f,
                "{} of {} is not allowed in status {}, which allows it only for: {}",
                action.label,
                field.unwrap_or_default(),
                status.label,
                labels(rules, &cell.fields)
            ),
            Reason::FactMissing {
                fact,
                target,
                required,
            } => {
                let fact = &rules.facts[fact];
                let target = &rules.statuses[target.0].label;
                let outcome = if required {
                    "these rules need it to answer"
                } else {
                    "these rules deny until it is given"
                };
                write!(
                    f,
                    "{} (`{}`) was not given, and without it the order may already be {target}, where {} is answered otherwise: {outcome}",
                    fact.label, fact.id, action.label
                )
            }
        }
    }
}

pub(super) fn labels(rules: &Rules, ids: &[Text]) -> String {
    ids.iter()
        .map(|id| rules.field_label(id))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Decision<'_> {
    /// Why the decision came out as it did.
    pub fn reason(&self) -> Reason {
        self.explained.reason
    }

    /// The reason as one sentence.
    pub fn reason_text(&self) -> String {
        self.explained.to_string()
    }
}

impl fmt::Display for Decision<'_> {
    /// The text form: the decision word first, so scripts can read the first word.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rules = self.explained.rules;
        writeln!(
            f,
            "{}: {} × {}",
            self.decision, self.status_label, self.action_label
        )?;
        writeln!(f, "reason: {}", self.explained)?;
        if let Some(because) = &self.because {
            writeln!(
                f,
                "status: {} (stated: {}): {because}",
                self.effective_status_label, self.status_label
            )?;
        }
        if let Some(to) = self.leads_to {
            writeln!(f, "leads to: {to}")?;
        }
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        if !self.fields.is_empty() {
            let shown: Vec<String> = self
                .fields
                .iter()
                .map(|id| format!("{id} ({})", rules.field_label(id)))
                .collect();
            writeln!(f, "fields: {}", shown.join(", "))?;
        }
        if let Some(note) = self.note {
            writeln!(f, "note: {note}")?;
        }
        if !self.remedy.is_empty() {
            writeln!(f, "remedy:")?;
            for step in self.remedy {
                writeln!(f, "  - {step}")?;
            }
        }
        write!(f, "rules: {} {}", self.rules.name, self.rules.version)
    }
}
