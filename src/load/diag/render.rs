//! Showing diagnostics: for people (the line with a caret, cropped and escaped), as a
//! one-line summary, and as GitHub workflow annotations. Depends on the diagnostic
//! type beside it and on terminal escaping.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Lines};
use crate::load::codes::Severity;

/// How many characters of a long line are shown around the caret.
pub(super) const SNIPPET_WIDTH: usize = 120;

/// Renders diagnostics for people: `FILE:LINE:COL: error[CODE]: message`, the source
/// line with a caret under the problem, then `help:`.
pub fn render_human(diags: &[Diagnostic], source: &str) -> String {
    let mut out = String::new();
    let renderer = Renderer::plain();
    let lines = Lines::new(source);
    for d in diags {
        if d.line == 0 {
            let _ = writeln!(
                out,
                "{}: {}[{}]: {}",
                d.file,
                d.severity.as_str(),
                d.code.as_str(),
                d.message
            );
        } else {
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                d.file,
                d.line,
                d.column,
                d.severity.as_str(),
                d.code.as_str(),
                d.message
            );
            if let Some(text) = lines.get(d.line) {
                let (shown, range) = crop(text, d.column, d.end_column);
                let level = match d.severity {
                    Severity::Error => Level::ERROR,
                    Severity::Warning => Level::WARNING,
                };
                let report = &[Group::with_level(level).element(
                    Snippet::source(shown.as_str())
                        .line_start(d.line)
                        .fold(false)
                        .annotation(AnnotationKind::Primary.span(range)),
                )];
                let rendered = renderer.render(report);
                for l in rendered.lines() {
                    let _ = writeln!(out, "{}", l.trim_end());
                }
            }
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out.push('\n');
    }
    out.push_str(&summary(diags));
    out
}

/// Cuts a long line to a window around the underlined columns and returns the shown
/// text with the byte range to underline inside it. Reads the line only up to the end
/// of the window: a finding far into a megabyte-long line costs one pass to reach it.
pub(super) fn crop(
    text: &str,
    column: usize,
    end_column: usize,
) -> (String, std::ops::Range<usize>) {
    let wanted_start = column.saturating_sub(1);
    let from = wanted_start.saturating_sub(SNIPPET_WIDTH / 2);
    let mut chars = text.chars().skip(from);
    let window: Vec<char> = chars
        .by_ref()
        .take(SNIPPET_WIDTH + SNIPPET_WIDTH / 2)
        .collect();
    let more_after = chars.next().is_some();
    // The window starts at `from` unless the line is shorter than that.
    let from = if window.is_empty() {
        text.chars().count()
    } else {
        from
    };
    let start = wanted_start.saturating_sub(from).min(window.len());
    let end = end_column
        .saturating_sub(1)
        .saturating_sub(from)
        .clamp(start, window.len());
    let short = from == 0 && !more_after && window.len() <= SNIPPET_WIDTH;
    let to = if short {
        window.len()
    } else {
        (start.saturating_sub(SNIPPET_WIDTH / 2) + SNIPPET_WIDTH).min(window.len())
    };
    let end = end.min(to).max(start);
    let mut shown = String::new();
    if from > 0 {
        shown.push_str("...");
    }
    // Escaped here rather than by the output stream, so that the caret stays under the
    // characters it marks.
    let shown_text = |part: &[char]| -> String {
        part.iter()
            .map(|&c| crate::host::terminal::escape(c.encode_utf8(&mut [0; 4])).into_owned())
            .collect()
    };
    shown.push_str(&shown_text(&window[..start]));
    let range_start = shown.len();
    shown.push_str(&shown_text(&window[start..end]));
    let range_end = shown.len();
    shown.push_str(&shown_text(&window[end..to]));
    if to < window.len() || more_after {
        shown.push_str("...");
    }
    (shown, range_start..range_end)
}

