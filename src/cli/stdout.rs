//! Standard output for the binary, which tells a closed standard output from an open one.

use std::io::{self, Write};

/// Standard output, or an error on every write when the process was started with it
/// closed (`portrules query ... >&-`): an answer nobody receives must not exit 0.
///
/// Rust's runtime opens `/dev/null` in place of a closed standard output before `main`
/// runs, read-write. A shell's `> /dev/null` opens it write-only, so a standard output
/// that is `/dev/null` opened for reading and writing is taken as closed.
pub struct Stdout {
    out: io::StdoutLock<'static>,
    /// Whether standard output was found closed; checked at the first write.
    closed: Option<bool>,
}

impl Stdout {
    /// Standard output, locked.
    pub fn lock() -> Stdout {
        Stdout {
            out: io::stdout().lock(),
            closed: None,
        }
    }

    fn closed(&mut self) -> bool {
        *self.closed.get_or_insert_with(|| was_closed(&self.out))
    }
}

#[cfg(unix)]
fn was_closed(out: &io::StdoutLock<'static>) -> bool {
    use rustix::fs::OFlags;
    use std::os::unix::fs::MetadataExt;
    let Ok(flags) = rustix::fs::fcntl_getfl(out) else {
        return true;
    };
    if !flags.contains(OFlags::RDWR) {
        return false;
    }
    let (Ok(stat), Ok(null)) = (rustix::fs::fstat(out), std::fs::metadata("/dev/null")) else {
        return false;
    };
    let is_char_device = stat.st_mode & 0o170_000 == 0o020_000;
    is_char_device && stat.st_rdev == null.rdev()
}

#[cfg(not(unix))]
fn was_closed(_out: &io::StdoutLock<'static>) -> bool {
    false
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed() {
            return Err(io::Error::other("standard output is closed"));
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
