//! Loading a rule file: bounded reading, YAML, schema, semantic checks, in that order.
//! A file either loads completely or yields every problem found; never half of it.
//!
//! The loader owns every stage from bytes to [`Rules`]; it depends on the model and
//! `host::files`, and nothing in the model depends on it.

pub(crate) mod codes;
mod compile;
pub(crate) mod diag;
pub(crate) mod entry;
pub(crate) mod json_view;
mod lint;
pub(crate) mod migrate;
pub(crate) mod schema;
pub(crate) mod yaml;

pub use codes::{Code, Severity};
pub use diag::Diagnostic;

use std::borrow::{Borrow, Cow};
use std::path::Path;

use crate::host::files::ReadError;
use crate::load::diag::{Finding, Findings, Lines};
use crate::load::yaml::{Kind, Node, Pos};
use crate::model::rules::Rules;

/// Default size limit for a rule file: far above any real policy, far below harm.
pub const DEFAULT_MAX_SIZE: u64 = 4 * 1024 * 1024;

/// Default number of errors (and, apart, of warnings) reported for one file.
pub const DEFAULT_MAX_PROBLEMS: usize = 200;

/// Resource limits for loading, and what to work out besides the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this many bytes are refused before parsing.
    pub max_size: u64,
    /// At most this many errors, and apart this many warnings, are worked out and
    /// reported; the rest are counted. At least 1 is used.
    pub max_problems: usize,
    /// Whether to look for warnings (valid but suspicious rules). Commands that only
    /// answer from the rules skip them; an acknowledgement that matches no warning is an
    /// error and is checked either way.
    pub warnings: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_size: DEFAULT_MAX_SIZE,
            max_problems: DEFAULT_MAX_PROBLEMS,
            warnings: true,
        }
    }
}

/// Rules that loaded, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The rules.
    pub rules: Rules,
    /// The text they were read from, for rendering warnings.
    pub text: String,
    /// Valid but suspicious things, not acknowledged in the file.
    pub warnings: Vec<Diagnostic>,
}

/// A rule file that could not be loaded, with every problem found in it.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{}", first_line(.diagnostics, .file))]
pub struct LoadError {
    /// The file as the user named it.
    pub file: String,
    /// Its text, for rendering snippets (empty when it could not be read as text).
    pub text: String,
    /// Errors first, then any warnings, each in source order.
    pub diagnostics: Vec<Diagnostic>,
}

fn first_line(diags: &[Diagnostic], file: &str) -> String {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    match diags.first() {
        Some(d) if errors > 1 => format!(
            "{errors} problems in {file}, the first at line {}: {}",
            d.line, d.message
        ),
        Some(d) if d.line > 0 => format!("{}:{}:{}: {}", file, d.line, d.column, d.message),
        Some(d) => format!("{file}: {}", d.message),
        None => format!("{file}: cannot be loaded"),
    }
}

impl LoadError {
    fn single(file: &str, text: String, finding: Finding) -> LoadError {
        let diagnostics = vec![finding.locate(file, &Lines::new(&text))];
        LoadError {
            file: file.to_string(),
            text,
            diagnostics,
        }
    }

    /// The diagnostics rendered for people, with source lines and a summary.
    pub fn render(&self) -> String {
        diag::render_human(&self.diagnostics, &self.text)
    }
}

/// Reads, checks and loads the rule file at `path`, refusing one larger than
/// `limits.max_size` before reading it.
///
/// ```no_run
/// use portrules::load::{self, Limits};
///
/// match load::from_path("rules/port-orders.yaml".as_ref(), &Limits::default()) {
///     Ok(loaded) => eprintln!("{} warnings", loaded.warnings.len()),
///     Err(e) => eprintln!("{}", e.render()),
/// }
/// ```
pub fn from_path(path: &Path, limits: &Limits) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let bytes =
        read_bounded(path, limits).map_err(|f| LoadError::single(&name, String::new(), f))?;
    from_bytes(bytes, &name, limits)
}

