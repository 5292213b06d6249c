//! Plain scalars: what an unquoted `true`, `12`, `1.5` or `~` means, by the YAML 1.2
//! core schema (not YAML 1.1's `yes`/`on`). Depends only on the node kinds.

use super::Kind;

/// YAML 1.2 core-schema resolution of a plain (unquoted) scalar.
pub(super) fn resolve_plain(text: &str) -> Kind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        ".nan" | ".NaN" | ".NAN" => return Kind::Float(f64::NAN),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Kind::Str(text.to_owned());
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    let radix = |digits: &str, radix: u32| {
        // `-0x10`, `0x-1` and `0o+7` are not core-schema YAML: hex and octal take no
        // sign, before the prefix or after it (`from_str_radix` would accept the latter).
        if text.len() != unsigned.len()
            || digits.is_empty()
            || !digits.chars().all(|c| c.is_digit(radix))
        {
            return None;
        }
        Some(match i64::from_str_radix(digits, radix) {
            Ok(v) => Kind::Int(v),
            // Too large for 64 bits: a float, as the same number written in decimal is.
            Err(_) => Kind::Float(
                digits
                    .chars()
                    .filter_map(|c| c.to_digit(radix))
                    .fold(0.0, |v, d| v * f64::from(radix) + f64::from(d)),
            ),
        })
    };
    let int = if let Some(hex) = unsigned.strip_prefix("0x") {
        radix(hex, 16)
    } else if let Some(oct) = unsigned.strip_prefix("0o") {
        radix(oct, 8)
    } else if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        Some(
            text.parse::<i64>()
                .map_or_else(|_| Kind::Float(text.parse().unwrap_or(f64::NAN)), Kind::Int),
        )
    } else {
        None
    };
    if let Some(kind) = int {
        return kind;
    }
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            return Kind::Float(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        _ => {}
    }
    if is_core_float(unsigned)
        && let Ok(f) = text.parse::<f64>()
    {
        return Kind::Float(f);
    }
    Kind::Str(text.to_owned())
}

/// The YAML spelling of a float that JSON cannot write.
pub(super) fn yaml_float(f: f64) -> &'static str {
    if f.is_nan() {
        ".nan"
    } else if f > 0.0 {
        ".inf"
    } else {
        "-.inf"
    }
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's float (unsigned).
fn is_core_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => digits(frac),
        Some((int, frac)) => digits(int) && (frac.is_empty() || digits(frac)),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, parse};

    #[test]
    fn plain_scalars_follow_the_yaml_1_2_core_schema() {
        let node = parse(
            "a: [true, False, yes, no, on, ~, null, '', 12, -3, 0x1F, 0o17, 1.5, -.5e3, .inf, 1.0.0, 010, '12', \"true\", +7]\n",
        )
        .unwrap();
        let kinds: Vec<&Kind> = node
            .get("a")
            .unwrap()
            .items()
            .iter()
            .map(|n| &n.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                &Kind::Bool(true),
                &Kind::Bool(false),
                &Kind::Str("yes".into()),
                &Kind::Str("no".into()),
                &Kind::Str("on".into()),
                &Kind::Null,
                &Kind::Null,
                &Kind::Str(String::new()),
                &Kind::Int(12),
                &Kind::Int(-3),
                &Kind::Int(31),
                &Kind::Int(15),
                &Kind::Float(1.5),
                &Kind::Float(-500.0),
                &Kind::Float(f64::INFINITY),
                &Kind::Str("1.0.0".into()),
                &Kind::Int(10),
                &Kind::Str("12".into()),
                &Kind::Str("true".into()),
                &Kind::Int(7),
            ]
        );
        assert_eq!(parse("a:\n").unwrap().get("a").unwrap().kind, Kind::Null);
        for signed in ["0x-1", "0x+F", "0o-7", "0o+7", "-0x10", "0x", "0o8"] {
            let doc = format!("a: {signed}\n");
            assert_eq!(
                parse(&doc).unwrap().get("a").unwrap().kind,
                Kind::Str(signed.into()),
                "{signed}"
            );
        }
        assert_eq!(
            parse("a: 0xFFFFFFFFFFFFFFFF\n")
                .unwrap()
                .get("a")
                .unwrap()
                .kind,
            parse("a: 18446744073709551615\n")
                .unwrap()
                .get("a")
                .unwrap()
                .kind,
        );
        assert_eq!(
            parse("a: 99999999999999999999\n")
                .unwrap()
                .get("a")
                .unwrap()
                .kind,
            Kind::Float(1e20)
        );
    }
}
