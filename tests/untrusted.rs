//! Input from people we do not control, as a careful attacker or an unlucky user would
//! give it: git specs, committed symbolic links, terminal escapes in values, endless or
//! blocking files, caller mistakes in `batch` and `query`. Each case fails closed with a
//! clear error, and nothing is written outside the path that was asked for.

use std::path::Path;
use std::process::Stdio;

use crate::common::{portrules, root, run};

/// A small rule file whose labels are edited by each test.
fn fixture() -> String {
    std::fs::read_to_string(root("tests/fixtures/load/two-fields.yaml")).unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

/// A repository with `rules.yaml` committed, and a filter and a textconv that would
/// leave a marker file if git ever ran them.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::write(dir.path().join("rules.yaml"), fixture()).unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    std::fs::write(dir.path().join("folder/other.yaml"), fixture()).unwrap();
    std::fs::write(
        dir.path().join(".gitattributes"),
        "*.yaml filter=evil diff=evil\n",
    )
    .unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "rules"]);
    git(
        dir.path(),
        &["config", "filter.evil.smudge", "touch smudged; cat"],
    );
    git(
        dir.path(),
        &["config", "diff.evil.textconv", "touch textconv; cat"],
    );
    dir
}

fn diff_in(dir: &Path, old: &str) -> (i32, String, String) {
    run(portrules()
        .current_dir(dir)
        .args(["diff", "--", old, "rules.yaml"]))
}

#[test]
fn diff_never_hands_a_spec_to_git_as_an_option() {
    let repo = repository();
    let target = repo.path().join("written:by-git");
    let spec = format!("--output={}", target.display());
    let (code, _, err) = diff_in(repo.path(), &spec);
    assert_eq!(code, 2, "{err}");
    assert!(!target.exists(), "git must not have written {target:?}");
    assert!(err.contains("cannot start with `-`"), "{err}");

    let (code, _, err) = diff_in(repo.path(), "-O/etc/passwd:x");
    assert_eq!(code, 2, "{err}");
}

#[test]
fn diff_reads_only_one_blob_of_one_revision() {
    let repo = repository();
    let (code, out, err) = diff_in(repo.path(), "HEAD:rules.yaml");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("no changes"), "{out}");
    for marker in ["smudged", "textconv"] {
        assert!(
            !repo.path().join(marker).exists(),
            "git ran the repository's {marker} command"
        );
    }

    for (spec, says) in [
        ("HEAD:", "is a tree (a folder), not a file"),
        ("HEAD:folder", "is a tree (a folder), not a file"),
        (":/rules", "name a revision before the colon"),
        (":rules.yaml", "name a revision before the colon"),
        ("HEAD:*.yaml", "pattern character"),
        ("HEAD:folder/*", "pattern character"),
        ("HEAD~3:rules.yaml", "`HEAD~3` is not a revision"),
        (
            "HEAD:missing.yaml",
            "`missing.yaml` does not exist in `HEAD`",
        ),
    ] {
        let (code, _, err) = diff_in(repo.path(), spec);
        assert_eq!(code, 2, "{spec}: {err}");
        assert!(err.contains(says), "{spec}: {err}");
        assert!(!err.contains("is empty"), "{spec}: {err}");
    }
}

