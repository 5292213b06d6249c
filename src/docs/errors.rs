//! The error catalogue page's context, from [`crate::load::codes`], with a real example
//! per code: the smallest fixture file that raises it (chosen by a test, see
//! [`error_examples`](super::error_examples)) and what `portrules validate` prints for
//! it, worked out by this build so the page cannot drift from the diagnostics.
//!
//! Depends on the code catalogue and the loader.

use minijinja::{Value, context};

use super::error_examples::{EXAMPLES, Example};
use super::{Page, header};
use crate::host::terminal::needs_escape;
use crate::load::codes::Code;
use crate::load::diag::render_human;
use crate::load::{self, Limits};

/// What `portrules validate` prints on standard error for an example file.
fn printed(example: &Example) -> String {
    let mut limits = Limits {
        warnings: true,
        ..Limits::default()
    };
    if let Some(max) = example.max_size {
        limits.max_size = max;
    }
    if let Some(max) = example.max_problems {
        limits.max_problems = max;
    }
    match load::from_bytes(example.bytes.to_vec(), example.file, &limits) {
        Err(e) => render_human(&e.diagnostics, &e.text),
        Ok(loaded) => render_human(
            &crate::examples::diagnostics(&loaded, example.file),
            &loaded.text,
        ),
    }
}

/// The command that shows it.
fn command(example: &Example) -> String {
    let mut command = String::from("portrules");
    if let Some(max) = example.max_size {
        command.push_str(&format!(" --max-size {max}"));
    }
    if let Some(max) = example.max_problems {
        command.push_str(&format!(" --max-problems {max}"));
    }
    format!("{command} validate {}", example.file)
}

/// Text as it can stand in a code block: characters that would hide or reorder text
/// are written as escapes, as on a terminal.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if needs_escape(c) => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A fence longer than any run of backticks in `text`.
fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

pub(super) fn context(page: Page, target: Option<&str>) -> Value {
    let codes: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            let example = EXAMPLES.iter().find(|e| e.code == c.as_str()).map(|e| {
                // Bytes that are not UTF-8 are shown as U+FFFD.
                let file = visible(String::from_utf8_lossy(e.bytes).trim_end_matches('\n'));
                let output = visible(printed(e).trim_end_matches('\n'));
                let fence = fence(&format!("{file}{output}"));
                context! {
                    file => e.file,
                    text => file,
                    utf8 => std::str::from_utf8(e.bytes).is_ok(),
                    fence => fence,
                    command => command(e),
                    output => output,
                }
            });
            context! {
                code => c.as_str(),
                severity => c.severity().as_str(),
                title => c.title(),
                explanation => c.explanation(),
                example => example,
            }
        })
        .collect();
    context! {
        codes => codes,
        ..header(page, "src/load/codes.rs", None, None, target)
    }
}
