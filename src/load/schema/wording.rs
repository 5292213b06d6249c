//! A schema error in a policy owner's words: which key, what was expected, what was
//! found, a did-you-mean, and the keys a YAML 1.1 tool rewrote. Depends on the node
//! tree, the diagnostics and the schema text beside it.

use std::collections::HashMap;

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::{dotted, schema_object, segments};
use crate::load::codes::Code;
use crate::load::diag::Finding;
use crate::load::yaml::{Entry, Kind, Node, Pos};
use crate::model::names::did_you_mean;

pub(super) fn explain(e: &ValidationError<'_>, root: &Node) -> Vec<Finding> {
    let path = segments(e);
    let Some((node, key_pos)) = root.at_pointer(&path) else {
        return vec![Finding::new(Code::Constraint, root.pos, e.to_string())];
    };
    // Problems with a whole mapping point at the key that introduces it.
    let at_key = key_pos.unwrap_or(node.pos);
    let here = dotted(&path);
    let sub = schema_object(e);
    match e.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            // One lookup table per mapping, not one scan per unknown key.
            let by_key: HashMap<&str, &Entry> = node
                .entries()
                .iter()
                .map(|en| (en.key.as_str(), en))
                .collect();
            unexpected
                .iter()
                .map(|key| {
                    let entry = by_key.get(key.as_str()).copied();
                    let pos = entry.map_or(at_key, |en| with_len(en.key_pos, key));
                    // Sorted here, whatever order the schema's map keeps.
                    let mut known: Vec<&str> = sub
                        .and_then(|s| s.get("properties"))
                        .and_then(Value::as_object)
                        .map(|m| m.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    known.sort_unstable();
                    if let Some(meant) = yaml11_key(key, &known) {
                        return Finding::new(
                            Code::UnknownKey,
                            pos,
                            format!("{YAML11}: the key `{key}` in {here} was probably `{meant}`"),
                        )
                        .help(format!(
                            "write `\"{meant}\":` (quoted, every YAML reader keeps it as text); PyYAML, Ruby's Psych and Go's yaml.v2 read `{meant}` as a yes/no value, and a load-and-save round trip wrote it as `{key}`"
                        ));
                    }
                    let help = did_you_mean(key, known.iter().copied()).or_else(|| {
                        (!known.is_empty()).then(|| {
                            format!(
                                "allowed here: {}",
                                known
                                    .iter()
                                    .map(|k| format!("`{k}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        })
                    });
                    Finding::new(
                        Code::UnknownKey,
                        pos,
                        format!("unknown key `{key}` in {here}"),
                    )
                    .maybe_help(help)
                })
                .collect()
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let help = if name == "fields" {
                Some(
                    "a `limited` cell must list the fields that may be changed, e.g. `fields: [foc_date]`"
                        .to_string(),
                )
            } else {
                property_help(sub, name)
            };
            vec![
                Finding::new(
                    Code::MissingKey,
                    at_key,
                    format!("missing key `{name}` in {here}"),
                )
                .maybe_help(help),
            ]
        }
        // `view: true` in a cell: a yes/no answer, not a mapping.
        ValidationErrorKind::Type { .. }
            if matches!(node.kind, Kind::Bool(_))
                && sub.is_some_and(|s| s.pointer("/properties/decision").is_some()) =>
        {
            vec![
                Finding::new(
                    Code::BadValue,
                    value_pos(node),
                    format!("{} is not a decision ({here})", describe(node)),
                )
                .help("write the table's Yes as `allow` and its No as `deny`"),
            ]
        }
        // `delete:` with nothing after it, in a cell.
        ValidationErrorKind::Type { .. }
            if matches!(node.kind, Kind::Null)
                && sub.is_some_and(|s| s.pointer("/properties/decision").is_some()) =>
        {
            vec![
                Finding::new(
                    Code::WrongType,
                    value_pos(node),
                    format!("{here} is empty: the cell needs a decision"),
                )
                .help("write `allow` or `deny` after the colon, or a mapping such as `{ decision: limited, fields: [...] }`"),
            ]
        }
        // `version: 1.2` or `version: 2`: YAML reads a number.
        ValidationErrorKind::Type { .. }
            if path == ["version"] && matches!(node.kind, Kind::Int(_) | Kind::Float(_)) =>
        {
            let written = match node.kind {
                Kind::Int(i) => i.to_string(),
                Kind::Float(f) => f.to_string(),
                _ => String::new(),
            };
            let parts = written.split('.').count();
            let full = format!("{written}{}", ".0".repeat(3usize.saturating_sub(parts)));
            vec![
                Finding::new(
                    Code::WrongType,
                    value_pos(node),
                    format!(
                        "`version` must be MAJOR.MINOR.PATCH, and `{written}` reads as a number"
                    ),
                )
                .help(format!("write `version: {full}`")),
            ]
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => article(&t.to_string()),
                TypeKind::Multiple(ts) => ts
                    .iter()
                    .map(|t| article(&t.to_string()))
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            vec![
                Finding::new(
                    Code::WrongType,
                    value_pos(node),
                    format!("{here} must be {expected}, not {}", describe(node)),
                )
                .maybe_help(own_description(sub)),
            ]
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let found = node.as_str().map_or_else(|| describe(node), str::to_string);
            let list = allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut help = format!("allowed values: {list}");
            if let Some(dym) = did_you_mean(&found, allowed.iter().copied()) {
                help = format!("{dym} (allowed values: {list})");
            }
            if matches!(
                found.to_lowercase().as_str(),
                "yes" | "no" | "y" | "n" | "on" | "off"
            ) {
                help = "write the table's Yes as `allow` and its No as `deny`".into();
            }
            if found == "limited" {
                help = "`limited` needs the mapping form with its fields: `{ decision: limited, fields: [...] }`".into();
            }
            vec![
                Finding::new(
                    Code::BadValue,
                    value_pos(node),
                    format!("`{found}` is not allowed as {here}"),
                )
                .help(help),
            ]
        }
        ValidationErrorKind::Pattern { .. } => vec![
            Finding::new(
                Code::BadFormat,
                value_pos(node),
                format!(
                    "`{}` is not a valid value for {here}",
                    node.as_str().unwrap_or_default()
                ),
            )
            .maybe_help(own_description(sub)),
        ],
        ValidationErrorKind::PropertyNames { error } => {
            let bad = error.instance().as_str().unwrap_or_default().to_string();
            let pos = node
                .entry(&bad)
                .map_or(at_key, |en| with_len(en.key_pos, &bad));
            vec![
                Finding::new(
                    Code::BadFormat,
                    pos,
                    format!("`{bad}` is not a valid key in {here}"),
                )
                .help(
                    "ids are lowercase letters, digits and underscores (dashes for warning names), starting with a letter; put the display name in `label`",
                ),
            ]
        }
        ValidationErrorKind::Not { .. } => {
            let pos = node
                .entry("fields")
                .map_or(at_key, |en| with_len(en.key_pos, "fields"));
            vec![
                Finding::new(
                    Code::FieldsWithoutLimited,
                    pos,
                    format!("`fields` is only meaningful on a `limited` cell ({here})"),
                )
                .help("set `decision: limited`, or remove `fields`"),
            ]
        }
        ValidationErrorKind::OneOfMultipleValid { .. }
        | ValidationErrorKind::OneOfNotValid { .. } => {
            let options: Vec<String> = sub
                .and_then(|s| s.get("oneOf"))
                .and_then(Value::as_array)
                .map(|alts| {
                    alts.iter()
                        .filter_map(|a| a.pointer("/required/0").and_then(Value::as_str))
                        .map(|k| format!("`{k}`"))
                        .collect()
                })
                .unwrap_or_default();
            let many = matches!(e.kind(), ValidationErrorKind::OneOfMultipleValid { .. });
            let message = if many {
                format!(
                    "{here} gives more than one of {}; give exactly one",
                    options.join(", ")
                )
            } else {
                format!("{here} needs one of {}", options.join(", "))
            };
            vec![Finding::new(Code::Constraint, at_key, message).maybe_help(own_description(sub))]
        }
        ValidationErrorKind::Minimum { limit } => vec![Finding::new(
            Code::Constraint,
            value_pos(node),
            format!("{here} must be at least {limit}"),
        )],
        ValidationErrorKind::MinItems { .. } => vec![Finding::new(
            Code::Constraint,
            value_pos(node),
            format!("{here} must not be an empty list"),
        )],
        ValidationErrorKind::MinLength { .. } => vec![Finding::new(
            Code::Constraint,
            value_pos(node),
            format!("{here} must not be empty text"),
        )],
        ValidationErrorKind::MinProperties { .. } => vec![Finding::new(
            Code::Constraint,
            at_key,
            format!("{here} must have at least one entry"),
        )],
        ValidationErrorKind::UniqueItems => vec![Finding::new(
            Code::Constraint,
            value_pos(node),
            format!("{here} lists the same item more than once"),
        )],
        _ => vec![Finding::new(
            Code::Constraint,
            value_pos(node),
            format!("{here}: {e}"),
        )],
    }
}

/// How a key that a YAML 1.1 tool turned into a boolean is announced.
pub(super) const YAML11: &str = "a YAML 1.1 tool rewrote this key";

/// The key a YAML 1.1 reader turned into `key` (`true` or `false`), when one of them
/// is a key allowed here.
pub(super) fn yaml11_key(key: &str, known: &[&str]) -> Option<&'static str> {
    let words: &[&'static str] = match key {
        "true" => &["on", "yes", "y"],
        "false" => &["off", "no", "n"],
        _ => return None,
    };
    words.iter().copied().find(|w| known.contains(w))
}

/// A mapping whose `on` became `true` also lacks `on`: keep the one finding that says
/// what happened, not the "needs one of" that follows from it. A round trip through a
/// YAML 1.1 tool rewrites every such key at once, so the first says it for all.
pub(super) fn drop_yaml11_cascades(found: &mut Vec<(Vec<String>, Finding)>) {
    let rewritten: Vec<(Vec<String>, Pos)> = (found.iter())
        .filter(|(_, f)| f.message.starts_with(YAML11))
        .map(|(path, f)| (path.clone(), f.pos))
        .collect();
    let Some(first) = rewritten
        .iter()
        .map(|(_, pos)| (pos.line, pos.column))
        .min()
    else {
        return;
    };
    let more = rewritten.len() - 1;
    found.retain(|(path, f)| {
        let cascade = f.code == Code::Constraint && rewritten.iter().any(|(p, _)| p == path);
        let repeat = f.message.starts_with(YAML11) && (f.pos.line, f.pos.column) != first;
        !(cascade || repeat)
    });
    if more > 0
        && let Some((_, f)) = found
            .iter_mut()
            .find(|(_, f)| f.message.starts_with(YAML11))
    {
        f.message
            .push_str(&format!(" (and {more} more keys like it in this file)"));
    }
}

/// A key's position with the key's length, for underlining.
pub(super) fn with_len(mut pos: Pos, text: &str) -> Pos {
    pos.len = text.chars().count();
    pos
}

/// Where to point for a value: scalars are underlined whole.
pub(super) fn value_pos(node: &Node) -> Pos {
    let mut pos = node.pos;
    if pos.len == 0 {
        pos.len = 1;
    }
    pos
}

pub(super) fn article(t: &str) -> String {
    match t {
        "object" => "a mapping".into(),
        "array" => "a list".into(),
        "string" => "text".into(),
        "integer" => "a whole number".into(),
        "number" => "a number".into(),
        "boolean" => "`true` or `false`".into(),
        "null" => "empty".into(),
        other => other.into(),
    }
}

/// What a node is, in the words of the messages.
pub(super) fn describe(node: &Node) -> String {
    match &node.kind {
        Kind::Null => "empty".into(),
        Kind::Bool(b) => format!("`{b}`"),
        Kind::Int(i) => format!("the number {i}"),
        Kind::Float(f) => format!("the number {f:?}"),
        Kind::Str(s) => format!("the text `{s}`"),
        Kind::Seq(_) => "a list".into(),
        Kind::Map(_) => "a mapping".into(),
    }
}

pub(super) fn own_description(sub: Option<&Value>) -> Option<String> {
    sub.and_then(|s| s.get("description"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

pub(super) fn property_help(sub: Option<&Value>, name: &str) -> Option<String> {
    sub.and_then(|s| s.pointer(&format!("/properties/{name}/description")))
        .and_then(Value::as_str)
        .map(|d| format!("add `{name}:` ({d})"))
}

/// One misspelt key yields "unknown key" and "missing key" for the same mapping; keep
/// the first, whose help already says what was meant.
pub(super) fn merge_typos(found: &mut Vec<(Vec<String>, Finding)>) {
    let typos: Vec<(Vec<String>, String)> = found
        .iter()
        .filter(|(_, f)| f.code == Code::UnknownKey)
        .filter_map(|(path, f)| {
            let help = f.help.as_deref()?;
            let meant = help.strip_prefix("did you mean `")?.strip_suffix("`?")?;
            Some((path.clone(), format!("missing key `{meant}` ")))
        })
        .collect();
    found.retain(|(path, f)| {
        f.code != Code::MissingKey
            || !typos
                .iter()
                .any(|(p, missing)| p == path && f.message.starts_with(missing.as_str()))
    });
}
