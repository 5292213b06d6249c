//! `portrules init`, run as a policy owner runs it: from another folder, into a new
//! repository, then every check of the CI workflow it wrote and of this project's
//! pre-commit hooks, run from inside that repository.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{root, run};

/// The binary, run from `dir`, with nothing in the environment choosing rules.
fn portrules_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portrules"));
    cmd.current_dir(dir);
    cmd.env_remove("PORTRULES_RULES");
    cmd.env_remove("PORTRULES_POLICY");
    cmd
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// The `run:` scripts of a workflow's steps, in order, with the step's name.
fn workflow_steps(workflow: &str) -> Vec<(String, String)> {
    let mut steps = Vec::new();
    let mut name = String::new();
    let mut lines = workflow.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if let Some(n) = trimmed.strip_prefix("name: ") {
            name = n.to_string();
        }
        let Some(script) = trimmed.strip_prefix("run: ") else {
            continue;
        };
        if script != "|" {
            steps.push((name.clone(), script.to_string()));
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let mut block = String::new();
        while let Some(next) = lines.peek() {
            let deeper = next.len() - next.trim_start().len() > indent;
            if !deeper && !next.trim().is_empty() {
                break;
            }
            block.push_str(next.trim_start());
            block.push('\n');
            lines.next();
        }
        steps.push((name.clone(), block));
    }
    steps
}

