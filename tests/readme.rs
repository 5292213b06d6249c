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
