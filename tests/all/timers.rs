//! The event loop: timers, immediates, `queueMicrotask` and `process.nextTick` in Node's
//! order (checked against the machine's `node`), the deadline, what is left pending, and
//! timers refused while an Action is compiled.

use std::process::Command;
use std::time::{Duration, Instant};

use actionbox::{ActionError, Decision, Error, Trigger};
use actionbox_tests::{Limits, block_on, engine, engine_with, event};

/// The order of callbacks the Action logs, as one JSON array. No timer races an
/// immediate at the top level, where Node leaves the order open, and timers due at
/// different times are 10 ms or more apart, so a loaded machine keeps their order.
const ORDER: &str = r#"
exports.onExecutePostLogin = async (event, api) => {
  const log = [];
  process.nextTick(() => log.push('tick 1'));
  Promise.resolve().then(() => {
    log.push('promise 1');
    process.nextTick(() => log.push('tick from a promise'));
    queueMicrotask(() => log.push('microtask from a promise'));
  });
  queueMicrotask(() => log.push('microtask'));
  process.nextTick(() => log.push('tick 2'));
  setTimeout(() => log.push('timeout 60'), 60);
  setTimeout(() => {
    log.push('timeout 10');
    setImmediate(() => log.push('immediate from a timeout'));
    setTimeout(() => log.push('timeout 0 from a timeout'), 0);
    process.nextTick(() => log.push('tick from a timeout'));
  }, 10);
  let beats = 0;
  const interval = setInterval(() => {
    log.push('interval ' + ++beats);
    if (beats === 3) clearInterval(interval);
  }, 25);
  clearTimeout(setTimeout(() => log.push('cleared'), 1));
  const t = setTimeout((a, b) => log.push('args ' + a + b), 1, 'x', 'y');
  await new Promise((resolve) => setTimeout(resolve, 100));
  log.push('after the await ' + (typeof t.ref) + ' ' + t.hasRef());
  console.log(JSON.stringify(log));
};
"#;

/// Runs an Action's post-login handler under Node with an inert `api`, printing what it
/// logs. `None` when this machine has no `node`.
fn under_node(source: &str) -> Option<String> {
    let action = std::env::temp_dir().join(format!("actionbox-timers-{}.js", std::process::id()));
    std::fs::write(&action, source).unwrap();
    let runner = "const m = require(process.argv[1]);\
        const api = new Proxy({}, { get: () => new Proxy({}, { get: () => () => {} }) });\
        m.onExecutePostLogin({}, api);";
    let output = Command::new("node").arg("-e").arg(runner).arg(&action).output();
    let _ = std::fs::remove_file(&action);
    let output = match output {
        Ok(output) => output,
        Err(_) => {
            eprintln!("note: no `node` on this machine; the order is checked against the recorded one only");
            return None;
        }
    };
    assert!(output.status.success(), "node failed: {}", String::from_utf8_lossy(&output.stderr));
    Some(String::from_utf8(output.stdout).unwrap().trim().to_owned())
}

fn run(source: &str) -> actionbox::Outcome {
    let action = block_on(engine().compile("a.js", source)).unwrap();
    block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap()
}

#[test]
fn callbacks_run_in_nodes_order() {
    let outcome = run(ORDER);
    assert_eq!(outcome.decision, Decision::Allowed);
    let ours = &outcome.logs.lines[0].message;
    let expected = r#"["tick 1","tick 2","promise 1","microtask","microtask from a promise","tick from a promise","args xy","timeout 10","tick from a timeout","immediate from a timeout","timeout 0 from a timeout","interval 1","interval 2","timeout 60","interval 3","after the await function true"]"#;
    assert_eq!(ours, expected);
    if let Some(node) = under_node(ORDER) {
        assert_eq!(ours, &node, "the same order as node");
    }
    assert!(outcome.pending.is_empty());
}

