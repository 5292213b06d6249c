//! The equivalence set: the requests an export is tested with, each with the answer
//! portrules' own engine gives. Every status × action, with no field, with each
//! declared field and with one undeclared field; names by id and by label; every time
//! rule and guard just before its boundary, at it and just after, and without its
//! fact. The exported tests (OPA's `policy_test.rego`, Cedar's `*.tests.json`) and this
//! repository's own tests run exactly these.
//!
//! Depends on the model and the engine.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Map, Value, json};

use crate::engine::Query;
use crate::model::lifecycle::{FactType, Operand, Trigger};
use crate::model::rules::{ActionId, FieldId, Rules, Status, StatusId};

/// The time every case is asked at: fixed, so that the generated tests never depend on
/// the clock, and well inside OPA's nanosecond range (which ends in 2262).
pub const NOW: &str = "2030-01-15T09:00:00Z";

/// [`NOW`] as a time.
pub const NOW_AT: Timestamp = Timestamp::constant(1_894_698_000, 0);

/// A field name no rule file declares (ids are lowercase letters, digits and `_`).
pub const UNDECLARED_FIELD: &str = "Not-A-Declared-Field";

/// One request of the equivalence set.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// What the case asks, in words, for test names and failure messages.
    pub title: String,
    /// The request, as `portrules batch` reads it (and OPA's `input`).
    pub request: Value,
    /// The request with every name resolved to its id, for engines without name
    /// matching (Cedar). Every generated case has them; `None` is for a request that
    /// names no status or action, which Cedar cannot even form.
    pub ids: Option<Ids>,
    /// What portrules answers.
    pub expected: Expected,
}

/// A request by ids: status, action, optional field, facts by fact id.
#[derive(Clone, Debug, PartialEq)]
pub struct Ids {
    /// Status id.
    pub status: String,
    /// Action id.
    pub action: String,
    /// Field id, or a field name that is not declared.
    pub field: Option<String>,
    /// Fact ids with their values, as given.
    pub facts: Vec<(String, String)>,
}

/// The answer to a case.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// An answer: the decision object as the exported OPA policy returns it.
    Answer(Value),
    /// No answer (an unknown name, a fact the rules require): engines deny.
    Refused(String),
}

impl Expected {
    /// Whether the action is allowed, as `query`'s exit code says (limited counts).
    pub fn allowed(&self) -> bool {
        match self {
            Expected::Answer(v) => v["allowed"] == Value::Bool(true),
            Expected::Refused(_) => false,
        }
    }
}