#[test]
fn diff_checks_the_size_of_a_blob_before_reading_it() {
    let repo = repository();
    let (code, _, err) = run(portrules().current_dir(repo.path()).args([
        "diff",
        "--max-size",
        "100",
        "HEAD:rules.yaml",
        "HEAD:rules.yaml",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("is 4") || err.contains("more than the limit of 100 bytes"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn docs_output_refuses_a_committed_link_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("authorized_keys");
    std::fs::write(&victim, "ssh-ed25519 AAAA me\n").unwrap();
    let page = dir.path().join("page.md");
    std::os::unix::fs::symlink(&victim, &page).unwrap();
    let rules = root("tests/fixtures/load/two-fields.yaml");

    let (code, _, err) = run(portrules()
        .arg("--rules")
        .arg(&rules)
        .args(["docs", "--output"])
        .arg(&page));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is a symbolic link to"), "{err}");
    assert!(err.contains("authorized_keys"), "{err}");
    assert!(err.contains("--follow-symlinks"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "ssh-ed25519 AAAA me\n"
    );

    let (code, _, err) = run(portrules()
        .arg("--rules")
        .arg(&rules)
        .args(["docs", "--follow-symlinks", "--output"])
        .arg(&page));
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&victim)
            .unwrap()
            .contains("Two fields")
    );
    assert!(std::fs::symlink_metadata(&page).unwrap().is_symlink());
}

#[cfg(unix)]
#[test]
fn docs_output_to_standard_output_works_into_a_pipe() {
    for target in ["-", "/dev/stdout"] {
        let out = portrules()
            .args(["docs", "--output", target])
            .stdout(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{target}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("\n# "), "{target}: {text}");
    }
}

#[cfg(unix)]
#[test]
fn pages_and_templates_are_read_with_a_bound() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::os::unix::fs::symlink("/dev/zero", &page).unwrap();
    let (code, out, err) = run(portrules().args(["docs", "--check"]).arg(&page));
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "no diff of an endless file");
    assert!(err.contains("out of date"), "{err}");
    // Followed on request, and still read with a bound.
    let (code, out, err) = run(portrules()
        .args(["docs", "--follow-symlinks", "--check"])
        .arg(&page));
    assert_eq!(code, 1, "{err}");
    assert!(
        out.is_empty() && err.contains("far more than"),
        "{out}{err}"
    );

    let (code, _, err) = run(portrules().args(["docs", "--template", "/dev/zero"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("larger than the limit"), "{err}");

    // A named pipe nobody writes to reads as empty instead of blocking forever.
    let fifo = dir.path().join("fifo.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let (code, _, err) = run(portrules().args(["docs", "--check"]).arg(&fifo));
        assert_eq!(code, 1, "{err}");
        let (code, _, err) = run(portrules().arg("--rules").arg(&fifo).arg("table"));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("PR007"), "{err}");
    }
}

/// The fixture with a label that carries an OSC title sequence and a bidi override.
fn escaping_rules(dir: &Path) -> std::path::PathBuf {
    let text = fixture()
        .replace(
            "label: Approved",
            "label: \"Approved\\e]0;PWNED\\a\\u202e\"",
        )
        .replace(
            "description: Accepted by the carrier.",
            "description: \"Accepted\\rby the carrier.\"",
        );
    let path = dir.join("rules.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn assert_no_raw_controls(what: &str, text: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\r'] {
        assert!(!text.contains(bad), "{what} printed {bad:?} raw: {text:?}");
    }
}

#[test]
fn a_stale_page_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(&page, "\u{1b}]52;c;c3RvbGVu\u{7}\u{1b}]8;;http://x\u{7}\n").unwrap();
    let (code, out, err) = run(portrules().args(["docs", "--check"]).arg(&page));
    assert_eq!(code, 1, "{err}");
    assert_no_raw_controls("the diff", &out);
    assert!(out.contains("-\\u{1b}]52;c;c3RvbGVu\\u{7}"), "{out}");
}

#[test]
fn values_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let rules = escaping_rules(dir.path());
    let rules = rules.to_str().unwrap();
    for args in [
        &["table"][..],
        &["transitions"],
        &["query", "--status", "approved", "--action", "view"],
        &["query", "--status", "\u{1b}]0;T\u{7}", "--action", "view"],
        &["diff", "tests/fixtures/load/two-fields.yaml", rules],
        &["test"],
    ] {
        let (_, out, err) = run(portrules().args(["--rules", rules]).args(args));
        assert_no_raw_controls(&format!("{args:?} stdout"), &out);
        assert_no_raw_controls(&format!("{args:?} stderr"), &err);
    }
    let (_, out, _) = run(portrules().args(["--rules", rules, "table"]));
    assert!(
        out.contains("Approved\\u{1b}]0;PWNED\\u{7}\\u{202e}"),
        "{out}"
    );
    // JSON stays JSON: the label comes back exactly.
    let (_, json, _) = run(portrules().args(["--rules", rules]).args([
        "query", "--status", "approved", "--action", "view", "--format", "json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["status_label"], "Approved\u{1b}]0;PWNED\u{7}\u{202e}");
}

#[test]
fn validate_warns_about_hidden_characters() {
    let dir = tempfile::tempdir().unwrap();
    let rules = escaping_rules(dir.path());
    let (code, _, err) = run(portrules().arg("validate").arg(&rules));
    assert_eq!(code, 0, "warnings do not fail validation: {err}");
    assert_eq!(err.matches("warning[PW003]").count(), 2, "{err}");
    assert_no_raw_controls("validate", &err);
}

#[test]
fn wide_columns_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let label = "W".repeat(70_000);
    let path = dir.path().join("wide.yaml");
    std::fs::write(
        &path,
        fixture().replace("label: Approved", &format!("label: {label}")),
    )
    .unwrap();
    for command in ["table", "transitions"] {
        let (code, out, err) = run(portrules().arg("--rules").arg(&path).arg(command));
        assert_eq!(code, 0, "{command}: {err}");
        assert!(out.contains(&label), "{command}");
    }
}

#[test]
fn a_runaway_template_stops_with_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, says) in [
        (
            "loops.j2",
            "ok\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n",
            "runs too long",
        ),
        (
            "huge.j2",
            "{% for i in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}\n",
            "grows past",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = run(portrules().args(["docs", "--template"]).arg(&path));
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(
            err.contains(name),
            "{name}: the error names the template: {err}"
        );
    }
}

