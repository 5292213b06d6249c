//! Batch answering for services: JSON Lines in, one JSON line out per line in, in order.
//!
//! Every possible answer is rendered once, up front, so answering a request costs one
//! JSON parse (borrowing from the input line, no allocation), two table lookups and one
//! copy. Output is flushed whenever no further complete request is waiting, so a
//! co-process that writes one line and waits gets its answer at once, while bulk input
//! is still written in large blocks.
//!
//! Depends on the engine, the model and the loader's built-in policies (a request may
//! name one); never on the command line, which only hands it standard input and output.

mod clock;
mod names;
mod request;

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};

use crate::engine::Query;
use crate::load::entry::load_embedded_static;
use crate::model::embedded::POLICIES;
use crate::model::names::Suggester;
use crate::model::rules::{ActionId, FieldId, Rules, StatusId};
pub use clock::{Clock, Pinned, SystemClock};
use names::Names;
use request::{IdOnly, NAME_MARGIN, Request, echo_id, is_object, parse, shown};

/// Tables with more possible answers than this (statuses × actions × (fields + 1))
/// compute each answer when asked instead of rendering them all up front: a 10,000 ×
/// 64 table with two fields would hold 1.9 M answers, about a gigabyte.
const PRERENDER_UP_TO: usize = 100_000;

/// Default longest request line, in bytes.
pub const DEFAULT_MAX_LINE: usize = 1024 * 1024;

