//! The natives of the `crypto` module (`crypto.js`, `webcrypto.js`): each takes plain
//! values (strings, numbers, `Uint8Array`s, objects of them), makes one operation of the
//! WIT `crypto` interface and hands the host's reply back as plain values. Keys are the
//! host's; a key crosses as its number. Random bytes are the guest's WASI random source
//! (the execution's, so a recording replays them).
//!
//! A refusal throws an `Error` whose `kind` says what went wrong (`unsupported`,
//! `invalid-key`, `invalid-data`, `too-many-keys`, `too-large`, `failed`); the JavaScript
//! side turns it into Node's or WebCrypto's error.

use javy::quickjs::function::Rest;
use javy::quickjs::{ArrayBuffer, Ctx, Exception, Function, Object, Result, TypedArray, Value, qjs};

use crate::actionbox_sandbox::contract::crypto::{
    self as wit, AesGcm, Curve, EcComponents, ExportFormat, Exported, Failure, Hash, HkdfParams, KeyInfo, KeyKind,
    KeyMaterial, KeySpec, KeyType, OkpComponents, Operation, Pbkdf2Params, Reply, RsaComponents, Scheme, ScryptParams,
    VerifyParams,
};
use crate::node::buffer::uint8_array;

mod hasher;

/// The most random bytes one `randomFill` gives (WebCrypto's quota).
const MAX_RANDOM_BYTES: usize = 65_536;

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("randomFill", Function::new(ctx.clone(), random_fill)?)?;
    natives.set("digest", Function::new(ctx.clone(), digest)?)?;
    natives.set("hmac", Function::new(ctx.clone(), hmac)?)?;
    hasher::install(ctx, &natives)?;
    natives.set("pbkdf2", Function::new(ctx.clone(), pbkdf2)?)?;
    natives.set("hkdf", Function::new(ctx.clone(), hkdf)?)?;
    natives.set("scrypt", Function::new(ctx.clone(), scrypt)?)?;
    natives.set("importKey", Function::new(ctx.clone(), import_key)?)?;
    natives.set("publicKey", Function::new(ctx.clone(), public_key)?)?;
    natives.set("exportKey", Function::new(ctx.clone(), export_key)?)?;
    natives.set("generateKey", Function::new(ctx.clone(), generate_key)?)?;
    natives.set("sign", Function::new(ctx.clone(), sign)?)?;
    natives.set("verify", Function::new(ctx.clone(), verify)?)?;
    natives.set("encrypt", Function::new(ctx.clone(), encrypt)?)?;
    natives.set("decrypt", Function::new(ctx.clone(), decrypt)?)?;
    Ok(natives)
}

/// Fills an `ArrayBufferView` (any of its kinds) with random bytes.
fn random_fill<'js>(ctx: Ctx<'js>, view: Object<'js>) -> Result<()> {
    let buffer: ArrayBuffer = view.get("buffer")?;
    let offset: usize = view.get::<_, f64>("byteOffset")? as usize;
    let length: usize = view.get::<_, f64>("byteLength")? as usize;
    if length > MAX_RANDOM_BYTES {
        return Err(refusal(&ctx, "too-large", &format!("at most {MAX_RANDOM_BYTES} random bytes at once")));
    }
    let raw = buffer.as_raw().ok_or_else(|| Exception::throw_type(&ctx, "the buffer is detached"))?;
    if offset.checked_add(length).is_none_or(|end| end > raw.len) {
        return Err(Exception::throw_range(&ctx, "the view is outside its buffer"));
    }
    // SAFETY: the range lies inside the live buffer (checked above); QuickJS runs no other
    // code while this native runs.
    let filled = unsafe { crate::random::fill(raw.ptr.as_ptr().add(offset), length) };
    if !filled {
        return Err(refusal(&ctx, "failed", "the random source failed"));
    }
    Ok(())
}

/// An `Error` with `kind`, thrown.
fn refusal(ctx: &Ctx<'_>, kind: &str, message: &str) -> javy::quickjs::Error {
    let build = || -> Result<Value<'_>> {
        let error_class: Function = ctx.globals().get("Error")?;
        let error: Object = error_class.call((message,))?;
        error.set("kind", kind)?;
        Ok(error.into_value())
    };
    match build() {
        Ok(error) => ctx.throw(error),
        Err(error) => error,
    }
}

