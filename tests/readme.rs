//! The README's `console` examples are run: each `$ portrules ...` line is executed and
//! its output compared with the lines that follow it, so the README cannot drift.

use crate::common::{portrules, root, run};

#[test]
fn readme_console_examples_are_true() {
    let readme = std::fs::read_to_string(root("README.md")).unwrap();
    let mut examples = 0;
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line != "```console" {
            continue;
        }
        let mut block = Vec::new();
        for l in lines.by_ref() {
            if l == "```" {
                break;
            }
            block.push(l);
        }
        let command = block[0]
            .strip_prefix("$ portrules ")
            .expect("a console block starts with `$ portrules`");
        let expected = block[1..].join("\n") + "\n";
        let args = shell_words(command);
        let (_, out, err) = run(portrules().args(&args));
        assert_eq!(
            format!("{out}{err}"),
            expected,
            "README example `{command}`"
        );
        examples += 1;
    }
    assert!(examples >= 2, "the README's examples were not found");
}

/// Splits a command line on spaces, keeping double-quoted words together.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The README's exit-code table has a row for every command.
#[test]
fn the_exit_code_table_covers_every_command() {
    let readme = std::fs::read_to_string(root("README.md")).unwrap();
    let table: String = readme
        .split("### Exit codes")
        .nth(1)
        .unwrap()
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.split('|').nth(1).unwrap_or_default().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let (_, help, _) = run(portrules().arg("--help"));
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(commands.len() > 10, "{commands:?}");
    for command in commands {
        assert!(
            table.contains(&format!("`{command}")),
            "no exit-code row for `{command}`"
        );
    }
}
