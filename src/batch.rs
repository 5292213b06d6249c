//! Batch answering for services: JSON Lines in, one JSON line out per line in, in order.
//!
//! Every possible answer is rendered once, up front, so answering a request costs one
//! JSON parse (borrowing from the input line, no allocation), two table lookups and one
//! copy. Output is flushed whenever no further complete request is waiting, so a
//! co-process that writes one line and waits gets its answer at once, while bulk input
//! is still written in large blocks.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::engine::Query;
use crate::names::normalize;
use crate::rules::{ActionId, FieldId, Rules, StatusId};

/// One request line.
#[derive(Deserialize)]
struct Request<'a> {
    #[serde(borrow)]
    status: Option<Cow<'a, str>>,
    #[serde(borrow)]
    action: Option<Cow<'a, str>>,
    #[serde(borrow)]
    field: Option<Cow<'a, str>>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    /// Facts about the order, for time rules: `{"foc_date": "2026-11-27T09:00:00Z"}`.
    facts: Option<serde_json::Map<String, serde_json::Value>>,
    /// The time to answer at (RFC 3339); default: now.
    #[serde(borrow)]
    now: Option<Cow<'a, str>>,
}

/// Only the id, to echo it on lines whose request is otherwise unusable.
#[derive(Deserialize)]
struct IdOnly<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
}

/// Names to ids: exact spellings first (ids and labels as written), then the
/// normalized form, which costs an allocation and is only needed for odd spellings.
struct Names {
    /// Exact spellings, scanned in order: for the handful of names a real policy has,
    /// comparing a few short strings beats hashing one.
    few: Vec<(String, usize)>,
    exact: HashMap<String, usize>,
    normalized: HashMap<String, usize>,
}

/// Up to this many spellings, [`Names`] scans instead of hashing.
const SCAN_LIMIT: usize = 32;

impl Names {
    fn new<'a>(entries: impl Iterator<Item = (&'a str, &'a str)>) -> Names {
        let mut exact = HashMap::new();
        let mut normalized = HashMap::new();
        let mut few = Vec::new();
        for (i, (id, label)) in entries.enumerate() {
            few.push((id.to_string(), i));
            few.push((label.to_string(), i));
            exact.entry(id.to_string()).or_insert(i);
            exact.entry(label.to_string()).or_insert(i);
            normalized.entry(normalize(id)).or_insert(i);
            normalized.entry(normalize(label)).or_insert(i);
        }
        if few.len() > SCAN_LIMIT {
            few.clear();
        }
        Names {
            few,
            exact,
            normalized,
        }
    }

    fn find(&self, name: &str) -> Option<usize> {
        let exact = if self.few.is_empty() {
            self.exact.get(name).copied()
        } else {
            self.few.iter().find(|(n, _)| n == name).map(|(_, i)| *i)
        };
        exact.or_else(|| self.normalized.get(&normalize(name)).copied())
    }
}

/// Every answer, pre-rendered as a JSON object without its closing brace.
pub struct Answers<'r> {
    rules: &'r Rules,
    statuses: Names,
    actions: Names,
    fields: Names,
    /// `[status][action][field + 1]`, flattened; field slot 0 is "no field".
    rendered: Vec<String>,
    /// The time requests with facts but no `now` are answered at.
    now: jiff::Timestamp,
}