/// Every case of the equivalence set for `rules`, in a fixed order.
///
/// ```
/// use portrules::export::cases::{Expected, cases};
/// let rules = portrules::Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
/// let set = cases(&rules);
/// // A second before, at and after the day-before lock, for each action.
/// let at_lock: Vec<bool> = set
///     .iter()
///     .filter(|c| c.request["action"] == "cancel" && c.request["status"] == "approved")
///     .filter(|c| c.request.get("facts").is_some() && c.request.get("field").is_none())
///     .map(|c| c.expected.allowed())
///     .collect();
/// assert_eq!(at_lock, [false, true, true]);
/// assert!(set.iter().any(|c| matches!(c.expected, Expected::Refused(_))));
/// # Ok::<(), portrules::LoadError>(())
/// ```
pub fn cases(rules: &Rules) -> Vec<Case> {
    let now = NOW_AT;
    let mut out = Vec::new();
    let first_field = rules.fields.first();
    for (s, status) in rules.statuses.iter().enumerate() {
        for (a, action) in rules.actions.iter().enumerate() {
            let at = At {
                status: StatusId(s),
                action: ActionId(a),
            };
            let mut fields: Vec<Option<(&str, Option<FieldId>)>> = vec![None];
            fields.extend(
                rules
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| Some((f.id.as_ref(), Some(FieldId(i))))),
            );
            fields.push(Some((UNDECLARED_FIELD, None)));
            for field in fields {
                out.push(case(rules, at, (&status.id, &action.id), field, &[], now));
            }
            // By label: the names people write.
            let labels = (status.label.as_ref(), action.label.as_ref());
            out.push(case(rules, at, labels, None, &[], now));
            if let Some(f) = first_field {
                let field = Some((f.label.as_ref(), Some(FieldId(0))));
                out.push(case(rules, at, labels, field, &[], now));
            }
        }
    }
    // Every time rule's boundaries, asked at every status that has time rules, so that
    // chains (a rule of the next status) are covered; and for two facts, each pair of
    // their values.
    let all: Vec<(usize, Vec<String>)> = rules
        .statuses
        .iter()
        .flat_map(|st| boundaries(rules, st, now))
        .collect();
    let mut pairs: Vec<[(usize, String); 2]> = Vec::new();
    for (i, (f1, v1)) in all.iter().enumerate() {
        for (f2, v2) in &all[i + 1..] {
            if f1 == f2 {
                continue;
            }
            for a in v1 {
                for b in v2 {
                    pairs.push([(*f1, a.clone()), (*f2, b.clone())]);
                }
            }
        }
    }
    for (s, status) in rules.statuses.iter().enumerate() {
        let timed = status
            .transitions
            .iter()
            .any(|t| matches!(t.trigger, Trigger::When(_)) || t.guard.is_some());
        if !timed {
            continue;
        }
        for pair in &pairs {
            for (a, action) in rules.actions.iter().enumerate() {
                let at = At {
                    status: StatusId(s),
                    action: ActionId(a),
                };
                let names = (status.id.as_ref(), action.id.as_ref());
                out.push(case(rules, at, names, None, &pair[..], now));
            }
        }
        for (fact, values) in all.iter().map(|(f, v)| (*f, v)) {
            for (a, action) in rules.actions.iter().enumerate() {
                let at = At {
                    status: StatusId(s),
                    action: ActionId(a),
                };
                let names = (status.id.as_ref(), action.id.as_ref());
                for value in values {
                    let facts = [(fact, value.clone())];
                    out.push(case(rules, at, names, None, &facts, now));
                }
                if let Some(f) = first_field {
                    let facts = [(fact, values[values.len() / 2].clone())];
                    let field = Some((f.id.as_ref(), Some(FieldId(0))));
                    out.push(case(rules, at, names, field, &facts, now));
                }
            }
        }
    }
    out
}

/// Where a case asks: its status and action, resolved.
#[derive(Clone, Copy)]
struct At {
    status: StatusId,
    action: ActionId,
}

/// For each time rule and guard of `status`: its fact, and values one step below its
/// boundary, at it and one step above (the case without the fact is among the plain
/// cases).
fn boundaries(rules: &Rules, status: &Status, now: Timestamp) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let conditions = status.transitions.iter().flat_map(|t| {
        let rule = match &t.trigger {
            Trigger::When(cond) => Some(cond),
            _ => None,
        };
        rule.into_iter().chain(t.guard.as_ref())
    });
    for cond in conditions {
        let Some(index) = rules.facts.iter().position(|f| f.id == cond.fact) else {
            continue;
        };
        let decl = &rules.facts[index];
        let values = match (decl.kind, &cond.operand) {
            (FactType::Datetime, operand) => {
                let at = match operand {
                    Operand::Now(shift) => now.checked_add(*shift).ok(),
                    Operand::Value(v) => v.trim().parse::<Timestamp>().ok(),
                };
                let Some(at) = at else { continue };
                let second = SignedDuration::from_secs(1);
                [at.checked_sub(second), Ok(at), at.checked_add(second)]
                    .into_iter()
                    .filter_map(Result::ok)
                    .map(|t| t.to_string())
                    .collect()
            }
            (FactType::Number, Operand::Value(v)) => match v.trim().parse::<f64>() {
                Ok(n) => vec![(n - 1.0).to_string(), n.to_string(), (n + 1.0).to_string()],
                Err(_) => continue,
            },
            (FactType::String, Operand::Value(v)) => vec![format!("{v}!"), v.trim().to_string()],
            _ => continue,
        };
        out.push((index, values));
    }
    out
}

