//! `portrules schema`: the JSON Schema that rule files follow, for editors and other
//! tools; written to a file, or checked against a repository's committed copy, so that
//! a policy repository keeps its copy current.
//!
//! Depends on the loader's schema and the generated-file helpers.

use std::io;
use std::path::PathBuf;

use super::{Global, Io, generated};
use crate::cli::exit::Exit;

/// Arguments of `portrules schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the schema to FILE (atomically) instead of standard output; `-` is standard
    /// output
    #[arg(long, value_name = "FILE", conflicts_with = "check")]
    output: Option<PathBuf>,
    /// Exit 0 if FILE is this build's schema, 1 with a diff if not, 2 if it cannot be
    /// read
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,
    /// Let --output replace, and --check read, the file a symbolic link points to
    #[arg(long)]
    follow_symlinks: bool,
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let schema = crate::load::schema::SCHEMA_JSON;
    if let Some(path) = &args.check {
        let regenerate = format!("portrules schema --output {}", path.display());
        let how = generated::Check {
            regenerate: &regenerate,
            made_by: concat!("portrules ", env!("CARGO_PKG_VERSION")),
            follow_symlinks: args.follow_symlinks,
            max_size: global.limits.max_size,
        };
        return generated::check(io, path, schema, &how);
    }
    generated::write(
        io,
        args.output.as_deref(),
        schema,
        args.follow_symlinks,
        "the schema",
    )
}
