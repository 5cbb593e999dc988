//! The actions target: generated Actions, compiled and run under small limits.
//!
//! The generator emits valid JavaScript (a post-login handler, and sometimes a top level
//! of its own) from statements that use `api`, `event`, globals, Node modules, loops,
//! recursion, allocation, promises, timers, `fetch` to the loopback server, and
//! exceptions. The oracle: no panic; every error is typed and none is `internal`; the
//! execution ends within its deadline plus a margin; no secret where the README's rule
//! redacts it ([`secret_shown`](crate::secret_shown)); the next
//! execution, of a canary Action, is clean; the process's memory stays bounded.

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actionbox::{CompiledAction, Config, Decision, EgressPolicy, Engine, ExecuteOptions, Trigger};
use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Value, json};

use crate::runtime::{check_resident, engine, runtime};
use crate::server;

/// The engine's deadline for these executions.
pub const TIMEOUT: Duration = Duration::from_millis(100);
/// How far past its deadline an execution may end under a fuzzer's load.
pub const MARGIN: Duration = Duration::from_secs(3);
/// The secret every execution gets, which no outcome may show.
const SECRET: &str = "fz-secret-7f3a9c51";
/// Where the generated source names the loopback server.
const SERVER: &str = "__SERVER__";

/// A generated Action's source.
#[derive(Debug)]
pub struct Action {
    pub source: String,
}

impl<'a> Arbitrary<'a> for Action {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut generator = Generator { u, depth: 0, functions: 0 };
        let mut source = String::new();
        if generator.u.ratio(1, 4)? {
            let top = generator.block(Place::TopLevel)?;
            source.push_str("let v0 = null, v1 = null, v2 = null;\nconst event = { secrets: {}, user: {} };\n");
            source.push_str(&top);
        }
        let body = generator.block(Place::Handler)?;
        write!(
            source,
            "exports.onExecutePostLogin = async (event, api) => {{\nlet v0 = null, v1 = null, v2 = null;\n{body}}};\n"
        )
        .expect("writing to a String");
        Ok(Action { source })
    }
}

/// Where a block is: the top level runs at compile time, synchronously, without `api`.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    TopLevel,
    Handler,
}

struct Generator<'u, 'a> {
    u: &'u mut Unstructured<'a>,
    depth: u32,
    functions: u32,
}

const MAX_DEPTH: u32 = 3;

impl Generator<'_, '_> {
    fn block(&mut self, place: Place) -> arbitrary::Result<String> {
        let n = if self.depth >= MAX_DEPTH { 1 } else { self.u.int_in_range(1..=5)? };
        let mut out = String::new();
        self.depth += 1;
        for _ in 0..n {
            let statement = self.statement(place)?;
            out.push_str(&statement);
            out.push('\n');
        }
        self.depth -= 1;
        Ok(out)
    }

    fn statement(&mut self, place: Place) -> arbitrary::Result<String> {
        let nested = self.depth < MAX_DEPTH;
        let level = self.depth;
        let choices: u32 = if place == Place::TopLevel { 12 } else { 25 };
        Ok(match self.u.int_in_range(0..=choices)? {
            0 | 25 => format!("var t{level} = {};", self.expr()?),
            1 => format!(
                "console.{}({}, {});",
                self.u.choose(&["log", "info", "warn", "error", "debug"])?,
                self.expr()?,
                self.expr()?
            ),
            2 if nested => format!(
                "for (let i = 0; i < {}; i++) {{\n{}}}",
                self.u.choose(&["1", "3", "100", "100000", "1e9"])?,
                self.block(place)?
            ),
            3 if nested => {
                format!("try {{\n{}}} catch (e) {{ console.log(String(e && e.message)); }}", self.block(place)?)
            }
            4 => format!("throw {};", self.expr()?),
            5 => {
                self.functions += 1;
                let f = self.functions;
                let depth = self.u.choose(&["10", "1000", "100000", "1e7"])?;
                format!("function f{f}(n) {{ return n <= 0 ? 0 : 1 + f{f}(n - 1); }}\nf{f}({depth});")
            }
            6 => match self.u.int_in_range(0..=4)? {
                0 => format!("var a{level} = new Array({}).fill({});", self.size()?, self.expr()?),
                1 => format!("var a{level} = 'x'.repeat({});", self.size()?),
                2 => format!("var a{level} = new ArrayBuffer({});", self.size()?),
                3 => "{ let s = 'xy'; for (;;) s += s; }".to_owned(),
                _ => format!("{{ const keep = []; for (let i = 0; i < {}; i++) keep.push({{ i }}); }}", self.size()?),
            },
            7 => format!("globalThis.leak = {};", self.expr()?),
            8 => format!(
                "{{ let o = {{}}; for (let i = 0; i < {}; i++) o = {{ o }}; JSON.stringify(o); }}",
                self.u.choose(&["10", "1000", "100000", "1000000"])?
            ),
            9 => format!("/^(a+)+$/.test('a'.repeat({}) + '!');", self.u.choose(&["5", "20", "40"])?),
            10 => format!("{{ const m = require({}); console.log(typeof m); }}", self.module()?),
            11 if nested => format!("while (true) {{\n{}}}", self.block(place)?),
            12 => format!("Array.prototype.indexOf.call({{ length: {} }}, 1);", self.u.choose(&["10", "2**32-1"])?),
            // The handler's own.
            13 | 14 | 15 => self.api_call()?,
            16 => format!("v{} = {};", self.u.int_in_range(0..=2)?, self.expr()?),
            17 => format!("await {};", self.expr()?),
            18 => format!("await new Promise(r => setTimeout(r, {}));", self.delay()?),
            19 if nested => format!("setTimeout(async () => {{\n{}}}, {});", self.block(place)?, self.delay()?),
            20 if nested => format!("Promise.resolve().then(async () => {{\n{}}});", self.block(place)?),
            21 if nested => format!("queueMicrotask(() => {{\n{}}});", self.block(place)?),
            22 => format!(
                "await fetch({}).then(r => r.text()).then(t => console.log(t.length), e => console.log(e.code));",
                self.url()?
            ),
            23 => format!(
                "await Promise.all(Array.from({{ length: {} }}, () => fetch({}).catch(e => e.code)));",
                self.u.choose(&["2", "8", "60"])?,
                self.url()?
            ),
            24 => "for (;;) await 0;".to_owned(),
            // A block that may not nest further.
            _ => format!("v0 = {};", self.expr()?),
        })
    }

