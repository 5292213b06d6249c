//! `portrules policies`: the policies built into this binary, by the names `--policy`,
//! `$PORTRULES_POLICY` and a batch request's `"policy"` take; and the error for a name
//! that is none of them.
//!
//! Depends on the loader's built-in entry and the model.

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, Io};
use crate::cli::exit::Exit;
use crate::host::terminal::pad;
use crate::load::entry::load_embedded;
use crate::model::embedded::POLICIES;
use crate::model::names::did_you_mean;

/// Arguments of `portrules policies`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub(super) format: Format,
}

/// One built-in policy, as listed.
#[derive(Serialize)]
struct Listed<'a> {
    name: &'a str,
    version: &'a str,
    title: &'a str,
    /// Whether it answers when no policy or rule file is named.
    default: bool,
    /// The file it was built from, in this project's repository.
    file: &'a str,
    statuses: usize,
    actions: usize,
}

pub(super) fn run(args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let mut loaded = Vec::new();
    for policy in &POLICIES {
        match load_embedded(policy) {
            Ok(rules) => loaded.push((policy, rules)),
            Err(e) => {
                io.err.write_all(e.render().as_bytes())?;
                return Ok(Exit::Error);
            }
        }
    }
    let listed: Vec<Listed<'_>> = (loaded.iter())
        .map(|(policy, rules)| Listed {
            name: policy.name,
            version: &rules.version,
            title: &rules.title,
            default: policy.is_default(),
            file: policy.path,
            statuses: rules.statuses.len(),
            actions: rules.actions.len(),
        })
        .collect();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &serde_json::json!({ "policies": listed }))?;
            writeln!(io.out)?;
        }
        Format::Text => {
            let width = listed
                .iter()
                .map(|l| l.name.chars().count())
                .max()
                .unwrap_or(0);
            let version = listed
                .iter()
                .map(|l| l.version.chars().count())
                .max()
                .unwrap_or(0);
            for l in &listed {
                writeln!(
                    io.out,
                    "{}  {}  {} ({} statuses, {} actions){}",
                    pad(l.name, width),
                    pad(l.version, version),
                    l.title,
                    l.statuses,
                    l.actions,
                    if l.default { " [default]" } else { "" }
                )?;
            }
        }
    }
    Ok(Exit::Yes)
}

/// Says that no built-in policy is called `name`, with the closest name and the list.
pub(super) fn report_unknown(err: &mut dyn Write, name: &str) -> io::Result<()> {
    let names = || POLICIES.iter().map(|p| p.name);
    match did_you_mean(name, names()) {
        Some(hint) => writeln!(err, "error: unknown policy `{name}`: {hint}")?,
        None => writeln!(err, "error: unknown policy `{name}`")?,
    }
    let known: Vec<String> = names().map(|n| format!("`{n}`")).collect();
    writeln!(
        err,
        "  = help: built-in policies: {}; a rule file of your own goes in --rules FILE",
        known.join(", ")
    )
}
