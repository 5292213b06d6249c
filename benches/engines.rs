//! The same 1,000 mixed requests (the shipped policy's equivalence set, repeated and
//! shuffled: every status × action, fields, names by label, time rules at their
//! boundaries) answered three ways, side by side in one run: `Rules::decide` in
//! process, regorus on the exported OPA bundle, and cedar-policy on the exported
//! Cedar policies. Each engine gets its requests already in its own form, so the
//! figures are the cost of deciding. `cargo bench --bench engines`.

use std::hint::black_box;
use std::str::FromStr;

use cedar_policy::{
    Authorizer, Context, Entities, EntityUid, PolicyId, PolicySet, Request, Schema,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use portrules::export::cases::{Case, Expected, cases};
use portrules::export::{cedar, opa};
use portrules::{Query, Rules};

const REQUESTS: usize = 1000;

/// 1,000 requests that every engine can be asked: a declared field or none.
fn requests(rules: &Rules) -> Vec<Case> {
    let set: Vec<Case> = cases(rules)
        .into_iter()
        .filter(|c| !matches!(&c.expected, Expected::Refused(r) if r.starts_with("unknown field")))
        .collect();
    // A fixed stride through the set: mixed, and the same on every run.
    (0..REQUESTS)
        .map(|i| set[(i * 7919) % set.len()].clone())
        .collect()
}

fn query(rules: &Rules, case: &Case) -> Query {
    let ids = case
        .ids
        .as_ref()
        .unwrap_or_else(|| panic!("{}", case.title));
    let mut q = Query::parse(rules, &ids.status, &ids.action, ids.field.as_deref())
        .unwrap_or_else(|e| panic!("{e}"));
    for (k, v) in &ids.facts {
        q = q.with_fact(rules, k, v).unwrap_or_else(|e| panic!("{e}"));
    }
    if !ids.facts.is_empty() {
        q = q.at(portrules::export::cases::NOW_AT);
    }
    q
}

fn text(files: &[portrules::export::File], suffix: &str) -> String {
    let file = files
        .iter()
        .find(|f| f.path.ends_with(suffix))
        .unwrap_or_else(|| panic!("{suffix}"));
    String::from_utf8(file.bytes.clone()).unwrap_or_else(|e| panic!("{e}"))
}

fn bench(c: &mut Criterion) {
    let rules = Rules::embedded();
    let set = requests(&rules);
    let mut group = c.benchmark_group("1,000 mixed requests");
    group.throughput(Throughput::Elements(REQUESTS as u64));

    let queries: Vec<Query> = set.iter().map(|case| query(&rules, case)).collect();
    group.bench_function("portrules decide", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter(|q| black_box(&rules).decide(q).decision.permits())
                .count()
        })
    });

    let bundle = opa::bundle(&rules).unwrap_or_else(|e| panic!("{e}"));
    let mut engine = regorus::Engine::new();
    engine.set_strict_builtin_errors(false);
    engine
        .add_policy("policy.rego".into(), text(&bundle, "/policy.rego"))
        .unwrap_or_else(|e| panic!("{e}"));
    let data = format!(
        "{{\"portrules\": {{\"port_orders\": {}}}}}",
        text(&bundle, "/data.json")
    );
    engine
        .add_data(regorus::Value::from_json_str(&data).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    let inputs: Vec<regorus::Value> = set
        .iter()
        .map(|c| {
            regorus::Value::from_json_str(&c.request.to_string()).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    let rule = "data.portrules.port_orders.allow".to_string();
    group.bench_function("regorus, exported bundle", |b| {
        b.iter(|| {
            inputs
                .iter()
                .filter(|input| {
                    engine.set_input((*input).clone());
                    engine
                        .eval_rule(rule.clone())
                        .is_ok_and(|v| v == regorus::Value::Bool(true))
                })
                .count()
        })
    });

    let files = cedar::files(&rules).unwrap_or_else(|e| panic!("{e}"));
    let (schema, _) = Schema::from_cedarschema_str(&text(&files, ".cedarschema"))
        .unwrap_or_else(|e| panic!("{e}"));
    let parsed = PolicySet::from_str(&text(&files, ".cedar")).unwrap_or_else(|e| panic!("{e}"));
    let mut policies = PolicySet::new();
    for p in parsed.policies() {
        let id = p.annotation("id").unwrap_or_default().to_string();
        policies
            .add(p.new_id(PolicyId::new(id)))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let prepared: Vec<(Request, Entities)> = set
        .iter()
        .map(|case| {
            let (r, e) = cedar::request_json(&rules, case)
                .unwrap_or_else(|e| panic!("{e}"))
                .unwrap_or_else(|| panic!("{}", case.title));
            let action = EntityUid::from_str(r["action"].as_str().unwrap_or_default())
                .unwrap_or_else(|e| panic!("{e}"));
            let context = Context::from_json_value(r["context"].clone(), Some((&schema, &action)))
                .unwrap_or_else(|e| panic!("{e}"));
            let uid = |k: &str| {
                EntityUid::from_str(r[k].as_str().unwrap_or_default())
                    .unwrap_or_else(|e| panic!("{e}"))
            };
            let request = Request::new(
                uid("principal"),
                action,
                uid("resource"),
                context,
                Some(&schema),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            let entities =
                Entities::from_json_value(e, Some(&schema)).unwrap_or_else(|e| panic!("{e}"));
            (request, entities)
        })
        .collect();
    let authorizer = Authorizer::new();
    group.bench_function("cedar-policy, exported policies", |b| {
        b.iter(|| {
            prepared
                .iter()
                .filter(|(request, entities)| {
                    authorizer
                        .is_authorized(request, &policies, entities)
                        .decision()
                        == cedar_policy::Decision::Allow
                })
                .count()
        })
    });
    group.finish();

    // The three agree on these requests (the tests prove it on many more).
    let by_decide: Vec<bool> = queries
        .iter()
        .map(|q| rules.decide(q).decision.permits())
        .collect();
    let by_cedar: Vec<bool> = prepared
        .iter()
        .map(|(r, e)| {
            authorizer.is_authorized(r, &policies, e).decision() == cedar_policy::Decision::Allow
        })
        .collect();
    let expected: Vec<bool> = set.iter().map(|c| c.expected.allowed()).collect();
    assert_eq!(by_decide, expected);
    assert_eq!(by_cedar, expected);
}

criterion_group!(benches, bench);
criterion_main!(benches);
