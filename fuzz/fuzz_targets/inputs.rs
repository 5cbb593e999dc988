//! libFuzzer glue for `actionbox_fuzzing::inputs`: its engine and fixtures are made
//! before the first input, so no input is charged for them.
#![no_main]

libfuzzer_sys::fuzz_target!(init: actionbox_fuzzing::inputs::prepare(), |data: &[u8]| actionbox_fuzzing::inputs::check(data));
