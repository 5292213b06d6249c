//! The YAML front end: text to a position-carrying node tree, with hard resource limits.
//!
//! Every node remembers where it stands in the file, so that later stages (schema
//! validation, semantic checks) can point at the exact line and column of a problem.

pub mod advice;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

use std::sync::mpsc;

use granit_parser::{Event, Options, Parser, ScalarStyle, ScanError, Span, StrInput, Tag};
use serde_json::Value;

/// Deepest nesting accepted. The rule format needs five levels; this leaves room for
/// mistakes while keeping recursion shallow whatever the input.
pub const MAX_DEPTH: usize = 32;

pub use crate::model::pos::Pos;

/// A YAML node with its position.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// What the node holds.
    pub kind: Kind,
    /// Where the node's value starts.
    pub pos: Pos,
}

/// The shape of a node.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Kind {
    /// `~`, `null` or an empty value.
    #[default]
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

    /// How many nodes this tree holds, itself included.
    pub fn size(&self) -> usize {
        1 + match &self.kind {
            Kind::Seq(items) => items.iter().map(Node::size).sum(),
            Kind::Map(entries) => entries.iter().map(|e| e.value.size()).sum(),
            _ => 0,
        }
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
            // JSON has no infinity or NaN; their YAML spelling keeps them apart from `null`.
            Kind::Float(f) => serde_json::Number::from_f64(*f)
                .map_or_else(|| Value::String(yaml_float(*f).into()), Value::Number),
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

/// Nodes one file may hold, counting copies made by aliases. The scale benchmark's
/// 10,000 statuses × 64 actions has about 1.3 M; a real rule file has a few hundred.
pub const MAX_NODES: usize = 4_000_000;

/// Alias uses allowed in one file. Aliases are legal YAML but rule files rarely need them.
pub const MAX_ALIASES: usize = 1_000;

/// Nodes that aliases may copy in all. A shared block of cells costs a few dozen; a tree
/// of aliases that multiplies ("billion laughs") is stopped here, in a few megabytes.
pub const MAX_ALIAS_NODES: usize = 100_000;

/// Parses YAML text into a node tree. Duplicate keys are an error; aliases, nesting and
/// node count are bounded so that hostile input fails fast.
///
/// Plain scalars are resolved with the YAML 1.2 core schema: `true`/`false` (not `yes`
/// or `on`), `null`/`~`/empty, integers and floats; quoted and block scalars are text.
/// The only tags accepted are the core ones that agree with the node (`!!str` on a
/// scalar, `!!map`, `!!seq`); any other tag is refused rather than silently ignored.
/// Merge keys (`<<: *defaults`) copy the entries that the mapping does not set itself.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    parse_with(text, text.len() >= PIPELINE_FROM)
}

fn parse_with(text: &str, two_threads: bool) -> Result<Node, SyntaxError> {
    let mut options = Options::default();
    options.flow_nesting_limit = MAX_DEPTH;
    options.block_nesting_limit = MAX_DEPTH;
    options.set_emit_comments(false);
    // Flow collections and quoted scalars continued on a line that is not indented past
    // their key are invalid YAML; the relaxed default (kept for PyYAML's sake) accepts
    // them, and the YAML test suite's valid cases all pass without it.
    options.strict_indentation = true;
    let events = Parser::new_from_str_with_options(text, options);
    let mut builder = Builder::default();
    if two_threads {
        pipelined(events, &mut builder)?;
    } else {
        for event in events {
            let (event, span) = event.map_err(|e| scan_error(&e))?;
            if builder.event(event, &span)? {
                break;
            }
        }
    }
    Ok(builder.root.unwrap_or_default())
}

/// Texts at least this large are scanned on one thread while the tree is built on
/// another: on the scale benchmark the two halves cost about the same.
const PIPELINE_FROM: usize = 256 * 1024;

/// Events travel between the threads in batches this large, so that the channel is
/// used a few hundred times per megabyte rather than once per event.
const BATCH: usize = 4096;

type Batch<'a> = Vec<Result<(Event<'a>, Span), ScanError>>;

