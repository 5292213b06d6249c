//! The rule model: a validated table of statuses × actions, and name lookups in it.
//!
//! A [`Rules`] value only exists once its file has passed every check (YAML, schema,
//! semantics), so nothing downstream re-validates. The ways to get one (a file, text,
//! the built-in rules) belong to the loader (`src/load/`): the model does not depend
//! on it.

use serde::Serialize;

use crate::model::lifecycle::{EventDecl, FactDecl, Transition};
use crate::model::names::same;

/// The rule-file format versions this build reads.
pub const SUPPORTED_SCHEMA_VERSIONS: std::ops::RangeInclusive<u64> = 1..=1;

/// What [`Rules::source`] says for the rules compiled into the binary.
pub const BUILT_IN: &str = "built-in";

/// 64-bit FNV-1a, usable in constants.
pub const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

pub use crate::model::text::{List, Text};

/// What a cell decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    /// The action may be taken.
    Allow,
    /// The action may not be taken.
    Deny,
    /// The action may be taken, but only on the cell's fields.
    Limited,
}

impl Effect {
    /// `allow`, `deny` or `limited`.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "allow",
            Effect::Deny => "deny",
            Effect::Limited => "limited",
        }
    }

    /// Whether the action may be taken at all (fully or on some fields).
    pub fn permits(self) -> bool {
        !matches!(self, Effect::Deny)
    }
}

impl std::fmt::Display for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A column of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    /// Machine id, e.g. `cancel`.
    pub id: Text,
    /// Name as people say it, e.g. `Cancel`.
    pub label: Text,
    /// The column's question, e.g. `Can you cancel the order?`.
    pub question: Text,
    /// What the action does.
    pub description: Option<Text>,
    /// Whether taking it moves the order to another status (like cancel).
    pub moves: bool,
    /// Whether it changes nothing (like view).
    pub read_only: bool,
}

/// A part of an order that a `limited` cell can allow to be changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Machine id, e.g. `foc_date`.
    pub id: Text,
    /// Name as people say it.
    pub label: Text,
    /// What the field holds.
    pub description: Option<Text>,
}

/// One answer of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The decision.
    pub decision: Effect,
    /// With `limited`: the field ids that may be changed.
    pub fields: List<Text>,
    /// A caveat.
    pub note: Option<Text>,
    /// Ways out when denied.
    pub remedy: List<Text>,
    /// Acknowledged warnings: name and reason.
    #[serde(skip)]
    pub allow_warnings: List<(Text, Text)>,
}

/// A row of the table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Status {
    /// Machine id, e.g. `transfer_approved`.
    pub id: Text,
    /// Name as admins see it, e.g. `Transfer approved`.
    pub label: Text,
    /// What the status means.
    pub description: Text,
    /// One cell per action, in the order of [`Rules::actions`].
    pub cells: List<Cell>,
    /// The ways out of this status; none for a final status.
    #[serde(skip)]
    pub transitions: List<Transition>,
}

/// A question with the answer the rules must give, kept in the rule file as a guard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Example {
    /// Status, by id or label.
    pub status: Text,
    /// Action, by id or label.
    pub action: Text,
    /// Field asked about, if any.
    pub field: Option<Text>,
    /// The expected decision.
    pub expect: Effect,
    /// The status the action must move the order to, by id or label, when the example
    /// says so (checked with the decision).
    pub leads_to: Option<Text>,
    /// Why, for readers.
    pub why: Option<Text>,
    /// Facts about the order, by fact id or label, with their values as written.
    pub facts: List<(Text, Text)>,
    /// The time the question is asked at, as written (RFC 3339).
    pub now: Option<Text>,
    /// Where the example stands in its file.
    #[serde(skip)]
    pub pos: crate::model::pos::Pos,
    /// Where its values stand, so that a problem with one of them is shown there.
    #[serde(skip)]
    pub at: ExampleAt,
}

/// Where the values of an [`Example`] stand in its file; unknown (line 0) when absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExampleAt {
    /// The `status` value.
    pub status: crate::model::pos::Pos,
    /// The `action` value.
    pub action: crate::model::pos::Pos,
    /// The `field` value.
    pub field: crate::model::pos::Pos,
    /// The `expect` value.
    pub expect: crate::model::pos::Pos,
    /// The `now` value.
    pub now: crate::model::pos::Pos,
    /// The `leads_to` value.
    pub leads_to: crate::model::pos::Pos,
}

