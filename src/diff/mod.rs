//! Differences between two versions of the rules, each classified by what it means for
//! the services that depend on them, and the version bump those changes require.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::model::lifecycle::{Transition, Trigger};
use crate::model::rules::{Cell, Effect, Rules, Status, Text};

/// How a change affects the services that rely on the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Wording only: labels, descriptions, notes, remedies.
    Text,
    /// Something new is possible: an answer widened, a status or action added.
    Feature,
    /// Something relied on is gone: an answer narrowed, a status or action removed.
    Breaking,
}

impl Impact {
    /// `text`, `feature` or `breaking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Text => "text",
            Impact::Feature => "feature",
            Impact::Breaking => "breaking",
        }
    }

    /// The semver part this impact needs bumped.
    pub fn bump(self) -> &'static str {
        match self {
            Impact::Text => "patch",
            Impact::Feature => "minor",
            Impact::Breaking => "major",
        }
    }
}

/// One difference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What it means for services.
    pub impact: Impact,
    /// Where: `Transfer approved × Cancel`, `status Error`, `title`.
    pub place: String,
    /// What changed, e.g. `allow → deny`.
    pub what: String,
    /// Why it has this impact.
    pub why: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} ({})",
            self.impact.as_str(),
            self.place,
            self.what,
            self.why
        )
    }
}

/// A parsed `MAJOR.MINOR.PATCH`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u64, pub u64, pub u64);

impl Version {
    /// Parses `MAJOR.MINOR.PATCH` (the schema guarantees this form for loaded rules).
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = text.split('.').map(|p| p.parse::<u64>().ok());
        let v = Version(parts.next()??, parts.next()??, parts.next()??);
        parts.next().is_none().then_some(v)
    }

    /// The smallest version after `self` that an `impact` change allows.
    pub fn bumped(self, impact: Impact) -> Version {
        match impact {
            Impact::Breaking => Version(self.0 + 1, 0, 0),
            Impact::Feature => Version(self.0, self.1 + 1, 0),
            Impact::Text => Version(self.0, self.1, self.2 + 1),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// How one kind of member (action, field, status) is named and why its changes matter.
struct Kind {
    name: &'static str,
    removed: &'static str,
    added: &'static str,
}

/// Pairs up members by id: reports the removed, added and relabelled ones, and returns
/// the pairs present on both sides, in OLD's order.
fn members<'a, T>(
    kind: &Kind,
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> (&str, &str),
    changes: &mut Vec<Change>,
) -> Vec<(&'a T, &'a T)> {
    let mut change = |impact, place: String, what: String, why: &str| {
        changes.push(Change {
            impact,
            place,
            what,
            why: why.to_string(),
        });
    };
    let by_id: HashMap<&str, &T> = new.iter().map(|n| (key(n).0, n)).collect();
    let mut pairs = Vec::new();
    for o in old {
        let (id, label) = key(o);
        let place = format!("{} {label}", kind.name);
        match by_id.get(id) {
            None => change(
                Impact::Breaking,
                place,
                format!("removed (`{id}`)"),
                kind.removed,
            ),
            Some(n) => {
                let new_label = key(n).1;
                if label != new_label {
                    change(
                        Impact::Text,
                        place,
                        format!("label `{label}` → `{new_label}`"),
                        "label only; queries by id are unaffected",
                    );
                }
                pairs.push((o, *n));
            }
        }
    }
    let old_ids: HashSet<&str> = old.iter().map(|o| key(o).0).collect();
    for n in new {
        let (id, label) = key(n);
        if !old_ids.contains(id) {
            change(
                Impact::Feature,
                format!("{} {label}", kind.name),
                format!("added (`{id}`)"),
                kind.added,
            );
        }
    }
    pairs
}

/// Every difference from `old` to `new`, in table order.
pub fn diff(old: &Rules, new: &Rules) -> Vec<Change> {
    let mut changes = Vec::new();
    let text = |place: &str, what: String| Change {
        impact: Impact::Text,
        place: place.to_string(),
        what,
        why: "wording only".to_string(),
    };
    if old.title != new.title {
        changes.push(text(
            "title",
            text_change(Some(&old.title), Some(&new.title)),
        ));
    }
    if old.description != new.description {
        changes.push(text(
            "description",
            text_change(old.description.as_ref(), new.description.as_ref()),
        ));
    }
    changes.extend(missing_fact_changes(old, new));
    let actions = Kind {
        name: "action",
        removed: "services asking about it get no answer",
        added: "a new question services can ask",
    };
    for (a, n) in members(
        &actions,
        &old.actions,
        &new.actions,
        |a| (&a.id, &a.label),
        &mut changes,
    ) {
        if a.question != n.question {
            let what = format!(
                "question: {}",
                text_change(Some(&a.question), Some(&n.question))
            );
            changes.push(text(&format!("action {}", a.label), what));
        }
    }
    let fields = Kind {
        name: "field",
        removed: "queries naming it now fail",
        added: "a new field can be named",
    };
    members(
        &fields,
        &old.fields,
        &new.fields,
        |f| (&f.id, &f.label),
        &mut changes,
    );
    let statuses = Kind {
        name: "status",
        removed: "services asking about it get no answer",
        added: "a new status services can ask about",
    };
    let new_action: HashMap<&str, usize> = new
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_ref(), i))
        .collect();
    for (s, ns) in members(
        &statuses,
        &old.statuses,
        &new.statuses,
        |s| (&s.id, &s.label),
        &mut changes,
    ) {
        if s.description != ns.description {
            changes.push(text(
                &format!("status {}", s.label),
                "description reworded".into(),
            ));
        }
        transition_changes(s, ns, &mut changes);
        for (i, action) in old.actions.iter().enumerate() {
            if let Some(&j) = new_action.get(action.id.as_ref()) {
                let place = format!("{} × {}", s.label, action.label);
                let mut push = |impact, place: String, what: String, why: &str| {
                    changes.push(Change {
                        impact,
                        place,
                        what,
                        why: why.to_string(),
                    });
                };
                cell_changes(&s.cells[i], &ns.cells[j], &place, &mut push);
            }
        }
    }
    changes
}

