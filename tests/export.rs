//! The exports, run on the real engines' libraries: every generated OPA test and every
//! case of the equivalence set under regorus, and every case under cedar-policy, each
//! answer compared with portrules' own. Also: an export that disagrees is caught, the
//! bytes are the same on every run, and the command line writes and checks exports.

use std::collections::HashSet;
use std::str::FromStr;

use cedar_policy::{
    Authorizer, Context, Decision, Entities, EntityUid, PolicyId, PolicySet, Request, Schema,
    ValidationMode, Validator,
};
use portrules::Rules;
use portrules::export::cases::{Case, Expected, cases};
use portrules::export::{File, cedar, opa, package_segment};
use serde_json::Value;

use crate::common::{portrules, root, run};

fn load(path: &str) -> Rules {
    let limits = portrules::load::Limits {
        max_size: u64::MAX,
        ..Default::default()
    };
    portrules::load::from_path(&root(path), &limits)
        .unwrap_or_else(|e| panic!("{}", e.render()))
        .rules
}

fn text<'a>(files: &'a [File], suffix: &str) -> &'a str {
    let file = files.iter().find(|f| f.path.ends_with(suffix)).unwrap();
    std::str::from_utf8(&file.bytes).unwrap()
}

/// A regorus engine with the bundle loaded, as OPA would serve it: built-in errors
/// leave a value undefined instead of failing the query (OPA's behaviour).
fn rego_engine(rules: &Rules, files: &[File]) -> regorus::Engine {
    let mut engine = regorus::Engine::new();
    engine.set_strict_builtin_errors(false);
    // Generated tests for large tables exceed regorus's default file size; OPA has no
    // such limit.
    engine.set_policy_length_config(regorus::utils::limits::PolicyLengthConfig {
        max_col: std::num::NonZeroU32::new(1024).unwrap(),
        max_file_bytes: std::num::NonZeroUsize::new(1 << 30).unwrap(),
        max_lines: std::num::NonZeroUsize::new(1 << 30).unwrap(),
    });
    engine
        .add_policy("policy.rego".into(), text(files, "/policy.rego").into())
        .unwrap();
    engine
        .add_policy(
            "policy_test.rego".into(),
            text(files, "/policy_test.rego").into(),
        )
        .unwrap();
    let data: Value = serde_json::from_str(text(files, "/data.json")).unwrap();
    let pkg = package_segment(rules);
    let data = serde_json::json!({ "portrules": { pkg: data } });
    engine
        .add_data(regorus::Value::from_json_str(&data.to_string()).unwrap())
        .unwrap();
    engine
}

/// Whether `answer` (what an engine said) is `expected`; a message when not.
fn compare(case: &Case, answer: &Value) -> Option<String> {
    let ok = match &case.expected {
        Expected::Answer(want) => answer == want,
        Expected::Refused(_) => {
            answer["decision"] == "deny"
                && answer["allowed"] == false
                && answer["error"].is_string()
        }
    };
    (!ok).then(|| format!("{}: expected {:?}, got {answer}", case.title, case.expected))
}

/// Every disagreement between the OPA export (as regorus runs it) and `cases`.
fn opa_mismatches(rules: &Rules, files: &[File], cases: &[Case], run_tests: bool) -> Vec<String> {
    let mut engine = rego_engine(rules, files);
    let pkg = format!("data.portrules.{}", package_segment(rules));
    let mut out = Vec::new();
    if run_tests {
        let tests = text(files, "/policy_test.rego");
        let names: Vec<&str> = tests
            .lines()
            .filter_map(|l| l.strip_prefix("test_")?.split_once(' ').map(|(n, _)| n))
            .collect();
        assert_eq!(names.len(), cases.len(), "one generated test per case");
        for name in names {
            match engine.eval_rule(format!("{pkg}.test_{name}")) {
                Ok(regorus::Value::Bool(true)) => {}
                other => out.push(format!("test_{name}: {other:?}")),
            }
        }
    }
    for case in cases {
        engine.set_input(regorus::Value::from_json_str(&case.request.to_string()).unwrap());
        let decision = engine.eval_rule(format!("{pkg}.decision")).unwrap();
        let answer = serde_json::to_value(&decision).unwrap();
        if let Some(m) = compare(case, &answer) {
            out.push(m);
        }
        let allow = engine.eval_rule(format!("{pkg}.allow")).unwrap();
        if allow != regorus::Value::Bool(case.expected.allowed()) {
            out.push(format!("{}: allow is {allow:?}", case.title));
        }
    }
    out
}

