//! Markdown escaping: text from the rules must never break a table or inject HTML.
//!
//! Depends on nothing in the crate.

/// Escapes text for use inside one Markdown line, such as a table cell or a heading:
/// line breaks become spaces, `|` cannot end a cell, emphasis and code markers are
/// literal, and `<`, `>`, `&` are entities, so no HTML gets through.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    escape_line_start(out)
}

/// Whether [`escape_inline`] would return `text` unchanged, decided cheaply and
/// conservatively: words, digits and common punctuation, single spaces inside, and a
/// letter first (so nothing reads as a list marker). Large pages pass hundreds of
/// thousands of such values ("Yes", labels) through the `md` filter.
pub fn is_plain_inline(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut after_space = false;
    // One pass; a substring search for two spaces cost more than the rest of the check.
    let plain = bytes.iter().all(|&b| {
        let double_space = b == b' ' && after_space;
        after_space = b == b' ';
        !double_space
            && (b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b' ' | b'.'
                        | b','
                        | b':'
                        | b';'
                        | b'('
                        | b')'
                        | b'\''
                        | b'"'
                        | b'/'
                        | b'?'
                        | b'%'
                        | b'$'
                        | b'@'
                        | b'-'
                        | b'+'
                        | b'='
                ))
    });
    plain && bytes.first().is_some_and(u8::is_ascii_alphabetic) && !after_space
}

/// Escapes trusted Markdown (the schema's own descriptions, with their `code` spans)
/// for a table cell: only what would break the row or open HTML is changed.
///
/// Inside a `code` span, `<` and `>` are kept as written: Markdown reads no HTML there,
/// and an entity would be shown as one. A span is found as CommonMark finds it (a run of
/// backticks closed by the next run of the same length); a run without a partner opens
/// nothing. `|` is escaped everywhere, as GitHub's tables need.
pub fn escape_cell(text: &str) -> String {
    // Line breaks and control characters go first, so that the spans are found in the
    // text Markdown will read (a control character between a backslash and a backtick
    // must not hide the escape).
    let text: String = text
        .trim()
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let spans = code_spans(&text);
    let mut next = spans.iter().peekable();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        while next.peek().is_some_and(|r| r.end <= i) {
            next.next();
        }
        let in_code = next.peek().is_some_and(|r| r.contains(&i));
        match c {
            '|' => out.push_str("\\|"),
            '<' | '>' if in_code => out.push(c),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The byte ranges inside code spans, in order: between a run of backticks and the next
/// run of the same length. Linear: each run knows the next run of its length.
fn code_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let start = i;
            while i < bytes.len() && bytes[i] == b'`' {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    let mut partner = vec![None; runs.len()];
    let mut later: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (k, &(_, len)) in runs.iter().enumerate().rev() {
        partner[k] = later.insert(len, k);
    }
    let mut spans = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let (start, len) = runs[k];
        // Outside a span, an odd number of backslashes escapes the backtick after them:
        // that run opens nothing (seeing too few spans only costs an entity shown as
        // written; seeing one Markdown does not see would let HTML through).
        let backslashes = bytes[..start]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        let escaped = backslashes % 2 == 1;
        match partner[k] {
            Some(close) if !escaped => {
                spans.push(start + len..runs[close].0);
                k = close + 1;
            }
            _ => k += 1,
        }
    }
    spans
}

/// A line starting with `-`, `+`, `=`, or `1.` would become a list or a heading
/// underline; a backslash keeps it text.
fn escape_line_start(mut line: String) -> String {
    let needs = match line.chars().next() {
        Some('-' | '+' | '=') => Some(0),
        Some(c) if c.is_ascii_digit() => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            matches!(line[digits..].chars().next(), Some('.' | ')')).then_some(digits)
        }
        _ => None,
    };
    if let Some(at) = needs {
        line.insert(at, '\\');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(input: &str, expected: &str) {
        assert_eq!(escape_inline(input), expected, "escape_inline({input:?})");
    }

    proptest::proptest! {
        #[test]
        fn plain_text_is_exactly_what_escaping_leaves_alone(text in "[a-zA-Z0-9 .,:;()'\"/?%$@+=*_#<>|&\\-]{0,12}") {
            if is_plain_inline(&text) {
                proptest::prop_assert_eq!(escape_inline(&text), text);
            }
        }
    }

    #[test]
    fn cell_escaping_keeps_code_spans_and_stops_html() {
        assert_eq!(
            escape_cell("`{action: <id>}` or <b>"),
            "`{action: <id>}` or &lt;b&gt;"
        );
        // A run without a partner of its length opens no span.
        assert_eq!(escape_cell("` <b> ``"), "` &lt;b&gt; ``");
        assert_eq!(escape_cell("`` a ` <b> ``"), "`` a ` <b> ``");
        assert_eq!(escape_cell("`a|b`"), "`a\\|b`");
        // An escaped backtick opens nothing; inside a span a backslash escapes nothing.
        assert_eq!(escape_cell("\\` <b> `"), "\\` &lt;b&gt; `");
        assert_eq!(escape_cell("`a\\` <b> `"), "`a\\` &lt;b&gt; `");
        // An escaped backslash escapes nothing after it; a control character between a
        // backslash and a backtick does not hide the escape.
        assert_eq!(escape_cell("\\\\`<b>`"), "\\\\`<b>`");
        assert_eq!(escape_cell("\\\u{1}`<img src=x>`"), "\\`&lt;img src=x&gt;`");
        assert_eq!(escape_cell("\\\\\\`<b>`"), "\\\\\\`&lt;b&gt;`");
    }

    #[test]
    fn inline_escaping_neutralizes_markdown_and_html() {
        case("plain text", "plain text");
        case("a | b", "a \\| b");
        case("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`");
        case(
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        );
        case("line\nbreak\r\nhere", "line break here");
        case("[link](http://x)", "\\[link\\](http://x)");
        case("Tom & Jerry", "Tom &amp; Jerry");
        case("- not a list", "\\- not a list");
        case("1. not a list", "1\\. not a list");
        case("2026) neither", "2026\\) neither");
        case("back\\slash", "back\\\\slash");
        case("bell\u{7}", "bell");
    }
}
