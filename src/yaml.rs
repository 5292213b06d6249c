//! The YAML front end: text to a position-carrying node tree, with hard resource limits.
//!
//! Every node remembers where it stands in the file, so that later stages (schema
//! validation, semantic checks) can point at the exact line and column of a problem.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options, Spanned};

/// Deepest nesting accepted. The rule format needs five levels; this leaves room for
/// mistakes while keeping recursion shallow whatever the input.
pub const MAX_DEPTH: usize = 32;

/// Where a node starts and how far it reaches, as 1-based line and column plus byte range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub column: usize,
    /// Length in characters (0 for collections, whose extent the parser does not report).
    pub len: usize,
}

impl Pos {
    fn from_location(loc: &serde_saphyr::Location) -> Pos {
        let span = loc.span();
        Pos {
            line: usize::try_from(loc.line()).unwrap_or(0),
            column: usize::try_from(loc.column()).unwrap_or(0),
            len: usize::try_from(span.len()).unwrap_or(0),
        }
    }

    /// Whether the parser told us where this is.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

/// A YAML node with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What the node holds.
    pub kind: Kind,
    /// Where the node's value starts.
    pub pos: Pos,
}

/// The shape of a node.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `~`, `null` or an empty value.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A number that is not a 64-bit integer.
    Float(f64),
    /// Any other scalar.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key's text.
    pub key: String,
    /// Where the key stands.
    pub key_pos: Pos,
    /// The value.
    pub value: Node,
}

impl Node {
    /// The value under `key`, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entry under `key`, when this is a mapping that has it.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// The entries, when this is a mapping.
    pub fn entries(&self) -> &[Entry] {
        match &self.kind {
            Kind::Map(entries) => entries,
            _ => &[],
        }
    }

    /// A mapping's values by key, for many lookups in a large mapping.
    pub fn values_by_key(&self) -> HashMap<&str, &Node> {
        self.entries()
            .iter()
            .map(|e| (e.key.as_str(), &e.value))
            .collect()
    }

    /// The items, when this is a sequence.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            Kind::Seq(items) => items,
            _ => &[],
        }
    }

    /// The text, when this is a string scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The same tree as plain JSON, for the schema validator.
    pub fn to_json(&self) -> Value {
        match &self.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Int(i) => Value::from(*i),
            Kind::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Kind::Str(s) => Value::String(s.clone()),
            Kind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            Kind::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// The node that a JSON pointer (`/statuses/error/permissions`) names, with the
    /// position of the key that leads to it when it sits in a mapping.
    pub fn at_pointer<'a>(&'a self, segments: &[String]) -> Option<(&'a Node, Option<Pos>)> {
        let mut node = self;
        let mut key_pos = None;
        for seg in segments {
            match &node.kind {
                Kind::Map(entries) => {
                    let e = entries.iter().find(|e| &e.key == seg)?;
                    key_pos = Some(e.key_pos);
                    node = &e.value;
                }
                Kind::Seq(items) => {
                    node = items.get(seg.parse::<usize>().ok()?)?;
                    key_pos = None;
                }
                _ => return None,
            }
        }
        Some((node, key_pos))
    }
}

/// Why YAML text could not become a node tree.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What went wrong, in the parser's words where it has them.
    pub message: String,
    /// Where, when known.
    pub pos: Pos,
    /// Which kind of problem this is.
    pub kind: SyntaxErrorKind,
}

/// The kinds of problems the YAML stage can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Malformed YAML.
    Syntax,
    /// The same key twice in one mapping.
    DuplicateKey,
    /// Input that would cost more than the limits allow (aliases, depth, size).
    Limit,
}

/// Parses YAML text into a node tree. Duplicate keys are an error; aliases, nesting,
/// node count and scalar bytes are bounded so that hostile input fails fast.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    // Generous for real rule files (the scale benchmark's 10,000 statuses x 64
    // actions has about 1.3 M nodes) yet bounded: nodes are counted as they stream.
    budget.max_nodes = 4_000_000;
    budget.max_events = 8_000_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    // An anchor shared by a few cells is fine; a tree of them that multiplies ("billion
    // laughs") is stopped after this many copied events, in a few megabytes.
    budget.max_recorded_anchor_events = 100_000;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.alias_limits.max_total_replayed_events = 100_000;
    options.with_snippet = false;
    options.strict_booleans = true;
    options.reject_unsupported_tags = true;
    let spanned: Spanned<Kind> =
        serde_saphyr::from_str_with_options(text, options).map_err(|e| classify(&e))?;
    Ok(Node {
        kind: spanned.value,
        pos: Pos::from_location(&spanned.referenced),
    })
}

