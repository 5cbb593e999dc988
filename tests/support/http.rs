//! Local HTTP and HTTPS servers for the `fetch` tests, on loopback only (127.0.0.1, or
//! `::1`), each on its own thread and runtime. HTTPS uses a certificate authority made
//! for the test run (rcgen), whose certificate the test's policy trusts; the server
//! speaks HTTP/1.1 and HTTP/2 (by ALPN on TLS).
//!
//! Routes (query parameters in brackets):
//! - `/hello`: `hello`, text/plain;
//! - `/echo`: the request as JSON (`method`, `path`, `headers`, `body`, `version`);
//! - `/slow[?ms=N]`: `slow` after N ms (50 by default);
//! - `/status/N`: an empty response with status N;
//! - `/redirect?to=URL[&status=N]`: a redirect (302 by default);
//! - `/chain/N`: redirects to `/chain/N-1`, and `/chain/0` answers `end`;
//! - `/bytes?n=N`: N bytes of `x`;
//! - `/gzip`: a gzip-encoded JSON body; `/gzip-bomb`: 10 MiB of zeros, gzip-encoded;
//! - `/many-headers`: 100 headers of 1 KiB each;
//! - `/drip`: one byte a second, forever;
//! - `/.well-known/jwks.json`: a JWKS with the public half of [`TEST_RSA_PRIVATE_JWK`];
//! - a mock of the Management API: `POST /oauth/token` (client credentials: `test-token`),
//!   `GET` and `PATCH /api/v2/users/<id>` (with that token; a `PATCH` merges the body's
//!   `app_metadata` and `user_metadata` into the user);
//! - a mock of S3: `PUT /bucket/<key>` answers an `ETag` when the request carries an
//!   AWS Signature Version 4 `Authorization` for the `AKIDEXAMPLE` key, and 403 otherwise.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, channel::Channel, combinators::BoxBody};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::TcpListener;

type Body = BoxBody<Bytes, Infallible>;

/// Compiles `source` as `filename` and runs its post-login handler under `policy`.
pub fn run_under(filename: &str, source: &str, policy: &actionbox::EgressPolicy) -> actionbox::Outcome {
    let action = crate::block_on(crate::engine().compile(filename, source)).unwrap();
    let mut options = actionbox::ExecuteOptions::new();
    options.egress(policy.clone());
    crate::block_on(crate::engine().execute_with(actionbox::Trigger::PostLogin, &action, &crate::event(), &options))
        .unwrap()
}

/// The JSON the Action logged last, after checking it ended allowed.
pub fn last_logged_json(outcome: &actionbox::Outcome) -> serde_json::Value {
    assert!(
        matches!(outcome.decision, actionbox::Decision::Allowed),
        "{:?} (logs: {:?})",
        outcome.decision,
        outcome.logs.lines
    );
    serde_json::from_str(&outcome.logs.lines.last().expect("a log line").message).unwrap()
}

