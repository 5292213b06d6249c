//! Property tests: mangle the shipped rule file in every way a slip of the hand (or an
//! attacker) might, and check that loading always ends in rules or located errors —
//! never a panic, and never an error that points outside the file.

use portrules::load::{self, Limits};
use proptest::prelude::*;

/// A realistic rule file to mangle: the tests' frozen copy of the shipped policy.
const SHIPPED: &str = include_str!("fixtures/policy/port-orders.yaml");

/// Tokens that change a node's type or YAML meaning when put in place of a value.
const TOKENS: &[&str] = &[
    "",
    "~",
    "[]",
    "{}",
    "[",
    "{",
    "]",
    "}",
    "0",
    "-1",
    "1.5",
    "true",
    "no",
    "\"",
    "'",
    "&a",
    "*a",
    "*missing",
    "- x",
    "? x",
    "!!binary AAAA",
    "!!str",
    "|",
    ">",
    "%YAML 1.2",
    "---",
    "...",
    "\t",
    "#",
    ": :",
    "allow",
    "deny",
    "limited",
    "<<: *a",
    "\u{feff}",
    "\u{0}",
];

fn check(text: &str) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count();
    match load::from_str(text, "mutated.yaml", &Limits::default()) {
        Ok(loaded) => prop_assert!(!loaded.rules.statuses.is_empty()),
        Err(e) => {
            prop_assert!(!e.diagnostics.is_empty(), "an error must say what is wrong");
            for d in &e.diagnostics {
                prop_assert!(
                    d.line <= lines + 1,
                    "line {} beyond the file's {lines}",
                    d.line
                );
                prop_assert!(!d.message.is_empty());
                if d.line > 0 {
                    prop_assert!(d.column >= 1 && d.end_column > d.column, "{d:?}");
                }
            }
            // Rendering must not panic either, whatever the positions.
            let _ = e.render();
        }
    }
    Ok(())
}

fn lines() -> Vec<&'static str> {
    SHIPPED.split('\n').collect()
}

/// Runs `portrules ARGS` in process and returns what it printed on both streams.
fn cli(args: &[&str]) -> (String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    portrules::cli::run(
        std::iter::once("portrules").chain(args.iter().copied()),
        &mut portrules::cli::Io {
            out: &mut out,
            err: &mut err,
        },
    );
    (
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// The small fixture with `label` as the label of its one status.
fn with_label(label: &str) -> String {
    let quoted = serde_json::to_string(label).unwrap();
    include_str!("fixtures/load/two-fields.yaml")
        .replace("label: Approved", &format!("label: {quoted}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Any label that validates, of any length and with any characters, goes through
    /// every text output without a panic and without a raw control character.
    #[test]
    fn any_label_renders_everywhere(
        label in "\\PC{1,20}|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}a-z]{1,20}",
        repeat in prop::sample::select(vec![1usize, 2, 1000, 70_000]),
    ) {
        let label = label.repeat(repeat);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules.yaml");
        std::fs::write(&path, with_label(&label)).unwrap();
        let path = path.to_str().unwrap();
        for args in [
            &["--rules", path, "table"][..],
            &["--rules", path, "transitions"],
            &["--rules", path, "query", "--status", "approved", "--action", "edit"],
            &["--rules", path, "docs"],
            &["validate", path],
        ] {
            let (out, err) = cli(args);
            if !args.contains(&"docs") {
                for text in [&out, &err] {
                    prop_assert!(
                        !text.chars().any(portrules::internals::needs_escape),
                        "{args:?} printed a raw control character"
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn cut_anywhere(at in 0..SHIPPED.len()) {
        let mut at = at;
        while !SHIPPED.is_char_boundary(at) { at -= 1; }
        check(&SHIPPED[..at])?;
    }

    #[test]
    fn delete_lines(from in 0..lines().len(), count in 1usize..6) {
        let mut l = lines();
        let to = (from + count).min(l.len());
        l.drain(from..to);
        check(&l.join("\n"))?;
    }

    #[test]
    fn duplicate_lines(from in 0..lines().len(), count in 1usize..6, at in 0..lines().len()) {
        let l = lines();
        let to = (from + count).min(l.len());
        let mut out = l.clone();
        for (i, line) in l[from..to].iter().enumerate() {
            out.insert((at + i).min(out.len()), line);
        }
        check(&out.join("\n"))?;
    }

    #[test]
    fn retype_values(line in 0..lines().len(), token in prop::sample::select(TOKENS)) {
        let mut l: Vec<String> = lines().iter().map(|s| s.to_string()).collect();
        if let Some(colon) = l[line].find(": ") {
            l[line].truncate(colon + 2);
            l[line].push_str(token);
        } else {
            l[line].push_str(token);
        }
        check(&l.join("\n"))?;
    }

    #[test]
    fn reindent(line in 0..lines().len(), indent in 0usize..12) {
        let mut l: Vec<String> = lines().iter().map(|s| s.to_string()).collect();
        let trimmed = l[line].trim_start().to_string();
        l[line] = format!("{}{trimmed}", " ".repeat(indent));
        check(&l.join("\n"))?;
    }

    #[test]
    fn splice_random_text(at in 0..SHIPPED.len(), junk in "\\PC{0,40}") {
        let mut at = at;
        while !SHIPPED.is_char_boundary(at) { at -= 1; }
        let text = format!("{}{junk}{}", &SHIPPED[..at], &SHIPPED[at..]);
        check(&text)?;
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,300}") {
        check(&text)?;
    }
}
