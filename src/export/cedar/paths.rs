//! The ways the time rules can go from each status, worked out once at export: for
//! each rule on the way, whether its fact was given and its condition held, where the
//! order ends up, and which facts were missing; then the engine's answer for each way.
//! Depends on the model and the engine.

use std::collections::HashMap;

use super::MAX_SCENARIOS;
use crate::engine::{Query, Warnings};
use crate::export::ExportError;
use crate::model::lifecycle::{Condition, IfMissing, Trigger};
use crate::model::rules::{ActionId, Effect, FieldId, Rules, StatusId};

/// A step of a path through the time rules: what a rule's condition was found to be.
#[derive(Clone, Debug)]
pub(super) enum Literal<'r> {
    /// The fact is given and the condition holds.
    Holds(&'r Condition),
    /// The fact is given and the condition does not hold.
    Fails(&'r Condition),
    /// The fact is not given.
    Missing(&'r str),
    /// The condition does not hold, or its fact is not given: for facts whose absence
    /// changes no answer (`if_missing: warn`).
    NotHolds(&'r Condition),
}

/// One way the time rules can go from a stated status.
#[derive(Clone, Debug)]
pub(super) struct Scenario<'r> {
    pub(super) literals: Vec<Literal<'r>>,
    pub(super) effective: StatusId,
    /// Facts missing where a rule needed them: (fact index, status, target id).
    pub(super) missing: Vec<(usize, StatusId, &'r str)>,
}

/// Every path through the time rules from `start`.
pub(super) fn scenarios(rules: &Rules, start: StatusId) -> Result<Vec<Scenario<'_>>, ExportError> {
    let mut out = Vec::new();
    let mut stack = vec![(
        Scenario {
            literals: Vec::new(),
            effective: start,
            missing: Vec::new(),
        },
        HashMap::<&str, bool>::new(),
    )];
    while let Some((scenario, known)) = stack.pop() {
        let x = scenario.effective;
        let rules_here: Vec<(&Condition, StatusId, usize)> = rules.statuses[x.0]
            .transitions
            .iter()
            .filter_map(|t| match &t.trigger {
                Trigger::When(c) => {
                    let fact = rules.facts.iter().position(|f| f.id == c.fact)?;
                    Some((c, rules.status_index(&t.to)?, fact))
                }
                _ => None,
            })
            .collect();
        // Choose, rule by rule, what each condition was; the first that holds moves on.
        let mut partial = vec![(scenario, known)];
        for &(cond, target, fact) in &rules_here {
            let strict = rules.facts[fact].if_missing != IfMissing::Warn;
            let target_id = rules.statuses[target.0].id.as_ref();
            let mut next = Vec::new();
            for (s, known) in partial {
                let present = known.get(cond.fact.as_ref()).copied();
                // Holds: move on along this rule.
                if present != Some(false) {
                    let mut moved = s.clone();
                    moved.literals.push(Literal::Holds(cond));
                    moved.effective = target;
                    let mut k = known.clone();
                    k.insert(&cond.fact, true);
                    stack.push((moved, k));
                }
                if strict {
                    if present != Some(false) {
                        let mut fails = s.clone();
                        fails.literals.push(Literal::Fails(cond));
                        let mut k = known.clone();
                        k.insert(&cond.fact, true);
                        next.push((fails, k));
                    }
                    if present != Some(true) {
                        let mut missing = s.clone();
                        if present.is_none() {
                            missing.literals.push(Literal::Missing(&cond.fact));
                        }
                        missing.missing.push((fact, x, target_id));
                        let mut k = known.clone();
                        k.insert(&cond.fact, false);
                        next.push((missing, k));
                    }
                } else {
                    let mut not = s.clone();
                    if present != Some(false) {
                        not.literals.push(Literal::NotHolds(cond));
                    }
                    next.push((not, known));
                }
            }
            partial = next;
            if partial.len() + stack.len() + out.len() > MAX_SCENARIOS {
                return Err(too_many(rules, start));
            }
        }
        out.extend(partial.into_iter().map(|(s, _)| s));
        if out.len() > MAX_SCENARIOS {
            return Err(too_many(rules, start));
        }
    }
    Ok(out)
}

pub(super) fn too_many(rules: &Rules, start: StatusId) -> ExportError {
    ExportError::new(
        rules,
        "Cedar",
        format!(
            "the time rules from `{}` can combine in more than {MAX_SCENARIOS} ways",
            rules.statuses[start.0].id
        ),
    )
}

/// What an action answers for one status and path: without a field, and which fields
/// it allows when one is named.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Answer {
    pub(super) without_field: Effect,
    /// The fields of a limited answer without a field.
    pub(super) fields: Vec<String>,
    pub(super) allowed_fields: Vec<String>,
}

pub(super) fn answer(rules: &Rules, start: StatusId, action: ActionId, s: &Scenario<'_>) -> Answer {
    let ask = |field: Option<FieldId>| {
        let query = Query {
            status: start,
            action,
            field,
            facts: Vec::new(),
            now: None,
        };
        let mut warnings = Warnings::new();
        for &(fact, at, target) in &s.missing {
            warnings.push(rules.missing_fact(fact, at, target));
        }
        let d = rules.conclude(&query, s.effective, None, warnings);
        let refused = d.required_fact().is_some();
        (if refused { Effect::Deny } else { d.decision }, d.fields)
    };
    let (without_field, fields) = ask(None);
    let allowed_fields = (0..rules.fields.len())
        .filter(|&f| ask(Some(FieldId(f))).0.permits())
        .map(|f| rules.fields[f].id.to_string())
        .collect();
    Answer {
        without_field,
        fields: if without_field == Effect::Limited {
            fields.iter().map(|f| f.to_string()).collect()
        } else {
            Vec::new()
        },
        allowed_fields,
    }
}