/// A loaded, fully validated rule file.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    /// The rule-file format version.
    pub schema_version: u64,
    /// The policy's machine name.
    pub name: Text,
    /// The policy's semantic version.
    pub version: Text,
    /// The documentation page's title.
    pub title: Text,
    /// The documentation page's introduction.
    pub description: Option<Text>,
    /// The columns, in order.
    pub actions: List<Action>,
    /// The editable fields, in order.
    pub fields: List<Field>,
    /// The rows, in order.
    pub statuses: List<Status>,
    /// Guard examples; `portrules validate` and `portrules test` check them.
    pub examples: List<Example>,
    /// Facts a query can supply, for time rules.
    pub facts: List<FactDecl>,
    /// Events outside the table that move orders.
    pub events: List<EventDecl>,
    /// The statuses new orders start in (one, or several when orders enter at different
    /// points), when the file describes a lifecycle; empty when it does not.
    pub initial: List<Text>,
    /// Where the rules were read from: the file as it was named, or `built-in` for the
    /// rules compiled into the binary. Every answer reports it.
    pub source: Text,
}

/// Index of a status in [`Rules::statuses`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatusId(pub usize);

/// Index of an action in [`Rules::actions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ActionId(pub usize);

/// Index of a field in [`Rules::fields`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldId(pub usize);

/// How many known names an [`UnknownName`] lists: enough to show what names look
/// like, without copying a table of thousands for every misspelt request.
pub const KNOWN_LISTED: usize = 20;

/// A name that matches nothing in the rules.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{name}`{}", .suggestion.as_ref().map(|s| format!(": did you mean `{s}`?")).unwrap_or_default())]
pub struct UnknownName {
    /// `status`, `action` or `field`.
    pub kind: &'static str,
    /// What was asked for.
    pub name: String,
    /// The closest known name, if any is close.
    pub suggestion: Option<String>,
    /// The first known names (labels), for listing: at most `KNOWN_LISTED` (20).
    pub known: Vec<String>,
    /// How many names are known in all.
    pub known_count: usize,
}

impl Rules {
    /// The status with this id or label (case, spaces, `_` and `-` ignored).
    pub fn status(&self, name: &str) -> Result<StatusId, UnknownName> {
        find(
            "status",
            name,
            self.statuses.iter().map(|s| (&s.id[..], &s.label[..])),
        )
        .map(StatusId)
    }

    /// The action with this id or label.
    pub fn action(&self, name: &str) -> Result<ActionId, UnknownName> {
        find(
            "action",
            name,
            self.actions.iter().map(|a| (&a.id[..], &a.label[..])),
        )
        .map(ActionId)
    }

    /// The field with this id or label.
    pub fn field(&self, name: &str) -> Result<FieldId, UnknownName> {
        find(
            "field",
            name,
            self.fields.iter().map(|f| (&f.id[..], &f.label[..])),
        )
        .map(FieldId)
    }

    /// The fact with this id or label.
    pub fn fact(&self, name: &str) -> Result<usize, UnknownName> {
        find(
            "fact",
            name,
            self.facts.iter().map(|f| (&f.id[..], &f.label[..])),
        )
    }

    /// The index of the status with exactly this id.
    pub fn status_index(&self, id: &str) -> Option<StatusId> {
        self.statuses.iter().position(|s| s.id == id).map(StatusId)
    }

    /// Whether a status has no way out.
    pub fn is_final(&self, status: StatusId) -> bool {
        !self.initial.is_empty() && self.statuses[status.0].transitions.is_empty()
    }

    /// The cell for a status and an action.
    pub fn cell(&self, status: StatusId, action: ActionId) -> &Cell {
        &self.statuses[status.0].cells[action.0]
    }
}

fn find<'a>(
    kind: &'static str,
    name: &str,
    entries: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Result<usize, UnknownName> {
    if let Some(i) = entries
        .clone()
        .position(|(id, label)| same(id, name) || same(label, name))
    {
        return Ok(i);
    }
    Err(unknown_name(kind, name, entries))
}

/// The error for `name`, known to match none of `entries`: the closest entry as a
/// suggestion, and the first few labels.
pub(crate) fn unknown_name<'a>(
    kind: &'static str,
    name: &str,
    entries: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> UnknownName {
    // Someone typing an id-like name is shown an id; someone typing words, a label.
    let candidates = entries.clone().flat_map(|(id, label)| [label, id]);
    UnknownName {
        kind,
        name: name.to_string(),
        suggestion: crate::model::names::suggest(name, candidates).map(str::to_string),
        known: (entries.clone())
            .take(KNOWN_LISTED)
            .map(|(_, label)| label.to_string())
            .collect(),
        known_count: entries.count(),
    }
}
