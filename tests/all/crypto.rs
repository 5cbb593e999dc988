//! `crypto` through the host: keys are the execution's (capped, gone when it ends, never
//! seen by the next Action of a flow), the work of each call is bounded, and what the
//! host refuses reaches the Action as Node's and WebCrypto's coded errors.

use actionbox::{Decision, Flow, Trigger, limits::MAX_CRYPTO_KEYS};
use actionbox_tests::{block_on, engine, event};
use serde_json::{Map, Value, json};

/// Runs `body` (an async function body) as a post-login handler and returns the JSON it
/// logged last.
fn run(body: &str) -> Value {
    let source = format!(
        "exports.onExecutePostLogin = async (event, api) => {{\n\
         const result = await (async () => {{ {body} }})();\n\
         console.log(JSON.stringify(result));\n}};\n"
    );
    let action = block_on(engine().compile("crypto.js", &source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert!(matches!(outcome.decision, Decision::Allowed), "{:?} (logs: {:?})", outcome.decision, outcome.logs.lines);
    serde_json::from_str(&outcome.logs.lines.last().expect("a log line").message).unwrap()
}

#[test]
fn an_execution_holds_at_most_max_crypto_keys_keys_and_the_next_starts_with_none() {
    // Each Ed25519 pair is two host keys.
    let body = format!(
        "const crypto = require('crypto');
         let made = 0;
         try {{
           for (; made < {max}; made++) crypto.generateKeyPairSync('ed25519');
           return 'no limit';
         }} catch (e) {{
           return {{ made, name: e.name, code: e.code }};
         }}",
        max = MAX_CRYPTO_KEYS
    );
    let first = run(&body);
    assert_eq!(first, json!({ "made": MAX_CRYPTO_KEYS / 2, "name": "RangeError", "code": "ERR_ACTIONBOX_LIMIT" }));
    // A fresh execution has the whole table again.
    assert_eq!(run(&body), first);
    // WebCrypto's form of the same refusal.
    let subtle = run(&format!(
        "try {{
           for (let i = 0; i < {max}; i++) await crypto.subtle.generateKey({{ name: 'Ed25519' }}, true, ['sign', 'verify']);
           return 'no limit';
         }} catch (e) {{
           return e.name;
         }}",
        max = MAX_CRYPTO_KEYS
    ));
    assert_eq!(subtle, json!("QuotaExceededError"));
}

#[test]
fn each_action_of_a_flow_starts_with_an_empty_table_of_keys() {
    // Each Action holds nearly the whole table: the second could make none if the first's
    // keys were still there (the two share an instance).
    let pairs = MAX_CRYPTO_KEYS / 2 - 1;
    let body = format!(
        "const {{ generateKeyPairSync, sign }} = require('crypto');
         let last;
         for (let i = 0; i < {pairs}; i++) last = generateKeyPairSync('ed25519').privateKey;
         api.idToken.setCustomClaim('https://x.example/' + event.user.user_id + Math.random(), sign(null, Buffer.from('x'), last).length);"
    );
    let mut flow = Flow::new(Trigger::PostLogin);
    for name in ["first", "second"] {
        let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
        flow.push(name, block_on(engine().compile("flow.js", &source)).unwrap(), Map::new()).unwrap();
    }
    let outcome = block_on(engine().run_flow(&flow, &event())).unwrap();
    for report in &outcome.actions {
        assert!(matches!(report.outcome.decision, Decision::Allowed), "{}: {:?}", report.name, report.outcome.decision);
    }
    let signatures: Vec<&Value> = outcome.changes.id_token_claims.values().collect();
    assert_eq!(signatures, [&json!(64), &json!(64)]);
}