/// Checks and loads rules from the bytes of a file; `file` names it in diagnostics.
/// Bytes that are not UTF-8 are reported at the first bad byte.
///
/// ```
/// use portrules::load::{self, Limits};
/// let err = load::from_bytes(b"name: caf\xe9\n".to_vec(), "fetched.yaml", &Limits::default())
///     .unwrap_err();
/// assert_eq!((err.diagnostics[0].line, err.diagnostics[0].column), (1, 10));
/// ```
pub fn from_bytes(bytes: Vec<u8>, file: &str, limits: &Limits) -> Result<Loaded, LoadError> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let prefix = String::from_utf8_lossy(valid).into_owned();
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let finding = Finding::new(
                Code::NotUtf8,
                Pos {
                    line,
                    column,
                    len: 1,
                },
                format!(
                    "the file is not UTF-8 text (invalid byte at offset {})",
                    valid.len()
                ),
            )
            .help("save the file as UTF-8; if it is not meant to be a rule file, check the path");
            return Err(LoadError::single(file, prefix, finding));
        }
    };
    load(Cow::Owned(text), file, limits)
}

/// Reads at most `limits.max_size` bytes; a bigger file (or an endless one such as a
/// device) is refused without reading it all.
fn read_bounded(path: &Path, limits: &Limits) -> Result<Vec<u8>, Finding> {
    crate::host::files::read_bounded(path, limits.max_size).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => too_large(size, limits),
        other => Finding::new(
            Code::Io,
            Pos::default(),
            format!("cannot read the file: {other}"),
        ),
    })
}

fn too_large(size: u64, limits: &Limits) -> Finding {
    Finding::new(
        Code::TooLarge,
        Pos::default(),
        format!(
            "the file is larger than the limit of {} bytes{}",
            limits.max_size,
            if size > limits.max_size {
                format!(" ({size} bytes or more)")
            } else {
                String::new()
            }
        ),
    )
    .help("rule files are small; if this one is meant to be this big, raise the limit with `--max-size BYTES`")
}

/// Files at least this large check the schema and build the rules on two threads. Below
/// it a thread costs more than it saves (the shipped file is about 10 KB).
const PARALLEL_FROM: usize = 256 * 1024;

/// Checks and loads rules from YAML text; `file` names it in diagnostics.
///
/// ```
/// use portrules::load::{self, Limits};
///
/// let err = load::from_str("schema_version: 1\nname: x\n", "x.yaml", &Limits::default())
///     .unwrap_err();
/// assert!(err.diagnostics.iter().all(|d| d.file == "x.yaml" && d.line > 0));
/// assert!(err.render().contains("x.yaml:"));
/// ```
pub fn from_str(text: &str, file: &str, limits: &Limits) -> Result<Loaded, LoadError> {
    load(Cow::Borrowed(text), file, limits)
}

