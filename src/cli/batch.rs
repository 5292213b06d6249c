//! `portrules batch`: JSON Lines on stdin, one answer line per request line on stdout.

use std::io::{self, BufReader};

use super::{Global, Io};
use crate::exit::Exit;
use crate::load::io_reason;

pub(super) fn run(global: &Global, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some(rules) = global.load_or_report(io) else {
        return Ok(Exit::Error);
    };
    let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
    // Read once: a long-running co-process answers time rules as of its start unless
    // a request carries its own `now`.
    let now = jiff::Timestamp::now();
    match crate::batch::run(&rules, now, &mut input, &mut *io.out) {
        Ok(_) => Ok(Exit::Yes),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Error),
        Err(e) => {
            writeln!(io.err, "error: batch stopped: {}", io_reason(&e))?;
            Ok(Exit::Error)
        }
    }
}
