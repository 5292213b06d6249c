//! One request line: its JSON shape (unknown keys refused), the caller's `id` echoed in
//! compact form, and the messages for lines that are not a request. Depends on nothing
//! but serde; the answers are `batch`'s business.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

/// Ids nested deeper than this are refused: many JSON readers refuse deep documents,
/// and the answer must stay readable by whoever sent the request.
pub(super) const MAX_ID_DEPTH: usize = 16;

/// One request line. A key it does not name is an error, not ignored: a caller who
/// writes `fact` for `facts` must not get an answer that skipped the facts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Request<'a> {
    #[serde(borrow)]
    pub(super) status: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(super) action: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(super) field: Option<Cow<'a, str>>,
    /// Echoed on the answer; `null` is an id like any other.
    #[serde(borrow, default, deserialize_with = "present")]
    pub(super) id: Option<&'a RawValue>,
    /// Facts about the order, for time rules: `{"foc_date": "2026-11-27T09:00:00Z"}`.
    pub(super) facts: Option<Facts>,
    /// The time to answer at (RFC 3339); default: now.
    #[serde(borrow)]
    pub(super) now: Option<Cow<'a, str>>,
    /// A built-in policy to ask instead of the process's rules, by name.
    #[serde(borrow, default, deserialize_with = "policy_name")]
    pub(super) policy: Option<Cow<'a, str>>,
}

/// The keys a request may have, for suggestions.
pub(super) const REQUEST_KEYS: &[&str] =
    &["status", "action", "field", "id", "facts", "now", "policy"];

/// Only the id, to echo it on lines whose request is otherwise unusable.
#[derive(Deserialize)]
pub(super) struct IdOnly<'a> {
    #[serde(borrow, default, deserialize_with = "present")]
    pub(super) id: Option<&'a RawValue>,
}

/// A key that is present, whatever its value (`null` included).
pub(super) fn present<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

/// A `policy` value: text, or `null` for none (as for `field`), with a message that names
/// the key when it is neither.
fn policy_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct Visit;
    impl<'de> serde::de::Visitor<'de> for Visit {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(
                "the name of a built-in policy as text for `policy`, such as \"port-orders\"",
            )
        }
        fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Borrowed(v)))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(Visit)
}

/// A request's facts in the order given; a name given twice is an error.
pub(super) struct Facts(pub(super) Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Facts, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Facts;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of facts, such as {\"foc_date\": \"2026-11-27T09:00:00Z\"}")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Facts, M::Error> {
                let mut facts: Vec<(String, serde_json::Value)> = Vec::new();
                let mut seen = std::collections::HashSet::new();
                while let Some((name, value)) = map.next_entry::<String, serde_json::Value>()? {
                    if !seen.insert(name.clone()) {
                        return Err(serde::de::Error::custom(format_args!(
                            "fact {} is given twice",
                            shown(&name)
                        )));
                    }
                    facts.push((name, value));
                }
                Ok(Facts(facts))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// A request line as a request, or why it is not one.
pub(super) fn parse(line: &[u8]) -> Result<Request<'_>, String> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Err("empty line: expected a JSON object such as {\"status\": \"error\", \"action\": \"view\"}".into());
    }
    // One UTF-8 check for the whole line; parsing from `str` then skips it per string.
    let line = std::str::from_utf8(line).map_err(|_| "the line is not UTF-8 text")?;
    // A list would be read as a request by position (`["error", "view"]`): only an
    // object is a request.
    if !line.trim_start().starts_with('{') {
        return Err(not_an_object(line));
    }
    serde_json::from_str(line).map_err(|e| request_error(e, line))
}

/// Whether a line could carry an id to echo: it is a JSON object.
pub(super) fn is_object(line: &[u8]) -> bool {
    line.trim_ascii_start().starts_with(b"{")
}

const EXPECTED: &str =
    "a request is one JSON object per line, such as {\"status\": \"error\", \"action\": \"view\"}";

/// Why a line that does not start with `{` is no request.
fn not_an_object(line: &str) -> String {
    match serde_json::from_str::<JsonKind>(line) {
        Ok(kind) => format!("{EXPECTED}, not {}", kind.words()),
        Err(e) => syntax(&e),
    }
}

