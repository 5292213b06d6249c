//! Generated pages keep their promises to a reader: every in-page and cross-page link
//! lands on a heading (by GitHub's heading-id rules), and the rule-format reference has
//! a row for every key of the schema and a section for every definition.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::common::{portrules, root, run};

/// The lines of a page outside fenced code blocks. A fence is a line of three or more
/// backticks (or tildes); it closes on a line of at least as many of the same, as
/// CommonMark has it, so a longer fence may hold shorter ones.
fn prose_lines(page: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for line in page.lines() {
        let trimmed = line.trim_start();
        let fence = ['`', '~'].into_iter().find_map(|c| {
            let n = trimmed.chars().take_while(|&x| x == c).count();
            (n >= 3).then_some((c, n))
        });
        match (open, fence) {
            (None, Some(f)) => open = Some(f),
            (Some((c, n)), Some((fc, fnum)))
                if c == fc && fnum >= n && trimmed.trim_end().chars().all(|x| x == c) =>
            {
                open = None;
            }
            (Some(_), _) => {}
            (None, None) => out.push(line),
        }
    }
    out
}

/// The id GitHub gives a heading, from its source text: inline Markdown reduced to its
/// text, lowercased, everything but letters, digits, spaces, `-` and `_` dropped,
/// spaces made dashes. A repeated id gets `-1`, `-2`, … in order.
fn heading_ids(page: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in prose_lines(page) {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let text = inline_text(line[hashes..].trim());
        let base: String = text
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let n = counts.entry(base.clone()).or_insert(0);
        let id = if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        *n += 1;
        ids.insert(id);
    }
    // Explicit anchors.
    for part in page.split("<a id=\"").skip(1) {
        if let Some(end) = part.find('"') {
            ids.insert(part[..end].to_string());
        }
    }
    ids
}

