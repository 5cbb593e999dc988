//! `crypto-bench`: what the guest's cryptography costs per call inside an execution, beside
//! the same operation called natively in this process (the `actionbox-crypto` crate, the
//! floor the guest's call adds to) and, when the machine has `node`, in Node.
//!
//! 1. `crypto.subtle.verify` of an RS256 JWT (RSA-2048), the public key imported once: an
//!    execution runs N verifications in a loop, timing it with `performance.now()`, and an
//!    empty loop of N awaited promises; the difference over N is the cost of one call.
//! 2. `createHash('sha256').update(1 KiB).digest()`: the same, against an empty loop.
//!
//! Each figure is the median over several executions. Run with
//! `cargo run -p actionbox-tests --bin crypto-bench [-- CALLS_PER_EXECUTION]`.

use std::process::Command;
use std::time::Instant;

use actionbox::{Config, Engine, Trigger};

const EXECUTIONS: usize = 15;

/// The Action: generates an RSA-2048 key pair, signs a JWT, imports the public key once
/// from its JWK, then times `calls` verifications and `calls` SHA-256 hashes of 1 KiB,
/// each beside an empty loop, and logs the four durations in milliseconds.
fn action(calls: usize) -> String {
    format!(
        r#"
const nodeCrypto = require('crypto');
exports.onExecutePostLogin = async (event, api) => {{
  const subtle = crypto.subtle;
  const enc = new TextEncoder();
  const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
  const pair = await subtle.generateKey(
    {{ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }},
    true, ['sign', 'verify']);
  const header = b64url(enc.encode(JSON.stringify({{ alg: 'RS256', typ: 'JWT' }})));
  const payload = b64url(enc.encode(JSON.stringify({{ sub: 'auth0|bench', aud: 'bench', iat: 1700000000 }})));
  const input = enc.encode(header + '.' + payload);
  const signature = await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, input);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  const key = await subtle.importKey('jwk', jwk, {{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }}, false, ['verify']);
  const calls = {calls};
  let t = performance.now();
  for (let i = 0; i < calls; i++) await Promise.resolve(true);
  const emptyAsync = performance.now() - t;
  t = performance.now();
  let valid = 0;
  for (let i = 0; i < calls; i++) if (await subtle.verify('RSASSA-PKCS1-v1_5', key, signature, input)) valid++;
  const verify = performance.now() - t;
  if (valid !== calls) throw new Error('a verification failed');
  const data = Buffer.alloc(1024, 7);
  t = performance.now();
  let sink = 0;
  for (let i = 0; i < calls; i++) sink += data.length;
  const emptySync = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < calls; i++) sink += nodeCrypto.createHash('sha256').update(data).digest().length;
  const hash = performance.now() - t;
  console.log(JSON.stringify({{ emptyAsync, verify, emptySync, hash, sink }}));
}};
"#
    )
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let calls: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(2000);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    runtime.block_on(run(calls));
}

async fn run(calls: usize) {
    let engine = Engine::new(Config::default()).await.expect("the engine");
    let action = engine.compile("crypto-bench.js", &action(calls)).await.expect("the bench Action compiles");
    let event = serde_json::json!({ "user": { "user_id": "auth0|bench" } });
    let (mut verify, mut hash) = (Vec::new(), Vec::new());
    for _ in 0..EXECUTIONS {
        let outcome = engine.execute(Trigger::PostLogin, &action, &event).await.expect("the execution");
        let line = outcome.logs.lines.first().map(|l| l.message.clone()).unwrap_or_default();
        let times: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|_| panic!("the bench Action logs its times, got {:?}", outcome.decision));
        let ms = |name: &str| times[name].as_f64().expect("a time");
        verify.push((ms("verify") - ms("emptyAsync")) * 1000.0 / calls as f64);
        hash.push((ms("hash") - ms("emptySync")) * 1000.0 / calls as f64);
    }
    let (native_verify, native_hash) = native(calls);
    println!("crypto-bench: {calls} calls per execution, median of {EXECUTIONS} executions");
    println!(
        "  subtle.verify RS256 (RSA-2048, key imported once): {:.1} µs per call in the guest (target 50); natively {:.1} µs",
        median(&mut verify),
        native_verify
    );
    println!(
        "  createHash('sha256') over 1 KiB: {:.2} µs per call in the guest (target 5); natively {:.2} µs",
        median(&mut hash),
        native_hash
    );
    match node(calls) {
        Some((node_verify, node_hash)) => {
            println!("  node, the same loops: verify {node_verify:.1} µs, createHash {node_hash:.2} µs per call")
        }
        None => println!("  node: not on this machine, not measured"),
    }
}

/// The same operations called directly on the host's crate: per-call µs.
fn native(calls: usize) -> (f64, f64) {
    use actionbox_crypto::{Hash, Key, KeySpec, Scheme};
    let private = Key::generate(KeySpec::Rsa { bits: 2048, public_exponent: 65_537 }).expect("an RSA key");
    let public = private.public().expect("its public key");
    let scheme = Scheme::RsaPkcs1(Hash::Sha256);
    let message = b"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9";
    let signature = private.sign(&scheme, message).expect("a signature");
    let started = Instant::now();
    for _ in 0..calls {
        assert!(public.verify(&scheme, message, &signature).expect("verify"));
    }
    let verify = started.elapsed().as_secs_f64() * 1e6 / calls as f64;
    let data = [7u8; 1024];
    let started = Instant::now();
    let mut sink = 0;
    for _ in 0..calls {
        sink += actionbox_crypto::digest(Hash::Sha256, &data).len();
    }
    assert!(sink > 0);
    (verify, started.elapsed().as_secs_f64() * 1e6 / calls as f64)
}

/// The same loops in `node`, when the machine has it: per-call µs.
fn node(calls: usize) -> Option<(f64, f64)> {
    let script = format!(
        r#"
const {{ webcrypto: {{ subtle }}, createHash }} = require('crypto');
(async () => {{
  const pair = await subtle.generateKey({{ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }}, true, ['sign', 'verify']);
  const input = new TextEncoder().encode('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9');
  const signature = await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, input);
  const calls = {calls};
  let t = performance.now();
  for (let i = 0; i < calls; i++) await Promise.resolve(true);
  const emptyAsync = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < calls; i++) await subtle.verify('RSASSA-PKCS1-v1_5', pair.publicKey, signature, input);
  const verify = performance.now() - t - emptyAsync;
  const data = Buffer.alloc(1024, 7);
  t = performance.now();
  for (let i = 0; i < calls; i++) createHash('sha256').update(data).digest();
  const hash = performance.now() - t;
  console.log(JSON.stringify([verify * 1000 / calls, hash * 1000 / calls]));
}})();
"#
    );
    let output = Command::new("node").arg("-e").arg(script).output().ok()?;
    let figures: Vec<f64> = serde_json::from_slice(&output.stdout).ok()?;
    Some((figures[0], figures[1]))
}
