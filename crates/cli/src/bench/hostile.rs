//! `actionbox bench --hostile`: the Action under hostile load. Executions are offered at a
//! steady rate (open loop: each is started at its time whatever the others are doing),
//! one in five a hostile Action (an infinite loop, a memory bomb, a microtask flood, a
//! fetch flood against a loopback server that never answers, a deep recursion, in turn;
//! `--hostile-kinds` picks some), until the benign ones reach the count asked. The
//! benign executions' latency, from the time each was offered, is reported beside the
//! same benign load offered alone, first, in the same process; every hostile execution
//! must end with its own limit; resident memory after the run is compared with its level
//! before.
//!
//! It runs on a multi-threaded runtime of one worker per core, in a thread of its own;
//! the loopback server, which stands for a remote host, on a thread of its own too.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use actionbox::{CompiledAction, Config, Decision, EgressPolicy, Engine, ExecuteOptions, Trigger};
use serde_json::Value;
use tokio::net::TcpListener;

use super::steal::{self, CpuTimes};
use super::{Latency, memory};
use crate::exit::Failure;

/// How the engine schedules executions (`Config::yield_interval`, `demote_long_runners`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scheduling {
    /// Yields only at the epoch tick (2 ms), no demotion.
    None,
    /// The fuel yield interval, no demotion.
    Yield,
    /// The yield interval and demotion of long runners (the default).
    Full,
}

/// The hostile Actions the load can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HostileKind {
    /// `for (;;) {}`
    Loop,
    /// Megabyte typed arrays, filled and kept, until the memory cap.
    MemoryBomb,
    /// `for (;;) await 0;`
    MicrotaskFlood,
    /// 50 requests to a loopback server that never answers.
    FetchFlood,
    /// Unbounded recursion.
    DeepRecursion,
}

/// The load: executions offered per second, the share that is hostile and its kinds, the
/// benign count.
pub struct Load {
    pub rate: u32,
    pub benign: u32,
    pub timeout: Duration,
    pub scheduling: Scheduling,
    /// The hostile kinds offered in turn (all of them when empty).
    pub kinds: Vec<HostileKind>,
}

/// What resident memory may stay above its level before the run, once it has drained,
/// beyond what the pool's slots keep ([`KEPT_PER_SLOT_MIB`] for each execution that was
/// in flight at once).
const RSS_TOLERANCE_MIB: f64 = 64.0;

/// The hostile Actions, each with the outcomes it may end with. A memory bomb is a long
/// runner: demoted behind the benign load, it may reach its deadline before its memory
/// cap.
const HOSTILE: &[(HostileKind, &str, &str, &[&str])] = &[
    (HostileKind::Loop, "infinite loop", "for (;;) {}", &["timeout"]),
    (
        HostileKind::MemoryBomb,
        "memory bomb",
        "const keep = []; for (;;) keep.push(new Uint8Array(1 << 20).fill(1));",
        &["memory_limit", "timeout"],
    ),
    (HostileKind::MicrotaskFlood, "microtask flood", "for (;;) await 0;", &["timeout"]),
    (
        HostileKind::FetchFlood,
        "fetch flood",
        "await Promise.all(Array.from({ length: 50 }, () => fetch(event.request.query.hang)));",
        &["timeout"],
    ),
    (HostileKind::DeepRecursion, "deep recursion", "const f = () => f(); f();", &["threw RangeError"]),
];

/// Linear memory a pool slot keeps resident between instances (`Config`'s pool, 4 MiB
/// for each of an instance's two memories): after a run, the slots it touched hold it.
const KEPT_PER_SLOT_MIB: f64 = 8.0;

/// Runs the bench on a runtime of its own, in a thread of its own, and waits for it.
pub fn run(action: std::path::PathBuf, event: Value, trigger: Trigger, load: Load) -> Result<(), Failure> {
    let thread = std::thread::Builder::new().name("actionbox-hostile-bench".into()).spawn(move || {
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .enable_all()
            .build()
            .map_err(|e| Failure::io(format!("starting the async runtime: {e}")))?;
        runtime.block_on(bench(&action, event, trigger, load, workers))
    });
    thread
        .map_err(|e| Failure::io(format!("starting the bench thread: {e}")))?
        .join()
        .unwrap_or_else(|_| Err(Failure::io("the bench thread panicked".to_owned())))
}

