//! Reads and checks the lifecycle: facts, events, the initial status and each status's
//! transitions, with located errors for what does not fit together.
//!
//! Depends on the node tree, the diagnostics and the model.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::load::codes::Code;
use crate::load::diag::{Finding, Findings, len_of};
use crate::load::yaml::{Kind, Node};
use crate::model::lifecycle::{
    Condition, EventDecl, FactDecl, FactType, IfMissing, Op, Operand, Source, Transition, Trigger,
    parse_duration,
};
use crate::model::names::did_you_mean;
use crate::model::rules::{Rules, Text};

fn text(node: &Node, key: &str) -> Option<Text> {
    node.get(key)
        .and_then(Node::as_str)
        .map(|s| Text::Owned(s.to_string()))
}

/// Fills in the lifecycle parts of `rules` from `root`; returns the problems found.
pub fn compile(root: &Node, rules: &mut Rules, cap: usize) -> Findings {
    let mut findings = Findings::with_cap(cap);
    for e in root.get("facts").map(Node::entries).unwrap_or_default() {
        let kind = match e.value.get("type").and_then(Node::as_str) {
            Some("datetime") => FactType::Datetime,
            Some("duration") => FactType::Duration,
            Some("number") => FactType::Number,
            _ => FactType::String,
        };
        rules.facts.to_mut().push(FactDecl {
            id: e.key.clone().into(),
            label: text(&e.value, "label").unwrap_or_else(|| e.key.clone().into()),
            kind,
            description: text(&e.value, "description"),
            if_missing: match e.value.get("if_missing").and_then(Node::as_str) {
                Some("deny") => IfMissing::Deny,
                Some("error") => IfMissing::Error,
                _ => IfMissing::Warn,
            },
        });
    }
    for e in root.get("events").map(Node::entries).unwrap_or_default() {
        rules.events.to_mut().push(EventDecl {
            id: e.key.clone().into(),
            label: text(&e.value, "label").unwrap_or_else(|| e.key.clone().into()),
            description: text(&e.value, "description"),
        });
    }
    let status_ids: Vec<&str> = rules.statuses.iter().map(|s| s.id.as_ref()).collect();
    let status_set: HashSet<&str> = status_ids.iter().copied().collect();
    let statuses_node = root.get("statuses");
    // Every status name the lifecycle uses, to tell a misspelt reference (the status is
    // also named correctly elsewhere) from a misspelt status key (it never is).
    let initial_nodes: Vec<&Node> = match root.get("lifecycle").and_then(|l| l.get("initial")) {
        Some(node) if node.as_str().is_some() => vec![node],
        Some(node) => node.items().iter().collect(),
        None => Vec::new(),
    };
    let referenced: HashSet<&str> = (initial_nodes.iter())
        .filter_map(|n| n.as_str())
        .chain(
            (statuses_node.map(Node::entries).unwrap_or_default().iter())
                .filter_map(|e| e.value.get("transitions"))
                .flat_map(Node::items)
                .filter_map(|t| t.get("to").and_then(Node::as_str)),
        )
        .collect();
    let known_status = |id: &str, pos, what: &str, findings: &mut Findings| {
        if !status_set.contains(id) {
            findings.add(|| {
                let near = crate::model::names::suggest(id, status_ids.iter().copied());
                if let Some(key) = near.filter(|n| !referenced.contains(n))
                    && let Some(entry) = statuses_node.and_then(|s| s.entry(key))
                {
                    // The status is never named as it is declared: its key is the typo.
                    return Finding::new(
                        Code::UnknownTarget,
                        len_of(entry.key_pos, key),
                        format!(
                            "status `{key}` is never referred to by that name, but the lifecycle names `{id}`: one of them is misspelt"
                        ),
                    )
                    .help(format!(
                        "rename the status key to `{id}`, or write `{key}` where the lifecycle names `{id}`"
                    ));
                }
                Finding::new(
                    Code::UnknownTarget,
                    len_of(pos, id),
                    format!("{what} `{id}` is not a declared status"),
                )
                .maybe_help(near.map(|s| format!("did you mean `{s}`?")))
            });
        }
    };
    let mut initial = Vec::new();
    for node in &initial_nodes {
        if let Some(id) = node.as_str() {
            known_status(id, node.pos, "the initial status", &mut findings);
            initial.push(id.to_string().into());
        }
    }
    rules.initial = initial.into();
    let nodes = root
        .get("statuses")
        .map(Node::values_by_key)
        .unwrap_or_default();
    let action_set: HashSet<&str> = rules.actions.iter().map(|a| a.id.as_ref()).collect();
    let event_set: HashSet<&str> = rules.events.iter().map(|e| e.id.as_ref()).collect();
    let fact_index: HashMap<&str, usize> = (rules.facts.iter().enumerate())
        .map(|(i, f)| (f.id.as_ref(), i))
        .collect();
    let action_index: HashMap<&str, usize> = (rules.actions.iter().enumerate())
        .map(|(i, a)| (a.id.as_ref(), i))
        .collect();
    // Set when a transition is skipped for being malformed (the schema reports it):
    // the lifecycle is then incomplete, and checks of the whole would only cascade.
    let mut broken = false;
    let mut transitions: Vec<Vec<Transition>> = Vec::with_capacity(rules.statuses.len());
    for status in rules.statuses.iter() {
        let mut list = Vec::new();
        let items = nodes
            .get(status.id.as_ref())
            .and_then(|n| n.get("transitions"))
            .map(Node::items)
            .unwrap_or_default();
        for item in items {
            let Some(to_node) = item.get("to") else {
                broken = true;
                continue;
            };
            let to = to_node.as_str().unwrap_or_default().to_string();
            known_status(&to, to_node.pos, "transition target", &mut findings);
            let trigger = if let Some(on) = item.get("on") {
                match (
                    on.get("action").and_then(Node::as_str),
                    on.get("event").and_then(Node::as_str),
                ) {
                    (Some(a), _) => {
                        if !action_set.contains(a) {
                            let pos = on.get("action").map_or(on.pos, |n| n.pos);
                            findings.add(|| {
                                Finding::new(
                                    Code::UnknownTrigger,
                                    len_of(pos, a),
                                    format!("`{a}` is not a declared action"),
                                )
                                .maybe_help(did_you_mean(
                                    a,
                                    rules.actions.iter().map(|x| x.id.as_ref()),
                                ))
                            });
                        }
                        if let Some(&i) = action_index.get(a)
                            && status.cells[i].decision == crate::model::rules::Effect::Deny
                        {
                            let pos = on.get("action").map_or(on.pos, |n| n.pos);
                            findings.add(|| {
                                Finding::new(
                                    Code::TransitionOnDeniedAction,
                                    len_of(pos, a),
                                    format!(
                                        "`{}` denies `{a}`, yet this transition is taken by it",
                                        status.id
                                    ),
                                )
                                .help(format!(
                                    "allow `{a}` in `{}`, or remove the transition: the page would say No and draw the arrow",
                                    status.id
                                ))
                            });
                        }
                        Trigger::Action(a.to_string().into())
                    }
                    (None, Some(ev)) => {
                        if !event_set.contains(ev) {
                            let pos = on.get("event").map_or(on.pos, |n| n.pos);
                            findings.add(|| {
                                let help = did_you_mean(ev, rules.events.iter().map(|x| x.id.as_ref()))
                                    .unwrap_or_else(|| format!("declare it under the top-level `events`: `{ev}: {{ label: ... }}`"));
                                Finding::new(
                                    Code::UnknownTrigger,
                                    len_of(pos, ev),
                                    format!("`{ev}` is not a declared event"),
                                )
                                .help(help)
                            });
                        }
                        Trigger::Event(ev.to_string().into())
                    }
                    (None, None) => {
                        broken = true;
                        continue;
                    }
                }
            } else if let Some(when) = item.get("when") {
                match condition(when, rules, &fact_index, &mut findings) {
                    Some(c) => Trigger::When(c),
                    None => {
                        broken = true;
                        continue;
                    }
                }
            } else {
                broken = true;
                continue;
            };
            let source = match item.get("source").and_then(Node::as_str) {
                Some("inferred") => Source::Inferred,
                _ => Source::Stated,
            };
            // `when` beside `on` guards the trigger: the transition is taken on it only
            // while the condition holds.
            let guard = match (&trigger, item.get("when")) {
                (Trigger::Action(_) | Trigger::Event(_), Some(when)) => {
                    match condition(when, rules, &fact_index, &mut findings) {
                        Some(c) => Some(c),
                        None => {
                            broken = true;
                            continue;
                        }
                    }
                }
                _ => None,
            };
            list.push(Transition {
                to: to.into(),
                trigger,
                source,
                because: text(item, "because"),
                guard,
            });
        }
        guards_are_ordered(status, &list, items, &mut findings);
        transitions.push(list);
    }
    for (status, list) in rules.statuses.to_mut().iter_mut().zip(transitions) {
        status.transitions = list.into();
    }
    if findings.is_empty() && !broken && !rules.initial.is_empty() {
        reachability(rules, root, &mut findings);
        moves_have_transitions(rules, &nodes, &mut findings);
    }
    findings
}

