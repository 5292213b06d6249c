//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::Command;

/// The policy the engine, CLI and docs tests answer from: a frozen copy of the shipped
/// rules, so that a policy owner's edit of `rules/port-orders.yaml` breaks none of them.
pub const POLICY: &str = "tests/fixtures/policy/port-orders.yaml";

/// The `portrules` binary built for these tests, run from the crate root and pointed
/// at [`POLICY`] through `$PORTRULES_RULES` (whatever the caller's environment says);
/// `--rules` still overrides it.
pub fn portrules() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portrules"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env("PORTRULES_RULES", POLICY);
    cmd
}

/// The binary with nothing pointing it at other rules: the shipped policy, built in
/// or read from this repository's `rules/port-orders.yaml`. Only the shipped policy's
/// own guards (tests/shipped.rs, tests/embedded.rs) use it.
pub fn shipped() -> Command {
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

/// Runs `portrules ARGS` with `input` on standard input; returns the exit code and
/// what it printed on standard output.
pub fn run_with_input(args: &[&str], input: &str) -> (i32, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = portrules()
        .args(args)
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
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// Runs `portrules batch` on `input`; returns the exit code and the answers, one JSON
/// value per output line.
pub fn batch(input: &str) -> (i32, Vec<serde_json::Value>) {
    batch_with(&["batch"], input)
}

/// [`batch`] with other arguments (`--rules FILE batch --now TIME`).
pub fn batch_with(args: &[&str], input: &str) -> (i32, Vec<serde_json::Value>) {
    let (code, text) = run_with_input(args, input);
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (code, lines)
}
