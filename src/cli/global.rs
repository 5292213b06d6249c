//! Settings every command shares, and which rules a command reads: a file named with
//! `--rules` or `$PORTRULES_RULES`, a built-in policy named with `--policy` or
//! `$PORTRULES_POLICY`, the repository's own rule file (for the commands that work on a
//! policy), or the default built-in policy, always said as such.
//!
//! Depends on `load`, the model and `host::workspace`.

use std::path::{Path, PathBuf};

use super::Io;
use crate::host::workspace::{self, ConfigError, Workspace};
use crate::load::entry::load_embedded;
use crate::load::{self, Limits, LoadError, Loaded};
use crate::model::embedded::{self, Policy};
use crate::model::rules::Rules;

/// Settings every command shares.
pub(super) struct Global {
    /// `--rules` or `$PORTRULES_RULES`.
    pub(super) rules: Option<PathBuf>,
    /// `--policy` or `$PORTRULES_POLICY`, already found among the built-in policies.
    /// Never set together with `rules`.
    pub(super) policy: Option<&'static Policy>,
    pub(super) limits: Limits,
    /// Whether, without `--rules`, the command reads the repository's rule file
    /// (`validate`, `test`, `docs`, `diff`, `table`, `transitions`) rather than the
    /// built-in rules (`query`, `batch`: services get the same answers wherever they run).
    pub(super) repository: bool,
}

/// Where a command's rules come from.
pub(super) enum Source {
    /// A file: named on the command line, or the repository's.
    File {
        /// The path to open.
        path: PathBuf,
        /// The repository the file belongs to, when it is the repository's own.
        workspace: Option<Workspace>,
    },
    /// A policy built into this binary.
    BuiltIn(&'static Policy),
}

impl Source {
    /// How messages name the source: the path as given, or `built-in NAME VERSION`.
    pub(super) fn name(&self) -> String {
        match self {
            Source::File { path, .. } => path.display().to_string(),
            Source::BuiltIn(policy) => built_in_name(policy),
        }
    }

    /// For a line that names the rules already: the path, or `built-in`.
    pub(super) fn short(&self) -> String {
        match self {
            Source::File { path, .. } => path.display().to_string(),
            Source::BuiltIn(_) => "built-in".into(),
        }
    }

    /// The file, when the rules come from one.
    pub(super) fn path(&self) -> Option<&Path> {
        match self {
            Source::File { path, .. } => Some(path),
            Source::BuiltIn(_) => None,
        }
    }

    /// Whether these are the default built-in rules, which need no option to name them.
    pub(super) fn is_default(&self) -> bool {
        matches!(self, Source::BuiltIn(p) if p.is_default())
    }
}

/// `built-in port-orders 1.1.0`.
pub(super) fn built_in_name(policy: &Policy) -> String {
    match load_embedded(policy) {
        Ok(r) => format!("built-in {} {}", r.name, r.version),
        Err(_) => format!("built-in {}", policy.name),
    }
}

impl Global {
    /// Which rules the command reads.
    pub(super) fn source(&self) -> Result<Source, ConfigError> {
        if let Some(path) = &self.rules {
            return Ok(Source::File {
                path: path.clone(),
                workspace: None,
            });
        }
        if let Some(policy) = self.policy {
            return Ok(Source::BuiltIn(policy));
        }
        let default = Source::BuiltIn(embedded::default_policy());
        if !self.repository {
            return Ok(default);
        }
        let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match workspace::find(&here)? {
            Some(ws) => match ws.rules_path() {
                Some(path) => Ok(Source::File {
                    path: shown_path(&path),
                    workspace: Some(ws),
                }),
                None => Ok(default),
            },
            None => Ok(default),
        }
    }

    /// Loads the rules of `source`.
    pub(super) fn load_from(&self, source: &Source) -> Result<Loaded, LoadError> {
        match source {
            Source::File { path, .. } => load::from_path(path, &self.limits),
            Source::BuiltIn(policy) if self.limits.warnings => {
                load::from_str(policy.yaml, &built_in_name(policy), &self.limits)
            }
            Source::BuiltIn(policy) => Ok(Loaded {
                rules: load_embedded(policy)?,
                text: String::new(),
                warnings: Vec::new(),
            }),
        }
    }

    /// Finds and loads the rules, or prints why not.
    pub(super) fn load_with_source(&self, io: &mut Io<'_>) -> Option<(Rules, Source)> {
        let source = match self.source() {
            Ok(source) => source,
            Err(e) => {
                let _ = writeln!(io.err, "error: {e}");
                let _ = writeln!(
                    io.err,
                    "  = help: {} names the repository's rule file: `rules = \"rules/port-orders.yaml\"`, optionally `page = \"docs/port-order-statuses.md\"`",
                    workspace::CONFIG
                );
                return None;
            }
        };
        match self.load_from(&source) {
            Ok(loaded) => Some((loaded.rules, source)),
            Err(e) => {
                let _ = io.err.write_all(e.render().as_bytes());
                None
            }
        }
    }

    /// Loads the rules or prints why not.
    pub(super) fn load_or_report(&self, io: &mut Io<'_>) -> Option<Rules> {
        self.load_with_source(io).map(|(rules, _)| rules)
    }
}

/// A path of the repository as it is shown: relative to the current folder when it is
/// below it, else as found.
fn shown_path(path: &Path) -> PathBuf {
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    match here.and_then(|h| path.strip_prefix(&h).ok().map(Path::to_path_buf)) {
        Some(rel) if !rel.as_os_str().is_empty() => rel,
        _ => path.to_path_buf(),
    }
}
