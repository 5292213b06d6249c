//! `portrules completions SHELL`: the shell's completion script for portrules, generated
//! from the command line's own definition (clap_complete), so it offers every command,
//! option and value the binary accepts.
//!
//! Depends on clap's command definition.

use std::io;

use clap::CommandFactory;

use super::{Cli, Io};
use crate::cli::exit::Exit;

/// Arguments of `portrules completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete in
    #[arg(value_enum, value_name = "SHELL")]
    shell: clap_complete::Shell,
}

pub(super) fn run(args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "portrules", &mut script);
    io.out.write_all(&script)?;
    Ok(Exit::Yes)
}
