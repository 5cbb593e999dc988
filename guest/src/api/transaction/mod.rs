//! `api.transaction`: the natives behind `transaction.js`, each one case of the WIT
//! `transaction` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::transaction::{Call, Entry};
use crate::json;

pub const JS: &str = include_str!("transaction.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setMetadata", Function::new(ctx.clone(), set_metadata)?)?;
    natives.set("setResultUrl", Function::new(ctx.clone(), set_result_url)?)?;
    Ok(natives)
}

/// `setMetadata(key, value)`.
fn set_metadata<'js>(ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>) -> Result<()> {
    let entry = Entry { key: string(&ctx, &key)?, value: json::to_json(&ctx, value)? };
    done(&ctx, Method::TransactionSetMetadata, MethodCall::Transaction(Call::SetMetadata(entry)))
}

/// `setResultUrl(url)`.
fn set_result_url<'js>(ctx: Ctx<'js>, url: Value<'js>) -> Result<()> {
    let call = Call::SetResultUrl(string(&ctx, &url)?);
    done(&ctx, Method::TransactionSetResultUrl, MethodCall::Transaction(call))
}
