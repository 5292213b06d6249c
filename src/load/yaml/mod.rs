//! The YAML front end: text to a position-carrying node tree, with hard resource limits.
//!
//! Every node remembers where it stands in the file, so that later stages (schema
//! validation, semantic checks) can point at the exact line and column of a problem.
//!
//! Depends only on the model's positions: the reader knows nothing of the rule format.

pub mod advice;
mod build;
use build::Builder;
mod scalar;
use scalar::yaml_float;

use std::collections::HashMap;

use std::sync::mpsc;

use granit_parser::{Event, Options, Parser, ScanError, Span, StrInput, Tag};
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
