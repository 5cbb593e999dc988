//! `actionbox bench`: many executions of one Action in one process, reported as latency
//! percentiles, throughput and resident memory, beside baselines measured in the same run:
//! a no-op Action (the fixed cost of a fresh sandbox) and, with `--node-baseline` (which
//! runs the Action outside the sandbox, see `node.rs`), the same Action in Node's `vm`
//! module with a new context per run.

mod flow;
mod hostile;
mod node;
mod steal;

pub use flow::run as run_flow;
pub use hostile::{HostileKind, Load, Scheduling, run as run_hostile};

use std::time::Instant;

use actionbox::{CompiledAction, Decision, Engine, ExecuteOptions, Outcome, SnapshotOrigin};
use serde_json::Value;

use crate::Target;
use crate::exit::Failure;

pub(crate) const WARM_UP: u32 = 200;
const NO_OP_ACTION: &str = "exports.onExecutePostLogin = async (event, api) => {};";

/// Latency figures in microseconds.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    pub p50: f64,
    pub p99: f64,
    pub mean: f64,
}

impl Latency {
    pub fn from_samples(samples: &mut [f64]) -> Self {
        if samples.is_empty() {
            return Latency { p50: 0.0, p99: 0.0, mean: 0.0 };
        }
        samples.sort_by(f64::total_cmp);
        let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
        Latency { p50: at(0.50), p99: at(0.99), mean: samples.iter().sum::<f64>() / samples.len() as f64 }
    }
}

