//! What portrules touches on the machine it runs on: files (bounded reads, safe
//! atomic writes), git blobs, the terminal (escaping) and a repository's
//! configuration. Depends on nothing else in the crate but the model's name matching;
//! the loader and the command line build on it.

pub mod files;
pub mod git;
pub mod style;
pub mod terminal;
pub mod workspace;
pub mod write;
