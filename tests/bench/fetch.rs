//! `fetch-bench`: what `fetch` costs, beside baselines measured in the same run, against
//! local servers (`support/http.rs`, loopback only).
//!
//! 1. One request to a local plain-HTTP server: an Action awaiting one `fetch` (pooled
//!    connection) against the same request made directly by an HTTP client configured as
//!    the host's, each both back to back and with the same pause before each request or
//!    execution (the server, on this machine's cores, then has finished the previous
//!    response and parked, as a remote server's work never competes with the host's);
//!    beside it the same Action over a fresh connection each time (each execution with a
//!    transport of its own, so a fresh client) and over HTTPS.
//! 2. N executions at once in one process, each awaiting a request that the server
//!    answers after 50 ms: the wall-clock time until all have finished (N = 100, then
//!    1,000).
//!
//! Run with `cargo run -p actionbox-tests --bin fetch-bench [-- ITERATIONS]`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use actionbox::{Config, EgressPolicy, Engine, ExecuteOptions, Trigger};
use actionbox_tests::http::{Server, TestCa};

/// Worker threads of the runtime the executions run on (`FETCH_BENCH_WORKERS`, default 2).
fn workers() -> usize {
    std::env::var("FETCH_BENCH_WORKERS").ok().and_then(|n| n.parse().ok()).unwrap_or(2)
}

fn main() {
    let iterations: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(2000);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(workers()).enable_all().build().unwrap();
    // On the runtime's workers, as a server embedding actionbox runs its executions.
    runtime.block_on(async move { tokio::spawn(run(iterations)).await.unwrap() });
}

