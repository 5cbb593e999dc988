//! Executions do not see each other, and the host survives every limit an Action hits.

use std::time::{Duration, Instant};

use actionbox::{ActionError, CompiledAction, Decision, Error, Trigger};
use actionbox_tests::{Limits, block_on, engine, engine_with, event};

fn compile(source: &str) -> CompiledAction {
    block_on(engine().compile("action.js", source)).expect("the source to compile")
}

#[test]
fn a_global_set_by_one_execution_is_invisible_to_the_next() {
    let action = compile(
        "exports.onExecutePostLogin = async (event, api) => {
           api.idToken.setCustomClaim('https://x.example/seen', typeof globalThis.leaked);
           globalThis.leaked = 'secret of the previous run';
           Object.prototype.polluted = true;
         };",
    );
    for _ in 0..3 {
        let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
        let claim = serde_json::to_value(&outcome.commands[0]).unwrap();
        assert_eq!(claim["value"], "undefined", "a later execution saw an earlier one's global");
    }
}

#[test]
fn the_host_stays_usable_after_each_limit() {
    let limits = Limits { timeout_ms: Some(300), fuel: Some(200_000_000), memory_bytes: None };
    let engine = engine_with(limits);
    let hostile = [
        ("for (;;) {}", "cpu or time"),
        ("let s = 'x'; for (;;) s += s;", "memory"),
        ("const f = () => f(); f();", "stack"),
        ("throw new Error('x')", "exception"),
    ];
    let healthy =
        block_on(engine.compile("ok.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('ok'); };"))
            .unwrap();
    for (body, what) in hostile {
        let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
        let action = block_on(engine.compile("hostile.js", &source)).unwrap();
        let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
        assert!(
            matches!(outcome.decision, Decision::Error { .. }),
            "{what}: expected an error, got {:?}",
            outcome.decision
        );
        let next = block_on(engine.execute(Trigger::PostLogin, &healthy, &event())).unwrap();
        assert_eq!(next.decision, Decision::Denied { reason: "ok".into(), code: None }, "after {what}");
    }
}

#[test]
fn a_runaway_execution_does_not_hold_up_concurrent_ones() {
    let engine = engine_with(Limits { timeout_ms: Some(500), ..Limits::default() });
    let spin =
        block_on(engine.compile("spin.js", "exports.onExecutePostLogin = async () => { for (;;) {} };")).unwrap();
    let quick = block_on(
        engine.compile("quick.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('quick'); };"),
    )
    .unwrap();
    block_on(async {
        let started = Instant::now();
        let event = event();
        let runaway = engine.execute(Trigger::PostLogin, &spin, &event);
        let others = async {
            let mut finished_at = Vec::new();
            for _ in 0..5 {
                let outcome = engine.execute(Trigger::PostLogin, &quick, &event).await.unwrap();
                assert_eq!(outcome.decision, Decision::Denied { reason: "quick".into(), code: None });
                finished_at.push(started.elapsed());
            }
            finished_at
        };
        let (runaway, finished_at) = tokio::join!(runaway, others);
        let runaway = runaway.unwrap();
        assert!(matches!(runaway.decision, Decision::Error { error: ActionError::Timeout { .. } }));
        // The quick executions interleave with the runaway one instead of waiting for its deadline.
        assert!(finished_at.last().unwrap() < &Duration::from_millis(450), "quick executions waited: {finished_at:?}");
    });
}

#[test]
fn a_compiled_artifact_round_trips_through_its_file_format() {
    let action =
        compile("exports.onExecutePostLogin = async (event, api) => { api.access.deny(event.user.user_id); };");
    let bytes = action.to_wasm();
    let loaded = CompiledAction::from_wasm(&bytes).unwrap();
    assert_eq!(loaded, action);
    let outcome = block_on(engine().execute(Trigger::PostLogin, &loaded, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Denied { reason: "auth0|test".into(), code: None });
}

#[test]
fn a_wasm_module_with_code_is_not_accepted_as_an_action() {
    // (module (func (export "f"))): code where an artifact has only custom sections.
    let module = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, 0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b,
    ];
    assert!(matches!(CompiledAction::from_wasm(&module), Err(Error::InvalidArtifact(_))));
    assert!(matches!(CompiledAction::from_wasm(b"not wasm at all"), Err(Error::InvalidArtifact(_))));
}

#[test]
fn a_corrupted_artifact_is_refused() {
    let action = compile("exports.onExecutePostLogin = async () => {};");
    let mut bytes = action.to_wasm();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    assert!(matches!(CompiledAction::from_wasm(&bytes), Err(Error::InvalidArtifact(_))));
}
