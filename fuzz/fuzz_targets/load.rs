//! Fuzz the rule-file loader and what is printed from the rules: any bytes must give
//! rules or located errors, never a panic, a hang or an unbounded allocation, and rules
//! that load must print as a table, a lifecycle, a page and answers without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portrules::load::{self, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load::from_str(text, "fuzz.yaml", &Limits::default()) {
        Ok(loaded) => {
            assert!(!loaded.rules.statuses.is_empty());
            print_everything(text, &loaded.rules);
        }
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            let _ = e.render();
        }
    }
});

/// Every output the rules feed: the text commands through the command line (from a
/// file, as a user runs them), the status page, and each cell's answer.
fn print_everything(text: &str, rules: &portrules::Rules) {
    let path = std::env::temp_dir().join(format!("portrules-fuzz-{}.yaml", std::process::id()));
    if std::fs::write(&path, text).is_ok() {
        let path = path.to_string_lossy().into_owned();
        for command in ["table", "transitions", "test"] {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let mut io = portrules::cli::Io {
                out: &mut out,
                err: &mut err,
            };
            portrules::cli::run(["portrules", "--rules", &path, command], &mut io);
        }
    }
    for status in rules.statuses.iter() {
        for action in rules.actions.iter() {
            if let Ok(q) = portrules::Query::parse(rules, &status.id, &action.id, None) {
                let _ = rules.decide(&q).to_string();
            }
        }
    }
}
