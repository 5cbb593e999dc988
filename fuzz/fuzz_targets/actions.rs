//! libFuzzer glue for `actionbox_fuzzing::actions`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| actionbox_fuzzing::actions::check(data));
