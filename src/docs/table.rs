//! The status table as template objects that work out each value when the template
//! asks for it.
//!
//! Copying the whole table into template values first (a map per cell, with its text,
//! footnote and explanation) cost as much as rendering it: 640,000 maps for a file of
//! 10,000 statuses × 64 actions, most of them read once. These objects hold only the
//! rules and one footnote number per cell. They answer the names the copied maps had,
//! with the same values in the same order, plus `status.explained`; a golden template
//! in the tests (`every-value.md.j2`) holds them to that.
//!
//! Depends on the model and `words`.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::words::{explain, field_list, only};
use crate::model::rules::{Cell, Effect, Rules, Text};

/// What every object of one page shares.
#[derive(Debug)]
pub(super) struct Table {
    rules: Arc<Rules>,
    /// The footnote number of each cell, row by row; 0 for a cell without one.
    footnote_of: Vec<u32>,
    /// The cell (status, action) of each footnote, in number order.
    footnoted: Vec<(u32, u32)>,
    /// Each action's id and label, made once and shared by every cell.
    action_ids: Vec<Value>,
    action_labels: Vec<Value>,
}

impl Table {
    /// Numbers the footnotes: one per cell with a note or a remedy, row by row.
    pub(super) fn new(rules: Arc<Rules>) -> Arc<Table> {
        let width = rules.actions.len();
        let mut footnote_of = Vec::with_capacity(rules.statuses.len() * width);
        let mut footnoted = Vec::new();
        for (s, status) in rules.statuses.iter().enumerate() {
            for (a, cell) in status.cells.iter().enumerate().take(width) {
                if cell.note.is_some() || !cell.remedy.is_empty() {
                    footnoted.push((index(s), index(a)));
                    footnote_of.push(index(footnoted.len()));
                } else {
                    footnote_of.push(0);
                }
            }
            // A compiled status has a cell per action; keep the row width regardless.
            footnote_of.resize((s + 1) * width, 0);
        }
        let action_ids = rules.actions.iter().map(|a| Value::from(&*a.id)).collect();
        let action_labels = rules
            .actions
            .iter()
            .map(|a| Value::from(&*a.label))
            .collect();
        Arc::new(Table {
            rules,
            footnote_of,
            footnoted,
            action_ids,
            action_labels,
        })
    }

    /// All statuses, in order.
    pub(super) fn statuses(self: &Arc<Self>) -> Value {
        Value::from_object(Statuses(self.clone()))
    }

    /// All footnotes, in number order.
    pub(super) fn footnotes(self: &Arc<Self>) -> Value {
        Value::from_object(Footnotes(self.clone()))
    }

    fn cell(&self, s: usize, a: usize) -> Option<&Cell> {
        self.rules.statuses.get(s)?.cells.get(a)
    }

    /// `Yes`, `No`, or `Only the …` for a limited cell.
    fn text(&self, cell: &Cell) -> Value {
        match cell.decision {
            Effect::Allow => Value::from("Yes"),
            Effect::Deny => Value::from("No"),
            Effect::Limited => Value::from(only(&self.rules, &cell.fields)),
        }
    }

    fn footnote(&self, s: usize, a: usize) -> Option<usize> {
        let number = *self.footnote_of.get(s * self.rules.actions.len() + a)?;
        (number > 0).then_some(number as usize)
    }
}

/// A table index as stored; the load limits keep files far below 4 billion cells.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A list of texts as a template value.
fn strings(items: &[Text]) -> Value {
    Value::from_iter(items.iter().map(|s| Value::from(s.as_ref())))
}

/// `statuses`: the rows.
#[derive(Debug)]
struct Statuses(Arc<Table>);

impl Object for Statuses {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let s = key.as_usize()?;
        (s < self.0.rules.statuses.len()).then(|| {
            Value::from_object(StatusView {
                table: self.0.clone(),
                s,
            })
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.rules.statuses.len())
    }
}

/// One row: `id`, `label`, `description`, `cells`, `explained` (the cells with a note
/// or a remedy, so a template need not visit the others) and `groups` (actions by
/// outcome).
#[derive(Debug)]
struct StatusView {
    table: Arc<Table>,
    s: usize,
}

impl StatusView {
    /// "Allowed: …", "Allowed in part: …", "Not allowed: …", leaving out empty groups.
    fn groups(&self) -> Value {
        let table = &self.table;
        let status = &table.rules.statuses[self.s];
        let groups = [
            ("Allowed", Effect::Allow),
            ("Allowed in part", Effect::Limited),
            ("Not allowed", Effect::Deny),
        ]
        .into_iter()
        .filter_map(|(heading, effect)| {
            let items: Vec<Value> = (status.cells.iter().enumerate())
                .take(table.action_labels.len())
                .filter(|(_, cell)| cell.decision == effect)
                .map(|(a, cell)| match effect {
                    Effect::Limited => Value::from(format!(
                        "{} (only the {})",
                        table.rules.actions[a].label,
                        field_list(&table.rules, &cell.fields)
                    )),
                    _ => table.action_labels[a].clone(),
                })
                .collect();
            (!items.is_empty()).then(|| {
                Value::from_object(Group {
                    heading,
                    items: Value::from(items),
                })
            })
        });
        Value::from_iter(groups)
    }
}

