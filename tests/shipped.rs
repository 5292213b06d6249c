//! The shipped policies' own guards: for each, the one test a change of that policy is
//! meant to touch (every cell against its published source), and the checks that keep
//! the committed pages and the examples in step with `rules/*.yaml`. Every other
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

/// Asks a built-in policy every cell of `table` (status label, one answer per action in
/// `actions`), with the FOC date far ahead so that no time rule moves the order.
fn holds_to(policy: &str, actions: &[&str], table: &[(&str, &[&str])], source: &str) {
    for (status, row) in table {
        assert_eq!(row.len(), actions.len(), "{status}");
        for (action, expected) in actions.iter().zip(row.iter()) {
            let (code, out, err) = run(shipped().args([
                "--policy",
                policy,
                "query",
                "--status",
                status,
                "--action",
                action,
                "--fact",
                "foc_date=2026-12-20T09:00:00Z",
                "--now",
                "2026-12-01T09:00:00Z",
                "--format",
                "json",
            ]));
            let json: serde_json::Value = serde_json::from_str(&out)
                .unwrap_or_else(|e| panic!("{policy} {status} × {action}: {e}: {out}{err}"));
            assert_eq!(
                json["decision"], *expected,
                "the built-in {policy} answers {status} × {action} otherwise than our reading of {source}; if that is intended, update this table in tests/shipped.rs and bump the version as `portrules diff --require-bump` says\n{out}"
            );
            assert_eq!(code, if *expected == "deny" { 1 } else { 0 });
        }
    }
}

