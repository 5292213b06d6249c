//! The examples a rule file carries, read as written: their names are resolved and
//! their answers checked later, by `examples`. Depends on the node tree and the model.

use super::{owned, value_at};
use crate::load::yaml::{Kind, Node};
use crate::model::rules::{Effect, Example, ExampleAt, Text};

/// The examples, as written (names are resolved when they are checked).
pub(super) fn examples(root: &Node) -> Vec<Example> {
    let effect = |n: &Node| match n.as_str() {
        Some("allow") => Some(Effect::Allow),
        Some("deny") => Some(Effect::Deny),
        Some("limited") => Some(Effect::Limited),
        _ => None,
    };
    let text = |n: &Node, key: &str| n.get(key).and_then(Node::as_str).map(owned);
    root.get("examples")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|n| {
            Some(Example {
                status: text(n, "status")?,
                action: text(n, "action")?,
                field: text(n, "field"),
                expect: n.get("expect").and_then(effect)?,
                leads_to: text(n, "leads_to"),
                why: text(n, "why"),
                facts: n
                    .get("facts")
                    .map(Node::entries)
                    .unwrap_or_default()
                    .iter()
                    .map(|e| {
                        let value = match &e.value.kind {
                            Kind::Str(s) => s.clone(),
                            Kind::Int(i) => i.to_string(),
                            Kind::Float(f) => f.to_string(),
                            _ => String::new(),
                        };
                        (owned(&e.key), Text::from(value))
                    })
                    .collect::<Vec<_>>()
                    .into(),
                now: text(n, "now"),
                pos: n.pos,
                at: ExampleAt {
                    status: value_at(n, "status"),
                    action: value_at(n, "action"),
                    field: value_at(n, "field"),
                    expect: value_at(n, "expect"),
                    now: value_at(n, "now"),
                    leads_to: value_at(n, "leads_to"),
                },
            })
        })
        .collect()
}
