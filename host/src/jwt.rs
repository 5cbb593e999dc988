//! The HS256 JSON Web Tokens of `api.redirect.encodeToken` and `validateToken`.
//!
//! A token carries the Action's payload plus the claims the host sets from its own record
//! of the execution (never from the Action): `iss` (the tenant's host name), `sub` (the
//! user id), `iat`, `exp` (default 900 s later) and `ip`. Validation checks the header,
//! the signature (in constant time), the expiry, and that the `state` claim equals the
//! state of the `/continue` request it came back with.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value, json};
use sha2::Sha256;

/// Why a token did not validate (the contract's type: its message is the Action's error).
pub use actionbox_contract::refusal::TokenProblem;

/// The claims the host sets on every token it signs.
pub struct HostClaims<'a> {
    pub issuer: &'a str,
    pub subject: &'a str,
    pub ip: &'a str,
    pub now: u64,
}

/// Signs `payload` (a JSON object) with the host's claims added.
pub fn encode(secret: &[u8], payload: Map<String, Value>, expires_in: u64, host: &HostClaims<'_>) -> String {
    let mut claims = payload;
    claims.insert("iss".into(), json!(host.issuer));
    claims.insert("sub".into(), json!(host.subject));
    claims.insert("ip".into(), json!(host.ip));
    claims.insert("iat".into(), json!(host.now));
    claims.insert("exp".into(), json!(host.now + expires_in));
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(Value::Object(claims).to_string());
    let signing_input = format!("{header}.{body}");
    let signature = URL_SAFE_NO_PAD.encode(mac(secret, &signing_input).finalize().into_bytes());
    format!("{signing_input}.{signature}")
}

/// Checks `token` and returns its claims.
pub fn validate(
    secret: &[u8],
    token: &str,
    expected_state: &str,
    now: u64,
) -> Result<Map<String, Value>, TokenProblem> {
    let mut parts = token.split('.');
    let (Some(header), Some(body), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenProblem::Malformed);
    };
    let decode_json = |part: &str| -> Result<Value, TokenProblem> {
        let bytes = URL_SAFE_NO_PAD.decode(part).map_err(|_| TokenProblem::Malformed)?;
        serde_json::from_slice(&bytes).map_err(|_| TokenProblem::Malformed)
    };
    if decode_json(header)?.get("alg").and_then(Value::as_str) != Some("HS256") {
        return Err(TokenProblem::Algorithm);
    }
    let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| TokenProblem::Malformed)?;
    mac(secret, &format!("{header}.{body}")).verify_slice(&signature).map_err(|_| TokenProblem::Signature)?;
    let Value::Object(claims) = decode_json(body)? else { return Err(TokenProblem::Malformed) };
    match claims.get("exp").and_then(Value::as_u64) {
        Some(exp) if exp > now => {}
        _ => return Err(TokenProblem::Expired),
    }
    if claims.get("state").and_then(Value::as_str) != Some(expected_state) {
        return Err(TokenProblem::State);
    }
    Ok(claims)
}

fn mac(secret: &[u8], input: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(input.as_bytes());
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: HostClaims<'static> =
        HostClaims { issuer: "tenant.example.com", subject: "auth0|1", ip: "203.0.113.1", now: 1_000 };

    fn payload(state: &str) -> Map<String, Value> {
        json!({ "state": state, "answer": 42 }).as_object().unwrap().clone()
    }

    #[test]
    fn a_token_round_trips_with_the_host_claims() {
        let token = encode(b"secret", payload("s1"), 900, &HOST);
        let claims = validate(b"secret", &token, "s1", 1_500).unwrap();
        assert_eq!(claims["answer"], 42);
        assert_eq!(claims["iss"], "tenant.example.com");
        assert_eq!(claims["sub"], "auth0|1");
        assert_eq!(claims["exp"], 1_900);
    }

    #[test]
    fn a_known_vector_matches() {
        // Computed independently with Python's hmac and base64 modules.
        const EXPECTED: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJpIiwic3ViIjoicyIsImlwIjoicCIsImlhdCI6MCwiZXhwIjoxMH0.5TfSJkT88ZcvFUbUSNwWLgjsNCGd6j2phmk6j_LVx6A";
        let token = encode(b"k", Map::new(), 10, &HostClaims { issuer: "i", subject: "s", ip: "p", now: 0 });
        assert_eq!(token, EXPECTED);
    }

    #[test]
    fn tampering_expiry_state_and_algorithm_are_refused() {
        let token = encode(b"secret", payload("s1"), 900, &HOST);
        assert_eq!(validate(b"other", &token, "s1", 1_500), Err(TokenProblem::Signature));
        assert_eq!(validate(b"secret", &token, "s1", 1_900), Err(TokenProblem::Expired));
        assert_eq!(validate(b"secret", &token, "s2", 1_500), Err(TokenProblem::State));
        let mut parts: Vec<&str> = token.split('.').collect();
        let none = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
        parts[0] = &none;
        assert_eq!(validate(b"secret", &parts.join("."), "s1", 1_500), Err(TokenProblem::Algorithm));
        assert_eq!(validate(b"secret", "a.b", "s1", 1_500), Err(TokenProblem::Malformed));
    }
}
