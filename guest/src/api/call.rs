//! The one way a native reaches the host: `dispatch.call` with the namespace's typed
//! call, and a refusal thrown into the Action as the `Error` whose message the contract
//! formats (`actionbox_contract::refusal::message`): the one place a refusal becomes text.

use std::cell::Cell;

use actionbox_contract::refusal::{
    self, DenyForm, Items, LengthUnit, NotNow, Once, OutputCap, RangeUnit, Refusal, SizeUnit, TokenProblem, UrlProblem,
};
use actionbox_contract::{Method, Trigger};
use javy::quickjs::{Ctx, Exception, Result};

use crate::actionbox_sandbox::api::dispatch::{self, MethodCall, Reply};
use crate::actionbox_sandbox::api::refusal::{self as wit, ApiError};

thread_local! {
    /// The trigger of the run in progress, which refusals name.
    static RUNNING: Cell<Trigger> = const { Cell::new(Trigger::PostLogin) };
}

/// Notes the trigger a run is for, before its handler runs.
pub fn set_running(trigger: Trigger) {
    RUNNING.set(trigger);
}

/// Makes `call` (one form of `method`) and gives back the host's reply.
pub fn call(ctx: &Ctx<'_>, method: Method, call: MethodCall) -> Result<Reply> {
    dispatch::call(&call).map_err(|error| {
        let refusal = from_wit(error, RUNNING.get());
        Exception::throw_message(ctx, &refusal::message(method, &refusal))
    })
}

/// As [`call`], for the methods that reply with nothing.
pub fn done(ctx: &Ctx<'_>, method: Method, call: MethodCall) -> Result<()> {
    self::call(ctx, method, call).map(|_| ())
}

/// The contract's refusal for the one the host sent; `trigger` is the running trigger.
fn from_wit(error: ApiError, trigger: Trigger) -> Refusal {
    use ApiError as E;
    match error {
        E::NotInTrigger => Refusal::NotInTrigger { trigger },
        E::WrongForm(form) => Refusal::WrongForm {
            trigger,
            form: match form {
                wit::DenyForm::NeedsCode => DenyForm::NeedsCode,
                wit::DenyForm::TakesNoCode => DenyForm::TakesNoCode,
                wit::DenyForm::TakesNoUserMessage => DenyForm::TakesNoUserMessage,
            },
        },
        E::NotNow(when) => Refusal::NotNow(match when {
            wit::NotNow::OutsideContinue => NotNow::OutsideContinue,
            wit::NotNow::NoContinueRequest => NotNow::NoContinueRequest,
            wit::NotNow::NotRefreshTokenProtocol => NotNow::NotRefreshTokenProtocol,
        }),
        E::Empty(argument) => Refusal::Empty { argument },
        E::TooLarge(wit::TooLarge { argument, size, limit, unit }) => Refusal::TooLarge {
            argument,
            size,
            limit,
            unit: match unit {
                wit::SizeUnit::Bytes => SizeUnit::Bytes,
                wit::SizeUnit::JsonBytes => SizeUnit::JsonBytes,
            },
        },
        E::TooLong(wit::TooLong { argument, limit, unit }) => Refusal::TooLong {
            argument,
            limit,
            unit: match unit {
                wit::LengthUnit::Bytes => LengthUnit::Bytes,
                wit::LengthUnit::Characters => LengthUnit::Characters,
            },
        },
        E::WouldTotal(wit::WouldTotal { total_of, total, limit }) => Refusal::WouldTotal { total_of, total, limit },
        E::OutOfRange(wit::OutOfRange { argument, max, unit }) => Refusal::OutOfRange {
            argument,
            max,
            unit: match unit {
                wit::RangeUnit::Bytes => RangeUnit::Bytes,
                wit::RangeUnit::Number => RangeUnit::Number,
            },
        },
        E::TooMany(wit::TooMany { items, limit }) => Refusal::TooMany {
            items: match items {
                wit::Items::Factors => Items::Factors,
                wit::Items::SamlAttributes => Items::SamlAttributes,
                wit::Items::SamlProbes => Items::SamlProbes,
            },
            limit,
        },
        E::WrongType(wit::WrongType { argument, expected, got }) => Refusal::WrongType { argument, expected, got },
        E::MissingField(wit::MissingField { argument, field }) => Refusal::MissingField { argument, field },
        E::UnknownChoice(wit::UnknownChoice { argument, got, choices }) => {
            Refusal::UnknownChoice { argument, got, choices }
        }
        E::InvalidJson(wit::InvalidJson { argument, detail }) => Refusal::InvalidJson { argument, detail },
        E::Once(what) => Refusal::Once(match what {
            wit::Once::PrimaryUser => Once::PrimaryUser,
            wit::Once::ExchangeUser => Once::ExchangeUser,
            wit::Once::Interaction => Once::Interaction,
        }),
        E::InvalidUrl(problem) => Refusal::InvalidUrl(match problem {
            wit::UrlProblem::Unparsable(reason) => UrlProblem::Unparsable(reason),
            wit::UrlProblem::NotHttps => UrlProblem::NotHttps,
            wit::UrlProblem::NoHost => UrlProblem::NoHost,
            wit::UrlProblem::Credentials => UrlProblem::Credentials,
            wit::UrlProblem::CarriesState => UrlProblem::CarriesState,
        }),
        E::InvalidScope(got) => Refusal::InvalidScope { got },
        E::UnsafeInteger(number) => Refusal::UnsafeInteger { number },
        E::Token(problem) => Refusal::Token(match problem {
            wit::TokenProblem::NoParameter(parameter) => TokenProblem::NoParameter(parameter),
            wit::TokenProblem::Malformed => TokenProblem::Malformed,
            wit::TokenProblem::Algorithm => TokenProblem::Algorithm,
            wit::TokenProblem::Signature => TokenProblem::Signature,
            wit::TokenProblem::Expired => TokenProblem::Expired,
            wit::TokenProblem::State => TokenProblem::State,
        }),
        E::OutputCap(cap) => Refusal::OutputCap(match cap {
            wit::OutputCap::Records => OutputCap::Records,
            wit::OutputCap::Bytes => OutputCap::Bytes,
        }),
    }
}
