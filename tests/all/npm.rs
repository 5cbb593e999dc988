//! Real npm packages, installed from the registry at test time (`support/npm.rs`),
//! compiled with the Action and run in actionbox and in the machine's `node`, the two
//! outputs compared. ESM-only packages (`uuid` 14, `jose` 6) load through `require()` of
//! an ES module and through `import()`; `axios` reaches a local server through both of
//! its adapters (Node's `http`, and `fetch`), as `request`, `jwks-rsa`, the `auth0` client
//! and `aws-sdk` v2 reach local servers.

use std::path::{Path, PathBuf};

use actionbox::{CompileOptions, Decision, EgressPolicy, ExecuteOptions, LogLevel, Trigger};
use actionbox_tests::http::{Server, TEST_RSA_PRIVATE_JWK, TestCa};
use actionbox_tests::{block_on, engine, event};

/// The packages of these tests, pinned as an Action's manifest pins them.
const PACKAGES: &[(&str, &str)] = &[
    ("lodash", "4.18.1"),
    ("uuid", "14.0.3"),
    ("js-yaml", "5.5.0"),
    ("jose", "6.2.19"),
    ("jsonwebtoken", "9.0.3"),
    ("axios", "1.21.1"),
    ("jwks-rsa", "4.1.0"),
    ("auth0", "4.37.0"),
    ("aws-sdk", "2.1692.0"),
    ("request", "2.88.2"),
];

fn project() -> Option<PathBuf> {
    actionbox_tests::npm::project(Path::new(env!("CARGO_TARGET_TMPDIR")), PACKAGES)
}

/// Writes `source` as `name` in `project`, runs its post-login handler in actionbox and
/// in node, checks the two logged the same, and returns actionbox's lines.
fn run_both(project: &Path, name: &str, source: &str) -> Vec<String> {
    run_both_with(project, name, source, &ExecuteOptions::new(), &[])
}

/// As [`run_both`], the execution with `options` (its egress policy, say), and `node`
/// with `env` added to its environment.
fn run_both_with(
    project: &Path,
    name: &str,
    source: &str,
    options: &ExecuteOptions,
    env: &[(&str, &str)],
) -> Vec<String> {
    std::fs::write(project.join(name), source).unwrap();
    let mut compile = CompileOptions::new();
    compile.project_dir(project);
    let action = block_on(engine().compile_with(name, source, &compile)).unwrap();
    let outcome = block_on(engine().execute_with(Trigger::PostLogin, &action, &event(), options)).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed, "{:?}", outcome.decision);
    // What node prints on stdout: `console.log`, `info` and `debug` (warnings and errors
    // go to stderr).
    let ours: Vec<String> = outcome
        .logs
        .lines
        .iter()
        .filter(|line| !matches!(line.level, LogLevel::Warn | LogLevel::Error))
        .map(|line| line.message.clone())
        .collect();
    if let Some(node) = actionbox_tests::node::post_login_output_with(&project.join(name), env) {
        assert_eq!(ours, node, "the same output as node");
    }
    ours
}

