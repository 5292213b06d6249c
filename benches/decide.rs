//! In-process cost of answering: `decide()` alone, name resolution plus `decide()`, and
//! one batch line (parse, look up, write the pre-rendered answer); on the default
//! policy and on the largest built-in one (Bandwidth's, 15 statuses × 5 actions), and a
//! batch line that names another built-in policy.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use portrules::batch::Answers;
use portrules::{Query, Rules};

fn bench(c: &mut Criterion) {
    let rules = Rules::embedded();
    let query = Query::parse(&rules, "transfer_approved", "edit", Some("foc_date"))
        .unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("decide", |b| {
        b.iter(|| black_box(&rules).decide(black_box(&query)).decision)
    });
    // A status with a time rule, asked without its fact: answers with a warning.
    let timed =
        Query::parse(&rules, "transfer_approved", "cancel", None).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("decide, time rule without its fact", |b| {
        b.iter(|| black_box(&rules).decide(black_box(&timed)).decision)
    });
    let plain = Query::parse(&rules, "processing", "view", None).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("decide, status without time rules", |b| {
        b.iter(|| black_box(&rules).decide(black_box(&plain)).decision)
    });
    c.bench_function("parse names + decide", |b| {
        b.iter(|| {
            let q = Query::parse(
                &rules,
                black_box("Transfer approved"),
                black_box("edit"),
                None,
            );
            q.map(|q| rules.decide(&q).decision)
        })
    });
    let answers = Answers::new(&rules);
    let clock = portrules::batch::Pinned(jiff::Timestamp::UNIX_EPOCH);
    let line = br#"{"status":"transfer_approved","action":"edit","field":"foc_date","id":12345}"#;
    let mut out = Vec::with_capacity(1024);
    c.bench_function("batch line", |b| {
        b.iter(|| {
            out.clear();
            answers.answer(1, black_box(line), &clock, &mut out);
            out.len()
        })
    });
    c.bench_function("embedded rules", |b| b.iter(Rules::embedded));

    // The largest built-in policy: a time rule at FOC, a guard at EXCEPTION.
    let largest = Rules::embedded_names()
        .filter_map(Rules::embedded_named)
        .max_by_key(|r| r.statuses.len() * r.actions.len())
        .unwrap_or_else(|| panic!("no built-in policy"));
    let mut foc =
        Query::parse(&largest, "FOC", "edit", Some("peer_id")).unwrap_or_else(|e| panic!("{e}"));
    foc = foc
        .with_fact(&largest, "foc_date", "2030-02-01T09:00:00Z")
        .unwrap_or_else(|e| panic!("{e}"));
    foc.now = Some(jiff::Timestamp::UNIX_EPOCH);
    c.bench_function("largest policy: decide, time rule with its fact", |b| {
        b.iter(|| black_box(&largest).decide(black_box(&foc)).decision)
    });
    let mut guarded =
        Query::parse(&largest, "EXCEPTION", "cancel", None).unwrap_or_else(|e| panic!("{e}"));
    guarded = guarded
        .with_fact(&largest, "sent_to_losing_carrier", "no")
        .unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("largest policy: decide, guarded move", |b| {
        b.iter(|| black_box(&largest).decide(black_box(&guarded)).leads_to)
    });
    let draft = Query::parse(&largest, "DRAFT", "delete", None).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("largest policy: decide, status without time rules", |b| {
        b.iter(|| black_box(&largest).decide(black_box(&draft)).decision)
    });
    let largest_answers = Answers::new(&largest);
    let line = br#"{"status":"SUBMITTED","action":"edit","field":"subscriber","id":12345}"#;
    c.bench_function("largest policy: batch line", |b| {
        b.iter(|| {
            out.clear();
            largest_answers.answer(1, black_box(line), &clock, &mut out);
            out.len()
        })
    });
    let name = largest.name.to_string();
    let line = format!(
        r#"{{"policy":"{name}","status":"SUBMITTED","action":"edit","field":"subscriber","id":12345}}"#
    );
    c.bench_function("batch line naming another policy", |b| {
        b.iter(|| {
            out.clear();
            answers.answer(1, black_box(line.as_bytes()), &clock, &mut out);
            out.len()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
