//! Why the host refuses an `api` call, and the message the Action sees.
//!
//! The host returns a [`Refusal`] (as the WIT variant `api-error`, `wit/api/refusal.wit`);
//! the guest turns it back into a `Refusal` and throws an `Error` whose message is
//! [`message`]: the method's path, then what was wrong. Both sides compile this one
//! formatter, so the text an Action can catch is decided here and nowhere else.
//!
//! An argument is named as the message names it (`the claim value`, `options.query`):
//! that label describes, it never selects behaviour.

use crate::limits;
use crate::{Method, Trigger};

/// One refusal. The `Display` text follows the method's path (see [`message`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The method is not in the trigger's `api`. The guest builds each trigger's `api`
    /// from the same table, so only a forged call gets here.
    #[error("is not available in the {trigger} trigger")]
    NotInTrigger { trigger: Trigger },
    /// The trigger's `deny` takes other arguments.
    #[error("the {trigger} trigger's deny {form}")]
    WrongForm { trigger: Trigger, form: DenyForm },
    /// The method exists in this trigger, but not at this point of the flow.
    #[error("{0}")]
    NotNow(NotNow),
    /// An argument that must not be empty is.
    #[error("{argument} must not be empty")]
    Empty { argument: String },
    /// An argument is larger than its limit.
    #[error("{argument} is {size} {unit}; the limit is {limit}")]
    TooLarge { argument: String, size: u64, limit: u64, unit: SizeUnit },
    /// An argument is longer than its limit.
    #[error("{argument} is longer than {limit} {unit}")]
    TooLong { argument: String, limit: u64, unit: LengthUnit },
    /// A total kept across calls (across the flow, for some) would pass its limit.
    #[error("{total_of} would total {total} bytes; the limit is {limit}")]
    WouldTotal { total_of: String, total: u64, limit: u64 },
    /// A number or a length outside `1..=max`.
    #[error("{}", out_of_range(argument, *max, *unit))]
    OutOfRange { argument: String, max: u64, unit: RangeUnit },
    /// More items than the limit allows.
    #[error("{}", too_many(*items, *limit))]
    TooMany { items: Items, limit: u64 },
    /// An argument has the wrong type or shape: `{argument} must be {expected}`, and what
    /// it was when that helps.
    #[error("{argument} must be {expected}{}", got.as_ref().map(|got| format!(", got {got}")).unwrap_or_default())]
    WrongType { argument: String, expected: String, got: Option<String> },
    /// An object lacks a string field it needs.
    #[error("{argument} needs a `{field}` string")]
    MissingField { argument: String, field: String },
    /// A value that is not one of the accepted ones.
    #[error("unknown {argument} `{got}` (expected one of: {})", choices.join(", "))]
    UnknownChoice { argument: String, got: String, choices: Vec<String> },
    /// JSON the host could not parse (only a forged call sends it).
    #[error("{argument} is not valid JSON ({detail})")]
    InvalidJson { argument: String, detail: String },
    /// Something that happens once per transaction, or once per Action, happened already.
    #[error("{0}")]
    Once(Once),
    /// A URL that is not an acceptable https URL.
    #[error("the url {0}")]
    InvalidUrl(UrlProblem),
    /// A scope that is empty, too long or has spaces.
    #[error("a scope is 1 to {} bytes without spaces, got {got:?}", limits::MAX_SCOPE_BYTES)]
    InvalidScope { got: String },
    /// A whole number past ±(2^53 − 1), which JSON readers may round.
    #[error("{number} is not a safe integer; store it as a string")]
    UnsafeInteger { number: String },
    /// A token in the continue request that does not validate.
    #[error("{0}")]
    Token(TokenProblem),
    /// The execution's commands and warnings reached their cap.
    #[error("{0}")]
    OutputCap(OutputCap),
}

/// The message an Action sees when `method` is refused: `api.x.y: what was wrong`.
pub fn message(method: Method, refusal: &Refusal) -> String {
    match refusal {
        Refusal::NotInTrigger { .. } => format!("{} {refusal}", method.path()),
        // The caps are the execution's, not the method's.
        Refusal::OutputCap(_) => refusal.to_string(),
        _ => format!("{}: {refusal}", method.path()),
    }
}

/// The unit of a [`Refusal::TooLarge`] size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SizeUnit {
    #[error("bytes")]
    Bytes,
    /// The size of the JSON the guest serialized.
    #[error("bytes of JSON")]
    JsonBytes,
}

/// The unit of a [`Refusal::TooLong`] limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LengthUnit {
    #[error("bytes")]
    Bytes,
    #[error("characters")]
    Characters,
}

