//! Hostile input: each must end quickly with a clean, located error; never a panic,
//! a hang or a runaway allocation. Speed and memory are measured in the benchmarks
//! (docs/performance.md); here we assert the outcome, and that the process finished.

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::portrules;

/// Runs `portrules ARGS` on `input` written to a temporary file, killing it if it
/// has not finished after a generous deadline (a hang fails the test; a slow machine
/// does not).
fn run_on(input: &[u8], args: &[&str]) -> (i32, String) {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(input).unwrap();
    let path = file.path().to_str().unwrap().to_string();
    let mut child = portrules()
        .args(
            args.iter()
                .map(|a| if *a == "FILE" { path.as_str() } else { a }),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            let code = status.code().expect("killed by a signal (panic = abort?)");
            return (code, err.replace(&path, "FILE"));
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("portrules {args:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn validate(input: &[u8]) -> (i32, String) {
    run_on(input, &["validate", "FILE"])
}

fn query(input: &[u8]) -> (i32, String) {
    run_on(
        input,
        &["--rules", "FILE", "query", "--status", "a", "--action", "b"],
    )
}

fn case(name: &str, input: &[u8], code: &str) {
    let (v, err) = validate(input);
    assert_eq!(v, 1, "{name}: validate exit code\n{err}");
    assert!(err.contains(&format!("error[{code}]")), "{name}: {err}");
    assert!(!err.contains("panicked"), "{name}: {err}");
    let (q, err) = query(input);
    assert_eq!(q, 2, "{name}: query exit code\n{err}");
    assert!(err.contains(&format!("error[{code}]")), "{name}: {err}");
}

#[test]
fn billion_laughs_is_refused() {
    let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..20 {
        let p = i - 1;
        doc.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    case("billion laughs", doc.as_bytes(), "PR006");
}

#[test]
fn deep_nesting_is_refused() {
    case("flow nesting", "[".repeat(100_000).as_bytes(), "PR004");
    let mut block = String::new();
    for depth in 0..100_000 {
        block.push_str(&" ".repeat(depth.min(5000)));
        block.push_str("k:\n");
    }
    let (code, err) = validate(&block.as_bytes()[..block.len().min(3 * 1024 * 1024)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[PR"), "{err}");
    let mut flow_map = "{a: ".repeat(100_000);
    flow_map.push('1');
    case("flow mapping nesting", flow_map.as_bytes(), "PR004");
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = format!("name: \"{}\"\n", "x".repeat(20 * 1024 * 1024));
    let (code, err) = validate(big.as_bytes());
    assert_eq!(code, 1);
    assert!(
        err.contains("error[PR002]: the file is larger than the limit of 4194304 bytes"),
        "{err}"
    );

    // With a raised limit the 20 MiB line is parsed, and the snippet is cropped.
    let (code, err) = run_on(
        big.as_bytes(),
        &["validate", "--max-size", "67108864", "FILE"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("error[PR011]"), "{err}");
    assert!(
        err.len() < 4000,
        "the long line must be cropped: {} bytes",
        err.len()
    );
}

#[test]
fn endless_files_are_refused() {
    let (code, _, err) = crate::common::run(portrules().args(["validate", "/dev/zero"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("PR002"), "{err}");
}

#[test]
fn garbage_and_odd_documents_get_clean_errors() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 7) as u8)
        .collect();
    case("binary garbage", &garbage, "PR003");
    case("NUL bytes", b"name: a\0b\n", "PR003");
    case("latin-1", b"title: caf\xe9\n", "PR003");
    case("empty file", b"", "PR007");
    case("only whitespace", b"  \n\n", "PR007");
    case("a list", b"- a\n- b\n", "PR007");
    case("a scalar", b"hello\n", "PR007");
    case("tabs", b"name: x\nactions:\n\tview: {}\n", "PR004");
    case("two documents", b"name: a\n---\nname: b\n", "PR004");
    case("unknown tag", b"name: !!python/object x\n", "PR004");
}
