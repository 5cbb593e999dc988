//! `api.cache`: results, error codes, every limit at its boundary, expiry rules, and
//! sharing across Actions and executions. Each test has its own engine, so its own store.

use std::sync::Arc;

use actionbox::{Config, Engine, Flow, MemoryCache, Trigger};
use actionbox_tests::block_on;
use serde_json::{Map, Value, json};

fn fresh_engine() -> Engine {
    let mut config = Config::default();
    config.max_concurrent(4).api_cache_store(Arc::new(MemoryCache::default()));
    block_on(Engine::new(config)).unwrap()
}

/// Runs `body` and returns what it logged, one JSON text per `console.log`.
fn logs(engine: &Engine, body: &str) -> Vec<Value> {
    let source = format!(
        "const show = (v) => console.log(JSON.stringify(v === undefined ? null : v));
         exports.onExecutePostLogin = async (event, api) => {{ {body} }};"
    );
    let action = block_on(engine.compile("cache.js", &source)).unwrap();
    let outcome =
        block_on(engine.execute(Trigger::PostLogin, &action, &json!({ "user": { "user_id": "u" } }))).unwrap();
    assert_eq!(outcome.decision, actionbox::Decision::Allowed, "{:?}", outcome.decision);
    outcome.logs.lines.iter().map(|l| serde_json::from_str(&l.message).unwrap()).collect()
}

#[test]
fn set_get_and_delete_return_the_platform_shapes() {
    let engine = fresh_engine();
    let out = logs(
        &engine,
        "show(api.cache.set('k', 'v', { ttl: 60000 }).type);
         show(api.cache.get('k').value);
         show(typeof api.cache.get('k').expires_at);
         show(api.cache.delete('k').type);
         show(api.cache.delete('k'));
         show(api.cache.get('k'));",
    );
    assert_eq!(
        out,
        [
            json!("success"),
            json!("v"),
            json!("number"),
            json!("success"),
            json!({ "type": "error", "code": "CacheKeyDoesNotExist" }),
            Value::Null
        ]
    );
}

#[test]
fn key_value_count_and_size_limits_at_their_boundaries() {
    let engine = fresh_engine();
    let out = logs(
        &engine,
        "const code = (r) => r.type === 'success' ? 'ok' : r.code;
         show(code(api.cache.set('k'.repeat(64), 'v')));
         show(code(api.cache.set('k'.repeat(65), 'v')));
         api.cache.delete('k'.repeat(64));
         show(code(api.cache.set('big', 'v'.repeat(4096))));
         show(code(api.cache.set('bigger', 'v'.repeat(4097))));
         show(code(api.cache.set('second', 'v'.repeat(8192 - (3 + 4096) - 6))));
         show(code(api.cache.set('third', 'x')));
         api.cache.delete('big'); api.cache.delete('second');
         for (let i = 0; i < 20; i++) api.cache.set('n' + i, 'v');
         show(code(api.cache.set('n20', 'v')));
         show(code(api.cache.set('n19', 'replaced')));",
    );
    let expected = [
        "ok",
        "CacheKeySizeExceeded",
        "ok",
        "CacheValueSizeExceeded",
        "ok",
        "CacheSizeExceeded",
        "CacheSizeExceeded",
        "ok",
    ];
    assert_eq!(out, expected.map(|s| json!(s)));
}

#[test]
fn expiry_rules() {
    let engine = fresh_engine();
    let out = logs(
        &engine,
        "const now = Date.now();
         const code = (r) => r.type === 'success' ? r.record.expires_at - now : r.code;
         const near = (ms, target) => Math.abs(ms - target) < 5000;
         show(code(api.cache.set('a', 'v', { ttl: 0 })));
         show(code(api.cache.set('b', 'v', { expires_at: now - 1000 })));
         show(near(code(api.cache.set('c', 'v', { ttl: 48 * 3600 * 1000 })), 24 * 3600 * 1000));
         show(near(code(api.cache.set('d', 'v', { ttl: 60000, expires_at: now + 10000 })), 10000));
         show(near(code(api.cache.set('e', 'v', { ttl: 10000, expires_at: now + 60000 })), 10000));
         show(near(code(api.cache.set('f', 'v')), 24 * 3600 * 1000));
         try { api.cache.set('g', 42); } catch (e) { show(e.name); }",
    );
    assert_eq!(
        out,
        [
            json!("InvalidExpiry"),
            json!("ItemAlreadyExpired"),
            json!(true),
            json!(true),
            json!(true),
            json!(true),
            json!("TypeError")
        ]
    );
}

#[test]
fn too_many_writes_in_one_execution_is_max_side_effects() {
    let engine = fresh_engine();
    let out = logs(
        &engine,
        "let last;
         for (let i = 0; i < 101; i++) last = api.cache.set('k', 'v' + i);
         show(last);",
    );
    assert_eq!(out, [json!({ "type": "error", "code": "MaxSideEffectsExceeded" })]);
}

