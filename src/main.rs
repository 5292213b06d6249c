//! The `portrules` binary: hands the command line to the library and exits with its code.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let stderr = std::io::stderr();
    // One write at the end instead of one per line: `query` is run once per question.
    // `batch` flushes this buffer itself whenever a co-process may be waiting.
    let mut out = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let mut err = stderr.lock();
    let exit = portrules::cli::run(
        std::env::args_os(),
        &mut portrules::cli::Io {
            out: &mut out,
            err: &mut err,
        },
    );
    match out.flush() {
        Ok(()) => exit.into(),
        // A reader that has gone away (`| head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(2),
        Err(e) => {
            let _ = writeln!(
                err,
                "error: cannot write output: {}",
                portrules::load::io_reason(&e)
            );
            ExitCode::from(2)
        }
    }
}
