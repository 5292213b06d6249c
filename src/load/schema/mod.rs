//! The rule file's JSON Schema: embedded text, the compiled validator, and the
//! translation of schema errors into located, actionable findings.
//!
//! Depends on the node tree and the diagnostics.

mod wording;

use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use jsonschema::paths::LocationSegment;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::load::codes::Code;
use crate::load::diag::{Finding, Findings};
use crate::load::json_view::Tree;
use crate::load::yaml::Node;
use wording::{drop_yaml11_cascades, explain, merge_typos};

/// The schema as shipped in `schemas/rules.schema.json`.
pub const SCHEMA_JSON: &str = include_str!("../../../schemas/rules.schema.json");

/// The schema, parsed.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    // The schema is a compile-time constant covered by tests; if it were ever broken
    // every load would report it as an invalid document rather than panic.
    SCHEMA.get_or_init(|| serde_json::from_str(SCHEMA_JSON).unwrap_or(Value::Bool(false)))
}

/// The compiled schema, validating the YAML tree in place (see [`crate::load::json_view`]).
fn validator() -> Result<&'static Validator<Tree>, String> {
    static VALIDATOR: OnceLock<Result<Validator<Tree>, String>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            jsonschema::options_for::<Tree>()
                .build(schema())
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Validates a parsed rule file against the schema and explains each violation at the
/// YAML node it concerns: the first `cap` of them; the rest are only counted.
pub fn check(root: &Node, cap: usize) -> Findings {
    let mut findings = Findings::with_cap(cap);
    let validator = match validator() {
        Ok(v) => v,
        Err(e) => {
            findings.push(Finding::new(
                Code::Constraint,
                root.pos,
                format!("the built-in schema does not compile: {e}"),
            ));
            return findings;
        }
    };
    let mut found: Vec<(Vec<String>, Finding)> = Vec::new();
    let mut more = 0;
    for e in validator.iter_errors(root) {
        if found.len() >= cap {
            more += match e.kind() {
                ValidationErrorKind::AdditionalProperties { unexpected } => unexpected.len(),
                _ => 1,
            };
            continue;
        }
        let path = segments(&e);
        // A field list item that is not an id (`[FOC date]`) is reported once, by the
        // compiler, with the field it probably means.
        let field_item = path.len() == 6 && path[0] == "statuses" && path[4] == "fields";
        if field_item && matches!(e.kind(), ValidationErrorKind::Pattern { .. }) {
            continue;
        }
        found.extend(explain(&e, root).into_iter().map(|f| (path.clone(), f)));
    }
    merge_typos(&mut found);
    drop_yaml11_cascades(&mut found);
    findings.extend(found.into_iter().map(|(_, f)| f));
    findings.counted(more);
    findings
}

/// The path segments of an instance location, as plain strings.
fn segments(e: &ValidationError<'_>) -> Vec<String> {
    e.instance_path()
        .segments()
        .map(|s| match s {
            LocationSegment::Property(p) => p.into_owned(),
            LocationSegment::Index(i) => i.to_string(),
        })
        .collect()
}

/// The schema object that holds the failing keyword.
fn schema_object(e: &ValidationError<'_>) -> Option<&'static Value> {
    let uri = e.absolute_keyword_location()?;
    let fragment = uri.fragment()?.as_str();
    let (parent, _keyword) = fragment.rsplit_once('/')?;
    schema().pointer(&unescape_pointer(parent))
}

fn unescape_pointer(p: &str) -> String {
    p.replace("%24", "$")
}

/// A readable name for where a node sits: `statuses.error.permissions`.
fn dotted(path: &[String]) -> String {
    if path.is_empty() {
        "the top level".to_string()
    } else {
        format!("`{}`", path.join("."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_compiles_and_describes_every_property() {
        assert!(validator().is_ok());
        fn walk(v: &Value, path: &str) {
            if let Some(props) = v.get("properties").and_then(Value::as_object) {
                for (k, p) in props {
                    assert!(
                        p.get("description").is_some(),
                        "{path}/properties/{k} has no description"
                    );
                    walk(p, &format!("{path}/properties/{k}"));
                }
            }
            if let Some(defs) = v.get("$defs").and_then(Value::as_object) {
                for (k, d) in defs {
                    walk(d, &format!("{path}/$defs/{k}"));
                }
            }
        }
        walk(schema(), "");
    }
}
