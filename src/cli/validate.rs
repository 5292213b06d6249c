//! `portrules validate`: check rule files and report every problem, located.
//!
//! Depends on `load` (diagnostics and codes) and `examples`.

use std::io;
use std::path::PathBuf;

use clap::ValueEnum;

use super::Io;
use super::global::{Global, Source};
use crate::cli::exit::Exit;
use crate::load;
use crate::load::codes::{Code, Severity};
use crate::load::diag::{self, Diagnostic};

/// Arguments of `portrules validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rule files to check [default: the --rules file, else the repository's (from
    /// portrules.toml, or rules/port-orders.yaml at its top), else the built-in rules]
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// How to report problems
    #[arg(long, value_enum, default_value_t)]
    pub(super) format: DiagFormat,
    /// Treat warnings as errors
    #[arg(long)]
    deny_warnings: bool,
}

/// Output formats for diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// `FILE:LINE:COL: error[CODE]: message`, the source line, a caret and help, on stderr.
    #[default]
    Human,
    /// A JSON array of `{file, line, column, end_line, end_column, severity, code, message, help}`.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), so CI marks the lines.
    Github,
}

/// One checked file: its findings and, when it loaded, a one-line summary.
struct Checked {
    text: String,
    diagnostics: Vec<Diagnostic>,
    summary: Option<String>,
}

fn check(global: &Global, source: &Source, name: &str) -> Checked {
    let result = global.load_from(source);
    match result {
        Ok(loaded) => {
            let r = &loaded.rules;
            // Examples are guards on the table: a wrong one makes the file invalid.
            let diagnostics = crate::examples::diagnostics(&loaded, name);
            let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
            let summary = format!(
                "{} {}: {} statuses × {} actions, {} examples",
                r.name,
                r.version,
                r.statuses.len(),
                r.actions.len(),
                r.examples.len()
            );
            load::release(loaded.rules);
            Checked {
                text: loaded.text,
                summary: (!failed).then_some(summary),
                diagnostics,
            }
        }
        Err(e) => Checked {
            text: e.text,
            diagnostics: e.diagnostics,
            summary: None,
        },
    }
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let sources: Vec<Source> = if args.files.is_empty() {
        match global.source() {
            Ok(source) => vec![source],
            Err(e) => {
                writeln!(io.err, "error: {e}")?;
                return Ok(Exit::Error);
            }
        }
    } else {
        (args.files.iter())
            .map(|path| Source::File {
                path: path.clone(),
                workspace: None,
            })
            .collect()
    };
    let mut all: Vec<Diagnostic> = Vec::new();
    for source in &sources {
        let name = source.name();
        let checked = check(global, source, &name);
        if args.format == DiagFormat::Human {
            if !checked.diagnostics.is_empty() {
                io.err.write_all(
                    diag::render_human(&checked.diagnostics, &checked.text).as_bytes(),
                )?;
            }
            if let Some(summary) = &checked.summary {
                let warned = checked
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Warning);
                let verdict = if warned && args.deny_warnings {
                    "invalid (warnings denied)"
                } else {
                    "ok"
                };
                writeln!(io.out, "{name}: {verdict}: {summary}")?;
            }
        }
        all.extend(checked.diagnostics);
    }
    match args.format {
        DiagFormat::Human => {}
        DiagFormat::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &all).map_err(io::Error::from)?;
            writeln!(io.out)?;
        }
        DiagFormat::Github => io.out.write_all(diag::render_github(&all).as_bytes())?,
    }
    Ok(verdict(&all, args.deny_warnings))
}

fn verdict(diags: &[Diagnostic], deny_warnings: bool) -> Exit {
    if diags.iter().any(|d| d.code == Code::Io) {
        Exit::Error
    } else if diags
        .iter()
        .any(|d| d.severity == Severity::Error || deny_warnings)
    {
        Exit::No
    } else {
        Exit::Yes
    }
}