/// A JSON syntax error in the project's words, at its column.
fn syntax(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = [
        (
            "key must be a string",
            "a key must be text in double quotes",
        ),
        (
            "expected value",
            "a value is missing or misspelt (text needs double quotes)",
        ),
        (
            "expected ident",
            "a value is misspelt (`true`, `false` and `null` are the only bare words)",
        ),
        (
            "EOF while parsing",
            "the line ends before the JSON does (a `}`, `]` or `\"` is missing)",
        ),
        (
            "trailing characters",
            "more follows the request's closing `}`",
        ),
        ("trailing comma", "a comma before a closing `}` or `]`"),
        ("expected `,` or `}`", "a `,` or `}` is missing"),
        ("expected `,` or `]`", "a `,` or `]` is missing"),
        ("expected `:`", "a `:` is missing after a key"),
        (
            "control character",
            "text holds a raw control character (write it as an escape such as \\n)",
        ),
        ("invalid escape", "text holds an escape JSON does not know"),
        (
            "invalid unicode code point",
            "text holds an escape for no character",
        ),
        (
            "lone leading surrogate",
            "text holds an escape for half a character",
        ),
        ("number out of range", "a number is too large"),
        ("invalid number", "a number is malformed"),
        ("recursion limit exceeded", "the line nests too deeply"),
    ]
    .iter()
    .find(|(serde, _)| text.starts_with(serde))
    .map_or("this is not valid JSON", |(_, ours)| ours);
    format!("not valid JSON at column {}: {what}", e.column())
}

/// What a known key must hold, when a value of `kind` is not that.
fn key_expects(key: &str, kind: JsonKind) -> Option<&'static str> {
    use JsonKind as K;
    match (key, kind) {
        ("status" | "action" | "field" | "now" | "policy", K::Text | K::Null)
        | ("facts", K::Object | K::Null) => None,
        ("status" | "action", _) => Some("text, such as \"error\""),
        ("field", _) => Some("text (a field id or label) or null"),
        ("now", _) => Some("text (an RFC 3339 time such as \"2026-11-27T09:00:00Z\") or null"),
        ("policy", _) => {
            Some("text (the name of a built-in policy, such as \"port-orders\") or null")
        }
        ("facts", _) => {
            Some("an object of facts, such as {\"foc_date\": \"2026-11-27T09:00:00Z\"}")
        }
        _ => None,
    }
}

/// How much longer than the longest known name a name may be and still be compared
/// for a suggestion (spaces and separators that normalize away).
pub(super) const NAME_MARGIN: usize = 16;

/// A name for a message, in backticks: whole when short, else its start and its size.
pub(super) fn shown(name: &str) -> String {
    const SHOWN: usize = 64;
    if name.len() <= SHOWN {
        return format!("`{name}`");
    }
    let cut = (0..=SHOWN)
        .rev()
        .find(|&i| name.is_char_boundary(i))
        .unwrap_or(0);
    format!("`{}…` ({} bytes)", &name[..cut], name.len())
}

/// The request's parse error in the project's words: the key and what it must hold,
/// never serde's own wording.
pub(super) fn request_error(e: serde_json::Error, line: &str) -> String {
    if e.is_syntax() || e.is_eof() {
        return syntax(&e);
    }
    let text = e.to_string();
    if let Some(rest) = text.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        let hint = crate::model::names::did_you_mean(key, REQUEST_KEYS.iter().copied())
            .map(|d| format!(": {d}"))
            .unwrap_or_else(|| {
                format!(
                    "; a request has only {}",
                    REQUEST_KEYS
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            });
        return format!("unknown key {} in the request{hint}", shown(key));
    }
    if let Some(rest) = text.strip_prefix("duplicate field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return format!("key `{key}` is given twice in the request");
    }
    if text.contains("is given twice") {
        return text.split(" at line ").next().unwrap_or(&text).to_string();
    }
    // A value of the wrong kind: read the line again for its keys and the kinds of
    // their values only (nothing is built of the values), to name the key.
    if let Ok(Kinds(kinds)) = serde_json::from_str::<Kinds>(line) {
        for (key, kind) in &kinds {
            if let Some(wanted) = key_expects(key, *kind) {
                return format!("`{key}` must be {wanted}, not {}", kind.words());
            }
        }
    }
    format!("not a request (at column {}): {EXPECTED}", e.column())
}

