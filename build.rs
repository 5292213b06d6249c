//! Build script: link the `portrules` executable at a fixed address on Linux.
//!
//! A position-independent executable makes the dynamic loader patch every absolute
//! address in the binary's data (tens of thousands of relocations for this dependency
//! set) on each start; `-no-pie` resolves them at link time instead. Services call
//! `portrules query` once per question, so start-up is most of its cost (measured in
//! docs/performance.md). Only the binary is affected: the library, tests and
//! proc-macros are built as usual, and `cargo install` works unchanged.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
