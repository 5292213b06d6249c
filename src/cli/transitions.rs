//! `portrules transitions`: the ways out of each status (or one), and what takes them.
//!
//! Depends on the model and terminal padding.

use std::io;

use serde::Serialize;

use super::{Format, Global, Io, report_unknown};
use crate::cli::exit::Exit;
use crate::host::terminal::pad;
use crate::model::lifecycle::{Source, Transition, Trigger};
use crate::model::rules::{Rules, Status};

/// Arguments of `portrules transitions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this status (by id or label)
    #[arg(long, value_name = "S")]
    status: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub(super) format: Format,
}

#[derive(Serialize)]
struct Row<'r> {
    status: &'r str,
    label: &'r str,
    initial: bool,
    #[serde(rename = "final")]
    is_final: bool,
    transitions: Vec<Way<'r>>,
}

#[derive(Serialize)]
struct Way<'r> {
    to: &'r str,
    to_label: &'r str,
    /// `action`, `event` or `when`.
    trigger: &'static str,
    /// The action or event id, or the condition as text.
    by: String,
    source: Source,
    because: Option<&'r str>,
    /// For a guarded action or event: the condition under which it takes this way.
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<String>,
}

/// The trigger in words: "action Cancel", "event Carrier accepted", "when foc_date < now + 24h",
/// "action Cancel if sent = no".
pub fn describe(rules: &Rules, t: &Transition) -> (&'static str, String, String) {
    let (kind, by, mut text) = trigger(rules, t);
    if let Some(g) = &t.guard {
        text.push_str(&format!(" if {}", condition_text(g)));
    }
    (kind, by, text)
}

/// A condition as `fact op operand`.
fn condition_text(c: &crate::model::lifecycle::Condition) -> String {
    format!("{} {} {}", c.fact, c.op.symbol(), c.operand_text())
}

fn trigger(rules: &Rules, t: &Transition) -> (&'static str, String, String) {
    match &t.trigger {
        Trigger::Action(a) => {
            let label = rules
                .actions
                .iter()
                .find(|x| x.id == *a)
                .map_or(a.as_ref(), |x| &x.label);
            ("action", a.to_string(), format!("action {label}"))
        }
        Trigger::Event(e) => {
            let label = rules
                .events
                .iter()
                .find(|x| x.id == *e)
                .map_or(e.as_ref(), |x| &x.label);
            ("event", e.to_string(), format!("event {label}"))
        }
        Trigger::When(c) => {
            let text = condition_text(c);
            ("when", text.clone(), format!("when {text}"))
        }
    }
}

fn row<'r>(rules: &'r Rules, index: usize, status: &'r Status) -> Row<'r> {
    Row {
        status: &status.id,
        label: &status.label,
        initial: rules.initial.contains(&status.id),
        is_final: rules.is_final(crate::model::rules::StatusId(index)),
        transitions: status
            .transitions
            .iter()
            .map(|t| {
                let (trigger, by, _) = describe(rules, t);
                Way {
                    to: &t.to,
                    to_label: rules
                        .status_index(&t.to)
                        .map_or(t.to.as_ref(), |s| rules.statuses[s.0].label.as_ref()),
                    trigger,
                    by,
                    source: t.source,
                    because: t.because.as_deref(),
                    when: t.guard.as_ref().map(condition_text),
                }
            })
            .collect(),
    }
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some((rules, source)) = global.load_with_source(io) else {
        return Ok(Exit::Error);
    };
    let only = match &args.status {
        Some(name) => match rules.status(name) {
            Ok(id) => Some(id.0),
            Err(e) => return report_unknown(io, &e),
        },
        None => None,
    };
    let selected: Vec<(usize, &Status)> = rules
        .statuses
        .iter()
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o == *i))
        .collect();
    let rows: Vec<Row<'_>> = selected.iter().map(|(i, s)| row(&rules, *i, s)).collect();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &rows).map_err(io::Error::from)?;
            writeln!(io.out)?;
        }
        Format::Text => {
            if rules.initial.is_empty() {
                writeln!(io.out, "these rules describe no lifecycle")?;
            }
            // Every way out in words first, so that targets and triggers line up in
            // columns across the whole list.
            let words: Vec<Vec<String>> = selected
                .iter()
                .map(|(_, status)| {
                    (status.transitions.iter())
                        .map(|t| describe(&rules, t).2)
                        .collect()
                })
                .collect();
            let target_width = (rows.iter().flat_map(|r| &r.transitions))
                .map(|way| way.to_label.chars().count())
                .max()
                .unwrap_or(0);
            let trigger_width = (words.iter().flatten())
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            for (r, words) in rows.iter().zip(&words) {
                let mark = match (r.initial, r.is_final) {
                    (true, _) => " (initial)",
                    (_, true) => " (final: no way out)",
                    _ => "",
                };
                writeln!(io.out, "{}{mark}", r.label)?;
                for (way, words) in r.transitions.iter().zip(words) {
                    let source = match way.source {
                        Source::Stated => "stated",
                        Source::Inferred => "inferred",
                    };
                    writeln!(
                        io.out,
                        "  → {}  {}  [{source}]",
                        pad(way.to_label, target_width),
                        pad(words, trigger_width)
                    )?;
                }
            }
            writeln!(
                io.out,
                "\nrules: {} {} ({})",
                rules.name,
                rules.version,
                source.short()
            )?;
        }
    }
    Ok(Exit::Yes)
}
