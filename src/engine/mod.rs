//! Decisions: a typed query in, a [`Decision`] out. Pure: no I/O, no printing.

use std::fmt;

use serde::{Serialize, Serializer};

use jiff::Timestamp;

use crate::model::lifecycle::{FactDecl, FactValue, IfMissing, Trigger};
use crate::model::rules::{ActionId, Effect, FieldId, Rules, StatusId, Text, UnknownName};

/// A checked question: status and action (and optionally one field) resolved to ids,
/// with whatever facts about the order the caller knows.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// The order's status, as stored.
    pub status: StatusId,
    /// What the admin wants to do.
    pub action: ActionId,
    /// With an edit: the one field the admin wants to change.
    pub field: Option<FieldId>,
    /// Facts about the order: index into [`Rules::facts`] and value.
    pub facts: Vec<(usize, FactValue)>,
    /// The time the question is asked at; time rules need it. The engine never reads
    /// the clock itself: callers pass the current time (or a pinned one, for tests).
    pub now: Option<Timestamp>,
}

/// A fact that could not be added to a query.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FactError {
    /// No such fact.
    #[error(transparent)]
    Unknown(#[from] UnknownName),
    /// The fact was already given (by its id or its label): which value was meant is
    /// the caller's mistake to fix, not portrules' to guess.
    #[error("fact `{fact}` is given more than once; give it once")]
    Repeated {
        /// The fact's id.
        fact: String,
    },
    /// The value does not fit the fact's type.
    #[error("bad value for fact `{fact}`: {message}")]
    BadValue {
        /// The fact's id.
        fact: String,
        /// What is wrong.
        message: String,
    },
}

impl Query {
    /// Resolves names (ids or labels, case and separators ignored) against `rules`.
    ///
    /// ```
    /// use portrules::{Effect, Query, Rules};
    /// let rules = Rules::embedded();
    /// let query = Query::parse(&rules, "Completed", "VIEW", None)?;
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
            facts: Vec::new(),
            now: None,
        })
    }

    /// Adds a fact, by id or label, with its value written as text (for numbers and
    /// strings a JSON value's text is fine too). A fact already given is an error.
    ///
    /// ```
    /// use portrules::{Effect, Query, Rules};
    /// let rules = Rules::embedded();
    /// let query = Query::parse(&rules, "Transfer approved", "cancel", None)?
    ///     .with_fact(&rules, "foc_date", "2026-11-27T09:00:00Z")?
    ///     .at("2026-11-27T06:00:00Z".parse()?);
    /// let decision = rules.decide(&query);
    /// assert_eq!(decision.decision, Effect::Deny);
    /// assert_eq!(decision.effective_status, "transfer_pending");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_fact(mut self, rules: &Rules, name: &str, value: &str) -> Result<Query, FactError> {
        let index = rules.fact(name)?;
        let decl = &rules.facts[index];
        if self.facts.iter().any(|(i, _)| *i == index) {
            return Err(FactError::Repeated {
                fact: decl.id.to_string(),
            });
        }
        let value = decl
            .kind
            .parse(value)
            .map_err(|message| FactError::BadValue {
                fact: decl.id.to_string(),
                message,
            })?;
        self.facts.push((index, value));
        Ok(self)
    }

    /// Pins the time the question is asked at.
    pub fn at(mut self, now: Timestamp) -> Query {
        self.now = Some(now);
        self
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
    /// A time rule needed a fact the query did not give, the status it could lead to
    /// answers otherwise, and the fact says to deny (`if_missing: deny`) or to refuse
    /// (`if_missing: error`, see [`Decision::required_fact`]) rather than guess.
    FactMissing {
        /// Index into [`Rules::facts`].
        fact: usize,
        /// The status the rule could have moved the order to.
        target: StatusId,
        /// Whether the rules refuse to answer without it (`error`) rather than deny.
        required: bool,
    },
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
    pub fields: &'r [Text],
    /// The field asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'r str>,
    /// The cell's caveat.
    pub note: Option<&'r str>,
    /// Ways out when denied.
    pub remedy: &'r [Text],
    /// Why, in one sentence.
    #[serde(rename = "reason")]
    explained: Explained<'r>,
    /// The status the answer is for: the stated one, unless a time rule moved the order.
    pub effective_status: &'r str,
    /// Its label.
    pub effective_status_label: &'r str,
    /// Why the effective status differs from the stated one.
    pub because: Option<String>,
    /// Where taking the action moves the order, when it is allowed and moves it.
    pub leads_to: Option<&'r str>,
    /// Things the caller should know, such as a fact the rules needed but did not get.
    #[serde(serialize_with = "ser_missing")]
    pub warnings: Warnings<'r>,
    /// Which rules answered.
    pub rules: RulesRef<'r>,
}

