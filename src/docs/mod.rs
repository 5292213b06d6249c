//! Generated documentation: the pages, their templates, Markdown escaping, and the
//! template engine set up to fail loudly (an unknown variable is an error, not a blank).
//!
//! Depends on the model (and the loader's schema and codes for the reference pages); never on
//! the command line or on files: it returns text, the caller writes it.

mod diagram;
mod error_examples;
mod errors;
mod markdown;
mod rule_format;
mod statuses;
mod table;
mod words;

use std::sync::Arc;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

pub(crate) use markdown::escape_inline;
use markdown::is_plain_inline;

use crate::model::rules::Rules;

/// A generated page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Page {
    /// The status table for admins and support staff (`docs/port-order-statuses.md`).
    Statuses,
    /// The rule-file reference for policy owners, from the schema (`docs/rule-format.md`).
    RuleFormat,
    /// The catalogue of diagnostic codes (`docs/errors.md`).
    Errors,
}

impl Page {
    /// Where the page is committed.
    pub fn default_path(self) -> &'static str {
        match self {
            Page::Statuses => "docs/port-order-statuses.md",
            Page::RuleFormat => "docs/rule-format.md",
            Page::Errors => "docs/errors.md",
        }
    }

    /// The built-in template, as shipped in `docs/templates/`.
    pub fn template(self) -> (&'static str, &'static str) {
        match self {
            Page::Statuses => (
                "docs/templates/port-order-statuses.md.j2",
                include_str!("../../docs/templates/port-order-statuses.md.j2"),
            ),
            Page::RuleFormat => (
                "docs/templates/rule-format.md.j2",
                include_str!("../../docs/templates/rule-format.md.j2"),
            ),
            Page::Errors => (
                "docs/templates/errors.md.j2",
                include_str!("../../docs/templates/errors.md.j2"),
            ),
        }
    }

    /// The command that regenerates the page at `target` (default: its usual place).
    pub fn regenerate_command(self, selector: Option<&str>, target: Option<&str>) -> String {
        let rules = selector.map_or(String::new(), |r| format!(" {r}"));
        let page = match self {
            Page::Statuses => String::new(),
            Page::RuleFormat => " --page rule-format".into(),
            Page::Errors => " --page errors".into(),
        };
        let target = target.unwrap_or(self.default_path());
        format!("portrules{rules} docs{page} --output {target}")
    }
}

/// A template that failed, located in its file.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: error: {message}", .line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct TemplateError {
    /// The template's file name.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
}

impl TemplateError {
    fn from_minijinja(file: &str, e: &minijinja::Error) -> TemplateError {
        let mut message = e.kind().to_string();
        if let Some(detail) = e.detail() {
            message = format!("{message}: {detail}");
        }
        if e.kind() == minijinja::ErrorKind::UndefinedError {
            message.push_str(
                " (a name the template uses is not in the page's context; check its spelling)",
            );
        }
        TemplateError {
            file: file.to_string(),
            line: e.line(),
            message: words::lowercase_first(&message),
        }
    }
}

/// The rules a page is generated from, and how the reader should name them.
pub struct Source<'a> {
    /// The rules, shared with the page's template objects.
    pub rules: Arc<Rules>,
    /// Their file, as named in the page (`rules/port-orders.yaml`).
    pub path: &'a str,
    /// How the regenerate command names these rules, if it has to (`--rules FILE`),
    /// written as is.
    pub selector: Option<&'a str>,
    /// Where the page is written or checked, if not its usual place.
    pub target: Option<&'a str>,
}