/// Holds `rules/bandwidth-port-ins.yaml` to Bandwidth's stand-alone port-in
/// documentation (dev.bandwidth.com/docs/numbers/porting/port-ins/stand-alone-port-ins),
/// as that file reads it: drafts open and deletable, updates narrowing after submission
/// and again after the FOC, no update or cancel less than 24 hours before activation.
#[test]
fn shipped_bandwidth_policy_matches_bandwidth_documentation() {
    const ACTIONS: &[&str] = &["view", "edit", "submit", "cancel", "delete"];
    const TABLE: &[(&str, &[&str])] = &[
        ("DRAFT", &["allow", "allow", "allow", "deny", "allow"]),
        (
            "VALIDATE_DRAFT_TFNS",
            &["allow", "allow", "deny", "deny", "allow"],
        ),
        (
            "INVALID_DRAFT_TFNS",
            &["allow", "allow", "deny", "deny", "allow"],
        ),
        (
            "VALID_DRAFT_TFNS",
            &["allow", "allow", "allow", "deny", "allow"],
        ),
        (
            "VALIDATE_TFNS",
            &["allow", "limited", "deny", "allow", "deny"],
        ),
        (
            "INVALID_TFNS",
            &["allow", "limited", "deny", "allow", "deny"],
        ),
        (
            "PENDING_DOCUMENTS",
            &["allow", "limited", "deny", "allow", "deny"],
        ),
        ("SUBMITTED", &["allow", "limited", "deny", "allow", "deny"]),
        ("EXCEPTION", &["allow", "limited", "deny", "allow", "deny"]),
        (
            "REQUESTED_SUPP",
            &["allow", "deny", "deny", "allow", "deny"],
        ),
        ("FOC", &["allow", "limited", "deny", "allow", "deny"]),
        (
            "Within 24 hours of activation",
            &["allow", "deny", "deny", "deny", "deny"],
        ),
        (
            "REQUESTED_CANCEL",
            &["allow", "deny", "deny", "deny", "deny"],
        ),
        ("CANCELLED", &["allow", "deny", "deny", "deny", "deny"]),
        ("COMPLETE", &["allow", "deny", "deny", "deny", "deny"]),
    ];
    holds_to(
        "bandwidth-port-ins",
        ACTIONS,
        TABLE,
        "Bandwidth's documentation",
    );
    // After the FOC only the activation date and time, sub-account, location and order
    // id may change; the numbers are locked.
    let fields = |status: &str| {
        let (_, out, _) = run(shipped().args([
            "--policy",
            "bandwidth-port-ins",
            "query",
            "--status",
            status,
            "--action",
            "edit",
            "--fact",
            "foc_date=2026-12-20T09:00:00Z",
            "--now",
            "2026-12-01T09:00:00Z",
            "--format",
            "json",
        ]));
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        json["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fields("FOC"),
        [
            "requested_foc_date",
            "site_id",
            "peer_id",
            "customer_order_id"
        ]
    );
    assert!(!fields("SUBMITTED").contains(&"list_of_phone_numbers".to_string()));
    // The README's example: less than 24 hours before activation, no cancel.
    let (code, out, _) = run(shipped().args([
        "--policy",
        "bandwidth-port-ins",
        "query",
        "--status",
        "FOC",
        "--action",
        "cancel",
        "--fact",
        "foc_date=2026-12-02T09:00:00Z",
        "--now",
        "2026-12-01T12:00:00Z",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("deny: FOC × Cancel"), "{out}");
}

/// Holds `rules/telnyx-porting-orders.yaml` to Telnyx's porting order documentation
/// (developers.telnyx.com, Porting Orders API), as that file reads it: delete only a
/// draft, cancel refused within 48 hours of the FOC date, an exception edited and
/// submitted again, and the cautious reading of PATCH where the documentation is silent.
#[test]
fn shipped_telnyx_policy_matches_telnyx_documentation() {
    const ACTIONS: &[&str] = &["view", "edit", "submit", "cancel", "delete"];
    const TABLE: &[(&str, &[&str])] = &[
        ("draft", &["allow", "allow", "allow", "deny", "allow"]),
        ("in-process", &["allow", "limited", "deny", "allow", "deny"]),
        ("submitted", &["allow", "limited", "deny", "allow", "deny"]),
        ("exception", &["allow", "allow", "allow", "allow", "deny"]),
        (
            "foc-date-confirmed",
            &["allow", "limited", "deny", "allow", "deny"],
        ),
        (
            "Within 48 hours of FOC",
            &["allow", "limited", "deny", "deny", "deny"],
        ),
        (
            "exception, within 48 hours of FOC",
            &["allow", "allow", "allow", "deny", "deny"],
        ),
        (
            "cancel-pending",
            &["allow", "limited", "deny", "deny", "deny"],
        ),
        ("ported", &["allow", "limited", "deny", "deny", "deny"]),
        ("cancelled", &["allow", "limited", "deny", "deny", "deny"]),
    ];
    holds_to(
        "telnyx-porting-orders",
        ACTIONS,
        TABLE,
        "Telnyx's documentation",
    );
    // Within 48 hours of the FOC date, every status that could cancel no longer can.
    for status in ["in-process", "submitted", "exception", "foc-date-confirmed"] {
        let (code, out, _) = run(shipped().args([
            "--policy",
            "telnyx-porting-orders",
            "query",
            "--status",
            status,
            "--action",
            "cancel",
            "--fact",
            "foc_date=2026-12-03T09:00:00Z",
            "--now",
            "2026-12-01T09:00:00Z",
        ]));
        assert_eq!(code, 1, "{status}: {out}");
    }
}

/// Every built-in policy's page is committed under docs/policies and up to date, checked
/// through the policy's name and through its file.
#[test]
fn committed_policy_pages_are_up_to_date() {
    for name in portrules::Rules::embedded_names() {
        let page = format!("docs/policies/{name}.md");
        for how in [
            ["--policy", name],
            ["--rules", &format!("rules/{name}.yaml")],
        ] {
            let (code, out, err) = run(shipped().args(how).args(["docs", "--check", &page]));
            assert_eq!(
                code, 0,
                "{page} is stale; regenerate it with `cargo run -- --rules rules/{name}.yaml docs --output {page}`\n{out}{err}"
            );
        }
    }
}

/// Every built-in policy's examples pass.
#[test]
fn every_built_in_policy_passes_its_examples() {
    for name in portrules::Rules::embedded_names() {
        let (code, out, err) = run(shipped().args(["--policy", name, "test"]));
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.ends_with(" 0 failed\n"), "{out}");
    }
}
