//! `portrules batch`: order and count kept, ids echoed, bad lines answered with errors,
//! answers identical to `query`'s, and answers flushed for a waiting co-process.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{batch, portrules, run};

#[test]
fn mixed_lines_keep_order_count_and_ids() {
    let input = [
        r#"{"status": "error", "action": "delete", "id": 1}"#,
        r#"not json"#,
        r#""#,
        r#"{"status": "Transfer approved", "action": "edit", "field": "foc_date", "id": "b"}"#,
        r#"{"status": "eror", "action": "view", "id": {"order": 7}}"#,
        r#"{"action": "view", "id": null}"#,
        r#"{"status": "processing", "action": "dance", "id": 2.5}"#,
        r#"[1, 2]"#,
        r#"{"status": 3, "action": "view"}"#,
        "{\"status\": \"completed\", \"action\": \"view\"}\r",
        r#"{"status": "TRANSFER-PENDING", "action": "Cancel", "extra": true, "id": "last"}"#,
    ]
    .join("\n");
    let (code, out) = batch(&input);
    assert_eq!(code, 0);
    assert_eq!(out.len(), 11, "one answer per input line");
    assert_eq!(out[0]["decision"], "deny");
    assert_eq!(out[0]["id"], 1);
    assert_eq!(out[1]["line"], 2);
    assert_eq!(
        out[1]["error"],
        "not valid JSON at column 2: a value is misspelt (`true`, `false` and `null` are the only bare words)"
    );
    assert!(out[1].get("id").is_none());
    assert_eq!(out[2]["line"], 3);
    assert!(out[2]["error"].as_str().unwrap().starts_with("empty line"));
    assert_eq!(out[3]["decision"], "allow");
    assert_eq!(out[3]["field"], "foc_date");
    assert_eq!(out[3]["id"], "b");
    assert_eq!(out[4]["line"], 5);
    assert_eq!(out[4]["id"], serde_json::json!({"order": 7}));
    assert_eq!(
        out[4]["error"],
        "unknown status `eror`: did you mean `Error`?"
    );
    assert_eq!(out[5]["error"], "missing `status`");
    assert_eq!(out[5]["id"], serde_json::Value::Null);
    assert!(
        out[6]["error"]
            .as_str()
            .unwrap()
            .starts_with("unknown action `dance`")
    );
    assert_eq!(out[6]["id"], 2.5);
    assert_eq!(out[7]["line"], 8);
    assert!(
        out[7]["error"].as_str().unwrap().ends_with("not a list"),
        "{}",
        out[7]
    );
    assert_eq!(out[8]["line"], 9);
    assert_eq!(
        out[8]["error"],
        "`status` must be text, such as \"error\", not a number"
    );
    assert_eq!(
        out[9]["decision"], "allow",
        "CRLF line endings are accepted"
    );
    assert_eq!(
        out[10]["error"],
        "unknown key `extra` in the request; a request has only `status`, `action`, `field`, `id`, `facts`, `now`, `policy`",
        "a key the request format does not have is an error, never ignored"
    );
    assert_eq!(out[10]["id"], "last");
}

/// serde reads a struct from a list by position: `["error", "view", ...]` must not be
/// answered as a request, nor `[7]` lend its first item as an id.
#[test]
fn a_list_is_no_request_and_lends_no_id() {
    let seven = r#"["error", "view", null, 7, null, null, null]"#;
    let (code, out) = batch(&[seven, "[7]"].join("\n"));
    assert_eq!(code, 0);
    for answer in &out {
        assert!(answer.get("decision").is_none(), "{answer}");
        assert!(answer.get("id").is_none(), "{answer}");
        assert!(
            answer["error"]
                .as_str()
                .unwrap()
                .contains("one JSON object per line"),
            "{answer}"
        );
    }
}

