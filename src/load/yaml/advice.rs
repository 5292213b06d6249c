//! YAML syntax errors in a policy owner's words: the parser says where it gave up, this
//! says what the mistake probably is and where it starts (an unclosed quote is shown
//! where it opened, not where the parser noticed). Reads only the text and the error.
//!
//! Depends on the diagnostics and the YAML error type.

use crate::load::codes::Code;
use crate::load::diag::Finding;
use crate::load::yaml::{Pos, SyntaxError, SyntaxErrorKind};

/// The finding for a YAML error in `text`.
pub fn explain(text: &str, e: SyntaxError) -> Finding {
    let code = match e.kind {
        SyntaxErrorKind::Syntax => Code::Syntax,
        SyntaxErrorKind::DuplicateKey => Code::DuplicateKey,
        SyntaxErrorKind::Limit => Code::Limit,
    };
    let mut pos = e.pos;
    pos.len = pos.len.max(1);
    let help = match code {
        Code::DuplicateKey => "each key may appear once per mapping; remove or rename one copy",
        Code::Limit => {
            "rule files need a few levels of nesting and no alias expansion; simplify the file"
        }
        _ => {
            if let Some(open) = unclosed_quote(text, e.pos.line) {
                let kind = if open.double { "double" } else { "single" };
                let quote = if open.double { '"' } else { '\'' };
                return Finding::new(
                    code,
                    Pos {
                        line: open.line,
                        column: open.column,
                        len: 1,
                    },
                    format!(
                        "this {kind} quote is never closed, so the text runs on to line {} (where the parser stopped: {})",
                        e.pos.line, e.message
                    ),
                )
                .help(format!(
                    "end the text with a {kind} quote (`{quote}`) on this line{NOT_CHECKED}"
                ));
            }
            if let Some(at) = tab_indent(text, e.pos.line) {
                return Finding::new(
                    code,
                    at,
                    "this line is indented with a tab, which YAML does not allow",
                )
                .help(format!("indent with spaces only{NOT_CHECKED}"));
            }
            let line = text
                .split('\n')
                .nth(e.pos.line.saturating_sub(1))
                .unwrap_or("");
            if e.message.contains("mapping values are not allowed") {
                return Finding::new(
                    code,
                    pos,
                    "a colon followed by a space inside plain text starts a new key here",
                )
                .help(format!(
                    "put the whole text in double quotes: `\"...\"`{NOT_CHECKED}"
                ));
            }
            if e.message.contains("after single-quoted scalar") && line.contains('\'') {
                return Finding::new(
                    code,
                    pos,
                    "the single-quoted text ends at an apostrophe inside it",
                )
                .help(format!(
                    "inside single quotes write an apostrophe twice (`it''s`), or put the text in double quotes{NOT_CHECKED}"
                ));
            }
            if e.message.contains("indentation") && opens_bracket_before(text, e.pos.line) {
                "a list or mapping in brackets that goes on to another line must be indented further than the key it belongs to"
            } else if text
                .lines()
                .any(|l| l.trim_start_matches(' ').starts_with('\t'))
            {
                "YAML does not allow tabs for indentation; indent with spaces"
            } else {
                "the mistake is often on this line or just before it: an unclosed quote or bracket, or a line indented differently from its neighbours"
            }
        }
    };
    let help = if code == Code::Syntax {
        format!("{help}{NOT_CHECKED}")
    } else {
        help.to_string()
    };
    Finding::new(code, pos, e.message).help(help)
}

/// Said after a YAML error: the rest of the file is checked only once it parses.
const NOT_CHECKED: &str = "; the rest of the file is checked once this is fixed";

/// The first tab used as indentation on line `line` or the next one: the parser often
/// notices a tab at the end of the line before it.
fn tab_indent(text: &str, line: usize) -> Option<Pos> {
    let lines: Vec<&str> = text.split('\n').collect();
    (line..=line + 1).find_map(|n| {
        let l = lines.get(n.checked_sub(1)?)?;
        let indent: String = l.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let column = indent.find('\t')? + 1;
        // A tab inside the indentation, before any text on the line.
        (indent.len() < l.len()).then_some(Pos {
            line: n,
            column,
            len: 1,
        })
    })
}