/// Runs the parser on a second thread and feeds its events to `builder` here. Batches
/// go back to the parser for reuse; if the builder stops early (an error, or the end of
/// the document), the channels close and the parser thread ends at its next send.
fn pipelined<'a>(
    events: Parser<'a, StrInput<'a>>,
    builder: &mut Builder,
) -> Result<(), SyntaxError> {
    std::thread::scope(|s| {
        let (full_tx, full_rx) = mpsc::sync_channel::<Batch<'a>>(4);
        let (empty_tx, empty_rx) = mpsc::channel::<Batch<'a>>();
        s.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for event in events {
                let failed = event.is_err();
                batch.push(event);
                if batch.len() == BATCH || failed {
                    let next = empty_rx
                        .try_recv()
                        .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                    if full_tx.send(std::mem::replace(&mut batch, next)).is_err() || failed {
                        return;
                    }
                }
            }
            let _ = full_tx.send(batch);
        });
        for mut batch in full_rx {
            for event in batch.drain(..) {
                let (event, span) = event.map_err(|e| scan_error(&e))?;
                if builder.event(event, &span)? {
                    return Ok(());
                }
            }
            // The parser may have finished; a batch it no longer wants is just dropped.
            let _ = empty_tx.send(batch);
        }
        Ok(())
    })
}

fn scan_error(e: &ScanError) -> SyntaxError {
    let mark = e.marker();
    SyntaxError {
        message: e.info(),
        pos: Pos {
            line: mark.line(),
            column: mark.col() + 1,
            len: 1,
        },
        kind: SyntaxErrorKind::Syntax,
    }
}

fn pos_of(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        column: span.start.col() + 1,
        len: span.len(),
    }
}

/// Maps with more keys than this check duplicates through a hash set instead of a scan.
const LINEAR_KEYS: usize = 16;

/// A collection whose children are still arriving.
enum Open {
    Seq {
        pos: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        pos: Pos,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<Key>,
        seen: HashSet<u64>,
        merges: Vec<Node>,
    },
}

/// A mapping key waiting for its value.
enum Key {
    /// An ordinary key: its text and where it stands.
    Text(String, Pos),
    /// A plain `<<`: the value's entries are merged into the mapping.
    Merge(Pos),
}

/// Turns the parser's events into a tree, enforcing the limits as it goes.
#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    root: Option<Node>,
    /// Anchored nodes by anchor id, with their size in nodes.
    anchors: Vec<Option<(Node, usize)>>,
    nodes: usize,
    aliases: usize,
    alias_nodes: usize,
    documents: usize,
    hasher: RandomState,
}

