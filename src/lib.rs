//! portrules: port-order permission rules as data.
//!
//! A policy owner keeps a table of statuses × actions in a versioned YAML file, checked
//! against a JSON Schema. This crate loads such a file into [`Rules`] and answers
//! questions about it: may an admin do this action to an order in that status, now?
//! The same crate renders the documentation pages, compares two versions of a policy,
//! and answers JSON Lines requests for co-processes; the `portrules` binary is a thin
//! command line over it.
//!
//! # Loading, then deciding
//!
//! 1. **Load** with [`Rules::embedded`] (the policy built into the binary),
//!    [`Rules::from_path`] or [`Rules::from_yaml_str`]. A file loads completely or not
//!    at all: [`LoadError`] carries every problem found, each located at a line and
//!    column ([`load::Diagnostic`]). [`load::from_str`] and [`load::from_path`] take
//!    [`load::Limits`] and also return the warnings.
//! 2. **Ask** with a [`Query`]: names are matched as people write them (id or label,
//!    any case, spaces, `_` and `-` alike); facts such as a due date and the current
//!    time are optional.
//! 3. **Decide** with [`Rules::decide`]: a [`Decision`] says allow, deny or limited
//!    ([`Effect`]), which fields a limited cell allows, the status the time rules moved
//!    the order to, and why ([`Reason`]). Deciding is pure and allocation-light.
//!
//! ```
//! use portrules::{Effect, Query, Rules};
//!
//! // A small policy: an approved order can be cancelled until a day before it is due.
//! let rules = Rules::from_yaml_str(include_str!("../examples/due-date.yaml"))?;
//!
//! let early = Query::parse(&rules, "Approved", "cancel", None)?
//!     .with_fact(&rules, "due", "2026-06-03T00:00:00Z")?
//!     .at("2026-06-01T00:00:00Z".parse()?);
//! assert_eq!(rules.decide(&early).decision, Effect::Allow);
//!
//! let late = early.at("2026-06-02T12:00:00Z".parse()?);
//! let decision = rules.decide(&late);
//! assert_eq!(decision.decision, Effect::Deny);
//! assert_eq!(decision.effective_status, "locked");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The rest of the library
//!
//! - [`model`]: the loaded policy as plain values (statuses, actions, cells, lifecycle).
//! - [`batch`]: answer JSON Lines requests, one answer line per request line.
//! - [`docs`]: render the Markdown pages generated from a policy.
//! - [`diff`]: what changed between two versions of a policy, and the version bump due.
//! - [`examples`]: run the examples a rule file carries.
//! - [`export`]: compile a policy for Open Policy Agent or Cedar, with tests that hold
//!   each engine to portrules' answers.
//!
//! The command line's own modules are not part of this API.

pub mod batch;
// The command line is the binary's: `main.rs` is its only caller, and nothing in it is
// meant for services, so it stays out of the documented API. It must be `pub` because
// the binary is a separate crate.
#[doc(hidden)]
pub mod cli;
pub mod diff;
pub mod docs;
pub mod engine;
pub mod examples;
pub mod export;
pub(crate) mod host;
#[doc(hidden)]
pub mod internals;
pub mod load;
pub mod model;

pub use engine::{Decision, Query, Reason};

/// The README's Rust examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
pub use load::LoadError;
pub use model::{Effect, Rules, UnknownName};
