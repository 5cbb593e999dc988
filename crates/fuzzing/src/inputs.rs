//! The inputs target: what an embedder passes to the engine. Events (parsed, validated
//! for a trigger, and, when valid, run: the `event` the guest builds from the tape must
//! be the one that was sent), compiled artifacts (arbitrary bytes and mutations of a
//! real one), suspended-flow tokens (arbitrary and mutated: a changed token never opens
//! as another flow) and continue requests (resumed against a real suspended flow).
//!
//! The oracle: a typed error, never `internal`, never a panic.

use std::sync::OnceLock;
use std::time::Duration;

use actionbox::{CompiledAction, Config, ContinueRequest, Engine, Flow, SuspendedFlow, Trigger};
use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Map, Value, json};

use crate::runtime::{check_resident, engine, runtime};

/// One input an embedder could pass.
#[derive(Debug, Arbitrary)]
pub enum Input {
    /// Event JSON, for the trigger at this index of [`Trigger::ALL`].
    Event(u8, Vec<u8>),
    /// An artifact's bytes.
    Artifact(Vec<u8>),
    /// The real artifact, its bytes changed at these offsets and cut to a length.
    MutatedArtifact(Vec<(u32, u8)>, Option<u32>),
    /// A suspended flow's token.
    Token(String),
    /// The real token with characters replaced at these offsets.
    MutatedToken(Vec<(u16, char)>),
    /// A continue request's JSON.
    Continue(Vec<u8>),
}

/// Echoes the event as the guest built it, through a claim the host records as JSON.
const ECHO: &str = r#"
exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim("https://x.test/event", event);
};
exports.onExecutePostUserRegistration = async (event) => {};
exports.onExecuteCredentialsExchange = async (event, api) => {
  api.accessToken.setCustomClaim("https://x.test/event", event);
};
"#;

const SUSPENDS: &str = r#"
exports.onExecutePostLogin = async (event, api) => {
  api.redirect.sendUserTo('https://consent.example.com/ask', { query: { a: 'b' } });
};
exports.onContinuePostLogin = async (event, api) => {
  api.user.setAppMetadata('query', event.request.query);
  api.user.setAppMetadata('body', event.request.body);
};
"#;

fn configure(config: &mut Config) {
    config.timeout(Duration::from_millis(500)).memory_limit(32 << 20);
}

/// What the target builds once: the engine, the echo Action and its artifact, and a
/// suspended flow.
struct Fixture {
    engine: &'static Engine,
    echo: CompiledAction,
    artifact: Vec<u8>,
    flow: Flow,
    suspended: SuspendedFlow,
}

fn fixture() -> &'static Fixture {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let engine = engine(&ENGINE, configure);
        runtime().block_on(async {
            let echo = engine.compile("echo.js", ECHO).await.expect("the echo Action compiles");
            let artifact = engine.save_artifact(&echo);
            let mut flow = Flow::new(Trigger::PostLogin);
            let suspends = engine.compile("suspends.js", SUSPENDS).await.expect("it compiles");
            flow.push("suspends", suspends, Map::new()).expect("a post-login Action");
            let event =
                json!({ "user": { "user_id": "auth0|1" }, "transaction": { "protocol": "oidc-basic-profile" } });
            let outcome = engine.run_flow(&flow, &event).await.expect("the flow runs");
            let suspended = outcome.suspended.expect("the flow suspends");
            Fixture { engine, echo, artifact, flow, suspended }
        })
    })
}

/// Makes the target's engine and fixtures ahead of the inputs.
pub fn prepare() {
    fixture();
}

/// The target.
pub fn check(data: &[u8]) {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else { return };
    let fixture = fixture();
    runtime().block_on(check_input(fixture, input));
    check_resident("an input");
}

async fn check_input(fixture: &Fixture, input: Input) {
    let engine = fixture.engine;
    match input {
        Input::Event(trigger, json) => {
            let trigger = Trigger::ALL[trigger as usize % Trigger::ALL.len()];
            let Some(event) = typed(actionbox::parse_event(&json)) else { return };
            if !fixture.echo.handlers().iter().any(|h| h == trigger.handler()) {
                return;
            }
            let Some(outcome) = typed(engine.execute(trigger, &fixture.echo, &event).await) else { return };
            let commands = serde_json::to_value(&outcome.commands).expect("commands serialize");
            // Secrets are kept out of what an outcome shows, the echoed event included.
            let has_secrets = event.get("secrets").is_some_and(|s| s.as_object().is_none_or(|s| !s.is_empty()));
            if let Some(built) = commands.get(0).and_then(|c| c.get("value"))
                && !has_secrets
            {
                assert!(same_json(built, &event), "the guest built {built} from the event {event}");
            }
        }
        Input::Artifact(bytes) => run_artifact(fixture, &bytes).await,
        Input::MutatedArtifact(changes, length) => {
            let mut bytes = fixture.artifact.clone();
            for (at, byte) in changes {
                let at = at as usize % bytes.len();
                bytes[at] = byte;
            }
            if let Some(length) = length {
                bytes.truncate(length as usize % (bytes.len() + 1));
            }
            run_artifact(fixture, &bytes).await;
        }
        Input::Token(token) => {
            let _ = typed(engine.open_suspended(&token));
        }
        Input::MutatedToken(changes) => {
            let original = fixture.suspended.token();
            let mut token: Vec<char> = original.chars().collect();
            for (at, c) in changes {
                let at = at as usize % token.len();
                token[at] = c;
            }
            let token: String = token.into_iter().collect();
            if let Some(opened) = typed(engine.open_suspended(&token)) {
                assert_eq!(opened.id(), fixture.suspended.id(), "a changed token opened as another flow: {token}");
                assert_eq!(
                    opened.state(),
                    fixture.suspended.state(),
                    "a changed token opened as another flow: {token}"
                );
            }
        }
        Input::Continue(json) => {
            let Ok(request) = serde_json::from_slice::<ContinueRequest>(&json) else { return };
            let _ = typed(engine.resume_flow(&fixture.flow, &fixture.suspended, &request).await);
        }
    }
}

async fn run_artifact(fixture: &Fixture, bytes: &[u8]) {
    let Some(action) = typed(fixture.engine.load_artifact(bytes)) else { return };
    let event = json!({ "user": { "user_id": "auth0|1" } });
    let _ = typed(fixture.engine.execute(Trigger::PostLogin, &action, &event).await);
}

/// The value, or `None` for a typed error; panics on an internal one.
fn typed<T>(result: actionbox::Result<T>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(e) => {
            assert_ne!(e.kind(), "internal", "an input failed inside the host: {e}");
            None
        }
    }
}

/// Whether the guest's JSON is the event's: numbers compared as JavaScript holds them
/// (doubles), objects compared as maps (JavaScript orders integer-like keys first).
fn same_json(built: &Value, sent: &Value) -> bool {
    match (built, sent) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_json(a, b)),
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => built == sent,
    }
}