/// Renders `page` with its built-in template, or with `template` (name, text).
///
/// ```
/// use std::sync::Arc;
/// use portrules::docs::{self, Page, Source};
/// let rules = portrules::Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
/// let source = Source { rules: Arc::new(rules), path: "due-date.yaml", selector: None, target: None };
/// let page = docs::render(Page::Statuses, &source, None)?;
/// assert!(page.contains("| **Approved** | Yes | Yes |"), "{page}");
/// let own = docs::render(Page::Statuses, &source, Some(("mine.j2", "{{ rules.title }}\n")))?;
/// assert_eq!(own.trim(), "A lock one day before the due date");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(
    page: Page,
    source: &Source<'_>,
    template: Option<(&str, &str)>,
) -> Result<String, TemplateError> {
    let (name, text) = template.unwrap_or_else(|| page.template());
    let context = match page {
        Page::Statuses => statuses::context(source, page),
        Page::RuleFormat => rule_format::context(page, source.target),
        Page::Errors => errors::context(page, source.target),
    };
    let mut env = environment();
    let fail = |e: &minijinja::Error| TemplateError::from_minijinja(name, e);
    if template.is_none() {
        // The built-in templates are part of this build and tested on the largest
        // benchmark file; they run without the bounds a user's template gets.
        let rendered = env.render_str(text, context).map_err(|e| fail(&e))?;
        return Ok(normalize(&rendered));
    }
    let cells = source.rules.statuses.len() * source.rules.actions.len().max(1);
    env.set_fuel(Some(
        FUEL_BASE.saturating_add(FUEL_PER_CELL.saturating_mul(cells as u64)),
    ));
    let limit = OUTPUT_BASE.saturating_add(OUTPUT_PER_CELL.saturating_mul(cells));
    let mut out = Bounded {
        bytes: Vec::new(),
        limit,
    };
    let compiled = env.template_from_str(text).map_err(|e| fail(&e))?;
    match compiled.render_captured_to(context, &mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == minijinja::ErrorKind::OutOfFuel => {
            let mut err = fail(&e);
            err.message = format!(
                "the template runs too long: it took more than the {} steps allowed for these rules (a loop that never ends, or loops inside loops over large ranges?)",
                FUEL_BASE.saturating_add(FUEL_PER_CELL.saturating_mul(cells as u64))
            );
            return Err(err);
        }
        Err(e) if out.bytes.len() >= limit || e.kind() == minijinja::ErrorKind::WriteFailure => {
            let mut err = fail(&e);
            err.message = format!(
                "the page grows past {limit} bytes, far more than these rules can fill; check the template's loops"
            );
            return Err(err);
        }
        Err(e) => return Err(fail(&e)),
    }
    let rendered = String::from_utf8(out.bytes).map_err(|_| TemplateError {
        file: name.to_string(),
        line: None,
        message: "the template produced text that is not UTF-8".into(),
    })?;
    Ok(normalize(&rendered))
}

/// Template steps a user's template may take: a base, and more per cell of the table.
/// The shipped status page, rendered as a user's template, takes 20 to 30 steps per
/// cell on the 10,000 × 64 benchmark file (between 11.4 M and 17.8 M in all), so a
/// template fifteen times as busy still renders, and an endless loop stops in well
/// under a second on a small file.
const FUEL_BASE: u64 = 5_000_000;
/// See [`FUEL_BASE`].
const FUEL_PER_CELL: u64 = 400;
/// Bytes a user's template may write: a base, and more per cell.
const OUTPUT_BASE: usize = 16 * 1024 * 1024;
/// See [`OUTPUT_BASE`]; the shipped status page writes about 45 bytes per cell.
const OUTPUT_PER_CELL: usize = 512;

