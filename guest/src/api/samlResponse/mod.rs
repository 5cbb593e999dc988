//! `api.samlResponse`: the natives behind `samlResponse.js`: `setAttribute`, and one per
//! configuration setter, each sending the WIT `saml-response` call `set-field` with its field.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::saml_response::{Attribute, Call, FieldValue, SamlField};
use crate::json;

pub const JS: &str = include_str!("samlResponse.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setAttribute", Function::new(ctx.clone(), set_attribute)?)?;
    // One native per configuration setter, named as the setter: `setAudience`, ...
    for method in Method::ALL.iter().copied() {
        let Some(field) = field(method) else { continue };
        let set = move |ctx: Ctx<'js>, value: Value<'js>| -> Result<()> {
            let value = json::to_json(&ctx, value)?;
            let call = Call::SetField(FieldValue { field, value });
            done(&ctx, method, MethodCall::SamlResponse(call))
        };
        natives.set(method.name(), Function::new(ctx.clone(), set)?)?;
    }
    Ok(natives)
}

/// `setAttribute(name, value)`.
fn set_attribute<'js>(ctx: Ctx<'js>, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let attribute = Attribute { name: string(&ctx, &name)?, value: json::to_json(&ctx, value)? };
    done(&ctx, Method::SamlResponseSetAttribute, MethodCall::SamlResponse(Call::SetAttribute(attribute)))
}

/// The field a configuration setter sets; `None` for the other methods.
fn field(method: Method) -> Option<SamlField> {
    use SamlField as F;
    Some(match method {
        Method::SamlResponseSetAudience => F::Audience,
        Method::SamlResponseSetRecipient => F::Recipient,
        Method::SamlResponseSetDestination => F::Destination,
        Method::SamlResponseSetIssuer => F::Issuer,
        Method::SamlResponseSetRelayState => F::RelayState,
        Method::SamlResponseSetLifetimeInSeconds => F::LifetimeInSeconds,
        Method::SamlResponseSetSignResponse => F::SignResponse,
        Method::SamlResponseSetNameIdentifierFormat => F::NameIdentifierFormat,
        Method::SamlResponseSetNameIdentifierProbes => F::NameIdentifierProbes,
        Method::SamlResponseSetAuthnContextClassRef => F::AuthnContextClassRef,
        Method::SamlResponseSetSignatureAlgorithm => F::SignatureAlgorithm,
        Method::SamlResponseSetDigestAlgorithm => F::DigestAlgorithm,
        Method::SamlResponseSetSigningCert => F::SigningCert,
        Method::SamlResponseSetEncryptionCert => F::EncryptionCert,
        Method::SamlResponseSetEncryptionPublicKey => F::EncryptionPublicKey,
        Method::SamlResponseSetEncryptionAlgorithm => F::EncryptionAlgorithm,
        Method::SamlResponseSetCert => F::Cert,
        Method::SamlResponseSetKey => F::Key,
        Method::SamlResponseSetCreateUpnClaim => F::CreateUpnClaim,
        Method::SamlResponseSetPassthroughClaimsWithNoMapping => F::PassthroughClaimsWithNoMapping,
        Method::SamlResponseSetMapUnknownClaimsAsIs => F::MapUnknownClaimsAsIs,
        Method::SamlResponseSetMapIdentities => F::MapIdentities,
        Method::SamlResponseSetIncludeAttributeNameFormat => F::IncludeAttributeNameFormat,
        Method::SamlResponseSetTypedAttributes => F::TypedAttributes,
        _ => return None,
    })
}
