//! `portrules docs`: render a documentation page, write it atomically, or check that the
//! committed page is what the rules generate.
//!
//! Depends on `docs`, `load` and `host` (files, writes, workspace).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::global::{self, Global};
use super::{Io, generated};
use crate::cli::exit::Exit;
use crate::docs::{self, Page, Source};
use crate::host::files::{self, ReadError};
use crate::host::workspace;
use crate::model::rules::Rules;

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
    /// Exit 0 if FILE equals the generated page, 1 with a diff if not, 2 on errors;
    /// without FILE (status page only), the page that portrules.toml names (`page =
    /// ...`), or docs/port-order-statuses.md beside a conventional rules/port-orders.yaml
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    check: Option<Option<PathBuf>>,
    /// Let --output replace, and --check read, the file a symbolic link points to
    /// (refused by default: a branch may commit the page as a link to a file outside
    /// the repository, such as a secret that a diff would print)
    #[arg(long)]
    follow_symlinks: bool,
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some((rules, from)) = global.load_with_source(io) else {
        return Ok(Exit::Error);
    };
    let check = match &args.check {
        None => None,
        Some(Some(path)) => Some(path.clone()),
        Some(None) if args.page != Page::Statuses => {
            writeln!(
                io.err,
                "error: `--check` without a file checks the status page that {} names; name the file for this page",
                workspace::CONFIG
            )?;
            writeln!(
                io.err,
                "  = help: `{}`",
                args.page
                    .regenerate_command(None, None)
                    .replace(" --output ", " --check ")
            )?;
            return Ok(Exit::Error);
        }
        Some(None) => match repository_page(&from) {
            Some(path) => Some(path),
            None => {
                writeln!(
                    io.err,
                    "error: `--check` without a file needs the page's name, and no {} names one",
                    workspace::CONFIG
                )?;
                writeln!(
                    io.err,
                    "  = help: give it (`--check docs/port-order-statuses.md`), or add `page = \"docs/<name>.md\"` to {}",
                    workspace::CONFIG
                )?;
                return Ok(Exit::Error);
            }
        },
    };
    let rules = Arc::new(rules);
    let exit = generate(global, args, check.as_deref(), (rules.clone(), &from), io);
    crate::load::release(rules);
    exit
}

/// Renders the page from `rules`, then writes it, prints it or checks it.
fn generate(
    global: &Global,
    args: &Args,
    check: Option<&Path>,
    (rules, from): (Arc<Rules>, &global::Source),
    io: &mut Io<'_>,
) -> io::Result<Exit> {
    let file = check.or(args.output.as_deref());
    let names = Names::new(from, file);
    let source = Source {
        rules,
        path: &names.rules,
        selector: names.selector.as_deref(),
        target: names.page.as_deref(),
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
        .regenerate_command(names.selector.as_deref(), names.page.as_deref());
    if let Some(path) = check {
        let made_by = from.name();
        let how = generated::Check {
            regenerate: &regenerate,
            made_by: &made_by,
            follow_symlinks: args.follow_symlinks,
            max_size: global.limits.max_size,
        };
        return generated::check(io, path, &page, &how);
    }
    generated::write(
        io,
        args.output.as_deref(),
        &page,
        args.follow_symlinks,
        "the page",
    )
}

/// The page a repository keeps for its rules: the one `portrules.toml` names, else the
/// conventional `docs/port-order-statuses.md` beside a conventional rule file.
fn repository_page(from: &global::Source) -> Option<PathBuf> {
    let global::Source::File {
        workspace: Some(ws),
        ..
    } = from
    else {
        return None;
    };
    let page = match (&ws.page, ws.configured) {
        (Some(page), _) => ws.root.join(page),
        (None, false) => ws.root.join(CONVENTIONAL_PAGE),
        (None, true) => return None,
    };
    // Named from the current folder when it is inside the repository, as a person
    // would type it.
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    Some(
        match here.and_then(|h| page.strip_prefix(h).ok().map(Path::to_path_buf)) {
            Some(relative) if !relative.as_os_str().is_empty() => relative,
            _ => page,
        },
    )
}

/// The page of a repository that keeps its rules in `rules/port-orders.yaml` without a
/// configuration.
pub(super) const CONVENTIONAL_PAGE: &str = "docs/port-order-statuses.md";

/// How a page names its rules and itself: from the repository's top folder, so that
/// the page is the same whichever folder it was generated from and however its paths
/// were spelled (`rules/x.yaml`, `./rules/x.yaml`, an absolute path).
struct Names {
    /// The rule file as the page names it.
    rules: String,
    /// `--rules FILE` for the regenerate command, unless the rules are the repository's own
    /// or the default built-in ones.
    selector: Option<String>,
    /// The page, when it is written to or checked in a file.
    page: Option<String>,
}

impl Names {
    fn new(from: &global::Source, file: Option<&Path>) -> Names {
        let file = file.filter(|f| !is_stream(f));
        let workspace = match from {
            global::Source::File {
                workspace: Some(ws),
                ..
            } => Some(ws.clone()),
            _ => {
                let folder = file
                    .and_then(workspace::absolute)
                    .and_then(|f| f.parent().map(Path::to_path_buf))
                    .or_else(|| std::env::current_dir().ok());
                folder.and_then(|f| workspace::find(&f).ok().flatten())
            }
        };
        let spelled = |path: &Path| {
            (workspace.as_ref())
                .and_then(|ws| ws.relative(path))
                .or_else(|| path.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| path.display().to_string())
        };
        let page = file.map(spelled);
        match from {
            // A built-in policy is named as the file it was built from, so that its page is
            // the same whether it was made with `--policy` or with `--rules` on that file,
            // and its regenerate command works on an edited file without a rebuild.
            global::Source::BuiltIn(policy) => Names {
                rules: policy.path.to_string(),
                selector: (!from.is_default()).then(|| format!("--rules {}", policy.path)),
                page,
            },
            global::Source::File { path, .. } => {
                let rules = spelled(path);
                let own = workspace.as_ref().and_then(|ws| ws.rules.as_deref()) == Some(&rules);
                Names {
                    selector: (!own).then(|| format!("--rules {rules}")),
                    rules,
                    page,
                }
            }
        }
    }
}

/// Whether `path` is standard output or a device or pipe rather than a page file.
fn is_stream(path: &Path) -> bool {
    if path.as_os_str() == "-" {
        return true;
    }
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}
