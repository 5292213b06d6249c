//! Standard output for the binary, which tells a closed standard output from an open one.
//!
//! Depends on nothing in the crate.

use std::io::{self, Write};

/// Standard output, or an error on every write when the process was started with it
/// closed (`portrules query ... >&-`): an answer nobody receives must not exit 0.
///
/// Rust's runtime puts `/dev/null` in place of a closed standard output before `main`
/// runs, so only code that runs earlier can tell; the binary checks in a constructor
/// (src/main.rs) and says what it found. A standard output that is `/dev/null` on
/// purpose (`> /dev/null`, Python's `subprocess.DEVNULL`) is open, and written to.
pub struct Stdout {
    out: io::StdoutLock<'static>,
    closed: bool,
}

impl Stdout {
    /// Standard output, locked; `closed_at_start` is what the process found before the
    /// runtime replaced a closed descriptor.
    pub fn lock(closed_at_start: bool) -> Stdout {
        Stdout {
            out: io::stdout().lock(),
            closed: closed_at_start,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Err(io::Error::other("standard output is closed"));
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
