//! The status page's context: the table as the source shows it (Yes / No / what a
//! limited cell allows), footnotes for caveats, and a section per status.
//!
//! Depends on the model and the table, diagram and words beside it.

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::table::Table;
use super::{Page, Source, header};
use crate::model::rules::Effect;

pub(super) fn context(source: &Source<'_>, page: Page) -> Value {
    let rules = &*source.rules;
    let table = Table::new(source.rules.clone());
    let examples: Vec<Value> = rules
        .examples
        .iter()
        .map(|ex| {
            let status = rules
                .status(&ex.status)
                .ok()
                .map(|s| rules.statuses[s.0].label.as_ref());
            let action = rules
                .action(&ex.action)
                .ok()
                .map(|a| rules.actions[a.0].label.as_ref());
            let field = ex.field.as_deref().map(|f| {
                rules
                    .field(f)
                    .map_or(f, |id| rules.fields[id.0].label.as_ref())
            });
            let answer = match ex.expect {
                Effect::Allow => "allowed",
                Effect::Deny => "not allowed",
                Effect::Limited => "allowed for some fields only",
            };
            let action_label = action.unwrap_or(&ex.action);
            let asked = match field {
                Some(f) => format!("{action_label} of the {f}"),
                None => action_label.to_string(),
            };
            let moves = (ex.leads_to.as_deref())
                .map(|to| {
                    let to = rules
                        .status(to)
                        .map_or(to, |s| rules.statuses[s.0].label.as_ref());
                    format!(" and moves the order to {to}")
                })
                .unwrap_or_default();
            // The facts an example relies on belong in its sentence: without its FOC
            // date, "Transfer approved: Cancel is not allowed" reads as if it
            // contradicted the table.
            let facts: Vec<(String, String)> = ex
                .facts
                .iter()
                .map(|(name, value)| {
                    // The same lookup as a query's (id or label, normalized).
                    let label = rules
                        .fact(name)
                        .map_or(name.to_string(), |i| rules.facts[i].label.to_string());
                    (label, value.to_string())
                })
                .collect();
            let mut given: Vec<String> = facts
                .iter()
                .map(|(label, value)| format!("{label} {value}"))
                .collect();
            if let Some(now) = &ex.now {
                given.push(format!("asked at {now}"));
            }
            let with = match (facts.is_empty(), given.is_empty()) {
                (_, true) => String::new(),
                (false, false) => format!(", with {}", given.join(", ")),
                (true, false) => format!(", {}", given.join(", ")),
            };
            let sentence = format!(
                "{}{with}: {asked} is {answer}{moves}.",
                status.unwrap_or(&ex.status)
            );
            let facts: Vec<Value> = facts
                .into_iter()
                .map(|(label, value)| context! { label => label, value => value })
                .collect();
            context! {
                status => status.unwrap_or(&ex.status),
                action => action_label,
                field => field,
                expect => ex.expect.as_str(),
                why => &ex.why,
                facts => facts,
                now => &ex.now,
                sentence => sentence,
            }
        })
        .collect();
    context! {
        diagram => super::diagram::mermaid(rules),
        time_rules => super::diagram::time_rules(rules),
        guards => super::diagram::guards(rules),
        examples => examples,
        rules => context! {
            name => &rules.name,
            version => &rules.version,
            title => &rules.title,
            description => &rules.description,
        },
        actions => Value::from(Serde(&rules.actions)),
        fields => Value::from(Serde(&rules.fields)),
        statuses => table.statuses(),
        footnotes => table.footnotes(),
        ..header(
            page,
            source.path,
            Some(&rules.version),
            source.selector,
            source.target
        )
    }
}
