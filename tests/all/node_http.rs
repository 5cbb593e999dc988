//! Node's `http` and `https` clients over the host's fetch, against local servers
//! (`support/http.rs`, loopback only): requests and responses as streams, headers,
//! redirects left to the caller, decoded bodies, timeouts, aborts, the egress policy's
//! refusals as `'error'` events, and every request in the Outcome as `fetch`'s are.

use actionbox::{EgressPolicy, Outcome};
use actionbox_tests::http::{Server, TestCa};
use serde_json::{Value, json};

fn run(source: &str, policy: &EgressPolicy) -> Outcome {
    actionbox_tests::http::run_under("http.js", source, policy)
}

fn logged(outcome: &Outcome) -> Value {
    actionbox_tests::http::last_logged_json(outcome)
}

/// `call(module, url, options, body)`: the response as `{ status, message, headers, body }`
/// or the error as `{ error: code, message }`; the Action logs what `body` returns.
fn action(body: &str) -> String {
    format!(
        r#"const http = require('http');
const https = require('https');
const {{ pipeline, Transform, Writable }} = require('stream');
function call(mod, url, options, body) {{
  return new Promise((resolve) => {{
    const onResponse = (res) => {{
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({{ status: res.statusCode, message: res.statusMessage, headers: res.headers,
        body: Buffer.concat(chunks).toString() }}));
    }};
    // As Node reads its arguments: an options object first takes the callback second.
    const req = options === undefined ? mod.request(url, onResponse) : mod.request(url, options, onResponse);
    req.on('error', (e) => resolve({{ error: e.code, message: e.message }}));
    if (body !== undefined) req.write(body);
    req.end();
  }});
}}
exports.onExecutePostLogin = async (event, api) => {{
  const result = await (async () => {{ {body} }})();
  console.log(JSON.stringify(result));
}};
"#
    )
}

fn policy(ca: &TestCa) -> EgressPolicy {
    let mut policy = EgressPolicy::new();
    policy.allow_loopback_for_tests(true).allow_http(true);
    policy.add_root_certificate(ca.root_pem.as_bytes()).unwrap();
    policy
}

#[test]
fn http_and_https_requests_carry_their_method_headers_and_body_and_read_the_response() {
    let ca = TestCa::new();
    let (plain, secure) = (Server::http(), Server::https(&ca));
    let outcome = run(
        &action(&format!(
            r#"
    const echo = await call(http, '{echo}?q=1', {{ method: 'POST', auth: 'user:secret',
      headers: {{ 'X-Test': 'yes', 'Content-Type': 'text/plain', Host: 'ignored.example', 'Accept-Encoding': 'br' }} }}, 'hello');
    const sent = JSON.parse(echo.body);
    const options = new URL('{hello}');
    const secure = await call(https, {{ hostname: options.hostname, port: options.port, path: '/hello' }});
    return {{
      status: echo.status, message: echo.message, type: echo.headers['content-type'],
      method: sent.method, path: sent.path, test: sent.headers['x-test'], auth: sent.headers.authorization,
      body: sent.body, host: sent.headers.host === '{authority}',
      secure: [secure.status, secure.body],
    }};
    "#,
            echo = plain.url("/echo"),
            hello = secure.url("/hello"),
            authority = plain.addr,
        )),
        &policy(&ca),
    );
    assert_eq!(
        logged(&outcome),
        json!({
            "status": 200, "message": "OK", "type": "application/json",
            "method": "POST", "path": "/echo?q=1", "test": "yes", "auth": "Basic dXNlcjpzZWNyZXQ=",
            "body": "hello", "host": true, "secure": [200, "hello"],
        })
    );
    // Each request shows in the Outcome as a `fetch` does.
    let methods: Vec<(&str, Option<u16>)> = outcome.requests.iter().map(|r| (r.method.as_str(), r.status)).collect();
    assert_eq!(methods, [("POST", Some(200)), ("GET", Some(200))]);
}

