//! `portrules diff`: what changed between two versions of the rules, what it means for
//! services, and whether the version was bumped enough.
//!
//! Depends on `diff`, `load` and `host::git`.

use std::io;

use clap::ValueEnum;
use serde::Serialize;

use super::Io;
use super::global::{Global, Source};
use crate::cli::exit::Exit;
use crate::diff::{self, BumpCheck, Change, Impact};
use crate::docs::escape_inline;
use crate::host::git::{self, GitError};
use crate::load::entry::load_embedded;
use crate::load::{self, LoadError};
use crate::model::rules::Rules;

/// Arguments of `portrules diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old rules: a file, or REV:PATH read from git (e.g. origin/main:rules/port-orders.yaml)
    old: String,
    /// The new rules: a file, or REV:PATH [default: with --policy, that built-in policy;
    /// else the repository's rule file]
    new: Option<String>,
    /// Output format; markdown is ready for a pull request or a changelog
    #[arg(long, value_enum, default_value_t)]
    pub(super) format: DiffFormat,
    /// Exit 1 unless NEW's version is bumped as much as the changes need under semver
    #[arg(long)]
    require_bump: bool,
}

/// Output formats for diffs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// A Markdown table.
    Markdown,
}

#[derive(Serialize)]
struct Report<'a> {
    old: Side<'a>,
    new: Side<'a>,
    changes: &'a [Change],
    bump: &'a BumpCheck,
}

#[derive(Serialize)]
struct Side<'a> {
    source: &'a str,
    name: &'a str,
    version: &'a str,
}

/// Reads rules from a file or, for `REV:PATH` that is not a file, from git.
fn read(global: &Global, spec: &str) -> Result<Rules, String> {
    if !git::looks_like_rev_path(spec) {
        return load::from_path(std::path::Path::new(spec), &global.limits)
            .map(|l| l.rules)
            .map_err(|e| render(&e));
    }
    let bytes = git::read_blob(spec, global.limits.max_size).map_err(|e| match e {
        GitError::TooLarge { .. } => format!(
            "error: {e}\n  = help: rule files are small; if this one is meant to be this big, raise the limit with `--max-size BYTES`"
        ),
        GitError::BadSpec { .. } | GitError::NotAFile { .. } => format!(
            "error: {e}\n  = help: name one file of a revision, e.g. `origin/main:rules/port-orders.yaml`"
        ),
        GitError::Git { .. } => format!("error: {e}"),
    })?;
    load::from_bytes(bytes, spec, &global.limits)
        .map(|l| l.rules)
        .map_err(|e| render(&e))
}

fn render(e: &LoadError) -> String {
    e.render()
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    // With `--policy` and no NEW, the new side is that built-in policy.
    let built_in = match (&args.new, global.policy) {
        (None, Some(policy)) => Some(policy),
        _ => None,
    };
    let new_spec = match &args.new {
        Some(spec) => spec.clone(),
        None if built_in.is_some() => global.source().map(|s| s.name()).unwrap_or_default(),
        None => match global.source() {
            Ok(Source::File { path, .. }) => path.display().to_string(),
            Ok(Source::BuiltIn(_)) => {
                writeln!(
                    io.err,
                    "error: name the new rules: no --rules is given and this folder is in no repository with a rule file (portrules.toml or rules/port-orders.yaml)"
                )?;
                return Ok(Exit::Error);
            }
            Err(e) => {
                writeln!(io.err, "error: {e}")?;
                return Ok(Exit::Error);
            }
        },
    };
    let new = match built_in {
        Some(policy) => load_embedded(policy).map_err(|e| render(&e)),
        None => read(global, &new_spec),
    };
    let (old, new) = match (read(global, &args.old), new) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for err in [old.err(), new.err()].into_iter().flatten() {
                write!(io.err, "{err}")?;
                if !err.ends_with('\n') {
                    writeln!(io.err)?;
                }
            }
            return Ok(Exit::Error);
        }
    };
    let changes = diff::diff(&old, &new);
    let bump = diff::check_bump(&old, &new, &changes);
    match args.format {
        DiffFormat::Text => io
            .out
            .write_all(text(&args.old, &new_spec, &old, &new, &changes, &bump).as_bytes())?,
        DiffFormat::Markdown => io
            .out
            .write_all(markdown(&old, &new, &changes, &bump).as_bytes())?,
        DiffFormat::Json => {
            let report = Report {
                old: Side {
                    source: &args.old,
                    name: &old.name,
                    version: &old.version,
                },
                new: Side {
                    source: &new_spec,
                    name: &new.name,
                    version: &new.version,
                },
                changes: &changes,
                bump: &bump,
            };
            serde_json::to_writer_pretty(&mut *io.out, &report).map_err(io::Error::from)?;
            writeln!(io.out)?;
        }
    }
    if args.require_bump && !bump.ok {
        writeln!(io.err, "error: {}", bump_verdict(&changes, &bump))?;
        return Ok(Exit::No);
    }
    Ok(Exit::Yes)
}

