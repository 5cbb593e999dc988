//! Faults at the edges: a cache store that is slow or never answers a write, an
//! execution whose future the embedder drops, a compiled-guest cache file cut short, and
//! a write of that cache that fails part-way (`actionbox::faults`). The store that fails
//! outright, and a read that never answers, are in `cache.rs`; a cache file overwritten
//! in the middle in `isolation.rs`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use actionbox::{
    ActionError, CacheEntries, CacheFuture, CacheStore, Config, Decision, Engine, Key, MemoryCache, Trigger,
};
use actionbox_tests::{block_on, event};
use serde_json::json;

/// A store that answers after `delay`, or never for writes when `writes_hang`.
struct SlowStore {
    delay: Duration,
    writes_hang: bool,
    inner: MemoryCache,
}

impl CacheStore for SlowStore {
    fn load(&self, trigger: Trigger) -> CacheFuture<'_, CacheEntries> {
        let delay = self.delay;
        Box::pin(async move {
            tokio::time::sleep(delay).await;
            self.inner.load(trigger).await
        })
    }

    fn store<'a>(&'a self, trigger: Trigger, entries: &'a CacheEntries) -> CacheFuture<'a, ()> {
        if self.writes_hang {
            return Box::pin(std::future::pending());
        }
        let delay = self.delay;
        Box::pin(async move {
            tokio::time::sleep(delay).await;
            self.inner.store(trigger, entries).await
        })
    }
}

fn engine_over(store: SlowStore, timeout: Duration) -> Engine {
    let mut config = Config::default();
    config.max_concurrent(2).api_cache_store(Arc::new(store)).timeout(timeout);
    block_on(Engine::new(config)).unwrap()
}

fn run(engine: &Engine, body: &str) -> (actionbox::Outcome, Duration) {
    let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
    let action = block_on(engine.compile("faults.js", &source)).unwrap();
    let started = Instant::now();
    let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
    (outcome, started.elapsed())
}

#[test]
fn a_slow_cache_store_is_waited_for_within_the_deadline() {
    let store = SlowStore { delay: Duration::from_millis(150), writes_hang: false, inner: MemoryCache::default() };
    let engine = engine_over(store, Duration::from_secs(20));
    let (outcome, _) = run(
        &engine,
        "const set = api.cache.set('k', 'v');
         console.log(set.type, api.cache.get('k').value);",
    );
    assert_eq!(outcome.decision, Decision::Allowed, "{:?}", outcome.decision);
    assert_eq!(outcome.logs.lines[0].message, "success v");
}

