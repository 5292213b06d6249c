//! The catalogue of diagnostic codes: each stable code, its name and its explanation.
//!
//! Codes never change meaning once published; `docs/errors.md` is generated from this list.
//!
//! Depends on nothing: everything that reports a problem depends on it.

use serde::Serialize;

/// Whether a finding stops the rules from loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file loads, but something in it looks unintended.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $title:literal, $explain:literal; )*) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as printed, e.g. `PR021`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Whether the code is an error or a warning.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// A short title for the catalogue.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)* }
            }

            /// What the code means and how to fix it, for `docs/errors.md`.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explain,)* }
            }
        }
    };
}

codes! {
    /// The file could not be read.
    Io = "PR001", Error, "file cannot be read",
        "portrules could not open or read the rule file. Check the path and the file's permissions.";
    /// The file is bigger than the size limit.
    TooLarge = "PR002", Error, "file too large",
        "The rule file is larger than the size limit (4 MiB unless `--max-size` says otherwise). The limit is checked before parsing so that an accidental or hostile file cannot exhaust memory. Raise `--max-size` if the file is really meant to be this big.";
    /// The bytes are not UTF-8 text.
    NotUtf8 = "PR003", Error, "not UTF-8 text",
        "Rule files are UTF-8 text. The file contains bytes that are not UTF-8, often because it was saved in another encoding or is not a text file at all. Save it as UTF-8.";
    /// The YAML is malformed.
    Syntax = "PR004", Error, "YAML syntax error",
        "The file is not well-formed YAML: for example an unclosed quote or bracket, a tab used for indentation, or a line indented inconsistently. The caret points where the parser gave up; the mistake is often on that line or the one before it.";
    /// A key appears twice in one mapping.
    DuplicateKey = "PR005", Error, "duplicate key",
        "The same key appears twice in one mapping. YAML tools disagree about which copy wins, so portrules refuses both. Delete or rename one of them.";
    /// The input exceeds a structural limit.
    Limit = "PR006", Error, "input exceeds a limit",
        "The file nests too deeply, has too many nodes, or expands aliases (`*name`) too often. Real rule files stay far below these limits; this protects services from files crafted to exhaust memory or time.";
    /// The document is empty or not a mapping.
    NotAMapping = "PR007", Error, "document is not a mapping",
        "A rule file is one YAML mapping with `schema_version`, `name`, `version`, `title`, `actions` and `statuses` at the top. The file is empty, holds only comments, or holds a list or a single value instead.";
    /// More problems were found than are reported.
    TooManyProblems = "PR008", Error, "more problems than shown",
        "The file has more problems than the report shows: after the first 200 (or as many as `--max-problems` says) portrules only counts the rest, so that a badly broken or hostile file is reported in linear time. Fix the problems shown and run again, or raise `--max-problems`.";
    /// A key the format does not know.
    UnknownKey = "PR010", Error, "unknown key",
        "The key is not part of the rule format at this place. It is often a misspelling; the help line suggests the nearest known key. `portrules schema` prints every allowed key, and `docs/rule-format.md` explains each.";
    /// A required key is absent.
    MissingKey = "PR011", Error, "missing key",
        "A key that the rule format requires at this place is absent. The diagnostic points at the mapping that needs it.";
    /// A value of the wrong type.
    WrongType = "PR012", Error, "wrong type",
        "The value has the wrong type: for example a list where text is expected, or a number where a mapping is expected.";
    /// A value outside the allowed set.
    BadValue = "PR013", Error, "value not allowed",
        "The value is not one of the values allowed here. The help line lists them. A decision is `allow`, `deny` or `limited` (the last only in the mapping form, with `fields`).";
    /// A value of the right type but the wrong form.
    BadFormat = "PR014", Error, "malformed value",
        "The value does not have the required form: ids are lowercase letters, digits and underscores starting with a letter; `version` is MAJOR.MINOR.PATCH; `name` is lowercase letters, digits and dashes.";
    /// Another schema constraint failed.
    Constraint = "PR015", Error, "constraint not met",
        "The value breaks a rule of the format such as a non-empty list, a non-empty text or unique items.";
    /// `fields` given on a cell that is not `limited`.
    FieldsWithoutLimited = "PR016", Error, "fields on a cell that is not limited",
        "`fields` says which fields a `limited` cell allows to be changed. On an `allow` or `deny` cell it means nothing and is probably a mistake: make the decision `limited`, or remove `fields`.";
    /// The file is written for a format this build cannot read.
    UnsupportedSchemaVersion = "PR020", Error, "unsupported schema_version",
        "The file says it is written for a version of the rule format that this build of portrules does not read. Upgrade portrules, or write the file for a version it supports.";
    /// A status lacks a cell for a declared action.
    MissingCell = "PR021", Error, "missing cell",
        "Every status must answer every declared action. A missing cell is never treated as deny, because a forgotten answer and a deliberate refusal must look different. Add the cell with `allow`, `deny` or a `limited` mapping.";
    /// A cell names an action that is not declared.
    UndeclaredAction = "PR022", Error, "undeclared action",
        "A status has a cell for an action that is not listed under `actions`. Declare the action, or fix the misspelt key.";
    /// Two statuses share a label.
    DuplicateStatusLabel = "PR023", Error, "duplicate status label",
        "Two statuses have the same label, ignoring case. Queries match statuses by label, so labels must be unique.";
    /// Two actions share a label.
    DuplicateActionLabel = "PR024", Error, "duplicate action label",
        "Two actions have the same label, ignoring case. Queries match actions by label, so labels must be unique.";
    /// A `limited` cell names a field that is not declared.
    UndeclaredField = "PR025", Error, "undeclared field",
        "A `limited` cell lists a field id that is not declared under `fields`. Declare it there with a label, or fix the misspelling.";
    /// An id collides with another status's or action's label.
    AmbiguousName = "PR026", Error, "ambiguous name",
        "A status (or action) id, written with spaces, underscores and dashes treated alike, matches a different status's (or action's) label. A query by that name could mean either, so rename one of them.";
    /// `allow_warnings` names a warning that this cell does not raise.
    UnusedAllowWarning = "PR027", Error, "acknowledged warning does not apply",
        "The cell acknowledges a warning in `allow_warnings` that portrules does not raise for it. The rules changed since it was written, or the warning name is misspelt: remove it or correct it.";
    /// An example's expected answer differs from the table's.
    ExampleFails = "PR030", Error, "example gives another answer",
        "An example under `examples` expects an answer the table does not give. Either the table changed by mistake (fix the cell) or the policy changed on purpose (update the example, and bump `version` as `portrules diff --require-bump` says).";
    /// An example names a status, action or field that does not exist.
    ExampleUnknownName = "PR031", Error, "example names something unknown",
        "An example names a status, action or field that the rules do not declare, so it cannot be checked. Fix the name; ids and labels both work, ignoring case, spaces, `_` and `-`.";
    /// A transition leads to a status that does not exist.
    UnknownTarget = "PR040", Error, "transition to an unknown status",
        "A transition's `to` (or the lifecycle's `initial`) names a status that is not declared under `statuses`. Fix the id; the help line suggests the nearest one.";
    /// A transition's trigger names an undeclared action or event.
    UnknownTrigger = "PR041", Error, "unknown trigger",
        "A transition is triggered `on` an action that is not declared under `actions`, or an event that is not declared under `events`.";
    /// A status cannot be reached from the initial status.
    Unreachable = "PR042", Error, "unreachable status",
        "No chain of transitions leads from the lifecycle's `initial` status to this one, so no order can ever be in it. Add the missing transition, or remove the status.";
    /// An action that moves the order is allowed without saying where to.
    MoveWithoutTransition = "PR043", Error, "allowed move without a transition",
        "The action is marked `moves: true` (taking it moves the order to another status, like cancel) and this status allows it, but none of the status's transitions is triggered by it. Add `{to: <status>, \"on\": {action: <id>}, source: ...}`, or deny the action here.";
    /// A condition is malformed for its fact.
    BadCondition = "PR044", Error, "bad condition",
        "A transition's `when` names an undeclared fact, or compares it with something of another type: a `value` must be written as the fact's type, `now_plus` and `now_minus` take a duration such as `24h` and only apply to `datetime` facts.";
    /// A transition is taken by an action its status denies.
    TransitionOnDeniedAction = "PR045", Error, "transition on a denied action",
        "A status has a transition triggered `on` an action that the same status denies. The page would say No for the action and still draw the arrow, and no order can ever take it. Allow the action in that status, or remove the transition.";
    /// A transition on a trigger that an earlier unguarded one always takes.
    TransitionNeverTaken = "PR046", Error, "transition never taken",
        "A status has two transitions on the same action or event, and the first has no `when`: it is always taken, so the second never is, while the page would draw both arrows. Give the first a `when` (a guard) saying when it is taken, or remove one of them.";
    /// Guarded transitions on a trigger with no unguarded one after them.
    GuardWithoutFallback = "PR047", Error, "guarded transition without a fallback",
        "A transition on an action or event has a `when`, so it is taken only while its condition holds, but no transition on the same trigger after it says where the order goes otherwise. Add one without `when` below it: `- { to: <status>, \"on\": { action: <id> }, source: ... }`.";
    /// An action is allowed while viewing the order is not.
    ActionWithoutView = "PW001", Warning, "action allowed while view is denied",
        "The status allows an action (for example edit) while it denies viewing the order. An admin who cannot see an order can rarely act on it sensibly, so this is often a slip. If it is intended, acknowledge it on the cell with `allow_warnings: {<action>-without-view: <reason>}`.";
    /// A final status allows an action that changes the order.
    ActionInFinalStatus = "PW002", Warning, "change allowed in a final status",
        "The status has no transitions, so an order in it is finished, yet it allows an action that changes the order (one not marked `read_only`). If it is intended, acknowledge it on the cell with `allow_warnings: {<action>-in-final-status: <reason>}`.";
    /// Text that would act on a terminal instead of being read.
    HiddenCharacters = "PW003", Warning, "control or direction characters in text",
        "A label, description, note or remedy holds a control character (such as ESC or a carriage return) or a character that reverses the direction of text (such as U+202E). On a terminal these can rewrite what is shown, and in a page they are invisible. portrules prints them escaped (`\\u{1b}`), but they are almost never meant: retype the text.";
    /// More warnings were found than are reported.
    TooManyWarnings = "PW004", Warning, "more warnings than shown",
        "The file raises more warnings than the report shows; after the first 200 (or as many as `--max-problems` says) the rest are only counted. Fix or acknowledge the warnings shown and run again, or raise `--max-problems`.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert_eq!(s.len(), 5, "{s}");
            let expected_prefix = match code.severity() {
                Severity::Error => "PR",
                Severity::Warning => "PW",
            };
            assert!(s.starts_with(expected_prefix), "{s}");
            assert!(!code.explanation().is_empty());
        }
    }
}
