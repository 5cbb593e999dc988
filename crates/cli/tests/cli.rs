//! The `actionbox` binary end to end: outputs and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str, file: &str) -> PathBuf {
    root().join("examples").join(name).join(file)
}

fn actionbox(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actionbox")).args(args).output().expect("the binary to start")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("actionbox-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn run_prints_a_summary_and_exits_zero_when_allowed() {
    let out = actionbox(&[
        "run",
        path(&example("roles-claim", "action.js")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("decision: allowed"), "{text}");
    assert!(
        text.contains(r#"idToken.setCustomClaim("https://my-app.example.com/roles", ["admin","billing"])"#),
        "{text}"
    );
    assert!(text.contains("[log] added 2 role(s) for auth0|65f1c0ffee"), "{text}");
}

#[test]
fn run_json_prints_the_outcome() {
    let out = actionbox(&[
        "run",
        path(&example("mfa-for-admins", "action.js")),
        "--event",
        path(&example("mfa-for-admins", "event.json")),
        "--json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("stdout to be JSON");
    assert_eq!(outcome["decision"]["type"], "allowed");
    assert_eq!(outcome["commands"][0]["type"], "multifactor.enable");
    assert_eq!(outcome["commands"][0]["options"]["allowRememberBrowser"], false);
    assert!(outcome["usage"]["fuel"].as_u64().unwrap() > 0);
}

#[test]
fn a_denial_exits_with_three() {
    let out = actionbox(&[
        "run",
        path(&example("verified-email-only", "action.js")),
        "--event",
        path(&example("verified-email-only", "event.json")),
    ]);
    assert_eq!(code(&out), 3, "{}", stdout(&out));
    assert!(stdout(&out).contains("decision: denied: Please verify your e-mail address before logging in."));
}

#[test]
fn secrets_from_the_command_line_reach_event_secrets() {
    let out = actionbox(&[
        "run",
        path(&example("profile-enrichment", "action.js")),
        "--event",
        path(&example("profile-enrichment", "event.json")),
        "--secret",
        "TIER_MAPPING_VERSION=abc",
        "--json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let claim =
        outcome["commands"].as_array().unwrap().iter().find(|c| c["type"] == "accessToken.setCustomClaim").unwrap();
    assert_eq!(claim["value"], "v3");
}

#[test]
fn a_compiled_action_runs_like_its_source() {
    let dir = scratch("compile");
    let wasm = dir.join("roles.wasm");
    let compiled = actionbox(&["compile", path(&example("roles-claim", "action.js")), "-o", path(&wasm)]);
    assert_eq!(code(&compiled), 0, "{}", stderr(&compiled));
    let event = example("roles-claim", "event.json");
    let from_wasm = actionbox(&["run", path(&wasm), "--event", path(&event), "--json"]);
    let from_js = actionbox(&["run", path(&example("roles-claim", "action.js")), "--event", path(&event), "--json"]);
    let commands = |out: &Output| serde_json::from_str::<serde_json::Value>(&stdout(out)).unwrap()["commands"].clone();
    assert_eq!(code(&from_wasm), 0, "{}", stderr(&from_wasm));
    assert_eq!(commands(&from_wasm), commands(&from_js));
}

#[test]
fn a_syntax_error_shows_the_line_and_a_caret() {
    let dir = scratch("syntax");
    let source = dir.join("broken.js");
    std::fs::write(&source, "exports.onExecutePostLogin = async (event, api) => {\n  api.access.deny('x'\n};\n")
        .unwrap();
    let out = actionbox(&["compile", path(&source), "-o", path(&dir.join("out.wasm"))]);
    assert_eq!(code(&out), 9);
    let text = stderr(&out);
    assert!(text.contains("SyntaxError"), "{text}");
    assert!(text.contains("broken.js:3:1"), "{text}");
    assert!(text.contains("3 | };"), "{text}");
    assert!(text.lines().any(|l| l.trim_end().ends_with('^')), "{text}");
}

#[test]
fn an_uncaught_error_shows_the_line_and_a_caret_and_names_what_was_called() {
    let dir = scratch("uncaught");
    let source = dir.join("roles.js");
    std::fs::write(
        &source,
        "exports.onExecutePostLogin = async (event, api) => {\n  const roles = ['admin'];\n  api.user.setRoles(roles);\n};\n",
    )
    .unwrap();
    let event = dir.join("event.json");
    std::fs::write(&event, r#"{"user":{"user_id":"auth0|1"}}"#).unwrap();
    let artifact = dir.join("roles.wasm");
    assert_eq!(code(&actionbox(&["compile", path(&source), "-o", path(&artifact)])), 0);
    // From the source, and from the artifact, which carries it.
    for action in [&source, &artifact] {
        let out = actionbox(&["run", path(action), "--event", path(&event)]);
        let text = stdout(&out);
        assert!(text.contains("TypeError: api.user.setRoles is not a function"), "{text}");
        assert!(text.contains("roles.js:3:12"), "{text}");
        assert!(text.contains("3 |   api.user.setRoles(roles);"), "{text}");
        let caret = text.lines().find(|l| l.trim_end().ends_with('^')).unwrap_or_else(|| panic!("a caret: {text}"));
        assert_eq!(
            caret.find('^'),
            text.lines().find(|l| l.starts_with("3 |")).and_then(|l| l.find("setRoles")),
            "{text}"
        );
    }
}

#[test]
fn typescript_is_refused_with_a_clear_message() {
    let dir = scratch("typescript");
    let source = dir.join("action.ts");
    std::fs::write(&source, "exports.onExecutePostLogin = async (event: any) => {};\n").unwrap();
    let out = actionbox(&["compile", path(&source), "-o", path(&dir.join("out.wasm"))]);
    assert_eq!(code(&out), 9);
    assert!(stderr(&out).contains("TypeScript is not supported"), "{}", stderr(&out));
}

#[test]
fn a_runaway_action_exits_with_the_timeout_code() {
    let dir = scratch("timeout");
    let source = dir.join("spin.js");
    std::fs::write(&source, "exports.onExecutePostLogin = async () => { for (;;) {} };\n").unwrap();
    let out = actionbox(&[
        "run",
        path(&source),
        "--event",
        path(&example("roles-claim", "event.json")),
        "--timeout",
        "200ms",
    ]);
    assert_eq!(code(&out), 5, "{}", stdout(&out));
    assert!(stdout(&out).contains("deadline"), "{}", stdout(&out));
}

#[test]
fn an_uncaught_exception_exits_with_four_and_shows_the_stack() {
    let dir = scratch("throw");
    let source = dir.join("throws.js");
    std::fs::write(&source, "exports.onExecutePostLogin = async () => {\n  null.x;\n};\n").unwrap();
    let out = actionbox(&["run", path(&source), "--event", path(&example("roles-claim", "event.json"))]);
    assert_eq!(code(&out), 4);
    let text = stdout(&out);
    assert!(text.contains("TypeError"), "{text}");
    assert!(text.contains("throws.js:2"), "{text}");
}

#[test]
fn malformed_event_json_is_invalid_input() {
    let dir = scratch("event");
    let event = dir.join("event.json");
    std::fs::write(&event, "{\"user\": {\"user_id\": \"x\",}").unwrap();
    let out = actionbox(&["run", path(&example("roles-claim", "action.js")), "--event", path(&event)]);
    assert_eq!(code(&out), 10);
    assert!(stderr(&out).contains("not valid JSON"), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));
}

#[test]
fn an_event_without_user_is_invalid_input() {
    let dir = scratch("nouser");
    let event = dir.join("event.json");
    std::fs::write(&event, "{\"request\": {}}").unwrap();
    let out = actionbox(&["run", path(&example("roles-claim", "action.js")), "--event", path(&event)]);
    assert_eq!(code(&out), 10);
    assert!(stderr(&out).contains("event.user"), "{}", stderr(&out));
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let out = actionbox(&["run", "/nonexistent/action.js", "--event", path(&example("roles-claim", "event.json"))]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("/nonexistent/action.js"), "{}", stderr(&out));
}

#[test]
fn a_wasm_module_that_is_not_an_artifact_is_refused() {
    let dir = scratch("notartifact");
    let module = dir.join("module.wasm");
    std::fs::write(&module, [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00])
        .unwrap();
    let out = actionbox(&["run", path(&module), "--event", path(&example("roles-claim", "event.json"))]);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    assert!(stderr(&out).contains("not a compiled Action"), "{}", stderr(&out));
}

#[test]
fn bench_reports_latency_throughput_and_memory() {
    let out = actionbox(&[
        "bench",
        path(&example("roles-claim", "action.js")),
        "--event",
        path(&example("roles-claim", "event.json")),
        "-n",
        "50",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for expected in ["p50", "p99", "executions/s", "where the time goes", "no-op Action", "resident"] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

#[test]
fn bench_snapshot_measures_from_the_actions_own_snapshot_or_says_why_not() {
    let event = example("roles-claim", "event.json");
    let out = actionbox(&[
        "bench",
        path(&example("roles-claim", "action.js")),
        "--event",
        path(&event),
        "-n",
        "20",
        "--snapshot",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("per-Action snapshot: "), "{text}");
    assert!(!text.contains("per-Action snapshot: none"), "{text}");
    assert!(text.contains("p50"), "{text}");
    let dir = scratch("bench-snapshot");
    let action = dir.join("logs.js");
    std::fs::write(&action, "console.log('loading');\nexports.onExecutePostLogin = async () => {};\n").unwrap();
    let out = actionbox(&["bench", path(&action), "--event", path(&event), "-n", "20", "--snapshot"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("per-Action snapshot: none, measured without: its top level writes to the console"),
        "{text}"
    );
    assert!(text.contains("p50"), "{text}");
}

#[test]
fn bench_hostile_ends_every_hostile_execution_with_its_limit_and_reports_both_loads() {
    let out = actionbox(&[
        "bench",
        path(&example("roles-claim", "action.js")),
        "--event",
        path(&example("roles-claim", "event.json")),
        "--hostile",
        "-n",
        "200",
        "--rate",
        "200",
        "--timeout",
        "300ms",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for line in
        ["benign alone", "benign loaded", "slowest 1% alone", "slowest 1% loaded", "loaded/alone", "memory: resident"]
    {
        assert!(text.contains(line), "{line}: {text}");
    }
    let ended = |text: &str, hostile: &str| {
        let prefix = format!("hostile {hostile} ");
        text.lines().find(|l| l.trim_start().starts_with(&prefix)).map(str::to_owned)
    };
    for hostile in ["infinite loop", "memory bomb", "microtask flood", "fetch flood", "deep recursion"] {
        let line = ended(&text, hostile).unwrap_or_else(|| panic!("{hostile}: {text}"));
        assert!(line.contains("(as expected)"), "{line}");
    }
    assert!(text.contains("every one ended with its limit"), "{text}");

    // `--hostile-kinds` offers only the kinds named.
    let out = actionbox(&[
        "bench",
        path(&example("roles-claim", "action.js")),
        "--event",
        path(&example("roles-claim", "event.json")),
        "--hostile",
        "-n",
        "40",
        "--rate",
        "200",
        "--timeout",
        "300ms",
        "--hostile-kinds",
        "deep-recursion,loop",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for (hostile, offered) in [
        ("infinite loop", true),
        ("memory bomb", false),
        ("microtask flood", false),
        ("fetch flood", false),
        ("deep recursion", true),
    ] {
        assert_eq!(ended(&text, hostile).is_some(), offered, "{hostile}: {text}");
    }
}

#[test]
fn a_flow_file_runs_its_actions_in_order() {
    let flow = root().join("examples/login-flow/flow.toml");
    let event = root().join("examples/login-flow/event.json");
    let examples = root().join("examples");
    let out = actionbox(&["flow", "run", path(&flow), "--root", path(&examples), "--event", path(&event), "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(outcome["decision"]["type"], "allowed");
    let names: Vec<&str> = outcome["actions"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["verified-email-only", "profile-enrichment", "roles-claim", "mfa-for-admins"]);
    assert_eq!(
        outcome["changes"]["id_token_claims"]["https://my-app.example.com/roles"],
        serde_json::json!(["admin", "billing"])
    );
    assert_eq!(outcome["changes"]["access_token_claims"]["https://my-app.example.com/tier_mapping"], "v7");
}

#[test]
fn a_denying_flow_exits_with_three_and_names_the_action() {
    let dir = scratch("flowdeny");
    std::fs::write(
        dir.join("gate.js"),
        "exports.onExecutePostLogin = async (e, api) => { api.access.deny('closed'); };",
    )
    .unwrap();
    std::fs::write(dir.join("later.js"), "exports.onExecutePostLogin = async () => {};").unwrap();
    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n[[actions]]\nname = \"gate\"\npath = \"gate.js\"\n[[actions]]\npath = \"later.js\"\n",
    )
    .unwrap();
    let out = actionbox(&[
        "flow",
        "run",
        path(&dir.join("flow.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("flow (post-login): denied by gate: closed"), "{text}");
    assert!(text.contains("skipped: later.js"), "{text}");
}

#[test]
fn a_malformed_flow_file_is_invalid_input_with_its_location() {
    let dir = scratch("flowbad");
    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n[[actions]]\npath = \"a.js\"\ncolour = \"blue\"\n",
    )
    .unwrap();
    let out = actionbox(&[
        "flow",
        "run",
        path(&dir.join("flow.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    assert_eq!(code(&out), 10);
    let text = stderr(&out);
    assert!(text.contains("colour"), "{text}");
    assert!(text.contains("line 4"), "{text}");
}

#[test]
fn bench_takes_a_flow_file() {
    let out = actionbox(&[
        "bench",
        path(&root().join("examples/mixed-flow/flow.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
        "-n",
        "20",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for expected in ["flow of 5 Actions", "flows/s", "alone: risk-gate", "flow p50 / one Action's p50"] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

#[test]
fn a_suspended_flow_is_saved_and_continued() {
    let dir = scratch("continue");
    std::fs::write(
        dir.join("ask.js"),
        "exports.onExecutePostLogin = async (e, api) => { api.redirect.sendUserTo('https://ask.example.com/form', { query: { q: '1' } }); };
         exports.onContinuePostLogin = async (e, api) => { api.user.setAppMetadata('answer', e.request.query.answer); };",
    )
    .unwrap();
    std::fs::write(dir.join("flow.toml"), "trigger = \"post-login\"\n[[actions]]\nname = \"ask\"\npath = \"ask.js\"\n")
        .unwrap();
    let state_file = dir.join("state.json");
    let event = example("roles-claim", "event.json");
    let run = actionbox(&[
        "flow",
        "run",
        path(&dir.join("flow.toml")),
        "--event",
        path(&event),
        "--state",
        path(&state_file),
        "--json",
    ]);
    assert_eq!(code(&run), 11, "{}", stderr(&run));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    let url = outcome["decision"]["url"].as_str().unwrap();
    assert!(url.starts_with("https://ask.example.com/form?q=1&state="), "{url}");
    let state = url.rsplit_once("state=").unwrap().1;

    let wrong = actionbox(&["flow", "continue", path(&state_file), "--query", "state=wrong"]);
    assert_eq!(code(&wrong), 3);
    assert!(stdout(&wrong).contains("invalid_request"), "{}", stdout(&wrong));

    let state_arg = format!("state={state}");
    let resumed =
        actionbox(&["flow", "continue", path(&state_file), "--query", &state_arg, "--query", "answer=yes", "--json"]);
    assert_eq!(code(&resumed), 0, "{}", stderr(&resumed));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&resumed)).unwrap();
    assert_eq!(outcome["changes"]["app_metadata"]["answer"], "yes");
}

// ---- what an attack run found, each fixed (see the README's "Hardening") -------------

/// Runs the binary with extra environment variables.
fn actionbox_env(args: &[&str], envs: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_actionbox"));
    command.args(args);
    for (name, value) in envs {
        command.env(name, value);
    }
    command.output().expect("the binary to start")
}

/// A fresh scratch directory (emptied if a previous run left it).
fn fresh(test: &str) -> PathBuf {
    let dir = scratch(test);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Whether text is free of raw escapes, line separators and bidirectional controls.
fn is_inert(text: &str) -> bool {
    !text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn bench_runs_node_only_when_asked_and_hands_it_no_host_objects() {
    let dir = fresh("node");
    let marker = dir.join("escaped");
    std::fs::write(
        dir.join("escape.js"),
        "exports.onExecutePostLogin = async (event, api) => {
           const attempts = [
             () => console.log.constructor('return process')(),
             () => globalThis.constructor.constructor('return process')(),
             () => Object.getPrototypeOf(globalThis).constructor.constructor('return process')(),
             () => api.access.deny.constructor('return process')(),
             () => event.constructor.constructor('return process')(),
             () => (function () { return this; })().constructor.constructor('return process')(),
           ];
           for (const attempt of attempts) {
             try {
               const p = attempt();
               if (p && typeof p.exit === 'function') {
                 p.getBuiltinModule('fs').writeFileSync(event.marker, 'escaped');
                 p.exit(42);
               }
             } catch (e) {}
           }
         };",
    )
    .unwrap();
    std::fs::write(
        dir.join("event.json"),
        serde_json::json!({ "user": { "user_id": "u" }, "marker": marker }).to_string(),
    )
    .unwrap();
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let (action, event) = (dir.join("escape.js"), dir.join("event.json"));
    let base = ["bench", path(&action), "--event", path(&event), "-n", "20"];

    let default = actionbox_env(&base, &[("TMPDIR", &tmp)]);
    assert_eq!(code(&default), 0, "{}", stderr(&default));
    assert!(stdout(&default).contains("node vm      not run"), "{}", stdout(&default));

    let with_node = actionbox_env(&[&base[..], &["--node-baseline"]].concat(), &[("TMPDIR", &tmp)]);
    assert_eq!(code(&with_node), 0, "{}", stderr(&with_node));
    assert!(stderr(&with_node).contains("not a sandbox"), "the baseline is announced as unsafe");
    if Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        assert!(stdout(&with_node).contains("node vm      p50"), "node did not finish: {}", stdout(&with_node));
    }
    assert!(!marker.exists(), "the Action reached Node's process");
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0, "bench left temporary files");
}

/// Runs the binary and returns its output with its peak resident memory in MiB.
#[allow(clippy::zombie_processes, reason = "the child is reaped by wait4, which also gives its peak")]
fn peak_memory_mib(args: &[&str]) -> (Output, f64) {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_actionbox"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary to start");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).map(|_| bytes).unwrap_or_default()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    // SAFETY: waits for this child only; `status` and `usage` are written by the kernel.
    let reaped = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(reaped, child.id() as libc::pid_t, "wait4 failed");
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    let output = Output {
        status: std::os::unix::process::ExitStatusExt::from_raw(code << 8),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    (output, usage.ru_maxrss as f64 / 1024.0)
}

#[test]
fn an_action_cannot_grow_the_host_memory_past_256_mib() {
    let dir = fresh("host-memory");
    let event = example("roles-claim", "event.json");
    let shapes = [
        (
            "same-claim",
            "const big = new Array(50000).fill(0);
                         for (let i = 0; i < 1000; i++) api.idToken.setCustomClaim('https://x.example/c', big);",
        ),
        ("transaction-metadata", "for (let i = 0; i < 60000; i++) api.transaction.setMetadata('k', i);"),
        ("restricted-claims", "for (let i = 0; i < 1000000; i++) api.idToken.setCustomClaim('sub', i);"),
    ];
    for (name, body) in shapes {
        let action = dir.join(format!("{name}.js"));
        std::fs::write(&action, format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};")).unwrap();
        let (out, peak) = peak_memory_mib(&["run", path(&action), "--event", path(&event), "--json"]);
        assert_eq!(code(&out), 13, "{name}: {}", stderr(&out));
        let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(outcome["decision"]["error"]["kind"], "output_limit", "{name}");
        assert!(peak < 256.0, "{name}: the host reached {peak:.0} MiB");
    }
}

#[test]
fn input_files_are_checked_for_kind_and_size_before_they_are_read() {
    let dir = fresh("inputs");
    let action = example("roles-claim", "action.js");
    let event = example("roles-claim", "event.json");
    let started = std::time::Instant::now();
    let zero = actionbox(&["run", path(&action), "--event", "/dev/zero"]);
    assert_eq!(code(&zero), 10, "{}", stderr(&zero));
    assert!(stderr(&zero).contains("not a regular file"), "{}", stderr(&zero));
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "/dev/zero was read");
    let big = dir.join("big.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(300 * 1024 * 1024).unwrap();
    let out = actionbox(&["run", path(&action), "--event", path(&big)]);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    assert!(stderr(&out).contains("big.json") && stderr(&out).contains("limit"), "{}", stderr(&out));
    let source = dir.join("huge.js");
    std::fs::File::create(&source).unwrap().set_len(50 * 1024 * 1024).unwrap();
    let out = actionbox(&["run", path(&source), "--event", path(&event)]);
    assert_eq!(code(&out), 9, "an oversized source is a compile error: {}", stderr(&out));
    let out = actionbox(&["run", "/dev/zero", "--event", path(&event)]);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    let out = actionbox(&["flow", "run", path(&dir), "--event", path(&event)]);
    assert_eq!(code(&out), 10, "a directory as a flow file: {}", stderr(&out));
}

#[test]
fn hostile_argument_values_and_closed_streams_end_with_exit_codes() {
    let action = example("roles-claim", "action.js");
    let event = example("roles-claim", "event.json");
    let flow = root().join("examples/mixed-flow/flow.toml");
    let (a, e, f) = (path(&action), path(&event), path(&flow));
    let cases: [(&[&str], i32); 8] = [
        (&["run", a, "--event", e, "--timeout", "18446744073709551615s"], 10),
        (&["run", a, "--event", e, "--timeout", "0s"], 10),
        (&["bench", f, "--event", e, "-n", "0"], 2),
        (&["bench", a, "--event", e, "-n", "4294967295"], 2),
        (&["run", a, "--event", e, "--trigger", "nope"], 2),
        (&["run", a, "--event", e, "--secret", "no-equals-sign"], 10),
        (&["flow", "continue", "/dev/null", "--query", "state=x"], 10),
        (&["flow", "run", f, "--event", e, "--timeout", "99999999999h"], 10),
    ];
    for (args, expected) in cases {
        let out = actionbox(args);
        assert_eq!(code(&out), expected, "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?}: {}", stderr(&out));
    }
    // Readers that went away before anything was written.
    use std::process::Stdio;
    for args in [vec!["run", a, "--event", e], vec!["run", "/missing.js", "--event", e]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_actionbox"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "{args:?} with closed stdout and stderr: {status:?}");
    }
}

#[test]
fn flow_actions_resolve_inside_the_allowed_roots() {
    let dir = fresh("roots");
    std::fs::create_dir_all(dir.join("flows")).unwrap();
    std::fs::write(dir.join("outside.js"), "SECRET-LINE = 1 +;\n").unwrap();
    std::fs::write(dir.join("ok.js"), "exports.onExecutePostLogin = async () => {};").unwrap();
    std::fs::write(dir.join("flows/notes.txt"), "SECRET-LINE\n").unwrap();
    std::os::unix::fs::symlink(dir.join("outside.js"), dir.join("flows/link.js")).unwrap();
    let event = example("roles-claim", "event.json");
    for entry in
        ["../outside.js", "/etc/shadow", "/proc/self/environ", "link.js", "notes.txt", "../flows/../../etc/passwd"]
    {
        let flow = dir.join("flows/flow.toml");
        std::fs::write(&flow, format!("trigger = \"post-login\"\n[[actions]]\npath = \"{entry}\"\n")).unwrap();
        let out = actionbox(&["flow", "run", path(&flow), "--event", path(&event)]);
        assert_eq!(code(&out), 10, "{entry}: {}", stderr(&out));
        assert!(!stderr(&out).contains("SECRET-LINE") && !stderr(&out).contains("root:"), "{entry}: {}", stderr(&out));
    }
    let flow = dir.join("flows/flow.toml");
    std::fs::write(&flow, "trigger = \"post-login\"\n[[actions]]\npath = \"../ok.js\"\n").unwrap();
    let out = actionbox(&["flow", "run", path(&flow), "--event", path(&event), "--root", path(&dir)]);
    assert_eq!(code(&out), 0, "a root given with --root is allowed: {}", stderr(&out));
}

#[test]
fn the_state_file_is_private_authenticated_and_resumes_once() {
    let dir = fresh("state");
    let data = dir.join("data");
    std::fs::write(
        dir.join("ask.js"),
        "exports.onExecutePostLogin = async (e, api) => { api.redirect.sendUserTo('https://ask.example.com/'); };
         exports.onContinuePostLogin = async (e, api) => { api.user.setAppMetadata('back', true); };",
    )
    .unwrap();
    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n[[actions]]\npath = \"ask.js\"\nsecrets = { API_KEY = \"sk-very-secret-value\" }\n",
    )
    .unwrap();
    let state = dir.join("state.json");
    let env = [("ACTIONBOX_DATA_DIR", data.as_path())];
    let event = example("roles-claim", "event.json");
    let run = actionbox_env(
        &["flow", "run", path(&dir.join("flow.toml")), "--event", path(&event), "--state", path(&state), "--json"],
        &env,
    );
    assert_eq!(code(&run), 11, "{}", stderr(&run));
    assert_eq!(mode(&state), 0o600);
    let text = std::fs::read_to_string(&state).unwrap();
    assert!(!text.contains("sk-very-secret-value") && !stdout(&run).contains("sk-very-secret-value"));
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    let state_value = outcome["suspended"]["state"].as_str().unwrap().to_owned();
    let query = format!("state={state_value}");

    // One changed character anywhere, or a flow path pointed elsewhere, is refused.
    let tampered: serde_json::Value = {
        let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
        file["flow"]["file"] = serde_json::json!("/etc/shadow");
        file
    };
    std::fs::write(&state, tampered.to_string()).unwrap();
    let out = actionbox_env(&["flow", "continue", path(&state), "--query", &query], &env);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    assert!(!stderr(&out).contains("root:"), "{}", stderr(&out));
    std::fs::write(&state, &text).unwrap();

    let first = actionbox_env(&["flow", "continue", path(&state), "--query", &query, "--json"], &env);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let again = actionbox_env(&["flow", "continue", path(&state), "--query", &query], &env);
    assert_eq!(code(&again), 10, "a state resumes once: {}", stdout(&again));
    assert!(stderr(&again).contains("already resumed"), "{}", stderr(&again));
}

#[test]
fn action_controlled_text_is_escaped_in_the_cli_output() {
    let dir = fresh("escaping");
    let event = example("roles-claim", "event.json");
    let write = |name: &str, body: &str| {
        let file = dir.join(name);
        std::fs::write(&file, body).unwrap();
        file
    };
    let no_handler = write("exports.js", "exports['\\u001b[2J\\u202eevil'] = () => {};");
    let top_level = write("top.js", "throw new Error('\\u001b]0;title\\u0007\\nerror: forged line');");
    let warnings = write(
        "warn.js",
        "exports.onExecutePostLogin = async (e, api) => {
           api.user.setUserMetadata('\\u001b[31mkey\\u2028', 1);
           api.authentication.setPrimaryUser('auth0|other');
           api.access.deny('\\u001b[1mreason\\u2066');
         };",
    );
    for file in [&no_handler, &top_level, &warnings] {
        let out = actionbox(&["run", path(file), "--event", path(&event)]);
        assert!(code(&out) != 0, "{}", file.display());
        assert!(
            is_inert(&stdout(&out)) && is_inert(&stderr(&out)),
            "raw control text for {}:\n{}{}",
            file.display(),
            stdout(&out),
            stderr(&out)
        );
        assert!(!stderr(&out).lines().any(|l| l.starts_with("error: forged")), "{}", stderr(&out));
    }
}

#[test]
fn input_messages_name_the_problem() {
    let dir = fresh("messages");
    let action = example("roles-claim", "action.js");
    let event_file = |name: &str, bytes: &[u8]| {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        file
    };
    let utf8 = event_file("utf8.json", b"{\"user\": {\"user_id\": \"\xff\"}}");
    let out = actionbox(&["run", path(&action), "--event", path(&utf8)]);
    assert_eq!(code(&out), 10);
    assert!(stderr(&out).contains("offset 22"), "{}", stderr(&out));

    let bom = event_file("bom.json", b"\xEF\xBB\xBF{\"user\": {\"user_id\": \"auth0|1\"}}");
    let out = actionbox(&["run", path(&action), "--event", path(&bom)]);
    assert_eq!(code(&out), 0, "a byte order mark is accepted: {}", stderr(&out));

    let empty = event_file("empty.json", b"{\"user\": {\"user_id\": \"\"}}");
    let out = actionbox(&["run", path(&action), "--event", path(&empty)]);
    assert_eq!(code(&out), 10);
    assert!(stderr(&out).contains("must not be empty"), "{}", stderr(&out));

    let broken = event_file("broken.json", b"{\"user\": [1,, 2]}");
    let out = actionbox(&["run", path(&action), "--event", path(&broken)]);
    assert_eq!(code(&out), 10);
    assert_eq!(stderr(&out).matches("line 1").count(), 1, "the position is given once: {}", stderr(&out));

    let deep = event_file(
        "deep.json",
        format!("{{\"user\": {{\"user_id\": \"u\"}}, \"x\": {}{}}}", "[".repeat(200), "]".repeat(200)).as_bytes(),
    );
    let out = actionbox(&["run", path(&action), "--event", path(&deep)]);
    assert_eq!(code(&out), 10);
    assert!(stderr(&out).contains("nested more than 128 levels"), "{}", stderr(&out));
}

#[test]
fn first_runs_on_an_empty_cache_share_one_preparation_and_keep_it_private() {
    let dir = fresh("first-runs");
    let (cache, data) = (dir.join("cache"), dir.join("data"));
    let event = example("roles-claim", "event.json");
    let action = example("roles-claim", "action.js");
    let children: Vec<_> = (0..3)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_actionbox"))
                .args(["run", path(&action), "--event", path(&event)])
                .env("ACTIONBOX_CACHE_DIR", &cache)
                .env("ACTIONBOX_DATA_DIR", &data)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    assert_eq!(mode(&cache), 0o700);
    let files: Vec<PathBuf> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect();
    let compiled: Vec<&PathBuf> = files.iter().filter(|f| f.extension().is_some_and(|e| e == "cwasm")).collect();
    assert_eq!(compiled.len(), 1, "{files:?}");
    assert!(!files.iter().any(|f| f.to_string_lossy().ends_with(".tmp")), "{files:?}");
    assert!(files.iter().all(|f| mode(f) == 0o600), "{files:?}");
    assert_eq!(mode(&data.join("guest-cache.key")), 0o600);
}

/// A plain HTTP server on 127.0.0.1 that answers every request with `body`, for as many
/// requests as it gets; it serves from a thread until the process ends.
fn local_server(body: &'static str) -> u16 {
    serve(body, None).0
}

/// A plain-HTTP server on 127.0.0.1 answering `body` to every request, or to the first
/// `limit` connections only, after which it closes (its thread then ends).
fn serve(body: &'static str, limit: Option<usize>) -> (u16, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(limit.unwrap_or(usize::MAX)) {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let response =
                format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}", body.len());
            let _ = stream.write_all(response.as_bytes());
        }
    });
    (port, server)
}

#[test]
fn run_fetches_under_the_policy_flags_and_lists_each_request() {
    let port = local_server("{\"role\":\"admin\"}");
    let dir = scratch("fetch");
    let action = dir.join("fetch.js");
    std::fs::write(
        &action,
        format!(
            "exports.onExecutePostLogin = async (event, api) => {{\n\
             try {{ const r = await fetch('http://127.0.0.1:{port}/roles?user=secret-query');\n\
                    api.idToken.setCustomClaim('role', (await r.json()).role); }}\n\
             catch (e) {{ api.idToken.setCustomClaim('failed', e.code); }}\n}};"
        ),
    )
    .unwrap();
    let event = example("roles-claim", "event.json");
    let refused = actionbox(&["run", path(&action), "--event", path(&event)]);
    assert!(
        stdout(&refused).contains("ERR_ACTIONBOX_SCHEME_NOT_ALLOWED"),
        "https only by default: {}",
        stdout(&refused)
    );

    let no_loopback = actionbox(&["run", path(&action), "--event", path(&event), "--allow-http"]);
    assert!(stdout(&no_loopback).contains("ERR_ACTIONBOX_NETWORK"), "{}", stdout(&no_loopback));

    let allowed = actionbox(&["run", path(&action), "--event", path(&event), "--allow-http", "--allow-loopback"]);
    let text = stdout(&allowed);
    assert_eq!(code(&allowed), 0, "{text}{}", stderr(&allowed));
    assert!(text.contains(r#"idToken.setCustomClaim("role", "admin")"#), "{text}");
    assert!(text.contains(&format!("requests:\n  GET 127.0.0.1:{port} -> 200 (")), "{text}");
    assert!(!text.contains("secret-query"), "no query string in the summary: {text}");

    let listed = actionbox(&[
        "run",
        path(&action),
        "--event",
        path(&event),
        "--allow-http",
        "--allow-loopback",
        "--allow-host",
        "api.example.com",
    ]);
    assert!(stdout(&listed).contains("ERR_ACTIONBOX_HOST_NOT_ALLOWED"), "{}", stdout(&listed));

    let bad = actionbox(&["run", path(&action), "--event", path(&event), "--allow-host", "https://x.com/"]);
    assert_eq!(code(&bad), 10, "an unusable allow-list entry is invalid input: {}", stderr(&bad));
    assert!(stderr(&bad).contains("https://x.com/"), "{}", stderr(&bad));
}

#[test]
fn flow_files_give_each_action_its_own_egress_policy() {
    let port = local_server("ok");
    let dir = scratch("flow-egress");
    let fetcher = format!(
        "exports.onExecutePostLogin = async (event, api) => {{\n\
         try {{ await fetch('http://127.0.0.1:{port}/'); api.idToken.setCustomClaim(event.secrets.NAME, 'reached'); }}\n\
         catch (e) {{ api.idToken.setCustomClaim(event.secrets.NAME, e.code); }}\n}};"
    );
    std::fs::write(dir.join("fetch.js"), fetcher).unwrap();
    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n\
         [[actions]]\nname = \"open\"\npath = \"fetch.js\"\nsecrets = { NAME = \"open\" }\n\
         egress = { allow_http = true, allow_loopback = true }\n\
         [[actions]]\nname = \"default\"\npath = \"fetch.js\"\nsecrets = { NAME = \"default\" }\n",
    )
    .unwrap();
    let out = actionbox(&[
        "flow",
        "run",
        path(&dir.join("flow.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    assert!(text.contains(r#"setCustomClaim("open", "reached")"#), "{text}");
    assert!(text.contains(r#"setCustomClaim("default", "ERR_ACTIONBOX_SCHEME_NOT_ALLOWED")"#), "{text}");

    std::fs::write(
        dir.join("bad.toml"),
        "trigger = \"post-login\"\n[[actions]]\npath = \"fetch.js\"\negress = { allow_hosts = [\"a.com/x\"] }\n",
    )
    .unwrap();
    let bad = actionbox(&[
        "flow",
        "run",
        path(&dir.join("bad.toml")),
        "--event",
        path(&example("roles-claim", "event.json")),
    ]);
    assert_eq!(code(&bad), 10, "{}", stderr(&bad));
    assert!(stderr(&bad).contains("a.com/x"), "{}", stderr(&bad));
}

#[test]
fn configuration_comes_from_config_flags_and_flow_files() {
    let dir = scratch("configuration");
    std::fs::write(
        dir.join("show.js"),
        "exports.onExecutePostLogin = async (event, api) => {\n\
         api.idToken.setCustomClaim('region', event.configuration.REGION);\n};",
    )
    .unwrap();
    let event = example("roles-claim", "event.json");
    let out = actionbox(&["run", path(&dir.join("show.js")), "--event", path(&event), "--config", "REGION=eu-west"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains(r#"setCustomClaim("region", "eu-west")"#), "{}", stdout(&out));

    let bad = actionbox(&["run", path(&dir.join("show.js")), "--event", path(&event), "--config", "REGION"]);
    assert_eq!(code(&bad), 10, "{}", stderr(&bad));
    assert!(stderr(&bad).contains("--config REGION"), "{}", stderr(&bad));

    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n[[actions]]\npath = \"show.js\"\nconfiguration = { REGION = \"us-east\" }\n",
    )
    .unwrap();
    let flow = actionbox(&["flow", "run", path(&dir.join("flow.toml")), "--event", path(&event)]);
    assert_eq!(code(&flow), 0, "{}{}", stdout(&flow), stderr(&flow));
    assert!(stdout(&flow).contains(r#"setCustomClaim("region", "us-east")"#), "{}", stdout(&flow));
}

#[test]
fn mock_files_answer_requests_and_name_the_ones_they_do_not() {
    let dir = scratch("mocks");
    std::fs::write(
        dir.join("roles.js"),
        "exports.onExecutePostLogin = async (event, api) => {\n\
         const r = await fetch('https://roles.example.com/users/' + event.user.user_id);\n\
         api.idToken.setCustomClaim('https://x.example/roles', (await r.json()).roles);\n\
         await fetch('https://audit.example.com/log', { method: 'POST', body: 'x' });\n};",
    )
    .unwrap();
    std::fs::write(
        dir.join("mocks.json"),
        r#"{ "mocks": [ { "url": "https://roles.example.com/users/*", "json": { "roles": ["admin"] } } ] }"#,
    )
    .unwrap();
    let event = example("roles-claim", "event.json");
    let out = actionbox(&[
        "run",
        path(&dir.join("roles.js")),
        "--event",
        path(&event),
        "--mock",
        path(&dir.join("mocks.json")),
    ]);
    let text = stdout(&out);
    assert_eq!(code(&out), 4, "the unanswered request fails the Action: {text}");
    assert!(text.contains(r#"setCustomClaim("https://x.example/roles", ["admin"])"#), "{text}");
    assert!(text.contains("no mock answers POST https://audit.example.com/log"), "{text}");
    assert!(text.contains("GET roles.example.com -> 200"), "{text}");

    std::fs::write(dir.join("bad.json"), r#"{ "mocks": [ { "url": "x", "status": 42 } ] }"#).unwrap();
    let bad = actionbox(&[
        "run",
        path(&dir.join("roles.js")),
        "--event",
        path(&event),
        "--mock",
        path(&dir.join("bad.json")),
    ]);
    assert_eq!(code(&bad), 10, "{}", stderr(&bad));
    assert!(stderr(&bad).contains("mock 1: status 42"), "{}", stderr(&bad));
}

#[test]
fn run_records_to_a_private_file_and_replays_it() {
    let port = local_server("{\"role\":\"admin\"}");
    let dir = scratch("record");
    let action = dir.join("fetch.js");
    std::fs::write(
        &action,
        format!(
            "exports.onExecutePostLogin = async (event, api) => {{\n\
             const r = await fetch('http://127.0.0.1:{port}/roles?key=' + event.secrets.KEY);\n\
             api.idToken.setCustomClaim('https://x.example/at', Date.now() + ':' + (await r.json()).role + ':' + Math.random());\n}};"
        ),
    )
    .unwrap();
    let event = example("roles-claim", "event.json");
    let recording = dir.join("login.json");
    let common = ["--event", path(&event), "--allow-http", "--allow-loopback", "--secret", "KEY=sk_test_secret_value"];
    let mut args = vec!["run", path(&action)];
    args.extend(common);
    let mut record_args = args.clone();
    record_args.extend(["--record", path(&recording)]);
    let recorded = actionbox(&record_args);
    assert_eq!(code(&recorded), 0, "{}{}", stdout(&recorded), stderr(&recorded));
    assert!(stderr(&recorded).contains("recorded 1 requests"), "{}", stderr(&recorded));
    assert_eq!(mode(&recording) & 0o777, 0o600);
    let text = std::fs::read_to_string(&recording).unwrap();
    assert!(!text.contains("sk_test_secret_value"), "{text}");

    let mut replay_args = args.clone();
    replay_args.extend(["--replay", path(&recording)]);
    let replayed = actionbox(&replay_args);
    assert_eq!(code(&replayed), 0, "{}{}", stdout(&replayed), stderr(&replayed));
    let claim = |text: &str| text.lines().find(|l| l.contains("setCustomClaim")).map(str::to_owned);
    assert_eq!(claim(&stdout(&replayed)), claim(&stdout(&recorded)), "the same time, response and random number");
    assert!(claim(&stdout(&replayed)).is_some());

    let bad_recording = dir.join("bad.json");
    std::fs::write(&bad_recording, "{\"version\": 9}").unwrap();
    let mut bad_args = args.clone();
    bad_args.extend(["--replay", path(&bad_recording)]);
    let bad = actionbox(&bad_args);
    assert_eq!(code(&bad), 10, "{}", stderr(&bad));
}

#[test]
fn flow_run_records_each_action_and_replays_them_without_the_network() {
    // Answers one connection, then closes: the replay has no server to reach.
    let (port, server) = serve("{\"role\":\"admin\"}", Some(1));
    let dir = scratch("flow-record");
    std::fs::write(
        dir.join("roles.js"),
        format!(
            "exports.onExecutePostLogin = async (event, api) => {{\n\
             const r = await fetch('http://127.0.0.1:{port}/roles?key=' + event.secrets.KEY);\n\
             api.idToken.setCustomClaim('https://x.example/role', (await r.json()).role);\n}};"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("stamp.js"),
        "exports.onExecutePostLogin = async (event, api) => {\n\
         await new Promise((resolve) => setTimeout(resolve, 5));\n\
         api.idToken.setCustomClaim('https://x.example/at', Date.now() + ':' + Math.random());\n};",
    )
    .unwrap();
    std::fs::write(
        dir.join("flow.toml"),
        "trigger = \"post-login\"\n\
         [[actions]]\nname = \"roles\"\npath = \"roles.js\"\nsecrets = { KEY = \"sk_flow_secret_value\" }\n\
         [[actions]]\nname = \"stamp\"\npath = \"stamp.js\"\n",
    )
    .unwrap();
    let event = example("roles-claim", "event.json");
    let recording = dir.join("flow-recording.json");
    let run = |extra: &[&str], flow: &str| {
        let flow = dir.join(flow);
        let mut args = vec!["flow", "run", path(&flow), "--event", path(&event), "--allow-http", "--allow-loopback"];
        args.extend(extra);
        actionbox(&args)
    };
    let recorded = run(&["--record", path(&recording)], "flow.toml");
    assert_eq!(code(&recorded), 0, "{}{}", stdout(&recorded), stderr(&recorded));
    assert!(stderr(&recorded).contains("recorded 2 Actions"), "{}", stderr(&recorded));
    server.join().unwrap();
    assert_eq!(mode(&recording) & 0o777, 0o600);
    let text = std::fs::read_to_string(&recording).unwrap();
    assert!(!text.contains("sk_flow_secret_value"), "{text}");

    let replayed = run(&["--replay", path(&recording)], "flow.toml");
    assert_eq!(code(&replayed), 0, "{}{}", stdout(&replayed), stderr(&replayed));
    assert!(!stderr(&replayed).contains("warning"), "{}", stderr(&replayed));
    let claims =
        |text: &str| text.lines().filter(|l| l.contains("setCustomClaim")).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(claims(&stdout(&replayed)), claims(&stdout(&recorded)), "the same response, time and random number");
    assert_eq!(claims(&stdout(&recorded)).len(), 2, "{}", stdout(&recorded));

    // A recording is of one flow: another flow's Actions are refused by name.
    std::fs::write(
        dir.join("other.toml"),
        "trigger = \"post-login\"\n[[actions]]\nname = \"stamp\"\npath = \"stamp.js\"\n",
    )
    .unwrap();
    let other = run(&["--replay", path(&recording)], "other.toml");
    assert_eq!(code(&other), 10, "{}", stderr(&other));
    assert!(stderr(&other).contains("another flow"), "{}", stderr(&other));
}

/// A one-request HTTP server on loopback answering `status` and `body`; the request's
/// line and body come back through the handle.
fn one_answer(status: &'static str, body: &'static str) -> (String, std::thread::JoinHandle<(String, String)>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/registry/", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut request_line = String::new();
        reader.read_line(&mut request_line).unwrap();
        let mut length = 0;
        loop {
            let mut header = String::new();
            reader.read_line(&mut header).unwrap();
            if header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap();
            }
        }
        let mut request_body = vec![0; length];
        reader.read_exact(&mut request_body).unwrap();
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        (request_line.trim().to_owned(), String::from_utf8(request_body).unwrap())
    });
    (url, handle)
}

/// An Action directory with a lockfile of two packages (one nested, at two versions).
fn audited_project(test: &str) -> PathBuf {
    let dir = scratch(test);
    std::fs::write(
        dir.join("package-lock.json"),
        r#"{ "name": "x", "lockfileVersion": 3, "packages": {
            "": { "dependencies": { "lodash": "4.17.20", "ms": "2.1.3" } },
            "node_modules/lodash": { "version": "4.17.20" },
            "node_modules/ms": { "version": "2.1.3" },
            "node_modules/debug/node_modules/ms": { "version": "2.0.0" } } }"#,
    )
    .unwrap();
    dir
}

#[test]
fn deps_audit_reports_the_registrys_advisories_and_exits_14() {
    let dir = audited_project("audit-advisories");
    let (registry, server) = one_answer(
        "200 OK",
        r#"{ "lodash": [ { "id": 1, "title": "Prototype Pollution", "severity": "high",
              "url": "https://example.com/advisories/1", "vulnerable_versions": "<4.17.21" } ] }"#,
    );
    let out = actionbox(&["deps", "audit", "--dir", path(&dir), "--registry", &registry]);
    let (request_line, request_body) = server.join().unwrap();
    assert_eq!(request_line, "POST /registry/-/npm/v1/security/advisories/bulk HTTP/1.1");
    let asked: serde_json::Value = serde_json::from_str(&request_body).unwrap();
    assert_eq!(asked, serde_json::json!({ "lodash": ["4.17.20"], "ms": ["2.1.3", "2.0.0"] }));
    assert_eq!(code(&out), 14, "{}", stderr(&out));
    assert_eq!(stdout(&out), "high lodash <4.17.21: Prototype Pollution https://example.com/advisories/1\n");
    assert!(stderr(&out).contains("2 installed packages checked: 1 advisories"), "{}", stderr(&out));
}

#[test]
fn deps_audit_without_advisories_exits_zero() {
    let dir = audited_project("audit-clean");
    let (registry, server) = one_answer("200 OK", "{}");
    let out = actionbox(&["deps", "audit", "--dir", path(&dir), "--registry", &registry]);
    server.join().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn deps_audit_says_when_the_audit_service_cannot_be_reached() {
    let dir = audited_project("audit-unreachable");
    // An error status, an answer that is not advisories, and nothing listening.
    for (status, body) in [("405 Method Not Allowed", "{}"), ("200 OK", "[1, 2]")] {
        let (registry, server) = one_answer(status, body);
        let out = actionbox(&["deps", "audit", "--dir", path(&dir), "--registry", &registry]);
        server.join().unwrap();
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        assert!(stderr(&out).contains("could not reach the audit service at http://127.0.0.1:"), "{}", stderr(&out));
    }
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let registry = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = actionbox(&["deps", "audit", "--dir", path(&dir), "--registry", &registry]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("could not reach the audit service"), "{}", stderr(&out));
    // Without a lockfile there is nothing to audit yet.
    let out = actionbox(&["deps", "audit", "--dir", path(&scratch("audit-no-lock"))]);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    assert!(stderr(&out).contains("run `actionbox deps install` first"), "{}", stderr(&out));
}

#[test]
fn deps_install_pins_the_installed_versions_and_keeps_a_lockfile() {
    if Command::new("npm").arg("--version").output().is_err() {
        eprintln!("note: no `npm` on this machine; deps install is not tested");
        return;
    }
    let dir = scratch("deps-install");
    std::fs::write(dir.join("package.json"), "{\n  \"name\": \"my-action\",\n  \"dependencies\": {}\n}\n").unwrap();
    let out = actionbox(&["deps", "install", "--dir", path(&dir), "ms@^2.1.0"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let installed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("node_modules/ms/package.json")).unwrap()).unwrap();
    let version = installed["version"].as_str().unwrap();
    assert!(version.starts_with("2."), "{version}");
    assert_eq!(stdout(&out), format!("ms@{version}\n"));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("package.json")).unwrap()).unwrap();
    assert_eq!(manifest, serde_json::json!({ "name": "my-action", "dependencies": { "ms": version } }));
    assert!(dir.join("package-lock.json").is_file());
    // What was installed compiles with the Action.
    std::fs::write(
        dir.join("action.js"),
        "const ms = require('ms');\nexports.onExecutePostLogin = async () => { console.log(ms(60000)); };\n",
    )
    .unwrap();
    let out = actionbox(&["compile", path(&dir.join("action.js")), "-o", path(&dir.join("action.wasm"))]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn deps_install_refuses_more_than_ten_direct_dependencies_before_running_npm() {
    let dir = scratch("deps-install-too-many");
    let names: Vec<String> = (0..11).map(|i| format!("package-{i}")).collect();
    let mut args = vec!["deps", "install", "--dir", path(&dir)];
    args.extend(names.iter().map(String::as_str));
    let out = actionbox(&args);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    assert!(stderr(&out).contains("at most 10 direct npm dependencies"), "{}", stderr(&out));
    assert!(!dir.join("node_modules").exists() && !dir.join("package.json").exists());
}

#[test]
fn module_publish_and_list_use_the_registry_and_actions_require_the_pinned_version() {
    let dir = scratch("modules");
    let registry = dir.join("registry");
    for version in ["1.0.0", "1.1.0"] {
        let module = dir.join(format!("greeting-{version}"));
        std::fs::create_dir_all(&module).unwrap();
        std::fs::write(module.join("package.json"), format!(r#"{{"name":"greeting","version":"{version}"}}"#)).unwrap();
        std::fs::write(module.join("index.js"), format!("module.exports = () => 'greeting {version}';")).unwrap();
        let out = actionbox(&["module", "publish", path(&module), "--registry", path(&registry)]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(stdout(&out), format!("greeting@{version}\n"));
    }
    let again = actionbox(&["module", "publish", path(&dir.join("greeting-1.0.0")), "--registry", path(&registry)]);
    assert_eq!(code(&again), 10, "{}", stderr(&again));
    assert!(stderr(&again).contains("already published"), "{}", stderr(&again));
    let out = actionbox(&["module", "list", "--registry", path(&registry)]);
    assert_eq!(stdout(&out), "greeting 1.0.0 1.1.0\n");
    // `run` compiles with the registry of ACTIONBOX_MODULES.
    let action = dir.join("action");
    std::fs::create_dir_all(&action).unwrap();
    std::fs::write(action.join("package.json"), r#"{"actionbox":{"modules":{"greeting":"1.0.0"}}}"#).unwrap();
    std::fs::write(action.join("action.js"), "const greet = require('actions:greeting');\nexports.onExecutePostLogin = async () => { console.log(greet()); };\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_actionbox"))
        .args(["run", path(&action.join("action.js")), "--event", path(&example("roles-claim", "event.json"))])
        .env("ACTIONBOX_MODULES", &registry)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("[log] greeting 1.0.0"), "{}", stdout(&out));
}
