//! Exit codes, as `grep` and `test` use them, so shell scripts can branch on them.
//!
//! Depends on nothing.

use std::process::ExitCode;

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// `query`: allowed (fully or limited). `validate`, `docs --check`: all good.
    Yes,
    /// `query`: denied. `validate`: invalid rules. `docs --check`: page out of date.
    No,
    /// Could not answer: bad input, bad rules for `query`, usage or I/O errors.
    Error,
}

impl Exit {
    /// The process exit status.
    pub fn code(self) -> u8 {
        match self {
            Exit::Yes => 0,
            Exit::No => 1,
            Exit::Error => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e.code())
    }
}