async fn bench(
    action: &std::path::Path,
    mut event: Value,
    trigger: Trigger,
    load: Load,
    workers: usize,
) -> Result<(), Failure> {
    let mut config = Config::default();
    config.timeout(load.timeout).max_concurrent(256);
    match load.scheduling {
        Scheduling::None => config.yield_interval(None).demote_long_runners(false),
        Scheduling::Yield => config.demote_long_runners(false),
        Scheduling::Full => &mut config,
    };
    let engine = Arc::new(Engine::new(config).await?);
    let benign = crate::input::load_action(&engine, action).await?;
    let hang = hanging_server().await?;
    event["request"]["query"]["hang"] = Value::from(hang);
    let mut hostile = Vec::new();
    for (_, name, body, expected) in
        HOSTILE.iter().filter(|(kind, ..)| load.kinds.is_empty() || load.kinds.contains(kind))
    {
        let source = format!("exports.{} = async (event, api) => {{ {body} }};", trigger.handler());
        hostile.push((*name, engine.compile("hostile.js", &source).await?, *expected));
    }
    let mut policy = EgressPolicy::new();
    policy.allow_http(true).allow_loopback_for_tests(true);
    let mut options = ExecuteOptions::new();
    options.egress(policy);
    let run = Run { engine: engine.clone(), trigger, event: Arc::new(event), options: Arc::new(options) };

    let first = run.engine.execute_with(trigger, &benign, &run.event, &run.options).await?;
    if let Decision::Error { error } = &first.decision {
        return Err(Failure::invalid_input(format!("the Action fails, so it cannot be benchmarked: {error}")));
    }
    outln!(
        "actionbox bench --hostile: {} ({trigger} trigger), scheduling `{:?}`, {workers} worker threads, deadline {:?}",
        action.display(),
        load.scheduling,
        load.timeout
    );
    let benign_rate = f64::from(load.rate) * 0.8;
    outln!(
        "  offered: {} per second, one in five hostile ({}); alone: the benign {benign_rate:.0} per second; {} benign each",
        load.rate,
        hostile.iter().map(|(name, ..)| *name).collect::<Vec<_>>().join(", "),
        load.benign
    );
    let benign = Arc::new(benign);
    // Warm up, then the benign load alone.
    offer(&run, &benign, &[], benign_rate, 200, 0).await;
    let rss_before = memory::resident_kib();
    let cpu_before_alone = CpuTimes::now();
    let alone = offer(&run, &benign, &[], benign_rate, load.benign, 0).await;
    let steal_alone = steal::describe(cpu_before_alone, CpuTimes::now());
    let alone_latency = Latency::from_samples(&mut alone.benign.clone());
    let hostile: Vec<_> = hostile.into_iter().map(|(n, a, e)| (n, Arc::new(a), e)).collect();
    let cpu_before_loaded = CpuTimes::now();
    let loaded = offer(&run, &benign, &hostile, f64::from(load.rate), load.benign, 5).await;
    let steal_loaded = steal::describe(cpu_before_loaded, CpuTimes::now());
    let loaded_latency = Latency::from_samples(&mut loaded.benign.clone());
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_after = memory::resident_kib();

    outln!(
        "  benign alone    p50 {:>8.1} µs   p99 {:>8.1} µs   ({} executions, at most {} in flight)",
        alone_latency.p50,
        alone_latency.p99,
        alone.benign.len(),
        alone.max_in_flight
    );
    outln!(
        "  benign loaded   p50 {:>8.1} µs   p99 {:>8.1} µs   ({} executions, at most {} in flight with the hostile ones)",
        loaded_latency.p50,
        loaded_latency.p99,
        loaded.benign.len(),
        loaded.max_in_flight
    );
    for (phase, offered) in [("alone", &alone), ("loaded", &loaded)] {
        let slow = slowest_hundredth(&offered.parts);
        outln!(
            "  slowest 1% {phase:<6} mean {:>8.1} µs: waited for a thread {:.1}, instantiate {:.1}, run {:.1}, the rest {:.1}",
            slow.latency,
            slow.waited,
            slow.instantiate,
            slow.run,
            slow.rest()
        );
    }
    let ratio = loaded_latency.p99 / alone_latency.p99;
    outln!("  benign p99 loaded/alone: {ratio:.2}x (target: within 2x)");
    let mut all_expected = true;
    for (name, _, expected) in &hostile {
        let ended = loaded.hostile.get(*name).cloned().unwrap_or_default();
        let count: usize = ended.kinds.values().sum();
        let kinds: Vec<String> = ended.kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let all = ended.kinds.keys().all(|kind| expected.contains(&kind.as_str()));
        all_expected &= all;
        outln!(
            "  hostile {name:<16} {count:>5} ended: {} ({}); longest {:.0} ms",
            kinds.join(", "),
            if all { "as expected" } else { "NOT as expected" },
            ended.longest.as_secs_f64() * 1000.0
        );
    }
    outln!(
        "  hostile: {}",
        if all_expected { "every one ended with its limit" } else { "NOT all ended with their limit" }
    );
    let grown = (rss_after as f64 - rss_before as f64) / 1024.0;
    let kept = loaded.max_in_flight as f64 * KEPT_PER_SLOT_MIB;
    let tolerance = kept + RSS_TOLERANCE_MIB;
    outln!(
        "  memory: resident {:.1} MiB before the loaded run, {:.1} MiB one second after it ({grown:+.1} MiB; tolerance {tolerance:.0} MiB = {kept:.0} kept by the pool's slots + {RSS_TOLERANCE_MIB:.0}: {}), peak {:.1} MiB",
        rss_before as f64 / 1024.0,
        rss_after as f64 / 1024.0,
        if grown <= tolerance { "within" } else { "ABOVE" },
        memory::peak_resident_kib() as f64 / 1024.0
    );
    outln!("  the offered load took {:.1} s alone, {:.1} s with the hostile ones", alone.took, loaded.took);
    outln!("  the machine: alone, {steal_alone}; loaded, {steal_loaded}");
    Ok(())
}

