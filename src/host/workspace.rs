//! A policy repository: its root, where it keeps its rule file and status page
//! (`portrules.toml`, or the conventional `rules/port-orders.yaml`), and paths spelled
//! as the repository spells them, so that what portrules writes into a page does not
//! depend on the folder it was run from or how a path was typed.
//!
//! Paths that a repository names for itself are checked to stay inside it: a branch
//! must not be able to point CI at `/etc/shadow` and have its lines printed as
//! snippets. Depends on nothing but the standard library and the TOML reader.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

/// The configuration file at a repository's root.
pub const CONFIG: &str = "portrules.toml";

/// The rule file used when a repository has no configuration.
pub const CONVENTIONAL_RULES: &str = "rules/port-orders.yaml";

/// The largest configuration file read.
const MAX_CONFIG: u64 = 64 * 1024;

/// A repository that holds a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The folder that holds `portrules.toml`, or the repository's top folder.
    pub root: PathBuf,
    /// The rule file, relative to the root (`/`-separated), when there is one.
    pub rules: Option<String>,
    /// The status page, relative to the root, when the configuration names one.
    pub page: Option<String>,
    /// Whether the rule file was named by `portrules.toml` (else it was found by
    /// convention).
    pub configured: bool,
}

/// What `portrules.toml` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    /// The rule file, relative to the folder of `portrules.toml`.
    rules: String,
    /// The generated status page, likewise.
    page: Option<String>,
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", .file.display())]
pub struct ConfigError {
    /// The configuration file.
    pub file: PathBuf,
    /// What is wrong, on one or more lines.
    pub message: String,
}

/// The repository around `start`: the nearest folder at or above it that holds
/// `portrules.toml`, looking no further up than the top of the git repository (the
/// first folder with a `.git`; outside one, only `start` itself). Without a
/// configuration, a repository whose top folder has `rules/port-orders.yaml` uses that
/// file; one that is there but unusable (a link out, a folder) is an error. `Ok(None)`:
/// no repository, or one with no policy.
pub fn find(start: &Path) -> Result<Option<Workspace>, ConfigError> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    // Outside any git repository only the folder itself counts: a `portrules.toml`
    // in `/tmp` or a home folder is not this folder's policy.
    let top = start.ancestors().find(|f| f.join(".git").exists());
    let searched: Vec<&Path> = match top {
        Some(top) => start
            .ancestors()
            .take_while(|f| *f != top)
            .chain([top])
            .collect(),
        None => vec![start.as_path()],
    };
    for folder in searched {
        let config = folder.join(CONFIG);
        if present(&config) {
            return read_config(folder, &config).map(Some);
        }
    }
    let Some(top) = top else {
        return Ok(None);
    };
    let conventional = top.join(CONVENTIONAL_RULES);
    if !present(&conventional) {
        return Ok(None);
    }
    // It is there: a link out of the repository, a folder or a dangling link is an
    // error, never a quiet fall back to the built-in rules.
    let unusable = |why: String| ConfigError {
        file: conventional.clone(),
        message: why,
    };
    inside(top, CONVENTIONAL_RULES)
        .map_err(|why| unusable(format!("the repository's rule file {why}")))?;
    if !conventional.is_file() {
        return Err(unusable(
            "the repository's rule file is not a readable file (a folder, or a link to nothing)"
                .into(),
        ));
    }
    Ok(Some(Workspace {
        root: top.to_path_buf(),
        rules: Some(CONVENTIONAL_RULES.to_string()),
        page: None,
        configured: false,
    }))
}

/// Whether something, even a dangling link, is at `path`.
fn present(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

fn read_config(root: &Path, file: &Path) -> Result<Workspace, ConfigError> {
    let fail = |message: String| ConfigError {
        file: file.to_path_buf(),
        message,
    };
    inside(root, CONFIG).map_err(|why| fail(format!("the configuration file {why}")))?;
    let text = crate::host::files::read_text_bounded(file, MAX_CONFIG)
        .map_err(|e| fail(format!("cannot read it: {e}")))?;
    let config: Config = toml::from_str(&text).map_err(|e| fail(toml_message(&e, &text)))?;
    let check = |key: &str, value: &str| {
        inside(root, value).map_err(|why| fail(format!("`{key} = \"{value}\"` {why}")))
    };
    check("rules", &config.rules)?;
    if let Some(page) = &config.page {
        check("page", page)?;
    }
    Ok(Workspace {
        root: root.to_path_buf(),
        rules: Some(normal(&config.rules)),
        page: config.page.as_deref().map(normal),
        configured: true,
    })
}

/// A TOML error with its line, in our words where TOML's are cryptic.
fn toml_message(e: &toml::de::Error, text: &str) -> String {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let what = e.message();
    let what = match what.strip_prefix("unknown field `") {
        Some(rest) => {
            let key = rest.split('`').next().unwrap_or_default();
            let hint = crate::model::names::did_you_mean(key, ["rules", "page"])
                .map(|d| format!(": {d}"))
                .unwrap_or_else(|| "; it has `rules` and `page`".into());
            format!("unknown key `{key}`{hint}")
        }
        None => what.to_string(),
    };
    match line {
        Some(line) => format!("line {line}: {what}"),
        None => what,
    }
}

/// `path` joined to `root`, if it is a relative path that stays inside `root` however
/// its links resolve (a link to a file outside the repository is refused).
fn inside(root: &Path, path: &str) -> Result<PathBuf, &'static str> {
    let relative = Path::new(path);
    if relative.is_absolute() || relative.has_root() {
        return Err("must be a path relative to the folder of portrules.toml");
    }
    if relative
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err("must not leave the repository (`..`)");
    }
    let joined = root.join(relative);
    let Ok(root_real) = std::fs::canonicalize(root) else {
        return Ok(joined);
    };
    // What exists of the path must resolve inside the root; a page may not exist yet.
    let mut existing = joined.as_path();
    while !existing.exists() {
        match existing.parent() {
            Some(parent) => existing = parent,
            None => return Ok(joined),
        }
    }
    match std::fs::canonicalize(existing) {
        Ok(real) if real.starts_with(&root_real) => Ok(joined),
        Ok(_) => Err("leads outside the repository through a symbolic link"),
        Err(_) => Ok(joined),
    }
}

