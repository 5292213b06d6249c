//! The command line: argument parsing, the shared `--rules` handling, and dispatch to
//! one module per subcommand. Every command returns an `Exit`; nothing here exits.
//!
//! The only module that may depend on everything; nothing in the library depends on it.

pub(crate) mod exit;

mod batch;
mod completions;
mod deferred;
mod diff;
mod docs;
mod export;
mod generated;
mod global;
mod help;
mod init;
mod man;
mod policies;
mod query;
mod schema;
mod shortcut;
mod stdout;
mod table;
mod test;
mod transitions;
mod validate;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cli::exit::Exit;
pub use crate::host::files::io_reason;
use crate::host::style::{Palette, Styled};
use crate::host::terminal::Escaping;
use crate::load::{self, Limits};
use deferred::Deferred;
use global::Global;
pub use stdout::Stdout;

/// Port-order permission rules: query, validate, document.
#[derive(Debug, Parser)]
#[command(
    name = "portrules",
    version = version(),
    about,
    max_term_width = 100,
    disable_help_subcommand = true,
    after_help = help::TOP
)]
pub struct Cli {
    /// Rule file to use [default: $PORTRULES_RULES when set and not empty, else the
    /// rules/port-orders.yaml built into this binary]
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,

    /// Use the built-in policy NAME (see `portrules policies`) [default: $PORTRULES_POLICY
    /// when set and not empty]; not together with --rules
    #[arg(long, value_name = "NAME")]
    policy: Option<String>,

    /// Refuse rule files larger than this many bytes, before parsing them
    #[arg(long, value_name = "BYTES", default_value_t = load::DEFAULT_MAX_SIZE)]
    max_size: u64,

    /// Report at most this many problems per file (and as many warnings); the rest are
    /// counted
    #[arg(long, value_name = "N", default_value_t = load::DEFAULT_MAX_PROBLEMS as u32, value_parser = clap::value_parser!(u32).range(1..))]
    max_problems: u32,

    /// Colour human output: auto (on a terminal, unless $NO_COLOR is set), always or
    /// never
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = When::Auto)]
    color: When,

    #[command(subcommand)]
    command: Command,
}

/// When to colour text for people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum When {
    /// On a terminal, unless `$NO_COLOR` is set (or `$TERM` is `dumb`).
    #[default]
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

/// What `--color auto` means for each stream: whether it is a terminal that takes
/// colour, as the binary found it (see `portrules::cli::run_in`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Colours {
    /// Standard output takes colour.
    pub out: bool,
    /// Standard error takes colour.
    pub err: bool,
}

/// `--color` after the command, which overrides the one before it.
#[derive(Debug, clap::Args)]
struct ColorArg {
    /// Colour human output: auto (on a terminal, unless $NO_COLOR is set), always or
    /// never [default: auto]
    #[arg(long, value_name = "WHEN", value_enum)]
    color: Option<When>,
}

/// `--rules` and `--max-size` written after the command's name, which override the
/// ones before it.
///
/// These are ordinary options of each subcommand rather than clap's global ones: clap
/// copies global options into every subcommand on every start, about 8 % of the
/// instructions of a `portrules query` process (docs/performance.md).
#[derive(Debug, clap::Args)]
struct Trailing {
    /// Rule file to use [default: $PORTRULES_RULES, else the rules/port-orders.yaml built
    /// into this binary]
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,

    /// Use the built-in policy NAME (see `portrules policies`) [default: $PORTRULES_POLICY];
    /// not together with --rules
    #[arg(long, value_name = "NAME")]
    policy: Option<String>,

    /// Refuse rule files larger than this many bytes, before parsing them [default:
    /// 4194304]
    #[arg(long, value_name = "BYTES")]
    max_size: Option<u64>,

    /// Report at most this many problems per file (and as many warnings); the rest are
    /// counted [default: 200]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    max_problems: Option<u32>,

    #[command(flatten)]
    color: ColorArg,
}

