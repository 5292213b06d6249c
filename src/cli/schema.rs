//! `portrules schema`: the JSON Schema that rule files follow, for editors and other tools.
//!
//! Depends on the loader's schema.

use std::io;

use super::Io;
use crate::cli::exit::Exit;

pub(super) fn run(io: &mut Io<'_>) -> io::Result<Exit> {
    io.out
        .write_all(crate::load::schema::SCHEMA_JSON.as_bytes())?;
    Ok(Exit::Yes)
}
