//! Differences between two versions of the rules, each classified by what it means for
//! the services that depend on them, and the version bump those changes require.

mod bump;
mod cells;

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::model::rules::Rules;
use bump::missing_fact_changes;
pub use bump::{BumpCheck, check_bump};
use cells::{cell_changes, text_change, transition_changes};

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
    ///
    /// ```
    /// use portrules::diff::{Impact, Version};
    /// let v = Version::parse("1.4.2").unwrap();
    /// assert_eq!(v.bumped(Impact::Feature).to_string(), "1.5.0");
    /// assert_eq!(Version::parse("1.4"), None);
    /// ```
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
///
/// ```
/// use portrules::Rules;
/// use portrules::diff::{Impact, check_bump, diff};
/// let yaml = include_str!("../../examples/due-date.yaml");
/// let old = Rules::from_yaml_str(yaml)?;
/// let new = Rules::from_yaml_str(&yaml.replace("Withdrawn.", "Withdrawn by the customer."))?;
/// let changes = diff(&old, &new);
/// assert_eq!(changes.len(), 1);
/// assert_eq!(changes[0].impact, Impact::Text);
/// assert!(!check_bump(&old, &new, &changes).ok, "a changed text needs at least 1.0.1");
/// # Ok::<(), portrules::LoadError>(())
/// ```
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
    initial_changes(old, new, &mut changes);
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
/// The statuses orders start in: one dropped is a way in that services may rely on,
/// one added is a new way in.
fn initial_changes(old: &Rules, new: &Rules, changes: &mut Vec<Change>) {
    for id in old.initial.iter().filter(|i| !new.initial.contains(i)) {
        changes.push(Change {
            impact: Impact::Breaking,
            place: "lifecycle".into(),
            what: format!("initial status `{id}` removed"),
            why: "new orders no longer start there".into(),
        });
    }
    for id in new.initial.iter().filter(|i| !old.initial.contains(i)) {
        changes.push(Change {
            impact: Impact::Feature,
            place: "lifecycle".into(),
            what: format!("initial status `{id}` added"),
            why: "new orders can start there".into(),
        });
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
