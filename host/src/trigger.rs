//! The triggers and their `api` surface, from the contract shared with the guest
//! (`crates/contract`), and the one check of a call against that surface.

pub use actionbox_contract::{Method, Requirement, Trigger, UnknownTrigger};

use crate::bindings::types;

/// The WIT contract's spelling of each trigger, in the table's order (the length is
/// checked at compile time, the order by a test).
const WIT: [types::Trigger; actionbox_contract::TRIGGERS.len()] = [
    types::Trigger::PostLogin,
    types::Trigger::CredentialsExchange,
    types::Trigger::PreUserRegistration,
    types::Trigger::PostUserRegistration,
    types::Trigger::PostChangePassword,
    types::Trigger::SendPhoneMessage,
    types::Trigger::PasswordResetPostChallenge,
    types::Trigger::CustomTokenExchange,
    types::Trigger::CustomEmailProvider,
    types::Trigger::CustomPhoneProvider,
];

/// The trigger as the WIT contract spells it.
pub(crate) fn to_wit(trigger: Trigger) -> types::Trigger {
    // In bounds: the contract checks that its table has a row per trigger, in order.
    WIT[trigger as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_trigger_has_its_own_wit_case() {
        for trigger in Trigger::ALL {
            let (ours, wit) = (format!("{trigger:?}"), format!("{:?}", to_wit(*trigger)));
            assert!(wit.ends_with(&ours), "{ours} is sent as {wit}");
        }
    }
}