/// Transitions compared by target and trigger: a way out removed is breaking, one added
/// is a feature, a changed source or reason is text.
fn transition_changes(old: &Status, new: &Status, changes: &mut Vec<Change>) {
    let key = |t: &Transition| (t.to.clone(), trigger_text(&t.trigger));
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

fn trigger_text(trigger: &Trigger) -> String {
    match trigger {
        Trigger::Action(a) => format!("on action `{a}`"),
        Trigger::Event(e) => format!("on event `{e}`"),
        Trigger::When(c) => format!("when `{} {} {}`", c.fact, c.op.symbol(), c.operand_text()),
    }
}

fn cell_changes(
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

fn text_change(a: Option<&Text>, b: Option<&Text>) -> String {
    match (a, b) {
        (None, Some(b)) => format!("added `{b}`"),
        (Some(a), None) => format!("removed `{a}`"),
        (Some(a), Some(b)) => format!("`{a}` → `{b}`"),
        (None, None) => "unchanged".into(),
    }
}

/// What the version bump must be, and whether NEW's version provides it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BumpCheck {
    /// The strongest impact among the changes, if any.
    pub needed: Option<Impact>,
    /// OLD's version.
    pub old: String,
    /// NEW's version.
    pub new: String,
    /// The smallest version NEW may have.
    pub minimum: Option<String>,
    /// Whether NEW's version is enough.
    pub ok: bool,
}

/// Checks NEW's version against what `changes` require.
pub fn check_bump(old: &Rules, new: &Rules, changes: &[Change]) -> BumpCheck {
    let needed = changes.iter().map(|c| c.impact).max();
    let (ov, nv) = (Version::parse(&old.version), Version::parse(&new.version));
    let minimum = needed.zip(ov).map(|(impact, ov)| ov.bumped(impact));
    let ok = match (minimum, nv) {
        (None, _) => true,
        (Some(min), Some(nv)) => nv >= min,
        (Some(_), None) => false,
    };
    BumpCheck {
        needed,
        old: old.version.to_string(),
        new: new.version.to_string(),
        minimum: minimum.map(|m| m.to_string()),
        ok,
    }
}

/// What a missing fact means, fact by fact (facts present in both versions): answering
/// anyway is the widest, denying narrower, refusing narrowest for a caller.
fn missing_fact_changes(old: &Rules, new: &Rules) -> Vec<Change> {
    use crate::model::lifecycle::IfMissing;
    let rank = |m: IfMissing| match m {
        IfMissing::Warn => 0,
        IfMissing::Deny => 1,
        IfMissing::Error => 2,
    };
    let mut changes = Vec::new();
    for was in old.facts.iter() {
        let Some(now) = new.facts.iter().find(|f| f.id == was.id) else {
            continue;
        };
        if was.if_missing == now.if_missing {
            continue;
        }
        let (impact, why) = if rank(now.if_missing) > rank(was.if_missing) {
            (
                Impact::Breaking,
                "questions without this fact that were answered are now denied or refused",
            )
        } else {
            (
                Impact::Feature,
                "questions without this fact that were denied or refused now get an answer",
            )
        };
        changes.push(Change {
            impact,
            place: format!("fact {}", was.label),
            what: format!(
                "if missing: {} → {}",
                was.if_missing.as_str(),
                now.if_missing.as_str()
            ),
            why: why.to_string(),
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_compare_and_bump() {
        let v = Version::parse("1.2.3").unwrap();
        assert_eq!(v.bumped(Impact::Breaking), Version(2, 0, 0));
        assert_eq!(v.bumped(Impact::Feature), Version(1, 3, 0));
        assert_eq!(v.bumped(Impact::Text), Version(1, 2, 4));
        assert!(Version(1, 10, 0) > Version(1, 9, 9));
        assert_eq!(Version::parse("1.2"), None);
        assert_eq!(Version::parse("1.2.3.4"), None);
        assert_eq!(Version::parse("a.b.c"), None);
    }
}
