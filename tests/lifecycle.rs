//! The lifecycle: the 24-hour rule at its boundary, facts and their errors, where an
//! action leads (guards included), the transitions listing, and the diagram in the docs.

use crate::common::{batch, portrules, root, run};

const NOW: &str = "2026-11-26T12:00:00Z";

/// Asks whether an order stored as Transfer approved, with its FOC date at `foc`, may
/// be cancelled at NOW; returns (exit code, JSON answer).
fn cancel_with_foc(foc: &str) -> (i32, serde_json::Value) {
    let (code, out, err) = run(portrules().args([
        "query",
        "--status",
        "Transfer approved",
        "--action",
        "cancel",
        "--fact",
        &format!("foc_date={foc}"),
        "--now",
        NOW,
        "--format",
        "json",
    ]));
    assert!(err.is_empty(), "{err}");
    (code, serde_json::from_str(&out).unwrap())
}

#[test]
fn the_24_hour_boundary() {
    // 24 h 01 min away: still Transfer approved, cancel allowed.
    let (code, a) = cancel_with_foc("2026-11-27T12:01:00Z");
    assert_eq!(
        (code, &a["decision"], &a["effective_status"]),
        (0, &"allow".into(), &"transfer_approved".into())
    );
    assert_eq!(a["because"], serde_json::Value::Null);
    assert_eq!(a["leads_to"], "cancelled");

    // 23 h 59 min away: Transfer pending, cancel denied, and the answer says why.
    let (code, b) = cancel_with_foc("2026-11-27T11:59:00Z");
    assert_eq!(
        (code, &b["decision"], &b["effective_status"]),
        (1, &"deny".into(), &"transfer_pending".into())
    );
    assert_eq!(
        b["status"], "transfer_approved",
        "the stated status is kept"
    );
    let because = b["because"].as_str().unwrap();
    assert!(because.contains("less than 24 hours away"), "{because}");
    assert!(because.contains("now + 24h"), "{because}");
    assert_eq!(b["leads_to"], serde_json::Value::Null);

    // Exactly 24 h away: "less than 24 hours" is strict, so still Transfer approved.
    let (code, c) = cancel_with_foc("2026-11-27T12:00:00Z");
    assert_eq!(
        (code, &c["effective_status"]),
        (0, &"transfer_approved".into())
    );

    // Offsets are honoured: 13:30+02:00 is 11:30Z, less than 24 h away.
    let (code, d) = cancel_with_foc("2026-11-27T13:30:00+02:00");
    assert_eq!(
        (code, &d["effective_status"]),
        (1, &"transfer_pending".into())
    );
}