#[test]
fn an_immediate_runs_before_a_zero_timeout_at_the_top_level() {
    // Node leaves this order open; actionbox fixes it (README, "Timers").
    let outcome = run(r#"
        exports.onExecutePostLogin = async () => {
          const log = [];
          setTimeout(() => log.push('timeout'), 0);
          setImmediate(() => log.push('immediate'));
          await new Promise((resolve) => setTimeout(resolve, 5));
          console.log(log.join(' '));
        };"#);
    assert_eq!(outcome.logs.lines[0].message, "immediate timeout");
}

#[test]
fn timers_left_when_the_handler_settles_are_reported_and_never_run() {
    let outcome = run(r#"
        exports.onExecutePostLogin = async (event, api) => {
          setTimeout(() => api.access.deny('late'), 5);
          setInterval(() => api.access.deny('later'), 1000);
          setImmediate(() => api.idToken.setCustomClaim('https://x.example/i', 1));
          clearTimeout(setTimeout(() => {}, 1));
        };"#);
    assert_eq!(outcome.decision, Decision::Allowed);
    assert!(outcome.commands.is_empty(), "{:?}", outcome.commands);
    assert_eq!(outcome.pending.timers, 3);
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(json["pending"]["timers"], 3);
    // Nothing pending, nothing in the JSON.
    let quiet = run("exports.onExecutePostLogin = async () => {};");
    assert!(serde_json::to_value(&quiet).unwrap().get("pending").is_none());
}

#[test]
fn a_timer_due_after_the_deadline_ends_the_execution_at_the_deadline() {
    let engine = engine_with(Limits { timeout_ms: Some(300), ..Limits::default() });
    let source = "exports.onExecutePostLogin = async () => { await new Promise((r) => setTimeout(r, 60000)); };";
    let action = block_on(engine.compile("a.js", source)).unwrap();
    let started = Instant::now();
    let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
    let took = started.elapsed();
    assert!(
        matches!(outcome.decision, Decision::Error { error: ActionError::Timeout { .. } }),
        "{:?}",
        outcome.decision
    );
    assert!(took >= Duration::from_millis(300) && took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn a_promise_only_unrefd_timers_could_settle_never_settles() {
    let outcome = run(r#"
        exports.onExecutePostLogin = async () => {
          setTimeout(() => {}, 50000).unref();
          await new Promise(() => {});
        };"#);
    assert!(matches!(outcome.decision, Decision::Error { error: ActionError::NeverSettled }), "{:?}", outcome.decision);
}

#[test]
fn an_error_in_a_timer_or_a_microtask_fails_the_execution() {
    for body in [
        "await new Promise((r) => { setTimeout(() => { throw new TypeError('in a timer'); }, 1); setTimeout(r, 20); });",
        "queueMicrotask(() => { throw new TypeError('in a microtask'); }); await null;",
        "process.nextTick(() => { throw new TypeError('in a tick'); }); await null;",
    ] {
        let outcome = run(&format!("exports.onExecutePostLogin = async () => {{ {body} }};"));
        assert!(
            matches!(&outcome.decision, Decision::Error { error: ActionError::Threw { name, .. } } if name == "TypeError"),
            "{body}: {:?}",
            outcome.decision
        );
    }
}

#[test]
fn timers_set_at_the_top_level_never_run_at_compile_time_and_run_at_each_execution() {
    // At compile time the top level runs only to list the handlers: the timer is made
    // (so packages that set one as they load compile) and never runs.
    let source = "globalThis.fired = [];\n\
        const t = setTimeout(() => globalThis.fired.push('timeout'), 1);\n\
        setImmediate(() => globalThis.fired.push('immediate'));\n\
        setInterval(() => {}, 1000).unref();\n\
        if (typeof t.ref !== 'function') throw new Error('not a Timeout');\n\
        exports.onExecutePostLogin = async () => {\n\
          await new Promise((r) => setTimeout(r, 5));\n\
          console.log(globalThis.fired.join(','));\n\
        };\n";
    let action = block_on(engine().compile("a.js", source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed);
    assert_eq!(outcome.logs.lines[0].message, "immediate,timeout");
    // Still checked: a callback that is not a function is refused at compile time too.
    let error =
        block_on(engine().compile("a.js", "setTimeout('code', 1);\nexports.onExecutePostLogin = async () => {};"))
            .unwrap_err();
    assert!(matches!(error, Error::TopLevel(ActionError::Threw { .. })), "{error:?}");
}

#[test]
fn too_many_pending_timers_is_a_range_error() {
    let outcome = run(&format!(
        "exports.onExecutePostLogin = async () => {{ for (let i = 0; i <= {}; i++) setTimeout(() => {{}}, 1000); }};",
        actionbox::limits::MAX_PENDING_TIMERS
    ));
    assert!(
        matches!(&outcome.decision, Decision::Error { error: ActionError::Threw { name, .. } } if name == "RangeError"),
        "{:?}",
        outcome.decision
    );
}

#[test]
fn a_waiting_execution_lets_others_in_the_process_run() {
    let engine = engine();
    let slow = block_on(engine.compile(
        "slow.js",
        "exports.onExecutePostLogin = async () => { await new Promise((r) => setTimeout(r, 300)); };",
    ))
    .unwrap();
    let quick = block_on(engine.compile("quick.js", "exports.onExecutePostLogin = async () => {};")).unwrap();
    let event = event();
    let started = Instant::now();
    // One thread: the quick execution can only finish first if the slow one's wait
    // suspends its instance instead of blocking the thread.
    let (slow_done, quick_done) = block_on(async {
        let slow = async {
            engine.execute(Trigger::PostLogin, &slow, &event).await.unwrap();
            started.elapsed()
        };
        let quick = async {
            tokio::task::yield_now().await;
            engine.execute(Trigger::PostLogin, &quick, &event).await.unwrap();
            started.elapsed()
        };
        tokio::join!(slow, quick)
    });
    assert!(slow_done >= Duration::from_millis(300), "{slow_done:?}");
    assert!(quick_done < Duration::from_millis(250), "the quick one waited: {quick_done:?}");
}
