//! Exporting a policy to the engines that fleets already run: Open Policy Agent (a
//! bundle of Rego code and the table as data) and Cedar (a schema, policies and
//! tests). Each export carries the equivalence set ([`cases`]): requests with the
//! answers portrules' own engine gives, as tests the target engine runs.
//!
//! An export is a list of files with fixed names, order and bytes, so that two runs
//! (and two machines) give the same artefact, and a committed copy can be checked.
//! What an engine cannot say the same way is refused with a reason, never
//! approximated. Depends on the model and the engine; writing the files is the
//! command line's job.

pub mod cases;
pub mod cedar;
pub mod opa;

use crate::model::rules::Rules;

/// One file of an export: a path relative to the export's root, and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Path, with `/` between folders.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Why a policy cannot be exported to an engine.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot export `{policy}` to {engine}: {reason}")]
pub struct ExportError {
    /// The policy's name.
    pub policy: String,
    /// `OPA` or `Cedar`.
    pub engine: &'static str,
    /// What the engine cannot express, in words.
    pub reason: String,
}

impl ExportError {
    fn new(rules: &Rules, engine: &'static str, reason: impl Into<String>) -> ExportError {
        ExportError {
            policy: rules.name.to_string(),
            engine,
            reason: reason.into(),
        }
    }
}

/// The policy's name as one segment of a Rego package or a file name: `port-orders`
/// becomes `port_orders`. Names are lowercase letters, digits and dashes (the schema
/// says so), so the result is always an identifier.
pub fn package_segment(rules: &Rules) -> String {
    rules.name.replace('-', "_")
}

/// The longest chain of time rules an order can follow from any status, or `None`
/// when time rules form a cycle (an order would move on forever).
pub(crate) fn time_rule_depth(rules: &Rules) -> Option<usize> {
    use crate::model::lifecycle::Trigger;
    // Depth-first, memoized: 0 = not seen, 1 = on the path, 2 = done.
    fn visit(rules: &Rules, s: usize, state: &mut [u8], depth: &mut [usize]) -> Option<usize> {
        match state[s] {
            1 => return None,
            2 => return Some(depth[s]),
            _ => {}
        }
        state[s] = 1;
        let mut best = 0;
        for t in rules.statuses[s].transitions.iter() {
            if !matches!(t.trigger, Trigger::When(_)) {
                continue;
            }
            if let Some(next) = rules.status_index(&t.to) {
                best = best.max(1 + visit(rules, next.0, state, depth)?);
            }
        }
        state[s] = 2;
        depth[s] = best;
        Some(best)
    }
    let n = rules.statuses.len();
    let (mut state, mut depth) = (vec![0u8; n], vec![0usize; n]);
    let mut deepest = 0;
    for s in 0..n {
        deepest = deepest.max(visit(rules, s, &mut state, &mut depth)?);
    }
    Some(deepest)
}

/// The files as a gzipped tar archive, as OPA reads bundles: in the given order, each a
/// regular file with mode 0644, owner 0 and time 0, and no time in the gzip header, so
/// the bytes depend only on the files.
pub fn tar_gz(files: &[File]) -> std::io::Result<Vec<u8>> {
    let gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    let mut tar = tar::Builder::new(gz);
    tar.mode(tar::HeaderMode::Deterministic);
    for f in files {
        let mut header = tar::Header::new_ustar();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_size(f.bytes.len() as u64);
        header.set_mode(0o644);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(0);
        tar.append_data(&mut header, &f.path, &f.bytes[..])?;
    }
    tar.into_inner()?.finish()
}

/// A JSON value as an exported file holds it: keys sorted, indented, with a final line
/// feed.
pub(crate) fn pretty(value: &serde_json::Value) -> Vec<u8> {
    format!("{:#}\n", canonical(value)).into_bytes()
}

/// `value` with every object's keys in sorted order. serde_json keeps insertion order
/// when any crate in the build turns on its `preserve_order` feature (the engines this
/// repository tests with do), so the order is set here rather than left to the build.
pub(crate) fn canonical(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), canonical(&map[k])))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(canonical).collect()),
        other => other.clone(),
    }
}

/// The files of a gzipped tar archive, reading at most `limit` bytes of contents in
/// all: `None` when it is not such an archive or holds more.
pub fn read_tar_gz(bytes: &[u8], limit: u64) -> Option<Vec<File>> {
    use std::io::Read;
    let gz = flate2::read::GzDecoder::new(bytes);
    let mut archive = tar::Archive::new(gz.take(limit));
    let mut files = Vec::new();
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        if entry.header().entry_type() != tar::EntryType::Regular {
            return None;
        }
        let path = entry.path().ok()?.to_string_lossy().into_owned();
        let mut contents = Vec::new();
        entry.read_to_end(&mut contents).ok()?;
        files.push(File {
            path,
            bytes: contents,
        });
    }
    Some(files)
}