#[test]
fn a_cache_write_that_never_answers_ends_the_execution_at_its_deadline() {
    let store = SlowStore { delay: Duration::ZERO, writes_hang: true, inner: MemoryCache::default() };
    let timeout = Duration::from_millis(300);
    let engine = engine_over(store, timeout);
    let (outcome, elapsed) = run(&engine, "const set = api.cache.set('k', 'v'); console.log(set.type, set.code);");
    assert!(
        matches!(outcome.decision, Decision::Error { error: ActionError::Timeout { .. } }),
        "{:?} {:?}",
        outcome.decision,
        outcome.logs.lines
    );
    assert!(elapsed < timeout + Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn a_dropped_execution_gives_back_its_slot_and_its_instance() {
    let mut config = Config::default();
    config.max_concurrent(1);
    let engine = block_on(Engine::new(config)).unwrap();
    let looping =
        block_on(engine.compile("loop.js", "exports.onExecutePostLogin = async () => { for (;;) {} };")).unwrap();
    let waiting = block_on(engine.compile(
        "wait.js",
        "exports.onExecutePostLogin = async () => { await new Promise(r => setTimeout(r, 60000)); };",
    ))
    .unwrap();
    let quick = block_on(
        engine.compile("quick.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('done'); };"),
    )
    .unwrap();
    // Dropped mid-run, in the guest's code and in the host's wait; the one slot is then
    // free again each time, and the pool's instance with it.
    for round in 0..20 {
        let action = if round % 2 == 0 { &looping } else { &waiting };
        let dropped = block_on(async {
            tokio::time::timeout(Duration::from_millis(30), engine.execute(Trigger::PostLogin, action, &event())).await
        });
        assert!(dropped.is_err(), "round {round}: the execution should still be running");
        let outcome = block_on(engine.execute(Trigger::PostLogin, &quick, &event()))
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(outcome.decision, Decision::Denied { reason: "done".into(), code: None });
    }
}

#[test]
fn a_memory_bombs_slot_is_free_when_its_execution_returns() {
    // Its store is dropped on a blocking thread (its pages take milliseconds to give
    // back), and `execute` waits for that before it returns the slot.
    let mut config = Config::default();
    config.max_concurrent(1).memory_limit(32 * 1024 * 1024);
    let engine = block_on(Engine::new(config)).unwrap();
    let bomb = block_on(engine.compile(
        "bomb.js",
        "exports.onExecutePostLogin = async () => { const keep = []; for (;;) keep.push(new Uint8Array(1 << 20).fill(1)); };",
    ))
    .unwrap();
    let quick = block_on(
        engine.compile("quick.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('done'); };"),
    )
    .unwrap();
    for round in 0..3 {
        let outcome = block_on(engine.execute(Trigger::PostLogin, &bomb, &event())).unwrap();
        assert!(
            matches!(outcome.decision, Decision::Error { error: actionbox::ActionError::MemoryLimit { .. } }),
            "round {round}: {:?}",
            outcome.decision
        );
        let outcome = block_on(engine.execute(Trigger::PostLogin, &quick, &event()))
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(outcome.decision, Decision::Denied { reason: "done".into(), code: None });
    }
}

/// A guest cache directory of its own, removed when the test ends.
struct CacheDir(PathBuf);

impl CacheDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("actionbox-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        CacheDir(dir)
    }

    fn engine(&self, key: &Key) -> Engine {
        let mut config = Config::default();
        config.guest_cache_dir(Some(self.0.clone())).guest_cache_key(key.clone()).max_concurrent(2);
        block_on(Engine::new(config)).unwrap()
    }

    /// The names in the directory, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .map(|entries| entries.map(|e| e.unwrap().file_name().into_string().unwrap()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    fn compiled_files(&self) -> Vec<PathBuf> {
        self.names().iter().filter(|n| n.ends_with(".cwasm")).map(|n| self.0.join(n)).collect()
    }
}

impl Drop for CacheDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn denies(engine: &Engine) {
    let action =
        block_on(engine.compile("a.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('ok'); };"))
            .unwrap();
    let outcome =
        block_on(engine.execute(Trigger::PostLogin, &action, &json!({ "user": { "user_id": "u" } }))).unwrap();
    assert_eq!(outcome.decision, Decision::Denied { reason: "ok".into(), code: None });
}

fn modified(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn a_truncated_guest_cache_file_is_rebuilt() {
    let dir = CacheDir::new("truncated-cache");
    let key = Key::generate();
    dir.engine(&key);
    let files = dir.compiled_files();
    assert!(!files.is_empty(), "{:?}", dir.names());
    for (i, file) in files.iter().enumerate() {
        let good = std::fs::read(file).unwrap();
        // Cut one in half, and the other to nothing.
        let kept = if i == 0 { good.len() / 2 } else { 0 };
        std::fs::write(file, &good[..kept]).unwrap();
    }
    let engine = dir.engine(&key);
    denies(&engine);
    for file in &files {
        assert!(std::fs::metadata(file).unwrap().len() > 0, "{} was rebuilt", file.display());
    }
}

#[test]
fn a_guest_cache_write_failing_part_way_leaves_no_file_and_the_next_engine_writes_it() {
    let dir = CacheDir::new("failing-cache");
    let key = Key::generate();
    {
        // The engine prepares its guest on this thread (`block_on`), where writes fail.
        let _failing = actionbox::faults::fail_writes("guest-");
        // The engine works without its cache; nothing half written is left behind.
        denies(&dir.engine(&key));
        // (The lock file that serializes preparations across processes may stay.)
        let names = dir.names();
        assert!(names.iter().all(|n| n.ends_with(".lock")), "{names:?}");
    }
    denies(&dir.engine(&key));
    let files = dir.compiled_files();
    assert!(!files.is_empty(), "{:?}", dir.names());
    let written: Vec<_> = files.iter().map(|f| modified(f)).collect();
    // The next engine loads them as they are.
    denies(&dir.engine(&key));
    assert_eq!(files.iter().map(|f| modified(f)).collect::<Vec<_>>(), written);
}
