//! Golden tests: every `tests/fixtures/invalid/*.yaml` is one kind of mistake, with its
//! human and JSON diagnostics snapshotted. Adding a case is adding a file.

use std::path::Path;

use crate::common::{portrules, run};

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).unwrap().display().to_string()
}

#[test]
fn invalid_fixtures_are_reported_located_and_exit_1() {
    insta::glob!("fixtures/invalid/*.yaml", |path| {
        let rel = relative(path);
        let (code, out, human) = run(portrules().args(["validate", &rel]));
        assert_eq!(code, 1, "{rel}: validate must exit 1\n{human}");
        assert_eq!(out, "", "{rel}: nothing on stdout for an invalid file");
        assert!(human.contains("error["), "{rel}: {human}");

        let (code, json, _) = run(portrules().args(["validate", "--format", "json", &rel]));
        assert_eq!(code, 1);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        for d in parsed.as_array().unwrap() {
            for key in [
                "file",
                "line",
                "column",
                "end_line",
                "end_column",
                "severity",
                "code",
                "message",
                "help",
            ] {
                assert!(d.get(key).is_some(), "{rel}: diagnostic lacks `{key}`: {d}");
            }
        }
        insta::assert_snapshot!(format!("{human}\n--- json ---\n{json}"));
    });
}

#[test]
fn query_on_an_invalid_file_exits_2() {
    insta::glob!("fixtures/invalid/*.yaml", |path| {
        let rel = relative(path);
        let (code, out, err) = run(portrules()
            .args(["--rules", &rel])
            .args(["query", "--status", "open", "--action", "view"]));
        assert_eq!(code, 2, "{rel}: {out}{err}");
        assert!(err.contains("error["), "{rel}: {err}");
    });
}