/// Every answer, pre-rendered as a JSON object without its closing brace.
pub struct Answers<'r> {
    rules: &'r Rules,
    statuses: Names,
    actions: Names,
    fields: Names,
    /// `[status][action][field + 1]`, flattened; field slot 0 is "no field". Empty for
    /// tables larger than [`PRERENDER_UP_TO`], whose answers are computed per request.
    rendered: Vec<String>,
    /// The prepared answers that are refusals instead (a fact the rules need is
    /// missing, `if_missing: error`), by index into `rendered`, with their message.
    refused: HashMap<usize, String>,
    /// Whether each prepared answer is in `refused`, looked up per request.
    refused_at: Vec<bool>,
    /// Names longer than this match nothing and get no suggestion: comparing a
    /// megabyte-long name with every status would cost seconds.
    longest_name: usize,
    /// Suggestions for misspelt statuses, actions and fields, prepared at the first.
    suggesters: [std::cell::OnceCell<Suggester<'r>>; 3],
    /// The built-in policies a request names with `"policy"`, by their place in
    /// [`POLICIES`], each prepared at its first request; empty in the answers of such
    /// a policy (they are asked directly).
    policies: Box<[std::cell::OnceCell<Result<Answers<'static>, String>>]>,
}

impl<'r> Answers<'r> {
    /// Renders every answer of `rules`, for callers that bring their own lines (an
    /// in-process queue, a socket) instead of a reader.
    ///
    /// ```
    /// use portrules::batch::{Answers, Pinned};
    /// let rules = portrules::Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
    /// let answers = Answers::new(&rules);
    /// let mut out = Vec::new();
    /// let clock = Pinned(jiff::Timestamp::UNIX_EPOCH);
    /// answers.answer(1, br#"{"status": "locked", "action": "view", "id": 7}"#, &clock, &mut out);
    /// let answer: serde_json::Value = serde_json::from_slice(&out)?;
    /// assert_eq!((answer["id"].as_u64(), answer["decision"].as_str()), (Some(7), Some("allow")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(rules: &'r Rules) -> Answers<'r> {
        let mut answers = Answers::prepare(rules);
        answers.policies = POLICIES.iter().map(|_| Default::default()).collect();
        answers
    }

    /// The answers of `rules` alone, without the built-in policies beside them.
    fn prepare(rules: &'r Rules) -> Answers<'r> {
        let mut rendered = Vec::new();
        let mut refused = HashMap::new();
        let mut refused_at = Vec::new();
        let answers = rules.statuses.len() * rules.actions.len() * (rules.fields.len() + 1);
        let statuses = if answers <= PRERENDER_UP_TO {
            rules.statuses.len()
        } else {
            0
        };
        for s in 0..statuses {
            for a in 0..rules.actions.len() {
                for f in 0..=rules.fields.len() {
                    let query = Query {
                        status: StatusId(s),
                        action: ActionId(a),
                        field: f.checked_sub(1).map(FieldId),
                        facts: Vec::new(),
                        now: None,
                    };
                    let decision = rules.decide(&query);
                    refused_at.push(false);
                    if let Some(message) = refusal(&decision) {
                        refused.insert(rendered.len(), message);
                        refused_at[rendered.len()] = true;
                    }
                    let mut json = serde_json::to_string(&decision).unwrap_or_default();
                    json.pop(); // the closing brace, so an id can be appended
                    rendered.push(json);
                }
            }
        }
        let longest_name = (rules.statuses.iter().flat_map(|s| [&s.id, &s.label]))
            .chain(rules.actions.iter().flat_map(|a| [&a.id, &a.label]))
            .chain(rules.fields.iter().flat_map(|f| [&f.id, &f.label]))
            .chain(rules.facts.iter().flat_map(|f| [&f.id, &f.label]))
            .map(|n| n.len())
            .max()
            .unwrap_or(0);
        Answers {
            rules,
            statuses: Names::new(rules.statuses.iter().map(|s| (&s.id[..], &s.label[..]))),
            actions: Names::new(rules.actions.iter().map(|a| (&a.id[..], &a.label[..]))),
            fields: Names::new(rules.fields.iter().map(|f| (&f.id[..], &f.label[..]))),
            rendered,
            refused,
            refused_at,
            longest_name,
            suggesters: Default::default(),
            policies: Box::new([]),
        }
    }

    /// Answers one request line (without its line ending) into `out`; requests without
    /// a `now` of their own that need the time read it from `clock`.
    pub fn answer(&self, line_no: u64, line: &[u8], clock: &dyn Clock, out: &mut Vec<u8>) {
        let (result, id) = match parse(line) {
            Ok(request) => {
                let id = request.id;
                let result = match &request.policy {
                    None => self.resolve(request, clock),
                    Some(name) => match self.policy(name) {
                        Ok(other) => other.resolve(request, clock),
                        Err(message) => Err(message),
                    },
                };
                (result, id)
            }
            Err(message) => {
                // The request did not parse; its id may still be readable.
                let id = is_object(line)
                    .then(|| serde_json::from_slice::<IdOnly<'_>>(line).ok())
                    .flatten()
                    .and_then(|r| r.id);
                (Err(message), id)
            }
        };
        let echoed = id.map(echo_id);
        match (result, echoed) {
            (Ok(answer), echoed @ (None | Some(Ok(_)))) => {
                match &answer {
                    Answer::Prepared(json) => out.extend_from_slice(json.as_bytes()),
                    Answer::Computed(json) => out.extend_from_slice(json.as_bytes()),
                }
                if let Some(Ok(id)) = echoed {
                    out.extend_from_slice(b",\"id\":");
                    out.extend_from_slice(id.as_bytes());
                }
                out.extend_from_slice(b"}\n");
            }
            (Err(message), Some(Ok(id))) => error_line(out, line_no, Some(&id), &message),
            (Err(message), None) => error_line(out, line_no, None, &message),
            (_, Some(Err(message))) => error_line(out, line_no, None, &message),
        }
    }

    /// The answer to `request` from these rules. A prepared answer is borrowed from
    /// them, so that it cannot be read from another policy's table.
    fn resolve(&self, request: Request<'_>, clock: &dyn Clock) -> Result<Answer<'_>, String> {
        let status = request.status.ok_or("missing `status`")?;
        let action = request.action.ok_or("missing `action`")?;
        let s = self.find(&self.statuses, "status", &status)?;
        let a = self.find(&self.actions, "action", &action)?;
        let f = match &request.field {
            None => 0,
            Some(field) => self.find(&self.fields, "field", field)? + 1,
        };
        if request.facts.is_none() && request.now.is_none() && !self.rendered.is_empty() {
            let rules = self.rules;
            let per_status = rules.actions.len() * (rules.fields.len() + 1);
            let index = s * per_status + a * (rules.fields.len() + 1) + f;
            if self.refused_at[index] {
                return Err(self.refused.get(&index).cloned().unwrap_or_default());
            }
            return Ok(Answer::Prepared(&self.rendered[index]));
        }
        // Facts make the answer depend on the order: compute it.
        let rules = self.rules;
        let mut query = Query {
            status: StatusId(s),
            action: ActionId(a),
            field: f.checked_sub(1).map(FieldId),
            facts: Vec::new(),
            now: None,
        };
        for (name, value) in request.facts.iter().flat_map(|f| &f.0) {
            if name.len() > self.longest_name + NAME_MARGIN {
                return Err(format!("unknown fact {}", shown(name)));
            }
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            query = query
                .with_fact(rules, name, &text)
                .map_err(|e| e.to_string())?;
        }
        query.now = match &request.now {
            Some(now) => Some(now.parse().map_err(|_| {
                format!(
                    "`now` is not a date and time: {}; write it in RFC 3339",
                    shown(now)
                )
            })?),
            // Answered as a prepared answer would be: without facts the time is moot.
            None if request.facts.is_none() => None,
            None => Some(clock.now()),
        };
        let decision = rules.decide(&query);
        if let Some(message) = refusal(&decision) {
            return Err(message);
        }
        let mut json = serde_json::to_string(&decision).map_err(|e| e.to_string())?;
        json.pop();
        Ok(Answer::Computed(json))
    }

    /// The answers of the built-in policy `name`, prepared at its first request.
    fn policy(&self, name: &str) -> Result<&Answers<'static>, String> {
        let Some(index) = POLICIES.iter().position(|p| p.name == name) else {
            let names = POLICIES.iter().map(|p| p.name);
            let known = names.clone().collect::<Vec<_>>().join("`, `");
            return Err(match crate::model::names::suggest(name, names) {
                Some(near) => format!("unknown policy {}: did you mean `{near}`?", shown(name)),
                None => format!(
                    "unknown policy {}; built-in policies: `{known}`",
                    shown(name)
                ),
            });
        };
        let Some(slot) = self.policies.get(index) else {
            // The answers of a built-in policy, asked directly, have no others.
            return Err(format!("unknown policy {}", shown(name)));
        };
        let prepared = slot.get_or_init(|| {
            (load_embedded_static(&POLICIES[index]))
                .map(Answers::prepare)
                .map_err(|e| format!("the built-in policy `{name}` is invalid: {}", e.render()))
        });
        prepared.as_ref().map_err(Clone::clone)
    }

    /// The index of `name` among `names`, or the error line's message.
    fn find(&self, names: &Names, kind: &'static str, name: &str) -> Result<usize, String> {
        if let Some(i) = names.find(name) {
            return Ok(i);
        }
        if name.len() > self.longest_name + NAME_MARGIN {
            return Err(format!("unknown {kind} {}", shown(name)));
        }
        // `names` found nothing, so only the suggestion is left to work out, from
        // candidates prepared at the first miss.
        let rules: &'r Rules = self.rules;
        let slot = match kind {
            "status" => 0,
            "action" => 1,
            _ => 2,
        };
        let suggester = self.suggesters[slot].get_or_init(|| {
            // Labels first, as `Rules::status` offers them: words get words back.
            let spellings: Vec<&'r str> = match slot {
                0 => (rules.statuses.iter())
                    .flat_map(|s| [&s.label[..], &s.id[..]])
                    .collect(),
                1 => (rules.actions.iter())
                    .flat_map(|a| [&a.label[..], &a.id[..]])
                    .collect(),
                _ => (rules.fields.iter())
                    .flat_map(|f| [&f.label[..], &f.id[..]])
                    .collect(),
            };
            Suggester::new(spellings)
        });
        Err(match suggester.suggest(name) {
            Some(s) => format!("unknown {kind} `{name}`: did you mean `{s}`?"),
            None => format!("unknown {kind} `{name}`"),
        })
    }
}

/// The error line's message for a decision the rules refuse to give without a fact.
fn refusal(decision: &crate::engine::Decision<'_>) -> Option<String> {
    let fact = decision.required_fact()?;
    Some(format!(
        "cannot answer {} × {}: {}; give it in `\"facts\": {{\"{}\": ...}}`",
        decision.status_label,
        decision.action_label,
        decision.reason_text(),
        fact.id
    ))
}

/// `{"line": N, "id"?: ..., "error": "..."}`.
fn error_line(out: &mut Vec<u8>, line_no: u64, id: Option<&str>, message: &str) {
    out.extend_from_slice(b"{\"line\":");
    out.extend_from_slice(line_no.to_string().as_bytes());
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        out.extend_from_slice(id.as_bytes());
    }
    out.extend_from_slice(b",\"error\":");
    // Serializing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, message);
    out.extend_from_slice(b"}\n");
}