#[test]
fn lodash_uuid_and_js_yaml_work_as_in_node() {
    let Some(project) = project() else { return };
    let lines = run_both(
        &project,
        "action-utilities.js",
        r#"const _ = require('lodash');
const { v4, v5, validate, version } = require('uuid');
const yaml = require('js-yaml');
exports.onExecutePostLogin = async () => {
  const id = v4();
  let yamlError;
  try { yaml.load('a: [1,'); } catch (e) { yamlError = e.name; }
  console.log(JSON.stringify({
    chunk: _.chunk([1, 2, 3, 4, 5], 2),
    get: _.get({ a: [{ b: 3 }] }, 'a[0].b'),
    merge: _.merge({ a: { b: 1 } }, { a: { c: 2 } }),
    template: _.template('hi <%= name %>')({ name: 'x' }),
    uuid: [validate(id), version(id), v5('hello', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')],
    uuidByImport: typeof (await import('uuid')).v7,
    yaml: yaml.load('a: 1\nb: [x, y]\nc: { d: true }\n'),
    dump: yaml.dump({ k: 'v', list: [1, 2] }),
    yamlError,
  }));
};
"#,
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(seen["uuid"], serde_json::json!([true, 4, "9342d47a-1bab-5709-9869-c840b2eac501"]));
    assert_eq!(seen["yaml"], serde_json::json!({ "a": 1, "b": ["x", "y"], "c": { "d": true } }));
    assert_eq!(seen["template"], "hi x");
}

#[test]
fn jose_and_jsonwebtoken_sign_and_verify_hs256_rs256_and_a_jwks_as_in_node() {
    let Some(project) = project() else { return };
    let lines = run_both(
        &project,
        "action-tokens.js",
        r#"const jwt = require('jsonwebtoken');
exports.onExecutePostLogin = async () => {
  const out = {};
  const hs = jwt.sign({ sub: 'u1', iat: 1700000000 }, 'secret', { algorithm: 'HS256' });
  out.hs256 = [hs, jwt.verify(hs, 'secret').sub];
  try { jwt.verify(hs, 'wrong'); } catch (e) { out.hs256Wrong = e.name + ': ' + e.message; }
  const jose = await import('jose');
  const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signed = await new jose.SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().setExpirationTime('2h').sign(privateKey);
  const jwks = jose.createLocalJWKSet({ keys: [{ ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
  const verified = await jose.jwtVerify(signed, jwks);
  out.jose = [verified.payload.role, verified.protectedHeader.kid];
  // One character in the middle of the signature changed (its last characters carry
  // bits base64url decoding ignores).
  const tamper = (token) => {
    const at = token.lastIndexOf('.') + 10;
    return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
  };
  try { await jose.jwtVerify(tamper(signed), jwks); } catch (e) { out.joseTampered = e.code; }
  const rs = jwt.sign({ sub: 'u2' }, await jose.exportPKCS8(privateKey), { algorithm: 'RS256', keyid: 'k1' });
  out.rs256 = [jwt.verify(rs, await jose.exportSPKI(publicKey), { algorithms: ['RS256'] }).sub, jwt.decode(rs, { complete: true }).header];
  out.crossVerify = (await jose.jwtVerify(rs, publicKey)).payload.sub;
  console.log(JSON.stringify(out));
};
"#,
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(
        seen,
        serde_json::json!({
            "hs256": [
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1MSIsImlhdCI6MTcwMDAwMDAwMH0.Lcty773EPHkwIG59EKoODUqeoe9Cih6hBnQA50f0IMY",
                "u1"
            ],
            "hs256Wrong": "JsonWebTokenError: invalid signature",
            "jose": ["admin", "k1"],
            "joseTampered": "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
            "rs256": ["u2", { "alg": "RS256", "typ": "JWT", "kid": "k1" }],
            "crossVerify": "u2",
        })
    );
}

#[test]
fn axios_requests_a_local_server_through_both_of_its_adapters_as_in_node() {
    let Some(project) = project() else { return };
    let server = Server::http();
    let mut policy = EgressPolicy::new();
    policy.allow_loopback_for_tests(true).allow_http(true);
    let mut options = ExecuteOptions::new();
    options.egress(policy);
    let lines = run_both_with(
        &project,
        "action-axios.js",
        &format!(
            r#"const axios = require('axios');
exports.onExecutePostLogin = async () => {{
  const out = {{}};
  for (const adapter of ['http', 'fetch']) {{
    const echo = await axios.post('{echo}', {{ a: 1 }}, {{ adapter, headers: {{ 'X-Test': 'yes' }} }});
    const redirected = await axios.get('{redirect}', {{ adapter }});
    const gzip = await axios.get('{gzip}', {{ adapter }});
    let timeout;
    try {{ await axios.get('{slow}', {{ adapter, timeout: 50 }}); }} catch (e) {{ timeout = e.code; }}
    let failed;
    try {{ await axios.get('{missing}', {{ adapter }}); }} catch (e) {{ failed = [e.response.status, e.message]; }}
    out[adapter] = {{
      echo: [echo.status, echo.data.method, echo.data.path, echo.data.headers['x-test'], echo.data.headers['content-type'], echo.data.body],
      redirected: redirected.data, gzip: typeof gzip.data, timeout, failed,
    }};
  }}
  console.log(JSON.stringify(out));
}};
"#,
            echo = server.url("/echo?q=1"),
            redirect = server.url("/redirect?to=/hello"),
            gzip = server.url("/gzip"),
            slow = server.url("/slow?ms=3000"),
            missing = server.url("/status/404"),
        ),
        &options,
        &[],
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    let expected = |timeout: &str| {
        serde_json::json!({
            "echo": [200, "POST", "/echo?q=1", "yes", "application/json", "{\"a\":1}"],
            "redirected": "hello", "gzip": "object", "timeout": timeout,
            "failed": [404, "Request failed with status code 404"],
        })
    };
    assert_eq!(seen["http"], expected("ECONNABORTED"));
    assert_eq!(seen["fetch"], expected("ETIMEDOUT"));
}

/// Loopback and plain HTTP allowed, and `ca`'s root trusted.
fn local(ca: &TestCa) -> ExecuteOptions {
    let mut policy = EgressPolicy::new();
    policy.allow_loopback_for_tests(true).allow_http(true);
    policy.add_root_certificate(ca.root_pem.as_bytes()).unwrap();
    let mut options = ExecuteOptions::new();
    options.egress(policy);
    options
}

#[test]
fn jwks_rsa_fetches_a_local_jwks_and_the_key_verifies_a_token_as_in_node() {
    let Some(project) = project() else { return };
    let server = Server::http();
    let lines = run_both_with(
        &project,
        "action-jwks.js",
        &format!(
            r#"const jwksClient = require('jwks-rsa');
const jwt = require('jsonwebtoken');
const {{ createPrivateKey }} = require('crypto');
exports.onExecutePostLogin = async () => {{
  const key = createPrivateKey({{ key: {jwk}, format: 'jwk' }});
  const token = jwt.sign({{ sub: 'auth0|1', iat: 1700000000 }}, key, {{ algorithm: 'RS256', keyid: 'test-key-1' }});
  const client = jwksClient({{ jwksUri: '{jwks}', cache: true, rateLimit: true }});
  const signing = await client.getSigningKey('test-key-1');
  const verified = jwt.verify(token, signing.getPublicKey(), {{ algorithms: ['RS256'] }});
  let unknown;
  try {{ await client.getSigningKey('nope'); }} catch (e) {{ unknown = e.name; }}
  console.log(JSON.stringify({{ kid: signing.kid, alg: signing.alg, pem: signing.getPublicKey().split('\n')[0], sub: verified.sub, unknown }}));
}};
"#,
            jwk = TEST_RSA_PRIVATE_JWK,
            jwks = server.url("/.well-known/jwks.json"),
        ),
        &local(&TestCa::new()),
        &[],
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(
        seen,
        serde_json::json!({
            "kid": "test-key-1", "alg": "RS256", "pem": "-----BEGIN PUBLIC KEY-----", "sub": "auth0|1",
            "unknown": "SigningKeyNotFoundError",
        })
    );
}

#[test]
fn the_auth0_management_client_gets_a_token_then_reads_and_updates_a_user_over_https_as_in_node() {
    let Some(project) = project() else { return };
    let ca = TestCa::new();
    let server = Server::https(&ca);
    let ca_file = project.join(format!("test-ca-{}.pem", std::process::id()));
    std::fs::write(&ca_file, &ca.root_pem).unwrap();
    let lines = run_both_with(
        &project,
        "action-auth0.js",
        &format!(
            r#"const {{ ManagementClient }} = require('auth0');
exports.onExecutePostLogin = async () => {{
  const management = new ManagementClient({{ domain: '{domain}', clientId: 'client', clientSecret: 'secret' }});
  const read = await management.users.get({{ id: 'auth0|1' }});
  const updated = await management.users.update({{ id: 'auth0|1' }}, {{ app_metadata: {{ plan: 'pro' }} }});
  console.log(JSON.stringify({{ status: read.status, email: read.data.email, plan: [read.data.app_metadata.plan, updated.data.app_metadata.plan] }}));
}};
"#,
            domain = server.addr,
        ),
        &local(&ca),
        &[("NODE_EXTRA_CA_CERTS", ca_file.to_str().unwrap())],
    );
    let _ = std::fs::remove_file(&ca_file);
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(seen, serde_json::json!({ "status": 200, "email": "ada@example.com", "plan": ["free", "pro"] }));
}

#[test]
fn aws_sdk_v2_loads_and_makes_a_signed_s3_request_to_a_local_endpoint_as_in_node() {
    let Some(project) = project() else { return };
    let server = Server::http();
    let lines = run_both_with(
        &project,
        "action-aws.js",
        &format!(
            r#"const AWS = require('aws-sdk');
exports.onExecutePostLogin = async () => {{
  const options = {{ endpoint: '{endpoint}', s3ForcePathStyle: true, region: 'us-east-1', sslEnabled: false, maxRetries: 0 }};
  const s3 = new AWS.S3({{ ...options, credentials: new AWS.Credentials('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY') }});
  const put = await s3.putObject({{ Bucket: 'bucket', Key: 'greeting.txt', Body: 'hello' }}).promise();
  const other = new AWS.S3({{ ...options, credentials: new AWS.Credentials('OTHERKEY', 'secret') }});
  let denied;
  try {{ await other.putObject({{ Bucket: 'bucket', Key: 'k', Body: 'x' }}).promise(); }} catch (e) {{ denied = [e.statusCode, e.code]; }}
  console.log(JSON.stringify({{ etag: put.ETag, denied, version: AWS.VERSION }}));
}};
"#,
            endpoint = server.url(""),
        ),
        &local(&TestCa::new()),
        &[],
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(seen, serde_json::json!({ "etag": "\"5-bytes\"", "denied": [403, "Forbidden"], "version": "2.1692.0" }));
}

#[test]
fn the_request_package_sends_json_forms_and_follows_redirects_as_in_node() {
    let Some(project) = project() else { return };
    let server = Server::http();
    let lines = run_both_with(
        &project,
        "action-request.js",
        &format!(
            r#"const request = require('request');
const call = (options) => new Promise((resolve) => request(options, (error, response, body) =>
  resolve(error ? {{ error: error.code }} : {{ status: response.statusCode, body }})));
exports.onExecutePostLogin = async () => {{
  const json = await call({{ url: '{echo}', method: 'POST', json: {{ a: 1 }} }});
  const form = await call({{ url: '{echo}', method: 'POST', form: {{ a: 'b c' }}, json: true }});
  console.log(JSON.stringify({{
    json: [json.status, json.body.method, json.body.headers['content-type'], json.body.body],
    form: [form.body.headers['content-type'], form.body.body],
    redirect: (await call({{ url: '{redirect}' }})).body,
    gzip: (await call({{ url: '{gzip}', gzip: true, json: true }})).body,
    timeout: (await call({{ url: '{slow}', timeout: 50 }})).error,
  }}));
}};
"#,
            echo = server.url("/echo"),
            redirect = server.url("/redirect?to=/hello"),
            gzip = server.url("/gzip"),
            slow = server.url("/slow?ms=3000"),
        ),
        &local(&TestCa::new()),
        &[],
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(
        seen,
        serde_json::json!({
            "json": [200, "POST", "application/json", "{\"a\":1}"],
            "form": ["application/x-www-form-urlencoded", "a=b%20c"],
            "redirect": "hello", "gzip": { "compressed": true }, "timeout": "ESOCKETTIMEDOUT",
        })
    );
}
