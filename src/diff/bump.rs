//! The version bump that a set of changes requires, and what a changed missing-fact
//! policy means for callers. Depends on the model and the change types of `diff`.

use serde::Serialize;

use super::{Change, Impact, Version};
use crate::model::rules::Rules;

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
pub(super) fn missing_fact_changes(old: &Rules, new: &Rules) -> Vec<Change> {
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
