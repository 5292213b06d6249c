//! Reading rule files written for older formats: each format change ships a step that
//! rewrites a file of format N into format N + 1, applied in order before validation.
//!
//! Format 1 is the first, so the list is empty today; the mechanism is tested with a
//! made-up step so that the first real one only has to be added to [`STEPS`].
//!
//! Depends on the node tree and the model's format range.

use crate::load::yaml::{Kind, Node};
use crate::model::rules::SUPPORTED_SCHEMA_VERSIONS;

/// A rewrite from format `from` to `from + 1`.
#[derive(Clone, Copy)]
pub struct Step {
    /// The format this step reads.
    pub from: u64,
    /// Rewrites the tree in place (including its `schema_version`).
    pub apply: fn(&mut Node),
}

/// The steps, oldest first.
pub const STEPS: &[Step] = &[];

/// Brings a file of an older format up to the newest one this build reads. Files of the
/// current format, of a format too new or without a readable version are left alone:
/// the version check and the schema report those.
pub fn upgrade(root: &mut Node) {
    upgrade_with(root, STEPS, *SUPPORTED_SCHEMA_VERSIONS.end());
}

fn version(root: &Node) -> Option<u64> {
    match root.get("schema_version")?.kind {
        Kind::Int(v) => u64::try_from(v).ok(),
        _ => None,
    }
}

fn upgrade_with(root: &mut Node, steps: &[Step], current: u64) {
    while let Some(v) = version(root).filter(|v| *v < current) {
        let Some(step) = steps.iter().find(|s| s.from == v) else {
            return;
        };
        (step.apply)(root);
        if version(root) != Some(v + 1) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::parse;

    /// A made-up format 0 that called `title` `heading`.
    fn zero_to_one(root: &mut Node) {
        if let Kind::Map(entries) = &mut root.kind {
            for e in entries.iter_mut() {
                if e.key == "heading" {
                    e.key = "title".into();
                }
                if e.key == "schema_version" {
                    e.value.kind = Kind::Int(1);
                }
            }
        }
    }

    #[test]
    fn older_files_are_rewritten_step_by_step() {
        let mut root = parse("schema_version: 0\nheading: Old\n").unwrap();
        upgrade_with(
            &mut root,
            &[Step {
                from: 0,
                apply: zero_to_one,
            }],
            1,
        );
        assert_eq!(root.get("title").and_then(Node::as_str), Some("Old"));
        assert_eq!(version(&root), Some(1));
    }

    #[test]
    fn current_and_future_files_are_left_alone() {
        for text in [
            "schema_version: 1\nheading: x\n",
            "schema_version: 9\nheading: x\n",
        ] {
            let mut root = parse(text).unwrap();
            let before = root.clone();
            upgrade_with(
                &mut root,
                &[Step {
                    from: 0,
                    apply: zero_to_one,
                }],
                1,
            );
            assert_eq!(root, before);
        }
    }

    #[test]
    fn the_shipped_format_needs_no_step() {
        assert!(
            STEPS
                .iter()
                .all(|s| s.from < *SUPPORTED_SCHEMA_VERSIONS.end())
        );
    }
}
