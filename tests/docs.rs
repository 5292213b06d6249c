//! `portrules docs`: the committed pages are current, stale pages are caught with a
//! diff, hostile text cannot break the table, templates fail loudly, writes are atomic.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::common::{POLICY, portrules, root, run};

#[test]
fn status_page_snapshot() {
    let (code, out, _) = run(portrules().arg("docs"));
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn output_is_canonical() {
    for page in ["statuses", "rule-format", "errors"] {
        let (_, out, _) = run(portrules().args(["docs", "--page", page]));
        assert!(
            out.ends_with('\n') && !out.ends_with("\n\n"),
            "{page}: one final newline"
        );
        assert!(!out.contains('\r'), "{page}: \\n line endings");
        assert!(
            !out.lines().any(|l| l.ends_with(' ')),
            "{page}: no trailing spaces"
        );
    }
}

#[test]
fn the_page_shows_every_fact_of_the_source_table() {
    let (_, page, _) = run(portrules().arg("docs"));
    let rows: Vec<&str> = page.lines().filter(|l| l.starts_with("| **")).collect();
    let expected = [
        ("Processing", ["Yes", "No", "Yes", "No"]),
        ("Contacting carrier", ["Yes", "No", "Yes", "No"]),
        (
            "Transfer approved",
            [
                "Yes",
                "Only the Firm Order Commitment (FOC) date[^1]",
                "Yes",
                "No",
            ],
        ),
        ("Transfer pending", ["Yes", "No", "No", "No"]),
        ("Error", ["No", "Yes", "Yes", "No[^2]"]),
        ("Completed", ["Yes", "No", "No", "No"]),
        ("Cancelled", ["No", "Yes", "No", "No"]),
    ];
    assert_eq!(rows.len(), expected.len());
    for (row, (status, cells)) in rows.iter().zip(expected) {
        let got = cells_of(row);
        assert_eq!(got[0], format!("**{status}**"));
        assert_eq!(&got[1..5], &cells, "{status}");
    }
    assert!(page.contains("[^2]: **Error, Delete.**"));
    assert!(page.contains("1) Create the port order again. 2) Contact support."));
    for question in [
        "Can you view the order?",
        "Can you edit the order?",
        "Can you cancel the order?",
        "Can you delete the order?",
    ] {
        assert!(page.contains(question), "{question}");
    }
}

/// The cells of a Markdown table row, splitting on `|` that is not escaped.
fn cells_of(row: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in row.trim().trim_start_matches('|').chars() {
        if escaped {
            cell.push(c);
            escaped = false;
        } else if c == '\\' {
            cell.push(c);
            escaped = true;
        } else if c == '|' {
            cells.push(cell.trim().to_string());
            cell.clear();
        } else {
            cell.push(c);
        }
    }
    cells
}

#[test]
fn hostile_text_cannot_break_the_table_or_inject_html() {
    let (code, out, err) =
        run(portrules().args(["--rules", "tests/fixtures/docs/hostile.yaml", "docs"]));
    assert_eq!(code, 0, "{err}");
    let table: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(
        table.len(),
        4,
        "header, rule and two rows, each on one line:\n{out}"
    );
    for row in &table {
        assert_eq!(cells_of(row).len(), 4, "every row has 4 cells: {row}");
    }
    for bad in ["<script", "<img", "<b>", "<!-- comment"] {
        assert!(!out.contains(bad), "raw HTML `{bad}` leaked:\n{out}");
    }
    // The one HTML comment is the generated-by line.
    assert_eq!(out.matches("<!--").count(), 1);
    assert!(out.contains("&lt;script&gt;"));
    assert!(out.contains("\\- looks like a list"));
}

#[test]
fn stale_page_exits_1_with_a_diff_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    let (_, good, _) = run(portrules().args(["docs", "--output", "-"]));
    std::fs::write(
        &page,
        good.replace("| **Completed** | Yes |", "| **Completed** | No |"),
    )
    .unwrap();
    let (code, out, err) = run(portrules().arg("docs").arg("--check").arg(&page));
    assert_eq!(code, 1);
    assert!(out.contains("-| **Completed** | No |"), "{out}");
    assert!(out.contains("+| **Completed** | Yes |"), "{out}");
    assert!(out.contains("@@"), "hunk header with line numbers: {out}");
    assert!(err.contains("is out of date"), "{err}");
    // Outside a repository the page and the rules are named by their file names alone,
    // so that the page does not depend on where it was generated.
    assert!(
        err.contains("portrules --rules port-orders.yaml docs --output page.md"),
        "{err}"
    );
}

