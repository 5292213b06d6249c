//! Warnings: rules that are valid but look unintended, and the acknowledgements
//! (`allow_warnings`) that silence them.

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
    let nodes = root
        .get("statuses")
        .map(Node::values_by_key)
        .unwrap_or_default();
    for (index, status) in rules.statuses.iter().enumerate() {
        let view_denied = view.is_some_and(|v| status.cells[v].decision == Effect::Deny);
        let is_final = rules.is_final(crate::rules::StatusId(index));
        let permissions = nodes
            .get(status.id.as_ref())
            .and_then(|s| s.get("permissions"));
        for (action, cell) in rules.actions.iter().zip(status.cells.iter()) {
            let changes_final = is_final && !action.read_only && cell.decision.permits();
            if cell.allow_warnings.is_empty()
                && !(view_denied && cell.decision.permits())
                && !changes_final
            {
                continue;
            }
            let cell_node = permissions.and_then(|p| p.entry(&action.id));
            let pos = cell_node
                .map(|e| len_of(e.key_pos, &e.key))
                .unwrap_or_default();
            let mut raised: Vec<(String, Code, String)> = Vec::new();
            if view_denied && action.id != VIEW && cell.decision.permits() {
                let name = format!("{}-without-view", action.id);
                let message = format!(
                    "status `{}` allows `{}` but denies `{VIEW}` ({name})",
                    status.id, action.id
                );
                raised.push((name, Code::ActionWithoutView, message));
            }
            if changes_final {
                let name = format!("{}-in-final-status", action.id);
                let message = format!(
                    "status `{}` has no way out, yet allows `{}`, which changes the order ({name})",
                    status.id, action.id
                );
                raised.push((name, Code::ActionInFinalStatus, message));
            }
            for (name, code, message) in &raised {
                if !cell.allow_warnings.iter().any(|(w, _)| w == name) {
                    warnings.push(Finding::new(*code, pos, message.clone()).help(format!(
                        "if this is intended, acknowledge it on the cell: `allow_warnings: {{ {name}: <reason> }}`"
                    )));
                }
            }
            let raised: Vec<String> = raised.into_iter().map(|(name, _, _)| name).collect();
            for (name, _) in cell.allow_warnings.iter() {
                if raised.iter().any(|r| r == name) {
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