#[test]
fn three_hours_before_the_foc_date_cancel_is_denied_with_the_rule_named() {
    let (code, out, _) = run(portrules().args([
        "query",
        "--status",
        "Transfer approved",
        "--action",
        "cancel",
        "--fact",
        "foc_date=2026-11-26T15:00:00Z",
        "--now",
        NOW,
    ]));
    assert_eq!(code, 1);
    insta::assert_snapshot!(out, @r"
    deny: Transfer approved × Cancel
    reason: Cancel is not allowed in status Transfer pending
    status: Transfer pending (stated: Transfer approved): The transfer is less than 24 hours away (foc_date 2026-11-26T15:00:00Z < now + 24h), so the order counts as Transfer pending
    rules: port-orders 1.1.0
    ");
}

#[test]
fn a_missing_fact_answers_from_the_stated_status_with_a_warning() {
    let (code, out, _) = run(portrules().args([
        "query",
        "--status",
        "Transfer approved",
        "--action",
        "cancel",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0);
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["effective_status"], "transfer_approved");
    let warning = a["warnings"][0].as_str().unwrap();
    assert!(
        warning.contains("`foc_date`") && warning.contains("not given"),
        "{warning}"
    );
    // Statuses without time rules need no facts and warn about nothing.
    let (_, out, _) = run(portrules().args([
        "query",
        "--status",
        "processing",
        "--action",
        "cancel",
        "--format",
        "json",
    ]));
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["warnings"], serde_json::json!([]));
    assert_eq!(a["leads_to"], "cancelled");
}

#[test]
fn bad_facts_exit_2() {
    let ask = |extra: &[&str]| {
        run(portrules()
            .args([
                "query",
                "--status",
                "Transfer approved",
                "--action",
                "cancel",
            ])
            .args(extra))
    };
    let (code, _, err) = ask(&["--fact", "foc_date=tomorrow"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad value for fact `foc_date`: `tomorrow` is not a date and time"),
        "{err}"
    );
    let (code, _, err) = ask(&["--fact", "foc_dat=2026-11-27T09:00:00Z"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown fact `foc_dat`: did you mean `foc_date`?"),
        "{err}"
    );
    let (code, _, err) = ask(&["--fact", "foc_date"]);
    assert_eq!(code, 2);
    assert!(err.contains("must be NAME=VALUE"), "{err}");
    let (code, _, err) = ask(&["--now", "noon"]);
    assert_eq!(code, 2);
    assert!(err.contains("`noon` is not a date and time"), "{err}");
}

#[test]
fn batch_accepts_facts_and_now() {
    let input = concat!(
        r#"{"status":"transfer_approved","action":"cancel","facts":{"foc_date":"2026-11-26T15:00:00Z"},"now":"2026-11-26T12:00:00Z","id":1}"#,
        "\n",
        r#"{"status":"transfer_approved","action":"cancel","facts":{"foc_date":"2026-11-30T15:00:00Z"},"now":"2026-11-26T12:00:00Z","id":2}"#,
        "\n",
        r#"{"status":"transfer_approved","action":"cancel","facts":{"foc_date":"soon"},"id":3}"#,
        "\n",
        r#"{"status":"transfer_approved","action":"cancel","now":"later","id":4}"#,
        "\n",
    );
    let (code, lines) = batch(input);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 4);
    assert_eq!(
        (
            &lines[0]["decision"],
            &lines[0]["effective_status"],
            &lines[0]["id"]
        ),
        (&"deny".into(), &"transfer_pending".into(), &1.into())
    );
    assert_eq!(
        (&lines[1]["decision"], &lines[1]["id"]),
        (&"allow".into(), &2.into())
    );
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("bad value for fact `foc_date`"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("`now` is not a date and time"),
        "{}",
        lines[3]
    );
}

#[test]
fn transitions_lists_the_ways_out() {
    let (code, out, _) = run(portrules().arg("transitions"));
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
    let (code, out, _) =
        run(portrules().args(["transitions", "--status", "error", "--format", "json"]));
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["transitions"][0]["to"], "processing");
    assert_eq!(rows[0]["transitions"][0]["source"], "inferred");
    let (code, _, err) = run(portrules().args(["transitions", "--status", "eror"]));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `Error`?"), "{err}");
}

/// A small grammar of Mermaid's `stateDiagram-v2`, enough for what portrules writes:
/// a header, `state "Label" as id` declarations, and `a --> b` or `a --> b: label`
/// transitions between declared states or `[*]`.
fn check_mermaid(diagram: &str) -> Result<(), String> {
    let mut lines = diagram.lines();
    if lines.next() != Some("stateDiagram-v2") {
        return Err("must start with stateDiagram-v2".into());
    }
    let id_ok =
        |id: &str| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut declared = std::collections::HashSet::new();
    for line in lines {
        let body = line
            .strip_prefix("    ")
            .ok_or(format!("not indented: {line}"))?;
        if let Some(rest) = body.strip_prefix("state \"") {
            let (label, id) = rest
                .split_once("\" as ")
                .ok_or(format!("bad state line: {line}"))?;
            if label.contains('"') || !id_ok(id) {
                return Err(format!("bad state line: {line}"));
            }
            declared.insert(id.to_string());
            continue;
        }
        let (edge, label) = match body.split_once(": ") {
            Some((e, l)) => (e, Some(l)),
            None => (body, None),
        };
        let (from, to) = edge
            .split_once(" --> ")
            .ok_or(format!("bad line: {line}"))?;
        for end in [from, to] {
            if end != "[*]" && !declared.contains(end) {
                return Err(format!("undeclared state `{end}`: {line}"));
            }
        }
        if let Some(label) = label
            && (label.is_empty() || label.chars().any(|c| ":;#{}\"<>".contains(c)))
        {
            return Err(format!("label with special characters: {line}"));
        }
    }
    Ok(())
}

#[test]
fn the_docs_draw_the_lifecycle_as_valid_mermaid() {
    let page = std::fs::read_to_string(root("docs/port-order-statuses.md")).unwrap();
    let start = page.find("```mermaid\n").expect("a mermaid block") + "```mermaid\n".len();
    let end = start + page[start..].find("\n```").unwrap();
    let diagram = &page[start..end];
    check_mermaid(diagram).unwrap();
    insta::assert_snapshot!(diagram);
    assert!(diagram.contains("error --> processing: Edit (inferred)"));
    assert!(page.contains("counts as Transfer pending as soon as its Firm Order Commitment (FOC) date is before now + 24h"));
    // The checker itself rejects what Mermaid would.
    assert!(check_mermaid("stateDiagram-v2\n    a --> b").is_err());
    assert!(check_mermaid("graph TD\n").is_err());
    assert!(check_mermaid("stateDiagram-v2\n    state \"A\" as a\n    a --> [*]: x: y").is_err());
}

/// What a missing fact means is the rule file's choice: answer with a warning, deny,
/// or refuse; and only when the answer depends on it.
#[test]
fn a_missing_fact_is_answered_denied_or_refused_as_the_file_says() {
    let ask = |file: &str, action: &str| {
        run(crate::common::portrules().args([
            "--rules", file, "query", "--status", "approved", "--action", action,
        ]))
    };
    let (code, out, _) = ask("examples/due-date.yaml", "cancel");
    assert_eq!(code, 0, "warn answers for the stated status: {out}");
    assert!(out.contains("warning: fact `due`"), "{out}");

    let (code, out, _) = ask("tests/fixtures/load/time-rule-deny.yaml", "cancel");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Due date (`due`) was not given"), "{out}");
    assert!(out.contains("these rules deny until it is given"), "{out}");

    let (code, out, err) = ask("tests/fixtures/load/time-rule-error.yaml", "cancel");
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("error: cannot answer Approved × Cancel"),
        "{err}"
    );
    assert!(err.contains("--fact due=2026-11-27T09:00:00Z"), "{err}");

    // View is allowed in Approved and in Locked: no fact is needed to answer it.
    for file in [
        "tests/fixtures/load/time-rule-deny.yaml",
        "tests/fixtures/load/time-rule-error.yaml",
    ] {
        let (code, out, err) = ask(file, "view");
        assert_eq!(code, 0, "{file}: {out}{err}");
    }

    // batch refuses with an error line, and answers once the fact is there.
    let (code, lines) = crate::common::batch_with(
        &[
            "--rules",
            "tests/fixtures/load/time-rule-error.yaml",
            "batch",
        ],
        "{\"status\":\"approved\",\"action\":\"cancel\",\"id\":1}\n\
         {\"status\":\"approved\",\"action\":\"cancel\",\"facts\":{\"due\":\"2026-06-09T00:00:00Z\"},\"now\":\"2026-06-01T00:00:00Z\"}\n",
    );
    assert_eq!(code, 0);
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("cannot answer"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["decision"], "allow");
}

