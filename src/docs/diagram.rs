//! The lifecycle as a Mermaid `stateDiagram-v2` (GitHub renders it), and the time rules
//! as sentences.
//!
//! Depends only on the model.

use std::fmt::Write as _;

use crate::model::lifecycle::{Condition, FactType, IfMissing, Source, Trigger};
use crate::model::rules::{Rules, StatusId};

/// Mermaid text stays plain: only letters, digits, spaces and `( ) + - . , ' /`.
fn plain(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " ()+-.,'/".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A time rule in words: "Firm Order Commitment (FOC) date is before now + 24h".
fn condition_words(rules: &Rules, trigger: &Trigger) -> Option<String> {
    let Trigger::When(c) = trigger else {
        return None;
    };
    words(rules, c)
}

/// A condition in words.
fn words(rules: &Rules, c: &Condition) -> Option<String> {
    let fact = rules.facts.iter().find(|f| f.id == c.fact)?;
    let datetime = fact.kind == FactType::Datetime;
    Some(format!(
        "{} {} {}",
        fact.label,
        c.op.words(datetime),
        c.operand_text()
    ))
}

/// The state diagram, or `None` when the rules describe no lifecycle.
pub fn mermaid(rules: &Rules) -> Option<String> {
    if rules.initial.is_empty() {
        return None;
    }
    let mut out = String::from("stateDiagram-v2\n");
    for s in rules.statuses.iter() {
        let _ = writeln!(out, "    state \"{}\" as {}", plain(&s.label), s.id);
    }
    for initial in rules.initial.iter() {
        let _ = writeln!(out, "    [*] --> {initial}");
    }
    for s in rules.statuses.iter() {
        for t in s.transitions.iter() {
            let mut label = match &t.trigger {
                Trigger::Action(a) => rules
                    .actions
                    .iter()
                    .find(|x| x.id == *a)
                    .map_or(a.to_string(), |x| x.label.to_string()),
                Trigger::Event(e) => rules
                    .events
                    .iter()
                    .find(|x| x.id == *e)
                    .map_or(e.to_string(), |x| x.label.to_string()),
                // The rule's own reason reads better, and shorter, than the condition.
                Trigger::When(_) => match &t.because {
                    Some(because) => because.to_string(),
                    None => condition_words(rules, &t.trigger).unwrap_or_default(),
                },
            };
            if let Some(guard) = t.guard.as_ref().and_then(|g| words(rules, g)) {
                label.push_str(&format!(", if {guard}"));
            }
            if t.source == Source::Inferred {
                label.push_str(" (inferred)");
            }
            let _ = writeln!(out, "    {} --> {}: {}", s.id, t.to, plain(&label));
        }
    }
    for (i, s) in rules.statuses.iter().enumerate() {
        if rules.is_final(StatusId(i)) {
            let _ = writeln!(out, "    {} --> [*]", s.id);
        }
    }
    Some(out.trim_end().to_string())
}

/// Each guarded trigger as a sentence: where the action or event takes the order under
/// each condition, and where otherwise.
pub fn guards(rules: &Rules) -> Vec<String> {
    let label_of = |id: &str| {
        rules
            .status_index(id)
            .map_or(id.to_string(), |i| rules.statuses[i.0].label.to_string())
    };
    let mut out = Vec::new();
    for s in rules.statuses.iter() {
        let mut done: Vec<&Trigger> = Vec::new();
        for t in s.transitions.iter().filter(|t| t.guard.is_some()) {
            if done.contains(&&t.trigger) {
                continue;
            }
            done.push(&t.trigger);
            let name = match &t.trigger {
                Trigger::Action(a) => (rules.actions.iter().find(|x| x.id == *a))
                    .map_or(a.to_string(), |x| x.label.to_string()),
                Trigger::Event(e) => (rules.events.iter().find(|x| x.id == *e))
                    .map_or(e.to_string(), |x| x.label.to_string()),
                Trigger::When(_) => continue,
            };
            let mut parts = Vec::new();
            let mut otherwise = None;
            for u in s.transitions.iter().filter(|u| u.trigger == t.trigger) {
                match u.guard.as_ref().and_then(|g| words(rules, g)) {
                    Some(w) => parts.push(format!("to {} when its {w}", label_of(&u.to))),
                    None => {
                        otherwise = Some(label_of(&u.to));
                        break;
                    }
                }
            }
            let otherwise = otherwise
                .map(|o| format!(", and otherwise to {o}"))
                .unwrap_or_default();
            out.push(format!(
                "In {}, {name} moves an order {}{otherwise}. An answer says where it goes (leads_to) only when its question gives the facts this needs.",
                s.label,
                parts.join(", else ")
            ));
        }
    }
    out
}

/// Each time rule as a sentence.
pub fn time_rules(rules: &Rules) -> Vec<String> {
    let mut out = Vec::new();
    for s in rules.statuses.iter() {
        for t in s.transitions.iter() {
            let Some(words) = condition_words(rules, &t.trigger) else {
                continue;
            };
            let to = rules
                .status_index(&t.to)
                .map_or(t.to.as_ref(), |i| rules.statuses[i.0].label.as_ref());
            let why = t
                .because
                .as_deref()
                .map(|b| format!(" ({})", b.trim_end_matches('.').to_lowercase()))
                .unwrap_or_default();
            let missing = match &t.trigger {
                Trigger::When(c) => rules.facts.iter().find(|f| f.id == c.fact).map(|f| {
                    let consequence = match f.if_missing {
                        IfMissing::Warn => format!(
                            "the answer is the one for {} with a warning",
                            s.label
                        ),
                        IfMissing::Deny => "the action is denied".to_string(),
                        IfMissing::Error => format!("the question is refused until the {} is given", f.label),
                    };
                    format!(
                        " A question that does not give the {} is answered when {} and {to} agree; when they do not, {consequence}.",
                        f.label, s.label
                    )
                }),
                _ => None,
            };
            out.push(format!(
                "An order in {} counts as {to} as soon as its {words}{why}; answers use {to} from then on, even if the stored status still says {}.{}",
                s.label,
                s.label,
                missing.unwrap_or_default()
            ));
        }
    }
    out
}
