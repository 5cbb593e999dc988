//! libFuzzer glue for `actionbox_fuzzing::egress`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| actionbox_fuzzing::egress::check(data));
