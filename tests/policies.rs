//! Choosing a built-in policy: `--policy NAME` before or after the command,
//! `$PORTRULES_POLICY`, how they meet `--rules` and `$PORTRULES_RULES`, `portrules
//! policies`, an unknown name, and a batch request's `"policy"`.
//!
//! Nothing here pins a policy's cells: expectations come from the library's own view
//! of each built-in policy (`Rules::embedded_named`), so that a policy owner's edit of
//! `rules/*.yaml` breaks none of these tests.

use portrules::Rules;

use crate::common::{batch_with, portrules, root, run};

fn names() -> Vec<&'static str> {
    Rules::embedded_names().collect()
}

/// A question every policy can answer without facts: its first status and the first
/// action whose answer there needs no fact.
fn plain_question(rules: &Rules) -> (String, String) {
    let status = &rules.statuses[0];
    (status.id.to_string(), rules.actions[0].id.to_string())
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn policies_lists_every_built_in_policy_with_its_counts() {
    let (code, out, err) = run(portrules().args(["policies", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let listed = json(&out);
    let listed = listed["policies"].as_array().unwrap();
    assert_eq!(listed.len(), names().len());
    for (entry, name) in listed.iter().zip(names()) {
        let rules = Rules::embedded_named(name).unwrap();
        assert_eq!(entry["name"], name);
        assert_eq!(entry["version"], rules.version.as_ref());
        assert_eq!(entry["title"], rules.title.as_ref());
        assert_eq!(entry["statuses"], rules.statuses.len());
        assert_eq!(entry["actions"], rules.actions.len());
        assert_eq!(entry["file"], format!("rules/{name}.yaml"));
        assert_eq!(entry["default"], name == Rules::embedded().name);
    }
    let (code, text, _) = run(portrules().arg("policies"));
    assert_eq!(code, 0);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), names().len(), "{text}");
    for (line, name) in lines.iter().zip(names()) {
        let rules = Rules::embedded_named(name).unwrap();
        assert!(line.starts_with(name), "{line}");
        assert!(line.contains(rules.title.as_ref()), "{line}");
        assert!(
            line.contains(&format!(
                "({} statuses, {} actions)",
                rules.statuses.len(),
                rules.actions.len()
            )),
            "{line}"
        );
    }
    assert!(lines[0].ends_with("[default]"), "{text}");
}

/// `--policy` before the command, after it and in the environment all choose the same
/// policy, on the shortcut's path (`query` alone) and clap's (`--format json` after
/// `--now`, `table`).
#[test]
fn every_spelling_of_the_policy_answers_from_it() {
    for name in names() {
        let rules = Rules::embedded_named(name).unwrap();
        let (status, action) = plain_question(&rules);
        let query = [
            "query", "--status", &status, "--action", &action, "--format", "json",
        ];
        let spellings: Vec<Vec<String>> = vec![
            ["--policy", name]
                .into_iter()
                .chain(query)
                .map(String::from)
                .collect(),
            std::iter::once(format!("--policy={name}"))
                .chain(query.iter().map(|s| s.to_string()))
                .collect(),
            query
                .iter()
                .map(|s| s.to_string())
                .chain(["--policy".into(), name.into()])
                .collect(),
        ];
        for args in &spellings {
            let (code, out, err) = run(portrules().args(args));
            assert!(code < 2, "{args:?}: {err}");
            let answer = json(&out);
            assert_eq!(answer["rules"]["name"], name, "{args:?}");
            assert_eq!(answer["rules"]["source"], "built-in", "{args:?}");
        }
        // `$PORTRULES_POLICY`; the tests' `$PORTRULES_RULES` is removed, as two variables
        // naming rules at once are refused (below).
        let (code, out, err) = run(portrules()
            .env_remove("PORTRULES_RULES")
            .env("PORTRULES_POLICY", name)
            .args(query));
        assert!(code < 2, "{err}");
        assert_eq!(json(&out)["rules"]["name"], name);
        let (code, out, err) =
            run(portrules().args(["--policy", name, "table", "--format", "json"]));
        assert_eq!(code, 0, "{err}");
        assert_eq!(json(&out)["rules"]["name"], name);
    }
}

/// An option beats the environment, either way round; two options, or two variables,
/// naming rules at once are a usage error, exit 2, and nothing is answered.
#[test]
fn options_beat_the_environment_and_two_of_a_kind_conflict() {
    let name = names()[1];
    // The tests' `$PORTRULES_RULES` names the frozen fixture; `--policy` overrides it.
    let (code, out, _) = run(portrules().args(["--policy", name, "table", "--format", "json"]));
    assert_eq!(code, 0);
    assert_eq!(json(&out)["rules"]["name"], name);
    // And `--rules` overrides `$PORTRULES_POLICY`.
    let (code, out, _) = run(portrules().env("PORTRULES_POLICY", name).args([
        "--rules",
        "examples/due-date.yaml",
        "table",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0);
    assert_eq!(json(&out)["rules"]["name"], "time-rule");
    let (code, out, err) = run(portrules().args([
        "--rules",
        "examples/due-date.yaml",
        "--policy",
        name,
        "query",
        "--status",
        "approved",
        "--action",
        "view",
    ]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("--rules and --policy both name the rules"),
        "{err}"
    );
    let (code, out, err) = run(portrules().env("PORTRULES_POLICY", name).args(["table"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("$PORTRULES_RULES and $PORTRULES_POLICY are both set"),
        "{err}"
    );
    // An empty variable is no variable, as for `$PORTRULES_RULES`.
    let (code, out, _) = run(portrules()
        .env("PORTRULES_POLICY", "")
        .args(["table", "--format", "json"]));
    assert_eq!(code, 0);
    assert_eq!(json(&out)["rules"]["name"], "port-orders");
}

/// A name that is no built-in policy exits 2 with the closest name and the list, on
/// every path: the option (shortcut and clap), the variable, and a batch process.
#[test]
fn an_unknown_policy_is_refused_with_a_suggestion() {
    let typo = "telnyx-porting-order";
    let cases: Vec<(Vec<&str>, Option<&str>)> = vec![
        (
            vec!["--policy", typo, "query", "--status", "a", "--action", "b"],
            None,
        ),
        (
            vec![
                "query", "--status", "a", "--action", "b", "--policy", typo, "--format", "json",
            ],
            None,
        ),
        (vec!["--policy", typo, "batch"], None),
        (vec!["query", "--status", "a", "--action", "b"], Some(typo)),
    ];
    for (args, env) in cases {
        let mut cmd = portrules();
        if let Some(env) = env {
            cmd.env_remove("PORTRULES_RULES")
                .env("PORTRULES_POLICY", env);
        }
        let (code, out, err) = run(cmd.args(&args));
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert!(
            err.contains(&format!(
                "unknown policy `{typo}`: did you mean `telnyx-porting-orders`?"
            )),
            "{args:?}: {err}"
        );
        assert!(err.contains("built-in policies: `port-orders`"), "{err}");
    }
}

/// One co-process asks several policies: each answer comes from the policy its request
/// names, prepared answers included (a request without facts is answered from a table
/// rendered up front, and must be that policy's table), and equals what a process
/// started with `--policy` answers.
#[test]
fn batch_requests_choose_their_policy() {
    let mut input = String::new();
    let mut expected = Vec::new();
    for (i, name) in names().iter().enumerate() {
        let rules = Rules::embedded_named(name).unwrap();
        for status in rules.statuses.iter() {
            for action in rules.actions.iter() {
                // No facts and no `now`: answered from the table rendered up front.
                input.push_str(&format!(
                    "{{\"policy\": \"{name}\", \"status\": \"{}\", \"action\": \"{}\", \"id\": {i}}}\n",
                    status.label, action.id
                ));
                expected.push((*name, status.id.to_string(), action.id.to_string()));
            }
        }
    }
    let (code, answers) = batch_with(&["batch"], &input);
    assert_eq!(code, 0);
    assert_eq!(answers.len(), expected.len());
    for name in names() {
        // The same questions asked of a process started with that policy.
        let own: String = input
            .lines()
            .filter(|l| l.contains(&format!("\"policy\": \"{name}\"")))
            .map(|l| format!("{}\n", l.replace(&format!("\"policy\": \"{name}\", "), "")))
            .collect();
        let (_, alone) = batch_with(&["--policy", name, "batch"], &own);
        let asked: Vec<&serde_json::Value> = (answers.iter().zip(&expected))
            .filter(|(_, (n, _, _))| *n == name)
            .map(|(a, _)| a)
            .collect();
        assert_eq!(asked.len(), alone.len());
        for (a, b) in asked.iter().zip(&alone) {
            // Error lines name their line, which differs between the two inputs.
            let without_line = |v: &serde_json::Value| {
                let mut v = v.clone();
                v.as_object_mut().unwrap().remove("line");
                v
            };
            assert_eq!(without_line(a), without_line(b), "{name}");
            if a.get("error").is_none() {
                assert_eq!(a["rules"]["name"], name);
            }
        }
    }
    for (answer, (_, status, action)) in answers.iter().zip(&expected) {
        if answer.get("error").is_none() {
            assert_eq!(answer["status"], status.as_str());
            assert_eq!(answer["action"], action.as_str());
        }
    }
}

#[test]
fn a_batch_request_naming_no_built_in_policy_gets_an_error_line() {
    let rules = Rules::embedded_named("bandwidth-port-ins").unwrap();
    let (status, action) = plain_question(&rules);
    let input = [
        "{\"policy\": \"bandwith-port-ins\", STATUS, \"id\": \"a\"}",
        "{\"policy\": \"elsewhere\", STATUS, \"id\": \"b\"}",
        "{\"policy\": 3, STATUS, \"id\": \"c\"}",
        "{\"policy\": \"bandwidth-port-ins\", STATUS, \"id\": \"d\"}",
        // `null` is no policy, as for `field`: the process's own rules answer.
        "{\"policy\": null, \"status\": \"processing\", \"action\": \"view\", \"id\": \"e\"}",
    ]
    .map(|l| {
        l.replace(
            "STATUS",
            &format!("\"status\": \"{status}\", \"action\": \"{action}\""),
        ) + "\n"
    })
    .concat();
    let (code, answers) = batch_with(&["--policy", "port-orders", "batch"], &input);
    assert_eq!(code, 0);
    assert_eq!(
        answers[0]["error"],
        "unknown policy `bandwith-port-ins`: did you mean `bandwidth-port-ins`?"
    );
    assert_eq!(answers[0]["id"], "a");
    let second = answers[1]["error"].as_str().unwrap();
    assert!(
        second.starts_with("unknown policy `elsewhere`; built-in policies: `port-orders`"),
        "{second}"
    );
    let third = answers[2]["error"].as_str().unwrap();
    assert!(
        third.starts_with("`policy` must be text (the name of a built-in policy"),
        "{third}"
    );
    assert_eq!(answers[3]["rules"]["name"], "bandwidth-port-ins");
    assert!(answers[3].get("error").is_none(), "{}", answers[3]);
    assert_eq!(answers[4]["rules"]["name"], "port-orders");
}

/// `diff OLD` with `--policy` compares OLD with that built-in policy.
#[test]
fn diff_against_a_built_in_policy() {
    let name = names()[2];
    let file = format!("rules/{name}.yaml");
    let (code, out, err) = run(portrules().args(["--policy", name, "diff", &file]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("(built-in {name} ")), "{out}");
    assert!(out.contains("no changes"), "{out}");
}

/// `test` and `docs` take `--policy` too; a built-in policy's page is the page of the
/// file it was built from, however it is named, from any folder.
#[test]
fn test_and_docs_work_on_a_named_policy_from_any_folder() {
    let elsewhere = tempfile::tempdir().unwrap();
    for name in names() {
        let (code, out, err) = run(portrules()
            .current_dir(elsewhere.path())
            .args(["--policy", name, "test"]));
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.starts_with(&format!("examples of {name} ")), "{out}");
        let (code, from_policy, err) = run(portrules()
            .current_dir(root("docs"))
            .args(["--policy", name, "docs"]));
        assert_eq!(code, 0, "{err}");
        let file = format!("rules/{name}.yaml");
        let (code, from_file, err) = run(portrules().args(["--rules", &file, "docs"]));
        assert_eq!(code, 0, "{err}");
        assert_eq!(from_policy, from_file, "{name}");
    }
}