/// What a [`Refusal::OutOfRange`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeUnit {
    /// A length in bytes.
    Bytes,
    /// A plain number.
    Number,
}

fn out_of_range(argument: &str, max: u64, unit: RangeUnit) -> String {
    match unit {
        RangeUnit::Bytes => format!("{argument} must be 1 to {max} bytes"),
        RangeUnit::Number => format!("{argument} must be between 1 and {max}"),
    }
}

/// What a [`Refusal::TooMany`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// The factors of a challenge or enrollment (at least one).
    Factors,
    /// SAML attributes changed or added in one execution.
    SamlAttributes,
    /// SAML name identifier probes.
    SamlProbes,
}

fn too_many(items: Items, limit: u64) -> String {
    match items {
        Items::Factors => format!("give 1 to {limit} factors"),
        Items::SamlAttributes => format!("at most {limit} attributes may be changed or added"),
        Items::SamlProbes => format!("at most {limit} probes"),
    }
}

/// The forms of `deny` a trigger does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DenyForm {
    /// The trigger's `deny` needs a code.
    #[error("takes (code, reason)")]
    NeedsCode,
    #[error("takes no code")]
    TakesNoCode,
    #[error("takes no user message")]
    TakesNoUserMessage,
}

/// Why a method cannot be called at this point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotNow {
    /// Only in the continue handler.
    #[error("only available in onContinuePostLogin")]
    OutsideContinue,
    /// Reads the continue request, and there is none.
    #[error("there is no continue request (only in onContinuePostLogin)")]
    NoContinueRequest,
    /// The refresh-token methods need the refresh-token grant.
    #[error("only available when the transaction's protocol is oauth2-refresh-token")]
    NotRefreshTokenProtocol,
}

/// What may happen once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Once {
    /// `setPrimaryUser`, once per transaction.
    #[error("can be called once per transaction")]
    PrimaryUser,
    /// custom-token-exchange's user, by id or by connection.
    #[error("the user is set once per transaction (setUserById or setUserByConnection)")]
    ExchangeUser,
    /// One redirect, challenge or prompt per Action.
    #[error("this Action already redirects, challenges or prompts the user")]
    Interaction,
}

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    /// It does not parse; the parser's reason.
    #[error("is not a valid URL ({0})")]
    Unparsable(String),
    #[error("must use https")]
    NotHttps,
    #[error("must name a host")]
    NoHost,
    #[error("must not carry a user name or password")]
    Credentials,
    /// `redirect.sendUserTo`: the host adds `state` itself.
    #[error("must not carry `state`: the host adds it")]
    CarriesState,
}

/// Why `redirect.validateToken` refused the token of the continue request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenProblem {
    /// The continue request has no such query or body parameter.
    #[error("the continue request has no `{0}` parameter")]
    NoParameter(String),
    #[error("the token is malformed")]
    Malformed,
    #[error("the token is not signed with HS256")]
    Algorithm,
    #[error("the token's signature is invalid")]
    Signature,
    #[error("the token has expired")]
    Expired,
    #[error("the token's state does not match the request's")]
    State,
}

/// Which output cap an execution reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OutputCap {
    #[error("the execution reached its cap of {} commands and warnings", limits::MAX_OUTPUT_RECORDS)]
    Records,
    #[error("the execution's commands and warnings would pass {} bytes of JSON", limits::MAX_OUTPUT_BYTES)]
    Bytes,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_start_with_the_method_path() {
        let refusal = Refusal::TooLarge { argument: "the key".into(), size: 300, limit: 255, unit: SizeUnit::Bytes };
        assert_eq!(
            message(Method::UserSetUserMetadata, &refusal),
            "api.user.setUserMetadata: the key is 300 bytes; the limit is 255"
        );
        let refusal = Refusal::NotInTrigger { trigger: Trigger::PostChangePassword };
        assert_eq!(
            message(Method::IdTokenSetCustomClaim, &refusal),
            "api.idToken.setCustomClaim is not available in the post-change-password trigger"
        );
        let refusal = Refusal::WrongType {
            argument: "options.allowRememberBrowser".into(),
            expected: "a boolean".into(),
            got: Some("1".into()),
        };
        assert_eq!(
            message(Method::MultifactorEnable, &refusal),
            "api.multifactor.enable: options.allowRememberBrowser must be a boolean, got 1"
        );
        let cap = message(Method::AccessTokenAddScope, &Refusal::OutputCap(OutputCap::Records));
        assert!(cap.starts_with("the execution reached its cap of "), "{cap}");
    }
}
