//! libFuzzer glue for `actionbox_fuzzing::actions`: its engine and fixtures are made
//! before the first input, so no input is charged for them.
#![no_main]

libfuzzer_sys::fuzz_target!(init: actionbox_fuzzing::actions::prepare(), |data: &[u8]| actionbox_fuzzing::actions::check(data));
