//! portrules: port-order permission rules as data.
//!
//! The rule table lives in a versioned YAML file validated by a JSON Schema. This crate
//! loads it ([`Rules`]), answers questions about it ([`Rules::decide`]), and powers the
//! `portrules` command line.
//!
//! ```
//! use portrules::{Effect, Query, Rules};
//!
//! let rules = Rules::embedded();
//! let query = Query::parse(&rules, "Transfer pending", "cancel", None)?;
//! assert_eq!(rules.decide(&query).decision, Effect::Deny);
//! # Ok::<(), portrules::UnknownName>(())
//! ```

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