#[test]
fn entries_are_shared_across_actions_and_executions_and_expire() {
    let engine = fresh_engine();
    let writer = block_on(engine.compile(
        "w.js",
        "exports.onExecutePostLogin = async (e, api) => { api.cache.set('token', 'abc', { ttl: 150 }); };",
    ))
    .unwrap();
    let reader = block_on(engine.compile(
        "r.js",
        "exports.onExecutePostLogin = async (e, api) => { const r = api.cache.get('token'); console.log(r ? r.value : 'missing'); };",
    ))
    .unwrap();
    let mut flow = Flow::new(Trigger::PostLogin);
    flow.push("writer", writer, Map::new()).unwrap().push("reader", reader.clone(), Map::new()).unwrap();
    let event = json!({ "user": { "user_id": "u" } });
    let outcome = block_on(engine.run_flow(&flow, &event)).unwrap();
    assert_eq!(outcome.actions[1].outcome.logs.lines[0].message, "abc", "shared within a flow");
    let later = block_on(engine.execute(Trigger::PostLogin, &reader, &event)).unwrap();
    assert_eq!(later.logs.lines[0].message, "abc", "kept across executions");
    std::thread::sleep(std::time::Duration::from_millis(250));
    let expired = block_on(engine.execute(Trigger::PostLogin, &reader, &event)).unwrap();
    assert_eq!(expired.logs.lines[0].message, "missing", "the TTL is honoured");
}

/// A store that fails every call, or never answers one.
struct BrokenStore {
    answers: bool,
}

impl actionbox::CacheStore for BrokenStore {
    fn load(&self, _: Trigger) -> actionbox::CacheFuture<'_, actionbox::CacheEntries> {
        if self.answers {
            Box::pin(std::future::ready(Err(actionbox::CacheStoreError("down".into()))))
        } else {
            Box::pin(std::future::pending())
        }
    }

    fn store<'a>(&'a self, _: Trigger, _: &'a actionbox::CacheEntries) -> actionbox::CacheFuture<'a, ()> {
        if self.answers {
            Box::pin(std::future::ready(Err(actionbox::CacheStoreError("down".into()))))
        } else {
            Box::pin(std::future::pending())
        }
    }
}

fn engine_over(store: BrokenStore, timeout_ms: u64) -> Engine {
    let mut config = Config::default();
    config.max_concurrent(2).api_cache_store(Arc::new(store)).timeout(std::time::Duration::from_millis(timeout_ms));
    block_on(Engine::new(config)).unwrap()
}

#[test]
fn a_failing_store_is_a_miss_for_get_and_the_failure_codes_for_set_and_delete() {
    let engine = engine_over(BrokenStore { answers: true }, 20_000);
    let out = logs(
        &engine,
        "show(api.cache.get('k'));
         show(api.cache.set('k', 'v'));
         show(api.cache.delete('k'));",
    );
    assert_eq!(
        out,
        [
            Value::Null,
            json!({ "type": "error", "code": "FailedToSetCacheRecord" }),
            json!({ "type": "error", "code": "FailedToDeleteCacheRecord" }),
        ]
    );
}

#[test]
fn a_store_that_never_answers_holds_the_action_only_until_its_deadline() {
    let engine = engine_over(BrokenStore { answers: false }, 300);
    let action = block_on(engine.compile(
        "wait.js",
        "exports.onExecutePostLogin = async (event, api) => { api.cache.get('k'); while (true) {} };",
    ))
    .unwrap();
    let outcome =
        block_on(engine.execute(Trigger::PostLogin, &action, &json!({ "user": { "user_id": "u" } }))).unwrap();
    assert!(
        matches!(outcome.decision, actionbox::Decision::Error { error: actionbox::ActionError::Timeout { .. } }),
        "{:?}",
        outcome.decision
    );
}

/// Catalog 25: expiries at and past the edges of numbers: a TTL of 2^53 is capped like
/// any TTL above 24 hours; non-finite and negative ones are `InvalidExpiry`, as is a
/// non-finite absolute expiry; an absolute expiry of 2^53 ms is capped too.
#[test]
fn expiries_at_the_edges_of_numbers() {
    let engine = fresh_engine();
    let out = logs(
        &engine,
        "const now = Date.now();
         const code = (r) => r.type === 'success' ? r.record.expires_at - now : r.code;
         const near = (ms, target) => typeof ms === 'number' && Math.abs(ms - target) < 5000;
         const day = 24 * 3600 * 1000;
         show(near(code(api.cache.set('a', 'v', { ttl: 2 ** 53 })), day));
         show(code(api.cache.set('b', 'v', { ttl: Infinity })));
         show(code(api.cache.set('c', 'v', { ttl: NaN })));
         show(code(api.cache.set('d', 'v', { ttl: -1 })));
         show(near(code(api.cache.set('e', 'v', { expires_at: 2 ** 53 })), day));
         show(code(api.cache.set('f', 'v', { expires_at: -Infinity })));",
    );
    assert_eq!(
        out,
        [
            json!(true),
            json!("InvalidExpiry"),
            json!("InvalidExpiry"),
            json!("InvalidExpiry"),
            json!(true),
            json!("InvalidExpiry")
        ]
    );
}
