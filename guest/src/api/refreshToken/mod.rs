//! `api.refreshToken`: the session's natives (`session/mod.rs`) for the refresh token,
//! without the cookie mode.

use javy::quickjs::{Ctx, Object, Result};

use crate::actionbox_sandbox::api::sessions::Target;

pub const JS: &str = include_str!("refreshToken.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    super::session::natives_for(ctx, Target::RefreshToken)
}