fn failure(ctx: &Ctx<'_>, failure: Failure) -> javy::quickjs::Error {
    match failure {
        Failure::Unsupported(what) => refusal(ctx, "unsupported", &what),
        Failure::InvalidKey(why) => refusal(ctx, "invalid-key", &why),
        Failure::InvalidData(why) => refusal(ctx, "invalid-data", &why),
        Failure::TooManyKeys(max) => refusal(ctx, "too-many-keys", &format!("an execution holds at most {max} keys")),
        Failure::TooLarge((what, max)) => refusal(ctx, "too-large", &format!("{what}: at most {max}")),
        Failure::Failed => refusal(ctx, "failed", "the operation failed"),
    }
}

/// Performs `operation` in the host.
fn call(ctx: &Ctx<'_>, operation: &Operation) -> Result<Reply> {
    wit::call(operation).map_err(|f| failure(ctx, f))
}

fn bytes_reply<'js>(ctx: &Ctx<'js>, reply: Reply) -> Result<Value<'js>> {
    match reply {
        Reply::Bytes(bytes) => uint8_array(ctx, &bytes),
        _ => Err(refusal(ctx, "failed", "unexpected reply")),
    }
}

/// The bytes of a `Uint8Array` argument.
fn bytes(ctx: &Ctx<'_>, value: &Value<'_>) -> Result<Vec<u8>> {
    let array =
        TypedArray::<u8>::from_value(value.clone()).map_err(|_| Exception::throw_type(ctx, "expected a Uint8Array"))?;
    Ok(array.as_bytes().map(<[u8]>::to_vec).unwrap_or_default())
}

fn hash(ctx: &Ctx<'_>, name: &str) -> Result<Hash> {
    hash_named(name).ok_or_else(|| refusal(ctx, "unsupported", &format!("the digest {name}")))
}

/// The digest of a natives' name.
fn hash_named(name: &str) -> Option<Hash> {
    Some(match name {
        "md5" => Hash::Md5,
        "sha1" => Hash::Sha1,
        "sha224" => Hash::Sha224,
        "sha256" => Hash::Sha256,
        "sha384" => Hash::Sha384,
        "sha512" => Hash::Sha512,
        "sha512-224" => Hash::Sha512224,
        "sha512-256" => Hash::Sha512256,
        "sha3-256" => Hash::Sha3256,
        "sha3-384" => Hash::Sha3384,
        "sha3-512" => Hash::Sha3512,
        _ => return None,
    })
}

/// The name [`hash_named`] reads.
fn hash_name(hash: Hash) -> &'static str {
    match hash {
        Hash::Md5 => "md5",
        Hash::Sha1 => "sha1",
        Hash::Sha224 => "sha224",
        Hash::Sha256 => "sha256",
        Hash::Sha384 => "sha384",
        Hash::Sha512 => "sha512",
        Hash::Sha512224 => "sha512-224",
        Hash::Sha512256 => "sha512-256",
        Hash::Sha3256 => "sha3-256",
        Hash::Sha3384 => "sha3-384",
        Hash::Sha3512 => "sha3-512",
    }
}

fn curve(ctx: &Ctx<'_>, name: &str) -> Result<Curve> {
    Ok(match name {
        "P-256" => Curve::P256,
        "P-384" => Curve::P384,
        "P-521" => Curve::P521,
        "Ed25519" => Curve::Ed25519,
        "X25519" => Curve::X25519,
        _ => return Err(refusal(ctx, "unsupported", &format!("the curve {name}"))),
    })
}

fn curve_name(curve: Curve) -> &'static str {
    match curve {
        Curve::P256 => "P-256",
        Curve::P384 => "P-384",
        Curve::P521 => "P-521",
        Curve::Ed25519 => "Ed25519",
        Curve::X25519 => "X25519",
    }
}

