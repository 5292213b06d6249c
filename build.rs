//! Build script: link the `portrules` executable at a fixed address on Linux.
//!
//! A position-independent executable makes the dynamic loader patch every absolute
//! address in the binary's data (tens of thousands of relocations for this dependency
//! set) on each start; `-no-pie` resolves them at link time instead. Services call
//! `portrules query` once per question, so start-up is most of its cost (measured in
//! docs/performance.md). Only the binary is affected: the library, tests and
//! proc-macros are built as usual, and `cargo install` works unchanged.
//!
//! A static build (`-C target-feature=+crt-static`, see the README) is left to rustc:
//! `-no-pie` on top of it yields a binary that asks for a dynamic loader it never
//! gets, and crashes at start.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let static_crt = features.split(',').any(|f| f == "crt-static");
    if os == "linux" && env == "gnu" && !static_crt {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
