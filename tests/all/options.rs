//! Per-execution options: the secrets and configuration an Action is given replace the
//! event's, are checked against the platform's limits, and reach a flow's Actions one by
//! one.

use actionbox::{Error, ExecuteOptions, Flow, Trigger};
use actionbox_tests::{block_on, engine, event};
use serde_json::{Map, Value, json};

const SHOW: &str = "exports.onExecutePostLogin = async (event) => {
    console.log(JSON.stringify({ secrets: event.secrets, configuration: event.configuration }));
};";

fn map(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

fn shown(outcome: &actionbox::Outcome) -> Value {
    serde_json::from_str(&outcome.logs.lines[0].message).unwrap()
}

#[test]
fn options_replace_the_event_secrets_and_configuration() {
    let action = block_on(engine().compile("show.js", SHOW)).unwrap();
    let mut given = event();
    given["secrets"] = json!({ "FROM_EVENT": "e" });
    let mut options = ExecuteOptions::new();
    options.secrets(map(json!({ "API_KEY": "k" }))).configuration(map(json!({ "REGION": "eu" })));
    let outcome = block_on(engine().execute_with(Trigger::PostLogin, &action, &given, &options)).unwrap();
    assert_eq!(shown(&outcome), json!({ "secrets": { "API_KEY": "k" }, "configuration": { "REGION": "eu" } }));

    let untouched =
        block_on(engine().execute_with(Trigger::PostLogin, &action, &given, &ExecuteOptions::new())).unwrap();
    assert_eq!(shown(&untouched), json!({ "secrets": { "FROM_EVENT": "e" } }));
}

#[test]
fn options_outside_the_limits_are_invalid_input() {
    let action = block_on(engine().compile("show.js", SHOW)).unwrap();
    let long_key = "k".repeat(actionbox::limits::MAX_SECRET_KEY_CHARS + 1);
    for options in [
        ExecuteOptions::new().secrets(map(json!({ long_key.clone(): "v" }))).clone(),
        ExecuteOptions::new().configuration(map(json!({ "N": 1 }))).clone(),
    ] {
        let result = block_on(engine().execute_with(Trigger::PostLogin, &action, &event(), &options));
        assert!(matches!(result, Err(Error::InvalidEvent(_))), "{result:?}");
    }
}

#[test]
fn each_action_of_a_flow_gets_its_own_configuration() {
    let engine = engine();
    let action = block_on(engine.compile("show.js", SHOW)).unwrap();
    let mut flow = Flow::new(Trigger::PostLogin);
    let mut configured = ExecuteOptions::new();
    configured.configuration(map(json!({ "MODE": "strict" })));
    flow.push("configured", action.clone(), configured).unwrap().push("plain", action, Map::new()).unwrap();
    let outcome = block_on(engine.run_flow(&flow, &event())).unwrap();
    let seen: Vec<Value> = outcome.actions.iter().map(|report| shown(&report.outcome)).collect();
    assert_eq!(seen[0], json!({ "secrets": {}, "configuration": { "MODE": "strict" } }));
    assert_eq!(seen[1]["secrets"], json!({}));
}