/// What every execution of the run shares.
#[derive(Clone)]
struct Run {
    engine: Arc<Engine>,
    trigger: Trigger,
    event: Arc<Value>,
    options: Arc<ExecuteOptions>,
}

/// Where one benign execution's time went, in µs: waiting for a thread after it was
/// offered, instantiating, running, and the rest of the call (checks, the store, the
/// outcome, dropping the store).
#[derive(Default, Clone, Copy)]
struct Parts {
    latency: f64,
    waited: f64,
    instantiate: f64,
    run: f64,
}

impl Parts {
    fn rest(&self) -> f64 {
        self.latency - self.waited - self.instantiate - self.run
    }
}

/// The mean parts of the slowest hundredth of `parts`.
fn slowest_hundredth(parts: &[Parts]) -> Parts {
    let mut sorted = parts.to_vec();
    sorted.sort_by(|a, b| b.latency.total_cmp(&a.latency));
    let slow = &sorted[..sorted.len().div_ceil(100)];
    let mean = |f: fn(&Parts) -> f64| slow.iter().map(f).sum::<f64>() / slow.len() as f64;
    Parts {
        latency: mean(|p| p.latency),
        waited: mean(|p| p.waited),
        instantiate: mean(|p| p.instantiate),
        run: mean(|p| p.run),
    }
}

#[derive(Default, Clone)]
struct Ended {
    kinds: BTreeMap<String, usize>,
    longest: Duration,
}

struct Offered {
    /// Benign latencies in µs, from the time each was offered.
    benign: Vec<f64>,
    /// Where each benign execution's time went, in the order they were offered.
    parts: Vec<Parts>,
    hostile: BTreeMap<&'static str, Ended>,
    max_in_flight: usize,
    took: f64,
}

