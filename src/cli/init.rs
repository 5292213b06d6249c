//! `portrules init`: a policy repository in one command. It writes a built-in policy's
//! rule file, the schema that file's modeline points at, the configuration that names
//! them, the generated page, a pre-commit configuration using this project's hooks and a
//! GitHub Actions workflow running the checks on pull requests. Every check passes on
//! what it writes.
//!
//! Nothing is overwritten unless asked (`--force`, and then only regular files), nothing
//! is written through a symbolic link inside the folder, a file that appears while
//! `init` runs is kept (new files are linked into place, which refuses an existing
//! name), and a write that fails takes back the files and folders this run created:
//! without `--force`, a failed `init` leaves the folder as it found it.
//!
//! Depends on the embedded policies, the docs, the loader's schema and `host` (writes).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Io;
use super::global::Global;
use crate::cli::exit::Exit;
use crate::docs::{self, Page};
use crate::host::write::{Links, create_folders, first_link, write_atomic, write_new};
use crate::model::embedded::{self, Policy};

/// Arguments of `portrules init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to set up (created if missing) [default: the current folder]
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,
    /// The built-in policy to start from (`portrules policies` lists them) [default: the
    /// --policy or $PORTRULES_POLICY one, else port-orders]
    #[arg(long, value_name = "NAME")]
    from: Option<String>,
    /// Replace files that already exist (never through a symbolic link)
    #[arg(long)]
    force: bool,
}

/// One file `init` writes: where, relative to the folder, and what.
struct File {
    path: String,
    text: String,
}

/// The release whose hooks and crate a new repository uses.
const VERSION: &str = env!("CARGO_PKG_VERSION");
/// Where this project's pre-commit hooks live.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

fn config(rules: &str, page: &str) -> String {
    format!(
        "# Where portrules finds this repository's policy: `portrules validate`, `test`, `docs`\n\
         # and `diff` read these when no --rules is given, from any folder of the repository.\n\
         rules = \"{rules}\"\n\
         page = \"{page}\"\n"
    )
}

fn pre_commit() -> String {
    format!(
        "# pre-commit (https://pre-commit.com) runs portrules before each commit that touches\n\
         # the rules or the page: run `pre-commit install` once. The first run builds portrules\n\
         # from source, which needs a Rust toolchain and takes 2-3 minutes; see the portrules\n\
         # README (\"pre-commit\") for using an installed binary instead.\n\
         repos:\n\
         \x20 - repo: {REPOSITORY}\n\
         \x20   rev: v{VERSION}\n\
         \x20   hooks:\n\
         \x20     - id: portrules-validate\n\
         \x20     - id: portrules-docs-check\n"
    )
}

fn workflow(rules: &str, page: &str) -> String {
    format!(
        "# Checks the policy on every pull request, and on pushes to main: the rule file is\n\
         # valid (problems are marked on the changed lines), its examples pass, the page and\n\
         # the schema copy are current, and a pull request bumps the policy's version as its\n\
         # change requires.\n\
         name: portrules\n\
         on:\n\
         \x20 pull_request:\n\
         \x20 push:\n\
         \x20   branches: [main]\n\
         permissions:\n\
         \x20 contents: read\n\
         jobs:\n\
         \x20 rules:\n\
         \x20   runs-on: ubuntu-latest\n\
         \x20   steps:\n\
         \x20     - uses: actions/checkout@v4\n\
         \x20       with:\n\
         \x20         fetch-depth: 0\n\
         \x20     - name: Install portrules {VERSION}\n\
         \x20       run: cargo install --locked --git {REPOSITORY} --tag v{VERSION} portrules\n\
         \x20     - name: Validate the rules\n\
         \x20       run: portrules validate --format github --deny-warnings\n\
         \x20     - name: Run the examples\n\
         \x20       run: portrules test\n\
         \x20     - name: The page is current\n\
         \x20       run: portrules docs --check {page}\n\
         \x20     - name: The schema copy is current\n\
         \x20       run: portrules schema --check schemas/rules.schema.json\n\
         \x20     - name: The version is bumped as the change requires\n\
         \x20       if: github.event_name == 'pull_request'\n\
         \x20       env:\n\
         \x20         BASE: ${{{{ github.base_ref }}}}\n\
         \x20       run: |\n\
         \x20         if git cat-file -e \"origin/$BASE:{rules}\" 2>/dev/null; then\n\
         \x20           portrules diff --require-bump \"origin/$BASE:{rules}\" {rules}\n\
         \x20         else\n\
         \x20           echo \"{rules} is new on this branch: there is no earlier version to compare\"\n\
         \x20         fi\n"
    )
}