#[test]
fn diff_classifies_what_a_missing_fact_means() {
    let (code, out, err) = run(crate::common::portrules().args([
        "diff",
        "examples/due-date.yaml",
        "tests/fixtures/load/time-rule-error.yaml",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("breaking  fact Due date: if missing: warn → error"),
        "{out}"
    );
    let (_, out, _) = run(crate::common::portrules().args([
        "diff",
        "tests/fixtures/load/time-rule-error.yaml",
        "tests/fixtures/load/time-rule-deny.yaml",
    ]));
    assert!(
        out.contains("feature   fact Due date: if missing: error → deny"),
        "{out}"
    );
}

/// A guarded transition: where cancelling leads depends on the facts, tried in order,
/// and is unknown (null) when a guard on the way lacks its fact; the decision itself
/// never depends on a guard.
#[test]
fn guards_decide_where_an_action_leads() {
    let ask = |facts: &[&str]| {
        let mut cmd = portrules();
        cmd.args([
            "--rules",
            "tests/fixtures/load/guards.yaml",
            "query",
            "--status",
            "Open",
            "--action",
            "cancel",
            "--now",
            "2030-01-15T09:00:00Z",
            "--format",
            "json",
        ]);
        for f in facts {
            cmd.args(["--fact", f]);
        }
        let (code, out, err) = run(&mut cmd);
        assert_eq!(code, 0, "{err}");
        let answer: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(answer["decision"], "allow");
        answer["leads_to"].clone()
    };
    assert_eq!(ask(&["sent=no"]), "cancelled", "the first guard holds");
    assert_eq!(ask(&["sent=yes", "due=2030-01-15T10:00:00Z"]), "late");
    assert_eq!(
        ask(&["sent=yes", "due=2030-01-15T11:00:00Z"]),
        "withdrawn",
        "2 h is not less than 2 h"
    );
    assert_eq!(
        ask(&["sent=yes"]),
        serde_json::Value::Null,
        "the second guard lacks `due`"
    );
    assert_eq!(ask(&[]), serde_json::Value::Null);
    // Batch answers the same.
    let (code, answers) = crate::common::batch_with(
        &[
            "--rules",
            "tests/fixtures/load/guards.yaml",
            "batch",
            "--now",
            "2030-01-15T09:00:00Z",
        ],
        "{\"status\": \"open\", \"action\": \"cancel\", \"facts\": {\"sent\": \"no\"}}\n{\"status\": \"open\", \"action\": \"cancel\"}\n",
    );
    assert_eq!(code, 0);
    assert_eq!(answers[0]["leads_to"], "cancelled");
    assert_eq!(answers[1]["leads_to"], serde_json::Value::Null);
    // The listing and the page say when each way is taken.
    let (code, out, _) = run(portrules().args([
        "--rules",
        "tests/fixtures/load/guards.yaml",
        "transitions",
        "--status",
        "open",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["transitions"][0]["when"], "sent = no");
    assert!(rows[0]["transitions"][2].get("when").is_none());
    let (code, page, _) =
        run(portrules().args(["--rules", "tests/fixtures/load/guards.yaml", "docs"]));
    assert_eq!(code, 0);
    let start = page.find("```mermaid\n").unwrap() + "```mermaid\n".len();
    let end = start + page[start..].find("\n```").unwrap();
    check_mermaid(&page[start..end]).unwrap();
    assert!(
        page.contains("open --> cancelled: Cancel, if Sent on is no"),
        "{page}"
    );
    assert!(page.contains("In Open, Cancel moves an order to Cancelled when its Sent on is no, else to Late when its Due date is before now + 2h, and otherwise to Withdrawn."), "{page}");
}

/// A guard added or changed is a change of where orders go: the old way is gone
/// (breaking) and a new one is there (feature).
#[test]
fn diff_classifies_a_changed_guard() {
    let old = "tests/fixtures/load/guards.yaml";
    let text = std::fs::read_to_string(root(old)).unwrap();
    let new_text = text.replace(
        "when: { fact: sent, op: eq, value: \"no\" }",
        "when: { fact: sent, op: eq, value: \"never\" }",
    );
    assert_ne!(new_text, text);
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("guards.yaml");
    std::fs::write(&new, new_text).unwrap();
    let (code, out, err) = run(portrules()
        .args(["diff", old])
        .arg(&new)
        .args(["--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let impacts: Vec<&str> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["impact"].as_str().unwrap())
        .collect();
    assert_eq!(impacts, ["breaking", "feature"], "{report}");
    assert_eq!(report["bump"]["minimum"], "2.0.0");
}
