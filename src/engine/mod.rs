//! Decisions: a typed query in, a [`Decision`] out. Pure: no I/O, no printing.
//!
//! Depends only on the model: the engine never loads, reads or writes.

mod explain;
mod query;

use std::fmt;

use serde::{Serialize, Serializer};

use crate::model::lifecycle::{Condition, FactDecl, IfMissing, Operand, Trigger};
use crate::model::rules::{Effect, Rules, Status, StatusId, Text};
use explain::Explained;
pub use query::{FactError, Query};

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
    ///
    /// ```
    /// use portrules::{Effect, Query, Rules};
    /// let yaml = include_str!("../../examples/due-date.yaml")
    ///     .replace("type: datetime,", "type: datetime, if_missing: error,");
    /// let rules = Rules::from_yaml_str(&yaml)?;
    /// let d = rules.decide(&Query::parse(&rules, "approved", "cancel", None)?);
    /// assert_eq!(d.decision, Effect::Deny);
    /// assert_eq!(d.required_fact().map(|f| &*f.id), Some("due"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// let rules = Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
    /// let q = Query::parse(&rules, "cancelled", "cancel", None)?;
    /// let d = rules.decide(&q);
    /// assert_eq!(d.decision, Effect::Deny);
    /// assert!(!d.decision.permits());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide(&self, query: &Query) -> Decision<'_> {
        let (effective, because, warnings) = self.effective_status(query);
        self.conclude(query, effective, because, warnings)
    }

    /// The rest of [`Rules::decide`], once the time rules have been followed: the
    /// answer of the effective status's cell, narrowed to the field, and what the facts
    /// missing on the way make of it. The exporters call it with the paths they work
    /// out, so that every exported answer is the engine's.
    #[inline]
    pub(crate) fn conclude<'r>(
        &'r self,
        query: &Query,
        effective: StatusId,
        because: Option<String>,
        mut warnings: Warnings<'r>,
    ) -> Decision<'r> {
        let stated = &self.statuses[query.status.0];
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
            self.leads_to(status, &action.id, query)
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

    /// A fact that the time rule at `at` (leading to `target`) needed and did not get.
    pub(crate) fn missing_fact<'r>(
        &'r self,
        index: usize,
        at: StatusId,
        target: &'r str,
    ) -> MissingFact<'r> {
        MissingFact {
            fact: &self.facts[index],
            matters: false,
            target,
            status_label: &self.statuses[at.0].label,
            rules: self,
            index,
        }
    }

    /// Where taking `action` in `status` moves the order: along the first of its
    /// transitions on the action whose guard holds (or that has none). `None` when the
    /// action moves nothing, or when a guard on the way needs a fact the query lacks.
    fn leads_to<'r>(&'r self, status: &'r Status, action: &str, query: &Query) -> Option<&'r str> {
        for t in status.transitions.iter().filter(|t| t.on_action(action)) {
            let Some(guard) = &t.guard else {
                return Some(&t.to);
            };
            match self.condition_holds(guard, query) {
                Some(true) => return Some(&t.to),
                Some(false) => continue,
                None => return None,
            }
        }
        None
    }

    /// Whether `cond` holds for the query's facts; `None` when the query lacks its fact
    /// (or, for a comparison with the current time, the time).
    fn condition_holds(&self, cond: &Condition, query: &Query) -> Option<bool> {
        let index = self.facts.iter().position(|f| f.id == cond.fact)?;
        let value = query
            .facts
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, v)| v)?;
        let now = match cond.operand {
            Operand::Now(_) => query.now?,
            // A fixed value is compared without the time.
            Operand::Value(_) => query.now.unwrap_or(jiff::Timestamp::UNIX_EPOCH),
        };
        cond.holds(self.facts[index].kind, value, now)
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