/// The files for a repository starting from `policy`, and the policy's version.
fn files(policy: &'static Policy) -> Result<(Vec<File>, String), String> {
    let rules = format!("rules/{}.yaml", policy.name);
    let page = format!("docs/{}.md", policy.name);
    let loaded = crate::load::from_str(policy.yaml, &rules, &crate::load::Limits::default())
        .map_err(|e| e.render())?;
    let version = loaded.rules.version.to_string();
    // Named as `portrules docs --check` names them inside the new repository, so the
    // page passes that check as written.
    let source = docs::Source {
        rules: Arc::new(loaded.rules),
        path: &rules,
        selector: None,
        target: Some(&page),
    };
    let rendered = docs::render(Page::Statuses, &source, None).map_err(|e| e.to_string())?;
    let files = vec![
        File {
            path: rules.clone(),
            text: policy.yaml.to_string(),
        },
        File {
            path: "schemas/rules.schema.json".into(),
            text: crate::load::schema::SCHEMA_JSON.to_string(),
        },
        File {
            path: crate::host::workspace::CONFIG.into(),
            text: config(&rules, &page),
        },
        File {
            path: page.clone(),
            text: rendered,
        },
        File {
            path: ".pre-commit-config.yaml".into(),
            text: pre_commit(),
        },
        File {
            path: ".github/workflows/portrules.yml".into(),
            text: workflow(&rules, &page),
        },
    ];
    Ok((files, version))
}

/// The first symbolic link on the way from `dir` to `dir/relative`, itself included.
/// `dir` is the folder as resolved (the one the caller named, through links if it is
/// one); only what lies inside it is checked, which `first_link` cannot do for an
/// absolute path above the current folder.
fn link_inside(dir: &Path, relative: &str) -> Option<PathBuf> {
    let mut walked = dir.to_path_buf();
    for part in relative.split('/') {
        walked.push(part);
        if std::fs::symlink_metadata(&walked).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(walked);
        }
    }
    None
}