fn counts(changes: &[Change]) -> String {
    let n = |i: Impact| changes.iter().filter(|c| c.impact == i).count();
    let parts: Vec<String> = [Impact::Breaking, Impact::Feature, Impact::Text]
        .into_iter()
        .filter(|i| n(*i) > 0)
        .map(|i| format!("{} {}", n(i), i.as_str()))
        .collect();
    format!(
        "{} change{} ({})",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

/// One sentence on the version: enough, or what is needed and why.
fn bump_verdict(changes: &[Change], bump: &BumpCheck) -> String {
    let Some(needed) = bump.needed else {
        return "no changes, so no version bump is needed".into();
    };
    let minimum = bump
        .minimum
        .as_deref()
        .unwrap_or("a valid MAJOR.MINOR.PATCH");
    let reason = changes
        .iter()
        .find(|c| c.impact == needed)
        .map(|c| format!("{}: {} is {} ({})", c.place, c.what, needed.as_str(), c.why))
        .unwrap_or_default();
    if bump.ok {
        format!(
            "version {} → {} is enough: the changes need a {} bump ({minimum} or higher)",
            bump.old,
            bump.new,
            needed.bump()
        )
    } else {
        format!(
            "version {} → {} is not enough: {reason}, which needs a {} bump; set `version: {minimum}` (or higher)",
            bump.old,
            bump.new,
            needed.bump()
        )
    }
}

fn text(
    old_spec: &str,
    new_spec: &str,
    old: &Rules,
    new: &Rules,
    changes: &[Change],
    bump: &BumpCheck,
) -> String {
    let mut out = format!(
        "{} {} ({old_spec}) → {} {} ({new_spec})\n",
        old.name, old.version, new.name, new.version
    );
    if changes.is_empty() {
        out.push_str("no changes\n");
        return out;
    }
    out.push_str(&format!("{}\n", counts(changes)));
    for c in changes {
        out.push_str(&format!(
            "{:9} {}: {} ({})\n",
            c.impact.as_str(),
            c.place,
            c.what,
            c.why
        ));
    }
    out.push_str(&format!("{}\n", bump_verdict(changes, bump)));
    out
}

fn markdown(old: &Rules, new: &Rules, changes: &[Change], bump: &BumpCheck) -> String {
    // Names and versions are checked patterns (no Markdown in them); free text is escaped.
    let mut out = format!(
        "### Rule changes: {} {} → {}\n\n",
        old.name, old.version, new.version
    );
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str(&format!(
        "{}.\n\n| Impact | Where | Change | Why |\n|:--|:--|:--|:--|\n",
        counts(changes)
    ));
    for c in changes {
        out.push_str(&format!(
            "| **{}** | {} | {} | {} |\n",
            c.impact.as_str(),
            escape_inline(&c.place),
            escape_inline(&c.what),
            escape_inline(&c.why)
        ));
    }
    out.push_str(&format!(
        "\n{}.\n",
        escape_inline(&bump_verdict(changes, bump))
    ));
    out
}