#[test]
fn edited_rules_make_the_committed_page_stale() {
    let dir = tempfile::tempdir().unwrap();
    let committed = dir.path().join("page.md");
    let (code, _, err) = run(portrules().args(["docs", "--output"]).arg(&committed));
    assert_eq!(code, 0, "{err}");
    let rules = dir.path().join("port-orders.yaml");
    let yaml = std::fs::read_to_string(root(POLICY)).unwrap();
    // Flip Completed × View from allow to deny.
    let flipped = yaml.replacen(
        "  completed:\n    label: Completed\n    description: Every number on the order has moved over and the port is finished.\n    permissions:\n      view: allow",
        "  completed:\n    label: Completed\n    description: Every number on the order has moved over and the port is finished.\n    permissions:\n      view: deny",
        1,
    );
    assert_ne!(flipped, yaml, "the fixture edit must apply");
    std::fs::write(&rules, flipped).unwrap();
    let (code, out, err) = run(portrules()
        .arg("--rules")
        .arg(&rules)
        .args(["docs", "--check"])
        .arg(&committed));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("-| **Completed** | Yes |"), "{out}");
    assert!(out.contains("+| **Completed** | No |"), "{out}");
}

#[test]
fn missing_check_file_is_an_error_not_a_pass() {
    let (code, out, err) = run(portrules().args(["docs", "--check", "docs/nope.md"]));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("cannot read docs/nope.md"), "{err}");
}

