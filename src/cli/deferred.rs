//! Subcommand arguments that clap builds only when that subcommand is used.
//!
//! clap's derive builds every subcommand's arguments before it looks at the command
//! line. `portrules query` runs once per question, so building (and freeing) the
//! arguments of `docs`, `diff`, `validate` and the rest is wasted start-up work.
//! [`Deferred`] hands a subcommand's `augment_args` to [`clap::Command::defer`],
//! which runs it only when parsing enters that subcommand or help lists its options.
//!
//! Depends only on the command line's own types.

use clap::builder::{Resettable, StyledStr};
use clap::{ArgMatches, Args, Command, Error, FromArgMatches};

/// The arguments `T` of one subcommand, declared to clap lazily.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T: FromArgMatches> FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches(matches).map(Self)
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches_mut(matches).map(Self)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

/// Declares `T`'s arguments on `cmd`, keeping the subcommand's description.
///
/// The derive sets a subcommand's description from the enum variant's doc comment
/// right after `augment_args` returns. Run late, `T::augment_args` would replace it
/// with the doc comment of the arguments struct, so it is put back.
fn augment<T: Args>(cmd: Command) -> Command {
    let (about, long_about) = (kept(cmd.get_about()), kept(cmd.get_long_about()));
    T::augment_args(cmd).about(about).long_about(long_about)
}

/// A description to set again: the same text, or none if there was none.
fn kept(text: Option<&StyledStr>) -> Resettable<StyledStr> {
    text.cloned().map_or(Resettable::Reset, Resettable::Value)
}

/// [`augment`] for `augment_args_for_update`.
fn augment_for_update<T: Args>(cmd: Command) -> Command {
    let (about, long_about) = (kept(cmd.get_about()), kept(cmd.get_long_about()));
    T::augment_args_for_update(cmd)
        .about(about)
        .long_about(long_about)
}

impl<T: Args> Args for Deferred<T> {
    fn augment_args(cmd: Command) -> Command {
        cmd.defer(augment::<T>)
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        cmd.defer(augment_for_update::<T>)
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser, Subcommand};

    use super::Deferred;

    #[derive(Debug, Parser)]
    #[command(name = "tool")]
    struct Cli {
        #[arg(long, global = true)]
        shared: Option<String>,
        #[command(subcommand)]
        command: Sub,
    }

    #[derive(Debug, Subcommand)]
    enum Sub {
        /// Described by its variant, built late
        Late(Deferred<Options>),
        /// Described by its variant, built at once
        Early(Options),
    }

    /// The struct's own description, which help must not show
    #[derive(Debug, clap::Args)]
    struct Options {
        /// A value
        #[arg(long)]
        value: Option<String>,
    }

    fn help(args: &[&str]) -> String {
        match Cli::try_parse_from(args) {
            Ok(cli) => panic!("expected help, parsed {cli:?}"),
            Err(e) => e.render().to_string(),
        }
    }

    #[test]
    fn deferred_arguments_parse_like_eager_ones() {
        let late = Cli::try_parse_from(["tool", "late", "--value", "x", "--shared", "s"]);
        let Ok(Cli {
            shared,
            command: Sub::Late(Deferred(options)),
        }) = late
        else {
            panic!("{late:?}");
        };
        assert_eq!(
            (shared.as_deref(), options.value.as_deref()),
            (Some("s"), Some("x"))
        );
        let error = Cli::try_parse_from(["tool", "late", "--valeu", "x"]).map(|_| ());
        let text = error.map_err(|e| e.render().to_string()).unwrap_err();
        assert!(
            text.contains("--value"),
            "the suggestion needs the late arguments: {text}"
        );
    }

    #[test]
    fn deferred_help_keeps_the_variant_description_and_lists_the_options() {
        let late = help(&["tool", "late", "--help"]);
        let early = help(&["tool", "early", "--help"]);
        assert_eq!(
            late.replace("Described by its variant, built late", "D")
                .replace("late", "X"),
            early
                .replace("Described by its variant, built at once", "D")
                .replace("early", "X"),
        );
        assert!(
            late.starts_with("Described by its variant, built late"),
            "{late}"
        );
        assert!(
            late.contains("--value") && late.contains("--shared"),
            "{late}"
        );
        assert!(
            help(&["tool", "help", "late"]).starts_with("Described by its variant, built late")
        );
        assert!(help(&["tool", "--help"]).contains("Described by its variant, built late"));
    }

    #[test]
    fn the_portrules_command_line_is_consistent() {
        // clap's own checks, run on every subcommand once its arguments are built.
        crate::cli::Cli::command().debug_assert();
    }
}
