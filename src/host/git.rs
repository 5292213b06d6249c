//! Reading one file of a git revision (`REV:PATH`) without letting the text become an
//! option of git, a search or a tree, and without running any filter the repository
//! configures.
//!
//! The spec is split at its first colon and checked here; git is then asked only to
//! resolve names (`rev-parse --verify --end-of-options`), to say what an object is
//! (`cat-file --batch-check`) and to print a blob's raw bytes (`cat-file blob`), which
//! never runs smudge or textconv filters. The blob's size is checked before it is read.
//! Must not depend on the loader: it returns bytes, and the caller loads them.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// A `REV:PATH` that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GitError {
    /// The spec is not of the form this reads.
    #[error("`{spec}` is not REV:PATH: {why}")]
    BadSpec {
        /// The spec as given.
        spec: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// git could not be run, or refused.
    #[error("cannot read `{spec}` from git: {why}")]
    Git {
        /// The spec as given.
        spec: String,
        /// git's own words, or ours.
        why: String,
    },
    /// The spec names something other than a file.
    #[error("`{spec}` is {what}, not a file")]
    NotAFile {
        /// The spec as given.
        spec: String,
        /// What it names, with its article (`a tree (a folder)`).
        what: String,
    },
    /// The blob is larger than the caller accepts.
    #[error("`{spec}` is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// The spec as given.
        spec: String,
        /// The blob's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// Whether `spec` is meant as `REV:PATH` rather than a file name: it has a colon and
/// no file of that name exists.
pub fn looks_like_rev_path(spec: &str) -> bool {
    spec.contains(':') && !std::path::Path::new(spec).exists()
}

/// Splits `REV:PATH`, refusing what git would read as something other than one file
/// of one revision: an option, the index or a commit search (`:path`, `:/text`), a
/// whole tree (`HEAD:`), a pathspec pattern.
fn split(spec: &str) -> Result<(&str, &str), GitError> {
    let bad = |why| GitError::BadSpec {
        spec: spec.to_string(),
        why,
    };
    let (rev, path) = spec.split_once(':').ok_or(bad("it has no colon"))?;
    if rev.is_empty() {
        return Err(bad(
            "name a revision before the colon, e.g. `HEAD:rules/port-orders.yaml` (the index and `:/text` searches are not read)",
        ));
    }
    if rev.starts_with('-') {
        return Err(bad("a revision cannot start with `-`"));
    }
    if rev.contains("^{/") {
        return Err(bad("name a revision, not a commit search (`^{/text}`)"));
    }
    if path.contains(['*', '?', '[', '\\']) {
        return Err(bad(
            "the path has a pattern character (`*`, `?`, `[` or `\\`); name one file exactly",
        ));
    }
    if spec.chars().any(char::is_control) {
        return Err(bad("it contains a control character"));
    }
    Ok((rev, path))
}

/// Reads the file `spec` (`REV:PATH`) names from the git repository of the current
/// folder, refusing blobs larger than `max_size` bytes before reading them.
pub fn read_blob(spec: &str, max_size: u64) -> Result<Vec<u8>, GitError> {
    let (rev, path) = split(spec)?;
    let failed = |why: String| GitError::Git {
        spec: spec.to_string(),
        why,
    };
    let tree = rev_parse(&format!("{rev}^{{tree}}"))
        .map_err(failed)?
        .ok_or_else(|| failed(format!("`{rev}` is not a revision in this repository")))?;
    let oid = rev_parse(&format!("{tree}:{path}"))
        .map_err(failed)?
        .ok_or_else(|| failed(format!("`{path}` does not exist in `{rev}`")))?;
    let (kind, size) = describe(&oid).map_err(failed)?;
    if kind != "blob" {
        let what = match kind.as_str() {
            "tree" => "a tree (a folder)".to_string(),
            "commit" => "a commit (a submodule)".to_string(),
            other => format!("a git {other}"),
        };
        return Err(GitError::NotAFile {
            spec: spec.to_string(),
            what,
        });
    }
    if size > max_size {
        return Err(GitError::TooLarge {
            spec: spec.to_string(),
            size,
            limit: max_size,
        });
    }
    let mut child = git(&["cat-file", "blob", &oid])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            failed(format!(
                "cannot run git: {}",
                crate::host::files::io_reason(&e)
            ))
        })?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let read = child
        .stdout
        .take()
        .map(|out| out.take(max_size.saturating_add(1)).read_to_end(&mut bytes));
    // Whatever was read, the child is not left running.
    let _ = child.kill();
    let output = child.wait_with_output();
    // Past the limit git was stopped on purpose: that, not its exit, is the news.
    if bytes.len() as u64 > max_size {
        return Err(GitError::TooLarge {
            spec: spec.to_string(),
            size: bytes.len() as u64,
            limit: max_size,
        });
    }
    match (read, output) {
        (Some(Ok(_)), Ok(out)) if out.status.success() || bytes.len() as u64 == size => Ok(bytes),
        (_, Ok(out)) => Err(failed(stderr_reason(&out.stderr))),
        (_, Err(e)) => Err(failed(crate::host::files::io_reason(&e))),
    }
}

