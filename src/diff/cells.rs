//! Classifying what changed inside one status: its ways out (transitions) and its cells
//! (decision, fields, note), and the words for a changed text. Depends on the model and
//! the change types of `diff`.

use super::{Change, Impact};
use crate::model::lifecycle::{Transition, Trigger};
use crate::model::rules::{Cell, Effect, Status, Text};

/// Transitions compared by target and trigger: a way out removed is breaking, one added
/// is a feature, a changed source or reason is text.
pub(super) fn transition_changes(old: &Status, new: &Status, changes: &mut Vec<Change>) {
    let key = |t: &Transition| {
        let guard = (t.guard.as_ref())
            .map(|c| format!(" if `{} {} {}`", c.fact, c.op.symbol(), c.operand_text()))
            .unwrap_or_default();
        (t.to.clone(), format!("{}{guard}", trigger_text(&t.trigger)))
    };
    let place = format!("status {}", old.label);
    for t in old.transitions.iter() {
        match new.transitions.iter().find(|n| key(n) == key(t)) {
            None => changes.push(Change {
                impact: Impact::Breaking,
                place: place.clone(),
                what: format!("transition to `{}` {} removed", t.to, key(t).1),
                why: "orders no longer move this way".into(),
            }),
            Some(n) if n.source != t.source || n.because != t.because => changes.push(Change {
                impact: Impact::Text,
                place: place.clone(),
                what: format!("transition to `{}` {} reworded", t.to, key(t).1),
                why: "source or reason only".into(),
            }),
            Some(_) => {}
        }
    }
    for n in new.transitions.iter() {
        if !old.transitions.iter().any(|t| key(t) == key(n)) {
            changes.push(Change {
                impact: Impact::Feature,
                place: place.clone(),
                what: format!("transition to `{}` {} added", n.to, key(n).1),
                why: "orders can move this way".into(),
            });
        }
    }
}

pub(super) fn trigger_text(trigger: &Trigger) -> String {
    match trigger {
        Trigger::Action(a) => format!("on action `{a}`"),
        Trigger::Event(e) => format!("on event `{e}`"),
        Trigger::When(c) => format!("when `{} {} {}`", c.fact, c.op.symbol(), c.operand_text()),
    }
}

pub(super) fn cell_changes(
    a: &Cell,
    b: &Cell,
    place: &str,
    push: &mut impl FnMut(Impact, String, String, &str),
) {
    use Effect::{Allow, Deny, Limited};
    match (a.decision, b.decision) {
        (x, y) if x == y => {}
        (Allow, Deny) | (Limited, Deny) => push(
            Impact::Breaking,
            place.into(),
            format!("{} → {}", a.decision, b.decision),
            "something allowed is now denied",
        ),
        (Allow, Limited) => push(
            Impact::Breaking,
            place.into(),
            format!("allow → limited ({})", b.fields.join(", ")),
            "something fully allowed is now limited to some fields",
        ),
        (Deny, _) | (Limited, Allow) => push(
            Impact::Feature,
            place.into(),
            format!("{} → {}", a.decision, b.decision),
            "something denied is now allowed",
        ),
        _ => {}
    }
    if a.decision == Limited && b.decision == Limited {
        let removed: Vec<&str> = a
            .fields
            .iter()
            .filter(|f| !b.fields.contains(f))
            .map(|f| f.as_ref())
            .collect();
        let added: Vec<&str> = b
            .fields
            .iter()
            .filter(|f| !a.fields.contains(f))
            .map(|f| f.as_ref())
            .collect();
        if !removed.is_empty() {
            push(
                Impact::Breaking,
                place.into(),
                format!("fields removed: {}", removed.join(", ")),
                "a field that could be edited no longer can",
            );
        }
        if !added.is_empty() {
            push(
                Impact::Feature,
                place.into(),
                format!("fields added: {}", added.join(", ")),
                "more fields can be edited",
            );
        }
    }
    if a.note != b.note {
        push(
            Impact::Text,
            place.into(),
            format!("note: {}", text_change(a.note.as_ref(), b.note.as_ref())),
            "wording only",
        );
    }
    if a.remedy != b.remedy {
        push(
            Impact::Text,
            place.into(),
            "remedy changed".into(),
            "wording only",
        );
    }
}

pub(super) fn text_change(a: Option<&Text>, b: Option<&Text>) -> String {
    match (a, b) {
        (None, Some(b)) => format!("added `{b}`"),
        (Some(a), None) => format!("removed `{a}`"),
        (Some(a), Some(b)) => format!("`{a}` → `{b}`"),
        (None, None) => "unchanged".into(),
    }
}
