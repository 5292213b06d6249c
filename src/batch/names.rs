//! Request names to table indexes, as `batch` looks them up on every line: exact
//! spellings by a short scan or a hash, the normalized form only for odd spellings.
//! Depends on the model's name matching.

use std::collections::HashMap;

use crate::model::names::normalize;

/// Names to ids: exact spellings first (ids and labels as written), then the
/// normalized form, which costs an allocation and is only needed for odd spellings.
pub(super) struct Names {
    /// Exact spellings, scanned in order: for the handful of names a real policy has,
    /// comparing a few short strings beats hashing one.
    few: Vec<(String, usize)>,
    exact: HashMap<String, usize>,
    normalized: HashMap<String, usize>,
}

/// Up to this many spellings, [`Names`] scans instead of hashing.
pub(super) const SCAN_LIMIT: usize = 32;

impl Names {
    pub(super) fn new<'a>(entries: impl Iterator<Item = (&'a str, &'a str)>) -> Names {
        let mut exact = HashMap::new();
        let mut normalized = HashMap::new();
        let mut few = Vec::new();
        for (i, (id, label)) in entries.enumerate() {
            few.push((id.to_string(), i));
            few.push((label.to_string(), i));
            exact.entry(id.to_string()).or_insert(i);
            exact.entry(label.to_string()).or_insert(i);
            normalized.entry(normalize(id)).or_insert(i);
            normalized.entry(normalize(label)).or_insert(i);
        }
        if few.len() > SCAN_LIMIT {
            few.clear();
        }
        Names {
            few,
            exact,
            normalized,
        }
    }

    pub(super) fn find(&self, name: &str) -> Option<usize> {
        let exact = if self.few.is_empty() {
            self.exact.get(name).copied()
        } else {
            self.few.iter().find(|(n, _)| n == name).map(|(_, i)| *i)
        };
        exact.or_else(|| self.normalized.get(&normalize(name)).copied())
    }
}
