//! A checked question: status, action and field names resolved against the rules, and
//! fact values parsed by their declared type. Depends on the model only.

use jiff::Timestamp;

use crate::model::lifecycle::FactValue;
use crate::model::rules::{ActionId, FieldId, Rules, StatusId, UnknownName};

/// A checked question: status and action (and optionally one field) resolved to ids,
/// with whatever facts about the order the caller knows.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// The order's status, as stored.
    pub status: StatusId,
    /// What the admin wants to do.
    pub action: ActionId,
    /// With an edit: the one field the admin wants to change.
    pub field: Option<FieldId>,
    /// Facts about the order: index into [`Rules::facts`] and value.
    pub facts: Vec<(usize, FactValue)>,
    /// The time the question is asked at; time rules need it. The engine never reads
    /// the clock itself: callers pass the current time (or a pinned one, for tests).
    pub now: Option<Timestamp>,
}

/// A fact that could not be added to a query.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FactError {
    /// No such fact.
    #[error(transparent)]
    Unknown(#[from] UnknownName),
    /// The fact was already given (by its id or its label): which value was meant is
    /// the caller's mistake to fix, not portrules' to guess.
    #[error("fact `{fact}` is given more than once; give it once")]
    Repeated {
        /// The fact's id.
        fact: String,
    },
    /// The value does not fit the fact's type.
    #[error("bad value for fact `{fact}`: {message}")]
    BadValue {
        /// The fact's id.
        fact: String,
        /// What is wrong.
        message: String,
    },
}

impl Query {
    /// Resolves names (ids or labels, case and separators ignored) against `rules`.
    ///
    /// ```
    /// use portrules::{Effect, Query, Rules};
    /// let rules = Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
    /// let query = Query::parse(&rules, "Cancelled", "VIEW", None)?;
    /// assert_eq!(rules.decide(&query).decision, Effect::Allow);
    /// let typo = Query::parse(&rules, "cancelld", "view", None).unwrap_err();
    /// assert!(typo.to_string().contains("did you mean `Cancelled`?"), "{typo}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(
        rules: &Rules,
        status: &str,
        action: &str,
        field: Option<&str>,
    ) -> Result<Query, UnknownName> {
        Ok(Query {
            status: rules.status(status)?,
            action: rules.action(action)?,
            field: field.map(|f| rules.field(f)).transpose()?,
            facts: Vec::new(),
            now: None,
        })
    }

    /// Adds a fact, by id or label, with its value written as text (for numbers and
    /// strings a JSON value's text is fine too). A fact already given is an error.
    ///
    /// ```
    /// use portrules::{Effect, Query, Rules};
    /// let rules = Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
    /// let query = Query::parse(&rules, "approved", "cancel", None)?
    ///     .with_fact(&rules, "Due date", "2026-06-01T23:59:59Z")?
    ///     .at("2026-06-01T00:00:00Z".parse()?);
    /// let decision = rules.decide(&query);
    /// assert_eq!(decision.decision, Effect::Deny);
    /// assert_eq!(decision.effective_status, "locked");
    /// let vague = Query::parse(&rules, "approved", "cancel", None)?;
    /// assert!(vague.with_fact(&rules, "due", "tomorrow").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_fact(mut self, rules: &Rules, name: &str, value: &str) -> Result<Query, FactError> {
        let index = rules.fact(name)?;
        let decl = &rules.facts[index];
        if self.facts.iter().any(|(i, _)| *i == index) {
            return Err(FactError::Repeated {
                fact: decl.id.to_string(),
            });
        }
        let value = decl
            .kind
            .parse(value)
            .map_err(|message| FactError::BadValue {
                fact: decl.id.to_string(),
                message,
            })?;
        self.facts.push((index, value));
        Ok(self)
    }

    /// Pins the time the question is asked at; without it, time rules read the system
    /// clock when they need it.
    ///
    /// ```
    /// use portrules::{Query, Rules};
    /// let rules = Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
    /// let query = Query::parse(&rules, "approved", "view", None)?.at("2030-01-01T00:00:00Z".parse()?);
    /// assert_eq!(query.now.map(|t| t.to_string()).as_deref(), Some("2030-01-01T00:00:00Z"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(mut self, now: Timestamp) -> Query {
        self.now = Some(now);
        self
    }
}
