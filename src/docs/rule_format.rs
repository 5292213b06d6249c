//! The rule-format reference's context, read from the schema's titles and descriptions,
//! so the schema and its manual cannot disagree.
//!
//! Depends only on the loader's schema.

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;
use serde_json::Value as Json;

use super::{Page, header};
use crate::load::schema::schema;

/// The sections of the reference, in reading order: the file, then what it contains.
/// `None` is the top level; the others are `$defs` entries.
const SECTIONS: [Option<&str>; 7] = [
    None,
    Some("action"),
    Some("field"),
    Some("status"),
    Some("cell"),
    Some("cell_detail"),
    Some("example"),
];

#[derive(Serialize)]
struct Row {
    key: String,
    title: String,
    kind: String,
    required: bool,
    allowed: String,
    description: String,
}

#[derive(Serialize)]
struct Section {
    title: String,
    anchor: String,
    description: String,
    rows: Vec<Row>,
}

fn text(v: &Json, key: &str) -> String {
    v.get(key)
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string()
}

fn anchor(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A link to the section a `$ref` points at.
fn link(reference: &str) -> String {
    let name = reference.rsplit('/').next().unwrap_or_default();
    let title = schema()
        .pointer(&format!("/$defs/{name}/title"))
        .and_then(Json::as_str)
        .unwrap_or(name);
    format!("[{title}](#{})", anchor(title))
}

/// The type of a property, in the reference's words.
fn kind(p: &Json) -> String {
    if let Some(r) = p.get("$ref").and_then(Json::as_str) {
        return link(r);
    }
    match p.get("type").and_then(Json::as_str) {
        Some("string") => "text".into(),
        Some("integer") => "whole number".into(),
        Some("number") => "number".into(),
        Some("boolean") => "`true` or `false`".into(),
        Some("array") => match p.get("items") {
            Some(items) => format!("list of {}", kind(items)),
            None => "list".into(),
        },
        Some("object") => match p.get("additionalProperties") {
            Some(values @ Json::Object(_)) => format!("mapping: key → {}", kind(values)),
            _ => "mapping".into(),
        },
        _ => "see below".into(),
    }
}

/// What values are accepted, beyond the type.
fn allowed(p: &Json) -> String {
    let mut parts = Vec::new();
    if let Some(values) = p.get("enum").and_then(Json::as_array) {
        let list: Vec<String> = values
            .iter()
            .filter_map(Json::as_str)
            .map(|v| format!("`{v}`"))
            .collect();
        parts.push(list.join(", "));
    }
    if let Some(pattern) = p.get("pattern").and_then(Json::as_str) {
        parts.push(format!("matches `{pattern}`"));
    }
    if let Some(keys) = p.pointer("/propertyNames/pattern").and_then(Json::as_str) {
        parts.push(format!("keys match `{keys}`"));
    }
    if let Some(pattern) = p.pointer("/items/pattern").and_then(Json::as_str) {
        parts.push(format!("items match `{pattern}`"));
    }
    if let Some(min) = p.get("minimum") {
        parts.push(format!("at least {min}"));
    }
    if p.get("minLength").and_then(Json::as_u64) == Some(1) {
        parts.push("not empty".into());
    }
    if p.get("minItems").and_then(Json::as_u64) == Some(1) {
        parts.push("at least one item".into());
    }
    if p.get("minProperties").and_then(Json::as_u64) == Some(1) {
        parts.push("at least one entry".into());
    }
    if p.get("uniqueItems").and_then(Json::as_bool) == Some(true) {
        parts.push("no repeats".into());
    }
    parts.join("; ")
}

fn rows(object: &Json) -> Vec<Row> {
    let required: Vec<&str> = object
        .get("required")
        .and_then(Json::as_array)
        .map(|r| r.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    let Some(props) = object.get("properties").and_then(Json::as_object) else {
        return Vec::new();
    };
    // Required keys in the schema's order of `required`, then the optional ones by name.
    let mut keys: Vec<&str> = required
        .iter()
        .copied()
        .filter(|k| props.contains_key(*k))
        .collect();
    let mut optional: Vec<&str> = props
        .keys()
        .map(String::as_str)
        .filter(|k| !required.contains(k))
        .collect();
    optional.sort_unstable();
    keys.extend(optional);
    keys.into_iter()
        .filter_map(|k| {
            let p = props.get(k)?;
            Some(Row {
                key: k.to_string(),
                title: text(p, "title"),
                kind: kind(p),
                required: required.contains(&k),
                allowed: allowed(p),
                description: text(p, "description"),
            })
        })
        .collect()
}

fn section(name: Option<&str>) -> Option<Section> {
    let object = match name {
        None => schema(),
        Some(n) => schema().pointer(&format!("/$defs/{n}"))?,
    };
    let title = match name {
        None => "The file".to_string(),
        Some(_) => text(object, "title"),
    };
    let mut description = text(object, "description");
    if name == Some("cell") {
        // The cell's two forms, spelled out from the branches of its if/then/else.
        let bare = schema().pointer("/$defs/decision_word")?;
        description = format!(
            "{description} The bare form is {} The mapping form is a {}.",
            text(bare, "description"),
            link("#/$defs/cell_detail")
        );
    }
    Some(Section {
        anchor: anchor(&title),
        title,
        description,
        rows: rows(object),
    })
}

pub(super) fn context(page: Page, target: Option<&str>) -> Value {
    let sections: Vec<Section> = SECTIONS.iter().filter_map(|s| section(*s)).collect();
    let root = schema();
    context! {
        schema => context! {
            id => text(root, "$id"),
            title => text(root, "title"),
            description => text(root, "description"),
        },
        sections => Value::from(Serde(&sections)),
        ..header(page, "schemas/rules.schema.json", None, None, target)
    }
}