/// A 2048-bit RSA key made for these tests (a private JWK, `kid` `test-key-1`): the
/// Actions of the tests sign with it, `/.well-known/jwks.json` publishes its public half.
pub const TEST_RSA_PRIVATE_JWK: &str = r#"{"kty":"RSA","n":"q8XuKujYD3GdFWnClYJ1qw2qJCESJuQvrN9e-bs7uxHFFK4XNFBPwcln7IavRKdogbskcjYbalb2VjmxhoocNvLQRSYujltQdx1_pMAv5hWbhWZyQ8dz6EmZQd-lgNuy1DEyU-eQc7AT_Qxt2iSS9bLVkwfM85jC5526mXRhh5rpIKxmfrp0pC1VRab9l3WQNhkt6cWS7sOYqmPkefwKJDSyRR1vCiu606govzNO5yDYOmpgt2hs-NwCe_0wL3OhpTqwNKCqb6wnO7q3r_FgRMytqRgiuTeHvZtcQwKNtn83ozF07s-M_3gZVK_hydfYZmUROhSstGFE8YAJmfSMSw","e":"AQAB","d":"R_rAk0WQKGSVDSCM1AbflQa8Wbhr-VUcb0YI8AAYBwtquQA8pATVbyCdRl2n-05leht4Kc3njheT0U0KyZR9Pz9fq-JUlv3HyapYTyrjx3gde_iSgDmHpfqVWKfFnCo0FTvqWYOLIhdSQPMg40z5MjE20w5tQVSts84CIATHS8GbxZmk8boQ4CbDxpSFWbwCFoVZzzRhOraacTkELjw0LjNvPhc6SwENVz3WiwQ1rQ2Se1bMKALYo2J1QSGIeTvfIM3LUodE8Mfvq8WrbbmdgON_DVzZkR9z1rIKurkr0vc7Bwxgq4DH1vslgqmzoCVvDPTtgEviny-OrnOHeko9CQ","p":"3t13fmfvEkDNDEQYainRICZtXgygDzfQTuvLaDmXDwLM9ilNtuHxcTHSUslGQ3E5Y-qXDfrABgriWbzTwzmDuT7RMMW6BDCWNrrgwA6Y1TzbW_vEs85hbnK8vLZN08_WdoYJz-fBn-epgAm5UA3B4I1vT6pcyEsBYItxwo_jq-k","q":"xU_Wp0fI_NgBKVnGlPksIdirHUpMZXgdFxnM8KaKCAE5q_CSj2LV1lskSRFPoV8QOkLY0FOjbD7a3jJ15DKytiKf6tOhqxkTw2XZACki21CktVeo0lbaP1Lz5qUBEQ7_sIXsaXBlWPQAiloMa-rmO-linKGIicn_gFad7Vi8OhM","dp":"pqSa8R3uGYvyxrU0PE3AXXXeWXC_TiHB1QFjOy-00Dib4YTI43LXAnjqd5SgwVUsQJXtFTrl0p7Y2ZjkDxo2cJGUAhAXI4LhD1N1Mqa3iNrUe1cqofgzyk5o6gK29yZ1inJ3a8ozccnbaC3dLwraaXnYPY15ixrqkLI0AfNtneE","dq":"pLS_t4X55e6eEZmKZkMVru9B78JcwXshtW3pIJ20rXfwX3IDtcPIQxZz1LappUhIsImqmUSoL6zMYRz4QlR70ARZP9oHo17cm4jCOxsbqL3JsEMLfwHXT3L8fHUSzd2aXQ1-SonzX-zXIqaGpfNA25Q3qA5Dftnq-YPUcxNWlJc","qi":"l_-QyL65rALYUEvCSSZ5REEhrFR5EZHkZFjTvSv4GHV0X9Vn_HkKuO9QuJ8R3XH7Yor532WZTGvLwhqvVHOm6Zjzv_O4HHG2o8LatZzwTFEN6TqOvGNEhhlKDbkIAKybcXZVTp5GZlyovYxdSvYv4Azq5WGpLoTBHwaB10gp3pI","kid":"test-key-1","alg":"RS256","use":"sig"}"#;

/// The public half of [`TEST_RSA_PRIVATE_JWK`], as a JWKS.
const TEST_JWKS: &str = r#"{"keys":[{"kty":"RSA","n":"q8XuKujYD3GdFWnClYJ1qw2qJCESJuQvrN9e-bs7uxHFFK4XNFBPwcln7IavRKdogbskcjYbalb2VjmxhoocNvLQRSYujltQdx1_pMAv5hWbhWZyQ8dz6EmZQd-lgNuy1DEyU-eQc7AT_Qxt2iSS9bLVkwfM85jC5526mXRhh5rpIKxmfrp0pC1VRab9l3WQNhkt6cWS7sOYqmPkefwKJDSyRR1vCiu606govzNO5yDYOmpgt2hs-NwCe_0wL3OhpTqwNKCqb6wnO7q3r_FgRMytqRgiuTeHvZtcQwKNtn83ozF07s-M_3gZVK_hydfYZmUROhSstGFE8YAJmfSMSw","e":"AQAB","kid":"test-key-1","alg":"RS256","use":"sig"}]}"#;

