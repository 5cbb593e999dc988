//! `api.refreshToken`: the session's natives (`session/mod.rs`) but `setCookieMode`,
//! sending the WIT `refresh-token` call.

use javy::quickjs::{Ctx, Object, Result};

use super::session::{Target, natives_for};

pub const JS: &str = include_str!("refreshToken.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    natives_for(ctx, Target::RefreshToken)
}