/// The shared options for a command that reads a committed file but no rules: only
/// `--max-size` is offered. The others are still accepted, as they always were, so
/// that no script breaks, but neither help nor completions offer them.
#[derive(Debug, clap::Args)]
struct SizeOnly {
    /// Refuse files larger than this many bytes, before reading them [default: 4194304]
    #[arg(long, value_name = "BYTES")]
    max_size: Option<u64>,
    #[command(flatten)]
    color: ColorArg,
    #[command(flatten)]
    hidden: HiddenRules,
}

/// The shared options for `init`: only `--policy` is offered.
#[derive(Debug, clap::Args)]
struct PolicyOnly {
    /// Start from the built-in policy NAME (see `portrules policies`) [default:
    /// $PORTRULES_POLICY, else port-orders]; --from says the same
    #[arg(long, value_name = "NAME")]
    policy: Option<String>,
    /// Accepted, not offered: init refuses a rule file with a message.
    #[arg(long, value_name = "FILE", hide = true)]
    rules: Option<PathBuf>,
    #[arg(long, value_name = "BYTES", hide = true)]
    max_size: Option<u64>,
    #[arg(long, value_name = "N", hide = true, value_parser = clap::value_parser!(u32).range(1..))]
    max_problems: Option<u32>,
    #[command(flatten)]
    color: ColorArg,
}

/// The shared options for a command that reads neither rules nor files: only
/// `--color` is offered.
#[derive(Debug, clap::Args)]
struct NoShared {
    #[arg(long, value_name = "BYTES", hide = true)]
    max_size: Option<u64>,
    #[command(flatten)]
    color: ColorArg,
    #[command(flatten)]
    hidden: HiddenRules,
}

/// The rule-choosing options, accepted but not offered where they change nothing.
#[derive(Debug, clap::Args)]
struct HiddenRules {
    #[arg(long, value_name = "FILE", hide = true)]
    rules: Option<PathBuf>,
    #[arg(long, value_name = "NAME", hide = true)]
    policy: Option<String>,
    #[arg(long, value_name = "N", hide = true, value_parser = clap::value_parser!(u32).range(1..))]
    max_problems: Option<u32>,
}

/// The shared options as given after a command, whichever of them it offers.
struct Shared {
    rules: Option<PathBuf>,
    policy: Option<String>,
    max_size: Option<u64>,
    max_problems: Option<u32>,
    color: Option<When>,
}

/// The shared options a command's own struct takes.
trait Shares {
    fn shared(&self) -> Shared;
}

impl Shares for Trailing {
    fn shared(&self) -> Shared {
        Shared {
            rules: self.rules.clone(),
            policy: self.policy.clone(),
            max_size: self.max_size,
            max_problems: self.max_problems,
            color: self.color.color,
        }
    }
}

impl Shares for SizeOnly {
    fn shared(&self) -> Shared {
        Shared {
            rules: self.hidden.rules.clone(),
            policy: self.hidden.policy.clone(),
            max_size: self.max_size,
            max_problems: self.hidden.max_problems,
            color: self.color.color,
        }
    }
}

impl Shares for PolicyOnly {
    fn shared(&self) -> Shared {
        Shared {
            rules: self.rules.clone(),
            policy: self.policy.clone(),
            max_size: self.max_size,
            max_problems: self.max_problems,
            color: self.color.color,
        }
    }
}

impl Shares for NoShared {
    fn shared(&self) -> Shared {
        Shared {
            rules: self.hidden.rules.clone(),
            policy: self.hidden.policy.clone(),
            max_size: self.max_size,
            max_problems: self.hidden.max_problems,
            color: self.color.color,
        }
    }
}

/// A subcommand's own arguments, then the shared ones: only the options a command uses
/// are offered after its name (in its help, manual page and completions).
#[derive(Debug, clap::Args)]
struct With<T: clap::Args, S: clap::Args = Trailing> {
    #[command(flatten)]
    args: T,
    #[command(flatten)]
    trailing: S,
}

/// The arguments of a subcommand that has none of its own.
#[derive(Debug, clap::Args)]
struct NoArgs {}

/// A subcommand's arguments as parsed: built only when it runs, shared options included.
type Sub<T, S = Trailing> = Deferred<With<T, S>>;

/// `--version`: this build, and the policy built into it as the default.
fn version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let policy = crate::model::embedded::default_policy();
        let version = crate::load::entry::load_embedded_static(policy)
            .map(|r| r.version.to_string())
            .unwrap_or_default();
        format!(
            "{} (built-in: {} {version})",
            env!("CARGO_PKG_VERSION"),
            policy.name
        )
    })
}

