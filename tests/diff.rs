//! `portrules diff`: each kind of change, its classification and required bump; the
//! git form; `--require-bump` passing and failing.

use std::path::Path;

use crate::common::{POLICY, portrules, root, run};

fn base() -> String {
    std::fs::read_to_string(root(POLICY)).unwrap()
}

/// Writes `text` as NEW and diffs the shipped rules against it.
fn diff_with(text: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.yaml");
    std::fs::write(&new, text).unwrap();
    run(portrules().args(["diff", POLICY]).arg(&new).args(extra))
}

fn json(text: &str) -> serde_json::Value {
    let (code, out, err) = diff_with(text, &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn flip_completed_view(yaml: &str) -> String {
    let from = "Every number on the order has moved over and the port is finished.\n    permissions:\n      view: allow";
    assert!(yaml.contains(from));
    yaml.replace(from, &from.replace("view: allow", "view: deny"))
}

fn version(yaml: &str, v: &str) -> String {
    yaml.replace("version: 1.1.0", &format!("version: {v}"))
}

#[test]
fn each_kind_of_change_is_classified() {
    struct Case {
        name: &'static str,
        edit: fn(&str) -> String,
        impacts: &'static [&'static str],
        minimum: &'static str,
    }
    let cases = [
        Case {
            name: "allow to deny",
            edit: flip_completed_view,
            impacts: &["breaking"],
            minimum: "2.0.0",
        },
        Case {
            name: "deny to allow",
            edit: |y| {
                y.replacen(
                    "      edit: deny\n      cancel: allow\n      delete: deny",
                    "      edit: allow\n      cancel: allow\n      delete: deny",
                    1,
                )
            },
            impacts: &["feature"],
            minimum: "1.2.0",
        },
        Case {
            name: "limited to allow",
            edit: |y| {
                y.replace(
                    "        decision: limited\n        fields: [foc_date]\n",
                    "        decision: allow\n",
                )
            },
            impacts: &["feature"],
            minimum: "1.2.0",
        },
        Case {
            name: "note reworded",
            edit: |y| {
                y.replace(
                    "the FOC date is the only thing that may still change.",
                    "only the FOC date may still change.",
                )
            },
            impacts: &["text"],
            minimum: "1.1.1",
        },
        Case {
            name: "label renamed",
            edit: |y| y.replace("label: Contacting carrier", "label: Asking the carrier"),
            impacts: &["text"],
            minimum: "1.1.1",
        },
        Case {
            name: "status removed",
            edit: |y| {
                let start = y.find("  completed:\n").unwrap();
                let end = y.find("  cancelled:\n").unwrap();
                let without = format!("{}{}", &y[..start], &y[end..]);
                let way_in = "    transitions:\n      - { to: completed, on: { event: transfer_completed }, source: stated }\n";
                assert!(without.contains(way_in));
                without.replace(way_in, "")
            },
            impacts: &["breaking", "breaking"],
            minimum: "2.0.0",
        },
        Case {
            name: "field added to a limited cell",
            edit: |y| {
                y.replace("fields: [foc_date]", "fields: [foc_date, notes]")
                    .replace(
                        "fields:\n  foc_date:",
                        "fields:\n  notes:\n    label: Notes\n  foc_date:",
                    )
            },
            impacts: &["feature", "feature"],
            minimum: "1.2.0",
        },
        Case {
            name: "a second initial status",
            edit: |y| y.replace("initial: processing", "initial: [processing, error]"),
            impacts: &["feature"],
            minimum: "1.2.0",
        },
        Case {
            name: "orders start elsewhere",
            // Processing stays reachable: a corrected order in error goes back to it.
            edit: |y| y.replace("initial: processing", "initial: [contacting_carrier]"),
            impacts: &["breaking", "feature"],
            minimum: "2.0.0",
        },
    ];
    for case in cases {
        let new = (case.edit)(&base());
        assert_ne!(new, base(), "{}: the edit must apply", case.name);
        let report = json(&new);
        let impacts: Vec<&str> = report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["impact"].as_str().unwrap())
            .collect();
        assert_eq!(impacts, case.impacts, "{}: {report}", case.name);
        assert_eq!(report["bump"]["minimum"], case.minimum, "{}", case.name);
        assert_eq!(
            report["bump"]["ok"], false,
            "{}: version was not bumped",
            case.name
        );
    }
}

#[test]
fn text_output_names_the_flipped_cell() {
    let (code, out, _) = diff_with(&flip_completed_view(&base()), &[]);
    assert_eq!(code, 0, "without --require-bump a diff is only a report");
    assert!(
        out.contains("breaking  Completed × View: allow → deny (something allowed is now denied)"),
        "{out}"
    );
}

#[test]
fn require_bump_fails_then_passes() {
    let flipped = flip_completed_view(&base());
    let (code, _, err) = diff_with(&flipped, &["--require-bump"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err, @"error: version 1.1.0 → 1.1.0 is not enough: Completed × View: allow → deny is breaking (something allowed is now denied), which needs a major bump; set `version: 2.0.0` (or higher)");

    let (code, _, _) = diff_with(&version(&flipped, "1.2.0"), &["--require-bump"]);
    assert_eq!(code, 1, "a minor bump is not enough for a breaking change");
    let (code, out, err) = diff_with(&version(&flipped, "2.0.0"), &["--require-bump"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("is enough"), "{out}");
    let (code, out, _) = diff_with(&base(), &["--require-bump"]);
    assert_eq!(code, 0);
    assert!(out.contains("no changes"), "{out}");
}

#[test]
fn markdown_is_a_table_for_pull_requests() {
    let (code, out, _) = diff_with(
        &version(&flip_completed_view(&base()), "2.0.0"),
        &["--format", "markdown"],
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!(out, @r"
    ### Rule changes: port-orders 1.1.0 → 2.0.0

    1 change (1 breaking).

    | Impact | Where | Change | Why |
    |:--|:--|:--|:--|
    | **breaking** | Completed × View | allow → deny | something allowed is now denied |

    version 1.1.0 → 2.0.0 is enough: the changes need a major bump (2.0.0 or higher).
    ");
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn old_rules_can_come_from_git() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::write(dir.path().join("rules.yaml"), base()).unwrap();
    git(dir.path(), &["add", "rules.yaml"]);
    git(dir.path(), &["commit", "-q", "-m", "rules"]);
    std::fs::write(dir.path().join("rules.yaml"), flip_completed_view(&base())).unwrap();
    let (code, out, err) = run(portrules().current_dir(dir.path()).args([
        "diff",
        "HEAD:rules.yaml",
        "rules.yaml",
        "--require-bump",
    ]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("(HEAD:rules.yaml)"), "{out}");
    assert!(out.contains("Completed × View: allow → deny"), "{out}");

    let (code, _, err) =
        run(portrules()
            .current_dir(dir.path())
            .args(["diff", "HEAD~5:rules.yaml", "rules.yaml"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read `HEAD~5:rules.yaml` from git"),
        "{err}"
    );
}

#[test]
fn invalid_sides_exit_2_with_diagnostics() {
    let (code, _, err) =
        run(portrules().args(["diff", POLICY, "tests/fixtures/invalid/missing-cell.yaml"]));
    assert_eq!(code, 2);
    assert!(err.contains("error[PR021]"), "{err}");
}
