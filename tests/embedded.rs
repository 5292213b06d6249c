//! The embedded policies are compiled Rust values (no parsing at run time), generated
//! from `rules/<name>.yaml` into `src/model/embedded/<name>.rs`. This test keeps each
//! pair identical, and every rule file in `rules/` built in.
//!
//! After editing the YAML, regenerate with:
//! `PORTRULES_BLESS=1 cargo test --test cli embedded`

use std::fmt::Write;

use portrules::Rules;
use portrules::model::Pos;
use portrules::model::Text;
use portrules::model::{Operand, Trigger};

use crate::common::root;

fn s(v: &str) -> String {
    format!("Cow::Borrowed({v:?})")
}

fn opt(v: &Option<Text>) -> String {
    match v {
        Some(v) => format!("Some({})", s(v)),
        None => "None".into(),
    }
}

fn pos(p: Pos) -> String {
    format!(
        "Pos {{ line: {}, column: {}, len: {} }}",
        p.line, p.column, p.len
    )
}

fn strings(v: &[Text]) -> String {
    let items: Vec<String> = v.iter().map(|x| s(x)).collect();
    format!("Cow::Borrowed(&[{}])", items.join(", "))
}

/// Rust source that builds a condition.
fn condition(c: &portrules::model::Condition) -> String {
    let operand = match &c.operand {
        Operand::Value(v) => format!("Operand::Value({})", s(v)),
        Operand::Now(d) => format!(
            "Operand::Now(SignedDuration::new({}, {}))",
            d.as_secs(),
            d.subsec_nanos()
        ),
    };
    format!(
        "Condition {{ fact: {}, op: Op::{:?}, operand: {operand} }}",
        s(&c.fact),
        c.op
    )
}

/// Rust source that builds `rules`.
fn generate(rules: &Rules, yaml: &str, path: &str) -> String {
    let mut o = String::new();
    o.push_str(
        "//! The embedded rules as Rust values, so that answering from them costs no parsing.\n",
    );
    let _ = writeln!(
        o,
        "//! @generated from {path} by `PORTRULES_BLESS=1 cargo test --test cli embedded`;"
    );
    o.push_str("//! do not edit: the test fails when this file and the YAML disagree.\n\n");
    o.push_str("use std::borrow::Cow;\n\n#[allow(unused_imports)]\nuse jiff::SignedDuration;\n\n#[allow(unused_imports)]\nuse crate::model::lifecycle::{\n    Condition, EventDecl, FactDecl, FactType, IfMissing, Op, Operand, Source, Transition,\n    Trigger,\n};\nuse crate::model::rules::{Action, Cell, Effect, Example, ExampleAt, Field, Rules, Status};\nuse crate::load::yaml::Pos;\n\n");
    o.push_str("/// FNV-1a of the YAML this file was generated from.\n");
    let _ = writeln!(
        o,
        "pub(crate) const SOURCE_HASH: u64 = {:#018x};\n",
        portrules::internals::fnv1a(yaml.as_bytes())
    );
    let _ = writeln!(
        o,
        "/// The rules of `{path}`, already validated. Every text and list"
    );
    o.push_str(
        "/// is borrowed from the binary, so a copy costs no allocation and nothing to free.\n",
    );
    o.push_str("pub(crate) static RULES: Rules = Rules {\n");
    let _ = writeln!(o, "        schema_version: {},", rules.schema_version);
    let _ = writeln!(o, "        name: {},", s(&rules.name));
    let _ = writeln!(o, "        version: {},", s(&rules.version));
    let _ = writeln!(o, "        title: {},", s(&rules.title));
    let _ = writeln!(o, "        description: {},", opt(&rules.description));
    o.push_str("        actions: Cow::Borrowed(&[\n");
    for a in rules.actions.iter() {
        let _ = writeln!(
            o,
            "            Action {{ id: {}, label: {}, question: {}, description: {}, moves: {}, read_only: {} }},",
            s(&a.id),
            s(&a.label),
            s(&a.question),
            opt(&a.description),
            a.moves,
            a.read_only
        );
    }
    o.push_str("        ]),\n        fields: Cow::Borrowed(&[\n");
    for f in rules.fields.iter() {
        let _ = writeln!(
            o,
            "            Field {{ id: {}, label: {}, description: {} }},",
            s(&f.id),
            s(&f.label),
            opt(&f.description)
        );
    }
    o.push_str("        ]),\n        statuses: Cow::Borrowed(&[\n");
    for st in rules.statuses.iter() {
        let _ = writeln!(
            o,
            "            Status {{\n                id: {},\n                label: {},\n                description: {},\n                cells: Cow::Borrowed(&[",
            s(&st.id),
            s(&st.label),
            s(&st.description)
        );
        for c in st.cells.iter() {
            let warnings: Vec<String> = c
                .allow_warnings
                .iter()
                .map(|(w, r)| format!("({}, {})", s(w), s(r)))
                .collect();
            let _ = writeln!(
                o,
                "                    Cell {{ decision: Effect::{:?}, fields: {}, note: {}, remedy: {}, allow_warnings: Cow::Borrowed(&[{}]) }},",
                c.decision,
                strings(&c.fields),
                opt(&c.note),
                strings(&c.remedy),
                warnings.join(", ")
            );
        }
        o.push_str("                ]),\n                transitions: Cow::Borrowed(&[\n");
        for t in st.transitions.iter() {
            let trigger = match &t.trigger {
                Trigger::Action(a) => format!("Trigger::Action({})", s(a)),
                Trigger::Event(e) => format!("Trigger::Event({})", s(e)),
                Trigger::When(c) => format!("Trigger::When({})", condition(c)),
            };
            let guard = match &t.guard {
                Some(c) => format!("Some({})", condition(c)),
                None => "None".into(),
            };
            let _ = writeln!(
                o,
                "                    Transition {{ to: {}, trigger: {trigger}, source: Source::{:?}, because: {}, guard: {} }},",
                s(&t.to),
                t.source,
                opt(&t.because),
                guard
            );
        }
        o.push_str("                ]),\n            },\n");
    }
    o.push_str("        ]),\n        facts: Cow::Borrowed(&[\n");
    for f in rules.facts.iter() {
        let _ = writeln!(
            o,
            "            FactDecl {{ id: {}, label: {}, kind: FactType::{:?}, description: {}, if_missing: IfMissing::{:?} }},",
            s(&f.id),
            s(&f.label),
            f.kind,
            opt(&f.description),
            f.if_missing
        );
    }
    o.push_str("        ]),\n        events: Cow::Borrowed(&[\n");
    for e in rules.events.iter() {
        let _ = writeln!(
            o,
            "            EventDecl {{ id: {}, label: {}, description: {} }},",
            s(&e.id),
            s(&e.label),
            opt(&e.description)
        );
    }
    let _ = writeln!(
        o,
        "        ]),\n        initial: {},",
        strings(&rules.initial)
    );
    o.push_str("        source: Cow::Borrowed(\"built-in\"),\n");
    o.push_str("        examples: Cow::Borrowed(&[\n");
    for e in rules.examples.iter() {
        let _ = writeln!(
            o,
            "            Example {{ status: {}, action: {}, field: {}, expect: Effect::{:?}, leads_to: {}, why: {}, facts: Cow::Borrowed(&[{}]), now: {}, pos: {}, at: ExampleAt {{ status: {}, action: {}, field: {}, expect: {}, now: {}, leads_to: {} }} }},",
            s(&e.status),
            s(&e.action),
            opt(&e.field),
            e.expect,
            opt(&e.leads_to),
            opt(&e.why),
            e.facts
                .iter()
                .map(|(k, v)| format!("({}, {})", s(k), s(v)))
                .collect::<Vec<_>>()
                .join(", "),
            opt(&e.now),
            pos(e.pos),
            pos(e.at.status),
            pos(e.at.action),
            pos(e.at.field),
            pos(e.at.expect),
            pos(e.at.now),
            pos(e.at.leads_to)
        );
    }
    o.push_str("        ]),\n};\n");
    // The body was written for a function; a static's fields sit one level further out.
    let (head, body) = o.split_at(o.find("pub(crate) static RULES").unwrap_or(o.len()));
    let body: Vec<&str> = body
        .lines()
        .map(|line| line.strip_prefix("    ").unwrap_or(line))
        .collect();
    format!("{head}{}\n", body.join("\n"))
}

