//! The OPA export: a bundle whose Rego code is generic and whose policy is data.
//!
//! ```text
//! .manifest                          revision, roots, rego_version 1, portrules metadata
//! portrules/<pkg>/data.json          the table: statuses, cells, fields, facts, time rules
//! portrules/<pkg>/policy.rego        the decision procedure (package portrules.<pkg>)
//! portrules/<pkg>/policy_test.rego   one `opa test` rule per case of the equivalence set
//! ```
//!
//! Depends on the model, the equivalence set and the engine's name matching.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::cases::{Case, Expected, cases};
use super::{ExportError, File, package_segment, pretty, time_rule_depth};
use crate::model::lifecycle::{Condition, FactType, Operand, Trigger};
use crate::model::names::normalize;
use crate::model::rules::Rules;

/// The decision procedure; `__PACKAGE__` becomes `portrules.<pkg>`.
const POLICY: &str = include_str!("policy.rego");

/// Time-rule steps the Rego code follows (`max_steps` in `policy.rego`).
pub const MAX_STEPS: usize = 15;

/// The bundle's files, in the order they are written.
///
/// ```
/// use portrules::export::{opa, tar_gz};
/// let rules = portrules::Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
/// let files = opa::bundle(&rules)?;
/// let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
/// assert_eq!(paths, [
///     ".manifest",
///     "portrules/time_rule/data.json",
///     "portrules/time_rule/policy.rego",
///     "portrules/time_rule/policy_test.rego",
/// ]);
/// assert_eq!(tar_gz(&files)?, tar_gz(&files)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn bundle(rules: &Rules) -> Result<Vec<File>, ExportError> {
    let pkg = package_segment(rules);
    let steps = time_rule_depth(rules).ok_or_else(|| {
        ExportError::new(
            rules,
            "OPA",
            "its time rules form a cycle, so an order would never settle",
        )
    })?;
    if steps > MAX_STEPS {
        return Err(ExportError::new(
            rules,
            "OPA",
            format!(
                "an order can follow {steps} time rules in a row; the exported policy follows at most {MAX_STEPS}"
            ),
        ));
    }
    if let Some(f) = rules.facts.iter().find(|f| f.kind == FactType::Duration) {
        return Err(ExportError::new(
            rules,
            "OPA",
            format!(
                "fact `{}` is a duration, and Rego reads durations differently from portrules",
                f.id
            ),
        ));
    }
    refuse_what_rego_reads_otherwise(rules)?;
    let root = format!("portrules/{pkg}");
    let manifest = json!({
        "revision": format!("{}@{}", rules.name, rules.version),
        "roots": [root.clone()],
        "rego_version": 1,
        "metadata": {
            "portrules": {
                "name": rules.name.as_ref(),
                "version": rules.version.as_ref(),
                "schema_version": rules.schema_version,
            }
        }
    });
    let package = format!("portrules.{pkg}");
    Ok(vec![
        File {
            path: ".manifest".into(),
            bytes: pretty(&manifest),
        },
        File {
            path: format!("{root}/data.json"),
            bytes: pretty(&json!({ "table": table(rules, steps) })),
        },
        File {
            path: format!("{root}/policy.rego"),
            bytes: POLICY.replace("__PACKAGE__", &package).into_bytes(),
        },
        File {
            path: format!("{root}/policy_test.rego"),
            bytes: tests(rules, &package, &cases(rules)).into_bytes(),
        },
    ])
}

