//! Attacks from the adversarial catalog that the foundation must already survive: each
//! ends in a typed error or a defined result, and the engine stays usable.

use actionbox::{ActionError, Decision, Error, Trigger};
use actionbox_tests::{Limits, block_on, engine, engine_with, event};

fn run_with(limits: Limits, body: &str) -> Decision {
    let engine = engine_with(limits);
    let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
    let action = block_on(engine.compile("attack.js", &source)).expect("the attack compiles");
    block_on(engine.execute(Trigger::PostLogin, &action, &event())).expect("the execution returns an outcome").decision
}

#[test]
fn a_parse_bomb_within_the_size_limit_is_a_typed_compile_error() {
    for (open, close) in [("[", "]"), ("(", ")"), ("{a:", "}")] {
        let depth = (actionbox::limits::MAX_SOURCE_BYTES - 100) / (open.len() + close.len());
        let source = format!(
            "exports.onExecutePostLogin = async () => {{}};\nconst x = {}1{};\n",
            open.repeat(depth),
            close.repeat(depth)
        );
        match block_on(engine().compile("bomb.js", &source)) {
            Err(Error::TopLevel(ActionError::StackOverflow)) | Err(Error::Syntax { .. }) => {}
            Err(Error::TopLevel(ActionError::Threw { name, .. })) if name == "RangeError" => {}
            other => panic!("{open}: unexpected result {other:?}"),
        }
    }
}

#[test]
fn a_loop_inside_a_builtin_is_stopped_by_the_cpu_budget() {
    let limits = Limits { fuel: Some(100_000_000), ..Limits::default() };
    let decision = run_with(limits, "Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 1);");
    assert!(matches!(decision, Decision::Error { error: ActionError::CpuLimit { .. } }), "{decision:?}");
}

#[test]
fn deep_native_recursion_is_a_js_error_or_a_limit() {
    let decision = run_with(
        Limits::default(),
        "let o = {}; for (let i = 0; i < 100000; i++) o = { o };
         try { JSON.stringify(o); } catch (e) { api.user.setAppMetadata('caught', e.name); }",
    );
    assert_eq!(decision, Decision::Allowed);
}

#[test]
fn a_host_call_just_under_the_stack_limit_is_safe() {
    let decision = run_with(
        Limits::default(),
        "const dive = (n) => { try { return dive(n + 1); } catch (e) { api.idToken.setCustomClaim('https://x.example/d', n); return n; } };
         if (dive(0) < 100) throw new Error('recursion stopped too early');",
    );
    assert_eq!(decision, Decision::Allowed);
}

#[test]
fn forged_or_hostile_values_reach_the_host_as_valid_json() {
    let decision = run_with(
        Limits::default(),
        "Object.prototype.toJSON = function () { return 'hijacked'; };
         JSON.stringify = () => { throw new Error('not used'); };
         const tricky = { get x() { throw new Error('getter'); } };
         try { api.idToken.setCustomClaim('https://x.example/a', tricky); } catch (e) { console.log(e.message); }
         api.idToken.setCustomClaim('https://x.example/b', { y: 1 });",
    );
    assert_eq!(decision, Decision::Allowed);
}

