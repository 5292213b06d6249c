//! A cell in words, shared by the status page's context and its table objects: what a
//! limited cell allows, a caveat with its ways out. Depends only on the rule model.

use crate::model::rules::{Rules, Text};

/// The note, then the ways out: "… What to do instead: 1) … 2) …".
pub(super) fn explain(note: Option<&str>, remedy: &[Text]) -> String {
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

/// "Only the Firm Order Commitment (FOC) date": what a limited cell lets you change.
pub(super) fn only(rules: &Rules, fields: &[Text]) -> String {
    format!("Only the {}", field_list(rules, fields))
}

/// The labels of `fields` as a list in words: "A", "A and B", "A, B and C".
pub(super) fn field_list(rules: &Rules, fields: &[Text]) -> String {
    let labels: Vec<&str> = fields.iter().map(|f| rules.field_label(f)).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub(super) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
