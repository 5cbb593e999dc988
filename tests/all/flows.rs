//! Flows: each rule of the platform's semantics for a trigger's ordered Actions.

use actionbox::{ActionError, CompiledAction, Error, Flow, FlowDecision, FlowOutcome, Trigger};
use actionbox_tests::{Limits, block_on, engine, engine_with};
use serde_json::{Map, Value, json};

fn compile_with(limits: Limits, body: &str) -> CompiledAction {
    let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
    block_on(engine_with(limits).compile("action.js", &source)).expect("the Action compiles")
}

fn secrets(pairs: &[(&str, &str)]) -> Map<String, Value> {
    pairs.iter().map(|(k, v)| (k.to_string(), json!(v))).collect()
}

/// Runs `(name, body)` Actions as one post-login flow.
fn run_flow_with(limits: Limits, actions: &[(&str, &str)], event: Value) -> FlowOutcome {
    let mut flow = Flow::new(Trigger::PostLogin);
    for (name, body) in actions {
        flow.push(name, compile_with(limits, body), Map::new()).unwrap();
    }
    block_on(engine_with(limits).run_flow(&flow, &event)).expect("the flow runs")
}

fn run_flow(actions: &[(&str, &str)]) -> FlowOutcome {
    run_flow_with(Limits::default(), actions, json!({ "user": { "user_id": "u", "app_metadata": { "old": 1 } } }))
}

fn claim(outcome: &FlowOutcome, action: usize, name: &str) -> Value {
    let commands = serde_json::to_value(&outcome.actions[action].outcome.commands).unwrap();
    commands.as_array().unwrap().iter().find(|c| c["name"] == name).map(|c| c["value"].clone()).unwrap_or(Value::Null)
}

#[test]
fn commands_accumulate_and_later_claim_writes_win() {
    let outcome = run_flow(&[
        (
            "first",
            "api.idToken.setCustomClaim('https://x.example/plan', 'free').idToken.setCustomClaim('https://x.example/a', 1);",
        ),
        ("second", "api.idToken.setCustomClaim('https://x.example/plan', 'pro');"),
    ]);
    assert_eq!(outcome.decision, FlowDecision::Allowed);
    assert_eq!(outcome.actions.len(), 2);
    assert_eq!(outcome.actions[0].outcome.commands.len(), 2);
    assert_eq!(outcome.changes.id_token_claims["https://x.example/plan"], "pro");
    assert_eq!(outcome.changes.id_token_claims["https://x.example/a"], 1);
}

#[test]
fn metadata_writes_are_visible_to_later_actions_and_returned_merged() {
    let outcome = run_flow(&[
        ("writer", "api.user.setUserMetadata('theme', 'dark'); api.user.setAppMetadata('old', null);"),
        (
            "reader",
            "api.idToken.setCustomClaim('https://x.example/theme', event.user.user_metadata.theme);
             api.idToken.setCustomClaim('https://x.example/old_gone', !('old' in event.user.app_metadata));
             api.user.setUserMetadata('seen', true);",
        ),
    ]);
    assert_eq!(claim(&outcome, 1, "https://x.example/theme"), "dark");
    assert_eq!(claim(&outcome, 1, "https://x.example/old_gone"), true);
    assert_eq!(
        outcome.changes.user_metadata,
        serde_json::from_value::<Map<_, _>>(json!({ "theme": "dark", "seen": true })).unwrap()
    );
    assert_eq!(outcome.changes.app_metadata["old"], Value::Null, "a deletion is returned as null");
}

#[test]
fn a_deny_lets_the_action_finish_and_skips_the_rest() {
    let outcome = run_flow(&[
        ("gate", "api.access.deny('blocked'); api.user.setAppMetadata('after_deny', true);"),
        ("never", "api.user.setAppMetadata('never', true);"),
        ("nor-this", ""),
    ]);
    assert_eq!(outcome.decision, FlowDecision::Denied { action: "gate".into(), reason: "blocked".into(), code: None });
    assert_eq!(outcome.actions.len(), 1);
    assert_eq!(outcome.skipped, ["never", "nor-this"]);
    assert_eq!(outcome.changes.app_metadata["after_deny"], true, "commands already issued still apply");
    assert!(!outcome.changes.app_metadata.contains_key("never"));
}

#[test]
fn an_uncaught_exception_ends_the_flow_naming_the_action() {
    let outcome = run_flow(&[("ok", ""), ("broken", "null.property;"), ("later", "")]);
    match &outcome.decision {
        FlowDecision::Error { action, error: ActionError::Threw { name, .. } } => {
            assert_eq!(action, "broken");
            assert_eq!(name, "TypeError");
        }
        other => panic!("expected an error naming `broken`, got {other:?}"),
    }
    assert_eq!(outcome.skipped, ["later"]);
}

