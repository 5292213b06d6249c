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

/// An example may say where the action leads (`leads_to`, by id or label): a wrong
/// target, an answer that leads nowhere and an unknown status are each reported at the
/// `leads_to` value, and `test` shows both sides.
#[test]
fn an_example_checks_where_the_action_leads() {
    let file = "tests/fixtures/examples/wrong-leads-to.yaml";
    let (code, out, err) = run(portrules().args(["validate", file]));
    assert_eq!((code, out.as_str()), (1, ""));
    insta::assert_snapshot!(err);
    let (code, out, _) = run(portrules().args(["--rules", file, "test"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!(out, @r"
    examples of where-it-leads 1.0.0 (tests/fixtures/examples/wrong-leads-to.yaml)
    ok      open × cancel: allow → cancelled
    FAILED  open × cancel: expected allow → cancelled, got allow → withdrawn (line 30)
    FAILED  open × cancel: expected allow → withdrawn, got allow → nowhere (line 31)
    FAILED  open × cancel: `leads_to`: unknown status `withdrawm`: did you mean `Withdrawn`? (line 32)
    1 passed, 3 failed
    ");
}
