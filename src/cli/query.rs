//! `portrules query`: one question, one answer, and an exit code to branch on.

use std::io;

use super::{Format, Global, Io, report_unknown};
use crate::engine::Query;
use crate::exit::Exit;

/// Arguments of `portrules query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The order's status, by id or label (`"Transfer approved"`, `transfer_approved`)
    #[arg(long, value_name = "S")]
    status: String,
    /// The action, by id or label (`view`, `edit`, `cancel`, `delete`)
    #[arg(long, value_name = "A")]
    action: String,
    /// Ask about changing this one field: a `limited` cell then answers allow or deny
    #[arg(long, value_name = "F")]
    field: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some(rules) = global.load_or_report(io) else {
        return Ok(Exit::Error);
    };
    let query = match Query::parse(&rules, &args.status, &args.action, args.field.as_deref()) {
        Ok(q) => q,
        Err(e) => return report_unknown(io, &e),
    };
    let decision = rules.decide(&query);
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