#[test]
fn each_action_sees_only_its_own_secrets() {
    let engine = engine();
    let body = "api.idToken.setCustomClaim('https://x.example/s', Object.keys(event.secrets).join(',') + '=' + (event.secrets.KEY || ''));";
    let mut flow = Flow::new(Trigger::PostLogin);
    flow.push("one", compile_with(Limits::default(), body), secrets(&[("KEY", "first"), ("ONLY_ONE", "x")])).unwrap();
    flow.push("two", compile_with(Limits::default(), body), secrets(&[("KEY", "second")])).unwrap();
    let event = json!({ "user": { "user_id": "u" }, "secrets": { "FROM_EVENT": "nope" } });
    let outcome = block_on(engine.run_flow(&flow, &event)).unwrap();
    assert_eq!(claim(&outcome, 0, "https://x.example/s"), "KEY,ONLY_ONE=first");
    assert_eq!(claim(&outcome, 1, "https://x.example/s"), "KEY=second");
}

#[test]
fn globals_do_not_leak_between_the_actions_of_a_flow() {
    let outcome = run_flow(&[
        ("setter", "globalThis.shared = 'leak';"),
        ("getter", "api.idToken.setCustomClaim('https://x.example/g', typeof globalThis.shared);"),
    ]);
    assert_eq!(claim(&outcome, 1, "https://x.example/g"), "undefined");
}

#[test]
fn the_custom_claims_limit_counts_across_the_flow() {
    let big = "'v'.repeat(60 * 1024)";
    let outcome = run_flow(&[
        ("first", &format!("api.idToken.setCustomClaim('https://x.example/a', {big});")),
        (
            "second",
            &format!(
                "try {{ api.idToken.setCustomClaim('https://x.example/b', {big}); }} catch (e) {{ console.log('refused'); }}"
            ),
        ),
    ]);
    assert_eq!(outcome.actions[1].outcome.logs.lines[0].message, "refused");
    assert!(!outcome.changes.id_token_claims.contains_key("https://x.example/b"));
}

#[test]
fn one_deadline_covers_the_whole_flow() {
    let limits = Limits { timeout_ms: Some(400), ..Limits::default() };
    let busy = "const end = Date.now() + 250; while (Date.now() < end) {}";
    let outcome =
        run_flow_with(limits, &[("one", busy), ("two", busy), ("three", busy)], json!({ "user": { "user_id": "u" } }));
    match &outcome.decision {
        FlowDecision::Error { action, error: ActionError::Timeout { .. } } => assert_eq!(action, "two"),
        other => panic!("expected the second Action to time out, got {other:?}"),
    }
    assert_eq!(outcome.skipped, ["three"]);
}

#[test]
fn a_flow_refuses_actions_without_the_handler_or_with_bad_secrets() {
    let other = block_on(engine().compile("a.js", "exports.onExecuteCredentialsExchange = async () => {};")).unwrap();
    let mut flow = Flow::new(Trigger::PostLogin);
    assert!(matches!(flow.push("wrong", other, Map::new()), Err(Error::NoHandler { .. })));
    let fine = compile_with(Limits::default(), "");
    let long_key = "k".repeat(129);
    assert!(matches!(flow.push("secrets", fine.clone(), secrets(&[(&long_key, "v")])), Err(Error::InvalidEvent(_))));
    let mut numeric = Map::new();
    numeric.insert("N".into(), json!(1));
    assert!(matches!(flow.push("secrets", fine, numeric), Err(Error::InvalidEvent(_))));
}

#[test]
fn each_action_of_a_flow_has_its_own_cpu_budget_and_memory() {
    let limits = Limits { fuel: Some(300_000_000), ..Limits::default() };
    let busy = "let x = 0; for (let i = 0; i < 200000; i++) x += i;";
    let outcome = run_flow_with(
        limits,
        &[
            ("a", busy),
            ("b", busy),
            ("c", busy),
            ("bomb", "const held = []; for (;;) held.push(new ArrayBuffer(1 << 20));"),
            ("after", ""),
        ],
        json!({ "user": { "user_id": "u" } }),
    );
    // Together the three busy Actions use more fuel than one budget: each has its own.
    let fuel: u64 = outcome.actions[..3].iter().map(|a| a.outcome.usage.fuel).sum();
    assert!(
        fuel > 300_000_000 && outcome.actions[..3].iter().all(|a| a.outcome.decision == actionbox::Decision::Allowed)
    );
    match &outcome.decision {
        FlowDecision::Error { action, error: ActionError::MemoryLimit { .. } } => assert_eq!(action, "bomb"),
        other => panic!("expected the memory error in `bomb`, got {other:?}"),
    }
    assert_eq!(outcome.skipped, ["after"]);
}

