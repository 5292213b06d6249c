//! The rule-format reference's context, read from the schema's titles, descriptions and
//! examples, so the schema and its manual cannot disagree.
//!
//! The whole schema is walked from the top: every `$defs` entry and every inline
//! mapping with keys of its own (such as `lifecycle`) gets a section, in the order a
//! reader meets them, with its keys, what they accept in a policy owner's words, and
//! the schema's first example written out as YAML where it stands in a file.
//!
//! Depends only on the loader's schema.

use std::fmt::Write as _;

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;
use serde_json::Value as Json;

use super::{Page, header};
use crate::load::schema::schema;

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
    /// For a section without keys of its own: what it is and accepts.
    accepts: String,
    rows: Vec<Row>,
    /// The first of the schema's examples, as YAML where it stands.
    example: String,
}

fn text(v: &Json, key: &str) -> String {
    v.get(key)
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The id GitHub gives a heading: lowercase, punctuation other than `-` and `_` dropped,
/// spaces made dashes.
pub(crate) fn anchor(title: &str) -> String {
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

/// How the walk reached a section from the section it belongs to, for placing its
/// example in a file.
#[derive(Clone)]
enum Step {
    /// The value of a key: `lifecycle:`.
    Key(String),
    /// One value of a mapping under a key: `actions:` then `cancel:`.
    Entry(String, String),
    /// One item of a list under a key: `transitions:` then `- `.
    Item(String),
}

/// Where a section's schema lives, and how it was first reached.
struct Found<'a> {
    title: String,
    object: &'a Json,
    top: bool,
    step: Option<Step>,
}

/// The schema a `$ref` points at, in this schema.
fn resolve(reference: &str) -> Option<&'static Json> {
    schema().pointer(reference.strip_prefix('#')?)
}

/// Whether a schema is a section of its own: a definition, or a mapping with keys.
fn is_section(p: &Json) -> bool {
    p.get("$ref").is_some() || p.get("properties").is_some_and(Json::is_object)
}