/// A path as a shell command line can take it: quoted unless it is plain.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./-+,=@%".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    if global.rules.is_some() {
        writeln!(
            io.err,
            "error: init copies a policy built into portrules, not a rule file (--rules or $PORTRULES_RULES)"
        )?;
        writeln!(
            io.err,
            "  = help: start from a built-in one with `--from NAME` (`portrules policies` lists them), then replace the rule file with yours"
        )?;
        return Ok(Exit::Error);
    }
    let policy = match &args.from {
        Some(name) => match embedded::find(name) {
            Some(policy) => policy,
            None => {
                super::policies::report_unknown(&mut *io.err, name)?;
                return Ok(Exit::Error);
            }
        },
        None => global.policy.unwrap_or_else(embedded::default_policy),
    };
    let named = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if named.as_os_str().is_empty() {
        writeln!(io.err, "error: the folder is an empty name")?;
        writeln!(
            io.err,
            "  = help: name a folder (`portrules init my-policy`), or leave DIR out for the current one"
        )?;
        return Ok(Exit::Error);
    }
    // The folder named is a link, or a folder of a relative path to it is: refused, as
    // every command that writes refuses them (the folders above an absolute path are
    // the machine's business).
    if let Ok(Some((link, target))) = first_link(&named) {
        writeln!(
            io.err,
            "error: {} is a symbolic link to {}; init does not write through links",
            link.display(),
            target.display()
        )?;
        writeln!(io.err, "  = help: name the folder it points to")?;
        return Ok(Exit::Error);
    }
    if named.exists() && !named.is_dir() {
        writeln!(io.err, "error: {} is not a folder", named.display())?;
        return Ok(Exit::Error);
    }
    let (files, version) = match files(policy) {
        Ok(made) => made,
        Err(e) => {
            writeln!(
                io.err,
                "error: the built-in policy {} does not load: {e}",
                policy.name
            )?;
            return Ok(Exit::Error);
        }
    };
    let page = format!("docs/{}.md", policy.name);

    // The folder the caller named, resolved once: the same folder however it is spelled
    // (relative or absolute). A missing one is made, with the missing folders above it,
    // all noted to be given back if the run fails.
    let mut made_top: Vec<PathBuf> = named
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
        .map(Path::to_path_buf)
        .collect();
    if !made_top.is_empty()
        && let Err(e) = std::fs::create_dir_all(&named)
    {
        for folder in &made_top {
            let _ = std::fs::remove_dir(folder);
        }
        writeln!(
            io.err,
            "error: cannot create {}: {}",
            named.display(),
            super::io_reason(&e)
        )?;
        return Ok(Exit::Error);
    }
    let dir = match std::fs::canonicalize(&named) {
        Ok(dir) => dir,
        Err(e) => {
            writeln!(
                io.err,
                "error: cannot open {}: {}",
                named.display(),
                super::io_reason(&e)
            )?;
            return Ok(Exit::Error);
        }
    };
    // The folder itself and those above it, when this run made them, innermost first.
    made_top.iter_mut().for_each(|f| {
        if let Ok(absolute) = std::fs::canonicalize(&*f) {
            *f = absolute;
        }
    });
    let give_back_top = || {
        for folder in &made_top {
            let _ = std::fs::remove_dir(folder);
        }
    };

    // Everything is checked before anything is written.
    let mut refused = false;
    for file in &files {
        let path = dir.join(&file.path);
        let shown = named.join(&file.path);
        if let Some(link) = link_inside(&dir, &file.path) {
            let link = named.join(link.strip_prefix(&dir).unwrap_or(&link));
            writeln!(
                io.err,
                "error: {} is a symbolic link; init never writes through links, even with --force",
                link.display()
            )?;
            refused = true;
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            writeln!(
                io.err,
                "error: {} is not a regular file (a folder, a pipe or a device); init replaces only files, even with --force",
                shown.display()
            )?;
            refused = true;
        } else if !args.force {
            writeln!(io.err, "error: {} exists already", shown.display())?;
            refused = true;
        }
    }
    if refused {
        writeln!(
            io.err,
            "  = help: nothing was written; choose an empty folder (`portrules init DIR`), or add `--force` to replace existing regular files"
        )?;
        give_back_top();
        return Ok(Exit::Error);
    }

    let mut created: Vec<PathBuf> = Vec::new();
    let mut folders: Vec<PathBuf> = Vec::new();
    for file in &files {
        let path = dir.join(&file.path);
        let replace = path.exists();
        let result = path
            .parent()
            .map_or(Ok(()), |parent| {
                // The folders this run makes, outermost first, to take them back; noted
                // before making them, so that a failure halfway takes back those too.
                let mut missing: Vec<PathBuf> = parent
                    .ancestors()
                    .take_while(|a| a.starts_with(&dir) && *a != dir && !a.exists())
                    .map(Path::to_path_buf)
                    .collect();
                missing.reverse();
                folders.extend(missing);
                create_folders(parent, Links::Refuse)
            })
            .and_then(|()| {
                if replace {
                    write_atomic(&path, file.text.as_bytes(), Links::Refuse)
                } else {
                    write_new(&path, file.text.as_bytes())
                }
            });
        match result {
            Ok(()) => {
                if !replace {
                    created.push(path);
                }
            }
            Err(e) => {
                writeln!(
                    io.err,
                    "error: cannot write {}: {e}",
                    named.join(&file.path).display()
                )?;
                // Take back what this run created, so the folder is as it was.
                for made in created.iter().rev() {
                    let _ = std::fs::remove_file(made);
                }
                for folder in folders.iter().rev() {
                    let _ = std::fs::remove_dir(folder);
                }
                give_back_top();
                let replaced = if args.force {
                    "; files it replaced (with --force) keep their new text"
                } else {
                    ""
                };
                writeln!(
                    io.err,
                    "  = help: the files and folders this run had created were removed{replaced}"
                )?;
                return Ok(Exit::Error);
            }
        }
    }

    let shown = named.display();
    writeln!(
        io.out,
        "Created a policy repository in {shown} from the built-in policy {} {version}:",
        policy.name
    )?;
    for file in &files {
        writeln!(io.out, "  {}", file.path)?;
    }
    writeln!(io.out)?;
    writeln!(io.out, "Next:")?;
    let cd = if named == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", shell_word(&named.to_string_lossy()))
    };
    writeln!(
        io.out,
        "  {cd}git init && git add -A && git commit -m \"Start from {}\"",
        policy.name
    )?;
    writeln!(
        io.out,
        "  portrules validate && portrules test     # check the rules and their examples"
    )?;
    writeln!(
        io.out,
        "  portrules docs --output {page}   # after each change to the rules"
    )?;
    writeln!(
        io.out,
        "  pre-commit install                       # optional: the same checks before each commit"
    )?;
    Ok(Exit::Yes)
}
