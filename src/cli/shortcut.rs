//! A way past clap for the command line services run once per question:
//! `portrules query --status S --action A`, answered from the embedded rules.
//!
//! Building clap's command and parsing with it is about a sixth of the instructions of a
//! `portrules query` process and an eighth of its page faults, more than loading the
//! rules and deciding together (docs/performance.md). [`query`] recognizes only the plain
//! spellings of `query`'s own options. Any other command line returns `None` and goes
//! to clap, which stays the authority on the syntax and writes every usage error:
//! help, a misspelt, unknown or repeated option, a value that is empty or starts with
//! `-`, `--rules`, `--max-size`, `$PORTRULES_RULES`, and arguments that are not UTF-8.
//! A property test holds every answer of the shortcut to clap's parse of the same line.
//!
//! Depends on the loader and the query command beside it.

use std::ffi::OsString;

use clap::ValueEnum;

use super::Format;
use super::query::{Args, parse_time};

/// `query`'s arguments, and the `--policy` given before or after `query`, when `args`
/// (program name first) is a plain `query` command line that clap would parse to exactly
/// these; `None` when clap has to look.
///
/// `rules_from_env` says whether `$PORTRULES_RULES` is set: the shortcut answers only
/// from built-in policies.
pub(super) fn query(args: &[OsString], rules_from_env: bool) -> Option<(Args, Option<String>)> {
    let mut words = args.get(1..)?;
    let mut policy = None;
    // `portrules --policy NAME query ...`: the one option the shortcut takes before the
    // command's name.
    if let Some(first) = words.first().and_then(|w| w.to_str()) {
        if let Some(name) = first.strip_prefix("--policy=") {
            once(&mut policy, plain(name)?.to_string())?;
            words = &words[1..];
        } else if first == "--policy" {
            once(&mut policy, plain(words.get(1)?.to_str()?)?.to_string())?;
            words = &words[2..];
        }
    }
    let (command, options) = words.split_first()?;
    if rules_from_env || command != "query" {
        return None;
    }
    let mut status = None;
    let mut action = None;
    let mut field = None;
    let mut format = None;
    let mut now = None;
    let mut facts = Vec::new();
    let mut options = options.iter();
    while let Some(option) = options.next() {
        let option = option.to_str()?;
        let (name, value) = match option.split_once('=') {
            Some((name, value)) => (name, value),
            None => (option, options.next()?.to_str()?),
        };
        let value = plain(value)?;
        match name {
            "--status" => once(&mut status, value.to_string())?,
            "--action" => once(&mut action, value.to_string())?,
            "--field" => once(&mut field, value.to_string())?,
            "--format" => once(&mut format, Format::from_str(value, false).ok()?)?,
            "--now" => once(&mut now, parse_time(value).ok()?)?,
            "--fact" => facts.push(value.to_string()),
            // Given before `query` too: clap's turn, where the one after the command wins,
            // as for `--rules`.
            "--policy" if policy.is_none() => policy = Some(value.to_string()),
            _ => return None,
        }
    }
    let args = Args {
        status: status?,
        action: action?,
        field,
        facts,
        now,
        format: format.unwrap_or_default(),
    };
    Some((args, policy))
}

/// A value clap takes as it is: not empty, and not starting with `-` (which clap reads
/// as an option, or refuses).
fn plain(value: &str) -> Option<&str> {
    (!value.is_empty() && !value.starts_with('-')).then_some(value)
}