/// A PATH on which `portrules` is the binary under test.
fn path_with_portrules() -> std::ffi::OsString {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_portrules"));
    let mut paths = vec![bin.parent().unwrap().to_path_buf()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap()
}

#[test]
fn every_check_passes_right_after_init_for_every_built_in_policy() {
    let names: Vec<&str> = portrules::Rules::embedded_names().collect();
    assert!(names.len() >= 2);
    for name in names {
        let outside = tempfile::tempdir().unwrap();
        let repo = outside.path().join("policy");
        // From another folder, into a folder that does not exist yet.
        let (code, out, err) =
            run(portrules_in(outside.path()).args(["init", "policy", "--from", name]));
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains(&format!("rules/{name}.yaml")), "{out}");
        for file in [
            format!("rules/{name}.yaml"),
            "schemas/rules.schema.json".into(),
            "portrules.toml".into(),
            format!("docs/{name}.md"),
            ".pre-commit-config.yaml".into(),
            ".github/workflows/portrules.yml".into(),
        ] {
            assert!(repo.join(&file).is_file(), "{name}: {file} is written");
        }
        // The rule file's modeline finds the schema in the new repository.
        let rules = std::fs::read_to_string(repo.join(format!("rules/{name}.yaml"))).unwrap();
        assert!(
            rules.starts_with("# yaml-language-server: $schema=../schemas/rules.schema.json"),
            "{name}"
        );
        git(&repo, &["init", "-q", "-b", "main"]);
        git(&repo, &["add", "-A"]);
        git(&repo, &["commit", "-q", "-m", "start"]);
        // A pull request against main, as actions/checkout leaves it.
        git(&repo, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
        git(&repo, &["checkout", "-q", "-b", "change"]);

        let workflow =
            std::fs::read_to_string(repo.join(".github/workflows/portrules.yml")).unwrap();
        let steps = workflow_steps(&workflow);
        let checks: Vec<&(String, String)> = steps
            .iter()
            .filter(|(_, s)| !s.contains("cargo install"))
            .collect();
        assert!(checks.len() >= 5, "{steps:?}");
        for wanted in [
            "validate --format github",
            "portrules test",
            "docs --check",
            "diff --require-bump",
        ] {
            assert!(
                checks.iter().any(|(_, s)| s.contains(wanted)),
                "the workflow runs `{wanted}`"
            );
        }
        for (step, script) in &checks {
            let (code, out, err) = run(Command::new("bash")
                .args(["-euo", "pipefail", "-c", script])
                .current_dir(&repo)
                .env("PATH", path_with_portrules())
                .env("BASE", "main")
                .env_remove("PORTRULES_RULES")
                .env_remove("PORTRULES_POLICY"));
            assert_eq!(
                code, 0,
                "{name}: step `{step}` fails right after init:\n{script}\n{out}{err}"
            );
            if script.contains("diff --require-bump") {
                assert!(out.contains("no changes"), "{name}: the diff ran: {out}");
            }
        }

        // This project's pre-commit hooks, as pre-commit runs them in that repository.
        let hooks = std::fs::read_to_string(root(".pre-commit-hooks.yaml")).unwrap();
        let entries: Vec<&str> = hooks
            .lines()
            .filter_map(|l| l.trim().strip_prefix("entry: "))
            .collect();
        assert_eq!(entries.len(), 2, "{hooks}");
        for entry in entries {
            let mut script = entry.to_string();
            if entry.contains("validate") {
                script.push_str(&format!(" rules/{name}.yaml"));
            }
            let (code, out, err) = run(Command::new("bash")
                .args(["-c", &script])
                .current_dir(&repo)
                .env("PATH", path_with_portrules())
                .env_remove("PORTRULES_RULES")
                .env_remove("PORTRULES_POLICY"));
            assert_eq!(code, 0, "{name}: hook `{script}`: {out}{err}");
        }

        // An edit that the page does not follow is caught by the same checks.
        let edited = rules.replacen("\ntitle: ", "\ntitle: Edited ", 1);
        assert_ne!(edited, rules);
        std::fs::write(repo.join(format!("rules/{name}.yaml")), edited).unwrap();
        let (code, _, _) = run(portrules_in(&repo.join("docs")).args(["docs", "--check"]));
        assert_eq!(code, 1, "{name}: a stale page fails the hook's check");
    }
}

#[test]
fn init_defaults_to_the_shipped_policy_or_the_chosen_one() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(portrules_in(dir.path()).arg("init"));
    assert_eq!(code, 0, "{err}");
    let default = portrules::Rules::embedded();
    assert!(
        dir.path()
            .join(format!("rules/{}.yaml", default.name))
            .is_file()
    );
    // --policy (and so $PORTRULES_POLICY) chooses too; --from wins over it.
    let other: Vec<&str> = portrules::Rules::embedded_names()
        .filter(|n| *n != default.name)
        .collect();
    let two = tempfile::tempdir().unwrap();
    let (code, _, err) = run(portrules_in(two.path()).args(["--policy", other[0], "init"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        two.path()
            .join(format!("rules/{}.yaml", other[0]))
            .is_file()
    );
    let three = tempfile::tempdir().unwrap();
    let (code, _, err) = run(portrules_in(three.path())
        .env("PORTRULES_POLICY", other[0])
        .args(["init", "--from", &default.name]));
    assert_eq!(code, 0, "{err}");
    assert!(
        three
            .path()
            .join(format!("rules/{}.yaml", default.name))
            .is_file()
    );
}

/// Every file of a folder with its text, for "nothing changed".
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                stack.push(p);
            } else if meta.file_type().is_symlink() {
                out.push((
                    p.clone(),
                    std::fs::read_link(&p)
                        .unwrap()
                        .into_os_string()
                        .into_encoded_bytes(),
                ));
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn init_refuses_to_overwrite_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    let mine = dir.path().join("portrules.toml");
    std::fs::write(&mine, "rules = \"mine.yaml\"\n").unwrap();
    let before = snapshot(dir.path());
    let (code, out, err) = run(portrules_in(dir.path()).arg("init"));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("portrules.toml exists already"), "{err}");
    assert!(
        err.contains("nothing was written") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "nothing is written when one file exists"
    );

    let (code, _, err) = run(portrules_in(dir.path()).args(["init", "--force"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&mine)
            .unwrap()
            .contains("rules = \"rules/")
    );
}

#[cfg(unix)]
#[test]
fn init_never_writes_through_a_link() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A folder that is a link out, and a file that is a link to a file out.
    std::os::unix::fs::symlink(outside.path(), dir.path().join("docs")).unwrap();
    let secret = outside.path().join("secret");
    std::fs::write(&secret, "keep").unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join(".pre-commit-config.yaml")).unwrap();
    let before = (snapshot(dir.path()), snapshot(outside.path()));
    for args in [&["init"][..], &["init", "--force"][..]] {
        let (code, _, err) = run(portrules_in(dir.path()).args(args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("is a symbolic link"), "{err}");
        assert_eq!(
            (snapshot(dir.path()), snapshot(outside.path())),
            before,
            "{args:?}"
        );
    }
}

