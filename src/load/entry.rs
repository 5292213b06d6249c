//! The ways a service gets [`Rules`]: the rules built into the binary, a file, or YAML
//! text. They live beside the loader so that the model does not depend on it (an
//! `impl Rules` block may sit in any module of the crate). Depends on the loader and
//! the model's embedded table.

use std::path::Path;

use super::{Limits, LoadError, from_path, from_str};
use crate::model::rules::Rules;

/// The ways to get rules: loading lives here, beside the checks, so that the model
/// (`src/model/rules.rs`) does not depend on its loader.
impl Rules {
    /// The rules compiled into the binary (`rules/port-orders.yaml` at build time).
    ///
    /// ```
    /// let rules = portrules::Rules::embedded();
    /// assert_eq!(rules.source, "built-in");
    /// assert!(!rules.statuses.is_empty());
    /// ```
    ///
    /// # Panics
    ///
    /// Only if the crate was built from an invalid `rules/port-orders.yaml` (which its
    /// own tests reject); [`Rules::try_embedded`] reports that case as an error instead.
    pub fn embedded() -> Rules {
        match Rules::try_embedded() {
            Ok(rules) => rules,
            Err(e) => panic!(
                "the rules built into portrules are invalid:\n{}",
                e.render()
            ),
        }
    }

    /// The rules compiled into the binary, or why the file they were built from is invalid.
    ///
    /// ```
    /// let rules = portrules::Rules::try_embedded()?;
    /// println!("{} {} from {}", rules.name, rules.version, rules.source);
    /// # Ok::<(), portrules::LoadError>(())
    /// ```
    pub fn try_embedded() -> Result<Rules, LoadError> {
        if crate::model::embedded::SOURCE_HASH == crate::model::rules::EMBEDDED_YAML_HASH {
            Ok(crate::model::embedded::RULES.clone())
        } else {
            let mut rules = from_str(
                crate::model::rules::EMBEDDED_YAML,
                crate::model::rules::EMBEDDED_PATH,
                &Limits::default(),
            )?
            .rules;
            rules.source = crate::model::rules::Text::Borrowed(crate::model::rules::BUILT_IN);
            Ok(rules)
        }
    }

    /// Loads and validates a rule file.
    ///
    /// ```no_run
    /// let rules = portrules::Rules::from_path("rules/port-orders.yaml")?;
    /// # Ok::<(), portrules::LoadError>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Rules, LoadError> {
        from_path(path.as_ref(), &Limits::default()).map(|l| l.rules)
    }

    /// Loads and validates rules from YAML text.
    ///
    /// ```
    /// let yaml = r#"
    /// schema_version: 1
    /// name: tiny
    /// version: 1.0.0
    /// title: Tiny
    /// actions: { view: { label: View, question: "Can you view it?" } }
    /// statuses:
    ///   open: { label: Open, description: Open for business., permissions: { view: allow } }
    /// "#;
    /// let rules = portrules::Rules::from_yaml_str(yaml)?;
    /// assert_eq!(rules.statuses[0].label, "Open");
    /// # Ok::<(), portrules::LoadError>(())
    /// ```
    pub fn from_yaml_str(yaml: &str) -> Result<Rules, LoadError> {
        from_str(yaml, "<string>", &Limits::default()).map(|l| l.rules)
    }
}
