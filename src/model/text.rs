//! The text and list types of the rule model, borrowed or owned. Depends on nothing.

use std::borrow::Cow;

/// Text in the rule model: borrowed from the binary for the embedded rules, so that
/// they cost nothing to build or free, and owned for rules loaded from a file.
pub type Text = Cow<'static, str>;

/// A list in the rule model, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;