fn classify(e: &serde_saphyr::Error) -> SyntaxError {
    let pos = e
        .location()
        .map(|l| Pos::from_location(&l))
        .unwrap_or_default();
    let kind = match e {
        serde_saphyr::Error::DuplicateMappingKey { .. } => SyntaxErrorKind::DuplicateKey,
        serde_saphyr::Error::Budget { .. }
        | serde_saphyr::Error::AliasError { .. }
        | serde_saphyr::Error::AliasReplayCounterOverflow { .. }
        | serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
        | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => SyntaxErrorKind::Limit,
        _ => SyntaxErrorKind::Syntax,
    };
    let raw = e.without_snippet().to_string();
    // The parser appends its own position; ours is printed in front instead.
    let raw = raw.split(" at line ").next().unwrap_or_default();
    let raw = raw.lines().next().unwrap_or_default().trim();
    let message = match (e, kind) {
        (serde_saphyr::Error::DuplicateMappingKey { .. }, _) => {
            let key = raw
                .strip_prefix("duplicate mapping key: ")
                .and_then(|rest| rest.split(", set DuplicateKeyPolicy").next())
                .unwrap_or(raw);
            format!("duplicate key `{key}`: it already appears earlier in this mapping")
        }
        (_, SyntaxErrorKind::Limit) => format!(
            "the file nests or expands aliases beyond what portrules accepts ({})",
            humanize_limit(raw)
        ),
        _ => raw.to_string(),
    };
    SyntaxError { message, pos, kind }
}

/// `budget breached: RecordedAnchorEvents { .. }` → `limit reached: recorded anchor events`.
fn humanize_limit(raw: &str) -> String {
    let Some(rest) = raw.strip_prefix("budget breached: ") else {
        return raw.to_string();
    };
    let name = rest.split([' ', '{', '(']).next().unwrap_or(rest);
    let mut words = String::new();
    for c in name.chars() {
        if c.is_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    format!("limit reached: {words}")
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = Kind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }
    fn visit_none<E>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Kind, E> {
        Ok(Kind::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Kind, E> {
        Ok(Kind::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Kind, E> {
        Ok(i64::try_from(v).map_or(Kind::Float(v as f64), Kind::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Kind, E> {
        Ok(i64::try_from(v).map_or(Kind::Float(v as f64), Kind::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Kind, E> {
        Ok(i64::try_from(v).map_or(Kind::Float(v as f64), Kind::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Kind, E> {
        Ok(Kind::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Kind, E> {
        Ok(Kind::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Kind, E> {
        Ok(Kind::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Kind, E> {
        String::from_utf8(v.to_vec())
            .map(Kind::Str)
            .map_err(|_| E::custom("binary data is not text"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Kind>>()? {
            items.push(Node {
                kind: item.value,
                pos: Pos::from_location(&item.referenced),
            });
        }
        Ok(Kind::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let value = map.next_value::<Spanned<Kind>>()?;
            entries.push(Entry {
                key: key.value.0,
                key_pos: Pos::from_location(&key.referenced),
                value: Node {
                    kind: value.value,
                    pos: Pos::from_location(&value.referenced),
                },
            });
        }
        Ok(Kind::Map(entries))
    }
}

/// A mapping key as text: the rule format only has text keys, but a policy owner may
/// write `1:` or `true:`, and those deserve a schema error rather than a parse failure.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Kind::deserialize(d)? {
            Kind::Str(s) => Ok(KeyText(s)),
            Kind::Int(i) => Ok(KeyText(i.to_string())),
            Kind::Float(f) => Ok(KeyText(f.to_string())),
            Kind::Bool(b) => Ok(KeyText(b.to_string())),
            Kind::Null => Ok(KeyText("null".into())),
            Kind::Seq(_) | Kind::Map(_) => Err(de::Error::custom(
                "a mapping key must be plain text, not a list or a mapping",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_point_at_keys_and_values() {
        let node = parse("a: 1\nb:\n  c: [x, y]\n").unwrap();
        let b = node.entry("b").unwrap();
        assert_eq!((b.key_pos.line, b.key_pos.column), (2, 1));
        let c = b.value.entry("c").unwrap();
        assert_eq!((c.key_pos.line, c.key_pos.column), (3, 3));
        let y = &c.value.items()[1];
        assert_eq!((y.pos.line, y.pos.column), (3, 10));
        assert_eq!(y.kind, Kind::Str("y".into()));
    }

    #[test]
    fn duplicate_keys_are_errors_with_a_position() {
        let err = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::DuplicateKey);
        assert_eq!(err.pos.line, 3);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(100_000);
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("limit"), "{err:?}");
    }

    #[test]
    fn pointer_lookup_finds_nested_nodes() {
        let node = parse("s:\n  p:\n    - q\n").unwrap();
        let (found, key) = node.at_pointer(&["s".into(), "p".into()]).unwrap();
        assert_eq!(found.items().len(), 1);
        assert_eq!(key.unwrap().line, 2);
        assert!(node.at_pointer(&["nope".into()]).is_none());
    }
}
