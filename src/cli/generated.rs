//! A generated text file that a repository commits (a documentation page, the schema):
//! written atomically, printed, or checked against what this build generates, with a
//! diff and the command that regenerates it. A committed file is a branch's text, so it
//! is read bounded, never through a link unless asked, and shown escaped.
//!
//! Depends on `host` (files, writes, terminal).

use std::io;
use std::path::Path;

use super::{Io, out_of_date, write_failed};
use crate::cli::exit::Exit;
use crate::host::files::{self, ReadError};
use crate::host::write::{Links, first_link, write_atomic};

/// How a check names things in its messages.
pub(super) struct Check<'a> {
    /// The command that regenerates the file.
    pub(super) regenerate: &'a str,
    /// What generates it, for "it differs from what ... generates".
    pub(super) made_by: &'a str,
    /// Whether to read the file through a symbolic link.
    pub(super) follow_symlinks: bool,
    /// The size limit for files read (`--max-size`); a committed file may be up to
    /// twice the generated text or this, whichever is larger.
    pub(super) max_size: u64,
}

/// Exit 0 when the file at `path` is `generated`, 1 with a diff when it is not (or is a
/// link, or far too large), 2 when it cannot be read.
pub(super) fn check(
    io: &mut Io<'_>,
    path: &Path,
    generated: &str,
    how: &Check<'_>,
) -> io::Result<Exit> {
    let shown = path.display().to_string();
    if !how.follow_symlinks
        && let Ok(Some((link, target))) = first_link(path)
    {
        let why = format!(
            "`{}` is a symbolic link to `{}`, and a committed file is not read through links",
            link.display(),
            target.display()
        );
        return out_of_date(io, &shown, &why, how.regenerate);
    }
    // A committed file longer than this cannot be the generated one; reading stops
    // there, whatever the path holds (a link to `/dev/zero` included).
    let limit = (generated.len() as u64).saturating_mul(2).max(how.max_size);
    let committed = match files::read_text_bounded(path, limit) {
        Ok(text) => text,
        Err(ReadError::TooLarge { .. }) => {
            let why = format!(
                "it holds more than {limit} bytes, far more than the {} bytes generated",
                generated.len()
            );
            return out_of_date(io, &shown, &why, how.regenerate);
        }
        Err(e) => {
            writeln!(io.err, "error: cannot read {shown}: {e}")?;
            writeln!(io.err, "  = help: generate it with `{}`", how.regenerate)?;
            return Ok(Exit::Error);
        }
    };
    if committed == generated {
        writeln!(io.out, "{shown}: up to date")?;
        return Ok(Exit::Yes);
    }
    let diff = files::unified_diff(&committed, generated, &shown, "generated");
    io.out
        .write_all(crate::host::terminal::escape(&diff).as_bytes())?;
    let why = format!(
        "it differs from what {} generates (diff above: - is the file, + is what it should say)",
        how.made_by
    );
    out_of_date(io, &shown, &why, how.regenerate)
}

/// Writes `text` to `output` atomically, or to standard output when there is none or it
/// is `-`. `what` names the file in messages (`the page`, `the schema`).
pub(super) fn write(
    io: &mut Io<'_>,
    output: Option<&Path>,
    text: &str,
    follow_symlinks: bool,
    what: &str,
) -> io::Result<Exit> {
    let links = if follow_symlinks {
        Links::Follow
    } else {
        Links::Refuse
    };
    match output {
        Some(path) if path.as_os_str() != "-" => match write_atomic(path, text.as_bytes(), links) {
            Ok(()) => Ok(Exit::Yes),
            Err(e) => write_failed(io, path, &e, what),
        },
        _ => {
            io.out.write_all(text.as_bytes())?;
            Ok(Exit::Yes)
        }
    }
}
