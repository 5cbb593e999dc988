//! [`SuspendedFlow`]: what a flow suspended by a redirect, a challenge or a prompt needs
//! to resume, as a token the engine seals with its state key.
//!
//! The token is `base64url(payload) "." base64url(tag)`: the payload is JSON (the flow's
//! fingerprint, where it stopped, the event, the flow-wide totals, when it expires), the
//! tag a keyed hash of it ([`Key::tag`]) under [`Config::state_key`](crate::Config::state_key). It
//! holds no secrets: `event.secrets` is removed before sealing, and each Action gets its
//! secrets from the [`Flow`](crate::Flow) again when the flow resumes. A token is
//! checked before anything in it is used: its size, its tag, its expiry, then every
//! field ([`Engine::open_suspended`](crate::Engine::open_suspended)); a failure is an
//! [`Error::InvalidState`], never a panic.
//!
//! Resuming once is the embedder's part: each suspension has a unique
//! [`id`](SuspendedFlow::id), and a store that records the ids it resumed (until their
//! expiry) refuses a second resume of the same token.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::key::{Key, TAG_BYTES};
use crate::limits::MAX_SUSPENDED_STATE_BYTES;
use crate::outcome::Interaction;
use crate::state::Totals;
use crate::trigger::Trigger;

/// Bumped when the payload changes shape.
const PAYLOAD_VERSION: u32 = 1;
/// Separates this use of the state key from others.
const PURPOSE: &str = "actionbox suspended flow";

/// A suspended flow, to resume with [`Engine::resume_flow`](crate::Engine::resume_flow).
///
/// Store [`token`](Self::token) (it serializes as `{token, id, state, expires_at}`) and
/// open it again with [`Engine::open_suspended`](crate::Engine::open_suspended), in this
/// process or another that has the same state key.
#[derive(Debug, Clone)]
pub struct SuspendedFlow {
    token: String,
    payload: Payload,
}

/// What the token carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Payload {
    pub version: u32,
    /// Unique to this suspension (128 random bits, hex).
    pub id: String,
    pub trigger: Trigger,
    /// The flow's trigger, Action names and sources (`Flow::fingerprint`).
    pub fingerprint: String,
    /// The index of the Action that suspended the flow.
    pub action: usize,
    /// The `state` the continue request must carry.
    pub state: String,
    pub interaction: Interaction,
    /// The event as the next Action will see it, without `secrets`.
    pub event: Value,
    pub totals: Totals,
    /// Milliseconds since the Unix epoch.
    pub expires_at: u64,
}

impl SuspendedFlow {
    /// Seals `payload` with `key`.
    pub(crate) fn seal(key: &Key, mut payload: Payload) -> Self {
        if let Some(event) = payload.event.as_object_mut() {
            event.remove("secrets");
        }
        payload.version = PAYLOAD_VERSION;
        let json = serde_json::to_vec(&payload).expect("the payload serializes");
        let tag = key.tag(PURPOSE, &[&json]);
        let token = format!("{}.{}", URL_SAFE_NO_PAD.encode(&json), URL_SAFE_NO_PAD.encode(tag));
        SuspendedFlow { token, payload }
    }

    /// Checks `token`'s size, tag, expiry and fields.
    pub(crate) fn open(key: &Key, token: &str, now: SystemTime) -> Result<Self> {
        let invalid = |why: &str| Err(Error::InvalidState(why.into()));
        if token.len() > MAX_SUSPENDED_STATE_BYTES {
            return Err(Error::InvalidState(format!(
                "the token is {} bytes; the limit is {MAX_SUSPENDED_STATE_BYTES}",
                token.len()
            )));
        }
        let Some((payload, tag)) = token.split_once('.') else { return invalid("it is not a suspended-flow token") };
        let (Ok(json), Ok(tag)) = (URL_SAFE_NO_PAD.decode(payload), URL_SAFE_NO_PAD.decode(tag)) else {
            return invalid("it is not a suspended-flow token");
        };
        if tag.len() != TAG_BYTES || !key.verify(PURPOSE, &[&json], &tag) {
            return invalid("its signature does not match (it was changed, or sealed with another key)");
        }
        let payload: Payload = serde_json::from_slice(&json)
            .map_err(|e| Error::InvalidState(format!("its content is not readable: {e}")))?;
        if payload.version != PAYLOAD_VERSION {
            return invalid("it was sealed by another version of actionbox");
        }
        if millis(now) >= payload.expires_at {
            return invalid("it has expired");
        }
        if !payload.event.is_object() {
            return invalid("its event is not an object");
        }
        Ok(SuspendedFlow { token: token.to_owned(), payload })
    }