#[test]
fn work_past_the_hosts_limits_is_refused_with_a_coded_error() {
    let refused = run("const crypto = require('crypto');
         const code = (f) => { try { f(); return 'done'; } catch (e) { return [e.name, e.code]; } };
         return {
           pbkdf2: code(() => crypto.pbkdf2Sync('p', 's', 100000000, 32, 'sha256')),
           scrypt: code(() => crypto.scryptSync('p', 's', 64, { N: 2 ** 24, r: 8, p: 1, maxmem: 2 ** 40 })),
           rsa: code(() => crypto.generateKeyPairSync('rsa', { modulusLength: 16384 })),
         };");
    for (what, outcome) in refused.as_object().unwrap() {
        assert_ne!(outcome, &json!("done"), "{what} was not refused");
        assert!(outcome[1].as_str().is_some_and(|code| code.starts_with("ERR_")), "{what}: {outcome}");
    }
}

#[test]
fn known_answers_through_the_whole_path() {
    // FIPS 180 and RFC 4231 test case 2, through the guest, the WIT call and the host.
    let answers = run("const crypto = require('crypto');
         return [
           crypto.createHash('sha256').update('abc').digest('hex'),
           crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'),
           Buffer.from(await crypto.subtle.digest('SHA-1', new TextEncoder().encode('abc'))).toString('hex'),
         ];");
    assert_eq!(
        answers,
        json!([
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        ])
    );
}

#[test]
fn a_hash_keeps_its_pending_bytes_within_the_heap_cap() {
    // Hashes never digested, each holding 1 MiB the Action no longer has: the bytes are
    // the guest's, counted against the heap cap, so the execution ends at the memory limit
    // and not in the allocator.
    let source = "const crypto = require('crypto');
        exports.onExecutePostLogin = async () => {
          const chunk = Buffer.alloc(1 << 20, 1);
          const held = [];
          for (;;) held.push(crypto.createHash('sha256').update(chunk));
        };";
    let action = block_on(engine().compile("hashes.js", source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert!(
        matches!(outcome.decision, Decision::Error { error: actionbox::ActionError::MemoryLimit { .. } }),
        "{:?}",
        outcome.decision
    );
    // Hashes dropped undigested are given back: many more than the cap allows at once.
    let collected = run("const crypto = require('crypto');
         const chunk = Buffer.alloc(1 << 20, 1);
         for (let i = 0; i < 200; i++) crypto.createHash('sha256').update(chunk);
         return crypto.createHash('sha256').update(chunk).digest('hex').slice(0, 8);");
    assert_eq!(collected, json!("ee78cd29"));
}

#[test]
fn a_hash_refuses_what_is_not_one_of_its_own() {
    let refusals = run("const crypto = require('crypto');
         const hash = crypto.createHash('sha256');
         const tries = {
           updateOther: () => crypto.Hash.prototype.update.call({}, 'x'),
           digestOther: () => crypto.Hash.prototype.digest.call(Object.create(crypto.Hash.prototype)),
           copyOther: () => crypto.Hash.prototype.copy.call(new Uint8Array(4)),
           fakeBytes: () => hash.update(Object.create(Uint8Array.prototype)),
           twice: () => { const h = crypto.createHash('md5'); h.digest(); h.digest(); },
           afterDigest: () => { const h = crypto.createHash('md5'); h.digest(); h.update('x'); },
         };
         const result = {};
         for (const [name, attempt] of Object.entries(tries)) {
           try { attempt(); result[name] = 'no error'; } catch (e) { result[name] = e.code || e.name; }
         }
         const hmac = crypto.createHmac('sha256', 'key');
         hmac.digest();
         result.hmacTwice = hmac.digest('hex');
         result.copied = hash.update('ab').copy().update('c').digest('hex') === crypto.createHash('sha256').update('abc').digest('hex');
         return result;");
    assert_eq!(
        refusals,
        json!({
            "updateOther": "TypeError",
            "digestOther": "TypeError",
            "copyOther": "TypeError",
            "fakeBytes": "ERR_INVALID_ARG_TYPE",
            "twice": "ERR_CRYPTO_HASH_FINALIZED",
            "afterDigest": "ERR_CRYPTO_HASH_FINALIZED",
            "hmacTwice": "",
            "copied": true,
        })
    );
}
