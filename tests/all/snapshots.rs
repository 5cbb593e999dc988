//! Per-Action snapshots (`Engine::snapshot_action`): an Action's top level and its
//! `require`s evaluated ahead of time; each execution a fresh instance of that snapshot,
//! behaving as the same Action without one; `Math.random` and the clock never fixed; the
//! Actions whose top level belongs to an execution refused; the file kept in the guest
//! cache directory and checked before it is loaded again.

use actionbox::{CompiledAction, Decision, Engine, Error, Outcome, Trigger};
use actionbox_tests::{block_on, engine, event};
use serde_json::Value;

fn compile(engine: &Engine, source: &str) -> CompiledAction {
    block_on(engine.compile("action.js", source)).expect("the Action to compile")
}

fn execute(engine: &Engine, action: &CompiledAction) -> Outcome {
    block_on(engine.execute(Trigger::PostLogin, action, &event())).expect("the execution to run")
}

/// What the execution logged last, as JSON.
fn logged(outcome: &Outcome) -> Value {
    actionbox_tests::http::last_logged_json(outcome)
}

const LOADED_AT: &str = r#"
const loadedAt = Date.now();
let calls = 0;
exports.onExecutePostLogin = async (event, api) => {
  calls += 1;
  console.log(JSON.stringify({ loadedAt, calls, now: Date.now(), random: Math.random() }));
};
"#;

#[test]
fn a_snapshot_starts_each_execution_at_the_handler_in_a_fresh_instance() {
    let engine = engine();
    let action = compile(&engine, LOADED_AT);
    assert!(!engine.has_snapshot(&action));
    block_on(engine.snapshot_action(&action)).expect("the snapshot to be made");
    assert!(engine.has_snapshot(&action));
    std::thread::sleep(std::time::Duration::from_millis(5));
    let first = logged(&execute(&engine, &action));
    let second = logged(&execute(&engine, &action));
    println!("{first}\n{second}");
    // The top level ran once, before both: its value is the same, and older than both runs.
    assert_eq!(first["loadedAt"], second["loadedAt"]);
    assert!(first["loadedAt"].as_f64() < first["now"].as_f64());
    // Each execution is a fresh copy: nothing the previous one changed is seen.
    assert_eq!(first["calls"], 1);
    assert_eq!(second["calls"], 1);
    // Neither the random generator nor the clock is fixed.
    assert_ne!(first["random"], second["random"]);
}

#[test]
fn random_numbers_drawn_by_the_top_level_do_not_fix_the_generator() {
    let engine = engine();
    let action = compile(
        &engine,
        "const atLoad = Math.random();
         exports.onExecutePostLogin = async () => { console.log(JSON.stringify({ atLoad, now: Math.random() })); };",
    );
    block_on(engine.snapshot_action(&action)).expect("the snapshot to be made");
    let draws: Vec<Value> = (0..3).map(|_| logged(&execute(&engine, &action))).collect();
    assert_eq!(draws[0]["atLoad"], draws[1]["atLoad"], "the top level ran once");
    assert_ne!(draws[0]["now"], draws[1]["now"]);
    assert_ne!(draws[1]["now"], draws[2]["now"]);
    assert_ne!(draws[0]["now"], draws[2]["now"]);
}

/// Whether `source`'s snapshot is refused as it should be, and the Action still runs.
fn refused(source: &str) -> String {
    let engine = engine();
    let action = compile(&engine, source);
    let error = block_on(engine.snapshot_action(&action)).expect_err("the snapshot to be refused");
    assert!(matches!(error, Error::NotSnapshotted(_)), "{error:?}");
    assert_eq!(error.kind(), "not_snapshotted");
    assert!(!engine.has_snapshot(&action));
    let outcome = execute(&engine, &action);
    assert_eq!(outcome.decision, Decision::Allowed, "{:?}", outcome.logs.lines);
    error.to_string()
}

#[test]
fn a_top_level_that_leaves_work_for_an_execution_is_not_snapshotted() {
    let handler = "exports.onExecutePostLogin = async () => {};";
    for top_level in [
        "console.log('loading');",
        "setTimeout(() => {}, 10);",
        "setImmediate(() => {});",
        "process.nextTick(() => {});",
        // (`fetch` at the top level already fails the compile, and a handler's request
        // started from a top-level promise job runs in the execution: both as before.)
        "setTimeout(() => {}, 10).unref();",
        "const { publicKey } = require('crypto').generateKeyPairSync('ed25519');",
    ] {
        let message = refused(&format!("{top_level}\n{handler}"));
        println!("{top_level} -> {message}");
    }
}

#[test]
fn a_pure_top_level_with_digests_and_builtins_is_snapshotted_and_behaves_as_without() {
    let source = "const crypto = require('crypto');
         const path = require('path');
         const digest = crypto.createHash('sha256').update('actionbox').digest('hex');
         const table = Array.from({ length: 1000 }, (_, i) => i * i);
         exports.onExecutePostLogin = async (event, api) => {
           api.idToken.setCustomClaim('https://x/digest', digest);
           console.log(JSON.stringify({ digest, sum: table.reduce((a, b) => a + b, 0), base: path.basename('/a/b.js'), user: event.user.user_id }));
         };";
    let engine = engine();
    let plain = compile(&engine, source);
    let without = execute(&engine, &plain);
    block_on(engine.snapshot_action(&plain)).expect("the snapshot to be made");
    let with = execute(&engine, &plain);
    assert_eq!(logged(&with), logged(&without));
    assert_eq!(with.commands, without.commands);
    assert_eq!(with.decision, without.decision);
    assert!(engine.forget_snapshot(&plain));
    assert!(!engine.has_snapshot(&plain));
    assert_eq!(logged(&execute(&engine, &plain)), logged(&without));
}

