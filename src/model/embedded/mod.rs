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
    #[inline]
    pub(crate) fn generated(&self) -> Option<&'static Rules> {
        self.is_current().then_some(self.generated)
    }

    /// Whether the generated rules were generated from this very YAML; usable in
    /// constants, so that the check folds away where the policy is known.
    pub(crate) const fn is_current(&self) -> bool {
        self.yaml_hash == self.generated_from
    }

    /// The generated rules, whether or not they are current.
    pub(crate) const fn generated_rules(&self) -> &'static Rules {
        self.generated
    }

    /// Whether this is the default policy. (By name: copies of a constant need not
    /// share an address.)
    pub fn is_default(&self) -> bool {
        self.name == default_policy().name
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

/// Every built-in policy; the first is the default. A constant rather than a static, so
/// that the check of a policy's generated form against its YAML folds away when the
/// policy is known while compiling (as the default is): `Rules::embedded()` is then a copy.
pub const POLICIES: [Policy; 3] = [
    policy!(port_orders, "port-orders"),
    policy!(bandwidth_port_ins, "bandwidth-port-ins"),
    policy!(telnyx_porting_orders, "telnyx-porting-orders"),
];

/// The policy the binary answers from unless told otherwise.
pub const DEFAULT: &Policy = &POLICIES[0];

/// [`DEFAULT`], for callers that take a function.
#[inline]
pub fn default_policy() -> &'static Policy {
    DEFAULT
}

/// The built-in policy called `name` (exactly: names are ids).
pub fn find(name: &str) -> Option<&'static Policy> {
    const ALL: &[Policy] = &POLICIES;
    ALL.iter().find(|p| p.name == name)
}
