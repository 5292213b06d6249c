//! A time rule's condition in Cedar: `resource["fact"] < context.now.offset(...)`, a
//! datetime or text literal, and each way a path can have found it. Refuses what Cedar
//! compares otherwise than portrules. Depends on the model.

use jiff::Timestamp;

use super::paths::Literal;
use super::quoted;
use crate::export::ExportError;
use crate::model::lifecycle::{Condition, FactType, Op, Operand};
use crate::model::rules::Rules;

/// `context.now` shifted, or a fixed value, as Cedar writes it.
pub(super) fn operand(rules: &Rules, cond: &Condition) -> Result<String, ExportError> {
    match &cond.operand {
        Operand::Now(shift) => {
            let ms = shift.as_millis();
            if i128::from(shift.as_nanos() as i64) != shift.as_nanos()
                || shift.as_nanos() % 1_000_000 != 0
            {
                return Err(ExportError::new(
                    rules,
                    "Cedar",
                    format!(
                        "the time rule on `{}` shifts by less than a millisecond",
                        cond.fact
                    ),
                ));
            }
            Ok(format!("context.now.offset(duration(\"{ms}ms\"))"))
        }
        Operand::Value(v) => {
            let kind = rules
                .facts
                .iter()
                .find(|f| f.id == cond.fact)
                .map(|f| f.kind);
            match kind {
                Some(FactType::Datetime) => {
                    let t: Timestamp = v.trim().parse().map_err(|_| {
                        ExportError::new(rules, "Cedar", format!("`{v}` is not a date and time"))
                    })?;
                    Ok(format!("datetime({})", quoted(&cedar_datetime(rules, t)?)))
                }
                Some(FactType::String) => Ok(quoted(v.trim())),
                _ => Err(ExportError::new(
                    rules,
                    "Cedar",
                    format!("fact `{}` has a type Cedar cannot compare", cond.fact),
                )),
            }
        }
    }
}

/// A time as Cedar's `datetime` reads it: milliseconds at most, UTC.
pub(crate) fn cedar_datetime(rules: &Rules, t: Timestamp) -> Result<String, ExportError> {
    if t.subsec_nanosecond() % 1_000_000 != 0 {
        return Err(ExportError::new(
            rules,
            "Cedar",
            format!("{t} is more precise than a millisecond"),
        ));
    }
    let text = t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    if text.len() != 24 {
        return Err(ExportError::new(
            rules,
            "Cedar",
            format!("{t} is outside the years 0000 to 9999"),
        ));
    }
    Ok(text)
}

pub(super) fn condition(rules: &Rules, cond: &Condition) -> Result<String, ExportError> {
    let kind = rules
        .facts
        .iter()
        .find(|f| f.id == cond.fact)
        .map(|f| f.kind);
    if matches!(kind, Some(FactType::String)) && !matches!(cond.op, Op::Eq | Op::Ne) {
        return Err(ExportError::new(
            rules,
            "Cedar",
            format!(
                "the time rule on `{}` orders text, which Cedar cannot do",
                cond.fact
            ),
        ));
    }
    Ok(format!(
        "resource[{}] {} {}",
        quoted(&cond.fact),
        match cond.op {
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Eq => "==",
            Op::Ne => "!=",
        },
        operand(rules, cond)?
    ))
}

pub(super) fn literal(rules: &Rules, l: &Literal<'_>) -> Result<String, ExportError> {
    Ok(match l {
        Literal::Holds(c) => format!(
            "resource has {} && {}",
            quoted(&c.fact),
            condition(rules, c)?
        ),
        Literal::Fails(c) => format!(
            "resource has {} && !({})",
            quoted(&c.fact),
            condition(rules, c)?
        ),
        Literal::Missing(f) => format!("!(resource has {})", quoted(f)),
        Literal::NotHolds(c) => format!(
            "!(resource has {} && {})",
            quoted(&c.fact),
            condition(rules, c)?
        ),
    })
}