#[test]
fn packages_required_at_the_top_level_are_in_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let write = |relative: &str, text: &str| {
        let path = dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("package.json", r#"{ "dependencies": { "greeter": "1.0.0", "lazy": "1.0.0" } }"#);
    write("node_modules/greeter/package.json", r#"{ "name": "greeter", "version": "1.0.0", "main": "index.js" }"#);
    write(
        "node_modules/greeter/index.js",
        "let loads = (globalThis.__greeterLoads || 0) + 1; globalThis.__greeterLoads = loads;
         module.exports = (name) => `hello ${name} (load ${loads})`;",
    );
    write("node_modules/lazy/package.json", r#"{ "name": "lazy", "version": "1.0.0" }"#);
    write("node_modules/lazy/index.js", "module.exports = { data: require('./data.json') };");
    write("node_modules/lazy/data.json", r#"{ "answer": 42 }"#);
    let source = "const greet = require('greeter');
        exports.onExecutePostLogin = async (event) => {
          console.log(JSON.stringify({ greeting: greet(event.user.user_id), lazy: require('lazy').data.answer }));
        };";
    write("action.js", source);
    let engine = engine();
    let mut options = actionbox::CompileOptions::new();
    options.project_dir(dir.path());
    let action = block_on(engine.compile_with("action.js", source, &options)).unwrap();
    let without = logged(&execute(&engine, &action));
    block_on(engine.snapshot_action(&action)).expect("the snapshot to be made");
    let with = logged(&execute(&engine, &action));
    let again = logged(&execute(&engine, &action));
    assert_eq!(with, without);
    assert_eq!(again, without);
    assert_eq!(with["greeting"], "hello auth0|test (load 1)");
    assert_eq!(with["lazy"], 42);
}

#[test]
fn a_snapshot_is_kept_in_the_cache_directory_checked_and_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let key = actionbox::Key::generate();
    let new_engine = || {
        let mut config = actionbox::Config::default();
        config
            .guest_cache_dir(Some(dir.path().to_owned()))
            .guest_cache_key(key.clone())
            .max_concurrent(2)
            .max_snapshots(2);
        block_on(Engine::new(config)).unwrap()
    };
    let snapshot_files = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name().unwrap().to_string_lossy().starts_with("action-") && p.extension().unwrap() == "cwasm"
            })
            .collect::<Vec<_>>()
    };
    let first = new_engine();
    let action = compile(&first, LOADED_AT);
    block_on(first.snapshot_action(&action)).unwrap();
    let loaded_at = logged(&execute(&first, &action))["loadedAt"].clone();
    let file = snapshot_files().pop().expect("the snapshot's file in the cache directory");
    // Another engine loads the same file: the top level is not evaluated again.
    let second = new_engine();
    block_on(second.snapshot_action(&action)).unwrap();
    assert_eq!(logged(&execute(&second, &action))["loadedAt"], loaded_at);
    // A changed file is not loaded: the snapshot is made again.
    let mut bad = std::fs::read(&file).unwrap();
    let middle = bad.len() / 2;
    bad[middle..middle + 4096].fill(0xcc);
    std::fs::write(&file, &bad).unwrap();
    let third = new_engine();
    block_on(third.snapshot_action(&action)).unwrap();
    assert_ne!(logged(&execute(&third, &action))["loadedAt"], loaded_at);
    assert_ne!(std::fs::read(&file).unwrap(), bad, "the changed file was rebuilt");
    // Two more: the engine and the directory keep the newest two (`max_snapshots`).
    for n in 0..2 {
        let other = compile(&third, &format!("{LOADED_AT}\nexports.n = {n};"));
        std::thread::sleep(std::time::Duration::from_millis(20));
        block_on(third.snapshot_action(&other)).unwrap();
        assert!(third.has_snapshot(&other));
    }
    assert!(!third.has_snapshot(&action));
    let kept = snapshot_files();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(!kept.contains(&file));
}

#[test]
fn the_top_levels_heap_counts_against_each_executions_cap() {
    // 28 MiB held by the top level, and as much again allocated by the handler: past the
    // default cap (48 MiB of QuickJS heap), with the snapshot as without it.
    let source = "const held = new Uint8Array(28 * 1024 * 1024);
         exports.onExecutePostLogin = async () => {
           const more = new Uint8Array(28 * 1024 * 1024);
           console.log(JSON.stringify({ n: held.length + more.length }));
         };";
    let engine = engine();
    let action = compile(&engine, source);
    let without = execute(&engine, &action);
    block_on(engine.snapshot_action(&action)).expect("the snapshot to be made");
    let with = execute(&engine, &action);
    assert_eq!(with.decision, without.decision);
    assert!(
        matches!(with.decision, Decision::Error { error: actionbox::ActionError::MemoryLimit { .. } }),
        "{:?}",
        with.decision
    );
    // The handler alone fits: what failed is the sum.
    let alone = compile(&engine, &source.replacen("new Uint8Array(28 * 1024 * 1024);\n", "new Uint8Array(1);\n", 1));
    assert_eq!(execute(&engine, &alone).decision, Decision::Allowed);
}