#[derive(Debug, Subcommand)]
enum Command {
    /// May an admin take this action on an order in this status? Exit 0 allowed (allow or
    /// limited), 1 denied, 2 no answer
    #[command(after_help = help::QUERY)]
    Query(Sub<query::Args>),
    /// Check rule files; exit 0 valid, 1 invalid, 2 usage or I/O error
    #[command(after_help = help::VALIDATE)]
    Validate(Sub<validate::Args>),
    /// Print the whole status × action table
    #[command(after_help = help::TABLE)]
    Table(Sub<table::Args>),
    /// Print the JSON Schema that rule files follow, write it, or check a committed copy
    #[command(after_help = help::SCHEMA)]
    Schema(Sub<schema::Args, SizeOnly>),
    /// Generate a documentation page, write it, or check the committed one
    #[command(after_help = help::DOCS)]
    Docs(Sub<docs::Args>),
    /// Answer JSON Lines requests from stdin, one answer line per request line
    #[command(after_help = help::BATCH)]
    Batch(Sub<batch::Args>),
    /// Compare two versions of the rules; with --require-bump, check the version bump
    #[command(after_help = help::DIFF)]
    Diff(Sub<diff::Args>),
    /// Run the rule file's examples; exit 0 if all pass, 1 if any fails
    #[command(after_help = help::TEST)]
    Test(Sub<NoArgs>),
    /// List the ways out of each status and what takes them
    #[command(after_help = help::TRANSITIONS)]
    Transitions(Sub<transitions::Args>),
    /// Compile the rules for OPA or Cedar, write the files, or check a committed export
    #[command(after_help = help::EXPORT)]
    Export(Sub<export::Args>),
    /// List the policies built into this binary, for --policy and $PORTRULES_POLICY
    #[command(after_help = help::POLICIES)]
    Policies(Sub<policies::Args, NoShared>),
    /// Print a completion script: bash, zsh, fish, powershell or elvish
    #[command(after_help = help::COMPLETIONS)]
    Completions(Sub<completions::Args, NoShared>),
    /// Print the manual page, write every page into a folder, or check a committed one
    #[command(after_help = help::MAN)]
    Man(Sub<man::Args, SizeOnly>),
    /// Set up a policy repository: rules, schema, configuration, page, pre-commit and CI
    #[command(after_help = help::INIT)]
    Init(Sub<init::Args, PolicyOnly>),
    /// Print the help of portrules or of one of its commands
    #[command(after_help = help::HELP)]
    Help(Sub<help::Args, NoShared>),
}

impl Command {
    /// The options given after the subcommand's name.
    fn trailing(&self) -> Shared {
        match self {
            Command::Query(Deferred(w)) => w.trailing.shared(),
            Command::Validate(Deferred(w)) => w.trailing.shared(),
            Command::Table(Deferred(w)) => w.trailing.shared(),
            Command::Schema(Deferred(w)) => w.trailing.shared(),
            Command::Test(Deferred(w)) => w.trailing.shared(),
            Command::Batch(Deferred(w)) => w.trailing.shared(),
            Command::Docs(Deferred(w)) => w.trailing.shared(),
            Command::Diff(Deferred(w)) => w.trailing.shared(),
            Command::Transitions(Deferred(w)) => w.trailing.shared(),
            Command::Export(Deferred(w)) => w.trailing.shared(),
            Command::Policies(Deferred(w)) => w.trailing.shared(),
            Command::Completions(Deferred(w)) => w.trailing.shared(),
            Command::Man(Deferred(w)) => w.trailing.shared(),
            Command::Init(Deferred(w)) => w.trailing.shared(),
            Command::Help(Deferred(w)) => w.trailing.shared(),
        }
    }
}

