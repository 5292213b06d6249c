//! Warnings: rules that are valid but look unintended, and the acknowledgements
//! (`allow_warnings`) that silence them.
//!
//! Depends on the node tree, the diagnostics, the model and terminal escaping.

use crate::load::codes::Code;
use crate::load::diag::{Finding, Findings, len_of};
use crate::model::rules::{Effect, Rules};
use std::collections::HashMap;

use crate::load::yaml::{Entry, Kind, Node};

/// The id of the action that other actions presuppose.
const VIEW: &str = "view";

/// Returns the warnings that are not acknowledged (none unless `want_warnings`), and
/// errors for acknowledgements that match no warning (stale or misspelt); at most `cap`
/// of each are worked out, the rest counted.
pub fn lint(root: &Node, rules: &Rules, cap: usize, want_warnings: bool) -> (Findings, Findings) {
    let mut warnings = Findings::with_cap(if want_warnings { cap } else { 0 });
    let mut unused = Findings::with_cap(cap);
    if want_warnings {
        hidden_characters(root, &mut warnings);
    }
    let view = rules.actions.iter().position(|a| a.id == VIEW);
    let nodes = root
        .get("statuses")
        .map(Node::values_by_key)
        .unwrap_or_default();
    for (index, status) in rules.statuses.iter().enumerate() {
        let view_denied = view.is_some_and(|v| status.cells[v].decision == Effect::Deny);
        let is_final = rules.is_final(crate::model::rules::StatusId(index));
        let permissions = nodes
            .get(status.id.as_ref())
            .and_then(|s| s.get("permissions"));
        // Built for the first cell that needs its node: one pass over the status's
        // cells, not one per warning.
        let mut by_action: Option<HashMap<&str, &Entry>> = None;
        for (action, cell) in rules.actions.iter().zip(status.cells.iter()) {
            let changes_final = is_final && !action.read_only && cell.decision.permits();
            if cell.allow_warnings.is_empty()
                && !(view_denied && cell.decision.permits())
                && !changes_final
            {
                continue;
            }
            let cell_node = permissions.and_then(|p| {
                let index = by_action.get_or_insert_with(|| {
                    p.entries().iter().map(|e| (e.key.as_str(), e)).collect()
                });
                index.get(action.id.as_ref()).copied()
            });
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
                if want_warnings && !cell.allow_warnings.iter().any(|(w, _)| w == name) {
                    warnings.add(|| Finding::new(*code, pos, message.clone()).help(format!(
                        "if this is intended, acknowledge it on the cell: `allow_warnings: {{ {name}: <reason> }}`"
                    )));
                }
            }
            let raised: Vec<String> = raised.into_iter().map(|(name, _, _)| name).collect();
            for (name, _) in cell.allow_warnings.iter() {
                if raised.iter().any(|r| r == name) {
                    continue;
                }
                unused.add(|| {
                let at = cell_node
                    .and_then(|e| e.value.get("allow_warnings"))
                    .and_then(|a| a.entry(name))
                    .map_or(pos, |e| len_of(e.key_pos, name));
                let help = if raised.is_empty() {
                    "this cell raises no warning; remove the acknowledgement".to_string()
                } else {
                    format!("this cell raises `{}`", raised.join("`, `"))
                };
                    Finding::new(
                        Code::UnusedAllowWarning,
                        at,
                        format!(
                            "`{name}` is acknowledged on `{}` × `{}`, but that warning does not apply there",
                            status.id, action.id
                        ),
                    )
                    .help(help)
                });
            }
        }
    }
    (warnings, unused)
}

/// Keys whose text is shown to people: labels, descriptions, questions, notes, remedies.
const SHOWN: &[&str] = &[
    "label",
    "description",
    "question",
    "note",
    "remedy",
    "title",
    "because",
    "why",
];

/// Warns about text that holds control or direction-changing characters (PW003).
fn hidden_characters(node: &Node, warnings: &mut Findings) {
    fn walk(node: &Node, shown: bool, warnings: &mut Findings) {
        match &node.kind {
            Kind::Str(text) if shown => {
                let multi_line_ok = |c: char| c == '\n' || c == '\t';
                if let Some(c) = text
                    .chars()
                    .find(|&c| crate::host::terminal::needs_escape(c) && !multi_line_ok(c))
                {
                    warnings.add(|| {
                        let mut pos = node.pos;
                        pos.len = pos.len.max(1);
                        Finding::new(
                            Code::HiddenCharacters,
                            pos,
                            format!(
                                "this text holds the invisible character {}, which can change what a terminal or a reader shows",
                                c.escape_unicode()
                            ),
                        )
                        .help("retype the text without it; portrules shows such characters escaped")
                    });
                }
            }
            Kind::Seq(items) => items.iter().for_each(|i| walk(i, shown, warnings)),
            Kind::Map(entries) => {
                for e in entries {
                    walk(&e.value, SHOWN.contains(&e.key.as_str()), warnings);
                }
            }
            _ => {}
        }
    }
    walk(node, false, warnings);
}
