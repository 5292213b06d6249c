//! Every cell of the source table, asked through the real binary.

use crate::common::{portrules, run};

/// The source table, cell by cell, with the Error × Delete caveat applied (the source
/// writes "Yes" and then says the order cannot be deleted while in error).
const EXPECTED: [(&str, [&str; 4]); 7] = [
    ("Processing", ["allow", "deny", "allow", "deny"]),
    ("Contacting carrier", ["allow", "deny", "allow", "deny"]),
    ("Transfer approved", ["allow", "limited", "allow", "deny"]),
    ("Transfer pending", ["allow", "deny", "deny", "deny"]),
    ("Error", ["deny", "allow", "allow", "deny"]),
    ("Completed", ["allow", "deny", "deny", "deny"]),
    ("Cancelled", ["deny", "allow", "deny", "deny"]),
];
const ACTIONS: [&str; 4] = ["view", "edit", "cancel", "delete"];

#[test]
fn all_28_cells_answer_as_the_source_table_says() {
    let mut checked = 0;
    for (status, row) in EXPECTED {
        for (action, expected) in ACTIONS.iter().zip(row) {
            let (code, out, err) = run(portrules().args([
                "query", "--status", status, "--action", action, "--format", "json",
            ]));
            let json: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(
                json["decision"], expected,
                "{status} × {action}: {out}{err}"
            );
            let want_code = if expected == "deny" { 1 } else { 0 };
            assert_eq!(code, want_code, "{status} × {action} exit code");

            let (text_code, text, _) =
                run(portrules().args(["query", "--status", status, "--action", action]));
            assert_eq!(text_code, want_code);
            assert!(
                text.starts_with(&format!("{expected}:")),
                "{status} × {action}: text output starts with the decision: {text}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 28);
}

#[test]
fn the_special_cells_carry_their_details() {
    let (_, out, _) = run(portrules().args([
        "query",
        "--status",
        "Transfer approved",
        "--action",
        "edit",
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["fields"], serde_json::json!(["foc_date"]));

    let (_, out, _) = run(portrules().args([
        "query", "--status", "Error", "--action", "delete", "--format", "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json["note"].as_str().unwrap().contains("not possible"));
    assert_eq!(json["remedy"].as_array().unwrap().len(), 2);
}
