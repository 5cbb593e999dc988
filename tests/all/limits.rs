//! Each limit at its boundary: exactly at the limit passes, one over fails.

use actionbox::{Config, Decision, Engine, Error, Trigger, limits};
use actionbox_tests::{block_on, engine, event};
use serde_json::json;

#[test]
fn source_size_limit_boundary() {
    let handler = "exports.onExecutePostLogin = async () => {};\n//";
    let at_limit = format!("{handler}{}", "x".repeat(limits::MAX_SOURCE_BYTES - handler.len()));
    assert_eq!(at_limit.len(), limits::MAX_SOURCE_BYTES);
    block_on(engine().compile("a.js", &at_limit)).expect("a source of exactly the limit compiles");
    let over = format!("{at_limit}x");
    let error = block_on(engine().compile("a.js", &over)).unwrap_err();
    assert!(matches!(error, Error::SourceTooLarge { size, limit } if size == limit + 1));
}

#[test]
fn secret_key_and_value_length_boundaries() {
    let action = block_on(engine().compile("a.js", "exports.onExecutePostLogin = async () => {};")).unwrap();
    let run = |key: String, value: String| {
        let event = json!({ "user": { "user_id": "u" }, "secrets": { key: value } });
        block_on(engine().execute(Trigger::PostLogin, &action, &event))
    };
    let k = limits::MAX_SECRET_KEY_CHARS;
    let v = limits::MAX_SECRET_VALUE_CHARS;
    assert!(run("k".repeat(k), "v".repeat(v)).is_ok());
    assert!(matches!(run("k".repeat(k + 1), "v".into()), Err(Error::InvalidEvent(_))));
    assert!(matches!(run("k".into(), "v".repeat(v + 1)), Err(Error::InvalidEvent(_))));
}

#[test]
fn metadata_total_boundary() {
    // Each value's JSON is the string plus two quotes; the key counts too.
    let limit = limits::MAX_METADATA_BYTES;
    let source = format!(
        "exports.onExecutePostLogin = async (event, api) => {{
           api.user.setUserMetadata('k', 'v'.repeat({at}));
           try {{ api.user.setAppMetadata('k', 'v'.repeat({over})); }} catch (e) {{ console.log('refused'); }}
         }};",
        at = limit - 3,
        over = limit - 2
    );
    let action = block_on(engine().compile("a.js", &source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed);
    assert_eq!(outcome.commands.len(), 1, "the value at the limit is kept, the one over it refused");
    assert_eq!(outcome.logs.lines[0].message, "refused");
}

