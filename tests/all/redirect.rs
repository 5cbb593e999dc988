//! The redirect round trip: suspend at `sendUserTo`, resume with the `/continue` request
//! and a real HS256 token, the `state` check, and non-interactive transactions. The test
//! plays the external site, signing its token with its own HS256 code.

use std::time::{SystemTime, UNIX_EPOCH};

use actionbox::{ActionError, ContinueRequest, Flow, FlowDecision, FlowOutcome, Interaction, SuspendedFlow, Trigger};
use actionbox_tests::{block_on, engine};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value, json};
use sha2::Sha256;

const SECRET: &str = "a-shared-secret-of-some-length";

const CONSENT: &str = r#"
exports.onExecutePostLogin = async (event, api) => {
  api.user.setAppMetadata('asked', true);
  const token = api.redirect.encodeToken({ secret: event.secrets.KEY, payload: { purpose: 'consent' }, expiresInSeconds: 60 });
  api.redirect.sendUserTo('https://consent.example.com/ask', { query: { session_token: token } });
};
exports.onContinuePostLogin = async (event, api) => {
  const claims = api.redirect.validateToken({ secret: event.secrets.KEY, tokenParameterName: 'result' });
  api.user.setAppMetadata('consent', claims.answer);
  console.log('extra=' + event.request.query.extra + ' ip=' + event.request.ip);
};
"#;

const AFTER: &str = r#"
exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x.example/consent', event.user.app_metadata.consent);
};
"#;

fn flow() -> Flow {
    let engine = engine();
    let mut flow = Flow::new(Trigger::PostLogin);
    let secrets: Map<String, Value> = [("KEY".to_string(), json!(SECRET))].into_iter().collect();
    flow.push("consent", block_on(engine.compile("consent.js", CONSENT)).unwrap(), secrets).unwrap();
    flow.push("after", block_on(engine.compile("after.js", AFTER)).unwrap(), Map::new()).unwrap();
    flow
}

fn event(protocol: &str) -> Value {
    json!({
        "user": { "user_id": "auth0|42", "app_metadata": {} },
        "request": { "ip": "203.0.113.9", "hostname": "login.example.com" },
        "transaction": { "id": "tx", "protocol": protocol },
    })
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

/// An HS256 token signed the way the external site would.
fn sign(secret: &str, claims: Value) -> String {
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

/// Verifies a token the Action made, returning its claims.
fn verify(secret: &str, token: &str) -> Value {
    let (input, signature) = token.rsplit_once('.').unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    mac.verify_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap()).expect("a valid signature");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(input.split('.').nth(1).unwrap()).unwrap()).unwrap()
}

fn query_param(url: &str, name: &str) -> String {
    let query = url.split_once('?').unwrap().1;
    query.split('&').find_map(|pair| pair.strip_prefix(&format!("{name}="))).unwrap().to_owned()
}

fn suspend() -> (Flow, FlowOutcome, String) {
    let flow = flow();
    let outcome = block_on(engine().run_flow(&flow, &event("oidc-basic-profile"))).unwrap();
    let FlowDecision::Suspended { action, interaction: Interaction::Redirect { url } } = &outcome.decision else {
        panic!("expected a suspension, got {:?}", outcome.decision)
    };
    assert_eq!(action, "consent");
    let url = url.clone();
    (flow, outcome, url)
}

#[test]
fn a_redirect_suspends_with_a_signed_token_and_state() {
    let (_, outcome, url) = suspend();
    assert!(url.starts_with("https://consent.example.com/ask?session_token="), "{url}");
    let state = query_param(&url, "state");
    assert_eq!(state.len(), 32);
    assert_eq!(outcome.suspended.as_ref().unwrap().state(), state);
    assert_eq!(outcome.skipped, ["after"]);
    assert_eq!(outcome.changes.app_metadata["asked"], true, "metadata is flushed at the redirect");
    let claims = verify(SECRET, &query_param(&url, "session_token"));
    assert_eq!(claims["sub"], "auth0|42");
    assert_eq!(claims["iss"], "login.example.com");
    assert_eq!(claims["ip"], "203.0.113.9");
    assert_eq!(claims["purpose"], "consent");
    let expires_in = claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap();
    assert_eq!(expires_in, 60);
}

#[test]
fn the_flow_resumes_from_its_serialized_state_with_a_valid_token() {
    let (flow, outcome, url) = suspend();
    let state = query_param(&url, "state");
    // As if stored and resumed in another process with the same state key.
    let stored = outcome.suspended.as_ref().unwrap().token().to_owned();
    let suspended: SuspendedFlow = engine().open_suspended(&stored).unwrap();
    let result = sign(SECRET, json!({ "state": state, "answer": "yes", "exp": now() + 60 }));
    let request = ContinueRequest {
        query: [("state", state.as_str()), ("result", &result), ("extra", "x1")]
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect(),
        body: Map::new(),
    };
    let resumed = block_on(engine().resume_flow(&flow, &suspended, &request)).unwrap();
    assert_eq!(resumed.decision, FlowDecision::Allowed, "{:?}", resumed.decision);
    assert_eq!(resumed.actions.len(), 2, "the same Action's continue handler, then the rest");
    assert_eq!(resumed.actions[0].outcome.logs.lines[0].message, "extra=x1 ip=203.0.113.9");
    assert_eq!(resumed.changes.app_metadata["consent"], "yes");
    assert_eq!(resumed.changes.id_token_claims["https://x.example/consent"], "yes");
}