#[test]
fn set_primary_user_is_once_per_transaction_and_later_actions_keep_user_metadata() {
    let outcome = run_flow(&[
        ("link", "api.authentication.setPrimaryUser('auth0|primary'); api.user.setUserMetadata('lost', true);"),
        (
            "after",
            "try { api.authentication.setPrimaryUser('auth0|other'); } catch (e) { console.log('refused'); }
             api.user.setUserMetadata('kept', true);",
        ),
    ]);
    assert_eq!(outcome.changes.primary_user.as_deref(), Some("auth0|primary"));
    assert_eq!(outcome.actions[1].outcome.logs.lines[0].message, "refused");
    assert!(!outcome.changes.user_metadata.contains_key("lost"));
    assert_eq!(outcome.changes.user_metadata["kept"], true);
}

#[test]
fn the_last_multifactor_requirement_is_applied_after_every_action() {
    let outcome = run_flow(&[
        ("first", "api.multifactor.enable('guardian');"),
        ("second", "api.multifactor.enable('any', { allowRememberBrowser: true });"),
        ("third", "api.user.setAppMetadata('after_mfa_request', true);"),
    ]);
    assert_eq!(outcome.decision, FlowDecision::Allowed);
    assert_eq!(outcome.actions.len(), 3, "MFA does not stop the flow; it runs last");
    assert_eq!(
        outcome.changes.multifactor,
        Some(json!({ "provider": "any", "options": { "allowRememberBrowser": true } }))
    );
}

#[test]
fn nothing_an_action_leaves_behind_reaches_the_next_one() {
    // The Actions of a flow may share an instance, never a JavaScript runtime.
    let outcome = run_flow(&[
        (
            "leaver",
            "Object.prototype.polluted = 'yes';
             Array.prototype.push = function () { throw new Error('patched'); };
             globalThis.shared = 'leak';
             Symbol.for('mark').description;
             // Still queued when the handler's promise settles: it runs, in this Action.
             Promise.resolve().then(() => null).then(() => {
               api.idToken.setCustomClaim('https://x.example/late', 'own');
             });",
        ),
        (
            "checker",
            "const seen = [];
             seen.push(typeof ({}).polluted, typeof globalThis.shared);
             await null;
             api.idToken.setCustomClaim('https://x.example/seen', seen);",
        ),
    ]);
    assert_eq!(outcome.decision, FlowDecision::Allowed);
    assert_eq!(claim(&outcome, 1, "https://x.example/seen"), json!(["undefined", "undefined"]));
    assert_eq!(claim(&outcome, 0, "https://x.example/late"), "own", "a job left queued runs in its own Action");
    assert_eq!(claim(&outcome, 1, "https://x.example/late"), Value::Null, "and never in the next one");
}

#[test]
fn a_flow_longer_than_an_instance_serves_runs_every_action() {
    let count = "const n = (event.user.app_metadata.n || 0) + 1;
                 if (globalThis.mine !== undefined) throw new Error('a global survived');
                 globalThis.mine = n;
                 api.user.setAppMetadata('n', n);";
    let names: Vec<String> = (1..=12).map(|i| format!("step-{i}")).collect();
    let actions: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), count)).collect();
    let outcome = run_flow(&actions);
    assert_eq!(outcome.decision, FlowDecision::Allowed);
    assert_eq!(outcome.actions.len(), 12);
    assert_eq!(outcome.changes.app_metadata["n"], 12);
}

#[test]
fn an_action_that_grows_the_memory_leaves_the_next_one_a_new_instance() {
    // 30 MiB held by the first Action and 36 MiB by the second do not fit in one 64 MiB
    // instance: the second has all of its own.
    let limits = Limits { memory_bytes: Some(64 * 1024 * 1024), ..Limits::default() };
    let outcome = run_flow_with(
        limits,
        &[
            ("holder", "globalThis.held = new Float64Array(30 * 1024 * 1024 / 8).fill(1);"),
            (
                "needs-room",
                "const big = new Float64Array(36 * 1024 * 1024 / 8).fill(2);
                 api.idToken.setCustomClaim('https://x.example/sum', big[0] + big[big.length - 1]);",
            ),
        ],
        json!({ "user": { "user_id": "u" } }),
    );
    assert_eq!(outcome.decision, FlowDecision::Allowed, "{:?}", outcome.actions.last().map(|a| &a.outcome.decision));
    assert_eq!(claim(&outcome, 1, "https://x.example/sum"), 4);
}

