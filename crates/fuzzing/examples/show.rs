//! Prints what a fuzz input means to its target: the generated Action's source, or the
//! case as a Rust value. `cargo run -p actionbox-fuzzing --example show -- TARGET FILE...`

use arbitrary::{Arbitrary, Unstructured};

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().expect("usage: show TARGET FILE...");
    for file in args {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let u = Unstructured::new(&bytes);
        println!("== {file}");
        match target.as_str() {
            "actions" => show(actionbox_fuzzing::actions::Action::arbitrary_take_rest(u).map(|a| a.source)),
            "boundary" => show(actionbox_fuzzing::boundary::Case::arbitrary_take_rest(u).map(|c| format!("{c:#?}"))),
            "inputs" => show(actionbox_fuzzing::inputs::Input::arbitrary_take_rest(u).map(|i| format!("{i:#?}"))),
            "egress" => show(actionbox_fuzzing::egress::Case::arbitrary_take_rest(u).map(|c| format!("{c:#?}"))),
            other => panic!("no target {other}"),
        }
    }
}

fn show(value: arbitrary::Result<String>) {
    match value {
        Ok(text) => println!("{text}"),
        Err(e) => println!("(not an input of this target: {e})"),
    }
}
