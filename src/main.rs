//! The `portrules` binary: hands the command line to the library and exits with its code.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let stderr = std::io::stderr();
    // One write at the end instead of one per line: `query` is run once per question.
    // `batch` flushes this buffer itself whenever a co-process may be waiting.
    let closed = STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed);
    let mut out = BufWriter::with_capacity(64 * 1024, portrules::cli::Stdout::lock(closed));
    let mut err = stderr.lock();
    // What `--color auto` means here: a terminal that takes colour ($NO_COLOR,
    // $CLICOLOR_FORCE and $TERM=dumb are anstream's to weigh).
    let takes = |choice: anstream::ColorChoice| choice != anstream::ColorChoice::Never;
    let auto = portrules::cli::Colours {
        out: !closed && takes(anstream::AutoStream::choice(&std::io::stdout())),
        err: takes(anstream::AutoStream::choice(&stderr)),
    };
    let exit = portrules::cli::run_in(
        std::env::args_os(),
        &mut portrules::cli::Io {
            out: &mut out,
            err: &mut err,
        },
        auto,
    );
    match out.flush() {
        Ok(()) => exit.into(),
        // A reader that has gone away (`| head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(2),
        Err(e) => {
            let _ = writeln!(
                err,
                "error: cannot write output: {}",
                portrules::cli::io_reason(&e)
            );
            ExitCode::from(2)
        }
    }
}

/// `pow` for this executable, from the pure-Rust `libm` crate instead of glibc's libm.
///
/// The only caller is minijinja's `**` operator on floats (in `portrules docs`), yet the
/// reference alone made every process map `libm.so.6`: about a tenth of the cost of a
/// `portrules query` process (docs/performance.md). Defining the symbol here lets the
/// linker resolve it in the executable and drop the library. `libm` is Rust's port of
/// musl's (from FreeBSD's), which rounds nearly correctly and gives integer powers
/// exactly when they fit. The library crate does not define it, so programs that embed
/// portrules keep their own `pow`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)] // Exporting a C symbol; the function itself is safe Rust.
#[unsafe(no_mangle)]
extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// Whether file descriptor 1 was closed when the process started (`>&-`), as seen by
/// [`note_closed_stdout`] before Rust's runtime put `/dev/null` in its place.
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs from `.init_array`, before `main` and before the runtime's own start-up, and
/// notes whether standard output is open. The function is safe Rust (one `fcntl`).
extern "C" fn note_closed_stdout() {
    let closed = rustix::io::fcntl_getfd(std::io::stdout()).is_err();
    STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
}

/// The constructor's entry in `.init_array` (Linux runs every entry before `main`).
#[cfg(target_os = "linux")]
#[allow(unsafe_code)] // Placing a function pointer in a link section; nothing else.
#[unsafe(link_section = ".init_array")]
#[used]
static NOTE_CLOSED_STDOUT: extern "C" fn() = note_closed_stdout;