#[test]
fn a_wrong_or_missing_state_fails_with_invalid_request() {
    let (flow, outcome, _) = suspend();
    let suspended = outcome.suspended.unwrap();
    for query in [json!({ "state": "not-the-state" }), json!({})] {
        let request = ContinueRequest { query: query.as_object().unwrap().clone(), body: Map::new() };
        let resumed = block_on(engine().resume_flow(&flow, &suspended, &request)).unwrap();
        match &resumed.decision {
            FlowDecision::Denied { code, .. } => assert_eq!(code.as_deref(), Some("invalid_request")),
            other => panic!("expected invalid_request, got {other:?}"),
        }
        assert!(resumed.actions.is_empty(), "nothing runs");
    }
}

#[test]
fn a_forged_or_expired_token_is_an_error_in_the_continue_handler() {
    let (flow, outcome, url) = suspend();
    let state = query_param(&url, "state");
    let suspended = outcome.suspended.unwrap();
    for token in [
        sign("another-secret", json!({ "state": state, "answer": "yes", "exp": now() + 60 })),
        sign(SECRET, json!({ "state": state, "answer": "yes", "exp": now() - 1 })),
        sign(SECRET, json!({ "state": "other", "answer": "yes", "exp": now() + 60 })),
    ] {
        let request = ContinueRequest {
            query: [("state", state.clone()), ("result", token)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect(),
            body: Map::new(),
        };
        let resumed = block_on(engine().resume_flow(&flow, &suspended, &request)).unwrap();
        match &resumed.decision {
            FlowDecision::Error { action, error: ActionError::Threw { .. } } => assert_eq!(action, "consent"),
            other => panic!("expected the continue handler to throw, got {other:?}"),
        }
    }
}

#[test]
fn a_non_interactive_transaction_cannot_redirect() {
    let outcome = block_on(engine().run_flow(&flow(), &event("oauth2-refresh-token"))).unwrap();
    match &outcome.decision {
        FlowDecision::Denied { code, .. } => assert_eq!(code.as_deref(), Some("interaction_required")),
        other => panic!("expected interaction_required, got {other:?}"),
    }
    assert!(outcome.suspended.is_none());
    let check = block_on(engine().compile(
        "check.js",
        "exports.onExecutePostLogin = async (event, api) => { console.log(String(api.redirect.canRedirect())); };",
    ))
    .unwrap();
    let prompt_none = json!({ "user": { "user_id": "u" }, "transaction": { "prompt": ["none"] } });
    let result = block_on(engine().execute(Trigger::PostLogin, &check, &prompt_none)).unwrap();
    assert_eq!(result.logs.lines[0].message, "false");
}

fn two_step_flow(first: &str, second: &str) -> Flow {
    let engine = engine();
    let mut flow = Flow::new(Trigger::PostLogin);
    flow.push("first", block_on(engine.compile("first.js", first)).unwrap(), Map::new()).unwrap();
    flow.push("second", block_on(engine.compile("second.js", second)).unwrap(), Map::new()).unwrap();
    flow
}

const SHOW_METHODS: &str = "exports.onExecutePostLogin = async (event) => {
  console.log(event.authentication.methods.map((m) => m.name + ':' + (typeof m.timestamp)).join(','));
};";

fn resume_with(flow: &Flow, outcome: &FlowOutcome, query: Value, body: Value) -> FlowOutcome {
    let suspended = outcome.suspended.as_ref().expect("a suspended flow");
    let mut query = query.as_object().unwrap().clone();
    query.insert("state".into(), json!(suspended.state()));
    let request = ContinueRequest { query, body: body.as_object().unwrap().clone() };
    block_on(engine().resume_flow(flow, suspended, &request)).unwrap()
}

