//! Turns a YAML tree into [`Rules`] and reports what the schema cannot express:
//! missing and undeclared cells, undeclared fields, clashing labels, the format version.
//!
//! The schema has usually run first, but this stage does not rely on it: wherever a
//! node has the wrong shape it is skipped (the schema reports it) and no rules result.
//!
//! Depends on the node tree, the diagnostics and the model; never on the schema validator.

mod cells;
mod examples;
mod lifecycle;

use std::collections::{HashMap, HashSet};

use crate::load::codes::Code;
use crate::load::diag::{Finding, Findings, len_of};
use crate::load::yaml::{Entry, Kind, Node, Pos};
use crate::model::names::normalize;
use crate::model::rules::{Action, Field, Rules, SUPPORTED_SCHEMA_VERSIONS, Status, Text};
use cells::FieldSet;
use examples::examples;

/// Refuses a file written for a format this build does not read.
pub fn check_schema_version(root: &Node) -> Vec<Finding> {
    let Some(entry) = root.entry("schema_version") else {
        return Vec::new();
    };
    let found = match entry.value.kind {
        Kind::Int(found) => found,
        // `1.0` passes the schema's `integer` (JSON counts 1.0 as one), but a format
        // version is a whole number: say so where it is written.
        Kind::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            let mut pos = entry.value.pos;
            pos.len = pos.len.max(1);
            return vec![
                Finding::new(
                    Code::WrongType,
                    pos,
                    format!("`schema_version` must be a whole number, not the number {f:?}"),
                )
                .help(format!("write `schema_version: {}`", f as i64)),
            ];
        }
        _ => return Vec::new(),
    };
    let (min, max) = (
        *SUPPORTED_SCHEMA_VERSIONS.start(),
        *SUPPORTED_SCHEMA_VERSIONS.end(),
    );
    if found < 1 || u64::try_from(found).is_ok_and(|v| SUPPORTED_SCHEMA_VERSIONS.contains(&v)) {
        return Vec::new();
    }
    let reads = if min == max {
        format!("format {max}")
    } else {
        format!("formats {min} to {max}")
    };
    vec![
        Finding::new(
            Code::UnsupportedSchemaVersion,
            len_of(entry.value.pos, &found.to_string()),
            format!(
                "this file is written for rule format {found}, but this build of portrules reads {reads}"
            ),
        )
        .help(format!(
            "upgrade portrules to a release that reads format {found}, or rewrite the file for format {max}"
        )),
    ]
}

/// Builds the rules, or reports why they cannot be built: at most `cap` findings are
/// worked out in full, the rest only counted.
pub fn compile(root: &Node, cap: usize) -> (Option<Rules>, Findings) {
    let mut c = Compiler {
        findings: Findings::with_cap(cap),
        ..Compiler::default()
    };
    let actions = c.actions(root);
    let fields = c.fields(root);
    let statuses = c.statuses(root, &actions, &fields);
    let text = |key: &str| root.get(key).and_then(Node::as_str).map(owned);
    let schema_version = match root.get("schema_version").map(|n| &n.kind) {
        Some(Kind::Int(v)) => u64::try_from(*v).ok(),
        _ => None,
    };
    let rules = match (
        c.findings.is_empty() && !c.broken,
        schema_version,
        text("name"),
        text("version"),
        text("title"),
    ) {
        (true, Some(schema_version), Some(name), Some(version), Some(title)) => Some(Rules {
            schema_version,
            name,
            version,
            title,
            description: text("description"),
            actions: actions.into_iter().map(|(a, _)| a).collect(),
            fields: fields.into_iter().map(|(f, _)| f).collect(),
            statuses: statuses.into(),
            examples: examples(root).into(),
            facts: Vec::new().into(),
            events: Vec::new().into(),
            initial: Default::default(),
            // The loader names the file.
            source: Text::Borrowed(""),
        }),
        _ => None,
    };
    // The lifecycle refers to statuses and actions, so it is read once they are sound.
    let rules = rules.and_then(|mut rules| {
        c.findings.append(crate::load::compile::lifecycle::compile(
            root, &mut rules, cap,
        ));
        c.findings.is_empty().then_some(rules)
    });
    (rules, c.findings)
}

