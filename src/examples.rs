//! Guard examples: questions kept in the rule file with the answers the rules must give.

use crate::codes::Code;
use crate::diag::Finding;
use crate::engine::Query;
use crate::rules::{Effect, Example, Rules, UnknownName};

/// The result of asking one example's question.
#[derive(Debug)]
pub struct Outcome<'r> {
    /// The example.
    pub example: &'r Example,
    /// The answer the rules gave, or why the question could not be asked.
    pub actual: Result<Effect, UnknownName>,
}

impl Outcome<'_> {
    /// Whether the rules gave the expected answer.
    pub fn passed(&self) -> bool {
        self.actual
            .as_ref()
            .is_ok_and(|a| *a == self.example.expect)
    }

    /// The failure as a located finding, when it failed.
    pub fn finding(&self) -> Option<Finding> {
        let ex = self.example;
        let asked = match &ex.field {
            Some(f) => format!("`{}` × `{}` (field `{f}`)", ex.status, ex.action),
            None => format!("`{}` × `{}`", ex.status, ex.action),
        };
        let mut pos = ex.pos;
        pos.len = pos.len.max(1);
        match &self.actual {
            Ok(actual) if *actual == ex.expect => None,
            Ok(actual) => Some(
                Finding::new(
                    Code::ExampleFails,
                    pos,
                    format!("example {asked} expects `{}`, but the rules answer `{actual}`", ex.expect),
                )
                .help("fix the cell if the table changed by mistake; otherwise update `expect` and bump `version`"),
            ),
            Err(e) => Some(Finding::new(
                Code::ExampleUnknownName,
                pos,
                format!("example {asked} cannot be asked: {e}"),
            )),
        }
    }
}

/// Asks every example's question.
pub fn run(rules: &Rules) -> Vec<Outcome<'_>> {
    rules
        .examples
        .iter()
        .map(|example| Outcome {
            example,
            actual: Query::parse(
                rules,
                &example.status,
                &example.action,
                example.field.as_deref(),
            )
            .map(|q| rules.decide(&q).decision),
        })
        .collect()
}