/// A certificate authority for one test run, and a server certificate it issued for
/// `localhost`, `127.0.0.1` and `::1`.
pub struct TestCa {
    /// The authority's certificate, PEM: what the policy trusts.
    pub root_pem: String,
    server: Arc<rustls_config::ServerConfig>,
}

mod rustls_config {
    pub use tokio_rustls::rustls::ServerConfig;
}

impl TestCa {
    pub fn new() -> Self {
        use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair, KeyUsagePurpose};
        let ca_key = KeyPair::generate().expect("a CA key");
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        ca_params.distinguished_name.push(rcgen::DnType::CommonName, "actionbox test CA");
        let ca_cert = ca_params.self_signed(&ca_key).expect("the CA certificate");
        let issuer = Issuer::new(ca_params, ca_key);
        let server_key = KeyPair::generate().expect("a server key");
        let names = vec!["localhost".to_string(), "127.0.0.1".to_string(), "::1".to_string()];
        let server_cert =
            CertificateParams::new(names).expect("server parameters").signed_by(&server_key, &issuer).expect("signed");
        let provider = Arc::new(tokio_rustls::rustls::crypto::aws_lc_rs::default_provider());
        let mut config = tokio_rustls::rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(
                vec![server_cert.der().clone()],
                tokio_rustls::rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
            )
            .expect("the server's TLS configuration");
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        TestCa { root_pem: ca_cert.pem(), server: Arc::new(config) }
    }
}

impl Default for TestCa {
    fn default() -> Self {
        TestCa::new()
    }
}

/// A running server; it stops when dropped (its thread's runtime ends).
pub struct Server {
    pub addr: SocketAddr,
    scheme: &'static str,
    /// Connections accepted so far.
    accepted: Arc<AtomicUsize>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Server {
    /// A plain HTTP server on 127.0.0.1.
    pub fn http() -> Self {
        Server::start(IpAddr::V4(Ipv4Addr::LOCALHOST), None)
    }

    /// An HTTPS server on 127.0.0.1 with a certificate from `ca`.
    pub fn https(ca: &TestCa) -> Self {
        Server::start(IpAddr::V4(Ipv4Addr::LOCALHOST), Some(ca.server.clone()))
    }

    /// A plain HTTP server on `ip` (a loopback address).
    pub fn http_on(ip: IpAddr) -> Self {
        Server::start(ip, None)
    }

    /// The URL of `path` on this server, by address.
    pub fn url(&self, path: &str) -> String {
        match self.addr {
            SocketAddr::V4(v4) => format!("{}://{}{path}", self.scheme, v4),
            SocketAddr::V6(v6) => format!("{}://[{}]:{}{path}", self.scheme, v6.ip(), v6.port()),
        }
    }

    /// How many connections the server has accepted.
    pub fn connections(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    fn start(ip: IpAddr, tls: Option<Arc<rustls_config::ServerConfig>>) -> Self {
        let std_listener = std::net::TcpListener::bind(SocketAddr::new(ip, 0)).expect("a loopback port");
        std_listener.set_nonblocking(true).expect("a non-blocking listener");
        let addr = std_listener.local_addr().expect("the listener's address");
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = accepted.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let scheme = if tls.is_some() { "https" } else { "http" };
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("the server's runtime");
            runtime.block_on(async move {
                let listener = TcpListener::from_std(std_listener).expect("a tokio listener");
                let serve = async {
                    loop {
                        let Ok((stream, _)) = listener.accept().await else { continue };
                        counter.fetch_add(1, Ordering::SeqCst);
                        let _ = stream.set_nodelay(true);
                        let tls = tls.clone();
                        tokio::spawn(async move {
                            let builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
                            let service = hyper::service::service_fn(route);
                            match tls {
                                Some(config) => {
                                    let Ok(stream) = tokio_rustls::TlsAcceptor::from(config).accept(stream).await
                                    else {
                                        return;
                                    };
                                    let _ = builder.serve_connection(TokioIo::new(stream), service).await;
                                }
                                None => {
                                    let _ = builder.serve_connection(TokioIo::new(stream), service).await;
                                }
                            }
                        });
                    }
                };
                tokio::select! {
                    () = serve => {}
                    _ = stopped => {}
                }
            });
        });
        Server { addr, scheme, accepted, _stop: stop }
    }
}

