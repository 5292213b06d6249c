//! The shape of the code: no import cycles between source files. A file's imports are
//! its `crate::…` and `super::…` paths outside its unit tests; a module declared in a
//! file (`mod x;`) is not an import of it. A cycle fails the test with the files in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::root;

/// Every source file under `src/`, as a module path (`cli::docs`, `load`).
fn modules() -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root("src")).unwrap();
                let name = module_name(rel);
                found.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    found
}

fn module_name(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The modules that `text` (the source of module `name`) refers to.
fn imports(name: &str, text: &str, all: &BTreeMap<String, String>) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let parent: Vec<&str> = name.split("::").collect();
    let parent = parent[..parent.len().saturating_sub(1)].join("::");
    let mut out = BTreeSet::new();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent.clone())] {
        for (at, _) in code.match_indices(prefix) {
            let path: String = code[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
            // The longest module that the path names, else the base module itself.
            let target = loop {
                let candidate = if base.is_empty() {
                    parts.join("::")
                } else if parts.is_empty() {
                    base.clone()
                } else {
                    format!("{base}::{}", parts.join("::"))
                };
                if all.contains_key(&candidate) || parts.is_empty() {
                    break candidate;
                }
                parts.pop();
            };
            if target != name && all.contains_key(&target) {
                out.insert(target);
            }
        }
    }
    out
}

#[test]
fn no_source_file_imports_itself_through_others() {
    let all = modules();
    let graph: BTreeMap<&str, BTreeSet<String>> = all
        .iter()
        .map(|(name, text)| (name.as_str(), imports(name, text, &all)))
        .collect();
    // A depth-first search that reports the first cycle it closes.
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<&str, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| *p == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(node, &graph, &mut path, &mut done) {
            panic!(
                "import cycle between source files: {}\nmove what they share into a module both can import, or give it one owner",
                cycle.join(" → ")
            );
        }
    }
    assert!(graph.len() > 20, "the source files were not found");
}

/// The library's public surface is a choice: these modules and nothing else. A new
/// public module (or a loader or model internal made public) fails here until this list
/// and the crate documentation say why it belongs to services.
#[test]
fn the_public_api_is_the_chosen_one() {
    let lib = std::fs::read_to_string(root("src/lib.rs")).unwrap();
    let mut public = Vec::new();
    let mut hidden = false;
    for line in lib.lines() {
        if line.trim() == "#[doc(hidden)]" {
            hidden = true;
            continue;
        }
        if let Some(name) = line.strip_prefix("pub mod ")
            && !hidden
        {
            public.push(name.trim_end_matches(';').to_string());
        }
        if !line.trim_start().starts_with("//") {
            hidden = false;
        }
    }
    assert_eq!(
        public,
        [
            "batch", "diff", "docs", "engine", "examples", "export", "load", "model"
        ],
        "documented public modules of src/lib.rs"
    );
    // Inside the public modules, the stages and parts are the crate's own.
    for (file, inner) in [
        (
            "src/load/mod.rs",
            ["codes", "diag", "json_view", "migrate", "schema", "yaml"].as_slice(),
        ),
        (
            "src/model/mod.rs",
            ["lifecycle", "names", "pos", "rules", "text"].as_slice(),
        ),
    ] {
        let text = std::fs::read_to_string(root(file)).unwrap();
        for name in inner {
            assert!(
                !text.contains(&format!("\npub mod {name};")),
                "{file} makes `{name}` public: re-export the items services need instead"
            );
        }
    }
}
