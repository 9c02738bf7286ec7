//! Fuzz target: arbitrary bytes -> the whole front end (preprocess, parse, analyze) as REPL
//! inputs. It must never panic, hang or overflow the stack; every input either compiles or
//! gives diagnostics, and a later input still compiles.
#![no_main]

use frontend::pp::PpOptions;
use frontend::sema::Mode;
use frontend::Frontend;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut fe = Frontend::new(PpOptions::default(), Mode::Repl);
    // Split on a marker byte so one run exercises several inputs of one session.
    for (i, part) in text.split('\u{1}').enumerate() {
        let _ = fe.compile(&format!("input_line_{}", i + 1), part);
    }
    let after = fe.compile("check", "int fuzz_check_value = 1;");
    assert!(after.module.is_some(), "the session is broken after the fuzz input");
});
