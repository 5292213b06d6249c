//! How people name statuses, actions and fields: matching that ignores case and
//! treats spaces, `_` and `-` alike, and did-you-mean suggestions.

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

/// The candidate closest to `wanted`, when it is close enough to be a plausible typo.
/// Candidates are compared in normalized form; the original spelling is returned.
pub fn suggest<'a, I>(wanted: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = normalize(wanted);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let norm = normalize(candidate);
        let score = strsim::jaro_winkler(&wanted, &norm);
        let close = score >= 0.8
            || strsim::levenshtein(&wanted, &norm) <= (norm.chars().count() / 4).max(1)
            || (wanted.len() >= 3 && norm.starts_with(&wanted));
        if close && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
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
}