fn full(body: impl Into<Bytes>) -> Body {
    Full::new(body.into()).boxed()
}

fn query(request: &Request<Incoming>) -> HashMap<String, String> {
    request
        .uri()
        .query()
        .map(|q| {
            q.split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| (k.to_string(), percent_decode(v)))
                .collect()
        })
        .unwrap_or_default()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn route(request: Request<Incoming>) -> Result<Response<Body>, Infallible> {
    let path = request.uri().path().to_string();
    let params = query(&request);
    let mut response = Response::new(full(""));
    match path.as_str() {
        "/hello" => {
            *response.body_mut() = full("hello");
            response.headers_mut().insert("content-type", "text/plain".parse().unwrap());
        }
        "/echo" => {
            let method = request.method().to_string();
            let version = format!("{:?}", request.version());
            let headers: serde_json::Map<String, serde_json::Value> = request
                .headers()
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(String::from_utf8_lossy(v.as_bytes()).into())))
                .collect();
            let path_and_query = request.uri().path_and_query().map(|p| p.to_string()).unwrap_or_default();
            let body = request.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
            let json = serde_json::json!({
                "method": method,
                "path": path_and_query,
                "headers": headers,
                "body": String::from_utf8_lossy(&body),
                "version": version,
            });
            *response.body_mut() = full(json.to_string());
            response.headers_mut().insert("content-type", "application/json".parse().unwrap());
        }
        "/slow" => {
            let ms = params.get("ms").and_then(|ms| ms.parse().ok()).unwrap_or(50);
            tokio::time::sleep(Duration::from_millis(ms)).await;
            *response.body_mut() = full("slow");
        }
        "/redirect" => {
            let status = params.get("status").and_then(|s| s.parse().ok()).unwrap_or(302);
            *response.status_mut() = StatusCode::from_u16(status).unwrap();
            response.headers_mut().insert("location", params.get("to").cloned().unwrap_or_default().parse().unwrap());
        }
        "/gzip" => {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(br#"{"compressed":true}"#).unwrap();
            *response.body_mut() = full(encoder.finish().unwrap());
            response.headers_mut().insert("content-encoding", "gzip".parse().unwrap());
            response.headers_mut().insert("content-type", "application/json".parse().unwrap());
        }
        "/gzip-bomb" => {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            encoder.write_all(&vec![0u8; 10 << 20]).unwrap();
            *response.body_mut() = full(encoder.finish().unwrap());
            response.headers_mut().insert("content-encoding", "gzip".parse().unwrap());
        }
        "/bytes" => {
            let n = params.get("n").and_then(|n| n.parse().ok()).unwrap_or(0usize);
            *response.body_mut() = full(vec![b'x'; n]);
        }
        "/many-headers" => {
            for i in 0..100 {
                let name = hyper::header::HeaderName::from_bytes(format!("x-filler-{i}").as_bytes()).unwrap();
                response.headers_mut().insert(name, "v".repeat(1024).parse().unwrap());
            }
        }
        "/drip" => {
            let (mut sender, body) = Channel::<Bytes, Infallible>::new(1);
            tokio::spawn(async move {
                loop {
                    if sender.send_data(Bytes::from_static(b"x")).await.is_err() {
                        return;
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            });
            *response.body_mut() = body.boxed();
        }
        "/.well-known/jwks.json" => {
            *response.body_mut() = full(TEST_JWKS);
            response.headers_mut().insert("content-type", "application/json".parse().unwrap());
        }
        "/oauth/token" => return Ok(management::token(request).await),
        _ if path.starts_with("/api/v2/users/") => return Ok(management::user(request).await),
        _ if path.starts_with("/bucket/") => {
            let signed = request.headers().get("authorization").and_then(|v| v.to_str().ok()).is_some_and(|v| {
                v.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    && v.contains("SignedHeaders=")
                    && v.contains("Signature=")
            });
            if request.method() == hyper::Method::PUT && signed {
                let body = request.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
                response.headers_mut().insert("etag", format!("\"{}-bytes\"", body.len()).parse().unwrap());
            } else {
                *response.status_mut() = StatusCode::FORBIDDEN;
            }
        }
        _ if path.starts_with("/status/") => {
            let status = path["/status/".len()..].parse().unwrap_or(500);
            *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        }
        _ if path.starts_with("/chain/") => {
            let n: u32 = path["/chain/".len()..].parse().unwrap_or(0);
            if n == 0 {
                *response.body_mut() = full("end");
            } else {
                *response.status_mut() = StatusCode::FOUND;
                response.headers_mut().insert("location", format!("/chain/{}", n - 1).parse().unwrap());
            }
        }
        _ => *response.status_mut() = StatusCode::NOT_FOUND,
    }
    Ok(response)
}

/// The mock of the Management API.
mod management {
    use super::*;

    fn json(status: StatusCode, value: serde_json::Value) -> Response<Body> {
        let mut response = Response::new(full(value.to_string()));
        *response.status_mut() = status;
        response.headers_mut().insert("content-type", "application/json".parse().unwrap());
        response
    }

    async fn body(request: Request<Incoming>) -> serde_json::Value {
        let bytes = request.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
        serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null)
    }

    /// `POST /oauth/token`: a token for a client-credentials grant with a client id and secret.
    pub async fn token(request: Request<Incoming>) -> Response<Body> {
        let form = request.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let bytes = request.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let fields: HashMap<String, String> = if form.starts_with("application/json") {
            serde_json::from_str::<HashMap<String, serde_json::Value>>(&text)
                .unwrap_or_default()
                .into_iter()
                .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
                .collect()
        } else {
            text.split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| (k.to_owned(), percent_decode(v)))
                .collect()
        };
        let granted = fields.get("grant_type").map(String::as_str) == Some("client_credentials")
            && fields.get("client_id").is_some_and(|id| !id.is_empty())
            && fields.get("client_secret").is_some_and(|secret| !secret.is_empty());
        if !granted {
            return json(StatusCode::UNAUTHORIZED, serde_json::json!({ "error": "access_denied" }));
        }
        json(
            StatusCode::OK,
            serde_json::json!({ "access_token": "test-token", "token_type": "Bearer", "expires_in": 86400, "scope": "read:users update:users" }),
        )
    }

    /// `GET` or `PATCH /api/v2/users/<id>` with the token.
    pub async fn user(request: Request<Incoming>) -> Response<Body> {
        let authorized =
            request.headers().get("authorization").and_then(|v| v.to_str().ok()) == Some("Bearer test-token");
        if !authorized {
            return json(StatusCode::UNAUTHORIZED, serde_json::json!({ "statusCode": 401, "error": "Unauthorized" }));
        }
        let id = percent_decode(&request.uri().path()["/api/v2/users/".len()..]);
        let mut user = serde_json::json!({
            "user_id": id, "email": "ada@example.com", "app_metadata": { "plan": "free" }, "user_metadata": {},
        });
        match *request.method() {
            hyper::Method::GET => json(StatusCode::OK, user),
            hyper::Method::PATCH => {
                let changes = body(request).await;
                for field in ["app_metadata", "user_metadata"] {
                    if let Some(serde_json::Value::Object(changed)) = changes.get(field) {
                        let target = user[field].as_object_mut().unwrap();
                        for (k, v) in changed {
                            target.insert(k.clone(), v.clone());
                        }
                    }
                }
                json(StatusCode::OK, user)
            }
            _ => json(StatusCode::METHOD_NOT_ALLOWED, serde_json::json!({})),
        }
    }
}