impl<'r> Answers<'r> {
    /// Renders every answer of `rules`; requests with facts and no `now` of their own
    /// are answered at `now`.
    pub fn new(rules: &'r Rules, now: jiff::Timestamp) -> Answers<'r> {
        let mut rendered = Vec::new();
        for s in 0..rules.statuses.len() {
            for a in 0..rules.actions.len() {
                for f in 0..=rules.fields.len() {
                    let query = Query {
                        status: StatusId(s),
                        action: ActionId(a),
                        field: f.checked_sub(1).map(FieldId),
                        facts: Vec::new(),
                        now: None,
                    };
                    let mut json = serde_json::to_string(&rules.decide(&query)).unwrap_or_default();
                    json.pop(); // the closing brace, so an id can be appended
                    rendered.push(json);
                }
            }
        }
        Answers {
            rules,
            statuses: Names::new(rules.statuses.iter().map(|s| (&s.id[..], &s.label[..]))),
            actions: Names::new(rules.actions.iter().map(|a| (&a.id[..], &a.label[..]))),
            fields: Names::new(rules.fields.iter().map(|f| (&f.id[..], &f.label[..]))),
            rendered,
            now,
        }
    }

    /// Answers one request line (without its line ending) into `out`.
    pub fn answer(&self, line_no: u64, line: &[u8], out: &mut Vec<u8>) {
        match self.resolve(line) {
            Ok((answer, id)) => {
                match &answer {
                    Answer::Prepared(index) => {
                        out.extend_from_slice(self.rendered[*index].as_bytes())
                    }
                    Answer::Computed(json) => out.extend_from_slice(json.as_bytes()),
                }
                if let Some(id) = id {
                    out.extend_from_slice(b",\"id\":");
                    out.extend_from_slice(id.get().as_bytes());
                }
                out.extend_from_slice(b"}\n");
            }
            Err(message) => {
                let id = serde_json::from_slice::<IdOnly<'_>>(line)
                    .ok()
                    .and_then(|r| r.id);
                out.extend_from_slice(b"{\"line\":");
                out.extend_from_slice(line_no.to_string().as_bytes());
                if let Some(id) = id {
                    out.extend_from_slice(b",\"id\":");
                    out.extend_from_slice(id.get().as_bytes());
                }
                out.extend_from_slice(b",\"error\":");
                // Serializing a string into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *out, &message);
                out.extend_from_slice(b"}\n");
            }
        }
    }

    fn resolve<'l>(&self, line: &'l [u8]) -> Result<(Answer, Option<&'l RawValue>), String> {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Err("empty line: expected a JSON object such as {\"status\": \"error\", \"action\": \"view\"}".into());
        }
        // One UTF-8 check for the whole line; parsing from `str` then skips it per string.
        let line = std::str::from_utf8(line).map_err(|_| "the line is not UTF-8 text")?;
        let request: Request<'l> =
            serde_json::from_str(line).map_err(|e| format!("not a JSON request object: {e}"))?;
        let status = request.status.ok_or("missing `status`")?;
        let action = request.action.ok_or("missing `action`")?;
        let rules = self.rules;
        let s = self
            .statuses
            .find(&status)
            .ok_or_else(|| unknown(rules.status(&status).err(), "status", &status))?;
        let a = self
            .actions
            .find(&action)
            .ok_or_else(|| unknown(rules.action(&action).err(), "action", &action))?;
        let f = match &request.field {
            None => 0,
            Some(field) => {
                self.fields
                    .find(field)
                    .ok_or_else(|| unknown(rules.field(field).err(), "field", field))?
                    + 1
            }
        };
        if request.facts.is_none() && request.now.is_none() {
            let per_status = rules.actions.len() * (rules.fields.len() + 1);
            let index = s * per_status + a * (rules.fields.len() + 1) + f;
            return Ok((Answer::Prepared(index), request.id));
        }
        // Facts make the answer depend on the order: compute it.
        let mut query = Query {
            status: StatusId(s),
            action: ActionId(a),
            field: f.checked_sub(1).map(FieldId),
            facts: Vec::new(),
            now: None,
        };
        for (name, value) in request.facts.iter().flatten() {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            query = query
                .with_fact(rules, name, &text)
                .map_err(|e| e.to_string())?;
        }
        query.now = Some(match &request.now {
            Some(now) => now.parse().map_err(|_| {
                format!("`now` is not a date and time: `{now}`; write it in RFC 3339")
            })?,
            None => self.now,
        });
        let mut json = serde_json::to_string(&rules.decide(&query)).map_err(|e| e.to_string())?;
        json.pop();
        Ok((Answer::Computed(json), request.id))
    }
}

/// An answer ready to write: prepared once, or computed for a request with facts.
enum Answer {
    Prepared(usize),
    Computed(String),
}

fn unknown(err: Option<crate::rules::UnknownName>, kind: &str, name: &str) -> String {
    err.map_or_else(|| format!("unknown {kind} `{name}`"), |e| e.to_string())
}

/// Answers every line of `input` into `output`. Returns how many lines were answered;
/// fails only when reading or writing fails.
pub fn run<R: Read, W: Write + ?Sized>(
    rules: &Rules,
    now: jiff::Timestamp,
    input: &mut BufReader<R>,
    output: &mut W,
) -> io::Result<u64> {
    let answers = Answers::new(rules, now);
    let mut line = Vec::with_capacity(256);
    let mut out = Vec::with_capacity(64 * 1024);
    let mut line_no = 0;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        line_no += 1;
        let mut body = line.as_slice();
        if let Some(rest) = body.strip_suffix(b"\n") {
            body = rest;
        }
        if let Some(rest) = body.strip_suffix(b"\r") {
            body = rest;
        }
        answers.answer(line_no, body, &mut out);
        // Write in large blocks while more input is ready; flush before we might wait.
        // `buffer()` looks at what was already read, so it never blocks.
        let more_waiting = input.buffer().contains(&b'\n');
        if out.len() >= 60 * 1024 || !more_waiting {
            output.write_all(&out)?;
            out.clear();
            if !more_waiting {
                output.flush()?;
            }
        }
    }
    output.write_all(&out)?;
    output.flush()?;
    Ok(line_no)
}
