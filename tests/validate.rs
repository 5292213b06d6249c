//! `portrules validate`: exit codes, formats, warnings and several files at once.

use crate::common::{POLICY, portrules, root, run};

#[test]
fn a_valid_file_is_ok_even_with_warnings_denied() {
    let (code, out, err) = run(portrules().args(["validate", "--deny-warnings", POLICY]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{POLICY}: ok: port-orders 1.1.0: 7 statuses × 4 actions, 7 examples\n")
    );
    assert_eq!(err, "");
}

#[test]
fn without_files_it_checks_the_rules_option() {
    let (code, out, _) = run(portrules().arg("validate"));
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!("{POLICY}: ok")), "{out}");

    let (code, _, err) = run(portrules().args([
        "--rules",
        "tests/fixtures/invalid/missing-cell.yaml",
        "validate",
    ]));
    assert_eq!(code, 1);
    assert!(err.contains("PR021"), "{err}");
}

#[test]
fn warnings_pass_unless_denied() {
    let file = "tests/fixtures/load/edit-without-view.yaml";
    let (code, out, err) = run(portrules().args(["validate", file]));
    assert_eq!(code, 0);
    assert!(out.contains(": ok: warned 1.0.0"), "{out}");
    insta::assert_snapshot!(err, @r"
    tests/fixtures/load/edit-without-view.yaml:14:7: warning[PW001]: status `hidden` allows `edit` but denies `view` (edit-without-view)
       |
    14 |       edit: allow
       |       ^^^^
      = help: if this is intended, acknowledge it on the cell: `allow_warnings: { edit-without-view: <reason> }`

    warning: 1 warning in tests/fixtures/load/edit-without-view.yaml
    ");

    let (code, out, _) = run(portrules().args(["validate", "--deny-warnings", file]));
    assert_eq!(code, 1);
    assert!(out.contains("invalid (warnings denied)"), "{out}");

    // A rule file with warnings still answers queries.
    let (code, _, _) = run(portrules().args([
        "--rules", file, "query", "--status", "hidden", "--action", "edit",
    ]));
    assert_eq!(code, 0);
}

#[test]
fn json_format_is_an_array_even_when_empty() {
    let (code, out, _) = run(portrules().args(["validate", "--format", "json"]));
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "[]");
}