/// Transitions on one trigger are tried in order: every one but the last needs a guard
/// (else those after it are never taken), and the last needs none (else the trigger
/// could lead nowhere). Two passes over the list, each with a map by trigger, so that a
/// file with thousands of transitions on one trigger costs linear time.
fn guards_are_ordered(
    status: &crate::model::rules::Status,
    list: &[Transition],
    items: &[Node],
    findings: &mut Findings,
) {
    fn trigger_of(t: &Transition) -> Option<(&'static str, &str)> {
        match &t.trigger {
            Trigger::Action(a) => Some(("action", a.as_ref())),
            Trigger::Event(e) => Some(("event", e.as_ref())),
            Trigger::When(_) => None,
        }
    }
    // The key of the item's `key` entry, underlined whole.
    let pos_of = |i: usize, key: &str| {
        (items.get(i).and_then(|n| n.entry(key)))
            .map_or_else(Default::default, |e| len_of(e.key_pos, key))
    };
    // Forward: the first transition without a guard on each trigger; any after it on the
    // same trigger is never taken.
    let mut unguarded: HashMap<(&str, &str), usize> = HashMap::new();
    let mut never = vec![false; list.len()];
    for (i, t) in list.iter().enumerate() {
        let Some(key) = trigger_of(t) else {
            continue;
        };
        let (kind, id) = key;
        if let Some(&first) = unguarded.get(&key) {
            never[i] = true;
            let at = pos_of(i, "on");
            findings.add(|| {
                Finding::new(
                    Code::TransitionNeverTaken,
                    at,
                    format!(
                        "in `{}`, the transition to `{}` on {kind} `{id}` is never taken: the one to `{}` before it has no `when`, so it always is",
                        status.id, t.to, list[first].to
                    ),
                )
                .help("give the earlier one a `when` saying when it is taken, or remove one of them")
            });
        } else if t.guard.is_none() {
            unguarded.insert(key, i);
        }
    }
    // Backward: a guarded transition needs one without a guard after it.
    let mut fallback: HashSet<(&str, &str)> = HashSet::new();
    for (i, t) in list.iter().enumerate().rev() {
        let Some(key) = trigger_of(t) else {
            continue;
        };
        let (kind, id) = key;
        if t.guard.is_none() {
            fallback.insert(key);
        } else if !never[i] && !fallback.contains(&key) {
            let at = pos_of(i, "when");
            findings.add(|| {
                Finding::new(
                    Code::GuardWithoutFallback,
                    at,
                    format!(
                        "in `{}`, {kind} `{id}` moves the order to `{}` only while this holds, and no transition after it says where it goes otherwise",
                        status.id, t.to
                    ),
                )
                .help(format!(
                    "add below it a transition on the same {kind} without `when`: `- {{ to: <status>, \"on\": {{ {kind}: {id} }}, source: stated }}`"
                ))
            });
        }
    }
}