#[test]
fn stored_log_is_exactly_256_characters() {
    let source = "exports.onExecutePostLogin = async () => { console.log('é'.repeat(256)); console.log('x'); };";
    let action = block_on(engine().compile("a.js", source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(outcome.logs.stored.chars().count(), limits::STORED_LOG_CHARS);
    assert!(outcome.logs.stored_truncated);
    assert_eq!(outcome.logs.lines.len(), 2, "the full log keeps every line");
}

#[test]
fn the_whole_log_is_bounded() {
    let source = "exports.onExecutePostLogin = async () => { for (let i = 0; i < 100000; i++) console.log('line ' + 'x'.repeat(100)); };";
    let action = block_on(engine().compile("a.js", source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    let kept: usize = outcome.logs.lines.iter().map(|l| l.message.len()).sum();
    assert!(kept <= limits::MAX_LOG_BYTES);
    assert!(outcome.logs.lines_dropped > 0);
    assert_eq!(outcome.logs.lines.len() as u64 + outcome.logs.lines_dropped, 100_000);
}

#[test]
fn invalid_configuration_is_refused() {
    let mut config = Config::default();
    config.timeout(std::time::Duration::ZERO);
    assert!(matches!(block_on(Engine::new(config)), Err(Error::InvalidConfig(_))));
    let mut config = Config::default();
    config.memory_limit(1024);
    assert!(matches!(block_on(Engine::new(config)), Err(Error::InvalidConfig(_))));
}

fn run_body(body: &str) -> actionbox::Outcome {
    let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
    let action = block_on(engine().compile("a.js", &source)).unwrap();
    block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap()
}

#[test]
fn output_caps_are_a_typed_limit_the_action_can_catch() {
    use actionbox::{ActionError, OutputLimit};
    let shapes = [
        (
            "const big = new Array(50000).fill(0); for (let i = 0; i < 1000; i++) api.idToken.setCustomClaim('https://x.example/c', big);",
            OutputLimit::Bytes,
        ),
        ("for (let i = 0; i < 60000; i++) api.transaction.setMetadata('k', i);", OutputLimit::Records),
        ("for (let i = 0; i < 1000000; i++) api.idToken.setCustomClaim('sub', i);", OutputLimit::Records),
    ];
    for (body, expected) in shapes {
        let outcome = run_body(body);
        match &outcome.decision {
            Decision::Error { error: ActionError::OutputLimit { limit, .. } } => assert_eq!(*limit, expected, "{body}"),
            other => panic!("{body}: {other:?}"),
        }
        let records = outcome.commands.len() + outcome.warnings.len();
        assert!(records <= limits::MAX_OUTPUT_RECORDS, "{body}: {records} records kept");
        let bytes = serde_json::to_vec(&outcome.commands).unwrap().len();
        assert!(bytes <= limits::MAX_OUTPUT_BYTES + 4096, "{body}: {bytes} bytes kept");
    }
    let caught = run_body(
        "try { for (;;) api.transaction.setMetadata('k', 1); } catch (e) { console.log('caught', e instanceof Error); }",
    );
    assert_eq!(caught.decision, Decision::Allowed);
    assert_eq!(caught.logs.lines[0].message, "caught true");
    assert_eq!(caught.commands.len(), limits::MAX_OUTPUT_RECORDS);
}

#[test]
fn an_error_name_is_capped_like_its_message() {
    let outcome = run_body("const e = new Error('m'.repeat(5e6)); e.name = 'N'.repeat(5e6); throw e;");
    match outcome.decision {
        Decision::Error { error: actionbox::ActionError::Threw { name, message, .. } } => {
            assert!(name.len() < 1024, "name of {} bytes", name.len());
            assert!(message.len() < 8 * 1024, "message of {} bytes", message.len());
            assert!(name.starts_with("NNN"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn usage_fuel_is_counted_on_timeouts() {
    let engine = actionbox_tests::engine_with(actionbox_tests::Limits { timeout_ms: Some(200), ..Default::default() });
    let action = block_on(engine.compile("a.js", "exports.onExecutePostLogin = async () => { for (;;) {} };")).unwrap();
    let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert!(matches!(outcome.decision, Decision::Error { error: actionbox::ActionError::Timeout { .. } }));
    assert!(outcome.usage.fuel > 1_000_000 && outcome.usage.fuel < limits::DEFAULT_FUEL, "{}", outcome.usage.fuel);
}

#[test]
fn an_oversized_artifact_is_an_invalid_artifact_not_a_memory_error() {
    let mut config = Config::default();
    config.artifact_limit(2048).max_concurrent(2);
    let small = block_on(Engine::new(config)).unwrap();
    let source = format!("exports.onExecutePostLogin = async () => {{ return {:?}.length; }};", "x".repeat(4096));
    let action = block_on(engine().compile("a.js", &source)).unwrap();
    let bytes = action.to_wasm();
    assert!(matches!(small.load_artifact(&bytes), Err(Error::InvalidArtifact(_))));
    assert!(matches!(block_on(small.execute(Trigger::PostLogin, &action, &event())), Err(Error::InvalidArtifact(_))));
    assert!(engine().load_artifact(&bytes).is_ok(), "within the default limit it loads");
}

#[test]
fn timeouts_past_an_hour_are_invalid_configuration() {
    let mut config = Config::default();
    config.timeout(std::time::Duration::from_secs(u64::MAX));
    assert!(matches!(block_on(Engine::new(config)), Err(Error::InvalidConfig(_))));
}

/// Catalog 21: a handler returning 100 MB, logging a million lines, and setting 10,000
/// claims: each bounded, by the memory cap, the log cap and the claims cap.
#[test]
fn a_hundred_megabytes_a_million_lines_and_ten_thousand_claims_are_bounded() {
    let returned = run_body("return 'x'.repeat(100 * 1000 * 1000);");
    assert!(
        matches!(returned.decision, Decision::Error { error: actionbox::ActionError::MemoryLimit { .. } }),
        "{:?}",
        returned.decision
    );
    let logged = run_body("for (let i = 0; i < 1000000; i++) console.log(i);");
    assert_eq!(logged.decision, Decision::Allowed, "{:?}", logged.decision);
    let bytes: usize = logged.logs.lines.iter().map(|l| l.message.len()).sum();
    assert!(bytes <= limits::MAX_LOG_BYTES, "{bytes}");
    assert_eq!(logged.logs.lines.len() as u64 + logged.logs.lines_dropped, 1_000_000);
    let claims = run_body(
        "let refused = 0;
         for (let i = 0; i < 10000; i++) {
           try { api.idToken.setCustomClaim('https://x.example/' + i, i); } catch (e) { refused++; }
         }
         console.log(refused);",
    );
    assert_eq!(claims.decision, Decision::Allowed, "{:?}", claims.decision);
    let refused: usize = claims.logs.lines[0].message.parse().unwrap();
    assert!(refused > 0, "10,000 claims pass the claims cap");
    let commands = serde_json::to_value(&claims.commands).unwrap();
    let size: usize = commands
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().len() + c["value"].to_string().len())
        .sum();
    assert_eq!(claims.commands.len() + refused, 10_000);
    assert!(size <= limits::MAX_CUSTOM_CLAIMS_BYTES, "{size} bytes of claims kept");
}

/// Catalog 39: one line of a megabyte is cut to the line cap, and the stored log to 256
/// characters.
#[test]
fn a_megabyte_line_is_cut_to_the_line_cap() {
    let outcome = run_body("console.log('\\u001b[31m' + 'x'.repeat(1024 * 1024));");
    assert_eq!(outcome.decision, Decision::Allowed);
    assert_eq!(outcome.logs.lines.len(), 1);
    assert!(
        outcome.logs.lines[0].message.len() <= limits::MAX_LOG_LINE_BYTES,
        "{}",
        outcome.logs.lines[0].message.len()
    );
    assert!(outcome.logs.stored.chars().count() <= limits::STORED_LOG_CHARS && outcome.logs.stored_truncated);
    assert!(outcome.logs.stored.starts_with("\\u{1b}[31m"), "{}", &outcome.logs.stored[..20]);
}
