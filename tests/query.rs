//! `portrules query`: name matching, suggestions, exit codes, JSON shape, `--field`.

use crate::common::{portrules, root, run};

fn query(args: &[&str]) -> (i32, String, String) {
    run(portrules().arg("query").args(args))
}

#[test]
fn names_match_by_id_or_label_ignoring_case_and_separators() {
    for status in [
        "Transfer approved",
        "transfer_approved",
        "TRANSFER-APPROVED",
        " transfer approved ",
    ] {
        for action in ["cancel", "Cancel", "CANCEL"] {
            let (code, out, err) = query(&["--status", status, "--action", action]);
            assert_eq!(code, 0, "{status:?} {action:?}: {err}");
            assert!(
                out.starts_with("allow: Transfer approved × Cancel"),
                "{out}"
            );
        }
    }
}

#[test]
fn unknown_names_exit_2_with_a_suggestion() {
    let (code, out, err) = query(&["--status", "Transfer aproved", "--action", "edit"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    insta::assert_snapshot!(err, @r"
    error: unknown status `Transfer aproved`: did you mean `Transfer approved`?
      = help: known statuses: `Processing`, `Contacting carrier`, `Transfer approved`, `Transfer pending`, `Error`, `Completed`, `Cancelled`
    ");

    let (code, _, err) = query(&["--status", "error", "--action", "delet"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `Delete`?"), "{err}");

    let (code, _, err) = query(&["--status", "banana", "--action", "view"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: unknown status `banana`\n"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = query(&["--status", "error"]);
    assert_eq!(code, 2);
    assert!(err.contains("--action"), "{err}");
    let (code, _, _) = query(&["--status", "error", "--action", "view", "--format", "yaml"]);
    assert_eq!(code, 2);
}

#[test]
fn json_answer_has_the_contract_shape() {
    let (code, out, _) = query(&[
        "--status",
        "Transfer approved",
        "--action",
        "edit",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Keys sorted: the snapshot holds the contract's fields, not the output's order.
    insta::with_settings!({ sort_maps => true }, {
        insta::assert_json_snapshot!(json, @r#"
        {
          "action": "edit",
          "action_label": "Edit",
          "because": null,
          "decision": "limited",
          "effective_status": "transfer_approved",
          "effective_status_label": "Transfer approved",
          "fields": [
            "foc_date"
          ],
          "leads_to": null,
          "note": "Once the carrier has agreed, the FOC date is the only thing that may still change.",
          "reason": "Edit is allowed in status Transfer approved only for: Firm Order Commitment (FOC) date",
          "remedy": [],
          "rules": {
            "name": "port-orders",
            "source": "tests/fixtures/policy/port-orders.yaml",
            "version": "1.1.0"
          },
          "status": "transfer_approved",
          "status_label": "Transfer approved",
          "warnings": [
            "fact `foc_date` (Firm Order Commitment (FOC) date) was not given, so whether the order is already Transfer pending could not be checked; answered for Transfer approved"
          ]
        }
        "#);
    });
    // One object on one line, so it can be read line by line.
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn denied_json_answer_has_null_note_and_empty_lists() {
    let (code, out, _) = query(&[
        "--status",
        "completed",
        "--action",
        "cancel",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["decision"], "deny");
    assert_eq!(json["note"], serde_json::Value::Null);
    assert_eq!(json["fields"], serde_json::json!([]));
    assert_eq!(json["remedy"], serde_json::json!([]));
}

#[test]
fn field_turns_a_limited_cell_into_allow_or_deny() {
    let (code, out, _) = query(&[
        "--status",
        "Transfer approved",
        "--action",
        "edit",
        "--field",
        "foc_date",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["decision"], "allow");
    assert_eq!(json["field"], "foc_date");

    // By label too.
    let (code, _, _) = query(&[
        "--status",
        "Transfer approved",
        "--action",
        "edit",
        "--field",
        "Firm Order Commitment (FOC) date",
    ]);
    assert_eq!(code, 0);

    // A field the cell does not list is denied, on a rule file that declares one more.
    let rules = root("tests/fixtures/load/two-fields.yaml");
    let (code, out, _) = run(portrules().arg("--rules").arg(&rules).args([
        "query", "--status", "approved", "--action", "edit", "--field", "notes",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("deny: Approved × Edit"), "{out}");
    assert!(out.contains("only for: FOC date"), "{out}");

    // Unknown field: exit 2 with a suggestion.
    let (code, _, err) = query(&[
        "--status",
        "Transfer approved",
        "--action",
        "edit",
        "--field",
        "foc_dat",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown field `foc_dat`: did you mean"),
        "{err}"
    );
}

#[test]
fn text_answer_lists_note_remedy_and_version() {
    let (code, out, _) = query(&["--status", "Error", "--action", "Delete"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out, @r"
    deny: Error × Delete
    reason: Delete is not allowed in status Error
    note: Deleting an order in error is not possible at the moment, although the published table lists it as allowed.
    remedy:
      - Create the port order again.
      - Contact support.
    rules: port-orders 1.1.0
    ");
}

#[test]
fn rules_come_from_the_flag_then_the_environment_then_the_binary() {
    let alt = root("tests/fixtures/load/two-fields.yaml");
    let (code, out, _) = run(portrules()
        .env("PORTRULES_RULES", &alt)
        .args(["query", "--status", "approved", "--action", "view"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("rules: two-fields 2.1.0"), "{out}");

    // The flag wins over the environment.
    let (code, out, _) = run(portrules()
        .env("PORTRULES_RULES", "/nonexistent.yaml")
        .arg("--rules")
        .arg(&alt)
        .args(["query", "--status", "approved", "--action", "view"]));
    assert_eq!(code, 0, "{out}");

    // A broken rule file makes query exit 2 with located diagnostics.
    let (code, out, err) = run(portrules()
        .arg("--rules")
        .arg(root("tests/fixtures/invalid/missing-cell.yaml"))
        .args(["query", "--status", "open", "--action", "view"]));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("error[PR021]"), "{err}");
}

#[test]
fn shared_options_go_before_or_after_the_command_and_the_later_one_wins() {
    let alt = root("tests/fixtures/load/two-fields.yaml");
    let ask = ["--status", "approved", "--action", "view"];
    let rules_of = |cmd: &mut std::process::Command| {
        let (code, out, err) = run(cmd);
        assert_eq!(code, 0, "{err}");
        out.lines().last().unwrap_or_default().to_string()
    };
    let after = rules_of(portrules().arg("query").args(ask).arg("--rules").arg(&alt));
    assert_eq!(after, "rules: two-fields 2.1.0");
    // After the command beats before it, and both beat the environment.
    let both = rules_of(
        portrules()
            .env("PORTRULES_RULES", "/nonexistent.yaml")
            .args(["--rules", "/nonexistent.yaml", "query"])
            .args(ask)
            .arg("--rules")
            .arg(&alt),
    );
    assert_eq!(both, "rules: two-fields 2.1.0");
    let (code, _, err) = run(portrules()
        .arg("--rules")
        .arg(&alt)
        .arg("query")
        .args(ask)
        .args(["--max-size", "10"]));
    assert_eq!(code, 2);
    assert!(err.contains("larger than the limit of 10 bytes"), "{err}");
    // Commands that read no rules still take the options, as they always did.
    let (code, _, err) = run(portrules().args(["schema", "--rules", "x.yaml", "--max-size", "1"]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn table_prints_every_status_and_action() {
    let (code, out, _) = run(portrules().arg("table"));
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
    let (code, out, _) = run(portrules().args(["table", "--format", "json"]));
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["statuses"].as_array().unwrap().len(), 7);
    assert_eq!(json["statuses"][2]["permissions"][1]["decision"], "limited");
}

#[test]
fn schema_prints_the_embedded_schema() {
    let (code, out, _) = run(portrules().arg("schema"));
    assert_eq!(code, 0);
    assert_eq!(
        out,
        std::fs::read_to_string(root("schemas/rules.schema.json")).unwrap()
    );
}

#[test]
fn output_that_cannot_be_written_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = portrules()
        .args(["query", "--status", "error", "--action", "view"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write output: no space left on device\n"
    );
}
