//! In-process cost of answering: `decide()` alone, name resolution plus `decide()`, and
//! one batch line (parse, look up, write the pre-rendered answer).

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
