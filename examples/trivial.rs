//! The baseline for per-process benchmarks: a Rust binary that only prints a line.
fn main() {
    println!("allow");
}
