//! The lifecycle: transitions between statuses, facts about an order, and the time
//! rules that move an order on their own (Transfer approved becomes Transfer pending
//! once the FOC date is less than 24 hours away).
//!
//! Conditions are data — a fact, a comparison, and a value or "now ± duration" — never
//! code to evaluate.
//!
//! Depends only on the model's text type.

use std::cmp::Ordering;
use std::fmt;

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::model::text::Text;

/// The type of a fact's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactType {
    /// An instant, written in RFC 3339 (`2026-11-27T09:00:00Z`).
    Datetime,
    /// A length of time (`24h`, `90m`, `1h 30m`).
    Duration,
    /// A number.
    Number,
    /// Text.
    String,
}

impl FactType {
    /// `datetime`, `duration`, `number` or `string`.
    pub fn as_str(self) -> &'static str {
        match self {
            FactType::Datetime => "datetime",
            FactType::Duration => "duration",
            FactType::Number => "number",
            FactType::String => "string",
        }
    }

    /// Parses a value written as this type.
    pub fn parse(self, text: &str) -> Result<FactValue, String> {
        let text = text.trim();
        match self {
            FactType::Datetime => text.parse::<Timestamp>().map(FactValue::Datetime).map_err(|_| {
                format!("`{text}` is not a date and time; write it in RFC 3339, e.g. `2026-11-27T09:00:00Z`")
            }),
            FactType::Duration => parse_duration(text).map(FactValue::Duration),
            FactType::Number => text
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(FactValue::Number)
                .ok_or_else(|| format!("`{text}` is not a number")),
            FactType::String => Ok(FactValue::String(text.to_string())),
        }
    }
}

/// Parses a duration such as `24h`, `90m`, `1h30m` or `2 days`.
pub fn parse_duration(text: &str) -> Result<SignedDuration, String> {
    text.trim()
        .parse::<SignedDuration>()
        .map_err(|_| format!("`{text}` is not a duration; write e.g. `24h`, `90m` or `1h 30m`"))
}

/// A fact's value.
#[derive(Clone, Debug, PartialEq)]
pub enum FactValue {
    /// An instant.
    Datetime(Timestamp),
    /// A length of time.
    Duration(SignedDuration),
    /// A number.
    Number(f64),
    /// Text.
    String(String),
}

impl FactValue {
    fn compare(&self, other: &FactValue) -> Option<Ordering> {
        match (self, other) {
            (FactValue::Datetime(a), FactValue::Datetime(b)) => Some(a.cmp(b)),
            (FactValue::Duration(a), FactValue::Duration(b)) => Some(a.cmp(b)),
            (FactValue::Number(a), FactValue::Number(b)) => a.partial_cmp(b),
            (FactValue::String(a), FactValue::String(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Datetime(t) => write!(f, "{t}"),
            FactValue::Duration(d) => write!(f, "{d:#}"),
            FactValue::Number(n) => write!(f, "{n}"),
            FactValue::String(s) => write!(f, "{s}"),
        }
    }
}

/// A comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Less than.
    Lt,
    /// At most.
    Le,
    /// Greater than.
    Gt,
    /// At least.
    Ge,
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
}

impl Op {
    /// Parses `lt`, `le`, `gt`, `ge`, `eq`, `ne`.
    pub fn parse(text: &str) -> Option<Op> {
        Some(match text {
            "lt" => Op::Lt,
            "le" => Op::Le,
            "gt" => Op::Gt,
            "ge" => Op::Ge,
            "eq" => Op::Eq,
            "ne" => Op::Ne,
            _ => return None,
        })
    }

    fn holds(self, ordering: Ordering) -> bool {
        match self {
            Op::Lt => ordering == Ordering::Less,
            Op::Le => ordering != Ordering::Greater,
            Op::Gt => ordering == Ordering::Greater,
            Op::Ge => ordering != Ordering::Less,
            Op::Eq => ordering == Ordering::Equal,
            Op::Ne => ordering != Ordering::Equal,
        }
    }

    /// The comparison in words, for sentences: "is before", "is at least"...
    pub fn words(self, datetime: bool) -> &'static str {
        match (self, datetime) {
            (Op::Lt, true) => "is before",
            (Op::Le, true) => "is at or before",
            (Op::Gt, true) => "is after",
            (Op::Ge, true) => "is at or after",
            (Op::Lt, false) => "is less than",
            (Op::Le, false) => "is at most",
            (Op::Gt, false) => "is more than",
            (Op::Ge, false) => "is at least",
            (Op::Eq, _) => "is",
            (Op::Ne, _) => "is not",
        }
    }

    /// The comparison as a symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Eq => "=",
            Op::Ne => "!=",
        }
    }
}

/// What a fact is compared with.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// A fixed value, as written in the rule file.
    Value(Text),
    /// The current time shifted by a duration (negative for `now_minus`).
    Now(SignedDuration),
}

/// A comparison of a fact with an operand.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    /// The fact's id.
    pub fact: Text,
    /// The comparison.
    pub op: Op,
    /// What the fact is compared with.
    pub operand: Operand,
}

