//! Decisions: a typed query in, a [`Decision`] out. Pure: no I/O, no printing.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::rules::{ActionId, Effect, FieldId, Rules, StatusId, UnknownName};

/// A checked question: status and action (and optionally one field) resolved to ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Query {
    /// The order's status.
    pub status: StatusId,
    /// What the admin wants to do.
    pub action: ActionId,
    /// With an edit: the one field the admin wants to change.
    pub field: Option<FieldId>,
}

impl Query {
    /// Resolves names (ids or labels, case and separators ignored) against `rules`.
    ///
    /// ```
    /// use portrules::{Effect, Query, Rules};
    /// let rules = Rules::embedded();
    /// let query = Query::parse(&rules, "Transfer approved", "edit", Some("foc_date"))?;
    /// assert_eq!(rules.decide(&query).decision, Effect::Allow);
    /// # Ok::<(), portrules::UnknownName>(())
    /// ```
    pub fn parse(
        rules: &Rules,
        status: &str,
        action: &str,
        field: Option<&str>,
    ) -> Result<Query, UnknownName> {
        Ok(Query {
            status: rules.status(status)?,
            action: rules.action(action)?,
            field: field.map(|f| rules.field(f)).transpose()?,
        })
    }
}

/// Why the decision came out as it did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The cell's own decision.
    Cell,
    /// A `limited` cell lists the asked-about field.
    FieldListed,
    /// A `limited` cell does not list the asked-about field.
    FieldNotListed,
}

/// The answer to a [`Query`]: what, why, from which cell of which rules version.
#[derive(Clone, Debug, Serialize)]
pub struct Decision<'r> {
    /// Status id.
    pub status: &'r str,
    /// Status label.
    pub status_label: &'r str,
    /// Action id.
    pub action: &'r str,
    /// Action label.
    pub action_label: &'r str,
    /// The answer.
    pub decision: Effect,
    /// The cell's editable fields (for `limited`).
    pub fields: &'r [String],
    /// The field asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'r str>,
    /// The cell's caveat.
    pub note: Option<&'r str>,
    /// Ways out when denied.
    pub remedy: &'r [String],
    /// Why, in one sentence.
    #[serde(rename = "reason")]
    explained: Explained<'r>,
    /// Which rules answered.
    pub rules: RulesRef<'r>,
}

/// Name and version of the rules that gave an answer.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RulesRef<'r> {
    /// Policy name.
    pub name: &'r str,
    /// Policy version.
    pub version: &'r str,
}

impl Rules {
    /// Answers a query. Every query has an answer: there are no gaps in a loaded table.
    ///
    /// ```
    /// use portrules::{Effect, Query, Rules};
    /// let rules = Rules::embedded();
    /// let q = Query::parse(&rules, "error", "delete", None)?;
    /// let d = rules.decide(&q);
    /// assert_eq!(d.decision, Effect::Deny);
    /// assert_eq!(d.remedy.len(), 2);
    /// # Ok::<(), portrules::UnknownName>(())
    /// ```
    pub fn decide(&self, query: &Query) -> Decision<'_> {
        let status = &self.statuses[query.status.0];
        let action = &self.actions[query.action.0];
        let cell = &status.cells[query.action.0];
        let field = query.field.map(|f| self.fields[f.0].id.as_str());
        let (decision, reason) = match (cell.decision, field) {
            (Effect::Limited, Some(f)) if cell.fields.iter().any(|c| c == f) => {
                (Effect::Allow, Reason::FieldListed)
            }
            (Effect::Limited, Some(_)) => (Effect::Deny, Reason::FieldNotListed),
            (d, _) => (d, Reason::Cell),
        };
        Decision {
            status: &status.id,
            status_label: &status.label,
            action: &action.id,
            action_label: &action.label,
            decision,
            fields: &cell.fields,
            field,
            note: cell.note.as_deref(),
            remedy: &cell.remedy,
            explained: Explained {
                reason,
                rules: self,
                query: *query,
            },
            rules: RulesRef {
                name: &self.name,
                version: &self.version,
            },
        }
    }

    /// A field's label, falling back to its id.
    pub fn field_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map_or(id, |f| f.label.as_str())
    }
}

/// A reason with what it needs to be put into words, rendered only when printed.
#[derive(Clone, Copy, Debug)]
struct Explained<'r> {
    reason: Reason,
    rules: &'r Rules,
    query: Query,
}

impl Serialize for Explained<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Explained<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (reason, rules, q) = (self.reason, self.rules, self.query);
        let status = &rules.statuses[q.status.0];
        let action = &rules.actions[q.action.0];
        let cell = &status.cells[q.action.0];
        let field = q.field.map(|id| rules.fields[id.0].label.as_str());
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
        }
    }
}

fn labels(rules: &Rules, ids: &[String]) -> String {
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