/// A heading's text as rendered: code spans keep their text, links their label,
/// emphasis and escapes go.
fn inline_text(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '`' | '*' => {}
            '[' => {
                let label: String = chars.by_ref().take_while(|c| *c != ']').collect();
                out.push_str(&inline_text(&label));
                if chars.peek() == Some(&'(') {
                    for c in chars.by_ref() {
                        if c == ')' {
                            break;
                        }
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Every link target in a page outside code: `](target)` and `href="target"`.
fn links(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in prose_lines(page) {
        // Code spans are not links.
        let mut prose = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                prose.push_str(part);
            }
        }
        for part in prose.split("](").skip(1) {
            if let Some(end) = part.find(')') {
                out.push(part[..end].to_string());
            }
        }
        for part in prose.split("href=\"").skip(1) {
            if let Some(end) = part.find('"') {
                out.push(part[..end].to_string());
            }
        }
    }
    out
}

/// The dead links of a page at `path` (used for cross-page links) with text `page`.
fn dead_links(path: &Path, page: &str) -> Vec<String> {
    let own = heading_ids(page);
    let mut dead = Vec::new();
    for target in links(page) {
        if target.starts_with("http://") || target.starts_with("https://") {
            continue;
        }
        let (file, anchor) = match target.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (target.as_str(), None),
        };
        let ids = if file.is_empty() {
            Some(own.clone())
        } else {
            let other = path.parent().unwrap().join(file);
            match std::fs::read_to_string(&other) {
                Ok(text) => Some(heading_ids(&text)),
                Err(_) if other.is_dir() => Some(HashSet::new()),
                Err(_) => None,
            }
        };
        match (ids, anchor) {
            (None, _) => dead.push(format!("{target}: no such file")),
            (Some(ids), Some(a)) if !ids.contains(a) => {
                dead.push(format!("{target}: no heading with that id"));
            }
            _ => {}
        }
    }
    dead
}

fn generated_pages() -> Vec<PathBuf> {
    let mut pages = vec![
        root("docs/port-order-statuses.md"),
        root("docs/rule-format.md"),
        root("docs/errors.md"),
    ];
    let mut policies: Vec<PathBuf> = std::fs::read_dir(root("docs/policies"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    policies.sort();
    pages.extend(policies);
    pages
}

#[test]
fn no_generated_page_has_a_dead_link() {
    let mut checked = 0;
    for page in generated_pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let dead = dead_links(&page, &text);
        assert!(dead.is_empty(), "{}: {dead:#?}", page.display());
        checked += links(&text).len();
    }
    assert!(checked > 40, "links checked: {checked}");
    // Pages generated from fixture rule files, as a policy owner's repository has them.
    for fixture in std::fs::read_dir(root("tests/fixtures/load")).unwrap() {
        let fixture = fixture.unwrap().path();
        let (code, page, err) = run(portrules().arg("--rules").arg(&fixture).arg("docs"));
        assert_eq!(code, 0, "{err}");
        let dead = dead_links(&root("docs/page.md"), &page);
        assert!(dead.is_empty(), "{}: {dead:#?}", fixture.display());
    }
}

/// The checker finds what it is meant to find.
#[test]
fn the_link_checker_follows_github_rules() {
    let page = "# Rule file format\n## The file\n## `schema_version` (a key)\n## Cell\n## Cell\n\
                [a](#rule-file-format) [b](#the-file) [c](#schema_version-a-key) [d](#cell-1)\n\
                [e](#nowhere) `[f](#in-code)`\n```\n[g](#in-fence)\n```\n";
    let dead = dead_links(&root("docs/x.md"), page);
    assert_eq!(dead, vec!["#nowhere: no heading with that id".to_string()]);
    // A longer fence holds a shorter one; the link after it is still checked.
    let page = "# A\n````text\n```\n[in](#fence)\n````\n[out](#gone)\n";
    assert_eq!(
        dead_links(&root("docs/x.md"), page),
        vec!["#gone: no heading with that id".to_string()]
    );
    let dead = dead_links(
        &root("docs/x.md"),
        "[x](errors.md#pr010) [y](errors.md#zz) [z](none.md)",
    );
    assert_eq!(
        dead,
        vec![
            "errors.md#zz: no heading with that id".to_string(),
            "none.md: no such file".to_string()
        ]
    );
}

/// Every key anywhere in the schema, with the title of the object that holds it.
fn schema_keys(v: &serde_json::Value, out: &mut Vec<String>) {
    if let serde_json::Value::Object(map) = v {
        for (k, child) in map {
            if k == "examples" {
                continue;
            }
            if k == "properties"
                && let serde_json::Value::Object(props) = child
            {
                out.extend(props.keys().cloned());
            }
            schema_keys(child, out);
        }
    } else if let serde_json::Value::Array(items) = v {
        items.iter().for_each(|c| schema_keys(c, out));
    }
}

#[test]
fn the_reference_explains_every_key_and_every_definition() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root("schemas/rules.schema.json")).unwrap())
            .unwrap();
    let (code, page, _) = run(portrules().args(["docs", "--page", "rule-format"]));
    assert_eq!(code, 0);
    let mut keys = Vec::new();
    schema_keys(&schema, &mut keys);
    assert!(keys.len() > 50, "{}", keys.len());
    for key in keys {
        assert!(
            page.contains(&format!("| `{key}` |")),
            "the reference has no row for `{key}`"
        );
    }
    for (name, def) in schema["$defs"].as_object().unwrap() {
        let title = def["title"].as_str().unwrap();
        assert!(
            page.contains(&format!("\n## {title}\n")),
            "$defs/{name} ({title}) has no section"
        );
    }
    assert!(
        !page.contains("see below"),
        "a type the reference cannot name"
    );
    assert!(!page.contains("matches `^"), "a pattern without words");
    let yaml_blocks = page.matches("```yaml\n").count();
    assert!(
        yaml_blocks >= schema["$defs"].as_object().unwrap().len(),
        "every section shows an example ({yaml_blocks})"
    );
}
