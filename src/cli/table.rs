//! `portrules table`: the whole status × action matrix, as text or JSON.
//!
//! Depends on the engine, the model and terminal padding.

use std::io;

use serde::Serialize;

use super::{Format, Global, Io};
use crate::cli::exit::Exit;
use crate::model::rules::{Action, Cell, Effect, Rules};

/// Arguments of `portrules table`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub(super) format: Format,
}

#[derive(Serialize)]
struct Table<'r> {
    rules: crate::engine::RulesRef<'r>,
    actions: &'r [Action],
    statuses: Vec<Row<'r>>,
}

#[derive(Serialize)]
struct Row<'r> {
    id: &'r str,
    label: &'r str,
    description: &'r str,
    permissions: Vec<Entry<'r>>,
}

#[derive(Serialize)]
struct Entry<'r> {
    action: &'r str,
    #[serde(flatten)]
    cell: &'r Cell,
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some((rules, source)) = global.load_with_source(io) else {
        return Ok(Exit::Error);
    };
    match args.format {
        Format::Text => io.out.write_all(text(&rules, &source.short()).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &json(&rules)).map_err(io::Error::from)?;
            writeln!(io.out)?;
        }
    }
    Ok(Exit::Yes)
}

fn json(rules: &Rules) -> Table<'_> {
    Table {
        rules: crate::engine::RulesRef {
            name: &rules.name,
            version: &rules.version,
            source: &rules.source,
        },
        actions: &rules.actions,
        statuses: rules
            .statuses
            .iter()
            .map(|s| Row {
                id: &s.id,
                label: &s.label,
                description: &s.description,
                permissions: rules
                    .actions
                    .iter()
                    .zip(s.cells.iter())
                    .map(|(a, cell)| Entry {
                        action: &a.id,
                        cell,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// An aligned grid; cells with a note or remedy are marked `*` and explained below.
fn text(rules: &Rules, source: &str) -> String {
    let mut grid: Vec<Vec<String>> = vec![
        std::iter::once("Status".to_string())
            .chain(rules.actions.iter().map(|a| a.label.to_string()))
            .collect(),
    ];
    let mut notes = Vec::new();
    for status in rules.statuses.iter() {
        let mut row = vec![status.label.to_string()];
        for (action, cell) in rules.actions.iter().zip(status.cells.iter()) {
            let mut shown = match cell.decision {
                Effect::Limited => format!("limited ({})", cell.fields.join(", ")),
                other => other.to_string(),
            };
            if cell.note.is_some() || !cell.remedy.is_empty() {
                shown.push('*');
                let mut line = format!("* {} × {}:", status.label, action.label);
                if let Some(note) = &cell.note {
                    line.push(' ');
                    line.push_str(note);
                }
                if !cell.remedy.is_empty() {
                    line.push_str(" Instead: ");
                    line.push_str(&cell.remedy.join(" "));
                }
                notes.push(line);
            }
            row.push(shown);
        }
        grid.push(row);
    }
    let columns = grid.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| grid.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &grid {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| crate::host::terminal::pad(cell, *w))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "\nrules: {} {} ({source})\n",
        rules.name, rules.version
    ));
    out
}