#[test]
fn a_failed_init_takes_back_what_it_created() {
    let dir = tempfile::tempdir().unwrap();
    // The workflow cannot be written: `.github/workflows` is a file.
    std::fs::create_dir(dir.path().join(".github")).unwrap();
    std::fs::write(dir.path().join(".github/workflows"), "not a folder").unwrap();
    let before = snapshot(dir.path());
    let (code, _, err) = run(portrules_in(dir.path()).arg("init"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert_eq!(
        snapshot(dir.path()),
        before,
        "the files written before the failure are gone"
    );
    assert!(
        !dir.path().join("rules").exists(),
        "and the folders it made"
    );
}

#[test]
fn init_names_its_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(portrules_in(dir.path()).args(["init", "--from", "port-order"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown policy `port-order`") && err.contains("did you mean"),
        "{err}"
    );
    let (code, _, err) = run(portrules_in(dir.path()).args(["--rules", "x.yaml", "init"]));
    assert_eq!(code, 2);
    assert!(err.contains("--from NAME"), "{err}");
    std::fs::write(dir.path().join("file"), "").unwrap();
    let (code, _, err) = run(portrules_in(dir.path()).args(["init", "file"]));
    assert_eq!(code, 2);
    assert!(err.contains("not a folder"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

/// A folder named through a link is refused however it is spelled, as every writing
/// command refuses links; nothing is written on either side of the link.
#[cfg(unix)]
#[test]
fn a_folder_that_is_a_link_is_refused_however_it_is_spelled() {
    let outside = tempfile::tempdir().unwrap();
    let here = tempfile::tempdir().unwrap();
    let link = here.path().join("policy");
    std::os::unix::fs::symlink(outside.path(), &link).unwrap();
    let absolute = link.to_str().unwrap().to_string();
    let elsewhere = tempfile::tempdir().unwrap();
    for (from, dir) in [
        (here.path(), "policy"),
        (elsewhere.path(), absolute.as_str()),
    ] {
        let (code, _, err) = run(portrules_in(from).args(["init", dir]));
        assert_eq!(code, 2, "{dir}: {err}");
        assert!(err.contains("is a symbolic link"), "{err}");
        assert_eq!(
            std::fs::read_dir(outside.path()).unwrap().count(),
            0,
            "{dir}"
        );
    }
}

/// `--force` replaces regular files only: a pipe (which would block the write) or a
/// folder in a file's place is refused, promptly.
#[cfg(unix)]
#[test]
fn force_replaces_only_regular_files() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("portrules.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::fs::create_dir_all(dir.path().join(".pre-commit-config.yaml")).unwrap();
    let mut child = portrules_in(dir.path())
        .args(["init", "--force"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("init --force blocked on a pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(
        err.contains("portrules.toml is not a regular file"),
        "{err}"
    );
    assert!(
        err.contains(".pre-commit-config.yaml is not a regular file"),
        "{err}"
    );
    assert!(!dir.path().join("rules").exists(), "nothing is written");
}

/// An empty DIR is a mistake, not the current folder; the next steps quote a folder
/// whose name a shell would split.
#[test]
fn the_folder_is_named_and_quoted_with_care() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(portrules_in(dir.path()).args(["init", ""]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("a value is required") || err.contains("empty name"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let (code, out, err) = run(portrules_in(dir.path()).args(["init", "my policy's"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("cd 'my policy'\\''s' && git init"), "{out}");
    let (code, out, err) =
        run(portrules_in(&dir.path().join("my policy's")).args(["init", "--force"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\n  git init"),
        "no `cd` for the current folder: {out}"
    );
}
