//! Runs every data-driven case under `tests/cases/`, and every example under `examples/`
//! that has an `expected.json`, as its own test.

use std::path::Path;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let arguments = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = root.join("cases");
    let default_event: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(cases.join("event.json")).expect("tests/cases/event.json to be readable"),
    )
    .expect("tests/cases/event.json to be JSON");
    let mut trials = Vec::new();
    for (dir, prefix) in [(cases, ""), (root.join("../examples"), "example-")] {
        let found = actionbox_tests::case::discover(&dir).expect("the case directories to be readable");
        trials.extend(found.into_iter().map(|case| {
            let name = format!("{prefix}{}", case.file_name().unwrap().to_string_lossy());
            let event = default_event.clone();
            Trial::test(name, move || {
                actionbox_tests::case::run(&case, &event).map_err(|e| Failed::from(format!("{e:#}")))
            })
        }));
    }
    libtest_mimic::run(&arguments, trials).exit();
}
