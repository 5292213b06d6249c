//! Building the node tree from the parser's events: collections, keys, anchors and
//! aliases, merge keys, and the limits on nodes and alias copies that keep hostile
//! input cheap. Depends on the node types and scalar resolution beside it.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use granit_parser::{Event, ScalarStyle, Span};

use super::scalar::resolve_plain;
use super::{
    Entry, Kind, MAX_ALIAS_NODES, MAX_ALIASES, MAX_DEPTH, MAX_NODES, Node, Pos, SyntaxError,
    SyntaxErrorKind, limit, pos_of, syntax, unsupported_tag,
};

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
pub(super) struct Builder {
    stack: Vec<Open>,
    pub(super) root: Option<Node>,
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
    pub(super) fn event(&mut self, event: Event<'_>, span: &Span) -> Result<bool, SyntaxError> {
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

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

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
}
