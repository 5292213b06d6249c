//! Differences between two versions of the rules, each classified by what it means for
//! the services that depend on them, and the version bump those changes require.

use std::fmt;

use serde::Serialize;

use crate::rules::{Cell, Effect, Rules};

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

/// Every difference from `old` to `new`, in table order.
pub fn diff(old: &Rules, new: &Rules) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |impact, place: String, what: String, why: &str| {
        changes.push(Change {
            impact,
            place,
            what,
            why: why.to_string(),
        });
    };
    for (key, a, b) in [
        ("title", Some(&old.title), Some(&new.title)),
        (
            "description",
            old.description.as_ref(),
            new.description.as_ref(),
        ),
    ] {
        if a != b {
            push(Impact::Text, key.into(), text_change(a, b), "wording only");
        }
    }
    for a in &old.actions {
        match new.actions.iter().find(|n| n.id == a.id) {
            None => push(
                Impact::Breaking,
                format!("action {}", a.label),
                format!("removed (`{}`)", a.id),
                "services asking about it get no answer",
            ),
            Some(n) => {
                if a.label != n.label {
                    push(
                        Impact::Text,
                        format!("action {}", a.label),
                        text_change(Some(&a.label), Some(&n.label)),
                        "label only; queries by id are unaffected",
                    );
                }
                if a.question != n.question {
                    push(
                        Impact::Text,
                        format!("action {}", a.label),
                        format!(
                            "question: {}",
                            text_change(Some(&a.question), Some(&n.question))
                        ),
                        "wording only",
                    );
                }
            }
        }
    }
    for n in &new.actions {
        if !old.actions.iter().any(|a| a.id == n.id) {
            push(
                Impact::Feature,
                format!("action {}", n.label),
                format!("added (`{}`)", n.id),
                "a new question services can ask",
            );
        }
    }
    for f in &old.fields {
        match new.fields.iter().find(|n| n.id == f.id) {
            None => push(
                Impact::Breaking,
                format!("field {}", f.label),
                format!("removed (`{}`)", f.id),
                "queries naming it now fail",
            ),
            Some(n) if n.label != f.label => push(
                Impact::Text,
                format!("field {}", f.label),
                text_change(Some(&f.label), Some(&n.label)),
                "label only",
            ),
            Some(_) => {}
        }
    }
    for n in &new.fields {
        if !old.fields.iter().any(|f| f.id == n.id) {
            push(
                Impact::Feature,
                format!("field {}", n.label),
                format!("added (`{}`)", n.id),
                "a new field can be named",
            );
        }
    }
    for s in &old.statuses {
        let Some(ns) = new.statuses.iter().find(|n| n.id == s.id) else {
            push(
                Impact::Breaking,
                format!("status {}", s.label),
                format!("removed (`{}`)", s.id),
                "services asking about it get no answer",
            );
            continue;
        };
        if s.label != ns.label {
            push(
                Impact::Text,
                format!("status {}", s.label),
                text_change(Some(&s.label), Some(&ns.label)),
                "label only; queries by id are unaffected",
            );
        }
        if s.description != ns.description {
            push(
                Impact::Text,
                format!("status {}", s.label),
                "description reworded".into(),
                "wording only",
            );
        }
        for (i, action) in old.actions.iter().enumerate() {
            let Some(j) = new.actions.iter().position(|a| a.id == action.id) else {
                continue;
            };
            let place = format!("{} × {}", s.label, action.label);
            cell_changes(&s.cells[i], &ns.cells[j], &place, &mut push);
        }
    }
    for n in &new.statuses {
        if !old.statuses.iter().any(|s| s.id == n.id) {
            push(
                Impact::Feature,
                format!("status {}", n.label),
                format!("added (`{}`)", n.id),
                "a new status services can ask about",
            );
        }
    }
    changes
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
            .map(String::as_str)
            .collect();
        let added: Vec<&str> = b
            .fields
            .iter()
            .filter(|f| !a.fields.contains(f))
            .map(String::as_str)
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

fn text_change(a: Option<&String>, b: Option<&String>) -> String {
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
        old: old.version.clone(),
        new: new.version.clone(),
        minimum: minimum.map(|m| m.to_string()),
        ok,
    }
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