/// The policies with their `@id`s as ids, as `cedar` (the CLI) reads them.
fn cedar_policies(text: &str) -> PolicySet {
    let parsed = PolicySet::from_str(text).unwrap();
    let mut set = PolicySet::new();
    for p in parsed.policies() {
        let id = p
            .annotation("id")
            .expect("every policy has an @id")
            .to_string();
        set.add(p.new_id(PolicyId::new(id))).unwrap();
    }
    set
}

/// Every disagreement between the Cedar export and `cases`.
fn cedar_mismatches(rules: &Rules, files: &[File], cases: &[Case]) -> Vec<String> {
    let (schema, warnings) = Schema::from_cedarschema_str(text(files, ".cedarschema")).unwrap();
    assert_eq!(warnings.count(), 0, "the schema has no warnings");
    let policies = cedar_policies(text(files, ".cedar"));
    let validation = Validator::new(schema.clone()).validate(&policies, ValidationMode::Strict);
    assert!(
        validation.validation_passed_without_warnings(),
        "strict validation: {:?}",
        validation
            .validation_errors()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let authorizer = Authorizer::new();
    let mut out = Vec::new();
    for case in cases {
        let Some((request, entities)) = cedar::request_json(rules, case).unwrap() else {
            continue;
        };
        let action = EntityUid::from_str(request["action"].as_str().unwrap()).unwrap();
        let entities = Entities::from_json_value(entities, Some(&schema)).unwrap();
        let context =
            Context::from_json_value(request["context"].clone(), Some((&schema, &action))).unwrap();
        let request = Request::new(
            EntityUid::from_str(request["principal"].as_str().unwrap()).unwrap(),
            action,
            EntityUid::from_str(request["resource"].as_str().unwrap()).unwrap(),
            context,
            Some(&schema),
        )
        .unwrap();
        let response = authorizer.is_authorized(&request, &policies, &entities);
        let errors: Vec<String> = response
            .diagnostics()
            .errors()
            .map(|e| e.to_string())
            .collect();
        if !errors.is_empty() {
            out.push(format!("{}: evaluation errors {errors:?}", case.title));
        }
        let allowed = response.decision() == Decision::Allow;
        if allowed != case.expected.allowed() {
            out.push(format!("{}: Cedar says allowed = {allowed}", case.title));
            continue;
        }
        // A limited answer without a field: the determining policy names the fields.
        if let Expected::Answer(want) = &case.expected
            && want["decision"] == "limited"
        {
            let fields: HashSet<Option<&str>> = response
                .diagnostics()
                .reason()
                .map(|id| policies.annotation(id, "fields"))
                .collect();
            let want = want["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(",");
            if fields != HashSet::from([Some(want.as_str())]) {
                out.push(format!(
                    "{}: @fields {fields:?}, expected {want}",
                    case.title
                ));
            }
        }
    }
    out
}

/// Runs the generated `<name>.tests.json` as `cedar run-tests` does.
fn cedar_run_tests(files: &[File]) -> Vec<String> {
    let (schema, _) = Schema::from_cedarschema_str(text(files, ".cedarschema")).unwrap();
    let policies = cedar_policies(text(files, ".cedar"));
    let tests: Vec<Value> = serde_json::from_str(text(files, ".tests.json")).unwrap();
    let mut out = Vec::new();
    for t in &tests {
        let r = &t["request"];
        let action = EntityUid::from_str(r["action"].as_str().unwrap()).unwrap();
        let request = Request::new(
            EntityUid::from_str(r["principal"].as_str().unwrap()).unwrap(),
            action.clone(),
            EntityUid::from_str(r["resource"].as_str().unwrap()).unwrap(),
            Context::from_json_value(r["context"].clone(), Some((&schema, &action))).unwrap(),
            Some(&schema),
        )
        .unwrap();
        let entities = Entities::from_json_value(t["entities"].clone(), Some(&schema)).unwrap();
        let response = Authorizer::new().is_authorized(&request, &policies, &entities);
        let got = if response.decision() == Decision::Allow {
            "allow"
        } else {
            "deny"
        };
        let errors = response.diagnostics().errors().count();
        if got != t["decision"] || errors as u64 != t["num_errors"].as_u64().unwrap() {
            out.push(format!("{}: {got} with {errors} errors", t["name"]));
        }
    }
    out
}

fn both_engines_agree(path: &str) {
    let rules = load(path);
    let set = cases(&rules);
    assert!(set.len() > rules.statuses.len() * rules.actions.len());
    let bundle = opa::bundle(&rules).unwrap();
    let wrong = opa_mismatches(&rules, &bundle, &set, true);
    assert!(wrong.is_empty(), "{path} on OPA:\n{}", wrong.join("\n"));
    let files = cedar::files(&rules).unwrap();
    let wrong = cedar_mismatches(&rules, &files, &set);
    assert!(wrong.is_empty(), "{path} on Cedar:\n{}", wrong.join("\n"));
    let wrong = cedar_run_tests(&files);
    assert!(
        wrong.is_empty(),
        "{path}, cedar run-tests:\n{}",
        wrong.join("\n")
    );
}

/// Every shipped policy, exported, answers every case as portrules does on both engines.
#[test]
fn the_shipped_policies_answer_the_same_on_opa_and_cedar() {
    for name in portrules::Rules::embedded_names() {
        both_engines_agree(&format!("rules/{name}.yaml"));
    }
}

/// The same for the lifecycle fixtures: a missing fact answered with a warning, denied
/// or refused, a table without time rules, time rules in every shape (two on one
/// status, a chain, a fixed date, a text fact, two facts at once), and guarded
/// transitions (where an action leads, by text, time and number).
#[test]
fn each_missing_fact_policy_answers_the_same_on_opa_and_cedar() {
    for path in [
        "examples/due-date.yaml",
        "tests/fixtures/load/time-rule-deny.yaml",
        "tests/fixtures/load/time-rule-error.yaml",
        "tests/fixtures/load/two-fields.yaml",
        "tests/fixtures/load/lifecycle.yaml",
        "tests/fixtures/export/time-rules.yaml",
        "tests/fixtures/load/guards.yaml",
        crate::common::POLICY,
    ] {
        both_engines_agree(path);
    }
}

/// A guard on a number (which Cedar's export refuses, as for any number fact) leads
/// the order where portrules does on OPA, at its boundary and either side of it.
#[test]
fn a_guard_on_a_number_leads_the_same_on_opa() {
    let yaml = std::fs::read_to_string(crate::common::root("tests/fixtures/load/guards.yaml"))
        .unwrap()
        .replace(
            "  due: { type: datetime, label: Due date }\n",
            "  due: { type: datetime, label: Due date }\n  count: { type: number, label: Number of items }\n",
        )
        .replace(
            "when: { fact: sent, op: eq, value: \"yes\" }",
            "when: { fact: count, op: ge, value: 3 }",
        );
    assert!(yaml.contains("fact: count"), "the edit must apply");
    let rules = Rules::from_yaml_str(&yaml).unwrap();
    let set = cases(&rules);
    assert!(
        set.iter()
            .any(|c| c.request["facts"]["count"].to_string().trim_matches('"') == "3"),
        "the cases ask at the boundary"
    );
    let bundle = opa::bundle(&rules).unwrap();
    let wrong = opa_mismatches(&rules, &bundle, &set, true);
    assert!(wrong.is_empty(), "on OPA:\n{}", wrong.join("\n"));
}

/// Generated tables of a few sizes (the scale benchmark's generator).
#[test]
fn generated_tables_answer_the_same_on_opa_and_cedar() {
    for (statuses, actions) in [(10, 4), (100, 16), (1000, 4)] {
        let out = std::process::Command::new("python3")
            .arg(root("scripts/gen-rules.py"))
            .args([statuses.to_string(), actions.to_string()])
            .output()
            .unwrap();
        assert!(out.status.success());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules.yaml");
        std::fs::write(&path, out.stdout).unwrap();
        let rules = load(path.to_str().unwrap());
        let set = cases(&rules);
        let bundle = opa::bundle(&rules).unwrap();
        // The generated test rules are run on the smaller tables; every case on all.
        let wrong = opa_mismatches(&rules, &bundle, &set, statuses <= 100);
        assert!(
            wrong.is_empty(),
            "{statuses}×{actions} on OPA:\n{}",
            wrong[..wrong.len().min(20)].join("\n")
        );
        let files = cedar::files(&rules).unwrap();
        let wrong = cedar_mismatches(&rules, &files, &set);
        assert!(
            wrong.is_empty(),
            "{statuses}×{actions} on Cedar:\n{}",
            wrong[..wrong.len().min(20)].join("\n")
        );
    }
}

/// The checks can fail: an export with one cell flipped is caught on both engines.
#[test]
fn an_export_with_one_flipped_cell_is_caught() {
    let rules = load(crate::common::POLICY);
    let set = cases(&rules);
    // OPA: flip Completed × View in the bundle's data.
    let mut bundle = opa::bundle(&rules).unwrap();
    let data = bundle
        .iter_mut()
        .find(|f| f.path.ends_with("data.json"))
        .unwrap();
    let mut table: Value = serde_json::from_slice(&data.bytes).unwrap();
    let cell = &mut table["table"]["statuses"]["completed"]["cells"]["view"]["decision"];
    assert_eq!(cell, "allow");
    *cell = "deny".into();
    data.bytes = serde_json::to_vec(&table).unwrap();
    let wrong = opa_mismatches(&rules, &bundle, &set, true);
    assert!(
        wrong.iter().any(|m| m.contains("completed × view")),
        "{wrong:?}"
    );
    // Cedar: policies exported from a table with that cell flipped.
    let mut flipped = rules.clone();
    let view = flipped.action("view").unwrap().0;
    let completed = flipped.status("completed").unwrap().0;
    flipped.statuses.to_mut()[completed].cells.to_mut()[view].decision = portrules::Effect::Deny;
    let files = cedar::files(&flipped).unwrap();
    let wrong = cedar_mismatches(&rules, &files, &set);
    assert!(
        wrong.iter().any(|m| m.contains("completed × view")),
        "{wrong:?}"
    );
}

/// Two exports of the same rules are the same bytes, the tar bundle included.
#[test]
fn exports_are_byte_for_byte_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for i in 0..2 {
        let path = dir.path().join(format!("bundle-{i}.tar.gz"));
        let (code, _, err) =
            run(portrules().args(["export", "opa", "--output", path.to_str().unwrap()]));
        assert_eq!(code, 0, "{err}");
        outputs.push(std::fs::read(&path).unwrap());
    }
    assert_eq!(outputs[0], outputs[1]);
    // The archive holds the bundle's four files, owned by nobody, dated 1970.
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(&outputs[0][..]));
    let mut names = Vec::new();
    for entry in archive.entries().unwrap() {
        let entry = entry.unwrap();
        let h = entry.header();
        assert_eq!(
            (h.mtime().unwrap(), h.uid().unwrap(), h.gid().unwrap()),
            (0, 0, 0)
        );
        names.push(entry.path().unwrap().display().to_string());
    }
    assert_eq!(
        names,
        [
            ".manifest",
            "portrules/port_orders/data.json",
            "portrules/port_orders/policy.rego",
            "portrules/port_orders/policy_test.rego"
        ]
    );
    let rules = load(crate::common::POLICY);
    assert_eq!(opa::bundle(&rules).unwrap(), opa::bundle(&rules).unwrap());
    assert_eq!(cedar::files(&rules).unwrap(), cedar::files(&rules).unwrap());
}

