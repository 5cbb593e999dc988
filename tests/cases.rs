//! Runs every data-driven case under `tests/cases/` as its own test.

use std::path::Path;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let arguments = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let trials = actionbox_tests::case::discover(&dir)
        .expect("the cases directory to be readable")
        .into_iter()
        .map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || actionbox_tests::case::run(&case).map_err(|e| Failed::from(format!("{e:#}"))))
        })
        .collect();
    libtest_mimic::run(&arguments, trials).exit();
}
