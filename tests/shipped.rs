//! The shipped policy's own guards: the one test a change of policy is meant to touch
//! (every cell against the published source table), and the checks that keep the
//! committed pages and the examples in step with `rules/port-orders.yaml`. Every other
//! test runs on the frozen copy in tests/fixtures/policy, so that a wording change with
//! a patch bump needs only the YAML, the regenerated page and the embedded form.

use crate::common::{run, shipped};

/// The source table (shared/seeds), cell by cell, with the Error × Delete caveat
/// applied: the source writes "Yes" and then says the order cannot be deleted while in
/// error.
const PUBLISHED: [(&str, [&str; 4]); 7] = [
    ("Processing", ["allow", "deny", "allow", "deny"]),
    ("Contacting carrier", ["allow", "deny", "allow", "deny"]),
    ("Transfer approved", ["allow", "limited", "allow", "deny"]),
    ("Transfer pending", ["allow", "deny", "deny", "deny"]),
    ("Error", ["deny", "allow", "allow", "deny"]),
    ("Completed", ["allow", "deny", "deny", "deny"]),
    ("Cancelled", ["deny", "allow", "deny", "deny"]),
];
const ACTIONS: [&str; 4] = ["view", "edit", "cancel", "delete"];

/// Holds `rules/port-orders.yaml` to the published table. When the policy changes on
/// purpose, this is the test to update (and the version to bump, as `diff
/// --require-bump` says); no other test pins the shipped cells.
#[test]
fn shipped_port_orders_policy_matches_its_published_source_table() {
    let mut checked = 0;
    for (status, row) in PUBLISHED {
        for (action, expected) in ACTIONS.iter().zip(row) {
            for rules in [None, Some("rules/port-orders.yaml")] {
                let mut cmd = shipped();
                if let Some(rules) = rules {
                    cmd.args(["--rules", rules]);
                }
                // The table as published holds well before the transfer: a FOC date
                // three days ahead, so that no time rule moves the order.
                let (code, out, err) = run(cmd.args([
                    "query",
                    "--status",
                    status,
                    "--action",
                    action,
                    "--fact",
                    "foc_date=2026-12-04T09:00:00Z",
                    "--now",
                    "2026-12-01T09:00:00Z",
                    "--format",
                    "json",
                ]));
                let json: serde_json::Value = serde_json::from_str(&out).unwrap();
                assert_eq!(
                    json["decision"],
                    expected,
                    "the shipped policy ({}) answers {status} × {action} otherwise than the published source table; if that is intended, update PUBLISHED in tests/shipped.rs and bump the version as `portrules diff --require-bump` says\n{out}{err}",
                    rules.unwrap_or("built in")
                );
                assert_eq!(code, if expected == "deny" { 1 } else { 0 });
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 28);
}

/// The committed pages are what the shipped rules, schema and codes generate, checked
/// the way CI and the README's snippet check them.
#[test]
fn committed_pages_are_up_to_date() {
    for (page, path) in [
        ("statuses", "docs/port-order-statuses.md"),
        ("rule-format", "docs/rule-format.md"),
        ("errors", "docs/errors.md"),
    ] {
        let (code, out, err) = run(shipped().args(["docs", "--page", page, "--check", path]));
        assert_eq!(
            code, 0,
            "{path} is stale; regenerate it with `cargo run -- docs --page {page} --output {path}`\n{out}{err}"
        );
        assert_eq!(out, format!("{path}: up to date\n"));
    }
}

/// The shipped file's examples pass, from the file and from the built-in form.
#[test]
fn shipped_examples_pass() {
    let (code, out, err) = run(shipped().arg("test"));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("examples of port-orders "), "{out}");
    assert!(out.contains("(rules/port-orders.yaml)"), "{out}");
    assert!(out.ends_with(" 0 failed\n"), "{out}");
}