/// The section's schema, following a `$ref`.
fn target(p: &'static Json) -> &'static Json {
    p.get("$ref")
        .and_then(Json::as_str)
        .and_then(resolve)
        .unwrap_or(p)
}

/// The title a property's section is headed with.
fn section_title(p: &Json) -> String {
    match p.get("$ref").and_then(Json::as_str).and_then(resolve) {
        Some(def) => text(def, "title"),
        None => text(p, "title"),
    }
}

fn link_to(p: &Json) -> String {
    let title = section_title(p);
    format!("[{title}](#{})", anchor(&title))
}

/// The keys of a mapping in reading order: the required ones as `required` lists them,
/// then the optional ones by name.
fn ordered_keys(object: &Json) -> Vec<(&str, &Json, bool)> {
    let required: Vec<&str> = object
        .get("required")
        .and_then(Json::as_array)
        .map(|r| r.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    let Some(props) = object.get("properties").and_then(Json::as_object) else {
        return Vec::new();
    };
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
        .filter_map(|k| Some((k, props.get(k)?, required.contains(&k))))
        .collect()
}

/// The sub-schemas of a property that are sections, with how they are reached.
fn children(key: &str, p: &'static Json) -> Vec<(&'static Json, Step)> {
    let mut out = Vec::new();
    if is_section(p) {
        out.push((p, Step::Key(key.to_string())));
    }
    if let Some(values) = p.get("additionalProperties").filter(|v| is_section(v)) {
        let entry = p
            .pointer("/propertyNames/examples/0")
            .and_then(Json::as_str)
            .unwrap_or("id");
        out.push((values, Step::Entry(key.to_string(), entry.to_string())));
    }
    if let Some(items) = p.get("items").filter(|v| is_section(v)) {
        out.push((items, Step::Item(key.to_string())));
    }
    out
}

/// Every section, depth first from the top, each once.
fn walk() -> Vec<Found<'static>> {
    let mut found = vec![Found {
        title: "The file".into(),
        object: schema(),
        top: true,
        step: None,
    }];
    let mut seen: Vec<*const Json> = vec![schema()];
    // Depth first: a section's own sections follow it before the next sibling's.
    fn visit(
        object: &'static Json,
        seen: &mut Vec<*const Json>,
        out: &mut Vec<Found<'static>>,
        inherited: Option<Step>,
    ) {
        let mut next: Vec<(&'static Json, Option<Step>)> = Vec::new();
        for (key, p, _) in ordered_keys(object) {
            for (child, step) in children(key, p) {
                next.push((child, Some(step)));
            }
        }
        // A definition made of branches (`if`/`then`/`else`): each branch is a section,
        // placed where the definition is.
        for branch in ["then", "else"] {
            if let Some(b) = object.get(branch).filter(|b| is_section(b)) {
                next.push((b, inherited.clone()));
            }
        }
        for (child, step) in next {
            let def = target(child);
            if seen.contains(&std::ptr::from_ref(def)) {
                continue;
            }
            seen.push(def);
            out.push(Found {
                title: section_title(child),
                object: def,
                top: false,
                step: step.clone(),
            });
            visit(def, seen, out, step);
        }
    }
    visit(schema(), &mut seen, &mut found, None);
    // Definitions nothing refers to still get a section, at the end.
    if let Some(defs) = schema().get("$defs").and_then(Json::as_object) {
        for def in defs.values() {
            if !seen.contains(&std::ptr::from_ref(def)) {
                seen.push(def);
                found.push(Found {
                    title: text(def, "title"),
                    object: def,
                    top: false,
                    step: None,
                });
            }
        }
    }
    found
}

/// A name for the kind of value a schema accepts, in the reference's words.
fn kind(p: &Json) -> String {
    if is_section(p) {
        return link_to(p);
    }
    let one = |t: &str| -> String {
        match t {
            "string" => "text".into(),
            "integer" => "whole number".into(),
            "number" => "number".into(),
            "boolean" => "`true` or `false`".into(),
            "array" => match p.get("items") {
                Some(items) => format!("list of {}", kind(items)),
                None => "list".into(),
            },
            "object" => match p.get("additionalProperties") {
                Some(values @ Json::Object(_)) => format!("mapping of key → {}", kind(values)),
                _ => "mapping".into(),
            },
            other => other.into(),
        }
    };
    match p.get("type") {
        Some(Json::String(t)) => one(t),
        Some(Json::Array(types)) => {
            let names: Vec<String> = types.iter().filter_map(Json::as_str).map(one).collect();
            match names.as_slice() {
                [a, b] if b.starts_with("list of ") => format!("{a}, or a {b}"),
                _ => names.join(" or "),
            }
        }
        _ => match p.get("enum") {
            Some(_) => "text".into(),
            None => "any value".into(),
        },
    }
}

/// A pattern in a policy owner's words. Every pattern the schema uses has words here; a
/// unit test fails on one that has not.
fn pattern_words(pattern: &str) -> Option<&'static str> {
    match pattern {
        "^[a-z][a-z0-9_]*$" => {
            Some("an id: lowercase letters, digits and `_`, starting with a letter")
        }
        "^[a-z][a-z0-9-]*$" => Some("lowercase letters, digits and `-`, starting with a letter"),
        r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$" => {
            Some("a version like `1.1.0` (three whole numbers, no leading zeros)")
        }
        _ => None,
    }
}

