//! The equivalence set as Cedar requests: a case's principal, action, resource and
//! context, its entities, and `<name>.tests.json` in the format of `cedar run-tests`.
//! Depends on the model and the equivalence set.

use jiff::Timestamp;
use serde_json::{Value, json};

use super::{ADMIN, NAMESPACE, ORDER, cedar_datetime, quoted};
use crate::export::ExportError;
use crate::export::cases::Case;
use crate::model::lifecycle::FactType;
use crate::model::rules::Rules;

/// A case's request and entities as Cedar JSON, or `None` when the case names a status
/// or action that does not exist (Cedar cannot even form such a request).
pub fn request_json(rules: &Rules, case: &Case) -> Result<Option<(Value, Value)>, ExportError> {
    let Some(ids) = &case.ids else {
        return Ok(None);
    };
    let now = crate::export::cases::NOW_AT;
    let datetime = |t: Timestamp| -> Result<Value, ExportError> {
        Ok(json!({ "__extn": { "fn": "datetime", "arg": cedar_datetime(rules, t)? } }))
    };
    let mut context = serde_json::Map::new();
    context.insert("now".into(), datetime(now)?);
    if let Some(f) = &ids.field {
        context.insert("field".into(), f.as_str().into());
    }
    let mut attrs = serde_json::Map::new();
    attrs.insert(
        "status".into(),
        json!({ "__entity": { "type": format!("{NAMESPACE}::Status"), "id": ids.status } }),
    );
    for (name, value) in &ids.facts {
        let Some(decl) = rules.facts.iter().find(|f| {
            crate::model::names::same(&f.id, name) || crate::model::names::same(&f.label, name)
        }) else {
            return Ok(None);
        };
        let v = match decl.kind {
            FactType::Datetime => match value.trim().parse::<Timestamp>() {
                Ok(t) => datetime(t)?,
                Err(_) => return Ok(None),
            },
            _ => Value::String(value.trim().to_string()),
        };
        attrs.insert(decl.id.to_string(), v);
    }
    let request = json!({
        "principal": format!("{NAMESPACE}::Admin::{}", quoted(ADMIN)),
        "action": format!("{NAMESPACE}::Action::{}", quoted(&ids.action)),
        "resource": format!("{NAMESPACE}::Order::{}", quoted(ORDER)),
        "context": Value::Object(context),
    });
    let entities = json!([
        { "uid": { "type": format!("{NAMESPACE}::Admin"), "id": ADMIN }, "attrs": {}, "parents": [] },
        { "uid": { "type": format!("{NAMESPACE}::Order"), "id": ORDER }, "attrs": Value::Object(attrs), "parents": [] },
    ]);
    Ok(Some((request, entities)))
}

/// `<name>.tests.json`: the equivalence set as `cedar run-tests` reads it. Cases that
/// name no status or action are left out: Cedar refuses such requests before deciding.
pub fn tests(rules: &Rules, cases: &[Case]) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    for case in cases {
        let Some((request, entities)) = request_json(rules, case)? else {
            continue;
        };
        out.push(json!({
            "name": case.title,
            "request": request,
            "entities": entities,
            "decision": if case.expected.allowed() { "allow" } else { "deny" },
            "reason": [],
            "num_errors": 0,
        }));
    }
    Ok(crate::export::pretty(&Value::Array(out)))
}