#[test]
fn a_challenge_resumes_at_the_next_action_which_sees_mfa() {
    let flow = two_step_flow(
        "exports.onExecutePostLogin = async (event, api) => {
           api.authentication.challengeWith({ type: 'otp' }, { additionalFactors: [{ type: 'email' }] });
         };
         exports.onContinuePostLogin = async () => { throw new Error('not called after a challenge'); };",
        SHOW_METHODS,
    );
    let outcome = block_on(engine().run_flow(&flow, &event("oidc-basic-profile"))).unwrap();
    match &outcome.decision {
        FlowDecision::Suspended { action, interaction: Interaction::Challenge { method, factors } } => {
            assert_eq!(action, "first");
            assert_eq!(method, "challengeWith");
            assert_eq!(factors, &json!([{ "type": "otp" }, { "type": "email" }]));
        }
        other => panic!("expected a challenge, got {other:?}"),
    }
    let resumed = resume_with(&flow, &outcome, json!({}), json!({}));
    assert_eq!(resumed.decision, FlowDecision::Allowed, "{:?}", resumed.decision);
    assert_eq!(resumed.actions.len(), 1, "only the next Action runs");
    assert_eq!(resumed.actions[0].name, "second");
    assert_eq!(resumed.actions[0].outcome.logs.lines[0].message, "mfa:string");
}

#[test]
fn a_prompt_resumes_in_the_same_actions_continue_handler_with_the_form() {
    let flow = two_step_flow(
        "exports.onExecutePostLogin = async (event, api) => {
           try { api.authentication.recordMethod('https://idp.example.com/passkey'); } catch (e) { console.log('not yet'); }
           api.prompt.render('profile-form', { fields: { nickname: 'ada' } });
           try { api.redirect.sendUserTo('https://elsewhere.example.com'); } catch (e) { console.log('one interaction'); }
         };
         exports.onContinuePostLogin = async (event, api) => {
           console.log(event.prompt.id + ' ' + event.prompt.fields.nickname);
           api.authentication.recordMethod('https://idp.example.com/passkey');
         };",
        SHOW_METHODS,
    );
    let outcome = block_on(engine().run_flow(&flow, &event("oidc-basic-profile"))).unwrap();
    assert!(matches!(&outcome.decision, FlowDecision::Suspended { interaction: Interaction::Prompt { .. }, .. }));
    let logs: Vec<&str> = outcome.actions[0].outcome.logs.lines.iter().map(|l| l.message.as_str()).collect();
    assert_eq!(logs, ["not yet", "one interaction"]);
    let resumed = resume_with(&flow, &outcome, json!({}), json!({ "nickname": "countess" }));
    assert_eq!(resumed.decision, FlowDecision::Allowed, "{:?}", resumed.decision);
    assert_eq!(resumed.actions.len(), 2);
    assert_eq!(resumed.actions[0].outcome.logs.lines[0].message, "profile-form countess");
    assert_eq!(resumed.actions[1].outcome.logs.lines[0].message, "https://idp.example.com/passkey:string");
}

#[test]
fn a_non_interactive_transaction_cannot_be_challenged() {
    let flow = two_step_flow(
        "exports.onExecutePostLogin = async (event, api) => { api.authentication.challengeWithAny([{ type: 'otp' }]); };",
        SHOW_METHODS,
    );
    let outcome = block_on(engine().run_flow(&flow, &event("oauth2-resource-owner"))).unwrap();
    match &outcome.decision {
        FlowDecision::Denied { code, .. } => assert_eq!(code.as_deref(), Some("interaction_required")),
        other => panic!("expected interaction_required, got {other:?}"),
    }
}

#[test]
fn suspended_state_holds_no_secrets_and_cannot_be_forged_reused_elsewhere_or_after_expiry() {
    let (flow, outcome, _) = suspend();
    let suspended = outcome.suspended.as_ref().unwrap();
    let token = suspended.token();
    let payload = String::from_utf8(URL_SAFE_NO_PAD.decode(token.split_once('.').unwrap().0).unwrap()).unwrap();
    assert!(!payload.contains(SECRET), "the token carries a secret");
    assert!(!serde_json::to_string(&outcome).unwrap().contains(SECRET));

    // Every edit of the payload is refused, including the ones an attack tried.
    let forge = |from: &str, to: &str| {
        let edited = URL_SAFE_NO_PAD.encode(payload.replacen(from, to, 1));
        format!("{edited}.{}", token.split_once('.').unwrap().1)
    };
    for forged in [
        forge("\"action\":0", "\"action\":1"),
        forge("\"kind\":\"redirect\"", "\"kind\":\"challenge\""),
        forge("\"user_metadata\"", "\"user_metadatx\""),
    ] {
        assert!(matches!(engine().open_suspended(&forged), Err(actionbox::Error::InvalidState(_))));
    }
    // Another engine, with another state key, does not accept it.
    let other = block_on(actionbox::Engine::new(actionbox::Config::default())).unwrap();
    assert!(matches!(other.open_suspended(token), Err(actionbox::Error::InvalidState(_))));

    // A token expires.
    let mut config = actionbox::Config::default();
    config.suspended_lifetime(std::time::Duration::from_millis(1)).max_concurrent(2);
    let brief = block_on(actionbox::Engine::new(config)).unwrap();
    let short = block_on(brief.run_flow(&flow, &event("oidc-basic-profile"))).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let expired = brief.open_suspended(short.suspended.as_ref().unwrap().token());
    assert!(matches!(expired, Err(actionbox::Error::InvalidState(_))), "{expired:?}");
}