impl Condition {
    /// Whether the condition holds for `value` at `now`; `None` when the two cannot
    /// be compared (the rule file's checks prevent that for declared facts).
    pub fn holds(&self, fact_type: FactType, value: &FactValue, now: Timestamp) -> Option<bool> {
        let operand = match &self.operand {
            Operand::Value(text) => fact_type.parse(text).ok()?,
            Operand::Now(shift) => FactValue::Datetime(now.checked_add(*shift).ok()?),
        };
        value.compare(&operand).map(|o| self.op.holds(o))
    }

    /// The operand in words: `now + 24h`, or the value.
    pub fn operand_text(&self) -> Text {
        match &self.operand {
            Operand::Value(v) => v.clone(),
            Operand::Now(d) if d.is_negative() => format!("now - {:#}", d.abs()).into(),
            Operand::Now(d) => format!("now + {d:#}").into(),
        }
    }
}

/// What moves an order along a transition.
#[derive(Clone, Debug, PartialEq)]
pub enum Trigger {
    /// Taking an action of the table.
    Action(Text),
    /// Something that happens outside the table.
    Event(Text),
    /// A condition on a fact that starts to hold.
    When(Condition),
}

/// Whether the source document states a transition or we inferred it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Stated by the source.
    Stated,
    /// Our reading of the source.
    Inferred,
}

/// One way out of a status.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    /// Target status id.
    pub to: Text,
    /// What moves the order.
    pub trigger: Trigger,
    /// Stated or inferred.
    pub source: Source,
    /// For time rules: the reason given in answers.
    pub because: Option<Text>,
    /// For a transition taken on an action or event: a condition that must hold as
    /// well. A status's transitions on one trigger are tried in order and the first
    /// whose guard holds (or that has none) is taken; the last has none.
    pub guard: Option<Condition>,
}

impl Transition {
    /// Whether taking `action` may move the order along this transition.
    pub fn on_action(&self, action: &str) -> bool {
        matches!(&self.trigger, Trigger::Action(a) if a == action)
    }
}

/// A fact a query can supply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactDecl {
    /// Id, e.g. `foc_date`.
    pub id: Text,
    /// Name as people say it.
    pub label: Text,
    /// Value type.
    #[serde(rename = "type")]
    pub kind: FactType,
    /// What it holds.
    pub description: Option<Text>,
    /// What an answer does when a time rule needs this fact and the query lacks it.
    pub if_missing: IfMissing,
}

/// What a missing fact means, when the answer depends on it (the status a time rule
/// could move the order to answers otherwise than the stated one). When both statuses
/// give the same answer, the query is answered whatever this says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IfMissing {
    /// Answer for the stated status, with a warning (the default, and what files
    /// without `if_missing` always meant).
    #[default]
    Warn,
    /// Deny, saying which fact was missing.
    Deny,
    /// Refuse to answer: the caller must give the fact.
    Error,
}

impl FactType {
    /// A value of this type, for help lines.
    pub fn example(self) -> &'static str {
        match self {
            FactType::Datetime => "2026-11-27T09:00:00Z",
            FactType::Duration => "24h",
            FactType::Number => "3",
            FactType::String => "text",
        }
    }
}

impl IfMissing {
    /// `warn`, `deny` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            IfMissing::Warn => "warn",
            IfMissing::Deny => "deny",
            IfMissing::Error => "error",
        }
    }
}

/// An event outside the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventDecl {
    /// Id, e.g. `carrier_accepted`.
    pub id: Text,
    /// Name as people say it.
    pub label: Text,
    /// What happens.
    pub description: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn time_conditions_compare_with_now_plus_a_duration() {
        let c = Condition {
            fact: "foc_date".into(),
            op: Op::Lt,
            operand: Operand::Now(parse_duration("24h").unwrap()),
        };
        let now = ts("2026-11-26T12:00:00Z");
        let at = |s| FactValue::Datetime(ts(s));
        assert_eq!(
            c.holds(FactType::Datetime, &at("2026-11-27T11:59:00Z"), now),
            Some(true)
        );
        assert_eq!(
            c.holds(FactType::Datetime, &at("2026-11-27T12:00:00Z"), now),
            Some(false)
        );
        assert_eq!(
            c.holds(FactType::Datetime, &at("2026-11-27T12:01:00Z"), now),
            Some(false)
        );
        assert_eq!(c.operand_text(), "now + 24h");
    }

    #[test]
    fn values_parse_by_type() {
        assert!(
            FactType::Datetime
                .parse("2026-11-27T09:00:00+02:00")
                .is_ok()
        );
        assert!(FactType::Datetime.parse("tomorrow").is_err());
        assert_eq!(
            FactType::Duration.parse("90m"),
            Ok(FactValue::Duration(SignedDuration::from_mins(90)))
        );
        assert!(FactType::Number.parse("NaN").is_err());
        assert_eq!(FactType::Number.parse("3.5"), Ok(FactValue::Number(3.5)));
    }
}