/// A fact a time rule needed but the query did not give; the answer is for the stated
/// status. Put into words only when printed, so `decide` stays free of formatting.
#[derive(Clone, Copy, Debug)]
pub struct MissingFact<'r> {
    /// The fact.
    pub fact: &'r FactDecl,
    /// Whether the answer depends on it: the status the rule could lead to answers the
    /// question otherwise than the one answered for.
    pub matters: bool,
    /// The id of the status the rule could have moved the order to.
    pub target: &'r str,
    /// The status answered for.
    pub status_label: &'r str,
    rules: &'r Rules,
    /// The fact's index in [`Rules::facts`].
    index: usize,
}

impl fmt::Display for MissingFact<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let target = self
            .rules
            .status_index(self.target)
            .map_or(self.target, |s| self.rules.statuses[s.0].label.as_ref());
        write!(
            f,
            "fact `{}` ({}) was not given, so whether the order is already {target} could not be checked; answered for {}",
            self.fact.id, self.fact.label, self.status_label
        )
    }
}

/// Warnings of an answer: usually none or one, kept inline so answering never allocates.
pub type Warnings<'r> = smallvec::SmallVec<[MissingFact<'r>; 2]>;

fn ser_missing<S: Serializer>(w: &Warnings<'_>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(w.iter())
}

impl Serialize for MissingFact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Name and version of the rules that gave an answer.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RulesRef<'r> {
    /// Policy name.
    pub name: &'r str,
    /// Policy version.
    pub version: &'r str,
    /// Where the rules were read from: a file as named, or `built-in`.
    pub source: &'r str,
}

/// A cell's answer, narrowed to one field when the query asks about one.
fn answer(cell: &crate::model::rules::Cell, field: Option<&str>) -> (Effect, Reason) {
    match (cell.decision, field) {
        (Effect::Limited, Some(f)) if cell.fields.iter().any(|c| c == f) => {
            (Effect::Allow, Reason::FieldListed)
        }
        (Effect::Limited, Some(_)) => (Effect::Deny, Reason::FieldNotListed),
        (d, _) => (d, Reason::Cell),
    }
}

