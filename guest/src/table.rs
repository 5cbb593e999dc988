//! The contract's trigger table, as the guest uses it: each trigger's `api` surface handed
//! to the glue at pre-initialization, and the WIT's trigger mapped to the table's row.

use actionbox_contract::{TRIGGERS, Trigger};
use javy::quickjs::{Array, Ctx, Result};

use crate::actionbox_sandbox::contract::types;

/// For each trigger, in the table's order, the methods of its `api` as
/// `[key, namespace, name]`: what `api/assemble.js` builds each `api` from.
pub fn surfaces<'js>(ctx: &Ctx<'js>) -> Result<Array<'js>> {
    let all = Array::new(ctx.clone())?;
    for (index, spec) in TRIGGERS.iter().enumerate() {
        let surface = Array::new(ctx.clone())?;
        for (position, method) in spec.surface.iter().enumerate() {
            let entry = Array::new(ctx.clone())?;
            entry.set(0, method.key())?;
            entry.set(1, method.namespace())?;
            entry.set(2, method.name())?;
            surface.set(position, entry)?;
        }
        all.set(index, surface)?;
    }
    Ok(all)
}

/// The table's trigger for the one the host sent; `as usize`, its index in the table (and
/// in the `apis` the glue returns).
pub fn trigger(trigger: types::Trigger) -> Trigger {
    match trigger {
        types::Trigger::PostLogin => Trigger::PostLogin,
        types::Trigger::CredentialsExchange => Trigger::CredentialsExchange,
        types::Trigger::PreUserRegistration => Trigger::PreUserRegistration,
        types::Trigger::PostUserRegistration => Trigger::PostUserRegistration,
        types::Trigger::PostChangePassword => Trigger::PostChangePassword,
        types::Trigger::SendPhoneMessage => Trigger::SendPhoneMessage,
        types::Trigger::PasswordResetPostChallenge => Trigger::PasswordResetPostChallenge,
        types::Trigger::CustomTokenExchange => Trigger::CustomTokenExchange,
        types::Trigger::CustomEmailProvider => Trigger::CustomEmailProvider,
        types::Trigger::CustomPhoneProvider => Trigger::CustomPhoneProvider,
    }
}
