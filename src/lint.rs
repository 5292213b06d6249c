//! Warnings: rules that are valid but look unintended, and the acknowledgements
//! (`allow_warnings`) that silence them.

use std::collections::HashMap;

use crate::codes::Code;
use crate::compile::len_of;
use crate::diag::Finding;
use crate::rules::{Effect, Rules};
use crate::yaml::Node;

/// The id of the action that other actions presuppose.
const VIEW: &str = "view";

/// Returns the warnings that are not acknowledged, and errors for acknowledgements
/// that match no warning (stale or misspelt).
pub fn lint(root: &Node, rules: &Rules) -> (Vec<Finding>, Vec<Finding>) {
    let mut warnings = Vec::new();
    let mut unused = Vec::new();
    let view = rules.actions.iter().position(|a| a.id == VIEW);
    let nodes: HashMap<&str, &Node> = root
        .get("statuses")
        .map(Node::entries)
        .unwrap_or_default()
        .iter()
        .map(|e| (e.key.as_str(), &e.value))
        .collect();
    for status in &rules.statuses {
        let view_denied = view.is_some_and(|v| status.cells[v].decision == Effect::Deny);
        let permissions = nodes
            .get(status.id.as_str())
            .and_then(|s| s.get("permissions"));
        for (action, cell) in rules.actions.iter().zip(&status.cells) {
            if cell.allow_warnings.is_empty() && !(view_denied && cell.decision.permits()) {
                continue;
            }
            let cell_node = permissions.and_then(|p| p.entry(&action.id));
            let pos = cell_node
                .map(|e| len_of(e.key_pos, &e.key))
                .unwrap_or_default();
            let mut raised: Vec<String> = Vec::new();
            if view_denied && action.id != VIEW && cell.decision.permits() {
                raised.push(format!("{}-without-view", action.id));
            }
            for name in &raised {
                if !cell.allow_warnings.iter().any(|(w, _)| w == name) {
                    warnings.push(
                        Finding::new(
                            Code::ActionWithoutView,
                            pos,
                            format!(
                                "status `{}` allows `{}` but denies `{VIEW}` ({name})",
                                status.id, action.id
                            ),
                        )
                        .help(format!(
                            "if this is intended, acknowledge it on the cell: `allow_warnings: {{ {name}: <reason> }}`"
                        )),
                    );
                }
            }
            for (name, _) in &cell.allow_warnings {
                if raised.contains(name) {
                    continue;
                }
                let at = cell_node
                    .and_then(|e| e.value.get("allow_warnings"))
                    .and_then(|a| a.entry(name))
                    .map_or(pos, |e| len_of(e.key_pos, name));
                let help = if raised.is_empty() {
                    "this cell raises no warning; remove the acknowledgement".to_string()
                } else {
                    format!("this cell raises `{}`", raised.join("`, `"))
                };
                unused.push(
                    Finding::new(
                        Code::UnusedAllowWarning,
                        at,
                        format!(
                            "`{name}` is acknowledged on `{}` × `{}`, but that warning does not apply there",
                            status.id, action.id
                        ),
                    )
                    .help(help),
                );
            }
        }
    }
    (warnings, unused)
}