fn words(pattern: &str) -> String {
    pattern_words(pattern).map_or_else(|| format!("matches `{pattern}`"), str::to_string)
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
        parts.push(words(pattern));
    }
    if let Some(keys) = p.pointer("/propertyNames/pattern").and_then(Json::as_str) {
        let w = words(keys);
        let w = w
            .strip_prefix("an id: ")
            .map_or(w.clone(), |rest| format!("ids ({rest})"));
        parts.push(format!("keys are {w}"));
    }
    if let Some(pattern) = p.pointer("/items/pattern").and_then(Json::as_str)
        && p.get("pattern").and_then(Json::as_str) != Some(pattern)
    {
        parts.push(format!("each item {}", words(pattern)));
    }
    match (
        p.get("minimum").and_then(Json::as_i64),
        p.get("maximum").and_then(Json::as_i64),
    ) {
        (Some(min), Some(max)) if min == max => parts.push(format!("`{min}`")),
        (Some(min), Some(max)) => parts.push(format!("from {min} to {max}")),
        (Some(min), None) => parts.push(format!("at least {min}")),
        (None, Some(max)) => parts.push(format!("at most {max}")),
        (None, None) => {}
    }
    if p.get("minLength").and_then(Json::as_u64) == Some(1) {
        parts.push("not empty".into());
    }
    if p.get("minItems").and_then(Json::as_u64) == Some(1) {
        parts.push("a list has at least one item".into());
    }
    match (
        p.get("minProperties").and_then(Json::as_u64),
        p.get("maxProperties").and_then(Json::as_u64),
    ) {
        (Some(1), Some(1)) => parts.push("exactly one key".into()),
        (Some(1), None) => parts.push("at least one entry".into()),
        _ => {}
    }
    if p.get("uniqueItems").and_then(Json::as_bool) == Some(true) {
        parts.push("no repeats".into());
    }
    if let Some(default) = p.get("default").and_then(Json::as_str) {
        parts.push(format!("default `{default}`"));
    }
    parts.join("; ")
}

fn rows(object: &Json) -> Vec<Row> {
    ordered_keys(object)
        .into_iter()
        .map(|(k, p, required)| Row {
            key: k.to_string(),
            title: text(p, "title"),
            kind: kind(p),
            required,
            allowed: allowed(p),
            description: text(p, "description"),
        })
        .collect()
}

/// Whether a text can stand in YAML without quotes and still be read back as the same
/// text, by portrules and by YAML 1.1 readers alike.
fn plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let lower = s.to_ascii_lowercase();
    let keyword = matches!(
        lower.as_str(),
        "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    (first.is_ascii_alphanumeric() || first == '_')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " _-.,()/:+?'".contains(c))
        && !s.contains(": ")
        && !s.ends_with([':', ' '])
        && !keyword
        && s.parse::<f64>().is_err()
        && !lower.starts_with("0x")
        && !lower.starts_with("0o")
}

fn scalar(v: &Json) -> String {
    match v {
        Json::String(s) if plain(s) => s.clone(),
        // JSON's double-quoted strings are YAML's.
        Json::String(s) => Json::String(s.clone()).to_string(),
        Json::Null => "null".into(),
        other => other.to_string(),
    }
}

/// A value as block YAML, each line indented by `indent` spaces.
fn yaml(v: &Json, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Json::Object(map) if !map.is_empty() => {
            for (k, value) in map {
                let _ = write!(out, "{pad}{}:", scalar(&Json::String(k.clone())));
                value_after_key(value, indent, out);
            }
        }
        Json::Array(items) if !items.is_empty() => {
            for item in items {
                let _ = write!(out, "{pad}- ");
                match item {
                    Json::Object(map) if !map.is_empty() => {
                        // The item's first key on the dash's line, the rest under it.
                        let mut inner = String::new();
                        yaml(item, indent + 2, &mut inner);
                        out.push_str(inner.trim_start());
                    }
                    Json::Array(inner_items) if !inner_items.is_empty() => {
                        out.push('\n');
                        yaml(item, indent + 2, out);
                    }
                    _ => {
                        out.push_str(&scalar_or_empty(item));
                        out.push('\n');
                    }
                }
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{}", scalar_or_empty(v));
        }
    }
}

fn scalar_or_empty(v: &Json) -> String {
    match v {
        Json::Object(_) => "{}".into(),
        Json::Array(_) => "[]".into(),
        _ => scalar(v),
    }
}

fn value_after_key(value: &Json, indent: usize, out: &mut String) {
    match value {
        Json::Object(m) if !m.is_empty() => {
            out.push('\n');
            yaml(value, indent + 2, out);
        }
        Json::Array(a) if !a.is_empty() => {
            out.push('\n');
            yaml(value, indent + 2, out);
        }
        _ => {
            let _ = writeln!(out, " {}", scalar_or_empty(value));
        }
    }
}

