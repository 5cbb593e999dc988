//! The natives behind the WHATWG `URL` and `URLSearchParams` (`whatwg.js`): parsing, the
//! component setters, `application/x-www-form-urlencoded` and IDNA, all by the `url`
//! crate, which follows the WHATWG URL standard (its `quirks` module is the standard's
//! `URL` API).
//!
//! A parsed URL crosses as an array of its components, in [`COMPONENTS`]' order; the
//! JavaScript object keeps that array and nothing of Rust.

use javy::quickjs::{Array, Ctx, Function, Object, Result, Value};
use url::{Url, quirks};

use crate::node::strings;

/// The order of the components in the array a parsed URL crosses as (`url.js` reads
/// them by these positions).
pub const COMPONENTS: [&str; 11] =
    ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("components", COMPONENTS.to_vec())?;
    natives.set("parse", Function::new(ctx.clone(), parse)?)?;
    natives.set("set", Function::new(ctx.clone(), set)?)?;
    natives.set("formParse", Function::new(ctx.clone(), form_parse)?)?;
    natives.set("formSerialize", Function::new(ctx.clone(), form_serialize)?)?;
    natives.set(
        "domainToASCII",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, text: Value<'js>| {
            strings::usv(&ctx, &text).map(|text| quirks::domain_to_ascii(&text))
        })?,
    )?;
    natives.set(
        "domainToUnicode",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, text: Value<'js>| {
            strings::usv(&ctx, &text).map(|text| quirks::domain_to_unicode(&text))
        })?,
    )?;
    Ok(natives)
}

/// `input` parsed against `base` (a string, or undefined): its components, or `null`
/// when either does not parse.
fn parse<'js>(ctx: Ctx<'js>, input: Value<'js>, base: Value<'js>) -> Result<Value<'js>> {
    let input = strings::usv(&ctx, &input)?;
    let parsed = if base.is_undefined() {
        Url::parse(&input)
    } else {
        match Url::parse(&strings::usv(&ctx, &base)?) {
            Ok(base) => base.join(&input),
            Err(error) => Err(error),
        }
    };
    match parsed {
        Ok(url) => components(&ctx, &url),
        Err(_) => Ok(Value::new_null(ctx)),
    }
}

/// The URL `href` with one component set as the standard's setter sets it (a value the
/// setter refuses leaves the URL as it was): its new components. `null` when `href` is
/// set to something that does not parse.
fn set<'js>(ctx: Ctx<'js>, href: String, component: String, value: Value<'js>) -> Result<Value<'js>> {
    let value = strings::usv(&ctx, &value)?;
    let Ok(mut url) = Url::parse(&href) else { return Ok(Value::new_null(ctx)) };
    match component.as_str() {
        "href" => {
            if quirks::set_href(&mut url, &value).is_err() {
                return Ok(Value::new_null(ctx));
            }
        }
        "protocol" => drop(quirks::set_protocol(&mut url, &value)),
        "username" => drop(quirks::set_username(&mut url, &value)),
        "password" => drop(quirks::set_password(&mut url, &value)),
        "host" => drop(quirks::set_host(&mut url, &value)),
        "hostname" => drop(quirks::set_hostname(&mut url, &value)),
        "port" => drop(quirks::set_port(&mut url, &value)),
        "pathname" => quirks::set_pathname(&mut url, &value),
        "search" => quirks::set_search(&mut url, &value),
        "hash" => quirks::set_hash(&mut url, &value),
        _ => {}
    }
    components(&ctx, &url)
}

fn components<'js>(ctx: &Ctx<'js>, url: &Url) -> Result<Value<'js>> {
    let array = Array::new(ctx.clone())?;
    let values = [
        quirks::href(url).to_owned(),
        quirks::origin(url),
        quirks::protocol(url).to_owned(),
        quirks::username(url).to_owned(),
        quirks::password(url).to_owned(),
        quirks::host(url).to_owned(),
        quirks::hostname(url).to_owned(),
        quirks::port(url).to_owned(),
        quirks::pathname(url).to_owned(),
        quirks::search(url).to_owned(),
        quirks::hash(url).to_owned(),
    ];
    for (i, value) in values.into_iter().enumerate() {
        array.set(i, value)?;
    }
    Ok(array.into_value())
}

/// `application/x-www-form-urlencoded` text as names and values, alternating.
fn form_parse<'js>(ctx: Ctx<'js>, text: Value<'js>) -> Result<Array<'js>> {
    let bytes = strings::Units::of(&ctx, &text)?.utf8();
    let array = Array::new(ctx.clone())?;
    for (i, (name, value)) in form_urlencoded::parse(&bytes).enumerate() {
        array.set(2 * i, name.as_ref())?;
        array.set(2 * i + 1, value.as_ref())?;
    }
    Ok(array)
}

/// Names and values, alternating, as `application/x-www-form-urlencoded` text.
fn form_serialize<'js>(ctx: Ctx<'js>, pairs: Array<'js>) -> Result<String> {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    let mut items = pairs.iter::<Value>();
    while let (Some(name), Some(value)) = (items.next(), items.next()) {
        let (name, value) = (strings::usv(&ctx, &name?)?, strings::usv(&ctx, &value?)?);
        serializer.append_pair(&name, &value);
    }
    Ok(serializer.finish())
}
