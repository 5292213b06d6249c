//! How people name statuses, actions and fields: matching that ignores case and
//! treats spaces, `_` and `-` alike, and did-you-mean suggestions.
//!
//! Depends on nothing.

/// The form two names are compared in: trimmed, lowercase, with every run of spaces,
/// `_` and `-` turned into one `_`.
pub fn normalize(name: &str) -> String {
    normalized(name).collect()
}

/// Whether two names are the same once normalized, without building either form.
pub fn same(a: &str, b: &str) -> bool {
    normalized(a).eq(normalized(b))
}

/// The characters of [`normalize`]'s form of `name`, as they are worked out.
fn normalized(name: &str) -> impl Iterator<Item = char> + '_ {
    let mut started = false;
    let mut gap = false;
    name.trim()
        .chars()
        .filter_map(move |c| {
            if c == ' ' || c == '_' || c == '-' || c == '\t' {
                gap = true;
                return None;
            }
            let separator = (gap && started).then_some('_');
            (gap, started) = (false, true);
            Some(separator.into_iter().chain(c.to_lowercase()))
        })
        .flatten()
}

/// Names longer than this (in characters) are neither suggested nor given suggestions:
/// no real id or label is this long, and comparing long texts costs their product.
pub const MAX_SUGGEST_LEN: usize = 128;

/// At most this many candidates are compared for one suggestion: those with the fewest
/// characters that differ from the wanted name's (a cheap lower bound of the edit
/// distance). A table of 10,000 statuses costs one cheap pass and this many full
/// comparisons, not 10,000 of them.
pub const MAX_SUGGEST_CANDIDATES: usize = 256;

/// The candidate closest to `wanted`, when it is close enough to be a plausible typo.
/// Candidates are compared in normalized form; the original spelling is returned.
pub fn suggest<'a, I>(wanted: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = Wanted::new(wanted)?;
    let near = candidates
        .into_iter()
        .filter(|c| c.len() <= MAX_SUGGEST_LEN * 4)
        .map(|c| (wanted.distance(&bag(c)), c));
    wanted.best(near)
}

/// Suggestions from one set of candidates for many names: the candidates' letter
/// counts are worked out once (for `batch`, which may be asked about thousands of
/// misspelt names against a table of thousands).
pub struct Suggester<'a> {
    candidates: Vec<(&'a str, Bag)>,
}

impl<'a> Suggester<'a> {
    /// Prepares `candidates`.
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        Suggester {
            candidates: (candidates.into_iter())
                .filter(|c| c.len() <= MAX_SUGGEST_LEN * 4)
                .map(|c| (c, bag(c)))
                .collect(),
        }
    }

    /// What [`suggest`] would say for `wanted` and these candidates.
    pub fn suggest(&self, wanted: &str) -> Option<&'a str> {
        let wanted = Wanted::new(wanted)?;
        let near = (self.candidates.iter()).map(|(c, b)| (wanted.distance(b), *c));
        wanted.best(near)
    }
}

/// Letters and digits counted into 64 buckets (ASCII lowercased byte by byte): a rough
/// count that only chooses which candidates get the full comparison.
type Bag = [u16; 64];

fn bag(name: &str) -> Bag {
    let mut counts = [0u16; 64];
    let mut add = |c: char| {
        let slot = &mut counts[(c as usize) % 64];
        *slot = slot.saturating_add(1);
    };
    for c in name.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                add(c.to_ascii_lowercase());
            }
        } else {
            c.to_lowercase().for_each(&mut add);
        }
    }
    counts
}

/// A name to find a suggestion for, normalized once.
struct Wanted {
    norm: String,
    bag: Bag,
}

impl Wanted {
    /// `None` for names that get no suggestion: empty, or too long to compare.
    fn new(wanted: &str) -> Option<Wanted> {
        if wanted.len() > MAX_SUGGEST_LEN * 4 {
            return None;
        }
        let norm = normalize(wanted);
        if norm.is_empty() || norm.chars().count() > MAX_SUGGEST_LEN {
            return None;
        }
        let bag = bag(&norm);
        Some(Wanted { norm, bag })
    }

