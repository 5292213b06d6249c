//! The YAML node tree seen as JSON by the schema validator, without copying it.
//!
//! jsonschema can validate any representation that answers its accessor traits. Giving
//! it the tree the loader already holds saves building (and freeing) a second tree of
//! `serde_json::Value`s, which on a large rule file cost as much as the validation.
//!
//! Depends on the node tree only.

use std::borrow::Cow;
use std::slice;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, JsonNumber, Node as JsonNode, NodeIdentity, Object};
use serde_json::{Number, Value};

use crate::load::yaml::{Entry, Kind, Node};

/// The representation's marker type: nodes are `&yaml::Node`.
pub struct Tree;

impl Json for Tree {
    type Node<'a> = &'a Node;
    type PreparedKey = String;
    type StringBuffer = Node;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(buffer: &mut Node, string: &str, f: impl FnOnce(&Node) -> T) -> T {
        // Reuse the buffer's allocation: `propertyNames` calls this once per key.
        match &mut buffer.kind {
            Kind::Str(s) => {
                s.clear();
                s.push_str(string);
            }
            other => *other = Kind::Str(string.to_owned()),
        }
        f(buffer)
    }
}

/// A number of the tree: YAML integers are `i64`, everything else `f64`.
#[derive(Clone, Copy)]
pub enum TreeNumber {
    /// An integer.
    Int(i64),
    /// A float, `.inf` and `.nan` included: YAML's core schema makes them numbers, so
    /// the validator sees numbers (never `null`, which JSON would make of them).
    Float(f64),
}

impl JsonNumber for TreeNumber {
    fn as_u64(&self) -> Option<u64> {
        match *self {
            TreeNumber::Int(i) => u64::try_from(i).ok(),
            TreeNumber::Float(_) => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match *self {
            TreeNumber::Int(i) => Some(i),
            TreeNumber::Float(_) => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            TreeNumber::Int(i) => i as f64,
            TreeNumber::Float(f) => f,
        })
    }

    fn as_str(&self) -> Cow<'_, str> {
        Cow::Owned(match *self {
            TreeNumber::Int(i) => i.to_string(),
            TreeNumber::Float(f) => f.to_string(),
        })
    }

    fn to_number(&self) -> Cow<'_, Number> {
        Cow::Owned(match *self {
            TreeNumber::Int(i) => Number::from(i),
            TreeNumber::Float(f) => Number::from_f64(f).unwrap_or_else(|| Number::from(0)),
        })
    }

    fn is_integer(&self) -> bool {
        match *self {
            TreeNumber::Int(_) => true,
            TreeNumber::Float(f) => f.fract() == 0.0,
        }
    }

    fn is_written_as_integer(&self) -> bool {
        matches!(self, TreeNumber::Int(_))
    }
}

impl<'a> JsonNode<'a, Tree> for &'a Node {
    type Object = &'a [Entry];
    type Array = &'a [Node];
    type Number = TreeNumber;

    fn as_object(&self) -> Option<&'a [Entry]> {
        match &self.kind {
            Kind::Map(entries) => Some(entries),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<&'a [Node]> {
        match &self.kind {
            Kind::Seq(items) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match &self.kind {
            Kind::Str(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<TreeNumber> {
        match self.kind {
            Kind::Int(i) => Some(TreeNumber::Int(i)),
            Kind::Float(f) => Some(TreeNumber::Float(f)),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.kind {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.kind {
            Kind::Null => JsonType::Null,
            Kind::Bool(_) => JsonType::Boolean,
            Kind::Int(_) | Kind::Float(_) => JsonType::Number,
            Kind::Str(_) => JsonType::String,
            Kind::Seq(_) => JsonType::Array,
            Kind::Map(_) => JsonType::Object,
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(self.to_json())
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref::<Node>(*self) as usize))
    }
}

impl<'a> Object<'a, Tree> for &'a [Entry] {
    type Node = &'a Node;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        <[Entry]>::len(self)
    }

    fn get(&self, key: &String) -> Option<&'a Node> {
        self.iter().find(|e| &e.key == key).map(|e| &e.value)
    }

    fn members(&self) -> Members<'a> {
        Members(self.iter())
    }
}

/// A mapping's entries as (name, value) pairs.
pub struct Members<'a>(slice::Iter<'a, Entry>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, &'a Node);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|e| (e.key.as_str(), &e.value))
    }
}

impl<'a> Array<'a, Tree> for &'a [Node] {
    type Node = &'a Node;
    type ElementsIter = slice::Iter<'a, Node>;

    fn len(&self) -> usize {
        <[Node]>::len(self)
    }

    fn elements(&self) -> slice::Iter<'a, Node> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use crate::load::yaml::parse;

    #[test]
    fn the_shipped_rules_are_valid_on_the_tree() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/port-orders.yaml"
        ))
        .unwrap();
        let node = parse(&text).unwrap();
        let validator = jsonschema::options_for::<super::Tree>()
            .build(crate::load::schema::schema())
            .unwrap();
        assert!(validator.is_valid(&node));
    }

    /// The same schema verdicts on the tree as on its JSON copy, error for error.
    #[test]
    fn the_tree_and_its_json_copy_get_the_same_errors() {
        let schema = serde_json::json!({
            "type": "object",
            "required": ["name"],
            "additionalProperties": false,
            "properties": {
                "name": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"},
                "n": {"type": "integer", "minimum": 1},
                "f": {"type": "number"},
                "tags": {"type": "array", "items": {"enum": ["a", "b"]}, "uniqueItems": true},
                "map": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}},
                "flag": {"type": "boolean"},
                "none": {"type": "null"}
            }
        });
        let tree_validator = jsonschema::options_for::<super::Tree>()
            .build(&schema)
            .unwrap();
        let json_validator = jsonschema::validator_for(&schema).unwrap();
        for text in [
            "name: ok\nn: 3\nf: 1.5\ntags: [a, b]\nmap: {x: 1}\nflag: true\nnone: ~\n",
            "name: X\nn: 0\nf: x\ntags: [a, a, c]\nmap: {X1: 1}\nflag: yes\nnone: 1\nextra: 1\n",
            "n: 1.5\nf: 2.5\n",
            "- not a mapping\n",
        ] {
            let node = parse(text).unwrap();
            let json = node.to_json();
            let mut on_tree: Vec<String> = tree_validator
                .iter_errors(&node)
                .map(|e| format!("{} {e}", e.instance_path()))
                .collect();
            let mut on_json: Vec<String> = json_validator
                .iter_errors(&json)
                .map(|e| format!("{} {e}", e.instance_path()))
                .collect();
            // The tree keeps file order where serde_json sorts keys; the findings are
            // sorted by position later anyway.
            on_tree.sort();
            on_json.sort();
            assert_eq!(on_tree, on_json, "{text}");
        }
    }

    /// JSON has no infinity, and its libraries turn one into `null`; the tree keeps
    /// YAML's `.inf` and `.nan` numbers, so an optional-or-null key cannot take them.
    #[test]
    fn infinities_and_nan_are_numbers_not_null() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {"n": {"type": "null"}, "x": {"type": "number"}}
        });
        let validator = jsonschema::options_for::<super::Tree>()
            .build(&schema)
            .unwrap();
        for value in [".inf", "-.inf", ".nan"] {
            let as_null = parse(&format!("n: {value}\n")).unwrap();
            assert!(
                !validator.is_valid(&as_null),
                "{value} must not pass as null"
            );
            let as_number = parse(&format!("x: {value}\n")).unwrap();
            assert!(validator.is_valid(&as_number), "{value} is a number");
        }
    }
}