/// Text of the rule model copied out of the YAML tree.
fn owned(text: &str) -> Text {
    Text::Owned(text.to_string())
}

#[derive(Default)]
struct Compiler {
    findings: Findings,
    /// Set when a node had the wrong shape: the schema reports it, but no rules result.
    broken: bool,
    /// Every key under `actions`, complete or not: a cell for an action whose
    /// declaration is broken is not also "undeclared".
    declared_actions: Vec<String>,
    /// The same, for constant-time lookups.
    declared_set: HashSet<String>,
}

impl Compiler {
    fn text(&mut self, node: &Node, key: &str) -> Option<Text> {
        let value = node.get(key).and_then(Node::as_str).map(owned);
        if value.is_none() {
            self.broken = true;
        }
        value
    }

    fn optional_text(&mut self, node: &Node, key: &str) -> Option<Text> {
        match node.get(key) {
            None => None,
            Some(n) => {
                if n.as_str().is_none() {
                    self.broken = true;
                }
                n.as_str().map(owned)
            }
        }
    }

    fn mapping<'a>(&mut self, node: Option<&'a Node>) -> &'a [Entry] {
        match node {
            Some(n) if matches!(n.kind, Kind::Map(_)) => n.entries(),
            Some(_) => {
                self.broken = true;
                &[]
            }
            None => &[],
        }
    }

    fn actions<'a>(&mut self, root: &'a Node) -> Vec<(Action, &'a Entry)> {
        let entries = self.mapping(root.get("actions"));
        self.declared_actions = entries.iter().map(|e| e.key.clone()).collect();
        self.declared_set = self.declared_actions.iter().cloned().collect();
        let mut actions: Vec<(Action, &Entry)> = Vec::new();
        for entry in entries {
            let (Some(label), Some(question)) = (
                self.text(&entry.value, "label"),
                self.text(&entry.value, "question"),
            ) else {
                continue;
            };
            let description = self.optional_text(&entry.value, "description");
            let flag = |key: &str| {
                matches!(
                    entry.value.get(key).map(|n| &n.kind),
                    Some(Kind::Bool(true))
                )
            };
            actions.push((
                Action {
                    id: entry.key.clone().into(),
                    label,
                    question,
                    description,
                    moves: flag("moves"),
                    read_only: flag("read_only"),
                },
                entry,
            ));
        }
        let names: Vec<(&str, &str, &Entry)> = actions
            .iter()
            .map(|(a, e)| (a.id.as_ref(), a.label.as_ref(), *e))
            .collect();
        self.unique_names("action", Code::DuplicateActionLabel, &names);
        actions
    }

    fn fields<'a>(&mut self, root: &'a Node) -> Vec<(Field, &'a Entry)> {
        let entries = self.mapping(root.get("fields"));
        let mut fields: Vec<(Field, &Entry)> = Vec::new();
        for entry in entries {
            let Some(label) = self.text(&entry.value, "label") else {
                continue;
            };
            let description = self.optional_text(&entry.value, "description");
            fields.push((
                Field {
                    id: entry.key.clone().into(),
                    label,
                    description,
                },
                entry,
            ));
        }
        let names: Vec<(&str, &str, &Entry)> = fields
            .iter()
            .map(|(f, e)| (f.id.as_ref(), f.label.as_ref(), *e))
            .collect();
        self.unique_names("field", Code::AmbiguousName, &names);
        fields
    }

    fn statuses(
        &mut self,
        root: &Node,
        actions: &[(Action, &Entry)],
        fields: &[(Field, &Entry)],
    ) -> Vec<Status> {
        let entries = self.mapping(root.get("statuses"));
        let fields = &FieldSet {
            list: fields,
            ids: fields.iter().map(|(f, _)| f.id.as_ref()).collect(),
        };
        let mut statuses = Vec::new();
        let mut names: Vec<(&str, &str, &Entry)> = Vec::new();
        for entry in entries {
            let node = &entry.value;
            let label = self.text(node, "label");
            let description = self.text(node, "description");
            let cells = self.cells(entry, actions, fields);
            if let Some(shown) = node.get("label").and_then(Node::as_str) {
                names.push((entry.key.as_str(), shown, entry));
            }
            if let (Some(label), Some(description), Some(cells)) = (label, description, cells) {
                statuses.push(Status {
                    id: entry.key.clone().into(),
                    label,
                    description,
                    cells: cells.into(),
                    transitions: Vec::new().into(),
                });
            } else {
                // A status that could not be built is still declared: checks that look
                // it up (the lifecycle's) would call it undeclared, so none run.
                self.broken = true;
            }
        }
        self.unique_names("status", Code::DuplicateStatusLabel, &names);
        statuses
    }

    /// Labels must be unique, and no id may read as another entry's label: either would
    /// make a query by name ambiguous. Linear: rule files may have thousands of statuses.
    fn unique_names(&mut self, kind: &str, duplicate: Code, names: &[(&str, &str, &Entry)]) {
        let labels: Vec<String> = names.iter().map(|(_, l, _)| normalize(l)).collect();
        let mut first_with_label: HashMap<&str, usize> = HashMap::with_capacity(names.len());
        let mut label_count: HashMap<&str, usize> = HashMap::with_capacity(names.len());
        for label in &labels {
            *label_count.entry(label.as_str()).or_default() += 1;
        }
        for (i, ((id, label, entry), norm_label)) in names.iter().zip(&labels).enumerate() {
            let label_pos = entry
                .value
                .entry("label")
                .map_or(entry.key_pos, |e| len_of(e.value.pos, label));
            if let Some(&first) = first_with_label.get(norm_label.as_str()) {
                let (other_id, _, other) = names[first];
                self.findings.push(
                    Finding::new(
                        duplicate,
                        label_pos,
                        format!(
                            "{kind} `{id}` has the label `{label}`, which {kind} `{other_id}` already uses"
                        ),
                    )
                    .help(format!(
                        "labels are compared ignoring case, spaces, `_` and `-`; `{other_id}` is at line {}: give one of them another label",
                        other.key_pos.line
                    )),
                );
                continue;
            }
            first_with_label.insert(norm_label, i);
        }
        for (id, _, entry) in names {
            let norm_id = normalize(id);
            // A clash with a label that is itself duplicated was reported above.
            if label_count.get(norm_id.as_str()) != Some(&1) {
                continue;
            }
            let Some(&other) = first_with_label.get(norm_id.as_str()) else {
                continue;
            };
            let (other_id, other_label, _) = names[other];
            if other_id == *id {
                continue;
            }
            self.findings.push(
                Finding::new(
                    Code::AmbiguousName,
                    len_of(entry.key_pos, id),
                    format!(
                        "{kind} id `{id}` reads the same as the label `{other_label}` of {kind} `{other_id}`"
                    ),
                )
                .help("a query by that name could mean either; rename the id or the label"),
            );
        }
    }
}

/// Where the text value under `key` stands, the length of the text included; unknown
/// when there is none.
fn value_at(node: &Node, key: &str) -> Pos {
    node.get(key)
        .and_then(|v| Some(len_of(v.pos, v.as_str()?)))
        .unwrap_or_default()
}

/// Names in backticks, the first few of them: a help line stays one readable line
/// however many names there are.
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    const SHOWN: usize = 12;
    let mut shown = Vec::new();
    let mut rest = 0;
    for item in items {
        if shown.len() < SHOWN {
            shown.push(format!("`{item}`"));
        } else {
            rest += 1;
        }
    }
    if rest > 0 {
        shown.push(format!("and {rest} more"));
    }
    shown.join(", ")
}
