//! `api.transaction.setMetadata`: visibility, types and every limit at its boundary.

use actionbox::{Decision, Flow, Trigger};
use actionbox_tests::{block_on, engine};
use serde_json::{Map, Value, json};

fn logs(body: &str) -> Vec<String> {
    let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
    let action = block_on(engine().compile("tx.js", &source)).unwrap();
    let event = json!({ "user": { "user_id": "u" }, "transaction": { "id": "tx1", "metadata": { "preset": "x" } } });
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event)).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed, "{:?}", outcome.decision);
    outcome.logs.lines.into_iter().map(|l| l.message).collect()
}

#[test]
fn metadata_is_visible_at_once_and_null_deletes() {
    let out = logs(
        "api.transaction.setMetadata('step', 'one');
         api.transaction.setMetadata('count', 2);
         api.transaction.setMetadata('ok', true);
         api.transaction.setMetadata('preset', null);
         console.log(JSON.stringify(event.transaction.metadata));",
    );
    assert_eq!(out, [r#"{"step":"one","count":2,"ok":true}"#]);
}

#[test]
fn types_and_limits_at_their_boundaries() {
    let out = logs(
        "const attempt = (k, v) => { try { api.transaction.setMetadata(k, v); return 'ok'; } catch (e) { return e.name; } };
         console.log(attempt('k'.repeat(64), 'v'));
         console.log(attempt('k'.repeat(65), 'v'));
         console.log(attempt('obj', { a: 1 }));
         console.log(attempt('safe', Number.MAX_SAFE_INTEGER));
         console.log(attempt('unsafe', Number.MAX_SAFE_INTEGER + 2));
         console.log(attempt('fraction', 0.5));
         console.log(attempt('v8k', 'v'.repeat(8192)));
         console.log(attempt('v8k1', 'v'.repeat(8193)));
         console.log(attempt('second', 'v'.repeat(8192)));",
    );
    assert_eq!(out, ["ok", "Error", "TypeError", "ok", "Error", "ok", "ok", "Error", "Error"]);
}

#[test]
fn later_actions_of_a_flow_see_it() {
    let write = block_on(engine().compile(
        "w.js",
        "exports.onExecutePostLogin = async (e, api) => { api.transaction.setMetadata('from', 'first'); };",
    ))
    .unwrap();
    let read =
        block_on(engine().compile(
            "r.js",
            "exports.onExecutePostLogin = async (e) => { console.log(e.transaction.metadata.from); };",
        ))
        .unwrap();
    let mut flow = Flow::new(Trigger::PostLogin);
    flow.push("write", write, Map::new()).unwrap().push("read", read, Map::new()).unwrap();
    let outcome = block_on(engine().run_flow(&flow, &json!({ "user": { "user_id": "u" } }))).unwrap();
    assert_eq!(outcome.actions[1].outcome.logs.lines[0].message, "first");
    let _: Value = serde_json::to_value(&outcome).unwrap();
}