/// Refuses what the Rego code would read differently from portrules: times beyond
/// OPA's nanosecond clock (years 1678 to 2262), and names with `İ`, the one letter whose
/// lowercase is two characters in Rust and one in Go, so that a name would match one
/// way on the command line and another on OPA.
fn refuse_what_rego_reads_otherwise(rules: &Rules) -> Result<(), ExportError> {
    for s in rules.statuses.iter() {
        for t in s.transitions.iter() {
            let Trigger::When(cond) = &t.trigger else {
                continue;
            };
            let kind = rules
                .facts
                .iter()
                .find(|f| f.id == cond.fact)
                .map(|f| f.kind);
            let ns = match (&cond.operand, kind) {
                (Operand::Now(shift), _) => Some(shift.as_nanos()),
                (Operand::Value(v), Some(FactType::Datetime)) => v
                    .trim()
                    .parse::<jiff::Timestamp>()
                    .ok()
                    .map(|t| t.as_nanosecond()),
                _ => None,
            };
            if ns.is_some_and(|n| i64::try_from(n).is_err()) {
                return Err(ExportError::new(
                    rules,
                    "OPA",
                    format!(
                        "the time rule of `{}` on `{}` reaches beyond OPA's clock, which counts nanoseconds from 1970 in 64 bits (years 1678 to 2262)",
                        s.id, cond.fact
                    ),
                ));
            }
        }
    }
    let names = (rules.statuses.iter().map(|s| &s.label))
        .chain(rules.actions.iter().map(|a| &a.label))
        .chain(rules.fields.iter().map(|f| &f.label))
        .chain(rules.facts.iter().map(|f| &f.label));
    for name in names {
        if name.contains('\u{130}') {
            return Err(ExportError::new(
                rules,
                "OPA",
                format!("the name `{name}` has `İ`, which OPA lowercases otherwise than portrules"),
            ));
        }
    }
    Ok(())
}

/// The table as data. Keys are sorted (serde_json's maps are ordered), so the bytes
/// depend only on the rules.
pub(crate) fn table(rules: &Rules, steps: usize) -> Value {
    let mut names: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    let mut name = |kind: &'static str, id: &str, label: &str| {
        let map = names.entry(kind).or_default();
        for n in [id, label] {
            map.insert(normalize(n), id.into());
        }
    };
    for s in rules.statuses.iter() {
        name("statuses", &s.id, &s.label);
    }
    for a in rules.actions.iter() {
        name("actions", &a.id, &a.label);
    }
    for f in rules.fields.iter() {
        name("fields", &f.id, &f.label);
    }
    for f in rules.facts.iter() {
        name("facts", &f.id, &f.label);
    }
    for kind in ["statuses", "actions", "fields", "facts"] {
        names.entry(kind).or_default();
    }
    let statuses: Map<String, Value> = rules
        .statuses
        .iter()
        .map(|s| {
            let cells: Map<String, Value> = rules
                .actions
                .iter()
                .zip(s.cells.iter())
                .map(|(a, c)| {
                    (
                        a.id.to_string(),
                        json!({
                            "decision": c.decision.as_str(),
                            "fields": c.fields.iter().map(|f| f.as_ref()).collect::<Vec<_>>(),
                            "note": c.note.as_deref(),
                            "remedy": c.remedy.iter().map(|r| r.as_ref()).collect::<Vec<_>>(),
                        }),
                    )
                })
                .collect();
            let mut moves = Map::new();
            let mut time_rules = Vec::new();
            let mut transitions = Vec::new();
            for t in s.transitions.iter() {
                let mut entry = Map::new();
                entry.insert("to".into(), t.to.as_ref().into());
                entry.insert("source".into(), json!(t.source));
                if let Some(b) = &t.because {
                    entry.insert("because".into(), b.as_ref().into());
                }
                match &t.trigger {
                    Trigger::Action(a) => {
                        // Every transition on the action, in order, with its guard: the
                        // policy takes the first whose guard holds.
                        let mut step = Map::new();
                        step.insert("to".into(), t.to.as_ref().into());
                        if let Some(guard) = &t.guard {
                            step.insert("when".into(), Value::Object(rule_of(rules, guard, None)));
                        }
                        if let Value::Array(steps) =
                            moves.entry(a.to_string()).or_insert_with(|| json!([]))
                        {
                            steps.push(Value::Object(step));
                        }
                        entry.insert("on".into(), json!({ "action": a.as_ref() }));
                    }
                    Trigger::Event(e) => {
                        entry.insert("on".into(), json!({ "event": e.as_ref() }));
                    }
                    Trigger::When(cond) => {
                        let rule = rule_of(rules, cond, Some(&t.to));
                        entry.insert("when".into(), Value::Object(rule.clone()));
                        time_rules.push(Value::Object(rule));
                    }
                }
                if let Some(guard) = &t.guard {
                    entry.insert("when".into(), Value::Object(rule_of(rules, guard, None)));
                }
                transitions.push(Value::Object(entry));
            }
            (
                s.id.to_string(),
                json!({
                    "label": s.label.as_ref(),
                    "description": s.description.as_ref(),
                    "cells": cells,
                    "moves": moves,
                    "time_rules": time_rules,
                    "transitions": transitions,
                }),
            )
        })
        .collect();
    let labelled =
        |items: Vec<(String, Value)>| -> Map<String, Value> { items.into_iter().collect() };
    json!({
        "name": rules.name.as_ref(),
        "version": rules.version.as_ref(),
        "schema_version": rules.schema_version,
        "title": rules.title.as_ref(),
        "steps": steps,
        "order": {
            "statuses": rules.statuses.iter().map(|s| s.id.as_ref()).collect::<Vec<_>>(),
            "actions": rules.actions.iter().map(|a| a.id.as_ref()).collect::<Vec<_>>(),
        },
        "names": names,
        "statuses": statuses,
        "actions": labelled(rules.actions.iter().map(|a| (a.id.to_string(), json!({
            "label": a.label.as_ref(),
            "question": a.question.as_ref(),
        }))).collect()),
        "fields": labelled(rules.fields.iter().map(|f| (f.id.to_string(), json!({
            "label": f.label.as_ref(),
        }))).collect()),
        "facts": labelled(rules.facts.iter().map(|f| (f.id.to_string(), json!({
            "label": f.label.as_ref(),
            "type": f.kind.as_str(),
            "if_missing": f.if_missing.as_str(),
        }))).collect()),
    })
}