#[test]
fn github_format_annotates_lines() {
    let (code, out, _) = run(portrules().args([
        "validate",
        "--format",
        "github",
        "tests/fixtures/invalid/misspelt-key.yaml",
        "tests/fixtures/load/edit-without-view.yaml",
    ]));
    assert_eq!(code, 1);
    insta::assert_snapshot!(out, @r"
    ::error file=tests/fixtures/invalid/misspelt-key.yaml,line=12,col=5,endLine=12,endColumn=10,title=PR010 unknown key::unknown key `lable` in `statuses.open`%0Ahelp: did you mean `label`?
    ::warning file=tests/fixtures/load/edit-without-view.yaml,line=14,col=7,endLine=14,endColumn=11,title=PW001 action allowed while view is denied::status `hidden` allows `edit` but denies `view` (edit-without-view)%0Ahelp: if this is intended, acknowledge it on the cell: `allow_warnings: { edit-without-view: <reason> }`
    ");
}

#[test]
fn several_files_are_all_reported() {
    let (code, out, err) = run(portrules().args([
        "validate",
        POLICY,
        "tests/fixtures/invalid/undeclared-action.yaml",
        "tests/fixtures/invalid/missing-cell.yaml",
    ]));
    assert_eq!(code, 1);
    assert!(out.starts_with(&format!("{POLICY}: ok")), "{out}");
    assert!(
        err.contains("undeclared-action.yaml:17:7: error[PR022]"),
        "{err}"
    );
    assert!(
        err.contains("missing-cell.yaml:14:5: error[PR021]"),
        "{err}"
    );
}

#[test]
fn unreadable_files_exit_2() {
    let (code, _, err) = run(portrules().args(["validate", "no/such/file.yaml"]));
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "no/such/file.yaml: error[PR001]: cannot read the file: no such file or directory"
        ),
        "{err}"
    );
    let (code, _, err) = run(portrules().args(["validate", "tests"]));
    assert_eq!(code, 2);
    assert!(err.contains("it is a directory"), "{err}");
    let (code, _, err) = run(portrules().args([
        "--rules",
        "no/such/file.yaml",
        "query",
        "--status",
        "error",
        "--action",
        "view",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("PR001"), "{err}");
}

#[test]
fn every_code_is_documented_in_the_catalogue() {
    let catalogue = std::fs::read_to_string(root("src/load/codes.rs")).unwrap();
    for snap in std::fs::read_dir(root("tests/snapshots")).unwrap() {
        let text = std::fs::read_to_string(snap.unwrap().path()).unwrap();
        for (i, _) in text.match_indices("\"code\": \"") {
            let code = &text[i + 9..i + 14];
            assert!(
                catalogue.contains(code),
                "{code} is not in src/load/codes.rs"
            );
        }
    }
}

/// Synthetic rules in the shape of `scripts/gen-rules.py`, large enough that loading
/// runs its passes on two threads (the loader switches at 256 KiB).
fn large_rules(statuses: usize, actions: usize) -> String {
    let mut text = String::from(
        "schema_version: 1\nname: synthetic\nversion: 1.0.0\ntitle: Synthetic rules\nactions:\n  view: { label: View, question: \"Can you view it?\" }\n",
    );
    for a in 1..actions {
        text.push_str(&format!(
            "  a{a}: {{ label: Action {a}, question: \"Can you do {a}?\" }}\n"
        ));
    }
    text.push_str("fields:\n  f1: { label: Field one }\nstatuses:\n");
    for s in 0..statuses {
        text.push_str(&format!(
            "  s{s}:\n    label: Status {s}\n    description: Status number {s}.\n    permissions:\n      view: allow\n"
        ));
        for a in 1..actions {
            let cell = match (s * 31 + a * 7) % 5 {
                0 => "{ decision: limited, fields: [f1], note: Only field one. }",
                1 | 2 => "allow",
                _ => "deny",
            };
            text.push_str(&format!("      a{a}: {cell}\n"));
        }
    }
    text
}

#[test]
fn large_files_report_schema_and_rule_problems_together() {
    use portrules::load::Code;
    use portrules::load::{Limits, from_str};

    let limits = Limits {
        max_size: u64::MAX,
        ..Limits::default()
    };
    let text = large_rules(1_500, 16);
    assert!(text.len() > 512 * 1024, "{}", text.len());
    let loaded = from_str(&text, "big.yaml", &limits).unwrap();
    assert_eq!(loaded.rules.statuses.len(), 1_500);

    // A schema problem early (a label that is a number) and a rule problem late (a
    // missing cell): both are reported, in file order, whichever thread found them.
    let mut broken = text.replacen("    label: Status 3\n", "    label: 3\n", 1);
    let last_cell = broken.rfind("      a5: ").unwrap();
    let end = last_cell + broken[last_cell..].find('\n').unwrap() + 1;
    broken.replace_range(last_cell..end, "");
    let err = from_str(&broken, "big.yaml", &limits).unwrap_err();
    let codes: Vec<(Code, usize)> = err.diagnostics.iter().map(|d| (d.code, d.line)).collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert_eq!(
        codes[0].1,
        text.lines()
            .position(|l| l == "    label: Status 3")
            .unwrap()
            + 1
    );
    assert!(codes[0].1 < codes[1].1, "{codes:?}");
    assert_ne!(codes[0].0, codes[1].0, "{codes:?}");
}

#[test]
fn anchors_and_merge_keys_share_cells() {
    let file = "tests/fixtures/load/shared-cells.yaml";
    let (code, out, err) = run(portrules().args(["validate", "--deny-warnings", file]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(": ok: shared-cells 1.0.0: 2 statuses × 3 actions"),
        "{out}"
    );
    let answer = |status: &str, action: &str| {
        let (code, out, _) = run(portrules().args([
            "--rules", file, "query", "--status", status, "--action", action,
        ]));
        (code, out.lines().next().unwrap_or_default().to_string())
    };
    assert_eq!(
        answer("waiting", "edit"),
        (1, "deny: Waiting × Edit".to_string())
    );
    assert_eq!(
        answer("waiting", "cancel"),
        (0, "allow: Waiting × Cancel".to_string())
    );
    assert_eq!(
        answer("open", "edit"),
        (0, "allow: Open × Edit".to_string())
    );
}