/// Gives `action` a snapshot of its own (`--snapshot`) and says how it went; an Action
/// that cannot have one is measured without.
pub async fn snapshot(engine: &Engine, action: &CompiledAction) -> Result<(), Failure> {
    let started = Instant::now();
    match engine.snapshot_action(action).await {
        Ok(report) => {
            let took = started.elapsed().as_secs_f64() * 1000.0;
            match (report.origin, report.image_bytes) {
                (SnapshotOrigin::Made, Some((image, shared))) => outln!(
                    "per-Action snapshot: made in {took:.0} ms, memory image {image} bytes (the shared snapshot's: {shared})"
                ),
                (SnapshotOrigin::Loaded, _) => outln!("per-Action snapshot: loaded from the cache in {took:.0} ms"),
                _ => outln!("per-Action snapshot: ready in {took:.0} ms"),
            }
            Ok(())
        }
        Err(actionbox::Error::NotSnapshotted(reason)) => {
            outln!("per-Action snapshot: none, measured without: {reason}");
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn run(
    engine: &Engine,
    action: &CompiledAction,
    target: &Target,
    options: &ExecuteOptions,
    event: &Value,
    n: u32,
    node_baseline: bool,
) -> Result<(), Failure> {
    let first = engine.execute_with(target.trigger, action, event, options).await?;
    if let Decision::Error { error } = &first.decision {
        return Err(Failure::invalid_input(format!("the Action fails, so it cannot be benchmarked: {error}")));
    }
    outln!(
        "actionbox bench: {} ({} trigger), {n} executions after {WARM_UP} warm-up",
        target.action.display(),
        target.trigger
    );

    let rss_start = memory::resident_kib();
    let measured = measure(engine, action, target, options, event, n).await?;
    let rss_end = memory::resident_kib();
    let latency = measured.latency;
    outln!(
        "  actionbox    p50 {:>7.1} µs   p99 {:>7.1} µs   mean {:>7.1} µs   {:>8.0} executions/s",
        latency.p50,
        latency.p99,
        latency.mean,
        measured.per_second
    );
    outln!(
        "    where the time goes (mean): instantiate {:.1} µs, guest run {:.1} µs (load bytecode, build event and api, handler, jobs), teardown and bookkeeping {:.1} µs",
        measured.instantiate_us,
        measured.run_us,
        latency.mean - measured.instantiate_us - measured.run_us
    );

    let no_op_action = engine.compile("noop.js", NO_OP_ACTION).await?;
    let no_op = measure(engine, &no_op_action, target, options, event, n.min(5_000)).await?;
    outln!(
        "  no-op Action p50 {:>7.1} µs   p99 {:>7.1} µs   mean {:>7.1} µs   (fixed cost of a fresh sandbox with this event)",
        no_op.latency.p50,
        no_op.latency.p99,
        no_op.latency.mean
    );

    if node_baseline {
        errln!("warning: {}", node::WARNING);
        let source = match crate::input::ActionFile::of(&target.action)? {
            crate::input::ActionFile::Source => Some(crate::input::read_source(&target.action)?),
            crate::input::ActionFile::Compiled => None,
        };
        let measured =
            node::measure(&target.action, source.as_deref(), target.trigger.handler(), event, n, target.timeout);
        match measured {
            Ok(node) => {
                outln!(
                    "  node vm      p50 {:>7.1} µs   p99 {:>7.1} µs   mean {:>7.1} µs   (new context per run, {})",
                    node.latency.p50,
                    node.latency.p99,
                    node.latency.mean,
                    node.version
                );
                outln!(
                    "  ratio node/actionbox: p50 {:.1}x, mean {:.1}x",
                    node.latency.p50 / latency.p50,
                    node.latency.mean / latency.mean
                );
            }
            Err(reason) => outln!("  node vm      skipped: {reason}"),
        }
    } else {
        outln!("  node vm      not run (--node-baseline adds it; it runs the Action outside the sandbox)");
    }
    outln!(
        "  memory: resident {:.1} MiB after warm-up, {:.1} MiB after {n} executions ({:+.1} MiB), peak {:.1} MiB, {:.2} page faults per execution",
        rss_start as f64 / 1024.0,
        rss_end as f64 / 1024.0,
        (rss_end as f64 - rss_start as f64) / 1024.0,
        memory::peak_resident_kib() as f64 / 1024.0,
        measured.faults_per_execution
    );
    Ok(())
}

struct Measured {
    latency: Latency,
    per_second: f64,
    instantiate_us: f64,
    run_us: f64,
    /// The process's minor page faults over the measured executions, per execution: near
    /// 0 when a pool slot's reset keeps the pages executions write resident.
    faults_per_execution: f64,
}

async fn measure(
    engine: &Engine,
    action: &CompiledAction,
    target: &Target,
    options: &ExecuteOptions,
    event: &Value,
    n: u32,
) -> Result<Measured, Failure> {
    for _ in 0..WARM_UP {
        engine.execute_with(target.trigger, action, event, options).await?;
    }
    let mut samples = Vec::with_capacity(n as usize);
    let (mut instantiate, mut run) = (0.0, 0.0);
    let faults_before = memory::minor_faults();
    let started = Instant::now();
    for _ in 0..n {
        let t = Instant::now();
        let outcome: Outcome = engine.execute_with(target.trigger, action, event, options).await?;
        samples.push(t.elapsed().as_secs_f64() * 1e6);
        instantiate += outcome.usage.instantiate_us as f64;
        run += outcome.usage.run_us as f64;
    }
    let per_second = f64::from(n) / started.elapsed().as_secs_f64();
    let faults = memory::minor_faults().saturating_sub(faults_before);
    Ok(Measured {
        latency: Latency::from_samples(&mut samples),
        per_second,
        instantiate_us: instantiate / f64::from(n),
        run_us: run / f64::from(n),
        faults_per_execution: faults as f64 / f64::from(n),
    })
}

pub(crate) mod memory {
    //! Resident memory and page faults of this process, from /proc and `getrusage` (0
    //! where they are not available).

    fn status_kib(field: &str) -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                status.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    }

    pub fn resident_kib() -> u64 {
        status_kib("VmRSS:")
    }

    pub fn peak_resident_kib() -> u64 {
        status_kib("VmHWM:")
    }

    /// Minor page faults of the whole process so far.
    pub fn minor_faults() -> u64 {
        // SAFETY: `getrusage` fills the zeroed struct it is given.
        unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0 {
                return 0;
            }
            u64::try_from(usage.ru_minflt).unwrap_or(0)
        }
    }
}
