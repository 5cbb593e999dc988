//! libFuzzer glue for `actionbox_fuzzing::boundary`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| actionbox_fuzzing::boundary::check(data));
