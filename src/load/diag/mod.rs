//! Diagnostics: located findings about a rule file and the three ways to print them
//! (for people, as JSON, and as GitHub Actions annotations).
//!
//! Depends on the codes and positions; the stages that find problems depend on it.

mod render;

use serde::Serialize;

use crate::load::codes::{Code, Severity};
use crate::load::yaml::Pos;
pub use render::{render_github, render_human};

/// One finding, located in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line of the start; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// 1-based column of the start, in characters.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column just past the last character.
    pub end_column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// Stable code, e.g. `PR021`.
    #[serde(serialize_with = "ser_code")]
    pub code: Code,
    /// One line saying what is wrong.
    pub message: String,
    /// What to do about it, when there is something useful to say.
    pub help: Option<String>,
    /// For a [`Code::TooManyProblems`] or [`Code::TooManyWarnings`] line: how many
    /// findings it stands for, which the closing count includes.
    #[serde(skip)]
    pub omitted: usize,
}

fn ser_code<S: serde::Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.as_str())
}

/// A finding before it is placed in a file: code, message, help and position.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// One line saying what is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
    /// Where.
    pub pos: Pos,
}

impl Finding {
    /// A finding at `pos`.
    pub fn new(code: Code, pos: Pos, message: impl Into<String>) -> Finding {
        Finding {
            code,
            message: message.into(),
            help: None,
            pos,
        }
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Finding {
        self.help = help;
        self
    }

    /// Places the finding in `file`, whose lines are `lines`.
    pub fn locate(self, file: &str, lines: &Lines<'_>) -> Diagnostic {
        let (line, column) = (self.pos.line, self.pos.column);
        let (end_line, end_column) = if line == 0 {
            (0, 0)
        } else {
            // Counted only as far as the underline could reach.
            let reach = column.saturating_add(self.pos.len.max(1));
            let width = lines.get(line).map_or(0, |t| t.chars().take(reach).count());
            // A value that wraps onto further lines is underlined to its first line's end.
            let end = (column + self.pos.len.max(1))
                .min(width + 1)
                .max(column + 1);
            (line, end)
        };
        Diagnostic {
            file: file.to_string(),
            line,
            column,
            end_line,
            end_column,
            severity: self.code.severity(),
            code: self.code,
            message: self.message,
            help: self.help,
            omitted: 0,
        }
    }
}

/// `pos` underlining `text`.
pub fn len_of(mut pos: Pos, text: &str) -> Pos {
    pos.len = text.chars().count().max(1);
    pos
}

/// A text's lines, found once, so that placing any number of findings costs one pass
/// over the text rather than one per finding.
pub struct Lines<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn get(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        let l = &self.text[start..end];
        Some(l.strip_suffix('\r').unwrap_or(l))
    }
}

/// The line that stands for `count` findings of `severity` that were not reported.
pub fn omitted(file: &str, severity: Severity, count: usize, cap: usize) -> Diagnostic {
    let (code, one, many) = match severity {
        Severity::Error => (Code::TooManyProblems, "problem was", "problems were"),
        Severity::Warning => (Code::TooManyWarnings, "warning was", "warnings were"),
    };
    let what = if count == 1 { one } else { many };
    Diagnostic {
        file: file.to_string(),
        line: 0,
        column: 0,
        end_line: 0,
        end_column: 0,
        severity,
        code,
        message: format!("{count} more {what} found but not shown: the report stops after {cap}"),
        help: Some(
            "fix the ones shown and run again, or raise the limit with `--max-problems N`".into(),
        ),
        omitted: count,
    }
}

/// Findings of one stage of loading, at most `cap` of them built: past the cap a
/// finding is only counted, so a file with a hundred thousand mistakes costs no more
/// than counting them (suggestions and help are not worked out for the rest).
#[derive(Debug, Default)]
pub struct Findings {
    list: Vec<Finding>,
    cap: usize,
    more: usize,
}

impl Findings {
    /// A collector that builds at most `cap` findings.
    pub fn with_cap(cap: usize) -> Findings {
        Findings {
            list: Vec::new(),
            cap,
            more: 0,
        }
    }

    /// Adds a finding that was cheap to make.
    pub fn push(&mut self, finding: Finding) {
        if self.list.len() < self.cap {
            self.list.push(finding);
        } else {
            self.more += 1;
        }
    }

    /// Adds a finding, making it only while under the cap.
    pub fn add(&mut self, make: impl FnOnce() -> Finding) {
        if self.list.len() < self.cap {
            self.list.push(make());
        } else {
            self.more += 1;
        }
    }

    /// Counts `n` findings that were found past a cap of the caller's own.
    pub fn counted(&mut self, n: usize) {
        self.more += n;
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more == 0
    }

    /// How many were found, built or only counted.
    pub fn count(&self) -> usize {
        self.list.len() + self.more
    }

    /// Adds another stage's findings.
    pub fn append(&mut self, other: Findings) {
        self.more += other.more;
        for f in other.list {
            self.push(f);
        }
    }

    /// The findings that were built, and how many more were only counted.
    pub fn into_parts(self) -> (Vec<Finding>, usize) {
        (self.list, self.more)
    }
}

impl Extend<Finding> for Findings {
    fn extend<T: IntoIterator<Item = Finding>>(&mut self, iter: T) {
        for f in iter {
            self.push(f);
        }
    }
}