#[test]
fn a_flow_holds_at_most_one_instance_at_a_time() {
    // 66 Actions that each need an instance of their own, through a pool of two slots.
    let limits = Limits { max_concurrent: Some(2), ..Limits::default() };
    let body = "globalThis.big = new Uint8Array(40 * 1024 * 1024).fill(1); api.user.setAppMetadata('n', (event.user.app_metadata.n || 0) + 1);";
    let names: Vec<String> = (1..=66).map(|i| format!("step-{i}")).collect();
    let actions: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), body)).collect();
    let outcome = run_flow_with(limits, &actions, json!({ "user": { "user_id": "u", "app_metadata": {} } }));
    assert_eq!(outcome.decision, FlowDecision::Allowed, "{:?}", outcome.actions.last().map(|a| &a.outcome.decision));
    assert_eq!(outcome.changes.app_metadata["n"], 66);
}

#[test]
fn a_full_pool_is_a_typed_engine_error_not_an_actions_trap() {
    let limits = Limits { max_concurrent: Some(1), timeout_ms: Some(400), ..Limits::default() };
    let engine = actionbox_tests::engine_with(limits);
    let spin = compile_with(limits, "for (;;) {}");
    let quick = compile_with(limits, "");
    let event = json!({ "user": { "user_id": "u" } });
    let (slow, busy) = block_on(async {
        let slow = engine.execute(actionbox::Trigger::PostLogin, &spin, &event);
        let busy = async {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            engine.execute(actionbox::Trigger::PostLogin, &quick, &event).await
        };
        tokio::join!(slow, busy)
    });
    assert!(matches!(busy, Err(actionbox::Error::Busy { max_concurrent: 1 })), "{busy:?}");
    assert!(matches!(slow.unwrap().decision, actionbox::Decision::Error { error: ActionError::Timeout { .. } }));
    let after = block_on(engine.execute(actionbox::Trigger::PostLogin, &quick, &event));
    assert!(after.is_ok(), "the slot is free again");
}

#[test]
fn an_event_grown_past_its_cap_by_the_flow_names_the_action_and_keeps_earlier_outcomes() {
    let padding = "p".repeat(1024 * 1024 - 20_000);
    let event = json!({ "user": { "user_id": "u" }, "padding": padding });
    let outcome = run_flow_with(
        Limits::default(),
        &[("first", ""), ("grower", "api.user.setAppMetadata('big', 'x'.repeat(30000));"), ("next", "")],
        event,
    );
    match &outcome.decision {
        FlowDecision::Error { action, error: ActionError::EventTooLarge { .. } } => assert_eq!(action, "grower"),
        other => panic!("{other:?}"),
    }
    assert_eq!(outcome.actions.len(), 2, "the outcomes so far are kept");
    assert_eq!(outcome.skipped, ["next"]);
}

#[test]
fn events_that_are_not_objects_are_invalid_input_for_flows_and_executions() {
    let action = compile_with(Limits::default(), "");
    let mut flow = Flow::new(Trigger::PostLogin);
    flow.push("only", action.clone(), Map::new()).unwrap();
    for event in [json!(null), json!([]), json!("text"), json!(1), json!(true)] {
        let flowed = block_on(engine().run_flow(&flow, &event));
        assert!(matches!(flowed, Err(Error::InvalidEvent(_))), "{event}: {flowed:?}");
        let executed = block_on(engine().execute(Trigger::PostLogin, &action, &event));
        assert!(matches!(executed, Err(Error::InvalidEvent(_))), "{event}: {executed:?}");
    }
}

/// Found by the `inputs` fuzz target: the first flow of an engine prepares the flow
/// snapshot (seconds); with a short timeout that used to run inside the flow's deadline,
/// and the instantiation after it trapped as an internal error.
#[test]
fn the_first_flow_of_an_engine_with_a_short_timeout_runs() {
    let mut config = actionbox::Config::default();
    // No guest cache: the flow snapshot is prepared from scratch, as on a fresh machine.
    config.timeout(std::time::Duration::from_millis(100)).max_concurrent(2).guest_cache_dir(None);
    let engine = block_on(actionbox::Engine::new(config)).unwrap();
    let mut flow = Flow::new(Trigger::PostLogin);
    let action =
        block_on(engine.compile("a.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('ran'); };"))
            .unwrap();
    flow.push("a", action, Map::new()).unwrap();
    let outcome = block_on(engine.run_flow(&flow, &json!({ "user": { "user_id": "auth0|1" } }))).unwrap();
    assert!(matches!(outcome.decision, FlowDecision::Denied { .. }), "{:?}", outcome.decision);
}
