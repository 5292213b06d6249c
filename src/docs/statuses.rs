//! The status page's context: the table as the source shows it (Yes / No / what a
//! limited cell allows), footnotes for caveats, and a section per status.

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use super::{Page, Source, header};
use crate::rules::{Effect, Rules};

#[derive(Serialize)]
struct CellView<'r> {
    action: &'r str,
    action_label: &'r str,
    decision: Effect,
    /// The cell as a reader sees it: `Yes`, `No`, or `Only the …`.
    text: String,
    fields: Vec<&'r str>,
    note: Option<&'r str>,
    remedy: &'r [String],
    /// Note and remedy in one sentence or two, empty when the cell has neither.
    explanation: String,
    /// Footnote number, when the cell has a note or a remedy.
    footnote: Option<usize>,
}

#[derive(Serialize)]
struct Group {
    heading: &'static str,
    items: Vec<String>,
}

#[derive(Serialize)]
struct StatusView<'r> {
    id: &'r str,
    label: &'r str,
    description: &'r str,
    cells: Vec<CellView<'r>>,
    /// Actions grouped by outcome, for the per-status section.
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct Footnote<'r> {
    number: usize,
    status_label: &'r str,
    action_label: &'r str,
    note: Option<&'r str>,
    remedy: &'r [String],
    explanation: String,
}

/// The note, then the ways out: "… What to do instead: 1) … 2) …".
fn explain(note: Option<&str>, remedy: &[String]) -> String {
    let mut text = note.unwrap_or_default().to_string();
    if !remedy.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str("What to do instead:");
        for (i, step) in remedy.iter().enumerate() {
            text.push_str(&format!(" {}) {step}", i + 1));
        }
    }
    text
}

/// "Only the Firm Order Commitment (FOC) date" — what a limited cell lets you change.
fn only(rules: &Rules, fields: &[String]) -> String {
    let labels: Vec<&str> = fields.iter().map(|f| rules.field_label(f)).collect();
    let list = match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!("Only the {list}")
}

pub(super) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

pub(super) fn context(source: &Source<'_>, page: Page) -> Value {
    let rules = source.rules;
    let mut footnotes = Vec::new();
    let statuses: Vec<StatusView<'_>> = rules
        .statuses
        .iter()
        .map(|status| {
            let cells: Vec<CellView<'_>> = rules
                .actions
                .iter()
                .zip(&status.cells)
                .map(|(action, cell)| {
                    let footnote = (cell.note.is_some() || !cell.remedy.is_empty()).then(|| {
                        footnotes.push(Footnote {
                            number: footnotes.len() + 1,
                            status_label: &status.label,
                            action_label: &action.label,
                            note: cell.note.as_deref(),
                            remedy: &cell.remedy,
                            explanation: explain(cell.note.as_deref(), &cell.remedy),
                        });
                        footnotes.len()
                    });
                    CellView {
                        action: &action.id,
                        action_label: &action.label,
                        decision: cell.decision,
                        text: match cell.decision {
                            Effect::Allow => "Yes".into(),
                            Effect::Deny => "No".into(),
                            Effect::Limited => only(rules, &cell.fields),
                        },
                        fields: cell.fields.iter().map(|f| rules.field_label(f)).collect(),
                        note: cell.note.as_deref(),
                        remedy: &cell.remedy,
                        explanation: explain(cell.note.as_deref(), &cell.remedy),
                        footnote,
                    }
                })
                .collect();
            let pick = |effect: Effect| -> Vec<String> {
                cells
                    .iter()
                    .filter(|c| c.decision == effect)
                    .map(|c| match effect {
                        Effect::Limited => {
                            format!("{} ({})", c.action_label, lowercase_first(&c.text))
                        }
                        _ => c.action_label.to_string(),
                    })
                    .collect()
            };
            let mut groups = Vec::new();
            for (heading, effect) in [
                ("Allowed", Effect::Allow),
                ("Allowed in part", Effect::Limited),
                ("Not allowed", Effect::Deny),
            ] {
                let items = pick(effect);
                if !items.is_empty() {
                    groups.push(Group { heading, items });
                }
            }
            StatusView {
                id: &status.id,
                label: &status.label,
                description: &status.description,
                cells,
                groups,
            }
        })
        .collect();
    let examples: Vec<Value> = rules
        .examples
        .iter()
        .map(|ex| {
            let status = rules
                .status(&ex.status)
                .ok()
                .map(|s| rules.statuses[s.0].label.as_str());
            let action = rules
                .action(&ex.action)
                .ok()
                .map(|a| rules.actions[a.0].label.as_str());
            let field = ex.field.as_deref().map(|f| {
                rules
                    .field(f)
                    .map_or(f, |id| rules.fields[id.0].label.as_str())
            });
            let answer = match ex.expect {
                Effect::Allow => "allowed",
                Effect::Deny => "not allowed",
                Effect::Limited => "allowed for some fields only",
            };
            let action_label = action.unwrap_or(&ex.action);
            let asked = match field {
                Some(f) => format!("{action_label} of the {f}"),
                None => action_label.to_string(),
            };
            let sentence = format!("{}: {asked} is {answer}.", status.unwrap_or(&ex.status));
            context! {
                status => status.unwrap_or(&ex.status),
                action => action_label,
                field => field,
                expect => ex.expect.as_str(),
                why => &ex.why,
                sentence => sentence,
            }
        })
        .collect();
    context! {
        diagram => super::diagram::mermaid(rules),
        time_rules => super::diagram::time_rules(rules),
        examples => examples,
        rules => context! {
            name => &rules.name,
            version => &rules.version,
            title => &rules.title,
            description => &rules.description,
        },
        actions => Value::from(Serde(&rules.actions)),
        fields => Value::from(Serde(&rules.fields)),
        statuses => Value::from(Serde(&statuses)),
        footnotes => Value::from(Serde(&footnotes)),
        ..header(
            page,
            source.path,
            Some(&rules.version),
            source.rules_arg,
            source.target
        )
    }
}
