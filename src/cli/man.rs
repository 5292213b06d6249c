//! `portrules man`: manual pages in roff, generated from the command line's own
//! definition (clap_mangen): `portrules.1` and one `portrules-<command>.1` per command.
//! Written to a folder, or checked against a committed one (`docs/man/` here).
//!
//! Depends on clap's command definition, the generated-file helpers and `host::write`.

use std::io;
use std::path::PathBuf;

use clap::CommandFactory;

use super::{Cli, Global, Io, generated, write_failed};
use crate::cli::exit::Exit;
use crate::host::write::{Links, create_folders};

/// Arguments of `portrules man`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write every page into DIR (created if missing; each file written atomically)
    /// instead of printing `portrules.1`
    #[arg(long, value_name = "DIR", conflicts_with = "check")]
    output: Option<PathBuf>,
    /// Exit 0 if DIR holds every page as this build generates it, 1 with a diff if not,
    /// 2 if a page is missing
    #[arg(long, value_name = "DIR")]
    check: Option<PathBuf>,
    /// Let --output write into, and --check read, files and folders behind symbolic links
    #[arg(long)]
    follow_symlinks: bool,
}

/// Every page: its file name and its roff text.
fn pages() -> io::Result<Vec<(String, String)>> {
    let mut command = Cli::command();
    command.build();
    // The crate's version alone: `--version` also names the built-in policy's, which a
    // policy owner's edit changes, and that must not make the manual stale.
    let top = command.clone().version(env!("CARGO_PKG_VERSION"));
    let mut out = vec![("portrules.1".to_string(), render(top)?)];
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        // clap takes `'static` names unless built with its `string` feature, which would
        // cost every start of the binary; this command runs once, and leaks a few
        // dozen bytes for it.
        let name: &'static str =
            Box::leak(format!("portrules-{}", sub.get_name()).into_boxed_str());
        let bin: &'static str = Box::leak(format!("portrules {}", sub.get_name()).into_boxed_str());
        let page = (sub.clone().name(name).bin_name(bin)).version(env!("CARGO_PKG_VERSION"));
        out.push((format!("{name}.1"), render(page)?));
    }
    Ok(out)
}

/// The worse of two check results: a page that cannot be read outranks a stale one.
fn worse(a: Exit, b: Exit) -> Exit {
    match (a, b) {
        (Exit::Error, _) | (_, Exit::Error) => Exit::Error,
        (Exit::No, _) | (_, Exit::No) => Exit::No,
        _ => Exit::Yes,
    }
}

fn render(command: clap::Command) -> io::Result<String> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(command).render(&mut roff)?;
    String::from_utf8(roff).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let pages = pages()?;
    if let Some(dir) = &args.check {
        let mut worst = Exit::Yes;
        for (file, text) in &pages {
            let regenerate = format!("portrules man --output {}", dir.display());
            let how = generated::Check {
                regenerate: &regenerate,
                made_by: concat!("portrules ", env!("CARGO_PKG_VERSION")),
                follow_symlinks: args.follow_symlinks,
                max_size: global.limits.max_size,
            };
            let exit = generated::check(io, &dir.join(file), text, &how)?;
            worst = worse(worst, exit);
        }
        return Ok(worst);
    }
    let Some(dir) = &args.output else {
        let main = pages.first().map_or("", |(_, text)| text.as_str());
        io.out.write_all(main.as_bytes())?;
        return Ok(Exit::Yes);
    };
    let links = if args.follow_symlinks {
        Links::Follow
    } else {
        Links::Refuse
    };
    if let Err(e) = create_folders(dir, links) {
        return write_failed(io, dir, &e, "the manual");
    }
    for (file, text) in &pages {
        let exit = generated::write(
            io,
            Some(&dir.join(file)),
            text,
            args.follow_symlinks,
            "the manual",
        )?;
        if exit != Exit::Yes {
            return Ok(exit);
        }
    }
    Ok(Exit::Yes)
}
