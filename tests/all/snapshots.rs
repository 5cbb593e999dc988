//! Per-Action snapshots (`Engine::snapshot_action`): an Action's top level and its
//! `require`s evaluated ahead of time; each execution a fresh instance of that snapshot,
//! behaving as the same Action without one; `Math.random` and the clock never fixed; the
//! Actions whose top level belongs to an execution refused; the file kept in the guest
//! cache directory and checked before it is loaded again.

use actionbox::{CompiledAction, Engine, Outcome, Trigger};
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
