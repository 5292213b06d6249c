//! Fuzz the rule-file loader: any bytes must give rules or located errors, never a
//! panic, a hang or an unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portrules::load::{self, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load::from_str(text, "fuzz.yaml", &Limits::default()) {
        Ok(loaded) => assert!(!loaded.rules.statuses.is_empty()),
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            let _ = e.render();
        }
    }
});
