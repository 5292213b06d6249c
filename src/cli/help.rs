//! What each command's `--help` says after its options: its exit codes and one or two
//! examples, and `portrules help [COMMAND]...`, which (unlike clap's own) answers
//! `--help` itself.
//!
//! Depends only on the command line's own types.

use std::io;

use clap::{CommandFactory, Parser};

use super::{Cli, Io};
use crate::cli::exit::Exit;

/// `portrules` itself.
pub(super) const TOP: &str = "\
Exit codes (each command's --help says what they mean there):
  0  yes: allowed, valid, up to date, done
  1  no: denied, invalid, stale, a failing example or a missing version bump
  2  could not tell: a usage error, unreadable or bad rules, an unknown name

Examples:
  portrules query --status \"Transfer approved\" --action cancel
  portrules validate && portrules test
  portrules init my-policy";

/// `query`.
pub(super) const QUERY: &str = "\
Exit codes:
  0  allowed: the cell is `allow`, or `limited` (the answer lists the fields)
  1  denied
  2  no answer: an unknown status, action or field, a fact the rules need
     (`if_missing: error`), bad rules, or a usage error

Examples:
  portrules query --status \"Transfer approved\" --action cancel
  portrules query --status transfer_approved --action edit --fact foc_date=2030-01-15T09:00:00Z --format json";

/// `validate`.
pub(super) const VALIDATE: &str = "\
Exit codes:
  0  every file is valid (warnings are printed but pass, unless --deny-warnings)
  1  a file is invalid, or has warnings with --deny-warnings
  2  a file cannot be read, or a usage error