impl Command {
    /// Whether standard output is text for people (escaped), rather than JSON, Markdown
    /// or a file format with escaping of its own.
    fn prints_for_people(&self) -> bool {
        match self {
            Command::Query(Deferred(w)) => w.args.format == Format::Text,
            Command::Validate(Deferred(w)) => w.args.format == validate::DiagFormat::Human,
            Command::Table(Deferred(w)) => w.args.format == Format::Text,
            Command::Diff(Deferred(w)) => w.args.format == diff::DiffFormat::Text,
            Command::Transitions(Deferred(w)) => w.args.format == Format::Text,
            Command::Test(_) => true,
            Command::Policies(Deferred(w)) => w.args.format == Format::Text,
            // Export prints diffs escaped itself, and may print a binary bundle.
            Command::Schema(_)
            | Command::Docs(_)
            | Command::Batch(_)
            | Command::Export(_)
            | Command::Completions(_)
            | Command::Man(_) => false,
            Command::Init(_) | Command::Help(_) => true,
        }
    }
}

/// Output formats for answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// One JSON document.
    Json,
}

/// Where a command writes: answers to `out`, problems to `err`.
pub struct Io<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error.
    pub err: &'a mut dyn Write,
}

/// Runs the command line `args` (program name first) and says how it ended. Output is
/// coloured only with `--color always`; see [`run_in`].
pub fn run<I, T>(args: I, io: &mut Io<'_>) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    run_in(args, io, Colours::default())
}

/// [`run`], where `auto` says which streams `--color auto` colours (the binary asks
/// anstream: a terminal, and `$NO_COLOR`, `$CLICOLOR_FORCE` and `$TERM` allow it).
pub fn run_in<I, T>(args: I, io: &mut Io<'_>, auto: Colours) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // The colour of standard error is known only once the command line is read; until
    // then (and for usage errors) it follows `auto`.
    let when = color_from_args(&args);
    let colour_err = resolve(when, auto.err);
    // Everything meant for people passes through one escaping writer, so that no value
    // from a rule file or a command line reaches the terminal as a control sequence;
    // colour is added after it, so only its own styles reach the terminal.
    let mut styled_err = Styled::new(&mut *io.err, colour_err.then_some(Palette::Diagnostics));
    let mut err = Escaping::new(&mut styled_err);
    let rules_from_env = rules_from_environment();
    let shortcut = shortcut::query(&args, rules_from_env.is_some());
    let chosen = shortcut
        .as_ref()
        .map(|(_, policy)| choose(None, policy.clone(), None, policy_from_environment()));
    if let (Some((query, _)), Some(Ok((None, policy)))) = (shortcut, chosen) {
        let global = Global {
            rules: None,
            policy,
            limits: Limits {
                warnings: false,
                ..Limits::default()
            },
            repository: false,
        };
        let mut styled;
        let mut escaped;
        let out: &mut dyn Write = if query.format == Format::Text {
            styled = Styled::new(&mut *io.out, auto.out.then_some(Palette::Answers));
            escaped = Escaping::new(&mut styled);
            &mut escaped
        } else {
            &mut *io.out
        };
        let io = &mut Io { out, err: &mut err };
        return finish(query::run(&global, &query, io), io);
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            return if e.use_stderr() {
                let _ = err.write_all(text.as_bytes());
                Exit::Error
            } else {
                let _ = io.out.write_all(text.as_bytes());
                Exit::Yes
            };
        }
    };
    let trailing = cli.command.trailing();
    let (rules, policy) = match choose(
        trailing.rules.clone().or(cli.rules),
        trailing.policy.clone().or(cli.policy),
        rules_from_env,
        policy_from_environment(),
    ) {
        Ok(chosen) => chosen,
        Err(Unchosen::Both(message)) => {
            let _ = writeln!(err, "error: {message}");
            let _ = writeln!(
                err,
                "  = help: --rules FILE reads a rule file; --policy NAME answers from a policy built into portrules (`portrules policies` lists them)"
            );
            return Exit::Error;
        }
        Err(Unchosen::Unknown(name)) => {
            let _ = policies::report_unknown(&mut err, &name);
            return Exit::Error;
        }
    };
    let global = Global {
        rules,
        policy,
        limits: Limits {
            max_size: trailing.max_size.unwrap_or(cli.max_size),
            max_problems: trailing.max_problems.unwrap_or(cli.max_problems) as usize,
            // Only `validate` reports warnings; the other commands need the rules alone.
            warnings: matches!(cli.command, Command::Validate(_)),
        },
        repository: !matches!(
            cli.command,
            Command::Query(_) | Command::Batch(_) | Command::Init(_)
        ),
    };
    let colour_out = resolve(trailing.color.unwrap_or(cli.color), auto.out);
    let mut styled;
    let mut escaped;
    let out: &mut dyn Write = if cli.command.prints_for_people() {
        styled = Styled::new(&mut *io.out, colour_out.then_some(Palette::Answers));
        escaped = Escaping::new(&mut styled);
        &mut escaped
    } else {
        &mut *io.out
    };
    let io = &mut Io { out, err: &mut err };
    let result = match &cli.command {
        Command::Query(Deferred(w)) => query::run(&global, &w.args, io),
        Command::Validate(Deferred(w)) => validate::run(&global, &w.args, io),
        Command::Table(Deferred(w)) => table::run(&global, &w.args, io),
        Command::Schema(Deferred(w)) => schema::run(&global, &w.args, io),
        Command::Docs(Deferred(w)) => docs::run(&global, &w.args, io),
        Command::Batch(Deferred(w)) => batch::run(&global, &w.args, io),
        Command::Diff(Deferred(w)) => diff::run(&global, &w.args, io),
        Command::Test(_) => test::run(&global, io),
        Command::Transitions(Deferred(w)) => transitions::run(&global, &w.args, io),
        Command::Export(Deferred(w)) => export::run(&global, &w.args, io),
        Command::Policies(Deferred(w)) => policies::run(&w.args, io),
        Command::Completions(Deferred(w)) => completions::run(&w.args, io),
        Command::Man(Deferred(w)) => man::run(&global, &w.args, io),
        Command::Init(Deferred(w)) => init::run(&global, &w.args, io),
        Command::Help(Deferred(w)) => help::run(&w.args, io),
    };
    finish(result, io)
}

