//! The policies built into the binary: each one's YAML (embedded as text) and its
//! rules as Rust values generated from that YAML, so that answering from them costs no
//! parsing.
//!
//! The generated files (`port_orders.rs`, …) are written by
//! `PORTRULES_BLESS=1 cargo test --test cli embedded`, which fails when one of them and
//! its YAML disagree. Each records the hash of the YAML it was generated from; when the
//! YAML was edited and the Rust form not yet regenerated, the YAML is parsed at run
//! time instead, so a binary always answers from the files it was built with.
//!
//! Depends only on the model.

#[rustfmt::skip]
mod bandwidth_port_ins;
#[rustfmt::skip]
mod port_orders;
#[rustfmt::skip]
mod telnyx_porting_orders;

use crate::model::rules::{Rules, fnv1a};

/// A policy built into the binary.
#[derive(Debug)]
pub struct Policy {
    /// Its `name`, by which `--policy`, `$PORTRULES_POLICY` and a batch request's
    /// `"policy"` choose it.
    pub name: &'static str,
    /// The file it was built from, relative to this repository's top, as pages name it.
    pub path: &'static str,
    /// The YAML it was built from.
    pub yaml: &'static str,
    /// FNV-1a of `yaml`, computed while compiling.
    yaml_hash: u64,
    /// The rules generated from the YAML.
    generated: &'static Rules,
    /// FNV-1a of the YAML `generated` came from.
    generated_from: u64,
}

impl Policy {
    /// The generated rules, when they were generated from this very YAML.
    pub(crate) fn generated(&self) -> Option<&'static Rules> {
        (self.yaml_hash == self.generated_from).then_some(self.generated)
    }
}

/// One entry of [`POLICIES`], for the file `rules/<name>.yaml` and its generated module.
macro_rules! policy {
    ($module:ident, $name:literal) => {
        Policy {
            name: $name,
            path: concat!("rules/", $name, ".yaml"),
            yaml: include_str!(concat!("../../../rules/", $name, ".yaml")),
            yaml_hash: fnv1a(include_str!(concat!("../../../rules/", $name, ".yaml")).as_bytes()),
            generated: &$module::RULES,
            generated_from: $module::SOURCE_HASH,
        }
    };
}

/// Every built-in policy; the first is the default.
pub static POLICIES: [Policy; 3] = [
    policy!(port_orders, "port-orders"),
    policy!(bandwidth_port_ins, "bandwidth-port-ins"),
    policy!(telnyx_porting_orders, "telnyx-porting-orders"),
];

/// The policy the binary answers from unless told otherwise.
pub fn default_policy() -> &'static Policy {
    &POLICIES[0]
}

/// The built-in policy called `name` (exactly: names are ids).
pub fn find(name: &str) -> Option<&'static Policy> {
    POLICIES.iter().find(|p| p.name == name)
}
