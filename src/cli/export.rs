//! `portrules export opa|cedar`: compile the rules for a policy engine, write the
//! files, or check that a committed export is what the rules give.
//!
//! Depends on `export`, `load` and `host` (files, writes).

use std::io;
use std::path::{Path, PathBuf};

use super::global::Global;
use super::{Io, out_of_date};
use crate::cli::exit::Exit;
use crate::export::{self, File};
use crate::host::files::{self, ReadError};
use crate::host::terminal::escape;
use crate::host::write::{Links, WriteError, create_folders, first_link, write_atomic};

/// Files a committed export folder may hold, at most; a folder with more is not one.
const MAX_FILES: usize = 10_000;

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
    if path.as_os_str() == "-" && !is_archive(args.engine, path) {
        writeln!(
            io.err,
            "error: a Cedar export is three files; give `--output DIR`"
        )?;
        return Ok(Exit::Error);
    }
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
    // A folder: each file is written whole (an interrupted run can leave some files of
    // the old export beside new ones; `--check` then says so). The folders below PATH
    // come from a repository: none of them may be a link, wherever PATH is.
    for f in &files {
        let target = path.join(&f.path);
        if !args.follow_symlinks
            && let Some(link) = link_below(path, &f.path)
        {
            let target = std::fs::read_link(&link).unwrap_or_default();
            return written(
                io,
                &link,
                Err(WriteError::Link {
                    link: link.clone(),
                    target,
                }),
            );
        }
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
        Err(e) => super::write_failed(io, path, &e, "the export"),
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
    // A committed link is not read: its target could be any file on the machine, and
    // a diff would print it.
    if let Ok(Some((link, target))) = first_link(path) {
        writeln!(
            io.err,
            "error: {shown}: `{}` is a symbolic link to `{}`; portrules does not read an export through links",
            link.display(),
            target.display()
        )?;
        return Ok(Exit::Error);
    }
    // Nothing longer than twice the export (or the size limit) can be it.
    let total: u64 = files.iter().map(|f| f.bytes.len() as u64).sum();
    let limit = total.saturating_mul(2).max(global.limits.max_size);
    let mut differences = Vec::new();
    if is_archive(engine, path) {
        let generated = export::tar_gz(files)?;
        let committed = match files::read_bounded(path, limit) {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge { .. }) => {
                return out_of_date(io, &shown, "it is far larger than the export", regenerate);
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
            return out_of_date(
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
        let mut found = Vec::new();
        if let Err(e) = list(path, Path::new(""), &mut found) {
            writeln!(io.err, "error: cannot read {shown}: {e}")?;
            return Ok(Exit::Error);
        }
        let mut committed = Vec::new();
        for (rel, kind) in found {
            let name = rel.to_string_lossy().replace('\\', "/");
            match kind {
                Found::Link => differences.push(format!(
                    "{name}: a symbolic link, not a file of the export (not followed)"
                )),
                Found::Other => differences.push(format!("{name}: not a regular file")),
                Found::File => match files::read_bounded(&path.join(&rel), limit) {
                    Ok(bytes) => committed.push(File { path: name, bytes }),
                    Err(ReadError::TooLarge { .. }) => {
                        differences.push(format!("{name}: far larger than any file of the export"))
                    }
                    Err(e) => {
                        writeln!(
                            io.err,
                            "error: cannot read {}: {e}",
                            path.join(&rel).display()
                        )?;
                        return Ok(Exit::Error);
                    }
                },
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
    out_of_date(
        io,
        &shown,
        "it differs from what the rules export (above: - is the committed file, + the export)",
        regenerate,
    )
}

/// What a committed export folder holds.
enum Found {
    File,
    Link,
    Other,
}

/// Every entry below `root/rel`, as paths relative to `root`, without following links;
/// at most [`MAX_FILES`].
fn list(root: &Path, rel: &Path, out: &mut Vec<(PathBuf, Found)>) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(root.join(rel))?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if out.len() >= MAX_FILES {
            return Err(io::Error::other(format!(
                "it holds more than {MAX_FILES} files"
            )));
        }
        let kind = entry.file_type()?;
        let path = rel.join(entry.file_name());
        if kind.is_symlink() {
            out.push((path, Found::Link));
        } else if kind.is_dir() {
            list(root, &path, out)?;
        } else if kind.is_file() {
            out.push((path, Found::File));
        } else {
            out.push((path, Found::Other));
        }
    }
    Ok(())
}

/// The first symbolic link among the folders and file that `rel` names below `root`.
fn link_below(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut at = root.to_path_buf();
    for part in rel.split('/') {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Some(at),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
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