impl Builder {
    /// Takes one event; `Ok(true)` once the document is complete.
    fn event(&mut self, event: Event<'_>, span: &Span) -> Result<bool, SyntaxError> {
        let pos = pos_of(span);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(syntax(
                        pos,
                        "a second YAML document starts here; a rule file is one document, so remove the `---` line or split the file",
                    ));
                }
            }
            Event::StreamEnd => return Ok(true),
            Event::Scalar(value, style, anchor, tag) => {
                if let (
                    None,
                    ScalarStyle::Plain,
                    "<<",
                    Some(Open::Map {
                        key: key @ None, ..
                    }),
                ) = (&tag, style, value.as_ref(), self.stack.last_mut())
                {
                    // Only a plain `<<` merges; a quoted one is an ordinary key.
                    *key = Some(Key::Merge(pos));
                    self.count(1, pos)?;
                    if anchor != 0 {
                        // `&m <<: *b`: the anchor names the key's text, for a later `*m`.
                        let node = Node {
                            kind: Kind::Str("<<".into()),
                            pos,
                        };
                        self.remember(anchor, &node);
                    }
                    return Ok(false);
                }
                let kind = match tag {
                    None if style == ScalarStyle::Plain => resolve_plain(&value),
                    None => Kind::Str(value.into_owned()),
                    Some(tag) if tag.is_yaml_core_schema_tag("str") => {
                        Kind::Str(value.into_owned())
                    }
                    Some(tag) => return Err(unsupported_tag(pos, &tag)),
                };
                self.count(1, pos)?;
                self.finish(Node { kind, pos }, anchor)?;
            }
            Event::SequenceStart(_, anchor, tag) => {
                if let Some(tag) = tag.filter(|t| !t.is_yaml_core_schema_tag("seq")) {
                    return Err(unsupported_tag(pos, &tag));
                }
                self.open(pos)?;
                self.stack.push(Open::Seq {
                    pos,
                    anchor,
                    items: Vec::new(),
                });
            }
            Event::MappingStart(_, anchor, tag) => {
                if let Some(tag) = tag.filter(|t| !t.is_yaml_core_schema_tag("map")) {
                    return Err(unsupported_tag(pos, &tag));
                }
                self.open(pos)?;
                self.stack.push(Open::Map {
                    pos,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                    seen: HashSet::new(),
                    merges: Vec::new(),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Open::Seq { pos, anchor, items }) => (
                        Node {
                            kind: Kind::Seq(items),
                            pos,
                        },
                        anchor,
                    ),
                    Some(Open::Map {
                        pos,
                        anchor,
                        mut entries,
                        merges,
                        ..
                    }) => {
                        merge(&mut entries, merges);
                        (
                            Node {
                                kind: Kind::Map(entries),
                                pos,
                            },
                            anchor,
                        )
                    }
                    None => return Err(syntax(pos, "a collection ends that never started")),
                };
                self.finish(node, anchor)?;
            }
            Event::Alias(id) => {
                self.aliases += 1;
                if self.aliases > MAX_ALIASES {
                    return Err(limit(
                        pos,
                        format!("more than {MAX_ALIASES} aliases (`*name`)"),
                    ));
                }
                let Some(Some((node, size))) = self.anchors.get(id) else {
                    return Err(syntax(
                        pos,
                        "this alias refers to an anchor that is not defined before it",
                    ));
                };
                let size = *size;
                self.alias_nodes += size;
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(limit(
                        pos,
                        format!("aliases would copy more than {MAX_ALIAS_NODES} nodes"),
                    ));
                }
                let mut node = node.clone();
                node.pos = pos;
                self.count(size, pos)?;
                self.finish(node, 0)?;
            }
            _ => {}
        }
        Ok(false)
    }

    fn open(&mut self, pos: Pos) -> Result<(), SyntaxError> {
        self.count(1, pos)?;
        if self.stack.len() >= MAX_DEPTH {
            return Err(limit(
                pos,
                format!("nesting deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    fn count(&mut self, nodes: usize, pos: Pos) -> Result<(), SyntaxError> {
        self.nodes += nodes;
        if self.nodes > MAX_NODES {
            return Err(limit(pos, format!("more than {MAX_NODES} values")));
        }
        Ok(())
    }

    /// Keeps a copy of an anchored node for the aliases that name it.
    fn remember(&mut self, anchor: usize, node: &Node) {
        if self.anchors.len() <= anchor {
            self.anchors.resize_with(anchor + 1, || None);
        }
        self.anchors[anchor] = Some((node.clone(), node.size()));
    }

    /// Places a complete node: into its parent, or as the document's root.
    fn finish(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        if anchor != 0 {
            self.remember(anchor, &node);
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map {
                entries,
                key,
                seen,
                merges,
                ..
            }) => match key.take() {
                None => {
                    let text = key_text(node)?;
                    let first = if entries.len() < LINEAR_KEYS {
                        entries.iter().find(|e| e.key == text.0)
                    } else {
                        // Hashes only, so no key is copied; a repeated hash (a duplicate,
                        // or rarely a collision) is confirmed by comparing the keys.
                        if seen.is_empty() {
                            seen.extend(entries.iter().map(|e| self.hasher.hash_one(&e.key)));
                        }
                        if seen.insert(self.hasher.hash_one(&text.0)) {
                            None
                        } else {
                            entries.iter().find(|e| e.key == text.0)
                        }
                    };
                    if let Some(first) = first {
                        return Err(SyntaxError {
                            message: format!(
                                "duplicate key `{}`: it already appears at line {} of this mapping",
                                text.0, first.key_pos.line
                            ),
                            pos: text.1,
                            kind: SyntaxErrorKind::DuplicateKey,
                        });
                    }
                    *key = Some(Key::Text(text.0, text.1));
                }
                Some(Key::Merge(key_pos)) => match node.kind {
                    Kind::Map(_) => merges.push(node),
                    Kind::Seq(items) if items.iter().all(|i| matches!(i.kind, Kind::Map(_))) => {
                        merges.extend(items);
                    }
                    _ => {
                        return Err(syntax(
                            key_pos,
                            "a merge key (`<<`) takes a mapping or a list of mappings, usually an alias such as `*defaults`",
                        ));
                    }
                },
                Some(Key::Text(key, key_pos)) => entries.push(Entry {
                    key,
                    key_pos,
                    value: node,
                }),
            },
        }
        Ok(())
    }
}

/// Adds the entries of merged mappings (`<<`) that the mapping does not set itself; the
/// first merged mapping wins among several.
fn merge(entries: &mut Vec<Entry>, merges: Vec<Node>) {
    if merges.is_empty() {
        return;
    }
    let mut seen: HashSet<String> = entries.iter().map(|e| e.key.clone()).collect();
    for source in merges {
        if let Kind::Map(more) = source.kind {
            for e in more {
                if seen.insert(e.key.clone()) {
                    entries.push(e);
                }
            }
        }
    }
}

/// A mapping key as text. The rule format only has text keys, but a policy owner may
/// write `1:`, `true:` or `~:`; those become text (`1`, `true`, `null`) and meet a
/// schema error later rather than a parse failure.
fn key_text(node: Node) -> Result<(String, Pos), SyntaxError> {
    let text = match node.kind {
        Kind::Str(s) => s,
        Kind::Int(i) => i.to_string(),
        Kind::Float(f) => f.to_string(),
        Kind::Bool(b) => b.to_string(),
        Kind::Null => "null".into(),
        Kind::Seq(_) | Kind::Map(_) => {
            return Err(syntax(
                node.pos,
                "a mapping key must be plain text, not a list or a mapping",
            ));
        }
    };
    Ok((text, node.pos))
}

/// YAML 1.2 core-schema resolution of a plain (unquoted) scalar.
fn resolve_plain(text: &str) -> Kind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        ".nan" | ".NaN" | ".NAN" => return Kind::Float(f64::NAN),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Kind::Str(text.to_owned());
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    let radix = |digits: &str, radix: u32| {
        // `-0x10`, `0x-1` and `0o+7` are not core-schema YAML: hex and octal take no
        // sign, before the prefix or after it (`from_str_radix` would accept the latter).
        if text.len() != unsigned.len()
            || digits.is_empty()
            || !digits.chars().all(|c| c.is_digit(radix))
        {
            return None;
        }
        Some(match i64::from_str_radix(digits, radix) {
            Ok(v) => Kind::Int(v),
            // Too large for 64 bits: a float, as the same number written in decimal is.
            Err(_) => Kind::Float(
                digits
                    .chars()
                    .filter_map(|c| c.to_digit(radix))
                    .fold(0.0, |v, d| v * f64::from(radix) + f64::from(d)),
            ),
        })
    };
    let int = if let Some(hex) = unsigned.strip_prefix("0x") {
        radix(hex, 16)
    } else if let Some(oct) = unsigned.strip_prefix("0o") {
        radix(oct, 8)
    } else if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        Some(
            text.parse::<i64>()
                .map_or_else(|_| Kind::Float(text.parse().unwrap_or(f64::NAN)), Kind::Int),
        )
    } else {
        None
    };
    if let Some(kind) = int {
        return kind;
    }
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            return Kind::Float(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        _ => {}
    }
    if is_core_float(unsigned)
        && let Ok(f) = text.parse::<f64>()
    {
        return Kind::Float(f);
    }
    Kind::Str(text.to_owned())
}

