//! `portrules batch`: JSON Lines on stdin, one answer line per request line on stdout.
//!
//! Depends on `batch` and `host`.

use std::io::{self, BufReader};

use super::{Global, Io};
use crate::batch::{Clock, DEFAULT_MAX_LINE, Pinned, SystemClock};
use crate::cli::exit::Exit;
use crate::host::files::io_reason;

/// Arguments of `portrules batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Answer every request without a `now` of its own as of this time (RFC 3339);
    /// default: the clock, read for each request that needs it
    #[arg(long, value_name = "TIME", value_parser = super::query::parse_time)]
    now: Option<jiff::Timestamp>,
    /// Answer longer request lines with an error, without reading them into memory
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_LINE)]
    max_line: usize,
}

pub(super) fn run(global: &Global, args: &Args, io: &mut Io<'_>) -> io::Result<Exit> {
    let Some(rules) = global.load_or_report(io) else {
        return Ok(Exit::Error);
    };
    let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let pinned;
    let clock: &dyn Clock = match args.now {
        Some(now) => {
            pinned = Pinned(now);
            &pinned
        }
        None => &SystemClock,
    };
    match crate::batch::run(&rules, clock, args.max_line, &mut input, &mut *io.out) {
        Ok(_) => Ok(Exit::Yes),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Error),
        Err(e) => {
            writeln!(io.err, "error: batch stopped: {}", io_reason(&e))?;
            Ok(Exit::Error)
        }
    }
}