/// The hash a name value names, read without copying the name (digests are called often).
fn hash_of(ctx: &Ctx<'_>, name: &Value<'_>) -> Result<Hash> {
    if !name.is_string() {
        return Err(Exception::throw_type(ctx, "expected a digest name"));
    }
    let raw = ctx.as_raw().as_ptr();
    let mut len = 0;
    // SAFETY: `name` is a live string; the C string is read, then freed.
    unsafe {
        let chars = qjs::JS_ToCStringLen2(raw, &mut len, name.as_raw(), false);
        if chars.is_null() {
            return Err(javy::quickjs::Error::Exception);
        }
        let text = std::str::from_utf8(std::slice::from_raw_parts(chars.cast::<u8>(), len as usize)).unwrap_or("");
        let found = hash(ctx, text);
        qjs::JS_FreeCString(raw, chars);
        found
    }
}

fn digest<'js>(ctx: Ctx<'js>, name: Value<'js>, data: Value<'js>) -> Result<Value<'js>> {
    let reply = call(&ctx, &Operation::Digest((hash_of(&ctx, &name)?, bytes(&ctx, &data)?)))?;
    bytes_reply(&ctx, reply)
}

fn hmac<'js>(ctx: Ctx<'js>, name: Value<'js>, key: Value<'js>, data: Value<'js>) -> Result<Value<'js>> {
    let reply = call(&ctx, &Operation::Hmac((hash_of(&ctx, &name)?, bytes(&ctx, &key)?, bytes(&ctx, &data)?)))?;
    bytes_reply(&ctx, reply)
}

fn u32_arg(ctx: &Ctx<'_>, what: &str, value: f64) -> Result<u32> {
    if value.is_finite() && value >= 0.0 && value <= f64::from(u32::MAX) && value.fract() == 0.0 {
        Ok(value as u32)
    } else {
        Err(refusal(ctx, "too-large", &format!("{what} must be an integer from 0 to {}", u32::MAX)))
    }
}

fn pbkdf2<'js>(
    ctx: Ctx<'js>,
    name: String,
    password: Value<'js>,
    salt: Value<'js>,
    iterations: f64,
    length: f64,
) -> Result<Value<'js>> {
    let params = Pbkdf2Params {
        hash: hash(&ctx, &name)?,
        password: bytes(&ctx, &password)?,
        salt: bytes(&ctx, &salt)?,
        iterations: u32_arg(&ctx, "iterations", iterations)?,
        length: u32_arg(&ctx, "length", length)?,
    };
    let reply = call(&ctx, &Operation::Pbkdf2(params))?;
    bytes_reply(&ctx, reply)
}

fn hkdf<'js>(
    ctx: Ctx<'js>,
    name: String,
    key: Value<'js>,
    salt: Value<'js>,
    info: Value<'js>,
    length: f64,
) -> Result<Value<'js>> {
    let params = HkdfParams {
        hash: hash(&ctx, &name)?,
        key: bytes(&ctx, &key)?,
        salt: bytes(&ctx, &salt)?,
        info: bytes(&ctx, &info)?,
        length: u32_arg(&ctx, "length", length)?,
    };
    let reply = call(&ctx, &Operation::Hkdf(params))?;
    bytes_reply(&ctx, reply)
}

/// `scrypt(password, salt, N, r, p, length, maxmem)`.
fn scrypt<'js>(ctx: Ctx<'js>, password: Value<'js>, salt: Value<'js>, numbers: Rest<f64>) -> Result<Value<'js>> {
    let &[cost, block_size, parallelization, length, max_memory] = numbers.0.as_slice() else {
        return Err(Exception::throw_type(&ctx, "scrypt takes N, r, p, the length and maxmem"));
    };
    let params = ScryptParams {
        password: bytes(&ctx, &password)?,
        salt: bytes(&ctx, &salt)?,
        cost: if cost.is_finite() && cost >= 0.0 { cost as u64 } else { u64::MAX },
        block_size: u32_arg(&ctx, "blockSize", block_size)?,
        parallelization: u32_arg(&ctx, "parallelization", parallelization)?,
        length: u32_arg(&ctx, "length", length)?,
        max_memory: if max_memory.is_finite() && max_memory >= 0.0 { max_memory as u64 } else { u64::MAX },
    };
    let reply = call(&ctx, &Operation::Scrypt(params))?;
    bytes_reply(&ctx, reply)
}

