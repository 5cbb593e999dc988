//! Every fuzz oracle under plain `cargo test`: the committed corpus (`fuzz/corpus/`)
//! replayed, and a short run on pseudo-random inputs, the same in every run.

use std::path::Path;

use actionbox_fuzzing::TARGETS;

/// The committed corpus of `target`, every file through its oracle.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).expect("a corpus file");
        check(&bytes);
    }
    files.len()
}

/// `count` inputs of up to 2 KiB from a fixed xorshift stream.
fn smoke(check: fn(&[u8]), count: usize, seed: u64) {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..count {
        let len = (next() % 2048) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        check(&bytes);
    }
}

fn target(name: &str) -> fn(&[u8]) {
    TARGETS.iter().find(|(n, _)| *n == name).expect("a target").1
}

macro_rules! oracle_tests {
    ($($name:ident: $target:literal, $smoke:expr;)*) => {$(
        #[test]
        fn $name() {
            let check = target($target);
            let replayed = replay($target, check);
            assert!(replayed > 0, "the {} corpus is empty", $target);
            smoke(check, $smoke, 0x9e37_79b9_7f4a_7c15);
        }
    )*};
}

oracle_tests! {
    actions_corpus_and_smoke: "actions", 40;
    boundary_corpus_and_smoke: "boundary", 200;
    inputs_corpus_and_smoke: "inputs", 200;
    egress_corpus_and_smoke: "egress", 2000;
}
