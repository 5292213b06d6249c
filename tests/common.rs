//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::Command;

/// The `portrules` binary built for these tests, run from the crate root with a clean
/// environment (no `PORTRULES_RULES` leaking in from the caller).
pub fn portrules() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portrules"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("PORTRULES_RULES");
    cmd
}

/// A path under the crate root.
pub fn root(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Runs a command and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs `portrules batch` on `input`; returns the exit code and the answers, one JSON
/// value per output line.
pub fn batch(input: &str) -> (i32, Vec<serde_json::Value>) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = portrules()
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap(), lines)
}