#[test]
fn embedded_rules_match_the_yaml() {
    let mut stale = Vec::new();
    for name in Rules::embedded_names() {
        let path = format!("rules/{name}.yaml");
        let yaml = std::fs::read_to_string(root(&path)).unwrap();
        let mut from_yaml = Rules::from_yaml_str(&yaml).unwrap();
        assert_eq!(from_yaml.name, name, "{path} must be named after its file");
        // The same rules, read from text here and built in there.
        from_yaml.source = "built-in".into();
        let expected = generate(&from_yaml, &yaml, &path);
        let generated = root(&format!("src/model/embedded/{}.rs", name.replace('-', "_")));
        let actual = std::fs::read_to_string(&generated).unwrap_or_default();
        if actual != expected {
            if std::env::var_os("PORTRULES_BLESS").is_some() {
                std::fs::write(&generated, &expected).unwrap();
                continue;
            }
            stale.push(generated.display().to_string());
            continue;
        }
        assert_eq!(Rules::embedded_named(name).unwrap(), from_yaml);
    }
    assert!(
        stale.is_empty(),
        "{} out of date with the rule files; regenerate with\n    PORTRULES_BLESS=1 cargo test --test cli embedded\nthen rebuild",
        stale.join(", ")
    );
    assert_eq!(
        Rules::embedded().name,
        Rules::embedded_names().next().unwrap()
    );
}

#[test]
fn every_rule_file_in_rules_is_built_in() {
    let mut files: Vec<String> = std::fs::read_dir(root("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".yaml"))
        .collect();
    files.sort();
    let mut built_in: Vec<String> = Rules::embedded_names()
        .map(|n| format!("{n}.yaml"))
        .collect();
    built_in.sort();
    assert_eq!(
        files, built_in,
        "every policy shipped in rules/ is embedded, and only those"
    );
}
