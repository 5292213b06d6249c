//! The `portrules` binary: hands the command line to the library and exits with its code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let mut io = portrules::cli::Io {
        out: &mut out,
        err: &mut err,
    };
    portrules::cli::run(std::env::args_os(), &mut io).into()
}