/// Catalog 1: the global object, reached through the Function constructor, holds the
/// ECMAScript built-ins and the Web and Node globals the README lists, and nothing else:
/// no `std`, `os`, `WebAssembly`, `require` or host object. A new global must be added
/// here on purpose.
#[test]
fn the_global_object_holds_only_the_documented_names() {
    const EXPECTED: &str = "AbortController AbortSignal AggregateError Array ArrayBuffer AsyncDisposableStack \
        BigInt BigInt64Array BigUint64Array Blob Boolean Buffer Crypto CryptoKey DOMException DataView Date \
        DisposableStack Error EvalError Event EventTarget FinalizationRegistry Float16Array Float32Array \
        Float64Array FormData Function Headers Infinity Int16Array Int32Array Int8Array InternalError Intl \
        Iterator JSON Map Math NaN Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Request \
        Response Set SharedArrayBuffer String SubtleCrypto SuppressedError Symbol Symbol(Symbol.toStringTag) \
        SyntaxError TextDecoder TextEncoder TypeError URIError URL URLSearchParams Uint16Array Uint32Array \
        Uint8Array Uint8ClampedArray WeakMap WeakRef WeakSet atob btoa clearImmediate clearInterval clearTimeout \
        console crypto decodeURI decodeURIComponent encodeURI encodeURIComponent escape eval fetch global \
        globalThis isFinite isNaN parseFloat parseInt performance process queueMicrotask setImmediate \
        setInterval setTimeout structuredClone undefined unescape";
    let engine = engine();
    let action = block_on(engine.compile(
        "globals.js",
        "exports.onExecutePostLogin = async () => {
           const global = ({}).constructor.constructor('return this')();
           console.log(Reflect.ownKeys(global).map(String).sort().join(' '));
         };",
    ))
    .unwrap();
    let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
    let found: Vec<&str> = outcome.logs.lines[0].message.split(' ').collect();
    let expected: Vec<&str> = EXPECTED.split_whitespace().collect();
    let extra: Vec<_> = found.iter().filter(|name| !expected.contains(name)).collect();
    let missing: Vec<_> = expected.iter().filter(|name| !found.contains(name)).collect();
    assert!(extra.is_empty() && missing.is_empty(), "not listed: {extra:?}; listed but absent: {missing:?}");
}

/// Catalog 19: at the deepest point of a recursion that has just overflowed, a call of
/// every kind the guest makes to the host still works: api, cache, console, crypto,
/// timers.
#[test]
fn host_calls_of_every_kind_just_under_the_stack_limit_are_safe() {
    let engine = engine();
    let action = block_on(engine.compile(
        "deep.js",
        "const crypto = require('crypto');
         exports.onExecutePostLogin = async (event, api) => {
           let results;
           const dive = (n) => {
             try { return dive(n + 1); } catch (e) {
               results = [
                 api.cache.set('depth', String(n)).type,
                 crypto.createHash('sha256').update('x').digest('hex').length,
                 typeof setTimeout(() => {}, 0),
               ];
               console.log('depth', n);
               api.idToken.setCustomClaim('https://x.example/d', n);
               return n;
             }
           };
           const depth = dive(0);
           if (depth < 100) throw new Error('recursion stopped too early');
           api.idToken.setCustomClaim('https://x.example/results', results);
         };",
    ))
    .unwrap();
    let outcome = block_on(engine.execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed, "{:?}", outcome.decision);
    let commands = serde_json::to_value(&outcome.commands).unwrap();
    let results = commands.as_array().unwrap().iter().find(|c| c["name"] == "https://x.example/results").unwrap();
    assert_eq!(results["value"], serde_json::json!(["success", 64, "object"]));
    assert!(outcome.logs.lines.iter().any(|l| l.message.starts_with("depth ")));
}

/// Catalog case 7: raw canonical-ABI values a compiled guest never passes (a pointer past
/// the memory, a length of 2^32-1, a string ending past the memory, bytes that are not
/// UTF-8, an enum case that does not exist) trap the instance that passed them, before
/// the host's `console.write` sees them; the well-formed call reaches it, and Actions
/// still run afterwards.
#[test]
fn forged_canonical_abi_values_trap_their_own_instance_only() {
    use actionbox::fuzzing::{Forged, ForgedCall, Forger};

    let engine = engine();
    let forger = Forger::new(&engine).expect("the forged component builds and compiles");
    for &call in ForgedCall::ALL {
        let forged = block_on(forger.call(call)).expect("the forged instance is created");
        match (call, forged) {
            (ForgedCall::WellFormed, Forged::Logged(lines)) => {
                let messages: Vec<&str> = lines.iter().map(|line| line.message.as_str()).collect();
                assert_eq!(messages, ["forged call"]);
            }
            (ForgedCall::WellFormed, other) => panic!("the well-formed call did not reach the host: {other:?}"),
            (_, Forged::Trapped(_)) => {}
            (call, Forged::Logged(lines)) => panic!("{call:?} reached the host: {lines:?}"),
        }
    }
    assert_eq!(run_with(Limits::default(), "api.user.setAppMetadata('after', true);"), Decision::Allowed);
}
