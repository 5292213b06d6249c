//! `portrules export opa|cedar`: compile the rules for a policy engine, write the
//! files, or check that a committed export is what the rules give.
//!
//! Depends on `export`, `load` and `host` (files, writes).

use std::io;
use std::path::{Path, PathBuf};

use super::Io;
use super::global::Global;
use crate::cli::exit::Exit;
use crate::export::{self, File};
use crate::host::files::{self, ReadError};
use crate::host::terminal::escape;
use crate::host::write::{Links, WriteError, create_folders, write_atomic};

/// The engines portrules exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    /// Open Policy Agent: a bundle (Rego code, the table as data.json, tests)
    Opa,
    /// Cedar: a schema, the policies and tests for `cedar run-tests`
    Cedar,
}

/// Arguments of `portrules export`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["output", "check"])))]
pub struct Args {
    /// Which engine to export for
    #[arg(value_enum)]
    engine: Engine,
    /// Write the export: for OPA a bundle (`PATH.tar.gz`, or `-` for standard output)
    /// or, for any other path, a folder of the bundle's files; for Cedar a folder
    #[arg(long, value_name = "PATH", conflicts_with = "check")]
    output: Option<PathBuf>,
    /// Exit 0 if PATH holds exactly what would be exported, 1 with a diff if not, 2 on
    /// errors
    #[arg(long, value_name = "PATH")]
    check: Option<PathBuf>,
    /// Let --output write through symbolic links (refused by default: a branch may
    /// commit the export folder as a link to a folder outside the repository)
    #[arg(long, requires = "output")]
    follow_symlinks: bool,
}

/// Whether the export goes to one archive rather than a folder.
fn is_archive(engine: Engine, path: &Path) -> bool {
    engine == Engine::Opa
        && (path.as_os_str() == "-" || path.to_string_lossy().ends_with(".tar.gz"))
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some((rules, from)) = global.load_with_source(io) else {
        return Ok(Exit::Error);
    };
    let exported = match args.engine {
        Engine::Opa => export::opa::bundle(&rules),
        Engine::Cedar => export::cedar::files(&rules),
    };
    let files = match exported {
        Ok(files) => files,
        Err(e) => {
            writeln!(io.err, "error: {e}")?;
            writeln!(
                io.err,
                "  = help: portrules refuses rather than export a policy that the engine would answer differently"
            )?;
            return Ok(Exit::Error);
        }
    };
    let regenerate = format!(
        "portrules{} export {} --output {}",
        from.path()
            .map(|p| format!(" --rules {}", p.display()))
            .unwrap_or_default(),
        match args.engine {
            Engine::Opa => "opa",
            Engine::Cedar => "cedar",
        },
        args.check
            .as_ref()
            .or(args.output.as_ref())
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    );
    if let Some(path) = &args.check {
        return check(global, args.engine, path, &files, &regenerate, io);
    }
    let Some(path) = &args.output else {
        return Ok(Exit::Error);
    };
    let links = if args.follow_symlinks {
        Links::Follow
    } else {
        Links::Refuse
    };
    if is_archive(args.engine, path) {
        let bytes = export::tar_gz(&files)?;
        if path.as_os_str() == "-" {
            if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                writeln!(
                    io.err,
                    "error: refusing to write a compressed bundle to a terminal"
                )?;
                writeln!(
                    io.err,
                    "  = help: redirect standard output, or give `--output bundle.tar.gz`"
                )?;
                return Ok(Exit::Error);
            }
            io.out.write_all(&bytes)?;
            return Ok(Exit::Yes);
        }
        return written(io, path, write_atomic(path, &bytes, links));
    }
    // A folder: every file is written whole, or not at all.
    for f in &files {
        let target = path.join(&f.path);
        if let Some(parent) = target.parent()
            && let Err(e) = create_folders(parent, links)
        {
            return written(io, parent, Err(e));
        }
        if written(io, &target, write_atomic(&target, &f.bytes, links))? != Exit::Yes {
            return Ok(Exit::Error);
        }
    }
    Ok(Exit::Yes)
}