impl Decision<'_> {
    /// The fact the rules need before they answer (`if_missing: error`), when the query
    /// lacked it and the answer depends on it. The decision is then `deny`, so a caller
    /// that does not look fails closed; the command line reports an error instead.
    pub fn required_fact(&self) -> Option<&FactDecl> {
        match self.explained.reason {
            Reason::FactMissing {
                fact,
                required: true,
                ..
            } => self.explained.rules.facts.get(fact),
            _ => None,
        }
    }
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
        let stated = &self.statuses[query.status.0];
        let (effective, because, mut warnings) = self.effective_status(query);
        let status = &self.statuses[effective.0];
        let action = &self.actions[query.action.0];
        let cell = &status.cells[query.action.0];
        let field = query.field.map(|f| self.fields[f.0].id.as_ref());
        let (mut decision, mut reason) = answer(cell, field);
        // A missing fact matters when the status its rule could lead to answers
        // otherwise; the fact then says whether to answer anyway, deny or refuse.
        for w in warnings.iter_mut() {
            let Some(target) = self.status_index(w.target) else {
                continue;
            };
            let there = &self.statuses[target.0].cells[query.action.0];
            w.matters = answer(there, field).0 != decision
                || (decision == Effect::Limited && there.fields != cell.fields);
            let strict = !matches!(w.fact.if_missing, IfMissing::Warn);
            if w.matters && strict {
                let required = w.fact.if_missing == IfMissing::Error;
                // A refusal outranks a denial when several facts are missing.
                if !matches!(reason, Reason::FactMissing { required: true, .. }) {
                    reason = Reason::FactMissing {
                        fact: w.index,
                        target,
                        required,
                    };
                }
                decision = Effect::Deny;
            }
        }
        let leads_to = if decision.permits() {
            status
                .transitions
                .iter()
                .find(|t| matches!(&t.trigger, Trigger::Action(a) if *a == action.id))
                .map(|t| t.to.as_ref())
        } else {
            None
        };
        Decision {
            status: &stated.id,
            status_label: &stated.label,
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
                status: effective,
                action: query.action,
                field: query.field,
            },
            effective_status: &status.id,
            effective_status_label: &status.label,
            because,
            leads_to,
            warnings,
            rules: RulesRef {
                name: &self.name,
                version: &self.version,
                source: &self.source,
            },
        }
    }

    /// Follows the time rules from the stated status: the status the order is really
    /// in, why, and warnings for facts a rule needed but the query lacked.
    fn effective_status(&self, query: &Query) -> (StatusId, Option<String>, Warnings<'_>) {
        let mut current = query.status;
        let mut because: Option<String> = None;
        let mut warnings = Warnings::new();
        // Each step moves to another status; a cycle of time rules stops after one round.
        for _ in 0..self.statuses.len() {
            let status = &self.statuses[current.0];
            let mut moved = false;
            for t in status.transitions.iter() {
                let Trigger::When(cond) = &t.trigger else {
                    continue;
                };
                let Some(index) = self.facts.iter().position(|f| f.id == cond.fact) else {
                    continue;
                };
                let decl = &self.facts[index];
                let value = query
                    .facts
                    .iter()
                    .find(|(i, _)| *i == index)
                    .map(|(_, v)| v);
                let (Some(value), Some(now)) = (value, query.now) else {
                    warnings.push(MissingFact {
                        fact: decl,
                        matters: false,
                        target: &t.to,
                        status_label: &status.label,
                        rules: self,
                        index,
                    });
                    continue;
                };
                if cond.holds(decl.kind, value, now) == Some(true) {
                    let Some(next) = self.status_index(&t.to) else {
                        continue;
                    };
                    let target_label = self.statuses[next.0].label.as_ref();
                    let rule = format!(
                        "{} {value} {} {}",
                        decl.id,
                        cond.op.symbol(),
                        cond.operand_text()
                    );
                    let text = match &t.because {
                        Some(b) => format!("{b} ({rule}), so the order counts as {target_label}"),
                        None => format!("{rule}, so the order counts as {target_label}"),
                    };
                    because = Some(match because {
                        Some(earlier) => format!("{earlier}; then {text}"),
                        None => text,
                    });
                    current = next;
                    moved = true;
                    break;
                }
            }
            if !moved {
                break;
            }
        }
        (current, because, warnings)
    }

    /// A field's label, falling back to its id.
    pub fn field_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map_or(id, |f| f.label.as_ref())
    }
}

/// A reason with what it needs to be put into words, rendered only when printed.
#[derive(Clone, Copy, Debug)]
struct Explained<'r> {
    reason: Reason,
    rules: &'r Rules,
    status: StatusId,
    action: ActionId,
    field: Option<FieldId>,
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

fn labels(rules: &Rules, ids: &[Text]) -> String {
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
