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
pub mod cli;
pub mod codes;
mod compile;
mod compile_lifecycle;
pub mod diag;
pub mod diff;
pub mod docs;
#[rustfmt::skip]
mod embedded;
pub mod engine;
pub mod examples;
pub mod exit;
pub mod files;
pub mod git;
pub mod json_view;
pub mod lifecycle;
mod lint;
pub mod load;
pub mod migrate;
pub mod names;
pub mod rules;
pub mod schema;
pub mod terminal;
mod text;
pub mod workspace;
pub mod yaml;
mod yaml_advice;

pub use engine::{Decision, Query, Reason};

/// The README's Rust examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
pub use load::LoadError;
pub use rules::{Effect, Rules, UnknownName};
