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
    pub actual: Result<Effect, String>,
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
            actual: ask(rules, example),
        })
        .collect()
}

fn ask(rules: &Rules, ex: &Example) -> Result<Effect, String> {
    let mut query = Query::parse(rules, &ex.status, &ex.action, ex.field.as_deref())
        .map_err(|e: UnknownName| e.to_string())?;
    for (name, value) in ex.facts.iter() {
        query = query
            .with_fact(rules, name, value)
            .map_err(|e| e.to_string())?;
    }
    if let Some(now) = &ex.now {
        let now = now
            .parse()
            .map_err(|_| format!("`now` is not a date and time: `{now}`"))?;
        query = query.at(now);
    }
    Ok(rules.decide(&query).decision)
}