/// The closing line: how many problems, in which files.
pub fn summary(diags: &[Diagnostic]) -> String {
    let stands_for = |d: &Diagnostic| if d.omitted > 0 { d.omitted } else { 1 };
    let errors: usize = (diags.iter())
        .filter(|d| d.severity == Severity::Error)
        .map(stands_for)
        .sum();
    let warnings: usize = (diags.iter())
        .filter(|d| d.severity == Severity::Warning)
        .map(stands_for)
        .sum();
    let mut files: Vec<&str> = diags.iter().map(|d| d.file.as_str()).collect();
    files.dedup();
    let place = files.join(", ");
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    match (errors, warnings) {
        (0, 0) => String::new(),
        (e, 0) => format!("error: {} in {place}\n", plural(e, "problem", "problems")),
        (0, w) => format!("warning: {} in {place}\n", plural(w, "warning", "warnings")),
        (e, w) => format!(
            "error: {} and {} in {place}\n",
            plural(e, "problem", "problems"),
            plural(w, "warning", "warnings")
        ),
    }
}

/// Renders diagnostics as GitHub Actions workflow commands, one per line.
pub fn render_github(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = format!("file={}", escape_property(&d.file));
        if d.line > 0 {
            let _ = write!(
                props,
                ",line={},col={},endLine={},endColumn={}",
                d.line, d.column, d.end_line, d.end_column
            );
        }
        let _ = write!(
            props,
            ",title={}",
            escape_property(&format!("{} {}", d.code.as_str(), d.code.title()))
        );
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(out, "::{kind} {props}::{}", escape_data(&message));
    }
    out
}

/// Escapes a workflow command's message as the runner expects.
pub(super) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub(super) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::Finding;
    use super::*;
    use crate::load::codes::Code;
    use crate::load::yaml::Pos;

    fn diag(line: usize, column: usize, len: usize) -> Diagnostic {
        Finding::new(
            Code::UnknownKey,
            Pos { line, column, len },
            "unknown key `lable`",
        )
        .help("did you mean `label`?")
        .locate("r.yaml", &Lines::new("a: 1\n  lable: x\n"))
    }

    #[test]
    fn human_output_has_location_caret_and_help() {
        let out = render_human(&[diag(2, 3, 5)], "a: 1\n  lable: x\n");
        insta::assert_snapshot!(out, @r"
        r.yaml:2:3: error[PR010]: unknown key `lable`
          |
        2 |   lable: x
          |   ^^^^^
          = help: did you mean `label`?

        error: 1 problem in r.yaml
        ");
    }

    #[test]
    fn long_lines_are_cropped_around_the_problem() {
        let line = format!("{}bad{}", "x".repeat(1000), "y".repeat(1000));
        let (shown, range) = crop(&line, 1001, 1004);
        assert!(shown.len() < 200);
        assert_eq!(&shown[range], "bad");
        assert!(
            shown.starts_with("...x") && shown.ends_with("y..."),
            "{shown}"
        );

        let (shown, range) = crop("short: bad", 8, 11);
        assert_eq!(
            (shown.as_str(), &"short: bad"[range]),
            ("short: bad", "bad")
        );
        let (shown, range) = crop(&format!("{}bad", "x".repeat(500)), 501, 504);
        assert_eq!(&shown[range], "bad");
        assert!(
            shown.starts_with("...") && !shown.ends_with("..."),
            "{shown}"
        );
        // Past the end of the line (a value that wrapped): an empty mark at the end.
        let (shown, range) = crop("abc", 10, 12);
        assert_eq!((shown.as_str(), range.len()), ("abc", 0));
    }

    #[test]
    fn control_characters_in_a_snippet_are_shown_and_the_caret_follows() {
        let (shown, range) = crop("label: \u{1b}]0;x\u{7} bad", 15, 18);
        assert_eq!(&shown[range], "bad");
        assert!(shown.contains("\\u{1b}]0;x\\u{7}"), "{shown}");
    }

    #[test]
    fn github_annotations_escape_their_text() {
        let out = render_github(&[diag(2, 3, 5)]);
        assert_eq!(
            out,
            "::error file=r.yaml,line=2,col=3,endLine=2,endColumn=8,title=PR010 unknown key::unknown key `lable`%0Ahelp: did you mean `label`?\n"
        );
    }
}