#[test]
fn ten_thousand_problems_are_counted_not_all_explained() {
    let mut text = String::from(
        "schema_version: 1\nname: many\nversion: 1.0.0\ntitle: Many\nactions:\n  view: { label: View, question: \"v?\" }\nstatuses:\n",
    );
    for i in 0..10_000 {
        text.push_str(&format!(
            "  s{i}: {{ label: S{i}, description: d, permissions: {{ view: maybe }} }}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.yaml");
    std::fs::write(&path, &text).unwrap();
    let (code, _, err) = run(portrules().arg("validate").arg(&path));
    assert_eq!(code, 1);
    assert_eq!(err.matches("error[PR013]").count(), 200, "capped at 200");
    assert!(err.contains("error[PR008]: 9800 more problems"), "{err}");
    assert!(err.contains("error: 10000 problems in"), "{err}");

    let (_, json, _) = run(portrules()
        .args(["validate", "--format", "json", "--max-problems", "5"])
        .arg(&path));
    let list: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(
        list.len(),
        6,
        "five problems and the line that counts the rest"
    );
    assert_eq!(list[5]["code"], "PR008");
    assert_eq!(list[5]["line"], 0);
}

#[test]
fn a_misspelt_fact_key_is_an_error_never_an_allow() {
    let lifecycle = "examples/due-date.yaml";
    let (code, out) = batch_on(
        lifecycle,
        "{\"status\":\"approved\",\"action\":\"cancel\",\"fact\":{\"due\":\"2026-01-01T00:00:00Z\"}}\n\
         {\"status\":\"approved\",\"action\":\"view\",\"Field\":\"x\"}\n\
         {\"status\":\"approved\",\"action\":\"view\",\"facts\":{\"due\":\"2026-01-01T00:00:00Z\",\"due\":\"2027-01-01T00:00:00Z\"}}\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out.len(), 3);
    assert_eq!(
        out[0]["error"],
        "unknown key `fact` in the request: did you mean `facts`?"
    );
    assert!(out[0].get("decision").is_none());
    assert_eq!(
        out[1]["error"],
        "unknown key `Field` in the request: did you mean `field`?"
    );
    assert!(
        out[2]["error"].as_str().unwrap().contains("given twice"),
        "{}",
        out[2]
    );
}

/// Runs `portrules --rules RULES batch` on `input`, at a pinned time.
fn batch_on(rules: &str, input: &str) -> (i32, Vec<serde_json::Value>) {
    crate::common::batch_with(
        &["--rules", rules, "batch", "--now", "2026-06-01T00:00:00Z"],
        input,
    )
}

#[test]
fn ids_are_echoed_as_compact_json_or_refused() {
    let deep = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
    let input = [
        "{\"status\":\"error\",\"action\":\"view\",\"id\":[1,\r2]}".to_string(),
        "{\"status\":\"error\",\"action\":\"view\",\"id\":null}".into(),
        format!("{{\"status\":\"error\",\"action\":\"view\",\"id\":{deep}}}"),
        "{\"status\":\"error\",\"action\":\"view\",\"id\":1e400}".into(),
        "{\"status\":\"error\",\"action\":\"view\",\"id\":123456789012345678901234567890}".into(),
        "{\"status\":\"error\",\"action\":\"view\",\"id\":{\"a\" : \"b\\u0000\"}}".into(),
    ]
    .join("\n");
    let (code, raw) = raw_batch(&input);
    assert_eq!(code, 0);
    let lines: Vec<&str> = raw.split('\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 6, "{raw:?}");
    assert!(!raw.contains('\r'), "no raw carriage return in an answer");
    assert!(lines[0].ends_with(",\"id\":[1,2]}"), "{}", lines[0]);
    assert!(lines[1].ends_with(",\"id\":null}"), "{}", lines[1]);
    for (i, says) in [
        (2, "nests deeper"),
        (3, "cannot be echoed"),
        (4, "too large"),
    ] {
        let v: serde_json::Value = serde_json::from_str(lines[i]).unwrap();
        assert!(v["error"].as_str().unwrap().contains(says), "{}", lines[i]);
        assert!(v.get("id").is_none());
    }
    assert!(
        lines[5].ends_with(",\"id\":{\"a\":\"b\\u0000\"}}"),
        "{}",
        lines[5]
    );
}

/// `portrules batch` on `input`, its standard output as text.
fn raw_batch(input: &str) -> (i32, String) {
    crate::common::run_with_input(&["batch"], input)
}

#[test]
fn an_endless_line_is_answered_once_and_the_stream_goes_on() {
    use std::io::Write;
    let mut child = portrules()
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = vec![b'x'; 1 << 20];
        for _ in 0..200 {
            stdin.write_all(&block).unwrap();
        }
        stdin
            .write_all(b"\n{\"status\":\"error\",\"action\":\"view\",\"id\":2}\n")
            .unwrap();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one answer per line");
    assert_eq!(lines[0]["line"], 1);
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("longer than the limit")
    );
    assert_eq!(lines[1]["id"], 2);
}

#[test]
fn a_long_unknown_name_is_refused_without_comparing_it() {
    let name = "y".repeat(1 << 19);
    let line = format!("{{\"status\":\"{name}\",\"action\":\"view\"}}\n");
    let (_, raw) = raw_batch(&line);
    let v: serde_json::Value = serde_json::from_str(raw.trim_end()).unwrap();
    let error = v["error"].as_str().unwrap();
    assert!(error.starts_with("unknown status `yyyy"), "{error}");
    assert!(error.ends_with("(524288 bytes)"), "{error}");
}

#[test]
fn a_fact_given_twice_on_the_command_line_is_an_error() {
    let (code, _, err) = run(portrules().args([
        "--rules",
        "examples/due-date.yaml",
        "query",
        "--status",
        "approved",
        "--action",
        "cancel",
        "--fact",
        "due=2026-01-01T00:00:00Z",
        "--fact",
        "due=2027-01-01T00:00:00Z",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("given more than once"), "{err}");
}

#[test]
fn an_empty_rules_variable_means_not_set() {
    // Answered from the built-in rules (whichever answer they give), not refused.
    let (code, out, err) = run(portrules().env("PORTRULES_RULES", "").args([
        "query", "--status", "error", "--action", "view", "--format", "json",
    ]));
    assert_ne!(code, 2, "{err}");
    let answer: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(answer["rules"]["source"], "built-in", "{out}");
    let (code, _, err) = run(portrules().env("PORTRULES_RULES", "").arg("table"));
    assert_eq!(code, 0, "{err}");
}

#[cfg(unix)]
#[test]
fn answers_to_a_closed_standard_output_exit_2() {
    // `exec ... >&-` starts portrules with its standard output closed.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" query --status error --action view >&-")
        .arg(env!("CARGO_BIN_EXE_portrules"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PORTRULES_RULES", crate::common::POLICY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard output is closed"), "{err}");
    // Sent to /dev/null on purpose, write-only as a shell does or read-write as
    // Python's subprocess.DEVNULL does, the answer is simply discarded.
    for redirect in [">/dev/null", "1<>/dev/null"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "exec \"$0\" query --status error --action view {redirect}"
            ))
            .arg(env!("CARGO_BIN_EXE_portrules"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("PORTRULES_RULES", crate::common::POLICY)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{redirect}: {out:?}");
    }
}

/// `docs --check` does not read a page committed as a symbolic link: its target could
/// be a secret on the CI machine (`/proc/self/environ`, a token file), and the diff of
/// a stale page would print it.
#[cfg(unix)]
#[test]
fn a_committed_page_is_not_read_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOKEN=hunter2\n").unwrap();
    let page = dir.path().join("page.md");
    std::os::unix::fs::symlink(&secret, &page).unwrap();
    let (code, out, err) = run(portrules().args(["docs", "--check"]).arg(&page));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert!(
        !out.contains("hunter2") && !err.contains("hunter2"),
        "{out}{err}"
    );
}

/// Every escape sequence in `text` is one of the colour styles (`ESC [ digits ; m`).
fn only_styles(what: &str, text: &str) {
    for (i, _) in text.match_indices('\u{1b}') {
        let rest = &text[i + 1..];
        let style = rest
            .strip_prefix('[')
            .and_then(|r| r.find('m').map(|end| &r[..end]))
            .is_some_and(|body| body.chars().all(|c| c.is_ascii_digit() || c == ';'));
        assert!(
            style,
            "{what}: an escape that is no colour style: {:?}",
            &text[i..]
        );
    }
    for bad in ['\u{7}', '\u{202e}', '\r'] {
        assert!(!text.contains(bad), "{what} printed {bad:?} raw: {text:?}");
    }
}

/// Colour is added after escaping: with `--color always`, a rule file's control
/// characters are still shown escaped, and the only escape sequences are styles.
#[test]
fn colour_never_lets_a_value_through_raw() {
    let dir = tempfile::tempdir().unwrap();
    let rules = escaping_rules(dir.path());
    let rules = rules.to_str().unwrap();
    for args in [
        &["table"][..],
        &["transitions"],
        &["query", "--status", "approved", "--action", "view"],
        &[
            "query",
            "--status",
            "Approved\u{1b}]0;PWNED\u{7}",
            "--action",
            "view",
        ],
        &["validate"],
    ] {
        let (_, out, err) = run(portrules()
            .args(["--color", "always", "--rules", rules])
            .args(args));
        only_styles(&format!("{args:?} stdout"), &out);
        only_styles(&format!("{args:?} stderr"), &err);
        if args[0] != "validate" {
            assert!(
                format!("{out}{err}").contains("\\u{1b}]0;PWNED"),
                "{args:?}: the value is shown, escaped: {out}{err}"
            );
        }
        if args[0] != "transitions" {
            assert!(
                format!("{out}{err}").contains("\u{1b}["),
                "{args:?}: coloured"
            );
        }
    }
}