#[test]
fn custom_templates_render_and_undefined_names_fail_located() {
    let (code, out, err) =
        run(portrules().args(["docs", "--template", "tests/fixtures/docs/custom.md.j2"]));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out, @r"
    # Port order statuses (port-orders 1.1.0)

    - Processing: view=allow, edit=deny, cancel=allow, delete=deny
    - Contacting carrier: view=allow, edit=deny, cancel=allow, delete=deny
    - Transfer approved: view=allow, edit=limited, cancel=allow, delete=deny
    - Transfer pending: view=allow, edit=deny, cancel=deny, delete=deny
    - Error: view=deny, edit=allow, cancel=allow, delete=deny
    - Completed: view=allow, edit=deny, cancel=deny, delete=deny
    - Cancelled: view=deny, edit=allow, cancel=deny, delete=deny
    ");

    let (code, out, err) =
        run(portrules().args(["docs", "--template", "tests/fixtures/docs/undefined.md.j2"]));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    insta::assert_snapshot!(err, @"tests/fixtures/docs/undefined.md.j2:3: error: undefined value: `rules.owner` is undefined (a name the template uses is not in the page's context; check its spelling)");

    let (code, _, err) = run(portrules().args(["docs", "--template", "no/such.j2"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read template no/such.j2"), "{err}");
}

#[test]
fn templates_see_every_value_the_page_context_always_offered() {
    // The expected page was rendered when the context was still built from copied
    // maps; the objects that compute values on demand must print the same.
    let (code, out, err) = run(portrules().args([
        "docs",
        "--template",
        "tests/fixtures/docs/every-value.md.j2",
    ]));
    assert_eq!(code, 0, "{err}");
    let expected = std::fs::read_to_string("tests/fixtures/docs/every-value.md").unwrap();
    assert_eq!(out, expected);
}

#[test]
fn explained_lists_exactly_the_cells_with_an_explanation() {
    let template = ["docs", "--template", "tests/fixtures/docs/explained.md.j2"];
    let (code, out, err) = run(portrules().args(template));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out, @r"
    processing:  True
    contacting_carrier:  True
    transfer_approved: edit True
    transfer_pending:  True
    error: delete True
    completed:  True
    cancelled:  True
    ");
    let hostile = run(portrules()
        .args(["--rules", "tests/fixtures/docs/hostile.yaml"])
        .args(template));
    assert_eq!(hostile.0, 0, "{}", hostile.2);
    assert!(
        hostile.1.lines().all(|l| l.ends_with(" True")),
        "{}",
        hostile.1
    );
}

#[test]
fn templates_can_raise_to_a_power() {
    // The binary resolves `pow` to its own definition rather than glibc's libm.
    let (code, out, err) =
        run(portrules().args(["docs", "--template", "tests/fixtures/docs/power.md.j2"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "1.4142135623730951 0.4444444444444444 1000.0 1024 1.0\n"
    );
}

/// Runs `cmd` as an unprivileged user when we are root, so folder permissions apply.
fn unprivileged(cmd: &mut Command) -> Command {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    if !is_root {
        return std::mem::replace(cmd, Command::new("true"));
    }
    let mut wrapped = Command::new("setpriv");
    wrapped.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
    wrapped.arg(cmd.get_program()).args(cmd.get_args());
    wrapped.current_dir(env!("CARGO_MANIFEST_DIR"));
    wrapped.env_remove("PORTRULES_RULES");
    wrapped
}

#[test]
fn output_into_a_read_only_folder_fails_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let page = folder.join("page.md");
    std::fs::write(&page, "old page\n").unwrap();
    set_mode(dir.path(), 0o755);
    set_mode(&folder, 0o555);

    let mut cmd = portrules();
    cmd.arg("docs").arg("--output").arg(&page);
    let (code, out, err) = run(&mut unprivileged(&mut cmd));
    set_mode(&folder, 0o755);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.starts_with(&format!(
            "error: cannot write {}: permission denied",
            page.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "old page\n");
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn output_writes_the_page_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(&page, "old\n").unwrap();
    let (code, _, err) = run(portrules().arg("docs").arg("--output").arg(&page));
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = run(portrules().arg("docs").arg("--check").arg(&page));
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `schema --output` writes what `schema` prints; `--check` passes on it, fails with a
/// diff on an edited copy, refuses a missing file and a committed link, and `--output`
/// does not write through a link.
#[test]
fn the_schema_is_written_and_checked_like_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("rules.schema.json");
    let (_, printed, _) = run(portrules().arg("schema"));
    assert_eq!(
        printed,
        std::fs::read_to_string(root("schemas/rules.schema.json")).unwrap()
    );
    let (code, out, err) = run(portrules().args(["schema", "--output"]).arg(&copy));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), printed);
    let (code, out, _) = run(portrules().args(["schema", "--check"]).arg(&copy));
    assert_eq!(code, 0);
    assert!(out.ends_with(": up to date\n"), "{out}");
    std::fs::write(&copy, printed.replacen("\"title\"", "\"titel\"", 1)).unwrap();
    let (code, out, err) = run(portrules().args(["schema", "--check"]).arg(&copy));
    assert_eq!(code, 1);
    assert!(
        out.contains("-  \"titel\"") && out.contains("+  \"title\""),
        "{out}"
    );
    assert!(
        err.contains("regenerate it with `portrules schema --output "),
        "{err}"
    );
    let (code, _, err) = run(portrules()
        .args(["schema", "--check"])
        .arg(dir.path().join("none.json")));
    assert_eq!(code, 2, "a missing copy is an error, never a pass: {err}");
    #[cfg(unix)]
    {
        let secret = dir.path().join("secret");
        std::fs::write(&secret, "do not print\n").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&secret, &link).unwrap();
        let (code, out, _) = run(portrules().args(["schema", "--check"]).arg(&link));
        assert_eq!(code, 1);
        assert!(!out.contains("do not print"), "{out}");
        let (code, _, err) = run(portrules().args(["schema", "--output"]).arg(&link));
        assert_eq!(code, 2, "{err}");
        assert_eq!(std::fs::read_to_string(&secret).unwrap(), "do not print\n");
    }
}

/// One fixture file for the error catalogue, with the limits it is checked under.
struct Candidate {
    code: String,
    file: String,
    bytes: Vec<u8>,
    max_size: Option<u64>,
    max_problems: Option<usize>,
    /// Whether every diagnostic it raises is of this code (apart from the count of
    /// the ones left out).
    alone: bool,
}

/// The codes a fixture raises under `limits`, as `portrules validate` sees them.
fn codes_raised(bytes: &[u8], file: &str, limits: &portrules::load::Limits) -> Vec<String> {
    let diags = match portrules::load::from_bytes(bytes.to_vec(), file, limits) {
        Ok(loaded) => portrules::examples::diagnostics(&loaded, file),
        Err(e) => e.diagnostics,
    };
    diags.iter().map(|d| d.code.as_str().to_string()).collect()
}

/// `src/docs/error_examples.rs`: for every code, the smallest fixture that raises it,
/// preferring one that raises nothing else. A code no fixture raises with the default
/// limits is shown with a smaller limit (too large, too many problems); one that only a
/// file system can cause (PR001) has no example.
fn error_examples() -> String {
    let mut fixtures: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["invalid", "examples", "warnings", "load"] {
        for entry in std::fs::read_dir(root(&format!("tests/fixtures/{dir}"))).unwrap() {
            fixtures.push(entry.unwrap().path());
        }
    }
    fixtures.sort();
    let base = portrules::load::Limits {
        warnings: true,
        ..Default::default()
    };
    let tries: [(Option<u64>, Option<usize>); 3] =
        [(None, None), (None, Some(1)), (Some(64), None)];
    let mut candidates: Vec<Candidate> = Vec::new();
    for path in &fixtures {
        let bytes = std::fs::read(path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for (max_size, max_problems) in tries {
            let limits = portrules::load::Limits {
                max_size: max_size.unwrap_or(base.max_size),
                max_problems: max_problems.unwrap_or(base.max_problems),
                ..base
            };
            let raised = codes_raised(&bytes, &file, &limits);
            let counted = ["PR008", "PW004"];
            for code in &raised {
                let alone = raised
                    .iter()
                    .all(|c| c == code || counted.contains(&c.as_str()));
                candidates.push(Candidate {
                    code: code.clone(),
                    file: file.clone(),
                    bytes: bytes.clone(),
                    max_size,
                    max_problems,
                    alone,
                });
            }
        }
    }
    let mut out = String::from(
        "//! Generated by `PORTRULES_BLESS=1 cargo test --test cli error_examples` from the\n\
         //! files in `tests/fixtures/`: for each code, the smallest file that raises it\n\
         //! (preferring one that raises nothing else). Do not edit.\n\n\
         /// A file that raises a code, with the limits it is checked under.\n\
         pub(super) struct Example {\n    \
             /// The code.\n    pub code: &'static str,\n    \
             /// The fixture's file name.\n    pub file: &'static str,\n    \
             /// `--max-size`, when the example needs a smaller one.\n    pub max_size: Option<u64>,\n    \
             /// `--max-problems`, when the example needs a smaller one.\n    pub max_problems: Option<usize>,\n    \
             /// The file's bytes.\n    pub bytes: &'static [u8],\n}\n\n\
         /// One example per code that a file can raise.\n\
         pub(super) const EXAMPLES: &[Example] = &[\n",
    );
    for code in portrules::load::Code::ALL {
        let code = code.as_str();
        // Default limits first, then alone, then the smallest file.
        let best = candidates
            .iter()
            .filter(|c| c.code == code)
            .min_by_key(|c| {
                (
                    c.max_size.is_some() || c.max_problems.is_some(),
                    !c.alone,
                    c.bytes.len(),
                    c.file.clone(),
                )
            });
        let Some(best) = best else {
            assert_eq!(
                code, "PR001",
                "no fixture raises {code}: add one to tests/fixtures/"
            );
            continue;
        };
        writeln!(
            out,
            "    Example {{\n        code: {:?},\n        file: {:?},\n        max_size: {:?},\n        max_problems: {:?},\n        bytes: b\"{}\",\n    }},",
            code,
            best.file,
            best.max_size,
            best.max_problems,
            best.bytes.escape_ascii()
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

#[test]
fn error_examples_are_the_smallest_fixtures() {
    let wanted = error_examples();
    let path = root("src/docs/error_examples.rs");
    if std::env::var_os("PORTRULES_BLESS").is_some() {
        std::fs::write(&path, &wanted).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap();
    assert!(
        current == wanted,
        "src/docs/error_examples.rs is stale: run `PORTRULES_BLESS=1 cargo test --test cli error_examples`"
    );
}