/// A condition as the policy reads it: the fact, the comparison, and the operand as a
/// shift from now in nanoseconds or a typed value; with `to` for a time rule.
fn rule_of(rules: &Rules, cond: &Condition, to: Option<&str>) -> Map<String, Value> {
    let kind = rules
        .facts
        .iter()
        .find(|f| f.id == cond.fact)
        .map(|f| f.kind);
    let mut rule = Map::new();
    rule.insert("fact".into(), cond.fact.as_ref().into());
    rule.insert("op".into(), json!(cond.op));
    if let Some(to) = to {
        rule.insert("to".into(), to.into());
    }
    match &cond.operand {
        Operand::Now(shift) => {
            rule.insert("shift_ns".into(), json!(shift.as_nanos() as i64));
        }
        Operand::Value(v) => {
            rule.insert("value".into(), typed_value(kind, v.as_ref()));
        }
    }
    rule
}

/// A rule file's value as the Rego code compares it: datetimes in nanoseconds since
/// 1970 (what `time.parse_rfc3339_ns` gives), numbers as numbers, text trimmed.
fn typed_value(kind: Option<FactType>, text: &str) -> Value {
    match kind.map(|k| k.parse(text)) {
        Some(Ok(crate::model::lifecycle::FactValue::Datetime(t))) => {
            json!(t.as_nanosecond() as i64)
        }
        Some(Ok(crate::model::lifecycle::FactValue::Number(n))) => json!(n),
        Some(Ok(crate::model::lifecycle::FactValue::String(s))) => json!(s),
        _ => json!(text),
    }
}

/// `policy_test.rego`: one test per case, asserting the whole decision object (or, for
/// a refused request, a denial with an error) and `allow`.
pub(crate) fn tests(rules: &Rules, package: &str, cases: &[Case]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Generated by portrules from {} {}: the equivalence set, each request with the\n# answer portrules gives. Run with `opa test`.\npackage {package}\n",
        rules.name, rules.version
    );
    for (i, case) in cases.iter().enumerate() {
        let input = super::canonical(&case.request).to_string();
        let _ = writeln!(o, "# {}", one_line(&case.title));
        let _ = writeln!(o, "test_case_{:05} if {{", i + 1);
        match &case.expected {
            Expected::Answer(answer) => {
                // Spread over lines: regorus reads lines of at most 1,024 characters.
                let answer = format!("{:#}", super::canonical(answer)).replace('\n', "\n\t");
                let _ = writeln!(o, "\tdecision == {answer} with input as {input}");
                let _ = writeln!(
                    o,
                    "\tallow == {} with input as {input}",
                    case.expected.allowed()
                );
            }
            Expected::Refused(_) => {
                let _ = writeln!(o, "\td := decision with input as {input}");
                o.push_str(
                    "\td.decision == \"deny\"\n\td.allowed == false\n\tis_string(d.error)\n",
                );
                let _ = writeln!(o, "\tnot allow with input as {input}");
            }
        }
        o.push_str("}\n\n");
    }
    o.pop();
    o
}

/// A title for a Rego comment: no line breaks, nothing unprintable.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