/// An optional `Uint8Array` property.
fn optional_bytes(ctx: &Ctx<'_>, object: &Object<'_>, key: &str) -> Result<Option<Vec<u8>>> {
    let value: Value = object.get(key)?;
    if value.is_undefined() || value.is_null() { Ok(None) } else { bytes(ctx, &value).map(Some) }
}

fn required_bytes(ctx: &Ctx<'_>, object: &Object<'_>, key: &str) -> Result<Vec<u8>> {
    optional_bytes(ctx, object, key)?.ok_or_else(|| refusal(ctx, "invalid-key", &format!("the key has no {key}")))
}

fn import_key<'js>(ctx: Ctx<'js>, material: Object<'js>) -> Result<Object<'js>> {
    let format: String = material.get("format")?;
    let data = || required_bytes(&ctx, &material, "data");
    let material = match format.as_str() {
        "secret" => KeyMaterial::Secret(data()?),
        "spki" => KeyMaterial::Spki(data()?),
        "pkcs8" => KeyMaterial::Pkcs8(data()?),
        "pkcs1-public" => KeyMaterial::Pkcs1Public(data()?),
        "pkcs1-private" => KeyMaterial::Pkcs1Private(data()?),
        "sec1" => KeyMaterial::Sec1(data()?),
        "certificate" => KeyMaterial::Certificate(data()?),
        "raw-public" => KeyMaterial::RawPublic((curve(&ctx, &material.get::<_, String>("curve")?)?, data()?)),
        "jwk" => jwk_material(&ctx, &material)?,
        _ => return Err(refusal(&ctx, "unsupported", &format!("the key format {format}"))),
    };
    let reply = call(&ctx, &Operation::ImportKey(material))?;
    key_reply(&ctx, reply)
}

fn jwk_material<'js>(ctx: &Ctx<'js>, jwk: &Object<'js>) -> Result<KeyMaterial> {
    let kty: String = jwk.get("kty")?;
    match kty.as_str() {
        "RSA" => {
            let n = required_bytes(ctx, jwk, "n")?;
            let e = required_bytes(ctx, jwk, "e")?;
            let private = match optional_bytes(ctx, jwk, "d")? {
                None => None,
                Some(d) => {
                    let mut parts = vec![d];
                    for key in ["p", "q", "dp", "dq", "qi"] {
                        parts.push(required_bytes(ctx, jwk, key)?);
                    }
                    Some(parts)
                }
            };
            Ok(KeyMaterial::Rsa(RsaComponents { n, e, private }))
        }
        "EC" => Ok(KeyMaterial::Ec(EcComponents {
            curve: curve(ctx, &jwk.get::<_, String>("crv")?)?,
            x: required_bytes(ctx, jwk, "x")?,
            y: required_bytes(ctx, jwk, "y")?,
            d: optional_bytes(ctx, jwk, "d")?,
        })),
        "OKP" => Ok(KeyMaterial::Okp(OkpComponents {
            curve: curve(ctx, &jwk.get::<_, String>("crv")?)?,
            x: required_bytes(ctx, jwk, "x")?,
            d: optional_bytes(ctx, jwk, "d")?,
        })),
        _ => Err(refusal(ctx, "unsupported", &format!("the JWK key type {kty}"))),
    }
}

fn key_reply<'js>(ctx: &Ctx<'js>, reply: Reply) -> Result<Object<'js>> {
    match reply {
        Reply::Key(info) => key_info(ctx, info),
        _ => Err(refusal(ctx, "failed", "unexpected reply")),
    }
}