    fn api_call(&mut self) -> arbitrary::Result<String> {
        let name = self.string()?;
        let value = self.expr()?;
        Ok(match self.u.int_in_range(0..=9)? {
            0 => format!("api.idToken.setCustomClaim({name}, {value});"),
            1 => format!("api.accessToken.setCustomClaim({name}, {value});"),
            2 => format!("api.access.deny({value});"),
            3 => format!("api.user.setAppMetadata({name}, {value});"),
            4 => format!("api.user.setUserMetadata({name}, {value});"),
            5 => format!("api.cache.set({name}, {value});"),
            6 => format!("v0 = api.cache.get({name});"),
            7 => format!("api.multifactor.enable({name});"),
            8 => format!("api.redirect.sendUserTo({value});"),
            _ => format!("api.accessToken.addScope({value});"),
        })
    }

    fn expr(&mut self) -> arbitrary::Result<String> {
        if self.depth >= MAX_DEPTH + 2 {
            return self.leaf();
        }
        self.depth += 1;
        let e = match self.u.int_in_range(0..=16)? {
            0..=5 => self.leaf()?,
            6 => format!("[{}, {}]", self.expr()?, self.expr()?),
            7 => format!("{{ a: {}, \"b-c\": {} }}", self.expr()?, self.expr()?),
            8 => format!("({} + {})", self.expr()?, self.expr()?),
            9 => format!("JSON.parse(JSON.stringify({}) ?? 'null')", self.expr()?),
            10 => format!("Buffer.from(String({})).toString('base64')", self.expr()?),
            11 => format!(
                "new URL('https://x.test/?q=' + encodeURIComponent(String({}))).searchParams.get('q')",
                self.expr()?
            ),
            12 => format!("{{ toJSON() {{ return {}; }} }}", self.expr()?),
            13 => format!("{{ get x() {{ return {}; }} }}", self.expr()?),
            14 => format!("new Proxy({{}}, {{ get: () => {} }})", self.expr()?),
            15 => format!("(async () => {})()", self.expr()?),
            _ => format!("String({}).slice(0, 5)", self.expr()?),
        };
        self.depth -= 1;
        Ok(e)
    }

    fn leaf(&mut self) -> arbitrary::Result<String> {
        Ok(match self.u.int_in_range(0..=9)? {
            0 => (*self.u.choose(&[
                "0",
                "-0",
                "NaN",
                "Infinity",
                "2**53",
                "-1",
                "1e308",
                "0.1",
                "10n ** 20n",
                "null",
            ])?)
            .to_owned(),
            1 | 2 => self.string()?,
            3 => (*self.u.choose(&[
                "event.user.user_id",
                "event.user.app_metadata",
                "event.request.ip",
                "event.transaction",
            ])?)
            .to_owned(),
            4 => "event.secrets.API_KEY".to_owned(),
            5 => format!("v{}", self.u.int_in_range(0..=2)?),
            6 => {
                (*self.u.choose(&["Math.random()", "Date.now()", "crypto.randomUUID()", "Symbol('s')", "undefined"])?)
                    .to_owned()
            }
            7 => (*self.u.choose(&[
                "Object.create(null)",
                "new Map([[1, 2]])",
                "new Date(0)",
                "/x/g",
                "globalThis.leak",
            ])?)
            .to_owned(),
            8 => "(() => { const c = {}; c.c = c; return c; })()".to_owned(),
            _ => (*self.u.choose(&["'\\ud800'", "'\\u001b[31m'", "'a\\nb'", "'\\u2028'", "'x'.repeat(5000)"])?)
                .to_owned(),
        })
    }

