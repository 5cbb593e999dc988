//! libFuzzer glue for `actionbox_fuzzing::inputs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| actionbox_fuzzing::inputs::check(data));