/// [`from_str`] for text that may be owned already: the loaded rules keep it without a
/// copy (18 MB for the largest benchmark file).
fn load(source: Cow<'_, str>, file: &str, limits: &Limits) -> Result<Loaded, LoadError> {
    let text = &*source;
    let fail = |finding: Finding| LoadError::single(file, text.to_string(), finding);
    if text.len() as u64 > limits.max_size {
        return Err(fail(too_large(text.len() as u64, limits)));
    }
    if text.contains('\0') {
        let before = &text[..text.find('\0').unwrap_or(0)];
        return Err(fail(
            Finding::new(
                Code::NotUtf8,
                Pos {
                    line: before.matches('\n').count() + 1,
                    column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                    len: 1,
                },
                "the file contains a NUL byte, so it is binary data rather than text",
            )
            .help("rule files are UTF-8 YAML text; check the path"),
        ));
    }
    let root = yaml::parse(text).map_err(|e| fail(crate::load::yaml::advice::explain(text, e)))?;
    if !matches!(root.kind, Kind::Map(_)) {
        let what = match &root.kind {
            Kind::Null => "empty",
            Kind::Seq(_) => "a list",
            _ => "a single value",
        };
        let mut pos = root.pos;
        if !pos.is_known() || what == "empty" {
            pos = Pos::default();
        }
        return Err(fail(
            Finding::new(
                Code::NotAMapping,
                pos,
                format!("the rule file is {what}, but it must be a mapping"),
            )
            .help("start from `rules/port-orders.yaml`: a mapping with `schema_version`, `name`, `version`, `title`, `actions` and `statuses`"),
        ));
    }

    let large = text.len() >= PARALLEL_FROM;
    let mut tree = FreeInBackground { node: root, large };
    crate::load::migrate::upgrade(&mut tree.node);
    let root = &tree.node;
    // A file for a newer format may use keys this schema does not know; reporting
    // those would bury the one message that matters.
    let cap = limits.max_problems.max(1);
    let mut findings = Findings::with_cap(cap);
    findings.extend(compile::check_schema_version(root));
    let mut compiled = None;
    if findings.is_empty() {
        let (schema_findings, (rules, semantic)) = if large {
            // The schema pass and the build of the rules both only read the tree; on a
            // large file they take similar time, so they share the machine's cores.
            std::thread::scope(|s| {
                let schema_pass = s.spawn(|| schema::check(root, cap));
                let built = compile::compile(root, cap);
                let schema_findings = schema_pass
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (schema_findings, built)
            })
        } else {
            (schema::check(root, cap), compile::compile(root, cap))
        };
        findings.append(schema_findings);
        findings.append(semantic);
        compiled = rules;
    }

    let lines = Lines::new(text);
    let place = |found: Findings, severity: Severity| -> Vec<Diagnostic> {
        let (found, mut more) = found.into_parts();
        let mut placed: Vec<Diagnostic> =
            found.into_iter().map(|f| f.locate(file, &lines)).collect();
        sort_dedup(&mut placed);
        if placed.len() > cap {
            more += placed.len() - cap;
            placed.truncate(cap);
        }
        if more > 0 {
            placed.push(diag::omitted(file, severity, more, cap));
        }
        placed
    };
    let fail = |diagnostics: Vec<Diagnostic>| LoadError {
        file: file.to_string(),
        text: text.to_string(),
        diagnostics,
    };
    match compiled {
        Some(mut rules) if findings.is_empty() => {
            rules.source = crate::model::rules::Text::Owned(file.to_string());
            let (warns, unused) = lint::lint(root, &rules, cap, limits.warnings);
            let warnings = place(warns, Severity::Warning);
            if !unused.is_empty() {
                let mut diagnostics = place(unused, Severity::Error);
                diagnostics.extend(warnings);
                return Err(fail(diagnostics));
            }
            Ok(Loaded {
                rules,
                text: source.into_owned(),
                warnings,
            })
        }
        _ => {
            let mut errors = place(findings, Severity::Error);
            if errors.is_empty() {
                errors.push(
                    Finding::new(
                        Code::Constraint,
                        Pos::default(),
                        "the rules could not be built",
                    )
                    .locate(file, &lines),
                );
            }
            Err(fail(errors))
        }
    }
}

/// The node tree of a large file is freed on a thread of its own: the caller has its
/// answer without waiting (on the 10,000 × 64 benchmark file, 1.3 M nodes take about
/// 0.1 s to free), and a command that exits right away never pays for it.
struct FreeInBackground {
    node: Node,
    large: bool,
}

impl Drop for FreeInBackground {
    fn drop(&mut self) {
        if self.large {
            free_in_background(std::mem::take(&mut self.node));
        }
    }
}

/// Tables of at least this many cells (statuses × actions) are freed on a thread of their
/// own once a command is done with them: 640,000 cells take about 40 ms to free.
const RELEASE_APART_FROM: usize = 10_000;

/// Frees rules a command is done with: a large table on a thread of its own, so that the
/// process exits without waiting for it.
pub(crate) fn release<R: Borrow<Rules> + Send + 'static>(rules: R) {
    let table = rules.borrow();
    if table.statuses.len() * table.actions.len() >= RELEASE_APART_FROM {
        free_in_background(rules);
    }
}

/// Frees `value` on a thread of its own, so that the caller goes on at once and a
/// process that exits next never waits for it. For large values only: starting the
/// thread costs tens of microseconds.
fn free_in_background<T: Send + 'static>(value: T) {
    // Should the thread not start, the closure and its value are freed here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Source order, one copy of each finding.
fn sort_dedup(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (a.line, a.column, a.code, &a.message).cmp(&(b.line, b.column, b.code, &b.message))
    });
    diags.dedup_by(|a, b| a.line == b.line && a.column == b.column && a.message == b.message);
}