    fn string(&mut self) -> arbitrary::Result<String> {
        let text: String = if self.u.arbitrary()? {
            (*self.u.choose(&["https://x.test/c", "plan", "roles", "", "sub", "__proto__", "constructor"])?).to_owned()
        } else {
            let text: String = self.u.arbitrary()?;
            text.chars().take(40).collect()
        };
        Ok(serde_json::to_string(&text).expect("a string serializes"))
    }

    fn size(&mut self) -> arbitrary::Result<&'static str> {
        self.u.choose(&["0", "10", "1000", "1e6", "2**24", "2**29", "2**31"]).copied()
    }

    fn delay(&mut self) -> arbitrary::Result<&'static str> {
        self.u.choose(&["0", "1", "10", "1000", "100000"]).copied()
    }

    fn module(&mut self) -> arbitrary::Result<&'static str> {
        self.u
            .choose(&[
                "'crypto'",
                "'url'",
                "'buffer'",
                "'util'",
                "'events'",
                "'querystring'",
                "'fs'",
                "'child_process'",
                "'./x'",
            ])
            .copied()
    }

    fn url(&mut self) -> arbitrary::Result<String> {
        let path = *self.u.choose(&["/ok", "/slow", "/big", "/redirect", "/missing"])?;
        Ok(match self.u.int_in_range(0..=5)? {
            0..=2 => format!("'{SERVER}{path}'"),
            3 => "'http://10.0.0.1/'".to_owned(),
            4 => "'http://169.254.169.254/latest/meta-data/'".to_owned(),
            _ => "'file:///etc/passwd'".to_owned(),
        })
    }
}

fn configure(config: &mut Config) {
    config.timeout(TIMEOUT).fuel(200_000_000).memory_limit(32 << 20);
}

fn event() -> Value {
    json!({
        "user": { "user_id": "auth0|fuzz", "email": "fuzz@example.com", "app_metadata": { "plan": "pro" } },
        "request": { "ip": "203.0.113.9", "hostname": "tenant.example.com" },
        "transaction": { "protocol": "oidc-basic-profile" },
    })
}

fn options() -> ExecuteOptions {
    let mut policy = EgressPolicy::new();
    policy.allow_http(true).allow_loopback_for_tests(true).request_timeout(Duration::from_millis(500));
    let mut options = ExecuteOptions::new();
    options.secrets([("API_KEY".to_owned(), Value::from(SECRET))].into_iter().collect()).egress(policy);
    options
}

/// The Action run after every generated one: it must find no trace of it.
const CANARY: &str = r#"exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim("https://x.test/residue", typeof globalThis.leak + typeof globalThis.t1);
};"#;

fn canary(engine: &Engine) -> &'static CompiledAction {
    static CANARY_ACTION: OnceLock<CompiledAction> = OnceLock::new();
    CANARY_ACTION.get_or_init(|| runtime().block_on(engine.compile("canary.js", CANARY)).expect("the canary compiles"))
}

/// Makes what the target shares (engine, canary, loopback server) ahead of the inputs.
pub fn prepare() {
    canary(engine(&ENGINE, configure));
    server::base_url();
}

static ENGINE: OnceLock<Engine> = OnceLock::new();

/// The target.
pub fn check(data: &[u8]) {
    let Ok(action) = Action::arbitrary_take_rest(Unstructured::new(data)) else { return };
    check_source(&action.source);
}

/// The oracle, on one source (`__SERVER__` stands for the loopback server).
pub fn check_source(source: &str) {
    let engine = engine(&ENGINE, configure);
    let source = source.replace(SERVER, server::base_url());
    let canary = canary(engine);
    runtime().block_on(async {
        let started = Instant::now();
        let compiled = engine.compile("fuzz.js", &source).await;
        let elapsed = started.elapsed();
        assert!(elapsed <= TIMEOUT + MARGIN, "compiling took {elapsed:?}, past the deadline:\n{source}");
        match compiled {
            Err(e) => assert_ne!(e.kind(), "internal", "compiling failed inside the host: {e}\n{source}"),
            Ok(action) => {
                let started = Instant::now();
                let executed = engine.execute_with(Trigger::PostLogin, &action, &event(), &options()).await;
                let elapsed = started.elapsed();
                assert!(elapsed <= TIMEOUT + MARGIN, "the execution took {elapsed:?}, past its deadline:\n{source}");
                match executed {
                    Err(e) => panic!("a compiled Action's execution failed as a call ({}): {e}\n{source}", e.kind()),
                    Ok(outcome) => {
                        if let Some(place) = crate::secret_shown(&outcome, SECRET) {
                            panic!("the secret is shown in the {place}\n{source}");
                        }
                    }
                }
            }
        }
        let next = engine.execute(Trigger::PostLogin, canary, &event()).await.expect("the canary runs");
        assert_eq!(next.decision, Decision::Allowed, "the canary after:\n{source}");
        let claim = serde_json::to_value(&next.commands).expect("commands serialize");
        assert_eq!(claim[0]["value"], "undefinedundefined", "the canary found residue of:\n{source}");
        assert!(next.logs.lines.is_empty(), "the canary found logs of:\n{source}");
    });
    check_resident("an Action");
}
