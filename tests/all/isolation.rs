//! Executions do not see each other, and the host survives every limit an Action hits.

use std::time::{Duration, Instant};

use actionbox::{ActionError, CompiledAction, Decision, Error, Trigger};
use actionbox_tests::{Limits, block_on, engine, engine_with, event};
use serde_json::json;

fn compile(source: &str) -> CompiledAction {
    block_on(engine().compile("action.js", source)).expect("the source to compile")
}

#[test]
fn a_global_set_by_one_execution_is_invisible_to_the_next() {
    let action = compile(
        "exports.onExecutePostLogin = async (event, api) => {
           api.idToken.setCustomClaim('https://x.example/seen', typeof globalThis.leaked);
           globalThis.leaked = 'secret of the previous run';
           Object.prototype.polluted = true;
         };",
    );
    for _ in 0..3 {
        let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
        let claim = serde_json::to_value(&outcome.commands[0]).unwrap();
        assert_eq!(claim["value"], "undefined", "a later execution saw an earlier one's global");
    }
}

#[test]
fn the_host_stays_usable_after_each_limit() {
    let limits = Limits { timeout_ms: Some(300), fuel: Some(200_000_000), ..Limits::default() };
    let engine = engine_with(limits);
    let hostile = [
        ("for (;;) {}", "cpu or time"),
        ("let s = 'x'; for (;;) s += s;", "memory"),
        ("const f = () => f(); f();", "stack"),
        ("throw new Error('x')", "exception"),
    ];
    let healthy =
        block_on(engine.compile("ok.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('ok'); };"))
            .unwrap();
    for (body, what) in hostile {
        let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
        let action = block_on(engine.compile("hostile.js", &source)).unwrap();
        let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
        assert!(
            matches!(outcome.decision, Decision::Error { .. }),
            "{what}: expected an error, got {:?}",
            outcome.decision
        );
        let next = block_on(engine.execute(Trigger::PostLogin, &healthy, &event())).unwrap();
        assert_eq!(next.decision, Decision::Denied { reason: "ok".into(), code: None }, "after {what}");
    }
}

#[test]
fn a_runaway_execution_does_not_hold_up_concurrent_ones() {
    let engine = engine_with(Limits { timeout_ms: Some(500), ..Limits::default() });
    let spin =
        block_on(engine.compile("spin.js", "exports.onExecutePostLogin = async () => { for (;;) {} };")).unwrap();
    let quick = block_on(
        engine.compile("quick.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('quick'); };"),
    )
    .unwrap();
    block_on(async {
        let started = Instant::now();
        let event = event();
        let runaway = engine.execute(Trigger::PostLogin, &spin, &event);
        let others = async {
            let mut finished_at = Vec::new();
            for _ in 0..5 {
                let outcome = engine.execute(Trigger::PostLogin, &quick, &event).await.unwrap();
                assert_eq!(outcome.decision, Decision::Denied { reason: "quick".into(), code: None });
                finished_at.push(started.elapsed());
            }
            finished_at
        };
        let (runaway, finished_at) = tokio::join!(runaway, others);
        let runaway = runaway.unwrap();
        assert!(matches!(runaway.decision, Decision::Error { error: ActionError::Timeout { .. } }));
        // The quick executions interleave with the runaway one instead of waiting for its deadline.
        assert!(finished_at.last().unwrap() < &Duration::from_millis(450), "quick executions waited: {finished_at:?}");
    });
}

#[test]
fn a_compiled_artifact_round_trips_through_its_file_format() {
    let action =
        compile("exports.onExecutePostLogin = async (event, api) => { api.access.deny(event.user.user_id); };");
    let bytes = action.to_wasm();
    let loaded = CompiledAction::from_wasm(&bytes).unwrap();
    assert_eq!(loaded, action);
    let outcome = block_on(engine().execute(Trigger::PostLogin, &loaded, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Denied { reason: "auth0|test".into(), code: None });
}

#[test]
fn a_wasm_module_with_code_is_not_accepted_as_an_action() {
    // (module (func (export "f"))): code where an artifact has only custom sections.
    let module = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, 0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b,
    ];
    assert!(matches!(CompiledAction::from_wasm(&module), Err(Error::InvalidArtifact(_))));
    assert!(matches!(CompiledAction::from_wasm(b"not wasm at all"), Err(Error::InvalidArtifact(_))));
}

#[test]
fn a_corrupted_artifact_is_refused() {
    let action = compile("exports.onExecutePostLogin = async () => {};");
    let mut bytes = action.to_wasm();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    assert!(matches!(CompiledAction::from_wasm(&bytes), Err(Error::InvalidArtifact(_))));
}