#[test]
fn redirects_are_the_response_and_compressed_bodies_arrive_decoded() {
    let ca = TestCa::new();
    let server = Server::http();
    let outcome = run(
        &action(&format!(
            r#"
    const redirect = await call(http, '{redirect}');
    const gzip = await call(http, '{gzip}');
    return {{ redirect: [redirect.status, redirect.headers.location], gzip: JSON.parse(gzip.body),
      encoding: gzip.headers['content-encoding'] === undefined }};
    "#,
            redirect = server.url("/redirect?to=/hello"),
            gzip = server.url("/gzip"),
        )),
        &policy(&ca),
    );
    let seen = logged(&outcome);
    assert_eq!(seen["redirect"], json!([302, "/hello"]));
    assert_eq!(seen["encoding"], json!(true));
    assert!(seen["gzip"].is_object(), "{seen}");
}

#[test]
fn responses_are_readable_streams_that_pipe_through_transforms() {
    let ca = TestCa::new();
    let server = Server::http();
    let outcome = run(
        &action(&format!(
            r#"
    return await new Promise((resolve, reject) => {{
      http.get('{hello}', (res) => {{
        let text = '';
        const upper = new Transform({{ transform(chunk, enc, done) {{ done(null, chunk.toString().toUpperCase()); }} }});
        const sink = new Writable({{ write(chunk, enc, done) {{ text += chunk; done(); }} }});
        pipeline(res, upper, sink, (error) => error ? reject(error) : resolve({{ text, complete: res.complete }}));
      }}).on('error', reject);
    }});
    "#,
            hello = server.url("/hello"),
        )),
        &policy(&ca),
    );
    assert_eq!(logged(&outcome), json!({ "text": "HELLO", "complete": true }));
}

#[test]
fn timeouts_aborts_and_refusals_are_events_of_the_request() {
    let ca = TestCa::new();
    let server = Server::http();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_url = format!("http://{}/", closed.local_addr().unwrap());
    drop(closed);
    let mut only_loopback = policy(&ca);
    only_loopback.allow_host("127.0.0.1").unwrap();
    let outcome = run(
        &action(&format!(
            r#"
    const timeout = await new Promise((resolve) => {{
      const events = [];
      const req = http.get('{slow}', () => events.push('response'));
      req.setTimeout(50, () => {{ events.push('timeout'); req.destroy(); }});
      req.on('error', (e) => {{ events.push(e.code + ' ' + e.message); }});
      req.on('close', () => resolve(events));
    }});
    const aborted = await new Promise((resolve) => {{
      const controller = new AbortController();
      const req = http.get('{slow}', {{ signal: controller.signal }}, () => resolve('response'));
      req.on('error', (e) => resolve(e.name + ' ' + e.code));
      setTimeout(() => controller.abort(), 10);
    }});
    return {{
      timeout, aborted,
      closed: (await call(http, '{closed}')).error,
      refused: await call(http, 'http://example.com/'),
      scheme: await new Promise((resolve) => {{ try {{ http.get('https://127.0.0.1/'); }} catch (e) {{ resolve(e.code); }} }}),
      server: await new Promise((resolve) => {{ try {{ http.createServer(); }} catch (e) {{ resolve(e.code); }} }}),
    }};
    "#,
            slow = server.url("/slow?ms=5000"),
            closed = closed_url,
        )),
        &only_loopback,
    );
    let seen = logged(&outcome);
    assert_eq!(seen["timeout"], json!(["timeout", "ECONNRESET socket hang up"]));
    assert_eq!(seen["aborted"], json!("AbortError ABORT_ERR"));
    assert_eq!(seen["closed"], json!("ERR_ACTIONBOX_NETWORK"));
    assert_eq!(seen["refused"]["error"], json!("ERR_ACTIONBOX_HOST_NOT_ALLOWED"));
    assert_eq!(seen["scheme"], json!("ERR_INVALID_PROTOCOL"));
    assert_eq!(seen["server"], json!("ERR_ACTIONBOX_UNAVAILABLE"));
    // The requests the Action stopped show as aborted.
    let aborted = outcome.requests.iter().filter(|r| r.failure.as_deref() == Some("ERR_ACTIONBOX_ABORTED")).count();
    assert_eq!(aborted, 2, "{:?}", outcome.requests);
}