fn key_info<'js>(ctx: &Ctx<'js>, info: KeyInfo) -> Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    object.set("handle", info.key)?;
    object.set(
        "type",
        match info.kind {
            KeyKind::Secret => "secret",
            KeyKind::Public => "public",
            KeyKind::Private => "private",
        },
    )?;
    object.set(
        "keyType",
        match info.key_type {
            KeyType::Secret => "secret",
            KeyType::Rsa => "rsa",
            KeyType::RsaPss => "rsa-pss",
            KeyType::Ec => "ec",
            KeyType::Ed25519 => "ed25519",
            KeyType::X25519 => "x25519",
        },
    )?;
    object.set("bits", info.bits)?;
    if !info.public_exponent.is_empty() {
        object.set("publicExponent", uint8_array(ctx, &info.public_exponent)?)?;
    }
    if let Some(curve) = info.curve {
        object.set("curve", curve_name(curve))?;
    }
    Ok(object)
}

fn public_key<'js>(ctx: Ctx<'js>, handle: u32) -> Result<Object<'js>> {
    let reply = call(&ctx, &Operation::PublicKey(handle))?;
    key_reply(&ctx, reply)
}

fn export_key<'js>(ctx: Ctx<'js>, handle: u32, format: String) -> Result<Value<'js>> {
    let format = match format.as_str() {
        "spki" => ExportFormat::Spki,
        "pkcs8" => ExportFormat::Pkcs8,
        "pkcs1" => ExportFormat::Pkcs1,
        "sec1" => ExportFormat::Sec1,
        "raw" => ExportFormat::Raw,
        "jwk" => ExportFormat::Components,
        _ => return Err(refusal(&ctx, "unsupported", &format!("the key format {format}"))),
    };
    let jwk = matches!(format, ExportFormat::Components);
    match call(&ctx, &Operation::ExportKey((handle, format)))? {
        // A secret's JWK is its bytes.
        Reply::Exported(Exported::Bytes(bytes)) if jwk => {
            let jwk = Object::new(ctx.clone())?;
            jwk.set("kty", "oct")?;
            jwk.set("k", uint8_array(&ctx, &bytes)?)?;
            Ok(jwk.into_value())
        }
        Reply::Exported(Exported::Bytes(bytes)) => uint8_array(&ctx, &bytes),
        Reply::Exported(Exported::Rsa(rsa)) => {
            let jwk = Object::new(ctx.clone())?;
            jwk.set("kty", "RSA")?;
            jwk.set("n", uint8_array(&ctx, &rsa.n)?)?;
            jwk.set("e", uint8_array(&ctx, &rsa.e)?)?;
            if let Some(private) = rsa.private {
                for (key, value) in ["d", "p", "q", "dp", "dq", "qi"].into_iter().zip(private) {
                    jwk.set(key, uint8_array(&ctx, &value)?)?;
                }
            }
            Ok(jwk.into_value())
        }
        Reply::Exported(Exported::Ec(ec)) => {
            let jwk = Object::new(ctx.clone())?;
            jwk.set("kty", "EC")?;
            jwk.set("crv", curve_name(ec.curve))?;
            jwk.set("x", uint8_array(&ctx, &ec.x)?)?;
            jwk.set("y", uint8_array(&ctx, &ec.y)?)?;
            if let Some(d) = ec.d {
                jwk.set("d", uint8_array(&ctx, &d)?)?;
            }
            Ok(jwk.into_value())
        }
        Reply::Exported(Exported::Okp(okp)) => {
            let jwk = Object::new(ctx.clone())?;
            jwk.set("kty", "OKP")?;
            jwk.set("crv", curve_name(okp.curve))?;
            jwk.set("x", uint8_array(&ctx, &okp.x)?)?;
            if let Some(d) = okp.d {
                jwk.set("d", uint8_array(&ctx, &d)?)?;
            }
            Ok(jwk.into_value())
        }
        _ => Err(refusal(&ctx, "failed", "unexpected reply")),
    }
}