/// A custom section: id 0, size, name, data.
fn custom_section(name: &str, data: &[u8]) -> Vec<u8> {
    fn leb(mut n: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            out.push(if n == 0 { byte } else { byte | 0x80 });
            if n == 0 {
                return;
            }
        }
    }
    let mut body = Vec::new();
    leb(name.len(), &mut body);
    body.extend_from_slice(name.as_bytes());
    body.extend_from_slice(data);
    let mut section = vec![0];
    leb(body.len(), &mut section);
    section.extend(body);
    section
}

#[test]
fn an_artifact_with_a_section_twice_is_refused() {
    let action = compile("exports.onExecutePostLogin = async () => {};");
    let mut bytes = action.to_wasm();
    bytes.extend(custom_section("actionbox-bytecode", b"\x1a\xff\xff\xff\xffanything"));
    assert!(matches!(CompiledAction::from_wasm(&bytes), Err(Error::InvalidArtifact(_))));
}

#[test]
fn bytecode_that_turns_off_quickjs_checksum_is_refused() {
    let source = "exports.onExecutePostLogin = async () => {};";
    let action = compile(source);
    let bytes = action.to_wasm();
    // The bytecode's checksum field (bytes 1 to 4) set to the value that skips the check,
    // with the artifact's own hash updated to match, as a forger would.
    let position = bytes.windows(18).position(|w| w == b"actionbox-bytecode").unwrap() + 18;
    let mut forged = bytes.clone();
    forged[position + 1..position + 5].copy_from_slice(&[0xff; 4]);
    // The source's section follows the bytecode's.
    let source_section = custom_section("actionbox-source", source.as_bytes());
    let bytecode_end = bytes.windows(source_section.len()).position(|w| w == source_section).unwrap();
    let old_hash: String = {
        use sha2::Digest;
        sha2::Sha256::digest(&bytes[position..bytecode_end]).iter().map(|b| format!("{b:02x}")).collect()
    };
    let new_hash: String = {
        use sha2::Digest;
        sha2::Sha256::digest(&forged[position..bytecode_end]).iter().map(|b| format!("{b:02x}")).collect()
    };
    let text = forged.clone();
    let at = text.windows(64).position(|w| w == old_hash.as_bytes()).unwrap();
    forged[at..at + 64].copy_from_slice(new_hash.as_bytes());
    let refused = CompiledAction::from_wasm(&forged);
    assert!(matches!(refused, Err(Error::InvalidArtifact(ref m)) if m.contains("checksum")), "{refused:?}");
}

#[test]
fn an_artifact_listing_a_handler_its_bytecode_lacks_is_invalid() {
    let action = compile("exports.onExecutePostLogiX = async () => {};");
    let mut bytes = action.to_wasm();
    let at = bytes.windows(18).position(|w| w == b"onExecutePostLogiX").unwrap();
    bytes[at..at + 18].copy_from_slice(b"onExecutePostLogin");
    let forged = CompiledAction::from_wasm(&bytes).unwrap();
    let result = block_on(engine().execute(Trigger::PostLogin, &forged, &event()));
    assert!(matches!(result, Err(Error::InvalidArtifact(_))), "{result:?}");
}

#[test]
fn signed_artifacts_are_required_and_verified_when_a_key_is_configured() {
    let key = actionbox::Key::generate();
    let mut config = actionbox::Config::default();
    config.artifact_key(Some(key.clone())).max_concurrent(2);
    let signing = block_on(actionbox::Engine::new(config)).unwrap();
    let action = compile("exports.onExecutePostLogin = async () => {};");
    let signed = signing.save_artifact(&action);
    assert_eq!(signing.load_artifact(&signed).unwrap(), action);
    assert!(matches!(signing.load_artifact(&action.to_wasm()), Err(Error::InvalidArtifact(_))), "unsigned");
    let mut tampered = signed.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    assert!(matches!(signing.load_artifact(&tampered), Err(Error::InvalidArtifact(_))), "changed signature");
    let mut config = actionbox::Config::default();
    config.artifact_key(Some(actionbox::Key::generate())).max_concurrent(2);
    let other = block_on(actionbox::Engine::new(config)).unwrap();
    assert!(matches!(other.load_artifact(&signed), Err(Error::InvalidArtifact(_))), "another key");
}

