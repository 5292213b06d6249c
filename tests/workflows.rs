//! The workflows as users run them: a policy owner in a repository of their own, from
//! its top folder and from below it, with and without `portrules.toml`; CI checking
//! the page with `--rules` spelled three ways; a folder with no policy at all.

use std::path::{Path, PathBuf};

use crate::common::{POLICY, root, run, shipped};

/// A git repository of a policy owner's own: the test policy as
/// `rules/port-orders.yaml`, and a sub-folder to run commands from.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    std::fs::create_dir_all(dir.path().join("docs/sub")).unwrap();
    std::fs::copy(root(POLICY), dir.path().join("rules/port-orders.yaml")).unwrap();
    dir
}

/// `portrules ARGS` run in `folder`, with nothing pointing it at other rules.
fn portrules_in(folder: &Path, args: &[&str]) -> (i32, String, String) {
    run(shipped().current_dir(folder).args(args))
}

#[test]
fn commands_read_the_repository_file_from_any_folder_in_it() {
    let repo = repository();
    let rules = repo.path().join("rules/port-orders.yaml");
    let text = std::fs::read_to_string(&rules).unwrap();
    std::fs::write(&rules, text.replacen("edit: deny", "edit: alow", 1)).unwrap();
    for folder in [repo.path().to_path_buf(), repo.path().join("docs/sub")] {
        let (code, out, err) = portrules_in(&folder, &["validate"]);
        assert_eq!(code, 1, "the local file is invalid: {out}{err}");
        assert!(err.contains("port-orders.yaml:"), "{err}");
        assert!(err.contains("`alow`"), "{err}");
        for command in ["table", "test", "transitions", "docs"] {
            let (code, _, err) = portrules_in(&folder, &[command]);
            assert_eq!(
                code, 2,
                "{command} must refuse the invalid local file: {err}"
            );
        }
    }
}