/// `--check` passes on what `--output` wrote, and fails with a diff once it changes:
/// as a bundle, as a folder, and for Cedar.
#[test]
fn a_committed_export_is_checked_like_a_page() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, target) in [
        ("opa", "bundle.tar.gz"),
        ("opa", "opa-bundle/"),
        ("cedar", "cedar"),
    ] {
        let path = dir.path().join(target);
        let path = path.to_str().unwrap();
        let (code, _, err) = run(portrules().args(["export", engine, "--output", path]));
        assert_eq!(code, 0, "{engine} {target}: {err}");
        let (code, out, err) = run(portrules().args(["export", engine, "--check", path]));
        assert_eq!(code, 0, "{engine} {target}: {out}{err}");
        // The rules change: the committed export is now stale.
        let (code, out, err) = run(portrules().args([
            "--rules",
            "examples/due-date.yaml",
            "export",
            engine,
            "--check",
            path,
        ]));
        assert_eq!(code, 1, "{engine} {target}: {out}{err}");
        assert!(err.contains("out of date"), "{err}");
    }
    // A hand edit of one file is shown as a diff of that file.
    let policy = dir.path().join("cedar/port-orders.cedar");
    let edited = std::fs::read_to_string(&policy)
        .unwrap()
        .replace("permit", "forbid");
    std::fs::write(&policy, edited).unwrap();
    let (code, out, err) = run(portrules().args([
        "export",
        "cedar",
        "--check",
        dir.path().join("cedar").to_str().unwrap(),
    ]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("-forbid") && out.contains("+permit"), "{out}");
}

