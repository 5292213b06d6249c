//! What editors get from `schemas/rules.schema.json`: Markdown hovers, completion hints
//! for values, a bounded format version, and examples that are valid where they stand.
//!
//! `markdownDescription` is a copy of each `description` (the one source); after
//! editing a description, regenerate the copies with:
//! `PORTRULES_BLESS=1 cargo test --test cli editor`

use serde_json::{Map, Value};

use crate::common::root;

const SCHEMA: &str = "schemas/rules.schema.json";

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root(SCHEMA)).unwrap()).unwrap()
}

/// Every object in the schema with its JSON pointer, parents before children.
fn objects<'a>(v: &'a Value, pointer: String, out: &mut Vec<(String, &'a Map<String, Value>)>) {
    match v {
        Value::Object(map) => {
            out.push((pointer.clone(), map));
            for (k, child) in map {
                // Examples are data, not schema.
                if k != "examples" {
                    objects(child, format!("{pointer}/{}", escape(k)), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects(child, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The schema with a `markdownDescription` beside every `description`, equal to it.
fn with_markdown(v: &Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, child) in map {
                if k == "markdownDescription" {
                    continue;
                }
                // Examples are data: a status's `description` there is a key of the file.
                let child_out = if k == "examples" {
                    child.clone()
                } else {
                    with_markdown(child)
                };
                out.insert(k.clone(), child_out);
                if k == "description"
                    && let Value::String(text) = child
                {
                    out.insert("markdownDescription".into(), Value::String(text.clone()));
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(with_markdown).collect()),
        other => other.clone(),
    }
}

/// Hovers in editors that render Markdown (VS Code's YAML extension, yaml-language-server)
/// show `markdownDescription`; it must say what `description` says, which the reference
/// page and plain-text editors use.
#[test]
fn every_description_has_its_markdown_copy() {
    let text = std::fs::read_to_string(root(SCHEMA)).unwrap();
    let current: Value = serde_json::from_str(&text).unwrap();
    let wanted = format!(
        "{}\n",
        serde_json::to_string_pretty(&with_markdown(&current)).unwrap()
    );
    if std::env::var_os("PORTRULES_BLESS").is_some() {
        std::fs::write(root(SCHEMA), &wanted).unwrap();
        return;
    }
    let mut found = Vec::new();
    objects(&current, String::new(), &mut found);
    let described = found
        .iter()
        .filter(|(_, m)| m.get("description").is_some_and(Value::is_string))
        .count();
    assert!(
        described > 50,
        "the schema describes its keys ({described})"
    );
    assert!(
        text == wanted,
        "{SCHEMA}: a markdownDescription is missing or differs from its description; \
         run `PORTRULES_BLESS=1 cargo test --test cli editor`"
    );
}

/// A schema that checks a value against the definition at `pointer` of the shipped one.
fn validator_at(full: &Value, pointer: &str) -> jsonschema::Validator {
    let mut wrapper = Map::new();
    wrapper.insert("$defs".into(), full["$defs"].clone());
    let target = if pointer.is_empty() {
        full.clone()
    } else {
        full.pointer(pointer).unwrap().clone()
    };
    wrapper.insert("allOf".into(), Value::Array(vec![target]));
    jsonschema::validator_for(&Value::Object(wrapper)).unwrap()
}

/// The reference page shows the schema's examples, and editors offer them: each must be
/// valid against the definition it belongs to.
#[test]
fn every_schema_example_is_valid_where_it_stands() {
    let full = schema();
    let mut found = Vec::new();
    objects(&full, String::new(), &mut found);
    let mut checked = 0;
    for (pointer, map) in &found {
        let Some(Value::Array(examples)) = map.get("examples") else {
            continue;
        };
        let validator = validator_at(&full, pointer);
        for example in examples {
            let errors: Vec<String> = validator
                .iter_errors(example)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{SCHEMA}{pointer}: the example {example} is invalid: {errors:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "examples checked: {checked}");
    // Every definition shows at least one.
    for (name, def) in full["$defs"].as_object().unwrap() {
        assert!(
            def.get("examples")
                .is_some_and(|e| !e.as_array().unwrap().is_empty()),
            "$defs/{name} has no example"
        );
    }
}

/// The whole-file example is a rule file portrules accepts without a warning, not only
/// one the schema accepts.
#[test]
fn the_whole_file_example_loads_cleanly() {
    let full = schema();
    let example = &full["examples"][0];
    let yaml = serde_json::to_string(example).unwrap(); // JSON is YAML
    let loaded = portrules::load::from_str(&yaml, "example.yaml", &Default::default());
    let loaded = loaded.unwrap_or_else(|e| panic!("{e:?}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

/// A bare cell value (`view: `) is an `if`/`then`/`else` in the schema, which gives an
/// editor nothing to offer; the cell's `examples` are what yaml-language-server suggests.
#[test]
fn a_cell_offers_allow_and_deny_and_the_format_version_is_bounded() {
    let full = schema();
    let cell = &full["$defs"]["cell"]["examples"];
    for word in ["allow", "deny"] {
        assert!(
            cell.as_array().unwrap().contains(&Value::from(word)),
            "{cell}"
        );
    }
    let version = &full["properties"]["schema_version"];
    assert_eq!(
        version["maximum"].as_u64(),
        Some(*portrules::model::SUPPORTED_SCHEMA_VERSIONS.end()),
        "an editor flags a format this build cannot read"
    );
    assert_eq!(
        version["minimum"].as_u64(),
        Some(*portrules::model::SUPPORTED_SCHEMA_VERSIONS.start())
    );
}