/// Messages say what is wrong in the request's own terms, never serde's.
#[test]
fn request_errors_are_in_our_words() {
    let lines = [
        r#"{id: 1}"#,
        r#"{"status": "error""#,
        r#"{"status": "error", "action": "view"} trailing"#,
        r#"{"status": "error", "action": "view", "facts": [1], "id": 3}"#,
        r#"{"status": "error", "action": "view", "now": 20261127}"#,
        r#"{"status": "error", "action": "view", "policy": 1}"#,
        r#"{"status": "error", "action": "view", "field": {}}"#,
        "\"status\"",
        "true",
    ];
    let (_, out) = batch(&lines.join("\n"));
    assert_eq!(out.len(), lines.len());
    for (line, answer) in lines.iter().zip(&out) {
        let message = answer["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{line}: {answer}"));
        for serde in [
            "expected",
            "invalid type",
            "at line",
            "struct",
            "EOF",
            "ident",
        ] {
            assert!(!message.contains(serde), "{line}: {message}");
        }
    }
    assert_eq!(
        out[3]["id"], 3,
        "the id of a request with a wrong value is echoed"
    );
    assert!(
        out[3]["error"]
            .as_str()
            .unwrap()
            .starts_with("`facts` must be an object")
    );
}

#[test]
fn answers_equal_query_answers() {
    let statuses = [
        "processing",
        "contacting_carrier",
        "transfer_approved",
        "transfer_pending",
        "error",
        "completed",
        "cancelled",
    ];
    let actions = ["view", "edit", "cancel", "delete"];
    let mut input = String::new();
    let mut expected = Vec::new();
    for s in statuses {
        for a in actions {
            input.push_str(&format!("{{\"status\":\"{s}\",\"action\":\"{a}\"}}\n"));
            let (_, out, _) =
                run(portrules().args(["query", "--status", s, "--action", a, "--format", "json"]));
            expected.push(serde_json::from_str::<serde_json::Value>(&out).unwrap());
        }
    }
    input.push_str(
        "{\"status\":\"transfer_approved\",\"action\":\"edit\",\"field\":\"foc_date\"}\n",
    );
    let (_, out, _) = run(portrules().args([
        "query",
        "--status",
        "transfer_approved",
        "--action",
        "edit",
        "--field",
        "foc_date",
        "--format",
        "json",
    ]));
    expected.push(serde_json::from_str(&out).unwrap());
    let (code, answers) = batch(&input);
    assert_eq!(code, 0);
    assert_eq!(answers, expected);
}

#[test]
fn empty_input_gives_empty_output() {
    let (code, out) = batch("");
    assert_eq!(code, 0);
    assert!(out.is_empty());
}

#[test]
fn a_co_process_gets_each_answer_before_sending_the_next_question() {
    let mut child = portrules()
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    // The conversation runs in a thread so that a missing flush fails the test
    // (by timing out) instead of hanging it.
    std::thread::spawn(move || {
        for (i, status) in ["error", "completed", "processing"].iter().enumerate() {
            writeln!(
                stdin,
                "{{\"status\":\"{status}\",\"action\":\"cancel\",\"id\":{i}}}"
            )
            .unwrap();
            stdin.flush().unwrap();
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            tx.send(line).unwrap();
        }
        drop(stdin);
    });
    let mut answers = Vec::new();
    for _ in 0..3 {
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("batch did not answer a waiting co-process: is output flushed?");
        answers.push(serde_json::from_str::<serde_json::Value>(&line).unwrap());
    }
    assert_eq!(answers[0]["decision"], "allow");
    assert_eq!(answers[1]["decision"], "deny");
    assert_eq!(answers[2]["id"], 2);
    assert!(child.wait().unwrap().success());
}

/// `batch --help` names every key an answer has.
#[test]
fn batch_help_names_every_answer_key() {
    let (_, help, _) = run(portrules().args(["batch", "--help"]));
    let request = r#"{"id": 1, "status": "transfer_approved", "action": "edit", "field": "foc_date", "facts": {"foc_date": "2030-01-15T09:00:00Z"}, "now": "2030-01-01T00:00:00Z"}"#;
    let (_, out) = batch(request);
    let answer = out[0].as_object().unwrap();
    assert!(answer.len() > 10, "{answer:?}");
    for key in answer.keys() {
        assert!(
            help.contains(&format!("\"{key}\"")),
            "batch --help does not name `{key}`"
        );
    }
    let (_, out) = batch("[1]");
    for key in out[0].as_object().unwrap().keys() {
        assert!(
            help.contains(&format!("\"{key}\"")),
            "nor the error line's `{key}`"
        );
    }
}