/// Sets an option that may be given once; `None` (clap's turn) the second time.
fn once<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::{CommandFactory, FromArgMatches};
    use proptest::prelude::*;

    use super::query;
    use crate::cli::deferred::Deferred;
    use crate::cli::query::Args;
    use crate::cli::{Cli, Command};
    use crate::load::DEFAULT_MAX_SIZE;

    fn line(words: &[&str]) -> Vec<OsString> {
        std::iter::once("portrules")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    /// clap's reading of `args` as a `query` with a built-in policy, if it is one.
    fn clap_query(args: &[OsString]) -> Option<(Args, Option<String>)> {
        // `$PORTRULES_RULES` is read outside clap, so the test run's environment cannot
        // decide the comparison.
        let command = Cli::command();
        let cli = Cli::from_arg_matches(&command.try_get_matches_from(args).ok()?).ok()?;
        let Command::Query(Deferred(with)) = cli.command else {
            return None;
        };
        let embedded = cli.rules.is_none() && with.trailing.rules.is_none();
        let size = with.trailing.max_size.unwrap_or(cli.max_size);
        let policy = match (cli.policy, with.trailing.policy) {
            (Some(_), Some(_)) => return None,
            (before, after) => before.or(after),
        };
        (embedded && size == DEFAULT_MAX_SIZE).then_some((with.args, policy))
    }

    #[test]
    fn answers_the_lines_services_send() {
        for words in [
            &["query", "--status", "transfer_approved", "--action", "edit"][..],
            &["query", "--action=cancel", "--status=Transfer approved"],
            &[
                "query", "--status", "error", "--action", "edit", "--format", "json",
            ],
            &[
                "query", "--status", "a", "--action", "b", "--field", "foc_date",
            ],
            &[
                "query",
                "--status",
                "a",
                "--action",
                "b",
                "--fact",
                "x=1",
                "--fact=y=2",
            ],
            &[
                "query",
                "--status",
                "a",
                "--action",
                "b",
                "--now",
                "2026-11-27T09:00:00Z",
            ],
            &[
                "--policy",
                "telnyx-porting-orders",
                "query",
                "--status",
                "a",
                "--action",
                "b",
            ],
            &["--policy=x", "query", "--status", "a", "--action", "b"],
            &["query", "--status", "a", "--policy", "x", "--action", "b"],
        ] {
            let args = line(words);
            let fast = query(&args, false);
            assert!(fast.is_some(), "{words:?}");
            assert_eq!(fast, clap_query(&args), "{words:?}");
        }
    }

    #[test]
    fn leaves_everything_else_to_clap() {
        for words in [
            &[][..],
            &["query"],
            &["query", "--status", "a"],
            &["query", "--status", "a", "--action", "b", "--status", "c"],
            &["query", "--status", "a", "--action"],
            &["query", "--status", "a", "--action", "-b"],
            &["query", "--status", "", "--action", "b"],
            &[
                "query", "--status", "a", "--action", "b", "--format", "JSON",
            ],
            &[
                "query", "--status", "a", "--action", "b", "--now", "tomorrow",
            ],
            &[
                "query", "--status", "a", "--action", "b", "--rules", "r.yaml",
            ],
            &["query", "--status", "a", "--action", "b", "--max-size", "9"],
            &["query", "--status", "a", "--action", "b", "--help"],
            &["query", "--status", "a", "--action", "b", "--", "c"],
            &["query", "--stat", "a", "--action", "b"],
            &[
                "--rules", "r.yaml", "query", "--status", "a", "--action", "b",
            ],
            &["table", "--status", "a", "--action", "b"],
            &[
                "--policy", "x", "query", "--status", "a", "--action", "b", "--policy", "y",
            ],
            &["--policy", "-x", "query", "--status", "a", "--action", "b"],
            &["--policy", "x", "--policy", "y", "query", "--status", "a"],
            &["--policy"],
        ] {
            assert_eq!(query(&line(words), false), None, "{words:?}");
        }
        let plain = line(&["query", "--status", "a", "--action", "b"]);
        assert_eq!(
            query(&plain, true),
            None,
            "$PORTRULES_RULES names other rules"
        );
    }

    #[cfg(unix)]
    #[test]
    fn leaves_arguments_that_are_not_utf8_to_clap() {
        use std::os::unix::ffi::OsStringExt;
        let mut args = line(&["query", "--status", "a", "--action"]);
        args.push(OsString::from_vec(vec![0x66, 0xff]));
        assert_eq!(query(&args, false), None);
    }

    /// Option names, right and wrong.
    const NAMES: &[&str] = &[
        "--status",
        "--action",
        "--field",
        "--format",
        "--fact",
        "--now",
        "--rules",
        "--policy",
        "--max-size",
        "--stat",
        "--unknown",
        "-s",
    ];

    /// Option values, right and wrong.
    const VALUES: &[&str] = &[
        "processing",
        "Transfer approved",
        "edit",
        "foc_date",
        "foc_date=2026-11-27T09:00:00Z",
        "2026-11-27T09:00:00Z",
        "2026-11-27T09:00:00+01:00",
        "soon",
        "json",
        "text",
        "JSON",
        "4194304",
        "",
        "-",
        "-x",
        "--help",
        "=",
    ];

    /// Words that stand alone.
    const WORDS: &[&str] = &["query", "table", "--help", "-h", "--version", "--", "edit"];

    /// One option and its value, as one word or two, or a word on its own.
    fn piece() -> impl Strategy<Value = Vec<String>> {
        use proptest::sample::select;
        prop_oneof![
            4 => (select(NAMES), select(VALUES), any::<bool>()).prop_map(|(name, value, one)| {
                if one {
                    vec![format!("{name}={value}")]
                } else {
                    vec![name.to_string(), value.to_string()]
                }
            }),
            1 => select(WORDS).prop_map(|w| vec![w.to_string()]),
        ]
    }

    /// `--name VALUE` or `--name=VALUE` with a value that is usually a fine one.
    fn given(name: &'static str) -> impl Strategy<Value = Vec<String>> {
        let value = prop_oneof![
            4 => proptest::sample::select(&VALUES[..4]),
            1 => proptest::sample::select(VALUES),
        ];
        (value, any::<bool>()).prop_map(move |(value, one)| {
            if one {
                vec![format!("{name}={value}")]
            } else {
                vec![name.to_string(), value.to_string()]
            }
        })
    }

    /// Command lines that are mostly `query` with a status and an action, in any order,
    /// among other options and words, sometimes after a `--policy`.
    fn query_lines() -> impl Strategy<Value = Vec<String>> {
        let head = prop_oneof![8 => Just("query"), 1 => proptest::sample::select(WORDS)];
        let parts = (
            proptest::option::weighted(0.9, given("--status")),
            proptest::option::weighted(0.9, given("--action")),
            proptest::collection::vec(piece(), 0..4),
        )
            .prop_map(|(status, action, mut rest)| {
                rest.extend(status);
                rest.extend(action);
                rest
            })
            .prop_shuffle();
        let before = proptest::option::weighted(0.2, given("--policy"));
        (before, head, parts).prop_map(|(before, head, parts)| {
            (before.into_iter().flatten())
                .chain(std::iter::once(head.to_string()))
                .chain(parts.into_iter().flatten())
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn every_shortcut_answer_is_the_one_clap_gives(words in query_lines()) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let args = line(&words);
            if let Some(fast) = query(&args, false) {
                prop_assert_eq!(Some(fast), clap_query(&args), "{:?}", words);
            }
        }
    }
}
