//! The `actionbox` binary end to end: outputs and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str, file: &str) -> PathBuf {
    root().join("examples").join(name).join(file)
}

fn actionbox(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actionbox")).args(args).output().expect("the binary to start")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("actionbox-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn run_prints_a_summary_and_exits_zero_when_allowed() {
    let out = actionbox(&[
        "run",
        path(&example("roles-claim", "action.js")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("decision: allowed"), "{text}");
    assert!(
        text.contains(r#"idToken.setCustomClaim("https://my-app.example.com/roles", ["admin","billing"])"#),
        "{text}"
    );
    assert!(text.contains("[log] added 2 role(s) for auth0|65f1c0ffee"), "{text}");
}

#[test]
fn run_json_prints_the_outcome() {
    let out = actionbox(&[
        "run",
        path(&example("mfa-for-admins", "action.js")),
        "--event",
        path(&example("mfa-for-admins", "event.json")),
        "--json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("stdout to be JSON");
    assert_eq!(outcome["decision"]["type"], "allowed");
    assert_eq!(outcome["commands"][0]["type"], "multifactor.enable");
    assert_eq!(outcome["commands"][0]["options"]["allowRememberBrowser"], false);
    assert!(outcome["usage"]["fuel"].as_u64().unwrap() > 0);
}

#[test]
fn a_denial_exits_with_three() {
    let out = actionbox(&[
        "run",
        path(&example("verified-email-only", "action.js")),
        "--event",
        path(&example("verified-email-only", "event.json")),
    ]);
    assert_eq!(code(&out), 3, "{}", stdout(&out));
    assert!(stdout(&out).contains("decision: denied: Please verify your e-mail address before logging in."));
}

#[test]
fn secrets_from_the_command_line_reach_event_secrets() {
    let out = actionbox(&[
        "run",
        path(&example("profile-enrichment", "action.js")),
        "--event",
        path(&example("profile-enrichment", "event.json")),
        "--secret",
        "TIER_MAPPING_VERSION=abc",
        "--json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let claim =
        outcome["commands"].as_array().unwrap().iter().find(|c| c["type"] == "accessToken.setCustomClaim").unwrap();
    assert_eq!(claim["value"], "v3");
}

#[test]
fn a_compiled_action_runs_like_its_source() {
    let dir = scratch("compile");
    let wasm = dir.join("roles.wasm");
    let compiled = actionbox(&["compile", path(&example("roles-claim", "action.js")), "-o", path(&wasm)]);
    assert_eq!(code(&compiled), 0, "{}", stderr(&compiled));
    let event = example("roles-claim", "event.json");
    let from_wasm = actionbox(&["run", path(&wasm), "--event", path(&event), "--json"]);
    let from_js = actionbox(&["run", path(&example("roles-claim", "action.js")), "--event", path(&event), "--json"]);
    let commands = |out: &Output| serde_json::from_str::<serde_json::Value>(&stdout(out)).unwrap()["commands"].clone();
    assert_eq!(code(&from_wasm), 0, "{}", stderr(&from_wasm));
    assert_eq!(commands(&from_wasm), commands(&from_js));
}

#[test]
fn a_syntax_error_shows_the_line_and_a_caret() {
    let dir = scratch("syntax");
    let source = dir.join("broken.js");
    std::fs::write(&source, "exports.onExecutePostLogin = async (event, api) => {\n  api.access.deny('x'\n};\n")
        .unwrap();
    let out = actionbox(&["compile", path(&source), "-o", path(&dir.join("out.wasm"))]);
    assert_eq!(code(&out), 9);
    let text = stderr(&out);
    assert!(text.contains("SyntaxError"), "{text}");
    assert!(text.contains("broken.js:3:1"), "{text}");
    assert!(text.contains("3 | };"), "{text}");
    assert!(text.lines().any(|l| l.trim_end().ends_with('^')), "{text}");
}

#[test]
fn typescript_is_refused_with_a_clear_message() {
    let dir = scratch("typescript");
    let source = dir.join("action.ts");
    std::fs::write(&source, "exports.onExecutePostLogin = async (event: any) => {};\n").unwrap();
    let out = actionbox(&["compile", path(&source), "-o", path(&dir.join("out.wasm"))]);
    assert_eq!(code(&out), 9);
    assert!(stderr(&out).contains("TypeScript is not supported"), "{}", stderr(&out));
}

#[test]
fn a_runaway_action_exits_with_the_timeout_code() {
    let dir = scratch("timeout");
    let source = dir.join("spin.js");
    std::fs::write(&source, "exports.onExecutePostLogin = async () => { for (;;) {} };\n").unwrap();
    let out = actionbox(&[
        "run",
        path(&source),
        "--event",
        path(&example("roles-claim", "event.json")),
        "--timeout",
        "200ms",
    ]);
    assert_eq!(code(&out), 5, "{}", stdout(&out));
    assert!(stdout(&out).contains("deadline"), "{}", stdout(&out));
}

#[test]
fn an_uncaught_exception_exits_with_four_and_shows_the_stack() {
    let dir = scratch("throw");
    let source = dir.join("throws.js");
    std::fs::write(&source, "exports.onExecutePostLogin = async () => {\n  null.x;\n};\n").unwrap();
    let out = actionbox(&["run", path(&source), "--event", path(&example("roles-claim", "event.json"))]);
    assert_eq!(code(&out), 4);
    let text = stdout(&out);
    assert!(text.contains("TypeError"), "{text}");
    assert!(text.contains("throws.js:2"), "{text}");
}

#[test]
fn malformed_event_json_is_invalid_input() {
    let dir = scratch("event");
    let event = dir.join("event.json");
    std::fs::write(&event, "{\"user\": {\"user_id\": \"x\",}").unwrap();
    let out = actionbox(&["run", path(&example("roles-claim", "action.js")), "--event", path(&event)]);
    assert_eq!(code(&out), 10);
    assert!(stderr(&out).contains("not valid JSON"), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));
}

#[test]
fn an_event_without_user_is_invalid_input() {
    let dir = scratch("nouser");
    let event = dir.join("event.json");
    std::fs::write(&event, "{\"request\": {}}").unwrap();
    let out = actionbox(&["run", path(&example("roles-claim", "action.js")), "--event", path(&event)]);
    assert_eq!(code(&out), 10);
    assert!(stderr(&out).contains("event.user"), "{}", stderr(&out));
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let out = actionbox(&["run", "/nonexistent/action.js", "--event", path(&example("roles-claim", "event.json"))]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("/nonexistent/action.js"), "{}", stderr(&out));
}

#[test]
fn a_wasm_module_that_is_not_an_artifact_is_refused() {
    let dir = scratch("notartifact");
    let module = dir.join("module.wasm");
    std::fs::write(&module, [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00])
        .unwrap();
    let out = actionbox(&["run", path(&module), "--event", path(&example("roles-claim", "event.json"))]);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    assert!(stderr(&out).contains("not a compiled Action"), "{}", stderr(&out));
}

#[test]
fn bench_reports_latency_throughput_and_memory() {
    let out = actionbox(&[
        "bench",
        path(&example("roles-claim", "action.js")),
        "--event",
        path(&example("roles-claim", "event.json")),
        "-n",
        "50",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for expected in ["p50", "p99", "executions/s", "where the time goes", "no-op Action", "resident"] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

#[test]
fn a_flow_file_runs_its_actions_in_order() {
    let flow = root().join("examples/login-flow/flow.toml");
    let event = root().join("examples/login-flow/event.json");
    let examples = root().join("examples");
    let out = actionbox(&["flow", "run", path(&flow), "--root", path(&examples), "--event", path(&event), "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(outcome["decision"]["type"], "allowed");
    let names: Vec<&str> = outcome["actions"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["verified-email-only", "profile-enrichment", "roles-claim", "mfa-for-admins"]);
    assert_eq!(
        outcome["changes"]["id_token_claims"]["https://my-app.example.com/roles"],
        serde_json::json!(["admin", "billing"])
    );
    assert_eq!(outcome["changes"]["access_token_claims"]["https://my-app.example.com/tier_mapping"], "v7");
}

#[test]
fn a_denying_flow_exits_with_three_and_names_the_action() {
    let dir = scratch("flowdeny");
    std::fs::write(
        dir.join("gate.js"),
        "exports.onExecutePostLogin = async (e, api) => { api.access.deny('closed'); };",
    )
    .unwrap();
    std::fs::write(dir.join("later.js"), "exports.onExecutePostLogin = async () => {};").unwrap();
    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n[[actions]]\nname = \"gate\"\npath = \"gate.js\"\n[[actions]]\npath = \"later.js\"\n",
    )
    .unwrap();
    let out = actionbox(&[
        "flow",
        "run",
        path(&dir.join("flow.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("flow (post-login): denied by gate: closed"), "{text}");
    assert!(text.contains("skipped: later.js"), "{text}");
}

#[test]
fn a_malformed_flow_file_is_invalid_input_with_its_location() {
    let dir = scratch("flowbad");
    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n[[actions]]\npath = \"a.js\"\ncolour = \"blue\"\n",
    )
    .unwrap();
    let out = actionbox(&[
        "flow",
        "run",
        path(&dir.join("flow.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    assert_eq!(code(&out), 10);
    let text = stderr(&out);
    assert!(text.contains("colour"), "{text}");
    assert!(text.contains("line 4"), "{text}");
}

#[test]
fn bench_takes_a_flow_file() {
    let out = actionbox(&[
        "bench",
        path(&root().join("examples/mixed-flow/flow.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
        "-n",
        "20",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for expected in ["flow of 5 Actions", "flows/s", "alone: risk-gate", "flow p50 / one Action's p50"] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

#[test]
fn a_suspended_flow_is_saved_and_continued() {
    let dir = scratch("continue");
    std::fs::write(
        dir.join("ask.js"),
        "exports.onExecutePostLogin = async (e, api) => { api.redirect.sendUserTo('https://ask.example.com/form', { query: { q: '1' } }); };
         exports.onContinuePostLogin = async (e, api) => { api.user.setAppMetadata('answer', e.request.query.answer); };",
    )
    .unwrap();
    std::fs::write(dir.join("flow.toml"), "trigger = \"post-login\"\n[[actions]]\nname = \"ask\"\npath = \"ask.js\"\n")
        .unwrap();
    let state_file = dir.join("state.json");
    let event = example("roles-claim", "event.json");
    let run = actionbox(&[
        "flow",
        "run",
        path(&dir.join("flow.toml")),
        "--event",
        path(&event),
        "--state",
        path(&state_file),
        "--json",
    ]);
    assert_eq!(code(&run), 11, "{}", stderr(&run));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    let url = outcome["decision"]["url"].as_str().unwrap();
    assert!(url.starts_with("https://ask.example.com/form?q=1&state="), "{url}");
    let state = url.rsplit_once("state=").unwrap().1;

    let wrong = actionbox(&["flow", "continue", path(&state_file), "--query", "state=wrong"]);
    assert_eq!(code(&wrong), 3);
    assert!(stdout(&wrong).contains("invalid_request"), "{}", stdout(&wrong));

    let state_arg = format!("state={state}");
    let resumed =
        actionbox(&["flow", "continue", path(&state_file), "--query", &state_arg, "--query", "answer=yes", "--json"]);
    assert_eq!(code(&resumed), 0, "{}", stderr(&resumed));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&resumed)).unwrap();
    assert_eq!(outcome["changes"]["app_metadata"]["answer"], "yes");
}