    /// The sealed token: what to store, and to give [`Engine::open_suspended`](crate::Engine::open_suspended).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Unique to this suspension: record it when resuming, to resume each token once.
    pub fn id(&self) -> &str {
        &self.payload.id
    }

    /// The `state` the `/continue` request must carry.
    pub fn state(&self) -> &str {
        &self.payload.state
    }

    /// Whether `request` carries this suspension's `state` (in its query or body): only
    /// then does [`Engine::resume_flow`](crate::Engine::resume_flow) run Actions; otherwise
    /// it ends the flow with `invalid_request`.
    pub fn accepts(&self, request: &crate::flow::ContinueRequest) -> bool {
        let given =
            [&request.query, &request.body].iter().find_map(|fields| fields.get("state").and_then(Value::as_str));
        given == Some(self.payload.state.as_str())
    }

    /// When the token stops being accepted.
    pub fn expires_at(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(self.payload.expires_at)
    }

    pub(crate) fn payload(&self) -> &Payload {
        &self.payload
    }
}

impl Serialize for SuspendedFlow {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fields = serializer.serialize_struct("SuspendedFlow", 4)?;
        fields.serialize_field("token", &self.token)?;
        fields.serialize_field("id", &self.payload.id)?;
        fields.serialize_field("state", &self.payload.state)?;
        fields.serialize_field("expires_at", &self.payload.expires_at)?;
        fields.end()
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis().min(u128::from(u64::MAX)) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(expires_at: u64) -> Payload {
        Payload {
            version: 0,
            id: "id".into(),
            trigger: Trigger::PostLogin,
            fingerprint: "f".into(),
            action: 0,
            state: "s".into(),
            interaction: Interaction::Redirect { url: "https://x.example/?state=s".into() },
            event: serde_json::json!({ "user": { "user_id": "u" }, "secrets": { "K": "secret-value" } }),
            totals: Totals::default(),
            expires_at,
        }
    }

    #[test]
    fn a_token_holds_no_secrets_and_opens_only_unchanged_before_expiry() {
        let key = Key::from_bytes([7; 32]);
        let now = SystemTime::now();
        let sealed = SuspendedFlow::seal(&key, payload(millis(now) + 60_000));
        let (body, _) = sealed.token().split_once('.').unwrap();
        let json = String::from_utf8(URL_SAFE_NO_PAD.decode(body).unwrap()).unwrap();
        assert!(!json.contains("secret-value"), "{json}");
        assert_eq!(SuspendedFlow::open(&key, sealed.token(), now).unwrap().id(), "id");

        let other = Key::from_bytes([8; 32]);
        assert!(matches!(SuspendedFlow::open(&other, sealed.token(), now), Err(Error::InvalidState(_))));
        let later = now + Duration::from_secs(61);
        assert!(matches!(SuspendedFlow::open(&key, sealed.token(), later), Err(Error::InvalidState(_))));
        let forged = json.replace("\"action\":0", "\"action\":5");
        let forged = format!("{}.{}", URL_SAFE_NO_PAD.encode(forged), sealed.token().split_once('.').unwrap().1);
        assert!(matches!(SuspendedFlow::open(&key, &forged, now), Err(Error::InvalidState(_))));
        for garbage in ["", ".", "a.b", "%%%.%%%", &"x".repeat(MAX_SUSPENDED_STATE_BYTES + 1)] {
            assert!(matches!(SuspendedFlow::open(&key, garbage, now), Err(Error::InvalidState(_))), "{garbage:.20}");
        }
    }
}
