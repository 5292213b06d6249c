//! Hooks for this repository's own examples, tests and fuzz targets, which look inside
//! the loader. Not part of the API: hidden from the documentation and free to change in
//! any release. Depends on the loader and the model.

pub use crate::host::terminal::needs_escape;
pub use crate::load::schema::check as check_schema;
pub use crate::load::yaml::parse as parse_yaml;
pub use crate::model::rules::fnv1a;