/// Reports a failed write: exit 2.
fn written(io: &mut Io<'_>, path: &Path, result: Result<(), WriteError>) -> io::Result<Exit> {
    match result {
        Ok(()) => Ok(Exit::Yes),
        Err(e) => {
            writeln!(io.err, "error: cannot write {}: {e}", path.display())?;
            if matches!(e, WriteError::Link { .. }) {
                writeln!(
                    io.err,
                    "  = help: check where the link points; if the export is meant to live behind it, add `--follow-symlinks`"
                )?;
            }
            Ok(Exit::Error)
        }
    }
}

/// `--check`: the committed export against the generated one.
fn check(
    global: &Global,
    engine: Engine,
    path: &Path,
    files: &[File],
    regenerate: &str,
    io: &mut Io<'_>,
) -> io::Result<Exit> {
    let shown = path.display().to_string();
    // Nothing longer than twice the export (or the size limit) can be it.
    let total: u64 = files.iter().map(|f| f.bytes.len() as u64).sum();
    let limit = total.saturating_mul(2).max(global.limits.max_size);
    let mut differences = Vec::new();
    if is_archive(engine, path) {
        let generated = export::tar_gz(files)?;
        let committed = match files::read_bounded(path, limit) {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge { .. }) => {
                return stale(io, &shown, "it is far larger than the export", regenerate);
            }
            Err(e) => {
                writeln!(io.err, "error: cannot read {shown}: {e}")?;
                writeln!(io.err, "  = help: export it with `{regenerate}`")?;
                return Ok(Exit::Error);
            }
        };
        if committed == generated {
            writeln!(io.out, "{shown}: up to date")?;
            return Ok(Exit::Yes);
        }
        let Some(inside) = export::read_tar_gz(&committed, limit) else {
            return stale(
                io,
                &shown,
                "it is not a bundle that portrules wrote",
                regenerate,
            );
        };
        compare(files, &inside, &mut differences);
        if differences.is_empty() {
            differences.push(format!("{shown}: the same files, archived differently"));
        }
    } else {
        if !path.is_dir() {
            writeln!(io.err, "error: cannot read {shown}: it is not a folder")?;
            writeln!(io.err, "  = help: export it with `{regenerate}`")?;
            return Ok(Exit::Error);
        }
        let mut committed = Vec::new();
        for f in files {
            let target = path.join(&f.path);
            match files::read_bounded(&target, limit) {
                Ok(bytes) => committed.push(File {
                    path: f.path.clone(),
                    bytes,
                }),
                Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => {
                    differences.push(format!("{}: cannot be read: {e}", target.display()));
                }
            }
        }
        compare(files, &committed, &mut differences);
        if differences.is_empty() {
            writeln!(io.out, "{shown}: up to date")?;
            return Ok(Exit::Yes);
        }
    }
    for d in &differences {
        io.out.write_all(escape(d).as_bytes())?;
        if !d.ends_with('\n') {
            io.out.write_all(b"\n")?;
        }
    }
    stale(
        io,
        &shown,
        "it differs from what the rules export (above: - is the committed file, + the export)",
        regenerate,
    )
}

/// What differs between the generated files and the committed ones, file by file.
fn compare(generated: &[File], committed: &[File], out: &mut Vec<String>) {
    for g in generated {
        match committed.iter().find(|c| c.path == g.path) {
            None => out.push(format!("{}: missing", g.path)),
            Some(c) if c.bytes == g.bytes => {}
            Some(c) => match (std::str::from_utf8(&c.bytes), std::str::from_utf8(&g.bytes)) {
                (Ok(old), Ok(new)) => out.push(files::unified_diff(old, new, &g.path, "export")),
                _ => out.push(format!("{}: differs", g.path)),
            },
        }
    }
    for c in committed {
        if !generated.iter().any(|g| g.path == c.path) {
            out.push(format!("{}: not part of the export", c.path));
        }
    }
}

/// Says that the export at `shown` is stale: exit 1.
fn stale(io: &mut Io<'_>, shown: &str, why: &str, regenerate: &str) -> io::Result<Exit> {
    writeln!(io.err, "error: {shown} is out of date: {why}")?;
    writeln!(
        io.err,
        "  = help: do not edit it by hand; export it again with `{regenerate}`"
    )?;
    Ok(Exit::No)
}
