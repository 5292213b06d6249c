//! The baseline for batch throughput: the obvious serde_json loop. Each line is
//! deserialized into an owned struct, the cell looked up in a HashMap, and an answer
//! struct serialized, as a service author might write it in an afternoon.

use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};

use portrules::Rules;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Request {
    status: String,
    action: String,
    id: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct Answer<'a> {
    status: &'a str,
    action: &'a str,
    decision: &'a str,
    id: Option<serde_json::Value>,
}

/// `naive_batch [POLICY]`: the default built-in policy, or the one named.
fn main() -> std::io::Result<()> {
    let rules = match std::env::args().nth(1) {
        Some(name) => Rules::embedded_named(&name).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no built-in policy `{name}`"),
            )
        })?,
        None => Rules::embedded(),
    };
    let mut cells = HashMap::new();
    for s in rules.statuses.iter() {
        for (a, cell) in rules.actions.iter().zip(s.cells.iter()) {
            cells.insert((s.id.to_string(), a.id.to_string()), cell.decision.as_str());
        }
    }
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        match serde_json::from_str::<Request>(&line) {
            Ok(r) => {
                let decision = cells
                    .get(&(r.status.clone(), r.action.clone()))
                    .copied()
                    .unwrap_or("error");
                serde_json::to_writer(
                    &mut out,
                    &Answer {
                        status: &r.status,
                        action: &r.action,
                        decision,
                        id: r.id,
                    },
                )?;
                out.write_all(b"\n")?;
            }
            Err(e) => writeln!(out, "{{\"error\":{:?}}}", e.to_string())?,
        }
    }
    out.flush()
}