/// The example written where it stands in a file, under the key that leads to it.
fn placed(example: &Json, step: Option<&Step>) -> String {
    let mut out = String::new();
    match step {
        None => yaml(example, 0, &mut out),
        Some(Step::Key(key)) => {
            let _ = write!(out, "{key}:");
            value_after_key(example, 0, &mut out);
        }
        Some(Step::Entry(key, entry)) => {
            let _ = write!(out, "{key}:\n  {entry}:");
            value_after_key(example, 2, &mut out);
        }
        Some(Step::Item(key)) => {
            let _ = writeln!(out, "{key}:");
            yaml(&Json::Array(vec![example.clone()]), 2, &mut out);
        }
    }
    out
}

fn section(found: &Found<'_>) -> Section {
    let object = found.object;
    let mut description = text(object, "description");
    // A definition made of branches says which form is which.
    if let (Some(if_type), Some(then), Some(otherwise)) = (
        object.pointer("/if/type").and_then(Json::as_str),
        object.get("then"),
        object.get("else"),
    ) {
        let _ = write!(
            description,
            " Written as {}, it is a {}; otherwise it is a {}.",
            match if_type {
                "string" => "text",
                other => other,
            },
            link_to(then),
            link_to(otherwise)
        );
    }
    let accepts = if object.get("properties").is_some() || object.get("if").is_some() {
        String::new()
    } else {
        let allowed = allowed(object);
        let kind = kind(object);
        if allowed.is_empty() {
            kind
        } else {
            format!("{kind}: {allowed}")
        }
    };
    let example = object
        .pointer("/examples/0")
        .map(|e| placed(e, found.step.as_ref()))
        .unwrap_or_default();
    Section {
        anchor: anchor(&found.title),
        title: found.title.clone(),
        description,
        accepts,
        rows: if found.top || object.get("properties").is_some() {
            rows(object)
        } else {
            Vec::new()
        },
        example,
    }
}

pub(super) fn context(page: Page, target: Option<&str>) -> Value {
    let sections: Vec<Section> = walk().iter().map(section).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;

    /// Every pattern in the schema, anywhere.
    fn patterns(v: &Json, out: &mut Vec<String>) {
        match v {
            Json::Object(map) => {
                for (k, child) in map {
                    match (k.as_str(), child) {
                        ("pattern", Json::String(p)) => out.push(p.clone()),
                        ("examples", _) => {}
                        _ => patterns(child, out),
                    }
                }
            }
            Json::Array(items) => items.iter().for_each(|c| patterns(c, out)),
            _ => {}
        }
    }

    #[test]
    fn every_pattern_has_words() {
        let mut found = Vec::new();
        patterns(schema(), &mut found);
        assert!(!found.is_empty());
        for p in found {
            assert!(pattern_words(&p).is_some(), "say what `{p}` means in words");
        }
    }

    /// The examples on the page are YAML that reads back as the schema's examples, in
    /// their place.
    #[test]
    fn every_example_reads_back_as_written() {
        let sections = walk();
        assert!(sections.len() >= 14, "{}", sections.len());
        for found in &sections {
            let s = section(found);
            let Some(example) = found.object.pointer("/examples/0") else {
                panic!("{} has no example", found.title);
            };
            let parsed = yaml::parse(&s.example)
                .unwrap_or_else(|e| panic!("{}: {e:?}\n{}", found.title, s.example));
            let json = parsed.to_json();
            let inner = match found.step.as_ref() {
                None => Some(&json),
                Some(Step::Key(k)) => json.get(k),
                Some(Step::Entry(k, e)) => json.get(k).and_then(|m| m.get(e)),
                Some(Step::Item(k)) => json.pointer(&format!("/{k}/0")),
            };
            assert_eq!(inner, Some(example), "{}:\n{}", found.title, s.example);
        }
    }

    #[test]
    fn plain_text_is_only_what_reads_back_as_text() {
        for s in [
            "allow",
            "1.0.0",
            "24h",
            "Can you cancel the order?",
            "2030-01-15T09:00:00Z",
        ] {
            assert!(plain(s), "{s}");
        }
        for s in [
            "", "yes", "No", "1.5", "1e3", "a: b", "a #b", "- x", "0x1F", "@x", "x ",
        ] {
            assert!(!plain(s), "{s}");
        }
    }
}
