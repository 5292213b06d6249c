//! The cells of the table: one per status × action, each a decision, optional
//! fields and a note, checked against the declared actions and fields. Depends on the
//! node tree, the diagnostics and the compiler beside it.

use std::collections::{HashMap, HashSet};

use super::{Compiler, list, owned};
use crate::load::codes::Code;
use crate::load::diag::{Finding, len_of};
use crate::load::yaml::{Entry, Kind, Node};
use crate::model::names::did_you_mean;
use crate::model::rules::{Action, Cell, Effect, Field};

/// The declared fields, with their ids in a set for constant-time checks.
pub(super) struct FieldSet<'a> {
    pub(super) list: &'a [(Field, &'a Entry)],
    pub(super) ids: HashSet<&'a str>,
}

impl Compiler {
    /// The cells of one status, in action order; `None` when any is missing or broken.
    pub(super) fn cells(
        &mut self,
        status: &Entry,
        actions: &[(Action, &Entry)],
        fields: &FieldSet<'_>,
    ) -> Option<Vec<Cell>> {
        let perms_entry = status.value.entry("permissions")?;
        let Kind::Map(given) = &perms_entry.value.kind else {
            self.broken = true;
            return None;
        };
        let mut complete = true;
        // Cells are usually written in the order the actions are declared; then every
        // key is declared and cell i belongs to action i, with no lookups at all.
        let in_order = given.len() == actions.len()
            && given.iter().zip(actions).all(|(e, (a, _))| e.key == a.id);
        for entry in given.iter().filter(|_| !in_order) {
            if !self.declared_set.contains(&entry.key) {
                complete = false;
                let declared = || self.declared_actions.iter().map(String::as_str);
                self.findings.add(|| {
                    let help = did_you_mean(&entry.key, declared()).unwrap_or_else(|| {
                        format!(
                            "declare `{}` under `actions`, or remove this cell (declared actions: {})",
                            entry.key,
                            list(declared())
                        )
                    });
                    Finding::new(
                        Code::UndeclaredAction,
                        len_of(entry.key_pos, &entry.key),
                        format!(
                            "status `{}` has a cell for `{}`, which is not a declared action",
                            status.key, entry.key
                        ),
                    )
                    .help(help)
                });
            }
        }
        let by_key: HashMap<&str, &Entry> = if in_order {
            HashMap::new()
        } else {
            given.iter().map(|e| (e.key.as_str(), e)).collect()
        };
        let mut cells = Vec::with_capacity(actions.len());
        for (i, (action, _)) in actions.iter().enumerate() {
            let found = if in_order {
                given.get(i)
            } else {
                by_key.get(action.id.as_ref()).copied()
            };
            match found {
                Some(entry) => match self.cell(&entry.value, fields) {
                    Some(cell) => cells.push(cell),
                    None => complete = false,
                },
                None => {
                    complete = false;
                    self.findings.push(
                        Finding::new(
                            Code::MissingCell,
                            len_of(perms_entry.key_pos, "permissions"),
                            format!(
                                "status `{}` has no cell for action `{}`",
                                status.key, action.id
                            ),
                        )
                        .help(format!(
                            "add `{}: allow` or `{}: deny` under `permissions`; a missing cell is never read as deny",
                            action.id, action.id
                        )),
                    );
                }
            }
        }
        complete.then_some(cells)
    }

    fn cell(&mut self, node: &Node, fields: &FieldSet<'_>) -> Option<Cell> {
        let word = match &node.kind {
            Kind::Str(s) => Some(s.as_str()),
            Kind::Map(_) => node.get("decision").and_then(Node::as_str),
            _ => None,
        };
        let decision = match word {
            Some("allow") => Effect::Allow,
            Some("deny") => Effect::Deny,
            Some("limited") if matches!(node.kind, Kind::Map(_)) => Effect::Limited,
            _ => {
                self.broken = true;
                return None;
            }
        };
        let mut cell = Cell {
            decision,
            fields: Vec::new().into(),
            note: None,
            remedy: Vec::new().into(),
            allow_warnings: Vec::new().into(),
        };
        if !matches!(node.kind, Kind::Map(_)) {
            return Some(cell);
        }
        let mut fields_given = Vec::new();
        for item in node.get("fields").map(Node::items).unwrap_or_default() {
            let Some(id) = item.as_str() else {
                self.broken = true;
                continue;
            };
            if !fields.ids.contains(id) {
                self.findings.add(|| {
                    let help = did_you_mean(id, fields.list.iter().map(|(f, _)| f.id.as_ref()))
                        .unwrap_or_else(|| {
                            format!("declare `{id}` under the top-level `fields`, with a `label`")
                        });
                    Finding::new(
                        Code::UndeclaredField,
                        len_of(item.pos, id),
                        format!("`{id}` is not a declared field"),
                    )
                    .help(help)
                });
            }
            fields_given.push(owned(id));
        }
        cell.fields = fields_given.into();
        cell.note = self.optional_text(node, "note");
        cell.remedy = node
            .get("remedy")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .filter_map(|n| n.as_str().map(owned))
            .collect::<Vec<_>>()
            .into();
        cell.allow_warnings = node
            .get("allow_warnings")
            .map(Node::entries)
            .unwrap_or_default()
            .iter()
            .filter_map(|e| Some((owned(&e.key), owned(e.value.as_str()?))))
            .collect::<Vec<_>>()
            .into();
        Some(cell)
    }
}
