//! `portrules docs`: render a documentation page, write it atomically, or check that the
//! committed page is what the rules generate.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Global, Io};
use crate::docs::{self, Page, Source};
use crate::exit::Exit;
use crate::files::{self, Links, ReadError, WriteError};
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
    /// Write the page to FILE (atomically) instead of standard output; `-` is standard
    /// output
    #[arg(long, value_name = "FILE", conflicts_with = "check")]
    output: Option<PathBuf>,
    /// Exit 0 if FILE equals the generated page, 1 with a diff if not, 2 on errors
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,
    /// Let --output replace the file a symbolic link points to (refused by default: a
    /// branch may commit the page as a link to a file outside the repository)
    #[arg(long, requires = "output")]
    follow_symlinks: bool,
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
        Some(path) => match files::read_text_bounded(path, global.limits.max_size) {
            Ok(text) => Some((path.display().to_string(), text)),
            Err(e) => {
                writeln!(
                    io.err,
                    "error: cannot read template {}: {e}",
                    path.display(),
                )?;
                if matches!(e, ReadError::TooLarge { .. }) {
                    writeln!(io.err, "  = help: raise the limit with `--max-size BYTES`")?;
                }
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
        // A committed page longer than this cannot be the generated one; reading stops
        // there, whatever the path holds (a link to `/dev/zero` included).
        let limit = (page.len() as u64)
            .saturating_mul(2)
            .max(global.limits.max_size);
        let committed = match files::read_text_bounded(path, limit) {
            Ok(text) => text,
            Err(ReadError::TooLarge { .. }) => {
                writeln!(
                    io.err,
                    "error: {shown} is out of date: it holds more than {limit} bytes, far more than the {} bytes the rules generate",
                    page.len()
                )?;
                writeln!(
                    io.err,
                    "  = help: do not edit it by hand; regenerate it with `{regenerate}`"
                )?;
                return Ok(Exit::No);
            }
            Err(e) => {
                writeln!(io.err, "error: cannot read {shown}: {e}")?;
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
    let links = if args.follow_symlinks {
        Links::Follow
    } else {
        Links::Refuse
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            match files::write_atomic(path, page.as_bytes(), links) {
                Ok(()) => Ok(Exit::Yes),
                Err(e) => {
                    writeln!(io.err, "error: cannot write {}: {e}", path.display())?;
                    if matches!(e, WriteError::Link { .. }) {
                        writeln!(
                            io.err,
                            "  = help: check where the link points; if the page is meant to live behind it, add `--follow-symlinks`"
                        )?;
                    }
                    Ok(Exit::Error)
                }
            }
        }
        _ => {
            io.out.write_all(page.as_bytes())?;
            Ok(Exit::Yes)
        }
    }
}
