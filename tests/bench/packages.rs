//! `packages-bench`: what npm packages cost an Action, measured on this machine.
//!
//! 1. Compile time (median of several compilations) and artifact size of an Action that
//!    requires `axios`, and of one that requires the `auth0` management client, beside
//!    the same Action requiring nothing (the baseline, in the same run).
//! 2. Per-execution latency (p50, p99) and peak memory of an Action that requires
//!    `axios` at its top level but never calls it, beside the same Action without the
//!    `require`: the packages are loaded, from the artifact, at every execution.
//! 3. The same two Actions from per-Action snapshots (`Engine::snapshot_action`): the
//!    time to make each, its memory image beside the shared snapshot's, its compiled
//!    size, the process's resident memory it added (made and run), and the same
//!    latencies, beside the baseline from the shared snapshot, all in the same run.
//!
//! The packages are installed from the registry into the build's target directory
//! (`support/npm.rs`), as the tests install theirs. Run with
//! `cargo run -p actionbox-tests --bin packages-bench [-- EXECUTIONS]`.

use std::path::Path;
use std::time::{Duration, Instant};

use actionbox::{CompileOptions, CompiledAction, Config, Engine, Trigger};

const COMPILATIONS: usize = 7;

const PACKAGES: &[(&str, &str)] = &[("axios", "1.21.1"), ("auth0", "4.37.0")];

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

async fn compile(engine: &Engine, project: &Path, name: &str, source: &str) -> (CompiledAction, Duration) {
    std::fs::write(project.join(name), source).expect("the Action to write");
    let mut options = CompileOptions::new();
    options.project_dir(project);
    let mut times = Vec::with_capacity(COMPILATIONS);
    let mut compiled = None;
    for _ in 0..COMPILATIONS {
        let started = Instant::now();
        compiled = Some(engine.compile_with(name, source, &options).await.expect("the Action to compile"));
        times.push(started.elapsed().as_secs_f64());
    }
    (compiled.expect("compiled at least once"), Duration::from_secs_f64(percentile(&mut times, 0.5)))
}

/// p50 and p99 latency (ms) and the largest peak memory (bytes) over `executions`.
async fn execute(engine: &Engine, action: &CompiledAction, executions: usize) -> (f64, f64, u64) {
    let event = serde_json::json!({ "user": { "user_id": "auth0|bench" } });
    let mut latencies = Vec::with_capacity(executions);
    let mut peak = 0;
    for _ in 0..executions {
        let started = Instant::now();
        let outcome = engine.execute(Trigger::PostLogin, action, &event).await.expect("the execution");
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
        peak = peak.max(outcome.usage.peak_memory_bytes);
    }
    (percentile(&mut latencies, 0.5), percentile(&mut latencies, 0.99), peak)
}

fn main() {
    let executions: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(200);
    // The tests' folder under the target directory (`target/tmp`), beside this binary's
    // `target/<profile>`, so the packages the tests installed are reused.
    let exe = std::env::current_exe().expect("this binary's path");
    let target = exe.ancestors().nth(2).expect("the target directory");
    let cache = target.join("tmp");
    let Some(project) = actionbox_tests::npm::project(&cache, PACKAGES) else {
        eprintln!("packages-bench needs npm");
        return;
    };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    runtime.block_on(async {
        let engine = Engine::new(Config::default()).await.expect("the engine");
        let handler = "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/x', 1); };\n";
        let baseline = handler.to_owned();
        let axios = format!("const axios = require('axios');\n{handler}");
        let auth0 = format!("const {{ ManagementClient }} = require('auth0');\n{handler}");
        println!("packages-bench: compile median of {COMPILATIONS}, {executions} executions each");
        println!("{:<28} {:>12} {:>14} {:>10}", "action", "compile ms", "artifact bytes", "modules");
        let mut actions = Vec::new();
        for (label, name, source) in [
            ("baseline (no require)", "bench-baseline.js", &baseline),
            ("require('axios') 1.21.1", "bench-axios.js", &axios),
            ("require('auth0') 4.37.0", "bench-auth0.js", &auth0),
        ] {
            let (action, took) = compile(&engine, &project, name, source).await;
            let size = engine.save_artifact(&action).len();
            println!("{label:<28} {:>12.1} {size:>14} {:>10}", took.as_secs_f64() * 1000.0, action.modules().modules.len());
            actions.push((label, action));
        }
        println!();
        println!("{:<28} {:>10} {:>10} {:>14}", "per execution", "p50 ms", "p99 ms", "peak memory");
        // Warm both (instance pool, caches), then measure each in turn.
        for (_, action) in &actions[..2] {
            execute(&engine, action, 10).await;
        }
        let mut p50s = Vec::new();
        for (label, action) in &actions[..2] {
            let (p50, p99, peak) = execute(&engine, action, executions).await;
            println!("{label:<28} {p50:>10.3} {p99:>10.3} {:>14}", peak);
            p50s.push(p50);
        }
        println!();
        println!("axios loaded per execution: p50 {:.1}x the baseline's", p50s[1] / p50s[0]);

        // Per-Action snapshots, made from nothing: a cache directory of their own.
        let cache_dir = tempfile::tempdir().expect("a scratch cache directory");
        let mut config = Config::default();
        config.guest_cache_dir(Some(cache_dir.path().to_owned()));
        let snapshots = Engine::new(config).await.expect("the engine");
        println!();
        println!(
            "{:<28} {:>10} {:>14} {:>14} {:>14} {:>12}",
            "per-Action snapshot", "make ms", "image bytes", "shared image", "compiled bytes", "RSS +KiB"
        );
        for (label, action) in &actions[..2] {
            let before = resident_kib();
            let started = Instant::now();
            let report = snapshots.snapshot_action(action).await.expect("the snapshot");
            let took = started.elapsed().as_secs_f64() * 1000.0;
            execute(&snapshots, action, executions).await;
            let added = resident_kib().saturating_sub(before);
            let (image, shared) = report.image_bytes.expect("made by this call");
            let compiled = report.compiled_bytes.expect("made by this call");
            println!("{label:<28} {took:>10.0} {image:>14} {shared:>14} {compiled:>14} {added:>12}");
        }
        println!();
        println!("{:<28} {:>10} {:>10} {:>14}", "per execution", "p50 ms", "p99 ms", "peak memory");
        let mut rows = Vec::new();
        for (engine, action, label) in [
            (&engine, &actions[0].1, "baseline, shared snapshot"),
            (&snapshots, &actions[0].1, "baseline, its snapshot"),
            (&snapshots, &actions[1].1, "axios, its snapshot"),
        ] {
            execute(engine, action, 10).await;
            let (p50, p99, peak) = execute(engine, action, executions).await;
            println!("{label:<28} {p50:>10.3} {p99:>10.3} {peak:>14}");
            rows.push(p50);
        }
        println!();
        println!(
            "axios from its snapshot: p50 {:.2}x the baseline's (shared snapshot), {:.2}x the baseline's own snapshot",
            rows[2] / rows[0],
            rows[2] / rows[1]
        );
    });
}

/// The process's resident memory (`VmRSS`), in KiB; 0 where `/proc` does not say.
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}