/// The YAML spelling of a float that JSON cannot write.
fn yaml_float(f: f64) -> &'static str {
    if f.is_nan() {
        ".nan"
    } else if f > 0.0 {
        ".inf"
    } else {
        "-.inf"
    }
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's float (unsigned).
fn is_core_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => digits(frac),
        Some((int, frac)) => digits(int) && (frac.is_empty() || digits(frac)),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

fn syntax(pos: Pos, message: &str) -> SyntaxError {
    SyntaxError {
        message: message.to_string(),
        pos,
        kind: SyntaxErrorKind::Syntax,
    }
}

fn limit(pos: Pos, what: String) -> SyntaxError {
    SyntaxError {
        message: format!(
            "the file nests or expands aliases beyond what portrules accepts ({what})"
        ),
        pos,
        kind: SyntaxErrorKind::Limit,
    }
}

fn unsupported_tag(pos: Pos, tag: &Tag) -> SyntaxError {
    syntax(
        pos,
        &format!(
            "the tag `{}` is not supported: rule files hold plain text, numbers, lists and mappings",
            tag.original()
        ),
    )
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
    fn plain_scalars_follow_the_yaml_1_2_core_schema() {
        let node = parse(
            "a: [true, False, yes, no, on, ~, null, '', 12, -3, 0x1F, 0o17, 1.5, -.5e3, .inf, 1.0.0, 010, '12', \"true\", +7]\n",
        )
        .unwrap();
        let kinds: Vec<&Kind> = node
            .get("a")
            .unwrap()
            .items()
            .iter()
            .map(|n| &n.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                &Kind::Bool(true),
                &Kind::Bool(false),
                &Kind::Str("yes".into()),
                &Kind::Str("no".into()),
                &Kind::Str("on".into()),
                &Kind::Null,
                &Kind::Null,
                &Kind::Str(String::new()),
                &Kind::Int(12),
                &Kind::Int(-3),
                &Kind::Int(31),
                &Kind::Int(15),
                &Kind::Float(1.5),
                &Kind::Float(-500.0),
                &Kind::Float(f64::INFINITY),
                &Kind::Str("1.0.0".into()),
                &Kind::Int(10),
                &Kind::Str("12".into()),
                &Kind::Str("true".into()),
                &Kind::Int(7),
            ]
        );
        assert_eq!(parse("a:\n").unwrap().get("a").unwrap().kind, Kind::Null);
        for signed in ["0x-1", "0x+F", "0o-7", "0o+7", "-0x10", "0x", "0o8"] {
            let doc = format!("a: {signed}\n");
            assert_eq!(
                parse(&doc).unwrap().get("a").unwrap().kind,
                Kind::Str(signed.into()),
                "{signed}"
            );
        }
        assert_eq!(
            parse("a: 0xFFFFFFFFFFFFFFFF\n")
                .unwrap()
                .get("a")
                .unwrap()
                .kind,
            parse("a: 18446744073709551615\n")
                .unwrap()
                .get("a")
                .unwrap()
                .kind,
        );
        assert_eq!(
            parse("a: 99999999999999999999\n")
                .unwrap()
                .get("a")
                .unwrap()
                .kind,
            Kind::Float(1e20)
        );
    }

    #[test]
    fn only_core_tags_that_fit_the_node_are_accepted() {
        let node = parse("a: !!str 12\nb: !!map {x: 1}\n").unwrap();
        assert_eq!(node.get("a").unwrap().kind, Kind::Str("12".into()));
        for text in [
            "a: !!python/object x\n",
            "a: !custom x\n",
            "a: !!int 1\n",
            "a: !!seq {x: 1}\n",
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.kind, SyntaxErrorKind::Syntax, "{text}");
            assert!(err.message.contains("is not supported"), "{text}: {err:?}");
            assert_eq!(err.pos.line, 1, "{text}");
        }
    }

    #[test]
    fn aliases_copy_their_anchor_and_merge_keys_fill_in_missing_entries() {
        let node = parse(
            "base: &b {view: allow, edit: deny}\nother:\n  <<: *b\n  edit: allow\nlist: [*b]\n",
        )
        .unwrap();
        let other = node.get("other").unwrap();
        let keys: Vec<&str> = other.entries().iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["edit", "view"]);
        assert_eq!(other.get("edit").unwrap().as_str(), Some("allow"));
        let copied = &node.get("list").unwrap().items()[0];
        assert_eq!(copied.get("view").unwrap().as_str(), Some("allow"));
        assert_eq!((copied.pos.line, copied.pos.column), (5, 8));
        let err = parse("a: *nowhere\n").unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::Syntax);
        let err = parse("a:\n  <<: 3\n").unwrap_err();
        assert!(err.message.contains("merge key"), "{err:?}");
        let anchored = parse("b: &b {x: 1}\na:\n  &m <<: *b\n  y: 2\nc: *m\n").unwrap();
        assert_eq!(
            anchored.get("a").unwrap().get("x").unwrap().kind,
            Kind::Int(1)
        );
        assert_eq!(anchored.get("c").unwrap().as_str(), Some("<<"));
        let quoted = parse("b: &b {x: 1}\na:\n  '<<': *b\n").unwrap();
        assert_eq!(quoted.get("a").unwrap().entries()[0].key, "<<");
    }

    #[test]
    fn multiplying_aliases_stop_at_the_limit() {
        let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let p = i - 1;
            doc.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                vec![format!("*a{p}"); 10].join(", ")
            ));
        }
        let err = parse(&doc).unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::Limit);
        assert!(err.message.contains("aliases would copy"), "{err:?}");
        let many = format!("a: &a x\nb: [{}]\n", vec!["*a"; MAX_ALIASES + 1].join(", "));
        assert_eq!(parse(&many).unwrap_err().kind, SyntaxErrorKind::Limit);
    }

    #[test]
    fn indentation_is_strict_inside_flow_collections_and_quoted_scalars() {
        for text in [
            "a:\n  b: [x,\n  y]\n",
            "a:\n  b: [x,\ny]\n",
            "a:\n  b: \"one\ntwo\"\n",
            "a: \"x\n\ty\"\n",
        ] {
            assert!(parse(text).is_err(), "{text:?} must be refused");
        }
        assert!(parse("a:\n  b: [x,\n    y]\n").is_ok());
        assert!(parse("a:\n  b: \"one\n    two\"\n").is_ok());
    }

    #[test]
    fn duplicates_are_found_in_large_mappings_too() {
        let mut doc: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        assert_eq!(parse(&doc).unwrap().entries().len(), 100);
        doc.push_str("k42: again\n");
        let err = parse(&doc).unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::DuplicateKey);
        assert_eq!((err.pos.line, err.pos.column), (101, 1));
        assert!(err.message.contains("`k42`"), "{err:?}");
    }

    #[test]
    fn scalar_keys_become_text_and_collections_cannot_be_keys() {
        let node = parse("1: a\ntrue: b\n~: c\n").unwrap();
        let keys: Vec<&str> = node.entries().iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["1", "true", "null"]);
        let err = parse("? [a, b]\n: c\n").unwrap_err();
        assert!(err.message.contains("plain text"), "{err:?}");
    }

    #[test]
    fn one_document_only_and_empty_text_is_null() {
        let err = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(err.message.contains("second YAML document"), "{err:?}");
        assert_eq!(parse("").unwrap().kind, Kind::Null);
        assert_eq!(parse("# only a comment\n").unwrap().kind, Kind::Null);
        assert!(parse("a: 1\n...\n").is_ok());
    }

    #[test]
    fn large_files_get_the_same_tree_and_errors_on_two_threads() {
        let mut doc = String::from("statuses:\n");
        for i in 0..12_000 {
            doc.push_str(&format!(
                "  s{i}: {{label: Status {i}, n: {i}, ok: true}}\n"
            ));
        }
        assert!(doc.len() >= PIPELINE_FROM);
        let tree = parse(&doc).unwrap();
        assert_eq!(tree.get("statuses").unwrap().entries().len(), 12_000);
        assert_eq!(tree, parse_with(&doc, false).unwrap());

        let duplicate = format!("{doc}  s5: {{label: again}}\n");
        let unclosed = format!("{doc}  s: \"unclosed\n");
        let early = format!("a: [\n{doc}");
        for text in [&duplicate, &unclosed, &early] {
            let threaded = parse_with(text, true).unwrap_err();
            assert_eq!(threaded, parse_with(text, false).unwrap_err());
        }
        let err = parse(&duplicate).unwrap_err();
        assert_eq!(
            (err.kind, err.pos.line),
            (SyntaxErrorKind::DuplicateKey, 12_002)
        );
        assert_eq!(parse(&unclosed).unwrap_err().kind, SyntaxErrorKind::Syntax);
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