/// A relative path with `/` separators and no `.` parts.
fn normal(path: &str) -> String {
    Path::new(path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

impl Workspace {
    /// The rule file as a path to open.
    pub fn rules_path(&self) -> Option<PathBuf> {
        self.rules.as_ref().map(|r| self.root.join(r))
    }

    /// `path` relative to the root, `/`-separated, when it lies inside the root.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let absolute = absolute(path)?;
        let root = std::fs::canonicalize(&self.root).ok()?;
        let rest = absolute.strip_prefix(&root).ok()?;
        Some(normal(&rest.to_string_lossy()))
    }
}

/// `path` made absolute with its existing part resolved, without requiring it to exist.
pub fn absolute(path: &Path) -> Option<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let name = absolute.file_name()?.to_owned();
    let parent = absolute.parent()?;
    let parent = std::fs::canonicalize(parent).ok()?;
    Some(parent.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::create_dir_all(dir.path().join("rules")).unwrap();
        std::fs::create_dir_all(dir.path().join("deep/er")).unwrap();
        dir
    }

    #[test]
    fn the_conventional_rule_file_is_found_from_any_folder_below() {
        let dir = repo();
        assert_eq!(find(&dir.path().join("deep/er")).unwrap(), None);
        std::fs::write(dir.path().join(CONVENTIONAL_RULES), "x").unwrap();
        let found = find(&dir.path().join("deep/er")).unwrap().unwrap();
        assert_eq!(found.rules.as_deref(), Some(CONVENTIONAL_RULES));
        assert!(!found.configured);
    }

    #[test]
    fn a_configuration_names_the_files_and_must_stay_inside() {
        let dir = repo();
        let write = |text: &str| std::fs::write(dir.path().join(CONFIG), text).unwrap();
        write("rules = \"./policy/ours.yaml\"\npage = \"docs/ours.md\"\n");
        let found = find(&dir.path().join("deep")).unwrap().unwrap();
        assert_eq!(found.rules.as_deref(), Some("policy/ours.yaml"));
        assert_eq!(found.page.as_deref(), Some("docs/ours.md"));
        assert!(found.configured);

        for (text, says) in [
            ("rules = \"/etc/shadow\"\n", "relative"),
            ("rules = \"../outside.yaml\"\n", "must not leave"),
            ("rule = \"x.yaml\"\n", "did you mean `rules`?"),
            ("rules = 3\n", "line 1"),
            ("page = \"p.md\"\n", "missing field `rules`"),
        ] {
            write(text);
            let err = find(dir.path()).unwrap_err();
            assert!(err.message.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn outside_a_repository_only_the_folder_itself_is_configured() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("below")).unwrap();
        std::fs::write(dir.path().join(CONFIG), "rules = \"evil.yaml\"\n").unwrap();
        assert_eq!(find(&dir.path().join("below")).unwrap(), None);
        assert!(find(dir.path()).unwrap().is_some());
    }

    #[cfg(unix)]
    #[test]
    fn an_unusable_conventional_file_is_an_error_not_the_built_in_rules() {
        let dir = repo();
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join(CONVENTIONAL_RULES)).unwrap();
        let err = find(dir.path()).unwrap_err();
        assert!(err.message.contains("symbolic link"), "{err}");
        std::fs::remove_file(dir.path().join(CONVENTIONAL_RULES)).unwrap();
        std::os::unix::fs::symlink("nowhere.yaml", dir.path().join(CONVENTIONAL_RULES)).unwrap();
        assert!(find(dir.path()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_repository_is_refused() {
        let dir = repo();
        std::os::unix::fs::symlink("/etc", dir.path().join("rules/etc")).unwrap();
        std::fs::write(dir.path().join(CONFIG), "rules = \"rules/etc/passwd\"\n").unwrap();
        let err = find(dir.path()).unwrap_err();
        assert!(err.message.contains("symbolic link"), "{err}");
    }

    #[test]
    fn paths_are_spelled_from_the_root() {
        let dir = repo();
        std::fs::write(dir.path().join(CONVENTIONAL_RULES), "x").unwrap();
        let found = find(dir.path()).unwrap().unwrap();
        let page = dir.path().join("deep/./er/../er/page.md");
        assert_eq!(found.relative(&page).as_deref(), Some("deep/er/page.md"));
        assert_eq!(found.relative(Path::new("/elsewhere/page.md")), None);
    }
}