fn p50(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn p99(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[((samples.len() - 1) as f64 * 0.99) as usize]
}

async fn run(iterations: usize) {
    let ca = TestCa::new();
    let (http, https) = (Server::http(), Server::https(&ca));
    let mut config = Config::default();
    config.max_concurrent(1024);
    let engine = Engine::new(config).await.expect("the engine");
    let mut policy = EgressPolicy::new();
    policy.allow_loopback_for_tests(true).allow_http(true);
    policy.add_root_certificate(ca.root_pem.as_bytes()).unwrap();
    let mut options = ExecuteOptions::new();
    options.egress(policy.clone());
    let event = serde_json::json!({ "user": { "user_id": "auth0|bench" } });

    println!("fetch-bench: {iterations} iterations per figure, after 200 warm-up");
    let compile = |url: String| {
        let engine = engine.clone();
        async move {
            let source = format!(
                "exports.onExecutePostLogin = async (event, api) => {{ await (await fetch('{url}')).text(); }};"
            );
            engine.compile("bench.js", &source).await.expect("the bench Action compiles")
        }
    };
    let noop = engine.compile("noop.js", "exports.onExecutePostLogin = async () => {};").await.unwrap();

    // The same request, made directly by a client configured as the host's.
    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .http1_max_headers(actionbox::limits::MAX_RESPONSE_HEADERS)
        .build()
        .unwrap();
    let url = http.url("/hello");
    let mut direct = Vec::with_capacity(iterations);
    for i in 0..iterations + 200 {
        let t = Instant::now();
        let body = client.get(&url).send().await.unwrap().bytes().await.unwrap();
        assert_eq!(&body[..], b"hello");
        if i >= 200 {
            direct.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    // The same, with the server idle before each request as it is before each of the
    // Actions' (their executions take longer than this loop's turns, so the server's
    // threads park between requests and pay their wake-up): the fair baseline.
    let mut direct_idle = Vec::with_capacity(iterations);
    for i in 0..iterations + 200 {
        idle_pause();
        let t = Instant::now();
        client.get(&url).send().await.unwrap().bytes().await.unwrap();
        if i >= 200 {
            direct_idle.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    let after_direct = http.connections();
    // `idle`: the same pause before each execution as before each idle-server request.
    let measure = |action: actionbox::CompiledAction, options: ExecuteOptions, n: usize, idle: bool| {
        let engine = engine.clone();
        let event = event.clone();
        async move {
            let mut samples = Vec::with_capacity(n);
            let mut in_request = Vec::with_capacity(n);
            for i in 0..n + 200 {
                if idle {
                    idle_pause();
                }
                let t = Instant::now();
                let outcome = engine.execute_with(Trigger::PostLogin, &action, &event, &options).await.unwrap();
                assert!(matches!(outcome.decision, actionbox::Decision::Allowed), "{:?}", outcome.decision);
                if i >= 200 {
                    samples.push(t.elapsed().as_secs_f64() * 1e6);
                    in_request.push(outcome.requests.first().map_or(0.0, |r| r.duration_us as f64));
                }
            }
            if in_request.iter().any(|us| *us > 0.0) {
                println!(
                    "    (of which the request itself, as its record times it: {:.1} µs p50)",
                    p50(&mut in_request)
                );
            }
            samples
        }
    };
    let action = compile(http.url("/hello")).await;
    let mut sandboxed = measure(action.clone(), options.clone(), iterations, false).await;
    let mut sandboxed_idle = measure(action, options.clone(), iterations, true).await;
    println!("  connections opened: direct {after_direct}, by the Actions {}", http.connections() - after_direct);
    let mut nothing = measure(noop.clone(), options.clone(), iterations, false).await;
    let mut secure = measure(compile(https.url("/hello")).await, options.clone(), iterations, false).await;
    // The same Action answered by a mock: the sandbox's part without the network's.
    let mut mocked_options = options.clone();
    let rule = format!(r#"{{ "mocks": [ {{ "url": "{}", "body": "hello" }} ] }}"#, http.url("/hello"));
    mocked_options.mocks(actionbox::Mocks::from_json(rule.as_bytes()).unwrap());
    let mut mocked = measure(compile(http.url("/hello")).await, mocked_options, iterations, false).await;
    let (d, s) = (p50(&mut direct), p50(&mut sandboxed));
    let (di, si) = (p50(&mut direct_idle), p50(&mut sandboxed_idle));
    let (n, h) = (p50(&mut nothing), p50(&mut secure));
    println!("  one request, plain HTTP, pooled connection (p50 / p99):");
    println!("    back to back: direct from the host           {d:>8.1} µs / {:>8.1} µs", p99(&mut direct));
    println!("                  an Action awaiting fetch       {s:>8.1} µs / {:>8.1} µs", p99(&mut sandboxed));
    println!("                  added by the sandbox           {:>8.1} µs", s - d);
    println!("    server idle before each: direct              {di:>8.1} µs / {:>8.1} µs", p99(&mut direct_idle));
    println!("                  an Action awaiting fetch       {si:>8.1} µs / {:>8.1} µs", p99(&mut sandboxed_idle));
    println!("                  added by the sandbox           {:>8.1} µs (target: at most 150 µs)", si - di);
    println!("    (no-op Action alone                          {n:>8.1} µs)");
    println!("    (the Action, its request answered by a mock  {:>8.1} µs)", p50(&mut mocked));
    println!("  an Action awaiting fetch over HTTPS (HTTP/2, pooled): {h:.1} µs p50, {:.1} µs p99", p99(&mut secure));

    // A fresh connection each time: every execution under its own transport (a root
    // certificate of its own makes a new client, hence a new connection).
    let fresh_n = iterations.min(200);
    let mut fresh = Vec::with_capacity(fresh_n);
    let fresh_action = compile(http.url("/hello")).await;
    for _ in 0..fresh_n {
        let mut own = policy.clone();
        own.resolve_for_tests(&format!("fresh-{}.test", fresh.len()), vec![]);
        let mut fresh_options = ExecuteOptions::new();
        fresh_options.egress(own);
        let t = Instant::now();
        engine.execute_with(Trigger::PostLogin, &fresh_action, &event, &fresh_options).await.unwrap();
        fresh.push(t.elapsed().as_secs_f64() * 1e6);
    }
    println!(
        "  an Action awaiting fetch over a fresh connection and client: {:.1} µs p50 ({fresh_n} runs)",
        p50(&mut fresh)
    );
    let mut fresh_direct = Vec::with_capacity(fresh_n);
    for _ in 0..fresh_n {
        let t = Instant::now();
        let client = reqwest::Client::builder().no_proxy().build().unwrap();
        client.get(&url).send().await.unwrap().bytes().await.unwrap();
        fresh_direct.push(t.elapsed().as_secs_f64() * 1e6);
    }
    println!("    (direct, fresh client and connection: {:.1} µs p50)", p50(&mut fresh_direct));

    // Many executions at once, each awaiting a 50 ms response.
    let slow = Arc::new(compile(http.url("/slow?ms=50")).await);
    for concurrency in [100usize, 1000] {
        // Warm: instances, connections.
        let _ = all_at_once(&engine, &slow, &event, &options, concurrency).await;
        let mut walls = Vec::new();
        for _ in 0..5 {
            walls.push(all_at_once(&engine, &slow, &event, &options, concurrency).await.as_secs_f64() * 1e3);
        }
        let target = if concurrency == 100 { " (target: at most 80 ms)" } else { "" };
        walls.sort_by(f64::total_cmp);
        println!(
            "  {concurrency} executions at once, each awaiting a 50 ms response: all done in {:.1} ms (median of 5; min {:.1}, max {:.1}){target}",
            walls[2], walls[0], walls[4]
        );
    }
}

/// Long enough for the local server's threads to finish the previous response and park,
/// as they do between requests that do not follow each other at once.
fn idle_pause() {
    let pause = Instant::now();
    while pause.elapsed() < Duration::from_micros(300) {
        std::hint::spin_loop();
    }
}

async fn all_at_once(
    engine: &Engine,
    action: &Arc<actionbox::CompiledAction>,
    event: &serde_json::Value,
    options: &ExecuteOptions,
    n: usize,
) -> Duration {
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(n);
    for _ in 0..n {
        let (engine, action, event, options) = (engine.clone(), action.clone(), event.clone(), options.clone());
        tasks.push(tokio::spawn(async move {
            let outcome = engine.execute_with(Trigger::PostLogin, &action, &event, &options).await.unwrap();
            assert!(matches!(outcome.decision, actionbox::Decision::Allowed), "{:?}", outcome.decision);
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    started.elapsed()
}
