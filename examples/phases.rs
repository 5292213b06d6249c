//! Where loading time goes: times each stage of loading one rule file, then the
//! rendering of its status page.
//! `cargo run --release --example phases -- FILE`

use std::sync::Arc;
use std::time::Instant;

use portrules::docs;
use portrules::internals::{check_schema, parse_yaml};
use portrules::load::{self, Limits};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: phases FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let t = Instant::now();
    let Ok(node) = parse_yaml(&text) else {
        eprintln!("{path}: not valid YAML");
        std::process::exit(1);
    };
    let parse = t.elapsed();
    let t = Instant::now();
    let findings = check_schema(&node, load::DEFAULT_MAX_PROBLEMS);
    let schema_time = t.elapsed();
    let t = Instant::now();
    drop(node);
    let drop_time = t.elapsed();
    let limits = Limits {
        max_size: u64::MAX,
        ..Limits::default()
    };
    let t = Instant::now();
    let loaded = load::from_str(&text, &path, &limits);
    let total = t.elapsed();
    println!(
        "{path}: {} bytes; yaml {parse:?}, schema {schema_time:?}, drop tree {drop_time:?}; whole load {total:?} ({}; {} schema findings)",
        text.len(),
        if loaded.is_ok() { "valid" } else { "invalid" },
        findings.count()
    );
    // The status page from the loaded rules: context, template and normalization.
    if let Ok(loaded) = loaded {
        let source = docs::Source {
            rules: Arc::new(loaded.rules),
            path: &path,
            selector: None,
            target: None,
        };
        let t = Instant::now();
        let page = docs::render(docs::Page::Statuses, &source, None);
        println!(
            "  status page rendered in {:?} ({} bytes)",
            t.elapsed(),
            page.map_or(0, |p| p.len())
        );
    }
}
