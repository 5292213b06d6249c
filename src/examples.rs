//! Guard examples: questions kept in the rule file with the answers the rules must give.
//!
//! Depends on the engine, the model and the loader's diagnostics (an example that fails is a
//! finding located in the file).

use crate::engine::Query;
use crate::load::codes::Code;
use crate::load::diag::Finding;
use crate::load::yaml::Pos;
use crate::model::rules::{Effect, Example, Rules, UnknownName};

/// The result of asking one example's question.
#[derive(Debug)]
pub struct Outcome<'r> {
    /// The example.
    pub example: &'r Example,
    /// The answer the rules gave, or why the question could not be asked.
    pub actual: Result<Effect, String>,
    /// Where the answer says the action moves the order (a status id), if anywhere.
    pub leads_to: Option<String>,
    /// The status the example's `leads_to` names, resolved to its id; `None` when the
    /// example does not say.
    pub expected_leads_to: Option<String>,
    /// Where a failure is shown: the `expect` value when the answer differs, the name or
    /// time that could not be read when the question could not be asked, else the
    /// example's first line.
    pub at: Pos,
}

impl Outcome<'_> {
    /// Whether the rules gave the expected answer (and, when the example says, lead
    /// where it expects).
    pub fn passed(&self) -> bool {
        self.actual
            .as_ref()
            .is_ok_and(|a| *a == self.example.expect)
            && (self.expected_leads_to.is_none() || self.expected_leads_to == self.leads_to)
    }

    /// The failure as a located finding, when it failed.
    pub fn finding(&self) -> Option<Finding> {
        let ex = self.example;
        let asked = match &ex.field {
            Some(f) => format!("`{}` × `{}` (field `{f}`)", ex.status, ex.action),
            None => format!("`{}` × `{}`", ex.status, ex.action),
        };
        let mut pos = self.at;
        pos.len = pos.len.max(1);
        match &self.actual {
            Ok(actual) if *actual == ex.expect && self.passed() => None,
            Ok(actual) if *actual == ex.expect => {
                let wanted = self.expected_leads_to.as_deref().unwrap_or_default();
                let got = match &self.leads_to {
                    Some(to) => format!("it leads to `{to}`"),
                    None => "it moves the order nowhere (or a guard lacks its fact)".to_string(),
                };
                Some(
                    Finding::new(
                        Code::ExampleFails,
                        pos,
                        format!("example {asked} expects the order to move to `{wanted}`, but {got}"),
                    )
                    .help("fix the transitions if they changed by mistake; otherwise update `leads_to` and bump `version`"),
                )
            }
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

/// What `portrules validate` reports for a file that loaded: each failing example at
/// its line, then the warnings. Empty when the file is clean.
pub fn diagnostics(loaded: &crate::load::Loaded, file: &str) -> Vec<crate::load::Diagnostic> {
    let lines = crate::load::diag::Lines::new(&loaded.text);
    let mut out: Vec<crate::load::Diagnostic> = run(&loaded.rules)
        .iter()
        .filter_map(|o| o.finding())
        .map(|f| f.locate(file, &lines))
        .collect();
    out.extend(loaded.warnings.iter().cloned());
    out
}

/// Asks every example's question.
///
/// ```
/// let rules = portrules::Rules::from_yaml_str(include_str!("../examples/due-date.yaml"))?;
/// let outcomes = portrules::examples::run(&rules);
/// assert!(!outcomes.is_empty());
/// assert!(outcomes.iter().all(|o| o.passed()));
/// # Ok::<(), portrules::LoadError>(())
/// ```
pub fn run(rules: &Rules) -> Vec<Outcome<'_>> {
    rules
        .examples
        .iter()
        .map(|example| {
            let known = |at: Pos| if at.is_known() { at } else { example.pos };
            let expected = example.leads_to.as_deref().map(|name| {
                rules
                    .status(name)
                    .map(|s| rules.statuses[s.0].id.to_string())
                    .map_err(|e| (e.to_string(), example.at.leads_to))
            });
            let expected_leads_to = match expected.transpose() {
                Ok(expected) => expected,
                Err((reason, at)) => {
                    return Outcome {
                        example,
                        actual: Err(format!("`leads_to`: {reason}")),
                        leads_to: None,
                        expected_leads_to: None,
                        at: known(at),
                    };
                }
            };
            match ask(rules, example) {
                Ok((answer, leads_to)) => {
                    let at = if answer == example.expect && expected_leads_to.is_some() {
                        example.at.leads_to
                    } else {
                        example.at.expect
                    };
                    Outcome {
                        example,
                        actual: Ok(answer),
                        leads_to,
                        expected_leads_to,
                        at: known(at),
                    }
                }
                Err((reason, at)) => Outcome {
                    example,
                    actual: Err(reason),
                    leads_to: None,
                    expected_leads_to,
                    at: known(at),
                },
            }
        })
        .collect()
}

/// The example's answer and where it leads, or why it cannot be asked and where the
/// reason stands.
fn ask(rules: &Rules, ex: &Example) -> Result<(Effect, Option<String>), (String, Pos)> {
    let mut query = Query::parse(rules, &ex.status, &ex.action, ex.field.as_deref()).map_err(
        |e: UnknownName| {
            let at = match e.kind {
                "status" => ex.at.status,
                "action" => ex.at.action,
                "field" => ex.at.field,
                _ => ex.pos,
            };
            (e.to_string(), at)
        },
    )?;
    for (name, value) in ex.facts.iter() {
        query = query
            .with_fact(rules, name, value)
            .map_err(|e| (e.to_string(), ex.pos))?;
    }
    if let Some(now) = &ex.now {
        let now = now
            .parse()
            .map_err(|_| (format!("`now` is not a date and time: `{now}`"), ex.at.now))?;
        query = query.at(now);
    }
    let decision = rules.decide(&query);
    Ok((decision.decision, decision.leads_to.map(str::to_string)))
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::model::rules::Rules;

    /// The line and column each extra example's failure is shown at.
    fn shown_at(extra: &str) -> Vec<(usize, usize, usize)> {
        let embedded = crate::model::embedded::default_policy().yaml;
        let yaml = format!("{embedded}{extra}");
        let rules = Rules::from_yaml_str(&yaml).unwrap();
        let first_extra = embedded.lines().count() + 1;
        run(&rules)
            .iter()
            .filter(|o| !o.passed())
            .map(|o| (o.at.line - first_extra, o.at.column, o.at.len))
            .collect()
    }

    #[test]
    fn a_failing_example_is_shown_at_the_value_that_fails() {
        let extra = "  - status: Processing
    action: view
    expect: deny
  - status: Processing
    action: veiw
    expect: allow
  - status: Transfer approved
    action: edit
    field: foc_dat
    expect: allow
  - status: Processng
    action: view
    expect: allow
  - status: Processing
    action: view
    now: tomorrow
    expect: allow
";
        assert_eq!(
            shown_at(extra),
            [(2, 13, 4), (4, 13, 4), (8, 12, 7), (10, 13, 9), (15, 10, 8)],
            "expect, action, field, status, now"
        );
    }
}