/// A page being written, refused past `limit` bytes.
struct Bounded {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            return Err(std::io::Error::other("the page is too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A template environment: strict about undefined names, blocks trimmed like Ansible's,
/// and the Markdown escaping filters.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Default delimiters cannot fail to build; keep the default syntax if they ever did.
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    // A text value is written as it is; minijinja's default formatter goes through
    // `write!` and `Display` for it (2 % of rendering a large page's instructions).
    // Anything else, and any auto-escaping, stays with the default.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text) if matches!(state.auto_escape(), AutoEscape::None) => {
            out.write_str(text).map_err(minijinja::Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.add_filter("md", md);
    env.add_filter("md_join", md_join);
    env.add_filter("md_cell", |s: String| markdown::escape_cell(&s));
    env
}

/// The `md` filter: a value as Markdown inline text.
fn md(value: Value) -> Result<Value, minijinja::Error> {
    match value.as_str() {
        // Most values need no escaping; handing them back avoids two copies each.
        Some(text) if is_plain_inline(text) => Ok(value),
        Some(text) => Ok(Value::from(escape_inline(text))),
        None if value.is_kwargs() => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            "cannot convert kwargs to string",
        )),
        None => Ok(Value::from(escape_inline(&value.to_string()))),
    }
}

/// The `md_join` filter: `items | md_join(", ")` is `items | map("md") | join(", ")`
/// in one step. The status page joins a list per status; through `map` each item cost
/// a filter lookup and call, about a quarter of rendering a large page's details.
fn md_join(items: Value, separator: Option<&str>) -> Result<String, minijinja::Error> {
    if items.is_undefined() {
        // What `map` does with an undefined value under strict undefined behavior.
        return Err(minijinja::Error::new(
            minijinja::ErrorKind::UndefinedError,
            "cannot join an undefined value",
        ));
    }
    let mut out = String::new();
    for (i, item) in items.try_iter()?.enumerate() {
        if i > 0 {
            out.push_str(separator.unwrap_or_default());
        }
        match item.as_str() {
            Some(text) if is_plain_inline(text) => out.push_str(text),
            _ => out.push_str(&md(item)?.to_string()),
        }
    }
    Ok(out)
}

/// `\n` line endings, no trailing spaces, no runs of blank lines, one final newline:
/// byte-identical output on every machine.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    // `lines` drops the `\r` of a `\r\n` and `trim_end` any other trailing one, so the
    // page is not copied first to replace them.
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// Shared header facts every page context carries.
fn header(
    page: Page,
    source_path: &str,
    version: Option<&str>,
    selector: Option<&str>,
    target: Option<&str>,
) -> Value {
    let regenerate = page.regenerate_command(selector, target);
    let version = version
        .map(|v| format!(" (version {v})"))
        .unwrap_or_default();
    let generated_note = format!(
        "Generated by portrules from {source_path}{version}. Do not edit: change the source, then run `{regenerate}`."
    );
    minijinja::context! {
        source => source_path,
        regenerate => regenerate,
        generated_note => generated_note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_makes_output_canonical() {
        assert_eq!(normalize("a  \r\n\n\n\nb\n\n\n"), "a\n\nb\n");
        assert_eq!(normalize("\n\na"), "a\n");
        assert_eq!(normalize(""), "\n");
        // Carriage returns at line ends go; one inside a line stays, as it always did.
        assert_eq!(normalize("a\r\r\nb\rc \r\n\r\n\r\nd\r"), "a\nb\rc\n\nd\n");
    }

    #[test]
    fn md_join_is_map_md_then_join() {
        let env = environment();
        let render = |template: &str, items: &Value| {
            env.render_str(template, minijinja::context! { items => items })
                .map_err(|e| e.kind())
        };
        let cases = [
            Value::from(vec!["View", "Edit (only the FOC date)"]),
            Value::from(vec![
                "# heading",
                "a | b",
                "<b>",
                "  spaced   out  ",
                "*",
                "",
            ]),
            Value::from(vec![Value::from(12), Value::from(()), Value::from(true)]),
            Value::from(Vec::<Value>::new()),
            Value::from("a_b"),
            Value::from(vec![Value::from(vec!["nested", "_list_"])]),
            Value::from(7),
            Value::UNDEFINED,
        ];
        assert_eq!(
            render("{{ items | md_join(', ') }}", &cases[1]),
            Ok(r"\# heading, a \| b, &lt;b&gt;, spaced out, \*, ".to_string())
        );
        for items in &cases {
            for separator in ["", ", ", " | "] {
                let one = format!("{{{{ items | md_join({separator:?}) }}}}");
                let two = format!("{{{{ items | map(\"md\") | join({separator:?}) }}}}");
                assert_eq!(
                    render(&one, items),
                    render(&two, items),
                    "{items:?} {separator:?}"
                );
            }
            assert_eq!(
                render("{{ items | md_join }}", items),
                render("{{ items | map('md') | join }}", items),
                "{items:?} without a separator"
            );
        }
    }
}