/// Offers executions at `rate` per second until `benign` benign ones were offered, every
/// `hostile_every`-th one hostile (0: none), and waits for all of them.
async fn offer(
    run: &Run,
    benign: &Arc<CompiledAction>,
    hostile: &[(&'static str, Arc<CompiledAction>, &'static [&'static str])],
    rate: f64,
    benign_count: u32,
    hostile_every: u32,
) -> Offered {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let max_in_flight = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let period = Duration::from_secs_f64(1.0 / rate);
    let mut tasks = Vec::new();
    let mut offered_benign = 0;
    let mut next_hostile = 0;
    let mut i: u32 = 0;
    while offered_benign < benign_count {
        tokio::time::sleep_until((started + period * i).into()).await;
        // Latency counts from here: the timer's own lateness (up to a millisecond) is the
        // offering's, not the engine's.
        let at = Instant::now();
        let is_hostile = hostile_every > 0 && i % hostile_every == hostile_every - 1;
        let (name, action) = if is_hostile {
            let (name, action, _) = &hostile[next_hostile % hostile.len()];
            next_hostile += 1;
            (Some(*name), action.clone())
        } else {
            offered_benign += 1;
            (None, benign.clone())
        };
        let run = run.clone();
        let (in_flight, max_in_flight) = (in_flight.clone(), max_in_flight.clone());
        tasks.push(tokio::spawn(async move {
            let waited = at.elapsed();
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            max_in_flight.fetch_max(now, Ordering::SeqCst);
            let result = run.engine.execute_with(run.trigger, &action, &run.event, &run.options).await;
            in_flight.fetch_sub(1, Ordering::SeqCst);
            let latency = at.elapsed();
            let us = |d: Duration| d.as_secs_f64() * 1e6;
            let parts = result.as_ref().map_or_else(
                |_| Parts { latency: us(latency), waited: us(waited), ..Parts::default() },
                |o| Parts {
                    latency: us(latency),
                    waited: us(waited),
                    instantiate: o.usage.instantiate_us as f64,
                    run: o.usage.run_us as f64,
                },
            );
            (name, parts, latency, result.map(|o| outcome_kind(&o.decision)).unwrap_or_else(|e| e.kind().to_owned()))
        }));
        i += 1;
    }
    let mut offered =
        Offered { benign: Vec::new(), parts: Vec::new(), hostile: BTreeMap::new(), max_in_flight: 0, took: 0.0 };
    for task in tasks {
        let Ok((name, parts, latency, kind)) = task.await else { continue };
        match name {
            None => {
                offered.benign.push(parts.latency);
                offered.parts.push(parts);
            }
            Some(name) => {
                let ended = offered.hostile.entry(name).or_default();
                *ended.kinds.entry(kind).or_default() += 1;
                ended.longest = ended.longest.max(latency);
            }
        }
    }
    offered.max_in_flight = max_in_flight.load(Ordering::SeqCst);
    offered.took = started.elapsed().as_secs_f64();
    offered
}

/// The outcome's kind as the hostile table names it.
fn outcome_kind(decision: &Decision) -> String {
    match decision {
        Decision::Error { error } => {
            let value = serde_json::to_value(error).unwrap_or_default();
            let kind = value["kind"].as_str().unwrap_or("error").to_owned();
            match value["name"].as_str() {
                Some(name) if kind == "threw" => format!("threw {name}"),
                _ => kind,
            }
        }
        Decision::Allowed => "allowed".into(),
        Decision::Denied { .. } => "denied".into(),
        Decision::Suspended(_) => "suspended".into(),
    }
}

/// A loopback server that accepts connections and never answers; its URL. It stands for
/// a remote host, so it runs on a runtime and a thread of its own, not among the
/// executions it serves.
async fn hanging_server() -> Result<String, Failure> {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| Failure::io(format!("a loopback listener: {e}")))?;
    let address = listener.local_addr().map_err(|e| Failure::io(format!("its address: {e}")))?;
    listener.set_nonblocking(true).map_err(|e| Failure::io(format!("a loopback listener: {e}")))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|e| Failure::io(format!("the loopback server's runtime: {e}")))?;
    std::thread::Builder::new()
        .name("actionbox-hanging-server".into())
        .spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = TcpListener::from_std(listener) else { return };
                while let Ok((mut stream, _)) = listener.accept().await {
                    // Held until the client goes away (its execution ended), never answered.
                    tokio::spawn(async move {
                        let mut buffer = [0u8; 4096];
                        while matches!(tokio::io::AsyncReadExt::read(&mut stream, &mut buffer).await, Ok(n) if n > 0) {}
                    });
                }
            })
        })
        .map_err(|e| Failure::io(format!("the loopback server's thread: {e}")))?;
    Ok(format!("http://{address}/"))
}