fn generate_key<'js>(ctx: Ctx<'js>, spec: Object<'js>) -> Result<Object<'js>> {
    let kind: String = spec.get("type")?;
    let spec = match kind.as_str() {
        "rsa" => {
            let bits = u32_arg(&ctx, "modulusLength", spec.get("modulusLength")?)?;
            let exponent: f64 = spec.get("publicExponent")?;
            if !(exponent.is_finite() && exponent >= 0.0 && exponent.fract() == 0.0 && exponent <= u64::MAX as f64) {
                return Err(refusal(&ctx, "invalid-data", "the public exponent"));
            }
            KeySpec::Rsa((bits, exponent as u64))
        }
        "ec" => KeySpec::Ec(curve(&ctx, &spec.get::<_, String>("curve")?)?),
        "ed25519" => KeySpec::Okp(Curve::Ed25519),
        "x25519" => KeySpec::Okp(Curve::X25519),
        "secret" => KeySpec::Secret(u32_arg(&ctx, "length", spec.get("length")?)?),
        _ => return Err(refusal(&ctx, "unsupported", &format!("generating a {kind} key"))),
    };
    let reply = call(&ctx, &Operation::Generate(spec))?;
    key_reply(&ctx, reply)
}

fn scheme<'js>(ctx: &Ctx<'js>, scheme: &Object<'js>) -> Result<Scheme> {
    let name: String = scheme.get("name")?;
    let hash_of = || hash(ctx, &scheme.get::<_, String>("hash")?);
    Ok(match name.as_str() {
        "hmac" => Scheme::Hmac(hash_of()?),
        "rsa-pkcs1" => Scheme::RsaPkcs1(hash_of()?),
        "rsa-pss" => Scheme::RsaPss((hash_of()?, u32_arg(ctx, "saltLength", scheme.get("saltLength")?)?)),
        "ecdsa" => Scheme::Ecdsa((hash_of()?, scheme.get::<_, bool>("der")?)),
        "ed25519" => Scheme::Ed25519,
        _ => return Err(refusal(ctx, "unsupported", &format!("the signature scheme {name}"))),
    })
}

fn sign<'js>(ctx: Ctx<'js>, handle: u32, how: Object<'js>, data: Value<'js>) -> Result<Value<'js>> {
    let reply = call(&ctx, &Operation::Sign((handle, scheme(&ctx, &how)?, bytes(&ctx, &data)?)))?;
    bytes_reply(&ctx, reply)
}

fn verify<'js>(ctx: Ctx<'js>, handle: u32, how: Object<'js>, data: Value<'js>, signature: Value<'js>) -> Result<bool> {
    let params = VerifyParams {
        key: handle,
        scheme: scheme(&ctx, &how)?,
        data: bytes(&ctx, &data)?,
        signature: bytes(&ctx, &signature)?,
    };
    match call(&ctx, &Operation::Verify(params))? {
        Reply::Verified(valid) => Ok(valid),
        _ => Err(refusal(&ctx, "failed", "unexpected reply")),
    }
}

fn aes_gcm<'js>(ctx: &Ctx<'js>, params: &Object<'js>) -> Result<AesGcm> {
    let name: String = params.get("name")?;
    if name != "aes-gcm" {
        return Err(refusal(ctx, "unsupported", &format!("the cipher {name}")));
    }
    let tag_bits: f64 = params.get("tagLength")?;
    let tag_bits = u32_arg(ctx, "tagLength", tag_bits)?;
    if tag_bits % 8 != 0 || tag_bits > 128 {
        return Err(refusal(ctx, "invalid-data", &format!("the tag length {tag_bits}")));
    }
    Ok(AesGcm {
        iv: required_bytes(ctx, params, "iv")?,
        additional_data: optional_bytes(ctx, params, "additionalData")?.unwrap_or_default(),
        tag_bytes: (tag_bits / 8) as u8,
    })
}

fn encrypt<'js>(ctx: Ctx<'js>, handle: u32, params: Object<'js>, data: Value<'js>) -> Result<Value<'js>> {
    let reply = call(&ctx, &Operation::Encrypt((handle, aes_gcm(&ctx, &params)?, bytes(&ctx, &data)?)))?;
    bytes_reply(&ctx, reply)
}

fn decrypt<'js>(ctx: Ctx<'js>, handle: u32, params: Object<'js>, data: Value<'js>) -> Result<Value<'js>> {
    let reply = call(&ctx, &Operation::Decrypt((handle, aes_gcm(&ctx, &params)?, bytes(&ctx, &data)?)))?;
    bytes_reply(&ctx, reply)
}
