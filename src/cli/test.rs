//! `portrules test`: run the rule file's examples and report each result.
//!
//! Depends on `examples`.

use std::io;

use super::{Global, Io};
use crate::cli::exit::Exit;

pub(super) fn run(global: &Global, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some((rules, source)) = global.load_with_source(io) else {
        return Ok(Exit::Error);
    };
    writeln!(
        io.out,
        "examples of {} {} ({})",
        rules.name,
        rules.version,
        source.short()
    )?;
    let outcomes = crate::examples::run(&rules);
    let mut failed = 0;
    for o in &outcomes {
        let ex = o.example;
        let field = ex
            .field
            .as_deref()
            .map(|f| format!(" (field {f})"))
            .unwrap_or_default();
        let asked = format!("{} × {}{field}", ex.status, ex.action);
        let moves = |to: Option<&str>| to.map(|t| format!(" → {t}")).unwrap_or_default();
        match (&o.actual, o.passed()) {
            (Ok(actual), true) => writeln!(
                io.out,
                "ok      {asked}: {actual}{}",
                moves(o.expected_leads_to.as_deref())
            )?,
            (Ok(actual), false) if *actual == ex.expect => {
                failed += 1;
                writeln!(
                    io.out,
                    "FAILED  {asked}: expected {actual}{}, got {actual}{} (line {})",
                    moves(o.expected_leads_to.as_deref()),
                    o.leads_to
                        .as_deref()
                        .map_or(" → nowhere".to_string(), |t| format!(" → {t}")),
                    ex.pos.line
                )?;
            }
            (Ok(actual), false) => {
                failed += 1;
                writeln!(
                    io.out,
                    "FAILED  {asked}: expected {}, got {actual} (line {})",
                    ex.expect, ex.pos.line
                )?;
            }
            (Err(e), _) => {
                failed += 1;
                writeln!(io.out, "FAILED  {asked}: {e} (line {})", ex.pos.line)?;
            }
        }
    }
    writeln!(
        io.out,
        "{} passed, {failed} failed",
        outcomes.len() - failed
    )?;
    Ok(if failed == 0 { Exit::Yes } else { Exit::No })
}
