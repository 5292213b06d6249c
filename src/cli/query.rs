//! `portrules query`: one question, one answer, and an exit code to branch on.
//!
//! Depends on the engine.

use std::io;

use super::{Format, Global, Io, report_unknown};
use crate::cli::exit::Exit;
use crate::engine::{FactError, Query};

/// Arguments of `portrules query`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct Args {
    /// The order's status, by id or label (`"Transfer approved"`, `transfer_approved`)
    #[arg(long, value_name = "S")]
    pub(super) status: String,
    /// The action, by id or label (`view`, `edit`, `cancel`, `delete`)
    #[arg(long, value_name = "A")]
    pub(super) action: String,
    /// Ask about changing this one field: a `limited` cell then answers allow or deny
    #[arg(long, value_name = "F")]
    pub(super) field: Option<String>,
    /// A fact about the order, for time rules: NAME=VALUE (repeatable), e.g.
    /// foc_date=2026-11-27T09:00:00Z
    #[arg(long = "fact", value_name = "NAME=VALUE")]
    pub(super) facts: Vec<String>,
    /// Answer as of this time (RFC 3339) instead of now, for reproducible answers
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub(super) now: Option<jiff::Timestamp>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub(super) format: Format,
}

pub(super) fn parse_time(text: &str) -> Result<jiff::Timestamp, String> {
    text.parse().map_err(|_| {
        format!("`{text}` is not a date and time; write it in RFC 3339, e.g. 2026-11-27T09:00:00Z")
    })
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some(rules) = global.load_or_report(io) else {
        return Ok(Exit::Error);
    };
    let mut query = match Query::parse(&rules, &args.status, &args.action, args.field.as_deref()) {
        Ok(q) => q,
        Err(e) => return report_unknown(io, &e),
    };
    for fact in &args.facts {
        let Some((name, value)) = fact.split_once('=') else {
            writeln!(
                io.err,
                "error: `--fact {fact}` must be NAME=VALUE, e.g. `--fact foc_date=2026-11-27T09:00:00Z`"
            )?;
            return Ok(Exit::Error);
        };
        query = match query.with_fact(&rules, name.trim(), value) {
            Ok(q) => q,
            Err(FactError::Unknown(e)) => return report_unknown(io, &e),
            Err(e) => {
                writeln!(io.err, "error: {e}")?;
                return Ok(Exit::Error);
            }
        };
    }
    // The clock is read here, at the edge; the engine only sees the time it is given.
    query.now = Some(args.now.unwrap_or_else(jiff::Timestamp::now));
    let decision = rules.decide(&query);
    if let Some(fact) = decision.required_fact() {
        writeln!(
            io.err,
            "error: cannot answer {} × {}: {}",
            decision.status_label,
            decision.action_label,
            decision.reason_text()
        )?;
        writeln!(
            io.err,
            "  = help: give it with `--fact {}={}`",
            fact.id,
            fact.kind.example()
        )?;
        return Ok(Exit::Error);
    }
    match args.format {
        Format::Text => writeln!(io.out, "{decision}")?,
        Format::Json => {
            serde_json::to_writer(&mut *io.out, &decision).map_err(io::Error::from)?;
            writeln!(io.out)?;
        }
    }
    Ok(if decision.decision.permits() {
        Exit::Yes
    } else {
        Exit::No
    })
}
