//! A [`Refusal`] as it crosses the boundary: the WIT `api-error` carries the same cases,
//! less the running trigger (the guest knows which trigger it runs).

use actionbox_contract::refusal::{
    DenyForm, Items, LengthUnit, NotNow, Once, OutputCap, RangeUnit, Refusal, SizeUnit, TokenProblem, UrlProblem,
};

use crate::bindings::actionbox_sandbox::api::refusal as wit;

impl From<Refusal> for wit::ApiError {
    fn from(refusal: Refusal) -> Self {
        use wit::ApiError as E;
        match refusal {
            Refusal::NotInTrigger { .. } => E::NotInTrigger,
            Refusal::WrongForm { form, .. } => E::WrongForm(match form {
                DenyForm::NeedsCode => wit::DenyForm::NeedsCode,
                DenyForm::TakesNoCode => wit::DenyForm::TakesNoCode,
                DenyForm::TakesNoUserMessage => wit::DenyForm::TakesNoUserMessage,
            }),
            Refusal::NotNow(when) => E::NotNow(match when {
                NotNow::OutsideContinue => wit::NotNow::OutsideContinue,
                NotNow::NoContinueRequest => wit::NotNow::NoContinueRequest,
                NotNow::NotRefreshTokenProtocol => wit::NotNow::NotRefreshTokenProtocol,
            }),
            Refusal::Empty { argument } => E::Empty(argument),
            Refusal::TooLarge { argument, size, limit, unit } => E::TooLarge(wit::TooLarge {
                argument,
                size,
                limit,
                unit: match unit {
                    SizeUnit::Bytes => wit::SizeUnit::Bytes,
                    SizeUnit::JsonBytes => wit::SizeUnit::JsonBytes,
                },
            }),
            Refusal::TooLong { argument, limit, unit } => E::TooLong(wit::TooLong {
                argument,
                limit,
                unit: match unit {
                    LengthUnit::Bytes => wit::LengthUnit::Bytes,
                    LengthUnit::Characters => wit::LengthUnit::Characters,
                },
            }),
            Refusal::WouldTotal { total_of, total, limit } => E::WouldTotal(wit::WouldTotal { total_of, total, limit }),
            Refusal::OutOfRange { argument, max, unit } => E::OutOfRange(wit::OutOfRange {
                argument,
                max,
                unit: match unit {
                    RangeUnit::Bytes => wit::RangeUnit::Bytes,
                    RangeUnit::Number => wit::RangeUnit::Number,
                },
            }),
            Refusal::TooMany { items, limit } => E::TooMany(wit::TooMany {
                items: match items {
                    Items::Factors => wit::Items::Factors,
                    Items::SamlAttributes => wit::Items::SamlAttributes,
                    Items::SamlProbes => wit::Items::SamlProbes,
                },
                limit,
            }),
            Refusal::WrongType { argument, expected, got } => E::WrongType(wit::WrongType { argument, expected, got }),
            Refusal::MissingField { argument, field } => E::MissingField(wit::MissingField { argument, field }),
            Refusal::UnknownChoice { argument, got, choices } => {
                E::UnknownChoice(wit::UnknownChoice { argument, got, choices })
            }
            Refusal::InvalidJson { argument, detail } => E::InvalidJson(wit::InvalidJson { argument, detail }),
            Refusal::Once(what) => E::Once(match what {
                Once::PrimaryUser => wit::Once::PrimaryUser,
                Once::ExchangeUser => wit::Once::ExchangeUser,
                Once::Interaction => wit::Once::Interaction,
            }),
            Refusal::InvalidUrl(problem) => E::InvalidUrl(match problem {
                UrlProblem::Unparsable(reason) => wit::UrlProblem::Unparsable(reason),
                UrlProblem::NotHttps => wit::UrlProblem::NotHttps,
                UrlProblem::NoHost => wit::UrlProblem::NoHost,
                UrlProblem::Credentials => wit::UrlProblem::Credentials,
                UrlProblem::CarriesState => wit::UrlProblem::CarriesState,
            }),
            Refusal::InvalidScope { got } => E::InvalidScope(got),
            Refusal::UnsafeInteger { number } => E::UnsafeInteger(number),
            Refusal::Token(problem) => E::Token(match problem {
                TokenProblem::NoParameter(parameter) => wit::TokenProblem::NoParameter(parameter),
                TokenProblem::Malformed => wit::TokenProblem::Malformed,
                TokenProblem::Algorithm => wit::TokenProblem::Algorithm,
                TokenProblem::Signature => wit::TokenProblem::Signature,
                TokenProblem::Expired => wit::TokenProblem::Expired,
                TokenProblem::State => wit::TokenProblem::State,
            }),
            Refusal::OutputCap(cap) => E::OutputCap(match cap {
                OutputCap::Records => wit::OutputCap::Records,
                OutputCap::Bytes => wit::OutputCap::Bytes,
            }),
        }
    }
}
