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
