//! Integration tests: one test binary (fast to build) with a module per concern.

// Tests state their expectations with unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod batch;
mod common;
mod diff;
mod docs;
mod editor;
mod embedded;
mod examples;
mod export;
mod hostile;
mod init;
mod invalid;
mod lifecycle;
mod links;
mod policies;
mod properties;
mod query;
mod readme;
mod shell;
mod shipped;
mod untrusted;
mod validate;
mod workflows;
