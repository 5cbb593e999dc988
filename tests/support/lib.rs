//! Shared test support: one engine per configuration per test binary, a blocking
//! executor, the data-driven case format of `tests/cases/<name>/`, local HTTP servers
//! (`http.rs`), real npm packages installed at test time (`npm.rs`), and `node` as the
//! reference (`node.rs`).

pub mod case;
pub mod http;
pub mod node;
pub mod npm;

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use actionbox::{Config, Engine};

/// Limits a test may change from the defaults (`expected.json` → `"config"`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub timeout_ms: Option<u64>,
    pub fuel: Option<u64>,
    pub memory_bytes: Option<u64>,
    pub max_concurrent: Option<u32>,
}

/// Runs a future to completion on a fresh single-threaded runtime (with I/O, which
/// `fetch` needs).
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime").block_on(future)
}

/// The engine with default limits, created once per test binary.
pub fn engine() -> Engine {
    engine_with(Limits::default())
}

/// The engine for `limits`, created once per distinct value per test binary.
pub fn engine_with(limits: Limits) -> Engine {
    static ENGINES: OnceLock<Mutex<HashMap<Limits, Engine>>> = OnceLock::new();
    let engines = ENGINES.get_or_init(Default::default);
    let mut engines = engines.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    engines
        .entry(limits)
        .or_insert_with(|| {
            let mut config = Config::default();
            config.max_concurrent(limits.max_concurrent.unwrap_or(16));
            if let Some(ms) = limits.timeout_ms {
                config.timeout(Duration::from_millis(ms));
            }
            if let Some(fuel) = limits.fuel {
                config.fuel(fuel);
            }
            if let Some(bytes) = limits.memory_bytes {
                config.memory_limit(bytes);
            }
            block_on(Engine::new(config)).expect("the engine to start")
        })
        .clone()
}

/// A minimal post-login event.
pub fn event() -> serde_json::Value {
    serde_json::json!({ "user": { "user_id": "auth0|test" }, "secrets": {} })
}
