//! The error catalogue page's context, from [`crate::load::codes`].
//!
//! Depends only on the code catalogue.

use minijinja::{Value, context};

use super::{Page, header};
use crate::load::codes::Code;

pub(super) fn context(page: Page, target: Option<&str>) -> Value {
    let codes: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            context! {
                code => c.as_str(),
                severity => c.severity().as_str(),
                title => c.title(),
                explanation => c.explanation(),
            }
        })
        .collect();
    context! {
        codes => codes,
        ..header(page, "src/load/codes.rs", None, None, target)
    }
}