/// One case: the request as written (names, a field as `(name, id)` or an undeclared
/// name, facts by index with their values), and portrules' answer to it.
fn case(
    rules: &Rules,
    at: At,
    (status, action): (&str, &str),
    field: Option<(&str, Option<FieldId>)>,
    facts: &[(usize, String)],
    now: Timestamp,
) -> Case {
    let mut request = Map::new();
    request.insert("status".into(), status.into());
    request.insert("action".into(), action.into());
    if let Some((name, _)) = field {
        request.insert("field".into(), name.into());
    }
    if !facts.is_empty() {
        let given: Map<String, Value> = facts
            .iter()
            .map(|(i, v)| (rules.facts[*i].id.to_string(), Value::String(v.clone())))
            .collect();
        request.insert("facts".into(), Value::Object(given));
    }
    request.insert("now".into(), NOW.into());
    let mut title = format!("{status} × {action}");
    if let Some((name, _)) = field {
        title.push_str(&format!(", field {name}"));
    }
    for (i, v) in facts {
        title.push_str(&format!(", {} = {v}", rules.facts[*i].id));
    }
    let ids = Ids {
        status: rules.statuses[at.status.0].id.to_string(),
        action: rules.actions[at.action.0].id.to_string(),
        field: field.map(|(name, id)| match id {
            Some(f) => rules.fields[f.0].id.to_string(),
            None => name.to_string(),
        }),
        facts: facts
            .iter()
            .map(|(i, v)| (rules.facts[*i].id.to_string(), v.clone()))
            .collect(),
    };
    let expected = match field {
        Some((name, None)) => Expected::Refused(format!("unknown field `{name}`")),
        _ => expected(rules, at, field.and_then(|(_, id)| id), facts, now),
    };
    Case {
        title,
        request: Value::Object(request),
        ids: Some(ids),
        expected,
    }
}

/// portrules' answer, asked by ids (names resolve to the same ids: the loader refuses
/// a table where they would not).
fn expected(
    rules: &Rules,
    at: At,
    field: Option<FieldId>,
    facts: &[(usize, String)],
    now: Timestamp,
) -> Expected {
    let mut query = Query {
        status: at.status,
        action: at.action,
        field,
        facts: Vec::new(),
        now: None,
    };
    for (i, v) in facts {
        match rules.facts[*i].kind.parse(v) {
            Ok(value) => query.facts.push((*i, value)),
            Err(e) => return Expected::Refused(e),
        }
    }
    // As `batch` asks: the time only counts when facts are given.
    if !facts.is_empty() {
        query = query.at(now);
    }
    let d = rules.decide(&query);
    if let Some(fact) = d.required_fact() {
        return Expected::Refused(format!("fact `{}` is required", fact.id));
    }
    Expected::Answer(answer_object(rules, &d))
}

/// The decision object the exported OPA policy returns, built from a decision.
pub(crate) fn answer_object(rules: &Rules, d: &crate::engine::Decision<'_>) -> Value {
    json!({
        "decision": d.decision.as_str(),
        "allowed": d.decision.permits(),
        "status": d.status,
        "status_label": d.status_label,
        "action": d.action,
        "action_label": d.action_label,
        "field": d.field,
        "fields": d.fields.iter().map(|f| f.as_ref()).collect::<Vec<_>>(),
        "note": d.note,
        "remedy": d.remedy.iter().map(|r| r.as_ref()).collect::<Vec<_>>(),
        "effective_status": d.effective_status,
        "effective_status_label": d.effective_status_label,
        "leads_to": d.leads_to,
        "missing_facts": d.warnings.iter().map(|w| w.fact.id.as_ref()).collect::<Vec<_>>(),
        "rules": { "name": rules.name.as_ref(), "version": rules.version.as_ref() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_is_the_time_it_says() {
        assert_eq!(NOW_AT.to_string(), NOW);
    }
}