/// The export never writes through a committed symbolic link, and a rule file it
/// cannot express exactly is refused with the reason.
#[test]
fn exports_refuse_links_and_what_an_engine_cannot_say() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
    // As a branch would commit it: a relative path, from inside the repository.
    let (code, _, err) = run(portrules()
        .current_dir(dir.path())
        .args(["--rules", root(crate::common::POLICY).to_str().unwrap()])
        .args(["export", "opa", "--output", "linked/bundle"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);

    let cyclic = dir.path().join("cyclic.yaml");
    let text = std::fs::read_to_string(root("examples/due-date.yaml")).unwrap().replace(
        "    permissions: { view: allow, cancel: deny }\n  cancelled:",
        "    permissions: { view: allow, cancel: deny }\n    transitions:\n      - { to: approved, when: { fact: due, op: gt, now_plus: 24h }, source: inferred }\n  cancelled:",
    );
    std::fs::write(&cyclic, text).unwrap();
    let (code, _, err) = run(portrules().args([
        "--rules",
        cyclic.to_str().unwrap(),
        "export",
        "opa",
        "--output",
        dir.path().join("x.tar.gz").to_str().unwrap(),
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cycle"), "{err}");
    assert!(!dir.path().join("x.tar.gz").exists());
}

/// A committed export folder is held to exactly the export: an extra file fails the
/// check, and a file committed as a symbolic link is reported, never read (its target
/// could be any file on the CI machine, and the diff would print it).
#[test]
fn a_committed_folder_is_the_export_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let opa = dir.path().join("opa");
    let path = opa.to_str().unwrap();
    let (code, _, err) = run(portrules().args(["export", "opa", "--output", path]));
    assert_eq!(code, 0, "{err}");
    let stray = opa.join("portrules/port_orders/extra.rego");
    std::fs::write(&stray, "package portrules.port_orders\nallow := true\n").unwrap();
    let (code, out, err) = run(portrules().args(["export", "opa", "--check", path]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("extra.rego: not part of the export"), "{out}");
    std::fs::remove_file(&stray).unwrap();

    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOKEN=hunter2\n").unwrap();
    let data = opa.join("portrules/port_orders/data.json");
    std::fs::remove_file(&data).unwrap();
    std::os::unix::fs::symlink(&secret, &data).unwrap();
    let (code, out, err) = run(portrules().args(["export", "opa", "--check", path]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("data.json: a symbolic link"), "{out}");
    assert!(
        !out.contains("hunter2") && !err.contains("hunter2"),
        "{out}{err}"
    );

    // Writing: a link below the export folder is refused even on an absolute path
    // outside the current folder, and nothing is written through it.
    let outside = tempfile::tempdir().unwrap();
    std::fs::remove_file(&data).unwrap();
    let pkg = opa.join("portrules");
    std::fs::remove_dir_all(&pkg).unwrap();
    std::os::unix::fs::symlink(outside.path(), &pkg).unwrap();
    let (code, _, err) = run(portrules().args(["export", "opa", "--output", path]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);

    // Cedar's three files cannot go to standard output.
    let (code, _, err) = run(portrules().args(["export", "cedar", "--output", "-"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--output DIR"), "{err}");
}

/// What the OPA export would read otherwise than portrules is refused with the reason:
/// a time beyond OPA's nanosecond clock, a name with a letter that Go lowercases
/// otherwise; and for Cedar a fact named like the order's status attribute.
#[test]
fn exports_refuse_what_the_engine_would_read_otherwise() {
    let base = std::fs::read_to_string(root("examples/due-date.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (engine, from, to, why) in [
        (
            "opa",
            "now_plus: 24h",
            "value: \"2300-01-01T00:00:00Z\"",
            "beyond OPA's clock",
        ),
        (
            "opa",
            "label: Approved",
            "label: İptal",
            "lowercases otherwise",
        ),
        (
            "cedar",
            "due: { type: datetime",
            "status: { type: datetime",
            "clash",
        ),
    ] {
        let mut text = base.replace(from, to);
        if from.starts_with("due:") {
            text = text
                .replace("fact: due", "fact: status")
                .replace("facts: { due:", "facts: { status:");
        }
        let file = dir.path().join("rules.yaml");
        std::fs::write(&file, text).unwrap();
        let out_dir = dir.path().join(format!("{engine}-out"));
        let (code, _, err) = run(portrules().args([
            "--rules",
            file.to_str().unwrap(),
            "export",
            engine,
            "--output",
            out_dir.to_str().unwrap(),
        ]));
        assert_eq!(code, 2, "{engine} {to}: {err}");
        assert!(err.contains(why), "{engine} {to}: {err}");
        assert!(!out_dir.exists(), "nothing written");
    }
}

/// The Rego fails closed on requests the equivalence set does not make: a fact given
/// twice under two names, a bad `now`, a key no request has, a request that is not an
/// object; and answers a string fact given as another JSON value as batch does.
#[test]
fn the_rego_refuses_odd_requests_as_batch_does() {
    let rules = load("tests/fixtures/export/time-rules.yaml");
    let bundle = opa::bundle(&rules).unwrap();
    let mut engine = rego_engine(&rules, &bundle);
    let answers = portrules::batch::Answers::new(&rules);
    let clock = portrules::batch::Pinned(portrules::export::cases::NOW_AT);
    for request in [
        r#"{"status": "approved", "action": "view", "facts": {"due": "2030-01-16T00:00:00Z", "Due date": "2030-01-17T00:00:00Z"}}"#,
        r#"{"status": "approved", "action": "view", "now": " 2030-01-15T09:00:00Z"}"#,
        r#"{"status": "approved", "action": "view", "fact": {"due": "2030-01-16T00:00:00Z"}}"#,
        r#"{"status": "approved", "action": "view", "facts": {"due": "tomorrow"}}"#,
        r#"{"status": "approved", "action": "view", "facts": []}"#,
        r#"["approved", "view"]"#,
        r#"{"status": "locked", "action": "view", "facts": {"region": 7}, "now": "2030-01-15T09:00:00Z"}"#,
        r#"{"status": "  LOCKED ", "action": "Edit", "field": "NOTES", "now": "2030-01-15T09:00:00Z"}"#,
        r#"{"status": "approved", "action": "edit", "field": null, "now": "2030-01-15T09:00:00Z"}"#,
    ] {
        let mut line = Vec::new();
        answers.answer(1, request.as_bytes(), &clock, &mut line);
        let batch: Value = serde_json::from_slice(&line).unwrap();
        engine.set_input(regorus::Value::from_json_str(request).unwrap());
        let rego = serde_json::to_value(
            engine
                .eval_rule("data.portrules.time_rules.decision".into())
                .unwrap(),
        )
        .unwrap();
        if batch.get("error").is_some() {
            assert_eq!(
                (
                    rego["decision"].as_str(),
                    rego["allowed"].as_bool(),
                    rego["error"].is_string()
                ),
                (Some("deny"), Some(false), true),
                "{request}: batch refused, OPA said {rego}"
            );
        } else {
            for key in [
                "decision",
                "fields",
                "status",
                "effective_status",
                "leads_to",
            ] {
                assert_eq!(
                    rego[key], batch[key],
                    "{request}: {key}: OPA {rego}, batch {batch}"
                );
            }
        }
    }
}