/// A git command with nothing from the terminal: no pager, no prompts.
fn git(args: &[&str]) -> Command {
    let mut command = Command::new("git");
    command
        .args(["--no-pager", "-c", "core.fsmonitor=false"])
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0");
    command
}

/// The object id `name` resolves to; `Ok(None)` when it resolves to nothing.
fn rev_parse(name: &str) -> Result<Option<String>, String> {
    let out = git(&["rev-parse", "--verify", "--quiet", "--end-of-options", name])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {}", crate::host::files::io_reason(&e)))?;
    if out.status.success() {
        let oid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        return Ok(is_oid(&oid).then_some(oid));
    }
    // `--quiet` keeps git silent about names that do not resolve; anything it still
    // says (not a repository, no git at all) is the reason.
    if out.stderr.iter().all(u8::is_ascii_whitespace) {
        Ok(None)
    } else {
        Err(stderr_reason(&out.stderr))
    }
}

/// The type and size of object `oid`.
fn describe(oid: &str) -> Result<(String, u64), String> {
    let mut child = git(&["cat-file", "--batch-check"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {}", crate::host::files::io_reason(&e)))?;
    if let Some(mut stdin) = child.stdin.take() {
        // `oid` is hex digits only, checked by `rev_parse`.
        let _ = writeln!(stdin, "{oid}");
    }
    let out = child
        .wait_with_output()
        .map_err(|e| crate::host::files::io_reason(&e))?;
    let line = String::from_utf8_lossy(&out.stdout);
    let mut words = line.split_whitespace();
    match (
        words.next(),
        words.next(),
        words.next().map(str::parse::<u64>),
    ) {
        (Some(_), Some(kind), Some(Ok(size))) => Ok((kind.to_string(), size)),
        _ => Err(stderr_reason(&out.stderr)),
    }
}

fn is_oid(text: &str) -> bool {
    (40..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// git's message, without its `fatal: ` and on one line.
fn stderr_reason(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("git failed without saying why");
    line.trim_start_matches("fatal: ")
        .trim_start_matches("error: ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(spec: &str) -> &'static str {
        match split(spec) {
            Err(GitError::BadSpec { why, .. }) => why,
            other => panic!("{spec}: {other:?}"),
        }
    }

    #[test]
    fn only_one_file_of_one_revision_can_be_named() {
        assert_eq!(
            split("origin/main:rules/port-orders.yaml"),
            Ok(("origin/main", "rules/port-orders.yaml"))
        );
        assert_eq!(split("HEAD~1:a:b.yaml"), Ok(("HEAD~1", "a:b.yaml")));
        assert!(refused("--output=/tmp/x:y").contains("`-`"));
        assert!(refused("-O/etc/passwd:x").contains("`-`"));
        assert!(refused(":/message").contains("before the colon"));
        assert!(refused(":rules.yaml").contains("before the colon"));
        assert!(refused("HEAD^{/fix}:rules.yaml").contains("not a commit search"));
        assert_eq!(
            split("HEAD:"),
            Ok(("HEAD", "")),
            "a tree: refused once resolved"
        );
        assert!(refused("HEAD:rules/*.yaml").contains("pattern"));
        assert!(refused("HEAD:rules/[ab].yaml").contains("pattern"));
        assert!(refused("HEAD:a\u{1b}]0;x\u{7}").contains("control"));
    }
}