fn condition(
    when: &Node,
    rules: &Rules,
    facts: &HashMap<&str, usize>,
    findings: &mut Findings,
) -> Option<Condition> {
    let fact_node = when.get("fact")?;
    let fact = fact_node.as_str()?;
    let op = Op::parse(when.get("op").and_then(Node::as_str)?)?;
    let Some(decl) = facts.get(fact).map(|&i| &rules.facts[i]) else {
        findings.add(|| {
            let help = did_you_mean(fact, rules.facts.iter().map(|f| f.id.as_ref()))
                .unwrap_or_else(|| format!("declare it under the top-level `facts` with a `type`: `{fact}: {{ type: datetime, label: ... }}`"));
            Finding::new(
                Code::BadCondition,
                len_of(fact_node.pos, fact),
                format!("`{fact}` is not a declared fact"),
            )
            .help(help)
        });
        return None;
    };
    let bad = |node: &Node, message: String, findings: &mut Findings| {
        let mut pos = node.pos;
        pos.len = pos.len.max(1);
        findings.push(Finding::new(Code::BadCondition, pos, message));
    };
    let operand = if let Some(v) = when.get("value") {
        let written = match &v.kind {
            Kind::Str(s) => s.clone(),
            Kind::Int(i) => i.to_string(),
            Kind::Float(f) => f.to_string(),
            _ => String::new(),
        };
        if let Err(e) = decl.kind.parse(&written) {
            bad(
                v,
                format!(
                    "the value for `{fact}` ({}) is not valid: {e}",
                    decl.kind.as_str()
                ),
                findings,
            );
            return None;
        }
        Operand::Value(written.into())
    } else {
        let (node, sign) = match (when.get("now_plus"), when.get("now_minus")) {
            (Some(n), _) => (n, 1),
            (None, Some(n)) => (n, -1),
            (None, None) => return None,
        };
        if decl.kind != FactType::Datetime {
            bad(
                node,
                format!(
                    "`{fact}` is a {}, so it cannot be compared with the current time",
                    decl.kind.as_str()
                ),
                findings,
            );
            return None;
        }
        match parse_duration(node.as_str().unwrap_or_default()) {
            Ok(d) => Operand::Now(if sign < 0 { -d } else { d }),
            Err(e) => {
                bad(node, e, findings);
                return None;
            }
        }
    };
    Some(Condition {
        fact: fact.to_string().into(),
        op,
        operand,
    })
}

