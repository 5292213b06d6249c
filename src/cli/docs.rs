//! `portrules docs`: render a documentation page, write it atomically, or check that the
//! committed page is what the rules generate.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Global, Io};
use crate::docs::{self, Page, Source};
use crate::exit::Exit;
use crate::files;
use crate::load::io_reason;
use crate::rules::{EMBEDDED_PATH, Rules};

/// Arguments of `portrules docs`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which page to generate
    #[arg(long, value_enum, default_value = "statuses")]
    page: Page,
    /// Render this minijinja template instead of the built-in one
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Write the page to FILE (atomically) instead of standard output
    #[arg(long, value_name = "FILE", conflicts_with = "check")]
    output: Option<PathBuf>,
    /// Exit 0 if FILE equals the generated page, 1 with a diff if not, 2 on errors
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some(rules) = global.load_or_report(io) else {
        return Ok(Exit::Error);
    };
    let rules = Arc::new(rules);
    let exit = generate(global, args, rules.clone(), io);
    crate::load::release(rules);
    exit
}

/// Renders the page from `rules`, then writes it, prints it or checks it.
fn generate(global: &Global, args: &Args, rules: Arc<Rules>, io: &mut Io<'_>) -> io::Result<Exit> {
    let rules_arg = global.rules.as_ref().map(|p| p.display().to_string());
    let target = args
        .check
        .as_ref()
        .or(args.output.as_ref())
        .map(|p| p.display().to_string());
    let source = Source {
        rules,
        path: rules_arg.as_deref().unwrap_or(EMBEDDED_PATH),
        rules_arg: rules_arg.as_deref(),
        target: target.as_deref(),
    };
    let template = match &args.template {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some((path.display().to_string(), text)),
            Err(e) => {
                writeln!(
                    io.err,
                    "error: cannot read template {}: {}",
                    path.display(),
                    io_reason(&e)
                )?;
                return Ok(Exit::Error);
            }
        },
        None => None,
    };
    let page = match docs::render(
        args.page,
        &source,
        template.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
    ) {
        Ok(page) => page,
        Err(e) => {
            writeln!(io.err, "{e}")?;
            return Ok(Exit::Error);
        }
    };
    let regenerate = args
        .page
        .regenerate_command(rules_arg.as_deref(), target.as_deref());
    if let Some(path) = &args.check {
        let shown = path.display().to_string();
        let committed = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                writeln!(io.err, "error: cannot read {shown}: {}", io_reason(&e))?;
                writeln!(io.err, "  = help: generate it with `{regenerate}`")?;
                return Ok(Exit::Error);
            }
        };
        if committed == page {
            writeln!(io.out, "{shown}: up to date")?;
            return Ok(Exit::Yes);
        }
        io.out
            .write_all(files::unified_diff(&committed, &page, &shown, "generated").as_bytes())?;
        writeln!(
            io.err,
            "error: {shown} is out of date with {}: it differs from what the rules generate (diff above: - is the file, + is what it should say)",
            source.path
        )?;
        writeln!(
            io.err,
            "  = help: do not edit it by hand; regenerate it with `{regenerate}`"
        )?;
        return Ok(Exit::No);
    }
    match &args.output {
        Some(path) => match files::write_atomic(path, page.as_bytes()) {
            Ok(()) => Ok(Exit::Yes),
            Err(e) => {
                writeln!(
                    io.err,
                    "error: cannot write {}: {}",
                    path.display(),
                    io_reason(&e)
                )?;
                Ok(Exit::Error)
            }
        },
        None => {
            io.out.write_all(page.as_bytes())?;
            Ok(Exit::Yes)
        }
    }
}