/// An answer ready to write: prepared once, or computed for a request with facts.
enum Answer<'a> {
    Prepared(&'a str),
    Computed(String),
}

/// Answers every line of `input` into `output`, reading lines of at most `max_line`
/// bytes: a longer one is skipped to its end without being kept, and answered with an
/// error line. Returns how many lines were answered; fails only when reading or
/// writing fails.
///
/// ```
/// use portrules::batch::{self, Pinned};
/// let rules = portrules::Rules::from_yaml_str(include_str!("../../examples/due-date.yaml"))?;
/// let input = br#"{"status": "approved", "action": "cancel", "facts": {"due": "2026-06-01T12:00:00Z"}}
/// {"status": "approved", "action": "fly"}
/// "#;
/// let mut output = Vec::new();
/// let clock = Pinned("2026-06-01T00:00:00Z".parse()?);
/// let mut input = std::io::BufReader::new(&input[..]);
/// let answered = batch::run(&rules, &clock, batch::DEFAULT_MAX_LINE, &mut input, &mut output)?;
/// assert_eq!(answered, 2);
/// let lines: Vec<serde_json::Value> = output
///     .split(|b| *b == b'\n')
///     .filter(|l| !l.is_empty())
///     .map(serde_json::from_slice)
///     .collect::<Result<_, _>>()?;
/// assert_eq!(lines[0]["decision"], "deny");
/// assert!(lines[1]["error"].as_str().unwrap().contains("unknown action"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run<R: Read, W: Write + ?Sized>(
    rules: &Rules,
    clock: &dyn Clock,
    max_line: usize,
    input: &mut BufReader<R>,
    output: &mut W,
) -> io::Result<u64> {
    let answers = Answers::new(rules);
    let mut line = Vec::with_capacity(256);
    let mut out = Vec::with_capacity(64 * 1024);
    let mut line_no = 0;
    loop {
        line.clear();
        let (read, too_long) = read_line(input, &mut line, max_line)?;
        if read == 0 {
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
        if too_long || body.len() > max_line {
            let message = format!(
                "the line is longer than the limit of {max_line} bytes, so it was skipped unread; requests are small (raise the limit with `--max-line BYTES`)"
            );
            error_line(&mut out, line_no, None, &message);
        } else {
            answers.answer(line_no, body, clock, &mut out);
        }
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

/// Reads one line, line ending included, into `line`: at most `max + 2` bytes of it
/// (room for `\r\n`). Returns how many bytes the line had and whether it was longer
/// than that, in which case `line` is left empty and the rest was read past without
/// being kept.
fn read_line<R: Read>(
    input: &mut BufReader<R>,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    let limit = max.saturating_add(2);
    // `read_until` finds the line end with the standard library's fast byte search;
    // `take` keeps it from buffering more than the limit.
    let read = (&mut *input)
        .take(u64::try_from(limit).unwrap_or(u64::MAX))
        .read_until(b'\n', line)?;
    if read < limit || line.ends_with(b"\n") {
        return Ok((read, false));
    }
    line.clear();
    let rest = input.skip_until(b'\n')?;
    Ok((read + rest, true))
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use serde_json::value::RawValue;
    use std::io::BufReader;

    use super::*;

    /// A clock that moves on by `step` each time it is read: a co-process that runs
    /// for a while, without sleeping.
    struct Moving {
        now: Cell<jiff::Timestamp>,
        step: jiff::SignedDuration,
    }

    impl Clock for Moving {
        fn now(&self) -> jiff::Timestamp {
            let now = self.now.get();
            self.now.set(now + self.step);
            now
        }
    }

    fn rules() -> Rules {
        let text = include_str!("../../examples/due-date.yaml");
        crate::load::from_str(text, "due-date.yaml", &Default::default())
            .map(|l| l.rules)
            .unwrap_or_else(|e| panic!("{}", e.render()))
    }

    fn answers(clock: &dyn Clock, input: &str) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        let mut reader = BufReader::new(input.as_bytes());
        run(&rules(), clock, DEFAULT_MAX_LINE, &mut reader, &mut out).unwrap();
        (String::from_utf8(out).unwrap().lines())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn a_long_running_batch_answers_each_request_at_its_own_time() {
        let start: jiff::Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();
        // Due 24 h and 3 s after the start: unlocked at first, locked 6 s later.
        let request = "{\"status\":\"approved\",\"action\":\"cancel\",\"facts\":{\"due\":\"2026-06-02T00:00:03Z\"}}\n";
        let clock = Moving {
            now: Cell::new(start),
            step: jiff::SignedDuration::from_secs(6),
        };
        let got = answers(&clock, &request.repeat(2));
        assert_eq!(got[0]["decision"], "allow", "{}", got[0]);
        assert_eq!(got[1]["decision"], "deny", "the clock moved: {}", got[1]);
        assert_eq!(got[1]["effective_status"], "locked");

        // A request's own `now` and a pinned clock are not moved.
        let pinned = Pinned(start);
        let got = answers(&pinned, &request.repeat(2));
        assert_eq!(
            (&got[0]["decision"], &got[1]["decision"]),
            (&"allow".into(), &"allow".into())
        );
        let own = request.replace("}}\n", "},\"now\":\"2026-06-01T00:00:00Z\"}\n");
        let got = answers(&clock, &own.repeat(3));
        assert!(got.iter().all(|a| a["decision"] == "allow"), "{got:?}");
    }

    #[test]
    fn ids_keep_their_own_digits_and_lose_only_white_space() {
        for (raw, echoed) in [
            ("1.0", "1.0"),
            ("1.00000000000000001", "1.00000000000000001"),
            ("1e2", "1e2"),
            ("[1,\r 2]", "[1,2]"),
            ("{\"a b\" : \" x \\\" \"}", "{\"a b\":\" x \\\" \"}"),
        ] {
            let value: &RawValue = serde_json::from_str(raw).unwrap();
            assert_eq!(echo_id(value).unwrap(), echoed, "{raw}");
        }
    }

    #[test]
    fn requests_without_facts_do_not_read_the_clock() {
        let clock = Moving {
            now: Cell::new("2026-06-01T00:00:00Z".parse().unwrap()),
            step: jiff::SignedDuration::from_secs(1),
        };
        let start = clock.now.get();
        answers(&clock, "{\"status\":\"approved\",\"action\":\"view\"}\n");
        assert_eq!(clock.now.get(), start);
    }
}