/// Every status must be reachable from an initial one.
fn reachability(rules: &Rules, root: &Node, findings: &mut Findings) {
    let index: HashMap<&str, usize> = rules
        .statuses
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_ref(), i))
        .collect();
    let mut seen = HashSet::new();
    let mut queue: VecDeque<&str> = rules.initial.iter().map(|i| i.as_ref()).collect();
    let initial = match &rules.initial[..] {
        [one] => format!("the initial status `{one}`"),
        many => format!(
            "the initial statuses {}",
            many.iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(&i) = index.get(id) {
            queue.extend(rules.statuses[i].transitions.iter().map(|t| t.to.as_ref()));
        }
    }
    for status in rules.statuses.iter() {
        if !seen.contains(status.id.as_ref()) {
            findings.add(|| {
                let pos = status_key_pos(root, &status.id);
                Finding::new(
                    Code::Unreachable,
                    len_of(pos, &status.id),
                    format!("status `{}` cannot be reached from {initial}", status.id),
                )
                .help("add a transition that leads to it, or remove it")
            });
        }
    }
}

/// The position of a status's key, for messages about the whole status.
fn status_key_pos(root: &Node, id: &str) -> crate::load::yaml::Pos {
    root.get("statuses")
        .and_then(|s| s.entry(id))
        .map_or_else(Default::default, |e| e.key_pos)
}

/// An allowed action that moves the order must say where it goes.
fn moves_have_transitions(rules: &Rules, nodes: &HashMap<&str, &Node>, findings: &mut Findings) {
    for status in rules.statuses.iter() {
        for (action, cell) in rules.actions.iter().zip(status.cells.iter()) {
            if !action.moves || !cell.decision.permits() {
                continue;
            }
            let covered = status
                .transitions
                .iter()
                .any(|t| matches!(&t.trigger, Trigger::Action(a) if *a == action.id));
            if !covered {
                findings.add(|| {
                let pos = nodes
                    .get(status.id.as_ref())
                    .and_then(|n| n.get("permissions"))
                    .and_then(|p| p.entry(&action.id))
                    .map_or_else(Default::default, |e| len_of(e.key_pos, &e.key));
                    Finding::new(
                        Code::MoveWithoutTransition,
                        pos,
                        format!("`{}` is allowed in `{}` and moves the order, but no transition says where to", action.id, status.id),
                    )
                    .help(if status.transitions.is_empty() {
                        format!("add to `{}`: `transitions: [{{ to: <status>, \"on\": {{ action: {} }}, source: stated }}]`", status.id, action.id)
                    } else {
                        format!("add to the `transitions` of `{}`: `- {{ to: <status>, \"on\": {{ action: {} }}, source: stated }}`", status.id, action.id)
                    })
                });
            }
        }
    }
}
