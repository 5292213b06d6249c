//! `portrules init`: a policy repository in one command. It writes a built-in policy's
//! rule file, the schema that file's modeline points at, the configuration that names
//! them, the generated page, a pre-commit configuration using this project's hooks and a
//! GitHub Actions workflow running the checks on pull requests. Every check passes on
//! what it writes.
//!
//! Nothing is overwritten unless asked (`--force`), nothing is written through a
//! symbolic link inside the folder, and a write that fails takes back the files this run
//! created, so a failed `init` leaves the folder as it found it.
//!
//! Depends on the embedded policies, the docs, the loader's schema and `host` (writes).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Io;
use super::global::Global;
use crate::cli::exit::Exit;
use crate::docs::{self, Page};
use crate::host::write::{Links, create_folders, write_atomic};
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
         \x20       run: cargo install --locked portrules --version {VERSION}\n\
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
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if dir.exists() && !dir.is_dir() {
        writeln!(io.err, "error: {} is not a folder", dir.display())?;
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

    // Everything is checked before anything is written.
    let mut refused = false;
    for file in &files {
        let path = dir.join(&file.path);
        if let Some(link) = link_inside(&dir, &file.path) {
            writeln!(
                io.err,
                "error: {} is a symbolic link; init does not write through links",
                link.display()
            )?;
            refused = true;
        } else if std::fs::symlink_metadata(&path).is_ok() && (!args.force || path.is_dir()) {
            let why = if path.is_dir() {
                "is a folder"
            } else {
                "exists already"
            };
            writeln!(io.err, "error: {} {why}", path.display())?;
            refused = true;
        }
    }
    if refused {
        writeln!(
            io.err,
            "  = help: nothing was written; choose an empty folder (`portrules init DIR`), or add `--force` to replace the existing files"
        )?;
        return Ok(Exit::Error);
    }

    let mut created: Vec<PathBuf> = Vec::new();
    let mut folders: Vec<PathBuf> = Vec::new();
    for file in &files {
        let path = dir.join(&file.path);
        let existed = path.exists();
        let result = path
            .parent()
            .map_or(Ok(()), |parent| {
                // Note the folders this run makes, outermost first, to take them back.
                let mut missing: Vec<PathBuf> = parent
                    .ancestors()
                    .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
                    .map(Path::to_path_buf)
                    .collect();
                missing.reverse();
                let made = create_folders(parent, Links::Refuse);
                if made.is_ok() {
                    folders.extend(missing);
                }
                made
            })
            .and_then(|()| write_atomic(&path, file.text.as_bytes(), Links::Refuse));
        match result {
            Ok(()) => {
                if !existed {
                    created.push(path);
                }
            }
            Err(e) => {
                writeln!(io.err, "error: cannot write {}: {e}", path.display())?;
                // Take back what this run created, so the folder is as it was.
                for made in created.iter().rev() {
                    let _ = std::fs::remove_file(made);
                }
                for folder in folders.iter().rev() {
                    let _ = std::fs::remove_dir(folder);
                }
                writeln!(
                    io.err,
                    "  = help: the files this run had created were removed; files it replaced (with --force) keep their new text"
                )?;
                return Ok(Exit::Error);
            }
        }
    }

    let shown = dir.display();
    writeln!(
        io.out,
        "Created a policy repository in {shown} from the built-in policy {} {}:",
        policy.name, version
    )?;
    for file in &files {
        writeln!(io.out, "  {}", file.path)?;
    }
    writeln!(io.out)?;
    writeln!(io.out, "Next:")?;
    writeln!(
        io.out,
        "  cd {shown} && git init && git add -A && git commit -m \"Start from {}\"",
        policy.name
    )?;
    writeln!(
        io.out,
        "  portrules validate && portrules test     # check the rules and their examples"
    )?;
    writeln!(
        io.out,
        "  portrules docs --output {}   # after each change to the rules",
        files[3].path
    )?;
    writeln!(
        io.out,
        "  pre-commit install                       # optional: the same checks before each commit"
    )?;
    Ok(Exit::Yes)
}