Examples:
  portrules validate
  portrules validate rules/*.yaml --format github --deny-warnings";

/// `table`.
pub(super) const TABLE: &str = "\
Exit codes:
  0  printed
  2  bad rules, or a usage error

Examples:
  portrules table
  portrules --policy telnyx-porting-orders table --format json";

/// `schema`.
pub(super) const SCHEMA: &str = "\
Exit codes:
  0  printed or written; with --check, the copy is this build's schema
  1  --check: the copy differs (diff on standard output), or is a symbolic link
  2  the copy cannot be read or written, or a usage error

Examples:
  portrules schema --output schemas/rules.schema.json
  portrules schema --check schemas/rules.schema.json";

/// `docs`.
pub(super) const DOCS: &str = "\
Exit codes:
  0  printed or written; with --check, the page is up to date
  1  --check: the page differs (diff on standard output), or is a symbolic link
  2  bad rules or template, a missing page, a page that cannot be written, or a usage
     error

Examples:
  portrules docs --output docs/port-order-statuses.md
  portrules docs --check                         # the page portrules.toml names
  portrules docs --page rule-format";

/// `batch`.
pub(super) const BATCH: &str = "\
Each line of standard input is one JSON request; each gets one JSON answer line, in
order, flushed whenever no further input is waiting.

Request: {\"status\": S, \"action\": A, \"field\": F, \"facts\": {NAME: VALUE},
          \"now\": TIME, \"policy\": NAME, \"id\": ANY}
  status and action are required, by id or label; the rest are optional. A key not
  listed here is an error. id comes back on the answer (as compact JSON; one too deep
  or with a number JSON readers cannot hold exactly gets an error line instead);
  policy answers from another built-in policy; now answers as of that time (RFC 3339).
Answer:  {\"status\": ..., \"status_label\": ..., \"action\": ..., \"action_label\": ...,
          \"field\": ..., \"decision\": \"allow\"|\"deny\"|\"limited\", \"fields\": [...],
          \"note\": ..., \"remedy\": [...], \"reason\": ..., \"effective_status\": ...,
          \"effective_status_label\": ..., \"because\": ..., \"leads_to\": ...,
          \"warnings\": [...], \"rules\": {\"name\": ..., \"version\": ..., \"source\": ...},
          \"id\": ...}
  (field only when the request names one, id only when it has one)
Error:   {\"line\": N, \"id\": ..., \"error\": \"what is wrong\"}
  for a line that cannot be answered; the next line is read as usual.

Exit codes:
  0  end of input
  2  bad rules, or standard input or output failed

Example:
  printf '%s\\n' '{\"id\":1,\"status\":\"Error\",\"action\":\"edit\"}' | portrules batch";

/// `diff`.
pub(super) const DIFF: &str = "\
OLD and NEW are rule files, or git revisions of one (`main:rules/port-orders.yaml`);
NEW defaults to the repository's rule file.

Exit codes:
  0  compared; with --require-bump, the version is bumped as the change requires
  1  --require-bump: the version is not bumped enough (the change says why)
  2  a side cannot be read or loaded, or a usage error

Examples:
  portrules diff main:rules/port-orders.yaml
  portrules diff --require-bump origin/main:rules/port-orders.yaml rules/port-orders.yaml";

/// `test`.
pub(super) const TEST: &str = "\
Exit codes:
  0  every example passes
  1  an example fails
  2  bad rules, or a usage error

Examples:
  portrules test
  portrules --policy bandwidth-port-ins test";

/// `transitions`.
pub(super) const TRANSITIONS: &str = "\
Exit codes:
  0  printed
  2  an unknown status, bad rules, or a usage error

Examples:
  portrules transitions
  portrules transitions --status \"Transfer approved\" --format json";

/// `export`.
pub(super) const EXPORT: &str = "\
Exit codes:
  0  written; with --check, the export is up to date
  1  --check: the export differs (diff on standard output)
  2  bad rules, rules the engine cannot express, a missing export, or a usage error

Examples:
  portrules export opa --output exports/opa
  portrules export cedar --check exports/cedar";

/// `policies`.
pub(super) const POLICIES: &str = "\
Exit codes:
  0  printed
  2  a usage error

Examples:
  portrules policies
  portrules policies --format json";

/// `completions`.
pub(super) const COMPLETIONS: &str = "\
Exit codes:
  0  printed
  2  a usage error

Examples:
  portrules completions bash > ~/.local/share/bash-completion/completions/portrules
  portrules completions zsh > \"${fpath[1]}/_portrules\"";

/// `man`.
pub(super) const MAN: &str = "\
Exit codes:
  0  printed or written; with --check, every page is up to date
  1  --check: a page differs (diff on standard output)
  2  a page is missing or cannot be written, or a usage error

Examples:
  portrules man | man -l -
  portrules man --output docs/man";

/// `init`.
pub(super) const INIT: &str = "\
Writes rules/NAME.yaml, schemas/rules.schema.json, portrules.toml, docs/NAME.md,
.pre-commit-config.yaml and .github/workflows/portrules.yml. Every check in that
workflow passes on what it writes.

Exit codes:
  0  written
  2  a file exists (nothing is written; --force replaces), a symbolic link in the way,
     an unknown policy, or a file that cannot be written (what this run created is
     removed)

Examples:
  portrules init my-policy
  portrules init --from telnyx-porting-orders";

/// `help`.
pub(super) const HELP: &str = "\
Exit codes:
  0  printed
  2  no such command

Examples:
  portrules help
  portrules help query";

/// Arguments of `portrules help`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The command to describe; nothing for the overview
    #[arg(value_name = "COMMAND")]
    command: Vec<String>,
}

/// Prints the help of the command named by `args.command` (the overview without one).
pub(super) fn run(args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut target = &mut cmd;
    for name in &args.command {
        let found = target
            .get_subcommands()
            .any(|s| s.get_name() == name || s.get_all_aliases().any(|a| a == name));
        if !found {
            let known: Vec<String> = target
                .get_subcommands()
                .map(|s| format!("`{}`", s.get_name()))
                .collect();
            writeln!(io.err, "error: no command `{name}`")?;
            writeln!(io.err, "  = help: commands: {}", known.join(", "))?;
            return Ok(Exit::Error);
        }
        let Some(next) = target.find_subcommand_mut(name) else {
            return Ok(Exit::Error);
        };
        target = next;
    }
    // Exactly what `portrules COMMAND --help` prints: clap chooses the layout.
    let mut line = vec!["portrules".to_string()];
    line.extend(args.command.iter().cloned());
    line.push("--help".into());
    match Cli::try_parse_from(line) {
        Err(e) if !e.use_stderr() => write!(io.out, "{}", e.render())?,
        _ => write!(io.out, "{}", target.render_long_help())?,
    }
    Ok(Exit::Yes)
}