#[test]
fn test_and_docs_answer_from_the_local_file() {
    let repo = repository();
    let rules = repo.path().join("rules/port-orders.yaml");
    let text = std::fs::read_to_string(&rules).unwrap();
    // A local policy of another version whose examples fail.
    let local = text
        .replace("version: 1.1.0", "version: 7.0.0")
        .replace("expect: limited", "expect: deny");
    std::fs::write(&rules, local).unwrap();
    let (code, out, _) = portrules_in(repo.path(), &["test"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with("examples of port-orders 7.0.0 (rules/port-orders.yaml)"),
        "{out}"
    );
    let (code, _, err) = portrules_in(
        &repo.path().join("docs/sub"),
        &["docs", "--output", "../port-order-statuses.md"],
    );
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(repo.path().join("docs/port-order-statuses.md")).unwrap();
    assert!(
        page.contains("version 7.0.0"),
        "the page is the local file's"
    );
}

#[test]
fn outside_any_repository_the_built_in_rules_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = portrules_in(dir.path(), &["validate"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("built-in port-orders "), "{out}");
    assert!(
        !out.contains("rules/port-orders.yaml"),
        "never a path: {out}"
    );
    let (_, out, _) = portrules_in(dir.path(), &["table"]);
    assert!(out.trim_end().ends_with(" (built-in)"), "{out}");
    let (_, json, _) = portrules_in(dir.path(), &["table", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["rules"]["source"], "built-in");
}

#[test]
fn a_configuration_names_the_rules_and_must_stay_inside() {
    let repo = repository();
    std::fs::create_dir(repo.path().join("policy")).unwrap();
    std::fs::rename(
        repo.path().join("rules/port-orders.yaml"),
        repo.path().join("policy/ours.yaml"),
    )
    .unwrap();
    std::fs::write(
        repo.path().join("portrules.toml"),
        "rules = \"policy/ours.yaml\"\n",
    )
    .unwrap();
    let (code, out, err) = portrules_in(&repo.path().join("docs"), &["validate"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("policy/ours.yaml: ok"), "{out}");

    std::fs::write(
        repo.path().join("portrules.toml"),
        "rules = \"/etc/passwd\"\n",
    )
    .unwrap();
    let (code, out, err) = portrules_in(repo.path(), &["validate"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("portrules.toml"), "{err}");
    assert!(
        !err.contains("root:"),
        "nothing of the file is shown: {err}"
    );
}

/// The page, its check and the README's CI snippet agree however `--rules` is spelled
/// and wherever the command is run.
#[test]
fn the_page_does_not_depend_on_how_the_command_was_typed() {
    let repo = repository();
    let top = repo.path();
    let (code, _, err) = portrules_in(top, &["docs", "--output", "docs/port-order-statuses.md"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(top.join("docs/port-order-statuses.md")).unwrap();
    assert!(
        !page.contains(&top.display().to_string()),
        "no absolute path in the page"
    );
    let absolute = top.join("rules/port-orders.yaml").display().to_string();
    let absolute_page = top
        .join("docs/port-order-statuses.md")
        .display()
        .to_string();
    let sub = top.join("docs/sub");
    let cases: Vec<(PathBuf, Vec<&str>)> = vec![
        (
            top.to_path_buf(),
            vec!["docs", "--check", "docs/port-order-statuses.md"],
        ),
        (
            top.to_path_buf(),
            vec![
                "--rules",
                "rules/port-orders.yaml",
                "docs",
                "--check",
                "docs/port-order-statuses.md",
            ],
        ),
        (
            top.to_path_buf(),
            vec![
                "--rules",
                "./rules/port-orders.yaml",
                "docs",
                "--check",
                "./docs/port-order-statuses.md",
            ],
        ),
        (
            top.to_path_buf(),
            vec!["--rules", &absolute, "docs", "--check", &absolute_page],
        ),
        (
            sub.clone(),
            vec!["docs", "--check", "../port-order-statuses.md"],
        ),
        (
            sub.clone(),
            vec![
                "--rules",
                "../../rules/port-orders.yaml",
                "docs",
                "--check",
                "../port-order-statuses.md",
            ],
        ),
    ];
    for (folder, args) in cases {
        let (code, out, err) = portrules_in(&folder, &args);
        assert_eq!(code, 0, "{args:?} from {}: {out}{err}", folder.display());
    }
}

/// This repository's page passes its check however it is named: with --rules, from
/// docs/, and without a FILE (a conventional repository's page, as the docs-check hook
/// runs it).
#[test]
fn the_page_check_passes_on_this_repository() {
    let (code, out, err) = run(shipped().args([
        "--rules",
        "rules/port-orders.yaml",
        "docs",
        "--check",
        "docs/port-order-statuses.md",
    ]));
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run(shipped().current_dir(root("docs")).args([
        "docs",
        "--check",
        "port-order-statuses.md",
    ]));
    assert_eq!(code, 0, "from docs/: {out}{err}");
    let (code, out, err) = run(shipped()
        .current_dir(root("docs/policies"))
        .args(["docs", "--check"]));
    assert_eq!(code, 0, "without FILE: {out}{err}");
    assert!(out.contains("port-order-statuses.md: up to date"), "{out}");
}

/// A policy owner's repository keeps its OPA and Cedar exports: exported from a
/// sub-folder, they come from the repository's own rules (not the built-in ones), and
/// `--check` agrees however `--rules` is spelled.
#[test]
fn exports_come_from_the_repository_rules_from_any_folder() {
    let repo = repository();
    let rules = repo.path().join("rules/port-orders.yaml");
    let text = std::fs::read_to_string(&rules).unwrap();
    std::fs::write(&rules, text.replace("version: 1.1.0", "version: 7.0.0")).unwrap();
    let sub = repo.path().join("docs/sub");
    for engine in ["opa", "cedar"] {
        let out = format!("../../exports/{engine}");
        let (code, _, err) = portrules_in(&sub, &["export", engine, "--output", &out]);
        assert_eq!(code, 0, "{engine}: {err}");
    }
    let manifest = std::fs::read_to_string(repo.path().join("exports/opa/.manifest")).unwrap();
    assert!(
        manifest.contains("\"revision\": \"port-orders@7.0.0\""),
        "{manifest}"
    );
    let absolute = rules.to_str().unwrap().to_string();
    let spellings: [Vec<&str>; 3] = [
        vec![],
        vec!["--rules", "../../rules/port-orders.yaml"],
        vec!["--rules", &absolute],
    ];
    for rules_arg in &spellings {
        for engine in ["opa", "cedar"] {
            let check = repo.path().join(format!("exports/{engine}"));
            let mut args = rules_arg.clone();
            args.extend(["export", engine, "--check", check.to_str().unwrap()]);
            let (code, out, err) = portrules_in(&sub, &args);
            assert_eq!(code, 0, "{args:?}: {out}{err}");
        }
    }
    // Outside any repository the built-in rules answer, and the export is stale.
    let elsewhere = tempfile::tempdir().unwrap();
    let check = repo.path().join("exports/opa");
    let (code, _, err) = portrules_in(
        elsewhere.path(),
        &["export", "opa", "--check", check.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("out of date"), "{err}");
}
