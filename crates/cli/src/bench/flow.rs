//! `actionbox bench flow.toml`: a whole flow per iteration, beside each of its Actions run
//! alone on the same event in the same process, so flow overhead shows as a ratio.

use std::time::Instant;

use actionbox::{Engine, Flow, FlowDecision};
use serde_json::Value;

use super::{Latency, WARM_UP, memory};
use crate::exit::Failure;

pub async fn run(engine: &Engine, flow: &Flow, label: &str, event: &Value, n: u32) -> Result<(), Failure> {
    let first = engine.run_flow(flow, event).await?;
    if let FlowDecision::Error { action, error } = &first.decision {
        return Err(Failure::invalid_input(format!(
            "the flow fails in `{action}`, so it cannot be benchmarked: {error}"
        )));
    }
    let actions = flow.actions();
    outln!(
        "actionbox bench: {label} ({} flow of {} Actions), {n} runs after {WARM_UP} warm-up",
        flow.trigger(),
        actions.len()
    );
    let rss_start = memory::resident_kib();
    for _ in 0..WARM_UP {
        engine.run_flow(flow, event).await?;
    }
    let mut samples = Vec::with_capacity(n as usize);
    let started = Instant::now();
    for _ in 0..n {
        let t = Instant::now();
        engine.run_flow(flow, event).await?;
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let per_second = f64::from(n) / started.elapsed().as_secs_f64();
    let whole = Latency::from_samples(&mut samples);
    outln!(
        "  flow         p50 {:>7.1} µs   p99 {:>7.1} µs   mean {:>7.1} µs   {:>8.0} flows/s",
        whole.p50,
        whole.p99,
        whole.mean,
        per_second
    );
    let mut singles = Vec::with_capacity(actions.len());
    for step in actions {
        for _ in 0..WARM_UP {
            engine.execute_with(flow.trigger(), step.action(), event, step.options()).await?;
        }
        let mut samples = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let t = Instant::now();
            engine.execute_with(flow.trigger(), step.action(), event, step.options()).await?;
            samples.push(t.elapsed().as_secs_f64() * 1e6);
        }
        let alone = Latency::from_samples(&mut samples);
        outln!("    alone: {:<20} p50 {:>7.1} µs   mean {:>7.1} µs", step.name(), alone.p50, alone.mean);
        singles.push(alone.p50);
    }
    let mean_single = singles.iter().sum::<f64>() / singles.len() as f64;
    outln!(
        "  flow p50 / one Action's p50 (mean of the {} above, {:.1} µs): {:.2}x; sum of their p50s: {:.1} µs",
        singles.len(),
        mean_single,
        whole.p50 / mean_single,
        singles.iter().sum::<f64>()
    );
    let rss_end = memory::resident_kib();
    outln!(
        "  memory: resident {:.1} MiB at start, {:.1} MiB at the end, peak {:.1} MiB",
        rss_start as f64 / 1024.0,
        rss_end as f64 / 1024.0,
        memory::peak_resident_kib() as f64 / 1024.0
    );
    Ok(())
}