#[test]
fn a_tampered_guest_cache_file_is_rebuilt_not_loaded() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("actionbox-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let key = actionbox::Key::generate();
    let new_engine = || {
        let mut config = actionbox::Config::default();
        config.guest_cache_dir(Some(dir.clone())).guest_cache_key(key.clone()).max_concurrent(2);
        block_on(actionbox::Engine::new(config)).unwrap()
    };
    new_engine();
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "cwasm"))
        .expect("a cached snapshot");
    assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    let good = std::fs::read(&file).unwrap();
    // Overwrite a stretch in the middle (code or memory image) and keep the length.
    let mut bad = good.clone();
    let middle = bad.len() / 2;
    bad[middle..middle + 4096].fill(0xcc);
    std::fs::write(&file, &bad).unwrap();
    let engine = new_engine();
    let action =
        block_on(engine.compile("a.js", "exports.onExecutePostLogin = async (e, api) => { api.access.deny('ok'); };"))
            .unwrap();
    let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Denied { reason: "ok".into(), code: None });
    let rebuilt = std::fs::read(&file).unwrap();
    assert_ne!(rebuilt, bad, "the tampered file was rebuilt");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Catalog 20: the same Action, run again after each limit it reached, starts from
/// nothing: what it stored in globals before reaching the limit is gone.
#[test]
fn the_same_action_runs_clean_after_each_limit_it_reached() {
    let engine = engine_with(Limits { timeout_ms: Some(300), fuel: Some(400_000_000), ..Limits::default() });
    let action = block_on(engine.compile(
        "again.js",
        "exports.onExecutePostLogin = async (event, api) => {
           if (globalThis.mark !== undefined || Object.prototype.polluted) api.access.deny('residue');
           globalThis.mark = event.user.app_metadata.mode;
           Object.prototype.polluted = true;
           switch (event.user.app_metadata.mode) {
             case 'time': for (;;) await 0;
             case 'cpu': for (;;) {}
             case 'memory': { const keep = []; for (;;) keep.push(new Uint8Array(1 << 20).fill(1)); }
             case 'stack': { const f = () => f(); f(); }
             case 'throw': throw new Error('thrown');
           }
         };",
    ))
    .unwrap();
    let with_mode = |mode: &str| json!({ "user": { "user_id": "auth0|1", "app_metadata": { "mode": mode } } });
    for mode in ["time", "cpu", "memory", "stack", "throw"] {
        let limited = block_on(engine.execute(Trigger::PostLogin, &action, &with_mode(mode))).unwrap();
        assert!(matches!(limited.decision, Decision::Error { .. }), "{mode}: {:?}", limited.decision);
        let again = block_on(engine.execute(Trigger::PostLogin, &action, &with_mode("fine"))).unwrap();
        assert_eq!(again.decision, Decision::Allowed, "after {mode}: {:?}", again.decision);
    }
}

/// Catalog 38: executions of two tenants through one pool slot: the second finds nothing
/// of the first's secret anywhere it can look (its event, its globals, its cache).
#[test]
fn another_tenant_on_the_same_slot_finds_nothing_of_the_first() {
    let mut config = actionbox::Config::default();
    config.max_concurrent(1);
    let engine = block_on(actionbox::Engine::new(config)).unwrap();
    let secret = "tenant-a-secret-5be0c1d9a7";
    let first = block_on(engine.compile(
        "a.js",
        "exports.onExecutePostLogin = async (event, api) => {
           globalThis.kept = event.secrets.KEY;
           const copies = []; for (let i = 0; i < 1000; i++) copies.push(event.secrets.KEY + i);
           globalThis.copies = copies;
         };",
    ))
    .unwrap();
    let second = block_on(engine.compile(
        "b.js",
        "exports.onExecutePostLogin = async (event, api) => {
           const global = ({}).constructor.constructor('return this')();
           const seen = { event, kept: global.kept, copies: global.copies, keys: Reflect.ownKeys(global).map(String) };
           console.log(JSON.stringify(seen));
         };",
    ))
    .unwrap();
    let mut options = actionbox::ExecuteOptions::new();
    options.secrets([("KEY".to_owned(), json!(secret))].into_iter().collect());
    block_on(engine.execute_with(Trigger::PostLogin, &first, &event(), &options)).unwrap();
    let mut other = actionbox::ExecuteOptions::new();
    other.secrets([("KEY".to_owned(), json!("tenant-b"))].into_iter().collect());
    let outcome = block_on(engine.execute_with(Trigger::PostLogin, &second, &event(), &other)).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed);
    let text = serde_json::to_string(&outcome).unwrap();
    assert!(!text.contains(secret) && !text.contains("tenant-a"), "{text}");
    assert!(text.contains(r#"\"kept\":null"#) || !text.contains(r#"\"kept\""#), "{text}");
}