/// One entry of `status.groups`: a `heading` and its `items`.
#[derive(Debug)]
struct Group {
    heading: &'static str,
    items: Value,
}

impl Object for Group {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            "heading" => Some(Value::from(self.heading)),
            "items" => Some(self.items.clone()),
            _ => None,
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&["heading", "items"])
    }
}

impl Object for StatusView {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let status = &self.table.rules.statuses[self.s];
        Some(match key.as_str()? {
            "id" => Value::from(status.id.as_ref()),
            "label" => Value::from(status.label.as_ref()),
            "description" => Value::from(status.description.as_ref()),
            "cells" => Value::from_object(Cells {
                table: self.table.clone(),
                s: self.s,
                only: None,
            }),
            "explained" => {
                let width = self.table.rules.actions.len();
                // Exactly the cells whose `explanation` is not empty.
                let only = (status.cells.iter().enumerate().take(width))
                    .filter(|(_, c)| {
                        c.note.as_deref().is_some_and(|n| !n.is_empty()) || !c.remedy.is_empty()
                    })
                    .map(|(a, _)| a)
                    .collect();
                Value::from_object(Cells {
                    table: self.table.clone(),
                    s: self.s,
                    only: Some(only),
                })
            }
            "groups" => self.groups(),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&["id", "label", "description", "cells", "explained", "groups"])
    }
}

/// A row's cells: one per action, or only the actions listed in `only`.
#[derive(Debug)]
struct Cells {
    table: Arc<Table>,
    s: usize,
    only: Option<Vec<usize>>,
}

impl Cells {
    fn len(&self) -> usize {
        match &self.only {
            Some(only) => only.len(),
            None => {
                let width = self.table.rules.actions.len();
                self.table.rules.statuses[self.s].cells.len().min(width)
            }
        }
    }
}

impl Object for Cells {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let i = key.as_usize()?;
        let a = match &self.only {
            Some(only) => *only.get(i)?,
            None => (i < self.len()).then_some(i)?,
        };
        Some(Value::from_object(CellView {
            table: self.table.clone(),
            s: self.s,
            a,
        }))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.len())
    }
}

/// One cell: `action`, `action_label`, `decision`, `text`, `fields` (labels), `note`,
/// `remedy`, `explanation` (note and remedy in words, empty without them) and
/// `footnote` (its number, or none).
#[derive(Debug)]
struct CellView {
    table: Arc<Table>,
    s: usize,
    a: usize,
}

impl Object for CellView {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let table = &self.table;
        let cell = table.cell(self.s, self.a)?;
        Some(match key.as_str()? {
            "action" => table.action_ids[self.a].clone(),
            "action_label" => table.action_labels[self.a].clone(),
            "decision" => Value::from(cell.decision.as_str()),
            "text" => table.text(cell),
            "fields" => Value::from_iter(
                cell.fields
                    .iter()
                    .map(|f| Value::from(table.rules.field_label(f))),
            ),
            "note" => Value::from(cell.note.as_deref()),
            "remedy" => strings(&cell.remedy),
            "explanation" => Value::from(explain(cell.note.as_deref(), &cell.remedy)),
            "footnote" => Value::from(table.footnote(self.s, self.a)),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&[
            "action",
            "action_label",
            "decision",
            "text",
            "fields",
            "note",
            "remedy",
            "explanation",
            "footnote",
        ])
    }
}

/// `footnotes`: the cells with a note or a remedy, in number order.
#[derive(Debug)]
struct Footnotes(Arc<Table>);

impl Object for Footnotes {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let n = key.as_usize()?;
        (n < self.0.footnoted.len()).then(|| {
            Value::from_object(FootnoteView {
                table: self.0.clone(),
                n,
            })
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.footnoted.len())
    }
}

/// One footnote: `number`, `status_label`, `action_label`, `note`, `remedy` and
/// `explanation`.
#[derive(Debug)]
struct FootnoteView {
    table: Arc<Table>,
    n: usize,
}

impl Object for FootnoteView {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let table = &self.table;
        let (s, a) = table.footnoted[self.n];
        let (s, a) = (s as usize, a as usize);
        let cell = table.cell(s, a)?;
        Some(match key.as_str()? {
            "number" => Value::from(self.n + 1),
            "status_label" => Value::from(table.rules.statuses[s].label.as_ref()),
            "action_label" => table.action_labels[a].clone(),
            "note" => Value::from(cell.note.as_deref()),
            "remedy" => strings(&cell.remedy),
            "explanation" => Value::from(explain(cell.note.as_deref(), &cell.remedy)),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&[
            "number",
            "status_label",
            "action_label",
            "note",
            "remedy",
            "explanation",
        ])
    }
}