/// The kind of a JSON value, without the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum JsonKind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl JsonKind {
    /// In the project's words.
    fn words(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "true or false",
            JsonKind::Number => "a number",
            JsonKind::Text => "text",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for JsonKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<JsonKind, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess};
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = JsonKind;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<JsonKind, E> {
                Ok(JsonKind::Null)
            }
            fn visit_bool<E>(self, _: bool) -> Result<JsonKind, E> {
                Ok(JsonKind::Bool)
            }
            fn visit_i64<E>(self, _: i64) -> Result<JsonKind, E> {
                Ok(JsonKind::Number)
            }
            fn visit_u64<E>(self, _: u64) -> Result<JsonKind, E> {
                Ok(JsonKind::Number)
            }
            fn visit_f64<E>(self, _: f64) -> Result<JsonKind, E> {
                Ok(JsonKind::Number)
            }
            fn visit_str<E>(self, _: &str) -> Result<JsonKind, E> {
                Ok(JsonKind::Text)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonKind, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(JsonKind::List)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonKind, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(JsonKind::Object)
            }
        }
        d.deserialize_any(Visit)
    }
}

/// A request object's keys with the kinds of their values.
struct Kinds(Vec<(String, JsonKind)>);

impl<'de> Deserialize<'de> for Kinds {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kinds, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Kinds;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Kinds, M::Error> {
                let mut kinds = Vec::new();
                while let Some(entry) = map.next_entry::<String, JsonKind>()? {
                    kinds.push(entry);
                }
                Ok(Kinds(kinds))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// An id as it is echoed: compact JSON, or why it cannot be echoed.
pub(super) fn echo_id(raw: &RawValue) -> Result<Cow<'_, str>, String> {
    let text = raw.get();
    // The common ids (small integers, strings without escapes) are echoed as received.
    let simple_number = text.len() <= 15
        && text
            .strip_prefix('-')
            .unwrap_or(text)
            .bytes()
            .all(|b| b.is_ascii_digit());
    let simple_string =
        text.len() >= 2 && text.starts_with('"') && !text[1..text.len() - 1].contains(['"', '\\']);
    if simple_number || simple_string {
        return Ok(Cow::Borrowed(text));
    }
    if depth(text) > MAX_ID_DEPTH {
        return Err(format!(
            "the `id` nests deeper than {MAX_ID_DEPTH} levels; send a string or a number"
        ));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| {
        "the `id` cannot be echoed exactly (a number out of range?); send it as a string"
            .to_string()
    })?;
    if has_inexact_number(&value) {
        return Err(
            "the `id` holds a number too large to echo exactly; send it as a string".into(),
        );
    }
    // The id's own text, without the white space between its tokens: numbers keep
    // their digits (`1.0` and `1.00000000000000001` stay two ids), and no raw line
    // break can split the answer.
    Ok(Cow::Owned(compact(text)))
}

/// JSON text without white space outside its strings.
pub(super) fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        match (in_string, c) {
            (true, _) if escaped => escaped = false,
            (true, '\\') => escaped = true,
            (true, '"') => in_string = false,
            (true, _) => {}
            (false, '"') => in_string = true,
            (false, ' ' | '\t' | '\n' | '\r') => continue,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// How deeply `json` nests arrays and objects (strings skipped).
pub(super) fn depth(json: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for b in json.bytes() {
        match (in_string, b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') => in_string = false,
            (true, _) => {}
            (false, b'"') => in_string = true,
            (false, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Whether `value` holds a number that JSON readers may not read back exactly: one
/// whose size needs more than a double's 53 bits (integers beyond 64 bits are read as
/// doubles and would be echoed with other digits).
pub(super) fn has_inexact_number(value: &serde_json::Value) -> bool {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    match value {
        serde_json::Value::Number(n) => n.is_f64() && n.as_f64().is_some_and(|f| f.abs() >= EXACT),
        serde_json::Value::Array(items) => items.iter().any(has_inexact_number),
        serde_json::Value::Object(map) => map.values().any(has_inexact_number),
        _ => false,
    }
}
