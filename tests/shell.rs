//! The shell side of the command line: completion scripts for every shell clap_complete
//! knows (bash's checked by bash itself), `--version` and `portrules help`.

use crate::common::{portrules, run};

/// The commands, as `portrules --help` lists them (without `help`).
fn commands() -> Vec<String> {
    let (_, help, _) = run(portrules().arg("--help"));
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn completions_cover_every_command_in_every_shell() {
    use clap::ValueEnum;
    let commands = commands();
    assert!(
        commands.iter().any(|c| c == "policies") && commands.iter().any(|c| c == "completions"),
        "{commands:?}"
    );
    for shell in clap_complete::Shell::value_variants() {
        let name = shell.to_possible_value().unwrap().get_name().to_string();
        let (code, script, err) = run(portrules().args(["completions", &name]));
        assert_eq!(code, 0, "{name}: {err}");
        for command in &commands {
            assert!(script.contains(command), "{name} completes no `{command}`");
        }
        for option in ["policy", "rules", "format"] {
            // fish writes long options as `-l NAME`, the others as `--NAME`.
            let offered =
                script.contains(&format!("--{option}")) || script.contains(&format!("-l {option}"));
            assert!(offered, "{name} completes no `--{option}`");
        }
    }
    let (code, _, err) = run(portrules().args(["completions", "tcsh"]));
    assert_eq!(code, 2, "{err}");
}

/// The bash script is valid bash.
#[cfg(unix)]
#[test]
fn the_bash_completion_script_parses() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let (_, script, _) = run(portrules().args(["completions", "bash"]));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("portrules.bash");
    std::fs::write(&file, script).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The committed manual pages are what this build generates, one per command; a page
/// written elsewhere checks clean, an edited one is stale (exit 1) and a missing one an
/// error (exit 2).
#[test]
fn manual_pages_are_generated_and_checked() {
    let (code, out, err) = run(portrules().args(["man", "--check", "docs/man"]));
    assert_eq!(
        code, 0,
        "docs/man is stale; regenerate it with `cargo run -- man --output docs/man`\n{out}{err}"
    );
    for command in commands() {
        assert!(
            crate::common::root(&format!("docs/man/portrules-{command}.1")).exists(),
            "no manual page for `{command}`"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let man = dir.path().join("man");
    let (code, _, err) = run(portrules().args(["man", "--output"]).arg(&man));
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = run(portrules().args(["man", "--check"]).arg(&man));
    assert_eq!(code, 0);
    let page = man.join("portrules-query.1");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replacen("query", "qeury", 1)).unwrap();
    let (code, out, _) = run(portrules().args(["man", "--check"]).arg(&man));
    assert_eq!(code, 1, "{out}");
    std::fs::remove_file(man.join("portrules-docs.1")).unwrap();
    let (code, _, _) = run(portrules().args(["man", "--check"]).arg(&man));
    assert_eq!(code, 2, "a missing page is an error, never a pass");
    let (code, roff, _) = run(portrules().arg("man"));
    assert_eq!(code, 0);
    assert!(roff.contains(".TH portrules 1"), "{roff}");
}

/// `--version` names the build and the policy built into it (from the binary's own
/// default, so a policy owner's version bump changes no test).
#[test]
fn version_names_the_built_in_policy() {
    let default = portrules::Rules::embedded();
    let wanted = format!(
        "portrules {} (built-in: {} {})\n",
        env!("CARGO_PKG_VERSION"),
        default.name,
        default.version
    );
    for flag in ["--version", "-V"] {
        let (code, out, _) = run(portrules().arg(flag));
        assert_eq!((code, out.as_str()), (0, wanted.as_str()));
    }
}

/// `portrules help` is a command like the others: it has its own `--help`, and
/// `help COMMAND` is that command's long help.
#[test]
fn help_is_a_command_with_help_of_its_own() {
    let (code, out, err) = run(portrules().args(["help", "--help"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Usage: portrules help"), "{out}");
    for command in commands() {
        let (code, via_help, _) = run(portrules().args(["help", &command]));
        let (_, direct, _) = run(portrules().args([command.as_str(), "--help"]));
        assert_eq!(code, 0);
        assert_eq!(via_help, direct, "{command}");
        assert!(direct.contains("Exit codes:"), "{command}");
    }
    let (code, _, err) = run(portrules().args(["help", "nonsense"]));
    assert_eq!(code, 2);
    assert!(err.contains("no command `nonsense`"), "{err}");
    let (_, query, _) = run(portrules().args(["query", "--help"]));
    assert!(
        query.contains("Exit 0 allowed (allow or limited)"),
        "query says that a limited answer exits 0"
    );
}

/// Colour: off into a pipe, on with `--color always` (before or after the command),
/// off with `--color never`; on a terminal by default, unless `$NO_COLOR` is set.
#[test]
fn colour_follows_the_terminal_the_flag_and_no_color() {
    let invalid = "tests/fixtures/invalid/misspelt-key.yaml";
    let cases: [&[&str]; 3] = [
        &["validate", invalid],
        &["query", "--status", "error", "--action", "view"],
        &["table"],
    ];
    for args in cases {
        let text = |extra: &[&str], env: Option<&str>| {
            let mut cmd = portrules();
            cmd.args(extra).args(args);
            if let Some(v) = env {
                cmd.env("NO_COLOR", v);
            } else {
                cmd.env_remove("NO_COLOR");
            }
            let (_, out, err) = run(&mut cmd);
            format!("{out}{err}")
        };
        assert!(!text(&[], None).contains('\u{1b}'), "{args:?}: piped");
        assert!(
            text(&["--color", "always"], None).contains("\u{1b}["),
            "{args:?}"
        );
        assert!(
            text(&["--color=always"], Some("1")).contains("\u{1b}["),
            "{args:?}: the flag wins"
        );
        assert!(
            !text(&["--color", "never"], None).contains('\u{1b}'),
            "{args:?}"
        );
        let mut after = portrules();
        after.args(args).args(["--color", "always"]);
        let (_, out, err) = run(&mut after);
        assert!(
            format!("{out}{err}").contains("\u{1b}["),
            "{args:?}: after the command"
        );
    }
    let (code, _, err) = run(portrules().args(["--color", "sometimes", "table"]));
    assert_eq!(code, 2, "{err}");

    // A real terminal, through script(1) where the machine has it.
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("script(1) not found: the terminal half of this test is skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_portrules");
    let on_terminal = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        // The fixture policy, so that no shipped name is pinned.
        let rules = crate::common::root(crate::common::POLICY);
        cmd.args([
            "-qec",
            &format!(
                "{bin} --rules {} query --status error --action view",
                rules.display()
            ),
            "/dev/null",
        ]);
        cmd.env("TERM", "xterm")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR");
        match no_color {
            Some(v) => cmd.env("NO_COLOR", v),
            None => cmd.env_remove("NO_COLOR"),
        };
        let (_, out, _) = run(&mut cmd);
        out
    };
    assert!(
        on_terminal(None).contains("\u{1b}["),
        "a terminal gets colour"
    );
    assert!(
        !on_terminal(Some("1")).contains('\u{1b}'),
        "unless NO_COLOR is set"
    );
}
