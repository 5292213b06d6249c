//! Examples in the rule file: `validate` reports a wrong one at its line, `test` runs them.

use crate::common::{portrules, run};

const FILE: &str = "tests/fixtures/examples/wrong-example.yaml";

#[test]
fn validate_reports_a_wrong_example_at_its_line() {
    let (code, out, err) = run(portrules().args(["validate", FILE]));
    assert_eq!(code, 1);
    assert_eq!(out, "");
    insta::assert_snapshot!(err);
}

#[test]
fn test_runs_the_examples_and_counts() {
    let (code, out, _) = run(portrules().args(["--rules", FILE, "test"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!(out, @r"
    examples of guarded 1.0.0 (tests/fixtures/examples/wrong-example.yaml)
    ok      Pending × view: allow
    FAILED  Pending × cancel: expected deny, got allow (line 19)
    FAILED  Pendng × view: unknown status `Pendng`: did you mean `Pending`? (line 23)
    1 passed, 2 failed
    ");

    let (code, out, _) = run(portrules().arg("test"));
    assert_eq!(code, 0);
    assert!(out.ends_with("7 passed, 0 failed\n"), "{out}");
}

#[test]
fn a_file_with_a_wrong_example_still_answers_queries() {
    // Examples guard changes in CI; they do not take the table away from services.
    let (code, _, _) = run(portrules().args([
        "--rules", FILE, "query", "--status", "pending", "--action", "cancel",
    ]));
    assert_eq!(code, 0);
}