/// Whether to colour a stream, given `--color` and whether `auto` would.
fn resolve(when: When, auto: bool) -> bool {
    match when {
        When::Always => true,
        When::Never => false,
        When::Auto => auto,
    }
}

/// The last `--color WHEN` (or `--color=WHEN`) of a command line, read before clap so
/// that clap's own usage errors follow it; clap checks the value itself.
fn color_from_args(args: &[OsString]) -> When {
    let mut when = When::Auto;
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        let value = match word.to_str() {
            Some("--") => break,
            Some("--color") => words.next().and_then(|v| v.to_str()),
            Some(w) => w.strip_prefix("--color="),
            None => None,
        };
        if let Some(parsed) = value.and_then(|v| When::from_str(v, false).ok()) {
            when = parsed;
        }
    }
    when
}

/// `$PORTRULES_RULES`, unless it is unset or empty (an empty value means "not set", as
/// a shell's `PORTRULES_RULES= portrules ...` intends).
fn rules_from_environment() -> Option<PathBuf> {
    std::env::var_os("PORTRULES_RULES")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// `$PORTRULES_POLICY`, unless it is unset or empty.
fn policy_from_environment() -> Option<String> {
    std::env::var_os("PORTRULES_POLICY")
        .filter(|v| !v.is_empty())
        .map(|v| v.to_string_lossy().into_owned())
}

/// Why no rules could be chosen.
enum Unchosen {
    /// Two sources of the same standing name different rules.
    Both(&'static str),
    /// No built-in policy has this name.
    Unknown(String),
}

/// Which rules the options and the environment name: a file or a built-in policy (or
/// neither, for the command's default). An option beats the environment, so that
/// `--policy` wins over an exported `$PORTRULES_RULES` and the other way round; two
/// options, or two variables, naming both are a mistake to report, not a guess.
fn choose(
    rules: Option<PathBuf>,
    policy: Option<String>,
    rules_env: Option<PathBuf>,
    policy_env: Option<String>,
) -> Result<
    (
        Option<PathBuf>,
        Option<&'static crate::model::embedded::Policy>,
    ),
    Unchosen,
> {
    let (rules, policy) = match (rules, policy) {
        (Some(_), Some(_)) => {
            return Err(Unchosen::Both(
                "--rules and --policy both name the rules; give one",
            ));
        }
        (Some(rules), None) => (Some(rules), None),
        (None, Some(policy)) => (None, Some(policy)),
        (None, None) => match (rules_env, policy_env) {
            (Some(_), Some(_)) => {
                return Err(Unchosen::Both(
                    "$PORTRULES_RULES and $PORTRULES_POLICY are both set; unset one, or say which with --rules or --policy",
                ));
            }
            chosen => chosen,
        },
    };
    match policy {
        None => Ok((rules, None)),
        Some(name) => match crate::model::embedded::find(&name) {
            Some(policy) => Ok((None, Some(policy))),
            None => Err(Unchosen::Unknown(name)),
        },
    }
}

/// The exit of a command that ran, reporting a failure to write its output.
fn finish(result: io::Result<Exit>, io: &mut Io<'_>) -> Exit {
    match result {
        Ok(exit) => exit,
        // A reader that went away (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Error,
        Err(e) => {
            let _ = writeln!(io.err, "error: cannot write output: {}", io_reason(&e));
            Exit::Error
        }
    }
}

/// Reports a write that failed, with what to do about a refused link: exit 2. `what`
/// names the thing written (`the page`, `the export`).
fn write_failed(
    io: &mut Io<'_>,
    path: &std::path::Path,
    e: &crate::host::write::WriteError,
    what: &str,
) -> io::Result<Exit> {
    writeln!(io.err, "error: cannot write {}: {e}", path.display())?;
    if matches!(e, crate::host::write::WriteError::Link { .. }) {
        writeln!(
            io.err,
            "  = help: check where the link points; if {what} is meant to live behind it, add `--follow-symlinks`"
        )?;
    }
    Ok(Exit::Error)
}

/// Says that the committed file at `shown` is stale, and the command that brings it up
/// to date: exit 1.
fn out_of_date(io: &mut Io<'_>, shown: &str, why: &str, command: &str) -> io::Result<Exit> {
    writeln!(io.err, "error: {shown} is out of date: {why}")?;
    writeln!(
        io.err,
        "  = help: do not edit it by hand; regenerate it with `{command}`"
    )?;
    Ok(Exit::No)
}

/// Prints an unknown-name error with its suggestion and the known names.
fn report_unknown(io: &mut Io<'_>, e: &crate::model::rules::UnknownName) -> io::Result<Exit> {
    writeln!(io.err, "error: {e}")?;
    let plural = match e.kind {
        "status" => "statuses",
        "action" => "actions",
        "fact" => "facts",
        _ => "fields",
    };
    let mut known = e
        .known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if e.known_count > e.known.len() {
        known.push_str(&format!(" and {} more", e.known_count - e.known.len()));
    }
    if known.is_empty() {
        writeln!(io.err, "  = help: these rules declare no {plural}")?;
    } else {
        writeln!(io.err, "  = help: known {plural}: {known}")?;
    }
    Ok(Exit::Error)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;
    use crate::load::DEFAULT_MAX_SIZE;

    #[test]
    fn options_after_the_command_state_the_real_default_size() {
        let mut cli = Cli::command();
        cli.build();
        let mut checked = 0;
        for sub in cli.get_subcommands_mut() {
            let help = sub.render_help().to_string();
            if !help.contains("--max-size") {
                continue;
            }
            checked += 1;
            let default = format!("[default: {DEFAULT_MAX_SIZE}]");
            assert!(help.contains(&default), "{}: {help}", sub.get_name());
        }
        assert!(checked >= 10, "{checked}");
    }

    /// A command offers after its name only the shared options it uses; the others stay
    /// accepted (tests/query.rs).
    #[test]
    fn commands_offer_only_the_options_they_use() {
        let mut cli = Cli::command();
        cli.build();
        for sub in cli.get_subcommands_mut() {
            let name = sub.get_name().to_string();
            let help = sub.render_help().to_string();
            let reads_rules = !matches!(
                name.as_str(),
                "schema" | "policies" | "completions" | "man" | "init" | "help"
            );
            assert_eq!(help.contains("--rules"), reads_rules, "{name}: {help}");
            assert!(help.contains("Exit codes:"), "{name}");
            assert!(help.contains("Example"), "{name}");
        }
    }
}