    /// A lower bound of the edit distance between the two names' letters.
    fn distance(&self, theirs: &Bag) -> u32 {
        let (mut more, mut fewer) = (0u32, 0u32);
        for (a, b) in self.bag.iter().zip(theirs) {
            if a > b {
                more += u32::from(a - b);
            } else {
                fewer += u32::from(b - a);
            }
        }
        more.max(fewer)
    }

    /// The closest of the nearest [`MAX_SUGGEST_CANDIDATES`] of `near` (distance and
    /// candidate, in declaration order), if it is close enough.
    fn best<'a>(&self, near: impl Iterator<Item = (u32, &'a str)>) -> Option<&'a str> {
        let mut near: Vec<(u32, usize, &str)> =
            near.enumerate().map(|(i, (d, c))| (d, i, c)).collect();
        if near.len() > MAX_SUGGEST_CANDIDATES {
            near.select_nth_unstable(MAX_SUGGEST_CANDIDATES);
            near.truncate(MAX_SUGGEST_CANDIDATES);
            // Ties are broken by declaration order, as without the bound.
            near.sort_unstable_by_key(|&(_, i, _)| i);
        }
        let wanted = &self.norm;
        let mut best: Option<(f64, &str)> = None;
        let mut norm = String::new();
        for (_, _, candidate) in near {
            norm.clear();
            norm.extend(normalized(candidate));
            if norm.chars().count() > MAX_SUGGEST_LEN {
                continue;
            }
            let score = strsim::jaro_winkler(wanted, &norm);
            let close = score >= 0.8
                || strsim::levenshtein(wanted, &norm) <= (norm.chars().count() / 4).max(1)
                || (wanted.len() >= 3 && norm.starts_with(wanted.as_str()));
            if close && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, candidate));
            }
        }
        best.map(|(_, c)| c)
    }
}

/// ``did you mean `X`?`` for the closest candidate, if any.
pub fn did_you_mean<'a, I>(wanted: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    suggest(wanted, candidates).map(|s| format!("did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(input: &str, expected: &str) {
        assert_eq!(normalize(input), expected, "normalize({input:?})");
        assert!(same(input, expected), "same({input:?}, {expected:?})");
    }

    #[test]
    fn names_differ_where_their_normal_forms_do() {
        assert!(same("Transfer approved", "TRANSFER-APPROVED"));
        assert!(!same("Transfer approved", "transferapproved"));
        assert!(!same("Error", "Errors"));
        assert!(same("", " _-"));
        assert!(!same("İ", "i"), "`İ` lowercases to two characters");
    }

    #[test]
    fn normalization_ignores_case_and_separators() {
        case("Transfer approved", "transfer_approved");
        case("transfer_approved", "transfer_approved");
        case("TRANSFER-APPROVED", "transfer_approved");
        case("  transfer  -_ approved ", "transfer_approved");
        case("Error", "error");
        case("", "");
    }

    #[test]
    fn suggestions_catch_typos_but_not_strangers() {
        let names = [
            "Transfer approved",
            "Transfer pending",
            "Error",
            "Completed",
        ];
        assert_eq!(
            suggest("Transfer aproved", names),
            Some("Transfer approved")
        );
        assert_eq!(suggest("complete", names), Some("Completed"));
        assert_eq!(suggest("eror", names), Some("Error"));
        assert_eq!(suggest("banana", names), None);
        assert_eq!(suggest("", names), None);
    }

    #[test]
    fn suggestions_stay_bounded_on_huge_inputs() {
        let many: Vec<String> = (0..10_000).map(|i| format!("Status {i}")).collect();
        assert_eq!(
            suggest("Status 9999x", many.iter().map(String::as_str)),
            Some("Status 9999")
        );
        let long = "x".repeat(1 << 20);
        assert_eq!(suggest(&long, many.iter().map(String::as_str)), None);
        let mut with_long = vec![long.as_str()];
        with_long.push("Error");
        assert_eq!(suggest("eror", with_long), Some("Error"));
    }
}