/// Whether the last non-empty line before `line` leaves a `[` or `{` open.
fn opens_bracket_before(text: &str, line: usize) -> bool {
    let before: Vec<&str> = text.split('\n').take(line.saturating_sub(1)).collect();
    let Some(previous) = before.iter().rev().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let count = |set: &[char]| previous.chars().filter(|c| set.contains(c)).count();
    count(&['[', '{']) > count(&[']', '}'])
}

/// A quote that opens text.
#[derive(Debug, PartialEq, Eq)]
struct Open {
    line: usize,
    column: usize,
    double: bool,
}

/// The quote still open when line `stop` begins, if one is: a quoted scalar that
/// started on an earlier line and was not closed before the parser gave up.
///
/// A light reading of YAML: outside quotes, `#` after a space starts a comment, `"`
/// opens a double-quoted text anywhere a value may start, `'` only where a value
/// starts (after `: `, `- `, `[`, `{`, `,` or at the start of a line), so that the
/// apostrophe in `don't` is not taken for a quote. Inside double quotes `\` escapes;
/// inside single quotes `''` is a quote.
fn unclosed_quote(text: &str, stop: usize) -> Option<Open> {
    let mut open: Option<Open> = None;
    for (i, line) in text.split('\n').enumerate().take(stop.saturating_sub(1)) {
        let chars: Vec<char> = line.chars().collect();
        // The last character before this one that is not a space, kept as the scan
        // goes: looking back for it would cost the square of a line's length.
        let mut before: Option<char> = None;
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            match &open {
                Some(o) if o.double => match c {
                    '\\' => k += 1,
                    '"' => open = None,
                    _ => {}
                },
                Some(_) => {
                    if c == '\'' {
                        if chars.get(k + 1) == Some(&'\'') {
                            k += 1;
                        } else {
                            open = None;
                        }
                    }
                }
                None => {
                    let value_start =
                        matches!(before, None | Some(':' | '-' | '[' | '{' | ',' | '?'));
                    match c {
                        '#' if k == 0 || chars[k - 1] == ' ' => break,
                        '"' | '\'' if value_start => {
                            open = Some(Open {
                                line: i + 1,
                                column: k + 1,
                                double: c == '"',
                            });
                        }
                        _ => {}
                    }
                }
            }
            if c != ' ' {
                before = Some(c);
            }
            k += 1;
        }
    }
    open.filter(|o| o.line < stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(text: &str, stop: usize) -> Option<(usize, usize)> {
        unclosed_quote(text, stop).map(|o| (o.line, o.column))
    }

    #[test]
    fn the_quote_that_runs_on_is_found_where_it_opened() {
        let text = "a: \"open\nb: x\nc: y # don't\n";
        assert_eq!(case(text, 3), Some((1, 4)));
        assert_eq!(case("a: 'it''s\nb: x\n", 2), Some((1, 4)));
        assert_eq!(case("a: \"closed\"\nb: x\n", 2), None);
        assert_eq!(case("a: don't\nb: x\n", 2), None);
        assert_eq!(case("a: x # \"not a quote\nb: y\n", 2), None);
        assert_eq!(case("a: \"esc \\\" still open\nb: y\n", 2), Some((1, 4)));
        assert_eq!(case("l: [\"one\", \"two\nb: y\n", 2), Some((1, 12)));
    }

    #[test]
    fn a_long_line_is_read_once() {
        // Four million spaces: looking back from each for the last other character
        // would take hours.
        let text = format!("a: 1{}\nb: \"open\nc: d\n", " ".repeat(4_000_000));
        assert_eq!(case(&text, 3), Some((2, 4)));
    }
}
