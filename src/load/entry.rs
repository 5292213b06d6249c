//! The ways a service gets [`Rules`]: the rules built into the binary, a file, or YAML
//! text. They live beside the loader so that the model does not depend on it (an
//! `impl Rules` block may sit in any module of the crate). Depends on the loader and
//! the model's embedded table.

use std::path::Path;

use super::{Limits, LoadError, from_path, from_str};
use crate::model::embedded::{self, Policy};
use crate::model::rules::{BUILT_IN, Rules, Text};

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
        // Decided while compiling: a copy of the generated rules, without the parser's
        // path in this function, when they are current (as in every tested build).
        if const { embedded::DEFAULT.is_current() } {
            Ok(embedded::DEFAULT.generated_rules().clone())
        } else {
            load_embedded(embedded::DEFAULT)
        }
    }

    /// The built-in policy called `name` (see [`Rules::embedded_names`]), or `None` when
    /// no built-in policy has that name.
    ///
    /// ```
    /// let rules = portrules::Rules::embedded_named("telnyx-porting-orders").unwrap();
    /// assert_eq!((rules.name.as_ref(), rules.source.as_ref()), ("telnyx-porting-orders", "built-in"));
    /// assert!(portrules::Rules::embedded_named("no-such-policy").is_none());
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Rules::embedded`]: only if the crate was built from an invalid rule file.
    pub fn embedded_named(name: &str) -> Option<Rules> {
        let policy = embedded::find(name)?;
        match load_embedded(policy) {
            Ok(rules) => Some(rules),
            Err(e) => panic!(
                "the rules built into portrules as `{name}` are invalid:\n{}",
                e.render()
            ),
        }
    }

    /// The names of the built-in policies, the default ([`Rules::embedded`]) first.
    ///
    /// ```
    /// let names: Vec<&str> = portrules::Rules::embedded_names().collect();
    /// assert_eq!(names[0], portrules::Rules::embedded().name);
    /// assert!(names.contains(&"bandwidth-port-ins"));
    /// ```
    pub fn embedded_names() -> impl ExactSizeIterator<Item = &'static str> {
        embedded::POLICIES.iter().map(|p| p.name)
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

/// The rules of a built-in policy: the generated values when they match its YAML, else
/// the YAML parsed now (only in a build whose generated files are stale).
#[inline]
pub(crate) fn load_embedded(policy: &Policy) -> Result<Rules, LoadError> {
    if let Some(rules) = policy.generated() {
        return Ok(rules.clone());
    }
    let mut rules = from_str(policy.yaml, policy.path, &Limits::default())?.rules;
    rules.source = Text::Borrowed(BUILT_IN);
    Ok(rules)
}

/// As [`load_embedded`], for callers that keep the rules for the rest of the process (a
/// batch co-process asked about several policies): borrowed from the binary, or, in a
/// build whose generated files are stale, parsed once per call and kept.
pub(crate) fn load_embedded_static(policy: &Policy) -> Result<&'static Rules, LoadError> {
    match policy.generated() {
        Some(rules) => Ok(rules),
        None => load_embedded(policy).map(|rules| &*Box::leak(Box::new(rules))),
    }
}
